"""`analyze`: everything the app shows for a set of articles, cached and in parallel.

Work units (plan.py): one summary per article; the grouping of the set into
stories (briefing.stories); and per story its digest, quotes and conflict status.
Each unit is looked up in the on-disk cache first; only the misses are computed.
When the misses are many enough to pay for starting processes, and spread over
more than one article, everything goes to a process pool (one worker per core):
the articles' story features in chunks first (the grouping waits for them), the
summaries in chunks, then the stories' parts, the largest stories' parts one task
each (longest first, so the last tasks are short), small stories' packed together.
A long text that is not (one huge article) sends only the status to the pool; otherwise
everything runs here, in order. All paths call the same functions, so they give the
same result.

`progress(done, total)` is called from the calling thread only (the TUI can
forward it to its own thread safely): total = number of articles + 3 per story
(one story is assumed until the grouping is known, then the total is corrected).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefing.analysis.cache import AnalysisCache
from briefing.analysis.plan import (
    PARTS,
    PartKey,
    Plan,
    assemble,
    plan_parts,
    plan_summaries,
    store,
    store_parts,
    store_stories,
    store_summaries,
)
from briefing.analysis.pool import drop_pool, get_pool
from briefing.config import CacheSettings, ConflictSettings, DigestSettings, QuoteSettings, Settings, SummarySettings
from briefing.models import Analysis, Article, ConflictStatus, DigestSentence, LoadWarning, Quote, Story, Summary

if TYPE_CHECKING:
    from briefing.stories.features import ArticleTerms

# The analysis modules pull in NLTK, sumy and the lexicons (about half a second):
# imported on first use, so that importing this module (the TUI does, at start)
# costs nothing before the first screen is drawn.
_ANALYSIS_MODULES = (
    "briefing.summary.extractive",
    "briefing.digest.build",
    "briefing.quotes.extract",
    "briefing.status.build",
    "briefing.stories.grouping",
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


def group(articles: Sequence[Article], settings: Settings, terms: Sequence[ArticleTerms] | None = None
          ) -> tuple[Story, ...]:
    from briefing.stories.grouping import group_stories

    return group_stories(articles, settings.stories, terms)


def story_terms(articles: Sequence[Article]) -> list[ArticleTerms]:
    from briefing.stories.features import article_terms

    return [article_terms(a.title, a.text) for a in articles]


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
# ... and for a single article: there is nothing to split, and each task gets its own
# pickled copy of it, so one huge article (a million short paragraphs) waited 3.6 s in
# the pool for 1.1 s of work done here. From OFFLOAD_MIN_SENTENCES on, such a set sends only
# the conflict status (the longest task) to a worker, one copy, and computes the rest here
# meanwhile (10,000 names in one article: 2.5 s instead of 3.3 s).
PARALLEL_MIN_ARTICLES = 2
OFFLOAD_MIN_SENTENCES = 1_500
# Articles per summary task: big enough to amortise pickling, small enough to
# keep both workers busy to the end and the progress bar moving.
CHUNK_ARTICLES = 25
TERMS_CHUNK = 100  # articles per story-features task
# A story this long (in sentences) has its digest, quotes and status as three tasks; shorter
# stories are packed together, all parts of each, into tasks of about this many sentences.
PACK_SENTENCES = 1_500
_PART_ORDER = ("status", "digest", "quotes")  # longest first

_PART_TASKS: dict[str, Callable[[Sequence[Article], Settings], Any]] = {
    "digest": lambda articles, s: build_digest(articles, s.digest),
    "quotes": lambda articles, s: extract_quotes(articles, s.quotes),
    "status": lambda articles, s: build_status(articles, s.conflict, s.quotes.cue_verbs),
}


def analyze(
    articles: Sequence[Article],
    settings: Settings,
    progress: Progress | None = None,
    warnings: Sequence[LoadWarning] = (),
) -> Analysis:
    """Summaries, stories, and each story's digest, quotes and conflict status for `articles`."""
    articles = tuple(articles)
    cache = AnalysisCache.open(settings.cache)
    plan = plan_summaries(articles, settings, cache)
    report = _Reporter(progress, len(plan.articles) + len(PARTS))
    report.add(len(plan.summaries))
    work = _Work(plan, settings, cache, report)
    if plan.stories is not None:
        work.plan_stories(plan.stories)
    computed = work.run()
    if cache is not None and not computed.stored:
        store(plan, cache, computed.summaries, computed.parts, work.grouped)
    return assemble(plan, articles, {**plan.summaries, **computed.summaries}, computed.parts, warnings)


