# %% [markdown]
# # 07 · Lab: a wide model of the whole globe
#
# Notebook 01 counted the cost of a model that looks at *where* a house is: latitude and
# longitude bucketed by the minute of arc, crossed into 233,280,000 little cells, one weight
# each. This lab trains that model for real. It reads a million houses, predicts whether
# each one is expensive, and never builds the 233-million-entry weight vector: it keeps only
# the weights that matter. L1 decides which ones those are.
#
# **What you will learn.** In this lab you will:
#
# - encode a million generated houses as three active features each, in a space of
#   233,312,400 coordinates;
# - measure how little of the crossed space the data ever touches;
# - train a sparse logistic regression with FTRL-Proximal, the method used for click
#   prediction at web scale, and read its closed-form rule that sets weights to exactly 0;
# - sweep the L1 strength and trade model size against validation loss, with L2 alongside;
# - compare the memory of the dense weight vector with the sparse model's, byte for byte;
# - take the challenge: a model with fewer than 5,000 non-zero weights and a validation log
#   loss below 0.575; then, as a stretch goal, the same loss with fewer than 3,600.
#
# **Time:** about 50 minutes, and some 15 more for the stretch goal. &nbsp; **Prerequisites:** [01 · Sparse features](01_sparse-features.ipynb)
# (crosses and their cost) and [03 · L1 zeroing](03_l1-zeroing.ipynb) (soft-thresholding and
# FTRL). The whole notebook runs in about 16 s on a quiet 2-core machine (allow a minute on a busy
# Binder) and its kernel peaks near 0.4 GB, so it fits on Binder's 2 GB.

# %%
# %matplotlib inline
import resource
import sys

import numpy as np

import lessonlib
from lessonlib import wide
from lessonlib.checks.wide_lab import (
    MAX_LOG_LOSS,
    MAX_NONZEROS,
    check_challenge,
    check_ftrl_weights,
    check_house_score,
    check_stretch,
)
from lessonlib.plots.wide_model import plot_sweep, plot_weight_map
from lessonlib.wide_model import encode, evaluate, log_loss, sweep, sweep_table, train_ftrl
from lessonlib.world import EXPENSIVE_THRESHOLD, houses

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

# %% [markdown]
# ## 1. A million houses
#
# The houses come from `lessonlib.world`, a generated world built offline from a table of
# the 68,825 towns and cities with at least 5,000 inhabitants (GeoNames data, CC BY 4.0, which
# ships with the course; nothing is downloaded). Houses cluster around those places in
# proportion to their population, so oceans, deserts and ice caps stay empty. A house's price
# depends on its country, its town, how close it is to the town centre, and noise. We predict
# one yes/no label: is the price above the world's threshold for "expensive" (printed below)?
#
# We draw 1,250,000 houses and hold out a fifth of them, chosen at random, for validation.

# %%
world = houses(1_250_000, seed=0)
data = encode(world.lat, world.lon, world.expensive)
train, val = data.split(validation=0.2, seed=0)

print(f"houses: {len(data):,}; expensive (above ${EXPENSIVE_THRESHOLD:.0f}k): "
      f"{data.y.mean():.1%}")
print(f"training: {len(train):,} houses; validation: {len(val):,} houses")
base = log_loss(val.y, np.full(len(val), train.y.mean()))
print(f"log loss of a model that knows only the share of expensive houses: {base:.4f}")

# %% [markdown]
# That last number is the one to beat. Log loss is the cross-entropy of the predicted
# probabilities, averaged over houses: $-\log p$ for an expensive house, $-\log(1-p)$ for the
# others, in nats (natural logarithms); lower is better, and 0 would mean certain and always
# right. A model that ignores location and always predicts the training share of expensive
# houses scores about 0.676 on the validation set; everything below it is knowledge about
# *where*.
#
# Real data is rarely this clean. `encode` refuses rows it cannot place, and says why. A
# missing coordinate, for example, either stops it or is dropped and counted, as you choose:

# %%
messy_lat = np.array([48.86, np.nan, -33.87])
messy_lon = np.array([2.35, 13.40, 151.21])
try:
    encode(messy_lat, messy_lon, np.array([1, 0, 1]))
