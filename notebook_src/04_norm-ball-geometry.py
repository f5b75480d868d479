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
# Notebook 03 showed *how* L1 makes zeros: each step subtracts a constant and stops at 0.
# This notebook shows *why* the answer it finds is sparse, with a picture you can draw on
# paper, and then checks that picture by computation in 2 dimensions and then in up to a
# few hundred.
#
# **What you will learn.** You will learn to:
# - draw the L1, L2 and L-infinity balls and say where their corners are;
# - find the smallest-norm point of a line by growing a ball until it touches;
# - explain the exception, when a whole side of the diamond touches at once;
# - say what survives in many dimensions, and what is folklore.
#
# **Time:** about 45 minutes. **Prerequisites:** notebook 03 (the L1 step).

# %%
import numpy as np

import lessonlib

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

from lessonlib.geometry import (
    cross_polytope_counts,
    min_l1_solution,
    min_l2_solution,
    touch_point,
)
from lessonlib.montecarlo import (
    l1_statistical_dimension,
    min_norm_nonzeros,
    penalised_quadratic_zeros,
    recovery_experiment,
)
from lessonlib.penalties import l1, l2, linf
from lessonlib.plots.geometry import (
    plot_growing_balls,
    plot_l1_ball_3d,
    plot_nonzeros,
    plot_recovery,
    plot_soft_zeros,
    plot_tie,
    plot_unit_balls,
)
from lessonlib.widgets.geometry import explore_touch

# %% [markdown]
# ## 1. Three balls
#
# A *ball* of size $c$ is every weight vector whose norm is at most $c$. In two dimensions,
# with weights $(w_1, w_2)$:
#
# - L1: $|w_1| + |w_2| \le c$, a square standing on one corner (a **diamond**);
# - L2: $w_1^2 + w_2^2 \le c^2$, a **disc**;
# - L-infinity: $\max(|w_1|, |w_2|) \le c$, a square lying flat.
#
# These are three members of one family, the Lp norms
# $\|w\|_p = (|w_1|^p + |w_2|^p)^{1/p}$: L1 is $p = 1$, L2 is $p = 2$, and L-infinity is the
# limit $p = \infty$, the largest entry. The figures label them by $p$.

# %%
plot_unit_balls([1, 2, float("inf")])

# %% [markdown]
# All three pass through $(1, 0)$ and $(0, 1)$. Look at what happens *there*: the diamond
# has sharp corners exactly on the axes, where one weight is 0; the disc is smooth
# everywhere; the flat square's corners sit on the diagonals, where both weights are
# non-zero.
#
# In $d$ dimensions the L1 ball is the *cross-polytope*. Its corners are the $2d$ points
# $\pm c\,e_i$ ($e_i$ is the $i$-th axis direction), each with a single non-zero
# coordinate, and it has one flat face per sign pattern ($2^d$ faces). In 3-D that is the octahedron:

# %%
plot_l1_ball_3d()

# %% [markdown]
# Six corners, each on an axis, so each has two zero coordinates; eight triangular faces,
# one per octant. The counts grow very differently with the dimension:

# %%
for d in (2, 3, 10, 100):
    k = cross_polytope_counts(d)
    print(f"d = {d:3d}: {k['corners']:3d} corners (all sparse), {k['facets']:.4g} flat faces")

# %% [markdown]
# ## 2. One data point, a whole line of answers
#
# Fit the line $y = a x + b$ through a single training point $(x, y) = (10, 5)$. Any slope
# $a$ works if the intercept follows: $b = 5 - 10a$. So the *solutions* form a line in the
# $(a, b)$ plane, and the data cannot choose between them. A norm can: we pick the solution
# with the smallest norm. (That is what L1 or L2 regularisation picks when its penalty is
# very weak: among the exact fits, the one the penalty charges least. Section 6 turns to
# the usual penalised form.)
#
# To find it, grow a ball from the origin until it first touches the line of solutions.
# The touch point is the answer, and the ball's size then is its norm.

# %%
x0, y0 = 10.0, 5.0
for p in (1, 2, float("inf")):
    print(touch_point(x0, y0, p).describe())

