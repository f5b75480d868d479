"""A sparse logistic-regression model over crossed one-hot features, trained with FTRL-Proximal.

Each example is a house at (latitude, longitude). Three one-hot features fire for it:
its latitude bucket, its longitude bucket and their crossed cell. They live in one index
space, laid out as::

    [0, n_lat)                                    latitude buckets
    [n_lat, n_lat + n_lon)                        longitude buckets
    [n_lat + n_lon, n_lat + n_lon + n_lat*n_lon)  crossed cells

plus a bias that is kept apart (it is never penalised). At minute resolution the space
has 233,312,400 coordinates; the model never allocates a vector that long. Training keeps
state only for the coordinates the training data *touches* (a sorted array of their
indices and compact arrays of FTRL state), and the trained model keeps only its
non-zero weights: a sorted index array and a float32 value array. A weight that is
exactly 0 is neither stored nor read.

The optimiser is FTRL-Proximal (McMahan et al., "Ad click prediction: a view from the
trenches", KDD 2013): per-coordinate learning rates, and the closed form
``w = 0 whenever |z| <= l1``. It is vectorised over mini-batches with ``np.unique`` and
``np.bincount``. Coordinates that a mini-batch does not touch get a zero gradient, which
leaves their FTRL state unchanged, so updating only the touched coordinates ("lazily") is
exactly the same as updating all of them ("eagerly"); the unit tests check this against a
dense reference.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from lessonlib import wide
from lessonlib._validate import as_float_array, as_int, as_scalar, real_array

__all__ = [
    "Evaluation",
    "TrainResult",
    "WideData",
    "WideModel",
    "encode",
    "evaluate",
    "feature_indices",
    "fingerprint",
    "ftrl_weights",
    "index_space_size",
    "log_loss",
    "pass_curve",
    "sweep",
    "sweep_table",
    "train_ftrl",
]

_INT32_MAX = int(np.iinfo(np.int32).max)


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


def feature_indices(lat_idx: object, lon_idx: object, n_lat: int, n_lon: int) -> np.ndarray:
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
    out[:, 2] = n_lat + n_lon + wide.cross(i, j, n_lon)
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
        cls, lat_idx: object, lon_idx: object, n_lat: int, n_lon: int, y: object
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


def _as_labels(y: object, n: int) -> np.ndarray:
    arr = as_float_array(y, "y", ndim=1)
    if arr.size != n:
        raise ValueError(f"y must have one label per example: {n} examples, {arr.size} labels")
    if not np.all((arr == 0) | (arr == 1)):
        raise ValueError("y must hold only 0/1 (or False/True) labels")
    return arr


def encode(
    lat: object,
    lon: object,
    y: object,
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
    lat_idx, lon_idx, n_lat, n_lon = wide.lat_lon_buckets(lat_a, lon_a, minutes=minutes)
    idx = feature_indices(np.asarray(lat_idx), np.asarray(lon_idx), int(n_lat), int(n_lon))
    return WideData(idx, labels, int(n_lat), int(n_lon), float(minutes), n_nan)


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class WideModel:
    """A trained sparse linear model: only its non-zero weights are kept.

    Attributes
    ----------
    indices : numpy.ndarray, sorted, int32 (int64 if the index space needs it)
        Coordinates whose weight is not zero.
    values : numpy.ndarray of float32
        Their weights, ``values[k]`` belongs to ``indices[k]``; no entry is 0.
    bias : numpy.ndarray of float64, shape (1,)
        The intercept.
    n_lat, n_lon : int
        Layout of the index space (see :func:`feature_indices`).
    l1, l2 : float
        The penalties it was trained with.
    n_touched : int
        Coordinates the training data touched (an L2 model keeps them all).

    Examples
    --------
    >>> m = WideModel(np.array([3], np.int32), np.array([0.5], np.float32),
    ...               np.zeros(1), n_lat=2, n_lon=2)
    >>> m.nnz, m.nbytes
    (1, 16)
    """

    indices: np.ndarray
    values: np.ndarray
    bias: np.ndarray
    n_lat: int
    n_lon: int
    l1: float = 0.0
    l2: float = 0.0
    n_touched: int = 0
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def nnz(self) -> int:
        """Number of non-zero weights (the bias not included)."""
        return int(self.values.size)

    @property
    def nbytes(self) -> int:
        """Bytes the model actually stores: the index, value and bias arrays."""
        return int(self.indices.nbytes + self.values.nbytes + self.bias.nbytes)

    @property
    def dimension(self) -> int:
        """Size of the index space the weights live in (without the bias)."""
        return index_space_size(self.n_lat, self.n_lon)

    def nonzeros_by_feature(self) -> dict[str, int]:
        """Non-zero weights per feature: latitude buckets, longitude buckets, crossed cells.

        Examples
        --------
        >>> m = WideModel(np.array([0, 1, 3, 9], np.int32), np.ones(4, np.float32),
        ...               np.zeros(1), n_lat=2, n_lon=2)
        >>> m.nonzeros_by_feature()
        {'lat': 2, 'lon': 1, 'cross': 1}
        """
        lat = int(np.searchsorted(self.indices, self.n_lat))
        lat_lon = int(np.searchsorted(self.indices, self.n_lat + self.n_lon))
        return {"lat": lat, "lon": lat_lon - lat, "cross": self.nnz - lat_lon}

    def weights_at(self, idx: object) -> np.ndarray:
        """The weight of each coordinate in ``idx``: its stored value, or 0 if not stored.

        Examples
        --------
        >>> m = WideModel(np.array([3], np.int32), np.array([0.5], np.float32),
        ...               np.zeros(1), n_lat=2, n_lon=2)
        >>> m.weights_at([3, 4]).tolist()
        [0.5, 0.0]
        """
        q = np.asarray(idx)
        if not np.issubdtype(q.dtype, np.integer):
            raise TypeError(f"idx must hold whole-number coordinates, got dtype {q.dtype}")
        q = q.astype(np.int64, copy=False)
        if self.indices.size == 0:
            return np.zeros(q.shape, dtype=np.float64)
        pos = np.searchsorted(self.indices, q)
        pos_c = np.minimum(pos, self.indices.size - 1)
        found = self.indices[pos_c] == q
        return np.where(found, self.values[pos_c].astype(np.float64), 0.0)

    def decision_function(self, data: WideData) -> np.ndarray:
        """Score (log-odds) of each example: the bias plus its three weights."""
        _check_data(data, "data")
        self._check_layout(data)
        return self.weights_at(data.indices).sum(axis=1) + float(self.bias[0])

    def predict_proba(self, data: WideData) -> np.ndarray:
        """Probability of the positive label for each example.

        Examples
        --------
        >>> m = WideModel(np.array([], np.int32), np.array([], np.float32),
        ...               np.zeros(1), n_lat=2, n_lon=2)
        >>> d = WideData.from_buckets([0], [1], 2, 2, [1])
        >>> m.predict_proba(d).tolist()
        [0.5]
        """
        return _sigmoid(self.decision_function(data))

    def _check_layout(self, data: WideData) -> None:
        if (data.n_lat, data.n_lon) != (self.n_lat, self.n_lon):
            raise ValueError(
                f"data has {data.n_lat} x {data.n_lon} buckets but the model was trained on "
                f"{self.n_lat} x {self.n_lon}: encode both with the same bucket size"
            )

    def __repr__(self) -> str:
        return (f"WideModel(l1={self.l1:g}, l2={self.l2:g}, nnz={self.nnz:,}, "
                f"nbytes={self.nbytes:,}, dimension={self.dimension:,})")


def _check_data(data: object, name: str) -> None:
    if not isinstance(data, WideData):
        raise TypeError(
            f"{name} must be a WideData (made by encode(...) or WideData.from_buckets(...)), "
            f"got {type(data).__name__}"
        )
    if len(data) == 0:
        raise ValueError(f"{name} has no examples")


def _sigmoid(s: np.ndarray) -> np.ndarray:
    # exp of a large positive number overflows; exp(-|s|) never does. Same digits as
    # 1/(1 + exp(-s)) for s >= 0 and exp(s)/(1 + exp(s)) below.
    e = np.exp(-np.abs(s))
    return np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


# --------------------------------------------------------------------------- training


@dataclass(frozen=True)
class TrainResult:
    """What :func:`train_ftrl` returns.

    Attributes
    ----------
    model : WideModel
        The trained model (non-zero weights only).
    seconds : float
        Wall-clock training time.
    examples_per_second : float
        Examples processed (over all epochs) per second.
    peak_bytes : int or None
        Peak of memory newly allocated while training (tracemalloc), if measured.
    """

    model: WideModel
    seconds: float
    examples_per_second: float
    peak_bytes: int | None


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the course
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def _progress_bar(total: int, desc: str, show: bool) -> tuple[object, Callable[[], None]]:
    """A progress bar and the function that ends it.

    In a notebook the live bar is a widget; when training ends it is replaced by its final
    line of text, so a saved notebook reopened later shows "100% ... houses/s", not a
    widget frozen at 0% (a widget's stored text is the one it had when first shown).
    """
    if show and _in_notebook():
        from IPython.display import Pretty, display
        from tqdm.notebook import tqdm as notebook_tqdm

        bar = notebook_tqdm(total=total, unit=" houses", unit_scale=True, desc=desc,
                            mininterval=0.5, display=False)
        handle = display(bar.container, display_id=True)

        def finish() -> None:
            bar.close()
            handle.update(Pretty(str(bar)))
            bar.container.close()

        return bar, finish
    from tqdm import tqdm

    bar = tqdm(total=total, unit=" houses", unit_scale=True, desc=desc, mininterval=0.5,
               disable=not show)
    return bar, bar.close


def ftrl_weights(z: np.ndarray, n: np.ndarray, l1: float | np.ndarray,
                 l2: float | np.ndarray = 0.0, alpha: float = 1.0,
                 beta: float = 1.0) -> np.ndarray:
    """FTRL-Proximal's weights from its state: the closed form, exactly 0 inside the toll.

    McMahan et al. 2013, Algorithm 1, per coordinate::

        w = 0                                                    if |z| <= l1
        w = -(z - sign(z) l1) / ((beta + sqrt(n)) / alpha + l2)  otherwise

    The one implementation of this rule in lessonlib: :func:`train_ftrl` uses it with a
    constant ``l1`` (2013's FTRL-Proximal), and with ``l1 = t * lam`` after ``t`` rounds it
    is the cumulative form of McMahan 2011 (:func:`lessonlib.optimizers.ftrl_proximal`).

    Parameters
    ----------
    z, n : numpy.ndarray
        Summed (corrected) gradients and summed squared gradients, same shape.
    l1, l2 : float or array broadcasting against ``z``
        The L1 toll and the L2 strength (non-negative).
    alpha, beta : float
        Learning-rate parameters: the rate of a coordinate is ``alpha / (beta + sqrt(n))``.

    Returns
    -------
    numpy.ndarray of float64, shaped like ``z``

    Examples
    --------
    >>> ftrl_weights(np.array([-3.0, 0.5, 2.0]), np.array([4.0, 1.0, 0.0]), l1=1.0).tolist()
    [0.6666666666666666, 0.0, -1.0]
    """
    w = -(z - np.sign(z) * l1) / ((beta + np.sqrt(n)) / alpha + l2)
    return np.where(np.abs(z) <= l1, 0.0, w)


@dataclass
class _State:
    """FTRL state of K models trained side by side over the same touched coordinates."""

    touched: np.ndarray          # sorted coordinates the data touches, (T,)
    z: np.ndarray                # (T, K)
    nsq: np.ndarray              # (T, K)
    zb: np.ndarray               # (K,) the bias, never penalised
    nb: np.ndarray               # (K,)


def _touched(data: WideData) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(data.indices, return_inverse=True)``, the inverse shaped like the indices.

    Faster in the usual layout: the latitude and longitude columns are counted in arrays as
    long as their few thousand buckets, and only the crossed cells are sorted (a third of
    the values). Same sorted coordinates and same inverse as ``np.unique``.
    """
    idx = data.indices
    base = data.n_lat + data.n_lon
    ranges = ((0, data.n_lat), (data.n_lat, base))
    if not all(idx[:, j].min() >= lo and idx[:, j].max() < hi
               for j, (lo, hi) in enumerate(ranges)) or idx[:, 2].min() < base:
        touched, inverse = np.unique(idx, return_inverse=True)
        return touched, inverse.reshape(idx.shape)
    parts, inverse, offset = [], np.empty(idx.shape, dtype=np.int64), 0
    for j, (lo, hi) in enumerate(ranges):
        present = np.bincount(idx[:, j] - lo, minlength=hi - lo) > 0
        rank = np.cumsum(present) - 1
        inverse[:, j] = rank[idx[:, j] - lo] + offset
        parts.append(np.flatnonzero(present).astype(np.int64) + lo)
        offset += parts[-1].size
    cells, cell_inverse = np.unique(idx[:, 2], return_inverse=True)
    inverse[:, 2] = cell_inverse.reshape(-1) + offset
    parts.append(cells.astype(np.int64, copy=False))
    return np.concatenate(parts), inverse


def _lockstep(data: WideData, l1: np.ndarray, l2: np.ndarray, alpha: float, beta: float,
              epochs: int, batch_size: int, seed: int, shuffle: bool, bar: object,
              on_epoch: Callable[[int, _State], None] | None = None) -> _State:
    """Train K models (one per entry of ``l1``, ``l2``) on the same mini-batches.

    Every model sees the same shuffles, so each one ends exactly where :func:`train_ftrl`
    alone would (same arithmetic in the same order). Sharing the batches shares the cost
    of finding which coordinates a batch touches, which is most of the work.
    """
    k = l1.size
    l1c, l2c = l1.reshape(1, k), l2.reshape(1, k)
    touched, compact = _touched(data)
    compact = compact.astype(np.int32 if touched.size < _INT32_MAX else np.int64)
    t = touched.size
    # (T, K): a coordinate's state for all K models is one contiguous row, so a batch
    # gathers and scatters whole rows
    st = _State(touched, np.zeros((t, k)), np.zeros((t, k)), np.zeros(k), np.zeros(k))
    z, nsq = st.z, st.nsq
    # Each row seen as one item, so a batch scatters whole rows at once (numpy's row-wise
    # fancy assignment is several times slower); np.take gathers rows fast.
    row = np.dtype((np.void, 8 * k))
    z_rows, n_rows = z.view(row).reshape(t), nsq.view(row).reshape(t)
    # Scratch arrays for finding a batch's distinct coordinates without sorting.
    stamp = np.zeros(t, dtype=np.int64)
    slot = np.zeros(t, dtype=np.int64)
    y = data.y
    n_ex = len(data)
    rng = np.random.default_rng(seed)
    for epoch in range(epochs):
        order = rng.permutation(n_ex) if shuffle else np.arange(n_ex)
        # one gather per pass, then every batch is a contiguous slice
        cols_all, y_all = compact[order], y[order]
        for lo in range(0, n_ex, batch_size):
            flat = cols_all[lo:lo + batch_size].ravel()  # 3 compact coordinates per example
            y_b = y_all[lo:lo + batch_size]
            pos = np.arange(flat.size)
            stamp[flat] = pos                          # one position survives per coordinate
            u = flat[stamp[flat] == pos]               # the batch's distinct coordinates
            slot[u] = np.arange(u.size)
            inv = slot[flat].reshape(y_b.size, 3)      # (b, 3) positions in u
            z_u, n_u = np.take(z, u, axis=0), np.take(nsq, u, axis=0)  # (U, K)
            w_u = ftrl_weights(z_u, n_u, l1c, l2c, alpha, beta)
            wb = -st.zb / ((beta + np.sqrt(st.nb)) / alpha)
            w_b = np.take(w_u, inv, axis=0)            # (b, 3, K)
            score = (w_b[:, 0] + w_b[:, 1]) + w_b[:, 2] + wb
            resid = _sigmoid(score) - y_b[:, None]     # d(log loss)/d(score), (b, K)
            # per-coordinate sums of the residuals, bin (u, k) at u * K + k
            g = np.bincount((inv.reshape(-1, 1) * k + np.arange(k)).ravel(),
                            weights=np.repeat(resid, 3, axis=0).ravel(),
                            minlength=u.size * k).reshape(u.size, k)
            sigma = (np.sqrt(n_u + g * g) - np.sqrt(n_u)) / alpha
            z_rows[u] = (z_u + (g - sigma * w_u)).view(row).reshape(-1)
            n_rows[u] = (n_u + g * g).view(row).reshape(-1)
            # summed model by model along a contiguous row (numpy's pairwise sum)
            gb = np.ascontiguousarray(resid.T).sum(axis=1)
            sigma_b = (np.sqrt(st.nb + gb * gb) - np.sqrt(st.nb)) / alpha
            st.zb = st.zb + (gb - sigma_b * wb)
            st.nb = st.nb + gb * gb
            bar.update(y_b.size)
        if on_epoch is not None:
            on_epoch(epoch + 1, st)
    return st


def _model(st: _State, i: int, data: WideData, l1: float, l2: float, alpha: float,
           beta: float, epochs: int, batch_size: int, data_print: str) -> WideModel:
    """Model ``i`` of the state: its non-zero weights only."""
    w = ftrl_weights(st.z[:, i], st.nsq[:, i], l1, l2, alpha, beta)
    keep = w != 0.0
    space = index_space_size(data.n_lat, data.n_lon)
    idx_dtype = np.int32 if space <= _INT32_MAX else np.int64
    bias = np.array([-st.zb[i] / ((beta + np.sqrt(st.nb[i])) / alpha)])
    values = w[keep].astype(np.float32)
    indices = st.touched[keep].astype(idx_dtype)
    # float32 may round a tiny weight to 0: a stored weight is never 0.
    nz = values != 0
    return WideModel(indices[nz], values[nz], bias, data.n_lat, data.n_lon, l1, l2,
                     int(st.touched.size), {"alpha": alpha, "beta": beta, "epochs": epochs,
                                            "batch_size": batch_size,
                                            # which data it learned from, for the checks
                                            "data_fingerprint": data_print})


def train_ftrl(
    data: WideData,
    *,
    l1: float = 1.0,
    l2: float = 0.0,
    alpha: float = 1.0,
    beta: float = 1.0,
    epochs: int = 1,
    batch_size: int = 1024,
    seed: int = 0,
    shuffle: bool = True,
    progress: bool | None = None,
    measure_memory: bool = False,
) -> TrainResult:
    """Train the sparse logistic-regression model with mini-batch FTRL-Proximal.

    Per coordinate ``i`` FTRL keeps ``z_i`` (a running sum of gradients, corrected for the
    changing learning rate) and ``n_i`` (the sum of squared gradients), and the weight is
    computed from them when needed::

        w_i = 0                                                  if |z_i| <= l1
        w_i = -(z_i - sign(z_i) l1) / ((beta + sqrt(n_i)) / alpha + l2)   otherwise

    Each mini-batch predicts with the current weights, adds up the log-loss gradient per
    coordinate, and updates ``z`` and ``n`` of the coordinates it touched. The penalty
    ``l1`` is measured against *summed* (not averaged) gradients: a coordinate keeps a
    non-zero weight only if the evidence of its examples outweighs ``l1``.

    Parameters
    ----------
    data : WideData
        Training examples.
    l1, l2 : float, default 1.0 and 0.0
        L1 and L2 penalty strengths (non-negative). ``l1=0, l2>0`` is the L2 variant,
        which keeps every touched weight.
    alpha, beta : float, default 1.0 and 1.0
        Both positive. FTRL's per-coordinate learning-rate parameters: the rate of
        coordinate ``i`` is ``alpha / (beta + sqrt(n_i))``.
    epochs : int, default 1
        Passes over the data (each in a new shuffled order).
    batch_size : int, default 1024
        Examples per vectorised update.
    seed : int, default 0
        Seed of the shuffles.
    shuffle : bool, default True
        Visit the examples in a new random order each epoch (``False``: in data order).
    progress : bool or None, default None
        Show a progress bar (tqdm). ``None``: only inside a Jupyter notebook.
    measure_memory : bool, default False
        Measure the peak memory allocated while training with ``tracemalloc``
        (slows training a little).

    Returns
    -------
    TrainResult

    Examples
    --------
    >>> d = WideData.from_buckets([0, 0, 1, 1] * 50, [0, 1, 0, 1] * 50, 2, 2,
    ...                           [1, 1, 0, 0] * 50)
    >>> r = train_ftrl(d, l1=0.0, epochs=5, batch_size=8, progress=False)
    >>> bool(evaluate(r.model, d).accuracy == 1.0)
    True
    """
    _check_data(data, "data")
    l1 = as_scalar(l1, "l1", low=0)
    l2 = as_scalar(l2, "l2", low=0)
    alpha = as_scalar(alpha, "alpha", low=0, low_open=True)
    beta = as_scalar(beta, "beta", low=0, low_open=True)
    epochs = as_int(epochs, "epochs", low=1)
    batch_size = as_int(batch_size, "batch_size", low=1)
    seed = as_int(seed, "seed", low=0)
    if not isinstance(shuffle, bool):
        raise TypeError(f"shuffle must be True or False, got {shuffle!r}")
    if progress is not None and not isinstance(progress, bool):
        raise TypeError(f"progress must be True, False or None, got {progress!r}")
    show = _in_notebook() if progress is None else progress

    started_tracing = False
    if measure_memory:
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            started_tracing = True
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
    start = time.perf_counter()

    n_ex = len(data)
    bar, finish = _progress_bar(n_ex * epochs, f"FTRL l1={l1:g} l2={l2:g}", show)
    try:
        st = _lockstep(data, np.array([l1]), np.array([l2]), alpha, beta, epochs, batch_size,
                       seed, shuffle, bar)
    finally:
        finish()
    model = _model(st, 0, data, l1, l2, alpha, beta, epochs, batch_size, fingerprint(data))
    seconds = time.perf_counter() - start
    peak = None
    if measure_memory:
        peak = int(tracemalloc.get_traced_memory()[1] - base)
        if started_tracing:
            tracemalloc.stop()
    return TrainResult(model, seconds, n_ex * epochs / max(seconds, 1e-12), peak)


# --------------------------------------------------------------------------- evaluation


def log_loss(y: object, p: object, eps: float = 1e-12) -> float:
    """Mean logistic loss ``-mean(y log p + (1-y) log(1-p))``.

    Parameters
    ----------
    y : array_like of 0/1
        True labels.
    p : array_like of float in [0, 1]
        Predicted probabilities of label 1 (clipped to ``[eps, 1-eps]``).
    eps : float
        Clipping, so a confident mistake costs a lot but not infinity.

    Examples
    --------
    >>> round(log_loss([1, 0], [0.5, 0.5]), 4)
    0.6931
    """
    ya = as_float_array(y, "y", ndim=1)
    pa = as_float_array(p, "p", ndim=1)
    if ya.size != pa.size:
        raise ValueError(f"y and p must have the same length, got {ya.size} and {pa.size}")
    if np.any((pa < 0) | (pa > 1)):
        raise ValueError("p must hold probabilities in [0, 1]")
    eps = as_scalar(eps, "eps", low=0, high=0.5, low_open=True, high_open=True)
    pa = np.clip(pa, eps, 1 - eps)
    return float(-np.mean(ya * np.log(pa) + (1 - ya) * np.log1p(-pa)))


@dataclass(frozen=True)
class Evaluation:
    """Log loss and accuracy of a model on a data set."""

    log_loss: float
    accuracy: float
    n: int


def evaluate(model: WideModel, data: WideData) -> Evaluation:
    """Mean log loss and accuracy (threshold 0.5) of ``model`` on ``data``.

    Examples
    --------
    >>> m = WideModel(np.array([], np.int32), np.array([], np.float32),
    ...               np.zeros(1), n_lat=2, n_lon=2)
    >>> d = WideData.from_buckets([0, 1], [1, 1], 2, 2, [1, 0])
    >>> e = evaluate(m, d)
    >>> round(e.log_loss, 4), e.accuracy
    (0.6931, 0.5)
    """
    if not isinstance(model, WideModel):
        raise TypeError(f"model must be a WideModel (from train_ftrl), got {type(model).__name__}")
    p = model.predict_proba(data)
    acc = float(np.mean((p >= 0.5) == (data.y == 1)))
    return Evaluation(log_loss(data.y, p), acc, len(data))


# --------------------------------------------------------------------------- sweeps


def sweep(
    train: WideData,
    validation: WideData,
    l1_values: object,
    *,
    l2_reference: float | None = 1.0,
    progress: bool | None = None,
    **ftrl_options: object,
) -> list[dict]:
    """Train one model per L1 strength (and one L2 model) and evaluate each on validation data.

    Parameters
    ----------
    train, validation : WideData
    l1_values : sequence of float
        L1 strengths to try (non-negative).
    l2_reference : float or None, default 1.0
        Also train the L2 variant (``l1=0, l2=l2_reference``); ``None`` skips it.
    progress : bool or None
        Passed to :func:`train_ftrl`.
    **ftrl_options
        Other options of :func:`train_ftrl` (alpha, beta, epochs, batch_size, seed).

    Returns
    -------
    list of dict
        One row per model: ``penalty``, ``strength``, ``nnz`` (and its split ``nnz_lat``,
        ``nnz_lon``, ``nnz_cross``), ``nbytes``, ``val_log_loss``, ``val_accuracy``,
        ``seconds`` (the shared training time divided among the models) and ``model``.
        The models are trained together on the same mini-batches; each is exactly what
        :func:`train_ftrl` makes alone with the same options.

    Examples
    --------
    >>> d = WideData.from_buckets([0, 0, 1, 1] * 50, [0, 1, 0, 1] * 50, 2, 2,
    ...                           [1, 1, 0, 1] * 50)
    >>> rows = sweep(d, d, [0.0, 1e6], progress=False, batch_size=8)
    >>> [(r["penalty"], r["nnz"]) for r in rows]
    [('L1', 8), ('L1', 0), ('L2', 8)]
    """
    _check_data(train, "train")
    _check_data(validation, "validation")
    values = as_float_array(l1_values, "l1_values", ndim=1)
    if np.any(values < 0):
        raise ValueError("l1_values must all be non-negative")
    runs = [("L1", float(v), {"l1": float(v), "l2": 0.0}) for v in values]
    if l2_reference is not None:
        s = as_scalar(l2_reference, "l2_reference", low=0)
        runs.append(("L2", s, {"l1": 0.0, "l2": s}))
    opts = _ftrl_options(**ftrl_options)
    show = _in_notebook() if progress is None else bool(progress)
    l1s = np.array([pen["l1"] for _, _, pen in runs])
    l2s = np.array([pen["l2"] for _, _, pen in runs])
    start = time.perf_counter()
    # All models on the same mini-batches at once: each is exactly what train_ftrl would
    # give on its own (the unit tests check this), for a fraction of the time.
    bar, finish = _progress_bar(len(train) * opts["epochs"], f"FTRL, {len(runs)} models", show)
    try:
        st = _lockstep(train, l1s, l2s, bar=bar, **opts)
    finally:
        finish()
    seconds = (time.perf_counter() - start) / len(runs)
    data_print = fingerprint(train)
    models = [_model(st, i, train, pen["l1"], pen["l2"], opts["alpha"], opts["beta"],
                     opts["epochs"], opts["batch_size"], data_print)
              for i, (_, _, pen) in enumerate(runs)]
    rows = []
    for model, ev, (penalty, strength, _) in zip(models, _evaluate_many(models, st.touched,
                                                                        validation), runs,
                                                 strict=True):
        rows.append({"penalty": penalty, "strength": strength, "nnz": model.nnz,
                     **{f"nnz_{k}": v for k, v in model.nonzeros_by_feature().items()},
                     "nbytes": model.nbytes, "val_log_loss": ev.log_loss,
                     "val_accuracy": ev.accuracy, "seconds": seconds, "model": model})
    return rows


def pass_curve(
    train: WideData,
    validation: WideData,
    max_passes: int = 4,
    *,
    l1: float = 0.0,
    l2: float = 0.0,
    progress: bool | None = None,
    **ftrl_options: object,
) -> list[dict]:
    """One model trained for ``max_passes`` passes, scored after each pass.

    The model after pass ``k`` is exactly ``train_ftrl(train, epochs=k, ...)`` (each pass
    draws the same shuffle as it would there), so one run gives the whole curve.

    Parameters
    ----------
    train, validation : WideData
    max_passes : int, default 4
        Passes over ``train`` (at least 1).
    l1, l2 : float, default 0.0
        The penalties (``l1=0, l2=0``: no penalty at all).
    progress : bool or None
        Show a progress bar (``None``: only inside a notebook).
    **ftrl_options
        ``alpha``, ``beta``, ``batch_size``, ``seed``, ``shuffle`` of :func:`train_ftrl`.

    Returns
    -------
    list of dict
        One row per pass: ``passes``, ``nnz``, ``val_log_loss``, ``val_accuracy`` and
        ``model``.

    Examples
    --------
    >>> d = WideData.from_buckets([0, 0, 1, 1] * 50, [0, 1, 0, 1] * 50, 2, 2,
    ...                           [1, 1, 0, 1] * 50)
    >>> rows = pass_curve(d, d, 3, progress=False, batch_size=8)
    >>> [r["passes"] for r in rows], rows[2]["val_log_loss"] < rows[0]["val_log_loss"]
    ([1, 2, 3], True)
    """
    _check_data(train, "train")
    _check_data(validation, "validation")
    max_passes = as_int(max_passes, "max_passes", low=1)
    l1 = as_scalar(l1, "l1", low=0)
    l2 = as_scalar(l2, "l2", low=0)
    if "epochs" in ftrl_options:
        raise TypeError("pass_curve takes max_passes, not epochs")
    opts = _ftrl_options(epochs=max_passes, **ftrl_options)
    show = _in_notebook() if progress is None else bool(progress)
    data_print = fingerprint(train)
    rows: list[dict] = []

    def score(passes: int, st: _State) -> None:
        model = _model(st, 0, train, l1, l2, opts["alpha"], opts["beta"], passes,
                       opts["batch_size"], data_print)
        ev = evaluate(model, validation)
        rows.append({"passes": passes, "nnz": model.nnz, "val_log_loss": ev.log_loss,
                     "val_accuracy": ev.accuracy, "model": model})

    bar, finish = _progress_bar(len(train) * max_passes, f"FTRL l1={l1:g}, {max_passes} passes",
                                show)
    try:
        _lockstep(train, np.array([l1]), np.array([l2]), bar=bar, on_epoch=score, **opts)
    finally:
        finish()
    return rows


def _ftrl_options(*, alpha: float = 1.0, beta: float = 1.0, epochs: int = 1,
                  batch_size: int = 1024, seed: int = 0, shuffle: bool = True) -> dict:
    """The options of :func:`train_ftrl` shared by sweeps, checked as it checks them."""
    if not isinstance(shuffle, bool):
        raise TypeError(f"shuffle must be True or False, got {shuffle!r}")
    return {"alpha": as_scalar(alpha, "alpha", low=0, low_open=True),
            "beta": as_scalar(beta, "beta", low=0, low_open=True),
            "epochs": as_int(epochs, "epochs", low=1),
            "batch_size": as_int(batch_size, "batch_size", low=1),
            "seed": as_int(seed, "seed", low=0), "shuffle": shuffle}


def _evaluate_many(models: list[WideModel], touched: np.ndarray, data: WideData
                   ) -> list[Evaluation]:
    """:func:`evaluate` for models that share their touched coordinates, looked up once.

    Each example's coordinates are found among ``touched`` once; each model then reads its
    weights there (0 where it stores none), as :meth:`WideModel.weights_at` would, so the
    digits are :func:`evaluate`'s.
    """
    _check_data(data, "data")
    for m in models:
        m._check_layout(data)
    q = data.indices
    pos = np.minimum(np.searchsorted(touched, q), touched.size - 1)
    found = touched[pos] == q
    out = []
    for m in models:
        dense = np.zeros(touched.size)
        dense[np.searchsorted(touched, m.indices)] = m.values.astype(np.float64)
        w = np.where(found, dense[pos], 0.0)
        p = _sigmoid(w.sum(axis=1) + float(m.bias[0]))
        acc = float(np.mean((p >= 0.5) == (data.y == 1)))
        out.append(Evaluation(log_loss(data.y, p), acc, len(data)))
    return out


def sweep_table(rows: list[dict]) -> str:
    """The rows of :func:`sweep` as an aligned text table (stable, for printing).

    The split of the non-zeros by feature is shown when the rows carry it.

    Examples
    --------
    >>> print(sweep_table([{"penalty": "L1", "strength": 1.0, "nnz": 10, "nbytes": 88,
    ...                     "val_log_loss": 0.5, "val_accuracy": 0.75}]))
    penalty  strength  non-zeros      bytes  val log loss  val accuracy
    L1              1         10         88        0.5000        0.7500
    """
    if not isinstance(rows, list) or not rows:
        raise ValueError("rows must be a non-empty list of sweep rows")
    split = all("nnz_cross" in r for r in rows)
    head = f"{'penalty':<7}  {'strength':>8}  {'non-zeros':>9}  "
    if split:
        head += f"{'lat':>6}  {'lon':>6}  {'cells':>7}  "
    lines = [head + f"{'bytes':>9}  {'val log loss':>12}  {'val accuracy':>12}"]
    for r in rows:
        line = f"{r['penalty']:<7}  {r['strength']:>8g}  {r['nnz']:>9,}  "
        if split:
            line += f"{r['nnz_lat']:>6,}  {r['nnz_lon']:>6,}  {r['nnz_cross']:>7,}  "
        lines.append(line + f"{r['nbytes']:>9,}  {r['val_log_loss']:>12.4f}  "
                     f"{r['val_accuracy']:>12.4f}")
    return "\n".join(lines)
