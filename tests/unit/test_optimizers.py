"""Tests for lessonlib.optimizers: closed forms, fixed points, and scikit-learn as reference."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import Lasso, Ridge

from lessonlib.optimizers import (
    OptimResult,
    StepTooLargeError,
    fista,
    ftrl_proximal,
    gradient_descent_l2,
    ista,
    lasso_objective,
    lipschitz_constant,
    playground_l1,
    precision_recall,
    ridge_alpha,
    ridge_objective,
    subgradient_descent_l1,
    truncated_gradient,
)
from lessonlib.penalties import soft_threshold
from lessonlib.synthetic import sparse_regression

L1_METHODS = [ista, fista, truncated_gradient, playground_l1]


def one_dim(a: float, b: float, n: int = 4):
    """A 1-D problem with x.x/n = a and x.y/n = b: its Lasso solution is S(b, lam) / a."""
    x = np.full(n, np.sqrt(a))
    y = np.full(n, b / np.sqrt(a))
    return x[:, None], y


@pytest.fixture(scope="module")
def problem():
    X, y, true_w = sparse_regression(100, 30, 5, seed=3)
    sk = Lasso(alpha=0.1, fit_intercept=False, tol=1e-14, max_iter=1_000_000).fit(X, y).coef_
    return X, y, true_w, sk


@pytest.mark.parametrize("method", L1_METHODS + [ftrl_proximal])
@pytest.mark.parametrize("a, b, lam", [(1.0, 0.05, 0.2), (2.0, 1.0, 0.3), (0.5, -0.8, 0.1),
                                       (1.0, 0.15, 0.2)])
def test_one_dimensional_closed_form(method, a, b, lam):
    X, y = one_dim(a, b)
    res = method(X, y, lam, n_steps=400)
    want = float(soft_threshold(b, lam)) / a
    assert res.weights[0] == pytest.approx(want, abs=1e-9)
    if want == 0:
        assert res.weights[0] == 0.0 and res.exact_zeros == 1


def test_subgradient_does_not_land_on_zero_in_1d():
    X, y = one_dim(1.0, 0.05)
    res = subgradient_descent_l1(X, y, 0.2, step=0.7, n_steps=101)
    assert res.exact_zeros == 0
    assert abs(res.weights[0]) <= 0.7 * 0.2 + 0.05 + 1e-12  # it hovers within one step of 0


@pytest.mark.parametrize("method", L1_METHODS)
def test_final_weights_are_a_soft_threshold_fixed_point(method, problem):
    X, y, _, _ = problem
    res = method(X, y, 0.1, n_steps=3000)
    step = 1 / lipschitz_constant(X)
    grad = X.T @ (X @ res.weights - y) / X.shape[0]
    assert np.allclose(soft_threshold(res.weights - step * grad, step * 0.1), res.weights,
                       atol=1e-10)


@pytest.mark.parametrize("method", L1_METHODS + [ftrl_proximal])
def test_agrees_with_sklearn_lasso(method, problem):
    X, y, _, sk = problem
    res = method(X, y, 0.1, n_steps=5000)
    assert np.array_equal(res.support(), np.flatnonzero(sk))
    assert np.abs(res.weights - sk).max() < 1e-4
    obj_sk = lasso_objective(X, y, sk, 0.1)
    assert abs(res.final_objective - obj_sk) / obj_sk < 1e-6


def test_subgradient_has_no_exact_zeros_and_a_worse_objective(problem):
    X, y, _, sk = problem
    res = subgradient_descent_l1(X, y, 0.1, n_steps=3000)
    assert res.exact_zeros == 0
    assert res.final_objective > lasso_objective(X, y, sk, 0.1) * (1 + 1e-4)


def test_gradient_descent_l2_is_ridge_with_alpha_2n_lam(problem):
    X, y, _, _ = problem
    res = gradient_descent_l2(X, y, 0.05, n_steps=3000)
    sk = Ridge(alpha=ridge_alpha(0.05, X.shape[0]), fit_intercept=False).fit(X, y).coef_
    assert np.abs(res.weights - sk).max() < 1e-8
    assert res.exact_zeros == 0
    assert res.final_objective == pytest.approx(ridge_objective(X, y, sk, 0.05), rel=1e-10)


def test_path_and_objective_records(problem):
    X, y, _, _ = problem
    res = ista(X, y, 0.1, n_steps=1000, max_frames=50)
    assert isinstance(res, OptimResult)
    assert res.objective.shape == (1001,)
    assert res.path.shape[0] == res.path_steps.size <= 50
    assert res.path_steps[0] == 0 and res.path_steps[-1] == 1000
    assert np.array_equal(res.path[-1], res.weights)
    assert res.path[0].tolist() == [0.0] * 30
    assert res.final_objective == pytest.approx(lasso_objective(X, y, res.weights, 0.1))
    assert res.zeros_per_frame()[-1] == res.exact_zeros
    # ISTA never increases the objective with step 1/L.
    assert np.all(np.diff(res.objective) <= 1e-12)
    assert "ISTA" in repr(res)


def test_short_runs_keep_every_step():
    X, y = one_dim(1.0, 0.5)
    res = ista(X, y, 0.1, n_steps=5, max_frames=200)
    assert res.path_steps.tolist() == [0, 1, 2, 3, 4, 5]


def test_playground_dead_weights_stay_dead(problem):
    X, y, _, _ = problem
    rng = np.random.default_rng(0)
    w0 = rng.normal(0, 0.5, X.shape[1])
    res = playground_l1(X, y, 0.1, n_steps=400, w0=w0, max_frames=401)
    dead = res.extra["dead"]
    assert dead.any()
    for j in np.flatnonzero(dead):
        first = np.flatnonzero(res.path[:, j] == 0)[0]
        assert np.all(res.path[first:, j] == 0)


def test_playground_rule_can_kill_a_useful_weight_where_ista_does_not():
    # 1-D: the minimiser is S(1, 0.2) / 1 = 0.8; from -0.06 with a small step the weight
    # moves towards 0 and lands inside the L1 step's band (0.95 w + 0.05 in (-0.01, 0)): the
    # Playground kills it for good.
    X, y = one_dim(1.0, 1.0)
    kw = {"lam": 0.2, "step": 0.05, "n_steps": 2000, "w0": [-0.06]}
    pg, ist = playground_l1(X, y, **kw), ista(X, y, **kw)
    assert pg.weights[0] == 0.0 and bool(pg.extra["dead"][0])
    assert ist.weights[0] == pytest.approx(0.8, abs=1e-9)
    assert pg.final_objective > ist.final_objective + 0.1


def test_playground_rule_is_not_ista_from_random_starts(problem):
    X, y, true_w, sk = problem
    best = lasso_objective(X, y, sk, 0.1)
    gaps_pg, gaps_ista = [], []
    for seed in range(10):
        w0 = np.random.default_rng(seed).normal(0, 2.0, X.shape[1])
        kw = {"step": 0.5 / lipschitz_constant(X), "n_steps": 3000, "w0": w0, "max_frames": 2}
        gaps_pg.append(playground_l1(X, y, 0.1, **kw).final_objective - best)
        gaps_ista.append(ista(X, y, 0.1, **kw).final_objective - best)
    assert max(gaps_ista) < 1e-9
    assert max(gaps_pg) > 1e-3  # some start ends stuck above the minimum


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_truncated_gradient_with_k_1_is_exactly_ista(problem, seed):
    X, y, _, _ = problem
    w0 = np.random.default_rng(seed).normal(0, 1.0, X.shape[1])
    tg = truncated_gradient(X, y, 0.1, n_steps=300, w0=w0, max_frames=301)
    ist = ista(X, y, 0.1, n_steps=300, w0=w0, max_frames=301)
    assert np.array_equal(tg.path, ist.path)


def test_truncated_gradient_with_k_and_theta(problem):
    X, y, _, sk = problem
    # Truncating every K = 5 steps with 5 times the gravity still reaches the Lasso's zeros.
    res = truncated_gradient(X, y, 0.1, n_steps=5000, K=5)
    assert np.array_equal(np.flatnonzero(res.weights), np.flatnonzero(sk))
    # Between truncations the steps are plain gradient steps: after 4 steps no weight is 0.
    assert truncated_gradient(X, y, 0.1, n_steps=4, K=5, w0=np.ones(30)).exact_zeros == 0
    # theta = 0 truncates nothing (but exact zeros): plain gradient descent on the loss.
    free = truncated_gradient(X, y, 0.1, n_steps=50, theta=0.0, w0=np.ones(30))
    assert free.exact_zeros == 0
    with pytest.raises(ValueError, match="K"):
        truncated_gradient(X, y, 0.1, K=0)
    with pytest.raises(ValueError, match="theta"):
        truncated_gradient(X, y, 0.1, theta=-1.0)


def test_precision_recall():
    assert precision_recall([1, 0, 2, 0], [1, 1, 0, 0]) == (0.5, 0.5)
    assert precision_recall([0, 0], [1, 0]) == (1.0, 0.0)
    assert precision_recall([1, 0], [1, 0]) == (1.0, 1.0)


@pytest.mark.parametrize("method", [ista, subgradient_descent_l1, gradient_descent_l2])
def test_divergence_stops_with_a_step_too_large_message(method, problem):
    X, y, _, _ = problem
    with pytest.raises(StepTooLargeError, match="too large"):
        method(X, y, 0.1, step=5 / lipschitz_constant(X), n_steps=2000)


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        ({"lam": -0.1}, ValueError, "lam must be in"),
        ({"lam": float("nan")}, ValueError, "lam must be a finite"),
        ({"step": 0.0}, ValueError, "step must be in"),
        ({"step": -1.0}, ValueError, "step must be in"),
        ({"step": float("inf")}, ValueError, "step must be a finite"),
        ({"n_steps": 0}, ValueError, "n_steps"),
        ({"w0": [1.0, 2.0]}, ValueError, "w0 must have one entry per feature"),
        ({"lam": "0.1"}, TypeError, "lam must be a number"),
    ],
)
def test_bad_arguments(kwargs, exc, match, problem):
    X, y, _, _ = problem
    args = {"lam": 0.1, **kwargs}
    with pytest.raises(exc, match=match):
        ista(X, y, **args)


def test_bad_data():
    X = np.ones((5, 2))
    with pytest.raises(ValueError, match="same number of examples"):
        ista(X, np.ones(4), 0.1)
    with pytest.raises(ValueError, match="X must be a 2-D matrix"):
        ista(np.ones(5), np.ones(5), 0.1)
    bad = X.copy()
    bad[0, 0] = np.nan
    with pytest.raises(ValueError, match="X contains NaN"):
        ista(bad, np.ones(5), 0.1)
    with pytest.raises(ValueError, match="y contains inf"):
        ista(X, [1, 1, 1, 1, np.inf], 0.1)
    with pytest.raises(ValueError, match="alpha"):
        ftrl_proximal(X, np.ones(5), 0.1, alpha=0)
    with pytest.raises(ValueError, match="at_zero"):
        subgradient_descent_l1(X, np.ones(5), 0.1, at_zero=2.0)
