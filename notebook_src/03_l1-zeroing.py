# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 03 · L1: subtract a constant, and stop at zero
#
# Notebook 02 showed that L2 removes a *fraction* of a weight at every step, so it never
# arrives at 0. L1 removes a *constant* amount instead, which would overshoot 0, unless one
# small rule is added: a weight that would cross 0 stops at 0.
#
# **What you will learn**
#
# - the L1 step, and why its slope is a constant only *away from* 0;
# - the "crossing zero becomes zero" rule: soft-thresholding, the proximal step;
# - that plain (sub)gradient descent does *not* produce exact zeros, while the proximal step
#   (ISTA) does;
# - why TensorFlow Playground's "stays dead" rule is a different thing.
#
# **Time:** about 40 minutes. **Prerequisites:** [02 · Zeno's L2](02_zeno-l2.ipynb).

# %%
# %matplotlib inline
import numpy as np
from sklearn.linear_model import Lasso

import lessonlib
from lessonlib import optimality, optimizers, penalties, synthetic
from lessonlib.checks.l1_zeroing import (STARTS, ZEROED_T, ZEROED_W, check_ista_step,
                                         check_l2_grid_zeros, check_network_step,
                                         check_playground_starts, check_predict_zeroed,
                                         check_soft_threshold, check_subgradient_zeros)
from lessonlib.plots import shrinkage as figures
from lessonlib.widgets.shrinkage import l1_l2_network

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

# %% [markdown]
# ## 1. The L1 slope: a constant, except at 0
#
# The L1 penalty on one weight is $\lambda |w|$. Its slope is $+\lambda$ for a positive weight
# and $-\lambda$ for a negative one, *whatever the weight's size*. Compare L2, whose push
# $2\lambda w$ fades with the weight.

# %%
lam = 0.1
print("   w      L1 slope   L2 slope (2*lam*w)")
for w in [2.0, 0.5, 0.01, -0.01, -3.0]:
    print(f"{w:>6}   {lam * penalties.l1_subgradient(w):>+7.3f}   {2 * lam * w:>+9.4f}")

# %% [markdown]
# At $w = 0$ the graph of $\lambda|w|$ has a corner: the slope is $-\lambda$ from the left and
# $+\lambda$ from the right. Every number in between is a *subgradient* (a line through 0 with
# that slope never rises above $\lambda|w|$). So "the derivative of L1 is a constant" holds
# only away from 0, and what happens *at* 0 is where the sparsity comes from.

# %%
h = 1e-6
print(f"slope just right of 0: {lam * (abs(h) - 0) / h:+.3f}; just left: "
      f"{lam * (abs(-h) - 0) / -h:+.3f}")
low, high = penalties.l1_subdifferential(0.0)
print(f"subgradients of lam*|w| at w = 0: every value in [{lam * low:+.1f}, {lam * high:+.1f}]")

# %% [markdown]
# ## 2. The clipping rule is soft-thresholding
#
# One L1 step of size $t = \eta\lambda$ subtracts $t$ from a positive weight. A weight at
# $+0.1$ and a step of $0.3$ would land on $-0.2$, across 0, and the next step would push it
# back. The rule "a weight that would cross 0 is set to exactly 0" is *soft-thresholding*:
#
# $$S(w, t) = \operatorname{sign}(w)\,\max(|w| - t,\ 0).$$

# %%
w, t = 0.1, 0.3
print(f"naive L1 step:  {w} - {t} = {w - t:+.1f}  (crossed zero)")
print(f"soft-threshold: S({w}, {t}) = {penalties.soft_threshold(w, t)}")

# %% [markdown]
# Not an ad-hoc patch: $S(w, t)$ is the *proximal step* of $t|x|$, the minimiser of
# $\tfrac12 (x - w)^2 + t|x|$ (stay close to $w$, pay for $|x|$). A brute-force check on a
# fine grid of $x$:

# %%
grid = np.linspace(-2, 2, 400_001)
print("   w     argmin of 0.5*(x-w)^2 + 0.3*|x| on a grid    S(w, 0.3)")
for w in [0.1, -0.25, 0.3, 0.8, -1.5]:
    best = grid[np.argmin(0.5 * (grid - w) ** 2 + t * np.abs(grid))]
    after = penalties.soft_threshold(w, t)
    print(f"{w:>6}   {best + 0.0:>+10.4f}                                {after:+.4f}")

