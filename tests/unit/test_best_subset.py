"""Tests for lessonlib.best_subset: exhaustive search, growth fit, the L0 midpoint."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessonlib.best_subset import (
    GrowthFit,
    best_subset,
    count_subsets,
    describe_seconds,
    fit_growth,
    l0_midpoint,
    subsets_of_size,
    time_best_subset,
)


def brute_force(X, y, k):
    """Reference: every subset fitted with numpy.linalg.lstsq, with an intercept."""
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    best = (np.inf, ())
    for s in itertools.combinations(range(X.shape[1]), k):
        cols = Xc[:, list(s)]
        coef = np.linalg.lstsq(cols, yc, rcond=None)[0]
        rss = float(np.sum((yc - cols @ coef) ** 2))
        best = min(best, (rss, s))
    return best


@settings(max_examples=15, deadline=None)
@given(st.integers(2, 7), st.integers(0, 10_000))
def test_best_subset_matches_brute_force(d, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(40, d))
    y = X @ (rng.normal(size=d) * (rng.random(d) < 0.5)) + rng.normal(size=40)
    result = best_subset(X, y)
    assert result.n_evaluated == 2**d
    for k in range(1, d + 1):
        rss, support = brute_force(X, y, k)
        assert result.rss[k] == pytest.approx(rss, rel=1e-6, abs=1e-8)
        assert result.supports[k] == support


def test_best_subset_recovers_a_sparse_truth():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 10))
    y = 2 * X[:, 3] - 1.5 * X[:, 7] + 0.1 * rng.normal(size=300)
    result = best_subset(X, y, max_size=4)
    assert result.supports[2] == (3, 7)
    assert len(result.supports) == 5
    assert np.all(np.diff(result.rss) <= 1e-9)  # more features never fit worse


def test_best_subset_survives_collinear_columns():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(30, 1))
    X = np.hstack([x, x, rng.normal(size=(30, 2))])
    result = best_subset(X, x[:, 0])
    assert result.supports[1] in {(0,), (1,)}
    assert result.rss[1] == pytest.approx(0, abs=1e-6)


def test_subsets_of_size_counts():
    for d in range(1, 9):
        for k in range(d + 1):
            rows = subsets_of_size(d, k)
            assert rows.shape == (math.comb(d, k), k)
            assert len({tuple(r) for r in rows.tolist()}) == math.comb(d, k)
            assert np.all(np.diff(rows, axis=1) > 0)


def test_count_subsets_is_exact_for_huge_d():
    assert count_subsets(20) == 1_048_576
    assert count_subsets(50) == 1_125_899_906_842_624
    assert len(str(count_subsets(1000))) == 302


def test_best_subset_input_errors():
    with pytest.raises(ValueError, match="X must be a 2-D"):
        best_subset([1, 2, 3], [1, 2, 3])
    with pytest.raises(ValueError, match="one entry per row"):
        best_subset(np.zeros((4, 2)), [1, 2, 3])
    with pytest.raises(ValueError, match="too many"):
        best_subset(np.zeros((4, 30)), np.zeros(4))
    with pytest.raises(ValueError, match="max_size"):
        best_subset(np.zeros((4, 2)), np.zeros(4), max_size=3)
    with pytest.raises(TypeError, match="fit_intercept"):
        best_subset(np.zeros((4, 2)), np.zeros(4), fit_intercept="yes")


def test_fit_growth_recovers_a_known_exponential():
    d = np.arange(8, 16)
    t = 1e-6 * 2.0 ** (1.1 * d)
    fit = fit_growth(d, t)
    assert fit.rate == pytest.approx(1.1)
    assert fit.seconds(20) == pytest.approx(1e-6 * 2.0**22)
    assert fit.log10_seconds(233_280_000) == pytest.approx(
        math.log10(1e-6) + 1.1 * 233_280_000 * math.log10(2))
    assert math.isinf(fit.seconds(10_000))


def test_fit_growth_rejects_bad_input():
    with pytest.raises(ValueError, match="> 0"):
        fit_growth([1, 2], [0.1, 0.0])
    with pytest.raises(ValueError, match="equal-length"):
        fit_growth([1, 2, 3], [0.1, 0.2])
    with pytest.raises(ValueError, match="two different"):
        fit_growth([3, 3], [0.1, 0.2])


def test_time_best_subset_returns_positive_timings():
    d, t = time_best_subset([4, 6, 8], n_samples=20)
    assert d.tolist() == [4, 6, 8] and np.all(t > 0)
    with pytest.raises(ValueError, match="ds must be whole"):
        time_best_subset([4.5])


@pytest.mark.parametrize(
    ("log10_s", "text"),
    [(0.0, "1 seconds"), (math.log10(7200), "2 hours"), (math.log10(3 * 86_400), "3 days"),
     (math.log10(5 * 365.25 * 86_400), "5 years")],
)
def test_describe_seconds(log10_s, text):
    assert describe_seconds(log10_s) == text


def test_describe_seconds_for_astronomic_times():
    assert "age of the universe" in describe_seconds(25.0)
    assert describe_seconds(70_224_277.6) == "a number of seconds with 70,224,278 digits"
    with pytest.raises(ValueError):
        describe_seconds(float("inf"))


def test_l0_midpoint_of_the_syllabus_pair():
    m = l0_midpoint([1, 0], [0, 1])
    assert (m.count_a, m.count_b, m.count_mid) == (1, 1, 2)
    assert m.average == 1 and m.breaks_convexity
    assert m.l1_mid <= (m.l1_a + m.l1_b) / 2


def test_l0_midpoint_cancelling_pair_does_not_break_convexity():
    m = l0_midpoint([1, 1], [-1, 1])
    assert m.count_mid == 1 and not m.breaks_convexity
    with pytest.raises(ValueError, match="same shape"):
        l0_midpoint([1, 0], [1, 0, 0])


@given(st.lists(st.floats(-5, 5), min_size=1, max_size=6), st.data())
def test_l1_never_breaks_convexity(a, data):
    b = data.draw(st.lists(st.floats(-5, 5), min_size=len(a), max_size=len(a)))
    m = l0_midpoint(a, b)
    assert m.l1_mid <= (m.l1_a + m.l1_b) / 2 + 1e-9


def test_growth_fit_is_frozen():
    fit = GrowthFit(0.0, 1.0)
    with pytest.raises(AttributeError):
        fit.rate = 2.0  # type: ignore[misc]


def test_fit_growth_with_fixed_rate_ignores_one_disturbed_timing():
    d = np.arange(10, 16)
    t = 3e-6 * 2.0**d
    t[2] *= 20  # another program stole the CPU during one run
    fit = fit_growth(d, t, rate=1.0)
    assert fit.rate == 1.0
    assert fit.seconds(0) == pytest.approx(3e-6)
    with pytest.raises(ValueError, match="rate"):
        fit_growth(d, t, rate=0)


def test_describe_seconds_uses_thousands_separators():
    assert describe_seconds(math.log10(71_600 * 365.25 * 86_400)) == "71,600 years"
