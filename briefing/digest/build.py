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

Editorial rules on top of the coverage objective:

* Only news reports are read (`Article.kind`): opinion columns, analysis and
  transcripts never feed the digest, unless nothing else is loaded (or the news
  reports loaded hold no sentence a digest could use).
* The lead comes first: the latest, most consequential development (lead.py:
  recency from the articles' dates, reach across outlets, events over reactions).
  With no dates there is no "latest", and the greedy's first choice leads.
* Every line stands alone (standalone.py): a chosen sentence that leans on its
  context is rewritten with what its article says (the person's name for "he") or
  passed over for the next best.
* A line cites only the articles with a sentence stating the same fact (cite.py).

Reading order: the lead, then most important first (the order the greedy chose
them, so `score` never rises after the lead), which is what a "key
developments" list wants and what the brief's bullets take from the top.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Sequence

from briefing.config import DigestSettings
from briefing.digest.cite import supporting_articles
from briefing.digest.features import Terms
from briefing.digest.lead import choose_lead, developments_first, recency
from briefing.digest.toll import with_toll
from briefing.digest.standalone import Rewriter
from briefing.digest.units import Unit, build_units, concept_weights, concepts
from briefing.models import Article, DigestSentence, SentenceRef

# How much a content word counts next to a bigram concept.
UNIGRAM_WEIGHT = 0.5
# Cost of a sentence is words ** LENGTH_EXPONENT (< 1 lets a long, rich sentence win
# over two short ones of the same total weight; not by much: a one-page brief holds more
# facts in shorter lines. 0.7 -> 0.85 took gold developments 17 -> 19 of 36 on the piles,
# Multi-News ROUGE unchanged).
LENGTH_EXPONENT = 0.85
# Two sentences state the same fact when this share of the shorter one's content words
# appears in the other.
NEAR_DUPLICATE = 0.6
# See units.CONTEXT_PENALTY; read from here at each call so that it can be tuned per run.
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
# How widely a fact is reported counts each report by its age: its weight halves every
# NEWS_HALF_LIFE_DAYS days before the newest report (undated sets: every report counts 1).
NEWS_HALF_LIFE_DAYS = 2.0


def build_digest(articles: Sequence[Article], settings: DigestSettings) -> tuple[DigestSentence, ...]:
    """Pick sentences from the news reports that together cover the most-reported facts, the
    day's lead first, each standing alone and citing the reports that state it."""
    reports = news_reports(articles)
    content, support_pool = build_units(reports, CONTEXT_PENALTY)
    if not content and len(reports) < len(articles):
        # The news reports hold no line a digest could use (a stub, a caption, a video page):
        # the set has no news to report, and the digest says what the rest of it says.
        reports = list(articles)
        content, support_pool = build_units(reports, CONTEXT_PENALTY)
    if not content or settings.words <= 0:
        return ()
    weights = concept_weights(content, recency(reports, NEWS_HALF_LIFE_DAYS))
    rarity = _Rarity(support_pool)
    candidates = _distinct(content)
    lead = choose_lead(candidates, reports, lambda u: _ratio(u, weights, set()))
    ranked = developments_first(candidates, reports)
    rewriter = Rewriter(tuple(reports))
    chosen = _select(ranked, weights, settings.words, rarity, rewriter, lead)
    chosen = with_toll(chosen, ranked, settings.words, rewriter, lambda u: _ratio(u, weights, set()))
    support = supporting_articles(
        [(unit, unit.text) for unit, _ in chosen], support_pool, rarity.of, [a.published for a in reports]
    )
    return tuple(
        DigestSentence(
            text=unit.text,
            articles=tuple(dict.fromkeys(reports[i].id for i in found)),  # an article passed twice: cited once
            origin=SentenceRef(reports[unit.article].id, unit.sentence, _original(reports[unit.article], unit)),
            score=round(score, 6),
        )
        for (unit, score), found in zip(chosen, support)
    )


def news_reports(articles: Sequence[Article]) -> list[Article]:
    """The news reports among `articles`; all of them when none is one (a pile of columns
    still gets a digest, of what the columns say)."""
    news = [a for a in articles if a.kind == "news"]
    return news or list(articles)


def _original(article: Article, unit: Unit) -> str:
    return article.sentences[unit.sentence].text.strip()


def _distinct(units: Sequence[Unit]) -> list[Unit]:
    """First copy of each sentence text: a caption repeated on the page or a wire story
    run verbatim by two outlets is one candidate (its copies still count as support)."""
    seen: set[str] = set()
    out: list[Unit] = []
    for unit in units:
        key = " ".join(unit.text.lower().split())
        if key not in seen:
            seen.add(key)
            out.append(unit)
    return out


def _gain(t: Terms, weights: dict[str, float], covered: set[str]) -> float:
    """Weight of the concepts not covered yet. `fsum` is exact, so the result does not
    depend on set iteration order (which changes with PYTHONHASHSEED): ties break the
    same way in every process, and the digest is deterministic."""
    g = math.fsum(weights.get(b, 0.0) for b in t.bigrams if b not in covered)
    return g + UNIGRAM_WEIGHT * math.fsum(weights.get(u, 0.0) for u in t.unigrams if u not in covered)


def _select(
    units: Sequence[Unit],
    weights: dict[str, float],
    budget: int,
    rarity: _Rarity,
    rewriter: Rewriter,
    lead: Unit | None = None,
) -> list[tuple[Unit, float]]:
    """Lazy greedy: pop the best bound, re-score it, accept it if it is still the best.

    Gains only shrink as concepts get covered (the objective is submodular), so a
    stale heap entry is an upper bound and most sentences are never re-scored. The
    lead, when there is one, is taken first; a sentence about to be taken is first
    made to stand alone (or passed over when it cannot be)."""
    covered: set[str] = set()
    chosen: list[tuple[Unit, float]] = []
    remaining = budget
    if lead is not None:
        ready = rewriter.ready(lead)
        if ready is not None and ready.words <= remaining:
            chosen.append((ready, _ratio(ready, weights, covered)))
            covered.update(concepts(ready.terms))
            remaining -= ready.words
    heap = [(-_ratio(unit, weights, covered), i, 0) for i, unit in enumerate(units)]
    heapq.heapify(heap)
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
        if any(_repeats(unit, c, rarity) for c, _ in chosen):
            continue
        ready = rewriter.ready(unit)
        if ready is None or ready.words > remaining:
            continue
        chosen.append((ready, -neg))
        covered.update(concepts(ready.terms))
        remaining -= ready.words
        step += 1
    return chosen


def _repeats(unit: Unit, other: Unit, rarity: _Rarity) -> bool:
    """The same sentence, or the same fact in other words (two outlets' paraphrases)."""
    if unit.article == other.article and unit.sentence == other.sentence:
        return True
    return _same_fact(unit.terms, other.terms) or (
        other.article != unit.article and rarity.same_event(unit.terms, other.terms)
    )


def _ratio(unit: Unit, weights: dict[str, float], covered: set[str]) -> float:
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

    def __init__(self, pool: Sequence[Unit]) -> None:
        counts: Counter[str] = Counter()
        for unit in pool:
            counts.update(unit.terms.unigrams)
        n = len(pool) + 1
        self._counts = counts
        self._idf = {stem: math.log(n / (c + 0.5)) for stem, c in counts.items()}
        self._default = math.log(n / 0.5)

    def of(self, stem: str) -> float:
        """How much a stem tells about a fact: its inverse sentence frequency, and nothing for a
        stem no other sentence uses (a detail only this sentence gives: no other article can
        share it, so it says nothing about which articles state the same fact)."""
        if self._counts.get(stem, 0) <= 1:
            return 0.0
        return self._idf[stem]

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
