"""Which kind a number counts: killed, injured, displaced, refugees, troops or other.

The kind word nearest the number in its clause decides ("militants killed 40
soldiers": killed, not the militants' troops); a count of soldiers that a
casualty verb governs is a casualty ("Two soldiers were killed"), one that
"other" verbs govern is other ("68 soldiers were captured"); a death toll's
verb carries it to the number ("the death toll ... has topped 1,600"); "put
the figure at N" takes the kind of the figure it restates; "killed or wounded
N" counts both, so it is other, never a death toll; "run for their lives" is
flight, never a death. A number in a list shares its list's verb ("seven
civilians and three fighters were killed"): see `share_list_kinds`.
"""

from __future__ import annotations

import re

from briefing.status.figure_rules import FigureRules, group_name

CASUALTY = ("killed", "injured")


def _kind_from(m: re.Match[str] | None, rules: FigureRules) -> str | None:
    if m is None:
        return None
    for kind, _ in rules.kinds:
        if m.group(group_name(kind)):
            if kind == "killed" and _flight_not_death(m.string, m.start(group_name(kind)), m.group(group_name(kind))):
                return None
            return kind
    return None


_FLIGHT_LIVES_RE = re.compile(
    r"\b(?:run|ran|running|runs|flee|fled|fleeing|flees|save|saved|saving|risk|risked|risking|feared|fear|"
    r"rebuild|rebuilding|resume|resumed|get\s+on\s+with)\s+(?:for\s+)?(?:their|his|her|our|your|the|many)?\s*$",
    re.I,
)


def _flight_not_death(text: str, at: int, word: str) -> bool:
    """"forced thousands to run for their lives": flight, never a death count."""
    return word.lower() == "lives" and bool(_FLIGHT_LIVES_RE.search(text, max(0, at - 40), at))


_CLAUSE_END = re.compile(r"[;:—–]|,\s")
_EITHER_RE = re.compile(
    r"(?:\s+(?!(?:and|or|but)\b)[\w'’-]+){0,3}?\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:killed|wounded|injured|dead)\s+(?:or|and)\s+(?:wounded|injured|killed)",
    re.I,
)
# "killed or wounded 13" (not "left 14 people dead and wounded seven more": two counts)
_EITHER_BEFORE_RE = re.compile(
    r"(?<!\d )(?<!people )\b(?:killed|killing|dead)\s+(?:or|and)\s+(?:wounded|injured|wounding|injuring)\s+(?:\S+\s+){0,2}$",
    re.I,
)
_NUMBER_NEXT_RE = re.compile(r"\s+(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|several)\b)", re.I)
_DESTINATION_RE = re.compile(r"\s+(?:the\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)")
_CROSSING_CUE_RE = re.compile(r"(?:fled|fleeing|flee|crossed|crossing)\s+(?:to|into)$", re.I)
_FLIGHT_OF_RE = re.compile(r"\bflight\s+of\s+(?:\S+\s+){0,3}$", re.I)
_FLIGHT_DEST_RE = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,2}?(?:to|into)\s+(?:the\s+)?(?:neighbou?ring\s+|nearby\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)"
)


def refugees_or_displaced(text: str, cue_end: int, rules: FigureRules) -> str:
    """"fled to Chad" crosses a border; "fled to Rafah" (a town) does not."""
    if not _CROSSING_CUE_RE.search(text[max(0, cue_end - 20):cue_end]):
        return "refugees"  # "refugees", "asylum seekers", "fled abroad"
    dest = _DESTINATION_RE.match(text, cue_end)
    if dest is None:
        return "refugees"  # "fled to neighbouring countries"
    return "refugees" if _is_country(dest.group("name"), rules) else "displaced"


def _is_country(name: str, rules: FigureRules) -> bool:
    words = name.rstrip(".").split()
    return any(" ".join(words[:n]) in rules.countries for n in (2, 1))


