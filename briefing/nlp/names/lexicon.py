"""The word lists the names engine reads: config/lexicons/quotes.yaml (`names:`), titles and countries.

Person titles come from config/lexicons/titles.yaml (briefing.nlp.titles), shared with
the actor list; country names from pycountry, so "Syria" never starts a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


from briefing.config_yaml import safe_load
from briefing.config import config_dir
from briefing.nlp.titles import affiliation_words, title_words


@dataclass(frozen=True)
class NameLexicon:
    """The `names:` word lists, lower-cased into sets for membership tests."""

    titles: frozenset[str]  # titles.yaml's title words, and party labels: both end a description
    role_nouns: frozenset[str]
    org_words: frozenset[str]
    particles: frozenset[str]
    hyphen_particles: tuple[str, ...]
    suffixes: frozenset[str]
    not_names: frozenset[str]
    places: frozenset[str]
    skip_words: frozenset[str]
    descriptive_suffixes: frozenset[str] = frozenset()
    female_words: frozenset[str] = frozenset()
    place_prefixes: frozenset[str] = frozenset()
    male_words: frozenset[str] = frozenset()
    portfolio_words: frozenset[str] = frozenset()
    surname_titles: frozenset[str] = frozenset()
    place_suffixes: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def quote_lexicon() -> dict[str, Any]:
    """The whole quotes lexicon file, parsed once per process."""
    path = config_dir() / "lexicons" / "quotes.yaml"
    with path.open(encoding="utf-8") as handle:
        data = safe_load(handle) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def _lower_set(values: Iterable[object]) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


@lru_cache(maxsize=1)
def name_lexicon() -> NameLexicon:
    raw = quote_lexicon().get("names") or {}
    return NameLexicon(
        titles=title_words() | affiliation_words(),
        role_nouns=_lower_set(raw.get("role_nouns", ())),
        org_words=_lower_set(raw.get("org_words", ())),
        particles=_lower_set(raw.get("particles", ())),
        hyphen_particles=tuple(str(p).lower() for p in raw.get("hyphen_particles", ())),
        suffixes=_lower_set(raw.get("suffixes", ())),
        not_names=_lower_set(raw.get("not_names", ())),
        places=_lower_set(raw.get("places", ())) | country_names(),
        skip_words=_lower_set(raw.get("skip_words", ())),
        descriptive_suffixes=_lower_set(raw.get("descriptive_suffixes", ())),
        female_words=_lower_set((raw.get("gender_words") or {}).get("female", ())),
        place_prefixes=_lower_set(raw.get("place_prefixes", ())),
        male_words=_lower_set((raw.get("gender_words") or {}).get("male", ())),
        portfolio_words=_lower_set(raw.get("portfolio_words", ())),
        surname_titles=_lower_set(raw.get("surname_titles", ())),
        place_suffixes=_lower_set(raw.get("place_suffixes", ())),
    )


@lru_cache(maxsize=1)
def multiword_places() -> frozenset[str]:
    """Country names of several words ("saudi arabia", "south sudan"), lower-cased."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a declared dependency
        return frozenset()
    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and " " in value and "," not in value:
                names.add(value.lower())
    return frozenset(names)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Single words of country names, so "Syria" or "Sudan" never start a person's name."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a declared dependency
        return frozenset()
    words: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and " " not in value and "," not in value:
                words.add(value.lower())
    return frozenset(words)


def is_place(name: str) -> bool:
    """A country, a known place word or a run of them ("Washington", "Saudi Arabia", "the U.S.")."""
    low = name.lower().removeprefix("the ")
    places = name_lexicon().places
    return low in places or low in multiword_places() or bool(low.split()) and all(w in places for w in low.split())


@lru_cache(maxsize=8)
def speech_verbs(cue_verbs: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The verbs that introduce speech ("said", "told", "according to"): `quotes.cue_verbs`
    when the settings give them, else the quotes lexicon's list.

    One list for every reader of names: quote attribution finds its cues with it,
    a role ends before it ("professor at X said that ..."), and a capitalised name
    before it is a person in the actor list ("Kerem Shalom said" would be).
    """
    if cue_verbs is not None:
        return tuple(cue_verbs)
    return tuple(str(v) for v in quote_lexicon().get("cue_verbs", ()))


@lru_cache(maxsize=8)
def reporting_verbs(cue_verbs: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The plain verbs of reported speech among `speech_verbs`: those the quotes lexicon
    also lists as `reported_verbs` ("said", "told", "added", "wrote", "insisted").

    What only a speaker does, so a capitalised name before one is a person, and a
    sentence ending in one reports what someone said. The other cue verbs introduce
    quotations but follow other things too: "Trump Trump threatening" (page furniture),
    "Another Republican declared", "the Kyiv Post reported".
    """
    plain = {str(v) for v in quote_lexicon().get("reported_verbs", ())}
    return tuple(v for v in speech_verbs(cue_verbs) if v in plain)


@lru_cache(maxsize=8)
def speaker_verbs(cue_verbs: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The speech verbs that show their subject speaks, so that a capitalised name before
    one is a person: the plain verbs of reported speech (`reporting_verbs`) and every
    other speech verb in the simple past ("vowed", "declared", "tweeted"), except the
    relay verbs ("the Kyiv Post reported" is an outlet).

    Not the other present forms ("Activists say", "Capitol Hill suggests": groups and
    things do that), nor participles ("Trump Trump threatening": page furniture).
    """
    plain = set(reporting_verbs(cue_verbs))
    relay = {str(v) for v in quote_lexicon().get("relay_verbs", ())}
    return tuple(
        v for v in speech_verbs(cue_verbs) if " " not in v and (v in plain or v.endswith("ed") and v not in relay)
    )


_NOUN_BEFORE = ("the", "a", "an", "of", "for", "and", "his", "her", "its", "their", "our", "these", "those")


@lru_cache(maxsize=1)
def reporting_verb_pattern() -> str:
    """A regex for a plain speech verb used as a verb: what ends a role ("professor at X
    said that ...") or starts a clause. After a determiner or preposition the word is a
    noun ("head of the claims office", "his notes"), so it does not count."""
    not_a_noun = "".join(rf"(?<!\b{w}\s)" for w in _NOUN_BEFORE)
    return rf"{not_a_noun}\b{trie_regex(reporting_verbs())}\b"


def trie_regex(words: Iterable[str], any_space: bool = True) -> str:
    """A non-capturing group matching any of `words`, shaped as a trie: a long word list
    matches without backtracking, each character read once.

    A space in a word ("according to") matches any run of whitespace, unless `any_space` is
    False. Then, for literal strings matched case-sensitively, the trie matches exactly what
    an alternation sorted longest first would ("United Kingdom|United States|Uganda"): the
    words matching at one position are prefixes of one another there, and the trie tries the
    longer continuation first (a greedy "?"). The status panel's long name lists (countries,
    demonyms, aliases, towns) are matched so. With no words it matches the empty string.
    """
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [
            (r"\s+" if ch == " " and any_space else re.escape(ch)) + build(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + build(trie) + ")"
