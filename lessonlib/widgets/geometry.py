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

import io
import math

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.legend_handler import HandlerTuple
from matplotlib.ticker import MaxNLocator
from PIL import Image

from lessonlib._validate import as_scalar
from lessonlib.geometry import ball_boundary, line_label, touch_point
from lessonlib.plots.geometry import p_color, p_label, p_linestyle
from lessonlib.plots.style import COLORS, L1_COLOR, apply_style
from lessonlib.quasinorm import ball_is_convex, line_local_minima, midpoint_size

# The light-axis helper lives with the first widget that needed it; it draws an axis whose
# range changes on every update without redrawing the background.
from lessonlib.widgets.light_axis import LightAxis
from lessonlib.widgets.live import LiveFigure

__all__ = ["BELOW_ONE_PS", "explore_below_one", "explore_touch"]

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


def _local_outline(p: float, c: float, point: np.ndarray,
                   h: float) -> tuple[np.ndarray, np.ndarray]:
    """The ball's outline ``||w||_p = c`` inside the square of half-width ``h`` round ``point``.

    Computed from the formula in that small window, not cut from the full outline (whose
    points are far apart at a zoom of 10,000): along the small coordinate, the other one
    is ``(c^p - |t|^p)^(1/p)``. The grid holds the axis crossing itself (t = 0), so a
    corner is drawn as a corner.
    """
    if c <= 0:
        return np.array([]), np.array([])
    if math.isinf(p):  # a square: its outline is straight lines with exact corners
        square = c * np.array([[1, 1], [-1, 1], [-1, -1], [1, -1], [1, 1]], dtype=float)
        return square[:, 0], square[:, 1]
    along_b = abs(point[1]) <= abs(point[0])  # the touch point is near the a axis
    centre, other = (point[1], point[0]) if along_b else (point[0], point[1])
    t = np.linspace(centre - 1.5 * h, centre + 1.5 * h, 121)
    if abs(centre) < 1.5 * h:
        t = np.sort(np.append(t, 0.0))
    t = t[np.abs(t) <= c]
    u = np.sign(other or 1.0) * c * np.clip(1 - (np.abs(t) / c) ** p, 0, None) ** (1 / p)
    return (u, t) if along_b else (t, u)


def _zoom_half_width(point: np.ndarray, R: float) -> float:
    # Three times the smaller coordinate, so the touch point and the axis it is near are
    # both in view; an exact zero is shown 100,000 times enlarged (a corner stays a corner).
    small = float(np.min(np.abs(point)))
    return float(np.clip(3 * small, 1e-5 * R, R / 8))


def _readout(lines: list[tuple[str, str]]) -> str:
    # Short `key: value` lines, always three, in a box of fixed height: the image below
    # never moves while Play runs.
    return "<br>".join(f"<b>{key}:</b> {value}" for key, value in lines)


def _fmt(v: float) -> str:
    return f"{v:.4g}"


class _TwoSpeedFigure(LiveFigure):
    """A LiveFigure whose moving artists come in two speeds.

    The *slow* ones (ticks, titles, the line of solutions, the zoom's window) change only
    when the data point or the norm changes; the *fast* ones (the ball and the touch
    points) on every frame of Play. The slow ones are drawn once per view onto a second
    saved background, so a frame draws and encodes only the fast ones: text is the
    costliest thing matplotlib draws, and a Play frame then draws none.
    """

    def __init__(self, *args, slow, fast, view_key, **kwargs) -> None:
        self._slow, self._fast, self._view_key = list(slow), list(fast), view_key
        self._slow_key: object = None
        self._slow_background = None
        super().__init__(*args, animated=[*self._slow, *self._fast], **kwargs)

    def invalidate_background(self) -> None:
        super().invalidate_background()
        self._slow_background = None

    def _render_blit(self) -> bytes:
        canvas = self.fig.canvas
        if not isinstance(canvas, FigureCanvasAgg):
            canvas = FigureCanvasAgg(self.fig)
        key = self._view_key()
        if self._background is None:
            canvas.draw()  # lays out, then draws everything but the animated artists
            self._freeze()
            self._background = canvas.copy_from_bbox(self.fig.bbox)
            self._slow_background = None
        if self._slow_background is None or key != self._slow_key:
            canvas.restore_region(self._background)
            for artist in self._slow:
                self.fig.draw_artist(artist)
            self._slow_background = canvas.copy_from_bbox(self.fig.bbox)
            self._slow_key = key
        else:
            canvas.restore_region(self._slow_background)
        for artist in self._fast:
            self.fig.draw_artist(artist)
        width, height = canvas.get_width_height(physical=True)
        picture = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw",
                                   "RGBA", 0, 1).convert("RGB")
        buf = io.BytesIO()
        picture.save(buf, format="png", compress_level=1)
        return buf.getvalue()


