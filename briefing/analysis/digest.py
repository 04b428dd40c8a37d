"""The cross-article digest: one extractive summary of the whole set.

Method (concept coverage, after Gillick & Favre 2009 and Lin & Bilmes 2011):

* A *concept* is a stemmed word bigram or content word. Its weight is how
  many articles report it, each article counting more when the concept comes
  early (news puts the facts that matter in the lead). A fact several outlets
  carry is therefore worth more than one outlet's aside.
* The digest is built by lazy greedy maximisation of the weight of concepts
  covered, per word spent, under the word budget. Covering a concept twice earns
  nothing, so the second outlet's version of a fact is not picked: redundancy
  is removed by the objective itself, plus an explicit near-duplicate check.
* Each chosen sentence then cites every article holding a near-duplicate of it
  (the same fact from two outlets appears once, citing both).

Nothing is compared all-pairs: concept weights come from one pass over the
sentences, the greedy touches a sentence again only when its bound is the
best, and support is looked up for the few chosen sentences only, so 30,000
sentences stay well under a second of selection work.

Reading order: most important first (the order the greedy chose them, so
`score` never rises down the list), which is what a "key developments" list
wants and what the brief's bullets take from the top. Time order is not an
option for undated wire copy, and position order mixes articles arbitrarily.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from itertools import groupby
from dataclasses import dataclass

from briefing.analysis.digest_text import Terms, is_candidate, terms, word_count
from briefing.config import DigestSettings
from briefing.models import Article, DigestSentence, SentenceRef

# Position prior: an article's k-th content sentence counts 1 / (1 + k / POSITION_SCALE)
# (1 for the lead, 1/2 at POSITION_SCALE sentences in).
POSITION_SCALE = 40.0
# How much a content word counts next to a bigram concept.
UNIGRAM_WEIGHT = 0.5
# Cost of a sentence is words ** LENGTH_EXPONENT (< 1 lets a long, rich sentence win
# over two short ones of the same total weight).
LENGTH_EXPONENT = 0.7
# Two sentences state the same fact when this share of the shorter one's content words
# appears in the other.
NEAR_DUPLICATE = 0.6
# Sentences shorter than this are not counted as support (headlines, captions).
MIN_SUPPORT_WORDS = 5
# A concept's summed article weight is raised to this power: a fact three outlets carry
# counts nine times one outlet's aside, not three times.
SUPPORT_EXPONENT = 2.0


@dataclass(frozen=True, slots=True)
class _Unit:
    """One sentence as the digest sees it."""

    article: int  # index into the article list
    sentence: int  # Sentence.index
    rank: int  # position among the article's candidate sentences
    text: str
    words: int
    terms: Terms


def build_digest(articles: Sequence[Article], settings: DigestSettings) -> tuple[DigestSentence, ...]:
    """Pick sentences from all articles that together cover the most-reported facts."""
    content, support_pool = _units(articles)
    if not content or settings.words <= 0:
        return ()
    weights = _concept_weights(content)
    chosen = _select(_distinct(content), weights, settings.words)
    support = _supporting_articles([unit for unit, _ in chosen], support_pool)
    return tuple(
        DigestSentence(
            text=unit.text,
            articles=tuple(dict.fromkeys(articles[i].id for i in found)),  # an article passed twice: cited once
            origin=SentenceRef(articles[unit.article].id, unit.sentence, unit.text),
            score=round(score, 6),
        )
        for (unit, score), found in zip(chosen, support)
    )


def _units(articles: Sequence[Article]) -> tuple[list[_Unit], list[_Unit]]:
    """Content sentences (digest candidates, in article order) and every sentence usable as support."""
    content: list[_Unit] = []
    pool: list[_Unit] = []
    for a_index, article in enumerate(articles):
        rank = 0
        for sentence in article.sentences:
            text = sentence.text.strip()
            n = word_count(text)
            if n < MIN_SUPPORT_WORDS:
                continue
            unit = _Unit(a_index, sentence.index, rank, text, n, terms(text))
            pool.append(unit)
            if is_candidate(text):
                content.append(unit)
                rank += 1
    return content, pool


def _distinct(units: Sequence[_Unit]) -> list[_Unit]:
    """First copy of each sentence text: a caption repeated on the page or a wire story
    run verbatim by two outlets is one candidate (its copies still count as support)."""
    seen: set[str] = set()
    out: list[_Unit] = []
    for unit in units:
        key = " ".join(unit.text.lower().split())
        if key not in seen:
            seen.add(key)
            out.append(unit)
    return out


def _position_weight(rank: int) -> float:
    return 1.0 / (1.0 + rank / POSITION_SCALE)


def _concept_weights(units: Sequence[_Unit]) -> dict[str, float]:
    """Sum over articles of the best position weight at which each concept occurs."""
    weights: dict[str, float] = defaultdict(float)
    for _, group in groupby(units, key=lambda u: u.article):
        best: dict[str, float] = {}
        for unit in group:  # in document order, so the first occurrence is the best placed
            w = _position_weight(unit.rank)
            for concept in _concepts(unit.terms):
                if concept not in best:
                    best[concept] = w
        for concept, w in best.items():
            weights[concept] += w
    return {c: w**SUPPORT_EXPONENT for c, w in weights.items()}


def _concepts(t: Terms) -> list[str]:
    return [*t.bigrams, *t.unigrams]


def _gain(t: Terms, weights: dict[str, float], covered: set[str]) -> float:
    """Weight of the concepts not covered yet. `fsum` is exact, so the result does not
    depend on set iteration order (which changes with PYTHONHASHSEED): ties break the
    same way in every process, and the digest is deterministic."""
    g = math.fsum(weights[b] for b in t.bigrams if b not in covered)
    return g + UNIGRAM_WEIGHT * math.fsum(weights[u] for u in t.unigrams if u not in covered)


def _select(units: Sequence[_Unit], weights: dict[str, float], budget: int) -> list[tuple[_Unit, float]]:
    """Lazy greedy: pop the best bound, re-score it, accept it if it is still the best.

    Gains only shrink as concepts get covered (the objective is submodular), so a
    stale heap entry is an upper bound and most sentences are never re-scored."""
    covered: set[str] = set()
    heap: list[tuple[float, int, int]] = []
    for i, unit in enumerate(units):
        ratio = _ratio(unit, weights, covered)
        heap.append((-ratio, i, 0))
    heapq.heapify(heap)
    chosen: list[tuple[_Unit, float]] = []
    remaining = budget
    step = 0
    while heap and remaining > 0:
        neg, i, stamp = heapq.heappop(heap)
        unit = units[i]
        if unit.words > remaining:
            continue  # the budget only shrinks: it will never fit
        if stamp != step:
            heapq.heappush(heap, (-_ratio(unit, weights, covered), i, step))
            continue
        if -neg <= 0.0:
            break
        if any(_same_fact(unit.terms, c.terms) for c, _ in chosen):
            continue
        chosen.append((unit, -neg))
        covered.update(_concepts(unit.terms))
        remaining -= unit.words
        step += 1
    return chosen


def _ratio(unit: _Unit, weights: dict[str, float], covered: set[str]) -> float:
    gain = _gain(unit.terms, weights, covered) * _position_weight(unit.rank)
    return gain / (unit.words**LENGTH_EXPONENT)


def _same_fact(a: Terms, b: Terms) -> bool:
    """Near-duplicates: most of the shorter sentence's content words are in the other."""
    small = min(len(a.unigrams), len(b.unigrams))
    if small == 0:
        return False
    return len(a.unigrams & b.unigrams) >= NEAR_DUPLICATE * small and len(a.bigrams & b.bigrams) >= 2


def _supporting_articles(chosen: Sequence[_Unit], pool: Sequence[_Unit]) -> list[list[int]]:
    """For each chosen sentence: its own article first, then every other article
    stating the same fact. One pass over the pool: only sentences sharing two
    bigrams with some chosen sentence are compared in full."""
    found: list[dict[int, None]] = [{unit.article: None} for unit in chosen]
    wanted = frozenset().union(*(unit.terms.bigrams for unit in chosen))
    for other in pool:
        if len(other.terms.bigrams & wanted) < 2:
            continue
        for unit, cited in zip(chosen, found):
            if other.article not in cited and _same_fact(unit.terms, other.terms):
                cited[other.article] = None
    return [[next(iter(cited)), *sorted(list(cited)[1:])] for cited in found]
