"""Figures of notebook 01: where the houses are, how empty the crossed space is, and L0.

Each function takes results (houses, counts, timings) and returns a
:class:`matplotlib.figure.Figure` made with :func:`lessonlib.plots.new_figure`.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure
from matplotlib.patches import Polygon
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array, as_int, as_scalar
from lessonlib.best_subset import GrowthFit
from lessonlib.plots.style import COLORS, L1_COLOR, new_figure
from lessonlib.wide import PopulatedCells, lat_lon_buckets
from lessonlib.world import Houses

__all__ = [
    "plot_cell_occupancy",
    "plot_city_cells",
    "plot_l0_midpoint",
    "plot_subset_timing",
    "plot_tiny_fits",
    "plot_world",
]


def _houses(h: object) -> Houses:
    if not isinstance(h, Houses):
        raise TypeError(f"houses must be a Houses sample from lessonlib.world.houses, got "
                        f"{type(h).__name__}")
    return h


def plot_world(houses: Houses, degrees: float = 1.0) -> Figure:
    """Map of the houses: how many fall in each ``degrees`` x ``degrees`` cell (log colour).

    Examples
    --------
    >>> from lessonlib.world import houses
    >>> fig = plot_world(houses(2000))
    >>> fig.axes[0].get_xlabel()
    'longitude (degrees east)'
    """
    h = _houses(houses)
    size = as_scalar(degrees, "degrees", low=0.1, high=30)
    counts, _, _ = np.histogram2d(
        h.lat, h.lon, bins=[round(180 / size), round(360 / size)], range=[[-90, 90], [-180, 180]]
    )
    fig, ax = new_figure(width=9.0, height=4.6)
    img = ax.imshow(
        np.ma.masked_equal(counts, 0), origin="lower", extent=(-180, 180, -90, 90),
        norm=LogNorm(vmin=1, vmax=max(counts.max(), 2)), cmap="viridis", interpolation="nearest",
    )
    ax.set_facecolor("#d9d9d9")  # light grey, yet visibly not the page
    ax.set_xlabel("longitude (degrees east)")
    ax.set_ylabel("latitude (degrees north)")
    ax.set_xticks(range(-180, 181, 60))
    ax.set_yticks(range(-90, 91, 30))
    ax.grid(False)
    ax.set_title(f"{len(h):,} generated houses (grey: no house in the {size:g}° cell)")
    fig.colorbar(img, ax=ax, label=f"houses per {size:g}° x {size:g}° cell", shrink=0.85)
    return fig


def plot_cell_occupancy(cells: PopulatedCells, max_count: int = 10, label: str = "") -> Figure:
    """Bar chart: how many populated cells hold 1, 2, ... examples (last bar: that many or more).

    Examples
    --------
    >>> from lessonlib.wide import populated_cells
    >>> fig = plot_cell_occupancy(populated_cells([1, 1, 2, 3, 3, 3]))
    >>> len(fig.axes[0].patches)
    10
    """
    if not isinstance(cells, PopulatedCells):
        raise TypeError(f"cells must be the result of populated_cells, got {type(cells).__name__}")
    top = as_int(max_count, "max_count", low=2, high=100)
    hist = np.zeros(top + 1)
    k = min(len(cells.histogram), top)
    hist[:k] = cells.histogram[:k]
    hist[top] = cells.histogram[top:].sum()
    share = 100 * hist[1:] / max(cells.n_cells, 1)
    fig, ax = new_figure(width=7.5, height=3.8)
    colors = [L1_COLOR if c <= 2 else COLORS["blue"] for c in range(1, top + 1)]
    bars = ax.bar(np.arange(1, top + 1), share, color=colors)
    for bar, s in zip(bars, share, strict=True):
        if s >= 0.5:
            ax.annotate(f"{s:.0f}%", (bar.get_x() + bar.get_width() / 2, s), ha="center",
                        va="bottom", fontsize=10, xytext=(0, 2), textcoords="offset points")
    ax.set_xticks(np.arange(1, top + 1), [str(c) for c in range(1, top)] + [f"{top}+"])
    ax.set_xlabel("houses in the cell")
    ax.set_ylabel("share of populated cells (%)")
    ax.set_ylim(0, max(share.max() * 1.15, 1))
    ax.set_title(f"{cells.n_cells:,} populated cells{label}: vermillion = one or two houses")
    return fig


def plot_city_cells(
    houses: Houses, lat: float, lon: float, half_width_minutes: int = 15, name: str = ""
) -> Figure:
    """Zoom on a city with the minute grid: shaded cells have at least one house.

    Examples
    --------
    >>> from lessonlib.world import houses
    >>> fig = plot_city_cells(houses(5000), 48.86, 2.35, name="Paris")
    >>> "Paris" in fig.axes[0].get_title()
    True
    """
    h = _houses(houses)
    lat0 = as_scalar(lat, "lat", low=-89, high=89)
    lon0 = as_scalar(lon, "lon", low=-179, high=179)
    w = as_int(half_width_minutes, "half_width_minutes", low=2, high=60)
    # snap the window to whole minutes so grid lines are cell edges
    lat_lo = math.floor(lat0 * 60 - w) / 60
    lon_lo = math.floor(lon0 * 60 - w) / 60
    span = 2 * w / 60
    inside = (h.lat >= lat_lo) & (h.lat < lat_lo + span) & (h.lon >= lon_lo) & \
        (h.lon < lon_lo + span)
    la, lo = h.lat[inside], h.lon[inside]
    ii, jj, _, _ = lat_lon_buckets(la, lo, 1.0)
    ii -= round((lat_lo + 90) * 60)
    jj -= round((lon_lo + 180) * 60)
    occupied = np.zeros((2 * w, 2 * w), dtype=bool)
    ok = (ii >= 0) & (ii < 2 * w) & (jj >= 0) & (jj < 2 * w)
    occupied[ii[ok], jj[ok]] = True
    fig, ax = new_figure(width=6.2, height=5.6)
    ax.imshow(occupied, origin="lower", extent=(lon_lo, lon_lo + span, lat_lo, lat_lo + span),
              cmap="Greys", vmin=0, vmax=3.5, interpolation="nearest", aspect="auto")
    edges_lat = lat_lo + np.arange(2 * w + 1) / 60
    edges_lon = lon_lo + np.arange(2 * w + 1) / 60
    ax.vlines(edges_lon, lat_lo, lat_lo + span, color=COLORS["grey"], lw=0.3)
    ax.hlines(edges_lat, lon_lo, lon_lo + span, color=COLORS["grey"], lw=0.3)
    ax.scatter(lo, la, s=3, color=COLORS["blue"], linewidths=0)
    ax.set_xlim(lon_lo, lon_lo + span)
    ax.set_ylim(lat_lo, lat_lo + span)
    ax.grid(False)
    ax.set_xlabel("longitude (degrees east)")
    ax.set_ylabel("latitude (degrees north)")
    where = f" around {name}" if name else ""
    ax.set_title(f"{2 * w} x {2 * w} one-minute cells{where}:\n{int(occupied.sum())} of "
                 f"{occupied.size} hold a house ({int(inside.sum())} houses, blue)", fontsize=12)
    return fig


def plot_subset_timing(ds: ArrayLike, seconds: ArrayLike, fit: GrowthFit,
                       up_to: int = 50) -> Figure:
    """Measured time of exhaustive best-subset search and the fitted ``2**d`` line up to ``up_to``.

    Examples
    --------
    >>> from lessonlib.best_subset import fit_growth
    >>> d, t = [8, 9, 10], [0.01, 0.02, 0.04]
    >>> fig = plot_subset_timing(d, t, fit_growth(d, t))
    >>> fig.axes[0].get_yscale()
    'log'
    """
    d = as_float_array(ds, "ds", ndim=1)
    t = as_float_array(seconds, "seconds", ndim=1)
    if d.shape != t.shape:
        raise ValueError(f"ds and seconds must have the same length, got {d.size} and {t.size}")
    if not isinstance(fit, GrowthFit):
        raise TypeError(f"fit must be the result of fit_growth, got {type(fit).__name__}")
    top = as_int(up_to, "up_to", low=int(d.max()) + 1, high=200)
    fig, ax = new_figure(width=7.5, height=4.4)
    grid = np.linspace(d.min(), top, 200)
    ax.plot(grid, [fit.seconds(g) for g in grid], color=COLORS["grey"], ls="--",
            label="2^d law through the larger runs")
    ax.plot(d, t, "o", color=L1_COLOR, label="measured")
    year = 365.25 * 86_400
    for value, text in ((60, "a minute"), (86_400, "a day"), (year, "a year"),
                        (13.8e9 * year, "age of the universe")):
        ax.axhline(value, color=COLORS["blue"], lw=0.8, alpha=0.6)
        ax.text(d.min(), value * 1.6, text, color=COLORS["blue"], fontsize=10)
    ax.set_yscale("log")
    ax.set_xlabel("number of features d")
    ax.set_ylabel("time of one exhaustive search (s)")
    ax.legend(loc="lower right")
    ax.set_title("Best-subset search: every extra feature doubles the work")
    return fig


def plot_l0_midpoint(a: ArrayLike = (1.0, 0.0), b: ArrayLike = (0.0, 1.0)) -> Figure:
    """Two 2-D weight vectors with one non-zero each, their midpoint, and the L1 unit ball.

    The vectors with at most one non-zero are the two axes (a cross, not a
    convex set): the segment between ``a`` and ``b`` leaves it. The L1 ball (shaded
    diamond) holds the whole segment; for the default pair the segment *is* one of its
    edges, so it is drawn on top, thick, with each point labelled.

    Examples
    --------
    >>> fig = plot_l0_midpoint()
    >>> fig.axes[0].get_aspect(), len(fig.legends), len(fig.axes[0].texts)
    (1.0, 1, 3)
    """
    va = as_float_array(a, "a", ndim=1)
    vb = as_float_array(b, "b", ndim=1)
    if va.shape != (2,) or vb.shape != (2,):
        raise ValueError("a and b must be 2-D vectors such as (1, 0)")
    mid = (va + vb) / 2
    fig, ax = new_figure(width=5.6, height=6.2)
    ax.add_patch(Polygon([(1, 0), (0, 1), (-1, 0), (0, -1)], closed=True, fc=L1_COLOR,
                         alpha=0.15, ec="none", label="L1 ball |w1| + |w2| <= 1 (convex)"))
    ax.add_patch(Polygon([(1, 0), (0, 1), (-1, 0), (0, -1)], closed=True, fill=False,
                         ec=L1_COLOR, lw=1.2, ls="--"))
    ax.axhline(0, color=COLORS["green"], lw=3, label="at most 1 non-zero (the axes)")
    ax.axvline(0, color=COLORS["green"], lw=3)
    xs, ys = [va[0], vb[0]], [va[1], vb[1]]
    ax.plot(xs, ys, color=COLORS["black"], lw=3.5, label="segment from a to b", zorder=4)
    ax.plot(xs, ys, "o", color=COLORS["blue"], ms=11, zorder=5)
    ax.plot(*mid, "s", color=COLORS["purple"], ms=12, zorder=5)
    box = {"boxstyle": "round,pad=0.25", "fc": "white", "ec": COLORS["grey"], "alpha": 0.95}
    for point, name, offset in ((va, "a", (6, -52)), (vb, "b", (14, 10))):
        ax.annotate(f"{name} = ({point[0]:g}, {point[1]:g})\n{np.count_nonzero(point)} non-zero",
                    point, xytext=offset, textcoords="offset points", fontsize=11,
                    bbox=box, zorder=6)
    ax.annotate(f"midpoint ({mid[0]:g}, {mid[1]:g})\n{np.count_nonzero(mid)} non-zeros",
                mid, xytext=(34, 26), textcoords="offset points", fontsize=11,
                color=COLORS["purple"], fontweight="bold", bbox=box, zorder=6,
                arrowprops={"arrowstyle": "->", "color": COLORS["purple"]})
    ax.set_xlim(-1.5, 1.8)
    ax.set_ylim(-1.5, 1.8)
    ax.set_aspect("equal")
    ax.set_xlabel("weight w1")
    ax.set_ylabel("weight w2")
    fig.legend(loc="outside lower center", ncols=1, fontsize=10)
    ax.set_title("Counting non-zeros is not convex; L1 is")
    return fig


def plot_tiny_fits(x: ArrayLike, y: ArrayLike, grid: ArrayLike,
                   curves: dict[str, object]) -> Figure:
    """Training points and one fitted curve per penalty strength.

    Parameters
    ----------
    x, y : 1-D arrays
        The training points.
    grid : 1-D array
        Where the curves are evaluated.
    curves : dict of label -> 1-D array
        Each curve's values on ``grid`` (at most 4).

    Examples
    --------
    >>> g = np.linspace(-1, 1, 5)
    >>> fig = plot_tiny_fits([0.0], [1.0], g, {"flat": np.ones(5)})
    >>> len(fig.axes[0].lines)
    2
    """
    xv = as_float_array(x, "x", ndim=1)
    yv = as_float_array(y, "y", ndim=1)
    gv = as_float_array(grid, "grid", ndim=1)
    if not 1 <= len(curves) <= 4:
        raise ValueError(f"curves must hold 1 to 4 curves, got {len(curves)}")
    fig, ax = new_figure(width=7.0, height=4.2)
    styles = [(COLORS["vermillion"], "-"), (COLORS["blue"], "-"), (COLORS["green"], "--"),
              (COLORS["purple"], ":")]
    for (label, values), (color, ls) in zip(curves.items(), styles, strict=False):
        v = as_float_array(values, f"curves[{label!r}]", ndim=1)
        if v.shape != gv.shape:
            raise ValueError(f"curve {label!r} has {v.size} values for {gv.size} grid points")
        ax.plot(gv, v, color=color, ls=ls, lw=2, label=label)
    ax.plot(xv, yv, "o", color=COLORS["black"], ms=7, label="the 10 training points")
    ax.set_ylim(-2.5, 2.5)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend(loc="upper left", fontsize=10)
    return fig
