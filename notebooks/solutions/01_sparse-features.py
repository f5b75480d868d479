# %% [markdown]
# # Solutions · 01 Sparse features and the price of dimensions
#
# One cell per exercise, with the same `exercise="..."` id as its stub in
# `notebook_src/01_sparse-features.py`. Other correct answers pass the checks too.

# %% tags=["exercise"] exercise="cross-size"
def cross_size(minutes):
    # buckets per feature: the span in minutes of arc divided by the bucket size
    n_lat = round(180 * 60 / minutes)
    n_lon = round(360 * 60 / minutes)
    return n_lat * n_lon  # one cell per (lat bucket, lon bucket) pair


# %% tags=["exercise"] exercise="dense-bytes"
dense_float64_bytes = 10_800 * 21_600 * 8  # 233,280,000 weights x 8 bytes

# %% tags=["exercise"] exercise="sparse-budget"
budget = (233_280_000 * 4) // (8 + 4)  # dense float32 bytes / (int64 index + float32 value)

# %% tags=["exercise"] exercise="l0-midpoint"
a = [3.0, 0.0, 0.0]  # one non-zero
b = [0.0, 0.0, -2.0]  # one non-zero, in another position
