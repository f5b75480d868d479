"""Which weights enter as lambda moves: a slider over precomputed L1 paths, two worlds.

The figure shows the Lasso's weights at the current lambda, coloured by whether the
truth has that weight (real) or not (false), beside the training and held-out error
curves. A switch flips between a sparse and a dense truth.

Speed: the figure is shown with LiveFigure's blitting mode. Axes, ticks and legends are
drawn once as a background, with limits that hold every world; each update, a move of
lambda or a switch of world, draws just the stems, the true weights, the curves and the
markers on top.
"""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets
import numpy as np

from lessonlib._validate import as_float_array
from lessonlib.overfitting import LambdaSweep, lasso_sweep, regression_task
from lessonlib.plots.overfitting import draw_weight_path, move_weights, set_world, world_limits
from lessonlib.widgets.live import LiveFigure

__all__ = ["default_worlds", "explore_lambda"]

#: Every artist an update changes, the world's truth and curves included: the axes hold
#: every world (common limits), so the background is drawn once and never again.
MOVING = ("curve_train", "curve_val", "truth", "stems_real", "stems_false", "vline",
          "dot_train", "dot_val")


def default_worlds() -> dict[str, tuple[LambdaSweep, np.ndarray]]:
    """Notebook 06's two worlds: section 3's sparse task and a dense one, same lambdas.

    Examples
    --------
    >>> worlds = default_worlds()
    >>> sorted(worlds), int(np.count_nonzero(worlds["dense"][1]))
    (['dense', 'sparse'], 100)
    """
    task = regression_task(n_train=60, n_features=100, n_informative=8, noise=1.0, seed=0)
    sweep = lasso_sweep(task, n_lambdas=60)
    dense = regression_task(n_train=60, n_features=100, n_informative=100, noise=1.0, seed=0)
    return {"sparse": (sweep, task.true_w),
            "dense": (lasso_sweep(dense, lambdas=sweep.lambdas), dense.true_w)}


def _check_worlds(worlds: object) -> dict[str, tuple[LambdaSweep, np.ndarray]]:
    if not isinstance(worlds, Mapping) or not worlds:
        raise TypeError("worlds must be a non-empty dict: name -> (LambdaSweep, true weights), "
                        'e.g. {"sparse": (sweep, task.true_w)}')
    out = {}
    for name, pair in worlds.items():
        if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], LambdaSweep)):
            raise TypeError(f"worlds[{name!r}] must be a pair (LambdaSweep, true weights), "
                            f"got {type(pair).__name__}")
        sweep, truth = pair[0], as_float_array(pair[1], f"worlds[{name!r}] true weights", ndim=1)
        if truth.size != sweep.coefs.shape[1]:
            raise ValueError(f"worlds[{name!r}]: {truth.size} true weights for fits with "
                             f"{sweep.coefs.shape[1]} weights")
        out[str(name)] = (sweep, truth)
    first = next(iter(out.values()))[0].lambdas
    for name, (sweep, _) in out.items():
        if sweep.lambdas.shape != first.shape or not np.allclose(sweep.lambdas, first):
            raise ValueError(f"worlds[{name!r}] was swept over other lambdas; sweep every world "
                             "over the same ones (lasso_sweep(task, lambdas=sweep.lambdas))")
    return out


def explore_lambda(worlds: object = None) -> LiveFigure:
    """A lambda slider showing which weights the Lasso keeps, real or false, per world.

    Parameters
    ----------
    worlds : dict, optional
        Name -> ``(LambdaSweep, true weights)``, all swept over the same lambdas; the
        first is shown first, at its lowest held-out error. Default: :func:`default_worlds`.

    Returns
    -------
    LiveFigure
        ``live.controls["index"]`` is the slider (an index into the lambdas, labelled
        with lambda); ``live.controls["world"]`` the truth switch.

    Examples
    --------
    >>> live = explore_lambda()
    >>> live.controls["index"].value = 0
    >>> "non-zeros: 0 of 100" in live.readout.value
    True
    """
    worlds = _check_worlds(default_worlds() if worlds is None else worlds)
    names = list(worlds)
    sweep0, truth0 = worlds[names[0]]
    limits = np.max([world_limits(sweep, truth) for sweep, truth in worlds.values()], axis=0)
    fig, handles = draw_weight_path(sweep0, truth0, limits=tuple(limits))
    slider = widgets.SelectionSlider(
        options=[(f"{lam:.3g}", i) for i, lam in enumerate(sweep0.lambdas)],
        value=sweep0.best,
        description="lambda",
        continuous_update=True,
        layout=widgets.Layout(width="420px"),
    )
    switch = widgets.ToggleButtons(options=[(f"{n} truth", n) for n in names], value=names[0],
                                   description="world")
    switch.style.button_width = "110px"
    state = {"world": names[0]}

    def update(index: int, world: str) -> str:
        sweep, truth = worlds[world]
        if world != state["world"]:
            set_world(handles, sweep, truth)
            state["world"] = world
        n_nz, n_real = move_weights(handles, sweep, truth, index)
        best = " (lowest on this path)" if index == sweep.best else ""
        lines = [
            f"lambda: {sweep.lambdas[index]:.3g}",
            f"non-zeros: {n_nz} of {truth.size}",
            f"real among them: {n_real} of {n_nz} (the truth has {int(np.count_nonzero(truth))})",
            f"held-out MSE: {sweep.val_mse[index]:.3g}{best}",
            f"training MSE: {sweep.train_mse[index]:.3g}",
        ]
        return "<pre style='margin:0;line-height:1.3'>" + "\n".join(lines) + "</pre>"

    live = LiveFigure(fig, {"index": slider, "world": switch}, update,
                      animated=[handles[k] for k in MOVING],
                      title="the Lasso's weights along lambda, real and false, "
                            "beside training and held-out error")
    live.handles = handles  # the artists, for tests
    live.worlds = worlds
    return live
