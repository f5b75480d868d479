# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # 05 · Below one: Lp with p < 1
#
# In notebook 04 the diamond won because its corners poke out along the axes. If corners
# are good, sharper corners should be better: take $p$ below 1 and the ball becomes a star
# whose spikes hug the axes. This notebook shows that they are indeed sharper, and that
# the price is high: the "norm" stops being a norm, the problem stops being convex, and
# finding the best answer becomes hard.
#
# **What you will learn.** You will learn to:
# - draw Lp balls for $p < 1$ and say what happens as $p \to 0$;
# - show, with numbers, that $\|\cdot\|_p$ for $p < 1$ breaks the triangle inequality and
#   has a non-convex ball;
# - explain why a descent method can get stuck, and where it lands;
# - use reweighted L1, the practical route, and measure what it gains.
#
# **Time:** about 35 minutes. **Prerequisites:** notebook 04 (balls and touch points).

# %%
import numpy as np

import lessonlib

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

from lessonlib.geometry import touch_point
from lessonlib.montecarlo import recovery_experiment, sparse_problem
from lessonlib.penalties import l0, lp, lp_sum
from lessonlib.plots.geometry import p_label, plot_line_penalty, plot_recovery, plot_unit_balls
from lessonlib.quasinorm import (
    ball_is_convex,
    descend_on_line,
    line_local_minima,
    line_ridge,
    midpoint_size,
    reweighted_l1,
)
from lessonlib.widgets.geometry import explore_below_one

# %% [markdown]
# ## 1. Balls that turn into stars
#
# The formula $\|w\|_p = \left(\sum_i |w_i|^p\right)^{1/p}$ makes sense for any $p > 0$.
# Here are its unit "balls", $\|w\|_p = 1$, for five values of $p$:

# %%
P_VALUES = (0.25, 0.5, 1, 2, float("inf"))
plot_unit_balls(P_VALUES, width=6.0)

# %% [markdown]
# From the outside in (the legend's order): the square ($p = \infty$, dashed), the circle
# ($p = 2$), the diamond ($p = 1$), then the stars for $p = 0.5$ and $p = 0.25$, pinched
# towards the axes with ever thinner spikes. All five pass through the same four points on
# the axes.
#
# As $p \to 0$ each non-zero term $|w_i|^p$ tends to 1 and each zero stays 0, so the
# penalty $\sum_i |w_i|^p$ tends to the **count of non-zeros**, the L0 "norm" of notebook 01:

# %%
w = np.array([3.0, 0.0, -0.5, 0.0, 0.01])
print(f"w = {w.tolist()}, non-zeros: {l0(w)}")
print(f"  {'':9s}{'|3|^p':>7s} {'|-0.5|^p':>8s} {'|0.01|^p':>8s}   sum |w_i|^p")
for p in (2, 1, 0.5, 0.1, 0.01, 0.001):
    terms = np.abs(w[w != 0]) ** p
    print(f"  p = {p:<5g}{terms[0]:7.4f} {terms[1]:8.4f} {terms[2]:8.4f}   {lp_sum(w, p):.4f}")

# %% [markdown]
# Read the columns: the large entry's term $3^p$ falls towards 1, the small ones' terms rise
# towards 1, so the sum first dips below 3 and then settles at 3, the count. Note how slowly
# the tiny entry $0.01$ gets counted: $0.01^{0.1} \approx 0.63$. L0 does not care how small
# a non-zero is; $p$ near 0 mimics that.

# %% [markdown]
# ## 2. Not a norm, not convex
#
# A norm must satisfy the triangle inequality, $\|u + v\| \le \|u\| + \|v\|$. For
# $p = 0.5$ it fails on the simplest example:

# %%
u, v = np.array([1.0, 0.0]), np.array([0.0, 1.0])
left, right = lp(u + v, 0.5), lp(u, 0.5) + lp(v, 0.5)
print(f"||(1,0) + (0,1)||_0.5 = {left:g}  >  ||(1,0)||_0.5 + ||(0,1)||_0.5 = {right:g}")
print(f"scaling still works: ||3·(1,1)||_0.5 = {lp(3 * (u + v), 0.5):g} = 3 × {left:g}")

