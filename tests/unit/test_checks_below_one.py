"""Checks of notebook 05: accept every correct answer, reject typical wrong ones, never raise."""

from __future__ import annotations

import numpy as np
import pytest

from lessonlib.checks.below_one import (
    check_landing,
    check_local_minima,
    check_reweight_weights,
    check_triangle_counterexample,
)


@pytest.mark.parametrize("u,v", [
    ([1, 0, 0], [0, 0, 2]), ([0, 3, 0], [1, 0, 0]), (np.array([1, 1, 0]), np.array([0, 0, 1])),
    ([1, 0, 0], [0, 1, 0]),
])
def test_triangle_accepts_any_counterexample(u, v):
    assert check_triangle_counterexample.grade(u, v).passed


@pytest.mark.parametrize("u,v,hint", [
    ([1, 0, 0], [2, 0, 0], "holds"),          # parallel: equality
    ([1, 0], [0, 1], "three coordinates"),    # the 2-D example from the notebook
    ([0, 0, 0], [0, 1, 0], "zero vector"),
    ("a", [0, 1, 0], "numbers"),
])
def test_triangle_rejects(u, v, hint):
    fb = check_triangle_counterexample.grade(u, v)
    assert not fb.passed and hint in fb.message


@pytest.mark.parametrize("answer", [[0, 2], (2.0, 0.0), np.array([2, 0, 0])])
def test_local_minima_accepts(answer):
    assert check_local_minima.grade(answer).passed


@pytest.mark.parametrize("answer,hint", [
    ([2], "other crossing"), ([0], "other crossing"), ([2 / 3], "ridge"),
    ([0, 1, 2], "not a local minimum"),
])
def test_local_minima_rejects(answer, hint):
    fb = check_local_minima.grade(answer)
    assert not fb.passed and hint in fb.message


def test_landing():
    assert check_landing.grade(2).passed and check_landing.grade(np.float64(2.0)).passed
    fb = check_landing.grade(0)
    assert not fb.passed and "distance is not what decides" in fb.message
    fb = check_landing.grade(0.8)
    assert not fb.passed and "local minimum" in fb.message
    assert not check_landing.grade([0, 2]).passed


def test_reweight_accepts_equivalent_forms():
    assert check_reweight_weights.grade(lambda x, eps: 1 / (np.abs(x) + eps)).passed
    assert check_reweight_weights.grade(lambda x, eps: np.reciprocal(np.hypot(x, 0) + eps)).passed


@pytest.mark.parametrize("func,hint", [
    (lambda x, eps: 1 / (x + eps), "negative"),
    (lambda x, eps: np.abs(x) + eps, "inverse"),
    (lambda x, eps: 1 / (np.abs(x) + eps) ** 2, "expected"),
    (lambda x, eps: float(1 / (abs(x[0]) + eps)), "one weight per entry"),
])
def test_reweight_rejects(func, hint):
    fb = check_reweight_weights.grade(func)
    assert not fb.passed and hint in fb.message


def test_reweight_division_by_zero_hint():
    with np.errstate(divide="ignore"):
        fb = check_reweight_weights.grade(lambda x, eps: 1 / np.abs(x))
    assert not fb.passed and "eps" in fb.message


def test_stubs_and_junk_never_raise(capsys):
    def stub(x, eps):
        ...

    assert not check_reweight_weights.grade(stub).attempted
    for weird in (..., None, "text", object(), [np.inf]):
        check_local_minima(weird)
        check_landing(weird)
        check_reweight_weights(weird)
        check_triangle_counterexample(weird, weird)
    assert "Traceback" not in capsys.readouterr().out


@pytest.mark.parametrize("answer", [{0, 2}, {2.0, 0.0}, frozenset({0, 2})])
def test_local_minima_accepts_a_set(answer):
    fb = check_local_minima.grade(answer)
    assert fb.passed, fb.message


@pytest.mark.parametrize("answer,hint", [
    ({2}, "other crossing"), ({0, 1, 2}, "not a local minimum"), ({2, "a"}, "numbers"),
])
def test_local_minima_grades_sets_like_lists(answer, hint):
    fb = check_local_minima.grade(answer)
    assert not fb.passed and hint in fb.message


@pytest.mark.parametrize("answer", [[], (), set(), np.array([])])
def test_local_minima_empty_list_has_its_own_hint(answer):
    fb = check_local_minima.grade(answer)
    assert not fb.passed and "the list is empty" in fb.message
    assert "one of them" not in fb.message


def test_solutions_of_notebook_05_still_pass():
    assert check_triangle_counterexample.grade(np.array([1.0, 0, 0]), np.array([0, 0, 2.0])).passed
    assert check_local_minima.grade([0.0, 2.0]).passed
    assert check_landing.grade(2.0).passed
    assert check_reweight_weights.grade(lambda x, eps: 1.0 / (np.abs(x) + eps)).passed


# Predictions and the widget task: the right answer passes, every wrong option fails with
# its own reason, `...` is "not answered yet".

from lessonlib.checks.below_one import (  # noqa: E402
    check_basin_rule,
    check_one_minimum,
    check_only_plain,
    check_p_to_zero,
    check_sparse_touch,
)


@pytest.mark.parametrize("check,right,wrongs", [
    (check_p_to_zero, [3, 3.0, np.int64(3), [3]],
     [(5, "zero entries"), (0, "does not go to 0"), (3.51, "p = 1"), (1, "three non-zero"),
      (2.5, "Add them up")]),
    (check_sparse_touch, ["p <= 1", "P<=1", "p ≤ 1", ["p <= 1"]],
     [("p < 1", "p = 1 counts too"), ("p > 1", "round at the axes"),
      ("every p", "(1.2, 0.6)"), ("maybe", "one of")]),
    (check_one_minimum, [1, 1.0, np.float32(1.0)],
     [(0.95, "two triangles"), (0.5, "two triangles"), (2.0, "Move p down"),
      (9.0, "not on it")]),
    (check_basin_rule, ["the side of the ridge", "ridge", "The side of the ridge."],
     [("the nearer crossing", "a = 0.25"), ("the lower crossing", "slope where it stands"),
      ("closest", "one of")]),
    (check_only_plain, [0, 0.0, np.int32(0)],
     [(2, "recovers 2 problems in all"), (6, "does the next round leave it"),
      (0.5, "whole number"), (21, "from 0 to 20")]),
])
def test_predictions_grade_every_option(check, right, wrongs):
    for answer in right:
        assert check.grade(answer).passed, answer
    for answer, why in wrongs:
        fb = check.grade(answer)
        assert not fb.passed and why in fb.message, (answer, fb.message)
    fb = check.grade(...)
    assert not fb.passed and not fb.attempted


def test_only_plain_is_computed_from_the_notebooks_problems():
    from lessonlib.checks.below_one import PAIRED_RUN, _only_plain
    from lessonlib.montecarlo import recovery_experiment

    N, s, m, trials, seed, rounds, eps = PAIRED_RUN
    r = recovery_experiment(N, s, [m], trials=trials, seed=seed, solvers=("l1", "reweighted"),
                            reweight_iterations=rounds, eps=eps)
    only, plain = _only_plain()
    assert (only, plain) == (r.paired[0].only_first, r.estimates["l1"][0].successes)
