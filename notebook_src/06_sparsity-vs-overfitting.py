# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # 06 · Sparsity against over-fitting
#
# A model that scores perfectly on its training data may have learned the idea, or it may
# have memorised the examples. This notebook shows both happening on the same ten examples,
# and how an L1 penalty pushes a model towards the first. Then it shows, just as honestly,
# a world where the L1 bet loses.
#
# **What you will learn**
#
# - to tell memorising from learning by looking at *where* a model puts its weight;
# - why, with fewer examples than weights, "fits the data" does not pick one model, and how
#   the penalty makes the choice;
# - to read a lambda sweep: training error, held-out error and model size (the U-curve);
# - when sparsity hurts (a dense truth), and why L1, magnitude pruning and dropout are three
#   different tools.
#
# **Time:** about 50 minutes. **Prerequisites:** notebooks 03 (the L1 step and its zeros) and
# 04 (minimum-norm solutions). You should know what training and held-out error are.

# %%
# %matplotlib inline
import lessonlib

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

import numpy as np
from sklearn.linear_model import Lasso, Ridge

from lessonlib.checks.overfitting import (
    check_best_lambda,
    check_dense_winner,
    check_l1_part,
    check_prune,
)
from lessonlib.geometry import min_l1_solution, min_l2_solution
from lessonlib.optimality import lasso_optimality_gap
from lessonlib.overfitting import (
    accuracy,
    compare_routes,
    count_exact_zeros,
    dense_vs_sparse,
    dropout_equivalent_ridge,
    dropout_fit,
    exact_fit_family,
    lasso_sweep,
    mse,
    parts_toy,
    regression_task,
)
from lessonlib.plots.overfitting import (
    plot_duel,
    plot_parts,
    plot_routes,
    plot_sweep,
    plot_toy_weights,
)
from lessonlib.widgets.overfitting import explore_lambda

print(f"lessonlib {lessonlib.__version__}: ready.")

# %% [markdown]
# ## 1. Robots and other characters
#
# Picture a small robot that must learn to tell **robots** from **other characters** in a
# cartoon. Each character is a set of parts: wheels, a cape, a bolt, a scarf... We encode a
# character as a row of 0s and 1s, one column per part (1 = it has that part).
#
# The ten training characters are built so that there is exactly one real pattern: **every
# robot has an antenna**, and no other character does. Besides that, each character carries
# six accessories that no other training character has. Those are noise: facts about one
# individual, not about robots.
#
# The held-out set has three *new* robots (an antenna plus accessories never seen before) and
# three new other characters (a random mix of old and new accessories, no antenna).

# %%
toy = parts_toy(seed=0)
n_items, n_parts = toy.X_train.shape
print(f"training: {n_items} characters x {n_parts} parts "
      f"({int(toy.y_train.sum())} robots, {int((toy.y_train == 0).sum())} others)")
print(f"held out: {toy.X_test.shape[0]} new characters")
print(f"the antenna is column {toy.common_part}")
print(f"parts carried by at least one training character: {int(toy.X_train.any(axis=0).sum())}")

# %%
fig = plot_parts(toy)
fig

# %% [markdown]
# Each row is a character, each coloured cell a part it carries (vermillion for robots, blue
# for the others). The boxed column is the antenna: the only column shared by several
# characters. Everything else in the top panel appears exactly once.

# %% [markdown]
# ### Two models that both score 10 out of 10
#
# We score a character with a linear model, `score = x @ w`, train it to output 1 for robots
# and 0 for the others, and call a character a robot when its score is above 0.5.
#
# There are 97 weights and only 10 equations `X @ w = y`, so there are many exact fits. We take
# two of them:
#
# - the **minimum-L2** exact fit, the one with the smallest sum of squared weights;
# - the **minimum-L1** exact fit, the one with the smallest sum of absolute weights (a linear
#   programme, as in notebook 04).

# %%
w_l2 = min_l2_solution(toy.X_train, toy.y_train)
w_l1 = min_l1_solution(toy.X_train, toy.y_train)

for name, w in (("minimum-L2", w_l2), ("minimum-L1", w_l1)):
    print(f"{name}: {np.count_nonzero(w)} non-zero weight(s), "
          f"training accuracy {accuracy(toy.X_train, toy.y_train, w):.0%}, "
          f"held-out accuracy {accuracy(toy.X_test, toy.y_test, w):.0%}")

