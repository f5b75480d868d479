"""Tests for the demonstration exercise check of notebook 00."""

from __future__ import annotations

import numpy as np
import pytest

from lessonlib.checks.core import NOT_ATTEMPTED, PASS, TRY_AGAIN
from lessonlib.checks.start_here import DEMO_VECTOR, check_nonzero_count

grade = check_nonzero_count.grade


@pytest.mark.parametrize(
    "answer",
    [
        2,
        2.0,
        np.int64(2),
        np.float32(2.0),
        np.count_nonzero(DEMO_VECTOR),
        int(np.sum(np.array(DEMO_VECTOR) != 0)),
        len([x for x in DEMO_VECTOR if x != 0]),
        np.array(2),
        [2],
    ],
)
def test_every_correct_answer_passes(answer):
    assert grade(answer).passed


@pytest.mark.parametrize(
    "answer, words",
    [
        (5, "length of the vector"),
        (3, "number of zeros"),
        (1, "skip the -2"),
        (4, "sum of the entries, 6 + (-2)"),
        (8, "L1 norm"),
        (0, "6 and -2 are not 0"),
        (2.5, "whole number"),
        (-2, "cannot be negative"),
        (7, "not the count"),
        ("2", "without quotes"),
        (True, "yes/no"),
        ([6, -2], "listed the non-zero entries"),
        (np.array([False, True, False, False, True]), "count the True values"),
        ([0, 6, 0, 0, -2], "one number"),
        ({"count": 2}, "one number"),
        (float("nan"), "not a count"),
    ],
)
def test_typical_wrong_answers_get_a_specific_hint(answer, words):
    feedback = grade(answer)
    assert not feedback.passed
    assert feedback.attempted
    assert words in feedback.message, feedback.message


def test_the_check_prints_and_never_raises(capsys):
    for answer in (2, 5, "x", object(), None, ..., [[1, 2], [3]]):
        check_nonzero_count(answer)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(PASS)
    assert lines[1].startswith(TRY_AGAIN)
    assert lines[4].startswith(NOT_ATTEMPTED) and lines[5].startswith(NOT_ATTEMPTED)
    assert len(lines) == 7


def test_the_correct_answer_is_the_true_count():
    # guards the constant the check is built on
    assert np.count_nonzero(DEMO_VECTOR) == 2


# ----------------------------------------------------------------------------- the prediction

from lessonlib.checks.start_here import check_push_ratio  # noqa: E402


@pytest.mark.parametrize("answer", [50, 50.0, np.int64(50), [50], np.array(50)])
def test_push_ratio_accepts_fifty(answer):
    assert check_push_ratio.grade(answer).passed


@pytest.mark.parametrize("answer, words", [
    (1, "almost flat"), (100, "twice that"), (2, "Divide"), ("50", "a number"),
    (True, "a number"), ([1, 2], "one number"),
])
def test_push_ratio_says_why_each_wrong_option_is_wrong(answer, words):
    feedback = check_push_ratio.grade(answer)
    assert not feedback.passed and words in feedback.message, feedback.message


def test_push_ratio_unanswered():
    assert not check_push_ratio.grade(...).attempted
