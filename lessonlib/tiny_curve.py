"""Ten noisy points of a smooth curve: the smallest example of over-fitting (notebook 01).

A polynomial of degree 9 has 9 weights plus an intercept, as many numbers as there are
points, so least squares passes through every point exactly, with enormous weights that
swing wildly between the points. A penalty on the weights' size trades some of that
training fit for a curve that also fits new points.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array, as_int

__all__ = ["TinyCurve", "powers", "tiny_curve"]


@dataclass(frozen=True)
class TinyCurve:
    """Training and held-out points of ``y = sin(3 x) + noise`` on ``[-1, 1]``."""

    x: np.ndarray
    y: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray


def tiny_curve(n: int = 10, n_test: int = 500, noise: float = 0.3, seed: int = 0) -> TinyCurve:
    """Draw ``n`` training and ``n_test`` held-out points of ``sin(3 x)`` plus normal noise.

    Examples
    --------
    >>> d = tiny_curve()
    >>> d.x.shape, d.x_test.shape, bool(np.all(np.diff(d.x) > 0))
    ((10,), (500,), True)
    """
    n = as_int(n, "n", low=2, high=10_000)
    n_test = as_int(n_test, "n_test", low=1, high=1_000_000)
    rng = np.random.default_rng(as_int(seed, "seed", low=0))
    x = np.sort(rng.uniform(-1.0, 1.0, n))
    y = np.sin(3 * x) + noise * rng.normal(size=n)
    x_test = rng.uniform(-1.0, 1.0, n_test)
    y_test = np.sin(3 * x_test) + noise * rng.normal(size=n_test)
    return TinyCurve(x, y, x_test, y_test)


def powers(x: ArrayLike, degree: int = 9) -> np.ndarray:
    """The columns ``x, x², ..., x^degree`` (no constant column: the intercept is separate).

    Examples
    --------
    >>> powers([2.0], 3).tolist()
    [[2.0, 4.0, 8.0]]
    """
    x = as_float_array(x, "x", ndim=1)
    degree = as_int(degree, "degree", low=1, high=30)
    return np.vander(x, degree + 1, increasing=True)[:, 1:]
