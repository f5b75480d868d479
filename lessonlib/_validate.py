"""Input checks shared by every public function.

Each raises ``ValueError`` or ``TypeError`` with a sentence a learner
understands: which parameter, what was given, what is allowed.
"""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import ArrayLike


def as_float_array(
    value: object, name: str, *, ndim: int | None = None, allow_empty: bool = False
) -> np.ndarray:
    """Return ``value`` as a finite float64 array, or raise a clear error.

    Examples
    --------
    >>> as_float_array([1, 2], "w")
    array([1., 2.])
    """
    arr = real_array(value, name)
    if ndim is not None and arr.ndim != ndim:
        shape = {0: "a single number", 1: "a 1-D vector", 2: "a 2-D matrix"}.get(ndim, f"{ndim}-D")
        raise ValueError(f"{name} must be {shape}, got an array of shape {arr.shape}")
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty")
    if not np.all(np.isfinite(arr)):
        bad = "NaN" if np.any(np.isnan(arr)) else "inf"
        raise ValueError(f"{name} contains {bad}; every entry must be a finite number")
    return arr


def as_xy(X: ArrayLike, y: ArrayLike, names: tuple[str, str] = ("X", "y")
          ) -> tuple[np.ndarray, np.ndarray]:
    """A data set checked once for every function: ``X`` a finite 2-D float array, ``y`` a
    finite 1-D float array with one entry per row of ``X``.

    The one check of this kind in lessonlib; ``names`` says what the learner called them
    (``("A", "b")`` for a linear system).

    Examples
    --------
    >>> X, y = as_xy([[1, 2], [3, 4]], [0, 1])
    >>> X.shape, y.dtype
    ((2, 2), dtype('float64'))
    >>> as_xy([[1, 2], [3, 4]], [0, 1, 2])
    Traceback (most recent call last):
    ...
    ValueError: y must have one entry per row of X: X has 2 rows, y has 3 entries ...
    """
    x_name, y_name = names
    Xa = as_float_array(X, x_name, ndim=2)
    ya = as_float_array(y, y_name, ndim=1)
    if Xa.shape[0] != ya.shape[0]:
        raise ValueError(
            f"{y_name} must have one entry per row of {x_name}: {x_name} has {Xa.shape[0]} "
            f"rows, {y_name} has {ya.shape[0]} entries ({x_name} and {y_name} must have the "
            "same number of examples)")
    return Xa, ya


def real_array(value: object, name: str) -> np.ndarray:
    """Return ``value`` as a float64 array of real numbers (NaN and inf allowed), or raise.

    Text, None, complex numbers, masked arrays and numbers beyond float64's range are each
    refused with a sentence naming ``name``; the caller checks shape and finiteness.

    Examples
    --------
    >>> real_array([1, float("nan")], "lat")
    array([ 1., nan])
    >>> real_array([1 + 2j], "lat")
    Traceback (most recent call last):
    ...
    TypeError: lat must be real numbers, got complex values
    """
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be numbers (a list or NumPy array), got {value!r}")
    if isinstance(value, np.ma.MaskedArray):
        raise TypeError(f"{name} must be a plain array, not a masked array (numpy.ma): fill "
                        "or drop the masked entries first (`.filled(...)`, `.compressed()`)")
    if np.iscomplexobj(value) or (isinstance(value, (list, tuple)) and any(
            isinstance(v, (complex, np.complexfloating)) for v in value)):
        raise TypeError(f"{name} must be real numbers, got complex values")
    try:
        arr = np.asarray(value, dtype=float)
    except OverflowError:
        raise ValueError(f"{name} holds a number too large for a float (above about "
                         "1.8e308)") from None
    except (TypeError, ValueError):
        raise TypeError(
            f"{name} must be numbers (a list or NumPy array), got {type(value).__name__}"
        ) from None
    return arr


def as_scalar(
    value: object,
    name: str,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
    allow_inf: bool = False,
) -> float:
    """Return ``value`` as a float inside the stated range, or raise a clear error.

    Examples
    --------
    >>> as_scalar(0.5, "lam", low=0)
    0.5
    """
    if isinstance(value, (complex, np.complexfloating)):
        raise TypeError(f"{name} must be a real number, got the complex number {value!r}")
    if isinstance(value, (bool, np.bool_)) or not isinstance(
            value, (numbers.Real, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number, got {value!r}")
    try:
        x = float(value)  # type: ignore[arg-type]
    except OverflowError:
        raise ValueError(f"{name} is too large for a float (above about 1.8e308)") from None
    if np.isnan(x) or (np.isinf(x) and not allow_inf):
        raise ValueError(f"{name} must be a finite number, got {x}")
    lo_bad = low is not None and (x <= low if low_open else x < low)
    hi_bad = high is not None and (x >= high if high_open else x > high)
    if lo_bad or hi_bad:
        left = "(" if low_open else "["
        right = ")" if high_open else "]"
        lo = "-inf" if low is None else f"{low:g}"
        hi = "inf" if high is None else f"{high:g}"
        raise ValueError(f"{name} must be in {left}{lo}, {hi}{right}, got {x:g}")
    return x


def as_int(value: object, name: str, *, low: int | None = None, high: int | None = None) -> int:
    """Return ``value`` as an int inside ``[low, high]``, or raise a clear error.

    Examples
    --------
    >>> as_int(3, "d", low=1)
    3
    """
    if isinstance(value, bool) or not isinstance(value, (numbers.Integral, np.integer)):
        raise TypeError(f"{name} must be a whole number, got {value!r}")
    n = int(value)  # type: ignore[arg-type]
    if (low is not None and n < low) or (high is not None and n > high):
        lo = "-inf" if low is None else str(low)
        hi = "inf" if high is None else str(high)
        raise ValueError(f"{name} must be a whole number in [{lo}, {hi}], got {n}")
    return n


def as_p(value: object, name: str = "p") -> float:
    """Return the exponent of an Lp (quasi-)norm: any p > 0, or ``inf``.

    Examples
    --------
    >>> as_p(float("inf"))
    inf
    """
    p = as_scalar(value, name, low=0, low_open=True, allow_inf=True)
    return p
