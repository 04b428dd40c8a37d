"""Who is in the story: people, states, armed groups and organisations, aliases merged.

Two sources, combined: the conflict profile (aliases and sides a user wrote
down) and general extraction that needs no profile (capitalised names,
organisation words such as Front/Forces/Committee, countries and demonyms,
"<demonym> army"), so a war no profile describes still gets its actors, with
side "unknown". Person titles ("Defence Minister", "Gen.") are the ones quote
attribution knows too, from the shared titles lexicon (titles.py). Everything is one regex pass per article, and merging works
on distinct names, so cost grows with the text, not with pairs of articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from briefing.status.profile import Lexicon, Profile, compile_phrases
from briefing.nlp.titles import dotted_abbreviations, post_nominal_words, title_chain_pattern, title_lexicon
from briefing.models import Actor, Article

# "Gen.", "Sen.": a title's dot belongs to it, so "Sen. John Smith" stays one run and the title is read.
_TITLE_ABBREV = "|".join(re.escape(a) for a in dotted_abbreviations())
_HONORIFICS = frozenset(title_lexicon().honorifics)  # as written: "Mr", "Dr."; "DR" is a broadcaster
_TOKEN = rf"(?:(?:[A-Z]\.){{2,}}|(?:{_TITLE_ABBREV})(?= )|[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*)"
_PARTICLE = r"(?:de|du|da|del|della|van|von|der|bin|ibn|bint|al|el|ul|of|for|the|and)"
_PREFIXED = r"(?:(?:al|el|as|ad|an|ar|at)-[A-Z][\w'’]*)"
NAME_RE = re.compile(
    rf"(?<![\w'’-])(?:(?:de|van|von|bin|ibn) +)?(?:{_TOKEN}|{_PREFIXED})"
    rf"(?:(?: +{_PARTICLE})* +(?:{_TOKEN}|{_PREFIXED}))*"
)
# "High Negotiations Committee (HNC)": the short form is found first, then the long one is read
# backwards from it, word by word, within ACRONYM_WINDOW characters. One regex for both parts
# backtracks over every run of capitalised words that no "(ABC)" follows: quadratic in the run.
SHORT_FORM_RE = re.compile(r"\s\((?P<short>[A-Z](?=[A-Za-z0-9.]*[A-Z0-9])[A-Za-z0-9.]{1,8})\)")  # "(M23)"; not "(Labor)"
_LONG_WORD_RE = re.compile(r"[A-Z][\w'’.-]*|of|for|the|and|al-\w+")
_LONG_FIRST_RE = re.compile(r"[A-Z][\w'’.-]*\Z")  # "Qaeda" in "al-Qaeda": a long form starts at a capital
_WORD_SPAN_RE = re.compile(r"\S+")
ACRONYM_WINDOW = 160  # characters before "(ABC)": the longest names spelled out are about 60
STOP_FIRST = frozenset("""
a an the but and or in on at as after before earlier later meanwhile following according however he she it
they we i you his her their its our this that these those one some moments speaking announcing if when while
for with without since during both also so yet then there here what which who whose where why how all
each every many most more much no not only other such than though although because until upon over under
into from by of to about among between against within just still even ever never now today tonight
tomorrow yesterday mr mrs ms dr mainly mostly largely reportedly apparently separately initially eventually
previously recently currently finally additionally ultimately similarly likewise nevertheless nonetheless instead
follow like share read watch see click photo photos image images video file
""".split())
NOT_NAMES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec god
""".split())
# Last words that make a capitalised name a place, not an actor.
PLACE_TAILS = frozenset("""
City Town Village Province Region Strip Bank Coast Valley Island Islands Mountains Desert Peninsula Sea Gulf
River Lake Border Airport Port Square Street Road Avenue Highway Bridge Camp District County Governorate
Beach Springs Heights Hills Falls Bay Park Harbor Harbour Canal Pass Plain Plateau Oblast Crossing
""".split())
# Words that make a capitalised run an event or a thing, never an actor.
NOT_PERSON_WORDS = frozenset("""
Olympics Games Cup War Wars Operation Offensive Accord Accords Agreement Treaty Summit Conference Act Bill
Day Week Year Prize Award Festival Championship League Season Era Revolution Spring Crisis Zone Share MPs
Lawmakers Flight Mount Era
""".split())
_POSSESSIVE_RE = re.compile(r"(?:'s|’s|')$")
_OF_BODY_RE = re.compile(r"(?:of|for)\s")  # after a title: what it is the title of