# %% [markdown]
# Both models fit the training set perfectly. On new characters one of them is right every
# time; the other gets only half right. Here are the scores, one new character at a time:

# %%
print(f"{'':14s} {'truth':>6s} {'min-L2 score':>13s} {'min-L1 score':>13s}")
for name, x, y in zip(toy.test_names, toy.X_test, toy.y_test):
    truth = "robot" if y == 1 else "other"
    print(f"{name:14s} {truth:>6s} {x @ w_l2:13.3f} {x @ w_l1:13.3f}")

# %% [markdown]
# The minimum-L2 model gives each new robot a score of 0.455, below the 0.5 line, so it calls
# all three "other". Why? Look at where each model puts its weight:

# %%
fig = plot_toy_weights(toy.part_names,
                       {"minimum-L2 exact fit": w_l2, "minimum-L1 exact fit": w_l1},
                       toy.common_part)
fig

# %% [markdown]
# Each stem is one weight; the yellow band marks the antenna. The minimum-L2 model spreads the
# credit: 0.455 on the antenna and 0.091 on each of the thirty robot accessories, because
# sharing is what makes a sum of *squares* small. Each training robot reaches exactly 1 as
# 0.455 + 6 × 0.091, so more than half of every robot's score comes from its own accessories.
# That part of the model is memory: it is no use on a robot it has never met.
#
# The minimum-L1 model has **one** non-zero weight, exactly 1 on the antenna. For a sum of
# *absolute values*, splitting a weight over several parts saves nothing (0.5 + 0.5 costs as
# much as 1), so what counts is how many robots each unit of weight serves: a unit on the
# antenna lifts all five robots at once, a unit on an accessory lifts only one. The cheapest
# exact fit therefore puts everything on the antenna.
#
# (Both models give the other characters' accessories exactly 0. Those characters must score
# 0, and under either ruler the cheapest way to get 0 is to give all their parts 0: these
# zeros come from the data, not from the choice of penalty. The difference between the
# penalties is in the weights the data does *not* pin down.)
#
# **A misconception to drop:** "a perfect training score means the model has learned the
# concept." Both models score 100% on training; only the weights tell you which one learned.

# %%
scores = {w: toy.X_train[:5] @ vec for w, vec in (("L2", w_l2), ("L1", w_l1))}
antenna_share = w_l2[toy.common_part] / scores["L2"][0]
print(f"min-L2: antenna weight {w_l2[toy.common_part]:.4f}, each robot accessory "
      f"{np.max(np.delete(w_l2, toy.common_part)):.4f}")
print(f"share of a training robot's score that comes from the antenna: "
      f"L2 {antenna_share:.1%}, L1 {w_l1[toy.common_part] / scores['L1'][0]:.1%}")
print(f"L1 norm: min-L2 fit {np.abs(w_l2).sum():.3f}, min-L1 fit {np.abs(w_l1).sum():.3f}")
print(f"L2 norm: min-L2 fit {np.linalg.norm(w_l2):.3f}, min-L1 fit {np.linalg.norm(w_l1):.3f}")

# %% [markdown]
# Each model wins on its own measure: the L2 one has the smaller L2 norm (0.674 against 1),
# the L1 one the smaller L1 norm (1 against 3.18). "Smallest" depends on the ruler, and the
# ruler decides what the model learns.
#
# ### Is "minimum-L2" just a lab construction?
#
# No. It is what you get with **no penalty at all** if you train by gradient descent starting
# from zero: every step moves the weights along rows of `X`, so they never leave the space
# those rows span, and the only exact fit there is the minimum-L2 one. Let us check.

# %%
X, y = toy.X_train, toy.y_train
w = np.zeros(n_parts)
step = 1 / np.linalg.norm(X, 2) ** 2
for _ in range(3000):
    w -= step * X.T @ (X @ w - y)
gap = np.abs(w - w_l2).max()
print(f"plain gradient descent from 0, 3000 steps: largest gap to the minimum-L2 fit "
      f"below 1e-12? {'yes' if gap < 1e-12 else 'no'}")

