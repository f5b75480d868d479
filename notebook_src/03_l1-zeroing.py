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
# arrives at 0. L1 removes a *constant* amount instead, which would overshoot 0 and keep
# bouncing around it, unless one small rule is added: a weight that would cross 0 stops at 0.
#
# **What you will learn**
#
# - the L1 step, and why its derivative is a constant only *away from* 0;
# - the "crossing zero becomes zero" rule, which is soft-thresholding, the proximal step;
# - that plain (sub)gradient descent with an L1 term does *not* produce exact zeros, while the
#   proximal step does, measured side by side with four methods;
# - how well L1 picks the right features, and how correlated or unscaled features fool it.
#
# **Time:** about 45 minutes. **Prerequisites:** [02 · Zeno's L2](02_zeno-l2.ipynb).

# %%
# %matplotlib inline
import numpy as np
from sklearn.linear_model import Lasso, Ridge, lasso_path
from sklearn.preprocessing import StandardScaler

import lessonlib
from lessonlib.checks.l1_zeroing import (
    ZEROED_T,
    ZEROED_W,
    check_ista_step,
    check_predict_zeroed,
    check_soft_threshold,
)
from lessonlib.optimizers import (
    ftrl_proximal,
    ista,
    lasso_objective,
    lipschitz_constant,
    precision_recall,
    ridge_alpha,
    subgradient_descent_l1,
    truncated_gradient,
)
from lessonlib.optimality import lasso_optimality_gap
from lessonlib.penalties import l1_subdifferential, l1_subgradient, soft_threshold
from lessonlib.plots.shrinkage import (
    plot_coefficients,
    plot_lasso_path,
    plot_method_comparison,
    plot_soft_threshold,
)
from lessonlib.synthetic import sparse_regression
from lessonlib.widgets.shrinkage import l1_l2_network

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

# %% [markdown]
# ## 1. The L1 slope: a constant, except at 0
#
# The L1 penalty on one weight is $\lambda |w|$. Its slope is $+\lambda$ for a positive weight
# and $-\lambda$ for a negative one, *whatever the weight's size*: a weight of 2 and a weight of
# 0.01 are pushed towards 0 equally hard. Compare L2, whose push $2\lambda w$ fades with the
# weight.

# %%
lam = 0.1
print("   w      L1 slope   L2 slope (2*lam*w)")
for w in [2.0, 0.5, 0.01, -0.01, -3.0]:
    print(f"{w:>6}   {lam * l1_subgradient(w):>+7.3f}   {2 * lam * w:>+9.4f}")

# %% [markdown]
# At $w = 0$ the graph of $\lambda|w|$ has a corner, and there is no slope at all: coming from
# the left it is $-\lambda$, from the right $+\lambda$. Every number in between is a
# *subgradient*, a valid "slope" in the sense that the line through 0 with that slope never
# rises above $\lambda|w|$. So "the derivative of L1 is a constant" is only true away from 0, and
# what happens *at* 0 is exactly where the sparsity comes from.

# %%
h = 1e-6
print(f"slope just right of 0: {lam * (abs(h) - 0) / h:+.3f}; just left: "
      f"{lam * (abs(-h) - 0) / -h:+.3f}")
low, high = l1_subdifferential(0.0)
print(f"subgradients of lam*|w| at w = 0: every value in [{lam * low:+.1f}, {lam * high:+.1f}]")

# %% [markdown]
# ## 2. The clipping rule is soft-thresholding
#
# One L1 step of size $t = \eta\lambda$ subtracts $t$ from a positive weight. Take a weight at
# $+0.1$ and a step of $0.3$: naively it lands on $-0.2$, on the *other side* of 0, where the
# next step pushes it back up by 0.3, and so on forever. The rule "a weight that would cross 0
# is set to exactly 0" fixes that. Written as a formula it is *soft-thresholding*,
#
# $$S(w, t) = \operatorname{sign}(w)\,\max(|w| - t,\ 0).$$

# %%
w, t = 0.1, 0.3
print(f"naive L1 step:  {w} - {t} = {w - t:+.1f}  (crossed zero)")
print(f"soft-threshold: S({w}, {t}) = {soft_threshold(w, t)}")

