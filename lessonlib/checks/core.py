"""The machinery every exercise check shares."""

from __future__ import annotations

import copy
import functools
import io
import reprlib
import signal
import sys
import textwrap
import threading
import time
import traceback
import types
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from lessonlib import check_events

#: The first characters of a check's message; the solution tests look for them.
PASS = "✅ Correct."
TRY_AGAIN = "❌ Not yet."
NOT_ATTEMPTED = "✏️ Not answered yet."
#: Check messages are printed wrapped at this many characters.
MESSAGE_WIDTH = 88
#: Seconds a check lets the learner's function run, all its calls together. The tests
#: lower it; a hub under load runs a right answer in well under a tenth of this.
LEARNER_TIME_LIMIT = 5.0
#: A hint quotes at most this many values of an answer.
SHOWN_VALUES = 6
#: The longest message a check prints; a longer one (a check that quoted a huge answer
#: whole) keeps its start and end.
MAX_MESSAGE = 800
#: What the learner's function prints during a check is shown up to this many characters
#: in all its calls (one printing megabytes would flood the notebook); the rest is counted.
SHOWN_OUTPUT = 300


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


class _OutOfTime(BaseException):
    """Raised by the alarm inside the learner's function.

    A BaseException, like KeyboardInterrupt, so that a learner's ``except Exception:``
    does not swallow it.
    """


#: Seconds the learner's functions may still run in the check being graded (None: no
#: check is running, and each call gets the whole limit).
_budget: list[float | None] = [None]
#: Characters of the learner's printed output shown, and cut, in the check being graded.
_shown: list[int] = [0, 0]


def _can_alarm() -> bool:
    # A Jupyter kernel runs cells in its main thread, where Linux and macOS deliver SIGALRM.
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _raise_at_next_line(frame: types.FrameType | None, state: dict) -> tuple:
    """Make the learner's code raise :class:`_OutOfTime` again at the next line it runs.

    A bare ``except:`` around a blocking call in an endless loop swallows every alarm, since
    each one arrives inside the ``try``; raised again from the next line, which is the
    ``except`` clause's own body, it escapes. Only code outside this module is stopped, so
    the clean-up here always runs. Returns what to restore: the old trace function and
    the frames' own ones.
    """
    def tracer(f: types.FrameType, event: str, arg: object) -> object:
        if event == "line" and state["active"] and f.f_globals.get("__name__") != __name__:
            raise _OutOfTime
        return tracer

    old_trace = sys.gettrace()
    frames = []
    while frame is not None:
        frames.append((frame, frame.f_trace))
        frame.f_trace = tracer
        frame = frame.f_back
    sys.settrace(tracer)
    return old_trace, frames


def _run_with_time_limit(func: Callable[..., object], args: tuple, seconds: float) -> object:
    """``func(*args)``, stopped with :class:`_OutOfTime` after ``seconds`` where possible.

    Where SIGALRM is missing (Windows) or off the main thread the call runs without a
    limit; an interrupt (Kernel > Interrupt) still stops it with a short message.
    Any previous SIGALRM handler and timer are restored afterwards.
    """
    if seconds <= 0:
        raise _OutOfTime
    if not _can_alarm():
        return func(*args)
    state: dict = {"active": True, "traced": None}
    hard_end = time.monotonic() + seconds + 1.0

    def on_alarm(signum: int, frame: types.FrameType | None) -> None:
        if state["active"] and time.monotonic() < hard_end:
            if state["traced"] is None:
                state["traced"] = _raise_at_next_line(frame, state)
            raise _OutOfTime
        # Late or stray tick: the limit is over, so disarm and let the code run on.
        signal.setitimer(signal.ITIMER_REAL, 0)

    try:
        old_handler = signal.signal(signal.SIGALRM, on_alarm)
    except (ValueError, OSError):  # signals not ours to set here (an embedded interpreter)
        return func(*args)
    started = time.monotonic()
    # Repeat every 0.1 s: a learner's bare `except:` inside a loop swallows one alarm only.
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds, 0.1)
    try:
        try:
            return func(*args)
        finally:
            state["active"] = False
    finally:
        state["active"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if state["traced"] is not None:
            old_trace, frames = state["traced"]
            sys.settrace(old_trace)
            for f, f_trace in frames:
                f.f_trace = f_trace
        if old_delay > 0:  # someone else's timer was running: give it back what is left
            left = old_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3), old_interval)


