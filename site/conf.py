"""Sphinx configuration of the course website (``make site``; see site/make_site.py).

Offline by construction: the notebooks are rendered from their stored outputs, never
executed; MathJax comes from the sphinx-mathjax-offline package and is served by the
site; MyST-NB's widget manager (loaded from a CDN) is switched off, since every widget
is replaced by its kernel-free version before Sphinx sees the notebook.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import site_html  # noqa: E402

COURSE = tomllib.loads((HERE / "course.toml").read_text())

project = "L1 regularization and sparsity"
author = "the course authors"
copyright = "the course authors; MIT licence"
html_title = "L1 regularization and sparsity"

extensions = ["myst_nb", "sphinx-mathjax-offline"]
exclude_patterns = ["_kf", ".doctrees", "**.ipynb_checkpoints"]

# Render what the notebooks store; never run them (nbval checks the outputs are current).
nb_execution_mode = "off"
# No require.js or widget manager from a CDN: the site shows kernel-free figures instead.
nb_ipywidgets_js = {}
myst_enable_extensions = ["dollarmath", "amsmath"]
# The guides link to their own sections GitHub-style ("#2-timing-and-the-three-paths").
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type"]

html_theme = "sphinx_book_theme"
# Without it the theme logs "invalid theme mode" in the console on every page.
html_context = {"default_mode": "light"}
html_static_path = [str(HERE / "static")]
html_css_files = ["course.css"]
html_js_files = ["kernel_free.js"]
html_sourcelink_suffix = ""
html_show_sphinx = False
# A favicon of our own: without one, browsers ask for /favicon.ico and log a 404.
html_favicon = str(HERE / "static" / "favicon.svg")
html_theme_options = {
    "repository_url": COURSE["repository"]["url"],
    "repository_branch": COURSE["repository"]["branch"],
    "path_to_docs": "notebooks",
    "use_download_button": True,
    "use_repository_button": False,
    "launch_buttons": {
        "binderhub_url": COURSE["launch"]["binderhub_url"],
        "jupyterhub_url": COURSE["launch"]["jupyterhub_url"],
        "notebook_interface": "jupyterlab",
    },
    "show_toc_level": 2,
}


def setup(app):
    app.connect("build-finished", site_html.finish_site)
    return {"parallel_read_safe": True}
