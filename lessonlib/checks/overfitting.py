"""Checks for notebook 06, "Sparsity against over-fitting".

Each ``check_xxx`` prints a pass or a specific hint and never raises; its pure
grader is ``check_xxx.grade`` (returns a :class:`Feedback`) for the tests.
"""

from __future__ import annotations

import functools
import numbers

import numpy as np

from lessonlib.checks.core import (
    Feedback,
    LearnerCodeError,
    a_kind,
    call_learner,
    exercise,
    is_stub,
    is_unanswered,
    learner_number,
    learner_numbers,
    learner_word,
    only_item,
    preview,
    short_repr,
)
from lessonlib.geometry import min_l1_solution, min_l2_solution
from lessonlib.overfitting import LambdaSweep, lasso_sweep, parts_toy, regression_task

__all__ = [
    "check_best_lambda",
    "check_dense_winner",
    "check_dropout_zeros",
    "check_l1_part",
    "check_prune",
    "check_real_nonzeros",
    "check_robots_ranked",
    "check_u_shape",
]


def _is_number(x: object) -> bool:
    """True for anything meant as one number (complex and huge ones included: the one
    coercion, :func:`learner_number`, then says what is wrong with it)."""
    return isinstance(x, (numbers.Number, np.generic)) and not isinstance(x, (bool, np.bool_))


@exercise
def check_l1_part(answer: object) -> Feedback:
    """Which part does the minimum-L1 model of the default toy rely on?

    Accepts the part's column index or its name.

    Examples
    --------
    >>> toy = parts_toy()
    >>> check_l1_part.grade(toy.common_part).passed
    True
    >>> check_l1_part.grade("Antenna").passed
    True
    >>> check_l1_part.grade("part 01").passed
    False
    >>> check_l1_part.grade(np.flatnonzero(min_l1_solution(toy.X_train, toy.y_train))).passed
    True
    """
    if is_unanswered(answer):
        return Feedback.unanswered("the index or the name of the part")
    answer = only_item(answer)
    toy = parts_toy()
    w1 = min_l1_solution(toy.X_train, toy.y_train)
    right = int(np.flatnonzero(w1)[0])
    name = toy.part_names[right]
    value = float(w1[right])
    ok = Feedback.ok(f"The minimum-L1 model puts all its weight on the {name!r}, the one part "
                     "every robot shares.")
    if isinstance(answer, str):
        text = answer.strip().strip("'\"").lower()
        if text == name.lower():
            return ok
        if text not in {n.lower() for n in toy.part_names}:
            return Feedback.hint(f"{short_repr(answer, 40)} is not one of the part names; "
                                 "they are in "
                                 "`toy.part_names`. Give a name from there, or its index.")
        return _wrong_part([n.lower() for n in toy.part_names].index(text), toy, w1)
    if isinstance(answer, (bool, np.bool_)):
        return Feedback.hint("give the part's index (a whole number) or its name, not True/False.")
    if _is_number(answer):
        try:
            x = learner_number(answer, "the part's index")
        except LearnerCodeError as exc:
            return Feedback.hint(f"{exc}; {short_repr(answer, 30)} is not a position. Give the "
                                 "part's index (a whole number) or its name.")
        is_value = bool(np.isclose(x, value, rtol=1e-6, atol=1e-9)) and x != right
        if is_value:
            return Feedback.hint(
                f"{x:g} is the *value* of the non-zero weight: you gave the weight's value, not "
                "its position. The question asks *which* part carries it: its position in the "
                "weight vector (`np.flatnonzero(w_l1)`) or its name.")
        if x != int(x):
            return Feedback.hint(
                f"{x:.10g} is not a whole number, so not a position: it looks like a weight's "
                "value. The question asks *which* part carries the weight: its position in "
                "the weight vector (`np.flatnonzero(w_l1)`) or its name.")
        if not 0 <= int(x) < len(toy.part_names):
            return Feedback.hint(f"there are {len(toy.part_names)} parts, numbered 0 to "
                                 f"{len(toy.part_names) - 1}; {int(x)} is outside that range.")
        if int(x) == right:
            return ok
        return _wrong_part(int(x), toy, w1)
    return Feedback.hint(f"give one part: its index (a whole number) or its name (a string), "
                         f"not {a_kind(answer)}.")




