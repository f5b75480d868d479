# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # 08 · In practice: L1 with scikit-learn on real data
#
# The course so far showed *why* L1 sets weights to exactly 0, on data it made up. Here is
# the workflow for a real table, in scikit-learn.
#
# **What you will learn**
#
# - to choose lambda by cross-validation in a `Pipeline`, at the minimum and by the
#   one-standard-error rule;
# - to read a Lasso path, and what the Lasso does with near-duplicate features (and elastic
#   net instead);
# - L1-penalised logistic regression, and how far to trust a selected set of features.
#
# **Time:** about 40 minutes, deep dives extra. **Prerequisites:** notebooks 03 (the L1
# step) and 06 (held-out error). The data ship with scikit-learn: nothing is downloaded.

# %%
# %matplotlib inline
import lessonlib

lessonlib.require("0.1")
rng = lessonlib.setup(seed=0)

import warnings

import numpy as np
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNet, ElasticNetCV, Lasso, LassoCV, lars_path, lasso_path
from sklearn.model_selection import KFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from lessonlib.checks.in_practice import (check_enet_twins, check_first_feature, check_one_se,
                                          check_pipeline, check_scaler_leak, check_twins_both)
from lessonlib import lambda_choice, optimality, penalised_logistic, stability
from lessonlib.plots import in_practice as figures

# Every fit below must converge: a fit that stops early raises instead of printing numbers.
warnings.simplefilter("error", ConvergenceWarning)
TIGHT = {"tol": 1e-10, "max_iter": 1_000_000}
print(f"lessonlib {lessonlib.__version__}: ready.")

# %% [markdown]
# ## 1. Choose lambda by cross-validation, in a pipeline
#
# The **diabetes** data of the LARS paper (Efron et al., 2004): 442 patients, 10
# measurements (age, sex, body-mass index `bmi`, blood pressure `bp`, serum values
# `s1`..`s6`) and disease progression a year later.

# %%
diabetes = load_diabetes(scaled=False)
X, y = diabetes.data, diabetes.target
names = list(diabetes.feature_names)
print(f"{X.shape[0]} patients x {X.shape[1]} features: {', '.join(names)}")
print(f"standard deviations range from {X.std(axis=0).min():.3g} ({names[X.std(axis=0).argmin()]}) "
      f"to {X.std(axis=0).max():.3g} ({names[X.std(axis=0).argmax()]})")

# %% [markdown]
# The units differ and L1 charges every weight the same price: standardise first (deep dive
# below). `LassoCV` fits many lambdas on 10 folds and keeps the lowest mean held-out error.
#
# ### Exercise 1: build the pipeline
#
# Set `model` to `make_pipeline(StandardScaler(), LassoCV(alphas=alphas, cv=cv, **TIGHT))`
# (scikit-learn calls lambda `alpha`; `TIGHT` asks for converged fits) and fit it on
# `X, y`.

# %%
alphas = np.geomspace(50, 0.01, 60)  # the lambdas to try, largest first
cv = KFold(n_splits=10, shuffle=True, random_state=0)

# %% tags=["exercise"] exercise="pipeline"
model = ...

# %%
check_pipeline(model)

# %% [markdown]
# The rest of the notebook uses this one. Its CV table, around the best lambdas:

# %%
pipe = make_pipeline(StandardScaler(), LassoCV(alphas=alphas, cv=cv, **TIGHT)).fit(X, y)
lasso_cv = pipe[-1]
table = lambda_choice.cv_table(lasso_cv.alphas_, lasso_cv.mse_path_)
print(f"{'lambda':>8s} {'mean CV MSE':>11s} {'std. error':>10s}")
for i in range(table.best + 1, table.one_se - 2, -1):
    print(f"{table.alphas[i]:8.3g} {table.mean[i]:11.1f} {table.se[i]:10.1f}")

# %% [markdown]
# Each row: a lambda, its mean squared error over the 10 held-out folds, and the standard
# error of that mean.
#
# ### Exercise 2: the one-standard-error rule
#
# The **one-standard-error rule** takes the *largest* lambda whose mean error is at most
# the minimum mean error plus the standard error *at the minimum*: the simplest model the
# data cannot tell from the best. Read it off the table (or use `table.alphas`, `table.mean`, `table.se`).