# %%
fig = figures.plot_soft_threshold(t=0.3, eta_lam2=0.3)
fig

# %% [markdown]
# Left: soft-thresholding (vermillion) is *flat at exactly 0* on the shaded band
# $[-0.3, 0.3]$: a whole interval of weights lands on 0. Right: the L2 step is a line through
# the origin, so only a weight already at 0 ends at 0.
#
# **Predict:** one step with $t = 0.25$ is applied to the weights printed below. Which
# positions (counting from 0) hold *exactly* 0 afterwards? A list, e.g. `[0, 3]`.

# %%
print("weights:", ZEROED_W, "  threshold t =", ZEROED_T)

# %% tags=["predict"] exercise="predict-zeroed"
zeroed_positions = ...

# %%
check_predict_zeroed(zeroed_positions)

# %%
print("after the step:", penalties.soft_threshold(ZEROED_W, ZEROED_T))

# %% [markdown]
# Positions 1, 2, 4, 5 and 7: every $|w| \le 0.25$. Easy to miss: 0.25 itself ($|w| - t$ is
# exactly 0) and the weight already at 0 (it stays). Not position 3: $|-0.3| > 0.25$, so it
# moves to $-0.05$ and survives.
#
# ### Exercise 1: write soft-thresholding
#
# Write `my_soft_threshold(w, t)` for a NumPy array `w` and a number `t >= 0`, element by
# element (without `lessonlib`'s version).

# %% tags=["exercise"] exercise="soft-threshold"
def my_soft_threshold(w, t):
    ...  # your code here


# %%
check_soft_threshold(my_soft_threshold)

# %% [markdown]
# ## 3. Side by side: who produces exact zeros?
#
# A bigger problem: 200 examples, 100 standardised features of which 10 are informative,
# and the Lasso objective (scikit-learn's `Lasso` scaling)
#
# $$\frac{1}{2n}\lVert Xw - y\rVert^2 + \lambda \lVert w\rVert_1, \qquad \lambda = 0.1 .$$
#
# Two methods, 5,000 steps of size $1/L$ from $w = 0$ ($L$: the largest eigenvalue of
# $X^\top X/n$):
#
# - **subgradient descent**: the loss gradient plus $\lambda\,\operatorname{sign}(w)$, what
#   "just add the L1 term to SGD" does;
# - **ISTA** (proximal gradient): a gradient step on the loss, then section 2's $S$.
#
# **Predict:** how many of the 100 weights does subgradient descent leave at exactly 0?
# `"none"`, `"about 10"` or `"about 90"`.

# %% tags=["predict"] exercise="subgradient-zeros"
subgradient_zeros = ...

# %%
check_subgradient_zeros(subgradient_zeros)

# %%
X, y, true_w = synthetic.sparse_regression(200, 100, 10, seed=1)
lam, n_steps = 0.1, 5000
L = optimizers.lipschitz_constant(X)
runs = [optimizers.subgradient_descent_l1(X, y, lam, step=1 / L, n_steps=n_steps),
        optimizers.ista(X, y, lam, step=1 / L, n_steps=n_steps)]
print(f"L = {L:.4f}, step 1/L = {1 / L:.4f}")
print(f"{'method':<20} {'exact zeros':>11} {'|w| < 1e-3':>10} {'objective':>10} {'opt. gap':>9}")
for r in runs:
    gap = optimality.lasso_optimality_gap(X, y, r.weights, lam)  # largest KKT violation / lambda
    print(f"{r.method:<20} {r.exact_zeros:>11} {r.n_below(1e-3):>10} "
          f"{r.final_objective:>10.6f} {'< 1e-9' if gap < 1e-9 else f'{gap:.2f}':>9}")

# %% tags=["nbval-ignore-output"]
# Wall-clock times vary from run to run and machine to machine, so this cell is not compared.
for r in runs:
    print(f"{r.method:<20} {r.seconds * 1000:7.0f} ms for {r.n_steps:,} steps")

