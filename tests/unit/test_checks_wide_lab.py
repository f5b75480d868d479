"""Tests for the checks of notebook 07 (lessonlib.checks.wide_lab)."""

from __future__ import annotations

import numpy as np
import pytest

from lessonlib.checks import wide_lab
from lessonlib.checks.core import NOT_ATTEMPTED, PASS, TRY_AGAIN
from lessonlib.checks.wide_lab import (
    check_challenge,
    check_ftrl_weights,
    check_house_score,
    check_stretch,
)
from lessonlib.wide import WideData, WideModel, evaluate, fingerprint

# ----------------------------------------------------------------------------- ftrl weights


def _ftrl_numpy(z, n, l1, l2, alpha, beta):
    shrunk = -(z - np.sign(z) * l1) / ((beta + np.sqrt(n)) / alpha + l2)
    return np.where(np.abs(z) <= l1, 0.0, shrunk)


def _ftrl_scalar(z, n, l1, l2, alpha, beta):
    if abs(z) <= l1:
        return 0.0
    sign = 1.0 if z > 0 else -1.0
    return -(z - sign * l1) / ((beta + n**0.5) / alpha + l2)


def _ftrl_masked(z, n, l1, l2, alpha, beta):
    w = np.zeros_like(z)
    keep = np.abs(z) > l1
    w[keep] = (np.sign(z[keep]) * l1 - z[keep]) / ((beta + np.sqrt(n[keep])) / alpha + l2)
    return w


@pytest.mark.parametrize("func", [_ftrl_numpy, _ftrl_scalar, _ftrl_masked])
def test_ftrl_weights_accepts_every_correct_form(func):
    feedback = check_ftrl_weights.grade(func)
    assert feedback.passed, feedback.message


def test_ftrl_weights_scalar_answer_passes_with_a_note():
    assert "one number at a time" in check_ftrl_weights.grade(_ftrl_scalar).message
    assert "one number at a time" not in check_ftrl_weights.grade(_ftrl_numpy).message


@pytest.mark.parametrize(
    ("func", "hint"),
    [
        (lambda z, n, l1, l2, a, b: -(z - np.sign(z) * l1) / ((b + np.sqrt(n)) / a + l2),
         "must be exactly 0"),
        (lambda z, n, l1, l2, a, b: -_ftrl_numpy(z, n, l1, l2, a, b), "wrong sign"),
        (lambda z, n, l1, l2, a, b: np.where(np.abs(z) <= l1, 0.0,
                                             -(z - l1) / ((b + np.sqrt(n)) / a + l2)),
         "z - np.sign(z) * l1"),
        (lambda z, n, l1, l2, a, b: np.where(np.abs(z) <= l1, 0.0,
                                             -(z + np.sign(z) * l1) / ((b + np.sqrt(n)) / a + l2)),
         "towards 0"),
        (lambda z, n, l1, l2, a, b: _ftrl_numpy(z, n, l1, 0.0, a, b), "l2 is missing"),
        (lambda z, n, l1, l2, a, b: np.where(np.abs(z) <= l1, 1e-15,
                                             _ftrl_numpy(z, n, l1, l2, a, b)), "not exactly 0"),
        (lambda z, n, l1, l2, a, b: _ftrl_numpy(z, n, l1, l2, a, b) * 2, "expected"),
    ],
)
def test_ftrl_weights_rejects_typical_mistakes_with_a_specific_hint(func, hint):
    feedback = check_ftrl_weights.grade(func)
    assert not feedback.passed
    assert hint in feedback.message


def test_ftrl_weights_never_raises(capsys):
    def broken(z, n, l1, l2, alpha, beta):
        raise RuntimeError("oops")

    def stub(z, n, l1, l2, alpha, beta):
        ...

    check_ftrl_weights(broken)
    assert capsys.readouterr().out.startswith(TRY_AGAIN)
    check_ftrl_weights(stub)
    assert capsys.readouterr().out.startswith(NOT_ATTEMPTED)
    check_ftrl_weights(...)
    assert capsys.readouterr().out.startswith(NOT_ATTEMPTED)
    check_ftrl_weights(42)
    assert "should be a function" in capsys.readouterr().out
    check_ftrl_weights(lambda *a: np.full(3, np.nan))
    assert capsys.readouterr().out.startswith(TRY_AGAIN)


