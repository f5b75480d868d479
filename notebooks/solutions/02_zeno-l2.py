# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# Solutions for notebook 02 — Zeno's L2. Each cell replaces the exercise or prediction cell
# with the same `exercise` id.

# %% exercise="l2-step"
def l2_step(w, eta, lam):
    # gradient of lam * w**2 is 2 * lam * w
    return w - eta * 2 * lam * w


# %% exercise="shrink-thousand"
# Each factor of 10 costs the same 229 steps: 3 x 229 = 687, about 690.
shrink_answer = 690

# %% exercise="steps-to-halve"
import math  # noqa: E402 - a cell of its own in the notebook

steps_to_halve = math.ceil(math.log(2) / -math.log(1 - 2 * 0.05 * 0.1))

# %% exercise="ridge-zeros"
# L2 shrinks by a fraction: no weight is exactly 0, even at lambda = 100.
zeros_answer = 0

# %% exercise="float-end"
# Below the smallest normal number, k*f rounds back to k once k*(1 - f) < 1/2.
end_answer = "stuck above 0"

# %% exercise="reaches-zero"
# Only f <= 1/2 lets the smallest subnormal round to 0.
reaches_zero = {0.3, 0.5}

# %% exercise="halving-ratio"
# Steps to halve ~ ln 2 / (2 eta lambda): ten times eta, ten times fewer steps (693 -> 69).
ratio_answer = "10 times fewer"

# %% exercise="float16-frozen"
# float16 numbers just below 1 are 2**-11 apart: f = 0.9998 rounds to 1, f = 0.9995 does not.
frozen_eta = 0.002