# The L2 touch point is the foot of the perpendicular from the origin to the line
# 10a + b = 5: the point 5 (10, 1) / (10² + 1²) = (50/101, 5/101).
t1, t2 = touch_point(x0, y0, 1), touch_point(x0, y0, 2)
print(f"\nL2 touch point as fractions: (50/101, 5/101) = ({50 / 101:.6f}, {5 / 101:.6f}); "
      f"computed: ({t2.point[0]:.6f}, {t2.point[1]:.6f})")

# %% [markdown]
# Are these really the smallest? A brute-force check: walk along the line in tiny steps and
# keep the point with the smallest L1 size. No geometry involved.

# %%
a_grid = np.linspace(-1, 1, 2_000_001)  # steps of 1e-6
sizes = np.abs(a_grid) + np.abs(y0 - x0 * a_grid)
best = a_grid[np.argmin(sizes)]
print(f"brute force: smallest L1 size {sizes.min():.6f} at a = {best:.6f}, b = {y0 - x0 * best:.6f}")

print("\nDiamonds of growing size c: do they reach the line yet?")
for c in (0.1, 0.2, 0.3, 0.4, 0.5):
    print(f"  c = {c:.1f}: {'touches' if c >= t1.norm - 1e-12 else 'not yet'}")

# %%
plot_growing_balls(x0, y0, radii=[0.1, 0.2, 0.3, 0.4, 0.5], compare=2)

# %% [markdown]
# The diamonds (dashed for sizes 0.1 to 0.4, solid for 0.5) grow until the one of size 0.5
# meets the steep line, and it meets it with its corner at $(0.5, 0)$: the intercept is
# **exactly 0**. The blue circle touches a hair above, at $(0.495, 0.0495)$, where the line
# is tangent to it. At full scale the two touch points almost overlap (inside the small grey
# box); the right panel enlarges that box 16 times. There, look for the vermillion dot
# sitting exactly on the horizontal axis $b = 0$, at the diamond's corner, and the blue
# square clearly above it, where the circle only grazes the line.
#
# A common reading is that L2's answer is "almost sparse" because $b \approx 0.05$ is small.
# That 0.05 is not a rounding error that a better solver would remove: the circle touches
# where the line is perpendicular to the radius, and that is never on an axis unless the
# line itself is horizontal or vertical. Each norm prefers its own answer: by the L1 ruler
# the L1 point is smaller, by the L2 ruler the L2 point is (the table measures both points
# with three rulers).

# %%
for name, t in (("L1 touch point", t1), ("L2 touch point", t2)):
    w = t.point
    print(f"{name} ({w[0]:.4f}, {w[1]:.4f}): L1 size {l1(w):.4f}, L2 size {l2(w):.4f}, "
          f"max size {linf(w):.4f}")

# %% [markdown]
# ## 3. The exception: a side that lies along the line
#
# Take the data point $(1, 1000)$. The line of solutions is $b = 1000 - a$, with slope
# $-1$: exactly the slope of the diamond's upper-right side. When the diamond grows to size
# 1000, that whole side lands on the line at once.

# %%
tie = touch_point(1, 1000, 1)
print(tie.describe())
for a in (0, 1, 250, 500, 999, 1000):
    w = np.array([a, 1000 - a])
    print(f"  (a, b) = ({a:4d}, {1000 - a:4d}): L1 size {l1(w):.0f}, zeros: {int(np.sum(w == 0))}")

# %%
plot_tie(1, 1000)

# %% [markdown]
# Every point of the thick segment is optimal, and only its two ends are sparse. For
# this line, "L1 gives sparse answers" fails: the answer is not even unique, and a solver
# may return any point of the segment.
#
# When does it happen? The line $b = y - x\,a$ has slope $-x$; the diamond's sides have
# slopes $\pm 1$. So a tie needs $|x| = 1$ exactly. Among data points drawn at random,
# that has probability zero:

# %%
points = rng.uniform(-5, 5, size=(2_000, 2))
ties = sum(not touch_point(x, y, 1).unique for x, y in points)
print(f"random data points with an L1 tie: {ties} out of {len(points):,}")

