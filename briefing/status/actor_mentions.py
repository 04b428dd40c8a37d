"""Every actor mention of one article: states, armed groups, organisations and people.

Capitalised runs are classified context-free (so results are cached by name), and
a state named where a place could be ("from Syria") is checked against its context.
Everything is one regex pass per article.
"""

from __future__ import annotations

import re

from briefing.nlp.names.keys import org_key
from briefing.nlp.names.mention import Mention
from briefing.nlp.titles import post_nominal_words
from briefing.status.actor_rules import (
    GENERIC_HEADS,
    HONORIFICS,
    NAME_RE,
    NOT_NAMES,
    NOT_PERSON_WORDS,
    PARTICLES,
    PLACE_TAILS,
    STOP_FIRST,
    ActorRules,
    alias_key,
)

# "High Negotiations Committee (HNC)": the short form is found first, then the long one is read
# backwards from it, word by word, within ACRONYM_WINDOW characters. One regex for both parts
# backtracks over every run of capitalised words that no "(ABC)" follows: quadratic in the run.
SHORT_FORM_RE = re.compile(r"\s\((?P<short>[A-Z](?=[A-Za-z0-9.]*[A-Z0-9])[A-Za-z0-9.]{1,8})\)")  # "(M23)"; not "(Labor)"
_LONG_WORD_RE = re.compile(r"[A-Z][\w'’.-]*|of|for|the|and|al-\w+")
_LONG_FIRST_RE = re.compile(r"[A-Z][\w'’.-]*\Z")  # "Qaeda" in "al-Qaeda": a long form starts at a capital
_WORD_SPAN_RE = re.compile(r"\S+")
ACRONYM_WINDOW = 160  # characters before "(ABC)": the longest names spelled out are about 60
_POSSESSIVE_RE = re.compile(r"(?:'s|’s|')$")
_OF_BODY_RE = re.compile(r"(?:of|for)\s")  # after a title: what it is the title of
_INNER_SUFFIX_RE = re.compile(
    r"[-‐](?:backed|brokered|led|linked|allied|sponsored|funded|aligned|appointed)\s+", re.I
)
_SUFFIX_RE = re.compile(
    r"[-‐](?:backed|brokered|led|linked|allied|based|born|run|controlled|held|sponsored|funded|made|appointed|"
    r"aligned|installed|mediated|trained|armed)$",
    re.I,
)


def article_mentions(text: str, rules: ActorRules) -> list[Mention]:
    """Every actor mention in one article, non-overlapping, longest and profiled first."""
    found: list[Mention] = []
    taken = bytearray(len(text))

    def claim(m: Mention) -> None:
        if any(taken[m.start:m.end]):
            return
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        found.append(m)

    for regex in rules.profile_res:
        for m in regex.finditer(text):
            key = rules.alias_to_key.get(org_key(m.group(0)))
            if key and not (rules.entries[key][1] == "state" and _locative(text, m.start())):
                claim(Mention(m.start(), m.end(), m.group(0), rules.entries[key][1], key=key))
    if rules.state_body_re:
        for m in rules.state_body_re.finditer(text):
            country = rules.demonyms.get(m.group("dem")) or rules.country_names.get(m.group("dem"))
            if not country:
                continue
            body = m.group("body").lower()
            name = f"{_demonym_for(m.group('dem'), rules)} {body}"
            known = alias_key(name, rules)
            if known:
                claim(Mention(m.start(), m.end(), m.group(0), rules.entries[known][1], key=known))
            else:
                # "Russian forces", "Russian troops" and "Russian military" are one actor.
                group = _BODY_GROUPS.get(body, body)
                key = f"{org_key(_demonym_for(m.group('dem'), rules))} {group}"
                claim(Mention(m.start(), m.end(), name, rules.state_bodies[body], key=key))
    for m in NAME_RE.finditer(text):
        raw = m.group(0)
        parts = rules.cache.get(raw)
        if parts is None:
            parts = rules.cache[raw] = tuple(
                (c.start, c.end - c.start, c.key, c.name, c.kind, c.kind == "state-place")
                for c in _classify(raw, 0, rules)
            )
        for offset, length, key, name, kind, locative in parts:
            start = m.start() + offset
            if locative:
                if _locative(text, start):
                    continue
                kind = "state"
            claim(Mention(start, start + length, name, kind, key=key))
    return found


