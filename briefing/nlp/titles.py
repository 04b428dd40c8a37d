"""Person titles and honorifics, one list for every reader of names.

The names engine (nlp/names: quote speakers) reads capitalised runs word by
word, the actor list (status/actor_rules.py) strips titles off a run with one
regex; both must agree on what a title is, or "Defence Minister X" is a titled
person in one panel and an unknown name in the other. So the words live in one lexicon, config/lexicons/titles.yaml,
read once per process, and each reader takes the view it needs from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from briefing.config_yaml import safe_load
from briefing.config import config_dir

# Lower-case words inside a title that join it to what it is of: "Secretary of State".
_JOINERS = frozenset({"of", "for", "the", "and", "to", "at", "on", "in"})


@dataclass(frozen=True)
class TitleLexicon:
    """titles.yaml, flattened: each tuple in file order, as written."""

    titles: tuple[str, ...]  # "President", "Secretary of State", "Gen.", and the honorifics
    honorifics: tuple[str, ...]  # "Mr", "Dame": courtesy titles, which state no role
    compound_titles: tuple[str, ...]  # "Home Secretary": whole phrases only, "home" is no title word
    post_nominals: tuple[str, ...]  # "MP": also after a name ("Keith Vaz MP")
    qualifiers: tuple[str, ...]  # "Acting": opens a title, is none alone
    affiliations: tuple[str, ...]  # "Republican": before a name, but also opens organisations' names


def _path() -> Path:
    return config_dir() / "lexicons" / "titles.yaml"


def _strings(path: Path, key: str, value: object) -> tuple[str, ...]:
    """A list of words, or a mapping of commented groups to lists, as one tuple."""
    if value is None:
        return ()
    groups = value.values() if isinstance(value, dict) else [value]
    out: list[str] = []
    for group in groups:
        if not isinstance(group, list) or not all(isinstance(v, str) and v.strip() for v in group):
            raise ValueError(f"{path}: '{key}' must hold lists of words")
        out.extend(v.strip() for v in group)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1)
def title_lexicon() -> TitleLexicon:
    """The shipped titles lexicon, parsed once per process."""
    path = _path()
    with path.open(encoding="utf-8") as handle:
        data = safe_load(handle) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    honorifics = _strings(path, "honorifics", data.get("honorifics"))
    return TitleLexicon(
        titles=tuple(dict.fromkeys((*_strings(path, "titles", data.get("titles")), *honorifics))),
        honorifics=honorifics,
        compound_titles=_strings(path, "compound_titles", data.get("compound_titles")),
        post_nominals=_strings(path, "post_nominals", data.get("post_nominals")),
        qualifiers=_strings(path, "qualifiers", data.get("qualifiers")),
        affiliations=_strings(path, "affiliations", data.get("affiliations")),
    )


def _title_words_of(title: str) -> list[str]:
    """"Prime Minister" -> prime, minister; "Secretary of State" -> secretary (State is what it is of)."""
    words = []
    for word in title.split():
        if word.lower() in _JOINERS:
            break
        words.append(word.lower())
    return words


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Lower-cased words that are titles on their own, for word-by-word readers.

    Abbreviations keep their dot ("gen.") as written; hyphenated titles stay whole
    ("secretary-general"). Compound titles and qualifiers bring in no words.
    """
    return frozenset(w for title in title_lexicon().titles for w in _title_words_of(title))


@lru_cache(maxsize=1)
def honorific_words() -> frozenset[str]:
    """Lower-cased courtesy titles as written ("mr", "mr.", "dame"): a name, not a role, follows."""
    return frozenset(h.lower() for h in title_lexicon().honorifics)


@lru_cache(maxsize=1)
def dotted_abbreviations() -> tuple[str, ...]:
    """Titles written with a dot ("Gen.", "Mr."): the dot ends no sentence and belongs to the word."""
    return tuple(t for t in title_lexicon().titles if " " not in t and t.endswith("."))


@lru_cache(maxsize=1)
def title_phrases() -> tuple[str, ...]:
    """Titles, compound titles and qualifiers as written, longest first ("Vice President" before "Vice")."""
    lex = title_lexicon()
    every = dict.fromkeys((*lex.titles, *lex.compound_titles, *lex.qualifiers))
    return tuple(sorted(every, key=lambda t: (-len(t), t)))


@lru_cache(maxsize=1)
def title_chain_pattern() -> str:
    """Regex source for one or more titles in a row, each followed by a space or the end
    ("Acting Defense Minister "). Case-sensitive on purpose: it is meant for runs of
    capitalised words, where "Prime" is a title and "prime" is not."""
    by_initial: dict[str, list[str]] = {}
    for title in title_phrases():  # longest first within each group too
        by_initial.setdefault(title[0], []).append(re.escape(title[1:]))
    # Grouped by first letter: the engine tries a dozen letters, not every title, at each word.
    body = "|".join(f"{re.escape(c)}(?:{'|'.join(rests)})" for c, rests in by_initial.items())
    return rf"(?:(?:{body})(?:\s+|$))+"


@lru_cache(maxsize=1)
def title_surface_words() -> frozenset[str]:
    """Every word of every title phrase and qualifier as written ("President", "Minister", "Acting"),
    for case-sensitive checks of a name's first word ("from President Bush" is no place)."""
    return frozenset(w for title in title_phrases() for w in title.split())


@lru_cache(maxsize=1)
def post_nominal_words() -> frozenset[str]:
    """Titles as written that may follow a name ("MP"): case-sensitive, so "mp" in a URL is none."""
    return frozenset(title_lexicon().post_nominals)


@lru_cache(maxsize=1)
def affiliation_words() -> frozenset[str]:
    """Lower-cased party labels that may stand before a name like a title ("Democrat Nancy Pelosi")."""
    return frozenset(a.lower() for a in title_lexicon().affiliations)
