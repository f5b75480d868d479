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
# A perfect training score may mean learning or memorising. Here both happen on the same
# ten examples, and L1 pushes towards learning. Then a world where the L1 bet loses.
#
# **What you will learn**
#
# - to tell memorising from learning by *where* a model puts its weight;
# - why, with fewer examples than weights, the penalty chooses the model;
# - to read a lambda sweep: training error, held-out error and model size (the U-curve);
# - when sparsity hurts, and why L1 and pruning differ.
#
# **Time:** about 40 minutes, deep dives extra. **Prerequisites:** notebooks 02 (ridge),
# 03 (the L1 step) and 04 (minimum-norm solutions).

# %%
# %matplotlib inline
import lessonlib

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

import numpy as np
from sklearn.linear_model import Lasso, Ridge

from lessonlib import geometry, optimality, overfitting, regression
from lessonlib.checks.overfitting import (check_best_lambda, check_dense_winner,
                                          check_dropout_zeros, check_l1_part, check_prune,
                                          check_real_nonzeros, check_robots_ranked,
                                          check_u_shape)
from lessonlib.plots import overfitting as figures
from lessonlib.widgets.overfitting import explore_lambda

print(f"lessonlib {lessonlib.__version__}: ready.")

# %% [markdown]
# ## 1. Robots and other characters
#
# Tell **robots** from **other characters**. A character is a row of 0s and 1s, one column
# per part. In the ten training characters one pattern is real: **every robot has an
# antenna**, no other character does. Each also carries six accessories of its own. Held
# out: three new robots (antenna plus unseen accessories) and three new others.

# %%
toy = overfitting.parts_toy(seed=0)
n_items, n_parts = toy.X_train.shape
print(f"training: {n_items} characters x {n_parts} parts; held out: {toy.X_test.shape[0]} "
      f"new characters; the antenna is column {toy.common_part}")

# %%
fig = figures.plot_parts(toy)
fig

# %% [markdown]
# The boxed column, the antenna, is the only part several characters share.
#
# A linear model scores `x @ w` (targets: 1 for robots, 0 for others) and says "robot"
# above 0.5. 97 weights, 10 equations `X @ w = y`: many exact fits. Take the **minimum-L2**
# one (smallest sum of squares) and the **minimum-L1** one (smallest sum of absolute
# values, as in 04).

# %%
w_l2 = geometry.min_l2_solution(toy.X_train, toy.y_train)
w_l1 = geometry.min_l1_solution(toy.X_train, toy.y_train)
for name, w in (("minimum-L2", w_l2), ("minimum-L1", w_l1)):
    print(f"{name}: {np.count_nonzero(w)} non-zero weight(s), training accuracy "
          f"{overfitting.accuracy(toy.X_train, toy.y_train, w):.0%}, held-out accuracy "
          f"{overfitting.accuracy(toy.X_test, toy.y_test, w):.0%}")

# %% [markdown]
# At the 0.5 cut-off the minimum-L2 model calls the three new robots "other".
#
# **Predict:** does the minimum-L2 model still *score* every new robot above every new
# other character? `"yes"` or `"no"`.

# %% tags=["predict"] exercise="robots-ranked"
robots_ranked = ...

# %%
check_robots_ranked(robots_ranked)

# %%
for name, x, y in zip(toy.test_names, toy.X_test, toy.y_test):
    print(f"{name:12s} {'robot' if y else 'other':5s}  min-L2 score {x @ w_l2:.3f}  "
          f"min-L1 score {x @ w_l1:.3f}")
for name, w in (("minimum-L2", w_l2), ("minimum-L1", w_l1)):
    s = toy.X_test @ w
    robots, others = s[toy.y_test == 1], s[toy.y_test == 0]
    # share of (new robot, new other) pairs scored in the right order: the AUC
    auc = np.mean(robots[:, None] > others[None, :])
    print(f"{name}: AUC {auc:.2f}; accuracy at the 0.5 cut-off "
          f"{overfitting.accuracy(toy.X_test, toy.y_test, w):.0%}")

