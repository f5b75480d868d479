"""Tests for lessonlib.plots.geometry: the per-p colours, the line labels and the figures of
notebooks 04 and 05 (what they draw and that their legends and labels stay readable)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from lessonlib.geometry import touch_point
from lessonlib.plots import geometry as P
from lessonlib.plots.style import COLORS, L1_COLOR, L2_COLOR


def _renderer(fig):
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


def test_one_colour_and_style_per_p():
    assert P.p_color(1) == L1_COLOR and P.p_color(2) == L2_COLOR
    assert P.p_color(math.inf) == COLORS["orange"] and P.p_linestyle(math.inf) == "--"
    assert P.p_linestyle(1) == P.p_linestyle(0.5) == "-"
    assert P.p_color(3.3) == COLORS["black"] and P.p_color(3.3, default="#123456") == "#123456"
    # the figures use that table
    lines = {ln.get_label(): ln for ln in P.plot_unit_balls([0.5, 1, math.inf]).axes[0].lines}
    assert lines["p = ∞"].get_color() == P.P_COLORS[math.inf]
    assert lines["p = ∞"].get_linestyle() == "--"
    assert lines["p = 0.5"].get_color() == P.P_COLORS[0.5]


def test_tie_figure_legend_is_clear_of_the_diamond_and_reads_naturally():
    fig = P.plot_tie(1, 1000)
    ax = fig.axes[0]
    legend = ax.get_legend()
    texts = [t.get_text() for t in legend.texts]
    assert "solutions: b = 1000 − a" in texts
    renderer = _renderer(fig)
    box = legend.get_window_extent(renderer)
    assert not box.overlaps(ax.get_window_extent(renderer))  # below the axes, not on them
    assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1 and fig.bbox.y0 <= box.y0


def test_growing_balls_zoom_separates_the_two_touch_points():
    fig = P.plot_growing_balls(10, 5, radii=[0.1, 0.2, 0.3, 0.4, 0.5], compare=2)
    ax, zoom = fig.axes
    _renderer(fig)
    t1, t2 = touch_point(10, 5, 1).point, touch_point(10, 5, 2).point
    for t in (t1, t2):
        assert zoom.get_xlim()[0] < t[0] < zoom.get_xlim()[1]
        assert zoom.get_ylim()[0] < t[1] < zoom.get_ylim()[1]

    def pixels_apart(panel):
        a, b = panel.transData.transform([t1, t2])
        return float(np.hypot(*(a - b)))

    # At full scale the points (markers 9 pt across) nearly overlap; in the zoom they are
    # far apart, each labelled with its coordinates.
    assert pixels_apart(ax) < 15 and pixels_apart(zoom) > 100
    labels = [t.get_text() for t in zoom.texts]
    assert "p = 1: (0.5, 0)" in labels and "p = 2: (0.495, 0.0495)" in labels
    assert zoom.get_title() == "zoom ×16 on the two touch points"


def test_growing_balls_compare_inf_uses_the_squares_style():
    fig = P.plot_growing_balls(compare=math.inf)
    square = next(ln for ln in fig.axes[0].lines if ln.get_label().startswith("p = ∞"))
    assert square.get_color() == P.p_color(math.inf) and square.get_linestyle() == "--"


# Notebook 05's figures.


def test_line_penalty_curve_has_its_own_panel_and_the_descents_theirs():
    from lessonlib.plots.geometry import plot_line_penalty
    from lessonlib.quasinorm import descend_on_line

    starts = [-0.4, 0.05, 0.25, 1.0]
    paths = [descend_on_line(3, 2, 0.5, a) for a in starts]
    fig = plot_line_penalty(3, 2, 0.5, paths)
    top, lanes = fig.axes
    # nothing is drawn over the p = 0.5 curve: it is the only long line of the top panel
    curves = [ln for ln in top.lines if len(ln.get_xdata()) > 2]
    assert len(curves) == 1 and curves[0].get_label().startswith("p = 0.5")
    ridge = [ln for ln in top.lines if ln.get_linestyle() == ":"]
    assert ridge and all(curves[0].get_zorder() > ln.get_zorder() for ln in ridge)
    # one arrow per descent, from its start to where it stopped, one row each
    arrows = [t for t in lanes.texts if t.arrow_patch is not None]
    assert len(arrows) == len(paths)
    for arrow, path in zip(arrows, paths, strict=True):
        assert arrow.xyann[0] == path.start and arrow.xy[0] == path.landing
    assert len({arrow.xy[1] for arrow in arrows}) == len(paths)


def test_paired_recovery_shows_bars_intervals_and_the_paired_test():
    from lessonlib.montecarlo import Estimate, PairedCounts, RecoveryCurve, estimate
    from lessonlib.plots.geometry import plot_paired_recovery

    curve = RecoveryCurve(200, 8, np.array([28, 32]),
                          {"l1": [estimate(2, 20), estimate(6, 20)],
                           "reweighted": [estimate(8, 20), estimate(16, 20)]},
                          {"l1": 0.0, "reweighted": 1.0},
                          [PairedCounts(2, 0, 6, 12), PairedCounts(6, 0, 10, 4)])
    fig = plot_paired_recovery(curve)
    ax = fig.axes[0]
    heights = sorted(round(p.get_height()) for p in ax.patches)
    assert heights == [10, 30, 40, 80]
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "only reweighted 6, only plain 0" in texts and "p = 0.031" in texts
    assert "p = 0.002" in texts
    assert isinstance(curve.estimates["l1"][0], Estimate)
    with pytest.raises(ValueError, match="solvers"):
        plot_paired_recovery(RecoveryCurve(200, 8, np.array([28]),
                                           {"l1": [estimate(2, 20)]}, {"l1": 0.0}))
