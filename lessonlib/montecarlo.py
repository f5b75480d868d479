"""Seeded Monte Carlo experiments about sparsity, each estimate with a confidence interval.

Every experiment takes a ``seed`` and draws everything from
``numpy.random.default_rng(seed)``, so a notebook run twice prints the same text.
Shares of trials come with Wilson score intervals (:func:`wilson_interval`), which
behave well at 0 % and 100 %, where the textbook ``p +- 1.96 sqrt(p(1-p)/n)`` collapses.

Experiments
-----------
* :func:`penalised_quadratic_zeros`: random quadratic losses plus an L1 or L2 penalty;
  how often is a coefficient exactly 0? (the "soft" form, 2 to 100 dimensions)
* :func:`min_norm_nonzeros`: non-zeros of the min-L1 and min-L2 solutions of random
  underdetermined systems as the dimension grows (the "hard" form, a linear programme)
* :func:`recovery_experiment`: can min-L1 recover an s-sparse vector from m random
  measurements? Compared with :func:`l1_statistical_dimension`, the predicted threshold.
"""

from __future__ import annotations

import math
import numbers
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import erfc
from scipy.stats import binomtest, norm

from lessonlib._setup import limited_blas
from lessonlib._validate import as_float_array, as_int, as_scalar
from lessonlib.geometry import min_l1_solution, min_l2_solution

__all__ = [
    "Estimate",
    "PairedCounts",
    "RecoveryCurve",
    "estimate",
    "l1_statistical_dimension",
    "min_norm_nonzeros",
    "penalised_quadratic_zeros",
    "recovery_experiment",
    "sparse_problem",
    "wilson_interval",
]


