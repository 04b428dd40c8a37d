"""What the names engine finds: mentions of named people and organisations, and who they are."""

from __future__ import annotations

from dataclasses import dataclass


PERSON = "person"
ORG = "org"
ANON = "anon"  # a described speaker without a name: "a senior official"
JOINT = "joint"  # two people speaking together: "Sens. A and B said in a joint statement"

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
    """One place in a text where someone or something is named, or a speaker described.

    The one shape for every reader of names: quote attribution (NameIndex: people,
    organisations and unnamed speakers, `entity` resolved within the article) and
    the actor list (states, armed groups, organisations, people, merged by `key`
    across a set).
    """

    start: int
    end: int
    name: str  # as written ("De Mistura"), or as the reader names it ("Russian forces" for "Russia's forces")
    kind: str  # person | org | anon for quotes; the actor list's kinds (state, armed group, ...) for status
    key: str = ""  # the name_key it merges under across a set (the actor list's)
    entity: Entity | None = None  # who it refers to in its article, once resolved
    subject: bool = False
    gender: str | None = None  # of an unnamed speaker, from its role noun: "a spokeswoman"
    reference: bool = False  # a description resolved to a name ("the vice president"), not the name written
    speaker: bool = False  # the subject of a speech cue ("..., which Mladenov says"): what a later "he said" means