_OPEN_QUOTE_RE = re.compile(r"(?:^|\s)['\"“‘]")
# "109 “terrorists” were killed": a quoted word for the counted, then the verb (not "3 'lucky refugees' photos")
_QUOTED_NOUN_RE = re.compile(
    r"\s*[\"“‘'][\w'’-]+(?:\s[\w'’-]+)?[\"”’']\s+(?:were|was|have|has|had|are|is|died|killed|fled)\b", re.I
)
INCLUDING_RE = re.compile(r"\b(?:including|among\s+them|among\s+whom|as\s+well\s+as|along\s+with|plus)\s+$", re.I)
_ASIDE_REST_RE = re.compile(r"[^,;]{0,60},")
_TOLL_BEFORE_RE = re.compile(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed|victims)|tally)\b[^\d;]{0,90}?\b"
    r"(?:reached|reaches|topped|tops|rose|risen|rises|climbed|climbs|jumped|stood|stands|hit|hits|passed|surpassed|"
    r"exceeded|exceeds|is|was|now|at|to)\s+(?:at\s+|to\s+)?(?:[a-z]+\s+){0,3}$",
    re.I,
)
_DEAD_INCLUDED_RE = re.compile(
    r"\b(?:the\s+dead|those\s+killed|the\s+victims|the\s+fatalities|people\s+killed)\b[^\d;]{0,90}?"
    r"\binclud(?:ed|e|es)\s+(?:[a-z]+\s+){0,2}$",
    re.I,
)
_WHOLE_OF_PART_RE = re.compile(
    r"\b(?:\d[\d,]*|[A-Za-z]+ty|[A-Za-z]+teen|two|three|four|five|six|seven|eight|nine|ten|none|all|each|most|"
    r"some|many|several|both|half)\s+of\s+(?:the|those|these|its|their)\s+$",
    re.I,
)
_OF_THE_WHOLE_RE = re.compile(r"\s+of\s+(?:the|those|these|its|their)\s+(?:\d[\d,]*|[a-z]+)\b", re.I)
# A kind word reached through "in addition to", "besides", "not counting"... names another count
BESIDES_RE = re.compile(
    r"\b(?:in\s+addition\s+to|besides|on\s+top\s+of|apart\s+from|aside\s+from|not\s+counting|"
    r"not\s+including|excluding|other\s+than|as\s+well\s+as|alongside|compared\s+(?:to|with)|"
    r"against|than)\b",
    re.I,
)
_ANOTHER_RE = re.compile(r"\b(?:another|a\s+further|an\s+additional)\s+$", re.I)
_PUT_AT_RE = re.compile(
    r"\b(?:put|puts|putting|placed|places|estimated|estimates)\s+(?:the|its|their)\s+(?P<what>figure|number|toll|"
    r"death\s+toll|count|total|tally)\s+at\s+(?:[a-z]+\s+){0,3}$",
    re.I,
)


def kind_of(text: str, start: int, end: int, rules: FigureRules, previous: str | None = None) -> tuple[str | None, str]:
    """(kind, where the word that says it stands: "before" or "after" the number, "" when only
    the counted noun says it) for the number at text[start:end]; (None, "") when it is no figure. A kind read only from the counted noun ("three civilians": other,
    "200 soldiers": troops) may still take a list's verb (`share_list_kinds`). `previous` is the
    kind of the sentence's figure before it ("including 12 children", "put the figure at N")."""
    clause = text[_clause_start(text, start):start]
    either = _EITHER_RE.match(text, end)
    if _EITHER_BEFORE_RE.search(clause) or (either and not _NUMBER_NEXT_RE.match(text, either.end())):
        return "other", "before"  # "killed or wounded 13": both at once, no death toll
    restated = _PUT_AT_RE.search(text, max(0, start - 60), start)
    if restated:
        return ("killed" if "toll" in restated.group("what").lower() else previous), "before"
    if _TOLL_BEFORE_RE.search(text, max(0, start - 140), start) or _DEAD_INCLUDED_RE.search(text, max(0, start - 120), start):
        return "killed", "before"  # "the death toll in ... has topped 1,600", "those killed included two"
    if _WHOLE_OF_PART_RE.search(text, max(0, start - 25), start):
        return None, ""  # "Forty of the 200 people brought in died": 200 is the whole, not the dead
    whole = _OF_THE_WHOLE_RE.match(text, end)
    if whole:  # the part takes the verb after the whole's noun phrase
        kind = _kind_from(rules.loose_tail.match(text, whole.end()), rules)
        if kind and kind != "troops":
            return kind, "after"
    part_of = previous if previous and INCLUDING_RE.search(text, max(0, start - 20), start) else None
    after = rules.after.match(text, end)
    if after and BESIDES_RE.search(text, end, after.end()):
        after = None  # "injuring 241 in addition to the fatalities": the dead are another count
    if after and _OPEN_QUOTE_RE.search(text, end, after.end()) and not _QUOTED_NOUN_RE.match(text, end):
        return None, ""  # "Five 'happy refugees' pictures": a quoted label, not a count
    kind = _kind_from(after, rules)
    if part_of and (kind is None or kind == "troops") and not _OWN_VERB_RE.match(text, end):
        return part_of, "before"  # "killed 20 militants, as well as 30 fighters of a rival group"
    if kind == "troops" and after is not None:
        civilians = rules.people_after and rules.people_after.match(text, end)
        if civilians and civilians.end() < after.start(group_name("troops")):
            kind = None  # "thousands of family members of IS fighters": the members are counted
        else:
            return _governed_troops(text, after.end(), clause, rules)
    if kind == "refugees" and after is not None:
        return refugees_or_displaced(text, after.end(), rules), "after"
    if kind:
        return kind, "after"
    if INCLUDING_RE.search(text, max(0, start - 20), start):
        # "40 people, including 12 children, were killed": the part shares the whole's verb
        rest = _ASIDE_REST_RE.match(text, end)
        kind = _kind_from(rest and rules.after.match(text, rest.end()), rules)
        if kind:
            return kind, "after"
    kind = _kind_from(rules.before.match(clause), rules)
    people = rules.people_after and rules.people_after.match(text, end)
    if kind == "troops" and people:
        kind = None  # "Troops evacuated 2,000 civilians": the civilians are the count, not troops
    if kind == "refugees" and _FLIGHT_OF_RE.search(clause):
        dest = _FLIGHT_DEST_RE.match(text[end:end + 80])
        return ("refugees" if dest and _is_country(dest.group("name"), rules) else "displaced"), "before"
    if kind:
        return kind, "before"
    tail = rules.list_tail.match(text, end)
    kind = _kind_from(tail, rules)
    if kind and kind != "troops":
        return kind, "after"  # "three members of the force known as the SDF were killed"
    if rules.other_after and _ANOTHER_RE.search(text, max(0, start - 15), start) and rules.other_after.match(text, end):
        return "other", "after"  # "113 soldiers were killed and another 78 are missing"
    demonyms = rules.demonyms_after and rules.demonyms_after.match(text, end)
    return ("other" if people or demonyms else None), ""


