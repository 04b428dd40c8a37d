"""One name per person and institution across a set of articles."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from briefing.nlp.names.keys import name_key, surname_keys
from briefing.nlp.names.lexicon import quote_lexicon


@lru_cache(maxsize=1)
def _org_synonyms() -> tuple[tuple[re.Pattern[str], str], ...]:
    raw = (quote_lexicon().get("names") or {}).get("org_synonyms") or {}
    return tuple((re.compile(rf"\b{re.escape(str(k))}\b", re.IGNORECASE), str(v)) for k, v in raw.items())


def canonical_org(name: str) -> str:
    """One name for one institution: "Syrian presidential office" -> "Syrian presidency".

    Outlets name the same office in several ways; a single form lets the same
    statement from two reports merge and keeps the speaker list short.
    """
    for pattern, replacement in _org_synonyms():
        name = pattern.sub(replacement, name)
    return name


def distinct_pairs(persons: Iterable[str]) -> set[tuple[str, str]]:
    """(short, full) pairs one article keeps apart: "President Obama" next to "Michelle Obama".

    Within an article a surname met after its full name is folded into it, so a
    short name that stands as its own person there is a different person.
    """
    persons = list(persons)
    keys = {name_key(p): p for p in persons}
    return {(keys[k], full) for full in persons for k in surname_keys(full) if k in keys}


def canonical_names(names: Iterable[str], distinct: set[tuple[str, str]] | None = None) -> dict[str, str]:
    """Map short person names to the unique longer name that ends with them, across a set.

    "Obama" (from "President Obama") -> "Barack Obama" when one article gives the
    full name. Ambiguous short names ("Smith" with two Smiths) stay as they are, and
    so do pairs an article shows to be two people (`distinct_pairs`).
    """
    distinct = distinct or set()
    full = [n for n in set(names) if len(n.split()) >= 2]
    by_key: dict[str, set[str]] = {}
    for n in full:
        for key in surname_keys(n):
            by_key.setdefault(key, set()).add(n)
    out: dict[str, str] = {}
    for n in set(names):
        matches = by_key.get(name_key(n), set())
        if len(matches) == 1 and (n, next(iter(matches))) not in distinct:
            out[n] = next(iter(matches))
    return out
