"""Word tokens for counting, similarity and sumy, without punctuation tokens.

sumy's own tokenizer calls `nltk.word_tokenize`, which needs the downloadable
Punkt pickle; ours is one regular expression for words and our Punkt-based
`segment` for sentences, so nothing is ever fetched at run time.
Punctuation tokens are dropped because sumy would otherwise count "," and "''"
as the most frequent "words" of every article.

Why a regex and not NLTK's `NLTKWordTokenizer`: that is a chain of ~30 regex
substitutions costing about 1 ms a sentence, which made word splitting half of
the summary time over 1,000 articles (33,000 sentences). Bag-of-words
summarisers only need the words, so one `findall` (about 30 µs a sentence)
does, keeping NLTK's conventions where they change a count: clitics split off
("It's" -> "It", "'s"; "don't" -> "do", "n't"; "cannot" -> "can", "not"),
hyphenated words, numbers ("1,000", "3.5", "4:50") and dotted abbreviations
("U.S.", "U.S.-brokered") stay whole. On 17,000 news sentences it agrees with
NLTK-then-drop-punctuation on 98 % of sentences; where it differs it is more
consistent (a sentence-final "U.S." keeps its period, as it does mid-sentence,
where NLTK would give "U.S").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.models import Sentence
from briefing.nlp.sentences import segment

if TYPE_CHECKING:  # sumy is imported where a document is built: it pulls in requests (~0.1 s)
    from sumy.models.dom import ObjectDocumentModel

# Curly quotes become straight first, so that one set of apostrophe rules applies.
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_TOKEN = re.compile(
    r"""
      [^\W_]+(?=n't\b)                     # "do" of "don't", "ca" of "can't"
    | n't\b                                 # ... and the clitic itself
    | '(?:s|m|d|ll|re|ve)\b                 # "'s", "'re", ... split off as NLTK does
    | \b(?:can(?=not\b)|gon(?=na\b)|got(?=ta\b)|wan(?=na\b)|gim(?=me\b)|lem(?=me\b))
    | \w+                                   # a word, number or name, with what binds inside it:
      (?: (?<=\d)[.,:]\d+                   #   3.5, 1,000, 4:50
        | \.?-\w+                           #   well-known, U.S.-brokered
        | [./]\w+                           #   U.S, example.com, and/or, 24/7
        | '(?!(?:s|m|d|ll|re|ve|t)\b)\w+    #   O'Brien, rock'n'roll (not a clitic)
      )*
      (?:(?<=\.[^\W\d_])\.)?                #   the closing period of "U.S." and "Ph.D."
    """,
    re.VERBOSE | re.IGNORECASE,
)


def word_tokens(text: str) -> list[str]:
    """Words of `text` in order: no punctuation tokens, clitics split as NLTK does."""
    return _TOKEN.findall(text.translate(_QUOTES))


@lru_cache(maxsize=16384)
def _sentence_words(sentence: str) -> tuple[str, ...]:
    """Cached: the TUI re-summarises the same article with each algorithm the user tries."""
    return tuple(word_tokens(sentence))


class SumyTokenizer:
    """The tokenizer object sumy's parsers and documents call (`to_sentences`, `to_words`)."""

    def __init__(self, language: str = "english") -> None:
        self.language = language

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return tuple(s.text for s in segment(text.splitlines(), self.language))

    @staticmethod
    def to_words(sentence: str) -> tuple[str, ...]:
        return _sentence_words(sentence)


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
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

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
