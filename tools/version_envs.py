"""Run every instructor notebook at the oldest and the newest versions the course allows.

``make versions`` (a measurement of the dependency range, not part of ``make test``:
it downloads packages and takes many minutes) builds two environments with uv and
runs nbval on ``instructor/notebooks`` (solutions in) in each, then re-runs the
notebooks with a second BLAS kernel and with two BLAS threads:

* **floor**: ``uv pip install --resolution lowest-direct -e ".[lab,test]"``: every
  dependency pyproject.toml declares, runtime and test tools alike, at the oldest
  version its lower bound allows;
* **ceiling**: ``uv pip install -e ".[lab,test]"`` with no constraints: the newest
  versions the package index serves for this Python;
* **BLAS variants** of the floor and of the main environment (``.venv``):
  ``OPENBLAS_CORETYPE=Prescott`` (OpenBLAS's generic, older x86 kernels instead of
  the ones chosen for this CPU) and ``LESSONLIB_BLAS_THREADS=2`` with
  ``OPENBLAS_NUM_THREADS=2`` (lessonlib otherwise pins one thread everywhere).

nbval compares every stored output, so a printed digit that depends on the
versions, the BLAS kernel or the thread count fails its cell here.

The network guard (tests/netguard) is off while uv installs and on while the
notebooks run. uv itself is installed with pip into a scratch virtualenv. The
environments live in ``build/versions/`` and are reused while pyproject.toml is
unchanged (``--fresh`` rebuilds them).

Usage::

    python tools/version_envs.py [--only floor,ceiling,floor-prescott,...] [--fresh]
                                 [--notebooks PATH ...]

Exit status 0 when every run passed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "versions"
MAIN_PYTHON = ROOT / ".venv" / "bin" / "python"
NBVAL = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with",
         str(ROOT / "tests" / "notebooks" / "sanitize.cfg")]
#: Packages whose versions the summary reports.
SHOWN = ("numpy", "scipy", "matplotlib", "scikit-learn", "ipywidgets", "ipykernel", "jupyterlab",
         "pillow", "cycler", "threadpoolctl", "tqdm", "pytest", "nbval", "nbclient", "nbformat")
PRESCOTT = {"OPENBLAS_CORETYPE": "Prescott"}
TWO_THREADS = {"OPENBLAS_NUM_THREADS": "2", "LESSONLIB_BLAS_THREADS": "2"}


@dataclass
class Run:
    name: str
    env: str  # "floor", "ceiling" or "main"
    extra_env: dict[str, str] = field(default_factory=dict)


RUNS = [
    Run("floor", "floor"),
    Run("ceiling", "ceiling"),
    Run("floor-prescott", "floor", PRESCOTT),
    Run("floor-2-threads", "floor", TWO_THREADS),
    Run("main-prescott", "main", PRESCOTT),
    Run("main-2-threads", "main", TWO_THREADS),
]


def _python(env: str) -> Path:
    return MAIN_PYTHON if env == "main" else BUILD / env / "bin" / "python"


def _clean_env(extra: dict[str, str] | None = None, guard: bool = False) -> dict[str, str]:
    """The environment for a child: no inherited PYTHONPATH or virtualenv, the guard if asked."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}
           and not k.startswith(("OPENBLAS_", "LESSONLIB_BLAS"))}
    if guard:
        env["PYTHONPATH"] = str(ROOT / "tests" / "netguard")
    env.update(extra or {})
    return env


def _run(cmd: list[str], log: Path | None = None, **kwargs) -> subprocess.CompletedProcess:
    print("$ " + " ".join(str(c) for c in cmd), flush=True)
    out = subprocess.run([str(c) for c in cmd], text=True, capture_output=True, **kwargs)
    if log is not None:
        log.write_text(out.stdout + out.stderr)
    return out


def _extra() -> str:
    """The extras to install: JupyterLab and the kernel (``lab``) and the test tools (``test``).

    Both at their floors in the floor environment: ``lab`` carries the JupyterLab and
    ipykernel bounds the learner's environment check (lessonlib.environment) quotes.
    """
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"].get(
        "optional-dependencies", {})
    wanted = [name for name in ("lab", "test") if name in extras]
    return ",".join(wanted) or "dev"


def _fingerprint() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]


def _uv() -> Path:
    """uv, installed with pip into a scratch virtualenv (network guard off)."""
    venv = BUILD / "uv-venv"
    uv = venv / "bin" / "uv"
    if not uv.exists():
        _run([sys.executable, "-m", "venv", venv], check=True, env=_clean_env())
        _run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", "uv"], check=True,
             env=_clean_env())
    return uv


