"""The site's reading mechanisms on a small fixture notebook: a "Deep dive" section opens
collapsed, a prediction hides its answer, an exercise shows its task and a way to run it,
and a picture gets the sentence under it as its text alternative.

The course's notebooks may have no deep dive or prediction yet; the fixture has both.
"""

from __future__ import annotations

import functools
import http.server
import socketserver
import threading

import make_site
import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElF"
       "TkSuQmCC")


def fixture_notebook() -> nbformat.NotebookNode:
    v4 = nbformat.v4
    cells = [
        v4.new_markdown_cell("# 99 · Fixture\n\nThe core of the lesson."),
        v4.new_markdown_cell("## 1. Core\n\nWhat will the picture show?"),
        v4.new_markdown_cell("Which way does the line go: up or down?", metadata={
            "tags": ["predict"]}),
        v4.new_code_cell("fig", outputs=[v4.new_output(
            "display_data", data={"image/png": PNG, "text/plain": "<Figure>"})]),
        v4.new_markdown_cell("The line goes up: each step adds one. Down would need a "
                             "negative slope."),
        v4.new_markdown_cell("### Exercise 1: count\n\nSet `n` to the number of zeros."),
        v4.new_code_cell("n = ...", metadata={"tags": ["exercise"], "exercise": "count"}),
        v4.new_code_cell("check_count(n)", outputs=[v4.new_output(
            "stream", name="stdout", text="Not yet: n is still ...\n")]),
        v4.new_markdown_cell("**Predict:** which feature enters first?"),
        v4.new_code_cell("first = ...", metadata={"tags": ["predict"], "exercise": "first"}),
        v4.new_code_cell("check_first(first)", outputs=[v4.new_output(
            "stream", name="stdout", text="Not yet: first is still ...\n")]),
        v4.new_markdown_cell("The reveal follows the check."),
        v4.new_markdown_cell("## Deep dive: where the slope comes from\n\nHidden depth "
                             "sentence."),
        v4.new_markdown_cell("## Summary\n\nAll done."),
    ]
    return v4.new_notebook(cells=cells)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    from sphinx.cmd.build import build_main

    stage = tmp_path_factory.mktemp("stage")
    out = tmp_path_factory.mktemp("out")
    nb = fixture_notebook()
    check = next(c for c in nb.cells if c.source == "check_first(first)")
    graded = [nbformat.v4.new_output("stream", name="stdout", text="Correct: bmi enters first.\n")]
    nb = make_site.adapt(nb, "99_fixture", make_site.course(), {}, stage / "_kf",
                         {"first": 'first = "bmi"'}, {check.id: graded})
    nbformat.write(nb, stage / "99_fixture.ipynb")
    (stage / "index.md").write_text("# Home\n\n```{toctree}\n99_fixture\n```\n")
    code = build_main(["-b", "html", "-q", "-c", str(ROOT / "site"), str(stage), str(out)])
    assert code == 0
    return out


def test_fixture_html_structure(fixture_site):
    soup = BeautifulSoup((fixture_site / "99_fixture.html").read_text(), "html.parser")
    deep = soup.select("section details.deep-dive")
    assert len(deep) == 1, "the deep dive is not a <details>"
    assert deep[0].summary.get_text(strip=True).startswith("Deep dive: where the slope")
    assert "open" not in deep[0].attrs
    assert "Hidden depth sentence" in deep[0].get_text()
    assert "Summary" not in deep[0].get_text(), "the deep dive swallowed the next section"
    prediction = soup.select("details.prediction")
    assert len(prediction) == 2
    typed = prediction[1].get_text()
    assert 'first = "bmi"' in typed and "Correct: bmi enters first." in typed
    assert "first = ..." in soup.get_text() and "first = ..." not in typed, "question hidden"
    assert "Not yet: first" not in soup.get_text()
    assert "The reveal follows the check." not in typed
    assert "The line goes up" in prediction[0].get_text()
    assert "Which way does the line go" not in prediction[0].get_text(), "question hidden too"
    img = prediction[0].find("img")
    assert img is not None
    assert img["alt"] == "Figure in section '1. Core': The line goes up: each step adds one."
    launch = soup.select(".exercise-launch a")
    assert len(launch) == 3 and "99_fixture.ipynb" in launch[0]["href"]
    assert "Not yet: n is" not in soup.get_text(), "the unsolved check's message is shown"
    assert "n = ..." in soup.get_text(), "the exercise's task is missing"


def test_fixture_collapsed_until_opened(fixture_site, browser):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(fixture_site))
    handler.log_message = lambda *a: None
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = browser.new_page()
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/99_fixture.html")
        hidden = page.get_by_text("Hidden depth sentence")
        answer = page.get_by_text("The line goes up")
        assert not hidden.is_visible() and not answer.is_visible()
        assert page.get_by_text("Which way does the line go").is_visible()
        page.click("details.deep-dive > summary")
        assert hidden.is_visible()
        graded = page.get_by_text("Correct: bmi enters first.")
        assert not graded.is_visible()
        page.locator("details.prediction > summary").nth(0).click()
        assert answer.is_visible()
        page.locator("details.prediction > summary").nth(1).click()
        assert graded.is_visible()
    finally:
        page.close()
        server.shutdown()
        server.server_close()
