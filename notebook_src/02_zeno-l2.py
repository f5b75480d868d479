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
# **Time:** about 35 minutes, deep dives extra. **Prerequisites:**
# [01 · Sparse features](01_sparse-features.ipynb), and gradient descent on a loss.

# %%
# %matplotlib inline
from fractions import Fraction

import numpy as np
from sklearn.linear_model import Ridge

import lessonlib
from lessonlib import optimizers, penalties, synthetic, zeno
from lessonlib.checks.zeno_l2 import (check_float16_frozen, check_float_end, check_halving_ratio,
                                      check_l2_step, check_reaches_zero, check_ridge_zeros,
                                      check_shrink_thousand, check_steps_to_halve)
from lessonlib.plots import shrinkage as figures
from lessonlib.widgets.shrinkage import zeno_explorer

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
# Every step multiplies the weight by the same factor $f = 1 - 2\eta\lambda$: it removes a
# *fraction*, never a fixed amount. With $\eta = 0.1$ and $\lambda = 0.05$, $f = 0.99$.

# %%
eta, lam = 0.1, 0.05
f = zeno.decay_factor(eta, lam)
print(f"decay factor f = 1 - 2*eta*lam = {f:g}")
for w in [2.0, 1.0, 0.01]:
    grad = penalties.l2_squared_gradient(w) * lam
    print(f"w = {w:<5g} penalty slope 2*lam*w = {grad:<7.4g} after one step: {w - eta * grad:.6g}"
          f"  (= {f:g} x w)")

# %% [markdown]
# After $t$ steps the weight is $w_t = f^{\,t} w_0$: small, but never 0. Exact rational
# arithmetic (Python's `Fraction`, no rounding at all) makes the point.

# %%
path = zeno.l2_penalty_path(1.0, eta, lam, 5)
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
# Since $w_t = f^t w_0$, the weight is $10^k$ times smaller when $f^t = 10^{-k}$, after
# $t = k \ln 10 / -\ln f$ steps. With $f = 0.99$ a weight shrinks 10-fold in 229 steps.
#
# **Predict:** how many steps to shrink it 1,000-fold? `690`, `2300` or `23000`.

# %% tags=["predict"] exercise="shrink-thousand"
shrink_answer = ...

# %%
check_shrink_thousand(shrink_answer)

# %% [markdown]
# The formula against a step-by-step count:

# %%
long_path = zeno.l2_penalty_path(1.0, eta, lam, 2000)
print(f"f = {f:g}")
print(" k   formula   first step with w <= 10^-k")
for k in range(1, 6):
    formula = zeno.steps_to_shrink(eta, lam, k=k)
    counted = int(np.argmax(long_path <= 10.0**-k))
    print(f"{k:>2}  {formula:8.2f}   {counted}")

# %%
fig = figures.plot_l2_decay([0.99, 0.95, 0.8], n_steps=800)
fig

# %% [markdown]
# About 690: every step removes the same fraction of what is left, so each factor of 10
# costs the same 229 steps from any weight. Not 2,300 or 23,000: those would make the later
# factors of 10 harder than the first. On the log axis (right) the curves are straight
# lines heading down forever, the dots (10, 100, 1000 times smaller) evenly spaced.

# %% [markdown]
# ## 3. With data, L2 stops at a balance point, not at 0
#
# With data, the loss pulls each useful weight away from 0 and the penalty pulls it back by
# a fraction; gradient descent settles where the two cancel, the *ridge* solution. Data:
# 200 examples, 100 standardised features, 10 of which matter (generated, so we know the
# truth); objective
# $\frac{1}{2n}\lVert Xw - y\rVert^2 + \lambda\lVert w\rVert_2^2$.
#
# The course writes the ridge penalty this way everywhere: $\lambda\lVert w\rVert^2$, as
# scikit-learn's `Ridge` writes `alpha * ||w||^2` (no factor 1/2). `Ridge` does not average
# the squared error over the $n$ examples, so the same fit is `Ridge(alpha=2 * n * lam)`.

