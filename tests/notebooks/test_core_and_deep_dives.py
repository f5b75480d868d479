"""A short core, collapsed deep dives, and predictions before reveals (issue 12, items 3-4).

Applies to every notebook of the course.

- The core (markdown outside sections whose heading starts with "Deep dive") is at most
  1,200 words, counted as ``make section-times`` counts them.
- Every "## Deep dive: ..." heading opens collapsed in JupyterLab
  (``jp-MarkdownHeadingCollapsed``) and the core never uses a name first defined there.
- At least three cells are tagged ``predict`` (one in 00, which has no lesson); each is an answer stub graded by the
  check cell right after it, before the cell that reveals the answer.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import nbformat
import pytest

import notebooks as nbtool

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from section_times import _words  # noqa: E402  (one definition of a word)

MAX_CORE_WORDS = 1200
MIN_PREDICTIONS = 3
DEEP = re.compile(r"^##\s+Deep dive\b", re.I)
HEADING = re.compile(r"^##\s+\S", re.M)


def stored(stem: str) -> nbformat.NotebookNode:
    return nbformat.read(nbtool.NOTEBOOKS / f"{stem}.ipynb", as_version=4)


STEMS = nbtool.stems()


def sections(nb: nbformat.NotebookNode) -> list[tuple[bool, nbformat.NotebookNode]]:
    """Each cell with whether it lies in a deep dive (a "## " heading starts a section)."""
    deep, out = False, []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and HEADING.search(cell.source):
            first = HEADING.search(cell.source)
            deep = bool(DEEP.match(cell.source[first.start():]))
        out.append((deep, cell))
    return out


def test_every_notebook_is_measured():
    assert len(STEMS) >= 9, f"only {len(STEMS)} notebooks found"


@pytest.mark.parametrize("stem", STEMS)
def test_core_prose_is_short(stem):
    words = sum(_words(c.source) for deep, c in sections(stored(stem))
                if not deep and c.cell_type == "markdown")
    assert words <= MAX_CORE_WORDS, f"{stem}: {words} words of core prose (at most 1,200)"


@pytest.mark.parametrize("stem", STEMS)
def test_deep_dives_open_collapsed(stem):
    for cell in stored(stem).cells:
        if cell.cell_type == "markdown" and DEEP.match(cell.source.lstrip()):
            assert cell.metadata.get("jp-MarkdownHeadingCollapsed") is True, (
                f"{stem}: {cell.source.splitlines()[0]!r} does not open collapsed")


def _names(source: str) -> tuple[set[str], set[str]]:
    """(names assigned, names read) by a code cell; magics and shell lines dropped."""
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
    stores, loads = set(), set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Name):
            (stores if isinstance(node.ctx, ast.Store) else loads).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            stores.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            stores.update((a.asname or a.name).split(".")[0] for a in node.names)
    return stores, loads


@pytest.mark.parametrize("stem", STEMS)
def test_the_core_never_needs_a_deep_dive(stem):
    core_defined: set[str] = set()
    deep_only: set[str] = set()
    for deep, cell in sections(stored(stem)):
        if cell.cell_type != "code":
            continue
        stores, loads = _names(cell.source)
        if deep:
            deep_only |= stores - core_defined
            continue
        needed = (loads - core_defined) & deep_only
        assert not needed, f"{stem}: the core uses {sorted(needed)}, defined in a deep dive"
        core_defined |= stores


@pytest.mark.parametrize("stem", STEMS)
def test_predictions_come_before_their_reveal_and_are_graded(stem):
    cells = stored(stem).cells
    predict = [i for i, c in enumerate(cells) if "predict" in c.metadata.get("tags", [])]
    least = 1 if stem.startswith("00") else MIN_PREDICTIONS
    assert len(predict) >= least, f"{stem}: {len(predict)} predictions (at least {least})"
    for i in predict:
        cell = cells[i]
        assert cell.cell_type == "code" and cell.metadata.get("exercise"), (
            f"{stem}: prediction cell {i} must be an answer stub with exercise metadata")
        assert re.search(r"=\s*\.\.\.\s*$", cell.source, re.M), (
            f"{stem}: prediction cell {i} must leave the answer as `...`")
        after = cells[i + 1]
        assert after.cell_type == "code" and re.match(r"check_\w+\(", after.source.strip()), (
            f"{stem}: prediction cell {i} is not followed by its check")
        said = "".join(o.get("text", "") for o in after.get("outputs", []))
        assert "Not answered yet" in said, f"{stem}: the stored check after cell {i} reveals"
