"""Figures for the wide-model lab (notebook 07): the size/loss trade-off and where weights live."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from lessonlib import wide
from lessonlib._validate import as_scalar
from lessonlib.plots.style import COLORS, L1_COLOR, L2_COLOR, new_figure
from lessonlib.wide import WideModel

__all__ = ["nonzeros_per_degree", "plot_sweep", "plot_weight_map"]


def plot_sweep(
    rows: Sequence[Mapping],
    *,
    max_nonzeros: float | None = None,
    max_log_loss: float | None = None,
) -> Figure:
    """Model size (non-zero weights, log axis) against validation log loss, L1 and L2.

    Parameters
    ----------
    rows : sequence of dict
        Rows of :func:`lessonlib.wide.sweep` (keys ``penalty``, ``strength``,
        ``nnz``, ``val_log_loss``). Rows with no non-zero weight cannot sit on a log axis
        and are left out.
    max_nonzeros, max_log_loss : float, optional
        The challenge's targets; when both are given the target region is shaded.

    Returns
    -------
    Figure

    Examples
    --------
    >>> rows = [{"penalty": "L1", "strength": 1.0, "nnz": 900, "val_log_loss": 0.5},
    ...         {"penalty": "L1", "strength": 10.0, "nnz": 90, "val_log_loss": 0.6},
    ...         {"penalty": "L2", "strength": 1.0, "nnz": 1000, "val_log_loss": 0.49}]
    >>> fig = plot_sweep(rows, max_nonzeros=100, max_log_loss=0.55)
    >>> fig.axes[0].get_xscale()
    'log'
    """
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Sequence) or not rows:
        raise ValueError("rows must be a non-empty list of sweep rows (from sweep(...))")
    for r in rows:
        if not isinstance(r, Mapping) or not {"penalty", "strength", "nnz",
                                              "val_log_loss"} <= set(r):
            raise ValueError("each row needs penalty, strength, nnz and val_log_loss")
    fig, ax = new_figure(width=7.5, height=4.5)
    l1 = sorted((r for r in rows if r["penalty"] == "L1" and r["nnz"] > 0),
                key=lambda r: r["nnz"])
    l2 = [r for r in rows if r["penalty"] == "L2" and r["nnz"] > 0]
    if max_nonzeros is not None and max_log_loss is not None:
        n_max = as_scalar(max_nonzeros, "max_nonzeros", low=1)
        l_max = as_scalar(max_log_loss, "max_log_loss", low=0, low_open=True)
        ax.add_patch(Rectangle((1, 0), n_max - 1, l_max, facecolor=COLORS["green"], alpha=0.15,
                               edgecolor=COLORS["green"], linestyle="--",
                               label=f"challenge: < {n_max:,.0f} weights, loss < {l_max:g}"))
    if l1:
        ax.plot([r["nnz"] for r in l1], [r["val_log_loss"] for r in l1], "o-", color=L1_COLOR,
                label="L1 (FTRL-Proximal), label = l1")
        for r in l1:
            ax.annotate(f"{r['strength']:g}", (r["nnz"], r["val_log_loss"]),
                        textcoords="offset points", xytext=(6, 4), fontsize=10, color=L1_COLOR)
    for r in l2:
        ax.plot([r["nnz"]], [r["val_log_loss"]], "s", markersize=9, color=L2_COLOR,
                label=f"L2 (l2 = {r['strength']:g}): keeps every touched weight")
    kept = l1 + l2
    xs = [r["nnz"] for r in kept]
    ys = [r["val_log_loss"] for r in kept]
    if kept:
        ax.set_xlim(min(xs) / 2, max(xs) * 2.5)
        pad = 0.1 * (max(ys) - min(ys) + 1e-3)
        ax.set_ylim(min(ys) - pad, max(ys) + pad)
    ax.set_xscale("log")
    ax.set_xlabel("non-zero weights kept by the model (log scale)")
    ax.set_ylabel("validation log loss (nats per house)")
    ax.set_title("Model size against validation loss")
    ax.legend(loc="upper right")
    return fig


def nonzeros_per_degree(model: WideModel) -> np.ndarray:
    """Count the model's non-zero *crossed* weights in each 1 x 1 degree cell.

    Parameters
    ----------
    model : WideModel
        Its buckets must nest in whole degrees (e.g. minute or 10-minute buckets).

    Returns
    -------
    numpy.ndarray of int64, shape (180, 360)
        Row 0 is the southernmost degree of latitude, column 0 the westernmost of longitude.

    Examples
    --------
    >>> m = WideModel(np.array([10_800 + 21_600 + 5], np.int32), np.ones(1, np.float32),
    ...               np.zeros(1), n_lat=10_800, n_lon=21_600)
    >>> grid = nonzeros_per_degree(m)
    >>> grid.shape, int(grid.sum()), int(grid[0, 0])
    ((180, 360), 1, 1)
    """
    if not isinstance(model, WideModel):
        raise TypeError(f"model must be a WideModel, got {type(model).__name__}")
    if model.n_lat % 180 or model.n_lon % 360:
        raise ValueError(f"the model's {model.n_lat} x {model.n_lon} buckets do not nest in "
                         "whole degrees; use buckets of at most one degree that divide it")
    offset = model.n_lat + model.n_lon
    crossed = model.indices[model.indices >= offset].astype(np.int64) - offset
    i, j = wide.uncross(crossed, model.n_lon)
    deg = (i // (model.n_lat // 180)) * 360 + j // (model.n_lon // 360)
    return np.bincount(deg, minlength=180 * 360).reshape(180, 360).astype(np.int64)


def plot_weight_map(models: Mapping[str, WideModel]) -> Figure:
    """Maps of where each model keeps non-zero crossed weights, per 1 x 1 degree cell.

    Parameters
    ----------
    models : mapping of str to WideModel
        One panel per model, titled by its key (one to three models).

    Returns
    -------
    Figure

    Examples
    --------
    >>> m = WideModel(np.array([10_800 + 21_600 + 5], np.int32), np.ones(1, np.float32),
    ...               np.zeros(1), n_lat=10_800, n_lon=21_600)
    >>> fig = plot_weight_map({"one weight": m})
    >>> len(fig.axes)  # the map and its colour bar
    2
    """
    if not isinstance(models, Mapping) or not 1 <= len(models) <= 3:
        raise ValueError("models must be a mapping of one to three {title: WideModel}")
    grids = {name: nonzeros_per_degree(m) for name, m in models.items()}
    top = max(1, max(int(g.max()) for g in grids.values()))
    fig, axes = new_figure(1, len(grids), width=8.5, height=3.6 * len(grids))
    axes = np.atleast_1d(axes)
    norm = LogNorm(vmin=1, vmax=max(top, 2))
    image = None
    for ax, (name, grid) in zip(axes, grids.items(), strict=True):
        shown = np.ma.masked_equal(grid, 0)
        image = ax.imshow(shown, origin="lower", extent=(-180, 180, -90, 90), norm=norm,
                          cmap="viridis", interpolation="nearest", aspect="auto")
        ax.set_facecolor("#f2f2f2")
        ax.grid(False)
        ax.set_xlim(-180, 180)
        ax.set_ylim(-60, 80)
        ax.set_title(f"{name}: {int(grid.sum()):,} non-zero cell weights")
        ax.set_ylabel("latitude (degrees)")
    axes[-1].set_xlabel("longitude (degrees)")
    fig.colorbar(image, ax=list(axes), label="non-zero weights per 1° x 1° cell (log scale)",
                 shrink=0.9)
    return fig