# %%
X, y, true_w = synthetic.sparse_regression(200, 100, 10, seed=1)
lam_data = 0.05
gd = optimizers.gradient_descent_l2(X, y, lam_data, n_steps=3000)
closed = zeno.ridge_path(X, y, [lam_data])[0]
sk = Ridge(alpha=optimizers.ridge_alpha(lam_data, X.shape[0]), fit_intercept=False).fit(X, y).coef_
print(gd)
# The gaps are round-off (about 1e-15, varying with the machine), so we print a bound.
for name, other in [("the closed-form ridge solution", gd.weights), ("scikit-learn's Ridge", sk)]:
    gap = np.abs(closed - other).max()
    print(f"largest gap to {name}: {'below 1e-10' if gap < 1e-10 else f'{gap:.1e}'}")
print(f"exact zeros: {gd.exact_zeros} of {gd.weights.size}; "
      f"smallest |w| = {np.abs(gd.weights).min():.2g}; "
      f"weights below 1e-3: {gd.n_below(1e-3)}")

# %% [markdown]
# Not one weight is 0, although 90 features are pure noise. Would a stronger penalty do it?
#
# **Predict:** at $\lambda = 100$, a penalty that crushes every weight, how many of the 100
# weights are exactly 0? `0`, `90` or `100`.

# %% tags=["predict"] exercise="ridge-zeros"
zeros_answer = ...

# %%
check_ridge_zeros(zeros_answer)

# %% [markdown]
# The whole ridge path, $\lambda$ from 0.001 to 100:

# %%
lams = np.logspace(-3, 2, 30)
coefs = zeno.ridge_path(X, y, lams)
zeros = (coefs == 0).sum(axis=1)
print(f"exact zeros along the path ({lams.size} values of lambda from {lams[0]:g} to "
      f"{lams[-1]:g}): {sorted(set(zeros.tolist()))}")
for i in [0, 10, 20, 29]:
    print(f"lambda = {lams[i]:8.3g}: smallest |w| = {np.abs(coefs[i]).min():.2g}, "
          f"largest |w| = {np.abs(coefs[i]).max():.2g}")

# %%
fig = figures.plot_ridge_path(lams, coefs, true_w)
fig

# %% [markdown]
# None, at every $\lambda$. Not 90: L2 does not know which features are noise, and a noise
# feature that happens to correlate a little with `y` keeps a small weight. Not 100: the
# penalty's pull, $2\lambda w$, fades as the weight shrinks, so a weight stops where the
# two pulls balance, small but not 0. The informative weights (blue) shrink, the noise
# weights (grey) stay near 0: a stronger L2 makes weights *smaller*, never *absent*.

# %% [markdown]
# ## 4. Floating point: does rounding finally deliver the zero?
#
# A popular answer is "eventually the number underflows to 0".
#
# **Predict:** multiply 1.0 by 0.99 again and again in float64. Where does it end?
# `"exact 0"`, `"stuck above 0"` or `"keeps shrinking"`.

# %% tags=["predict"] exercise="float-end"
end_answer = ...

# %%
check_float_end(end_answer)

# %% [markdown]
# Measured in float16, float32 and float64, until the value stops changing or is 0:

# %%
print(f"{'f':>6} {'dtype':>8} {'steps':>8}  end")
for factor in [0.99, 0.9, 0.6, 0.5]:
    for dtype in zeno.DTYPES:
        run = zeno.float_decay(factor, dtype)
        end = "exact 0" if run.reached_zero else f"stuck at {run.final:.2g}"
        print(f"{factor:>6} {dtype:>8} {run.steps:>8,}  {end}")

# %%
fig = figures.plot_float_decay(zeno.float_decay(0.99, "float64"))
fig

# %% [markdown]
# Stuck above 0, for $f = 0.99$, $0.9$ and even $0.6$. Not "exact 0": below the smallest
# *normal* number (2.2e-308, dashed) the *subnormal* numbers are evenly spaced, multiples
# $k s$ of the smallest one, $s$ = 4.9e-324 (dotted). $k s \cdot f$ is rounded to the
# nearest multiple of $s$, which is $k s$ again once $k(1 - f) < 1/2$: for $f = 0.99$, once
# $k < 50$. Not "keeps shrinking": a float has finitely many values, so the run must end.
#
# Only $f \le 1/2$ reaches 0, when its last step takes $s$ to $f s \le s/2$, which rounds
# to 0. But a gradient step is usually *written* $w - \eta \cdot 2\lambda w$, that is
# $w - (1 - f)\,w$: the same number in exact arithmetic, rounded differently. At
# $f = 1/2$:

