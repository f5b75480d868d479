"""Interactive figures for notebooks 04 and 05: grow a ball until it touches a line,
and move p below 1.

Both builders draw the figure once and use LiveFigure's blitting mode (``animated=``):
the axes, frames, axis labels and static lines are drawn once as a background, and a
control change redraws only the artists that move (the ball, the touch point, the
titles...). The figures are small (5.2 x 6.1 and 8.4 x 5.1 inches at 80 dpi), so their
legends sit outside the axes, where they can be as large as the tick labels without hiding
the balls.
"""

from __future__ import annotations

import math

import ipywidgets as widgets
import numpy as np
from matplotlib.legend import Legend
from matplotlib.ticker import MaxNLocator

from lessonlib._validate import as_scalar
from lessonlib.geometry import ball_boundary, line_label, touch_point
from lessonlib.plots.geometry import p_color, p_label, p_linestyle
from lessonlib.plots.style import COLORS, L1_COLOR, new_figure
from lessonlib.quasinorm import ball_is_convex, midpoint_size

# The light-axis helper lives with the first widget that needed it; it draws an axis whose
# range changes on every update without redrawing the background.
from lessonlib.widgets.light_axis import LightAxis
from lessonlib.widgets.live import LiveFigure

__all__ = ["explore_below_one", "explore_touch"]

_DPI = 80
_N = 401  # points per ball outline: smooth enough, cheap to draw


class _InnerTicks(MaxNLocator):
    """Nice ticks (1, 2 or 5 times a power of ten), but none near the ends of the view.

    A label centred on the right edge of the axes would stick out of the figure and be cut
    off, so the ticks are chosen for the inner 90% of the view.
    """

    def __init__(self) -> None:
        super().__init__(nbins=5, steps=[1, 2, 5, 10])

    def tick_values(self, vmin: float, vmax: float) -> np.ndarray:
        lo, hi = sorted((vmin, vmax))
        margin = 0.05 * (hi - lo)
        lo, hi = lo + margin, hi - margin
        ticks = super().tick_values(lo, hi)
        return ticks[(ticks >= lo) & (ticks <= hi)]


def _norm_choice(choice: object, free_p: float) -> float:
    return float(free_p) if choice == "free" else float(choice)


#: A "free p" the static figures never draw (1.5, 3.2...): a colour of its own. The ps
#: they do draw (1, 2, inf, and 0.25, 0.5 reached with the free slider) keep theirs.
_FREE_P_COLOR = COLORS["green"]


def _ball_color(p: float) -> str:
    return p_color(p, default=_FREE_P_COLOR)


def _legend_row(keys, handles, labels, **kwargs) -> Legend:
    """A legend in ``keys``, an axes of its own (no frame, no ticks) below the plot.

    Below the plot, the legend can use the course's legend size (as large as the tick
    labels) without covering any ball. An axes row rather than a legend hung under the
    plot's axes, because constrained layout sizes a row exactly (it misjudges a legend
    anchored outside an axes and cuts it off), and rather than a figure legend, because
    ``savefig`` skips animated figure-level artists (the full redraw would lose it).
    """
    keys.axis("off")
    legend = Legend(keys, handles, labels, loc="upper center", framealpha=0.9, **kwargs)
    keys.add_artist(legend)
    return legend


def _view_size(x: float, y: float) -> float:
    # The L1 touch size is the largest of all p >= 1 and equals every p < 1 one, so a
    # view sized from it fits every ball without moving when p changes.
    return 1.6 * max(touch_point(x, y, 1).norm, 0.25)


