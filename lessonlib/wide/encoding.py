"""Houses as the wide model's input: three active coordinates per house in one index space.

Each example is a house at (latitude, longitude). Three one-hot features fire for it:
its latitude bucket, its longitude bucket and their crossed cell. They live in one index
space, laid out as::

    [0, n_lat)                                    latitude buckets
    [n_lat, n_lat + n_lon)                        longitude buckets
    [n_lat + n_lon, n_lat + n_lon + n_lat*n_lon)  crossed cells

plus a bias that is kept apart (it is never penalised). At minute resolution the space
has 233,312,400 coordinates; :class:`WideData` holds only each house's three indices.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array, as_int, as_scalar, real_array
from lessonlib.wide.crosses import cross, lat_lon_buckets

__all__ = [
    "WideData",
    "encode",
    "feature_indices",
    "fingerprint",
    "index_space_size",
]






# --------------------------------------------------------------------------- features


def index_space_size(n_lat: int, n_lon: int) -> int:
    """Number of coordinates of the model: both bucketized features plus their cross.

    Parameters
    ----------
    n_lat, n_lon : int
        Number of latitude and longitude buckets (each at least 1).

    Returns
    -------
    int
        ``n_lat + n_lon + n_lat * n_lon`` (the bias is kept apart).

    Examples
    --------
    >>> index_space_size(10_800, 21_600)
    233312400
    """
    n_lat = as_int(n_lat, "n_lat", low=1)
    n_lon = as_int(n_lon, "n_lon", low=1)
    return n_lat + n_lon + n_lat * n_lon


def feature_indices(lat_idx: ArrayLike, lon_idx: ArrayLike, n_lat: int, n_lon: int) -> np.ndarray:
    """The three active coordinates of each example, as an ``(n, 3)`` int64 array.

    Column 0 is the latitude bucket, column 1 the longitude bucket (offset by ``n_lat``),
    column 2 the crossed cell ``lat_idx * n_lon + lon_idx`` (offset by ``n_lat + n_lon``).

    Parameters
    ----------
    lat_idx, lon_idx : array_like of int
        Bucket numbers, ``0 <= lat_idx < n_lat`` and ``0 <= lon_idx < n_lon``.
    n_lat, n_lon : int
        Number of buckets of each feature.

    Returns
    -------
    numpy.ndarray of int64, shape (n, 3)

    Examples
    --------
    >>> feature_indices([0, 1], [2, 0], n_lat=2, n_lon=3).tolist()
    [[0, 4, 7], [1, 2, 8]]
    """
    n_lat = as_int(n_lat, "n_lat", low=1)
    n_lon = as_int(n_lon, "n_lon", low=1)
    i = _as_index_array(lat_idx, "lat_idx", n_lat)
    j = _as_index_array(lon_idx, "lon_idx", n_lon)
    if i.shape != j.shape:
        raise ValueError(
            f"lat_idx and lon_idx must have the same length, got {i.size} and {j.size}"
        )
    out = np.empty((i.size, 3), dtype=np.int64)
    out[:, 0] = i
    out[:, 1] = n_lat + j
    out[:, 2] = n_lat + n_lon + cross(i, j, n_lon)
    return out


def _as_index_array(value: object, name: str, n: int) -> np.ndarray:
    arr = np.asarray(value)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of bucket numbers, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty")
    if not np.issubdtype(arr.dtype, np.integer):
        raise TypeError(f"{name} must hold whole numbers (bucket numbers), got dtype {arr.dtype}")
    arr = arr.astype(np.int64, copy=False)
    bad = (arr < 0) | (arr >= n)
    if bad.any():
        raise ValueError(
            f"{name} must be in [0, {n - 1}]; {int(bad.sum())} entries are not "
            f"(the first is {int(arr[bad][0])})"
        )
    return arr


@dataclass(frozen=True)
class WideData:
    """Examples ready for the wide model.

    Attributes
    ----------
    indices : numpy.ndarray of int64, shape (n, 3)
        Active coordinates of each example (see :func:`feature_indices`).
    y : numpy.ndarray of float64, shape (n,)
        Labels, 0.0 or 1.0.
    n_lat, n_lon : int
        Number of latitude and longitude buckets.
    minutes : float
        Bucket size in minutes of arc (``nan`` when built from raw indices).
    n_dropped : int
        Rows removed because their latitude or longitude was NaN (counted, see :func:`encode`).
    """

    indices: np.ndarray
    y: np.ndarray
    n_lat: int
    n_lon: int
    minutes: float = float("nan")
    n_dropped: int = 0

    @classmethod
    def from_buckets(
        cls, lat_idx: ArrayLike, lon_idx: ArrayLike, n_lat: int, n_lon: int, y: ArrayLike
    ) -> WideData:
        """Build from bucket numbers and labels (no geography needed).

        Examples
        --------
        >>> d = WideData.from_buckets([0, 1], [1, 1], 2, 2, [True, False])
        >>> len(d), d.dimension
        (2, 8)
        """
        idx = feature_indices(lat_idx, lon_idx, n_lat, n_lon)
        return cls(idx, _as_labels(y, idx.shape[0]), int(n_lat), int(n_lon))

    @property
    def dimension(self) -> int:
        """Size of the index space (without the bias)."""
        return index_space_size(self.n_lat, self.n_lon)

    def __len__(self) -> int:
        return int(self.indices.shape[0])

    def take(self, rows: np.ndarray) -> WideData:
        """The examples at ``rows`` (an index or boolean array), same layout."""
        return WideData(self.indices[rows], self.y[rows], self.n_lat, self.n_lon,
                        self.minutes, 0)

    def split(self, validation: float = 0.2, seed: int = 0) -> tuple[WideData, WideData]:
        """Shuffle and split into (training, validation).

        Parameters
        ----------
        validation : float
            Share of the examples held out, in (0, 1).
        seed : int
            Seed of the shuffle.

        Examples
        --------
        >>> d = WideData.from_buckets([0, 1, 0, 1, 0], [0, 0, 1, 1, 0], 2, 2, [1, 0, 1, 0, 1])
        >>> [len(part) for part in d.split(0.4)]
        [3, 2]
        """
        frac = as_scalar(validation, "validation", low=0, high=1, low_open=True, high_open=True)
        seed = as_int(seed, "seed", low=0)
        n = len(self)
        n_val = int(round(frac * n))
        if n_val == 0 or n_val == n:
            raise ValueError(
                f"validation={frac:g} of {n} examples leaves an empty part; "
                "use more examples or another share"
            )
        order = np.random.default_rng(seed).permutation(n)
        return self.take(order[n_val:]), self.take(order[:n_val])


def _mix64(h: np.ndarray) -> np.ndarray:
    # splitmix64's finaliser: every input bit changes about half of the output bits.
    h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def _check_data(data: object, name: str) -> None:
    if not isinstance(data, WideData):
        raise TypeError(
            f"{name} must be a WideData (made by encode(...) or WideData.from_buckets(...)), "
            f"got {type(data).__name__}"
        )
    if len(data) == 0:
        raise ValueError(f"{name} has no examples")


def fingerprint(data: WideData) -> str:
    """A short text that identifies the examples of ``data``, whatever their order.

    Each example (its three coordinates and its label) is hashed, and the hashes are added
    up modulo 2**64, so a shuffled copy has the same fingerprint and the union of two
    disjoint sets has the sum of theirs. :func:`train_ftrl` records the fingerprint of its
    training data in ``model.extra["data_fingerprint"]``; the exercise checks compare it.

    Examples
    --------
    >>> d = WideData.from_buckets([0, 1, 1], [1, 0, 1], 2, 2, [1, 0, 1])
    >>> fingerprint(d) == fingerprint(d.take(np.array([2, 0, 1])))
    True
    >>> fingerprint(d).split(":")[0]  # the number of examples comes first
    '3'
    """
    _check_data(data, "data")
    with np.errstate(over="ignore"):  # uint64 arithmetic wraps on purpose
        # One 64-bit key per example (odd multipliers keep the columns apart), then one mix:
        # about 20 ms per million examples, next to seconds of training.
        idx = data.indices.astype(np.int64, copy=False).view(np.uint64)
        key = data.y.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        for j, mult in enumerate((0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93)):
            key += idx[:, j] * np.uint64(mult)
        total = int(np.sum(_mix64(key), dtype=np.uint64))
    return f"{len(data)}:{data.n_lat}x{data.n_lon}:{total:016x}"


def _as_labels(y: ArrayLike, n: int) -> np.ndarray:
    arr = as_float_array(y, "y", ndim=1)
    if arr.size != n:
        raise ValueError(f"y must have one label per example: {n} examples, {arr.size} labels")
    if not np.all((arr == 0) | (arr == 1)):
        raise ValueError("y must hold only 0/1 (or False/True) labels")
    return arr


def encode(
    lat: ArrayLike,
    lon: ArrayLike,
    y: ArrayLike,
    *,
    minutes: float = 1.0,
    nan_policy: str = "raise",
) -> WideData:
    """Bucketize latitude and longitude, cross them, and pair them with labels.

    Parameters
    ----------
    lat, lon : array_like of float
        Degrees; latitude in [-90, 90], longitude in [-180, 180].
    y : array_like of bool or 0/1
        The label of each example (e.g. ``houses.expensive``).
    minutes : float, default 1.0
        Bucket size in minutes of arc. It must divide the 10,800 minutes from pole to
        pole (and so the 21,600 around the equator) a whole number of times.
    nan_policy : {"raise", "drop"}
        What to do with rows whose latitude or longitude is NaN: raise a ``ValueError``
        saying how many there are, or drop them and count them in ``n_dropped``.

    Returns
    -------
    WideData

    Examples
    --------
    >>> d = encode([51.5, -33.9], [-0.1, 151.2], [True, False])
    >>> d.n_lat, d.n_lon, len(d)
    (10800, 21600, 2)
    """
    minutes = as_scalar(minutes, "minutes", low=0, low_open=True)
    if nan_policy not in ("raise", "drop"):
        raise ValueError(f"nan_policy must be 'raise' or 'drop', got {nan_policy!r}")
    lat_a = real_array(lat, "lat")  # NaN allowed here: nan_policy decides
    lon_a = real_array(lon, "lon")
    y_a = real_array(y, "y")
    for name, arr in (("lat", lat_a), ("lon", lon_a), ("y", y_a)):
        if arr.ndim != 1:
            raise ValueError(f"{name} must be a 1-D array, got shape {arr.shape}")
    if not (lat_a.size == lon_a.size == y_a.size):
        raise ValueError(
            f"lat, lon and y must have the same length, got {lat_a.size}, {lon_a.size}, "
            f"{y_a.size}"
        )
    if lat_a.size == 0:
        raise ValueError("lat, lon and y are empty: the model needs at least one example")
    nan_rows = np.isnan(lat_a) | np.isnan(lon_a)
    n_nan = int(nan_rows.sum())
    if n_nan and nan_policy == "raise":
        raise ValueError(
            f"{n_nan} of {lat_a.size} rows have a NaN latitude or longitude; clean them, or "
            "pass nan_policy='drop' to drop them (they are counted in n_dropped)"
        )
    if n_nan:
        keep = ~nan_rows
        lat_a, lon_a, y_a = lat_a[keep], lon_a[keep], y_a[keep]
        if lat_a.size == 0:
            raise ValueError("every row has a NaN latitude or longitude: nothing is left")
    labels = _as_labels(y_a, lat_a.size)
    # lat_lon_buckets checks the ranges and that the bucket size divides the circle
    lat_idx, lon_idx, n_lat, n_lon = lat_lon_buckets(lat_a, lon_a, minutes=minutes)
    idx = feature_indices(np.asarray(lat_idx), np.asarray(lon_idx), int(n_lat), int(n_lon))
    return WideData(idx, labels, int(n_lat), int(n_lon), float(minutes), n_nan)