# %% [markdown]
# The rule is not an ad-hoc patch. $S(w, t)$ is the *proximal step* of $t|x|$: the point $x$
# that best balances staying close to $w$ against the penalty, i.e. the minimiser of
# $\tfrac12 (x - w)^2 + t|x|$. We can check that by brute force on a fine grid of $x$:

# %%
grid = np.linspace(-2, 2, 400_001)
print("   w     argmin of 0.5*(x-w)^2 + 0.3*|x| on a grid    S(w, 0.3)")
for w in [0.1, -0.25, 0.3, 0.8, -1.5]:
    best = grid[np.argmin(0.5 * (grid - w) ** 2 + t * np.abs(grid))]
    print(f"{w:>6}   {best + 0.0:>+10.4f}                                {soft_threshold(w, t):+.4f}")

# %%
fig = plot_soft_threshold(t=0.3, eta_lam2=0.3)
fig

# %% [markdown]
# Left: the L1 step as a function of the weight before it. The dashed line (subtract $0.3$
# regardless) jumps across 0; soft-thresholding (vermillion) is *flat at exactly 0* for every weight
# in $[-0.3, 0.3]$, the shaded band: a whole interval of weights lands on 0. Right: the L2 step
# is a line through the origin, so only a weight that is already 0 ends at 0.

# %% [markdown]
# ### Exercise 1: write soft-thresholding
#
# Write `my_soft_threshold(w, t)` for a NumPy array `w` and a number `t >= 0`, element by
# element. (Do not call `lessonlib`'s version.)

# %% tags=["exercise"] exercise="soft-threshold"
def my_soft_threshold(w, t):
    ...  # your code here


# %%
check_soft_threshold(my_soft_threshold)

# %% [markdown]
# ### Exercise 2: predict the zeros
#
# One proximal L1 step with threshold $t = 0.25$ is applied to the weights below. Which
# positions (counting from 0) hold *exactly* 0 afterwards? Work it out by hand, then give a
# list of positions.

# %%
print("weights:", ZEROED_W, "  threshold t =", ZEROED_T)

# %% tags=["exercise"] exercise="predict-zeroed"
zeroed_positions = ...  # e.g. [0, 3]

# %%
check_predict_zeroed(zeroed_positions)

# %% [markdown]
# ## 3. Side by side: who produces exact zeros?
#
# Now a bigger problem: 200 examples, 100 standardised features of which 10 are informative,
# and the Lasso objective (the same scaling as scikit-learn's `Lasso`)
#
# $$\frac{1}{2n}\lVert Xw - y\rVert^2 + \lambda \lVert w\rVert_1, \qquad \lambda = 0.1 .$$
#
# Four methods, each run for 5,000 steps from $w = 0$; the first three take steps of size
# $1/L$ ($L$ = the largest eigenvalue of $X^\top X/n$), FTRL sets its own step per weight:
#
# - **subgradient descent**: the gradient of the loss plus $\lambda\,\operatorname{sign}(w)$,
#   what "just add the L1 term to SGD" does;
# - **ISTA** (proximal gradient): a gradient step on the loss, then soft-thresholding;
# - **truncated gradient**, the rule of TensorFlow Playground: after the loss step, the L1 step
#   is subtracted, and a weight it would carry across 0 is set to 0 (and the link stays dead);
# - **FTRL-Proximal** (McMahan et al., 2013), with a learning rate per coordinate and a closed
#   form that sets $w_i = 0$ whenever $|z_i| \le \lambda_1$. For each weight, $z_i$ is a running
#   sum of all the loss gradients seen so far (plus a small correction). After $k$ rounds it
#   holds $k$ gradients, so the L1 threshold grows with it, $\lambda_1 = k\lambda$ (the L1
#   term of those $k$ rounds); that way FTRL minimises the same objective as the others.