def _wrong_part(j: int, toy, w1: np.ndarray) -> Feedback:
    carried = np.flatnonzero(toy.X_train[:, j])
    if carried.size == 0:
        who = "no training item carries it"
    elif carried.size == 1:
        who = f"only {toy.item_names[carried[0]]} carries it"
    else:
        who = f"{carried.size} training items carry it"
    return Feedback.hint(
        f"the minimum-L1 weight of {toy.part_names[j]!r} is {w1[j]:g} ({who}). "
        "Look for the single entry of `w_l1` that is not zero: `np.flatnonzero(w_l1)`.")


# --------------------------------------------------------------------------- pruning


def _prune_cases() -> list[tuple[np.ndarray, int]]:
    rng = np.random.default_rng(6)
    cases = [(np.array([0.5, -3.0, 0.1, 2.0]), 2), (np.array([-5.0, 1.0, 2.0]), 1)]
    for d, k in ((10, 3), (25, 0), (25, 25), (40, 7)):
        # Distinct magnitudes, mixed signs: the right answer is unique.
        mags = rng.permutation(np.linspace(0.1, 4.0, d))
        cases.append((mags * rng.choice([-1.0, 1.0], size=d), k))
    return cases


def _top_k(w: np.ndarray, k: int) -> np.ndarray:
    out = np.zeros_like(w)
    keep = np.argsort(-np.abs(w))[:k]
    out[keep] = w[keep]
    return out


@exercise
def check_prune(prune: object) -> Feedback:
    """Grade ``prune(w, k)``: keep the ``k`` largest-magnitude weights, zero the rest.

    Examples
    --------
    >>> def prune(w, k):
    ...     w = np.asarray(w, dtype=float)
    ...     out = np.zeros_like(w)
    ...     keep = np.argsort(np.abs(w))[::-1][:k]
    ...     out[keep] = w[keep]
    ...     return out
    >>> check_prune.grade(prune).passed
    True
    >>> print(check_prune.grade(lambda w, k: np.sort(w)[-k:]).message[:40])
    prune([ 0.5 -3.   0.1  2. ], 2) returned
    """
    if is_unanswered(prune) or is_stub(prune):
        return Feedback.unanswered("the body of `prune`")
    if not callable(prune):
        return Feedback.hint(f"`prune` must be a function `prune(w, k)`, got "
                             f"{type(prune).__name__}.")
    for w, k in _prune_cases():
        given = w.copy()
        # The exercise asks for a *new* array, so the check looks at the very array it
        # passed; the expected answer comes from its own copy, w.
        out = call_learner(prune, given, k, fresh_copies=False)
        shown = f"prune({np.array2string(w[:6], precision=2)}{'...' if w.size > 6 else ''}, {k})"
        if out is None:
            return Feedback.hint(f"{shown} returned None: does your function end with `return`?")
        if not np.array_equal(given, w):
            return Feedback.hint(f"{shown} changed the `w` it was given. Work on a copy "
                                 "(`out = np.zeros_like(w)` or `w.copy()`), so the original "
                                 "model stays intact.")
        try:
            got = learner_numbers(out, f"what {shown} returned")
        except LearnerCodeError as exc:
            return Feedback.hint(f"{exc}. Return an array shaped like w.")
        if got.shape != w.shape:
            return Feedback.hint(
                f"{shown} returned shape {got.shape}; it must keep the shape {w.shape}, "
                "with zeros in place of the removed weights (positions matter: they say "
                "which feature a weight belongs to).")
        want = _top_k(w, k)
        # exact zeros where weights are removed; kept values to float32's precision
        if np.array_equal(got == 0, want == 0) and np.allclose(got, want, rtol=1e-6, atol=0):
            continue
        n_kept = int(np.count_nonzero(got))
        if k == 0 and n_kept == np.count_nonzero(w):
            return Feedback.hint(f"{shown} kept every weight; with k = 0 it should keep none. "
                                 "A slice like `order[-k:]` is the trap: `-0` is 0, so "
                                 "`order[-0:]` is the whole array. Slice `order[::-1][:k]` or "
                                 "`order[len(order) - k:]` instead.")
        if n_kept != k:
            return Feedback.hint(f"{shown} kept {n_kept} non-zero "
                                 f"weight{'' if n_kept == 1 else 's'}; it should keep "
                                 f"exactly k = {k}.")
        kept = got != 0
        if not np.allclose(got[kept], w[kept]):
            return Feedback.hint(f"{shown} changed the values it kept (signs included); a kept "
                                 "weight keeps its value, only the others become 0.")
        if k and np.array_equal(kept, _top_k_signed(w, k) != 0):
            return Feedback.hint(f"{shown} kept the largest *signed* values, so a big negative "
                                 "weight was removed. Rank by magnitude: `np.abs(w)`.")
        smallest = np.zeros(w.size, dtype=bool)
        smallest[np.argsort(np.abs(w))[:k]] = True
        if k and np.array_equal(kept, smallest):
            return Feedback.hint(f"{shown} kept the *smallest* weights; pruning keeps the "
                                 "largest magnitudes (sort in descending order).")
        return Feedback.hint(f"{shown} returned {preview(got)}, but the {k} weights of "
                             f"largest magnitude are at positions "
                             f"{preview(np.flatnonzero(want))}.")
    return Feedback.ok("Your pruning keeps the k largest magnitudes, signs intact, and "
                       "leaves the original untouched.")


