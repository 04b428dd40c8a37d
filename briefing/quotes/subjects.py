"""The speaker of each speech cue: the subject of its verb, read from the words before it.

Cues are resolved lazily, in text order, within a window of sentences before a
quotation (later resolutions look back at earlier subjects). A participle or an
`and said` takes the subject of its clause; `according to X` reads its subject
after the cue; "issued a statement" records who issued what, so that a later
"the statement said" has a speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from briefing.models import Article
from briefing.nlp.names.mention import ANON, ORG, PERSON, Mention
from briefing.nlp.names.roles import has_role_noun
from briefing.nlp.vocab import is_common_word
from briefing.quotes.cues import MASK, Cue, CueLexicon
from briefing.quotes.evidence import PRONOUN
from briefing.quotes.marks import QuoteSpan
from briefing.quotes.phrases import PhraseReader
from briefing.quotes.wording import (
    NOBODY,
    Attribution,
    from_mention,
    is_coordination,
    noun_key,
    only_adverbial,
    phrase_end,
    plausible_subject_start,
    starts_adverbial,
    strip_trailing_skips,
    title_words,
    titled,
    with_cue,
)

_NOUN_BEFORE = re.compile(r"(?:\b(?:[Tt]he|an?|his|her|its|their|our|these|those)|\w['’]s)\s+$")


_PASSIVE = re.compile(r"\s+(?:was|were|is|are|(?:has|have|had)\s+been)\s*$")


_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


# one capitalised word, then a verb in the past or the present: "McConnell referenced", "Lind warns"
_BARE_SUBJECT = re.compile(r"\s*([A-Z][\w-]+)\s+(?:[a-z]+ly\s+)?[a-z]{3,}(?:ed|es|s)\b")


_NAMING = re.compile(r"\s+(?:himself|herself|themselves|itself)\s+[A-Z]")


WINDOW = 8  # sentences of look-back that cue subjects are resolved in


class CueSubjects(PhraseReader):
    """Every cue of the article and, on demand, its speaker."""

    def __init__(self, article: Article, spans: Sequence[QuoteSpan], lexicon: CueLexicon) -> None:
        super().__init__(article, spans, lexicon)
        self.cues = self._find_cues()
        self._cue_starts = [c.start for c in self.cues]
        self._span_afters = [s.after for s in self.spans]
        self._subjects: dict[int, Attribution] = {}
        self._next_cue = 0  # cues before this index are done (or lie outside every window)
        self._mark_sentence_subjects()
        self._note_statement_verbs()

    def _subject(self, cue: Cue) -> Attribution:
        """The cue's speaker, working out every cue of the look-back window first.

        Cues are resolved lazily, in text order, and only within `WINDOW` sentences
        before a quotation: later resolutions look back at earlier subjects, and a long
        article with few quotes does not pay for the cues far from them.
        """
        if cue.start not in self._subjects:
            self._resolve_through(cue.start)
        return self._subjects.get(cue.start, NOBODY)

    def _resolve_through(self, pos: int) -> None:
        here = bisect.bisect_right(self.starts, pos) - 1
        window_start = self.starts[max(0, here - WINDOW)]
        i = max(self._next_cue, bisect.bisect_left(self._cue_starts, window_start))
        _, end = self.sentence_bounds(pos)
        while i < len(self.cues) and self.cues[i].start < end:
            cue = self.cues[i]
            self._subjects[cue.start] = att = self._subject_of(cue)
            self._mark_cue_subject(cue, att)
            self._note_statement_owner(cue)
            i += 1
        self._next_cue = max(self._next_cue, i)

    # --- set-up -------------------------------------------------------------------
    def _find_cues(self) -> list[Cue]:
        """Cue verbs, plus "issued a statement" phrases, which introduce quotations too."""
        cues = []
        for m in self.lex.regex.finditer(self.text):
            a, b = m.span()
            if self.text[a - 1 : a] == "-" or self.text[b : b + 1] == "-":
                continue  # so-called, said-to-be
            if _NOUN_BEFORE.search(self.text, max(0, a - 12), a):
                continue  # "the government's claim", "his calls for": nouns, not speech verbs
            if _NAMING.match(self.text, b):
                continue  # "who calls himself Fyrare": a name given, no speech
            cues.append(Cue(a, b, m.group()))
        taken = {c.start for c in cues}
        for m in self.lex.statement_verb_regex.finditer(self.text):
            if m.start() not in taken:
                cues.append(Cue(m.start(), m.end(), m.group().split()[0]))
        cues.sort(key=lambda c: c.start)
        return cues

    def _mark_sentence_subjects(self) -> None:
        for i, s in enumerate(self.starts):
            end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
            mentions = self.names.mentions_between(s, end)
            if not mentions:
                continue
            first = self._first_subject(s, mentions)
            if first is not None:
                mentions = mentions[mentions.index(first) :]
                mentions[0].subject = True  # "Ms. Kallas said", "On Monday, Russian President Putin said"
                # "Army spokesman Brig. Gen. Nabil Abdallah", "Sudan's army chief, Gen. Burhan,":
                # the person the organisation qualifies
                if len(mentions) > 1 and mentions[0].kind == ORG and mentions[1].kind == PERSON:
                    between = self.text[mentions[0].end : mentions[1].start]
                    if all(w[:1].isupper() or has_role_noun(w) for w in between.split()) or title_words(between):
                        mentions[1].subject = True

    def _first_subject(self, s: int, mentions: list[Mention]) -> Mention | None:
        """The mention that opens the main clause: the first one, or the first after an opening
        clause ("But after speaking with Obama in Cairo, Morsy criticized ...": Morsy)."""
        for m in mentions:
            if re.match(r"['’]s?\s", self.text[m.end : m.end + 3]):
                continue  # "President Obama's adviser, Susan Rice,": the possessor describes the subject
            prefix = self.text[s : m.start]
            if only_adverbial(prefix) or m.kind == PERSON and titled(prefix):
                return m
            if not starts_adverbial(prefix):
                return None
            opener = prefix.rstrip().rstrip("\"”’")
            if opener.endswith((",", MASK)) and opener != prefix.rstrip() or opener.endswith(","):
                head, _, tail = prefix.rstrip().rpartition(",") if opener.endswith(",") else (opener, "", "")
                if not tail.strip() or m.kind == PERSON and titled(tail):
                    return m
        return None

    def _note_statement_owner(self, cue: Cue) -> None:
        s, e = self.sentence_bounds(cue.start)
        att = self._subjects.get(cue.start)
        # the cue's own statement: "X said in a statement", "X's letter said"; not another cue's
        # further on ("X told the girl ..., but she told her aunt, the lawsuit said")
        i = bisect.bisect_right(self._cue_starts, cue.start)
        stop = min(e, cue.end + 60)
        if i < len(self.cues) and self.cues[i].start < stop:  # the next cue's subject is its own
            comma = self.text.rfind(",", cue.end, self.cues[i].start)
            stop = comma if comma >= 0 else self.cues[i].start
        noun = self.lex.statement_regex.search(self.text, max(s, cue.start - 60), stop) if att and att.speaker else None
        if att and noun:
            bisect.insort(self._owners, (cue.start, att, noun_key(noun.group())), key=lambda item: item[0])

    def _note_statement_verbs(self) -> None:
        for m in self.lex.statement_verb_regex.finditer(self.text):
            s, _ = self.sentence_bounds(m.start())
            att = self._read_phrase(s, m.start(), m.start())
            if att.speaker:
                self._owners.append((m.start(), att, noun_key(m.group().split()[-1])))
        self._owners.sort(key=lambda item: item[0])

    # --- subjects of cues -----------------------------------------------------------
    def _subject_of(self, cue: Cue) -> Attribution:
        s, e = self.sentence_bounds(cue.start)
        if cue.subject_after:
            att = self._read_phrase(cue.end, phrase_end(self.text, cue.end, e), cue.start, inverted=True)
            return with_cue(att, "according to")
        left_start = s
        prev = self._previous_cue(cue, s)
        if prev is not None and not prev.subject_after:
            left_start = max(left_start, prev.end)
        q = bisect.bisect_right(self._span_afters, cue.start) - 1
        if q >= 0 and self._span_afters[q] > left_start:
            left_start = self._span_afters[q]
            lead = self.text[left_start : cue.start]
            if not plausible_subject_start(lead) and re.match(r"\s*[a-z][\w .'’-]*,", lead):  # the quoted sentence goes on:
                left_start += lead.index(",") + 1  # "“...” against Brenner, officials said": no subject
        clause = max(self.text.rfind(": ", left_start, cue.start), self.text.rfind("; ", left_start, cue.start))
        if clause >= 0:
            left_start = clause + 2  # "... involve DNA: Paul Cates, a spokesman for X, told me"
        left = self.text[left_start : cue.start]
        core = strip_trailing_skips(left) if not left.rstrip().endswith(",") else left
        if cue.form in self.lex.passive_quoted_verbs:
            core = _PASSIVE.sub("", core)  # "she was quoted ... as saying": she speaks
        if cue.form in self.lex.written_verbs and not self.lex.statement_regex.search(core[-60:]):
            return NOBODY  # "a sign that read", "the banner reads": no one speaks
        if cue.participle or core.strip() and is_coordination(core):  # nothing before: an inverted cue
            main = self._new_clause_subject(prev.end, cue.start) if prev is not None else None
            if main is not None:  # "Where Trump has called it a hoax, Perry has gone further, asserting"
                return with_cue(main, cue.form)
            if prev is not None and prev.start in self._subjects and not prev.subject_after:
                return with_cue(self._subjects[prev.start], cue.form)  # resolved: same sentence, earlier
            return with_cue(self.sentence_subject(s, cue.start), cue.form)
        end = left_start + len(core.rstrip())
        att = self._read_phrase(left_start, end, cue.start)
        if not (att.speaker or att.kind) and left.rstrip().endswith(","):
            inverted = self._reported_clause_speaker(cue, e)
            if inverted is not None:
                return inverted
        if not (att.speaker or att.kind) and prev is not None and left_start == prev.end:
            return self._subject_of_unbounded(cue, s)  # the earlier cue sat in a clause: "who asked not to be named"
        if not (att.speaker or att.kind) and left_start == s and re.match(r"\s*(?:He|She|It|They)\s+\w+", left):
            att = self.sentence_subject(s, cue.start)  # "He was proud to add, ..."
        if att.kind == ANON:  # so that a later "he" finds this nameless speaker, not an older name
            self.names.add_anonymous(left_start, end, att.role or "")
        return with_cue(att, cue.form)

    def _reported_clause_speaker(self, cue: Cue, e: int) -> Attribution | None:
        """"Marches turned violent across the country, said Piet Amsel, president of ...": a
        reported clause, then an inverted cue whose speaker is the name right after it (and only
        a name closing its chunk: "..., said Putin was wrong" is no inverted cue)."""
        if cue.participle or cue.form in self.lex.listener_verbs:
            return None
        after = self.names.mentions_between(cue.end, min(e, cue.end + 80))
        if not after or after[0].kind not in (PERSON, ORG):
            return None
        lead = self.text[cue.end : after[0].start]
        if lead.strip() and not titled(lead):
            return None
        if not re.match(r"\s*(?:[,.;]|$)", self.text[after[0].end : e]):
            return None
        att = self._read_phrase(cue.end, phrase_end(self.text, cue.end, e), cue.start, inverted=True)
        return with_cue(att, cue.form) if att.speaker else None

    def _new_clause_subject(self, a: int, b: int) -> Attribution | None:
        """A person opening a new clause between an earlier cue and a participle takes it over."""
        for m in reversed(self.names.mentions_between(a, b)):
            before = self.text[a : m.start].rstrip()
            opens_clause = before[-1:] in (",", MASK, "”", '"', "’")
            if m.kind == PERSON and not m.reference and opens_clause and re.match(r"\s+[a-z]+", self.text[m.end : b]):
                return from_mention(m)
        return None

    def _subject_of_unbounded(self, cue: Cue, s: int) -> Attribution:
        left_start = s
        q = bisect.bisect_right(self._span_afters, cue.start) - 1
        if q >= 0 and self._span_afters[q] > left_start:
            left_start = self._span_afters[q]
        left = self.text[left_start : cue.start]
        core = strip_trailing_skips(left) if not left.rstrip().endswith(",") else left
        att = self._read_phrase(left_start, left_start + len(core.rstrip()), cue.start)
        if att.kind == ANON:
            self.names.add_anonymous(left_start, left_start + len(core.rstrip()), att.role or "")
        return with_cue(att, cue.form)

    def _mark_cue_subject(self, cue: Cue, att: Attribution) -> None:
        """The speaker of a cue is a subject: it is what a later "he" or "the envoy" refers to."""
        if not att.speaker:
            return
        s, e = self.sentence_bounds(cue.start)
        lo, hi = (cue.end, e) if cue.subject_after else (s, cue.start)
        for m in reversed(self.names.mentions_between(lo, hi)):
            if m.entity is not None and m.entity.name == att.speaker:
                m.subject = m.speaker = True
                return
        if att.how == PRONOUN and att.kind == PERSON and not cue.subject_after:
            # "He says ...": the pronoun stands for the person here, so that the "he" of the
            # next sentence finds the same person, not the one the chain started from
            he = _SUBJECT_PRONOUN.search(self.text, lo, hi)
            entity = self.names.lookup(att.speaker, PERSON)
            if he is not None and entity is not None:
                self.names.add_reference(he.start(), he.end(), entity).speaker = True

    def _previous_cue(self, cue: Cue, sentence_start: int) -> Cue | None:
        i = bisect.bisect_left(self._cue_starts, cue.start) - 1
        if i >= 0 and self.cues[i].start >= sentence_start:
            return self.cues[i]
        return None

    def sentence_subject(self, start: int, limit: int) -> Attribution:
        """The subject of the main clause: `De Mistura laid out ..., saying:` -> De Mistura."""
        text = self.text[start:limit]
        chunk_start = start
        first = re.match(r"\s*([^,;]*),", text)
        if first and starts_adverbial(first.group(1)):
            chunk_start = start + first.end()
        rest = self.text[chunk_start:limit]
        m = re.match(r"\s*(?:(?:But|And|Yet|So|Still)\s+)?(He|She|They|he|she|they)\b", rest)  # "it took hours": no one
        if m:
            return self._resolve_pronoun(m.group(1), chunk_start + m.start(1))
        opener = self._first_subject(start, [m for m in self.names.mentions_between(start, limit) if m.kind != ANON])
        if opener is not None and opener.start >= chunk_start:
            return from_mention(opener)  # "In a statement chiding Trump, McConnell referenced ..., noting"
        bare = _BARE_SUBJECT.match(rest)
        if bare and not is_common_word(bare.group(1)) and not has_role_noun(bare.group(1)):  # "..., McConnell referenced"
            att = self._bare_name(bare.group(1), chunk_start + bare.start(1))
            if att.kind == PERSON:
                return att
        head = re.match(r"\s*((?:[Tt]he|[Aa]n?)\s+(?:[\w.'’-]+\s+){0,3}?[\w-]+)\b", rest)
        if head and has_role_noun(head.group(1)):
            return self._read_chunk(chunk_start + head.start(1), chunk_start + head.end(1), chunk_start)
        return NOBODY
