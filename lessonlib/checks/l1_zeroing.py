"""Checks for notebook 03, L1 zeroing.

* :func:`check_soft_threshold`: implement soft-thresholding.
* :func:`check_predict_zeroed`: which weights one L1 proximal step sets to 0.
* :func:`check_ista_step`: one step of proximal gradient descent (ISTA).
"""

from __future__ import annotations

import numpy as np

from lessonlib.checks.core import Feedback, LearnerCodeError, call_learner, exercise
from lessonlib.penalties import soft_threshold

__all__ = ["ZEROED_T", "ZEROED_W", "check_ista_step", "check_predict_zeroed",
           "check_soft_threshold"]


def _as_array(got: object, what: str) -> np.ndarray | Feedback:
    if got is None or got is Ellipsis:
        return Feedback.unanswered("a `return` statement in the function body")
    try:
        arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return Feedback.hint(f"{what} returned {got!r:.80}; it should return numbers (an array).")
    return arr


@exercise
def check_soft_threshold(func: object) -> Feedback:
    """Grade ``func(w, t)``: ``sign(w) * max(|w| - t, 0)`` on arrays, element by element.

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
    """
    w = np.array([0.1, -0.1, 0.3, -0.3, 0.8, -1.5, 0.0, 2.0])
    t = 0.3
    try:
        got = _as_array(call_learner(func, w.copy(), t), "your function")
    except LearnerCodeError as exc:
        # `if w > t:` (or Python's max, and, or) on a whole array: NumPy's "truth value of
        # an array ... is ambiguous". Say what to do instead of showing NumPy's wording.
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
    if np.allclose(got, want, atol=1e-12):
        one = _as_array(call_learner(func, np.array([0.1]), 0.3), "your function")
        if isinstance(one, Feedback) or not np.allclose(one, [0.0]):
            return Feedback.hint("S(0.1, 0.3) should be 0.")
        return Feedback.ok("A weight the step would carry past 0 stops at exactly 0; the others "
                           "move t towards 0.")
    if np.allclose(got, w - t * np.sign(w)):
        return Feedback.hint("weights smaller than t cross zero (0.1 -> -0.2): clip them to "
                             "exactly 0 with max(|w| - t, 0).")
    if np.allclose(got, np.maximum(w - t, 0)):
        return Feedback.hint("negative weights all became 0: shrink the magnitude |w| and put "
                             "the sign back, sign(w) * max(|w| - t, 0).")
    if np.allclose(got, np.where(np.abs(w) > t, w, 0.0)):
        return Feedback.hint("that is hard thresholding: the survivors must also move t "
                             "towards 0 (0.8 -> 0.5).")
    if np.allclose(got, np.maximum(np.abs(w) - t, 0)):
        return Feedback.hint("the sign was lost: multiply by sign(w).")
    bad = int(np.flatnonzero(~np.isclose(got, want))[0])
    return Feedback.hint(f"for w = {w[bad]:g}, t = {t:g} you return {got[bad]:g}, expected "
                         f"{want[bad]:g}.")


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
    arr = np.asarray(list(indices) if isinstance(indices, (set, frozenset)) else indices)
    if arr.dtype == bool:
        if arr.shape != ZEROED_W.shape:
            return Feedback.hint(f"a mask must have {ZEROED_W.size} entries, got {arr.size}.")
        chosen = set(np.flatnonzero(arr).tolist())
    else:
        try:
            flat = np.atleast_1d(arr).astype(float).ravel()
        except (TypeError, ValueError):
            return Feedback.hint("give the positions (0 to 7) of the weights that become 0.")
        if not np.all(np.isfinite(flat)) or np.any(flat != np.round(flat)):
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


@exercise
def check_ista_step(func: object) -> Feedback:
    """Grade ``func(w, X, y, lam, step)``: one ISTA step on the Lasso objective.

    The step is ``S(w - step * X.T @ (X @ w - y) / n, step * lam)``.

    Examples
    --------
    >>> from lessonlib.penalties import soft_threshold as S
    >>> ok = lambda w, X, y, lam, step: S(w - step * X.T @ (X @ w - y) / len(y), step * lam)
    >>> check_ista_step.grade(ok).passed
    True
    """
    rng = np.random.default_rng(7)
    X = rng.standard_normal((30, 6))
    y = X[:, 0] * 2.0 + 0.1 * rng.standard_normal(30)
    w = np.array([0.5, 0.05, -0.02, 0.3, 0.0, -0.4])
    lam, step = 0.2, 0.4
    got = _as_array(call_learner(func, w.copy(), X, y, lam, step), "ista_step")
    if isinstance(got, Feedback):
        return got
    n = X.shape[0]
    grad = X.T @ (X @ w - y) / n
    want = soft_threshold(w - step * grad, step * lam)
    if got.shape != want.shape:
        return Feedback.hint(f"return the new weight vector, shape {want.shape}; got {got.shape}.")
    if np.allclose(got, want, atol=1e-10):
        return Feedback.ok(f"{int((want == 0).sum())} of 6 weights are exactly 0 after one step.")
    if np.allclose(got, soft_threshold(w - step * X.T @ (X @ w - y), step * lam)):
        return Feedback.hint("the loss is (1/(2n))||Xw - y||^2, so its gradient has a 1/n: "
                             "X.T @ (X @ w - y) / n.")
    if np.allclose(got, soft_threshold(w + step * grad, step * lam)):
        return Feedback.hint("the step went uphill: the gradient of the loss is "
                             "X.T @ (X @ w - y) / n (prediction minus target), and a gradient "
                             "step subtracts it.")
    if np.allclose(got, soft_threshold(w - step * grad / 2, step * lam)):
        return Feedback.hint("the gradient of (1/(2n))||Xw - y||^2 is X.T @ (X @ w - y) / n: "
                             "the 2 of the square cancels the 1/2, so there is no 2n left.")
    if np.allclose(got, soft_threshold(w - step * grad, lam)):
        return Feedback.hint("the threshold is step * lam, not lam: the proximal step is scaled "
                             "by the step size.")
    if np.allclose(got, w - step * (grad + lam * np.sign(w))):
        return Feedback.hint("that is a subgradient step; ISTA takes the gradient step on the "
                             "loss, then soft-thresholds.")
    if np.allclose(got, soft_threshold(w, step * lam) - step * grad):
        return Feedback.hint("order matters: gradient step first, then soft-threshold.")
    return Feedback.hint("compute v = w - step * gradient, then return soft_threshold(v, "
                         "step * lam).")
