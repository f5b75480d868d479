"""Hand-written optimisers for penalised least squares, each recording its path.

The lesson of notebook 03 is *how* a method handles the kink of ``|w|`` at 0, so
the methods are written out here rather than taken from a library:

* :func:`gradient_descent_l2`: ``w -= step * (grad + 2*lam*w)`` (weight decay);
  never an exact zero.
* :func:`subgradient_descent_l1`: ``w -= step * (grad + lam*sign(w))``; zeros only by accident.
* :func:`ista`: ``w = S(w - step*grad, step*lam)`` (proximal gradient); exact zeros.
* :func:`fista`: ISTA with Nesterov momentum; exact zeros.
* :func:`playground_l1`: TensorFlow Playground's rule, an L1 step that would cross 0
  sets the weight to 0 and the link stays dead for good; exact zeros, but a weight
  killed on its way to the other side never comes back.
* :func:`truncated_gradient`: Langford, Li and Zhang's truncated gradient (2009): every
  ``K`` steps, weights within ``theta`` of 0 are moved ``K step lam`` towards 0 and stop
  at 0. For ``K = 1`` and ``theta = inf`` it *is* ISTA; nothing stays dead.
* :func:`ftrl_proximal`: McMahan et al.'s closed form, ``w_i = 0`` whenever
  ``|z_i| <= lambda_1``; exact zeros.

``S`` is soft-thresholding, :func:`lessonlib.penalties.soft_threshold`.

Every L1 method minimises the Lasso objective with scikit-learn's scaling,

    ``(1 / (2 n)) * ||X w - y||^2 + lam * ||w||_1``     (``sklearn.linear_model.Lasso(alpha=lam)``)

and :func:`gradient_descent_l2` minimises

    ``(1 / (2 n)) * ||X w - y||^2 + lam * ||w||_2^2``

whose penalty has derivative ``2 * lam * w`` as in notebook 02. Multiplying by
``2 n`` shows it is ``sklearn.linear_model.Ridge(alpha=2 * n * lam)``
(Ridge minimises ``||X w - y||^2 + alpha * ||w||^2``); see :func:`ridge_alpha`.
No method fits an intercept (centre ``y`` and the columns of ``X`` first, as
:func:`lessonlib.synthetic.sparse_regression` does).

Each method returns an :class:`OptimResult` with the final weights, the
objective at every step, a thinned path of the weights (at most ``max_frames``
frames, for plots and animations), the number of exact zeros and the run time.
A run whose objective blows up stops with :class:`StepTooLargeError`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._setup import limited_blas
from lessonlib._validate import as_float_array, as_int, as_scalar, as_xy
from lessonlib.penalties import l1_subgradient, soft_threshold
from lessonlib.wide.ftrl import ftrl_weights

__all__ = [
    "OptimResult",
    "StepTooLargeError",
    "fista",
    "ftrl_proximal",
    "gradient_descent_l2",
    "ista",
    "lasso_objective",
    "lipschitz_constant",
    "playground_l1",
    "precision_recall",
    "ridge_alpha",
    "ridge_objective",
    "subgradient_descent_l1",
    "truncated_gradient",
]


class StepTooLargeError(ValueError):
    """A run diverged: its objective grew without bound because the step is too large."""


@dataclass(frozen=True)
class OptimResult:
    """What an optimiser run returns.

    Attributes
    ----------
    method : str
        Name of the method, e.g. ``"ISTA"``.
    weights : ndarray of shape (d,)
        The final weights.
    objective : ndarray of shape (n_steps + 1,)
        The objective at the start and after every step.
    path : ndarray of shape (n_frames, d)
        The weights at the steps listed in ``path_steps`` (a thinned record).
    path_steps : ndarray of shape (n_frames,)
        The step number of each frame (0 is the starting point, the last is ``n_steps``).
    n_steps : int
        Number of steps taken.
    lam : float
        The penalty strength.
    step : float
        The step size (for FTRL-Proximal, its ``alpha``).
    seconds : float
        Wall-clock time of the run.
    """

    method: str
    weights: np.ndarray
    objective: np.ndarray
    path: np.ndarray
    path_steps: np.ndarray
    n_steps: int
    lam: float
    step: float
    seconds: float
    extra: dict = field(default_factory=dict)

    @property
    def exact_zeros(self) -> int:
        """How many final weights are exactly 0.0."""
        return int(np.count_nonzero(self.weights == 0.0))

    @property
    def final_objective(self) -> float:
        """The objective at the final weights."""
        return float(self.objective[-1])

    def n_below(self, tol: float) -> int:
        """How many final weights have magnitude below ``tol`` (zeros included).

        Examples
        --------
        >>> import numpy as np
        >>> X = np.eye(3) * np.sqrt(3); y = np.array([3.0, 0.1, -0.2])
        >>> ista(X, y, lam=0.5, n_steps=50).n_below(1e-6)
        2
        """
        tol = as_scalar(tol, "tol", low=0.0, low_open=True)
        return int(np.count_nonzero(np.abs(self.weights) < tol))

    def support(self) -> np.ndarray:
        """Indices of the non-zero final weights."""
        return np.flatnonzero(self.weights)

    def zeros_per_frame(self) -> np.ndarray:
        """Exact-zero count at every recorded frame."""
        return np.count_nonzero(self.path == 0.0, axis=1)

    def __repr__(self) -> str:
        return (
            f"OptimResult({self.method}: {self.n_steps} steps, lam={self.lam:g}, "
            f"step={self.step:.4g}, exact zeros {self.exact_zeros}/{self.weights.size}, "
            f"objective {self.final_objective:.6g})"
        )


# --------------------------------------------------------------------------- helpers


def _problem(X: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    Xa, ya = as_xy(X, y)
    if Xa.shape[0] < 1 or Xa.shape[1] < 1:
        raise ValueError(f"X must have at least one row and one column, got shape {Xa.shape}")
    for arr, name in ((Xa, "X"), (ya, "y")):
        # The loss squares them: beyond 1e150 a square overflows float64 (1.8e308), and the
        # objective is inf before any step is taken.
        biggest = float(np.max(np.abs(arr)))
        if biggest > _LARGEST_DATA:
            raise ValueError(
                f"{name} holds values as large as {biggest:.3g}; the squared loss of such "
                f"values overflows a float. Rescale {name} (divide it by a constant) so its "
                f"entries are below {_LARGEST_DATA:g}")
    return Xa, ya


#: Largest size of an entry of X or y: its square stays far below float64's 1.8e308.
_LARGEST_DATA = 1e150


def _start(w0: ArrayLike, d: int) -> np.ndarray:
    if w0 is None:
        return np.zeros(d)
    w = as_float_array(w0, "w0", ndim=1).copy()
    if w.shape[0] != d:
        raise ValueError(f"w0 must have one entry per feature ({d}), got {w.shape[0]}")
    return w


def _weights_for(w: ArrayLike, d: int) -> np.ndarray:
    wa = as_float_array(w, "w", ndim=1)
    if wa.shape[0] != d:
        raise ValueError(f"w must have one entry per column of X ({d}), got {wa.shape[0]}")
    return wa


def lipschitz_constant(X: ArrayLike) -> float:
    """The Lipschitz constant ``L`` of the gradient of ``(1/(2n)) ||X w - y||^2``.

    It is the largest eigenvalue of ``X.T @ X / n``. Gradient-type methods are
    safe with ``step = 1 / L`` and diverge on this objective beyond ``2 / L``.

    Parameters
    ----------
    X : array_like of shape (n, d)

    Returns
    -------
    float

    Examples
    --------
    >>> lipschitz_constant(np.eye(2) * 2.0)
    2.0
    """
    Xa = as_float_array(X, "X", ndim=2)
    with limited_blas():
        return float(np.linalg.norm(Xa, 2) ** 2 / Xa.shape[0])


def lasso_objective(X: ArrayLike, y: ArrayLike, w: ArrayLike, lam: float) -> float:
    """``(1/(2n)) ||X w - y||^2 + lam ||w||_1``: scikit-learn's Lasso objective.

    Examples
    --------
    >>> lasso_objective(np.eye(2), [1.0, 0.0], [0.5, 0.0], lam=0.1)
    0.1125
    """
    Xa, ya = _problem(X, y)
    wa = _weights_for(w, Xa.shape[1])
    lam = as_scalar(lam, "lam", low=0.0)
    r = Xa @ wa - ya
    return float(0.5 * (r @ r) / Xa.shape[0] + lam * np.abs(wa).sum())


def ridge_objective(X: ArrayLike, y: ArrayLike, w: ArrayLike, lam: float) -> float:
    """``(1/(2n)) ||X w - y||^2 + lam ||w||_2^2``: the objective of :func:`gradient_descent_l2`.

    Examples
    --------
    >>> ridge_objective(np.eye(2), [1.0, 0.0], [0.5, 0.0], lam=0.1)
    0.0875
    """
    Xa, ya = _problem(X, y)
    wa = _weights_for(w, Xa.shape[1])
    lam = as_scalar(lam, "lam", low=0.0)
    r = Xa @ wa - ya
    return float(0.5 * (r @ r) / Xa.shape[0] + lam * (wa @ wa))


def ridge_alpha(lam: float, n: int) -> float:
    """scikit-learn's ``Ridge(alpha=...)`` for the same problem as ``lam`` here: ``2 n lam``.

    Examples
    --------
    >>> ridge_alpha(0.1, 200)
    40.0
    """
    return 2.0 * as_int(n, "n", low=1) * as_scalar(lam, "lam", low=0.0)


def precision_recall(w: ArrayLike, true_w: ArrayLike) -> tuple[float, float]:
    """Precision and recall of the features selected by ``w`` (its non-zeros).

    Precision: the share of selected features that are truly informative (1.0
    when nothing is selected). Recall: the share of informative features that
    were selected (1.0 when nothing is informative).

    Examples
    --------
    >>> precision_recall([1.0, 0.0, 0.2, 0.0], [2.0, 1.0, 0.0, 0.0])
    (0.5, 0.5)
    """
    wa = as_float_array(w, "w", ndim=1)
    ta = as_float_array(true_w, "true_w", ndim=1)
    if wa.shape != ta.shape:
        raise ValueError(f"w and true_w must have the same length, got {wa.size} and {ta.size}")
    selected, truth = wa != 0, ta != 0
    hits = int(np.count_nonzero(selected & truth))
    precision = hits / int(selected.sum()) if selected.any() else 1.0
    recall = hits / int(truth.sum()) if truth.any() else 1.0
    return float(precision), float(recall)


def _common(X, y, lam, step, n_steps, w0, max_frames, *, step_name="step"):
    Xa, ya = _problem(X, y)
    lam = as_scalar(lam, "lam", low=0.0)
    n_steps = as_int(n_steps, "n_steps", low=1)
    max_frames = as_int(max_frames, "max_frames", low=2)
    L = lipschitz_constant(Xa)
    if step is None:
        step = 1.0 / L if L > 0 else 1.0
    step = as_scalar(step, step_name, low=0.0, low_open=True)
    w = _start(w0, Xa.shape[1])
    return Xa, ya, lam, step, n_steps, w, max_frames, L


def _frame_steps(n_steps: int, max_frames: int) -> np.ndarray:
    count = min(max_frames, n_steps + 1)
    return np.unique(np.round(np.linspace(0, n_steps, count)).astype(int))


def _run(
    method: str,
    X: np.ndarray,
    y: np.ndarray,
    w: np.ndarray,
    lam: float,
    step: float,
    n_steps: int,
    max_frames: int,
    penalty: Callable[[np.ndarray], float],
    update: Callable[[np.ndarray, np.ndarray, int], np.ndarray],
    diverge_hint: str,
) -> OptimResult:
    """The loop every method shares: record, update, watch for divergence."""
    n = X.shape[0]
    frames = _frame_steps(n_steps, max_frames)
    path = np.empty((frames.size, w.size))
    objective = np.empty(n_steps + 1)
    start = time.perf_counter()
    # Small matrix-vector products: BLAS threads only fight each other (and other
    # kernels) for the cores, which made runs ~20x slower on a busy 2-core machine.
    with limited_blas():
        w = _loop(X, y, w, n, n_steps, frames, path, objective, penalty, update,
                  method, step, diverge_hint)
    seconds = time.perf_counter() - start
    return OptimResult(method, w + 0.0, objective, path + 0.0, frames, n_steps, lam, step, seconds)


def _loop(X, y, w, n, n_steps, frames, path, objective, penalty, update, method, step,
          diverge_hint):
    next_frame = 0
    for t in range(n_steps + 1):
        r = X @ w - y
        obj = 0.5 * float(r @ r) / n + penalty(w)
        if not np.isfinite(obj) or (t > 0 and obj > 1e12 * max(objective[0], 1.0)):
            raise StepTooLargeError(
                f"{method} diverged at step {t}: the objective grew from {objective[0]:.4g} "
                f"to {obj:.4g}. The step size {step:.4g} is too large; {diverge_hint}"
            )
        objective[t] = obj
        if next_frame < frames.size and frames[next_frame] == t:
            path[next_frame] = w
            next_frame += 1
        if t == n_steps:
            break
        grad = X.T @ r / n
        w = update(w, grad, t)
    return w


def _gd_hint(L: float) -> str:
    return f"use a step below 2/L = {2 / L:.4g} (1/L = {1 / L:.4g} is safe)."


# --------------------------------------------------------------------------- methods


def gradient_descent_l2(
    X: ArrayLike,
    y: ArrayLike,
    lam: float,
    step: float | None = None,
    n_steps: int = 1000,
    w0: ArrayLike | None = None,
    max_frames: int = 200,
) -> OptimResult:
    """Gradient descent on ``(1/(2n))||Xw - y||^2 + lam ||w||^2`` (L2, weight decay).

    Each step is ``w <- w - step * (grad + 2 lam w)``: the penalty part multiplies
    the weights by ``1 - 2 step lam``, a fraction, so no weight becomes exactly 0.
    The minimiser is ``Ridge(alpha=2 n lam)`` (:func:`ridge_alpha`).

    Parameters
    ----------
    X : array_like of shape (n, d)
    y : array_like of shape (n,)
    lam : float
        L2 strength, >= 0.
    step : float, optional
        Step size > 0; default ``1 / (L + 2 lam)`` with ``L`` from :func:`lipschitz_constant`.
    n_steps : int, default 1000
    w0 : array_like of shape (d,), optional
        Starting weights (default all zeros).
    max_frames : int, default 200
        At most this many frames are kept in ``path``.

    Returns
    -------
    OptimResult

    Examples
    --------
    >>> X = np.eye(2) * np.sqrt(2); y = np.array([1.0, -2.0])
    >>> res = gradient_descent_l2(X, y, lam=0.5, n_steps=200)
    >>> res.weights.round(4), res.exact_zeros
    (array([ 0.3536, -0.7071]), 0)
    """
    Xa, ya, lam, step_, n_steps, w, max_frames, L = _common(
        X, y, lam, step if step is not None else 1.0, n_steps, w0, max_frames
    )
    if step is None:
        step_ = 1.0 / (L + 2 * lam) if L + 2 * lam > 0 else 1.0

    def update(w, grad, t):
        return w - step_ * (grad + 2.0 * lam * w)

    return _run("gradient descent + L2", Xa, ya, w, lam, step_, n_steps, max_frames,
                lambda w: lam * float(w @ w), update,
                f"use a step below 2/(L + 2 lam) = {2 / (L + 2 * lam):.4g}.")


def subgradient_descent_l1(
    X: ArrayLike,
    y: ArrayLike,
    lam: float,
    step: float | None = None,
    n_steps: int = 1000,
    w0: ArrayLike | None = None,
    max_frames: int = 200,
    at_zero: float = 0.0,
) -> OptimResult:
    """Plain subgradient descent on the Lasso objective: ``w -= step (grad + lam sign(w))``.

    This is what "just add the L1 gradient to SGD" does. Every step moves each
    weight by ``step * lam`` towards 0 *and past it*: a weight near 0 jumps from
    one side to the other and lands on exactly 0.0 only by accident.

    Parameters
    ----------
    X, y, lam, step, n_steps, w0, max_frames
        As in :func:`ista` (default step ``1 / L``).
    at_zero : float, default 0.0
        The subgradient of ``|w|`` used where ``w == 0``, in ``[-1, 1]``.

    Returns
    -------
    OptimResult

    Examples
    --------
    >>> X = np.eye(2) * np.sqrt(2); y = np.array([1.0, 0.05])
    >>> res = subgradient_descent_l1(X, y, lam=0.2, n_steps=101)
    >>> res.exact_zeros, bool(abs(res.weights[1]) > 0)
    (0, True)
    """
    Xa, ya, lam, step, n_steps, w, max_frames, L = _common(X, y, lam, step, n_steps, w0,
                                                             max_frames)
    at_zero = as_scalar(at_zero, "at_zero", low=-1.0, high=1.0)

    def update(w, grad, t):
        return w - step * (grad + lam * l1_subgradient(w, at_zero))

    return _run("subgradient descent", Xa, ya, w, lam, step, n_steps, max_frames,
                lambda w: lam * float(np.abs(w).sum()), update, _gd_hint(L))


def ista(
    X: ArrayLike,
    y: ArrayLike,
    lam: float,
    step: float | None = None,
    n_steps: int = 1000,
    w0: ArrayLike | None = None,
    max_frames: int = 200,
) -> OptimResult:
    """ISTA, proximal gradient descent: ``w <- soft_threshold(w - step grad, step lam)``.

    The gradient step handles the smooth loss; the proximal step handles
    ``lam |w|`` exactly, moving each weight ``step * lam`` towards 0 and stopping
    *at* 0 when it would cross. Its fixed points are exactly the Lasso solutions.

    Parameters
    ----------
    X : array_like of shape (n, d)
    y : array_like of shape (n,)
    lam : float
        L1 strength, >= 0 (scikit-learn's ``Lasso(alpha=lam)``).
    step : float, optional
        Step size > 0; default ``1 / L`` (:func:`lipschitz_constant`).
    n_steps : int, default 1000
    w0 : array_like of shape (d,), optional
        Starting weights (default all zeros).
    max_frames : int, default 200
        At most this many frames are kept in ``path``.

    Returns
    -------
    OptimResult

    Examples
    --------
    >>> X = np.eye(2) * np.sqrt(2); y = np.array([1.0, 0.05])
    >>> res = ista(X, y, lam=0.2, n_steps=100)
    >>> res.weights.round(4), res.exact_zeros
    (array([0.5071, 0.    ]), 1)
    """
    Xa, ya, lam, step, n_steps, w, max_frames, L = _common(X, y, lam, step, n_steps, w0,
                                                             max_frames)

    def update(w, grad, t):
        return soft_threshold(w - step * grad, step * lam)

    return _run("ISTA", Xa, ya, w, lam, step, n_steps, max_frames,
                lambda w: lam * float(np.abs(w).sum()), update, _gd_hint(L))


def fista(
    X: ArrayLike,
    y: ArrayLike,
    lam: float,
    step: float | None = None,
    n_steps: int = 1000,
    w0: ArrayLike | None = None,
    max_frames: int = 200,
) -> OptimResult:
    """FISTA (Beck & Teboulle 2009): ISTA with Nesterov momentum, same zeros, faster.

    The proximal step is taken from an extrapolated point
    ``v = w_k + (t_k - 1)/t_{k+1} (w_k - w_{k-1})``; the recorded weights are
    the proximal outputs ``w_k``, so exact zeros are still exact.

    Parameters
    ----------
    X, y, lam, step, n_steps, w0, max_frames
        As in :func:`ista`.

    Returns
    -------
    OptimResult

    Examples
    --------
    >>> X = np.eye(2) * np.sqrt(2); y = np.array([1.0, 0.05])
    >>> fista(X, y, lam=0.2, n_steps=100).weights.round(4)
    array([0.5071, 0.    ])
    """
    Xa, ya, lam, step, n_steps, w, max_frames, L = _common(X, y, lam, step, n_steps, w0,
                                                             max_frames)
    n = Xa.shape[0]
    state = {"prev": w.copy(), "tk": 1.0}

    def update(w, grad, t):
        # `grad` is at w; FISTA needs it at the extrapolated point v.
        tk = state["tk"]
        t_next = (1.0 + np.sqrt(1.0 + 4.0 * tk * tk)) / 2.0
        v = w + ((tk - 1.0) / t_next) * (w - state["prev"])
        grad_v = Xa.T @ (Xa @ v - ya) / n
        state["prev"], state["tk"] = w, t_next
        return soft_threshold(v - step * grad_v, step * lam)

    return _run("FISTA", Xa, ya, w, lam, step, n_steps, max_frames,
                lambda w: lam * float(np.abs(w).sum()), update, _gd_hint(L))


def playground_l1(
    X: ArrayLike,
    y: ArrayLike,
    lam: float,
    step: float | None = None,
    n_steps: int = 1000,
    w0: ArrayLike | None = None,
    max_frames: int = 200,
) -> OptimResult:
    """TensorFlow Playground's L1 rule: a weight the L1 step would carry across 0 dies.

    Each step first takes the loss gradient step ``w_half = w - step grad``, then
    the L1 step ``w_new = w_half - step lam sign(w)`` (sign of the weight *before*
    the step, as the Playground's ``updateWeights`` does). If ``w_half`` and
    ``w_new`` have opposite signs the weight is set to exactly 0 and marked dead:
    like a Playground link, it is never updated again. A weight on its way from the
    wrong sign to the right one can be killed as it passes 0, however useful it is,
    so the run can end above the Lasso's minimum. This is *not* Langford et al.'s
    truncated gradient (:func:`truncated_gradient`), in which nothing stays dead.

    Parameters
    ----------
    X, y, lam, step, n_steps, w0, max_frames
        As in :func:`ista` (default step ``1 / L``).

    Returns
    -------
    OptimResult
        ``extra["dead"]`` holds the boolean mask of dead weights.

    Examples
    --------
    >>> X = np.eye(2) * np.sqrt(2); y = np.array([1.0, 0.05])
    >>> res = playground_l1(X, y, lam=0.2, n_steps=100)
    >>> res.weights.round(4), res.exact_zeros
    (array([0.5071, 0.    ]), 1)
    >>> # From a start of the wrong sign, a small step kills the useful weight 0 for good.
    >>> playground_l1(X, y, lam=0.2, step=0.05, w0=[-0.2, 0.0], n_steps=100).weights
    array([0., 0.])
    """
    Xa, ya, lam, step, n_steps, w, max_frames, L = _common(X, y, lam, step, n_steps, w0,
                                                             max_frames)
    dead = np.zeros(w.size, dtype=bool)

    def update(w, grad, t):
        w_half = w - step * grad
        w_new = w_half - step * lam * np.sign(w)
        crossed = w_half * w_new < 0
        dead[crossed] = True
        w_new[dead] = 0.0
        return w_new

    res = _run("Playground rule", Xa, ya, w, lam, step, n_steps, max_frames,
               lambda w: lam * float(np.abs(w).sum()), update, _gd_hint(L))
    res.extra["dead"] = dead.copy()
    return res


def truncated_gradient(
    X: ArrayLike,
    y: ArrayLike,
    lam: float,
    step: float | None = None,
    n_steps: int = 1000,
    w0: ArrayLike | None = None,
    max_frames: int = 200,
    K: int = 1,
    theta: float = float("inf"),
) -> OptimResult:
    """Langford, Li and Zhang's truncated gradient (JMLR 2009), full-batch.

    Every step is a gradient step on the loss, ``v = w - step grad``. Every ``K``-th
    step then applies their truncation ``T1(v, K step lam, theta)``: a weight with
    ``|v| <= theta`` moves ``K step lam`` towards 0 and stops *at* 0 if it would cross;
    larger weights are left alone. A weight at 0 keeps receiving gradient steps, so it
    can leave 0 again: nothing stays dead. With ``K = 1`` and ``theta = inf`` the
    truncation is soft-thresholding by ``step lam`` and the method is exactly
    :func:`ista`. Not TensorFlow Playground's rule (:func:`playground_l1`).

    Parameters
    ----------
    X, y, lam, step, n_steps, w0, max_frames
        As in :func:`ista` (default step ``1 / L``).
    K : int, default 1
        Truncate every ``K`` steps, with ``K`` times the gravity.
    theta : float, default inf
        Only weights with ``|v| <= theta`` are truncated.

    Returns
    -------
    OptimResult

    Examples
    --------
    >>> X = np.eye(2) * np.sqrt(2); y = np.array([1.0, 0.05])
    >>> tg = truncated_gradient(X, y, lam=0.2, n_steps=100)
    >>> bool(np.array_equal(tg.weights, ista(X, y, lam=0.2, n_steps=100).weights))
    True
    """
    Xa, ya, lam, step, n_steps, w, max_frames, L = _common(X, y, lam, step, n_steps, w0,
                                                             max_frames)
    K = as_int(K, "K", low=1)
    theta = as_scalar(theta, "theta", low=0.0, allow_inf=True)

    def update(w, grad, t):
        v = w - step * grad
        if (t + 1) % K:
            return v
        small = np.abs(v) <= theta
        return np.where(small, soft_threshold(v, K * step * lam), v)

    return _run("truncated gradient", Xa, ya, w, lam, step, n_steps, max_frames,
                lambda w: lam * float(np.abs(w).sum()), update, _gd_hint(L))


def ftrl_proximal(
    X: ArrayLike,
    y: ArrayLike,
    lam: float,
    alpha: float = 1.0,
    beta: float = 1.0,
    n_steps: int = 1000,
    max_frames: int = 200,
) -> OptimResult:
    """FTRL-Proximal with per-coordinate learning rates (McMahan et al. 2013, Algorithm 1).

    Each round takes the full-batch gradient ``g`` at the current weights and
    updates, per coordinate ``i``::

        sigma_i = (sqrt(n_i + g_i**2) - sqrt(n_i)) / alpha
        z_i    += g_i - sigma_i * w_i
        n_i    += g_i**2

    and the next weights have the closed form::

        w_i = 0                                            if |z_i| <= lambda_1
        w_i = -(z_i - sign(z_i) lambda_1) / ((beta + sqrt(n_i)) / alpha)   otherwise

    ``z`` sums the gradients of ``t`` rounds, so the L1 term of those ``t``
    rounds is used, ``lambda_1 = t * lam`` (the FTRL-Proximal form of McMahan
    2011, Table 1); its fixed points are then the Lasso solutions of ``lam``.
    The learning rate of coordinate ``i`` is ``alpha / (beta + sqrt(n_i))``.

    Parameters
    ----------
    X : array_like of shape (n, d)
    y : array_like of shape (n,)
    lam : float
        L1 strength per round, >= 0 (scikit-learn's ``Lasso(alpha=lam)``).
    alpha : float, default 1.0
        Learning-rate scale, > 0.
    beta : float, default 1.0
        Learning-rate smoothing, >= 0.
    n_steps : int, default 1000
        Number of rounds.
    max_frames : int, default 200

    Returns
    -------
    OptimResult
        Starts at all zeros (the closed form with ``z = 0``).

    Examples
    --------
    >>> X = np.eye(2) * np.sqrt(2); y = np.array([1.0, 0.05])
    >>> res = ftrl_proximal(X, y, lam=0.2, n_steps=300)
    >>> res.weights.round(3), res.exact_zeros
    (array([0.507, 0.   ]), 1)
    """
    Xa, ya, lam, alpha, n_steps, w, max_frames, _ = _common(
        X, y, lam, alpha, n_steps, None, max_frames, step_name="alpha"
    )
    beta = as_scalar(beta, "beta", low=0.0)
    d = Xa.shape[1]
    z = np.zeros(d)
    nsq = np.zeros(d)

    def update(w, grad, t):
        sigma = (np.sqrt(nsq + grad * grad) - np.sqrt(nsq)) / alpha
        z[:] += grad - sigma * w
        nsq[:] += grad * grad
        # McMahan 2011's cumulative toll: after t + 1 rounds, l1 = (t + 1) * lam
        return ftrl_weights(z, nsq, l1=(t + 1) * lam, alpha=alpha, beta=beta)

    return _run("FTRL-Proximal", Xa, ya, w, lam, alpha, n_steps, max_frames,
                lambda w: lam * float(np.abs(w).sum()), update,
                f"use a smaller alpha than {alpha:g}.")
