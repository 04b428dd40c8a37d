"""Name keys: when two written names are the same name."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

from briefing.nlp.names.lexicon import name_lexicon


def strip_possessive(word: str) -> tuple[str, bool]:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)], True
    if word.endswith(("s'", "s’")):
        return word[:-1], True
    return word, False


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The one comparison key of a name, for quote speakers and the actor list alike.

    Case, apostrophes, a leading article or "al-", a possessive, hyphens and a
    generational suffix are folded: "al-Nusra Front" = "Nusra Front", "Harry
    Sargeant III" = "Harry Sargeant", "Workers' Party" = "Workers Party",
    "Ja'afari" = "Jaafari", "the U.N." = "U.N".
    """
    return _fold(name, org=False)


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """`name_key`, also folding what only an organisation's name carries: "the Islamic
    State group" = "Islamic State", "X Trading Co" = "X Trading Company". Not for
    people: "the Chertoff Group" is a firm, not Michael Chertoff. The actor list keys
    every actor so, since it merges organisations and people in one table."""
    return _fold(name, org=True)


# Most names need none of the folds below: one search tells, and saves the seven substitutions
# (a set with 10,000 distinct names keys each of them several times).
_NEEDS_FOLD = re.compile(
    r"['\-]|[^\S ]|\s\s|^(?:the|an?|al|el)\s|\s(?:jr|sr|ii|iii|iv|group|co|company|inc|ltd|corp|corporation)\.?$"
)


def _fold(name: str, org: bool) -> str:
    key = name.lower().replace("’", "'").strip(" .,'\"")
    if not _NEEDS_FOLD.search(key):
        return key
    key = re.sub(r"'s$", "", key)
    key = re.sub(r"^(?:the|a|an)\s+", "", key)
    key = re.sub(r"^(?:al|el)[-\s]", "", key)
    if org:
        key = re.sub(r"\s+group$", "", key)
        key = re.sub(r"(?<=\w)\s+(?:co|company|inc|ltd|corp|corporation)\.?$", "", key)  # "X Trading Co"
    key = re.sub(r"[\s-]+", " ", key)
    key = re.sub(r"(?<=\w)'(?=\w|\s|$)", "", key)  # "Workers' Party" = "Workers Party", "Ja'afari" = "Jaafari"
    key = re.sub(r"(?<=\w \w)(\w*) (?:jr|sr|ii|iii|iv)\.?$", r"\1", key)  # "Harry Sargeant III" = "Harry Sargeant"
    return key


_INITIAL = re.compile(r"[A-Z]\.?")


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """`name_key`, also folding what reports of one person vary in: middle initials
    ("John F. Kerry" = "John Kerry", "William C. Mayville Jr." = "William Mayville")
    and accents ("François Hollande" = "Francois Hollande")."""
    plain = name
    if not name.isascii():
        plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = plain.split()
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if not _INITIAL.fullmatch(w)), words[-1]]
    return name_key(" ".join(words))


@lru_cache(maxsize=65536)  # each name is asked for by the index, then twice across the set
def surname_keys(full_name: str) -> frozenset[str]:
    """Every shorter form a full name can be referred to by.

    "Staffan de Mistura" -> {"de mistura", "mistura"}; "Walid al-Moallem" ->
    {"al-moallem", "moallem"}; "Vladimir Putin" -> {"putin"}.
    """
    tokens = full_name.split()
    keys: set[str] = set()
    lex = name_lexicon()
    if len(tokens) < 2:
        return frozenset()
    suffixless = [t for t in tokens if t.lower() not in lex.suffixes]
    for i in range(1, len(suffixless)):
        keys.add(name_key(" ".join(suffixless[i:])))
    last = suffixless[-1]
    for prefix in lex.hyphen_particles:
        if last.lower().startswith(prefix + "-"):
            keys.add(name_key(last[len(prefix) + 1 :]))
    return frozenset(keys)


def particle_surname(name: str) -> bool:
    """"De Mistura", "Van Rompuy": a surname with its particle (capitalised at a sentence start),
    not a given name and a surname; "Ben LaBolt" reads so too, and only a longer name ending
    with it tells them apart, so such a name never counts as a full name on its own."""
    words = name.split()
    return len(words) == 2 and words[0].lower() in name_lexicon().particles


def close_spelling(a: str, b: str) -> bool:
    """Two transliterations of one name, word by word (same number of words, each pair
    close): "Arseny Yatseniuk" ~ "Arseniy Yatsenyuk", not "Ali Omar" ~ "Ali Amir"."""
    pairs = list(zip(a.lower().split(), b.lower().split()))
    last = len(pairs) - 1
    return all(
        x == y or not _DIGIT.search(x + y) and _close_words(x, y, 0.8 if i == last else 0.75)
        for i, (x, y) in enumerate(pairs)
    )


_DIGIT = re.compile(r"\d")  # "M23" and "M24", "Unit 731" and "Unit 732": codes, never transliterations


@lru_cache(maxsize=65536)  # the same first names meet again and again
def _close_words(x: str, y: str, threshold: float) -> bool:
    shorter, total = min(len(x), len(y)), len(x) + len(y)
    if shorter < 5 or 2.0 * shorter / total < threshold:  # difflib's own formula: the best ratio possible
        return False
    return SequenceMatcher(None, x, y).ratio() >= threshold
