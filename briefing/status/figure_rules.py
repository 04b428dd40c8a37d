"""The lexicon's figure section, compiled once: kind words, qualifiers, people nouns, cues.

A figure is a number phrase tied to a kind word by a short grammatical bridge:
"N people have been killed", "killed at least N", "the lives of over N",
"half of the population has been displaced". `after` finds the kind word after
the number, `before` the one before it; `people_after` / `demonyms_after` the
counted noun; `other_after` / `other_before` what a count of "other" people is
doing (detained, trapped, marched...). config/lexicons/conflict.yaml holds the
words (`figures:`), so a user can tune them without code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.nlp.names.lexicon import trie_regex
from briefing.status.profile import Lexicon, compile_phrases

KIND_ORDER = ("killed", "injured", "displaced", "refugees", "troops", "other")
_AUX = (r"(?:(?:have|has|had|were|was|are|is|been|being|be|to|reportedly|now|already|also|apparently|allegedly|"
        r"feared|later|still|all|either|both|confirmed)\s+)*")
# An aside between the count and its verb: "160 Palestinians, many of whom were civilians, were killed".
_ASIDE = (r"(?:,\s+(?:(?:many|most|some|all|several|none|half|dozens|hundreds|thousands)\s+of\s+(?:whom|them)|"
          r"including|among\s+them|mostly|mainly|largely|primarily|chiefly|many|most|all)\b[^,;]{0,60},"
          r"|\s+[–—-]{1,2}\s+[^–—;]{1,60}\s+[–—-]{1,2})")
_GAP_WORD = r"(?!(?:and|but|while|whereas|or)\b)[\"“‘]?[\w'’.-]+[\"”]?"
_NAME_WORD = (r"(?-i:[A-Z][\w'’.-]*)|[\w'’]+-(?:led|backed|based|run|allied|linked)|of|the|a|an|known|as|called|"
              r"named|dubbed|from|in|for|force|forces|group|militia|army|unit|units|brigade|movement|party|families")
_NOT_VERB = r"(?!(?:and|but|while|whereas|or|who|which|that|were|was|have|has|had|are|is|said|says)\b)"


@dataclass(frozen=True)
class FigureRules:
    """The lexicon's figure section, compiled once."""

    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    after: re.Pattern[str]  # number, a short bridge, then a kind word ("people have been killed")
    before: re.Pattern[str]  # a kind word, a short bridge, then the number ("killed at least")
    people_after: re.Pattern[str] | None  # "N (of) (the) civilians"
    demonyms_after: re.Pattern[str] | None  # "thousands of Syrians"
    noun_tails: tuple[re.Pattern[str], ...]  # how far "text as written" runs after the number
    qualifiers: tuple[tuple[str, re.Pattern[str]], ...]
    non_count: re.Pattern[str] | None
    incident: re.Pattern[str] | None
    total: re.Pattern[str] | None
    countries: frozenset[str] = frozenset()  # "fled to Chad" makes refugees, "fled to Rafah" displaced
    other_after: re.Pattern[str] | None = None  # "N people protested", "N migrants remain stranded"
    other_before: re.Pattern[str] | None = None  # "detained N migrants", "evacuated more than N civilians"
    # the verb of a list or a long noun phrase: "three members of the force known as the SDF were killed"
    list_tail: re.Pattern[str] = re.compile(r"(?!)")
    loose_tail: re.Pattern[str] = re.compile(r"(?!)")  # "Forty of the 200 people brought in died": any words
    troops_after: re.Pattern[str] | None = None  # "40 border guards": where a count of troops ends
    nations: re.Pattern[str] | None = None  # country names and demonyms ("Syria", "Syrian")
    nation_of: dict[str, str] = field(default_factory=dict)  # either form -> the country


