"""Binder builds from binder/ alone: every runtime dependency must be pinned there."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
BINDER = ROOT / "binder"


def pins() -> dict[str, str]:
    found = {}
    for line in (BINDER / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"binder/requirements.txt: {line!r} is not pinned with =="
            found[canonicalize_name(name)] = version
    return found


def runtime_requirements() -> list[Requirement]:
    """The core dependencies and the [lab] extra: what Binder's image must hold."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lab = project["optional-dependencies"]["lab"]
    return [Requirement(r) for r in project["dependencies"] + lab]


def test_every_runtime_dependency_is_pinned_and_satisfies_its_bound():
    pinned = pins()
    for req in runtime_requirements():
        name = canonicalize_name(req.name)
        assert name in pinned, f"{req.name} is a runtime dependency but not pinned in binder/"
        assert Version(pinned[name]) in req.specifier, (
            f"binder pins {req.name}=={pinned[name]}, outside pyproject's {req.specifier}"
        )


def test_runtime_and_postbuild():
    assert re.fullmatch(r"python-3\.\d+\s*", (BINDER / "runtime.txt").read_text())
    post = (BINDER / "postBuild").read_text()
    # built with the setuptools pinned below, not whatever pip would download for a build
    assert "pip install --no-deps --no-build-isolation ." in post
    assert (BINDER / "postBuild").stat().st_mode & 0o100, "postBuild must be executable"


def test_make_pin_pins_the_lab_extra():
    # re-pinning from the core alone would drop JupyterLab from binder/
    makefile = (ROOT / "Makefile").read_text()
    pin = makefile.split("\npin:", 1)[1].split("\n\n", 1)[0]
    assert '/tmp/course-pin/bin/pip install --quiet ".[lab]"' in pin, pin


def test_test_tools_are_not_in_the_binder_image():
    pinned = pins()
    for tool in ("pytest", "nbval", "playwright", "hypothesis", "ruff", "jupytext"):
        assert tool not in pinned, f"{tool} is a test tool; keep it out of binder/"


def test_the_build_backend_is_pinned_for_postbuild():
    """postBuild builds the course without build isolation: the pin must satisfy pyproject."""
    build = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]
    pinned = pins()
    for req in map(Requirement, build):
        name = canonicalize_name(req.name)
        assert name in pinned, f"{req.name} builds the course but is not pinned in binder/"
        assert Version(pinned[name]) in req.specifier, (req, pinned[name])


def test_make_test_executes_each_learner_notebook_once_under_nbval():
    """Learner notebooks: nbval in the Binder environment's kernel; solved ones: in .venv."""
    makefile = (ROOT / "Makefile").read_text()

    def recipe(target: str) -> str:
        found = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n)+)", makefile, re.M)
        assert found, target
        return found.group(1).replace("\\\n", " ")  # one line per command

    binder = recipe("binder-test")
    assert "tools/binder_env.py" in binder
    assert "$(BINDER_NBVAL)" in binder and "build/binder-env/repo/notebooks" in binder
    assert "--nbval-kernel-name course-binder" in makefile
    assert "JUPYTER_PATH=$(CURDIR)/build/binder-env/kernel/share/jupyter" in binder
    nbval_runs = [line for target in ("notebooks-test", "binder-test", "unit", "browser-test")
                  for line in recipe(target).splitlines() if "NBVAL)" in line]
    # the learner notebooks appear in exactly one nbval run of `make test`
    learner = [line for line in nbval_runs if re.search(r"(^|\s)notebooks(\s|$)", line)
               or "binder-env/repo/notebooks" in line]
    assert len(learner) == 1, nbval_runs
    solved = recipe("notebooks-test")
    assert "instructor/notebooks" in solved and not re.search(r"\snotebooks\s", solved + " ")
