"""Reading a brief back from its JSON form, checking every field.

A draft file is data from disk that may be truncated, hand-edited or written by
another version; anything that is not exactly the expected shape raises
`BriefError` with the field's path, so the draft store can set the file aside
instead of crashing the app.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any

from briefing.brief.model import (
    DRAFT_FORMAT,
    GENERATED_SECTIONS,
    ORIGIN_KINDS,
    SECTION_IDS,
    BriefError,
    BriefItem,
    ItemOrigin,
    Section,
)
from briefing.brief.sources import SourceInfo
from briefing.models import Figure, Quote, SentenceRef

if TYPE_CHECKING:
    from briefing.brief.model import Brief

_MAX_ITEMS = 10_000


def _get(d: Any, key: str, where: str) -> Any:
    if not isinstance(d, dict):
        raise BriefError(f"{where}: expected an object")
    if key not in d:
        raise BriefError(f"{where}.{key}: missing")
    return d[key]


def _str(d: Any, key: str, where: str) -> str:
    v = _get(d, key, where)
    if not isinstance(v, str):
        raise BriefError(f"{where}.{key}: expected text")
    return v


def _opt_str(d: Any, key: str, where: str) -> str | None:
    v = d.get(key) if isinstance(d, dict) else None
    if v is not None and not isinstance(v, str):
        raise BriefError(f"{where}.{key}: expected text or null")
    return v


def _int(v: Any, where: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise BriefError(f"{where}: expected an integer")
    return v


def _opt_int(d: dict[str, Any], key: str, where: str) -> int | None:
    v = d.get(key)
    return None if v is None else _int(v, f"{where}.{key}")


def _float(v: Any, where: str) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise BriefError(f"{where}: expected a number")
    return float(v)


def _str_tuple(v: Any, where: str) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise BriefError(f"{where}: expected a list of text")
    return tuple(v)


def _ref(v: Any, where: str) -> SentenceRef | None:
    if v is None:
        return None
    return SentenceRef(_str(v, "article_id", where), _int(_get(v, "sentence", where), f"{where}.sentence"),
                       _str(v, "text", where))


def _quote(v: Any, where: str) -> Quote | None:
    if v is None:
        return None
    locs = _get(v, "locations", where)
    if not isinstance(locs, list):
        raise BriefError(f"{where}.locations: expected a list")
    partial = _get(v, "partial", where)
    if not isinstance(partial, bool):
        raise BriefError(f"{where}.partial: expected true or false")
    return Quote(
        text=_str(v, "text", where),
        speaker=_opt_str(v, "speaker", where),
        role=_opt_str(v, "role", where),
        cue=_opt_str(v, "cue", where),
        partial=partial,
        articles=_str_tuple(_get(v, "articles", where), f"{where}.articles"),
        locations=tuple(r for k, x in enumerate(locs) if (r := _ref(x, f"{where}.locations[{k}]")) is not None),
        score=_float(v.get("score", 0.0), f"{where}.score"),
        attribution=_opt_str(v, "attribution", where),
    )


def _figure(v: Any, where: str) -> Figure | None:
    if v is None:
        return None
    fraction = v.get("fraction") if isinstance(v, dict) else None
    disagreement = v.get("disagreement", False) if isinstance(v, dict) else False
    if not isinstance(disagreement, bool):
        raise BriefError(f"{where}.disagreement: expected true or false")
    return Figure(
        kind=_str(v, "kind", where),
        value=_int(_get(v, "value", where), f"{where}.value"),
        qualifier=_str(v, "qualifier", where),
        text=_str(v, "text", where),
        reported_by=_opt_str(v, "reported_by", where),
        article=_str(v, "article", where),
        evidence=_ref(v.get("evidence"), f"{where}.evidence"),
        base=_opt_int(v, "base", where),
        fraction=None if fraction is None else _float(fraction, f"{where}.fraction"),
        disagreement=disagreement,
    )


def _origin(v: Any, where: str) -> ItemOrigin:
    kind = _str(v, "kind", where)
    if kind not in ORIGIN_KINDS:
        raise BriefError(f"{where}.kind: unknown origin {kind!r}")
    return ItemOrigin(
        kind=kind,
        article_ids=_str_tuple(v.get("article_ids", []), f"{where}.article_ids"),
        sentence=_opt_int(v, "sentence", where),
        quote=_quote(v.get("quote"), f"{where}.quote"),
        figure=_figure(v.get("figure"), f"{where}.figure"),
        field=_opt_str(v, "field", where),
    )


def _item(v: Any, where: str, sections: set[str]) -> BriefItem:
    section = _str(v, "section", where)
    if section not in sections or section in GENERATED_SECTIONS:
        raise BriefError(f"{where}.section: {section!r} is not a section of this brief")
    return BriefItem(
        id=_str(v, "id", where),
        section=section,
        text=_str(v, "text", where),
        origin=_origin(_get(v, "origin", where), f"{where}.origin"),
        rank=_float(v.get("rank", 0.0), f"{where}.rank"),
    )


def _opt_date(d: dict[str, Any], key: str, where: str) -> dt.date | None:
    v = _opt_str(d, key, where)
    if v is None:
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise BriefError(f"{where}.{key}: not a date") from None


def _source(v: Any, where: str) -> SourceInfo:
    return SourceInfo(
        id=_str(v, "id", where),
        title=_str(v, "title", where),
        source=_opt_str(v, "source", where),
        published=_opt_date(v, "published", where),
        path=_opt_str(v, "path", where),
        url=_opt_str(v, "url", where),
    )


def _sources(v: Any) -> dict[str, SourceInfo]:
    """The cited articles' details; drafts written before they were kept have none (an empty list)."""
    if v is None:
        return {}
    if not isinstance(v, list) or len(v) > _MAX_ITEMS:
        raise BriefError(f"sources: expected a list of at most {_MAX_ITEMS} entries")
    found = [_source(x, f"sources[{k}]") for k, x in enumerate(v)]
    return {s.id: s for s in found}


