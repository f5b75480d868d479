"""Tests for lessonlib.penalised_logistic: L1 gives zeros, L2 does not, any sklearn spelling."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer
from sklearn.preprocessing import StandardScaler

from lessonlib.penalised_logistic import l1_logistic, l2_logistic


@pytest.fixture(scope="module")
def cancer():
    X, y = load_breast_cancer(return_X_y=True)
    return StandardScaler().fit_transform(X), y


def test_l1_is_sparse_and_l2_dense(cancer):
    X, y = cancer
    l1 = l1_logistic(C=0.1).fit(X, y)
    l2 = l2_logistic(C=0.1).fit(X, y)
    assert 0 < np.count_nonzero(l1.coef_) < 15
    assert np.count_nonzero(l2.coef_) == 30
    # a stronger penalty keeps fewer features
    assert np.count_nonzero(l1_logistic(C=0.01).fit(X, y).coef_) < np.count_nonzero(l1.coef_)


def test_settings_can_be_overridden_but_not_the_penalty():
    m = l1_logistic(C=2.0, tol=1e-4)
    assert m.C == 2.0 and m.tol == 1e-4 and m.solver == "liblinear"
    with pytest.raises(TypeError, match="penalty"):
        l1_logistic(C=1.0, penalty="l2")
    with pytest.raises(ValueError, match="C"):
        l2_logistic(C=0)
