"""Checks for notebook 08, "In practice: L1 with scikit-learn on real data".

Each ``check_xxx`` prints a pass or a specific hint and never raises; its pure grader is
``check_xxx.grade`` (returns a :class:`Feedback`) for the tests. Every expected answer is
recomputed here, on the checks' own copy of the data, with the notebook's settings
(:data:`ALPHAS`, :func:`folds`): a learner who changed a notebook variable is still
graded against the real answer.
"""

from __future__ import annotations

import functools

import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import ElasticNet, ElasticNetCV, Lasso, LassoCV
from sklearn.model_selection import KFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from lessonlib.checks.core import (
    Feedback,
    LearnerCodeError,
    a_kind,
    exercise,
    is_unanswered,
    learner_number,
    learner_word,
    only_item,
    sorted_if_set,
)
from lessonlib.lambda_choice import CVTable, cv_table
from lessonlib.stability import twin_picks, with_twins

__all__ = [
    "ALPHAS",
    "check_enet_twins",
    "check_first_feature",
    "check_lasso_scaling",
    "check_one_se",
    "check_pipeline",
    "check_scaler_leak",
    "check_twins_both",
    "folds",
]

#: The lambdas notebook 08 searches, largest first.
ALPHAS = np.geomspace(50, 0.01, 60)
_TIGHT = {"tol": 1e-10, "max_iter": 1_000_000}
_TWINS = ("bmi", "s5")
_N_RESAMPLES = 50


def folds() -> KFold:
    """The notebook's cross-validation splitter: 10 shuffled folds, seed 0."""
    return KFold(n_splits=10, shuffle=True, random_state=0)


def _is_number(x: object) -> bool:
    """True for one real, finite number, as the checks' shared converter reads numbers."""
    if isinstance(x, (bool, np.bool_)):
        return False
    try:
        learner_number(x, "your answer")
    except LearnerCodeError:
        return False
    return True






@functools.lru_cache(maxsize=1)
def _diabetes() -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    data = load_diabetes(scaled=False)
    X, y = data.data.copy(), data.target.copy()
    X.setflags(write=False)
    y.setflags(write=False)
    return X, y, tuple(data.feature_names)


@functools.lru_cache(maxsize=1)
def _reference_fit() -> LassoCV:
    """The check's own fit of the notebook's pipeline (its LassoCV step), once per kernel."""
    X, y, _ = _diabetes()
    Z = StandardScaler().fit_transform(X)
    return LassoCV(alphas=ALPHAS, cv=folds(), **_TIGHT).fit(Z, y)


@functools.lru_cache(maxsize=1)
def _reference_table() -> CVTable:
    fit = _reference_fit()
    return cv_table(fit.alphas_, fit.mse_path_)


def _same_fit(last: LassoCV) -> str | None:
    """What differs between the learner's fitted LassoCV and the check's own fit, or None.

    With tol=1e-10 a correct float64 fit agrees with the reference to far better than the
    1e-6 (relative to the largest entry) allowed here, on any BLAS.
    """
    ref = _reference_fit()

    def close(got: object, want: np.ndarray) -> bool:
        try:
            got = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return False
        scale = float(np.max(np.abs(want))) if want.size else 1.0
        return got.shape == want.shape and bool(
            np.allclose(got, want, rtol=1e-6, atol=1e-6 * scale))

    if not close(getattr(last, "mse_path_", None), ref.mse_path_):
        return "cross-validation errors (`mse_path_`)"
    if not close(getattr(last, "coef_", None), ref.coef_):
        return "weights (`coef_`)"
    if not close(getattr(last, "intercept_", None), np.asarray(ref.intercept_)):
        return "intercept (`intercept_`)"
    return None


def _standardised() -> tuple[np.ndarray, np.ndarray, list[str]]:
    X, y, names = _diabetes()
    return StandardScaler().fit_transform(X), np.array(y), list(names)


