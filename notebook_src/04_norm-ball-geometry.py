# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # 04 · The geometry: why the diamond's corners win
#
# Notebook 01 drew the central picture: a loss's contours meeting the L1 diamond, the
# optimum landing on an axis. Here you grow the balls yourself, and check the picture in 2
# dimensions and in a few hundred.
#
# **What you will learn:** where the L1, L2 and L-infinity balls have corners; the
# smallest-norm point of a line, found by growing a ball; the exception; and what survives
# in many dimensions: a face, not a corner.
#
# **Time:** about 35 minutes, deep dives extra. **Prerequisites:** notebooks 01 (the
# central picture) and 03 (the L1 step).

# %%
import numpy as np

import lessonlib

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

from lessonlib import geometry, montecarlo, penalties
from lessonlib.checks.geometry import (check_corner_count, check_l2_zero_share, check_min_l1,
                                      check_nonzero_prediction, check_p12_sparse, check_tie_count,
                                      check_tie_slopes, check_touch_l1, check_touch_prediction,
                                      check_widget_b)
from lessonlib.plots import geometry as figures
from lessonlib.widgets.geometry import explore_touch

# %% [markdown]
# ## 1. Three balls
#
# A *ball* of size $c$ holds every weight vector whose norm is at most $c$. With two
# weights $(w_1, w_2)$:
#
# - L1: $|w_1| + |w_2| \le c$, a square standing on a corner (a **diamond**);
# - L2: $w_1^2 + w_2^2 \le c^2$, a **disc**;
# - L-infinity: $\max(|w_1|, |w_2|) \le c$, a square lying flat.
#
# All three are Lp norms, $\|w\|_p = (|w_1|^p + |w_2|^p)^{1/p}$, with $p = 1, 2, \infty$.

# %%
figures.plot_unit_balls([1, 2, float("inf")])

# %% [markdown]
# The diamond's corners sit on the axes, where one weight is 0. The disc has none; the flat
# square's sit on the diagonals, where neither weight is 0.
#
# In $d$ dimensions the L1 ball is the *cross-polytope*.
#
# **Predict:** how many corners does it have in 10 dimensions? Answer with a number.

# %% tags=["predict"] exercise="corners"
corners_10 = ...

# %%
check_corner_count(corners_10)

# %%
for d in (2, 3, 10, 100):
    k = geometry.cross_polytope_counts(d)
    print(f"d = {d:3d}: {k['corners']:3d} corners (all sparse), {k['facets']:.4g} flat faces")

# %% [markdown]
# 20: the points $\pm c\,e_i$, two per axis, each with one non-zero coordinate. Not 10:
# each axis has two ends. Not 1024: that counts the flat faces, one per sign pattern. In
# 3-D, the octahedron (the faces towards you are shaded, hidden edges dashed):

# %%
figures.plot_l1_ball_3d()

# %% [markdown]
# ## 2. One data point, a whole line of answers
#
# Fit $y = a x + b$ through a single point $(x, y) = (10, 5)$. Every slope $a$ works if
# $b = 5 - 10a$: the *solutions* form a line in the $(a, b)$ plane. A norm chooses: take
# the solution with the smallest norm (what a very weak penalty picks). To find it, grow a
# ball from the origin until it first touches the line.
#
# **Predict:** where does the growing diamond touch first? Give one of `(0.5, 0)`,
# `(0, 5)` or `(0.495, 0.0495)`.

# %% tags=["predict"] exercise="touch-guess"
touch_guess = ...

# %%
check_touch_prediction(touch_guess)

# %%
x0, y0 = 10.0, 5.0
for p in (1, 2, float("inf")):
    print(geometry.touch_point(x0, y0, p).describe())
t1, t2 = geometry.touch_point(x0, y0, 1), geometry.touch_point(x0, y0, 2)
# The L2 point is the foot of the perpendicular from 0 to 10a + b = 5: 5 (10, 1) / 101.
print(f"L2 as fractions: (50/101, 5/101) = ({50 / 101:.6f}, {5 / 101:.6f})")

