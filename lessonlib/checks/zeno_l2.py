"""Checks for notebook 02, Zeno's L2.

* :func:`check_l2_step`: one L2 (weight-decay) step on the penalty alone.
* :func:`check_steps_to_halve`: how many steps halve a weight.
* :func:`check_reaches_zero`: which decay factors reach exact 0 in float64.

Predictions (each graded before the cell that shows the answer):

* :func:`check_shrink_thousand`: steps to shrink a weight 1,000-fold, from the 10-fold count.
* :func:`check_ridge_zeros`: exact zeros of the ridge solution at a crushing lambda.
* :func:`check_float_end`: where repeated multiplication by 0.99 ends in float64.
* :func:`check_halving_ratio`: how the steps to halve change when eta grows tenfold.

The widget's task: :func:`check_float16_frozen`.
"""

from __future__ import annotations

import functools
import itertools
import math

import numpy as np

from lessonlib.checks.core import (
    Feedback,
    LearnerCodeError,
    a_kind,
    call_learner,
    exercise,
    is_unanswered,
    learner_number,
    learner_word,
    only_item,
    preview,
    read_answer,
)
from lessonlib.zeno import DTYPES, float_decay, ridge_path, steps_to_shrink

__all__ = ["check_float16_frozen", "check_float_end", "check_halving_ratio", "check_l2_step",
           "check_reaches_zero", "check_ridge_zeros", "check_shrink_thousand",
           "check_steps_to_halve"]

# (w, eta, lam) cases: a positive, a negative and a zero weight, several strengths.
_STEP_CASES = [(1.0, 0.1, 0.05), (-2.5, 0.2, 0.5), (0.3, 0.01, 1.0), (0.0, 0.1, 0.1),
               (4.0, 0.5, 0.25)]


def _close(a: float, b: float) -> bool:
    # float32 arithmetic is a correct answer too: allow its rounding.
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _subtracts_constant(l2_step: object, eta: float, lam: float) -> bool:
    """True if ``l2_step`` moves w = 2 and w = 3 by the same amount (an L1-style step).

    At w = 1 the L2 step without its factor 2, ``(1 - eta*lam) * w``, and the constant step
    ``w - eta*lam`` agree; two other weights tell them apart.
    """
    moves = []
    for w in (2.0, 3.0):
        try:
            moves.append(w - learner_number(call_learner(l2_step, w, eta, lam), "l2_step"))
        except LearnerCodeError:
            return False
    return _close(moves[0], moves[1]) and not _close(moves[0], 0.0)


def _subtracts_penalty(l2_step: object, eta: float, lam: float) -> bool:
    """True if ``l2_step`` subtracts ``eta * lam * w**2`` (or twice it): the penalty, not
    its slope. At w = 1 both agree with other steps; w = 3 tells them apart."""
    try:
        value = learner_number(call_learner(l2_step, 3.0, eta, lam), "l2_step")
    except LearnerCodeError:
        return False
    return any(_close(value, 3.0 - c * eta * lam * 9.0) for c in (1, 2))


def _ignored_arguments(l2_step: object, w: float, eta: float, lam: float,
                       value: float) -> str:
    """"eta", "lam", "eta and lam" or "": the arguments whose halving leaves the answer
    unchanged (a number written in where the argument belongs). Asked only of a wrong answer
    at w != 0, where the right step depends on both."""
    if w == 0:
        return ""
    names = []
    for name, args in (("eta", (w, eta / 2, lam)), ("lam", (w, eta, lam / 2))):
        try:
            other = learner_number(call_learner(l2_step, *args), "l2_step")
        except LearnerCodeError:
            return ""
        if _close(other, value):
            names.append(name)
    return " and ".join(names)


