"""The sentences the digest works with, and what each is worth.

A `Unit` is one sentence as the digest sees it: its article, its place among
that article's candidate sentences, its terms and a prior (position weight
times any penalty). Concept weights say how widely a concept is reported: the
sum over articles of the position weight of its first occurrence, squared, so a
fact several outlets carry counts far more than one outlet's aside.
"""

from __future__ import annotations

import re

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from briefing.digest.features import Terms, content_stems, is_candidate, needs_context, terms, word_count
from briefing.models import Article

# Position prior: an article's k-th content sentence counts 1 / (1 + k / POSITION_SCALE)
# (1 for the lead, 1/2 at POSITION_SCALE sentences in).
POSITION_SCALE = 40.0
# Sentences shorter than this are not counted as support (headlines, captions).
MIN_SUPPORT_WORDS = 5
# A concept's summed article weight is raised to this power: a fact three outlets carry
# counts nine times one outlet's aside, not three times.
SUPPORT_EXPONENT = 2.0
# A sentence that leans on an earlier one for its speaker or subject ("..., he said.",
# "He also ordered ...") has its score multiplied by this: in a list of key developments
# nobody knows who "he" is, so another outlet's self-contained sentence with the same
# concepts wins; the pronoun sentence is still taken when nothing else carries the fact
# (and then named, see standalone.py).
CONTEXT_PENALTY = 0.3
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence as the digest sees it."""

    article: int  # index into the article list
    sentence: int  # Sentence.index
    rank: int  # position among the article's candidate sentences (-1: support only)
    text: str
    words: int
    terms: Terms
    prior: float = 1.0  # position weight times any penalty (CONTEXT_PENALTY)


def build_units(articles: Sequence[Article], penalty: float = CONTEXT_PENALTY) -> tuple[list[Unit], list[Unit]]:
    """Content sentences (digest candidates, in article order) and every sentence usable as support."""
    content: list[Unit] = []
    pool: list[Unit] = []
    for a_index, article in enumerate(articles):
        rank = 0
        for sentence in article.sentences:
            text = sentence.text.strip()
            n = word_count(text)
            if n < MIN_SUPPORT_WORDS:
                continue
            if is_candidate(text) and not doubted_next(article, sentence.index):
                prior = position_weight(rank) * (penalty if needs_context(text) else 1.0)
                unit = Unit(a_index, sentence.index, rank, text, n, terms(text), prior)
                content.append(unit)
                rank += 1
            else:  # support only: read for its content stems alone (never scored, never chosen)
                unit = Unit(a_index, sentence.index, -1, text, n, Terms(content_stems(text), _NONE))
            pool.append(unit)
    return content, pool


# The reporter's doubt, opening the next sentence: "He did not elaborate, and reports from the
# area did not indicate anything close to such a number", "The claim could not be independently
# verified". The claim before it is no development to state without it.
_DOUBT = re.compile(
    r"^(?:[\w'’-]+\s+){0,5}?(?:did\s+not|didn['’]t)\s+(?:elaborate|(?:provide|offer|give|present)\s+(?:any\s+)?"
    r"(?:evidence|proof|details))"
    r"|^(?:[\w'’,-]+\s+){0,6}?(?:could\s+not|couldn['’]t|cannot|can['’]t)\s+(?:be\s+)?(?:independently\s+)?"
    r"(?:verif|confirm)"
    r"|^(?:[\w'’,-]+\s+){0,6}?(?:offered|provided|gave|presented)\s+no\s+(?:evidence|proof)"
    r"|^there\s+(?:was|is|has\s+been)\s+no\s+(?:independent\s+)?(?:confirmation|verification|evidence)",
    re.I,
)


def doubted_next(article: Article, index: int) -> bool:
    """The sentence after this one casts the reporter's doubt on it (see _DOUBT)."""
    after = index + 1
    return after < len(article.sentences) and _DOUBT.search(article.sentences[after].text.strip()) is not None


def position_weight(rank: int) -> float:
    return 1.0 / (1.0 + rank / POSITION_SCALE)


def concept_weights(units: Sequence[Unit], article_weights: Sequence[float] | None = None) -> dict[str, float]:
    """Sum over articles of the best position weight at which each concept occurs (times the
    article's own weight when given: its recency), squared."""
    weights: dict[str, float] = defaultdict(float)
    for article, group in groupby(units, key=lambda u: u.article):
        scale = article_weights[article] if article_weights is not None else 1.0
        best: dict[str, float] = {}
        for unit in group:  # in document order, so the first occurrence is the best placed
            w = position_weight(unit.rank)
            for concept in concepts(unit.terms):
                if concept not in best:
                    best[concept] = w
        for concept, w in best.items():
            weights[concept] += w * scale
    return {c: w**SUPPORT_EXPONENT for c, w in weights.items()}


def concepts(t: Terms) -> list[str]:
    return [*t.bigrams, *t.unigrams]
