"""How stable is the set of features an L1 model selects? Refit on resamples and count.

* :func:`selection_frequency`: stability selection (Meinshausen & Buehlmann, *Stability
  selection*, JRSS B 72, 2010): fit the Lasso on many random half-samples of the rows and
  record, for each lambda and each feature, the share of fits that keep it (non-zero).
* :func:`twin_picks`: for pairs of near-duplicate columns, how often a model keeps the
  first copy only, the second only, both, or neither, over bootstrap resamples.

Both take standardised ``X`` and fit an intercept; every fit is run to a tight tolerance.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import ArrayLike
from sklearn.linear_model import lasso_path

from lessonlib._validate import as_float_array, as_int, as_scalar, as_xy

__all__ = ["selection_frequency", "twin_picks", "with_twins"]




def with_twins(X: ArrayLike, columns: Sequence[int], noise: float = 0.03,
               seed: int = 0) -> np.ndarray:
    """``X`` with a near-duplicate of each listed column appended, all re-standardised.

    Twin ``k`` is ``X[:, columns[k]] + noise * N(0, 1)``: with standardised ``X`` and
    ``noise = 0.03`` the two copies correlate at about 0.9996.

    Examples
    --------
    >>> X = np.random.default_rng(1).normal(size=(200, 2))
    >>> T = with_twins(X, [0])
    >>> T.shape, bool(np.corrcoef(T[:, 0], T[:, 2])[0, 1] > 0.999)
    ((200, 3), True)
    """
    Xa = as_float_array(X, "X", ndim=2)
    cols = [int(c) for c in columns]
    if not cols or not all(0 <= c < Xa.shape[1] for c in cols):
        raise ValueError(f"columns must be positions 0..{Xa.shape[1] - 1}, got {columns!r}")
    noise = as_scalar(noise, "noise", low=0.0)
    rng = np.random.default_rng(as_int(seed, "seed", low=0))
    twins = Xa[:, cols] + noise * rng.standard_normal((Xa.shape[0], len(cols)))
    out = np.column_stack([Xa, twins])
    return (out - out.mean(axis=0)) / out.std(axis=0)


def selection_frequency(X: ArrayLike, y: ArrayLike, alphas: ArrayLike, n_resamples: int = 100,
                        fraction: float = 0.5, seed: int = 0) -> np.ndarray:
    """Share of Lasso fits on random subsamples that keep each feature, at each lambda.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Standardised features.
    y : array_like of shape (n,)
    alphas : array_like of shape (k,)
        Lambdas (scikit-learn's ``alpha``), strictly decreasing.
    n_resamples : int, default 100
    fraction : float, default 0.5
        Each subsample holds ``round(fraction * n)`` distinct rows (Meinshausen and
        Buehlmann use half).
    seed : int, default 0

    Returns
    -------
    ndarray of shape (k, d)
        Entry ``[i, j]``: share of the fits at ``alphas[i]`` with feature ``j`` non-zero.

    Examples
    --------
    >>> rng = np.random.default_rng(0); X = rng.normal(size=(60, 3))
    >>> y = 3 * X[:, 0] + rng.normal(size=60)
    >>> selection_frequency(X, y, [1.0], n_resamples=20)[0, 0]
    np.float64(1.0)
    """
    Xa, ya = as_xy(X, y)
    a = as_float_array(alphas, "alphas", ndim=1)
    if np.any(np.diff(a) >= 0) or np.any(a <= 0):
        raise ValueError("alphas must be positive and strictly decreasing (largest first)")
    n_resamples = as_int(n_resamples, "n_resamples", low=1)
    fraction = as_scalar(fraction, "fraction", low=0.0, high=1.0, low_open=True)
    seed = as_int(seed, "seed", low=0)
    n = Xa.shape[0]
    m = max(2, int(round(fraction * n)))
    rng = np.random.default_rng(seed)
    kept = np.zeros((a.size, Xa.shape[1]))
    for _ in range(n_resamples):
        rows = rng.choice(n, size=m, replace=False)
        Xs, ys = Xa[rows], ya[rows]
        Xs = Xs - Xs.mean(axis=0)  # the intercept, unpenalised, absorbs the means
        _, coefs, _ = lasso_path(Xs, ys - ys.mean(), alphas=a, tol=1e-10, max_iter=1_000_000)
        kept += (coefs != 0).T
    return kept / n_resamples


def twin_picks(X: ArrayLike, y: ArrayLike, pairs: Sequence[tuple[int, int]],
               make_model: Callable[[], object], n_resamples: int = 50,
               seed: int = 0) -> np.ndarray:
    """For each pair of near-duplicate columns, count which copies a model keeps.

    Parameters
    ----------
    X : array_like of shape (n, d)
    y : array_like of shape (n,)
    pairs : sequence of (int, int)
        Column positions of the two copies of each pair.
    make_model : callable
        Returns a fresh scikit-learn regressor with ``coef_`` after ``fit``
        (``lambda: Lasso(alpha=5)``).
    n_resamples : int, default 50
        Bootstrap resamples (``n`` rows drawn with replacement).
    seed : int, default 0

    Returns
    -------
    ndarray of int, shape (len(pairs), 4)
        Columns: first copy only, second copy only, both, neither.

    Examples
    --------
    >>> from sklearn.linear_model import Lasso
    >>> rng = np.random.default_rng(0); x = rng.normal(size=80)
    >>> X = np.column_stack([x, x + 0.01 * rng.normal(size=80)]); y = x
    >>> picks = twin_picks(X, y, [(0, 1)], lambda: Lasso(alpha=0.1), n_resamples=10)
    >>> int(picks.sum()), int(picks[0, 3])  # every fit keeps at least one copy
    (10, 0)
    """
    Xa, ya = as_xy(X, y)
    d = Xa.shape[1]
    pairs = [tuple(int(j) for j in p) for p in pairs]
    if not pairs or any(len(p) != 2 or not all(0 <= j < d for j in p) for p in pairs):
        raise ValueError(f"pairs must be (column, column) pairs of positions 0..{d - 1}")
    if not callable(make_model):
        raise TypeError("make_model must be a function returning a fresh model")
    n_resamples = as_int(n_resamples, "n_resamples", low=1)
    rng = np.random.default_rng(as_int(seed, "seed", low=0))
    n = Xa.shape[0]
    counts = np.zeros((len(pairs), 4), dtype=int)
    for _ in range(n_resamples):
        rows = rng.integers(0, n, size=n)
        coef = make_model().fit(Xa[rows], ya[rows]).coef_
        for i, (a, b) in enumerate(pairs):
            first, second = coef[a] != 0, coef[b] != 0
            counts[i, 3 if not (first or second) else 2 if (first and second) else
                   0 if first else 1] += 1
    return counts
