"""Checks of notebook 04: accept every correct answer, reject typical wrong ones, never raise."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog

from lessonlib.checks.core import Feedback, LearnerCodeError
from lessonlib.checks.geometry import check_min_l1, check_tie_slopes, check_touch_l1


def grade(check, *args):
    """The grader's verdict, turning a crash in the learner's code into the hint the
    printed check shows (as :func:`lessonlib.checks.core.exercise` does)."""
    try:
        return check.grade(*args)
    except LearnerCodeError as exc:
        return Feedback.hint(str(exc))


@pytest.mark.parametrize("answer", [(2, 0), [2.0, 0.0], np.array([2.0, 0.0]), (2.0000000001, 0)])
def test_touch_accepts_correct(answer):
    assert grade(check_touch_l1, answer).passed


@pytest.mark.parametrize("answer,hint", [
    ((0.6 * 3, 0.6), "circle"),           # the L2 touch point
    ((0, 6), "other axis"),               # the other crossing
    ((1, 3), "Slide along the line"),     # on the line, not optimal
    ((2, 1), "not on the line"),
    ((2, 0, 0), "two numbers"),
    ("2, 0", "numbers"),
])
def test_touch_rejects_with_specific_hint(answer, hint):
    fb = grade(check_touch_l1, answer)
    assert not fb.passed and hint in fb.message


@pytest.mark.parametrize("answer", [[1, -1], (-1.0, 1.0), np.array([1, -1, 1])])
def test_tie_accepts(answer):
    assert grade(check_tie_slopes, answer).passed


@pytest.mark.parametrize("answer,hint", [
    ([1], "missing"), ([-1], "missing"), ([0], "unique"), ([1, -1, 3], "unique"), ([], "empty"),
])
def test_tie_rejects(answer, hint):
    fb = grade(check_tie_slopes, answer)
    assert not fb.passed and hint in fb.message


def _bounded_min_l1(A, b):
    # a different but correct formulation: min sum t, -t <= x <= t
    n, d = A.shape
    eye = np.eye(d)
    res = linprog(np.r_[np.zeros(d), np.ones(d)], A_ub=np.block([[eye, -eye], [-eye, -eye]]),
                  b_ub=np.zeros(2 * d), A_eq=np.hstack([A, np.zeros((n, d))]), b_eq=b,
                  bounds=[(None, None)] * d + [(0, None)] * d, method="highs")
    return res.x[:d]


def _split(A, b):
    d = A.shape[1]
    r = linprog(np.ones(2 * d), A_eq=np.hstack([A, -A]), b_eq=b, bounds=(0, None),
                method="highs")
    return r.x


def test_min_l1_accepts_any_correct_formulation():
    assert grade(check_min_l1, _bounded_min_l1).passed
    assert grade(check_min_l1, lambda A, b: _split(A, b)[: A.shape[1]] - _split(A, b)[A.shape[1]:]
                 ).passed


@pytest.mark.parametrize("func,hint", [
    (lambda A, b: np.linalg.pinv(A) @ b, "minimum-L2"),
    (_split, "split variables"),
    (lambda A, b: np.zeros(A.shape[1]), "does not solve"),
    (lambda A, b: np.ones(3), "return"),
    (lambda A, b: 1 / 0, "ZeroDivisionError"),
])
def test_min_l1_rejects(func, hint):
    fb = grade(check_min_l1, func)
    assert not fb.passed and hint in fb.message


def test_min_l1_stub_is_not_attempted_and_checks_never_raise(capsys):
    def stub(A, b):
        ...

    fb = grade(check_min_l1, stub)
    assert not fb.passed and not fb.attempted
    for check in (check_touch_l1, check_tie_slopes, check_min_l1):
        for weird in (..., None, "text", {"a": 1}, object(), [np.nan, 1]):
            check(weird)  # prints, never raises
    out = capsys.readouterr().out
    assert "Traceback" not in out


@pytest.mark.parametrize("answer", [{1, -1}, {-1.0, 1.0}, frozenset({1, -1})])
def test_tie_accepts_a_set(answer):
    fb = grade(check_tie_slopes, answer)
    assert fb.passed, fb.message


@pytest.mark.parametrize("answer,hint", [({1}, "missing"), ({0, 1, -1}, "unique"),
                                         (set(), "empty"), ({1, "a"}, "numbers")])
def test_tie_grades_sets_like_lists(answer, hint):
    fb = grade(check_tie_slopes, answer)
    assert not fb.passed and hint in fb.message


def test_solutions_of_notebook_04_still_pass():
    assert grade(check_touch_l1, (2.0, 0.0)).passed
    assert grade(check_tie_slopes, [-1.0, 1.0]).passed
    assert grade(check_min_l1, lambda A, b: _split(A, b)[: A.shape[1]] - _split(A, b)[A.shape[1]:]
                 ).passed


# Predictions and the widget task (issue 12): the right answer in its usual forms passes,
# each wrong option fails with the sentence saying why, `...` is "Not answered yet".

from lessonlib.checks.geometry import (  # noqa: E402
    P12_B,
    check_corner_count,
    check_l2_zero_share,
    check_nonzero_prediction,
    check_p12_sparse,
    check_tie_count,
    check_touch_prediction,
    check_widget_b,
)
from lessonlib.geometry import touch_point  # noqa: E402

PREDICTIONS = {
    "corners": (check_corner_count, [20, 20.0, np.int64(20), [20]],
                [(10, "both ends"), (1024, "flat faces"), (2, "10 axes"), (6, "not it"),
                 ("20", "numbers"), (True, "yes/no")]),
    "touch": (check_touch_prediction, [(0.5, 0), [0.5, 0.0], np.array([0.5, 0])],
              [((0, 5), "ten times"), ((50 / 101, 5 / 101), "circle"),
               ((0.495, 0.0495), "circle"), ((1, 1), "three points"), ("a", "numbers")]),
    "tie": (check_tie_count, ["infinitely many", "Infinitely many.", "infinite", "a whole segment"],
            [(1, "whole side"), ("one", "whole side"), (2, "two ends"), ("2", "two ends"),
             (3, "infinitely many"), ("none", "infinitely many"),
             (float("inf"), "in words")]),
    "p12": (check_p12_sparse, ["no", "No", False, "not sparse"],
            [("yes", "rounded"), (True, "rounded"), ("maybe", '"yes" or "no"')]),
    "widget-b": (check_widget_b, [P12_B, 5e-6, 5.0e-06, [5e-6]],
                 [(0, "p = 1's answer"), (5 / 101, "p = 2"), (0.5, "second"),
                  (4e-6, "exponent"), (5e-5, "free p"), ("5e-6", "numbers")]),
    "nonzeros": (check_nonzero_prediction, [5, 5.0, np.int32(5)],
                 [(1, "a corner only when n = 1"), (200, "minimum-L2"), (195, "not it")]),
    "l2-share": (check_l2_zero_share, ["0%", "0 %", 0, 0.0, "0"],
                 [("3%", "grid"), (0.03, "grid"), ("66%", "L1"), ("50%", '"66%"')]),
}
RIGHT = [(k, a) for k, (_, rights, _) in PREDICTIONS.items() for a in rights]
WRONG = [(k, a, w) for k, (_, _, wrongs) in PREDICTIONS.items() for a, w in wrongs]


@pytest.mark.parametrize(("name", "answer"), RIGHT,
                         ids=[f"{k}-{i}" for i, (k, _) in enumerate(RIGHT)])
def test_predictions_accept_the_right_answer(name, answer):
    assert grade(PREDICTIONS[name][0], answer).passed


@pytest.mark.parametrize(("name", "answer", "words"), WRONG,
                         ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(WRONG)])
def test_predictions_refuse_each_wrong_option_saying_why(name, answer, words):
    fb = PREDICTIONS[name][0].verdict(answer)
    assert not fb.passed and words in fb.message, fb.message


@pytest.mark.parametrize("name", list(PREDICTIONS))
def test_predictions_say_not_answered_yet(name, capsys):
    PREDICTIONS[name][0](...)
    assert "Not answered yet" in capsys.readouterr().out


def test_the_widget_task_answer_is_the_geometry_s_own():
    # b at p = 1.2 for the data point (10, 5): Hoelder, b / a = (1/10)^5, so b = 5 / (10^6 + 1)
    assert P12_B == touch_point(10, 5, 1.2).point[1]
    assert P12_B == pytest.approx(5 / (1 + 10.0**6), rel=1e-12)