def _top_k_signed(w: np.ndarray, k: int) -> np.ndarray:
    out = np.zeros_like(w)
    keep = np.argsort(-w)[:k]
    out[keep] = w[keep]
    return out


# --------------------------------------------------------------------------- best lambda


#: How notebook 06 makes its sweep: ``lasso_sweep(regression_task(**TASK), n_lambdas=60)``.
NOTEBOOK_TASK = {"n_train": 60, "n_features": 100, "n_informative": 8, "noise": 1.0, "seed": 0}
NOTEBOOK_LAMBDAS = 60


@functools.lru_cache(maxsize=1)
def _notebook_sweep() -> LambdaSweep:
    """The notebook's sweep, recomputed by the check (a fraction of a second, once)."""
    return lasso_sweep(regression_task(**NOTEBOOK_TASK), n_lambdas=NOTEBOOK_LAMBDAS)


def _same_sweep(sweep: LambdaSweep, ref: LambdaSweep) -> bool:
    """Does ``sweep`` hold the notebook's numbers? (An exact path: any BLAS agrees to 1e-6.)"""
    def close(a: object, b: np.ndarray) -> bool:
        try:
            a = np.asarray(a, dtype=float)
        except (TypeError, ValueError):
            return False
        return a.shape == b.shape and bool(np.allclose(a, b, rtol=1e-6, atol=1e-12))

    return (close(sweep.lambdas, ref.lambdas) and close(sweep.val_mse, ref.val_mse)
            and close(sweep.train_mse, ref.train_mse))


