"""Escalating or calming: the sentences that point each way, and a label.

Label rule: each article votes once, split between the ways its sentences
point (a sentence can count both ways: "has largely held, but ...
violations"), weighted by its recency (evidence.py: the last days' reports
decide the trend now, and a long old report does not outvote a short new one).
With E and D the weighted votes, the trend is "unclear" when both are 0,
"escalating" when E >= 1.5 x D, "de-escalating" when D >= 1.5 x E, else
"mixed". A cue right negated in its clause does not count ("did not
withdraw"), nor one supposed, wished or recommended ("if the truce holds",
"urged both sides to de-escalate"), nor a sentence about an earlier day
("launched its ground offensive on July 17" in a report of 5 August). The cue words
are `trend.escalation` / `trend.deescalation` in config/lexicons/conflict.yaml,
or `conflict.escalation_cues` / `deescalation_cues` in the settings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from briefing.models import Article, SentenceRef, Trend
from briefing.status.dates import Reference
from briefing.status.evidence import about_earlier_days, asserted
from briefing.status.profile import Hit

RATIO = 1.5
NEGATIONS = frozenset("not no never without nor didn't don't doesn't won't hasn't haven't isn't wasn't".split())
# Words that make a cue a condition or something warded off, not an event:
# "if Obama ordered an airstrike", "preventing nuclear escalation".
HYPOTHETICAL = frozenset(
    "if unless whether prevent prevents preventing prevented avoid avoiding avert averting".split()
)
_WORDS_RE = re.compile(r"[\w']+")

CueLookup = Callable[[Article], dict[int, list[Hit]]]


_CLAUSE_BREAK_RE = re.compile(r"[,;:—–]|\b(?:but|while|although|though|after)\b")


def negated(text: str, start: int) -> bool:
    """Is the cue negated or only supposed: a negation or a condition among the ten words
    before it, in the same clause? ("Putin didn't specify how many troops should be
    withdrawn", "if Obama ordered an airstrike")"""
    window = text[max(0, start - 80):start]
    breaks = list(_CLAUSE_BREAK_RE.finditer(window))
    clause = window[breaks[-1].end():] if breaks else window
    return any(w in NEGATIONS or w in HYPOTHETICAL for w in _WORDS_RE.findall(clause.lower())[-10:])


def build_trend(
    articles: Sequence[Article],
    cues: CueLookup,
    needs_context: frozenset[str] = frozenset(),
    ceasefire_ways: dict[str, str] | None = None,
    max_evidence: int = 8,
    weights: dict[str, float] | None = None,
    reference: Callable[[Article], Reference] | None = None,
) -> Trend:
    """`ceasefire_ways` maps a ceasefire state to the way it points ({"holding": "down", ...});
    `weights` are the articles' recency weights (evidence.recency_weights; none: all 1.0);
    `reference` gives an article's date, to leave out sentences about earlier days."""
    ways = _CEASEFIRE_WAY if ceasefire_ways is None else ceasefire_ways
    up: list[tuple[float, int, SentenceRef]] = []
    down: list[tuple[float, int, SentenceRef]] = []
    order = 0
    score_up = score_down = 0.0
    for article in articles:
        weight = weights.get(article.id, 1.0) if weights else 1.0
        ref = reference(article) if reference else None
        n_up = n_down = 0
        for index, hits in sorted(cues(article).items()):
            sentence = article.sentences[index]
            e, d = _directions(article.text, sentence.start, sentence.text, hits, needs_context, ways)
            if not (e or d) or (ref is not None and about_earlier_days(sentence.text, ref)):
                continue
            ref_ = SentenceRef(article.id, index, sentence.text)
            order += 1
            if e:
                up.append((-e * weight, order, ref_))
                n_up += 1
            if d:
                down.append((-d * weight, order, ref_))
                n_down += 1
        if n_up or n_down:  # each article votes once, split by its own sentences
            score_up += weight * n_up / (n_up + n_down)
            score_down += weight * n_down / (n_up + n_down)
    return Trend(
        label=decide_label(score_up, score_down),
        escalating=_best(up, max_evidence),
        de_escalating=_best(down, max_evidence),
    )


_CEASEFIRE_WAY = {"holding": "down", "violated": "up", "collapsed": "up"}
_SHORT_QUOTE_RE = re.compile(r"[\"“‘']([^\"”’]{1,60}?)[\"”’]")


def _directions(
    text: str, offset: int, sentence: str, hits: list[Hit], needs_context: frozenset[str], ways: dict[str, str]
) -> tuple[int, int]:
    """(escalation cues, de-escalation cues) that count in one sentence.

    Not counted: a negated cue; a cue with an everyday sense (`trend.needs_context`) in a
    sentence with no war word; a cue that is only a quoted term ("besieged areas" in scare
    quotes is the writer quoting a label, not reporting a siege). A ceasefire said to hold
    points down, one violated or collapsed points up.
    """
    quoted = [(m.start() + offset, m.end() + offset) for m in _SHORT_QUOTE_RE.finditer(sentence)
              if len(m.group(1).split()) <= 4]
    context = [h for h in hits if h.category == "trend.context"]
    has_truce = any(h.category == "cf.term" for h in hits)
    e = d = 0
    for hit in hits:
        way = {"trend.up": "up", "trend.down": "down"}.get(hit.category)
        if way is None and has_truce and hit.category == "cf.state":
            way = ways.get(hit.label)
        if way is None or negated(text, hit.start) or not asserted(sentence, hit.start - offset):
            continue
        if any(s <= hit.start and hit.end <= e_ for s, e_ in quoted):
            continue
        if hit.label in needs_context and not any(c.end <= hit.start or c.start >= hit.end for c in context):
            continue
        if way == "up" and _STOPPED_RE.match(text, hit.end):
            way = "down"  # "the shelling stopped"
        if way == "up":
            e += 1
        else:
            d += 1
    return e, d


_STOPPED_RE = re.compile(
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:(?:has|have|had)\s+)?(?:stopped|halted|ended|ceased|subsided|eased|paused|died\s+down|"
    r"came\s+to\s+a\s+halt)\b",
    re.I,
)


def decide_label(escalating: float, de_escalating: float) -> str:
    if not escalating and not de_escalating:
        return "unclear"
    if escalating >= RATIO * de_escalating:
        return "escalating"
    if de_escalating >= RATIO * escalating:
        return "de-escalating"
    return "mixed"


def _best(items: list[tuple[float, int, SentenceRef]], limit: int) -> tuple[SentenceRef, ...]:
    """The strongest sentences, shown in reading order."""
    chosen = sorted(items)[:limit]
    return tuple(ref for _, _, ref in sorted(chosen, key=lambda t: t[1]))
