"""Tests for lessonlib.world: the places table and the generated houses."""

from __future__ import annotations

import numpy as np
import pytest

from lessonlib.wide import cross, lat_lon_buckets, populated_cells
from lessonlib.world import EXPENSIVE_THRESHOLD, Houses, houses, load_places, spread_km


def test_places_table_is_compact_and_sane():
    p = load_places()
    assert len(p) == p.lon.size == p.population.size == p.country.size
    assert 60_000 < len(p) < 80_000
    assert p.lat.dtype == np.float32 and p.population.dtype == np.uint32
    assert int(p.population.min()) >= 5000
    assert np.all(np.abs(p.lat) <= 90) and np.all(np.abs(p.lon) <= 180)
    assert "GeoNames" in p.source and "CC BY 4.0" in p.source
    with pytest.raises(ValueError):
        p.lat[0] = 0.0  # read-only: the cached table cannot be changed by accident


def test_places_file_is_small():
    from lessonlib import world

    assert world._DATA.stat().st_size < 1_500_000


def test_houses_types_shapes_and_ranges():
    h = houses(20_000, seed=3)
    assert isinstance(h, Houses) and len(h) == 20_000
    for arr in (h.lat, h.lon, h.price):
        assert arr.dtype == np.float64 and arr.shape == (20_000,)
        assert np.all(np.isfinite(arr))
    assert h.expensive.dtype == bool
    assert np.all(np.abs(h.lat) <= 90) and np.all(h.lon >= -180) and np.all(h.lon < 180)
    assert np.all(h.price > 0)
    assert np.array_equal(h.expensive, h.price > EXPENSIVE_THRESHOLD)


def test_houses_are_seeded():
    a, b, c = houses(5000, seed=1), houses(5000, seed=1), houses(5000, seed=2)
    assert np.array_equal(a.lat, b.lat) and np.array_equal(a.price, b.price)
    assert not np.array_equal(a.lat, c.lat)


def test_positive_rate_is_between_30_and_50_percent():
    rate = houses(200_000, seed=0).expensive.mean()
    assert 0.30 <= rate <= 0.50


def test_houses_follow_population():
    """The most populous places get the most houses, and oceans stay empty."""
    p = load_places()
    h = houses(300_000, seed=0)
    per_place = np.bincount(h.place, minlength=len(p))
    big = np.argsort(p.population)[-50:]
    small = np.argsort(p.population)[:5000]
    assert per_place[big].mean() > 50 * per_place[small].mean()
    # a box in the middle of the Pacific (no town within hundreds of km)
    pacific = (np.abs(h.lat - (-30)) < 5) & (np.abs(h.lon - (-130)) < 5)
    assert pacific.sum() == 0


def test_houses_stay_near_their_place():
    p = load_places()
    h = houses(50_000, seed=0)
    km = 111.32 * np.abs(h.lat - p.lat[h.place])
    assert np.all(km < 8 * spread_km(p.population[h.place]) + 1)


def test_fine_location_predicts_expensive():
    """What notebook 07 relies on: minute-cross cells learned on one sample predict another."""
    train, valid = houses(400_000, seed=11), houses(100_000, seed=12)

    def cells(h):
        i, j, _, n_lon = lat_lon_buckets(h.lat, h.lon, 1)
        return cross(i, j, n_lon)

    c_tr, c_va = cells(train), cells(valid)
    ids, inv = np.unique(c_tr, return_inverse=True)
    n = np.bincount(inv)
    pos = np.bincount(inv, weights=train.expensive)
    base = train.expensive.mean()
    p_cell = (pos + 2 * base) / (n + 2)  # smoothed rate per cell
    at = np.clip(np.searchsorted(ids, c_va), 0, ids.size - 1)
    seen = ids[at] == c_va
    p = np.clip(np.where(seen, p_cell[at], base), 1e-6, 1 - 1e-6)
    y = valid.expensive

    def log_loss(q):
        return -np.mean(y * np.log(q) + (1 - y) * np.log(1 - q))

    assert log_loss(p) < log_loss(np.full(y.size, base)) - 0.08
    assert seen.mean() > 0.5


def test_most_populated_cells_see_one_or_two_houses():
    h = houses(200_000, seed=0)
    i, j, n_lat, n_lon = lat_lon_buckets(h.lat, h.lon, 1)
    pc = populated_cells(cross(i, j, n_lon))
    assert pc.n_cells / (n_lat * n_lon) < 0.01
    assert pc.share_with(1, 2) > 0.5


def test_a_million_houses():
    # how fast and how much memory: benchmarks/bench_wide_model.py ("prepare", peak RSS)
    h = houses(1_000_000, seed=0)
    assert len(h) == 1_000_000
    assert np.all(np.isfinite(h.lat)) and np.all(np.isfinite(h.lon))


@pytest.mark.parametrize(("n", "seed"), [(0, 0), (-5, 0), (10, -1)])
def test_bad_arguments_raise_value_errors(n, seed):
    with pytest.raises(ValueError, match="n must|seed must"):
        houses(n, seed=seed)


@pytest.mark.parametrize("n", [2.5, "100", True])
def test_non_integer_n_raises_type_error(n):
    with pytest.raises(TypeError, match="n must be a whole number"):
        houses(n)
