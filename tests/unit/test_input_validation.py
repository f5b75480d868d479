"""Public functions refuse bad input with a ValueError or TypeError that names the
parameter and what is allowed (issue 17's list of exceptions to that rule)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lessonlib import geometry, montecarlo, optimizers, penalties, wide, world, zeno
from lessonlib._validate import as_float_array, as_scalar, real_array
from lessonlib.widgets.geometry import explore_touch
from lessonlib.widgets.shrinkage import l1_l2_network


@pytest.mark.parametrize(
    ("p", "error"),
    [(-1, ValueError), (0, ValueError), (None, TypeError), (1e6, ValueError), (True, TypeError),
     (0.1, ValueError), (1 + 2j, TypeError), (math.nan, ValueError)],
)
def test_explore_touch_refuses_a_p_it_cannot_show(p, error):
    with pytest.raises(error, match="p must"):
        explore_touch(p=p)


def test_explore_touch_keeps_a_p_it_can_show():
    live = explore_touch(p=1.5)
    assert live.controls["norm"].value == "free" and live.controls["free_p"].value == 1.5
    assert explore_touch(p=math.inf).controls["norm"].value == math.inf


def test_sparse_problem_wants_a_generator_not_a_seed():
    with pytest.raises(TypeError, match=r"rng must be a NumPy Generator.*default_rng"):
        montecarlo.sparse_problem(0, 50, 3, 10)
    with pytest.raises(ValueError, match="s must be"):
        montecarlo.sparse_problem(np.random.default_rng(0), 5, 8, 10)


def test_recovery_experiment_wants_a_list_of_measurement_counts():
    with pytest.raises(TypeError, match=r"m_values must be a list.*\[28\]"):
        montecarlo.recovery_experiment(200, 8, 28)


def test_steps_to_shrink_with_a_tiny_step_is_a_number_not_a_zero_division():
    steps = zeno.steps_to_shrink(eta=1e-17, lam=0.1)
    assert math.isclose(steps, math.log(10) / 2e-18, rel_tol=1e-9)
    with pytest.raises(ValueError, match="eta \\* lam"):
        zeno.steps_to_shrink(eta=1e-200, lam=1e-200)


@pytest.mark.parametrize("size", [1e-300, 5e-324, 1e-12])
def test_tiny_bucket_sizes_are_refused_by_name(size):
    with pytest.raises(ValueError, match="size must be at least 1e-9"):
        wide.n_buckets(0, 10, size)
    with pytest.raises(ValueError, match="minutes must be at least 1e-9"):
        wide.lat_lon_buckets([0.0], [0.0], minutes=size)


@pytest.mark.parametrize(
    "call",
    [
        lambda: penalties.soft_threshold(np.array([1 + 2j, 0.5]), 0.1),
        lambda: penalties.soft_threshold([1.0, 0.5], np.complex128(0.1)),
        lambda: penalties.lp(np.array([1j, 1.0]), 0.5),
        lambda: geometry.min_l1_solution(np.array([[1.0, 2j]]), [1.0]),
        lambda: geometry.touch_point(1 + 1j, 2.0, 1),
        lambda: optimizers.ista(np.eye(2) * (1 + 0j) + 1j, [1.0, 2.0], lam=0.1),
        lambda: zeno.decay_factor(0.1 + 0j, 0.05),
        lambda: wide.lat_lon_buckets([10 + 1j], [0.0]),
        lambda: wide.encode([10 + 1j], [0.0], [1]),
        lambda: world.spread_km(1e6 + 1j),
        lambda: montecarlo.recovered(np.array([1j]), np.array([1.0])),
    ],
)
def test_complex_input_is_refused_where_a_real_number_is_meant(call):
    with pytest.raises(TypeError, match="real number|complex"):
        call()


def test_the_shared_validators_name_complex_masked_and_huge_values():
    with pytest.raises(TypeError, match="w must be real numbers, got complex"):
        as_float_array([1.0, 2j], "w")
    with pytest.raises(TypeError, match="w must be a plain array, not a masked array"):
        as_float_array(np.ma.masked_array([1.0]), "w")
    with pytest.raises(ValueError, match="w holds a number too large"):
        as_float_array([10**400], "w")
    with pytest.raises(ValueError, match="lam is too large"):
        as_scalar(10**400, "lam")
    with pytest.raises(TypeError, match="lam must be a real number"):
        as_scalar(np.complex64(1), "lam")
    assert np.isnan(real_array([np.nan], "lat")[0])


@pytest.mark.parametrize("name", ["ista", "gradient_descent_l2", "subgradient_descent_l1"])
def test_optimisers_blame_y_not_the_step_when_y_is_huge(name):
    run = getattr(optimizers, name)
    X = np.eye(3)
    with pytest.raises(ValueError, match="y holds values as large as 1e\\+308") as info:
        run(X, np.array([1e308, 0.0, 1.0]), lam=0.1)
    assert "step" not in str(info.value).split(";")[0]
    with pytest.raises(ValueError, match="X holds values as large"):
        run(X * 1e200, np.ones(3), lam=0.1)


@pytest.mark.parametrize("shape", [5, "10x10", (10,), (10, 10, 1)])
def test_l1_l2_network_explains_its_shape(shape):
    with pytest.raises(TypeError, match=r"shape must be a pair \(rows, cols\)"):
        l1_l2_network(shape=shape)
