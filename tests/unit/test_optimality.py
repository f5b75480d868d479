"""Tests for lessonlib.optimality: KKT violations are 0 at optima and large away from them."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.linear_model import Lasso

from lessonlib.optimality import lasso_optimality_gap, logistic_optimality_gap
from lessonlib.penalised_logistic import l1_logistic


@pytest.fixture(scope="module")
def regression():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 8))
    y = X[:, 0] * 3 - X[:, 1] + rng.normal(size=100) + 10
    return X, y


def test_lasso_optimality_gap_is_tiny_at_a_converged_fit_and_large_elsewhere(regression):
    X, y = regression
    lam = 0.2
    fit = Lasso(alpha=lam, tol=1e-12, max_iter=10**6).fit(X, y)
    assert lasso_optimality_gap(X, y, fit.coef_, lam, intercept=fit.intercept_) < 1e-6
    assert lasso_optimality_gap(X, y, fit.coef_ * 0.9, lam, intercept=fit.intercept_) > 1e-2
    # the intercept matters
    assert lasso_optimality_gap(X, y, fit.coef_, lam, intercept=fit.intercept_ + 1) > 1
    tight_v = lasso_optimality_gap(X, y, fit.coef_, lam, intercept=fit.intercept_)
    with pytest.warns(Warning):
        loose = Lasso(alpha=lam, tol=1e-12, max_iter=1).fit(X, y)
    assert lasso_optimality_gap(X, y, loose.coef_, lam, intercept=loose.intercept_) > tight_v


def test_logistic_optimality_gap_dense_and_sparse_agree_and_vanish_at_optimum():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 6))
    y = (X[:, 0] - X[:, 2] + rng.logistic(size=300) > 0).astype(int)
    fit = l1_logistic(C=0.05, intercept_scaling=1000.0).fit(X, y)
    dense = logistic_optimality_gap(X, y, fit.coef_, fit.intercept_, 0.05, with_intercept=False)
    sparse = logistic_optimality_gap(sp.csr_matrix(X), y, fit.coef_, fit.intercept_, 0.05,
                                with_intercept=False)
    assert dense == pytest.approx(sparse) and dense < 1e-5
    # liblinear's small penalty on the intercept shows up only when it is included
    assert logistic_optimality_gap(X, y, fit.coef_, fit.intercept_, 0.05) < 2e-3
    assert logistic_optimality_gap(X, y, fit.coef_ * 2, fit.intercept_, 0.05) > 1e-2


def test_inputs_are_checked(regression):
    X, y = regression
    with pytest.raises(ValueError, match="lam"):
        lasso_optimality_gap(X, y, np.zeros(8), lam=0)
    with pytest.raises(ValueError, match="C"):
        logistic_optimality_gap(X, (y > 10).astype(int), np.zeros(8), 0.0, C=-1)


def test_without_an_intercept_only_the_weights_conditions_count(regression):
    X, y = regression
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    fit = Lasso(alpha=0.2, fit_intercept=False, tol=1e-12, max_iter=10**6).fit(Xc, yc)
    assert lasso_optimality_gap(Xc, yc, fit.coef_, 0.2) < 1e-6
    # the same weights on the raw data: no intercept absorbs y's mean of about 10
    assert lasso_optimality_gap(X, y, fit.coef_, 0.2) > 1
    assert lasso_optimality_gap(X, y, fit.coef_, 0.2, intercept=fit.intercept_) > 1
    with pytest.raises(ValueError, match="shape"):
        lasso_optimality_gap(X, y, np.zeros(7), 0.2)
