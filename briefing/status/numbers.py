"""Numbers as news writes them: "470,000", "1.9 million", "a quarter of a million",
"eleven", "tens of thousands", "nearly half".

Figures must be compared across outlets that spell the same count differently,
so every spelling is normalised to an integer (or a fraction of a base).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.nlp.names.lexicon import trie_regex

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "a dozen": 12, "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
FRACTIONS = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
    "one-third": 1 / 3, "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25,
    "one quarter": 0.25, "one-quarter": 0.25, "three quarters": 0.75, "three-quarters": 0.75,
    "a fifth": 0.2, "one fifth": 0.2, "one-fifth": 0.2, "a tenth": 0.1,
}
# Vague plurals get a conservative floor ("thousands" = at least 1,000), as ACLED does.
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
         "tens of thousands": 10_000, "hundreds of thousands": 100_000, "millions": 1_000_000}

# A trie: the words that match at one place are tried longest first, as in an alternation sorted
# longest first, but the engine reads each character once (NUMBER_RE is tried at every word of
# every sentence with a number in it: 0.32 s -> 0.18 s over 1,000 articles, the same matches).
_WORD = trie_regex([k for k in UNITS if " " not in k], any_space=False)
_FRACTION = "|".join(sorted((re.escape(k).replace(r"\ ", r"[\s-]") for k in FRACTIONS), key=len, reverse=True))
_SCALE = r"hundred|thousand|million|billion|bn|m\b|k\b"

# "a quarter of a million", "half a million", "three-quarters of a million"
_FRACTION_OF_SCALE = rf"(?:{_FRACTION})\s+(?:of\s+)?(?:a|an|one)\s+(?:million|billion|thousand)"
# "1.9 million", "470,000", "11m", "2.5bn", "1,200"
_DIGITS = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?:\s*(?:{_SCALE}))?|\d+(?:\.\d+)?(?:\s*(?:{_SCALE}))?"
# "eleven", "two million", "twenty-five thousand", "a million", "a hundred"
_WORDS = rf"(?:{_WORD})(?:[\s-](?:{_WORD}))?(?:\s+(?:{_SCALE}))+|(?:{_WORD})(?:-(?:{_WORD}))?"
_VAGUE = r"tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions"

# A digit group that is not three digits ("100,0000", "1,00") is a typo whose value no reader can
# tell (100,000? a million?): no number, rather than the "100" before the comma.
NUMBER_RE = re.compile(
    rf"(?<![\w.,/:])(?:{_FRACTION_OF_SCALE}|{_VAGUE}|{_DIGITS}|{_WORDS})(?![\w]|[/:]\d|,\d)",
    re.IGNORECASE,
)
FRACTION_RE = re.compile(rf"\b(?:{_FRACTION})\b|\b\d+(?:\.\d+)?\s*(?:percent|per cent|%)", re.IGNORECASE)


# No count in the news has more digits than this (world population: 10); a longer digit
# string is a code, an identifier or a hostile input, and float() of one over 308 digits
# is infinity, which round() cannot turn into an integer.
MAX_DIGITS = 15

_FRACTIONS_SPACED = {k.replace("-", " "): v for k, v in FRACTIONS.items()}
_FRACTION_OF_SCALE_FULL = re.compile(
    "(" + "|".join(re.escape(k.replace("-", " ")) for k in FRACTIONS) + r") (?:of )?(?:a|an|one) (million|billion|thousand)"
)


@dataclass(frozen=True, slots=True)
class NumberMatch:
    value: int
    start: int
    end: int
    text: str
    vague: bool = False  # "thousands": a floor, not a count


def parse_number(text: str) -> int | None:
    """The integer a number phrase stands for, or None if it is not a number."""
    t = re.sub(r"\s+", " ", text.strip().lower().replace("-", " "))
    if not t:
        return None
    if t in VAGUE:
        return VAGUE[t]
    m = _FRACTION_OF_SCALE_FULL.fullmatch(t)
    if m:
        return round(_FRACTIONS_SPACED[m.group(1)] * SCALES[m.group(2)])
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)\s*(hundred|thousand|million|billion|bn|m|k)?", t)
    if m:
        whole = m.group(1).replace(",", "").partition(".")[0]
        if len(whole) > MAX_DIGITS:
            return None
        base = float(m.group(1).replace(",", ""))
        return round(base * SCALES.get(m.group(2) or "", 1))
    return _parse_words(t)


def _parse_words(t: str) -> int | None:
    total, current, seen = 0, 0, False
    for token in t.split():
        if token in UNITS:
            current += UNITS[token]
            seen = True
        elif token in SCALES:
            scale = SCALES[token]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
            seen = True
        elif token == "and":
            continue
        else:
            return None
    return total + current if seen else None


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number phrase in a sentence, left to right; lone "a"/"an"/"one" are not numbers."""
    found: list[NumberMatch] = []
    for m in NUMBER_RE.finditer(text):
        phrase = m.group(0)
        low = phrase.lower()
        if low in ("a", "an", "one", "dozen"):
            continue
        value = parse_number(phrase)
        if value is None:
            continue
        found.append(NumberMatch(value, m.start(), m.end(), phrase, vague=low in VAGUE))
    return found


def parse_fraction(text: str) -> float | None:
    """"half" -> 0.5, "two-thirds" -> 0.667, "40 percent" -> 0.4."""
    t = re.sub(r"[\s-]+", " ", text.strip().lower())
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(?:percent|per cent|%)", t)
    if m and len(m.group(1).partition(".")[0]) <= MAX_DIGITS:
        return float(m.group(1)) / 100
    return _FRACTIONS_SPACED.get(t)