# %%
X, y, true_w = sparse_regression(200, 100, 10, seed=1)
lam, n_steps = 0.1, 5000
L = lipschitz_constant(X)
runs = [
    subgradient_descent_l1(X, y, lam, step=1 / L, n_steps=n_steps),
    ista(X, y, lam, step=1 / L, n_steps=n_steps),
    truncated_gradient(X, y, lam, step=1 / L, n_steps=n_steps),
    ftrl_proximal(X, y, lam, alpha=1.0, n_steps=n_steps),
]
print(f"L = {L:.4f}, step 1/L = {1 / L:.4f}")
print(f"{'method':<22} {'exact zeros':>11} {'|w| < 1e-6':>10} {'|w| < 1e-3':>10} {'objective':>10}")
for r in runs:
    print(f"{r.method:<22} {r.exact_zeros:>11} {r.n_below(1e-6):>10} {r.n_below(1e-3):>10} "
          f"{r.final_objective:>10.6f}")

# %% tags=["nbval-ignore-output"]
# Wall-clock times vary from run to run and machine to machine, so this cell is not compared.
for r in runs:
    print(f"{r.method:<22} {r.seconds * 1000:7.0f} ms for {r.n_steps:,} steps")

# %% [markdown]
# The three methods that handle the corner at 0 exactly end with 90 exact zeros, the 90 noise
# features, and the same, lowest, objective. Plain subgradient descent ends with **no** exact
# zero at all and a worse objective. Its noise weights are small, but they never settle: each
# step pushes them by $\lambda/L$ (about 0.036 here) towards 0, and past it. Six more steps
# on the noise weight that ended closest to 0 show the dance (the first number is where it
# starts):

# %%
sub = runs[0]
j = int(np.argmin(np.abs(sub.weights)))
more = subgradient_descent_l1(X, y, lam, step=1 / L, n_steps=6, w0=sub.weights, max_frames=7)
print(f"feature {j}, six more subgradient steps:", np.array2string(more.path[:, j], precision=5))

# %%
fig = plot_method_comparison(runs)
fig

# %% [markdown]
# Left: the final $|w|$ of each method, sorted, on a log scale, with exact zeros drawn on the
# floor line (the markers of ISTA, truncated gradient and FTRL sit on top of each other: they
# reach the same weights). Those three put 90 weights on the floor; subgradient
# descent leaves a cloud of small but non-zero weights. Right: the gap to the best objective
# found (ISTA's curve hides under truncated gradient's: the two differ in their first steps,
# where truncated gradient skips the L1 step of a weight still at 0, and within about a
# hundred steps they reach the same weights and move together). The proximal methods reach
# the minimum up to rounding; subgradient descent stalls far above it, since with a constant
# step it cannot settle on the corner.
#
# **Correcting a misconception.** "SGD with an L1 term drives weights to zero" is not what the
# arithmetic does: it drives them *near* zero, where they flicker from side to side. The zeros
# come from the clipping (proximal) step, or from a closed form like FTRL's.

# %% [markdown]
# ### Exercise 3: one ISTA step
#
# Write `ista_step(w, X, y, lam, step)` returning the weights after one step of proximal
# gradient descent on $\frac{1}{2n}\lVert Xw - y\rVert^2 + \lambda\lVert w\rVert_1$. You may
# use `soft_threshold` (imported above) or your own function from exercise 1. Two things to
# get right: the gradient of the loss is $X^\top (Xw - y)/n$, and the threshold of the
# proximal step is the step size times $\lambda$.

# %% tags=["exercise"] exercise="ista-step"
def ista_step(w, X, y, lam, step):
    ...  # your code here


# %%
check_ista_step(ista_step)

# %% [markdown]
# ## 4. A network of weights: L1 goes dark, L2 never does
#
# In the spirit of TensorFlow Playground's play button: 100 weights drawn as a 10 x 10 grid,
# trained from the unregularised least-squares fit (every weight non-zero) with small steps,
# once with L1 (ISTA) and once with L2 (weight decay) of the same strength. It is the data
# set of section 3, so the top row holds the 10 informative features and the other nine rows
# the noise. A black cell is a weight that is *exactly* 0. All frames are computed once, up front; here is what they contain
# for $\lambda = 0.1$:

# %%
network = l1_l2_network()
net = network.network
for frame in [0, 5, 10, 20, 50, 100]:
    w1, w2 = net.l1[0.1].path[frame], net.l2[0.1].path[frame]
    print(f"step {net.steps[frame]:>3}: L1 exact zeros {int((w1 == 0).sum()):>3}, "
          f"L2 exact zeros {int((w2 == 0).sum())}, smallest L2 |w| {np.abs(w2).min():.1e}")

