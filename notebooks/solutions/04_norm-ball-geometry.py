# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Solutions to notebook 04 · The geometry: why the diamond's corners win

# %% exercise="corners"
# Two corners per axis, +c e_i and -c e_i: 2 x 10 (2**10 = 1024 counts the faces).
corners_10 = 20

# %% exercise="touch-guess"
# The line b = 5 - 10a crosses the axes at (0.5, 0) (L1 size 0.5) and (0, 5) (size 5).
touch_guess = (0.5, 0)

# %% exercise="tie-count"
# b = 1000 - a is parallel to a side of the diamond: the whole side touches at once.
tie_answer = "infinitely many"

# %% exercise="p12-sparse"
# Every p > 1 rounds the tip: the line touches just off the axis.
p12_sparse = "no"

# %% exercise="widget-b"
# Read from the widget at free p = 1.2: (a, b) = (0.5, 5e-06). Hoelder: b = 5 / (10**6 + 1).
b_at_p12 = 5e-06

# %% exercise="nonzeros"
# A vertex of the linear programme: at most one non-zero per equation, n = 5.
nonzeros_answer = 5

# %% exercise="l2-share"
# L2 shrinks by a factor: exactly 0 only if the loss's own minimum was (probability 0).
l2_share = "0%"

# %% exercise="touch-l1"
# The line b = 6 - 3a crosses the axes at (0, 6) (L1 size 6) and at (2, 0) (L1 size 2).
# |x| = 3 > 1, so the diamond reaches the crossing on the a-axis first.
touch = (2.0, 0.0)

# %% exercise="tie-x"
# The line b = 3 - x*a has slope -x; the diamond's sides have slopes +1 and -1.
tie_xs = [-1.0, 1.0]

# %% exercise="min-l1"
from scipy.optimize import linprog


def min_l1(A, b):
    A = np.asarray(A, dtype=float)
    d = A.shape[1]
    # x = u - v with u, v >= 0; at the optimum |x| = u + v, so minimise sum(u + v).
    res = linprog(np.ones(2 * d), A_eq=np.hstack([A, -A]), b_eq=b, bounds=(0, None),
                  method="highs")
    return res.x[:d] - res.x[d:]
