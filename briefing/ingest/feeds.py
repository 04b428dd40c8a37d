"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each entry becomes an article.

feedparser is lenient but not defensive: expat expands internal entities (the
"billion laughs"), and an HTML page comes back as zero entries with no error.
So the bytes are first checked with defusedxml (entity and external
declarations refused, with a reason), and a result without a feed version is
reported as "not a feed" instead of an empty success. feedparser always gets
a byte stream, never a string: given a string it may treat it as a URL or a
path and open it. Its own HTML sanitiser is off: it strips attributes such as
`hidden` and `aria-hidden` while keeping the text they hide; entry HTML goes
through the same hidden-text removal as pages instead, and only text comes out.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree

import defusedxml
import defusedxml.ElementTree

from briefing.ingest.article import Draft
from briefing.ingest.errors import IngestError
from briefing.ingest.html import fragment_paragraphs, fragment_text
from briefing.ingest.metadata import date_from_struct, parse_date
from briefing.ingest.sanitize import sanitize_markup
from briefing.ingest.text import paragraphs_from_text

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_ENTRY_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.I)
_FEED_ROOT = re.compile(rb"<(?:[\w.-]+:)?(?:rss|feed|RDF)[\s>]")
_XML_ENCODING = re.compile(rb"""\A<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")
_FEED_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
_HTML_HINT = re.compile(rb"<(?:!doctype\s+html|html|body|head|p|div|article)[\s>]", re.I)


class NotAFeed(Exception):
    """The bytes are not RSS/Atom; `looks_like_html` says whether to try them as a page."""

    def __init__(self, looks_like_html: bool) -> None:
        super().__init__("not an RSS or Atom feed")
        self.looks_like_html = looks_like_html


def looks_like_feed(data: bytes) -> bool:
    """A cheap sniff for files and URLs that do not say what they are."""
    head = data[:4096].lstrip()
    return head.startswith(b"<?xml") and bool(_FEED_ROOT.search(data[:8192])) or bool(
        _FEED_ROOT.match(head)
    )


def read_feed(data: bytes, max_entries: int, warn: Callable[[str], None], path: str | None = None) -> list[Draft]:
    """Drafts for the feed's entries (at most `max_entries`), or NotAFeed / IngestError."""
    data = _without_controls(data)
    tree = _parse_safely(data)
    data, total = _trim_entries(data, tree, max_entries)
    import feedparser  # imported late: only feeds need it

    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False)
    if not parsed.get("version") and not parsed.entries:  # feedparser's answer to an HTML page
        if parsed.get("bozo") and _FEED_ROOT.search(data[:8192]) and not _HTML_HINT.search(data[:8192]):
            raise IngestError(f"broken feed: {_bozo_reason(parsed)}")
        raise NotAFeed(looks_like_html=bool(_HTML_HINT.search(data[:65536])))
    if not parsed.entries:
        reason = f"broken feed: {_bozo_reason(parsed)}" if parsed.get("bozo") else "the feed has no entries"
        raise IngestError(reason)
    notes = [f"feed is not well-formed ({_bozo_reason(parsed)}); read leniently"] if parsed.get("bozo") else []
    entries = parsed.entries[:max_entries]
    total = max(total, len(parsed.entries))
    if total > max_entries:
        notes.append(f"feed has {total:,} entries; only the first {max_entries:,} loaded (ingest.max_feed_entries)")
    rss = str(parsed.get("version") or "").startswith("rss")
    outlet = _plain(parsed.feed, "title", rss)
    drafts = []
    for number, entry in enumerate(entries, start=1):
        draft = _entry_draft(entry, outlet, path, rss)
        if draft.paragraphs:
            drafts.append(draft)
        else:
            notes.append(f"entry {number} ({draft.title or 'untitled'}) has no text; skipped")
    if not drafts:  # one clear reason instead of a note per empty entry
        broken = parsed.get("bozo")
        raise IngestError(f"broken feed: {_bozo_reason(parsed)}" if broken else "no entry of the feed has any text")
    for note in notes:
        warn(note)
    return drafts


