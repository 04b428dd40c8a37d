"""The plain data shared by every layer.

Everything the TUI shows and the CLI prints is one of these dataclasses, so the
analysis can be produced and tested without a terminal. They are frozen where
they can be: an analysed article never changes, and a cached result can be
shared between threads without copying.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from briefing.config import SummarySettings


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article, located by character span in `Article.text`."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Article:
    """One loaded news article, already sanitised and split.

    `id` is a short hash of the normalised text, so loading the same report
    twice (even from two paths) gives one article.
    """

    id: str
    title: str
    source: str | None
    published: dt.date | None
    text: str
    paragraphs: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    words: int
    path: str | None = None
    url: str | None = None
    notices: tuple[str, ...] = ()  # e.g. "truncated to 50,000 words"
    # news | opinion | transcript (columns, analysis and interviews are "opinion"): only news
    # reports feed the bottom line and the key developments (see ingest/kinds.py)
    kind: str = "news"

    @property
    def location(self) -> str:
        """Where the article came from, for citations and messages."""
        return self.url or self.path or self.id


@dataclass(frozen=True, slots=True)
class LoadWarning:
    """A file, feed or URL that could not be used, and why, in words a user understands."""

    location: str
    reason: str

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Summary:
    """An extractive summary: the chosen sentence indexes, in document order, and the
    settings (algorithm and length) it was made with."""

    article_id: str
    settings: SummarySettings
    indexes: tuple[int, ...]
    note: str | None = None  # e.g. "input capped at 400 sentences for lexrank"

    @property
    def algorithm(self) -> str:
        return self.settings.algorithm


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """Points at one sentence of one article (evidence, origins of brief items)."""

    article_id: str
    sentence: int
    text: str


@dataclass(frozen=True, slots=True)
class DigestSentence:
    """One sentence of the cross-article digest, with every article that supports it."""

    text: str
    articles: tuple[str, ...]
    origin: SentenceRef
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation; one entry even when several articles carry it."""

    text: str
    speaker: str | None
    role: str | None
    cue: str | None
    partial: bool
    articles: tuple[str, ...]
    locations: tuple[SentenceRef, ...]
    score: float = 0.0
    attribution: str | None = None  # what names the speaker: named | joint | spokesperson | statement | description | pronoun | continued | adjacent (briefing/quotes/evidence.py)


@dataclass(frozen=True, slots=True)
class Figure:
    """A reported number (deaths, displaced, troops...), never averaged with others.

    Two figures can disagree only when they count the same thing at the same time:
    one kind, one subject, one scope, overlapping `as_of`. A running total that
    rises from one day to the next is an update (`earlier`), not a disagreement.
    """

    kind: str  # killed | injured | displaced | refugees | troops | other
    value: int
    qualifier: str  # at least | over | nearly | about | exact | up to
    text: str
    reported_by: str | None
    article: str
    evidence: SentenceRef | None = None
    base: int | None = None  # "nearly half of ... about 23 million": value is the share, base the whole
    fraction: float | None = None
    disagreement: bool = False
    subject: str | None = None  # who was counted, as the text says: "Palestinians", "civilians in Khan Sheikhoun"
    # incident (one attack or day) | cumulative (running total) | background (earlier war); None: not said
    # (a figure recorded before scopes existed; the status module always sets it)
    scope: str | None = None
    as_of: dt.date | None = None  # the day the count refers to: stated, else the article's date
    earlier: int | None = None  # a running total's previous value in the set ("137 -> 163 since 20 Nov")
    earlier_as_of: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    side: str  # from the profile, else "unknown"
    mentions: int
    aliases: tuple[str, ...] = ()
    kind: str = "unknown"  # person | state | armed group | organisation | unknown


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    mentions: int


@dataclass(frozen=True, slots=True)
class Ceasefire:
    state: str = "none"  # none | holding | fragile | violated | collapsed
    since: dt.date | None = None
    brokers: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    evidence: tuple[SentenceRef, ...] = ()
    since_inferred: bool = False  # the year or month came from context, not the text


@dataclass(frozen=True, slots=True)
class Negotiations:
    state: str = "none"  # none | planned | under way | resumed | suspended | collapsed | concluded
    venue: str | None = None
    mediator: str | None = None
    parties: tuple[str, ...] = ()
    sticking_points: tuple[str, ...] = ()
    evidence: tuple[SentenceRef, ...] = ()
    mediator_role: str | None = None


@dataclass(frozen=True, slots=True)
class Trend:
    label: str = "unclear"  # escalating | de-escalating | mixed | unclear
    escalating: tuple[SentenceRef, ...] = ()
    de_escalating: tuple[SentenceRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    date: dt.date | None
    text: str
    article: str
    evidence: SentenceRef | None = None
    when: str | None = None  # the date as precisely as known ("March 2016", "Monday")
    date_inferred: bool = False


@dataclass(frozen=True, slots=True)
class ConflictStatus:
    actors: tuple[Actor, ...] = ()
    locations: tuple[Place, ...] = ()
    figures: tuple[Figure, ...] = ()
    ceasefire: Ceasefire = field(default_factory=Ceasefire)
    negotiations: Negotiations = field(default_factory=Negotiations)
    trend: Trend = field(default_factory=Trend)
    timeline: tuple[Event, ...] = ()
    background: tuple[Figure, ...] = ()  # earlier wars' and periods' counts: context, never current figures
    # states and armed groups shown attacking that the profile gives no side (Parties would omit them)
    unsided_attackers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about the same events (one war's several days), and what is computed over them.

    `id` is a short hash of the member article ids: the same articles make the same id.
    `title` is the headline of the article most representative of the story; `keywords`
    the names its articles share most. The digest, quotes and status are this story's only.
    """

    id: str
    title: str
    articles: tuple[str, ...]  # article ids, in the order the articles were loaded
    keywords: tuple[str, ...] = ()
    digest: tuple[DigestSentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    status: ConflictStatus = field(default_factory=ConflictStatus)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything `analyze` produces for a set of articles.

    `digest`, `quotes` and `status` describe one story, `story` (the id of the largest
    unless another was chosen: `for_story`); every story carries its own in `stories`.
    """

    articles: tuple[Article, ...]
    summaries: dict[str, Summary]  # by article id
    digest: tuple[DigestSentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    status: ConflictStatus = field(default_factory=ConflictStatus)
    warnings: tuple[LoadWarning, ...] = ()
    stories: tuple[Story, ...] = ()  # largest first
    story: str | None = None  # the story the top-level digest, quotes and status describe

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)

    @property
    def main_story(self) -> Story | None:
        """The story the top-level results describe."""
        return next((s for s in self.stories if s.id == self.story), None)

    def story_of(self, article_id: str) -> Story | None:
        return next((s for s in self.stories if article_id in s.articles), None)

    def for_story(self, story_id: str) -> Analysis:
        """The same analysis with its top-level results describing another story (KeyError if unknown)."""
        story = next((s for s in self.stories if s.id == story_id), None)
        if story is None:
            raise KeyError(story_id)
        return replace(self, digest=story.digest, quotes=story.quotes, status=story.status, story=story.id)
