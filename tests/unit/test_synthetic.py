"""Tests for lessonlib.synthetic: shapes, standardisation, the known support, options."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessonlib.synthetic import sparse_regression


@settings(max_examples=25, deadline=None)
@given(n=st.integers(2, 60), d=st.integers(1, 30), frac=st.floats(0, 1), seed=st.integers(0, 99))
def test_shapes_support_and_standardised_columns(n, d, frac, seed):
    k = int(frac * d)
    X, y, w = sparse_regression(n, d, k, seed=seed)
    assert X.shape == (n, d) and y.shape == (n,) and w.shape == (d,)
    assert np.count_nonzero(w) == k
    assert np.all(w[k:] == 0) and np.all((np.abs(w[:k]) >= 1) & (np.abs(w[:k]) <= 3))
    assert np.allclose(X.mean(axis=0), 0, atol=1e-12)
    nonconstant = X.std(axis=0) > 0
    assert np.allclose(X.std(axis=0)[nonconstant], 1.0)
    assert abs(y.mean()) < 1e-10


def test_same_seed_same_data_other_seed_other_data():
    a = sparse_regression(30, 5, 2, seed=3)
    b = sparse_regression(30, 5, 2, seed=3)
    c = sparse_regression(30, 5, 2, seed=4)
    assert all(np.array_equal(u, v) for u, v in zip(a, b, strict=True))
    assert not np.array_equal(a[0], c[0])


def test_noise_free_target_is_exactly_linear():
    X, y, w = sparse_regression(50, 6, 3, noise=0.0, seed=0)
    assert np.allclose(X @ w, y)


def test_noise_level_shows_in_residuals():
    X, y, w = sparse_regression(4000, 3, 2, noise=2.0, seed=0)
    assert np.std(y - X @ w) == pytest.approx(2.0, rel=0.05)


def test_correlated_pair_is_nearly_identical_and_informative():
    X, y, w = sparse_regression(200, 10, 3, seed=1, correlated_pair=True)
    assert np.corrcoef(X[:, 0], X[:, 1])[0, 1] > 0.999
    assert w[0] == w[1] != 0
    # y is explained by the pair (the hidden signal) about as well as by the truth.
    assert np.std(y - X @ w) < 0.6


def test_scales_change_units_but_not_the_signal():
    scales = np.array([1.0, 0.01, 100.0, 1.0])
    X0, y0, w0 = sparse_regression(40, 4, 2, seed=2)
    X1, y1, w1 = sparse_regression(40, 4, 2, seed=2, scales=scales)
    assert np.allclose(X1, X0 * scales)
    assert np.allclose(y1, y0)
    assert np.allclose(X1 @ w1, X0 @ w0)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"n": 1, "d": 3, "n_informative": 1}, "n must"),
        ({"n": 10, "d": 0, "n_informative": 0}, "d must"),
        ({"n": 10, "d": 3, "n_informative": 4}, "n_informative"),
        ({"n": 10, "d": 3, "n_informative": 1, "noise": -1.0}, "noise"),
        ({"n": 10, "d": 3, "n_informative": 1, "correlated_pair": True}, "at least 2"),
        ({"n": 10, "d": 3, "n_informative": 1, "scales": [1.0, 2.0]}, "one entry per feature"),
        ({"n": 10, "d": 2, "n_informative": 1, "scales": [1.0, -2.0]}, "> 0"),
        ({"n": 10, "d": 2, "n_informative": 1, "scales": [1.0, np.nan]}, "NaN"),
    ],
)
def test_bad_arguments_raise_clear_errors(kwargs, match):
    with pytest.raises(ValueError, match=match):
        sparse_regression(**kwargs)


def test_wrong_types_raise_type_errors():
    with pytest.raises(TypeError, match="n must be a whole number"):
        sparse_regression(10.5, 3, 1)
    with pytest.raises(TypeError, match="correlated_pair"):
        sparse_regression(10, 3, 2, correlated_pair="yes")
