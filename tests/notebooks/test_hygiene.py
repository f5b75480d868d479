"""What every stored notebook must satisfy before nbval compares its outputs."""

from __future__ import annotations

import json
import re

import nbformat
import pytest

import notebooks as nbtool

STEMS = nbtool.stems()
MATPLOTLIB_REPR = re.compile(r"<matplotlib\.[\w.]+ (at|object at) 0x")
REQUIRED_SECTIONS = ("what you will learn", "summary", "where next")


def stored(stem: str) -> nbformat.NotebookNode:
    return nbformat.read(nbtool.NOTEBOOKS / f"{stem}.ipynb", as_version=4)


def test_there_are_notebooks():
    assert STEMS, "no notebook sources found in notebook_src/"


@pytest.mark.parametrize("stem", STEMS)
def test_stored_notebook_exists_and_is_valid(stem):
    nb = stored(stem)
    nbformat.validate(nb)


@pytest.mark.parametrize("stem", STEMS)
def test_execution_counts_run_in_order(stem):
    counts = [c.execution_count for c in stored(stem).cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1)), (
        f"{stem}: execution counts {counts} are not 1..n: rebuild it with "
        f"`python tools/notebooks.py build {stem}`"
    )


@pytest.mark.parametrize("stem", STEMS)
def test_no_stored_errors_or_object_reprs(stem):
    for i, cell in enumerate(stored(stem).cells):
        for out in cell.get("outputs", []):
            assert out.output_type != "error", f"{stem}: cell {i} stores an error {out.ename}"
            if out.output_type == "stream":
                assert out.name != "stderr" or "Warning" not in out.text, (
                    f"{stem}: cell {i} stores a warning on stderr: {out.text[:200]}"
                )
            text = out.get("text", "") + json.dumps(out.get("data", {}).get("text/plain", ""))
            assert not MATPLOTLIB_REPR.search(text), f"{stem}: cell {i} stores {text[:60]}"


@pytest.mark.parametrize("stem", STEMS)
def test_no_progress_bar_stored_unfinished(stem):
    # A widget's stored text is the one it had when first shown: a progress bar left as a
    # widget reads "0%" forever in a reopened notebook. Finished bars must be stored as text.
    for i, cell in enumerate(stored(stem).cells):
        for out in cell.get("outputs", []):
            text = json.dumps(out.get("data", {}).get("text/plain", ""))
            assert not re.search(r"\b0%\|", text), f"{stem}: cell {i} stores {text[:80]}"


@pytest.mark.parametrize("stem", STEMS)
def test_stored_notebook_matches_its_source(stem):
    assert nbtool.source_drift(stem) == []


@pytest.mark.parametrize("stem", STEMS)
def test_notebook_has_the_course_skeleton(stem):
    text = "\n".join(c.source for c in stored(stem).cells if c.cell_type == "markdown").lower()
    missing = [s for s in REQUIRED_SECTIONS if s not in text]
    assert not missing, f"{stem}: no section for {missing}"
    setup = next(c.source for c in stored(stem).cells if c.cell_type == "code")
    assert "lessonlib.require(" in setup and "lessonlib.setup(" in setup, (
        f"{stem}: the first code cell must check the version and set seeds"
    )


@pytest.mark.parametrize("stem", STEMS)
def test_every_exercise_has_a_solution_and_a_check(stem):
    nb = stored(stem)
    ids = nbtool.exercise_ids(nb)
    assert len(ids) == len(set(ids)), f"{stem}: duplicate exercise ids {ids}"
    sols = nbtool.solutions(stem)
    assert sorted(set(ids) - set(sols)) == [], f"{stem}: exercises without a solution"
    assert sorted(set(sols) - set(ids)) == [], f"{stem}: solutions for no exercise"
    for i, cell in enumerate(nb.cells):
        if cell.metadata.get("exercise"):
            after = nb.cells[i + 1]
            assert after.cell_type == "code" and "check_" in after.source, (
                f"{stem}: exercise {cell.metadata['exercise']} is not followed by a check cell"
            )


@pytest.mark.parametrize("stem", [s for s in STEMS if "01" <= s[:2] <= "06"])
def test_content_notebooks_have_three_exercises(stem):
    assert len(nbtool.exercise_ids(stored(stem))) >= 3


@pytest.mark.parametrize("stem", STEMS)
def test_no_ignore_tags_outside_unstable_cells(stem):
    # Ignoring output is for timings, progress bars and the like; a cell that only
    # builds a widget has a stable plain-text form and must stay compared.
    for cell in stored(stem).cells:
        tags = cell.metadata.get("tags", [])
        if "nbval-ignore-output" in tags or "NBVAL_IGNORE_OUTPUT" in cell.source:
            assert re.search(r"time|tqdm|progress|memory|peak|rss|version|fit\(|train",
                             cell.source, re.I), (
                f"{stem}: output ignored in a cell that has no unstable output:\n{cell.source}"
            )
        assert "NBVAL_SKIP" not in cell.source and "nbval-skip" not in tags, (
            f"{stem}: a skipped cell is never run by the tests"
        )


#: Names a setup cell may import from lessonlib one by one (its checks aside): a widget
#: builder, a figure or two. Anything more comes in as modules (`from lessonlib import
#: wide`, then `wide.train_ftrl`), so the reader sees where each function lives.
MAX_NAMES_IMPORTED = 5


@pytest.mark.parametrize("stem", STEMS)
def test_setup_cell_imports_modules_not_walls_of_names(stem):
    import ast

    setup = next(c for c in stored(stem).cells if c.cell_type == "code")
    source = "\n".join(line for line in setup.source.splitlines()
                       if not line.lstrip().startswith("%"))
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("lessonlib"):
            if node.module.startswith("lessonlib.checks") or node.module in ("lessonlib",
                                                                            "lessonlib.plots"):
                continue  # checks by name; `from lessonlib import wide` imports modules
            names += [alias.asname or alias.name for alias in node.names]
    assert len(names) <= MAX_NAMES_IMPORTED, (
        f"{stem}: the setup cell imports {len(names)} names from lessonlib ({', '.join(names)}); "
        f"import their modules instead (`from lessonlib import optimizers`, then "
        f"`optimizers.ista(...)`)")
