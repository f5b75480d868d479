"""Every page of the course website, read in Chromium as a learner would.

Per page, at a phone's width (375 px) and a desktop's: nothing is requested from any
host but the local server, the console stays free of errors, no request fails, the
prose does not scroll sideways, every picture has a text alternative that describes
it, and axe-core finds no serious or critical accessibility violation. A full-page
screenshot of each is kept in build/site-screenshots/.
"""

from __future__ import annotations

import re

import pytest
from conftest import SCREENSHOTS, WIDTHS, site_pages

PAGES = site_pages()

# A text alternative that is a file name, a hash or a path says nothing about the picture.
_NOT_A_DESCRIPTION = re.compile(
    r"^\S*\.(png|jpe?g|svg|gif|webp)$|^[0-9a-f]{12,}$|^\S*/\S*$|^(image|figure|picture)$", re.I)


def _allowed(url: str, base: str) -> bool:
    return url.startswith(base + "/") or url == base or url.split(":", 1)[0] in {
        "data", "blob", "about"}


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("page_path", PAGES)
def test_page_reads_well_offline(browser, site_url, page_path, width):
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    requests, problems = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}")
            if r.status >= 400 else None)
    try:
        page.goto(f"{site_url}/{page_path}", wait_until="networkidle")
        page.wait_for_timeout(300)  # MathJax typesets after load; let it finish
        away = [url for url in requests if not _allowed(url, site_url)]
        assert not away, f"{page_path} requested off this machine: {away}"
        assert len(requests) > 1, "the page loaded none of its styles or scripts"
        assert not problems, f"{page_path} at {width} width: {problems}"

        widths = page.evaluate("[document.documentElement.scrollWidth,"
                               " document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], (
            f"{page_path} scrolls sideways at {WIDTHS[width]} px: content {widths[0]} px "
            f"wide in a {widths[1]} px window")

        images = page.eval_on_selector_all(
            "img", "els => els.map(e => [e.getAttribute('src'), e.getAttribute('alt'),"
                   " e.closest('article') !== null])")
        for src, alt, is_figure in images:
            assert alt and alt.strip(), f"{page_path}: picture {src} has no text alternative"
            assert not _NOT_A_DESCRIPTION.search(alt.strip()), (
                f"{page_path}: the text alternative of {src} is {alt!r}, not a description")
            if is_figure:  # the lesson's figures, not the theme's button icons ("Binder logo")
                assert len(alt.split()) >= 4, f"{page_path}: figure {src} has alt {alt!r}"

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = page_path.removesuffix(".html").replace("/", "_")
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{WIDTHS[width]}.png"), full_page=True)

        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(page)
        bad = [v for v in results.response["violations"]
               if v.get("impact") in {"serious", "critical"}]
        report = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']}; e.g. {v['nodes'][0]['target']} "
            f"{v['nodes'][0].get('failureSummary', '')[:300]}" for v in bad)
        assert not bad, f"axe-core on {page_path} at {WIDTHS[width]} px:\n{report}"
    finally:
        context.close()