def _seconds(x: float) -> str:
    return f"{x:g} second{'' if x == 1 else 's'}"


class _CappedText(io.TextIOBase):
    """A text stream that keeps the first :data:`SHOWN_OUTPUT` characters and counts the rest."""

    def __init__(self, room: int) -> None:
        self.kept: list[str] = []
        self.room = room
        self.n_kept = 0
        self.n_cut = 0

    def writable(self) -> bool:
        return True

    def write(self, text: object) -> int:
        text = str(text)
        room = max(self.room - self.n_kept, 0)
        self.kept.append(text[:room])
        self.n_kept += min(len(text), room)
        self.n_cut += max(len(text) - room, 0)
        return len(text)

    def shown(self, with_cut: bool = True) -> str:
        text = "".join(self.kept)
        if self.n_cut and with_cut:
            text += _cut_note(self.n_cut)
        return text


def _cut_note(n_cut: int) -> str:
    return f"\n[... {n_cut:,} more characters your function printed are not shown]\n"


def _run_quietly(func: Callable[..., object], args: tuple, seconds: float) -> object:
    """:func:`_run_with_time_limit`, with what ``func`` prints (stdout and stderr) cut to
    :data:`SHOWN_OUTPUT` characters and shown after it returns."""
    out = _CappedText(SHOWN_OUTPUT - _shown[0])
    old_out, old_err = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = out
    try:
        return _run_with_time_limit(func, args, seconds)
    finally:
        sys.stdout, sys.stderr = old_out, old_err
        in_check = _budget[0] is not None
        if in_check:  # the cap holds for all its calls together; the cut is told at the end
            _shown[0] += out.n_kept
            _shown[1] += out.n_cut
        text = out.shown(with_cut=not in_check)
        if text:
            old_out.write(text if text.endswith("\n") else text + "\n")


def _not_an_exception(exc: BaseException, who: str) -> LearnerCodeError:
    """The sentence for a BaseException that is not an error (a learner's own subclass,
    GeneratorExit): it would stop the check, and the kernel's cell, like an interrupt."""
    return LearnerCodeError(
        f"{who} raised {type(exc).__name__}, which is not an ordinary error (it derives from "
        "BaseException, like KeyboardInterrupt, so it would stop the notebook's cell). Raise "
        "an Exception such as ValueError, or return the result")


def read_answer(func: Callable[..., object], *args: object) -> object:
    """``func(*args)``: check code that runs the learner's answer's own code, under the limit.

    Converting an answer runs code the learner wrote: its ``__float__`` or ``__array__``,
    the items of a generator. That takes the check's remaining :data:`LEARNER_TIME_LIMIT`
    (or the whole limit outside a check), like a call of the learner's function, and an
    exit, an interrupt or another BaseException becomes a :class:`LearnerCodeError`.

    Examples
    --------
    >>> read_answer(list, (x * x for x in range(3)))
    [0, 1, 4]
    """
    left = _budget[0]
    limit = LEARNER_TIME_LIMIT if left is None else max(left, 0.1)
    started = time.monotonic()
    try:
        return _run_quietly(func, args, limit)
    except _OutOfTime:
        raise LearnerCodeError(
            f"reading your answer took more than {_seconds(LEARNER_TIME_LIMIT)}, so the check "
            "stopped. Its own code runs when the check reads it (a generator's items, a "
            "`__float__` or `__array__`): give plain numbers, a list or a NumPy array") from None
    except KeyboardInterrupt:
        raise LearnerCodeError(
            f"you stopped the check after {time.monotonic() - started:.1f} seconds while it "
            "read your answer; give plain numbers, a list or a NumPy array") from None
    except SystemExit:
        raise LearnerCodeError("reading your answer called exit() (or sys.exit), which would "
                               "stop the notebook's kernel; give plain numbers") from None
    except Exception:
        raise
    except BaseException as exc:  # noqa: BLE001 - a learner's own BaseException, GeneratorExit
        raise _not_an_exception(exc, "reading your answer") from None
    finally:
        if left is not None:
            _budget[0] = left - (time.monotonic() - started)