# %% [markdown]
# That is why it is called a *quasi-norm*: it keeps scaling right, but "going via a detour
# is never shorter" no longer holds. The same fact seen on the ball: $(1, 0)$ and $(0, 1)$
# are both on the unit ball, yet their midpoint $(0.5, 0.5)$ lies **outside** it for every
# $p < 1$. A ball that does not contain the segment between two of its points is not convex.

# %%
for p in P_VALUES:
    m = midpoint_size(p)
    where = "outside" if m > 1 + 1e-12 else ("on" if m > 1 - 1e-12 else "inside")
    print(f"{p_label(p) + ':':9s} midpoint size {m:.4f} -> {where:7s} the unit ball; "
          f"ball convex: {ball_is_convex(p)}")

# %% [markdown]
# **Exercise 1.** Find your own counterexample with **three** coordinates: two vectors
# `u3`, `v3` with $\|u_3 + v_3\|_{0.5} > \|u_3\|_{0.5} + \|v_3\|_{0.5}$.

# %% tags=["exercise"] exercise="triangle-3d"
u3 = ...
v3 = ...

# %%
from lessonlib.checks.below_one import (
    check_landing,
    check_local_minima,
    check_reweight_weights,
    check_triangle_counterexample,
)

check_triangle_counterexample(u3, v3)

# %% [markdown]
# ## 3. Sharper: the touch point for every p
#
# Back to one data point and its line of solutions, here $(x, y) = (2, 3)$, so
# $b = 3 - 2a$. Where does the ball touch first, for $p$ from 0.25 to infinity?

# %%
for p in (0.25, 0.5, 0.9, 1, 1.1, 1.5, 2, float("inf")):
    print(touch_point(2, 3, p).describe())

# %% [markdown]
# Every $p \le 1$ gives the same sparse point $(1.5, 0)$, and every $p > 1$ gives a dense
# one. Even $p = 1.1$ has no corner left: its $b = 0.0015$ is tiny, too small to see in the
# widget below, but it is not 0 (try $p = 1.5$ to watch the point leave the axis). In two
# dimensions with one line the stars do not beat the diamond, they match it. The advantage
# of $p < 1$ shows in many dimensions, where the diamond sometimes touches with an edge or
# face (a non-sparse point) and the thinner star would still touch with a spike. Section 5
# measures that, with the practical stand-in for a star penalty.
#
# Move the $p$ slider in the widget below (click it, then use the arrow keys) and watch the
# ball and the touch point. The left panel shows the chord from $(1, 0)$ to $(0, 1)$: its
# midpoint (vermillion when outside) leaves the ball as soon as $p < 1$.
#
# *If you see "model not found" or only a sentence below, run the cell.*

# %%
explore_below_one(2, 3, p=0.5)

# %% [markdown]
# ## 4. Harder: many local minima
#
# For $p < 1$, the penalty $|a|^p + |b|^p$ is *concave* along the line between the two
# points where the line crosses the axes. So each crossing is a local minimum (a downward
# cusp), and between them sits a ridge. A descent method only sees the slope where it
# stands: it slides into whichever cusp is downhill from its start.
#
# Data point $(3, 2)$: the line $b = 2 - 3a$ crosses the axes at $a = 0$ (size 2) and at
# $a = 2/3$ (size $2/3$). We start gradient descent (with $p = 0.5$) from eight places.

# %%
x0, y0, p = 3.0, 2.0, 0.5
minima = line_local_minima(x0, y0, p)
ridge = line_ridge(x0, y0, p)
print(f"local minima at a = {np.round(minima, 4).tolist()}, ridge at a = {ridge:.4f} "
      f"(the midpoint of the crossings is {minima.mean():.4f})")