@exercise
def check_l2_step(l2_step: object) -> Feedback:
    """Grade ``l2_step(w, eta, lam)``: one gradient step on ``lam * w**2`` alone.

    Examples
    --------
    >>> check_l2_step.grade(lambda w, eta, lam: (1 - 2 * eta * lam) * w).passed
    True
    >>> check_l2_step.grade(lambda w, eta, lam: (1 - eta * lam) * w).passed
    False
    >>> "constant" in check_l2_step.grade(lambda w, eta, lam: w - 2 * eta * lam).message
    True
    """
    for w, eta, lam in _STEP_CASES:
        got = call_learner(l2_step, w, eta, lam)
        if got is None:
            return Feedback.unanswered("a `return` statement in the function body")
        try:
            value = learner_number(got, f"what l2_step({w}, {eta}, {lam}) returned")
        except LearnerCodeError as exc:
            return Feedback.hint(f"{exc}. l2_step should return a number, the new weight.")
        want = (1 - 2 * eta * lam) * w
        if _close(value, want):
            continue
        ignored = _ignored_arguments(l2_step, w, eta, lam, value)
        if ignored:
            return Feedback.hint(f"l2_step({w}, {eta}, {lam}) returned {value:.6g}: your "
                                 f"function ignores {ignored} (changing "
                                 f"{'them' if ' and ' in ignored else 'it'} changes nothing). "
                                 "Use the arguments, not fixed numbers.")
        if _subtracts_penalty(l2_step, eta, lam):
            return Feedback.hint(
                "you subtracted (eta times) the penalty lam * w**2 itself. A gradient step "
                "subtracts eta times its *slope*, 2 * lam * w.")
        if _close(value, (1 - eta * lam) * w) and not _subtracts_constant(l2_step, eta, lam):
            return Feedback.hint("the derivative of lam * w**2 is 2 * lam * w: a factor 2 is "
                                 "missing.")
        # Subtracting a constant (with or without the sign of w, with or without the 2) is
        # L1's step. At w = 1 it equals the L2 step, so the first case alone cannot tell.
        constant = {w - 2 * eta * lam, w - eta * lam, w - 2 * eta * lam * np.sign(w),
                    w - eta * lam * np.sign(w)}
        if any(_close(value, c) for c in constant):
            return Feedback.hint(
                f"l2_step({w}, {eta}, {lam}) returned {value:.6g}: you subtracted a constant "
                "amount, which is the L1 step. The L2 step multiplies: w - eta * (2 * lam * w) "
                "= (1 - 2 * eta * lam) * w, so a weight twice as big moves twice as far.")
        if _close(value, (1 + 2 * eta * lam) * w):
            return Feedback.hint("the weight grew: a gradient step goes *against* the gradient, "
                                 "w - eta * gradient.")
        if _close(value, 2 * eta * lam * w):
            return Feedback.hint("that is the size of the step (eta times the gradient); return "
                                 "the weight after the step, w minus it.")
        if (eta, lam) != _STEP_CASES[0][1:] and _close(
                value, (1 - 2 * _STEP_CASES[0][1] * _STEP_CASES[0][2]) * w):
            return Feedback.hint(f"l2_step({w}, {eta}, {lam}) returned {value:.6g}: your "
                                 "function ignores eta or lam. Use the arguments, not fixed "
                                 "numbers.")
        return Feedback.hint(f"l2_step({w}, {eta}, {lam}) returned {value:.6g}, expected "
                             f"{want:.6g}. The step is w - eta * (2 * lam * w).")
    return Feedback.ok("Every step multiplies w by the same factor 1 - 2*eta*lam.")


#: The exercise's step size and penalty strength (notebook 02).
_HALVE_ETA, _HALVE_LAM = 0.05, 0.1


