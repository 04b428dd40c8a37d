"""Whom a figure counts, as the text says: "Palestinians", "Israeli soldiers", "civilians in Khan Sheikhoun".

Two counts can only disagree when they count the same people: 1,900
Palestinians and 67 Israelis killed are two facts, not a dispute. The subject
is the noun phrase the number counts ("64 Israeli soldiers", "killed 40
soldiers", "the lives of over 470,000 people"), with a place phrase that
narrows it ("civilians in Khan Sheikhoun"); with no noun ("the death toll
reached 322") it is None, which compares like "people". `subject_key` is the
form two subjects are compared by (case, articles and plural "s" set aside).
"""

from __future__ import annotations

import re

# Head nouns of counted groups: who a casualty or displacement figure counts.
PEOPLE_HEADS = (
    "people", "persons", "civilians", "children", "kids", "boys", "girls", "women", "men", "babies", "infants",
    "residents", "villagers", "inhabitants", "others", "individuals", "migrants", "refugees", "families",
    "detainees", "prisoners", "hostages", "captives", "protesters", "protestors", "demonstrators", "activists",
    "students", "workers", "journalists", "reporters", "medics", "doctors", "nurses", "patients", "passengers",
    "pilgrims", "worshippers", "teenagers", "teens", "youths", "victims", "bodies", "corpses", "dead",
    "soldiers", "troops", "servicemen", "servicemembers", "personnel", "officers", "policemen", "police officers",
    "police", "guards", "marines", "reservists", "fighters", "militants", "insurgents", "rebels", "gunmen",
    "combatants", "militiamen", "jihadists", "terrorists", "members", "operatives", "recruits", "cadets",
    "peacekeepers", "mercenaries", "diplomats", "staff", "staffers", "employees", "citizens", "nationals",
    "foreigners", "americans", "settlers", "soldier", "civilian", "person", "child", "man", "woman", "member",
)  # fmt: skip
_HEAD = "|".join(sorted(PEOPLE_HEADS, key=len, reverse=True))
_NOT_MODIFIER = (
    r"(?!(?-i:were|was|have|has|had|are|is|be|been|and|or|but|who|that|which|killed|died|dead|wounded|injured|"
    r"according|including|as|in|on|at|of|to|from|by|with|for|said|says)\b)"
)
_PLACE = (r"(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west)\s+)?"
          r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
          r"(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
# "... 64 Israeli soldiers", "... of the 200 people", "... 63 Israeli soldiers lives", "... civilians in Khan Sheikhoun"
_CAPITALISED_PLURAL = r"(?-i:[A-Z][a-z]+(?:s|ese))"  # "Palestinians", "Kurds", "Yazidis", "Lebanese"
_AFTER_RE = re.compile(
    rf"\s*(?:of\s+(?:the\s+)?)?[\"“‘']?(?P<np>(?:{_NOT_MODIFIER}[\w'’.-]+\s+){{0,3}}(?:{_HEAD}|{_CAPITALISED_PLURAL}))"
    rf"(?![\w'’-])[\"”’']?(?P<pp>\s+(?:in|on|at|near|inside)\s+{_PLACE})?",
    re.I,
)
_LIVES_RE = re.compile(r"\s+(?P<dem>(?-i:[A-Z][a-z]+(?:i|n)))\s+lives\b", re.I)
# "the lives of over 470,000 people": the noun comes after the number, read by _AFTER_RE; "the Palestinian
# death toll ... 1,600": no noun after, but a demonym before the toll word says whom.
_TOLL_OWNER_RE = re.compile(
    r"\b(?P<dem>[A-Z][a-z]+(?:i|n))\s+(?:death\s+)?toll\b|\btoll\s+among\s+(?:the\s+)?(?P<among>[A-Z][a-z]+s)\b"
)
# Words that make a count a part of another: "the other three Americans", "a further 20".
PART_WORDS = ("other", "another", "remaining", "additional", "further")
_REST_BEFORE_RE = re.compile(rf"\b({'|'.join(PART_WORDS)})\s+(?:\w+\s+)?$", re.I)
_GENERIC = frozenset({"people", "person", "individual", "other"})  # singular forms, as subject_key makes them


def subject_of(text: str, start: int, end: int) -> str | None:
    """The counted group of the number at text[start:end], as written, or None when the text names none."""
    lives = _LIVES_RE.match(text, end)
    if lives:
        return lives.group("dem") + "s"  # "1,900 Palestinian lives": Palestinians
    m = _AFTER_RE.match(text, end)
    if m:
        np = m.group("np").strip(" \"“”‘’'")
        if np.lower() == "dead":
            return None  # "67 dead": nobody named
        rest = _REST_BEFORE_RE.search(text, max(0, start - 25), start)
        if rest:  # "the other three Americans": a part of a count, never the count itself
            np = f"{rest.group(1).lower()} {np}"
        return (np + (m.group("pp") or "")).strip()
    owner = None
    for owner in _TOLL_OWNER_RE.finditer(text, 0, start):
        pass
    if owner is not None and start - owner.end() < 100:
        return owner.group("among") or owner.group("dem") + "s"
    return None


def counted_noun_end(text: str, end: int) -> int | None:
    """Where the counted noun phrase after the number at `end` ends ("Two U.S. security guards"), if any."""
    m = _AFTER_RE.match(text, end)
    return m.end("np") if m else None


_WORD_RE = re.compile(r"[\w'’-]+")


def subject_key(subject: str | None) -> str:
    """What two subjects are compared by: lower case, singular, function words dropped;
    no subject and "people" compare alike (a count that names nobody counts people)."""
    if not subject:
        return "people"
    words = [w.lower().strip("'’") for w in _WORD_RE.findall(subject)]
    words = [w for w in words if w not in ("the", "a", "an", "of", "in", "on", "at", "near", "inside")]
    words = [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]
    if not words or (len(words) == 1 and words[0] in _GENERIC):
        return "people"
    return " ".join(words)
