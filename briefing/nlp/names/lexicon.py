"""The word lists the names engine reads: config/lexicons/quotes.yaml (`names:`), titles and countries.

Person titles come from config/lexicons/titles.yaml (briefing.nlp.titles), shared with
the actor list; country names from pycountry, so "Syria" never starts a person's name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import yaml

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


@lru_cache(maxsize=1)
def quote_lexicon() -> dict:
    """The whole quotes lexicon file, parsed once per process."""
    path = config_dir() / "lexicons" / "quotes.yaml"
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
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
