"""What Binder users get is what we test: the course built from binder/ alone runs clean.

1. A fresh virtual environment gets ``binder/requirements.txt`` (pip, with its cache) and then
   runs ``binder/postBuild``, in a clean copy of the course (the files git would publish), as
   repo2docker does. Nothing else: not pyproject's extras, not the developer's .venv.
2. Every notebook in ``notebooks/`` is executed in that environment's own kernel (nbclient run
   by that environment's Python) from the clean copy. It must raise no error, must import the
   lessonlib that postBuild installed, and must print the same text (stdout and plain-text
   results) as the stored notebook in every cell nbval compares (same sanitiser, same ignore
   tags), so a Binder user sees the numbers the notebook shows.
3. ``jupyter-repo2docker --no-build --debug`` (installed into a scratch environment) accepts
   the repository and writes a Dockerfile that installs binder/requirements.txt with the
   Python of binder/runtime.txt and runs postBuild. No Docker needed.

Slow (a few minutes, mostly the notebooks): marked ``slow``. pip and the network: installs
come from the package index through pip's cache; the notebooks themselves run with the
test's network guard still on, so they must not download anything.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbval.plugin import get_sanitize_patterns

ROOT = Path(__file__).resolve().parents[2]
BINDER = ROOT / "binder"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SANITIZE = ROOT / "tests" / "notebooks" / "sanitize.cfg"
REPO2DOCKER = "jupyter-repo2docker==2026.4.0"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

pytestmark = pytest.mark.slow


def runtime_python() -> str:
    """The interpreter binder/runtime.txt asks for, or skip (fail in CI) when there is none."""
    wanted = (BINDER / "runtime.txt").read_text().strip().removeprefix("python-")
    if f"{sys.version_info.major}.{sys.version_info.minor}" == wanted:
        return sys.executable
    found = shutil.which(f"python{wanted}")
    if found:
        return found
    message = f"binder/runtime.txt asks for Python {wanted}, which this machine does not have"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def install_env() -> dict[str, str]:
    """The environment for pip: the test's network guard off (pip must reach the index)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def run(cmd: list[str], timeout: float, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kwargs)
    assert done.returncode == 0, (
        f"{' '.join(map(str, cmd))} exited {done.returncode}\n"
        f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    )
    return done


def clean_copy(dest: Path) -> Path:
    """The course as a fresh clone would have it: tracked files plus untracked, not ignored."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout.decode().split("\0")
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory) -> tuple[Path, Path]:
    """(python of the Binder-like environment, the clean course copy it was built from)."""
    base = tmp_path_factory.mktemp("binder")
    repo = clean_copy(base / "repo")
    venv = base / "venv"
    env = install_env()
    run([runtime_python(), "-m", "venv", str(venv)], timeout=120)
    python = venv / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", "-r",
         str(repo / "binder" / "requirements.txt")], timeout=600, env=env)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"
    env["VIRTUAL_ENV"] = str(venv)
    run(["bash", str(repo / "binder" / "postBuild")], timeout=300, cwd=repo, env=env)
    return python, repo


def test_binder_environment_is_consistent_and_complete(binder_env):
    python, _ = binder_env
    run([str(python), "-m", "pip", "check"], timeout=120)
    done = run([str(python), "-c", textwrap.dedent("""
        import importlib.metadata as md, lessonlib, ipywidgets, jupyterlab, matplotlib
        print(lessonlib.__file__)
        print(md.version("ipywidgets"), md.version("jupyterlab"))
    """)], timeout=120, cwd="/")
    location = done.stdout.splitlines()[0]
    assert str(python.parents[1]) in location, (
        f"lessonlib was imported from {location}, not from the Binder environment"
    )


def test_binder_jupyterlab_has_the_learner_defaults(binder_env):
    # postBuild must put overrides.json where this environment's JupyterLab reads it.
    python, _ = binder_env
    done = run([str(python), "-c", textwrap.dedent("""
        import json, pathlib
        from jupyterlab.commands import get_app_dir
        path = pathlib.Path(get_app_dir()) / "settings" / "overrides.json"
        print(json.dumps(json.loads(path.read_text())))
    """)], timeout=120, cwd="/")
    notification = json.loads(done.stdout)["@jupyterlab/apputils-extension:notification"]
    assert notification["fetchNews"] == "false" and notification["checkForUpdates"] is False


RUNNER = textwrap.dedent("""
    # Runs inside the Binder-like environment: execute one notebook in this environment's kernel.
    import os
    import sys
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    src, dest = sys.argv[1], sys.argv[2]
    nb = nbformat.read(src, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        "import sys as _s, lessonlib as _l; print('WHERE', _s.prefix, _l.__file__)"))
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": os.path.dirname(src)}})
    try:
        client.execute()
        status = 0
    except CellExecutionError as exc:
        print(str(exc)[-4000:], file=sys.stderr)
        status = 1
    nbformat.write(nb, dest)
    sys.exit(status)
