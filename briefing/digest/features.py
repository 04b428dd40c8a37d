"""Sentence features for the digest: stemmed terms, bigram concepts, and the
filters that keep page furniture (bylines, captions, sign-up prompts) out.

Kept apart from the selection in `digest.py` because both the digest and the
benchmark need the same notion of "what a sentence is about", and because the
filters are the part most likely to be tuned on new kinds of input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sumy.utils import get_stop_words

from briefing.ingest.credits import is_caption

# One regex instead of `briefing.nlp.words.word_tokens` (NLTK's tokenizer): the
# digest reads every sentence of every article, and NLTK's chain of regexes costs
# about 1 ms a sentence, 30 s for 30,000 sentences. Matching terms needs no more
# than words with their inner apostrophes, hyphens and dots.
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)

# Shortest and longest sentence (in words) worth putting in a digest: shorter
# ones are headlines, captions and datelines; longer ones are run-on lists or
# sentence-splitter failures.
MIN_WORDS = 8
MAX_WORDS = 55

# Phrases that mark web-page furniture rather than reporting (general to news
# pages, not to any story). Plain substrings of the lower-cased sentence: one C-level
# scan each, where one big case-insensitive regex cost 200 µs a sentence.
_BOILERPLATE = (
    "http://", "https://", "www.", "©", "copyright", "all rights reserved", "click here", "sign up",
    "subscribe", "newsletter", "follow us on", "advertisement", "photo:", "photos:", "image copyright",
    "image caption", "getty images", "read more", "related:", "share this", "email this",
    "enable javascript", "file photo", "(ap photo", "story highlights", "contributed to this report",
    "watch:", "listen:", "video:", "caption", "terms of use", "terms of service", "privacy policy",
    "photo", "pictured", "file image", "...(", "... (",
    # Video-player widgets embedded in the page.
    "video has been rented", "this video is unavailable", "this video is no longer available",
)
# Photo captions: "X, left, and Y unveil ...", "... (Associated Press)".
_CAPTION = re.compile(
    r"\b(?:left|right|center|centre|top|bottom|foreground|background)\)?, |\((?:left|right|center|centre|top|bottom|"
    r"front|rear|second\s+(?:left|right)|far\s+(?:left|right))\)|\((?:ap|associated press|reuters|afp|getty)[^)]*\)\s*$|@\w"
)
_SENTENCE_END = ".!\"'”’)"


@lru_cache(maxsize=4)
def stop_words(language: str = "english") -> frozenset[str]:
    """sumy's shipped stop-word list (no download), as a frozenset for fast lookups."""
    try:
        return frozenset(get_stop_words(language))
    except LookupError:
        return frozenset()


@lru_cache(maxsize=1)
def _stemmer() -> Any:  # nltk's PorterStemmer (nltk ships no types)
    """Imported on first use: `import nltk` alone takes 0.4 s, which the TUI's start
    must not pay before it has anything to analyse."""
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem, cached: news vocabulary repeats heavily across articles."""
    return str(_stemmer().stem(word))


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens without punctuation, normalised so that spelling
    variants of one word match across outlets ("pull-out" = "pullout", "Russia's" = "Russia")."""
    normal = text.lower().replace("’", "'").replace("-", "")
    return [t[:-2] if t.endswith("'s") else t for t in _WORD.findall(normal)]


def word_count(text: str) -> int:
    """Words as a reader counts them (whitespace-separated), the unit of `digest.words`."""
    return len(text.split())


@dataclass(frozen=True, slots=True)
class Terms:
    """What a sentence is about: content stems and stem bigrams."""

    unigrams: frozenset[str]
    bigrams: frozenset[str]  # "stem1 stem2": strings hash faster than tuples
    # Content stems written in lower case: what happened ("shot", "sniper", "fence"),
    # as opposed to who and where (names, which distinct facts of one story share).
    events: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()  # numbers as written: "22", "1,500", "2014"


# Reporting words every story repeats: sharing them says nothing about sharing a fact.
_GENERIC_EVENTS = frozenset(
    "said say says told tell tells added according also would could year years time people day days "
    "week weeks month months one two first last new report reported statement official officials".split()
)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in _GENERIC_EVENTS)


def terms(text: str, language: str = "english") -> Terms:
    """Content stems (stop words dropped) and bigrams of adjacent stems where at
    least one of the pair is a content word (bigrams carry facts: "partial pullout")."""
    read = _read(text, language)
    stems = [s for s, _, _ in read]
    unigrams = frozenset(s for s, keep, _ in read if keep)
    bigrams = frozenset(
        f"{stems[i]} {stems[i + 1]}" for i in range(len(stems) - 1) if read[i][1] or read[i + 1][1]
    )
    events = frozenset(s for s, _, event in read if event)
    return Terms(unigrams, bigrams, events, frozenset(_NUMBER.findall(text)))


def content_stems(text: str, language: str = "english") -> frozenset[str]:
    """`terms(text).unigrams` alone: all a sentence that is never a candidate is read for
    (how rare a stem is, which articles state a fact)."""
    return frozenset(s for s, keep, _ in _read(text, language) if keep)


_Token = tuple[str, bool, bool]  # stem, content word, says what happened
_TOKENS: dict[str, dict[str, _Token]] = {}  # per language: token as written -> what it is
_MAX_TOKENS = 200_000  # distinct tokens kept (a day's news uses far fewer); then start afresh


def _read(text: str, language: str) -> list[_Token]:
    """Each token of `text` as `_token` reads it, from a table: a news vocabulary repeats,
    and this is the digest's innermost loop."""
    table = _TOKENS.get(language)
    if table is None or len(table) > _MAX_TOKENS:
        table = _TOKENS[language] = {}
    get = table.get
    return [get(raw) or _token(raw, language, table) for raw in _WORD.findall(text.replace("’", "'").replace("-", ""))]


