"""Tests for lessonlib.checks.overfitting: accept every right answer, hint at wrong ones."""

from __future__ import annotations

import numpy as np
import pytest

from lessonlib.checks.core import NOT_ATTEMPTED, PASS, TRY_AGAIN
from lessonlib.checks.overfitting import (
    check_best_lambda,
    check_dense_winner,
    check_dropout_zeros,
    check_l1_part,
    check_prune,
    check_real_nonzeros,
    check_robots_ranked,
    check_u_shape,
)
from lessonlib.geometry import min_l1_solution
from lessonlib.overfitting import lasso_sweep, parts_toy, regression_task


@pytest.fixture(scope="module")
def toy():
    return parts_toy()


@pytest.fixture(scope="module")
def sweep():
    return lasso_sweep(regression_task(seed=0), n_lambdas=60)  # notebook 06's sweep


# --------------------------------------------------------------------------- l1-part


def test_l1_part_accepts_index_and_name_in_any_form(toy):
    w1 = min_l1_solution(toy.X_train, toy.y_train)
    i = int(np.flatnonzero(w1)[0])
    for answer in (i, np.int64(i), float(i), np.flatnonzero(w1)[0], "antenna", " Antenna ",
                   "'antenna'", toy.part_names[i]):
        assert check_l1_part.grade(answer).passed, answer


def test_l1_part_rejects_other_parts_with_a_hint(toy):
    robot_accessory = int(np.flatnonzero(toy.X_train[0])[0])
    if robot_accessory == toy.common_part:
        robot_accessory = int(np.flatnonzero(toy.X_train[0])[1])
    fb = check_l1_part.grade(robot_accessory)
    assert not fb.passed and "robot 1" in fb.message and "flatnonzero" in fb.message
    fb = check_l1_part.grade(toy.part_names[robot_accessory])
    assert not fb.passed and "robot 1" in fb.message
    assert "outside" in check_l1_part.grade(500).message
    assert "not one of the part names" in check_l1_part.grade("wheel").message
    assert "whole number" in check_l1_part.grade(0.98).message
    assert not check_l1_part.grade(True).passed
    # A one-element list now counts as its element (fix 3); two parts are still rejected.
    assert not check_l1_part.grade([toy.common_part, robot_accessory]).passed


@pytest.mark.parametrize("wrap", [np.flatnonzero, lambda w: [int(np.flatnonzero(w)[0])],
                                  lambda w: (int(np.flatnonzero(w)[0]),),
                                  lambda w: np.array(np.flatnonzero(w)[0])])
def test_l1_part_accepts_a_one_element_array_or_list(toy, wrap):
    w1 = min_l1_solution(toy.X_train, toy.y_train)
    answer = wrap(w1)
    fb = check_l1_part.grade(answer)
    assert fb.passed, (answer, fb.message)
    assert check_l1_part.grade([toy.part_names[toy.common_part]]).passed
    assert check_l1_part.grade(np.array(["antenna"])).passed


def test_l1_part_recognises_the_weights_value_given_as_its_position(toy):
    w1 = min_l1_solution(toy.X_train, toy.y_train)
    i = int(np.flatnonzero(w1)[0])
    value = float(w1[i])
    assert value != i  # otherwise value and position could not be told apart
    for answer in (value, 1.0, np.float64(value), w1[np.flatnonzero(w1)], float(f"{value:.3g}")):
        fb = check_l1_part.grade(answer)
        assert not fb.passed, answer
        assert "value, not its position" in fb.message, (answer, fb.message)
    fb = check_l1_part.grade(0.98)  # not whole: a value, whichever weight it is
    assert not fb.passed and "value" in fb.message and "whole number" in fb.message
    assert not check_l1_part.grade(float("nan")).passed
    assert not check_l1_part.grade(float("inf")).passed


# --------------------------------------------------------------------------- prune


def prune_argsort(w, k):
    w = np.asarray(w, dtype=float)
    out = np.zeros_like(w)
    keep = np.argsort(np.abs(w))[::-1][:k]
    out[keep] = w[keep]
    return out


def prune_threshold(w, k):
    w = np.array(w, dtype=float)
    if k == 0:
        return np.zeros_like(w)
    cut = np.sort(np.abs(w))[-k]
    w[np.abs(w) < cut] = 0
    return w


def prune_loop(w, k):
    order = sorted(range(len(w)), key=lambda i: -abs(w[i]))
    return [w[i] if i in order[:k] else 0.0 for i in range(len(w))]


def prune_argpartition(w, k):
    out = np.zeros(len(w))
    if k:
        idx = np.argpartition(-np.abs(w), k - 1)[:k]
        out[idx] = np.asarray(w)[idx]
    return out


@pytest.mark.parametrize("func", [prune_argsort, prune_threshold, prune_loop, prune_argpartition])
def test_prune_accepts_every_correct_implementation(func):
    fb = check_prune.grade(func)
    assert fb.passed, fb.message


def _signed(w, k):
    out = np.zeros_like(w)
    keep = np.argsort(-w)[:k]
    out[keep] = w[keep]
    return out


