"""An adversarial pass over every exercise check: many wrong answers, and a few right ones
in unusual forms, thrown at all 26 checks through the printing check a learner calls.

For each answer the truth is known independently of the check (an exact computation, or
the way the answer was made: a solution with a parameter written in, a factor off, ...).
The pass counts

* wrong answers graded ✅ (must be 0),
* hangs: a check that took longer than the learner time limit plus two seconds (must be 0),
* crashes: an exception that escaped a check (must be 0),
* long hints: an output of more than 1,000 characters (must be 0),
* right answers not graded ✅ (reported; a few are refused on purpose, e.g. a complex
  number whose imaginary part is 0),

and prints the counts per check. Run: ``.venv/bin/python benchmarks/adversarial_checks.py``
(about a minute; ``--quick`` skips the answers that must be stopped by the time limit and
07's full-size data). The time limit is lowered to 1 s here so that the stopped answers
cost little; a learner's limit is ``core.LEARNER_TIME_LIMIT``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import math
import sys
import time
from collections import Counter, defaultdict
from decimal import Decimal, getcontext
from fractions import Fraction
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lessonlib.checks import (  # noqa: E402
    below_one,
    core,
    geometry,
    l1_zeroing,
    overfitting,
    sparse_features,
    start_here,
    wide_lab,
    zeno_l2,
)
from lessonlib.geometry import min_l1_solution  # noqa: E402
from lessonlib.penalties import soft_threshold  # noqa: E402

getcontext().prec = 60
RIGHT, WRONG = "right", "wrong"


# --------------------------------------------------------------------------- plain values


class _Odd:
    def __repr__(self) -> str:
        raise RuntimeError("a broken repr")


def _plain(answer: object) -> list[Fraction] | None:
    """The exact real values of an answer, or None if it is not plain real numbers.

    Complex (even with imaginary part 0), masked, text, True/False, None and callables
    are not plain numbers: a check must refuse them.
    """
    if isinstance(answer, (str, bytes, bool, np.bool_, dict)) or answer is None or callable(answer):
        return None
    if isinstance(answer, np.ma.MaskedArray):
        return None
    if isinstance(answer, (set, frozenset)):
        answer = sorted(answer, key=repr)
    if isinstance(answer, (int, float, Fraction, Decimal, np.integer, np.floating)):
        items = [answer]
    else:
        try:
            arr = np.asarray(answer)
        except (TypeError, ValueError):
            return None
        if arr.dtype.kind not in "iuf" + "O" or arr.size > 10**5:
            return None
        items = arr.ravel().tolist()
    out = []
    for x in items:
        if isinstance(x, (bool, np.bool_, complex)) or not isinstance(
                x, (int, float, Fraction, Decimal, np.integer, np.floating)):
            return None
        if isinstance(x, (float, np.floating)) and not math.isfinite(float(x)):
            return None
        if isinstance(x, int) and abs(x) > 10**308:
            return None
        if isinstance(x, Decimal):
            out.append(Fraction(str(x)))
        elif isinstance(x, (float, np.floating)):
            out.append(Fraction(float(x)))
        else:
            out.append(Fraction(x) if isinstance(x, Fraction) else Fraction(int(x)))
    return out


def _one(values: list[Fraction] | None) -> Fraction | None:
    return values[0] if values is not None and len(values) == 1 else None


def _shape_ok(answer: object, n: int) -> bool:
    """``n`` numbers, in one row or in a shape that holds only them ((1, n) or (n, 1))."""
    try:
        return np.size(answer) == n and max(np.shape(answer), default=1) == n
    except (TypeError, ValueError):
        return False


# --------------------------------------------------------------------------- truths


def _sqrt(x: Fraction) -> Decimal:
    return (Decimal(x.numerator) / Decimal(x.denominator)).sqrt()


def _half_norm(v: list[Fraction]) -> Decimal:
    return sum((_sqrt(abs(x)) for x in v), Decimal(0)) ** 2


def truth_triangle(u: object, v: object) -> bool:
    a, b = _plain(u), _plain(v)
    if a is None or b is None or len(a) != 3 or len(b) != 3 or not _shape_ok(u, 3) \
            or not _shape_ok(v, 3):
        return False
    left = _half_norm([x + y for x, y in zip(a, b, strict=True)])
    right = _half_norm(a) + _half_norm(b)
    return left > right * (1 + Decimal("1e-9"))  # the check's stated margin for round-off


def truth_midpoint(u: object, v: object) -> bool:
    a, b = _plain(u), _plain(v)
    if a is None or b is None or len(a) != len(b) or not a or np.ndim(u) != 1 \
            or np.ndim(v) != 1:
        return False
    if {tuple(abs(x) for x in a), tuple(abs(x) for x in b)} == {(1, 0), (0, 1)}:
        return False  # the text's own pair, refused by the exercise
    ca = sum(x != 0 for x in a)
    cb = sum(x != 0 for x in b)
    cm = sum(x + y != 0 for x, y in zip(a, b, strict=True))
    return cm > Fraction(ca + cb, 2)


def _value_is(target: Fraction | int | float, tol: float = 0.0):
    def truth(answer: object) -> bool:
        x = _one(_plain(answer))
        return x is not None and abs(x - Fraction(target)) <= Fraction(tol)
    return truth


def _set_is(target: set[float], tol: float = 1e-6, allow_mask: bool = False):
    def truth(answer: object) -> bool:
        if allow_mask and isinstance(answer, (list, tuple, np.ndarray)) and \
                not isinstance(answer, np.ma.MaskedArray):
            arr = np.asarray(answer)
            if arr.shape == (8,) and (arr.dtype == bool or (
                    arr.dtype.kind in "iuf" and set(arr.tolist()) <= {0, 1})):
                return set(np.flatnonzero(arr).tolist()) == target
        vals = _plain(answer)
        if vals is None or not vals or (isinstance(answer, np.ndarray)
                                        and not _shape_ok(answer, answer.size)):
            return False
        got = {float(x) for x in vals}
        return all(any(abs(g - t) <= tol for t in target) for g in got) and \
            all(any(abs(g - t) <= tol for g in got) for t in target)
    return truth


def truth_touch(answer: object) -> bool:
    vals = _plain(answer)
    return vals is not None and len(vals) == 2 and _shape_ok(answer, 2) and \
        abs(vals[0] - 2) <= Fraction(1, 10**6) and abs(vals[1]) <= Fraction(1, 10**6)


def truth_steps(answer: object) -> bool:
    x = _one(_plain(answer))
    exact = math.log(2) / -math.log1p(-0.01)
    return x is not None and (x == 69 or abs(float(x) - exact) <= 0.1)


# --------------------------------------------------------------------------- answer pools


def _variants(x: object) -> list[object]:
    """The same value as a learner might write it, right forms and wrong ones."""
    out: list[object] = [x]
    try:
        arr = np.asarray(x, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return out
    out += [arr, arr.astype(np.float32), arr.tolist(), arr + 1j, arr + 0j,
            np.ma.masked_array(np.atleast_1d(arr), mask=False),
            np.ma.masked_array(np.atleast_1d(arr), mask=True)]
    if arr.ndim == 0:
        out += [np.array([float(arr)]), [float(arr)], np.float32(arr), complex(float(arr), 1),
                str(float(arr))]
    else:
        out += [arr.reshape(1, -1), tuple(arr.tolist())]
    return out


GENERIC = [0, 1, 2, -2, 3, 0.5, 1e308, -1e308, 5e-324, 10**400, -(10**400), math.nan,
           math.inf, -math.inf, True, False, "2", b"2", "L1", "", [], (), {}, {0.3, 0.5},
           {1, -1}, [0, 2], [[1], [1, 2]], [1 + 2j, 0], np.arange(10**7), list(range(10**6)),
           np.zeros((3, 3)), np.datetime64("2026-01-01"), Fraction(2), Decimal(2),
           np.ma.masked_all(3), object(), _Odd(), lambda *a: 2, print, type, range(3)]


def scalar_pool(right: list[object], near: list[object]) -> list[object]:
    pool = list(GENERIC)
    for x in right + near:
        pool += _variants(x)
    return pool


def mutations(ref, params: dict[int, list[float]], n_args: int, arrays_in: bool,
              new_array_asked: bool) -> list[tuple[str, object, str]]:
    """(name, function, right/wrong) made from the reference solution ``ref``."""
    out: list[tuple[str, object, str]] = [("reference", ref, RIGHT)]

    def wrap(g):
        return lambda *a: g(*a)

    out += [
        ("float32", wrap(lambda *a: np.asarray(ref(*a), dtype=np.float32)), RIGHT),
        ("list", wrap(lambda *a: np.atleast_1d(ref(*a)).tolist()), RIGHT),
        ("plus-j", wrap(lambda *a: np.asarray(ref(*a)) + 1j), WRONG),
        ("plus-0j", wrap(lambda *a: np.asarray(ref(*a)) + 0j), WRONG),
        ("masked", wrap(lambda *a: np.ma.masked_array(np.atleast_1d(ref(*a)))), WRONG),
        ("nan", wrap(lambda *a: np.asarray(ref(*a)) * np.nan), WRONG),
        ("huge", wrap(lambda *a: 10**400), WRONG),
        ("text", wrap(lambda *a: str(ref(*a))), WRONG),
        ("raises", wrap(lambda *a: 1 / 0), WRONG),
        ("returns-first-input", wrap(lambda *a: a[0]), WRONG),
        ("returns-a-function", wrap(lambda *a: ref), WRONG),
        ("returns-ten-million", wrap(lambda *a: np.zeros(10**7)), WRONG),
    ]
    for factor in (-1.0, 0.5, 0.999, 1.0001, 1.01, 2.0):
        out.append((f"times-{factor:g}",
                    wrap(lambda *a, f=factor: np.asarray(ref(*a), dtype=float) * f), WRONG))
    for delta in (1e-4, 0.01, 1.0):
        out.append((f"plus-{delta:g}",
                    wrap(lambda *a, d=delta: np.asarray(ref(*a), dtype=float) + d), WRONG))

        def one_off(*a, d=delta):
            r = np.array(ref(*a), dtype=float)
            r.flat[-1] += d
            return r
        out.append((f"last-entry-plus-{delta:g}", one_off, WRONG))
    for i, values in params.items():
        for c in values:
            def fixed(*a, i=i, c=c):
                a = list(a)
                a[i] = c
                return ref(*a)
            out.append((f"arg{i}-written-as-{c:g}", fixed, WRONG))

    def spoil_after(*a):
        result = ref(*a)
        for x in a:
            if isinstance(x, np.ndarray):
                x[...] = 0
        return result

    def spoil_before(*a):
        for x in a:
            if isinstance(x, np.ndarray) and x.ndim == 1:
                x[...] = 0
        return ref(*a)
    # prune's exercise asks for a *new* array: changing w is wrong there by its own rule
    out.append(("spoils-inputs-after", spoil_after, WRONG if new_array_asked else RIGHT))
    if arrays_in:  # with only numbers in, there is nothing to spoil
        out.append(("zeroes-inputs-first", spoil_before, WRONG))
    return out


HANGS = [("loops-forever", "while True: pass"), ("sleeps", "time.sleep(60)"),
         ("swallows-the-alarm", "while True:\n    try:\n        pass\n    except:\n        pass"),
         ("sleeps-and-swallows",
          "while True:\n    try:\n        time.sleep(10)\n    except:\n        pass")]


def _hang(body: str, n_args: int):
    names = ", ".join(f"a{i}" for i in range(n_args))
    src = f"def f({names}):\n" + "\n".join("    " + line for line in body.splitlines())
    scope = {"time": time}
    exec(src, scope)  # noqa: S102 - our own fixed source
    return scope["f"]


# --------------------------------------------------------------------------- the checks


def _ftrl(z, n, l1, l2, alpha, beta):
    w = -(z - np.sign(z) * l1) / ((beta + np.sqrt(n)) / alpha + l2)
    return np.where(np.abs(z) <= l1, 0.0, w)


def _prune(w, k):
    out = np.zeros_like(np.asarray(w, dtype=float))
    keep = np.argsort(-np.abs(w))[:k]
    out[keep] = np.asarray(w)[keep]
    return out


FUNCTION_CHECKS = {
    "check_cross_size": (sparse_features.check_cross_size,
                         lambda m: (180 * 60 / m) * (360 * 60 / m), {0: [1.0]}, 1),
    "check_l2_step": (zeno_l2.check_l2_step, lambda w, eta, lam: (1 - 2 * eta * lam) * w,
                      {1: [0.1], 2: [0.05]}, 3),
    "check_soft_threshold": (l1_zeroing.check_soft_threshold,
                             lambda w, t: np.sign(w) * np.maximum(np.abs(w) - t, 0),
                             {1: [0.3, 0.25]}, 2),
    "check_ista_step": (l1_zeroing.check_ista_step,
                        lambda w, X, y, lam, step: soft_threshold(
                            w - step * X.T @ (X @ w - y) / len(y), step * lam),
                        {3: [0.2], 4: [0.4]}, 5),
    "check_min_l1": (geometry.check_min_l1, min_l1_solution, {}, 2),
    "check_reweight_weights": (below_one.check_reweight_weights,
                               lambda x, eps: 1 / (np.abs(x) + eps), {1: [0.1, 0.5]}, 2),
    "check_prune": (overfitting.check_prune, _prune, {1: [2, 3]}, 2),
    "check_ftrl_weights": (wide_lab.check_ftrl_weights, _ftrl,
                           {2: [1.0], 3: [0.0], 4: [1.0], 5: [1.0]}, 6),
    "check_house_score": (wide_lab.check_house_score,
                          lambda m, c: float(m.bias[0] + m.weights_at(c).sum()), {}, 2),
}


def scalar_checks() -> dict[str, tuple[object, list[tuple[tuple, str]]]]:
    """Each value check with its answers, and whether each answer is right."""
    from lessonlib.overfitting import lasso_sweep, parts_toy, regression_task

    toy = parts_toy()
    w1 = min_l1_solution(toy.X_train, toy.y_train)
    part = int(np.flatnonzero(w1)[0])
    sweep = lasso_sweep(regression_task(seed=0), n_lambdas=60)  # notebook 06's own sweep
    best = float(sweep.lambdas[sweep.best])

    def judged(pool, truth):
        def safe(a: object) -> bool:
            try:
                return bool(truth(a))
            except (TypeError, ValueError, OverflowError):
                return False  # not even numbers: wrong
        return [((a,), RIGHT if safe(a) else WRONG) for a in pool]

    out = {
        "check_nonzero_count": (start_here.check_nonzero_count,
                                judged(scalar_pool([2], [1, 3, 4, 5, 8, 2.5, 1.999999]),
                                       _value_is(2))),
        "check_dense_bytes": (sparse_features.check_dense_bytes,
                              judged(scalar_pool([1_866_240_000],
                                                 [1_866_240_001, 1_866_241_000, 1.87e9,
                                                  233_280_000, 933_120_000]),
                                     _value_is(1_866_240_000, 0.5))),
        "check_sparse_budget": (sparse_features.check_sparse_budget,
                                judged(scalar_pool([77_760_000],
                                                   [77_760_001, 77_759_999, 155_520_000,
                                                    116_640_000]),
                                       _value_is(77_760_000, 0.5))),
        "check_steps_to_halve": (zeno_l2.check_steps_to_halve,
                                 judged(scalar_pool([69, 68.97], [68, 70, 69.31, 68.5, 50,
                                                                  34.66, 68.86]), truth_steps)),
        "check_reaches_zero": (zeno_l2.check_reaches_zero,
                               judged(scalar_pool([[0.3, 0.5]], [[0.3], [0.5], [0.3, 0.5, 0.55],
                                                                  [0.3, 0.5, 0.3], [0.5, 0.9]]),
                                      _set_is({0.3, 0.5}, 0.0))),
        "check_predict_zeroed": (l1_zeroing.check_predict_zeroed,
                                 judged(scalar_pool([[1, 2, 4, 5, 7]],
                                                    [[1, 2, 4], [1, 2, 4, 5], [0, 1, 2, 4, 5, 7],
                                                     [2, 3, 5, 6, 8], [1, 2, 4, 5, 7, 7],
                                                     [0, 1, 1, 0, 1, 1, 0, 1],
                                                     [False, True, True, False, True, True,
                                                      False, True],
                                                     [0, 1, 1, 0, 1, 0, 0, 1],
                                                     [1.0, 2.0, 4.0, 5.0, 7.0]]),
                                        _set_is({1, 2, 4, 5, 7}, 0.0, allow_mask=True))),
        "check_touch_l1": (geometry.check_touch_l1,
                           judged(scalar_pool([[2, 0]], [[0, 6], [2.0000001, 0], [1.2, 2.4],
                                                         [2, 0, 0], [1, 3], [2.5, -1.5]]),
                                  truth_touch)),
        "check_tie_slopes": (geometry.check_tie_slopes,
                             judged(scalar_pool([[1, -1]], [[1], [-1], [1, -1, 2], [0],
                                                            [1, 1]]),
                                    _set_is({1.0, -1.0}, 1e-9))),
        "check_local_minima": (below_one.check_local_minima,
                               judged(scalar_pool([[0, 2]], [[2], [0], [0, 2, 2 / 3], [2 / 3],
                                                             [0, 1, 2]]),
                                      _set_is({0.0, 2.0}))),
        "check_landing": (below_one.check_landing,
                          judged(scalar_pool([2], [0, 2 / 3, 0.8, 1.9999, 4]),
                                 _value_is(2, 1e-6))),
        "check_l1_part": (overfitting.check_l1_part,
                          judged(scalar_pool([part], [part + 1, part - 1, float(w1[part]),
                                                      part + 0.5, len(toy.part_names)])
                                 + [toy.part_names[part], toy.part_names[part].upper(),
                                    toy.part_names[(part + 1) % len(toy.part_names)],
                                    "part 01", [toy.part_names[part]]],
                                 lambda a: (isinstance(a, str) and a.strip().lower()
                                            == toy.part_names[part].lower())
                                 or (isinstance(a, list) and a == [toy.part_names[part]])
                                 or _value_is(part)(a))),
        "check_dense_winner": (overfitting.check_dense_winner,
                               [((a,), RIGHT if isinstance(a, str) and "".join(
                                   a.lower().split()).strip("'\".") in ("l2", "ridge")
                                 else WRONG)
                                for a in GENERIC + ["L2", "ridge", " l2 ", "L1", "lasso",
                                                    "L 2", "l2.", "Ridge", "LASSO", "both",
                                                    "L3", "L2 and L1"]]),
    }
    lam_answers = scalar_pool([best], [best * 1.05, best * 0.95, float(sweep.lambdas[-1]),
                                       float(sweep.lambdas[0]), sweep.best,
                                       float(sweep.val_mse[sweep.best])])
    out["check_best_lambda"] = (overfitting.check_best_lambda,
                                [((a, sweep), RIGHT if _value_is(best, best * 0.01)(a)
                                  else WRONG) for a in lam_answers])
    pairs = [
        ([1, 0, 0], [0, 0, 2]), ([1e308, 0, 0], [0, 1e308, 0]),
        ([5e-324, 0, 0], [0, 0, 5e-324]), ([1, 0, 0], [1, 0, 0]), ([1, 0, 0], [-1, 0, 0]),
        ([1, 1, 0], [0, 1, 1]), ([1, 0, 0], [0, 0, 0]), ([1, 0], [0, 1]),
        ([1, 0, 0], [0, 1, 0, 0]), ([1 + 1j, 0, 0], [0, 1, 0]), ([np.nan, 0, 0], [0, 1, 0]),
        ([10**400, 0, 0], [0, 1, 0]), ([1, 2, 3], [-1, -2, -3]), ([1, 0, 0], [0, 1e-300, 0]),
        ([2, 0, 0], [0, 0, 2.0000001]), ("u", "v"), ([1, 0, 0], np.ma.masked_array([0, 1, 0])),
    ]
    rng = np.random.default_rng(17)
    for _ in range(60):  # random sign patterns and sizes: some valid, most not
        u = rng.choice([0.0, 1.0, -2.0, 1e-200, 3e150], size=3)
        v = rng.choice([0.0, 1.0, -1.0, 5e-324, 7.0], size=3)
        pairs.append((u, v))
    out["check_triangle_counterexample"] = (
        below_one.check_triangle_counterexample,
        [((u, v), RIGHT if truth_triangle(u, v) else WRONG) for u, v in pairs])
    mids = [([2, 0, 0], [0, 0, 4]), ([1, 0], [0, 1]), ([0, 1], [-1, 0]), ([5e-324, 0], [0, 5e-324]),
            ([5e-324, 0], [-5e-324, 0]), ([1e308, 0], [0, 1e308]), ([1, 1], [1, 1]),
            ([1, 2], [3, 4]), ([1, 0], [-1, 1]), ([1, 0, 0], [0, 1]), ([1j, 0], [0, 1]),
            ([[1, 0]], [[0, 1]]), ([], []), ([3, 0, 0, 0], [0, 0, 0, 5])]
    for _ in range(60):
        mids.append((rng.choice([0.0, 1.0, -1.0, 2.0, 5e-324], size=4),
                     rng.choice([0.0, 1.0, -1.0, -5e-324], size=4)))
    out["check_l0_midpoint"] = (sparse_features.check_l0_midpoint,
                                [((a, b), RIGHT if truth_midpoint(a, b) else WRONG)
                                 for a, b in mids])
    return out


def challenge_answers() -> list[tuple[str, tuple, str]]:
    """07's challenge and stretch: wrong data, wrong validation, and a right model."""
    from lessonlib.wide import WideModel, encode, train_ftrl
    from lessonlib.world import houses

    spec = wide_lab.NOTEBOOK_DATA
    world = houses(spec["houses"], seed=spec["seed"])
    data = encode(world.lat, world.lon, world.expensive)
    train, val = data.split(validation=spec["validation"], seed=spec["split_seed"])
    on_all = train_ftrl(data, l1=24, progress=False).model
    on_train = train_ftrl(train, l1=23, alpha=2.0, progress=False).model  # 0.577: both miss
    right = train_ftrl(train, l1=18.0, progress=False).model  # the solutions' answers
    stretch = train_ftrl(train, l1=70.0, epochs=3, progress=False).model
    bare = WideModel(right.indices, right.values, right.bias, right.n_lat, right.n_lon)
    cases = [
        ("train+validation", (on_all, val), WRONG),
        ("validation cut to 10", (right, val.take(np.arange(10))), WRONG),
        ("validation cut to half", (right, val.take(np.arange(len(val) // 2))), WRONG),
        ("training data as validation", (right, train), WRONG),
        ("whole data as validation", (right, data), WRONG),
        ("no record of its data", (bare, val), WRONG),
        ("trained on validation", (train_ftrl(val, l1=5, progress=False).model, val), WRONG),
        ("one-pass model", (on_train, val), WRONG),
        ("not a model", ("model", val), WRONG),
        # the truth of these is the targets, computed below from the model itself
        ("solution l1=18", (right, val), None),
        ("solution l1=70, 3 passes", (stretch, val), None),
        ("solution on a reordered val", (right, val.take(np.arange(len(val))[::-1])), None),
    ]
    return cases


def run(quick: bool) -> int:
    core.LEARNER_TIME_LIMIT = 1.0
    hang_after = core.LEARNER_TIME_LIMIT + 2.0
    counts: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)

    def judge(name: str, check, args: tuple, truth: str | None, label: str) -> None:
        buf = io.StringIO()
        start = time.perf_counter()
        try:
            with contextlib.redirect_stdout(buf):
                check(*args)
        except BaseException as exc:  # noqa: BLE001 - counting what escapes
            counts[name]["crash"] += 1
            examples[name].append(f"crash {label}: {type(exc).__name__}: {exc}"[:200])
            return
        seconds = time.perf_counter() - start
        out = buf.getvalue()
        passed = out.startswith(core.PASS)
        counts[name]["answers"] += 1
        counts[name]["wrong" if truth == WRONG else "right"] += 1
        if seconds > hang_after:
            counts[name]["hang"] += 1
            examples[name].append(f"hang {label}: {seconds:.1f} s")
        if len(out) > 1000:
            counts[name]["long"] += 1
            examples[name].append(f"long {label}: {len(out)} characters")
        if truth == WRONG and passed:
            counts[name]["wrong graded correct"] += 1
            examples[name].append(f"WRONG GRADED CORRECT {label}: {out.strip()[:160]}")
        if truth == RIGHT and not passed:
            counts[name]["right not passed"] += 1
            examples[name].append(f"right not passed {label}: {out.strip()[:160]}")

    for name, (check, answers) in scalar_checks().items():
        for args, truth in answers:
            judge(name, check, args, truth, " / ".join(core.short_repr(a, 50) for a in args))
    for name, (check, ref, params, n_args) in FUNCTION_CHECKS.items():
        answers = mutations(ref, params, n_args,
                            arrays_in=name not in ("check_cross_size", "check_l2_step"),
                            new_array_asked=name == "check_prune")
        for other, (_, ref2, _, _) in FUNCTION_CHECKS.items():  # a neighbour's answer
            if other != name:
                answers.append((f"answer of {other}", ref2, WRONG))
        if not quick:
            answers += [(label, _hang(body, n_args), WRONG) for label, body in HANGS]
        for label, func, truth in answers:
            judge(name, check, (func,), truth, label)
    if not quick:
        from lessonlib.wide import evaluate

        for label, args, truth in challenge_answers():
            for check in (wide_lab.check_challenge, wide_lab.check_stretch):
                if truth is None:
                    model, val = args
                    target = (wide_lab.MAX_NONZEROS if check is wide_lab.check_challenge
                              else wide_lab.STRETCH_NONZEROS)
                    ok = model.nnz < target and evaluate(model, val).log_loss < \
                        wide_lab.MAX_LOG_LOSS
                    truth_here = RIGHT if ok else WRONG
                else:
                    truth_here = truth
                judge(check.__name__, check, args, truth_here, label)

    columns = ["answers", "wrong", "right", "wrong graded correct", "right not passed",
               "hang", "crash", "long"]
    print(f"{'check':32s}" + "".join(f"{c:>9s}" for c in ["answers", "wrong", "right",
                                                            "wrong✅", "right❌", "hang",
                                                            "crash", "long"]))
    total = Counter()
    for name in sorted(counts):
        row = counts[name]
        total.update(row)
        print(f"{name:32s}" + "".join(f"{row[c]:9d}" for c in columns))
    print(f"{'all ' + str(len(counts)) + ' checks':32s}" + "".join(f"{total[c]:9d}"
                                                                 for c in columns))
    for name in sorted(examples):
        for line in examples[name][:8]:
            print(f"  {name}: {line}")
    bad = total["wrong graded correct"] + total["hang"] + total["crash"] + total["long"]
    return 1 if bad else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="skip the answers that must be stopped by the time limit and "
                        "07's full-size data")
    sys.exit(run(parser.parse_args().quick))