def build_env(env: str, fresh: bool) -> float:
    """Create ``build/versions/ENV`` unless an up-to-date one exists; return the seconds taken."""
    target = BUILD / env
    stamp = target / ".pyproject-sha256"
    if not fresh and stamp.exists() and stamp.read_text() == _fingerprint():
        print(f"{env}: reusing {target.relative_to(ROOT)} (pyproject.toml unchanged)")
        return 0.0
    start = time.perf_counter()
    uv = _uv()
    shutil.rmtree(target, ignore_errors=True)
    base = os.path.realpath(sys.executable)
    _run([uv, "venv", "--quiet", "--python", base, target], check=True, env=_clean_env())
    # The ceiling re-reads the index (--refresh) so a cached answer cannot hold it back.
    resolution = (["--resolution", "lowest-direct"] if env == "floor"
                  else ["--upgrade", "--refresh"])
    out = _run([uv, "pip", "install", "--python", target / "bin" / "python", *resolution,
                "-e", f"{ROOT}[{_extra()}]"], env=_clean_env(), cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(f"{env}: uv could not install the course:\n{out.stderr[-3000:]}")
    stamp.write_text(_fingerprint())
    return time.perf_counter() - start


def versions(env: str) -> dict[str, str]:
    code = ("import importlib.metadata as m, json, sys\n"
            f"names = {list(SHOWN)!r}\n"
            "out = {}\n"
            "for n in names:\n"
            "    try:\n"
            "        out[n] = m.version(n)\n"
            "    except m.PackageNotFoundError:\n"
            "        pass\n"
            "out['python'] = sys.version.split()[0]\n"
            "print(json.dumps(out))\n")
    import json

    out = subprocess.run([str(_python(env)), "-c", code], text=True, capture_output=True,
                         env=_clean_env(), check=True)
    return json.loads(out.stdout)


def blas(env: str, extra: dict[str, str]) -> str:
    """The BLAS kernel and thread count the run's kernels will see (what the variant changes)."""
    code = ("import numpy, threadpoolctl, lessonlib\n"
            "from lessonlib._setup import limited_blas\n"
            "limited_blas()\n"
            "info = [i for i in threadpoolctl.threadpool_info() if i['user_api'] == 'blas']\n"
            "print(', '.join(f\"{i['internal_api']} {i.get('version')} {i.get('architecture')}"
            " x{i['num_threads']}\" for i in info))\n")
    out = subprocess.run([str(_python(env)), "-c", code], text=True, capture_output=True,
                         env=_clean_env(extra))
    return out.stdout.strip() or out.stderr.strip()[-200:]


def run_notebooks(run: Run, notebooks: list[str]) -> tuple[str, list[str], float]:
    """nbval on the notebooks under the network guard: (summary line, failed cells, seconds)."""
    log = BUILD / f"{run.name}.log"
    start = time.perf_counter()
    out = _run([_python(run.env), "-m", "pytest", "-p", "no:cacheprovider", "-q", *NBVAL,
                *notebooks], log=log, cwd=ROOT, env=_clean_env(run.extra_env, guard=True))
    seconds = time.perf_counter() - start
    text = out.stdout + out.stderr
    failed = sorted(set(re.findall(r"^FAILED (.+?)(?: - .*)?$", text, flags=re.M)))
    summary = [ln for ln in text.splitlines() if re.search(r"\d+ (passed|failed|error)", ln)]
    line = summary[-1].strip("= ") if summary else f"pytest exit {out.returncode}"
    return line, failed, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="comma-separated run names: "
                        + ", ".join(r.name for r in RUNS))
    parser.add_argument("--fresh", action="store_true", help="rebuild the environments")
    parser.add_argument("--notebooks", nargs="*", default=["instructor/notebooks"],
                        help="what nbval runs (default: every instructor notebook)")
    args = parser.parse_args(argv)
    chosen = [r for r in RUNS if not args.only or r.name in args.only.split(",")]
    unknown = set(filter(None, args.only.split(","))) - {r.name for r in RUNS}
    if unknown:
        parser.error(f"unknown run(s) {sorted(unknown)}; known: {[r.name for r in RUNS]}")
    BUILD.mkdir(parents=True, exist_ok=True)
    total = time.perf_counter()
    for env in sorted({r.env for r in chosen} - {"main"}):
        seconds = build_env(env, args.fresh)
        if seconds:
            print(f"{env}: built in {seconds:.0f} s")
    for env in sorted({r.env for r in chosen}):
        shown = versions(env)
        print(f"{env}: " + ", ".join(f"{k} {v}" for k, v in shown.items()))
    results = []
    for run in chosen:
        print(f"\n{run.name}: {blas(run.env, run.extra_env)}", flush=True)
        summary, failed, seconds = run_notebooks(run, args.notebooks)
        results.append((run.name, summary, failed, seconds))
        print(f"{run.name}: {summary} in {seconds:.0f} s (log: build/versions/{run.name}.log)")
        for cell in failed:
            print(f"  FAILED {cell}")
    print("\n| run | result | time (s) |\n|---|---|---:|")
    for name, summary, _, seconds in results:
        print(f"| {name} | {summary} | {seconds:.0f} |")
    print(f"\nmake versions took {time.perf_counter() - total:.0f} s")
    return 0 if all(not failed and "failed" not in summary and "error" not in summary
                    for _, summary, failed, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
