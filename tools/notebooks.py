"""Build the course notebooks from their sources, and make the solved versions.

The notebooks are written as jupytext "percent" scripts in ``notebook_src/``
(reviewable diffs, one source of truth) and stored, executed, in ``notebooks/``
with their outputs, which nbval compares. Solutions live in
``notebooks/solutions/NN_name.py``: one cell per exercise, carrying the same
``exercise="id"`` metadata as the stub cell it replaces.

Usage::

    python tools/notebooks.py build [NAME ...]     # src -> executed notebooks/NAME.ipynb
    python tools/notebooks.py solved [NAME ...]    # -> instructor/notebooks/NAME.ipynb
    python tools/notebooks.py check                # stored notebooks match their sources

NAME is a notebook stem such as ``01_sparse-features``; none means all.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "notebook_src"
NOTEBOOKS = ROOT / "notebooks"
SOLUTIONS = NOTEBOOKS / "solutions"
INSTRUCTOR = ROOT / "instructor" / "notebooks"
KEEP_CELL_METADATA = ("tags", "exercise", "jp-MarkdownHeadingCollapsed")


def stems() -> list[str]:
    """All notebook names, in course order."""
    return sorted(p.stem for p in SRC.glob("[0-9][0-9]_*.py"))


def from_source(stem: str) -> nbformat.NotebookNode:
    """Read ``notebook_src/STEM.py`` as an unexecuted notebook with stable cell ids."""
    nb = jupytext.read(SRC / f"{stem}.py")
    nb.metadata = nbformat.from_dict(
        {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                           "name": "python3"},
            "language_info": {"name": "python"},
        }
    )
    for i, cell in enumerate(nb.cells):
        cell.id = f"c{i:03d}"
        cell.metadata = nbformat.from_dict(
            {k: v for k, v in cell.metadata.items() if k in KEEP_CELL_METADATA}
        )
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def solutions(stem: str) -> dict[str, str]:
    """The solution source for each exercise id of a notebook."""
    path = SOLUTIONS / f"{stem}.py"
    if not path.exists():
        return {}
    sol = jupytext.read(path)
    found = {}
    for cell in sol.cells:
        key = cell.metadata.get("exercise")
        if cell.cell_type == "code" and key:
            found[key] = cell.source
    return found


def exercise_ids(nb: nbformat.NotebookNode) -> list[str]:
    return [c.metadata["exercise"] for c in nb.cells if c.metadata.get("exercise")]


def with_solutions(nb: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """A copy of ``nb`` with every exercise stub replaced by its solution."""
    solved = nbformat.from_dict(nb)
    sols = solutions(stem)
    missing = [key for key in exercise_ids(solved) if key not in sols]
    if missing:
        raise SystemExit(f"{stem}: no solution for exercise(s) {missing} in {SOLUTIONS}")
    for cell in solved.cells:
        key = cell.metadata.get("exercise")
        if key:
            cell.source = sols[key]
            cell.outputs, cell.execution_count = [], None
    return solved


def execute(nb: nbformat.NotebookNode, timeout: int = 600,
            record_timing: bool = False) -> nbformat.NotebookNode:
    """Run every cell in a fresh kernel, in the notebooks folder, as a learner would.

    ``record_timing`` stores each cell's start and end in its ``execution`` metadata.
    """
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", record_timing=record_timing,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
        # ipykernel 7 warns on every start that a local TCP kernel is unencrypted; the
        # kernel listens on 127.0.0.1 and the warning would bury the build's own output.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    client.execute()
    return nb


def strip_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def build(stem: str) -> Path:
    nb = execute(from_source(stem))
    out = NOTEBOOKS / f"{stem}.ipynb"
    nbformat.write(nb, out)
    return out


def solved(stem: str) -> Path:
    nb = execute(with_solutions(from_source(stem), stem))
    INSTRUCTOR.mkdir(parents=True, exist_ok=True)
    out = INSTRUCTOR / f"{stem}.ipynb"
    nbformat.write(nb, out)
    return out


def source_drift(stem: str) -> list[str]:
    """Differences between the stored notebook's cells and its source (empty: in sync)."""
    stored = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    fresh = from_source(stem)
    a = [(c.cell_type, c.source, dict(c.metadata)) for c in stored.cells]
    b = [(c.cell_type, c.source, dict(c.metadata)) for c in fresh.cells]
    if len(a) != len(b):
        return [f"{stem}: {len(a)} stored cells vs {len(b)} in the source"]
    pairs = enumerate(zip(a, b, strict=True))
    return [f"{stem}: cell {i} differs from the source" for i, (x, y) in pairs if x != y]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"build", "solved", "check"}:
        print(__doc__)
        return 2
    names = argv[1:] or stems()
    unknown = [n for n in names if n not in stems()]
    if unknown:
        print(f"unknown notebook(s) {unknown}; known: {stems()}")
        return 2
    if argv[0] == "check":
        drift = [d for n in names for d in source_drift(n)]
        print("\n".join(drift) or "all notebooks match their sources")
        return 1 if drift else 0
    for name in names:
        out = build(name) if argv[0] == "build" else solved(name)
        print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
