"""Plot functions: each takes results and returns a :class:`matplotlib.figure.Figure`.

They never call ``plt.show()``; a notebook cell ends with the figure to show it.
The shared look (colour-blind-safe palette, font sizes) is in :mod:`lessonlib.plots.style`.
"""

from lessonlib.plots.style import COLORS, apply_style, new_figure

__all__ = ["COLORS", "apply_style", "new_figure"]
