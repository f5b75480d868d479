"""Print the course's speed and memory figures: `make bench`.

1. Each notebook executed in a fresh kernel, as a learner's "Run all" would:
   wall time and the kernel's peak resident memory (ru_maxrss, read inside the kernel).
2. Each widget builder in lessonlib.widgets: latency from a control change to the new
   PNG being ready to send (median and 95th percentile over many moves of every control).

Budgets (2-core machine, issue 15): every notebook <= 10 s run-all, kernel peak <= 1 GB
(07: <= 1.5 GB), every widget update median <= 30 ms. Each row prints its figures against
its budget and "ok" or "OVER"; the script exits 1 when any row is OVER (after printing
every row), so `make bench` fails on a miss. Timings depend on the machine's load: run it
on a quiet machine before reading a miss as a regression.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import statistics
import sys
import time
from pathlib import Path

import ipywidgets as widgets
import matplotlib
import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
matplotlib.use("Agg")

import lessonlib.widgets  # noqa: E402
import notebooks as nbtool  # noqa: E402
from lessonlib.widgets.live import LiveFigure  # noqa: E402

NOTEBOOK_BUDGET_S = 10.0
TIME_BUDGET: dict[str, float] = {}  # per-notebook exceptions, by number (none now)
MEMORY_BUDGET_MB = {"07": 1536.0}
WIDGET_MEDIAN_BUDGET_MS = 30.0
PEAK_CELL = "import resource; print('PEAK_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"


def bench_notebook(stem: str) -> tuple[float, float]:
    nb = nbtool.from_source(stem)
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_CELL))
    start = time.perf_counter()
    nbtool.execute(nb)
    seconds = time.perf_counter() - start
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    peak_mb = int(text.split("PEAK_KB")[1].split()[0]) / 1024
    return seconds, peak_mb


def control_values(control: widgets.Widget) -> list[object]:
    """A spread of values across a control's range, for timing moves."""
    if isinstance(control, widgets.Play) or not hasattr(control, "value"):
        return []
    if hasattr(control, "options") and control.options:
        opts = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return (opts * 4)[:12]
    if hasattr(control, "min") and hasattr(control, "max"):
        lo, hi = control.min, control.max
        step = (hi - lo) / 11
        values = [lo + i * step for i in range(12)]
        if isinstance(control.value, int):
            values = sorted({int(round(v)) for v in values})
        return values
    if isinstance(control.value, bool):
        return [True, False] * 6
    return []


def builders() -> list[tuple[str, object]]:
    found = []
    for info in pkgutil.iter_modules(lessonlib.widgets.__path__):
        if info.name == "live":
            continue
        module = importlib.import_module(f"lessonlib.widgets.{info.name}")
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if func.__module__ == module.__name__ and not name.startswith("_"):
                signature = inspect.signature(func)
                if signature.return_annotation not in ("LiveFigure", LiveFigure):
                    continue  # a helper of the module, not a widget builder
                params = signature.parameters.values()
                if all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
                       for p in params):
                    found.append((f"{info.name}.{name}", func))
    return found


def bench_widget(builder) -> tuple[float, float, int] | None:
    live = builder()
    if not isinstance(live, LiveFigure):
        return None
    times = []
    for control in live.controls.values():
        for value in control_values(control):
            if value == control.value:
                continue
            start = time.perf_counter()
            control.value = value  # observers run synchronously: update + render to PNG
            times.append(time.perf_counter() - start)
    if not times:
        return None
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times) * 1000, p95 * 1000, len(times)


def verdict(value: float, budget: float) -> str:
    """ "ok" when ``value`` is within ``budget``, else "OVER".

    >>> verdict(9.9, 10.0), verdict(10.1, 10.0)
    ('ok', 'OVER')
    """
    return "ok" if value <= budget else "OVER"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="notebook stems (default: all)")
    parser.add_argument("--no-notebooks", action="store_true")
    parser.add_argument("--no-widgets", action="store_true")
    args = parser.parse_args()

    misses = []
    if not args.no_notebooks:
        print("Notebooks, each executed in a fresh kernel")
        print(f"| {'notebook':32} | {'time (s)':>8} | {'budget':>6} | "
              f"{'peak kernel memory (MB)':>23} | {'budget':>6} | verdict |")
        print(f"|{'-' * 34}|{'-' * 10}:|{'-' * 8}:|{'-' * 25}:|{'-' * 8}:|---------|")
        for stem in args.notebooks or nbtool.stems():
            seconds, peak = bench_notebook(stem)
            t_budget = TIME_BUDGET.get(stem[:2], NOTEBOOK_BUDGET_S)
            m_budget = MEMORY_BUDGET_MB.get(stem[:2], 1024.0)
            t_ok, m_ok = verdict(seconds, t_budget), verdict(peak, m_budget)
            row = "ok" if t_ok == m_ok == "ok" else "OVER"
            if t_ok != "ok":
                misses.append(f"{stem}: {seconds:.1f} s > {t_budget:g} s")
            if m_ok != "ok":
                misses.append(f"{stem}: {peak:.0f} MB > {m_budget:g} MB")
            print(f"| {stem:32} | {seconds:8.1f} | {t_budget:6.0f} | {peak:23.0f} | "
                  f"{m_budget:6.0f} | {row:7} |", flush=True)
    if not args.no_widgets:
        print("\nWidgets: control change to new PNG (ms)")
        print(f"| {'widget builder':48} | {'median':>7} | {'budget':>6} | {'p95':>7} | "
              f"{'moves':>5} | verdict |")
        print(f"|{'-' * 50}|{'-' * 8}:|{'-' * 8}:|{'-' * 8}:|{'-' * 6}:|---------|")
        for name, builder in builders():
            result = bench_widget(builder)
            if result is None:
                continue
            median, p95, n = result
            row = verdict(median, WIDGET_MEDIAN_BUDGET_MS)
            if row != "ok":
                misses.append(f"{name}: median {median:.1f} ms > {WIDGET_MEDIAN_BUDGET_MS:g} ms")
            print(f"| {name:48} | {median:7.1f} | {WIDGET_MEDIAN_BUDGET_MS:6.0f} | {p95:7.1f} | "
                  f"{n:5d} | {row:7} |", flush=True)
    if misses:
        print(f"\nOVER budget ({len(misses)}): " + "; ".join(misses))
        return 1
    print("\nEvery figure within its budget.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
