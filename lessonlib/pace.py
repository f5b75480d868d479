"""A workshop's pace, measured: when each learner runs cells and how their checks end.

Off unless the environment variable ``LESSONLIB_PACE_LOG`` names a file, which a workshop
hub sets for every learner (``hub/jupyterhub_config.py``; instructor/hub.md shows the
setting for The Littlest JupyterHub and Zero to JupyterHub), and off for good for a learner
who opted out (:func:`opt_out` creates ``~/.lessonlib/no-pace``, which every later kernel
sees). When it is on, the setup cell every notebook starts with (:func:`lessonlib.setup`)
tells the learner exactly what is recorded and where and, from then on, appends one JSON
line per cell run and per exercise check to that file:

- ``{"t": ..., "event": "open", ...}`` once per kernel, at the time it started (when
  JupyterLab opened the notebook, or restarted its kernel), then ``"setup"`` when the setup
  cell ran;
- ``{"t": ..., "event": "run", "notebook": "03_l1-zeroing.ipynb", "cell": "c012",
  "section": "3. The kink at zero"}``
- ``{"t": ..., "event": "check", "notebook": ..., "exercise": "soft-threshold",
  "result": "hint", "hint": "❌ Not yet. you gave #, ..."}``

No code, answers, arguments, exception text or outputs are written: only times, where in the
notebook, each check's result and, for a hint, its *kind* (:func:`hint_kind`: the sentence
with every number, quoted value, code snippet and exception message blanked out, applied
here, before anything reaches the file). The checks publish their outcomes through
:mod:`lessonlib.check_events`; this module subscribes while logging is on.
``benchmarks/learner_times.py`` (``make learner-times``) turns the files of a room into
minutes per section and tries per exercise, the measured counterpart of the guide's computed
timings (``benchmarks/section_times.py``).

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
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lessonlib import check_events

__all__ = ["ENV_VAR", "FIRST_SECTION", "OPT_OUT_FILE", "PaceLog", "active", "exercise_map",
           "hint_kind", "opt_in", "opt_out", "opted_out", "record_check", "section_map",
           "section_title", "start"]

ENV_VAR = "LESSONLIB_PACE_LOG"
#: A learner who creates this file (:func:`opt_out`) is never logged again, in any kernel.
OPT_OUT_FILE = "~/.lessonlib/no-pace"
#: The longest hint kind written (a hint is one or two sentences).
HINT_CHARS = 300
#: What comes before a notebook's first "## " heading (title, setup cell) is called this.
FIRST_SECTION = "Introduction and setup"
_HEADING = re.compile(r"##\s+(.*)")
_CHECK_CALL = re.compile(r"\b(check_\w+)\s*\(")


def _text(source: str | list[str]) -> str:
    return "".join(source) if isinstance(source, list) else source


_CODE = re.compile(r"`[^`]*`?")
# A quote that opens after a non-word character ('wheel', "x"), not an apostrophe (Zeno's).
_QUOTED = re.compile(r"""(?<![\w'"])(['"])(?:(?!\1).)*(?:\1|$)""", re.S)
# What Python puts after an exception's name is its message: everything up to the end of
# the sentence a check appends (". Fix that ...", ". Look at ..."), or to the end.
_EXCEPTION = re.compile(
    r"\b(raised \w[\w.]*|(?<![\w.])[A-Z]\w*(?:Error|Exception|Warning|Exit|Interrupt))"
    r"(?::|\s*\().*?(?=\. (?:Fix that|Look at)\b[^.]*\.?$|$)", re.S)
_CALLED = re.compile(r"\b(called with) \(.*?(?=\. (?:Fix that|Look at)\b[^.]*\.?$|$)", re.S)
_REPR = re.compile(r"<[^<>]*>")
_NUMBER = re.compile(
    r"(?<![\w.])[-+]?(?:\d+(?:[.,_]\d+)*|\.\d+)(?:e[-+]?\d+)?(?![\w])", re.I)
_RUN = re.compile(r"#(?:[\s,;]*#)+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def hint_kind(message: str) -> str:
    """A check's sentence with the learner's values, code and exception text blanked out.

    What the pace log records for a hint: its kind, not the learner's answer. Numbers become
    ``#``, code in backticks `` `…` ``, quoted values ``'…'``, an exception's message and the
    arguments a function was called with ``…``. Hints that differ only in the learner's own
    values so count as one stall ("you gave 5" and "you gave 7" are the same).

    Examples
    --------
    >>> hint_kind("❌ Not yet. you gave 12.5; the cross has 10,800 x 21,600 cells")
    '❌ Not yet. you gave #; the cross has # x # cells'
    >>> hint_kind("your function raised KeyError: 'pin 1234' (line 3: `w[i]`) "
    ...           "when called with ([0.1, -2]). Fix that and run both cells again.")
    'your function raised KeyError …. Fix that and run both cells again.'
    >>> hint_kind("'wheel' is not one of the part names; Zeno's step is not it")
    "'…' is not one of the part names; Zeno's step is not it"
    >>> hint_kind("float32 and L1") == "float32 and L1"  # digits inside words stay
    True
    """
    # Bounded: the patterns below are quadratic at worst, and a hint is a sentence or two.
    text = _CONTROL.sub(" ", str(message)[: HINT_CHARS * 8])
    text = _EXCEPTION.sub(lambda m: f"{m.group(1)} …", text)
    text = _CALLED.sub(lambda m: f"{m.group(1)} (…)", text)
    text = _CODE.sub("`…`", text)
    text = _QUOTED.sub("'…'", text)
    text = _REPR.sub("<…>", text)
    text = _NUMBER.sub("#", text)
    text = _RUN.sub("#", text)
    return text[:HINT_CHARS]


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
        """Append one event (time ``at``, default now) as one JSON line; never raise.

        Examples
        --------
        >>> import tempfile
        >>> log = PaceLog(Path(tempfile.mkdtemp()) / "pace.jsonl", "00_start-here.ipynb")
        >>> log.write("run", at=1.0, cell="c006", section="Check your environment")
        >>> line = json.loads(log.path.read_text())
        >>> line["t"], line["event"], line["cell"], line["section"]
        (1.0, 'run', 'c006', 'Check your environment')
        """
        when = time.time() if at is None else at
        line = {"t": round(when, 3), "event": event, "notebook": self.notebook, **fields}
        try:
            # ASCII JSON: any text a check prints (even a lone surrogate) can be encoded.
            data = (json.dumps(line, ensure_ascii=True) + "\n").encode("ascii")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # One write() to a file opened for appending: two kernels of one learner (two
            # notebooks open) cannot interleave inside each other's lines.
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, data)
            finally:
                os.close(fd)
        except (OSError, ValueError):
            pass  # a full or read-only disk must never stop a learner's cell

    def on_run(self, info: object) -> None:
        """IPython ``pre_run_cell`` callback: note the cell and its section."""
        cell = getattr(info, "cell_id", None)
        # A cell the learner added has a new id: it belongs where they were working.
        self.last_section = self.sections.get(cell, self.last_section)
        self.write("run", cell=cell, section=self.last_section)

    def on_check(self, check_name: str, result: str, message: str) -> None:
        """Note one check's outcome against the exercise id its notebook gives it.

        Only the result and, for a hint, its kind (:func:`hint_kind`) are written: never the
        sentence as printed, which can quote the learner's answer, code or exception text.
        """
        exercise = self.exercises.get(check_name, check_name)
        fields: dict[str, object] = {"exercise": exercise, "section": self.last_section,
                                     "result": result}
        if result == "hint":
            fields["hint"] = hint_kind(message)
        self.write("check", **fields)


_active: PaceLog | None = None
_shell: Any = None  # the IPython shell _active's callback is registered with

#: What the setup cell prints when logging is on (once per kernel).
NOTICE = (
    "This workshop times the course. From now on, {path} records: the time you run each "
    "cell, the notebook and section it is in, and for each exercise check the result "
    "(correct, hint, not answered) and the kind of hint, with your numbers, values and code "
    "blanked out. It never records your code, your answers or your outputs. Your instructor "
    "reads these files for minutes per section and deletes them within 30 days. To stop "
    "now and in every later session, run `lessonlib.pace.opt_out()` (it creates {opt_out}; "
    "delete that file to take part again)."
)


def _opt_out_path() -> Path:
    return Path(OPT_OUT_FILE).expanduser()


def opted_out() -> bool:
    """True when this learner asked never to be logged (:data:`OPT_OUT_FILE` exists)."""
    return os.path.lexists(_opt_out_path())


def opt_out() -> None:
    """Stop the pace log now and in every later kernel of this learner, and say so.

    Creates :data:`OPT_OUT_FILE` in the learner's home; :func:`opt_in` removes it.
    """
    path = _opt_out_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    _stop()
    print(f"Pace logging is off, in this and every later session ({path} exists). "
          "Delete that file, or run `lessonlib.pace.opt_in()`, to take part again.")


def opt_in() -> None:
    """Undo :func:`opt_out`; the log starts again when a notebook's setup cell next runs."""
    _opt_out_path().unlink(missing_ok=True)


def _stop() -> None:
    global _active, _shell
    check_events.unsubscribe(record_check)
    if _active is not None and _shell is not None:
        try:
            _shell.events.unregister("pre_run_cell", _active.on_run)
        except ValueError:
            pass  # already gone
    _active = _shell = None


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

    Called by :func:`lessonlib.setup`; calling it again (a re-run setup cell) keeps one log,
    and calling it with the variable cleared stops logging. It logs only in a notebook that
    Jupyter Server opened (``JPY_SESSION_NAME`` set), never in scripts or terminal runs.
    Returns the log, or None when logging is off.
    """
    global _active, _shell
    target = os.environ.get(ENV_VAR, "").strip()
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return None
        shell = get_ipython()
    if shell is None:
        return None
    if not target or not os.environ.get("JPY_SESSION_NAME") or opted_out():
        # Off: no variable, not a notebook opened in Jupyter (a script, a test run from a
        # terminal), or a learner who opted out (in this kernel or any earlier one).
        _stop()
        return None
    notebook = _notebook_file()
    content: dict[str, Any] = {}
    if notebook is not None:
        try:
            content = json.loads(notebook.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            content = {}
    # Only the file name: the session path of a moved notebook may hold the user's home.
    name = notebook.name if notebook else Path(os.environ["JPY_SESSION_NAME"]).name
    log = PaceLog(Path(target).expanduser(), name, section_map(content), exercise_map(content))
    if _active is not None:
        log.last_section = _active.last_section
        check_events.unsubscribe(record_check)
        if _shell is not None:
            _shell.events.unregister("pre_run_cell", _active.on_run)
    # The setup cell itself ran before the callback existed: note it by hand.
    running = getattr(getattr(getattr(shell, "displayhook", None), "exec_result", None),
                      "info", None)
    cell = getattr(running, "cell_id", None)
    log.last_section = log.sections.get(cell, log.last_section)
    if _active is None:
        opened = _kernel_started()
        if opened is not None:  # JupyterLab starts a notebook's kernel when it opens it
            log.write("open", at=opened, section=FIRST_SECTION)
        # Wrapped between words: JupyterLab would break a long output line mid-word.
        print(textwrap.fill(NOTICE.format(path=log.path, opt_out=OPT_OUT_FILE), 88,
                            break_long_words=False, break_on_hyphens=False))
    shell.events.register("pre_run_cell", log.on_run)
    _active, _shell = log, shell
    check_events.subscribe(record_check)
    log.write("setup", cell=cell, section=log.last_section)
    return log


def record_check(check_name: str, result: str, message: str) -> None:
    """Log one exercise check's outcome (``pass``, ``hint`` or ``unanswered``) if logging.

    The pace log's subscription to :mod:`lessonlib.check_events`; only the hint's kind is
    written (:meth:`PaceLog.on_check`).

    Examples
    --------
    >>> record_check("check_nonzero_count", "pass", "✅ Correct.")  # off: does nothing
    """
    if _active is not None:
        _active.on_check(check_name, result, message)
