"""A hashed latitude x longitude cross as a ``scipy.sparse`` matrix, for scikit-learn.

Notebook 07 indexes every one of the 233,280,000 crossed cells exactly. The Machine
Learning Crash Course's exercise (and ``tf.feature_column.crossed_column``) hashes the
crossed cell into a fixed number of buckets instead: no dictionary, a fixed width, at
the price of the odd collision (two cells sharing a bucket). :func:`hashed_cross`
builds that one-hot design as a CSR matrix with three ones per row: the latitude bucket,
the longitude bucket and the hashed cell, so any estimator that accepts sparse input
(``LogisticRegression(solver="liblinear")``, ``SGDClassifier``) can train on it.

The hash is Fibonacci hashing (Knuth, TAOCP vol. 3, 6.4): multiply the cell's index by
2^64 / golden ratio modulo 2^64 and keep the top ``bits`` bits. It is deterministic
(unlike Python's ``hash`` of strings) and spreads neighbouring cells apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import ArrayLike

from lessonlib._validate import as_int
from lessonlib.wide import cross, lat_lon_buckets

__all__ = ["HashedCross", "hash_buckets", "hashed_cross"]

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # 2^64 / golden ratio, odd


def hash_buckets(cells: ArrayLike, bits: int) -> np.ndarray:
    """Fibonacci-hash non-negative integer cell indices into ``2**bits`` buckets.

    Examples
    --------
    >>> hash_buckets([0, 1, 2], bits=4).tolist()
    [0, 9, 3]
    """
    bits = as_int(bits, "bits", low=1, high=32)
    k = np.asarray(cells)
    if k.dtype.kind not in "iu" or (k.size and k.min() < 0):
        raise ValueError("cells must be non-negative integers (crossed-cell indices)")
    with np.errstate(over="ignore"):
        return ((k.astype(np.uint64) * _GOLDEN) >> np.uint64(64 - bits)).astype(np.int64)


@dataclass(frozen=True)
class HashedCross:
    """The sparse design and what it is made of.

    Attributes
    ----------
    X : scipy.sparse.csr_matrix of shape (n, n_lat + n_lon + 2**bits)
    n_lat, n_lon : int
        Latitude and longitude buckets (their one-hot columns come first).
    n_hashed : int
        Hash buckets for the crossed cell (the last columns).
    cells : ndarray of int64
        Each row's exact crossed cell (before hashing), to count collisions.
    """

    X: sp.csr_matrix
    n_lat: int
    n_lon: int
    n_hashed: int
    cells: np.ndarray


def hashed_cross(lat: ArrayLike, lon: ArrayLike, bits: int = 18,
                 minutes: float = 1.0) -> HashedCross:
    """One-hot latitude, longitude and hashed latitude x longitude cell, as CSR.

    Parameters
    ----------
    lat, lon : array_like of float
        Degrees.
    bits : int, default 18
        The cross is hashed into ``2**bits`` buckets.
    minutes : float, default 1.0
        Bucket size in arcminutes, as in :func:`lessonlib.wide.lat_lon_buckets`.

    Returns
    -------
    HashedCross

    Examples
    --------
    >>> h = hashed_cross([48.8566, -33.87], [2.3522, 151.21], bits=10)
    >>> h.X.shape, h.X.nnz, h.X.sum(axis=1).A1.tolist()
    ((2, 33424), 6, [3.0, 3.0])
    """
    bits = as_int(bits, "bits", low=1, high=32)
    lat_idx, lon_idx, n_lat, n_lon = lat_lon_buckets(lat, lon, minutes)
    cells = cross(lat_idx, lon_idx, n_lon)
    n = lat_idx.size
    cols = np.column_stack([lat_idx, n_lat + lon_idx, n_lat + n_lon + hash_buckets(cells, bits)])
    X = sp.csr_matrix((np.ones(3 * n), cols.ravel(), np.arange(0, 3 * n + 1, 3)),
                      shape=(n, n_lat + n_lon + 2**bits))
    return HashedCross(X, n_lat, n_lon, 2**bits, cells)
