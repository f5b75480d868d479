"""The widget of notebook 01: pick a bucket size, see the cost of the crossed space."""

from __future__ import annotations

import ipywidgets as widgets

from lessonlib._validate import as_int
from lessonlib.plots.style import COLORS, L1_COLOR, new_figure
from lessonlib.wide import (
    cross,
    cross_dimension,
    dense_bytes,
    format_bytes,
    lat_lon_buckets,
    populated_cells,
)
from lessonlib.widgets.live import LiveFigure
from lessonlib.world import Houses, houses

__all__ = ["BUCKET_SIZES", "bucket_summary", "explore_buckets"]

#: The bucket sizes the widget offers: label -> size in arcminutes.
BUCKET_SIZES: dict[str, float] = {
    "1 degree": 60.0,
    "10 minutes": 10.0,
    "1 minute": 1.0,
    "1 second": 1.0 / 60.0,
}


class _BucketPanels:
    """Two bar panels, drawn with LiveFigure's blitting mode: axes, ticks and labels are
    drawn once as a background; an update redraws only the six bars and the title.

    A full matplotlib redraw of two axes costs ~60 ms of CPU (tick labels are text, and
    text is slow); redrawing the bars alone costs a few milliseconds.
    """

    SIZE_NAMES = ("cells in\nthe cross", "cells with\n>= 1 house", "houses")
    FILL_NAMES = ("1-2", "3-9", "10+")

    def __init__(self) -> None:
        fig, (ax_size, ax_fill) = new_figure(2, 1, width=9.0, height=3.6)
        size_colors = [COLORS["grey"], COLORS["blue"], COLORS["green"]]
        fill_colors = [L1_COLOR, COLORS["blue"], COLORS["blue"]]
        # Fixed axis ranges, so that the background never has to be redrawn.
        ax_size.set_yscale("log")
        size_bars = ax_size.bar(self.SIZE_NAMES, [1, 1, 1], bottom=1, color=size_colors)
        ax_size.set_ylim(1, 1e13)
        ax_size.set_yticks([1, 1e3, 1e6, 1e9, 1e12],
                           ["1", "1 thousand", "1 million", "1 billion", "1 trillion"])
        ax_size.minorticks_off()
        ax_size.set_ylabel("count (log scale)")
        fill_bars = ax_fill.bar(self.FILL_NAMES, [0, 0, 0], color=fill_colors)
        ax_fill.set_ylim(0, 100)
        ax_fill.set_xlabel("houses in a populated cell")
        ax_fill.set_ylabel("share of populated cells (%)")
        self.fig = fig
        self.bars = [*size_bars.patches, *fill_bars.patches]
        self._panels = [(ax_size, list(size_bars.patches)), (ax_fill, list(fill_bars.patches))]
        # the title's room is reserved by the layout (the first render has its text)
        self.title = fig.suptitle(" ", fontsize=13)
        self.animated = [*self.bars, self.title]

    def set_values(self, sizes: list[float], shares: list[float], title: str) -> None:
        for (ax, bars), values in zip(self._panels, (sizes, shares), strict=True):
            y0 = ax.get_ylim()[0]  # bars rise from the bottom of the axis (1 on the log axis)
            for rect, value in zip(bars, values, strict=True):
                rect.set_y(y0)
                rect.set_height(max(value, y0) - y0)
        self.title.set_text(title)


def bucket_summary(h: Houses, minutes: float) -> dict[str, float]:
    """Size, dense cost and occupancy of the lat x lon cross at ``minutes`` per bucket.

    Examples
    --------
    >>> s = bucket_summary(houses(1000), 60.0)
    >>> int(s["dimension"]), int(s["dense_bytes"])
    (64800, 259200)
    """
    if not isinstance(h, Houses):
        raise TypeError(f"h must be a Houses sample, got {type(h).__name__}")
    i, j, n_lat, n_lon = lat_lon_buckets(h.lat, h.lon, minutes)
    cells = populated_cells(cross(i, j, n_lon))
    dim = cross_dimension(n_lat, n_lon)
    return {
        "n_lat": n_lat,
        "n_lon": n_lon,
        "dimension": dim,
        "dense_bytes": dense_bytes(dim, "float32"),
        "populated": cells.n_cells,
        "one_or_two": cells.cells_with(1, 2),
        "three_to_nine": cells.cells_with(3, 9),
        "ten_plus": cells.cells_with(10),
        "examples": cells.n_examples,
    }


def explore_buckets(n: int = 200_000, seed: int = 0, sample: Houses | None = None) -> LiveFigure:
    """Choose the bucket size of latitude and longitude; see the cross's size and occupancy.

    The counts for every bucket size are computed once, up front, so moving the
    control only changes bar heights and text.

    Parameters
    ----------
    n : int, default 200_000
        Houses to draw (ignored when ``sample`` is given).
    seed : int, default 0
    sample : Houses, optional
        A sample already drawn with :func:`lessonlib.world.houses`.

    Returns
    -------
    LiveFigure
        ``controls["minutes"]`` is the bucket-size selector.

    Examples
    --------
    >>> live = explore_buckets(n=2000)
    >>> live.controls["minutes"].value = 1.0
    >>> "233,280,000" in live.readout.value
    True
    """
    if sample is None:
        sample = houses(as_int(n, "n", low=1, high=5_000_000), seed=seed)
    elif not isinstance(sample, Houses):
        raise TypeError(f"sample must be a Houses sample, got {type(sample).__name__}")
    stats = {size: bucket_summary(sample, size) for size in BUCKET_SIZES.values()}
    label_of = {size: label for label, size in BUCKET_SIZES.items()}

    panels = _BucketPanels()

    def update(minutes: float) -> str:
        s = stats[minutes]
        shares = [100 * s[k] / s["populated"] for k in ("one_or_two", "three_to_nine", "ten_plus")]
        panels.set_values([s["dimension"], s["populated"], s["examples"]], shares,
                          f"Buckets of {label_of[minutes]}: {s['n_lat']:,} x {s['n_lon']:,} cells")
        fraction = s["populated"] / s["dimension"]
        return (
            f"<b>{label_of[minutes]}</b>: {s['n_lat']:,} x {s['n_lon']:,} = "
            f"<b>{s['dimension']:,}</b> crossed cells; dense float32 weights: "
            f"<b>{format_bytes(s['dense_bytes'])}</b>. {s['populated']:,} cells "
            f"(one in {1 / fraction:,.0f}) hold at least one of the "
            f"{s['examples']:,} houses; {shares[0]:.0f}% of those hold one or two, "
            f"{shares[1]:.0f}% three to nine, {shares[2]:.0f}% ten or more."
        )

    # a slider from coarse to fine: moving right makes the buckets smaller
    selector = widgets.SelectionSlider(
        options=list(BUCKET_SIZES.items()), value=1.0, description="Bucket size:",
        style={"description_width": "initial"}, layout=widgets.Layout(width="420px"),
    )
    live = LiveFigure(panels.fig, {"minutes": selector}, update, animated=panels.animated,
                      title="bucket size vs the size of the latitude x longitude cross")
    live.panels = panels  # the bar artists, for tests
    return live