# A brute-force check, no geometry: walk along the line in steps of 1e-6.
a_grid = np.linspace(-1, 1, 2_000_001)
sizes = np.abs(a_grid) + np.abs(y0 - x0 * a_grid)
best = a_grid[np.argmin(sizes)]
print(f"brute force: smallest L1 size {sizes.min():.6f} at a = {best:.6f}, b = {y0 - x0 * best:.6f}")

# %%
figures.plot_growing_balls(x0, y0, radii=[0.1, 0.2, 0.3, 0.4, 0.5], compare=2)

# %% [markdown]
# The diamonds (dashed) grow until size 0.5 meets the line with its corner at $(0.5, 0)$:
# $b$ is **exactly 0**. Not $(0, 5)$: sparse too, but ten times larger. Not
# $(0.495, 0.0495)$: there the circle touches (right panel, enlarged 16 times). That 0.0495
# is not an "almost 0" a better solver would remove: a circle's tangent point lies on an
# axis only for a horizontal or vertical line. Each norm prefers its own point:

# %%
for name, t in (("L1 touch point", t1), ("L2 touch point", t2)):
    w = t.point
    print(f"{name} ({w[0]:.4f}, {w[1]:.4f}): L1 size {penalties.l1(w):.4f}, "
          f"L2 size {penalties.l2(w):.4f}, max size {penalties.linf(w):.4f}")

# %% [markdown]
# ## 3. The exception: a side along the line
#
# Take the data point $(1, 1000)$: the line $b = 1000 - a$ has slope $-1$, the slope of
# the diamond's upper-right side.
#
# **Predict:** how many points of that line have the smallest L1 size? `1`, `2` or
# `"infinitely many"`.

# %% tags=["predict"] exercise="tie-count"
tie_answer = ...

# %%
check_tie_count(tie_answer)

# %%
tie = geometry.touch_point(1, 1000, 1)
print(tie.describe())
for a in (0, 1, 250, 500, 999, 1000):
    w = np.array([a, 1000 - a])
    print(f"  (a, b) = ({a:4d}, {1000 - a:4d}): L1 size {penalties.l1(w):.0f}, "
          f"zeros: {int(np.sum(w == 0))}")

# %%
figures.plot_tie(1, 1000)

# %% [markdown]
# Infinitely many: the whole side lands at once, every point has size 1000, and only the
# two ends are sparse. Not 1: nothing singles out a point. Not 2: the ends are the sparse
# ones, not the only smallest ones. A solver may return any point of the segment.
#
# The line $b = y - x\,a$ has slope $-x$ and the sides $\pm 1$, so a tie needs $|x| = 1$
# exactly. Random data points almost never do that:

# %%
points = rng.uniform(-5, 5, size=(2_000, 2))
ties = sum(not geometry.touch_point(x, y, 1).unique for x, y in points)
print(f"random data points with an L1 tie: {ties} out of {len(points):,}")

# %% [markdown]
# ## 4. Try it: grow the ball yourself
#
# **What to look at:** left, the ball grows (▶, or *ball size %*) until it touches the
# line; right, a zoom at the touch point, the grey line being the axis. Choose
# $p = 1, 2, \infty$ or *free p* (its slider selects it); the button sets $x = 1$ and $p = 1$, the tie.
# Keyboard: Tab, then arrows or Space.
#
# **Predict:** at $p = 1.2$, close to 1, is the touch point for $(10, 5)$ sparse?
# `"yes"` or `"no"`.

# %% tags=["predict"] exercise="p12-sparse"
p12_sparse = ...

# %%
check_p12_sparse(p12_sparse)

# %% [markdown]
# *If you see "model not found" or only a sentence below, run the cell.*

# %%
explore_touch(10, 5)

# %% [markdown]
# On the left the $p = 1.2$ ball looks cornered; the zoom shows the line touching a hair
# above the axis ($b = 5 \times 10^{-6}$): every $p > 1$ rounds the tip.

