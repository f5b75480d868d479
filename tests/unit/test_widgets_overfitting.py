"""Tests for lessonlib.widgets.overfitting: the lambda slider over a precomputed path."""

from __future__ import annotations

import time

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


def test_moving_the_slider_updates_readout_markers_and_picture(live, sweep):
    slider, frozen = live.controls["index"], live.frozen
    before_img = live.image.value
    for i in (0, 10, len(sweep.lambdas) - 1):
        slider.value = i
        assert f"{int(sweep.n_nonzero[i])} non-zero weights" in live.readout.value
        assert f"{sweep.lambdas[i]:.3g}" in live.readout.value
        assert f"{sweep.val_mse[i]:.3g}" in live.readout.value
        x_dot = frozen.dot_val.get_xdata()[0]
        assert x_dot == pytest.approx(frozen.val_px[i, 0])
        assert frozen.dot_val.get_ydata()[0] == pytest.approx(frozen.val_px[i, 1])
        assert frozen.dot_nz.get_ydata()[0] == pytest.approx(frozen.nz_px[i, 1])
        assert frozen.vline_nz.get_xdata()[0] == pytest.approx(frozen.nz_px[i, 0])
    assert live.image.value != before_img


def test_marker_geometry_follows_the_curves(live, sweep):
    frozen = live.frozen
    # The x axis is inverted (weaker penalty to the right): later lambdas sit further right.
    assert np.all(np.diff(frozen.val_px[:, 0]) > 0)
    assert np.all(np.diff(frozen.nz_px[:, 0]) > 0)
    # Higher error is higher on screen; the right panel is to the right of the left one.
    i, j = int(np.argmin(sweep.val_mse)), int(np.argmax(sweep.val_mse))
    assert frozen.val_px[i, 1] < frozen.val_px[j, 1]
    assert frozen.nz_px[0, 0] > frozen.val_px[-1, 0]
    # Training markers never sit above validation markers when training error is lower.
    lower = sweep.train_mse < sweep.val_mse
    assert np.all(frozen.train_px[lower, 1] < frozen.val_px[lower, 1])


def test_update_is_fast(live, sweep):
    slider = live.controls["index"]
    times = []
    for i in range(0, len(sweep.lambdas), 3):
        slider.value = i
        times.append(live.last_update_seconds)
    # The budget is 50 ms; the median is checked with margin because other jobs share the CPU.
    assert np.median(times) < 0.1, f"median update {np.median(times) * 1000:.0f} ms"


def test_default_sweep_and_bad_input():
    start = time.perf_counter()
    live = explore_lambda()
    assert time.perf_counter() - start < 10
    default = lasso_sweep(regression_task(seed=0))
    assert live.controls["index"].value == int(np.argmin(default.val_mse))
    with pytest.raises(TypeError, match="LambdaSweep"):
        explore_lambda("sweep")
