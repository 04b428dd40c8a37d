"""The brief as Markdown: front matter, title, the sections in the user's order, sources.

Sources are numbered in the order they are first cited, walking the document
from the top, so [1] is the first reference a reader meets. An article that is
not loaded now (a draft restored with another day's folder) is cited from the
details the brief saved about it; one the brief knows nothing about is marked
"[source not loaded]" rather than silently left uncited. Every piece of
untrusted text goes through `markdown_escape`; the only Markdown syntax in the
output is what this module writes itself.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import yaml

from briefing.brief import markdown_escape as esc
from briefing.brief.changes_section import SinceLast, since_last
from briefing.brief.items import FIGURE_LABELS, STATUS_LABELS
from briefing.brief.model import Brief, BriefItem, item_article_ids
from briefing.brief.sources import SourceInfo
from briefing.models import Analysis
from briefing.quotes.wording import dotted_titles

# "... by the U.N." or "... said Gen.": the full stop belongs to the word, the citation goes after it.
_ABBREVIATION_END = re.compile(
    r"(?:^|[\s(])(?:\S*\.\S*\.|\.\.|(?i:mr|mrs|ms|dr|gen|col|lt|sgt|capt|maj|brig|adm|gov|sen|rep|prof|st|jr|sr"
    r"|inc|co|corp|ltd|no|vs|etc|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.)$"
)
DISAGREE_MARK = "⚠ sources disagree"
# Only one side of a disputed figure is in the brief: the reader must still learn that it is disputed.
OTHERS_DISAGREE_MARK = "⚠ other sources disagree"
UNATTRIBUTED = "Unattributed"
# Said of a quotation shown outside Key quotes, where no attribution line follows it.
UNATTRIBUTED_SPEAKER = "An unattributed source"
UNNAMED_SPEAKER = "An unnamed source"
# An item cites an article the brief has no details of (a draft written before they were kept).
NOT_LOADED_MARK = "[source not loaded]"
_QUOTE_MARKS = '"“”„«»'
SOURCE_TITLE_WORDS = 5


@dataclass
class Rendered:
    """The Markdown plus, for the budget, the fragment each item became."""

    front_matter: str
    body: str
    fragments: dict[str, str] = field(default_factory=dict)  # item id -> its Markdown text
    sources: tuple[SourceInfo, ...] = ()
    not_loaded: tuple[str, ...] = ()  # cited article ids cited from the brief's saved details
    unknown: tuple[str, ...] = ()  # cited article ids nothing is known about (marked, not numbered)

    @property
    def text(self) -> str:
        return self.front_matter + self.body


class Citations:
    """Numbers articles in order of first citation.

    Loaded articles come first; the brief's saved details stand in for articles that
    are not loaded. An id known to neither is never invented into a source line: the
    citation says "[source not loaded]" instead, so the claim is not passed off as unsourced.
    """

    def __init__(self, analysis: Analysis | None, saved: dict[str, SourceInfo] | None = None, *,
                 show: bool = True) -> None:
        loaded = {a.id: SourceInfo.of(a) for a in analysis.articles} if analysis else {}
        self._loaded = frozenset(loaded)
        self._articles = {**(saved or {}), **loaded}
        self._numbers: dict[str, int] = {}
        self._unknown: dict[str, None] = {}
        self._show = show  # without a sources list to point into, [n] markers would dangle

    def register(self, article_ids: Iterable[str]) -> None:
        for aid in article_ids:
            if aid in self._articles:
                if aid not in self._numbers:
                    self._numbers[aid] = len(self._numbers) + 1
            else:
                self._unknown[aid] = None

    def numbers(self, article_ids: Iterable[str]) -> list[int]:
        return sorted({self._numbers[a] for a in article_ids if a in self._numbers})

    def cite(self, article_ids: Iterable[str]) -> str:
        """" [1], [2]" (with the leading space), the not-loaded mark, or "" when nothing is cited."""
        if not self._show:
            return ""
        ids = tuple(article_ids)
        marks = [f"[{n}]" for n in self.numbers(ids)]
        if any(a in self._unknown for a in ids):
            marks.append(esc.inline(NOT_LOADED_MARK))
        return (" " + ", ".join(marks)) if marks else ""

    @property
    def articles(self) -> tuple[SourceInfo, ...]:
        return tuple(self._articles[a] for a in self._numbers)

    @property
    def not_loaded(self) -> tuple[str, ...]:
        return tuple(a for a in self._numbers if a not in self._loaded)

    @property
    def unknown(self) -> tuple[str, ...]:
        return tuple(self._unknown)


def _cited(text: str, cite: str) -> str:
    """Put the citation inside the sentence's full stop ("... in Jeddah [1]."), as analysts write it."""
    if cite and text.endswith(".") and not text.endswith("\\.") and not _ABBREVIATION_END.search(text):
        return text[:-1] + cite + "."
    return text + cite


