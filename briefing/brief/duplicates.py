"""When two items come from the same place: the same sentence, quote, figure or status row.

A brief that repeats a bullet wastes the one-page budget and looks careless.
Items are compared by origin, not by text, so an item whose text was edited is
still recognised, and two different sentences that happen to read alike are not.
The rules err towards allowing an add: refusing a legitimate item is worse
than letting a rare repeat through.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.brief.model import BriefItem, ItemOrigin

SENTENCE_KINDS = frozenset({"sentence", "digest"})
# Status fields that fill the same row of the table.
SAME_ROW = {"talks": "negotiations", "parties": "actors"}


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _ids(origin: ItemOrigin) -> frozenset[str]:
    ids = set(origin.article_ids)
    if origin.figure is not None:
        ids.add(origin.figure.article)
    if origin.quote is not None:
        ids.update(origin.quote.articles)
    return frozenset(ids)


def _same_sentence(old: ItemOrigin, old_text: str, new: ItemOrigin, new_text: str) -> bool:
    """Article + sentence index. A plain sentence names its one article; a digest line cites
    several and does not record which of them the index belongs to, so across the two kinds
    the text must match too (an edited item is then no longer recognised: allowed, not refused)."""
    if old.sentence is None or new.sentence is None or old.sentence != new.sentence:
        return False
    if old.kind == new.kind == "sentence":
        return old.article_ids[:1] == new.article_ids[:1] and bool(new.article_ids)
    if old.kind == new.kind == "digest":
        return set(old.article_ids) == set(new.article_ids)
    shared = set(old.article_ids) & set(new.article_ids)
    return bool(shared) and _letters(old_text) == _letters(new_text)


def _same_quote(old: ItemOrigin, new: ItemOrigin) -> bool:
    return old.quote is not None and new.quote is not None and _letters(old.quote.text) == _letters(new.quote.text)


def _same_figure(old: ItemOrigin, new: ItemOrigin) -> bool:
    """The same count of the same thing from an article already cited for it."""
    a, b = old.figure, new.figure
    if a is None or b is None:
        return False
    return (a.kind, a.value, a.qualifier) == (b.kind, b.value, b.qualifier) and bool(_ids(old) & _ids(new))


def _same_status_row(old: ItemOrigin, new: ItemOrigin) -> bool:
    if not old.field or not new.field:
        return False
    return SAME_ROW.get(old.field, old.field) == SAME_ROW.get(new.field, new.field)


def same_origin(old: BriefItem, text: str, origin: ItemOrigin) -> bool:
    """Whether adding (`text`, `origin`) would repeat the existing item `old`."""
    o = old.origin
    if origin.kind == "free" or o.kind == "free":
        return False
    if origin.kind in SENTENCE_KINDS and o.kind in SENTENCE_KINDS:
        return _same_sentence(o, old.text, origin, text)
    if origin.kind != o.kind:
        return False
    if origin.kind == "quote":
        return _same_quote(o, origin)
    if origin.kind == "figure":
        return _same_figure(o, origin)
    if origin.kind == "status":
        return _same_status_row(o, origin)
    return False


def find_duplicate(items: Iterable[BriefItem], text: str, origin: ItemOrigin) -> BriefItem | None:
    return next((it for it in items if same_origin(it, text, origin)), None)
