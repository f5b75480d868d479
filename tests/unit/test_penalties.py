"""Tests for lessonlib.penalties: worked values, brute-force proximal checks, properties, errors."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lessonlib import penalties as P

finite = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_infinity=False)
vectors = arrays(np.float64, st.integers(1, 8), elements=finite)
small = st.floats(min_value=-5, max_value=5, allow_nan=False)
strength = st.floats(min_value=0, max_value=3, allow_nan=False)

# A fine grid for brute-force minimisation, with 0 included exactly (it matters for L0).
GRID = np.concatenate([np.linspace(-8.0, 8.0, 160_001), [0.0]])
STEP = GRID[1] - GRID[0]


def brute_force(objective) -> tuple[float, float]:
    """(argmin, min) of a 1-D objective over GRID."""
    values = objective(GRID)
    i = int(np.argmin(values))
    return float(GRID[i]), float(values[i])


# --------------------------------------------------------------------------- worked values


def test_sizes_on_a_worked_example():
    w = [0, 3, 0, 0, -4]
    assert P.l0(w) == 2
    assert P.l1(w) == 7.0
    assert P.l2(w) == 5.0
    assert P.l2_squared(w) == 25.0
    assert P.linf(w) == 4.0
    assert P.lp(w, 1) == 7.0
    assert P.lp(w, 2) == pytest.approx(5.0)
    assert P.lp(w, math.inf) == 4.0
    assert P.lp_sum(w, 2) == pytest.approx(25.0)
    assert P.lp_sum(w, 1) == pytest.approx(7.0)


def test_return_types_are_plain_python():
    assert type(P.l0([1, 0])) is int
    for f in (P.l1, P.l2, P.l2_squared, P.linf):
        assert type(f([1.0, -2.0])) is float
    assert type(P.lp([1.0, 2.0], 3)) is float
    assert type(P.soft_threshold(0.5, 0.1)) is float
    assert isinstance(P.soft_threshold([0.5], 0.1), np.ndarray)


def test_scalars_and_any_shape():
    assert P.l1(-2.5) == 2.5
    assert P.l0(0.0) == 0
    m = np.array([[1.0, -2.0], [0.0, 2.0]])
    assert P.l1(m) == 5.0
    assert P.l0(m) == 3
    assert P.linf(m) == 2.0
    assert P.soft_threshold(m, 1.0).shape == (2, 2)
    np.testing.assert_array_equal(P.soft_threshold(m, 1.0), [[0.0, -1.0], [0.0, 1.0]])


def test_empty_vector_has_size_zero():
    for f in (P.l0, P.l1, P.l2, P.l2_squared, P.linf):
        assert f([]) == 0
    assert P.lp([], 0.5) == 0.0
    assert P.lp_sum([], 0.5) == 0.0


def test_l0_tolerance():
    assert P.l0([1e-9, -1e-7, 0.5], tol=1e-6) == 1
    assert P.l0([1e-6], tol=1e-6) == 0  # "larger than tol", not "at least"


def test_the_seed_example_of_clipping_at_zero():
    # a weight at +0.1, an L1 step of 0.3 would take it to -0.2: it stops at exactly 0
    assert P.soft_threshold(0.1, 0.3) == 0.0
    assert P.soft_threshold(-0.1, 0.3) == 0.0
    assert not np.signbit(P.soft_threshold(-0.1, 0.3))  # no "-0.0" shown to learners
    np.testing.assert_allclose(P.soft_threshold([2.0, -0.5, 0.2], 0.3), [1.7, -0.2, 0.0])


def test_threshold_per_weight_broadcasts():
    out = P.soft_threshold([1.0, 1.0, 1.0], [0.0, 0.5, 2.0])
    np.testing.assert_allclose(out, [1.0, 0.5, 0.0])
    out = P.hard_threshold([[1.0], [3.0]], [0.5, 2.0])
    np.testing.assert_array_equal(out, [[1.0, 0.0], [3.0, 3.0]])


def test_l2_shrink_and_gradient():
    np.testing.assert_allclose(P.l2_shrink([3.0, -1.5], 1.0), [1.0, -0.5])
    assert P.l2_shrink(4.0, 0.0) == 4.0
    np.testing.assert_allclose(P.l2_squared_gradient([1.5, -2.0]), [3.0, -4.0])
    assert P.l2_squared_gradient(0.25) == 0.5


def test_l2_squared_gradient_matches_finite_differences():
    rng = np.random.default_rng(0)
    w = rng.normal(size=5)
    h = 1e-6
    numeric = [
        (P.l2_squared(w + h * e) - P.l2_squared(w - h * e)) / (2 * h) for e in np.eye(5)
    ]
    np.testing.assert_allclose(P.l2_squared_gradient(w), numeric, rtol=1e-6)


def test_l2_shrink_never_reaches_zero():
    w = 1.0
    for _ in range(200):
        w = P.l2_shrink(w, 0.5)
    assert w > 0


def test_hard_threshold_is_prox_of_l0_with_sqrt_2_lam():
    lam = 0.5  # threshold sqrt(2 * 0.5) = 1
    np.testing.assert_array_equal(P.hard_threshold([1.5, 0.9, -1.01], math.sqrt(2 * lam)),
                                  [1.5, 0.0, -1.01])


def test_subgradient_and_subdifferential():
    w = [2.0, 0.0, -0.1]
    np.testing.assert_array_equal(P.l1_subgradient(w), [1.0, 0.0, -1.0])
    np.testing.assert_array_equal(P.l1_subgradient(w, at_zero=0.7), [1.0, 0.7, -1.0])
    np.testing.assert_array_equal(P.l1_subgradient(w, at_zero=[0, -1, 0]), [1.0, -1.0, -1.0])
    low, high = P.l1_subdifferential(w)
    np.testing.assert_array_equal(low, [1.0, -1.0, -1.0])
    np.testing.assert_array_equal(high, [1.0, 1.0, -1.0])
    assert P.l1_subdifferential(0.0) == (-1.0, 1.0)
    assert P.l1_subdifferential(3.0) == (1.0, 1.0)


@given(w=vectors, z=st.floats(-1, 1))
def test_every_subgradient_lies_in_the_subdifferential(w, z):
    g = P.l1_subgradient(w, at_zero=z)
    low, high = P.l1_subdifferential(w)
    assert np.all(low <= g) and np.all(g <= high)
    # and satisfies the subgradient inequality |v| >= |w| + g.(v - w) for some other v
    v = w[::-1] + 1.0
    assert P.l1(v) >= P.l1(w) + float(np.dot(g, v - w)) - 1e-9 * (1 + P.l1(v) + P.l1(w))


# --------------------------------------------------------------------------- proximal steps


@settings(max_examples=60, deadline=None)
@given(w=small, t=strength)
def test_soft_threshold_is_the_brute_force_minimiser(w, t):
    def objective(x):
        return 0.5 * (x - w) ** 2 + t * np.abs(x)

    x_grid, f_grid = brute_force(objective)
    x = P.soft_threshold(w, t)
    assert objective(x) <= f_grid + 1e-12  # no grid point does better
    assert abs(x - x_grid) <= STEP  # and it sits where the grid's best point is


@settings(max_examples=60, deadline=None)
@given(w=small, t=strength)
def test_l2_shrink_is_the_brute_force_minimiser(w, t):
    def objective(x):
        return 0.5 * (x - w) ** 2 + t * x**2

    x_grid, f_grid = brute_force(objective)
    x = P.l2_shrink(w, t)
    assert objective(x) <= f_grid + 1e-12
    assert abs(x - x_grid) <= STEP


@settings(max_examples=60, deadline=None)
@given(w=small, lam=strength)
def test_hard_threshold_is_the_brute_force_minimiser_of_l0(w, lam):
    def objective(x):
        return 0.5 * (x - w) ** 2 + lam * (x != 0)

    x_grid, f_grid = brute_force(objective)
    x = P.hard_threshold(w, math.sqrt(2 * lam))
    assert objective(x) <= f_grid + 1e-12
    if abs(0.5 * w**2 - lam) > 1e-3:  # away from the tie, the minimiser is unique
        assert abs(x - x_grid) <= STEP


@given(w=vectors, t=strength)
def test_soft_threshold_never_grows_and_never_flips_sign(w, t):
    x = P.soft_threshold(w, t)
    assert np.all(np.abs(x) <= np.abs(w))
    assert np.all(x * w >= 0)
    # it moves every surviving weight by exactly t
    alive = x != 0
    np.testing.assert_allclose(np.abs(w[alive]) - np.abs(x[alive]), t, atol=1e-9)


@given(w=vectors, t=strength)
def test_soft_threshold_zeroes_exactly_the_small_weights(w, t):
    x = P.soft_threshold(w, t)
    np.testing.assert_array_equal(x == 0, np.abs(w) <= t)


# --------------------------------------------------------------------------- Lp properties


@given(u=vectors, data=st.data(), p=st.one_of(st.floats(1, 10), st.just(math.inf)))
def test_triangle_inequality_holds_for_p_at_least_one(u, data, p):
    v = data.draw(arrays(np.float64, u.shape, elements=finite))
    lhs = P.lp(u + v, p)
    rhs = P.lp(u, p) + P.lp(v, p)
    assert lhs <= rhs * (1 + 1e-9) + 1e-12


@given(p=st.floats(0.05, 0.95))
def test_triangle_inequality_fails_for_p_below_one(p):
    e1, e2 = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    assert P.lp(e1 + e2, p) > P.lp(e1, p) + P.lp(e2, p)


def test_the_course_counterexample_at_p_one_half():
    assert P.lp([1, 1], 0.5) == pytest.approx(4.0)
    assert P.lp([1, 0], 0.5) + P.lp([0, 1], 0.5) == pytest.approx(2.0)


@given(w=vectors, c=finite, p=st.one_of(st.floats(0.1, 8), st.just(math.inf)))
def test_lp_is_absolutely_homogeneous(w, c, p):
    assume(P.lp(w, p) < 1e200)
    np.testing.assert_allclose(P.lp(c * w, p), abs(c) * P.lp(w, p), rtol=1e-9, atol=1e-300)


@given(w=vectors, p=st.floats(0.1, 8))
def test_lp_sum_is_lp_to_the_power_p(w, p):
    value = P.lp(w, p)
    assume(value < 1e100)
    np.testing.assert_allclose(P.lp_sum(w, p), value**p, rtol=1e-8, atol=1e-300)


@given(w=vectors)
def test_lp_tends_to_linf_as_p_grows(w):
    gaps = [P.lp(w, p) - P.linf(w) for p in (1, 2, 8, 64, 1024)]
    assert all(g >= -1e-9 * (1 + P.linf(w)) for g in gaps)  # lp >= linf for every p
    assert np.all(np.diff(gaps) <= 1e-9 * (1 + P.linf(w)))  # and the gap shrinks as p grows
    # (n)^(1/p) - 1 bounds the relative gap: about 0.2% of linf at p = 1024 for n <= 8
    assert gaps[-1] <= 0.003 * P.linf(w) + 1e-12


def test_lp_for_huge_p_does_not_overflow():
    assert P.lp([1.0, 2.0, 3.0], 1e6) == pytest.approx(3.0)
    assert P.lp([1e300, 1e300], 1e3) == pytest.approx(1e300 * 2 ** (1 / 1e3))


@given(w=vectors)
def test_lp_sum_tends_to_l0_as_p_shrinks(w):
    w = np.where(np.abs(w) < 1e-3, 0.0, w)  # either clearly non-zero or exactly zero
    errors = [abs(P.lp_sum(w, p) - P.l0(w)) for p in (0.5, 0.1, 0.01, 1e-4, 1e-8)]
    assert errors[-1] < 1e-5 * len(w)
    assert errors[-1] <= errors[0] + 1e-12


def test_lp_equals_the_named_norms():
    w = np.array([0.5, -2.0, 3.0, 0.0])
    assert P.lp(w, 1) == pytest.approx(P.l1(w))
    assert P.lp(w, 2) == pytest.approx(P.l2(w))
    assert P.lp(w, math.inf) == P.linf(w)
    assert P.l2(w) ** 2 == pytest.approx(P.l2_squared(w))


def test_lp_for_tiny_p_reports_overflow_as_inf():
    assert P.lp([1.0, 1.0], 1e-4) == math.inf  # 2 ** 10000 is beyond float range
    assert P.lp([0.0, 5.0], 1e-4) == pytest.approx(5.0)  # one non-zero: just its size


def test_l0_is_not_convex():
    a, b = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    assert P.l0((a + b) / 2) > (P.l0(a) + P.l0(b)) / 2


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "call, exc, words",
    [
        (lambda: P.lp([1.0], 0), ValueError, "p must be in (0, inf]"),
        (lambda: P.lp([1.0], -2), ValueError, "p must be in (0, inf]"),
        (lambda: P.lp([1.0], float("nan")), ValueError, "p must be"),
        (lambda: P.lp([1.0], "2"), TypeError, "p must be a number"),
        (lambda: P.lp_sum([1.0], 0), ValueError, "p must be in (0, inf]"),
        (lambda: P.lp_sum([1.0], math.inf), ValueError, "p must be a finite number"),
        (lambda: P.soft_threshold([1.0], -0.1), ValueError, "t must be in [0, inf]"),
        (lambda: P.soft_threshold([1.0, 2.0], [0.1, -1]), ValueError, "t must be >= 0"),
        (lambda: P.soft_threshold([1.0, 2.0], [0.1, 0.2, 0.3]), ValueError, "broadcasts"),
        (lambda: P.soft_threshold([1.0], float("nan")), ValueError, "t must be a finite"),
        (lambda: P.l2_shrink([1.0], -1), ValueError, "t must be in [0, inf]"),
        (lambda: P.hard_threshold([1.0], -1), ValueError, "threshold must be in [0, inf]"),
        (lambda: P.l0([1.0], tol=-1e-3), ValueError, "tol must be in [0, inf]"),
        (lambda: P.l1([1.0, float("nan")]), ValueError, "w contains NaN"),
        (lambda: P.l2([1.0, float("inf")]), ValueError, "w contains inf"),
        (lambda: P.soft_threshold([float("inf")], 1.0), ValueError, "w contains inf"),
        (lambda: P.l1("abc"), TypeError, "w must be numbers"),
        (lambda: P.l0(None), TypeError, "w must be numbers"),
        (lambda: P.l1(["a", 1]), TypeError, "w must be numbers"),
        (lambda: P.l1_subgradient([0.0], at_zero=1.5), ValueError, "at_zero must be in [-1, 1]"),
        (lambda: P.l1_subgradient([0.0, 0.0], at_zero=[0, 2]), ValueError, "at_zero"),
        (lambda: P.soft_threshold([1.0], True), TypeError, "t must be a number"),
    ],
)
def test_bad_input_gets_a_clear_error(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    assert words in str(info.value)