def compile_rules(lexicon: Lexicon) -> FigureRules:
    kinds_raw: dict[str, list[str]] = lexicon.get("figures", "kinds") or {}
    kinds = tuple((k, p) for k, v in kinds_raw.items() if (p := compile_phrases(v)) is not None)
    # One regex per direction with a named group per kind: one match call finds the nearest cue.
    groups = "|".join(f"(?P<{group_name(k)}>{p.pattern})" for k, p in kinds)
    after = re.compile(
        rf"\s*(?:of\s+)?(?:{_GAP_WORD}\s+){{0,4}}?(?:(?:{_GAP_WORD})?{_ASIDE}\s+)?{_AUX}(?:{groups})", re.I
    )
    # matched on the clause before the number; the greedy lead makes the nearest kind word win
    before = re.compile(rf"^.*(?:{groups})\s+(?:{_GAP_WORD}\s+){{0,3}}$", re.I | re.S)
    loose_tail = re.compile(rf"(?:\s+{_NOT_VERB}[\w'’.-]+){{1,6}}?\s+{_AUX}(?:{groups})", re.I)
    # the counted noun (two words at most), then only a name's words: "of the Kurdish-led force known as the SDF"
    list_tail = re.compile(
        rf"(?:\s+{_NOT_VERB}[\w'’.-]+){{1,2}}(?:\s+(?:{_NAME_WORD})){{0,10}}\s+{_AUX}(?:{groups})", re.I
    )
    quals = lexicon.get("figures", "qualifiers") or {}
    qualifiers = tuple(
        (name, re.compile(rf"\b(?:{'|'.join(re.escape(p) for p in sorted(ps, key=len, reverse=True))})\s*$", re.I))
        for name, ps in quals.items()
    )
    plurals = [f for f in lexicon.demonyms if f.endswith("s") and f[:1].isupper() and " " not in f]
    people = compile_phrases((*lexicon.phrases("figures", "people_nouns"), *CROWD_NOUNS))
    demonyms = compile_phrases(plurals)
    nouns = [p for p in (people, demonyms, *(p for _, p in kinds)) if p is not None]
    return FigureRules(
        kinds=kinds,
        after=after,
        before=before,
        people_after=people and re.compile(rf"\s*(?:of\s+)?(?:[\w'’-]+\s+)?(?:{people.pattern})", re.I),
        demonyms_after=demonyms and re.compile(rf"\s*(?:of\s+)?(?:{demonyms.pattern})"),
        noun_tails=tuple(
            re.compile(rf"\s+(?:of\s+)?(?:(?!(?:and|or|but)\b)[\w'’-]+\s+)?(?:{n.pattern})", re.I) for n in nouns
        ),
        countries=frozenset(lexicon.country_names),
        qualifiers=qualifiers,
        non_count=re.compile(
            rf"^[\s-]*(?:{'|'.join(re.escape(u) for u in lexicon.phrases('figures', 'non_count_units'))})\b", re.I
        ),
        incident=compile_phrases(lexicon.phrases("figures", "incident_cues")),
        total=compile_phrases(lexicon.phrases("figures", "total_cues")),
        list_tail=list_tail,
        loose_tail=loose_tail,
        nations=_nations(lexicon),
        nation_of=dict(lexicon.countries),
        troops_after=next((re.compile(rf"\s*(?:[\w'’-]+\s+)?(?:{p.pattern})", re.I) for k, p in kinds if k == "troops"), None),
        **_other_rules(lexicon),
    )


# Who else is counted in a crisis besides the lexicon's people nouns: crowds, captives, staff.
CROWD_NOUNS = (
    "protesters", "protestors", "demonstrators", "activists", "students", "workers", "aid workers", "passengers",
    "journalists", "pilgrims", "worshippers", "miners", "sailors", "tourists", "patients", "evacuees",
)


# What a count of people "other" than the casualty kinds must be doing to be a figure at all:
# a crowd, detainees, hostages, evacuees, people trapped. "thousands of Syrians in besieged
# areas" or "his three children" count nothing a brief can use. conflict.yaml may replace the
# list with `figures.other_verbs`.
OTHER_VERBS = (
    "detained", "arrested", "were held", "are held", "was held", "being held", "held hostage", "held captive",
    "jailed", "imprisoned", "captured", "kidnapped", "abducted", "taken hostage",
    "missing", "unaccounted for", "trapped", "stranded", "besieged", "under siege", "evacuated", "rescued", "freed",
    "holding", "holds", "chanted", "chanting", "shouted", "shouting", "screaming", "scaled", "walked out",
    "walked away", "moved", "transferred", "killed or wounded", "killed and wounded", "killed or injured",
    "killed and injured", "dead or wounded", "dead and wounded",
    "released", "arrived", "crossed", "gathered", "protested", "protesting", "rallied", "marched", "demonstrated",
    "stormed", "occupied", "surrendered", "defected", "deported", "expelled", "sickened", "infected",
    "took part", "joined", "inside", "holed up", "sheltering", "in custody",
    "in detention", "barricaded",
)
_OTHER_AUX = (
    r"(?:\s+(?:have|has|had|were|was|are|is|been|being|be|now|still|reportedly|already|also|allegedly|later|then|"
    r"apparently|feared|to|due\s+to|set\s+to|"
    r"remain|remained|remains|stayed|reported|believed\s+to\s+be|thought\s+to\s+be|said\s+to\s+be))*"
)
_OTHER_LEAD = (
    r"(?:\s+(?:all|another|a\s+further|a\s+total\s+of|the|some|about|around|more\s+than|over|at\s+least|nearly|"
    r"up\s+to|as\s+many\s+as|an\s+estimated|roughly|almost))*"
)


def _other_rules(lexicon: Lexicon) -> dict[str, re.Pattern[str] | None]:
    verbs = compile_phrases(lexicon.phrases("figures", "other_verbs") or OTHER_VERBS)
    if verbs is None:
        return {"other_after": None, "other_before": None}
    return {
        "other_after": re.compile(rf"(?:{_ASIDE})?(?:\s+(?:who|that))?{_OTHER_AUX}\s+(?:{verbs.pattern})", re.I),
        "other_before": re.compile(rf"(?:{verbs.pattern}){_OTHER_LEAD}\s*$", re.I),
    }





def _nations(lexicon: Lexicon) -> re.Pattern[str] | None:
    forms = sorted((f for f in lexicon.countries if len(f) > 2), key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"(?<![\w-])(?=[A-Z])" + trie_regex(forms, any_space=False) + r"(?![\w-])")


def group_name(kind: str) -> str:
    return "k_" + re.sub(r"\W", "_", kind)

