# %% [markdown]
# # 00 · Start here
#
# Welcome to **L1 regularization and sparsity, seen, computed and touched**. This course is
# about one question: why does an L1 penalty set weights to *exactly* zero, while an L2
# penalty only makes them small? You will compute the answer, draw it and move it with
# sliders.
#
# **What you will learn.** In this notebook you will:
#
# - see the map of the course and pick your path through it;
# - learn the three ways to run it (Binder, your own computer, a workshop hub);
# - check that your environment works: versions, a live slider, a plot;
# - make one prediction and try one tiny exercise, so you know how the checks work.
#
# **Time:** about 15 minutes. &nbsp; **Prerequisites:** none inside the course; from an
# introductory machine-learning course, what a linear model, a loss and gradient descent are.

# %% [markdown]
# ## The course map
#
# Each lesson has a **core** and optional **deep dives**, which open collapsed (click the
# heading's arrow to read one).
#
# | notebook | what it is about | minutes | path |
# | --- | --- | ---: | --- |
# | 00 · Start here | this page | ~15 | everyone |
# | [01 · Regularisation and sparse features](01_sparse-features.ipynb) | what regularisation is; the central picture (loss contours meeting the L1 diamond and the L2 disc); why sparse weights matter | ~40 | core |
# | [02 · Zeno's L2](02_zeno-l2.ipynb) | the L2 step multiplies a weight, so it never reaches 0 | ~40 | core |
# | [03 · L1 zeroing](03_l1-zeroing.ipynb) | the L1 step subtracts a constant and stops at 0 | ~35 | core |
# | [04 · Norm-ball geometry](04_norm-ball-geometry.ipynb) | why the diamond's corners win: a corner for one equation, a face with at most n non-zeros for n | ~40 | core |
# | [05 · Below one](05_below-one.ipynb) | Lp with p < 1: sparser, not convex; reweighted L1 vs plain L1, paired | ~40 | deeper |
# | [06 · Sparsity against over-fitting](06_sparsity-vs-overfitting.ipynb) | when a sparse model generalises better (memorising vs the shared pattern, the U-curve), and when not (a dense truth) | ~40 | deeper |
# | [07 · Wide globe lab](07_wide-globe-lab.ipynb) | 233 million features, trained with FTRL; one pass already regularises | ~40 (+15 stretch) | deeper |
# | [08 · L1 in practice](08_l1-in-practice.ipynb) | scikit-learn on real data: cross-validation, L1 as a feature selector, elastic net | ~35 | deeper |
#
# Minutes: each core, measured section by section (`make section-times`); deep dives are
# extra. The **core path**, 01 → 04 (about 150 minutes), tells the whole story; a workshop
# covers it. The **deeper path**, 05 → 08 (about 155 minutes), builds on it, in order or by
# question. Each notebook names the earlier ones it needs.

# %% [markdown]
# ## How to run the course
#
# Three ways in, all with the same notebooks:
#
# - **On Binder, nothing to install.** A Binder link (from the course's public home or your
#   instructor; `README.md` says how it is made) opens the course in JupyterLab in your
#   browser. An idle session is shut down after about ten minutes and your edits are lost:
#   download what you want to keep (File → Download).
# - **On your own computer.** Get the course folder (`git clone`, or unpack the download),
#   open a terminal in it and run `make lab`. The first run installs everything into a
#   private environment in the folder; every run opens JupyterLab.
# - **In a workshop.** Your instructor's JupyterHub link logs you in and copies the course
#   into your own folder on the hub, where your edits stay.
#
# Run the cells from top to bottom (Shift+Enter runs one and moves on). If something looks
# odd, **Kernel → Restart Kernel and Run All Cells** starts clean. The seeds are fixed, so
# your numbers match the stored notebook's.

# %% [markdown]
# ## Check your environment
#
# Every notebook starts with a setup cell like this one. It checks that the course's helper
# library, `lessonlib`, is recent enough (and stops with a fix if not), applies the plotting
# style and makes a random generator with a fixed seed.

# %%
# %matplotlib inline
import numpy as np

import lessonlib
from lessonlib.checks.start_here import check_nonzero_count, check_push_ratio
from lessonlib.environment import check_environment
from lessonlib.penalties import l1_subgradient, l2_squared_gradient
from lessonlib.plots.start_here import plot_penalty_preview
from lessonlib.widgets import echo_slider

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

