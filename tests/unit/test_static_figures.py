"""Kernel-free frames of a widget (lessonlib.static_figures) and the picture a widget stores
beside itself in a notebook (LiveFigure's image/png)."""

from __future__ import annotations

import base64
import io

import ipywidgets as widgets
import numpy as np
import pytest
from PIL import Image

from lessonlib.plots import new_figure
from lessonlib.static_figures import Sweep, capture_frames, plain_text, slider_values
from lessonlib.widgets.live import LiveFigure


def make_live() -> LiveFigure:
    fig, ax = new_figure(width=3, height=2)
    (line,) = ax.plot([0, 1], [0, 1])
    ax.set_ylim(-3, 3)
    slope = widgets.FloatSlider(value=1.0, min=-2, max=2, step=0.5)
    colour = widgets.ToggleButtons(options=["blue", "red"], value="blue")

    def update(slope, colour):
        line.set_ydata([0, slope])
        line.set_color(colour)
        return f"slope <b>{slope:g}</b> in {colour}"

    return LiveFigure(fig, {"slope": slope, "colour": colour}, update, title="a line",
                      animated=[line])


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def test_every_combination_in_row_major_order_and_the_widget_left_as_found():
    live = make_live()
    sweeps = [Sweep("slope", [-2.0, 0.0, 2.0], ["-2", "0", "2"], "slope"),
              Sweep("colour", ["blue", "red"], ["blue", "red"], "colour")]
    frames = capture_frames(live, sweeps)
    assert [f.index for f in frames] == [(i, j) for i in range(3) for j in range(2)]
    assert frames[3].readout == "slope <b>0</b> in red"
    assert frames[3].alt == "a line, slope 0, colour red: slope 0 in red"
    assert len({f.png for f in frames}) == 6, "every setting draws a different picture"
    assert live.values() == {"slope": 1.0, "colour": "blue"}
    assert live.readout.value == "slope <b>1</b> in blue"


def test_frames_are_the_widget_pictures_made_smaller():
    live = make_live()
    live.controls["slope"].value = 2.0
    shown = pixels(bytes(live.image.value))
    live.controls["slope"].value = 1.0
    (frame,) = capture_frames(live, [Sweep("slope", [2.0], ["2"], "slope")])
    ours = pixels(frame.png).astype(int)
    assert ours.shape == shown.shape
    assert np.abs(ours - shown.astype(int)).mean() < 2.0  # 256 colours: near-identical
    assert len(frame.png) < len(bytes(live.image.value))


def test_dpi_draws_larger_frames_and_restores_the_widget():
    live = make_live()
    dpi = live.fig.dpi
    (small,) = capture_frames(live, [Sweep("slope", [0.0], ["0"], "slope")])
    (large,) = capture_frames(live, [Sweep("slope", [0.0], ["0"], "slope")], dpi=2 * dpi)
    assert pixels(large.png).shape[1] == 2 * pixels(small.png).shape[1]
    assert live.fig.dpi == dpi
    assert pixels(bytes(live.image.value)).shape == pixels(small.png).shape


def test_bad_input_is_explained():
    live = make_live()
    with pytest.raises(ValueError, match="no control named"):
        capture_frames(live, [Sweep("angle", [1], ["1"], "angle")])
    with pytest.raises(TypeError, match="LiveFigure"):
        capture_frames("a widget", [])
    with pytest.raises(ValueError, match="one label per value"):
        Sweep("slope", [1, 2], ["1"], "slope")
    with pytest.raises(ValueError, match="at least one value"):
        Sweep("slope", [], [], "slope")
    with pytest.raises(ValueError, match="at least 2"):
        slider_values(widgets.IntSlider(), 1)


def test_slider_values_span_the_whole_range():
    values, labels = slider_values(widgets.FloatSlider(min=0.1, max=4.0, step=0.05), 5)
    assert values[0] == 0.1 and values[-1] == 4.0 and len(values) == 5
    assert labels[0] == "0.1"
    options = [(f"{v}", v) for v in range(60)]
    values, labels = slider_values(widgets.SelectionSlider(options=options), 7)
    assert values[0] == 0 and values[-1] == 59 and len(values) == 7
    few = slider_values(widgets.SelectionSlider(options=[("a", 1), ("b", 2)]), 7)
    assert few == ([1, 2], ["a", "b"])


def test_plain_text_reads_a_readout():
    assert plain_text("<b>1 degree</b>: 180 x 360 &le; 2<br>next") == "1 degree: 180 x 360 ≤ 2 next"


def test_widget_output_stores_its_picture_for_viewers_without_a_kernel():
    live = make_live()
    bundle = live._repr_mimebundle_()
    assert bundle["text/plain"] == repr(live)  # nbval compares this, unchanged
    stored = base64.b64decode(bundle["image/png"])
    assert np.array_equal(pixels(stored), pixels(bytes(live.image.value)))
    live.controls["slope"].value = -2.0
    moved = base64.b64decode(live._repr_mimebundle_()["image/png"])
    assert not np.array_equal(pixels(moved), pixels(stored)), "the picture follows the widget"
