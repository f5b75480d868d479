"""Tests for the checks of notebook 01: accept every correct form, hint at typical mistakes,
never raise."""

from __future__ import annotations

import numpy as np
import pytest

from lessonlib.checks.core import NOT_ATTEMPTED, PASS, TRY_AGAIN
from lessonlib.checks.sparse_features import (
    check_cross_size,
    check_dense_bytes,
    check_l0_midpoint,
    check_sparse_budget,
)

GARBAGE = ["233280000", None, [1, 2], {"a": 1}, float("nan"), True, np.array([1.0, 2.0])]


def printed(check, *args, capsys):
    check(*args)
    return capsys.readouterr().out


# ---------------------------------------------------------------- cross size


def _int_version(minutes):
    return int(round(180 * 60 / minutes)) * int(round(360 * 60 / minutes))


def _float_version(minutes):
    return (180 * 60 / minutes) * (360 * 60 / minutes)


def _numpy_version(minutes):
    return np.int64(10_800 / minutes) * np.int64(21_600 / minutes) if minutes >= 1 else \
        np.float64(10_800 / minutes) * np.float64(21_600 / minutes)


def _degree_version(minutes):
    per_degree = 60 / minutes
    return round(180 * per_degree) * round(360 * per_degree)


@pytest.mark.parametrize("func", [_int_version, _float_version, _numpy_version, _degree_version])
def test_cross_size_accepts_correct_forms(func):
    assert check_cross_size.grade(func).passed


@pytest.mark.parametrize(
    ("func", "hint"),
    [
        (lambda m: 180 * 60 / m + 360 * 60 / m, "multiply"),
        (lambda m: (90 * 60 / m) * (360 * 60 / m), "180 degrees"),
        (lambda m: (360 * 60 / m) * (360 * 60 / m), "180 degrees"),
        (lambda m: (90 * 60 / m) * (180 * 60 / m), "180 degrees"),  # both spans halved
        (lambda m: (180 / m) * (360 / m), "60 minutes"),
        (lambda m: (180 * 60 * m) * (360 * 60 * m), "divide the span"),
        (lambda m: 233_280_000, "every bucket size"),
        (lambda m: 180 * 60 / m, "both features"),
        (lambda m: 42, "count the latitude buckets"),
    ],
)
def test_cross_size_hints_at_typical_mistakes(func, hint):
    fb = check_cross_size.grade(func)
    assert not fb.passed and hint in fb.message


def test_cross_size_never_raises(capsys):
    def crashes(minutes):
        return 1 / 0

    for answer in [*GARBAGE, crashes, lambda: 1, lambda m: "many", lambda m: [1, 2]]:
        out = printed(check_cross_size, answer, capsys=capsys)
        assert out.startswith((TRY_AGAIN, NOT_ATTEMPTED)), out
    assert "ZeroDivisionError" in printed(check_cross_size, crashes, capsys=capsys)


def test_cross_size_stub_is_not_attempted(capsys):
    def cross_size(minutes):
        ...

    assert printed(check_cross_size, cross_size, capsys=capsys).startswith(NOT_ATTEMPTED)
    assert printed(check_cross_size, ..., capsys=capsys).startswith(NOT_ATTEMPTED)


# ---------------------------------------------------------------- dense bytes


@pytest.mark.parametrize(
    "answer", [1_866_240_000, 1.86624e9, np.int64(1_866_240_000), 10_800 * 21_600 * 8,
               np.array(1_866_240_000.0), 233_280_000 * np.dtype("float64").itemsize],
)
def test_dense_bytes_accepts_correct_forms(answer):
    assert check_dense_bytes.grade(answer).passed


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (933_120_000, "float32"),
        (14_929_920_000, "bits"),
        (233_280_000, "number of weights"),
        (233_280_000 * 64, "bits"),
        (1_600_000_000, "exact dimension"),
        (1.87, "in bytes"),
        (1.738, "in bytes"),
        (1866.24, "in bytes"),
        (123, "multiply the dimension"),
    ],
)
def test_dense_bytes_hints(answer, hint):
    fb = check_dense_bytes.grade(answer)
    assert not fb.passed and hint in fb.message


