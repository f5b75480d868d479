"""Shared test set-up: make tools/ importable, and guard the network for plain ``pytest`` too."""

from __future__ import annotations

import importlib.util
import os
import socket
import sys
from pathlib import Path

import matplotlib
import pytest

ROOT = Path(__file__).resolve().parents[1]
GUARD = ROOT / "tests" / "netguard"
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tests"))  # tests/chromium.py, shared by the browser tests
matplotlib.use("Agg")

# `make test` puts the guard on PYTHONPATH. A plain `pytest` gets the same: the guard is
# loaded into this process, and PYTHONPATH carries it into every process the tests start
# (notebook kernels included), so no test run can reach the network unnoticed.
if not getattr(socket, "NETGUARD_ACTIVE", False):
    spec = importlib.util.spec_from_file_location("netguard", GUARD / "sitecustomize.py")
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
if str(GUARD) not in paths:
    os.environ["PYTHONPATH"] = os.pathsep.join([str(GUARD), *filter(None, paths)])


# The slowest unit tests and doctests (each over 15 s on this 2-core machine under load,
# `pytest --durations=40`): marked slow here, so `make check` (-m "not slow") stays within a
# few minutes while `make test` still runs them. Matched by node id prefix (parametrized ids
# included); keep a test's own @pytest.mark.slow where its file is yours to edit.
SLOW_NODE_IDS = (
    "tests/unit/test_widgets_shrinkage.py::test_zeno_blitted_frames_match_a_full_redraw",
    "tests/unit/test_widgets_geometry.py::test_touch_widget_blitted_frames_match_a_full_redraw",
    "tests/unit/test_widgets_geometry.py::test_below_one_widget_blitted_frames_match_a_full_redraw",
    "tests/unit/test_widgets_sparse_features.py::test_blitted_picture_matches_a_fresh_render",
    "tests/unit/test_checks_mutations.py::test_a_model_trained_on_train_and_validation_fails",
    "tests/unit/test_checks_mutations.py::test_a_forged_fingerprint_does_not_hide_the_data_a_model",
    "tests/unit/test_learner_times_hostile.py::test_escapes_and_control_characters_never_reach",
    "tests/unit/test_optimizers.py::test_playground_rule_is_not_ista_from_random_starts",
    "tests/unit/test_overfitting.py::test_magnitude_prune_properties",
    "lessonlib/checks/wide_lab.py::lessonlib.checks.wide_lab.check_challenge",
    "lessonlib/checks/l1_zeroing.py::lessonlib.checks.l1_zeroing.check_playground_starts",
    "lessonlib/widgets/shrinkage.py::lessonlib.widgets.shrinkage.zeno_explorer",
)


@pytest.hookimpl(tryfirst=True)  # before -m "not slow" deselects
def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.nodeid.startswith(SLOW_NODE_IDS):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def playwright_driver():
    """One Playwright driver for the whole run, shared by the browser, Binder and site tests.

    A second ``sync_playwright()`` in the same process fails while the first is open ("using
    Playwright Sync API inside the asyncio loop"), and a plain ``pytest`` runs all three
    folders in one process (``make test`` runs each in its own).
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver
