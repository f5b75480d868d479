"""How far a fitted L1 model is from optimal: its optimality gap (largest KKT violation).

A weight vector ``w`` (with an unpenalised intercept ``b``, if one is fitted) minimises
``loss(w, b) + lam * ||w||_1`` exactly when ``d loss / d b = 0`` and, for every ``j``,
``grad_j = -lam * sign(w_j)`` if ``w_j != 0`` and ``|grad_j| <= lam`` if ``w_j == 0``.
The functions below return the largest violation of these conditions divided by
``lam``: 0 for the exact minimiser, about the rounding error for a converged solver, and
of order 1 for a run stopped far from the minimum. So "gap below 1e-6" reads the same at
every strength. This is the number the notebooks print next to every L1 fit.

* :func:`lasso_optimality_gap`: scikit-learn's ``Lasso``,
  ``loss = ||y - X w - b||^2 / (2n)`` (and the course's own optimisers, without ``b``).
* :func:`logistic_optimality_gap`: ``LogisticRegression(C=C)`` with an L1 penalty,
  ``loss = C * sum(log-loss)``, ``lam = 1``.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array, as_scalar

__all__ = ["lasso_optimality_gap", "logistic_optimality_gap"]


def _violation(grad: np.ndarray, w: np.ndarray, lam: float) -> float:
    nz = w != 0
    v = np.where(nz, np.abs(grad + lam * np.sign(w)), np.maximum(np.abs(grad) - lam, 0.0))
    return float(v.max() / lam) if v.size else 0.0


def _design(X: ArrayLike) -> object:
    if sp.issparse(X):
        return sp.csr_matrix(X, dtype=float)
    return as_float_array(X, "X", ndim=2)


def lasso_optimality_gap(X: ArrayLike, y: ArrayLike, w: ArrayLike, lam: float,
                         intercept: float | None = None) -> float:
    """Largest KKT violation / ``lam`` of ``(1/(2n))||y - X w - b||^2 + lam ||w||_1``.

    ``w`` is optimal exactly when every correlation ``c_j = x_j^T (y - X w - b) / n``
    equals ``lam * sign(w_j)`` where ``w_j != 0`` and lies in ``[-lam, lam]`` where
    ``w_j == 0``. With an ``intercept`` (a fitted, unpenalised ``b``), its own condition,
    a mean residual of 0, counts too (divided by ``lam`` as well); ``None`` means the model
    has no intercept (``b = 0``, no condition).

    Parameters
    ----------
    X : array_like or scipy.sparse matrix of shape (n, d)
    y : array_like of shape (n,)
    w : array_like of shape (d,)
    lam : float
        The penalty strength, > 0.
    intercept : float or None, default None

    Examples
    --------
    >>> X, y = np.eye(2), [1.0, 0.0]
    >>> lasso_optimality_gap(X, y, [0.75, 0.0], lam=0.125)  # the minimiser, 1 - 2 * lam
    0.0
    >>> lasso_optimality_gap(X, y, [1.0, 0.0], lam=0.125)  # the least-squares fit
    1.0
    >>> X = np.array([[1.0], [-1.0]]); y = np.array([2.0, -2.0])
    >>> lasso_optimality_gap(X, y, [1.5], lam=0.5, intercept=0.0)
    0.0
    """
    Xa = _design(X)
    ya = as_float_array(y, "y", ndim=1)
    wa = as_float_array(w, "w", ndim=1).ravel()
    if Xa.shape[0] != ya.size or Xa.shape[1] != wa.size:
        raise ValueError(f"X has shape {Xa.shape}, so y needs {Xa.shape[0]} values and w "
                         f"{Xa.shape[1]}; got {ya.size} and {wa.size}")
    lam = as_scalar(lam, "lam", low=0.0, low_open=True)
    b = 0.0 if intercept is None else as_scalar(np.ravel(intercept)[0], "intercept")
    r = ya - np.asarray(Xa @ wa).ravel() - b
    gap = _violation(-np.asarray(Xa.T @ r).ravel() / ya.size, wa, lam)
    return gap if intercept is None else max(gap, abs(r.mean()) / lam)


def logistic_optimality_gap(X: ArrayLike, y: ArrayLike, coef: object, intercept: float, C: float,
                            *, with_intercept: bool = True) -> float:
    """Largest KKT violation of ``||w||_1 + C * sum(log-loss)``, intercept unpenalised.

    ``y`` holds 0/1 labels. liblinear penalises a scaled intercept, so for its fits the
    intercept's own condition (``C * sum(p - y) = 0``) holds only up to
    ``1 / intercept_scaling``; ``with_intercept=False`` leaves that condition out and
    measures the weights' conditions alone (at the intercept the model has).

    Examples
    --------
    >>> X = np.array([[1.0], [-1.0]]); y = np.array([1, 0])
    >>> round(logistic_optimality_gap(X, y, [0.0], 0.0, C=1.0), 3)
    0.0
    """
    Xa = _design(X)
    ya = as_float_array(y, "y", ndim=1)
    w = as_float_array(coef, "coef").ravel()
    C = as_scalar(C, "C", low=0.0, low_open=True)
    s = np.asarray(Xa @ w).ravel() + float(np.ravel(intercept)[0])
    p = 0.5 * (1 + np.tanh(0.5 * s))  # the sigmoid, without overflow
    grad = C * np.asarray(Xa.T @ (p - ya)).ravel()
    weights = _violation(grad, w, 1.0)
    return max(weights, abs(C * (p - ya).sum())) if with_intercept else weights
