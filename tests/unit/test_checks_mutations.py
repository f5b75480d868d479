"""Mutation tests: every check meets its solution changed the ways a learner changes it.

For each function check the right answer is mutated (a parameter written in as a number,
a sign flipped, a factor off, an input changed in place, a complex or float32 result, the
neighbouring exercise's answer) and the verdict asserted: a wrong answer fails with its
own hint, a right answer in another type (float32, a list, a 0-d array) passes. Then the
concrete answers that issue 17 found graded wrongly, one test each.
"""

from __future__ import annotations

import numpy as np
import pytest

from lessonlib.checks import (
    below_one,
    geometry,
    l1_zeroing,
    overfitting,
    sparse_features,
    start_here,
    wide_lab,
    zeno_l2,
)
from lessonlib.checks.below_one import (
    check_landing,
    check_reweight_weights,
    check_triangle_counterexample,
)
from lessonlib.checks.geometry import check_min_l1, check_touch_l1
from lessonlib.checks.l1_zeroing import check_ista_step, check_predict_zeroed, check_soft_threshold
from lessonlib.checks.overfitting import check_prune
from lessonlib.checks.sparse_features import check_cross_size, check_l0_midpoint
from lessonlib.checks.wide_lab import check_ftrl_weights, check_house_score
from lessonlib.checks.zeno_l2 import check_l2_step, check_reaches_zero, check_steps_to_halve
from lessonlib.geometry import min_l1_solution, min_l2_solution
from lessonlib.penalties import soft_threshold as S

# ----------------------------------------------------------------------------- solutions


def cross_size(m):
    return (180 * 60 / m) * (360 * 60 / m)


def l2_step(w, eta, lam):
    return (1 - 2 * eta * lam) * w


def soft(w, t):
    return np.sign(w) * np.maximum(np.abs(w) - t, 0)


def ista_step(w, X, y, lam, step):
    return S(w - step * X.T @ (X @ w - y) / len(y), step * lam)


def ista_step_in_place(w, X, y, lam, step):
    # the residual computed in y's own memory: changes the caller's y, and is right
    r = y
    r -= X @ w
    r *= -1
    return S(w - step * X.T @ r / len(y), step * lam)


def ista_step_leaves_a_trace(w, X, y, lam, step):
    # shrinks but leaves +-1e-12 where it should clip: issue 17's reviewer found it passed
    v = w - step * X.T @ (X @ w - y) / len(y)
    t = step * lam
    return np.where(np.abs(v) <= t, 1e-12 * np.sign(v), v - t * np.sign(v))


def min_l1(A, b):
    return min_l1_solution(A, b)


def min_l1_then_spoil(A, b):
    x = min_l1_solution(A, b)
    A[:] = 0  # changes its input after solving: the check keeps its own A
    b[:] = 0
    return x


def min_l1_zero_b(A, b):
    b[:] = 0  # issue 17: this passed when the check measured A x = b with the spoiled b
    return np.zeros(A.shape[1])


def reweight(x, eps):
    return 1 / (np.abs(x) + eps)


def reweight_in_place(x, eps):
    np.abs(x, out=x)
    x += eps
    return 1 / x


def prune(w, k):
    out = np.zeros_like(w)
    keep = np.argsort(-np.abs(w))[:k]
    out[keep] = w[keep]
    return out


def prune_in_place(w, k):
    w[np.argsort(np.abs(w))[: w.size - k]] = 0
    return w


def ftrl(z, n, l1, l2, alpha, beta):
    shrunk = -(z - np.sign(z) * l1) / ((beta + np.sqrt(n)) / alpha + l2)
    return np.where(np.abs(z) <= l1, 0.0, shrunk)


def ftrl_in_place(z, n, l1, l2, alpha, beta):
    inside = np.abs(z) <= l1
    z -= np.sign(z) * l1
    z /= -((beta + np.sqrt(n)) / alpha + l2)
    z[inside] = 0.0
    return z


def house_score(model, coords):
    return float(model.bias[0] + model.weights_at(coords).sum())


def house_score_spoils_model(model, coords):
    score = house_score(model, coords)
    model.values[:] = 0  # the next house would read zeros if the model were shared
    return score


def _f32(func):
    return lambda *a: np.asarray(func(*a), dtype=np.float32)


def _plus_j(func):
    return lambda *a: np.asarray(func(*a)) + 1j