except ValueError as err:
    print(f"ValueError: {err}")
cleaned = encode(messy_lat, messy_lon, np.array([1, 0, 1]), nan_policy="drop")
print(f"with nan_policy='drop': kept {len(cleaned)} rows, dropped {cleaned.n_dropped}")

# %% [markdown]
# ## 2. Three features per house, in a space of 233 million
#
# Each house switches on exactly three one-hot features: its latitude bucket, its longitude
# bucket, and the crossed cell of the two. They share one index space: latitude buckets
# first, then longitude buckets, then the crossed cells. So a house is stored as three
# integers, not as a vector of 233 million entries.

# %%
n_cells = wide.cross_dimension(train.n_lat, train.n_lon)
print(f"latitude buckets: {train.n_lat:,}; longitude buckets: {train.n_lon:,}")
print(f"crossed cells: {n_cells:,}; all coordinates of the model: {train.dimension:,} "
      "(plus a bias)")
print("the first two training houses, as coordinates:")
print(train.indices[:2])

# %% [markdown]
# How many of those cells does the data actually reach? Houses sit where people live, and
# a minute of arc is under 2 km, so most of the globe is never visited:

# %%
pc = wide.populated_cells(train.indices[:, 2])
print(f"cells with at least one training house: {pc.n_cells:,} of {n_cells:,} "
      f"({pc.n_cells / n_cells:.3%})")
print(f"of those cells, {pc.share_with(1, 1):.0%} hold a single house and "
      f"{pc.share_with(1, 2):.0%} hold one or two")
print(f"the fullest cell holds {len(pc.histogram) - 1:,} houses")

# %% [markdown]
# Two facts shape everything that follows. First, 99.85% of the crossed cells never see a
# house: their weights get no gradient, so they stay at exactly 0 under *any* penalty, L2
# included, and a sparse model need not store them. Second, most populated cells hold one or
# two houses. A weight learned from one house is mostly that house's noise; L1 is the tool
# that decides which of the touched weights have earned their place.

# %% [markdown]
# ## 3. FTRL-Proximal: L1 with a closed-form zero
#
# Plain stochastic gradient descent with an L1 term does not give exact zeros (notebook 03):
# a weight hops back and forth across 0. FTRL-Proximal (McMahan et al., *Ad click prediction:
# a view from the trenches*, 2013) is built so that zeros are exact. For every coordinate
# $i$ it keeps two numbers instead of the weight:
#
# - $z_i$, the running sum of the gradients of that coordinate (with a small correction each
#   time its learning rate changes);
# - $n_i$, the running sum of the squared gradients, which sets a learning rate
#   $\alpha / (\beta + \sqrt{n_i})$ per coordinate: busy coordinates take small steps, rare
#   ones big steps.
#
# The weight is computed from them whenever it is needed:
#
# $$
# w_i = \begin{cases} 0 & \text{if } |z_i| \le \lambda_1, \\[4pt]
# -\dfrac{z_i - \operatorname{sign}(z_i)\,\lambda_1}{(\beta + \sqrt{n_i})/\alpha + \lambda_2}
# & \text{otherwise.} \end{cases}
# $$
#
# Read the first line as a toll: a coordinate keeps a weight only when the summed evidence of
# its examples, $|z_i|$, exceeds $\lambda_1$. The second line is soft-thresholding: the toll
# is subtracted and what is left is divided by $(\beta + \sqrt{n_i})/\alpha + \lambda_2$, the
# inverse of the coordinate's learning rate plus the L2 term (a larger denominator means a
# smaller weight). $\lambda_2$ is an L2 penalty: it only enlarges the
# denominator, so it shrinks weights but never sets one to 0.
#
# Because $\lambda_1$ is compared with a *sum* of gradients, the toll is paid in houses. The
# log-loss gradient of one house, $p - y$, lies between $-1$ and $1$ ($p$ is the predicted
# probability, $y$ the 0/1 label). While a weight is still 0 the correction term is 0 too, so
# in one pass over the data a coordinate's $|z|$ is at most the number of houses that switch
# it on: a cell with one or two houses can never gather more than 1 or 2. A latitude bucket,
# on the other hand, collects every house at that latitude all round the globe, many more
# than any single cell. Keep that in mind when you read the sweep below.