# Words after a name that show it is a person ("X said", "X, a spokesman for ...").
PERSON_CUE_RE = re.compile(
    r",\s+\d{1,3},"
    r"|(?:'s|’s)?\s+(?:said|says|told|added|announced|wrote|warned|noted|stressed|insisted|argued|replied|"
    r"asked|tweeted|vowed|urged|denied|called)\b"
    r"|,\s+(?:the|a|an)\s+(?:[\w'’.-]+\s+){0,4}?(?:spokesman|spokeswoman|spokesperson|minister|president|envoy|"
    r"commander|leader|chief|official|ambassador|director|head|secretary|general|founder|governor|mayor)\b"
)

# Organisation head nouns that are not names on their own ("Army chief X said").
GENERIC_HEADS = frozenset("""
army front brigade brigades forces militia militias battalion battalions division regiment guard guards rebels
movement state corps group legion insurgents committee council ministry office agency center centre
organization organisation commission union coalition alliance party nations observatory program programme
fund cross crescent court parliament assembly presidency project institute network watch initiative
foundation society association mission forum bureau department authority administration directorate
federation secretariat government military police
""".split())

_INNER_SUFFIX_RE = re.compile(
    r"[-‐](?:backed|brokered|led|linked|allied|sponsored|funded|aligned|appointed)\s+", re.I
)
_SUFFIX_RE = re.compile(
    r"[-‐](?:backed|brokered|led|linked|allied|based|born|run|controlled|held|sponsored|funded|made|appointed|"
    r"aligned|installed|mediated|trained|armed)$",
    re.I,
)


@dataclass
class _Entry:
    name: str
    kind: str = "unknown"
    side: str = "unknown"
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    profiled: bool = False
    forms: Counter[str] = field(default_factory=Counter)


@lru_cache(maxsize=65536)
def norm_key(name: str) -> str:
    """A merge key: "al-Nusra Front" = "Nusra Front", "the Islamic State group" = "Islamic State"."""
    key = name.lower().replace("’", "'").strip(" .,'\"")
    key = re.sub(r"'s$", "", key)
    key = re.sub(r"^(?:the|a|an)\s+", "", key)
    key = re.sub(r"^(?:al|el)[-\s]", "", key)
    key = re.sub(r"\s+group$", "", key)
    # "X Trading Co" = "X Trading Company"
    key = re.sub(r"(?<=\w)\s+(?:co|company|inc|ltd|corp|corporation)\.?$", "", key)
    key = re.sub(r"[\s-]+", " ", key)
    key = re.sub(r"(?<=\w)'(?=\w|\s|$)", "", key)  # "Workers' Party" = "Workers Party", "Ja'afari" = "Jaafari"
    key = re.sub(r"(?<=\w \w)(\w*) (?:jr|sr|ii|iii|iv)\.?$", r"\1", key)  # "Harry Sargeant III" = "Harry Sargeant"
    return key


@dataclass(frozen=True)
class ActorRules:
    """Lexicon and profile compiled once per (lexicon, profile)."""

    profile_res: tuple[re.Pattern[str], ...]
    alias_to_key: dict[str, str]
    entries: dict[str, tuple[str, str, str, tuple[str, ...]]]  # key -> (name, kind, side, aliases)
    country_names: dict[str, str]
    demonyms: dict[str, str]
    state_body_re: re.Pattern[str] | None
    state_bodies: dict[str, str]
    armed_words: frozenset[str]
    org_words: frozenset[str]
    org_phrases: re.Pattern[str] | None
    media: dict[str, str]
    titles_re: re.Pattern[str]
    regions: frozenset[str]
    sides_order: tuple[str, ...]
    # name -> classification; names repeat across articles, so each is classified once
    cache: dict[str, tuple[tuple[int, int, str, str, str, bool], ...]] = field(
        default_factory=dict, compare=False, hash=False
    )


