# %% [markdown]
# # 00 · Start here
#
# Welcome to **L1 regularization and sparsity, seen, computed and touched**. This course is
# about one question: why does an L1 penalty set weights to *exactly* zero, while an L2
# penalty only makes them small? You will compute the answer, draw it and move it with sliders.
#
# **What you will learn.** In this notebook you will:
#
# - see the map of the course and pick your path through it;
# - learn the three ways to run it (Binder, your own computer, a workshop hub);
# - check that your environment works: versions, a live slider, a plot;
# - try one tiny exercise, so you know how the checks and hints work.
#
# **Time:** about 15 minutes. &nbsp; **Prerequisites:** none inside the course. From outside
# it, you should know what a linear model, a loss function and gradient descent are, as an
# introductory machine-learning course teaches them.

# %% [markdown]
# ## The course map
#
# | notebook | what it is about | minutes | path |
# | --- | --- | ---: | --- |
# | 00 · Start here | this page | ~15 | everyone |
# | [01 · Sparse features](01_sparse-features.ipynb) | why feature crosses explode the number of dimensions; what a weight of exactly 0 buys; why counting non-zeros (L0) cannot be optimised directly | ~45 | core |
# | [02 · Zeno's L2](02_zeno-l2.ipynb) | the L2 step multiplies a weight by a factor, so it never reaches 0, not even in floating point (for any realistic step) | ~35 | core |
# | [03 · L1 zeroing](03_l1-zeroing.ipynb) | the L1 step subtracts a constant and stops at 0: soft-thresholding, ISTA, FTRL | ~45 | core |
# | [04 · Norm-ball geometry](04_norm-ball-geometry.ipynb) | why the corners of the L1 "diamond" land on sparse answers | ~45 | core |
# | [05 · Below one](05_below-one.ipynb) | Lp with p < 1: sparser still, but not convex and hard to compute | ~35 | deeper |
# | [06 · Sparsity against over-fitting](06_sparsity-vs-overfitting.ipynb) | when a sparse model generalises better, and when it does not | ~50 | deeper |
# | [07 · Wide globe lab](07_wide-globe-lab.ipynb) | train a sparse model with 233 million features on a million generated houses | ~50 (+15 for its stretch goal) | deeper |
# | [08 · L1 in practice](08_l1-in-practice.ipynb) | the scikit-learn workflow on real data: lambda by cross-validation in a pipeline, elastic net for correlated features, L1-logistic, how far to trust the selected features | ~40 (+10 for its deep dives) | deeper |
#
# The **core path** is 01 → 04: 45 + 35 + 45 + 45 = 170 minutes (2 h 50 min) of notebook
# time, about 3 h 15 min with this page and a break. It is what a workshop covers, and it tells the whole
# story. The **deeper path** (05 → 08: 35 + 50 + 50 + 40 minutes, about 2 h 55 min)
# builds on it: take it in order, or jump to the notebook whose question interests you.
# Each notebook says at the top which earlier ones it needs; click a title to open it.

# %% [markdown]
# ## How to run the course
#
# There are three ways in; they all give you the same notebooks.
#
# - **On Binder, nothing to install.** A Binder link opens this course in JupyterLab in your
#   browser after a minute or two (`README.md` says how the link is made; the course's
#   public home, or your instructor, gives you the link itself). Binder is free but forgetful: a session
#   that sits idle for about ten minutes is shut down and your edits are lost, so download
#   any notebook you want to keep (File → Download).
# - **On your own computer.** Get the course folder (with `git clone`, or by unpacking the
#   download), open a terminal in it and run `make lab`. The first run installs everything
#   into a private environment in the folder; every run then opens JupyterLab.
# - **In a workshop.** Your instructor gives you a JupyterHub link. Clicking it logs you in
#   and copies the course into your own folder on the hub; your edits stay there.
#
# Run the cells from top to bottom (Shift+Enter runs one and moves to the next). If
# something looks odd, **Kernel → Restart Kernel and Run All Cells** starts clean. The
# random seeds are fixed, so the numbers you get match the ones printed in the stored
# notebook.

# %% [markdown]
# ## Check your environment
#
# Every notebook starts with a setup cell like the one below. It checks that the course's
# helper library, `lessonlib`, is recent enough (and stops with a fix if it is not), applies
# the course's plotting style and makes a random generator with a fixed seed.

# %%
# %matplotlib inline
import numpy as np

import lessonlib
from lessonlib.checks.start_here import check_nonzero_count
from lessonlib.environment import check_environment
from lessonlib.penalties import l1_subgradient, l2_squared_gradient
from lessonlib.plots.start_here import plot_penalty_preview
from lessonlib.widgets import echo_slider

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

