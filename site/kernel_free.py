"""The site's kernel-free figures: which widget each notebook shows, rebuilt and swept.

Each recipe rebuilds a widget exactly as its notebook does (same builder, same inputs),
then :func:`lessonlib.static_figures.capture_frames` moves its main control (and, where
the picture depends on it, one more) across the whole range. A notebook's widget output
is matched to its recipe by the widget's title, which its stored plain-text form carries
("Interactive figure: TITLE. (Run this cell ...)"); a widget without a recipe stops the
build, so no widget reaches the site as a dead sentence.

``tests/site/test_kernel_free.py`` checks each recipe's first picture against the
picture stored in the notebook, so a recipe that drifts from its notebook fails a test.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lessonlib.static_figures import Frame, Sweep, capture_frames, slider_values

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
_TITLE = re.compile(
    r"^Interactive figure: (?P<title>.*)\. \(Run this cell to bring it to life\.\)$")
ECHO_TEXT = "Widget check: a slider that echoes its value."


@dataclass(frozen=True)
class Recipe:
    """How to rebuild one notebook's widget and which controls to sweep."""

    notebook: str
    build: Callable[[], object]
    sweeps: Callable[[object], list[Sweep]]
    play: bool = False  # a Play button steps through the main control
    dpi: float | None = None  # sharper than the widget's own, where the page has room


def _explore_buckets():
    from lessonlib.widgets.sparse_features import explore_buckets
    from lessonlib.world import houses

    return explore_buckets(sample=houses(500_000, seed=0))  # notebook 01's h


def _penalised_2d():
    from lessonlib.widgets.penalised_2d import explore_penalised_2d

    return explore_penalised_2d()  # notebook 01's central picture, as the notebook opens it


def _zeno():
    from lessonlib.widgets.shrinkage import zeno_explorer

    return zeno_explorer()


def _network():
    from lessonlib.widgets.shrinkage import l1_l2_network

    return l1_l2_network()


def _touch():
    from lessonlib.widgets.geometry import explore_touch

    return explore_touch(10, 5)


def _below_one():
    from lessonlib.widgets.geometry import explore_below_one

    return explore_below_one(2, 3, p=0.5)


def _lambda():
    from lessonlib.widgets.overfitting import explore_lambda

    return explore_lambda()  # notebook 06's two worlds (sparse and dense truth)


def _all(live, name: str, label: str) -> Sweep:
    control = live.controls[name]
    values, labels = slider_values(control, 10_000)
    return Sweep(name, values, labels, label)


def _some(live, name: str, label: str, n: int) -> Sweep:
    # About n values across the whole range, plus the one the widget starts at (the
    # picture the notebook stores and its text describes).
    control = live.controls[name]
    values, labels = slider_values(control, n)
    if control.value not in values:
        _, all_labels = slider_values(control, 10**6)
        label_of = dict(zip(slider_values(control, 10**6)[0], all_labels, strict=True))
        values = sorted([*values, control.value])
        labels = [label_of.get(v, f"{v:g}") for v in values]
    return Sweep(name, values, labels, label)


def _ps(live) -> Sweep:
    # Denser around p = 1, where the ball stops being convex; ends of the slider included.
    values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0, 1.05, 1.1, 1.25, 1.5,
              2.0, 2.5, 3.0, 3.5, 4.0]
    return Sweep("p", values, [f"{v:.2f}" for v in values], "p")


def _norms(live) -> Sweep:
    # The three named norms; "free p" is a second slider, left to the live notebook.
    values = [1.0, 2.0, math.inf]
    return Sweep("norm", values, ["p = 1", "p = 2", "p = ∞"], "norm")


