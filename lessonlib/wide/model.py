"""A trained sparse logistic-regression model: only its non-zero weights are stored.

The trained model keeps a sorted index array and a float32 value array. A weight that is
exactly 0 is neither stored nor read, so the model's size is its number of non-zeros.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from lessonlib.wide.encoding import WideData, _check_data, index_space_size

__all__ = [
    "WideModel",
]



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

    def weights_at(self, idx: ArrayLike) -> np.ndarray:
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


def _sigmoid(s: np.ndarray) -> np.ndarray:
    # exp of a large positive number overflows; exp(-|s|) never does. Same digits as
    # 1/(1 + exp(-s)) for s >= 0 and exp(s)/(1 + exp(s)) below.
    e = np.exp(-np.abs(s))
    return np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
