"""The central picture in numbers: a two-weight least-squares loss plus an L1 or L2 penalty.

A least-squares loss of two weights is a bowl, ``0.5 (w - c)^T H (w - c)`` plus a
constant: ``c`` is the unpenalised fit (its centre) and ``H`` (``X^T X / n`` for data
``X``) sets how the contour ellipses are stretched and tilted. This module finds the
*exact* minimiser of

- ``loss + lam * (|w1| + |w2|)`` (L1), by enumerating the supports (which weights are
  non-zero, with which sign) and keeping the candidate that satisfies the optimality
  (KKT) conditions: no iterative solver, so a weight at 0 is exactly ``0.0``;
- ``loss + lam * (w1² + w2²)`` (L2, squared as in notebooks 02 and 04's Monte Carlo),
  in closed form ``(H + 2 lam I)^-1 H c``;
- the constrained forms, ``loss`` subject to ``||w||_1 <= t`` or ``||w||_2 <= t`` (the
  ball of radius ``t``).

:func:`random_bowl` draws a bowl exactly as one 2-D trial of
:func:`lessonlib.montecarlo.penalised_quadratic_zeros` (``bowl="tilted"``) draws it, so
notebook 04's count of "how often L1 lands on an axis" is a count over pictures like
these.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy.optimize import brentq

from lessonlib._validate import as_float_array, as_int, as_scalar

__all__ = [
    "PRESETS",
    "Bowl",
    "axis_intervals",
    "bowl",
    "constrained_optimum",
    "kkt_gap",
    "lam_all_zero",
    "penalised_optimum",
    "preset",
    "random_bowl",
]

_PENALTIES = ("l1", "l2")


@dataclass(frozen=True, eq=False)
class Bowl:
    """A two-weight quadratic loss ``0.5 (w - c)^T H (w - c)``.

    Build one with :func:`bowl`, :func:`preset` or :func:`random_bowl`.

    Attributes
    ----------
    centre : ndarray, shape (2,)
        The unpenalised optimum ``c`` (the least-squares fit).
    H : ndarray, shape (2, 2)
        Symmetric positive definite curvature.
    name : str
        What the bowl is called in figures and readouts.

    Examples
    --------
    >>> b = bowl((1.0, 0.5))
    >>> float(b.loss((0.0, 0.0)))
    0.625
    """

    centre: np.ndarray
    H: np.ndarray
    name: str = "custom"

    def loss(self, w: ArrayLike) -> np.ndarray:
        """``0.5 (w - c)^T H (w - c)`` for one point (shape (2,)) or many (shape (..., 2))."""
        d = np.asarray(w, dtype=float) - self.centre
        return 0.5 * np.einsum("...i,ij,...j->...", d, self.H, d)

    def gradient(self, w: ArrayLike) -> np.ndarray:
        """``H (w - c)``, the loss's gradient at ``w``."""
        return (np.asarray(w, dtype=float) - self.centre) @ self.H

    @property
    def curvatures(self) -> tuple[float, float]:
        """The eigenvalues of ``H``, smallest first."""
        e = np.linalg.eigvalsh(self.H)
        return float(e[0]), float(e[1])

    @property
    def tilt(self) -> float:
        """Direction of the ellipses' long axis, in degrees in (-90, 90]."""
        _, v = np.linalg.eigh(self.H)
        angle = math.degrees(math.atan2(v[1, 0], v[0, 0]))
        angle = (angle + 90.0) % 180.0 - 90.0
        return 90.0 if angle == -90.0 else angle + 0.0

    def ellipse(self, level: float, n: int = 181) -> np.ndarray:
        """Points ``w`` with ``loss(w) = level`` (an ellipse around the centre), shape (n, 2)."""
        e, v = np.linalg.eigh(self.H)
        t = np.linspace(0.0, 2.0 * np.pi, n)
        unit = np.column_stack([np.cos(t), np.sin(t)])
        return self.centre + math.sqrt(2.0 * max(level, 0.0)) * (unit / np.sqrt(e)) @ v.T


