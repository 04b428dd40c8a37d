"""Building many articles on every core.

Reading a file is cheap; building its Article is not (Punkt sentence splitting,
trafilatura for pages): 1,000 news files take about 4 s on one core, and the
second core idles while the analysis waits for them all. A pool of worker
processes builds them in chunks and the results come back in the order the
files were listed, so a parallel load is exactly a serial one.

Only where forking is safe and cheap: a single-threaded process (the CLI) on a
system with `fork`. Forking a multi-threaded process (the TUI loads in a worker
thread) can copy a held lock into the child, so there the load stays serial.
If the pool cannot start or dies, what it did not finish is built here.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

PARALLEL_MIN_FILES = 64  # below this, starting processes costs more than it saves
CHUNK_FILES = 16  # files per task: enough to amortise pickling, small enough to balance the cores

Job = TypeVar("Job")
Result = TypeVar("Result")


def worker_count(configured: int) -> int:
    """`cache.workers`: 0 means one per core."""
    return configured if configured > 0 else os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def build_all(
    function: Callable[[Job], Result],
    jobs: Sequence[Job],
    workers: int,
    warm_up: Callable[[], object] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Iterator[Result]:
    """`function` over `jobs`, in order: in a pool of `workers` processes when there are
    enough jobs and forking is safe, else here. `warm_up` runs here first, so forked
    workers inherit what it loads (the sentence model) instead of each loading it.
    `meanwhile` runs here once the pool has every job (and only then): work of the
    caller's that would otherwise wait for the load, done while this process idles."""
    if workers < 2 or len(jobs) < PARALLEL_MIN_FILES or not can_fork():
        yield from map(function, jobs)
        return
    if warm_up is not None:
        warm_up()
    done = 0
    chunks = [list(jobs[i : i + CHUNK_FILES]) for i in range(0, len(jobs), CHUNK_FILES)]
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results_in_order = pool.map(_run_chunk, [function] * len(chunks), chunks)  # all submitted now
            if meanwhile is not None:
                meanwhile()
            for results in results_in_order:
                done += len(results)
                yield from results
    except (BrokenProcessPool, OSError):
        yield from map(function, jobs[done:])


def _run_chunk(function: Callable[[Job], Result], chunk: list[Job]) -> list[Result]:
    return [function(job) for job in chunk]
