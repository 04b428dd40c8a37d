"""Ranking quotations: how much each matters to the set, and the few a brief shows.

A score mixes the speaker's prominence (how often the set names them), how
central the words are to the set, length, a full sentence over a fragment, and
how many reports carry it. `key_quotes` then takes the best, one per speaker
before anyone's second, so a brief is not five quotations of one minister.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from briefing.config import QuoteSettings
from briefing.models import Article, Quote
from briefing.quotes.merge import normalize

_WORD = re.compile(r"[a-z][a-z'’-]+")
_STOP = frozenset(
    """the a an and or but of to in on at for with by from as is are was were be been being that this
    these those it its he she they we i you his her their our my your not no will would can could should
    has have had do does did said says say also more most than then there here which who whom whose what
    when where why how all any some such only over into out up down about after before while because if
    so just very mr mrs ms one two three new last first year years told people""".split()
)


def key_quotes(quotes: Sequence[Quote], settings: QuoteSettings) -> tuple[Quote, ...]:
    """The top `max` quotations of at least `min_words` words, one per speaker before any second."""
    eligible = [q for q in quotes if len(q.text.split()) >= settings.min_words]
    eligible.sort(key=lambda q: -q.score)
    first: list[Quote] = []
    rest: list[Quote] = []
    seen: set[str] = set()
    for q in eligible:
        key = q.speaker or f"\0{id(q)}"
        (rest if key in seen else first).append(q)
        seen.add(key)
    return tuple((first + rest)[: settings.max])


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _STOP]


def central_words(articles: Iterable[Article]) -> dict[str, float]:
    """Document frequency of content words across the set, scaled to 0..1 by the most frequent."""
    df: Counter[str] = Counter()
    for a in articles:
        df.update(set(_WORD.findall(a.text.lower())) - _STOP)
    if not df:
        return {}
    # Ties broken by the word: `most_common` keeps set-iteration order among equal
    # counts, which follows the per-process string hash, so scores changed between runs.
    top = sorted(df.items(), key=lambda item: (-item[1], item[0]))[:200]
    peak = top[0][1]
    return {w: c / peak for w, c in top}


def quote_score(q: Quote, prominence: Counter[str], peak: int, central: dict[str, float]) -> float:
    """Speaker prominence, centrality to the set, length, full over partial, several sources."""
    prom = math.log1p(prominence.get(q.speaker, 1)) / math.log1p(peak) if q.speaker else 0.0
    words = _content_words(q.text)
    centrality = sum(central.get(w, 0.0) for w in words) / math.sqrt(len(words)) if words else 0.0
    centrality = min(1.0, centrality / 2)
    length = min(len(normalize(q.text).split()), 40) / 40
    return round(
        0.3 * min(prom, 1.0)
        + 0.25 * centrality
        + 0.2 * length
        + 0.15 * (0.0 if q.partial else 1.0)
        + 0.1 * min(len(q.articles) - 1, 2) / 2,
        4,
    )