def bowl(centre: ArrayLike, tilt: float = 0.0, condition: float = 1.0, *,
         curvature: float = 1.0, name: str = "custom") -> Bowl:
    """A bowl centred at ``centre`` whose ellipses' long axis points ``tilt`` degrees up.

    Parameters
    ----------
    centre : pair of numbers
        The unpenalised optimum ``c``.
    tilt : float, default 0
        Angle of the long axis (the flat direction), degrees from the w1 axis.
    condition : float, default 1
        Steepest over flattest curvature, >= 1 (1: round contours).
    curvature : float, default 1
        The flattest curvature, > 0.
    name : str

    Examples
    --------
    >>> b = bowl((1.0, 0.5), tilt=30, condition=3)
    >>> [round(x, 6) for x in b.curvatures], round(b.tilt, 6)
    ([1.0, 3.0], 30.0)
    """
    c = as_float_array(centre, "centre", ndim=1)
    if c.shape != (2,):
        raise ValueError(f"centre must be a pair (c1, c2), got {c.size} numbers")
    tilt = as_scalar(tilt, "tilt", low=-360, high=360)
    condition = as_scalar(condition, "condition", low=1, high=1e6)
    curvature = as_scalar(curvature, "curvature", low=0, low_open=True, high=1e6)
    a = math.radians(tilt)
    R = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    H = (R * np.array([curvature, curvature * condition])) @ R.T
    H = 0.5 * (H + H.T)  # exactly symmetric
    return Bowl(c, H, str(name))


def _check_bowl(b: ArrayLike) -> Bowl:
    if not isinstance(b, Bowl):
        raise TypeError(f"bowl must be a Bowl (from penalised_2d.bowl or preset), "
                        f"got {type(b).__name__}")
    return b


def random_bowl(seed: int = 0, condition: float = 10.0) -> Bowl:
    """One random 2-D bowl, drawn as one trial of 04's Monte Carlo draws it.

    As :func:`lessonlib.montecarlo.penalised_quadratic_zeros` with ``d=2``,
    ``bowl="tilted"``, ``trials=1``: curvatures uniform in ``[1, condition]``, a random
    (Haar) orientation, then a centre uniform in the square ``[-1, 1]^2``, in that order
    from ``numpy.random.default_rng(seed)``.

    Examples
    --------
    >>> b = random_bowl(0)
    >>> bool(np.all(np.abs(b.centre) <= 1)), b.name
    (True, 'random bowl (seed 0)')
    """
    seed = as_int(seed, "seed", low=0)
    condition = as_scalar(condition, "condition", low=1, high=1e6)
    rng = np.random.default_rng(seed)
    e = rng.uniform(1.0, condition, size=(1, 2))
    Q, R = np.linalg.qr(rng.standard_normal((2, 2)))
    Q = Q * np.sign(np.diag(R))
    H = (Q * e[0]) @ Q.T
    c = rng.uniform(-1.0, 1.0, size=(1, 2))[0]
    return Bowl(c, 0.5 * (H + H.T), f"random bowl (seed {seed})")


#: Named problems for the figure and the widget: name -> (centre, tilt, condition, curvature).
PRESETS: dict[str, tuple[tuple[float, float], float, float, float]] = {
    "tilted": ((1.0, 0.5), 30.0, 3.0, 1.0),
    "round": ((1.0, 0.5), 0.0, 1.0, 1.0),
    # two standardised features correlated 0.8: H = [[1, 0.8], [0.8, 1]]
    "correlated": ((0.9, 0.5), -45.0, 9.0, 0.2),
}


def preset(name: str = "tilted") -> Bowl:
    """A named bowl: ``"tilted"``, ``"round"``, ``"correlated"`` or ``"random"`` (seed 0).

    Examples
    --------
    >>> preset("correlated").H.round(6).tolist()
    [[1.0, 0.8], [0.8, 1.0]]
    """
    if name == "random":
        return random_bowl(0)
    if name not in PRESETS:
        raise ValueError(f"preset must be one of {[*PRESETS, 'random']}, got {name!r}")
    centre, tilt, condition, curvature = PRESETS[name]
    return bowl(centre, tilt, condition, curvature=curvature, name=name)


