"""How good a wide model is: mean log loss and accuracy on a data set."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array, as_scalar
from lessonlib.wide.encoding import WideData, _check_data
from lessonlib.wide.model import WideModel, _sigmoid

__all__ = [
    "Evaluation",
    "evaluate",
    "log_loss",
]



def log_loss(y: ArrayLike, p: ArrayLike, eps: float = 1e-12) -> float:
    """Mean logistic loss ``-mean(y log p + (1-y) log(1-p))``.

    Parameters
    ----------
    y : array_like of 0/1
        True labels.
    p : array_like of float in [0, 1]
        Predicted probabilities of label 1 (clipped to ``[eps, 1-eps]``).
    eps : float
        Clipping, so a confident mistake costs a lot but not infinity.

    Examples
    --------
    >>> round(log_loss([1, 0], [0.5, 0.5]), 4)
    0.6931
    """
    ya = as_float_array(y, "y", ndim=1)
    pa = as_float_array(p, "p", ndim=1)
    if ya.size != pa.size:
        raise ValueError(f"y and p must have the same length, got {ya.size} and {pa.size}")
    if np.any((pa < 0) | (pa > 1)):
        raise ValueError("p must hold probabilities in [0, 1]")
    eps = as_scalar(eps, "eps", low=0, high=0.5, low_open=True, high_open=True)
    pa = np.clip(pa, eps, 1 - eps)
    return float(-np.mean(ya * np.log(pa) + (1 - ya) * np.log1p(-pa)))


@dataclass(frozen=True)
class Evaluation:
    """Log loss and accuracy of a model on a data set."""

    log_loss: float
    accuracy: float
    n: int


def evaluate(model: WideModel, data: WideData) -> Evaluation:
    """Mean log loss and accuracy (threshold 0.5) of ``model`` on ``data``.

    Examples
    --------
    >>> m = WideModel(np.array([], np.int32), np.array([], np.float32),
    ...               np.zeros(1), n_lat=2, n_lon=2)
    >>> d = WideData.from_buckets([0, 1], [1, 1], 2, 2, [1, 0])
    >>> e = evaluate(m, d)
    >>> round(e.log_loss, 4), e.accuracy
    (0.6931, 0.5)
    """
    if not isinstance(model, WideModel):
        raise TypeError(f"model must be a WideModel (from train_ftrl), got {type(model).__name__}")
    p = model.predict_proba(data)
    acc = float(np.mean((p >= 0.5) == (data.y == 1)))
    return Evaluation(log_loss(data.y, p), acc, len(data))


def _evaluate_many(models: list[WideModel], touched: np.ndarray, data: WideData
                   ) -> list[Evaluation]:
    """:func:`evaluate` for models that share their touched coordinates, looked up once.

    Each example's coordinates are found among ``touched`` once; each model then reads its
    weights there (0 where it stores none), as :meth:`WideModel.weights_at` would, so the
    digits are :func:`evaluate`'s.
    """
    _check_data(data, "data")
    for m in models:
        m._check_layout(data)
    q = data.indices
    pos = np.minimum(np.searchsorted(touched, q), touched.size - 1)
    found = touched[pos] == q
    out = []
    for m in models:
        dense = np.zeros(touched.size)
        dense[np.searchsorted(touched, m.indices)] = m.values.astype(np.float64)
        w = np.where(found, dense[pos], 0.0)
        p = _sigmoid(w.sum(axis=1) + float(m.bias[0]))
        acc = float(np.mean((p >= 0.5) == (data.y == 1)))
        out.append(Evaluation(log_loss(data.y, p), acc, len(data)))
    return out
