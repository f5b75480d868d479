"""The U-curve you can move: a lambda slider over a precomputed L1 path.

Speed: the curves never change, only the markers do. So the figure is shown with
LiveFigure's blitting mode: axes, ticks, curves and legend are drawn once as a
background, and each update draws just the five marker artists on top of it.
"""

from __future__ import annotations

import ipywidgets as widgets

from lessonlib.overfitting import LambdaSweep, lasso_sweep, regression_task
from lessonlib.plots.overfitting import draw_sweep, move_marker
from lessonlib.widgets.live import LiveFigure

__all__ = ["explore_lambda"]


def explore_lambda(sweep: LambdaSweep | None = None) -> LiveFigure:
    """A lambda slider showing training vs held-out error and the count of non-zero weights.

    The whole L1 path is computed once (or passed in); moving the slider only
    moves the markers, so an update redraws just them over a pre-drawn background.

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
    fig, handles = draw_sweep(sweep, width=9.5, height=3.6)
    # Bolder markers than the static plot's: they are what moves.
    for name, artist in handles.items():
        if name.startswith("dot"):
            artist.set_markersize(9)
        else:
            artist.set_linewidth(1.5)
    best = sweep.best
    slider = widgets.SelectionSlider(
        options=[(f"{lam:.3g}", i) for i, lam in enumerate(sweep.lambdas)],
        value=best,
        description="lambda",
        continuous_update=True,
        layout=widgets.Layout(width="480px"),
    )

    def update(index: int) -> str:
        move_marker(handles, sweep, index)
        gap = sweep.val_mse[index] - sweep.train_mse[index]
        note = " (the lowest held-out error on this path)" if index == best else ""
        return (
            f"lambda = <b>{sweep.lambdas[index]:.3g}</b>{note}: "
            f"<b>{int(sweep.n_nonzero[index])} non-zero weights</b> of "
            f"{sweep.coefs.shape[1]}; training MSE {sweep.train_mse[index]:.3g}, "
            f"held-out MSE {sweep.val_mse[index]:.3g} (gap {gap:.3g})"
        )

    # The markers stay inside the axis ranges set by the curves: the background never changes.
    live = LiveFigure(fig, {"index": slider}, update, animated=list(handles.values()),
                      title="training vs held-out error and non-zero weights along lambda")
    live.handles = handles  # the marker artists, for tests
    return live