# %% tags=["exercise"] exercise="one-se"
lam_1se = ...

# %%
check_one_se(lam_1se)

# %% [markdown]
# `pipe.fit` fits the scaler on all 442 patients, *then* `LassoCV` cuts the scaled data
# into folds.
#
# **Predict:** is each held-out fold scaled *without* its own rows? `"yes"` or `"no"`.

# %% tags=["predict"] exercise="scaler-leak"
leak_answer = ...

# %%
check_scaler_leak(leak_answer)

# %% [markdown]
# Measure it: the same CV errors with the scaler refitted on each fold's training rows.

# %%
honest = lambda_choice.cv_table(alphas, lambda_choice.scaled_inside_folds(X, y, alphas, cv))
gap = np.abs(honest.mean - table.mean) / table.mean
print(f"largest relative change of the mean CV error: {gap.max():.1%} (below 1%: "
      f"{'yes' if gap.max() < 0.01 else 'no'})")
for label, t in (("scaler on all rows", table), ("scaler inside folds", honest)):
    print(f"{label:>19s}: lambda at minimum {t.alphas[t.best]:.3g}, "
          f"by one-SE rule {t.alphas[t.one_se]:.3g}")

# %% [markdown]
# "No": each held-out fold helped scale itself. The leak is tiny here (under 1%, same
# lambdas): 10 columns' means and spreads barely move when 44 of 442 rows are left out. A
# step that learns more, such as selecting features, leaks more. The pipeline protects an
# *outer* search: `GridSearchCV(make_pipeline(StandardScaler(), Lasso()),
# {"lasso__alpha": alphas}, cv=cv)` refits the scaler in every fold, as the cell above did.

# %%
fig = figures.plot_cv_curve(table)
fig

# %% [markdown]
# Strong penalties on the left. The curve is the mean CV error, the band one standard
# error either side; the dotted line is the minimum plus its standard error. The curve is
# flat near its bottom, and the one-SE rule picks the largest lambda (the sparsest model)
# still under the line.

# %%
Z = StandardScaler().fit_transform(X)  # the standardised table, for the fits below
for label, lam_k in (("minimum", table.alphas[table.best]),
                     ("one-SE", table.alphas[table.one_se])):
    fit = Lasso(alpha=lam_k, **TIGHT).fit(Z, y)
    kept = [n for n, c in zip(names, fit.coef_) if c != 0]
    # optimality gap, as in 03 and 06: how far the fit misses the Lasso's optimality
    # conditions, relative to lambda (0 at the exact minimiser)
    gap = optimality.lasso_optimality_gap(Z, y, fit.coef_, lam_k, intercept=fit.intercept_)
    print(f"{label:>7s} lambda {lam_k:.3g}: {len(kept)} features kept ({', '.join(kept)}); "
          f"optimality gap below 1e-6: {gap < 1e-6}")

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: unscaled features are selected by their units
#
# A made-up problem where the truth is known (notebook 03's): 200 examples, 100 standardised
# features, the first 10 informative. Now feature 3 is measured in units 100 times larger
# (its column times 0.01, so it needs a weight 100 times larger) and noise feature 50 in
# units 100 times smaller (times 100). Same data, other units.

# %%
from lessonlib.optimizers import precision_recall
from lessonlib.plots.shrinkage import plot_coefficients
from lessonlib.synthetic import sparse_regression

