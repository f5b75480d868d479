"""Tests for lessonlib.hashed_cross: a deterministic hashed cross as a CSR matrix."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from lessonlib.hashed_cross import hash_buckets, hashed_cross
from lessonlib.wide import cross, lat_lon_buckets


def test_hash_is_deterministic_in_range_and_spreads_neighbours():
    cells = np.arange(100_000)
    h = hash_buckets(cells, bits=12)
    assert h.min() >= 0 and h.max() < 2**12
    assert np.array_equal(h, hash_buckets(cells, bits=12))
    counts = np.bincount(h, minlength=2**12)
    assert counts.max() <= 2 * counts.mean()  # no bucket swamped by consecutive cells
    assert len(set(hash_buckets(np.arange(64), bits=12).tolist())) == 64


@pytest.mark.parametrize("bad", [[-1], [0.5], ["a"]])
def test_hash_rejects_what_is_not_a_cell_index(bad):
    with pytest.raises(ValueError, match="non-negative integers"):
        hash_buckets(np.array(bad), bits=8)


def test_hashed_cross_has_three_ones_per_row_in_the_right_blocks():
    rng = np.random.default_rng(0)
    lat, lon = rng.uniform(-60, 60, 500), rng.uniform(-180, 179, 500)
    hc = hashed_cross(lat, lon, bits=10)
    X = hc.X
    assert sp.isspmatrix_csr(X) or isinstance(X, sp.csr_matrix)
    assert X.shape == (500, 10_800 + 21_600 + 1024)
    assert np.all(X.sum(axis=1).A1 == 3)
    li, lo, n_lat, n_lon = lat_lon_buckets(lat, lon)
    rows = X.tolil().rows
    for r in range(0, 500, 50):
        a, b, c = sorted(rows[r])
        assert a == li[r] and b == n_lat + lo[r]
        assert c == n_lat + n_lon + hash_buckets(cross(li[r:r + 1], lo[r:r + 1], n_lon), 10)[0]
    assert np.array_equal(hc.cells, cross(li, lo, n_lon))


def test_hashed_cross_checks_bits():
    with pytest.raises(ValueError, match="bits"):
        hashed_cross([0.0], [0.0], bits=0)
