"""The U-curve you can move: a lambda slider over a precomputed L1 path.

Speed: the curves never change, only the markers do. So the full figure (axes,
ticks, curves, legend) is rendered to pixels once, and the live figure is that
picture plus a transparent overlay holding the markers. Each update then costs
a few marker moves and one PNG encoding instead of re-drawing every tick label.
"""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from lessonlib.overfitting import LambdaSweep, lasso_sweep, regression_task
from lessonlib.plots.overfitting import draw_sweep
from lessonlib.plots.style import COLORS
from lessonlib.widgets.live import LiveFigure

__all__ = ["explore_lambda"]


class _PictureFigure(Figure):
    """A figure whose background is a fixed RGBA picture, copied in without resampling."""

    def __init__(self, rgba: np.ndarray, dpi: float) -> None:
        h, w = rgba.shape[:2]
        super().__init__(figsize=(w / dpi, h / dpi), dpi=dpi)
        # Agg's draw_image puts row 0 at the bottom; the canvas buffer has it at the top.
        self._picture = np.ascontiguousarray(rgba[::-1])

    def draw(self, renderer) -> None:  # noqa: D102 - matplotlib's hook
        gc = renderer.new_gc()
        renderer.draw_image(gc, 0, 0, self._picture)
        gc.restore()
        for ax in self.axes:
            ax.draw(renderer)
        self.stale = False


class _FrozenSweep:
    """The sweep figure as a fixed background plus movable markers, in pixel units."""

    def __init__(self, sweep: LambdaSweep, width: float, height: float) -> None:
        background, handles = draw_sweep(sweep, width=width, height=height)
        for artist in handles.values():
            artist.set_visible(False)
        dpi = mpl.rcParams["savefig.dpi"]
        dpi = background.dpi if dpi == "figure" else float(dpi)
        background.set_dpi(dpi)
        canvas = FigureCanvasAgg(background)
        canvas.draw()
        rgba = np.asarray(canvas.buffer_rgba()).copy()
        ax_err, ax_nz = background.axes
        lam = sweep.lambdas
        # Where every marker goes, for every lambda, in pixels (origin bottom left).
        self.train_px = ax_err.transData.transform(np.c_[lam, sweep.train_mse])
        self.val_px = ax_err.transData.transform(np.c_[lam, sweep.val_mse])
        self.nz_px = ax_nz.transData.transform(np.c_[lam, sweep.n_nonzero])
        self.err_span = (ax_err.bbox.y0, ax_err.bbox.y1)
        self.nz_span = (ax_nz.bbox.y0, ax_nz.bbox.y1)

        h, w = rgba.shape[:2]
        self.fig = _PictureFigure(rgba, dpi)
        over = self.fig.add_axes((0, 0, 1, 1))
        over.set_axis_off()
        over.set_xlim(0, w)
        over.set_ylim(0, h)
        self.overlay = over
        grey = COLORS["grey"]
        self.vline_err = over.plot([0, 0], self.err_span, ":", color=grey, linewidth=1.5)[0]
        self.vline_nz = over.plot([0, 0], self.nz_span, ":", color=grey, linewidth=1.5)[0]
        self.dot_train = over.plot([0], [0], "o", color=COLORS["blue"], markersize=9)[0]
        self.dot_val = over.plot([0], [0], "o", color=COLORS["vermillion"], markersize=9)[0]
        self.dot_nz = over.plot([0], [0], "o", color=COLORS["green"], markersize=9)[0]

    def move(self, i: int) -> None:
        # The two panels have their own x positions for the same lambda.
        x, x2 = self.val_px[i, 0], self.nz_px[i, 0]
        self.vline_err.set_data([x, x], self.err_span)
        self.vline_nz.set_data([x2, x2], self.nz_span)
        self.dot_train.set_data([x], [self.train_px[i, 1]])
        self.dot_val.set_data([x], [self.val_px[i, 1]])
        self.dot_nz.set_data([x2], [self.nz_px[i, 1]])


def explore_lambda(sweep: LambdaSweep | None = None) -> LiveFigure:
    """A lambda slider showing training vs held-out error and the count of non-zero weights.

    The whole L1 path is computed once (or passed in); moving the slider only
    moves the markers, so an update costs one re-render of a pre-drawn picture.

    Parameters
    ----------
    sweep : LambdaSweep, optional
        The path to explore; default ``lasso_sweep(regression_task(seed=0))``.

    Returns
    -------
    LiveFigure
        ``live.controls["index"]`` is the slider (its value is an index into
        ``sweep.lambdas``; its labels show lambda).

    Examples
    --------
    >>> live = explore_lambda()
    >>> live.controls["index"].value = 0
    >>> "0 non-zero weights" in live.readout.value
    True
    """
    if sweep is None:
        sweep = lasso_sweep(regression_task(seed=0))
    if not isinstance(sweep, LambdaSweep):
        raise TypeError(f"sweep must be a LambdaSweep (see lasso_sweep), got "
                        f"{type(sweep).__name__}")
    frozen = _FrozenSweep(sweep, width=9.5, height=3.6)
    best = sweep.best
    slider = widgets.SelectionSlider(
        options=[(f"{lam:.3g}", i) for i, lam in enumerate(sweep.lambdas)],
        value=best,
        description="lambda",
        continuous_update=True,
        layout=widgets.Layout(width="480px"),
    )

    def update(index: int) -> str:
        frozen.move(index)
        gap = sweep.val_mse[index] - sweep.train_mse[index]
        note = " (the lowest held-out error on this path)" if index == best else ""
        return (
            f"lambda = <b>{sweep.lambdas[index]:.3g}</b>{note}: "
            f"<b>{int(sweep.n_nonzero[index])} non-zero weights</b> of "
            f"{sweep.coefs.shape[1]}; training MSE {sweep.train_mse[index]:.3g}, "
            f"held-out MSE {sweep.val_mse[index]:.3g} (gap {gap:.3g})"
        )

    live = LiveFigure(frozen.fig, {"index": slider}, update,
                      title="training vs held-out error and non-zero weights along lambda")
    live.frozen = frozen  # the marker artists, for tests
    return live
