"""Build the environment Binder builds, from ``binder/`` alone, and a Jupyter kernel for it.

``make binder-test`` runs this first (outside the network guard: pip downloads through its
cache), then nbval runs every learner notebook of the clean copy in that kernel
(``--nbval-kernel-name course-binder``): one execution per notebook both checks what a
Binder user sees and compares every stored output, where the test suite used to execute
the notebooks once under nbval and once more in the Binder environment.

What it makes, under ``build/binder-env/``:

* ``repo/``: the course as a fresh clone would have it (tracked files plus untracked ones
  that are not ignored), copied anew each run;
* ``venv/``: a virtualenv with ``binder/requirements.txt`` installed (reused while that file
  and ``binder/runtime.txt`` are unchanged), then ``binder/postBuild`` run in ``repo/``
  exactly as repo2docker runs it (each run: it installs the course itself);
* ``kernel/share/jupyter/kernels/course-binder/``: a kernelspec whose ``argv`` starts the
  venv's Python; point ``JUPYTER_PATH`` at ``kernel/share/jupyter`` to use it.

Usage::

    python tools/binder_env.py            # prints the venv's python
    python tools/binder_env.py --fresh    # rebuild the venv too
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "binder-env"
KERNEL_NAME = "course-binder"


def _env() -> dict[str, str]:
    """pip's environment: no network guard, not the caller's virtualenv."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _run(cmd: list[str | Path], **kwargs) -> None:
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, cmd))}\n{done.stdout[-3000:]}\n"
                         f"{done.stderr[-3000:]}")


def runtime_python() -> str:
    """The interpreter binder/runtime.txt asks for."""
    wanted = (ROOT / "binder" / "runtime.txt").read_text().strip().removeprefix("python-")
    if f"{sys.version_info.major}.{sys.version_info.minor}" == wanted:
        return sys.executable
    found = shutil.which(f"python{wanted}")
    if not found:
        raise SystemExit(f"binder/runtime.txt asks for Python {wanted}, which this machine "
                         "does not have")
    return found


def clean_copy(dest: Path) -> Path:
    """The course as a fresh clone would have it: tracked files plus untracked, not ignored."""
    shutil.rmtree(dest, ignore_errors=True)
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


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for name in ("requirements.txt", "runtime.txt"):
        digest.update((ROOT / "binder" / name).read_bytes())
    return digest.hexdigest()[:16]


def build(fresh: bool = False) -> Path:
    """Build (or refresh) the Binder environment; return its Python."""
    BUILD.mkdir(parents=True, exist_ok=True)
    repo = clean_copy(BUILD / "repo")
    venv = BUILD / "venv"
    python = venv / "bin" / "python"
    stamp = venv / ".binder-requirements-sha256"
    env = _env()
    if fresh or not stamp.exists() or stamp.read_text() != _fingerprint():
        shutil.rmtree(venv, ignore_errors=True)
        _run([runtime_python(), "-m", "venv", venv], timeout=300)
        _run([python, "-m", "pip", "install", "--quiet", "-r",
              repo / "binder" / "requirements.txt"], timeout=1200, env=env)
        stamp.write_text(_fingerprint())
    # postBuild as repo2docker runs it: in the repository, with the environment on PATH
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"
    env["VIRTUAL_ENV"] = str(venv)
    _run(["bash", repo / "binder" / "postBuild"], timeout=600, cwd=repo, env=env)
    kernels = BUILD / "kernel"
    shutil.rmtree(kernels, ignore_errors=True)
    _run([python, "-m", "ipykernel", "install", "--prefix", kernels, "--name", KERNEL_NAME,
          "--display-name", "Python 3 (the Binder environment)"], timeout=300, env=env)
    return python


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fresh", action="store_true", help="rebuild the virtualenv too")
    args = parser.parse_args(argv)
    print(build(args.fresh))
    return 0


if __name__ == "__main__":
    sys.exit(main())