# %% [markdown]
# And the penalised models you would use in practice agree with the two exact fits: a weak L1
# penalty (scikit-learn's `Lasso`) keeps one weight, a weak L2 penalty (`Ridge`) keeps the
# spread. (Parts that no training character carries get weight 0 under both penalties and
# both minimum-norm fits: there is nothing to learn about them. That is missing data, not
# sparsity, so we count only the parts seen in training. scikit-learn scales the two
# objectives differently, so the same `alpha`, printed here as lambda, is not the same
# strength for `Lasso` and `Ridge`; both are weak.)

# %%
seen = toy.X_train.any(axis=0)
lasso = Lasso(alpha=0.01, fit_intercept=False, max_iter=100_000, tol=1e-10)
ridge = Ridge(alpha=0.01, fit_intercept=False)
for name, model in (("Lasso, lambda=0.01", lasso), ("Ridge, lambda=0.01", ridge)):
    coef = model.fit(toy.X_train, toy.y_train).coef_
    print(f"{name}: {np.count_nonzero(coef[seen])} of {int(seen.sum())} seen parts non-zero, "
          f"antenna weight {coef[toy.common_part]:.3f}, "
          f"held-out accuracy {accuracy(toy.X_test, toy.y_test, coef):.0%}")
gap = lasso_optimality_gap(toy.X_train, toy.y_train, lasso.coef_, 0.01)
print(f"the Lasso fit's optimality gap: {'below 1e-6' if gap < 1e-6 else f'{gap:.1e}'}")

# %% [markdown]
# ### Exercise 1: which part does the L1 model rely on?
#
# Read it off `w_l1`: find the position of its non-zero weight (`np.flatnonzero` helps), and
# answer with that position or with the part's name from `toy.part_names`.

# %% tags=["exercise"] exercise="l1-part"
l1_part = ...

# %%
check_l1_part(l1_part)

# %% [markdown]
# ## 2. The wide matrix: infinitely many exact fits
#
# Our training matrix is **wide**: 10 rows (examples) and 97 columns (weights). Ten equations
# cannot pin down 97 unknowns. Every exact fit is one particular fit plus any vector `v` with
# `X @ v = 0`, a direction that changes no training prediction. How many such directions are
# there?

# %%
w0, null_basis = exact_fit_family(toy.X_train, toy.y_train)
print(f"rank of X: {np.linalg.matrix_rank(toy.X_train)}, "
      f"unknowns: {n_parts}, free directions: {null_basis.shape[1]}")

# %% [markdown]
# An 87-dimensional family of weight vectors, all with zero training error. Pick a few at
# random and see what they say about the first new robot:

# %%
family_rng = np.random.default_rng(6)
print(f"{'fit':>10s} {'training MSE':>13s} {'score of new robot 1':>21s}")
fits = []
for i in range(5):
    c = family_rng.normal(0, 0.3, null_basis.shape[1])  # any mix of free directions
    fits.append((f"random {i + 1}", w0 + null_basis @ c))
for name, w_any in fits + [("min-L2", w_l2), ("min-L1", w_l1)]:
    print(f"{name:>10s} {mse(toy.X_train, toy.y_train, w_any):13.3f} "
          f"{toy.X_test[0] @ w_any:21.3f}")

# %% [markdown]
# Every row fits the training data exactly (its error is 0 to rounding), yet the verdicts on
# the same new robot range from 0.133 (called "other") to 1.941. The random fits are free to
# put any weight on parts no training character carries, the new robot's accessories among
# them, and the training data cannot object. The data alone cannot choose; **the penalty
# chooses**. A penalty is a preference between fits the data cannot tell apart: L2 prefers
# many small weights, L1 prefers few. That preference is where a model's generalisation comes
# from when examples are scarce, and it is a *bet about the world*. Sections 3 and 4 check
# when the L1 bet pays.

# %% [markdown]
# ## 3. The U-curve: how much penalty?
#
# Real data is noisy, so we no longer ask for exact fits. We minimise
# `(1/(2n)) ||y - X w||² + lambda ||w||₁` (scikit-learn's `Lasso` objective) for many values
# of lambda, on a regression problem with 60 training examples, 100 features and a truth that
# uses only 8 of them, plus noise. A separate validation set of 200 examples plays the role of
# "new data" when we choose lambda; a test set of 2000 stays untouched until the end.

