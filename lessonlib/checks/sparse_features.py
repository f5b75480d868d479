"""Checks for notebook 01, *Sparse features and the price of dimensions*.

Each ``check_xxx`` prints a pass or a specific hint and never raises; its
grader, ``check_xxx.grade``, returns a :class:`~lessonlib.checks.core.Feedback`
for the unit tests.
"""

from __future__ import annotations

import functools
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
from lessonlib.penalised_2d import axis_intervals, lam_all_zero, penalised_optimum, preset
from lessonlib.tiny_curve import powers, tiny_curve
from lessonlib.wide import cross_dimension, dense_bytes, sparse_bytes

__all__ = [
    "BUCKET_TASK_ANSWER",
    "LAMBDAS",
    "check_bucket_task",
    "check_cross_size",
    "check_dense_bytes",
    "check_first_zero",
    "check_l0_midpoint",
    "check_midpoint_count",
    "check_one_or_two",
    "check_penalty_strength",
    "check_smaller_l1",
    "check_sparse_budget",
    "check_which_zero",
]


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


# --------------------------------------------------------------------------- predictions


def _text(answer: object) -> str | None:
    """A one-word answer, lower case, without spaces, quotes or a final full stop."""
    if isinstance(answer, (list, tuple)) and len(answer) == 1:
        answer = answer[0]
    if isinstance(answer, bytes):
        answer = answer.decode("utf-8", "replace")
    if not isinstance(answer, str):
        return None
    return "".join(answer.lower().split()).strip("'\"`.")


#: The penalty strengths of notebook 01's first table, in its order.
LAMBDAS = (0.0, 1e-4, 1e-2, 1.0, 100.0)


@functools.lru_cache(maxsize=1)
def _held_out_errors() -> tuple[float, ...]:
    from sklearn.linear_model import Ridge  # imported here: the other checks do not need it

    d = tiny_curve()
    X, X_test = powers(d.x), powers(d.x_test)
    errors = []
    for lam in LAMBDAS:
        model = Ridge(alpha=lam, solver="svd").fit(X, d.y)
        errors.append(float(np.mean((model.predict(X_test) - d.y_test) ** 2)))
    return tuple(errors)


_WHY_NOT_LAMBDA = {
    0.0: "no penalty passes through all ten points (training error 0), but with weights in "
         "the millions the curve swings far away between the points: the held-out error is "
         "the worst of all.",
    1e-4: "a tiny penalty already tames the wildest swings, but the weights are still large "
          "and the curve still follows the noise.",
    1.0: "this penalty is already strong enough to flatten the curve below the true shape: "
         "training and held-out error both rise (under-fitting).",
    100.0: "so strong a penalty keeps every weight near 0: the curve is almost flat, and "
           "misses training and held-out points alike.",
}


@exercise
def check_penalty_strength(answer: object) -> Feedback:
    """Predict which lambda of :data:`LAMBDAS` gives the lowest held-out error (0.01).

    Examples
    --------
    >>> check_penalty_strength.grade(0.01).passed, check_penalty_strength.grade(0).passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered("one of 0, 0.0001, 0.01, 1 or 100")
    x = _number(answer, "best_lambda")
    if isinstance(x, Feedback):
        return x
    errors = _held_out_errors()
    best = LAMBDAS[int(np.argmin(errors))]
    match = [lam for lam in LAMBDAS if math.isclose(x, lam, rel_tol=1e-6, abs_tol=1e-12)]
    if not match:
        return Feedback.hint(f"choose one of the five lambdas of the table: "
                             f"{', '.join(f'{lam:g}' for lam in LAMBDAS)}; got {x:g}.")
    if match[0] == best:
        return Feedback.ok(f"lambda = {best:g}: small enough to follow the curve, large enough "
                           "to keep the weights from chasing the noise. Run the next cell.")
    return Feedback.hint(f"lambda = {match[0]:g}: " + _WHY_NOT_LAMBDA[match[0]])


_DENSE = {"(0.1,0.1)", "0.1,0.1", "[0.1,0.1]", "dense", "thedenseone", "a", "first"}
_SPARSE = {"(1000,0)", "1000,0", "[1000,0]", "sparse", "thesparseone", "b", "second"}


@exercise
def check_smaller_l1(answer: object) -> Feedback:
    """Predict which of (0.1, 0.1) and (1000, 0) has the smaller L1 norm (the dense one).

    Accepts the pair as text, a tuple/list/array, or "dense"/"sparse".

    Examples
    --------
    >>> check_smaller_l1.grade((0.1, 0.1)).passed, check_smaller_l1.grade("(1000, 0)").passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered('"(0.1, 0.1)" or "(1000, 0)"')
    word = _text(answer)
    if word is None:
        try:
            v = learner_numbers(answer, "smaller")
        except LearnerCodeError:
            v = None
        if v is not None and v.shape == (2,):
            word = "(" + ",".join(f"{x:g}" for x in v.tolist()) + ")"
    if word in _DENSE:
        return Feedback.ok("|0.1| + |0.1| = 0.2, far below |1000| + |0| = 1000. The vector "
                           "with no zero has the smaller norm: run the next cell.")
    if word in _SPARSE:
        return Feedback.hint("(1000, 0) has a zero, but the L1 norm adds the sizes: "
                             "|1000| + |0| = 1000, while |0.1| + |0.1| = 0.2. Having zeros "
                             "does not make a norm small.")
    return Feedback.hint(f'answer "(0.1, 0.1)" or "(1000, 0)", not {answer!r:.40}.')


