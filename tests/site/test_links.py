"""Every internal link of the built site resolves: the file exists and so does the anchor.

Read from the HTML files themselves (no browser needed), including the links the theme
writes (navigation, previous/next, downloads) and the pictures and scripts pages load.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import make_site
import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, SITE, site_pages

PAGES = site_pages()


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _ids(path: Path) -> set[str]:
    soup = _soup(path)
    return {el["id"] for el in soup.find_all(id=True)} | {
        el["name"] for el in soup.find_all("a", attrs={"name": True})}


@pytest.mark.parametrize("page_path", PAGES)
def test_internal_links_and_anchors_resolve(page_path):
    page = SITE / page_path
    soup = _soup(page)
    broken = []
    for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for el in soup.find_all(tag, attrs={attr: True}):
            url = urlsplit(el[attr])
            if url.scheme or url.netloc:
                continue  # another site: launch buttons, the repository
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{el[attr]} (no file {target.relative_to(SITE.resolve())})"
                              if target.is_relative_to(SITE.resolve()) else el[attr])
                continue
            if url.fragment and target.suffix == ".html" and unquote(url.fragment) not in _ids(
                    target):
                broken.append(f"{el[attr]} (no anchor #{url.fragment})")
    assert not broken, f"{page_path}: links that lead nowhere: {broken}"


def test_every_notebook_is_a_page_in_order_from_the_home_page():
    stems = [p.stem for p in make_site.notebook_paths()]
    assert stems, "no notebooks found"
    home = _soup(SITE / "index.html")
    linked = [a["href"].split("#")[0] for a in home.select("nav a[href], .toctree-wrapper a")]
    order = [s for s in dict.fromkeys(h.removesuffix(".html") for h in linked) if s in stems]
    assert order == stems, f"the home page's course map lists {order}, the notebooks are {stems}"
    for page in ("instructor/README.html", "instructor/hub.html"):
        assert (SITE / page).exists(), f"the site has no {page}"
    table = home.find("table")
    assert table is not None and "minutes" in table.get_text(), "no course map on the home page"


@pytest.mark.parametrize("stem", [p.stem for p in make_site.notebook_paths()])
def test_notebook_pages_have_launch_buttons_and_the_stored_notebook(stem):
    info = make_site.course()
    soup = _soup(SITE / f"{stem}.html")
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    repo_url = info["repository"]["url"]
    binder = [h for h in hrefs if h.startswith(info["launch"]["binderhub_url"])
              and f"notebooks/{stem}.ipynb" in h]
    pull = info["launch"]["jupyterhub_url"] + "/hub/user-redirect/git-pull?"
    hub = [h for h in hrefs if h.startswith(pull) and stem in h]
    assert binder, f"{stem}: no Binder launch link"
    assert hub, f"{stem}: no JupyterHub (nbgitpuller) launch link"
    assert any(repo_url.split("//")[1].split("/")[0] in unquote(h) for h in hub)
    download = [h for h in hrefs if h.endswith(f"_sources/{stem}.ipynb")]
    assert download, f"{stem}: no download link for the notebook"
    served = nbformat.read(SITE / "_sources" / f"{stem}.ipynb", as_version=4)
    stored = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4)
    assert served == stored, f"{stem}: the download is not the stored notebook (make site)"
