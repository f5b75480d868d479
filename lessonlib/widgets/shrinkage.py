"""Widgets of notebooks 02 (Zeno's L2) and 03 (L1 zeroing).

* :func:`zeno_explorer`: sliders for the learning rate, the L2 strength and the
  float type; the weight's path on linear and log axes and where it stalls.
* :func:`l1_l2_network`: L1 and L2 weight grids side by side, stepped through
  training with a play button, and a lambda slider with a live count of exact
  zeros. Every frame is precomputed when the widget is built, so moving a
  control only redraws.
"""

from __future__ import annotations

import functools
import math

import ipywidgets as widgets
import numpy as np
from threadpoolctl import threadpool_limits

from lessonlib._validate import as_float_array, as_int
from lessonlib.optimizers import gradient_descent_l2, ista, lipschitz_constant
from lessonlib.plots.shrinkage import (
    update_float_decay,
    update_weight_grids,
    weight_grid_figure,
    zeno_figure,
)
from lessonlib.synthetic import sparse_regression
from lessonlib.widgets.live import LiveFigure
from lessonlib.zeno import DTYPES, FloatDecay, float_decay, stall_bound

__all__ = ["l1_l2_network", "zeno_explorer"]

ETAS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)
LAMS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4)


def zeno_explorer(max_steps: int = 150_000) -> LiveFigure:
    """Sliders for ``eta``, ``lambda`` and the float type; the L2-only weight path from 1.0.

    The readout gives the decay factor ``f = 1 - 2 eta lambda``, the steps to halve
    the weight, and how the run ends in the chosen float type: exact 0, stuck at
    a subnormal, or still shrinking after ``max_steps`` (then the predicted stall).

    Parameters
    ----------
    max_steps : int, default 150,000
        Longest run simulated per setting (each setting is computed once and cached).

    Returns
    -------
    LiveFigure
        Controls ``eta``, ``lam``, ``dtype``.

    Examples
    --------
    >>> live = zeno_explorer()
    >>> live.controls["dtype"].value = "float16"
    >>> "stalled" in live.readout.value or "stuck" in live.readout.value
    True
    """
    max_steps = as_int(max_steps, "max_steps", low=10)
    h = zeno_figure(width=10, height=3.6, note=False)

    @functools.lru_cache(maxsize=256)
    def run(f: float, dtype: str) -> FloatDecay | None:
        try:
            return float_decay(f, dtype, max_steps=max_steps, max_frames=300)
        except ValueError:
            return None  # f rounds to 1 in this dtype

    def update(eta: float, lam: float, dtype: str) -> str:
        f = 1.0 - 2.0 * eta * lam
        halve = math.log(2) / -math.log(f)
        decay = run(f, dtype)
        head = (f"f = 1 - 2&middot;{eta:g}&middot;{lam:g} = <b>{f:.6g}</b>; "
                f"steps to halve: <b>{halve:,.1f}</b>. ")
        tail_note = ("<br><small>Right panel: dashed line = smallest normal number, dotted line "
                     "= smallest subnormal.</small>")
        if decay is None:
            stored = float(DTYPES[dtype](f))
            update_float_decay(h, _frozen(dtype, max_steps))
            return head + (f"In {dtype}, f is stored as {stored:g}: the weight <b>never changes"
                           "</b> (the step is lost to rounding).") + tail_note
        update_float_decay(h, decay)
        if decay.reached_zero:
            tail = f"In {dtype}: <b>exact 0</b> after {decay.steps:,} steps (f &le; 1/2)."
        elif decay.stalled:
            tail = (f"In {dtype}: <b>stuck at {decay.final:.2g}</b> after {decay.steps:,} steps "
                    f"({decay.final_in_spacings} &times; the smallest subnormal), never 0.")
        else:
            bound = stall_bound(decay.factor, dtype)
            predicted = -math.log(bound) / -math.log(decay.factor)
            tail = (f"In {dtype}: still shrinking after {decay.steps:,} steps ({decay.final:.2g});"
                    f" it would stall near {bound:.2g} after about {predicted:,.0f} steps.")
        return head + tail + tail_note

    controls = {
        "eta": widgets.SelectionSlider(options=ETAS, value=0.1, description="eta",
                                       continuous_update=False),
        "lam": widgets.SelectionSlider(options=LAMS, value=0.05, description="lambda",
                                       continuous_update=False),
        "dtype": widgets.ToggleButtons(options=list(DTYPES), value="float64",
                                       description="dtype"),
    }
    live = LiveFigure(h.fig, controls, update,
                      title="the L2 step w <- (1 - 2 eta lambda) w in float16/32/64")
    # Laid out once (float64 has the widest tick labels), then kept: faster redraws.
    h.fig.set_layout_engine(None)
    return live


def _frozen(dtype: str, steps: int) -> FloatDecay:
    # A "decay" that never moves: what happens when f rounds to 1 in dtype.
    info = np.finfo(DTYPES[dtype])
    return FloatDecay(1.0, dtype, steps, 1.0, False, False, np.array([0, steps]),
                      np.array([1.0, 1.0]), float(info.smallest_normal),
                      float(info.smallest_subnormal))


