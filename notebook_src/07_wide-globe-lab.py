# %% [markdown]
# # 07 · Lab: a wide model of the whole globe
#
# Notebook 01 priced a model of *where* a house is: latitude and longitude by the minute
# of arc, crossed into 233,280,000 cells, one weight each. Here we train it on a million
# houses without building that weight vector; L1 decides which weights are kept.
#
# **What you will learn:** how little of a crossed space data touches; FTRL-Proximal,
# whose closed form sets weights to exactly 0; what one pass does before any L1; and how to
# trade model size against validation loss.
#
# **Time:** about 50 minutes, deep dives extra. **Prerequisites:**
# [01 · Sparse features](01_sparse-features.ipynb) (crosses) and
# [03 · L1 zeroing](03_l1-zeroing.ipynb) (soft-thresholding). The kernel peaks near 0.4 GB.

# %%
# %matplotlib inline
import resource
import sys

import numpy as np

import lessonlib
from lessonlib import wide
from lessonlib.checks.wide_lab import (MAX_LOG_LOSS, MAX_NONZEROS, check_challenge,
                                       check_fewest_houses, check_first_to_go, check_ftrl_weights,
                                       check_more_passes)
from lessonlib.plots import wide as figures
from lessonlib.world import EXPENSIVE_THRESHOLD, houses

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

# %% [markdown]
# ## 1. A million houses
#
# `lessonlib.world` places generated houses around the 68,825 towns of at least 5,000
# people (GeoNames data, CC BY 4.0, shipped with the course), in proportion to their
# population. A price depends on country, town, distance to the centre and noise. We
# predict one label: is the price above the world's "expensive" threshold? A fifth of the
# houses, chosen at random, are held out for validation.

# %%
world = houses(1_250_000, seed=0)
data = wide.encode(world.lat, world.lon, world.expensive)
train, val = data.split(validation=0.2, seed=0)

print(f"houses: {len(data):,}; expensive (above ${EXPENSIVE_THRESHOLD:.0f}k): "
      f"{data.y.mean():.1%}")
print(f"training: {len(train):,} houses; validation: {len(val):,} houses")
base = wide.log_loss(val.y, np.full(len(val), train.y.mean()))
print(f"log loss of a model that knows only the share of expensive houses: {base:.4f}")

# %% [markdown]
# Log loss averages $-\log p$ over expensive houses and $-\log(1-p)$ over the others
# ($p$: the predicted probability); lower is better. 0.676 is the number to beat: anything
# below it is knowledge about *where*.

# %% [markdown]
# ## 2. Three features per house, in a space of 233 million
#
# Each house switches on three one-hot features: its latitude bucket, its longitude bucket
# and their crossed cell, numbered in one index space. A house is stored as three integers.

# %%
n_cells = wide.cross_dimension(train.n_lat, train.n_lon)
print(f"latitude buckets: {train.n_lat:,}; longitude buckets: {train.n_lon:,}")
print(f"crossed cells: {n_cells:,}; all coordinates of the model: {train.dimension:,} "
      "(plus a bias)")
print("the first two training houses, as coordinates:")
print(train.indices[:2])

# %% [markdown]
# What share of the 233,280,000 crossed cells does at least one of the million training
# houses reach? Guess before you run the next cell: under 1%, about 10% or about half?

# %%
pc = wide.populated_cells(train.indices[:, 2])
print(f"cells with at least one training house: {pc.n_cells:,} of {n_cells:,} "
      f"({pc.n_cells / n_cells:.3%})")
print(f"of those cells, {pc.share_with(1, 1):.0%} hold a single house and "
      f"{pc.share_with(1, 2):.0%} hold one or two")

# %% [markdown]
# Under 1%: a million houses reach at most a million cells, and they crowd into towns
# (10% or half would be 23 or 117 million cells). An untouched weight gets no gradient and
# stays exactly 0 under any penalty, so it is never stored. And a weight learned from one
# house is mostly that house's noise.

