"""Exercise checks for notebook 04, the geometry of norm balls.

Each ``check_xxx`` prints a pass or a specific hint and never raises; its grader is
``check_xxx.grade`` (returns :class:`~lessonlib.checks.core.Feedback`).
"""

from __future__ import annotations

import numpy as np

from lessonlib.checks.core import (
    Feedback,
    LearnerCodeError,
    call_learner,
    exercise,
    learner_numbers,
    sorted_if_set,
)
from lessonlib.geometry import line_label, min_l1_solution, min_l2_solution, touch_point

__all__ = ["check_min_l1", "check_tie_slopes", "check_touch_l1", "TOUCH_POINT"]

#: The data point of the first exercise: fit y = a*x + b through it.
TOUCH_POINT = (3.0, 6.0)


@exercise
def check_touch_l1(answer: object) -> Feedback:
    """Grade the L1 touch point ``(a, b)`` for the data point :data:`TOUCH_POINT`.

    Examples
    --------
    >>> check_touch_l1((2, 0))
    ✅ Correct. The diamond touches with its corner (2, 0): b is exactly 0, size 2.
    """
    x0, y0 = TOUCH_POINT
    try:
        w = learner_numbers(answer, "the touch point").ravel()
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Give the point as a pair (a, b).")
    if w.shape != (2,):
        got = f"the single number {w[0]:g}" if w.size == 1 else f"{w.size} numbers"
        return Feedback.hint(f"give the point as a pair (a, b) of two numbers; you gave {got}.")
    a, b = w
    best = touch_point(x0, y0, 1)
    if abs(y0 - x0 * a - b) > 1e-6 * max(1.0, abs(y0)):
        return Feedback.hint(
            f"({a:g}, {b:g}) is not on the line of solutions: the line through "
            f"({x0:g}, {y0:g}) needs {line_label(x0, y0)}, which is {y0 - x0 * a:g} for "
            f"a = {a:g}. The touch point lies on that line."
        )
    l2 = touch_point(x0, y0, 2).point
    if np.allclose(w, l2, atol=1e-4):
        return Feedback.hint(
            "that is where the circle (L2) touches. The diamond |a| + |b| = c touches "
            "somewhere else: try the two points where the line crosses the axes."
        )
    size = abs(a) + abs(b)
    if np.allclose(w, best.point, atol=1e-6):
        return Feedback.ok(
            f"The diamond touches with its corner ({best.point[0]:g}, {best.point[1]:g}): "
            f"b is exactly 0, size {best.norm:g}."
        )
    if abs(a) < 1e-12:
        return Feedback.hint(
            f"(0, {b:g}) is on the line and sparse, but its L1 size is {size:g}. The line "
            "crosses the other axis too: which crossing has the smaller size?"
        )
    return Feedback.hint(
        f"({a:g}, {b:g}) is on the line, but its L1 size |a| + |b| is {size:g}; some point "
        f"of the line is smaller. Slide along the line towards an axis."
    )