@exercise
def check_steps_to_halve(steps: object, eta: float = 0.05, lam: float = 0.1) -> Feedback:
    """Grade the number of L2 steps (``eta``, ``lam``) after which a weight is at most half.

    The exercise fixes ``eta = 0.05`` and ``lam = 0.1``; other values are refused with a
    hint naming them (the parameters stay for the calls that spell them out).

    The exact answer is ``ln 2 / -ln(1 - 2 eta lam)`` (68.97 for the defaults);
    the whole number of steps is its ceiling (69). Both are accepted.

    Examples
    --------
    >>> check_steps_to_halve.grade(69).passed, check_steps_to_halve.grade(68.97).passed
    (True, True)
    >>> check_steps_to_halve.grade(50).passed, check_steps_to_halve.grade(68.5).passed
    (False, False)
    >>> "approximation" in check_steps_to_halve.grade(69.31).message
    True
    >>> check_steps_to_halve.grade(np.array(69)).passed
    True
    """
    try:
        value = learner_number(steps, "the number of steps")
        eta = learner_number(eta, "eta")
        lam = learner_number(lam, "lam")
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Give the number of steps as a number, such as 12.")
    if not (math.isclose(eta, _HALVE_ETA, rel_tol=1e-6)
            and math.isclose(lam, _HALVE_LAM, rel_tol=1e-6)):
        # The exercise fixes eta and lam: a check that took the learner's own would grade a
        # question the notebook never asked (check_steps_to_halve(35, 0.1, 0.1) passed).
        return Feedback.hint(f"the exercise asks about eta = {_HALVE_ETA:g} and lam = "
                             f"{_HALVE_LAM:g}, not eta = {eta:g}, lam = {lam:g}: call "
                             "`check_steps_to_halve(steps_to_halve)` with your number only.")
    eta, lam = _HALVE_ETA, _HALVE_LAM
    f = 1 - 2 * eta * lam
    exact = math.log(2) / -math.log1p(-2 * eta * lam)  # log1p: exact even for tiny eta*lam
    whole = math.ceil(exact)
    if value == whole or abs(value - exact) <= 0.1:  # the exact value, rounded or cut short
        return Feedback.ok(f"ln 2 / -ln({f:g}) = {exact:.2f}, so after {whole} whole steps "
                           "the weight is below half, whatever its starting size.")
    if math.isclose(value, math.log(2) / (2 * eta * lam), rel_tol=0.002):
        return Feedback.hint(f"{value:g} is the half-life approximation ln 2 / (2*eta*lam), which "
                             "takes -ln(1 - x) to be x. Close, but solve exactly: "
                             "t = ln(1/2) / ln(1 - 2*eta*lam).")
    if math.isclose(value, 0.5 / (2 * eta * lam), rel_tol=0.02):
        return Feedback.hint("that would be right if each step removed a fixed amount. L2 removes "
                             "a fixed *fraction*: solve (1 - 2*eta*lam)**t = 1/2 for t.")
    if math.isclose(value, math.log(2) / -math.log1p(-eta * lam), rel_tol=0.02):
        return Feedback.hint("the factor per step is 1 - 2*eta*lam (the derivative of lam*w**2 "
                             "is 2*lam*w).")
    ln_f = math.log1p(-2 * eta * lam)
    if math.isclose(value, math.log10(2) / -ln_f, rel_tol=0.02) or math.isclose(
        value, math.log(2) / -(ln_f / math.log(10)), rel_tol=0.02
    ):
        return Feedback.hint("use the same logarithm on top and bottom (ln/ln or log10/log10).")
    if value == whole - 1:
        return Feedback.hint(f"after {whole - 1} steps the weight is still a little above half; "
                             "round up.")
    return Feedback.hint(f"{value:g} is not it. Solve (1 - 2*eta*lam)**t = 1/2 with eta={eta:g}, "
                         f"lam={lam:g}: t = ln(1/2) / ln(1 - 2*eta*lam).")


_FACTORS = (0.3, 0.5, 0.55, 0.9, 0.999)