def explore_touch(x0: float = 10.0, y0: float = 5.0, p: float = 1.0) -> LiveFigure:
    """Pick a data point and a norm, and grow the ball until it touches the line of solutions.

    Controls: ``x`` and ``y`` (the data point), ``norm`` (1, 2, inf or "free"),
    ``free_p`` (used when norm is "free"), ``grow`` (ball size in % of the touching
    size; the Play button grows it from 0 to 100 %). A button sets ``x = 1`` and ``p = 1``, the tie.

    Left: the whole picture. Right: a zoom at the touch point, where a corner stays a
    corner at any enlargement and a rounded tip (p = 1.2) shows the touch point off the
    axis. The readout is three ``key: value`` lines.

    The view follows the data point, so its tick labels are drawn by light animated
    artists (``LightAxis``) and the background never has to be redrawn.

    Examples
    --------
    >>> live = explore_touch()
    >>> "sparse:</b> yes" in live.readout.value
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
    # Play grows the ball from 0 to the touch. It starts at 100 (its end) so the widget
    # opens touching, as `grow` does: the link below copies Play's value into `grow` as
    # soon as the view appears. A one-way link, so moving `grow` past 100 leaves Play
    # where it was, and ▶ at its end starts again from 0.
    play = widgets.Play(value=100, min=0, max=100, step=2, interval=60, description="grow")
    widgets.jsdlink((play, "value"), (grow, "value"))
    # x = 1 is 90 presses of an arrow key away from x = 10: a button goes there at once.
    tie_button = widgets.Button(description="x = 1 (the tie)",
                                tooltip="set data x to 1 and the norm to p = 1",
                                layout=widgets.Layout(width="auto"))

    def to_tie(_button: object) -> None:
        # The tie is the L1 diamond's: with any other norm x = 1 shows nothing special.
        x.value = 1.0
        norm.value = 1.0

    tie_button.on_click(to_tie)

    # Left: the picture; right: the zoom at the touch point; the legend has a row of its
    # own under both (see _legend_row). 10 x 5.6 inches at 80 dpi: 800 px, a notebook
    # column's width.
    apply_style()
    fig = Figure(figsize=(10.0, 5.6), layout="constrained", dpi=_DPI)
    axd = fig.subplot_mosaic([["main", "zoom"], ["keys", "keys"]], height_ratios=[15, 2])
    ax, zax, keys = axd["main"], axd["zoom"], axd["keys"]
    (line,) = ax.plot([], [], color=COLORS["black"], lw=2, label="line of solutions")
    (ball,) = ax.plot([], [], color=L1_COLOR, lw=2, label="ball")
    (segment,) = ax.plot([], [], color=COLORS["sky"], lw=7, alpha=0.7, label="tied points")
    (dot,) = ax.plot([], [], "o", color=COLORS["vermillion"], ms=10, mec="white", zorder=5,
                     label="touch point")
    (frame,) = ax.plot([], [], color=COLORS["grey"], lw=1, label="zoom window")
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
    # The zoom: its window moves on every update, so everything in it is animated and it
    # has no ticks (its title gives the enlargement); its own axis lines are drawn as data.
    zax.set_aspect("equal")
    zax.set_xticks([])
    zax.set_yticks([])
    zax.set_xlabel("zoom at the touch point (grey: the axes a = 0 and b = 0)")
    (z_axes,) = zax.plot([], [], color=COLORS["grey"], lw=1.2)
    (z_line,) = zax.plot([], [], color=COLORS["black"], lw=2)
    (z_ball,) = zax.plot([], [], color=L1_COLOR, lw=2)
    (z_dot,) = zax.plot([], [], "o", color=COLORS["vermillion"], ms=10, mec="white", zorder=5)
    z_title = zax.set_title("")
    # Two legends, one shown at a time: with the tie's entry while the tied segment is
    # drawn, without it otherwise. One row each, so the layout fits either.
    legends = {
        tie: _legend_row(keys, handles, labels, ncols=len(handles))
        for tie, handles, labels in (
            (False, [line, ball, dot, frame],
             ["line of solutions", "ball", "touch point", "zoom window"]),
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
        for artist in (ball, z_ball):
            artist.set_color(colour)
            artist.set_linestyle(style)
        touching = grow >= 100
        tied_segment = touching and t.tie == "segment"
        if legend_state and legend_state[0] != (colour, style, tied_segment):
            # The legends are drawn with the background (redrawing a legend costs more
            # than the rest of an update): change them, then redraw it, only when the
            # ball's colour or style or the tie's entry changes (a click, not a drag).
            for key in ball_keys:
                key.set_color(colour)
                key.set_linestyle(style)
            for tie, legend in legends.items():
                legend.set_visible(tie == tied_segment)
            if holder:
                holder[0].invalidate_background()
        legend_state[:] = [(colour, style, tied_segment)]
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
        title.set_text(f"{p_label(p)}, data point ({x:.3g}, {y:.3g})")
        view_key[:] = [(x, y, p)]

        # The zoom, centred on the touch point (the first end of a tie).
        pa, pb = t.point
        h = _zoom_half_width(t.point, R)
        zax.set_xlim(pa - h, pa + h)
        zax.set_ylim(pb - h, pb + h)
        frame.set_data([pa - h, pa + h, pa + h, pa - h, pa - h],
                       [pb - h, pb - h, pb + h, pb + h, pb - h])
        wide = 2 * h
        z_axes.set_data([pa - wide, pa + wide, np.nan, 0, 0],
                        [0, 0, np.nan, pb - wide, pb + wide])
        za = np.array([pa - wide, pa + wide])
        z_line.set_data(za, y - x * za)
        z_ball.set_data(*_local_outline(p, c, t.point, h))
        if touching:
            z_dot.set_data([pa], [pb])
        else:
            z_dot.set_data([], [])
        z_title.set_text(f"zoom ×{float(f'{R / h:.2g}'):,.0f}: window {2 * h:.2g} wide")

        name = "∞" if math.isinf(p) else f"{p:g}"
        size = ("ball size", f"{_fmt(c)} ({grow} % of the touching size {_fmt(t.norm)})")
        if not touching:
            return _readout([size, ("touch point", "not yet: keep growing"),
                             ("sparse", "—")])
        if not t.unique:
            (a0, b0), (a1, b1) = t.ends
            what = "a whole side" if t.tie == "segment" else "two spikes"
            return _readout([size,
                             ("touch point", f"{what}, ({_fmt(a0)}, {_fmt(b0)}) to "
                                             f"({_fmt(a1)}, {_fmt(b1)})"),
                             ("sparse", f"p = {name}: no unique answer")])
        if t.sparse:
            zero = "a" if pa == 0.0 and pb != 0.0 else ("b" if pb == 0.0 and pa != 0.0
                                                         else "a and b")
            verdict = f"yes, {zero} {'are' if zero == 'a and b' else 'is'} exactly 0"
        else:
            verdict = f"no, both non-zero (smaller: {_fmt(min(abs(pa), abs(pb)))})"
        where = "" if grow == 100 else ", at 100 %"
        return _readout([size, ("touch point", f"p = {name}: (a, b) = ({_fmt(pa)}, "
                                               f"{_fmt(pb)}){where}"),
                         ("sparse", verdict)])

    # Drawing order as in a full redraw within each speed: grid lines under the data, then
    # the data, the tick marks and labels, the title; the ball and the points are drawn
    # last, over the line. The legends are static (see update).
    slow = [*(light.grid for light in light_axes), line, frame,
            *(light.marks for light in light_axes),
            *(label for light in light_axes for label in light.labels), title,
            z_axes, z_line, z_title]
    fast = [ball, segment, dot, z_ball, z_dot]
    view_key: list[tuple] = [()]
    # The first update sets the legends directly; later ones redraw them as said there.
    colour0, style0 = _ball_color(p), p_linestyle(p)
    for key in ball_keys:
        key.set_color(colour0)
        key.set_linestyle(style0)
    tie0 = touch_point(x0, y0, p).tie == "segment"
    for tie, legend in legends.items():
        legend.set_visible(tie == tie0)
    legend_state: list[tuple] = [(colour0, style0, tie0)]
    holder: list[LiveFigure] = []
    live = _TwoSpeedFigure(
        fig, {"x": x, "y": y, "norm": norm, "free_p": free_p, "grow": grow}, update,
        title="grow an Lp ball until it touches the line of solutions",
        extra=[play, tie_button], slow=slow, fast=fast, view_key=lambda: view_key[0],
    )
    holder.append(live)
    # Three lines, always: a fixed height keeps the picture still while Play runs.
    # (An HTML widget line is 28 px high in JupyterLab: three of them, and a little room.)
    live.readout.layout = widgets.Layout(height="90px", overflow="hidden")
    return live


#: The p slider's stops: every 0.05 from 0.1 to 0.95, then coarser up to 4. Below 1 is
#: where the notebook's story happens, so it gets most of the track (18 of 28 steps).
BELOW_ONE_PS: tuple[float, ...] = (
    *(round(0.1 + 0.05 * k, 2) for k in range(18)),
    1.0, 1.05, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0,
)


def _p_slider(p0: float) -> widgets.SelectionSlider:
    options = [(f"{v:.2f}", v) for v in BELOW_ONE_PS]
    if p0 not in BELOW_ONE_PS:
        stops = ", ".join(f"{v:g}" for v in BELOW_ONE_PS)
        raise ValueError(f"p must be one of the slider's stops ({stops}); got {p0:g}")
    return widgets.SelectionSlider(options=options, value=p0, description="p",
                                   continuous_update=True)


def explore_below_one(x0: float = 2.0, y0: float = 3.0, p: float = 0.5) -> LiveFigure:
    """A slider for p from 0.1 to 4: the unit ball with a chord (convex or not), the ball
    grown to touch the line of solutions of the data point ``(x0, y0)``, and the size
    along that line, whose local minima (two for p < 1, one from p = 1) are marked.

    The slider stops every 0.05 below 1 (:data:`BELOW_ONE_PS`), where it spends most of
    its track. The axis ranges do not depend on p, so only the balls, the curve, the
    markers and the titles are redrawn when p moves.

    Examples
    --------
    >>> live = explore_below_one()
    >>> print(live.readout.value.split("<br>")[-1])
    <b>local minima:</b> 2 (a = 0, 1.5)
    >>> live.controls["p"].value = 2.0
    >>> print(live.readout.value.split("<br>")[1])
    <b>ball:</b> convex (a norm)
    """
    x0 = as_scalar(x0, "x0")
    y0 = as_scalar(y0, "y0")
    if x0 == 0 or y0 == 0:
        raise ValueError(f"x0 and y0 must be non-zero (a line that crosses both axes apart); "
                         f"got x0={x0:g}, y0={y0:g}")
    p0 = as_scalar(p, "p", low=0.1, high=4)
    slider = _p_slider(p0)
    # Each ball panel's legend sits in a row of its own under it (see _legend_row): inside
    # the axes the ball (a square filling the view at p = 4, a cross along the axes near
    # p = 0.1) would run under it. The line panel needs no legend: its title says it all.
    apply_style()
    fig = Figure(figsize=(8.4, 6.9), layout="constrained")
    axes = fig.subplot_mosaic([["ball", "touch"], ["keys1", "keys2"], ["line", "line"]],
                              height_ratios=[6, 1, 3.8])
    ax1, ax2, ax3 = axes["ball"], axes["touch"], axes["line"]
    keys1, keys2 = axes["keys1"], axes["keys2"]
    fig.set_dpi(_DPI)
    (ball1,) = ax1.plot([], [], color=COLORS["green"], lw=2)
    (chord,) = ax1.plot([1, 0], [0, 1], "o-", color=COLORS["grey"], lw=1, ms=6,
                        label="chord (1,0)–(0,1)")
    (mid,) = ax1.plot([0.5], [0.5], "D", ms=9, color=COLORS["black"])
    # One key with both colours rather than one that changes colour: the legend stays in
    # the background and is never redrawn (text is the slowest thing to draw).
    mid_keys = tuple(ax1.plot([], [], "D", ms=9, color=COLORS[c])[0]
                     for c in ("black", "vermillion"))
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
    _legend_row(keys1, [chord, mid_keys], ["chord (1,0)–(0,1)",
                                           "its midpoint (black: inside, vermillion: outside)"],
                handler_map={tuple: HandlerTuple(ndivide=None)})
    _legend_row(keys2, *ax2.get_legend_handles_labels())
    t1 = ax1.set_title("")
    ax2.set_title("grown until it touches the line")
    # The size along the line, relative to its smallest value (1 at the global minimum),
    # so one fixed y range serves every p; the crossings a = 0 and a = y0/x0 sit inside.
    lo, hi = sorted((0.0, y0 / x0))
    pad = 0.5 * (hi - lo)
    a_line = np.union1d(np.linspace(lo - pad, hi + pad, 241), [lo, hi])
    b_line = y0 - x0 * a_line
    ax3.axhline(1, color=COLORS["grey"], lw=0.8, ls=":", zorder=0)
    for k in (lo, hi):
        ax3.axvline(k, color=COLORS["grey"], lw=0.8, zorder=0)
    (curve,) = ax3.plot([], [], color=COLORS["green"], lw=2)
    (minima,) = ax3.plot([], [], "v", color=COLORS["black"], ms=11, zorder=4)
    ax3.set_xlim(lo - pad, hi + pad)
    ax3.set_ylim(0.9, 3.1)
    ax3.set_xlabel(f"slope a, along the line {line_label(x0, y0)} (grey: where it crosses "
                   "an axis)")
    ax3.set_ylabel("size / smallest size")
    ax3.set_title("size of (a, b) along the line (triangles: its local minima)")

    def update(p):
        bx, by = ball_boundary(p, n=_N)
        ball1.set_data(bx, by)
        convex = ball_is_convex(p)
        colour = COLORS["blue"] if convex else COLORS["purple"]
        for artist in (ball1, ball2, curve):
            artist.set_color(colour)
        m = midpoint_size(p)
        mid_colour = COLORS["black"] if m <= 1 else COLORS["vermillion"]
        mid.set_color(mid_colour)
        t = touch_point(x0, y0, p)
        bx, by = ball_boundary(p, radius=t.norm, n=_N)
        ball2.set_data(bx, by)
        dot.set_data(t.ends[:, 0], t.ends[:, 1])
        # |a|^p + |b|^p has the minimisers of the size; for p = inf the size is the max
        if math.isinf(p):
            size = np.maximum(np.abs(a_line), np.abs(b_line))
        else:
            size = (np.abs(a_line) ** p + np.abs(b_line) ** p) ** (1 / p)
        curve.set_data(a_line, size / t.norm)
        mins = line_local_minima(x0, y0, p)
        at = np.interp(mins, a_line, size) / t.norm
        minima.set_data(mins, at)
        n_min = mins.size
        t1.set_text(f"unit ball, p = {p:.2f}: {'convex' if convex else 'NOT convex'}")
        where = "inside or on" if m <= 1 + 1e-12 else "outside"
        sparse = "sparse" if t.point[1] == 0 or t.point[0] == 0 else "not sparse"
        a_t, b_t = t.point
        return _readout([
            ("p", f"{p:.2f}"),
            ("ball", "convex (a norm)" if convex else "not convex (a quasi-norm)"),
            ("midpoint (0.5, 0.5)", f"size {m:.3g}, {where} the ball"),
            ("touch point", f"({_fmt(a_t)}, {_fmt(b_t)}), size {_fmt(t.norm)}, {sparse}"),
            ("local minima", f"{n_min} (a = {', '.join(_fmt(k) for k in mins)})"),
        ])

    # The chord is redrawn after the ball, as in a full redraw (its end points sit on the
    # ball's outline for every p). Legends, line, axes and two titles are static.
    animated = [ball1, chord, mid, t1, ball2, dot, curve, minima]
    return LiveFigure(fig, {"p": slider}, update, animated=animated,
                      title="move p from 0.1 to 4: the ball, its convexity and its touch point")
