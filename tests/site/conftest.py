"""The built course website (build/site/, made by `make site`) served on loopback, and a
headless Chromium to read it with.

`make site-test` builds the site first; run alone, the tests build it if it is missing.
Screenshots of every page at a phone's width and a desktop's are kept in
build/site-screenshots/ for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import socketserver
import sys
import threading
from pathlib import Path

import pytest
from chromium import CHROMIUM_ARGS, chromium_or_skip

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "build" / "site"
SCREENSHOTS = ROOT / "build" / "site-screenshots"
sys.path.insert(0, str(ROOT / "site"))

WIDTHS = {"phone": 375, "desktop": 1280}


def site_pages() -> list[str]:
    """Every HTML page of the built site, as paths relative to its root."""
    if not (SITE / "index.html").exists():
        import make_site

        make_site.build()
    return sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html")
                  if "_static" not in p.parts)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url() -> str:
    """The site served by a thread on 127.0.0.1 (a free port), for the whole session."""
    site_pages()
    handler = functools.partial(_Quiet, directory=str(SITE))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser(request):
    path = chromium_or_skip("site tests")
    driver = request.getfixturevalue("playwright_driver")  # tests/conftest.py: one per run
    chromium = driver.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
