"""Checks for notebook 07, the wide-model lab: FTRL weights, a sparse model, the challenge."""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable

import numpy as np

from lessonlib import wide
from lessonlib.checks.core import (
    Feedback,
    LearnerCodeError,
    call_learner,
    exercise,
    is_unanswered,
)
from lessonlib.wide_model import WideData, WideModel, evaluate

#: The challenge: fewer than this many non-zero weights ...
MAX_NONZEROS = 5_000
#: ... and a validation log loss below this.
MAX_LOG_LOSS = 0.575
#: The stretch goal: the same loss with fewer weights still, out of reach in one pass.
STRETCH_NONZEROS = 3_600

_CROSS = wide.cross_dimension(10_800, 21_600)  # 233,280,000 crossed cells at minute resolution


def _as_number(answer: object) -> float | None:
    if isinstance(answer, bool) or not isinstance(answer, (numbers.Real, np.generic)):
        return None
    x = float(answer)  # type: ignore[arg-type]
    return x if math.isfinite(x) else None


def _reference_weights(z, n, l1, l2, alpha, beta):
    w = -(z - np.sign(z) * l1) / ((beta + np.sqrt(n)) / alpha + l2)
    return np.where(np.abs(z) <= l1, 0.0, w)


_FTRL_CASES = (
    # z, n, l1, l2, alpha, beta: |z| below, at and above l1, both signs, n = 0 included
    (np.array([-3.0, -1.0, -0.4, 0.0, 0.7, 1.0, 2.5, 10.0]),
     np.array([4.0, 1.0, 0.0, 9.0, 2.0, 16.0, 0.0, 25.0]), 1.0, 0.0, 0.5, 1.0),
    (np.array([-6.0, -2.0, 1.5, 2.0, 4.0, 8.0]),
     np.array([1.0, 0.0, 4.0, 9.0, 36.0, 2.0]), 2.0, 0.5, 1.0, 1.0),
)


def _call_vectorised_or_scalar(func, z, n, l1, l2, alpha, beta):
    """Call with arrays; if the learner's function only takes numbers, call it per element."""
    try:
        raw = call_learner(func, z.copy(), n.copy(), l1, l2, alpha, beta)
        if raw is None:
            return None, True
        out = np.asarray(raw, dtype=float)
        if out.shape == z.shape:
            return out, True
    except (LearnerCodeError, TypeError, ValueError):
        pass
    out = [call_learner(func, float(zi), float(ni), l1, l2, alpha, beta)
           for zi, ni in zip(z, n, strict=True)]
    return np.asarray(out, dtype=float).reshape(z.shape), False


