"""Counting non-zeros directly (L0): exhaustive best-subset search, and why it cannot scale.

The most honest way to ask for a sparse linear model is "the best fit that
uses at most ``k`` features". Answering it exactly means trying every subset:
``2**d`` of them for ``d`` features. :func:`best_subset` does that (batched, so
it is as fast as plain NumPy allows), :func:`time_best_subset` times it,
:func:`fit_growth` fits the ``2**d`` growth and extrapolates.

:func:`l0_midpoint` shows the other problem with counting non-zeros: the count
is not a convex function, so even the relaxed question has no bowl to roll
down.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array, as_int, as_scalar, as_xy
from lessonlib.penalties import l0, l1

__all__ = [
    "BestSubset",
    "GrowthFit",
    "L0Midpoint",
    "best_subset",
    "count_subsets",
    "describe_seconds",
    "fit_growth",
    "l0_midpoint",
    "subsets_of_size",
    "time_best_subset",
]

_CHUNK = 16_384  # subsets solved per batch: bounds memory to a few tens of MB


def count_subsets(d: int) -> int:
    """Number of subsets of ``d`` features, ``2**d`` (a Python int, never overflows).

    Examples
    --------
    >>> count_subsets(20)
    1048576
    """
    return 2 ** as_int(d, "d", low=0)


def _bits(d: int) -> tuple[np.ndarray, np.ndarray]:
    """Every bit mask of ``d`` features as a bool matrix, and each mask's popcount."""
    masks = np.arange(2**d, dtype=np.uint32)
    bits = np.unpackbits(masks.view(np.uint8).reshape(-1, 4), axis=1, bitorder="little")
    bits = bits[:, :d].astype(bool)
    return bits, bits.sum(axis=1, dtype=np.int8)


def subsets_of_size(d: int, k: int, _bits_cache: tuple | None = None) -> np.ndarray:
    """All subsets of ``k`` of the ``d`` features, one sorted row of indices each.

    Built from bit masks rather than a Python loop, so ``d = 20`` takes milliseconds.

    Examples
    --------
    >>> subsets_of_size(4, 2).tolist()
    [[0, 1], [0, 2], [1, 2], [0, 3], [1, 3], [2, 3]]
    """
    d = as_int(d, "d", low=1, high=26)
    k = as_int(k, "k", low=0, high=d)
    if k == 0:
        return np.zeros((1, 0), dtype=np.intp)  # the empty subset
    bits, popcount = _bits_cache if _bits_cache is not None else _bits(d)
    rows = bits[popcount == k]
    return np.nonzero(rows)[1].reshape(-1, k).astype(np.intp)


@dataclass(frozen=True, eq=False)
class BestSubset:
    """Result of :func:`best_subset`.

    Attributes
    ----------
    supports : list of tuple of int
        ``supports[k]``: the features of the best subset of size ``k``.
    rss : ndarray of float
        ``rss[k]``: its residual sum of squares.
    n_evaluated : int
        Number of subsets whose least-squares fit was computed.
    """

    supports: list[tuple[int, ...]]
    rss: np.ndarray
    n_evaluated: int