@exercise
def check_reaches_zero(factors: object) -> Feedback:
    """Grade the set of factors (from 0.3, 0.5, 0.55, 0.9, 0.999) that reach exact 0 in float64.

    The truth is measured with :func:`lessonlib.zeno.float_decay`.

    Examples
    --------
    >>> check_reaches_zero.grade({0.3, 0.5}).passed
    True
    >>> check_reaches_zero.grade([0.3]).passed
    False
    """
    if isinstance(factors, np.ndarray):
        factors = factors.ravel()[: 2 * len(_FACTORS) + 2]  # a huge array: look at a few
    if isinstance(factors, (str, bytes, dict)):
        return Feedback.hint("give a set or list of the factors, e.g. {0.3, 0.9}.")
    try:
        values = read_answer(iter, factors)  # its own __iter__ may be slow: under the limit
    except TypeError:
        return Feedback.hint("give a set or list of the factors, e.g. {0.3, 0.9}.")
    # A generator's items run the learner's code: read a few, under the time limit.
    items = read_answer(lambda: list(itertools.islice(values, 2 * len(_FACTORS) + 2)))
    if len(items) > 2 * len(_FACTORS) + 1:
        return Feedback.hint(f"you gave more than {2 * len(_FACTORS)} values; choose among "
                             f"the {len(_FACTORS)} factors {list(_FACTORS)}.")
    chosen_list: list[float] = []
    for f in items:
        try:
            chosen_list.append(learner_number(f, "each factor"))
        except LearnerCodeError as exc:
            return Feedback.hint(f"{exc}. Give a set or list of the factors, e.g. {{0.3, 0.9}}.")
    chosen = set(chosen_list)
    unknown = chosen - set(_FACTORS)
    if unknown:
        return Feedback.hint(f"choose only among {list(_FACTORS)}; {preview(sorted(unknown))} "
                             f"{'is' if len(unknown) == 1 else 'are'} not among them.")
    truth = {f for f in _FACTORS if float_decay(f, "float64", max_steps=10**7).reached_zero}
    if chosen == truth:
        return Feedback.ok("Only factors up to 1/2 get there: from the smallest subnormal s, "
                           "f*s <= s/2 rounds to 0; for larger f it rounds back to s.")
    wrong = sorted(chosen - truth)
    missing = sorted(truth - chosen)
    if wrong:
        verb = "gets" if len(wrong) == 1 else "get"
        return Feedback.hint(f"{', '.join(map(str, wrong))} never {verb} there: for f above 1/2, "
                             "k*f rounds back to k once k*(1-f) < 1/2, at the latest at k = 1 "
                             "(the smallest subnormal), and the weight is stuck.")
    if 0.5 in missing:
        return Feedback.hint("look at f = 0.5 exactly: 0.5 * s is a tie between 0 and s, and ties "
                             "round to the even neighbour, 0.")
    verb = "gets" if len(missing) == 1 else "get"
    return Feedback.hint(f"{', '.join(map(str, missing))} also {verb} there: below 1/2, f*s is "
                         "less than s/2 and rounds to 0.")


# ----------------------------------------------------------------------------- predictions






def _number(answer: object) -> float | None:
    """One real number, or None (booleans are not numbers here)."""
    if isinstance(answer, (bool, np.bool_)):
        return None
    try:
        return learner_number(answer, "your answer")
    except LearnerCodeError:
        return None


@exercise
def check_shrink_thousand(answer: object) -> Feedback:
    """Predict: with f = 0.99 a weight shrinks 10-fold in about 229 steps; how many for
    1,000-fold? (About 690: each factor of 10 costs the same steps.)

    Examples
    --------
    >>> check_shrink_thousand.grade(690).passed, check_shrink_thousand.grade(687).passed
    (True, True)
    >>> check_shrink_thousand.grade(2300).passed, check_shrink_thousand.grade(23000).passed
    (False, False)
    >>> check_shrink_thousand.grade(...).attempted
    False
    """
    if is_unanswered(answer):
        return Feedback.unanswered("a number: 690, 2300 or 23000")
    value = _number(only_item(answer))
    if value is None:
        return Feedback.hint(f"answer with a number (690, 2300 or 23000), not {a_kind(answer)}.")
    ten = steps_to_shrink(0.1, 0.05, k=1)
    truth = steps_to_shrink(0.1, 0.05, k=3)
    if abs(value - truth) <= 0.02 * truth:
        return Feedback.ok(f"{truth:.1f} steps = 3 x {ten:.1f}: each step removes the same "
                           "fraction, so every further factor of 10 costs the same steps, "
                           "whatever the weight has come down to.")
    if abs(value - 10 * ten) <= 0.05 * 10 * ten:
        return Feedback.hint("10 x 229 would mean the second factor of 10 costs more steps than "
                             "the first. It costs the same: from 0.1, one step still removes 1% "
                             "of what is there, so 0.1 -> 0.01 takes as long as 1 -> 0.1.")
    if abs(value - 100 * ten) <= 0.05 * 100 * ten:
        return Feedback.hint("100 x 229 treats the 1,000-fold shrink as 100 times harder. A weight "
                             "1,000 times smaller is just three factors of 10, each costing the "
                             "same 229 steps.")
    return Feedback.hint(f"{value:g} is not it. A 10-fold shrink takes 229 steps from any "
                         "starting weight. How many 10-fold shrinks make a 1,000-fold one?")