scales = np.ones(100)
scales[3], scales[50] = 0.01, 100.0
Xu, yu, true_u = sparse_regression(200, 100, 10, seed=1, scales=scales)
Xu_std = StandardScaler().fit_transform(Xu)
raw = Lasso(alpha=0.1, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(Xu, yu).coef_
std = Lasso(alpha=0.1, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(Xu_std, yu).coef_
for label, c in (("raw units", raw), ("standardised", std)):
    p, r = precision_recall(c, true_u)
    print(f"{label:<13} selected {int((c != 0).sum()):>3}  feature 3 kept: {c[3] != 0!s:<5} "
          f"feature 50 kept: {c[50] != 0!s:<5} precision {p:.2f} recall {r:.2f}")
worst = max(optimality.lasso_optimality_gap(Xu, yu, raw, 0.1),
            optimality.lasso_optimality_gap(Xu_std, yu, std, 0.1))
print(f"optimality gap of both fits below 1e-6: {worst < 1e-6}")

# %%
# Both fits in the same (standardised) units: a raw coefficient times its column's spread.
fig = plot_coefficients({"fitted in raw units": raw * Xu.std(axis=0),
                         "fitted after standardising": std},
                        true_w=true_u * Xu.std(axis=0), index=list(range(11)) + [50])
fig

# %% [markdown]
# Grey bars are the true weights, vermillion bars the fitted ones, in standardised units; the
# last pair is noise feature 50. In raw units L1 drops the informative feature 3 (the "0" in
# its slot): its weight would have to be 100 times larger, and L1 charges by size. It lets in
# a crowd of noise features instead, feature 50 among them. After standardising, the
# selection is exactly the true support. L1 compares weights, and weights depend on units.

# %% [markdown]
# ## 2. The Lasso path: who enters first
#
# Follow the Lasso from a lambda so large that every weight is 0 down to no penalty.
#
# **Predict:** which feature enters first? Answer with its name, e.g. `"age"`.

# %% tags=["predict"] exercise="first-feature"
first_feature = ...

# %%
check_first_feature(first_feature)

# %% [markdown]
# LARS (least angle regression, from the same paper) computes the path exactly, kink by
# kink.

# %%
yc = y - y.mean()
lars_alphas, _, lars_coefs = lars_path(Z, yc, method="lasso")
entry = [int(np.flatnonzero(lars_coefs[j])[0]) for j in range(Z.shape[1])]  # first kink
order = sorted(range(Z.shape[1]), key=lambda j: entry[j])
print("order of entry:", " > ".join(names[j] for j in order))
print(f"lambda where the first enters: {lars_alphas[0]:.4g}; "
      f"largest |x_j . (y - mean y)| / n: {np.abs(Z.T @ yc).max() / len(y):.4g}")
corr = Z.T @ yc / len(y) / yc.std()
print("correlation with y:", ", ".join(f"{names[j]} {corr[j]:+.2f}" for j in order))

# %% [markdown]
# At 0 the loss falls along feature j at a rate proportional to its correlation with `y`,
# and L1 charges every weight the same price. So `bmi`, the most correlated (0.59), enters
# first, at lambda = 45.16; `s5` (0.57) is a close second. Later entries depend on what is
# already explained: `sex` (0.04) enters fifth, before `s4` (0.43).

# %%
path_alphas, path_coefs, _ = lasso_path(Z, yc, alphas=alphas, **TIGHT)
fig = figures.plot_lasso_path(path_alphas, path_coefs, names)
fig

# %% [markdown]
# Each curve is one standardised weight, from all zero (left) to almost no penalty
# (right). At the right, `s1` and `s2`, serum values correlated 0.9, swing to large weights
# of opposite sign: correlated features trading credit. (The intercept is fitted but not
# penalised: see the deep dive.)

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: grading the path against a known truth
#
# On diabetes nobody knows which features truly matter. On notebook 03's made-up problem (10
# informative features of 100) we do, so the selection along the path can be graded:
# *precision* is the share of selected features that are truly informative, *recall* the
# share of informative features that were selected.

# %%
Xk, yk, true_k = sparse_regression(200, 100, 10, seed=1)
k_alphas, k_coefs, _ = lasso_path(Xk, yk, alphas=np.logspace(0.5, -2.5, 40), tol=1e-12,
                                  max_iter=100_000)
k_coefs = k_coefs.T  # one row per lambda
pr = np.array([precision_recall(c, true_k) for c in k_coefs])
print("  lambda  selected  precision  recall")
for i in range(0, k_alphas.size, 6):
    print(f"{k_alphas[i]:8.3f}  {int((k_coefs[i] != 0).sum()):>8}  {pr[i, 0]:>9.2f}  "
          f"{pr[i, 1]:>6.2f}")
worst = max(optimality.lasso_optimality_gap(Xk, yk, c, alpha_k)
            for c, alpha_k in zip(k_coefs, k_alphas))
print(f"optimality gap of all {k_alphas.size} fits below 1e-6: {worst < 1e-6}")

# %%
from lessonlib.plots.shrinkage import plot_lasso_path as plot_graded_path

fig = plot_graded_path(k_alphas, k_coefs, true_k, pr[:, 0], pr[:, 1], mark=0.1)
fig

# %% [markdown]
# Informative features (vermillion) enter first, roughly in order of their true size; noise
# (grey) only at small lambda. Precision is 1 at strong lambda (nothing selected, so nothing
# wrong) and falls once noise enters; recall climbs to 1. From lambda about 1 down to the
# dotted 0.1 both are 1: exactly the true support. Real data rarely separates this cleanly:
# section 5 measures how far to trust a selection when the truth is unknown.

# %% [markdown]
# ## 3. Near-duplicate features: Lasso picks one, elastic net keeps both
#
# We append a noisy copy of `bmi` and of `s5`, each correlated 0.9996 with its original.

# %%
lam = table.alphas[table.one_se]  # the one-SE lambda of section 1
T = stability.with_twins(Z, [names.index("bmi"), names.index("s5")], noise=0.03, seed=0)
twin_names = names + ["bmi_twin", "s5_twin"]
pairs = [(names.index("bmi"), 10), (names.index("s5"), 11)]
for a, b in pairs:
    print(f"correlation of {twin_names[a]} and {twin_names[b]}: "
          f"{np.corrcoef(T[:, a], T[:, b])[0, 1]:.4f}")

# %% [markdown]
# We refit on 50 bootstrap resamples (442 rows drawn with replacement) at the one-SE
# lambda.
#
# **Predict:** in how many does the Lasso keep *both* `bmi` and `bmi_twin`? `"almost all"`,
# `"about half"` or `"almost none"`.

# %% tags=["predict"] exercise="twins-both"
both_answer = ...

# %%
check_twins_both(both_answer)

# %%
lasso_picks = stability.twin_picks(T, y, pairs, lambda: Lasso(alpha=lam, **TIGHT), n_resamples=50)
enet_picks = stability.twin_picks(T, y, pairs,
                                  lambda: ElasticNet(alpha=lam, l1_ratio=0.5, **TIGHT),
                                  n_resamples=50)
print(f"{'model':>11s} {'pair':>13s} {'original only':>13s} {'twin only':>9s} {'both':>5s}")
for model_name, picks in (("Lasso", lasso_picks), ("elastic net", enet_picks)):
    for (a, _), row in zip(pairs, picks):
        print(f"{model_name:>11s} {names[a] + ' & twin':>13s} {row[0]:13d} {row[1]:9d} "
              f"{row[2]:5d}")

# %% [markdown]
# The Lasso keeps one copy of `bmi` in 48 of 50 resamples, and *which* one flips (21 and 27
# times). Not "almost all": splitting a weight over two copies of the same information saves
# L1 nothing (0.5 + 0.5 costs as much as 1), so the copy that fits the resample slightly
# better takes it all. Not "about half": the choice is between the copies, not between one
# and both. The remedy is elastic net: its L2 term *prefers* splitting (0.5² + 0.5²
# < 1²), so it keeps both, every time. Read a Lasso's pick as "one of this group".


# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: elastic net's own lambda, and which twins it keeps
#
# `ElasticNetCV` chooses lambda as `LassoCV` did; we apply the one-SE rule to its table:

# %%
# Elastic net: (1/(2n))·‖y − Xw − b‖² + alpha·(l1_ratio·‖w‖₁ + (1 − l1_ratio)/2·‖w‖²),
# so its alpha is not the Lasso's: compare the weights, not the lambdas.
enet_cv = ElasticNetCV(l1_ratio=0.5, alphas=alphas, cv=cv, **TIGHT).fit(T, y)
enet_table = lambda_choice.cv_table(enet_cv.alphas_, enet_cv.mse_path_)
lam_en = enet_table.alphas[enet_table.one_se]
enet = ElasticNet(alpha=lam_en, l1_ratio=0.5, **TIGHT).fit(T, y)
print(f"elastic net, l1_ratio 0.5: lambda at minimum {enet_table.alphas[enet_table.best]:.3g}, "
      f"by one-SE rule {lam_en:.3g}")
print("weights at the one-SE lambda:",
      ", ".join(f"{n} {c:.1f}" for n, c in zip(twin_names, enet.coef_)))

# %% [markdown]
# Its minimum is the smallest lambda tried: below about 1 the CV error stays within half a
# standard error, so that minimum means "no penalty needed for prediction". The one-SE rule
# gives a real choice.
#
# **Exercise 3: which twin columns does elastic net keep?**
#
# From `enet.coef_` and `twin_names`, list the names among `bmi`, `bmi_twin`, `s5`,
# `s5_twin` that have a non-zero weight.

# %% tags=["exercise"] exercise="enet-twins"
enet_kept = ...

# %%
check_enet_twins(enet_kept)

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: why the Lasso cannot choose between twins, and elastic net can
#
# Fix the total $s = w_0 + w_1$ of two identical copies. Along the segment from $(s, 0)$ to
# $(0, s)$ the L1 penalty $|w_0| + |w_1|$ does not change: it has no opinion on how to divide
# the weight. Only the loss does, and it tells the copies apart only through their tiny
# independent noise, so the split is decided by the sample: one copy, the other, or an uneven
# share. The L2 term of elastic net, $w_0^2 + w_1^2$, is smallest at the even split. On
# notebook 03's problem with features 0 and 1 two noisy copies of one signal (correlation
# 0.9999), six data sets, each fitted on all 200 examples and on the first 180:

# %%
def enet_gap(X, y, w, alpha, l1_ratio):
    """Elastic net's optimality gap, as a Lasso's on rows augmented by the L2 term."""
    n, d = X.shape
    grow = np.sqrt((n + d) / n)
    Xa = grow * np.vstack([X, np.sqrt(n * alpha * (1 - l1_ratio)) * np.eye(d)])
    return optimality.lasso_optimality_gap(Xa, grow * np.r_[y, np.zeros(d)], w, alpha * l1_ratio)


def pair(model, X, y):
    w = model.fit(X, y).coef_
    l1_ratio = getattr(model, "l1_ratio", 1.0)
    gaps.append(enet_gap(X, y, w, model.alpha, l1_ratio))
    return w[:2]


def show(v):
    return "    0  " if v == 0 else f"{v:+7.3f}"  # an exact zero prints as a plain 0


gaps = []
# tol 1e-10: every fit's optimality gap ends far below the 1e-6 checked at the end, enough
# for three printed decimals (the twins make coordinate descent slow to go further)
lasso_k = Lasso(alpha=0.1, fit_intercept=False, tol=1e-10, max_iter=1_000_000)
enet_k = ElasticNet(alpha=0.2, l1_ratio=0.5, fit_intercept=False, tol=1e-10,
                    max_iter=1_000_000)  # the same L1 strength as the Lasso, plus L2
print("       Lasso w0, w1       Lasso w0, w1        elastic net w0, w1   elastic net w0, w1")
print("seed   (all 200)          (first 180)         (all 200)            (first 180)")
for seed in range(6):
    Xtw, ytw, _ = sparse_regression(200, 100, 10, seed=seed, correlated_pair=True)
    l_all, l_180 = pair(lasso_k, Xtw, ytw), pair(lasso_k, Xtw[:180], ytw[:180])
    e_all, e_180 = pair(enet_k, Xtw, ytw), pair(enet_k, Xtw[:180], ytw[:180])
    print(f"{seed:>4}   {show(l_all[0])} {show(l_all[1])}    {show(l_180[0])} {show(l_180[1])}    "
          f"{show(e_all[0])} {show(e_all[1])}      {show(e_180[0])} {show(e_180[1])}")
print(f"optimality gap of all {len(gaps)} fits below 1e-6: {max(gaps) < 1e-6}")

# %% [markdown]
# The Lasso's split changes from one data set to the next (all on one copy, or uneven), and
# 20 fewer examples can move most of the weight to the other copy. Elastic net gives both
# copies nearly the same weight every time. A feature the Lasso drops is not necessarily
# useless: it may have a twin. When groups of correlated features matter, use elastic net.

# %% [markdown]
# ## 4. L1 for classification: logistic regression on breast cancer
#
# 569 tumours, 30 measurements of their cell nuclei, malignant or benign; 30% held out for
# testing. scikit-learn's `C` is the *inverse* of lambda: small `C`, strong penalty.
# (`penalised_logistic.l1_logistic` and `l2_logistic` build `LogisticRegression` with
# liblinear and a tight tolerance, spelled right for your scikit-learn version.)

# %%
cancer = load_breast_cancer()
Xb_train, Xb_test, yb_train, yb_test = train_test_split(
    cancer.data, cancer.target, test_size=0.3, stratify=cancer.target, random_state=0)
scaler = StandardScaler().fit(Xb_train)
Zb_train, Zb_test = scaler.transform(Xb_train), scaler.transform(Xb_test)
n_test = len(yb_test)
print(f"{'C':>6s} {'L1 features':>11s} {'L1 test right':>13s} {'L2 test right':>13s} "
      f"{'opt. gap':>13s}")
for C in (0.01, 0.03, 0.1, 0.3, 1, 3, 10):
    l1 = penalised_logistic.l1_logistic(C).fit(Zb_train, yb_train)
    l2 = penalised_logistic.l2_logistic(C).fit(Zb_train, yb_train)
    bound = optimality.logistic_optimality_gap(Zb_train, yb_train, l1.coef_, l1.intercept_, C,
                                               with_intercept=False)
    print(f"{C:6g} {np.count_nonzero(l1.coef_):11d} "
          f"{(l1.predict(Zb_test) == yb_test).sum():9d}/{n_test} "
          f"{(l2.predict(Zb_test) == yb_test).sum():9d}/{n_test} "
          f"{'< 1e-4' if bound < 1e-4 else f'{bound:.0e}':>13s}")

# %% [markdown]
# L2 uses all 30 measurements. L1 is within two test cases of it with 4 to 9 (C = 0.03 to
# 0.3) and matches it with 10 (C = 1). One case is 0.6 percentage points, so choose C by
# cross-validation on the training part (`LogisticRegressionCV`), never on the test set.
# (liblinear, the solver here, penalises the intercept slightly, by |b|/100; the last
# column is the weights' optimality gap.)

# %% [markdown]
# ## 5. How far to trust the selected set: stability selection
#
# **Stability selection** (Meinshausen & Bühlmann, 2010) refits the Lasso on many random
# half-samples and counts how often each feature is kept, at each lambda. Kept 80% of the
# time or more: a stable choice; half the time: a coin toss.

# %%
stab_alphas = np.array([20.0, 10.0, 5.0, 2.0, 1.0, 0.5])
freq = stability.selection_frequency(Z, y, stab_alphas, n_resamples=100, fraction=0.5, seed=0)
for lam_s, row in zip(stab_alphas, freq):
    stable = [n for n, f in zip(names, row) if f >= 0.8]
    print(f"lambda {lam_s:4g}: kept in >= 80% of resamples: {', '.join(stable)}")

# %%
fig = figures.plot_stability(freq, stab_alphas, names)
fig

# %% [markdown]
# Each cell: the share of 100 half-samples whose Lasso kept the feature (bold: 0.8 or
# more). `bmi` and `s5` are always kept, `bp` from lambda 10 on: trust them. `s2` and `s4`,
# correlated with the other serum values, never reach 0.8: as with the twins, the sample
# decides. Near the one-SE lambda (5.74), four of that model's five features are stable;
# `sex` (0.77 at lambda 5) is borderline.

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: the intercept is not penalised
#
# The intercept only says where 0 sits on the target's scale: measure disease progression
# from another baseline and the intercept should shift, nothing else. Penalising it pulls
# every prediction towards 0. Make the intercept an ordinary weight on a column of ones, and
# watch:

# %%
free = Lasso(alpha=lam, **TIGHT).fit(Z, y)
ones = np.column_stack([np.ones(len(y)), Z])
taxed = Lasso(alpha=lam, fit_intercept=False, **TIGHT).fit(ones, y)
print(f"mean of y: {y.mean():.3f}")
print(f"unpenalised intercept: {free.intercept_:.3f}; penalised: {taxed.coef_[0]:.3f} "
      f"(mean of y - lambda = {y.mean() - lam:.3f})")
print(f"every prediction of the penalised model is lower by "
      f"{np.mean(free.predict(Z) - taxed.predict(ones)):.3f}")

# %% [markdown]
# With centred columns the penalised intercept is soft-thresholded like any weight: the mean
# of `y` minus lambda (here the mean, 152, is far above lambda). Every prediction is biased
# down by lambda, for nothing. scikit-learn's `Lasso`, `LassoCV` and `ElasticNet` never
# penalise the intercept.

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: sparse inputs, a hashed latitude x longitude cross
#
# Notebook 07 trained on one-hot features over 233 million crossed cells. scikit-learn takes
# such data as a `scipy.sparse` matrix, which stores only the non-zero entries. Here the
# crossed cell is *hashed* into 2¹⁸ = 262,144 buckets, as in the Machine Learning Crash
# Course's exercise: a fixed width, no dictionary, a few cells sharing a bucket.

# %%
from lessonlib import wide
from lessonlib.hashed_cross import hashed_cross
from lessonlib.world import houses

world = houses(50_000, seed=0)
hc = hashed_cross(world.lat, world.lon, bits=18)
Xh, yh = hc.X, world.expensive.astype(int)
print(f"matrix: {Xh.shape[0]:,} x {Xh.shape[1]:,}, {Xh.nnz:,} stored entries "
      f"({Xh.nnz / Xh.shape[0]:.0f} per row), {type(Xh).__name__}")
n_cells, n_buckets = np.unique(hc.cells).size, np.unique(Xh.indices[2::3]).size
print(f"distinct crossed cells {n_cells:,} share {n_buckets:,} hash buckets "
      f"({n_cells - n_buckets:,} collisions)")

# %%
n_train = 40_000
sparse_l1 = penalised_logistic.l1_logistic(C=0.3).fit(Xh[:n_train], yh[:n_train])
nnz = np.count_nonzero(sparse_l1.coef_)
bound = optimality.logistic_optimality_gap(Xh[:n_train], yh[:n_train], sparse_l1.coef_,
                                          sparse_l1.intercept_, 0.3, with_intercept=False)
p_val = sparse_l1.predict_proba(Xh[n_train:])[:, 1]
val_loss = -np.mean(yh[n_train:] * np.log(p_val) + (1 - yh[n_train:]) * np.log(1 - p_val))
print(f"L1-logistic, C = 0.3: {nnz:,} non-zero weights of {Xh.shape[1]:,}; "
      f"weights' optimality gap below 1e-4: {bound < 1e-4}")
print(f"validation log loss {val_loss:.3f}")
print(f"coef_ as stored by scikit-learn (dense float64): {sparse_l1.coef_.nbytes:,} bytes; "
      f"as (int32 index, float32 value) pairs, as 07 stores them: {nnz * 8:,} bytes")

# %% [markdown]
# Of the 294,544 weights the L1 model keeps 950. scikit-learn still stores `coef_` as a
# dense array; `model.sparsify()` turns it into a sparse matrix, and what you ship is the
# (index, value) pairs: 7,600 bytes instead of 2.4 MB. For comparison, 07's FTRL-Proximal
# model on the same 40,000 training houses (one pass, λ₁ = 3, exact cells instead of hashed
# ones):

# %%
houses_07 = wide.encode(world.lat, world.lon, world.expensive)
ftrl = wide.train_ftrl(houses_07.take(np.arange(n_train)), l1=3.0, progress=False).model
ev = wide.evaluate(ftrl, houses_07.take(np.arange(n_train, len(houses_07))))
print(f"FTRL (07), l1 = 3: {ftrl.nnz:,} non-zero weights, {ftrl.nbytes:,} bytes, "
      f"validation log loss {ev.log_loss:.3f}")

# %% [markdown]
# Two methods, one picture: about a thousand weights out of hundreds of thousands, and
# nearly the same validation loss (0.640 and 0.635). The batch solver reaches the exact
# optimum of its objective; FTRL makes one pass, which is what lets it scale to 07's million
# houses.

# %% [markdown] jp-MarkdownHeadingCollapsed=true
# ## Deep dive: the course's ISTA finds scikit-learn's answer
#
# scikit-learn's `Lasso` minimises `(1/(2n))·‖y − Xw − b‖² + alpha·‖w‖₁`. Other texts and
# libraries write the loss as `½‖y − Xw‖²`, without the 1/n, so the same number means a
# different strength.
#
# **Predict:** for the 442 diabetes patients, which lambda in `½‖y − Xw‖² + lambda·‖w‖₁`
# gives the same weights as `Lasso(alpha=5)`? Answer with a number.

# %%
from lessonlib.checks.in_practice import check_lasso_scaling
from lessonlib.optimizers import ista, lasso_objective

# %% tags=["predict"] exercise="scaling"
same_lambda = ...

# %%
check_lasso_scaling(same_lambda)

# %% [markdown]
# Multiply the whole scikit-learn objective by n: the minimiser does not move, and the
# penalty becomes `n·alpha·‖w‖₁` (442 × 5 = 2,210). Not 5: that penalty would be n times
# weaker; not 5/442 (the other direction); not 2 × 442 × 5 (the ½ is in both).
#
# The course's `ista` (notebook 03) uses scikit-learn's scaling. On the standardised data
# with `y` centred (so no intercept is needed) and the one-SE lambda, it must land on the
# same weights: the Lasso objective is convex, and with these columns its minimiser is
# unique.

# %%
run = ista(Z, yc, lam=lam, n_steps=5_000, max_frames=2)
sk = Lasso(alpha=lam, fit_intercept=False, **TIGHT).fit(Z, yc)
print(f"same support: {np.array_equal(run.support(), np.flatnonzero(sk.coef_))} "
      f"({', '.join(names[j] for j in run.support())})")
diff = abs(run.final_objective - lasso_objective(Z, yc, sk.coef_, lam))
print(f"objectives: ISTA {run.final_objective:.2f}, scikit-learn "
      f"{lasso_objective(Z, yc, sk.coef_, lam):.2f}; |difference| < 1e-6: {diff < 1e-6}")
ista_gap = optimality.lasso_optimality_gap(Z, yc, run.weights, lam)
print(f"largest weight difference < 1e-6: {np.abs(run.weights - sk.coef_).max() < 1e-6}; "
      f"ISTA's optimality gap below 1e-6: {ista_gap < 1e-6}")

# %% [markdown]
# ## Summary
#
# - Search lambda around a pipeline (`GridSearchCV`): every fold refits the scaler. The
#   one-SE rule picks the sparsest model the data cannot tell from the best (5 features, not 7).
# - On standardised columns the most correlated feature enters the path first.
# - With near-duplicates the Lasso keeps one, and which one flips; elastic net keeps both.
# - L1-logistic keeps a handful of 30 measurements at L2's accuracy.
# - Stability selection shows which selected features to trust.
#
# ## Where next
#
# For a new table: standardise inside a pipeline, choose lambda by cross-validation, check
# the selection's stability, and use elastic net for correlated groups. More: *The Elements
# of Statistical Learning*, chapters 3 and 18; or back to
# [00 · Start here](00_start-here.ipynb).
