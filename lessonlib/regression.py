"""General helpers for linear regression: exact zeros, mean squared error, ridge in closed form.

Small pieces any notebook can use; :mod:`lessonlib.overfitting` holds notebook 06's data
and sweeps. The ridge convention is the course's (notebook 02, :func:`lessonlib.zeno.ridge_path`)::

    (1 / (2n)) * ||y - X w||^2 + lam * ||w||^2      (scikit-learn: Ridge(alpha=2 n lam))
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array, as_scalar, as_xy

__all__ = ["count_exact_zeros", "mse", "ridge_fit"]


def _weights_for(X: np.ndarray, w: ArrayLike) -> np.ndarray:
    w = as_float_array(w, "w", ndim=1)
    if w.shape[0] != X.shape[1]:
        raise ValueError(
            f"w has {w.shape[0]} entries but X has {X.shape[1]} columns (features); "
            "they must match"
        )
    return w


def count_exact_zeros(w: ArrayLike) -> int:
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


def mse(X: ArrayLike, y: ArrayLike, w: ArrayLike) -> float:
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
    X, y = as_xy(X, y)
    w = _weights_for(X, w)
    r = y - X @ w
    return float(np.mean(r * r))


def ridge_fit(X: ArrayLike, y: ArrayLike, lam: float) -> np.ndarray:
    """Minimiser of ``(1/(2n)) ||y - X w||^2 + lam ||w||^2`` (closed form).

    The course's ridge convention (notebook 02, :func:`lessonlib.zeno.ridge_path`):
    it solves ``(X^T X / n + 2 lam I) w = X^T y / n``, which is scikit-learn's
    ``Ridge(alpha=2 * n * lam, fit_intercept=False)``.

    Examples
    --------
    >>> ridge_fit([[1.0], [1.0]], [1.0, 1.0], 0.5)
    array([0.5])
    """
    X, y = as_xy(X, y)
    lam = as_scalar(lam, "lam", low=0)
    n, d = X.shape
    return np.linalg.solve(X.T @ X / n + 2 * lam * np.eye(d), X.T @ y / n)