# %%
task = regression_task(n_train=60, n_features=100, n_informative=8, noise=1.0, seed=0)
sweep = lasso_sweep(task, n_lambdas=60)
print(f"{len(sweep.lambdas)} lambdas from {sweep.lambdas[0]:.3g} down to {sweep.lambdas[-1]:.3g}")
print(f"{'lambda':>8s} {'non-zeros':>9s} {'train MSE':>10s} {'held-out MSE':>13s}")
for i in range(0, len(sweep.lambdas), 6):
    print(f"{sweep.lambdas[i]:8.3g} {sweep.n_nonzero[i]:9d} {sweep.train_mse[i]:10.3g} "
          f"{sweep.val_mse[i]:13.3g}")
worst = sweep.opt_gap.max()  # largest KKT violation / lambda, over all 60 fits
print(f"optimality gap of every fit: {'below 1e-9' if worst < 1e-9 else f'{worst:.1e}'}; "
      f"most non-zeros {sweep.n_nonzero.max()}, for {task.X_train.shape[0]} examples")

# %%
fig = plot_sweep(sweep)
fig

# %% [markdown]
# Read from left to right: the penalty weakens. **Training error** (blue) only falls: a weaker
# penalty always lets the model fit its own examples better, down to almost 0 at the far
# right. **Held-out error** (vermillion) falls, reaches a bottom, then climbs again: past the
# bottom, each extra non-zero weight (right panel) is memorising noise. Not all of the gap
# between the two curves is over-fitting: at the far left, a model with no weights at all has
# different errors on the two sets simply because they hold different examples. The part of
# the gap that *opens up* as you move right, training error still falling while held-out error
# climbs, is over-fitting made visible. The dotted line marks the bottom of the U, and the
# dots show the chosen model's training error, held-out error and number of non-zeros.
#
# The table's last line checks the fits themselves. Their optimality gap (notebook 03 §5: how
# far the worst weight is from balancing its correlation with the residual against lambda)
# is at the level of rounding, so every row is the Lasso's own answer. And no fit has more
# non-zero weights than there are examples (60): a Lasso minimiser never needs more, so a
# solver that reports more has stopped early.

# %% [markdown]
# ### Exercise 2: pick the lambda with the lowest held-out error
#
# `sweep.lambdas` holds the lambdas, `sweep.val_mse` the held-out (validation) error of each.
# Set `best_lambda` to the *value* of lambda with the lowest held-out error.

# %% tags=["exercise"] exercise="best-lambda"
best_lambda = ...

# %%
check_best_lambda(best_lambda, sweep)

# %% [markdown]
# Move the slider to walk along the path: the markers show where you are, and the line under
# the slider prints the number of non-zero weights and both errors. (If you see only a
# sentence or "model not found", run the cell.)

# %%
explore_lambda(sweep)

# %% [markdown]
# Now, and only now, we touch the test set: once, at the lambda chosen on validation data.

# %%
i = sweep.best
print(f"chosen lambda {sweep.lambdas[i]:.3g}: {sweep.n_nonzero[i]} non-zero weights "
      f"(the truth has {np.count_nonzero(task.true_w)}), test MSE {sweep.test_mse[i]:.3g}")
i_last = len(sweep.lambdas) - 1
print(f"weakest penalty {sweep.lambdas[i_last]:.3g}: {sweep.n_nonzero[i_last]} non-zero weights, "
      f"train MSE {sweep.train_mse[i_last]:.3g}, test MSE {sweep.test_mse[i_last]:.3g}")
print(f"noise variance (the best any model can do): {task.noise ** 2:.3g}; "
      f"test error, chosen / weakest: {sweep.test_mse[i] / sweep.test_mse[i_last]:.2f}")
w_chosen = sweep.coefs[i]
true_idx = np.flatnonzero(task.true_w)
missed = true_idx[w_chosen[true_idx] == 0]
extra = np.setdiff1d(np.flatnonzero(w_chosen), true_idx)
print(f"true features kept: {len(true_idx) - len(missed)} of {len(true_idx)}; "
      f"missed true weights: {np.round(task.true_w[missed], 3).tolist()}")
print(f"extra (false) features kept: {len(extra)}, "
      f"largest |extra weight| {np.abs(w_chosen[extra]).max():.3g}")

# %% [markdown]
# The chosen model is sparse, but not as sparse as the truth: 31 non-zeros against 8. It
# misses the two smallest true weights (with 60 noisy examples they are hard to tell from
# noise) and lets in 25 extra weights, all small (the largest is about 0.2). Why not raise
# lambda until they go? Because L1 subtracts the same amount from *every* kept weight: a
# larger lambda would also shrink the real weights, and the validation error says that costs
# more than carrying the small passengers. Still, its test error is less than half that of the
# weakest penalty.

