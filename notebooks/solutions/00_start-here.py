# %% [markdown]
# # Solutions · 00 Start here
#
# One cell per exercise; each carries the same `exercise="..."` tag as the cell it solves.

# %% exercise="count-nonzeros"
weights = np.array([0, 6, 0, 0, -2])
# Counting by eye gives 2 (the 6 and the -2). The same count in code:
nonzeros = np.count_nonzero(weights)