def _governed_troops(text: str, noun_end: int, clause: str, rules: FigureRules) -> tuple[str, str]:
    """Soldiers counted: as casualties when a casualty verb governs them ("Two soldiers were
    killed", "A mortar round killed three soldiers"), as other when they were captured, freed
    or are missing, else as troops (a kind read from the noun only)."""
    casualty = _kind_from(rules.after.match(text, noun_end), rules)
    if casualty in CASUALTY:
        return casualty, "after"
    casualty = _kind_from(rules.before.match(clause), rules)
    if casualty in CASUALTY:
        return casualty, "before"
    if _LOST_BEFORE_RE.search(clause):
        return "killed", "before"  # "Israel has lost more than 60 soldiers"
    if rules.other_after and rules.other_after.match(text, noun_end):
        return "other", "after"
    return "troops", ""


_LOST_BEFORE_RE = re.compile(r"\b(?:lost|losing|lose|loses)\s+(?:[a-z]+\s+){0,3}$", re.I)
_LIST_GAP_RE = re.compile(
    r"^(?:\s+[\w'’.-]+){1,6}?(?:,\s*|\s*,?\s+and\s+|\s*,?\s+as\s+well\s+as\s+)(?:another\s+|a\s+further\s+)?$"
)
_SHARED = ("killed", "injured", "displaced", "refugees", "other")


def share_list_kinds(text: str, spans: list[tuple[int, int, str | None, str]]) -> list[str | None]:
    """Counts of one list share its verb. Backwards: "seven civilians and three members of the SDF
    were killed" (the verb after the last count); forwards: "the strike killed 14 civilians and
    three soldiers" (the verb before the first), unless the later count has a verb of its own
    ("... and 300 troops arrived"). Only a count whose kind its noun alone gave takes another's.
    `spans` are (start, end, kind, where its kind word stands: "before", "after" or "")."""
    kinds = [k for _, _, k, _ in spans]
    how = [h for _, _, _, h in spans]
    for i in range(len(spans) - 2, -1, -1):
        if (kinds[i] and not how[i] and how[i + 1] == "after" and kinds[i + 1] in _SHARED
                and _listed(text, spans[i], spans[i + 1])):
            kinds[i], how[i] = kinds[i + 1], "after"
    for i in range(1, len(spans)):
        if (kinds[i] and not how[i] and how[i - 1] == "before" and kinds[i - 1] in _SHARED
                and _listed(text, spans[i - 1], spans[i]) and not _OWN_VERB_RE.match(text, spans[i][1])):
            kinds[i], how[i] = kinds[i - 1], "before"
    return kinds


_OWN_VERB_RE = re.compile(
    r"(?:\s+[\w'’.-]+){0,4}?\s+(?:were|was|have|has|had|are|is|will|would|arrived|remain|remained)\b", re.I
)


def _listed(text: str, first: tuple[int, int, str | None, str], second: tuple[int, int, str | None, str]) -> bool:
    gap = text[first[1]:_qualifier_start(text, second[0])]
    return bool(_LIST_GAP_RE.match(gap))


_LEAD_QUALIFIER_RE = re.compile(
    r"(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|as\s+many\s+as|an\s+estimated)\s+$", re.I
)


def _qualifier_start(text: str, start: int) -> int:
    m = _LEAD_QUALIFIER_RE.search(text, max(0, start - 20), start)
    return m.start() if m else start


def _clause_start(text: str, start: int) -> int:
    """Where the clause holding position `start` begins (at most 80 characters back)."""
    return max((m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 80), start)), default=max(0, start - 80))