def _without_controls(data: bytes) -> bytes:
    """The feed with escape sequences and controls removed, in its own encoding.

    feedparser maps C1 controls to cp1252 look-alikes (U+009B becomes "›"), so
    after it the sanitiser can no longer tell an 8-bit CSI from punctuation and the
    sequence's payload ("31;1m") would stay in the text. Controls are not allowed in
    XML anyway, so removing them can only make a feed better formed.
    """
    encoding = next((name for bom, name in _FEED_BOMS if data.startswith(bom)), None)
    if encoding is None:
        declared = _XML_ENCODING.match(data)
        encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        text = data.decode(encoding)
        cleaned = sanitize_markup(text)
        return data if cleaned == text else cleaned.encode(encoding)
    except (LookupError, UnicodeError):  # undeclared or lying encoding: feedparser's own guess stands
        return data


def _parse_safely(data: bytes) -> ElementTree.Element | None:
    """The parsed tree when the XML is well-formed, None when it is not; entities refused."""
    try:
        tree: ElementTree.Element = defusedxml.ElementTree.fromstring(
            data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
        return tree
    except defusedxml.DefusedXmlException:
        raise IngestError("refused: the feed declares XML entities (entity expansion is unsafe)") from None
    except Exception:  # noqa: BLE001 - ill-formed XML: feedparser's lenient parser may still read it
        if _ENTITY_DECL.search(data):
            raise IngestError("refused: the feed declares XML entities (entity expansion is unsafe)") from None
        return None


def _trim_entries(data: bytes, tree: ElementTree.Element | None, max_entries: int) -> tuple[bytes, int]:
    """Cut the feed to `max_entries` before feedparser sees it (it takes 5 s for
    15,000 entries); returns the bytes to parse and the number of entries found."""
    if tree is None:
        ends = list(itertools.islice(_ENTRY_END.finditer(data), max_entries + 1))
        if len(ends) <= max_entries:
            return data, len(ends)
        return data[: ends[max_entries - 1].end()], len(_ENTRY_END.findall(data))
    parents = [(parent, child) for parent in tree.iter() for child in parent if _is_entry(child)]
    if len(parents) <= max_entries:
        return data, len(parents)
    for parent, child in parents[max_entries:]:
        parent.remove(child)
    return ElementTree.tostring(tree, encoding="utf-8", xml_declaration=True), len(parents)


def _is_entry(element: ElementTree.Element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1] in ("item", "entry")


def _bozo_reason(parsed: object) -> str:
    exc = getattr(parsed, "get", lambda *_: None)("bozo_exception")
    text = " ".join(str(exc).split()) if exc else "unknown error"
    return text[:200]


def _plain(element: dict[str, Any], key: str, rss: bool) -> str | None:
    """A title as text. Atom says whether it is HTML (type="html" or "xhtml"); RSS does
    not, and its titles often carry escaped markup, so an RSS title holding tags is read
    as HTML too. HTML becomes its visible text: a <script> in a title is not its words."""
    value = element.get(key) or ""
    kind = (element.get(f"{key}_detail") or {}).get("type", "text/plain")
    if kind in ("text/html", "application/xhtml+xml") or (rss and _TAG.search(value)):
        value = fragment_text(value)
    return value or None


def _entry_draft(entry: dict[str, Any], outlet: str | None, path: str | None, rss: bool) -> Draft:
    """Full content when the feed has it, else the summary."""
    paragraphs = _content_paragraphs(entry)
    published = date_from_struct(entry.get("published_parsed") or entry.get("updated_parsed"))
    if published is None:
        published = parse_date(entry.get("published") or entry.get("updated"))
    return Draft(
        paragraphs,
        title=_plain(entry, "title", rss),
        source=outlet,
        published=published,
        path=path,
        url=entry.get("link") or None,
    )


def _content_paragraphs(entry: dict[str, Any]) -> list[str]:
    candidates = [c for c in entry.get("content") or [] if c.get("value")]
    if candidates:
        best = max(candidates, key=lambda c: len(c.get("value", "")))
        return _paragraphs(best.get("value", ""), best.get("type", "text/html"))
    detail = entry.get("summary_detail") or {}
    return _paragraphs(entry.get("summary") or "", detail.get("type", "text/html"))


def _paragraphs(value: str, mime: str) -> list[str]:
    if mime == "text/plain":
        return paragraphs_from_text(value)
    return fragment_paragraphs(value)
