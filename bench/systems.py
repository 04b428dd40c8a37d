"""The systems compared in the quality benchmark: our digest and the baselines.

Every system returns its sentences best first; `truncate` then applies the same
word budget to all of them (see quality.py for the rule).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from nltk.stem.porter import PorterStemmer
from nltk.tokenize import NLTKWordTokenizer
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from briefing.digest.build import build_digest
from briefing.config import DigestSettings
from briefing.models import Article

System = Callable[[Sequence[Article], int], list[str]]


class _WordTokenizer:
    """Words for sumy without NLTK's downloader (sentences come from our Articles)."""

    language = "english"

    def __init__(self) -> None:
        self._words = NLTKWordTokenizer()

    def to_sentences(self, text: str) -> tuple[str, ...]:  # unused: sentences are given
        return (text,)

    def to_words(self, sentence: str) -> list[str]:
        return [w for w in self._words.tokenize(sentence) if any(ch.isalnum() for ch in w)]


@lru_cache(maxsize=1)
def _tokenizer() -> object:
    try:
        from briefing.nlp.words import SumyTokenizer

        return SumyTokenizer("english")
    except ImportError:
        return _WordTokenizer()


def _document(articles: Sequence[Article]) -> ObjectDocumentModel:
    tok = _tokenizer()
    paragraphs = [
        Paragraph([SumySentence(s.text, tok) for s in a.sentences]) for a in articles if a.sentences
    ]
    return ObjectDocumentModel(paragraphs)


def _sumy(factory: Callable[[], object]) -> System:
    def run(articles: Sequence[Article], budget: int) -> list[str]:
        summarizer = factory()
        summarizer.stop_words = get_stop_words("english")
        ranked: list = []

        def grab(infos: list) -> list:  # sumy hands the rating-sorted list to `count`
            ranked.extend(infos)
            return infos

        summarizer(_document(articles), grab)
        return [info.sentence._text for info in ranked]

    return run


def _stemmer() -> Callable[[str], str]:
    return PorterStemmer().stem


def lead(articles: Sequence[Article], budget: int) -> list[str]:
    return [s.text for s in articles[0].sentences] if articles else []


def lead_round_robin(articles: Sequence[Article], budget: int) -> list[str]:
    out: list[str] = []
    depth = max((len(a.sentences) for a in articles), default=0)
    for i in range(depth):
        out.extend(a.sentences[i].text for a in articles if i < len(a.sentences))
    return out


def digest(articles: Sequence[Article], budget: int) -> list[str]:
    return [d.text for d in build_digest(articles, DigestSettings(words=budget))]


SYSTEMS: dict[str, System] = {
    "digest": digest,
    "lead": lead,
    "lead round-robin": lead_round_robin,
    "lexrank": _sumy(lambda: LexRankSummarizer(_stemmer())),
    "textrank": _sumy(lambda: TextRankSummarizer(_stemmer())),
    "lsa": _sumy(lambda: LsaSummarizer(_stemmer())),
    "sumbasic": _sumy(lambda: SumBasicSummarizer(_stemmer())),
}
