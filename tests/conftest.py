"""Shared test set-up: make tools/ importable and list the course's notebooks."""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
matplotlib.use("Agg")