#: Widget title -> recipe. The main control comes first.
RECIPES: dict[str, Recipe] = {
    "bucket size vs the size of the latitude x longitude cross": Recipe(
        "01", _explore_buckets, lambda live: [_all(live, "minutes", "bucket size")]),
    "move lambda: where do the L1 and the L2 optimum land?": Recipe(
        "01", _penalised_2d, lambda live: [_some(live, "lam", "lambda", 31)]),
    "the L2 step w <- (1 - 2 eta lambda) w in float16/32/64": Recipe(
        "02", _zeno, lambda live: [_all(live, "eta", "eta"), _all(live, "dtype", "dtype")]),
    "L1 vs L2 weight grids over training (black = exactly 0)": Recipe(
        "03", _network, lambda live: [_some(live, "step", "step", 26)], play=True),
    "grow an Lp ball until it touches the line of solutions": Recipe(
        "04", _touch, lambda live: [_some(live, "grow", "ball size %", 14), _norms(live)],
        play=True, dpi=110),
    "move p from 0.1 to 4: the ball, its convexity and its touch point": Recipe(
        "05", _below_one, lambda live: [_ps(live)], dpi=100),
    "the Lasso's weights along lambda, real and false, beside training and held-out error":
        Recipe("06", _lambda, lambda live: [_some(live, "index", "lambda", 20),
                                            _all(live, "world", "world")]),
}


def widget_title(output: dict) -> str | None:
    """The title of a widget output of a stored notebook (None for any other output)."""
    data = output.get("data", {})
    if WIDGET_MIME not in data:
        return None
    text = data.get("text/plain", "")
    text = "".join(text) if isinstance(text, list) else text
    if text.startswith(ECHO_TEXT):
        return ECHO_TEXT
    match = _TITLE.match(text.strip())
    if match is None:
        raise ValueError(f"a widget output whose text is not a LiveFigure's: {text[:80]!r}")
    return match["title"]


@dataclass
class KernelFree:
    """A widget's frames, written as PNG files, and the HTML that shows them."""

    title: str
    sweeps: list[Sweep]
    frames: list[Frame]
    files: list[str]  # one file name per frame (identical pictures share a file)
    play: bool
    start: dict  # the controls' values when the widget was built

    def html(self, static_url: str, figure_id: str, launch_note: str) -> str:
        """A figure with a slider per sweep (and Play), run by _static/kernel_free.js."""
        shape = [len(s.values) for s in self.sweeps]
        start = _start_index(self.sweeps, self.start)
        first = self.frames[start]
        data = {
            "shape": shape,
            "labels": [list(s.labels) for s in self.sweeps],
            "frames": [{"src": f"{static_url}{name}", "alt": f.alt, "readout": f.readout}
                       for f, name in zip(self.frames, self.files, strict=True)],
        }
        controls = []
        for k, sweep in enumerate(self.sweeps):
            cid = f"{figure_id}-c{k}"
            pos = first.index[k]
            controls.append(
                f'<div class="kf-control"><label for="{cid}">{html.escape(sweep.label)}</label>'
                f'<input type="range" id="{cid}" data-axis="{k}" min="0" '
                f'max="{len(sweep.values) - 1}" step="1" value="{pos}" '
                f'aria-valuetext="{html.escape(sweep.labels[pos])}">'
                f'<output for="{cid}">{html.escape(sweep.labels[pos])}</output></div>')
        if self.play:
            controls.append('<button type="button" class="kf-play" aria-pressed="false">'
                            f'Play ({html.escape(self.sweeps[0].label)})</button>')
        n = len(set(self.files))
        payload = json.dumps(data).replace("</", "<\\/")  # never ends the script early
        return (
            f'<figure class="kf-figure" id="{figure_id}" data-kernel-free>'
            f'<div class="kf-controls">{"".join(controls)}</div>'
            f'<p class="kf-readout" aria-live="polite">{first.readout}</p>'
            # The picture links to itself: on a phone, a wide figure opens full size.
            f'<a class="kf-full" href="{static_url}{self.files[start]}">'
            f'<img class="kf-picture" src="{static_url}{self.files[start]}" '
            f'alt="{html.escape(first.alt)}"></a>'
            f'<figcaption>Precomputed: {n} pictures drawn by the notebook\'s own widget code '
            f'at build time. {launch_note}</figcaption>'
            f'<script type="application/json" class="kf-data">'
            f'{payload}</script></figure>'
        )


def _start_index(sweeps: list[Sweep], start: dict) -> int:
    # Open on the widget's own first picture (the one the notebook stores and its text
    # describes): frames are in row-major order, the last sweep fastest.
    flat = 0
    for sweep in sweeps:
        values = list(sweep.values)
        pos = values.index(start[sweep.control]) if start[sweep.control] in values else 0
        flat = flat * len(values) + pos
    return flat


