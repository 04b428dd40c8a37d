"""A quotation the paragraph attributes, as a digest line that names its speaker.

Wire copy quotes a speaker over several sentences and names them once: `“The port is
open.` / `Convoys can come,” Jane Roe said.` (the segmenter cuts between the two), or
`“The port is open,” Roe said.` / `“Convoys can come.”` Each such sentence alone is a
bare fragment (who says so?), and it is never used as it is. When the quotes engine
(`briefing.quotes`) finds who speaks and the reporter's words around the quotation name
that person (the paragraphs the quotation runs over, or the sentence just before it
opened: what a reader of those lines sees), the sentence becomes a line of its own,
speaker first, the quoted words unchanged: `Jane Roe said: “Convoys can come.”` Only the
quoted words of the sentence are kept: the reporter's words around them are not the
speaker's, and a sentence that mixes the two in other ways is left as it is (and unused).

Only people, named in full, are given words this way (an organisation's name would need
its article: "the State Department said"). The attribution is not trusted when the words
name the speaker in the third person ("I had to fire General Flynn" is not Flynn's) or
when another person of the article has the same surname (a father and a son). The quoted
words must stand alone as well (standalone.py): one sentence of them, not pointing back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing.models import Article

if TYPE_CHECKING:
    from briefing.quotes.extract import ArticleQuotes

# The speech verbs a line keeps as the report wrote them; any other cue ("added", "told",
# "explained", "continued") is written "said", which is what each of them says of the words.
_KEPT_VERBS = frozenset({"said", "says", "wrote", "writes", "tweeted"})
# A quotation shorter than this is a phrase, not a statement worth a line.
MIN_QUOTE_WORDS = 6
# How many sentences back the quotation may have opened (a quote of several sentences).
MAX_SENTENCES_BACK = 4
_OPEN = "\u201c\""
# A quotation in a sentence, or one left open to the sentence's end (it goes on in the next).
_QUOTED = re.compile(r"\u201c[^\u201d]*(?:\u201d|$)|\"[^\"]*(?:\"|$)|^[^\u201c\u201d\"]*[\u201d\"]")
_CLOSE = "\u201d\""
# The sentence is all quotation, or the end of one with the attribution after it:
# `“A B C.”`, `“A B C.` (it goes on), `A B C.”` (it began earlier), `A B C,” X said.`
_WHOLE = re.compile(r"^[\u201c\"]?(?P<quote>[^\u201c\u201d\"]+?)[\u201d\"]?$")
_TAIL = re.compile(r"^(?P<quote>[^\u201c\u201d\"]+?)[\u201d\"]\s+(?P<attr>[^\u201c\u201d\"]+)$")


def quoted_words(text: str) -> str | None:
    """The quoted words of a sentence that is all quotation (or the end of one and its
    attribution), without the marks and a trailing comma; None for any other sentence."""
    stripped = text.strip()
    if not stripped:
        return None
    match = _WHOLE.match(stripped)
    if match and (stripped[0] in _OPEN or stripped[-1] in _CLOSE):
        return match.group("quote").strip().rstrip(",;:").rstrip()
    tail = _TAIL.match(stripped)
    if tail and stripped[0] not in _OPEN:
        return tail.group("quote").strip().rstrip(",;:").rstrip()
    return None


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.replace("\u2019", "'").lower()).split())


def speaker_of(
    article: Article,
    sentence: int,
    words: str,
    found: ArticleQuotes,
    trusted: frozenset[str],
) -> tuple[str, str] | None:
    """(speaker, verb) of the quotation holding `words` that opens in `sentence` or a few
    sentences before it, when the quotes engine names the speaker on `trusted` evidence, the
    reporter's words around it name them (`named_nearby`) and no other person of the article
    goes by the same surname."""
    needle = _normal(words)
    if not needle:
        return None
    for occ in found.occurrences:
        if not sentence - MAX_SENTENCES_BACK <= occ.ref.sentence <= sentence or needle not in _normal(occ.text):
            continue
        speaker = occ.speaker
        if not speaker or occ.attribution not in trusted or occ.speaker_kind != "person":
            return None
        if len(speaker.split()) < 2:
            return None  # a surname alone: the line must say who in full
        if not named_nearby(article, occ.ref.sentence, sentence, speaker) or _says_own_name(words, speaker):
            return None
        if _shared_surname(speaker, found.persons):
            return None  # "Powell said" in an article about a father and a son
        return speaker, (occ.cue if occ.cue in _KEPT_VERBS else "said")
    return None


def named_nearby(article: Article, opens: int, sentence: int, speaker: str) -> bool:
    """The reporter's words around the quotation name the speaker (by surname): in the paragraphs from the one where the quotation opens (sentence
    `opens`) to the one holding `sentence`, or in the sentence just before it opened (`“A,”
    Roe said.` closing the paragraph before `“B.”`). The attribution a reader of those lines
    sees, not one carried over from further away."""
    first, last = article.sentences[opens].paragraph, article.sentences[sentence].paragraph
    pattern = re.compile(rf"(?<![\w-]){re.escape(speaker.split()[-1])}(?![\w-])")
    near = [s for s in article.sentences if first <= s.paragraph <= last]
    if opens > 0:
        near.append(article.sentences[opens - 1])
    return any(pattern.search(_QUOTED.sub(" ", s.text)) for s in near)


def _shared_surname(speaker: str, persons: Sequence[str]) -> bool:
    """Another person the article names in full has the speaker's surname."""
    surname = speaker.split()[-1]
    return any(p != speaker and p.split()[-1] == surname for p in persons if len(p.split()) > 1)


def _says_own_name(words: str, speaker: str) -> bool:
    """The quoted words name the speaker in the third person ("I had to fire General Flynn"
    is not Flynn's): the attribution is more likely wrong than the speaker that odd."""
    surname = speaker.split()[-1]
    return re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", words) is not None


def attributed_line(speaker: str, verb: str, words: str) -> str:
    """`Jane Roe said: “Convoys can come.”` (a full stop added where the words have none)."""
    who = speaker[:1].upper() + speaker[1:]
    end = "" if words.endswith((".", "!", "?")) else "."
    return f"{who} {verb}: \u201c{words}{end}\u201d"
