"""Tests for lessonlib.montecarlo: interval maths, seeded experiments, closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.stats import binomtest, norm

from lessonlib.montecarlo import (
    PairedCounts,
    estimate,
    l1_statistical_dimension,
    min_norm_nonzeros,
    penalised_quadratic_zeros,
    recovered,
    recovery_experiment,
    sparse_problem,
    wilson_interval,
)


@pytest.mark.parametrize("k,n", [(0, 40), (1, 40), (21, 40), (39, 40), (40, 40), (5, 7)])
def test_wilson_matches_scipy(k, n):
    ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    low, high = wilson_interval(k, n)
    assert np.isclose(low, ci.low, atol=1e-12) and np.isclose(high, ci.high, atol=1e-12)


def test_wilson_is_a_score_interval():
    # the interval's ends are exactly where the score statistic equals z
    k, n, z = 13, 50, norm.ppf(0.975)
    for q in wilson_interval(k, n):
        assert np.isclose(abs(k / n - q) / math.sqrt(q * (1 - q) / n), z)


def test_wilson_validation():
    with pytest.raises(ValueError, match="successes"):
        wilson_interval(5, 4)
    with pytest.raises(ValueError, match="trials"):
        wilson_interval(0, 0)
    with pytest.raises(ValueError, match="confidence"):
        wilson_interval(1, 4, confidence=1.0)


def test_estimate_str_has_ci_and_counts():
    text = str(estimate(21, 40))
    assert "52.5%" in text and "21/40" in text and "CI" in text


def test_soft_round_bowls_match_closed_form():
    # Round bowls: w_i = S(c_i, lam), zero iff |c_i| <= lam; c_i uniform on [-1, 1].
    lam = 0.3
    r = penalised_quadratic_zeros(3, "l1", trials=4000, lam=lam, seed=2)
    expected_any = 1 - (1 - lam) ** 3
    assert r.any_zero.low <= expected_any <= r.any_zero.high
    assert r.zero_fraction_ci[0] <= lam <= r.zero_fraction_ci[1]
    assert r.kkt_gap < 1e-12


def test_soft_tilted_bowls_solve_the_problem():
    r = penalised_quadratic_zeros(6, "l1", trials=50, bowl="tilted", seed=4)
    assert r.kkt_gap < 1e-9
    assert 0 < r.zero_fraction < 1


def test_soft_tilted_matches_sklearn_lasso():
    # 0.5 (w-c)^T H (w-c) + lam |w|_1 == lasso on X = sqrt(H), y = X c (up to scaling)
    from sklearn.linear_model import Lasso

    from lessonlib.montecarlo import _lasso_quadratic, _random_bowls

    rng = np.random.default_rng(0)
    H, lmax = _random_bowls(rng, 3, 4, "tilted", 10.0)
    c = rng.uniform(-1, 1, (3, 4))
    w = _lasso_quadratic(H, c, 0.5, lmax, 2000)
    for t in range(3):
        evals, evecs = np.linalg.eigh(H[t])
        X = (evecs * np.sqrt(evals)) @ evecs.T
        n = X.shape[0]
        model = Lasso(alpha=0.5 / n, fit_intercept=False, tol=1e-12, max_iter=100_000)
        model.fit(X, X @ c[t])
        np.testing.assert_allclose(w[t], model.coef_, atol=1e-6)
        assert set(np.flatnonzero(w[t] == 0)) == set(np.flatnonzero(np.abs(model.coef_) < 1e-9))


def test_soft_l2_never_zero_and_same_seed_same_losses():
    r = penalised_quadratic_zeros(4, "l2", trials=300, bowl="tilted", seed=1)
    assert r.any_zero.successes == 0 and r.kkt_gap < 1e-9
    a = penalised_quadratic_zeros(4, "l1", trials=50, seed=9)
    b = penalised_quadratic_zeros(4, "l1", trials=50, seed=9)
    assert a == b


def test_soft_validation():
    with pytest.raises(ValueError, match="penalty"):
        penalised_quadratic_zeros(2, "l3")
    with pytest.raises(ValueError, match="bowl"):
        penalised_quadratic_zeros(2, bowl="square")
    with pytest.raises(ValueError, match="lam"):
        penalised_quadratic_zeros(2, lam=-1)


def test_min_norm_nonzeros_vertex_bound():
    r = min_norm_nonzeros(4, [4, 8, 30], trials=6, seed=3)
    assert np.all(r.l1_max <= 4)
    assert r.l2_min.tolist() == [4, 8, 30]
    with pytest.raises(ValueError, match="d_values"):
        min_norm_nonzeros(5, [3])


def test_statistical_dimension_known_values_and_bounds():
    assert round(l1_statistical_dimension(500, 20), 1) == 86.9
    # the closed form at the optimal t equals a brute-force minimum over a t grid
    from scipy.special import erfc

    N, s = 300, 12
    t = np.linspace(0, 6, 60_001)
    tail = (1 + t**2) * erfc(t / np.sqrt(2)) - t * np.sqrt(2 / np.pi) * np.exp(-(t**2) / 2)
    assert np.isclose(l1_statistical_dimension(N, s), np.min(s * (1 + t**2) + (N - s) * tail),
                      rtol=1e-6)
    assert l1_statistical_dimension(100, 0) == 0 and l1_statistical_dimension(100, 100) == 100
    assert 2 * 12 < l1_statistical_dimension(N, s) < N


def test_sparse_problem_and_recovered():
    A, b, x = sparse_problem(np.random.default_rng(0), 30, 4, 10)
    assert np.count_nonzero(x) == 4 and np.allclose(A @ x, b)
    assert recovered(x + 1e-12, x) and not recovered(x + 1e-3, x)


def test_recovery_experiment_is_seeded_and_monotone_at_extremes():
    r1 = recovery_experiment(60, 3, [2, 40], trials=6, seed=5)
    r2 = recovery_experiment(60, 3, [2, 40], trials=6, seed=5)
    assert r1.shares("l1").tolist() == r2.shares("l1").tolist()
    assert r1.shares("l1")[0] == 0.0 and r1.shares("l1")[1] == 1.0


def test_recovery_experiment_both_solvers_share_problems():
    r = recovery_experiment(60, 4, [14], trials=8, seed=2, solvers=("l1", "reweighted"))
    assert set(r.estimates) == {"l1", "reweighted"}
    assert r.estimates["reweighted"][0].successes >= r.estimates["l1"][0].successes
    with pytest.raises(ValueError, match="solvers"):
        recovery_experiment(60, 4, [14], solvers=("l0",))


def test_recovery_experiment_counts_the_pairs_problem_by_problem():
    r = recovery_experiment(60, 4, [10, 14], trials=8, seed=2, solvers=("l1", "reweighted"))
    assert len(r.paired) == 2
    for j, pc in enumerate(r.paired):
        assert pc.trials == 8
        # the margins of the 2 x 2 table are the two solvers' own counts
        assert pc.both + pc.only_first == r.estimates["l1"][j].successes
        assert pc.both + pc.only_second == r.estimates["reweighted"][j].successes
    # one solver: nothing to pair
    assert recovery_experiment(60, 4, [14], trials=3, seed=2).paired == []


def test_the_paired_counts_of_notebook_05_give_the_exact_mcnemar_p():
    # Notebook 05's run at m = 28 (N = 200, s = 8, 20 trials, seed 21): 6 problems only
    # reweighting recovered, none only plain L1 did.
    r = recovery_experiment(200, 8, [28], trials=20, seed=21, solvers=("l1", "reweighted"),
                            reweight_iterations=4, eps=0.1)
    pc = r.paired[0]
    assert (pc.only_first, pc.only_second) == (0, 6)
    assert pc.mcnemar_p() == pytest.approx(2 * 0.5**6)


@pytest.mark.parametrize("b,c", [(0, 6), (6, 0), (3, 9), (5, 5), (1, 0)])
def test_mcnemar_is_the_two_sided_binomial_test_on_the_discordant_pairs(b, c):
    pc = PairedCounts(both=4, only_first=b, only_second=c, neither=7)
    assert pc.mcnemar_p() == pytest.approx(binomtest(c, b + c, 0.5).pvalue)
    # symmetric in the two solvers, and 1 when they never disagree
    assert pc.mcnemar_p() == pytest.approx(PairedCounts(4, c, b, 7).mcnemar_p())
    assert PairedCounts(4, 0, 0, 7).mcnemar_p() == 1.0