def test_dense_bytes_never_raises(capsys):
    for answer in [*GARBAGE, lambda: 1, float("inf")]:
        out = printed(check_dense_bytes, answer, capsys=capsys)
        assert out.startswith((TRY_AGAIN, NOT_ATTEMPTED)), out
    assert "Remove the quotes" in printed(check_dense_bytes, "1866240000", capsys=capsys)


# ---------------------------------------------------------------- sparse budget


@pytest.mark.parametrize(
    "answer", [77_760_000, 77_760_000.0, 933_120_000 / 12, np.int64(77_760_000), 77_759_999.6],
)
def test_sparse_budget_accepts_correct_forms(answer):
    assert check_sparse_budget.grade(answer).passed


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (116_640_000, "int32"),
        (233_280_000, "index as well"),
        (58_320_000, "float32 (4 bytes)"),
        (933_120_000 * 12, "do not multiply"),
        (5, "divide the dense float32 bytes"),
    ],
)
def test_sparse_budget_hints(answer, hint):
    fb = check_sparse_budget.grade(answer)
    assert not fb.passed and hint in fb.message


def test_sparse_budget_never_raises(capsys):
    for answer in GARBAGE:
        out = printed(check_sparse_budget, answer, capsys=capsys)
        assert out.startswith((TRY_AGAIN, NOT_ATTEMPTED)), out


# ---------------------------------------------------------------- L0 midpoint


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # ([1, 0], [0, 1]) was here: it is the text's own pair, now rejected (fix 7).
        ([2, 0], [0, 3]),
        ((2.0, 0.0, 0.0), (0.0, 0.0, -7.0)),
        (np.array([0, 3, 0, 0]), np.array([0, 0, 0, 1])),
        ([1, 0, 1, 0], [0, 1, 0, 1]),
        ([5], [0]),  # counts 1 and 0, midpoint 2.5 has 1 > 0.5
    ],
)
def test_l0_midpoint_accepts_any_valid_pair(a, b):
    assert check_l0_midpoint.grade(a, b).passed


@pytest.mark.parametrize(
    ("a", "b", "hint"),
    [
        ([1, 0], [1, 0], "same vector"),
        ([1, 2], [3, 4], "same positions"),
        ([1, 0], [-1, 0], "cancel"),
        ([1, 1], [-1, 1], "cancel"),
        ([1, 0], [0, 1, 0], "same length"),
        ([[1, 0]], [[0, 1]], "1-D"),
        ([], [], "1-D"),
        ("1,0", [0, 1], "vector of numbers"),
        ([1, np.nan], [0, 1], "NaN"),
    ],
)
def test_l0_midpoint_hints(a, b, hint):
    fb = check_l0_midpoint.grade(a, b)
    assert not fb.passed and hint in fb.message


def test_l0_midpoint_never_raises_and_handles_partial_answers(capsys):
    assert printed(check_l0_midpoint, ..., ..., capsys=capsys).startswith(NOT_ATTEMPTED)
    assert printed(check_l0_midpoint, [1, 0], ..., capsys=capsys).startswith(NOT_ATTEMPTED)
    assert printed(check_l0_midpoint, [1, 0], capsys=capsys).startswith(NOT_ATTEMPTED)
    for a, b in [(print, [1]), ({"x": 1}, [1]), (object(), object()), ([1, "x"], [0, 1])]:
        out = printed(check_l0_midpoint, a, b, capsys=capsys)
        assert out.startswith(TRY_AGAIN), out