# %% [markdown]
# ## 3. FTRL-Proximal: L1 with a closed-form zero
#
# SGD with an L1 term makes a weight hop across 0 (notebook 03). FTRL-Proximal (McMahan et al., *Ad click prediction: a view from the trenches*, 2013)
# keeps two numbers per coordinate $i$ instead of the weight: $z_i$, the running sum of its
# gradients (with a small correction), and $n_i$, the sum of their squares, which sets a
# learning rate $\alpha / (\beta + \sqrt{n_i})$: busy coordinates take small steps. The
# weight is computed when needed:
#
# $$
# w_i = \begin{cases} 0 & \text{if } |z_i| \le \lambda_1, \\[4pt]
# -\dfrac{z_i - \operatorname{sign}(z_i)\,\lambda_1}{(\beta + \sqrt{n_i})/\alpha + \lambda_2}
# & \text{otherwise.} \end{cases}
# $$
#
# The first line is a toll: a coordinate keeps a weight only when its summed evidence
# $|z_i|$ exceeds $\lambda_1$. The second is soft-thresholding, scaled by the learning
# rate; the L2 strength $\lambda_2$ only enlarges the denominator. (Its derivation, and an
# exercise writing it, are a deep dive after section 7.)

# %% [markdown]
# `wide.train_ftrl` applies that rule to mini-batches of 1,024 houses, one pass over the
# training data. Train with $\lambda_1 = 3$ (time and memory depend on your machine):

# %% tags=["nbval-ignore-output"]
result = wide.train_ftrl(train, l1=3.0, measure_memory=True)
print(f"trained on {len(train):,} houses in {result.seconds:.1f} s")

# %%
model = result.model
split = model.nonzeros_by_feature()
ev = wide.evaluate(model, val)
print(f"coordinates touched by the training data: {model.n_touched:,}")
print(f"non-zero weights kept: {model.nnz:,} (latitude {split['lat']:,}, "
      f"longitude {split['lon']:,}, crossed cells {split['cross']:,})")
print(f"validation log loss: {ev.log_loss:.4f}; accuracy: {ev.accuracy:.1%}")

# %% [markdown]
# A house's gradient $p - y$ lies between $-1$ and $1$, and while a weight is 0 the
# correction adds nothing. So in one pass a cell's $|z|$ is at most its number of houses.
#
# **Predict:** at $\lambda_1 = 3$, what is the fewest training houses in a crossed cell
# that keeps a weight? A whole number.

# %% tags=["predict"] exercise="fewest-houses"
fewest_answer = ...

# %%
check_fewest_houses(fewest_answer)

# %%
cells_kept = model.indices[model.indices >= train.n_lat + train.n_lon]
cell_ids, cell_counts = np.unique(train.indices[:, 2], return_counts=True)
houses_per_kept_cell = cell_counts[np.searchsorted(cell_ids, cells_kept)]
print(f"crossed cells that keep a weight: {cells_kept.size:,}")
print(f"training houses in them: at least {houses_per_kept_cell.min()}, "
      f"median {np.median(houses_per_kept_cell):.0f}")

# %% [markdown]
# Four. One, two or three houses give $|z| \le 3$: inside the toll, whatever their labels.
# Four can pay it when they agree. The toll is paid in houses.

# %% [markdown]
# ## 4. One pass already regularises
#
# Take away L1 ($\lambda_1 = 0$). A cell seen by one house took one step, of size at most
# $\alpha / (\beta + 1) = 0.5$ with the defaults: its weight stays small. Is that model
# held back, or has it fitted the training houses as closely as it can?
#
# **Predict:** with more passes over the same training houses, does the validation loss
# of the $\lambda_1 = 0$ model `"fall"`, `"stay"` or `"rise"`?

# %% tags=["predict"] exercise="more-passes"
passes_answer = ...

# %%
check_more_passes(passes_answer)

# %%
curve = wide.pass_curve(train, val, 3)  # the lambda_1 = 0 model, scored after each pass
once = cell_ids[cell_counts == 1]  # cells with a single training house
print(f"{'passes':>6}  {'val log loss':>12}  {'|w| of one-house cells: mean':>28}  {'max':>5}")
for r in curve:
    w_once = np.abs(r["model"].weights_at(once))
    print(f"{r['passes']:>6}  {r['val_log_loss']:>12.4f}  {w_once.mean():>28.3f}  "
          f"{w_once.max():>5.3f}")

