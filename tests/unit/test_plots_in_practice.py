"""Tests for lessonlib.plots.in_practice: the figures draw what they are given."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure

from lessonlib.lambda_choice import cv_table
from lessonlib.plots.in_practice import plot_cv_curve, plot_lasso_path, plot_stability


def test_cv_curve_marks_both_choices():
    t = cv_table([1.0, 0.5, 0.1, 0.01], [[4, 6], [2, 2.4], [2.1, 2.3], [2.2, 2.2]])
    fig = plot_cv_curve(t)
    assert isinstance(fig, Figure)
    labels = [line.get_label() for line in fig.axes[0].lines]
    assert any(f"{t.alphas[t.best]:.3g}" in s for s in labels)
    assert any("one-SE" in s and f"{t.alphas[t.one_se]:.3g}" in s for s in labels)
    with pytest.raises(TypeError, match="CVTable"):
        plot_cv_curve({"alphas": [1]})


def test_path_names_every_feature_and_checks_shapes():
    fig = plot_lasso_path([1.0, 0.1], [[0, 1], [0, -1], [0, 0.5]], ["a", "b", "c"])
    texts = sorted(t.get_text() for t in fig.axes[0].texts)
    assert texts == ["a", "b", "c"]
    with pytest.raises(ValueError, match="shape"):
        plot_lasso_path([1.0, 0.1], [[0, 1]], ["a", "b"])


def test_stability_heat_map_writes_every_share():
    freq = np.array([[1.0, 0.2], [0.85, 0.5]])
    fig = plot_stability(freq, [2.0, 1.0], ["a", "b"])
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert sorted(texts) == ["0.20", "0.50", "0.85", "1.00"]
    bold = [t.get_text() for t in fig.axes[0].texts if t.get_fontweight() == "bold"]
    assert sorted(bold) == ["0.85", "1.00"]
    with pytest.raises(ValueError, match="shape"):
        plot_stability(freq, [1.0], ["a", "b"])