def best_subset(
    X: ArrayLike, y: ArrayLike, max_size: int | None = None, fit_intercept: bool = True
) -> BestSubset:
    """Exhaustive best-subset least squares: the best fit with exactly ``k`` features, every k.

    Every subset's fit is computed from the Gram matrix ``X.T @ X``: the residual
    sum of squares of subset ``S`` is ``y.y - b_S . solve(G_SS, b_S)``, solved in
    batches of many small systems at once.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Features, 1 <= d <= 24 (2**24 subsets is already minutes).
    y : array_like, shape (n,)
        Targets.
    max_size : int, optional
        Largest subset size to try (default: all, ``d``).
    fit_intercept : bool, default True
        Centre ``X`` and ``y`` first, so every subset also has an intercept.

    Returns
    -------
    BestSubset

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(50, 6))
    >>> y = 3 * X[:, 1] - 2 * X[:, 4] + 0.1 * rng.normal(size=50)
    >>> result = best_subset(X, y)
    >>> result.supports[2], result.n_evaluated
    ((1, 4), 64)
    """
    X, y = as_xy(X, y)
    n, d = X.shape
    if d > 24:
        raise ValueError(f"X has {d} features: 2**{d} subsets is too many to try (at most 24)")
    max_size = d if max_size is None else as_int(max_size, "max_size", low=0, high=d)
    if not isinstance(fit_intercept, bool):
        raise TypeError(f"fit_intercept must be True or False, got {fit_intercept!r}")
    if fit_intercept:
        X = X - X.mean(axis=0)
        y = y - y.mean()
    G = X.T @ X
    b = X.T @ y
    yy = float(y @ y)
    # a whisper of ridge keeps collinear subsets solvable without changing good fits
    G = G + np.eye(d) * (1e-12 * max(float(np.trace(G)), 1.0))
    supports: list[tuple[int, ...]] = [()]
    rss = [yy]
    evaluated = 0
    table = _bits(d)
    for k in range(1, max_size + 1):
        subsets = subsets_of_size(d, k, table)
        best_val, best_row = np.inf, 0
        for start in range(0, len(subsets), _CHUNK):
            idx = subsets[start : start + _CHUNK]
            G_s = G[idx[:, :, None], idx[:, None, :]]
            b_s = b[idx]
            coef = np.linalg.solve(G_s, b_s[..., None])[..., 0]
            vals = yy - np.einsum("ij,ij->i", b_s, coef)
            j = int(np.argmin(vals))
            if vals[j] < best_val:
                best_val, best_row = float(vals[j]), start + j
        evaluated += len(subsets)
        supports.append(tuple(int(i) for i in subsets[best_row]))
        rss.append(max(best_val, 0.0))
    return BestSubset(supports, np.asarray(rss), evaluated + 1)


