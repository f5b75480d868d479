"""Widgets of notebooks 02 (Zeno's L2) and 03 (L1 zeroing).

* :func:`zeno_explorer`: sliders for the learning rate, the L2 strength and the
  float type; the weight's path on linear and log axes and where it stalls.
* :func:`l1_l2_network`: L1 and L2 weight grids side by side, stepped through
  training (log-spaced steps) with a play button, and a lambda slider; the live
  counts of exact zeros are drawn under each grid.

Every run and frame is precomputed when the widget is built, and both widgets use
LiveFigure's blitting mode (``animated=``): the static parts of the figure are drawn
once, and moving a control redraws only the artists that change.
"""

from __future__ import annotations

import functools
import math
import time

import ipywidgets as widgets
import numpy as np
from numpy.typing import ArrayLike

from lessonlib._setup import limited_blas
from lessonlib._validate import as_float_array, as_int
from lessonlib.optimizers import gradient_descent_l2, ista, lipschitz_constant
from lessonlib.plots.shrinkage import (
    ZENO_WIDTH,
    update_weight_grids,
    weight_grid_figure,
    zeno_figure,
)
from lessonlib.plots.style import COLORS
from lessonlib.synthetic import sparse_regression
from lessonlib.widgets.live import LiveFigure
from lessonlib.zeno import DTYPES, FloatDecay, float_decay, stall_bound

__all__ = ["l1_l2_network", "network_steps", "zeno_explorer"]

ETAS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)
LAMS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4)