# %% [markdown]
# Yes: the ranking is perfect (AUC 1) for both models. Each new robot scores 0.455, above
# every new other (at most 0.182); "no" would need a new other to outscore a robot. What
# fails is how the credit is spread, and the cut-off. Here are the weights:

# %%
fig = figures.plot_toy_weights(toy.part_names,
                               {"minimum-L2 exact fit": w_l2, "minimum-L1 exact fit": w_l1},
                               toy.common_part)
fig

# %% [markdown]
# Minimum-L2 puts 0.455 on the antenna (yellow band) and 0.091 on each robot accessory:
# a training robot reaches 1 as 0.455 + 6 × 0.091. The accessories' half is memory, so a
# new robot lands at 0.455. (A cut-off of 0.3 would rescue it, but choosing one needs
# labelled new robots.)
#
# Minimum-L1 puts exactly 1 on the antenna: under a sum of absolute values, a unit there
# lifts five robots, a unit on an accessory one.
#
# **Misconception:** "a perfect training score means the concept was learned." Look at
# the weights.

# %% [markdown]
# ## 2. The wide matrix: infinitely many exact fits
#
# Every exact fit is one fit plus a vector `v` with `X @ v = 0`, a direction that changes
# no training prediction. The SVD's rows beyond the rank of `X` span them.

# %%
rank = np.linalg.matrix_rank(toy.X_train)
null_basis = np.linalg.svd(toy.X_train)[2][rank:].T  # columns: the free directions
print(f"rank of X: {rank}, unknowns: {n_parts}, free directions: {null_basis.shape[1]}")
family_rng = np.random.default_rng(6)
print(f"{'fit':>10s} {'training MSE':>13s} {'score of new robot 1':>21s}")
for i in range(5):
    w_any = w_l2 + null_basis @ family_rng.normal(0, 0.3, null_basis.shape[1])
    print(f"{f'random {i + 1}':>10s} {regression.mse(toy.X_train, toy.y_train, w_any):13.3f} "
          f"{toy.X_test[0] @ w_any:21.3f}")

# %% [markdown]
# Every row fits the training data exactly, yet the verdicts on the same new robot range
# from 0.1 to 1.9. The data cannot choose; **the penalty chooses**: L2 prefers many small
# weights, L1 few. That preference is a bet about the world.

# %% [markdown]
# ## 3. The U-curve: how much penalty?
#
# With noisy data we minimise `(1/(2n)) ‖y − X w‖² + λ ‖w‖₁` (scikit-learn's `Lasso`)
# for 60 values of λ: 60 training examples, 100 features, a truth of 8 non-zero weights.
# 200 validation examples choose λ; 2,000 test examples wait for the end.
#
# **Predict:** as λ falls from 1.99 (every weight 0) to 0.002, what does the held-out
# error do? `"falls"`, `"falls then rises"` or `"rises"`.

# %% tags=["predict"] exercise="u-shape"
u_shape = ...

# %%
check_u_shape(u_shape)

# %%
task = overfitting.regression_task(n_train=60, n_features=100, n_informative=8, noise=1.0,
                                   seed=0)
sweep = overfitting.lasso_sweep(task, n_lambdas=60)  # the exact Lasso path (LARS), 60 fits
print(f"{'lambda':>8s} {'non-zeros':>9s} {'train MSE':>10s} {'held-out MSE':>13s}")
for i in range(0, len(sweep.lambdas), 6):
    print(f"{sweep.lambdas[i]:8.3g} {sweep.n_nonzero[i]:9d} {sweep.train_mse[i]:10.3g} "
          f"{sweep.val_mse[i]:13.3g}")
worst = sweep.opt_gap.max()  # largest violation of the Lasso's optimality conditions / lambda
print(f"optimality gap of every fit: {'below 1e-9' if worst < 1e-9 else f'{worst:.1e}'}; "
      f"most non-zeros {sweep.n_nonzero.max()}, for {task.X_train.shape[0]} examples")

