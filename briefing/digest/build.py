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
* Paraphrases of one event by two outlets share few bigrams but the same
  lower-case "what happened" words and rare stems; they count as the same fact
  too (`_Rarity.same_event`), both for selection and for citations.
* A sentence that needs an earlier one to say who spoke or acted ("..., he
  said.") is strongly penalised: a list of key developments has no earlier sentence.
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
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from briefing.config import DigestSettings
from briefing.digest.features import Terms, is_candidate, needs_context, terms, word_count
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
# A sentence that leans on an earlier one for its speaker or subject ("..., he said.",
# "He also ordered ...") has its score multiplied by this: in a list of key developments
# nobody knows who "he" is, so another outlet's self-contained sentence with the same
# concepts wins; the pronoun sentence is still taken when nothing else carries the fact.
CONTEXT_PENALTY = 0.3
# Paraphrases of one event by two outlets ("a sniper in Gaza shot a worker on the fence"
# / "a civilian fixing the border fence was shot by sniper fire") share few bigrams, so
# the near-duplicate test misses them. They do share what happened: at least
# PARAPHRASE_EVENTS content words written in lower case (names are shared by every
# fact of a story), PARAPHRASE_SIM of the shorter one's rarity-weighted content
# (inverse sentence frequency in the set, so "sniper" counts, "Gaza" barely), and no
# conflicting numbers.
PARAPHRASE_EVENTS = 5
PARAPHRASE_SIM = 0.25
# Citing is a weaker claim than leaving a sentence out: another outlet supports a chosen
# sentence when it shares one event word fewer ("Putin's decision to withdraw the main
# part of Russian forces from Syria" supports "Putin announced that the main part of the
# Russian forces would start to withdraw from Syria"), with the other tests unchanged.
SUPPORT_EVENTS = PARAPHRASE_EVENTS - 1


@dataclass(frozen=True, slots=True)
class _Unit:
    """One sentence as the digest sees it."""

    article: int  # index into the article list
    sentence: int  # Sentence.index
    rank: int  # position among the article's candidate sentences
    text: str
    words: int
    terms: Terms
    prior: float = 1.0  # position weight times any penalty (CONTEXT_PENALTY)


def build_digest(articles: Sequence[Article], settings: DigestSettings) -> tuple[DigestSentence, ...]:
    """Pick sentences from all articles that together cover the most-reported facts."""
    content, support_pool = _units(articles)
    if not content or settings.words <= 0:
        return ()
    weights = _concept_weights(content)
    rarity = _Rarity(support_pool)
    chosen = _select(_distinct(content), weights, settings.words, rarity)
    support = _supporting_articles([unit for unit, _ in chosen], support_pool, rarity)
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
            if is_candidate(text):
                prior = _position_weight(rank) * (CONTEXT_PENALTY if needs_context(text) else 1.0)
                unit = _Unit(a_index, sentence.index, rank, text, n, terms(text), prior)
                content.append(unit)
                rank += 1
            else:
                unit = _Unit(a_index, sentence.index, -1, text, n, terms(text))
            pool.append(unit)
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


def _select(
    units: Sequence[_Unit], weights: dict[str, float], budget: int, rarity: _Rarity
) -> list[tuple[_Unit, float]]:
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
        if any(
            _same_fact(unit.terms, c.terms) or (c.article != unit.article and rarity.same_event(unit.terms, c.terms))
            for c, _ in chosen
        ):
            continue
        chosen.append((unit, -neg))
        covered.update(_concepts(unit.terms))
        remaining -= unit.words
        step += 1
    return chosen


def _ratio(unit: _Unit, weights: dict[str, float], covered: set[str]) -> float:
    gain = _gain(unit.terms, weights, covered) * unit.prior
    length: float = float(unit.words) ** LENGTH_EXPONENT
    return gain / length


def _same_fact(a: Terms, b: Terms) -> bool:
    """Near-duplicates: most of the shorter sentence's content words are in the other."""
    small = min(len(a.unigrams), len(b.unigrams))
    if small == 0:
        return False
    return len(a.unigrams & b.unigrams) >= NEAR_DUPLICATE * small and len(a.bigrams & b.bigrams) >= 2


class _Rarity:
    """Inverse sentence frequency of each stem over the loaded set (one pass, a Counter)."""

    def __init__(self, pool: Sequence[_Unit]) -> None:
        counts: Counter[str] = Counter()
        for unit in pool:
            counts.update(unit.terms.unigrams)
        n = len(pool) + 1
        self._idf = {stem: math.log(n / (c + 0.5)) for stem, c in counts.items()}
        self._default = math.log(n / 0.5)

    def weight(self, stems: frozenset[str]) -> float:
        return math.fsum(self._idf.get(s, self._default) for s in stems)

    def same_event(self, a: Terms, b: Terms, events: int = PARAPHRASE_EVENTS) -> bool:
        """Paraphrases of one event (see PARAPHRASE_EVENTS); cheapest tests first."""
        if len(a.events & b.events) < events:
            return False
        if a.numbers and b.numbers and not a.numbers & b.numbers:
            return False  # "killed 5" and "killed 12" are two events
        smaller = min(self.weight(a.unigrams), self.weight(b.unigrams))
        return smaller > 0 and self.weight(a.unigrams & b.unigrams) >= PARAPHRASE_SIM * smaller


def _supporting_articles(chosen: Sequence[_Unit], pool: Sequence[_Unit], rarity: _Rarity) -> list[list[int]]:
    """For each chosen sentence: its own article first, then every other article
    stating the same fact. One pass over the pool: only sentences sharing two
    bigrams or SUPPORT_EVENTS event words with some chosen sentence are compared in full."""
    found: list[dict[int, None]] = [{unit.article: None} for unit in chosen]
    wanted = frozenset().union(*(unit.terms.bigrams for unit in chosen))
    events = frozenset().union(*(unit.terms.events for unit in chosen))
    for other in pool:
        if len(other.terms.bigrams & wanted) < 2 and len(other.terms.events & events) < SUPPORT_EVENTS:
            continue
        for unit, cited in zip(chosen, found):
            if other.article not in cited and (
                _same_fact(unit.terms, other.terms) or rarity.same_event(unit.terms, other.terms, SUPPORT_EVENTS)
            ):
                cited[other.article] = None
    return [[next(iter(cited)), *sorted(list(cited)[1:])] for cited in found]
