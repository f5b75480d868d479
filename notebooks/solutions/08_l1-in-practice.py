# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Solutions to notebook 08 · In practice: L1 with scikit-learn on real data
#
# One cell per exercise or prediction, carrying the same `exercise="..."` metadata as its
# stub.

# %% exercise="pipeline"
# The scaler first, so the Lasso sees standardised columns; then fit on the raw table.
model = make_pipeline(StandardScaler(), LassoCV(alphas=alphas, cv=cv, **TIGHT)).fit(X, y)

# %% exercise="one-se"
# The largest lambda (alphas run largest first) whose mean error <= minimum + its SE.
limit = table.mean[table.best] + table.se[table.best]
lam_1se = table.alphas[np.flatnonzero(table.mean <= limit)[0]]

# %% exercise="scaler-leak"
# No: the scaler saw all 442 rows before LassoCV cut its folds.
leak_answer = "no"

# %% exercise="first-feature"
# The feature most correlated with the target enters first.
first_feature = "bmi"

# %% exercise="twins-both"
# L1 gains nothing by splitting a weight over two copies of the same information.
both_answer = "almost none"

# %% exercise="enet-twins"
twin_cols = ["bmi", "bmi_twin", "s5", "s5_twin"]
enet_kept = [n for n, c in zip(twin_names, enet.coef_) if n in twin_cols and c != 0]

# %% exercise="scaling"
# Multiply (1/(2n))||y - Xw||^2 + alpha||w||_1 by n: the penalty becomes n * alpha.
same_lambda = len(y) * 5
