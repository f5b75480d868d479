"""Kernel-free versions of the course's widgets: the same figure, precomputed frame by frame.

A live widget needs a running kernel; a web page or a notebook opened on GitHub has none.
:func:`capture_frames` sets a :class:`~lessonlib.widgets.live.LiveFigure`'s controls to
every value of a sweep, exactly as a learner moving the slider would, and keeps each
picture with its readout and a text alternative. The course website (``site/``) turns the
frames into a slider of pictures; nothing here knows about HTML pages.

Why the widget itself rather than a separate plotting loop: the frames are then the
pictures the learner sees in JupyterLab, drawn by the same update code, and any change to
a widget reaches its kernel-free version at the next build.
"""

from __future__ import annotations

import html
import io
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image

from lessonlib.widgets.live import LiveFigure

__all__ = ["Frame", "Sweep", "capture_frames", "plain_text", "slider_values", "small_png"]


@dataclass(frozen=True)
class Sweep:
    """The values one control takes in the kernel-free version.

    Parameters
    ----------
    control : str
        The control's name in ``live.controls``.
    values : sequence
        The values to visit, in slider order.
    labels : sequence of str
        How each value is shown to the reader (same length as ``values``).
    label : str
        What the control is called, e.g. ``"ball size %"``.

    Examples
    --------
    >>> Sweep("p", [0.5, 1.0], ["0.5", "1"], "p").labels
    ['0.5', '1']
    """

    control: str
    values: Sequence
    labels: Sequence[str]
    label: str

    def __post_init__(self) -> None:
        if len(self.values) == 0:
            raise ValueError(f"sweep of {self.control!r} needs at least one value, got none")
        if len(self.labels) != len(self.values):
            raise ValueError(f"sweep of {self.control!r}: {len(self.labels)} labels for "
                             f"{len(self.values)} values; give one label per value")


@dataclass(frozen=True)
class Frame:
    """One precomputed picture: where the controls were, what the widget showed.

    ``index`` holds the position in each sweep; ``png`` the picture; ``readout`` the
    widget's readout line (HTML, written by lessonlib); ``alt`` a plain-text description
    of the picture for readers who cannot see it.
    """

    index: tuple[int, ...]
    png: bytes
    readout: str
    alt: str


def slider_values(control: object, n: int) -> tuple[list, list[str]]:
    """About ``n`` evenly spaced values across a slider's whole range, ends included.

    Works for ipywidgets' numeric sliders (``min``/``max``/``step``) and for selection
    controls (``options``, all kept when there are at most ``n``).

    Examples
    --------
    >>> import ipywidgets as widgets
    >>> slider_values(widgets.IntSlider(min=0, max=130, step=2), 6)
    ([0, 26, 52, 78, 104, 130], ['0', '26', '52', '78', '104', '130'])
    """
    if n < 2:
        raise ValueError(f"n must be at least 2 (the two ends of the range), got {n}")
    if hasattr(control, "options"):
        labels = list(control._options_labels)
        values = list(control._options_values)
        if len(values) > n:
            keep = np.unique(np.round(np.linspace(0, len(values) - 1, n)).astype(int))
            values, labels = [values[i] for i in keep], [labels[i] for i in keep]
        return values, [str(label) for label in labels]
    lo, hi, step = control.min, control.max, control.step
    count = int(round((hi - lo) / step))
    picks = np.unique(np.round(np.linspace(0, count, min(n, count + 1))).astype(int))
    is_int = isinstance(lo, int) and isinstance(step, int)
    values = [lo + int(k) * step if is_int else round(lo + float(k) * step, 10) for k in picks]
    return values, [f"{v:g}" for v in values]


def plain_text(markup: str) -> str:
    """The text of a readout line, without its HTML tags and entities.

    Examples
    --------
    >>> plain_text("f = 1 - 2&middot;0.1 = <b>0.98</b>;<br><small>dashed</small>")
    'f = 1 - 2·0.1 = 0.98; dashed'
    """
    text = re.sub(r"<br\s*/?>", " ", markup)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def small_png(png: bytes) -> bytes:
    """The same picture as a much smaller PNG: at most 256 colours, best compression.

    The live widget encodes fast (it must answer a slider within milliseconds); a
    picture stored once and downloaded many times is worth the slower encoding. Course
    figures are flat colours and anti-aliased lines, which 256 colours render faithfully
    at about half the size of a full-colour PNG.

    Examples
    --------
    >>> buf = io.BytesIO()
    >>> Image.new("RGBA", (8, 8), "white").save(buf, format="png")
    >>> small_png(buf.getvalue()).startswith(b"\\x89PNG")
    True
    """
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    picture.quantize(256, method=Image.Quantize.FASTOCTREE).save(out, format="png",
                                                                  compress_level=9)
    return out.getvalue()


def capture_frames(live: LiveFigure, sweeps: Sequence[Sweep], *,
                   dpi: float | None = None) -> list[Frame]:
    """Every combination of the sweeps' values, as the widget draws it.

    The last sweep varies fastest. Controls are set through ``.value``, so each frame
    goes through the widget's own update, and the widget is left as it was found.

    Parameters
    ----------
    live : LiveFigure
        A widget from a builder in :mod:`lessonlib.widgets`.
    sweeps : sequence of Sweep
        The controls to move (the first is the main one) and their values.
    dpi : float, optional
        Draw the frames at this resolution instead of the widget's own (a small widget
        figure can be drawn sharper for a page that has room for it).

    Returns
    -------
    list of Frame

    Examples
    --------
    >>> from lessonlib.widgets.overfitting import explore_lambda
    >>> live = explore_lambda()
    >>> frames = capture_frames(live, [Sweep("index", [0, 10], ["a", "b"], "lambda")])
    >>> len(frames), frames[0].png != frames[1].png
    (2, True)
    >>> frames[0].alt.startswith("the Lasso's weights along lambda")
    True
    """
    if not isinstance(live, LiveFigure):
        raise TypeError(f"live must be a LiveFigure (a widget builder's result), got "
                        f"{type(live).__name__}")
    unknown = [s.control for s in sweeps if s.control not in live.controls]
    if unknown:
        raise ValueError(f"no control named {unknown} in this widget; it has "
                         f"{sorted(live.controls)}")
    start = live.values()
    own_dpi = live.fig.dpi
    if dpi is not None:
        live.fig.set_dpi(dpi)
        live.invalidate_background()
    frames = []
    try:
        for index in itertools.product(*(range(len(s.values)) for s in sweeps)):
            for sweep, i in zip(sweeps, index, strict=True):
                live.controls[sweep.control].value = sweep.values[i]
            where = ", ".join(f"{s.label} {s.labels[i]}"
                              for s, i in zip(sweeps, index, strict=True))
            readout = live.readout.value
            alt = f"{live.title}, {where}: {plain_text(readout)}".rstrip(": ")
            frames.append(Frame(tuple(index), small_png(bytes(live.image.value)), readout, alt))
    finally:
        live.fig.set_dpi(own_dpi)
        live.invalidate_background()
        for name, value in start.items():
            live.controls[name].value = value
        live.refresh()
    return frames