# %% [markdown]
# ## 4. Try it: grow the ball yourself
#
# Choose the data point, the norm ($p = 1, 2, \infty$, or any *free p*: moving that slider
# selects it; values below 1 are notebook 05's subject), and grow the ball with the
# *ball size %* slider or the ▶ button. The size is measured against the size at which the
# ball first touches: 100 % is touching, above 100 % the ball cuts through the line. The
# readout gives the touch point and whether it is sparse.
#
# Try $x = 1$ or $x = -1$ for a tie. Then compare $p = 1$ with free $p = 1.5$: for any
# $p > 1$ the tip is rounded and the touch point leaves the axis. At $p = 1.2$ it moves so
# little ($b = 5 \times 10^{-6}$) that only the readout shows it. Every control works from
# the keyboard: Tab to it, then the arrow keys (sliders) or Space (buttons).
#
# *If you see "model not found" or only a sentence below, run the cell.*

# %%
explore_touch(10, 5)

# %% [markdown]
# ## 5. Many dimensions: why corners win in general
#
# With $n$ equations and $d > n$ unknowns, $A x = b$ has a whole line, plane or
# higher-dimensional set of solutions. The
# smallest-L1 solution solves a **linear programme**: write $x = u - v$ with $u, v \ge 0$
# and minimise $\sum_i (u_i + v_i)$ subject to $A(u - v) = b$. A linear programme that has
# an optimum has one at a *vertex* of its feasible set, and a vertex has at most $n$ non-zero
# variables (one per equation). So some smallest-L1 solution has at most $n$ non-zeros,
# whatever $d$ is, and the solver used here (HiGHS, through SciPy) returns such a vertex.
# There can be others: in section 3's tie every point of a segment was optimal, most with
# two non-zeros for one equation. For random $A$ that happens with probability zero, so the
# smallest-L1 solution is unique, and it is the sparse vertex.
#
# The smallest-L2 solution is `pinv(A) @ b`, a combination of the rows of $A$: generically
# all $d$ coordinates are non-zero. One small system first:

# %%
A = rng.standard_normal((2, 6))
b = rng.standard_normal(2)
x_l1, x_l2 = min_l1_solution(A, b), min_l2_solution(A, b)
print("min-L1:", np.round(x_l1, 4), f"-> {np.count_nonzero(x_l1)} non-zeros")
print("min-L2:", np.round(x_l2, 4), f"-> {np.count_nonzero(x_l2)} non-zeros")
print(f"both solve A x = b: {np.allclose(A @ x_l1, b)} and {np.allclose(A @ x_l2, b)}")

# %% [markdown]
# Now a Monte Carlo: for $n = 5$ random equations and $d$ from 5 to 200 unknowns, ten random
# systems per $d$.

# %%
counts = min_norm_nonzeros(5, [5, 10, 20, 50, 100, 200], trials=10, seed=1)
print("   d | min-L1 non-zeros (mean, max) | min-L2 non-zeros (mean, min)")
for i, d in enumerate(counts.d):
    print(f"{d:4d} | {counts.l1_mean[i]:6.1f} {counts.l1_max[i]:4d}               "
          f"| {counts.l2_mean[i]:6.1f} {counts.l2_min[i]:4d}")

# %%
plot_nonzeros(counts)

# %% [markdown]
# The L1 line stays flat at $n = 5$ non-zeros while the L2 line climbs with $d$: with 200
# unknowns, min-L1 sets 195 of them to exactly 0, min-L2 none.

# %% [markdown]
# ## 6. The soft (penalised) form, and a piece of folklore
#
# In practice we rarely solve "smallest norm subject to fitting exactly"; we minimise
# *loss + penalty*. A popular Monte Carlo (explained.ai) draws random quadratic losses and
# counts how often the penalised minimum has a coefficient at exactly 0. Their figures:
# about 66 % for L1 versus about 3 % for L2 on symmetric bowls; their L2 "zeros" come from
# a grid search, whereas an exact solver finds none.
#
# **Our setup.** Loss $\tfrac12 (w - c)^\top H (w - c)$ with its minimum $c$ uniform in
# $[-1, 1]^d$. *Round* bowls: $H = I$ (circular contours). *Tilted* bowls: a random
# orientation and curvatures uniform in $[1, 10]$. Penalty $0.5\,\|w\|_1$ or
# $0.5\,\|w\|_2^2$, solved exactly (proximal gradient for L1, a linear solve for L2).
# The same losses are used for both penalties.

