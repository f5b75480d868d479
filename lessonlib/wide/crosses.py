"""Bucketized and crossed features: a number becomes one of ``n`` buckets, two of them a cell.

A *bucketized* feature turns a number into one of ``n`` buckets, i.e. a one-hot
vector with a single 1. Two bucketized features *crossed* give one bucket per
pair, ``n_i * n_j`` of them: latitude and longitude bucketed by minute of arc
make 10,800 x 21,600 = 233,280,000 crossed cells. We never build that space;
an example is described by the *index* of its one active cell, computed by
:func:`cross`. :func:`populated_cells` measures how many crossed cells ever see
an example.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array, as_int, as_scalar, real_array

__all__ = [
    "PopulatedCells",
    "bucketize",
    "cross",
    "cross_dimension",
    "lat_lon_buckets",
    "n_buckets",
    "populated_cells",
    "uncross",
]



_INT64_MAX = int(np.iinfo(np.int64).max)


def _ratio(low: float, high: float, size: float, name: str = "size") -> Fraction:
    # Exact arithmetic on the decimal values so that 180 / (1/60) is exactly 10800.
    def frac(x: float) -> Fraction:
        return Fraction(repr(x)).limit_denominator(10**9)

    if frac(size) == 0:  # below 5e-10 the nearest fraction with a 10**9 denominator is 0
        raise ValueError(f"{name} must be at least 1e-9 (a bucket narrower than that cannot "
                         f"be told apart from 0 here), got {size:g}")
    return (frac(high) - frac(low)) / frac(size)


def n_buckets(low: float, high: float, size: float) -> int:
    """Number of buckets of width ``size`` covering ``[low, high]``.

    ``size`` must divide the range exactly, so every bucket has the same width.

    Parameters
    ----------
    low, high : float
        The range, ``low < high``.
    size : float
        Bucket width, > 0, dividing ``high - low`` a whole number of times.

    Returns
    -------
    int

    Examples
    --------
    >>> n_buckets(-90, 90, 1 / 60)
    10800
    >>> n_buckets(0, 180, 7)
    Traceback (most recent call last):
    ...
    ValueError: size 7 does not divide the range [0, 180] (length 180): 180 / 7 = 25.71 buckets
    """
    low = as_scalar(low, "low")
    high = as_scalar(high, "high")
    size = as_scalar(size, "size", low=0, low_open=True)
    if not high > low:
        raise ValueError(f"high must be larger than low, got low={low:g}, high={high:g}")
    ratio = _ratio(low, high, size)
    if ratio.denominator != 1:
        raise ValueError(
            f"size {size:g} does not divide the range [{low:g}, {high:g}] "
            f"(length {high - low:g}): {high - low:g} / {size:g} = {float(ratio):.4g} buckets"
        )
    return int(ratio)


def bucketize(values: ArrayLike, low: float, high: float, size: float) -> np.ndarray:
    """Bucket index of each value: ``floor((v - low) / size)``, the top edge in the last bucket.

    Parameters
    ----------
    values : array_like of float
        Finite numbers in ``[low, high]``.
    low, high, size : float
        The range and the bucket width (see :func:`n_buckets`).

    Returns
    -------
    ndarray of int64
        Indices in ``0 .. n_buckets(low, high, size) - 1``, same shape as ``values``.

    Examples
    --------
    >>> bucketize([-90, -89.99, 0.0, 90], -90, 90, 10)
    array([ 0,  0,  9, 17])
    """
    n = n_buckets(low, high, size)
    v = as_float_array(values, "values", allow_empty=True)
    low, high = float(low), float(high)
    outside = (v < low) | (v > high)
    if np.any(outside):
        raise ValueError(
            f"values must lie in [{low:g}, {high:g}]; {int(np.count_nonzero(outside)):,} "
            f"of {v.size:,} do not (e.g. {float(v[outside].flat[0]):g})"
        )
    # scale by n / range rather than dividing by size: 1/60 is not exact in binary
    idx = np.floor((v - low) * (n / (high - low))).astype(np.int64)
    np.clip(idx, 0, n - 1, out=idx)
    return idx


def _minutes(minutes: object) -> tuple[float, int, int]:
    m = as_scalar(minutes, "minutes", low=0, low_open=True)
    for span, name in ((180, "latitude"), (360, "longitude")):
        ratio = _ratio(0, span * 60, m, "minutes")
        if ratio.denominator != 1:
            raise ValueError(
                f"minutes: a bucket of {m:g} arcminutes does not divide {span} degrees "
                f"({span * 60:,} arcminutes) of {name}; use a divisor such as 60 (a degree), "
                "10, 1 or 1/60 (a second)"
            )
    return m, int(_ratio(0, 180 * 60, m)), int(_ratio(0, 360 * 60, m))


def _degrees(value: object, name: str, bound: float) -> np.ndarray:
    """Coordinates as float64, or an error naming the parameter and counting the bad rows."""
    arr = real_array(value, name)  # NaN passes here and is counted below
    bad = ~(np.abs(arr) <= bound)  # NaN compares False, so it counts as bad
    if np.any(bad):
        n_nan = int(np.isnan(arr).sum())
        example = float(arr[bad].flat[0])
        what = f"{n_nan:,} NaN, " if n_nan else ""
        raise ValueError(
            f"{name} must be in [-{bound:g}, {bound:g}] degrees; {int(bad.sum()):,} of "
            f"{arr.size:,} rows are not ({what}e.g. {example:g})"
        )
    return arr


def lat_lon_buckets(
    lat: ArrayLike, lon: ArrayLike, minutes: float = 1.0
) -> tuple[np.ndarray, np.ndarray, int, int]:
    """Bucket latitude and longitude by ``minutes`` of arc.

    Parameters
    ----------
    lat : array_like of float
        Latitudes in degrees, in [-90, 90].
    lon : array_like of float
        Longitudes in degrees, in [-180, 180], same shape as ``lat``.
    minutes : float, default 1.0
        Bucket size in arcminutes: 60 is a degree, 1/60 a second. Must divide
        180 degrees (and so 360).

    Returns
    -------
    lat_idx, lon_idx : ndarray of int64
    n_lat, n_lon : int
        Number of latitude and longitude buckets.

    Examples
    --------
    >>> lat_idx, lon_idx, n_lat, n_lon = lat_lon_buckets([48.8566], [2.3522])
    >>> n_lat, n_lon, int(lat_idx[0]), int(lon_idx[0])
    (10800, 21600, 8331, 10941)
    """
    m, n_lat, n_lon = _minutes(minutes)
    la, lo = _degrees(lat, "lat", 90.0), _degrees(lon, "lon", 180.0)
    if la.shape != lo.shape:
        raise ValueError(f"lat and lon must have the same shape, got {la.shape} and {lo.shape}")
    return bucketize(la, -90, 90, m / 60), bucketize(lo, -180, 180, m / 60), n_lat, n_lon


def _indices(value: object, name: str) -> np.ndarray:
    arr = np.asarray(value)
    if arr.dtype == bool or not (np.issubdtype(arr.dtype, np.integer) or arr.size == 0):
        raise TypeError(f"{name} must be whole-number indices, got dtype {arr.dtype}")
    arr = arr.astype(np.int64)
    if np.any(arr < 0):
        raise ValueError(f"{name} must be non-negative indices; {int((arr < 0).sum()):,} are not")
    return arr


def cross(i: ArrayLike, j: ArrayLike, n_j: int) -> np.ndarray:
    """Index of the crossed cell ``(i, j)``: ``i * n_j + j``, without building the space.

    Parameters
    ----------
    i, j : array_like of int
        Bucket indices of the two features (broadcastable), ``0 <= j < n_j``.
    n_j : int
        Number of buckets of the second feature.

    Returns
    -------
    ndarray of int64

    Examples
    --------
    >>> cross([0, 1, 2], [5, 0, 3], 10)
    array([ 5, 10, 23])
    """
    n_j = as_int(n_j, "n_j", low=1)
    a, b = _indices(i, "i"), _indices(j, "j")
    if np.any(b >= n_j):
        raise ValueError(f"j must be < n_j = {n_j:,}; {int((b >= n_j).sum()):,} are not")
    if a.size and int(a.max()) > (_INT64_MAX - (n_j - 1)) // n_j:
        raise ValueError(f"i is too large: i * {n_j:,} + j would overflow int64")
    return a * np.int64(n_j) + b


def uncross(k: ArrayLike, n_j: int) -> tuple[np.ndarray, np.ndarray]:
    """Inverse of :func:`cross`: ``(k // n_j, k % n_j)``.

    Examples
    --------
    >>> uncross([5, 10, 23], 10)
    (array([0, 1, 2]), array([5, 0, 3]))
    """
    n_j = as_int(n_j, "n_j", low=1)
    kk = _indices(k, "k")
    return kk // n_j, kk % n_j


def cross_dimension(n_i: int, n_j: int) -> int:
    """Number of cells in the cross of features with ``n_i`` and ``n_j`` buckets (a Python int).

    Examples
    --------
    >>> cross_dimension(10_800, 21_600)
    233280000
    >>> cross_dimension(10**12, 10**12)  # Python ints never overflow
    1000000000000000000000000
    """
    return as_int(n_i, "n_i", low=1) * as_int(n_j, "n_j", low=1)


@dataclass(frozen=True, eq=False)
class PopulatedCells:
    """How many cells of a (crossed) feature space the examples fall into.

    Attributes
    ----------
    n_examples : int
        Number of examples.
    n_cells : int
        Number of distinct cells with at least one example.
    histogram : ndarray of int64
        ``histogram[k]`` is the number of cells holding exactly ``k`` examples
        (``histogram[0]`` is 0: empty cells are not counted here).
    """

    n_examples: int
    n_cells: int
    histogram: np.ndarray

    def cells_with(self, low: int, high: int | None = None) -> int:
        """Number of populated cells holding between ``low`` and ``high`` examples (inclusive).

        Examples
        --------
        >>> populated_cells([7, 7, 3, 9]).cells_with(1, 2)
        3
        """
        low = as_int(low, "low", low=1)
        high = len(self.histogram) - 1 if high is None else as_int(high, "high", low=low)
        return int(self.histogram[low : high + 1].sum())

    def share_with(self, low: int, high: int | None = None) -> float:
        """Fraction of populated cells holding between ``low`` and ``high`` examples."""
        return self.cells_with(low, high) / self.n_cells if self.n_cells else 0.0


def populated_cells(indices: ArrayLike) -> PopulatedCells:
    """Count the distinct cells that examples fall into, and how full each is.

    Parameters
    ----------
    indices : array_like of int
        One cell index per example (e.g. from :func:`cross`).

    Returns
    -------
    PopulatedCells

    Examples
    --------
    >>> pc = populated_cells([4, 4, 4, 8, 15])
    >>> pc.n_cells, pc.histogram.tolist()
    (3, [0, 2, 0, 1])
    """
    idx = _indices(indices, "indices").ravel()
    if idx.size == 0:
        return PopulatedCells(0, 0, np.zeros(1, dtype=np.int64))
    counts = np.unique(idx, return_counts=True)[1]
    return PopulatedCells(int(idx.size), int(counts.size), np.bincount(counts).astype(np.int64))
