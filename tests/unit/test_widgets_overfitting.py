"""Tests for lessonlib.widgets.overfitting: which weights enter along lambda, two worlds."""

from __future__ import annotations

import numpy as np
import pytest

from lessonlib.overfitting import lasso_sweep, regression_task
from lessonlib.widgets.live import LiveFigure
from lessonlib.widgets.overfitting import default_worlds, explore_lambda


@pytest.fixture(scope="module")
def worlds():
    sparse = regression_task(seed=0)
    sweep = lasso_sweep(sparse, n_lambdas=30)
    dense = regression_task(n_informative=100, seed=0)
    return {"sparse": (sweep, sparse.true_w),
            "dense": (lasso_sweep(dense, lambdas=sweep.lambdas), dense.true_w)}


@pytest.fixture()
def live(worlds):
    return explore_lambda(worlds)


def readout(live) -> dict[str, str]:
    """The readout's `key: value` lines, as a dict."""
    text = live.readout.value.split(">", 1)[1].rsplit("<", 1)[0]
    return dict(line.split(": ", 1) for line in text.splitlines())


def stems(live, key):
    """(feature index, weight) of each stem drawn in collection ``key``."""
    segs = live.handles[key].get_segments()
    return [(int(round(s[1, 0])), float(s[1, 1])) for s in segs]


def test_builds_a_live_figure_at_the_best_lambda_of_the_first_world(live, worlds):
    sweep, _ = worlds["sparse"]
    assert isinstance(live, LiveFigure)
    assert live.controls["index"].value == sweep.best
    assert live.controls["world"].value == "sparse"
    assert len(live.controls["index"].options) == len(sweep.lambdas)
    assert "lowest on this path" in readout(live)["held-out MSE"]
    assert repr(live).startswith("Interactive figure:")
    assert live.image.value[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("world", ["sparse", "dense"])
def test_stems_and_readout_count_real_and_false_weights(live, worlds, world):
    live.controls["world"].value = world
    sweep, truth = worlds[world]
    for i in (0, 7, sweep.best, len(sweep.lambdas) - 1):
        live.controls["index"].value = i
        w = sweep.coefs[i]
        real = [(j, w[j]) for j in np.flatnonzero((w != 0) & (truth != 0))]
        false = [(j, w[j]) for j in np.flatnonzero((w != 0) & (truth == 0))]
        assert [j for j, _ in stems(live, "stems_real")] == [j for j, _ in real]
        assert [j for j, _ in stems(live, "stems_false")] == [j for j, _ in false]
        np.testing.assert_allclose([v for _, v in stems(live, "stems_real")],
                                   [v for _, v in real])
        lines = readout(live)
        assert lines["lambda"] == f"{sweep.lambdas[i]:.3g}"
        assert lines["non-zeros"] == f"{np.count_nonzero(w)} of {w.size}"
        assert lines["real among them"].startswith(f"{len(real)} of {np.count_nonzero(w)}")
        assert f"the truth has {np.count_nonzero(truth)}" in lines["real among them"]
        assert lines["held-out MSE"].startswith(f"{sweep.val_mse[i]:.3g}")
        assert live.handles["dot_val"].get_ydata()[0] == pytest.approx(sweep.val_mse[i])
        assert live.handles["vline"].get_xdata()[0] == pytest.approx(sweep.lambdas[i])


def test_the_notebooks_task_reads_six_real_of_thirty_one():
    live = explore_lambda()  # notebook 06's two worlds
    lines = readout(live)
    assert lines["non-zeros"] == "31 of 100"
    assert lines["real among them"] == "6 of 31 (the truth has 8)"


def test_switching_the_world_redraws_truth_and_curves(live, worlds):
    truth_line = live.handles["truth"]
    assert len(truth_line.get_xdata()) == 8
    before = live.image.value
    live.controls["world"].value = "dense"
    assert len(truth_line.get_xdata()) == 100
    np.testing.assert_allclose(live.handles["curve_val"].get_ydata(), worlds["dense"][0].val_mse)
    assert live.image.value != before
    # In the dense world every non-zero is real: no false stems.
    assert stems(live, "stems_false") == []
    live.controls["world"].value = "sparse"
    assert live.image.value == before  # back to the same picture, nothing left over


def test_every_changing_artist_is_animated_over_a_background_that_holds_every_world(live,
                                                                                     worlds):
    # Blitting: all that an update changes (stems, markers, and the world's truth and
    # curves) is animated; the axes hold every world, so the background never changes.
    for key in ("stems_real", "stems_false", "vline", "dot_train", "dot_val", "truth",
                "curve_train", "curve_val"):
        assert live.handles[key].get_animated(), key
    ax, ax2 = live.handles["truth"].axes, live.handles["curve_val"].axes
    limits = (ax.get_ylim(), ax2.get_ylim())
    for sweep, truth in worlds.values():
        assert np.abs(sweep.coefs).max() < limits[0][1] and np.abs(truth).max() < limits[0][1]
        assert sweep.val_mse.max() < limits[1][1]
    live.controls["world"].value = "dense"
    assert (ax.get_ylim(), ax2.get_ylim()) == limits
    slider = live.controls["index"]
    slider.value = 0
    first = live.image.value
    slider.value = 10
    assert live.image.value != first
    slider.value = 0
    assert live.image.value == first


def test_stems_stay_inside_their_axes(live, worlds):
    for world in ("sparse", "dense"):
        live.controls["world"].value = world
        ax = live.handles["stems_real"].axes
        low, high = ax.get_ylim()
        coefs = worlds[world][0].coefs
        assert low < coefs.min() and coefs.max() < high


def test_update_time_is_recorded(live, worlds):
    # Only that it is measured: how fast is for `make bench` (benchmarks/run.py), not a test.
    slider = live.controls["index"]
    times = []
    for i in range(0, len(worlds["sparse"][0].lambdas), 3):
        slider.value = i
        times.append(live.last_update_seconds)
    assert all(np.isfinite(t) and t > 0 for t in times)


def test_default_worlds_share_the_notebooks_lambdas():
    worlds = default_worlds()
    sparse, dense = worlds["sparse"][0], worlds["dense"][0]
    np.testing.assert_array_equal(sparse.lambdas, dense.lambdas)
    assert np.count_nonzero(worlds["sparse"][1]) == 8
    assert np.count_nonzero(worlds["dense"][1]) == 100


def test_bad_input_is_named(worlds):
    sweep, truth = worlds["sparse"]
    with pytest.raises(TypeError, match="worlds must be"):
        explore_lambda("sweep")
    with pytest.raises(TypeError, match="pair"):
        explore_lambda({"sparse": sweep})
    with pytest.raises(ValueError, match="true weights"):
        explore_lambda({"sparse": (sweep, truth[:5])})
    other = lasso_sweep(regression_task(seed=0), n_lambdas=10)
    with pytest.raises(ValueError, match="same ones"):
        explore_lambda({"sparse": (sweep, truth), "other": (other, truth)})