_WHICH = {"l1": "L1", "l2": "L2", "both": "both", "neither": "neither", "none": "neither"}


def _tilted_zeros(lam: float) -> tuple[int, int]:
    b = preset("tilted")
    return tuple(int(np.count_nonzero(penalised_optimum(b, lam, p) == 0.0))
                 for p in ("l1", "l2"))  # type: ignore[return-value]


@exercise
def check_which_zero(answer: object) -> Feedback:
    """Predict which optimum has a weight exactly 0 at lambda = 0.8, "tilted" bowl (L1 only).

    Examples
    --------
    >>> check_which_zero.grade("L1").passed, check_which_zero.grade("both").passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered('"L1", "L2", "both" or "neither"')
    word = _WHICH.get(_text(answer) or "")
    l1_zeros, l2_zeros = _tilted_zeros(0.8)
    if word is None:
        return Feedback.hint(f'answer "L1", "L2", "both" or "neither", not {answer!r:.40}.')
    truth = {(True, False): "L1", (False, True): "L2", (True, True): "both",
             (False, False): "neither"}[(l1_zeros > 0, l2_zeros > 0)]
    if word == truth:
        return Feedback.ok("L1's optimum sits on the w1 axis with w2 exactly 0; L2's has "
                           "both weights non-zero. Run the next cell to see why.")
    why = {
        "L2": "L2 shrinks both weights towards 0 but leaves both non-zero; the weight it "
              "zeroes is L1's.",
        "both": "only one of them: L2's optimum has both weights non-zero (small, not 0).",
        "neither": "one of them does: the L1 optimum has w2 exactly 0.0 at this lambda.",
    }
    return Feedback.hint(why.get(word, f"the answer is {truth}."))


#: The widget task's bowl, the weight that reaches 0 on it, and the slider's step. Not the
#: bowl the notebook prints the interval for, so the answer is read off the widget.
_TASK_BOWL = "random"
_TASK_AXIS = 0
_SLIDER_STEP = 0.01


@exercise
def check_first_zero(answer: object) -> Feedback:
    """Grade the smallest lambda at which the L1 optimum's w1 is exactly 0 ("random" bowl).

    The exact value is about 0.767. The first slider value (step 0.01) whose readout shows
    w1 = 0 is 0.77; it and the exact value pass, 0.76 (where w1 is not 0 yet) does not.

    Examples
    --------
    >>> check_first_zero.grade(0.77).passed, check_first_zero.grade(0.76).passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered("a lambda read off the widget, such as 0.5")
    x = _number(answer, "first_zero")
    if isinstance(x, Feedback):
        return x
    b = preset(_TASK_BOWL)
    low, high = axis_intervals(b)[_TASK_AXIS]  # type: ignore[misc]
    name, other = ("w1", "w2") if _TASK_AXIS == 0 else ("w2", "w1")
    if low - 1e-9 <= x <= low + _SLIDER_STEP + 1e-9:
        return Feedback.ok(f"{name} reaches exactly 0 at lambda = {low:.4f} and stays there "
                           f"until lambda = {high:.4f}, where {other} reaches 0 too.")
    if abs(x - lam_all_zero(b)) <= 2 * _SLIDER_STEP:
        return Feedback.hint(f"that is where *both* weights are 0 (the optimum at the "
                             f"origin). {name} gets there earlier: move lambda down until "
                             f"{name} is no longer 0.")
    if x < 0:
        return Feedback.hint("lambda is a penalty strength: 0 or more.")
    w = penalised_optimum(b, max(x, 0.0))
    if x < low:
        return Feedback.hint(f"at lambda = {x:g} the L1 optimum is ({w[0]:.3f}, {w[1]:.3f}): "
                             f"{name} is not 0 yet. Move lambda up.")
    return Feedback.hint(f"at lambda = {x:g} {name} is already 0, but it was 0 at smaller "
                         "lambdas too. Move lambda down and find where it first reads 0.")