def wilson_interval(successes: int, trials: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a share ``successes / trials``.

    Parameters
    ----------
    successes, trials : int
        ``0 <= successes <= trials``, ``trials >= 1``.
    confidence : float, default 0.95
        In (0, 1).

    Returns
    -------
    (low, high) : tuple of float, within [0, 1].

    Examples
    --------
    >>> [round(v, 3) for v in wilson_interval(0, 40)]
    [0.0, 0.088]
    >>> [round(v, 3) for v in wilson_interval(20, 40)]
    [0.352, 0.648]
    """
    trials = as_int(trials, "trials", low=1)
    successes = as_int(successes, "successes", low=0, high=trials)
    confidence = as_scalar(confidence, "confidence", low=0, high=1, low_open=True, high_open=True)
    z = float(norm.ppf(0.5 + confidence / 2))
    phat = successes / trials
    denom = 1 + z * z / trials
    centre = (phat + z * z / (2 * trials)) / denom
    half = z * math.sqrt(phat * (1 - phat) / trials + z * z / (4 * trials * trials)) / denom
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == trials else min(1.0, centre + half)
    return low, high


@dataclass(frozen=True)
class Estimate:
    """A share measured by Monte Carlo, with its 95 % Wilson interval."""

    successes: int
    trials: int
    low: float
    high: float

    @property
    def share(self) -> float:
        """``successes / trials``."""
        return self.successes / self.trials

    def __str__(self) -> str:
        return (
            f"{100 * self.share:5.1f}% (95% CI {100 * self.low:.0f}-{100 * self.high:.0f}%, "
            f"{self.successes}/{self.trials})"
        )


def estimate(successes: int, trials: int) -> Estimate:
    """Package a count as an :class:`Estimate` with its Wilson interval.

    Examples
    --------
    >>> print(estimate(21, 40))
     52.5% (95% CI 37-67%, 21/40)
    """
    low, high = wilson_interval(successes, trials)
    return Estimate(int(successes), int(trials), low, high)


# --------------------------------------------------------------------------- soft form


def _random_bowls(rng: np.random.Generator, trials: int, d: int, bowl: str, condition: float):
    """Curvature matrices H (trials, d, d) and their largest eigenvalue."""
    if bowl == "round":
        return None, np.ones(trials)
    # "tilted": a random orientation (Haar orthogonal Q) and random curvatures in [1, condition].
    # A loop of small QRs (single-threaded, see the caller): multi-threaded BLAS on a
    # busy 2-core machine made each 100 x 100 QR ~15 times slower.
    H = np.empty((trials, d, d))
    e = rng.uniform(1.0, condition, size=(trials, d))
    for t in range(trials):
        Q, R = np.linalg.qr(rng.standard_normal((d, d)))
        Q = Q * np.sign(np.diag(R))
        H[t] = (Q * e[t]) @ Q.T
    return H, e.max(axis=1)


def _apply(H: np.ndarray | None, v: np.ndarray) -> np.ndarray:
    """``H @ v`` for each trial; ``H is None`` stands for the identity (round bowls)."""
    return v.copy() if H is None else np.matmul(H, v[..., None])[..., 0]


def _lasso_quadratic(H, c, lam, lmax, iters):
    """Minimise 0.5 (w-c)^T H (w-c) + lam ||w||_1 for a stack of problems (proximal gradient).

    Each step ends with soft-thresholding, so a coordinate the optimum puts at 0
    becomes exactly 0 once the iterates are close; the bowls are well conditioned
    (condition <= 10 here), so a few hundred steps reach machine precision.
    """
    step = (1.0 / lmax)[:, None]
    w = np.zeros_like(c)
    for _ in range(iters):
        grad = _apply(H, w - c)
        z = w - step * grad
        w = np.sign(z) * np.maximum(np.abs(z) - step * lam, 0.0)
    return w + 0.0


@dataclass(frozen=True)
class SoftZeros:
    """Result of :func:`penalised_quadratic_zeros` for one dimension and one penalty."""

    d: int
    penalty: str
    bowl: str
    any_zero: Estimate
    zero_fraction: float
    zero_fraction_ci: tuple[float, float]
    kkt_gap: float

    def __str__(self) -> str:
        lo, hi = self.zero_fraction_ci
        return (
            f"d = {self.d:3d}, {self.penalty}: some coefficient exactly 0 in {self.any_zero}; "
            f"share of coefficients at 0: {100 * self.zero_fraction:.1f}% "
            f"(95% CI {100 * lo:.0f}-{100 * hi:.0f}%)"
        )


def penalised_quadratic_zeros(
    d: int,
    penalty: str = "l1",
    *,
    trials: int = 400,
    lam: float = 0.5,
    bowl: str = "round",
    condition: float = 10.0,
    seed: int = 0,
    iters: int = 400,
) -> SoftZeros:
    """How often does ``loss + penalty`` put a coefficient at exactly 0, for random losses?

    Each trial draws a quadratic loss ``0.5 (w - c)^T H (w - c)`` whose minimum ``c``
    is uniform in the cube ``[-1, 1]^d``; ``bowl="round"`` means ``H = I`` (circular
    contours, the "symmetric bowl"), ``"tilted"`` a random orientation with
    curvatures uniform in ``[1, condition]``. It then minimises
    ``loss + lam * ||w||_1`` (proximal gradient, exact zeros from soft-thresholding)
    or ``loss + lam * ||w||_2^2`` (closed form ``(H + 2 lam I)^-1 H c``) and counts
    exact zeros. The same seed gives the same losses for both penalties.

    Parameters
    ----------
    d : int
        Number of coefficients, >= 1.
    penalty : {"l1", "l2"}
    trials : int, default 400
    lam : float, default 0.5
        Penalty strength, >= 0.
    bowl : {"round", "tilted"}
    condition : float, default 10
        Largest / smallest curvature of a tilted bowl, >= 1.
    seed : int, default 0
    iters : int, default 400
        Proximal-gradient steps (L1 only).

    Returns
    -------
    SoftZeros
        ``any_zero``: share of trials with at least one coefficient exactly 0;
        ``zero_fraction``: mean share of the ``d`` coefficients at 0 (with a normal
        95 % interval over trials); ``kkt_gap``: the largest violation of the
        optimality conditions (about 0 when solved).

    Examples
    --------
    >>> r = penalised_quadratic_zeros(2, "l1", trials=200, seed=1)
    >>> 0.5 < r.any_zero.share < 0.9
    True
    >>> penalised_quadratic_zeros(2, "l2", trials=200, seed=1).any_zero.successes
    0
    """
    d = as_int(d, "d", low=1, high=1000)
    trials = as_int(trials, "trials", low=2)
    lam = as_scalar(lam, "lam", low=0)
    condition = as_scalar(condition, "condition", low=1)
    iters = as_int(iters, "iters", low=1)
    if penalty not in ("l1", "l2"):
        raise ValueError(f"penalty must be 'l1' or 'l2', got {penalty!r}")
    if bowl not in ("round", "tilted"):
        raise ValueError(f"bowl must be 'round' or 'tilted', got {bowl!r}")
    rng = np.random.default_rng(as_int(seed, "seed", low=0))
    with limited_blas():  # many small matrix products: threads only add overhead
        return _soft_zeros(rng, d, penalty, trials, lam, bowl, condition, iters)


def _soft_zeros(rng, d, penalty, trials, lam, bowl, condition, iters) -> SoftZeros:
    H, lmax = _random_bowls(rng, trials, d, bowl, condition)
    c = rng.uniform(-1.0, 1.0, size=(trials, d))
    if penalty == "l1":
        w = _lasso_quadratic(H, c, lam, lmax, iters)
        g = _apply(H, w - c)
        gap = np.where(w != 0, np.abs(g + lam * np.sign(w)), np.maximum(np.abs(g) - lam, 0))
    else:
        if H is None:
            w = c / (1 + 2 * lam)
        else:
            w = np.linalg.solve(H + 2 * lam * np.eye(d), _apply(H, c)[..., None])[..., 0]
        gap = np.abs(_apply(H, w - c) + 2 * lam * w)
    zeros = w == 0.0
    frac = zeros.mean(axis=1)
    half = 1.96 * float(frac.std(ddof=1)) / math.sqrt(trials)
    mean = float(frac.mean())
    return SoftZeros(
        d, penalty, bowl, estimate(int(zeros.any(axis=1).sum()), trials), mean,
        (max(0.0, mean - half), min(1.0, mean + half)), float(gap.max()),
    )


# --------------------------------------------------------------------------- hard form


@dataclass(frozen=True)
class NonzeroCounts:
    """Non-zeros of min-L1 and min-L2 solutions, one row per dimension ``d``."""

    n: int
    d: np.ndarray
    l1_mean: np.ndarray
    l1_max: np.ndarray
    l2_mean: np.ndarray
    l2_min: np.ndarray
    trials: int


def min_norm_nonzeros(
    n: int, d_values: Sequence[int], *, trials: int = 20, seed: int = 0, tol: float = 1e-9
) -> NonzeroCounts:
    """Count non-zeros of the min-L1 and min-L2 solutions of random ``n x d`` systems.

    ``A`` and ``b`` have independent standard normal entries. A coordinate counts as
    non-zero when ``|x_i| > tol * max|x|``.

    Examples
    --------
    >>> r = min_norm_nonzeros(3, [10], trials=5)
    >>> r.l1_max.tolist(), r.l2_min.tolist()
    ([3], [10])
    """
    n = as_int(n, "n", low=1)
    ds = [as_int(v, "d_values entry", low=n) for v in d_values]
    if not ds:
        raise ValueError("d_values must list at least one dimension")
    trials = as_int(trials, "trials", low=1)
    tol = as_scalar(tol, "tol", low=0)
    rng = np.random.default_rng(as_int(seed, "seed", low=0))
    rows = []
    for d in ds:
        k1, k2 = [], []
        for _ in range(trials):
            A = rng.standard_normal((n, d))
            b = rng.standard_normal(n)
            for x, store in ((min_l1_solution(A, b), k1), (min_l2_solution(A, b), k2)):
                store.append(int(np.count_nonzero(np.abs(x) > tol * np.max(np.abs(x)))))
        rows.append((np.mean(k1), np.max(k1), np.mean(k2), np.min(k2)))
    r = np.array(rows)
    return NonzeroCounts(
        n, np.array(ds), r[:, 0], r[:, 1].astype(int), r[:, 2], r[:, 3].astype(int), trials
    )


# --------------------------------------------------------------------------- recovery


def l1_statistical_dimension(N: int, s: int) -> float:
    """Predicted number of measurements at which min-L1 starts to recover s-sparse vectors.

    The statistical dimension of the L1 descent cone at an s-sparse point of R^N
    (Amelunxen, Lotz, McCoy & Tropp 2014, "Living on the edge"):
    ``min over t >= 0 of s (1 + t^2) + (N - s) E[(|g| - t)_+^2]`` with ``g`` standard
    normal. Below it, recovery almost always fails; above it, almost always succeeds.

    Examples
    --------
    >>> round(l1_statistical_dimension(500, 20), 1)
    86.9
    """
    N = as_int(N, "N", low=1)
    s = as_int(s, "s", low=0, high=N)
    if s in (0, N):
        return float(s)

    def f(t: float) -> float:
        tail = (1 + t * t) * erfc(t / math.sqrt(2)) - t * math.sqrt(2 / math.pi) * math.exp(
            -t * t / 2
        )
        return s * (1 + t * t) + (N - s) * tail

    return float(minimize_scalar(f, bounds=(0.0, 40.0), method="bounded").fun)


def sparse_problem(
    rng: np.random.Generator, N: int, s: int, m: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One random recovery problem: an s-sparse ``x`` (normal values on a random support),
    a Gaussian ``m x N`` matrix ``A`` and the measurements ``b = A x``.

    Examples
    --------
    >>> A, b, x = sparse_problem(np.random.default_rng(0), 50, 3, 10)
    >>> A.shape, int(np.count_nonzero(x)), bool(np.allclose(A @ x, b))
    ((10, 50), 3, True)
    """
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a NumPy Generator such as np.random.default_rng(0), got "
                        f"{type(rng).__name__} {rng!r:.40}")
    N = as_int(N, "N", low=1)
    s = as_int(s, "s", low=0, high=N)
    m = as_int(m, "m", low=1)
    x = np.zeros(N)
    x[rng.choice(N, size=s, replace=False)] = rng.standard_normal(s)
    A = rng.standard_normal((m, N))
    return A, A @ x, x


