# %% [markdown]
# # Solutions · 01 Sparse features and the price of dimensions
#
# One cell per exercise, with the same `exercise="..."` id as its stub in
# `notebook_src/01_sparse-features.py`. Other correct answers pass the checks too.

# %% exercise="best-lambda"
# Small enough to follow the curve, large enough to tame the weights.
best_lambda = 0.01

# %% exercise="smaller-l1"
# |0.1| + |0.1| = 0.2 < |1000| + |0| = 1000
smaller = "(0.1, 0.1)"

# %% exercise="which-zero"
# The diamond's corner sits on the w1 axis; the disc has no corner.
which_zero = "L1"

# %% tags=["exercise"] exercise="first-zero"
# Read off the widget: w2 first shows 0 at 0.64 (exactly 0.634 by axis_intervals).
first_zero = 0.77

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

# %% exercise="one-or-two"
# About two houses per populated cell on average, and the city cells hold dozens.
one_or_two = "over 50%"

# %% tags=["exercise"] exercise="bucket-task"
# 10 minutes: about 40% hold one or two; 1 minute: about 76%.
bucket_answer = "1 minute"

# %% exercise="midpoint-count"
# (0.5, 0.5): both entries non-zero
midpoint_count = 2

# %% tags=["exercise"] exercise="l0-midpoint"
a = [3.0, 0.0, 0.0]  # one non-zero
b = [0.0, 0.0, -2.0]  # one non-zero, in another position
