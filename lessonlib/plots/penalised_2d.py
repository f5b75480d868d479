"""The central picture: a loss's contours meeting the L1 diamond and the L2 disc.

For a two-weight bowl (:mod:`lessonlib.penalised_2d`) and a penalty strength ``lam``, a
panel shows the loss's contour ellipses (grey), the L1 optimum with the diamond and the
loss contour through it (vermillion), the L2 optimum with its disc and contour (blue),
and the unpenalised fit (black cross). A weight that is *exactly* 0 is written out
("w2 = 0") next to the point, so "on the axis" is never read off a pixel.

:class:`CentralPicture` holds one panel's artists and redraws them for a new bowl or
``lam``; the widget in :mod:`lessonlib.widgets.penalised_2d` moves them, and
:func:`plot_central_picture` draws a row of panels for the notebook and the website.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from lessonlib._validate import as_scalar
from lessonlib.penalised_2d import Bowl, penalised_optimum, preset
from lessonlib.plots.style import COLORS, L1_COLOR, L2_COLOR, new_figure

__all__ = ["LIMIT", "CentralPicture", "plot_central_picture"]

#: Half-width of the square window, in weight units (the widget's centres stay inside).
LIMIT = 1.6
_LEVELS = np.array([0.04, 0.16, 0.36, 0.64, 1.0, 1.44, 1.96, 2.56, 3.24, 4.0])
_CIRCLE = np.linspace(0.0, 2.0 * np.pi, 181)


def _zero_label(w: np.ndarray) -> str:
    """ "w1 = 0", "w2 = 0", "w1 = w2 = 0" or "" for a point's exact zeros."""
    zeros = [f"w{i + 1}" for i in (0, 1) if w[i] == 0.0]
    return " = ".join([*zeros, "0"]) if zeros else ""


class CentralPicture:
    """The artists of one panel, for a bowl and a penalty strength.

    Parameters
    ----------
    ax : Axes
        Where to draw; its limits are fixed to the window ``[-LIMIT, LIMIT]^2``.
    b : Bowl
    lam : float
    title : bool, default True
        Write ``lambda = ...`` above the panel.
    window : (low, high), default (-LIMIT, LIMIT)
        The range of both axes.

    Attributes
    ----------
    animated : list of Artist
        Every artist :meth:`set` changes (the widget redraws only these).
    w_l1, w_l2 : ndarray
        The optima last drawn.

    Examples
    --------
    >>> from lessonlib.penalised_2d import preset
    >>> fig, ax = new_figure()
    >>> pic = CentralPicture(ax, preset("round"), 0.7)
    >>> pic.zero_text.get_text()
    'w2 = 0'
    """

    def __init__(self, ax: Axes, b: Bowl, lam: float, *, title: bool = True,
                 window: tuple[float, float] = (-LIMIT, LIMIT)) -> None:
        self.ax = ax
        ax.axhline(0.0, color=COLORS["black"], lw=0.8, zorder=1)
        ax.axvline(0.0, color=COLORS["black"], lw=0.8, zorder=1)
        ax.set_xlim(*window)
        ax.set_ylim(*window)
        self._window = window
        ax.set_aspect("equal")
        ax.set_xlabel("weight w1")
        ax.set_ylabel("weight w2")
        self.contours = [ax.plot([], [], color=COLORS["grey"], lw=0.8, alpha=0.7)[0]
                         for _ in _LEVELS]
        self.diamond = ax.plot([], [], color=L1_COLOR, lw=2.2, zorder=3)[0]
        self.disc = ax.plot([], [], color=L2_COLOR, lw=2.2, zorder=3)[0]
        self.touch_l1 = ax.plot([], [], color=L1_COLOR, lw=1.4, ls="--", zorder=3)[0]
        self.touch_l2 = ax.plot([], [], color=L2_COLOR, lw=1.4, ls="--", zorder=3)[0]
        self.centre = ax.plot([], [], "X", color=COLORS["black"], ms=10, zorder=5)[0]
        self.opt_l2 = ax.plot([], [], "s", color=L2_COLOR, ms=10, mec="white", zorder=6)[0]
        self.opt_l1 = ax.plot([], [], "o", color=L1_COLOR, ms=11, mec="white", zorder=7)[0]
        self.zero_text = ax.text(0, 0, "", color=L1_COLOR, fontsize=13, fontweight="bold",
                                 zorder=8, bbox={"boxstyle": "round,pad=0.2", "fc": "white",
                                                 "ec": L1_COLOR, "alpha": 0.9})
        self.title = ax.set_title(" ") if title else None
        self.animated = [*self.contours, self.diamond, self.disc, self.touch_l1, self.touch_l2,
                         self.centre, self.opt_l2, self.opt_l1, self.zero_text]
        if self.title is not None:
            self.animated.append(self.title)
        self._bowl: Bowl | None = None
        self.set(b, lam)

    def _draw_bowl(self, b: Bowl) -> None:
        ref = max(float(b.loss(np.zeros(2))), 0.05)
        for line, level in zip(self.contours, _LEVELS * ref, strict=True):
            pts = b.ellipse(level)
            line.set_data(pts[:, 0], pts[:, 1])
        self.centre.set_data([b.centre[0]], [b.centre[1]])
        self._bowl = b

    def set(self, b: Bowl, lam: float) -> tuple[np.ndarray, np.ndarray]:
        """Draw ``b`` at penalty ``lam``; return the L1 and L2 optima."""
        lam = as_scalar(lam, "lam", low=0)
        if b is not self._bowl:
            self._draw_bowl(b)
        w1 = penalised_optimum(b, lam, "l1")
        w2 = penalised_optimum(b, lam, "l2")
        r1, r2 = float(np.abs(w1).sum()), float(np.hypot(*w2))
        self.diamond.set_data([r1, 0, -r1, 0, r1], [0, r1, 0, -r1, 0])
        self.disc.set_data(r2 * np.cos(_CIRCLE), r2 * np.sin(_CIRCLE))
        for line, w in ((self.touch_l1, w1), (self.touch_l2, w2)):
            pts = b.ellipse(float(b.loss(w)))
            line.set_data(pts[:, 0], pts[:, 1])
        self.opt_l1.set_data([w1[0]], [w1[1]])
        self.opt_l2.set_data([w2[0]], [w2[1]])
        label = _zero_label(w1)
        self.zero_text.set_text(label)
        # beside the point, on the side away from the centre (where the contours and the
        # L2 optimum are), kept inside the window
        away = w1 - b.centre
        low, high = self._window
        dx = 0.12 if away[0] >= 0 else -0.12
        dy = 0.10 if away[1] >= 0 else -0.24
        x = min(max(w1[0] + dx, low + 0.05), high - 0.05)
        y = min(max(w1[1] + dy, low + 0.05), high - 0.2)
        self.zero_text.set_position((x, y))
        self.zero_text.set_horizontalalignment("left" if dx > 0 else "right")
        if self.title is not None:
            self.title.set_text(f"lambda = {lam:.2f}")
        self.w_l1, self.w_l2 = w1, w2
        return w1, w2


