"""Synthetic sparse regression problems with a known answer.

A learner can only judge a feature selector when the truth is known: here the
data are generated from a weight vector with a few non-zeros, so "did L1 pick the
right features?" has an answer (notebook 03: precision and recall along a path).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array, as_int, as_scalar

__all__ = ["sparse_regression"]


def sparse_regression(
    n: int,
    d: int,
    n_informative: int,
    noise: float = 0.5,
    seed: int = 0,
    correlated_pair: bool = False,
    scales: ArrayLike | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Generate ``y = X @ true_w + noise`` where ``true_w`` has few non-zeros.

    The first ``n_informative`` features are the informative ones (so a plot of
    the weights shows the true support on the left); their weights have random
    signs and magnitudes between 1 and 3. Every other true weight is exactly 0.

    The columns of ``X`` are standardised (mean 0, standard deviation 1, using
    ``ddof=0``), and ``y`` is centred, so a model without intercept is the right
    model and an L1 penalty treats all features alike.

    Parameters
    ----------
    n : int
        Number of examples, >= 2.
    d : int
        Number of features, >= 1.
    n_informative : int
        Number of non-zero true weights, between 0 and ``d``.
    noise : float, default 0.5
        Standard deviation of the Gaussian noise added to ``y``, >= 0.
    seed : int, default 0
        Seed of the random generator: the same arguments give the same data.
    correlated_pair : bool, default False
        If True, features 0 and 1 are two noisy copies of one hidden signal
        ``z`` (correlation about 0.9999) and ``y`` depends on ``z`` itself with
        weight ``2 * true_w[0]``; ``true_w[0] == true_w[1]`` reports the even
        split. Nothing in the data prefers one copy, so how a method splits the
        weight is decided by accidents of the sample: the "two nearly identical
        informative features" case. Needs ``n_informative >= 2``.
    scales : array_like of length ``d``, optional
        Express each feature in other units: column ``j`` is multiplied by
        ``scales[j]`` *after* ``y`` has been generated, and ``true_w[j]`` is
        divided by it, so ``X @ true_w`` is unchanged. The columns are then no
        longer standardised: use it to show that L1 selects features by their
        units. Every entry must be > 0.

    Returns
    -------
    X : ndarray of shape (n, d)
    y : ndarray of shape (n,)
    true_w : ndarray of shape (d,)
        The weights that generated ``y`` (in the units of the returned ``X``).

    Examples
    --------
    >>> X, y, true_w = sparse_regression(50, 8, 3, seed=1)
    >>> X.shape, y.shape, int((true_w != 0).sum())
    ((50, 8), (50,), 3)
    >>> bool(np.allclose(X.std(axis=0), 1.0) and np.allclose(X.mean(axis=0), 0.0))
    True
    """
    n = as_int(n, "n", low=2)
    d = as_int(d, "d", low=1)
    n_informative = as_int(n_informative, "n_informative", low=0, high=d)
    noise = as_scalar(noise, "noise", low=0.0)
    seed = as_int(seed, "seed", low=0)
    if not isinstance(correlated_pair, (bool, np.bool_)):
        raise TypeError(f"correlated_pair must be True or False, got {correlated_pair!r}")
    if correlated_pair and n_informative < 2:
        raise ValueError(
            "correlated_pair=True makes features 0 and 1 a near-identical informative pair, "
            f"so n_informative must be at least 2, got {n_informative}"
        )
    scale_arr = None
    if scales is not None:
        scale_arr = as_float_array(scales, "scales", ndim=1)
        if scale_arr.shape[0] != d:
            raise ValueError(f"scales must have one entry per feature ({d}), got {scale_arr.size}")
        if np.any(scale_arr <= 0):
            raise ValueError(
                f"scales must be > 0 in every entry (a change of units), got {scale_arr.min():g}"
            )

    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    true_w = np.zeros(d)
    magnitudes = rng.uniform(1.0, 3.0, size=n_informative)
    signs = rng.choice([-1.0, 1.0], size=n_informative)
    true_w[:n_informative] = signs * magnitudes
    signal_X = X.copy()
    if correlated_pair:
        # Two noisy copies of one hidden signal z; y sees z itself, so nothing in
        # the data prefers one copy: any split of the weight fits about equally well.
        z = X[:, 0].copy()
        X[:, 0] = z + 0.01 * rng.standard_normal(n)
        X[:, 1] = z + 0.01 * rng.standard_normal(n)
        true_w[1] = true_w[0]
        signal_X[:, 0] = signal_X[:, 1] = z
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    signal_X = (signal_X - signal_X.mean(axis=0)) / signal_X.std(axis=0)
    y = signal_X @ true_w + noise * rng.standard_normal(n)
    y = y - y.mean()
    if scale_arr is not None:
        X = X * scale_arr
        true_w = true_w / scale_arr
    return X, y, true_w