# %%
two_d = [penalised_quadratic_zeros(2, pen, bowl=bowl, trials=400, seed=7)
         for bowl in ("round", "tilted") for pen in ("l1", "l2")]
for r in two_d:
    print(f"{r.bowl:6s} bowls, {r.penalty.upper()}: a coefficient exactly 0 in {r.any_zero}")

# %% [markdown]
# The spirit of the explained.ai result holds: with L1 a large share of 2-D problems end with
# a coefficient at exactly 0, with L2 none. The exact percentage is not a law of nature:
# it depends on the penalty strength and on how far the bowls' centres lie from the axes
# (for round bowls, $H = I$, each coefficient is notebook 03's soft-threshold of $c_i$ at
# 0.5, so it is zeroed exactly when $|c_i| \le 0.5$, and we expect $1 - 0.5^2 = 75\,\%$).
#
# The folklore says the effect grows with dimension. We measure two different things as $d$
# grows: the share of trials with *at least one* zero, and the share of *coefficients* that
# are zero.

# %%
soft = []
for d in (2, 5, 10, 50, 100):
    n_trials = 400 if d <= 10 else 100
    for bowl in ("round", "tilted"):
        for pen in ("l1", "l2"):
            soft.append(penalised_quadratic_zeros(d, pen, bowl=bowl, trials=n_trials, seed=7))
print("L1 penalty      d   some coefficient at 0   share of coefficients at 0")
for r in soft:
    if r.penalty == "l1":
        print(f"{r.bowl:6s} bowls {r.d:5d}   {100 * r.any_zero.share:5.1f}% of trials"
              f"        {100 * r.zero_fraction:5.1f}%")
print("L2 penalty, every d and bowl: exact zeros in",
      sum(r.any_zero.successes for r in soft if r.penalty == "l2"), "trials")
# How far the answers are from the exact optimality conditions (0 would be exact).
kkt = max(r.kkt_gap for r in soft)
print(f"largest optimality-condition violation: {'below 1e-12' if kkt < 1e-12 else f'{kkt:.1e}'}")

# %%
plot_soft_zeros(soft)

# %% [markdown]
# Read the two panels separately. **Left:** the chance of seeing *some* exact zero climbs
# to 100 % with $d$, but that is just more coefficients getting more chances (for round
# bowls, exactly $1 - 0.5^d$). **Right:** the share of coefficients at 0 is flat: about
# 50 % for round bowls and about 12 % for tilted ones at every $d$ (the confidence
# intervals are the bars in the figure). So in this setup the folklore holds only for "at
# least one zero somewhere"; the fraction of zero coefficients does not grow with
# dimension. What sets it is the penalty strength against the size of the unpenalised
# solution, and (compare the two bowl shapes) how the loss couples the coefficients.
# L2 stays at 0 everywhere.

# %% [markdown]
# ## 7. Recovering a sparse signal: a sharp threshold
#
# A stronger statement about corners: take an unknown vector with $s$ non-zeros among $N$,
# measure it $m$ times with random Gaussian measurements ($b = A x$, $A$ of size $m \times N$),
# and solve min-L1. Theory (Amelunxen, Lotz, McCoy and Tropp, 2014) predicts that recovery
# jumps from almost never to almost always around $m \approx \delta$, a number it computes
# from $N$ and $s$ alone (its name is the *statistical dimension*; you do not need its
# formula here):

# %%
for N, s in ((500, 20), (200, 8)):
    print(f"N = {N}, s = {s}: predicted threshold m ≈ {l1_statistical_dimension(N, s):.1f}")

# %% [markdown]
# For $N = 500$, $s = 20$ the threshold is about 87 measurements. Each linear programme at
# that size takes about 0.2 s here, so to keep this notebook quick we run the
# **same sparsity ratio at N = 200, s = 8**, where the threshold sits at about 35, with 16
# trials per $m$. (The optional cell at the end of this section runs the full size.)

# %%
N, s = 200, 8
predicted = l1_statistical_dimension(N, s)
curve = recovery_experiment(N, s, [20, 25, 30, 35, 40, 45, 50], trials=16, seed=11)
for m, e in zip(curve.m, curve.estimates["l1"]):
    print(f"m = {m:2d}: recovered exactly in {e}")

# %%
plot_recovery(curve, predicted)

