"""Unnamed spokespeople: "a State Department spokesman", "a senior Pentagon official",
"a spokesman for the Office of the Director of National Intelligence".

The organisation speaks through them: the speaker is the organisation, the role is the
description as written ("State Department spokesman"), and the evidence is
`spokesperson`. A state is not such an organisation ("a senior U.S. defense official"
stays unnamed: a government has many voices), nor is a person ("a spokesman for
Putin" is the spokesman, not Putin). The description is registered as a mention of
the organisation, so that a later "he said" or "the official said" finds it.
"""

from __future__ import annotations

from briefing.nlp.names.index import NameIndex
from briefing.nlp.names.lexicon import is_place
from briefing.nlp.names.mention import ANON, ORG, Mention
from briefing.nlp.names.roles import clean_role
from briefing.quotes.evidence import SPOKESPERSON
from briefing.quotes.wording import Attribution

#: Role nouns of people who speak for an organisation rather than for themselves.
SPEAKS_FOR = frozenset(
    """spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople spokespersons
    official officials representative representatives""".split()
)


def organisation_in(names: NameIndex, a: int, b: int) -> Mention | None:
    """The organisation named inside a description ("a senior Pentagon official"), if one is."""
    found = [m for m in names.mentions_between(a, b) if m.kind == ORG and m.entity and not m.reference]
    return found[-1] if found and found[-1].entity and not is_place(found[-1].entity.name) else None


def speaks_for(names: NameIndex, a: int, b: int, org: Mention) -> Attribution | None:
    """The organisation as the speaker, through the description `text[a:b]`."""
    if org.entity is None:
        return None
    role = clean_role(names.text[a:b])
    names.add_anonymous(a, b, role or "", entity=org.entity)
    return Attribution(org.entity.name, role, None, ORG, SPOKESPERSON)


def earlier_spokesperson(names: NameIndex, word: str, pos: int) -> Attribution | None:
    """"the official said": the unnamed official of an organisation met just before."""
    for m in names.candidates_before(pos, frozenset({ANON}), 4):
        if m.entity is not None and word in m.name.lower():
            return Attribution(m.entity.name, clean_role(m.name), None, ORG, SPOKESPERSON)
    return None