_SHARES = {"under25%": "low", "25to50%": "middle", "over50%": "high"}


@exercise
def check_one_or_two(answer: object) -> Feedback:
    """Predict the share of populated 1-minute cells holding one or two houses (over 50%).

    Examples
    --------
    >>> check_one_or_two.grade("over 50%").passed, check_one_or_two.grade("25 to 50%").passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered('"under 25%", "25 to 50%" or "over 50%"')
    word = _SHARES.get(_text(answer) or "")
    if word == "high":
        return Feedback.ok("Most populated cells hold one or two houses. Run the next cell "
                           "for the number.")
    if word == "middle":
        return Feedback.hint("more: half a million houses spread over hundreds of thousands of "
                             "cells leaves about two per populated cell on average, and the "
                             "crowded city cells take many, so most others hold one or two.")
    if word == "low":
        return Feedback.hint("far more: with about two houses per populated cell on average, "
                             "and city cells holding dozens, most cells must hold one or two.")
    return Feedback.hint(f'answer "under 25%", "25 to 50%" or "over 50%", not {answer!r:.40}.')


#: The widget task's answer: the coarsest bucket size at which more than half of the
#: populated cells hold one or two houses (tests/unit recompute it on the notebook's sample).
BUCKET_TASK_ANSWER = "1 minute"
_BUCKET_WORDS = {"1degree": "1 degree", "degree": "1 degree", "10minutes": "10 minutes",
                 "1minute": "1 minute", "minute": "1 minute", "1second": "1 second",
                 "second": "1 second"}


@exercise
def check_bucket_task(answer: object) -> Feedback:
    """Grade the coarsest bucket size at which most populated cells hold one or two houses.

    Examples
    --------
    >>> check_bucket_task.grade("1 minute").passed, check_bucket_task.grade("1 second").passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered('a bucket size: "1 degree", "10 minutes", "1 minute" or '
                                   '"1 second"')
    size = _BUCKET_WORDS.get(_text(answer) or "")
    if size == BUCKET_TASK_ANSWER:
        return Feedback.ok("At 1 minute about three quarters of the populated cells hold one "
                           "or two houses; at 10 minutes it is about two in five.")
    if size == "1 second":
        return Feedback.hint("at 1 second almost every populated cell holds one house, but "
                             "that is not the coarsest size where most hold one or two: try "
                             "the sizes in order from 1 degree.")
    if size in ("1 degree", "10 minutes"):
        return Feedback.hint(f"at {size} the readout's share of cells with one or two houses "
                             "is below 50%. Make the buckets finer.")
    return Feedback.hint('answer with a bucket size as the widget names it: "1 degree", '
                         f'"10 minutes", "1 minute" or "1 second"; not {answer!r:.40}.')


@exercise
def check_midpoint_count(answer: object) -> Feedback:
    """Predict the non-zeros of the midpoint of (1, 0) and (0, 1): 2.

    Examples
    --------
    >>> check_midpoint_count.grade(2).passed, check_midpoint_count.grade(1).passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered("a count: 0, 1 or 2")
    x = _number(answer, "midpoint_count")
    if isinstance(x, Feedback):
        return x
    if x == 2:
        return Feedback.ok("(0.5, 0.5) has two non-zeros, more than the average count 1 of "
                           "its ends. Run the next cell.")
    if x == 1:
        return Feedback.hint("1 is the *average* of the two counts; the midpoint itself is "
                             "(0.5, 0.5): count its non-zero entries.")
    if x == 0:
        return Feedback.hint("the midpoint is (0.5, 0.5); neither entry is 0.")
    if x == 0.5 or x == 1.5:
        return Feedback.hint("a count of non-zeros is a whole number: how many entries of "
                             "(0.5, 0.5) are not 0?")
    return Feedback.hint(f"a 2-D vector has 0, 1 or 2 non-zeros; got {x:g}.")