def recovered(x_hat: np.ndarray, x: np.ndarray, rtol: float = 1e-5) -> bool:
    """Exact recovery, up to solver precision: ``||x_hat - x|| <= rtol * ||x||``."""
    x_hat = as_float_array(x_hat, "x_hat", ndim=1)
    x = as_float_array(x, "x", ndim=1)
    if x_hat.shape != x.shape:
        raise ValueError(f"x_hat and x must have the same length, got {x_hat.size} and {x.size}")
    return bool(np.linalg.norm(x_hat - x) <= rtol * max(np.linalg.norm(x), 1e-300))


@dataclass(frozen=True)
class PairedCounts:
    """Two solvers run on the same problems: how many each recovered, problem by problem.

    ``only_first`` and ``only_second`` are the *discordant* problems, the only ones that
    tell the solvers apart; :meth:`mcnemar_p` is the exact McNemar test on them.
    """

    both: int
    only_first: int
    only_second: int
    neither: int

    @property
    def trials(self) -> int:
        """All problems, concordant and discordant."""
        return self.both + self.only_first + self.only_second + self.neither

    def mcnemar_p(self) -> float:
        """Two-sided exact McNemar p-value: a binomial test of the discordant split at 1/2.

        Examples
        --------
        >>> round(PairedCounts(2, 0, 6, 12).mcnemar_p(), 5)  # 6 to 0: 2 * 0.5**6
        0.03125
        >>> PairedCounts(3, 0, 0, 5).mcnemar_p()  # no discordant problem: no evidence
        1.0
        """
        n = self.only_first + self.only_second
        if n == 0:
            return 1.0
        return float(binomtest(self.only_second, n, 0.5).pvalue)