def legend_handles() -> list[Line2D]:
    """The legend entries of the central picture, one per kind of artist."""
    return [
        Line2D([], [], color=COLORS["grey"], lw=0.8, label="loss contours"),
        Line2D([], [], marker="X", ls="", color=COLORS["black"], ms=9,
               label="no penalty (least-squares fit)"),
        Line2D([], [], marker="o", color=L1_COLOR, lw=2.2, ms=9,
               label="L1 optimum and its diamond"),
        Line2D([], [], marker="s", color=L2_COLOR, lw=2.2, ms=9,
               label="L2 optimum and its disc"),
        Line2D([], [], color=COLORS["black"], ls="--", lw=1.4,
               label="loss contour through each optimum"),
    ]


def plot_central_picture(b: Bowl | None = None, lams: Sequence[float] = (0.3, 0.8, 1.3),
                         window: tuple[float, float] = (-1.0, 1.6)) -> Figure:
    """One panel per ``lam``: the loss's contours, both optima and the balls through them.

    Parameters
    ----------
    b : Bowl, optional
        The loss; default the ``"tilted"`` preset.
    lams : sequence of float
        Penalty strengths, one panel each (1 to 4).
    window : (low, high), default (-1.0, 1.6)
        The range of both axes.

    Examples
    --------
    >>> fig = plot_central_picture(lams=(0.3, 0.8))
    >>> len(fig.axes), fig.axes[1].texts[0].get_text()
    (2, 'w2 = 0')
    """
    b = preset("tilted") if b is None else b
    if not isinstance(b, Bowl):
        raise TypeError(f"b must be a Bowl from lessonlib.penalised_2d, got {type(b).__name__}")
    lams = [as_scalar(lam, "lams", low=0) for lam in lams]
    if not 1 <= len(lams) <= 4:
        raise ValueError(f"lams must hold 1 to 4 penalty strengths, got {len(lams)}")
    low, high = (as_scalar(x, "window") for x in window)
    if not low < 0 < high:
        raise ValueError(f"window must be (low, high) with low < 0 < high, got {window!r}")
    fig, axes = new_figure(len(lams), width=3.6 * len(lams) + 0.4, height=5.0,
                           sharex=True, sharey=True)
    axes = np.atleast_1d(axes)
    for ax, lam in zip(axes, lams, strict=True):
        CentralPicture(ax, b, lam, window=(low, high))
    for ax in axes[1:]:
        ax.set_ylabel("")
    fig.legend(handles=legend_handles(), loc="outside lower center", ncols=3, fontsize=10)
    return fig
