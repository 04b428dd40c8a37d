"""Speech cues: the verbs and phrases that introduce a quotation, and the article they are read in.

The lexicon (config/lexicons/quotes.yaml, or `quotes.cue_verbs`) is compiled once
into a trie-shaped regex, so a long verb list matches without backtracking. Cues
are looked for in the article with its quotations masked (`mask_quotes`): quoted
words are the speaker's, never the reporter's frame.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing.nlp.names.lexicon import quote_lexicon, reporting_verbs, speech_verbs, trie_regex
from briefing.quotes.marks import QuoteSpan

MASK = "#"


@dataclass(frozen=True)
class CueLexicon:
    regex: re.Pattern[str]
    listener_verbs: frozenset[str]
    relay_verbs: frozenset[str]
    statement_regex: re.Pattern[str]
    statement_verb_regex: re.Pattern[str]
    scare_regex: re.Pattern[str]
    written_verbs: frozenset[str] = frozenset()
    reported_verbs: frozenset[str] = frozenset()
    passive_quoted_verbs: frozenset[str] = frozenset()


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=8)
def cue_lexicon(cue_verbs: tuple[str, ...] | None = None) -> CueLexicon:
    lex = quote_lexicon()
    verbs = speech_verbs(cue_verbs)
    nouns = [str(n) for n in lex.get("statement_nouns", ())]
    svs = [str(v) for v in lex.get("statement_verbs", ())]
    scare = [str(s) for s in lex.get("scare_markers", ())]
    multi = [v for v in verbs if " " in v]
    capitalised = [v[0].upper() + v[1:] for v in multi]  # "According to" opens sentences; "Said" is a name
    return CueLexicon(
        regex=re.compile(rf"\b{trie_regex([*verbs, *capitalised] or ['said'])}\b"),
        listener_verbs=frozenset(str(v) for v in lex.get("listener_verbs", ())),
        relay_verbs=frozenset(str(v) for v in lex.get("relay_verbs", ())),
        statement_regex=re.compile(rf"\b(?:{_alternation(nouns) or 'statement'})\b", re.IGNORECASE),
        statement_verb_regex=re.compile(
            rf"\b(?:{_alternation(svs) or 'released'})\s+(?:a|an|the|this|its|his|her|their)\s+(?:[\w-]+\s+)?"
            rf"(?:{_alternation(nouns) or 'statement'})\b"
        ),
        scare_regex=re.compile(rf"(?:{_alternation(scare) or 'so-called'})\s*[\"“'‘«]?\s*$", re.IGNORECASE),
        written_verbs=frozenset(str(v) for v in lex.get("written_verbs", ())),
        reported_verbs=frozenset(reporting_verbs(cue_verbs)),
        passive_quoted_verbs=frozenset(str(v) for v in lex.get("passive_quoted_verbs", ())),
    )


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    form: str

    @property
    def participle(self) -> bool:
        return self.form.endswith("ing")

    @property
    def subject_after(self) -> bool:
        return self.form.lower().startswith("according")


def mask_quotes(text: str, spans: Sequence[QuoteSpan]) -> str:
    """The article with quoted words blanked, so speech never counts as the reporter's words."""
    chars = list(text)
    for span in spans:
        for a, b in span.pieces:
            for i in range(a, b):
                if chars[i] != "\n":
                    chars[i] = MASK
    return "".join(chars)