# %% [markdown]
# It falls: 0.471 after one pass, 0.448 after three. After one pass no one-house weight
# reaches 0.5; with each pass they grow. Not "stay": each pass adds the gradients to $z$
# again. Not "rise": one pass left the model under-fitted, its rare weights shrunk by
# their learning rates and by stopping early. So the $\lambda_1 = 0$ model below is
# not an unregularised model: it is already regularised.

# %% [markdown]
# ## 5. The sweep: how many weights is a good model worth?
#
# Now one model per $\lambda_1$ from 0 to 100, and an L2 model ($\lambda_1 = 0$,
# $\lambda_2 = 1$), one pass each, all trained together on the same mini-batches.
#
# **Predict:** as $\lambda_1$ grows, which weights go first: `"latitude"` buckets,
# `"longitude"` buckets or crossed `"cells"`?

# %% tags=["predict"] exercise="first-to-go"
first_answer = ...

# %%
check_first_to_go(first_answer)

# %% tags=["nbval-ignore-output"]
rows = wide.sweep(train, val, [0, 1, 3, 10, 30, 100], l2_reference=1.0)

# %%
print(wide.sweep_table(rows))

# %% [markdown]
# Cells go first: 339,433 at $\lambda_1 = 0$, 28 at 10, none from 30 on. A cell holds a
# few houses; a latitude band circles the globe and collects thousands, so 269 bands still
# pay a toll of 100. L2 keeps all 361,300 touched weights (notebook 02).

# %%
fig = figures.plot_sweep(rows, max_nonzeros=MAX_NONZEROS, max_log_loss=MAX_LOG_LOSS)
fig

# %% [markdown]
# Vermillion points: L1 models, labelled with $\lambda_1$; blue square: L2. Fewer weights
# always cost some loss: a trade-off, not a valley. No model reaches the green box, the
# challenge of section 7.
#
# Do not read this as "sparse is worse": the $\lambda_1 = 0$ model is already regularised
# (section 4), and L1 is a second brake on top. It buys size: at $\lambda_1 = 10$, 49 times
# smaller for 0.08 more loss.

# %%
maps = {"L2 model (l2 = 1)": rows[-1]["model"], "L1 model (l1 = 3)": rows[2]["model"]}
fig = figures.plot_weight_map(maps)
fig

# %% [markdown]
# Each square is one degree by one, coloured by how many of its cells keep a weight
# (grey: none). L2's map is where people live; L1 keeps cells only where one cell holds
# enough houses to pay the toll.

# %% [markdown]
# ## 6. Memory at inference: dense against sparse
#
# A dense model holds a float32 for each crossed cell; we compute its size rather than
# allocate half of Binder's 2 GB. The sparse model holds an int32 index and a float32
# value per non-zero weight, plus a float64 bias.

# %%
dense = wide.dense_bytes(n_cells, "float32")
print(f"dense float32 vector over the crossed cells: {dense:,} bytes "
      f"= {wide.format_bytes(dense)}")
for r in rows:
    m = r["model"]
    assert m.nbytes == m.indices.nbytes + m.values.nbytes + m.bias.nbytes
    assert m.nbytes == wide.sparse_bytes(m.nnz, m.indices.dtype, m.values.dtype) + 8
    print(f"{r['penalty']} {r['strength']:>5g}: {m.nnz:>7,} non-zeros, "
          f"{wide.format_bytes(m.nbytes):>8} stored, {dense / m.nbytes:>9,.0f}x smaller")

# %% [markdown]
# Even L2 is 300 times smaller than dense: untouched cells are never stored. L1 shrinks it
# 4 to 800 times more. Training also holds the houses and FTRL's $z$ and $n$:

# %% tags=["nbval-ignore-output"]
# ru_maxrss counts kilobytes on Linux, bytes on macOS
scale = 1 if sys.platform == "darwin" else 1024
peak_kernel = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
print(f"peak allocated while training one model: {wide.format_bytes(result.peak_bytes)}")
print(f"peak memory of this notebook's process so far: {wide.format_bytes(peak_kernel)}")

