"""Joint speakers: "said Sens. Mitt Romney (R-Utah) and Chris Murphy (D-Conn.)", "McCain and
Graham said in a joint statement", "U.N. advisers A and B urged ...; they said".

Two people named together as the whole subject of a speech cue speak together: the
speaker is "A and B" (each name as the article resolves it, folded across the set like
any person's name), the evidence `joint`. A later "they" refers to the pair. Not a
pair when anything but titles, party tags, brackets and "and" stands between or
around the names ("Kerry met Lavrov and Zarif said" has one subject, Zarif).
"""

from __future__ import annotations

import re

from briefing.nlp.names.index import NameIndex
from briefing.nlp.names.lexicon import is_place, name_lexicon
from briefing.nlp.names.mention import JOINT, PERSON, Entity, Mention
from briefing.nlp.vocab import is_common_word
from briefing.nlp.names.roles import clean_role
from briefing.quotes.evidence import JOINT as JOINT_EVIDENCE
from briefing.quotes.wording import Attribution, title_words

# ", R-Ariz.," / " (D-Conn.)": a party tag or an aside after a name
_TAG = r"(?:\s*\([^)]*\)?|\s*,\s*[A-Z][\w.]*(?:-[\w.]+)+\.?)?"
_LINK = re.compile(rf"{_TAG}\s*,?\s*and\s+(?P<titles>(?:[A-Z][\w.]*\s+)*)")
_TAIL = re.compile(rf"{_TAG}\s*,?\s*(?:\w+ly\s*)?,?\s*")
_CIRCUMSTANCE = re.compile(rf"{_TAG}\s*,?\s+(?:in|on|at|during|via|over|after|before|late|early)\b.*", re.DOTALL)


def joint_speakers(names: NameIndex, start: int, end: int, inverted: bool) -> Attribution | None:
    """The pair named by the subject phrase `text[start:end]`, if it is exactly two people."""
    text = names.text
    people = [m for m in names.mentions_between(start, end) if m.kind == PERSON and m.entity and not m.reference]
    if len(people) < 2:
        people = _bare_pair(names, start, end)
    if len(people) != 2:
        return None
    first, second = people
    link = _LINK.fullmatch(text, first.end, second.start)
    if link is None or not _only_titles(link.group("titles")):
        return None
    prefix = text[start : first.start].strip(" ,")
    if prefix and not (title_words(prefix) or _only_titles(prefix)):
        return None
    if not (_TAIL.fullmatch(text, second.end, end) or inverted and _CIRCUMSTANCE.fullmatch(text, second.end, end)):
        return None
    assert first.entity is not None and second.entity is not None
    name = f"{first.entity.name} and {second.entity.name}"
    _register(names, first.start, second.end, name)
    return Attribution(name, clean_role(prefix) if prefix else None, None, JOINT, JOINT_EVIDENCE)


_BARE_PAIR = re.compile(r"\s*(?P<a>[A-Z][\w'’-]+)\s+and\s+(?P<b>[A-Z][\w'’-]+)\s*")


def _bare_pair(names: NameIndex, start: int, end: int) -> list[Mention]:
    """"Berg and Hale (said)": two surnames the article never gave in full, when neither is a
    common word, a place or an organisation ("Britain and France said" is two states)."""
    found = _BARE_PAIR.fullmatch(names.text, start, end)
    if found is None or names.mentions_between(start, end):
        return []
    lex = name_lexicon()
    words = [found.group("a"), found.group("b")]
    if any(w.lower() in lex.not_names or is_place(w) or is_common_word(w) for w in words):
        return []
    return [names.add_person(found.start(g), found.end(g), found.group(g)) for g in ("a", "b")]


def _only_titles(words: str) -> bool:
    titles = name_lexicon().titles
    return all(w.lower() in titles or w.lower().rstrip(".") in titles for w in words.split())


def _register(names: NameIndex, start: int, end: int, name: str) -> None:
    """A mention of the pair, so that a later "they said" finds it."""
    if any(m.kind == JOINT and m.start == start for m in names.mentions_between(start, end)):
        return
    names.add_reference(start, end, Entity(name, JOINT))


def joint_parts(name: str) -> list[str]:
    """"A and B" -> ["A", "B"]."""
    return name.split(" and ")
