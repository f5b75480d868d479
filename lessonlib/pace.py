"""A workshop's pace, measured: when each learner runs cells and what their checks say.

Off unless the environment variable ``LESSONLIB_PACE_LOG`` names a file, which a workshop
hub sets for every learner (``hub/jupyterhub_config.py``; instructor/hub.md shows the
setting for The Littlest JupyterHub and Zero to JupyterHub). When it is set, the setup cell
every notebook starts with (:func:`lessonlib.setup`) tells the learner so and, from then on,
appends one JSON line per cell run and per exercise check to that file:

- ``{"t": ..., "event": "open", ...}`` once, at the time the notebook's kernel started
  (when JupyterLab opened the notebook), then ``"setup"`` when the setup cell ran;
- ``{"t": ..., "event": "run", "notebook": "03_l1-zeroing.ipynb", "cell": "c012",
  "section": "3. The kink at zero"}``
- ``{"t": ..., "event": "check", "notebook": ..., "exercise": "soft-threshold",
  "result": "hint", "message": "❌ Not yet. ..."}``

No code, answers or outputs are written, only times, where in the notebook, and the check's
own sentence. ``benchmarks/learner_times.py`` (``make learner-times``) turns the files of a
room into minutes per section and tries per exercise, the measured counterpart of the
guide's computed timings (``benchmarks/section_times.py``).

Examples
--------
>>> section_map({"cells": [
...     {"id": "a", "cell_type": "markdown", "source": "# Title"},
...     {"id": "b", "cell_type": "markdown", "source": "## 1. First"},
...     {"id": "c", "cell_type": "code", "source": "x = 1"}]})
{'a': 'Introduction and setup', 'b': '1. First', 'c': '1. First'}
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["ENV_VAR", "FIRST_SECTION", "PaceLog", "active", "exercise_map", "section_map",
           "section_title", "start", "record_check"]

ENV_VAR = "LESSONLIB_PACE_LOG"
#: What comes before a notebook's first "## " heading (title, setup cell) is called this.
FIRST_SECTION = "Introduction and setup"
_HEADING = re.compile(r"##\s+(.*)")
_CHECK_CALL = re.compile(r"\b(check_\w+)\s*\(")


def _text(source: str | list[str]) -> str:
    return "".join(source) if isinstance(source, list) else source


def section_title(markdown: str) -> str | None:
    """The section a markdown cell starts (its "## " heading), or None.

    Examples
    --------
    >>> section_title("## 2. Zeno's shrinkage\\n\\nText")
    "2. Zeno's shrinkage"
    >>> section_title("### A sub-heading") is None
    True
    """
    found = _HEADING.match(markdown)
    return found.group(1).strip() if found else None


def section_map(notebook: dict[str, Any]) -> dict[str, str]:
    """Each cell id of a notebook (nbformat 4.5 JSON) mapped to its section's title."""
    current = FIRST_SECTION
    found = {}
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            current = section_title(_text(cell.get("source", ""))) or current
        if "id" in cell:
            found[cell["id"]] = current
    return found


def exercise_map(notebook: dict[str, Any]) -> dict[str, str]:
    """Each check function a notebook calls mapped to the exercise id it checks.

    An exercise is a stub cell with ``exercise`` metadata followed by a cell calling
    ``check_...(``; the guide names exercises by that id.

    Examples
    --------
    >>> exercise_map({"cells": [
    ...     {"cell_type": "code", "metadata": {"exercise": "count"}, "source": "n = ..."},
    ...     {"cell_type": "code", "metadata": {}, "source": "check_count(n)"}]})
    {'check_count': 'count'}
    """
    found: dict[str, str] = {}
    current = None
    for cell in notebook.get("cells", []):
        key = cell.get("metadata", {}).get("exercise")
        if key:
            current = key
            continue
        if current and cell.get("cell_type") == "code":
            for name in _CHECK_CALL.findall(_text(cell.get("source", ""))):
                found.setdefault(name, current)
    return found


@dataclass
class PaceLog:
    """Appends a learner's runs and checks to one file, one JSON object per line."""

    path: Path
    notebook: str
    sections: dict[str, str] = field(default_factory=dict)
    exercises: dict[str, str] = field(default_factory=dict)
    last_section: str = FIRST_SECTION

    def write(self, event: str, at: float | None = None, **fields: object) -> None:
        when = time.time() if at is None else at
        line = {"t": round(when, 3), "event": event, "notebook": self.notebook, **fields}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as out:
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
        except OSError:
            pass  # a full or read-only disk must never stop a learner's cell

    def on_run(self, info: object) -> None:
        """IPython ``pre_run_cell`` callback: note the cell and its section."""
        cell = getattr(info, "cell_id", None)
        # A cell the learner added has a new id: it belongs where they were working.
        self.last_section = self.sections.get(cell, self.last_section)
        self.write("run", cell=cell, section=self.last_section)

    def on_check(self, check_name: str, result: str, message: str) -> None:
        exercise = self.exercises.get(check_name, check_name)
        self.write("check", exercise=exercise, section=self.last_section, result=result,
                   message=message[:300])


_active: PaceLog | None = None


def active() -> PaceLog | None:
    """The log this kernel writes to, or None when pace logging is off."""
    return _active


def _notebook_file() -> Path | None:
    # Jupyter Server gives each kernel its notebook's path (relative to the server's root)
    # and starts the kernel in the notebook's folder.
    name = os.environ.get("JPY_SESSION_NAME")
    if not name:
        return None
    path = Path(name)
    for candidate in (path, Path.cwd() / path.name):
        if candidate.is_file():
            return candidate
    return None


def _kernel_started() -> float | None:
    try:
        import psutil
    except ImportError:
        return None
    try:
        return float(psutil.Process().create_time())
    except psutil.Error:
        return None


def start(shell: object | None = None) -> PaceLog | None:
    """Start logging this kernel's runs if ``LESSONLIB_PACE_LOG`` is set; say so once.

    Called by :func:`lessonlib.setup`; calling it again (a re-run setup cell) keeps one log.
    Returns the log, or None when the variable is unset or there is no IPython shell.
    """
    global _active
    target = os.environ.get(ENV_VAR, "").strip()
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return None
        shell = get_ipython()
    if not target or shell is None:
        return None
    notebook = _notebook_file()
    content: dict[str, Any] = {}
    if notebook is not None:
        try:
            content = json.loads(notebook.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            content = {}
    log = PaceLog(Path(target).expanduser(),
                  notebook.name if notebook else os.environ.get("JPY_SESSION_NAME", "?"),
                  section_map(content), exercise_map(content))
    if _active is not None:
        shell.events.unregister("pre_run_cell", _active.on_run)
        log.last_section = _active.last_section
    # The setup cell itself ran before the callback existed: note it by hand.
    running = getattr(getattr(getattr(shell, "displayhook", None), "exec_result", None),
                      "info", None)
    cell = getattr(running, "cell_id", None)
    log.last_section = log.sections.get(cell, log.last_section)
    if _active is None:
        opened = _kernel_started()
        if opened is not None:  # JupyterLab starts a notebook's kernel when it opens it
            log.write("open", at=opened, section=FIRST_SECTION)
        print(f"This workshop times the course: the time of each cell you run and what the "
              f"exercise checks say (not your code) go to {log.path}.")
    shell.events.register("pre_run_cell", log.on_run)
    _active = log
    log.write("setup", cell=cell, section=log.last_section)
    return log


def record_check(check_name: str, result: str, message: str) -> None:
    """Log one exercise check's outcome (``pass``, ``hint`` or ``unanswered``) if logging."""
    if _active is not None:
        _active.on_check(check_name, result, message)