def _masked(func):
    return lambda *a: np.ma.masked_array(np.atleast_1d(func(*a)), mask=False)


def _list(func):
    return lambda *a: np.atleast_1d(func(*a)).tolist()


# (check, right answers, [(wrong answer, words of its hint)])
CASES = {
    "cross_size": (
        check_cross_size,
        [cross_size, _f32(cross_size), lambda m: np.array(cross_size(m)),
         lambda m: [cross_size(m)]],
        [(lambda m: 233_280_000, "1-minute answer"),
         (lambda m: 2 * cross_size(m), "spans"),
         (lambda m: 180 * 60 / m + 360 * 60 / m, "plus"),
         (lambda m: cross_size(1 / m), "expected"),
         (_plus_j(cross_size), "complex"),
         (_masked(cross_size), "masked"),
         (lambda m: 10**400, "too large"),
         (lambda m: np.nan, "NaN or inf")],
    ),
    "l2_step": (
        check_l2_step,
        [l2_step, _f32(l2_step), lambda w, e, lam: np.array(l2_step(w, e, lam)), _list(l2_step)],
        [(lambda w, eta, lam: (1 - 2 * 0.1 * 0.05) * w, "ignores eta and lam"),
         (lambda w, eta, lam: (1 - 2 * 0.1 * lam) * w, "ignores eta ("),  # said "factor 2"
         (lambda w, eta, lam: (1 - 2 * eta * 0.05) * w, "ignores lam"),
         (lambda w, eta, lam: (1 + 2 * eta * lam) * w, "grew"),
         (lambda w, eta, lam: (1 - eta * lam) * w, "factor 2"),
         (lambda w, eta, lam: w - eta * lam * np.sign(w), "constant"),  # neighbour: L1's step
         (lambda w, eta, lam: 2 * eta * lam * w, "size of the step"),
         (_plus_j(l2_step), "complex"),
         (_masked(l2_step), "masked"),
         (lambda w, eta, lam: 10**400, "too large")],
    ),
    "soft_threshold": (
        check_soft_threshold,
        [soft, _f32(soft), _list(soft), S,
         lambda w, t: np.copysign(np.maximum(np.abs(w) - t, 0), w)],
        [(lambda w, t: soft(w, 0.3), "ignores t"),
         (lambda w, t: -soft(w, t), "sign"),
         (lambda w, t: 2 * soft(w, t), "expected"),
         (lambda w, t: soft(w, 2 * t), "expected"),
         (lambda w, t: w - t * np.sign(w), "cross zero"),
         (lambda w, t: np.where(np.abs(w) > t, w, 0.0), "hard thresholding"),  # neighbour
         (_plus_j(soft), "complex"),
         (_masked(soft), "masked"),
         (lambda w, t: soft(w, t)[:-1], "element by element"),
         (lambda w, t: np.where(soft(w, t) == 0, 5e-10, soft(w, t)), "exactly 0"),
         (lambda w, t: soft(w, t) + 1e-10, "exactly 0")],
    ),
    "ista_step": (
        check_ista_step,
        [ista_step, ista_step_in_place, _f32(ista_step), _list(ista_step)],
        [(lambda w, X, y, lam, step: ista_step(w, X, y, 0.2, 0.4), "notebook's lam and step"),
         (lambda w, X, y, lam, step: ista_step(w, X, y, 0.2, step), "notebook's lam"),
         (lambda w, X, y, lam, step: S(w + step * X.T @ (X @ w - y) / len(y), step * lam),
          "uphill"),
         (lambda w, X, y, lam, step: S(w - step * X.T @ (X @ w - y), step * lam), "1/n"),
         (lambda w, X, y, lam, step: S(w - step * X.T @ (X @ w - y) / len(y), lam), "step * lam"),
         (lambda w, X, y, lam, step: S(w, step * lam), "soft_threshold(v"),  # neighbour
         (lambda *a: np.where(ista_step(*a) == 0, 5e-10, ista_step(*a)), "exactly 0"),
         (ista_step_leaves_a_trace, "exactly 0"),
         (_plus_j(ista_step), "complex"),
         (_masked(ista_step), "masked")],
    ),
    "min_l1": (
        check_min_l1,
        [min_l1, min_l1_then_spoil, _f32(min_l1), _list(min_l1)],
        [(min_l1_zero_b, "does not solve"),
         (lambda A, b: min_l2_solution(A, b), "minimum-L2"),
         (lambda A, b: -min_l1(A, b), "does not solve"),
         (lambda A, b: 2 * min_l1(A, b), "does not solve"),
         (_plus_j(min_l1), "complex"),
         (_masked(min_l1), "masked")],
    ),
    "reweight_weights": (
        check_reweight_weights,
        [reweight, reweight_in_place, _f32(reweight), _list(reweight)],
        [(lambda x, eps: 1 / (np.abs(x) + 0.1), "argument eps"),
         (lambda x, eps: 1 / (x + eps), "|x|"),
         (lambda x, eps: np.abs(x) + eps, "inverse"),
         (lambda x, eps: 2 * reweight(x, eps), "expected"),
         (lambda x, eps: 1 / np.abs(x), "infinite"),
         (_plus_j(reweight), "complex"),
         (_masked(reweight), "masked")],
    ),
    "prune": (
        check_prune,
        [prune, _f32(prune), _list(prune)],
        [(lambda w, k: prune(w, 2), "exactly k"),
         (lambda w, k: prune(w, k) * 2, "changed the values"),
         (prune_in_place, "changed the `w`"),  # the exercise asks for a new array
         (lambda w, k: -prune(w, k), "changed the values"),
         (lambda w, k: np.sort(w)[-k:], "shape"),
         (_plus_j(prune), "complex"),
         (_masked(prune), "masked")],
    ),
    "ftrl_weights": (
        check_ftrl_weights,
        [ftrl, ftrl_in_place, _f32(ftrl), _list(ftrl)],
        [(lambda z, n, l1, l2, a, b: -ftrl(z, n, l1, l2, a, b), "wrong sign"),
         (lambda z, n, l1, l2, a, b: ftrl(z, n, l1, 0.0, a, b), "l2 is missing"),
         (lambda z, n, l1, l2, a, b: ftrl(z, n, l1, l2, 1.0, 1.0), "expected"),
         (lambda z, n, l1, l2, a, b: 2 * ftrl(z, n, l1, l2, a, b), "expected"),
         (lambda z, n, l1, l2, a, b: np.concatenate([ftrl(z, n, l1, l2, a, b)] * 2),
          "one weight per coordinate"),
         (_plus_j(ftrl), "complex"),
         (_masked(ftrl), "masked")],
    ),
    "house_score": (
        check_house_score,
        [house_score, house_score_spoils_model, _f32(house_score),
         lambda m, c: [house_score(m, c)], lambda m, c: np.array(house_score(m, c))],
        [(lambda m, c: float(m.weights_at(c).sum()), "bias"),
         (lambda m, c: -0.3 + float(m.weights_at(c).sum()), "model.bias[0] itself"),
         (lambda m, c: 1 / (1 + np.exp(-house_score(m, c))), "probability"),
         (lambda m, c: 2 * house_score(m, c), "expected"),
         (_plus_j(house_score), "complex"),
         (_masked(house_score), "masked")],
    ),
}

