"""L1- and L2-penalised logistic regression, spelled right for every scikit-learn version.

scikit-learn 1.8 deprecated ``LogisticRegression(penalty="l1")`` in favour of
``l1_ratio=1.0``; before 1.8, ``l1_ratio`` is ignored unless ``penalty="elasticnet"``,
so ``l1_ratio=1.0`` alone would silently fit an L2 model. :func:`l1_logistic` and
:func:`l2_logistic` pass whichever spelling the installed version understands.

Both use liblinear, which takes sparse input and converges fast on these problems. It
minimises ``||w||_p + C * sum(log-loss)`` but treats the intercept as one more weight on
a constant column of value ``intercept_scaling``, so it *penalises* the intercept a
little: by ``|b| / intercept_scaling``. A large ``intercept_scaling`` (100 here) makes
that negligible, which :func:`lessonlib.optimality.logistic_optimality_gap` lets you check.
"""

from __future__ import annotations

import sklearn
from sklearn.linear_model import LogisticRegression

from lessonlib._validate import as_scalar

__all__ = ["l1_logistic", "l2_logistic"]

_NEW_SPELLING = tuple(int(p) for p in sklearn.__version__.split(".")[:2]) >= (1, 8)
_DEFAULTS = {"solver": "liblinear", "tol": 1e-8, "max_iter": 100_000,
             "intercept_scaling": 100.0, "random_state": 0}


def _logistic(l1: bool, C: float, **kwargs: object) -> LogisticRegression:
    C = as_scalar(C, "C", low=0.0, low_open=True)
    if "penalty" in kwargs or "l1_ratio" in kwargs:
        raise TypeError("the penalty is set by the function's name; do not pass penalty "
                        "or l1_ratio")
    if _NEW_SPELLING:
        penalty = {"l1_ratio": 1.0 if l1 else 0.0}
    else:  # pragma: no cover - exercised only on scikit-learn < 1.8
        penalty = {"penalty": "l1" if l1 else "l2"}
    return LogisticRegression(C=C, **penalty, **{**_DEFAULTS, **kwargs})


def l1_logistic(C: float, **kwargs: object) -> LogisticRegression:
    """``LogisticRegression`` with an L1 penalty of strength ``1/C`` (liblinear, tight tol).

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0, 1.0], [1.0, 0.5], [2.0, 0.0], [3.0, 0.5]]); y = [0, 0, 1, 1]
    >>> int(np.count_nonzero(l1_logistic(C=1.0).fit(X, y).coef_))
    1
    """
    return _logistic(True, C, **kwargs)


def l2_logistic(C: float, **kwargs: object) -> LogisticRegression:
    """``LogisticRegression`` with an L2 penalty of strength ``1/C`` (liblinear, tight tol).

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0, 1.0], [1.0, 0.5], [2.0, 0.0], [3.0, 0.5]]); y = [0, 0, 1, 1]
    >>> int(np.count_nonzero(l2_logistic(C=1.0).fit(X, y).coef_))
    2
    """
    return _logistic(False, C, **kwargs)
