"""Reading a whole subject phrase, appositives and all: which chunk names the speaker.

`The U.N. envoy for Syria, Staffan de Mistura, ..., said`: the phrase is cut at
commas and brackets into chunks, and the one that names the speaker is chosen
(before a cue the last, after an inverted cue the first), with the role the
other chunks give it.
"""

from __future__ import annotations

import re

from briefing.nlp.names.mention import ANON, DETERMINERS, ORG, PERSON
from briefing.nlp.names.roles import clean_role
from briefing.quotes.chunks import ChunkReader
from briefing.quotes.cues import MASK
from briefing.quotes.evidence import NAMED
from briefing.quotes.joint import joint_speakers
from briefing.quotes.wording import (
    AUXILIARY,
    NOBODY,
    Attribution,
    clause_start,
    first_word,
    starts_adverbial,
    starts_with_role,
)

_PARENTHETICAL = re.compile(r"^\s*(?:and\s+|but\s+)?(?:who|which|whose|where|when|whom|[a-z]+ing|[a-z]+ed)\b")


_CIRCUMSTANCE_START = re.compile(
    r"\s+(?:as|while|when|after|before|because|who|during|in|on|at|from|via|with|outside|inside|before|to)\b"
)


_PROVENANCE = re.compile(r"\s*(?:\d{1,3}|(?:who\s+is\s+)?(?:from|of|in|near)\s+(?:the\s+)?[A-Z][^,]*)\s*$")


# "who gave his name as Maher", "who gave only her first name, Dalia", "identified only as Abu Omar"
_GIVEN_NAME = re.compile(
    r"\b(?:who\s+)?(?:gave\s+(?:his|her|their)\s+(?:only\s+)?(?:first\s+|full\s+|last\s+)?name(?:\s+as|,)"
    r"|(?:who\s+was\s+)?identified\s+only\s+as)\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})\s*(?:,|$)"
)


# "the group's spokesman", "Weiss's mother", "a former aide": a description, no name of its own
_DESCRIPTION = re.compile(r"\s*(?:(?:[Tt]he|[Aa]n?)\s+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}['’]s\s+)(?:[\w'’-]+\s+){0,4}[a-z][a-z-]+\s*")


# "Washington, D.C.", "Little Rock, Ark.": the state after a city, not a subject of its own
_REGION = re.compile(r"\s*(?:(?:[A-Z]\.){1,3}|[A-Z][a-z]{1,4}\.)\s*")