RIGHT = [(name, i) for name, (_, rights, _) in CASES.items() for i in range(len(rights))]
WRONG = [(name, i) for name, (_, _, wrongs) in CASES.items() for i in range(len(wrongs))]


@pytest.mark.parametrize(("name", "i"), RIGHT, ids=[f"{n}-{i}" for n, i in RIGHT])
def test_a_right_answer_passes_in_any_form(name, i):
    check, rights, _ = CASES[name]
    feedback = check.verdict(rights[i])
    assert feedback.passed, feedback.message


@pytest.mark.parametrize(("name", "i"), WRONG, ids=[f"{n}-{i}" for n, i in WRONG])
def test_a_mutated_answer_fails_with_its_own_hint(name, i):
    check, _, wrongs = CASES[name]
    func, words = wrongs[i]
    feedback = check.verdict(func)
    assert not feedback.passed
    assert words in feedback.message, feedback.message


def test_every_function_check_is_mutated():
    function_checks = {"check_cross_size", "check_l2_step", "check_soft_threshold",
                       "check_ista_step", "check_min_l1", "check_reweight_weights",
                       "check_prune", "check_ftrl_weights", "check_house_score"}
    assert {check.__name__ for check, _, _ in CASES.values()} == function_checks


# ----------------------------------------------------------------------------- every check

