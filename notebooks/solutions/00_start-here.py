# %% [markdown]
# # Solutions · 00 Start here
#
# One cell per exercise; each carries the same `exercise="..."` tag as the cell it solves.

# %% exercise="count-nonzeros"
weights = np.array([0, 3, 0, 0, -1])
# Counting by eye gives 2 (the 3 and the -1). The same count in code:
nonzeros = np.count_nonzero(weights)