_article_ids = item_article_ids


def _speaker(item: BriefItem) -> str:
    """Who said a quotation, as the subject of "said": the name (role), or an honest stand-in."""
    q = item.origin.quote
    speaker = esc.one_line(q.speaker or "") if q else ""
    role = esc.one_line(q.role or "") if q else ""
    if speaker:
        return f"{speaker} ({role})" if role else speaker
    return f"{UNNAMED_SPEAKER} ({role})" if role else UNATTRIBUTED_SPEAKER


def _unquoted(text: str) -> str:
    """The words inside the marks, if the user's edit put marks around the whole text."""
    t = esc.one_line(text)
    if len(t) > 1 and t[0] in _QUOTE_MARKS and t[-1] in _QUOTE_MARKS:
        return t[1:-1].strip()
    return t


def _text(item: BriefItem) -> str:
    """An item's escaped text for a bullet, paragraph or cell.

    A quotation keeps its marks and its speaker wherever it is moved: in Key
    developments or the Bottom line its bare words would read as the brief's own claim.
    """
    if item.origin.kind == "quote" and item.origin.quote is not None:
        return esc.inline(f"{_speaker(item)} said: “{_unquoted(item.text)}”")
    return esc.inline(item.text)


# -- sections -----------------------------------------------------------------------------------


def _bottom_line(items: Sequence[BriefItem], c: Citations, frags: dict[str, str]) -> list[str]:
    parts = []
    for it in items:
        frags[it.id] = _cited(_text(it), c.cite(_article_ids(it)))
        parts.append(frags[it.id])
    return [" ".join(parts)]


def _bullets(items: Sequence[BriefItem], c: Citations, frags: dict[str, str]) -> list[str]:
    lines = []
    for it in items:
        frags[it.id] = _cited(_text(it), c.cite(_article_ids(it)))
        lines.append("- " + frags[it.id])
    return ["\n".join(lines)]


def _attribution(item: BriefItem) -> str:
    """"Name, role", a rank or honorific the role ends with put before the name, where a reader
    expects it: "Lt. Col. Peter Lerner, army spokesman" and "Sen. Jane Roe", not "Jane Roe, Sen."."""
    q = item.origin.quote
    if q is None:
        return ""
    speaker = esc.one_line(q.speaker or "")
    rank, role = _rank_last(esc.one_line(q.role or "")) if speaker else ("", esc.one_line(q.role or ""))
    named = f"{rank} {speaker}" if rank else speaker or UNATTRIBUTED
    return esc.inline(f"{named}, {role}" if role else named)


def _rank_last(role: str) -> tuple[str, str]:
    """(the abbreviated titles the role ends with, the rest): "army spokesman Lt. Col." -> ("Lt. Col.", "army spokesman")."""
    words = role.split()
    k = len(words)
    while k > 0 and words[k - 1] in dotted_titles():
        k -= 1
    return " ".join(words[k:]), " ".join(words[:k]).rstrip(",")


