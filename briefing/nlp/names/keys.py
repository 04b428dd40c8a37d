"""Name keys: when two written names are the same name."""

from __future__ import annotations

from functools import lru_cache

from briefing.nlp.names.lexicon import name_lexicon


def strip_possessive(word: str) -> tuple[str, bool]:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)], True
    if word.endswith(("s'", "s’")):
        return word[:-1], True
    return word, False


def name_key(name: str) -> str:
    """Comparison key: case and apostrophe style folded."""
    return name.lower().replace("’", "'")


@lru_cache(maxsize=65536)  # each name is asked for by the index, then twice across the set
def surname_keys(full_name: str) -> frozenset[str]:
    """Every shorter form a full name can be referred to by.

    "Staffan de Mistura" -> {"de mistura", "mistura"}; "Walid al-Moallem" ->
    {"al-moallem", "moallem"}; "Vladimir Putin" -> {"putin"}.
    """
    tokens = full_name.split()
    keys: set[str] = set()
    lex = name_lexicon()
    if len(tokens) < 2:
        return frozenset()
    suffixless = [t for t in tokens if t.lower() not in lex.suffixes]
    for i in range(1, len(suffixless)):
        keys.add(name_key(" ".join(suffixless[i:])))
    last = suffixless[-1]
    for prefix in lex.hyphen_particles:
        if last.lower().startswith(prefix + "-"):
            keys.add(name_key(last[len(prefix) + 1 :]))
    return frozenset(keys)
