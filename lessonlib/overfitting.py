"""Sparsity against over-fitting: memorising, the shared pattern, and the honest limits.

Four experiments of notebook 06 live here, all pure and seeded:

* **the parts toy** (:func:`parts_toy`, :func:`exact_fit_family`; the two exact
  fits come from :func:`lessonlib.geometry.min_l2_solution` and
  :func:`~lessonlib.geometry.min_l1_solution`): ten characters made of parts; the robots all carry
  one common part (the antenna) and each has its own accessories. Both the
  minimum-L2 and the minimum-L1 exact fit score every training item right; only
  the L1 one bets everything on the antenna and recognises a new robot;
* **sparse vs dense truth** (:func:`regression_task`, :func:`lasso_sweep`,
  :func:`ridge_sweep`, :func:`tuned_errors`, :func:`dense_vs_sparse`): with many
  small true effects L1 loses to L2 on held-out data;
* **four routes** (:func:`dropout_fit`, :func:`dropout_equivalent_ridge`,
  :func:`magnitude_prune`, :func:`compare_routes`): L1, L2, magnitude pruning and
  dropout, compared by exact zeros and held-out error;
* **the U-curve** (:func:`lasso_sweep`): training and validation error and the
  number of non-zero weights along a lambda path.

Conventions. Regression tasks are generated with zero-mean features and target,
so every model here is fitted *without an intercept*. The penalised objectives
are those of scikit-learn's ``Lasso``::

    L1:  (1 / (2n)) * ||y - X w||^2 + lam * ||w||_1
    L2:  (1 / (2n)) * ||y - X w||^2 + (lam / 2) * ||w||^2

Errors are mean squared errors (MSE) in the target's squared units.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from threadpoolctl import threadpool_limits

from lessonlib._setup import blas_threads
from lessonlib._validate import as_float_array, as_int, as_scalar
from lessonlib.geometry import min_l2_solution

__all__ = [
    "LambdaSweep",
    "PartsToy",
    "RegressionTask",
    "RouteResult",
    "accuracy",
    "classify",
    "compare_routes",
    "count_exact_zeros",
    "dense_vs_sparse",
    "dropout_equivalent_ridge",
    "dropout_fit",
    "exact_fit_family",
    "lasso_sweep",
    "magnitude_prune",
    "mse",
    "parts_toy",
    "regression_task",
    "ridge_fit",
    "ridge_sweep",
    "tuned_errors",
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
        with threadpool_limits(limits=blas_threads(), user_api="blas"):
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _seed(seed: object) -> int:
    return as_int(seed, "seed", low=0)


def _design(X: object, name: str = "X") -> np.ndarray:
    return as_float_array(X, name, ndim=2)


def _matched(X: object, y: object) -> tuple[np.ndarray, np.ndarray]:
    X = _design(X)
    y = as_float_array(y, "y", ndim=1)
    if X.shape[0] != y.shape[0]:
        raise ValueError(
            f"X has {X.shape[0]} rows (examples) but y has {y.shape[0]} entries; "
            "they must match"
        )
    return X, y


def _weights_for(X: np.ndarray, w: object) -> np.ndarray:
    w = as_float_array(w, "w", ndim=1)
    if w.shape[0] != X.shape[1]:
        raise ValueError(
            f"w has {w.shape[0]} entries but X has {X.shape[1]} columns (features); "
            "they must match"
        )
    return w


def count_exact_zeros(w: object) -> int:
    """Count the entries of ``w`` that are exactly ``0.0`` (not merely small).

    Parameters
    ----------
    w : array_like
        A weight vector (any shape; all entries are counted).

    Returns
    -------
    int

    Examples
    --------
    >>> count_exact_zeros([0.0, 1e-300, -0.0, 2.0])
    2
    """
    arr = as_float_array(w, "w", allow_empty=True)
    return int(np.count_nonzero(arr == 0.0))


def mse(X: object, y: object, w: object) -> float:
    """Mean squared error of the linear model ``X @ w`` against ``y``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,)
    w : array_like, shape (d,)

    Returns
    -------
    float

    Examples
    --------
    >>> mse([[1.0, 0.0], [0.0, 1.0]], [1.0, 3.0], [1.0, 1.0])
    2.0
    """
    X, y = _matched(X, y)
    w = _weights_for(X, w)
    r = y - X @ w
    return float(np.mean(r * r))


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
def exact_fit_family(X: object, y: object) -> tuple[np.ndarray, np.ndarray]:
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
    X, y = _matched(X, y)
    w0 = min_l2_solution(X, y)
    _, s, vt = np.linalg.svd(X)
    rank = int(np.sum(s > s.max() * max(X.shape) * np.finfo(float).eps)) if s.size else 0
    return w0, vt[rank:].T.copy()


def classify(X: object, w: object, threshold: float = THRESHOLD) -> np.ndarray:
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


def accuracy(X: object, y: object, w: object, threshold: float = THRESHOLD) -> float:
    """Share of items whose label :func:`classify` gets right.

    Examples
    --------
    >>> accuracy([[1.0], [0.0]], [1, 1], [1.0])
    0.5
    """
    X, y = _matched(X, y)
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


def _lambdas(lambdas: object, default: np.ndarray) -> np.ndarray:
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
def lasso_sweep(task: RegressionTask, lambdas: object = None, n_lambdas: int = 60) -> LambdaSweep:
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


def ridge_fit(X: object, y: object, lam: float) -> np.ndarray:
    """Minimiser of ``(1/(2n)) ||y - X w||^2 + (lam/2) ||w||^2`` (closed form).

    Examples
    --------
    >>> ridge_fit([[1.0], [1.0]], [1.0, 1.0], 1.0)
    array([0.5])
    """
    X, y = _matched(X, y)
    lam = as_scalar(lam, "lam", low=0)
    n, d = X.shape
    return np.linalg.solve(X.T @ X / n + lam * np.eye(d), X.T @ y / n)


@_one_blas_thread
def ridge_sweep(task: RegressionTask, lambdas: object = None, n_lambdas: int = 60) -> LambdaSweep:
    """Fit the L2-penalised model for many lambdas at once (through one SVD).

    Parameters
    ----------
    task : RegressionTask
    lambdas : array_like, optional
        Default: ``n_lambdas`` values log-spaced from 1e3 down to 1e-4.
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
    lam = _lambdas(lambdas, np.geomspace(1e3, 1e-4, k))
    X, y = task.X_train, task.y_train
    n = X.shape[0]
    u, s, vt = np.linalg.svd(X, full_matrices=False)
    uty = u.T @ y
    # w(lam) = V diag(s / (s^2 + n lam)) U^T y
    coefs = (s[None, :] / (s[None, :] ** 2 + n * lam[:, None]) * uty[None, :]) @ vt
    tr, va, te = _errors(task, coefs)
    return LambdaSweep("L2", lam, coefs, tr, va, te, np.count_nonzero(coefs, axis=1))