class PhraseReader(ChunkReader):
    """Subject phrases: the chunk that names the speaker, with its apposition role."""

    # --- reading a subject phrase -------------------------------------------------------
    def _read_phrase(self, start: int, end: int, pos: int, inverted: bool = False) -> Attribution:
        """A subject phrase, possibly with appositives: pick the chunk that names the speaker.

        `inverted`: the phrase follows its cue (`said Salim al-Muslat, the spokesman`),
        so its first chunk is the subject; before a cue the last chunk is.
        """
        phrase = self.text[start:end]
        if not phrase.strip() or MASK * 3 in phrase or len(phrase.split()) > 40:
            return NOBODY
        pair = joint_speakers(self.names, start, end, inverted)
        if pair is not None:
            return pair
        chunks = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^,;()]+", phrase)]
        chunks = [c for c in chunks if self.text[c[0] : c[1]].strip()]
        if len(chunks) > 1 and not inverted and self._bracketed(*chunks[-1]):
            chunks.pop()  # "Nissan Slomiansky (Bayit Yehudi) said": an aside in brackets is not the subject
        if not chunks:
            return NOBODY
        given = _GIVEN_NAME.search(phrase)
        if given is not None and not inverted:
            return self._given_name(chunks, start + given.start(1), start + given.end(1))
        if inverted:
            return self._read_inverted(chunks, pos)
        while len(chunks) > 1 and (
            _PROVENANCE.match(self.text[chunks[-1][0] : chunks[-1][1]]) or _REGION.fullmatch(self.text[chunks[-1][0] : chunks[-1][1]])
        ):
            chunks.pop()  # "Halima, 35, from Sudan told AFP": the age and the place describe her
            phrase = self.text[start : chunks[-1][1]]
        last = self._read_chunk(*chunks[-1], pos)
        appositive = len(chunks) > 1 and starts_with_role(self.text[chunks[-1][0] : chunks[-1][1]])
        if not phrase.rstrip().endswith(",") and len(chunks) > 1 and last.kind in (PERSON, ORG, ANON) and not appositive:
            return last  # "In a statement about the call, the White House"; "According to Bush, ..., he"
        attached = not phrase.rstrip().endswith(",")  # the last chunk is the cue's own subject
        candidates = [
            c
            for i, c in enumerate(chunks)
            if not _PARENTHETICAL.match(self.text[c[0] : c[1]])
            and not (i < len(chunks) - 1 and starts_adverbial(self.text[c[0] : c[1]]))
            and not (attached and self._lone_opener(chunks, i))
        ]
        readings = [(c, self._read_chunk(*c, pos)) for c in candidates]
        named = [(c, att) for c, att in readings if att.kind == PERSON and att.speaker and self._named_in(*c)]
        # A name heading its chunk ("Seamus Edney of ...") beats one inside a description
        # ("The solicitor acting for Mr Merrett").
        headed = [(c, att) for c, att in named if self._name_heads(*c)]
        for c, att in headed or named:
            return self._with_apposition_role(att, chunks, c)
        if len(chunks) == 1 or not phrase.rstrip().endswith(","):
            return last if last.speaker or last.kind else NOBODY
        for _, att in readings:
            if att.speaker or att.kind:
                return att
        return NOBODY

    def _given_name(self, chunks: list[tuple[int, int]], a: int, b: int) -> Attribution:
        """"The resident, who gave his name as Maher, said": the name the speaker gave, with the
        description as role; a person, so that a later "he said" finds him."""
        name = self.text[a:b]
        self.names.add_person(a, b, name)
        described = self.text[chunks[0][0] : chunks[0][1]]
        role = clean_role(re.sub(r"^\s*(?:the|a|an)\s+", "", described, flags=re.IGNORECASE)) if described.strip() != name else None
        return Attribution(name, role or None, None, PERSON, NAMED)

    def _bracketed(self, a: int, b: int) -> bool:
        return self.text[a - 1 : a] == "(" and self.text[b : b + 1] == ")"

    def _lone_opener(self, chunks: list[tuple[int, int]], i: int) -> bool:
        """"Overall, about three-quarters ... say": one unknown capitalised word before a
        clause opens the sentence; a name is followed by its description ("Smith, a farmer,")."""
        a, b = chunks[i]
        if i == len(chunks) - 1 or len(self.text[a:b].split()) != 1 or self.names.mentions_between(a, b):
            return False
        nxt = self.text[chunks[i + 1][0] : chunks[i + 1][1]]
        if first_word(nxt) in DETERMINERS or starts_with_role(nxt) or _PROVENANCE.match(nxt):
            return False  # "Chun, the South's lead delegate,": a description follows the name
        return bool(AUXILIARY.search(nxt))  # a clause follows: "Overall, three-quarters ... are"

    def _read_inverted(self, chunks: list[tuple[int, int]], pos: int) -> Attribution:
        """`said Salim al-Muslat, the spokesman for ...`: the first chunk is the speaker.

        What follows the name in that chunk is circumstance, not part of the subject:
        `says Bill as he sits ...`, `wrote Bush on his Facebook page`.
        """
        first = self._read_chunk(*chunks[0], pos)
        if not (first.speaker or first.kind):
            a, b = chunks[0]
            cut = _CIRCUMSTANCE_START.search(self.text, a, b)
            if cut and self.text[a : cut.start()].strip():
                chunks = [(a, cut.start()), *chunks[1:]]
                first = self._read_chunk(*chunks[0], pos)
        if not first.speaker and len(chunks) > 1:
            named = self._named_after_description(chunks, pos)
            if named is not None:
                chunks, first = [chunks[1]], named
        for m in self.names.mentions_between(*chunks[0]):
            if first.speaker and m.entity is not None and m.entity.name == first.speaker:
                m.subject = m.speaker = True
        if first.kind == PERSON and first.speaker and not first.role:
            return self._with_apposition_role(first, chunks, chunks[0])
        if first.speaker or first.kind:
            return first
        words = self.text[chunks[0][0] : chunks[0][1]].split()
        clause = clause_start().search(" ".join(words))  # "says the Russian plan is aimed at": no speaker
        if words and words[0].lower() in {"the", "a", "an"} and len(words) <= 6 and not clause:
            return Attribution(None, " ".join(words[1:]), None, ANON)  # "said the former firefighter"
        return NOBODY

    def _named_after_description(self, chunks: list[tuple[int, int]], pos: int) -> Attribution | None:
        """`said the group's spokesman, Ahmed Omar`, `says Weiss's mother, Dalia`: a description
        (a determiner or a possessor, then lower-case words) and the speaker's name as the next
        chunk; the description is the role. Only a chunk that is nothing but the name."""
        described = self.text[chunks[0][0] : chunks[0][1]]
        if not _DESCRIPTION.fullmatch(described):
            return None
        a, b = chunks[1]
        att = self._read_chunk(a, b, pos)
        if att.kind != PERSON or not att.speaker:
            return None
        persons = [m for m in self.names.mentions_between(a, b) if m.kind == PERSON]
        name_span = (persons[0].start, persons[0].end) if len(persons) == 1 else None
        bare = self.text[a:b].strip()
        if name_span is None and not (len(bare.split()) == 1 and bare == att.speaker):
            return None
        if name_span is not None and self.text[a:b].strip() != self.text[name_span[0] : name_span[1]].strip():
            if not re.fullmatch(r"\s*(?:[A-Z][a-z]{0,4}\.\s+)*", self.text[a : name_span[0]]) or self.text[name_span[1] : b].strip():
                return None  # only titles before the name, nothing after it
        role = clean_role(re.sub(r"^\s*(?:the|a|an)\s+", "", described, flags=re.IGNORECASE))
        return Attribution(att.speaker, att.role or role or None, att.cue, PERSON, att.how)

    def _name_heads(self, a: int, b: int) -> bool:
        first = next((m for m in self.names.mentions_between(a, b) if m.kind == PERSON and not m.reference), None)
        if first is None:
            return False
        lead = self.text[a : first.start].split()
        return all(w.lower() in DETERMINERS or w[:1].isupper() for w in lead)

    def _named_in(self, a: int, b: int) -> bool:
        return any(m.kind == PERSON and not m.reference for m in self.names.mentions_between(a, b))

    def _with_apposition_role(self, att: Attribution, chunks: list[tuple[int, int]], chosen: tuple[int, int]) -> Attribution:
        if att.role:
            return att
        for c in chunks:
            if c != chosen:
                role = clean_role(self.text[c[0] : c[1]])
                if role and not self._named_in(*c):
                    return Attribution(att.speaker, role, att.cue, att.kind)
        return att
