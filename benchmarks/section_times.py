"""Print how long each notebook section takes a learner: `make section-times`.

What is *measured*, per section (a "## " heading starts one): the words of prose to read,
the lines of code to read, the lines of printed output, the figures, the widgets, the
exercises, and the seconds the cells take to run (each notebook executed in a fresh
kernel, as a learner's Shift+Enter would, with nbclient's per-cell timing).

What is *assumed*, to turn that into minutes (change the constants, not the figures):

- prose at 150 words per minute: between the "learning" (200 wpm) and "memorising"
  (138 wpm) rates Carver (1992, *Journal of Reading* 36(2)) measured for study reading;
- 5 s per line of code and 2 s per line of output, read, not written;
- 30 s per figure (find the thing the sentence under it names) and 90 s per widget
  (move each control, press Play);
- per exercise (read, try, read the hint, try again): 3 minutes for a value to give,
  6 for a function to write (the stub has a ``def``), 12 for each of 07's two open
  challenges (the challenge and its stretch goal), which take several training runs; a
  learner stuck for twice that needs a hint from you.

Core and deep dives are counted apart: a section whose heading starts with "Deep dive"
(``## Deep dive: ...``, collapsed in JupyterLab, never needed by the core) is optional
reading. Each notebook's core is flagged when it exceeds CORE_BUDGET_MINUTES (40), the
longest a core notebook may keep a room.

The guide's per-section tables (instructor/README.md, section 2) come from this script.
It is a measurement, not a test: it exits 0 unless a notebook fails to run, or, with
``--strict``, a notebook's core is over its budget.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import notebooks as nbtool  # noqa: E402
from lessonlib import pace  # noqa: E402  (one definition of where a section starts)

WORDS_PER_MINUTE = 150
SECONDS_PER_CODE_LINE = 5
SECONDS_PER_OUTPUT_LINE = 2
SECONDS_PER_FIGURE = 30
SECONDS_PER_WIDGET = 90
SECONDS_PER_VALUE_EXERCISE = 180
SECONDS_PER_FUNCTION_EXERCISE = 360
SECONDS_PER_EXERCISE = {"challenge": 720, "stretch": 720}  # open-ended ones, by id
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
CORE_BUDGET_MINUTES = 40
DEEP_DIVE = re.compile(r"^Deep dive\b", re.I)


@dataclass
class Section:
    title: str
    words: int = 0
    code_lines: int = 0
    output_lines: int = 0
    figures: int = 0
    widgets: int = 0
    exercises: list[str] = field(default_factory=list)
    exercise_seconds: float = 0.0
    run_seconds: float = 0.0

    @property
    def minutes(self) -> float:
        seconds = (
            self.words / WORDS_PER_MINUTE * 60
            + self.code_lines * SECONDS_PER_CODE_LINE
            + self.output_lines * SECONDS_PER_OUTPUT_LINE
            + self.figures * SECONDS_PER_FIGURE
            + self.widgets * SECONDS_PER_WIDGET
            + self.exercise_seconds
            + self.run_seconds
        )
        return seconds / 60


def _words(markdown: str) -> int:
    # A formula is read like a short phrase, not like one word per symbol.
    text = re.sub(r"\$[^$]+\$", " formula ", markdown)
    return len(re.findall(r"[A-Za-z0-9][\w'.,-]*", text))


def _code_lines(source: str) -> int:
    return sum(1 for line in source.splitlines() if line.strip())


def _outputs(cell) -> tuple[int, int, int]:
    """(output lines, figures, widgets) of one executed code cell."""
    lines = figures = widgets = 0
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if WIDGET_MIME in data:
            # A figure widget (LiveFigure) invites exploring; a progress bar does not.
            widgets += data.get("text/plain", "").startswith("Interactive figure:")
        elif "image/png" in data or "image/svg+xml" in data:
            figures += 1
        elif out.get("output_type") == "stream":
            lines += len(out.get("text", "").splitlines())
        elif "text/plain" in data:
            lines += len(data["text/plain"].splitlines())
    return lines, figures, widgets


def _run_seconds(cell) -> float:
    timing = cell.metadata.get("execution", {})
    try:
        start = datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))
        end = datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
    except KeyError:
        return 0.0
    return (end - start).total_seconds()


def sections(stem: str, *, solved: bool) -> list[Section]:
    """Execute one notebook and measure it section by section."""
    nb = nbtool.from_source(stem)
    stubs = {c.metadata["exercise"]: c.source for c in nb.cells if c.metadata.get("exercise")}
    if solved:
        # The learner's own answer runs as the solution would, so its compute is counted.
        nb = nbtool.with_solutions(nb, stem)
    nbtool.execute(nb, record_timing=True)
    found = [Section(pace.FIRST_SECTION)]
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heading = pace.section_title(cell.source)
            if heading:
                found.append(Section(heading))
            found[-1].words += _words(cell.source)
            continue
        section = found[-1]
        section.code_lines += _code_lines(cell.source)
        lines, figures, widgets = _outputs(cell)
        section.output_lines += lines
        section.figures += figures
        section.widgets += widgets
        section.run_seconds += _run_seconds(cell)
        key = cell.metadata.get("exercise")
        if key:
            section.exercises.append(key)
            stub = stubs[key]
            section.exercise_seconds += SECONDS_PER_EXERCISE.get(
                key, SECONDS_PER_FUNCTION_EXERCISE if "def " in stub
                else SECONDS_PER_VALUE_EXERCISE)
    return found


def is_deep_dive(title: str) -> bool:
    """Whether a section is a deep dive: its heading starts with "Deep dive".

    Examples
    --------
    >>> is_deep_dive("Deep dive: the world of houses"), is_deep_dive("3. The deep end")
    (True, False)
    """
    return bool(DEEP_DIVE.match(title.strip()))


def core_and_deep(found: list[Section]) -> tuple[float, float]:
    """Minutes of the core (every other section) and of the deep dives."""
    deep = sum(s.minutes for s in found if is_deep_dive(s.title))
    return sum(s.minutes for s in found) - deep, deep


def budget_note(core: float) -> str:
    """"ok", or the flag for a core over CORE_BUDGET_MINUTES."""
    if core > CORE_BUDGET_MINUTES:
        return f"OVER: core {core:.0f} min > {CORE_BUDGET_MINUTES} min"
    return "ok"


def report(stem: str, found: list[Section]) -> str:
    rows = [f"\n{stem}",
            f"{'section':44} {'words':>5} {'code':>4} {'out':>4} {'fig':>3} {'wid':>3} "
            f"{'ex':>2} {'run s':>6} {'min':>5}"]
    for s in found:
        rows.append(
            f"{s.title[:44]:44} {s.words:5d} {s.code_lines:4d} {s.output_lines:4d} "
            f"{s.figures:3d} {s.widgets:3d} {len(s.exercises):2d} {s.run_seconds:6.1f} "
            f"{s.minutes:5.1f}"
        )
    total = sum(s.minutes for s in found)
    rows.append(f"{'total':44} {sum(s.words for s in found):5d} "
                f"{sum(s.code_lines for s in found):4d} {'':4} {'':3} {'':3} "
                f"{sum(len(s.exercises) for s in found):2d} "
                f"{sum(s.run_seconds for s in found):6.1f} {total:5.1f}")
    core, deep = core_and_deep(found)
    rows.append(f"core {core:.1f} min, deep dives {deep:.1f} min "
                f"(core budget {CORE_BUDGET_MINUTES} min: {budget_note(core)})")
    return "\n".join(rows)


def section_name(title: str) -> str:
    """A section's title as the guide's table writes it: "§3 ...", at most 40 characters.

    Examples
    --------
    >>> section_name("3. Bucket by the minute, then cross")
    '§3 Bucket by the minute, then cross'
    """
    number = re.match(r"(\d+)\.\s*(.*)", title)
    name = f"§{number.group(1)} {number.group(2)}" if number else title
    return name if len(name) <= 40 else name[:38].rstrip(" ,:;") + "…"


def markdown_row(stem: str, found: list[Section]) -> str:
    """One row of the guide's table: the notebook, its total, its sections in minutes."""
    parts = []
    for s in found:
        name = section_name(s.title)
        ex = f" + {', '.join(f'`{e}`' for e in s.exercises)}" if s.exercises else ""
        parts.append(f"{name}{ex} {max(1, round(s.minutes))}")
    total = round(sum(s.minutes for s in found))
    core, deep = core_and_deep(found)
    minutes = f"{round(core)} + {round(deep)} deep" if deep else f"{total}"
    return f"| **{stem[:2]}** ({minutes}) | {' · '.join(parts)} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="notebook stems (default: all)")
    parser.add_argument("--unsolved", action="store_true",
                        help="run the learner notebooks as stored (exercise stubs unanswered)")
    parser.add_argument("--markdown", action="store_true",
                        help="print the instructor guide's table rows instead")
    parser.add_argument("--strict", action="store_true",
                        help=f"exit 1 when a notebook's core exceeds {CORE_BUDGET_MINUTES} min")
    args = parser.parse_args(argv)
    names = args.names or nbtool.stems()
    unknown = sorted(set(names) - set(nbtool.stems()))
    if unknown:
        print(f"unknown notebook(s) {unknown}; known: {nbtool.stems()}")
        return 2
    print(f"assumed: {WORDS_PER_MINUTE} words/min, {SECONDS_PER_CODE_LINE} s/code line, "
          f"{SECONDS_PER_OUTPUT_LINE} s/output line, {SECONDS_PER_FIGURE} s/figure, "
          f"{SECONDS_PER_WIDGET} s/widget, exercise {SECONDS_PER_VALUE_EXERCISE // 60} min "
          f"(a value) or {SECONDS_PER_FUNCTION_EXERCISE // 60} min (a function)")
    summary = []
    for stem in names:
        found = sections(stem, solved=not args.unsolved)
        print(markdown_row(stem, found) if args.markdown else report(stem, found), flush=True)
        summary.append((stem, *core_and_deep(found)))
    print(f"\n{'notebook':32} {'core min':>8} {'deep-dive min':>13}  core budget "
          f"({CORE_BUDGET_MINUTES} min)")
    for stem, core, deep in summary:
        print(f"{stem:32} {core:8.1f} {deep:13.1f}  {budget_note(core)}")
    over = [stem for stem, core, _ in summary if core > CORE_BUDGET_MINUTES]
    if over:
        print(f"core over {CORE_BUDGET_MINUTES} min: {', '.join(over)}")
    return 1 if over and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
