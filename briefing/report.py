"""An Analysis as the stable JSON object of DESIGN.md, or as readable text.

The JSON is a machine interface: every key is always present (empty lists and
nulls rather than missing keys), dates are ISO strings, and nothing else is
added at the levels DESIGN.md fixes, so scripts can rely on the shape.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Iterable
from typing import Any

from briefing.models import Analysis, Article, ConflictStatus, DigestSentence, Event, Figure, Quote, SentenceRef, Story
from briefing.summary.length import describe_length


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _refs(refs: Iterable[SentenceRef], **extra: str) -> list[dict[str, Any]]:
    return [{"article": r.article_id, "sentence": r.sentence, "text": r.text, **extra} for r in refs]


def _article_json(article: Article, analysis: Analysis) -> dict[str, Any]:
    summary = analysis.summaries.get(article.id)
    indexes = summary.indexes if summary else ()
    return {
        "id": article.id,
        "path": article.path or article.url,
        "title": article.title,
        "source": article.source,
        "published": _iso(article.published),
        "kind": article.kind,
        "words": article.words,
        "sentences": len(article.sentences),
        "summary": [{"index": i, "text": article.sentences[i].text} for i in indexes],
    }


def _quote_json(quote: Quote) -> dict[str, Any]:
    return {
        "text": quote.text,
        "speaker": quote.speaker,
        "role": quote.role,
        "cue": quote.cue,
        "partial": quote.partial,
        "attribution": quote.attribution,
        "articles": list(quote.articles),
    }


def _status_json(status: ConflictStatus) -> dict[str, Any]:
    """DESIGN.md's keys, then the documented additions (ceasefire `excluded`/`since_inferred`,
    talks `parties`/`sticking_points`/`mediator_role`, figure `base`/`fraction`/`evidence`/
    `subject`/`scope`/`as_of`/`earlier`/`earlier_as_of`, `timeline`, and `background_figures`:
    earlier wars' counts, never among the current `figures`). Evidence is always a list of {article, sentence, text}."""
    trend, ceasefire, talks = status.trend, status.ceasefire, status.negotiations
    return {
        "trend": {
            "label": trend.label,
            "evidence": _refs(trend.escalating, direction="escalating")
            + _refs(trend.de_escalating, direction="de-escalating"),
        },
        "ceasefire": {
            "state": ceasefire.state,
            "since": _iso(ceasefire.since),
            "brokers": list(ceasefire.brokers),
            "evidence": _refs(ceasefire.evidence),
            "since_inferred": ceasefire.since_inferred,
            "excluded": list(ceasefire.excluded),
        },
        "negotiations": {
            "state": talks.state,
            "venue": talks.venue,
            "mediator": talks.mediator,
            "evidence": _refs(talks.evidence),
            "mediator_role": talks.mediator_role,
            "parties": list(talks.parties),
            "sticking_points": list(talks.sticking_points),
        },
        "figures": [_figure_json(f) for f in status.figures],
        "actors": [{"name": a.name, "side": a.side, "mentions": a.mentions} for a in status.actors],
        "locations": [{"name": p.name, "mentions": p.mentions} for p in status.locations],
        "timeline": [_event_json(e) for e in status.timeline],
        "background_figures": [_figure_json(f) for f in status.background],
    }


def _figure_json(f: Figure) -> dict[str, Any]:
    """A share with no stated base ("half of the population") has no count: `value` is null
    then, never 0, and `fraction` carries the share."""
    return {
        "kind": f.kind,
        "value": None if f.fraction is not None and not f.base and f.value <= 0 else f.value,
        "qualifier": f.qualifier,
        "text": f.text,
        "reported_by": f.reported_by,
        "article": f.article,
        "disagreement": f.disagreement,
        "base": f.base,
        "fraction": f.fraction,
        "evidence": _refs([f.evidence] if f.evidence else []),
        "subject": f.subject,
        "scope": f.scope,
        "as_of": _iso(f.as_of),
        "earlier": f.earlier,
        "earlier_as_of": _iso(f.earlier_as_of),
    }


def _event_json(e: Event) -> dict[str, Any]:
    return {
        "date": _iso(e.date),
        "when": e.when,
        "date_inferred": e.date_inferred,
        "text": e.text,
        "article": e.article,
    }


def _digest_json(digest: Iterable[DigestSentence]) -> list[dict[str, Any]]:
    return [{"text": d.text, "articles": list(d.articles)} for d in digest]


def _story_json(story: Story, analysis: Analysis) -> dict[str, Any]:
    """One story with its own digest, quotes and status (DESIGN.md's keys), plus `keywords`
    (the names its articles share most) and `main` (the story the top-level keys describe)."""
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "digest": _digest_json(story.digest),
        "quotes": [_quote_json(q) for q in story.quotes],
        "status": _status_json(story.status),
        "keywords": list(story.keywords),
        "main": story.id == analysis.story,
    }


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    """The `briefing analyze --json` object (see DESIGN.md): `digest`, `quotes` and `status`
    describe the main story (`main` in its `stories` entry); each story carries its own."""
    return {
        "articles": [_article_json(a, analysis) for a in analysis.articles],
        "stories": [_story_json(s, analysis) for s in analysis.stories],
        "digest": _digest_json(analysis.digest),
        "quotes": [_quote_json(q) for q in analysis.quotes],
        "status": _status_json(analysis.status),
    }


# --------------------------------------------------------------------------- text

