"""Choosing lambda by cross-validation: the CV table, the one-standard-error rule, the leak.

Notebook 08 reads scikit-learn's ``LassoCV.mse_path_`` (one row per lambda, one column
per fold) as a table of mean error and its standard error, and picks lambda two ways:

* at the minimum of the mean CV error;
* by the one-standard-error rule (Breiman et al. 1984; Hastie, Tibshirani & Friedman,
  *The Elements of Statistical Learning*, section 7.10): the *largest* lambda whose mean
  error is within one standard error of the minimum, the simplest model the data cannot
  tell apart from the best.

:func:`scaled_inside_folds` recomputes the same CV errors with the scaler fitted on each
fold's training rows only, so the notebook can measure what fitting it on all rows leaks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from sklearn.linear_model import lasso_path
from sklearn.preprocessing import StandardScaler

from lessonlib._validate import as_float_array, as_xy

__all__ = ["CVTable", "cv_table", "scaled_inside_folds"]


@dataclass(frozen=True)
class CVTable:
    """Mean CV error and its standard error for each lambda (largest lambda first).

    Attributes
    ----------
    alphas : ndarray of shape (k,)
        The lambdas (scikit-learn's ``alpha``), in decreasing order.
    mean : ndarray of shape (k,)
        Mean squared error over the folds.
    se : ndarray of shape (k,)
        Standard error of that mean: the folds' standard deviation / sqrt(folds).
    n_folds : int
    """

    alphas: np.ndarray
    mean: np.ndarray
    se: np.ndarray
    n_folds: int

    @property
    def best(self) -> int:
        """Position of the lambda with the lowest mean CV error."""
        return int(np.argmin(self.mean))

    @property
    def one_se(self) -> int:
        """Position of the largest lambda whose mean error <= min mean + its standard error."""
        limit = self.mean[self.best] + self.se[self.best]
        return int(np.flatnonzero(self.mean <= limit)[0])  # alphas decrease: first = largest


def cv_table(alphas: ArrayLike, mse_path: ArrayLike) -> CVTable:
    """Summarise a ``(lambdas, folds)`` matrix of CV errors, largest lambda first.

    Parameters
    ----------
    alphas : array_like of shape (k,)
        The lambdas, in any order (the table sorts them, largest first).
    mse_path : array_like of shape (k, folds)
        Mean squared error of each lambda on each fold (``LassoCV.mse_path_``).

    Returns
    -------
    CVTable

    Examples
    --------
    >>> t = cv_table([1.0, 0.1, 0.01], [[4.0, 6.0], [2.0, 2.2], [2.1, 2.3]])
    >>> t.best, t.one_se, float(t.se[1].round(3))
    (1, 1, 0.1)
    """
    a = as_float_array(alphas, "alphas", ndim=1)
    m = as_float_array(mse_path, "mse_path", ndim=2)
    if m.shape[0] != a.size:
        raise ValueError(f"mse_path must have one row per lambda ({a.size}), got shape {m.shape}")
    if m.shape[1] < 2:
        raise ValueError(f"mse_path needs at least 2 folds (columns), got {m.shape[1]}")
    order = np.argsort(-a, kind="stable")
    m = m[order]
    k = m.shape[1]
    return CVTable(a[order], m.mean(axis=1), m.std(axis=1, ddof=1) / np.sqrt(k), k)


def scaled_inside_folds(X: ArrayLike, y: ArrayLike, alphas: ArrayLike, cv: object) -> np.ndarray:
    """CV errors of ``StandardScaler`` + Lasso with the scaler fitted inside each fold.

    For each split of ``cv``, the scaler (and the intercept) are fitted on the training
    rows only, the Lasso path is computed on them at ``alphas`` (largest first), and the
    held-out rows are scored. Same layout as ``LassoCV.mse_path_``.

    Parameters
    ----------
    X : array_like of shape (n, d)
    y : array_like of shape (n,)
    alphas : array_like of shape (k,)
        Decreasing lambdas.
    cv : a scikit-learn splitter (``KFold(...)``)

    Returns
    -------
    ndarray of shape (k, folds)

    Examples
    --------
    >>> from sklearn.model_selection import KFold
    >>> rng = np.random.default_rng(0); X = rng.normal(size=(40, 3)); y = X[:, 0]
    >>> scaled_inside_folds(X, y, [1.0, 0.01], KFold(4)).shape
    (2, 4)
    """
    Xa, ya = as_xy(X, y)
    a = as_float_array(alphas, "alphas", ndim=1)
    if np.any(np.diff(a) >= 0):
        raise ValueError("alphas must be strictly decreasing (largest lambda first)")
    columns = []
    for train, test in cv.split(Xa):
        scaler = StandardScaler().fit(Xa[train])
        Z, Zt = scaler.transform(Xa[train]), scaler.transform(Xa[test])
        y_mean = ya[train].mean()
        _, coefs, _ = lasso_path(Z, ya[train] - y_mean, alphas=a, tol=1e-10, max_iter=1_000_000)
        pred = Zt @ coefs + y_mean  # (test rows, k)
        columns.append(((pred - ya[test, None]) ** 2).mean(axis=0))
    return np.column_stack(columns)