class _Network:
    """Precomputed L1/L2 paths for :func:`l1_l2_network`."""

    def __init__(self, X, y, lams, n_steps, step_scale, max_frames):
        n, d = X.shape
        self.d = d
        # Start where an unregularised fit would be: every weight non-zero.
        with threadpool_limits(limits=1):  # tiny problem: threads only add contention
            w0 = np.linalg.lstsq(X, y, rcond=None)[0]
        step = step_scale / lipschitz_constant(X)
        self.l1 = {lam: ista(X, y, lam, step=step, n_steps=n_steps, w0=w0,
                             max_frames=max_frames) for lam in lams}
        self.l2 = {lam: gradient_descent_l2(X, y, lam, step=step, n_steps=n_steps, w0=w0,
                                            max_frames=max_frames) for lam in lams}
        self.steps = next(iter(self.l1.values())).path_steps
        self.n_frames = self.steps.size


def l1_l2_network(
    X: object = None,
    y: object = None,
    lams: object = (0.02, 0.05, 0.1, 0.2, 0.5),
    n_steps: int = 400,
    step_scale: float = 0.1,
    max_frames: int = 101,
    shape: tuple[int, int] = (10, 10),
) -> LiveFigure:
    """L1 (ISTA) and L2 (gradient descent) weight grids over training, side by side.

    Both start from the least-squares fit (every weight non-zero) and take the same
    steps ``step_scale / L``. Under L1 cells go black (exactly 0) one by one;
    under L2 they fade but stay lit. A play button is linked to the frame slider
    (``widgets.link``, in the kernel); the lambda slider switches between paths
    precomputed for each value.

    Parameters
    ----------
    X, y : array_like, optional
        The data; default ``sparse_regression(200, 100, 10, seed=1)``.
    lams : sequence of float
        Penalty strengths to precompute (each > 0); the same value is used for
        L1 (``lam ||w||_1``) and L2 (``lam ||w||^2``).
    n_steps : int, default 400
    step_scale : float, default 0.1
        Step size as a fraction of ``1 / L`` (small, so the zeros arrive gradually).
    max_frames : int, default 101
    shape : (int, int), default (10, 10)
        Grid shape; ``rows * cols`` must equal the number of features.

    Returns
    -------
    LiveFigure
        Controls ``frame`` and ``lam``; ``live.play`` is the play button.

    Examples
    --------
    >>> live = l1_l2_network(n_steps=40, max_frames=11)
    >>> live.controls["frame"].value = 10
    >>> "exact zeros" in live.readout.value
    True
    """
    if X is None and y is None:
        X, y, _ = sparse_regression(200, 100, 10, seed=1)
    Xa = as_float_array(X, "X", ndim=2)
    ya = as_float_array(y, "y", ndim=1)
    lam_arr = as_float_array(lams, "lams", ndim=1)
    if np.any(lam_arr <= 0):
        raise ValueError(f"every entry of lams must be > 0, got {lam_arr.min():g}")
    rows, cols = (as_int(shape[0], "shape[0]", low=1), as_int(shape[1], "shape[1]", low=1))
    if rows * cols != Xa.shape[1]:
        raise ValueError(f"shape {shape} has {rows * cols} cells but X has {Xa.shape[1]} features")
    lam_list = [float(v) for v in lam_arr]
    net = _Network(Xa, ya, lam_list, as_int(n_steps, "n_steps", low=1), step_scale,
                   as_int(max_frames, "max_frames", low=2))
    h = weight_grid_figure((rows, cols), titles=("L1", "L2"))

    def update(frame: int, lam: float) -> str:
        r1, r2 = net.l1[lam], net.l2[lam]
        w1, w2 = r1.path[frame], r2.path[frame]
        z1, z2 = int(np.count_nonzero(w1 == 0)), int(np.count_nonzero(w2 == 0))
        step = int(net.steps[frame])
        update_weight_grids(h, [w1, w2], [f"L1 (ISTA): {z1} exact zeros",
                                          f"L2 (weight decay): {z2} exact zeros"])
        return (f"step <b>{step}</b> of {r1.n_steps}, lambda = {lam:g}: "
                f"L1 exact zeros <b>{z1}</b>/{net.d}; L2 exact zeros <b>{z2}</b>/{net.d} "
                f"(its smallest |w| is {np.abs(w2).min():.2g})")

    frame = widgets.IntSlider(value=0, min=0, max=net.n_frames - 1, description="frame",
                              continuous_update=True)
    lam = widgets.SelectionSlider(options=lam_list, value=lam_list[len(lam_list) // 2],
                                  description="lambda")
    play = widgets.Play(value=0, min=0, max=net.n_frames - 1, step=1, interval=120,
                        description="play")
    live = LiveFigure(h.fig, {"frame": frame, "lam": lam}, update,
                      title="L1 vs L2 weight grids over training (black = exactly 0)",
                      extra=[play])
    # The grids never change size: keep the layout of the first render (faster redraws).
    h.fig.set_layout_engine(None)
    # Kernel-side link: the play button moves the slider, the slider redraws.
    live.link = widgets.link((play, "value"), (frame, "value"))
    live.play = play
    live.network = net
    return live