# ----------------------------------------------------------------------------- house score


def _score_searchsorted(model, coords):
    score = float(model.bias[0])
    for c in coords:
        k = np.searchsorted(model.indices, c)
        if k < len(model.indices) and model.indices[k] == c:
            score += float(model.values[k])
    return score


def _score_dict(model, coords):
    table = dict(zip(model.indices.tolist(), model.values.tolist(), strict=True))
    return model.bias[0] + sum(table.get(int(c), 0.0) for c in coords)


def _score_method(model, coords):
    return np.float32(model.bias[0] + model.weights_at(coords).sum())


@pytest.mark.parametrize("func", [_score_searchsorted, _score_dict, _score_method])
def test_house_score_accepts_every_correct_form(func):
    feedback = check_house_score.grade(func)
    assert feedback.passed, feedback.message


@pytest.mark.parametrize(
    ("func", "hint"),
    [
        (lambda m, c: _score_searchsorted(m, c) - float(m.bias[0]), "add the bias"),
        (lambda m, c: 1 / (1 + np.exp(-_score_searchsorted(m, c))), "probability"),
        (lambda m, c: float(m.bias[0]) + sum(float(m.values[k]) for k in c
                                             if k < m.values.size), "values[k] belongs"),
        (lambda m, c: _score_searchsorted(m, c) + 1.0, "constant you add is"),
        (lambda m, c: _score_searchsorted(m, c) + float(c[0] == 1), "weight 0"),
        (lambda m, c: "high", "one number"),
    ],
)
def test_house_score_rejects_typical_mistakes(func, hint):
    feedback = check_house_score.grade(func)
    assert not feedback.passed
    assert hint in feedback.message


def test_house_score_reports_a_crash_in_learner_code(capsys):
    def crashes_on_absent(model, coords):
        table = dict(zip(model.indices.tolist(), model.values.tolist(), strict=True))
        return model.bias[0] + sum(table[int(c)] for c in coords)  # KeyError when absent

    check_house_score(crashes_on_absent)
    out = capsys.readouterr().out
    assert out.startswith(TRY_AGAIN) and "KeyError" in out


# ----------------------------------------------------------------------------- challenge


def _val(seed: int = 0) -> WideData:
    rng = np.random.default_rng(seed)
    i = rng.integers(0, 10_800, 400)
    j = rng.integers(0, 21_600, 400)
    y = (i % 2 == 0)
    return WideData.from_buckets(i, j, 10_800, 21_600, y)


def _train() -> WideData:
    return _val(seed=1)


@pytest.fixture(autouse=True)
def small_notebook_data(monkeypatch):
    """The challenge checks compare fingerprints with notebook 07's data; here a small
    stand-in plays its part (the real data is used in test_checks_mutations.py)."""
    both = WideData(np.vstack([_train().indices, _val().indices]),
                    np.concatenate([_train().y, _val().y]), 10_800, 21_600)
    prints = {"train": fingerprint(_train()), "val": fingerprint(_val()),
              "data": fingerprint(both)}
    monkeypatch.setattr(wide_lab, "_FINGERPRINTS", prints)
    monkeypatch.setattr(wide_lab, "_rebuilt_fingerprints", lambda: prints)
    # every latitude and longitude bucket counts as touched by the stand-in's `train`
    monkeypatch.setattr(wide_lab, "_train_coordinates", lambda: np.arange(10_800 + 21_600))


def _model_with(nnz: int, val: WideData, strength: float) -> WideModel:
    """A model that puts +-strength on latitude buckets (which decide the label in _val)."""
    lat = np.arange(10_800)
    values = np.where(lat % 2 == 0, strength, -strength).astype(np.float32)
    # the first nnz weights are informative, the rest pad the count on longitude buckets
    informative = min(nnz, 10_800)
    idx = lat[:informative]
    vals = values[:informative]
    if nnz > informative:
        idx = np.concatenate([idx, 10_800 + np.arange(nnz - informative)])
        vals = np.concatenate([vals, np.full(nnz - informative, 1e-3, np.float32)])
    return WideModel(idx.astype(np.int32), vals, np.zeros(1), n_lat=10_800, n_lon=21_600,
                     extra={"data_fingerprint": fingerprint(_train())})