# %% [markdown]
# Press play (or drag the frame slider) to watch the grids; the lambda slider switches to
# another precomputed strength, with a live count of exact zeros. Below the top row, the L1
# grid goes dark cell by cell within the first 40 steps. The L2 cells change shade as their
# weights move to the balance point of notebook 02, but none ever goes black.
#
# *If you see "model not found" or only a sentence, run the cell.*

# %%
network

# %% [markdown]
# ## 5. L1 as a feature selector
#
# We know which 10 features are informative, so we can grade L1's choice along a whole path of
# $\lambda$ values: *precision* is the share of selected features that are truly informative,
# *recall* the share of informative features that were selected. scikit-learn's `lasso_path`
# computes the path (same objective as ours), each fit starting from the previous one's answer.
# The line under the table checks the fits: at the minimiser every non-zero weight's
# correlation with the residual, $x_j^\top (y - Xw)/n$, equals $\lambda\,\operatorname{sign}(w_j)$
# and every zero weight's lies in $[-\lambda, \lambda]$; the *optimality gap* is the largest
# miss, as a fraction of $\lambda$.

# %%
alphas = np.logspace(0.5, -2.5, 40)
# Each fit starts from the previous lambda's (a warm start); the tight tolerance makes
# every one converge, so the counts below are the Lasso's, not the solver's.
alphas, path_coefs, _ = lasso_path(X, y, alphas=alphas, tol=1e-12, max_iter=100_000)
path_coefs = path_coefs.T  # one row per lambda
pr = np.array([precision_recall(c, true_w) for c in path_coefs])
print("  lambda  selected  precision  recall")
for i in range(0, alphas.size, 6):
    sel = int((path_coefs[i] != 0).sum())
    print(f"{alphas[i]:8.3f}  {sel:>8}  {pr[i, 0]:>9.2f}  {pr[i, 1]:>6.2f}")
worst = max(lasso_optimality_gap(X, y, c, a) for c, a in zip(path_coefs, alphas))
print(f"optimality gap (largest KKT violation / lambda) of all {alphas.size} fits: "
      f"{'below 1e-6' if worst < 1e-6 else f'{worst:.1e}'}")
enter = [alphas[np.flatnonzero(path_coefs[:, j])[0]] for j in range(10)]
print("lambda at which each informative feature enters:", np.round(enter, 3))
print("true |weights| of those features:               ", np.round(np.abs(true_w[:10]), 2))

# %%
fig = plot_lasso_path(alphas, path_coefs, true_w, pr[:, 0], pr[:, 1], mark=0.1)
fig

# %% [markdown]
# Left: coming from strong $\lambda$ (left) to weak (right), each coefficient stays at exactly
# 0 until its feature *enters*; the informative features (vermillion) enter first, roughly in order of
# their true size, and the noise features (grey) only at small $\lambda$. Right: precision is
# perfect at strong $\lambda$ (at the far left nothing is selected yet; with no choice made
# there is no wrong choice, so precision counts as 1) and falls once noise features enter; recall climbs to 1 as the
# informative features come in. From $\lambda \approx 1$ down to the dotted
# $\lambda = 0.1$ both are 1: exactly the true support; below it, noise features start to
# come in and precision drops.

# %% [markdown]
# ## 6. Where the one-dimensional story breaks
#
# So far each weight was judged on its own. In many dimensions the features interact.
#
# **Correlated features.** Features 0 and 1 below are two noisy copies of one hidden signal
# (correlation 0.9999), and the target depends on that signal. Which copy should get the
# weight? Nothing in the data says. We fit six such data sets (different seeds), each twice:
# on all 200 examples, and on the first 180 only. The solver runs to a tight tolerance, so
# what we see is the Lasso's own answer, not an unfinished run.

# %%
def show(v):
    return "    0  " if v == 0 else f"{v:+7.3f}"  # an exact zero prints as a plain 0


gaps = []  # each Lasso fit's optimality gap (largest KKT violation / lambda)