def code_version() -> str:
    """A hash of everything that draws the frames: lessonlib's code and these recipes.

    Frames are cached under it (``build/site-cache/``): a rebuild after a change to the
    notebooks' text reuses them; any change to lessonlib or a recipe redraws them.
    """
    digest = hashlib.sha256()
    lessonlib = Path(__file__).resolve().parents[1] / "lessonlib"
    drawing = [p for p in [*lessonlib.rglob("*.py"), *lessonlib.rglob("*.npz")]
               if "checks" not in p.relative_to(lessonlib).parts]  # checks never draw
    for path in sorted([*drawing, Path(__file__).resolve()]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def make(title: str, out_dir: Path, cache_dir: Path | None = None) -> KernelFree:
    """Rebuild the widget titled ``title``, sweep it and write its frames to ``out_dir``.

    With ``cache_dir``, frames drawn by the same code before are reused.
    """
    recipe = RECIPES.get(title)
    if recipe is None:
        raise KeyError(f"no kernel-free recipe for the widget {title!r}: add one to "
                       f"site/kernel_free.py RECIPES (known: {sorted(RECIPES)})")
    out_dir.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(title.encode()).hexdigest()[:12]
    cached = cache_dir / f"{key}.json" if cache_dir is not None else None
    if cached is not None and cached.exists():
        saved = json.loads(cached.read_text())
        if all((cache_dir / name).exists() for name in saved["files"]):
            for name in set(saved["files"]):
                (out_dir / name).write_bytes((cache_dir / name).read_bytes())
            sweeps = [Sweep(s["control"], s["values"], s["labels"], s["label"])
                      for s in saved["sweeps"]]
            frames = [Frame(tuple(f["index"]), b"", f["readout"], f["alt"])
                      for f in saved["frames"]]
            print(f"  kernel-free figure of {recipe.notebook}: {len(frames)} frames (cached)")
            return KernelFree(title, sweeps, frames, saved["files"], recipe.play,
                              saved["start"])
    began = time.perf_counter()
    live = recipe.build()
    start = live.values()
    sweeps = recipe.sweeps(live)
    frames = capture_frames(live, sweeps, dpi=recipe.dpi)
    files = []
    for frame in frames:
        name = hashlib.sha256(frame.png).hexdigest()[:16] + ".png"
        path = out_dir / name
        if not path.exists():
            path.write_bytes(frame.png)
        files.append(name)
    print(f"  kernel-free figure of {recipe.notebook}: {len(frames)} frames in "
          f"{time.perf_counter() - began:.1f} s")
    result = KernelFree(title, sweeps, frames, files, recipe.play, start)
    if cached is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for name in set(files):
            (cache_dir / name).write_bytes((out_dir / name).read_bytes())
        cached.write_text(json.dumps({
            "files": files, "start": _jsonable(start),
            "sweeps": [{"control": s.control, "values": _jsonable(list(s.values)),
                        "labels": list(s.labels), "label": s.label} for s in sweeps],
            "frames": [{"index": list(f.index), "readout": f.readout, "alt": f.alt}
                       for f in frames]}))
    return result


def _jsonable(value):
    # inf (the L-infinity norm) is not JSON: store it as a string, read back by float().
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and math.isinf(value):
        return "inf"
    return value


def echo_html(figure_id: str, launch_note: str) -> str:
    """Notebook 00's widget check, without a kernel: a slider whose echo comes from the page.

    The notebook's version proves that the kernel answers; a web page has no kernel, so
    this one says where the echo comes from and how to run the real check.
    """
    cid = f"{figure_id}-c0"
    return (
        f'<figure class="kf-figure kf-echo" id="{figure_id}" data-kernel-free-echo>'
        f'<div class="kf-controls"><div class="kf-control"><label for="{cid}">Move me:</label>'
        f'<input type="range" id="{cid}" min="0" max="10" step="1" value="3">'
        f'<output for="{cid}">3</output></div></div>'
        f'<p class="kf-readout" aria-live="polite">This page received: <b>3</b></p>'
        f'<figcaption>On this website the echo comes from your browser, not from Python: the '
        f'real check needs a running notebook. {launch_note}</figcaption></figure>'
    )
