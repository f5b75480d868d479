"""Widgets of notebooks 04 and 05: set control values, look at artists, readouts and pixels."""

from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.legend import Legend
from widget_pictures import assert_same_picture, count_full_draws

from lessonlib.geometry import touch_point
from lessonlib.plots.geometry import plot_unit_balls
from lessonlib.plots.style import COLORS
from lessonlib.static_figures import plain_text
from lessonlib.widgets.geometry import explore_below_one, explore_touch


def _line(live, label):
    return next(ln for ln in live.fig.axes[0].lines if ln.get_label() == label)


def test_touch_widget_initial_state():
    live = explore_touch(10, 5)
    assert "(0.5, 0)" in live.readout.value and "sparse" in live.readout.value
    dot = _line(live, "touch point")
    assert list(dot.get_xdata()) == [0.5] and list(dot.get_ydata()) == [0.0]
    assert repr(live).startswith("Interactive figure:")


def test_touch_widget_ball_size_follows_grow_slider():
    live = explore_touch(10, 5)
    live.controls["grow"].value = 50
    ball = _line(live, "ball")
    x, y = ball.get_data()
    np.testing.assert_allclose(np.abs(x) + np.abs(y), 0.25, rtol=1e-9)
    assert "not yet" in live.readout.value
    assert len(_line(live, "touch point").get_xdata()) == 0


def test_touch_widget_norm_choice_and_free_p():
    live = explore_touch(10, 5)
    live.controls["norm"].value = 2.0
    x, y = _line(live, "touch point").get_data()
    np.testing.assert_allclose([x[0], y[0]], [50 / 101, 5 / 101])
    live.controls["norm"].value = "free"
    live.controls["free_p"].value = 0.5
    assert "p = 0.5" in live.readout.value and "sparse" in live.readout.value
    live.controls["norm"].value = math.inf
    t = touch_point(10, 5, math.inf)
    assert f"{t.point[0]:.4g}" in live.readout.value


def test_touch_widget_tie_shows_segment():
    live = explore_touch(10, 5)
    live.controls["x"].value = 1.0
    assert "no unique answer" in live.readout.value
    x, y = _line(live, "tied points").get_data()
    assert list(x) == [0.0, 5.0] and list(y) == [5.0, 0.0]
    # the image changed with the control
    before = live.image.value
    live.controls["y"].value = 3.0
    assert live.image.value != before


def test_below_one_widget_convexity_readout():
    live = explore_below_one(2, 3, p=0.5)
    assert "not convex" in live.readout.value and "size 2" in live.readout.value
    live.controls["p"].value = 2.0
    assert "convex (a norm)" in live.readout.value
    live.controls["p"].value = 0.1
    x, y = live.fig.axes[0].lines[0].get_data()
    np.testing.assert_allclose((np.abs(x) ** 0.1 + np.abs(y) ** 0.1) ** 10, 1, rtol=1e-8)


@pytest.mark.parametrize("builder,control,values", [
    (explore_touch, "grow", [10, 30, 50, 70, 90, 100, 110]),
    (explore_below_one, "p", [0.2, 0.5, 0.9, 1.0, 1.5, 2.5, 4.0]),
])
def test_update_time_is_recorded(builder, control, values):
    live = builder()
    times = []
    for v in values:
        live.controls[control].value = v
        times.append(live.last_update_seconds)
    # Only that it is measured: how fast is for `make bench` (benchmarks/run.py), not a test.
    assert all(np.isfinite(t) and t > 0 for t in times)


def test_builders_validate():
    with pytest.raises(ValueError, match="x0"):
        explore_touch(x0=100)
    with pytest.raises(ValueError, match="p"):
        explore_below_one(p=5)


# Blitting: both widgets draw their static parts once and redraw only what moves.

