"""What Binder users get is what we test: the course built from binder/ alone runs clean.

1. ``tools/binder_env.py`` (``make binder-test`` runs it first) builds a fresh virtual
   environment from ``binder/requirements.txt`` (pip, with its cache) and runs
   ``binder/postBuild`` in a clean copy of the course (the files git would publish), as
   repo2docker does. Nothing else: not pyproject's extras, not the developer's .venv. It also
   installs a kernelspec, ``course-binder``, that starts that environment's Python.
2. ``make binder-test`` then runs nbval on every learner notebook of the clean copy in that
   kernel (``--nbval-kernel-name course-binder``): each stored output is compared with what the
   Binder environment prints (same sanitiser, same ignore tags), in the one execution of the
   learner notebooks that ``make test`` makes outside the browser. The tests here check that
   the environment and that kernel are what they claim: complete, consistent, the learner's
   JupyterLab defaults in place, the kernel running the environment's own Python and importing
   the lessonlib postBuild installed.
3. ``jupyter-repo2docker --no-build --debug`` (installed into a scratch environment) accepts
   the repository and writes a Dockerfile that installs binder/requirements.txt with the
   Python of binder/runtime.txt and runs postBuild. No Docker needed.

Slow (a few minutes, mostly installing): marked ``slow``. pip and the network: installs
come from the package index through pip's cache, outside the network guard.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINDER = ROOT / "binder"
sys.path.insert(0, str(ROOT / "tools"))
import binder_env as tool  # noqa: E402

REPO2DOCKER = "jupyter-repo2docker==2026.4.0"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

pytestmark = pytest.mark.slow


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


@pytest.fixture(scope="module")
def binder_env() -> tuple[Path, Path]:
    """(python of the Binder-like environment, the clean course copy it was built from).

    Built by tools/binder_env.py (reused when ``make binder-test`` has just built it: the
    virtualenv is kept while binder/ is unchanged, the copy and postBuild are redone).
    """
    try:
        python = build_binder_env()
    except SystemExit as exc:
        if "does not have" in str(exc) and not IN_CI:
            pytest.skip(str(exc))
        raise
    return python, tool.BUILD / "repo"


def build_binder_env() -> Path:
    python = tool.BUILD / "venv" / "bin" / "python"
    if os.environ.get("BINDER_ENV_BUILT") == "1" and python.exists():
        return python  # `make binder-test` built it a moment ago
    return tool.build()


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


def test_the_binder_kernel_runs_the_binder_environment(binder_env):
    """The kernelspec nbval uses starts this environment's Python, which imports its lessonlib."""
    python, repo = binder_env
    spec_dir = tool.BUILD / "kernel" / "share" / "jupyter" / "kernels" / "course-binder"
    spec = json.loads((spec_dir / "kernel.json").read_text())
    assert Path(spec["argv"][0]) == python, spec["argv"]
    assert "ipykernel_launcher" in spec["argv"], spec["argv"]
    # from the notebooks' folder, as nbval starts the kernel: lessonlib is the installed copy
    done = run([spec["argv"][0], "-c", "import sys, lessonlib; print(sys.prefix); "
                "print(lessonlib.__file__)"], timeout=120, cwd=repo / "notebooks")
    prefix, where = done.stdout.split()
    assert prefix == str(python.parents[1])
    assert where.startswith(str(python.parents[1])), f"lessonlib came from {where}"


def test_repo2docker_accepts_the_binder_folder(tmp_path):
    venv = tmp_path / "r2d"
    env = install_env()
    run([sys.executable, "-m", "venv", str(venv)], timeout=120)
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", REPO2DOCKER],
        timeout=600, env=env)
    repo = tool.clean_copy(tmp_path / "repo")
    done = run([str(venv / "bin" / "jupyter-repo2docker"), "--no-build", "--debug", str(repo)],
               timeout=300, env=env, cwd=tmp_path)
    dockerfile = done.stdout + done.stderr
    wanted = (BINDER / "runtime.txt").read_text().strip().removeprefix("python-")
    assert "FROM " in dockerfile, f"repo2docker printed no Dockerfile:\n{dockerfile[-3000:]}"
    assert re.search(r"binder/requirements\.txt", dockerfile), "requirements.txt not installed"
    assert re.search(r"binder/postBuild", dockerfile), "postBuild is not run"
    assert re.search(rf"python[=-]?{re.escape(wanted)}|PYTHON_VERSION={re.escape(wanted)}",
                     dockerfile), f"the image does not use Python {wanted}"
