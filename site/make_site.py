"""Build the course website (``make site``): the stored notebooks as a static book, offline.

Steps, all on this machine (nothing is downloaded, nothing is executed):

1. stage: copy the stored notebooks (``notebooks/[0-9][0-9]_*.ipynb``, found by glob, in
   order), the instructor guide and the hub guide into ``build/site-src/``, and write the
   home page from the README's title, opening paragraph and lesson table. On the way each
   notebook is adapted for a reader without a kernel: every widget's output becomes its
   kernel-free figure (``site/kernel_free.py``), every exercise keeps its task and gains
   links to run it, every prediction (a cell tagged ``predict``) keeps its question and
   hides its answer in a ``<details>``, and every picture gets a text alternative;
2. render with Sphinx, MyST-NB (``nb_execution_mode = "off"``) and sphinx-book-theme
   (``site/conf.py``) into ``build/site/``;
3. finish the HTML (``site/site_html.py``, run by conf.py): "Deep dive" sections become
   collapsed ``<details>``; the download button serves the stored notebook itself.

Usage::

    python site/make_site.py [--out build/site] [--notebooks NAME ...]
"""

from __future__ import annotations

import argparse
import copy
import re
import shutil
import sys
import time
import tomllib
from pathlib import Path
from urllib.parse import quote, urlencode

import nbformat

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import kernel_free  # noqa: E402  (site/ is not a package: its folder is on sys.path)

NOTEBOOKS = ROOT / "notebooks"
STAGE = ROOT / "build" / "site-src"
OUT = ROOT / "build" / "site"
CACHE = ROOT / "build" / "site-cache"  # frames of earlier builds, by code version
FRAMES = "_static/kf/"  # frames of the kernel-free figures, relative to the site root


def course() -> dict:
    """The repository and hub addresses, from ``site/course.toml`` (the one place)."""
    return tomllib.loads((HERE / "course.toml").read_text())


def notebook_paths(names: list[str] | None = None) -> list[Path]:
    """The course's notebooks in order; ``names`` (stems) picks some of them."""
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if names:
        unknown = sorted(set(names) - {p.stem for p in paths})
        if unknown:
            raise SystemExit(f"unknown notebook(s) {unknown}; known: {[p.stem for p in paths]}")
        paths = [p for p in paths if p.stem in names]
    return paths


def launch_links(info: dict, stem: str) -> dict[str, str]:
    """Binder, JupyterHub (nbgitpuller) and download links for one notebook.

    The same addresses as sphinx-book-theme's launch buttons build from conf.py.
    """
    repo_url = info["repository"]["url"].rstrip("/")
    branch = info["repository"]["branch"]
    owner_repo = "/".join(repo_url.split("/")[-2:])
    repo = repo_url.split("/")[-1]
    path = f"notebooks/{stem}.ipynb"
    binder = info["launch"]["binderhub_url"].rstrip("/")
    hub = info["launch"]["jupyterhub_url"].rstrip("/")
    pull = urlencode({"repo": repo_url, "urlpath": f"lab/tree/{repo}/{path}", "branch": branch})
    return {
        "binder": f"{binder}/v2/gh/{owner_repo}/{branch}?urlpath={quote(f'lab/tree/{path}')}",
        "hub": f"{hub}/hub/user-redirect/git-pull?{pull}",
        "download": f"_sources/{stem}.ipynb",
    }


def launch_note(links: dict[str, str], what: str) -> str:
    return (f'Run {what}: <a href="{links["binder"]}">on Binder</a>, '
            f'<a href="{links["hub"]}">on your workshop\'s JupyterHub</a>, or '
            f'<a href="{links["download"]}" download>download the notebook</a>.')


# ---------------------------------------------------------------------------- notebooks


def _text(source: str | list) -> str:
    return "".join(source) if isinstance(source, list) else source


