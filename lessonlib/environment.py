"""Is this environment ready for the course? A version check the learner runs in notebook 00.

:func:`environment_report` lists, for each component the notebooks rely on, the
oldest version the course supports, the version found, and whether it is good
enough. :func:`check_environment` prints that as a short pass/fail table. When
everything is fine the table shows no version numbers at all, so the printed
text is the same on every machine (nbval compares it); when something is
missing or too old it shows both versions and says how to fix it.
"""

from __future__ import annotations

import importlib.metadata
import re
import sys
import textwrap
from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["Requirement", "check_environment", "environment_report"]

#: (component, distribution name, oldest supported version). Mirrors the lower
#: bounds in pyproject.toml, its core dependencies and its ``[lab]`` extra (a unit test
#: keeps the two in step).
REQUIREMENTS: tuple[tuple[str, str, str], ...] = (
    ("python", "python", "3.11"),
    ("numpy", "numpy", "1.26"),
    ("scipy", "scipy", "1.11"),
    ("matplotlib", "matplotlib", "3.8"),
    ("ipywidgets", "ipywidgets", "8.1"),
    ("jupyterlab", "jupyterlab", "4.1"),
    ("scikit-learn", "scikit-learn", "1.4"),
    ("lessonlib", "lessonlib", "0.1"),
)

#: Components only a learner who runs JupyterLab themselves needs (``make lab``, Binder, a
#: workshop hub). Colab and VS Code bring their own front end, so there a missing one is
#: fine; one that is present but too old still fails.
OPTIONAL: frozenset[str] = frozenset({"jupyterlab"})
NOT_NEEDED = "not installed (needed only to run JupyterLab yourself)"

FIX_PACKAGES = (
    "How to fix it: from the course folder run `make lab` again (it installs everything the "
    "course needs), or run `pip install -e .` in that folder; then restart the kernel "
    "(Kernel > Restart Kernel) and run this notebook again. On a workshop hub, tell your "
    "instructor; on Binder, start a fresh session from the same Binder link."
)
FIX_PYTHON = (
    "This course needs Python {required} or newer. Create the course environment with a newer "
    "Python (then run `make lab`), or run the course on Binder, which comes ready."
)


class Requirement(NamedTuple):
    """One row of the environment report."""

    component: str
    required: str
    installed: str | None
    ok: bool


def version_tuple(version: str) -> tuple[int, ...]:
    """The leading numeric release part of a version string, for comparisons.

    Pre-release and local suffixes are ignored ("1.26.0rc1" reads as (1, 26, 0)).

    Parameters
    ----------
    version : str
        A version such as ``"3.11.7"`` or ``"2.0.0rc1"``.

    Returns
    -------
    tuple of int

    Examples
    --------
    >>> version_tuple("1.26.4")
    (1, 26, 4)
    >>> version_tuple("2.0.0rc1") >= version_tuple("1.26")
    True
    """
    if not isinstance(version, str):
        raise TypeError(f"version must be a string such as '1.26', got {version!r}")
    parts = []
    for piece in version.strip().split("."):
        match = re.match(r"\d+", piece)
        if not match:
            break
        parts.append(int(match.group()))
        if match.end() != len(piece):  # "0rc1": the release part ends here
            break
    if not parts:
        raise ValueError(f"version must start with a number such as '1.26', got {version!r}")
    return tuple(parts)


def _installed_version(name: str) -> str | None:
    """The installed version of a distribution, or None when it is not installed."""
    if name == "python":
        return ".".join(str(x) for x in sys.version_info[:3])
    if name == "lessonlib":
        # The code actually imported (an editable install or the source folder).
        try:
            import lessonlib
        except ImportError:  # pragma: no cover - this module lives inside lessonlib
            return None
        return getattr(lessonlib, "__version__", None)
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _good_enough(installed: str | None, required: str) -> bool:
    if installed is None:
        return False
    try:
        have = version_tuple(installed)
    except ValueError:
        return False
    need = version_tuple(required)
    width = max(len(have), len(need))
    return have + (0,) * (width - len(have)) >= need + (0,) * (width - len(need))