def call_learner(func: object, *args: object, fresh_copies: bool = True) -> object:
    """Call the learner's function, turning any exception into :class:`LearnerCodeError`.

    Each argument is passed as a fresh (deep) copy, so a function that changes its inputs
    in place changes neither the check's own data nor the next call's. The function may
    run for :data:`LEARNER_TIME_LIMIT` seconds (all calls of one check together); then it
    is stopped and the check says so. An interrupt (the stop button) gives a short
    message too, not a traceback.

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
        raise LearnerCodeError(f"expected a function, got {type(func).__name__} "
                               f"{short_repr(func)}")
    if fresh_copies:
        args = tuple(copy.deepcopy(a) for a in args)
    left = _budget[0]
    limit = LEARNER_TIME_LIMIT if left is None else left
    started = time.monotonic()
    try:
        result = _run_quietly(func, args, limit)
    except _OutOfTime:
        raise LearnerCodeError(
            f"your function was still running after {_seconds(LEARNER_TIME_LIMIT)}, so the "
            "check stopped it. Look for a loop that never ends (a `while` whose condition "
            "never turns false), or work on whole arrays instead of one entry at a time"
        ) from None
    except KeyboardInterrupt:
        raise LearnerCodeError(
            f"you stopped your function after {time.monotonic() - started:.1f} seconds. If "
            "it never finishes on its own, look for a loop that never ends"
        ) from None
    except SystemExit:
        raise LearnerCodeError("your function called exit() (or sys.exit), which would stop "
                               "the notebook's kernel; `return` the result instead") from None
    except Exception as exc:  # noqa: BLE001 - the learner's code may raise anything
        frames = traceback.extract_tb(exc.__traceback__)
        where = ""
        if frames:
            last = frames[-1]
            where = f" (line {last.lineno}: `{(last.line or '').strip()[:80]}`)"
        arg_text = ", ".join(short_repr(a, 40) for a in args)
        raise LearnerCodeError(
            f"your function raised {type(exc).__name__}: {str(exc)[:200]}{where} "
            f"when called with ({arg_text:.80})"
        ) from None
    except BaseException as exc:  # noqa: BLE001 - a learner's own BaseException, GeneratorExit
        raise _not_an_exception(exc, "your function") from None
    finally:
        if left is not None:
            _budget[0] = left - (time.monotonic() - started)
    if result is None and not is_stub(func):
        raise LearnerCodeError(
            "your function returned None: its last line must be `return ...`, "
            "giving back the result"
        )
    return result


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = _REPR.maxlong = 40
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxdict = SHOWN_VALUES


def short_repr(value: object, width: int = 60) -> str:
    """``repr(value)`` cut to about ``width`` characters, fast even for a huge answer.

    Examples
    --------
    >>> short_repr(list(range(10**6)))
    '[0, 1, 2, 3, 4, 5, ...]'
    >>> short_repr(10**400)
    '100000000000000000...0000000000000000000'
    """
    if isinstance(value, np.ndarray):
        with np.printoptions(threshold=SHOWN_VALUES, edgeitems=2, precision=4):
            text = repr(value)
    else:
        try:
            text = _REPR.repr(value)
        except Exception:  # noqa: BLE001 - a learner's object may have a broken __repr__
            text = f"<{type(value).__name__}>"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def preview(values: object, k: int = SHOWN_VALUES) -> str:
    """The first ``k`` values of an answer, and how many there are in all.

    Examples
    --------
    >>> preview(np.arange(10**7))
    '[0, 1, 2, 3, 4, 5, ...] (10,000,000 values)'
    >>> preview([0.5, 2])
    '[0.5, 2]'
    """
    arr = np.asarray(values).ravel()
    shown = ", ".join(f"{x:.6g}" if isinstance(x, float) else short_repr(x, 20)
                      for x in arr[:k].tolist())
    if arr.size <= k:
        return f"[{shown}]"
    return f"[{shown}, ...] ({arr.size:,} values)"


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

    The returned check keeps the grader as ``check.grade`` for tests, and as
    ``check.verdict`` the :class:`Feedback` it prints (what ``grade`` gives, with the
    learner's errors, interrupts and time limit already turned into hints).

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

    def verdict(*args: object, **kwargs: object) -> Feedback:
        if args and all(is_unanswered(a) for a in args):
            return Feedback.unanswered()
        if any(isinstance(a, np.ma.MaskedArray) for a in (*args, *kwargs.values())):
            # Whatever a grader does with it, a masked entry would be read as its hidden
            # value (np.asarray, .item(), iteration): refuse it here, once for all checks.
            return Feedback.hint("your answer is a masked array (numpy.ma), whose hidden "
                                 "entries the check cannot read; give a plain array "
                                 "(`.filled(0)` or `np.asarray(...)`) or plain numbers.")
        _budget[0] = LEARNER_TIME_LIMIT  # for all the learner's calls in this check
        _shown[:] = [0, 0]
        try:
            with np.errstate(all="ignore"):  # an overflow in a check's arithmetic is no news
                return grader(*args, **kwargs)
        except LearnerCodeError as exc:
            return Feedback.hint(f"{exc}. Fix that and run both cells again.")
        except (KeyboardInterrupt, _OutOfTime):
            return Feedback.hint("the check was stopped before it finished; run this cell "
                                 "again to see its verdict.")
        except Exception as exc:  # noqa: BLE001 - a check must never crash
            return Feedback.hint(
                f"the check could not use this answer ({type(exc).__name__}: "
                f"{str(exc)[:200]}). Look at what the exercise asks for: its type and shape."
            )
        except BaseException as exc:  # noqa: BLE001 - SystemExit etc. from an answer's own code
            return Feedback.hint(f"{_not_an_exception(exc, 'your answer')}. Fix that and run "
                                 "both cells again.")
        finally:
            _budget[0] = None
            if _shown[1]:
                sys.stdout.write(_cut_note(_shown[1]).lstrip("\n"))
            _shown[:] = [0, 0]

    def short_verdict(*args: object, **kwargs: object) -> Feedback:
        feedback = verdict(*args, **kwargs)
        text = feedback.message
        if len(text) <= MAX_MESSAGE:
            return feedback
        cut = f"{text[: MAX_MESSAGE // 2]} [...] {text[-MAX_MESSAGE // 3:]}"
        return Feedback(feedback.passed, cut, feedback.attempted)

    @functools.wraps(grader)
    def check(*args: object, **kwargs: object) -> None:
        feedback = short_verdict(*args, **kwargs)
        print(for_notebook(str(feedback)) if in_notebook() else feedback)
        result = "pass" if feedback.passed else ("hint" if feedback.attempted else "unanswered")
        check_events.publish(grader.__name__, result, str(feedback))  # pace logs listen

    check.grade = grader  # type: ignore[attr-defined]
    check.verdict = short_verdict  # type: ignore[attr-defined]
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


def learner_numbers(answer: object, what: str, max_size: int = 100_000) -> np.ndarray:
    """The learner's answer as a finite float array, or :class:`LearnerCodeError` saying why.

    Reading the answer runs under the check's time limit (see :func:`read_answer`).

    The one place where the checks turn an answer into numbers: text, complex numbers,
    masked arrays (``numpy.ma``), NaN, inf and numbers too large for a float are each
    named, and so is an answer of more than ``max_size`` numbers (no exercise asks for
    that many; converting it would only stall the check). Booleans become 0 and 1 (a check
    that means a count refuses them first).

    Examples
    --------
    >>> learner_numbers([1, 2], "your point")
    array([1., 2.])
    >>> learner_numbers(np.array([2 + 3j, 0]), "your point")
    Traceback (most recent call last):
    ...
    lessonlib.checks.core.LearnerCodeError: your point holds complex numbers ((2+3j)); ...
    >>> learner_numbers(np.array(["1.0", "0"], dtype=object), "your point")
    Traceback (most recent call last):
    ...
    lessonlib.checks.core.LearnerCodeError: your point must be numbers, got values of type str: ...
    """
    return read_answer(_learner_numbers, answer, what, max_size)  # type: ignore[return-value]


def _learner_numbers(answer: object, what: str, max_size: int) -> np.ndarray:
    if not isinstance(answer, (np.generic, bool)):
        # A subclass of float or int may override __float__/__index__ to say another value
        # than it holds (NumPy asks them): read the value it holds.
        if isinstance(answer, float) and type(answer) is not float:
            answer = float.__float__(answer)
        elif isinstance(answer, int) and type(answer) is not int:
            answer = int.__int__(answer)
    if isinstance(answer, (str, bytes, dict)) or callable(answer) or answer is None:
        raise LearnerCodeError(f"{what} must be numbers, got {a_kind(answer)} "
                               f"{short_repr(answer, 40)}")
    if isinstance(answer, np.ma.MaskedArray):
        raise LearnerCodeError(
            f"{what} is a masked array (numpy.ma), whose hidden entries the check cannot "
            "read; give a plain array (`.filled(0)` or `np.asarray(...)`)")
    try:
        raw = np.asarray(answer)
    except (TypeError, ValueError, OverflowError):
        raise LearnerCodeError(
            f"{what} must be numbers (a number, or a list or array of them with rows of one "
            f"length), got {a_kind(answer)} {short_repr(answer, 40)}") from None
    if raw.size > max_size:
        raise LearnerCodeError(f"{what} holds {raw.size:,} values; no answer here needs "
                               f"more than {max_size:,}")
    if raw.dtype.kind == "c" or (raw.dtype == object and any(
            isinstance(x, complex) for x in raw.ravel()[:10_000].tolist())):
        first = next((x for x in np.asarray(raw, dtype=complex).ravel().tolist() if x.imag),
                     None) if raw.dtype.kind == "c" else None
        shown = f" ({first})" if first is not None else " (complex type, imaginary parts 0)"
        raise LearnerCodeError(
            f"{what} holds complex numbers{shown}; the answer is real numbers. Look for "
            "where the imaginary part `j` comes from (a square root of a negative number?)")
    if raw.dtype == object:
        # np.asarray(..., dtype=float) would read "1.0" as 1.0, while a list of text is refused
        text = next((x for x in raw.ravel().tolist() if isinstance(x, (str, bytes))), None)
        if text is not None:
            raise LearnerCodeError(f"{what} must be numbers, got values of type "
                                   f"{type(text).__name__}: {short_repr(answer, 40)}")
    if raw.dtype.kind not in "biuf" + "O":
        kind = {"U": "str", "S": "bytes"}.get(raw.dtype.kind, str(raw.dtype))
        raise LearnerCodeError(f"{what} must be numbers, got values of type {kind}: "
                               f"{short_repr(answer, 40)}")
    try:
        arr = np.asarray(raw, dtype=float)
    except OverflowError:
        raise LearnerCodeError(f"{what} holds a number too large for a float (the largest is "
                               f"about 1.8e308): {short_repr(answer, 40)}") from None
    except (TypeError, ValueError):
        raise LearnerCodeError(
            f"{what} must be numbers, got {a_kind(answer)} {short_repr(answer, 40)}"
        ) from None
    if not np.all(np.isfinite(arr)):
        raise LearnerCodeError(f"{what} contains NaN or inf")
    return arr


def learner_number(answer: object, what: str) -> float:
    """The learner's answer as one finite float, or :class:`LearnerCodeError` saying why.

    A number of any NumPy type, a 0-d array or a one-element list or array passes;
    True/False, text and several numbers are named.

    Examples
    --------
    >>> learner_number(np.float32(0.5), "lambda"), learner_number(np.array([69]), "steps")
    (0.5, 69.0)
    >>> learner_number(10**400, "steps")
    Traceback (most recent call last):
    ...
    lessonlib.checks.core.LearnerCodeError: steps holds a number too large for a float ...
    """
    if isinstance(answer, (bool, np.bool_)) or (
            isinstance(answer, np.ndarray) and answer.dtype == bool):
        raise LearnerCodeError(f"{what} should be a number, got the yes/no value {answer!r}")
    arr = learner_numbers(answer, what)
    if arr.size != 1:
        raise LearnerCodeError(f"{what} should be one number, got {arr.size:,} of them "
                               f"({a_kind(answer)} {short_repr(answer, 40)})")
    return float(arr.reshape(()))


def only_item(answer: object) -> object:
    """The one thing inside a one-element list, tuple or array; anything else unchanged.

    ``np.flatnonzero(w)`` gives a one-element array, and ``[32]`` or ``["antenna"]`` is a
    natural way to write one answer.

    Examples
    --------
    >>> only_item([32]), only_item(np.array(["l1"])), only_item((1, 2))
    (32, 'l1', (1, 2))
    """
    if isinstance(answer, (list, tuple)) and len(answer) == 1:
        return answer[0]
    if isinstance(answer, np.ndarray) and answer.size == 1:
        return answer.reshape(()).item()
    return answer


def learner_word(answer: object, separators: str = "_", max_length: int = 100) -> str | None:
    """A short text answer as lower-case words; None for anything that is not short text.

    The one reader of word answers for every check: a one-item list or array is unwrapped,
    bytes and NumPy strings are read as text, ``separators`` become spaces, and quotes,
    full stops, exclamation marks and extra spaces are dropped. Each check then looks the
    words up among the spellings it accepts.

    Examples
    --------
    >>> learner_word(["  'About_10'. "])
    'about 10'
    >>> learner_word("min-L1", separators="-")
    'min l1'
    >>> learner_word(0.5) is None, learner_word("x" * 200) is None
    (True, True)
    """
    answer = only_item(answer)
    if isinstance(answer, bytes):
        answer = answer.decode("utf-8", "replace")
    if isinstance(answer, np.str_):
        answer = str(answer)
    if not isinstance(answer, str) or len(answer) > max_length:
        return None
    text = answer.lower()
    for sep in separators:
        text = text.replace(sep, " ")
    return " ".join(text.strip().strip("'\".!").split()) or None


def learner_choice(answer: object, aliases: dict[str, str]) -> str | Feedback:
    """The option a word answer names, or the Feedback naming the options.

    ``aliases`` maps every accepted spelling (as :func:`learner_word` reads it) to its
    option; the options are listed in the order they first appear.

    Examples
    --------
    >>> aliases = {"falls": "falls", "down": "falls", "rises": "rises", "up": "rises"}
    >>> learner_choice(" Down.", aliases)
    'falls'
    >>> print(learner_choice("sideways", aliases).message)
    answer with one of "falls" or "rises", not 'sideways'.
    """
    options = list(dict.fromkeys(aliases.values()))
    listed = ", ".join(f'"{o}"' for o in options[:-1]) + f' or "{options[-1]}"' \
        if len(options) > 1 else f'"{options[0]}"'
    if is_unanswered(answer):
        return Feedback.unanswered(listed)
    word = learner_word(answer)
    if word is None or word not in aliases:
        return Feedback.hint(f"answer with one of {listed}, not {short_repr(answer, 40)}.")
    return aliases[word]


def sorted_if_set(answer: object) -> object:
    """A set (the natural Python answer to "list every ...") as a sorted list; else unchanged.

    Examples
    --------
    >>> sorted_if_set({3, -1})
    [-1, 3]
    """
    if isinstance(answer, (set, frozenset)):
        try:
            return read_answer(sorted, answer)  # comparing runs the items' own code
        except TypeError:  # mixed types cannot be sorted; learner_numbers will say what is wrong
            return list(answer)
    return answer