def _markdown_cell(text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(text)


def _first_sentence(markdown: str, limit: int = 240) -> str:
    text = re.sub(r"^#+\s.*$", "", markdown, flags=re.M)  # headings are not descriptions
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links: keep their text
    text = re.sub(r"[*_`$\\]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


# The notebooks tell a reader of a reopened notebook to run a widget's cell; on the site
# the widget is already there (kernel-free), so the advice would only confuse.
_RUN_THE_CELL = [re.compile(r"\s*\*If you see [^*]*run the cell[^*]*\*", re.I),
                 re.compile(r"\s*\(If you see [^)]*run the cell[^)]*\)", re.I)]


def without_run_advice(markdown: str) -> str:
    """The markdown without the "If you see 'model not found' ..., run the cell" advice."""
    for pattern in _RUN_THE_CELL:
        markdown = pattern.sub("", markdown)
    return markdown


def describe_figures(nb: nbformat.NotebookNode) -> None:
    """Give every picture output a text alternative taken from the text beside it.

    The course puts a sentence under every figure that says what to look at; it is the
    description a reader who cannot see the picture needs (else the sentence above).
    """
    cells = nb.cells
    section = ""
    for i, cell in enumerate(cells):
        if cell.cell_type == "markdown":
            headings = re.findall(r"^#+\s+(.*)$", _text(cell.source), flags=re.M)
            section = re.sub(r"[*_`$\\]", "", headings[-1]).strip() if headings else section
        if cell.cell_type != "code":
            continue
        if not any("image/png" in out.get("data", {}) or "image/svg+xml" in out.get("data", {})
                   for out in cell.get("outputs", [])):
            continue
        after = next((c for c in cells[i + 1:] if c.cell_type == "markdown"), None)
        before = next((c for c in reversed(cells[:i]) if c.cell_type == "markdown"), None)
        sentence = ""
        if after is not None and not _text(after.source).lstrip().startswith("#"):
            sentence = _first_sentence(_text(after.source))
        if not sentence and before is not None:
            paragraphs = [p for p in _text(before.source).split("\n\n") if p.strip()]
            sentence = _first_sentence(paragraphs[-1]) if paragraphs else ""
        where = f" in section {section!r}" if section else ""
        alt = f"Figure{where}: {sentence}" if sentence else f"Figure{where}, described in the text"
        cell.metadata.setdefault("mystnb", {}).setdefault("image", {})["alt"] = alt


def _is_heading(cell) -> bool:
    return cell.cell_type == "markdown" and _text(cell.source).lstrip().startswith("#")


def _tags(cell) -> list[str]:
    return list(cell.metadata.get("tags", []))


def answers(stem: str) -> tuple[dict[str, str], dict[str, list]]:
    """The worked solutions of a notebook, and the outputs its solved cells print.

    From ``notebooks/solutions/STEM.py`` and the instructor notebook (built from the same
    source with the solutions in, so its cells have the same ids): a prediction's hidden
    answer on the site is the solution and what its check says about it.
    """
    path = ROOT / "notebooks" / "solutions" / f"{stem}.py"
    solutions = {}
    if path.exists():
        import jupytext

        for cell in jupytext.read(path).cells:
            if cell.cell_type == "code" and cell.metadata.get("exercise"):
                solutions[cell.metadata["exercise"]] = _text(cell.source)
    solved = ROOT / "instructor" / "notebooks" / f"{stem}.ipynb"
    outputs = {}
    if solved.exists():
        for cell in nbformat.read(solved, as_version=4).cells:
            if cell.cell_type == "code" and cell.get("id"):
                outputs[cell.id] = list(cell.outputs)
    return solutions, outputs


def _prediction_answer(cell, check, solutions: dict, solved_outputs: dict) -> list:
    """The hidden answer of a prediction made in a code cell: its solution and its check."""
    key = cell.metadata.get("exercise")
    if not key or key not in solutions:
        return []
    answer = nbformat.v4.new_code_cell(solutions[key])
    shown = [answer]
    if check is not None and check.get("id") in solved_outputs:
        graded = copy.deepcopy(check)
        graded.outputs = solved_outputs[check.id]
        shown.append(graded)
    return shown


def adapt(nb: nbformat.NotebookNode, stem: str, info: dict, figures: dict,
          frames_dir: Path, solutions: dict | None = None,
          solved_outputs: dict | None = None) -> nbformat.NotebookNode:
    """The notebook as the site shows it (a copy; the stored notebook is not touched).

    ``solutions`` (exercise id -> code) and ``solved_outputs`` (cell id -> outputs of the
    solved notebook) give predictions made in code their hidden answer (see
    :func:`answers`).
    """
    solutions, solved_outputs = solutions or {}, solved_outputs or {}
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)  # widget state: no widget manager runs on the site
    links = launch_links(info, stem)
    describe_figures(nb)
    cells: list = []
    n_widgets = 0
    pending_details = 0  # cells still to go inside an open prediction <details>
    skip: set[int] = set()  # cells already placed (a prediction's check)
    source = list(nb.cells)
    for i, cell in enumerate(source):
        tags = _tags(cell)
        after = source[i + 1] if i + 1 < len(source) else None
        if cell.cell_type == "markdown" and after is not None and after.cell_type == "code" \
                and any(kernel_free.widget_title(o) for o in after.get("outputs", [])):
            cell.source = without_run_advice(_text(cell.source))
        if "predict" in tags and cell.cell_type == "code":
            # A prediction the learner types, graded by the check in the next cell: the
            # site shows the question and hides the worked answer and the check's verdict.
            cell.outputs, cell.execution_count = [], None
            cells.append(cell)
            check = after if after is not None and after.cell_type == "code" else None
            hidden = _prediction_answer(cell, check, solutions, solved_outputs)
            if hidden:
                cells.append(_markdown_cell(
                    '<details class="prediction">\n<summary>Show the answer (decide '
                    'first)</summary>\n'))
                cells.extend(hidden)
                cells.append(_markdown_cell("</details>\n"))
                skip.add(i + 1)  # the check cell is inside the answer, graded
            continue
        if i in skip:
            continue
        if "predict" in tags:
            cells.append(cell)
            answer = source[i + 1:i + 3]
            take = 0
            if answer and not _is_heading(answer[0]) and "predict" not in _tags(answer[0]):
                take = 1
                if (len(answer) > 1 and answer[1].cell_type == "markdown"
                        and not _is_heading(answer[1]) and "predict" not in _tags(answer[1])):
                    take = 2
            if take:
                cells.append(_markdown_cell(
                    '<details class="prediction">\n<summary>Show the answer (decide '
                    'first)</summary>\n'))
                pending_details = take
            continue
        if cell.cell_type == "code":
            for k, out in enumerate(cell.get("outputs", [])):
                title = kernel_free.widget_title(out)
                if title is None:
                    continue
                n_widgets += 1
                fid = f"kf-{stem[:2]}-{n_widgets}"
                note = launch_note(links, "the live widget")
                if title == kernel_free.ECHO_TEXT:
                    markup = kernel_free.echo_html(fid, note)
                else:
                    if title not in figures:
                        figures[title] = kernel_free.make(
                            title, frames_dir, CACHE / kernel_free.code_version())
                    markup = figures[title].html(FRAMES, fid, note)
                cell.outputs[k] = nbformat.v4.new_output(
                    "display_data", data={"text/html": markup, "text/plain": _text(
                        out["data"].get("text/plain", ""))})
            if cell.metadata.get("exercise"):
                cell.outputs, cell.execution_count = [], None
        cells.append(cell)
        previous = source[i - 1] if i else None
        if (cell.cell_type == "code" and previous is not None
                and previous.metadata.get("exercise")):
            # the check cell: its stored output is the unsolved state's message
            cell.outputs, cell.execution_count = [], None
            cells.append(_markdown_cell(
                '<div class="admonition note exercise-launch">\n<p class="admonition-title">'
                'Run this exercise</p>\n<p>It is checked when it runs. '
                + launch_note(links, "this notebook") + "</p>\n</div>\n"))
        if pending_details:
            pending_details -= 1
            if not pending_details:
                cells.append(_markdown_cell("</details>\n"))
    nb.cells = cells
    for k, cell in enumerate(nb.cells):
        cell.id = f"s{k:03d}"
    return nb


# ------------------------------------------------------------------------- other pages


def home_page(readme: str, stems: list[str]) -> str:
    """The home page: the README's title, opening, and lesson table, then the contents."""
    lines = readme.splitlines()
    title = next(line for line in lines if line.startswith("# "))
    body = readme.split(title, 1)[1]
    opening = body.strip().split("\n\n", 1)[0]
    lessons = re.search(r"^## The lessons\n(.*?)(?=^## )", readme, flags=re.M | re.S)
    table = lessons.group(1).strip() if lessons else ""
    table = re.sub(r"\]\(notebooks/(\d\d_[^)]+)\.ipynb\)", r"](\1.ipynb)", table)
    table = re.sub(r"\]\(instructor/README\.md", "](instructor/README.md", table)
    table = re.sub(r"`notebooks/solutions/`", "`notebooks/solutions/` (in the repository)",
                   table)
    toc = "\n".join(stems)
    return f"""{title}

{opening}

## Read it here, run it anywhere

This website shows every notebook with the outputs it stores. The widgets have
kernel-free versions here: a slider over pictures drawn at build time by the same code.
The exercises are checked only where Python runs: every lesson page has a launch button
(the rocket at the top) that opens it on Binder or on a workshop's JupyterHub, and a
download button for the notebook itself.

## The course map

{table}

```{{toctree}}
:caption: Lessons
:maxdepth: 1

{toc}
```

```{{toctree}}
:caption: For instructors
:maxdepth: 1

instructor/README
instructor/hub
```
"""


def stage(stage_dir: Path, paths: list[Path], info: dict) -> dict[str, object]:
    """Write the site's sources to ``stage_dir``; return the kernel-free figures made."""
    if stage_dir.exists():
        shutil.rmtree(stage_dir)
    (stage_dir / "instructor").mkdir(parents=True)
    frames_dir = stage_dir / "_kf"
    figures: dict[str, object] = {}
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        nbformat.write(adapt(nb, path.stem, info, figures, frames_dir, *answers(path.stem)),
                       stage_dir / path.name)
    for name in ("README.md", "hub.md"):
        shutil.copy2(ROOT / "instructor" / name, stage_dir / "instructor" / name)
    readme = (ROOT / "README.md").read_text()
    (stage_dir / "index.md").write_text(home_page(readme, [p.stem for p in paths]))
    return figures


def prune_mathjax(out: Path) -> int:
    """Delete MathJax's other combined bundles; return the bytes saved.

    sphinx-mathjax-offline copies all of MathJax (24 MB); the pages load only
    ``tex-chtml.js``, which fetches what else it needs (fonts, TeX extensions, the menu's
    accessibility parts) from the folders next to it, never another combined bundle.
    The site tests fail on any request that does not succeed, so a needed file cannot go
    missing unnoticed.
    """
    saved = 0
    for bundle in (out / "_static" / "mathjax").glob("*.js"):
        if bundle.name.startswith(("tex-", "mml-", "node-main")) and bundle.name != "tex-chtml.js":
            saved += bundle.stat().st_size
            bundle.unlink()
    return saved


def build(out: Path = OUT, names: list[str] | None = None, stage_dir: Path = STAGE) -> float:
    """Stage, render and finish the site; return the seconds it took."""
    from sphinx.cmd.build import build_main

    start = time.perf_counter()
    paths = notebook_paths(names)
    info = course()
    figures = stage(stage_dir, paths, info)
    if out.exists():
        shutil.rmtree(out)
    code = build_main(["-b", "html", "-q", "-c", str(HERE), "-d", str(stage_dir / ".doctrees"),
                       str(stage_dir), str(out)])
    if code:
        raise SystemExit(f"sphinx-build failed (exit {code})")
    if (stage_dir / "_kf").exists():
        shutil.copytree(stage_dir / "_kf", out / FRAMES, dirs_exist_ok=True)
    for path in paths:  # the download button gives the stored notebook, as GitHub has it
        shutil.copy2(path, out / "_sources" / path.name)
    prune_mathjax(out)
    # GitHub Pages runs Jekyll unless told not to, and Jekyll drops folders starting with _.
    (out / ".nojekyll").touch()
    seconds = time.perf_counter() - start
    n_frames = sum(len(f.frames) for f in figures.values())
    print(f"site: {len(paths)} notebooks, {len(figures)} kernel-free figures "
          f"({n_frames} frames) -> {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}"
          f" in {seconds:.1f} s")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--notebooks", nargs="*", default=None,
                        help="notebook stems to include (default: all)")
    args = parser.parse_args(argv)
    build(args.out.resolve(), args.notebooks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