#: Every check, and how many answers it takes.
ALL_CHECKS = [
    (start_here.check_nonzero_count, 1),
    (start_here.check_push_ratio, 1),
    (sparse_features.check_cross_size, 1),
    (sparse_features.check_dense_bytes, 1),
    (sparse_features.check_sparse_budget, 1),
    (sparse_features.check_l0_midpoint, 2),
    (sparse_features.check_penalty_strength, 1),
    (sparse_features.check_smaller_l1, 1),
    (sparse_features.check_which_zero, 1),
    (sparse_features.check_first_zero, 1),
    (sparse_features.check_one_or_two, 1),
    (sparse_features.check_bucket_task, 1),
    (sparse_features.check_midpoint_count, 1),
    (zeno_l2.check_l2_step, 1),
    (zeno_l2.check_steps_to_halve, 1),
    (zeno_l2.check_reaches_zero, 1),
    (zeno_l2.check_shrink_thousand, 1),
    (zeno_l2.check_ridge_zeros, 1),
    (zeno_l2.check_float_end, 1),
    (zeno_l2.check_halving_ratio, 1),
    (zeno_l2.check_float16_frozen, 1),
    (l1_zeroing.check_soft_threshold, 1),
    (l1_zeroing.check_predict_zeroed, 1),
    (l1_zeroing.check_ista_step, 1),
    (l1_zeroing.check_subgradient_zeros, 1),
    (l1_zeroing.check_playground_starts, 1),
    (l1_zeroing.check_l2_grid_zeros, 1),
    (l1_zeroing.check_network_step, 1),
    (geometry.check_touch_l1, 1),
    (geometry.check_tie_slopes, 1),
    (geometry.check_min_l1, 1),
    (geometry.check_corner_count, 1),
    (geometry.check_touch_prediction, 1),
    (geometry.check_tie_count, 1),
    (geometry.check_p12_sparse, 1),
    (geometry.check_widget_b, 1),
    (geometry.check_nonzero_prediction, 1),
    (geometry.check_l2_zero_share, 1),
    (below_one.check_triangle_counterexample, 2),
    (below_one.check_local_minima, 1),
    (below_one.check_landing, 1),
    (below_one.check_reweight_weights, 1),
    (below_one.check_p_to_zero, 1),
    (below_one.check_sparse_touch, 1),
    (below_one.check_one_minimum, 1),
    (below_one.check_basin_rule, 1),
    (below_one.check_only_plain, 1),
    (overfitting.check_l1_part, 1),
    (overfitting.check_prune, 1),
    (overfitting.check_best_lambda, 1),
    (overfitting.check_dense_winner, 1),
    (overfitting.check_robots_ranked, 1),
    (overfitting.check_u_shape, 1),
    (overfitting.check_dropout_zeros, 1),
    (overfitting.check_real_nonzeros, 1),
    (wide_lab.check_ftrl_weights, 1),
    (wide_lab.check_house_score, 1),
    (wide_lab.check_challenge, 2),
    (wide_lab.check_stretch, 2),
    (wide_lab.check_fewest_houses, 1),
    (wide_lab.check_more_passes, 1),
    (wide_lab.check_first_to_go, 1),
]
IDS = [check.__name__ for check, _ in ALL_CHECKS]


def test_the_list_holds_every_check():
    import inspect

    from lessonlib import checks

    found = set()
    for module in (start_here, sparse_features, zeno_l2, l1_zeroing, geometry, below_one,
                   overfitting, wide_lab):
        found |= {name for name, obj in inspect.getmembers(module, callable)
                  if name.startswith("check_") and hasattr(obj, "grade")}
    # every check listed once (the count grows as notebooks gain predictions)
    assert found == set(IDS) and len(IDS) == len(set(IDS)) and checks.PASS


@pytest.mark.parametrize(
    "answer",
    [10**400, -(10**400), [10**400, 0], np.array(2 + 5j), [2 + 3j, 0], 1e308 * 10,
     np.ma.masked_array([1.0, 2.0], mask=[True, False]), lambda *a: 10**400,
     lambda *a: np.full(3, 1 + 1j), "x" * 10**6, np.arange(10**7)],
    ids=["huge-int", "huge-negative", "huge-in-list", "complex", "complex-list", "inf",
         "masked", "function-huge", "function-complex", "huge-text", "ten-million"],
)
@pytest.mark.parametrize(("check", "n_args"), ALL_CHECKS, ids=IDS)
def test_no_check_grades_a_strange_answer_correct_or_crashes(check, n_args, answer, capsys):
    check(*[answer] * n_args)
    out = capsys.readouterr().out
    assert out.startswith("❌ Not yet."), out[:300]
    assert "OverflowError" not in out and "Traceback" not in out and len(out) < 700


