# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Solutions to notebook 06 · Sparsity against over-fitting
#
# One cell per exercise or prediction, carrying the same `exercise="..."` metadata as its
# stub.

# %% exercise="robots-ranked"
# Every new robot scores 0.455 (the antenna's share), every new other at most 0.182.
robots_ranked = "yes"

# %% exercise="l1-part"
# The one non-zero weight of the minimum-L1 fit; its name is toy.part_names[l1_part].
l1_part = int(np.flatnonzero(w_l1)[0])
print(l1_part, toy.part_names[l1_part])

# %% exercise="u-shape"
# Real effects enter first (held-out error falls), then noise is fitted (it rises).
u_shape = "falls then rises"

# %% exercise="best-lambda"
# The value (not the position) of the lambda with the smallest validation error.
best_lambda = sweep.lambdas[np.argmin(sweep.val_mse)]

# %% exercise="real-nonzeros"
# The widget's "real among them" line at the lowest held-out error, computed here.
w_best = sweep.coefs[sweep.best]
real_nonzeros = int(np.count_nonzero((w_best != 0) & (task.true_w != 0)))

# %% exercise="dense-winner"
# Many small true effects: L2 keeps every feature and shrinks them evenly.
dense_winner = "L2"


# %% exercise="prune"
def prune(w, k):
    w = np.asarray(w, dtype=float)
    out = np.zeros_like(w)  # a new array: the model we prune stays intact
    keep = np.argsort(np.abs(w))[::-1][:k]  # positions of the k largest magnitudes
    out[keep] = w[keep]
    return out


# %% exercise="dropout-zeros"
# Dropout averages to a squared (L2-style) penalty: no exact zeros.
dropout_zeros = "none"
