"""Tests for lessonlib.environment: the report, the printed table and its fixes."""

from __future__ import annotations

import importlib.metadata
import re
import sys
from pathlib import Path

import pytest

import lessonlib
from lessonlib import environment as env
from lessonlib.environment import Requirement, check_environment, environment_report

COMPONENTS = ["python", "numpy", "scipy", "matplotlib", "ipywidgets", "jupyterlab",
              "scikit-learn", "lessonlib"]
VERSION = re.compile(r"\d+\.\d+")


def test_report_lists_every_component_in_order():
    rows = environment_report()
    assert [r.component for r in rows] == COMPONENTS
    for row in rows:
        component, required, installed, ok = row  # a plain 4-tuple row
        assert isinstance(required, str) and VERSION.match(required)
        assert installed is None or isinstance(installed, str)
        assert isinstance(ok, bool)


def test_this_environment_passes_and_reports_real_versions():
    rows = {r.component: r for r in environment_report()}
    assert all(r.ok for r in rows.values()), rows
    assert rows["python"].installed == ".".join(map(str, sys.version_info[:3]))
    import numpy
    import sklearn

    assert rows["numpy"].installed == numpy.__version__
    assert rows["scikit-learn"].installed == sklearn.__version__


def test_healthy_output_has_no_version_numbers(capsys):
    check_environment()
    out = capsys.readouterr().out
    assert "You are good to go" in out
    assert not VERSION.search(out), out
    assert "❌" not in out
    assert out.count("✅") == len(COMPONENTS)


def test_missing_package_says_so_and_how_to_fix(monkeypatch, capsys):
    real = env._installed_version
    monkeypatch.setattr(env, "_installed_version",
                        lambda name: None if name == "scipy" else real(name))
    rows = environment_report()
    scipy = next(r for r in rows if r.component == "scipy")
    assert scipy == Requirement("scipy", "1.11", None, False)
    check_environment(rows)
    out = capsys.readouterr().out
    assert "❌ scipy" in out and "missing" in out and "1.11" in out
    assert "make lab" in out and "pip install -e ." in out
    assert "1 of 8 components need attention: scipy." in out


def test_jupyterlab_may_be_missing_where_another_front_end_runs(monkeypatch, capsys):
    # Colab and VS Code: lessonlib installed without the [lab] extra
    real = env._installed_version
    monkeypatch.setattr(env, "_installed_version",
                        lambda name: None if name == "jupyterlab" else real(name))
    rows = environment_report()
    lab = next(r for r in rows if r.component == "jupyterlab")
    assert lab == Requirement("jupyterlab", "4.1", None, True)
    check_environment(rows)
    out = capsys.readouterr().out
    assert "✅ jupyterlab    not installed (needed only to run JupyterLab yourself)" in out
    assert "You are good to go" in out and "❌" not in out
    # a required component may not: scipy missing still fails
    monkeypatch.setattr(env, "_installed_version",
                        lambda name: None if name in ("jupyterlab", "scipy") else real(name))
    assert [r.component for r in environment_report() if not r.ok] == ["scipy"]


def test_too_old_jupyterlab_still_fails(monkeypatch, capsys):
    real = env._installed_version
    monkeypatch.setattr(env, "_installed_version",
                        lambda name: "3.6.7" if name == "jupyterlab" else real(name))
    check_environment()
    out = capsys.readouterr().out
    assert "❌ jupyterlab    too old: found 3.6.7, the course needs 4.1 or newer" in out


def test_too_old_package_shows_both_versions(monkeypatch, capsys):
    real = env._installed_version
    monkeypatch.setattr(env, "_installed_version",
                        lambda name: "3.7.2" if name == "matplotlib" else real(name))
    check_environment()
    out = capsys.readouterr().out
    assert "too old: found 3.7.2, the course needs 3.8 or newer" in out
    assert "make lab" in out


def test_old_python_gets_its_own_fix(capsys):
    check_environment([("python", "3.10", "3.9.18", False), ("numpy", "1.26", "2.1.0", True)])
    out = capsys.readouterr().out
    assert "Python 3.10 or newer" in out
    assert "pip install -e ." not in out  # reinstalling packages would not help


@pytest.mark.parametrize(
    "installed, required, ok",
    [
        ("1.26.0", "1.26", True),
        ("1.26", "1.26.0", True),
        ("1.25.9", "1.26", False),
        ("2.0.0rc1", "1.26", True),
        ("1.9.1", "1.10", False),  # numeric, not string, comparison
        ("1.10.0", "1.9", True),
        (None, "1.0", False),
        ("unknown", "1.0", False),
    ],
)
def test_version_comparison(installed, required, ok):
    assert env._good_enough(installed, required) is ok


def test_version_tuple_errors():
    with pytest.raises(ValueError, match="version must start with a number"):
        env.version_tuple("abc")
    with pytest.raises(TypeError, match="version must be a string"):
        env.version_tuple(1.26)


def test_the_version_has_one_source():
    # pyproject reads it from lessonlib/__init__.py; the installed metadata must agree
    tomllib = pytest.importorskip("tomllib")
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    data = tomllib.loads(pyproject.read_text())
    assert "version" not in data["project"]
    assert data["project"]["dynamic"] == ["version"]
    assert data["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "lessonlib.__version__"}
    assert importlib.metadata.version("lessonlib") == lessonlib.__version__


def test_required_versions_match_pyproject():
    tomllib = pytest.importorskip("tomllib")
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    data = tomllib.loads(pyproject.read_text())
    bounds = {}
    # the learner's version check covers the core and the [lab] extra (JupyterLab)
    lab = data["project"]["optional-dependencies"]["lab"]
    for dep in data["project"]["dependencies"] + lab:
        match = re.match(r"([A-Za-z0-9_.-]+)\s*>=\s*([\d.]+)", dep)
        if match:
            bounds[match.group(1).lower()] = match.group(2)
    python = re.match(r">=\s*([\d.]+)", data["project"]["requires-python"]).group(1)
    for component, dist, required in env.REQUIREMENTS:
        if component == "python":
            assert required == python
        elif component == "lessonlib":
            assert env.version_tuple(lessonlib.__version__) >= env.version_tuple(required)
        else:
            assert bounds[dist] == required, (dist, bounds.get(dist), required)
