"""Kernel-free figures: every widget of every notebook moves on the site without a kernel,
shows what the notebook's widget shows, and the stored notebooks carry its picture.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import kernel_free
import make_site
import nbformat
import numpy as np
import pytest
from conftest import ROOT, SITE, site_pages
from PIL import Image

site_pages()  # build the site if it is missing
NOTEBOOKS = make_site.notebook_paths()


def _widget_outputs(path: Path) -> list[tuple[str, dict]]:
    nb = nbformat.read(path, as_version=4)
    return [(title, out) for cell in nb.cells if cell.cell_type == "code"
            for out in cell.get("outputs", [])
            if (title := kernel_free.widget_title(out)) is not None]


WITH_WIDGETS = [p for p in NOTEBOOKS if _widget_outputs(p)]


def test_every_widget_has_a_recipe():
    titles = {title for p in NOTEBOOKS for title, _ in _widget_outputs(p)}
    assert titles, "no widget outputs found in the stored notebooks"
    missing = titles - set(kernel_free.RECIPES) - {kernel_free.ECHO_TEXT}
    assert not missing, f"widgets without a kernel-free version: {missing}"


@pytest.mark.parametrize("path", WITH_WIDGETS, ids=lambda p: p.stem)
def test_stored_notebook_carries_a_picture_beside_each_widget(path):
    for title, out in _widget_outputs(path):
        if title == kernel_free.ECHO_TEXT:
            continue  # a slider that echoes text: there is no picture to store
        png = out["data"].get("image/png")
        assert png, f"{path.stem}: the widget {title!r} has no stored picture for GitHub/nbviewer"
        assert base64.b64decode(png).startswith(b"\x89PNG")


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


@pytest.mark.parametrize("title", sorted(kernel_free.RECIPES))
def test_recipe_draws_what_its_notebook_stores(title):
    """The recipe rebuilds the notebook's widget: its first picture is the stored one."""
    recipe = kernel_free.RECIPES[title]
    path = next(p for p in NOTEBOOKS if p.stem.startswith(recipe.notebook))
    stored = [out for t, out in _widget_outputs(path) if t == title]
    assert stored, f"notebook {path.stem} shows no widget {title!r} any more"
    if "image/png" not in stored[0]["data"]:
        pytest.fail(f"{path.stem} stores no picture for {title!r}: rebuild it "
                    f"(tools/notebooks.py build {path.stem})")
    live = recipe.build()
    ours = _pixels(bytes(live.image.value))
    theirs = _pixels(base64.b64decode(stored[0]["data"]["image/png"]))
    assert ours.shape == theirs.shape, f"{title}: {ours.shape} vs stored {theirs.shape}"
    differing = np.mean(np.any(np.abs(ours - theirs) > 8, axis=-1))
    assert differing < 0.002, (
        f"{title}: the recipe's picture differs from {path.stem}'s in {differing:.1%} of "
        "its pixels: does site/kernel_free.py build the widget with the notebook's inputs?")


@pytest.mark.parametrize("path", WITH_WIDGETS, ids=lambda p: p.stem)
def test_kernel_free_figures_move(browser, site_url, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{site_url}/{path.stem}.html", wait_until="networkidle")
        # Open the deep dives, as a reader does before using a figure inside one.
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        text = page.inner_text("main")
        assert "Run this cell to bring it to life" not in text, "a widget is a dead sentence"
        figures = page.query_selector_all("[data-kernel-free], [data-kernel-free-echo]")
        assert len(figures) == len(_widget_outputs(path)), (
            f"{path.stem}: {len(_widget_outputs(path))} widgets in the notebook, "
            f"{len(figures)} kernel-free figures on its page")
        for figure in page.query_selector_all("[data-kernel-free]"):
            picture = figure.query_selector("img.kf-picture")
            for slider in figure.query_selector_all("input[type=range]"):
                before = (picture.get_attribute("src"), picture.get_attribute("alt"))
                slider.focus()
                slider.press("Home")
                first = (picture.get_attribute("src"), picture.get_attribute("alt"))
                slider.press("End")
                page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=picture)
                last = (picture.get_attribute("src"), picture.get_attribute("alt"))
                assert first[0] != last[0], (
                    f"{path.stem}: moving {slider.get_attribute('id')} across its range does "
                    "not change the picture")
                assert first[1] != last[1], "the text alternative does not follow the picture"
                full = figure.query_selector("a.kf-full")
                assert full.get_attribute("href") == last[0], "the full-size link lags behind"
                assert before[0] is not None
                output = figure.query_selector(f"output[for='{slider.get_attribute('id')}']")
                assert output.inner_text() == slider.get_attribute("aria-valuetext")
            play = figure.query_selector("button.kf-play")
            if play is not None:
                main = figure.query_selector("input[type=range]")
                main.focus()
                main.press("Home")
                src = picture.get_attribute("src")
                play.click()
                page.wait_for_timeout(900)
                assert play.get_attribute("aria-pressed") == "true"
                assert int(main.input_value()) > 0 and picture.get_attribute("src") != src
                play.click()
                assert play.get_attribute("aria-pressed") == "false"
        for echo in page.query_selector_all("[data-kernel-free-echo]"):
            slider = echo.query_selector("input[type=range]")
            slider.focus()
            slider.press("End")
            assert "10" in echo.query_selector(".kf-readout").inner_text()
    finally:
        page.close()


def test_frames_are_files_of_the_site():
    frames = list((SITE / "_static" / "kf").glob("*.png"))
    assert frames, "no kernel-free frames in the built site"
    assert ROOT in SITE.parents