def environment_report() -> list[Requirement]:
    """For each component the course needs: the oldest supported version, what is installed.

    Returns
    -------
    list of Requirement
        Rows ``(component, required, installed, ok)`` for python, numpy, scipy,
        matplotlib, ipywidgets, jupyterlab, scikit-learn and lessonlib, in that
        order. ``installed`` is None for a missing component; ``ok`` is True when
        it is present and at least ``required``, and for a missing component of
        :data:`OPTIONAL` (JupyterLab, which Colab and VS Code do not need).

    Examples
    --------
    >>> rows = environment_report()
    >>> [row.component for row in rows][:3]
    ['python', 'numpy', 'scipy']
    >>> component, required, installed, ok = rows[1]
    >>> required
    '1.26'
    """
    rows = []
    for component, dist, required in REQUIREMENTS:
        installed = _installed_version(dist)
        ok = _good_enough(installed, required) or (installed is None and component in OPTIONAL)
        rows.append(Requirement(component, required, installed, ok))
    return rows


def format_report(rows: Sequence[Requirement]) -> str:
    """The text :func:`check_environment` prints for a report.

    Version numbers appear only on rows that fail, so a healthy environment
    prints the same text everywhere.

    Parameters
    ----------
    rows : sequence of Requirement
        As returned by :func:`environment_report`.

    Returns
    -------
    str

    Examples
    --------
    >>> print(format_report([Requirement("numpy", "1.26", "2.0.1", True)]))
    Environment check
      ✅ numpy         ready
    Everything the course needs is ready. You are good to go.
    >>> print(format_report([Requirement("numpy", "1.26", None, False)]).splitlines()[1])
      ❌ numpy         missing (the course needs 1.26 or newer)
    """
    rows = [Requirement(*row) for row in rows]
    lines = ["Environment check"]
    for row in rows:
        if row.ok and row.installed is None:
            status = NOT_NEEDED
        elif row.ok:
            status = "ready"
        elif row.installed is None:
            status = f"missing (the course needs {row.required} or newer)"
        else:
            status = f"too old: found {row.installed}, the course needs {row.required} or newer"
        lines.append(f"  {'✅' if row.ok else '❌'} {row.component:<13} {status}")
    bad = [row for row in rows if not row.ok]
    if not bad:
        lines.append("Everything the course needs is ready. You are good to go.")
        return "\n".join(lines)
    names = ", ".join(row.component for row in bad)
    lines.append(f"{len(bad)} of {len(rows)} components need attention: {names}.")
    python = [row for row in bad if row.component == "python"]
    if python:
        lines.append(textwrap.fill(FIX_PYTHON.format(required=python[0].required), 88))
    if len(python) < len(bad):
        lines.append(textwrap.fill(FIX_PACKAGES, 88))
    return "\n".join(lines)


def check_environment(report: Sequence[Requirement] | None = None) -> None:
    """Print a pass/fail table of the course's components, with a fix if one fails.

    Parameters
    ----------
    report : sequence of Requirement, optional
        Rows to print; by default a fresh :func:`environment_report`.

    Returns
    -------
    None
        It prints; use :func:`environment_report` to get the rows as data.

    Examples
    --------
    >>> check_environment()  # doctest: +ELLIPSIS
    Environment check
      ✅ python        ready
    ...
    Everything the course needs is ready. You are good to go.
    >>> check_environment([("numpy", "1.26", "1.24.0", False)])  # doctest: +ELLIPSIS
    Environment check
      ❌ numpy         too old: found 1.24.0, the course needs 1.26 or newer
    1 of 1 components need attention: numpy.
    How to fix it: from the course folder run `make lab` again ...
    """
    rows = environment_report() if report is None else [Requirement(*row) for row in report]
    print(format_report(rows))