class _Reporter:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0
        self.add(0)

    def add(self, n: int) -> None:
        self.done = min(self.total, self.done + n)
        if self.progress is not None:
            self.progress(self.done, self.total)

    def resize(self, total: int) -> None:
        self.total = total
        self.add(0)


def worker_count(settings: CacheSettings) -> int:
    if settings.workers > 0:
        return settings.workers
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass
class _Computed:
    summaries: dict[str, Summary] = field(default_factory=dict)
    parts: dict[PartKey, Any] = field(default_factory=dict)
    stored: bool = False  # already written to the cache, as each result came in


_Job = list[tuple[int, tuple[str, ...], tuple[Article, ...]]]  # (story index, parts, its articles)


class _Work:
    """Computes what the plan lacks: here, in the pool, or the status alone in the pool."""

    def __init__(self, plan: Plan, settings: Settings, cache: AnalysisCache | None, report: _Reporter) -> None:
        self.plan, self.settings, self.cache, self.report = plan, settings, cache, report
        self.grouped = False  # the grouping was computed now (and is to be cached)

    def plan_stories(self, stories: tuple[Story, ...]) -> None:
        plan_parts(self.plan, stories, self.settings, self.cache)
        self.report.resize(len(self.plan.articles) + len(PARTS) * len(stories))
        self.report.add(len(self.plan.parts))

    def _group_here(self, terms: Sequence[ArticleTerms] | None = None) -> None:
        self.plan_stories(group(self.plan.articles, self.settings, terms))
        self.grouped = True

    def run(self) -> _Computed:
        workers = worker_count(self.settings.cache)
        if workers > 1 and self._worth_parallel():
            try:
                return self._parallel(workers)
            except _POOL_ERRORS as exc:  # no processes here (sandbox, limits): do it all here
                log.warning("parallel analysis unavailable (%s); running in one process", exc)
                drop_pool(workers)
                self.report.done = len(self.plan.summaries) + len(self.plan.parts)
        elif workers > 1 and _sentences(self.plan.articles) >= OFFLOAD_MIN_SENTENCES:
            return self._offloaded(workers)
        return self._serial()

    def _worth_parallel(self) -> bool:
        plan = self.plan
        if len(plan.articles) < PARALLEL_MIN_ARTICLES:
            return False
        missing = _sentences(plan.missing)
        if plan.stories is None:
            missing += _sentences(plan.articles)
        else:
            missing += sum(_sentences(plan.story_articles(i)) for i in {i for i, _ in plan.todo})
        return missing >= PARALLEL_MIN_SENTENCES

    def _serial(self, skip: tuple[str, ...] = ()) -> _Computed:
        out = _Computed()
        if self.plan.stories is None:
            self._group_here()
        for article in self.plan.missing:
            out.summaries[article.id] = summarize(article, self.settings.summary)
            self.report.add(1)
        for index, kind in self.plan.todo:
            if kind not in skip:
                out.parts[(index, kind)] = _PART_TASKS[kind](self.plan.story_articles(index), self.settings)
                self.report.add(1)
        return out

    def _offloaded(self, workers: int) -> _Computed:
        """The conflict status in a worker, everything else here at the same time."""
        if self.plan.stories is None:
            self._group_here()
        status: _Job = [(i, ("status",), self.plan.story_articles(i)) for i, kind in self.plan.todo if kind == "status"]
        future: Future[Any] | None = None
        if status:
            try:
                future = _pool(workers, self.settings).submit(_run_parts, status, self.settings)
            except _POOL_ERRORS as exc:
                log.warning("parallel analysis unavailable (%s); running in one process", exc)
                drop_pool(workers)
        out = self._serial(skip=("status",))
        results = None
        if future is not None:
            try:
                results = future.result()
            except _POOL_ERRORS as exc:
                log.warning("parallel analysis unavailable (%s); running in one process", exc)
                drop_pool(workers)
        if results is None and status:
            results = _run_parts(status, self.settings)
        for index, kind, value in results or ():
            out.parts[(index, kind)] = value
            self.report.add(1)
        return out

    def _parallel(self, workers: int) -> _Computed:
        """Story features, summaries and story parts, all in the pool.

        The digest goes to the pool too: this process only waits (and groups), so when it
        is the TUI (analysing from a worker thread) its event loop keeps the GIL to itself
        and keys are answered at once."""
        out = _Computed()
        pool = _pool(workers, self.settings)
        futures: dict[Future[Any], str | int] = {}
        articles = self.plan.articles
        terms = [pool.submit(story_terms, articles[start : start + TERMS_CHUNK])
                 for start in range(0, len(articles), TERMS_CHUNK)] if self.plan.stories is None else []
        if not terms:
            self._submit_parts(pool, futures)
        missing = self.plan.missing
        for start in range(0, len(missing), CHUNK_ARTICLES):
            chunk = tuple(missing[start : start + CHUNK_ARTICLES])
            futures[pool.submit(_summarize_chunk, chunk, self.settings.summary)] = len(chunk)
        if terms:
            features = [t for future in terms for t in future.result()]
            terms.clear()  # a future holds its result: the features must go once grouped
            self._group_here(features)
            del features  # about 20 MB per 1,000 articles, not needed past the grouping
            self._submit_parts(pool, futures)
        cache = self.cache
        if cache is not None:  # written as results come in, while the workers go on
            cache.prune()
            if self.grouped:
                store_stories(self.plan, cache)
        for future in as_completed(futures):
            result = future.result()
            if futures[future] == "parts":
                parts = [((index, kind), value) for index, kind, value in result]
                out.parts.update(parts)
                if cache is not None:
                    store_parts(self.plan, cache, parts)
            else:
                out.summaries.update((s.article_id, s) for s in result)
                if cache is not None:
                    store_summaries(self.plan, cache, result)
            self.report.add(len(result))
        out.stored = True
        return out

    def _submit_parts(self, pool: ProcessPoolExecutor, futures: dict[Future[Any], str | int]) -> None:
        for job in story_jobs(self.plan):
            futures[pool.submit(_run_parts, job, self.settings)] = "parts"