def time_best_subset(
    ds: ArrayLike, n_samples: int = 100, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Time :func:`best_subset` on random data for each number of features in ``ds``.

    Timings depend on the machine and its load: print them in cells whose output
    is not compared.

    Parameters
    ----------
    ds : sequence of int
        Numbers of features, each 1..24.
    n_samples : int, default 100
        Rows of the random design (the cost is dominated by the subsets, not n).
    seed : int, default 0

    Returns
    -------
    ds, seconds : ndarray
        Wall-clock seconds of one exhaustive search for each ``d``.

    Examples
    --------
    >>> d, t = time_best_subset([3, 4])
    >>> d.tolist(), bool(np.all(t > 0))
    ([3, 4], True)
    """
    ds_arr = as_float_array(ds, "ds", ndim=1)
    if np.any(ds_arr != np.round(ds_arr)) or np.any(ds_arr < 1) or np.any(ds_arr > 24):
        raise ValueError(f"ds must be whole numbers of features in [1, 24], got {ds!r}")
    n_samples = as_int(n_samples, "n_samples", low=2)
    rng = np.random.default_rng(as_int(seed, "seed", low=0))
    out_d, out_t = [], []
    for d in ds_arr.astype(int):
        X = rng.normal(size=(n_samples, d))
        y = X[:, 0] + rng.normal(size=n_samples)
        start = time.perf_counter()
        best_subset(X, y)
        out_t.append(time.perf_counter() - start)
        out_d.append(int(d))
    return np.asarray(out_d), np.asarray(out_t)


@dataclass(frozen=True)
class GrowthFit:
    """``seconds ~ 2 ** (intercept + rate * d)``, fitted on a log scale.

    ``rate`` near 1 means the time doubles with every added feature.
    """

    intercept: float
    rate: float

    def log10_seconds(self, d: float) -> float:
        """log10 of the predicted seconds for ``d`` features (fine for astronomic d)."""
        return (self.intercept + self.rate * float(d)) * math.log10(2)

    def seconds(self, d: float) -> float:
        """Predicted seconds for ``d`` features (``inf`` when beyond float range)."""
        lg = self.log10_seconds(d)
        return math.inf if lg > 300 else 10.0**lg


def fit_growth(ds: ArrayLike, seconds: ArrayLike, rate: float | None = None) -> GrowthFit:
    """Fit ``log2(seconds) = intercept + rate * d``.

    With ``rate=None`` both are fitted by least squares. With a fixed ``rate``
    (``1.0``: pure ``2**d`` growth) only the intercept is fitted, as the *median*
    of ``log2(seconds) - rate * d``, which shrugs off a timing disturbed by
    another program on the machine.

    Examples
    --------
    >>> fit = fit_growth([10, 11, 12], [0.001, 0.002, 0.004])
    >>> round(fit.rate, 6), round(fit.seconds(13), 6)
    (1.0, 0.008)
    >>> round(fit_growth([10, 11, 12], [0.001, 0.009, 0.004], rate=1.0).seconds(13), 6)
    0.008
    """
    d = as_float_array(ds, "ds", ndim=1)
    t = as_float_array(seconds, "seconds", ndim=1)
    if d.shape != t.shape or d.size < 2:
        raise ValueError(f"ds and seconds must be two equal-length lists of >= 2 numbers, "
                         f"got {d.size} and {t.size}")
    if np.any(t <= 0):
        raise ValueError("seconds must all be > 0 (they are timings)")
    if rate is not None:
        r = as_scalar(rate, "rate", low=0, low_open=True)
        return GrowthFit(float(np.median(np.log2(t) - r * d)), r)
    if np.ptp(d) == 0:
        raise ValueError("ds must contain at least two different numbers of features")
    slope, intercept = np.polyfit(d, np.log2(t), 1)
    return GrowthFit(float(intercept), float(slope))


_UNITS = (
    ("seconds", 1.0),
    ("minutes", 60.0),
    ("hours", 3600.0),
    ("days", 86_400.0),
    ("years", 365.25 * 86_400.0),
)
_UNIVERSE_SECONDS = 13.8e9 * 365.25 * 86_400.0  # age of the universe


def describe_seconds(log10_seconds: float) -> str:
    """A duration given by its log10 in seconds, in words a person can picture.

    Examples
    --------
    >>> describe_seconds(math.log10(90))
    '1.5 minutes'
    >>> describe_seconds(math.log10(71_600 * 365.25 * 86_400))
    '71,600 years'
    >>> describe_seconds(30.0)
    '1e+30 seconds, 2.3e+12 times the age of the universe'
    >>> describe_seconds(7.0e7)
    'a number of seconds with 70,000,001 digits'
    """
    lg = float(log10_seconds)
    if not math.isfinite(lg):
        raise ValueError(f"log10_seconds must be a finite number, got {log10_seconds!r}")
    if lg > 300:
        return f"a number of seconds with {math.floor(lg) + 1:,} digits"
    s = 10.0**lg
    if s >= 1000 * _UNIVERSE_SECONDS:
        return f"{s:.2g} seconds, {s / _UNIVERSE_SECONDS:.2g} times the age of the universe"
    if s >= 1e6 * _UNITS[-1][1]:
        return f"{s / _UNITS[-1][1]:.2g} years"
    name, size = next((u for u in reversed(_UNITS) if s >= u[1]), _UNITS[0])
    value = s / size
    return f"{value:,.0f} {name}" if value >= 100 else f"{value:.3g} {name}"


@dataclass(frozen=True)
class L0Midpoint:
    """Non-zero counts of two vectors, of their midpoint, and of their L1 norms likewise."""

    count_a: int
    count_b: int
    count_mid: int
    l1_a: float
    l1_b: float
    l1_mid: float

    @property
    def average(self) -> float:
        """The average count, ``(count_a + count_b) / 2``."""
        return (self.count_a + self.count_b) / 2

    @property
    def breaks_convexity(self) -> bool:
        """True when the midpoint counts more non-zeros than the average: L0 is not convex."""
        return self.count_mid > self.average


def l0_midpoint(a: ArrayLike, b: ArrayLike) -> L0Midpoint:
    """Compare the count of non-zeros at the midpoint of ``a`` and ``b`` with their average.

    A convex function ``f`` satisfies ``f((a + b) / 2) <= (f(a) + f(b)) / 2``
    for all ``a`` and ``b``. One pair that breaks it proves L0 is not convex;
    L1 never breaks it.

    Examples
    --------
    >>> m = l0_midpoint([1, 0], [0, 1])
    >>> m.count_a, m.count_b, m.count_mid, m.breaks_convexity
    (1, 1, 2, True)
    >>> m.l1_mid <= (m.l1_a + m.l1_b) / 2
    True
    """
    va = as_float_array(a, "a")
    vb = as_float_array(b, "b")
    if va.shape != vb.shape:
        raise ValueError(f"a and b must have the same shape, got {va.shape} and {vb.shape}")
    mid = (va + vb) / 2
    return L0Midpoint(l0(va), l0(vb), l0(mid), l1(va), l1(vb), l1(mid))