# %% [markdown]
# ## 5. Many dimensions: a face, not a corner
#
# With $n$ equations $A x = b$ in $d > n$ unknowns the solutions form a plane of dimension
# $d - n$. Its smallest-L1 point solves a **linear programme** (write $x = u - v$ with
# $u, v \ge 0$ and minimise $\sum_i (u_i + v_i)$ subject to $A(u - v) = b$). A linear
# programme's optimum lies at a *vertex* of its feasible set, and a vertex has at most $n$
# non-zero variables, one per equation. On the cross-polytope that is a point of a *face*
# with at most $n$ non-zeros; it is a corner (one non-zero) only when $n = 1$.
#
# **Predict:** for $n = 5$ random equations in $d = 200$ unknowns, how many non-zeros
# has the smallest-L1 solution? `1`, `5` or `200`.

# %% tags=["predict"] exercise="nonzeros"
nonzeros_answer = ...

# %%
check_nonzero_prediction(nonzeros_answer)

# %%
A = rng.standard_normal((2, 6))
b = rng.standard_normal(2)
x_l1, x_l2 = geometry.min_l1_solution(A, b), geometry.min_l2_solution(A, b)
print("2 equations, 6 unknowns")
print("min-L1:", np.round(x_l1, 4), f"-> {np.count_nonzero(x_l1)} non-zeros")
print("min-L2:", np.round(x_l2, 4), f"-> {np.count_nonzero(x_l2)} non-zeros")
print(f"both solve A x = b: {np.allclose(A @ x_l1, b)} and {np.allclose(A @ x_l2, b)}")

# %% [markdown]
# Now ten random systems for each $n$ and $d$:

# %%
print("  n    d | min-L1 non-zeros (mean, max) | min-L2 non-zeros (min) | a corner?")
for n in (1, 2, 5, 10):
    counts = montecarlo.min_norm_nonzeros(n, [20, 50, 200], trials=10, seed=n)
    for i, d in enumerate(counts.d):
        print(f"{n:3d} {d:4d} | {counts.l1_mean[i]:6.1f} {counts.l1_max[i]:4d}{'':17s}"
              f"| {counts.l2_min[i]:4d}{'':18s}| {'yes' if counts.l1_max[i] == 1 else 'no'}")

# %%
counts = montecarlo.min_norm_nonzeros(5, [5, 10, 20, 50, 100, 200], trials=10, seed=1)
figures.plot_nonzeros(counts)

# %% [markdown]
# Min-L1 keeps $n$ non-zeros whatever $d$: 5, not 1 (a corner: only $n = 1$) and not
# 200 (min-L2's count). With $d = 200$, 195 coordinates are exactly 0.

# %% [markdown]
# ## 6. The penalised form: the central picture, over many bowls
#
# In practice we minimise *loss + penalty*. Notebook 01, section 3, drew one such problem:
# a bowl's contours meeting the diamond, the optimum on an axis. Here we repeat that
# picture over 400 random bowls and count axis landings, as explained.ai's popular Monte
# Carlo did (it reported about 66 % for L1, 3 % for L2).
#
# Loss $\tfrac12 (w - c)^\top H (w - c)$, centre $c$ uniform in $[-1, 1]^2$; *round*
# bowls ($H = I$) and *tilted* ones (random orientation, curvatures in $[1, 10]$); penalty
# $0.5\,\|w\|_1$ or $0.5\,\|w\|_2^2$, solved exactly.
#
# **Predict:** with the L2 penalty, in what share of bowls is a coefficient exactly 0?
# `"66%"`, `"3%"` or `"0%"`.

# %% tags=["predict"] exercise="l2-share"
l2_share = ...

# %%
check_l2_zero_share(l2_share)

# %%
two_d = [montecarlo.penalised_quadratic_zeros(2, pen, bowl=bowl, trials=400, seed=7)
         for bowl in ("round", "tilted") for pen in ("l1", "l2")]
for r in two_d:
    print(f"{r.bowl:6s} bowls, {r.penalty.upper()}: a coefficient exactly 0 in {r.any_zero}")
kkt = max(r.kkt_gap for r in two_d)  # 0 at the exact optimum
print(f"largest optimality-condition violation: {'below 1e-12' if kkt < 1e-12 else f'{kkt:.1e}'}")