@exercise
def check_best_lambda(answer: object, sweep: object) -> Feedback:
    """Grade the lambda with the lowest held-out (validation) error of notebook 06's sweep.

    The check recomputes the notebook's sweep itself and grades against it; a ``sweep``
    that is not the notebook's (other data, or errors changed) is named, not trusted.

    Examples
    --------
    >>> sweep = _notebook_sweep()
    >>> check_best_lambda.grade(float(sweep.lambdas[sweep.best]), sweep).passed
    True
    >>> check_best_lambda.grade(float(sweep.lambdas[-1]), sweep).passed
    False
    >>> check_best_lambda.grade(float(f"{sweep.lambdas[sweep.best]:.3g}"), sweep).passed
    True
    """
    if is_unanswered(answer):
        return Feedback.unanswered("the value of lambda")
    if not isinstance(sweep, LambdaSweep):
        return Feedback.hint("pass the sweep too: `check_best_lambda(best_lambda, sweep)`.")
    answer = only_item(answer)  # np.array([0.1]) or [0.1]: one number all the same
    if not _is_number(answer):
        return Feedback.hint(f"give one number, the value of lambda, not a "
                             f"{type(answer).__name__}.")
    try:
        x = learner_number(answer, "lambda")
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Give one number, the value of lambda.")
    reference = _notebook_sweep()
    if not _same_sweep(sweep, reference):
        return Feedback.hint(
            "the sweep you passed is not the notebook's: its lambdas or errors differ from "
            "`lasso_sweep(task, n_lambdas=60)` on the notebook's task. Run that cell again "
            "(without changing `sweep`), then pass it: `check_best_lambda(best_lambda, sweep)`.")
    sweep = reference
    lam = sweep.lambdas
    best = sweep.best
    if np.isclose(x, sweep.val_mse[best], rtol=1e-2, atol=0):
        return Feedback.hint(f"{x:g} is the lowest held-out *error* itself. The question asks "
                             "for the lambda that gives it: find its position with "
                             "`np.argmin(sweep.val_mse)`, then look up `sweep.lambdas` there.")
    # A value read off a printout is rounded: the nearest lambda within 1 % is meant (the
    # sweep's grid steps by far more than 2 %, so "nearest" is never ambiguous).
    nearest = int(np.argmin(np.abs(np.log(lam / x)))) if x > 0 else 0
    near = np.zeros(lam.size, dtype=bool)
    near[nearest] = x > 0 and abs(x / lam[nearest] - 1) <= 0.01
    if not near.any():
        if float(x).is_integer() and 0 <= int(x) < lam.size:
            if int(x) == best:
                return Feedback.hint(f"{int(x)} is the *position* of the best lambda in "
                                     "`sweep.lambdas`; give the value, `sweep.lambdas[i]`.")
            return Feedback.hint(f"{int(x)} looks like a position in `sweep.lambdas`, and not "
                                 "the right one. Use `np.argmin(sweep.val_mse)`, then "
                                 "`sweep.lambdas[i]`.")
        return Feedback.hint(f"{x:g} is not one of the lambdas of the sweep (from {lam.min():.3g} "
                             f"to {lam.max():.3g}); pick one of `sweep.lambdas`.")
    i = int(np.flatnonzero(near)[0])
    if sweep.val_mse[i] <= sweep.val_mse[best] * (1 + 1e-12):
        return Feedback.ok(f"lambda = {lam[i]:.3g} gives the lowest held-out error, "
                           f"{sweep.val_mse[i]:.3g}, with {int(sweep.n_nonzero[i])} non-zero "
                           "weights.")
    if i == int(np.argmin(sweep.train_mse)):
        return Feedback.hint(f"lambda = {lam[i]:.3g} has the lowest *training* error. Training "
                             "error keeps falling as the penalty weakens; that is memorising. "
                             "Use `sweep.val_mse`.")
    if i == int(np.argmax(sweep.val_mse)):
        return Feedback.hint(f"lambda = {lam[i]:.3g} has the *highest* held-out error; you "
                             "want the lowest (`np.argmin`).")
    return Feedback.hint(f"at lambda = {lam[i]:.3g} the held-out error is "
                         f"{sweep.val_mse[i]:.4g}, but some lambda does better. Find the "
                         "smallest entry of `sweep.val_mse` with `np.argmin`.")


# --------------------------------------------------------------------------- dense truth


_SYNONYMS = {"l1": "L1", "lasso": "L1", "l2": "L2", "ridge": "L2"}


