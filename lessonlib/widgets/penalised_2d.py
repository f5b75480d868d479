"""The central picture as a widget: move lambda and watch where each optimum lands.

Controls: lambda, a preset problem, the centre of the loss (c1, c2) and its tilt. The
readout, above the picture, gives the two optima in short ``key: value`` lines and says
when a weight is *exactly* 0. Every number comes from :mod:`lessonlib.penalised_2d`
(exact, no iterative solver), so "= 0" means the float 0.0.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from lessonlib._validate import as_scalar
from lessonlib.penalised_2d import Bowl, bowl, lam_all_zero, preset
from lessonlib.plots.penalised_2d import CentralPicture, legend_handles
from lessonlib.plots.style import new_figure
from lessonlib.widgets.live import LiveFigure

__all__ = ["PRESET_NAMES", "explore_penalised_2d", "readout_lines"]

#: The problems the widget offers, in its menu's order.
PRESET_NAMES = ("tilted", "round", "correlated", "random")
TITLE = "move lambda: where do the L1 and the L2 optimum land?"


def _pair(w: np.ndarray) -> str:
    return "(" + ", ".join("0" if x == 0.0 else f"{x:.3f}" for x in w) + ")"


def _zeros(w: np.ndarray) -> str:
    names = [f"w{i + 1}" for i in (0, 1) if w[i] == 0.0]
    return f"{len(names)} ({' and '.join(names)} exactly 0)" if names else "0"


def readout_lines(b: Bowl, lam: float, w_l1: np.ndarray, w_l2: np.ndarray) -> list[str]:
    """The readout as ``key: value`` lines (plain text).

    Examples
    --------
    >>> from lessonlib.penalised_2d import penalised_optimum
    >>> b = preset("round")
    >>> readout_lines(b, 0.7, penalised_optimum(b, 0.7), penalised_optimum(b, 0.7, "l2"))[2]
    'L1 zeros: 1 (w2 exactly 0)'
    """
    return [
        f"lambda: {lam:.2f}",
        f"L1 optimum: {_pair(w_l1)}",
        f"L1 zeros: {_zeros(w_l1)}",
        f"L2 optimum: {_pair(w_l2)}",
        f"L2 zeros: {_zeros(w_l2)}",
        f"L1 all zero from lambda: {lam_all_zero(b):.3f}",
    ]


def explore_penalised_2d(start: str = "tilted", lam: float = 0.3) -> LiveFigure:
    """Contours of a two-weight loss, the L1 diamond and the L2 disc, as lambda moves.

    Parameters
    ----------
    start : str, default "tilted"
        The preset shown first (one of :data:`PRESET_NAMES`).
    lam : float, default 0.3
        The penalty strength shown first, in [0, 3].

    Returns
    -------
    LiveFigure
        ``controls``: ``"lam"``, ``"c1"``, ``"c2"``, ``"tilt"``; ``live.preset`` is the
        menu of problems; ``live.picture`` the :class:`CentralPicture`.

    Examples
    --------
    >>> live = explore_penalised_2d()
    >>> live.controls["lam"].value = 0.8
    >>> "L1 zeros: 1 (w2 exactly 0)" in live.readout.value
    True
    """
    if start not in PRESET_NAMES:
        raise ValueError(f"start must be one of {list(PRESET_NAMES)}, got {start!r}")
    lam = as_scalar(lam, "lam", low=0, high=3)
    first = preset(start)
    fig, ax = new_figure(width=6.4, height=6.6)
    picture = CentralPicture(ax, first, lam)
    fig.legend(handles=legend_handles(), loc="outside lower center", ncols=2, fontsize=10)

    style = {"description_width": "initial"}
    lam_slider = widgets.FloatSlider(value=lam, min=0.0, max=3.0, step=0.01, description="lambda:",
                                     readout_format=".2f", continuous_update=True, style=style,
                                     layout=widgets.Layout(width="420px"))
    c1 = widgets.FloatSlider(min=-1.5, max=1.5, step=0.05, description="centre c1:", style=style)
    c2 = widgets.FloatSlider(min=-1.5, max=1.5, step=0.05, description="centre c2:", style=style)
    tilt = widgets.FloatSlider(min=-90.0, max=90.0, step=5.0, description="tilt (degrees):",
                               readout_format=".0f", style=style)
    menu = widgets.Dropdown(options=list(PRESET_NAMES), value=start, description="problem:",
                            style=style)
    # The preset's own bowl is used while the sliders still show its values: a slider
    # rounds what it displays, and the random bowl's centre is not on the 0.05 grid.
    state: dict[str, object] = {"preset": first, "values": None, "pending": first}

    def current(c1_v: float, c2_v: float, tilt_v: float) -> Bowl:
        if state["pending"] is not None:
            return state["pending"]  # type: ignore[return-value]
        # A browser slider snaps its value to min + k * step in floating point (1.0 comes
        # back as 0.9999999999999998): within 1e-6 of the preset is still the preset.
        if np.allclose((c1_v, c2_v, tilt_v), state["values"], rtol=0, atol=1e-6):
            return state["preset"]  # type: ignore[return-value]
        key = (state["preset"], c1_v, c2_v, tilt_v)
        if state.get("moved_key") != key:  # one Bowl per position: lambda alone redraws less
            low, high = state["preset"].curvatures  # type: ignore[union-attr]
            state["moved"] = bowl((c1_v, c2_v), tilt_v, high / low, curvature=low,
                                  name=f"{state['preset'].name}, moved")  # type: ignore[union-attr]
            state["moved_key"] = key
        return state["moved"]  # type: ignore[return-value]

    def update(lam: float, c1: float, c2: float, tilt: float) -> str:
        b = current(c1, c2, tilt)
        w_l1, w_l2 = picture.set(b, lam)
        lines = [f"problem: {b.name}", *readout_lines(b, lam, w_l1, w_l2)]
        return ('<div style="font-family: monospace; line-height: 1.35">'
                + "<br>".join(lines) + "</div>")

    def choose(b: Bowl) -> None:
        state["preset"], state["pending"] = b, b
        c1.value, c2.value = (float(np.clip(x, -1.5, 1.5)) for x in b.centre)
        tilt.value = float(np.clip(b.tilt, -90, 90))
        state["pending"] = None
        state["values"] = (c1.value, c2.value, tilt.value)

    choose(first)
    live = LiveFigure(fig, {"lam": lam_slider, "c1": c1, "c2": c2, "tilt": tilt}, update,
                      title=TITLE, extra=[menu], animated=picture.animated)

    def on_menu(change: dict) -> None:
        state["pending"] = preset(change["new"])
        choose(state["pending"])  # type: ignore[arg-type]
        live.refresh()

    menu.observe(on_menu, names="value")
    live.preset = menu
    live.picture = picture
    return live