def compile_actor_rules(lexicon: Lexicon, profile: Profile | None) -> ActorRules:
    entries: dict[str, tuple[str, str, str, tuple[str, ...]]] = {}
    alias_to_key: dict[str, str] = {}
    groups = [(g["name"], g.get("kind", "unknown"), "unknown", tuple(g.get("aliases") or ()))
              for g in lexicon.get("known_groups") or []]
    profiled = [(a.name, a.kind, a.side, a.aliases) for a in (profile.actors if profile else ())]
    for name, kind, side, aliases in [*groups, *profiled]:
        key = norm_key(name)
        for alias in (name, *aliases):
            old = alias_to_key.get(norm_key(alias))
            if old and old != key and old in entries and entries[old][2] != "unknown":
                continue  # a profile's own entry wins over a generic one
            alias_to_key[norm_key(alias)] = key
        prior = entries.get(key)
        merged_aliases = tuple(dict.fromkeys((*(prior[3] if prior else ()), *aliases)))
        entries[key] = (name, kind, side, merged_aliases)
    surface = [a for _, _, _, als in [*groups, *profiled] for a in als] + [n for n, *_ in [*groups, *profiled]]
    cased = [a for a in surface if a != a.lower()]
    lower = [a for a in surface if a == a.lower()]
    bodies: dict[str, str] = dict((lexicon.get("actor_kinds", "state_bodies") or {}).items())
    demonyms = lexicon.demonyms
    body_re = None
    if demonyms and bodies:
        dem = "|".join(re.escape(d) for d in sorted(set(demonyms) | set(lexicon.country_names), key=len, reverse=True))
        body = "|".join(re.escape(b) for b in sorted(bodies, key=len, reverse=True))
        body_re = re.compile(rf"(?<![\w-])(?=[A-Z])(?P<dem>{dem})(?:'s|’s)?\s+(?P<body>{body})\b")
    kinds = lexicon.get("actor_kinds") or {}
    org_items = [str(w) for w in kinds.get("organisation") or []]
    media = {norm_key(m): m for m in lexicon.phrases("media")}
    dem_or_country = "|".join(re.escape(d) for d in sorted(set(demonyms) | set(lexicon.country_names), key=len, reverse=True))
    # Up to three capitalised words may come before a title ("Interior Minister", "Knesset Speaker").
    titles_re = re.compile(
        rf"^(?:(?:the|The)\s+)?(?:(?:{dem_or_country}|[A-Z][a-z]+(?:an|ese|ish|ic|i))(?:'s|’s)?\s+)?"
        rf"(?:[A-Z][\w'’.-]*\s+){{0,3}}?{title_chain_pattern()}"
    )
    return ActorRules(
        profile_res=tuple(r for r in (
            _alternation([a for a in cased if a[:1].isupper()], re.NOFLAG, upper_start=True),
            _alternation([a for a in cased if not a[:1].isupper()], re.NOFLAG),
            _alternation(lower, re.IGNORECASE),
        ) if r is not None),
        alias_to_key=alias_to_key,
        entries=entries,
        country_names=lexicon.country_names,
        demonyms=demonyms,
        state_body_re=body_re,
        state_bodies=bodies,
        armed_words=frozenset(str(w) for w in kinds.get("armed group") or []),
        org_words=frozenset(w for w in org_items if " " not in w),
        org_phrases=compile_phrases([w for w in org_items if " " in w]),
        media=media,
        titles_re=titles_re,
        regions=frozenset(lexicon.phrases("regions")),
        sides_order=tuple(profile.sides) if profile else (),
    )


def _alternation(phrases: list[str], flags: re.RegexFlag, upper_start: bool = False) -> re.Pattern[str] | None:
    if not phrases:
        return None
    body = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    lead = "(?=[A-Z])" if upper_start else ""  # lets the engine skip most positions fast
    return re.compile(rf"(?<![\w-]){lead}(?:{body})(?![\w-]|\.\w)", flags)


# --- per-article extraction ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Mention:
    key: str  # merge key (profile key, or norm_key of the name)
    name: str  # as shown if no profile name
    kind: str
    start: int
    end: int


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
            key = rules.alias_to_key.get(norm_key(m.group(0)))
            if key and not (rules.entries[key][1] == "state" and _locative(text, m.start())):
                claim(Mention(key, m.group(0), rules.entries[key][1], m.start(), m.end()))
    if rules.state_body_re:
        for m in rules.state_body_re.finditer(text):
            country = rules.demonyms.get(m.group("dem")) or rules.country_names.get(m.group("dem"))
            if not country:
                continue
            body = m.group("body").lower()
            name = f"{_demonym_for(m.group('dem'), rules)} {body}"
            known = rules.alias_to_key.get(norm_key(name))
            if known:
                claim(Mention(known, m.group(0), rules.entries[known][1], m.start(), m.end()))
            else:
                # "Russian forces", "Russian troops" and "Russian military" are one actor.
                group = _BODY_GROUPS.get(body, body)
                key = f"{norm_key(_demonym_for(m.group('dem'), rules))} {group}"
                claim(Mention(key, name, rules.state_bodies[body], m.start(), m.end()))
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
            claim(Mention(key, name, kind, start, start + length))
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
    if not rules.alias_to_key.get(norm_key(name)):
        split = _split_run(name, start, rules)
        if split is not None:
            return split
    name = re.sub(r" Flight$", "", name)  # "Malaysia Airlines Flight 17": the airline
    if " and " in name and _splits_at_and(name, rules):
        # "Assad and Putin" is two actors; "Armed Conflict Location and Event Data Project" is one
        head, _, rest = name.partition(" and ")
        return _classify(head, start, rules) + _classify(rest, start + len(head) + 5, rules)
    key = rules.alias_to_key.get(norm_key(name))
    if key:
        kind = rules.entries[key][1]
        return [Mention(key, name, "state-place" if kind == "state" else kind, start, start + len(name))]
    tail = _country_tail(name, rules)
    if tail:  # "Reclusive North Korea": a describing word, then the state
        return _classify(name[tail:], start + tail, rules)
    country = rules.country_names.get(name) or rules.demonyms.get(name)
    if country:
        ckey = rules.alias_to_key.get(norm_key(country), norm_key(country))
        kind = "state-place" if name in rules.country_names else "state"
        return [Mention(ckey, country, kind, start, start + len(name))]
    if norm_key(name) in rules.media:
        return [Mention(norm_key(name), rules.media[norm_key(name)], "organisation", start, start + len(name))]
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
        return [Mention(norm_key(name), name, kind, start, start + len(name))]
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
        return [Mention(norm_key(name), name, "person", start, start + len(name))]
    if len(tokens) == 1 and re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", name):
        if any(c.isdigit() for c in name):
            # "M23" is a rebel group, "MH17" a flight: kept only where the set says which (build_actors)
            return [Mention(norm_key(name), name, "code", start, start + len(name))]
        # Two letters ("PA", "SU") stand for an actor only once the set spells them out.
        kind = "single" if len(name) == 2 else "organisation"
        return [Mention(norm_key(name), name, kind, start, start + len(name))]
    if len(tokens) == 1:
        return [Mention(norm_key(name), name, "single", start, start + len(name))]
    return []


