"""Checks for notebook 07, the wide-model lab: FTRL weights, a sparse model, the challenge."""

from __future__ import annotations

import functools
import math
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
    learner_choice,
    learner_number,
    learner_numbers,
    preview,
)
from lessonlib.wide import WideData, WideModel, evaluate, fingerprint, ftrl_weights

#: The challenge: fewer than this many non-zero weights ...
MAX_NONZEROS = 5_000
#: ... and a validation log loss below this.
MAX_LOG_LOSS = 0.575
#: The stretch goal: the same loss with fewer weights still, out of reach in one pass.
STRETCH_NONZEROS = 3_600

_CROSS = wide.cross_dimension(10_800, 21_600)  # 233,280,000 crossed cells at minute resolution

#: How notebook 07 makes its data: ``houses(1_250_000, seed=0)``, encoded, then
#: ``data.split(validation=0.2, seed=0)`` into ``train`` and ``val``.
NOTEBOOK_DATA = {"houses": 1_250_000, "seed": 0, "validation": 0.2, "split_seed": 0}
#: The fingerprints (:func:`lessonlib.wide.fingerprint`) of that data, so that a
#: check need not rebuild it; where they differ (another NumPy), it is rebuilt once.
_FINGERPRINTS = {
    "train": "1000000:10800x21600:bdf56945a02cb1dc",
    "val": "250000:10800x21600:1934b48a31e7424c",
    "data": "1250000:10800x21600:d72a1dcfd213f428",
}


@functools.lru_cache(maxsize=1)
def _rebuilt() -> tuple[dict[str, str], np.ndarray]:
    """The fingerprints of notebook 07's data and the sorted coordinates its ``train``
    touches, rebuilt here (about 4 s, once per kernel)."""
    from lessonlib.wide import encode
    from lessonlib.world import houses

    world = houses(NOTEBOOK_DATA["houses"], seed=NOTEBOOK_DATA["seed"])
    data = encode(world.lat, world.lon, world.expensive)
    del world
    train, val = data.split(validation=NOTEBOOK_DATA["validation"],
                            seed=NOTEBOOK_DATA["split_seed"])
    prints = {"train": fingerprint(train), "val": fingerprint(val), "data": fingerprint(data)}
    return prints, np.unique(train.indices)


def _rebuilt_fingerprints() -> dict[str, str]:
    """The fingerprints of notebook 07's data, rebuilt here (once per kernel)."""
    return _rebuilt()[0]


def _train_coordinates() -> np.ndarray:
    """The sorted coordinates the notebook's ``train`` touches (rebuilt once per kernel)."""
    return _rebuilt()[1]


def _untouched_weights(model: WideModel) -> Feedback | None:
    """A hint if ``model`` cannot have learned from the notebook's ``train`` alone, whatever
    its recorded fingerprint says: a weight on a coordinate ``train`` never touches (FTRL
    leaves those at exactly 0), or a count of touched coordinates that is not ``train``'s."""
    touched = _train_coordinates()
    touched_count = int(touched.size)
    if model.n_touched and model.n_touched != touched_count:
        return Feedback.hint(f"the model touched {model.n_touched:,} coordinates in training; "
                             f"the notebook's `train` touches {touched_count:,}. Train it "
                             "with `train_ftrl(train, ...)` on `train` alone.")
    if model.indices.size:
        outside = ~np.isin(np.asarray(model.indices, dtype=np.int64), touched)
        if np.any(outside):
            return Feedback.hint(
                f"{int(outside.sum()):,} of the model's non-zero weights sit on coordinates "
                "that no house in the notebook's `train` touches, so it learned from other "
                "houses too. Train it with `train_ftrl(train, ...)` on `train` alone.")
    return None


def _is_notebooks(kind: str, print_: str) -> bool:
    """Is ``print_`` the fingerprint of the notebook's ``train``, ``val`` or whole ``data``?"""
    return print_ == _FINGERPRINTS[kind] or print_ == _rebuilt_fingerprints()[kind]


