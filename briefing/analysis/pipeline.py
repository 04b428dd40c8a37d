"""`analyze`: everything the app shows for a set of articles, cached and in parallel.

Work units: one summary per article, and three set-level results (digest,
quotes, conflict status). Each unit is looked up in the on-disk cache first
(see cache.py); only the misses are computed. When the misses are many enough
to pay for starting processes, and spread over more than one article,
summaries go out in chunks and the digest, quotes and status as whole tasks
to a process pool (one worker per core); a long text that is not (one huge
article) sends only the status to the pool; otherwise everything runs here,
in order. All paths call the same functions, so they give the same result.

`progress(done, total)` is called from the calling thread only (the TUI can
forward it to its own thread safely): total = number of articles + 3.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from typing import Any

from briefing.analysis.cache import AnalysisCache, article_hash, file_fingerprint, make_key, settings_token
from briefing.analysis.pool import drop_pool, get_pool
from briefing.config import CacheSettings, ConflictSettings, DigestSettings, QuoteSettings, Settings, SummarySettings
from briefing.models import Analysis, Article, ConflictStatus, DigestSentence, LoadWarning, Quote, Summary

# The analysis modules pull in NLTK, sumy and the lexicons (about half a second):
# imported on first use, so that importing this module (the TUI does, at start)
# costs nothing before the first screen is drawn.
_ANALYSIS_MODULES = (
    "briefing.summary.extractive",
    "briefing.digest.build",
    "briefing.quotes.extract",
    "briefing.status.build",
)


def summarize(article: Article, settings: SummarySettings) -> Summary:
    from briefing.summary.extractive import summarize as run

    return run(article, settings)


def build_digest(articles: Sequence[Article], settings: DigestSettings) -> tuple[DigestSentence, ...]:
    from briefing.digest.build import build_digest as run

    return run(articles, settings)


def extract_quotes(articles: Sequence[Article], settings: QuoteSettings) -> tuple[Quote, ...]:
    from briefing.quotes.extract import extract_quotes as run

    return run(articles, settings)


def build_status(
    articles: Sequence[Article], settings: ConflictSettings, cue_verbs: tuple[str, ...] | None = None
) -> ConflictStatus:
    from briefing.status.build import build_status as run

    return run(articles, settings, cue_verbs)

Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)
# Why the pool may fail to start: no processes in a sandbox or under limits (OSError), a dead
# worker (BrokenProcessPool), or a parent whose std streams have no file descriptor, as inside a
# Textual app ("bad value(s) in fds_to_keep", ValueError). A genuine bug raises again when the
# work is redone in this process, so nothing is hidden by falling back.
_POOL_ERRORS = (BrokenProcessPool, OSError, ValueError)

# Below this many uncached sentences a process pool costs more than it saves
# (starting workers and shipping articles to them takes a few hundred ms).
PARALLEL_MIN_SENTENCES = 3_000
# ... and for a single article: there is nothing to split, and each set-level task gets its
# own pickled copy of it, so one huge article (a million short paragraphs) waited 3.6 s in
# the pool for 1.1 s of work done here. From OFFLOAD_MIN_SENTENCES on, such a set sends only
# the conflict status (the longest task) to a worker, one copy, and computes the rest here
# meanwhile (10,000 names in one article: 2.5 s instead of 3.3 s).
PARALLEL_MIN_ARTICLES = 2
OFFLOAD_MIN_SENTENCES = 1_500
# Articles per summary task: big enough to amortise pickling, small enough to
# keep both workers busy to the end and the progress bar moving.
CHUNK_ARTICLES = 25


@dataclass
class _Plan:
    """What is cached already and what still has to be computed."""

    summaries: dict[str, Summary] = field(default_factory=dict)
    missing: list[Article] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # article id -> summary cache key
    sets: dict[str, Any] = field(default_factory=dict)  # digest/quotes/status found in the cache
    set_keys: dict[str, str] = field(default_factory=dict)


_SET_TYPES: dict[str, Any] = {
    "digest": tuple[DigestSentence, ...],
    "quotes": tuple[Quote, ...],
    "status": ConflictStatus,
}


def analyze(
    articles: Sequence[Article],
    settings: Settings,
    progress: Progress | None = None,
    warnings: Sequence[LoadWarning] = (),
) -> Analysis:
    """Summaries, digest, quotes and conflict status for `articles`."""
    articles = tuple(articles)
    report = _Reporter(progress, len(articles) + len(_SET_TYPES))
    cache = AnalysisCache.open(settings.cache)
    plan = _plan(articles, settings, cache)
    if plan.summaries or plan.sets:
        report.add(len(plan.summaries) + len(plan.sets))
    computed = _compute(articles, plan, settings, report)
    if cache is not None:
        cache.prune()
        for article_id, summary in computed.summaries.items():
            cache.put("summary", plan.keys[article_id], summary)
        for kind, value in computed.sets.items():
            cache.put(kind, plan.set_keys[kind], value)
    summaries = {**plan.summaries, **computed.summaries}
    sets = {**plan.sets, **computed.sets}
    return Analysis(
        articles=articles,
        summaries={a.id: summaries[a.id] for a in articles},
        digest=sets["digest"],
        quotes=_one_name_per_person(sets["quotes"], sets["status"]),
        status=sets["status"],
        warnings=tuple(warnings),
    )


def _one_name_per_person(quotes: tuple[Quote, ...], status: ConflictStatus) -> tuple[Quote, ...]:
    """Quote speakers named as the actor list names the same person (the names engine's
    `adopt_names`), so the two lists of one analysis agree. Done here, after both are
    computed (or read from the cache): they run in parallel."""
    from briefing.nlp.names.canon import adopt_names

    people = [(a.name, a.aliases) for a in status.actors if a.kind == "person"]
    names = adopt_names((q.speaker for q in quotes if q.speaker), people)
    if not names:
        return quotes
    return tuple(replace(q, speaker=names[q.speaker]) if q.speaker in names else q for q in quotes)


class _Reporter:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0
        self.add(0)

    def add(self, n: int) -> None:
        self.done = min(self.total, self.done + n)
        if self.progress is not None:
            self.progress(self.done, self.total)


# --------------------------------------------------------------------------- cache lookups


def _plan(articles: tuple[Article, ...], settings: Settings, cache: AnalysisCache | None) -> _Plan:
    plan = _Plan()
    hashes = {a.id: article_hash(a) for a in articles}
    summary_token = settings_token(settings.summary)
    for article in articles:
        if article.id in plan.keys:
            continue  # the same article twice: one summary
        key = make_key("summary", [hashes[article.id]], summary_token)
        plan.keys[article.id] = key
        found = cache.get("summary", key, Summary) if cache is not None else None
        if found is not None and found.article_id == article.id:
            plan.summaries[article.id] = found
        else:
            plan.missing.append(article)
    content = [hashes[a.id] for a in articles]
    for kind, hint in _SET_TYPES.items():
        key = make_key(kind, content, _set_token(kind, settings))
        plan.set_keys[kind] = key
        found = cache.get(kind, key, hint) if cache is not None else None
        if found is not None:
            plan.sets[kind] = found
    return plan


def _set_token(kind: str, settings: Settings) -> str:
    if kind == "digest":
        return settings_token(settings.digest)
    if kind == "quotes":
        return settings_token(settings.quotes)
    # the status reads names with the quotes' speech verbs (briefing.nlp.names.lexicon)
    return settings_token(settings.conflict, file_fingerprint(settings.conflict.profile), settings.quotes.cue_verbs)


# --------------------------------------------------------------------------- computing


@dataclass
class _Computed:
    summaries: dict[str, Summary] = field(default_factory=dict)
    sets: dict[str, Any] = field(default_factory=dict)


def _compute(articles: tuple[Article, ...], plan: _Plan, settings: Settings, report: _Reporter) -> _Computed:
    todo = [k for k in _SET_TYPES if k not in plan.sets]
    workers = worker_count(settings.cache)
    if workers > 1 and _worth_parallel(articles, plan, todo):
        try:
            return _compute_parallel(articles, plan, settings, report, todo, workers)
        except _POOL_ERRORS as exc:  # no processes here (sandbox, limits): do it all here
            log.warning("parallel analysis unavailable (%s); running in one process", exc)
            drop_pool(workers)
            report.done = len(plan.summaries) + len(plan.sets)
    elif workers > 1 and "status" in todo and sum(len(a.sentences) for a in articles) >= OFFLOAD_MIN_SENTENCES:
        return _compute_offloaded(articles, plan, settings, report, todo, workers)
    return _compute_serial(articles, plan, settings, report, todo)


def _compute_offloaded(
    articles: tuple[Article, ...], plan: _Plan, settings: Settings, report: _Reporter, todo: list[str], workers: int
) -> _Computed:
    """The conflict status in a worker, everything else here at the same time."""
    try:
        future: Future[Any] | None = _pool(workers).submit(_run_set_task, "status", articles, settings)
    except _POOL_ERRORS as exc:
        log.warning("parallel analysis unavailable (%s); running in one process", exc)
        drop_pool(workers)
        future = None
    out = _compute_serial(articles, plan, settings, report, [k for k in todo if k != "status"])
    status = None
    if future is not None:
        try:
            status = future.result()
        except _POOL_ERRORS as exc:
            log.warning("parallel analysis unavailable (%s); running in one process", exc)
            drop_pool(workers)
    out.sets["status"] = status if status is not None else _SET_TASKS["status"](articles, settings)
    report.add(1)
    return out


def worker_count(settings: CacheSettings) -> int:
    if settings.workers > 0:
        return settings.workers
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _worth_parallel(articles: tuple[Article, ...], plan: _Plan, todo: list[str]) -> bool:
    if len(articles) < PARALLEL_MIN_ARTICLES:
        return False
    missing = sum(len(a.sentences) for a in plan.missing)
    if any(k in todo for k in ("quotes", "status")):
        missing += sum(len(a.sentences) for a in articles)
    return missing >= PARALLEL_MIN_SENTENCES


def _compute_serial(
    articles: tuple[Article, ...], plan: _Plan, settings: Settings, report: _Reporter, todo: list[str]
) -> _Computed:
    out = _Computed()
    for article in plan.missing:
        out.summaries[article.id] = summarize(article, settings.summary)
        report.add(1)
    for kind in todo:
        out.sets[kind] = _SET_TASKS[kind](articles, settings)
        report.add(1)
    return out


def _compute_parallel(
    articles: tuple[Article, ...],
    plan: _Plan,
    settings: Settings,
    report: _Reporter,
    todo: list[str],
    workers: int,
) -> _Computed:
    """Set-level tasks first (they are the longest), then summary chunks, all in the pool.

    The digest goes to the pool too: this process only waits, so when it is the
    TUI (analysing from a worker thread) its event loop keeps the GIL to itself
    and keys are answered at once."""
    out = _Computed()
    pool = _pool(workers)
    futures: dict[Future[Any], str | int] = {}
    for kind in todo:
        futures[pool.submit(_run_set_task, kind, articles, settings)] = kind
    missing = plan.missing
    for start in range(0, len(missing), CHUNK_ARTICLES):
        chunk = tuple(missing[start : start + CHUNK_ARTICLES])
        futures[pool.submit(_summarize_chunk, chunk, settings.summary)] = len(chunk)
    for future in as_completed(futures):
        tag = futures[future]
        result = future.result()
        if isinstance(tag, str):
            out.sets[tag] = result
            report.add(1)
        else:
            out.summaries.update((s.article_id, s) for s in result)
            report.add(tag)
    return out


def _summarize_chunk(chunk: tuple[Article, ...], settings: SummarySettings) -> list[Summary]:
    return [summarize(article, settings) for article in chunk]


def _run_set_task(kind: str, articles: tuple[Article, ...], settings: Settings) -> Any:
    return _SET_TASKS[kind](articles, settings)


_SET_TASKS: dict[str, Callable[[Sequence[Article], Settings], Any]] = {
    "digest": lambda articles, s: build_digest(articles, s.digest),
    "quotes": lambda articles, s: extract_quotes(articles, s.quotes),
    "status": lambda articles, s: build_status(articles, s.conflict, s.quotes.cue_verbs),
}


def _pool(workers: int) -> ProcessPoolExecutor:
    """The shared pool; a fork server preloads this module and the products'."""
    return get_pool(workers, preload=(__name__, *_ANALYSIS_MODULES))
