"""Tests for lessonlib.lambda_choice: the CV table, the one-SE rule, the scaler leak."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import LassoCV
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from lessonlib.lambda_choice import cv_table, scaled_inside_folds


def test_table_sorts_largest_lambda_first_and_computes_the_standard_error():
    t = cv_table([0.01, 1.0, 0.1], [[2.1, 2.3], [4.0, 6.0], [2.0, 2.2]])
    assert t.alphas.tolist() == [1.0, 0.1, 0.01]
    assert t.mean.tolist() == pytest.approx([5.0, 2.1, 2.2])
    assert t.se[0] == pytest.approx(np.std([4.0, 6.0], ddof=1) / np.sqrt(2))
    assert t.best == 1 and t.n_folds == 2


@settings(max_examples=60, deadline=None)
@given(st.integers(3, 25), st.integers(2, 10), st.integers(0, 10_000))
def test_one_se_is_the_largest_lambda_under_the_limit(k, folds, seed):
    rng = np.random.default_rng(seed)
    alphas = np.sort(rng.uniform(0.01, 10, k))[::-1]
    mse = rng.uniform(1, 2, (k, folds))
    t = cv_table(alphas, mse)
    limit = t.mean[t.best] + t.se[t.best]
    assert t.mean[t.one_se] <= limit
    assert np.all(t.mean[: t.one_se] > limit)  # every larger lambda is over the limit
    assert t.alphas[t.one_se] >= t.alphas[t.best]


@pytest.mark.parametrize("alphas, mse, match", [
    ([1.0, 0.1], [[1.0, 2.0]], "one row per lambda"),
    ([1.0], [[1.0]], "at least 2 folds"),
    ([1.0, np.nan], [[1, 2], [1, 2]], "NaN"),
    ("abc", [[1, 2]], "numbers"),
])
def test_table_rejects_bad_input(alphas, mse, match):
    with pytest.raises((ValueError, TypeError), match=match):
        cv_table(alphas, mse)


def test_scaled_inside_folds_differs_a_little_from_the_leaky_search():
    # The same search with the scaler fitted once on all rows (the leak) gives errors that
    # differ, but only slightly, on well-behaved data with very different column units.
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 4)) * [1, 10, 100, 0.1] + [5, -3, 0, 2]
    y = X @ [1.0, 0.1, 0.0, 5.0] + rng.normal(size=200)
    alphas = np.geomspace(5, 0.01, 12)
    cv = KFold(5, shuffle=True, random_state=0)
    honest = scaled_inside_folds(X, y, alphas, cv)
    assert honest.shape == (12, 5)
    leaky = make_pipeline(StandardScaler(), LassoCV(alphas=alphas, cv=cv, tol=1e-10,
                                                    max_iter=10**6)).fit(X, y)[-1]
    rel = np.abs(honest.mean(axis=1) - cv_table(leaky.alphas_, leaky.mse_path_).mean)
    rel /= honest.mean(axis=1)
    # Different (fold-wise) scaling changes the errors a little, never a lot, on this data.
    assert 0 < rel.max() < 0.05


def test_scaled_inside_folds_equals_a_by_hand_fold_loop():
    from sklearn.linear_model import Lasso
    rng = np.random.default_rng(1)
    X = rng.normal(size=(60, 3)) * [1, 5, 20]
    y = X[:, 0] + rng.normal(size=60)
    alphas = np.array([1.0, 0.1])
    cv = KFold(3, shuffle=True, random_state=0)
    got = scaled_inside_folds(X, y, alphas, cv)
    for f, (tr, te) in enumerate(cv.split(X)):
        for i, a in enumerate(alphas):
            m = make_pipeline(StandardScaler(), Lasso(alpha=a, tol=1e-12, max_iter=10**6))
            pred = m.fit(X[tr], y[tr]).predict(X[te])
            assert got[i, f] == pytest.approx(np.mean((pred - y[te]) ** 2), rel=1e-6)


def test_scaled_inside_folds_checks_its_input():
    cv = KFold(2)
    with pytest.raises(ValueError, match="decreasing"):
        scaled_inside_folds(np.ones((4, 2)), np.ones(4), [0.1, 1.0], cv)
    with pytest.raises(ValueError, match="one entry per row"):
        scaled_inside_folds(np.ones((4, 2)), np.ones(3), [1.0], cv)
