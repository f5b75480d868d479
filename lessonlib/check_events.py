"""Exercise checks announce their outcomes here; whoever wants them subscribes.

The checks (:mod:`lessonlib.checks.core`) know nothing about who listens: each finished check
calls :func:`publish` with its name, its result (``"pass"``, ``"hint"`` or ``"unanswered"``)
and the sentence it printed. The workshop's pace log (:mod:`lessonlib.pace`) subscribes while
it is on and writes only a masked form of that sentence; nothing else subscribes by default.

Examples
--------
>>> seen = []
>>> def note(name, result, message):
...     seen.append((name, result))
>>> subscribe(note)
>>> publish("check_answer", "pass", "✅ Correct.")
>>> unsubscribe(note)
>>> publish("check_answer", "hint", "❌ Not yet.")  # nobody listens any more
>>> seen
[('check_answer', 'pass')]
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["Listener", "publish", "subscribe", "unsubscribe"]

#: A subscriber: called with (check name, result, the sentence the check printed).
Listener = Callable[[str, str, str], None]

_listeners: list[Listener] = []


def subscribe(listener: Listener) -> None:
    """Call ``listener`` after every check from now on (once, however often subscribed)."""
    if not callable(listener):
        raise TypeError(f"listener must be a function, got {type(listener).__name__}")
    if listener not in _listeners:
        _listeners.append(listener)


def unsubscribe(listener: Listener) -> None:
    """Stop calling ``listener``; a listener that is not subscribed is ignored."""
    if listener in _listeners:
        _listeners.remove(listener)


def publish(check_name: str, result: str, message: str) -> None:
    """Tell every subscriber that a check finished; a failing subscriber never stops a check."""
    for listener in list(_listeners):
        try:
            listener(check_name, result, message)
        except Exception:  # noqa: BLE001 - telemetry must never break a learner's cell
            pass
