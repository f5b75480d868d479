"""Checks for notebook 01, *Sparse features and the price of dimensions*.

Each ``check_xxx`` prints a pass or a specific hint and never raises; its
grader, ``check_xxx.grade``, returns a :class:`~lessonlib.checks.core.Feedback`
for the unit tests.
"""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np

from lessonlib.checks.core import (
    Feedback,
    LearnerCodeError,
    call_learner,
    exercise,
    is_unanswered,
    learner_number,
    learner_numbers,
)
from lessonlib.wide import cross_dimension, dense_bytes, sparse_bytes

__all__ = ["check_cross_size", "check_dense_bytes", "check_l0_midpoint", "check_sparse_budget"]


def _number(value: object, what: str) -> float | Feedback:
    """``value`` as a float, or a Feedback saying why it is not a plain number."""
    if isinstance(value, (str, bytes)):
        return Feedback.hint(f"{what} should be a number, not text ({value!r:.40}). "
                             "Remove the quotes.")
    try:
        return learner_number(value, what)
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}.")


def _close(x: float, target: float, rel: float = 1e-6) -> bool:
    return math.isclose(x, target, rel_tol=rel, abs_tol=0.5 if target >= 1 else 0.0)


def _true_cross(minutes: float) -> int:
    return cross_dimension(round(180 * 60 / minutes), round(360 * 60 / minutes))


@exercise
def check_cross_size(cross_size: object) -> Feedback:
    """Grade ``cross_size(minutes)``: the dimension of the lat x lon cross at that bucket size.

    Examples
    --------
    >>> check_cross_size(lambda m: (180 * 60 / m) * (360 * 60 / m))
    ✅ Correct. 1 minute: 233,280,000 cells; 1 second: 839,808,000,000.
    """
    if not callable(cross_size):
        return Feedback.hint("cross_size should be a function: `def cross_size(minutes): ...`.")
    for minutes in (1.0, 10.0, 60.0, 30.0, 1.0 / 60.0):
        value = call_learner(cross_size, minutes)
        if value is None:
            return Feedback(False, "cross_size returned None: replace the `...` with your code "
                            "and `return` the number of cells.", attempted=False)
        got = _number(value, f"cross_size({minutes:g})")
        if isinstance(got, Feedback):
            return got
        target = _true_cross(minutes)
        # A float64 result is exact to ~1e-15 here; a float32 one to its 7 digits.
        rel = 1e-6 if np.asarray(value).dtype in (np.float32, np.float16) else 1e-9
        if abs(got - target) <= rel * target:
            continue
        n_lat, n_lon = 180 * 60 / minutes, 360 * 60 / minutes
        at = f"cross_size({minutes:.4g}) returned {got:,.6g}, expected {target:,}: "
        if _close(got, n_lat + n_lon):
            return Feedback.hint(at + "that is the number of latitude plus longitude buckets. "
                                 "A cross has one cell for every *pair* (lat bucket, lon "
                                 "bucket): multiply.")
        if any(_close(got, target * k) for k in (0.25, 0.5, 2, 4)):
            return Feedback.hint(at + "check the spans: latitude runs from -90 to 90 (180 "
                                 "degrees), longitude from -180 to 180 (360 degrees).")
        if _close(got, target / 3600):
            return Feedback.hint(at + "a degree has 60 minutes of arc; convert degrees to "
                                 "minutes before dividing by the bucket size.")
        if _close(got, target * minutes**4):
            return Feedback.hint(at + "bigger buckets mean *fewer* of them: divide the span "
                                 "(in minutes) by the bucket size instead of multiplying.")
        if _close(got, _true_cross(1.0)) and minutes != 1.0:
            return Feedback.hint(at + "your function gives the 1-minute answer for every "
                                 "bucket size; use the `minutes` argument.")
        if _close(got, n_lat) or _close(got, n_lon) or _close(got, n_lat * n_lat) \
                or _close(got, n_lon * n_lon):
            return Feedback.hint(at + "use both features: (number of latitude buckets) x "
                                 "(number of longitude buckets).")
        return Feedback.hint(at + "count the latitude buckets (180 degrees x 60 / minutes) "
                             "and the longitude buckets (360 x 60 / minutes), then multiply.")
    return Feedback.ok(f"1 minute: {_true_cross(1):,} cells; 1 second: {_true_cross(1 / 60):,}.")


