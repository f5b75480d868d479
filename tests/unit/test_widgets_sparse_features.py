"""Tests for lessonlib.widgets.sparse_features: the bucket-size widget of notebook 01."""

from __future__ import annotations

from io import BytesIO

import numpy as np
import pytest
from PIL import Image

from lessonlib.widgets.live import LiveFigure
from lessonlib.widgets.sparse_features import BUCKET_SIZES, bucket_summary, explore_buckets
from lessonlib.world import houses


@pytest.fixture(scope="module")
def sample():
    return houses(5000, seed=0)


@pytest.fixture()
def live(sample):
    return explore_buckets(sample=sample)


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(BytesIO(png)).convert("RGB")).astype(int)


def bar_tops(live) -> list[float]:
    return [bar.get_y() + bar.get_height() for bar in live.panels.bars]


def expected(sample, minutes):
    s = bucket_summary(sample, minutes)
    shares = [100 * s[k] / s["populated"] for k in ("one_or_two", "three_to_nine", "ten_plus")]
    return s, [s["dimension"], s["populated"], s["examples"]], shares


def test_builds_a_live_figure_at_one_minute(live, sample):
    assert isinstance(live, LiveFigure)
    assert live.controls["minutes"].value == 1.0
    assert live.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Run this cell" in repr(live)
    assert "<b>1 minute</b>: 10,800 x 21,600 = <b>233,280,000</b>" in live.readout.value


@pytest.mark.parametrize("label", list(BUCKET_SIZES))
def test_bars_show_the_right_numbers(live, sample, label):
    minutes = BUCKET_SIZES[label]
    live.controls["minutes"].value = minutes
    s, sizes, shares = expected(sample, minutes)
    np.testing.assert_allclose(bar_tops(live), sizes + shares, rtol=1e-12)
    # log panel bars rise from 1 (its bottom), share bars from 0
    assert [bar.get_y() for bar in live.panels.bars] == [1, 1, 1, 0, 0, 0]
    assert live.panels.title.get_text() == (
        f"Buckets of {label}: {s['n_lat']:,} x {s['n_lon']:,} cells")
    assert f"<b>{s['dimension']:,}</b> crossed cells" in live.readout.value
    assert f"{s['populated']:,} cells" in live.readout.value
    assert f"{shares[0]:.0f}% of those hold one or two" in live.readout.value


def test_moving_the_control_changes_picture_and_readout(live):
    control = live.controls["minutes"]
    seen = {(bytes(live.image.value), live.readout.value)}
    for minutes in (60.0, 10.0, 1.0 / 60.0):
        control.value = minutes
        seen.add((bytes(live.image.value), live.readout.value))
    assert len(seen) == 4
    assert len({png for png, _ in seen}) == 4 and len({text for _, text in seen}) == 4


def test_returning_to_a_size_gives_the_same_picture(live):
    control = live.controls["minutes"]
    first = bytes(live.image.value)
    control.value = 60.0
    control.value = 1.0
    assert bytes(live.image.value) == first  # nothing left over from the other bars


def test_blitted_picture_matches_a_fresh_render(live):
    # Only the bars and the title are redrawn on an update; the result must be what a
    # render from scratch shows (no stale bars or title pieces).
    for minutes in (60.0, 1.0 / 60.0, 10.0):
        live.controls["minutes"].value = minutes
        shown = pixels(bytes(live.image.value))
        live.invalidate_background()
        live.refresh()
        fresh = pixels(bytes(live.image.value))
        assert shown.shape == fresh.shape
        assert (abs(fresh - shown).max(axis=2) > 40).mean() < 0.002


def test_only_bars_and_title_are_animated(live):
    assert all(bar.get_animated() for bar in live.panels.bars)
    assert live.panels.title.get_animated()
    assert not any(ax.get_animated() for ax in live.fig.axes)


def test_the_bars_move_in_the_picture(live):
    before = pixels(bytes(live.image.value))
    live.controls["minutes"].value = 1.0 / 60.0
    after = pixels(bytes(live.image.value))
    changed = (before != after).any(axis=2)
    # the cross bar grows by seven orders of magnitude: a tall band of pixels changes
    assert changed.sum() > 2000


def test_bad_sample():
    with pytest.raises(TypeError, match="Houses"):
        explore_buckets(sample="houses")
    with pytest.raises(TypeError, match="Houses"):
        bucket_summary("houses", 60.0)