def _sections(v: Any) -> list[Section]:
    if not isinstance(v, list) or not v:
        raise BriefError("sections: expected a non-empty list")
    out: list[Section] = []
    for k, s in enumerate(v):
        sid = _str(s, "id", f"sections[{k}]")
        if sid not in SECTION_IDS or any(x.id == sid for x in out):
            raise BriefError(f"sections[{k}].id: unknown or repeated section {sid!r}")
        out.append(Section(sid, _str(s, "heading", f"sections[{k}]")))
    return out


def brief_from_dict(cls: type[Brief], d: Any) -> Brief:
    if not isinstance(d, dict):
        raise BriefError("draft: expected a JSON object")
    if d.get("format") != DRAFT_FORMAT:
        raise BriefError(f"format: unsupported draft format {d.get('format')!r}")
    try:
        date = dt.date.fromisoformat(_str(d, "date", "draft"))
    except ValueError as e:
        raise BriefError(f"date: not a date ({e})") from None
    sections = _sections(_get(d, "sections", "draft"))
    raw_items = _get(d, "items", "draft")
    if not isinstance(raw_items, list) or len(raw_items) > _MAX_ITEMS:
        raise BriefError(f"items: expected a list of at most {_MAX_ITEMS} items")
    ids = {s.id for s in sections}
    items = [_item(v, f"items[{k}]", ids) for k, v in enumerate(raw_items)]
    if len({i.id for i in items}) != len(items):
        raise BriefError("items: repeated item ids")
    max_words = _int(_get(d, "max_words", "draft"), "max_words")
    if max_words < 1:
        raise BriefError("max_words: must be positive")
    next_id = d.get("next_id")
    sources = _sources(d.get("sources"))
    brief = cls(
        _str(d, "title", "draft"),
        date,
        sections,
        items,
        max_words=max_words,
        revision=_int(d.get("revision", 0), "revision"),
        next_id=None if next_id is None else max(_int(next_id, "next_id"), _first_free(items)),
    )
    brief.sources = sources
    return brief


def _first_free(items: list[BriefItem]) -> int:
    nums = [int(i.id[1:]) for i in items if i.id[:1] == "i" and i.id[1:].isdigit()]
    return max(nums, default=0) + 1