def _smallest(w, k):
    out = np.zeros_like(w)
    keep = np.argsort(np.abs(w))[:k]
    out[keep] = w[keep]
    return out


def _in_place(w, k):
    w[np.argsort(np.abs(w))[: len(w) - k]] = 0
    return w


def _one_too_many(w, k):
    return prune_argsort(w, min(k + 1, len(w)))


def _abs_values(w, k):
    return np.abs(prune_argsort(w, k))


def _only_kept(w, k):
    return w[np.argsort(-np.abs(w))[:k]]


def _no_return(w, k):
    prune_argsort(w, k)


def _crashes(w, k):
    raise RuntimeError("oops")


def _minus_k_slice(w, k):  # right for every k but 0: order[-0:] is the whole array
    keep = np.argsort(np.abs(w))[-k:]
    out = np.zeros_like(w)
    out[keep] = w[keep]
    return out


@pytest.mark.parametrize(
    "func, words",
    [
        (_signed, "magnitude"),
        (_smallest, "smallest"),
        (_in_place, "copy"),
        (_one_too_many, "exactly k"),
        (_abs_values, "signs"),
        (_only_kept, "shape"),
        (_no_return, "return"),
        (_crashes, "RuntimeError"),
        (_minus_k_slice, "`order[-0:]` is the whole array"),
        ("prune", "function"),
    ],
)
def test_prune_rejects_typical_mistakes_with_specific_hints(func, words, capsys):
    check_prune(func)  # the printing check never raises, even when the learner's code does
    out = capsys.readouterr().out
    assert out.startswith(TRY_AGAIN)
    assert words in out, out


def test_prune_stub_is_not_attempted(capsys):
    def prune(w, k):
        ...

    check_prune(prune)
    assert capsys.readouterr().out.startswith(NOT_ATTEMPTED)


# --------------------------------------------------------------------------- best lambda


def test_best_lambda_accepts_the_value_in_any_numeric_form(sweep):
    lam = sweep.lambdas[int(np.argmin(sweep.val_mse))]
    for answer in (lam, float(lam), np.array([lam]), float(f"{lam:.10g}")):
        assert check_best_lambda.grade(answer, sweep).passed


def test_best_lambda_tells_the_error_from_the_lambda(sweep):
    for error in (float(sweep.val_mse.min()), round(float(sweep.val_mse.min()), 2)):
        feedback = check_best_lambda.grade(error, sweep)
        assert not feedback.passed and "held-out *error* itself" in feedback.message


def test_best_lambda_accepts_a_value_rounded_off_the_printout_but_not_a_neighbour(sweep):
    best = sweep.best
    for digits in (2, 3, 4):
        assert check_best_lambda.grade(float(f"{sweep.lambdas[best]:.{digits}g}"), sweep).passed
    for i in (best - 1, best + 1):
        rounded = float(f"{sweep.lambdas[i]:.3g}")
        feedback = check_best_lambda.grade(rounded, sweep)
        assert not feedback.passed and "some lambda does better" in feedback.message


def test_best_lambda_rejects_typical_mistakes(sweep):
    best = sweep.best
    fb = check_best_lambda.grade(best, sweep)
    assert not fb.passed and "position" in fb.message
    train_best = sweep.lambdas[int(np.argmin(sweep.train_mse))]
    fb = check_best_lambda.grade(train_best, sweep)
    assert not fb.passed and "training" in fb.message
    worst = sweep.lambdas[int(np.argmax(sweep.val_mse))]
    fb = check_best_lambda.grade(worst, sweep)
    assert not fb.passed and "highest" in fb.message
    other = sweep.lambdas[best + 3]
    fb = check_best_lambda.grade(other, sweep)
    assert not fb.passed and "argmin" in fb.message
    assert "not one of the lambdas" in check_best_lambda.grade(123.4, sweep).message
    assert "one number" in check_best_lambda.grade("0.1", sweep).message
    assert "pass the sweep" in check_best_lambda.grade(0.1, None).message


def test_best_lambda_grades_against_the_notebooks_own_sweep(sweep):
    import dataclasses

    # issue 17's reviewer: the λ of lowest *training* error passed with val_mse := train_mse
    forged = dataclasses.replace(sweep, val_mse=sweep.train_mse)
    answer = float(sweep.lambdas[np.argmin(sweep.train_mse)])
    feedback = check_best_lambda.grade(answer, forged)
    assert not feedback.passed and "not the notebook's" in feedback.message
    other = lasso_sweep(regression_task(seed=1), n_lambdas=60)  # a sweep on other data
    feedback = check_best_lambda.grade(float(other.lambdas[other.best]), other)
    assert not feedback.passed and "not the notebook's" in feedback.message
    assert check_best_lambda.grade(float(sweep.lambdas[sweep.best]), sweep).passed


def test_best_lambda_unanswered(sweep, capsys):
    check_best_lambda(..., sweep)
    assert capsys.readouterr().out.startswith(NOT_ATTEMPTED)


# --------------------------------------------------------------------------- dense winner


@pytest.mark.parametrize("answer", ["L2", "l2", " L2 ", "ridge", "Ridge", "'L2'"])
def test_dense_winner_accepts(answer):
    assert check_dense_winner.grade(answer).passed