@exercise
def check_tie_slopes(answer: object) -> Feedback:
    """Grade the list of every ``x`` for which the data point ``(x, 3)`` gives an L1 tie.

    Examples
    --------
    >>> check_tie_slopes([1, -1])
    ✅ Correct. At |x| = 1 the line b = 3 - x·a is parallel to a side of the diamond.
    >>> check_tie_slopes({1, -1})
    ✅ Correct. At |x| = 1 the line b = 3 - x·a is parallel to a side of the diamond.
    """
    try:
        xs = learner_numbers(sorted_if_set(answer), "your x values").ravel()
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Give a list of numbers, e.g. [0.5, 2].")
    if xs.size == 0:
        return Feedback.hint("the list is empty, but some data points do give a tie.")
    # A value within 1e-9 of +-1 (typed from a printout) is meant as +-1; any other value
    # keeps its own size, so 5e-324 is not quoted back as 0.
    xs = np.unique(np.where(np.abs(np.abs(xs) - 1) <= 1e-9, np.sign(xs), xs))
    if xs.size > 20:
        return Feedback.hint(f"you gave {xs.size:,} different values; only a few x give a tie. "
                             "Which slopes do the diamond's sides have?")
    wrong = [float(x) for x in xs if abs(x) != 1]  # only |x| = 1 gives a tie
    if wrong:
        x = wrong[0]
        try:
            t = touch_point(x, 3.0, 1)
            where = f": the diamond touches only at ({t.point[0]:.4g}, {t.point[1]:.4g})"
        except (ValueError, ArithmeticError):  # an x too large for the geometry's arithmetic
            where = ""
        return Feedback.hint(
            f"for x = {x:.4g} the answer is unique{where}. A tie needs the line b = 3 - x·a to "
            "run parallel to a side of the diamond: which slopes do its sides have?"
        )
    missing = [v for v in (-1.0, 1.0) if v not in xs]
    if missing:
        return Feedback.hint(
            "your values all give ties, but one is missing: the diamond has sides of both "
            "slopes, +1 and -1. Which other x makes the line parallel to a side?"
        )
    return Feedback.ok("At |x| = 1 the line b = 3 - x·a is parallel to a side of the diamond.")


def _test_systems() -> list[tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(404)
    systems = [(np.array([[10.0, 1.0]]), np.array([5.0]))]
    for n, d in ((2, 5), (3, 8), (5, 20)):
        systems.append((rng.standard_normal((n, d)), rng.standard_normal(n)))
    return systems


@exercise
def check_min_l1(min_l1: object) -> Feedback:
    """Grade a learner's ``min_l1(A, b)``: some solution of ``A x = b`` with the smallest L1 norm.

    Any minimiser is accepted (a tie may have several); the check compares L1 sizes.

    Examples
    --------
    >>> check_min_l1(min_l1_solution)
    ✅ Correct. On every test system your x solves A x = b with the smallest L1 norm.
    """
    for A, b in _test_systems():
        n, d = A.shape
        out = call_learner(min_l1, A, b)  # on fresh copies: the check keeps its own A, b
        if out is None or out is Ellipsis:
            return Feedback.unanswered("the body of min_l1 (it must return x)")
        try:
            x = learner_numbers(out, "what min_l1 returned").ravel()
        except LearnerCodeError as exc:
            return Feedback.hint(f"{exc}. Return the solution x as a NumPy array.")
        if x.shape == (2 * d,):
            return Feedback.hint(
                f"min_l1 returned {2 * d} numbers for {d} unknowns: that looks like the "
                "split variables (u, v). Return x = u - v, the first half minus the second."
            )
        if x.shape != (d,):
            return Feedback.hint(f"for a {n} x {d} matrix A, return {d} numbers; got {x.size}.")
        if np.linalg.norm(A @ x - b) > 1e-6 * max(1.0, np.linalg.norm(b)):
            return Feedback.hint(
                "the returned x does not solve A x = b. Did you pass the equations as "
                "A_eq=np.hstack([A, -A]) and b_eq=b (and bounds=(0, None))?"
            )
        best = float(np.abs(min_l1_solution(A, b)).sum())
        size = float(np.abs(x).sum())
        if size > best * (1 + 1e-6) + 1e-9:
            if np.allclose(x, min_l2_solution(A, b), atol=1e-6):
                return Feedback.hint(
                    "that is the minimum-L2 solution (least squares / pinv): it solves the "
                    f"equations but its L1 size is {size:.4g}, not the smallest ({best:.4g}). "
                    "Use linprog."
                )
            return Feedback.hint(
                f"x solves A x = b but its L1 size is {size:.4g}; the smallest is {best:.4g}. "
                "Check the cost vector: it should be all ones for both u and v."
            )
    return Feedback.ok("On every test system your x solves A x = b with the smallest L1 norm.")
