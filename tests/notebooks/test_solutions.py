"""The worked solutions, substituted into their notebooks, run clean and pass every check.

The solved notebooks are stored in instructor/notebooks/; nbval re-runs them in `make test`
(target notebooks-test), so their stored outputs are the ones a fresh run prints.
"""

from __future__ import annotations

import nbformat
import pytest

import notebooks as nbtool
from lessonlib.checks.core import NOT_ATTEMPTED, PASS, TRY_AGAIN

STEMS = [s for s in nbtool.stems() if nbtool.solutions(s)]


def check_outputs(nb: nbformat.NotebookNode) -> list[str]:
    texts = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "check_" in cell.source and i > 0 and \
                nb.cells[i - 1].metadata.get("exercise"):
            texts.append("".join(o.get("text", "") for o in cell.outputs))
    return texts


@pytest.mark.parametrize("stem", STEMS)
def test_solved_notebook_passes_every_check(stem):
    # The instructor notebook is the solved one, executed by `make solved`. It is not run
    # again here: `make test` runs it under nbval, which fails if a fresh run prints anything
    # else, and test_instructor_notebook_is_in_sync fails if its sources are stale.
    nb = nbformat.read(nbtool.INSTRUCTOR / f"{stem}.ipynb", as_version=4)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, f"{stem}: solved notebook raised {errors[0].ename}: {errors[0].evalue}"
    outputs = check_outputs(nb)
    assert outputs, f"{stem}: no check cell follows an exercise"
    for text in outputs:
        assert text.startswith(PASS), f"{stem}: a check did not pass with the solution: {text}"


@pytest.mark.parametrize("stem", STEMS)
def test_learner_notebook_shows_the_unsolved_state(stem):
    # The stored notebook is the learner's: every check says "not answered yet" or
    # "not yet", none says correct (that would mean the answer is given away).
    nb = nbformat.read(nbtool.NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    for text in check_outputs(nb):
        assert text.startswith((NOT_ATTEMPTED, TRY_AGAIN)), f"{stem}: {text}"


@pytest.mark.parametrize("stem", STEMS)
def test_instructor_notebook_is_in_sync(stem):
    path = nbtool.INSTRUCTOR / f"{stem}.ipynb"
    assert path.exists(), f"run `make solved` to generate {path.name}"
    stored = nbformat.read(path, as_version=4)
    fresh = nbtool.with_solutions(nbtool.from_source(stem), stem)
    assert [c.source for c in stored.cells] == [c.source for c in fresh.cells], (
        f"instructor/notebooks/{stem}.ipynb is stale: run `make solved`"
    )
