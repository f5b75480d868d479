"""Debian's chromium for every browser test (JupyterLab, the website, the workshop hub).

Playwright's own browser download is not used (no network): these flags start the system
chromium headless as root without reaching for the network on its own.
"""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def chromium_or_skip(what: str) -> str:
    """The path of chromium; skip ``what`` without it, except in CI, where that fails."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        message = (f"no chromium on PATH: install Debian's `chromium` package "
                   f"(apt-get install chromium) to run the {what}")
        if os.environ.get("CI"):
            pytest.fail(f"{message}. In CI the {what} must run, not be skipped.")
        pytest.skip(message)
    return path