TOUCH_MOVES = [("grow", 130), ("x", -12.0), ("y", -12.0), ("norm", math.inf), ("x", 0.3),
               ("y", 0.2), ("norm", "free"), ("free_p", 6.0), ("x", 1.0), ("y", 5.0),
               ("norm", 1.0), ("grow", 100), ("x", 0.5), ("y", 12.0), ("grow", 40),
               ("norm", 2.0), ("y", 0.0)]






def test_touch_widget_blitted_frames_match_a_full_redraw():
    live = explore_touch()
    for name, value in TOUCH_MOVES:
        live.controls[name].value = value
        assert_same_picture(live)


def test_below_one_widget_blitted_frames_match_a_full_redraw():
    live = explore_below_one()
    for p in (0.1, 0.5, 0.95, 1.0, 1.05, 2.0, 4.0):
        live.controls["p"].value = p
        assert_same_picture(live)


def test_moves_never_redraw_the_background(monkeypatch):
    # The view follows the data point through light axes, so no drag needs a full redraw;
    # 04's legend (static) is redrawn only when the ball's colour or the tie entry changes.
    live = explore_touch()
    calls = count_full_draws(live, monkeypatch)
    for name, value in [("grow", 130), ("x", -12.0), ("y", -12.0), ("x", 0.3), ("y", 0.2),
                        ("grow", 40), ("grow", 100), ("x", 3.0), ("y", 12.0)]:
        live.controls[name].value = value
    assert calls == []
    live.controls["norm"].value = 2.0  # the ball's key changes colour: one redraw
    live.controls["x"].value = 2.5
    assert len(calls) == 1
    calls.clear()
    below = explore_below_one()
    calls_below = count_full_draws(below, monkeypatch)
    for p in (0.1, 1.0, 4.0):
        below.controls["p"].value = p
    assert calls == [] and calls_below == []


def test_touch_widget_ticks_follow_the_view_and_stay_readable():
    live = explore_touch(10, 5)
    ax = live.fig.axes[0]
    renderer = live.fig.canvas.get_renderer()
    figure_box = live.fig.bbox
    for x, y in ((10.0, 5.0), (0.5, 12.0), (0.1, 0.1), (2.0, -3.0), (-12.0, 12.0)):
        live.controls["x"].value, live.controls["y"].value = x, y
        R = 1.6 * max(touch_point(x, y, 1).norm, 0.25)
        assert ax.get_xlim() == pytest.approx((-R, R)) and ax.get_ylim() == ax.get_xlim()
        texts = [t.get_text().replace("\N{MINUS SIGN}", "-") for t in ax.texts if t.get_text()]
        values = sorted({float(v) for v in texts})
        # nice ticks inside the view, 0 among them, and none on its edges (cut off)
        assert 0.0 in values and len(values) >= 3 and max(values) <= 0.9 * R
        ylabel = ax.yaxis.label.get_window_extent(renderer)
        for text in (t for t in ax.texts if t.get_text()):
            box = text.get_window_extent(renderer)
            assert not box.overlaps(ylabel), (x, y, text.get_text())
            assert figure_box.x0 <= box.x0 and box.x1 <= figure_box.x1, (x, y, text.get_text())
    live.controls["x"].value, live.controls["y"].value = 0.5, 12.0
    assert {"-10", "0", "10"} <= {t.get_text().replace("\N{MINUS SIGN}", "-")
                                  for t in ax.texts}


def test_touch_widget_title_and_legend_follow_the_controls():
    live = explore_touch(10, 5)
    ax = live.fig.axes[0]
    assert ax.get_title() == "p = 1, data point (10, 5)"
    live.controls["norm"].value = 2.0
    live.controls["grow"].value = 50
    assert ax.get_title() == "p = 2, data point (10, 5)"
    assert "0.2488 (50 % of the touching size 0.4975)" in live.readout.value
    key = _shown_legend(live).legend_handles[1]
    assert key.get_color() == _line(live, "ball").get_color()
    live.controls["norm"].value = "free"
    key = _shown_legend(live).legend_handles[1]
    assert key.get_color() == _line(live, "ball").get_color()
    live.controls["norm"].value = math.inf
    key = _shown_legend(live).legend_handles[1]
    assert (key.get_color(), key.get_linestyle()) == (
        _line(live, "ball").get_color(), _line(live, "ball").get_linestyle())


