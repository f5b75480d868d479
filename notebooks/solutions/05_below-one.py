# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Solutions to notebook 05 · Below one: Lp with p < 1

# %% exercise="triangle-3d"
# Put the two vectors on different axes: ||(1,0,2)||_0.5 = (1 + sqrt 2)^2 ~ 5.83 > 1 + 2.
u3 = np.array([1.0, 0.0, 0.0])
v3 = np.array([0.0, 0.0, 2.0])

# %% exercise="local-minima"
# The line b = 4 - 2a crosses the axes at a = 0 (b = 4) and at a = 2 (b = 0).
minima_24 = [0.0, 2.0]

# %% exercise="landing"
# Between the crossings the size peaks where 1/(2 sqrt a) = 1/sqrt(4 - 2a), i.e. a = 2/3.
# 0.8 is beyond that ridge, so descent runs downhill to the crossing at a = 2.
landing = 2.0

# %% exercise="reweight-weights"
def weights(x, eps):
    return 1.0 / (np.abs(x) + eps)