def _quotes(items: Sequence[BriefItem], c: Citations, frags: dict[str, str]) -> list[str]:
    blocks = []
    for it in items:
        cites = c.cite(_article_ids(it))
        who = _attribution(it)
        if who:
            frags[it.id] = f"“{esc.inline(it.text)}” — {who}{cites}"
            blocks.append(f"> “{esc.inline(it.text)}”\n>\n> — {who}{cites}")
        else:
            frags[it.id] = _cited(esc.inline(it.text), cites)
            blocks.append("> " + frags[it.id])
    return blocks


def _row_label(item: BriefItem) -> str:
    o = item.origin
    if o.kind == "figure" and o.figure is not None:
        return FIGURE_LABELS.get(o.figure.kind, esc.one_line(o.figure.kind).capitalize() or "Figure")
    if o.kind == "status" and o.field:
        return STATUS_LABELS.get(o.field, esc.one_line(o.field).replace("_", " ").capitalize())
    return "Note"


def _figure_kind(item: BriefItem) -> str | None:
    """The figure kind whose row this item joins (all figures of one kind share a row), else None."""
    f = item.origin.figure
    return f.kind if item.origin.kind == "figure" and f is not None else None


def _disagreement_mark(members: Sequence[BriefItem]) -> str | None:
    """Mark a row the analysis flagged: "sources disagree" when the row shows the rival values,
    "other sources disagree" when the user kept only one of them (never hide a dispute)."""
    figures = [m.origin.figure for m in members if m.origin.figure is not None]
    if not any(f.disagreement for f in figures):
        return None
    return DISAGREE_MARK if len({(f.value, f.qualifier) for f in figures}) > 1 else OTHERS_DISAGREE_MARK


def _cell(text: str) -> str:
    return text or "—"


def _status(items: Sequence[BriefItem], c: Citations, frags: dict[str, str]) -> list[str]:
    """One row per status item; figures one row per kind, each value citing its source."""
    rows: list[tuple[str, list[BriefItem]]] = []
    groups: dict[str, list[BriefItem]] = {}
    for it in items:
        kind = _figure_kind(it)
        if kind is None:
            rows.append((_row_label(it), [it]))
        elif kind in groups:
            groups[kind].append(it)
        else:
            groups[kind] = [it]
            rows.append((_row_label(it), groups[kind]))
    lines = ["| Indicator | Assessment | Sources |", "| --- | --- | --- |"]
    for label, members in rows:
        several = len(members) > 1
        for it in members:
            frags[it.id] = _cited(_text(it), c.cite(_article_ids(it)) if several else "")
        ids = [a for it in members for a in _article_ids(it)]
        mark = _disagreement_mark(members)
        if mark:
            label = f"{label} {mark}"
        value = "; ".join(frags[it.id] for it in members)
        lines.append(f"| {esc.inline(label)} | {_cell(value)} | {_cell(c.cite(ids).strip())} |")
    return ["\n".join(lines)]


def _notes(items: Sequence[BriefItem], c: Citations, frags: dict[str, str]) -> list[str]:
    out = []
    for it in items:
        frags[it.id] = _cited(_text(it), c.cite(_article_ids(it)))
        out.append(frags[it.id])
    return out


def short_title(title: str, words: int = SOURCE_TITLE_WORDS) -> str:
    """A headline cut to `words` words at a word boundary ("…" marks the cut)."""
    parts = esc.one_line(title).split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:—–-") + "…"


def _source_line(n: int, a: SourceInfo) -> str:
    """Compact: number, short title (the link behind it), outlet, date; a file's path when it has
    no web address. The Sources list must not eat the page."""
    title = short_title(a.title or "Untitled")
    meta = ", ".join(x for x in (esc.inline(a.source or ""), a.published.isoformat() if a.published else "") if x)
    if a.url and esc.safe_url(a.url):
        head = esc.link(title, a.url)
        where = ""
    else:
        head = esc.inline(title)
        where = esc.inline(a.url) if a.url else esc.code_span(a.path) if a.path else ""
    line = f"{n}. {head}" + (f" — {meta}" if meta else "")
    return line + (f". {where}" if where else "")


