"""Minutes per section and tries per exercise, measured on a room: `make learner-times`.

The measured counterpart of ``section_times.py`` (which computes minutes from the notebooks'
content at stated reading rates). Its input is the pace logs a workshop hub writes, one per
learner (``lessonlib/pace.py``; ``make hub`` writes them to
``build/hub/home/<learner>/.lessonlib/pace.jsonl``, The Littlest JupyterHub to
``/home/jupyter-<learner>/.lessonlib/pace.jsonl`` once the variable is set as
instructor/hub.md shows).

How a learner's time is split: all their events (cell runs and checks, in every notebook
they have open: one timeline) are put in time order, and each gap between two events counts
for the section of the *later* one: the minutes before a learner runs a section's first cell
are spent reading that section. Exceptions and limits:

- a gap longer than ``--break-minutes`` (default 15) is a break and is left out entirely
  (and counted), so a section someone read for 20 minutes without running a cell comes out
  short;
- a gap that ends at a kernel start ("open": a notebook opened, or its kernel restarted)
  counts for the section the learner was in before;
- the time from opening a notebook to its setup cell counts for the setup cell's section (in
  00 that is "Check your environment", which so includes reading the course map);
- a cell the learner added counts for the section they last ran a cell in; prose after a
  notebook's last cell, and sections with no code, are not seen;
- a learner who spent under ``SKIM_MINUTES`` (15 s) in a section ran through it (Run All,
  or a restart's re-run): they are counted as "ran through", not in that section's median.

Per exercise: how many learners tried it (a check that answered "not answered yet" is not a
try), how many passed, the median number of tries up to the first pass, the median minutes
from the first try to the first pass, and the kinds of hint shown to the most learners
(counted once per learner: where the room stalled). The log holds only a hint's kind, the
check's sentence with the learner's numbers, values and code blanked out (``pace.hint_kind``,
applied when the log is written), so "you gave 5" and "you gave 7" are the same stall.

Learners can write anything into their own log, so every log is treated as hostile (see
instructor/hub.md, "Reading the logs safely": copy them out as root, run this as an ordinary
user):

- a log is opened only if it is a regular file, without following a symbolic link
  (``O_NOFOLLOW``, then ``fstat``; a FIFO, a device or a link is skipped, and so is a
  ``.lessonlib`` folder that is a link), and at most ``MAX_LOG_BYTES`` of it are read;
- a line is used only if it is a complete event: at most ``MAX_LINE_CHARS`` long, a JSON
  object whose time is a finite number in a sane range, whose fields are short strings, and
  whose notebook is one of the course's own (``notebooks/NN_*.ipynb``): a notebook name
  from a log is looked up in that list, never opened as a path. Every other line is skipped
  and counted (huge numbers, deep nesting and broken JSON included), never fatal;
- control characters and terminal escapes (ANSI, OSC) are removed from every text before it
  is printed.

The reports count learners and never name them, except ``--now``, which is for during the
workshop: where each learner is right now, and who got a hint on an exercise and has not
passed it since (by hub user name, so you know whom to visit). It is a measurement, not a
test: it exits 0 unless no log could be read.

Usage::

    .venv/bin/python benchmarks/learner_times.py build/hub/home/*/.lessonlib/pace.jsonl
    .venv/bin/python benchmarks/learner_times.py --markdown /home/jupyter-*/.lessonlib/pace.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import stat
import statistics
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from lessonlib import pace  # noqa: E402

BREAK_MINUTES = 15.0
SKIM_MINUTES = 0.25
TIMED_EVENTS = {"open", "setup", "run", "check"}
RESULTS = {"pass", "hint", "unanswered"}
#: A workshop's log is a few hundred kB; more than this is not a pace log.
MAX_LOG_BYTES = 20_000_000
#: A pace line is a few hundred characters; a longer one is skipped before it is parsed.
MAX_LINE_CHARS = 4_000
#: The longest text field kept (a section title, an exercise id, a hint).
MAX_FIELD_CHARS = 300
#: Times outside this range (epoch seconds, up to the year 2286) are not real.
TIME_RANGE = (0.0, 1e10)
#: The course's own notebooks, by file name: the only names a log may use.
COURSE_NOTEBOOKS = {p.name: p for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))}

_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC ... BEL/ST (links, titles)
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"                       # CSI: colours, cursor moves
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"          # DCS, SOS, PM, APC strings
    r"|\x1b.?", re.S)                                  # any other escape


def printable(text: str, limit: int = MAX_FIELD_CHARS) -> str:
    """``text`` safe for a terminal: escapes and control or format characters removed.

    Examples
    --------
    >>> printable("ok\\x1b]0;owned\\x07 \\x1b[31mred\\x1b[0m\\rline\\u202eevil")
    'ok red lineevil'
    """
    text = _ESCAPES.sub("", str(text)[: limit * 4])
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in "\t\n\r" or category in {"Zl", "Zp"}:
            kept.append(" ")
        elif category[0] != "C":  # Cc control, Cf format (bidi overrides), Cs, Co, Cn
            kept.append(ch)
    return "".join(kept)[:limit]


@dataclass
class Event:
    t: float
    event: str
    notebook: str
    section: str
    exercise: str = ""
    result: str = ""
    message: str = ""


@dataclass
class Learner:
    """One learner's events in time order, and what could not be read."""

    events: list[Event]
    unreadable: int = 0
    name: str = ""
    other_notebooks: int = 0


