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
    is_unanswered,
    learner_number,
    learner_numbers,
    learner_word,
    sorted_if_set,
)
from lessonlib.geometry import line_label, min_l1_solution, min_l2_solution, touch_point

__all__ = [
    "P12_B",
    "TOUCH_OPTIONS",
    "TOUCH_POINT",
    "check_corner_count",
    "check_l2_zero_share",
    "check_min_l1",
    "check_nonzero_prediction",
    "check_p12_sparse",
    "check_tie_count",
    "check_tie_slopes",
    "check_touch_l1",
    "check_touch_prediction",
    "check_widget_b",
]

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


# --------------------------------------------------------------------------- predictions
# (issue 12: the learner commits to an answer before the cell that shows it; each wrong
# option gets a sentence saying why it is wrong)




def _count(answer: object, what: str) -> float | Feedback:
    """One number from the learner (a count), or the hint saying what is wrong with it."""
    try:
        return learner_number(answer, what)
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Answer with one number.")


@exercise
def check_corner_count(answer: object) -> Feedback:
    """Predict: how many corners has the L1 ball in 10 dimensions? (20)

    Examples
    --------
    >>> check_corner_count.grade(20).passed, check_corner_count.grade(1024).passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered("a number")
    k = _count(answer, "the number of corners")
    if isinstance(k, Feedback):
        return k
    if k == 20:
        return Feedback.ok("Two per axis, +c·e_i and -c·e_i: 2 × 10 = 20, each with one "
                           "non-zero coordinate.")
    if k == 10:
        return Feedback.hint("each axis meets the ball twice, at +c and at -c: count both ends.")
    if k == 2**10:
        return Feedback.hint("2¹⁰ = 1024 counts the flat faces (one per sign pattern), not the "
                             "corners. A corner has a single non-zero coordinate.")
    if k == 2:
        return Feedback.hint("2 is the count on one axis; there are 10 axes.")
    return Feedback.hint(f"{k:g} is not it. A corner has one non-zero coordinate, +c or -c: "
                         "how many such points are there in 10 dimensions?")


#: The three candidate touch points of the prediction in section 2, for (x, y) = (10, 5).
TOUCH_OPTIONS = ((0.5, 0.0), (0.0, 5.0), (50 / 101, 5 / 101))


@exercise
def check_touch_prediction(answer: object) -> Feedback:
    """Predict where the growing diamond first touches b = 5 - 10a. ((0.5, 0))

    Examples
    --------
    >>> check_touch_prediction.grade((0.5, 0)).passed
    True
    >>> check_touch_prediction.grade((0, 5)).passed
    False
    """
    if is_unanswered(answer):
        return Feedback.unanswered("one of the three points, e.g. (0, 5)")
    try:
        w = learner_numbers(answer, "the touch point").ravel()
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Give one of the three points as a pair (a, b).")
    if w.shape != (2,):
        return Feedback.hint("give one of the three points as a pair (a, b).")
    right, b_axis, l2 = (np.array(o) for o in TOUCH_OPTIONS)
    if np.allclose(w, right, atol=1e-3):
        return Feedback.ok("The corner (0.5, 0): of all the points of the line it has the "
                           "smallest L1 size, 0.5. Run the next cells to see it.")
    if np.allclose(w, b_axis, atol=1e-3):
        return Feedback.hint("(0, 5) is on the line and sparse too, but its L1 size is 5, ten "
                             "times that of (0.5, 0): the diamond reaches (0.5, 0) long before.")
    if np.allclose(w, l2, atol=1e-3):
        return Feedback.hint("(0.495, 0.0495) is where the growing *circle* touches (at right "
                             "angles to its radius). Its L1 size is 0.545, more than the 0.5 "
                             "of (0.5, 0).")
    return Feedback.hint("choose one of the three points offered: (0.5, 0), (0, 5) or "
                         "(0.495, 0.0495).")


@exercise
def check_tie_count(answer: object) -> Feedback:
    """Predict how many points of b = 1000 - a have the smallest L1 size. (infinitely many)

    Examples
    --------
    >>> check_tie_count.grade("infinitely many").passed, check_tie_count.grade(2).passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered('1, 2 or "infinitely many"')
    word = learner_word(answer)
    many = word in {"infinitely many", "infinite", "infinity", "inf", "infinitely",
                    "infinitely many points", "many", "a whole segment", "a segment"}
    k = {"1": 1.0, "one": 1.0, "2": 2.0, "two": 2.0}.get(word or "")
    if word is None and not isinstance(answer, (bool, np.bool_)):
        number = _count(answer, "your count")
        if isinstance(number, Feedback):  # inf, NaN, text...: say how to answer
            return Feedback.hint('answer 1, 2 or "infinitely many" (in words).')
        k = number
    if many:
        return Feedback.ok("Every point of the segment from (0, 1000) to (1000, 0) has L1 size "
                           "1000: a whole side of the diamond lands on the line at once.")
    if k == 1:
        return Feedback.hint("the line has slope -1, the slope of a side of the diamond: when "
                             "the diamond reaches it, a whole side touches, not one point.")
    if k == 2:
        return Feedback.hint("the two ends, (0, 1000) and (1000, 0), are the sparse ones, but "
                             "every point between them also has |a| + |b| = 1000.")
    return Feedback.hint('answer 1, 2 or "infinitely many".')


