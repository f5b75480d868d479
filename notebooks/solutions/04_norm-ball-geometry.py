# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Solutions to notebook 04 · The geometry: why the diamond's corners win

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
