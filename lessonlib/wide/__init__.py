"""The wide model of notebook 07: crossed features, what they cost, and FTRL-Proximal.

One package, one module per idea:

- :mod:`~lessonlib.wide.crosses`: bucketize a number, cross two buckets into a cell,
  count the cells examples fall into;
- :mod:`~lessonlib.wide.memory`: bytes of a weight vector, dense or sparse;
- :mod:`~lessonlib.wide.encoding`: houses as three active coordinates in one index space;
- :mod:`~lessonlib.wide.model`: the trained model, which stores only its non-zeros;
- :mod:`~lessonlib.wide.ftrl`: FTRL-Proximal's closed form and training, one model or a
  sweep of penalties;
- :mod:`~lessonlib.wide.metrics`: log loss and accuracy.

Every public name is also here, so a notebook writes ``from lessonlib import wide`` and
``wide.cross(...)``, ``wide.train_ftrl(...)``.

Examples
--------
>>> from lessonlib import wide
>>> wide.cross_dimension(10_800, 21_600)
233280000
"""

from lessonlib.wide.crosses import (
    PopulatedCells,
    bucketize,
    cross,
    cross_dimension,
    lat_lon_buckets,
    n_buckets,
    populated_cells,
    uncross,
)
from lessonlib.wide.encoding import WideData, encode, feature_indices, fingerprint, index_space_size
from lessonlib.wide.ftrl import (
    TrainResult,
    ftrl_weights,
    pass_curve,
    sweep,
    sweep_table,
    train_ftrl,
)
from lessonlib.wide.memory import dense_bytes, format_bytes, sparse_bytes
from lessonlib.wide.metrics import Evaluation, evaluate, log_loss
from lessonlib.wide.model import WideModel

__all__ = [
    "Evaluation",
    "PopulatedCells",
    "TrainResult",
    "WideData",
    "WideModel",
    "bucketize",
    "cross",
    "cross_dimension",
    "dense_bytes",
    "encode",
    "evaluate",
    "feature_indices",
    "fingerprint",
    "format_bytes",
    "ftrl_weights",
    "index_space_size",
    "lat_lon_buckets",
    "log_loss",
    "n_buckets",
    "pass_curve",
    "populated_cells",
    "sparse_bytes",
    "sweep",
    "sweep_table",
    "train_ftrl",
    "uncross",
]
