"""Escalating or calming: the sentences that point each way, and a label.

Label rule: with E sentences carrying escalation cues and D carrying
de-escalation cues (a sentence can count both ways: "has largely held, but
... violations"), the trend is "unclear" when both are 0, "escalating" when
E >= 1.5 x D, "de-escalating" when D >= 1.5 x E, else "mixed". A cue right
negated in its clause does not count ("did not withdraw"). The cue words
are `trend.escalation` / `trend.deescalation` in config/lexicons/conflict.yaml,
or `conflict.escalation_cues` / `deescalation_cues` in the settings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from briefing.analysis.profile import Hit
from briefing.models import Article, SentenceRef, Trend

RATIO = 1.5
NEGATIONS = frozenset("not no never without nor didn't don't doesn't won't hasn't haven't isn't wasn't".split())
_WORDS_RE = re.compile(r"[\w']+")

CueLookup = Callable[[Article], dict[int, list[Hit]]]


_CLAUSE_BREAK_RE = re.compile(r"[,;:—–]|\b(?:but|while|although|though|after)\b")


def negated(text: str, start: int) -> bool:
    """Is the cue negated: a negation among the ten words before it, in the same clause?
    ("Putin didn't specify how many troops should be withdrawn")"""
    window = text[max(0, start - 80):start]
    breaks = list(_CLAUSE_BREAK_RE.finditer(window))
    clause = window[breaks[-1].end():] if breaks else window
    return any(w in NEGATIONS for w in _WORDS_RE.findall(clause.lower())[-10:])


def build_trend(articles: Sequence[Article], cues: CueLookup, max_evidence: int = 8) -> Trend:
    up: list[tuple[int, int, SentenceRef]] = []
    down: list[tuple[int, int, SentenceRef]] = []
    order = 0
    for article in articles:
        for index, hits in sorted(cues(article).items()):
            e = sum(1 for h in hits if h.category == "trend.up" and not negated(article.text, h.start))
            d = sum(1 for h in hits if h.category == "trend.down" and not negated(article.text, h.start))
            if not (e or d):
                continue
            sentence = article.sentences[index]
            ref = SentenceRef(article.id, index, sentence.text)
            order += 1
            if e:
                up.append((-e, order, ref))
            if d:
                down.append((-d, order, ref))
    return Trend(
        label=decide_label(len(up), len(down)),
        escalating=_best(up, max_evidence),
        de_escalating=_best(down, max_evidence),
    )


def decide_label(escalating: int, de_escalating: int) -> str:
    if not escalating and not de_escalating:
        return "unclear"
    if escalating >= RATIO * de_escalating:
        return "escalating"
    if de_escalating >= RATIO * escalating:
        return "de-escalating"
    return "mixed"


def _best(items: list[tuple[int, int, SentenceRef]], limit: int) -> tuple[SentenceRef, ...]:
    """The strongest sentences, shown in reading order."""
    chosen = sorted(items)[:limit]
    return tuple(ref for _, _, ref in sorted(chosen, key=lambda t: t[1]))
