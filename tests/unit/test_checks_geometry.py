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
