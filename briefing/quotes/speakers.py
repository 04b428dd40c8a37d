"""Who said it: attribution of each quotation in one article.

Wire copy attributes quotations in a handful of shapes, tried nearest first:

1. right after the closing mark: `"...," he said` / `"...," said X, role` /
   `"...," X told Reuters` / `"...," read a statement released by X`;
2. at the end of the sentence, for every quotation in it: `X "a" ... "b," read a
   statement by Y` / `discussed "next steps" in ..., the White House said`;
3. the nearest cue verb before the quotation in its sentence: `X said: "..."`,
   `X called the meeting "..."`, `..., saying: "..."` (a participle or `and said`
   takes the subject of its clause);
4. the sentences around a full quotation: a lead-in ending with a colon, the
   previous quotation's speaker (`"A," he said. "B."`), or `He added ...` next.

A subject is read from the words before the cue (`The U.N. envoy for Syria,
Staffan de Mistura, ..., said`) and resolved through the names engine
(`briefing.nlp.names`): pronouns to the nearest compatible antecedent, surnames
to full names, titles ("the envoy") to the person holding that role, "the
statement" to whoever issued the last statement. Anything else is "nobody": a wrong speaker is worse than none.
A possessive and a noun ("Latyef's cousin") is somebody unnamed, not the possessor;
a participle opening a sentence ("Saying Russian troops ...") is a verb, not a first
name (`SpeechNameIndex`); `tidy_role` keeps a role a noun phrase ("Gov." with its dot).

The attributor is built in layers, one module each: `chunks` reads one chunk of
a subject phrase, `phrases` picks the chunk that names the speaker, `subjects`
finds every cue and its speaker, and this module matches the cue shapes 1-4
above to each quotation. `cues` holds the cue lexicon, `wording` the shapes of
the words around a cue.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from briefing.models import Article
from briefing.nlp.names.mention import ORG, PERSON
from briefing.quotes.cues import Cue, CueLexicon, cue_lexicon, mask_quotes
from briefing.quotes.marks import QuoteSpan
from briefing.quotes.subjects import CueSubjects
from briefing.quotes.wording import (
    NOBODY,
    Attribution,
    from_mention,
    heading,
    phrase_end,
    plausible_subject_start,
    tidy_role,
    titled,
    with_cue,
    with_how,
)
from briefing.quotes.evidence import ADJACENT, CONTINUED

__all__ = ["ArticleAttributor", "Attribution", "NOBODY", "cue_lexicon", "mask_quotes", "tidy_role"]


# the quoted sentence going on in the reporter's words up to a comma: "” against Western interests,"
_CONTINUED_SENTENCE = re.compile(r"\s*[a-z][\w .'’-]*,")


_SAID_COLON = re.compile(r"\s*(Said|Says|Added|Adds|Wrote|Writes)\s+")


class ArticleAttributor(CueSubjects):
    """Attribution for the quotations of one article (see the module docstring)."""

    def __init__(self, article: Article, spans: Sequence[QuoteSpan], lexicon: CueLexicon) -> None:
        super().__init__(article, spans, lexicon)
        self._span_opens = [s.open for s in self.spans]
        self._newlines = [m.start() for m in re.finditer("\n", self.text)]

    # --- attribution of quotations ------------------------------------------------------
    def attribute(self, index: int) -> tuple[Attribution, bool]:
        """(attribution, found): found is False when no cue relates to the quotation at all."""
        span = self.spans[index]
        s, _ = self.sentence_bounds(span.open)
        _, e = self.sentence_bounds(max(span.open, span.end - 1) if span.close is None else span.close)
        before = self._before(span, s)
        relayed = before is not None and before.kind == PERSON
        att = self._after(span, e)
        if att is not None and before is not None and relayed and att.kind == ORG and self._introduced(span, s):
            return before, True  # "Fallon said, “...,” the ministry said on Twitter": the ministry relays him
        if att is not None and not (relayed and att.cue in self.lex.relay_verbs):
            return att, True
        trailing = self._trailing(index, s, e)
        if trailing is not None and not (
            trailing.cue in self.lex.relay_verbs and before is not None and before.kind == PERSON
        ):
            return trailing, True  # "..., the Post reported" does not take X's words from X
        if before is not None:
            return before, True
        if trailing is not None:
            return trailing, True
        return NOBODY, False

    def _resolve_before(self, pos: int) -> None:
        """The cues of the sentences before `pos` resolved, so that an inverted cue's description
        ("said the former firefighter") sees who spoke there."""
        s, _ = self.sentence_bounds(pos)
        if s > 0:
            self._resolve_through(s - 1)

    def _introduced(self, span: QuoteSpan, s: int) -> bool:
        """The cue just before the quotation introduces it: `X said, “...`, `X said: “...`."""
        i = bisect.bisect_left(self._cue_starts, span.open) - 1
        return i >= 0 and self.cues[i].start >= s and bool(re.fullmatch(r"\s*[,:]\s*", self.text[self.cues[i].end : span.open]))

    def _next_open(self, pos: int, limit: int) -> int:
        for span in self.spans:
            if span.open >= pos:
                return min(span.open, limit)
        return limit

    def _after(self, span: QuoteSpan, sent_end: int) -> Attribution | None:
        if span.close is None:
            return None
        stop = self._next_open(span.after, sent_end)
        after = self.text[span.after : stop]
        lead = re.match(r"[\s,]*(?:[—–-]\s*)?", after)
        body_start = span.after + (lead.end() if lead else 0)
        cue = self._first_cue(body_start, stop)
        if cue is None:
            return None
        between = self.text[body_start : cue.start]
        if not between.strip():  # "...," said X, role.
            if cue.subject_after:
                return self._subject(cue)
            if cue.form in self.lex.listener_verbs:
                return None
            self._resolve_before(cue.start)
            att = self._read_phrase(cue.end, phrase_end(self.text, cue.end, stop), cue.start, inverted=True)
            return with_cue(att, cue.form) if att.speaker or att.kind else None
        if not plausible_subject_start(between) and _CONTINUED_SENTENCE.match(between):
            between = between[between.index(",") + 1 :]  # "“...” against Western interests, Chertoff, ..., told"
            if not between.strip()[:1].isupper() or re.search(r"[#\"“”]", between):
                return None
        if not plausible_subject_start(between) or len(between.split()) > 30 or cue.participle:
            return None  # a participle has no subject of its own: "“hoax,” Perry has gone further, alleging"
        if self._reports_its_own_clause(span, cue, stop):
            return None
        att = self._subject(cue)
        return att if att and (att.speaker or att.kind) else None

    def _reports_its_own_clause(self, span: QuoteSpan, cue: Cue, stop: int) -> bool:
        """`"... headquarters. "Adm. Lee said that he can confirm ...`: a quotation finished with its
        own full stop, then a new sentence whose cue reports a clause of its own ("said that", or
        more than a short tail): the page misplaced a mark, and the quotation is not Lee's (a
        `"...," Lee said` attribution closes with a comma; `"..." Lee said in a statement.` is short)."""
        quoted = self.article.text[span.start : span.end].rstrip()
        if not quoted.endswith((".", "!", "?")):
            return False
        tail = self.text[cue.end : stop]
        return bool(re.match(r"\s+that\b", tail)) or len(tail.split()) > 8

    def _first_cue(self, start: int, stop: int) -> Cue | None:
        i = bisect.bisect_left(self._cue_starts, start)
        if i < len(self.cues) and self.cues[i].start < stop:
            return self.cues[i]
        return None

    def _trailing(self, index: int, s: int, e: int) -> Attribution | None:
        """An attribution closing the sentence covers every quotation in it."""
        last = index
        while last + 1 < len(self.spans) and self.spans[last + 1].open < e:
            last += 1
        span = self.spans[last]
        if span.close is None:
            return None
        tail = self.text[span.after : e]
        m = re.search(r",\s*([^,]{1,120}?)\s*[.!?]?\s*$", tail)
        if not m:
            return self._after(span, e) if last != index else None
        clause_start = span.after + m.start(1)
        cue = self._first_cue(clause_start, span.after + m.end(1))
        if cue is None:
            return self._after(span, e) if last != index else None
        if cue.start == clause_start and cue.form in self.lex.listener_verbs:
            return None
        if cue.start == clause_start or cue.subject_after:
            self._resolve_before(cue.start)
            att = self._subject(cue) if cue.subject_after else self._read_phrase(
                cue.end, phrase_end(self.text, cue.end, e), cue.start, inverted=True
            )
            return with_cue(att, cue.form) if att and (att.speaker or att.kind) else None
        if not plausible_subject_start(self.text[clause_start : cue.start]):
            return None
        att = self._subject(cue)
        return att if att and (att.speaker or att.kind) else None

    def _before(self, span: QuoteSpan, s: int) -> Attribution | None:
        i = bisect.bisect_left(self._cue_starts, span.open) - 1
        if i < 0 or self.cues[i].start < s:
            return None
        att = self._subject(self.cues[i])
        return att if att.speaker or att.kind else Attribution(None, None, self.cues[i].form, None)

    def context(self, index: int, partial: bool, done: dict[int, Attribution]) -> Attribution | None:
        """A full quotation with nothing in its sentence: look at the sentences around it."""
        if partial:
            return None
        span = self.spans[index]
        s, e = self.sentence_bounds(span.open)
        if self.text[s : span.open].strip():
            return None  # words before the quote in its sentence but no cue: not a speech frame
        if span.close is not None and heading(self.article.text[span.start : span.end], self.text[span.after : span.after + 40]):
            return None  # ‘A prime example of why’ Last summer, ...: a heading run into the text, not speech
        if s > 0:
            ps, _ = self.sentence_bounds(s - 1)
            prev_text = self.text[ps:s].rstrip()
            if prev_text.endswith(":"):
                i = bisect.bisect_left(self._cue_starts, s) - 1
                if i >= 0 and self.cues[i].start >= ps:
                    return self._subject(self.cues[i])
                lead_in = self._said_colon(ps, s)
                if lead_in is not None:
                    return lead_in
            if index > 0 and self.spans[index - 1].after >= ps:
                prev_att = done.get(index - 1)
                if prev_att is not None and prev_att.speaker and self._same_or_next_paragraph(index - 1, index):
                    return with_how(prev_att, CONTINUED)
        _, ce = self.sentence_bounds(span.end - 1 if span.close is None else span.close)
        if ce < len(self.text):
            ns, ne = self.sentence_bounds(ce)
            m = re.match(r"\s*(He|She|They|It)\s+(?:\w+\s+){0,2}?", self.text[ns:ne])
            cue = self._first_cue(ns, min(ne, ns + 40))
            if m and cue is not None and cue.start <= ns + m.end() + 12:
                return self._subject(cue)
            named = self._named_after(ns, ne)
            if named is not None:
                return with_how(named, ADJACENT)
        before = self._reported_before(index, s)
        return with_how(before, ADJACENT) if before is not None else None

    def _said_colon(self, ps: int, s: int) -> Attribution | None:
        """`Said McConnell:` as a sentence of its own, the quotation after it: the name is the
        speaker (a capitalised "Said" is no cue of the lexicon: "Said" is also a first name)."""
        m = _SAID_COLON.match(self.text, ps, s)
        if m is None:
            return None
        named = [x for x in self.names.mentions_between(m.end(1), s) if x.kind in (PERSON, ORG)]
        if len(named) != 1 or self.text[named[0].end : s].strip() != ":":
            return None
        return with_cue(from_mention(named[0]), m.group(1).lower())

    def _named_after(self, ns: int, ne: int) -> Attribution | None:
        """`“...” Michael Dickinson, co-author of the paper, said in a news release.`

        The next sentence is nothing but a named speaker, a plain speech verb and a
        short tail: the attribution the segmenter cut off after the closing mark.
        """
        q = bisect.bisect_left(self._span_opens, ns)
        if q < len(self.spans) and self.spans[q].open < ne:
            return None
        cue = self._first_cue(ns, ne)
        if cue is None or cue.form not in self.lex.reported_verbs or len(self.text[cue.end : ne].split()) > 8:
            return None
        first = next((m for m in self.names.mentions_between(ns, cue.start) if not m.reference), None)
        if first is None or first.kind != PERSON:
            return None
        prefix = self.text[ns : first.start].strip()
        if prefix and not titled(prefix):
            return None
        att = self._subject(cue)
        return att if att.kind == PERSON and att.speaker else None

    def _reported_before(self, index: int, s: int) -> Attribution | None:
        """`..., Van Camp said. "I don't do it for the money."`: the quote goes on the reported speech.

        Only when the sentence before holds no quotation of its own, names a person as
        the subject of its speech verb, and is in the same or the previous paragraph.
        Only plain speech verbs count: a question ("X asked whether ...") is followed by
        somebody else's answer, and "Fighting continued" is no speech at all.
        """
        if s == 0:
            return None
        ps, _ = self.sentence_bounds(s - 1)
        q = bisect.bisect_left(self._span_opens, ps)
        if q < len(self.spans) and self.spans[q].open < s or q > 0 and self.spans[q - 1].after > ps:
            return None
        i = bisect.bisect_left(self._cue_starts, s) - 1
        if i < 0 or self.cues[i].start < ps or self.cues[i].form not in self.lex.reported_verbs:
            return None
        cue = self.cues[i]
        att = self._subject(cue)
        if not (att.speaker or att.kind) and not cue.subject_after:  # "It is a disheartening number, said Miriam Diamond"
            att = self._read_phrase(cue.end, phrase_end(self.text, cue.end, s), cue.start, inverted=True)
        if att.kind != PERSON or not att.speaker or self._paragraph(self.spans[index].open) - self._paragraph(ps) > 1:
            return None
        return att

    def _paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self._newlines, pos)

    def _same_or_next_paragraph(self, i: int, j: int) -> bool:
        return self._paragraph(self.spans[j].open) - self._paragraph(self.spans[i].open) <= 1

    def is_scare(self, span: QuoteSpan) -> bool:
        before = self.text[max(0, span.open - 25) : span.open]
        return bool(self.lex.scare_regex.search(before))

    def is_full(self, span: QuoteSpan, article_text: str) -> bool:
        """A whole clause of speech, not a fragment woven into the reporter's sentence."""
        if len(span.pieces) > 1:
            return True
        content = article_text[span.start : span.end].lstrip(" '‘’\"“”")
        if not content or not (content[0].isupper() or content[0].isdigit() or content[0] in "….[("):
            return False
        before = self.text[: span.open].rstrip(" \t")
        if not before or before.endswith(("\n", ":", ",", ".", "!", "?", "—", "–", "(")):
            return True
        i = bisect.bisect_left(self._cue_starts, span.open) - 1
        return i >= 0 and not self.text[self.cues[i].end : span.open].strip(" ,:that")

    def prominence(self) -> dict[str, int]:
        return self.names.counts()

    def person_names(self) -> list[str]:
        return self.names.person_names()

    def person_roles(self) -> dict[str, str]:
        return self.names.person_roles()