# %% [markdown]
# Now the packages: one line each, ✅ when it is there and new enough, ❌ with the version
# found and the one needed otherwise. For a ❌, follow the fix it prints.

# %%
check_environment()

# %% [markdown]
# ### Are widgets alive?
#
# The course's sliders and buttons talk to Python as you move them. Move this slider (drag
# it, or click it and use the arrow keys): the line under it echoes each value the running
# Python kernel receives.
#
# If you see *"model not found"*, or only a sentence instead of a slider, **run the cell**.
# JupyterLab does not save live widgets, so in a reopened notebook every widget waits for
# its cell to run again, in every notebook of the course.

# %%
echo_slider()

# %% [markdown]
# ### Does plotting work?
#
# The last check draws a figure, and a first look at the course: the two penalties for a
# single weight `w`, and their slopes.

# %%
fig = plot_penalty_preview()
fig

# %% [markdown]
# On the left, both penalties are 0 at `w = 0` and grow away from it; near 0 the L2 curve
# (dashed blue) is much flatter than the L1 curve (solid vermillion). On the right are their
# slopes, which set how hard a gradient step pushes the weight back towards 0.
#
# **Predict:** at `w = 0.01`, how many times stronger is the L1 push (the slope of `|w|`)
# than the L2 push (the slope of `w**2`)? `1`, `50` or `100`. Replace the `...`, run the
# cell, then run the check below it.

# %% tags=["predict"] exercise="push-ratio"
push_answer = ...

# %%
check_push_ratio(push_answer)

# %%
w = 0.01
print(f"slope of |w| at w = {w}: {l1_subgradient(w):g}")
print(f"slope of w^2 at w = {w}: {l2_squared_gradient(w):g}")
print(f"the L1 push is {l1_subgradient(w) / l2_squared_gradient(w):g} times stronger")

# %% [markdown]
# Fifty. Not 1: near 0 the L2 curve is almost flat, and its slope `2w` fades with the
# weight, while the L1 slope stays ±1 all the way to 0. Not 100: the slope of `w**2` is
# `2w`, not `w`. The ratio doubles every time the weight halves; notebooks 02 and 03 turn
# this into the central result of the course. (At 0 itself the L1 slope is not defined:
# the open dots. That kink is where the interesting things happen.)

# %% [markdown]
# ## How exercises work
#
# An exercise is two cells: one with a `...` to replace with your answer (a number, an array
# or a small function), and a **check cell** below it. The check prints **✅ Correct.** or
# **❌ Not yet.** with a hint; before you answer, **✏️ Not answered yet.** A prediction, like
# the one above, works the same way, before the cell that shows the answer.
#
# One trap: if your answer cell stops with an error, your answer was not stored, and the
# check grades what the name held before. Fix the error first.
#
# ### Warm-up exercise: count the non-zeros
#
# The weight vector `[0, 6, 0, 0, -2]` has five entries. **How many of them are non-zero?**
# (This count is the "L0 norm" of the vector; notebook 01 has more on it.)

# %% tags=["exercise"] exercise="count-nonzeros"
weights = np.array([0, 6, 0, 0, -2])
nonzeros = ...  # your answer: a number (or code that computes it)

# %%
check_nonzero_count(nonzeros)

# %% [markdown]
# ### Where the solutions are
#
# The worked solutions are in `notebooks/solutions/` (one short file per notebook,
# `00_start-here.py` for this one) and in `instructor/notebooks/` (every notebook with its
# solutions filled in and run).

# %% [markdown]
# ## Summary
#
# - A **core path** (01 → 04) and a **deeper path** (05 → 08); deep dives are optional.
# - Run it on **Binder**, locally with **`make lab`**, or from your **workshop's JupyterHub**.
# - A widget showing "model not found" or only a sentence needs its **cell run** again.
# - Predictions and exercises: fill in the `...`, run the **check cell**, read the hint.
# - Near 0 the L1 push keeps its full strength; the L2 push fades with the weight.
#
# ## Where next
#
# Open **[01 · Regularisation and sparse features](01_sparse-features.ipynb)**: what
# regularisation is, the one picture that explains L1's zeros, and why models with millions
# of features need most of their weights to be exactly 0.
