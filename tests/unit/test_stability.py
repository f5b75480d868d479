"""Tests for lessonlib.stability: twins, selection frequencies, twin picks."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import ElasticNet, Lasso

from lessonlib.stability import selection_frequency, twin_picks, with_twins


@pytest.fixture(scope="module")
def problem():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 6))
    y = 3 * X[:, 0] - 2 * X[:, 1] + rng.normal(size=200)
    return (X - X.mean(0)) / X.std(0), y


def test_with_twins_appends_standardised_near_copies(problem):
    X, _ = problem
    T = with_twins(X, [0, 3], noise=0.03, seed=1)
    assert T.shape == (200, 8)
    assert np.allclose(T.mean(0), 0) and np.allclose(T.std(0), 1)
    assert np.corrcoef(T[:, 0], T[:, 6])[0, 1] > 0.999
    assert np.corrcoef(T[:, 3], T[:, 7])[0, 1] > 0.999
    assert np.array_equal(T, with_twins(X, [0, 3], noise=0.03, seed=1))  # seeded
    with pytest.raises(ValueError, match="positions"):
        with_twins(X, [6])
    with pytest.raises(ValueError, match="noise"):
        with_twins(X, [0], noise=-1)


def test_selection_frequency_keeps_the_signal_and_drops_noise(problem):
    X, y = problem
    freq = selection_frequency(X, y, [1.0, 0.5, 0.01], n_resamples=30, seed=0)
    assert freq.shape == (3, 6)
    assert np.all((freq >= 0) & (freq <= 1))
    assert np.all(freq[:, :2] == 1.0)  # the two real features, always
    assert np.all(freq[0, 2:] <= 0.2)  # noise, rarely at a strong penalty
    assert np.all(np.diff(freq.sum(axis=1)) >= 0)  # weaker penalty, more kept on average
    again = selection_frequency(X, y, [1.0, 0.5, 0.01], n_resamples=30, seed=0)
    assert np.array_equal(freq, again)


@pytest.mark.parametrize("kwargs, match", [
    ({"alphas": [0.1, 1.0]}, "decreasing"),
    ({"alphas": [1.0, 0.0]}, "positive"),
    ({"alphas": [1.0], "fraction": 0}, "fraction"),
    ({"alphas": [1.0], "n_resamples": 0}, "n_resamples"),
])
def test_selection_frequency_checks_its_input(problem, kwargs, match):
    X, y = problem
    with pytest.raises((ValueError, TypeError), match=match):
        selection_frequency(X, y, **kwargs)


def test_twin_picks_lasso_chooses_one_elastic_net_both(problem):
    X, y = problem
    T = with_twins(X, [0], noise=0.01, seed=0)
    pairs = [(0, 6)]
    lasso = twin_picks(T, y, pairs, lambda: Lasso(alpha=0.3, tol=1e-10, max_iter=10**6),
                       n_resamples=20)
    enet = twin_picks(T, y, pairs, lambda: ElasticNet(alpha=0.3, l1_ratio=0.5, tol=1e-10,
                                                      max_iter=10**6), n_resamples=20)
    assert lasso.sum() == enet.sum() == 20
    assert lasso[0, 2] <= 4 and lasso[0, 0] > 0 and lasso[0, 1] > 0  # one copy, and it flips
    assert enet[0, 2] == 20


def test_twin_picks_checks_its_input(problem):
    X, y = problem
    with pytest.raises(ValueError, match="pairs"):
        twin_picks(X, y, [(0, 9)], lambda: Lasso())
    with pytest.raises(TypeError, match="make_model"):
        twin_picks(X, y, [(0, 1)], Lasso())
