"""Tests for lessonlib.plots.shrinkage: figures, their artists, and bad inputs."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure

from lessonlib.optimizers import ista, subgradient_descent_l1
from lessonlib.plots import shrinkage as P
from lessonlib.synthetic import sparse_regression
from lessonlib.zeno import float_decay, ridge_path


def test_l2_decay_lines_are_straight_on_the_log_axis():
    fig = P.plot_l2_decay([0.9], n_steps=50)
    line = fig.axes[1].lines[0]
    logs = np.log(line.get_ydata())
    assert np.allclose(np.diff(logs), np.log(0.9))


def test_float_decay_marks_the_stall_and_the_zero():
    stuck = float_decay(0.99, "float32")
    fig = P.plot_float_decay(stuck)
    stop = fig.axes[1].lines[1]
    assert stop.get_xdata()[0] == stuck.steps
    assert stop.get_ydata()[0] == pytest.approx(np.log10(stuck.final))
    zero = float_decay(0.5, "float32")
    fig = P.plot_float_decay(zero)
    floor = np.log10(zero.smallest_subnormal)
    assert fig.axes[1].lines[1].get_ydata()[0] < floor
    with pytest.raises(TypeError, match="FloatDecay"):
        P.plot_float_decay(0.5)


def test_ridge_and_lasso_paths():
    X, y, w = sparse_regression(60, 8, 3, seed=0)
    lams = np.logspace(-2, 1, 5)
    fig = P.plot_ridge_path(lams, ridge_path(X, y, lams), w)
    assert len(fig.axes[0].lines) == 3  # informative features, one line each
    assert len(fig.axes[0].collections[0].get_segments()) == 5  # the noise features
    coefs = np.zeros((5, 8))
    fig = P.plot_lasso_path(lams, coefs, w, np.ones(5), np.zeros(5), mark=0.1)
    assert isinstance(fig, Figure)
    with pytest.raises(ValueError, match="one row per lambda"):
        P.plot_ridge_path(lams, np.zeros((4, 8)))
    with pytest.raises(ValueError):
        P.plot_lasso_path(lams, coefs[:4], w, np.ones(5), np.zeros(5))


def test_method_comparison_draws_exact_zeros_on_the_floor():
    X, y, _ = sparse_regression(60, 8, 2, seed=0)
    runs = [subgradient_descent_l1(X, y, 0.3, n_steps=50), ista(X, y, 0.3, n_steps=50)]
    fig = P.plot_method_comparison(runs)
    ista_marks = fig.axes[0].lines[1].get_ydata()
    assert np.sum(ista_marks == 1e-12) == runs[1].exact_zeros > 0
    with pytest.raises(ValueError):
        P.plot_method_comparison([])


def test_weight_grids_mask_exact_zeros():
    h = P.weight_grid_figure((2, 2))
    P.update_weight_grids(h, [[0.0, 0.0, 1.0, 0.5], [1e-9, 0.1, 1.0, 0.5]], ["a", "b"])
    assert np.ma.count_masked(h.images[0].get_array()) == 2
    assert np.ma.count_masked(h.images[1].get_array()) == 0
    assert h.titles[0].get_text() == "a"
    fig = P.plot_weight_grids([np.zeros(4), np.ones(4)], ["L1", "L2"], shape=(2, 2))
    assert isinstance(fig, Figure)


def test_soft_threshold_and_coefficients():
    fig = P.plot_soft_threshold()
    red = fig.axes[0].lines[1]
    x, s = red.get_xdata(), red.get_ydata()
    assert np.all(s[np.abs(x) <= 0.3] == 0)
    fig = P.plot_coefficients({"a": [1.0, 0.0, 2.0], "b": [0.5, 0.5, 0.5]}, true_w=[1, 0, 2],
                              index=[0, 2])
    assert len(fig.axes) == 2
    with pytest.raises(ValueError, match="index"):
        P.plot_coefficients({"a": [1.0]}, index=[3])
    with pytest.raises(ValueError, match="panels"):
        P.plot_coefficients({})


def test_method_comparison_labels_exact_zeros_apart():
    """Issue 12, item 7: exact zeros read "= 0", in a row of their own, not as "tiny"."""
    X, y, _ = sparse_regression(60, 8, 2, seed=0)
    runs = [subgradient_descent_l1(X, y, 0.3, n_steps=50), ista(X, y, 0.3, n_steps=50)]
    ax = P.plot_method_comparison(runs).axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "= 0"
    smallest = min(np.abs(r.weights[r.weights != 0]).min() for r in runs)
    # no tick between the zero row and the decade of the smallest real magnitude
    real_ticks = [t for t in ax.get_yticks()[1:]]
    assert min(real_ticks) >= 10 ** np.floor(np.log10(smallest)) - 1e-300
    assert ax.get_ylim()[0] < P.ZERO_ROW < 10 ** np.floor(np.log10(smallest))


def test_weight_grids_outline_informative_cells():
    h = P.weight_grid_figure((2, 3), informative=[0, 4])
    assert all(len(m.get_segments()) == 8 for m in h.marks)
    with pytest.raises(ValueError, match="informative"):
        P.weight_grid_figure((2, 3), informative=[6])
