"""Figures of notebooks 02 (Zeno's L2) and 03 (L1 zeroing).

Each ``plot_*`` function takes results and returns a new ``Figure``. The figures
that widgets animate are split in two: ``*_figure()`` builds the figure and its
artists once, and ``update_*`` changes those artists (so a slider move does not
rebuild anything).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap, LogNorm
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, MultipleLocator
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array
from lessonlib.plots.style import COLORS, L1_COLOR, L2_COLOR, new_figure
from lessonlib.zeno import FloatDecay

__all__ = [
    "ZenoHandles",
    "GridHandles",
    "ZERO_ROW",
    "plot_coefficients",
    "plot_float_decay",
    "plot_l2_decay",
    "plot_lasso_path",
    "plot_method_comparison",
    "plot_ridge_path",
    "plot_soft_threshold",
    "plot_weight_grids",
    "update_float_decay",
    "update_weight_grids",
    "weight_grid_figure",
    "zeno_figure",
]


# --------------------------------------------------------------------------- notebook 02


#: Width in inches (at 100 dpi) of notebook 02's two-panel figures: 580 px fit the notebook
#: column of a 1024 px window with the file browser open (592 px) at full size, so the tick
#: labels keep their size.
ZENO_WIDTH = 5.8

def plot_l2_decay(factors: Sequence[float], n_steps: int = 500, k_marks: int = 3) -> Figure:
    """``w_t = f**t`` for a few decay factors, on a linear and on a log y-axis.

    On the log axis each path is a straight line (the same fraction goes every
    step); dots mark where the weight has shrunk by 10, 100, 1000, ...

    Parameters
    ----------
    factors : sequence of float
        Decay factors ``1 - 2 eta lam``, each in (0, 1).
    n_steps : int, default 500
    k_marks : int, default 3
        Mark the steps to shrink by ``10**1 ... 10**k_marks``.

    Examples
    --------
    >>> fig = plot_l2_decay([0.99, 0.95])
    >>> len(fig.axes)
    2
    """
    fs = as_float_array(factors, "factors", ndim=1)
    if np.any((fs <= 0) | (fs >= 1)):
        raise ValueError("every factor must be strictly between 0 and 1")
    fig, (ax_lin, ax_log) = new_figure(2, width=ZENO_WIDTH, height=3.6)
    t = np.arange(n_steps + 1)
    palette = [COLORS[c] for c in ("blue", "vermillion", "green", "orange", "purple")]
    for i, f in enumerate(fs):
        color = palette[i % len(palette)]
        w = f ** t.astype(float)
        label = f"f = {f:g}"
        ax_lin.plot(t, w, color=color, label=label)
        ax_log.semilogy(t, w, color=color, label=label)
        for k in range(1, k_marks + 1):
            s = k * np.log(10) / -np.log(f)
            if s <= n_steps:
                ax_log.plot([s], [10.0**-k], "o", color=color, ms=5)
    ax_lin.set(xlabel="step t", ylabel="weight w_t (w_0 = 1)", title="linear axis",
               ylim=(-0.02, 1.02))
    # Down to 100 times below the last mark: the marks stay evenly spaced and readable
    # instead of squeezed into the top of an axis that runs to 1e-48.
    ax_log.set(xlabel="step t", ylabel="weight w_t (log scale)",
               title="log axis: straight lines", ylim=(10.0 ** -(k_marks + 2), 2.0))
    ax_lin.legend()
    return fig


@dataclass
class ZenoHandles:
    """The artists of :func:`zeno_figure` that :func:`update_float_decay` changes."""

    fig: Figure
    ax_lin: object
    ax_log: object
    line_lin: object
    line_log: object
    stop_lin: object
    stop_log: object
    normal_line: object
    subnormal_line: object
    label: object


def zeno_figure(width: float = ZENO_WIDTH, height: float = 3.6, note: bool = True) -> ZenoHandles:
    """Build the empty two-panel figure of a float decay (see :func:`update_float_decay`).

    The right panel plots ``log10 |w_t|`` on an ordinary axis: the same picture
    as a log axis, but it can reach down to 1e-324 and redraws quickly. ``note``
    adds a line explaining the dashed and dotted lines.

    Examples
    --------
    >>> h = zeno_figure()
    >>> len(h.fig.axes)
    2
    """
    fig, (ax_lin, ax_log) = new_figure(2, width=width, height=height)
    (line_lin,) = ax_lin.plot([], [], color=L2_COLOR, lw=2)
    (line_log,) = ax_log.plot([], [], color=L2_COLOR, lw=2)
    (stop_lin,) = ax_lin.plot([], [], "o", color=COLORS["vermillion"], ms=8)
    (stop_log,) = ax_log.plot([], [], "o", color=COLORS["vermillion"], ms=8)
    normal_line = ax_log.axhline(-300, color=COLORS["grey"], ls="--", lw=1.2)
    subnormal_line = ax_log.axhline(-310, color=COLORS["black"], ls=":", lw=1.2)
    # Neutral titles: the widget also shows runs that end at 1 (f rounds to 1) or at 0.
    ax_lin.set(xlabel="step t", ylabel="weight w_t", title="linear axis")
    ax_log.set(xlabel="step t", ylabel="log10 |w_t|", title="the same, log scale")
    label = ax_log.text(0.97, 0.95, "", transform=ax_log.transAxes, ha="right", va="top",
                        fontsize=10, bbox={"facecolor": "white", "alpha": 0.9, "lw": 0})
    if note:  # a widget says it in its readout instead: less text to redraw
        # In the linear panel's empty upper right: on the log panel it covered the curve.
        ax_lin.text(0.97, 0.62, "right panel:\ndashed: smallest normal\ndotted: smallest subnormal",
                    transform=ax_lin.transAxes, ha="right", fontsize=9, color=COLORS["black"],
                    bbox={"facecolor": "white", "alpha": 0.9, "lw": 0})
    for ax in (ax_lin, ax_log):
        # Few ticks: at 580 px, five labels like "60000" run into each other.
        ax.xaxis.set_major_locator(MaxNLocator(3))
    return ZenoHandles(fig, ax_lin, ax_log, line_lin, line_log, stop_lin, stop_log,
                       normal_line, subnormal_line, label)


def update_float_decay(h: ZenoHandles, decay: FloatDecay) -> None:
    """Show ``decay`` (from :func:`lessonlib.zeno.float_decay`) in the figure ``h``.

    An exact 0 is drawn as a dot a little below the smallest-subnormal line.

    Examples
    --------
    >>> from lessonlib.zeno import float_decay
    >>> h = zeno_figure(); update_float_decay(h, float_decay(0.9, "float32"))
    >>> int(h.line_log.get_xdata()[-1])
    965
    """
    t, v = decay.trace_steps, decay.trace_values
    h.line_lin.set_data(t, v)
    positive = v > 0
    h.line_log.set_data(t[positive], np.log10(v[positive]))
    end = decay.steps
    floor = np.log10(decay.smallest_subnormal)
    top = np.log10(max(float(v.max()), decay.smallest_subnormal))
    span = max(top - floor, 1.0)
    shown_end = np.log10(decay.final) if decay.final > 0 else floor - 0.06 * span
    h.stop_lin.set_data([end], [decay.final])
    h.stop_log.set_data([end], [shown_end])
    h.normal_line.set_ydata([np.log10(decay.smallest_normal)] * 2)
    h.subnormal_line.set_ydata([floor] * 2)
    xmax = max(end, 1) * 1.05
    for ax in (h.ax_lin, h.ax_log):
        ax.set_xlim(-0.02 * xmax, xmax)
    h.ax_lin.set_ylim(-0.03 * 10**top, 1.05 * 10**top)
    h.ax_log.set_ylim(floor - 0.12 * span, top + 0.05 * span)
    if decay.reached_zero:
        text = f"exact 0 at step {end:,}\n(dot drawn below the floor)"
    elif decay.stalled:
        text = f"stuck at {decay.final:.2g}\nfrom step {end:,} on"
    else:
        text = f"still shrinking at step {end:,}\n({decay.final:.2g})"
    h.label.set_text(f"{decay.dtype}, f = {decay.factor:.6g}\n{text}")


def plot_float_decay(decay: FloatDecay) -> Figure:
    """A float decay (from :func:`lessonlib.zeno.float_decay`) on linear and log axes.

    Examples
    --------
    >>> from lessonlib.zeno import float_decay
    >>> fig = plot_float_decay(float_decay(0.5, "float16"))
    >>> type(fig).__name__
    'Figure'
    """
    if not isinstance(decay, FloatDecay):
        raise TypeError(
            f"decay must be a FloatDecay from float_decay(), got {type(decay).__name__}"
        )
    h = zeno_figure()
    update_float_decay(h, decay)
    return h.fig


def plot_ridge_path(lams: ArrayLike, coefs: ArrayLike, true_w: object | None = None) -> Figure:
    """Ridge coefficients against the L2 strength (log x-axis), with their exact-zero counts.

    Examples
    --------
    >>> fig = plot_ridge_path([0.1, 1.0], np.ones((2, 3)))
    >>> len(fig.axes)
    2
    """
    lam = as_float_array(lams, "lams", ndim=1)
    c = as_float_array(coefs, "coefs", ndim=2)
    if c.shape[0] != lam.size:
        raise ValueError(f"coefs must have one row per lambda ({lam.size}), got {c.shape[0]}")
    fig, (ax, ax_abs) = new_figure(2, width=ZENO_WIDTH, height=3.6)
    informative = (np.asarray(true_w) != 0) if true_w is not None else np.zeros(c.shape[1], bool)
    # Many curves: draw the noise features as one collection per panel (much faster).
    grey = ~informative
    cols = np.flatnonzero(grey)
    ax.add_collection(LineCollection([np.column_stack([lam, c[:, j]]) for j in cols],
                                     colors=COLORS["grey"], linewidths=0.7))
    ax_abs.add_collection(LineCollection(
        [np.column_stack([lam, np.maximum(np.abs(c[:, j]), 1e-300)]) for j in cols],
        colors=COLORS["grey"], linewidths=0.7))
    for j in np.flatnonzero(informative):
        ax.plot(lam, c[:, j], color=L2_COLOR, lw=1.2)
        ax_abs.plot(lam, np.abs(c[:, j]), color=L2_COLOR, lw=1.2)
    ax.autoscale_view()
    ax_abs.autoscale_view()
    ax.set_xscale("log")
    ax.set(xlabel="lambda (log scale)", ylabel="coefficient",
           title="ridge path: weights shrink")
    ax_abs.set_xscale("log")
    ax_abs.set_yscale("log")
    ax_abs.set(xlabel="lambda (log scale)", ylabel="|coefficient| (log scale)",
               title="... and none reaches 0")
    return fig


# --------------------------------------------------------------------------- notebook 03


def plot_soft_threshold(t: float = 0.3, eta_lam2: float = 0.3, w_max: float = 1.0) -> Figure:
    """One penalty step as a function of the weight before it: L1 vs L2.

    Left: the L1 step, soft-thresholding ``S(w, t)`` (flat at 0 for ``|w| <= t``),
    next to the naive "subtract ``t sign(w)``" that crosses zero. Right: the L2 step
    ``(1 - eta_lam2) w``, a line through 0 that is 0 only at ``w = 0``.

    Examples
    --------
    >>> len(plot_soft_threshold().axes)
    2
    """
    from lessonlib.penalties import soft_threshold

    w = np.linspace(-w_max, w_max, 401)
    fig, (ax1, ax2) = new_figure(2, width=10, height=4)
    ax1.plot(w, w - t * np.sign(w), color=COLORS["grey"], ls="--",
             label=f"w - {t:g} sign(w): crosses 0")
    ax1.plot(w, soft_threshold(w, t), color=L1_COLOR, lw=2.5, label=f"S(w, {t:g}): stops at 0")
    ax1.axvspan(-t, t, color=L1_COLOR, alpha=0.08)
    ax1.annotate("+0.1 -> 0", xy=(0.1, 0.0), xytext=(0.25, -0.6),
                 arrowprops={"arrowstyle": "->", "color": COLORS["black"]})
    ax1.plot([0.1], [0.1 - t], "x", color=COLORS["grey"], ms=8)
    ax1.plot([0.1], [0.0], "o", color=L1_COLOR, ms=7)
    ax1.set(xlabel="weight before the step", ylabel="weight after the step",
            title="L1 step (size 0.3)")
    ax1.legend(loc="upper left", fontsize=9)
    ax2.plot(w, (1 - eta_lam2) * w, color=L2_COLOR, lw=2.5,
             label=f"(1 - {eta_lam2:g}) w: a fraction")
    ax2.plot(w, w, color=COLORS["grey"], ls=":", label="no change")
    ax2.set(xlabel="weight before the step", ylabel="weight after the step",
            title="L2 step")
    ax2.legend(loc="upper left", fontsize=9)
    for ax in (ax1, ax2):
        ax.axhline(0, color=COLORS["black"], lw=0.6)
        ax.axvline(0, color=COLORS["black"], lw=0.6)
        ax.xaxis.set_major_locator(MultipleLocator(0.5))  # ticks every 0.25 ran together
        ax.yaxis.set_major_locator(MultipleLocator(0.5))
    return fig


#: Where exact zeros are drawn on a log axis: a row of its own, labelled "= 0".
ZERO_ROW = 1e-12


def _zero_band(ax: object, weights: Sequence[np.ndarray]) -> None:
    """Make the row at ``ZERO_ROW`` read "= 0": a shaded band, its own tick, a visible gap.

    An exact zero has no place on a log axis. Drawn at 1e-12 with ordinary ticks it reads
    as "tiny"; here it sits in a grey band labelled "= 0", apart from the smallest real
    magnitude by an empty stretch with break marks, and the ticks in between are removed.
    """
    mags = np.concatenate([np.abs(np.asarray(w, dtype=float)) for w in weights])
    lowest = float(mags[mags > 0].min()) if np.any(mags > 0) else 1.0
    top = 10.0 ** np.floor(np.log10(lowest))  # the decade where real magnitudes start
    ax.axhspan(ZERO_ROW / 3, ZERO_ROW * 3, color=COLORS["grey"], alpha=0.18, lw=0)
    ax.set_ylim(bottom=ZERO_ROW / 3)
    ticks = [ZERO_ROW] + [t for t in ax.get_yticks() if t >= top and t <= ax.get_ylim()[1]]
    ax.set_yticks(ticks, ["= 0"] + [f"1e{int(round(np.log10(t)))}" for t in ticks[1:]])
    ax.minorticks_off()
    # Break marks on the left spine: the axis skips from "= 0" to real magnitudes.
    gap_y = np.sqrt(ZERO_ROW * 3 * top / 3) if top / 3 > ZERO_ROW * 3 else ZERO_ROW * 5
    for dy in (0.8, 1.25):
        ax.plot([-0.012, 0.012], [gap_y * dy / 1.2, gap_y * dy * 1.2], color=COLORS["black"],
                lw=1, transform=ax.get_yaxis_transform(), clip_on=False)
    ax.text(0.99, ZERO_ROW * 1.6, "exactly 0", transform=ax.get_yaxis_transform(),
            ha="right", va="bottom", fontsize=9, color=COLORS["black"])


def plot_method_comparison(results: Sequence[object], best: float | None = None) -> Figure:
    """Final |weights| (sorted, log scale; exact zeros at the bottom) and objective gap per step.

    Parameters
    ----------
    results : sequence of OptimResult
    best : float, optional
        The best objective known (default: the smallest final objective).

    Examples
    --------
    >>> from lessonlib.optimizers import ista
    >>> r = ista(np.eye(3) * np.sqrt(3), [3.0, 0.1, -0.2], lam=0.5, n_steps=20)
    >>> len(plot_method_comparison([r]).axes)
    2
    """
    if not results:
        raise ValueError("results must hold at least one OptimResult")
    fig, (ax_w, ax_obj) = new_figure(2, width=11, height=4.2)
    palette = [COLORS[c] for c in ("grey", "vermillion", "green", "purple", "blue", "orange")]
    best = min(r.final_objective for r in results) if best is None else float(best)
    floor = ZERO_ROW
    styles = ["-", "--", ":", "-.", (0, (5, 1)), (0, (1, 3))]
    for i, r in enumerate(results):
        color = palette[i % len(palette)]
        mags = np.sort(np.abs(r.weights))
        shown = np.where(mags == 0, floor, mags)
        # Decreasing marker sizes and different dashes keep coinciding methods visible.
        ax_w.semilogy(np.arange(mags.size), shown, "o", color=color, ms=max(7 - 1.5 * i, 2),
                      mfc="none" if i % 2 else color,
                      label=f"{r.method}: {r.exact_zeros} exact zeros")
        gap = np.maximum(r.objective - best, 1e-16)
        # Log-spaced steps: the same picture on a log axis with far fewer points.
        steps = np.unique(np.geomspace(1, gap.size, 400).astype(int))
        ax_obj.loglog(steps, gap[steps - 1], color=color, ls=styles[i % len(styles)],
                      lw=2.2 if i == 1 else 1.6, label=r.method)
    _zero_band(ax_w, [r.weights for r in results])
    ax_w.set(xlabel="weights, sorted by size", ylabel="|final weight| (log scale)",
             title="where the weights end")
    ax_w.legend(fontsize=9, loc="center left")  # the lower right holds the exact-zero floor
    ax_obj.set(xlabel="step (log scale)", ylabel="objective - best (log scale)",
               title="how close to the minimum")
    ax_obj.legend(fontsize=9)
    return fig


def plot_lasso_path(
    lams: ArrayLike, coefs: ArrayLike, true_w: ArrayLike, precision: object, recall: object,
    mark: float | None = None,
) -> Figure:
    """The Lasso path (coefficients vs lambda) and precision/recall of the selected support.

    Informative features (``true_w != 0``) are drawn in colour, the others in grey;
    a feature "enters" where its curve leaves 0.

    Examples
    --------
    >>> lams = np.array([1.0, 0.1]); c = np.array([[0.0, 0.0], [0.5, 0.0]])
    >>> fig = plot_lasso_path(lams, c, [1.0, 0.0], [1.0, 1.0], [0.0, 1.0])
    >>> len(fig.axes)
    2
    """
    lam = as_float_array(lams, "lams", ndim=1)
    c = as_float_array(coefs, "coefs", ndim=2)
    tw = as_float_array(true_w, "true_w", ndim=1)
    p = as_float_array(precision, "precision", ndim=1)
    rc = as_float_array(recall, "recall", ndim=1)
    if c.shape != (lam.size, tw.size) or p.size != lam.size or rc.size != lam.size:
        raise ValueError("coefs must be (len(lams), len(true_w)); precision and recall len(lams)")
    fig, (ax, ax_pr) = new_figure(2, width=11, height=4.2)
    noise = np.flatnonzero(tw == 0)
    ax.add_collection(LineCollection([np.column_stack([lam, c[:, j]]) for j in noise],
                                     colors=COLORS["grey"], linewidths=0.8, alpha=0.7))
    for j in np.flatnonzero(tw != 0):
        ax.plot(lam, c[:, j], color=L1_COLOR, lw=1.4)
    ax.autoscale_view()
    ax.set_xscale("log")
    ax.invert_xaxis()
    ax.set(xlabel="L1 strength lambda (log scale, strong on the left)",
           ylabel="coefficient", title="Lasso path: vermillion = truly informative")
    ax_pr.plot(lam, p, color=COLORS["blue"], lw=2, label="precision")
    ax_pr.plot(lam, rc, color=COLORS["orange"], lw=2, ls="--", label="recall")
    ax_pr.set_xscale("log")
    ax_pr.invert_xaxis()
    ax_pr.set(xlabel="L1 strength lambda (log scale)", ylabel="share", ylim=(-0.03, 1.05),
              title="selected features vs true support")
    if mark is not None:
        for a in (ax, ax_pr):
            a.axvline(mark, color=COLORS["black"], ls=":", lw=1)
    ax_pr.legend(loc="lower left")
    return fig


def plot_coefficients(
    panels: Mapping[str, object], true_w: object | None = None, index: object = None
) -> Figure:
    """Bar charts of selected coefficients of several fits, next to the truth.

    Parameters
    ----------
    panels : mapping of str to array_like
        One weight vector per panel title.
    true_w : array_like, optional
        Drawn in grey next to each fitted weight.
    index : array_like of int, optional
        Which features to show (default the first 12).

    Examples
    --------
    >>> fig = plot_coefficients({"fit": [1.0, 0.0, 0.5]}, true_w=[1.0, 0.0, 0.4])
    >>> len(fig.axes)
    1
    """
    if not panels:
        raise ValueError("panels must map a title to a weight vector")
    fig, axes = new_figure(len(panels), width=4.6 * len(panels), height=3.6, sharey=False)
    axes = np.atleast_1d(axes)
    for ax, (title, w) in zip(axes, panels.items(), strict=True):
        full = as_float_array(w, f"panels[{title!r}]", ndim=1)
        idx = np.arange(min(12, full.size)) if index is None else np.asarray(index, dtype=int)
        if idx.size == 0 or idx.min() < 0 or idx.max() >= full.size:
            raise ValueError(f"index must hold positions between 0 and {full.size - 1}")
        wa = full[idx]
        pos = np.arange(idx.size)
        if true_w is not None:
            ta = as_float_array(true_w, "true_w", ndim=1)[idx]
            ax.bar(pos - 0.2, ta, width=0.4, color=COLORS["grey"], label="true")
            ax.bar(pos + 0.2, wa, width=0.4, color=L1_COLOR, label="fitted")
        else:
            ax.bar(pos, wa, color=L1_COLOR)
        for i in pos[wa == 0]:
            ax.text(i + 0.2, 0, "0", ha="center", va="bottom", fontsize=8)
        ax.axhline(0, color=COLORS["black"], lw=0.6)
        ax.set_xticks(pos, [str(i) for i in idx])
        ax.set(xlabel="feature index", ylabel="coefficient", title=title)
    axes[0].legend(fontsize=9)
    return fig


@dataclass
class GridHandles:
    """The artists of :func:`weight_grid_figure`.

    ``marks`` outline the informative cells (one collection per grid, possibly empty).
    """

    fig: Figure
    images: list
    titles: list
    shape: tuple[int, int]
    marks: list = field(default_factory=list)


def _grid_cmap() -> ListedColormap:
    # Pale blue for tiny weights up to strong blue for large ones, never near black,
    # so that black can mean "exactly 0" without ambiguity.
    from matplotlib import colormaps

    base = colormaps["Blues"](np.linspace(0.08, 0.75, 256))
    return ListedColormap(base).with_extremes(bad="black")


def _cell_outlines(cells: np.ndarray, cols: int) -> list:
    """Segments of the outline of every given cell (flat indices) of a grid ``cols`` wide."""
    segs = []
    for k in cells:
        r, c = divmod(int(k), cols)
        x0, x1, y0, y1 = c - 0.45, c + 0.45, r - 0.45, r + 0.45
        segs += [[(x0, y0), (x1, y0)], [(x1, y0), (x1, y1)], [(x1, y1), (x0, y1)],
                 [(x0, y1), (x0, y0)]]
    return segs


def weight_grid_figure(
    shape: tuple[int, int] = (10, 10), titles: Sequence[str] = ("L1", "L2"),
    vmin: float = 1e-3, vmax: float = 3.0, informative: object = None,
) -> GridHandles:
    """Build the side-by-side "network of weights" grids (see :func:`update_weight_grids`).

    Each cell is one weight; its colour is ``|w|`` on a log scale and a black cell
    is a weight that is *exactly* 0. ``informative`` (flat cell indices) outlines the
    cells of the truly informative features in vermillion.

    Examples
    --------
    >>> h = weight_grid_figure((2, 3), informative=[0, 1])
    >>> len(h.images), len(h.marks[0].get_segments())
    (2, 8)
    """
    rows, cols = shape
    cells = np.array([] if informative is None else informative, dtype=int).ravel()
    if cells.size and (cells.min() < 0 or cells.max() >= rows * cols):
        raise ValueError(f"informative must hold cell indices from 0 to {rows * cols - 1}")
    fig, axes = new_figure(len(titles), width=3.6 * len(titles) + 1.0, height=3.9)
    axes = np.atleast_1d(axes)
    cmap = _grid_cmap()
    norm = LogNorm(vmin=vmin, vmax=vmax, clip=True)
    images, title_artists, marks = [], [], []
    blank = np.ma.masked_all(shape)
    for ax, title in zip(axes, titles, strict=True):
        im = ax.imshow(blank, cmap=cmap, norm=norm, interpolation="nearest")
        # Cell borders as one collection, and no axis machinery: both keep redraws fast.
        segs = [[(x - 0.5, -0.5), (x - 0.5, rows - 0.5)] for x in range(cols + 1)]
        segs += [[(-0.5, y - 0.5), (cols - 0.5, y - 0.5)] for y in range(rows + 1)]
        ax.add_collection(LineCollection(segs, colors="white", linewidths=0.8))
        marks.append(ax.add_collection(LineCollection(_cell_outlines(cells, cols),
                                                      colors=L1_COLOR, linewidths=1.8)))
        ax.set_axis_off()
        images.append(im)
        title_artists.append(ax.set_title(title))
    bar = fig.colorbar(images[-1], ax=list(axes), shrink=0.8)
    bar.set_label("|weight| (log scale); black = exactly 0")
    bar.ax.minorticks_off()
    # Plain-text labels: the default "10^k" labels go through mathtext on every redraw.
    ticks = [v for v in (1e-3, 1e-2, 1e-1, 1.0, 10.0) if vmin <= v <= vmax]
    bar.set_ticks(ticks, labels=[f"{v:g}" for v in ticks])
    if cells.size:
        fig.text(0.01, 0.01, "vermillion outline: a truly informative feature",
                 color=L1_COLOR, fontsize=9, ha="left", va="bottom")
    return GridHandles(fig, images, title_artists, shape, marks)


def update_weight_grids(h: GridHandles, weights: Sequence[object], titles: Sequence[str]) -> None:
    """Show one weight vector per grid (length ``rows * cols``) and set the titles.

    Examples
    --------
    >>> h = weight_grid_figure((1, 2))
    >>> update_weight_grids(h, [[0.0, 1.0], [0.1, 1.0]], ["a", "b"])
    >>> int(h.images[0].get_array().mask.sum())
    1
    """
    for im, t_artist, w, title in zip(h.images, h.titles, weights, titles, strict=True):
        wa = np.abs(np.asarray(w, dtype=float)).reshape(h.shape)
        im.set_data(np.ma.masked_equal(wa, 0.0))
        t_artist.set_text(title)


def plot_weight_grids(weights: Sequence[object], titles: Sequence[str],
                      shape: tuple[int, int] = (10, 10)) -> Figure:
    """Static version of the weight grids: one grid per weight vector.

    Examples
    --------
    >>> fig = plot_weight_grids([np.zeros(4), np.ones(4)], ["L1", "L2"], shape=(2, 2))
    >>> type(fig).__name__
    'Figure'
    """
    h = weight_grid_figure(shape, titles=titles)
    update_weight_grids(h, weights, titles)
    return h.fig
