"""Exercise checks for notebook 05, Lp with p < 1.

Each ``check_xxx`` prints a pass or a specific hint and never raises; its grader is
``check_xxx.grade`` (returns :class:`~lessonlib.checks.core.Feedback`).
"""

from __future__ import annotations

import functools
from decimal import Decimal

import numpy as np

from lessonlib.checks.core import (
    Feedback,
    LearnerCodeError,
    call_learner,
    exercise,
    is_unanswered,
    learner_choice,
    learner_number,
    learner_numbers,
    sorted_if_set,
)
from lessonlib.geometry import min_l1_solution, touch_point
from lessonlib.montecarlo import recovered, sparse_problem
from lessonlib.penalties import l0, lp
from lessonlib.quasinorm import descend_on_line, line_local_minima, line_ridge, reweighted_l1

__all__ = [
    "COUNT_VECTOR",
    "LINE_POINT",
    "PAIRED_RUN",
    "TOUCH_POINT",
    "check_basin_rule",
    "check_landing",
    "check_local_minima",
    "check_one_minimum",
    "check_only_plain",
    "check_p_to_zero",
    "check_reweight_weights",
    "check_sparse_touch",
    "check_triangle_counterexample",
]

#: Section 1's vector, whose sum |w_i|^p the learner follows as p -> 0.
COUNT_VECTOR = (3.0, 0.0, -0.5, 0.0, 0.01)
#: Section 3's data point and its line of solutions b = 3 - 2a.
TOUCH_POINT = (2.0, 3.0)
#: Section 5's paired run at m = 28: N, s, m, trials, seed, reweighting rounds, eps.
PAIRED_RUN = (200, 8, 28, 20, 21, 4, 0.1)

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


# --------------------------------------------------------------------------- predictions
# Each prediction is a choice or a number; every expected answer is computed here, and
# every wrong choice gets its own sentence saying why it is wrong.






