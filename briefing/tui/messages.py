"""App-wide messages: events go up as these, data comes down as attributes.

Thread workers never touch widgets: they post one of these (post_message is
thread-safe) and the screen reacts. Screens never call back into the app: a
change to the brief is announced with `BriefChanged`, which the app handles
(autosave) before it hands the new state down to the screens.
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
    """Progress of a long job; `stage` is shown beside the bar.

    A newer step replaces one still waiting in the queue (as toolong's messages do):
    only the latest count matters, and 1,000 queued steps would each cost a repaint.
    """

    stage: str
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LoadProgress)


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


@dataclass
class WorkFailed(Message):
    """A worker failed; `cause` says why in one line. `retryable`: the retry key applies."""

    group: str
    description: str
    cause: str
    retryable: bool


@dataclass
class BriefChanged(Message):
    """The brief was changed by a screen; the app autosaves the draft and refreshes the views.

    `autosave=False` for changes that are not the user's edits (a restored draft, a save);
    `focus_item` is the item the brief builder should put its cursor on.
    """

    autosave: bool = True
    focus_item: str | None = None
