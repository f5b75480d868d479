"""Lp "norms" with p < 1: sharper for sparsity, harder to minimise (notebook 05).

For ``0 < p < 1`` the size ``||w||_p = (sum |w_i|^p)^(1/p)`` is only a quasi-norm:
the triangle inequality fails and its balls are not convex. On the line of
solutions of one data point, ``b = y0 - x0*a``, the penalty ``sum |w_i|^p`` is
concave between the two axis crossings, so *each* crossing is a local minimum and
a descent method lands on whichever one its start leads to. The practical route is
iteratively reweighted L1 (:func:`reweighted_l1`): a short sequence of weighted L1
problems, each a linear programme.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy.optimize import minimize_scalar

from lessonlib._validate import as_float_array, as_int, as_p, as_scalar
from lessonlib.geometry import min_l1_solution, touch_point

__all__ = [
    "DescentPath",
    "ReweightedResult",
    "ball_is_convex",
    "descend_on_line",
    "line_local_minima",
    "line_penalty",
    "line_ridge",
    "midpoint_size",
    "reweighted_l1",
]


def ball_is_convex(p: float) -> bool:
    """True when the Lp unit ball is convex, which happens exactly for ``p >= 1``.

    Examples
    --------
    >>> ball_is_convex(0.5), ball_is_convex(1), ball_is_convex(float("inf"))
    (False, True, True)
    """
    return as_p(p) >= 1.0


def midpoint_size(p: float) -> float:
    """``||(0.5, 0.5)||_p``: the size of the midpoint of the ball's points (1, 0) and (0, 1).

    It equals ``0.5 * 2^(1/p)``; above 1 (the midpoint is outside the unit ball)
    exactly when ``p < 1``.

    Examples
    --------
    >>> midpoint_size(0.5), midpoint_size(1), round(midpoint_size(2), 4)
    (2.0, 1.0, 0.7071)
    """
    p = as_p(p)
    return 0.5 if math.isinf(p) else 0.5 * 2.0 ** (1.0 / p)


def _line_args(x0: ArrayLike, y0: ArrayLike, p: ArrayLike) -> tuple[float, float, float]:
    return as_scalar(x0, "x0"), as_scalar(y0, "y0"), as_p(p)


def line_penalty(a: ArrayLike, x0: float, y0: float, p: float) -> float | np.ndarray:
    """The penalty ``|a|^p + |b|^p`` along the line of solutions ``b = y0 - x0*a``.

    Same minimisers as ``||(a, b)||_p`` (it is that size to the power ``p``).
    Vectorised over ``a``.

    Examples
    --------
    >>> line_penalty([0.0, 0.5], 10, 5, 0.5).round(4).tolist()
    [2.2361, 0.7071]
    """
    x0, y0, p = _line_args(x0, y0, p)
    if math.isinf(p):
        raise ValueError("p must be finite here (the penalty sum |w_i|^p needs a finite p)")
    arr = as_float_array(a, "a")
    out = np.abs(arr) ** p + np.abs(y0 - x0 * arr) ** p
    return float(out) if out.ndim == 0 else out


def line_local_minima(x0: float, y0: float, p: float) -> np.ndarray:
    """The values of ``a`` where the Lp size along ``b = y0 - x0*a`` has a local minimum.

    For ``p < 1`` (and ``y0 != 0``, ``x0 != 0``) these are the two axis crossings
    ``a = 0`` and ``a = y0/x0``: at each, the penalty has a cusp pointing down.
    For ``p >= 1`` the size is convex and has one minimiser (for a tie, the ends of
    the optimal segment are returned).

    Examples
    --------
    >>> line_local_minima(10, 5, 0.5).tolist()
    [0.0, 0.5]
    >>> line_local_minima(10, 5, 2).round(4).tolist()
    [0.495]
    """
    x0, y0, p = _line_args(x0, y0, p)
    if p < 1.0 and x0 != 0.0 and y0 != 0.0:
        return np.sort(np.array([0.0, y0 / x0]))
    t = touch_point(x0, y0, p)
    return np.unique(t.ends[:, 0])


def line_ridge(x0: float, y0: float, p: float) -> float:
    """For ``p < 1``: the ``a`` between the two crossings where the penalty peaks.

    It splits the line into the two basins: a descent started on one side of it
    lands on that side's crossing. It is not the midpoint in general.

    Examples
    --------
    >>> round(line_ridge(2, 4, 0.5), 4)  # crossings at a = 0 and a = 2, midpoint 1
    0.6667
    """
    x0, y0, p = _line_args(x0, y0, p)
    if not (p < 1.0) or x0 == 0.0 or y0 == 0.0:
        raise ValueError(
            "line_ridge needs p < 1 and a line that crosses both axes apart (x0 != 0, y0 != 0); "
            f"got p={p:g}, x0={x0:g}, y0={y0:g}"
        )
    lo, hi = sorted((0.0, y0 / x0))
    res = minimize_scalar(
        lambda a: -line_penalty(a, x0, y0, p), bounds=(lo, hi), method="bounded",
        options={"xatol": 1e-10 * (hi - lo)},
    )
    return float(res.x)


@dataclass(frozen=True)
class DescentPath:
    """Where gradient descent on the line's penalty went: ``path`` of ``a`` values and
    the ``landing`` point (``b = y0 - x0*landing``)."""

    start: float
    path: np.ndarray
    landing: float
    steps: int


def descend_on_line(
    x0: float,
    y0: float,
    p: float,
    start: float,
    *,
    lr: float = 0.01,
    max_step: float | None = None,
    max_steps: int = 100_000,
) -> DescentPath:
    """Gradient descent on ``|a|^p + |y0 - x0 a|^p`` (``0 < p <= 1``) from ``a = start``.

    The slope becomes infinite at the axis crossings (the cusps), so a step that would
    jump over a crossing lands on it instead, and stops there: for ``p < 1`` every
    crossing is a local minimum. Each step is at most ``max_step`` long (default: a
    twentieth of the distance between the crossings). Near the ridge the slope is nearly
    flat and the fixed ``lr`` crawls: a start 0.1 % of the span from the ridge can take
    about 50,000 steps (x0 = 0.5, y0 = 6, p = 0.2), hence the generous ``max_steps``; a
    descent that runs out of steps stops where it is (``steps == max_steps``).

    Examples
    --------
    >>> descend_on_line(2, 4, 0.5, start=0.3).landing
    0.0
    >>> descend_on_line(2, 4, 0.5, start=1.9).landing
    2.0
    """
    x0, y0, p = _line_args(x0, y0, p)
    if not (0 < p <= 1.0):
        raise ValueError(f"p must be in (0, 1] for this descent, got {p:g}")
    start = as_scalar(start, "start")
    lr = as_scalar(lr, "lr", low=0, low_open=True)
    max_steps = as_int(max_steps, "max_steps", low=1)
    kinks = [0.0] + ([y0 / x0] if x0 != 0.0 else [])
    span = max(abs(y0 / x0) if x0 != 0.0 else abs(y0), 1e-12)
    cap = span / 20 if max_step is None else as_scalar(max_step, "max_step", low=0, low_open=True)

    def slope(a: float) -> float:
        b = y0 - x0 * a
        return p * math.copysign(abs(a) ** (p - 1), a) - x0 * p * math.copysign(
            abs(b) ** (p - 1), b
        )

    def is_local_min(k: float) -> bool:
        h = 1e-9 * max(span, 1.0)
        here = line_penalty(k, x0, y0, p)
        return line_penalty(k - h, x0, y0, p) > here and line_penalty(k + h, x0, y0, p) > here

    a = start
    path = [a]
    for step_no in range(1, max_steps + 1):
        if a in kinks and is_local_min(a):
            return DescentPath(start, np.array(path), a, step_no - 1)
        g = slope(a) if a not in kinks else 0.0
        move = float(np.clip(-lr * g, -cap, cap))
        if abs(move) < 1e-15:
            break
        new = a + move
        crossed = [k for k in kinks if min(a, new) <= k <= max(a, new) and k != a]
        if crossed:
            new = min(crossed, key=lambda k: abs(k - a))
        a = new + 0.0
        path.append(a)
    return DescentPath(start, np.array(path), a, len(path) - 1)


@dataclass(frozen=True)
class ReweightedResult:
    """Result of :func:`reweighted_l1`: the final ``x`` and every iterate (``history[0]``
    is the plain min-L1 solution)."""

    x: np.ndarray
    history: list[np.ndarray]
    eps: float


def reweighted_l1(A: ArrayLike, b: ArrayLike, *, iterations: int = 4, eps: float = 0.1
                  ) -> ReweightedResult:
    """Iteratively reweighted L1 (Candes, Wakin & Boyd 2008) for ``A x = b``.

    Start from the min-L1 solution, then repeat ``iterations`` times: weights
    ``1 / (|x_i| + eps)``, and solve the weighted min-L1 problem. Small entries get
    large weights and are pushed to 0; large entries are penalised little. It is a
    local method for the concave penalty ``sum log(|x_i| + eps)``, close in spirit to
    ``p -> 0``: it often finds sparser solutions than L1, with no guarantee of the
    global optimum.

    Parameters
    ----------
    A : array_like, shape (n, d)
    b : array_like, shape (n,)
    iterations : int, default 4
        Number of reweighting rounds (each one linear programme), >= 0.
    eps : float, default 0.1
        Keeps weights finite at 0; about the size of the smallest entry you hope to
        find. Must be > 0.

    Returns
    -------
    ReweightedResult

    Examples
    --------
    >>> A = np.array([[1.0, 1.0, 0.1], [0.0, 1.0, 1.0]])
    >>> r = reweighted_l1(A, A @ np.array([0.0, 0.0, 2.0]))
    >>> r.x.round(6).tolist()
    [0.0, 0.0, 2.0]
    """
    iterations = as_int(iterations, "iterations", low=0)
    eps = as_scalar(eps, "eps", low=0, low_open=True)
    x = min_l1_solution(A, b)
    history = [x]
    for _ in range(iterations):
        x = min_l1_solution(A, b, weights=1.0 / (np.abs(x) + eps))
        history.append(x)
    return ReweightedResult(x, history, eps)