@_one_blas_thread
def tuned_errors(task: RegressionTask) -> dict[str, dict[str, float]]:
    """Tune L1 and L2 on the validation set; report each one's test error and size.

    Each penalty is swept over its default grid of 60 lambdas (:func:`lasso_sweep`,
    :func:`ridge_sweep`) and the lambda with the lowest validation error is kept.

    Returns
    -------
    dict
        ``{"L1": {...}, "L2": {...}}`` with keys ``lam``, ``test_mse``, ``n_nonzero``;
        the L1 entry also holds ``opt_gap``, the chosen fit's optimality gap.

    Examples
    --------
    >>> res = tuned_errors(regression_task(seed=0))
    >>> sorted(res), sorted(res["L1"])
    (['L1', 'L2'], ['lam', 'n_nonzero', 'opt_gap', 'test_mse'])
    """
    out = {}
    for sweep in (lasso_sweep(task), ridge_sweep(task)):
        i = sweep.best
        out[sweep.penalty] = {
            "lam": float(sweep.lambdas[i]),
            "test_mse": float(sweep.test_mse[i]),
            "n_nonzero": int(sweep.n_nonzero[i]),
        }
        if sweep.opt_gap is not None:
            out[sweep.penalty]["opt_gap"] = float(sweep.opt_gap[i])
    return out