def _houses(print_: str) -> int:
    return int(print_.split(":")[0])


def _provenance(model: WideModel, validation: WideData) -> Feedback | None:
    """A hint if ``validation`` is not the notebook's ``val`` or ``model`` did not learn from
    exactly the notebook's ``train``; None if both are right."""
    val_print = fingerprint(validation)
    if not _is_notebooks("val", val_print):
        n_val = _houses(_FINGERPRINTS["val"])
        if _is_notebooks("train", val_print):
            return Feedback.hint("the second argument is the training data. Pass the validation "
                                 "set, `val`: a model scored on the houses it learned from looks "
                                 "better than it is.")
        if len(validation) < n_val:
            return Feedback.hint(f"your validation set has {len(validation):,} houses; the "
                                 f"notebook's `val` has {n_val:,}. Pass `val` itself, whole: "
                                 "the targets are set for all of it.")
        return Feedback.hint("the second argument is not the notebook's validation set. Pass "
                             "`val`, made by `data.split(validation=0.2, seed=0)`.")
    model_print = model.extra.get("data_fingerprint")
    if not isinstance(model_print, str):
        return Feedback.hint("this model does not say which data it learned from. Train it "
                             "with `train_ftrl(train, ...)` and pass its `.model`.")
    if _is_notebooks("train", model_print):
        return _untouched_weights(model)
    if _is_notebooks("data", model_print):
        return Feedback.hint("the model learned from the training *and* the validation houses "
                             "(all 1,250,000). Then the validation loss measures memory, not "
                             "prediction. Train on `train` only.")
    if _is_notebooks("val", model_print):
        return Feedback.hint("the model learned from the validation set. Train on `train`, and "
                             "keep `val` for scoring.")
    return Feedback.hint(f"the model learned from {_houses(model_print):,} houses that are not "
                         f"the notebook's `train` ({_houses(_FINGERPRINTS['train']):,} houses). "
                         "Train it with `train_ftrl(train, ...)`.")


_FTRL_CASES = (
    # z, n, l1, l2, alpha, beta: |z| below, at and above l1, both signs, n = 0 included
    (np.array([-3.0, -1.0, -0.4, 0.0, 0.7, 1.0, 2.5, 10.0]),
     np.array([4.0, 1.0, 0.0, 9.0, 2.0, 16.0, 0.0, 25.0]), 1.0, 0.0, 0.5, 1.0),
    (np.array([-6.0, -2.0, 1.5, 2.0, 4.0, 8.0]),
     np.array([1.0, 0.0, 4.0, 9.0, 36.0, 2.0]), 2.0, 0.5, 1.0, 1.0),
    (np.array([0.3, -0.6, 0.5, -5.0, 1.2]),
     np.array([1.0, 4.0, 0.25, 100.0, 9.0]), 0.5, 1.0, 0.25, 2.0),
)


class _WrongLength(Exception):
    """The learner's vectorised function returned the wrong number of weights."""