starts = [-0.4, 0.05, 0.12, 0.2, 0.25, 0.4, 0.6, 1.0]
paths = [descend_on_line(x0, y0, p, a) for a in starts]
for path in paths:
    land = path.landing
    print(f"start a = {path.start:5.2f} -> lands at a = {land:.4f}, b = {y0 - x0 * land:.4f} "
          f"after {path.steps} steps (size {lp([land, y0 - x0 * land], p):.4f})")

# %%
plot_line_penalty(x0, y0, p, paths)

# %% [markdown]
# The curve has two cusps (triangles), and every start slides down to one of them. Which
# one is decided by the ridge at $a = 1/6$, not by distance: the start $a = 0.25$ is nearer
# the crossing at 0 but lands at $2/3$, because it begins on the far side of the ridge.
# Here the lucky starts reach the global minimum; the starts left of the ridge get stuck
# at a worse local one, and nothing in the slope there tells them so.
#
# In two dimensions we can simply compare the two crossings. In $d$ dimensions the line of
# solutions becomes a plane (or a higher-dimensional set) of solutions, with a cusp at every
# sparse point it contains, and finding the
# best one is NP-hard in general (Natarajan 1995 for the L0 version; Ge, Jiang and Ye 2011
# for $p < 1$).
#
# **Exercise 2.** For the data point $(2, 4)$ and $p = 0.5$ (line $b = 4 - 2a$), list every
# slope $a$ where the size along the line has a local minimum.

# %% tags=["exercise"] exercise="local-minima"
minima_24 = ...

# %%
check_local_minima(minima_24)

# %% [markdown]
# **Exercise 3.** On the same line, descent starts at $a = 0.8$. Where does it stop? Work it
# out before calling `descend_on_line`: find the ridge, the highest point between the two
# crossings (no calculus needed: evaluate `lp([a, 4 - 2 * a], 0.5)` for the values of
# `np.linspace(0, 2, 201)` and see where it is largest), then ask which side of it 0.8 is
# on. Give one number, `landing = ...`.

# %% tags=["exercise"] exercise="landing"
landing = ...

# %%
check_landing(landing)

# %% [markdown]
# ## 5. The practical route: reweighted L1
#
# Candès, Wakin and Boyd (2008) proposed a simple trick: solve min-L1, then give each
# coordinate the weight $1 / (|x_i| + \varepsilon)$ and solve the *weighted* min-L1
# problem; repeat a few times. Small entries get large weights and are pushed to exactly 0;
# large entries become cheap. Each round is a linear programme, so it is as reliable as
# notebook 04's solver. The rounds together are a local method for the penalty
# $\sum_i \log(|x_i| + \varepsilon)$, which, like $|x_i|^p$ with $p$ near 0, charges
# almost the same for any non-zero, however small. That is how a star-shaped penalty is
# used in practice; like any local method, it has no guarantee of the global optimum.
#
# The setting is notebook 04's section 7, with its letters: an unknown sparse signal
# `x_true` of $N$ entries, $s$ of them non-zero; $m$ random measurements `b = A @ x_true`
# (this $b$ is not the intercept of sections 3 and 4); "recovered" means the method returns
# exactly `x_true`. One problem first: $N = 200$ unknowns, $s = 8$ non-zeros, $m = 28$
# measurements ($\varepsilon = 0.1$, 4 reweighting rounds):

# %%
problem_rng = np.random.default_rng(0)
A, b, x_true = sparse_problem(problem_rng, 200, 8, 28)
run = reweighted_l1(A, b, iterations=4, eps=0.1)
for k, x in enumerate(run.history):
    label = "plain L1     " if k == 0 else f"reweighting {k}"
    error = np.linalg.norm(x - x_true)  # round-off-sized once recovered: print a bound
    print(f"{label}: {l0(x, tol=1e-9):3d} non-zeros, error ||x - x_true|| = "
          f"{'below 1e-9' if error < 1e-9 else f'{error:.2e}'}")

