"""What is new in a brief against the last saved brief of the same story.

An analyst's second question every morning, after "what happened", is "what
changed since I last wrote": the reader of yesterday's brief needs only the
difference. Three kinds of change, each judged the way a careful reader would:

- a development is new when the last brief has nothing that says the same:
  not the same sentence of the same article, and no near-duplicate (most of
  the shorter sentence's content words in the other, two shared word pairs,
  and no number of one missing from the other: "killed 5" and "killed 12" are
  two reports, not one);
- a figure moved when the same series (kind, and subject once figures carry
  one: "killed, Palestinians") has another headline value than last time (the
  largest count of the series in each brief, the one a tally's update raises);
  a series the last brief did not have is a new figure. A count of a single
  incident is no series: when figures say their scope, incidents are left out;
- a key quote is new when the last brief did not carry the same words (or a
  longer quotation containing them);
- and neither is new when every article it comes from was already loaded when
  the last brief was written: the analyst had it then and left it out (a pile
  read again with one more day's files is not a day of new developments).

Pure functions over plain dataclasses: the brief renderer (a "Since the last
brief" section) and the app (a marker on new items) both call them, and the
tests feed them briefs as they are. Figures are read with `getattr(figure,
"subject"/"scope", None)` until those fields exist, so a comparison by kind
alone becomes one by kind and subject without a change here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from briefing.codec import from_json
from briefing.models import Figure, Quote

if TYPE_CHECKING:
    from briefing.brief.model import Brief, BriefItem
    from briefing.digest.features import Terms

NEAR_DUPLICATE = 0.6  # share of the shorter sentence's content stems found in the other (as the digest)
MIN_SHARED_BIGRAMS = 2
DEVELOPMENT_KINDS = frozenset({"digest", "sentence"})
DEVELOPMENT_SECTIONS = frozenset({"bottom_line", "developments"})  # where a free-text item is a development
NOT_A_SERIES = frozenset({"incident"})  # figure scopes that are one event's count, not a running total
_LETTERS = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class Development:
    """A development line of a brief: its text and where it came from (article ids, sentence)."""

    text: str
    articles: tuple[str, ...] = ()
    sentence: int | None = None


@dataclass(frozen=True, slots=True)
class BriefContent:
    """What a comparison looks at in one brief."""

    developments: tuple[Development, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    date: dt.date | None = None
    loaded: frozenset[str] = frozenset()  # ids of the articles loaded when it was written


@dataclass(frozen=True, slots=True)
class FigureMove:
    """One series whose headline value changed: "Killed (Palestinians): 137 -> 163, Gaza Health Ministry"."""

    kind: str
    subject: str | None
    before: Figure
    after: Figure

    @property
    def change(self) -> int:
        return self.after.value - self.before.value

    def describe(self) -> str:
        """One plain line (no markup): the series, the two values, who counted the new one."""
        series = self.kind.capitalize() + (f" ({self.subject})" if self.subject else "")
        counted = f", {self.after.reported_by}" if self.after.reported_by else ""
        return f"{series}: {self.before.value:,} -> {self.after.value:,}{counted}"


@dataclass(frozen=True, slots=True)
class Changes:
    """What is new against `previous_date`'s brief; `empty` when nothing is (or there was no brief)."""

    previous_date: dt.date | None
    new_developments: tuple[Development, ...] = ()
    moved_figures: tuple[FigureMove, ...] = ()
    new_figures: tuple[Figure, ...] = ()
    new_quotes: tuple[Quote, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.new_developments or self.moved_figures or self.new_figures or self.new_quotes)


def compare_briefs(current: BriefContent, previous: BriefContent | None) -> Changes:
    """What `current` says that `previous` (the last brief of its story) did not."""
    if previous is None:
        return Changes(None)
    baseline = Baseline(previous)
    moved: list[FigureMove] = []
    fresh: list[Figure] = []
    for key, figure in headline_figures(current.figures).items():
        before = baseline.figures.get(key)
        if before is None:
            fresh.append(figure)
        elif before.value != figure.value:
            moved.append(FigureMove(key[0], key[1], before, figure))
    return Changes(
        previous.date,
        tuple(d for d in current.developments if baseline.development_is_new(d)),
        tuple(moved),
        tuple(fresh),
        tuple(q for q in current.quotes if baseline.quote_is_new(q)),
    )


class Baseline:
    """The last brief, ready to be asked about one piece at a time (the app marks new items with it)."""

    def __init__(self, previous: BriefContent) -> None:
        self.previous = previous
        self.figures = headline_figures(previous.figures)
        self._origins = {(a, d.sentence) for d in previous.developments if d.sentence is not None for a in d.articles}
        self._terms = [_terms(d.text) for d in previous.developments]
        self._quotes = [_letters(q.text) for q in previous.quotes]

    def already_loaded(self, article_ids: Iterable[str]) -> bool:
        """Every one of these articles was loaded when the last brief was written (False for none)."""
        ids = tuple(article_ids)
        return bool(ids) and all(a in self.previous.loaded for a in ids)

    def development_is_new(self, development: Development) -> bool:
        if self.already_loaded(development.articles):
            return False
        if development.sentence is not None and any(
            (a, development.sentence) in self._origins for a in development.articles
        ):
            return False
        terms = _terms(development.text)
        return not any(same_development(terms, old) for old in self._terms)

    def quote_is_new(self, quote: Quote) -> bool:
        words = _letters(quote.text)
        if self.already_loaded(quote.articles):
            return False
        return bool(words.strip()) and not any(words in old or old in words for old in self._quotes if old.strip())

    def figure_before(self, figure: Figure) -> Figure | None:
        """The last brief's headline figure of this figure's series, if it had one."""
        return self.figures.get(series_key(figure))


