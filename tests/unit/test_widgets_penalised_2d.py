"""The central picture as a figure (lessonlib.plots.penalised_2d) and as a widget
(lessonlib.widgets.penalised_2d): the artists show the exact optima, "= 0" appears exactly
when a weight is 0, the readout sits above the picture as key: value lines."""

from __future__ import annotations

from io import BytesIO

import numpy as np
import pytest
from PIL import Image

from lessonlib.penalised_2d import axis_intervals, penalised_optimum, preset
from lessonlib.plots.penalised_2d import CentralPicture, plot_central_picture
from lessonlib.plots.style import new_figure
from lessonlib.widgets.live import LiveFigure
from lessonlib.widgets.penalised_2d import PRESET_NAMES, explore_penalised_2d, readout_lines


def lines(live) -> dict[str, str]:
    text = live.readout.value.split(">", 1)[1].rsplit("<", 1)[0]
    return dict(line.split(": ", 1) for line in text.split("<br>"))


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(BytesIO(png)).convert("RGB")).astype(int)


# ---------------------------------------------------------------- the figure


def test_static_figure_marks_each_optimum_and_the_exact_zero():
    b = preset("tilted")
    fig = plot_central_picture(b, lams=(0.3, 0.8, 1.3))
    assert len(fig.axes) == 3 and len(fig.legends) == 1
    texts = [ax.texts[0].get_text() for ax in fig.axes]
    assert texts == ["", "w2 = 0", "w1 = w2 = 0"]
    for ax, lam in zip(fig.axes, (0.3, 0.8, 1.3), strict=True):
        assert ax.get_title() == f"lambda = {lam:.2f}"
        l1_point = [line for line in ax.lines if line.get_marker() == "o"][0]
        np.testing.assert_array_equal(np.ravel(l1_point.get_data()), penalised_optimum(b, lam))


def test_balls_pass_through_their_optima_and_contours_touch_them():
    b = preset("correlated")
    fig, ax = new_figure()
    pic = CentralPicture(ax, b, 0.5)
    w1, w2 = pic.w_l1, pic.w_l2
    dx, dy = pic.diamond.get_data()
    assert np.allclose(np.abs(dx) + np.abs(dy), np.abs(w1).sum())
    cx, cy = pic.disc.get_data()
    assert np.allclose(np.hypot(cx, cy), np.hypot(*w2))
    tx, ty = pic.touch_l1.get_data()
    assert np.allclose(b.loss(np.column_stack([tx, ty])), b.loss(w1))


def test_zero_label_follows_the_exact_zero_of_the_optimum():
    b = preset("tilted")
    low, high = axis_intervals(b)[1]
    fig, ax = new_figure()
    pic = CentralPicture(ax, b, 0.0)
    for lam in np.linspace(0, 1.5, 151):
        pic.set(b, lam)
        w = penalised_optimum(b, lam)
        expect = {(False, False): "", (False, True): "w2 = 0", (True, True): "w1 = w2 = 0"}
        assert pic.zero_text.get_text() == expect[(w[0] == 0.0, w[1] == 0.0)]
        assert (pic.zero_text.get_text() == "w2 = 0") == (low <= lam < high)


def test_bad_figure_input():
    with pytest.raises(TypeError, match="b must be a Bowl"):
        plot_central_picture("tilted")
    with pytest.raises(ValueError, match="1 to 4"):
        plot_central_picture(lams=())
    with pytest.raises(ValueError, match="lams must be in"):
        plot_central_picture(lams=(-1,))


# ---------------------------------------------------------------- the widget


@pytest.fixture()
def live():
    return explore_penalised_2d()


def test_opens_off_the_axis_with_readout_above_the_picture(live):
    assert isinstance(live, LiveFigure)
    assert live.children.index(live.readout) < live.children.index(live.image)
    r = lines(live)
    assert r["problem"] == "tilted" and r["lambda"] == "0.30"
    assert r["L1 zeros"] == "0" and r["L2 zeros"] == "0"
    assert "Run this cell" in repr(live)


def test_lambda_slider_moves_the_l1_optimum_onto_the_axis_and_l2_never(live):
    b = preset("tilted")
    low, high = axis_intervals(b)[1]
    before = bytes(live.image.value)
    for lam in np.round(np.arange(0, 3.0001, 0.05), 2):
        live.controls["lam"].value = float(lam)
        r = lines(live)
        w = penalised_optimum(b, float(lam))
        assert r["L1 optimum"] == "(" + ", ".join("0" if x == 0 else f"{x:.3f}" for x in w) + ")"
        assert (r["L1 zeros"] == "1 (w2 exactly 0)") == (low <= lam < high)
        assert r["L2 zeros"] == "0"
        np.testing.assert_array_equal(live.picture.w_l1, w)
    assert bytes(live.image.value) != before


def test_a_browser_snapped_slider_value_keeps_the_preset(live):
    # the frontend sends min + k * step back, with a rounding error
    live.controls["c1"].value = 0.9999999999999998
    assert lines(live)["problem"] == "tilted"
    live.controls["c1"].value = 0.95
    assert lines(live)["problem"] == "tilted, moved"


def test_presets_and_centre_and_tilt_change_the_problem(live):
    live.preset.value = "random"
    assert lines(live)["problem"] == "random bowl (seed 0)"
    np.testing.assert_array_equal(live.picture._bowl.H, preset("random").H)  # not rounded
    live.preset.value = "round"
    assert lines(live)["problem"] == "round"
    assert live.controls["c1"].value == 1.0 and live.controls["c2"].value == 0.5
    live.controls["lam"].value = 0.7
    assert lines(live)["L1 zeros"] == "1 (w2 exactly 0)"  # soft-thresholding: 0.5 < 0.7
    live.controls["c2"].value = 1.0
    r = lines(live)
    assert r["problem"] == "round, moved" and r["L1 optimum"] == "(0.300, 0.300)"
    before = live.picture._bowl
    live.controls["tilt"].value = 45.0
    assert live.picture._bowl is not before


@pytest.mark.parametrize("name", PRESET_NAMES)
def test_every_preset_has_an_l1_axis_interval_and_draws(name):
    live = explore_penalised_2d(start=name)
    assert any(iv is not None for iv in axis_intervals(preset(name)).values())
    assert pixels(bytes(live.image.value)).std() > 10  # a picture, not a blank


def test_readout_lines_are_short_key_value_lines():
    b = preset("tilted")
    text = readout_lines(b, 0.8, penalised_optimum(b, 0.8), penalised_optimum(b, 0.8, "l2"))
    assert all(": " in line and len(line) <= 40 for line in text)


def test_bad_widget_input():
    with pytest.raises(ValueError, match="start must be one of"):
        explore_penalised_2d(start="square")
    with pytest.raises(ValueError, match="lam must be in"):
        explore_penalised_2d(lam=5)
