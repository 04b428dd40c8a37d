"""What names the speaker of a quotation: the kind of evidence behind an attribution.

A brief is signed by its author, so it shows only quotations whose speaker the text
states outright (`SURE`); the others stay in the quote list, labelled, for the
reader to check and correct (`s` in the builder).

    named         the speaker is named in the attribution itself: a speech cue in the
                  quotation's sentence ("..., Kerry said"), an inverted or colon lead-in
                  ("Said McConnell:"), "according to X", "a statement by X", a tweet by X
    joint         two people named together ("said Sens. A and B"): one joint speaker
    spokesperson  an unnamed spokesperson or official of a named organisation ("a State
                  Department spokesman said"): the organisation speaks
    statement     "the statement said": the issuer of a statement named earlier
    description   "the envoy said", "the ministry said": a title or noun resolved to the
                  person or organisation the article gave it to
    pronoun       "he said": the antecedent the article supports
    continued     no cue: the quotation goes on from the previous one's speaker
    adjacent      no cue in its sentence: the speaker is named in the sentence before or after
"""

from __future__ import annotations

NAMED = "named"
JOINT = "joint"
SPOKESPERSON = "spokesperson"
STATEMENT = "statement"
DESCRIPTION = "description"
PRONOUN = "pronoun"
CONTINUED = "continued"
ADJACENT = "adjacent"

#: Surest first: where reports disagree on how a speaker is known, the surest kind is kept.
KINDS = (NAMED, JOINT, SPOKESPERSON, STATEMENT, DESCRIPTION, PRONOUN, CONTINUED, ADJACENT)

#: The kinds a brief prints: the text itself names who speaks.
SURE = frozenset({NAMED, JOINT, SPOKESPERSON})


def surest(kinds: list[str | None]) -> str | None:
    """The surest of several kinds of evidence for one speaker (None when there is none)."""
    known = [k for k in kinds if k in KINDS]
    return min(known, key=KINDS.index) if known else None
