"""Geometry of norm balls: their shapes, where a growing ball first touches a line,
and minimum-norm solutions of linear systems.

The picture behind notebook 04: fit ``y = a*x + b`` through one data point
``(x0, y0)``. Every ``(a, b)`` with ``b = y0 - x0*a`` fits it exactly, a whole line
of solutions. The penalty picks one: grow the ball ``{w : ||w||_p <= c}`` from the
origin until it first touches the line. For ``p = 1`` the diamond touches with a
corner, which sits on an axis, so one coordinate is exactly 0.

In many dimensions the same question is a linear programme (``p = 1``), solved
here with :func:`scipy.optimize.linprog`, or a least-squares problem (``p = 2``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy.optimize import linprog

from lessonlib._validate import as_float_array, as_int, as_p, as_scalar, as_xy
from lessonlib.penalties import lp

__all__ = [
    "TouchPoint",
    "ball_boundary",
    "cross_polytope_counts",
    "line_label",
    "line_of_solutions",
    "min_l1_solution",
    "min_l2_solution",
    "touch_point",
]

#: Two numbers closer than this (relative) count as a tie, e.g. ``|x0| == 1`` for L1.
TIE_TOL = 1e-12


def ball_boundary(p: float, radius: float = 1.0, n: int = 721) -> tuple[np.ndarray, np.ndarray]:
    """Points on the boundary ``|x|^p + |y|^p = radius^p`` of the 2-D Lp ball, going round once.

    Uses the "superellipse" parametrisation ``x = r sign(cos t) |cos t|^(2/p)``,
    ``y = r sign(sin t) |sin t|^(2/p)``, which satisfies ``|x|^p + |y|^p = r^p``
    exactly and puts many points where the curve bends, so the thin spikes of
    ``p < 1`` are drawn faithfully. ``p = inf`` gives the square.

    Parameters
    ----------
    p : float
        Any number > 0 (a star for ``p < 1``, a diamond for 1, a circle for 2), or ``inf``.
    radius : float, default 1.0
        The ball's size ``c``, >= 0.
    n : int, default 721
        Number of points (the first and last coincide, closing the curve). At least 9.

    Returns
    -------
    x, y : numpy.ndarray
        Coordinates, each of length ``n``.

    Examples
    --------
    >>> x, y = ball_boundary(1, n=9)
    >>> np.round(np.abs(x) + np.abs(y), 12).tolist() == [1.0] * 9
    True
    """
    p = as_p(p)
    radius = as_scalar(radius, "radius", low=0)
    n = as_int(n, "n", low=9)
    t = np.linspace(0.0, 2.0 * np.pi, n)
    c, s = np.cos(t), np.sin(t)
    if math.isinf(p):
        # Scale each direction to the square: the point where max(|x|, |y|) = radius.
        scale = radius / np.maximum(np.abs(c), np.abs(s))
        return c * scale, s * scale
    e = 2.0 / p
    return radius * np.sign(c) * np.abs(c) ** e, radius * np.sign(s) * np.abs(s) ** e


def cross_polytope_counts(d: int) -> dict[str, int]:
    """Corners and flat faces of the d-dimensional L1 ball (the cross-polytope).

    Its corners are the ``2d`` points ``+-e_i`` (each with one non-zero: sparse);
    its facets are the ``2^d`` sign patterns (one per orthant).

    Examples
    --------
    >>> cross_polytope_counts(3)
    {'d': 3, 'corners': 6, 'facets': 8}
    """
    d = as_int(d, "d", low=1)
    return {"d": d, "corners": 2 * d, "facets": 2**d}


def line_of_solutions(x0: float, y0: float, a: float | np.ndarray) -> float | np.ndarray:
    """The intercept ``b = y0 - x0*a`` that makes ``y = a*x + b`` pass through ``(x0, y0)``.

    Examples
    --------
    >>> line_of_solutions(10, 5, 0.5)
    0.0
    """
    x0 = as_scalar(x0, "x0")
    y0 = as_scalar(y0, "y0")
    arr = as_float_array(a, "a")
    out = y0 - x0 * arr + 0.0
    return float(out) if out.ndim == 0 else out


@dataclass(frozen=True)
class TouchPoint:
    """Where the growing Lp ball first touches the line ``b = y0 - x0*a``.

    Attributes
    ----------
    x0, y0, p : float
        The data point and the exponent.
    point : numpy.ndarray
        ``(a, b)``: the touch point; for a tie, the first of the tied points.
    norm : float
        The ball's size at the touch, ``||point||_p``: the smallest on the line.
    tie : str
        ``"unique"``, ``"segment"`` (a flat side of the ball lies along the line:
        every point of ``ends[0]``-``ends[1]`` is optimal) or ``"two points"``
        (``p < 1``: two spikes touch at once, nothing in between is optimal).
    ends : numpy.ndarray
        Shape ``(2, 2)``: the two ends of the optimal set (both equal to ``point``
        when it is unique).
    method : str
        How it was found (every case here has a closed form).
    """

    x0: float
    y0: float
    p: float
    point: np.ndarray
    norm: float
    tie: str
    ends: np.ndarray
    method: str

    @property
    def unique(self) -> bool:
        """True when exactly one point of the line has the smallest size."""
        return self.tie == "unique"

    @property
    def sparse(self) -> bool:
        """True when the touch point is unique and one coordinate is exactly 0."""
        return self.unique and bool(np.any(self.point == 0.0))

    def describe(self) -> str:
        """One sentence for a learner, e.g. for a widget readout.

        Examples
        --------
        >>> touch_point(10, 5, 1).describe()
        'p = 1: touches at (a, b) = (0.5, 0) with size 0.5: sparse (b is exactly 0).'
        """
        name = "∞" if math.isinf(self.p) else f"{self.p:g}"  # as the figures write it
        a, b = self.point
        if self.tie == "segment":
            (a0, b0), (a1, b1) = self.ends
            return (
                f"p = {name}: a whole side touches at once, every point from "
                f"({a0:.4g}, {b0:.4g}) to ({a1:.4g}, {b1:.4g}) has size {self.norm:.4g}: "
                "no unique answer."
            )
        if self.tie == "two points":
            (a0, b0), (a1, b1) = self.ends
            return (
                f"p = {name}: two spikes touch at once, ({a0:.4g}, {b0:.4g}) and "
                f"({a1:.4g}, {b1:.4g}), both of size {self.norm:.4g}: no unique answer."
            )
        if self.sparse:
            zero = "a" if a == 0.0 and b != 0.0 else ("b" if b == 0.0 and a != 0.0 else "a and b")
            verb = "are" if zero == "a and b" else "is"
            tail = f"sparse ({zero} {verb} exactly 0)"
        else:
            tail = "not sparse (both coordinates non-zero)"
        return (
            f"p = {name}: touches at (a, b) = ({a:.4g}, {b:.4g}) with size {self.norm:.4g}: "
            f"{tail}."
        )


def _point(a: float, b: float) -> np.ndarray:
    return np.array([a, b], dtype=float) + 0.0  # + 0.0 turns -0.0 into 0.0


def touch_point(x0: float, y0: float, p: float) -> TouchPoint:
    """Smallest-Lp point ``(a, b)`` on the line of solutions ``b = y0 - x0*a``.

    This is where the ball ``||(a, b)||_p <= c``, grown from ``c = 0``, first
    touches the line. Closed forms (no iteration, so exact zeros are exact):

    * ``p = 1``: a corner wins: ``(y0/x0, 0)`` if ``|x0| > 1``, ``(0, y0)`` if
      ``|x0| < 1``; if ``|x0| == 1`` a side of the diamond lies along the line and
      the whole segment between those two corners is optimal.
    * ``1 < p < inf`` (``p = 2`` included): Hoelder's equality case. With
      ``c = (x0, 1)`` and ``q = p/(p-1)``, ``w_i = y0 sign(c_i)|c_i|^(q-1) / ||c||_q^q``;
      for ``p = 2`` this is the projection ``y0 (x0, 1) / (x0^2 + 1)``.
    * ``p = inf``: ``|a| = |b| = |y0| / (1 + |x0|)``; if ``x0 == 0`` the line is
      parallel to a side of the square and a segment ties.
    * ``p < 1``: the size is concave between the axis crossings, so the minimum
      is at a crossing, the same two candidates as ``p = 1``; at ``|x0| == 1``
      the two tie (but the points between them are worse).

    Parameters
    ----------
    x0, y0 : float
        The data point.
    p : float
        Any number > 0, or ``inf``.

    Returns
    -------
    TouchPoint

    Examples
    --------
    >>> t = touch_point(10, 5, 1)
    >>> t.point.tolist(), t.norm, t.sparse
    ([0.5, 0.0], 0.5, True)
    >>> np.allclose(touch_point(10, 5, 2).point, [50 / 101, 5 / 101])
    True
    >>> t = touch_point(1, 1000, 1)
    >>> t.tie, t.ends.tolist(), t.norm
    ('segment', [[0.0, 1000.0], [1000.0, 0.0]], 1000.0)
    """
    x0 = as_scalar(x0, "x0")
    y0 = as_scalar(y0, "y0")
    p = as_p(p)

    def done(point, tie="unique", ends=None, method="closed form"):
        ends = np.vstack([point, point]) if ends is None else np.asarray(ends, dtype=float) + 0.0
        return TouchPoint(x0, y0, p, point, lp(point, p), tie, ends, method)

    if y0 == 0.0:
        return done(_point(0.0, 0.0), method="the line passes through the origin")

    if p <= 1.0:
        on_b_axis = _point(0.0, y0)  # a = 0
        if x0 == 0.0:
            return done(on_b_axis)
        on_a_axis = _point(y0 / x0, 0.0)  # b = 0
        gap = abs(x0) - 1.0
        if abs(gap) <= TIE_TOL:
            kind = "segment" if p == 1.0 else "two points"
            return done(on_b_axis, kind, [on_b_axis, on_a_axis])
        return done(on_a_axis if gap > 0 else on_b_axis)

    if math.isinf(p):
        if x0 == 0.0:
            m = abs(y0)
            return done(_point(-m, y0), "segment", [[-m, y0], [m, y0]])
        m = y0 / (1.0 + abs(x0))
        return done(_point(math.copysign(1.0, x0) * m, m))

    # 1 < p < inf: Hoelder. Factor out the largest |c_i| so large q cannot overflow.
    q = p / (p - 1.0)
    c = np.array([x0, 1.0])
    top = float(np.max(np.abs(c)))
    u = np.abs(c) / top
    w = y0 * np.sign(c) * u ** (q - 1.0) / (top * float(np.sum(u**q)))
    if x0 == 0.0:
        w[0] = 0.0
    return done(_point(*w), method="closed form (Hoelder)")


# --------------------------------------------------------------------------- many dimensions




def min_l1_solution(A: ArrayLike, b: ArrayLike, weights: ArrayLike | None = None) -> np.ndarray:
    """The solution of ``A x = b`` with the smallest (weighted) L1 norm, by linear programming.

    Splits ``x = u - v`` with ``u, v >= 0`` and minimises ``sum(weights * (u + v))``
    subject to ``A (u - v) = b`` with HiGHS (``linprog(method="highs")``). At the
    optimum ``u_i * v_i = 0``, so ``u + v = |x|``. A basic optimal solution is a
    vertex: it has at most ``rank(A)`` non-zeros.

    Parameters
    ----------
    A : array_like, shape (n, d)
        The equations, usually with ``n < d`` (more unknowns than equations).
    b : array_like, shape (n,)
        Right-hand sides.
    weights : array_like, shape (d,), optional
        Positive weights for a weighted L1 norm (used by reweighted L1); default all 1.

    Returns
    -------
    numpy.ndarray, shape (d,)

    Raises
    ------
    ValueError
        If the system has no solution.

    Examples
    --------
    >>> min_l1_solution([[10.0, 1.0]], [5.0]).round(12).tolist()
    [0.5, 0.0]
    """
    A, b = as_xy(A, b, names=("A", "b"))
    n, d = A.shape
    if weights is None:
        w = np.ones(d)
    else:
        w = as_float_array(weights, "weights", ndim=1)
        if w.shape[0] != d or np.any(w <= 0):
            raise ValueError(f"weights must be {d} positive numbers (one per column of A)")
    res = linprog(
        np.concatenate([w, w]),
        A_eq=np.hstack([A, -A]),
        b_eq=b,
        bounds=(0, None),
        method="highs",
    )
    if res.status != 0:
        raise ValueError(f"A x = b has no solution the solver could find: {res.message}")
    x = res.x[:d] - res.x[d:]
    # HiGHS returns vertex values to ~1e-12; clear round-off so a zero prints as 0.
    x[np.abs(x) <= 1e-11 * max(1.0, float(np.max(np.abs(x))))] = 0.0
    return x + 0.0


def min_l2_solution(A: ArrayLike, b: ArrayLike) -> np.ndarray:
    """The solution of ``A x = b`` with the smallest L2 norm: ``pinv(A) @ b``.

    It lies in the row space of ``A``, a combination of the rows, so generically
    every coordinate is non-zero. Entries below ``1e-12`` times the largest one are
    round-off and returned as exactly 0.

    Examples
    --------
    >>> np.allclose(min_l2_solution([[10.0, 1.0]], [5.0]), [50 / 101, 5 / 101])
    True
    >>> min_l2_solution([[1.0, 1.0, 0.0]], [2.0]).round(12).tolist()
    [1.0, 1.0, 0.0]
    >>> float(min_l2_solution([[1.0, 1.0, 0.0]], [2.0])[2])  # exactly 0, not 1e-17
    0.0
    """
    A, b = as_xy(A, b, names=("A", "b"))
    x, *_ = np.linalg.lstsq(A, b, rcond=None)
    # Where the exact answer is 0 (a column of zeros, say) lstsq leaves round-off of
    # order 1e-17; report it as the 0 it stands for, so counts of non-zeros describe
    # the maths, not the rounding.
    x[np.abs(x) <= 1e-12 * max(1.0, float(np.abs(x).max(initial=0.0)))] = 0.0
    return x + 0.0


#: A real minus sign (U+2212), as in matplotlib's tick labels, not a hyphen.
_MINUS = "\N{MINUS SIGN}"


def _number(v: float) -> str:
    return f"{v:g}".replace("-", _MINUS)


def line_label(x0: float, y0: float) -> str:
    """The line of solutions ``b = y0 - x0*a`` written as a person would write it.

    No ``1·a``, no ``+ -``, and a real minus sign.

    Examples
    --------
    >>> line_label(10, 5), line_label(1, 1000), line_label(-2, 3)
    ('b = 5 − 10a', 'b = 1000 − a', 'b = 3 + 2a')
    >>> line_label(0, -4), line_label(1, 0)
    ('b = −4', 'b = −a')
    """
    x0 = as_scalar(x0, "x0")
    y0 = as_scalar(y0, "y0")
    k = -x0 + 0.0  # the slope of b against a; + 0.0 turns -0.0 into 0.0
    if k == 0:
        return f"b = {_number(y0)}"
    term = "a" if abs(k) == 1 else f"{abs(k):g}a"
    if y0 == 0:
        return f"b = {'' if k > 0 else _MINUS}{term}"
    return f"b = {_number(y0)} {'+' if k > 0 else _MINUS} {term}"