# %% [markdown]
# ## 4. A world where every feature matters a little
#
# L1 did well above because the truth *was* sparse: 8 features out of 100 mattered (section 5
# shows that a tuned L2 model on that same task has more than three times L1's test error).
# Now change the world: every one of the 100 features has a small true effect (a **dense
# truth**), with the same total signal strength and the same noise. Both penalties get the
# same fair treatment: lambda chosen on validation data, error measured on the test set.
#
# ### Exercise 3: predict before you compute
#
# On a dense truth, which penalty will have the lower held-out error: `"L1"` or `"L2"`?

# %% tags=["exercise"] exercise="dense-winner"
dense_winner = ...

# %%
check_dense_winner(dense_winner)

# %% [markdown]
# Now the measurement: eight seeds, each giving one sparse-truth task (5 non-zero true
# weights, a little sparser than section 3's 8) and one dense-truth task (100 non-zero true
# weights). In both, lambda is picked for each penalty by the lowest validation error, as in
# Exercise 2, and the table reports the error on the test set.

# %%
rows = dense_vs_sparse(seeds=range(8), n_train=60, n_features=100, n_sparse=5, noise=1.0)
print(f"{'truth':>6s} {'seed':>4s} {'L1 test MSE':>12s} {'L2 test MSE':>12s} "
      f"{'L1 non-zeros':>12s} {'winner':>7s}")
for r in rows:
    print(f"{r['truth']:>6s} {r['seed']:4d} {r['l1_mse']:12.3g} {r['l2_mse']:12.3g} "
          f"{r['l1_nonzero']:12d} {r['winner']:>7s}")
for truth in ("sparse", "dense"):
    mine = [r for r in rows if r["truth"] == truth]
    wins = sum(r["winner"] == "L1" for r in mine)
    ratio = np.mean([r["l1_mse"] / r["l2_mse"] for r in mine])
    print(f"{truth} truth: L1 wins {wins} of {len(mine)}; mean L1/L2 error ratio {ratio:.2f}")
worst = max(r["l1_gap"] for r in rows)
print(f"every L1 fit: optimality gap {'below 1e-9' if worst < 1e-9 else f'{worst:.1e}'}, "
      f"at most {max(r['l1_nonzero'] for r in rows)} non-zeros for 60 examples")

# %%
fig = plot_duel(rows)
fig

# %% [markdown]
# One hollow marker per run (two runs with nearly equal errors show as two outlines). Green
# circles (sparse truth) sit far below the diagonal: L1's error is a fraction of L2's.
# Reddish-purple squares (dense truth) all sit above it, two of them only just: L2 wins
# every time. When every feature matters a little, L1 must drop many of them to stay sparse
# (it keeps only 26 to 60 of the 100 in these runs: the `L1 non-zeros` column), and the
# signal they carried is lost; L2 keeps them all and shrinks each a little, which is what
# this world rewards.
#
# **A misconception to drop:** "sparse models always generalise better." Sparsity is a bet
# that few features matter. When the bet matches the world it pays handsomely; when it does
# not, you pay. Validation data, not taste, should settle it.

# %% [markdown]
# ## 5. L1, pruning and dropout are different tools
#
# Three other ways to fight over-fitting are often mentioned in the same breath as L1:
#
# - **L2** (ridge): shrink every weight, as in notebook 02;
# - **magnitude pruning**: train without L1, then delete the smallest weights;
# - **dropout**: during training, hide each input at random (here with probability *p*) and
#   scale the inputs that are kept by 1/(1-p), so that on average an input is unchanged; no
#   single input can be relied on. Popular in neural networks; here applied to the inputs of
#   our linear model, trained by stochastic gradient descent (SGD).
#
# ### Exercise 4: write magnitude pruning
#
# Write `prune(w, k)`: return a **new** array shaped like `w` in which the `k` weights of
# largest magnitude keep their values (sign included) and all others are exactly 0. Do not
# change `w` itself. The check also tries `k = 0` (keep nothing) and `k = len(w)` (keep all).

# %% tags=["exercise"] exercise="prune"
def prune(w, k):
    ...


# %%
check_prune(prune)