def story_jobs(plan: Plan) -> list[_Job]:
    """The stories' missing parts as pool tasks, longest first: a long story's parts one task
    each, short stories' packed together up to PACK_SENTENCES (fewer tasks to ship)."""
    wanted: dict[int, list[str]] = {}
    for index, kind in plan.todo:
        wanted.setdefault(index, []).append(kind)
    size = {index: _sentences(plan.story_articles(index)) for index in wanted}
    jobs: list[_Job] = []
    pack: _Job = []
    packed = 0
    for index in sorted(wanted, key=lambda i: (-size[i], i)):
        kinds = tuple(sorted(wanted[index], key=_PART_ORDER.index))
        articles = plan.story_articles(index)
        if size[index] >= PACK_SENTENCES:
            jobs.extend([[(index, (kind,), articles)] for kind in kinds])
            continue
        pack.append((index, kinds, articles))
        packed += size[index] * len(kinds)
        if packed >= PACK_SENTENCES:
            jobs.append(pack)
            pack, packed = [], 0
    if pack:
        jobs.append(pack)
    return jobs


def _sentences(articles: Sequence[Article]) -> int:
    return sum(len(a.sentences) for a in articles)


def _summarize_chunk(chunk: tuple[Article, ...], settings: SummarySettings) -> list[Summary]:
    return [summarize(article, settings) for article in chunk]


def _run_parts(job: _Job, settings: Settings) -> list[tuple[int, str, Any]]:
    return [(index, kind, _PART_TASKS[kind](articles, settings)) for index, kinds, articles in job for kind in kinds]


def _pool(workers: int, settings: Settings) -> ProcessPoolExecutor:
    """The shared pool; a fork server preloads this module and the products'. Forked from
    here, the workers share the tables the analysis reads, loaded here first (warm.py)."""
    from briefing.analysis.warm import warm_up

    return get_pool(workers, preload=(__name__, *_ANALYSIS_MODULES), before_fork=lambda: warm_up(settings))
