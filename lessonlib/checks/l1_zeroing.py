"""Checks for notebook 03, L1 zeroing.

* :func:`check_soft_threshold`: implement soft-thresholding.
* :func:`check_predict_zeroed`: predict which weights one L1 proximal step sets to 0.
* :func:`check_ista_step`: one step of proximal gradient descent (ISTA).
* :func:`check_subgradient_zeros`: predict plain subgradient descent's exact zeros.
* :func:`check_playground_starts`: predict how often the Playground rule ends above the
  minimum from random starts.
* :func:`check_l2_grid_zeros`: predict the L2 grid's exact zeros.
* :func:`check_network_step`: the widget task, the step at which L1's grid is done.

Every expected answer is recomputed here with the notebook's settings.
"""

from __future__ import annotations

import functools

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
    preview,
    short_repr,
)
from lessonlib.optimizers import (
    ista,
    lasso_objective,
    lipschitz_constant,
    playground_l1,
    subgradient_descent_l1,
)
from lessonlib.penalties import soft_threshold
from lessonlib.synthetic import sparse_regression

__all__ = ["NETWORK_LAM", "SIDE_BY_SIDE", "STARTS", "ZEROED_T", "ZEROED_W", "check_ista_step",
           "check_l2_grid_zeros", "check_network_step", "check_playground_starts",
           "check_predict_zeroed", "check_soft_threshold", "check_subgradient_zeros"]


def _as_array(got: object, what: str) -> np.ndarray | Feedback:
    if got is None or got is Ellipsis:
        return Feedback.unanswered("a `return` statement in the function body")
    try:
        return learner_numbers(got, what)
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Return the new weights as a NumPy array of numbers.")


def _not_exact_zero(got: np.ndarray, want: np.ndarray) -> str | None:
    """The hint when ``got`` is close to ``want`` but not exactly 0 where ``want`` is 0.

    The whole lesson is about *exact* zeros, so a tiny leftover is wrong however small
    (a float32 answer has exact zeros too).
    """
    loose = (want == 0) & (got != 0)
    if not np.any(loose):
        return None
    j = int(np.flatnonzero(loose)[0])
    return (f"entry {j} should be exactly 0, got {got[j]:.3g}: the L1 step must clip to 0, "
            "not leave a tiny value (np.maximum(|w| - t, 0) gives an exact 0).")


#: (w, t) cases of soft-thresholding: the notebook's t = 0.3 first, then other thresholds
#: (0 included), so a function with t written into it cannot pass.
_SOFT_CASES = (
    (np.array([0.1, -0.1, 0.3, -0.3, 0.8, -1.5, 0.0, 2.0]), 0.3),
    (np.array([0.4, -0.45, 1.2, -2.0, 0.05, 0.0, 0.6]), 0.5),
    (np.array([3.0, -0.9, 1.1, -1.25, 0.2]), 1.0),
    (np.array([0.02, -0.07, 0.5, -0.04]), 0.05),
    (np.array([0.7, -0.2, 0.0]), 0.0),
)
_NOTEBOOK_T = 0.3


@exercise
def check_soft_threshold(func: object) -> Feedback:
    """Grade ``func(w, t)``: ``sign(w) * max(|w| - t, 0)`` on arrays, element by element.

    Several thresholds are tried (not only the notebook's 0.3), each on fresh copies.

    Examples
    --------
    >>> check_soft_threshold.grade(lambda w, t: np.sign(w) * np.maximum(np.abs(w) - t, 0)).passed
    True
    >>> check_soft_threshold.grade(lambda w, t: w - t * np.sign(w)).passed
    False
    >>> def uses_if(w, t):
    ...     return w - t if w > t else 0.0
    >>> print(check_soft_threshold.grade(uses_if).message[:44])
    your function uses `if` on a whole array; us
    >>> print(check_soft_threshold.grade(lambda w, t: np.sign(w) * np.maximum(np.abs(w) - 0.3, 0)
    ...       ).message[:60])
    your function ignores t: with t = 0.5 it still moves weights
    """
    for w, t in _SOFT_CASES:
        try:
            got = _as_array(call_learner(func, w, t), "what your function returned")
        except LearnerCodeError as exc:
            # `if w > t:` (or Python's max, and, or) on a whole array: NumPy's "truth value
            # of an array ... is ambiguous". Say what to do instead of NumPy's wording.
            if "truth value" in str(exc):
                return Feedback.hint("your function uses `if` on a whole array; use "
                                     "np.sign/np.maximum or np.where so it works element by "
                                     "element. (Python's `max(..., 0)`, `and` and `or` fail the "
                                     "same way: use np.maximum, & and |.)")
            raise
        if isinstance(got, Feedback):
            return got
        want = soft_threshold(w, t)
        if got.shape != want.shape:
            return Feedback.hint(f"for an array of {w.size} weights return {w.size} values "
                                 f"(got shape {got.shape}); work element by element with NumPy.")
        close = np.allclose(got, want, rtol=1e-6, atol=1e-9)
        if close and _not_exact_zero(got, want) is None:
            continue
        if close:
            return Feedback.hint(_not_exact_zero(got, want))
        hint = _soft_threshold_slip(got, w, t)
        if hint:
            return Feedback.hint(hint)
        bad = int(np.flatnonzero(~np.isclose(got, want, rtol=1e-6, atol=1e-9))[0])
        return Feedback.hint(f"for w = {w[bad]:g}, t = {t:g} you return {got[bad]:g}, expected "
                             f"{want[bad]:g}.")
    return Feedback.ok("A weight the step would carry past 0 stops at exactly 0; the others "
                       "move t towards 0.")


