"""What the names engine finds: mentions of named people and organisations, and who they are."""

from __future__ import annotations

from dataclasses import dataclass


PERSON = "person"
ORG = "org"
ANON = "anon"  # a described speaker without a name: "a senior official"

PRONOUNS_PERSON = frozenset({"he", "she"})
PRONOUNS_ORG = frozenset({"it"})
PRONOUNS_GROUP = frozenset({"they"})
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_ORG | PRONOUNS_GROUP
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"})


@dataclass(frozen=True, slots=True)
class Entity:
    """Someone or something that can speak: a named person or organisation."""

    name: str
    kind: str  # person | org
    role: str | None = None


@dataclass(slots=True)
class Mention:
    """One place in the text where an entity (or an anonymous speaker) is named."""

    start: int
    end: int
    surface: str
    entity: Entity | None
    kind: str  # person | org | anon
    subject: bool = False
    gender: str | None = None  # of an anonymous speaker, from its role noun: "a spokeswoman"
