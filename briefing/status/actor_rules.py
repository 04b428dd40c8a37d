"""The word lists and compiled rules the actor list reads names with.

Two sources, combined: the conflict profile (aliases and sides a user wrote down)
and general word lists that need no profile (organisation words such as
Front/Forces/Committee, countries and demonyms, "<demonym> army"). Person titles
("Defence Minister", "Gen.") come from the shared titles lexicon (briefing.nlp.titles).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.nlp.names.keys import org_key
from briefing.nlp.names.lexicon import quote_lexicon, speaker_verbs, trie_regex
from briefing.nlp.titles import dotted_abbreviations, title_chain_pattern, title_lexicon
from briefing.nlp.names.lexicon import trie_regex
from briefing.status.profile import Lexicon, Profile, compile_phrases

# "Gen.", "Sen.": a title's dot belongs to it, so "Sen. John Smith" stays one run and the title is read.
_TITLE_ABBREV = "|".join(re.escape(a) for a in dotted_abbreviations())
HONORIFICS = frozenset(title_lexicon().honorifics)  # as written: "Mr", "Dr."; "DR" is a broadcaster
_TOKEN = rf"(?:(?:[A-Z]\.){{2,}}|(?:{_TITLE_ABBREV})(?= )|[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*)"
PARTICLES = frozenset("de du da del della van von der bin ibn bint al el ul of for the and".split())
_PARTICLE = r"(?:de|du|da|del|della|van|von|der|bin|ibn|bint|al|el|ul|of|for|the|and)"
_PREFIXED = r"(?:(?:al|el|as|ad|an|ar|at)-[A-Z][\w'’]*)"
NAME_RE = re.compile(
    rf"(?<![\w'’-])(?:(?:de|van|von|bin|ibn) +)?(?:{_TOKEN}|{_PREFIXED})"
    rf"(?:(?: +{_PARTICLE})* +(?:{_TOKEN}|{_PREFIXED}))*"
)
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
# Words after a name that show it is a person ("X said", "X, a spokesman for ..."): an age, a
# verb whose subject speaks (the names engine's one list: briefing.nlp.names.lexicon.speaker_verbs)
# or a described role.
_PERSON_CUE = (
    r",\s+\d{{1,3}},"
    r"|(?:'s|’s)?\s+{verbs}\b"
    r"|,\s+(?:the|a|an)\s+(?:[\w'’.-]+\s+){{0,4}}?(?:spokesman|spokeswoman|spokesperson|minister|president|envoy|"
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
    person_cue_re: re.Pattern[str]  # after a name: it is a person
    spoke_re: re.Pattern[str]  # after a name: its owner speaks
    speech_tail_re: re.Pattern[str]  # after a closing quotation mark: who said it
    # keys of aliases written only in capitals ("IS", "SDF"): "Is" opening a question is no group
    acronym_keys: frozenset[str] = frozenset()
    # peoples, faiths and sects ("Arab", "Sunni", "Kurds"), keyed: words of no person's name
    communities: frozenset[str] = frozenset()
    # name -> classification; names repeat across articles, so each is classified once
    cache: dict[str, tuple[tuple[int, int, str, str, str, bool], ...]] = field(
        default_factory=dict, compare=False, hash=False
    )


def compile_actor_rules(
    lexicon: Lexicon, profile: Profile | None, cue_verbs: tuple[str, ...] | None = None
) -> ActorRules:
    """The rules for one lexicon and profile; `cue_verbs` are the settings' `quotes.cue_verbs`
    (None: the shipped list), the speech verbs quote attribution uses too."""
    entries: dict[str, tuple[str, str, str, tuple[str, ...]]] = {}
    alias_to_key: dict[str, str] = {}
    groups = [(g["name"], g.get("kind", "unknown"), "unknown", tuple(g.get("aliases") or ()))
              for g in lexicon.get("known_groups") or []]
    profiled = [(a.name, a.kind, a.side, a.aliases) for a in (profile.actors if profile else ())]
    for name, kind, side, aliases in [*groups, *profiled]:
        key = org_key(name)
        for alias in (name, *aliases):
            old = alias_to_key.get(org_key(alias))
            if old and old != key and old in entries and entries[old][2] != "unknown":
                continue  # a profile's own entry wins over a generic one
            alias_to_key[org_key(alias)] = key
        prior = entries.get(key)
        merged_aliases = tuple(dict.fromkeys((*(prior[3] if prior else ()), *aliases)))
        entries[key] = (name, kind, side, merged_aliases)
    surface = [a for _, _, _, als in [*groups, *profiled] for a in als] + [n for n, *_ in [*groups, *profiled]]
    capitals = {org_key(a) for a in surface if _all_capitals(a)}
    acronym_keys = frozenset(capitals - {org_key(a) for a in surface if not _all_capitals(a)})
    cased = [a for a in surface if a != a.lower()]
    lower = [a for a in surface if a == a.lower()]
    bodies: dict[str, str] = dict((lexicon.get("actor_kinds", "state_bodies") or {}).items())
    demonyms = lexicon.demonyms
    body_re = None
    if demonyms and bodies:
        dem = trie_regex(set(demonyms) | set(lexicon.country_names), any_space=False)
        body = "|".join(re.escape(b) for b in sorted(bodies, key=len, reverse=True))
        body_re = re.compile(rf"(?<![\w-])(?=[A-Z])(?P<dem>{dem})(?:'s|’s)?\s+(?P<body>{body})\b")
    kinds = lexicon.get("actor_kinds") or {}
    org_items = [str(w) for w in kinds.get("organisation") or []]
    media = {org_key(m): m for m in lexicon.phrases("media")}
    dem_or_country = "|".join(re.escape(d) for d in sorted(set(demonyms) | set(lexicon.country_names), key=len, reverse=True))
    # Up to three capitalised words may come before a title ("Interior Minister", "Knesset Speaker").
    titles_re = re.compile(
        rf"^(?:(?:the|The)\s+)?(?:(?:{dem_or_country}|[A-Z][a-z]+(?:an|ese|ish|ic|i))(?:'s|’s)?\s+)?"
        rf"(?:[A-Z][\w'’.-]*\s+){{0,3}}?{title_chain_pattern()}"
    )
    person_cue_re, spoke_re, speech_tail_re = _speech_patterns(speaker_verbs(cue_verbs))
    return ActorRules(
        profile_res=tuple(r for r in (
            _alternation([a for a in cased if a[:1].isupper()], re.NOFLAG, upper_start=True),
            _alternation([a for a in cased if not a[:1].isupper()], re.NOFLAG),
            _alternation(lower, re.IGNORECASE),
        ) if r is not None),
        alias_to_key=alias_to_key,
        acronym_keys=acronym_keys,
        communities=frozenset(org_key(w) for w in lexicon.phrases("communities")),
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
        person_cue_re=person_cue_re,
        spoke_re=spoke_re,
        speech_tail_re=speech_tail_re,
    )


def _all_capitals(alias: str) -> bool:
    """An acronym: "IS", "SDF", "U.N." (not "Hamas", not "ISIS Khorasan")."""
    letters = re.sub(r"[\W_]", "", alias)
    return bool(letters) and letters.isupper() and len(letters) <= 6


def alias_key(name: str, rules: ActorRules) -> str | None:
    """The profile or lexicon entry `name` is an alias of; an acronym only in capitals."""
    key = org_key(name)
    if key in rules.acronym_keys and not _all_capitals(name):
        return None
    return rules.alias_to_key.get(key)


def _alternation(phrases: list[str], flags: re.RegexFlag, upper_start: bool = False) -> re.Pattern[str] | None:
    if not phrases:
        return None
    if flags & re.IGNORECASE:
        body = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    else:
        body = trie_regex(phrases, any_space=False)  # the same matches, read character by character (trie_regex)
    lead = "(?=[A-Z])" if upper_start else ""  # lets the engine skip most positions fast
    return re.compile(rf"(?<![\w-]){lead}(?:{body})(?![\w-]|\.\w)", flags)


def _speech_patterns(verbs: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The actor list's readings of speech, from the names engine's one list of verbs:
    a person cue, a spoke-here cue, and the attribution after a closing quotation mark."""
    said = trie_regex(verbs or ("said",))
    listeners = {str(v) for v in quote_lexicon().get("listener_verbs", ())}
    inverted = trie_regex([v for v in verbs if v not in listeners] or ["said"])  # "said X", not "told X"
    return (
        re.compile(_PERSON_CUE.format(verbs=said)),
        re.compile(rf"\s+{said}\b"),
        re.compile(rf"^,?\s*(?:{inverted}\s+(?P<after>[^,.;]{{3,60}})|(?P<before>[^,.;\"“]{{3,60}}?)\s+{said}\b)"),
    )