# %% [markdown]
# None. ISTA ends with 90 exact zeros (the noise features) at the minimum (its optimality gap,
# the largest miss of the Lasso's optimality conditions relative to $\lambda$, is 0 to
# rounding). Subgradient descent ends with no exact zero and a higher objective. Not "about
# 90": that is the clipping's count. Not "about 10": that is the informative features, which
# stay large. Each step pushes a noise weight $\lambda/L$ (about 0.036) towards 0, *and past
# it*; the loss's gradient adds its own push, so the jumps are not all 0.036. The noise weight
# closest to 0, six more steps:

# %%
sub = runs[0]
j = int(np.argmin(np.abs(sub.weights)))
more = optimizers.subgradient_descent_l1(X, y, lam, step=1 / L, n_steps=6, w0=sub.weights,
                                         max_frames=7)
print(f"feature {j}, six more subgradient steps:", np.array2string(more.path[:, j], precision=5))

# %%
fig = figures.plot_method_comparison(runs)
fig

# %% [markdown]
# Left: each method's final $|w|$, sorted, on a log scale; exact zeros sit in the grey "= 0"
# row, apart from every real magnitude. Right: the objective's distance to the best found:
# ISTA reaches the minimum, subgradient descent stalls above it. Why ISTA's zeros survive
# the next gradient step: a weight at 0 is moved by the loss's pull $g_j$ (the slope of the
# loss along $w_j$) by $|g_j|/L$, and then $S$ takes $\lambda/L$ off. So it **stays exactly 0
# while $|g_j| \le \lambda$**: the data pulls less than the penalty's price. (To write one ISTA step
# yourself, see the deep dive at the end.)

# %% [markdown]
# ## 4. A network of weights: L1 goes dark, L2 never does
#
# In the spirit of the Playground's play button: the 100 weights of section 3 as a 10 x 10
# grid, trained from the least-squares fit (every weight non-zero) with small steps, once with
# L1 (ISTA), once with L2 (weight decay) of the same strength.
#
# **Predict:** after 400 steps at $\lambda = 0.1$, how many of L2's 100 weights are exactly
# 0? `"none"`, `"about 10"` or `"about 90"`.

# %% tags=["predict"] exercise="l2-grid-zeros"
l2_zeros = ...

# %%
check_l2_grid_zeros(l2_zeros)

# %%
network = l1_l2_network()
net = network.network
for step in [0, 5, 10, 20, 40, 400]:
    w1, w2 = net.l1[0.1].path[step], net.l2[0.1].path[step]
    print(f"step {step:>3}: L1 exact zeros {int((w1 == 0).sum()):>3}, "
          f"L2 exact zeros {int((w2 == 0).sum())}, smallest L2 |w| {np.abs(w2).min():.1e}")

# %% [markdown]
# None: each L2 step multiplies a weight by a fraction (notebook 02). Not "about 90": that is
# L1's count. Not "about 10": no L2 step lands on 0.
#
# **What to look at:** black cells are exactly 0; vermillion outlines mark the 10 informative
# features (top row). The slider shows the step, dense at the start where the zeros come.
# The readout gives each grid's exact zeros and largest $|w|$: compare L2 at $\lambda$ 0.02
# and 0.5. *If you see "model not found", run the cell.*

# %%
network

# %% [markdown]
# ### Exercise 2: when is L1 done?
#
# Set $\lambda$ to 0.2. From which step on are all 90 noise weights exactly 0? Read the
# readout's *noise features* count; the slider shows only some steps (denser at the start),
# so give the first one it shows with 90/90.

# %% tags=["exercise"] exercise="network-step"
l1_done_step = ...

# %%
check_network_step(l1_done_step)

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: TensorFlow Playground's rule is not truncated gradient
#
# TensorFlow Playground zeroes weights with its own rule: after the loss step, subtract the L1
# step; a weight that this crosses over 0 is set to 0, **and that link stays dead** for the
# rest of training. It is often called "truncated gradient", but Langford, Li and Zhang's
# truncated gradient (2009) clips at 0 and lets the next gradient step move the weight again:
# with truncation at every step ($K = 1$) it *is* ISTA.