# %% [markdown]
# L2: none. Not 3 %: explained.ai's L2 zeros came from a grid search, whose grid contains
# $w_i = 0$; the exact L2 optimum only shrinks. Not 66 %: that is their L1 figure. Our 75 %
# for round bowls is notebook 03's soft-threshold at 0.5: each coordinate is 0 when
# $|c_i| \le 0.5$, half the time here, so at least one of two is 0 with probability
# $1 - 0.5 \times 0.5 = 0.75$. Tilted bowls couple the coordinates (no coordinate-wise
# threshold), and fewer land on an axis. The share depends on the penalty and the bowls: no
# law of nature.

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: the Monte Carlo is 01's picture, bowl by bowl
#
# `lessonlib.penalised_2d`, which draws 01's picture, finds the L1 optimum by another
# method (it tries every support and keeps the one meeting the optimality conditions).
# Its `random_bowl` draws bowls as the Monte Carlo's tilted bowls. Count the axis landings
# over 400 of them:

# %%
from lessonlib.penalised_2d import kkt_gap, penalised_optimum, random_bowl

bowls = [random_bowl(seed) for seed in range(400)]
optima = [penalised_optimum(bowl, 0.5, "l1") for bowl in bowls]
on_axis = sum(bool(np.any(w == 0)) for w in optima)
gap = max(kkt_gap(bowl, w, 0.5, "l1") for bowl, w in zip(bowls, optima))
print(f"01's solver, 400 tilted bowls: on an axis in {on_axis} ({on_axis / 4:.1f} %); "
      f"optimality gap below 1e-12: {gap < 1e-12}")
print(f"the Monte Carlo above (other bowls, other solver): {two_d[2].any_zero}")

# %% [markdown]
# Different bowls, the same share within the Monte Carlo's interval: each trial above is
# one picture of notebook 01, and "66 %" is a count of how many pictures have the optimum
# at a corner.

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: does the effect grow with dimension?
#
# Folklore says sparsity from L1 grows with dimension. Measure two different things: the
# share of trials with *at least one* zero, and the share of *coefficients* at zero.

# %%
from lessonlib.plots.geometry import plot_soft_zeros

soft = []
for d in (2, 5, 10, 50, 100):
    n_trials = 400 if d <= 10 else 100
    for bowl in ("round", "tilted"):
        for pen in ("l1", "l2"):
            soft.append(montecarlo.penalised_quadratic_zeros(d, pen, bowl=bowl, trials=n_trials,
                                                             seed=7))
print("L1 penalty      d   some coefficient at 0   share of coefficients at 0")
for r in soft:
    if r.penalty == "l1":
        print(f"{r.bowl:6s} bowls {r.d:5d}   {100 * r.any_zero.share:5.1f}% of trials"
              f"        {100 * r.zero_fraction:5.1f}%")
print("L2 penalty, every d and bowl: exact zeros in",
      sum(r.any_zero.successes for r in soft if r.penalty == "l2"), "trials")
kkt_soft = max(r.kkt_gap for r in soft)
print(f"largest optimality-condition violation: "
      f"{'below 1e-12' if kkt_soft < 1e-12 else f'{kkt_soft:.1e}'}")

# %%
plot_soft_zeros(soft)

# %% [markdown]
# **Left:** the chance of *some* exact zero climbs to 100 % with $d$, but only because more
# coefficients get more chances (round bowls: $1 - 0.5^d$). **Right:** the share of
# coefficients at 0 is flat, about 50 % for round bowls and 12 % for tilted ones at every
# $d$. The folklore holds for "at least one zero somewhere", not for the fraction of zeros;
# that is set by the penalty against the size of the unpenalised solution, and by how the
# loss couples the coefficients.

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: recovering a sparse signal, a sharp threshold
#
# Take an unknown vector with $s$ non-zeros among $N$, measure it $m$ times at random
# ($b = A x$, $A$ of size $m \times N$, Gaussian), and solve min-L1. Amelunxen, Lotz, McCoy
# and Tropp (2014) predict that exact recovery jumps from almost never to almost always
# around $m \approx \delta$, the **statistical dimension** of the L1 ball's descent cone at
# the signal, computed from $N$ and $s$ alone.

# %%
from lessonlib.montecarlo import l1_statistical_dimension, recovery_experiment
from lessonlib.plots.geometry import plot_recovery

for N, s in ((500, 20), (200, 8)):
    print(f"N = {N}, s = {s}: predicted threshold m ≈ {l1_statistical_dimension(N, s):.1f}")

