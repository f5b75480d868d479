"""Tests for lessonlib.zeno: the L2 step, steps to shrink, the float experiment, ridge path."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import Ridge

from lessonlib.optimizers import ridge_alpha
from lessonlib.synthetic import sparse_regression
from lessonlib.zeno import (
    decay_factor,
    float_decay,
    l2_penalty_path,
    ridge_path,
    stall_bound,
    steps_to_shrink,
)


def test_decay_factor_and_path_are_repeated_multiplication():
    assert decay_factor(0.1, 0.05) == pytest.approx(0.99)
    path = l2_penalty_path(3.0, 0.1, 0.05, 4)
    manual = [3.0]
    for _ in range(4):
        manual.append(manual[-1] - 0.1 * 2 * 0.05 * manual[-1])  # w - eta * 2 lam w
    assert np.allclose(path, manual)


@settings(max_examples=40, deadline=None)
@given(eta=st.floats(1e-3, 1.0), lam=st.floats(1e-3, 0.49), k=st.floats(0.1, 5))
def test_steps_to_shrink_solves_f_to_the_t_equals_ten_to_minus_k(eta, lam, k):
    t = steps_to_shrink(eta, lam, k=k)
    f = 1 - 2 * eta * lam
    assert f**t == pytest.approx(10.0**-k, rel=1e-9)


def test_steps_to_halve_matches_a_count():
    exact = steps_to_shrink(0.05, 0.1, k=1, base=2)
    path = l2_penalty_path(1.0, 0.05, 0.1, 200)
    assert int(np.argmax(path <= 0.5)) == math.ceil(exact)


def test_exact_arithmetic_never_reaches_zero():
    assert Fraction(99, 100) ** 500 > 0


@pytest.mark.parametrize(
    "f, dtype, steps, final",
    [  # the COURSE.md measurements
        (0.99, "float64", 73_672, 2.4e-322),
        (0.99, "float32", 9_877, 7e-44),
        (0.99, "float16", 1_284, 3.0e-06),
    ],
)
def test_float_decay_reproduces_the_measured_stalls(f, dtype, steps, final):
    run = float_decay(f, dtype)
    assert run.stalled and not run.reached_zero
    assert run.steps == steps
    assert run.final == pytest.approx(final, rel=0.05)
    assert run.final * f != 0


def test_half_reaches_zero_in_1075_steps_in_float64():
    run = float_decay(0.5)
    assert run.reached_zero and run.final == 0.0 and run.steps == 1075


@pytest.mark.parametrize("f", [0.9, 0.6])
def test_other_decays_above_half_also_stall(f):
    for dtype in ("float16", "float32", "float64"):
        assert float_decay(f, dtype).stalled


@pytest.mark.parametrize("f", [0.99, 0.95, 0.9, 0.75, 0.6, 0.5, 0.3])
def test_stall_rule_predicts_the_end(f):
    """k*f rounds back to k exactly when k*(1-f) < 1/2: check against brute force."""
    for dtype in ("float16", "float32", "float64"):
        run = float_decay(f, dtype)
        bound = stall_bound(f, dtype)
        if bound == 0:
            assert run.reached_zero
        else:
            assert run.stalled and 0 < run.final <= bound
            # The stuck value really is a fixed point of the multiplication.
            typ = np.dtype(dtype).type
            assert typ(run.final) * typ(f) == typ(run.final)


def test_trace_is_thinned_and_ends_at_the_last_step():
    run = float_decay(0.99, "float64", max_frames=100)
    assert len(run.trace_steps) <= 101
    assert run.trace_steps[-1] == run.steps and run.trace_values[-1] == run.final
    assert np.all(np.diff(run.trace_steps) > 0)


def test_max_steps_stops_early_without_claiming_an_end():
    run = float_decay(0.999, max_steps=100)
    assert run.steps == 100 and not run.stalled and not run.reached_zero
    assert "still shrinking" in run.describe()


def test_ridge_path_matches_sklearn_and_has_no_zeros():
    X, y, _ = sparse_regression(80, 20, 4, seed=0)
    lams = np.logspace(-3, 2, 7)
    coefs = ridge_path(X, y, lams)
    assert coefs.shape == (7, 20)
    assert np.count_nonzero(coefs == 0) == 0
    for lam, c in zip(lams, coefs, strict=True):
        sk = Ridge(alpha=ridge_alpha(lam, 80), fit_intercept=False).fit(X, y).coef_
        assert np.allclose(c, sk, atol=1e-10)


@pytest.mark.parametrize(
    "call, exc, match",
    [
        (lambda: decay_factor(0, 0.1), ValueError, "eta"),
        (lambda: decay_factor(0.1, -1), ValueError, "lam"),
        (lambda: decay_factor(2.0, 0.5), ValueError, "eta \\* lam must be below 1"),
        (lambda: steps_to_shrink(0.1, 0.0), ValueError, "lam"),
        (lambda: steps_to_shrink(1.0, 0.6), ValueError, "reaches or crosses 0"),
        (lambda: float_decay(1.0), ValueError, "factor"),
        (lambda: float_decay(0.9, "int8"), ValueError, "dtype must be one of"),
        (lambda: float_decay(0.99999, "float16"), ValueError, "rounds to 1"),
        (lambda: float_decay(float("nan")), ValueError, "finite"),
        (lambda: stall_bound(0.0), ValueError, "factor"),
        (lambda: ridge_path(np.ones((3, 2)), [1, 2], [0.1]), ValueError, "same number of rows"),
        (lambda: ridge_path(np.ones((2, 2)), [1, 2], [0.0]), ValueError, "> 0"),
        (lambda: float_decay("0.5"), TypeError, "factor must be a number"),
    ],
)
def test_bad_inputs_raise_clear_errors(call, exc, match):
    with pytest.raises(exc, match=match):
        call()
