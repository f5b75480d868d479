"""Tests for lessonlib.checks.l1_zeroing: right answers pass, typical wrong ones get their hint."""

from __future__ import annotations

import numpy as np
import pytest

from lessonlib.checks.core import NOT_ATTEMPTED, PASS, TRY_AGAIN
from lessonlib.checks.l1_zeroing import (
    check_ista_step,
    check_predict_zeroed,
    check_soft_threshold,
)
from lessonlib.penalties import soft_threshold


def _loop_version(w, t):
    out = []
    for v in w:
        if v > t:
            out.append(v - t)
        elif v < -t:
            out.append(v + t)
        else:
            out.append(0.0)
    return out


@pytest.mark.parametrize(
    "func",
    [
        lambda w, t: np.sign(w) * np.maximum(np.abs(w) - t, 0),
        lambda w, t: np.clip(w - t, 0, None) + np.clip(w + t, None, 0),
        lambda w, t: np.where(np.abs(w) <= t, 0.0, w - t * np.sign(w)),
        _loop_version,  # a list is fine too
        soft_threshold,
    ],
)
def test_soft_threshold_accepts_correct_versions(func):
    assert check_soft_threshold.grade(func).passed


@pytest.mark.parametrize(
    "func, hint",
    [
        (lambda w, t: w - t * np.sign(w), "cross zero"),
        (lambda w, t: np.maximum(w - t, 0), "negative weights"),
        (lambda w, t: np.where(np.abs(w) > t, w, 0.0), "hard thresholding"),
        (lambda w, t: np.maximum(np.abs(w) - t, 0), "sign was lost"),
        (lambda w, t: w[:3], "element by element"),
        (lambda w, t: w * 0.5, "expected"),
    ],
)
def test_soft_threshold_hints(func, hint):
    fb = check_soft_threshold.grade(func)
    assert not fb.passed and hint in fb.message


@pytest.mark.parametrize(
    "answer",
    [[1, 2, 4, 5, 7], {1, 2, 4, 5, 7}, (7, 5, 4, 2, 1), np.array([1, 2, 4, 5, 7]),
     np.array([False, True, True, False, True, True, False, True])],
)
def test_predict_zeroed_accepts_indices_or_mask(answer):
    assert check_predict_zeroed.grade(answer).passed


@pytest.mark.parametrize(
    "answer, hint",
    [
        ([1, 2, 4, 7], "already 0"),
        ([1, 2, 4, 5], "0.25"),
        ([1, 2, 3, 4, 5, 7], "-0.3"),
        ([2, 3, 5, 6, 8], "counts positions from 0"),
        ([9], "from 0 to 7"),
        (np.array([True, False]), "8 entries"),
        ([0, 6], "compare each"),
    ],
)
def test_predict_zeroed_hints(answer, hint):
    fb = check_predict_zeroed.grade(answer)
    assert not fb.passed and hint in fb.message


def _ista(w, X, y, lam, step):
    return soft_threshold(w - step * X.T @ (X @ w - y) / len(y), step * lam)


def test_ista_step_accepts_correct_versions():
    assert check_ista_step.grade(_ista).passed

    def by_hand(w, X, y, lam, step):
        v = w - step * (X.T @ X @ w - X.T @ y) / X.shape[0]
        return np.sign(v) * np.maximum(np.abs(v) - lam * step, 0)

    assert check_ista_step.grade(by_hand).passed


@pytest.mark.parametrize(
    "func, hint",
    [
        (lambda w, X, y, lam, step: soft_threshold(w - step * X.T @ (X @ w - y), step * lam),
         "1/n"),
        (lambda w, X, y, lam, step: soft_threshold(w - step * X.T @ (X @ w - y) / len(y), lam),
         "step * lam"),
        (lambda w, X, y, lam, step: w - step * (X.T @ (X @ w - y) / len(y) + lam * np.sign(w)),
         "subgradient step"),
        (lambda w, X, y, lam, step: soft_threshold(w, step * lam) - step * X.T @ (X @ w - y)
         / len(y), "order matters"),
        (lambda w, X, y, lam, step: soft_threshold(w - step * X.T @ (y - X @ w) / len(y),
                                                   step * lam), "uphill"),
        (lambda w, X, y, lam, step: soft_threshold(w - step * X.T @ (X @ w - y) / (2 * len(y)),
                                                   step * lam), "no 2n left"),
        (lambda w, X, y, lam, step: w, "then return penalties.soft_threshold"),
        (lambda w, X, y, lam, step: w[:2], "shape"),
    ],
)
def test_ista_step_hints(func, hint):
    fb = check_ista_step.grade(func)
    assert not fb.passed and hint in fb.message


def test_checks_never_raise(capsys):
    def broken(*args):
        raise IndexError("bad index")

    for check in (check_soft_threshold, check_ista_step):
        check(broken)
        check(lambda *args: None)
        check("not a function")
    check_predict_zeroed(...)
    check_predict_zeroed(object())
    check_soft_threshold(soft_threshold)
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(TRY_AGAIN) and "IndexError" in out[0]
    assert out[1].startswith(NOT_ATTEMPTED)
    assert out[2].startswith(TRY_AGAIN)
    assert out[6].startswith(NOT_ATTEMPTED)
    assert out[7].startswith(TRY_AGAIN)
    assert out[8].startswith(PASS)