@exercise
def check_dense_winner(answer: object) -> Feedback:
    """Predict which penalty has the lower held-out error when the truth is dense.

    Examples
    --------
    >>> check_dense_winner.grade("ridge").passed
    True
    >>> check_dense_winner.grade("L1").passed
    False
    """
    if is_unanswered(answer):
        return Feedback.unanswered('"L1" or "L2"')
    if not isinstance(answer, str):
        return Feedback.hint(f'answer with a string, "L1" or "L2", not a '
                             f"{type(answer).__name__}.")
    key = "".join(answer.lower().split()).strip("'\".")
    if key not in _SYNONYMS:
        return Feedback.hint(f'{short_repr(answer, 40)} is neither "L1" nor "L2".')
    if _SYNONYMS[key] == "L2":
        return Feedback.ok("With many small true effects, L2 keeps every feature and shrinks "
                           "them all a little, which matches the world; L1 must drop many of "
                           "them. Run the next cells to see it measured.")
    return Feedback.hint("L1 bets that most true weights are exactly zero. Here every weight "
                         "is non-zero but small: zeroing many of them throws away real signal. "
                         "Which penalty keeps every feature while still shrinking?")


# --------------------------------------------------------------------------- predictions




_YES = {"yes", "y", "true", "it does", "yes it does"}
_NO = {"no", "n", "false", "it does not", "no it does not"}


@exercise
def check_robots_ranked(answer: object) -> Feedback:
    """Predict: does the minimum-L2 fit still score every new robot above every new other?

    It does (the ranking is perfect); only the 0.5 cut-off fails.

    Examples
    --------
    >>> check_robots_ranked.grade("yes").passed, check_robots_ranked.grade("no").passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered('"yes" or "no"')
    word = learner_word(answer, separators=",-")
    if isinstance(only_item(answer), (bool, np.bool_)):
        word = "yes" if only_item(answer) else "no"
    if word in _YES:
        return Feedback.ok("Every new robot still scores above every new other character: the "
                           "antenna's share of the credit carries over to new robots, the "
                           "accessories' share does not. Run the next cell for the scores.")
    if word in _NO:
        toy = parts_toy()
        w2 = min_l2_solution(toy.X_train, toy.y_train)
        scores = toy.X_test @ w2
        return Feedback.hint(
            f"every new robot carries the antenna, worth {w2[toy.common_part]:.3f} in the "
            "minimum-L2 fit; a new other character only collects the small weights of the "
            "training accessories it happens to carry, at most "
            f"{scores[toy.y_test == 0].max():.3f} here. Below 0.5 is not the same as below "
            "the others.")
    return Feedback.hint(f'answer "yes" or "no", not {short_repr(answer, 40)}.')


_FALLS = {"falls", "fall", "only falls", "goes down", "decreases", "down"}
_U = {"falls then rises", "fall then rise", "falls then rise", "u", "u shape", "u shaped",
      "a u", "down then up", "decreases then increases", "falls and then rises"}
_RISES = {"rises", "rise", "only rises", "goes up", "increases", "up"}


@exercise
def check_u_shape(answer: object) -> Feedback:
    """Predict the held-out error along the Lasso path, from strong to weak penalty.

    Examples
    --------
    >>> check_u_shape.grade("falls then rises").passed, check_u_shape.grade("falls").passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered('"falls", "falls then rises" or "rises"')
    word = learner_word(answer, separators=",-")
    if word in _U:
        return Feedback.ok("The first weights to enter carry real signal, so held-out error "
                           "falls; past a point the new weights fit the training set's noise, "
                           "and it rises again. Run the next cells to see the U.")
    if word in _FALLS:
        return Feedback.hint("that is what *training* error does: a weaker penalty always fits "
                             "the model's own examples better. Held-out examples have other "
                             "noise; what happens once the weights start fitting the 60 "
                             "training examples' noise?")
    if word in _RISES:
        return Feedback.hint("at the largest lambda every weight is 0 and the model predicts 0 "
                             "for everyone. The first weights to enter are the strongest real "
                             "effects: do they make new predictions worse?")
    return Feedback.hint(f'answer "falls", "falls then rises" or "rises", not '
                         f"{short_repr(answer, 40)}.")


