"""Finishing touches on the built HTML, run by ``site/conf.py`` when Sphinx has finished.

"Deep dive" sections are optional depth (COURSE.md: they open collapsed and the core
never needs them). Sphinx renders a section as ``<section><h2>...</h2>...</section>``;
here its content goes into a ``<details>`` whose summary is the heading, so the reader
sees the title and opens it on demand. The section keeps its id, so links to it still
resolve, and Chromium opens a closed ``<details>`` when a link targets something inside.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

DEEP_DIVE = "deep dive"


def collapse_deep_dives(soup: BeautifulSoup) -> int:
    """Wrap each "Deep dive ..." section's content in a closed ``<details>``; return how many.

    Examples
    --------
    >>> soup = BeautifulSoup('<section id="d"><h2>Deep dive: more</h2><p>x</p></section>',
    ...                      "html.parser")
    >>> collapse_deep_dives(soup)
    1
    >>> str(soup.section.details.summary)
    '<summary><h2>Deep dive: more</h2></summary>'
    >>> str(soup.section.details.p)
    '<p>x</p>'
    """
    count = 0
    for section in soup.find_all("section"):
        heading = section.find(["h1", "h2", "h3", "h4", "h5", "h6"], recursive=False)
        if heading is None or not heading.get_text(" ", strip=True).lower().startswith(DEEP_DIVE):
            continue
        if section.find("details", class_="deep-dive", recursive=False) is not None:
            continue
        details = soup.new_tag("details", attrs={"class": "deep-dive"})
        summary = soup.new_tag("summary")
        children = list(section.contents)
        heading.extract()
        summary.append(heading)
        details.append(summary)
        for child in children:
            if child is not heading:
                details.append(child.extract())
        section.append(details)
        count += 1
    return count


def finish_page(path: Path) -> None:
    """Apply the finishing touches to one HTML file, in place."""
    text = path.read_text(encoding="utf-8")
    if DEEP_DIVE not in text.lower():
        return
    soup = BeautifulSoup(text, "html.parser")
    if collapse_deep_dives(soup):
        path.write_text(str(soup), encoding="utf-8")


def finish_site(app, exception) -> None:
    """Sphinx ``build-finished`` handler: finish every page of the HTML build."""
    if exception is not None or app.builder.format != "html":
        return
    for path in Path(app.outdir).rglob("*.html"):
        finish_page(path)
