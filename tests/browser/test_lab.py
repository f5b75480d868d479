"""Every notebook, opened and run in JupyterLab in headless Chromium, as a learner would.

For each notebook: run all cells from the Run menu, wait until the kernel is done, then
assert there is no error output and no widget failed to render, and, where the notebook
has controls, that moving one (from the keyboard) changes the picture it drives.
Screenshots land in tests/browser/screenshots/ (ignored by git): look at them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# Generous: a learner's notebook may take 20 s, the lab 120 s, and the browser adds its own.
RUN_TIMEOUT_MS = {"07": 420_000}
DEFAULT_TIMEOUT_MS = 180_000

pytestmark = pytest.mark.browser


def open_notebook(page, lab, name: str) -> None:
    base, token, _ = lab
    page.goto(f"{base}/lab/tree/notebooks/{name}?token={token}&reset", wait_until="load")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    dialog = page.locator(".jp-Dialog button.jp-mod-accept")
    try:  # a notebook whose kernel JupyterLab cannot pick asks; take the default
        dialog.wait_for(timeout=3_000)
        dialog.click()
    except Exception:  # noqa: BLE001 - no dialog is the normal case
        pass
    # The kernel must be connected before "Run All" means anything.
    page.wait_for_function(
        "() => /\\|\\s*Idle/.test(document.querySelector('#jp-main-statusbar')?.innerText || '')",
        timeout=60_000,
    )


def menu(page, label: str, command: str) -> None:
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text=re.compile(f"^{label}$")).click()
    page.locator(f'[data-command="{command}"]').click()


def run_all(page, name: str) -> None:
    # Clear the stored outputs first, so finished means "ran now", not "was stored".
    menu(page, "Edit", "editmenu:clear-all")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
        ".every(p => !/\\d/.test(p.textContent))", timeout=30_000)
    menu(page, "Run", "runmenu:run-all")
    timeout = RUN_TIMEOUT_MS.get(name[:2], DEFAULT_TIMEOUT_MS)
    # Done when no prompt shows [*] and every code cell has a number.
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
            if (!prompts.length) return false;
            return prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""",
        timeout=timeout, polling=1000,
    )
    page.wait_for_timeout(1500)  # let the last widget views render


def output_text(page) -> str:
    return page.evaluate(
        "() => [...document.querySelectorAll('.jp-OutputArea-output')]"
        ".map(e => e.innerText).join('\\n')"
    )


def image_sources(page) -> list[str]:
    return page.evaluate(
        "() => [...document.querySelectorAll('.widget-image')].map(i => i.getAttribute('src'))"
    )


def wait_for_change(page, before: list[str], timeout_ms: int = 15_000) -> bool:
    try:
        page.wait_for_function(
            "(before) => { const now = [...document.querySelectorAll('.widget-image')]"
            ".map(i => i.getAttribute('src'));"
            " return now.length === before.length && now.some((s, i) => s !== before[i]); }",
            arg=before, timeout=timeout_ms,
        )
        return True
    except Exception:  # noqa: BLE001 - a timeout means nothing changed
        return False


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_and_its_controls_work_in_jupyterlab(lab, page, screenshots, name):
    open_notebook(page, lab, name)
    run_all(page, name)
    stem = name.removesuffix(".ipynb")
    text = output_text(page)
    page.screenshot(path=str(screenshots / f"{stem}-end.png"))

    assert "Traceback (most recent call last)" not in text, f"{name}: an error output:\n" + \
        text[text.find("Traceback") - 300: text.find("Traceback") + 1500]
    # binder/overrides.json, installed into the environment, keeps this prompt away.
    assert page.get_by_text("official Jupyter news").count() == 0, (
        f"{name}: JupyterLab asks about news: is binder/overrides.json installed?"
    )
    for bad in ("Error displaying widget", "model not found", "Failed to load model"):
        assert bad not in text, f"{name}: {bad!r} in the outputs"
    # A LiveFigure/EchoSlider shows its plain-text sentence only when its view failed.
    assert "Run this cell to bring it to life" not in text, (
        f"{name}: a widget shows its plain-text form instead of rendering"
    )

    images = page.locator(".jp-OutputArea-output .widget-image")
    for i in range(min(images.count(), 8)):
        images.nth(i).scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        page.screenshot(path=str(screenshots / f"{stem}-widget{i}.png"))
    if images.count() == 0:
        return

    # Each figure widget's first slider, moved with the keyboard (so it is keyboard-usable).
    boxes = page.locator(".jp-OutputArea-output .widget-vbox:has(> .widget-image)")
    moved = 0
    for i in range(boxes.count()):
        box = boxes.nth(i)
        handle = box.locator(".noUi-handle").first
        if handle.count() == 0:
            continue
        box.scroll_into_view_if_needed()
        before = image_sources(page)
        handle.focus()
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        if not wait_for_change(page, before):
            for _ in range(6):
                page.keyboard.press("ArrowLeft")
            assert wait_for_change(page, before), (
                f"{name}: moving slider {i} did not change its picture"
            )
        moved += 1
        page.screenshot(path=str(screenshots / f"{stem}-moved{i}.png"))
    # Play controls step through precomputed frames.
    play = page.locator(".jp-OutputArea-output .widget-play button").first
    if play.count():
        play.scroll_into_view_if_needed()
        before = image_sources(page)
        play.click()
        assert wait_for_change(page, before), f"{name}: pressing Play did not change the picture"
        page.screenshot(path=str(screenshots / f"{stem}-played.png"))
        moved += 1
    assert moved, f"{name}: has figures but no slider or Play control to move"