_BODY_GROUPS = {"army": "forces", "military": "forces", "troops": "forces", "forces": "forces",
                "regime": "government", "government": "government"}
LOCATIVE_RE = re.compile(
    r"\b(?:in|into|to|from|across|inside|throughout|within|near|at|toward|towards|outside|around|via|"
    r"over|through|like|including|reach(?:ed)?|fled|flee(?:ing)?|enter(?:ed)?|left|leave)\s+"
    r"(?:(?:the|places|countries|neighbouring|neighboring|such as|like|(?:north|south|east|west)(?:ern)?|"
    r"(?:north|south)-?(?:east|west)(?:ern)?|central|eastern|western|war-torn|neighbouring)\s+)*"
    r"(?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*(?:,\s*|,?\s+(?:and|or|as well as)\s+(?:to\s+)?))*$"
)


def _locative(text: str, start: int) -> bool:
    """Is the name at `start` a place here ("from Syria", "to Turkey, Jordan and Iraq")?"""
    return bool(LOCATIVE_RE.search(text, max(0, start - 80), start))


def _demonym_for(form: str, rules: ActorRules) -> str:
    """"Syria's army" and "Syrian army" name the same actor: use the adjective when we know it."""
    if form in rules.demonyms and not form.endswith("s"):
        return form
    country = rules.country_names.get(form)
    adjectives = [d for d, c in rules.demonyms.items() if c == country and not d.endswith("s")]
    return adjectives[0] if adjectives else (country or form)


def _classify(raw: str, start: int, rules: ActorRules) -> list[Mention]:
    """Turn one capitalised run into zero or more mentions (states, organisations, people).

    Context-free, so results can be cached by name: a state named where a place
    could be ("from Syria") comes back with kind "state-place" for the caller to check.
    """
    name, offset = _trim(raw)
    if not name:
        return []
    start += offset
    inner = _INNER_SUFFIX_RE.search(name)
    if inner:  # "Al Qaeda-backed Nusra Front": the backer and the backed
        return _classify(name[:inner.start()], start, rules) + _classify(
            name[inner.end():], start + inner.end(), rules
        )
    suffix = _SUFFIX_RE.search(name)
    if suffix:  # "U.S.-brokered", "Saudi-backed"
        name = name[:suffix.start()]
    name = re.sub(r"(?:'s|’s|')$", "", name).rstrip(".") if not re.search(r"(?:[A-Z]\.){2,}$", name) else name
    if not name:
        return []
    if not alias_key(name, rules):
        split = _split_run(name, start, rules)
        if split is not None:
            return split
    name = re.sub(r" Flight$", "", name)  # "Malaysia Airlines Flight 17": the airline
    if " and " in name and _splits_at_and(name, rules):
        # "Assad and Putin" is two actors; "Armed Conflict Location and Event Data Project" is one
        head, _, rest = name.partition(" and ")
        return _classify(head, start, rules) + _classify(rest, start + len(head) + 5, rules)
    key = alias_key(name, rules)
    if key:
        profiled = rules.entries[key][1]
        return [Mention(start, start + len(name), name, "state-place" if profiled == "state" else profiled, key=key)]
    tail = _country_tail(name, rules)
    if tail:  # "Reclusive North Korea": a describing word, then the state
        return _classify(name[tail:], start + tail, rules)
    country = rules.country_names.get(name) or rules.demonyms.get(name)
    if country:
        ckey = rules.alias_to_key.get(org_key(country), org_key(country))
        place_or_state = "state-place" if name in rules.country_names else "state"
        return [Mention(start, start + len(name), country, place_or_state, key=ckey)]
    if org_key(name) in rules.media:
        return [Mention(start, start + len(name), rules.media[org_key(name)], "organisation", key=org_key(name))]
    head, _, last = name.rpartition(" ")
    if last in post_nominal_words() and " " in head:  # "Keith Vaz MP": a title after the name
        return _titled_people(_classify(head, start, rules))
    titled = rules.titles_re.match(name)
    if titled and titled.end() < len(name):
        rest = name[titled.end():]
        if _OF_BODY_RE.match(rest):  # "CEO of Novartis", "Head of Global Policy Management": a body, no person
            return [m for m in _classify(rest, start + titled.end(), rules) if m.kind != "person"]
        return _titled_people(_classify(rest, start + titled.end(), rules))
    if titled:
        return []
    kind = _kind_of(name, rules)
    if kind and name.lower() in GENERIC_HEADS:
        return []  # "Army chief ...", "the Front": a head noun, not a name
    if kind:
        return [Mention(start, start + len(name), name, kind, key=org_key(name))]
    if name in rules.regions or name.lower() in NOT_NAMES:
        return []
    tokens = name.split()
    if tokens[-1] in PLACE_TAILS:
        return []  # "Gaza City", "West Bank": places, counted by the places module
    parts = [_POSSESSIVE_RE.sub("", p) for t in tokens for p in t.split("-")]
    if "-to-" in name or any(p in NOT_PERSON_WORDS for p in parts):
        return []  # "Winter Olympics", "Cold War", "Operation Pillar of Defense": events, not actors
    if 2 <= len(tokens) <= 4 and not any(t.lower() in NOT_NAMES for t in tokens):
        bare = [re.sub(r"(?:'s|’s)$", "", t) for t in tokens]
        if any(rules.country_names.get(t) or rules.demonyms.get(t) or len(t) < 2 for t in bare):
            return []
        return [Mention(start, start + len(name), name, "person", key=org_key(name))]
    if len(tokens) == 1 and re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", name):
        if any(c.isdigit() for c in name):
            # "M23" is a rebel group, "MH17" a flight: kept only where the set says which (build_actors)
            return [Mention(start, start + len(name), name, "code", key=org_key(name))]
        # Two letters ("PA", "SU") stand for an actor only once the set spells them out.
        short = "single" if len(name) == 2 else "organisation"
        return [Mention(start, start + len(name), name, short, key=org_key(name))]
    if len(tokens) == 1:
        return [Mention(start, start + len(name), name, "single", key=org_key(name))]
    return []


