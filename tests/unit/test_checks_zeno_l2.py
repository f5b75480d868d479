"""Tests for lessonlib.checks.zeno_l2: right answers pass, typical wrong ones get their hint."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lessonlib.checks.core import NOT_ATTEMPTED, PASS, TRY_AGAIN
from lessonlib.checks.zeno_l2 import check_l2_step, check_reaches_zero, check_steps_to_halve


@pytest.mark.parametrize(
    "func",
    [
        lambda w, eta, lam: (1 - 2 * eta * lam) * w,
        lambda w, eta, lam: w - eta * 2 * lam * w,
        lambda w, eta, lam: np.float32(w) * 0 + w - 2 * eta * lam * w,  # a NumPy scalar
        lambda w, eta, lam: np.array(w - 2 * eta * lam * w),  # a 0-d array
    ],
)
def test_l2_step_accepts_correct_forms(func):
    assert check_l2_step.grade(func).passed


@pytest.mark.parametrize(
    "func, hint",
    [
        (lambda w, eta, lam: (1 - eta * lam) * w, "factor 2"),
        (lambda w, eta, lam: w - eta * lam * w**2, "the penalty lam * w**2 itself"),
        (lambda w, eta, lam: w - 2 * eta * lam * w**2, "the penalty lam * w**2 itself"),
        (lambda w, eta, lam: w - 2 * eta * lam * np.sign(w), "constant amount"),
        (lambda w, eta, lam: (1 + 2 * eta * lam) * w, "grew"),
        (lambda w, eta, lam: 2 * eta * lam * w, "size of the step"),
        (lambda w, eta, lam: w * 0.5, "ignores eta and lam"),
        (lambda w, eta, lam: "w", "should return a number"),
    ],
)
def test_l2_step_rejects_typical_mistakes(func, hint):
    fb = check_l2_step.grade(func)
    assert not fb.passed and hint in fb.message


def test_l2_step_never_raises(capsys):
    def broken(w, eta, lam):
        raise ZeroDivisionError("oops")

    check_l2_step(broken)
    check_l2_step(...)
    check_l2_step(lambda w, eta, lam: None)
    check_l2_step(42)
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(TRY_AGAIN) and "ZeroDivisionError" in out[0]
    assert out[1].startswith(NOT_ATTEMPTED) and out[2].startswith(NOT_ATTEMPTED)
    assert out[3].startswith(TRY_AGAIN)


@pytest.mark.parametrize("answer", [69, 69.0, 68.97, math.log(2) / -math.log(0.99), np.int64(69)])
def test_steps_to_halve_accepts_exact_and_whole(answer):
    assert check_steps_to_halve.grade(answer).passed


@pytest.mark.parametrize(
    "answer, hint",
    [
        (50, "fixed *fraction*"),  # 0.5 / (2 eta lam): subtracting a constant
        (138.3, "1 - 2*eta*lam"),  # forgot the 2
        (68, "round up"),
        (30.0, "same logarithm"),  # log10(2) / -ln(0.99)
        (1000, "Solve"),
        ("69", "as a number"),
        (True, "as a number"),
    ],
)
def test_steps_to_halve_hints(answer, hint):
    fb = check_steps_to_halve.grade(answer)
    assert not fb.passed and hint in fb.message


def test_steps_to_halve_refuses_parameters_the_exercise_does_not_ask_about():
    # issue 17's reviewer: check_steps_to_halve(35, 0.1, 0.1) graded the learner's own question
    for steps, eta, lam in ((35, 0.1, 0.1), (math.ceil(math.log(2) / -math.log(0.9)), 0.5, 0.1)):
        fb = check_steps_to_halve.grade(steps, eta, lam)
        assert not fb.passed and "eta = 0.05 and lam = 0.1" in fb.message, fb.message
    assert check_steps_to_halve.grade(69, 0.05, 0.1).passed
    assert check_steps_to_halve.grade(69, np.float32(0.05), lam=0.1).passed  # 0.05 in float32


@pytest.mark.parametrize("answer", [{0.3, 0.5}, [0.5, 0.3], (0.3, 0.5), np.array([0.3, 0.5])])
def test_reaches_zero_accepts_any_collection(answer):
    assert check_reaches_zero.grade(answer).passed


@pytest.mark.parametrize(
    "answer, hint",
    [
        ({0.3}, "f = 0.5 exactly"),
        ({0.3, 0.5, 0.55}, "rounds back"),
        ({0.3, 0.5, 0.9, 0.999}, "rounds back"),
        ({0.3, 0.7}, "choose only among"),
        (5, "set or list"),
        (set(), "f = 0.5 exactly"),
        ({0.9, 0.999}, "0.9, 0.999 never get there"),  # wrong ones first, before what is missing
        ({0.5}, "0.3 also gets there"),
    ],
)
def test_reaches_zero_hints(answer, hint):
    fb = check_reaches_zero.grade(answer)
    assert not fb.passed and hint in fb.message


def test_checks_print_pass(capsys):
    check_reaches_zero({0.3, 0.5})
    assert capsys.readouterr().out.startswith(PASS)


@pytest.mark.parametrize(
    "func",
    [
        lambda w, eta, lam: w - 2 * eta * lam,  # passes the w = 1 case by coincidence
        lambda w, eta, lam: w - eta * lam,  # equals the "factor 2 missing" form at w = 1
        lambda w, eta, lam: w - eta * lam * np.sign(w),
        lambda w, eta, lam: np.float32(w - 2 * eta * lam),
    ],
)
def test_l2_step_recognises_subtracting_a_constant(func):
    fb = check_l2_step.grade(func)
    assert not fb.passed
    assert "constant amount" in fb.message and "L1 step" in fb.message
    assert "multiplies" in fb.message and "expected" not in fb.message


def test_l2_step_factor_two_hint_unchanged_by_the_constant_probe():
    fb = check_l2_step.grade(lambda w, eta, lam: w - eta * lam * w)
    assert not fb.passed and "factor 2" in fb.message


def test_solutions_of_notebook_02_still_pass():
    assert check_l2_step.grade(lambda w, eta, lam: w - eta * 2 * lam * w).passed
    assert check_steps_to_halve.grade(math.ceil(math.log(2) / -math.log(1 - 2 * 0.05 * 0.1))).passed
    assert check_reaches_zero.grade({0.3, 0.5}).passed


# ----------------------------------------------------------------------------- predictions

from lessonlib.checks.zeno_l2 import (  # noqa: E402
    check_float16_frozen,
    check_float_end,
    check_halving_ratio,
    check_ridge_zeros,
    check_shrink_thousand,
)

#: For each prediction (and the widget's task): the right answers, and each wrong option
#: with words its hint must contain (the reveal says why that option is wrong).
PREDICTIONS = {
    check_shrink_thousand: ([690, 687, 687.3, np.int64(688), [690]],
                            [(2300, "second factor of 10"), (23000, "three factors of 10"),
                             (229, "How many 10-fold"), ("690", "a number")]),
    check_ridge_zeros: ([0, 0.0, np.int64(0)],
                        [(90, "knows which features are noise"), (100, "non-zero pull"),
                         (5, "fades"), (2.5, "whole number")]),
    check_float_end: (["stuck above 0", "Stuck above 0.", "stuck"],
                      [("exact 0", "evenly"), (0, "evenly"), ("keeps shrinking", "finitely"),
                       ("maybe", "answer")]),
    check_halving_ratio: (["10 times fewer", "10", 10],
                          [("100 times fewer", "grows like eta"), ("the same", "factor does"),
                           (100, "grows like eta"), ("fewer", "answer")]),
    check_float16_frozen: ([0.002, np.float32(0.002), [0.002]],
                           [(0.001, "not at the largest"), (0.005, "the weight moves"),
                            (0.3, "not on the eta slider"), ("0.002", "a number")]),
}


@pytest.mark.parametrize("check", PREDICTIONS, ids=lambda c: c.__name__)
def test_predictions_accept_the_answer_and_say_why_each_wrong_option_is_wrong(check):
    right, wrong = PREDICTIONS[check]
    for answer in right:
        assert check.grade(answer).passed, answer
    for answer, words in wrong:
        feedback = check.grade(answer)
        assert not feedback.passed and feedback.attempted, answer
        assert words in feedback.message, (answer, feedback.message)
    unanswered = check.grade(...)
    assert not unanswered.passed and not unanswered.attempted


def test_prediction_truths_are_computed_not_assumed():
    from lessonlib.synthetic import sparse_regression
    from lessonlib.zeno import float_decay, ridge_path

    X, y, _ = sparse_regression(200, 100, 10, seed=1)
    assert np.count_nonzero(ridge_path(X, y, [100.0])[0] == 0) == 0
    assert float_decay(0.99).stalled
    assert np.float16(1 - 2 * 0.002 * 0.05) == 1 and np.float16(1 - 2 * 0.005 * 0.05) != 1


def test_prediction_solutions_of_notebook_02_pass():
    assert check_shrink_thousand.grade(690).passed
    assert check_ridge_zeros.grade(0).passed
    assert check_float_end.grade("stuck above 0").passed
    assert check_halving_ratio.grade("10 times fewer").passed
    assert check_float16_frozen.grade(0.002).passed
