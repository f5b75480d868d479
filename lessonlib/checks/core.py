"""The machinery every exercise check shares."""

from __future__ import annotations

import functools
import textwrap
import traceback
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from lessonlib import pace

#: The first characters of a check's message; the solution tests look for them.
PASS = "✅ Correct."
TRY_AGAIN = "❌ Not yet."
NOT_ATTEMPTED = "✏️ Not answered yet."
#: Check messages are printed wrapped at this many characters.
MESSAGE_WIDTH = 88


@dataclass(frozen=True)
class Feedback:
    """What a grader concludes: passed or not, and the sentence to show."""

    passed: bool
    message: str
    attempted: bool = True

    def __str__(self) -> str:
        head = PASS if self.passed else (TRY_AGAIN if self.attempted else NOT_ATTEMPTED)
        return f"{head} {self.message}".rstrip()

    @classmethod
    def ok(cls, message: str = "") -> Feedback:
        return cls(True, message)

    @classmethod
    def hint(cls, message: str) -> Feedback:
        return cls(False, message)

    @classmethod
    def unanswered(cls, what: str = "your answer") -> Feedback:
        return cls(False, f"Replace the `...` with {what}, run that cell, then this one.", False)


class LearnerCodeError(Exception):
    """The learner's own function raised; carries a short, readable description."""


def is_unanswered(value: object) -> bool:
    """True for the placeholders an exercise starts with (``...`` or ``None``).

    Examples
    --------
    >>> is_unanswered(...)
    True
    >>> is_unanswered(0)
    False
    """
    return value is Ellipsis or value is None


def _does_nothing(*args: object) -> None: ...


def is_stub(func: object) -> bool:
    """True for a function whose body does nothing (still the exercise's ``...``).

    Examples
    --------
    >>> def f(x):
    ...     ...
    >>> is_stub(f), is_stub(lambda x: x)
    (True, False)
    """
    code = getattr(func, "__code__", None)
    ref = _does_nothing.__code__
    return code is not None and code.co_code == ref.co_code and code.co_consts == ref.co_consts


def call_learner(func: object, *args: object, **kwargs: object) -> object:
    """Call the learner's function, turning any exception into :class:`LearnerCodeError`.

    A function that still has only its ``...`` body returns None, which the checks read
    as "not answered yet"; any other function that returns None has lost its ``return``.

    Examples
    --------
    >>> call_learner(lambda x: x + 1, 1)
    2
    >>> def forgot(x):
    ...     y = x + 1
    >>> call_learner(forgot, 1)
    Traceback (most recent call last):
    ...
    lessonlib.checks.core.LearnerCodeError: your function returned None: ...
    """
    if not callable(func):
        raise LearnerCodeError(f"expected a function, got {type(func).__name__} {func!r:.60}")
    try:
        result = func(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the learner's code may raise anything
        frames = traceback.extract_tb(exc.__traceback__)
        where = ""
        if frames:
            last = frames[-1]
            where = f" (line {last.lineno}: `{(last.line or '').strip()}`)"
        arg_text = ", ".join(repr(a) for a in args)
        raise LearnerCodeError(
            f"your function raised {type(exc).__name__}: {exc}{where} "
            f"when called with ({arg_text:.80})"
        ) from None
    if result is None and not is_stub(func):
        raise LearnerCodeError(
            "your function returned None: its last line must be `return ...`, "
            "giving back the result"
        )
    return result


def in_notebook() -> bool:
    """True when running in a Jupyter kernel (where output goes to a notebook)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    return type(get_ipython()).__name__ == "ZMQInteractiveShell"


def for_notebook(message: str) -> str:
    """A check message wrapped at :data:`MESSAGE_WIDTH` characters, between words.

    JupyterLab breaks a long output line anywhere, mid-word included (its output CSS has
    ``word-break: break-all``); lines this short fit a notebook column whole.

    Examples
    --------
    >>> print(for_notebook("❌ Not yet. " + "word " * 20))
    ❌ Not yet. word word word word word word word word word word word word word word word
    word word word word word
    """
    return textwrap.fill(message, MESSAGE_WIDTH, break_long_words=False, break_on_hyphens=False)


def exercise(grader: Callable[..., Feedback]) -> Callable[..., None]:
    """Turn a grader into a check that prints its feedback and never raises.

    The returned check keeps the grader as ``check.grade`` for tests.

    Examples
    --------
    >>> @exercise
    ... def check_answer(x):
    ...     return Feedback.ok() if x == 42 else Feedback.hint("think of a larger number")
    >>> check_answer(41)
    ❌ Not yet. think of a larger number
    >>> check_answer(42)
    ✅ Correct.
    """

    @functools.wraps(grader)
    def check(*args: object, **kwargs: object) -> None:
        if args and all(is_unanswered(a) for a in args):
            feedback = Feedback.unanswered()
        else:
            try:
                feedback = grader(*args, **kwargs)
            except LearnerCodeError as exc:
                feedback = Feedback.hint(f"{exc}. Fix that and run both cells again.")
            except Exception as exc:  # noqa: BLE001 - a check must never crash
                feedback = Feedback.hint(
                    f"the check could not use this answer ({type(exc).__name__}: {exc}). "
                    "Look at what the exercise asks for: its type and shape."
                )
        print(for_notebook(str(feedback)) if in_notebook() else feedback)
        result = "pass" if feedback.passed else ("hint" if feedback.attempted else "unanswered")
        pace.record_check(grader.__name__, result, str(feedback))

    check.grade = grader  # type: ignore[attr-defined]
    return check


def a_kind(value: object) -> str:
    """What a value is, with its article, for a hint: "a list", "an ndarray (a NumPy array)".

    Examples
    --------
    >>> a_kind([1]), a_kind(np.zeros(2)), a_kind(1), a_kind(np.uint8(1))
    ('a list', 'an ndarray (a NumPy array)', 'an int', 'a uint8')
    """
    if isinstance(value, np.ndarray):
        return "an ndarray (a NumPy array)"
    name = type(value).__name__
    # "an int", but "a uint8", "a UserDict": type names starting with u sound like "you"
    return f"{'an' if name[:1].lower() in 'aeio' else 'a'} {name}"


def learner_numbers(answer: object, what: str) -> np.ndarray:
    """The learner's answer as a finite float array, or :class:`LearnerCodeError` saying why.

    Examples
    --------
    >>> learner_numbers([1, 2], "your point")
    array([1., 2.])
    """
    if isinstance(answer, (str, bytes, dict)):
        raise LearnerCodeError(f"{what} must be numbers, got {type(answer).__name__}")
    try:
        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        raise LearnerCodeError(
            f"{what} must be numbers, got {type(answer).__name__} {answer!r:.60}"
        ) from None
    if not np.all(np.isfinite(arr)):
        raise LearnerCodeError(f"{what} contains NaN or inf")
    return arr


def sorted_if_set(answer: object) -> object:
    """A set (the natural Python answer to "list every ...") as a sorted list; else unchanged.

    Examples
    --------
    >>> sorted_if_set({3, -1})
    [-1, 3]
    """
    if isinstance(answer, (set, frozenset)):
        try:
            return sorted(answer)
        except TypeError:  # mixed types cannot be sorted; learner_numbers will say what is wrong
            return list(answer)
    return answer