# %% [markdown]
# ### Exercise 1 · The weight from the state
#
# Write `ftrl_weights(z, n, l1, l2, alpha, beta)` that returns the weights above for NumPy
# arrays `z` and `n` (the other arguments are numbers). Coordinates inside the toll
# ($|z_i| \le \lambda_1$) must get a weight of *exactly* 0. Hint:
# `np.where(condition, if_true, if_false)` chooses element by element.

# %% tags=["exercise"] exercise="ftrl-weights"
def ftrl_weights(z, n, l1, l2, alpha, beta):
    ...


# %%
check_ftrl_weights(ftrl_weights)

# %% [markdown]
# ### Training
#
# `train_ftrl` applies that rule to mini-batches of 1,024 houses. Only the coordinates a batch
# touches are read and updated; all the others have a zero gradient, which would leave their
# $z$ and $n$ unchanged anyway, so skipping them changes nothing (the course's tests check
# this against an implementation that updates all of them). The state lives in arrays as long
# as the number of *touched* coordinates, never 233 million.
#
# Train one model with $\lambda_1 = 3$. A progress bar shows the houses going through; when
# training ends it is replaced by its final line. The time and memory this cell prints depend
# on your machine. The printed time is longer than the bar's: it also counts the set-up
# (indexing the coordinates the houses touch) and the memory tracing, which slows training
# down, so expect it to run faster without `measure_memory=True`.

# %% tags=["nbval-ignore-output"]
result = train_ftrl(train, l1=3.0, measure_memory=True)
print(f"trained on {len(train):,} houses in {result.seconds:.1f} s "
      f"({result.examples_per_second:,.0f} houses per second)")
print(f"peak memory allocated while training: {wide.format_bytes(result.peak_bytes)}")

# %%
model = result.model
split = model.nonzeros_by_feature()
ev = evaluate(model, val)
print(f"coordinates touched by the training data: {model.n_touched:,}")
print(f"non-zero weights kept: {model.nnz:,} (latitude {split['lat']:,}, "
      f"longitude {split['lon']:,}, crossed cells {split['cross']:,})")
print(f"validation log loss: {ev.log_loss:.4f}; accuracy: {ev.accuracy:.1%}")

# %% [markdown]
# The training data touched 361,300 coordinates; at $\lambda_1 = 3$ only 23,584 of them keep
# a weight, and the validation loss is well below the 0.676 of the location-blind model.
# Which crossed cells survive the toll? Count the training houses in each kept cell:

# %%
cells_kept = model.indices[model.indices >= train.n_lat + train.n_lon]
cell_ids, cell_counts = np.unique(train.indices[:, 2], return_counts=True)
houses_per_kept_cell = cell_counts[np.searchsorted(cell_ids, cells_kept)]
print(f"crossed cells that keep a weight: {cells_kept.size:,}")
print(f"training houses in them: at least {houses_per_kept_cell.min()}, "
      f"median {np.median(houses_per_kept_cell):.0f}")

# %% [markdown]
# No cell with fewer than four houses keeps a weight at $\lambda_1 = 3$, as the bound above
# predicts: $|z|$ can only exceed 3 when more than three houses contribute. The toll is paid
# in houses, and the 63% of cells holding one or two cannot pay a toll of 3, whatever their
# labels.

# %% [markdown]
# ### Exercise 2 · Reading a sparse model
#
# The model stores two arrays: `model.indices` (sorted coordinates) and `model.values`
# (their weights, `values[k]` belongs to `indices[k]`), plus `model.bias` (an array with one
# number). A coordinate that is not stored has weight 0.
#
# Write `house_score(model, coords)` that returns the score (log-odds) of one house from its
# three coordinates: the bias plus the three weights. Hint: `np.searchsorted(model.indices, c)`
# gives the position where `c` would sit in the sorted array; check that this position is not
# past the end of the array and that the coordinate found there really is `c`. The log-odds
# is the number the sigmoid turns into a probability: do not apply the sigmoid.