@exercise
def check_p_to_zero(answer: object) -> Feedback:
    """Predict: what does sum |w_i|^p tend to as p -> 0 for w = (3, 0, -0.5, 0, 0.01)?

    Examples
    --------
    >>> check_p_to_zero.grade(3).passed, check_p_to_zero.grade(5).passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered("one number")
    try:
        got = learner_number(answer, "your answer")
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Give one number, the value the sum settles at.")
    w = np.array(COUNT_VECTOR)
    count = l0(w)
    if abs(got - count) < 1e-9:
        return Feedback.ok(f"Each non-zero term |w_i|^p tends to 1 and each zero stays 0: the "
                           f"sum tends to {count}, the number of non-zeros. Run the next cell.")
    l1 = float(np.abs(w).sum())
    if abs(got - w.size) < 1e-9:
        return Feedback.hint(f"{w.size} counts the zero entries too, but |0|^p = 0 for every "
                             "p > 0: a zero entry never adds anything.")
    if abs(got) < 1e-9:
        return Feedback.hint("a small power of a non-zero number does not go to 0: "
                             "0.5^0.001 is 0.9993. Each non-zero term goes to 1.")
    if abs(got - l1) < 1e-6:
        return Feedback.hint(f"{l1:g} is the sum at p = 1 (the L1 norm). As p falls, "
                             "3^p falls towards 1 and 0.01^p rises towards 1.")
    if abs(got - 1) < 1e-9:
        return Feedback.hint("1 would be one term alone. There are three non-zero terms, "
                             "and each tends to 1.")
    return Feedback.hint("as p -> 0 each term |w_i|^p of a non-zero w_i tends to 1 "
                         "(any non-zero number to the power 0 is 1). Add them up.")


_TOUCH_CHOICES = {"p < 1": "p < 1", "p<1": "p < 1", "p <= 1": "p <= 1", "p<=1": "p <= 1",
                  "p ≤ 1": "p <= 1", "p > 1": "p > 1", "p>1": "p > 1",
                  "every p": "every p", "all p": "every p", "all": "every p",
                  "every": "every p"}


@exercise
def check_sparse_touch(answer: object) -> Feedback:
    """Predict: for which p does the growing ball touch the line b = 3 - 2a on an axis?

    Choices ``"p < 1"``, ``"p <= 1"``, ``"p > 1"``, ``"every p"``.

    Examples
    --------
    >>> check_sparse_touch.grade("p <= 1").passed, check_sparse_touch.grade("p < 1").passed
    (True, False)
    """
    choice = learner_choice(answer, _TOUCH_CHOICES)
    if isinstance(choice, Feedback):
        return choice
    x0, y0 = TOUCH_POINT
    sparse = {p: bool(np.any(touch_point(x0, y0, p).point == 0))
              for p in (0.25, 0.5, 0.9, 1.0, 1.1, 1.5, 2.0, np.inf)}
    truth = ("p <= 1" if all(sparse[p] for p in (0.25, 0.5, 0.9, 1.0))
             and not any(sparse[p] for p in (1.1, 1.5, 2.0, np.inf)) else "?")
    if choice == truth:
        return Feedback.ok("Every p <= 1 touches at the sparse point (1.5, 0); from p just "
                           "above 1 the ball has no corner left. Run the next cell.")
    why = {
        "p < 1": "p = 1 counts too: the diamond touches with its corner at (1.5, 0), "
                 "like every star.",
        "p > 1": "for p > 1 the ball is round at the axes and touches off them; the "
                 "corners (p = 1) and spikes (p < 1) are what land on an axis.",
        "every p": "the circle (p = 2) touches at (1.2, 0.6), both coordinates non-zero.",
    }[choice]
    return Feedback.hint(why)


@exercise
def check_one_minimum(answer: object) -> Feedback:
    """Widget task: the smallest p on the slider where the size along b = 3 - 2a has one
    local minimum left.

    Examples
    --------
    >>> check_one_minimum.grade(1).passed, check_one_minimum.grade(0.95).passed
    (True, False)
    """
    from lessonlib.widgets.geometry import BELOW_ONE_PS

    if is_unanswered(answer):
        return Feedback.unanswered("one value of p from the slider")
    try:
        got = learner_number(answer, "your p")
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Give one value of p, as the slider shows it.")
    x0, y0 = TOUCH_POINT
    counts = {p: line_local_minima(x0, y0, p).size for p in BELOW_ONE_PS}
    want = min(p for p, n in counts.items() if n == 1)
    if abs(got - want) < 1e-9:
        return Feedback.ok(f"From p = {want:g} the ball is convex and the size along the line "
                           "has a single minimum; below it the cusp at a = 0 is a second, "
                           "worse local minimum.")
    if got < want:
        return Feedback.hint(f"at p = {got:g} the lower panel still shows two triangles "
                             "(a = 0 and a = 1.5): below 1 every axis crossing is a cusp. "
                             "Move p up.")
    if got > max(BELOW_ONE_PS) or got < min(BELOW_ONE_PS):
        return Feedback.hint(f"the slider runs from {min(BELOW_ONE_PS):g} to "
                             f"{max(BELOW_ONE_PS):g}; {got:g} is not on it.")
    return Feedback.hint(f"at p = {got:g} there is one minimum, but there is already only "
                         "one at a smaller p. Move p down until a second triangle appears.")


_BASIN_CHOICES = {"the nearer crossing": "the nearer crossing",
                  "nearer crossing": "the nearer crossing", "nearer": "the nearer crossing",
                  "the lower crossing": "the lower crossing",
                  "lower crossing": "the lower crossing", "lower": "the lower crossing",
                  "the side of the ridge": "the side of the ridge",
                  "side of the ridge": "the side of the ridge", "ridge": "the side of the ridge"}


@exercise
def check_basin_rule(answer: object) -> Feedback:
    """Predict what decides where descent on the size along the line stops.

    Choices ``"the nearer crossing"``, ``"the lower crossing"``, ``"the side of the ridge"``.

    Examples
    --------
    >>> check_basin_rule.grade("the side of the ridge").passed
    True
    >>> check_basin_rule.grade("the nearer crossing").passed
    False
    """
    choice = learner_choice(answer, _BASIN_CHOICES)
    if isinstance(choice, Feedback):
        return choice
    x0, y0, p = 3.0, 2.0, 0.5  # section 4's line b = 2 - 3a
    ridge = line_ridge(x0, y0, p)
    land = descend_on_line(x0, y0, p, 0.25).landing
    if choice == "the side of the ridge":
        return Feedback.ok(f"The ridge at a = {ridge:.4g} splits the line into two basins; "
                           "descent only feels the slope where it stands. Run the next cell.")
    if choice == "the nearer crossing":
        return Feedback.hint(f"the start a = 0.25 is nearer the crossing at 0, yet descent "
                             f"from it stops at a = {land:.4g}: it starts past the ridge at "
                             f"a = {ridge:.4g}, where the slope points the other way.")
    return Feedback.hint("descent cannot see which crossing is lower: it follows the slope "
                         "where it stands. A start left of the ridge slides to a = 0, the "
                         "higher one.")


@functools.lru_cache(maxsize=1)
def _only_plain() -> tuple[int, int]:
    """(problems only plain L1 recovered, problems plain L1 recovered) in section 5's run.

    The problems are drawn as ``recovery_experiment`` draws them (its first m); only the
    ones plain L1 recovers need the reweighting rounds.
    """
    N, s, m, trials, seed, rounds, eps = PAIRED_RUN
    rng = np.random.default_rng(seed)
    only, plain = 0, 0
    for _ in range(trials):
        A, b, x = sparse_problem(rng, N, s, m)
        if recovered(min_l1_solution(A, b), x):
            plain += 1
            only += not recovered(reweighted_l1(A, b, iterations=rounds, eps=eps).x, x)
    return only, plain


@exercise
def check_only_plain(answer: object) -> Feedback:
    """Predict: on how many of section 5's 20 problems at m = 28 does plain L1 recover the
    signal while reweighted L1 does not?

    Examples
    --------
    >>> check_only_plain.grade(0).passed, check_only_plain.grade(2).passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered("one whole number of problems")
    try:
        got = learner_number(answer, "your count")
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Give one whole number of problems.")
    trials = PAIRED_RUN[3]
    if got != round(got) or not 0 <= got <= trials:
        return Feedback.hint(f"give a whole number of problems from 0 to {trials}.")
    only, plain = _only_plain()
    if got == only:
        return Feedback.ok(f"{only}. Reweighting starts from the plain L1 answer: where that is "
                           "already the signal, the weights keep it there. Run the next cell.")
    if got == plain:
        return Feedback.hint(f"plain L1 recovers {plain} problems in all, but reweighting "
                             "starts from its answer: where that is already the true signal, "
                             "small weights on the true entries keep it there.")
    return Feedback.hint("reweighting starts from the plain L1 answer. If that is already "
                         "the true signal, the weights 1 / (|x| + eps) make its own entries "
                         "cheap and the rest dear: does the next round leave it?")
