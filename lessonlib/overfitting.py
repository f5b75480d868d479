"""Sparsity against over-fitting: the data of notebook 06 and the exact Lasso path.

Notebook 06 shows its fits (Ridge, pruning, dropout, the tuned L1-vs-L2 duel) in its own
cells; this module keeps what would distract there, all pure and seeded:

* **the parts toy** (:func:`parts_toy`, :func:`classify`, :func:`accuracy`): ten
  characters made of parts; the robots all carry one common part (the antenna) and
  each has its own accessories. The two exact fits come from
  :func:`lessonlib.geometry.min_l2_solution` and :func:`~lessonlib.geometry.min_l1_solution`;
* **regression tasks with a known truth** (:func:`regression_task`), sparse or dense,
  split into training, validation and test sets;
* **the U-curve** (:func:`lasso_sweep`): every Lasso fit along a lambda grid, exact
  (the homotopy path), with each fit's optimality gap; :func:`ridge_sweep` for the L2
  side.

General regression helpers (:func:`~lessonlib.regression.mse`,
:func:`~lessonlib.regression.ridge_fit`, :func:`~lessonlib.regression.count_exact_zeros`)
live in :mod:`lessonlib.regression`.

Conventions. Regression tasks are generated with zero-mean features and target,
so every model here is fitted *without an intercept*. The penalised objectives are
the course's (notebook 02's for ridge, scikit-learn's ``Lasso`` for L1)::

    L1:  (1 / (2n)) * ||y - X w||^2 + lam * ||w||_1
    L2:  (1 / (2n)) * ||y - X w||^2 + lam * ||w||^2      (scikit-learn: Ridge(alpha=2 n lam))

Errors are mean squared errors (MSE) in the target's squared units.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._setup import limited_blas
from lessonlib._validate import as_float_array, as_int, as_scalar, as_xy
from lessonlib.geometry import min_l2_solution
from lessonlib.regression import _weights_for

__all__ = [
    "LambdaSweep",
    "PartsToy",
    "RegressionTask",
    "accuracy",
    "classify",
    "exact_fit_family",
    "lasso_sweep",
    "parts_toy",
    "regression_task",
    "ridge_sweep",
]

COMMON_PART = "antenna"
THRESHOLD = 0.5


# --------------------------------------------------------------------------- helpers

F = TypeVar("F", bound=Callable)


def _one_blas_thread(func: F) -> F:
    """Run ``func`` with one BLAS thread (:func:`lessonlib._setup.blas_threads`).

    The matrices here are small (about 100 x 100). With several BLAS threads on a
    shared 2-core machine (Binder, a workshop hub) the threads wait for one another
    and a notebook runs two to three times slower than on one thread.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with limited_blas():
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _seed(seed: object) -> int:
    return as_int(seed, "seed", low=0)


def _design(X: ArrayLike, name: str = "X") -> np.ndarray:
    return as_float_array(X, name, ndim=2)




# --------------------------------------------------------------------------- the parts toy


@dataclass(frozen=True)
class PartsToy:
    """Characters described by the parts they carry (1 = has the part, 0 = not).

    Attributes
    ----------
    X_train, y_train : ndarray
        Training items (rows) by parts (columns); ``y = 1`` for a robot, 0 otherwise.
    X_test, y_test : ndarray
        New characters, none seen in training.
    part_names : tuple of str
        One name per column; ``part_names[common_part] == "antenna"``.
    item_names, test_names : tuple of str
        One name per row of the training and the test matrix.
    common_part : int
        The column of the part every robot carries.
    """

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    part_names: tuple[str, ...]
    item_names: tuple[str, ...]
    test_names: tuple[str, ...]
    common_part: int