def _call_vectorised_or_scalar(func, z, n, l1, l2, alpha, beta):
    """Call with arrays; if the learner's function only takes numbers, call it per element.

    Every call gets fresh copies (see :func:`call_learner`).
    """
    vector_shape = None
    try:
        raw = call_learner(func, z, n, l1, l2, alpha, beta)
        if raw is None:
            return None, True
        out = learner_numbers(raw, "what ftrl_weights returned")
        if out.shape == z.shape:
            return out, True
        vector_shape = out.shape
    except LearnerCodeError as exc:
        if any(word in str(exc) for word in ("complex", "masked", "too large", "NaN or inf",
                                             "still running", "you stopped")):
            raise  # the same answer one number at a time would only say it again
    out = []
    for zi, ni in zip(z.tolist(), n.tolist(), strict=True):
        try:
            out.append(learner_number(call_learner(func, zi, ni, l1, l2, alpha, beta),
                                      f"ftrl_weights({zi:g}, {ni:g}, ...)"))
        except LearnerCodeError:
            if vector_shape is not None:
                raise _WrongLength(f"for {z.size} values of z your function returned "
                                   f"{int(np.prod(vector_shape)):,} weights (shape "
                                   f"{vector_shape}); return one weight per coordinate, an "
                                   "array shaped like z.") from None
            raise
    return np.array(out, dtype=float), False


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
        try:
            got, vec = _call_vectorised_or_scalar(func, z, n, l1, l2, alpha, beta)
        except _WrongLength as exc:
            return Feedback.hint(str(exc))
        if got is None:
            return Feedback(False, "ftrl_weights returned None: replace the `...` with your "
                            "code and `return` the weights.", attempted=False)
        vectorised &= vec
        want = ftrl_weights(z, n, l1, l2, alpha, beta)
        if not np.all(np.isfinite(got)):
            return Feedback.hint(f"for z = {z.tolist()} your weights contain NaN or inf: "
                                 f"{np.round(got, 4).tolist()}.")
        if np.allclose(got, want, rtol=1e-6, atol=1e-12) and np.all((want == 0) == (got == 0)):
            continue
        inside = np.abs(z) <= l1
        where = f"with l1 = {l1:g}, l2 = {l2:g}, alpha = {alpha:g}, beta = {beta:g}"
        den = (beta + np.sqrt(n)) / alpha + l2
        if np.allclose(got[inside], 0.0, atol=1e-9) and np.any(got[inside] != 0):
            return Feedback.hint(f"{where}: the weights with |z| <= l1 are tiny but not exactly "
                                 "0; set them to 0.0 (np.where), so they need not be stored.")
        if np.allclose(got[~inside], want[~inside], rtol=1e-6) and not np.allclose(
                got[inside], 0.0):
            return Feedback.hint(f"{where}: for z = {z[inside].tolist()} (|z| <= l1) the weight "
                                 "must be exactly 0; that rule is what makes FTRL sparse.")
        if np.allclose(got, -want, rtol=1e-6):
            return Feedback.hint(f"{where}: your weights have the wrong sign; w has the "
                                 "opposite sign of z (note the minus in front).")
        if np.allclose(got[~inside], (-(z + np.sign(z) * l1) / den)[~inside], rtol=1e-6):
            return Feedback.hint(f"{where}: l1 should pull z towards 0: z - sign(z) * l1.")
        if np.allclose(got[~inside], (-(z - l1) / den)[~inside], rtol=1e-6):
            return Feedback.hint(f"{where}: for negative z the shrinkage is z + l1; use "
                                 "z - np.sign(z) * l1.")
        if np.allclose(got[~inside], (-(z - np.sign(z) * l1) / ((beta + np.sqrt(n)) / alpha)
                                      )[~inside], rtol=1e-6) and l2 > 0:
            return Feedback.hint(f"{where}: l2 is missing; the denominator is "
                                 "(beta + sqrt(n)) / alpha + l2.")
        if np.allclose(got, np.where(z <= l1, 0.0, want), rtol=1e-6):
            return Feedback.hint(f"{where}: the weights for z = {z[z < -l1].tolist()} came out 0, "
                                 "but they are outside the toll: compare np.abs(z) with l1, "
                                 "not z itself.")
        return Feedback.hint(f"{where}, z = {z.tolist()}, n = {n.tolist()}: expected "
                             f"{np.round(want, 4).tolist()}, got {preview(np.round(got, 4))}.")
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
    for model, houses in _probe_models():
        verdict = _grade_house_score(func, model, houses)
        if verdict is not None:
            return verdict
    return Feedback.ok("A coordinate that is not stored costs nothing to read: its weight is 0.")