# %% [markdown]
# ## 7. The challenge
#
# Build a model with **fewer than 5,000 non-zero weights** and a **validation log loss
# below 0.575**, trained on `train` only. Any option of `wide.train_ftrl` is allowed (`l1`,
# `l2`, `alpha`, `beta`, `epochs`, `batch_size`). Keep it in `my_model`
# (`train_ftrl(train, l1=...).model`); the check says which target is missed, by how much.
# In section 5's table, $\lambda_1 = 10$ keeps too many weights and 30 loses too much: try
# values in between, halving the gap each time.

# %% tags=["exercise"] exercise="challenge"
my_model = ...

# %%
check_challenge(my_model, val)

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: the stretch goal, the same loss with fewer weights
#
# Now **fewer than 3,600 non-zero weights**, loss still below 0.575 (expect 15 minutes). In one pass we found
# none (e.g. $\lambda_1 = 23$, `alpha=2`: 3,511 weights, loss 0.577). Think about what the
# toll is paid in, and about section 4. Keep it in `stretch_model`.

# %%
from lessonlib.checks.wide_lab import check_stretch

# %% tags=["exercise"] exercise="stretch"
stretch_model = ...

# %%
check_stretch(stretch_model, val)


# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: where the closed form comes from, McMahan 2011 and 2013
#
# **Follow the regularised leader.** After $t$ rounds with gradients $g_1, \dots, g_t$,
# FTRL plays the weights that minimise
#
# $$
# g_{1:t} \cdot w \;+\; R_{1:t}(w) \;+\; \tfrac12 \sum_{s=1}^{t} \sigma_s \lVert w - w_s \rVert^2 ,
# $$
#
# the linearised losses so far, an L1 term, and a proximal term keeping $w$ near the
# weights already played ($\sigma_{1:t} = 1/\eta_t$, the inverse learning rate). Expand the
# square: $\tfrac12 \sigma_{1:t} \lVert w \rVert^2 - (\sum_s \sigma_s w_s) \cdot w$ plus a
# constant. With $z_t = g_{1:t} - \sum_s \sigma_s w_s$ (the "small correction" of section 3)
# each coordinate solves a one-dimensional problem, $\min_w\, z w + \lambda |w| +
# \tfrac{1}{2\eta} w^2$, whose answer is soft-thresholding: $w = 0$ if $|z| \le \lambda$,
# else $-\eta\,(z - \operatorname{sign}(z)\lambda)$. Per coordinate, $1/\eta = (\beta +
# \sqrt{n})/\alpha$; an L2 term $\tfrac12\lambda_2 w^2$ adds $\lambda_2$ to it.
#
# **Two ways to write the L1 term.**
#
# - McMahan 2011 (*Follow-the-regularized-leader and mirror descent: equivalence theorems
#   and L1 regularization*) charges $\lambda \lVert w \rVert_1$ *every round*, so after $t$
#   rounds $R_{1:t} = t\lambda \lVert w \rVert_1$: the **cumulative** form. The threshold
#   grows as $t\lambda$. This is the FTRL of `lessonlib.optimizers.ftrl_proximal`, whose
#   fixed points are the Lasso solutions of $\lambda$.
# - McMahan et al. 2013 (*Ad click prediction: a view from the trenches*, FTRL-Proximal)
#   charge $\lambda_1 \lVert w \rVert_1$ *once*: a constant threshold $\lambda_1$. This is
#   `wide.train_ftrl` here.
#
# They agree: both are the closed form above, with threshold $t\lambda$ in one and
# $\lambda_1$ in the other. Since $z$ sums gradients, a cumulative penalty $t\lambda$ on
# the sum is a per-round $\lambda$ on the average gradient; 2013's $\lambda_1$ is the same
# toll, fixed in total. After a pass over $N$ houses the two match when
# $\lambda_1 = N\lambda$ ($\lambda_1 = 3$: $\lambda = 3 \times 10^{-6}$ per house); 2011's
# toll is lower early in the pass, 2013's is the full $\lambda_1$ from the first house. And
# a second pass doubles $|z|$ but not $\lambda_1$: raise $\lambda_1$ with the passes.
#
# One function, `wide.ftrl_weights`, computes the rule for both. A coordinate whose gradient is
# $-0.6$ every round, with 2011's $\lambda = 0.5$ per round and 2013's $\lambda_1 = 1.5$:

