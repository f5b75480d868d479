"""Penalties on a weight vector: norms, quasi-norms, their (sub)gradients and proximal steps.

Every function accepts a single number or an array of any shape and treats all
of its entries as one weight vector (norms are taken over the flattened array).

Three families live here:

* **sizes** of a weight vector: :func:`l0` (count of non-zeros), :func:`l1`,
  :func:`l2`, :func:`l2_squared`, :func:`linf`, :func:`lp` (any ``p > 0``; a
  quasi-norm below 1) and :func:`lp_sum` (the penalty form ``sum |w_i|^p``);
* **slopes**: :func:`l1_subgradient`, :func:`l1_subdifferential`,
  :func:`l2_squared_gradient`;
* **proximal steps**, the exact minimiser of ``0.5 * (x - w)**2 + penalty(x)``
  entry by entry: :func:`soft_threshold` (L1), :func:`l2_shrink` (squared L2)
  and :func:`hard_threshold` (L0).

Element-wise functions return an array shaped like their input, or a plain
``float`` when every input is a single number (so a notebook prints ``0.0``
rather than ``array(0.)``).
"""

from __future__ import annotations

import math
import numbers

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array, as_p, as_scalar

__all__ = [
    "hard_threshold",
    "l0",
    "l1",
    "l1_subdifferential",
    "l1_subgradient",
    "l2",
    "l2_shrink",
    "l2_squared",
    "l2_squared_gradient",
    "linf",
    "lp",
    "lp_sum",
    "soft_threshold",
]



# --------------------------------------------------------------------------- helpers


def _weights(w: ArrayLike, name: str = "w") -> np.ndarray:
    # An empty vector is allowed: its size is 0 under every penalty.
    return as_float_array(w, name, allow_empty=True)


def _nonnegative(value: object, name: str, w: np.ndarray) -> float | np.ndarray:
    """A threshold: one non-negative number, or an array of them broadcastable to ``w``."""
    if isinstance(value, (numbers.Real, np.generic)) and not isinstance(value, bool):
        return as_scalar(value, name, low=0.0)
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a number, got {value!r}")
    arr = as_float_array(value, name, allow_empty=True)
    if arr.ndim == 0:
        return as_scalar(float(arr), name, low=0.0)
    if np.any(arr < 0):
        raise ValueError(
            f"{name} must be >= 0 in every entry, got a smallest entry of {arr.min():g}"
        )
    try:
        np.broadcast_shapes(arr.shape, w.shape)
    except ValueError:
        raise ValueError(
            f"{name} must be one number or an array that broadcasts against w "
            f"(shape {w.shape}), got shape {arr.shape}"
        ) from None
    return arr


def _out(arr: np.ndarray) -> float | np.ndarray:
    # Adding 0.0 turns -0.0 into 0.0: a learner should never see "-0.0" for a zeroed weight.
    arr = np.asarray(arr, dtype=float) + 0.0
    return float(arr) if arr.ndim == 0 else arr


# --------------------------------------------------------------------------- sizes


def l0(w: ArrayLike, tol: float = 0.0) -> int:
    """Count the entries of ``w`` whose magnitude is larger than ``tol``.

    With the default ``tol=0`` this is the number of non-zero weights, the "L0
    norm" (not a norm, and not convex: see notebook 01).

    Parameters
    ----------
    w : array_like
        Weights, any shape (a single number too). Must be finite.
    tol : float, default 0.0
        Entries with ``|w_i| <= tol`` count as zero. Must be >= 0.

    Returns
    -------
    int

    Examples
    --------
    >>> l0([0, 3, 0, 0, -1])
    2
    >>> l0([1e-9, 0.5], tol=1e-6)
    1
    """
    arr = _weights(w)
    t = as_scalar(tol, "tol", low=0.0)
    return int(np.count_nonzero(np.abs(arr) > t))