def zeno_explorer(max_steps: int = 150_000) -> LiveFigure:
    """Sliders for ``eta``, ``lambda`` and the float type; the L2-only weight path from 1.0.

    Both panels share one fixed, logarithmic step axis (1 to ``max_steps``): a larger
    ``eta * lambda`` moves the curve to the left, and the previous setting stays drawn
    in light grey behind the current one, so every move of a control shows. The readout
    gives, one ``key: value`` per line, the decay factor ``f = 1 - 2 eta lambda``, the
    steps to halve the weight, and how the run ends in the chosen float type: exact 0,
    stuck at a subnormal, or still shrinking after ``max_steps`` (then the predicted
    stall).

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
    >>> "stuck" in live.readout.value
    True
    """
    max_steps = as_int(max_steps, "max_steps", low=10)
    # ZENO_WIDTH (5.8 in at 100 dpi): full size in the notebook column of a 1024 px
    # window with the file browser open, so the ticks stay as large as the course's text.
    h = zeno_figure(width=ZENO_WIDTH, height=3.4, note=False)
    h.label.set_visible(False)  # the readout says it: less text to redraw
    # The fixed step axis: t = 1 .. max_steps, logarithmic (step 0, w = 1, is off it).
    for ax in (h.ax_lin, h.ax_log):
        ax.set_xscale("log")
        ax.set_xlim(0.8, max_steps * 1.6)
        ax.set_xlabel("step t (log scale)")
    h.ax_lin.set_ylim(-0.04, 1.04)
    # The previous setting, light grey, behind the current one.
    (ghost_lin,) = h.ax_lin.plot([], [], color=COLORS["grey"], lw=2, alpha=0.45, zorder=1)
    (ghost_log,) = h.ax_log.plot([], [], color=COLORS["grey"], lw=2, alpha=0.45, zorder=1)

    @functools.lru_cache(maxsize=256)
    def run(f: float, dtype: str) -> FloatDecay | None:
        try:
            return float_decay(f, dtype, max_steps=max_steps, log_trace=True)
        except ValueError:
            return None  # f rounds to 1 in this dtype

    # Every setting the controls offer, simulated up front (about a second: eta * lambda
    # takes only ~30 distinct values), so that moving a control never waits for a run.
    for eta_v in ETAS:
        for lam_v in LAMS:
            for dtype_v in DTYPES:
                run(1.0 - 2.0 * eta_v * lam_v, dtype_v)

    state: dict[str, object] = {"shown": None, "setting": None}

    def show(decay: FloatDecay, setting: tuple) -> None:
        t, v = decay.trace_steps, decay.trace_values
        keep = t > 0
        t, v = t[keep], v[keep]
        positive = v > 0
        floor = np.log10(decay.smallest_subnormal)
        span = -floor
        curves = (t, v, t[positive], np.log10(v[positive]))
        if state["setting"] is not None and setting != state["setting"]:
            old = state["shown"]
            ghost_lin.set_data(old[0], old[1])
            ghost_log.set_data(old[2], old[3])
            if old[4] != decay.dtype:  # another float type: another y scale on the right
                ghost_log.set_data([], [])
        state["shown"], state["setting"] = (*curves, decay.dtype), setting
        h.line_lin.set_data(t, v)
        h.line_log.set_data(curves[2], curves[3])
        end = max(decay.steps, 1)
        shown_end = np.log10(decay.final) if decay.final > 0 else floor - 0.06 * span
        h.stop_lin.set_data([end], [decay.final])
        h.stop_log.set_data([end], [shown_end])
        h.normal_line.set_ydata([np.log10(decay.smallest_normal)] * 2)
        h.subnormal_line.set_ydata([floor] * 2)
        h.ax_log.set_ylim(floor - 0.12 * span, 0.05 * span)

    def update(eta: float, lam: float, dtype: str) -> str:
        return describe(eta, lam, dtype)

    def describe(eta: float, lam: float, dtype: str) -> str:
        f = 1.0 - 2.0 * eta * lam
        halve = math.log(2) / -math.log(f)
        decay = run(f, dtype)
        halve_text = "less than 1" if halve < 1 else f"{halve:,.1f}"
        lines = [f"f = 1 - 2&middot;{eta:g}&middot;{lam:g}: <b>{f:.6g}</b>",
                 f"steps to halve (exact arithmetic): <b>{halve_text}</b>"]
        if decay is None:
            stored = float(DTYPES[dtype](f))
            show(_frozen(dtype, max_steps), (eta, lam, dtype))
            lines.append(f"{dtype}: f stored as {stored:g}, the weight <b>never changes</b> "
                         "(the step is lost to rounding)")
        else:
            show(decay, (eta, lam, dtype))
            stored = f"f stored as {decay.factor:.6g}"
            if decay.reached_zero:
                lines.append(f"{dtype}: <b>exact 0</b> after {decay.steps:,} steps ({stored}; "
                             "f &le; 1/2; the dot is drawn below the floor)")
            elif decay.stalled:
                lines.append(f"{dtype}: <b>stuck at {decay.final:.2g}</b> from step "
                             f"{decay.steps:,} on ({decay.final_in_spacings} &times; the "
                             f"smallest subnormal; {stored}), never 0")
            else:
                bound = stall_bound(decay.factor, dtype)
                predicted = -math.log(bound) / -math.log(decay.factor)
                lines.append(f"{dtype}: still shrinking after {decay.steps:,} steps "
                             f"({decay.final:.2g}); it would stall near {bound:.2g} after "
                             f"about {predicted:,.0f} steps")
        lines.append("<small>grey: the previous setting; right panel: dashed = smallest "
                     "normal number, dotted = smallest subnormal</small>")
        return "<br>".join(lines)

    controls = {
        "eta": widgets.SelectionSlider(options=ETAS, value=0.1, description="eta",
                                       continuous_update=False),
        "lam": widgets.SelectionSlider(options=LAMS, value=0.05, description="lambda",
                                       continuous_update=False),
        "dtype": widgets.ToggleButtons(options=list(DTYPES), value="float64",
                                       description="dtype"),
    }
    controls["dtype"].style.button_width = "5.5em"  # three buttons on one line beside the sliders
    # Blitting: only the curves and dots are redrawn on a move. The axes are fixed but for
    # the log panel's y range (and its two floor lines), which depends on the float type
    # alone: one background picture per float type, each drawn once.
    animated = [ghost_lin, ghost_log, h.line_lin, h.line_log, h.stop_lin, h.stop_log]
    live = LiveFigure(h.fig, controls, update, animated=animated,
                      background_key=lambda eta, lam, dtype: dtype,
                      title="the L2 step w <- (1 - 2 eta lambda) w in float16/32/64")
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