def _titled_people(mentions: list[Mention]) -> list[Mention]:
    """A title names a person: the people among `mentions` need no other evidence."""
    return [Mention(m.key, m.name, "titled person", m.start, m.end) if m.kind == "person" else m for m in mentions]


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
    key = norm_key(tokens[0])
    if key in rules.media and len(tokens) > 1 and all(t in CREDIT_WORDS for t in tokens[1:]):
        return [Mention(key, rules.media[key], "organisation", start, start + len(name))]
    owner = _POSSESSIVE_TOKEN_RE.search(name)
    if owner:
        head, rest_at = name[:owner.start()], owner.end() + 1
        return _classify(head, start, rules) + _classify(name[rest_at:], start + rest_at, rules)
    for i, token in enumerate(tokens[1:], 1):
        if token in HEADLINE_VERBS and tokens[i - 1] not in _PARTICLES:  # "Sultan Qaboos bin Said" is a name
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
    if rules.alias_to_key.get(norm_key(name)) or name in rules.country_names:
        return False
    head, _, rest = name.partition(" and ")
    if _kind_of(name, rules) is None:
        return True
    rest = re.sub(r"^(?:the|The)\s+", "", rest)
    if not (_kind_of(rest, rules) or rules.alias_to_key.get(norm_key(rest)) or rest in rules.country_names
            or rest in rules.demonyms):
        return False  # "Organization for Security and Co-operation": one name
    return bool(
        _kind_of(head, rules) or rules.alias_to_key.get(norm_key(head)) or head in rules.country_names
    )


