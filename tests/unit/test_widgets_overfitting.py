"""Tests for lessonlib.widgets.overfitting: the lambda slider over a precomputed path."""

from __future__ import annotations

import numpy as np
import pytest

from lessonlib.overfitting import lasso_sweep, regression_task
from lessonlib.widgets.live import LiveFigure
from lessonlib.widgets.overfitting import explore_lambda


@pytest.fixture(scope="module")
def sweep():
    return lasso_sweep(regression_task(seed=0), n_lambdas=30)


@pytest.fixture()
def live(sweep):
    return explore_lambda(sweep)


def test_builds_a_live_figure_starting_at_the_best_lambda(live, sweep):
    assert isinstance(live, LiveFigure)
    slider = live.controls["index"]
    assert slider.value == sweep.best
    assert len(slider.options) == len(sweep.lambdas)
    assert "lowest held-out error" in live.readout.value
    assert repr(live).startswith("Interactive figure:")
    assert live.image.value[:8] == b"\x89PNG\r\n\x1a\n"


def pixels(live, name):
    """Where marker ``name`` sits on the canvas, in pixels (origin bottom left)."""
    artist = live.handles[name]
    xy = np.c_[artist.get_xdata(), artist.get_ydata()][:1]
    return artist.get_transform().transform(xy)[0]


def test_moving_the_slider_updates_readout_markers_and_picture(live, sweep):
    slider, handles = live.controls["index"], live.handles
    before_img = live.image.value
    for i in (0, 10, len(sweep.lambdas) - 1):
        slider.value = i
        assert f"{int(sweep.n_nonzero[i])} non-zero weights" in live.readout.value
        assert f"{sweep.lambdas[i]:.3g}" in live.readout.value
        assert f"{sweep.val_mse[i]:.3g}" in live.readout.value
        assert handles["dot_val"].get_xdata()[0] == pytest.approx(sweep.lambdas[i])
        assert handles["dot_val"].get_ydata()[0] == pytest.approx(sweep.val_mse[i])
        assert handles["dot_train"].get_ydata()[0] == pytest.approx(sweep.train_mse[i])
        assert handles["dot_nz"].get_ydata()[0] == pytest.approx(sweep.n_nonzero[i])
        assert handles["vline_nz"].get_xdata()[0] == pytest.approx(sweep.lambdas[i])
        assert handles["vline_err"].get_xdata()[0] == pytest.approx(sweep.lambdas[i])
    assert live.image.value != before_img


def test_only_the_markers_are_redrawn_and_the_picture_follows_them(live, sweep):
    # Blitting: the markers are the animated artists; the rest is a fixed background.
    assert all(artist.get_animated() for artist in live.handles.values())
    slider = live.controls["index"]
    slider.value = 0
    first = live.image.value
    slider.value = 10
    assert live.image.value != first
    slider.value = 0
    assert live.image.value == first  # no trace of the previous marker position is left


def test_marker_geometry_follows_the_curves(live, sweep):
    slider = live.controls["index"]
    n = len(sweep.lambdas)
    px = {name: [] for name in ("dot_train", "dot_val", "dot_nz")}
    for i in range(n):
        slider.value = i
        for name in px:
            px[name].append(pixels(live, name))
    train, val, nz = (np.array(px[k]) for k in ("dot_train", "dot_val", "dot_nz"))
    # The x axis is inverted (weaker penalty to the right): later lambdas sit further right.
    assert np.all(np.diff(val[:, 0]) > 0)
    assert np.all(np.diff(nz[:, 0]) > 0)
    # Higher error is higher on screen; the right panel is to the right of the left one.
    i, j = int(np.argmin(sweep.val_mse)), int(np.argmax(sweep.val_mse))
    assert val[i, 1] < val[j, 1]
    assert nz[0, 0] > val[-1, 0]
    # Training markers never sit above validation markers when training error is lower.
    lower = sweep.train_mse < sweep.val_mse
    assert np.all(train[lower, 1] < val[lower, 1])
    # Every marker stays inside its axes: the fixed background's ranges hold them all.
    for artist, points in ((live.handles["dot_val"], val), (live.handles["dot_nz"], nz)):
        box = artist.axes.bbox
        assert np.all((points[:, 0] >= box.x0) & (points[:, 0] <= box.x1))
        assert np.all((points[:, 1] >= box.y0) & (points[:, 1] <= box.y1))


def test_update_time_is_recorded(live, sweep):
    # Only that it is measured: how fast is for `make bench` (benchmarks/run.py), not a test.
    slider = live.controls["index"]
    times = []
    for i in range(0, len(sweep.lambdas), 3):
        slider.value = i
        times.append(live.last_update_seconds)
    assert all(np.isfinite(t) and t > 0 for t in times)


def test_default_sweep_and_bad_input():
    live = explore_lambda()
    default = lasso_sweep(regression_task(seed=0))
    assert live.controls["index"].value == int(np.argmin(default.val_mse))
    with pytest.raises(TypeError, match="LambdaSweep"):
        explore_lambda("sweep")
