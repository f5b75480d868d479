"""Figures of notebook 08: the CV curve, the Lasso path, selection frequencies.

Each function takes computed results and returns a :class:`~matplotlib.figure.Figure`
made with :func:`lessonlib.plots.new_figure`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array
from lessonlib.lambda_choice import CVTable
from lessonlib.plots.style import COLORS, L1_COLOR, new_figure

__all__ = ["plot_cv_curve", "plot_lasso_path", "plot_stability"]


def plot_cv_curve(table: CVTable) -> Figure:
    """Mean CV error against lambda with a one-standard-error band; both choices marked.

    Examples
    --------
    >>> from lessonlib.lambda_choice import cv_table
    >>> t = cv_table([1.0, 0.1, 0.01], [[4.0, 6.0], [2.0, 2.2], [2.1, 2.3]])
    >>> len(plot_cv_curve(t).axes)
    1
    """
    if not isinstance(table, CVTable):
        raise TypeError(f"table must be a CVTable (see cv_table), got {type(table).__name__}")
    fig, ax = new_figure(width=7.0, height=4.0)
    a, m, se = table.alphas, table.mean, table.se
    ax.fill_between(a, m - se, m + se, color=COLORS["sky"], alpha=0.35,
                    label="± 1 standard error over the folds")
    ax.plot(a, m, color=COLORS["blue"], lw=2, label="mean CV error")
    ax.axhline(m[table.best] + se[table.best], color=COLORS["grey"], ls=":", lw=1.2,
               label="minimum + 1 standard error")
    ax.axvline(a[table.best], color=COLORS["green"], ls="--",
               label=f"minimum: lambda = {a[table.best]:.3g}")
    ax.axvline(a[table.one_se], color=L1_COLOR, ls="-.",
               label=f"one-SE rule: lambda = {a[table.one_se]:.3g}")
    ax.set_xscale("log")
    ax.invert_xaxis()  # strong penalty on the left, as the path is read
    ax.set_xlabel("lambda (scikit-learn's alpha), log scale; weaker penalty to the right")
    ax.set_ylabel("CV mean squared error")
    ax.set_ylim(m.min() - 3 * se.max(), m[table.best] + 12 * se[table.best])
    ax.legend(loc="upper right", fontsize=9)
    return fig


def plot_lasso_path(alphas: ArrayLike, coefs: ArrayLike, names: Sequence[str]) -> Figure:
    """Each standardised coefficient against lambda; every curve named where it ends.

    Parameters
    ----------
    alphas : array_like of shape (k,)
    coefs : array_like of shape (d, k)
    names : sequence of d str

    Examples
    --------
    >>> fig = plot_lasso_path([1.0, 0.5, 0.1], [[0, 1, 2], [0, 0, -1]], ["a", "b"])
    >>> len(fig.axes[0].lines)  # two paths and the zero line
    3
    """
    a = as_float_array(alphas, "alphas", ndim=1)
    c = as_float_array(coefs, "coefs", ndim=2)
    if c.shape != (len(names), a.size):
        raise ValueError(f"coefs must have shape (len(names), len(alphas)) = "
                         f"({len(names)}, {a.size}), got {c.shape}")
    fig, ax = new_figure(width=7.0, height=4.5)
    palette = [COLORS[k] for k in ("blue", "vermillion", "green", "orange", "purple", "sky",
                                   "black", "grey")]
    styles = ["-", "--", ":"]
    ends = c[:, -1]
    # Names at the right end, nudged apart so that curves ending together stay readable.
    gap = 0.045 * max(float(np.ptp(c)), 1e-12)
    label_y = ends.copy()
    order = np.argsort(ends)
    for k in range(1, order.size):
        label_y[order[k]] = max(label_y[order[k]], label_y[order[k - 1]] + gap)
    label_y -= (label_y - ends).mean()  # keep the block of labels centred on the curves
    for j, name in enumerate(names):
        color = palette[j % len(palette)]
        ax.plot(a, c[j], color=color, ls=styles[(j // len(palette)) % len(styles)], lw=1.8)
        ax.annotate(name, (a[-1], ends[j]), xytext=(a[-1] * 0.8, label_y[j]),
                    textcoords="data", va="center", fontsize=9, color=color,
                    arrowprops={"arrowstyle": "-", "color": color, "lw": 0.6})
    ax.axhline(0, color=COLORS["black"], lw=0.8)
    ax.set_xscale("log")
    ax.invert_xaxis()
    ax.set_xlabel("lambda (scikit-learn's alpha), log scale; weaker penalty to the right")
    ax.set_ylabel("coefficient (per standard deviation)")
    return fig


def plot_stability(freq: ArrayLike, alphas: ArrayLike, names: Sequence[str],
                   threshold: float = 0.8) -> Figure:
    """Selection frequency of each feature at each lambda, as a heat map with the numbers.

    Examples
    --------
    >>> fig = plot_stability([[1.0, 0.2], [1.0, 0.9]], [2.0, 1.0], ["a", "b"])
    >>> len(fig.axes)
    2
    """
    f = as_float_array(freq, "freq", ndim=2)
    a = as_float_array(alphas, "alphas", ndim=1)
    if f.shape != (a.size, len(names)):
        raise ValueError(f"freq must have shape (len(alphas), len(names)) = "
                         f"({a.size}, {len(names)}), got {f.shape}")
    fig, ax = new_figure(width=7.0, height=0.45 * len(names) + 1.6)
    im = ax.imshow(f.T, aspect="auto", cmap="cividis", vmin=0, vmax=1)
    ax.set_yticks(range(len(names)), labels=list(names))
    ax.set_xticks(range(a.size), labels=[f"{x:.3g}" for x in a], rotation=0)
    ax.set_xlabel("lambda (strong penalty on the left)")
    ax.grid(False)
    for i in range(a.size):
        for j in range(len(names)):
            v = f[i, j]
            ax.text(i, j, f"{v:.2f}", ha="center", va="center", fontsize=8,
                    color="black" if v > 0.55 else "white",
                    fontweight="bold" if v >= threshold else "normal")
    fig.colorbar(im, ax=ax, label="share of resamples that keep the feature")
    return fig