# %% [markdown]
# Now the package check. This cell looks at each package the course needs and prints a
# line for each: ✅ when it is there and new enough, ❌ with the version it found and the
# version it needs otherwise. If you see a ❌, follow the fix it prints before going on.

# %%
check_environment()

# %% [markdown]
# ### Are widgets alive?
#
# The course uses sliders and buttons that talk to Python as you move them. Move this
# slider: the line under it should echo each new value. The echo comes back from the
# running Python kernel, so seeing it change proves the whole chain works.
#
# If you see *"model not found"*, or only a sentence instead of a slider, **run the cell**
# (Shift+Enter). JupyterLab does not save live widgets with the notebook, so in a reopened
# notebook every widget waits for its cell to run again. This is normal and holds for every
# notebook in the course.

# %%
echo_slider()

# %% [markdown]
# ### Does plotting work?
#
# The last check draws a figure. It is also a first look at the course: the two penalties
# for a single weight `w`, and their slopes.

# %%
fig = plot_penalty_preview()
fig

# %% [markdown]
# On the left, both penalties are 0 at `w = 0` and grow away from it; near 0 the L2 curve
# (dashed blue) is much flatter than the L1 curve (solid vermillion). On the right are the
# slopes, which set how hard a gradient step pushes the weight back towards 0. The L2 slope
# `2w` shrinks with the weight, so the push fades as the weight gets small. The L1 slope is
# −1 or +1 whatever the weight's size, so the push stays at full strength all the way to 0;
# at 0 itself the slope is not defined (the open dots). Here are the two slopes for a
# weight of 0.01:

# %%
w = 0.01
print(f"slope of |w| at w = {w}: {l1_subgradient(w):g}")
print(f"slope of w^2 at w = {w}: {l2_squared_gradient(w):g}")
print(f"the L1 push is {l1_subgradient(w) / l2_squared_gradient(w):g} times stronger")

# %% [markdown]
# Fifty times stronger at this weight, and the ratio doubles every time the weight halves. Keep this picture
# in mind; notebooks 02 and 03 turn it into the central result of the course. (A common
# shortcut says the L1 slope is "a constant". That is true only away from 0, and the kink at
# 0 is exactly where the interesting things happen.)

# %% [markdown]
# ## How exercises work
#
# Each notebook has a few exercises. An exercise is two cells:
#
# 1. a cell with a `...` for you to replace with your answer (a number, an array or a small
#    function), which you then run;
# 2. a **check cell** below it, which you run next. It prints **✅ Correct.** or
#    **❌ Not yet.** with a hint about what went wrong. Fix your answer, run both cells
#    again, repeat. Until you answer, it prints **✏️ Not answered yet.**
#
# Any correct answer passes, however you got it: typed by hand or computed with code. One
# trap: if your answer cell stops with an error, your answer was not stored, and the check
# grades whatever the name held before (your previous answer, or the `...`). Fix the error
# first. Try it now with a warm-up.
#
# ### Warm-up exercise: count the non-zeros
#
# The weight vector `[0, 6, 0, 0, -2]` has five entries. **How many of them are non-zero?**
# Replace the `...` with your count, run the cell, then run the check below it.
# (This count is called the "L0 norm" of the vector; notebook 01 has much more on it.)

# %% tags=["exercise"] exercise="count-nonzeros"
weights = np.array([0, 6, 0, 0, -2])
nonzeros = ...  # your answer: a number (or code that computes it)

# %%
check_nonzero_count(nonzeros)

# %% [markdown]
# ### Where the solutions are
#
# Try each exercise before you look, and read the hint when the check gives one: it is
# there for the mistake most people make. When you are stuck, the worked solutions are in
# two places:
#
# - `notebooks/solutions/`, one file per notebook (`00_start-here.py` for this one), with
#   one short cell per exercise;
# - `instructor/notebooks/`, the same notebooks with every solution filled in and run.

# %% [markdown]
# ## Summary
#
# - The course has a **core path** (01 → 04, about 2 h 50 min) and a **deeper path**
#   (05 → 08, about 2 h 55 min).
# - Run it on **Binder** (no install), locally with **`make lab`**, or from
#   your **workshop's JupyterHub** link.
# - A widget that shows "model not found" or only a sentence needs its **cell run** again.
# - Exercises: fill in the `...`, run the **check cell**, read the hint; solutions are in
#   `notebooks/solutions/` and `instructor/notebooks/`.
# - The L1 penalty pushes a weight towards 0 with the same strength whatever its size;
#   the L2 push fades as the weight shrinks. The rest of the course is about what follows.
#
# ## Where next
#
# Open **[01 · Sparse features](01_sparse-features.ipynb)**: why models with millions of features need most of
# their weights to be exactly 0, and why simply counting non-zeros is not a penalty we can
# optimise.
