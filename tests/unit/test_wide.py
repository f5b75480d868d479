"""Tests for lessonlib.wide: bucketize, cross and the memory accounting."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessonlib.wide import (
    bucketize,
    cross,
    cross_dimension,
    dense_bytes,
    format_bytes,
    lat_lon_buckets,
    n_buckets,
    populated_cells,
    sparse_bytes,
    uncross,
)

# ---------------------------------------------------------------- the course's facts


def test_minute_buckets_and_their_cross():
    _, _, n_lat, n_lon = lat_lon_buckets([0.0], [0.0], minutes=1)
    assert (n_lat, n_lon) == (10_800, 21_600)
    assert cross_dimension(n_lat, n_lon) == 233_280_000


@pytest.mark.parametrize(
    ("minutes", "n_lat", "n_lon"),
    [(60, 180, 360), (10, 1_080, 2_160), (1, 10_800, 21_600), (1 / 60, 648_000, 1_296_000)],
)
def test_bucket_counts_for_the_widget_sizes(minutes, n_lat, n_lon):
    assert lat_lon_buckets([1.0], [2.0], minutes)[2:] == (n_lat, n_lon)


def test_dense_and_sparse_bytes_match_the_syllabus():
    assert dense_bytes(233_280_000, "float32") == 933_120_000
    assert dense_bytes(233_280_000, "float64") == 1_866_240_000
    assert format_bytes(1_866_240_000) == "1.87 GB"
    assert format_bytes(933_120_000) == "933.1 MB"
    assert sparse_bytes(1, "int32", "float32") == 8
    assert sparse_bytes(1, "int64", "float32") == 12
    assert 80_000 <= sparse_bytes(10_000, "int32") <= sparse_bytes(10_000) <= 120_000


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0 B"), (999, "999 B"), (1000, "1.00 kB"), (999_999, "1.00 MB"), (12_345, "12.3 kB"),
     (3_359_232_000_000, "3.36 TB")],
)
def test_format_bytes(n, text):
    assert format_bytes(n) == text


# ---------------------------------------------------------------- bucketize


def test_bucketize_edges_and_top_edge():
    assert bucketize([0, 9.999, 10, 179.999, 180], 0, 180, 10).tolist() == [0, 0, 1, 17, 17]
    assert bucketize([-90, 90], -90, 90, 1 / 60).tolist() == [0, 10_799]


def test_bucketize_returns_int64_and_keeps_shape():
    out = bucketize(np.zeros((2, 3)), -1, 1, 0.5)
    assert out.dtype == np.int64 and out.shape == (2, 3)


def test_n_buckets_rejects_a_size_that_does_not_divide():
    with pytest.raises(ValueError, match="size 7 does not divide"):
        n_buckets(0, 180, 7)
    with pytest.raises(ValueError, match="7 arcminutes does not divide 180 degrees"):
        lat_lon_buckets([0.0], [0.0], minutes=7)
    with pytest.raises(ValueError, match="high must be larger"):
        n_buckets(1, 1, 1)
    with pytest.raises(ValueError, match="size"):
        n_buckets(0, 1, 0)


def test_bucketize_rejects_values_outside_and_nan():
    with pytest.raises(ValueError, match=r"values must lie in \[0, 10\]; 2 of 3"):
        bucketize([-1, 5, 11], 0, 10, 1)
    with pytest.raises(ValueError, match="NaN"):
        bucketize([np.nan], 0, 10, 1)
    with pytest.raises(TypeError, match="values"):
        bucketize("north", 0, 10, 1)


def test_lat_lon_buckets_names_the_parameter_and_counts_rows():
    with pytest.raises(ValueError, match=r"lat must be in \[-90, 90\] degrees; 2 of 3 rows"):
        lat_lon_buckets([91, 0, -95], [0, 0, 0])
    with pytest.raises(ValueError, match=r"lon must be in \[-180, 180\] degrees; 1 of 2 rows"):
        lat_lon_buckets([0, 0], [0, 200])
    with pytest.raises(ValueError, match=r"lat must be .* 1 of 2 rows are not \(1 NaN"):
        lat_lon_buckets([np.nan, 0], [0, 0])
    with pytest.raises(ValueError, match="lon must be .* 1 of 1 rows"):
        lat_lon_buckets([0], [np.inf])
    with pytest.raises(TypeError, match="lat must be numbers"):
        lat_lon_buckets("north", [0])
    with pytest.raises(ValueError, match="same shape"):
        lat_lon_buckets([0, 1], [0])


def test_lat_lon_buckets_known_place():
    # Paris, 48.8566 N 2.3522 E: 138 full degrees + 51 minutes north of the south pole
    i, j, _, _ = lat_lon_buckets([48.8566], [2.3522])
    assert (int(i[0]), int(j[0])) == ((90 + 48) * 60 + 51, (180 + 2) * 60 + 21)


@given(
    st.lists(st.floats(-90, 90, allow_nan=False), min_size=1, max_size=50),
    st.sampled_from([60.0, 30.0, 10.0, 5.0, 1.0, 0.5, 1 / 60]),
)
def test_bucketize_in_range_and_value_inside_its_bucket(values, minutes):
    size = minutes / 60
    n = n_buckets(-90, 90, size)
    idx = bucketize(values, -90, 90, size)
    assert idx.min() >= 0 and idx.max() < n
    lower = -90 + idx * size
    v = np.asarray(values)
    # each value lies in its bucket (up to rounding of the decimal input)
    assert np.all(v >= lower - 1e-9) and np.all(v <= lower + size + 1e-9)


# ---------------------------------------------------------------- cross


@given(st.integers(1, 30), st.integers(1, 30))
def test_cross_is_a_bijection_on_small_grids(n_i, n_j):
    i, j = np.meshgrid(np.arange(n_i), np.arange(n_j), indexing="ij")
    k = cross(i.ravel(), j.ravel(), n_j)
    assert k.dtype == np.int64
    assert sorted(k.tolist()) == list(range(cross_dimension(n_i, n_j)))
    back_i, back_j = uncross(k, n_j)
    assert np.array_equal(back_i, i.ravel()) and np.array_equal(back_j, j.ravel())


@given(st.integers(0, 10**6), st.integers(1, 10**6), st.data())
def test_cross_matches_python_arithmetic(i, n_j, data):
    j = data.draw(st.integers(0, n_j - 1))
    assert int(cross([i], [j], n_j)[0]) == i * n_j + j


def test_cross_does_not_overflow_silently():
    assert cross_dimension(648_000, 1_296_000) == 839_808_000_000
    assert int(cross([647_999], [1_295_999], 1_296_000)[0]) == 839_808_000_000 - 1
    with pytest.raises(ValueError, match="overflow"):
        cross([2**62], [0], 4)


def test_cross_rejects_bad_indices():
    with pytest.raises(ValueError, match="j must be < n_j"):
        cross([0], [5], 5)
    with pytest.raises(ValueError, match="non-negative"):
        cross([-1], [0], 5)
    with pytest.raises(TypeError, match="whole-number"):
        cross([0.5], [0], 5)
    with pytest.raises(TypeError, match="n_j"):
        cross([0], [0], 2.5)


def test_dtype_arguments_are_checked():
    with pytest.raises(TypeError, match="dtype"):
        dense_bytes(10, "floaty")
    with pytest.raises(ValueError, match="dimension"):
        dense_bytes(-1)
    with pytest.raises(ValueError, match="index_dtype"):
        sparse_bytes(1, index_dtype="bool")


# ---------------------------------------------------------------- populated cells


def test_populated_cells_counts_and_histogram():
    pc = populated_cells([3, 3, 3, 7, 9, 9, 11])
    assert (pc.n_examples, pc.n_cells) == (7, 4)
    assert pc.histogram.tolist() == [0, 2, 1, 1]
    assert pc.cells_with(1, 2) == 3 and pc.cells_with(3) == 1
    assert pc.share_with(1, 1) == pytest.approx(0.5)


@given(st.lists(st.integers(0, 50), max_size=200))
def test_populated_cells_agrees_with_a_counter(indices):
    from collections import Counter

    pc = populated_cells(np.asarray(indices, dtype=np.int64))
    counter = Counter(indices)
    assert pc.n_cells == len(counter) and pc.n_examples == len(indices)
    assert int((pc.histogram * np.arange(pc.histogram.size)).sum()) == len(indices)
    for k in set(counter.values()):
        assert pc.histogram[k] == sum(1 for v in counter.values() if v == k)