def _titled_people(mentions: list[Mention]) -> list[Mention]:
    """A title names a person: the people among `mentions` need no other evidence."""
    return [Mention(m.start, m.end, m.name, "titled person", key=m.key) if m.kind == "person" else m for m in mentions]


# Title-case headline verbs: "White House Says Putin ..." is two names and a verb.
HEADLINE_VERBS = frozenset("""
Says Said Warns Claims Denies Calls Vows Urges Blames Accuses Slams Admits Confirms Rejects Backs Hits Kills
Launches Seizes Sends Asks Tells Orders Offers Agrees Signs Meets Wins Threatens Condemns Demands Announces
Was Is Are Were Has Have Will
""".split())
# Words after an outlet's name in a credit line: "AP Image", "Reuters Photo", "Bloomberg TV".
CREDIT_WORDS = frozenset("Image Images Photo Photos TV Television Video Radio Pictures Graphic Staff".split())
_POSSESSIVE_TOKEN_RE = re.compile(r"(?<!\bPeople)(?:'s|’s)(?= )")  # "People's Republic" is one name


def _split_run(name: str, start: int, rules: ActorRules) -> list[Mention] | None:
    """Runs that hold more than one name, or an outlet's credit line; None when the run is one name.

    "CNN's Michael Schwartz", "Russia's Federation Council": a possessive inside the run
    ends the owner's name. "White House Says Putin": a headline verb separates two names.
    """
    tokens = name.split(" ")
    key = org_key(tokens[0])
    if key in rules.media and len(tokens) > 1 and all(t in CREDIT_WORDS for t in tokens[1:]):
        return [Mention(start, start + len(name), rules.media[key], "organisation", key=key)]
    owner = _POSSESSIVE_TOKEN_RE.search(name)
    if owner:
        head, rest_at = name[:owner.start()], owner.end() + 1
        return _classify(head, start, rules) + _classify(name[rest_at:], start + rest_at, rules)
    for i, token in enumerate(tokens[1:], 1):
        if token in HEADLINE_VERBS and tokens[i - 1] not in PARTICLES:  # "Sultan Qaboos bin Said" is a name
            at = len(" ".join(tokens[:i]))
            rest_at = at + len(token) + 2
            return _classify(name[:at], start, rules) + _classify(name[rest_at:], start + rest_at, rules)
    return None


