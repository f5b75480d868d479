"""Tests for lessonlib.wide: the sparse FTRL-Proximal model over crossed features."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessonlib import wide as wm
from lessonlib.wide import WideData, WideModel, evaluate, ftrl, train_ftrl


def _tiny(n_per_cell: int = 400, seed: int = 0) -> tuple[WideData, np.ndarray]:
    """A 2 x 2 cross whose cells have positive rates 0.2, 0.5, 0.7, 0.9 (exactly)."""
    rates = np.array([0.2, 0.5, 0.7, 0.9])
    lat, lon, y = [], [], []
    for cell, rate in enumerate(rates):
        k = int(round(rate * n_per_cell))
        lat += [cell // 2] * n_per_cell
        lon += [cell % 2] * n_per_cell
        y += [1] * k + [0] * (n_per_cell - k)
    return WideData.from_buckets(np.array(lat), np.array(lon), 2, 2, np.array(y)), rates


def _random_data(n: int, n_lat: int, n_lon: int, seed: int) -> WideData:
    rng = np.random.default_rng(seed)
    i = rng.integers(0, n_lat, n)
    j = rng.integers(0, n_lon, n)
    logit = np.sin(i) + np.cos(2.0 * j) + rng.normal(0, 1, n)
    return WideData.from_buckets(i, j, n_lat, n_lon, logit > 0)


# ----------------------------------------------------------------------------- layout


def test_index_space_at_minute_resolution():
    assert wm.index_space_size(10_800, 21_600) == 10_800 + 21_600 + 233_280_000


def test_feature_indices_are_offset_into_one_space():
    idx = wm.feature_indices(np.array([1, 0]), np.array([2, 0]), 2, 3)
    # lat bucket, then 2 + lon bucket, then 2 + 3 + (i * 3 + j)
    assert idx.tolist() == [[1, 4, 10], [0, 2, 5]]
    assert idx.max() < wm.index_space_size(2, 3)


# ----------------------------------------------------------------------------- optimum


def test_tiny_cross_reaches_the_known_optimum():
    # With no penalty the crossed cells can fit each cell's rate: the log-loss optimum
    # predicts exactly the empirical rate in every cell.
    data, rates = _tiny()
    # full-batch FTRL: deterministic, so the tolerance can be tight
    model = train_ftrl(data, l1=0.0, l2=0.0, epochs=300, batch_size=len(data),
                       progress=False).model
    probe = WideData.from_buckets(np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1]), 2, 2,
                                  np.zeros(4))
    np.testing.assert_allclose(model.predict_proba(probe), rates, atol=1e-4)
    entropy = -np.mean(rates * np.log(rates) + (1 - rates) * np.log(1 - rates))
    assert evaluate(model, data).log_loss == pytest.approx(entropy, abs=1e-6)


def test_huge_l1_leaves_only_the_bias_at_the_base_rate():
    data, rates = _tiny()
    model = train_ftrl(data, l1=1e9, epochs=30, batch_size=64, progress=False).model
    assert model.nnz == 0
    base = rates.mean()
    assert float(model.bias[0]) == pytest.approx(np.log(base / (1 - base)), abs=0.05)


# ----------------------------------------------------------------------------- lazy == eager


def _dense_ftrl(data: WideData, l1, l2, alpha, beta, batch_size, epochs):
    """Reference: every coordinate of the whole index space is updated at every batch."""
    dim = data.dimension
    z, n = np.zeros(dim + 1), np.zeros(dim + 1)  # last coordinate: the bias
    x_all = np.zeros((len(data), dim + 1))
    np.put_along_axis(x_all, data.indices, 1.0, axis=1)
    x_all[:, dim] = 1.0
    lam1 = np.full(dim + 1, l1)
    lam2 = np.full(dim + 1, l2)
    lam1[dim] = lam2[dim] = 0.0

    def weights():
        w = -(z - np.sign(z) * lam1) / ((beta + np.sqrt(n)) / alpha + lam2)
        w[np.abs(z) <= lam1] = 0.0
        return w

    for _ in range(epochs):
        for lo in range(0, len(data), batch_size):
            x = x_all[lo:lo + batch_size]
            w = weights()
            p = 1 / (1 + np.exp(-(x @ w)))
            g = x.T @ (p - data.y[lo:lo + batch_size])   # zero for untouched coordinates
            sigma = (np.sqrt(n + g * g) - np.sqrt(n)) / alpha
            z += g - sigma * w
            n += g * g
    w = weights()
    return w[:dim], float(w[dim])


@pytest.mark.parametrize(("l1", "l2", "batch_size"), [(0.5, 0.0, 1), (2.0, 0.1, 7), (0.0, 1.0, 32)])
def test_lazy_updates_equal_eager_dense_updates(l1, l2, batch_size):
    data = _random_data(300, 3, 4, seed=1)
    ref_w, ref_b = _dense_ftrl(data, l1, l2, 0.7, 1.0, batch_size, epochs=2)
    model = train_ftrl(data, l1=l1, l2=l2, alpha=0.7, beta=1.0, batch_size=batch_size,
                       epochs=2, shuffle=False, progress=False).model
    got = model.weights_at(np.arange(data.dimension))
    np.testing.assert_allclose(got, ref_w.astype(np.float32), rtol=1e-6, atol=1e-7)
    assert float(model.bias[0]) == pytest.approx(ref_b, rel=1e-9, abs=1e-12)
    # a weight the reference sets to exactly zero is not stored at all
    assert set(model.indices.tolist()) == set(np.flatnonzero(ref_w.astype(np.float32)).tolist())


# ----------------------------------------------------------------------------- sparsity


def test_l1_gives_exact_zeros_and_l2_keeps_every_touched_weight():
    data = _random_data(5000, 20, 30, seed=2)
    l1 = train_ftrl(data, l1=3.0, progress=False).model
    l2 = train_ftrl(data, l1=0.0, l2=1.0, progress=False).model
    touched = np.unique(data.indices).size
    assert l2.n_touched == l1.n_touched == touched
    assert l2.nnz == touched
    assert 0 < l1.nnz < touched // 2
    assert np.all(l1.values != 0)
    # every touched coordinate that is not stored reads back as exactly 0.0
    dropped = np.setdiff1d(np.unique(data.indices), l1.indices)
    assert dropped.size == touched - l1.nnz
    assert np.all(l1.weights_at(dropped) == 0.0)


def test_stronger_l1_keeps_fewer_weights():
    data = _random_data(5000, 20, 30, seed=3)
    sizes = [train_ftrl(data, l1=v, progress=False).model.nnz for v in (0.0, 1.0, 10.0, 100.0)]
    assert sizes[0] > sizes[-1]
    assert sizes[-1] <= sizes[1]


# ----------------------------------------------------------------------------- memory


def test_memory_accounting_equals_the_bytes_actually_stored():
    data = _random_data(3000, 10, 10, seed=4)
    model = train_ftrl(data, l1=1.0, progress=False).model
    stored = sum(getattr(model, f.name).nbytes for f in dataclasses.fields(model)
                 if isinstance(getattr(model, f.name), np.ndarray))
    assert model.nbytes == stored
    # int32 index + float32 value per non-zero, plus the float64 bias
    assert model.indices.dtype == np.int32 and model.values.dtype == np.float32
    assert model.nbytes == 8 * model.nnz + 8


def test_index_dtype_grows_when_the_space_needs_it():
    # 50,000 x 50,000 cells do not fit int32
    data = WideData.from_buckets(np.array([49_999, 0]), np.array([49_999, 1]), 50_000, 50_000,
                                 np.array([1, 0]))
    model = train_ftrl(data, l1=0.0, progress=False).model
    assert model.indices.dtype == np.int64
    assert model.weights_at(data.indices).shape == (2, 3)


def test_peak_memory_is_measured_when_asked():
    data = _random_data(2000, 10, 10, seed=5)
    assert train_ftrl(data, progress=False).peak_bytes is None
    peak = train_ftrl(data, progress=False, measure_memory=True).peak_bytes
    assert isinstance(peak, int) and peak > data.indices.nbytes


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 50), min_size=1, max_size=20, unique=True),
       st.lists(st.integers(0, 60), min_size=1, max_size=30))
def test_weights_at_matches_a_dictionary_lookup(stored, queries):
    idx = np.array(sorted(stored), dtype=np.int32)
    vals = np.arange(1, idx.size + 1, dtype=np.float32)
    model = WideModel(idx, vals, np.zeros(1), n_lat=5, n_lon=9)
    table = dict(zip(idx.tolist(), vals.tolist(), strict=True))
    assert model.weights_at(np.array(queries)).tolist() == [table.get(q, 0.0) for q in queries]


# ----------------------------------------------------------------------------- evaluation


def test_log_loss_and_accuracy_are_computed_not_assumed():
    assert wm.log_loss([1, 0], [0.5, 0.5]) == pytest.approx(np.log(2))
    assert wm.log_loss([1, 0], [0.9, 0.2]) == pytest.approx(-(np.log(0.9) + np.log(0.8)) / 2)
    model = WideModel(np.array([2], np.int32), np.array([3.0], np.float32), np.zeros(1), 2, 2)
    data = WideData.from_buckets(np.array([0, 1]), np.array([0, 1]), 2, 2, np.array([1, 1]))
    # example 0 touches coordinate 2 (lon bucket 0): score 3; example 1 touches none: 0
    assert evaluate(model, data).accuracy == 1.0
    expected = -(np.log(1 / (1 + np.exp(-3.0))) + np.log(0.5)) / 2
    assert evaluate(model, data).log_loss == pytest.approx(expected)


def test_sweep_rows_and_table():
    data = _random_data(2000, 8, 8, seed=6)
    train, val = data.split(0.25, seed=0)
    rows = wm.sweep(train, val, [0.0, 1e9], progress=False)
    assert [r["penalty"] for r in rows] == ["L1", "L1", "L2"]
    assert rows[1]["nnz"] == 0 and rows[2]["nnz"] == np.unique(train.indices).size
    text = wm.sweep_table(rows)
    assert text.count("\n") == 3 and "non-zeros" in text


# ----------------------------------------------------------------------------- progress


def test_no_progress_bar_outside_a_notebook(capsys):
    data = _random_data(500, 4, 4, seed=7)
    train_ftrl(data, progress=None)
    train_ftrl(data, progress=False)
    assert capsys.readouterr().err == ""
    train_ftrl(data, progress=True)
    assert "houses" in capsys.readouterr().err


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"l1": -1.0}, "l1"),
        ({"l2": float("nan")}, "l2"),
        ({"alpha": 0.0}, "alpha"),
        ({"epochs": 0}, "epochs"),
        ({"batch_size": 0}, "batch_size"),
    ],
)
def test_train_rejects_bad_options(kwargs, match):
    data = _random_data(50, 2, 2, seed=8)
    with pytest.raises(ValueError, match=match):
        train_ftrl(data, progress=False, **kwargs)


def test_train_rejects_what_is_not_data():
    with pytest.raises(TypeError, match="WideData"):
        train_ftrl(np.zeros((3, 3)), progress=False)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (([0, 2], [0, 0], 2, 2, [0, 1]), r"lat_idx must be in \[0, 1\]"),
        (([0, 1], [0, -1], 2, 2, [0, 1]), "lon_idx"),
        (([0, 1], [0], 2, 2, [0, 1]), "same length"),
        (([], [], 2, 2, []), "empty"),
        (([0, 1], [0, 1], 2, 2, [0, 2]), "0/1"),
        (([0, 1], [0, 1], 2, 2, [1]), "one label per example"),
    ],
)
def test_from_buckets_rejects_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        WideData.from_buckets(*args)


def test_from_buckets_rejects_float_buckets():
    with pytest.raises(TypeError, match="whole numbers"):
        WideData.from_buckets(np.array([0.5]), np.array([0]), 2, 2, [1])


def test_model_and_data_layouts_must_agree():
    model = WideModel(np.array([], np.int32), np.array([], np.float32), np.zeros(1), 2, 2)
    data = WideData.from_buckets(np.array([0]), np.array([0]), 3, 2, [1])
    with pytest.raises(ValueError, match="same bucket size"):
        model.predict_proba(data)


def test_split_validates_its_share():
    data = _random_data(10, 2, 2, seed=9)
    with pytest.raises(ValueError, match="validation"):
        data.split(1.5)
    with pytest.raises(ValueError, match="empty part"):
        data.split(0.01)


# ----------------------------------------------------------------------------- encode


def test_encode_puts_a_minute_in_its_bucket():
    data = wm.encode(np.array([0.0, -89.99]), np.array([0.0, 179.99]), np.array([1, 0]))
    assert (data.n_lat, data.n_lon) == (10_800, 21_600)
    assert data.indices[0, 0] == 5400 and data.indices[0, 1] == 10_800 + 10_800
    assert data.indices[1, 0] == 0 and data.indices[1, 1] == 10_800 + 21_599
    assert data.n_dropped == 0


@pytest.mark.parametrize(
    ("lat", "lon", "match"),
    [
        ([91.0], [0.0], r"lat must be in \[-90, 90\]"),
        ([0.0], [-180.5], r"lon must be in \[-180, 180\]"),
        ([0.0, np.inf], [0.0, 0.0], "lat"),
        ([], [], "empty"),
    ],
)
def test_encode_rejects_out_of_range_or_empty(lat, lon, match):
    with pytest.raises(ValueError, match=match):
        wm.encode(np.array(lat), np.array(lon), np.zeros(len(lat)))


def test_encode_nan_rows_raise_with_a_count_or_are_dropped_and_counted():
    lat = np.array([1.0, np.nan, 2.0, 3.0])
    lon = np.array([1.0, 1.0, np.nan, 3.0])
    with pytest.raises(ValueError, match="2 of 4 rows"):
        wm.encode(lat, lon, np.zeros(4))
    data = wm.encode(lat, lon, np.array([1, 0, 0, 1]), nan_policy="drop")
    assert len(data) == 2 and data.n_dropped == 2 and data.y.tolist() == [1.0, 1.0]


@pytest.mark.parametrize("minutes", [7.0, 0.7, 11.0])
def test_encode_rejects_a_bucket_that_does_not_divide_the_circle(minutes):
    with pytest.raises(ValueError, match="does not divide"):
        wm.encode(np.zeros(2), np.zeros(2), np.zeros(2), minutes=minutes)


def test_encode_accepts_coarser_buckets():
    data = wm.encode(np.array([10.0]), np.array([20.0]), np.array([1]), minutes=60.0)
    assert (data.n_lat, data.n_lon) == (180, 360)


# ----------------------------------------------------------------------------- shared batches


def _same_model(a: WideModel, b: WideModel) -> bool:
    return (np.array_equal(a.indices, b.indices) and np.array_equal(a.values, b.values)
            and np.array_equal(a.bias, b.bias) and a.n_touched == b.n_touched
            and a.extra == b.extra)


@pytest.mark.parametrize("options", [{}, {"epochs": 2, "alpha": 0.5, "batch_size": 7},
                                     {"shuffle": False, "beta": 2.0, "seed": 3}])
def test_sweep_models_equal_models_trained_alone(options):
    # sweep trains all its models on shared mini-batches; each must be bit for bit the
    # model train_ftrl makes on its own, and scored as evaluate scores it
    train, val = _random_data(3000, 9, 7, seed=11).split(0.3, seed=1)
    rows = wm.sweep(train, val, [0.0, 0.5, 2.0, 1e9], l2_reference=0.7, progress=False,
                    **options)
    settings = [(0.0, 0.0), (0.5, 0.0), (2.0, 0.0), (1e9, 0.0), (0.0, 0.7)]
    for row, (l1, l2) in zip(rows, settings, strict=True):
        alone = train_ftrl(train, l1=l1, l2=l2, progress=False, **options).model
        assert _same_model(row["model"], alone)
        ev = evaluate(alone, val)
        assert row["val_log_loss"] == ev.log_loss and row["val_accuracy"] == ev.accuracy
    assert rows[3]["nnz"] == 0 and rows[0]["nnz"] > rows[1]["nnz"] > rows[2]["nnz"] > 0


def test_pass_curve_equals_training_for_that_many_passes():
    train, val = _random_data(2000, 6, 6, seed=12).split(0.25, seed=2)
    rows = wm.pass_curve(train, val, 3, l1=0.5, progress=False, batch_size=16)
    assert [r["passes"] for r in rows] == [1, 2, 3]
    for r in rows:
        alone = train_ftrl(train, l1=0.5, epochs=r["passes"], progress=False,
                           batch_size=16).model
        assert _same_model(r["model"], alone)
        assert r["val_log_loss"] == evaluate(alone, val).log_loss


def test_pass_curve_rejects_epochs_and_bad_passes():
    data = _random_data(100, 3, 3, seed=13)
    with pytest.raises(TypeError, match="max_passes"):
        wm.pass_curve(data, data, 2, epochs=2, progress=False)
    with pytest.raises(ValueError, match="max_passes"):
        wm.pass_curve(data, data, 0, progress=False)


def test_touched_coordinates_are_numpys_unique():
    for data in (_random_data(5000, 40, 30, seed=14),
                 WideData(np.array([[5, 1, 9], [0, 7, 2]]), np.array([1.0, 0.0]), 3, 4)):
        touched, inverse = ftrl._touched(data)  # the second is not in the usual layout
        want, want_inv = np.unique(data.indices, return_inverse=True)
        assert np.array_equal(touched, want)
        assert np.array_equal(inverse, want_inv.reshape(data.indices.shape))


def test_ftrl_weights_is_exactly_zero_inside_the_toll_and_soft_thresholds_outside():
    z = np.array([-3.0, -1.0, 0.0, 0.99, 1.0, 2.5])
    n = np.array([4.0, 1.0, 0.0, 9.0, 16.0, 0.0])
    w = wm.ftrl_weights(z, n, l1=1.0, l2=0.5, alpha=2.0, beta=1.0)
    assert np.all(w[1:5] == 0.0)
    assert w[0] == pytest.approx(2.0 / (3.0 / 2.0 + 0.5))     # -(-3 + 1) / ((1 + 2)/2 + 0.5)
    assert w[5] == pytest.approx(-1.5 / (1.0 / 2.0 + 0.5))    # -(2.5 - 1) / ((1 + 0)/2 + 0.5)
    # 2011's cumulative toll t * lam is the same function with l1 = t * lam
    assert np.array_equal(wm.ftrl_weights(z, n, 3 * 0.5), wm.ftrl_weights(z, n, 1.5))
