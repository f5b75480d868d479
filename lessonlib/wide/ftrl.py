"""Training the wide model with FTRL-Proximal, one model or a sweep of penalties at once.

The optimiser is FTRL-Proximal (McMahan et al., "Ad click prediction: a view from the
trenches", KDD 2013): per-coordinate learning rates, and the closed form
``w = 0 whenever |z| <= l1`` (:func:`ftrl_weights`, the one implementation of it in
lessonlib). It is vectorised over mini-batches with ``np.unique`` and ``np.bincount``.
Training keeps state only for the coordinates the training data *touches*. Coordinates
that a mini-batch does not touch get a zero gradient, which leaves their FTRL state
unchanged, so updating only the touched coordinates ("lazily") is exactly the same as
updating all of them ("eagerly"); the unit tests check this against a dense reference.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lessonlib._validate import as_float_array, as_int, as_scalar
from lessonlib.wide.encoding import WideData, _check_data, fingerprint, index_space_size
from lessonlib.wide.metrics import _evaluate_many, evaluate
from lessonlib.wide.model import WideModel, _sigmoid

__all__ = [
    "TrainResult",
    "ftrl_weights",
    "pass_curve",
    "sweep",
    "sweep_table",
    "train_ftrl",
]


_INT32_MAX = int(np.iinfo(np.int32).max)


@dataclass(frozen=True)
class TrainResult:
    """What :func:`train_ftrl` returns.

    Attributes
    ----------
    model : WideModel
        The trained model (non-zero weights only).
    seconds : float
        Wall-clock training time.
    examples_per_second : float
        Examples processed (over all epochs) per second.
    peak_bytes : int or None
        Peak of memory newly allocated while training (tracemalloc), if measured.
    """

    model: WideModel
    seconds: float
    examples_per_second: float
    peak_bytes: int | None


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the course
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def _progress_bar(total: int, desc: str, show: bool) -> tuple[object, Callable[[], None]]:
    """A progress bar and the function that ends it.

    In a notebook the live bar is a widget; when training ends it is replaced by its final
    line of text, so a saved notebook reopened later shows "100% ... houses/s", not a
    widget frozen at 0% (a widget's stored text is the one it had when first shown).
    """
    if show and _in_notebook():
        from IPython.display import Pretty, display
        from tqdm.notebook import tqdm as notebook_tqdm

        bar = notebook_tqdm(total=total, unit=" houses", unit_scale=True, desc=desc,
                            mininterval=0.5, display=False)
        handle = display(bar.container, display_id=True)

        def finish() -> None:
            bar.close()
            handle.update(Pretty(str(bar)))
            bar.container.close()

        return bar, finish
    from tqdm import tqdm

    bar = tqdm(total=total, unit=" houses", unit_scale=True, desc=desc, mininterval=0.5,
               disable=not show)
    return bar, bar.close


def ftrl_weights(z: np.ndarray, n: np.ndarray, l1: float | np.ndarray,
                 l2: float | np.ndarray = 0.0, alpha: float = 1.0,
                 beta: float = 1.0) -> np.ndarray:
    """FTRL-Proximal's weights from its state: the closed form, exactly 0 inside the toll.

    McMahan et al. 2013, Algorithm 1, per coordinate::

        w = 0                                                    if |z| <= l1
        w = -(z - sign(z) l1) / ((beta + sqrt(n)) / alpha + l2)  otherwise

    The one implementation of this rule in lessonlib: :func:`train_ftrl` uses it with a
    constant ``l1`` (2013's FTRL-Proximal), and with ``l1 = t * lam`` after ``t`` rounds it
    is the cumulative form of McMahan 2011 (:func:`lessonlib.optimizers.ftrl_proximal`).

    Parameters
    ----------
    z, n : numpy.ndarray
        Summed (corrected) gradients and summed squared gradients, same shape.
    l1, l2 : float or array broadcasting against ``z``
        The L1 toll and the L2 strength (non-negative).
    alpha, beta : float
        Learning-rate parameters: the rate of a coordinate is ``alpha / (beta + sqrt(n))``.

    Returns
    -------
    numpy.ndarray of float64, shaped like ``z``

    Examples
    --------
    >>> ftrl_weights(np.array([-3.0, 0.5, 2.0]), np.array([4.0, 1.0, 0.0]), l1=1.0).tolist()
    [0.6666666666666666, 0.0, -1.0]
    """
    w = -(z - np.sign(z) * l1) / ((beta + np.sqrt(n)) / alpha + l2)
    return np.where(np.abs(z) <= l1, 0.0, w)


@dataclass
class _State:
    """FTRL state of K models trained side by side over the same touched coordinates."""

    touched: np.ndarray          # sorted coordinates the data touches, (T,)
    z: np.ndarray                # (T, K)
    nsq: np.ndarray              # (T, K)
    zb: np.ndarray               # (K,) the bias, never penalised
    nb: np.ndarray               # (K,)


def _touched(data: WideData) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(data.indices, return_inverse=True)``, the inverse shaped like the indices.

    Faster in the usual layout: the latitude and longitude columns are counted in arrays as
    long as their few thousand buckets, and only the crossed cells are sorted (a third of
    the values). Same sorted coordinates and same inverse as ``np.unique``.
    """
    idx = data.indices
    base = data.n_lat + data.n_lon
    ranges = ((0, data.n_lat), (data.n_lat, base))
    if not all(idx[:, j].min() >= lo and idx[:, j].max() < hi
               for j, (lo, hi) in enumerate(ranges)) or idx[:, 2].min() < base:
        touched, inverse = np.unique(idx, return_inverse=True)
        return touched, inverse.reshape(idx.shape)
    parts, inverse, offset = [], np.empty(idx.shape, dtype=np.int64), 0
    for j, (lo, hi) in enumerate(ranges):
        present = np.bincount(idx[:, j] - lo, minlength=hi - lo) > 0
        rank = np.cumsum(present) - 1
        inverse[:, j] = rank[idx[:, j] - lo] + offset
        parts.append(np.flatnonzero(present).astype(np.int64) + lo)
        offset += parts[-1].size
    cells, cell_inverse = np.unique(idx[:, 2], return_inverse=True)
    inverse[:, 2] = cell_inverse.reshape(-1) + offset
    parts.append(cells.astype(np.int64, copy=False))
    return np.concatenate(parts), inverse


def _lockstep(data: WideData, l1: np.ndarray, l2: np.ndarray, alpha: float, beta: float,
              epochs: int, batch_size: int, seed: int, shuffle: bool, bar: object,
              on_epoch: Callable[[int, _State], None] | None = None) -> _State:
    """Train K models (one per entry of ``l1``, ``l2``) on the same mini-batches.

    Every model sees the same shuffles, so each one ends exactly where :func:`train_ftrl`
    alone would (same arithmetic in the same order). Sharing the batches shares the cost
    of finding which coordinates a batch touches, which is most of the work.
    """
    k = l1.size
    l1c, l2c = l1.reshape(1, k), l2.reshape(1, k)
    touched, compact = _touched(data)
    compact = compact.astype(np.int32 if touched.size < _INT32_MAX else np.int64)
    t = touched.size
    # (T, K): a coordinate's state for all K models is one contiguous row, so a batch
    # gathers and scatters whole rows
    st = _State(touched, np.zeros((t, k)), np.zeros((t, k)), np.zeros(k), np.zeros(k))
    z, nsq = st.z, st.nsq
    # Each row seen as one item, so a batch scatters whole rows at once (numpy's row-wise
    # fancy assignment is several times slower); np.take gathers rows fast.
    row = np.dtype((np.void, 8 * k))
    z_rows, n_rows = z.view(row).reshape(t), nsq.view(row).reshape(t)
    # Scratch arrays for finding a batch's distinct coordinates without sorting.
    stamp = np.zeros(t, dtype=np.int64)
    slot = np.zeros(t, dtype=np.int64)
    y = data.y
    n_ex = len(data)
    rng = np.random.default_rng(seed)
    for epoch in range(epochs):
        order = rng.permutation(n_ex) if shuffle else np.arange(n_ex)
        # one gather per pass, then every batch is a contiguous slice
        cols_all, y_all = compact[order], y[order]
        for lo in range(0, n_ex, batch_size):
            flat = cols_all[lo:lo + batch_size].ravel()  # 3 compact coordinates per example
            y_b = y_all[lo:lo + batch_size]
            pos = np.arange(flat.size)
            stamp[flat] = pos                          # one position survives per coordinate
            u = flat[stamp[flat] == pos]               # the batch's distinct coordinates
            slot[u] = np.arange(u.size)
            inv = slot[flat].reshape(y_b.size, 3)      # (b, 3) positions in u
            z_u, n_u = np.take(z, u, axis=0), np.take(nsq, u, axis=0)  # (U, K)
            w_u = ftrl_weights(z_u, n_u, l1c, l2c, alpha, beta)
            wb = -st.zb / ((beta + np.sqrt(st.nb)) / alpha)
            w_b = np.take(w_u, inv, axis=0)            # (b, 3, K)
            score = (w_b[:, 0] + w_b[:, 1]) + w_b[:, 2] + wb
            resid = _sigmoid(score) - y_b[:, None]     # d(log loss)/d(score), (b, K)
            # per-coordinate sums of the residuals, bin (u, k) at u * K + k
            g = np.bincount((inv.reshape(-1, 1) * k + np.arange(k)).ravel(),
                            weights=np.repeat(resid, 3, axis=0).ravel(),
                            minlength=u.size * k).reshape(u.size, k)
            sigma = (np.sqrt(n_u + g * g) - np.sqrt(n_u)) / alpha
            z_rows[u] = (z_u + (g - sigma * w_u)).view(row).reshape(-1)
            n_rows[u] = (n_u + g * g).view(row).reshape(-1)
            # summed model by model along a contiguous row (numpy's pairwise sum)
            gb = np.ascontiguousarray(resid.T).sum(axis=1)
            sigma_b = (np.sqrt(st.nb + gb * gb) - np.sqrt(st.nb)) / alpha
            st.zb = st.zb + (gb - sigma_b * wb)
            st.nb = st.nb + gb * gb
            bar.update(y_b.size)
        if on_epoch is not None:
            on_epoch(epoch + 1, st)
    return st


def _model(st: _State, i: int, data: WideData, l1: float, l2: float, alpha: float,
           beta: float, epochs: int, batch_size: int, data_print: str) -> WideModel:
    """Model ``i`` of the state: its non-zero weights only."""
    w = ftrl_weights(st.z[:, i], st.nsq[:, i], l1, l2, alpha, beta)
    keep = w != 0.0
    space = index_space_size(data.n_lat, data.n_lon)
    idx_dtype = np.int32 if space <= _INT32_MAX else np.int64
    bias = np.array([-st.zb[i] / ((beta + np.sqrt(st.nb[i])) / alpha)])
    values = w[keep].astype(np.float32)
    indices = st.touched[keep].astype(idx_dtype)
    # float32 may round a tiny weight to 0: a stored weight is never 0.
    nz = values != 0
    return WideModel(indices[nz], values[nz], bias, data.n_lat, data.n_lon, l1, l2,
                     int(st.touched.size), {"alpha": alpha, "beta": beta, "epochs": epochs,
                                            "batch_size": batch_size,
                                            # which data it learned from, for the checks
                                            "data_fingerprint": data_print})


def train_ftrl(
    data: WideData,
    *,
    l1: float = 1.0,
    l2: float = 0.0,
    alpha: float = 1.0,
    beta: float = 1.0,
    epochs: int = 1,
    batch_size: int = 1024,
    seed: int = 0,
    shuffle: bool = True,
    progress: bool | None = None,
    measure_memory: bool = False,
) -> TrainResult:
    """Train the sparse logistic-regression model with mini-batch FTRL-Proximal.

    Per coordinate ``i`` FTRL keeps ``z_i`` (a running sum of gradients, corrected for the
    changing learning rate) and ``n_i`` (the sum of squared gradients), and the weight is
    computed from them when needed::

        w_i = 0                                                  if |z_i| <= l1
        w_i = -(z_i - sign(z_i) l1) / ((beta + sqrt(n_i)) / alpha + l2)   otherwise

    Each mini-batch predicts with the current weights, adds up the log-loss gradient per
    coordinate, and updates ``z`` and ``n`` of the coordinates it touched. The penalty
    ``l1`` is measured against *summed* (not averaged) gradients: a coordinate keeps a
    non-zero weight only if the evidence of its examples outweighs ``l1``.

    Parameters
    ----------
    data : WideData
        Training examples.
    l1, l2 : float, default 1.0 and 0.0
        L1 and L2 penalty strengths (non-negative). ``l1=0, l2>0`` is the L2 variant,
        which keeps every touched weight.
    alpha, beta : float, default 1.0 and 1.0
        Both positive. FTRL's per-coordinate learning-rate parameters: the rate of
        coordinate ``i`` is ``alpha / (beta + sqrt(n_i))``.
    epochs : int, default 1
        Passes over the data (each in a new shuffled order).
    batch_size : int, default 1024
        Examples per vectorised update.
    seed : int, default 0
        Seed of the shuffles.
    shuffle : bool, default True
        Visit the examples in a new random order each epoch (``False``: in data order).
    progress : bool or None, default None
        Show a progress bar (tqdm). ``None``: only inside a Jupyter notebook.
    measure_memory : bool, default False
        Measure the peak memory allocated while training with ``tracemalloc``
        (slows training a little).

    Returns
    -------
    TrainResult

    Examples
    --------
    >>> d = WideData.from_buckets([0, 0, 1, 1] * 50, [0, 1, 0, 1] * 50, 2, 2,
    ...                           [1, 1, 0, 0] * 50)
    >>> r = train_ftrl(d, l1=0.0, epochs=5, batch_size=8, progress=False)
    >>> bool(evaluate(r.model, d).accuracy == 1.0)
    True
    """
    _check_data(data, "data")
    l1 = as_scalar(l1, "l1", low=0)
    l2 = as_scalar(l2, "l2", low=0)
    alpha = as_scalar(alpha, "alpha", low=0, low_open=True)
    beta = as_scalar(beta, "beta", low=0, low_open=True)
    epochs = as_int(epochs, "epochs", low=1)
    batch_size = as_int(batch_size, "batch_size", low=1)
    seed = as_int(seed, "seed", low=0)
    if not isinstance(shuffle, bool):
        raise TypeError(f"shuffle must be True or False, got {shuffle!r}")
    if progress is not None and not isinstance(progress, bool):
        raise TypeError(f"progress must be True, False or None, got {progress!r}")
    show = _in_notebook() if progress is None else progress

    started_tracing = False
    if measure_memory:
        if not tracemalloc.is_tracing():
            tracemalloc.start()
            started_tracing = True
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
    start = time.perf_counter()

    n_ex = len(data)
    bar, finish = _progress_bar(n_ex * epochs, f"FTRL l1={l1:g} l2={l2:g}", show)
    try:
        st = _lockstep(data, np.array([l1]), np.array([l2]), alpha, beta, epochs, batch_size,
                       seed, shuffle, bar)
    finally:
        finish()
    model = _model(st, 0, data, l1, l2, alpha, beta, epochs, batch_size, fingerprint(data))
    seconds = time.perf_counter() - start
    peak = None
    if measure_memory:
        peak = int(tracemalloc.get_traced_memory()[1] - base)
        if started_tracing:
            tracemalloc.stop()
    return TrainResult(model, seconds, n_ex * epochs / max(seconds, 1e-12), peak)


def sweep(
    train: WideData,
    validation: WideData,
    l1_values: ArrayLike,
    *,
    l2_reference: float | None = 1.0,
    progress: bool | None = None,
    **ftrl_options: object,
) -> list[dict]:
    """Train one model per L1 strength (and one L2 model) and evaluate each on validation data.

    Parameters
    ----------
    train, validation : WideData
    l1_values : sequence of float
        L1 strengths to try (non-negative).
    l2_reference : float or None, default 1.0
        Also train the L2 variant (``l1=0, l2=l2_reference``); ``None`` skips it.
    progress : bool or None
        Passed to :func:`train_ftrl`.
    **ftrl_options
        Other options of :func:`train_ftrl` (alpha, beta, epochs, batch_size, seed).

    Returns
    -------
    list of dict
        One row per model: ``penalty``, ``strength``, ``nnz`` (and its split ``nnz_lat``,
        ``nnz_lon``, ``nnz_cross``), ``nbytes``, ``val_log_loss``, ``val_accuracy``,
        ``seconds`` (the shared training time divided among the models) and ``model``.
        The models are trained together on the same mini-batches; each is exactly what
        :func:`train_ftrl` makes alone with the same options.

    Examples
    --------
    >>> d = WideData.from_buckets([0, 0, 1, 1] * 50, [0, 1, 0, 1] * 50, 2, 2,
    ...                           [1, 1, 0, 1] * 50)
    >>> rows = sweep(d, d, [0.0, 1e6], progress=False, batch_size=8)
    >>> [(r["penalty"], r["nnz"]) for r in rows]
    [('L1', 8), ('L1', 0), ('L2', 8)]
    """
    _check_data(train, "train")
    _check_data(validation, "validation")
    values = as_float_array(l1_values, "l1_values", ndim=1)
    if np.any(values < 0):
        raise ValueError("l1_values must all be non-negative")
    runs = [("L1", float(v), {"l1": float(v), "l2": 0.0}) for v in values]
    if l2_reference is not None:
        s = as_scalar(l2_reference, "l2_reference", low=0)
        runs.append(("L2", s, {"l1": 0.0, "l2": s}))
    opts = _ftrl_options(**ftrl_options)
    show = _in_notebook() if progress is None else bool(progress)
    l1s = np.array([pen["l1"] for _, _, pen in runs])
    l2s = np.array([pen["l2"] for _, _, pen in runs])
    start = time.perf_counter()
    # All models on the same mini-batches at once: each is exactly what train_ftrl would
    # give on its own (the unit tests check this), for a fraction of the time.
    bar, finish = _progress_bar(len(train) * opts["epochs"], f"FTRL, {len(runs)} models", show)
    try:
        st = _lockstep(train, l1s, l2s, bar=bar, **opts)
    finally:
        finish()
    seconds = (time.perf_counter() - start) / len(runs)
    data_print = fingerprint(train)
    models = [_model(st, i, train, pen["l1"], pen["l2"], opts["alpha"], opts["beta"],
                     opts["epochs"], opts["batch_size"], data_print)
              for i, (_, _, pen) in enumerate(runs)]
    rows = []
    for model, ev, (penalty, strength, _) in zip(models, _evaluate_many(models, st.touched,
                                                                        validation), runs,
                                                 strict=True):
        rows.append({"penalty": penalty, "strength": strength, "nnz": model.nnz,
                     **{f"nnz_{k}": v for k, v in model.nonzeros_by_feature().items()},
                     "nbytes": model.nbytes, "val_log_loss": ev.log_loss,
                     "val_accuracy": ev.accuracy, "seconds": seconds, "model": model})
    return rows


def pass_curve(
    train: WideData,
    validation: WideData,
    max_passes: int = 4,
    *,
    l1: float = 0.0,
    l2: float = 0.0,
    progress: bool | None = None,
    **ftrl_options: object,
) -> list[dict]:
    """One model trained for ``max_passes`` passes, scored after each pass.

    The model after pass ``k`` is exactly ``train_ftrl(train, epochs=k, ...)`` (each pass
    draws the same shuffle as it would there), so one run gives the whole curve.

    Parameters
    ----------
    train, validation : WideData
    max_passes : int, default 4
        Passes over ``train`` (at least 1).
    l1, l2 : float, default 0.0
        The penalties (``l1=0, l2=0``: no penalty at all).
    progress : bool or None
        Show a progress bar (``None``: only inside a notebook).
    **ftrl_options
        ``alpha``, ``beta``, ``batch_size``, ``seed``, ``shuffle`` of :func:`train_ftrl`.

    Returns
    -------
    list of dict
        One row per pass: ``passes``, ``nnz``, ``val_log_loss``, ``val_accuracy`` and
        ``model``.

    Examples
    --------
    >>> d = WideData.from_buckets([0, 0, 1, 1] * 50, [0, 1, 0, 1] * 50, 2, 2,
    ...                           [1, 1, 0, 1] * 50)
    >>> rows = pass_curve(d, d, 3, progress=False, batch_size=8)
    >>> [r["passes"] for r in rows], rows[2]["val_log_loss"] < rows[0]["val_log_loss"]
    ([1, 2, 3], True)
    """
    _check_data(train, "train")
    _check_data(validation, "validation")
    max_passes = as_int(max_passes, "max_passes", low=1)
    l1 = as_scalar(l1, "l1", low=0)
    l2 = as_scalar(l2, "l2", low=0)
    if "epochs" in ftrl_options:
        raise TypeError("pass_curve takes max_passes, not epochs")
    opts = _ftrl_options(epochs=max_passes, **ftrl_options)
    show = _in_notebook() if progress is None else bool(progress)
    data_print = fingerprint(train)
    rows: list[dict] = []

    def score(passes: int, st: _State) -> None:
        model = _model(st, 0, train, l1, l2, opts["alpha"], opts["beta"], passes,
                       opts["batch_size"], data_print)
        ev = evaluate(model, validation)
        rows.append({"passes": passes, "nnz": model.nnz, "val_log_loss": ev.log_loss,
                     "val_accuracy": ev.accuracy, "model": model})

    bar, finish = _progress_bar(len(train) * max_passes, f"FTRL l1={l1:g}, {max_passes} passes",
                                show)
    try:
        _lockstep(train, np.array([l1]), np.array([l2]), bar=bar, on_epoch=score, **opts)
    finally:
        finish()
    return rows


def _ftrl_options(*, alpha: float = 1.0, beta: float = 1.0, epochs: int = 1,
                  batch_size: int = 1024, seed: int = 0, shuffle: bool = True) -> dict:
    """The options of :func:`train_ftrl` shared by sweeps, checked as it checks them."""
    if not isinstance(shuffle, bool):
        raise TypeError(f"shuffle must be True or False, got {shuffle!r}")
    return {"alpha": as_scalar(alpha, "alpha", low=0, low_open=True),
            "beta": as_scalar(beta, "beta", low=0, low_open=True),
            "epochs": as_int(epochs, "epochs", low=1),
            "batch_size": as_int(batch_size, "batch_size", low=1),
            "seed": as_int(seed, "seed", low=0), "shuffle": shuffle}


def sweep_table(rows: list[dict]) -> str:
    """The rows of :func:`sweep` as an aligned text table (stable, for printing).

    The split of the non-zeros by feature is shown when the rows carry it.

    Examples
    --------
    >>> print(sweep_table([{"penalty": "L1", "strength": 1.0, "nnz": 10, "nbytes": 88,
    ...                     "val_log_loss": 0.5, "val_accuracy": 0.75}]))
    penalty  strength  non-zeros      bytes  val log loss  val accuracy
    L1              1         10         88        0.5000        0.7500
    """
    if not isinstance(rows, list) or not rows:
        raise ValueError("rows must be a non-empty list of sweep rows")
    split = all("nnz_cross" in r for r in rows)
    head = f"{'penalty':<7}  {'strength':>8}  {'non-zeros':>9}  "
    if split:
        head += f"{'lat':>6}  {'lon':>6}  {'cells':>7}  "
    lines = [head + f"{'bytes':>9}  {'val log loss':>12}  {'val accuracy':>12}"]
    for r in rows:
        line = f"{r['penalty']:<7}  {r['strength']:>8g}  {r['nnz']:>9,}  "
        if split:
            line += f"{r['nnz_lat']:>6,}  {r['nnz_lon']:>6,}  {r['nnz_cross']:>7,}  "
        lines.append(line + f"{r['nbytes']:>9,}  {r['val_log_loss']:>12.4f}  "
                     f"{r['val_accuracy']:>12.4f}")
    return "\n".join(lines)
