"""The plot of notebook 00: proof that plotting works, and a first look at the course."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from lessonlib._validate import as_int, as_scalar
from lessonlib.plots.style import COLORS, L1_COLOR, L2_COLOR, new_figure

__all__ = ["plot_penalty_preview"]


def plot_penalty_preview(w_max: float = 1.5, num: int = 301) -> Figure:
    """Plot the L1 penalty ``|w|`` and the L2 penalty ``w**2`` of one weight, side by side.

    The left panel shows the two penalties; the right panel their slopes (the
    push each one gives the weight towards 0). Near 0 the L2 push fades away
    while the L1 push stays at full strength: the story of the whole course.

    Parameters
    ----------
    w_max : float, default 1.5
        The weight axis runs from ``-w_max`` to ``w_max``; must be > 0.
    num : int, default 301
        Points per curve; at least 3.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = plot_penalty_preview()
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['weight w (no unit)', 'weight w (no unit)']
    """
    w_max = as_scalar(w_max, "w_max", low=0.0, low_open=True)
    num = as_int(num, "num", low=3)
    w = np.linspace(-w_max, w_max, num)
    fig, (left, right) = new_figure(2, width=9.0, height=3.6)

    left.plot(w, np.abs(w), color=L1_COLOR, lw=2.5, label="L1 penalty  |w|")
    left.plot(w, w**2, color=L2_COLOR, lw=2.5, ls="--", label="L2 penalty  w²")
    left.set_xlabel("weight w (no unit)")
    left.set_ylabel("penalty (no unit)")
    left.set_title("Two ways to charge for a weight")
    left.legend(loc="upper center")

    # The slope of |w| jumps from -1 to +1 at 0: draw each side separately, so no
    # false vertical line suggests a value at w = 0, and mark the gap with open dots.
    neg, pos = w < 0, w > 0
    right.plot(w[neg], -np.ones(neg.sum()), color=L1_COLOR, lw=2.5, label="slope of |w|")
    right.plot(w[pos], np.ones(pos.sum()), color=L1_COLOR, lw=2.5)
    right.plot([0, 0], [-1, 1], "o", color=L1_COLOR, mfc="white", ms=7, zorder=3)
    right.plot(w, 2 * w, color=L2_COLOR, lw=2.5, ls="--", label="slope of w²  (2w)")
    right.axhline(0, color=COLORS["grey"], lw=1)
    right.set_xlabel("weight w (no unit)")
    right.set_ylabel("slope (no unit)")
    right.set_title("Their slopes")
    right.legend(loc="upper left")
    return fig