# %%
print(f"{'round t':>7}  {'z':>5}  {'2011: t*lambda':>14}  {'w':>6}  {'2013: lambda_1':>14}  {'w':>6}")
for t in range(1, 5):
    z_t, n_t = np.array([-0.6 * t]), np.array([0.36 * t])
    w11, w13 = wide.ftrl_weights(z_t, n_t, 0.5 * t)[0], wide.ftrl_weights(z_t, n_t, 1.5)[0]
    print(f"{t:>7}  {z_t[0]:>5.1f}  {0.5 * t:>14.1f}  {w11:>6.3f}  {1.5:>14.1f}  {w13:>6.3f}")

# %% [markdown]
# 2011 compares the *average* gradient (0.6) with $\lambda$ (0.5): the weight is non-zero
# from the first round. 2013 compares the *sum* with a fixed $\lambda_1$: zero until the
# evidence adds up to more than 1.5, in round 3.
#
# **Exercise: the weight from the state.** Write `ftrl_weights(z, n, l1, l2, alpha, beta)`
# returning the weights of section 3's closed form for arrays `z` and `n`; inside the toll
# they must be *exactly* 0. Hint: `np.where(condition, a, b)`.

# %% tags=["exercise"] exercise="ftrl-weights"
def ftrl_weights(z, n, l1, l2, alpha, beta):
    ...


# %%
check_ftrl_weights(ftrl_weights)


# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: reading a sparse model
#
# `model.indices` holds the stored coordinates (sorted), `model.values` their weights
# (`values[k]` belongs to `indices[k]`), `model.bias` one number. A coordinate not stored
# has weight 0. Write `house_score(model, coords)`: the bias plus the weights of a house's
# three coordinates (the log-odds, before the sigmoid). Hint: `np.searchsorted`, then check
# that the coordinate found is really `c`.

# %%
from lessonlib.checks.wide_lab import check_house_score

# %% tags=["exercise"] exercise="house-score"
def house_score(model, coords):
    ...


# %%
check_house_score(house_score)

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: lazy updates, and messy coordinates
#
# A coordinate that a mini-batch does not touch has a zero gradient, which would leave its
# $z$ and $n$ unchanged; so `wide.train_ftrl` reads and updates only the touched ones, and its
# state is as long as the number of touched coordinates, never 233 million. The course's
# tests check that this gives exactly what updating every coordinate gives. `wide.sweep` trains
# all its models on the same mini-batches, so finding which coordinates a batch touches is
# done once for all of them; each model comes out exactly as `wide.train_ftrl` alone makes it.
#
# Real data is rarely clean. `wide.encode` refuses rows it cannot place, and says why; a missing
# coordinate either stops it or is dropped and counted, as you choose:

# %%
messy_lat = np.array([48.86, np.nan, -33.87])
messy_lon = np.array([2.35, 13.40, 151.21])
try:
    wide.encode(messy_lat, messy_lon, np.array([1, 0, 1]))
except ValueError as err:
    print(f"ValueError: {err}")
cleaned = wide.encode(messy_lat, messy_lon, np.array([1, 0, 1]), nan_policy="drop")
print(f"with nan_policy='drop': kept {len(cleaned)} rows, dropped {cleaned.n_dropped}")

# %% [markdown]
# ## Summary
#
# - A million houses touch 361,300 of 233 million coordinates, most cells once or twice.
# - FTRL-Proximal's weight is exactly 0 while $|z| \le \lambda_1$: a toll paid in houses.
# - One pass at $\lambda_1 = 0$ already regularises (0.471; three passes: 0.448).
# - L1 then trades loss for size: 361,300 weights at 0.471, 7,422 at 0.552, 432 at 0.638;
#   933 MB dense against 2.9 MB to a few kB sparse.
#
# ## Where next
#
# [08 · L1 in practice](08_l1-in-practice.ipynb): L1 with scikit-learn on real data.