def test_challenge_passes_a_small_accurate_model():
    val = _val()
    model = _model_with(wide_lab.MAX_NONZEROS - 1, val, strength=3.0)
    assert evaluate(model, val).log_loss < wide_lab.MAX_LOG_LOSS
    feedback = check_challenge.grade(model, val)
    assert feedback.passed, feedback.message
    assert str(feedback).startswith(PASS)


def test_challenge_says_which_target_is_missed_and_by_how_much():
    val = _val()
    too_big = _model_with(wide_lab.MAX_NONZEROS + 100, val, strength=3.0)
    msg = check_challenge.grade(too_big, val).message
    assert "101 too many" in msg and "loss" in msg and "raise l1" in msg

    too_weak = _model_with(wide_lab.MAX_NONZEROS - 1, val, strength=0.05)
    loss = evaluate(too_weak, val).log_loss
    msg = check_challenge.grade(too_weak, val).message
    assert f"{loss - wide_lab.MAX_LOG_LOSS:.4f} above" in msg and "lower l1" in msg

    both = _model_with(wide_lab.MAX_NONZEROS, val, strength=0.05)
    msg = check_challenge.grade(both, val).message
    assert "1 too many" in msg and "above" in msg and "Both" in msg


def test_challenge_is_strict_at_the_boundary():
    val = _val()
    assert not check_challenge.grade(_model_with(wide_lab.MAX_NONZEROS, val, 3.0), val).passed


def test_stretch_wants_fewer_weights_for_the_same_loss():
    val = _val()
    between = _model_with(wide_lab.STRETCH_NONZEROS, val, strength=3.0)
    assert check_challenge.grade(between, val).passed  # enough for the challenge ...
    msg = check_stretch.grade(between, val).message     # ... one too many for the stretch
    assert not check_stretch.grade(between, val).passed and "1 too many" in msg
    assert check_stretch.grade(_model_with(wide_lab.STRETCH_NONZEROS - 1, val, 3.0), val).passed
    weak = _model_with(100, val, strength=0.05)  # one pass (no epochs recorded): use passes
    assert "epochs=2" in check_stretch.grade(weak, val).message
    big_weak = _model_with(wide_lab.STRETCH_NONZEROS + 10, val, strength=0.05)
    assert "epochs=2" in check_stretch.grade(big_weak, val).message  # both missed, one pass
    weak.extra["epochs"] = 2  # already two passes: do not tell them to add passes first
    msg = check_stretch.grade(weak, val).message
    assert "With 2 passes" in msg and "lower l1" in msg and "epochs=2" not in msg


def test_challenge_rejects_wrong_objects_without_raising(capsys):
    val = _val()

    class Result:
        model = None

    for answer, hint in ((Result(), "add .model"), ("model", "WideModel")):
        check_challenge(answer, val)
        out = capsys.readouterr().out
        assert out.startswith(TRY_AGAIN) and hint in out
    check_challenge(..., val)
    assert capsys.readouterr().out.startswith(NOT_ATTEMPTED)
    coarse = WideModel(np.array([], np.int32), np.array([], np.float32), np.zeros(1), 180, 360)
    check_challenge(coarse, val)
    assert "minute resolution" in capsys.readouterr().out
    model = _model_with(10, val, 3.0)
    check_challenge(model, "validation")
    assert "validation data" in capsys.readouterr().out


def test_house_score_catches_searchsorted_without_a_bounds_check(capsys):
    def naive(model, coords):
        pos = np.searchsorted(model.indices, coords)
        hit = model.indices[pos] == coords  # IndexError past the last stored index
        return float(model.bias[0] + model.values[pos][hit].sum())

    check_house_score(naive)
    out = capsys.readouterr().out
    assert out.startswith(TRY_AGAIN)
    assert "IndexError" in out and "[2, 6, 30]" in out.replace(" ", "").replace(",", ", ")


def test_house_score_reading_values_by_coordinate_gets_the_positional_hint(capsys):
    def by_coordinate(model, coords):  # values[c]: IndexError on the very first house
        return float(model.bias[0] + sum(model.values[c] for c in coords))

    check_house_score(by_coordinate)
    out = capsys.readouterr().out
    assert out.startswith(TRY_AGAIN) and "values[k] belongs to coordinate indices[k]" in out