_YES = {"yes", "y", "true", "sparse", "yes it is", "it is"}
_NO = {"no", "n", "false", "not sparse", "no it is not", "it is not", "not"}


def _yes_no(answer: object) -> str | None:
    if isinstance(answer, (list, tuple)) and len(answer) == 1:
        answer = answer[0]
    if isinstance(answer, (bool, np.bool_)):
        return "yes" if answer else "no"
    word = learner_word(answer)
    return "yes" if word in _YES else ("no" if word in _NO else None)


@exercise
def check_p12_sparse(answer: object) -> Feedback:
    """Predict: at p = 1.2, is the touch point for the data point (10, 5) sparse? (no)

    Examples
    --------
    >>> check_p12_sparse.grade("no").passed, check_p12_sparse.grade("yes").passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered('"yes" or "no"')
    said = _yes_no(answer)
    if said == "no":
        return Feedback.ok("For every p > 1 the ball's tip is rounded, so the line touches it "
                           "just off the axis. Find where in the widget.")
    if said == "yes":
        return Feedback.hint("only p = 1 (and below) has a true corner. At p = 1.2 the tip "
                             "looks sharp but is rounded: the line b = 5 - 10a touches it "
                             "where the outline's slope is -10, a hair above the axis.")
    return Feedback.hint('answer "yes" or "no".')


#: The widget task: b at the touch point for the data point (10, 5) and p = 1.2.
P12_B = float(touch_point(10, 5, 1.2).point[1])


@exercise
def check_widget_b(answer: object) -> Feedback:
    """Widget task: read b of the touch point at p = 1.2 for (10, 5). (about 5.0e-06)

    Examples
    --------
    >>> check_widget_b.grade(5.0e-6).passed, check_widget_b.grade(0).passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered("the number b from the widget's readout")
    b = _count(answer, "b")
    if isinstance(b, Feedback):
        return b
    if abs(b - P12_B) <= 0.05 * P12_B:
        return Feedback.ok(f"b = {P12_B:.2g}: tiny, but not 0. The zoom shows the touch point "
                           "above the axis, so p = 1.2 does not give a sparse answer.")
    if b == 0:
        return Feedback.hint("0 is p = 1's answer. Select free p and set it to 1.2: the readout "
                             "line 'touch point' gives (a, b), and the zoom shows b is not 0.")
    if abs(b - 5 / 101) < 1e-3:
        return Feedback.hint("that is b for p = 2 (the circle). Select free p = 1.2.")
    if abs(b - 0.5) < 1e-2:
        return Feedback.hint("0.5 is a, the first number of (a, b); give the second.")
    if abs(b - P12_B) <= 0.5 * P12_B:
        return Feedback.hint("close: copy b from the readout with its exponent (e-06).")
    return Feedback.hint("set norm to free p, free p to 1.2 and the data point to (10, 5), "
                         "then read the second number of the 'touch point' line.")


@exercise
def check_nonzero_prediction(answer: object) -> Feedback:
    """Predict the non-zeros of min-L1 for 5 random equations in 200 unknowns. (5)

    Examples
    --------
    >>> check_nonzero_prediction.grade(5).passed, check_nonzero_prediction.grade(1).passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered("a number: 1, 5 or 200")
    k = _count(answer, "the number of non-zeros")
    if isinstance(k, Feedback):
        return k
    if k == 5:
        return Feedback.ok("At most n = 5 (for random equations exactly 5): the solution lies "
                           "on a face of the cross-polytope, not on a corner.")
    if k == 1:
        return Feedback.hint("a corner (one non-zero) is where one equation lands. Five "
                             "equations pin down a smaller set, which meets the L1 ball on a "
                             "face: up to n = 5 non-zeros, a corner only when n = 1.")
    if k == 200:
        return Feedback.hint("200 is the minimum-L2 solution, which uses every coordinate. The "
                             "minimum-L1 one keeps at most one non-zero per equation.")
    return Feedback.hint(f"{k:g} is not it: the minimum-L1 solution is a vertex of a linear "
                         "programme, with at most one non-zero per equation.")


@exercise
def check_l2_zero_share(answer: object) -> Feedback:
    """Predict the share of 2-D random bowls whose L2-penalised optimum has a 0. (0 %)

    Examples
    --------
    >>> check_l2_zero_share.grade("0%").passed, check_l2_zero_share.grade("3%").passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered('"66%", "3%" or "0%"')
    word = learner_word(answer)
    if word is not None:
        word = word.replace(" ", "").rstrip("%")
        try:
            share = float(word)
        except ValueError:
            return Feedback.hint('answer "66%", "3%" or "0%".')
    else:
        s = _count(answer, "the share")
        if isinstance(s, Feedback):
            return s
        share = 100 * s if 0 < s < 1 else s  # 0.03 means 3 %
    if share == 0:
        return Feedback.ok("None: L2 pulls each coefficient towards 0 by a factor, so it is 0 "
                           "only when the loss's own minimum already was (probability 0).")
    if abs(share - 3) < 1:
        return Feedback.hint("explained.ai's 3 % came from searching a grid of points, where a "
                             "coefficient can land on a grid line at 0. The exact L2 optimum "
                             "shrinks by a factor and is never exactly 0.")
    if abs(share - 66) < 2:
        return Feedback.hint("about 66 % is explained.ai's figure for L1, whose corners catch "
                             "the optimum. L2's disc has no corners.")
    return Feedback.hint('answer "66%", "3%" or "0%".')