@exercise
def check_dropout_zeros(answer: object) -> Feedback:
    """Predict how many of the dropout-trained weights are exactly 0 (none).

    Examples
    --------
    >>> check_dropout_zeros.grade("none").passed, check_dropout_zeros.grade(0).passed
    (True, True)
    >>> check_dropout_zeros.grade("as many as L1").passed
    False
    """
    if is_unanswered(answer):
        return Feedback.unanswered('"none", "a few" or "as many as L1"')
    item = only_item(answer)
    if _is_number(item):
        try:
            x = learner_number(item, "the number of exact zeros")
        except LearnerCodeError as exc:
            return Feedback.hint(f'{exc}. Answer "none", "a few" or "as many as L1".')
        word = "none" if x == 0 else "a few"
    else:
        word = learner_word(answer, separators=",-")
    if word in {"none", "no zeros", "zero", "0"}:
        return Feedback.ok("None: averaged over its random masks, dropout is a squared (L2-"
                           "style) penalty, which pulls weights towards 0 but never snaps one "
                           "to 0. Run the next cell to count.")
    if word in {"a few", "few", "some"}:
        return Feedback.hint("an exact 0 needs a penalty with a kink at 0, as L1's |w| has. "
                             "Dropout's random masks average out to a *squared* penalty "
                             "(notebook 02: shrinking that never arrives).")
    if word in {"as many as l1", "as many as the lasso", "like l1", "same as l1"}:
        return Feedback.hint("dropout is often named with L1, but its masks are random and "
                             "change at every step: no weight is ever pushed to exactly 0. On "
                             "average they act like an L2 penalty (notebook 02).")
    return Feedback.hint(f'answer "none", "a few" or "as many as L1", not '
                         f"{short_repr(answer, 40)}.")


# --------------------------------------------------------------------------- the widget's task


@functools.lru_cache(maxsize=1)
def _real_counts() -> tuple[int, int, int]:
    """At the notebook's lowest held-out error: (non-zeros, real among them, truth's size)."""
    sweep = _notebook_sweep()
    truth = regression_task(**NOTEBOOK_TASK).true_w != 0
    nz = sweep.coefs[sweep.best] != 0
    return int(nz.sum()), int((nz & truth).sum()), int(truth.sum())


@exercise
def check_real_nonzeros(answer: object) -> Feedback:
    """How many of the non-zeros at the lowest held-out error are real (sparse truth)?

    Examples
    --------
    >>> n_nz, n_real, n_true = _real_counts()
    >>> check_real_nonzeros.grade(n_real).passed, check_real_nonzeros.grade(n_nz).passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered("a whole number, read off the widget's readout")
    item = only_item(answer)
    if not _is_number(item):
        return Feedback.hint(f"give one whole number, not {a_kind(answer)}.")
    try:
        x = learner_number(item, "the number of real non-zeros")
    except LearnerCodeError as exc:
        return Feedback.hint(f"{exc}. Give one whole number.")
    n_nz, n_real, n_true = _real_counts()
    if x == n_real:
        return Feedback.ok(f"{n_real} of the {n_nz} non-zeros are real: the model finds most of "
                           f"the {n_true} true weights and lets in {n_nz - n_real} small false "
                           "ones.")
    if x == n_nz:
        return Feedback.hint(f"{n_nz} is every non-zero weight at that lambda. How many of them "
                             "sit on a true weight (an open circle, the vermillion stems)?")
    if x == n_true:
        return Feedback.hint(f"{n_true} is how many non-zero weights the *truth* has. Does the "
                             "model at the lowest held-out error find all of them?")
    if x == n_nz - n_real:
        return Feedback.hint(f"{x:g} is the number of *false* non-zeros (blue stems); the "
                             "question asks for the real ones.")
    if x != int(x) or x < 0:
        return Feedback.hint(f"{x:g} is not a count; give a whole number.")
    return Feedback.hint("not at the lowest held-out error: move the slider until the readout "
                         "says \"lowest on this path\" (sparse truth), then read the line "
                         "\"real among them\".")