def test_ftrl_weights_without_the_absolute_value_is_named():
    def no_abs(z, n, l1, l2, alpha, beta):
        shrunk = -(z - np.sign(z) * l1) / ((beta + np.sqrt(n)) / alpha + l2)
        return np.where(z <= l1, 0.0, shrunk)

    fb = check_ftrl_weights.grade(no_abs)
    assert not fb.passed and "compare np.abs(z) with l1" in fb.message


def test_house_score_other_index_errors_do_not_get_the_positional_hint(capsys):
    for wrong in (lambda model, coords: float(model.bias[1]),
                  lambda model, coords: float(model.bias[0]) + 0 * coords[3]):
        check_house_score(wrong)
        out = capsys.readouterr().out
        assert out.startswith(TRY_AGAIN) and "IndexError" in out
        assert "values[k] belongs" not in out


def test_challenge_names_nan_weights_instead_of_an_internal_error():
    val = _val()
    model = _model_with(100, val, strength=3.0)
    model.values[:] = np.nan
    message = check_challenge.verdict(model, val).message
    assert "NaN or inf" in message and "ValueError" not in message


# ----------------------------------------------------------------------------- predictions

PREDICTIONS = {
    # check: (right answers in several spellings, [(wrong answer, words of its reason)])
    wide_lab.check_fewest_houses: (
        [4, 4.0, np.int64(4), [4], np.array([4.0])],
        [(1, "1 house can gather |z| <= 1"), (3, "3 houses can gather |z| <= 3"),
         (5, "Four houses can already"), (0, "no house"), (3.5, "whole number"),
         ("four", "Give one whole number")]),
    wide_lab.check_more_passes: (
        ["falls", "Fall", "goes down", ["falls"]],
        [("rises", "has not"), ("stays", "keep moving"), ("maybe", "answer with one of")]),
    wide_lab.check_first_to_go: (
        ["cells", "crossed cells", "Cross", np.str_("cell")],
        [("latitude", "every house at that latitude"), ("lon", "every house at that longitude"),
         (3, "answer with one of")]),
}
RIGHT_PREDICTIONS = [(c, a) for c, (rights, _) in PREDICTIONS.items() for a in rights]
WRONG_PREDICTIONS = [(c, a, w) for c, (_, wrongs) in PREDICTIONS.items() for a, w in wrongs]


@pytest.mark.parametrize(("check", "answer"), RIGHT_PREDICTIONS)
def test_a_prediction_accepts_the_right_answer_in_any_spelling(check, answer):
    feedback = check.verdict(answer)
    assert feedback.passed, feedback.message


@pytest.mark.parametrize(("check", "answer", "words"), WRONG_PREDICTIONS)
def test_a_wrong_prediction_is_told_why_it_is_wrong(check, answer, words):
    feedback = check.verdict(answer)
    assert not feedback.passed and feedback.attempted
    assert words in feedback.message, feedback.message


@pytest.mark.parametrize("check", list(PREDICTIONS))
def test_an_unanswered_prediction_says_so(check, capsys):
    check(...)
    assert capsys.readouterr().out.startswith(NOT_ATTEMPTED)


def test_the_predictions_truths_are_what_the_notebook_computes():
    # The notebook prints these (nbval compares them); here from a small world, the same
    # reasoning: in one pass |z| <= houses in the cell, so no cell with <= l1 houses keeps
    # a weight, and a band gathers more houses than any of its cells.
    from lessonlib.wide import train_ftrl

    rng = np.random.default_rng(3)
    i, j = rng.integers(0, 30, 20_000), rng.integers(0, 40, 20_000)
    data = WideData.from_buckets(i, j, 30, 40, (np.sin(i * j) + rng.normal(0, 0.3, i.size)) > 0)
    model = train_ftrl(data, l1=3.0, progress=False).model
    cells = model.indices[model.indices >= 70]
    ids, counts = np.unique(data.indices[:, 2], return_counts=True)
    assert counts[np.searchsorted(ids, cells)].min() > 3
    assert wide_lab.FEWEST_HOUSES_KEPT == 4