def _trim(raw: str) -> tuple[str, int]:
    """Drop capitalised function words at the front ("But Putin" -> "Putin")."""
    offset = 0
    parts = raw.split(" ")
    # "Mr" stays: it is a title, and shows that a person's name follows
    while parts and (
        parts[0].lower() in STOP_FIRST and parts[0] not in _HONORIFICS
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


# --- across the set --------------------------------------------------------------------------
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


@dataclass(frozen=True)
class ActorSet:
    """The actors of a set, and a way to name any surface form the way the panel names it."""

    actors: tuple[Actor, ...]
    names: dict[str, str]  # norm_key(surface form) -> display name
    rules: ActorRules
    known: frozenset[str] = frozenset()  # every display name

    def canonical(self, surface: str) -> str:
        """"the Russian" -> "Russia", "de Mistura" -> "Staffan de Mistura"; unknown names unchanged."""
        key = norm_key(surface)
        if key in self.names:
            return self.names[key]
        country = self.rules.country_names.get(surface.strip()) or self.rules.demonyms.get(surface.strip())
        if country:
            return self.names.get(norm_key(country), country)
        profile_key = self.rules.alias_to_key.get(key)
        if profile_key:
            return self.rules.entries[profile_key][0]
        return surface.strip()

    def in_span(self, text: str) -> list[tuple[str, str, int, int]]:
        """(display name, kind, start, end) of every actor mentioned in a piece of text."""
        out = []
        for m in article_mentions(text, self.rules):
            if m.kind in ("single", "code"):
                name = self.names.get(m.key)
                if name is None:
                    continue
            else:
                name = self.names.get(m.key) or self.canonical(m.name)
            out.append((name, m.kind, m.start, m.end))
        return out

    def kind_of(self, name: str) -> str:
        return next((a.kind for a in self.actors if a.name == name), "unknown")

    def is_known(self, name: str) -> bool:
        return name in self.known


def build_actors(
    articles: Sequence[Article],
    rules: ActorRules,
    places: frozenset[str] = frozenset(),
    limit: int = 60,
    maybe_places: frozenset[str] = frozenset(),
) -> ActorSet:
    """All actors of the set. `places` are names seen in unmistakable place slots ("the town
    of X"); `maybe_places` in weak ones ("in X"), which beat a "person" nothing else supports."""
    entries: dict[str, _Entry] = {}
    acronyms: dict[str, str] = {}
    singles: Counter[str] = Counter()
    single_forms: dict[str, str] = {}
    redirect: dict[str, str] = {}
    vocabulary: set[str] = set()
    evidenced: set[str] = set()  # person keys seen with a title or a speech verb
    datelines: set[str] = set()
    quoted_by: dict[str, Counter[str]] = defaultdict(Counter)  # bare body -> who named it in a quote
    codes: Counter[str] = Counter()
    armed_codes: set[str] = set()
    for article in articles:
        vocabulary.update(_LOWER_WORD_RE.findall(article.text))
        datelines.update(w.lower() for m in DATELINE_RE.finditer(article.text) for w in re.split(r"[ /]", m.group(1)))
        datelines.update(m.group(1).lower() for m in LABEL_RE.finditer(article.text))
        for long_name, short in collect_aliases(article.text):
            if _acronym_fits(short, long_name) and norm_key(short) not in rules.media:
                acronyms[norm_key(short)] = norm_key(long_name)
        for m in article_mentions(article.text, rules):
            if m.name in places and m.key not in rules.entries:
                continue
            if m.kind == "titled person":
                evidenced.add(m.key)
                m = Mention(m.key, m.name, "person", m.start, m.end)
            elif m.kind == "person" and m.key not in evidenced and PERSON_CUE_RE.match(article.text, m.end):
                evidenced.add(m.key)
            if m.kind == "code":
                if _ARMED_AFTER_RE.match(article.text, m.end):
                    armed_codes.add(m.key)
                codes[m.key] += 1
                single_forms.setdefault(m.key, m.name)
                continue
            if m.kind == "single":
                singles[m.key] += 1
                single_forms.setdefault(m.key, m.name)
                continue
            if m.kind != "person" and _BARE_BODY_RE.match(m.name):
                speaker = _quoting_speaker(article.text, m.start, m.end, rules)
                if speaker:
                    quoted_by[m.key][speaker] += 1
            entry = entries.get(m.key)
            if entry is None:
                entry = entries[m.key] = _entry_for(m, rules)
            entry.mentions += 1
            entry.forms[m.name] += 1
            redirect.setdefault(norm_key(m.name), m.key)
            if m.name != entry.name:
                entry.aliases.add(m.name)
    _drop_role_nouns(entries, vocabulary, redirect)
    _drop_word_lookalikes(entries, vocabulary, evidenced)
    for key in [k for k, e in entries.items() if e.kind == "person" and not e.profiled and k not in evidenced]:
        if entries[key].forms.keys() & maybe_places:
            del entries[key]  # "talks in Addis Ababa": a place, though it looks like a name
    for entry in entries.values():
        if not entry.profiled and entry.forms:  # the commonest spelling, the shorter on a tie
            entry.name = min(entry.forms, key=lambda f: (-entry.forms[f], len(f), f))
            entry.aliases = {f for f in entry.forms if f != entry.name} | (entry.aliases - {entry.name})
    for key, count in codes.items():
        if key in armed_codes or key in acronyms:  # "M23 rebels", "March 23 Movement (M23)"
            entries[key] = _Entry(single_forms[key], "armed group" if key in armed_codes else "organisation",
                                  mentions=count)
    _drop_shouted_places(entries, rules, places | maybe_places, datelines, vocabulary)
    _merge_acronyms(entries, acronyms, singles, single_forms, redirect)
    _merge_initials(entries, singles, single_forms, redirect)
    _merge_spellings(entries, redirect)
    _merge_surnames(entries, singles, single_forms, redirect)
    for key in [k for k, e in entries.items() if e.kind == "person" and not e.profiled]:
        if key not in evidenced and entries[key].mentions < 2:
            del entries[key]  # one bare capitalised pair ("Shabbat Drilling", "Kerem Shalom"): too weak
    _sides_from_speakers(entries, quoted_by, redirect)
    names = {}
    for surface_key, key in redirect.items():
        while key in redirect and redirect[key] != key and key not in entries:
            key = redirect[key]
        if key in entries:
            names[surface_key] = entries[key].name
    for key, entry in entries.items():
        names[key] = entry.name
        names[norm_key(entry.name)] = entry.name
    actors = [
        Actor(e.name, e.side, e.mentions, tuple(sorted(a for a in e.aliases if a != e.name)), e.kind)
        for e in entries.values()
        if e.mentions > 0 and e.name.strip()
    ]
    order = {side: i for i, side in enumerate(rules.sides_order)}
    tail = {"unknown": 0, "media": 2}  # undeclared sides after the profile's, reporters last
    actors.sort(key=lambda a: (order.get(a.side, len(order) + tail.get(a.side, 1)), -a.mentions, a.name))
    return ActorSet(tuple(actors[:limit]), names, rules, frozenset(names.values()))


_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")
_PARTICLES = frozenset("de du da del della van von der bin ibn bint al el ul of for the and".split())


_ROLE_NOUN_RE = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|ee)$")