def _token(raw: str, language: str, table: dict[str, _Token]) -> _Token:
    """One token as written: its stem, whether it is a content word (not a stop word, longer
    than a letter), and whether it says what happened (a content word written in lower case,
    not a reporting word)."""
    word = raw.lower()
    if word.endswith("'s"):
        word = word[:-2]
    stops = stop_words(language)
    stemmed = stem(word)
    keep = stemmed not in stops and word not in stops and len(word) > 1
    found = table[raw] = (stemmed, keep, keep and raw[0].islower() and stemmed not in _generic_stems())
    return found


_LIST_MARKS = "-\u2013\u2014\u2022\u00b7\u25aa\u25cf*"


def is_candidate(text: str) -> bool:
    """Whether a sentence may appear in a digest at all.

    Drops what no editor would put in a list of key developments: fragments and
    headlines (too short, no closing punctuation), questions, page furniture,
    and shouting (mostly upper-case captions and datelines)."""
    n = word_count(text)
    if n < MIN_WORDS or n > MAX_WORDS:
        return False
    stripped = text.strip()
    if stripped[0].islower() or stripped.rstrip("\"'”’)").endswith("?"):
        return False
    if stripped[0] in _LIST_MARKS:
        return False  # an item of a list a lead-in introduced (ingest keeps its marker)
    if stripped[-1] not in _SENTENCE_END:
        return False
    if stripped.startswith("CLOSE "):
        return False
    lower = stripped.lower()
    if any(phrase in lower for phrase in _BOILERPLATE) or _CAPTION.search(lower) or is_caption(stripped):
        return False
    words = stripped.split()
    shouting = sum(1 for w in words if len(w) > 1 and w.isupper())
    return shouting <= 0.5 * len(words)


# Finite speech verbs that attribute words to a subject ("he said", "said she"). A short
# list of its own rather than the quote lexicon's: only finite forms right next to a
# pronoun matter here, and the digest must not change when quote cues are tuned.
_SPEECH = (
    r"(?:said|says|added|adds|told|tells|wrote|writes|noted|notes|explained|explains|continued|"
    r"insisted|insists|argued|argues|stressed|stresses|warned|warns|asked|asks|replied|recalled|"
    r"declared|acknowledged|admitted|claimed|claims|maintained|conceded|concluded|announced)"
)
_PRONOUN = r"(?:he|she|they)"
_PRONOUN_CUE = re.compile(
    rf"\b{_PRONOUN}\s+(?:also\s+|later\s+|then\s+|previously\s+|has\s+|had\s+|have\s+)?{_SPEECH}\b"
    rf"|\b{_SPEECH}\s+{_PRONOUN}(?=\s*[.,;:!?]|\s*$)",
    re.IGNORECASE,
)
# A named speaker in the same sentence: "Putin said", "said Sergei Lavrov", "the ministry said".
_NAMED_CUE = re.compile(
    rf"(?i:\b(?!(?:he|she|they|it|we|i|you|who|which|that)\s)[a-z][\w.'’\-]+\s+(?:also\s+)?{_SPEECH})\b"
    rf"|\b(?!told\b|tells\b|asked\b|asks\b){_SPEECH}\s+(?:the\s+)?[A-Z][\w'’\-]+"  # "told Reuters" names the listener
)
_OPENING_PRONOUN = re.compile(
    r"^[\"'“‘]?(?:He|She|They|His|Her|Him|Them|Their)\b"
    # "It will be held no later than May 11": the subject is in an earlier sentence. Not the
    # empty "it" of "It is unclear whether ..." / "It was not known how ...".
    r"|^[\"'“‘]?(?:It|This|These|Those)\s+(?!(?:is|was|has\s+been|had\s+been|remains|remained|seems|seemed|"
    r"appears|appeared)\s+(?:\w+\s+){0,3}?(?:that|to|whether|if|how|why|when|what|who)\b)"
    r"(?:also\s+|later\s+|now\s+|then\s+)?(?:will|would|could|can|may|might|must|should|has|had|have|was|were|is|"
    r"are|said|says|added|also|came|comes|followed|follows|marked|marks|means|meant)\b"
)
_ANY_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|HE|SHE|THEY|His|Her|Him|Them|Their)\b|^[\"'“‘]?(?:It|This|These|Those)\b")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def needs_context(text: str) -> bool:
    """Whether the sentence leans on an earlier one for who acted or spoke.

    "“... beginning tomorrow,” he said." or "He also ordered ..." says nothing on its
    own in a list of key developments (the earlier sentence naming the person is not
    there). Quoted words are set aside first: a pronoun inside a quotation is the
    speaker's, and a name inside it is not the speaker. Rewriting the sentence to
    name the speaker would no longer be extractive, so the digest prefers another."""
    if not _ANY_PRONOUN.search(text):
        return False  # most sentences: one cheap scan
    outside = _unquoted(text.strip())
    if _OPENING_PRONOUN.match(outside.lstrip(" ,")):
        return True
    return bool(_PRONOUN_CUE.search(outside)) and not _NAMED_CUE.search(outside)


def _unquoted(text: str) -> str:
    """The sentence with quotations replaced by a placeholder; a quotation left open
    from the previous sentence ("... tomorrow,” he said.") is cut up to its closing mark."""
    first_close = text.find("”")
    first_open = text.find("“")
    if first_close != -1 and (first_open == -1 or first_close < first_open):
        text = "Q" + text[first_close + 1 :]
    elif text.count('"') % 2 and not text.startswith('"'):  # the straight-quote form of the same
        text = "Q" + text[text.find('"') + 1 :]
    return _QUOTED.sub("Q", text)
