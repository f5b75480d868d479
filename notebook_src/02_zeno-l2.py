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
# # 02 · Zeno's L2: shrinking that never arrives
#
# Zeno's runner covers half the remaining distance, then half of what is left, and so on:
# he gets ever closer and never arrives. An L2 penalty treats a weight the same way.
#
# **What you will learn**
#
# - why a gradient step on the L2 penalty is a *multiplication* of the weight;
# - how many steps it takes to halve a weight, or shrink it a thousandfold;
# - why, with data, L2 settles at a balance point with no zero weights at all;
# - what floating point really does at the very end, and why it does not rescue L2 either.
#
# **Time:** about 35 minutes. **Prerequisites:** [01 · Sparse features](01_sparse-features.ipynb),
# and gradient descent on a loss.

# %%
# %matplotlib inline
from fractions import Fraction

import numpy as np
from sklearn.linear_model import Ridge

import lessonlib
from lessonlib.checks.zeno_l2 import check_l2_step, check_reaches_zero, check_steps_to_halve
from lessonlib.optimizers import gradient_descent_l2, ridge_alpha
from lessonlib.penalties import l2_squared_gradient
from lessonlib.plots.shrinkage import plot_float_decay, plot_l2_decay, plot_ridge_path
from lessonlib.synthetic import sparse_regression
from lessonlib.widgets.shrinkage import zeno_explorer
from lessonlib.zeno import (
    DTYPES,
    decay_factor,
    float_decay,
    l2_penalty_path,
    ridge_path,
    stall_bound,
    steps_to_shrink,
)

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

# %% [markdown]
# ## 1. The L2 step is a multiplication
#
# The L2 penalty on one weight is $\lambda w^2$. Its derivative is $2\lambda w$: the slope
# is *proportional to the weight*. A gradient step of size $\eta$ on the penalty alone is
#
# $$w \leftarrow w - \eta \cdot 2\lambda w = (1 - 2\eta\lambda)\, w .$$
#
# So every step multiplies the weight by the same factor $f = 1 - 2\eta\lambda$. A big weight
# loses a big amount, a small weight a small amount: the step removes a *fraction*, never a
# fixed amount. Let us watch it with $\eta = 0.1$ and $\lambda = 0.05$, so $f = 0.99$.

# %%
eta, lam = 0.1, 0.05
f = decay_factor(eta, lam)
print(f"decay factor f = 1 - 2*eta*lam = {f:g}")
for w in [2.0, 1.0, 0.01]:
    grad = l2_squared_gradient(w) * lam
    print(f"w = {w:<5g} penalty slope 2*lam*w = {grad:<7.4g} after one step: {w - eta * grad:.6g}"
          f"  (= {f:g} x w)")

# %% [markdown]
# After $t$ steps the weight is $w_t = f^{\,t} w_0$. A power of a number between 0 and 1 gets
# small, but it is never 0. Exact rational arithmetic (Python's `Fraction`, no rounding at all)
# makes the point: even after 1,000 steps the weight is a perfectly good non-zero number.

# %%
path = l2_penalty_path(1.0, eta, lam, 5)
print("first steps from w0 = 1:", np.round(path, 6))
exact = Fraction(99, 100) ** 1000
print(f"exact (99/100)**1000 = {float(exact):.4g}; is it zero? {exact == 0}")
print(f"its numerator has {len(str(exact.numerator))} digits, its denominator "
      f"{len(str(exact.denominator))}")

# %% [markdown]
# ### Exercise 1: one L2 step
#
# Write `l2_step(w, eta, lam)` returning the weight after one gradient step on the penalty
# `lam * w**2` alone (no data loss).

# %% tags=["exercise"] exercise="l2-step"
def l2_step(w, eta, lam):
    ...  # your code here


# %%
check_l2_step(l2_step)

# %% [markdown]
# ## 2. How fast? Steps to shrink by a factor of 10
#
# Since $w_t = f^t w_0$, the weight is $10^k$ times smaller when $f^t = 10^{-k}$, that is after
#
# $$t = \frac{k \ln 10}{-\ln(1 - 2\eta\lambda)}$$
#
# steps, *whatever the starting weight*. Each further factor of 10 costs the same number of
# steps. We check the formula against a simulation that counts the steps one by one.

