"""What a figure widget shows, compared with a full redraw: shared by the widget tests.

Blitting redraws only the moving artists over a saved background; these helpers check that
the picture sent to the browser is the one a full redraw would give.
"""

from __future__ import annotations

from io import BytesIO

import numpy as np
from PIL import Image


def full_render(live) -> np.ndarray:
    """The widget's figure drawn in full (every artist, no background), as an RGB array."""
    buf = BytesIO()
    live.fig.savefig(buf, format="png", dpi=live.fig.dpi)
    return np.asarray(Image.open(buf).convert("RGB")).astype(int)


def shown(live) -> np.ndarray:
    """The picture the widget last sent to the browser, as an RGB array."""
    return np.asarray(Image.open(BytesIO(bytes(live.image.value))).convert("RGB")).astype(int)


def assert_same_picture(live) -> None:
    """Blitting must show what a full redraw shows: no stale ticks, lines, titles or keys."""
    a, b = full_render(live), shown(live)
    assert a.shape == b.shape
    assert (abs(a - b).max(axis=2) > 40).mean() < 0.002


def count_full_draws(live, monkeypatch) -> list[int]:
    """A list that grows by one each time the widget's canvas is drawn in full."""
    calls: list[int] = []
    draw = live.fig.canvas.draw
    monkeypatch.setattr(live.fig.canvas, "draw", lambda *a, **k: calls.append(1) or draw(*a, **k))
    return calls
