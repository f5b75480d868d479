"""Shared test set-up: make tools/ importable, and guard the network for plain ``pytest`` too."""

from __future__ import annotations

import importlib.util
import os
import socket
import sys
from pathlib import Path

import matplotlib

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