def _probe_models() -> list[tuple[WideModel, list[np.ndarray]]]:
    """The probe model, and a second one with another bias and int64 indices."""
    first = _probe_model()
    model = WideModel(np.array([0, 3, 7, 33, 40], dtype=np.int64),
                      np.array([-0.125, 3.0, 0.5, -2.25, 1.0], dtype=np.float32),
                      np.array([0.8]), n_lat=5, n_lon=6)  # 5 + 6 + 30 = 41 coordinates
    houses = [np.array([0, 7, 40]), np.array([3, 5, 33]), np.array([1, 2, 39])]
    return [first, (model, houses)]


def _grade_house_score(func: object, model: WideModel, houses: list[np.ndarray]
                       ) -> Feedback | None:
    lookup = dict(zip(model.indices.tolist(), model.values.astype(float).tolist(), strict=True))
    bias = float(model.bias[0])
    for coords in houses:
        expected = bias + sum(lookup.get(int(c), 0.0) for c in coords)
        try:
            got = call_learner(func, model, coords)  # fresh copies of both
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
        try:
            x = learner_number(got, f"what your function returned for {coords.tolist()}")
        except LearnerCodeError as exc:
            return Feedback.hint(f"{exc}. house_score should return one number, the score.")
        if abs(x - expected) <= 1e-5 * max(1.0, abs(expected)):
            continue
        where = f"for coordinates {coords.tolist()} you returned {x:.4g}, expected {expected:.4g}"
        if abs(x - (expected - bias)) < 1e-5:
            return Feedback.hint(f"{where}: add the bias, model.bias[0].")
        if len(houses) > 1:
            # The weights are summed right but the bias is not this model's: a number was
            # written in (the notebook's bias) where model.bias[0] belongs.
            offsets = []
            for other in houses:
                try:
                    y = learner_number(call_learner(func, model, other), "house_score")
                except LearnerCodeError:
                    break
                offsets.append(y - sum(lookup.get(int(c), 0.0) for c in other))
            if len(offsets) == len(houses) and max(offsets) - min(offsets) < 1e-5:
                return Feedback.hint(f"{where}: the weights add up right, but the constant you "
                                     f"add is {offsets[0]:.4g} where this model's bias is "
                                     f"{bias:g}. Add model.bias[0] itself, not a fixed number.")
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
    return None


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
    if len(validation) == 0:
        return Feedback.hint("the validation set is empty; pass the notebook's `val`.")
    if not (np.all(np.isfinite(model.values)) and np.all(np.isfinite(model.bias))):
        return Feedback.hint("the model's weights or bias hold NaN or inf, which training never "
                             "gives. Train it again with `train_ftrl(train, ...)` and pass its "
                             "`.model` unchanged.")
    wrong_data = _provenance(model, validation)
    if wrong_data is not None:
        return wrong_data
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
    which target is missed and by how much. It first makes sure that ``validation`` is the
    notebook's ``val`` and that the model learned from the notebook's ``train`` alone (by
    their fingerprints, :func:`lessonlib.wide.fingerprint`).

    Examples
    --------
    >>> m = WideModel(np.array([], np.int32), np.array([], np.float32), np.zeros(1),
    ...               n_lat=10_800, n_lon=21_600)
    >>> d = WideData.from_buckets(np.array([0, 1]), np.array([0, 1]), 10_800, 21_600, [1, 0])
    >>> print(check_challenge.grade(m, d).message)  # doctest: +ELLIPSIS
    your validation set has 2 houses; the notebook's `val` has 250,000. Pass `val` itself, ...
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


# --------------------------------------------------------------------------- predictions
# What notebook 07 computes and prints right after each prediction (nbval compares those
# printed numbers, so a change of data or trainer that moves an answer fails there first).

#: Fewest training houses in a crossed cell that keeps a weight at l1 = 3 (one pass).
FEWEST_HOUSES_KEPT = 4






_KEPT_HINT = ("at l1 = 3 a cell keeps a weight only when |z| > 3, and in one pass |z| is at "
              "most the number of houses in the cell (each adds a gradient p - y between -1 "
              "and 1)")