def learner_name(path: Path) -> str:
    """The hub user a log belongs to: its home folder (``<home>/.lessonlib/pace.jsonl``).

    Examples
    --------
    >>> learner_name(Path("/home/jupyter-ada/.lessonlib/pace.jsonl"))
    'jupyter-ada'
    >>> learner_name(Path("logs/ada.jsonl"))
    'ada'
    """
    name = path.parent.parent.name if path.parent.name == ".lessonlib" else path.stem
    return printable(name, 64)


@dataclass
class SectionTimes:
    """One section's minutes, one value per learner who spent real time in it."""

    title: str
    minutes_by_learner: list[float] = field(default_factory=list)
    exercises: list[str] = field(default_factory=list)
    ran_through: int = 0

    @property
    def minutes(self) -> float:
        """The median learner's minutes (0 when nobody spent time in the section)."""
        return statistics.median(self.minutes_by_learner) if self.minutes_by_learner else 0.0


@dataclass
class ExerciseStats:
    tried: int = 0
    passed: int = 0
    tries_to_pass: list[int] = field(default_factory=list)
    minutes_to_pass: list[float] = field(default_factory=list)
    hints: Counter[str] = field(default_factory=Counter)


class NotALog(OSError):
    """A path that is not a pace log this script may read (a link, a FIFO, a device ...)."""


def read_bytes(path: Path, limit: int = MAX_LOG_BYTES) -> tuple[bytes, bool]:
    """At most ``limit`` bytes of a regular file, opened without following a link.

    Returns the bytes and whether the file was longer. Raises :class:`NotALog` for anything
    but a regular file (a symbolic link, a FIFO, a device, a folder; also a ``.lessonlib``
    folder that is a link), and ``OSError`` when it cannot be opened.

    Examples
    --------
    >>> read_bytes(Path("/dev/zero"))
    Traceback (most recent call last):
    ...
    learner_times.NotALog: not a regular file
    """
    if path.parent.name == ".lessonlib" and os.path.islink(path.parent):
        raise NotALog("its .lessonlib folder is a symbolic link")
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO must not wait for a writer
    except OSError as exc:
        if os.path.islink(path):
            raise NotALog("a symbolic link") from exc
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotALog("not a regular file")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    return data[:limit], len(data) > limit


def _text_field(raw: dict, key: str, default: str = "") -> str:
    value = raw.get(key, default)
    if value is None:
        value = default
    if not isinstance(value, str) or len(value) > MAX_FIELD_CHARS:
        raise ValueError(f"{key} is not a short text")
    return printable(value)