# %%
fig = figures.plot_sweep(sweep)
fig

# %% [markdown]
# Falls, then rises. "Falls" is *training* error (blue); held-out error (vermillion)
# climbs again once extra non-zeros (right) fit the training noise. Not "rises": at
# λ = 1.99 the model predicts 0, and the first weights to enter are real effects. Every
# fit is converged, none with more non-zeros than examples.
#
# ### Exercise 2: pick the lambda with the lowest held-out error
#
# Set `best_lambda` to the *value* in `sweep.lambdas` where `sweep.val_mse` is lowest.

# %% tags=["exercise"] exercise="best-lambda"
best_lambda = ...

# %%
check_best_lambda(best_lambda, sweep)

# %% [markdown]
# ### Which weights enter?
#
# **What to watch:** vermillion stems are real weights (the truth's are open circles), blue
# ones false. Move λ, read the counts, then switch to the dense truth (all 100 real).

# %%
dense_task = overfitting.regression_task(n_train=60, n_features=100, n_informative=100,
                                         noise=1.0, seed=0)
dense_sweep = overfitting.lasso_sweep(dense_task, lambdas=sweep.lambdas)
explore_lambda({"sparse": (sweep, task.true_w), "dense": (dense_sweep, dense_task.true_w)})

# %% [markdown]
# **Task:** with the sparse truth, at the λ of lowest held-out error, how many of the
# non-zeros are real?

# %% tags=["exercise"] exercise="real-nonzeros"
real_nonzeros = ...

# %%
check_real_nonzeros(real_nonzeros)

# %% [markdown]
# Now, once, the test set at the chosen λ, and scikit-learn's `Lasso` refitted there:

# %%
i = sweep.best
lasso = Lasso(alpha=sweep.lambdas[i], fit_intercept=False, tol=1e-12,
              max_iter=1_000_000).fit(task.X_train, task.y_train)
gap = optimality.lasso_optimality_gap(task.X_train, task.y_train, lasso.coef_, sweep.lambdas[i])
print(f"chosen lambda {sweep.lambdas[i]:.3g}: {sweep.n_nonzero[i]} non-zeros, test MSE "
      f"{sweep.test_mse[i]:.3g}; scikit-learn's Lasso: same weights to 1e-6: "
      f"{np.abs(lasso.coef_ - sweep.coefs[i]).max() < 1e-6}, optimality gap below 1e-6: "
      f"{gap < 1e-6}")
print(f"weakest penalty {sweep.lambdas[-1]:.3g}: {sweep.n_nonzero[-1]} non-zeros, "
      f"test MSE {sweep.test_mse[-1]:.3g}; noise variance (the floor): {task.noise ** 2:.3g}")

# %% [markdown]
# 31 weights for a truth of 8: the two smallest true weights are lost in the noise, 25
# small false ones ride along. A larger λ would drop them but shrink the real weights too.
# Still, test error is under half the weakest penalty's.

# %% [markdown]
# ## 4. A world where every feature matters a little
#
# Now all 100 features have small effects, same total signal and noise. Eight seeds, each
# with a sparse (5 weights) and a dense (100) truth; L1 and L2 each tuned on validation
# data. L2 is ridge in 02's convention, `(1/(2n)) ‖y − X w‖² + λ ‖w‖²`, scikit-learn's
# `Ridge(alpha=2 n λ)`.
#
# **Predict:** on the dense truth, which penalty has the lower test error, `"L1"` or
# `"L2"`?

# %% tags=["predict"] exercise="dense-winner"
dense_winner = ...

# %%
check_dense_winner(dense_winner)

