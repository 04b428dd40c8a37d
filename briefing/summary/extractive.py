"""Extractive summaries of one article: sumy's eight algorithms plus `lead`.

Every algorithm is reduced to the same thing, a ranking of sentence indexes
best first, so that the three ways of asking for a length (sentences, ratio,
words) are applied identically whatever ranked the sentences. The chosen
indexes are always returned in document order.

Costs: KL and LexRank grow quadratically with the number of sentences (KL took
28 s on one 8,000-word input, sumy's LexRank 4.7 s on 1,000 sentences), so a
ranker is given at most `max_input_sentences` sentences, the first ones (in
news the lede carries the story), and the Summary's note says so. LexRank, the
default, runs as `briefing.summary.lexrank.FastLexRankSummarizer` (same ranking,
about 10x faster), and LSA as `briefing.summary.lsa.StableLsaSummarizer` (sumy's
depends on the string-hash seed); configured summarisers and word stems are
reused across calls.

sumy, NLTK and numpy are imported on first use (about 0.5 s together): the
TUI imports this module before its first screen and must not pay for them.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import import_module
from typing import TYPE_CHECKING

from briefing.config import ALGORITHMS, SummarySettings
from briefing.models import Article, Summary
from briefing.nlp.words import sumy_document, word_tokens

if TYPE_CHECKING:
    from sumy.models.dom import ObjectDocumentModel
    from sumy.summarizers._summarizer import AbstractSummarizer, SentenceInfo

#: Where each ranker lives (module, class); imported when first asked for.
_SUMY_CLASSES: dict[str, tuple[str, str]] = {
    "lexrank": ("briefing.summary.lexrank", "FastLexRankSummarizer"),
    "lsa": ("briefing.summary.lsa", "StableLsaSummarizer"),
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "edmundson": ("sumy.summarizers.edmundson", "EdmundsonSummarizer"),
    "kl": ("sumy.summarizers.kl", "KLSummarizer"),
    "sumbasic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "reduction": ("sumy.summarizers.reduction", "ReductionSummarizer"),
}

#: Hard limits for rankers slower than the general cap allows. sumy's KL picks
#: sentences one at a time and rescores every remaining one each round (cubic):
#: measured 0.95 s for 100 sentences, 4.1 s for 150, 22 s for 300.
ALGORITHM_LIMITS: dict[str, int] = {"kl": 100}

#: Edmundson's cue method needs "stigma" words: the wording of boilerplate and
#: hedged asides, which a news summary should not lead with.
STIGMA_WORDS = frozenset(
    """contributed copyright reporting editing subscribe newsletter click advertisement
    photo caption reportedly allegedly unconfirmed rumour rumor hardly perhaps""".split()
)


def summarize(article: Article, settings: SummarySettings) -> Summary:
    """The summary of `article` that `settings` asks for."""
    if settings.algorithm not in ALGORITHMS:
        raise ValueError(f"unknown summary algorithm {settings.algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    total = len(article.sentences)
    limit = input_limit(settings.algorithm, settings.max_input_sentences, total)
    ranked = rank(article, settings.algorithm, settings.language, limit)
    chosen = _choose(ranked, article, settings)
    note = None
    if limit < total:
        note = f"{settings.algorithm} was given the first {limit} of {total} sentences"
        note += " (its own limit)" if limit < settings.max_input_sentences else " (summary.max_input_sentences)"
    return Summary(article.id, settings, tuple(sorted(chosen)), note)


def input_limit(algorithm: str, max_input_sentences: int, total: int) -> int:
    """How many leading sentences `algorithm` is given."""
    if algorithm == "lead":
        return total
    return min(total, max_input_sentences, ALGORITHM_LIMITS.get(algorithm, total))


def rank(article: Article, algorithm: str, language: str = "english", limit: int | None = None) -> list[int]:
    """Sentence indexes of the first `limit` sentences, best first (ties in document order)."""
    sentences = article.sentences[: len(article.sentences) if limit is None else limit]
    if algorithm == "lead" or len(sentences) <= 1:
        return [s.index for s in sentences]
    summarizer = _summarizer(algorithm, language, article)
    heading = article.title if algorithm == "edmundson" else None
    document = sumy_document(sentences, language, heading=heading)
    return [sentences[order].index for order in _ranked_orders(summarizer, document)]


def _ranked_orders(summarizer: AbstractSummarizer, document: ObjectDocumentModel) -> list[int]:
    """Every sentence's position in the document, best rated first.

    sumy hands its rating-sorted list to the `count` callable before trimming,
    so asking with a callable that records that list gives the full ranking
    without touching sumy's internals.
    """
    captured: list[SentenceInfo] = []

    def everything(infos: Sequence[SentenceInfo]) -> Sequence[SentenceInfo]:
        captured[:] = infos
        return infos

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # LSA warns on short documents; the ranking is still valid
        summarizer(document, everything)
    return [info.order for info in captured]


def _summarizer(algorithm: str, language: str, article: Article) -> AbstractSummarizer:
    if algorithm != "edmundson":
        return _configured(algorithm, language)
    summarizer = _summarizer_class("edmundson")(_stemmer(language))
    stop_words = _stop_words(language)
    summarizer.null_words = stop_words or frozenset({"the"})
    summarizer.bonus_words = _bonus_words(article, stop_words)  # per article: not shareable
    summarizer.stigma_words = STIGMA_WORDS
    return summarizer


@lru_cache(maxsize=32)
def _configured(algorithm: str, language: str) -> AbstractSummarizer:
    """One configured summariser per algorithm and language, reused.

    sumy normalises the whole stop-word list each time it is set (~1 ms), more
    than LexRank now takes on a short article; its summarisers keep no state
    between calls other than this configuration.
    """
    summarizer = _summarizer_class(algorithm)(_stemmer(language))
    if hasattr(summarizer, "stop_words"):
        summarizer.stop_words = _stop_words(language)
    return summarizer


def _summarizer_class(algorithm: str) -> type[AbstractSummarizer]:
    module, name = _SUMY_CLASSES[algorithm]
    found: type[AbstractSummarizer] = getattr(import_module(module), name)
    return found


def _bonus_words(article: Article, stop_words: frozenset[str]) -> frozenset[str]:
    """Edmundson's cue words: the title's content words, else the article's most frequent ones."""
    title = {w.lower() for w in word_tokens(article.title or "") if w.lower() not in stop_words}
    if title:
        return frozenset(title)
    counts = Counter(w.lower() for w in word_tokens(article.text) if w.lower() not in stop_words)
    return frozenset(w for w, _ in counts.most_common(10)) or frozenset({"said"})


