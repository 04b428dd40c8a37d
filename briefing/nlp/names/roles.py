"""Roles from the words around a name ("Russia's envoy to the U.N. Vitaly Churkin", "X, a spokesman for"),
and the gender a role, an honorific or a pronoun shows."""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.nlp.names.keys import strip_possessive
from briefing.nlp.names.lexicon import name_lexicon, reporting_verb_pattern
from briefing.nlp.names.mention import DETERMINERS
from briefing.nlp.names.runs import ABBREV_TITLE
from briefing.nlp.titles import honorific_words

_ROLE_WORD = re.compile(r"[A-Za-z][\w.-]*")
_ROLE_TOKEN = re.compile(r"[^\s,;:()\"“”]+")
_SHORT_ABBREV = re.compile(rf"(?:[A-Z]\.)+|{ABBREV_TITLE}")
_HONORIFICS = honorific_words()


@lru_cache(maxsize=16384)  # asked of the same short phrases and single words over and over
def has_role_noun(text: str) -> str | None:
    """The first role noun in `text` ("the U.N. special envoy" -> "envoy"), if any.

    A possessor is whose role it is, not the role: "the MK's wife" -> "wife",
    "the president's spokesman" -> "spokesman"; it counts only when nothing follows.
    """
    lex = name_lexicon()
    owner = None
    for match in _ROLE_WORD.finditer(text):
        w = match.group().lower().rstrip(".")
        if w in _HONORIFICS:
            continue
        if not (
            w in lex.role_nouns
            or w in lex.titles
            or w + "." in lex.titles
            or w.endswith("s") and (w[:-1] in lex.role_nouns or w.endswith("es") and w[:-2] in lex.role_nouns)
        ):  # plurals: "lawyers", "witnesses"
            continue
        if _POSSESSIVE_AFTER.match(text, match.end()) is None:
            return w
        owner = owner or w
    return owner


_POSSESSIVE_AFTER = re.compile(r"['’]s\b|(?<=s)['’](?!\w)")


MALE, FEMALE = "m", "f"


PRONOUN_GENDER = {
    "he": MALE, "him": MALE, "his": MALE, "himself": MALE,
    "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE,
}


# Objects point at someone else ("Kamau accused her of"), so "him" is left out and "her"
# counts only as a possessive, before a word that is not a function word ("her belly").
PRONOUN_WORD = re.compile(
    r"\b(?:he|his|himself|she|hers|herself|her(?=[ \t]+(?!(?:of|to|that|a|an|the|and|or|but|in|on|at|for|with|from|as|by|"
    r"into|about|out|up|down|back|off|over|again|away|this|when|not|so|if|after|before|because|while|until)\b)[a-z]))\b",
    re.IGNORECASE,
)


HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord|Madam|Mme|Mlle|M)\.?[ \t]+$")


HONORIFIC_GENDER = {"mr": MALE, "sir": MALE, "lord": MALE, "m": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE,
                     "dame": FEMALE, "lady": FEMALE, "madam": FEMALE, "mme": FEMALE, "mlle": FEMALE}


def gender_of_words(text: str | None) -> str | None:
    """"spokeswoman for the army" -> f, "his brother" -> m: the gendered nouns of a role."""
    if not text:
        return None
    lex = name_lexicon()
    words = {w.lower().rstrip(".") for w in _ROLE_WORD.findall(text)}
    female, male = bool(words & lex.female_words), bool(words & lex.male_words)
    return FEMALE if female and not male else MALE if male and not female else None


_ROLE_MODIFIERS = frozenset(
    """special deputy foreign senior former top chief acting interim defense defence interior
    prime vice military army opposition rebel government presidential state regional local
    national international senior junior assistant associate executive general political
    humanitarian media press u.n. un u.s. us of for to the at in on""".split()
)


ROLE_MODIFIERS = _ROLE_MODIFIERS


HONORIFICS = frozenset(h.rstrip(".") for h in _HONORIFICS)


def role_before(text: str, start: int) -> str | None:
    """Title words directly before a name: "Russia's envoy to the United Nations Vitaly Churkin"."""
    lex = name_lexicon()
    window = text[max(0, start - 120) : start]
    words = list(_ROLE_TOKEN.finditer(window))
    if not words or window[words[-1].end() :].strip() or "\n" in window[words[-1].end() :]:
        return None
    first = len(words)
    for i in range(len(words) - 1, -1, -1):
        w = words[i].group()
        low = strip_possessive(w)[0].lower()
        gap = window[words[i].end() : words[i + 1].start()] if i + 1 < len(words) else ""
        if gap.strip() or "\n" in gap or w.endswith((".", "!", "?")) and not _SHORT_ABBREV.fullmatch(w):
            break
        if w[0].isupper() and low not in lex.not_names or low in lex.role_nouns or low in lex.titles or low in _ROLE_MODIFIERS:
            first = i
            continue
        break
    chosen = words[first:]
    while chosen and chosen[0].group().lower() in DETERMINERS | {"of", "for", "to", "at", "in", "on"}:
        chosen = chosen[1:]
    if not chosen:
        return None
    role = window[chosen[0].start() : chosen[-1].end()]
    return role if has_role_noun(role) else None


def clean_role(text: str) -> str | None:
    """A role phrase as written, without a leading determiner or trailing punctuation."""
    text = text.strip(" ,;:.—–-\"“”")
    words = text.split()
    while words and words[0].lower() in DETERMINERS | {"but", "and", "meanwhile"}:
        words = words[1:]
    if not words or len(words) > 25 or _speech_word().search(text):
        return None  # a clause, not a role: "professor at X said that the study ..."
    role = " ".join(words)
    return role if has_role_noun(role) else None


def role_in_apposition(text: str, start: int, end: int) -> str | None:
    """"ROLE, NAME," before a name or "NAME, ROLE," after it."""
    after = text[end : end + 200]
    m = re.match(r"\s*,\s*((?:[^,;\"“”()\n.]|(?<=\b[A-Z])\.|\.(?=\S))+)", after)
    if m:
        chunk = m.group(1)
        first = chunk.split()[0].lower() if chunk.split() else ""
        if first not in {"who", "which", "whose", "where", "when", "and", "but"} and any(
            has_role_noun(w) for w in chunk.split()[:4]
        ):
            role = clean_role(chunk)
            if role:
                return role
    before = text[max(0, start - 200) : start]
    comma = re.search(r",\s*$", before)
    if comma:
        role = role_before(text, start - (len(before) - comma.start()))
        if role and len(role.split()) <= 12:
            return clean_role(role)
    return None


@lru_cache(maxsize=1)
def _speech_word() -> re.Pattern[str]:
    """A plain speech verb (the one list, lexicon.reporting_verbs): a role never holds one."""
    return re.compile(reporting_verb_pattern())