@_one_blas_thread
def dense_vs_sparse(
    seeds: object = range(8),
    *,
    n_train: int = 60,
    n_features: int = 100,
    n_sparse: int = 5,
    noise: float = 1.0,
) -> list[dict[str, object]]:
    """Repeat the tuned L1-vs-L2 duel on a sparse and on a dense truth, one row per run.

    Parameters
    ----------
    seeds : iterable of int
        One sparse and one dense task per seed.
    n_train, n_features : int
    n_sparse : int, default 5
        Non-zero true weights of the sparse truth (the dense truth has ``n_features``).
    noise : float

    Returns
    -------
    list of dict
        Keys ``truth`` (``"sparse"``/``"dense"``), ``seed``, ``l1_mse``, ``l2_mse``,
        ``l1_nonzero``, ``l1_gap`` (the L1 fit's optimality gap), ``winner``
        (``"L1"`` or ``"L2"``).

    Examples
    --------
    >>> rows = dense_vs_sparse(seeds=[0])
    >>> [r["truth"] for r in rows]
    ['sparse', 'dense']
    """
    seeds = [_seed(s) for s in seeds]
    if not seeds:
        raise ValueError("seeds must hold at least one seed")
    d = as_int(n_features, "n_features", low=1)
    rows = []
    for seed in seeds:
        for truth, s in (("sparse", n_sparse), ("dense", d)):
            task = regression_task(n_train, d, s, noise=noise, seed=seed)
            res = tuned_errors(task)
            rows.append({
                "truth": truth,
                "seed": seed,
                "l1_mse": res["L1"]["test_mse"],
                "l2_mse": res["L2"]["test_mse"],
                "l1_nonzero": res["L1"]["n_nonzero"],
                "l1_gap": res["L1"]["opt_gap"],
                "winner": "L1" if res["L1"]["test_mse"] < res["L2"]["test_mse"] else "L2",
            })
    return rows


# --------------------------------------------------------------------------- four routes


def magnitude_prune(w: object, k: int) -> np.ndarray:
    """Keep the ``k`` weights of largest magnitude and set the others to exactly 0.

    Ties at the cut are broken by position (the earlier index is kept).

    Parameters
    ----------
    w : array_like, shape (d,)
    k : int
        How many weights to keep, ``0 <= k <= d``.

    Returns
    -------
    ndarray, shape (d,)
        A new array; ``w`` is not modified.

    Examples
    --------
    >>> magnitude_prune([0.5, -3.0, 0.1, 2.0], 2)
    array([ 0., -3.,  0.,  2.])
    """
    w = as_float_array(w, "w", ndim=1)
    k = as_int(k, "k", low=0, high=w.size)
    out = np.zeros_like(w)
    keep = np.argsort(-np.abs(w), kind="stable")[:k]
    out[keep] = w[keep]
    return out


@_one_blas_thread
def dropout_fit(
    X: object,
    y: object,
    drop: float = 0.5,
    *,
    epochs: int = 200,
    batch_size: int = 10,
    step: float = 0.01,
    seed: int = 0,
) -> np.ndarray:
    """Train a linear model by SGD while randomly dropping inputs (dropout, by hand).

    At every step each input of each example in the mini-batch is kept with
    probability ``1 - drop`` and scaled by ``1 / (1 - drop)`` ("inverted dropout",
    so the expected input is unchanged), or set to 0. The step size decays as
    ``step / (1 + t / 100)`` per epoch and the returned weights are the average of
    the last half of the epochs' iterates (Polyak averaging, to quiet the noise).

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,)
    drop : float, default 0.5
        Probability of dropping an input, in [0, 1).
    epochs, batch_size : int
    step : float, default 0.01
        Initial learning rate (> 0).
    seed : int, default 0

    Returns
    -------
    ndarray, shape (d,)

    Examples
    --------
    >>> X = np.eye(4)
    >>> w = dropout_fit(X, [1.0, 2.0, 3.0, 4.0], drop=0.0, epochs=300, batch_size=4, step=0.5)
    >>> np.round(w, 2)
    array([1., 2., 3., 4.])
    """
    X, y = _matched(X, y)
    p = as_scalar(drop, "drop", low=0, high=1, high_open=True)
    n_epochs = as_int(epochs, "epochs", low=1)
    b = as_int(batch_size, "batch_size", low=1)
    eta0 = as_scalar(step, "step", low=0, low_open=True)
    rng = np.random.default_rng(_seed(seed))
    n, d = X.shape
    w = np.zeros(d)
    avg = np.zeros(d)
    n_avg = 0
    for epoch in range(n_epochs):
        eta = eta0 / (1.0 + epoch / 100.0)
        order = rng.permutation(n)
        for start in range(0, n, b):
            idx = order[start : start + b]
            keep = rng.random((idx.size, d)) >= p
            Xm = X[idx] * keep / (1.0 - p)
            grad = Xm.T @ (Xm @ w - y[idx]) / idx.size
            w = w - eta * grad
        if epoch >= n_epochs // 2:
            avg += w
            n_avg += 1
    return avg / n_avg


