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
# In notebook 04 the diamond won because its corners poke out along the axes. Take $p$
# below 1 and the ball becomes a star with sharper spikes. The price: the "norm" stops being
# a norm, the problem stops being convex, and the best answer becomes hard to find.
#
# **What you will learn**
#
# - to draw Lp balls for $p < 1$ and say what happens as $p \to 0$;
# - to show that for $p < 1$ the triangle inequality fails and the ball is not convex;
# - why a descent method gets stuck, and where it lands;
# - reweighted L1, and how to compare two methods run on the same problems.
#
# **Time:** about 35 minutes, deep dives extra. **Prerequisites:** notebook 04 (balls and
# touch points).

# %%
import numpy as np
from scipy.stats import binomtest

import lessonlib

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

from lessonlib import geometry, montecarlo, penalties, quasinorm
from lessonlib.checks.below_one import (check_basin_rule, check_landing, check_local_minima,
                                         check_one_minimum, check_only_plain, check_p_to_zero,
                                         check_reweight_weights, check_sparse_touch,
                                         check_triangle_counterexample)
from lessonlib.plots import geometry as figures
from lessonlib.widgets.geometry import explore_below_one

# %% [markdown]
# ## 1. Balls that turn into stars
#
# The formula $\|w\|_p = \left(\sum_i |w_i|^p\right)^{1/p}$ makes sense for any $p > 0$.
# Here are its unit "balls", $\|w\|_p = 1$, for five values of $p$:

# %%
P_VALUES = (0.25, 0.5, 1, 2, float("inf"))
figures.plot_unit_balls(P_VALUES, width=6.0)

# %% [markdown]
# From the outside in: the square ($p = \infty$, dashed), the circle ($p = 2$), the
# diamond ($p = 1$), then the stars for $p = 0.5$ and $p = 0.25$, with ever thinner spikes.
# All five pass through the same four points on the axes.
#
# **Predict:** take $w = (3, 0, -0.5, 0, 0.01)$. As $p \to 0$, what number does the penalty
# $\sum_i |w_i|^p$ settle at?

# %% tags=["predict"] exercise="p-to-zero"
limit_answer = ...

# %%
check_p_to_zero(limit_answer)

# %%
w = np.array([3.0, 0.0, -0.5, 0.0, 0.01])
print(f"w = {w.tolist()}, non-zeros: {penalties.l0(w)}")
print(f"  {'':9s}{'|3|^p':>7s} {'|-0.5|^p':>8s} {'|0.01|^p':>8s}   sum |w_i|^p")
for p in (1, 0.5, 0.1, 0.01, 0.001):
    terms = np.abs(w[w != 0]) ** p
    total = penalties.lp_sum(w, p)
    print(f"  p = {p:<5g}{terms[0]:7.4f} {terms[1]:8.4f} {terms[2]:8.4f}   {total:.4f}")

# %% [markdown]
# Each non-zero term tends to 1 and each zero stays 0: the sum tends to 3, the **count of
# non-zeros** (L0, notebook 01). Not 5: $|0|^p = 0$ for every $p > 0$. Not 0:
# $0.5^{0.001} = 0.9993$. Not 3.51: that is $p = 1$.

# %% [markdown]
# ## 2. Not a norm, not convex
#
# A norm must satisfy the triangle inequality, $\|u + v\| \le \|u\| + \|v\|$. For
# $p = 0.5$ it fails on the simplest example:

# %%
u, v = np.array([1.0, 0.0]), np.array([0.0, 1.0])
left, right = penalties.lp(u + v, 0.5), penalties.lp(u, 0.5) + penalties.lp(v, 0.5)
print(f"||(1,0) + (0,1)||_0.5 = {left:g}  >  ||(1,0)||_0.5 + ||(0,1)||_0.5 = {right:g}")

# %% [markdown]
# So it is only a *quasi-norm*: a detour can be shorter. On the ball:
# $(1, 0)$ and $(0, 1)$ are on it, yet their midpoint lies **outside** it for every $p < 1$:
# the ball is not convex.

# %%
print("size of the midpoint (0.5, 0.5):", ", ".join(
    f"{figures.p_label(p)}: {quasinorm.midpoint_size(p):.4g} "
    f"(convex: {quasinorm.ball_is_convex(p)})" for p in P_VALUES))

