"""One name per person and institution across a set of articles."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from briefing.nlp.names.keys import close_spelling, name_key, particle_surname, person_key, surname_keys
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


def canonical_names(
    names: Iterable[str], distinct: set[tuple[str, str]] | None = None, counts: Mapping[str, int] | None = None
) -> dict[str, str]:
    """Map every form of a person's name to one name, across a set.

    Variants of one full name become its commonest form (by `counts`, the mentions
    the set makes of each form): middle initials and accents ("John F. Kerry" =
    "John Kerry", `person_key`) and transliterations ("Sergey Lavrov" = "Sergei
    Lavrov", `close_spelling`). Then a short name goes to the unique full name that
    ends with it: "Obama" (from "President Obama") -> "Barack Obama" when one article
    gives the full name. Ambiguous short names ("Smith" with two Smiths) stay as
    they are, and so do pairs an article shows to be two people (`distinct_pairs`).
    Names that need no change are not in the result.
    """
    distinct = distinct or set()
    counts = counts or {}
    unique = sorted(set(names))
    full = [n for n in unique if len(n.split()) >= 2 and not particle_surname(n)]
    out = _variants(
        full,
        lambda n: (-counts.get(n, 0), len(n.split()), -_accents(n), len(n), n),
    )
    by_key: dict[str, set[str]] = {}
    for n in full:
        for key in surname_keys(n):
            by_key.setdefault(key, set()).add(out.get(n, n))
    for n in unique:
        if n in out:
            continue
        matches = by_key.get(name_key(n), set())
        if len(matches) == 1 and (n, next(iter(matches))) not in distinct:
            out[n] = next(iter(matches))
    return out


# Spellings are compared pairwise within a bucket (same initials and word count): quadratic in its
# size. Variants worth merging belong to names the set mentions often, so only the most-mentioned
# names take part, and at most this many per bucket (as in the actor list, status/actors.py).
MAX_SPELLING_CANDIDATES = 1_000
MAX_BUCKET = 100


def _accents(name: str) -> int:
    """Letters written with their accents ("François"): on a tie the fuller spelling is shown."""
    return 0 if name.isascii() else sum(1 for c in name if not c.isascii())


def _variants(full: list[str], order: Callable[[str], tuple[int, int, int, int, str]]) -> dict[str, str]:
    """Each full name that is a variant of a preferred one (the first in `order`) -> that one."""
    rank = {n: order(n) for n in full}
    groups: dict[str, list[str]] = {}
    for n in full:
        groups.setdefault(person_key(n), []).append(n)
    heads = {key: min(forms, key=rank.__getitem__) for key, forms in groups.items()}
    buckets: dict[tuple[str, int], list[str]] = {}
    for key in sorted(heads, key=lambda k: rank[heads[k]])[:MAX_SPELLING_CANDIDATES]:
        words = key.split()
        bucket = buckets.setdefault((words[0][:1] + words[-1][:2], len(words)), [])
        if len(bucket) < MAX_BUCKET:
            bucket.append(key)
    merged: dict[str, str] = {}  # person key -> the person key it joins
    for keys in buckets.values():
        for i, key in enumerate(keys):
            if key in merged:
                continue
            for other in keys[i + 1 :]:
                if other not in merged and close_spelling(key, other):
                    merged[other] = key
    out: dict[str, str] = {}
    for key, forms in groups.items():
        target = heads[merged.get(key, key)]
        out.update((n, target) for n in forms if n != target)
    return out


def adopt_names(names: Iterable[str], people: Sequence[tuple[str, Sequence[str]]]) -> dict[str, str]:
    """Each of `names` that is one of `people` under another form -> that person's name.

    `people` are the actor list's persons (name, aliases): it counts every mention in
    the set, so where it names a person the quote list uses its name too. A form is
    the same person when it is a variant (`person_key`: "John F. Kerry" = "John
    Kerry"; `close_spelling`: "Sergey Lavrov" = "Sergei Lavrov") of exactly one
    person's name or alias, or a lone surname ("Kerry") of exactly one person. A
    longer description ("Activist Valeri Kazachenko") is never adopted for a name.
    """
    by_key: dict[str, set[str]] = {}
    by_surname: dict[str, set[str]] = {}
    forms: list[tuple[str, str]] = []
    for name, aliases in people:
        for form in (name, *aliases):
            by_key.setdefault(person_key(form), set()).add(name)
            forms.append((form, name))
        for key in surname_keys(name):
            by_surname.setdefault(key, set()).add(name)
    known = {name for name, _ in people}
    out: dict[str, str] = {}
    for n in set(names):
        if n in known:
            continue
        words = len(n.split())
        if words == 1:
            found = by_surname.get(name_key(n), set())
        else:
            found = set(by_key.get(person_key(n), ()))
            if not found:
                found = {name for form, name in forms if len(form.split()) == words and close_spelling(n, form)}
        if len(found) == 1:
            out[n] = next(iter(found))
    return out
