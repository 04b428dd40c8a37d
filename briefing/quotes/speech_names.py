"""The names engine as quote attribution needs it: a sentence-opening verb is no first name."""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.nlp.names.index import NameIndex
from briefing.nlp.names.lexicon import speech_verbs
from briefing.nlp.names.mention import PERSON
from briefing.nlp.names.runs import RunReading
from briefing.quotes.cues import MASK
from briefing.nlp.vocab import is_common_word

#: Zipf frequency from which a capitalised -ing word opening a sentence is a verb: "Regarding" 4.7,
#: "Removing" 4.3; the given names "Sterling" 4.1, "Manning" 3.9 stay names.
_COMMON_PARTICIPLE = 4.2

_OPENER_PARTICIPLE = re.compile(r"[A-Z][a-z]{2,}ing")


_OPENER_ED = re.compile(r"[A-Z][a-z]{3,}ed")


_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")


@lru_cache(maxsize=1)
def _cue_participles() -> frozenset[str]:
    return frozenset(str(v).lower() for v in speech_verbs() if str(v).endswith("ing"))


def _opener_verb_shape(word: str) -> bool:
    return bool(_OPENER_PARTICIPLE.fullmatch(word) or _OPENER_ED.fullmatch(word))


def _is_verb_participle(word: str, lower_words: frozenset[str]) -> bool:
    """"Saying", "Describing", "Adopted": a verb, not a first name like "Sterling" or "Mohammed".

    It is a participle when the article also writes it in lower case, when it is a
    speech verb, or (for -ing) when another form of the same verb occurs ("describes",
    "cited"): names ending in -ed ("Ahmed", "Jared") are too many for that last test.
    """
    low = word.lower()
    if low in lower_words or low in _cue_participles():
        return True
    if low.endswith("ing") and is_common_word(low, _COMMON_PARTICIPLE):
        return True  # "Regarding Syria's war", "Removing Israeli troops": an everyday verb, not "Sterling"
    if not low.endswith("ing"):
        return False
    stem = low[:-3]
    stems = {stem, stem[:-1]} if len(stem) > 3 and stem[-1] == stem[-2] else {stem}
    return any(f"{t}{end}" in lower_words for t in stems for end in ("s", "es", "e", "ed", "d") if len(t) >= 2)


@lru_cache(maxsize=1)
def _single_cue_verbs() -> frozenset[str]:
    return frozenset(str(v).lower() for v in speech_verbs() if " " not in str(v))


def _drop_first_word(r: RunReading, words: list[str]) -> RunReading:
    tail_at = r.name.index(words[1], len(words[0]))
    kind = PERSON if len(words) >= 3 else "single"
    return RunReading(kind, r.name[tail_at:], r.start + tail_at, r.end, r.role)


class SpeechNameIndex(NameIndex):
    """The name index, reading a sentence-opening participle as the verb it is.

    "Saying Russian troops were near, Yatseniuk told ...": the capitalised run
    "Saying Russian" is no person, and as the first "subject" of its sentence it
    would capture every later "he". The participle is dropped from the run; what
    is left is a name only if it reads as one on its own.
    """

    def _trim_glued(self, readings: list[tuple[int, RunReading]]) -> list[tuple[int, RunReading]]:
        readings = super()._trim_glued(readings)
        lower_words: frozenset[str] | None = None
        out = []
        for offset, r in readings:
            words = r.name.split()
            if r.kind == PERSON and len(words) >= 2 and self._inverted_cue(offset + r.start, words[0]):
                r = _drop_first_word(r, words)  # "Said Kate in a release, “...”": the verb, then the name
            elif r.kind == PERSON and len(words) >= 2 and _opener_verb_shape(words[0]):
                start = offset + r.start
                s = self.sentence_starts[self.sentence_of(start)] if self.sentence_starts else 0
                if not self.text[s:start].strip(" \t\n\"“‘'(—–-#"):
                    lower_words = lower_words or frozenset(_LOWER_WORD.findall(self.text))
                    if _is_verb_participle(words[0], lower_words):
                        r = _drop_first_word(r, words)
            out.append((offset, r))
        return out

    def _inverted_cue(self, start: int, word: str) -> bool:
        """A sentence opening with a speech verb ("Said", "Added") then a name and, before
        the quotation, no speech verb of its own: the verb is inverted, not a first name
        ("Said Jalili said ..." keeps its name)."""
        if word.lower() not in _single_cue_verbs() or word.endswith("ing"):
            return False
        s = self.sentence_of(start)
        s_start = self.sentence_starts[s] if self.sentence_starts else 0
        if self.text[s_start:start].strip(" \t\n\"“‘'(—–-"):
            return False
        end = self.sentence_starts[s + 1] if s + 1 < len(self.sentence_starts) else len(self.text)
        quote = self.text.find(MASK, start, end)
        if quote < 0:  # "Said McConnell:" closing its paragraph, the quotation in the next one
            return bool(re.fullmatch(r"[^\W\d][\w .'’-]*:\s*", self.text[start + len(word) : end].strip() + " "))
        between = _LOWER_WORD.findall(self.text[start + len(word) : quote])
        return not any(w.lower() in _single_cue_verbs() for w in between)