def explore_touch(x0: float = 10.0, y0: float = 5.0, p: float = 1.0) -> LiveFigure:
    """Pick a data point and a norm, and grow the ball until it touches the line of solutions.

    Controls: ``x`` and ``y`` (the data point), ``norm`` (1, 2, inf or "free"),
    ``free_p`` (used when norm is "free"), ``grow`` (ball size in % of the touching
    size; the Play button animates it).

    The view follows the data point, so its tick labels are drawn by light animated
    artists (``LightAxis``) and the background never has to be redrawn.

    Examples
    --------
    >>> live = explore_touch()
    >>> "sparse" in live.readout.value
    True
    >>> live.controls["x"].value = 1.0
    >>> "no unique answer" in live.readout.value
    True
    """
    x0 = as_scalar(x0, "x0", low=-12, high=12)
    y0 = as_scalar(y0, "y0", low=-12, high=12)
    # As explore_below_one does: refuse what the controls cannot show, never replace it.
    p = as_scalar(p, "p", low=0.2, allow_inf=True)
    if math.isfinite(p) and p > 6:
        raise ValueError(f"p must be in [0.2, 6] (the range of the free-p slider) or inf, "
                         f"got {p:g}")
    style = {"description_width": "initial"}
    x = widgets.FloatSlider(value=x0, min=-12, max=12, step=0.1, description="data x",
                            style=style, continuous_update=True)
    y = widgets.FloatSlider(value=y0, min=-12, max=12, step=0.1, description="data y",
                            style=style)
    options = [("p = 1", 1.0), ("p = 2", 2.0), ("p = ∞", math.inf), ("free p", "free")]
    start = p if p in (1.0, 2.0, math.inf) else "free"
    # Buttons, not a dropdown: in JupyterLab a dropdown's arrow keys move between cells.
    norm = widgets.ToggleButtons(options=options, value=start, description="norm",
                                 style={**style, "button_width": "70px"})
    free_p = widgets.FloatSlider(value=p if start == "free" else 1.5, min=0.2, max=6.0,
                                 step=0.05, description="free p", style=style)

    def choose_free(change: dict) -> None:
        # Moving "free p" means the learner wants that p: select it, or nothing would move.
        norm.value = "free"

    free_p.observe(choose_free, names="value")
    grow = widgets.IntSlider(value=100, min=0, max=130, step=2, description="ball size %",
                             style=style)
    play = widgets.Play(value=0, min=0, max=130, step=2, interval=60, description="grow")
    widgets.jslink((play, "value"), (grow, "value"))

    # The legend has a row of its own under the axes (see _legend_row). Height and ratio
    # fit its two rows and keep the plot's box at least as tall as wide, so the square
    # axes fill its width and the y label (at a fixed distance) stays in the figure.
    fig, (ax, keys) = new_figure(1, 2, width=5.2, height=6.1, height_ratios=[15, 2])
    fig.set_dpi(_DPI)
    (line,) = ax.plot([], [], color=COLORS["black"], lw=2, label="line of solutions")
    (ball,) = ax.plot([], [], color=L1_COLOR, lw=2, label="ball")
    (segment,) = ax.plot([], [], color=COLORS["sky"], lw=7, alpha=0.7, label="tied points")
    (dot,) = ax.plot([], [], "o", color=COLORS["vermillion"], ms=10, mec="white", zorder=5,
                     label="touch point")
    # The view is always symmetric about 0, so these stay at its centre: static.
    ax.axhline(0, color=COLORS["grey"], lw=0.8, zorder=0)
    ax.axvline(0, color=COLORS["grey"], lw=0.8, zorder=0)
    ax.set_aspect("equal")
    ax.set_xlabel("slope a")
    ax.set_ylabel("intercept b")
    # Ticks at 1, 2 or 5 times a power of ten (never 0.25): labels are at most four
    # characters ("−0.4", "−1.5", "−15"), so they never reach the y label, which sits
    # at a fixed distance from the axes (the first layout may see shorter labels).
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_locator(_InnerTicks())
    ax.yaxis.set_label_coords(-0.13, 0.5)
    # Two legends, one shown at a time: with the tie's entry while the tied segment is
    # drawn, without it otherwise. Both have two rows, so the layout fits either.
    legends = {
        tie: _legend_row(keys, handles, labels, ncols=2)
        for tie, handles, labels in (
            (False, [line, ball, dot], ["line of solutions", "ball", "touch point"]),
            (True, [line, ball, segment, dot],
             ["line of solutions", "ball", "tie: every point optimal", "the tie's two ends"]),
        )
    }
    ball_keys = [legend.legend_handles[1] for legend in legends.values()]  # follow the ball
    title = ax.set_title("")
    R0 = _view_size(x0, y0)
    ax.set_xlim(-R0, R0)
    ax.set_ylim(-R0, R0)
    light_axes = [LightAxis(ax, "x"), LightAxis(ax, "y")]

    def update(x, y, norm, free_p, grow):
        p = _norm_choice(norm, free_p)
        t = touch_point(x, y, p)
        R = _view_size(x, y)
        a = np.array([-R, R])
        line.set_data(a, y - x * a)
        c = t.norm * grow / 100
        bx, by = ball_boundary(p, radius=c, n=_N)
        ball.set_data(bx, by)
        colour, style = _ball_color(p), p_linestyle(p)
        for artist in (ball, *ball_keys):
            artist.set_color(colour)
            artist.set_linestyle(style)
        touching = grow >= 100
        tied_segment = touching and t.tie == "segment"
        for tie, legend in legends.items():
            legend.set_visible(tie == tied_segment)
        if touching and not t.unique:
            segment.set_data(t.ends[:, 0], t.ends[:, 1] if tied_segment else [np.nan] * 2)
            dot.set_data(t.ends[:, 0], t.ends[:, 1])
        elif touching:
            segment.set_data([], [])
            dot.set_data([t.point[0]], [t.point[1]])
        else:
            segment.set_data([], [])
            dot.set_data([], [])
        if ax.get_xlim() != (-R, R):
            # Cheap now: the static axis is hidden and the light axes draw the new ticks.
            ax.set_xlim(-R, R)
            ax.set_ylim(-R, R)
        for light in light_axes:
            light.update()
        title.set_text(f"{p_label(p)}, data point ({x:.3g}, {y:.3g}), ball size {c:.3g}")
        if not touching:
            return (f"Ball size {c:.4g}: not touching yet. Keep growing "
                    f"(it touches at size {t.norm:.4g}).")
        if grow > 100:
            return (f"Ball size {c:.4g}, {grow} % of the touching size: it now cuts through "
                    f"the line. At 100 %: {t.describe()}")
        return t.describe()

    # Drawing order as in a full redraw: grid lines under the data, then the data, the
    # tick marks and labels, the title, and the legends (the hidden one draws nothing).
    animated = [*(light.grid for light in light_axes), line, ball, segment, dot,
                *(light.marks for light in light_axes),
                *(label for light in light_axes for label in light.labels), title,
                *legends.values()]
    return LiveFigure(
        fig, {"x": x, "y": y, "norm": norm, "free_p": free_p, "grow": grow}, update,
        title="grow an Lp ball until it touches the line of solutions", extra=[play],
        animated=animated,
    )