# %%
ridge_lams = np.geomspace(500, 5e-5, 60)  # lambda in 02's convention
rows = []
for seed in range(8):
    for truth, k in (("sparse", 5), ("dense", 100)):
        t = overfitting.regression_task(60, 100, k, noise=1.0, seed=seed)
        l1 = overfitting.lasso_sweep(t)  # exact path, as in section 3
        w1 = l1.coefs[l1.best]  # lowest validation error
        # every ridge fit at once, from one SVD: w = V diag(s / (s² + 2nλ)) Uᵀy
        U, sv, Vt = np.linalg.svd(t.X_train, full_matrices=False)
        ridges = (sv / (sv**2 + 2 * 60 * ridge_lams[:, None]) * (U.T @ t.y_train)) @ Vt
        w2 = min(ridges, key=lambda w: regression.mse(t.X_val, t.y_val, w))
        rows.append({"truth": truth, "l1_mse": regression.mse(t.X_test, t.y_test, w1),
                     "l2_mse": regression.mse(t.X_test, t.y_test, w2),
                     "l1_nonzero": int(np.count_nonzero(w1)), "gap": l1.opt_gap[l1.best]})
for truth in ("sparse", "dense"):
    mine = [r for r in rows if r["truth"] == truth]
    wins = sum(r["l1_mse"] < r["l2_mse"] for r in mine)
    ratio = np.mean([r["l1_mse"] / r["l2_mse"] for r in mine])
    keep = [r["l1_nonzero"] for r in mine]
    print(f"{truth} truth: L1 wins {wins} of {len(mine)}; mean L1/L2 test error {ratio:.2f}; "
          f"L1 keeps {min(keep)} to {max(keep)} weights")
worst = max(r["gap"] for r in rows)
print(f"every tuned L1 fit: optimality gap {'below 1e-9' if worst < 1e-9 else f'{worst:.1e}'}")

# %%
fig = figures.plot_duel(rows)
fig

# %% [markdown]
# L2, every time (squares above the diagonal), while L1 wins every sparse run (circles far
# below). Not "L1": to stay sparse it keeps only a fraction of the 100 real features and
# loses the signal of the rest; ridge keeps all and shrinks each a little.
#
# **Misconception:** "sparse models always generalise better." Sparsity is a bet that few
# features matter; validation data should settle it.

# %% [markdown]
# ## 5. Pruning is not L1
#
# **Magnitude pruning** fits without L1, then deletes the smallest weights. On section 3's
# task: ridge tuned on validation, pruned to as many weights as L1 kept, then refitted by
# least squares on the survivors.

# %%
X, y = task.X_train, task.y_train
w_lasso = sweep.coefs[sweep.best]  # section 3's tuned L1 model


def val(w):
    return regression.mse(task.X_val, task.y_val, w)


ridge_fits = [Ridge(alpha=2 * len(y) * lam, fit_intercept=False).fit(X, y).coef_
              for lam in ridge_lams]  # scikit-learn's alpha = 2 n lambda
best_ridge = int(np.argmin([val(w) for w in ridge_fits]))
w_ridge = ridge_fits[best_ridge]
keep = np.argsort(-np.abs(w_ridge), kind="stable")[:np.count_nonzero(w_lasso)]
w_pruned, w_refit = np.zeros(100), np.zeros(100)
w_pruned[keep] = w_ridge[keep]
w_refit[keep] = np.linalg.lstsq(X[:, keep], y, rcond=None)[0]
routes = {"L1 (lasso)": w_lasso, "L2 (ridge)": w_ridge, "L2, pruned": w_pruned,
          "L2, pruned + refit": w_refit}
U, sv, Vt = np.linalg.svd(X, full_matrices=False)
w_svd = (sv / (sv**2 + 2 * len(y) * ridge_lams[best_ridge]) * (U.T @ y)) @ Vt
print(f"tuned ridge: lambda {ridge_lams[best_ridge]:.3g} (02's convention); section 4's SVD "
      f"formula gives the same weights to 1e-8: {np.abs(w_svd - w_ridge).max() < 1e-8}")
