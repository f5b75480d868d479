"""Tests for lessonlib.overfitting: the parts toy, regression tasks, the Lasso and ridge sweeps."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import Lasso, Ridge

from lessonlib import overfitting as of
from lessonlib import regression
from lessonlib.geometry import min_l1_solution, min_l2_solution

# --------------------------------------------------------------------------- helpers


def test_count_exact_zeros_counts_only_exact_zeros():
    assert regression.count_exact_zeros([0.0, -0.0, 1e-300, 5e-324, 3.0]) == 2
    assert regression.count_exact_zeros(np.zeros((2, 3))) == 6


def test_mse_matches_definition():
    rng = np.random.default_rng(0)
    X, y, w = rng.normal(size=(7, 3)), rng.normal(size=7), rng.normal(size=3)
    assert regression.mse(X, y, w) == pytest.approx(np.mean((y - X @ w) ** 2))


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: regression.mse([[1.0, 2.0]], [1.0, 2.0], [1.0, 1.0]), "rows"),
        (lambda: regression.mse([[1.0, 2.0]], [1.0], [1.0]), "w has 1 entries"),
                (lambda: of.exact_fit_family([[1.0, np.nan]], [1.0]), "NaN"),
        (lambda: of.parts_toy(n_per_class=0), "n_per_class"),
        (lambda: of.parts_toy(seed=-1), "seed"),
        (lambda: of.regression_task(n_informative=200, n_features=100), "n_informative"),
        (lambda: of.regression_task(signal=0.0), "signal"),
        (lambda: regression.ridge_fit(np.eye(2), [1.0, 2.0], -1.0), "lam"),
        (lambda: of.lasso_sweep(of.regression_task(), lambdas=[0.1, -1.0]), "lambdas"),
    ],
)
def test_bad_inputs_raise_value_error_naming_the_parameter(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_type_errors_are_clear():
    with pytest.raises(TypeError, match="RegressionTask"):
        of.lasso_sweep("not a task")
    with pytest.raises(TypeError, match="seed"):
        of.parts_toy(seed=1.5)
    with pytest.raises(TypeError, match="numbers"):
        of.exact_fit_family("abc", [1.0])


# --------------------------------------------------------------------------- the parts toy


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_parts_toy_structure(seed):
    toy = of.parts_toy(n_per_class=5, own_parts=6, n_new_per_class=3, seed=seed)
    X, y, c = toy.X_train, toy.y_train, toy.common_part
    assert toy.part_names[c] == "antenna"
    assert len(set(toy.part_names)) == X.shape[1]
    # The antenna: every robot, no other character, in training and in the new items.
    np.testing.assert_array_equal(X[:, c], y)
    np.testing.assert_array_equal(toy.X_test[:, c], toy.y_test)
    # Every item carries its own parts; apart from the antenna no part is shared in training.
    assert np.all(X.sum(axis=1) == np.where(y == 1, 7, 6))
    others = np.delete(X, c, axis=1)
    assert others.sum(axis=0).max() == 1
    # New robots carry only parts no training item carries.
    seen = X.any(axis=0)
    for row in toy.X_test[toy.y_test == 1]:
        parts = np.flatnonzero(row)
        assert set(parts) - {c} and not seen[np.setdiff1d(parts, [c])].any()


def test_parts_toy_is_seeded():
    a, b = of.parts_toy(seed=3), of.parts_toy(seed=3)
    np.testing.assert_array_equal(a.X_test, b.X_test)
    assert a.common_part == b.common_part
    positions = {of.parts_toy(seed=s).common_part for s in range(6)}
    assert len(positions) > 1  # the antenna's column really is shuffled


@pytest.mark.parametrize("n, k", [(5, 6), (5, 3), (4, 9), (3, 2)])
def test_min_l2_solution_on_toy_matches_the_derivation(n, k):
    # By symmetry the antenna gets c and each robot accessory u with c = n*u (Lagrange:
    # the antenna sits in n equations) and c + k*u = 1, so c = n/(n+k), u = 1/(n+k).
    toy = of.parts_toy(n_per_class=n, own_parts=k, seed=0)
    w = min_l2_solution(toy.X_train, toy.y_train)
    assert w[toy.common_part] == pytest.approx(n / (n + k))
    robot_parts = np.flatnonzero(toy.X_train[:n].sum(axis=0))
    acc = np.setdiff1d(robot_parts, [toy.common_part])
    np.testing.assert_allclose(w[acc], 1 / (n + k))
    assert np.count_nonzero(w) == 1 + n * k  # others' parts and unseen parts: exactly 0
    # New robots score n/(n+k): misclassified exactly when k > n.
    new_robots = toy.X_test[toy.y_test == 1]
    expected = 0 if k > n else 1
    assert np.all(of.classify(new_robots, w) == expected)


@pytest.mark.parametrize("seed", [0, 2])
def test_min_l1_solution_on_toy_uses_only_the_antenna(seed):
    toy = of.parts_toy(seed=seed)
    w1 = min_l1_solution(toy.X_train, toy.y_train)
    w2 = min_l2_solution(toy.X_train, toy.y_train)
    np.testing.assert_array_equal(np.flatnonzero(w1), [toy.common_part])
    assert w1[toy.common_part] == pytest.approx(1.0)
    assert of.accuracy(toy.X_train, toy.y_train, w1) == 1.0
    assert of.accuracy(toy.X_train, toy.y_train, w2) == 1.0
    assert of.accuracy(toy.X_test, toy.y_test, w1) == 1.0
    assert of.accuracy(toy.X_test, toy.y_test, w2) < 1.0


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 6), st.integers(1, 8), st.integers(0, 10_000))
def test_min_norm_fits_are_exact_and_minimal(n, extra, seed):
    rng = np.random.default_rng(seed)
    d = n + extra
    X, y = rng.normal(size=(n, d)), rng.normal(size=n)
    w2, w1 = min_l2_solution(X, y), min_l1_solution(X, y)
    np.testing.assert_allclose(X @ w2, y, atol=1e-8)
    np.testing.assert_allclose(X @ w1, y, atol=1e-6)
    w0, N = of.exact_fit_family(X, y)
    other = w0 + N @ rng.normal(size=N.shape[1])
    np.testing.assert_allclose(X @ other, y, atol=1e-8)
    assert np.linalg.norm(w2) <= np.linalg.norm(other) + 1e-9
    assert np.abs(w1).sum() <= np.abs(other).sum() + 1e-7
    assert np.abs(w1).sum() <= np.abs(w2).sum() + 1e-7
    assert np.count_nonzero(w1) <= n  # a vertex of the linear programme


def test_exact_fit_family_dimension_and_orthonormality():
    toy = of.parts_toy()
    w0, N = of.exact_fit_family(toy.X_train, toy.y_train)
    assert N.shape == (97, 97 - 10)
    np.testing.assert_allclose(N.T @ N, np.eye(N.shape[1]), atol=1e-10)
    np.testing.assert_allclose(toy.X_train @ N, 0, atol=1e-10)


def test_classify_and_accuracy():
    X = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    np.testing.assert_array_equal(of.classify(X, [0.6, 0.4]), [1, 0, 1])
    np.testing.assert_array_equal(of.classify(X, [0.6, 0.4], threshold=0.7), [0, 0, 1])
    assert of.accuracy(X, [1, 1, 1], [0.6, 0.4]) == pytest.approx(2 / 3)


# --------------------------------------------------------------------------- regression tasks


def test_regression_task_shapes_support_and_signal():
    t = of.regression_task(n_train=30, n_features=40, n_informative=5, signal=2.0, n_val=11,
                           n_test=13, seed=4)
    assert t.X_train.shape == (30, 40) and t.X_val.shape == (11, 40) and t.X_test.shape == (13, 40)
    assert np.count_nonzero(t.true_w) == 5
    assert np.linalg.norm(t.true_w) == pytest.approx(2.0)
    dense = of.regression_task(n_features=40, n_informative=40, seed=4)
    assert np.count_nonzero(dense.true_w) == 40
    again = of.regression_task(n_train=30, n_features=40, n_informative=5, signal=2.0, n_val=11,
                               n_test=13, seed=4)
    np.testing.assert_array_equal(t.y_test, again.y_test)


def test_noise_free_task_has_exact_targets():
    t = of.regression_task(noise=0.0, seed=1)
    np.testing.assert_allclose(t.X_train @ t.true_w, t.y_train)


def test_lasso_sweep_agrees_with_sklearn_and_its_own_errors():
    task = of.regression_task(seed=2)
    sweep = of.lasso_sweep(task, n_lambdas=15)
    assert sweep.n_nonzero[0] == 0  # lambda_max: the all-zero model
    assert sweep.n_nonzero[-1] > sweep.n_nonzero[0]
    assert np.all(np.diff(sweep.lambdas) < 0)
    for i in (7, 14):  # mid-path, and the weakest penalty (more features than examples)
        ref = Lasso(alpha=sweep.lambdas[i], fit_intercept=False, tol=1e-14, max_iter=1_000_000)
        ref.fit(task.X_train, task.y_train)
        np.testing.assert_allclose(sweep.coefs[i], ref.coef_, atol=1e-6)
        np.testing.assert_array_equal(sweep.coefs[i] != 0, np.abs(ref.coef_) > 1e-9)

        def objective(w, i=i):
            r = task.y_train - task.X_train @ w
            return r @ r / (2 * len(r)) + sweep.lambdas[i] * np.abs(w).sum()

        assert objective(sweep.coefs[i]) <= objective(ref.coef_) * (1 + 1e-12)
    w = sweep.coefs[i]
    assert sweep.val_mse[i] == pytest.approx(regression.mse(task.X_val, task.y_val, w))
    assert sweep.test_mse[i] == pytest.approx(regression.mse(task.X_test, task.y_test, w))
    assert sweep.best == int(np.argmin(sweep.val_mse))
    # A weaker penalty never fits the training set worse.
    assert np.all(np.diff(sweep.train_mse) <= 1e-12)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("n_informative", [5, 100])
def test_lasso_sweep_fits_are_optimal_and_never_have_more_non_zeros_than_rows(seed,
                                                                            n_informative):
    task = of.regression_task(n_informative=n_informative, seed=seed)
    sweep = of.lasso_sweep(task)
    n = task.X_train.shape[0]
    # The optimality gap is recomputed here, not read from the sweep.
    for w, lam, gap in zip(sweep.coefs, sweep.lambdas, sweep.opt_gap, strict=True):
        c = task.X_train.T @ (task.y_train - task.X_train @ w) / n
        assert np.all(np.abs(c[w == 0]) <= lam * (1 + 1e-9))
        np.testing.assert_allclose(c[w != 0], lam * np.sign(w[w != 0]), rtol=1e-9, atol=0)
        assert gap < 1e-9
    # In general position a Lasso minimiser has at most n non-zeros.
    assert sweep.n_nonzero.max() <= n


def test_lasso_sweep_warns_about_a_fit_that_is_not_optimal(monkeypatch):
    task = of.regression_task(seed=0)
    monkeypatch.setattr(of, "_exact_lasso_path", lambda X, y, lam: np.zeros((lam.size, 100)))
    with pytest.warns(RuntimeWarning, match="optimality gap"):
        sweep = of.lasso_sweep(task, n_lambdas=5)
    assert sweep.opt_gap[0] == 0.0 and sweep.opt_gap[-1] > 100  # zero is optimal only at the top


def test_lasso_sweep_shows_the_u_curve():
    sweep = of.lasso_sweep(of.regression_task(seed=0))
    b = sweep.best
    assert 0 < b < len(sweep.lambdas) - 1
    assert sweep.val_mse[b] < sweep.val_mse[0] and sweep.val_mse[b] < sweep.val_mse[-1]
    assert sweep.train_mse[-1] < sweep.train_mse[b] < sweep.train_mse[0]


def test_ridge_fit_and_sweep_match_sklearn():
    task = of.regression_task(seed=3)
    lam = 0.37
    n = task.X_train.shape[0]
    # the course's convention, (1/(2n))||y - Xw||^2 + lam ||w||^2, is Ridge(alpha=2 n lam)
    ref = Ridge(alpha=2 * n * lam, fit_intercept=False).fit(task.X_train, task.y_train)
    np.testing.assert_allclose(regression.ridge_fit(task.X_train, task.y_train, lam), ref.coef_,
                               atol=1e-8)
    sweep = of.ridge_sweep(task, lambdas=[lam, 10.0])
    np.testing.assert_allclose(sweep.coefs[1], ref.coef_, atol=1e-8)  # sorted: 10 first
    assert np.all(sweep.n_nonzero == task.X_train.shape[1])


def test_one_ridge_convention_across_the_course():
    # 02's ridge (zeno.ridge_path) and 06's (ridge_fit, ridge_sweep) minimise the same
    # objective, (1/(2n))||y - Xw||^2 + lam ||w||^2, for the same lam.
    from lessonlib.zeno import ridge_path

    task = of.regression_task(seed=4)
    lams = [0.003, 0.2, 7.0]
    ref = ridge_path(task.X_train, task.y_train, lams)
    for lam, row in zip(lams, ref, strict=True):
        np.testing.assert_allclose(regression.ridge_fit(task.X_train, task.y_train, lam), row,
                                   atol=1e-10)
    np.testing.assert_allclose(of.ridge_sweep(task, lambdas=lams).coefs, ref[::-1], atol=1e-10)


def test_ridge_fit_balances_loss_and_penalty_gradients():
    # At the minimiser, -X^T (y - Xw) / n + 2 lam w = 0: the objective's own gradient.
    rng = np.random.default_rng(2)
    X, y, lam = rng.normal(size=(9, 4)), rng.normal(size=9), 0.3
    w = regression.ridge_fit(X, y, lam)
    np.testing.assert_allclose(-X.T @ (y - X @ w) / 9 + 2 * lam * w, 0, atol=1e-12)