@functools.lru_cache(maxsize=1)
def _twin_data() -> tuple[np.ndarray, np.ndarray, list[str], list[tuple[int, int]]]:
    Z, y, names = _standardised()
    cols = [names.index(n) for n in _TWINS]
    T = with_twins(Z, cols, noise=0.03, seed=0)
    twin_names = names + [f"{n}_twin" for n in _TWINS]
    pairs = [(c, len(names) + k) for k, c in enumerate(cols)]
    return T, y, twin_names, pairs


# --------------------------------------------------------------------------- pipeline


@exercise
def check_pipeline(model: object) -> Feedback:
    """Grade ``make_pipeline(StandardScaler(), LassoCV(alphas=alphas, cv=cv, **TIGHT))``, fitted.

    Examples
    --------
    >>> X, y, _ = _diabetes()
    >>> m = Pipeline([("s", StandardScaler()), ("l", LassoCV(alphas=ALPHAS, cv=folds(),
    ...                                                       **_TIGHT))])
    >>> check_pipeline.grade(m.fit(X, y)).passed
    True
    >>> check_pipeline.grade(LassoCV()).passed
    False
    """
    if is_unanswered(model):
        return Feedback.unanswered("the pipeline, fitted with `model.fit(X, y)`")
    if isinstance(model, type) or callable(model) and not hasattr(model, "fit"):
        return Feedback.hint("`model` must be a pipeline *object*: call `make_pipeline(...)` with "
                             "the two steps inside the brackets, then `.fit(X, y)`.")
    if isinstance(model, (LassoCV, Lasso)):
        return Feedback.hint(f"`model` is a bare {type(model).__name__}: nothing scales the "
                             "columns first, so the penalty would treat them by their units. "
                             "Wrap it: `make_pipeline(StandardScaler(), LassoCV(...))`.")
    if not isinstance(model, Pipeline):
        return Feedback.hint(f"`model` is {a_kind(model)}, not a scikit-learn Pipeline: build "
                             "it with `make_pipeline(StandardScaler(), LassoCV(...))`.")
    steps = [step for _, step in model.steps]
    if len(steps) != 2:
        return Feedback.hint(f"your pipeline has {len(steps)} step(s); it needs exactly two: "
                             "`StandardScaler()` then `LassoCV(...)`.")
    first, last = steps
    if isinstance(first, (LassoCV, Lasso)) and isinstance(last, StandardScaler):
        return Feedback.hint("the steps are in the wrong order: the scaler must come first, so "
                             "the Lasso sees scaled columns (a pipeline runs left to right).")
    if not isinstance(first, StandardScaler):
        return Feedback.hint(f"the first step is {type(first).__name__}; use `StandardScaler()`, "
                             "which gives every column mean 0 and standard deviation 1.")
    if isinstance(last, Lasso):
        return Feedback.hint("`Lasso` fits one lambda that you give it; `LassoCV` tries all of "
                             "`alphas` and picks one by cross-validation. Use `LassoCV`.")
    if not isinstance(last, LassoCV):
        return Feedback.hint(f"the second step is {type(last).__name__}; it should be "
                             "`LassoCV(alphas=alphas, cv=cv, **TIGHT)`.")
    given = last.alphas
    if given is None or np.ndim(given) != 1 or len(given) != ALPHAS.size or \
            not np.allclose(np.sort(np.asarray(given, dtype=float)), np.sort(ALPHAS)):
        return Feedback.hint("pass the notebook's lambdas: `LassoCV(alphas=alphas, ...)` "
                             "(with its default, LassoCV picks its own grid).")
    splitter = last.cv
    if not (isinstance(splitter, KFold) and splitter.n_splits == 10 and splitter.shuffle
            and splitter.random_state == 0):
        return Feedback.hint("pass the notebook's folds, `cv=cv` (10 shuffled folds with a "
                             "fixed seed), so your result can be compared.")
    if last.tol > 1e-8:
        return Feedback.hint(f"tol={last.tol:g} stops the solver early; pass `**TIGHT` "
                             "(tol=1e-10) so every fit converges.")
    if not hasattr(last, "alpha_"):
        return Feedback.hint("the pipeline is built but not fitted: add `.fit(X, y)` (or run "
                             "`model.fit(X, y)`), then run the check again.")
    X, _, _ = _diabetes()
    if getattr(last, "n_features_in_", None) != X.shape[1]:
        return Feedback.hint(f"it was fitted on {last.n_features_in_} columns; fit it on the "
                             f"diabetes table `X` ({X.shape[1]} columns).")
    if not np.allclose(first.mean_, X.mean(axis=0), rtol=1e-6, atol=1e-8):
        return Feedback.hint("the scaler did not see the raw diabetes table: fit the pipeline "
                             "on `X` itself, not on an already scaled copy or a subset.")
    want = _reference_table().alphas[_reference_table().best]
    if not np.isclose(last.alpha_, want, rtol=1e-6):
        return Feedback.hint(f"your pipeline chose lambda {last.alpha_:.3g}, but these settings "
                             f"choose {want:.3g}: was it fitted on `X, y`, all 442 rows?")
    differs = _same_fit(last)
    if differs is not None:
        return Feedback.hint(f"its {differs} differ from those of the same pipeline fitted on "
                             "the notebook's `X, y`. Fit it once with `model.fit(X, y)` on the "
                             "data as loaded (unchanged `y`), and change nothing afterwards.")
    return Feedback.ok(f"The pipeline scales, then searches {ALPHAS.size} lambdas over 10 folds; "
                       f"it picks lambda = {want:.3g}.")