@pytest.mark.parametrize("answer, words", [("L1", "non-zero but small"), ("lasso", "L1 bets"),
                                           ("both", "neither"), (2, "string")])
def test_dense_winner_rejects_with_hint(answer, words):
    fb = check_dense_winner.grade(answer)
    assert not fb.passed and words in fb.message


# --------------------------------------------------------------------------- predictions


@pytest.mark.parametrize("answer", ["yes", "Yes", " YES ", "'yes'", True, ["yes"]])
def test_robots_ranked_accepts(answer):
    assert check_robots_ranked.grade(answer).passed


def test_robots_ranked_says_why_no_is_wrong_with_the_notebooks_scores(toy):
    from lessonlib.geometry import min_l2_solution

    w2 = min_l2_solution(toy.X_train, toy.y_train)
    others = toy.X_test[toy.y_test == 0] @ w2
    robots = toy.X_test[toy.y_test == 1] @ w2
    assert robots.min() > others.max()  # the claim the right answer rests on
    fb = check_robots_ranked.grade("no")
    assert not fb.passed and f"{others.max():.3f}" in fb.message and "0.455" in fb.message
    assert "yes" in check_robots_ranked.grade("maybe").message


@pytest.mark.parametrize("answer", ["falls then rises", "Falls, then rises", "U", "u-shape",
                                    "down then up"])
def test_u_shape_accepts(answer):
    assert check_u_shape.grade(answer).passed


@pytest.mark.parametrize("answer, words", [("falls", "*training* error"),
                                           ("rises", "predicts 0"), (3, '"falls"'),
                                           ("flat", '"falls then rises"')])
def test_u_shape_rejects_each_wrong_option_with_its_reason(answer, words):
    fb = check_u_shape.grade(answer)
    assert not fb.passed and words in fb.message


def test_u_shape_is_what_the_sweep_shows(sweep):
    b = sweep.best
    assert 0 < b < len(sweep.lambdas) - 1
    assert np.all(sweep.val_mse[b] < sweep.val_mse[[0, -1]])


@pytest.mark.parametrize("answer", ["none", "None", 0, 0.0, np.int64(0), ["none"]])
def test_dropout_zeros_accepts(answer):
    assert check_dropout_zeros.grade(answer).passed


@pytest.mark.parametrize("answer, words", [("a few", "kink"), (3, "kink"),
                                           ("as many as L1", "random"),
                                           ("lots", '"as many as L1"'),
                                           (True, "")])
def test_dropout_zeros_rejects_each_wrong_option_with_its_reason(answer, words):
    fb = check_dropout_zeros.grade(answer)
    assert not fb.passed and words in fb.message


def test_real_nonzeros_is_graded_against_the_sweep(sweep):
    truth = regression_task(seed=0).true_w != 0
    nz = sweep.coefs[sweep.best] != 0
    n_nz, n_real = int(nz.sum()), int((nz & truth).sum())
    assert (n_nz, n_real) == (31, 6)  # what the notebook prints and its text says
    for form in (n_real, float(n_real), np.int32(n_real), [n_real], np.array(n_real)):
        assert check_real_nonzeros.grade(form).passed
    for wrong, words in ((n_nz, "every non-zero"), (8, "*truth*"), (n_nz - n_real, "*false*"),
                         (7, "lowest on this path"), (5.5, "whole number"),
                         ("6", "whole number"), (True, "")):
        fb = check_real_nonzeros.grade(wrong)
        assert not fb.passed and words in fb.message, (wrong, fb.message)


# --------------------------------------------------------------------------- never raise


@pytest.mark.parametrize("garbage", [None, ..., {}, [1, 2], np.zeros((2, 2)), object(), "x"])
def test_no_check_ever_raises(garbage, sweep, capsys):
    check_l1_part(garbage)
    check_prune(garbage)
    check_best_lambda(garbage, sweep)
    check_dense_winner(garbage)
    check_robots_ranked(garbage)
    check_u_shape(garbage)
    check_dropout_zeros(garbage)
    check_real_nonzeros(garbage)
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 8
    assert all(line.startswith((TRY_AGAIN, NOT_ATTEMPTED)) for line in out)
    assert not any(line.startswith(PASS) for line in out)


def test_solutions_of_notebook_06_still_pass(toy, sweep):
    w_l1 = min_l1_solution(toy.X_train, toy.y_train)
    assert check_l1_part.grade(int(np.flatnonzero(w_l1)[0])).passed
    assert check_best_lambda.grade(sweep.lambdas[np.argmin(sweep.val_mse)], sweep).passed
    assert check_dense_winner.grade("L2").passed
    assert check_prune.grade(prune_argsort).passed
    assert check_robots_ranked.grade("yes").passed
    assert check_u_shape.grade("falls then rises").passed
    assert check_dropout_zeros.grade("none").passed
    truth = regression_task(seed=0).true_w != 0
    assert check_real_nonzeros.grade(
        int(np.count_nonzero((sweep.coefs[sweep.best] != 0) & truth))).passed