@dataclass(frozen=True)
class RecoveryCurve:
    """Recovery estimates per number of measurements, one list per solver.

    With two solvers, ``paired`` holds one :class:`PairedCounts` per ``m`` (first solver
    ``"l1"``, second ``"reweighted"``); with one solver it is empty.
    """

    N: int
    s: int
    m: np.ndarray
    estimates: dict[str, list[Estimate]]
    seconds: dict[str, float]
    paired: list[PairedCounts] = field(default_factory=list)

    def shares(self, solver: str) -> np.ndarray:
        """The measured recovery shares of one solver, in the order of ``m``."""
        return np.array([e.share for e in self.estimates[solver]])


def recovery_experiment(
    N: int,
    s: int,
    m_values: Sequence[int],
    *,
    trials: int = 20,
    seed: int = 0,
    solvers: Sequence[str] = ("l1",),
    reweight_iterations: int = 4,
    eps: float = 0.1,
) -> RecoveryCurve:
    """Share of random s-sparse vectors recovered exactly from m Gaussian measurements.

    For every ``m`` and trial one problem is drawn (:func:`sparse_problem`) and given
    to every solver, so solvers are compared on the same problems:
    ``"l1"`` is :func:`~lessonlib.geometry.min_l1_solution`, ``"reweighted"`` is
    :func:`~lessonlib.quasinorm.reweighted_l1` with ``reweight_iterations`` and ``eps``.
    With both, ``paired`` counts the problems per ``m`` problem by problem (compare them
    with its paired test, not with the two separate intervals).

    Examples
    --------
    >>> r = recovery_experiment(40, 2, [1, 30], trials=5, seed=0)
    >>> r.shares("l1").tolist()
    [0.0, 1.0]
    """
    from lessonlib.quasinorm import reweighted_l1  # late import: quasinorm imports geometry

    N = as_int(N, "N", low=2)
    s = as_int(s, "s", low=1, high=N)
    if isinstance(m_values, (numbers.Number, np.generic, str, bytes)):
        raise TypeError(f"m_values must be a list of measurement counts such as [10, 20, 30], "
                        f"got {m_values!r}; for one count write [{m_values!r}]")
    ms = [as_int(v, "m_values entry", low=1) for v in m_values]
    if not ms:
        raise ValueError("m_values must list at least one number of measurements")
    trials = as_int(trials, "trials", low=1)
    unknown = [name for name in solvers if name not in ("l1", "reweighted")]
    if unknown or not solvers:
        raise ValueError(f"solvers must be chosen from 'l1', 'reweighted', got {list(solvers)}")
    rng = np.random.default_rng(as_int(seed, "seed", low=0))
    wins = {name: [0] * len(ms) for name in solvers}
    pairs = [[0, 0, 0, 0] for _ in ms]  # both, only l1, only reweighted, neither
    seconds = dict.fromkeys(solvers, 0.0)  # with both solvers, all time is "reweighted"
    for j, m in enumerate(ms):
        for _ in range(trials):
            A, b, x = sparse_problem(rng, N, s, m)
            start = time.perf_counter()
            if "reweighted" in solvers:
                # Reweighted L1 starts from the plain min-L1 solution: reuse it for "l1".
                run = reweighted_l1(A, b, iterations=reweight_iterations, eps=eps)
                found = {"l1": run.history[0], "reweighted": run.x}
            else:
                found = {"l1": min_l1_solution(A, b)}
            seconds["reweighted" if "reweighted" in solvers else "l1"] += (
                time.perf_counter() - start
            )
            hit = {name: recovered(found[name], x) for name in solvers}
            for name in solvers:
                wins[name][j] += hit[name]
            if len(hit) == 2:
                pairs[j][{(True, True): 0, (True, False): 1, (False, True): 2,
                          (False, False): 3}[hit["l1"], hit["reweighted"]]] += 1
    est = {name: [estimate(k, trials) for k in wins[name]] for name in solvers}
    paired = [PairedCounts(*row) for row in pairs] if len(set(solvers)) == 2 else []
    return RecoveryCurve(N, s, np.array(ms), est, seconds, paired)
