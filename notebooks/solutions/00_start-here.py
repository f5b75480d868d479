# %% [markdown]
# # Solutions · 00 Start here
#
# One cell per exercise; each carries the same `exercise="..."` tag as the cell it solves.

# %% exercise="count-nonzeros"
weights = np.array([0, 6, 0, 0, -2])
# Counting by eye gives 2 (the 6 and the -2). The same count in code:
nonzeros = np.count_nonzero(weights)

# %% exercise="push-ratio"
# The slope of |w| is 1; the slope of w**2 is 2w = 0.02 at w = 0.01: 1 / 0.02 = 50.
push_answer = 50
