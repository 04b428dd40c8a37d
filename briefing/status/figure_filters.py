"""Numbers next to a casualty or troop word that are no current figure.

A brief's status table states what has happened to whom. Left out, whatever
kind word stands nearby:
- a model or weapon designation: "F/A 18 fighters", "the S-400 system";
- equipment and munitions: "47 Tomahawk missiles", "3,030 rockets", "four dozen
  aircraft", "4,500 of the fighters have been built" (fighters meaning jets);
- a population: "Gaza's 1.8 million residents", "of the 1.8 million there",
  "2 million people live in the area", "a nation of 46 million";
- an age: "three girls under 15";
- a hypothetical, a threat or a requirement: "What if the invasion killed ...",
  "could kill hundreds", "threatened to kill 30", "Assuming the groups are right,
  Hamas has lost fewer than 400 fighters", "15,000 troops are needed".
Earlier wars and periods are not dropped but kept as background (figure_time.py).
"""

from __future__ import annotations

import re

_DESIGNATION_BEFORE_RE = re.compile(r"(?<![\w.])[A-Z]{1,3}[a-z]?[A-Z]{0,2}(?:/[A-Z]{1,3})?[-‐\s]$")
_EQUIPMENT = (
    r"rockets?|missiles?|mortars?|mortar\s+(?:rounds?|shells?)|shells|rounds|bombs?|munitions|ordnance|"
    r"pieces\s+of\s+(?:ordnance|equipment|artillery)|warheads?|aircraft|(?:fighter\s+|war)?jets?|(?:war)?planes?|"
    r"helicopters?|drones?|tanks?|armou?red\s+vehicles|vehicles?|trucks?|warships?|ships?|destroyers?|"
    r"vessels?|boats?|submarines?|sorties|(?:air\s*)?strikes|raids|targets|weapons|guns|rifles|launchers|"
    r"artillery\s+pieces|computers|buildings|homes|houses|tunnels|cameras|barrels|tons|tonnes"
)
_EQUIPMENT_AFTER_RE = re.compile(
    rf"^\s+(?:(?!(?:people|civilians|soldiers|troops|fighters|militants|and|or|were|was|have|has|had|who)\b)"
    rf"[\w'’./-]+\s+){{0,2}}?(?:{_EQUIPMENT})\b",
    re.I,
)
# "fighters" meaning jets: "two MiG-29 fighters", "4,500 of the fighters have been built"
_DESIGNATED_JETS_RE = re.compile(r"^\s+[A-Z][\w/]*[-‐\s]?\d+\w*\s+(?:fighters?|bombers?|interceptors?)\b")
_JETS_AFTER_RE = re.compile(
    r"^\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?fighters?\s+(?:(?:have|has|had|were|was|will|would)\s+)?(?:been\s+)?"
    r"(?:built|produced|delivered|sold|ordered|manufactured|flown|bought|purchased)\b",
    re.I,
)
_POPULATION_AFTER_RE = re.compile(
    r"^\s+(?:(?:people|residents|inhabitants|Kurds|Arabs|civilians|[A-Z][a-z]+s)\s+)?"
    r"(?:(?:who\s+)?(?:live|lives|living|lived|reside|resides|residing)\b|there\b)",
)
_POPULATION_BEFORE_RE = re.compile(
    r"(?:\b(?:population\s+of|nation\s+of|country\s+of|city\s+of|town\s+of|home\s+to|territory\s+of)"
    r"(?:\s+(?:some|about|around|nearly|roughly|more\s+than|over|almost))?"
    r"|[\w’']+(?:'s|’s))\s*$",
    re.I,
)
_RESIDENTS_AFTER_RE = re.compile(r"^\s+(?:residents|inhabitants|people|population|citizens)\b(?!\s+(?:were|have|had|was)\b)", re.I)
_AGE_BEFORE_RE = re.compile(
    r"\b(?:children|girls|boys|kids|people|men|women|those|anyone|youths)\s+(?:under|over|aged|below|above)"
    r"\s+(?:the\s+age\s+of\s+)?$",
    re.I,
)
_HYPOTHETICAL_START_RE = re.compile(r"^\W*(?:What\s+if|Imagine|Suppose|Supposing|Assuming|Had\s+\w+\s+\w+)\b", re.I)
_CONDITION_RE = re.compile(r"\b(?:if|unless|assuming|suppose|supposing|whether|lest)\b", re.I)
_MODAL_RE = re.compile(
    r"\b(?:could|would|might|should|will|shall|going\s+to|threaten(?:s|ed|ing)?\s+to|vow(?:s|ed)?\s+to|"
    r"plan(?:s|ned)?\s+to|intend(?:s|ed)?\s+to|want(?:s|ed)?\s+to|tr(?:y|ies|ied)\s+to|aim(?:s|ed)?\s+to|"
    r"risk(?:s|ed)?|(?:could|would|should|might)\s+have|potentially|possibly|likely\s+to|expected\s+to)\b"
    r"|'ll\b|’ll\b",
    re.I,
)
# "the president could have acted two years ago, before another 200,000 people were killed"
_COUNTERFACTUAL_RE = re.compile(r"\b(?:could|should|would|might)\s+have\b", re.I)
_BEFORE_CLAUSE_RE = re.compile(r"^\s*(?:before|until|instead\s+of)\b", re.I)
# A court case, not a war: "confessed to killing four other men", "was convicted of killing two"
_CRIME_RE = re.compile(
    r"\b(?:confess(?:ed|es)?\s+to|convicted\s+of|pleaded\s+(?:not\s+)?guilty\s+to|sentenced\s+for|"
    r"charged\s+with|on\s+trial\s+for|admitted\s+to)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_TROOP_MODAL_RE = re.compile(r"\b(?:would|could|might|(?:could|would|should|might)\s+have)\b", re.I)
_NEEDED_AFTER_RE = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:(?:are|is|would\s+be|will\s+be|were)\s+)?(?:needed|required|necessary)\b", re.I
)
_CLAUSE_BREAK_RE = re.compile(r"[;:—–]|,\s|\b(?:but|while|whereas|although|though|and\s+(?=[a-z]+ed\b))\b")
_CASUALTY_KINDS = frozenset({"killed", "injured", "displaced", "refugees"})


