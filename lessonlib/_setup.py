"""What every notebook's setup cell calls: a version check and a shared style."""

from __future__ import annotations

import numpy as np


class CourseSetupError(RuntimeError):
    """Raised when the installed course is older than a notebook needs."""


def blas_threads() -> int:
    """How many BLAS threads the course's computations use: 1, the one place that says so.

    The course's problems are small: on a shared 2-core machine extra BLAS threads
    only fight (20-50x slower small products were measured here). The environment
    variable ``LESSONLIB_BLAS_THREADS`` overrides it, for testing only:
    ``make versions`` runs the notebooks with 2 threads to show that no printed
    number depends on the thread count.

    Examples
    --------
    >>> blas_threads()
    1
    """
    import os

    value = os.environ.get("LESSONLIB_BLAS_THREADS", "1")
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"LESSONLIB_BLAS_THREADS must be a whole number >= 1, got {value!r}")
    return int(value)


def limited_blas() -> object:
    """Limit BLAS to :func:`blas_threads` threads: the one place lessonlib sets the limit.

    Used as a context manager around a computation (``with limited_blas(): ...``), the
    limit is lifted afterwards; :func:`setup` calls it once for the whole notebook.

    Examples
    --------
    >>> import numpy as np
    >>> with limited_blas():
    ...     float(np.ones((3, 3)).dot(np.ones(3)).sum())
    9.0
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=blas_threads(), user_api="blas")


def _parse(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".")[:3] if part.isdigit())


def require(minimum: str) -> str:
    """Fail fast, with a fix, when the installed lessonlib is older than ``minimum``.

    Parameters
    ----------
    minimum : str
        The oldest version the notebook works with, e.g. ``"0.1"``.

    Returns
    -------
    str
        The installed version.

    Examples
    --------
    >>> require("0.1")
    '0.1.0'
    """
    from lessonlib import __version__

    if not isinstance(minimum, str) or not _parse(minimum):
        raise TypeError(f"minimum must be a version string such as '0.1', got {minimum!r}")
    if _parse(__version__) < _parse(minimum):
        raise CourseSetupError(
            f"This notebook needs lessonlib {minimum} or newer, but {__version__} is installed. "
            "Run `make lab` again from the course folder (it reinstalls the course), "
            "then restart the kernel."
        )
    return __version__


def _enable_inline_figures() -> None:
    # lessonlib builds figures without pyplot, and nothing else imports pyplot, so IPython
    # would show a returned Figure only as text ("<Figure size ...>"). Registering the
    # inline backend's formatters makes it render as an image.
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import configure_inline_support
    except ImportError:  # plain Python: nothing to display into
        return
    shell = get_ipython()
    if shell is not None:
        configure_inline_support(shell, "inline")


def setup(seed: int = 0) -> np.random.Generator:
    """Apply the course's plotting style and return a seeded random generator.

    On a workshop hub that sets ``LESSONLIB_PACE_LOG`` it also starts the pace log
    (:mod:`lessonlib.pace`) and prints a notice saying so; elsewhere it prints nothing.

    Parameters
    ----------
    seed : int, default 0
        Seed for the returned generator, so a notebook run twice prints the same text.

    Returns
    -------
    numpy.random.Generator

    Examples
    --------
    >>> rng = setup(seed=1)
    >>> float(rng.random()) == float(setup(seed=1).random())
    True
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative whole number, got {seed!r}")
    from lessonlib.plots.style import apply_style

    apply_style()
    _enable_inline_figures()
    # The course's problems are small: BLAS threads only fight over a shared 2-core
    # machine (20-50x slower small products were measured here), and a fixed thread
    # count keeps floating-point sums, and so the printed numbers, reproducible.
    limited_blas()
    np.set_printoptions(precision=4, suppress=True, linewidth=100)
    # Only on a workshop hub that asks for it (LESSONLIB_PACE_LOG); it says so when on.
    from lessonlib import pace

    pace.start()
    return np.random.default_rng(int(seed))
