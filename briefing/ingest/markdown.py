"""Markdown articles with optional YAML front matter (title, source, date, url).

The body is rendered with markdown-it and reduced to paragraphs by the same
HTML code as feed content, so raw HTML inside Markdown (a <script>, a hidden
<div>) is dropped the same way. Front matter is read with `yaml.safe_load`
and only plain scalars are used: an alias bomb or a nested structure in
`title` is never walked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import yaml
from markdown_it import MarkdownIt

from briefing.ingest.article import Draft
from briefing.ingest.errors import IngestError
from briefing.ingest.html import fragment_paragraphs
from briefing.ingest.metadata import parse_date
from briefing.ingest.text import paragraphs_from_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MAX_FRONT_MATTER = 64 * 1024
_MARKUP = "[]*_`<(!"
_MAX_MARKUP_CHARS = 20_000  # a long article has a few hundred; 20,000 render in about 0.6 s
_H1 = re.compile(r"\A\s*#[ \t]+(?P<title>[^\n]+?)[ \t#]*(?:\n|\Z)")
_SETEXT_H1 = re.compile(r"\A\s*(?P<title>[^\n]+)\n=+[ \t]*(?:\n|\Z)")


def read_markdown(
    text: str, warn: Callable[[str], None], path: str | None = None, url: str | None = None
) -> list[Draft]:
    meta, body = split_front_matter(text, warn)
    title = _scalar(meta.get("title"))
    heading = _H1.match(body) or _SETEXT_H1.match(body)
    if heading:
        title = title or heading.group("title").strip()
        body = body[heading.end() :]
    if is_index(body):
        raise IngestError("lists and tables with no prose: a folder's notes or index, not an article (skipped)")
    paragraphs, notice = _body_paragraphs(body)
    draft = Draft(
        paragraphs,
        title=title,
        source=_scalar(meta.get("source") or meta.get("outlet") or meta.get("publisher")),
        published=_date(meta.get("date") or meta.get("published")),
        path=path,
        url=_scalar(meta.get("url")) or url,
        notices=[notice] if notice else [],
        section=_scalar(meta.get("section") or meta.get("category") or meta.get("genre") or meta.get("kind")),
    )
    return [draft]


def _body_paragraphs(body: str) -> tuple[list[str], str | None]:
    """Rendered Markdown, or the plain text when rendering is too slow or loses the text.

    markdown-it spends about 30 microseconds on each bracket or emphasis mark
    (200,000 "[" take 8 s), and drops what lies below its nesting limit.
    """
    if sum(body.count(mark) for mark in _MARKUP) > _MAX_MARKUP_CHARS:
        return paragraphs_from_text(body), "too much Markdown markup to render; read as plain text"
    paragraphs = fragment_paragraphs(MarkdownIt("commonmark").render(body))
    if not paragraphs and body.strip():
        return paragraphs_from_text(body), "the Markdown could not be rendered; read as plain text"
    return paragraphs, None


# A Markdown file beside the articles (a README, a list of sources, a table of the files
# and their outlets) is no article: its list items and table cells would otherwise become
# "sentences" that the digest, the status panel and the Sources list take as reporting.
# An article is prose; a note of that kind is lists and tables with a line or two of it.
INDEX_MAX_PROSE_WORDS = 40
INDEX_MIN_TABLE_ROWS = 2
INDEX_MIN_LIST_ITEMS = 3
_TABLE_ROW = re.compile(r"^\s{0,3}\|")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+\S")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")


def is_index(body: str) -> bool:
    """The body is lists and/or tables with fewer than INDEX_MAX_PROSE_WORDS words of prose
    around them: a folder's notes or an index of files, not a report."""
    rows = items = prose = 0
    for line in body.splitlines():
        if _TABLE_ROW.match(line):
            rows += 1
        elif _LIST_ITEM.match(line):
            items += 1
        elif not _HEADING.match(line):
            prose += len(line.split())
        if prose >= INDEX_MAX_PROSE_WORDS:
            return False
    return rows >= INDEX_MIN_TABLE_ROWS or items >= INDEX_MIN_LIST_ITEMS


def split_front_matter(text: str, warn: Callable[[str], None]) -> tuple[dict[str, object], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    body = text[match.end() :]
    raw = match.group("yaml") or ""
    if len(raw) > _MAX_FRONT_MATTER:
        warn(f"front matter ignored: longer than {_MAX_FRONT_MATTER // 1024} KB")
        return {}, body
    try:
        meta = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}, column {mark.column + 1}" if mark else ""
        warn(f"front matter ignored: YAML error{where}")
        return {}, body
    except (ValueError, RecursionError):  # 5,000-digit integers, absurd nesting
        warn("front matter ignored: a value cannot be read")
        return {}, body
    if meta is None:
        return {}, body
    if not isinstance(meta, dict):
        warn("front matter ignored: it is not a mapping of keys to values")
        return {}, body
    return {str(k).lower(): v for k, v in meta.items() if isinstance(k, str)}, body


def _scalar(value: object) -> str | None:
    """Only plain scalars: never str() a list or mapping that may be an alias bomb."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float, dt.date)):
        text = str(value).strip()
        return text or None
    return None


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _scalar(value)
    return parse_date(text) if text else None