# %%
w0 = np.random.default_rng(0).normal(0, 1, 100)
tg = optimizers.truncated_gradient(X, y, lam, step=1 / L, n_steps=2000, w0=w0, max_frames=2)
same = optimizers.ista(X, y, lam, step=1 / L, n_steps=2000, w0=w0, max_frames=2)
print(f"truncated gradient (K = 1) and ISTA, same start: identical weights "
      f"{np.array_equal(tg.weights, same.weights)}")

# %% [markdown]
# A useful weight that starts with the wrong sign must pass 0 on its way.
#
# **Predict:** from 20 random starts, in how many does the Playground rule end above the
# Lasso's minimum? `"none"`, `"a few"` or `"all"`.

# %% tags=["predict"] exercise="playground-starts"
playground_answer = ...

# %%
check_playground_starts(playground_answer)

# %%
sk = Lasso(alpha=lam, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y).coef_
f_best = optimizers.lasso_objective(X, y, sk, lam)
print(f"minimum (scikit-learn, optimality gap < 1e-6: "
      f"{optimality.lasso_optimality_gap(X, y, sk, lam) < 1e-6}): {f_best:.6f}")
ista_gaps, stuck, ista_stuck = [], 0, 0
for seed in range(STARTS):
    w0 = np.random.default_rng(seed).normal(0, 1, 100)
    pg = optimizers.playground_l1(X, y, lam, step=1 / L, n_steps=2000, w0=w0, max_frames=2)
    ist = optimizers.ista(X, y, lam, step=1 / L, n_steps=2000, w0=w0, max_frames=2)
    ista_gaps.append(optimality.lasso_optimality_gap(X, y, ist.weights, lam))
    ista_stuck += ist.final_objective - f_best > 1e-6
    killed = np.flatnonzero(pg.extra["dead"] & (true_w != 0))
    if pg.final_objective - f_best > 1e-6:
        stuck += 1
        ista_off = abs(ist.final_objective - f_best)
        print(f"start {seed:>2}: Playground killed informative feature(s) {killed.tolist()}, "
              f"ends {pg.final_objective - f_best:.3f} above the minimum; ISTA "
              f"{'within 1e-9 of it' if ista_off < 1e-9 else f'{ista_off:.1e} off'}")
print(f"Playground rule above the minimum: {stuck} of {STARTS} starts; "
      f"ISTA: {ista_stuck} of {STARTS} "
      f"(largest optimality gap {'< 1e-9' if max(ista_gaps) < 1e-9 else max(ista_gaps)})")

# %% [markdown]
# A few (3 of 20). Not "none": a dead link never returns, so a killed informative weight
# leaves the loss worse for good. Not "all": a weight dies only if a step lands it within one
# L1 step of 0 on its way across; usually it jumps over. ISTA ends at the minimum from every
# start. (FTRL-Proximal, notebook 07, gets its zeros from a closed form instead.)

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: write one ISTA step
#
# ### Exercise 3: one ISTA step
#
# Write `ista_step(w, X, y, lam, step)`: one proximal gradient step on section 3's objective.
# The loss gradient is $X^\top (Xw - y)/n$; the threshold is `step * lam`.

# %% tags=["exercise"] exercise="ista-step"
def ista_step(w, X, y, lam, step):
    ...  # your code here


# %%
check_ista_step(ista_step)

# %% [markdown]
# ## Summary
#
# - The L1 push $\lambda\,\operatorname{sign}(w)$ has the same size for every non-zero weight;
#   at 0 there is no slope, only subgradients in $[-\lambda, \lambda]$.
# - "A weight the step would carry across 0 is set to 0" is soft-thresholding
#   $S(w,t) = \operatorname{sign}(w)\max(|w|-t, 0)$, the proximal step of $t|w|$.
# - Subgradient descent leaves weights flickering around 0 (0 exact zeros); ISTA gives 90
#   and the minimum.
# - (Deep dive) TensorFlow Playground's rule kills a link for good and can end above the
#   minimum; Langford et al.'s truncated gradient with $K = 1$ is ISTA.
#
# ## Where next
#
# **[04 · The geometry](04_norm-ball-geometry.ipynb)** explains *why* the L1 solution sits on
# exact zeros so often. L1 as a feature selector (the path, correlated and unscaled features)
# is in **[08 · In practice](08_l1-in-practice.ipynb)**.
