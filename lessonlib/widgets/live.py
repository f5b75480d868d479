"""A figure that redraws itself when its controls move, shown as a PNG image widget.

Why an image widget rather than ``interact`` or an Output widget: the figure is
built once and only its artists change, the PNG travels over the widget channel
(nothing leaks into cell outputs when a later cell moves a slider), and the
update can be timed and tested in plain pytest by setting ``control.value``.
"""

from __future__ import annotations

import base64
import io
import time
from collections.abc import Callable, Mapping, Sequence

import ipywidgets as widgets
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from lessonlib.widgets.keyboard import ROOT_CLASS, keyboard_support


class LiveFigure(widgets.VBox):
    """Controls, an optional text readout and a figure, kept in step.

    Parameters
    ----------
    fig : Figure
        A figure built once by the builder; ``update`` changes its artists.
    controls : mapping of str to ipywidgets.ValueWidget
        Named controls; their ``.value`` are passed to ``update`` as keyword arguments.
    update : callable
        ``update(**values) -> str | None``. Changes the figure's artists; may return
        HTML for the readout line under the controls.
    title : str
        What the widget shows, used in its plain-text form.
    extra : list of ipywidgets.Widget, optional
        More widgets for the control row that are not passed to ``update`` (a Play button).
    freeze_layout : bool, default True
        Lay the figure out once, on the first render, then keep that layout: re-running
        constrained layout on every slider move costs more than the drawing itself.
    animated : sequence of Artist, optional
        The only artists ``update`` changes. When given, the rest of the figure (axes,
        ticks, labels, static curves) is drawn once and kept as a background picture, and
        each update draws just these artists on top of it ("blitting"): often 5-10 times
        faster. Anything else ``update`` changes is not redrawn until
        :meth:`invalidate_background` is called (for example when axis limits change).
    background_key : callable, optional
        ``background_key(**values) -> hashable``, blitting mode only. When the static part
        of the figure depends on a few control values (an axis range per float type, say),
        one background picture is kept per key: ``update`` sets the axes for the current
        values, and a key seen before costs no full redraw.

    Attributes
    ----------
    image : ipywidgets.Image
        The rendered PNG (its ``value`` changes on every update).
    readout : ipywidgets.HTML
        The text returned by the last ``update``.
    last_update_seconds : float
        Time from the control change to the new PNG, for the benchmark.

    Examples
    --------
    >>> from lessonlib.plots import new_figure
    >>> fig, ax = new_figure()
    >>> (line,) = ax.plot([0, 1], [0, 1])
    >>> slope = widgets.FloatSlider(value=1.0, min=0, max=2)
    >>> live = LiveFigure(fig, {"slope": slope}, lambda slope: line.set_ydata([0, slope]),
    ...                   title="a line")
    >>> before = bytes(live.image.value)
    >>> slope.value = 2.0
    >>> bytes(live.image.value) != before
    True
    """

    def __init__(
        self,
        fig: Figure,
        controls: Mapping[str, widgets.ValueWidget],
        update: Callable[..., str | None],
        *,
        title: str,
        extra: list[widgets.Widget] | None = None,
        freeze_layout: bool = True,
        animated: Sequence[Artist] = (),
        background_key: Callable[..., object] | None = None,
    ) -> None:
        if not isinstance(fig, Figure):
            raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
        if not callable(update):
            raise TypeError("update must be a function of the controls' values")
        self.fig = fig
        self.controls = dict(controls)
        self.title = title
        self._update = update
        self._freeze_layout = freeze_layout
        self._animated = list(animated)
        for artist in self._animated:
            if not isinstance(artist, Artist):
                raise TypeError(f"animated must hold matplotlib artists, got {artist!r:.60}")
            artist.set_animated(True)  # skipped by a full draw: they go on the background
        self._background = None
        self._background_key = background_key
        self._backgrounds: dict[object, object] = {}  # by background_key
        self._background_for: object = None
        # Shown at its own pixel size (crisp), shrinking only when the window is narrower.
        width_px = int(round(fig.get_figwidth() * fig.dpi))
        self.image = widgets.Image(
            format="png", layout=widgets.Layout(width=f"{width_px}px", max_width="100%")
        )
        self.readout = widgets.HTML()
        self.last_update_seconds = float("nan")
        box = widgets.HBox(list(self.controls.values()) + list(extra or []))
        box.layout.flex_flow = "row wrap"
        # keyboard_support: a click anywhere on a control leaves the arrow keys with it
        super().__init__([box, self.readout, self.image, keyboard_support()])
        self.add_class(ROOT_CLASS)
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.refresh()

    def values(self) -> dict[str, object]:
        """The controls' current values, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def refresh(self) -> None:
        """Apply the current control values to the figure and re-render it."""
        start = time.perf_counter()
        text = self._update(**self.values())
        if text is not None:
            self.readout.value = text
        self.image.value = self._render_blit() if self._animated else self._render_full()
        self.last_update_seconds = time.perf_counter() - start

    def invalidate_background(self) -> None:
        """Redraw the static part of the figure on the next update (blitting mode only)."""
        self._background = None
        self._backgrounds.clear()

    def _freeze(self) -> None:
        if self._freeze_layout and self.fig.get_layout_engine() is not None:
            try:
                self.fig.set_layout_engine("none")
            except RuntimeError:  # figures with colorbars cannot switch engines; keep it
                self._freeze_layout = False

    def _render_full(self) -> bytes:
        buf = io.BytesIO()
        # Light compression: a slightly larger PNG is sent much sooner.
        self.fig.savefig(buf, format="png", pil_kwargs={"compress_level": 1})
        self._freeze()
        return buf.getvalue()

    def _render_blit(self) -> bytes:
        canvas = self.fig.canvas
        if not isinstance(canvas, FigureCanvasAgg):
            canvas = FigureCanvasAgg(self.fig)
        if self._background_key is not None:
            key = self._background_key(**self.values())
            if key != self._background_for:
                self._background, self._background_for = self._backgrounds.get(key), key
        if self._background is None:
            canvas.draw()  # lays out, then draws everything but the animated artists
            self._freeze()
            self._background = canvas.copy_from_bbox(self.fig.bbox)
            if self._background_key is not None:
                self._backgrounds[self._background_for] = self._background
        else:
            canvas.restore_region(self._background)
        for artist in self._animated:
            self.fig.draw_artist(artist)
        width, height = canvas.get_width_height(physical=True)
        # Figures are opaque: dropping alpha makes the PNG about 30% quicker to encode.
        picture = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw",
                                   "RGBA", 0, 1).convert("RGB")
        buf = io.BytesIO()
        picture.save(buf, format="png", compress_level=1)
        return buf.getvalue()

    def _on_change(self, change: dict) -> None:
        self.refresh()

    def __repr__(self) -> str:
        # Shown where the live widget cannot be (a reopened notebook, nbval, GitHub):
        # stable text that tells the learner what to do.
        return f"Interactive figure: {self.title}. (Run this cell to bring it to life.)"

    def _repr_mimebundle_(self, **kwargs: object) -> dict | None:
        bundle = _whole_plain_text(self, super()._repr_mimebundle_(**kwargs))
        if bundle is not None and self.image.value:
            # The picture as the cell first drew it, stored with the notebook: where no
            # kernel runs (GitHub, nbviewer) the viewer shows it instead of the sentence;
            # JupyterLab still prefers the live view. nbval does not compare PNGs.
            bundle["image/png"] = base64.b64encode(_stored_png(bytes(self.image.value))).decode()
        return bundle


def _stored_png(png: bytes) -> bytes:
    # Stored in git and downloaded by every viewer: smaller is worth slower encoding.
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    picture.save(out, format="png", optimize=True)
    return out.getvalue()


class EchoSlider(widgets.VBox):
    """A slider that echoes its value: proof that widgets are alive."""

    def __init__(self) -> None:
        self.slider = widgets.IntSlider(value=3, min=0, max=10, description="Move me:")
        self.echo = widgets.HTML()
        self.slider.observe(self._on_change, names="value")
        self._on_change({})
        super().__init__([self.slider, self.echo, keyboard_support()])
        self.add_class(ROOT_CLASS)

    def _on_change(self, change: dict) -> None:
        self.echo.value = f"The kernel received: <b>{self.slider.value}</b>"

    def __repr__(self) -> str:
        return "Widget check: a slider that echoes its value. (Run this cell to bring it to life.)"

    def _repr_mimebundle_(self, **kwargs: object) -> dict | None:
        return _whole_plain_text(self, super()._repr_mimebundle_(**kwargs))


def _whole_plain_text(widget: widgets.Widget, bundle: dict | None) -> dict | None:
    # ipywidgets cuts the plain-text form at 110 characters ("... bring…"); keep the whole
    # sentence, since it is what a reopened notebook shows.
    if bundle is not None:
        bundle["text/plain"] = repr(widget)
    return bundle


def echo_slider() -> EchoSlider:
    """Build the environment check's slider, which echoes its value through the kernel.

    Examples
    --------
    >>> w = echo_slider()
    >>> w.slider.value = 7
    >>> "7" in w.echo.value
    True
    """
    return EchoSlider()