# ----------------------------------------------------------------------------- issue 17's cases


def test_complex_and_masked_scalar_answers_are_named():
    assert "complex" in check_touch_l1.grade(np.array([2 + 3j, 0])).message
    assert "complex" in check_landing.grade(np.array(2 + 5j)).message
    assert "masked" in check_landing.grade(np.ma.masked_array(2.0)).message
    assert check_landing.grade(np.float32(2)).passed and check_landing.grade([2]).passed


def test_a_zero_one_integer_mask_is_a_mask():
    assert check_predict_zeroed.grade([0, 1, 1, 0, 1, 1, 0, 1]).passed
    assert check_predict_zeroed.grade(np.array([0, 1, 1, 0, 1, 1, 0, 1], dtype=np.int8)).passed
    assert not check_predict_zeroed.grade([0, 1, 1, 0, 1, 0, 0, 1]).passed
    assert check_predict_zeroed.grade([1, 2, 4, 5, 7]).passed  # positions still work


def test_a_two_dimensional_mask_is_told_its_shape():
    message = check_predict_zeroed.grade(np.ones((2, 4), dtype=bool)).message
    assert "shape (2, 4)" in message and "got 8" not in message


def test_huge_and_tiny_counterexamples_are_valid():
    assert check_triangle_counterexample.grade([1e308, 0, 0], [0, 1e308, 0]).passed
    assert check_triangle_counterexample.grade([5e-324, 0, 0], [0, 0, 5e-324]).passed
    assert not check_triangle_counterexample.grade([1e308, 0, 0], [1e308, 0, 0]).passed
    assert check_l0_midpoint.grade([5e-324, 0], [0, 5e-324]).passed
    assert check_l0_midpoint.grade([1e308, 0], [0, 1e308]).passed
    assert not check_l0_midpoint.grade([5e-324, 0], [-5e-324, 0]).passed


def test_steps_to_halve_refuses_a_factor_of_zero_with_the_exercises_values():
    # eta and lam are the exercise's (0.05, 0.1): others, a factor of 0 included, are named
    message = check_steps_to_halve.grade(69, 0.5, 1).message
    assert "math domain" not in message and "eta = 0.05 and lam = 0.1" in message
    assert "eta = 0.05 and lam = 0.1" in check_steps_to_halve.grade(69, 1e-17, 0.1).message
    assert check_steps_to_halve.grade(np.float32(69)).passed


def test_ftrl_weights_of_the_wrong_length_get_a_sentence():
    message = check_ftrl_weights.grade(CASES["ftrl_weights"][2][4][0]).message
    assert "reshape" not in message and "returned 16 weights" in message


def test_a_huge_answer_gets_a_short_hint():
    message = check_reaches_zero.grade(np.arange(10**7)).message
    assert len(message) < 200 and "values" in message
    message = check_reaches_zero.grade(list(np.linspace(0, 1, 10**6))).message
    assert len(message) < 200


def test_float32_answers_pass_prune_and_reweight():
    assert check_prune.grade(_f32(prune)).passed
    assert check_reweight_weights.grade(_f32(reweight)).passed


# ----------------------------------------------------------------------------- 07's data


@pytest.fixture(scope="module")
def notebook_data():
    """Notebook 07's data, made as the notebook makes it (about 2 s)."""
    from lessonlib.wide import encode
    from lessonlib.world import houses

    spec = wide_lab.NOTEBOOK_DATA
    world = houses(spec["houses"], seed=spec["seed"])
    data = encode(world.lat, world.lon, world.expensive)
    train, val = data.split(validation=spec["validation"], seed=spec["split_seed"])
    return data, train, val


def _stamped(data) -> object:
    """A small model that says it learned from ``data``."""
    from lessonlib.wide import WideModel, fingerprint

    coordinate = np.array([data.indices[0, 0]], np.int32)  # one that `data` touches
    return WideModel(coordinate, np.array([0.5], np.float32), np.zeros(1),
                     n_lat=10_800, n_lon=21_600, extra={"data_fingerprint": fingerprint(data)})


