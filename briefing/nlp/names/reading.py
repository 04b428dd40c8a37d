"""One article's names read into mentions: people and organisations, full names registered first.

Surnames met after a full name ("De Mistura" after "Staffan de Mistura") are folded into
it; a capitalised word glued to a name ("Meet Kate Gosselin") is dropped when the article
shows it to be a common word. Resolving references (pronouns, titles) is index.py's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.nlp.names.keys import name_key, particle_surname, strip_possessive, surname_keys
from briefing.nlp.names.lexicon import name_lexicon
from briefing.nlp.names.mention import ORG, PERSON, Entity, Mention
from briefing.nlp.names.roles import (
    clean_role,
    has_role_noun,
    role_before,
    role_in_apposition,
)
from briefing.nlp.names.runs import RunReading, read_run, run_regex

_PREV_WORD = re.compile(r"([A-Za-z.]+)\s+$")
_PARTICIPLE = re.compile(r"[A-Z][a-z]{3,}ing")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_NOUN_AFTER = re.compile(r"['’]?s?[ \t]+[a-z]")
_ROLE_OBJECT = re.compile(r"\b([A-Za-z]+)[ \t]+(?:of|at|for)[ \t]+$")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_OFFICE_OF = re.compile(r"\b([A-Z][a-z]+)[ \t]+of[ \t]+(?:the[ \t]+)?$")
_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|inside|around|across|towards?|into)[ \t]+$")
_SEATED = frozenset({"embassy", "consulate", "mission", "bureau"})  # named with the city they sit in
_SEATED_IN = re.compile(r"[ \t]+in[ \t]+")
_SEAT_AFTER = re.compile(r"[ \t]+in[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’-]*)?")
_OF_LINK = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?")


@dataclass
class MentionIndex:
    """Every person and organisation mention of one article, with the entity each names.

    `text` should have quotations masked out so that names inside quoted speech
    do not count as the reporter's references.
    """

    text: str
    sentence_starts: Sequence[int]
    mentions: list[Mention] = field(default_factory=list)
    persons: dict[str, Entity] = field(default_factory=dict)  # key -> entity
    orgs: dict[str, Entity] = field(default_factory=dict)
    _surnames: dict[str, str] = field(default_factory=dict)  # surname key -> full-name key
    _genders: dict[str, str | None] = field(default_factory=dict)  # entity name -> m | f | None (cache)
    _by_name: dict[str, list[Mention]] | None = None  # mentions per entity name, built on first need
    _lower_words: frozenset[str] | None = None  # words the article writes in lower case
    _org_words: dict[str, tuple[list[int], list[Mention]]] | None = None  # see resolve_org_noun
    _titled: tuple[list[int], list[Mention]] | None = None  # see resolve_title

    def __post_init__(self) -> None:
        readings = self._read_runs()
        self._register_full_names(readings)
        self._build_mentions(readings)
        self._starts = [m.start for m in self.mentions]

    # construction
    def _read_runs(self) -> list[tuple[int, RunReading]]:
        out: list[tuple[int, RunReading]] = []
        prev_end = -1
        for m in run_regex().finditer(self.text):
            reading = read_run(m.group())
            if reading is not None and out and _SEATED_IN.fullmatch(self.text[prev_end : m.start()]):
                last_offset, last = out[-1]
                if last.kind == ORG and _SEATED.intersection(last.name.lower().split()) and reading.kind in (ORG, "single"):
                    # "the Embassy of Yemen in Washington": an embassy is named with its seat
                    start = last_offset + last.start
                    name = self.text[start : m.start() + reading.end]
                    out[-1] = (start, RunReading(ORG, name, 0, len(name)))
                    prev_end = m.end()
                    continue
            if reading is not None and out and _OF_LINK.fullmatch(self.text[prev_end : m.start()]):
                last_offset, last = out[-1]
                if last.kind == ORG and (reading.kind != PERSON or reading.role is None):
                    # "Department of Homeland Security", "Ministry of Foreign Affairs": one organisation
                    start = last_offset + last.start
                    name = self.text[start : m.end()]
                    out[-1] = (start, RunReading(ORG, name, 0, len(name)))
                    prev_end = m.end()
                    continue
            if reading is not None and reading.kind == PERSON and reading.role is None:
                at = m.start() + reading.start
                if _THE_BEFORE.search(self.text[max(0, at - 5) : at]) and not _NOUN_AFTER.match(self.text, m.end()):
                    # "according to the Fresno Bee": people do not take "the"; "the Joe Biden era" is kept
                    reading = RunReading(ORG, reading.name, reading.start, reading.end)
            office = _OFFICE_OF.search(self.text, max(0, m.start() - 30), m.start())
            if office and office.group(1).lower() in name_lexicon().titles:
                reading = self._after_office(m.group(), office.group()) or reading
            if reading is not None and reading.kind in ("other", "single") and _ACRONYM.fullmatch(reading.name):
                reading = self._acronym(m.start(), reading, out[-1] if out else None)
            if reading is not None:
                out.append((m.start(), reading))
            prev_end = m.end()
        out.extend(self._lowercase_orgs())
        out.sort(key=lambda item: item[0] + item[1].start)
        return self._places_as_places(self._trim_glued(out))

    def _places_as_places(self, readings: list[tuple[int, RunReading]]) -> list[tuple[int, RunReading]]:
        """"near Tal Abyad", "in Ras al-Ayn": a name the article puts after a preposition of place
        is a place wherever it is written, not a person (who would then be "he" or a speaker).
        Not after "from" or "at" ("a letter from Obama", "aimed at Putin"), nor a possessive."""
        places: set[str] = set()
        for offset, r in readings:
            if r.kind != PERSON or r.role is not None:
                continue
            start, end = offset + r.start, offset + r.end
            if _PLACE_BEFORE.search(self.text, max(0, start - 10), start) and self.text[end : end + 1] not in "'’":
                places.add(name_key(r.name))
        if not places:
            return readings
        return [
            (offset, RunReading(ORG, r.name, r.start, r.end)) if r.kind == PERSON and name_key(r.name) in places else (offset, r)
            for offset, r in readings
        ]

    def _after_office(self, run: str, office: str) -> RunReading | None:
        """"Secretary of State Kerry", "Minister of Foreign Affairs Sergei Lavrov": the run after
        "<title> of" opens with what the office is of; the name is what follows it."""
        tokens = [(t.group(), t.start()) for t in re.finditer(r"\S+", run)]
        portfolio = name_lexicon().portfolio_words
        n = 0
        while n < len(tokens) - 1 and tokens[n][0].lower() in portfolio:
            n += 1
        if n == 0:
            return None
        start = tokens[n][1]
        word, _ = strip_possessive(tokens[-1][0])
        end = tokens[-1][1] + len(word)
        role = (office + run[:start]).strip()
        return RunReading(PERSON, run[start:end], start, end, role)

    def _acronym(self, at: int, reading: RunReading, last: tuple[int, RunReading] | None) -> RunReading:
        """"the SDF", "Syrian Democratic Forces (SDF)": an organisation's initials, never a person.

        Defined in brackets after the organisation's name, the initials name that
        organisation in the rest of the article; after "the" they name one as written.
        Otherwise an all-capital word is left alone ("CLOSE", "UPDATE": page furniture).
        """
        start = at + reading.start
        if last is not None and last[1].kind == ORG and re.fullmatch(r"\s*\(", self.text[last[0] + last[1].end : start]):
            full = last[1].name
            entity = self.orgs.setdefault(name_key(full), Entity(full, ORG))
            self.orgs.setdefault(name_key(reading.name), entity)
            return RunReading(ORG, reading.name, reading.start, reading.end)
        if _THE_BEFORE.search(self.text[max(0, start - 5) : start]):
            return RunReading(ORG, reading.name, reading.start, reading.end)
        return reading

    def _trim_glued(self, readings: list[tuple[int, RunReading]]) -> list[tuple[int, RunReading]]:
        """Drop a word glued to the front of a name: "Meet Kate Gosselin", "curator of Mammals Kevin Rowe".

        Capitals alone cannot tell "Meet" from "Kate", so the article decides: the
        shorter name stands on its own elsewhere, the first word is a common word the
        article also writes in lower case at a sentence start, or the run is the object
        of a role ("leader at Westminster Ian Blackford").
        """
        names = {name_key(r.name) for _, r in readings if r.kind == PERSON and not particle_surname(r.name)}
        out = []
        for offset, r in readings:
            words = r.name.split()
            start = offset + r.start
            opener = len(words) >= 2 and _PARTICIPLE.fullmatch(words[0]) is not None
            if r.kind == PERSON and opener and self.sentence_initial_common(start, words[0]):
                # "Saying Russian troops were near": a verb opening the sentence, not a first name
                tail_at = r.name.index(words[1], len(words[0]))
                kind = PERSON if len(words) >= 3 else "single"
                r = RunReading(kind, r.name[tail_at:], r.start + tail_at, r.end, r.role)
                words, start = words[1:], offset + r.start
            if r.kind == PERSON and r.role is None and len(words) >= 3 and words[0][:1].isupper():
                tail_at = r.name.index(words[1], len(words[0]))
                if (
                    name_key(r.name[tail_at:]) in names
                    or self.sentence_initial_common(start, words[0])
                    or self._object_of_role(start)
                ):
                    r = RunReading(PERSON, r.name[tail_at:], r.start + tail_at, r.end, r.role)
            out.append((offset, r))
        return out

    def _sentence_initial(self, start: int) -> bool:
        i = self.sentence_of(start)
        return not self.text[self.sentence_starts[i] : start].strip(" \t\n\"“‘'(—–-#")

    def sentence_initial_common(self, start: int, word: str) -> bool:
        """`word` opens a sentence here and the article also writes it in lower case: a common word."""
        if not self._sentence_initial(start):
            return False
        if self._lower_words is None:
            self._lower_words = frozenset(re.findall(r"\b[a-z][a-z'’-]*\b", self.text))
        return word.lower() in self._lower_words

    def _object_of_role(self, start: int) -> bool:
        m = _ROLE_OBJECT.search(self.text[max(0, start - 60) : start])
        if not m:
            return False
        lex = name_lexicon()
        noun = m.group(1).lower()
        return noun in lex.role_nouns and noun not in lex.female_words | lex.male_words

    def _lowercase_orgs(self) -> list[tuple[int, RunReading]]:
        """"the Syrian army", "the Sudanese foreign ministry": a capitalised modifier and an org noun."""
        lex = name_lexicon()
        found = []
        pattern = r"\b(?:[Tt]he|[Aa]n?)\s+((?:[A-Z][\w.'’-]*\s+)+)((?:[a-z]+\s+){0,2}[a-z]+)"
        for m in re.finditer(pattern, self.text):
            tail = m.group(2).split()
            at = next((i for i, w in enumerate(tail) if w in lex.org_words), None)
            if at is None or tail[at] in {"group", "state", "states", "nations", "house"}:
                continue
            name = m.group(1) + " ".join(tail[: at + 1])
            seat = _SEAT_AFTER.match(self.text, m.start(1) + len(name)) if tail[at] in _SEATED else None
            if seat:  # "the U.S. embassy in Cairo"
                name = self.text[m.start(1) : seat.end()]
            found.append((m.start(1), RunReading(ORG, name, 0, len(name))))
        return found

    def _register_full_names(self, readings: list[tuple[int, RunReading]]) -> None:
        for offset, r in readings:
            if r.kind != PERSON:
                continue
            key = name_key(r.name)
            if key in self._surnames or key in self.persons:
                continue  # "De Mistura" after "Staffan de Mistura"
            start = offset + r.start
            role = role_before(self.text, start) or role_in_apposition(self.text, start, offset + r.end) or r.role
            self.persons[key] = Entity(r.name, PERSON, clean_role(role) if role else None)
            for sk in surname_keys(r.name):
                self._surnames.setdefault(sk, key)

    def _build_mentions(self, readings: list[tuple[int, RunReading]]) -> None:
        for offset, r in readings:
            start, end = offset + r.start, offset + r.end
            entity = self.lookup(r.name, r.kind)
            if entity is None and r.kind == "single" and r.role:
                entity = Entity(r.name, PERSON, r.role)
            if entity is None and r.kind == "single" and "-" not in r.name:
                prev = _PREV_WORD.search(self.text[max(0, start - 40) : start])
                role = role_before(self.text, start) if prev and has_role_noun(prev.group(1)) else None
                if role:
                    entity = Entity(r.name, PERSON, clean_role(role))
                    self.persons.setdefault(name_key(r.name), entity)
            if entity is None:
                continue
            self.mentions.append(Mention(start, end, self.text[start:end], entity.kind, entity=entity))

    # look-ups
    def lookup(self, surface: str, kind: str | None = None) -> Entity | None:
        """The entity a written name refers to: full name, surname, or organisation."""
        surface = surface.strip()
        if surface[:4].lower() == "the ":
            surface = surface[4:]
        surface = strip_possessive(surface)[0]
        key = name_key(surface)
        if key in self.persons:
            return self.persons[key]
        if key in self._surnames:
            return self.persons[self._surnames[key]]
        if kind in (ORG, None) and key in self.orgs:
            return self.orgs[key]
        if kind == ORG:
            entity = Entity(surface[0].upper() + surface[1:], ORG)
            self.orgs[key] = entity
            return entity
        if kind == PERSON:
            return self.persons.get(key)
        return None

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def _sentence_end(self, s: int) -> int:
        return self.sentence_starts[s + 1] if s + 1 < len(self.sentence_starts) else len(self.text)

    def mark_subject(self, mention: Mention) -> None:
        mention.subject = True

    def person_names(self) -> list[str]:
        return [e.name for e in self.persons.values()]

    def person_roles(self) -> dict[str, str]:
        return {e.name: e.role for e in self.persons.values() if e.role}

    def counts(self) -> dict[str, int]:
        """Mentions per entity name: how prominent each speaker is in this article."""
        out: dict[str, int] = {}
        for m in self.mentions:
            if m.entity is not None:
                out[m.entity.name] = out.get(m.entity.name, 0) + 1
        return out
