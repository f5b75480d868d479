"""The two installs: what lessonlib imports is declared, and the learner gets nothing more.

* every package lessonlib imports is a declared dependency: a core one when the import is
  unconditional, the ``[lab]`` extra allowed for imports guarded by ``except ImportError``;
* every core dependency is imported somewhere (the learner's install stays lean), and the
  core never forces a JupyterLab server on Colab or VS Code users;
* ``make lab`` installs ``.[lab]`` at Binder's pins and nothing else; the test tools come
  with the ``[dev]`` extra, each pinned (ruff and Playwright exactly).
"""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
EXTRAS = PROJECT["optional-dependencies"]


def names(requirements: list[str]) -> set[str]:
    return {canonicalize_name(Requirement(r).name) for r in requirements}


def imports(source: str) -> dict[str, bool]:
    """Top-level modules a source imports -> whether every import of it is guarded.

    An import is guarded when it sits in the body of a ``try`` whose handlers catch
    ImportError or ModuleNotFoundError (the code works without the package).

    >>> imports("import numpy as np\\ntry:\\n    import IPython\\nexcept ImportError:\\n    pass")
    {'numpy': False, 'IPython': True}
    """
    found: dict[str, bool] = {}

    def catches_import_error(node: ast.Try) -> bool:
        for handler in node.handlers:
            kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
            if any(isinstance(k, ast.Name) and k.id in ("ImportError", "ModuleNotFoundError")
                   for k in kinds):
                return True
        return False

    def visit(node: ast.AST, guarded: bool) -> None:
        if isinstance(node, ast.Import | ast.ImportFrom):
            if isinstance(node, ast.ImportFrom):
                modules = [node.module] if node.level == 0 and node.module else []
            else:
                modules = [alias.name for alias in node.names]
            for module in modules:
                top = module.split(".")[0]
                found[top] = found.get(top, True) and guarded
        if isinstance(node, ast.Try) and catches_import_error(node):
            for child in node.body:
                visit(child, True)
            for child in [*node.handlers, *node.orelse, *node.finalbody]:
                visit(child, guarded)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, guarded)

    visit(ast.parse(source), False)
    return found


def third_party(found: dict[str, bool]) -> dict[str, bool]:
    return {m: g for m, g in found.items()
            if m not in sys.stdlib_module_names and m not in ("lessonlib", "__future__")}


def lessonlib_imports() -> dict[str, bool]:
    """Every third-party module lessonlib imports -> whether all its imports are guarded."""
    merged: dict[str, bool] = {}
    for path in sorted((ROOT / "lessonlib").rglob("*.py")):
        for module, guarded in third_party(imports(path.read_text())).items():
            merged[module] = merged.get(module, True) and guarded
    return merged


@functools.cache
def _module_to_distributions() -> dict[str, list[str]]:
    return importlib.metadata.packages_distributions()


def distributions(module: str) -> set[str]:
    return {canonicalize_name(d) for d in _module_to_distributions().get(module, [])}


def undeclared(found: dict[str, bool], core: set[str], optional: set[str]) -> list[str]:
    """The imports of ``found`` that no declared distribution provides, with why."""
    problems = []
    for module, guarded in sorted(found.items()):
        dists = distributions(module)
        if not dists:
            problems.append(f"{module}: not installed here, so not declared anywhere")
        elif not dists & core and not (guarded and dists & optional):
            where = "core or [lab]" if guarded else "core (its import is unconditional)"
            problems.append(f"{module} (from {', '.join(sorted(dists))}): not declared in "
                            f"{where}")
    return problems


def test_every_imported_package_is_declared():
    found = lessonlib_imports()
    assert {"numpy", "scipy", "matplotlib", "sklearn", "ipywidgets"} <= set(found)
    core, lab = names(PROJECT["dependencies"]), names(EXTRAS["lab"])
    assert undeclared(found, core, lab) == []


def test_the_scan_catches_an_undeclared_import():
    # the check above can fail: an unconditional import of a package core does not declare
    source = "import numpy\nimport yaml\ntry:\n    import IPython\nexcept ImportError:\n    pass\n"
    found = third_party(imports(source))
    assert found == {"numpy": False, "yaml": False, "IPython": True}
    problems = undeclared(found, core={"numpy"}, optional={"ipython"})
    assert len(problems) == 1 and problems[0].startswith("yaml (from pyyaml)"), problems
    # a guarded import is fine in [lab], an unconditional one is not
    assert undeclared({"IPython": False}, core={"numpy"}, optional={"ipython"})


def test_every_core_dependency_is_imported():
    # the learner's install carries nothing lessonlib does not use
    found = lessonlib_imports()
    provided = set().union(*(distributions(m) for m, guarded in found.items() if not guarded))
    unused = names(PROJECT["dependencies"]) - provided
    assert not unused, f"core dependencies lessonlib never imports: {sorted(unused)}"


def test_pip_install_does_not_force_a_jupyterlab_server():
    core = names(PROJECT["dependencies"])
    for server in ("jupyterlab", "notebook", "jupyter-server", "ipykernel", "jupyterhub"):
        assert server not in core, f"{server} is a core dependency: Colab/VS Code would get it"
    assert {"jupyterlab", "ipykernel"} <= names(EXTRAS["lab"])


def test_the_learner_install_is_lab_only():
    makefile = (ROOT / "Makefile").read_text()
    stamp = re.search(r"^\$\(STAMP\):.*?\n((?:\t.*\n)+)", makefile, re.M)
    assert stamp, "the Makefile's $(STAMP) recipe"
    installs = [line for line in stamp.group(1).splitlines() if "pip install" in line]
    assert any('-c binder/requirements.txt -e ".[lab]"' in line for line in installs), installs
    assert not any(x in stamp.group(1) for x in ("[test", "[dev", ",test", ",dev"))
    lab = names(EXTRAS["lab"])
    for tool in ("pytest", "nbval", "playwright", "hypothesis", "ruff", "jupytext", "sphinx"):
        assert tool not in lab | names(PROJECT["dependencies"]), tool


def test_the_dev_tools_are_pinned():
    pins = {}
    for path in ("binder/requirements.txt", "site/constraints.txt", "tools/dev-constraints.txt"):
        for line in (ROOT / path).read_text().splitlines():
            line = line.split("#")[0].strip()
            if line:
                name, _, version = line.partition("==")
                assert version, f"{path}: {line!r} is not pinned with =="
                pins[canonicalize_name(name)] = version
    dev = set()
    for extra in ("test", "site"):
        dev |= names(EXTRAS[extra])
    unpinned = sorted(dev - set(pins))
    assert not unpinned, f"test/site tools without a pin: {unpinned}"
    dev_pins = (ROOT / "tools" / "dev-constraints.txt").read_text()
    for tool in ("ruff", "playwright"):
        assert re.search(rf"^{tool}==\d", dev_pins, re.M), f"{tool} is not pinned exactly"
    assert names(EXTRAS["dev"]) == {"lessonlib"}
    assert Requirement(EXTRAS["dev"][0]).extras == {"lab", "test", "site"}


@pytest.mark.parametrize("target", ["check", "test", "site", "bench", "section-times"])
def test_the_course_commands_install_the_dev_tools_on_demand(target):
    makefile = (ROOT / "Makefile").read_text()
    rule = re.search(rf"^{re.escape(target)}:(.*)$", makefile, re.M)
    assert rule, target
    assert "$(DEV_STAMP)" in rule.group(1), f"make {target} must depend on $(DEV_STAMP)"
    dev = re.search(r"^\$\(DEV_STAMP\):.*?\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "tools/dev-constraints.txt" in dev and '".[dev]"' in dev
