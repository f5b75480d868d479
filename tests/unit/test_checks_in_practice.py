"""Tests for lessonlib.checks.in_practice: accept every right answer, hint at wrong ones.

Each check is also given answers of the wrong type and shape: it must say what is wrong,
never raise and never pass them.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from sklearn.datasets import load_diabetes
from sklearn.linear_model import ElasticNet, ElasticNetCV, Lasso, LassoCV
from sklearn.model_selection import KFold
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import MinMaxScaler, StandardScaler

from lessonlib.checks.core import NOT_ATTEMPTED, PASS, TRY_AGAIN
from lessonlib.checks.in_practice import (
    ALPHAS,
    check_enet_twins,
    check_first_feature,
    check_lasso_scaling,
    check_one_se,
    check_pipeline,
    check_scaler_leak,
    check_twins_both,
    folds,
)
from lessonlib.lambda_choice import cv_table
from lessonlib.stability import with_twins

TIGHT = {"tol": 1e-10, "max_iter": 1_000_000}
ALL_CHECKS = [check_enet_twins, check_first_feature, check_lasso_scaling, check_one_se,
              check_pipeline, check_scaler_leak, check_twins_both]
ODD_ANSWERS = [None, ..., 3.5, -1, float("nan"), "", "bmi", [], [1, 2, 3], {"a": 1}, object(),
               np.zeros((2, 2)), True, b"yes", lambda x: x]


@pytest.fixture(scope="module")
def data():
    d = load_diabetes(scaled=False)
    return d.data, d.target, list(d.feature_names)


@pytest.fixture(scope="module")
def table(data):
    # Recomputed here independently of the check module's cache: same settings as 08.
    X, y, _ = data
    fit = make_pipeline(StandardScaler(), LassoCV(alphas=np.geomspace(50, 0.01, 60),
                                                  cv=KFold(10, shuffle=True, random_state=0),
                                                  **TIGHT)).fit(X, y)
    return cv_table(fit[-1].alphas_, fit[-1].mse_path_)


@pytest.mark.parametrize("check", ALL_CHECKS)
# ids without memory addresses: pytest-xdist's workers must collect the same test names
@pytest.mark.parametrize("answer", ODD_ANSWERS,
                         ids=lambda a: re.sub(r" at 0x[0-9a-fA-F]+", "", repr(a)))
def test_no_check_crashes_or_passes_an_odd_answer(check, answer, capsys):
    if check is check_first_feature and isinstance(answer, str) and answer == "bmi":
        return  # the one odd answer that is right for that check
    check(answer)  # prints, never raises
    out = capsys.readouterr().out
    assert out.startswith((TRY_AGAIN, NOT_ATTEMPTED)), (check.__name__, answer, out)


@pytest.mark.parametrize("check", ALL_CHECKS)
def test_unanswered_says_so(check):
    fb = check.grade(...)
    assert not fb.passed and not fb.attempted


# --------------------------------------------------------------------------- pipeline


def _fitted(X, y):
    return make_pipeline(StandardScaler(), LassoCV(alphas=ALPHAS, cv=folds(), **TIGHT)).fit(X, y)


def test_pipeline_compares_the_fit_itself_not_only_its_settings(data):
    # issue 17's reviewer: these passed when only the columns, mean_ and alpha_ were checked
    X, y, _ = data
    nudged = _fitted(X, y * 1.001)
    tripled = _fitted(X, y * 3)
    tripled[-1].alpha_ = _fitted(X, y)[-1].alpha_
    zeroed = _fitted(X, y)
    zeroed[-1].coef_[:] = 0
    for name, model, words in (("y*1.001", nudged, "differ"), ("y*3, alpha_ set", tripled,
                                                               "mse_path_"),
                               ("coef_ zeroed", zeroed, "coef_")):
        fb = check_pipeline.grade(model)
        assert not fb.passed, name
        assert words in fb.message and "unchanged `y`" in fb.message, (name, fb.message)


def test_pipeline_accepts_the_pipeline_in_several_spellings(data):
    X, y, _ = data
    answers = [
        make_pipeline(StandardScaler(), LassoCV(alphas=ALPHAS, cv=folds(), **TIGHT)),
        Pipeline([("scale", StandardScaler()),
                  ("lasso", LassoCV(alphas=list(ALPHAS[::-1]), cv=KFold(10, shuffle=True,
                                                                        random_state=0),
                                    tol=1e-12, max_iter=10**7))]),
    ]
    for model in answers:
        fb = check_pipeline.grade(model.fit(X, y))
        assert fb.passed, fb.message


def test_pipeline_rejects_typical_mistakes_with_specific_hints(data):
    X, y, _ = data
    Z = StandardScaler().fit_transform(X)
    cases = {
        "bare LassoCV": (LassoCV(alphas=ALPHAS, cv=folds(), **TIGHT).fit(Z, y), "bare"),
        "wrong order": (make_pipeline(LassoCV(alphas=ALPHAS, cv=folds(), **TIGHT),
                                      StandardScaler()), "wrong order"),
        "min-max scaler": (make_pipeline(MinMaxScaler(), LassoCV(alphas=ALPHAS, cv=folds(),
                                                                 **TIGHT)).fit(X, y),
                           "StandardScaler"),
        "plain Lasso": (make_pipeline(StandardScaler(), Lasso(alpha=1.0)).fit(X, y), "LassoCV"),
        "default grid": (make_pipeline(StandardScaler(), LassoCV(cv=folds(), **TIGHT)),
                         "alphas=alphas"),
        "default folds": (make_pipeline(StandardScaler(), LassoCV(alphas=ALPHAS, **TIGHT)),
                          "cv=cv"),
        "loose tol": (make_pipeline(StandardScaler(), LassoCV(alphas=ALPHAS, cv=folds())),
                      "TIGHT"),
        "not fitted": (make_pipeline(StandardScaler(), LassoCV(alphas=ALPHAS, cv=folds(),
                                                               **TIGHT)), "not fitted"),
        "fitted on scaled data": (make_pipeline(StandardScaler(), LassoCV(
            alphas=ALPHAS, cv=folds(), **TIGHT)).fit(Z, y), "raw"),
        "fitted on a subset": (make_pipeline(StandardScaler(), LassoCV(
            alphas=ALPHAS, cv=folds(), **TIGHT)).fit(X[:300], y[:300]), "raw"),
        "the class": (Pipeline, "object"),
        "three steps": (make_pipeline(StandardScaler(), StandardScaler(),
                                      LassoCV(alphas=ALPHAS, cv=folds(), **TIGHT)), "3 step"),
    }
    for name, (answer, phrase) in cases.items():
        fb = check_pipeline.grade(answer)
        assert not fb.passed, name
        assert phrase in fb.message, (name, fb.message)


# --------------------------------------------------------------------------- one-SE


def test_one_se_accepts_computed_and_printed_values(table):
    lam = table.alphas[table.one_se]
    for answer in (lam, float(lam), np.float32(lam), float(f"{lam:.3g}"), [lam], np.array([lam])):
        fb = check_one_se.grade(answer)
        assert fb.passed, (answer, fb.message)


def test_one_se_rejects_typical_mistakes(table):
    best, pick = table.best, table.one_se
    limit = table.mean[best] + table.se[best]
    under = np.flatnonzero(table.mean <= limit)
    smaller_under = table.alphas[under[-1]]  # smallest lambda under the limit: wrong end
    cases = {
        "minimum": (table.alphas[best], "minimum"),
        "wrong end of the band": (smaller_under, "largest"),
        "one step too large": (table.alphas[pick - 1], "above the limit"),
        "a mean error": (table.mean[pick], "mean CV error"),
        "a standard error": (table.se[best], "standard error"),
        "the limit": (limit, "limit"),
        "a position": (pick, "position"),
        "off the grid": (3.5, "not one of the lambdas"),
        "negative": (-5.74, "cannot be a lambda"),
        "a string": ("5.74", "one number"),
    }
    assert smaller_under != table.alphas[pick]
    for name, (answer, phrase) in cases.items():
        fb = check_one_se.grade(answer)
        assert not fb.passed, name
        assert phrase in fb.message, (name, fb.message)


# --------------------------------------------------------------------------- predictions


def test_scaler_leak_accepts_no_and_explains_yes():
    for answer in ("no", "No", " NO. ", False, "n", ["no"]):
        assert check_scaler_leak.grade(answer).passed, answer
    for answer in ("yes", True, "Yes!", "y"):
        fb = check_scaler_leak.grade(answer)
        assert not fb.passed and "all 442" in fb.message, answer
    assert "yes" in check_scaler_leak.grade("maybe").message


def test_first_feature_is_the_most_correlated(data):
    X, y, names = data
    Z = StandardScaler().fit_transform(X)
    first = names[int(np.argmax(np.abs(Z.T @ (y - y.mean()))))]
    assert first == "bmi"
    for answer in (first, first.upper(), f" {first} ", names.index(first), [first]):
        assert check_first_feature.grade(answer).passed, answer
    for wrong in ("s5", "bp", "age", names.index("s5")):
        fb = check_first_feature.grade(wrong)
        assert not fb.passed and "correlat" in fb.message, wrong
    assert "not a feature" in check_first_feature.grade("weight").message
    assert not check_first_feature.grade(3.5).passed


def test_twins_both_matches_a_fresh_count(data):
    X, y, names = data
    Z = StandardScaler().fit_transform(X)
    T = with_twins(Z, [names.index("bmi"), names.index("s5")], noise=0.03, seed=0)
    fit = LassoCV(alphas=ALPHAS, cv=folds(), **TIGHT).fit(Z, y)
    t = cv_table(fit.alphas_, fit.mse_path_)
    rng = np.random.default_rng(0)
    both = 0
    for _ in range(50):
        rows = rng.integers(0, len(y), len(y))
        c = Lasso(alpha=t.alphas[t.one_se], **TIGHT).fit(T[rows], y[rows]).coef_
        both += bool(c[2] != 0 and c[10] != 0)
    assert both <= 10  # "almost none", recomputed without the library's helper
    for answer in ("almost none", "Almost None", "rarely", "none"):
        assert check_twins_both.grade(answer).passed, answer
    for wrong, phrase in (("almost all", "0.5"), ("about half", "splitting"), ("half", "")):
        fb = check_twins_both.grade(wrong)
        assert not fb.passed and phrase in fb.message, wrong
    assert "one of" in check_twins_both.grade("sometimes").message


def test_enet_twins_matches_a_fresh_fit(data):
    X, y, names = data
    Z = StandardScaler().fit_transform(X)
    T = with_twins(Z, [names.index("bmi"), names.index("s5")], noise=0.03, seed=0)
    fit = ElasticNetCV(l1_ratio=0.5, alphas=ALPHAS, cv=folds(), **TIGHT).fit(T, y)
    t = cv_table(fit.alphas_, fit.mse_path_)
    coef = ElasticNet(alpha=t.alphas[t.one_se], l1_ratio=0.5, **TIGHT).fit(T, y).coef_
    twin_names = names + ["bmi_twin", "s5_twin"]
    right = [n for n, c in zip(twin_names, coef, strict=True)
             if n in ("bmi", "bmi_twin", "s5", "s5_twin") and c != 0]
    assert sorted(right) == ["bmi", "bmi_twin", "s5", "s5_twin"]
    for answer in (right, right[::-1], set(right), tuple(right), np.array(right),
                   [2, 10, 8, 11], [n.upper() for n in right]):
        fb = check_enet_twins.grade(answer)
        assert fb.passed, (answer, fb.message)
    cases = {
        "Lasso-like pick": (["bmi", "s5"], "also have non-zero weights"),
        "one pair": (["bmi", "bmi_twin"], "also have non-zero weights"),
        "one missing": (["bmi", "bmi_twin", "s5"], "s5_twin also has a non-zero weight"),
        "extra column": (right + ["bp"], "not one of them"),
        "unknown name": (["bmi", "weight"], "not a column"),
        "one string": ("bmi bmi_twin s5 s5_twin", "list of names"),
        "empty": ([], "also have non-zero weights"),
        "a number": (4, "list of column names"),
    }
    for name, (answer, phrase) in cases.items():
        fb = check_enet_twins.grade(answer)
        assert not fb.passed, name
        assert phrase in fb.message, (name, fb.message)


def test_lasso_scaling(data):
    n = len(data[1])
    for answer in (n * 5, float(n * 5), np.int64(n * 5), [n * 5]):
        assert check_lasso_scaling.grade(answer).passed, answer
    cases = {5: "divided by n", 5 / n: "wrong way", 2 * n * 5: "cancels", n * 5 / 2: "1/2",
             100: "multiply"}
    for answer, phrase in cases.items():
        fb = check_lasso_scaling.grade(answer)
        assert not fb.passed and phrase in fb.message, (answer, fb.message)
    assert "number" in check_lasso_scaling.grade("n*alpha").message


def test_printed_check_output_starts_with_the_verdict(capsys):
    check_lasso_scaling(2210)
    assert capsys.readouterr().out.startswith(PASS)


def test_first_feature_out_of_range_index_and_enet_grammar():
    from lessonlib.checks.in_practice import _twin_data

    message = check_first_feature.grade(-8).message
    assert "not a column index" in message and "not an int" not in message
    message = check_enet_twins.grade([]).message
    assert "s5_twin also have non-zero weights" in message
    message = check_enet_twins.grade(list(_twin_data()[2])).message
    assert "are not among them" in message and "is not one of them" not in message