# %% [markdown]
# With 25 measurements or fewer min-L1 never recovered the signal in our trials; from 45 on
# it always did; the climb in between straddles the predicted 34.8. With only 16 trials per point
# the intervals are wide (see the bars), so read the shape, not the third digit. Note what
# this says: 8 unknown positions and values out of 200 are found exactly from about 40
# numbers, because the right answer sits at a corner of the L1 ball.
#
# **Optional, full size.** The cell below runs $N = 500$, $s = 20$, 40 trials at
# $m = 70, 87, 105$ (below, at and above the predicted 87) if you set `FULL_SIZE = True`;
# it takes under a minute or two. When we ran it (seed 1) it gave 2.5 %, 57.5 % and 100 %:
# the same jump, around the predicted threshold.

# %%
FULL_SIZE = False
if FULL_SIZE:
    full = recovery_experiment(500, 20, [70, 87, 105], trials=40, seed=1)
    for m, e in zip(full.m, full.estimates["l1"]):
        print(f"N = 500, s = 20, m = {m:3d}: recovered exactly in {e}")
else:
    print("Skipped: set FULL_SIZE = True to run N = 500, s = 20 (under a minute or two).")

# %% [markdown]
# ## 8. Exercises
#
# **Exercise 1 (touch point).** Fit $y = a x + b$ through the single data point $(3, 6)$.
# Where does the growing L1 diamond first touch the line of solutions? Give `touch = (a, b)`.
# Reason it out with the picture; do not call `touch_point`.

# %% tags=["exercise"] exercise="touch-l1"
touch = ...

# %%
from lessonlib.checks.geometry import check_min_l1, check_tie_slopes, check_touch_l1

check_touch_l1(touch)

# %% [markdown]
# **Exercise 2 (ties).** For the data points $(x, 3)$, list *every* value of $x$ for which
# the L1 answer is not unique. Give a list of numbers, `tie_xs = [...]`.

# %% tags=["exercise"] exercise="tie-x"
tie_xs = ...

# %%
check_tie_slopes(tie_xs)

# %% [markdown]
# **Exercise 3 (min-L1 by linear programming).** Write `min_l1(A, b)` that returns a
# solution of $A x = b$ with the smallest L1 norm, using `scipy.optimize.linprog` with
# `method="highs"` and the split $x = u - v$ from section 5. In
# `linprog(c, A_eq=..., b_eq=..., method="highs")` the unknowns are the $2d$ numbers
# $(u, v)$ stacked in one vector; `c` is the cost of each (what is the cost of $u_i + v_i$?),
# and `A_eq @ (u, v)` must equal `b_eq` (how do you write $A(u - v)$ as one matrix times
# $(u, v)$?). `linprog`'s default bounds already keep every unknown $\ge 0$. The result's
# `.x` holds $(u, v)$; return $u - v$. The check runs it on four systems and accepts any
# minimiser.

# %% tags=["exercise"] exercise="min-l1"
from scipy.optimize import linprog


def min_l1(A, b):
    ...


# %%
check_min_l1(min_l1)

# %% [markdown]
# ## Summary
#
# - The L1 ball is a diamond (a cross-polytope in $d$ dimensions) whose corners all lie on
#   the axes. Growing it until it touches the solutions lands on a corner: a sparse answer.
#   For the data point (10, 5): $(0.5, 0)$ for L1, $(0.495, 0.0495)$ for L2.
# - The exception is a side parallel to the solutions ($|x| = 1$ here): a whole segment
#   ties and only its ends are sparse. For random data it has probability zero.
# - In $d$ dimensions min-L1 is a linear programme, solved at a vertex with at most $n$
#   non-zeros (for random $A$ the only solution); min-L2 uses all $d$ coordinates.
# - Penalised L1 zeroes coefficients, L2 never does; but in our Monte Carlo the *share* of
#   zeroed coefficients does not grow with dimension, only the chance of seeing at least one.
# - Sparse signals are recovered exactly once the measurements pass a predictable
#   threshold (about 35 for the N = 200, s = 8 run here; about 87 for N = 500, s = 20).
#
# ## Where next
#
# Notebook **05 · Below one** pushes $p$ under 1: balls shaped like stars, even sharper
# corners, and the price paid for them.