def network_steps(n_steps: int = 400, max_frames: int = 60) -> np.ndarray:
    """The steps the network widget shows: 0, then log-spaced, dense where zeros appear.

    Under L1 the zeros arrive in the first tenth of the run; evenly spaced frames would
    spend most of a Play on a picture that no longer changes.

    Examples
    --------
    >>> network_steps(400, 12).tolist()
    [0, 1, 2, 3, 6, 11, 20, 36, 66, 121, 220, 400]
    """
    n_steps = as_int(n_steps, "n_steps", low=1)
    max_frames = as_int(max_frames, "max_frames", low=2)
    logs = np.round(np.geomspace(1, n_steps, max_frames - 1)).astype(int)
    return np.unique(np.concatenate([[0], logs, [n_steps]]))


class _Network:
    """Precomputed L1/L2 paths for :func:`l1_l2_network`, recorded at every step."""

    def __init__(self, X, y, lams, n_steps, step_scale, max_frames):
        n, d = X.shape
        self.d = d
        # Start where an unregularised fit would be: every weight non-zero.
        with limited_blas():  # tiny problem: threads only add contention
            w0 = np.linalg.lstsq(X, y, rcond=None)[0]
        step = step_scale / lipschitz_constant(X)
        # Every step is kept (``path[s]`` is the weights after step s); the slider offers
        # the log-spaced ``steps``.
        every = n_steps + 1
        self.l1 = {lam: ista(X, y, lam, step=step, n_steps=n_steps, w0=w0,
                             max_frames=every) for lam in lams}
        self.l2 = {lam: gradient_descent_l2(X, y, lam, step=step, n_steps=n_steps, w0=w0,
                                            max_frames=every) for lam in lams}
        self.steps = network_steps(n_steps, max_frames)
        self.n_frames = self.steps.size