# %% tags=["exercise"] exercise="house-score"
def house_score(model, coords):
    ...


# %%
check_house_score(house_score)

# %% [markdown]
# ## 4. The sweep: how many weights is a good model worth?
#
# Now train one model per L1 strength, from $\lambda_1 = 0$ to $100$, plus an L2 model
# ($\lambda_1 = 0$, $\lambda_2 = 1$), and score each on the validation houses. Seven models
# on a million houses each; expect a few seconds per model.

# %% tags=["nbval-ignore-output"]
rows = sweep(train, val, [0, 1, 3, 10, 30, 100], l2_reference=1.0)

# %%
print(sweep_table(rows))

# %% [markdown]
# Read the table from top to bottom. With no toll ($\lambda_1 = 0$) every touched coordinate
# keeps a weight. Each step up in $\lambda_1$ removes most of the remaining weights, and the
# validation loss climbs: 361,300 weights give 0.471, 432 weights 0.638. The columns `lat`,
# `lon` and `cells` show *which* weights go first: the crossed cells. At $\lambda_1 = 10$ only
# 28 cells keep a weight, and from 30 on none does. A cell holds a handful of houses (109 at
# the very most), and its houses rarely all push $z$ the same way, so from a toll of 30 on
# none pays. A latitude band that circles the globe gathers all the houses at its latitude:
# 269 bands still pay a toll of 100.
#
# The L2 row keeps all 361,300 touched weights: L2 makes weights small, never exactly 0
# (notebook 02). Its loss (0.484) is a little above the unpenalised one (0.471).

# %%
fig = plot_sweep(rows, max_nonzeros=MAX_NONZEROS, max_log_loss=MAX_LOG_LOSS)
fig

# %% [markdown]
# Each vermillion point is one L1 model, labelled with its $\lambda_1$; the blue square is the
# L2 model. Moving left (fewer weights) always costs some loss here: the curve is a trade-off,
# not a valley. The green box is the challenge of section 6: no model of the sweep lands in it.
#
# A misconception to drop here: "sparser models generalise better". Sometimes they do
# (notebook 06), but on this data every L1 model has a *higher* validation loss than the
# unpenalised one. What L1 buys here is size: at $\lambda_1 = 10$, a model 50 times smaller
# for a loss 0.08 higher. Whether that is worth it is an engineering decision, not a law.

# %%
maps = {"L2 model (l2 = 1)": rows[-1]["model"], "L1 model (l1 = 3)": rows[2]["model"]}
fig = plot_weight_map(maps)
fig

# %% [markdown]
# Each coloured square is one degree of latitude by one of longitude; its colour counts the
# crossed cells inside it that keep a non-zero weight (grey: none). The L2 model keeps a
# weight for every cell that saw a house, and its map is the map of where people live. The L1
# model at $\lambda_1 = 3$ keeps about 10,000 cells: thinned out everywhere, with clusters
# only in the densest regions, the places where a single cell collects enough houses to pay
# the toll.

# %% [markdown]
# ## 5. Memory at inference: dense against sparse
#
# To predict, a dense model would hold one float32 for each of the 233 million crossed
# cells. We compute that size; allocating it would take almost half of Binder's 2 GB, so we do
# not. The sparse model holds an int32 index and a float32 value per non-zero weight, plus
# the bias in float64. The model's `nbytes` adds up the arrays it really keeps.

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
# Even the L2 model, which keeps every touched weight, is over 300 times smaller than the dense
# vector: most of the saving comes from never storing the untouched cells. L1 then removes
# the touched weights that do not earn their keep, and shrinks the model by another factor of
# 4 (at $\lambda_1 = 1$) to 800 (at $\lambda_1 = 100$).
#
# Training needs more memory than the model it produces: the houses themselves, the FTRL
# state ($z$ and $n$, 8 bytes each per touched coordinate), and temporary arrays. The next
# cell prints what training allocated at its peak, and the most memory this notebook's
# process has used so far (both depend on your machine, so they are not compared by the
# course's tests).

