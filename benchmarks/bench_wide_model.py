"""Benchmark the wide model of notebook 07: training time, throughput and peak memory.

Trains the L1 model (FTRL-Proximal, one pass) on 1, 3 and 10 million generated houses
at minute resolution and prints a table. Each size runs in its own process, so the
process's peak resident memory (``ru_maxrss``) belongs to that size alone; it includes
generating and encoding the houses, which is what a learner's kernel also holds.

Usage::

    python benchmarks/bench_wide_model.py            # 1M, 3M, 10M
    python benchmarks/bench_wide_model.py 1000000    # chosen sizes

This prints figures; it is not a timed test and asserts nothing.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time

SIZES = (1_000_000, 3_000_000, 10_000_000)
L1 = 3.0


def one(n: int) -> dict:
    """Generate, encode and train on ``n`` houses; return the measurements."""
    from lessonlib.wide import encode, train_ftrl
    from lessonlib.world import houses

    t0 = time.perf_counter()
    world = houses(n, seed=0)
    data = encode(world.lat, world.lon, world.expensive)
    del world
    prep = time.perf_counter() - t0
    result = train_ftrl(data, l1=L1, progress=False)
    return {
        "n": n,
        "prepare_s": prep,
        "train_s": result.seconds,
        "per_s": result.examples_per_second,
        "touched": result.model.n_touched,
        "nnz": result.model.nnz,
        "model_bytes": result.model.nbytes,
        "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,  # kB on Linux
    }


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        print(json.dumps(one(int(argv[1]))))
        return 0
    sizes = [int(a) for a in argv] or list(SIZES)
    from lessonlib.wide import format_bytes

    print(f"wide model, FTRL-Proximal l1={L1:g}, one pass, minute buckets; "
          f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}")
    head = (f"{'houses':>12}  {'prepare s':>9}  {'train s':>8}  {'houses/s':>10}  "
            f"{'touched':>10}  {'non-zeros':>9}  {'model':>9}  {'peak RSS':>9}")
    print(head)
    print("-" * len(head))
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True,
                             text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['n']:>12,}  {r['prepare_s']:>9.1f}  {r['train_s']:>8.1f}  "
              f"{r['per_s']:>10,.0f}  {r['touched']:>10,}  {r['nnz']:>9,}  "
              f"{format_bytes(r['model_bytes']):>9}  {format_bytes(r['maxrss']):>9}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