@functools.lru_cache(maxsize=1)
def _ridge_zeros_at_100() -> int:
    from lessonlib.synthetic import sparse_regression  # the notebook's data (seed 1)

    X, y, _ = sparse_regression(200, 100, 10, seed=1)
    return int(np.count_nonzero(ridge_path(X, y, [100.0])[0] == 0))


@exercise
def check_ridge_zeros(answer: object) -> Feedback:
    """Predict: how many of the 100 ridge weights are exactly 0 at lambda = 100? (0)

    The truth is computed on the notebook's data.

    Examples
    --------
    >>> check_ridge_zeros.grade(0).passed, check_ridge_zeros.grade(90).passed
    (True, False)
    >>> check_ridge_zeros.grade(100).passed
    False
    """
    if is_unanswered(answer):
        return Feedback.unanswered("a number: 0, 90 or 100")
    value = _number(only_item(answer))
    if value is None or not value.is_integer() or not 0 <= value <= 100:
        return Feedback.hint("answer with a whole number of weights between 0 and 100 "
                             "(0, 90 or 100).")
    truth = _ridge_zeros_at_100()
    if value == truth:
        return Feedback.ok("None: the penalty pulls each weight back by 2*lambda*w, a pull that "
                           "fades as w shrinks, so each settles where the loss's pull balances "
                           "it, small but not 0. Run the next cells to see the whole path.")
    if value == 90:
        return Feedback.hint("90 would mean L2 knows which features are noise. It does not: it "
                             "shrinks every weight by a fraction, and a noise feature that happens "
                             "to correlate a little with y keeps a small non-zero weight.")
    if value == 100:
        return Feedback.hint("lambda = 100 makes every weight tiny, but a weight stops where the "
                             "penalty's pull, 2*lambda*w, balances the loss's: a non-zero pull "
                             "needs a non-zero w.")
    return Feedback.hint(f"{value:g} is not it. Could a penalty whose pull, 2*lambda*w, fades "
                         "with the weight ever push a weight the loss wants to 0 all the way?")


_FLOAT_ENDS = {"exact 0": "zero", "exactly 0": "zero", "0": "zero", "zero": "zero",
               "stuck above 0": "stuck", "stuck": "stuck",
               "keeps shrinking": "shrinking", "shrinking": "shrinking"}