def l1_l2_network(
    X: ArrayLike | None = None,
    y: ArrayLike | None = None,
    lams: ArrayLike = (0.02, 0.05, 0.1, 0.2, 0.5),
    n_steps: int = 400,
    step_scale: float = 0.1,
    max_frames: int = 60,
    shape: tuple[int, int] = (10, 10),
    informative: object = None,
) -> LiveFigure:
    """L1 (ISTA) and L2 (gradient descent) weight grids over training, side by side.

    Both start from the least-squares fit (every weight non-zero) and take the same
    steps ``step_scale / L``. Under L1 cells go black (exactly 0) one by one;
    under L2 they fade but stay lit. The step slider offers log-spaced steps (dense at
    the start, where the zeros appear) and shows step numbers; a play button is linked
    to it (``widgets.link``, in the kernel). The lambda slider switches between paths
    precomputed for each value. The readout gives, per grid, the exact zeros and the
    largest ``|w|`` (which shows what L2's strength does); it is sent right after the
    picture, never before it.

    Parameters
    ----------
    X, y : array_like, optional
        The data; default ``sparse_regression(200, 100, 10, seed=1)``, whose 10
        informative features fill the top row.
    lams : sequence of float
        Penalty strengths to precompute (each > 0); the same value is used for
        L1 (``lam ||w||_1``) and L2 (``lam ||w||^2``).
    n_steps : int, default 400
    step_scale : float, default 0.1
        Step size as a fraction of ``1 / L`` (small, so the zeros arrive gradually).
    max_frames : int, default 60
        About this many steps are offered (:func:`network_steps`).
    shape : (int, int), default (10, 10)
        Grid shape; ``rows * cols`` must equal the number of features.
    informative : array_like of int, optional
        Features to outline as truly informative; default the default data's 10.

    Returns
    -------
    LiveFigure
        Controls ``step`` and ``lam``; ``live.play`` is the play button.

    Examples
    --------
    >>> live = l1_l2_network(n_steps=40, max_frames=11)
    >>> live.controls["step"].value = 40
    >>> "step: <b>40</b>" in live.readout.value
    True
    """
    default = X is None and y is None
    if default:
        X, y, true_w = sparse_regression(200, 100, 10, seed=1)
        if informative is None:
            informative = np.flatnonzero(true_w)
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
    n_steps = as_int(n_steps, "n_steps", low=1)
    net = _Network(Xa, ya, lam_list, n_steps, step_scale,
                   as_int(max_frames, "max_frames", low=2))
    titles = ("L1 (ISTA)", "L2 (weight decay)")
    h = weight_grid_figure((rows, cols), titles=titles, informative=informative)

    # The features the learner is asked about: the ones with no signal, when they are known.
    noise = None
    if informative is not None:
        noise = np.ones(net.d, dtype=bool)
        noise[np.asarray(informative, dtype=int)] = False

    def update(step: int, lam: float) -> str:
        w1, w2 = net.l1[lam].path[step], net.l2[lam].path[step]
        update_weight_grids(h, [w1, w2], titles)
        for im in h.images:
            # Colour the 10 x 10 cells here (black = exactly 0): an image given RGBA is
            # drawn several times faster than a masked array through a log norm.
            im.set_data(im.to_rgba(im.get_array(), bytes=True))
        lines = [f"step: <b>{step}</b> of {n_steps} (lambda {lam:g})"]
        for name, w in (("L1 (ISTA)", w1), ("L2 (weight decay)", w2)):
            of_noise = ("" if noise is None else
                        f" (noise features <b>{int(np.count_nonzero(w[noise] == 0))}</b>"
                        f"/{int(noise.sum())})")
            lines.append(f"{name}: exact zeros <b>{int(np.count_nonzero(w == 0))}</b>/{net.d}"
                         f"{of_noise}, largest |w| <b>{np.abs(w).max():.2f}</b>")
        return "<br>".join(lines)

    options = [(str(int(s)), int(s)) for s in net.steps]
    step = widgets.SelectionSlider(options=options, value=0, description="step",
                                   continuous_update=True)
    lam = widgets.SelectionSlider(options=lam_list, value=lam_list[len(lam_list) // 2],
                                  description="lambda")
    # The tooltip is the buttons' title for a mouse and their name for a screen reader.
    play = widgets.Play(value=0, min=0, max=net.n_frames - 1, step=1, interval=150,
                        description="play", tooltip="play, pause or repeat the training steps")
    # Blitting: the grids, their borders and outlines change; titles, colour bar and
    # layout are a fixed background.
    borders = [coll for ax in h.fig.axes[:len(h.images)] for coll in ax.collections]
    live = _PictureFirst(h.fig, {"step": step, "lam": lam}, update,
                      title="L1 vs L2 weight grids over training (black = exactly 0)",
                      extra=[play], animated=[*h.images, *borders])
    # Kernel-side link: the play button moves the slider (by position), the slider redraws.
    live.link = widgets.link((play, "value"), (step, "index"))
    live.play = play
    live.network = net
    return live


class _PictureFirst(LiveFigure):
    """A LiveFigure that sends its new picture *before* its readout.

    LiveFigure sets the readout, then renders (20-30 ms), then sends the picture: during
    a Play the readout reached the browser a frame ahead of the picture it describes
    ("90 zeros" over a grid that showed 88). Here both are sent back to back, after the
    render, picture first.
    """

    def refresh(self) -> None:
        start = time.perf_counter()
        text = self._update(**self.values())
        self.image.value = self._render_blit() if self._animated else self._render_full()
        if text is not None:
            self.readout.value = text
        self.last_update_seconds = time.perf_counter() - start
