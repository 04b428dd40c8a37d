"""The state behind the screens: loaded articles, analysis, live summary settings, the brief.

Plain Python with no widgets, so the rules (length steps, algorithm cycling,
what counts as unsaved, batching of inputs) are testable without a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from briefing.brief.budget import BudgetReport, over_budget
from briefing.brief.model import Brief, item_article_ids
from briefing.brief.save import FileStamp
from briefing.config import ALGORITHMS, Settings, SummarySettings
from briefing.ingest import list_sources
from briefing.models import Analysis, Article, LoadWarning, Quote, Story, Summary

BATCH = 25  # articles in the first batch: small enough that the first ones show at once
MAX_BATCH = 200  # later batches double up to this: each batch costs the screen a repaint, and
# with 1,000 files forty repaints competing with the loader for the interpreter took 4.2 s

SummaryKey = tuple[str, SummarySettings]  # (article id, the settings it was summarised with)


def summary_key(article_id: str, s: SummarySettings) -> SummaryKey:
    return (article_id, s)


def step_length(s: SummarySettings, delta: int) -> SummarySettings:
    """One step longer (+1) or shorter (-1) in whichever unit the user configured."""
    if s.sentences is not None:
        return replace(s, sentences=max(1, s.sentences + delta))
    if s.ratio is not None:
        return replace(s, ratio=round(min(1.0, max(0.05, s.ratio + 0.05 * delta)), 2))
    if s.words is not None:
        return replace(s, words=max(25, s.words + 25 * delta))
    return replace(s, sentences=max(1, 3 + delta))


def next_algorithm(current: str) -> str:
    order = list(ALGORITHMS)
    return order[(order.index(current) + 1) % len(order)] if current in order else order[0]


def plan_batches(
    paths: Sequence[str], size: int = BATCH, max_files: int | None = None
) -> tuple[list[list[str]], list[LoadWarning]]:
    """Split the inputs so articles can be shown as each batch is read.

    The files are listed by ingestion itself (same walk, order, cap and warnings as a
    load); because ingestion then sees one batch at a time, the cap is applied here,
    over all batches.
    """
    warnings: list[LoadWarning] = []
    sources = list_sources(paths, max_files if max_files is not None else sys.maxsize, warnings)
    return _chunks([str(s) for s in sources], size), warnings


def _chunks(items: list[str], size: int) -> list[list[str]]:
    """`size` items first, then twice as many each time, up to MAX_BATCH (or `size` if larger)."""
    chunks: list[list[str]] = []
    start = 0
    while start < len(items):
        chunks.append(items[start : start + size])
        start += size
        size = min(size * 2, max(MAX_BATCH, size))
    return chunks


class Session:
    """Everything the app knows; screens read it and call its small operations."""

    def __init__(self, settings: Settings, brief: Brief | None = None) -> None:
        self.settings = settings
        self.summary_settings: SummarySettings = settings.summary
        self.articles: dict[str, Article] = {}
        self.warnings: list[LoadWarning] = []
        self.analysis: Analysis | None = None
        self.summaries: dict[SummaryKey, Summary] = {}
        self.brief: Brief = brief or Brief.new(settings)
        # The content last written to a file: undoing back to it means nothing is unsaved.
        self.saved_content: tuple[object, ...] | None = self.brief.content_key()
        self.saved_path: Path | None = None
        self.saved_stamp: FileStamp | None = None  # the file as we left it, to notice other writers
        self._meter: tuple[tuple[object, ...], BudgetReport] | None = None
        self.story: str | None = None  # the story the status panel, digest and quotes show
        self.story_chosen = False  # chosen by the user (S, Enter on a header), not the main one by default

    # -- stories --------------------------------------------------------------------------

    @property
    def stories(self) -> tuple[Story, ...]:
        return self.analysis.stories if self.analysis is not None else ()

    def set_analysis(self, analysis: Analysis) -> None:
        """A new analysis (each loading batch brings one). The story shown stays when it is still
        there (same articles); a story the user chose that gained or lost articles is followed to
        the new story sharing most of its articles; otherwise the main one is shown."""
        before = next((s for s in self.stories if s.id == self.story), None) if self.story_chosen else None
        self.analysis = analysis
        if self.story in {s.id for s in analysis.stories}:
            return
        self.story, self.story_chosen = analysis.story, False
        if before is not None:
            members = set(before.articles)
            shared, heir = max(((len(members & set(s.articles)), s.id) for s in analysis.stories), default=(0, None))
            if shared * 2 > len(members):  # most of its articles: still the story the user chose
                self.story, self.story_chosen = heir, True

    def story_view(self) -> Analysis | None:
        """The analysis with its top-level digest, quotes and status those of the story shown."""
        analysis = self.analysis
        if analysis is None or self.story is None or self.story == analysis.story:
            return analysis
        try:
            return analysis.for_story(self.story)
        except KeyError:
            return analysis

    def choose_story(self, story_id: str) -> bool:
        """Show this story; False when no such story is loaded (or it is shown already)."""
        if story_id == self.story or story_id not in {s.id for s in self.stories}:
            return False
        self.story, self.story_chosen = story_id, True
        return True

    def next_story(self, step: int = 1) -> Story | None:
        """The story after (or before) the one shown, round the list; None with fewer than two."""
        stories = self.stories
        if len(stories) < 2:
            return None
        ids = [s.id for s in stories]
        at = ids.index(self.story) if self.story in ids else 0
        chosen = stories[(at + step) % len(stories)]
        self.story, self.story_chosen = chosen.id, True
        return chosen

    def story_number(self) -> tuple[int, int]:
        """(the story shown, counted from 1 in the list; how many stories)."""
        ids = [s.id for s in self.stories]
        return (ids.index(self.story) + 1 if self.story in ids else 0), len(ids)

    def quotes_for(self, article_id: str) -> tuple[Quote, ...] | None:
        """The quotes of the story this article belongs to (its own are among them); None before the analysis."""
        if self.analysis is None:
            return None
        story = self.analysis.story_of(article_id)
        return story.quotes if story is not None else self.analysis.quotes

    # -- articles -------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> list[Article]:
        """Keep the new ones and return them; the same report in two batches is one article
        (ingestion merges duplicates within a batch; this does it across batches, saying so)."""
        fresh: list[Article] = []
        for article in articles:
            original = self.articles.get(article.id)
            if original is None:
                self.articles[article.id] = article
                fresh.append(article)
            else:
                self.warnings.append(LoadWarning(article.location, f"same text as {original.location}; loaded once"))
        return fresh

    def titles(self) -> dict[str, str]:
        """Short names for citing articles in the panels: the outlet, else the title."""
        return {a.id: a.source or a.title for a in self.articles.values()}

    # -- summaries ------------------------------------------------------------------------

    def summary_for(self, article_id: str) -> Summary | None:
        """The summary at the current settings, if already computed (here or by the analysis)."""
        key = summary_key(article_id, self.summary_settings)
        found = self.summaries.get(key)
        if found is None and self.analysis is not None and self.summary_settings == self.settings.summary:
            found = self.analysis.summaries.get(article_id)
        return found

    def store_summary(self, summary: Summary, settings: SummarySettings) -> None:
        self.summaries[summary_key(summary.article_id, settings)] = summary

    def change_length(self, delta: int) -> SummarySettings:
        self.summary_settings = step_length(self.summary_settings, delta)
        return self.summary_settings

    def cycle_algorithm(self) -> str:
        self.summary_settings = replace(self.summary_settings, algorithm=next_algorithm(self.summary_settings.algorithm))
        return self.summary_settings.algorithm

    # -- brief ----------------------------------------------------------------------------

    @property
    def unsaved(self) -> bool:
        """Items that are not in the last saved file (compared by content, so undo can clear it)."""
        return bool(self.brief.items) and self.brief.content_key() != self.saved_content

    def mark_saved(self, path: Path, stamp: FileStamp | None = None) -> None:
        self.saved_content = self.brief.content_key()
        self.saved_path = path
        self.saved_stamp = stamp

    def replace_brief(self, brief: Brief, saved: bool = False) -> None:
        """Show `brief` instead, as one change that undo reverses (the Brief object stays the same)."""
        self.brief.replace_with(brief)
        self.remember_sources()
        if saved:
            self.saved_content = self.brief.content_key()

    def remember_sources(self) -> None:
        """Let the brief keep the details of the loaded articles it cites (for drafts and later days)."""
        cited = self.brief.cited_ids()
        self.brief.remember_sources(self.articles[a] for a in cited if a in self.articles)

    def not_loaded_counts(self, brief: Brief | None = None) -> tuple[int, int]:
        """(items citing an article that is not loaded, those of them the brief has no details for)."""
        brief = brief or self.brief
        missing = unknown = 0
        for item in brief.items:
            absent = [a for a in item_article_ids(item) if a not in self.articles]
            if absent:
                missing += 1
                unknown += any(a not in brief.sources for a in absent)
        return missing, unknown

    def used_articles(self) -> frozenset[str]:
        return frozenset(a for item in self.brief.items for a in item.origin.article_ids)

    def page_meter(self) -> BudgetReport:
        """The page meter. Remembered until the brief or what it cites changes: the top bar asks
        on every loading and analysis step, and rendering plus counting takes several ms."""
        key = (id(self.brief), self.brief.revision, id(self.analysis), len(self.articles), self.story)
        if self._meter is None or self._meter[0] != key:
            self._meter = (key, over_budget(self.brief, self.analysis_view()))
        return self._meter[1]

    def analysis_view(self) -> Analysis:
        """The analysis when done (of the story shown: the brief's date is that story's); before that,
        the loaded articles alone (enough to cite sources)."""
        view = self.story_view()
        if view is not None:
            return view
        return Analysis(articles=tuple(self.articles.values()), summaries={}, warnings=tuple(self.warnings))
