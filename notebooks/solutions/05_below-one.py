# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Solutions to notebook 05 · Below one: Lp with p < 1
#
# One cell per exercise or prediction, carrying the same `exercise="..."` metadata as its
# stub.

# %% exercise="p-to-zero"
# Each non-zero |w_i|^p tends to 1, each zero stays 0: the count of non-zeros.
limit_answer = 3

# %% exercise="triangle-3d"
# Put the two vectors on different axes: ||(1,0,2)||_0.5 = (1 + sqrt 2)^2 ~ 5.83 > 1 + 2.
u3 = np.array([1.0, 0.0, 0.0])
v3 = np.array([0.0, 0.0, 2.0])

# %% exercise="sparse-touch"
# The diamond's corner (p = 1) and every star's spike (p < 1) touch at (1.5, 0).
touch_answer = "p <= 1"

# %% exercise="one-minimum"
# Below 1 both crossings are cusps; at p = 1 the ball is convex and one minimum is left.
one_minimum_p = 1.0

# %% exercise="basin-rule"
# Descent only feels the local slope: the ridge splits the line into two basins.
basin_answer = "the side of the ridge"

# %% exercise="local-minima"
# The line b = 4 - 2a crosses the axes at a = 0 (b = 4) and at a = 2 (b = 0).
minima_24 = [0.0, 2.0]

# %% exercise="landing"
# Between the crossings the size peaks where 1/(2 sqrt a) = 1/sqrt(4 - 2a), i.e. a = 2/3.
# 0.8 is beyond that ridge, so descent runs downhill to the crossing at a = 2.
landing = 2.0

# %% exercise="only-plain"
# Reweighting starts from the plain L1 answer; where that is the signal, it stays.
only_plain_answer = 0

# %% exercise="reweight-weights"
def weights(x, eps):
    return 1.0 / (np.abs(x) + eps)