# %% [markdown]
# **Exercise 1.** Find a counterexample with **three** coordinates: two vectors `u3`, `v3`
# with $\|u_3 + v_3\|_{0.5} > \|u_3\|_{0.5} + \|v_3\|_{0.5}$.

# %% tags=["exercise"] exercise="triangle-3d"
u3 = ...
v3 = ...

# %%
check_triangle_counterexample(u3, v3)

# %% [markdown]
# ## 3. Sharper: the touch point for every p
#
# Back to notebook 04's line of solutions, here $b = 3 - 2a$ for the data point $(2, 3)$.
# Grow the $p$-ball until it touches the line.
#
# **Predict:** for which $p$ does it touch on an axis (a sparse point)? `"p < 1"`,
# `"p <= 1"`, `"p > 1"` or `"every p"`.

# %% tags=["predict"] exercise="sparse-touch"
touch_answer = ...

# %%
check_sparse_touch(touch_answer)

# %%
for p in (0.25, 0.5, 0.9, 1, 1.1, 1.5, 2, float("inf")):
    print(geometry.touch_point(2, 3, p).describe())

# %% [markdown]
# Every $p \le 1$ gives the sparse point $(1.5, 0)$; every $p > 1$ a dense one ($p = 1.1$:
# $b = 0.0015$, tiny, not 0). Not "p < 1": the diamond's corner counts. Not "every p": the
# circle touches at $(1.2, 0.6)$. In 2-D the stars match the diamond; they do not beat it.
#
# **What to look at below.** Top left: the unit ball; the chord's midpoint turns vermillion
# outside it. Top right: the grown ball. Bottom: the size along the line, local minima
# marked with triangles.
#
# **Task.** From $p = 0.5$ (two triangles) move $p$ up (click the slider, then the arrow
# keys). What is the smallest $p$ on the slider with only **one** local minimum left?
#
# *If you see "model not found" or only a sentence below, run the cell.*

# %%
explore_below_one(2, 3, p=0.5)

# %% tags=["exercise"] exercise="one-minimum"
one_minimum_p = ...

# %%
check_one_minimum(one_minimum_p)

# %% [markdown]
# Below 1 each axis crossing is a cusp, a local minimum; from $p = 1$ one is left.
#
# Where could a star beat the diamond? In $d$ dimensions the min-L1 point on the solutions
# of $n$ equations lies on a face of the cross-polytope (the $d$-dimensional diamond) with
# at most $n$ non-zeros, a corner only when $n = 1$. For random equations in $d = 10$:

# %%
for n in (1, 2, 3, 5):
    A_n = np.random.default_rng(n).standard_normal((n, 10))
    x_n = geometry.min_l1_solution(A_n, A_n @ np.ones(10))
    k = penalties.l0(x_n, tol=1e-9)
    print(f"n = {n} equation(s): the min-L1 point has {k} non-zero(s): "
          f"{'a corner' if k == 1 else 'a face, not a corner'}")

# %% [markdown]
# When the truth is sparser than $n$, that face can be wrong; a star's spike may still find
# the truth (section 5).

# %% [markdown]
# ## 4. Harder: many local minima
#
# Data point $(3, 2)$: the line $b = 2 - 3a$ crosses the axes at $a = 0$ (size 2) and at
# $a = 2/3$ (size $2/3$). Between them the $p = 0.5$ size rises to a ridge. We run gradient
# descent from eight starts.
#
# **Predict:** what decides where a descent stops? `"the nearer crossing"`, `"the lower
# crossing"` or `"the side of the ridge"`.

# %% tags=["predict"] exercise="basin-rule"
basin_answer = ...

# %%
check_basin_rule(basin_answer)

# %%
x0, y0, p = 3.0, 2.0, 0.5
minima = quasinorm.line_local_minima(x0, y0, p)
ridge = quasinorm.line_ridge(x0, y0, p)
print(f"local minima at a = {np.round(minima, 4).tolist()}, ridge at a = {ridge:.4f} "
      f"(the midpoint of the crossings is {minima.mean():.4f})")
starts = [-0.4, 0.05, 0.12, 0.2, 0.25, 0.4, 0.6, 1.0]
paths = [quasinorm.descend_on_line(x0, y0, p, a) for a in starts]
print("landings:", ", ".join(f"{path.start:g} -> {path.landing:.4g}" for path in paths))

