"""Tests for lessonlib.quasinorm against grids and closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lessonlib.montecarlo import recovered, sparse_problem
from lessonlib.penalties import lp
from lessonlib.quasinorm import (
    ball_is_convex,
    descend_on_line,
    line_local_minima,
    line_penalty,
    line_ridge,
    midpoint_size,
    reweighted_l1,
)


def grid_local_minima(x0, y0, p, n=200_001):
    """Local minima of the penalty along the line, found on a grid (crossings included)."""
    span = abs(y0 / x0)
    a = np.union1d(np.linspace(-span - 1, span + 1, n), [0.0, y0 / x0])
    g = line_penalty(a, x0, y0, p)
    inner = (g[1:-1] < g[:-2]) & (g[1:-1] < g[2:])
    return a[1:-1][inner]


@pytest.mark.parametrize("p", [0.2, 0.5, 0.8])
@pytest.mark.parametrize("x0,y0", [(3, 2), (2, 4), (-0.5, 1), (0.7, -3)])
def test_local_minima_are_the_axis_crossings(p, x0, y0):
    np.testing.assert_allclose(line_local_minima(x0, y0, p), grid_local_minima(x0, y0, p),
                               atol=1e-9)


@pytest.mark.parametrize("p", [1.5, 2, 4])
def test_convex_case_has_one_minimum(p):
    found = grid_local_minima(3, 2, p)
    assert found.size == 1
    np.testing.assert_allclose(line_local_minima(3, 2, p), found, atol=1e-4)


def test_ridge_closed_form():
    # sqrt(a) + sqrt(y0 - x0 a): derivative zero at a = y0 / (x0 (1 + x0)) for p = 1/2
    for x0, y0 in ((3, 2), (2, 4), (5, 1)):
        assert np.isclose(line_ridge(x0, y0, 0.5), y0 / (x0 * (1 + x0)), rtol=1e-7)
    with pytest.raises(ValueError, match="p < 1"):
        line_ridge(3, 2, 1.5)


@settings(max_examples=40, deadline=None)
@given(st.floats(0.5, 6), st.floats(0.5, 6), st.floats(0.2, 0.9), st.floats(-1.0, 2.0))
@example(0.5, 4.0, 0.25, 0.5625)  # found by hypothesis: 0.5 % from the ridge, 10,000 steps short
@example(0.5, 6.0, 0.2, 0.4)      # far corner of the domain: slow, but must still land
def test_descent_lands_on_the_side_of_the_ridge(x0, y0, p, frac):
    crossing = y0 / x0
    start = frac * crossing
    ridge = line_ridge(x0, y0, p)
    if abs(start - ridge) < 1e-3 * crossing:
        return  # too close to the ridge to call
    landing = descend_on_line(x0, y0, p, start).landing
    expected = 0.0 if start < ridge else crossing
    assert landing == pytest.approx(expected, abs=1e-12)


def test_descent_validation():
    with pytest.raises(ValueError, match="p"):
        descend_on_line(3, 2, 1.5, 0.1)
    with pytest.raises(ValueError, match="lr"):
        descend_on_line(3, 2, 0.5, 0.1, lr=0)


def test_convexity_and_midpoint():
    for p in (0.1, 0.5, 0.99):
        assert not ball_is_convex(p)
        assert midpoint_size(p) > 1
        assert np.isclose(midpoint_size(p), lp([0.5, 0.5], p))
    for p in (1, 1.5, 2, math.inf):
        assert ball_is_convex(p)
        assert midpoint_size(p) <= 1
    assert midpoint_size(0.5) == 2.0


def test_reweighted_recovers_where_l1_fails():
    # seed 0 of this generator is one such problem (checked in the notebook too)
    A, b, x = sparse_problem(np.random.default_rng(0), 200, 8, 28)
    run = reweighted_l1(A, b, iterations=4, eps=0.1)
    assert not recovered(run.history[0], x)
    assert recovered(run.x, x)
    assert len(run.history) == 5
    for xk in run.history:
        np.testing.assert_allclose(A @ xk, b, atol=1e-8)


def test_reweighted_zero_iterations_is_plain_l1():
    from lessonlib.geometry import min_l1_solution

    rng = np.random.default_rng(1)
    A, b = rng.standard_normal((3, 8)), rng.standard_normal(3)
    np.testing.assert_allclose(reweighted_l1(A, b, iterations=0).x, min_l1_solution(A, b))
    with pytest.raises(ValueError, match="eps"):
        reweighted_l1(A, b, eps=0)