def _panel(live, name):
    """A panel of the below-one widget by its name: "ball", "touch" or "line"."""
    return next(ax for ax in live.fig.axes if ax.get_label() == name)


def test_below_one_widget_titles_and_midpoint_key():
    live = explore_below_one(2, 3, p=0.5)
    ax1, ax2, ax3 = (_panel(live, name) for name in ("ball", "touch", "line"))
    assert ax1.get_title() == "unit ball, p = 0.50: NOT convex"
    assert ax2.get_title() == "grown until it touches the line"
    assert ax3.get_title().startswith("size of (a, b) along the line")
    mid = next(ln for ln in ax1.lines if list(ln.get_xdata()) == [0.5])
    assert mid.get_color() == COLORS["vermillion"]
    legend = _legends(live)[0]
    assert [t.get_text() for t in legend.texts][1].startswith("its midpoint")
    live.controls["p"].value = 2.0
    assert ax1.get_title() == "unit ball, p = 2.00: convex"
    assert mid.get_color() == COLORS["black"]


def test_below_one_slider_spends_most_of_its_track_below_one():
    live = explore_below_one()
    slider = live.controls["p"]
    values = [v for _, v in slider.options]
    assert values[0] == 0.1 and values[-1] == 4.0 and values == sorted(values)
    # the track is split evenly between the stops: p in (0.1, 1) gets over half of it
    assert values.index(1.0) / (len(values) - 1) >= 0.5
    assert np.allclose(np.diff(values[:values.index(1.0) + 1]), 0.05)
    with pytest.raises(ValueError, match="stops"):
        explore_below_one(p=0.33)


def test_below_one_line_panel_shows_two_minima_below_one_and_one_from_one():
    live = explore_below_one(2, 3, p=0.5)
    ax3 = _panel(live, "line")
    curve, minima = ax3.lines[-2], ax3.lines[-1]
    for p, n in ((0.1, 2), (0.5, 2), (0.95, 2), (1.0, 1), (2.0, 1), (4.0, 1)):
        live.controls["p"].value = p
        a, rel = curve.get_data()
        size = (np.abs(a) ** p + np.abs(3 - 2 * a) ** p) ** (1 / p)
        np.testing.assert_allclose(rel, size / touch_point(2, 3, p).norm, rtol=1e-9)
        assert len(minima.get_xdata()) == n, p
        assert f"local minima:</b> {n} " in live.readout.value
        assert 1 - 1e-9 <= rel.min() <= 1.001  # the global minimum sits at 1
    live.controls["p"].value = 0.5
    assert sorted(minima.get_xdata()) == [0.0, 1.5]


def test_below_one_readout_is_short_key_value_lines():
    live = explore_below_one(2, 3, p=0.5)
    lines = live.readout.value.split("<br>")
    keys = [line.split(":</b>")[0].removeprefix("<b>") for line in lines]
    assert keys == ["p", "ball", "midpoint (0.5, 0.5)", "touch point", "local minima"]
    assert all(len(plain_text(line)) <= 60 for line in lines)
    assert "(1.5, 0), size 1.5, sparse" in live.readout.value
    live.controls["p"].value = 1.1
    assert "not sparse" in live.readout.value


# Legends: readable, clear of the balls, and (04) naming the tie while it is drawn.


def _legends(live):
    """Every legend of the widget's figure, wherever it is attached, in drawing order."""
    return [a for a in live.fig.findobj(Legend) if a is not live.fig]