def lasso_pair(X, y):
    w = Lasso(alpha=0.1, fit_intercept=False, tol=1e-9, max_iter=100_000).fit(X, y).coef_
    gaps.append(lasso_optimality_gap(X, y, w, 0.1))
    return w[:2]


def ridge_pair(X, y):
    return Ridge(alpha=ridge_alpha(0.05, len(y)), fit_intercept=False).fit(X, y).coef_[:2]


print("       Lasso w0, w1       Lasso w0, w1          Ridge w0, w1     Ridge w0, w1")
print("seed   (all 200)          (first 180)           (all 200)        (first 180)")
for seed in range(6):
    Xc, yc, _ = sparse_regression(200, 100, 10, seed=seed, correlated_pair=True)
    a, b = lasso_pair(Xc, yc), lasso_pair(Xc[:180], yc[:180])
    r, q = ridge_pair(Xc, yc), ridge_pair(Xc[:180], yc[:180])
    print(f"{seed:>4}   {show(a[0])} {show(a[1])}    {show(b[0])} {show(b[1])}      "
          f"{r[0]:+6.3f} {r[1]:+6.3f}    {q[0]:+6.3f} {q[1]:+6.3f}")
print(f"correlation of the two copies (seed 5): {np.corrcoef(Xc[:, 0], Xc[:, 1])[0, 1]:.5f}")
print(f"optimality gap of the {len(gaps)} Lasso fits: "
      f"{'below 1e-6' if max(gaps) < 1e-6 else f'{max(gaps):.1e}'}")

# %% [markdown]
# L2 splits the weight evenly, every time, and 20 examples fewer change the split by a
# hair. L1 does something else from one data set to the next: all on copy 0 (seeds 0 and 5),
# all on copy 1 (seed 1), or an uneven split (seeds 2-4), and in seed 3 dropping 20 of the
# 200 examples moves most of the weight from copy 1 to copy 0.
#
# Why: fix the total $s = w_0 + w_1$. Along the segment from $(s, 0)$ to $(0, s)$ the L1
# penalty $|w_0| + |w_1|$ does not change, so it has no opinion about how to divide the
# weight. Only the loss does, and it tells the copies apart only through their tiny
# independent noise: its lowest point lies either inside the segment (an uneven split) or
# beyond one end. Past an end the two weights have opposite signs and L1 charges $2\lambda$
# per unit, far more than the loss gains there, so the Lasso stops at the end itself: one
# weight exactly 0. L2's penalty $w_0^2 + w_1^2$ *does* have an opinion: it is smallest at
# the even split. So a feature that L1 drops is not necessarily useless: it may just have a
# twin, and a slightly different sample might have kept it instead.
#
# (A trap when you try this yourself. With 200, or 180, examples for 100 features the loss
# is strictly convex, so the Lasso has exactly one minimiser; but its bowl is almost flat
# along the split, which is also why 20 examples can move it so far. On such a flat bowl
# scikit-learn's `Lasso`, at its default tolerance, stops early, and its answer then depends
# on the order of the columns. That is the solver, not L1: a converged solver finds the one
# minimiser whatever the order.) Seed 5, fitted with the columns in their order and with 0
# and 1 swapped, at scikit-learn's default tolerance and at ours:

# %%
swapped = [1, 0] + list(range(2, 100))
for name, settings in [("defaults", {}), ("tol=1e-9", {"tol": 1e-9, "max_iter": 100_000})]:
    fit = Lasso(alpha=0.1, fit_intercept=False, **settings)
    a = fit.fit(Xc, yc).coef_
    ga = lasso_optimality_gap(Xc, yc, a, 0.1)
    b = fit.fit(Xc[:, swapped], yc).coef_[np.argsort(swapped)]  # back in the original order
    gb = lasso_optimality_gap(Xc, yc, b, 0.1)
    gap = "below" if max(ga, gb) < 1e-6 else "above"
    print(f"{name:<9} in order: {show(a[0])} {show(a[1])}   swapped: {show(b[0])} {show(b[1])}"
          f"   optimality gaps {gap} 1e-6")