def parse_event(line: str, notebooks: dict[str, Path] | None = None) -> Event:
    """One pace line as an :class:`Event`; ``ValueError`` for anything that is not one.

    Only the course's own notebook names are accepted (``notebooks``, default
    :data:`COURSE_NOTEBOOKS`); times must be finite and in :data:`TIME_RANGE`.

    Examples
    --------
    >>> parse_event('{"t": 1.8e9, "event": "run", "notebook": "00_start-here.ipynb"}').section
    'Introduction and setup'
    >>> parse_event('{"t": 1e400, "event": "run", "notebook": "00_start-here.ipynb"}')
    Traceback (most recent call last):
    ...
    ValueError: t is not a time
    >>> parse_event('{"t": 1.8e9, "event": "run", "notebook": "../../etc/passwd"}')
    Traceback (most recent call last):
    ...
    ValueError: not a notebook of the course
    """
    if len(line) > MAX_LINE_CHARS:
        raise ValueError("line too long")
    try:
        raw = json.loads(line)
    except RecursionError as exc:  # [[[[...: deeper than the parser's stack
        raise ValueError("nested too deeply") from exc
    if not isinstance(raw, dict):
        raise ValueError("not a JSON object")
    t = raw.get("t")
    if isinstance(t, bool) or not isinstance(t, (int, float)):
        raise ValueError("t is not a time")
    try:
        t = float(t)  # a 400-digit integer overflows here
    except OverflowError as exc:
        raise ValueError("t is not a time") from exc
    if not (math.isfinite(t) and TIME_RANGE[0] <= t <= TIME_RANGE[1]):
        raise ValueError("t is not a time")
    notebook = raw.get("notebook")
    if not isinstance(notebook, str) or notebook not in (notebooks or COURSE_NOTEBOOKS):
        raise ValueError("not a notebook of the course")
    result = _text_field(raw, "result")
    if result and result not in RESULTS:
        raise ValueError("not a check result")
    # "hint": the masked kind pace writes; "message": logs written before it masked them.
    hint = _text_field(raw, "hint") or pace.hint_kind(_text_field(raw, "message"))
    return Event(t, _text_field(raw, "event"), notebook,
                 _text_field(raw, "section") or pace.FIRST_SECTION,
                 _text_field(raw, "exercise"), result, printable(pace.hint_kind(hint)))


