"""Places mentioned, with counts: countries and regions from tables, towns from context.

No gazetteer ships offline, so a town is a capitalised name in a place slot
("in Geneva", "near Kharkiv", "the port of Tartous", "the capital Damascus")
that is not a person, an organisation or a month. Once a name has been seen
in a place slot anywhere in the set, every mention of it counts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing.models import Article, Place
from briefing.nlp.titles import title_surface_words
from briefing.status.actor_rules import GENERIC_HEADS, NOT_NAMES, NOT_PERSON_WORDS, STOP_FIRST
from briefing.status.profile import Lexicon

_NAME = r"[A-Z][\w'’]+(?:-[A-Z]?[\w'’]+)*(?: [A-Z][\w'’]+(?:-[A-Z]?[\w'’]+)*)?"
_KINDS = (r"city|town|village|port|province|region|capital|district|governorate|state|camp|airbase|base|community|"
          r"enclave|suburb|neighbourhood|neighborhood|county|oblast|area|outskirts|edge|heart|centre|center|"
          r"suburbs|frontline town|border town|strategic town")
# Unmistakable: "the town of X", "the capital X", "X province", "outskirts of X"
STRONG_RE = re.compile(
    rf"\b(?:{_KINDS})(?: of)?\s+(?P<a>{_NAME})(?![\w'’-])"
    rf"|(?<![\w'’-])(?P<b>{_NAME})\s+(?:province|region|governorate|district|oblast|county|state|city|"
    r"(?:border\s+)?crossing|refugee\s+camp|checkpoint)\b"
)
# Likely: "in X", "near X", "from X" (also true of people: "from Putin"), so checked against actors
WEAK_RE = re.compile(
    r"\b(?:in|at|near|from|outside|around|into|across|toward|towards|inside|particularly|especially)"
    # not the head of a longer name: "at the James Martin Center", "at the Permit and Resources Department"
    rf"\s+(?:the\s+)?(?P<a>{_NAME})(?![\w'’-])(?! (?:[A-Z]|(?:and|of|for) [A-Z]))"
)


def place_slots(articles: Sequence[Article]) -> tuple[frozenset[str], frozenset[str]]:
    """Names in strong and in weak place slots over the set."""
    strong: set[str] = set()
    weak: set[str] = set()
    for article in articles:
        for regex, bucket in ((STRONG_RE, strong), (WEAK_RE, weak)):
            for m in regex.finditer(article.text):
                name = _clean_slot(m.group("a") or m.group("b"))
                if name:
                    bucket.add(name)
    return frozenset(strong), frozenset(weak)


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
    if len(words) == 2 and re.search(r"(?:'s|’s)$", words[0]):
        words = words[1:]
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
    country_re = re.compile(
        r"(?<![\w-])(?=[A-Z])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-]|\.\w)(?! [A-Z][a-z])"
    )
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
    slots: tuple[frozenset[str], frozenset[str]],
    not_places: Iterable[str] = (),
    limit: int = 40,
    countries: Counter[str] | None = None,
) -> tuple[Place, ...]:
    """Countries, regions and towns with their mention counts over the set.

    `slots` comes from `place_slots`; `not_places` are actor names (people,
    organisations), which keep a weak-slot name ("from Putin") out;
    `countries` is `country_counts` of the same articles when already counted.
    """
    excluded = {re.sub(r"^the\s+", "", n.lower()) for n in not_places}
    counts: Counter[str] = Counter()
    strong, weak = slots
    towns = {n for n in strong if _town_candidate(n, rules, set(), strict=False)}
    towns |= {n for n in weak if _town_candidate(n, rules, excluded)}
    counts.update(countries if countries is not None else country_counts(articles, rules))
    for article in articles:
        if rules.region_re:
            for m in rules.region_re.finditer(article.text):
                counts[m.group(0)] += 1
    if towns:
        town_re = re.compile(r"(?<![\w'’-])(?=[A-Z])(?:" + "|".join(re.escape(t) for t in sorted(towns, key=len, reverse=True)) + r")(?![\w'’-])")
        for article in articles:
            for m in town_re.finditer(article.text):
                counts[m.group(0)] += 1
    places = [Place(name, n) for name, n in counts.most_common()]
    return tuple(places[:limit])


def country_counts(articles: Sequence[Article], rules: PlaceRules) -> Counter[str]:
    """Mentions of each country by name over the set (demonyms are not places: "Russian" is no visit)."""
    counts: Counter[str] = Counter()
    for article in articles:
        for m in rules.country_re.finditer(article.text):
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


def _town_candidate(name: str, rules: PlaceRules, excluded: set[str], strict: bool = True) -> bool:
    """`strict` for weak slots: any non-place word disqualifies ("in the South"); in a strong
    slot ("North Kivu province") only a name that is wholly such a word does."""
    first = name.split()[0]
    if first.lower() in STOP_FIRST or first.lower().rstrip(".") in NOT_NAMES:
        return False
    words = name.split() if strict else [name]
    if any(word.lower() in NOT_TOWNS for word in words) or name.isupper():  # "GOP", "UPDATE"
        return False
    if any(word in NOT_PERSON_WORDS for word in name.split()):
        return False  # "at the Winter Olympics": an event
    if name in rules.country_names or name in rules.regions or first in rules.demonyms or first in rules.titles:
        return False
    if name.lower() in excluded or any(part.lower() in excluded for part in name.split()):
        return False
    return True
