"""Reading the app's inputs in worker processes, so the screen keeps the interpreter to itself.

Why: the app loads in a thread of its own process, and building an Article
(reading HTML, Punkt sentence splitting) is pure Python that holds the GIL.
1,000 files read in that thread took 8 s on one core while the other idled,
and every key typed meanwhile waited for the loader to let go of the
interpreter (p95 235 ms). Here the first batch is read in the thread (the
first screen must not wait for processes to start), and every later batch is
handed at once, in chunks, to the analysis's process pool (one worker per
core; briefing.analysis.pool), which reads the files, uses and fills the ingest
cache, and sends back plain data. The screen's thread only turns that back into
Articles. The batches come back in the order of the files, so a parallel load
shows exactly what a serial one does.

Nothing here imports Textual: the pool's processes import this module to run
`load_chunk`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from typing import Any

from briefing.config import CacheSettings, IngestSettings, Settings
from briefing.ingest import load_paths
from briefing.ingest.cache import article_from_plain, article_to_plain
from briefing.models import Article, LoadWarning

log = logging.getLogger(__name__)

CHUNK_FILES = 25  # files per pool task: a few tenths of a second of work, both cores busy to the end
POOL_MIN_FILES = 64  # below this, starting processes costs more than reading here
_POOL_ERRORS = (BrokenProcessPool, OSError, ValueError)  # as briefing.analysis.pipeline: no processes here
# What the pool's fork server imports once, so its workers start with it: this module (the
# ingest code) and the analysis products, which the same workers run next.
PRELOAD = (
    __name__,
    "briefing.analysis.pipeline",
    "briefing.summary.extractive",
    "briefing.digest.build",
    "briefing.quotes.extract",
    "briefing.status.build",
    "briefing.stories.grouping",
)


@dataclass
class Batch:
    """One batch's articles and warnings, as a serial load of its files gives them."""

    articles: list[Article]
    warnings: list[LoadWarning]
    files: int


def load_here(paths: Sequence[str], ingest: IngestSettings, language: str, cache: CacheSettings) -> Batch:
    """Read these files in this process; a bug in one batch must not lose the others."""
    try:
        result = load_paths(paths, ingest, language=language, cache=cache)
        return Batch(list(result.articles), list(result.warnings), len(paths))
    except Exception as error:  # noqa: BLE001 - said per file, the load goes on
        reason = f"could not be loaded ({type(error).__name__}: {error})"
        return Batch([], [LoadWarning(str(p), reason) for p in paths], len(paths))


def load_chunk(
    paths: list[str], ingest: IngestSettings, language: str, cache: CacheSettings
) -> tuple[list[dict[str, Any]], list[LoadWarning]]:
    """In a pool worker: these files' articles as plain data (pickling it is several times
    cheaper than pickling Articles) and their warnings. One process: no pool inside the pool."""
    batch = load_here(paths, ingest, language, replace(cache, workers=1))
    return [article_to_plain(a) for a in batch.articles], batch.warnings


def load_batches(
    batches: Sequence[list[str]], settings: Settings, cancelled: Callable[[], bool] = lambda: False
) -> Iterator[Batch]:
    """Every batch, in order: the first read here, the others in the pool when there are
    enough files and more than one core; here when the pool cannot run."""
    from briefing.analysis.pipeline import worker_count
    from briefing.analysis.pool import drop_pool

    workers = worker_count(settings.cache)

    def here(paths: list[str]) -> Batch:
        return load_here(paths, settings.ingest, settings.summary.language, settings.cache)

    rest = [path for batch in batches[1:] for path in batch]
    if workers < 2 or len(rest) < POOL_MIN_FILES:
        yield from map(here, batches)
        return
    pending = _submit(batches[1:], settings, workers)  # first: the workers start while batch 1 is read here
    yield here(batches[0])
    for index, batch in enumerate(batches[1:]):
        if cancelled():  # the app is closing: what is still queued is not read
            for future in (f for chunks in pending or () for f in chunks):
                future.cancel()
            return
        found = _collect(pending[index]) if pending is not None else None
        if found is None and pending is not None:  # the pool failed: the rest is read here
            drop_pool(workers)
            pending = None
        yield replace(found, files=len(batch)) if found is not None else here(batch)


def _submit(batches: Sequence[list[str]], settings: Settings, workers: int) -> list[list[Future[Any]]] | None:
    from briefing.analysis.pool import drop_pool, get_pool

    language = settings.summary.language
    try:
        pool = get_pool(workers, preload=PRELOAD)
        return [
            [pool.submit(load_chunk, batch[i : i + CHUNK_FILES], settings.ingest, language, settings.cache)
             for i in range(0, len(batch), CHUNK_FILES)]
            for batch in batches
        ]
    except _POOL_ERRORS as exc:
        log.warning("parallel loading unavailable (%s); loading in one process", exc)
        drop_pool(workers)
        return None


def _collect(chunks: list[Future[Any]]) -> Batch | None:
    """One batch from its chunks' results; None when the pool failed (the caller reads it here)."""
    articles: list[Article] = []
    warnings: list[LoadWarning] = []
    try:
        for future in chunks:
            plain, found = future.result()
            articles.extend(article_from_plain(a) for a in plain)
            warnings.extend(found)
    except _POOL_ERRORS as exc:
        log.warning("parallel loading failed (%s); loading in one process", exc)
        return None
    return Batch(articles, warnings, 0)