@lru_cache(maxsize=8)
def _stemmer(language: str) -> Callable[[str], str]:
    """sumy's stemmer, or none: Greek and Polish need optional packages that fail only when called."""
    from sumy.nlp.stemmers import Stemmer, null_stemmer

    try:
        stemmer = Stemmer(language)
        stemmer("probe")
    except (LookupError, ValueError):
        plain: Callable[[str], str] = null_stemmer
        return plain
    # Memoised: stemming is a pure function of the word, and the Snowball
    # stemmer (~30 µs a word) was called for every word of every sentence.
    return lru_cache(maxsize=1 << 17)(stemmer)


@lru_cache(maxsize=8)
def _stop_words(language: str) -> frozenset[str]:
    """sumy's bundled list (read from the installed package, never downloaded)."""
    from sumy.utils import get_stop_words

    try:
        return frozenset(get_stop_words(language))
    except LookupError:
        return frozenset()


def _choose(ranked: Sequence[int], article: Article, settings: SummarySettings) -> list[int]:
    """The best sentences for the one length the settings give (config.py checked there is one)."""
    if settings.sentences is not None:
        return list(ranked[: settings.sentences])
    if settings.ratio is not None:
        wanted = max(1, round(settings.ratio * len(article.sentences))) if article.sentences else 0
        return list(ranked[:wanted])
    return _within_words(ranked, article, settings.words or 0)


def _within_words(ranked: Sequence[int], article: Article, budget: int) -> list[int]:
    """Best sentences that fit the word budget; a sentence is never cut, a too-long one is skipped."""
    chosen: list[int] = []
    used = 0
    for index in ranked:
        size = len(word_tokens(article.sentences[index].text))
        if used + size <= budget:
            chosen.append(index)
            used += size
    return chosen