def _objective(b: Bowl, w: np.ndarray, lam: float, penalty: str) -> float:
    reg = np.abs(w).sum() if penalty == "l1" else float(w @ w)
    return float(b.loss(w)) + lam * reg


def _l1_candidates(b: Bowl, lam: float) -> list[np.ndarray]:
    """The stationary point of each support and sign pattern that respects its signs."""
    H, c = b.H, b.centre
    Hc = H @ c
    out = [np.zeros(2)]
    for i in (0, 1):
        for s in (-1.0, 1.0):
            wi = c[i] + (H[i, 1 - i] * c[1 - i] - lam * s) / H[i, i]
            if s * wi > 0:
                w = np.zeros(2)
                w[i] = wi
                out.append(w)
    for s1 in (-1.0, 1.0):
        for s2 in (-1.0, 1.0):
            s = np.array([s1, s2])
            w = np.linalg.solve(H, Hc - lam * s)
            if np.all(s * w > 0):
                out.append(w)
    return out


def penalised_optimum(b: Bowl, lam: float, penalty: str = "l1") -> np.ndarray:
    """The exact minimiser of ``loss + lam * penalty``, shape (2,).

    ``penalty="l1"``: ``lam (|w1| + |w2|)``; every support and sign pattern is solved
    exactly and the best candidate kept, so a zero weight is exactly ``0.0``.
    ``penalty="l2"``: ``lam (w1² + w2²)``, closed form ``(H + 2 lam I)^-1 H c``.

    Examples
    --------
    >>> penalised_optimum(bowl((1.0, 0.5)), 0.7).tolist()
    [0.30000000000000004, 0.0]
    >>> penalised_optimum(bowl((1.0, 0.5)), 0.5, "l2").tolist()
    [0.5, 0.25]
    """
    b = _check_bowl(b)
    lam = as_scalar(lam, "lam", low=0)
    if penalty not in _PENALTIES:
        raise ValueError(f"penalty must be 'l1' or 'l2', got {penalty!r}")
    if penalty == "l2":
        return np.linalg.solve(b.H + 2.0 * lam * np.eye(2), b.H @ b.centre)
    # Fewest non-zeros first: at a breakpoint two candidates tie and the sparser is kept.
    candidates = _l1_candidates(b, lam)
    values = [_objective(b, w, lam, "l1") for w in candidates]
    return candidates[int(np.argmin(values))] + 0.0  # + 0.0: no "-0.0"


def kkt_gap(b: Bowl, w: ArrayLike, lam: float, penalty: str = "l1") -> float:
    """How far ``w`` misses the optimality conditions (0 at the exact minimiser).

    L1: ``|g_i + lam sign(w_i)|`` where ``w_i != 0``, ``max(|g_i| - lam, 0)`` where
    ``w_i = 0`` (``g`` the loss's gradient); L2: ``|g + 2 lam w|``. The largest entry.

    Examples
    --------
    >>> b = preset("tilted")
    >>> kkt_gap(b, penalised_optimum(b, 0.5), 0.5) < 1e-12
    True
    """
    b = _check_bowl(b)
    lam = as_scalar(lam, "lam", low=0)
    w = as_float_array(w, "w", ndim=1)
    if w.shape != (2,):
        raise ValueError(f"w must be a pair (w1, w2), got {w.size} numbers")
    g = b.gradient(w)
    if penalty == "l2":
        return float(np.abs(g + 2.0 * lam * w).max())
    if penalty != "l1":
        raise ValueError(f"penalty must be 'l1' or 'l2', got {penalty!r}")
    gap = np.where(w != 0, np.abs(g + lam * np.sign(w)), np.maximum(np.abs(g) - lam, 0.0))
    return float(gap.max())


def lam_all_zero(b: Bowl) -> float:
    """The smallest ``lam`` at which the L1 optimum is ``(0, 0)``: ``max |(H c)_i|``.

    Examples
    --------
    >>> lam_all_zero(bowl((1.0, 0.5)))
    1.0
    """
    b = _check_bowl(b)
    return float(np.abs(b.H @ b.centre).max())