# --------------------------------------------------------------------------- one-SE rule


@exercise
def check_one_se(answer: object) -> Feedback:
    """Grade lambda by the one-standard-error rule for the notebook's CV search.

    Accepts the value as printed (3 significant figures) or computed.

    Examples
    --------
    >>> t = _reference_table()
    >>> check_one_se.grade(float(t.alphas[t.one_se])).passed
    True
    >>> check_one_se.grade(float(t.alphas[t.best])).passed
    False
    """
    if is_unanswered(answer):
        return Feedback.unanswered("the value of lambda")
    if isinstance(answer, (str, bytes)):
        return Feedback.hint(f"give one number, the value of lambda, not {a_kind(answer)}.")
    x = learner_number(answer, "lambda")  # names complex, NaN, huge ... answers
    t = _reference_table()
    lam, best, pick = t.alphas, t.best, t.one_se
    limit = t.mean[best] + t.se[best]
    if not np.isfinite(x) or x <= 0:
        return Feedback.hint(f"{x} cannot be a lambda: the lambdas tried are positive, from "
                             f"{lam.min():.3g} to {lam.max():.3g}.")
    if np.isclose(x, limit, rtol=1e-4):
        return Feedback.hint(f"{x:g} is the error limit (minimum + its standard error). The "
                             "answer is the largest lambda whose mean error is under it.")
    for what, values in (("a mean CV error", t.mean), ("a standard error", t.se)):
        if np.any(np.isclose(x, values, rtol=5e-3)) and \
                not np.any(np.isclose(x, lam, rtol=1e-2)):
            return Feedback.hint(f"{x:g} is {what}, not a lambda. The answer is a value from the "
                                 "`lambda` column.")
    nearest = int(np.argmin(np.abs(np.log(lam / x))))
    if abs(x / lam[nearest] - 1) > 0.01:
        if float(x).is_integer() and int(x) < lam.size:
            return Feedback.hint(f"{int(x)} looks like a position in the table; give the value "
                                 "of lambda itself.")
        return Feedback.hint(f"{x:g} is not one of the lambdas tried; give a value from the "
                             "`lambda` column (3 significant figures are enough).")
    if nearest == pick:
        return Feedback.ok(f"lambda = {lam[pick]:.3g}: mean error {t.mean[pick]:.1f} is within "
                           f"{limit:.1f} (minimum {t.mean[best]:.1f} + {t.se[best]:.1f}), and "
                           "every larger lambda is above it.")
    if nearest == best:
        return Feedback.hint(f"lambda = {lam[best]:.3g} has the lowest mean error: that is the "
                             "minimum, not the one-SE choice. Add the standard error of that row "
                             "to its mean, and find the largest lambda still under that limit.")
    if t.mean[nearest] <= limit and nearest > pick:
        return Feedback.hint(f"lambda = {lam[nearest]:.3g} is under the limit {limit:.1f}, but "
                             "a larger lambda is too. The rule takes the *largest* one (the "
                             "strongest penalty, the sparsest model).")
    if t.mean[nearest] > limit:
        return Feedback.hint(f"at lambda = {lam[nearest]:.3g} the mean error is "
                             f"{t.mean[nearest]:.1f}, above the limit {limit:.1f} (the minimum "
                             f"{t.mean[best]:.1f} plus *its* standard error {t.se[best]:.1f}). "
                             "Use the standard error of the minimum's row, not of other rows.")
    return Feedback.hint(f"lambda = {lam[nearest]:.3g} is not the one-SE choice. Find the largest "
                         f"lambda whose mean error is at most {limit:.1f}.")