j = int(np.argmax(np.abs(task.true_w)))  # the largest true weight
print(f"{'model':>20s} {'exact zeros':>11s} {'test MSE':>9s} {f'weight {j}':>9s}")
for name, w in routes.items():
    print(f"{name:>20s} {np.sum(w == 0):11d} "
          f"{regression.mse(task.X_test, task.y_test, w):9.3g} {w[j]:9.2g}")
print(f"{'truth':>20s} {np.sum(task.true_w == 0):11d} {'':>9s} {task.true_w[j]:9.2g}")

# %% [markdown]
# Same zeros, not the same quality. Pruning deletes weights *after* they were fitted
# together: the survivors are still shrunk (weight 29: −1.2, against L1's −2 and the
# truth's −2.2) and still compensate for the deleted ones. The refit repairs much of it.
# L1 chooses its zeros *while* fitting. Dropout, another tool named with L1, leaves no
# zeros at all: see the last deep dive.

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: the robot toy, closer
#
# ### Exercise: which part does the L1 model rely on?
#
# Give the position of `w_l1`'s non-zero weight (`np.flatnonzero`) or its name.

# %% tags=["exercise"] exercise="l1-part"
l1_part = ...

# %%
check_l1_part(l1_part)

# %% [markdown]
# Where does the minimum-L2 fit come from? It is what **no penalty at all** gives when you
# train by gradient descent from zero: every step moves the weights along rows of `X`, so
# they never leave the space those rows span, and the only exact fit there is the
# minimum-L2 one.

# %%
w_gd = np.zeros(n_parts)
step = 1 / np.linalg.norm(toy.X_train, 2) ** 2
for _ in range(3000):
    w_gd -= step * toy.X_train.T @ (toy.X_train @ w_gd - toy.y_train)
print(f"gradient descent from 0, 3000 steps: largest gap to the minimum-L2 fit below 1e-12? "
      f"{'yes' if np.abs(w_gd - w_l2).max() < 1e-12 else 'no'}")
print(f"L1 norm: min-L2 fit {np.abs(w_l2).sum():.3f}, min-L1 fit {np.abs(w_l1).sum():.3f}; "
      f"L2 norm: min-L2 fit {np.linalg.norm(w_l2):.3f}, min-L1 fit {np.linalg.norm(w_l1):.3f}")

# %% [markdown]
# Each exact fit wins on its own ruler. Weak penalties agree with them: `Lasso` keeps one
# weight, `Ridge` the spread. (Parts no training character carries get 0 under every fit:
# missing data, not sparsity, so we count only parts seen in training. The two `alpha`s
# below are both weak, not equal strengths: the objectives are scaled differently.)

# %%
seen = toy.X_train.any(axis=0)
weak_lasso = Lasso(alpha=0.01, fit_intercept=False, max_iter=100_000, tol=1e-10)
weak_ridge = Ridge(alpha=0.01, fit_intercept=False)
for name, model in (("Lasso, alpha=0.01", weak_lasso), ("Ridge, alpha=0.01", weak_ridge)):
    coef = model.fit(toy.X_train, toy.y_train).coef_
    print(f"{name}: {np.count_nonzero(coef[seen])} of {int(seen.sum())} seen parts non-zero, "
          f"antenna weight {coef[toy.common_part]:.3f}, held-out accuracy "
          f"{overfitting.accuracy(toy.X_test, toy.y_test, coef):.0%}")
weak_gap = optimality.lasso_optimality_gap(toy.X_train, toy.y_train, weak_lasso.coef_, 0.01)
print(f"the Lasso fit's optimality gap: {'below 1e-6' if weak_gap < 1e-6 else f'{weak_gap:.1e}'}")

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: write magnitude pruning
#
# Write `prune(w, k)`: a **new** array shaped like `w`, keeping the `k` weights of largest
# magnitude (sign included), all others exactly 0. The check also tries `k = 0` and
# `k = len(w)`.

# %% tags=["exercise"] exercise="prune"
def prune(w, k):
    ...