def _drop_role_nouns(entries: dict[str, _Entry], vocabulary: set[str], redirect: dict[str, str]) -> None:
    """"Protester Rowan Vaquez", "Worshipper Ali Hamadi": a capitalised role noun the set also
    writes in lower case, before a two-word name, is a description; the person is the name."""
    for key in [k for k, e in entries.items() if e.kind == "person" and not e.profiled]:
        words = entries[key].name.split()
        if len(words) != 3 or words[0].lower() not in vocabulary or not _ROLE_NOUN_RE.search(words[0]):
            continue
        entry = entries.pop(key)
        name = " ".join(words[1:])
        target = entries.get(norm_key(name))
        if target is None:
            target = entries[norm_key(name)] = _Entry(name, "person")
        target.mentions += entry.mentions
        target.aliases |= {a for a in entry.aliases if a != name}
        target.forms.update({name: entry.mentions})
        redirect[key] = norm_key(name)


def _drop_word_lookalikes(entries: dict[str, _Entry], vocabulary: set[str], evidenced: set[str]) -> None:
    """"Winter Olympics", "Cold War", "Facebook Share" look like names but are words the texts
    also write in lower case. A "person" at least half made of such words is dropped unless
    something shows it is a person (a title, "X said", "X, the ... spokesman")."""
    for key in [k for k, e in entries.items() if e.kind == "person" and not e.profiled]:
        if key in evidenced:
            continue
        words = [w.lower() for w in re.findall(r"[\w'’]+", entries[key].name) if w.lower() not in _PARTICLES]
        common = sum(1 for w in words if w in vocabulary)
        if words and common * 2 >= len(words):
            del entries[key]


# "KIEV (Reuters) -", "DONETSK/KIEV, Ukraine": the place a wire report was filed from.
DATELINE_RE = re.compile(r"^([A-Z][A-Z'’.-]{2,}(?:[ /][A-Z][A-Z'’.-]{2,})*)(?=,|\s*\(|\s+[-—–])", re.M)
# "UPDATE:", "SANGER:": a transcript's speaker label or a kicker, shouted before a colon.
LABEL_RE = re.compile(r"(?<![\w'’-])([A-Z][A-Z'’.-]{2,}):")
_ARMED_AFTER_RE = re.compile(r"\s+(?:rebels?|militias?|group|movement|fighters|forces|insurgents|militants)\b")
_SHOUTED_RE = re.compile(r"[A-Z][A-Z'’.-]{3,}")


def _drop_shouted_places(
    entries: dict[str, _Entry], rules: ActorRules, places: frozenset[str], datelines: set[str], vocabulary: set[str]
) -> None:
    """All-caps words that are not acronyms: datelines ("KIEV (Reuters) -") and photo
    credits ("ROMAN PILIPEY"). A shouted word whose ordinary spelling is a place in the
    set, or a run of several shouted words, is not an actor; "UNHCR" or "MONUSCO" stay."""
    known_places = {p.lower() for p in places} | {c.lower() for c in rules.country_names} | datelines
    # "UPDATE", "TRUMP", "SANGER": a word the set also writes in lower case, or part of a person's name
    ordinary = vocabulary | {w.lower() for e in entries.values() if e.kind == "person" for w in e.name.split()}
    for key in [k for k, e in entries.items() if not e.profiled and e.side != "media"]:
        words = entries[key].name.split()
        shouted = [w for w in words if _SHOUTED_RE.fullmatch(w)]
        if not shouted:
            continue
        word = words[0].lower().strip("'’.")
        if len(shouted) >= 2 or (len(words) == 1 and (word in known_places or word in ordinary)):
            del entries[key]


