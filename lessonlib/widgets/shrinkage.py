"""Widgets of notebooks 02 (Zeno's L2) and 03 (L1 zeroing).

* :func:`zeno_explorer`: sliders for the learning rate, the L2 strength and the
  float type; the weight's path on linear and log axes and where it stalls.
* :func:`l1_l2_network`: L1 and L2 weight grids side by side, stepped through
  training with a play button, and a lambda slider with a live count of exact
  zeros.

Every run and frame is precomputed when the widget is built, and both widgets use
LiveFigure's blitting mode (``animated=``): the static parts of the figure are drawn
once, and moving a control redraws only the artists that change.
"""

from __future__ import annotations

import functools
import math

import ipywidgets as widgets
import numpy as np
from threadpoolctl import threadpool_limits

from lessonlib._setup import blas_threads
from lessonlib._validate import as_float_array, as_int
from lessonlib.optimizers import gradient_descent_l2, ista, lipschitz_constant
from lessonlib.plots.shrinkage import (
    update_float_decay,
    update_weight_grids,
    weight_grid_figure,
    zeno_figure,
)
from lessonlib.synthetic import sparse_regression
from lessonlib.widgets.light_axis import LightAxis
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
        Longest run simulated per setting (every setting is simulated once, when the
        widget is built).

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
    # The in-figure label box repeats what the readout says, and three lines of boxed
    # text cost more to draw than the curves: the readout carries it alone.
    h.label.set_visible(False)

    @functools.lru_cache(maxsize=256)
    def run(f: float, dtype: str) -> FloatDecay | None:
        try:
            return float_decay(f, dtype, max_steps=max_steps, max_frames=300)
        except ValueError:
            return None  # f rounds to 1 in this dtype

    # Every setting the controls offer, simulated up front (about a second: eta * lambda
    # takes only ~30 distinct values), so that moving a control never waits for a run.
    for eta_v in ETAS:
        for lam_v in LAMS:
            for dtype_v in DTYPES:
                run(1.0 - 2.0 * eta_v * lam_v, dtype_v)

    state: dict[str, object] = {"live": None, "ylims": None}
    # The x ranges follow the length of the run, the log panel's y range the float type:
    # those three axes are drawn by light animated artists. The linear panel's y range is
    # always about [0, 1], so its axis stays in the static background.
    light_axes = [LightAxis(h.ax_lin, "x"), LightAxis(h.ax_log, "x"),
                  LightAxis(h.ax_log, "y")]

    def update(eta: float, lam: float, dtype: str) -> str:
        text = describe(eta, lam, dtype)
        for axis in light_axes:
            axis.update()
        # Should the linear panel's y range ever change, its static axis must be redrawn.
        ylims = h.ax_lin.get_ylim()
        if ylims != state["ylims"] and state["live"] is not None:
            state["live"].invalidate_background()
        state["ylims"] = ylims
        return text

    def describe(eta: float, lam: float, dtype: str) -> str:
        f = 1.0 - 2.0 * eta * lam
        halve = math.log(2) / -math.log(f)
        decay = run(f, dtype)
        halve_text = "less than 1" if halve < 1 else f"{halve:,.1f}"
        head = (f"f = 1 - 2&middot;{eta:g}&middot;{lam:g} = <b>{f:.6g}</b>; "
                f"steps to halve (exact arithmetic): <b>{halve_text}</b>. ")
        tail_note = ("<br><small>Right panel: dashed line = smallest normal number, dotted line "
                     "= smallest subnormal.</small>")
        if decay is None:
            stored = float(DTYPES[dtype](f))
            update_float_decay(h, _frozen(dtype, max_steps))
            return head + (f"In {dtype}, f is stored as {stored:g}: the weight <b>never changes"
                           "</b> (the step is lost to rounding).") + tail_note
        update_float_decay(h, decay)
        if decay.reached_zero:
            tail = (f"In {dtype} (f stored as {decay.factor:.6g}): <b>exact 0</b> after "
                    f"{decay.steps:,} steps (f &le; 1/2); the vermillion dot is drawn below "
                    "the floor.")
        elif decay.stalled:
            tail = (f"In {dtype} (f stored as {decay.factor:.6g}): <b>stuck at "
                    f"{decay.final:.2g}</b> from step {decay.steps:,} on "
                    f"({decay.final_in_spacings} &times; the smallest subnormal), never 0.")
        else:
            bound = stall_bound(decay.factor, dtype)
            predicted = -math.log(bound) / -math.log(decay.factor)
            tail = (f"In {dtype} (f stored as {decay.factor:.6g}): still shrinking after "
                    f"{decay.steps:,} steps ({decay.final:.2g}); it would stall near "
                    f"{bound:.2g} after about {predicted:,.0f} steps.")
        return head + tail + tail_note

    controls = {
        "eta": widgets.SelectionSlider(options=ETAS, value=0.1, description="eta",
                                       continuous_update=False),
        "lam": widgets.SelectionSlider(options=LAMS, value=0.05, description="lambda",
                                       continuous_update=False),
        "dtype": widgets.ToggleButtons(options=list(DTYPES), value="float64",
                                       description="dtype"),
    }
    # Blitting: everything that moves is animated, in drawing order: grid lines, the data,
    # then tick marks and labels. The rest (titles, axis labels, frames) is drawn once.
    animated = [*(axis.grid for axis in light_axes), h.normal_line, h.subnormal_line,
                h.line_lin, h.line_log, h.stop_lin, h.stop_log,
                *(axis.marks for axis in light_axes),
                *(label for axis in light_axes for label in axis.labels)]
    live = LiveFigure(h.fig, controls, update, animated=animated,
                      title="the L2 step w <- (1 - 2 eta lambda) w in float16/32/64")
    state["live"] = live
    # Keep the log panel's y label where the first layout put it (beside float64's wide
    # labels): matplotlib would otherwise move it with the width of the hidden tick labels.
    label = h.ax_log.yaxis.label
    x_px = label.get_transform().transform(label.get_position())[0]
    h.ax_log.yaxis.set_label_coords(h.ax_log.transAxes.inverted().transform((x_px, 0))[0], 0.5)
    live.invalidate_background()
    live.refresh()
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
        with threadpool_limits(limits=blas_threads()):  # tiny problem: threads only add contention
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
    if not isinstance(shape, (tuple, list)) or len(shape) != 2:
        raise TypeError(f"shape must be a pair (rows, cols) such as (10, 10), got {shape!r}")
    rows, cols = (as_int(shape[0], "shape[0]", low=1), as_int(shape[1], "shape[1]", low=1))
    if rows * cols != Xa.shape[1]:
        raise ValueError(f"shape {shape} has {rows * cols} cells but X has {Xa.shape[1]} features")
    lam_list = [float(v) for v in lam_arr]
    net = _Network(Xa, ya, lam_list, as_int(n_steps, "n_steps", low=1), step_scale,
                   as_int(max_frames, "max_frames", low=2))
    # Fixed titles: the live counts of exact zeros are in the readout, right above the grids
    # (redrawing two changing titles would cost as much as the grids themselves).
    titles = ("L1 (ISTA)", "L2 (weight decay)")
    h = weight_grid_figure((rows, cols), titles=titles)

    def update(frame: int, lam: float) -> str:
        r1, r2 = net.l1[lam], net.l2[lam]
        w1, w2 = r1.path[frame], r2.path[frame]
        z1, z2 = int(np.count_nonzero(w1 == 0)), int(np.count_nonzero(w2 == 0))
        step = int(net.steps[frame])
        update_weight_grids(h, [w1, w2], titles)
        for im in h.images:
            # Colour the 10 x 10 cells here (black = exactly 0): an image given RGBA is
            # drawn several times faster than a masked array through a log norm.
            im.set_data(im.to_rgba(im.get_array(), bytes=True))
        return (f"step <b>{step}</b> of {r1.n_steps}, lambda = {lam:g}: "
                f"L1 exact zeros <b>{z1}</b>/{net.d}; L2 exact zeros <b>{z2}</b>/{net.d} "
                f"(its smallest |w| is {np.abs(w2).min():.2g})")

    frame = widgets.IntSlider(value=0, min=0, max=net.n_frames - 1, description="frame",
                              continuous_update=True)
    lam = widgets.SelectionSlider(options=lam_list, value=lam_list[len(lam_list) // 2],
                                  description="lambda")
    # The tooltip is the buttons' title for a mouse and their name for a screen reader.
    play = widgets.Play(value=0, min=0, max=net.n_frames - 1, step=1, interval=120,
                        description="play", tooltip="play, pause or repeat the training frames")
    # Blitting: only the grids change. The white cell borders are drawn over the grids, so
    # they are redrawn with them; titles, colour bar and layout are a fixed background.
    borders = [coll for ax in h.fig.axes[:len(h.images)] for coll in ax.collections]
    live = LiveFigure(h.fig, {"frame": frame, "lam": lam}, update,
                      title="L1 vs L2 weight grids over training (black = exactly 0)",
                      extra=[play], animated=[*h.images, *borders])
    # Kernel-side link: the play button moves the slider, the slider redraws.
    live.link = widgets.link((play, "value"), (frame, "value"))
    live.play = play
    live.network = net
    return live