# %% [markdown]
# Each linear programme at $N = 500$ takes about 0.2 s here, so we run the same sparsity
# ratio at $N = 200$, $s = 8$ (threshold about 35), 16 trials per $m$.

# %%
N, s = 200, 8
predicted = l1_statistical_dimension(N, s)
curve = recovery_experiment(N, s, [20, 25, 30, 35, 40, 45, 50], trials=16, seed=11)
for m, e in zip(curve.m, curve.estimates["l1"]):
    print(f"m = {m:2d}: recovered exactly in {e}")

# %%
plot_recovery(curve, predicted)

# %% [markdown]
# With 25 measurements or fewer min-L1 never recovered the signal; from 45 on it always
# did; the climb straddles the predicted 34.8 (16 trials per point: read the shape, not the
# third digit). 8 unknown positions and values out of 200, found exactly from about 40
# numbers.
#
# **Optional, full size.** Set `FULL_SIZE = True` to run $N = 500$, $s = 20$, 40 trials at
# $m = 70, 87, 105$ (a minute or two). When we ran it (seed 1): 2.5 %, 57.5 % and 100 %.

# %%
FULL_SIZE = False
if FULL_SIZE:
    full = recovery_experiment(500, 20, [70, 87, 105], trials=40, seed=1)
    for m, e in zip(full.m, full.estimates["l1"]):
        print(f"N = 500, s = 20, m = {m:3d}: recovered exactly in {e}")
else:
    print("Skipped: set FULL_SIZE = True to run N = 500, s = 20 (a minute or two).")

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: four exercises
#
# **Exercise 0 (the widget).** In section 4's widget select *free p*, set it to 1.2, and read
# $b$ from the readout's *touch point* line. Give it as a number.

# %% tags=["exercise"] exercise="widget-b"
b_at_p12 = ...

# %%
check_widget_b(b_at_p12)

# %% [markdown]
# **Exercise 1 (touch point).** Fit $y = a x + b$ through the single data point $(3, 6)$.
# Where does the growing L1 diamond first touch the line of solutions? Give
# `touch = (a, b)`, reasoned with the picture (not with `geometry.touch_point`).

# %% tags=["exercise"] exercise="touch-l1"
touch = ...

# %%
check_touch_l1(touch)

# %% [markdown]
# **Exercise 2 (ties).** For the data points $(x, 3)$, list *every* $x$ for which the L1
# answer is not unique: `tie_xs = [...]`.

# %% tags=["exercise"] exercise="tie-x"
tie_xs = ...

# %%
check_tie_slopes(tie_xs)

# %% [markdown]
# **Exercise 3 (min-L1 by linear programming).** Write `min_l1(A, b)` returning a
# smallest-L1 solution of $A x = b$, with `linprog(c, A_eq=..., b_eq=..., method="highs")`
# and section 5's split $x = u - v$. The unknowns are $(u, v)$ stacked: what does each
# cost in `c`? Write $A(u - v)$ as one matrix times $(u, v)$. Default bounds keep them
# $\ge 0$. Return $u - v$ from `res.x`.

# %% tags=["exercise"] exercise="min-l1"
from scipy.optimize import linprog


def min_l1(A, b):
    ...


# %%
check_min_l1(min_l1)

# %% [markdown]
# ## Summary
#
# - The L1 ball (a cross-polytope) has its $2d$ corners on the axes. For one data point
#   $(10, 5)$, growing it lands on the corner $(0.5, 0)$; L2 gives $(0.495, 0.0495)$.
# - The exception: a side parallel to the solutions ($|x| = 1$); a whole segment ties.
# - With $n$ equations, the smallest-L1 solution lies on a face of the cross-polytope with
#   at most $n$ non-zeros (for random equations, exactly $n$): a corner only when
#   $n = 1$. Min-L2 uses all $d$ coordinates.
# - Penalised, over random bowls (01's picture repeated): L1 lands on an axis often
#   (75 % of round bowls here), L2 never.
#
# ## Where next
#
# Notebook **05 · Below one** pushes $p$ under 1: star-shaped balls, sharper corners, and
# their price.