# --------------------------------------------------------------------------- predictions

_YES = {"yes", "y", "true", "yes it is", "it is"}
_NO = {"no", "n", "false", "no it is not", "it is not", "not"}


@exercise
def check_scaler_leak(answer: object) -> Feedback:
    """Predict: are LassoCV's held-out folds scaled without their own rows? (No.)

    Examples
    --------
    >>> check_scaler_leak.grade("no").passed, check_scaler_leak.grade(True).passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered('"yes" or "no"')
    answer = only_item(answer)
    if isinstance(answer, (bool, np.bool_)):
        word = "yes" if answer else "no"
    else:
        word = learner_word(answer)
    if word in _NO:
        return Feedback.ok("The scaler saw all 442 rows before LassoCV cut its folds, so each "
                           "held-out fold helped set its own scaling. Run the next cell to see "
                           "how much that changes here.")
    if word in _YES:
        return Feedback.hint("`pipe.fit` runs its steps in order on all the rows it is given: "
                             "the scaler learns its means and standard deviations from all 442 "
                             "patients, and only then does LassoCV split them into folds. The "
                             "pipeline protects an *outer* cross-validation, not LassoCV's own.")
    return Feedback.hint(f'answer "yes" or "no", not {answer!r:.40}.')


@functools.lru_cache(maxsize=1)
def _entry_scores() -> dict[str, float]:
    Z, y, names = _standardised()
    corr = Z.T @ (y - y.mean()) / len(y) / y.std()
    return dict(zip(names, corr, strict=True))


@exercise
def check_first_feature(answer: object) -> Feedback:
    """Predict the first feature to enter the diabetes Lasso path (the most correlated).

    Accepts the name or its column index.

    Examples
    --------
    >>> check_first_feature.grade("BMI").passed, check_first_feature.grade("s5").passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered('a feature name, such as "age"')
    answer = only_item(answer)
    corr = _entry_scores()
    names = list(corr)
    if _is_number(answer) and float(answer).is_integer() and 0 <= int(answer) < len(names):
        name = names[int(answer)]
    elif learner_word(answer) is not None:
        name = learner_word(answer).replace(" ", "")
        if name not in corr:
            return Feedback.hint(f"{answer!r} is not a feature; they are {', '.join(names)}.")
    elif _is_number(answer) and float(answer).is_integer():  # an index, out of range
        return Feedback.hint(f"{answer!r} is not a column index: the {len(names)} features are "
                             f"at 0 to {len(names) - 1}. Answer with a feature's name, such as "
                             f"{names[0]!r}.")
    else:
        return Feedback.hint(f"answer with a feature's name (a string), not {a_kind(answer)}.")
    first = max(corr, key=lambda n: abs(corr[n]))
    if name == first:
        return Feedback.ok(f"{first} has the largest correlation with y ({corr[first]:+.2f}), "
                           "so its weight lowers the loss fastest from 0 and enters first.")
    return Feedback.hint(
        f"{name} is correlated {corr[name]:+.2f} with the target. The first feature to enter is "
        "the one whose weight lowers the loss fastest when all weights are 0: the one with the "
        "largest |correlation| with y. Which is that? (`np.corrcoef` or a look at the data "
        "description may help; a guess is fine too.)")