@exercise
def check_float_end(answer: object) -> Feedback:
    """Predict: 1.0 multiplied by 0.99 again and again in float64 ends where? (stuck above 0)

    Examples
    --------
    >>> check_float_end.grade("stuck above 0").passed, check_float_end.grade("exact 0").passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered('"exact 0", "stuck above 0" or "keeps shrinking"')
    word = learner_word(only_item(answer))
    if word is None and _number(only_item(answer)) == 0:
        word = "0"
    choice = _FLOAT_ENDS.get(word) if word is not None else None
    if choice is None:
        return Feedback.hint(f'answer "exact 0", "stuck above 0" or "keeps shrinking", not '
                             f"{answer!r:.40}.")
    run = float_decay(0.99, "float64")
    truth = "zero" if run.reached_zero else "stuck" if run.stalled else "shrinking"
    if choice == truth:
        return Feedback.ok(f"It stops changing after {run.steps:,} steps, at {run.final:.2g}: "
                           "a tiny number, but not 0. Run the next cell for every float type.")
    if choice == "zero":
        return Feedback.hint("'It eventually underflows to 0' is the popular answer. But near the "
                             "bottom of the float range the representable numbers are evenly "
                             "spaced, and 0.99 x a number there rounds back to the same number.")
    return Feedback.hint("a float64 has finitely many values (2**64 at most), so a run that keeps "
                         "shrinking must end: at 0, or at a value that 0.99 x ... rounds back to.")


_RATIOS = {"10 times fewer": 10, "10": 10, "100 times fewer": 100, "100": 100,
           "the same": 1, "same": 1, "1": 1}


@exercise
def check_halving_ratio(answer: object) -> Feedback:
    """Predict: lambda = 0.05, eta from 0.01 to 0.1: the steps to halve become ...?
    ("10 times fewer"; 693 -> 69)

    Examples
    --------
    >>> check_halving_ratio.grade("10 times fewer").passed
    True
    >>> check_halving_ratio.grade("100 times fewer").passed, check_halving_ratio.grade(1).passed
    (False, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered('"10 times fewer", "100 times fewer" or "the same"')
    one = only_item(answer)
    word = learner_word(one)
    if word is None and _number(one) is not None and _number(one).is_integer():
        word = str(int(_number(one)))
    choice = _RATIOS.get(word) if word is not None else None
    if choice is None:
        return Feedback.hint('answer "10 times fewer", "100 times fewer" or "the same", not '
                             f"{answer!r:.40}.")
    slow = steps_to_shrink(0.01, 0.05, k=1, base=2)
    fast = steps_to_shrink(0.1, 0.05, k=1, base=2)
    truth = min((1, 10, 100), key=lambda r: abs(math.log(slow / fast / r)))
    if choice == truth:
        return Feedback.ok(f"{slow:.0f} -> {fast:.1f} steps ({slow / fast:.2f} times fewer): each "
                           "step removes about 2*eta*lambda of the weight, ten times more. On the "
                           "widget's log-step axis the curve moves one decade left.")
    if choice == 100:
        return Feedback.hint("100 would need the fraction removed per step to grow 100-fold. It is "
                             "2*eta*lambda, which grows like eta: 10-fold.")
    return Feedback.hint("the starting weight does not matter, but the factor does: f moves from "
                         "0.999 to 0.99, so each step removes 10 times as much of the weight.")


_WIDGET_ETAS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)  # the eta slider


@exercise
def check_float16_frozen(answer: object) -> Feedback:
    """The widget's task: in float16 with lambda = 0.05, the largest eta on the slider at
    which the weight never moves (f rounds to 1). (0.002)

    Examples
    --------
    >>> check_float16_frozen.grade(0.002).passed, check_float16_frozen.grade(0.001).passed
    (True, False)
    >>> check_float16_frozen.grade(0.005).passed
    False
    """
    if is_unanswered(answer):
        return Feedback.unanswered("a value of eta from the slider, such as 0.01")
    value = _number(only_item(answer))
    if value is None:
        return Feedback.hint(f"answer with a number (a value of eta), not {a_kind(answer)}.")
    match = [e for e in _WIDGET_ETAS if math.isclose(value, e, rel_tol=1e-6)]
    if not match:
        return Feedback.hint(f"{value:g} is not on the eta slider; its values are "
                             f"{', '.join(f'{e:g}' for e in _WIDGET_ETAS)}.")
    eta = match[0]
    half = DTYPES["float16"]
    frozen = [e for e in _WIDGET_ETAS if float(half(1 - 2 * e * 0.05)) == 1.0]
    truth = max(frozen)
    stored = float(half(1 - 2 * eta * 0.05))
    if eta == truth:
        nxt = _WIDGET_ETAS[_WIDGET_ETAS.index(eta) + 1]
        return Feedback.ok(f"f = {1 - 2 * eta * 0.05:g} is stored as 1 in float16, whose numbers "
                           "just below 1 are 2**-11 = 0.00049 apart: the step is lost to "
                           f"rounding. At eta = {nxt:g}, f is stored as "
                           f"{float(half(1 - 2 * nxt * 0.05)):.5g} and the weight moves.")
    if eta in frozen:
        return Feedback.hint(f"at eta = {eta:g} the weight is frozen too, but not at the largest "
                             "such eta: move the slider one step right and read the readout.")
    return Feedback.hint(f"at eta = {eta:g}, f = {1 - 2 * eta * 0.05:g} is stored as "
                         f"{stored:.5g} in float16, not 1: the weight moves. Try smaller eta.")