@exercise
def check_fewest_houses(answer: object) -> Feedback:
    """Predict the fewest training houses in a crossed cell that keeps a weight at l1 = 3.

    Examples
    --------
    >>> check_fewest_houses.grade(4).passed, check_fewest_houses.grade(1).passed
    (True, False)
    """
    try:
        got = learner_numbers(answer, "your answer")
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Give one whole number of houses.")
    if got.size != 1 or not float(got.ravel()[0]).is_integer():
        return Feedback.hint("give one whole number: a count of houses.")
    k = int(got.ravel()[0])
    if k == FEWEST_HOUSES_KEPT:
        return Feedback.ok("Three houses add up to |z| <= 3 at most, inside the toll; four can "
                           "pay it if they mostly agree. Run the next cell to see it counted.")
    if k < 1:
        return Feedback.hint("a cell with no house gets no gradient at all: its weight stays "
                             "exactly 0. Count houses in cells that *keep* a weight.")
    if k < FEWEST_HOUSES_KEPT:
        return Feedback.hint(f"{_KEPT_HINT}. So {k} house{'s' if k > 1 else ''} can gather "
                             f"|z| <= {k}, never more than 3.")
    return Feedback.hint(f"{_KEPT_HINT}. Four houses can already reach |z| near 4 when their "
                         "labels agree, and among tens of thousands of cells with four houses "
                         "some do.")


_PASS_ALIASES = {"falls": "falls", "fall": "falls", "goes down": "falls", "down": "falls",
                 "lower": "falls", "decreases": "falls",
                 "stays": "stays", "stay": "stays", "stays the same": "stays", "same": "stays",
                 "rises": "rises", "rise": "rises", "goes up": "rises", "up": "rises",
                 "higher": "rises", "increases": "rises"}


@exercise
def check_more_passes(answer: object) -> Feedback:
    """Predict how the validation loss of the l1 = 0 model moves with more passes (it falls).

    Examples
    --------
    >>> check_more_passes.grade("falls").passed, check_more_passes.grade("rises").passed
    (True, False)
    """
    choice = learner_choice(answer, _PASS_ALIASES)
    if isinstance(choice, Feedback):
        return choice
    if choice == "falls":
        return Feedback.ok("After one pass the model is still held back: a weight seen once "
                           "took one small step. Run the next cell for the numbers.")
    if choice == "rises":
        return Feedback.hint("a rise would mean one pass had already fitted the training houses "
                             "closely. It has not: a cell seen by one house took one step of "
                             "size alpha / (beta + |g|), so its weight is below 0.5 in size. "
                             "Another pass lets it grow; does that fit the data better?")
    return Feedback.hint("each pass adds the houses' gradients to z again, so the weights keep "
                         "moving; they do not stop after one pass. Which way does that move "
                         "the validation loss, when one pass left every weight small?")


_FIRST_ALIASES = {"cells": "cells", "cell": "cells", "crossed cells": "cells",
                  "crossed cell": "cells", "cross": "cells", "crosses": "cells",
                  "latitude": "latitude", "lat": "latitude", "latitude buckets": "latitude",
                  "latitude bands": "latitude",
                  "longitude": "longitude", "lon": "longitude", "longitude buckets": "longitude",
                  "longitude bands": "longitude"}


@exercise
def check_first_to_go(answer: object) -> Feedback:
    """Predict which feature's weights L1 removes first as l1 grows (the crossed cells).

    Examples
    --------
    >>> check_first_to_go.grade("cells").passed, check_first_to_go.grade("lat").passed
    (True, False)
    """
    choice = learner_choice(answer, _FIRST_ALIASES)
    if isinstance(choice, Feedback):
        return choice
    if choice == "cells":
        return Feedback.ok("A cell's |z| is bounded by its few houses; a band collects every "
                           "house at its latitude or longitude. Run the next cell.")
    return Feedback.hint(f"a {choice} bucket is a band right round the globe: it collects every "
                         "house at that " + choice + ", thousands of them, and its |z| can grow "
                         "large. Which feature has the fewest houses per weight?")
