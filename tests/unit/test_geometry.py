"""Tests for lessonlib.geometry against independent computations (grids, a second LP)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from lessonlib.geometry import (
    ball_boundary,
    cross_polytope_counts,
    line_label,
    line_of_solutions,
    min_l1_solution,
    min_l2_solution,
    touch_point,
)

INF = math.inf


def brute_force_min(x0, y0, p, half_width=None, n=400_001):
    """Smallest Lp size on the line b = y0 - x0 a, by scanning a fine grid of a."""
    span = abs(y0 / x0) if x0 != 0 else abs(y0)
    half_width = half_width or 2 * span + 1
    a = np.linspace(-half_width, half_width, n)
    a = np.union1d(a, [0.0] + ([y0 / x0] if x0 else []))
    b = y0 - x0 * a
    if math.isinf(p):
        size = np.maximum(np.abs(a), np.abs(b))
    else:
        size = (np.abs(a) ** p + np.abs(b) ** p) ** (1 / p)
    i = int(np.argmin(size))
    return float(size[i]), float(a[i])


# ------------------------------------------------------------------ ball_boundary


@pytest.mark.parametrize("p", [0.1, 0.25, 0.5, 1, 1.5, 2, 3, 10])
def test_ball_boundary_lies_on_the_sphere(p):
    x, y = ball_boundary(p, radius=2.0, n=501)
    size = (np.abs(x) ** p + np.abs(y) ** p) ** (1 / p)
    np.testing.assert_allclose(size, 2.0, rtol=1e-9)


def test_ball_boundary_inf_is_the_square_with_corners():
    x, y = ball_boundary(INF, n=721)
    np.testing.assert_allclose(np.maximum(np.abs(x), np.abs(y)), 1.0)
    corners = np.isclose(np.abs(x), 1) & np.isclose(np.abs(y), 1)
    assert corners.sum() >= 4


def test_ball_boundary_closed_and_goes_round():
    x, y = ball_boundary(0.5, n=101)
    assert np.isclose(x[0], x[-1]) and np.isclose(y[0], y[-1])
    # it visits all four spikes
    for target in ([1, 0], [0, 1], [-1, 0], [0, -1]):
        assert np.min(np.hypot(x - target[0], y - target[1])) < 1e-9


@pytest.mark.parametrize("bad", [0, -1, float("nan"), "1"])
def test_ball_boundary_rejects_bad_p(bad):
    with pytest.raises((ValueError, TypeError), match="p"):
        ball_boundary(bad)


def test_ball_boundary_rejects_bad_radius_and_n():
    with pytest.raises(ValueError, match="radius"):
        ball_boundary(1, radius=-1)
    with pytest.raises(ValueError, match="n"):
        ball_boundary(1, n=3)


def test_cross_polytope_counts_match_enumeration():
    for d in (1, 2, 3, 4):
        # corners of the L1 ball: points of the ball with the largest L2 norm among sign vectors
        # enumerated directly
        corners = {tuple(s * np.eye(d)[i]) for i in range(d) for s in (-1, 1)}
        assert cross_polytope_counts(d)["corners"] == len(corners)
        assert cross_polytope_counts(d)["facets"] == len(
            {tuple(np.sign(v)) for v in np.array(np.meshgrid(*[[-1, 1]] * d)).reshape(d, -1).T}
        )


def test_line_of_solutions():
    assert line_of_solutions(10, 5, 0.5) == 0.0
    np.testing.assert_allclose(line_of_solutions(1, 1000, [0, 1000]), [1000, 0])


# ------------------------------------------------------------------ touch_point


def test_course_example_10_5():
    t1 = touch_point(10, 5, 1)
    assert t1.point.tolist() == [0.5, 0.0]
    assert t1.norm == 0.5 and t1.sparse and t1.unique
    t2 = touch_point(10, 5, 2)
    np.testing.assert_allclose(t2.point, [50 / 101, 5 / 101], rtol=1e-14)
    assert not t2.sparse


def test_parallel_edge_tie_returns_segment():
    t = touch_point(1, 1000, 1)
    assert t.tie == "segment" and not t.unique and not t.sparse
    assert t.ends.tolist() == [[0.0, 1000.0], [1000.0, 0.0]]
    assert t.norm == 1000.0
    # every point of the segment has the same L1 size, and that size is the minimum
    for s in np.linspace(0, 1, 11):
        w = (1 - s) * t.ends[0] + s * t.ends[1]
        assert np.isclose(np.abs(w).sum(), 1000)
    assert np.isclose(brute_force_min(1, 1000, 1)[0], 1000)


def test_negative_slope_tie_and_inf_tie_and_p_below_one_tie():
    assert touch_point(-1, 3, 1).tie == "segment"
    t = touch_point(0, 3, INF)
    assert t.tie == "segment" and t.ends.tolist() == [[-3.0, 3.0], [3.0, 3.0]]
    t = touch_point(1, 3, 0.5)
    assert t.tie == "two points"
    # the midpoint of the two tied points is worse
    mid = t.ends.mean(axis=0)
    assert (np.sqrt(np.abs(mid)).sum()) ** 2 > t.norm


@pytest.mark.parametrize("p", [0.3, 0.5, 0.9, 1, 1.3, 2, 3.7, INF])
@pytest.mark.parametrize("x0,y0", [(10, 5), (0.5, 2), (-3, 4), (2, -7), (0.2, -0.3), (-4, -1)])
def test_touch_point_matches_brute_force(p, x0, y0):
    t = touch_point(x0, y0, p)
    size, a_best = brute_force_min(x0, y0, p)
    assert t.norm <= size + 1e-12 * max(1, size)  # never worse than the grid
    assert t.norm >= size - 1e-4 * max(1, size)  # and the grid gets close to it
    a, b = t.point
    assert np.isclose(b, y0 - x0 * a)  # on the line
    if t.unique:
        assert abs(a - a_best) < 1e-3 * max(1, abs(y0 / x0))


@settings(max_examples=60, deadline=None)
@given(
    st.floats(-20, 20).filter(lambda v: abs(abs(v) - 1) > 1e-3),
    st.floats(-20, 20).filter(lambda v: abs(v) > 1e-3),
)
def test_l1_touch_is_sparse_and_optimal(x0, y0):
    t = touch_point(x0, y0, 1)
    assert t.sparse
    assert np.isclose(t.norm, min(abs(y0), abs(y0 / x0) if x0 else math.inf))


def test_describe_reports_sparsity_and_ties():
    assert "sparse (b is exactly 0)" in touch_point(10, 5, 1).describe()
    assert "not sparse" in touch_point(10, 5, 2).describe()
    assert "no unique answer" in touch_point(1, 1000, 1).describe()
    assert "two spikes" in touch_point(-1, 2, 0.5).describe()


def test_describe_writes_infinity_as_the_figures_do():
    text = touch_point(10, 5, math.inf).describe()
    assert text.startswith("p = ∞: ") and "inf" not in text


def test_origin_line():
    t = touch_point(3, 0, 2)
    assert t.point.tolist() == [0.0, 0.0] and t.norm == 0.0


def test_hoelder_extreme_p_does_not_overflow():
    t = touch_point(10, 5, 1.0001)
    assert np.all(np.isfinite(t.point)) and np.isclose(t.point[0] * 10 + t.point[1], 5)
    t = touch_point(10, 5, 500)
    assert np.isclose(t.norm, touch_point(10, 5, INF).norm, rtol=1e-2)


@pytest.mark.parametrize("bad", [{"x0": float("nan")}, {"y0": "a"}, {"p": 0}, {"p": -2}])
def test_touch_point_rejects_bad_input(bad):
    args = {"x0": 1.0, "y0": 2.0, "p": 1.0} | bad
    with pytest.raises((ValueError, TypeError), match=next(iter(bad))):
        touch_point(**args)


# ------------------------------------------------------------------ min-norm solutions


def min_l1_bounded_form(A, b):
    """A second LP formulation: minimise sum t subject to -t <= x <= t, A x = b."""
    n, d = A.shape
    c = np.r_[np.zeros(d), np.ones(d)]
    eye = np.eye(d)
    A_ub = np.block([[eye, -eye], [-eye, -eye]])
    res = linprog(c, A_ub=A_ub, b_ub=np.zeros(2 * d), A_eq=np.hstack([A, np.zeros((n, d))]),
                  b_eq=b, bounds=[(None, None)] * d + [(0, None)] * d, method="highs")
    return res.x[:d]


@pytest.mark.parametrize("seed", range(6))
def test_min_l1_matches_second_formulation(seed):
    rng = np.random.default_rng(seed)
    n, d = 3 + seed, 12 + 3 * seed
    A, b = rng.standard_normal((n, d)), rng.standard_normal(n)
    x = min_l1_solution(A, b)
    y = min_l1_bounded_form(A, b)
    np.testing.assert_allclose(A @ x, b, atol=1e-9)
    assert np.isclose(np.abs(x).sum(), np.abs(y).sum(), rtol=1e-9)
    assert np.count_nonzero(x) <= n


def test_min_l1_weighted_matches_brute_force_in_2d():
    A, b = np.array([[10.0, 1.0]]), np.array([5.0])
    w = np.array([1.0, 20.0])  # make the intercept very expensive... and then cheap
    x = min_l1_solution(A, b, weights=w)
    a = np.linspace(-1, 1, 200_001)
    cost = w[0] * np.abs(a) + w[1] * np.abs(5 - 10 * a)
    assert np.isclose(w @ np.abs(x), cost.min(), rtol=1e-6)
    x = min_l1_solution(A, b, weights=[30.0, 1.0])
    assert x.tolist() == [0.0, 5.0]


def test_min_l2_is_orthogonal_to_null_space():
    rng = np.random.default_rng(3)
    A, b = rng.standard_normal((4, 9)), rng.standard_normal(4)
    x = min_l2_solution(A, b)
    np.testing.assert_allclose(A @ x, b, atol=1e-12)
    null = np.linalg.svd(A)[2][4:]
    np.testing.assert_allclose(null @ x, 0, atol=1e-12)
    assert np.count_nonzero(x) == 9


def test_min_norm_input_validation():
    with pytest.raises(ValueError, match="rows"):
        min_l1_solution(np.ones((2, 3)), np.ones(3))
    with pytest.raises(ValueError, match="weights"):
        min_l1_solution(np.ones((1, 3)), [1.0], weights=[1, -1, 1])
    with pytest.raises(ValueError, match="no solution"):
        min_l1_solution(np.array([[1.0, 0.0], [1.0, 0.0]]), [1.0, 2.0])
    with pytest.raises(ValueError, match="A"):
        min_l2_solution(np.ones(3), np.ones(3))


@pytest.mark.parametrize("x0,y0,text", [
    (10, 5, "b = 5 − 10a"), (1, 1000, "b = 1000 − a"), (-1, 2, "b = 2 + a"),
    (-2.5, -3, "b = −3 + 2.5a"), (0, 4, "b = 4"), (3, 0, "b = −3a"), (-1, 0, "b = a"),
])
def test_line_label_reads_naturally(x0, y0, text):
    got = line_label(x0, y0)
    assert got == text
    assert "1·a" not in got and "+ −" not in got and "-" not in got  # no hyphen-minus
