"""Tick marks, labels and grid lines that follow a changing axis range, drawn cheaply.

Used with :class:`~lessonlib.widgets.live.LiveFigure`'s blitting mode: the real axis is
drawn once (its ticks transparent, so the layout leaves room for them) and a LightAxis
draws the ticks of the current range as animated artists on every update.
"""

from __future__ import annotations

from matplotlib import lines as mlines
from matplotlib import transforms as mtransforms
from matplotlib.collections import LineCollection


class LightAxis:
    """The ticks, labels and grid lines of an axis whose range changes on every update.

    Redrawing a matplotlib axis is slow (it re-measures every label). Here the axis
    itself stays in the static background, with its ticks made transparent and its grid
    off (so the layout still leaves room for the labels, and the axis label is drawn
    once), and a few light artists, animated, draw the ticks, labels and grid lines of
    the current range with the axis's own locator, formatter and style.
    """

    def __init__(self, ax, which: str = "x", n_labels: int = 10) -> None:
        axis = ax.xaxis if which == "x" else ax.yaxis
        tick = axis.get_major_ticks()[0]
        label, mark, grid = tick.label1, tick.tick1line, tick.gridline
        away = (tick.get_tick_padding() + tick.get_pad()) / 72  # inches from the spine
        self.ax, self.axis, self.which = ax, axis, which
        if which == "x":
            along = mtransforms.blended_transform_factory(ax.transData, ax.transAxes)
            shift = mtransforms.ScaledTranslation(0, -away, ax.figure.dpi_scale_trans)
            marker = mlines.TICKDOWN
        else:
            along = mtransforms.blended_transform_factory(ax.transAxes, ax.transData)
            shift = mtransforms.ScaledTranslation(-away, 0, ax.figure.dpi_scale_trans)
            marker = mlines.TICKLEFT
        self.grid = LineCollection([], colors=grid.get_color(), alpha=grid.get_alpha(),
                                   linewidths=grid.get_linewidth(),
                                   linestyles=grid.get_linestyle(), transform=along,
                                   zorder=axis.get_zorder())  # below the data
        self.marks = mlines.Line2D([], [], linestyle="none", marker=marker,
                                   markersize=mark.get_markersize(),
                                   markeredgewidth=mark.get_markeredgewidth(),
                                   color=mark.get_color(), transform=along, clip_on=False,
                                   zorder=axis.get_zorder())
        self.labels = [ax.text(0, 0, "", transform=along + shift,
                               ha=label.get_horizontalalignment(),
                               va=label.get_verticalalignment(),
                               fontproperties=label.get_fontproperties(),
                               color=label.get_color(), clip_on=False)
                       for _ in range(n_labels)]
        ax.add_collection(self.grid, autolim=False)
        ax.add_artist(self.marks)
        axis.grid(False)
        ax.tick_params(axis=which, colors="none")  # kept for the layout, drawn by us

    def update(self) -> None:
        lo, hi = sorted(self.axis.get_view_interval())
        slack = 1e-9 * (hi - lo)
        values = [v for v in self.axis.get_major_locator().tick_values(lo, hi)
                  if lo - slack <= v <= hi + slack][:len(self.labels)]
        texts = self.axis.get_major_formatter().format_ticks(values)
        if self.which == "x":
            self.grid.set_segments([[(v, 0.0), (v, 1.0)] for v in values])
            self.marks.set_data(values, [0.0] * len(values))
        else:
            self.grid.set_segments([[(0.0, v), (1.0, v)] for v in values])
            self.marks.set_data([0.0] * len(values), values)
        for i, label in enumerate(self.labels):
            if i < len(values):
                label.set_position((values[i], 0.0) if self.which == "x" else (0.0, values[i]))
                label.set_text(texts[i])
            else:
                label.set_text("")