def _soft_threshold_slip(got: np.ndarray, w: np.ndarray, t: float) -> str | None:
    """The name of a known slip that gives ``got`` for ``(w, t)``, or None."""
    def same(x: object) -> bool:
        return bool(np.allclose(got, x, rtol=1e-6, atol=1e-9))

    if t != _NOTEBOOK_T and same(soft_threshold(w, _NOTEBOOK_T)):
        return (f"your function ignores t: with t = {t:g} it still moves weights by "
                f"{_NOTEBOOK_T:g}. Use the argument t, not the notebook's value.")
    if same(w - t * np.sign(w)):
        return (f"weights smaller than t cross zero (with t = {t:g}): clip them to exactly 0 "
                "with max(|w| - t, 0).")
    if same(np.maximum(w - t, 0)):
        return ("negative weights all became 0: shrink the magnitude |w| and put the sign "
                "back, sign(w) * max(|w| - t, 0).")
    if same(np.where(np.abs(w) > t, w, 0.0)):
        return "that is hard thresholding: the survivors must also move t towards 0."
    if same(np.maximum(np.abs(w) - t, 0)):
        return "the sign was lost: multiply by sign(w)."
    if same(-soft_threshold(w, t)):
        return "every sign is flipped: the result keeps the sign of w, sign(w) * max(|w| - t, 0)."
    if same(w):
        return f"your function returned w unchanged (t = {t:g}); move each weight t towards 0."
    return None


#: The weights and the step of the "predict the zeros" exercise.
ZEROED_W = np.array([0.8, -0.05, 0.2, -0.3, 0.02, 0.0, -1.1, 0.25])
ZEROED_T = 0.25