def parts_toy(
    n_per_class: int = 5, own_parts: int = 6, n_new_per_class: int = 3, seed: int = 0
) -> PartsToy:
    """Build the robots-and-characters toy.

    Every training robot carries the antenna plus ``own_parts`` accessories no
    other training item has; every other training character carries
    ``own_parts`` accessories of its own and no antenna. New robots carry the
    antenna and accessories never seen in training; new other characters carry
    a random mix of accessories seen on robots, seen on others, and new ones.
    The columns are shuffled (seeded), so the antenna's position has to be read off.

    Parameters
    ----------
    n_per_class : int, default 5
        Training robots, and training other characters (so ``2 * n_per_class`` items).
    own_parts : int, default 6
        Idiosyncratic accessories per item.
    n_new_per_class : int, default 3
        New robots and new other characters in the held-out set.
    seed : int, default 0

    Returns
    -------
    PartsToy

    Examples
    --------
    >>> toy = parts_toy()
    >>> toy.X_train.shape, int(toy.y_train.sum())
    ((10, 97), 5)
    >>> toy.part_names[toy.common_part]
    'antenna'
    """
    n = as_int(n_per_class, "n_per_class", low=1, high=50)
    k = as_int(own_parts, "own_parts", low=1, high=50)
    m = as_int(n_new_per_class, "n_new_per_class", low=1, high=50)
    rng = np.random.default_rng(_seed(seed))

    # Column layout before shuffling: antenna | robot accessories | other accessories
    # | accessories that only appear in the held-out set.
    robot_acc = 1 + np.arange(n * k).reshape(n, k)
    other_acc = 1 + n * k + np.arange(n * k).reshape(n, k)
    n_unseen = 2 * m * k
    unseen = 1 + 2 * n * k + np.arange(n_unseen)
    d = 1 + 2 * n * k + n_unseen

    X = np.zeros((2 * n, d))
    for i in range(n):
        X[i, 0] = 1.0
        X[i, robot_acc[i]] = 1.0
        X[n + i, other_acc[i]] = 1.0
    y = np.r_[np.ones(n), np.zeros(n)]

    T = np.zeros((2 * m, d))
    unseen_pool = rng.permutation(unseen)
    for i in range(m):
        T[i, 0] = 1.0
        T[i, unseen_pool[i * k : (i + 1) * k]] = 1.0
    mix_pool = np.r_[robot_acc.ravel(), other_acc.ravel(), unseen_pool[m * k :]]
    for i in range(m):
        T[m + i, rng.choice(mix_pool, size=k, replace=False)] = 1.0
    y_test = np.r_[np.ones(m), np.zeros(m)]

    order = rng.permutation(d)  # new column c holds old column order[c]
    # Rename after shuffling so the accessory numbers read left to right.
    new_names = [COMMON_PART if order[c] == 0 else "" for c in range(d)]
    counter = 1
    for c in range(d):
        if not new_names[c]:
            new_names[c] = f"part {counter:02d}"
            counter += 1
    common = int(np.flatnonzero(order == 0)[0])
    return PartsToy(
        X_train=X[:, order],
        y_train=y,
        X_test=T[:, order],
        y_test=y_test,
        part_names=tuple(new_names),
        item_names=tuple([f"robot {i + 1}" for i in range(n)]
                         + [f"other {i + 1}" for i in range(n)]),
        test_names=tuple([f"new robot {i + 1}" for i in range(m)]
                         + [f"new other {i + 1}" for i in range(m)]),
        common_part=common,
    )