# %% [markdown]
# **Unscaled features.** Now feature 3 is measured in units 100 times larger (its column is
# multiplied by 0.01, so it needs a weight 100 times larger) and noise feature 50 in units 100
# times smaller (multiplied by 100). The data are the same; only the units changed.

# %%
scales = np.ones(100)
scales[3], scales[50] = 0.01, 100.0
Xu, yu, true_u = sparse_regression(200, 100, 10, seed=1, scales=scales)
Xs = StandardScaler().fit_transform(Xu)
raw = Lasso(alpha=0.1, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(Xu, yu).coef_
std = Lasso(alpha=0.1, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(Xs, yu).coef_
for name, c in [("raw units", raw), ("standardised", std)]:
    p, r = precision_recall(c, true_u)
    print(f"{name:<13} selected {int((c != 0).sum()):>3}  feature 3 kept: {c[3] != 0!s:<5} "
          f"feature 50 kept: {c[50] != 0!s:<5} precision {p:.2f} recall {r:.2f}")
worst = max(lasso_optimality_gap(Xu, yu, raw, 0.1), lasso_optimality_gap(Xs, yu, std, 0.1))
print(f"optimality gap of both fits: {'below 1e-6' if worst < 1e-6 else f'{worst:.1e}'}")

# %%
# Both fits in the same (standardised) units: a raw coefficient times its column's spread.
raw_in_std_units = raw * Xu.std(axis=0)
fig = plot_coefficients({"fitted in raw units": raw_in_std_units, "fitted after standardising": std},
                        true_w=true_w, index=list(range(11)) + [50])
fig

# %% [markdown]
# Grey bars are the true weights, vermillion bars the fitted ones, both panels in the same
# standardised units; the last pair is noise feature 50. In raw units L1 drops the
# informative feature 3 (the "0" in its slot): its weight would have to be 100 times larger,
# and L1 charges by size. In exchange it lets in a crowd of noise features (33 selected in
# all), feature 50 among them. After standardising, the selection is exactly the true support
# again. **Standardise first**: L1 compares weights, and weights depend on units.

# %% [markdown]
# ## 7. In practice: scikit-learn's Lasso finds the same zeros
#
# scikit-learn solves the same objective by coordinate descent, a different algorithm. Does it
# agree with our ISTA run from section 3?

# %%
ista_run = runs[1]
sk = Lasso(alpha=lam, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y).coef_
same = np.array_equal(np.flatnonzero(sk), ista_run.support())
obj_sk = lasso_objective(X, y, sk, lam)
print(f"same support: {same} ({(sk != 0).sum()} non-zeros each)")
# Round-off-sized numbers differ from one processor to the next: print them as bounds.
diff = np.abs(sk - ista_run.weights).max()
gap = abs(ista_run.final_objective - obj_sk) / obj_sk
print(f"largest coefficient difference: {'below 1e-10' if diff < 1e-10 else f'{diff:.1e}'}")
print(f"objective: ISTA {ista_run.final_objective:.8f}, scikit-learn {obj_sk:.8f}, "
      f"relative gap {'below 1e-12' if gap < 1e-12 else f'{gap:.1e}'}")

# %% [markdown]
# ## Summary
#
# - The L1 push $\lambda\,\operatorname{sign}(w)$ has the same size for every non-zero weight;
#   at 0 there is no slope, only subgradients in $[-\lambda, \lambda]$.
# - "A weight the step would carry across 0 is set to 0" is soft-thresholding
#   $S(w,t) = \operatorname{sign}(w)\max(|w|-t, 0)$, the proximal step of $t|w|$: $+0.1$ with a
#   step of 0.3 becomes exactly 0.
# - Plain subgradient descent leaves weights flickering around 0 (0 exact zeros here); ISTA,
#   truncated gradient and FTRL-Proximal give 90 exact zeros and a lower objective.
# - L1 selects features: at a good $\lambda$ it finds exactly the true support, but with
#   near-duplicate features it divides the weight between the copies arbitrarily (often all
#   on one, and a slightly different sample can change the split), and with unscaled
#   features it selects by units. Standardise first.
#
# ## Where next
#
# **[04 · The geometry](04_norm-ball-geometry.ipynb)** explains *why* the L1 solution sits on exact zeros so often:
# the corners of the diamond.