def test_the_stored_fingerprints_are_those_of_the_notebooks_data(notebook_data):
    from lessonlib.wide import fingerprint

    data, train, val = notebook_data
    assert wide_lab._FINGERPRINTS == {"train": fingerprint(train), "val": fingerprint(val),
                                      "data": fingerprint(data)}


def test_a_model_trained_on_train_and_validation_fails(notebook_data):
    from lessonlib.wide import evaluate, train_ftrl

    data, train, val = notebook_data
    model = train_ftrl(data, l1=24, progress=False).model  # issue 17: scored 0.566, passed
    assert model.nnz < wide_lab.MAX_NONZEROS
    assert evaluate(model, val).log_loss < wide_lab.MAX_LOG_LOSS
    feedback = wide_lab.check_challenge.verdict(model, val)
    assert not feedback.passed and "training *and* the validation" in feedback.message
    assert "training *and*" in wide_lab.check_stretch.verdict(model, val).message


def test_the_validation_set_must_be_the_notebooks_own(notebook_data):
    data, train, val = notebook_data
    model = _stamped(train)
    for check in (wide_lab.check_challenge, wide_lab.check_stretch):
        message = check.verdict(model, val.take(np.arange(10))).message
        assert "has 10 houses" in message and "250,000" in message
        assert "is the training data" in check.verdict(model, train).message
        other = val.take(np.r_[np.arange(1, len(val)), 0][::-1])  # same houses, reordered
        assert "non-zeros" in check.verdict(model, other).message  # order does not matter
        assert "not the notebook's" in check.verdict(model, data.take(np.arange(len(val)))
                                                     ).message
    assert "learned from the validation" in wide_lab.check_challenge.verdict(
        _stamped(val), val).message
    assert "300 houses" in wide_lab.check_challenge.verdict(
        _stamped(train.take(np.arange(300))), val).message


def test_a_forged_fingerprint_does_not_hide_the_data_a_model_learned_from(notebook_data):
    import dataclasses

    from lessonlib.wide import fingerprint, train_ftrl

    data, train, val = notebook_data
    model = train_ftrl(data, l1=22.0, progress=False).model
    forged = dataclasses.replace(model, extra={**model.extra,
                                               "data_fingerprint": fingerprint(train)})
    for check in (wide_lab.check_challenge, wide_lab.check_stretch):
        message = check.verdict(forged, val).message
        assert not check.verdict(forged, val).passed and "touches 361,300" in message
    # the count erased too: weights on coordinates only validation houses touch give it away
    on_val = train_ftrl(val, l1=1.0, progress=False).model
    hidden = dataclasses.replace(on_val, n_touched=0, extra={
        **on_val.extra, "data_fingerprint": fingerprint(train)})
    message = wide_lab.check_challenge.verdict(hidden, val).message
    assert "no house in the notebook's `train` touches" in message
    honest = train_ftrl(train, l1=22.0, progress=False).model  # the real thing still passes
    assert wide_lab._provenance(honest, val) is None


def test_a_model_without_a_record_of_its_data_is_told_how_to_train(notebook_data):
    from lessonlib.wide import WideModel

    _, _, val = notebook_data
    bare = WideModel(np.array([], np.int32), np.array([], np.float32), np.zeros(1),
                     n_lat=10_800, n_lon=21_600)
    assert "train_ftrl(train" in wide_lab.check_challenge.verdict(bare, val).message


# ----------------------------------------------------------------------------- hints (review 2)


def test_reweight_hint_shows_enough_digits_to_differ():
    message = check_reweight_weights.grade(lambda x, eps: reweight(x, eps) * (1 + 1e-5)).message
    expected, got = message.split("expected ")[1].split(", got ")
    assert expected.rstrip(".") != got.rstrip("."), message


def test_tie_slopes_quotes_huge_and_tiny_values_as_they_are():
    from lessonlib.checks.geometry import check_tie_slopes

    message = check_tie_slopes.grade([1e300, -1e300]).message
    assert "ValueError" not in message and "unique" in message
    message = check_tie_slopes.grade([5e-324]).message
    assert "x = 4.941e-324" in message and "x = 0 " not in message
    assert check_tie_slopes.grade([1.0000000001, -1]).passed  # typed from a printout


def test_prune_counts_one_weight_in_the_singular():
    message = check_prune.grade(lambda w, k: prune(w, 1)).message
    assert "kept 1 non-zero weight;" in message