# %% tags=["nbval-ignore-output"]
# ru_maxrss counts kilobytes on Linux, bytes on macOS
scale = 1 if sys.platform == "darwin" else 1024
peak_kernel = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
print(f"peak allocated while training one model: {wide.format_bytes(result.peak_bytes)}")
print(f"peak memory of this notebook's process so far: {wide.format_bytes(peak_kernel)}")

# %% [markdown]
# ## 6. The challenge
#
# Build a model with **fewer than 5,000 non-zero weights** and a **validation log loss
# below 0.575**, on the same training and validation houses, at minute resolution. The next
# cell shows how the sweep's models fare against the two targets.
#
# Everything `train_ftrl` offers is allowed: `l1`, `l2`, `alpha` (the learning rate),
# `beta`, `epochs`, `batch_size`. Train on `train` only: the validation houses are for
# scoring. Each training run takes a few seconds per pass over the data. Keep the model
# itself in `my_model`, as in `my_model = train_ftrl(train, l1=...).model`; the check counts
# its non-zeros and computes its validation loss itself, and tells you which target you miss
# and by how much.

# %%
print(f"targets: fewer than {MAX_NONZEROS:,} non-zero weights, "
      f"validation log loss below {MAX_LOG_LOSS}")
print(f"{'model':<8}  {'non-zeros':>9}  {'size met?':>9}  {'log loss':>8}  {'loss met?':>9}")
for r in rows:
    size_ok = "yes" if r["nnz"] < MAX_NONZEROS else "no"
    loss_ok = "yes" if r["val_log_loss"] < MAX_LOG_LOSS else "no"
    print(f"{r['penalty']} {r['strength']:>5g}  {r['nnz']:>9,}  {size_ok:>9}  "
          f"{r['val_log_loss']:>8.4f}  {loss_ok:>9}")

# %% [markdown]
# No model of the sweep meets both targets: the small ones lose too much, the accurate ones
# are too big. The table brackets the answer: $\lambda_1 = 10$ keeps too many weights,
# $\lambda_1 = 30$ loses too much. Try values in between, halving the gap each time.

# %% tags=["exercise"] exercise="challenge"
my_model = ...

# %%
check_challenge(my_model, val)

# %% [markdown]
# ### Stretch goal: the same loss with fewer weights
#
# Now aim for **fewer than 3,600 non-zero weights**, with the loss target unchanged (below
# 0.575). Bisecting $\lambda_1$ alone does not get there: in one pass over the data, the
# models we found with fewer than 3,600 weights all missed the loss target (for example
# $\lambda_1 = 23$ with `alpha=2`: 3,511 weights, loss 0.577). Look at the other settings `train_ftrl`
# offers, and think about what the toll of section 3 is paid in. Keep this model in
# `stretch_model`.

# %% tags=["exercise"] exercise="stretch"
stretch_model = ...

# %%
check_stretch(stretch_model, val)

# %% [markdown]
# ## Summary
#
# - A million houses, three active features each, in a space of 233,312,400 coordinates:
#   the data touches 361,300 of them and reaches 0.15% of the crossed cells, most of them
#   with one or two houses.
# - FTRL-Proximal keeps state only for touched coordinates, and its closed form sets a weight
#   to exactly 0 whenever the coordinate's summed evidence $|z|$ stays within $\lambda_1$.
# - Raising $\lambda_1$ trades validation loss for size: 361,300 weights at 0.471, 7,422 at
#   0.552, 432 at 0.638. The crossed cells, each backed by a few houses, go first.
# - L2 keeps every touched weight: small, never zero.
# - At inference the dense float32 vector would take 933 MB; the sparse models take from
#   2.9 MB down to a few kB.
#
# ## Where next
#
# Notebook **[08 · L1 in practice](08_l1-in-practice.ipynb)** takes L1 to scikit-learn on
# real data: lambda chosen by cross-validation, elastic net, L1-logistic and how far to trust
# the features a model keeps. For more on FTRL, read McMahan et al. (2013) on FTRL in
# production, or revisit [06 · Sparsity against over-fitting](06_sparsity-vs-overfitting.ipynb)
# for when sparsity helps generalisation.