# %%
figures.plot_line_penalty(x0, y0, p, paths)

# %% [markdown]
# Top: the size along the line. Bottom: each descent, from its start (dot) to where it
# stops (arrow). The ridge at $a = 1/6$ decides. Not the nearer crossing: $a = 0.25$ is
# nearer 0 but, past the ridge, lands at $2/3$. Not the lower crossing: descent sees only
# the local slope, so starts left of the ridge stop at the worse minimum.
#
# **Exercise 2.** For the data point $(2, 4)$ and $p = 0.5$ (line $b = 4 - 2a$), list every
# slope $a$ where the size along the line has a local minimum.

# %% tags=["exercise"] exercise="local-minima"
minima_24 = ...

# %%
check_local_minima(minima_24)

# %% [markdown]
# ## 5. The practical route: reweighted L1
#
# Candès, Wakin and Boyd (2008): solve min-L1, then give each coordinate the weight
# $1 / (|x_i| + \varepsilon)$ and solve the *weighted* min-L1 problem; repeat a few times.
# Small entries get large weights and are pushed to 0. Each round is a linear programme;
# together they act like a star-shaped penalty, with no guarantee of the global optimum.
#
# The setting is notebook 04's section 7: a signal `x_true` of $N$ entries, $s$ non-zero,
# and $m$ random measurements `b = A @ x_true`. "Recovered" means exactly `x_true`. Both
# methods run on the **same** 20 problems at $m = 28$ and $m = 32$, with $N = 200$, $s = 8$
# ($\varepsilon = 0.1$, 4 rounds).
#
# **Predict:** at $m = 28$, on how many of the 20 problems does plain L1 recover the signal
# while reweighted L1 does **not**?

# %% tags=["predict"] exercise="only-plain"
only_plain_answer = ...

# %%
check_only_plain(only_plain_answer)

# %%
both = montecarlo.recovery_experiment(200, 8, [28, 32], trials=20, seed=21,
                                      solvers=("l1", "reweighted"), reweight_iterations=4, eps=0.1)
for m, e1, e2, pair in zip(both.m, both.estimates["l1"], both.estimates["reweighted"],
                           both.paired):
    n = pair.only_first + pair.only_second  # the problems where the methods disagree
    p_value = binomtest(pair.only_second, n, 0.5).pvalue  # exact McNemar, two-sided
    print(f"m = {m}: plain L1 {e1}   reweighted L1 {e2}\n        same problems: only plain "
          f"{pair.only_first}, only reweighted {pair.only_second}; McNemar p = {p_value:.3f}")

# %%
figures.plot_paired_recovery(both)

# %% [markdown]
# None: reweighting starts from the plain answer, and where that is already the signal the
# weights keep it. Not 2: that is how many plain L1 recovers in all.
#
# At $m = 28$ the two 95 % intervals overlap (3-30 % and 22-61 %), as if the methods could
# be equal. Overlapping separate intervals understate the difference: both methods saw the
# *same* problems, and only those where they disagree tell them apart. Were the methods
# equally good, each disagreement would go either way with probability 1/2 (the exact
# McNemar test): six to none has probability $2 \times 0.5^6 = 0.031$. At $m = 32$: 10 to
# 0, $p = 0.002$. The price: five linear programmes instead of one.

# %% [markdown]
# ## Summary
#
# - For $p < 1$ the ball is a star, not convex; as $p \to 0$ the penalty counts non-zeros.
# - Min-L1 on $n$ equations lands on a face with at most $n$ non-zeros (a corner only when
#   $n = 1$); a star-like penalty can find a sparser truth.
# - Each axis crossing is a local minimum; descent lands where the ridge sends it.
# - Reweighted L1 is the practical route. Compare methods run on the same problems with a
#   paired test (6 to 0, $p = 0.031$), not with separate intervals.
#
# ## Where next
#
# Notebook **06 · Sparsity against over-fitting** asks when all this sparsity actually
# helps a model generalise, and when it does not.

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: one problem, round by round
#
# A problem of section 5's size ($N = 200$, $s = 8$, $m = 28$), round by round:

