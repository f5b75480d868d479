"""lessonlib: the helper library behind the course *L1 regularization and sparsity*.

Each module holds one idea of the course, named for it (``penalties``, ``wide``,
``world``, ...). Plot functions live in :mod:`lessonlib.plots` and return a
:class:`matplotlib.figure.Figure`; widget builders live in
:mod:`lessonlib.widgets`; exercise checks live in :mod:`lessonlib.checks`.
"""

from __future__ import annotations

from lessonlib._setup import require, setup

__version__ = "0.1.0"

__all__ = ["__version__", "require", "setup"]