@exercise
def check_predict_zeroed(indices: object) -> Feedback:
    """Grade the indices of ``ZEROED_W`` that are exactly 0 after ``soft_threshold(., ZEROED_T)``.

    Accepts a list, set, tuple or array of indices, or a boolean mask of length 8.

    Examples
    --------
    >>> check_predict_zeroed.grade([1, 2, 4, 5, 7]).passed
    True
    >>> check_predict_zeroed.grade([1, 2, 4]).passed
    False
    >>> print(check_predict_zeroed.grade([-0.05, 0.2, 0.02, 0.0, 0.25]).message)
    give positions 0-7 (indices), not values: e.g. [0, 3] means the first and the fourth weight.
    """
    truth = set(np.flatnonzero(soft_threshold(ZEROED_W, ZEROED_T) == 0).tolist())
    if isinstance(indices, (set, frozenset)):
        indices = sorted(indices, key=repr)
    try:
        arr = np.asarray(indices)
    except (TypeError, ValueError):
        return Feedback.hint("give the positions (0 to 7) of the weights that become 0.")
    if arr.size > 4 * ZEROED_W.size:
        return Feedback.hint(f"you gave {arr.size:,} values for {ZEROED_W.size} weights; give "
                             "the positions (0 to 7) of the weights that become 0.")
    is_mask = arr.dtype == bool or (
        # [0, 1, 1, 0, ...]: eight 0/1 entries with repeats are a mask, not positions
        arr.size == ZEROED_W.size and arr.dtype.kind in "iuf"
        and set(arr.ravel().tolist()) <= {0, 1} and arr.ndim == 1)
    if is_mask:
        if arr.size != ZEROED_W.size:
            return Feedback.hint(f"a mask needs one True/False per weight: {ZEROED_W.size} "
                                 f"entries, got {arr.size}.")
        if arr.ndim != 1:
            return Feedback.hint(f"give the mask as one row of {ZEROED_W.size} True/False "
                                 f"values; yours has shape {arr.shape}.")
        chosen = set(np.flatnonzero(arr).tolist())
    else:
        try:
            flat = learner_numbers(np.atleast_1d(arr), "your positions").ravel()
        except LearnerCodeError as exc:
            if "NaN or inf" not in str(exc):
                return Feedback.hint(f"{exc}. Give the positions (0 to 7) of the weights "
                                     "that become 0.")
            flat = np.array([0.5])  # not a position: the hint below says so
        if np.any(flat != np.round(flat)):
            # e.g. ZEROED_W[[1, 2, 4]] or [-0.05, 0.2]: int() would silently turn them into 0
            return Feedback.hint("give positions 0-7 (indices), not values: e.g. [0, 3] means "
                                 "the first and the fourth weight.")
        chosen = {int(i) for i in flat}
        if {i - 1 for i in chosen} == truth:
            return Feedback.hint("Python counts positions from 0: the first weight is index 0.")
        if not chosen <= set(range(ZEROED_W.size)):
            return Feedback.hint("positions run from 0 to 7 (Python counts from 0).")
    if chosen == truth:
        return Feedback.ok("Every weight with |w| <= t lands on 0, including the one at the "
                           "boundary (0.25) and the one that was already 0.")
    if truth - chosen == {5}:
        return Feedback.hint("a weight that is already 0 stays 0 under the step.")
    if truth - chosen == {7}:
        return Feedback.hint("look at 0.25: |w| - t = 0 exactly, so it becomes 0.")
    if 3 in chosen:
        return Feedback.hint("-0.3 is larger than t in magnitude: it becomes -0.05, not 0.")
    return Feedback.hint("a weight becomes 0 exactly when |w| <= t; compare each |w| with 0.25.")