@_one_blas_thread
def exact_fit_family(X: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """All exact fits of ``X w = y``: a particular one plus the null space of ``X``.

    Every ``w = w0 + N @ c`` (any vector ``c``) fits the training data exactly.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,)

    Returns
    -------
    w0 : ndarray, shape (d,)
        The minimum-L2 exact fit.
    N : ndarray, shape (d, d - rank)
        Orthonormal basis of the null space (directions that change no prediction).

    Examples
    --------
    >>> w0, N = exact_fit_family([[1.0, 1.0]], [2.0])
    >>> N.shape
    (2, 1)
    >>> bool(abs(float(([1.0, 1.0] @ (w0 + 3 * N[:, 0]))) - 2.0) < 1e-12)
    True
    """
    X, y = as_xy(X, y)
    w0 = min_l2_solution(X, y)
    _, s, vt = np.linalg.svd(X)
    rank = int(np.sum(s > s.max() * max(X.shape) * np.finfo(float).eps)) if s.size else 0
    return w0, vt[rank:].T.copy()


def classify(X: ArrayLike, w: ArrayLike, threshold: float = THRESHOLD) -> np.ndarray:
    """Label 1 (robot) where the score ``X @ w`` is above ``threshold``, else 0.

    Parameters
    ----------
    X : array_like, shape (n, d)
    w : array_like, shape (d,)
    threshold : float, default 0.5
        Half-way between the targets 0 and 1.

    Returns
    -------
    ndarray of int, shape (n,)

    Examples
    --------
    >>> classify([[1.0, 0.0], [0.0, 1.0]], [0.9, 0.2])
    array([1, 0])
    """
    X = _design(X)
    w = _weights_for(X, w)
    t = as_scalar(threshold, "threshold")
    return (X @ w > t).astype(int)


def accuracy(X: ArrayLike, y: ArrayLike, w: ArrayLike, threshold: float = THRESHOLD) -> float:
    """Share of items whose label :func:`classify` gets right.

    Examples
    --------
    >>> accuracy([[1.0], [0.0]], [1, 1], [1.0])
    0.5
    """
    X, y = as_xy(X, y)
    return float(np.mean(classify(X, w, threshold) == y))


# --------------------------------------------------------------------------- regression tasks


@dataclass(frozen=True)
class RegressionTask:
    """A linear regression problem with a known truth, split three ways.

    ``val`` is for choosing lambda; ``test`` is touched once, for the final number.
    """

    X_train: np.ndarray
    y_train: np.ndarray
    X_val: np.ndarray
    y_val: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    true_w: np.ndarray
    noise: float


def regression_task(
    n_train: int = 60,
    n_features: int = 100,
    n_informative: int = 8,
    *,
    signal: float = 3.0,
    noise: float = 1.0,
    n_val: int = 200,
    n_test: int = 2000,
    seed: int = 0,
) -> RegressionTask:
    """Standard-normal features, ``y = X w + noise``, with ``n_informative`` non-zero weights.

    The non-zero weights are drawn from a normal law and rescaled so that
    ``||w||_2 = signal`` whatever their number, so a sparse truth (few large effects)
    and a dense truth (``n_informative = n_features``: many small effects) have the
    same signal-to-noise ratio and can be compared fairly.

    Parameters
    ----------
    n_train, n_features, n_informative : int
    signal : float, default 3.0
        L2 norm of the true weight vector (> 0).
    noise : float, default 1.0
        Standard deviation of the Gaussian noise (>= 0).
    n_val, n_test : int
        Sizes of the validation and test sets.
    seed : int, default 0

    Returns
    -------
    RegressionTask

    Examples
    --------
    >>> task = regression_task(n_train=20, n_features=30, n_informative=3, seed=1)
    >>> task.X_train.shape, int((task.true_w != 0).sum())
    ((20, 30), 3)
    >>> round(float(np.linalg.norm(task.true_w)), 6)
    3.0
    """
    n = as_int(n_train, "n_train", low=1)
    d = as_int(n_features, "n_features", low=1)
    s = as_int(n_informative, "n_informative", low=1, high=d)
    sig = as_scalar(signal, "signal", low=0, low_open=True)
    sd = as_scalar(noise, "noise", low=0)
    nv = as_int(n_val, "n_val", low=1)
    nt = as_int(n_test, "n_test", low=1)
    rng = np.random.default_rng(_seed(seed))
    w = np.zeros(d)
    support = np.sort(rng.choice(d, size=s, replace=False))
    raw = rng.standard_normal(s)
    w[support] = raw * (sig / np.linalg.norm(raw))
    X = rng.standard_normal((n + nv + nt, d))
    y = X @ w + sd * rng.standard_normal(n + nv + nt)
    a, b = n, n + nv
    return RegressionTask(X[:a], y[:a], X[a:b], y[a:b], X[b:], y[b:], w, sd)


@dataclass(frozen=True)
class LambdaSweep:
    """Errors and sizes of a family of penalised fits, one per lambda (largest first).

    Attributes
    ----------
    penalty : str
        ``"L1"`` or ``"L2"``.
    lambdas : ndarray, shape (k,)
    coefs : ndarray, shape (k, d)
    train_mse, val_mse, test_mse : ndarray, shape (k,)
    n_nonzero : ndarray of int, shape (k,)
        Weights that are not exactly zero.
    opt_gap : ndarray, shape (k,), or None
        L1 only: each fit's optimality gap, its largest KKT violation divided by
        lambda (:func:`lessonlib.optimality.lasso_optimality_gap`); about 1e-12 for
        the exact path. None for the closed-form L2 fits.
    """

    penalty: str
    lambdas: np.ndarray
    coefs: np.ndarray
    train_mse: np.ndarray
    val_mse: np.ndarray
    test_mse: np.ndarray
    n_nonzero: np.ndarray
    opt_gap: np.ndarray | None = None

    @property
    def best(self) -> int:
        """Index of the lambda with the lowest validation error."""
        return int(np.argmin(self.val_mse))


def _errors(task: RegressionTask, coefs: np.ndarray) -> tuple[np.ndarray, ...]:
    def err(X: np.ndarray, y: np.ndarray) -> np.ndarray:
        r = y[None, :] - coefs @ X.T
        return np.mean(r * r, axis=1)

    return (err(task.X_train, task.y_train), err(task.X_val, task.y_val),
            err(task.X_test, task.y_test))


def _lambdas(lambdas: ArrayLike, default: np.ndarray) -> np.ndarray:
    if lambdas is None:
        return default
    lam = as_float_array(lambdas, "lambdas", ndim=1)
    if np.any(lam <= 0):
        raise ValueError(f"lambdas must all be > 0, got a smallest value of {lam.min():g}")
    return np.sort(lam)[::-1]


def _check_task(task: object) -> RegressionTask:
    if not isinstance(task, RegressionTask):
        raise TypeError(f"task must be a RegressionTask (see regression_task), got "
                        f"{type(task).__name__}")
    return task


#: Largest optimality gap (KKT violation / lambda) accepted without a warning.
GAP_WARN = 1e-6


def _exact_lasso_path(X: np.ndarray, y: np.ndarray, lam: np.ndarray) -> np.ndarray:
    """The Lasso minimisers at the decreasing ``lam``, one row each, from the exact path.

    The Lasso solution is piecewise linear in lambda. The homotopy algorithm
    (LARS with the Lasso modification, scikit-learn's ``lars_path``) finds the knots
    where a weight enters or leaves, so the minimiser at any lambda is a linear
    interpolation between two knots: exact up to rounding, at every lambda, in a
    few milliseconds. Coordinate descent (``lasso_path``) needs tens of thousands
    of sweeps to converge near lambda = 0 when there are more features than
    examples, and stopped early it leaves weights non-zero that should be 0.
    """
    from sklearn.linear_model import lars_path

    knots, _, path = lars_path(X, y, method="lasso", alpha_min=float(lam[-1]), max_iter=10_000)
    # A weight that leaves the model at a knot lands on 0 up to rounding (1e-19): make it 0.
    path[np.abs(path) < 1e-12] = 0.0
    # np.interp wants increasing knots; lambdas above the first knot give the all-zero model.
    return np.stack([np.interp(lam, knots[::-1], row[::-1]) for row in path], axis=1)


@_one_blas_thread
def lasso_sweep(task: RegressionTask, lambdas: ArrayLike | None = None,
                n_lambdas: int = 60) -> LambdaSweep:
    """Fit the L1-penalised model for many lambdas, exactly (the Lasso's homotopy path).

    Parameters
    ----------
    task : RegressionTask
    lambdas : array_like, optional
        Penalty strengths (> 0). Default: ``n_lambdas`` values, log-spaced from the
        smallest lambda giving the all-zero model down to 1/1000 of it.
    n_lambdas : int, default 60

    Returns
    -------
    LambdaSweep
        Ordered from the largest lambda (simplest model) to the smallest, with each
        fit's optimality gap in ``opt_gap``. A gap above ``GAP_WARN`` (1e-6) warns.

    Examples
    --------
    >>> sweep = lasso_sweep(regression_task(seed=0), n_lambdas=20)
    >>> int(sweep.n_nonzero[0]), bool(sweep.train_mse[-1] < sweep.train_mse[0])
    (0, True)
    >>> bool(sweep.opt_gap.max() < 1e-9)  # every fit is the minimiser, up to rounding
    True
    """
    from lessonlib.optimality import lasso_optimality_gap

    task = _check_task(task)
    k = as_int(n_lambdas, "n_lambdas", low=2, high=1000)
    X, y = task.X_train, task.y_train
    lam_max = float(np.max(np.abs(X.T @ y)) / X.shape[0])
    lam = _lambdas(lambdas, np.geomspace(lam_max, lam_max * 1e-3, k))
    coefs = _exact_lasso_path(X, y, lam)
    gaps = np.array([lasso_optimality_gap(X, y, w, v) for w, v in zip(coefs, lam, strict=True)])
    if gaps.max() > GAP_WARN:
        warnings.warn(f"the Lasso fits are not all optimal: largest optimality gap "
                      f"{gaps.max():.2g} (KKT violation / lambda), above {GAP_WARN:g}",
                      RuntimeWarning, stacklevel=3)
    tr, va, te = _errors(task, coefs)
    return LambdaSweep("L1", lam, coefs, tr, va, te, np.count_nonzero(coefs, axis=1), gaps)


@_one_blas_thread
def ridge_sweep(task: RegressionTask, lambdas: ArrayLike | None = None,
                n_lambdas: int = 60) -> LambdaSweep:
    """Fit the L2-penalised model for many lambdas at once (through one SVD).

    The objective is :func:`lessonlib.regression.ridge_fit`'s,
    ``(1/(2n)) ||y - X w||^2 + lam ||w||^2``.

    Parameters
    ----------
    task : RegressionTask
    lambdas : array_like, optional
        Default: ``n_lambdas`` values log-spaced from 500 down to 5e-5.
    n_lambdas : int, default 60

    Returns
    -------
    LambdaSweep

    Examples
    --------
    >>> sweep = ridge_sweep(regression_task(seed=0), n_lambdas=10)
    >>> int(sweep.n_nonzero.min())  # L2 keeps every weight
    100
    """
    task = _check_task(task)
    k = as_int(n_lambdas, "n_lambdas", low=2, high=1000)
    lam = _lambdas(lambdas, np.geomspace(5e2, 5e-5, k))
    X, y = task.X_train, task.y_train
    n = X.shape[0]
    u, s, vt = np.linalg.svd(X, full_matrices=False)
    uty = u.T @ y
    # w(lam) = V diag(s / (s^2 + 2 n lam)) U^T y
    coefs = (s[None, :] / (s[None, :] ** 2 + 2 * n * lam[:, None]) * uty[None, :]) @ vt
    tr, va, te = _errors(task, coefs)
    return LambdaSweep("L2", lam, coefs, tr, va, te, np.count_nonzero(coefs, axis=1))
