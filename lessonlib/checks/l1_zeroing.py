"""Checks for notebook 03, L1 zeroing.

* :func:`check_soft_threshold`: implement soft-thresholding.
* :func:`check_predict_zeroed`: which weights one L1 proximal step sets to 0.
* :func:`check_ista_step`: one step of proximal gradient descent (ISTA).
"""

from __future__ import annotations

import numpy as np

from lessonlib.checks.core import (
    Feedback,
    LearnerCodeError,
    call_learner,
    exercise,
    learner_numbers,
    preview,
)
from lessonlib.penalties import soft_threshold

__all__ = ["ZEROED_T", "ZEROED_W", "check_ista_step", "check_predict_zeroed",
           "check_soft_threshold"]


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
            "Compute v = w - step * gradient, then return soft_threshold(v, step * lam).")
