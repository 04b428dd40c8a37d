"""Places mentioned, with counts: countries and regions from tables, towns from context.

A town is a capitalised name in a place slot: an unmistakable one ("the town
of Ras al-Ayn", "Idlib province", "the suburbs of Zamalka and Ein Tarma", "the
Shati refugee camp", "Mount Sinjar") or a weak one ("in Geneva", "near
Kharkiv") that place_names.py accepts (a gazetteer, word frequencies, the
name's shape: no institutions, demonyms, parties or common words). It is not
a person or an organisation of the set, nor a month. Once a name has been seen
in a place slot anywhere in the set, every mention of it counts. Photo captions
and galleries are left out: a place only a caption names is not where the
story happens.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from briefing.models import Article, Place
from briefing.nlp.titles import title_surface_words
from briefing.status.actor_rules import GENERIC_HEADS, NOT_NAMES, NOT_PERSON_WORDS, STOP_FIRST
from briefing.nlp.names.lexicon import trie_regex
from briefing.status.place_names import known_place, strong_slot_place, weak_slot_place
from briefing.status.profile import Lexicon
from briefing.status.pruned import PrunedAlternation, group, words_in

_WORD = r"[A-Z][\w'’]+(?:-[A-Z]?[\w'’]+)*"
_PARTICLE = r"(?:al|el|ez|ad|as|ash|at|an|ar|az|ed|es|ul)[- ][A-Z][\w'’]+"  # "Ras al-Ayn", "the al-Hol camp", "Dayr az Zawr"
_NAME = rf"(?:{_PARTICLE}|{_WORD})(?: (?:{_PARTICLE}|{_WORD}))?(?: {_PARTICLE})?"
_HEAD_WORDS = r"(?:Air|Naval|Military|Refugee|Border|Base|Camp|Crossing|Airport|Prison)\b"
_LANDMARK_NAME = rf"(?!{_HEAD_WORDS})(?:{_PARTICLE}|{_WORD})(?: (?!{_HEAD_WORDS})(?:{_PARTICLE}|{_WORD}))?"
# "Mount Sinjar", "the Shayrat air base", "the Rafah crossing", "the Shati refugee camp": the place is the name
_LANDMARK_KEYS = r"(?i:air\s*base|air\s*field|airfield|naval\s+base|military\s+base|refugee\s+camp|border\s+crossing|crossing|checkpoint)"
LANDMARK_RE = PrunedAlternation(
    (rf"\b(?P<mount>(?:Mount|Mt\.|Jebel|Jabal) {_WORD})", words_in("Mount ", "Mt. ", "Jebel ", "Jabal ")),
    (rf"(?<![\w'’-])(?P<name>{_LANDMARK_NAME})\s+{_LANDMARK_KEYS}\b",
     # every key ends with one of these words, matched as the key is (case-insensitively)
     re.compile(r"(?i:base|field|camp|crossing|checkpoint)").search),
    (rf"(?<![\w'’-])(?P<square>{_WORD}(?: {_WORD})? (?:Square|Street|Avenue|Boulevard|Bridge))\b(?! [A-Z])",  # not "Wall Street Journal"
     words_in(" Square", " Street", " Avenue", " Boulevard", " Bridge")),
)
# "the suburbs of Zamalka and Ein Tarma", "the towns of A, B and C"; a comma alone ends the slot: "a suburb of
# Washington, Romney said" names one place
_LIST = rf"(?P<list>{_NAME}(?:(?:,\s*{_NAME}){{0,3}},?\s+and\s+{_NAME})?)"
_KINDS = (r"city|town|village|port|province|region|capital|district|governorate|state|camp|airbase|base|community|"
          r"enclave|suburb|neighbourhood|neighborhood|county|oblast|area|outskirts|edge|heart|centre|center|"
          r"suburbs|frontline town|border town|strategic town|cities|towns|villages|provinces|regions|districts|"
          r"neighbourhoods|neighborhoods|camps|areas|stronghold")
# Unmistakable: "the town of X", "the capital X", "X province", "outskirts of X"
_AREAS = ("province", "region", "governorate", "district", "oblast", "county", "state", "city")
STRONG_RE = PrunedAlternation(
    (rf"\b(?:(?:{_KINDS})(?: of)?|capital,)\s+{_LIST}(?![\w'’-])", None),
    (rf"(?<![\w'’-])(?P<b>{_NAME})\s+(?:{'|'.join(_AREAS)})\b", words_in(*_AREAS)),
)
# Likely: "in X", "near X", "from X" (also true of people: "from Putin"), so checked against actors
WEAK_RE = re.compile(
    r"\b(?<![Aa]ccording )(?:in|at|near|from|outside|around|into|across|toward|towards|inside|to|particularly|especially)"
    # not the head of a longer name: "at the James Martin Center", "at the Permit and Resources Department"
    # (but "in Tel Aviv and Jerusalem" is a list: the gazetteer tells, see place_slots)
    rf"\s+(?P<the>the\s+)?(?P<a>{_NAME})(?![\w'’-])(?! [A-Z])(?P<joined> (?:and|of|for) [A-Z])?"
)


@dataclass(frozen=True)
class PlaceSlots:
    """Names in unmistakable and in weak place slots over the set, and how often each weak one."""

    strong: frozenset[str]
    weak: frozenset[str]
    weak_counts: dict[str, int]
    after_the: frozenset[str] = frozenset()  # weak-slot names only ever written after "the"
    vocabulary: frozenset[str] = frozenset()  # the lower-case words of the set


def place_slots(
    articles: Sequence[Article], captions: Callable[[Article], frozenset[int]] | None = None,
    countries: frozenset[str] = frozenset(),
) -> PlaceSlots:
    """Names in place slots over the set, photo captions left out (`captions` gives an article's
    caption sentence indexes; `countries` the country names, whose possessive owns a place)."""
    strong: set[str] = set()
    weak: Counter[str] = Counter()
    with_the: Counter[str] = Counter()
    vocabulary: set[str] = set()
    for article in articles:
        text = visible_text(article, captions(article) if captions else frozenset())
        vocabulary.update(_LOWER_WORD_RE.findall(text))
        for m in STRONG_RE.finditer(text):
            for raw in _split_list(group(m, "list") or group(m, "b") or ""):
                if (name := _clean_slot(raw)):
                    strong.add(name)
        for m in LANDMARK_RE.finditer(text):
            if (name := _clean_slot(group(m, "mount") or group(m, "name") or group(m, "square") or "")):
                strong.add(name)
        for m in WEAK_RE.finditer(text):
            if not _weak_slot(m, text):
                continue
            if m.group("joined"):  # "in Tel Aviv and Jerusalem": the next name of the list is in the slot too
                nxt = _NEXT_NAME_RE.match(text, m.end("a") + 5)
                # only a known place: "reported from Atlanta and Jomana Karadsheh from Jordan" names a person
                if nxt and (other := _clean_slot(nxt.group(0))) and known_place(other):
                    weak[other] += 1
            if (name := _clean_slot(m.group("a"))):
                owner = _OWNER_RE.match(m.group("a"))
                # "in Moldova's Transnistria": a country's part is a place (counted as two slots)
                weak[name] += 2 if owner and owner.group(1) in countries else 1
                with_the[name] += bool(m.group("the"))
    after_the = frozenset(n for n, k in with_the.items() if k == weak[n])
    return PlaceSlots(frozenset(strong), frozenset(weak), dict(weak), after_the, frozenset(vocabulary))


def _weak_slot(m: re.Match[str], text: str) -> bool:
    """Is this "in X" / "to the X" match a place slot at all? Not when X heads a longer name ("at the
    Permit and Resources Department"), owns the noun that fills the slot ("due to Bush's views"), or
    qualifies one after "the" ("a link to the Tyzhden article", "in the Romney campaign")."""
    joined = m.group("joined")
    if joined and (not joined.startswith(" and") or not known_place(m.group("a"))):
        return False
    if re.search(r"(?:'s|’s)$", m.group("a")):
        return False
    return not (m.group("the") and not joined and _LOWER_NEXT_RE.match(text, m.end("a")))


_LOWER_NEXT_RE = re.compile(r" (?!(?:and|or|of|for|in|on|at|to|from|with|as|by|near|after|before|since|until|when|"
                            r"where|which|who|that|this|is|was|were|are|has|had|have|said|says)\b)[a-z]")
_NEXT_NAME_RE = re.compile(rf"{_NAME}(?![\w'’-])(?! [A-Z])")
_OWNER_RE = re.compile(r"([A-Z][\w.-]*(?: [A-Z][\w.-]*)?)(?:'s|’s) ")
_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")


def visible_text(article: Article, captions: frozenset[int]) -> str:
    """The article's text without its photo captions (the whole text when it has none)."""
    if not captions:
        return article.text
    return "\n".join(s.text for s in article.sentences if s.index not in captions)


def _split_list(raw: str) -> list[str]:
    return [p for p in re.split(r"\s*,?\s+and\s+|\s*,\s*", raw) if p]  # ", and" before ",": the Oxford comma


_MONTH_OR_DAY = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _clean_slot(name: str) -> str | None:
    """"Ukraine's Crimea" -> "Crimea" (the owner is counted on its own); "Kharkiv April" ->
    "Kharkiv" (a caption's date); "Serbia-Hungary" (a border between two) -> None."""
    name = re.sub(r"(?:'s|’s|'|’)$", "", name)
    if re.search(r"-[a-z]", name):
        return None  # "Muslim-majority", "French-speaking": a description, not a place
    words = name.split()
    if len(words) >= 2 and re.search(r"(?:'s|’s)$", words[0]):
        words = words[1:]  # "Kiev's Independence Square": the square
    if len(words) == 2 and words[1].lower() in _MONTH_OR_DAY:
        words = words[:1]
    name = " ".join(words)
    if "-" in name and all(part[:1].isupper() for part in name.split("-")) and " " not in name:
        return None  # "Serbia-Hungary", "Tel Aviv-Sderot" read as a pair, not one place
    return name or None


@dataclass(frozen=True)
class PlaceRules:
    country_re: re.Pattern[str]
    country_names: dict[str, str]
    demonyms: frozenset[str]
    regions: frozenset[str]
    region_re: re.Pattern[str] | None
    titles: frozenset[str] = frozenset()  # "from President Bush": a person, not a place


def compile_place_rules(lexicon: Lexicon) -> PlaceRules:
    forms = sorted(lexicon.country_names, key=len, reverse=True)
    # "New Jersey", "New Mexico": U.S. states, not the countries
    names = trie_regex(forms, any_space=False)
    country_re = re.compile(r"(?<![\w-])(?<!New )(?=[A-Z])" + names + r"(?![\w-]|\.\w)(?! [A-Z][a-z])")
    regions = frozenset(lexicon.phrases("regions"))
    region_re = (
        re.compile(r"\b(?:" + "|".join(re.escape(r) for r in sorted(regions, key=len, reverse=True)) + r")\b")
        if regions else None
    )
    titles = title_surface_words()
    return PlaceRules(country_re, lexicon.country_names, frozenset(lexicon.demonyms), regions, region_re, titles)


def build_places(
    articles: Sequence[Article],
    rules: PlaceRules,
    slots: PlaceSlots,
    not_places: Iterable[str] = (),
    limit: int = 80,
    countries: Counter[str] | None = None,
    captions: Callable[[Article], frozenset[int]] | None = None,
) -> tuple[Place, ...]:
    """Countries, regions and towns with their mention counts over the set.

    `slots` comes from `place_slots`; `not_places` are actor names (people,
    organisations), which keep a weak-slot name ("from Putin") out;
    `countries` is `country_counts` of the same articles when already counted.
    """
    excluded = {re.sub(r"^the\s+", "", n.lower()) for n in not_places}
    counts: Counter[str] = Counter()
    demonyms, names = rules.demonyms, frozenset(rules.country_names)
    towns = {n for n in slots.strong if _town_candidate(n, rules, set(), strict=False)
             and strong_slot_place(n, demonyms, names)}
    towns |= {n for n in slots.weak if _town_candidate(n, rules, excluded)
              and weak_slot_place(n, slots.weak_counts.get(n, 0), demonyms, names, slots.vocabulary,
                                  n in slots.after_the)}
    counts.update(countries if countries is not None else country_counts(articles, rules, captions))
    texts = [visible_text(a, captions(a) if captions else frozenset()) for a in articles]
    for text in texts:
        if rules.region_re:
            for m in rules.region_re.finditer(text):
                counts[m.group(0)] += 1
    if towns:
        town_re = re.compile(r"(?<![\w'’-])" + trie_regex(towns, any_space=False) + r"(?![\w'’-])")
        for text in texts:
            for m in town_re.finditer(text):
                counts[m.group(0)] += 1
    places = [Place(name, n) for name, n in counts.most_common()]
    return tuple(places[:limit])


def country_counts(
    articles: Sequence[Article], rules: PlaceRules, captions: Callable[[Article], frozenset[int]] | None = None
) -> Counter[str]:
    """Mentions of each country by name over the set (demonyms are not places: "Russian" is no visit)."""
    counts: Counter[str] = Counter()
    for article in articles:
        for m in rules.country_re.finditer(visible_text(article, captions(article) if captions else frozenset())):
            if _is_place_form(m.group(0)):
                counts[rules.country_names[m.group(0)]] += 1
    return counts


def _is_place_form(form: str) -> bool:
    # "US" and "UK" are fine; a lone lowercase-free short acronym like "CAR" could be a word in caps text
    return form != "CAR"


# Capitalised words that follow "in"/"from" without being a place ("in the South", "from Parliament").
NOT_TOWNS = frozenset("""
north south east west northern southern eastern western central strip bank coast house parliament congress
senate government ministry army court party labour tory republican democrat democratic conservative liberal
european international national royal palace state states union council committee office agency media
brexit twitter facebook instagram youtube internet christmas ramadan easter islam christianity
muslim muslims christian christians jewish jews islamic arab arabs sunni sunnis shiite shiites shia hindu buddhist
sea ocean district judge sen rep gov gen lt col sgt capt dr mr mrs ms prof
""".split()) | GENERIC_HEADS


_LANDMARK_FIRST = frozenset({"Mount", "Mt.", "Jebel", "Jabal"})


def _town_candidate(name: str, rules: PlaceRules, excluded: set[str], strict: bool = True) -> bool:
    """`strict` for weak slots: any non-place word disqualifies ("in the South"); in a strong
    slot ("North Kivu province") only a name that is wholly such a word does."""
    first = name.split()[0]
    if first == "The" and known_place(name):
        return True  # "The Hague"
    if first.lower() in STOP_FIRST or first.lower().rstrip(".") in NOT_NAMES:
        return False
    words = name.split() if strict else [name]
    if any(word.lower() in NOT_TOWNS for word in words) or name.isupper():  # "GOP", "UPDATE"
        return False
    if any(word in NOT_PERSON_WORDS for word in name.split()) and first not in _LANDMARK_FIRST:
        return False  # "at the Winter Olympics": an event (but "Mount Sinjar" is a place)
    if name in rules.country_names or name in rules.regions or first in rules.demonyms or first in rules.titles:
        return False
    if name.lower() in excluded or any(part.lower() in excluded for part in name.split()):
        return False
    return True