def l1(w: ArrayLike) -> float:
    """The L1 norm: the sum of absolute values.

    Parameters
    ----------
    w : array_like
        Weights, any shape. Must be finite.

    Returns
    -------
    float

    Examples
    --------
    >>> l1([3, -4])
    7.0
    """
    return float(np.sum(np.abs(_weights(w))))


def l2(w: ArrayLike) -> float:
    """The Euclidean (L2) norm: the square root of the sum of squares.

    Computed with :func:`numpy.linalg.norm`, which avoids overflow for large entries.

    Parameters
    ----------
    w : array_like
        Weights, any shape. Must be finite.

    Returns
    -------
    float

    Examples
    --------
    >>> l2([3, -4])
    5.0
    """
    return float(np.linalg.norm(_weights(w).ravel()))


def l2_squared(w: ArrayLike) -> float:
    """The squared L2 norm, ``sum w_i**2``: the ridge (weight-decay) penalty.

    Parameters
    ----------
    w : array_like
        Weights, any shape. Must be finite.

    Returns
    -------
    float

    Examples
    --------
    >>> l2_squared([3, -4])
    25.0
    """
    arr = _weights(w)
    return float(np.sum(arr * arr))


def linf(w: ArrayLike) -> float:
    """The L-infinity (max) norm: the largest absolute value (0 for an empty vector).

    Parameters
    ----------
    w : array_like
        Weights, any shape. Must be finite.

    Returns
    -------
    float

    Examples
    --------
    >>> linf([3, -4, 1])
    4.0
    """
    arr = _weights(w)
    return float(np.max(np.abs(arr))) if arr.size else 0.0


def lp(w: ArrayLike, p: float) -> float:
    """The Lp size ``(sum |w_i|**p) ** (1/p)`` for any ``p > 0``, or ``p = inf``.

    For ``p >= 1`` this is a norm. For ``0 < p < 1`` it is only a *quasi-norm*:
    it is still homogeneous (``lp(c*w, p) == |c| * lp(w, p)``) but the triangle
    inequality fails, e.g. ``lp([1, 1], 0.5) = 4 > lp([1, 0], 0.5) + lp([0, 1], 0.5) = 2``.
    As ``p`` grows it tends to :func:`linf`.

    The largest magnitude is factored out before raising to the power ``p``, so
    large ``p`` neither overflows nor underflows. For very small ``p`` with more
    than one non-zero the true value can exceed the float range; then ``inf``
    is returned.

    Parameters
    ----------
    w : array_like
        Weights, any shape. Must be finite.
    p : float
        The exponent: any number > 0, or ``float("inf")`` for the max norm.

    Returns
    -------
    float

    See Also
    --------
    lp_sum : the penalty form without the outer power ``1/p``.

    Examples
    --------
    >>> lp([3, -4], 2)
    5.0
    >>> lp([1, 1], 0.5)
    4.0
    >>> lp([3, -4], float("inf"))
    4.0
    """
    arr = _weights(w)
    p = as_p(p, "p")
    mags = np.abs(arr).ravel()
    if mags.size == 0:
        return 0.0
    top = float(mags.max())
    if top == 0.0:
        return 0.0
    if math.isinf(p):
        return top
    if p == 1.0:
        return float(mags.sum())
    # top * (sum (|w_i|/top)^p)^(1/p); the inner sum lies in [1, n], so this is stable.
    inner = float(np.sum((mags / top) ** p))
    log_value = math.log(top) + math.log(inner) / p
    if log_value > math.log(np.finfo(float).max):
        return math.inf
    return float(top * inner ** (1.0 / p))


def lp_sum(w: ArrayLike, p: float) -> float:
    """The Lp penalty form ``sum |w_i|**p`` for a finite ``p > 0``.

    For ``p = 1`` it is the L1 norm, for ``p = 2`` the squared L2 norm. As
    ``p -> 0`` each non-zero term ``|w_i|**p`` tends to 1 and each zero stays
    0, so the sum tends to the count of non-zeros, :func:`l0`.

    Parameters
    ----------
    w : array_like
        Weights, any shape. Must be finite.
    p : float
        The exponent, a finite number > 0.

    Returns
    -------
    float

    Examples
    --------
    >>> lp_sum([3, -4], 2)
    25.0
    >>> round(lp_sum([0, 3, 0, -1], 1e-9), 6)
    2.0
    """
    arr = _weights(w)
    p = as_scalar(p, "p", low=0.0, low_open=True)
    return float(np.sum(np.abs(arr) ** p))