def _uses_if(w, t):
    if w > t:
        return w - t
    if w < -t:
        return w + t
    return 0.0


def _uses_builtin_max(w, t):
    return np.sign(w) * max(np.abs(w) - t, 0)


@pytest.mark.parametrize("func", [_uses_if, _uses_builtin_max])
def test_soft_threshold_recognises_if_on_a_whole_array(func, capsys):
    fb = check_soft_threshold.grade(func)
    assert not fb.passed
    assert "your function uses `if` on a whole array" in fb.message
    assert "np.where" in fb.message and "ambiguous" not in fb.message
    check_soft_threshold(func)  # the printed check shows the same hint
    out = capsys.readouterr().out
    assert out.startswith(TRY_AGAIN) and "uses `if` on a whole array" in out


def test_soft_threshold_other_crashes_still_show_the_error(capsys):
    def bad(w, t):
        raise ValueError("something else")

    check_soft_threshold(bad)
    out = capsys.readouterr().out
    assert out.startswith(TRY_AGAIN) and "something else" in out and "`if`" not in out


@pytest.mark.parametrize(
    "answer",
    [
        [-0.05, 0.2, 0.02, 0.0, 0.25],  # the values of the zeroed weights
        [0.8, -0.05, 0.2, -0.3, 0.02, 0.0, -1.1, 0.25],  # all the weights
        np.array([0.2, 0.25]),
        {0.02, 1},
        [1.5, 2],
        [float("nan")],
    ],
)
def test_predict_zeroed_rejects_values_instead_of_positions(answer):
    fb = check_predict_zeroed.grade(answer)
    assert not fb.passed
    assert "give positions 0-7 (indices), not values" in fb.message


@pytest.mark.parametrize("answer", [[1.0, 2.0, 4.0, 5.0, 7.0], np.array([1.0, 2, 4, 5, 7]),
                                    {1.0, 2.0, 4, 5, 7}])
def test_predict_zeroed_accepts_whole_floats(answer):
    assert check_predict_zeroed.grade(answer).passed


def test_solutions_of_notebook_03_still_pass():
    def my_soft_threshold(w, t):
        w = np.asarray(w, dtype=float)
        return np.sign(w) * np.maximum(np.abs(w) - t, 0.0)

    assert check_soft_threshold.grade(my_soft_threshold).passed
    assert check_predict_zeroed.grade([1, 2, 4, 5, 7]).passed
    assert check_ista_step.grade(_ista).passed


# ----------------------------------------------------------------------------- predictions

from lessonlib.checks.l1_zeroing import (  # noqa: E402 - grouped with their tests
    NETWORK_LAM,
    _network_zeros,
    check_l2_grid_zeros,
    check_network_step,
    check_playground_starts,
    check_subgradient_zeros,
)


@pytest.mark.parametrize(
    ("check", "right", "wrongs"),
    [
        (check_subgradient_zeros, ["none", "None", 0, "0", ["none"]],
         {"about 90": "clipping", "about 10": "informative"}),
        (check_playground_starts, ["a few", "some", "A few."],
         {"none": "dead", "all": "most starts"}),
        (check_l2_grid_zeros, ["none", "zero"],
         {"about 90": "L1", "about 10": "informative"}),
    ],
    ids=["subgradient", "playground", "l2-grid"],
)
def test_predictions_accept_the_answer_and_say_why_each_wrong_one_is_wrong(check, right, wrongs):
    for answer in right:
        assert check.grade(answer).passed, answer
    for answer, words in wrongs.items():
        feedback = check.grade(answer)
        assert not feedback.passed and words in feedback.message, feedback.message
    assert "one of" in check.grade("maybe").message
    assert "one of" in check.grade(3.5).message


@pytest.mark.parametrize("check", [check_subgradient_zeros, check_playground_starts,
                                   check_l2_grid_zeros, check_network_step])
def test_prediction_checks_say_not_answered_yet(check, capsys):
    check(...)
    assert capsys.readouterr().out.startswith(NOT_ATTEMPTED)


def test_playground_prediction_is_computed():
    from lessonlib.checks.l1_zeroing import STARTS, _playground_gaps

    gaps = _playground_gaps()
    assert gaps.shape == (STARTS,) and 0 < int(np.sum(gaps > 1e-6)) < STARTS


def test_network_step_accepts_the_first_step_or_the_first_shown():
    from lessonlib.widgets.shrinkage import network_steps

    z = _network_zeros(NETWORK_LAM, False)
    first = int(np.argmax(z >= 90))
    shown = next(int(s) for s in network_steps() if z[s] >= 90)
    assert check_network_step.grade(first).passed
    assert check_network_step.grade(float(shown)).passed
    assert first < shown or first == shown


@pytest.mark.parametrize(
    ("answer", "words"),
    [(40, "lambda 0.1"), (41, "lambda 0.1"), (400, "much earlier"), (5, "not yet 90"),
     (100, "already 90"), (-3, "steps run from 0"), (True, "step number"),
     ("soon", "step number")],
)
def test_network_step_hints(answer, words):
    feedback = check_network_step.grade(answer)
    assert not feedback.passed and words in feedback.message, feedback.message