def _ista_cases() -> list[tuple[np.ndarray, np.ndarray, np.ndarray, float, float]]:
    """(w, X, y, lam, step): the notebook's lam = 0.2, step = 0.4 first, then others."""
    cases = []
    for seed, (n, d), lam, step in ((7, (30, 6), 0.2, 0.4), (8, (20, 5), 0.05, 0.9),
                                    (9, (40, 4), 0.5, 0.1)):
        rng = np.random.default_rng(seed)
        X = rng.standard_normal((n, d))
        y = X[:, 0] * 2.0 + 0.1 * rng.standard_normal(n)
        w = np.round(rng.standard_normal(d) * 0.4, 2)
        w[d // 2] = 0.0
        cases.append((w, X, y, lam, step))
    cases[0] = (np.array([0.5, 0.05, -0.02, 0.3, 0.0, -0.4]), *cases[0][1:])
    return cases


_NOTEBOOK_LAM, _NOTEBOOK_STEP = 0.2, 0.4


def _ista(w: np.ndarray, X: np.ndarray, y: np.ndarray, lam: float, step: float) -> np.ndarray:
    return soft_threshold(w - step * X.T @ (X @ w - y) / X.shape[0], step * lam)


@exercise
def check_ista_step(func: object) -> Feedback:
    """Grade ``func(w, X, y, lam, step)``: one ISTA step on the Lasso objective.

    The step is ``S(w - step * X.T @ (X @ w - y) / n, step * lam)``. Three problems with
    different ``lam`` and ``step`` are tried, each on fresh copies of the arrays, so a
    function may change its inputs in place.

    Examples
    --------
    >>> from lessonlib.penalties import soft_threshold as S
    >>> ok = lambda w, X, y, lam, step: S(w - step * X.T @ (X @ w - y) / len(y), step * lam)
    >>> check_ista_step.grade(ok).passed
    True
    >>> fixed = lambda w, X, y, lam, step: S(w - 0.4 * X.T @ (X @ w - y) / len(y), 0.4 * 0.2)
    >>> print(check_ista_step.grade(fixed).message[:40])
    with lam = 0.05 and step = 0.9 your func
    """
    zeros = []
    for w, X, y, lam, step in _ista_cases():
        got = _as_array(call_learner(func, w, X, y, lam, step), "what ista_step returned")
        if isinstance(got, Feedback):
            return got
        want = _ista(w, X, y, lam, step)
        if got.shape != want.shape:
            return Feedback.hint(f"return the new weight vector, shape {want.shape}; got "
                                 f"{got.shape}.")
        if np.allclose(got, want, rtol=1e-6, atol=1e-9):
            loose = _not_exact_zero(got, want)
            if loose:
                return Feedback.hint(loose)
            zeros.append(int((want == 0).sum()))
            continue
        return Feedback.hint(_ista_slip(got, w, X, y, lam, step))
    return Feedback.ok(f"{zeros[0]} of 6 weights are exactly 0 after one step.")


def _ista_slip(got: np.ndarray, w: np.ndarray, X: np.ndarray, y: np.ndarray, lam: float,
               step: float) -> str:
    """The hint for a wrong ISTA step: the slip that gives ``got``, if it is a known one."""
    def same(x: object) -> bool:
        return bool(np.allclose(got, x, rtol=1e-6, atol=1e-9))

    n = X.shape[0]
    grad = X.T @ (X @ w - y) / n
    at = f"with lam = {lam:g} and step = {step:g} your function"
    if (lam, step) != (_NOTEBOOK_LAM, _NOTEBOOK_STEP):
        for lam2, step2, which in ((_NOTEBOOK_LAM, _NOTEBOOK_STEP, "lam and step"),
                                   (_NOTEBOOK_LAM, step, "lam"), (lam, _NOTEBOOK_STEP, "step")):
            if (lam2, step2) != (lam, step) and same(_ista(w, X, y, lam2, step2)):
                return (f"{at} still uses the notebook's {which} ({_NOTEBOOK_LAM:g}, "
                        f"{_NOTEBOOK_STEP:g}): use the arguments lam and step.")
    if same(soft_threshold(w - step * X.T @ (X @ w - y), step * lam)):
        return ("the loss is (1/(2n))||Xw - y||^2, so its gradient has a 1/n: "
                "X.T @ (X @ w - y) / n.")
    if same(soft_threshold(w + step * grad, step * lam)):
        return ("the step went uphill: the gradient of the loss is X.T @ (X @ w - y) / n "
                "(prediction minus target), and a gradient step subtracts it.")
    if same(soft_threshold(w - step * grad / 2, step * lam)):
        return ("the gradient of (1/(2n))||Xw - y||^2 is X.T @ (X @ w - y) / n: the 2 of the "
                "square cancels the 1/2, so there is no 2n left.")
    if same(soft_threshold(w - step * grad, lam)):
        return ("the threshold is step * lam, not lam: the proximal step is scaled by the "
                "step size.")
    if same(w - step * (grad + lam * np.sign(w))):
        return ("that is a subgradient step; ISTA takes the gradient step on the loss, then "
                "soft-thresholds.")
    if same(soft_threshold(w, step * lam) - step * grad):
        return "order matters: gradient step first, then soft-threshold."
    if same(w - step * grad):
        return "that is the gradient step alone; soft-threshold it by step * lam."
    if same(soft_threshold(w - step * X.T @ (X @ w + y) / n, step * lam)):
        return "the residual is X @ w - y (prediction minus target): mind the sign of y."
    return (f"{at} returned {preview(got)}, expected {preview(_ista(w, X, y, lam, step))}. "
            "Compute v = w - step * gradient, then return penalties.soft_threshold(v, step * lam).")


# --------------------------------------------------------------------------- predictions




_COUNTS = {"none": "none", "0": "none", "zero": "none", "no": "none",
           "about 10": "about 10", "10": "about 10", "ten": "about 10",
           "about 90": "about 90", "90": "about 90", "ninety": "about 90"}
_COUNT_WORDS = '"none", "about 10" or "about 90"'

#: Section 3's problem and run: 200 x 100, 10 informative, lambda 0.1, 5,000 steps of 1/L.
SIDE_BY_SIDE = {"n": 200, "d": 100, "k": 10, "seed": 1, "lam": 0.1, "n_steps": 5000}


def _as_count_option(count: int) -> str:
    return "none" if count == 0 else "about 10" if count <= 30 else "about 90"


def _count_choice(answer: object) -> str | None:
    """The option of a word answer, or of a whole number from 0 to 100 (a count)."""
    choice = _COUNTS.get(learner_word(answer))
    if choice is not None or isinstance(answer, (bool, np.bool_)):
        return choice
    try:
        count = learner_number(answer, "your count")
    except LearnerCodeError:
        return None
    if count == int(count) and 0 <= count <= 100:
        return _as_count_option(int(count))
    return None


@functools.lru_cache(maxsize=1)
def _subgradient_zeros() -> int:
    p = SIDE_BY_SIDE
    X, y, _ = sparse_regression(p["n"], p["d"], p["k"], seed=p["seed"])
    step = 1 / lipschitz_constant(X)
    run = subgradient_descent_l1(X, y, p["lam"], step=step, n_steps=p["n_steps"], max_frames=2)
    return run.exact_zeros


@exercise
def check_subgradient_zeros(answer: object) -> Feedback:
    """Predict how many of the 100 weights plain subgradient descent leaves exactly 0.

    Examples
    --------
    >>> check_subgradient_zeros.grade("none").passed
    True
    >>> check_subgradient_zeros.grade("about 90").passed
    False
    """
    if is_unanswered(answer):
        return Feedback.unanswered(_COUNT_WORDS)
    choice = _count_choice(answer)
    if choice is None:
        return Feedback.hint(f"answer with one of {_COUNT_WORDS}, not {short_repr(answer, 40)}.")
    zeros = _subgradient_zeros()
    if choice == _as_count_option(zeros):
        return Feedback.ok(f"{zeros} exact zeros: each step moves every weight lam/L towards 0 "
                           "*and past it*, so a noise weight lands on exactly 0.0 only by "
                           "accident. Run the next cell.")
    why = {
        "about 90": "90 is what the *clipping* step gives (the 90 noise features). Subgradient "
                    "descent has no clipping: it subtracts lam*sign(w) and jumps over 0.",
        "about 10": "10 is the number of *informative* features, which stay large; the "
                    "question is whether anything lands on exactly 0.0.",
        "none": "",
    }[choice]
    return Feedback.hint(f"{why} Think of a weight 0.01 and a push of 0.036 towards 0: where "
                         "does it land, and where next?")


#: Section 4: random starts for the Playground rule and ISTA (seeds 0..STARTS-1).
STARTS = 20
_STARTS_STEPS = 2000
_PLAYGROUND_WORDS = '"none", "a few" or "all"'
_FEW = {"none": "none", "0": "none", "never": "none", "no": "none",
        "a few": "a few", "few": "a few", "some": "a few", "sometimes": "a few",
        "all": "all", "always": "all", "every": "all", "all of them": "all"}


@functools.lru_cache(maxsize=1)
def _playground_gaps() -> np.ndarray:
    from sklearn.linear_model import Lasso

    p = SIDE_BY_SIDE
    X, y, _ = sparse_regression(p["n"], p["d"], p["k"], seed=p["seed"])
    step = 1 / lipschitz_constant(X)
    best = Lasso(alpha=p["lam"], fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y)
    f_best = lasso_objective(X, y, best.coef_, p["lam"])
    gaps = []
    for seed in range(STARTS):
        w0 = np.random.default_rng(seed).normal(0.0, 1.0, p["d"])
        run = playground_l1(X, y, p["lam"], step=step, n_steps=_STARTS_STEPS, w0=w0,
                            max_frames=2)
        gaps.append(run.final_objective - f_best)
    return np.array(gaps)


@exercise
def check_playground_starts(answer: object) -> Feedback:
    """Predict in how many of 20 random starts the Playground rule ends above the minimum.

    Examples
    --------
    >>> check_playground_starts.grade("a few").passed
    True
    >>> check_playground_starts.grade("none").passed
    False
    """
    if is_unanswered(answer):
        return Feedback.unanswered(_PLAYGROUND_WORDS)
    choice = _FEW.get(learner_word(answer))
    if choice is None:
        return Feedback.hint(f"answer with one of {_PLAYGROUND_WORDS}, not "
                             f"{short_repr(answer, 40)}.")
    above = int(np.sum(_playground_gaps() > 1e-6))
    truth = "none" if above == 0 else "all" if above == STARTS else "a few"
    if choice == truth:
        return Feedback.ok(f"{above} of {STARTS} starts end above the minimum. Run the next "
                           "cell to see which weight died in each.")
    why = {
        "none": "The rule is not ISTA: ISTA clips a weight at 0 and lets the next gradient step "
                "move it again; the Playground marks it dead. A useful weight that starts on "
                "the wrong side must pass 0 on its way, and can die there.",
        "all": "A weight dies only if a step lands it within one L1 step of 0 on its way across; "
               "most starts have no useful weight that does, and end where ISTA ends.",
        "a few": "",
    }[choice]
    return Feedback.hint(why)


#: Section 5's network widget: lambda of the exercise, and the run's settings.
NETWORK_LAM = 0.2
_NETWORK = {"n_steps": 400, "step_scale": 0.1}


@functools.lru_cache(maxsize=4)
def _network_zeros(lam: float, l2: bool) -> np.ndarray:
    """Exact zeros after every step of the widget's L1 (or L2) run at ``lam``."""
    from lessonlib.optimizers import gradient_descent_l2

    X, y, _ = sparse_regression(200, 100, 10, seed=1)
    w0 = np.linalg.lstsq(X, y, rcond=None)[0]
    step = _NETWORK["step_scale"] / lipschitz_constant(X)
    method = gradient_descent_l2 if l2 else ista
    run = method(X, y, lam, step=step, n_steps=_NETWORK["n_steps"], w0=w0,
                 max_frames=_NETWORK["n_steps"] + 1)
    return run.zeros_per_frame()


@exercise
def check_l2_grid_zeros(answer: object) -> Feedback:
    """Predict how many of L2's 100 weights are exactly 0 after 400 steps at lambda 0.1.

    Examples
    --------
    >>> check_l2_grid_zeros.grade("none").passed, check_l2_grid_zeros.grade("about 90").passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered(_COUNT_WORDS)
    choice = _count_choice(answer)
    if choice is None:
        return Feedback.hint(f"answer with one of {_COUNT_WORDS}, not {short_repr(answer, 40)}.")
    zeros = int(_network_zeros(0.1, True)[-1])
    if choice == _as_count_option(zeros):
        return Feedback.ok(f"{zeros} exact zeros: every L2 step multiplies a weight by a "
                           "fraction (notebook 02), and a fraction of a non-zero number is not 0.")
    why = {
        "about 90": "90 is what L1 does to the 90 noise weights. L2's step multiplies each "
                    "weight by (1 - 2 step lam): smaller, never 0.",
        "about 10": "10 is the number of informative weights, which both penalties keep large; "
                    "and L2 has no step that lands on 0 at all.",
        "none": "",
    }[choice]
    return Feedback.hint(why)


@exercise
def check_network_step(answer: object) -> Feedback:
    """Grade the widget task: at lambda 0.2, the first step with all 90 noise weights at 0.

    Accepts the true first step, or the first step the slider offers at which the count is
    90 (the slider skips some steps).

    Examples
    --------
    >>> z = _network_zeros(NETWORK_LAM, False)
    >>> check_network_step.grade(int(np.argmax(z >= 90))).passed
    True
    >>> check_network_step.grade(400).passed
    False
    """
    from lessonlib.widgets.shrinkage import network_steps

    if is_unanswered(answer):
        return Feedback.unanswered("a step number read from the widget")
    if isinstance(answer, (bool, np.bool_)):
        return Feedback.hint("answer with a step number, such as 25, not True or False.")
    try:
        got = learner_number(answer, "your step")
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Answer with a step number, such as 25.")
    z = _network_zeros(NETWORK_LAM, False)
    first = int(np.argmax(z >= 90))
    shown = [int(s) for s in network_steps(_NETWORK["n_steps"]) if z[s] >= 90]
    accepted = {first, shown[0]}
    if got in accepted:
        where = ("" if first == shown[0] else
                 f" (the slider skips some steps, so it first shows this at step {shown[0]})")
        return Feedback.ok(f"From step {first} on the 90 noise weights are exactly 0{where}, out "
                           f"of {_NETWORK['n_steps']} steps: L1's zeros come early, then the "
                           "picture stops changing.")
    z01 = _network_zeros(0.1, False)
    first01 = int(np.argmax(z01 >= 90))
    shown01 = [int(s) for s in network_steps(_NETWORK["n_steps"]) if z01[s] >= 90][0]
    if got in (first01, shown01):
        return Feedback.hint(f"that is the answer for lambda 0.1, where the widget opens; move "
                             f"the lambda slider to {NETWORK_LAM:g} first.")
    if got == _NETWORK["n_steps"]:
        return Feedback.hint("at the last step all 90 are 0, but they got there much earlier: "
                             "step back until the count first reads 90.")
    if 0 <= got < first:
        return Feedback.hint(f"at step {got:g} the L1 count is {int(z[int(got)])}, not yet 90 "
                             "(read the readout's L1 line).")
    if first < got <= _NETWORK["n_steps"]:
        return Feedback.hint(f"at step {got:g} the count is already 90, but it got there "
                             "earlier: step back to the first step that shows 90.")
    return Feedback.hint(f"steps run from 0 to {_NETWORK['n_steps']}; read the step from the "
                         "widget's readout.")
