"""What a weight vector costs in bytes, dense or stored as (index, value) pairs.

:func:`dense_bytes` prices a full weight vector, :func:`sparse_bytes` its non-zeros as
(index, value) pairs, and :func:`format_bytes` prints a count in decimal units
(1 kB = 1000 B, 1 MB = 10**6 B, as disk and RAM vendors label them).
"""

from __future__ import annotations

import math

import numpy as np

from lessonlib._validate import as_int

__all__ = [
    "dense_bytes",
    "format_bytes",
    "sparse_bytes",
]



def _itemsize(dtype: object, name: str) -> int:
    try:
        dt = np.dtype(dtype)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{name} must be a NumPy number type such as 'float32', got {dtype!r}")\
            from None
    if dt.kind not in "iuf":
        raise ValueError(f"{name} must be an integer or float type, got {dt.name}")
    return dt.itemsize


def dense_bytes(dimension: int, dtype: object = "float32") -> int:
    """Bytes of a dense weight vector with ``dimension`` entries of ``dtype``.

    Examples
    --------
    >>> dense_bytes(233_280_000)
    933120000
    >>> dense_bytes(233_280_000, "float64")
    1866240000
    """
    return as_int(dimension, "dimension", low=0) * _itemsize(dtype, "dtype")


def sparse_bytes(nnz: int, index_dtype: object = "int64", value_dtype: object = "float32") -> int:
    """Bytes of a sparse weight vector stored as ``nnz`` (index, value) pairs.

    8 bytes per non-zero with int32 indices and float32 values, 12 with int64
    indices (needed once the dimension passes 2**31 - 1), 16 with float64 values.

    Examples
    --------
    >>> sparse_bytes(10_000)
    120000
    >>> sparse_bytes(10_000, index_dtype="int32")
    80000
    """
    nnz = as_int(nnz, "nnz", low=0)
    return nnz * (_itemsize(index_dtype, "index_dtype") + _itemsize(value_dtype, "value_dtype"))


def format_bytes(n: int) -> str:
    """A byte count in decimal units (1 kB = 1000 B, 1 MB = 10**6 B, 1 GB = 10**9 B).

    Examples
    --------
    >>> format_bytes(933_120_000)
    '933.1 MB'
    >>> format_bytes(1_866_240_000)
    '1.87 GB'
    >>> format_bytes(512)
    '512 B'
    """
    n = as_int(n, "n", low=0)
    if n < 1000:
        return f"{n} B"
    units = ("kB", "MB", "GB", "TB", "PB", "EB")
    exp = min(int(math.log10(n)) // 3, len(units))
    value = n / 1000**exp
    if value >= 999.95 and exp < len(units):  # 999,999 B would print as "1000.0 kB"
        exp, value = exp + 1, value / 1000
    digits = 2 if value < 10 else 1
    return f"{value:.{digits}f} {units[exp - 1]}"