def _acronym_fits(short: str, long_name: str) -> bool:
    """"HNC" fits "High Negotiations Committee"; "AP" does not fit "South Korea" (a photo credit)."""
    letters = [c for c in short.upper() if c.isalpha()]
    heads = iter(w[0].upper() for w in re.split(r"[\s-]+", long_name) if w[:1].isalpha())
    in_order = all(any(h == c for h in heads) for c in letters)
    return bool(letters) and in_order and short[:1].upper() == long_name[:1].upper()


# A body with no country in its name: "the Defense Ministry" belongs to whoever speaks of it.
_BARE_BODY_RE = re.compile(
    r"^(?:the\s+)?(?:(?:Defen[cs]e|Foreign|Interior|Justice|Finance|Information|Health|Emergencies|Emergency)\s+"
    r"Ministry|Ministry\s+of\s+(?:Defen[cs]e|Foreign\s+Affairs|the\s+Interior))$"
)
_SPOKE_RE = re.compile(r"\s+(?:said|says|told|added|announced|warned|declared|stated)\b")
_QUOTE_CLOSE_RE = re.compile(r"[\"”]")
_SPEECH_TAIL_RE = re.compile(
    r"^,?\s*(?:said\s+(?P<after>[^,.;]{3,60})|(?P<before>[^,.;\"“]{3,60}?)\s+(?:said|says|told|added))"
)


def _quoting_speaker(text: str, start: int, end: int, rules: ActorRules) -> str | None:
    """The person whose direct quotation names the body at [start, end), if the sentence says who
    ('"... the Defense Ministry ...," Putin said'); the key of that person's mention."""
    para_start = text.rfind("\n", 0, start) + 1
    before = text[para_start:start]
    opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    if not opened:
        return None
    close = _QUOTE_CLOSE_RE.search(text, end)
    if close is None or "\n" in text[end:close.start()]:
        return None
    tail = _SPEECH_TAIL_RE.match(text[close.end():close.end() + 80])
    if not tail:
        return None
    who = (tail.group("after") or tail.group("before")).strip()
    if who.lower() in ("he", "she"):  # the last person seen speaking before the quotation
        chunk = text[max(0, para_start - 600):para_start]
        earlier = [m for m in article_mentions(chunk, rules)
                   if m.kind in ("person", "titled person") and _SPOKE_RE.match(chunk, m.end)]
        return earlier[-1].key if earlier else None
    people = [m for m in article_mentions(who, rules) if m.kind in ("person", "titled person")]
    return people[0].key if people else None


def _sides_from_speakers(
    entries: dict[str, _Entry], quoted_by: dict[str, Counter[str]], redirect: dict[str, str]
) -> None:
    """A body with no side takes the side of the person who most often names it in a quotation."""
    for body, speakers in quoted_by.items():
        entry = entries.get(body)
        if entry is None or entry.side != "unknown":
            continue
        for speaker, _ in speakers.most_common():
            while speaker not in entries and speaker in redirect and redirect[speaker] != speaker:
                speaker = redirect[speaker]
            if speaker in entries and entries[speaker].side not in ("unknown", "media"):
                entry.side = entries[speaker].side
                break


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in _PARTICLES)