# %%
long_path = l2_penalty_path(1.0, eta, lam, 2000)
print(f"f = {f:g}")
print(" k   formula   first step with w <= 10^-k")
for k in range(1, 6):
    formula = steps_to_shrink(eta, lam, k=k)
    counted = int(np.argmax(long_path <= 10.0**-k))
    print(f"{k:>2}  {formula:8.2f}   {counted}")

# %%
fig = plot_l2_decay([0.99, 0.95, 0.8], n_steps=500)
fig

# %% [markdown]
# On the linear axis (left) every curve soon looks as if it sits on 0. On the log axis (right)
# the same curves are straight lines heading down forever: each step removes the same
# fraction, and the dots (where the weight is 10, 100 and 1000 times smaller, as far as 500
# steps reach) are evenly spaced along each line.

# %% [markdown]
# ### Exercise 2: steps to halve a weight
#
# With $\eta = 0.05$ and $\lambda = 0.1$, after how many steps is a weight at most half of
# its starting value? Give a number (the exact solution of the equation, or the whole
# number of steps).

# %% tags=["exercise"] exercise="steps-to-halve"
steps_to_halve = ...  # a number

# %%
check_steps_to_halve(steps_to_halve)

# %% [markdown]
# ## 3. With data, L2 stops at a balance point, not at 0
#
# In training, the penalty is not alone: the loss pulls each useful weight away from 0 while
# the penalty pulls it back by a fraction. Gradient descent settles where the two pulls
# cancel, the *ridge* solution. We use 200 examples with 100 standardised features, only 10
# of which matter (generated, so we know the truth), and the objective
# $\frac{1}{2n}\lVert Xw - y\rVert^2 + \lambda\lVert w\rVert_2^2$.
# (In scikit-learn this is `Ridge(alpha=2 * n * lam)`.)

# %%
X, y, true_w = sparse_regression(200, 100, 10, seed=1)
lam_data = 0.05
gd = gradient_descent_l2(X, y, lam_data, n_steps=3000)
closed = ridge_path(X, y, [lam_data])[0]
sk = Ridge(alpha=ridge_alpha(lam_data, X.shape[0]), fit_intercept=False).fit(X, y).coef_
print(gd)
# The gaps are round-off (about 1e-15, varying with the machine), so we print a bound.
for name, other in [("the closed-form ridge solution", gd.weights), ("scikit-learn's Ridge", sk)]:
    gap = np.abs(closed - other).max()
    print(f"largest gap to {name}: {'below 1e-10' if gap < 1e-10 else f'{gap:.1e}'}")
print(f"exact zeros: {gd.exact_zeros} of {gd.weights.size}; "
      f"smallest |w| = {np.abs(gd.weights).min():.2g}; "
      f"weights below 1e-3: {gd.n_below(1e-3)}")

# %% [markdown]
# Not a single weight is 0, although 90 of the 100 features are pure noise. Perhaps a
# stronger penalty does it? Here is the whole ridge path, from a whisper of L2
# ($\lambda = 0.001$) to a penalty that crushes every weight ($\lambda = 100$).

# %%
lams = np.logspace(-3, 2, 30)
coefs = ridge_path(X, y, lams)
zeros = (coefs == 0).sum(axis=1)
print(f"exact zeros along the path ({lams.size} values of lambda from {lams[0]:g} to "
      f"{lams[-1]:g}): {sorted(set(zeros.tolist()))}")
for i in [0, 10, 20, 29]:
    print(f"lambda = {lams[i]:8.3g}: smallest |w| = {np.abs(coefs[i]).min():.2g}, "
          f"largest |w| = {np.abs(coefs[i]).max():.2g}")

# %%
fig = plot_ridge_path(lams, coefs, true_w)
fig