@functools.lru_cache(maxsize=1)
def _lasso_twin_picks() -> np.ndarray:
    T, y, _, pairs = _twin_data()
    t = _reference_table()
    lam = float(t.alphas[t.one_se])
    return twin_picks(T, y, pairs, lambda: Lasso(alpha=lam, **_TIGHT), n_resamples=_N_RESAMPLES)


_CHOICES = {"almost all": "almost all", "all": "almost all", "almost always": "almost all",
            "about half": "about half", "half": "about half",
            "almost none": "almost none", "none": "almost none", "rarely": "almost none",
            "almost never": "almost none"}


@exercise
def check_twins_both(answer: object) -> Feedback:
    """Predict how often the Lasso keeps both bmi and its twin over 50 bootstrap resamples.

    Examples
    --------
    >>> check_twins_both.grade("almost none").passed
    True
    >>> check_twins_both.grade("about half").passed
    False
    """
    if is_unanswered(answer):
        return Feedback.unanswered('"almost all", "about half" or "almost none"')
    word = learner_word(only_item(answer))
    if word is None or word not in _CHOICES:
        return Feedback.hint(f'answer with one of "almost all", "about half" or "almost none", '
                             f"not {answer!r:.40}.")
    both = int(_lasso_twin_picks()[0, 2])
    share = both / _N_RESAMPLES
    truth = "almost none" if share <= 0.2 else "almost all" if share >= 0.8 else "about half"
    choice = _CHOICES[word]
    if choice == truth:
        return Feedback.ok(f"The Lasso keeps both copies in {both} of {_N_RESAMPLES} resamples. "
                           "Run the next cell for the full count.")
    why = {
        "almost all": "Keeping both costs the Lasso as much penalty as putting the whole weight on "
                      "one copy (|0.5| + |0.5| = |1|), and buys almost nothing, since the copies "
                      "carry the same information.",
        "about half": "The choice is not a coin toss between 'both' and 'one': L1 gains nothing "
                      "from splitting a weight between copies that say the same thing.",
        "almost none": "Here the copies differ enough for the Lasso to use both often.",
    }[choice]
    return Feedback.hint(f"{why} Think about which copy *one* fit would keep, and whether a "
                         "second copy could lower the loss.")


# --------------------------------------------------------------------------- elastic net


@functools.lru_cache(maxsize=1)
def _enet_coef() -> np.ndarray:
    T, y, _, _ = _twin_data()
    fit = ElasticNetCV(l1_ratio=0.5, alphas=ALPHAS, cv=folds(), **_TIGHT).fit(T, y)
    t = cv_table(fit.alphas_, fit.mse_path_)
    return ElasticNet(alpha=t.alphas[t.one_se], l1_ratio=0.5, **_TIGHT).fit(T, y).coef_


