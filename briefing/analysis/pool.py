"""The process pool the analysis runs in, and what it needs to start anywhere.

Written once, for the command line and the TUI alike. The awkward part is the
TUI: Textual swaps `sys.stderr` for a capture whose `fileno()` is -1, and
multiprocessing's resource tracker (started on a pool's first use) hands
`sys.stderr.fileno()` to its new process, which is refused ("bad value(s) in
fds_to_keep"); the analysis then fell back to one process, sharing the
interpreter with the screen. `start_helpers` starts the tracker with a stderr
that has a descriptor (/dev/null when ours has none); the TUI calls it before
its first screen, and `get_pool` calls it before every new pool.

`concurrent.futures.process` is imported only when a pool is made: the TUI
imports this module before its first screen.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

#: One long-lived pool per size: re-analysing (a new summary length in the TUI)
#: must not pay process start-up again.
POOLS: dict[int, ProcessPoolExecutor] = {}


def has_stderr() -> bool:
    """False inside a Textual app: it swaps sys.stderr for a capture whose fileno() is -1."""
    try:
        return sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        return False


def start_helpers() -> bool:
    """Start multiprocessing's resource tracker now, with a stderr it can hand on.

    With our own stderr when it has a descriptor, else with /dev/null. False when
    this process cannot start processes at all (a sandbox, limits): the analysis
    then runs in-process, and a pool asked for anyway fails the same way, which
    its caller handles.
    """
    try:
        from multiprocessing import resource_tracker

        if has_stderr():
            resource_tracker.ensure_running()
            return True
        saved = sys.stderr
        with open(os.devnull, "w") as sink:
            sys.stderr = sink
            try:
                resource_tracker.ensure_running()
            finally:
                sys.stderr = saved
        return True
    except (OSError, ValueError, ImportError):
        return False


def get_pool(
    workers: int, preload: Sequence[str] = (), before_fork: Callable[[], None] | None = None
) -> ProcessPoolExecutor:
    """The pool of `workers` processes, made on first use. `preload`: modules a fork
    server imports once, so that each worker it forks has them already. `before_fork`:
    run here before a new pool forks this process (what it loads, the workers share)."""
    pool = POOLS.get(workers)
    if pool is None:
        from concurrent.futures import ProcessPoolExecutor

        quiet = not has_stderr()
        start_helpers()
        context = _context(preload)
        if before_fork is not None and context.get_start_method() == "fork":
            before_fork()
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(quiet,)
        )
        POOLS[workers] = pool
    return pool


def drop_pool(workers: int) -> None:
    """Forget a pool that failed, so the next analysis makes a new one."""
    pool = POOLS.pop(workers, None)
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def _start_worker(quiet: bool) -> None:
    """A forked worker starts with the parent's heap (every loaded article) in pages it
    shares with the parent. The cyclic garbage collector writes into the header of each
    object it examines, so the worker's first full collection copied every one of those
    pages (about 100 MB a worker at 5,000 articles) though the worker never reads them:
    `gc.freeze()` sets what the worker inherited aside from every collection."""
    gc.freeze()
    if quiet:
        _silence_output()


def _silence_output() -> None:
    """In workers of a terminal app, fd 1 and 2 are the app's screen: a stray warning
    printed there would draw over it. Results and errors travel back by pickle anyway."""
    sink = os.open(os.devnull, os.O_WRONLY)
    os.dup2(sink, 1)
    os.dup2(sink, 2)
    os.close(sink)


def _context(preload: Sequence[str]) -> multiprocessing.context.BaseContext:
    """`fork` when this process has a single thread (fast, nothing re-imported); a
    fork server otherwise, because forking a multi-threaded process (the TUI runs
    analysis in a worker thread) can copy a held lock and hang the child."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(preload))
        return context
    return multiprocessing.get_context("spawn")


@atexit.register
def _shutdown_pools() -> None:
    for pool in POOLS.values():
        pool.shutdown(wait=False, cancel_futures=True)
    POOLS.clear()
