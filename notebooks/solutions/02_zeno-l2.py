# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# Solutions for notebook 02 — Zeno's L2. Each cell replaces the exercise cell with the same
# `exercise` id.

# %% exercise="l2-step"
def l2_step(w, eta, lam):
    # gradient of lam * w**2 is 2 * lam * w
    return w - eta * 2 * lam * w


# %% exercise="steps-to-halve"
import math  # noqa: E402 - a cell of its own in the notebook

steps_to_halve = math.ceil(math.log(2) / -math.log(1 - 2 * 0.05 * 0.1))

# %% exercise="reaches-zero"
# Only f <= 1/2 lets the smallest subnormal round to 0.
reaches_zero = {0.3, 0.5}
