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
from lessonlib.penalties import soft_threshold  # noqa: E402 - a notebook cell


def ista_step(w, X, y, lam, step):
    grad = X.T @ (X @ w - y) / len(y)
    return soft_threshold(w - step * grad, step * lam)
