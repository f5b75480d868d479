"""Exercise checks for notebook 05, Lp with p < 1.

Each ``check_xxx`` prints a pass or a specific hint and never raises; its grader is
``check_xxx.grade`` (returns :class:`~lessonlib.checks.core.Feedback`).
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np

from lessonlib.checks.core import (
    Feedback,
    LearnerCodeError,
    call_learner,
    exercise,
    is_unanswered,
    learner_numbers,
    sorted_if_set,
)
from lessonlib.penalties import lp
from lessonlib.quasinorm import descend_on_line, line_local_minima, line_ridge

__all__ = [
    "LINE_POINT",
    "check_landing",
    "check_local_minima",
    "check_reweight_weights",
    "check_triangle_counterexample",
]

#: The data point whose line of solutions the exercises use, and the exponent.
LINE_POINT = (2.0, 4.0, 0.5)


def _at_scale(x: float, scale: float) -> str:
    """``x * scale`` to 4 digits, even where the product over- or underflows a float."""
    value = x * scale
    if value != 0 and np.isfinite(value) and abs(value) > 1e-300:
        return f"{value:.4g}"
    return f"{Decimal(x) * Decimal(scale):.4g}"


@exercise
def check_triangle_counterexample(u: object, v: object) -> Feedback:
    """Grade two 3-D vectors with ``||u + v||_0.5 > ||u||_0.5 + ||v||_0.5``.

    Examples
    --------
    >>> check_triangle_counterexample([1, 0, 0], [0, 0, 2])
    ✅ Correct. ||u + v||_0.5 = 5.828 > ||u||_0.5 + ||v||_0.5 = 3: the triangle inequality fails.
    """
    missing = [name for name, x in (("u3", u), ("v3", v)) if is_unanswered(x)]
    if missing:
        return Feedback.unanswered(f"a vector for {' and '.join(missing)}")
    try:
        a = learner_numbers(u, "u3").ravel()
        b = learner_numbers(v, "v3").ravel()
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Give each vector as a list of three numbers.")
    if a.shape != (3,) or b.shape != (3,):
        return Feedback.hint(
            f"the exercise asks for two vectors with three coordinates each; got {a.size} "
            f"and {b.size}."
        )
    if np.count_nonzero(a) == 0 or np.count_nonzero(b) == 0:
        return Feedback.hint("with a zero vector both sides are equal. Use two non-zero vectors.")
    # The size is homogeneous, ||c x|| = c ||x||: compare at a scale where neither 1e308
    # overflows nor 5e-324 underflows, and print at the learner's scale.
    scale = float(max(np.abs(a).max(), np.abs(b).max()))
    a_s, b_s = a / scale, b / scale
    left_s, right_s = lp(a_s + b_s, 0.5), lp(a_s, 0.5) + lp(b_s, 0.5)
    left, right = _at_scale(left_s, scale), _at_scale(right_s, scale)
    if left_s > right_s * (1 + 1e-9):
        return Feedback.ok(
            f"||u + v||_0.5 = {left} > ||u||_0.5 + ||v||_0.5 = {right}: "
            "the triangle inequality fails."
        )
    return Feedback.hint(
        f"for these vectors the inequality holds: {left} <= {right}. It fails when "
        "u and v put their weight on different coordinates, e.g. u on the first axis and v "
        "on the third."
    )


@exercise
def check_local_minima(answer: object) -> Feedback:
    """Grade the list of every local minimum ``a`` of the p = 0.5 size along ``b = 4 - 2a``.

    Examples
    --------
    >>> check_local_minima([2, 0])
    ✅ Correct. Both axis crossings, a = 0 and a = 2, are local minima; a = 2 is the global one.
    >>> check_local_minima({0, 2})
    ✅ Correct. Both axis crossings, a = 0 and a = 2, are local minima; a = 2 is the global one.
    """
    x0, y0, p = LINE_POINT
    try:
        got = learner_numbers(sorted_if_set(answer), "your list").ravel()
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Give a list of slopes a, e.g. [0.5].")
    if got.size == 0:
        return Feedback.hint(
            "the list is empty, but the size along the line does have local minima. "
            "Look where the line crosses the axes (a = 0, or b = 0)."
        )
    want = line_local_minima(x0, y0, p)
    got = np.unique(np.round(got, 9))
    if got.size > 20:
        return Feedback.hint(f"you gave {got.size:,} different values; the size along the line "
                             "has only a few local minima. Look where the line crosses the "
                             "axes (a = 0, or b = 0).")
    ridge = line_ridge(x0, y0, p)
    if np.any(np.abs(got - ridge) < 1e-3):
        return Feedback.hint(
            f"a = {ridge:.4g} is where the size is *largest* between the crossings: the "
            "ridge that separates the two basins, a local maximum."
        )
    extra = [g for g in got if np.min(np.abs(want - g)) > 1e-6]
    if extra:
        return Feedback.hint(
            f"a = {extra[0]:g} is not a local minimum: changing a slightly from there lowers the "
            "size. Where does the line cross the axes (a = 0, or b = 0)?"
        )
    if got.size < want.size:
        return Feedback.hint(
            "that is one of them, but for p < 1 *each* axis crossing is a local minimum, "
            "not only the global one. Find the other crossing."
        )
    return Feedback.ok(
        "Both axis crossings, a = 0 and a = 2, are local minima; a = 2 is the global one."
    )


@exercise
def check_landing(answer: object) -> Feedback:
    """Grade where descent on the p = 0.5 size along ``b = 4 - 2a`` lands from ``a = 0.8``.

    Examples
    --------
    >>> check_landing(2)
    ✅ Correct. The start 0.8 is past the ridge at a = 0.6667, so descent runs to a = 2.
    """
    x0, y0, p = LINE_POINT
    try:
        got = learner_numbers(answer, "your answer")
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Give one number, the slope a where descent stops.")
    if got.size != 1:
        return Feedback.hint("give one number: the slope a where descent stops.")
    got = float(got.ravel()[0])
    land = descend_on_line(x0, y0, p, 0.8).landing
    ridge = line_ridge(x0, y0, p)
    if abs(got - land) < 1e-6:
        return Feedback.ok(
            f"The start 0.8 is past the ridge at a = {ridge:.4g}, so descent runs to a = {land:g}."
        )
    if abs(got) < 1e-6:
        return Feedback.hint(
            "0.8 is nearer to 0 than to 2, but distance is not what decides. Descent goes "
            "downhill: which side of the ridge (the highest point between the crossings) "
            "is 0.8 on?"
        )
    return Feedback.hint(
        "descent stops at a local minimum, and on this line those are the axis crossings "
        "(a = 0 or b = 0). Which one is downhill from a = 0.8?"
    )


@exercise
def check_reweight_weights(weights: object) -> Feedback:
    """Grade a learner's ``weights(x, eps)``: the reweighted-L1 weights ``1 / (|x| + eps)``.

    Examples
    --------
    >>> check_reweight_weights(lambda x, eps: 1 / (np.abs(x) + eps))
    ✅ Correct. Small entries get large weights (pushed to 0), large entries small weights.
    """
    cases = [(np.array([0.0, -2.0, 0.5, 3.0]), 0.1), (np.array([1e-3, -1e-3, 0.0]), 0.5),
             (np.array([-0.25, 4.0, 0.0, 1.5, -7.0]), 0.01), (np.array([2.0, -0.5]), 1.0)]
    for x, eps in cases:
        out = call_learner(weights, x, eps)  # a fresh copy each time
        if out is None or out is Ellipsis:
            return Feedback.unanswered("the body of weights (it must return the weights)")
        try:
            w = learner_numbers(out, "what weights returned").ravel()
        except LearnerCodeError as exc:
            if "NaN or inf" in str(exc):
                return Feedback.hint(
                    "your weights are infinite where x is 0: that is what eps is for, "
                    "1 / (|x| + eps)."
                )
            return Feedback.hint(f"{exc}. Return one weight per entry of x.")
        if w.shape != x.shape:
            return Feedback.hint(f"return one weight per entry of x ({x.size}), got {w.size}.")
        want = 1.0 / (np.abs(x) + eps)
        if np.allclose(w, want, rtol=1e-6, atol=1e-12):  # float32 weights are right too
            continue
        if eps != cases[0][1] and np.allclose(w, 1.0 / (np.abs(x) + cases[0][1]), rtol=1e-6):
            return Feedback.hint(f"with eps = {eps:g} your weights still use eps = "
                                 f"{cases[0][1]:g}: use the argument eps, not a fixed number.")
        if np.any(w < 0):
            return Feedback.hint(
                "some weights are negative: a negative entry of x needs |x|, not x."
            )
        if np.allclose(w, 1.0 / (x + eps), rtol=1e-6) or np.allclose(w, 1.0 / np.abs(x + eps),
                                                                      rtol=1e-6):
            return Feedback.hint("take the size of x before adding eps: 1 / (|x| + eps).")
        if np.allclose(w, np.abs(x) + eps):
            return Feedback.hint("that is |x| + eps; the weight is its inverse, 1 / (|x| + eps).")
        digits = next((d for d in range(4, 18)
                       if any(f"{a:.{d}g}" != f"{b:.{d}g}" for a, b in zip(want, w, strict=True))),
                      17)
        return Feedback.hint(  # enough digits that "expected" and "got" differ on the page
            f"for x = {x.tolist()} and eps = {eps} expected "
            f"[{', '.join(f'{a:.{digits}g}' for a in want)}], "
            f"got [{', '.join(f'{b:.{digits}g}' for b in w)}]."
        )
    return Feedback.ok(
        "Small entries get large weights (pushed to 0), large entries small weights."
    )
