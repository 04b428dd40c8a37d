"""The brief being assembled: sections, items that remember where they came from, undo.

The model is plain Python so the TUI, `briefing build` and the tests share one
implementation. Items are frozen and the item list is a tuple, so an undo
snapshot is just a reference to the previous tuple: cheap enough to take on
every change.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from briefing.brief.duplicates import find_duplicate
from briefing.brief.sources import SourceInfo
from briefing.codec import to_json
from briefing.models import Article, Figure, Quote

if TYPE_CHECKING:
    from briefing.config import Settings
    from briefing.store.changes import Baseline

SECTION_IDS = ("bottom_line", "changes", "developments", "quotes", "status", "notes", "sources")
ORIGIN_KINDS = ("sentence", "digest", "quote", "figure", "status", "free")
DEFAULT_HEADINGS = {
    "bottom_line": "Bottom line",
    "changes": "Since the last brief",
    "developments": "Key developments",
    "quotes": "Key quotes",
    "status": "Conflict status",
    "notes": "Analyst notes",
    "sources": "Sources",
}
# Where an item goes when the caller does not say: what a reader expects to find there.
DEFAULT_SECTION = {
    "sentence": "developments",
    "digest": "developments",
    "quote": "quotes",
    "figure": "status",
    "status": "status",
    "free": "notes",
}
# The sources list is generated from the citations, "Since the last brief" from the comparison with
# the last saved brief (brief/changes_section.py); nobody puts items there by hand.
GENERATED_SECTIONS = frozenset({"sources", "changes"})
UNDO_DEPTH = 100
DRAFT_FORMAT = 1


class BriefError(ValueError):
    """An operation the brief cannot do (unknown item or section); the message says which."""


class DuplicateItemError(BriefError):
    """The item is already in the brief; `existing` is the item it repeats."""

    def __init__(self, message: str, existing: BriefItem) -> None:
        super().__init__(message)
        self.existing = existing


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    heading: str


@dataclass(frozen=True, slots=True)
class ItemOrigin:
    """Where an item came from, so it can cite its articles after any edit of its text."""

    kind: str  # sentence | digest | quote | figure | status | free
    article_ids: tuple[str, ...] = ()
    sentence: int | None = None
    quote: Quote | None = None
    figure: Figure | None = None
    field: str | None = None  # status field (trend, ceasefire, negotiations, ...) or figure kind

    def __post_init__(self) -> None:
        if self.kind not in ORIGIN_KINDS:
            raise BriefError(f"unknown item origin {self.kind!r} (expected one of {', '.join(ORIGIN_KINDS)})")

    @classmethod
    def free(cls) -> ItemOrigin:
        return cls("free")


@dataclass(frozen=True, slots=True)
class BriefItem:
    id: str
    section: str
    text: str
    origin: ItemOrigin
    rank: float = 0.0  # higher is more important; the budget drops the lowest first


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """Everything undo can restore; `replace_with` changes all of it, ordinary edits title and items."""

    title: str
    items: tuple[BriefItem, ...]
    date: dt.date
    sections: tuple[Section, ...]
    max_words: int


class Brief:
    """A one-page brief in progress.

    `items` is a tuple in display order (within a section the order is the
    order of the tuple). `revision` increases on every change, undo included,
    so a view or the draft store can tell cheaply whether anything changed.
    """

    def __init__(
        self,
        title: str,
        date: dt.date,
        sections: Iterable[Section] = (),
        items: Iterable[BriefItem] = (),
        *,
        max_words: int = 600,
        revision: int = 0,
        next_id: int | None = None,
    ) -> None:
        self.title = title
        self.date = date
        self.sections: tuple[Section, ...] = tuple(sections) or tuple(
            Section(s, DEFAULT_HEADINGS[s]) for s in SECTION_IDS
        )
        self.items: tuple[BriefItem, ...] = tuple(items)
        self.max_words = max_words
        self.revision = revision
        self._next_id = next_id if next_id is not None else _first_free_id(self.items)
        self._history: deque[_Snapshot] = deque(maxlen=UNDO_DEPTH)
        # Details of the articles the items cite, for when those articles are not loaded.
        # Only grows (undo may bring back an item citing any of them); saved for cited ids only.
        self.sources: dict[str, SourceInfo] = {}
        # The last saved brief of the same story, for "Since the last brief" (None: no such brief).
        self.since_last: Baseline | None = None

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def new(cls, settings: Settings, date: dt.date | None = None) -> Brief:
        """An empty brief shaped by the user's `brief` settings (sections, headings, title, budget)."""
        seen: set[str] = set()
        sections = []
        for s in settings.brief.sections:
            if s.id in SECTION_IDS and s.id not in seen:
                seen.add(s.id)
                sections.append(Section(s.id, s.heading or DEFAULT_HEADINGS[s.id]))
        return cls(
            settings.brief.title,
            date or dt.date.today(),
            sections or [Section(s, DEFAULT_HEADINGS[s]) for s in SECTION_IDS],
            max_words=settings.brief.max_words,
        )

    # -- queries ------------------------------------------------------------------------------

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sections)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def items_in(self, section_id: str) -> tuple[BriefItem, ...]:
        return tuple(i for i in self.items if i.section == section_id)

    def item(self, item_id: str) -> BriefItem:
        for it in self.items:
            if it.id == item_id:
                return it
        raise BriefError(f"no item {item_id!r} in the brief")

    def default_section(self, origin: ItemOrigin) -> str:
        """The section an item of this origin goes to; falls back when the user removed that section."""
        preferred = DEFAULT_SECTION[origin.kind]
        for candidate in (preferred, "notes", "developments"):
            if candidate in self.section_ids:
                return candidate
        editable = [s for s in self.section_ids if s not in GENERATED_SECTIONS]
        if not editable:
            raise BriefError("the brief has no section that can hold items (check brief.sections)")
        return editable[0]

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    def cited_ids(self) -> frozenset[str]:
        """Every article id an item cites (through its origin, quote or figure)."""
        return frozenset(a for it in self.items for a in item_article_ids(it))

    def content_key(self) -> tuple[object, ...]:
        """What a saved file shows; equal keys mean nothing a reader could see has changed."""
        return (self.title, self.date, self.sections, self.items)

    def duplicate_of(self, text: str, origin: ItemOrigin) -> BriefItem | None:
        """The item that already has this origin (same sentence, quote, figure or status row), if any."""
        return find_duplicate(self.items, text, origin)

    # -- operations ---------------------------------------------------------------------------

    def add(
        self,
        text: str,
        origin: ItemOrigin,
        section: str | None = None,
        *,
        rank: float | None = None,
        position: int | None = None,
        allow_duplicate: bool = False,
    ) -> BriefItem:
        """Add an item at the end of its section (or at `position` within it).

        Raises `DuplicateItemError` (a `BriefError`) when an item of the same origin is
        already in the brief, naming the section it is in, unless `allow_duplicate`.
        """
        target = section or self.default_section(origin)
        self._check_section(target)
        existing = None if allow_duplicate else self.duplicate_of(text, origin)
        if existing is not None:
            where = self.section(existing.section)
            heading = where.heading if where else existing.section
            raise DuplicateItemError(f"Already in the brief ({heading}).", existing)
        item = BriefItem(f"i{self._next_id}", target, text, origin, _default_rank(origin) if rank is None else rank)
        self._checkpoint()
        self._next_id += 1
        peers = self.items_in(target)
        self.items = _insert_in_section(self.items, item, peers, position)
        return item

    def remove(self, item_id: str) -> BriefItem:
        item = self.item(item_id)
        self._checkpoint()
        self.items = tuple(i for i in self.items if i.id != item_id)
        return item

    def move(self, item_id: str, delta: int) -> bool:
        """Move an item up (negative) or down within its section; False when already at the edge."""
        item = self.item(item_id)
        peers = list(self.items_in(item.section))
        old = peers.index(item)
        new = max(0, min(len(peers) - 1, old + delta))
        if new == old:
            return False
        self._checkpoint()
        rest = tuple(i for i in self.items if i.id != item_id)
        self.items = _insert_in_section(rest, item, tuple(p for p in peers if p.id != item_id), new)
        return True

    def move_to_section(self, item_id: str, section_id: str) -> BriefItem:
        """Move an item to the end of another section, keeping its origin and citations."""
        item = self.item(item_id)
        self._check_section(section_id)
        if item.section == section_id:
            return item
        self._checkpoint()
        moved = replace(item, section=section_id)
        rest = tuple(i for i in self.items if i.id != item_id)
        self.items = _insert_in_section(rest, moved, tuple(i for i in rest if i.section == section_id), None)
        return moved

    def edit(self, item_id: str, text: str) -> BriefItem:
        item = self.item(item_id)
        if item.text == text:
            return item
        self._checkpoint()
        edited = replace(item, text=text)
        self.items = tuple(edited if i.id == item_id else i for i in self.items)
        return edited

    def cite_only(self, item_id: str, article_ids: Iterable[str]) -> BriefItem:
        """Narrow an item's citations to some of the articles it cites (never adds one: a
        citation says the article states the item)."""
        item = self.item(item_id)
        keep = tuple(a for a in dict.fromkeys(article_ids) if a in item.origin.article_ids)
        if keep == item.origin.article_ids or not keep:
            return item
        self._checkpoint()
        changed = replace(item, origin=replace(item.origin, article_ids=keep))
        self.items = tuple(changed if i.id == item_id else i for i in self.items)
        return changed

    def attribute(self, item_id: str, speaker: str | None, role: str | None) -> BriefItem:
        """Correct who said a quote item (None for unattributed); one change that undo reverses.

        Extraction can be wrong about a speaker, and the brief is what goes out: the user
        has the last word. The quote keeps its text, articles and places."""
        item = self.item(item_id)
        quote = item.origin.quote
        if item.origin.kind != "quote" or quote is None:
            raise BriefError(f"item {item_id} is not a quote; only quotes have a speaker")
        speaker, role = (speaker or "").strip() or None, (role or "").strip() or None
        if (quote.speaker, quote.role) == (speaker, role):
            return item
        self._checkpoint()
        origin = replace(item.origin, quote=replace(quote, speaker=speaker, role=role))
        changed = replace(item, origin=origin)
        self.items = tuple(changed if i.id == item_id else i for i in self.items)
        return changed

    def retitle(self, title: str) -> None:
        if title == self.title:
            return
        self._checkpoint()
        self.title = title

    def replace_with(self, other: Brief) -> None:
        """Take over `other`'s title, date, sections and items as one change that undo reverses.

        Used for "new brief from the automatic draft" and for restoring a draft, so the
        brief the user had before is one `undo` away rather than gone.
        """
        self._checkpoint()
        self.title, self.date, self.sections = other.title, other.date, other.sections
        self.items, self.max_words = other.items, other.max_words
        self._next_id = max(self._next_id, other._next_id)
        self.sources.update(other.sources)

    def remember_sources(self, articles: Iterable[Article]) -> None:
        """Keep the details of the cited ones among `articles` (not a change: nothing a reader sees)."""
        cited = self.cited_ids()
        for article in articles:
            if article.id in cited:
                self.sources[article.id] = SourceInfo.of(article)

    def undo(self) -> bool:
        """Restore the state before the last change; False when there is nothing to undo."""
        if not self._history:
            return False
        snap = self._history.pop()
        self.title, self.items, self.date = snap.title, snap.items, snap.date
        self.sections, self.max_words = snap.sections, snap.max_words
        self.revision += 1
        return True

    def forget_history(self) -> None:
        """Make the current state the oldest one undo can reach (after building or loading)."""
        self._history.clear()

    # -- persistence --------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the draft format). Undo history is not kept across sessions."""
        return {
            "format": DRAFT_FORMAT,
            "title": self.title,
            "date": self.date.isoformat(),
            "max_words": self.max_words,
            "revision": self.revision,
            "next_id": self._next_id,
            "sections": [{"id": s.id, "heading": s.heading} for s in self.sections],
            "items": [to_json(i) for i in self.items],
            "sources": [to_json(self.sources[a]) for a in sorted(self.cited_ids()) if a in self.sources],
        }

    @classmethod
    def from_dict(cls, d: Any) -> Brief:
        """Rebuild a brief from `to_dict` output; raises `BriefError` on anything malformed."""
        from briefing.brief import serial

        return serial.brief_from_dict(cls, d)

    # -- internals ----------------------------------------------------------------------------

    def _check_section(self, section_id: str) -> None:
        if section_id not in self.section_ids:
            raise BriefError(f"no section {section_id!r} in this brief (sections: {', '.join(self.section_ids)})")
        if section_id in GENERATED_SECTIONS:
            raise BriefError(f"the {section_id!r} section is generated from the citations and takes no items")

    def _checkpoint(self) -> None:
        self._history.append(_Snapshot(self.title, self.items, self.date, self.sections, self.max_words))
        self.revision += 1

    def __repr__(self) -> str:
        return f"Brief({self.title!r}, {self.date}, {len(self.items)} items, revision {self.revision})"


def item_article_ids(item: BriefItem) -> tuple[str, ...]:
    """The articles an item cites: its origin's, else its figure's or quote's."""
    o = item.origin
    if o.article_ids:
        return o.article_ids
    if o.figure is not None:
        return (o.figure.article,)
    if o.quote is not None:
        return o.quote.articles
    return ()


def _default_rank(origin: ItemOrigin) -> float:
    if origin.quote is not None:
        return origin.quote.score
    return 0.0


def _first_free_id(items: tuple[BriefItem, ...]) -> int:
    numbers = [int(i.id[1:]) for i in items if i.id[:1] == "i" and i.id[1:].isdigit()]
    return max(numbers, default=0) + 1


def _insert_in_section(
    items: tuple[BriefItem, ...], item: BriefItem, peers: tuple[BriefItem, ...], position: int | None
) -> tuple[BriefItem, ...]:
    """Insert `item` so it becomes the `position`-th of its section (end when None)."""
    if position is None or position >= len(peers):
        if not peers:
            return (*items, item)
        anchor = items.index(peers[-1]) + 1
    else:
        anchor = items.index(peers[max(0, position)])
    return (*items[:anchor], item, *items[anchor:])