def explore_below_one(x0: float = 2.0, y0: float = 3.0, p: float = 0.5) -> LiveFigure:
    """A slider for p from 0.1 to 4: the unit ball with a chord (convex or not), and the
    ball grown to touch the line of solutions of the data point ``(x0, y0)``.

    The axis ranges do not depend on p, so only the balls, the midpoint, the touch point
    and the two titles are redrawn when p moves.

    Examples
    --------
    >>> live = explore_below_one()
    >>> "not convex" in live.readout.value
    True
    >>> live.controls["p"].value = 2.0
    >>> "convex" in live.readout.value and "not convex" not in live.readout.value
    True
    """
    x0 = as_scalar(x0, "x0")
    y0 = as_scalar(y0, "y0")
    p0 = as_scalar(p, "p", low=0.1, high=4)
    slider = widgets.FloatSlider(value=p0, min=0.1, max=4.0, step=0.05, description="p",
                                 continuous_update=True, readout_format=".2f")
    # Each panel's legend sits in a row of its own under it (see _legend_row): inside the
    # axes the ball (a square filling the view at p = 4, a cross along the axes near
    # p = 0.1) would run under it.
    fig, ((ax1, ax2), (keys1, keys2)) = new_figure(2, 2, width=8.4, height=5.1,
                                                   height_ratios=[6, 1])
    fig.set_dpi(_DPI)
    (ball1,) = ax1.plot([], [], color=COLORS["green"], lw=2)
    (chord,) = ax1.plot([1, 0], [0, 1], "o-", color=COLORS["grey"], lw=1, ms=6,
                        label="chord (1,0)–(0,1)")
    (mid,) = ax1.plot([0.5], [0.5], "D", ms=9, color=COLORS["black"],
                      label="its midpoint (vermillion: outside)")
    (ball2,) = ax2.plot([], [], color=COLORS["green"], lw=2)
    R = 1.4 * max(touch_point(x0, y0, 1).norm, 0.25)
    a = np.array([-R, R])
    ax2.plot(a, y0 - x0 * a, color=COLORS["black"], lw=2, label=line_label(x0, y0))
    (dot,) = ax2.plot([], [], "o", color=COLORS["vermillion"], ms=10, mec="white", zorder=5,
                      label="touch point")
    for ax, lim in ((ax1, 1.3), (ax2, R)):
        ax.axhline(0, color=COLORS["grey"], lw=0.8, zorder=0)
        ax.axvline(0, color=COLORS["grey"], lw=0.8, zorder=0)
        ax.set_aspect("equal")
        ax.set_xlim(-lim, lim)  # fixed: the axes stay in the background
        ax.set_ylim(-lim, lim)
        ax.locator_params(nbins=5)
    for axis in (ax2.xaxis, ax2.yaxis):  # its labels on the edges (±2) were cut off
        axis.set_major_locator(_InnerTicks())
    ax1.set_xlabel("weight $w_1$")
    ax1.set_ylabel("weight $w_2$")
    ax2.set_xlabel("slope a")
    ax2.set_ylabel("intercept b")
    legend1, _ = (_legend_row(keys, *ax.get_legend_handles_labels())
                  for keys, ax in ((keys1, ax1), (keys2, ax2)))
    mid_key = legend1.legend_handles[1]  # its colour follows the midpoint's
    t1 = ax1.set_title("")
    t2 = ax2.set_title("")

    def update(p):
        bx, by = ball_boundary(p, n=_N)
        ball1.set_data(bx, by)
        convex = ball_is_convex(p)
        colour = COLORS["blue"] if convex else COLORS["purple"]
        ball1.set_color(colour)
        ball2.set_color(colour)
        m = midpoint_size(p)
        mid_colour = COLORS["black"] if m <= 1 else COLORS["vermillion"]
        mid.set_color(mid_colour)
        mid_key.set_color(mid_colour)
        t = touch_point(x0, y0, p)
        bx, by = ball_boundary(p, radius=t.norm, n=_N)
        ball2.set_data(bx, by)
        dot.set_data(t.ends[:, 0], t.ends[:, 1])
        t1.set_text(f"unit ball, p = {p:.2f}: {'convex' if convex else 'NOT convex'}")
        t2.set_text(f"grown to touch: size {t.norm:.3g}")
        where = "inside or on" if m <= 1 + 1e-12 else "outside"
        verdict = ("convex (a norm)" if convex else
                   "not convex (a quasi-norm: the triangle inequality fails)")
        touch = t.describe().split(": ", 1)[1]  # without its own "p = ...:" prefix
        return (f"p = {p:.2f}: <b>{verdict}</b>. The midpoint (0.5, 0.5) has size {m:.3g}, "
                f"{where} the unit ball. Grown ball: {touch}")

    # The chord is redrawn after the ball, as in a full redraw (its end points sit on the
    # ball's outline for every p); the left legend is redrawn because its midpoint key
    # changes colour. The right legend, line and axes are static.
    animated = [ball1, chord, mid, legend1, t1, ball2, dot, t2]
    return LiveFigure(fig, {"p": slider}, update, animated=animated,
                      title="move p from 0.1 to 4: the ball, its convexity and its touch point")