def _sources(c: Citations) -> list[str]:
    return ["\n".join(_source_line(n, a) for n, a in enumerate(c.articles, 1))]


RENDERERS = {
    "bottom_line": _bottom_line,
    "developments": _bullets,
    "quotes": _quotes,
    "status": _status,
    "notes": _notes,
}


# -- document -----------------------------------------------------------------------------------


def news_date(brief: Brief, analysis: Analysis | None, cited: Sequence[SourceInfo] = ()) -> dt.date:
    """The date of the news the brief reports: the latest date among the loaded articles (else
    among the articles it cites); the brief's own date when none is dated. A brief written on
    Tuesday morning about Monday's reports is Monday's brief. With several stories loaded,
    the latest date of the story the brief describes."""
    story = analysis.main_story if analysis is not None else None
    dates = [a.published for a in analysis.articles if a.published and (story is None or a.id in story.articles)] \
        if analysis is not None else []
    dates = dates or [a.published for a in cited if a.published]
    return max(dates) if dates else brief.date


def front_matter(brief: Brief, sources: int, date: dt.date | None = None) -> str:
    """Title, the date of the news, the day the brief was prepared, how many sources it cites.
    A renderer that does not know front matter reads it as Markdown, so a `<` in the title is
    written as the YAML escape `\\u003c` (a tag there would be live HTML)."""
    title = esc.one_line(brief.title)
    head = f"title: {_yaml_quoted(title)}\n" if "<" in title else _yaml({"title": title})
    return "---\n" + head + _yaml({"date": date or brief.date, "prepared": brief.date, "sources": sources}) + "---\n"


def _yaml(data: dict[str, object]) -> str:
    return str(yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=10_000))


def _yaml_quoted(s: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is one) with `<` escaped."""
    return json.dumps(s, ensure_ascii=False).replace("<", "\\u003c")


class _PlainDumper(yaml.SafeDumper):
    """No anchors: the same date twice is written twice ("date: &id001 ..." would puzzle a reader)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _since_last(since: SinceLast, c: Citations, frags: dict[str, str]) -> list[str]:
    """The "Since the last brief" bullets; a development moved up here is its item's fragment."""
    lines = []
    for line in since.lines:
        text = _cited(esc.inline(line.text), c.cite(line.article_ids))
        if line.item_id is not None:
            frags[line.item_id] = text
        lines.append("- " + text)
    return [esc.inline(since.intro()), "\n".join(lines)]


def render(brief: Brief, analysis: Analysis | None) -> Rendered:
    c = Citations(analysis, brief.sources, show="sources" in brief.section_ids)
    since = since_last(brief)
    moved_up = since.moved_up if since else frozenset()
    # First pass: number the sources in reading order, whatever section holds the source list.
    for s in brief.sections:
        if s.id in RENDERERS:
            for it in brief.items_in(s.id):
                if it.id not in moved_up:
                    c.register(_article_ids(it))
        elif s.id == "changes" and since:
            for line in since.lines:
                c.register(line.article_ids)
    frags: dict[str, str] = {}
    date = news_date(brief, analysis, c.articles)
    blocks = [f"# {esc.heading(brief.title)} — {date.isoformat()}"]
    for s in brief.sections:
        if s.id == "sources":
            content = _sources(c) if c.articles else []
        elif s.id == "changes":
            content = _since_last(since, c, frags) if since else []
        else:
            members = tuple(it for it in brief.items_in(s.id) if it.id not in moved_up)
            content = RENDERERS[s.id](members, c, frags) if members else []
        if content:
            blocks.append(f"## {esc.heading(s.heading)}")
            blocks.extend(content)
    body = "\n\n".join(blocks) + "\n"
    return Rendered(front_matter(brief, len(c.articles), date), "\n" + body, frags, c.articles, c.not_loaded,
                    c.unknown)


def render_markdown(brief: Brief, analysis: Analysis | None) -> str:
    """The complete Markdown file: YAML front matter, then the body."""
    return render(brief, analysis).text