def test_pass_messages_state_the_numbers(capsys):
    # The text's own pair ([1, 0], [0, 1]) no longer passes (fix 7); use the solution's pair.
    assert printed(check_l0_midpoint, [3, 0, 0], [0, 0, -2], capsys=capsys).startswith(PASS)
    out = printed(check_dense_bytes, 1_866_240_000, capsys=capsys)
    assert "1.87 GB" in out


# ---------------------------------------------------------------- reviewer fixes


@pytest.mark.parametrize(
    ("a", "b"),
    [([1, 0], [0, 1]), ([0, 1], [1, 0]), ([-1, 0], [0, 1]), ([1, 0], [0, -1]),
     (np.array([0.0, -1.0]), np.array([-1.0, 0.0])), ((1.0, 0.0), (0.0, 1.0))],
)
def test_l0_midpoint_rejects_the_pair_from_the_text(a, b, capsys):
    fb = check_l0_midpoint.grade(a, b)
    assert not fb.passed and "find a different pair than the one in the text" in fb.message
    assert printed(check_l0_midpoint, a, b, capsys=capsys).startswith(TRY_AGAIN)


@pytest.mark.parametrize(("a", "b"), [([1, 0, 0], [0, 1, 0]), ([1, 0], [0, 2]), ([2, 0], [0, 1])])
def test_l0_midpoint_accepts_pairs_near_the_text(a, b):
    assert check_l0_midpoint.grade(a, b).passed


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (233_280_000 // 12, "number of weights"),
        (233_280_000 / 12, "number of weights"),
        (1_866_240_000 // 12, "float64"),
        (1_866_240_000 // 4, "float64"),
    ],
)
def test_sparse_budget_hints_for_weights_and_float64(answer, hint):
    fb = check_sparse_budget.grade(answer)
    assert not fb.passed and hint in fb.message and "float32" in fb.message


@pytest.mark.parametrize("answer", [1.87e9, 1.866e9, 1.9e9, np.float64(1.8662e9)])
def test_dense_bytes_rounded_answer_asks_for_the_exact_count(answer):
    fb = check_dense_bytes.grade(answer)
    assert not fb.passed and "right size, but give the exact byte count" in fb.message


def test_solutions_of_notebook_01_still_pass():
    def cross_size(minutes):
        n_lat = round(180 * 60 / minutes)
        n_lon = round(360 * 60 / minutes)
        return n_lat * n_lon

    assert check_cross_size.grade(cross_size).passed
    assert check_dense_bytes.grade(10_800 * 21_600 * 8).passed
    assert check_sparse_budget.grade((233_280_000 * 4) // (8 + 4)).passed
    assert check_l0_midpoint.grade([3.0, 0.0, 0.0], [0.0, 0.0, -2.0]).passed


# ---------------------------------------------------------------- predictions and widget tasks
# Each prediction: the right answer in every accepted form passes, every wrong option is
# refused with a sentence saying why, and `...` is "not answered yet".

from lessonlib.checks.sparse_features import (  # noqa: E402
    BUCKET_TASK_ANSWER,
    LAMBDAS,
    check_bucket_task,
    check_first_zero,
    check_midpoint_count,
    check_one_or_two,
    check_penalty_strength,
    check_smaller_l1,
    check_which_zero,
)

PREDICTIONS = {
    check_penalty_strength: ([0.01, 1e-2, np.float32(0.01), [0.01]],
                        {0: "millions", 1e-4: "still large", 1: "under-fitting",
                         100: "almost flat", 0.5: "choose one of"}),
    check_smaller_l1: (["(0.1, 0.1)", (0.1, 0.1), [0.1, 0.1], np.array([0.1, 0.1]), "dense",
                        " (0.1,0.1) "],
                       {"(1000, 0)": "adds the sizes", "sparse": "adds the sizes",
                        "both": 'answer "(0.1, 0.1)"'}),
    check_which_zero: (["L1", "l1", " L1 "],
                       {"L2": "leaves both non-zero", "both": "only one of them",
                        "neither": "one of them does", "L0": 'answer "L1"'}),
    check_first_zero: ([0.7674, 0.77, 0.775],
                       {1.85: "*both* weights", 0.76: "not 0 yet", 0.5: "not 0 yet",
                        0.9: "already 0", 0.634: "not 0 yet", -1: "0 or more"}),
    check_one_or_two: (["over 50%", "Over 50 %", "over50%"],
                       {"25 to 50%": "more", "under 25%": "far more", "half": 'answer "under'}),
    check_bucket_task: (["1 minute", "1minute", "minute"],
                        {"1 second": "not the coarsest", "10 minutes": "below 50%",
                         "1 degree": "below 50%", "1 hour": "as the widget names it"}),
    check_midpoint_count: ([2, 2.0, np.int64(2)],
                           {1: "average", 0: "neither entry", 0.5: "whole number",
                            3: "0, 1 or 2"}),
}


@pytest.mark.parametrize("check", list(PREDICTIONS), ids=lambda c: c.__name__)
def test_prediction_accepts_the_right_answer(check):
    for answer in PREDICTIONS[check][0]:
        assert check.grade(answer).passed, (check.__name__, answer)


@pytest.mark.parametrize("check", list(PREDICTIONS), ids=lambda c: c.__name__)
def test_prediction_refuses_each_wrong_option_saying_why(check):
    for answer, words in PREDICTIONS[check][1].items():
        feedback = check.verdict(answer)
        assert not feedback.passed and feedback.attempted, (check.__name__, answer)
        assert words in feedback.message, (check.__name__, answer, feedback.message)


@pytest.mark.parametrize("check", list(PREDICTIONS), ids=lambda c: c.__name__)
def test_prediction_unanswered_and_garbage(check, capsys):
    assert printed(check, ..., capsys=capsys).startswith(NOT_ATTEMPTED)
    for answer in GARBAGE:
        out = printed(check, answer, capsys=capsys)
        assert out.startswith((TRY_AGAIN, NOT_ATTEMPTED)), (answer, out)


def test_best_lambda_is_the_notebooks_held_out_minimum():
    from sklearn.linear_model import Ridge

    from lessonlib.tiny_curve import powers, tiny_curve

    d = tiny_curve(seed=0)
    errors = [np.mean((Ridge(alpha=lam, solver="cholesky").fit(powers(d.x), d.y)
                       .predict(powers(d.x_test)) - d.y_test) ** 2) for lam in LAMBDAS]
    best = LAMBDAS[int(np.argmin(errors))]
    assert best == 0.01
    assert errors[0] > 10 * max(errors[1:])  # lambda = 0 over-fits badly


def test_first_zero_matches_the_exact_interval_and_a_slider_step():
    from lessonlib.penalised_2d import penalised_optimum, preset

    b = preset("random")
    # the first slider value (step 0.01) with w1 exactly 0 passes; the one before has w1 != 0
    grid = np.round(np.arange(0, 3.001, 0.01), 2)
    first = next(lam for lam in grid if penalised_optimum(b, lam)[0] == 0.0)
    assert penalised_optimum(b, first - 0.01)[0] != 0.0
    assert check_first_zero.grade(first).passed
    assert not check_first_zero.grade(round(first - 0.01, 2)).passed
    assert not check_first_zero.grade(first + 0.05).passed


def test_one_or_two_and_bucket_task_match_the_notebooks_world():
    from lessonlib.widgets.sparse_features import BUCKET_SIZES, bucket_summary
    from lessonlib.world import houses

    h = houses(500_000, seed=0)  # notebook 01's sample
    shares = {label: (s := bucket_summary(h, m))["one_or_two"] / s["populated"]
              for label, m in BUCKET_SIZES.items()}
    assert shares["1 minute"] > 0.5  # check_one_or_two: "over 50%"
    coarsest = next(label for label in BUCKET_SIZES if shares[label] > 0.5)
    assert coarsest == BUCKET_TASK_ANSWER