# --------------------------------------------------------------------------- slopes


def l1_subgradient(w: ArrayLike, at_zero: float | ArrayLike = 0.0) -> float | np.ndarray:
    """One subgradient of ``|w|`` per entry: ``sign(w_i)``, and ``at_zero`` where ``w_i == 0``.

    Away from 0 the slope of ``|w|`` is +1 or -1 whatever the weight's size. At 0
    there is no slope: every number in ``[-1, 1]`` is a subgradient (see
    :func:`l1_subdifferential`), and ``at_zero`` picks one.

    Parameters
    ----------
    w : array_like
        Weights, any shape. Must be finite.
    at_zero : float or array_like, default 0.0
        The value used where ``w == 0``; must lie in ``[-1, 1]`` (one number, or
        an array broadcastable to ``w``).

    Returns
    -------
    float or numpy.ndarray
        Shaped like ``w`` (a float when ``w`` is one number).

    Examples
    --------
    >>> l1_subgradient([2.0, 0.0, -0.1])
    array([ 1.,  0., -1.])
    >>> l1_subgradient([2.0, 0.0, -0.1], at_zero=-1)
    array([ 1., -1., -1.])
    """
    arr = _weights(w)
    if isinstance(at_zero, (numbers.Real, np.generic)) and not isinstance(at_zero, bool):
        z: float | np.ndarray = as_scalar(at_zero, "at_zero", low=-1.0, high=1.0)
    else:
        z = as_float_array(at_zero, "at_zero")
        if np.any(np.abs(z) > 1):
            raise ValueError(
                "at_zero must be in [-1, 1] in every entry (a subgradient of |w| at 0), "
                f"got entries from {z.min():g} to {z.max():g}"
            )
        try:
            np.broadcast_shapes(z.shape, arr.shape)
        except ValueError:
            raise ValueError(
                f"at_zero must be one number or an array that broadcasts against w "
                f"(shape {arr.shape}), got shape {z.shape}"
            ) from None
    return _out(np.where(arr == 0, z, np.sign(arr)))


def l1_subdifferential(w: ArrayLike) -> tuple[float | np.ndarray, float | np.ndarray]:
    """The set of subgradients of ``|w|``, per entry, as an interval ``[low, high]``.

    It is the single point ``{sign(w_i)}`` where ``w_i != 0`` (``low == high``)
    and the whole interval ``[-1, 1]`` where ``w_i == 0``. For a penalty
    ``lam * |w|`` multiply both ends by ``lam``.

    Parameters
    ----------
    w : array_like
        Weights, any shape. Must be finite.

    Returns
    -------
    low, high : float or numpy.ndarray
        The ends of the interval, each shaped like ``w``.

    Examples
    --------
    >>> low, high = l1_subdifferential([2.0, 0.0, -0.1])
    >>> low
    array([ 1., -1., -1.])
    >>> high
    array([ 1.,  1., -1.])
    """
    arr = _weights(w)
    low = np.where(arr > 0, 1.0, -1.0)
    high = np.where(arr < 0, -1.0, 1.0)
    return _out(low), _out(high)


def l2_squared_gradient(w: ArrayLike) -> float | np.ndarray:
    """The gradient of ``sum w_i**2``: ``2 * w``.

    Its size is proportional to the weight, so a gradient step removes a fixed
    *fraction* of the weight (notebook 02) rather than a fixed amount.

    Parameters
    ----------
    w : array_like
        Weights, any shape. Must be finite.

    Returns
    -------
    float or numpy.ndarray
        Shaped like ``w`` (a float when ``w`` is one number).

    Examples
    --------
    >>> l2_squared_gradient([1.5, -2.0])
    array([ 3., -4.])
    >>> l2_squared_gradient(0.25)
    0.5
    """
    return _out(2.0 * _weights(w))