def axis_intervals(b: Bowl) -> dict[int, tuple[float, float] | None]:
    """For each weight, the lambdas at which the L1 optimum has *only* that weight at 0.

    Exact: with weight ``i`` non-zero (sign ``s``) and ``j`` at 0, the optimum is linear in
    ``lam``, and "the sign holds" and ``|g_j| <= lam`` are linear inequalities in ``lam``.

    Returns
    -------
    dict
        ``{0: (low, high) or None, 1: (low, high) or None}``: key ``j`` is the weight that
        is exactly 0 (0 for w1, 1 for w2) for ``low <= lam < high``; ``None`` if never.

    Examples
    --------
    >>> axis_intervals(bowl((1.0, 0.5)))
    {0: None, 1: (0.5, 1.0)}
    """
    b = _check_bowl(b)
    H, c = b.H, b.centre
    Hc = H @ c
    out: dict[int, tuple[float, float] | None] = {0: None, 1: None}
    for i in (0, 1):  # i: the non-zero weight; j: the one at 0
        j = 1 - i
        for s in (-1.0, 1.0):
            low, high = 0.0, s * Hc[i]  # lam >= 0 and s * w_i > 0  <=>  lam < s (Hc)_i
            # g_j(lam) = a + bb lam; need -lam <= g_j <= lam.
            a = -(H[j, j] - H[i, j] ** 2 / H[i, i]) * c[j]
            bb = -s * H[i, j] / H[i, i]
            for alpha, beta in ((1.0 - bb, a), (1.0 + bb, -a)):  # alpha lam >= beta
                if alpha > 0:
                    low = max(low, beta / alpha)
                elif alpha < 0:
                    high = min(high, beta / alpha)
                elif beta > 0:
                    high = -math.inf
            if low < high:
                out[j] = (float(low), float(high))
    return out


def constrained_optimum(b: Bowl, t: float, norm: str = "l1") -> np.ndarray:
    """The exact minimiser of the loss over the ball ``||w|| <= t``, shape (2,).

    ``norm="l1"``: the diamond; the best of its four corners and four edges (each a
    one-dimensional quadratic, minimised in closed form), so a corner is exactly
    ``(±t, 0.0)`` or ``(0.0, ±t)``. ``norm="l2"``: the disc; ``(H + mu I)^-1 H c`` with
    the multiplier ``mu >= 0`` found by root bracketing to machine precision.

    Examples
    --------
    >>> constrained_optimum(bowl((1.0, 0.5)), 0.4).tolist()
    [0.4, 0.0]
    >>> [round(float(x), 12) for x in constrained_optimum(bowl((3.0, 4.0)), 1.0, "l2")]
    [0.6, 0.8]
    """
    b = _check_bowl(b)
    t = as_scalar(t, "t", low=0)
    if norm not in _PENALTIES:
        raise ValueError(f"norm must be 'l1' or 'l2', got {norm!r}")
    c = b.centre
    if norm == "l1":
        if np.abs(c).sum() <= t:
            return c.copy()
        corners = [np.array(v, dtype=float) for v in ((t, 0), (0, t), (-t, 0), (0, -t))]
        candidates = list(corners)
        for k in range(4):
            p, q = corners[k], corners[(k + 1) % 4]
            d = q - p
            curv = float(d @ b.H @ d)
            if curv > 0:  # minimise loss(p + u d) over u in [0, 1]
                u = float(-(b.gradient(p) @ d) / curv)
                if 0.0 < u < 1.0:
                    candidates.append(p + u * d)
        values = [float(b.loss(w)) for w in candidates]
        return candidates[int(np.argmin(values))] + 0.0
    if math.hypot(*c) <= t:
        return c.copy()
    if t == 0:
        return np.zeros(2)
    Hc = b.H @ c

    def radius_minus_t(mu: float) -> float:
        return float(np.linalg.norm(np.linalg.solve(b.H + mu * np.eye(2), Hc))) - t

    high = 1.0
    while radius_minus_t(high) > 0:
        high *= 2.0
    mu = brentq(radius_minus_t, 0.0, high, xtol=1e-15, rtol=4 * np.finfo(float).eps)
    return np.linalg.solve(b.H + mu * np.eye(2), Hc)
