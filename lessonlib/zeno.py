"""Zeno's L2: a weight-decay step removes a fraction, so it never arrives at 0.

A gradient step of size ``eta`` on the penalty ``lam * w**2`` alone is

    ``w <- w - eta * 2 * lam * w = (1 - 2 eta lam) * w``,

a multiplication by the *decay factor* ``f = 1 - 2 eta lam``. After ``t`` steps
``w_t = f**t * w_0``, which is never 0 in exact arithmetic. This module computes
how fast it shrinks (:func:`steps_to_shrink`), what floating point really does
at the very end (:func:`float_decay`, :func:`stall_bound`) and the ridge path on
data (:func:`ridge_path`).

Floating point, in one paragraph. Below the smallest *normal* number the
*subnormal* numbers are evenly spaced: every one is ``k * s`` for a whole
number ``k`` and the spacing ``s`` (the smallest subnormal: about 4.9e-324 in
float64, 1.4e-45 in float32, 6.0e-08 in float16). Multiplying ``k * s`` by
``f`` gives ``k*f * s``, which is rounded to the nearest multiple of ``s``. It
rounds back to ``k * s`` itself when ``k * (1 - f) < 1/2``: the product then
never changes again and the weight is stuck at a tiny non-zero value. When
``f <= 1/2`` the last step from ``s`` gives ``f * s <= s / 2``, which rounds to 0,
so the weight does reach exact 0; for any realistic decay (``f`` close to 1) it
stalls instead. Processors can be told to *flush* subnormals to zero
(FTZ/DAZ modes, enabled by some compilers' fast-math options and common on
GPUs); under such a mode the weight does drop to 0 at the smallest normal
number. NumPy on a CPU uses neither by default.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array, as_int, as_scalar

__all__ = [
    "DTYPES",
    "FloatDecay",
    "decay_factor",
    "float_decay",
    "l2_penalty_path",
    "ridge_path",
    "stall_bound",
    "steps_to_shrink",
]

#: The floating-point types the experiment supports, by name.
DTYPES: dict[str, type] = {"float16": np.float16, "float32": np.float32, "float64": np.float64}


def _dtype(dtype: object) -> tuple[str, type]:
    for name, typ in DTYPES.items():
        if dtype == name or dtype is typ or (isinstance(dtype, np.dtype) and dtype == typ):
            return name, typ
    raise ValueError(f"dtype must be one of {list(DTYPES)}, got {dtype!r}")


def decay_factor(eta: float, lam: float) -> float:
    """The factor ``f = 1 - 2 eta lam`` that one L2 step multiplies a weight by.

    Parameters
    ----------
    eta : float
        Learning rate, > 0.
    lam : float
        L2 strength, >= 0.

    Returns
    -------
    float
        In ``(-1, 1]``. A negative factor flips the sign every step (the step
        overshoots 0); ``eta * lam >= 1`` would make ``|f| >= 1`` and is refused.

    Examples
    --------
    >>> decay_factor(0.1, 0.05)
    0.99
    """
    eta = as_scalar(eta, "eta", low=0.0, low_open=True)
    lam = as_scalar(lam, "lam", low=0.0)
    if eta * lam >= 1.0:
        raise ValueError(
            f"eta * lam must be below 1 (got {eta * lam:g}): then 1 - 2*eta*lam <= -1 and the "
            "weight grows in size every step instead of shrinking"
        )
    return 1.0 - 2.0 * eta * lam


def l2_penalty_path(w0: float, eta: float, lam: float, n_steps: int) -> np.ndarray:
    """The weight after 0, 1, ..., ``n_steps`` L2 steps on the penalty alone: ``f**t * w0``.

    Parameters
    ----------
    w0 : float
        Starting weight.
    eta, lam : float
        Learning rate (> 0) and L2 strength (>= 0); see :func:`decay_factor`.
    n_steps : int
        Number of steps, >= 0.

    Returns
    -------
    ndarray of shape (n_steps + 1,)

    Examples
    --------
    >>> l2_penalty_path(1.0, 0.25, 1.0, 3)
    array([1.   , 0.5  , 0.25 , 0.125])
    """
    w0 = as_scalar(w0, "w0")
    f = decay_factor(eta, lam)
    n_steps = as_int(n_steps, "n_steps", low=0)
    return w0 * f ** np.arange(n_steps + 1, dtype=float)


def steps_to_shrink(eta: float, lam: float, k: float = 1.0, base: float = 10.0) -> float:
    """Steps for L2 alone to shrink a weight by ``base**k``: ``k ln(base) / -ln(1 - 2 eta lam)``.

    The answer does not depend on the starting weight: every step removes the
    same fraction. Round it up for a whole number of steps. ``base=2, k=1``
    gives the steps to halve a weight.

    Parameters
    ----------
    eta : float
        Learning rate, > 0.
    lam : float
        L2 strength, > 0 (with 0 the weight never shrinks).
    k : float, default 1.0
        How many factors of ``base``, > 0.
    base : float, default 10.0
        The shrink factor per unit of ``k``, > 1.

    Returns
    -------
    float

    Examples
    --------
    >>> round(steps_to_shrink(0.1, 0.05, k=1), 2)   # f = 0.99: 10x smaller
    229.11
    >>> round(steps_to_shrink(0.1, 0.05, k=1, base=2), 2)  # halve
    68.97
    """
    f = decay_factor(eta, lam)
    as_scalar(lam, "lam", low=0.0, low_open=True)
    k = as_scalar(k, "k", low=0.0, low_open=True)
    base = as_scalar(base, "base", low=1.0, low_open=True)
    if f <= 0:
        raise ValueError(
            f"with eta * lam >= 0.5 (got {eta * lam:g}) one step reaches or crosses 0; "
            "the shrinking-by-a-fraction formula needs 0 < 1 - 2*eta*lam < 1"
        )
    # log1p keeps -ln(1 - x) accurate (and non-zero) when 2*eta*lam is far below 1e-16,
    # where 1 - 2*eta*lam itself rounds to 1.
    rate = -math.log1p(-2 * float(eta) * float(lam))
    if rate == 0:
        raise ValueError(f"eta * lam = {eta * lam:g} is so small that one step changes no "
                         "weight at all in floats; use eta and lam with eta * lam above 1e-300")
    return k * math.log(base) / rate


@dataclass(frozen=True)
class FloatDecay:
    """The outcome of multiplying a number by ``f`` again and again in one float type.

    Attributes
    ----------
    factor : float
        The factor as stored in ``dtype`` (float16 cannot hold 0.99 exactly).
    dtype : str
    steps : int
        Multiplications done: up to and including the first one whose result
        equals its input (a stall) or is 0.
    final : float
        The value at the end.
    reached_zero, stalled : bool
        How it ended (both False if ``max_steps`` ran out first).
    trace_steps, trace_values : ndarray
        A thinned record of the path (step number, value), ending at the last step.
    smallest_normal, smallest_subnormal : float
        Of ``dtype``.
    """

    factor: float
    dtype: str
    steps: int
    final: float
    reached_zero: bool
    stalled: bool
    trace_steps: np.ndarray
    trace_values: np.ndarray
    smallest_normal: float
    smallest_subnormal: float

    @property
    def final_in_spacings(self) -> int:
        """The final value as a multiple ``k`` of the smallest subnormal."""
        return int(round(self.final / self.smallest_subnormal))

    def describe(self) -> str:
        """One sentence: how the run ended."""
        if self.reached_zero:
            return f"{self.dtype}, f={self.factor:.6g}: reached exact 0 after {self.steps:,} steps"
        if self.stalled:
            return (f"{self.dtype}, f={self.factor:.6g}: stalled after {self.steps:,} steps at "
                    f"{self.final:.2g} ({self.final_in_spacings} x the smallest subnormal)")
        return (f"{self.dtype}, f={self.factor:.6g}: still shrinking after {self.steps:,} steps, "
                f"at {self.final:.2g}")


def float_decay(
    factor: float,
    dtype: object = "float64",
    w0: float = 1.0,
    max_steps: int = 2_000_000,
    max_frames: int = 400,
    form: str = "product",
    log_trace: bool = False,
) -> FloatDecay:
    """Multiply ``w0`` by ``factor`` in ``dtype`` until it stops changing or reaches 0.

    Every product is rounded to ``dtype``, exactly as a training loop storing
    its weights in that type would do.

    ``form="step"`` computes each step as a gradient step is written,
    ``w - (1 - f) * w``: the same number in exact arithmetic, but rounded twice. At the
    smallest subnormal ``s`` with ``f = 1/2`` the product ``f * s`` rounds to 0, while
    ``(1 - f) * s`` rounds to 0 and ``s - 0`` stays ``s``: that form never reaches 0.

    Parameters
    ----------
    factor : float
        The decay factor, in ``(0, 1)``; it is first rounded to ``dtype``.
    dtype : {"float16", "float32", "float64"} or the NumPy type
    w0 : float, default 1.0
        Starting value, > 0 (rounded to ``dtype``).
    max_steps : int, default 2,000,000
        Give up after this many multiplications.
    max_frames : int, default 400
        Length of the thinned trace.
    form : {"product", "step"}, default "product"
        ``w * f``, or ``w - (1 - f) * w`` with ``1 - f`` computed in ``dtype``.
    log_trace : bool, default False
        Record the trace at steps spaced 2% apart (every step up to 50), for a plot
        on a logarithmic step axis, instead of evenly (``max_frames`` is then ignored).

    Returns
    -------
    FloatDecay

    Examples
    --------
    >>> float_decay(0.5).describe()
    'float64, f=0.5: reached exact 0 after 1,075 steps'
    >>> float_decay(0.99, "float16").describe()
    'float16, f=0.990234: stalled after 1,284 steps at 3e-06 (51 x the smallest subnormal)'
    >>> float_decay(0.5, form="step").describe()
    'float64, f=0.5: stalled after 1,075 steps at 4.9e-324 (1 x the smallest subnormal)'
    """
    if form not in ("product", "step"):
        raise ValueError(f'form must be "product" (w * f) or "step" (w - (1 - f) * w), '
                         f"got {form!r}")
    name, typ = _dtype(dtype)
    factor = as_scalar(factor, "factor", low=0.0, high=1.0, low_open=True, high_open=True)
    w0 = as_scalar(w0, "w0", low=0.0, low_open=True)
    max_steps = as_int(max_steps, "max_steps", low=1)
    max_frames = as_int(max_frames, "max_frames", low=2)
    info = np.finfo(typ)
    f_typed = typ(factor)
    if not 0 < float(f_typed) < 1:
        raise ValueError(f"factor {factor:g} rounds to {float(f_typed):g} in {name}; "
                         "it must stay strictly between 0 and 1")
    w_typed = typ(w0)
    if not np.isfinite(w_typed) or w_typed == 0:
        raise ValueError(f"w0 = {w0:g} cannot be stored in {name} (it overflows or underflows)")
    # Python floats are float64 and much faster to loop over than NumPy scalars.
    w = float(w_typed) if name == "float64" else w_typed
    f = float(f_typed) if name == "float64" else f_typed
    gap = 1.0 - f if name == "float64" else typ(1) - f_typed  # 1 - f, rounded in dtype
    step_form = form == "step"
    # Record every `stride`-th value, so the trace stays short however long the run.
    stride = 1
    trace_t: list[int] = [0]
    trace_v: list[float] = [float(w)]
    steps = 0
    next_t = 1  # the next step to record, with log_trace
    stalled = zero = False
    while steps < max_steps:
        nxt = w - gap * w if step_form else w * f
        steps += 1
        if nxt == w:
            stalled = True
            break
        w = nxt
        if w == 0:
            zero = True
            break
        if log_trace:
            if steps >= next_t:
                trace_t.append(steps)
                trace_v.append(float(w))
                next_t = max(steps + 1, int(steps * 1.02))
        elif steps % stride == 0:
            trace_t.append(steps)
            trace_v.append(float(w))
            if len(trace_t) >= max_frames:
                trace_t, trace_v = trace_t[::2], trace_v[::2]
                stride *= 2
    if trace_t[-1] != steps:
        trace_t.append(steps)
        trace_v.append(float(w))
    return FloatDecay(
        factor=float(f_typed), dtype=name, steps=steps, final=float(w), reached_zero=zero,
        stalled=stalled, trace_steps=np.asarray(trace_t), trace_values=np.asarray(trace_v),
        smallest_normal=float(info.smallest_normal),
        smallest_subnormal=float(info.smallest_subnormal),
    )


def stall_bound(factor: float, dtype: object = "float64") -> float:
    """The largest value at which multiplying by ``factor`` in ``dtype`` changes nothing.

    Among the subnormals ``k * s``, the product ``k*f*s`` rounds back to ``k*s``
    exactly when ``k * (1 - f) < 1/2`` (or ``= 1/2`` with ``k`` even: ties round to
    the even neighbour). So the decay stalls at or below
    ``k_max * s``, ``k_max`` the largest such ``k``, and reaches 0 when
    ``k_max = 0``, which happens exactly for ``f <= 1/2``. The factor is taken
    as stored in ``dtype``, and the test is done in exact rational arithmetic.

    Parameters
    ----------
    factor : float
        In ``(0, 1)``.
    dtype : {"float16", "float32", "float64"}

    Returns
    -------
    float
        ``k_max * s``; 0.0 means the decay reaches exact 0.

    Examples
    --------
    >>> stall_bound(0.99) / 5e-324   # 49 spacings
    49.0
    >>> stall_bound(0.5)
    0.0
    >>> stall_bound(0.75) / 5e-324   # 2 * 0.25 = 1/2 is a tie, and 2 is even
    2.0
    """
    name, typ = _dtype(dtype)
    factor = as_scalar(factor, "factor", low=0.0, high=1.0, low_open=True, high_open=True)
    gap = 1 - Fraction(float(typ(factor)))
    if gap == 0:
        raise ValueError(f"factor {factor!r} rounds to 1 in {name}: nothing ever shrinks")
    # Largest k with k * gap < 1/2 ...
    k_max = math.ceil(Fraction(1, 2) / gap) - 1
    # ... or with k * gap == 1/2 exactly: a tie, which rounds to the even neighbour, so an
    # even k stays put (f = 0.75: 2 * 0.75 = 1.5 rounds to 2).
    k_tie = Fraction(1, 2) / gap
    if k_tie.denominator == 1 and k_tie.numerator % 2 == 0:
        k_max = max(k_max, k_tie.numerator)
    # k_max < 2**(mantissa bits) always, so k_max * s is a subnormal of dtype (exact in float64).
    return k_max * float(np.finfo(typ).smallest_subnormal)


def ridge_path(X: ArrayLike, y: ArrayLike, lams: ArrayLike) -> np.ndarray:
    """Minimisers of ``(1/(2n))||X w - y||^2 + lam ||w||^2`` for each ``lam`` (closed form).

    Solves ``(X.T X / n + 2 lam I) w = X.T y / n``: the balance point where the
    loss gradient and the penalty gradient ``2 lam w`` cancel. (scikit-learn:
    ``Ridge(alpha=2 * n * lam, fit_intercept=False)``.)

    Parameters
    ----------
    X : array_like of shape (n, d)
    y : array_like of shape (n,)
    lams : array_like of shape (m,)
        L2 strengths, each > 0.

    Returns
    -------
    ndarray of shape (m, d)
        Row ``i`` is the solution for ``lams[i]``.

    Examples
    --------
    >>> ridge_path(np.eye(2) * np.sqrt(2), [1.0, -2.0], [0.5]).round(4)
    array([[ 0.3536, -0.7071]])
    """
    Xa = as_float_array(X, "X", ndim=2)
    ya = as_float_array(y, "y", ndim=1)
    if Xa.shape[0] != ya.shape[0]:
        raise ValueError(
            f"X and y must have the same number of rows, got {Xa.shape[0]} and {ya.shape[0]}"
        )
    lam_arr = as_float_array(lams, "lams", ndim=1)
    if np.any(lam_arr <= 0):
        raise ValueError(f"every entry of lams must be > 0, got {lam_arr.min():g}")
    n, d = Xa.shape
    gram = Xa.T @ Xa / n
    rhs = Xa.T @ ya / n
    return np.array([np.linalg.solve(gram + 2.0 * lam * np.eye(d), rhs) for lam in lam_arr])