# %%
problem_rng = np.random.default_rng(0)
A, b, x_true = montecarlo.sparse_problem(problem_rng, 200, 8, 28)
run = quasinorm.reweighted_l1(A, b, iterations=4, eps=0.1)
for k, x in enumerate(run.history):
    label = "plain L1     " if k == 0 else f"reweighting {k}"
    error = np.linalg.norm(x - x_true)  # round-off-sized once recovered: print a bound
    print(f"{label}: {penalties.l0(x, tol=1e-9):3d} non-zeros, error ||x - x_true|| = "
          f"{'below 1e-9' if error < 1e-9 else f'{error:.2e}'}")

# %% [markdown]
# Plain L1 spreads the answer over 28 non-zeros (a face, as in section 3); the fourth round
# finds exactly the true 8.

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: more exercises
#
# **Exercise 3.** On the line $b = 4 - 2a$ of exercise 2 ($p = 0.5$), descent starts at
# $a = 0.8$. Where does it stop? Find the ridge first (evaluate `lp([a, 4 - 2 * a], 0.5)`
# for `a` in `np.linspace(0, 2, 201)` and see where it is largest), then ask which side of
# it 0.8 is on. Give one number.

# %% tags=["exercise"] exercise="landing"
landing = ...

# %%
check_landing(landing)

# %% [markdown]
# **Exercise 4.** Write `weights(x, eps)` returning the reweighting weights
# $1 / (|x_i| + \varepsilon)$ for a NumPy array `x`.

# %% tags=["exercise"] exercise="reweight-weights"
def weights(x, eps):
    ...


# %%
check_reweight_weights(weights)

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: why the general problem is hard
#
# In two dimensions we can simply compare the two crossings. In $d$ dimensions the line of
# solutions becomes a plane (or a higher-dimensional set) of solutions, with a cusp at every
# sparse point it contains, and there can be very many of them. Finding the best one is
# NP-hard in general: Natarajan (1995) for the L0 version, Ge, Jiang and Ye (2011) for
# $p < 1$. Count the sparse candidates a search would face for the run of section 5: the
# supports of $m$ of the $N$ unknowns, each a vertex of the feasible set.

# %%
from math import comb

print(f"supports of 28 among 200 unknowns: about 10^{len(str(comb(200, 28))) - 1}")

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: what the reweighting rounds minimise
#
# Each round solves $\min \sum_i w_i |x_i|$ with $w_i = 1/(|x_i^{old}| + \varepsilon)$
# subject to $Ax = b$. That is one step of a majorise-minimise method for the concave
# penalty $\sum_i \log(|x_i| + \varepsilon)$: its tangent at the old point is exactly that
# weighted L1 (up to a constant). Like $|x_i|^p$ for $p$ near 0, the log charges almost
# the same for any non-zero, however small. Each round can only lower the log penalty:

# %%
def log_penalty(x, eps=0.1):
    return np.sum(np.log(np.abs(x) + eps))


print("log penalty by round:", ", ".join(f"{log_penalty(x):.3f}" for x in run.history))

# %% [markdown]
# The time it takes, for both methods together (plain L1 is the first of the five linear
# programmes):

# %% tags=["nbval-ignore-output"]
per_problem = both.seconds["reweighted"] / (len(both.m) * 20)
print(f"time per problem for both methods together: {per_problem * 1000:.0f} ms")

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: the full-size run
#
# **Optional, full size.** Set `FULL_SIZE = True` below to run $N = 500$, $s = 20$,
# $m = 70$ and $80$, 40 trials (about a minute). When we ran it (seed 2) it gave L1 0 % vs
# reweighted 62.5 % at $m = 70$, and 22.5 % vs 100 % at $m = 80$: the same gap, at full size.

# %%
FULL_SIZE = False
if FULL_SIZE:
    full = montecarlo.recovery_experiment(500, 20, [70, 80], trials=40, seed=2,
                                          solvers=("l1", "reweighted"))
    for m, e1, e2, pair in zip(full.m, full.estimates["l1"], full.estimates["reweighted"],
                               full.paired):
        print(f"N = 500, m = {m}: plain L1 {e1}   reweighted L1 {e2}   "
              f"only plain {pair.only_first}, only reweighted {pair.only_second}, "
              f"exact McNemar p = {pair.mcnemar_p():.2g}")
else:
    print("Skipped: set FULL_SIZE = True to run N = 500, s = 20 (about a minute).")