@exercise
def check_ftrl_weights(func: object) -> Feedback:
    """Grade ``func(z, n, l1, l2, alpha, beta)``: FTRL-Proximal's weights from its state.

    Vectorised answers (NumPy arrays in, an array out) and one-number-at-a-time answers
    both pass; zeroed weights must be *exactly* 0.

    Examples
    --------
    >>> def w(z, n, l1, l2, alpha, beta):
    ...     shrunk = -(z - np.sign(z) * l1) / ((beta + np.sqrt(n)) / alpha + l2)
    ...     return np.where(np.abs(z) <= l1, 0.0, shrunk)
    >>> check_ftrl_weights(w)
    ✅ Correct. Every coordinate with |z| <= l1 gets a weight of exactly 0: not stored.
    """
    if not callable(func):
        return Feedback.hint("ftrl_weights should be a function: "
                             "`def ftrl_weights(z, n, l1, l2, alpha, beta): ...`.")
    vectorised = True
    for z, n, l1, l2, alpha, beta in _FTRL_CASES:
        got, vec = _call_vectorised_or_scalar(func, z, n, l1, l2, alpha, beta)
        if got is None:
            return Feedback(False, "ftrl_weights returned None: replace the `...` with your "
                            "code and `return` the weights.", attempted=False)
        vectorised &= vec
        want = _reference_weights(z, n, l1, l2, alpha, beta)
        if not np.all(np.isfinite(got)):
            return Feedback.hint(f"for z = {z.tolist()} your weights contain NaN or inf: "
                                 f"{np.round(got, 4).tolist()}.")
        if np.allclose(got, want, rtol=1e-9, atol=1e-12) and np.all((want == 0) == (got == 0)):
            continue
        inside = np.abs(z) <= l1
        where = f"with l1 = {l1:g}, l2 = {l2:g}, alpha = {alpha:g}, beta = {beta:g}"
        den = (beta + np.sqrt(n)) / alpha + l2
        if np.allclose(got[inside], 0.0, atol=1e-9) and np.any(got[inside] != 0):
            return Feedback.hint(f"{where}: the weights with |z| <= l1 are tiny but not exactly "
                                 "0; set them to 0.0 (np.where), so they need not be stored.")
        if np.allclose(got[~inside], want[~inside], rtol=1e-9) and not np.allclose(
                got[inside], 0.0):
            return Feedback.hint(f"{where}: for z = {z[inside].tolist()} (|z| <= l1) the weight "
                                 "must be exactly 0; that rule is what makes FTRL sparse.")
        if np.allclose(got, -want, rtol=1e-9):
            return Feedback.hint(f"{where}: your weights have the wrong sign; w has the "
                                 "opposite sign of z (note the minus in front).")
        if np.allclose(got[~inside], (-(z + np.sign(z) * l1) / den)[~inside], rtol=1e-9):
            return Feedback.hint(f"{where}: l1 should pull z towards 0: z - sign(z) * l1.")
        if np.allclose(got[~inside], (-(z - l1) / den)[~inside], rtol=1e-9):
            return Feedback.hint(f"{where}: for negative z the shrinkage is z + l1; use "
                                 "z - np.sign(z) * l1.")
        if np.allclose(got[~inside], (-(z - np.sign(z) * l1) / ((beta + np.sqrt(n)) / alpha)
                                      )[~inside], rtol=1e-9) and l2 > 0:
            return Feedback.hint(f"{where}: l2 is missing; the denominator is "
                                 "(beta + sqrt(n)) / alpha + l2.")
        if np.allclose(got, np.where(z <= l1, 0.0, want), rtol=1e-9):
            return Feedback.hint(f"{where}: the weights for z = {z[z < -l1].tolist()} came out 0, "
                                 "but they are outside the toll: compare np.abs(z) with l1, "
                                 "not z itself.")
        return Feedback.hint(f"{where}, z = {z.tolist()}, n = {n.tolist()}: expected "
                             f"{np.round(want, 4).tolist()}, got {np.round(got, 4).tolist()}.")
    extra = "" if vectorised else (" (Your function works one number at a time; np.where "
                                   "would let it take whole arrays, as the trainer does.)")
    return Feedback.ok("Every coordinate with |z| <= l1 gets a weight of exactly 0: not stored."
                       + extra)


def _probe_model() -> tuple[WideModel, list[np.ndarray]]:
    """A small model with a bias, and houses whose coordinates are partly stored, partly not.

    One house reads coordinate 30, past the last stored index (25): a ``searchsorted``
    lookup without a bounds check fails there, as it would on real houses.
    """
    model = WideModel(np.array([1, 4, 9, 12, 25], dtype=np.int32),
                      np.array([0.75, -1.5, 2.0, 0.25, -0.5], dtype=np.float32),
                      np.array([-0.3]), n_lat=3, n_lon=7)
    houses = [np.array([1, 4, 12]), np.array([0, 5, 25]), np.array([2, 3, 10]),
              np.array([1, 9, 11]), np.array([0, 4, 9]), np.array([2, 6, 30])]
    return model, houses