def read_log(path: Path, notebooks: dict[str, Path] | None = None) -> Learner:
    """A learner's pace log; lines that are not complete events are counted, not fatal.

    Raises :class:`NotALog` (or ``OSError``) for a path that is not a regular file.

    Examples
    --------
    >>> import tempfile
    >>> log = Path(tempfile.mkdtemp()) / "ada.jsonl"
    >>> _ = log.write_text('{"t": 1.8e9, "event": "run", "notebook": "00_start-here.ipynb"}\\n'
    ...                    '{"t": 1.8e9, "event": "ru')
    >>> learner = read_log(log)
    >>> len(learner.events), learner.unreadable, learner.name
    (1, 1, 'ada')
    """
    data, cut = read_bytes(path)
    events, bad, other = [], int(cut), 0
    for line in data.decode("utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            event = parse_event(line, notebooks)
        except ValueError as exc:
            if str(exc) == "not a notebook of the course":
                other += 1
            else:
                bad += 1  # a line cut short by a full disk or a killed kernel, or worse
            continue
        if event.event in TIMED_EVENTS:
            events.append(event)
    events.sort(key=lambda e: e.t)
    return Learner(events, bad, learner_name(path), other)


def split_minutes(learner: Learner, break_minutes: float = BREAK_MINUTES,
                  ) -> tuple[dict[tuple[str, str], float], int]:
    """Minutes per (notebook, section) for one learner, and the number of breaks left out.

    Examples
    --------
    >>> ev = [Event(0, "run", "a", "s1"), Event(60, "run", "a", "s2"),
    ...       Event(3660, "run", "a", "s2"), Event(3720, "open", "a", "s0")]
    >>> split_minutes(Learner(ev))
    ({('a', 's1'): 0.0, ('a', 's2'): 2.0, ('a', 's0'): 0.0}, 1)
    """
    minutes: dict[tuple[str, str], float] = defaultdict(float)
    breaks = 0
    previous = None
    for event in learner.events:
        key = (event.notebook, event.section)
        minutes[key] += 0.0  # reached, even if it took no time
        if previous is not None:
            gap = (event.t - previous.t) / 60
            if gap > break_minutes:
                breaks += 1
            elif event.event == "open":  # a (re)started kernel: they were still where they were
                minutes[(previous.notebook, previous.section)] += gap
            else:
                minutes[key] += gap
        previous = event
    return dict(minutes), breaks


#: Kept here for readers of older logs: the masking now happens when pace writes a line.
hint_kind = pace.hint_kind


def exercise_stats(learners: list[Learner]) -> dict[tuple[str, str], ExerciseStats]:
    """Tries, passes and hints per (notebook, exercise) over all learners.

    Examples
    --------
    >>> hint = Event(0, "check", "00.ipynb", "s", "count", "hint", "❌ Not yet. # is ...")
    >>> ok = Event(60, "check", "00.ipynb", "s", "count", "pass", "✅ Correct.")
    >>> s = exercise_stats([Learner([hint, hint, ok])])[("00.ipynb", "count")]
    >>> s.tried, s.passed, s.tries_to_pass, s.minutes_to_pass, dict(s.hints)
    (1, 1, [3], [1.0], {'❌ Not yet. # is ...': 1})
    """
    stats: dict[tuple[str, str], ExerciseStats] = defaultdict(ExerciseStats)
    for learner in learners:
        tries: dict[tuple[str, str], list[Event]] = defaultdict(list)
        for event in learner.events:
            if event.event == "check" and event.result in {"pass", "hint"}:
                tries[(event.notebook, event.exercise)].append(event)
        for key, attempts in tries.items():
            s = stats[key]
            s.tried += 1
            seen = set()
            for n, attempt in enumerate(attempts, start=1):
                if attempt.result == "pass":
                    s.passed += 1
                    s.tries_to_pass.append(n)
                    s.minutes_to_pass.append((attempt.t - attempts[0].t) / 60)
                    break
                seen.add(hint_kind(attempt.message))
            s.hints.update(seen)  # once per learner: one learner re-running is not a room
    return dict(stats)


def course_order(notebook: str) -> tuple[list[str], dict[str, list[str]]]:
    """The course's own section order for a notebook, and the exercises in each section.

    Examples
    --------
    >>> order, exercises = course_order("00_start-here.ipynb")
    >>> order[0], exercises["How exercises work"]
    ('Introduction and setup', ['count-nonzeros'])
    """
    path = COURSE_NOTEBOOKS.get(notebook)  # looked up by name, never a path from a log
    if path is None:
        return [], {}
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [], {}
    sections = pace.section_map(content)
    order = list(dict.fromkeys(sections.values()))
    exercises: dict[str, list[str]] = defaultdict(list)
    for cell in content.get("cells", []):
        key = cell.get("metadata", {}).get("exercise")
        if key and cell.get("id") in sections:
            exercises[sections[cell["id"]]].append(key)
    return order, dict(exercises)


def notebook_tables(learners: list[Learner], break_minutes: float = BREAK_MINUTES,
                    ) -> tuple[dict[str, list[SectionTimes]], dict[str, list[float]], int]:
    """Per notebook: its sections (course order first) with the minutes of every learner who
    spent real time there; each learner's total minutes in it; and the breaks left out."""
    per: dict[tuple[str, str], list[float]] = defaultdict(list)
    skimmed: Counter[tuple[str, str]] = Counter()
    totals: dict[str, list[float]] = defaultdict(list)
    breaks = 0
    for learner in learners:
        minutes, n = split_minutes(learner, break_minutes)
        breaks += n
        mine: dict[str, float] = defaultdict(float)
        for key, value in minutes.items():
            mine[key[0]] += value
            if value < SKIM_MINUTES:
                skimmed[key] += 1
            else:
                per[key].append(value)
        for notebook, value in mine.items():
            totals[notebook].append(value)
    tables: dict[str, list[SectionTimes]] = {}
    for notebook in sorted(totals):
        order, exercises = course_order(notebook)
        seen = [s for (nb, s) in [*per, *skimmed] if nb == notebook]
        titles = order + [s for s in dict.fromkeys(seen) if s not in order]
        tables[notebook] = [SectionTimes(t, per.get((notebook, t), []), exercises.get(t, []),
                                         skimmed[(notebook, t)]) for t in titles]
    return tables, dict(totals), breaks


def _quartiles(values: list[float]) -> str:
    if len(values) < 2:
        return ""
    q = statistics.quantiles(values, n=4, method="inclusive")
    return f"{q[0]:.1f}-{q[2]:.1f}"


def markdown_rows(tables: dict[str, list[SectionTimes]], totals: dict[str, list[float]]) -> str:
    """The guide's table rows, measured: median minutes; "<1" under half a minute.

    Only the sections learners spent time in are listed; the notebook's total is the median
    of the learners' own totals, with how many learners it is from.
    """
    # Imported here: section_times needs jupytext (a developer tool), and the other reports
    # must run in a hub's user environment, which has only the course's runtime.
    from section_times import section_name

    rows = []
    for notebook, sections in tables.items():
        parts = []
        for s in sections:
            if not s.minutes_by_learner:
                continue
            ex = f" + {', '.join(f'`{e}`' for e in s.exercises)}" if s.exercises else ""
            m = round(s.minutes)
            parts.append(f"{section_name(s.title)}{ex} {m if m >= 1 else '<1'}")
        total = statistics.median(totals[notebook])
        rows.append(f"| **{notebook[:2]}** ({total:.0f}, n = {len(totals[notebook])}) | "
                    f"{' · '.join(parts)} |")
    return "\n".join(rows)


def report(learners: list[Learner], break_minutes: float = BREAK_MINUTES,
           markdown: bool = False) -> str:
    """The room's minutes per section and its exercises, as text (or the guide's rows)."""
    tables, totals, breaks = notebook_tables(learners, break_minutes)
    if markdown:
        return markdown_rows(tables, totals)
    stats = exercise_stats(learners)
    other = sum(x.other_notebooks for x in learners)
    lines = [f"{len(learners)} learner logs, {sum(len(x.events) for x in learners)} events, "
             f"{sum(x.unreadable for x in learners)} unreadable lines; "
             f"{breaks} gaps over {break_minutes:g} min left out as breaks"
             + (f"; {other} lines about files that are not course notebooks skipped"
                if other else "")]
    for notebook, rows in tables.items():
        lines += ["", notebook,
                  f"{'section':46} {'learners':>8} {'median':>6} {'25-75%':>10} "
                  f"{'ran through':>11}"]
        for s in rows:
            median = f"{s.minutes:6.1f}" if s.minutes_by_learner else f"{'-':>6}"
            lines.append(f"{s.title[:46]:46} {len(s.minutes_by_learner):8d} {median} "
                         f"{_quartiles(s.minutes_by_learner):>10} {s.ran_through:11d}")
        lines.append(f"{'the notebook (median of learners totals)':46} "
                     f"{len(totals[notebook]):8d} {statistics.median(totals[notebook]):6.1f} "
                     f"{_quartiles(totals[notebook]):>10}")
        mine = sorted((key, s) for key, s in stats.items() if key[0] == notebook)
        if mine:
            lines.append(f"  {'exercise':22} {'tried':>5} {'passed':>6} "
                         f"{'tries to pass':>13} {'min to pass':>11}")
        for (_, name), s in mine:
            tries = f"{statistics.median(s.tries_to_pass):g}" if s.tries_to_pass else "-"
            mins = f"{statistics.median(s.minutes_to_pass):.1f}" if s.minutes_to_pass else "-"
            lines.append(f"  {name[:22]:22} {s.tried:5d} {s.passed:6d} {tries:>13} {mins:>11}")
            for message, count in s.hints.most_common(3):
                lines.append(f"      {count} learner(s): {message[:110]}")
    return "\n".join(lines)


def room_now(learners: list[Learner], now: float, quiet_minutes: float = 10.0) -> str:
    """Where each learner is at ``now`` (epoch seconds), and who may be stuck.

    Meant for during the workshop, so the instructor knows whom to visit: unlike the other
    reports it names learners (their hub user). "Stuck" is a learner whose latest check on
    an exercise was a hint, with no pass since; "quiet" is no event for ``quiet_minutes``.

    Examples
    --------
    >>> ada = Learner([Event(0, "run", "03.ipynb", "2. ISTA"),
    ...                Event(60, "check", "03.ipynb", "2. ISTA", "ista-step", "hint",
    ...                      "❌ Not yet. the step")], name="ada")
    >>> print(room_now([ada], now=60 * 12))
    where the room is (1 learner, 11.0 min after the last event)
      03 · 2. ISTA: 1 (quiet over 10 min: ada)
    may be stuck (latest check a hint, no pass since):
      ada  03 `ista-step`, 1 hint(s), latest 11 min ago: ❌ Not yet. the step
    """
    by_place: dict[tuple[str, str], list[Learner]] = defaultdict(list)
    stuck = []
    for learner in learners:
        last = learner.events[-1]
        by_place[(last.notebook, last.section)].append(learner)
        latest: dict[tuple[str, str], list[Event]] = defaultdict(list)
        for event in learner.events:
            if event.event == "check" and event.result in {"pass", "hint"}:
                latest[(event.notebook, event.exercise)].append(event)
        for (notebook, exercise), tries in latest.items():
            if tries[-1].result == "hint" and not any(e.result == "pass" for e in tries):
                stuck.append((learner.name, notebook, exercise, len(tries), tries[-1]))
    newest = max(x.events[-1].t for x in learners)
    lines = [f"where the room is ({len(learners)} learner{'s' * (len(learners) != 1)}, "
             f"{(now - newest) / 60:.1f} min after the last event)"]
    for (notebook, section), here in sorted(by_place.items()):
        quiet = [x.name for x in here if (now - x.events[-1].t) / 60 > quiet_minutes]
        note = f" (quiet over {quiet_minutes:g} min: {', '.join(quiet)})" if quiet else ""
        lines.append(f"  {notebook[:2]} · {section}: {len(here)}{note}")
    if stuck:
        lines.append("may be stuck (latest check a hint, no pass since):")
        for name, notebook, exercise, n, last in sorted(stuck, key=lambda x: x[4].t):
            lines.append(f"  {name}  {notebook[:2]} `{exercise}`, {n} hint(s), latest "
                         f"{(now - last.t) / 60:.0f} min ago: {last.message[:90]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("logs", nargs="*", type=Path,
                        help="pace logs, one per learner (default: make hub's, in build/hub)")
    parser.add_argument("--break-minutes", type=float, default=BREAK_MINUTES,
                        help="a longer gap between two cells is a break (default 15)")
    parser.add_argument("--markdown", action="store_true",
                        help="print rows for the instructor guide's table (median minutes)")
    parser.add_argument("--now", action="store_true",
                        help="during the workshop: where each learner is, and who may be "
                             "stuck (names learners by their hub user)")
    args = parser.parse_args(argv)
    paths = args.logs or sorted((ROOT / "build" / "hub" / "home").glob("*/.lessonlib/pace.jsonl"))
    learners = []
    for path in paths:
        try:
            learners.append(read_log(path))
        except NotALog as exc:
            print(f"skipped {printable(str(path), 200)}: {exc}")
        except OSError as exc:
            print(f"skipped {printable(str(path), 200)}: {exc.strerror}")
    learners = [x for x in learners if x.events]
    if not learners:
        print("No pace log with any event was found. A workshop hub writes them when "
              f"{pace.ENV_VAR} is set (instructor/hub.md); pass their paths.")
        return 1
    if args.now:
        print(room_now(learners, time.time()))
    else:
        print(report(learners, args.break_minutes, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