def _country_tail(name: str, rules: ActorRules) -> int | None:
    """Where a country name that ends the run starts, after one plain capitalised word
    (an adjective that opened a sentence); None when the run is not so made."""
    head, _, rest = name.partition(" ")
    if rest and rest in rules.country_names and name not in rules.country_names and not rules.titles_re.match(name):
        if head.isalpha() and head[1:].islower() and head not in rules.demonyms and head not in rules.country_names:
            return len(head) + 1
    return None


def _splits_at_and(name: str, rules: ActorRules) -> bool:
    """Split "X and Y" unless the whole is one name, or the left part cannot stand alone."""
    if alias_key(name, rules) or name in rules.country_names:
        return False
    head, _, rest = name.partition(" and ")
    if _kind_of(name, rules) is None:
        return True
    rest = re.sub(r"^(?:the|The)\s+", "", rest)
    if not (_kind_of(rest, rules) or alias_key(rest, rules) or rest in rules.country_names
            or rest in rules.demonyms):
        return False  # "Organization for Security and Co-operation": one name
    return bool(
        _kind_of(head, rules) or alias_key(head, rules) or head in rules.country_names
    )


def _trim(raw: str) -> tuple[str, int]:
    """Drop capitalised function words at the front ("But Putin" -> "Putin")."""
    offset = 0
    parts = raw.split(" ")
    # "Mr" stays: it is a title, and shows that a person's name follows
    while parts and (
        parts[0].lower() in STOP_FIRST and parts[0] not in HONORIFICS
        or parts[0].lower().rstrip(".") in NOT_NAMES
    ):
        offset += len(parts[0]) + 1
        parts = parts[1:]
    while parts and parts[-1].lower() in ("of", "for", "the", "and", "de", "al", "el"):
        parts = parts[:-1]
    return " ".join(parts), offset


def _kind_of(name: str, rules: ActorRules) -> str | None:
    tokens = re.findall(r"[\w'’.]+", name)
    if rules.org_phrases and rules.org_phrases.search(name):
        return "organisation"
    armed = [t for t in tokens if _in_words(t, rules.armed_words)]
    org = any(_in_words(t, rules.org_words) for t in tokens)
    if armed and not (org and armed == ["State"]):  # "Regional State Administration" is an office
        return "armed group"
    return "organisation" if org else None


def _in_words(token: str, words: frozenset[str]) -> bool:
    """A kind word or its plural: "Committees", "Authorities"."""
    if token in words:
        return True
    if token.endswith("ies") and token[:-3] + "y" in words:
        return True
    return token.endswith("s") and token != "States" and token[:-1] in words  # not "United States"


def collect_aliases(text: str) -> list[tuple[str, str]]:
    """"High Negotiations Committee (HNC)" -> ("High Negotiations Committee", "HNC")."""
    out = []
    floor = 0  # the end of the last pair: a long form never reaches back into it
    for m in SHORT_FORM_RE.finditer(text):
        lo = m.start() - ACRONYM_WINDOW
        span = _long_form(text, max(floor, lo), m.start(), cut=lo > floor)
        if span is None:
            continue
        floor = m.end()
        long_name, _ = _trim(text[span[0]:span[1]])
        if long_name:
            out.append((long_name, m.group("short")))
    return out


def _long_form(text: str, lo: int, hi: int, cut: bool) -> tuple[int, int] | None:
    """Where the words that end just before `hi` and can spell out a name start and end: at
    least two, the first capitalised ("Committee for the Defence of Rights"); None if none."""
    spans = [(w.start(), w.end()) for w in _WORD_SPAN_RE.finditer(text, lo, hi)]
    if cut and spans and lo > 0 and not text[lo - 1].isspace():
        spans = spans[1:]  # the window began inside a word
    first = len(spans)
    while first > 0 and _LONG_WORD_RE.fullmatch(text, *spans[first - 1]):
        first -= 1
    # The leftmost capital from which every word fits, even inside a word ("Qaeda" in "al-Qaeda").
    for start, end in spans[max(first - 1, 0) : len(spans) - 1]:
        head = _LONG_FIRST_RE.search(text, start, end)
        if head is not None:
            return head.start(), spans[-1][1]
    return None