# %% [markdown]
# Left: as $\lambda$ grows, the 10 informative coefficients (blue) shrink towards 0, while the
# 90 noise coefficients (grey) stay close to it. Right, on a log scale, there is a surprise:
# up to about $\lambda = 0.3$ most grey curves *rise*. As L2 shrinks the informative weights,
# part of the signal is left unexplained, and noise features that happen to correlate with it
# pick some of it up. Past $\lambda \approx 1$ every curve heads down together. The grey
# dips are noise coefficients changing sign as $\lambda$ grows: such a curve passes through 0
# at one single value of $\lambda$, by accident, and leaves it again. At every $\lambda$ of
# the grid all 100 weights are non-zero. A stronger L2 makes the weights *smaller* overall;
# it does not make any of them *absent*.

# %% [markdown]
# ## 4. Floating point: does rounding finally deliver the zero?
#
# A popular answer is "eventually the number underflows to 0". Let us measure it: multiply
# 1.0 by $f$ again and again, in float16, float32 and float64, until the value stops changing
# or becomes exactly 0.

# %%
print(f"{'f':>6} {'dtype':>8} {'steps':>8}  end")
for factor in [0.99, 0.9, 0.6, 0.5]:
    for dtype in DTYPES:
        run = float_decay(factor, dtype)
        end = "exact 0" if run.reached_zero else f"stuck at {run.final:.2g}"
        print(f"{factor:>6} {dtype:>8} {run.steps:>8,}  {end}")

# %% [markdown]
# For $f = 0.99$, $0.9$ and even $0.6$ the weight gets stuck at a tiny positive number and
# stays there forever; only $f = 0.5$ reaches 0. Why?
#
# Below the smallest *normal* number (about 2.2e-308 in float64) come the *subnormal*
# numbers, which are evenly spaced: each is $k \cdot s$ for a whole number $k$ and the
# smallest subnormal $s$ (4.9e-324 in float64). Multiplying $k s$ by $f$ gives $kf \cdot s$,
# which is rounded to the nearest multiple of $s$. The distance from $k$ is $k(1-f)$, so
#
# > $k f$ rounds back to $k$ itself when $k(1 - f) < 1/2$.
#
# From then on every multiplication returns the same number: the weight is stuck. For
# $f = 0.99$ that happens once $k < 50$. Only if $f \le 1/2$ does the last step from $s$
# land on $f s \le s/2$, which rounds to 0. (An exact tie, $k(1-f) = 1/2$, rounds to
# whichever of $k$ and $k - 1$ is even: an even $k$ stays stuck, as for $f = 0.75$, where
# $2 \cdot 0.75 = 1.5$ rounds back to 2; an odd $k$ moves down, as for $f = 0.5$, where
# $1 \cdot 0.5$ rounds to 0.)
#
# One more detail decides between neighbouring values of $k$. The computer cannot store 0.99
# exactly: its float64 "0.99" is a binary fraction a hair below 0.99, so $1 - f$ is a hair
# *above* 0.01 (the second column below; subtracting two floats within a factor 2 of each
# other is exact). By hand, $k = 50$ gives $50 \times 0.01 = 1/2$, a tie, and 50 is even, so
# it would stay at 50; with the stored $f$, $50(1 - f)$ is just over 1/2, so 50 still moves,
# to 49, and stops there. The same happens at $f = 0.95$ (10 by hand, 9 stored). At
# $f = 0.9$ it goes the other way: the stored 0.9 is a hair *above* 0.9, so $5(1 - f)$ is
# just under 1/2 and 5 stays, where by hand the tie at the odd 5 would move down to 4.
# Applied to $f$ as stored, the rule predicts the stuck value exactly:

# %%
print(f"{'f':>5}   {'1 - f as stored':<22} {'rule: largest stuck k':<33} "
      "measured end (float64)")
for factor in [0.99, 0.95, 0.9, 0.75, 0.6, 0.5]:
    run = float_decay(factor, "float64")
    k_max = round(stall_bound(factor, "float64") / run.smallest_subnormal)
    rule = "none: reaches 0" if k_max == 0 else f"k = {k_max}"
    end = "exact 0" if run.reached_zero else f"{run.final_in_spacings} x s = {run.final:.2g}"
    print(f"{factor:>5}   {1 - factor:<22.17g} {rule:<33} {end}")

