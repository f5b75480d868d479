# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# Solutions for notebook 03 — L1 zeroing. Each cell replaces the exercise cell with the same
# `exercise` id.

# %% exercise="soft-threshold"
import numpy as np


def my_soft_threshold(w, t):
    w = np.asarray(w, dtype=float)
    return np.sign(w) * np.maximum(np.abs(w) - t, 0.0)


# %% exercise="predict-zeroed"
# |w| <= 0.25: positions 1 (-0.05), 2 (0.2), 4 (0.02), 5 (already 0) and 7 (0.25 exactly).
zeroed_positions = [1, 2, 4, 5, 7]

# %% exercise="ista-step"
def ista_step(w, X, y, lam, step):
    grad = X.T @ (X @ w - y) / len(y)
    return penalties.soft_threshold(w - step * grad, step * lam)

# %% exercise="subgradient-zeros"
# Each step moves a weight lam/L towards 0 and past it: exactly 0.0 only by accident.
subgradient_zeros = "none"

# %% exercise="playground-starts"
# A useful weight that starts with the wrong sign can die as it passes 0 (3 of 20 here).
playground_answer = "a few"

# %% exercise="l2-grid-zeros"
# L2 multiplies by a fraction: never exactly 0.
l2_zeros = "none"

# %% exercise="network-step"
# At lambda 0.2 the L1 count first reads 90 at step 17 (the slider shows step 18).
l1_done_step = int(np.argmax(net.l1[0.2].zeros_per_frame() >= 90))
