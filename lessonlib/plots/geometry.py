"""Figures for notebooks 04 (norm-ball geometry) and 05 (Lp with p < 1).

Each function takes numbers or results from :mod:`lessonlib.geometry`,
:mod:`lessonlib.montecarlo` or :mod:`lessonlib.quasinorm` and returns a
:class:`~matplotlib.figure.Figure` made with :func:`lessonlib.plots.new_figure`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure

from lessonlib._validate import as_float_array, as_p, as_scalar
from lessonlib.geometry import ball_boundary, line_label, touch_point
from lessonlib.plots.style import COLORS, L1_COLOR, L2_COLOR, new_figure

__all__ = [
    "P_COLORS",
    "P_LINESTYLES",
    "p_color",
    "p_label",
    "p_linestyle",
    "plot_growing_balls",
    "plot_l1_ball_3d",
    "plot_line_penalty",
    "plot_nonzeros",
    "plot_paired_recovery",
    "plot_recovery",
    "plot_soft_zeros",
    "plot_tie",
    "plot_unit_balls",
]

#: One colour per exponent used in the course, so a given p looks the same everywhere
#: (the static figures here and the widgets of :mod:`lessonlib.widgets.geometry`).
P_COLORS: dict[float, str] = {
    0.25: COLORS["purple"],
    0.5: COLORS["green"],
    1.0: L1_COLOR,
    2.0: L2_COLOR,
    math.inf: COLORS["orange"],
}

#: The square (p = infinity) is dashed: its orange is close to L1's vermillion.
P_LINESTYLES: dict[float, str] = {math.inf: "--"}


def p_label(p: float) -> str:
    """``"p = 1"``, ``"p = 0.5"``, ``"p = ∞"``.

    Examples
    --------
    >>> p_label(float("inf")), p_label(0.5)
    ('p = ∞', 'p = 0.5')
    """
    p = as_p(p)
    return "p = ∞" if math.isinf(p) else f"p = {p:g}"


def p_color(p: float, default: str = COLORS["black"]) -> str:
    """The course's colour for the exponent ``p`` (``default`` for a p it has none for).

    Examples
    --------
    >>> p_color(float("inf")) == COLORS["orange"], p_color(1) == L1_COLOR
    (True, True)
    >>> p_color(3.7, default="#123456")
    '#123456'
    """
    return P_COLORS.get(float(p), default)


def p_linestyle(p: float) -> str:
    """The course's line style for the exponent ``p``: dashed for the square, else solid.

    Examples
    --------
    >>> p_linestyle(float("inf")), p_linestyle(2)
    ('--', '-')
    """
    return P_LINESTYLES.get(float(p), "-")


def _errors(rows: list[tuple[float, float, float]]) -> np.ndarray:
    """Error-bar lengths (2, n) from (value, low, high) rows, never negative."""
    arr = np.array(rows, dtype=float).reshape(-1, 3)
    return np.maximum(np.vstack([arr[:, 0] - arr[:, 1], arr[:, 2] - arr[:, 0]]), 0.0)


def _axes_through_origin(ax) -> None:
    ax.axhline(0, color=COLORS["grey"], lw=0.8, zorder=0)
    ax.axvline(0, color=COLORS["grey"], lw=0.8, zorder=0)
    ax.set_aspect("equal")


def plot_unit_balls(ps: Sequence[float] = (1, 2, math.inf), *, width: float = 5.5) -> Figure:
    """The unit balls ``||w||_p = 1`` in 2-D, one outline per ``p``.

    Examples
    --------
    >>> fig = plot_unit_balls([0.5, 1, 2])
    >>> len(fig.axes[0].lines) >= 3
    True
    """
    ps = [as_p(p) for p in ps]
    if not ps:
        raise ValueError("ps must list at least one exponent")
    # The legend sits beside the balls, listed from the outermost (largest p) inwards.
    fig, ax = new_figure(width=width + 1.3, height=width)
    for p in sorted(ps, reverse=True):
        x, y = ball_boundary(p)
        ax.plot(x, y, color=p_color(p), ls=p_linestyle(p), lw=2, label=p_label(p))
    _axes_through_origin(ax)
    ax.set_xlim(-1.25, 1.25)
    ax.set_ylim(-1.25, 1.25)
    ax.set_xlabel("weight $w_1$")
    ax.set_ylabel("weight $w_2$")
    ax.set_title("Unit balls: every point at size 1")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), title="outside in")
    return fig


def plot_l1_ball_3d(elev: float = 20.0, azim: float = -60.0) -> Figure:
    """The 3-D L1 unit ball, an octahedron: 6 corners on the axes, 8 triangular faces.

    Seen from the direction (``elev``, ``azim``) in degrees. So that front and back read
    apart, the faces turned towards the viewer are shaded and their edges solid; the
    edges and the corner hidden behind are dashed and hollow.

    Examples
    --------
    >>> fig = plot_l1_ball_3d()
    >>> fig.axes[0].name
    '3d'
    >>> sorted({ln.get_linestyle() for ln in fig.axes[0].lines})
    ['-', '--']
    """
    from mpl_toolkits.mplot3d.art3d import Poly3DCollection

    fig, ax = new_figure(width=5.0, height=5.0, subplot_kw={"projection": "3d"})
    ax.view_init(elev=elev, azim=azim)
    e, a = math.radians(elev), math.radians(azim)
    towards_viewer = np.array([math.cos(e) * math.cos(a), math.cos(e) * math.sin(a),
                               math.sin(e)])
    signs = [np.array(s) for s in np.ndindex(2, 2, 2)]
    signs = [2 * s - 1 for s in signs]  # the eight octants, one face each

    def front(s: np.ndarray) -> bool:  # the face's outward normal is s / sqrt(3)
        return float(s @ towards_viewer) > 0

    for s in signs:
        face = [tuple(int(v) for v in s[k] * np.eye(3, dtype=int)[k]) for k in range(3)]
        ax.add_collection3d(Poly3DCollection(
            [face], facecolor=L1_COLOR, edgecolor="none", alpha=0.45 if front(s) else 0.08))
    # An edge joins +-e_i and +-e_j; it is seen if either of its two faces is.
    for i, j in ((0, 1), (0, 2), (1, 2)):
        k = 3 - i - j
        for si in (-1, 1):
            for sj in (-1, 1):
                s = np.zeros(3)
                s[i], s[j] = si, sj
                seen = any(front(np.where(np.arange(3) == k, sk, s)) for sk in (-1, 1))
                ends = np.zeros((2, 3))
                ends[0, i], ends[1, j] = si, sj
                ax.plot(*ends.T, color=COLORS["black"] if seen else COLORS["grey"],
                        lw=1.6 if seen else 1.0, linestyle="-" if seen else "--")
    corners = np.vstack([np.eye(3, dtype=int), -np.eye(3, dtype=int)])
    for c in corners:
        # a corner is hidden when all four faces around it face away
        seen = any(front(s) for s in signs if np.all(s[c != 0] == c[c != 0]))
        ax.scatter(*c, s=40, depthshade=False, color=COLORS["black"] if seen else "white",
                   edgecolors=COLORS["black"])
        ax.text(*(1.35 * c), "(" + ", ".join(str(v) for v in c) + ")", fontsize=9,
                ha="center", va="center", alpha=1.0 if seen else 0.6)
    for lim in (ax.set_xlim, ax.set_ylim, ax.set_zlim):
        lim(-1.2, 1.2)
    ax.set_box_aspect((1, 1, 1))
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    ax.set_zlabel("$w_3$")
    ax.set_title("The L1 ball in 3-D: an octahedron\n(dashed, hollow: behind)")
    return fig


def plot_growing_balls(
    x0: float = 10.0,
    y0: float = 5.0,
    radii: Sequence[float] = (0.1, 0.2, 0.3, 0.4, 0.5),
    *,
    compare: float = 2.0,
) -> Figure:
    """Diamonds of growing size and the line of solutions ``b = y0 - x0*a``, with a zoom.

    Left: the L1 balls of the given ``radii`` (the last one solid), the Lp ball of
    exponent ``compare`` grown to its own touch point, and both touch points. Right: a
    zoom on the two touch points (marked by a box on the left), which are often too close
    to tell apart at the full scale.

    Examples
    --------
    >>> fig = plot_growing_balls()
    >>> fig.axes[0].get_xlabel(), fig.axes[1].get_title()
    ('slope a', 'zoom ×16 on the two touch points')
    """
    x0 = as_scalar(x0, "x0")
    y0 = as_scalar(y0, "y0")
    r = as_float_array(radii, "radii", ndim=1)
    if np.any(r <= 0):
        raise ValueError("radii must all be > 0")
    compare = as_p(compare, "compare")
    t1, t2 = touch_point(x0, y0, 1), touch_point(x0, y0, compare)
    fig, (ax, zoom) = new_figure(2, width=11.0, height=5.6)
    fig.get_layout_engine().set(wspace=0.12)  # room between the panels for the zoom lines
    R = 1.6 * max(float(r.max()), t1.norm, 1e-9)
    # The zoom: a square around both touch points, twice as wide as their distance (so
    # they sit well apart in it), shifted right to leave room for their labels.
    gap = float(np.hypot(*(t1.point - t2.point)))
    half = max(gap, 0.02 * R)
    centre = (t1.point + t2.point) / 2 + np.array([0.3 * half, 0.0])
    magnification = R / half
    for panel in (ax, zoom):
        for i, c in enumerate(r):
            x, y = ball_boundary(1, radius=c)
            last = i == len(r) - 1
            panel.plot(x, y, color=L1_COLOR, lw=2 if last else 1, ls="-" if last else "--",
                       alpha=1 if last else 0.6,
                       label=f"L1 balls, c = {r[0]:g} ... {r[-1]:g}" if last else None)
        x, y = ball_boundary(compare, radius=t2.norm, n=4001)  # smooth even when zoomed
        panel.plot(x, y, color=p_color(compare), ls=p_linestyle(compare), lw=2,
                   label=f"{p_label(compare)} ball, size {t2.norm:.4g}")
        a = np.linspace(-R, R, 400)
        panel.plot(a, y0 - x0 * a, color=COLORS["black"], lw=2,
                   label=f"solutions: {line_label(x0, y0)}")
        for t, marker in ((t1, "o"), (t2, "s")):
            panel.plot(*t.point, marker=marker, ms=9, color=p_color(t.p), mec="white",
                       zorder=5)
        _axes_through_origin(panel)
    # Only the zoom names the points: at full scale the labels would overlap.
    for t, dy in ((t1, -20), (t2, 10)):
        zoom.annotate(f"{p_label(t.p)}: ({t.point[0]:.3g}, {t.point[1]:.3g})", t.point,
                      xytext=(10, dy), textcoords="offset points", color=p_color(t.p),
                      fontsize=11, bbox={"boxstyle": "round,pad=0.2", "fc": "white",
                                         "ec": "none", "alpha": 0.85})
    ax.set_xlim(-R, R)
    ax.set_ylim(-R, R)
    zoom.set_xlim(centre[0] - half, centre[0] + half)
    zoom.set_ylim(centre[1] - half, centre[1] + half)
    zoom.locator_params(nbins=5)
    # The zoom's y axis is on its right, so the lines from the box to the zoom reach
    # its left edge without crossing any labels.
    zoom.yaxis.tick_right()
    zoom.yaxis.set_label_position("right")
    zoom.spines["right"].set_visible(True)
    ax.indicate_inset_zoom(zoom, edgecolor=COLORS["grey"], alpha=1)
    for panel in (ax, zoom):
        panel.set_xlabel("slope a")
        panel.set_ylabel("intercept b")
    ax.set_title(f"Growing balls until they touch the line (data point ({x0:g}, {y0:g}))",
                 fontsize=12)
    zoom.set_title(f"zoom ×{magnification:.0f} on the two touch points")
    ax.legend(loc="lower left", framealpha=0.9)
    return fig


def plot_tie(x0: float = 1.0, y0: float = 1000.0) -> Figure:
    """The exception: a side of the diamond lies along the line of solutions.

    Examples
    --------
    >>> fig = plot_tie()
    >>> len(fig.axes[0].lines) >= 3
    True
    """
    t = touch_point(x0, y0, 1)
    fig, ax = new_figure(width=6.0, height=6.6)
    x, y = ball_boundary(1, radius=t.norm)
    ax.plot(x, y, color=L1_COLOR, lw=2, label=f"L1 ball of size {t.norm:g}")
    R = 1.3 * t.norm
    a = np.linspace(-R, R, 200)
    ax.plot(a, y0 - x0 * a, color=COLORS["black"], lw=1.5, ls="--",
            label=f"solutions: {line_label(x0, y0)}")
    ax.plot(t.ends[:, 0], t.ends[:, 1], color=COLORS["sky"], lw=7, alpha=0.7, zorder=1,
            label="every point here is optimal")
    ax.plot(t.ends[:, 0], t.ends[:, 1], "o", color=L1_COLOR, ms=10, mec="white", zorder=5,
            label="the two sparse corners")
    _axes_through_origin(ax)
    ax.set_xlim(-R, R)
    ax.set_ylim(-R, R)
    ax.set_xlabel("slope a")
    ax.set_ylabel("intercept b")
    ax.set_title(f"Data point ({x0:g}, {y0:g}): a side touches, not a corner")
    # Below the axes, clear of the diamond and the line (every corner of the view has one
    # of them close by).
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=2, framealpha=0.9)
    return fig


def plot_nonzeros(counts) -> Figure:
    """Non-zeros of the min-L1 and min-L2 solutions against the number of unknowns d.

    ``counts`` is a :class:`~lessonlib.montecarlo.NonzeroCounts`.
    """
    fig, ax = new_figure(width=6.5, height=4.0)
    ax.plot(counts.d, counts.l2_mean, "s-", color=L2_COLOR, label="min-L2 (least norm)")
    ax.plot(counts.d, counts.l1_mean, "o-", color=L1_COLOR, label="min-L1 (linear programme)")
    ax.axhline(counts.n, color=COLORS["grey"], ls=":", label=f"n = {counts.n} equations")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xticks(list(counts.d), [str(d) for d in counts.d])
    ax.minorticks_off()
    ticks = [t for t in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
             if t <= 2 * max(counts.d)]
    ax.set_yticks(ticks, [str(t) for t in ticks])
    ax.set_xlabel("unknowns d (log scale)")
    ax.set_ylabel("non-zero coordinates (log scale)")
    ax.set_title(f"{counts.n} random equations, mean over {counts.trials} systems per d")
    ax.legend()
    return fig


def plot_soft_zeros(results: Sequence) -> Figure:
    """Two panels against d: the share of trials with some exact zero, and the share
    of coefficients at exactly 0. ``results`` are :class:`~lessonlib.montecarlo.SoftZeros`.
    """
    fig, (ax1, ax2) = new_figure(2, width=10.0, height=4.0)
    groups: dict[tuple[str, str], list] = {}
    for r in results:
        groups.setdefault((r.penalty, r.bowl), []).append(r)
    styles = {"round": "-", "tilted": "--"}
    for (penalty, bowl), rows in groups.items():
        rows = sorted(rows, key=lambda r: r.d)
        d = [r.d for r in rows]
        color = L1_COLOR if penalty == "l1" else L2_COLOR
        label = f"{penalty.upper()}, {bowl} bowls"
        share = np.array([r.any_zero.share for r in rows])
        err = _errors([(r.any_zero.share, r.any_zero.low, r.any_zero.high) for r in rows])
        ax1.errorbar(d, 100 * share, yerr=100 * err, fmt="o" + styles[bowl], color=color,
                     capsize=3, label=label)
        frac = np.array([r.zero_fraction for r in rows])
        ferr = _errors([(r.zero_fraction, *r.zero_fraction_ci) for r in rows])
        ax2.errorbar(d, 100 * frac, yerr=100 * ferr, fmt="o" + styles[bowl], color=color,
                     capsize=3, label=label)
    ds = sorted({r.d for r in results})
    for ax in (ax1, ax2):
        ax.set_xscale("log")
        # Label the d values actually run, not only the powers of ten.
        ax.set_xticks(ds, [str(d) for d in ds])
        ax.minorticks_off()
        ax.set_xlabel("dimension d (log scale)")
        ax.set_ylim(-3, 103)
    ax1.set_ylabel("trials with some $w_i$ = 0 (%)")
    ax1.set_title("At least one exact zero")
    ax2.set_ylabel("coefficients exactly 0 (%)")
    ax2.set_title("Share of coefficients at 0")
    ax2.legend(fontsize=9, loc="upper right")
    return fig


def plot_recovery(curve, predicted: float | None = None) -> Figure:
    """Recovery share against measurements m, with 95 % intervals and the predicted m.

    ``curve`` is a :class:`~lessonlib.montecarlo.RecoveryCurve`.
    """
    fig, ax = new_figure(width=7.0, height=4.2)
    colors = {"l1": L1_COLOR, "reweighted": COLORS["green"]}
    labels = {"l1": "min-L1", "reweighted": "reweighted L1"}
    m = np.asarray(curve.m, dtype=float)
    gap = float(np.min(np.diff(m))) if m.size > 1 else 1.0
    names = list(curve.estimates)
    for k, name in enumerate(names):
        ests = curve.estimates[name]
        share = np.array([e.share for e in ests])
        err = _errors([(e.share, e.low, e.high) for e in ests])
        # nudge the series sideways so their error bars do not hide each other
        shift = (k - (len(names) - 1) / 2) * 0.04 * gap
        ax.errorbar(m + shift, 100 * share, yerr=100 * err, fmt="o-", color=colors[name],
                    capsize=4, label=f"{labels[name]} ({ests[0].trials} trials per m)")
    note = "bars: 95 % intervals"
    if len(names) > 1:
        note += "; the series are nudged apart\nsideways only so that their bars do not overlap"
    ax.text(0.01, 0.98, note, transform=ax.transAxes, va="top", fontsize=9,
            color=COLORS["black"])
    ax.set_xticks(m)
    if predicted is not None:
        ax.axvline(predicted, color=COLORS["black"], ls=":",
                   label=f"predicted m ≈ {predicted:.1f}")
    ax.set_xlabel("measurements m")
    ax.set_ylabel("exactly recovered (%)")
    ax.set_ylim(-3, 103)
    ax.set_title(f"Recovering {curve.s} non-zeros among N = {curve.N} unknowns")
    ax.legend(loc="lower right", fontsize=10)
    return fig


def plot_paired_recovery(curve) -> Figure:
    """Plain vs reweighted L1 on the same problems: bars with 95 % intervals, per m, and
    the paired counts that decide the comparison.

    ``curve`` is a :class:`~lessonlib.montecarlo.RecoveryCurve` run with both solvers.
    Above each pair of bars: how many problems only one method recovered, and the exact
    McNemar p-value on those discordant problems.

    Examples
    --------
    >>> from lessonlib.montecarlo import recovery_experiment
    >>> r = recovery_experiment(40, 2, [8], trials=4, seed=0, solvers=("l1", "reweighted"))
    >>> len(plot_paired_recovery(r).axes[0].patches)
    2
    """
    if set(curve.estimates) != {"l1", "reweighted"} or len(curve.paired) != len(curve.m):
        raise ValueError("plot_paired_recovery needs a recovery_experiment run with "
                         "solvers=('l1', 'reweighted')")
    fig, ax = new_figure(width=7.0, height=4.4)
    series = (("l1", "plain L1", L1_COLOR), ("reweighted", "reweighted L1", COLORS["green"]))
    x = np.arange(len(curve.m), dtype=float)
    width = 0.36
    for k, (name, label, color) in enumerate(series):
        ests = curve.estimates[name]
        share = np.array([e.share for e in ests])
        err = _errors([(e.share, e.low, e.high) for e in ests])
        pos = x + (k - 0.5) * width
        ax.bar(pos, 100 * share, width=width * 0.92, color=color, alpha=0.85,
               label=f"{label} ({ests[0].trials} problems per m)")
        ax.errorbar(pos, 100 * share, yerr=100 * err, fmt="none", ecolor=COLORS["black"],
                    capsize=5, lw=1.2)
        for xp, sh in zip(pos, share, strict=True):
            ax.text(xp, 2, f"{100 * sh:.0f}%", ha="center", va="bottom", fontsize=10,
                    color="white", fontweight="bold")
    for xi, pc in zip(x, curve.paired, strict=True):
        ax.text(xi, 104, f"only reweighted {pc.only_second}, only plain {pc.only_first}\n"
                f"exact McNemar p = {pc.mcnemar_p():.2g}", ha="center", va="bottom",
                fontsize=10)
    ax.set_xticks(x, [f"m = {m}" for m in curve.m])
    ax.set_ylabel("exactly recovered (%)")
    ax.set_ylim(0, 128)
    ax.set_yticks([0, 20, 40, 60, 80, 100])
    ax.set_xlim(-0.6, len(curve.m) - 0.4)
    ax.set_title(f"Same problems, two methods: {curve.s} non-zeros among N = {curve.N}")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=10)
    ax.text(1.0, -0.28, "bars: 95 % intervals of each share alone", transform=ax.transAxes,
            ha="right", va="top", fontsize=9, color=COLORS["grey"])
    return fig


def plot_line_penalty(x0: float, y0: float, p: float, paths: Sequence = ()) -> Figure:
    """The Lp size along the line ``b = y0 - x0*a``, its local minima and descent paths.

    ``paths`` are :class:`~lessonlib.quasinorm.DescentPath` results. The curve has the
    upper panel to itself (nothing drawn over it); the descents are arrows in the lower
    panel, one row per start, from the start (dot) to where it stopped, on the same
    a axis, coloured by the minimum they reach.

    Examples
    --------
    >>> from lessonlib.quasinorm import descend_on_line
    >>> fig = plot_line_penalty(3, 2, 0.5, [descend_on_line(3, 2, 0.5, 0.25)])
    >>> len(fig.axes)
    2
    """
    from lessonlib.quasinorm import line_local_minima, line_penalty

    x0 = as_scalar(x0, "x0")
    y0 = as_scalar(y0, "y0")
    p = as_p(p)
    mins = line_local_minima(x0, y0, p)
    starts = [float(path.start) for path in paths]
    lo, hi = float(min(mins.min(), 0)), float(max(mins.max(), 0))
    pad = 0.35 * max(hi - lo, 1e-9)
    a = np.linspace(min([lo - pad, *starts]), max([hi + pad, *starts]), 800)
    a = np.union1d(a, mins)
    size = line_penalty(a, x0, y0, p) ** (1 / p)
    rows = max(len(paths), 1)
    fig, (ax, lanes) = new_figure(1, 2, width=8.0, height=4.4 + 0.28 * rows, sharex=True,
                                  height_ratios=[3.2, 0.6 + 0.28 * rows])
    ax.plot(a, size, color=p_color(p), lw=2.5, zorder=3,
            label=f"{p_label(p)} size of (a, {line_label(x0, y0)[4:]})")
    basin_colors = (COLORS["sky"], COLORS["orange"])
    for k, m in enumerate(mins):
        ax.plot([m], [line_penalty(m, x0, y0, p) ** (1 / p)], "v", ms=12, zorder=4,
                color=basin_colors[k % 2] if paths else COLORS["black"], mec="black",
                label="local minima (axis crossings)" if k == 0 else None)
    ridge = None
    if p < 1 and mins.size == 2:
        from lessonlib.quasinorm import line_ridge

        ridge = line_ridge(x0, y0, p)
        for axis in (ax, lanes):
            axis.axvline(ridge, color=COLORS["grey"], ls=":", zorder=1,
                         label="ridge between the basins" if axis is ax else None)
    ax.set_ylabel(f"size ||(a, b)||, {p_label(p)}")
    ax.set_title(f"Size along the line of solutions for the data point (x, y) = ({x0:g}, {y0:g})")
    ax.legend(fontsize=10, loc="upper right")
    for row, path in enumerate(paths):
        k = int(np.argmin(np.abs(mins - path.landing)))
        color = basin_colors[k % 2]
        y = rows - 1 - row
        lanes.annotate("", xy=(path.landing, y), xytext=(path.start, y),
                       arrowprops={"arrowstyle": "-|>", "color": color, "lw": 2,
                                   "shrinkA": 0, "shrinkB": 0})
        lanes.plot(path.start, y, "o", color=color, ms=7, mec="black", zorder=3)
    for m in mins:
        lanes.axvline(m, color=COLORS["grey"], lw=0.8, zorder=0)
    lanes.set_ylim(-0.7, rows - 0.3)
    lanes.set_yticks([])
    lanes.set_ylabel("descents", fontsize=10)
    lanes.set_xlabel(f"slope a (the intercept is {line_label(x0, y0)}); descents: "
                     "dot = start, arrow = where it stops")
    return fig
