"""The optional full-size runs (04 §7, 05 §5) are off in the stored notebooks, but their
prose quotes what they give ("When we ran it ... it gave ..."). Run those cells for real,
with ``FULL_SIZE = True``, and check that the prose quotes what they print.

About a minute in all (the two experiments solve a few hundred linear programmes).
"""

from __future__ import annotations

import contextlib
import io
import re

import nbformat
import pytest

import notebooks as nbtool

# The markdown cell right above each full-size cell names its shares in this order.
CASES = {
    "04_norm-ball-geometry": ["l1"],
    "05_below-one": ["l1", "reweighted"],
}


def _full_size_cell(nb: nbformat.NotebookNode) -> tuple[str, str]:
    """The full-size code cell and the markdown cell above it."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and cell.source.startswith("FULL_SIZE = False"):
            return cell.source, nb.cells[i - 1].source
    raise AssertionError("no cell starts with `FULL_SIZE = False`")


def _quoted_percentages(markdown: str) -> list[str]:
    """The percentages after "When we ran it", as written ("2.5 %")."""
    _, _, claim = " ".join(markdown.split()).partition("When we ran it")
    assert claim, "the prose no longer says what the full-size run gave"
    return re.findall(r"(\d+(?:\.\d+)?) %", claim)


@pytest.mark.slow
@pytest.mark.parametrize("stem", sorted(CASES))
def test_the_prose_quotes_what_the_full_size_run_prints(stem):
    nb = nbformat.read(nbtool.NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    code, markdown = _full_size_cell(nb)
    from lessonlib import montecarlo

    # what the notebooks' earlier cells import: the module (05) or the function (04's deep dive)
    namespace = {"montecarlo": montecarlo, "recovery_experiment": montecarlo.recovery_experiment}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(code.replace("FULL_SIZE = False", "FULL_SIZE = True", 1), namespace)  # noqa: S102
    full = namespace["full"]
    # The set-up the prose names is the one the cell runs: its seed and number of trials.
    text = " ".join(markdown.split()).partition("Optional, full size")[2]  # its own paragraph
    seed = re.search(r"\(seed (\d+)\)", text)
    trials = re.search(r"(\d+) trials", text)
    assert seed and f"seed={seed[1]}" in code, "the prose names another seed than the cell's"
    assert trials and f"trials={trials[1]}" in code, "the prose names another number of trials"
    assert "Skipped" not in printed.getvalue()
    # Per m, the solvers in the order the prose names them: "L1 0 % vs reweighted 62.5 %".
    measured = [f"{100 * share:g}" for row in zip(*(full.shares(s) for s in CASES[stem]))
                for share in row]
    assert _quoted_percentages(markdown) == measured, printed.getvalue()
    for share in measured:  # and the cell prints them too
        assert f"{float(share):5.1f}%" in printed.getvalue()
