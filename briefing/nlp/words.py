"""Word tokens for counting, similarity and sumy, without punctuation tokens.

sumy's own tokenizer calls `nltk.word_tokenize`, which needs the downloadable
Punkt pickle; ours uses `NLTKWordTokenizer` (pure regexes) for words and our
Punkt-based `segment` for sentences, so nothing is ever fetched at run time.
Punctuation tokens are dropped because sumy would otherwise count "," and "''"
as the most frequent "words" of every article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from nltk.tokenize import NLTKWordTokenizer
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence

from briefing.models import Sentence
from briefing.nlp.sentences import segment

_WORD_CHAR = re.compile(r"\w", re.UNICODE)
_TOKENIZER = NLTKWordTokenizer()
# Curly quotes are not in NLTKWordTokenizer's rules: make them straight first so
# they come off words as separate (then dropped) tokens.
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


def word_tokens(text: str) -> list[str]:
    """Words of `text` in order: no punctuation tokens, contractions split as NLTK does."""
    tokens = _TOKENIZER.tokenize(text.translate(_QUOTES))
    return [_strip_period(t) for t in tokens if _WORD_CHAR.search(t)]


def _strip_period(token: str) -> str:
    """NLTK only splits the period at the very end of its input; inside longer text
    "word." stays glued. Keep the period of dotted abbreviations ("U.S.")."""
    if len(token) > 1 and token.endswith(".") and "." not in token[:-1]:
        return token[:-1]
    return token


class SumyTokenizer:
    """The tokenizer object sumy's parsers and documents call (`to_sentences`, `to_words`)."""

    def __init__(self, language: str = "english") -> None:
        self.language = language

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return tuple(s.text for s in segment(text.splitlines(), self.language))

    @staticmethod
    def to_words(sentence: str) -> tuple[str, ...]:
        return tuple(word_tokens(sentence))


@lru_cache(maxsize=8)
def sumy_tokenizer(language: str = "english") -> SumyTokenizer:
    return SumyTokenizer(language)


def sumy_document(
    sentences: Sequence[Sentence], language: str = "english", heading: str | None = None
) -> ObjectDocumentModel:
    """A sumy document whose n-th sentence is `sentences[n]`, grouped by paragraph.

    Built directly from our sentences (not re-parsed), so the order sumy
    reports maps back to our sentence indexes exactly. `heading` (the title)
    is added as a heading, which sumy keeps out of `document.sentences`.
    """
    tokenizer = sumy_tokenizer(language)
    paragraphs: list[Paragraph] = []
    if heading:
        paragraphs.append(Paragraph([SumySentence(heading, tokenizer, is_heading=True)]))
    current: list[SumySentence] = []
    last_paragraph: int | None = None
    for sentence in sentences:
        if current and sentence.paragraph != last_paragraph:
            paragraphs.append(Paragraph(current))
            current = []
        current.append(SumySentence(sentence.text, tokenizer))
        last_paragraph = sentence.paragraph
    if current:
        paragraphs.append(Paragraph(current))
    return ObjectDocumentModel(paragraphs)
