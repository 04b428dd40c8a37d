"""Turning analysis results into brief items: (text, origin) pairs for `Brief.add`.

The text is what the reader will see (and may later be edited); the origin keeps
the articles and the underlying quote or figure, so citations and attributions
survive any edit of the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.brief.model import ItemOrigin
from briefing.models import Actor, Article, ConflictStatus, DigestSentence, Figure, Quote, SentenceRef

FIGURE_LABELS = {
    "killed": "Killed",
    "injured": "Injured",
    "displaced": "Displaced",
    "refugees": "Refugees",
    "troops": "Troops",
    "other": "Other figures",
}
STATUS_LABELS = {
    "trend": "Trend",
    "ceasefire": "Ceasefire",
    "negotiations": "Talks",
    "talks": "Talks",
    "actors": "Parties",
    "parties": "Parties",
    "locations": "Places",
}


def clean(text: str) -> str:
    """One line, single spaces: items are shown and rendered as one line each."""
    return " ".join(text.split())


def _unique(ids: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in ids if i))


def from_sentence(article: Article, index: int) -> tuple[str, ItemOrigin]:
    sentence = article.sentences[index]
    return clean(sentence.text), ItemOrigin("sentence", (article.id,), sentence=sentence.index)


def from_digest(ds: DigestSentence) -> tuple[str, ItemOrigin]:
    ids = _unique((*ds.articles, ds.origin.article_id))
    return clean(ds.text), ItemOrigin("digest", ids, sentence=ds.origin.sentence)


def quote_text(quote: Quote) -> str:
    """The quotation as it should stand alone: the comma that led into "he said" dropped."""
    text = clean(quote.text).rstrip(" ,;:")
    if text and not quote.partial and text[-1] not in ".!?…":
        text += "."
    return text


def from_quote(quote: Quote) -> tuple[str, ItemOrigin]:
    ids = _unique((*quote.articles, *(r.article_id for r in quote.locations)))
    sentence = quote.locations[0].sentence if quote.locations else None
    return quote_text(quote), ItemOrigin("quote", ids, sentence=sentence, quote=quote)


def _human_number(n: int) -> str:
    """11000000 -> "11 million", 250000 -> "250,000": how a news reader writes big round numbers."""
    for size, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
        if abs(n) >= size and n % (size // 10) == 0:
            return f"{n / size:g} {word}"
    return f"{n:,}"


def figure_value(fig: Figure) -> str:
    """The number as a reader wants it: "at least 250,000", "nearly 11 million"."""
    qualifier = "" if fig.qualifier in ("", "exact") else fig.qualifier + " "
    return f"{qualifier}{_human_number(fig.value)}"


def figure_text(fig: Figure) -> str:
    """The article's own wording when it states the number plainly, else the number then the wording."""
    value = figure_value(fig)
    written = clean(fig.text)
    number = value.split(" ", 1)[-1] if fig.qualifier not in ("", "exact") else value
    if fig.value <= 0 and written:  # a share without a count ("half of the population"): the words only
        text = written
    elif not written:
        text = value
    elif number.lower() in written.lower():
        text = written
    else:
        text = f"{value} ({written})"
    if fig.reported_by:
        text += f", according to {clean(fig.reported_by)}"
    return text


def from_figure(fig: Figure) -> tuple[str, ItemOrigin]:
    sentence = fig.evidence.sentence if fig.evidence else None
    return figure_text(fig), ItemOrigin("figure", (fig.article,), sentence=sentence, figure=fig, field=fig.kind)


def from_status(field: str, text: str, evidence: Sequence[SentenceRef] = ()) -> tuple[str, ItemOrigin]:
    ids = _unique([r.article_id for r in evidence])
    sentence = evidence[0].sentence if evidence else None
    return clean(text), ItemOrigin("status", ids, sentence=sentence, field=field)


def free(text: str) -> tuple[str, ItemOrigin]:
    return text.strip(), ItemOrigin.free()


# -- status rows ------------------------------------------------------------------------------


def _names(names: Sequence[str], limit: int = 4) -> str:
    shown = [clean(n) for n in names[:limit]]
    more = len(names) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def trend_row(status: ConflictStatus) -> tuple[str, ItemOrigin] | None:
    t = status.trend
    if t.label == "unclear" and not (t.escalating or t.de_escalating):
        return None
    return from_status("trend", t.label.capitalize(), (*t.de_escalating, *t.escalating))


def ceasefire_row(status: ConflictStatus) -> tuple[str, ItemOrigin] | None:
    c = status.ceasefire
    if c.state == "none" and not c.evidence:
        return None
    text = c.state.capitalize()
    if c.since:
        text += f" since {c.since.isoformat()}"
    if c.brokers:
        text += f"; brokered by {_names(c.brokers)}"
    if c.excluded:
        text += f"; excludes {_names(c.excluded)}"
    return from_status("ceasefire", text, c.evidence)


def negotiations_row(status: ConflictStatus) -> tuple[str, ItemOrigin] | None:
    n = status.negotiations
    if n.state == "none" and not n.evidence:
        return None
    text = n.state.capitalize()
    if n.venue:
        text += f" in {clean(n.venue)}"
    if n.mediator:
        text += f"; mediator {clean(n.mediator)}"
    if n.parties:
        text += f"; parties {_names(n.parties)}"
    return from_status("negotiations", text, n.evidence)


# Sides a profile may use for people who report on a conflict rather than fight in it.
NOT_PARTIES = frozenset({"media", "press", "source", "sources", "unknown", "other", ""})


def parties_row(status: ConflictStatus, per_side: int = 2, sides_max: int = 6) -> tuple[str, ItemOrigin] | None:
    """Who is fighting whom: per side, its most mentioned states and groups (people only if nothing
    else). No row when the set shows a state or group attacking that no side holds: a Parties row
    without the attacker misleads more than none."""
    if status.unsided_attackers:
        return None
    sides: dict[str, list[Actor]] = {}
    for actor in status.actors:
        if actor.side not in NOT_PARTIES:
            sides.setdefault(actor.side, []).append(actor)
    if not sides:
        return None
    ranked = sorted(sides.items(), key=lambda kv: -sum(a.mentions for a in kv[1]))[:sides_max]
    parts = []
    for side, actors in ranked:
        best: list[Actor] = []
        for actor in sorted(actors, key=lambda a: (a.kind == "person", -a.mentions)):
            if len(best) < per_side and not any(_same_party(actor.name, b.name) for b in best):
                best.append(actor)
        parts.append(f"{side.replace('_', ' ')}: {', '.join(clean(a.name) for a in best)}")
    return from_status("actors", "; ".join(parts))


def _same_party(one: str, other: str) -> bool:
    """"Syria" and "Syrian government", "Russia" and "Russian army": one state under two names."""
    a, b = one.split()[0].lower(), other.split()[0].lower()
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_ != short and long_.startswith(short) and len(long_) - len(short) <= 2


def status_rows(status: ConflictStatus) -> list[tuple[str, ItemOrigin]]:
    """The trend, ceasefire, talks and parties rows that have something to say, in table order."""
    rows = (trend_row(status), ceasefire_row(status), negotiations_row(status), parties_row(status))
    return [r for r in rows if r is not None]
