"""Who a later reference points to: a pronoun, "the envoy", "the ministry".

Centering-style: subjects before objects, the nearest sentence first, and a candidate
the article shows to be of the other gender passed over only within its own sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from briefing.nlp.names.keys import name_key
from briefing.nlp.names.mention import ANON, JOINT, ORG, PERSON, PRONOUNS_ORG, PRONOUNS_PERSON, Entity, Mention
from briefing.nlp.names.reading import MentionIndex
from briefing.nlp.names.roles import (
    FEMALE,
    HONORIFIC_BEFORE,
    HONORIFIC_GENDER,
    MALE,
    PRONOUN_GENDER,
    PRONOUN_WORD,
    gender_of_words,
    role_before,
)


class NameIndex(MentionIndex):
    """The mentions of one article, and what each later reference resolves to.

    `text` should have quotations masked out so that names inside quoted speech
    do not count as the reporter's references.
    """

    def candidates_before(self, pos: int, kinds: frozenset[str], max_sentences: int = 6) -> Iterable[Mention]:
        """Antecedent candidates, most likely first.

        Centering-style order: the subjects of the current sentence (nearest first),
        the subjects of the previous sentence (the speaker of a speech cue first: after
        "..., which Mladenov says ...", a "he said" is Mladenov's, not the clause's
        subject), the non-subjects of the previous sentence ("The video shows Cantlie
        ..." makes Cantlie nearer than a subject three sentences back), the subjects of
        older sentences, and last the non-subjects of the current sentence: an object
        in between ("he told CNN's Matt Lauer", "He called his debate with O'Reilly ...
        where he told") must not capture the pronoun.
        """
        here = self.sentence_of(pos)
        own_objects: list[Mention] = []
        for s in range(here, max(-1, here - max_sentences), -1):
            s_start = self.sentence_starts[s]
            s_end = self.sentence_starts[s + 1] if s + 1 < len(self.sentence_starts) else len(self.text)
            found = [m for m in self.mentions_between(s_start, min(s_end, pos)) if m.kind in kinds]
            subjects = [m for m in found if m.subject]
            if s == here:
                yield from reversed(subjects)
                own_objects = [m for m in reversed(found) if not m.subject]
                continue
            yield from sorted(subjects, key=lambda m: not m.speaker)
            if s == here - 1:
                yield from (m for m in found if not m.subject)
        yield from own_objects
    def add_person(self, start: int, end: int, name: str) -> Mention:
        """A person the run reader could not tell from a word ("Collins said"), once a cue shows it speaks."""
        entity = self.persons.setdefault(name_key(name), Entity(name, PERSON))
        m = Mention(start, end, self.text[start:end], PERSON, entity=entity, subject=True)
        i = bisect.bisect_left(self._starts, start)
        self.mentions.insert(i, m)
        self._starts.insert(i, start)
        self._genders.pop(entity.name, None)
        if self._by_name is not None:
            self._by_name.setdefault(entity.name, []).append(m)
        if self._titled is not None and entity.role:
            at = bisect.bisect_left(self._titled[0], start)
            self._titled[0].insert(at, start)
            self._titled[1].insert(at, m)
        return m

    def add_reference(self, start: int, end: int, entity: Entity) -> Mention:
        """"The vice president (said)", resolved to a person: a mention of that person here, so
        that a later "he" finds him. Idempotent: a subject read twice is registered once."""
        i = bisect.bisect_left(self._starts, start)
        if i < len(self.mentions) and self._starts[i] == start and self.mentions[i].entity == entity:
            return self.mentions[i]
        m = Mention(start, end, self.text[start:end], entity.kind, entity=entity, subject=True, reference=True)
        self.mentions.insert(i, m)
        self._starts.insert(i, start)
        if self._by_name is not None:
            self._by_name.setdefault(entity.name, []).append(m)
        if self._titled is not None and entity.role and entity.kind == PERSON:
            at = bisect.bisect_left(self._titled[0], start)
            self._titled[0].insert(at, start)
            self._titled[1].insert(at, m)
        if self._org_words is not None and entity.kind == ORG:
            for w in set(entity.name.lower().split()):
                starts, found = self._org_words.setdefault(w, ([], []))
                at = bisect.bisect_left(starts, start)
                starts.insert(at, start)
                found.insert(at, m)
        return m

    def add_anonymous(self, start: int, end: int, role: str, subject: bool = True, entity: Entity | None = None) -> Mention:
        """Register "a senior official" so that a later "he" resolves to nobody, not to an earlier name
        (or to the organisation the official speaks for: `entity`)."""
        surface = self.text[start:end]
        last = surface.split()[-1].lower() if surface.split() else ""
        # an unresolved "he" is still a man: a later "she" must not stop at him
        gender = gender_of_words(role) or PRONOUN_GENDER.get(last) if last in ("he", "she") else gender_of_words(role)
        m = Mention(start, end, surface, ANON, entity=entity, subject=subject, gender=gender)
        i = bisect.bisect_left(self._starts, start)
        self.mentions.insert(i, m)
        self._starts.insert(i, start)
        return m

    def resolve_pronoun(self, pronoun: str, pos: int, exclude: frozenset[str] = frozenset()) -> Mention | None:
        """`exclude`: names the pronoun cannot stand for ("Trump, he said, ..." is not Trump's)."""
        low = pronoun.lower()
        if low in PRONOUNS_PERSON:
            return self._gendered_antecedent(PRONOUN_GENDER[low], pos, exclude)
        if low in PRONOUNS_ORG:  # "it" is too often not a speaker: only a recent subject
            return next((m for m in self.candidates_before(pos, frozenset({ORG}), 3) if m.subject), None)
        # "they": a group that was the subject of a recent sentence, never an object in passing
        # ("... a formal request to Syria. “...,” they said" is not Syria's)
        return next((m for m in self.candidates_before(pos, frozenset({ORG, ANON, JOINT}), 3) if m.subject), None)

    def _gendered_antecedent(self, want: str, pos: int, exclude: frozenset[str] = frozenset()) -> Mention | None:
        """The best candidate the article does not show to be of the other gender.

        Passing over a candidate of the other gender is safe only within its own
        sentence ("Putin met Merkel. She said" -> Merkel); reaching further back
        than it guesses at a person the text has moved away from, so: nobody.
        """
        passed: int | None = None
        for m in self.candidates_before(pos, frozenset({PERSON, ANON})):
            if m.entity is not None and m.entity.name in exclude:
                continue
            gender = self.gender_of(m)
            if gender is not None and gender != want:
                passed = self.sentence_of(m.start) if passed is None else passed
                continue
            if passed is not None and self.sentence_of(m.start) < passed:
                return None
            return m
        return None

    def gender_of(self, m: Mention) -> str | None:
        """What the article says about a person's gender: Mr/Ms, "spokeswoman", her/his next to the name."""
        if m.entity is None or m.kind == ANON:  # an unnamed spokesman of an organisation: his own gender
            return m.gender
        name = m.entity.name
        if name not in self._genders:
            self._genders[name] = self._gender_evidence(name)
        return self._genders[name]

    def _gender_evidence(self, name: str) -> str | None:
        votes = {MALE: 0, FEMALE: 0}
        role_gender = gender_of_words(self.persons.get(name_key(name), Entity(name, PERSON)).role)
        if role_gender:
            votes[role_gender] += 3
        if self._by_name is None:
            self._by_name = {}
            for m in self.mentions:
                if m.entity is not None:
                    self._by_name.setdefault(m.entity.name, []).append(m)
        for m in self._by_name.get(name, ()):
            h = HONORIFIC_BEFORE.search(self.text[max(0, m.start - 8) : m.start])
            if h:
                votes[HONORIFIC_GENDER[h.group(1).lower()]] += 3
            g = gender_of_words(role_before(self.text, m.start)) if m.start else None
            if g:
                votes[g] += 3
            g = self._pronoun_vote(m)
            if g:
                votes[g] += 1
        male, female = votes[MALE], votes[FEMALE]
        if male > 0 and male >= 3 * female:
            return MALE
        if female > 0 and female >= 3 * male:
            return FEMALE
        return None

    def _pronoun_vote(self, m: Mention) -> str | None:
        """"Bunch said her ..." -> f: pronouns after the only person named in a sentence."""
        i = self.sentence_of(m.start)
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        others = [
            o for o in self.mentions_between(self.sentence_starts[i], end) if o.kind in (PERSON, ANON) and o.entity is not m.entity
        ]
        if others:
            return None
        found = {PRONOUN_GENDER[w.lower()] for w in PRONOUN_WORD.findall(self.text[m.end : end])}
        if not found and i + 1 < len(self.sentence_starts):  # "Sesay joined in 2015. She rose quickly."
            nxt_end = self.sentence_starts[i + 2] if i + 2 < len(self.sentence_starts) else len(self.text)
            opener = re.match(r"\s*(He|She)\b", self.text[end:nxt_end])
            if opener and not any(o.kind in (PERSON, ANON) for o in self.mentions_between(end, nxt_end)):
                found = {PRONOUN_GENDER[opener.group(1).lower()]}
        return next(iter(found)) if len(found) == 1 else None

    def resolve_title(self, word: str, pos: int) -> Mention | None:
        """"the envoy" -> the latest person whose stated role contains "envoy"."""
        role_re = re.compile(rf"\b{re.escape(word.lower())}")
        pool = self._titled_pool()
        return self._latest(pool, pos, lambda m: bool(m.entity and role_re.search((m.entity.role or "").lower())))

    def resolve_org_noun(self, word: str, pos: int) -> Mention | None:
        """"the ministry" -> the latest organisation whose name contains "ministry"."""
        pool = self._org_word_pool().get(word.lower())
        return self._latest(pool, pos, lambda m: True) if pool else None

    # "the envoy", "the ministry" may point back to anywhere in the article: looking through
    # every sentence for each of them is quadratic in its length, so the mentions that can
    # match are kept apart (sorted by start) and `_latest` walks only those.
    def _org_word_pool(self) -> dict[str, tuple[list[int], list[Mention]]]:
        """Organisation mentions by each word of their name (organisations are all known up front)."""
        if self._org_words is None:
            self._org_words = {}
            for m in self.mentions:
                if m.kind == ORG and m.entity:
                    for w in set(m.entity.name.lower().split()):
                        starts, found = self._org_words.setdefault(w, ([], []))
                        starts.append(m.start)
                        found.append(m)
        return self._org_words

    def _titled_pool(self) -> tuple[list[int], list[Mention]]:
        """Mentions of people with a stated role (kept up to date by add_person)."""
        if self._titled is None:
            found = [m for m in self.mentions if m.kind == PERSON and m.entity and m.entity.role]
            self._titled = ([m.start for m in found], found)
        return self._titled

    def _latest(self, pool: tuple[list[int], list[Mention]], pos: int, accept: Callable[[Mention], bool]) -> Mention | None:
        """The first mention of `pool` that `accept`s, in the order of `candidates_before(pos, ...)`
        over all sentences: subjects of this sentence, nearest first; the subjects of the sentence
        before (a speaker first), then its non-subjects (in order); the subjects of the nearest
        older sentence that has one (a speaker first); then the non-subjects of this sentence."""
        starts, found = pool
        if not self.sentence_starts:
            return None
        here = self.sentence_of(pos)
        first = bisect.bisect_left(starts, self.sentence_starts[0])
        lo = bisect.bisect_left(starts, self.sentence_starts[here])
        hi = max(lo, bisect.bisect_left(starts, min(self._sentence_end(here), pos)))
        for i in range(hi - 1, lo - 1, -1):
            if found[i].subject and accept(found[i]):
                return found[i]
        p_lo = bisect.bisect_left(starts, self.sentence_starts[here - 1]) if here >= 1 else lo
        best = _first_subject(found[p_lo:lo], accept) or next(
            (m for m in found[p_lo:lo] if not m.subject and accept(m)), None
        )
        if best is not None:
            return best
        for i in range(p_lo - 1, first - 1, -1):
            if found[i].subject and accept(found[i]):
                s = self.sentence_of(found[i].start)  # the nearest such sentence: a speaker, else its first subject
                s_lo = bisect.bisect_left(starts, self.sentence_starts[s])
                return _first_subject(found[s_lo : i + 1], accept)
        for i in range(hi - 1, lo - 1, -1):
            if not found[i].subject and accept(found[i]):
                return found[i]
        return None


def _first_subject(mentions: list[Mention], accept: Callable[[Mention], bool]) -> Mention | None:
    """The speaker of a cue among `mentions` (in order), else the first subject."""
    subjects = [m for m in mentions if m.subject and accept(m)]
    return next((m for m in subjects if m.speaker), subjects[0] if subjects else None)