def series_key(figure: Figure) -> tuple[str, str | None]:
    """(kind, subject): which running count a figure belongs to; kind alone while figures carry no subject."""
    subject = getattr(figure, "subject", None)
    return figure.kind, subject if isinstance(subject, str) and subject.strip() else None


def headline_figures(figures: Iterable[Figure]) -> dict[tuple[str, str | None], Figure]:
    """Each series' headline figure: its largest count (a running tally only grows; of two
    sources' counts, the row a reader looks at first). Incident counts and subjectless
    "other" figures (unrelated things counted) form no series."""
    found: dict[tuple[str, str | None], Figure] = {}
    for figure in figures:
        key = series_key(figure)
        if getattr(figure, "scope", None) in NOT_A_SERIES or (key[0] == "other" and key[1] is None):
            continue
        if key not in found or figure.value > found[key].value:
            found[key] = figure
    return found


def same_development(a: Terms, b: Terms) -> bool:
    """Near-duplicates, the digest's test (`briefing.digest.build`), with numbers kept apart."""
    small = min(len(a.unigrams), len(b.unigrams))
    if small == 0:
        return False
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return False  # "killed 137" yesterday, "killed 163" today: a new report (and a moved figure)
    shared = len(a.unigrams & b.unigrams) >= NEAR_DUPLICATE * small
    return shared and len(a.bigrams & b.bigrams) >= MIN_SHARED_BIGRAMS


# --------------------------------------------------------------------------- reading briefs


def content_of_brief(brief: Brief) -> BriefContent:
    """A Brief (the one being written) as comparison content."""
    return _content((_item_fields(item) for item in brief.items), brief.date)


def content_of_saved(data: Mapping[str, Any], loaded: Iterable[str] = ()) -> BriefContent:
    """A recorded brief's JSON (`SavedBrief.data`) as comparison content.

    Figures and quotes are decoded with the codec, which takes every field the
    current `Figure` has (a `subject` recorded before this version knew it comes
    back once it does); an item this version cannot read is left out, not fatal. `loaded`:
    the ids of the articles loaded when it was written (the store's brief_articles)."""
    items = data.get("items")
    fields: list[tuple[str, str, Any]] = []
    for raw in items if isinstance(items, list) else []:
        try:
            fields.append(_saved_item_fields(raw))
        except (TypeError, ValueError, KeyError, AttributeError):
            continue
    try:
        date = dt.date.fromisoformat(str(data.get("date")))
    except ValueError:
        date = None
    return replace(_content(fields, date), loaded=frozenset(loaded))


def _item_fields(item: BriefItem) -> tuple[str, str, Any]:
    o = item.origin
    return item.section, item.text, (o.kind, o.article_ids, o.sentence, o.quote, o.figure)


def _saved_item_fields(raw: Any) -> tuple[str, str, Any]:
    origin = raw["origin"]
    quote = None if origin.get("quote") is None else from_json(Quote, origin["quote"])
    figure = None if origin.get("figure") is None else from_json(Figure, origin["figure"])
    ids = tuple(str(a) for a in origin.get("article_ids") or ())
    sentence = origin.get("sentence")
    return str(raw["section"]), str(raw["text"]), (
        str(origin["kind"]), ids, sentence if isinstance(sentence, int) else None, quote, figure,
    )  # fmt: skip


def _content(items: Iterable[tuple[str, str, Any]], date: dt.date | None) -> BriefContent:
    developments: list[Development] = []
    figures: list[Figure] = []
    quotes: list[Quote] = []
    for section, text, (kind, ids, sentence, quote, figure) in items:
        if figure is not None:
            figures.append(figure)
        elif quote is not None:
            quotes.append(quote)
        elif kind in DEVELOPMENT_KINDS or (kind == "free" and section in DEVELOPMENT_SECTIONS):
            developments.append(Development(text, tuple(ids), sentence))
    return BriefContent(tuple(developments), tuple(figures), tuple(quotes), date)


def _terms(text: str) -> Terms:
    from briefing.digest.features import terms  # the stemmer loads with the first comparison

    return terms(text)


def _letters(text: str) -> str:
    """The words alone, space-padded so that containment is by whole words ("ill win" is not in "will win")."""
    return f" {_LETTERS.sub(' ', text.casefold()).strip()} "


__all__ = [
    "Baseline", "BriefContent", "Changes", "Development", "FigureMove", "compare_briefs", "content_of_brief",
    "content_of_saved", "headline_figures", "same_development", "series_key",
]  # fmt: skip