def not_current(text: str, start: int, end: int, kind: str) -> str | None:
    """Why the number at text[start:end] of a figure of `kind` is no current figure, or None."""
    before, after = text[max(0, start - 40):start], text[end:end + 80]
    if _DESIGNATION_BEFORE_RE.search(before):
        return "designation"
    if _EQUIPMENT_AFTER_RE.match(after) or _JETS_AFTER_RE.match(after) or _DESIGNATED_JETS_RE.match(after):
        return "equipment"
    if _POPULATION_AFTER_RE.match(after) or (
        _POPULATION_BEFORE_RE.search(before) and _RESIDENTS_AFTER_RE.match(after)
    ) or re.search(r"\b(?:population\s+of|nation\s+of|home\s+to)(?:\s+\w+)?\s*$", before, re.I):
        return "population"
    if _AGE_BEFORE_RE.search(before):
        return "age"
    if _CRIME_RE.search(text, max(0, start - 50), start):
        return "crime"
    if hypothetical(text, start, end, kind):
        return "hypothetical"
    return None


def elsewhere(text: str, nations: re.Pattern[str] | None, forms: dict[str, str], core: frozenset[str]) -> bool:
    """Does the sentence name only states the set is not about ("Australian police detained 15
    people", "2 million killed in Afghanistan" in a pile about Syria)? `core` are the states the
    set is about; a sentence naming none of them and at least one other is another conflict's."""
    if nations is None or not core:
        return False
    named = {forms[m.group(0)] for m in nations.finditer(text)}
    return bool(named) and named.isdisjoint(core)


def hypothetical(text: str, start: int, end: int, kind: str) -> bool:
    """A count that is supposed, threatened or required rather than reported."""
    if _HYPOTHETICAL_START_RE.match(text):
        return True
    clause = _clause_before(text, start)
    if _CONDITION_RE.search(clause):
        return True
    if _BEFORE_CLAUSE_RE.match(clause) and _COUNTERFACTUAL_RE.search(text, 0, start):
        return True
    window = clause + " " + _words_after(text, end, 4)
    if kind in _CASUALTY_KINDS and _MODAL_RE.search(window):
        return True
    if kind == "troops" and (_TROOP_MODAL_RE.search(window) or _NEEDED_AFTER_RE.match(text[end:end + 60])):
        return True
    return False


def _clause_before(text: str, start: int) -> str:
    """The words of the number's clause up to the number (at most 80 characters back)."""
    window = text[max(0, start - 80):start]
    breaks = list(_CLAUSE_BREAK_RE.finditer(window))
    return window[breaks[-1].end():] if breaks else window


def _words_after(text: str, end: int, n: int) -> str:
    """The next `n` words after the number, within its clause."""
    rest = text[end:end + 60]
    cut = _CLAUSE_BREAK_RE.search(rest)
    rest = rest[:cut.start()] if cut else rest
    return " ".join(rest.split()[:n])