# %%
s = np.nextafter(0.0, 1.0)  # the smallest subnormal float64
half = 0.5
print(f"smallest subnormal s = {s:.2g}")
print(f"product form   s * f         = {s * half:.2g}")
print(f"step form      s - (1 - f)*s = {s - (1 - half) * s:.2g}   ((1 - f)*s alone = "
      f"{(1 - half) * s:.2g})")
for form in ("product", "step"):
    run = zeno.float_decay(half, "float64", form=form)
    print(f"from 1.0, {form + ' form:':14s} {run.describe()}")

# %% [markdown]
# The product $s/2$ is a tie between 0 and $s$, and rounds to 0. In the step form,
# $(1 - f)s$ rounds to 0 first, and $s - 0$ stays $s$. So "$f \le 1/2$ reaches 0" holds for
# the product $w \cdot f$ only.
#
# **Correcting a misconception.** "L2 gives zeros in practice because of floating point" is
# false for every realistic setting: reaching 0 needs $f \le 1/2$, i.e. $\eta\lambda \ge 1/4$,
# a single step removing half of every weight. Real weight decay uses $f$ like 0.9999.
# (Hardware that *flushes subnormals to zero* is the one exception: see the deep dive.)

# %% [markdown]
# ## 5. Try it: learning rate, strength and float type
#
# **What to watch:** both panels share a fixed step axis on a log scale, so a setting that
# shrinks faster moves the curve to the left; the previous setting stays drawn in grey.
# The readout gives $f$, the steps to halve, and how the run ends in the chosen type.
#
# **Predict:** with $\lambda = 0.05$, moving $\eta$ from 0.01 to 0.1 makes the steps to
# halve a weight `"10 times fewer"`, `"100 times fewer"` or `"the same"`?

# %% tags=["predict"] exercise="halving-ratio"
ratio_answer = ...

# %%
check_halving_ratio(ratio_answer)

# %% [markdown]
# Check it: set $\lambda = 0.05$ and $\eta = 0.01$, then $\eta = 0.1$. *If you see "model
# not found" or only a sentence, run the cell.*

# %%
zeno_explorer()

# %% [markdown]
# 693 steps, then 69: the curve moves one decade left. Each step removes about
# $2\eta\lambda$ of the weight, which grows like $\eta$, not like its square (so not 100);
# the factor sets the pace (so not "the same").

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: three more exercises
#
# ### Steps to halve a weight
#
# With $\eta = 0.05$ and $\lambda = 0.1$, after how many steps is a weight at most half of
# its starting value? Give a number (the exact solution of the equation, or the whole
# number of steps).

# %% tags=["exercise"] exercise="steps-to-halve"
steps_to_halve = ...  # a number

# %%
check_steps_to_halve(steps_to_halve)

# %% [markdown]
# ### Which factors reach exact 0?
#
# Among the factors 0.3, 0.5, 0.55, 0.9 and 0.999, which ones bring 1.0 to *exact* 0 in
# float64 by repeated multiplication (the product form)? Answer with a set, e.g.
# `{0.3, 0.9}`. Use the rule of section 4 rather than running `zeno.float_decay`.

# %% tags=["exercise"] exercise="reaches-zero"
reaches_zero = ...  # a set of factors

# %%
check_reaches_zero(reaches_zero)

# %% [markdown]
# ### A step lost to rounding
#
# In the widget of section 5, choose float16 and $\lambda = 0.05$, then move $\eta$. For
# small $\eta$ the readout says the weight *never changes*: $f$ rounds to exactly 1. What
# is the **largest** $\eta$ on the slider at which that happens?

# %% tags=["exercise"] exercise="float16-frozen"
frozen_eta = ...  # a value of eta from the slider