def _shown_legend(live):
    """The touch widget's one visible legend (it keeps two and shows one at a time)."""
    shown = [legend for legend in _legends(live) if legend.get_visible()]
    assert len(shown) == 1
    return shown[0]


def _texts(legend):
    return [t.get_text() for t in legend.texts]


def test_touch_widget_colours_match_the_static_figures():
    # One source of truth: the widget's ball for p = 1, 2 and inf is drawn exactly like
    # that p's outline in plot_unit_balls (colour and line style).
    static = {ln.get_label(): ln for ln in plot_unit_balls([1, 2, math.inf]).axes[0].lines}
    live = explore_touch(10, 5)
    for norm, label in ((1.0, "p = 1"), (2.0, "p = 2"), (math.inf, "p = ∞")):
        live.controls["norm"].value = norm
        ball = _line(live, "ball")
        assert ball.get_color() == static[label].get_color(), label
        assert ball.get_linestyle() == static[label].get_linestyle(), label
    # the square is the one drawn dashed, in orange, not the old green
    assert _line(live, "ball").get_linestyle() == "--"
    assert _line(live, "ball").get_color() != "#009E73"


def test_touch_widget_writes_infinity_as_its_title_does():
    live = explore_touch(10, 5)
    live.controls["norm"].value = math.inf
    assert live.fig.axes[0].get_title().startswith("p = ∞")
    assert "p = ∞" in live.readout.value and "inf" not in live.readout.value


def test_touch_widget_legend_names_the_tie_only_while_it_is_drawn():
    live = explore_touch(10, 5)
    assert not any("tie" in text for text in _texts(_shown_legend(live)))
    live.controls["x"].value = 1.0  # a side of the diamond along the line: a tie
    legend = _shown_legend(live)
    assert "tie: every point optimal" in _texts(legend)
    key = legend.legend_handles[_texts(legend).index("tie: every point optimal")]
    assert key.get_color() == _line(live, "tied points").get_color()
    live.controls["grow"].value = 60  # not touching: no segment, no entry
    assert len(_line(live, "tied points").get_xdata()) == 0
    assert not any("tie" in text for text in _texts(_shown_legend(live)))
    live.controls["grow"].value = 100
    live.controls["x"].value = 2.0  # unique again
    assert not any("tie" in text for text in _texts(_shown_legend(live)))


def _assert_legends_readable_and_clear(live, where):
    renderer = live.fig.canvas.get_renderer()
    panels = [ax for ax in live.fig.axes if ax.axison]
    tick_size = panels[0].xaxis.get_major_ticks()[0].label1.get_fontsize()
    for legend in _legends(live):
        if not legend.get_visible():
            continue
        assert min(t.get_fontsize() for t in legend.texts) >= tick_size, where
        box = legend.get_window_extent(renderer)
        fig_box = live.fig.bbox
        assert (fig_box.x0 <= box.x0 and box.x1 <= fig_box.x1
                and fig_box.y0 <= box.y0 and box.y1 <= fig_box.y1), (where, box)
        for ax in panels:  # outside every panel, so never over a ball or a line
            assert not box.overlaps(ax.get_window_extent(renderer)), (where, box)


def test_touch_widget_legend_is_readable_and_clear_everywhere():
    live = explore_touch(10, 5)
    _assert_legends_readable_and_clear(live, "start")
    # the legend's row leaves room for the rest: y label and title inside the figure
    renderer = live.fig.canvas.get_renderer()
    ax = live.fig.axes[0]
    for text in (ax.yaxis.label, ax.title):
        box = text.get_window_extent(renderer)
        assert live.fig.bbox.x0 <= box.x0 and box.y1 <= live.fig.bbox.y1, text.get_text()
    for name, value in [*TOUCH_MOVES, ("x", 1.0), ("y", 12.0), ("grow", 130),
                        ("norm", math.inf), ("x", 0.0)]:
        live.controls[name].value = value
        _assert_legends_readable_and_clear(live, (name, value))


