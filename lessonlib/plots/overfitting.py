"""Figures of notebook 06: the parts toy, the L1/L2 duel, routes to small models, the U-curve.

Each function takes results from :mod:`lessonlib.overfitting` and returns a
:class:`~matplotlib.figure.Figure` made with :func:`lessonlib.plots.new_figure`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array
from lessonlib.overfitting import LambdaSweep, PartsToy
from lessonlib.plots.style import COLORS, L1_COLOR, L2_COLOR, new_figure

__all__ = [
    "draw_sweep",
    "draw_weight_path",
    "move_marker",
    "move_weights",
    "plot_duel",
    "plot_parts",
    "plot_routes",
    "plot_sweep",
    "plot_toy_weights",
    "set_world",
    "world_limits",
]


def _check_toy(toy: object) -> PartsToy:
    if not isinstance(toy, PartsToy):
        raise TypeError(f"toy must be a PartsToy (see parts_toy), got {type(toy).__name__}")
    return toy


def plot_parts(toy: PartsToy) -> Figure:
    """Who carries which part: training items on top, new items below; the antenna boxed.

    Parameters
    ----------
    toy : PartsToy

    Returns
    -------
    Figure

    Examples
    --------
    >>> from lessonlib.overfitting import parts_toy
    >>> fig = plot_parts(parts_toy())
    >>> len(fig.axes)
    2
    """
    toy = _check_toy(toy)
    n_train, n_test = toy.X_train.shape[0], toy.X_test.shape[0]
    fig, axes = new_figure(1, 2, width=10, height=5.2, sharex=True,
                           gridspec_kw={"height_ratios": [n_train, n_test]})
    # Robots' rows in vermillion, the others' in blue, so the class shows in the picture.
    for ax, X, y, names, title in (
        (axes[0], toy.X_train, toy.y_train, toy.item_names,
         "Training characters (seen while fitting)"),
        (axes[1], toy.X_test, toy.y_test, toy.test_names, "New characters (held out)"),
    ):
        img = np.where(X > 0, np.where(y[:, None] == 1, 2, 1), 0)
        cmap = ListedColormap(["#FFFFFF", L2_COLOR, L1_COLOR])
        ax.imshow(img, cmap=cmap, vmin=0, vmax=2, aspect="auto", interpolation="nearest")
        ax.set_yticks(range(len(names)), names)
        ax.set_title(title, loc="left")
        ax.grid(False)
        c = toy.common_part
        ax.add_patch(_box(c - 0.5, -0.5, 1, len(names)))
        # Cell borders as two line collections: far cheaper to draw than ~100 minor ticks.
        ax.vlines(np.arange(-0.5, X.shape[1], 1), -0.5, len(names) - 0.5, color="#DDDDDD",
                  linewidth=0.5)
        ax.hlines(np.arange(-0.5, len(names), 1), -0.5, X.shape[1] - 0.5, color="#DDDDDD",
                  linewidth=0.5)
    axes[1].set_xlabel(f"part (column); the boxed column is the {toy.part_names[c]!r}")
    axes[1].set_xticks([c], [toy.part_names[c]])
    axes[0].tick_params(axis="x", labelbottom=False)
    return fig


def _box(x: float, y: float, w: float, h: float):
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), w, h, fill=False, edgecolor=COLORS["black"], linewidth=2, zorder=3)


def plot_toy_weights(
    part_names: Sequence[str],
    weights: Mapping[str, object],
    common_part: int | None = None,
) -> Figure:
    """One stem plot of weights per model, the common part marked.

    Parameters
    ----------
    part_names : sequence of str
        One name per weight.
    weights : mapping of str to array_like
        Model label -> weight vector (all the same length as ``part_names``).
    common_part : int, optional
        Index of the part to mark with a shaded band.

    Returns
    -------
    Figure

    Examples
    --------
    >>> fig = plot_toy_weights(["a", "b"], {"min L2": [0.5, 0.5], "min L1": [1.0, 0.0]})
    >>> len(fig.axes)
    2
    """
    if not isinstance(weights, Mapping) or not weights:
        raise TypeError("weights must be a non-empty dict: model label -> weight vector")
    d = len(part_names)
    vecs = {}
    for label, w in weights.items():
        arr = as_float_array(w, f"weights[{label!r}]", ndim=1)
        if arr.size != d:
            raise ValueError(f"weights[{label!r}] has {arr.size} entries; part_names has {d}")
        vecs[label] = arr
    palette = [L2_COLOR, L1_COLOR, COLORS["green"], COLORS["purple"], COLORS["orange"]]
    fig, axes = new_figure(1, len(vecs), width=10, height=1.9 * len(vecs) + 0.6, sharex=True)
    axes = np.atleast_1d(axes)
    lim = max(float(np.max(np.abs(v))) for v in vecs.values()) * 1.15 or 1.0
    for i, (ax, (label, w)) in enumerate(zip(axes, vecs.items(), strict=True)):
        color = palette[i % len(palette)]
        nz = np.flatnonzero(w)
        ax.axhline(0, color=COLORS["grey"], linewidth=0.8)
        ax.vlines(nz, 0, w[nz], color=color, linewidth=2)
        ax.plot(nz, w[nz], "o", color=color, markersize=4)
        if common_part is not None:
            ax.axvspan(common_part - 0.5, common_part + 0.5, color=COLORS["yellow"], alpha=0.5,
                       zorder=0)
        # All-positive weights (as in the toy) need no room below zero.
        low = -0.15 * lim if all(float(v.min()) >= 0 for v in vecs.values()) else -lim
        ax.set_ylim(low, lim)
        ax.set_ylabel("weight")
        plural = "" if nz.size == 1 else "s"
        ax.set_title(
            f"{label}: {nz.size} non-zero weight{plural}, L1 norm {np.abs(w).sum():.3g}, "
            f"L2 norm {np.linalg.norm(w):.3g}", loc="left")
    axes[-1].set_xlim(-1, d)
    axes[-1].set_xlabel("part (column index)"
                        + ("; yellow band: " + str(part_names[common_part])
                           if common_part is not None else ""))
    return fig


def plot_duel(rows: Sequence[Mapping[str, object]]) -> Figure:
    """Held-out error of tuned L1 against tuned L2, one dot per run, sparse vs dense truth.

    Parameters
    ----------
    rows : sequence of dict
        One dict per run with keys ``truth`` (``"sparse"`` or ``"dense"``), ``l1_mse``
        and ``l2_mse`` (the tuned models' test errors), as notebook 06 builds them.

    Returns
    -------
    Figure

    Examples
    --------
    >>> fig = plot_duel([{"truth": "sparse", "l1_mse": 1.5, "l2_mse": 5.0},
    ...                  {"truth": "dense", "l1_mse": 7.0, "l2_mse": 5.5}])
    >>> fig.axes[0].get_xlabel()
    'L2 (ridge) test MSE'
    """
    if not rows:
        raise ValueError("rows must hold at least one run")
    fig, ax = new_figure(width=6, height=6)
    styles = {"sparse": (COLORS["green"], "o", "sparse truth (few large effects)"),
              "dense": (COLORS["purple"], "s", "dense truth (many small effects)")}
    allv = []
    for truth, (color, marker, label) in styles.items():
        pts = [(float(r["l2_mse"]), float(r["l1_mse"])) for r in rows if r["truth"] == truth]
        if pts:
            x, y = np.array(pts).T
            allv.extend([*x, *y])
            # Hollow: two runs with nearly the same errors still show as two outlines.
            ax.plot(x, y, marker, color=color, label=label, markersize=9, mfc="none", mew=2)
    lo, hi = 0.0, max(allv) * 1.08
    ax.plot([lo, hi], [lo, hi], color=COLORS["grey"], linestyle="--", linewidth=1)
    ax.text(hi * 0.97, hi * 0.62, "below the line:\nL1 wins", ha="right", color=COLORS["grey"])
    ax.text(hi * 0.05, hi * 0.62, "above the line:\nL2 wins", ha="left", color=COLORS["grey"])
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_aspect("equal")
    ax.set_xlabel("L2 (ridge) test MSE")
    ax.set_ylabel("L1 (lasso) test MSE")
    # Outside the axes: inside, it would hide dots wherever they happen to fall.
    fig.legend(loc="outside lower center", fontsize=10, ncols=1)
    return fig


def plot_routes(
    weights: Mapping[str, object],
    true_w: object | None = None,
    test_mse: Mapping[str, float] | None = None,
) -> Figure:
    """The weights of each route to a small model, exact zeros drawn as grey crosses.

    Parameters
    ----------
    weights : mapping of str to array_like
        Model name -> its weight vector (all the same length), one panel each.
    true_w : array_like, optional
        The true weights, drawn as hollow circles for reference.
    test_mse : mapping of str to float, optional
        Model name -> test error, shown in the panel's title.

    Returns
    -------
    Figure

    Examples
    --------
    >>> fig = plot_routes({"L1": [0.0, 2.0, 0.0], "L2": [0.1, 1.8, -0.2]}, [0.0, 2.0, 0.0])
    >>> len(fig.axes)
    2
    """
    if not isinstance(weights, Mapping) or not weights:
        raise TypeError("weights must be a non-empty dict: model name -> weight vector")
    vecs = {name: as_float_array(w, f"weights[{name!r}]", ndim=1) for name, w in weights.items()}
    n = len(vecs)
    fig, axes = new_figure(1, n, width=10, height=1.55 * n + 0.7, sharex=True,
                           sharey=True)
    axes = np.atleast_1d(axes)
    truth = None if true_w is None else as_float_array(true_w, "true_w", ndim=1)
    colors = [L1_COLOR, L2_COLOR, COLORS["green"], COLORS["orange"], COLORS["purple"]]
    for i, (ax, (name, w)) in enumerate(zip(axes, vecs.items(), strict=True)):
        idx = np.arange(w.size)
        zero = w == 0
        ax.axhline(0, color=COLORS["grey"], linewidth=0.8)
        ax.vlines(idx[~zero], 0, w[~zero], color=colors[i % len(colors)], linewidth=1.6)
        ax.plot(idx[zero], w[zero], "x", color=COLORS["grey"], markersize=4,
                label="exactly 0")
        if truth is not None:
            nz = np.flatnonzero(truth)
            ax.plot(nz, truth[nz], "o", mfc="none", color=COLORS["black"], markersize=5,
                    label="true weight")
        title = f"{name}: {int(zero.sum())} exact zeros"
        if test_mse is not None and name in test_mse:
            title += f", test MSE {float(test_mse[name]):.3g}"
        ax.set_title(title, loc="left", fontsize=11)
        ax.set_ylabel("weight")
    fig.legend(*axes[0].get_legend_handles_labels(), loc="outside upper center", fontsize=9,
               ncols=4)
    axes[-1].set_xlabel("feature index")
    return fig


def draw_sweep(sweep: LambdaSweep, width: float = 10.0, height: float = 4.0):
    """Build the U-curve figure and return it with the artists a widget moves.

    Returns
    -------
    fig : Figure
    handles : dict
        ``vline_err``, ``vline_nz`` (vertical markers), ``dot_train``, ``dot_val``,
        ``dot_nz`` (markers on the curves).

    Examples
    --------
    >>> from lessonlib.overfitting import lasso_sweep, regression_task
    >>> fig, h = draw_sweep(lasso_sweep(regression_task(seed=0), n_lambdas=10))
    >>> sorted(h)
    ['dot_nz', 'dot_train', 'dot_val', 'vline_err', 'vline_nz']
    """
    if not isinstance(sweep, LambdaSweep):
        raise TypeError(f"sweep must be a LambdaSweep (see lasso_sweep), got "
                        f"{type(sweep).__name__}")
    fig, (ax, ax2) = new_figure(2, 1, width=width, height=height)
    lam = sweep.lambdas
    ax.plot(lam, sweep.train_mse, color=COLORS["blue"], label="training error")
    ax.plot(lam, sweep.val_mse, color=COLORS["vermillion"], label="held-out (validation) error")
    ax.set_xscale("log")
    ax.invert_xaxis()  # left: strong penalty, simple model; right: weak penalty
    ax.set_xlabel("lambda (log scale; weaker penalty to the right)")
    ax.set_ylabel("mean squared error")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper center", fontsize=10)
    ax2.plot(lam, sweep.n_nonzero, color=COLORS["green"], drawstyle="steps-mid")
    ax2.set_xscale("log")
    ax2.invert_xaxis()
    ax2.set_xlabel("lambda (log scale; weaker penalty to the right)")
    ax2.set_ylabel("non-zero weights")
    ax2.set_ylim(bottom=0, top=max(1, int(sweep.n_nonzero.max())) * 1.08)
    i = sweep.best
    handles = {
        "vline_err": ax.axvline(lam[i], color=COLORS["grey"], linestyle=":"),
        "vline_nz": ax2.axvline(lam[i], color=COLORS["grey"], linestyle=":"),
        "dot_train": ax.plot([lam[i]], [sweep.train_mse[i]], "o", color=COLORS["blue"])[0],
        "dot_val": ax.plot([lam[i]], [sweep.val_mse[i]], "o", color=COLORS["vermillion"])[0],
        "dot_nz": ax2.plot([lam[i]], [sweep.n_nonzero[i]], "o", color=COLORS["green"])[0],
    }
    return fig, handles


def move_marker(handles: Mapping[str, object], sweep: LambdaSweep, i: int) -> None:
    """Put the markers of :func:`draw_sweep` at the ``i``-th lambda of ``sweep``."""
    x = sweep.lambdas[i]
    handles["vline_err"].set_xdata([x, x])
    handles["vline_nz"].set_xdata([x, x])
    handles["dot_train"].set_data([x], [sweep.train_mse[i]])
    handles["dot_val"].set_data([x], [sweep.val_mse[i]])
    handles["dot_nz"].set_data([x], [sweep.n_nonzero[i]])


def plot_sweep(sweep: LambdaSweep, mark: int | None = None) -> Figure:
    """Training vs held-out error and the number of non-zero weights along a lambda path.

    Parameters
    ----------
    sweep : LambdaSweep
    mark : int, optional
        Index of the lambda to mark; default the one with the lowest validation error.

    Returns
    -------
    Figure

    Examples
    --------
    >>> from lessonlib.overfitting import lasso_sweep, regression_task
    >>> fig = plot_sweep(lasso_sweep(regression_task(seed=0), n_lambdas=10))
    >>> len(fig.axes)
    2
    """
    fig, handles = draw_sweep(sweep)
    if mark is not None:
        from lessonlib._validate import as_int

        move_marker(handles, sweep, as_int(mark, "mark", low=0, high=len(sweep.lambdas) - 1))
    return fig


def draw_weight_path(sweep: LambdaSweep, true_w: ArrayLike, width: float = 9.5,
                     height: float = 3.8, limits: tuple[float, float] | None = None):
    """Weights at one lambda (the true ones marked) beside the error curves along lambda.

    The figure of :func:`lessonlib.widgets.overfitting.explore_lambda`. Left: the
    fitted weights as stems, vermillion where the truth also has a non-zero weight
    (real), blue where it has none (false), and the true weights as open circles.
    Right: training and held-out error along the path, a marker at the current lambda.

    Parameters
    ----------
    sweep : LambdaSweep
    true_w : array_like, shape (d,)
        The weights that generated the data.
    width, height : float
        Figure size in inches.
    limits : (float, float), optional
        Largest |weight| and largest error the axes must hold; default this sweep's.
        A widget showing several worlds passes the largest over all of them, so the
        axes (drawn once, as a fixed background) never change.

    Returns
    -------
    fig : Figure
    handles : dict
        Moved at every lambda: ``stems_real``, ``stems_false`` (line collections),
        ``vline``, ``dot_train``, ``dot_val``. Changed with the world:
        ``truth`` (the open circles), ``curve_train``, ``curve_val``.

    Examples
    --------
    >>> from lessonlib.overfitting import lasso_sweep, regression_task
    >>> task = regression_task(seed=0)
    >>> fig, h = draw_weight_path(lasso_sweep(task, n_lambdas=10), task.true_w)
    >>> sorted(h)[:3]
    ['curve_train', 'curve_val', 'dot_train']
    """
    if not isinstance(sweep, LambdaSweep):
        raise TypeError(f"sweep must be a LambdaSweep (see lasso_sweep), got "
                        f"{type(sweep).__name__}")
    truth = as_float_array(true_w, "true_w", ndim=1)
    if truth.size != sweep.coefs.shape[1]:
        raise ValueError(f"true_w has {truth.size} entries; the sweep's fits have "
                         f"{sweep.coefs.shape[1]} weights")
    from matplotlib.collections import LineCollection

    fig, (ax, ax2) = new_figure(2, 1, width=width, height=height,
                                gridspec_kw={"width_ratios": [2.3, 1]})
    d = truth.size
    ax.axhline(0, color=COLORS["grey"], linewidth=0.8)
    real = LineCollection([], colors=L1_COLOR, linewidths=2.2, label="non-zero, real")
    false = LineCollection([], colors=L2_COLOR, linewidths=2.2, label="non-zero, false")
    ax.add_collection(real)
    ax.add_collection(false)
    nz = np.flatnonzero(truth)
    (circles,) = ax.plot(nz, truth[nz], "o", mfc="none", color=COLORS["black"], markersize=5,
                         label="true weight")
    ax.set_xlim(-1, d)
    ax.set_xlabel("feature index")
    ax.set_ylabel("weight")
    # One tick format for every world: the layout is frozen after the first drawing, so
    # wider tick labels in another world would push the axis label off the figure.
    ax.yaxis.set_major_formatter("{x:.1f}")
    ax.legend(loc="upper center", ncols=3, fontsize=9, bbox_to_anchor=(0.5, 1.16),
              frameon=False)
    lam = sweep.lambdas
    (c_train,) = ax2.plot(lam, sweep.train_mse, color=COLORS["blue"], label="training")
    (c_val,) = ax2.plot(lam, sweep.val_mse, color=COLORS["vermillion"], label="held-out")
    ax2.set_xscale("log")
    ax2.invert_xaxis()  # weaker penalty to the right, as in the U-curve figure
    ax2.set_xlabel("lambda (weaker to the right)")
    ax2.set_ylabel("mean squared error")
    ax2.legend(loc="upper center", ncols=2, fontsize=9, bbox_to_anchor=(0.5, 1.16),
               frameon=False)
    i = sweep.best
    handles = {
        "stems_real": real,
        "stems_false": false,
        "vline": ax2.axvline(lam[i], color=COLORS["grey"], linestyle=":", linewidth=1.5),
        "dot_train": ax2.plot([lam[i]], [sweep.train_mse[i]], "o", color=COLORS["blue"],
                              markersize=8)[0],
        "dot_val": ax2.plot([lam[i]], [sweep.val_mse[i]], "o", color=COLORS["vermillion"],
                            markersize=8)[0],
        "truth": circles,
        "curve_train": c_train,
        "curve_val": c_val,
    }
    w_max, e_max = limits if limits is not None else world_limits(sweep, truth)
    ax.set_ylim(-1.12 * w_max, 1.12 * w_max)
    ax2.set_ylim(0, 1.08 * e_max)
    set_world(handles, sweep, truth)
    return fig, handles


def world_limits(sweep: LambdaSweep, true_w: np.ndarray) -> tuple[float, float]:
    """(largest |weight|, fitted or true; largest training or held-out error) of a world."""
    w_max = max(float(np.abs(sweep.coefs).max()), float(np.abs(true_w).max()))
    e_max = max(float(sweep.val_mse.max()), float(sweep.train_mse.max()))
    return w_max, e_max


def set_world(handles: Mapping[str, object], sweep: LambdaSweep, true_w: np.ndarray) -> None:
    """Show another world's truth and error curves in :func:`draw_weight_path`'s figure.

    The axes keep their limits (see ``limits`` of :func:`draw_weight_path`).
    """
    nz = np.flatnonzero(true_w)
    handles["truth"].set_data(nz, true_w[nz])
    handles["curve_train"].set_ydata(sweep.train_mse)
    handles["curve_val"].set_ydata(sweep.val_mse)


def move_weights(handles: Mapping[str, object], sweep: LambdaSweep, true_w: np.ndarray,
                 i: int) -> tuple[int, int]:
    """Draw the ``i``-th fit of ``sweep``; return (non-zeros, real non-zeros)."""
    w = sweep.coefs[i]
    nz = w != 0
    real = nz & (true_w != 0)
    false = nz & ~real
    for key, mask in (("stems_real", real), ("stems_false", false)):
        idx = np.flatnonzero(mask)
        handles[key].set_segments(np.stack([np.c_[idx, np.zeros(idx.size)], np.c_[idx, w[idx]]],
                                           axis=1) if idx.size else [])
    x = sweep.lambdas[i]
    handles["vline"].set_xdata([x, x])
    handles["dot_train"].set_data([x], [sweep.train_mse[i]])
    handles["dot_val"].set_data([x], [sweep.val_mse[i]])
    return int(nz.sum()), int(real.sum())