@exercise
def check_house_score(func: object) -> Feedback:
    """Grade ``func(model, coords) -> float``: the bias plus the weights of three coordinates.

    Any correct way of reading the sparse model passes (``np.searchsorted``, a loop, a
    dictionary, ``model.weights_at``).

    Examples
    --------
    >>> def score(model, coords):
    ...     return float(model.bias[0] + model.weights_at(coords).sum())
    >>> check_house_score(score)
    ✅ Correct. A coordinate that is not stored costs nothing to read: its weight is 0.
    """
    if not callable(func):
        return Feedback.hint("house_score should be a function: "
                             "`def house_score(model, coords): ...`.")
    model, houses = _probe_model()
    lookup = dict(zip(model.indices.tolist(), model.values.astype(float).tolist(), strict=True))
    bias = float(model.bias[0])
    for coords in houses:
        expected = bias + sum(lookup.get(int(c), 0.0) for c in coords)
        try:
            got = call_learner(func, model, coords.copy())
        except LearnerCodeError as exc:
            # values[c] by coordinate: coordinate 12 is stored (at k = 3), but values has 5 entries
            hit = re.search(r"index (-?\d+) is out of bounds for axis 0 with size (\d+)",
                            str(exc))
            if (hit and int(hit[2]) == model.values.size and int(hit[1]) in coords
                    and int(hit[1]) in model.indices):
                return Feedback.hint(f"{exc}. model.values has one entry per *stored* "
                                     "coordinate: values[k] belongs to coordinate indices[k], "
                                     "not to coordinate k. Find k with "
                                     "np.searchsorted(model.indices, c) and check that "
                                     "model.indices[k] == c.")
            raise
        if got is None:
            return Feedback(False, "house_score returned None: replace the `...` with your "
                            "code and `return` the score.", attempted=False)
        x = _as_number(np.asarray(got).item() if np.size(got) == 1 else got)
        if x is None:
            return Feedback.hint(f"for coordinates {coords.tolist()} your function returned "
                                 f"{got!r:.60}; it should return one number, the score.")
        if abs(x - expected) <= 1e-5 * max(1.0, abs(expected)):
            continue
        where = f"for coordinates {coords.tolist()} you returned {x:.4g}, expected {expected:.4g}"
        if abs(x - (expected - bias)) < 1e-5:
            return Feedback.hint(f"{where}: add the bias, model.bias[0].")
        if abs(x - 1 / (1 + math.exp(-expected))) < 1e-5:
            return Feedback.hint(f"{where}: that is the probability; return the score "
                                 "(log-odds) before the sigmoid.")
        positional = bias + sum(float(model.values[int(c)]) for c in coords
                                if 0 <= int(c) < model.values.size)
        if abs(x - positional) < 1e-5:
            return Feedback.hint(f"{where}: values[k] belongs to coordinate indices[k], not "
                                 "to coordinate k; find k with np.searchsorted(model.indices, c) "
                                 "and check that model.indices[k] == c.")
        return Feedback.hint(f"{where}. A coordinate that is not in model.indices has "
                             "weight 0; look up each of the three.")
    return Feedback.ok("A coordinate that is not stored costs nothing to read: its weight is 0.")


