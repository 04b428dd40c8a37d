"""Capitalised runs ("Russian President Vladimir Putin", "the U.N. Security Council") read into names.

A run is split into its title or role, an organisation and a person's name; sentence
openers, days, possessors and page furniture glued to a name are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefing.nlp.names.keys import strip_possessive
from briefing.nlp.names.lexicon import multiword_places, name_lexicon
from briefing.nlp.names.mention import ORG, PERSON
from briefing.nlp.titles import dotted_abbreviations, honorific_words, post_nominal_words

_APOS = "'’"
# Dotted words that end no sentence: the titles written so ("Gen.", "Mr."), and "St.", "Jr.", "Sr.".
ABBREV_TITLE = "(?:" + "|".join(re.escape(a) for a in (*dotted_abbreviations(), "St.", "Jr.", "Sr.")) + ")"
_HONORIFICS = honorific_words()


_CAP_TOKEN = (
    r"(?:[A-Z]\.){2,}"  # U.N., U.S.
    rf"|{ABBREV_TITLE}"
    r"|[A-Z]\.(?=[ \t]+[A-Z][a-z])"  # a middle initial: John C. Whitmer
    r"|[A-Z][\w" + _APOS + r"]*(?:-[A-Za-z][\w" + _APOS + r"]*)*"
)


@lru_cache(maxsize=1)
def run_regex() -> re.Pattern[str]:
    lex = name_lexicon()
    hyph = "|".join(sorted(map(re.escape, lex.hyphen_particles), key=len, reverse=True)) or "al"
    parts = "|".join(sorted(map(re.escape, lex.particles), key=len, reverse=True)) or "de"
    token = rf"(?:{_CAP_TOKEN}|(?:{hyph})-[A-Z][\w{_APOS}]*(?:-[A-Z][\w{_APOS}]*)*)"
    run = rf"(?<![\w{_APOS}.-]){token}(?:[ \t]+(?:(?:{parts})[ \t]+)*{token})*"
    return re.compile(run)


@dataclass(frozen=True, slots=True)
class RunReading:
    """How a capitalised run reads: which part is a name and what kind of name."""

    kind: str  # person | org | single | other
    name: str
    start: int  # offsets of the name part inside the run string
    end: int
    role: str | None = None


_ABBREV_RE = re.compile(r"(?:[a-z]\.){2,}")


def _descriptive_hyphen(token: str) -> bool:
    """"Saudi-backed", "Fifty-two-year-old": a description; "Ban Ki-moon": a name."""
    parts = token.split("-")
    if len(parts) < 2:
        return False
    suffixes = name_lexicon().descriptive_suffixes
    return len(parts) > 2 and any(p[:1].islower() for p in parts[1:]) or parts[-1].lower() in suffixes


def _is_title_token(word: str) -> bool:
    """"President", "Gen.", and hyphenated forms: "President-elect", "Secretary-General"."""
    titles = name_lexicon().titles
    return word in titles or "-" in word and any(part in titles for part in word.split("-"))


def _ends_with_office(word: str) -> bool:
    """"Ukrainian President", "Ousted President": a description ending with an office, no name
    ("Nigel Major", "Julie Bishop" end with surnames that are also titles)."""
    low = word.lower()
    lex = name_lexicon()
    return word.isalpha() and _is_title_token(low) and low not in lex.surname_titles


@lru_cache(maxsize=65536)
def read_run(run: str) -> RunReading | None:
    """Split one capitalised run into title/role, organisation and person name parts."""
    lex = name_lexicon()
    tokens = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", run)]
    if tokens:
        word, possessive = strip_possessive(tokens[-1][0])
        if possessive:
            tokens[-1] = (word, tokens[-1][1], tokens[-1][1] + len(word))
    # Sentence openers, days and months are not names, nor is a possessor ("Spain's
    # Juan Carlos"): keep what follows the last one.
    cut = 0
    lows_end = tokens[-1][0].lower() if tokens else ""  # "the Prime Minister's Office" stays one organisation
    for i, (tok, _, _) in enumerate(tokens):
        low = tok.lower()
        possessor = i < len(tokens) - 1 and strip_possessive(tok)[1] and lows_end not in lex.org_words
        if low in lex.not_names and not (tok.isupper() and len(tok) > 1) or possessor:
            cut = i + 1
    tokens = tokens[cut:]
    # A description glued to a name ("Kurdish-led Syrian Democratic Forces", "U.S.-backed Hadi").
    while len(tokens) > 1 and _descriptive_hyphen(tokens[0][0]):
        tokens = tokens[1:]
    # Page furniture glued to a name ("ADVERTISEMENT Trump", "CLOSE Yu Darvish").
    while len(tokens) > 1 and tokens[0][0].isupper() and len(tokens[0][0]) > 3 and tokens[0][0].isalpha():
        tokens = tokens[1:]
    if not tokens:
        return None
    # "Keith Vaz MP": a title after the name is part of the mention, not of the name
    post = tokens.pop() if len(tokens) > 2 and tokens[-1][0] in post_nominal_words() else None
    lows = [t.lower() for t, _, _ in tokens]
    # A title needs a name after it: "Julie Bishop", "Nigel Major" end with surnames.
    title_at = max((i for i, w in enumerate(lows[:-1]) if _is_title_token(w)), default=-1)
    if title_at < 0 and len(lows) >= 3 and lows[0] in lex.role_nouns:
        title_at = 0  # "Rapper Snoop Dogg", "Actress Sally Struthers"
    if len(lows) >= 2 and (lows[0] in lex.place_prefixes or lows[-1] in lex.place_suffixes) and title_at < 0:
        return RunReading(ORG, run[tokens[0][1] : tokens[-1][2]], tokens[0][1], tokens[-1][2])  # "New York", "North Korea"
    if " ".join(lows) in multiword_places():
        span = run[tokens[0][1] : tokens[-1][2]]
        return RunReading(ORG, span, tokens[0][1], tokens[-1][2])  # "Saudi Arabia said"
    last = len(lows) - 1
    stop_at = max(
        (
            i
            for i, w in enumerate(lows)
            if w in lex.org_words
            or w in lex.places and i < last  # "Shannon Washington" ends with a surname, not a place
            or _ABBREV_RE.fullmatch(w)
            or _descriptive_hyphen(tokens[i][0])
        ),
        default=-1,
    )
    name_from = max(title_at, stop_at) + 1
    first = tokens[name_from][0] if name_from < len(tokens) else ""
    if name_from < len(tokens) - 1 and len(first) > 1 and first.isalpha() and first.isupper():
        return RunReading(ORG, run[tokens[0][1] : tokens[-1][2]], tokens[0][1], tokens[-1][2])  # "CGI Federal", "NBC News"
    rest = tokens[name_from:]
    proper = [t for t in rest if t[0] not in lex.particles]  # "Ben LaBolt": a capital makes it a name, not "ben"
    if proper and all(t[0].isupper() for t in proper if len(t[0]) > 1):
        proper = []  # "SEE ALSO", "CLOSE": page furniture, not a person
    if proper and (len(proper) >= 2 or 0 <= title_at == name_from - 1):
        role = run[tokens[0][1] : tokens[title_at][2]] if title_at >= 0 and title_at >= stop_at else None
        if role and all(w in _HONORIFICS for w in role.lower().split()):
            role = None  # "Mr Johnson": a courtesy, not a role
        if _ends_with_office(rest[-1][0]):
            return RunReading("other", run[tokens[0][1] : tokens[-1][2]], tokens[0][1], tokens[-1][2])
        end = post[2] if post else rest[-1][2]
        return RunReading(PERSON, run[rest[0][1] : rest[-1][2]], rest[0][1], end, role or (post and post[0]))
    span = run[tokens[0][1] : tokens[-1][2]]
    if any(w in lex.org_words for w in lows):
        return RunReading(ORG, span, tokens[0][1], tokens[-1][2])
    if all(w in lex.places for w in lows) and len(tokens) == 1:
        return RunReading(ORG, span, tokens[0][1], tokens[-1][2])  # "Ukraine said": a state speaks
    if len(tokens) == 1 and len(proper) == 1:
        return RunReading("single", span, tokens[0][1], tokens[0][2])
    return RunReading("other", span, tokens[0][1], tokens[-1][2])