@exercise
def check_enet_twins(answer: object) -> Feedback:
    """Grade the names of the twin columns (bmi, bmi_twin, s5, s5_twin) elastic net keeps.

    Accepts a list, tuple, set or array of names (any order) or of column positions.

    Examples
    --------
    >>> check_enet_twins.grade(["s5", "bmi_twin", "bmi", "s5_twin"]).passed
    True
    >>> check_enet_twins.grade(["bmi", "s5"]).passed
    False
    """
    if is_unanswered(answer):
        return Feedback.unanswered("a list of column names")
    _, _, twin_names, pairs = _twin_data()
    group = [twin_names[j] for p in pairs for j in p]
    coef = _enet_coef()
    want = {twin_names[j] for p in pairs for j in p if coef[j] != 0}
    if isinstance(answer, str):
        return Feedback.hint(f"give a list of names, e.g. [{answer!r}, ...], not one string.")
    answer = sorted_if_set(answer)
    if isinstance(answer, np.ndarray):
        answer = answer.tolist()
    if not isinstance(answer, (list, tuple)):
        return Feedback.hint(f"give a list of column names, not {a_kind(answer)}.")
    got = set()
    for item in answer:
        if _is_number(item) and float(item).is_integer() and 0 <= int(item) < len(twin_names):
            got.add(twin_names[int(item)])
        elif learner_word(item) is not None and learner_word(item).replace(" ", "_") in twin_names:
            got.add(learner_word(item).replace(" ", "_"))
        else:
            return Feedback.hint(f"{item!r:.40} is not a column; the columns are "
                                 f"{', '.join(twin_names)}.")
    extra = sorted(got - set(group))
    if extra:
        return Feedback.hint(f"list only the twin columns ({', '.join(group)}); "
                             f"{', '.join(extra)} "
                             f"{'is not one of them' if len(extra) == 1 else 'are not among them'}"
                             ".")
    if got == want:
        return Feedback.ok(f"Elastic net keeps {', '.join(sorted(want))}: its L2 part spreads "
                           "the weight over both copies instead of choosing one.")
    missing = sorted(want - got)
    if missing:
        verb = "also has a non-zero weight" if len(missing) == 1 else "also have non-zero weights"
        return Feedback.hint(f"{', '.join(missing)} {verb} in `enet.coef_` "
                             "(look at the printed weights, or `enet.coef_ != 0`).")
    zero = sorted(got - want)
    return Feedback.hint(f"{', '.join(zero)} {'has weight' if len(zero) == 1 else 'have weights'} "
                         "exactly 0 in `enet.coef_`.")


# --------------------------------------------------------------------------- scaling


@exercise
def check_lasso_scaling(answer: object) -> Feedback:
    """Predict lambda of ``0.5 ||y - Xw||^2 + lambda ||w||_1`` matching ``Lasso(alpha=5)``.

    Examples
    --------
    >>> check_lasso_scaling.grade(2210).passed, check_lasso_scaling.grade(5).passed
    (True, False)
    """
    if is_unanswered(answer):
        return Feedback.unanswered("a number")
    if isinstance(answer, (str, bytes)):
        return Feedback.hint(f"answer with a number, not {a_kind(answer)}.")
    x = learner_number(answer, "your answer")  # names complex, NaN, huge ... answers
    n = len(_diabetes()[1])
    alpha = 5.0
    want = n * alpha
    if np.isclose(x, want, rtol=1e-6):
        return Feedback.ok(f"n x alpha = {n} x 5 = {want:g}: multiplying scikit-learn's "
                           "objective by n removes its 1/n without moving the minimiser.")
    wrong = {
        alpha: "5 would be right only if both losses had the same scale, but scikit-learn's is "
               "divided by n: with the same lambda, the other objective's loss is n times "
               "larger, so its penalty is relatively n times weaker.",
        alpha / n: "that goes the wrong way: the other loss is n times *larger*, so its penalty "
                   "must be n times larger too, not smaller.",
        2 * n * alpha: "both objectives have the 1/2 in front of the squared error, so it cancels; "
                       "only the 1/n differs.",
        n * alpha / 2: "only the 1/n differs between the two objectives: the 1/2 is in both.",
    }
    for value, why in wrong.items():
        if np.isclose(x, value, rtol=1e-6):
            return Feedback.hint(why)
    return Feedback.hint("multiply scikit-learn's whole objective by a number that turns "
                         "(1/(2n))||y - Xw||^2 into (1/2)||y - Xw||^2; the minimiser does not "
                         "move, and the penalty is multiplied by the same number.")