def dropout_equivalent_ridge(X: object, y: object, drop: float = 0.5) -> np.ndarray:
    """The weights that minimise dropout's *expected* training loss, in closed form.

    Averaging the squared error over the random masks of inverted input dropout
    gives ``mean (y - X w)^2 + drop/(1-drop) * sum_j w_j^2 mean(x_j^2)``: an L2
    penalty with one strength per feature (Wager, Wang & Liang, 2013). Its
    minimiser solves ``(X^T X + drop/(1-drop) diag(X^T X)) w = X^T y``.

    Examples
    --------
    >>> dropout_equivalent_ridge(np.eye(2), [1.0, 2.0], drop=0.5)
    array([0.5, 1. ])
    """
    X, y = _matched(X, y)
    p = as_scalar(drop, "drop", low=0, high=1, high_open=True)
    G = X.T @ X
    return np.linalg.solve(G + p / (1 - p) * np.diag(np.diag(G)), X.T @ y)


@dataclass(frozen=True)
class RouteResult:
    """One model of the four-routes comparison (``opt_gap``: the Lasso's optimality gap)."""

    name: str
    w: np.ndarray
    exact_zeros: int
    train_mse: float
    test_mse: float
    opt_gap: float | None = None


@_one_blas_thread
def compare_routes(
    task: RegressionTask, drops: object = (0.1, 0.3, 0.5), seed: int = 0
) -> list[RouteResult]:
    """L1, L2, magnitude pruning (with and without refit) and dropout on one task.

    L1 and L2 are tuned on the validation set, and so is dropout's rate (among
    ``drops``). Pruning starts from the tuned L2 model and keeps as many weights
    as L1 kept, so the two sparse models have the same size; "pruned + refit"
    re-fits least squares on the kept features.

    Parameters
    ----------
    task : RegressionTask
    drops : sequence of float, default (0.1, 0.3, 0.5)
        Dropout probabilities to try; the one with the lowest validation error is kept.
    seed : int, default 0
        Seed of the dropout masks.

    Returns
    -------
    list of RouteResult
        In the order L1, L2, pruned L2, pruned L2 + refit, dropout.

    Examples
    --------
    >>> res = compare_routes(regression_task(seed=0))
    >>> [r.name for r in res]
    ['L1 (lasso)', 'L2 (ridge)', 'L2, pruned', 'L2, pruned + refit', 'dropout (p=0.1)']
    """
    task = _check_task(task)
    l1 = lasso_sweep(task)
    l2 = ridge_sweep(task)
    w1 = l1.coefs[l1.best]
    w2 = l2.coefs[l2.best]
    k = int(np.count_nonzero(w1))
    wp = magnitude_prune(w2, k)
    wr = np.zeros_like(wp)
    kept = np.flatnonzero(wp)
    if kept.size:
        wr[kept], *_ = np.linalg.lstsq(task.X_train[:, kept], task.y_train, rcond=None)
    rates = as_float_array(drops, "drops", ndim=1)
    fits = [dropout_fit(task.X_train, task.y_train, drop=float(p), seed=seed) for p in rates]
    best = int(np.argmin([mse(task.X_val, task.y_val, w) for w in fits]))
    wd = fits[best]
    out = []
    for name, w in (("L1 (lasso)", w1), ("L2 (ridge)", w2), ("L2, pruned", wp),
                    ("L2, pruned + refit", wr), (f"dropout (p={rates[best]:g})", wd)):
        gap = float(l1.opt_gap[l1.best]) if w is w1 else None
        out.append(RouteResult(name, w.copy(), count_exact_zeros(w),
                               mse(task.X_train, task.y_train, w),
                               mse(task.X_test, task.y_test, w), gap))
    return out
