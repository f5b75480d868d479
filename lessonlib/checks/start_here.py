"""Checks of notebook 00: the demonstration exercise (counting non-zero entries) and the
one prediction (how much stronger the L1 push is than the L2 push near 0)."""

from __future__ import annotations

import numbers
from decimal import Decimal

import numpy as np

from lessonlib.checks.core import (
    Feedback,
    LearnerCodeError,
    a_kind,
    exercise,
    is_unanswered,
    learner_number,
    short_repr,
)

__all__ = ["DEMO_VECTOR", "check_nonzero_count", "check_push_ratio"]

#: The vector the exercise asks about. Its sum (4) and L1 norm (8) differ from its count of
#: non-zeros (2), its length (5) and its count of zeros (3), so adding the entries up, or
#: their sizes, never passes by accident.
DEMO_VECTOR: tuple[int, ...] = (0, 6, 0, 0, -2)

_ASK = f"Count the entries of {list(DEMO_VECTOR)} that are different from 0."


@exercise
def check_nonzero_count(answer: object) -> Feedback:
    """Grade the learner's count of the non-zero entries of ``[0, 6, 0, 0, -2]``.

    Any number equal to 2 passes (``2``, ``2.0``, ``np.int64(2)``, the result of
    ``np.count_nonzero``); the usual slips get a hint that names the slip.

    Parameters
    ----------
    answer : object
        The learner's count.

    Examples
    --------
    >>> check_nonzero_count(2)
    ✅ Correct. Two entries, 6 and -2, are not 0, so this vector has 2 non-zeros (its L0 "norm").
    >>> check_nonzero_count(5)
    ❌ Not yet. 5 is the length of the vector: you counted every entry, zeros included. Count only the entries that are not 0.
    >>> check_nonzero_count.grade(3).passed, check_nonzero_count.grade(sum(DEMO_VECTOR)).passed
    (False, False)
    """  # noqa: E501
    if isinstance(answer, (str, bytes)):
        text = answer.strip() if isinstance(answer, str) else answer
        return Feedback.hint(
            f"you wrote the text {short_repr(text, 40)}. Write the count as a number, without "
            "quotes "
            "(for example `nonzeros = 7`)."
        )
    if isinstance(answer, (np.ma.MaskedArray, complex, np.complexfloating)) or (
            isinstance(answer, np.ndarray) and answer.dtype.kind == "c"):
        try:  # always raises: the one coercion names what is wrong
            learner_number(answer, "your count")
        except LearnerCodeError as exc:
            return Feedback.hint(f"{exc}. " + _ASK)
    if isinstance(answer, (bool, np.bool_)):
        return Feedback.hint(
            f"{answer} is a yes/no value, not a count. The answer is a whole number. " + _ASK
        )
    if isinstance(answer, (list, tuple, np.ndarray)):
        try:
            arr = np.asarray(answer)
        except ValueError:  # a ragged list
            return Feedback.hint("answer with one number (a count), not a list.")
        if arr.size == 1 and arr.dtype.kind in "iuf":
            return check_nonzero_count.grade(arr.item())
        if arr.dtype == bool:
            return Feedback.hint(
                "this is a mask of True/False values, one per entry. The question asks how "
                "many entries are non-zero: count the True values (for example with `sum`)."
            )
        if arr.dtype.kind in "iuf" and arr.size == 2 and sorted(arr.ravel().tolist()) == [-2, 6]:
            return Feedback.hint(
                "you listed the non-zero entries themselves. The question asks *how many* "
                "there are: one number."
            )
        return Feedback.hint(f"answer with one number (a count), not {a_kind(answer)}.")
    if not isinstance(answer, (numbers.Real, np.number, Decimal)):
        return Feedback.hint(
            f"answer with one number (a count), not {a_kind(answer)}. " + _ASK
        )
    try:
        value = learner_number(answer, "your count")
    except LearnerCodeError as exc:
        if "NaN or inf" in str(exc):
            return Feedback.hint(f"{float(answer)} is not a count. " + _ASK)  # type: ignore
        return Feedback.hint(f"{exc}. " + _ASK)
    if value == 2:
        return Feedback.ok(
            'Two entries, 6 and -2, are not 0, so this vector has 2 non-zeros (its L0 "norm").'
        )
    if not np.isfinite(value):
        return Feedback.hint(f"{value} is not a count. " + _ASK)
    if value != round(value):
        return Feedback.hint(f"a count is a whole number, and {value:g} is not. " + _ASK)
    hints = {
        5: "5 is the length of the vector: you counted every entry, zeros included. "
        "Count only the entries that are not 0.",
        3: "3 is the number of zeros. The question asks for the entries that are *not* 0.",
        1: "did you skip the -2? A negative weight is non-zero too: only an exact 0 "
        "does not count.",
        4: "4 is the sum of the entries, 6 + (-2), not a count. Each non-zero entry counts 1, "
        "whatever its value.",
        8: "8 is the sum of the sizes |6| + |-2| (the L1 norm), not a count. "
        "Each non-zero entry counts 1, whatever its size.",
        0: "the vector does have non-zero entries: 6 and -2 are not 0.",
    }
    if value in hints:
        return Feedback.hint(hints[int(value)])
    if value < 0:
        return Feedback.hint("a count cannot be negative. " + _ASK)
    return Feedback.hint(f"{value:g} is not the count. " + _ASK)


#: The weight at which notebook 00 compares the two pushes.
PUSH_AT = 0.01


@exercise
def check_push_ratio(answer: object) -> Feedback:
    """Predict: at w = 0.01, how many times stronger is the slope of |w| than that of w**2?

    The slopes are 1 and 2w = 0.02, so the answer is 50 (1, 50 or 100 offered).

    Examples
    --------
    >>> check_push_ratio.grade(50).passed, check_push_ratio.grade(100).passed
    (True, False)
    >>> check_push_ratio.grade(...).attempted
    False
    """
    if is_unanswered(answer):
        return Feedback.unanswered("a number: 1, 50 or 100")
    if isinstance(answer, (list, tuple, np.ndarray)) and np.size(answer) == 1:
        answer = np.asarray(answer).reshape(()).item()
    if isinstance(answer, (bool, np.bool_, str, bytes)):
        return Feedback.hint(f"answer with a number (1, 50 or 100), not {a_kind(answer)}.")
    try:
        value = learner_number(answer, "your answer")
    except LearnerCodeError:
        return Feedback.hint(f"answer with one number (1, 50 or 100), not {a_kind(answer)}.")
    l1_slope, l2_slope = 1.0, 2 * PUSH_AT
    truth = l1_slope / l2_slope
    if abs(value - truth) <= 1e-6 * truth:
        return Feedback.ok(f"The slope of |w| is 1 at any w > 0; the slope of w**2 is 2w = "
                           f"{l2_slope:g}. 1 / {l2_slope:g} = {truth:g}.")
    if value == 1:
        return Feedback.hint("the two slopes are not the same near 0: |w| rises with slope 1, "
                             "but w**2 is almost flat there. Its slope is 2w.")
    if value == 100:
        return Feedback.hint("1 / 0.01 = 100 takes the slope of w**2 to be w. It is 2w (the "
                             "derivative of w**2), twice that.")
    return Feedback.hint(f"{value:g} is not it. The slope of |w| at w = 0.01 is 1; the slope of "
                         "w**2 is 2w. Divide the first by the second.")
