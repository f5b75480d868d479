"""How big is the learner's environment? Size on disk and package count, against a budget.

``make lab`` installs the course with its ``[lab]`` extra (JupyterLab and a kernel) at the
versions ``binder/requirements.txt`` pins, and nothing else: the test and build tools come
with ``make check``/``make test`` (the ``[dev]`` extra). This benchmark builds, each in a
fresh virtual environment in a temporary folder (downloads allowed: it uses pip and its
cache, outside the network guard):

* **learner**: exactly what ``make lab`` installs;
* **binder**: what Binder builds from ``binder/`` alone (``binder/requirements.txt``, then
  ``binder/postBuild``'s ``pip install --no-deps --no-build-isolation .``).

It prints each one's size on disk (MB of 2**20 bytes, as ``du -sm`` counts: every file's
allocated blocks, hard links once) and
its package count (``*.dist-info`` folders in site-packages, pip and setuptools included),
and exits with status 1 when the learner's environment is larger than Binder's on either
figure: the learner never gets more than Binder would give them.

Usage::

    .venv/bin/python benchmarks/learner_env.py            # both, compared
    .venv/bin/python benchmarks/learner_env.py --keep DIR # leave the environments in DIR
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIP_VERSION = "26.3"  # as the Makefile's PIP_VERSION
# measured before the learner/dev split (issue 15): `make lab` then installed the test tools
BEFORE = {"learner": (830, 128), "binder": (625, 114)}


def disk_mb(folder: Path) -> float:
    """Allocated size of every file under ``folder`` in MB of 2**20 bytes, hard links once."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            st = os.lstat(os.path.join(dirpath, name))
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            total += st.st_blocks * 512
    return total / 2**20


def package_count(venv: Path) -> int:
    """Installed distributions: ``*.dist-info`` folders in the environment's site-packages."""
    return sum(1 for _ in venv.glob("lib/python*/site-packages/*.dist-info"))


def _run(cmd: list[str | Path], cwd: Path) -> None:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, cmd))}\n{done.stdout[-2000:]}"
                         f"{done.stderr[-3000:]}")


def build(kind: str, venv: Path, source: Path) -> float:
    """Create ``venv`` as ``make lab`` (kind "learner") or Binder (kind "binder") would."""
    start = time.perf_counter()
    _run([sys.executable, "-m", "venv", venv], cwd=source)
    pip = [venv / "bin" / "python", "-m", "pip", "install", "--quiet",
           "--disable-pip-version-check"]
    _run([*pip, f"pip=={PIP_VERSION}"], cwd=source)
    if kind == "learner":  # the Makefile's $(STAMP) recipe
        _run([*pip, "-c", "binder/requirements.txt", "-e", ".[lab]"], cwd=source)
    else:  # binder/requirements.txt, then binder/postBuild
        _run([*pip, "-r", "binder/requirements.txt"], cwd=source)
        _run([*pip, "--no-deps", "--no-build-isolation", "."], cwd=source)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="build the environments here and keep them")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="learner-env-"))
    work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, tuple[float, int, float]] = {}
    try:
        # a copy of the course, so building it leaves no egg-info or build/ in the work tree
        source = work / "course"
        shutil.rmtree(source, ignore_errors=True)
        shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
            ".venv", "build", ".git", "node_modules", "*.egg-info", "__pycache__",
            "benchmarks", "tests", "instructor", "site"))
        for kind in ("learner", "binder"):
            venv = work / kind
            shutil.rmtree(venv, ignore_errors=True)
            seconds = build(kind, venv, source)
            figures[kind] = (disk_mb(venv), package_count(venv), seconds)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    print("The learner's environment (`make lab`) against Binder's (binder/ alone), "
          "each in a fresh virtualenv:")
    print(f"{'environment':<12} {'size (MB)':>10} {'packages':>9} {'build (s)':>10}   "
          "before the split")
    for kind, (mb, count, seconds) in figures.items():
        old_mb, old_count = BEFORE[kind]
        print(f"{kind:<12} {mb:>10.0f} {count:>9d} {seconds:>10.0f}   "
              f"{old_mb} MB, {old_count} packages")
    (mb, count, _), (budget_mb, budget_count, _) = figures["learner"], figures["binder"]
    misses = []
    if mb > budget_mb:
        misses.append(f"size {mb:.0f} MB > Binder's {budget_mb:.0f} MB")
    if count > budget_count:
        misses.append(f"{count} packages > Binder's {budget_count}")
    if misses:
        print("budget MISSED: the learner's environment is larger than Binder's: "
              + "; ".join(misses))
        return 1
    print(f"budget ok: {mb:.0f} MB <= {budget_mb:.0f} MB and {count} <= {budget_count} "
          "packages (the learner's environment is no larger than Binder's)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