_WIDTH = 88


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def _article_text(number: int, article: Article, analysis: Analysis) -> list[str]:
    facts = [article.source or "unknown outlet", _iso(article.published) or "undated"]
    facts += [article.kind] if article.kind != "news" else []
    facts += [f"{article.words:,} words", f"{len(article.sentences)} sentences"]
    lines = [f"[{number}] {article.title}", f"    {' | '.join(facts)}", f"    {article.location}"]
    summary = analysis.summaries.get(article.id)
    if summary is not None:
        lines.append(f"    Summary ({summary.algorithm}, {describe_length(summary.settings)}):")
        lines += [_wrap(f"- {article.sentences[i].text}", "    ") for i in summary.indexes]
        if summary.note:
            lines.append(f"    note: {summary.note}")
    lines += [f"    notice: {n}" for n in article.notices]
    return lines


def _sources(ids: Iterable[str], numbers: dict[str, int]) -> str:
    return "".join(f"[{numbers[i]}]" for i in ids if i in numbers)


def _status_text(
    status: ConflictStatus, numbers: dict[str, int], figure_note: Callable[[Figure], str | None] | None = None
) -> list[str]:
    lines = [f"  Trend: {status.trend.label}"]
    ceasefire = status.ceasefire
    since = ""
    if ceasefire.since:
        since = f" since {_iso(ceasefire.since)}" + (" (date inferred)" if ceasefire.since_inferred else "")
    brokers = f", brokered by {', '.join(ceasefire.brokers)}" if ceasefire.brokers else ""
    excluded = f"; excludes {', '.join(ceasefire.excluded)}" if ceasefire.excluded else ""
    lines.append(f"  Ceasefire: {ceasefire.state}{since}{brokers}{excluded}")
    talks = status.negotiations
    mediator = ""
    if talks.mediator:
        mediator = f", mediator {talks.mediator}" + (f" ({talks.mediator_role})" if talks.mediator_role else "")
    lines.append(f"  Negotiations: {talks.state}{f' in {talks.venue}' if talks.venue else ''}{mediator}")
    if talks.parties:
        lines.append(_wrap("Parties: " + "; ".join(talks.parties), "    "))
    if talks.sticking_points:
        lines.append(_wrap("Sticking points: " + "; ".join(talks.sticking_points), "    "))
    for figure in status.figures:
        flag = "  (sources disagree)" if figure.disagreement else ""
        by = f"; source: {figure.reported_by}" if figure.reported_by else ""
        note = figure_note(figure) if figure_note is not None else None
        since = f", {note}" if note else ""
        lines.append(f"  {figure.kind}: {figure_amount(figure)}{since}{by} {_sources([figure.article], numbers)}{flag}")
    if status.actors:
        lines.append(_wrap("Actors: " + "; ".join(f"{a.name} ({a.side}, {a.mentions})" for a in status.actors[:12])))
    if status.locations:
        lines.append(_wrap("Places: " + ", ".join(f"{p.name} ({p.mentions})" for p in status.locations[:12])))
    if status.timeline:
        lines.append("  Timeline:")
        for event in status.timeline:
            when = (event.when or _iso(event.date) or "undated") + (", inferred" if event.date_inferred else "")
            lines.append(_wrap(f"- {when}: {event.text} {_sources([event.article], numbers)}", "    "))
    return lines


def figure_amount(figure: Figure) -> str:
    """How much, in words a reader trusts: a share stays a share ("nearly half of a pre-war
    population of about 23 million", about 11,500,000), never "exact 0"."""
    qualifier = "" if figure.qualifier == "exact" else f"{figure.qualifier} "
    if figure.fraction is not None:
        share = figure.text  # written from its qualifier on: "nearly half of ..."
        if figure.base:
            return f"{share} (about {figure.value:,} of {figure.base:,})"
        return f"{share} (a share; no count given)"
    return f"{qualifier}{figure.value:,} ({figure.text})"


def _stories_text(analysis: Analysis, numbers: dict[str, int]) -> list[str]:
    """The stories, numbered as `--story N` takes them; the one described below is marked."""
    from briefing.stories.choice import story_label

    lines = [f"STORIES ({len(analysis.stories)})"]
    for n, story in enumerate(analysis.stories, 1):
        mark = "*" if story.id == analysis.story else " "
        lines.append(_wrap(f"{mark} {story_label(story, n, 70)} {_sources(story.articles, numbers)}", ""))
    lines.append("  (* the story described below; another with --story ID or its number)")
    return lines + [""]


def format_report(analysis: Analysis, figure_note: Callable[[Figure], str | None] | None = None) -> str:
    """A plain-text report for a terminal or a log: articles, stories, and the main story's
    digest, quotes and status; `figure_note` adds to a figure its change since earlier briefs
    ('up from 137 on 20 Nov')."""
    numbers = {a.id: n for n, a in enumerate(analysis.articles, 1)}
    lines = [f"ARTICLES ({len(analysis.articles)})", ""]
    for article in analysis.articles:
        lines += _article_text(numbers[article.id], article, analysis) + [""]
    if len(analysis.stories) > 1:
        lines += _stories_text(analysis, numbers)
    lines.append("KEY DEVELOPMENTS")
    lines += [_wrap(f"- {d.text} {_sources(d.articles, numbers)}") for d in analysis.digest] or ["  (none)"]
    lines += ["", "QUOTES"]
    for quote in analysis.quotes:
        who = quote.speaker or "unattributed"
        if quote.role:
            who += f", {quote.role}"
        lines.append(_wrap(f'- "{quote.text}" ({who}) {_sources(quote.articles, numbers)}'))
    if not analysis.quotes:
        lines.append("  (none)")
    lines += ["", "CONFLICT STATUS", *_status_text(analysis.status, numbers, figure_note)]
    if analysis.warnings:
        lines += ["", "SKIPPED"] + [f"  {w}" for w in analysis.warnings]
    return "\n".join(lines) + "\n"