# %% [markdown]
# Now the comparison on the sparse-truth task of section 3. L1, L2 and the dropout rate are
# each tuned on the validation set. Pruning starts from the tuned L2 model and keeps exactly
# as many weights as L1 kept, so the two sparse models have the same size; "pruned + refit"
# then re-fits least squares on the weights that survived.

# %%
routes = compare_routes(task, drops=(0.1, 0.3, 0.5), seed=0)
print(f"{'model':>20s} {'exact zeros':>11s} {'train MSE':>10s} {'test MSE':>9s}")
for r in routes:
    print(f"{r.name:>20s} {r.exact_zeros:11d} {r.train_mse:10.3g} {r.test_mse:9.3g}")
gap = routes[0].opt_gap
print(f"the L1 fit's optimality gap: {'below 1e-9' if gap < 1e-9 else f'{gap:.1e}'}")
j = int(np.argmax(np.abs(task.true_w)))
print(f"feature {j}, the largest true weight ({task.true_w[j]:.3g}): "
      + ", ".join(f"{r.name} {r.w[j]:.3g}" for r in routes))

# %%
fig = plot_routes(routes, task.true_w)
fig

# %% [markdown]
# Each panel is one model's 100 weights; grey crosses mark weights that are exactly 0, open
# circles the eight non-zero true weights. L1 and both pruned models have the same number of
# zeros, but not the same quality: pruning the L2 model deletes weights *after* they were
# fitted together, so the survivors are still shrunk and still compensating for the deleted
# ones (the refit repairs much of this). Look at feature 29, the true weight of largest size
# (about -2.2): L1 gives it about -2, the pruned L2 model only about -1.2. L1 chooses which
# weights to zero *while* fitting. L2 and dropout have no exact zeros at all.
#
# Why does dropout leave no zeros? Averaged over its random masks, dropout's training loss is
# the mean squared error plus an **L2-style** penalty, `p/(1-p) · Σ_j w_j² · mean(x_j²)`:
# each weight is shrunk in proportion to its feature's mean square, `mean(x_j²)` (Wager,
# Wang & Liang, 2013). We can
# solve that averaged problem in closed form and compare it with the SGD-trained weights. We
# use a strong rate, p = 0.5, to give zeros every chance to appear:

# %%
p = 0.5
w_drop = dropout_fit(task.X_train, task.y_train, drop=p, seed=0)
w_avg = dropout_equivalent_ridge(task.X_train, task.y_train, drop=p)
gap = np.linalg.norm(w_drop - w_avg) / np.linalg.norm(w_avg)
print(f"dropout p={p}: exact zeros {count_exact_zeros(w_drop)}, "
      f"smallest |weight| {np.abs(w_drop).min():.2e}")
print(f"closed-form 'averaged dropout' weights: exact zeros {count_exact_zeros(w_avg)}")
print(f"relative distance between the two: {gap:.1%}")

# %% [markdown]
# The SGD-trained dropout weights land within about a tenth of the averaged problem's answer
# (the rest is SGD noise), and neither has a single exact zero: a squared penalty pulls
# weights *towards* 0 but, as in notebook 02, never snaps them *to* 0.
#
# **A misconception to drop:** "L1 is the same as dropout." Dropout is an L2-like shrinkage
# that depends on the data; it makes a model robust, not small. If you need zeros, use L1
# (zeros chosen during fitting) or pruning (zeros imposed afterwards, best followed by a
# refit).

# %% [markdown]
# ## Summary
#
# - With fewer examples than weights, many models fit the training data exactly; the penalty
#   picks one. L2 spreads weight and memorises individual quirks; L1 concentrates it on parts
#   that serve many examples, which is what generalises *when the truth is sparse*.
# - A perfect training score says nothing about what was learned: look at the weights and at
#   held-out error.
# - Along a lambda path, training error only falls while held-out error traces a U; choose
#   lambda on validation data and touch the test set once.
# - On a dense truth (many small effects) L1 loses to L2, every time in our eight runs.
#   Sparsity is a bet on the world.
# - Dropout and L2 shrink but leave no exact zeros; pruning and L1 give zeros, and L1 chooses
#   them while fitting.
#
# ## Where next
#
# Notebook **07** is the lab: a wide model of the whole globe with 233 million crossed
# features, where L1 decides which of the cells the data touches deserve a weight at all,
# and you trade model size against validation loss.