# %%
check_float16_frozen(frozen_eta)

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: which subnormal the weight sticks at
#
# The rule "$k f$ rounds back to $k$ when $k(1 - f) < 1/2$" has two fine points.
#
# *Ties.* When $k(1-f) = 1/2$ exactly, the result is halfway between $k$ and $k - 1$, and
# rounds to whichever is even: an even $k$ stays stuck, as for $f = 0.75$, where
# $2 \cdot 0.75 = 1.5$ rounds back to 2; an odd $k$ moves down, as for $f = 0.5$, where
# $1 \cdot 0.5$ rounds to 0.
#
# *The stored factor.* The computer cannot store 0.99 exactly: its float64 "0.99" is a
# binary fraction a hair below 0.99, so $1 - f$ is a hair *above* 0.01 (the second column
# below; subtracting two floats within a factor 2 of each other is exact). By hand, $k = 50$
# gives $50 \times 0.01 = 1/2$, a tie at an even $k$, so it would stay at 50; with the
# stored $f$, $50(1 - f)$ is just over 1/2, so 50 moves to 49 and stops there. The same
# happens at $f = 0.95$ (10 by hand, 9 stored). At $f = 0.9$ it goes the other way: the
# stored 0.9 is a hair *above* 0.9, so 5 stays, where by hand the tie at the odd 5 would
# move down to 4. Applied to $f$ as stored, the rule predicts the stuck value exactly:

# %%
from lessonlib.zeno import stall_bound

print(f"{'f':>5}   {'1 - f as stored':<22} {'rule: largest stuck k':<33} "
      "measured end (float64)")
for factor in [0.99, 0.95, 0.9, 0.75, 0.6, 0.5]:
    decay = zeno.float_decay(factor, "float64")
    k_max = round(stall_bound(factor, "float64") / decay.smallest_subnormal)
    rule = "none: reaches 0" if k_max == 0 else f"k = {k_max}"
    end = "exact 0" if decay.reached_zero else f"{decay.final_in_spacings} x s = {decay.final:.2g}"
    print(f"{factor:>5}   {1 - factor:<22.17g} {rule:<33} {end}")

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: flush-to-zero hardware
#
# Some hardware and compiler settings *flush subnormals to zero* (FTZ/DAZ modes, turned on
# by some fast-math compiler options, on CPUs and GPUs): then a weight jumps to 0 once it
# falls below the smallest normal number. NumPy on a CPU does not do that, and even with it
# a weight only gets there after shrinking by 300 orders of magnitude (38 in float32). With
# the penalty alone that takes this many steps:

# %%
steps_f32 = zeno.steps_to_shrink(0.001, 0.05, k=38)
print(f"with eta = 0.001, lam = 0.05 (f = {zeno.decay_factor(0.001, 0.05):g}), reaching even the "
      f"smallest normal float32 (~1e-38) from 1 takes {steps_f32:,.0f} steps")

# %% [markdown]
# Under a million steps is not long for a training run, so is that how L2 zeroes weights on
# a GPU? Only for a weight that the data never pushes back on: a feature that is always 0,
# say, so that its weight feels the penalty alone. Every weight the loss uses stops at its
# balance point, as in section 3, far above $10^{-38}$: the smallest weight there was about
# 0.0003, and it does not shrink further however long you train.

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: why noise weights first grow
#
# A grey dip on the log scale of the ridge-path figure is a noise weight changing sign: it
# passes through 0 at a single $\lambda$, by accident, and leaves it again. On the right of the ridge-path figure, up to about $\lambda = 0.3$ most grey curves
# *rise*. As L2 shrinks the informative weights, part of the signal is left unexplained,
# and noise features that happen to correlate with it pick some of it up. Past
# $\lambda \approx 1$ every curve heads down together.

# %% [markdown]
# ## Summary
#
# - One L2 step multiplies a weight by $f = 1 - 2\eta\lambda$: it removes a fraction, so
#   $w_t = f^t w_0$ is never 0 in exact arithmetic.
# - Shrinking by $10^k$ takes $k \ln 10 / -\ln f$ steps from any start: a straight line on a
#   log axis.
# - With data, L2 settles at the ridge balance point: along the whole ridge path, 0 exact
#   zeros.
# - In floating point the weight gets stuck at a tiny subnormal for any $f > 1/2$
#   (float64, $f = 0.99$: at 2.4e-322); $f \le 1/2$ reaches 0 in the product form only.
#
# ## Where next
#
# **[03 · L1: subtract a constant, and stop at zero](03_l1-zeroing.ipynb)** replaces the
# fraction by a constant, and shows the one rule that turns "almost 0" into exactly 0.