def test_below_one_widget_legends_are_readable_and_clear_for_every_p():
    live = explore_below_one(2, 3, p=0.5)
    for p in (0.1, 0.15, 0.5, 0.95, 1.0, 2.0, 3.0, 3.5, 4.0):
        live.controls["p"].value = p
        _assert_legends_readable_and_clear(live, p)
        assert "b = 3 − 2a" in _texts(_legends(live)[1])


# 04's widget after the newcomer review (issue 12): opens touching, a button for the tie,
# a fixed readout, a zoom at the touch point, the whole column, fast Play frames.


def _zoom(live):
    return live.fig.axes[1]


def test_touch_widget_opens_touching_and_play_grows_from_zero():
    live = explore_touch(10, 5)
    play = next(w for w in live.children[0].children if w.__class__.__name__ == "Play")
    # The browser copies Play's value into the size slider when the view appears: both
    # must say 100 %, or the widget opens with no ball (the bug). Play's end is 100, so ▶
    # at its end starts from 0 and stops at the touch.
    assert live.controls["grow"].value == 100 and play.value == 100
    assert (play.min, play.max) == (0, 100)
    assert "ball size:</b> 0.5 (100 %" in live.readout.value


def test_touch_widget_button_goes_to_the_tie():
    live = explore_touch(10, 5)
    button = next(w for w in live.children[0].children if w.__class__.__name__ == "Button")
    button.click()
    assert live.controls["x"].value == 1.0
    assert "no unique answer" in live.readout.value


def test_touch_widget_readout_is_three_short_lines_of_fixed_height():
    live = explore_touch(10, 5)
    assert live.readout.layout.height and live.readout.layout.overflow == "hidden"
    for name, value in [*TOUCH_MOVES, ("grow", 50), ("x", 1.0), ("grow", 100)]:
        live.controls[name].value = value
        lines = live.readout.value.split("<br>")
        assert len(lines) == 3, live.readout.value
        assert all(":</b> " in line and len(line) <= 90 for line in lines), lines


def test_touch_widget_zoom_shows_p_1_2_off_the_axis_and_p_1_on_the_corner():
    live = explore_touch(10, 5)
    zoom = _zoom(live)
    z_dot = next(ln for ln in zoom.lines if ln.get_marker() == "o")
    (b1,) = z_dot.get_ydata()
    assert b1 == 0.0 and zoom.get_ylim()[0] < 0 < zoom.get_ylim()[1]
    # the corner: the outline's point at the axis is the touch point itself
    bx, by = zoom.lines[2].get_data()
    assert 0.0 in list(by) and bx[list(by).index(0.0)] == 0.5
    live.controls["norm"].value = "free"
    live.controls["free_p"].value = 1.2
    (b12,) = z_dot.get_ydata()
    lo, hi = zoom.get_ylim()
    assert lo < 0 < b12 < hi and b12 > 0.1 * (hi - lo)  # visibly above the axis b = 0
    assert "sparse:</b> no" in live.readout.value
    np.testing.assert_allclose(b12, touch_point(10, 5, 1.2).point[1])


def test_touch_widget_uses_the_column_width():
    live = explore_touch()
    assert live.fig.get_figwidth() * live.fig.dpi >= 780
    assert live.image.layout.max_width == "100%"


def _buttons(widget):
    """Every Button inside a widget tree."""
    import ipywidgets as widgets

    found = [widget] if isinstance(widget, widgets.Button) else []
    for child in getattr(widget, "children", ()):
        found += _buttons(child)
    return found


def test_the_tie_button_also_chooses_the_l1_ball():
    live = explore_touch(10, 5, p=1.2)
    assert live.controls["norm"].value == "free"
    (tie,) = [b for b in _buttons(live) if "tie" in b.description]
    tie.click()
    assert live.controls["x"].value == 1.0 and live.controls["norm"].value == 1.0
    assert "no unique answer" in live.readout.value