def _merge_initials(
    entries: dict[str, _Entry], singles: Counter[str], forms: dict[str, str], redirect: dict[str, str]
) -> None:
    """"PA" joins "Palestinian Authority" when exactly one actor of the set has those initials."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key, entry in entries.items():
        if entry.kind != "person" and len(entry.name.split()) >= 2:
            by_initials[_initials(entry.name)].append(key)
    shorts = [(k, e.name, e.mentions) for k, e in entries.items() if re.fullmatch(r"[A-Z]{2,6}", e.name)]
    shorts += [(k, forms[k], n) for k, n in singles.items() if re.fullmatch(r"[A-Z]{2,6}", forms.get(k, ""))]
    for key, short, count in shorts:
        owners = [o for o in by_initials.get(short, []) if o != key]
        if len(owners) != 1:
            continue
        target = entries[owners[0]]
        target.mentions += count
        target.aliases.add(short)
        redirect[key] = owners[0]
        entries.pop(key, None)
        singles.pop(key, None)


_SPELLING_KINDS = frozenset({"person", "organisation", "armed group"})
# Spellings are compared pairwise within a bucket: quadratic in its size. Variants worth merging
# belong to names the set mentions often, so only the most-mentioned candidates take part, and
# at most this many per bucket: 10,000 distinct names must not cost 200,000 comparisons.
MAX_SPELLING_CANDIDATES = 1_000
MAX_SPELLING_BUCKET = 100


def _merge_spellings(entries: dict[str, _Entry], redirect: dict[str, str]) -> None:
    """Transliterations of one name ("Yanukovich"/"Yanukovych", "Binyamin"/"Benjamin
    Netanyahu", "Malaysia"/"Malaysian Airlines"): actors of one kind with the same number of
    words, the same initials and a close spelling are one. Compared within buckets, and only
    the most-mentioned candidates (see MAX_SPELLING_CANDIDATES), so the cost stays bounded."""
    candidates = [k for k, e in entries.items() if e.kind in _SPELLING_KINDS and len(e.name.split()) >= 2]
    candidates.sort(key=lambda k: (-entries[k].mentions, entries[k].profiled is False, k))
    buckets: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for key in candidates[:MAX_SPELLING_CANDIDATES]:
        entry = entries[key]
        words = entry.name.lower().split()
        bucket = buckets[(entry.kind, _initials(entry.name).lower() + words[-1][:2], len(words))]
        if len(bucket) < MAX_SPELLING_BUCKET:
            bucket.append(key)
    for keys in buckets.values():  # each already in the order of `candidates`
        for i, key in enumerate(keys):
            if key not in entries:
                continue
            for other in keys[i + 1:]:
                if other in entries and not entries[other].profiled and _close(entries[key].name, entries[other].name):
                    moved = entries.pop(other)
                    entries[key].mentions += moved.mentions
                    entries[key].aliases |= {moved.name, *moved.aliases}
                    redirect[other] = key


def _close(a: str, b: str) -> bool:
    """Every word pair close: "Arseny Yatseniuk" ~ "Arseniy Yatsenyuk", not "Ali Omar" ~ "Ali Amir"."""
    pairs = list(zip(a.lower().split(), b.lower().split()))
    last = len(pairs) - 1
    return all(x == y or _close_words(x, y, 0.8 if i == last else 0.75) for i, (x, y) in enumerate(pairs))


@lru_cache(maxsize=65536)  # the same first names meet again and again
def _close_words(x: str, y: str, threshold: float) -> bool:
    shorter, total = min(len(x), len(y)), len(x) + len(y)
    if shorter < 5 or 2.0 * shorter / total < threshold:  # difflib's own formula: the best ratio possible
        return False
    return SequenceMatcher(None, x, y).ratio() >= threshold


def _entry_for(m: Mention, rules: ActorRules) -> _Entry:
    if m.key in rules.entries:
        name, kind, side, _aliases = rules.entries[m.key]
        return _Entry(name, kind if kind != "unknown" else m.kind, side, profiled=True)
    side = "media" if m.key in rules.media else "unknown"
    return _Entry(m.name, m.kind, side)


def _merge_acronyms(
    entries: dict[str, _Entry], acronyms: dict[str, str], singles: Counter[str], forms: dict[str, str],
    redirect: dict[str, str],
) -> None:
    for short, long_key in acronyms.items():
        target = entries.get(long_key)
        if target is None:
            continue
        for source in (short,):
            if source in entries and source != long_key:
                moved = entries.pop(source)
                target.mentions += moved.mentions
                target.aliases.add(moved.name)
                redirect[source] = long_key
            if source in singles:
                target.mentions += singles.pop(source)
                target.aliases.add(forms[source])
                redirect[source] = long_key


def _merge_surnames(
    entries: dict[str, _Entry], singles: Counter[str], forms: dict[str, str], redirect: dict[str, str]
) -> None:
    """"Putin" and "De Mistura" join "Vladimir Putin" and "Staffan de Mistura" when one person ends so."""
    people = [k for k, e in entries.items() if e.kind == "person"]
    by_tail: dict[str, list[str]] = defaultdict(list)
    for key in people:
        # the other spellings merged into this person end names too ("Yanukovich", "Yanukovych")
        for full in {key, *(norm_key(a) for a in entries[key].aliases if " " in a.strip())}:
            words = full.split()
            for i in range(1, len(words)):
                if key not in by_tail[" ".join(words[i:])]:
                    by_tail[" ".join(words[i:])].append(key)
    for key in list(entries):
        entry = entries.get(key)
        if entry is None or entry.kind != "person":
            continue
        owners = [o for o in by_tail.get(key, []) if o != key]
        if len(owners) == 1:
            target = entries[owners[0]]
            target.mentions += entry.mentions
            target.aliases.add(entry.name)
            target.aliases.update(entry.aliases)
            del entries[key]
            redirect[key] = owners[0]
    for key, count in list(singles.items()):
        owners = by_tail.get(key, [])
        owners = [o for o in owners if o in entries]
        if len(owners) == 1:
            entries[owners[0]].mentions += count
            entries[owners[0]].aliases.add(forms[key])
            redirect[key] = owners[0]
