"""The course's look: the Okabe-Ito colour-blind-safe palette and readable sizes."""

from __future__ import annotations

import matplotlib as mpl
from cycler import cycler
from matplotlib.figure import Figure

#: Okabe & Ito (2008), "Color Universal Design": distinguishable under the common
#: colour-vision deficiencies. Use these names rather than raw colours.
COLORS: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#999999",
}

#: The conventional pairing across notebooks, so L1 is always the same colour.
L1_COLOR = COLORS["vermillion"]
L2_COLOR = COLORS["blue"]

_RC = {
    "axes.prop_cycle": cycler(
        color=[COLORS[k] for k in ("blue", "vermillion", "green", "orange", "purple", "sky")]
    ),
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.labelsize": 12,
    "legend.fontsize": 11,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "image.cmap": "viridis",
}


def apply_style() -> None:
    """Set the course's matplotlib defaults (palette, font sizes, light grid).

    Examples
    --------
    >>> apply_style()
    """
    mpl.rcParams.update(_RC)


def new_figure(
    ncols: int = 1, nrows: int = 1, *, width: float = 7.0, height: float = 4.0, **kwargs
) -> tuple[Figure, object]:
    """Make a figure that is *not* registered with pyplot, so it is shown only once.

    Returns the figure and its axes (one ``Axes`` or an array of them), like
    ``plt.subplots``, but without touching pyplot's state: a library function can
    return it and the notebook shows it by ending the cell with it.

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> type(fig).__name__
    'Figure'
    """
    apply_style()
    fig = Figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=True, **kwargs)
    return fig, axes