@exercise
def check_dense_bytes(answer: object) -> Feedback:
    """Grade the bytes of a dense float64 weight vector over the 1-minute lat x lon cross.

    Examples
    --------
    >>> check_dense_bytes(233_280_000 * 8)
    ✅ Correct. 1,866,240,000 bytes, about 1.87 GB: twice the float32 vector.
    >>> print(check_dense_bytes.grade(1.87e9).message[:45])
    right size, but give the exact byte count: 1,
    """
    x = _number(answer, "dense_float64_bytes")
    if isinstance(x, Feedback):
        return x
    dim = _true_cross(1.0)
    target = dense_bytes(dim, "float64")
    if abs(x - target) <= 0.5:  # the exact count: one byte more or less is another answer
        return Feedback.ok(f"{target:,} bytes, about 1.87 GB: twice the float32 vector.")
    wrong = {
        dense_bytes(dim, "float32"): "that is the float32 size (4 bytes per weight); a float64 "
        "takes 8 bytes.",
        target * 8: "that is bits, not bytes: a byte has 8 bits.",
        dim: "that is the number of weights; multiply by the bytes each float64 takes (8).",
        dim * 64: "64 is the number of *bits* in a float64; in bytes it is 8.",
        200_000_000 * 8: "the round figure 200,000,000 is only an approximation; use the "
        "exact dimension 10,800 x 21,600.",
    }
    for value, hint in wrong.items():
        if _close(x, value):
            return Feedback.hint(hint)
    if _close(x, target, rel=2e-2):
        # 1.87e9 or 1.866e9: the size rounded to a few digits
        return Feedback.hint(f"right size, but give the exact byte count: {x:,.0f} is "
                             "rounded. Multiply the exact dimension by 8 bytes.")
    if _close(x, target / 1e9, rel=1e-2) or _close(x, target / 2**30, rel=1e-2) \
            or _close(x, target / 1e6, rel=1e-2) or _close(x, target / 2**20, rel=1e-2):
        return Feedback.hint("give the answer in bytes (a whole number), not in MB or GB.")
    return Feedback.hint(f"{x:,.6g} is not it: multiply the dimension of the 1-minute cross "
                         "by the bytes of one float64 weight.")


@exercise
def check_sparse_budget(answer: object) -> Feedback:
    """Grade how many (int64 index, float32 value) pairs fit in the dense float32 vector's RAM.

    Examples
    --------
    >>> check_sparse_budget(933_120_000 // 12)
    ✅ Correct. 77,760,000 non-zeros: a third of the 233,280,000 weights.
    >>> check_sparse_budget.grade(1_866_240_000 // 12).passed
    False
    """
    x = _number(answer, "budget")
    if isinstance(x, Feedback):
        return x
    dense = dense_bytes(_true_cross(1.0), "float32")
    per_pair = sparse_bytes(1, "int64", "float32")
    target = dense // per_pair
    if abs(x - target) <= 0.5:  # a whole number of pairs: the next one does not fit
        return Feedback.ok(f"{target:,} non-zeros: a third of the {_true_cross(1.0):,} weights.")
    dim = _true_cross(1.0)
    dense64 = dense_bytes(dim, "float64")
    wrong = {
        dim // per_pair: f"{dim:,} is the number of weights, not bytes. The dense float32 "
        f"vector takes 4 bytes per weight, {dense:,} bytes: divide that by the 12 bytes of "
        "one pair.",
        dense64 // per_pair: f"that starts from the float64 vector ({dense64:,} bytes). The "
        f"exercise compares with the dense float32 vector: {dim:,} x 4 = {dense:,} bytes.",
        dense64 // 4: f"that starts from the float64 vector ({dense64:,} bytes) and counts only "
        f"the value. Use the dense float32 vector ({dense:,} bytes) and 8 + 4 bytes per pair.",
        dense // 8: "that uses 8 bytes per pair, i.e. an int32 index; here the index is int64 "
        "(8 bytes) and the value float32 (4 bytes).",
        dense // 4: "each stored non-zero needs its index as well as its value: 8 + 4 bytes.",
        dense // 16: "the value is float32 (4 bytes), not float64.",
        dense * 12: "divide the RAM by the bytes per pair, do not multiply.",
    }
    for value, hint in wrong.items():
        if abs(x - value) <= 1:
            return Feedback.hint(hint)
    return Feedback.hint(f"{x:,.6g} is not it: divide the dense float32 bytes "
                         f"({dense:,}) by the bytes of one (index, value) pair.")