def _grade_targets(model: object, validation: object, max_nonzeros: int,
                   advice: Callable[[WideModel, bool, bool], str | None]) -> Feedback:
    """Fewer than ``max_nonzeros`` weights and a validation log loss below ``MAX_LOG_LOSS``?"""
    if is_unanswered(model):
        return Feedback.unanswered("your trained model (train_ftrl(...).model)")
    if not isinstance(model, WideModel):
        hint = (" It looks like the whole training result: add .model."
                if hasattr(model, "model") else "")
        return Feedback.hint(f"the model should be a WideModel, got {type(model).__name__}.{hint}")
    if not isinstance(validation, WideData):
        return Feedback.hint("pass the validation data (a WideData) as the second argument.")
    if (model.n_lat, model.n_lon) != (10_800, 21_600):
        return Feedback.hint(f"the challenge is at minute resolution (10,800 x 21,600 buckets); "
                             f"this model uses {model.n_lat:,} x {model.n_lon:,}.")
    loss = evaluate(model, validation).log_loss
    nnz = model.nnz
    size_ok = nnz < max_nonzeros
    loss_ok = loss < MAX_LOG_LOSS
    size_text = (f"{nnz:,} non-zeros is within the target" if size_ok else
                 f"{nnz:,} non-zeros is {nnz - max_nonzeros + 1:,} too many (target: fewer "
                 f"than {max_nonzeros:,})")
    loss_text = (f"validation log loss {loss:.4f} is within the target" if loss_ok else
                 f"validation log loss {loss:.4f} is {loss - MAX_LOG_LOSS:.4f} above "
                 f"{MAX_LOG_LOSS}")
    if size_ok and loss_ok:
        return Feedback.ok(f"{nnz:,} non-zeros ({wide.format_bytes(model.nbytes)}) and "
                           f"validation log loss {loss:.4f}: both targets met.")
    special = advice(model, size_ok, loss_ok)
    if special:
        tip = special
    elif not size_ok and not loss_ok:
        tip = "Both are missed: start from the sweep's best trade-off and move from there."
    elif not size_ok:
        tip = "Too many weights: raise l1."
    else:
        tip = "The loss is too high: lower l1 a little."
    return Feedback.hint(f"{size_text}; {loss_text}. {tip}")


def _challenge_advice(model: WideModel, size_ok: bool, loss_ok: bool) -> str | None:
    if size_ok and not loss_ok:
        return ("The loss is too high: lower l1 a little. (More passes, `epochs=2`, gather "
                "more evidence per weight; raise l1 with them, or the model grows.)")
    return None


def _stretch_advice(model: WideModel, size_ok: bool, loss_ok: bool) -> str | None:
    passes = int(model.extra.get("epochs", 1))
    if passes == 1:
        return ("In one pass we found no l1 that meets both targets: let FTRL see the data "
                "again (`epochs=2`, with roughly twice the l1, since a second pass roughly "
                "doubles the evidence gathered in every z).")
    if size_ok and not loss_ok:
        return f"With {passes} passes the loss is too high: lower l1 a little, or add a pass."
    return None


@exercise
def check_challenge(model: object, validation: object) -> Feedback:
    """Grade the challenge: fewer than ``MAX_NONZEROS`` weights and log loss below ``MAX_LOG_LOSS``.

    The check counts the non-zeros and computes the validation log loss itself, and says
    which target is missed and by how much.

    Examples
    --------
    >>> m = WideModel(np.array([], np.int32), np.array([], np.float32), np.zeros(1),
    ...               n_lat=10_800, n_lon=21_600)
    >>> d = WideData.from_buckets(np.array([0, 1]), np.array([0, 1]), 10_800, 21_600, [1, 0])
    >>> print(check_challenge.grade(m, d).message)  # doctest: +ELLIPSIS
    0 non-zeros is within the target; validation log loss 0.6931 is 0.1181 above 0.575...
    """
    return _grade_targets(model, validation, MAX_NONZEROS, _challenge_advice)


@exercise
def check_stretch(model: object, validation: object) -> Feedback:
    """Grade the stretch goal: fewer than ``STRETCH_NONZEROS`` weights, the same loss target.

    Examples
    --------
    >>> m = WideModel(np.array([], np.int32), np.array([], np.float32), np.zeros(1),
    ...               n_lat=10_800, n_lon=21_600)
    >>> d = WideData.from_buckets(np.array([0, 1]), np.array([0, 1]), 10_800, 21_600, [1, 0])
    >>> check_stretch.grade(m, d).passed
    False
    """
    return _grade_targets(model, validation, STRETCH_NONZEROS, _stretch_advice)
