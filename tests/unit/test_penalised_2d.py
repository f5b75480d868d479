"""The central picture's maths (lessonlib.penalised_2d): exact optima, exact zeros, KKT.

Checked against scikit-learn's Lasso (a quadratic bowl is a least-squares loss), a
brute-force grid, and the optimality conditions; the random bowl against 04's Monte Carlo.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import Lasso

from lessonlib import montecarlo
from lessonlib.penalised_2d import (
    Bowl,
    axis_intervals,
    bowl,
    constrained_optimum,
    kkt_gap,
    lam_all_zero,
    penalised_optimum,
    preset,
    random_bowl,
)

BOWLS = [preset("tilted"), preset("round"), preset("correlated"), preset("random"),
         *[random_bowl(s) for s in range(1, 13)],
         bowl((-0.8, 1.2), tilt=-60, condition=20), bowl((0.0, 0.0)), bowl((1.0, -1e-9))]
LAMS = [0.0, 0.05, 0.3, 0.634, 0.8, 1.3, 2.5, 10.0]


def _as_data(b: Bowl) -> tuple[np.ndarray, np.ndarray]:
    """X (2 rows), y with 0.5 ||y - X w||^2 = 0.5 (w - c)^T H (w - c) + const."""
    L = np.linalg.cholesky(b.H)  # H = L L^T; X = L^T gives X^T X = H
    X = L.T
    return X, X @ b.centre


@pytest.mark.parametrize("b", BOWLS, ids=lambda b: b.name)
def test_l1_matches_sklearn_lasso(b):
    X, y = _as_data(b)
    n = X.shape[0]
    for lam in LAMS[1:]:
        # scikit-learn: (1/(2n)) ||y - Xw||^2 + alpha ||w||_1, so alpha = lam / n
        ref = Lasso(alpha=lam / n, fit_intercept=False, tol=1e-14, max_iter=1_000_000).fit(X, y)
        w = penalised_optimum(b, lam)
        np.testing.assert_allclose(w, ref.coef_, atol=1e-7)
        # where sklearn's (converged) coordinate descent says 0, we say exactly 0
        assert np.array_equal(w == 0, ref.coef_ == 0), (lam, w, ref.coef_)


@pytest.mark.parametrize("b", BOWLS, ids=lambda b: b.name)
def test_optima_satisfy_kkt_exactly(b):
    for lam in LAMS:
        for penalty in ("l1", "l2"):
            w = penalised_optimum(b, lam, penalty)
            assert kkt_gap(b, w, lam, penalty) < 1e-12 * max(1.0, lam)


def test_brute_force_grid_never_beats_the_exact_optimum():
    b = preset("tilted")
    g = np.linspace(-1.5, 1.5, 601)
    W = np.stack(np.meshgrid(g, g), axis=-1).reshape(-1, 2)
    for lam in (0.3, 0.8, 1.3):
        for penalty, reg in (("l1", np.abs(W).sum(1)), ("l2", (W ** 2).sum(1))):
            w = penalised_optimum(b, lam, penalty)
            best = float(b.loss(w)) + lam * (np.abs(w).sum() if penalty == "l1" else w @ w)
            grid = b.loss(W) + lam * reg
            assert best <= grid.min() + 1e-12
            assert np.abs(W[grid.argmin()] - w).max() <= 0.01  # the grid's best is next door


def test_l1_zero_is_the_float_zero_and_l2_has_none():
    b = preset("tilted")
    w = penalised_optimum(b, 0.8)
    assert w[1] == 0.0 and not np.signbit(w[1]) and w[0] > 0
    lams = np.linspace(0, 3, 601)
    assert all(np.count_nonzero(penalised_optimum(b, lam, "l2")) == 2 for lam in lams)


@pytest.mark.parametrize("b", BOWLS, ids=lambda b: b.name)
def test_axis_intervals_agree_with_the_optimum(b):
    intervals = axis_intervals(b)
    lams = np.linspace(0, 1.2 * lam_all_zero(b) + 0.1, 997)
    for lam in lams:
        w = penalised_optimum(b, lam)
        for j in (0, 1):
            only_j = w[j] == 0.0 and w[1 - j] != 0.0
            iv = intervals[j]
            inside = iv is not None and iv[0] <= lam < iv[1]
            near = iv is not None and min(abs(lam - iv[0]), abs(lam - iv[1])) < 1e-9
            assert only_j == inside or near, (b.name, lam, w, iv)
        assert (np.all(w == 0)) == (lam >= lam_all_zero(b))


def test_default_preset_interval_and_round_bowl_soft_threshold():
    low, high = axis_intervals(preset("tilted"))[1]
    assert 0.63 < low < 0.64 and high == pytest.approx(lam_all_zero(preset("tilted")))
    # round bowl: L1 is soft-thresholding, coordinate by coordinate
    b = bowl((1.0, -0.5))
    for lam in (0.2, 0.7, 1.2):
        expect = np.sign(b.centre) * np.maximum(np.abs(b.centre) - lam, 0)
        np.testing.assert_allclose(penalised_optimum(b, lam), expect, atol=1e-15)


def test_random_bowl_is_drawn_as_montecarlo_draws_its_2d_trials():
    for seed in (0, 1, 7):
        rng = np.random.default_rng(seed)
        H, _ = montecarlo._random_bowls(rng, 1, 2, "tilted", 10.0)
        c = rng.uniform(-1.0, 1.0, size=(1, 2))[0]
        b = random_bowl(seed)
        np.testing.assert_allclose(b.H, H[0], rtol=1e-15, atol=1e-15)
        np.testing.assert_array_equal(b.centre, c)


@pytest.mark.parametrize("b", BOWLS[:12], ids=lambda b: b.name)
def test_constrained_l1_equals_penalised_at_the_matching_radius(b):
    for lam in (0.1, 0.5, 0.9):
        w = penalised_optimum(b, lam)
        t = float(np.abs(w).sum())
        if t == 0:
            continue
        np.testing.assert_allclose(constrained_optimum(b, t, "l1"), w, atol=1e-10)


def test_constrained_optimum_is_the_best_point_of_the_ball():
    b = preset("tilted")
    g = np.linspace(-1, 1, 801)
    W = np.stack(np.meshgrid(g, g), axis=-1).reshape(-1, 2)
    for t in (0.2, 0.5, 0.9):
        for norm, size in (("l1", np.abs(W).sum(1)), ("l2", np.hypot(W[:, 0], W[:, 1]))):
            w = constrained_optimum(b, t, norm)
            inside = size <= t
            assert (np.abs(w).sum() if norm == "l1" else np.hypot(*w)) <= t * (1 + 1e-12)
            assert float(b.loss(w)) <= b.loss(W[inside]).min() + 1e-12
    corner = constrained_optimum(b, 0.2, "l1")
    assert corner.tolist() == [0.2, 0.0]  # on the axis, exactly
    assert constrained_optimum(b, 5.0, "l2").tolist() == b.centre.tolist()


def test_bowl_geometry():
    b = bowl((1.0, 0.5), tilt=30, condition=3)
    assert b.curvatures == pytest.approx((1.0, 3.0)) and b.tilt == pytest.approx(30.0)
    pts = b.ellipse(0.4)
    np.testing.assert_allclose(b.loss(pts), 0.4, rtol=1e-12)
    np.testing.assert_allclose(preset("correlated").H, [[1, 0.8], [0.8, 1]], atol=1e-12)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: penalised_optimum(preset(), -1), ValueError, "lam must be in"),
        (lambda: penalised_optimum(preset(), 1, "l3"), ValueError, "penalty must be"),
        (lambda: penalised_optimum("tilted", 1), TypeError, "bowl must be a Bowl"),
        (lambda: preset("square"), ValueError, "preset must be one of"),
        (lambda: bowl((1, 2, 3)), ValueError, "centre must be a pair"),
        (lambda: bowl((1, 2), condition=0.5), ValueError, "condition must be in"),
        (lambda: constrained_optimum(preset(), -0.1), ValueError, "t must be in"),
        (lambda: constrained_optimum(preset(), 1, "linf"), ValueError, "norm must be"),
        (lambda: kkt_gap(preset(), [1, 2, 3], 1), ValueError, "w must be a pair"),
        (lambda: random_bowl(-1), ValueError, "seed must be"),
    ],
)
def test_bad_input_is_refused_with_a_sentence(call, error, words):
    with pytest.raises(error, match=words):
        call()
