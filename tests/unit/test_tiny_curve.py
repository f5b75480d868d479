"""The opener's over-fitting example (lessonlib.tiny_curve) and its figure."""

from __future__ import annotations

import numpy as np
import pytest

from lessonlib.plots.sparse_features import plot_l0_midpoint, plot_tiny_fits
from lessonlib.tiny_curve import powers, tiny_curve


def test_same_seed_same_points_and_degree_nine_interpolates():
    a, b = tiny_curve(seed=0), tiny_curve(seed=0)
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_array_equal(a.y_test, b.y_test)
    assert not np.array_equal(a.y, tiny_curve(seed=1).y)
    X = np.column_stack([np.ones(10), powers(a.x, 9)])  # as many numbers as points
    w = np.linalg.solve(X, a.y)
    assert np.abs(X @ w - a.y).max() < 1e-8 and np.abs(w).max() > 100


def test_powers_columns_and_bad_input():
    np.testing.assert_array_equal(powers([2.0, -1.0], 3), [[2, 4, 8], [-1, 1, -1]])
    with pytest.raises(ValueError, match="degree must be"):
        powers([1.0], 0)
    with pytest.raises(ValueError, match="n must be"):
        tiny_curve(n=1)


def test_tiny_fits_figure_and_bad_curves():
    g = np.linspace(-1, 1, 50)
    fig = plot_tiny_fits([0.0, 0.5], [0.0, 1.0], g, {"a": np.sin(g), "b": np.cos(g)})
    labels = [line.get_label() for line in fig.axes[0].lines]
    assert labels == ["a", "b", "the 10 training points"]
    with pytest.raises(ValueError, match="grid points"):
        plot_tiny_fits([0.0], [1.0], g, {"a": np.ones(3)})
    with pytest.raises(ValueError, match="1 to 4"):
        plot_tiny_fits([0.0], [1.0], g, {})


def test_l0_figure_labels_every_point():
    fig = plot_l0_midpoint()
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert any(t.startswith("a = (1, 0)") for t in texts)
    assert any(t.startswith("b = (0, 1)") for t in texts)
    assert any("midpoint (0.5, 0.5)" in t and "2 non-zeros" in t for t in texts)
