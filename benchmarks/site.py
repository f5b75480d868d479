"""Print the course website's build time and weight: part of `make bench`.

1. Build time: `site/make_site.py` from scratch (the kernel-free frames' cache emptied
   first, so every frame is drawn), in a process of its own. Budget: 3 minutes.
2. Total size of build/site/, and what the largest parts are.
3. Each page's weight as a reader gets it: the bytes Chromium downloads to show the page
   (HTML, styles, scripts, fonts, MathJax, pictures) plus every frame of its kernel-free
   figures (a reader who moves the sliders fetches them all). Budget: 5 MB a page.

A measurement, not a test: it always exits 0 unless something crashes.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import socketserver
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "build" / "site"
CACHE = ROOT / "build" / "site-cache"
BUILD_BUDGET_S = 180.0
PAGE_BUDGET_MB = 5.0
MB = 1e6


def build_seconds() -> float:
    shutil.rmtree(CACHE, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "site" / "make_site.py")], check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def page_weights() -> dict[str, tuple[int, int]]:
    """Bytes each page downloads when read, and the bytes of its kernel-free frames."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(SITE))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages = sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html")
                   if "_static" not in p.parts)
    weights = {}
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for name in pages:
                page = browser.new_page()
                seen: dict[str, int] = {}

                def count(response, seen=seen):
                    if response.url.startswith(base) and response.ok:
                        try:
                            seen[response.url] = len(response.body())
                        except Exception:  # a redirect or an aborted fetch has no body
                            pass

                page.on("response", count)
                page.goto(f"{base}/{name}", wait_until="networkidle")
                frames = set()
                for raw in page.eval_on_selector_all("script.kf-data",
                                                     "els => els.map(e => e.textContent)"):
                    frames |= {f["src"] for f in json.loads(raw)["frames"]}
                loaded = {url.split(base + "/", 1)[1].split("?")[0] for url in seen}
                frame_bytes = sum((SITE / Path(name).parent / src).stat().st_size
                                  for src in frames if src not in loaded)
                weights[name] = (sum(seen.values()), frame_bytes)
                page.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return weights


def main() -> int:
    seconds = build_seconds()
    status = "ok" if seconds <= BUILD_BUDGET_S else "OVER"
    print(f"Course website (make site), built from scratch: {seconds:.1f} s "
          f"(budget {BUILD_BUDGET_S:.0f} s) {status}")
    total = folder_bytes(SITE)
    print(f"Total size of build/site: {total / MB:.1f} MB, of which "
          + ", ".join(f"{part} {folder_bytes(SITE / part) / MB:.1f} MB"
                      for part in ("_static/mathjax", "_static/kf", "_images", "_sources")
                      if (SITE / part).exists()))
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        print("No chromium: page weights not measured (apt-get install chromium).")
        return 0
    weights = page_weights()
    print()
    print("| page | loaded (MB) | + all slider frames (MB) | total (MB) | budget |")
    print("|---|---:|---:|---:|---|")
    for name, (loaded, frames) in sorted(weights.items(), key=lambda kv: -sum(kv[1])):
        weight = (loaded + frames) / MB
        print(f"| {name} | {loaded / MB:.2f} | {frames / MB:.2f} | {weight:.2f} | "
              f"{'ok' if weight <= PAGE_BUDGET_MB else 'OVER'} |")
    heaviest = max(weights, key=lambda k: sum(weights[k]))
    print(f"\nHeaviest page: {heaviest}, {sum(weights[heaviest]) / MB:.2f} MB "
          f"(budget {PAGE_BUDGET_MB:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