# %%
check_prune(prune)

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: dropout is a different tool
#
# **Dropout** hides each input, at every training step, with probability *p* (and scales
# the kept ones by 1/(1−p)), so no single input can be relied on. We train it by
# stochastic gradient descent (SGD) on section 3's task, *p* tuned on validation.
#
# **Predict:** how many of dropout's 100 weights will be exactly 0? `"none"`, `"a few"` or
# `"as many as L1"`.

# %% tags=["predict"] exercise="dropout-zeros"
dropout_zeros = ...

# %%
check_dropout_zeros(dropout_zeros)

# %%
def dropout_sgd(X, y, p, epochs=200, batch=10, step=0.01, seed=0):
    """Mini-batch SGD on the squared error, each input hidden with probability p."""
    r = np.random.default_rng(seed)
    w, avg = np.zeros(X.shape[1]), np.zeros(X.shape[1])
    for epoch in range(epochs):
        for idx in np.array_split(r.permutation(len(y)), len(y) // batch):
            Xm = X[idx] * (r.random((len(idx), X.shape[1])) >= p) / (1 - p)
            w = w - step / (1 + epoch / 100) * Xm.T @ (Xm @ w - y[idx]) / len(idx)
        if epoch >= epochs // 2:  # average the last half of the epochs: quiets SGD's noise
            avg += w
    return avg / (epochs - epochs // 2)


drop = {p: dropout_sgd(X, y, p) for p in (0.1, 0.3, 0.5)}
p_best = min(drop, key=lambda p: val(drop[p]))
all_routes = {**routes, f"dropout (p={p_best})": drop[p_best]}
test_mse = {name: regression.mse(task.X_test, task.y_test, w) for name, w in all_routes.items()}
print(f"dropout (p={p_best}): {np.sum(drop[p_best] == 0)} exact zeros, test MSE "
      f"{test_mse[f'dropout (p={p_best})']:.3g}")

# %%
fig = figures.plot_routes(all_routes, task.true_w, test_mse)
fig

# %% [markdown]
# None, like ridge (grey crosses mark exact zeros). Not "a few" nor "as many as L1":
# averaged over its random masks, dropout's squared error is the plain one plus
# `p/(1−p) · Σ_j w_j² · mean(x_j²)` (Wager, Wang & Liang, 2013), ridge with one strength
# per feature, and a squared penalty pulls weights towards 0 without snapping them there
# (02). Its minimiser solves `(XᵀX + p/(1−p) diag(XᵀX)) w = Xᵀy`; compare it with the SGD
# weights at p = 0.5:

# %%
G = X.T @ X
w_avg = np.linalg.solve(G + 0.5 / (1 - 0.5) * np.diag(np.diag(G)), X.T @ y)
rel = np.linalg.norm(drop[0.5] - w_avg) / np.linalg.norm(w_avg)
print(f"dropout p=0.5 by SGD: exact zeros {np.sum(drop[0.5] == 0)}, smallest |weight| "
      f"{np.abs(drop[0.5]).min():.2e}")
print(f"closed-form averaged dropout: exact zeros {np.sum(w_avg == 0)}; relative distance "
      f"between the two: {rel:.1%}")

# %% [markdown]
# The SGD weights land within about a tenth of the averaged problem's answer (the rest is
# SGD noise); neither has an exact zero. "L1 is the same as dropout" is a misconception:
# dropout makes a model robust, not small.

# %% [markdown]
# ## Summary
#
# - Fewer examples than weights: the penalty picks the fit. L2 spreads credit (memory),
#   L1 concentrates it on shared parts; minimum-L2 still ranked new robots first.
# - Along λ, training error falls, held-out error traces a U: choose λ on validation data.
# - On a dense truth L1 loses to L2: sparsity is a bet on the world.
# - Pruning and L1 both give zeros; L1 chooses them while fitting. Dropout and L2 give none.
#
# ## Where next
#
# Notebook **07** is the lab: a wide model of the whole globe, where L1 decides which of
# millions of crossed cells deserve a weight.