# --------------------------------------------------------------------------- proximal steps


def soft_threshold(w: ArrayLike, t: float | ArrayLike) -> float | np.ndarray:
    """Soft-thresholding ``sign(w) * max(|w| - t, 0)``: the proximal step of ``t * |x|``.

    Entry by entry it returns the exact minimiser of
    ``0.5 * (x - w)**2 + t * |x|``: move each weight ``t`` towards 0, and if that
    would cross 0, stop at exactly 0. One L1 step of size 0.3 from ``w = 0.1``
    therefore gives 0, not -0.2.

    Parameters
    ----------
    w : array_like
        Weights, any shape. Must be finite.
    t : float or array_like
        The threshold (step size times L1 strength), >= 0; one number or an
        array broadcastable to ``w`` (one threshold per weight).

    Returns
    -------
    float or numpy.ndarray
        Broadcast shape of ``w`` and ``t`` (a float when both are numbers). Its
        magnitude never exceeds ``|w|``.

    Examples
    --------
    >>> soft_threshold(0.1, 0.3)
    0.0
    >>> soft_threshold([2.0, -0.5, 0.2], 0.3)
    array([ 1.7, -0.2,  0. ])
    """
    arr = _weights(w)
    thr = _nonnegative(t, "t", arr)
    return _out(np.sign(arr) * np.maximum(np.abs(arr) - thr, 0.0))


def l2_shrink(w: ArrayLike, t: float | ArrayLike) -> float | np.ndarray:
    """Shrink ``w / (1 + 2t)``: the proximal step of ``t * x**2``.

    Entry by entry it returns the exact minimiser of ``0.5 * (x - w)**2 + t * x**2``.
    It divides every weight by the same factor, so a non-zero weight never becomes 0.

    Parameters
    ----------
    w : array_like
        Weights, any shape. Must be finite.
    t : float or array_like
        The strength (step size times L2 strength), >= 0; one number or an
        array broadcastable to ``w``.

    Returns
    -------
    float or numpy.ndarray
        Broadcast shape of ``w`` and ``t`` (a float when both are numbers).

    Examples
    --------
    >>> l2_shrink([3.0, -1.5], 1.0)
    array([ 1. , -0.5])
    """
    arr = _weights(w)
    thr = _nonnegative(t, "t", arr)
    return _out(arr / (1.0 + 2.0 * thr))


def hard_threshold(w: ArrayLike, threshold: float | ArrayLike) -> float | np.ndarray:
    """Keep the entries with ``|w_i| > threshold``, set the others to 0.

    This is the proximal step of the L0 penalty: the minimiser of
    ``0.5 * (x - w)**2 + lam * [x != 0]`` is ``hard_threshold(w, sqrt(2 * lam))``
    (keeping ``x = w`` costs ``lam``, dropping it costs ``0.5 * w**2``; at
    ``|w| = sqrt(2 * lam)`` both are minimisers and this function returns 0).
    Unlike :func:`soft_threshold` the survivors are not shrunk.

    Parameters
    ----------
    w : array_like
        Weights, any shape. Must be finite.
    threshold : float or array_like
        Magnitudes at or below it become 0; >= 0, one number or an array
        broadcastable to ``w``.

    Returns
    -------
    float or numpy.ndarray
        Broadcast shape of ``w`` and ``threshold`` (a float when both are numbers).

    Examples
    --------
    >>> hard_threshold([2.0, -0.5, 0.2], 0.3)
    array([ 2. , -0.5,  0. ])
    >>> lam = 0.5  # prox of lam * L0: threshold sqrt(2 * lam) = 1
    >>> hard_threshold([1.5, 0.9], (2 * lam) ** 0.5)
    array([1.5, 0. ])
    """
    arr = _weights(w)
    thr = _nonnegative(threshold, "threshold", arr)
    return _out(np.where(np.abs(arr) > thr, arr, 0.0))