# %% [markdown]
# Plain L1 spreads the answer over 28 non-zeros (one per measurement: a vertex, as in
# notebook 04) and misses. Rounds 1 to 3 still have 28 non-zeros, but the error falls each
# time; the fourth round lands on exactly the true 8 non-zeros, with an error at round-off
# level. That is one problem; is it typical?
#
# Now a Monte Carlo on the same problems for both methods. Each reweighted run costs five
# linear programmes, so to fit this notebook in seconds we use $N = 200$, $s = 8$ and
# $m = 28$ and $32$, with 20 trials each (the ratios $s/N$ and $m/N$ of a full-size run at
# $N = 500$, which you can start in the optional cell further down).

# %%
both = recovery_experiment(200, 8, [28, 32], trials=20, seed=21,
                           solvers=("l1", "reweighted"), reweight_iterations=4, eps=0.1)
for m, e1, e2 in zip(both.m, both.estimates["l1"], both.estimates["reweighted"]):
    print(f"m = {m}: plain L1 {e1}   reweighted L1 {e2}")

# %% tags=["nbval-ignore-output"]
per_problem = both.seconds["reweighted"] / (len(both.m) * 20)
print(f"time per problem for both methods together: {per_problem * 1000:.0f} ms "
      "(plain L1 is the first of the 5 linear programmes)")

# %%
plot_recovery(both)

# %% [markdown]
# On the same problems, reweighting recovers the signal far more often than plain L1 from
# the same number of measurements (10 % vs 40 % at $m = 28$, 30 % vs 80 % at $m = 32$ in
# this run); the price is five linear programmes instead of one. With 20 trials the
# intervals are wide: at $m = 32$ they are clearly apart, at $m = 28$ they still overlap a
# little, so more trials would be needed to pin the gain down there.
#
# **Optional, full size.** Set `FULL_SIZE = True` below to run $N = 500$, $s = 20$,
# $m = 70$ and $80$, 40 trials (about a minute). When we ran it (seed 2) it gave L1 0 % vs
# reweighted 62.5 % at $m = 70$, and 22.5 % vs 100 % at $m = 80$: the same gap, at full size.

# %%
FULL_SIZE = False
if FULL_SIZE:
    full = recovery_experiment(500, 20, [70, 80], trials=40, seed=2,
                               solvers=("l1", "reweighted"))
    for m, e1, e2 in zip(full.m, full.estimates["l1"], full.estimates["reweighted"]):
        print(f"N = 500, m = {m}: plain L1 {e1}   reweighted L1 {e2}")
else:
    print("Skipped: set FULL_SIZE = True to run N = 500, s = 20 (about a minute).")

# %% [markdown]
# **Exercise 4.** Write `weights(x, eps)` returning the reweighting weights
# $1 / (|x_i| + \varepsilon)$ for a NumPy array `x`.

# %% tags=["exercise"] exercise="reweight-weights"
def weights(x, eps):
    ...


# %%
check_reweight_weights(weights)

# %% [markdown]
# ## Summary
#
# - For $p < 1$ the Lp ball is a star; as $p \to 0$ the penalty counts non-zeros (L0).
# - It is a quasi-norm: $\|(1,0) + (0,1)\|_{0.5} = 4 > 2$, and the midpoint of $(1, 0)$
#   and $(0, 1)$, both on the ball, lies outside it (not convex).
# - Sharper: in 2-D every $p \le 1$ finds the same sparse point, every $p > 1$ a dense one;
#   in many dimensions a star-like penalty (reweighted L1 in section 5) recovers sparse
#   signals that plain L1 misses.
# - Harder: each axis crossing is a local minimum; descent lands where the ridge sends it,
#   not at the nearest crossing, and in general the problem is NP-hard.
# - Reweighted L1 is the practical compromise: a few linear programmes, clearly better
#   recovery than L1, no guarantee.
#
# ## Where next
#
# Notebook **06 · Sparsity against over-fitting** asks when all this sparsity actually
# helps a model generalise, and when it does not.