""")


def sanitizers() -> list[tuple[re.Pattern[str], str]]:
    # read exactly as nbval reads it (raw lines, no configparser interpolation of "%")
    pairs = get_sanitize_patterns(SANITIZE.read_text())
    assert pairs, f"no regex/replace pairs in {SANITIZE}"
    return [(re.compile(regex), replace) for regex, replace in pairs]


def ignored(cell) -> bool:
    """Cells whose output nbval does not compare (or does not run)."""
    tags = set(cell.metadata.get("tags", []))
    return bool(tags & {"nbval-ignore-output", "nbval-skip"}) or any(
        mark in cell.source for mark in ("NBVAL_IGNORE_OUTPUT", "NBVAL_SKIP"))


def printed(cell, clean: list[tuple[re.Pattern[str], str]]) -> list[str]:
    """The text a learner reads under a cell: stdout and plain-text results, sanitised."""
    texts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream" and out.name == "stdout":
            texts.append(out.text)
        elif out.output_type in ("execute_result", "display_data"):
            texts.append(out.get("data", {}).get("text/plain", ""))
    text = "".join(texts)
    for pattern, replacement in clean:
        text = pattern.sub(replacement, text)
    return text.splitlines()


def execute(python: Path, repo: Path, stored: Path, out_dir: Path) -> tuple[Path, str]:
    """Run one notebook of the clean copy in the Binder environment's kernel."""
    runner = out_dir / "run.py"
    fresh_path = out_dir / stored.name
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    env["JUPYTER_DATA_DIR"] = str(out_dir / "jupyter-data")  # no user-level kernelspecs
    env["MPLBACKEND"] = "Agg"
    done = subprocess.run(
        [str(python), str(runner), str(repo / "notebooks" / stored.name), str(fresh_path)],
        capture_output=True, text=True, timeout=900, env=env, cwd=repo / "notebooks",
    )
    return fresh_path, "" if done.returncode == 0 else done.stderr[-4000:] or done.stdout[-4000:]


@pytest.fixture(scope="module")
def executed(binder_env, tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """Every notebook run in the Binder environment, two at a time (the machine's 2 cores)."""
    python, repo = binder_env
    out_dir = tmp_path_factory.mktemp("executed")
    (out_dir / "run.py").write_text(RUNNER)
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = {p.stem: pool.submit(execute, python, repo, p, out_dir) for p in NOTEBOOKS}
        return {stem: run.result() for stem, run in runs.items()}


@pytest.mark.parametrize("stored", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_in_the_binder_environment(binder_env, executed, stored):
    python, repo = binder_env
    fresh_path, failure = executed[stored.stem]
    assert not failure, f"{stored.name} failed in the Binder environment:\n{failure}"
    fresh = nbformat.read(fresh_path, as_version=4)
    where = "".join(o.get("text", "") for o in fresh.cells.pop().outputs).split()
    assert where[1] == str(python.parents[1]), f"the kernel ran from {where[1]}, not the venv"
    assert where[2].startswith(str(python.parents[1])), f"lessonlib came from {where[2]}"

    clean = sanitizers()
    # the stored notebook of the same snapshot the Binder environment ran
    original = nbformat.read(repo / "notebooks" / stored.name, as_version=4)
    differences = []
    for i, (old, new) in enumerate(zip(original.cells, fresh.cells, strict=True)):
        if old.cell_type != "code" or ignored(old):
            continue
        errors = [o for o in new.outputs if o.output_type == "error"]
        assert not errors, f"cell {i} raised {errors[0].ename}: {errors[0].evalue}"
        if printed(old, clean) != printed(new, clean):
            differences.append(
                f"cell {i}:\n  stored: {json.dumps(printed(old, clean))[:400]}\n"
                f"  binder: {json.dumps(printed(new, clean))[:400]}"
            )
    assert not differences, (
        f"{stored.name} prints different text with binder/ pins than stored:\n"
        + "\n".join(differences[:5])
    )


def test_repo2docker_accepts_the_binder_folder(tmp_path):
    venv = tmp_path / "r2d"
    env = install_env()
    run([sys.executable, "-m", "venv", str(venv)], timeout=120)
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", REPO2DOCKER],
        timeout=600, env=env)
    repo = clean_copy(tmp_path / "repo")
    done = run([str(venv / "bin" / "jupyter-repo2docker"), "--no-build", "--debug", str(repo)],
               timeout=300, env=env, cwd=tmp_path)
    dockerfile = done.stdout + done.stderr
    wanted = (BINDER / "runtime.txt").read_text().strip().removeprefix("python-")
    assert "FROM " in dockerfile, f"repo2docker printed no Dockerfile:\n{dockerfile[-3000:]}"
    assert re.search(r"binder/requirements\.txt", dockerfile), "requirements.txt not installed"
    assert re.search(r"binder/postBuild", dockerfile), "postBuild is not run"
    assert re.search(rf"python[=-]?{re.escape(wanted)}|PYTHON_VERSION={re.escape(wanted)}",
                     dockerfile), f"the image does not use Python {wanted}"