def _vector(value: object, name: str) -> np.ndarray | Feedback:
    try:
        arr = learner_numbers(value, name)
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Give a vector of numbers such as [1, 0].")
    if arr.ndim != 1 or arr.size == 0:
        return Feedback.hint(f"{name} should be a 1-D vector such as [1, 0], got shape "
                             f"{arr.shape}.")
    return arr


def _is_text_pair(va: np.ndarray, vb: np.ndarray) -> bool:
    """True for the notebook's own example, (1, 0) and (0, 1), in either order or with signs."""
    pair = {tuple(np.abs(va).tolist()), tuple(np.abs(vb).tolist())}
    return pair == {(1.0, 0.0), (0.0, 1.0)}


def _half_sum(x: float, y: float) -> str:
    """(x + y) / 2 as text, exact where floats would round a tiny half to 0."""
    m = x / 2 + y / 2
    if m != 0 or x == -y:
        return f"{m:g}"
    return f"{(Decimal(x) + Decimal(y)) / 2:.3g}"


@exercise
def check_l0_midpoint(a: object, b: object = ...) -> Feedback:
    """Grade two vectors whose midpoint has more non-zeros than their average count.

    Any such pair proves that the count of non-zeros is not a convex function.

    Examples
    --------
    >>> check_l0_midpoint([2, 0, 0], [0, 0, 4])
    ✅ Correct. Counts 1 and 1 (average 1), midpoint (1, 0, 2) has 2 non-zeros.
    >>> check_l0_midpoint.grade([0, 1], [-1, 0]).passed  # the text's own pair
    False
    """
    if is_unanswered(a) or is_unanswered(b):
        return Feedback.unanswered("a vector for both `a` and `b`")
    va, vb = _vector(a, "a"), _vector(b, "b")
    for v in (va, vb):
        if isinstance(v, Feedback):
            return v
    if va.shape != vb.shape:
        return Feedback.hint(f"a and b need the same length to have a midpoint; got {va.size} "
                             f"and {vb.size}.")
    # In exact arithmetic a midpoint entry is 0 only where a = -b; (a + b) / 2 in floats
    # can round a tiny entry (5e-324 / 2) to 0 or overflow a huge one, so count exactly.
    ca, cb = int(np.count_nonzero(va)), int(np.count_nonzero(vb))
    cm = int(np.count_nonzero(va != -vb))
    avg = (ca + cb) / 2
    shown = [_half_sum(x, y) for x, y in zip(va[:8].tolist(), vb[:8].tolist(), strict=True)]
    shown += ["..."] if va.size > 8 else []
    mid_text = "(" + ", ".join(shown) + ")"
    said = (f"Counts {ca} and {cb} (average {avg:g}), midpoint {mid_text} has {cm} "
            f"non-zero{'s' if cm != 1 else ''}")
    if _is_text_pair(va, vb):
        return Feedback.hint("that is the pair from the text, (1, 0) and (0, 1) (swapping them "
                             "or flipping a sign changes nothing): find a different pair than "
                             "the one in the text. Other sizes, or more coordinates, will do.")
    if cm > avg:
        return Feedback.ok(said + ".")
    if cm < avg:
        return Feedback.hint(said + ": fewer, because opposite entries cancel. Pick vectors "
                             "whose non-zeros sit in *different* positions.")
    if np.array_equal(va, vb):
        return Feedback.hint(said + ": a and b are the same vector, so the midpoint is too. "
                             "Pick two different vectors.")
    return Feedback.hint(said + ", no more than the average. Where a and b are non-zero "
                         "in the same positions the midpoint is too; put their non-zeros in "
                         "*different* positions.")
