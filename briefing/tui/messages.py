"""App-wide messages posted by workers; handlers update widgets on the UI thread.

Thread workers never touch widgets: they post one of these (post_message is
thread-safe) and the screen reacts.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from briefing.models import Analysis, Article, LoadWarning, Summary


@dataclass
class ArticlesLoaded(Message):
    """A batch of articles (and the warnings met on the way) is ready to show."""

    articles: list[Article]
    warnings: list[LoadWarning]


@dataclass
class LoadProgress(Message):
    """Progress of a long job; `stage` is shown beside the bar."""

    stage: str
    done: int
    total: int


@dataclass
class LoadFinished(Message):
    """Every input has been read; analysis starts next."""

    count: int


@dataclass
class AnalysisReady(Message):
    """The cross-article analysis (digest, quotes, status) is done."""

    analysis: Analysis


@dataclass
class SummaryReady(Message):
    """A summary for one article at the current length/algorithm was computed."""

    summary: Summary


@dataclass
class JumpTo(Message):
    """Show this sentence of this article in the reader."""

    article_id: str
    sentence: int