# %%
fig = plot_float_decay(float_decay(0.99, "float64"))
fig

# %% [markdown]
# Left, on a linear axis, the weight looks like 0 after a few hundred steps. Right, on a log
# scale, it descends in a straight line through 300 orders of magnitude, crosses the
# smallest normal number (dashed), and ends at the vermillion dot, just above the smallest
# subnormal (dotted): at 49 times it, stuck from step 73,672 on, never 0.
#
# **Correcting a misconception.** "L2 gives zeros in practice because of floating point" is
# false for every realistic setting. Reaching 0 needs $f \le 1/2$, i.e. $\eta\lambda \ge 1/4$
# (for a factor between 0 and 1): a single step would remove half of every weight. Zeno's own
# runner, halving each time, sits exactly on that boundary, and floating point lets him
# arrive. Real weight decay uses $f$ like 0.9999.
# The one exception is hardware or compiler settings that *flush subnormals to zero*
# (FTZ/DAZ modes, turned on by some fast-math compiler options, on CPUs and GPUs): then a weight
# jumps to 0 once it falls below the smallest normal number. NumPy on a CPU does not do that,
# and even with it, a weight only gets there after shrinking by 300 orders of magnitude
# (38 in float32). With the penalty alone that takes this many steps:

# %%
steps_f32 = steps_to_shrink(0.001, 0.05, k=38)
print(f"with eta = 0.001, lam = 0.05 (f = {decay_factor(0.001, 0.05):g}), reaching even the "
      f"smallest normal float32 (~1e-38) from 1 takes {steps_f32:,.0f} steps")

# %% [markdown]
# Under a million steps is not long for a training run, so is that how L2 zeroes weights on
# a GPU? Only for a weight that the data never pushes back on: a feature that is always 0,
# say, so that its weight feels the penalty alone. Every weight the loss uses stops at its
# balance point, as in section 3, far above $10^{-38}$: the smallest weight there was about
# 0.0003, and it does not shrink further however long you train.

# %% [markdown]
# ### Exercise 3: which factors reach exact 0?
#
# Among the factors 0.3, 0.5, 0.55, 0.9 and 0.999, which ones bring 1.0 to *exact* 0 in
# float64 by repeated multiplication? Answer with a set, e.g. `{0.3, 0.9}`. Use the rule
# above rather than running `float_decay`.

# %% tags=["exercise"] exercise="reaches-zero"
reaches_zero = ...  # a set of factors

# %%
check_reaches_zero(reaches_zero)

# %% [markdown]
# ## 5. Try it: learning rate, strength and float type
#
# Move the sliders. The readout gives the factor $f$, the steps to halve a weight, and how the
# run ends in the chosen type. Things to try: float16 with $\eta = 0.001$ and the starting
# $\lambda = 0.05$ (the step is lost to rounding altogether: $f$ rounds to exactly 1); $\eta = 1$, $\lambda = 0.4$ (finally a zero, with an absurd step);
# float64 with a tiny $\eta\lambda$ (the run would take millions of steps; the readout
# predicts where it would stall).
#
# *If you see "model not found" or only a sentence, run the cell.*

# %%
zeno_explorer()

# %% [markdown]
# ## Summary
#
# - One L2 step multiplies a weight by $f = 1 - 2\eta\lambda$: it removes a fraction, so
#   $w_t = f^t w_0$ is never 0 in exact arithmetic.
# - Shrinking by $10^k$ takes $k \ln 10 / -\ln f$ steps from any start: a straight line on a
#   log axis.
# - With data, L2 settles at the ridge balance point: along the whole ridge path, 0 exact
#   zeros.
# - In floating point the weight gets stuck at a tiny subnormal for any $f > 1/2$ (for
#   $f = 0.99$: 73,672 steps, at 2.4e-322 in float64); only flush-to-zero modes differ.
#
# ## Where next
#
# **[03 · L1: subtract a constant, and stop at zero](03_l1-zeroing.ipynb)** replaces the fraction by a
# constant, and shows the one rule that turns "almost 0" into exactly 0.
