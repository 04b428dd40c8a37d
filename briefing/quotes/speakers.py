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
Staffan de Mistura, ..., said`) and resolved through `names.NameIndex`: pronouns
to the nearest compatible antecedent, surnames to full names, titles ("the
envoy") to the person holding that role, "the statement" to whoever issued the
last statement. Anything else is "nobody": a wrong speaker is worse than none.
A possessive and a noun ("Latyef's cousin") is somebody unnamed, not the possessor;
a participle opening a sentence ("Saying Russian troops ...") is a verb, not a first
name (`SpeechNameIndex`); `tidy_role` keeps a role a noun phrase ("Gov." with its dot).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing.nlp.names import (
    ANON,
    HONORIFICS,
    ROLE_MODIFIERS,
    DETERMINERS,
    ORG,
    PERSON,
    PRONOUNS,
    PRONOUNS_PERSON,
    Mention,
    NameIndex,
    RunReading,
    clean_role,
    has_role_noun,
    name_lexicon,
    quote_lexicon,
    strip_possessive,
)
from briefing.quotes.marks import QuoteSpan
from briefing.nlp.titles import dotted_abbreviations
from briefing.models import Article

_ADVERBIAL_OPENERS = frozenset(
    """after before in on at as when while during following speaking asked despite with since
    although though because if earlier later meanwhile however but and yet still separately
    addressing writing responding announcing commenting talking from under by for according where whereas""".split()
)
_PARENTHETICAL = re.compile(r"^\s*(?:and\s+|but\s+)?(?:who|which|whose|where|when|whom|[a-z]+ing|[a-z]+ed)\b")
_MASK = "#"
_QUALIFIED = re.compile(r"\s*(?:[Tt]he|[Aa]n?)\s+.*\s(?![a-z]+ly\b)[a-z]+\s*")  # "the Kremlin strongman"
_NOUN_BEFORE = re.compile(r"(?:\b(?:[Tt]he|an?|his|her|its|their|our|these|those)|\w['’]s)\s+$")
_CIRCUMSTANCE_START = re.compile(
    r"\s+(?:as|while|when|after|before|because|who|during|in|on|at|from|via|with|outside|inside|before|to)\b"
)
_CIRCUMSTANCE = re.compile(
    r"\s+(?:in|on|at|during|via|over)\s+(?:an?|the|his|her|their|its)\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:video|statement|interview|post|speech|address|message|letter|briefing|conference|call|tweet|broadcast)s?"
    r"(?:\s+(?:on|in|at|late|early)\s+(?:[A-Za-z]+\s*){1,2})?\s*"
)
_PROVENANCE = re.compile(r"\s*(?:\d{1,3}|(?:who\s+is\s+)?(?:from|of|in|near)\s+(?:the\s+)?[A-Z][^,]*)\s*$")
_PROXY = re.compile(
    r"(?:^|(?<=[\s—–.-]))(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|\w+['’]s)\s+"
    r"(?:[\w.-]+\s+){0,4}?([a-z]+)\s+"
    r"(for|to|of|with|close\s+to|near|familiar\s+with)\s+(?:the\s+)?$"
)
_OF_PLACE = re.compile(r"\s+(?:of|from|at|with|for)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*\s*,?\s*")
# "'s older brother", "' 19-year-old nephew": a possessive and a lowercase noun phrase ending the subject
_POSSESSED = re.compile(r"(?:['’]s|(?<=s)['’])\s+((?:[a-z\d][\w-]*\s+){0,3}[a-z][\w-]*)\s*")
# What a person writes or signs: "X's ruling said" quotes X (cf. the lexicon's statement nouns).
_AUTHORED = frozenset(
    """ruling rulings decision verdict judgment judgement opinion order memo memoir book column blog website site
    account page feed speech remarks testimony affidavit filing complaint lawsuit motion email e-mail text note
    notes diary autobiography article essay op-ed interview video ad letter tweet post message statement""".split()
)
# "In a statement later Bobbins said": a name right after the statement noun
_NAMED_AFTER_NOUN = re.compile(r"\s*(?:(?:later|earlier|today|yesterday|tonight|then|also)\s+)?[A-Z]")
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|do|does|did)\b")
_CONTRACTION = re.compile(r"['’](?:ll|re|ve|d|m|t)$")
_WINDOW = 8  # sentences of look-back that cue subjects are resolved in
_TRAILING_PRONOUN = re.compile(r"\b(?:as|when|after|before|while|because|since|that|and|but|where)\s+(he|she|they)\s*$", re.I)


_OPENER_PARTICIPLE = re.compile(r"[A-Z][a-z]{2,}ing")
_OPENER_ED = re.compile(r"[A-Z][a-z]{3,}ed")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")


@lru_cache(maxsize=1)
def _cue_participles() -> frozenset[str]:
    return frozenset(str(v).lower() for v in quote_lexicon().get("cue_verbs", ()) if str(v).endswith("ing"))


def _opener_verb_shape(word: str) -> bool:
    return bool(_OPENER_PARTICIPLE.fullmatch(word) or _OPENER_ED.fullmatch(word))


def _is_verb_participle(word: str, lower_words: frozenset[str]) -> bool:
    """"Saying", "Describing", "Adopted": a verb, not a first name like "Sterling" or "Mohammed".

    It is a participle when the article also writes it in lower case, when it is a
    speech verb, or (for -ing) when another form of the same verb occurs ("describes",
    "cited"): names ending in -ed ("Ahmed", "Jared") are too many for that last test.
    """
    low = word.lower()
    if low in lower_words or low in _cue_participles():
        return True
    if not low.endswith("ing"):
        return False
    stem = low[:-3]
    stems = {stem, stem[:-1]} if len(stem) > 3 and stem[-1] == stem[-2] else {stem}
    return any(f"{t}{end}" in lower_words for t in stems for end in ("s", "es", "e", "ed", "d") if len(t) >= 2)


@lru_cache(maxsize=1)
def _single_cue_verbs() -> frozenset[str]:
    return frozenset(str(v).lower() for v in quote_lexicon().get("cue_verbs", ()) if " " not in str(v))


def _drop_first_word(r: RunReading, words: list[str]) -> RunReading:
    tail_at = r.name.index(words[1], len(words[0]))
    kind = PERSON if len(words) >= 3 else "single"
    return RunReading(kind, r.name[tail_at:], r.start + tail_at, r.end, r.role)


class SpeechNameIndex(NameIndex):
    """The name index, reading a sentence-opening participle as the verb it is.

    "Saying Russian troops were near, Yatseniuk told ...": the capitalised run
    "Saying Russian" is no person, and as the first "subject" of its sentence it
    would capture every later "he". The participle is dropped from the run; what
    is left is a name only if it reads as one on its own.
    """

    def _trim_glued(self, readings: list[tuple[int, RunReading]]) -> list[tuple[int, RunReading]]:
        readings = super()._trim_glued(readings)
        lower_words: frozenset[str] | None = None
        out = []
        for offset, r in readings:
            words = r.name.split()
            if r.kind == PERSON and len(words) >= 2 and self._inverted_cue(offset + r.start, words[0]):
                r = _drop_first_word(r, words)  # "Said Kate in a release, “...”": the verb, then the name
            elif r.kind == PERSON and len(words) >= 2 and _opener_verb_shape(words[0]):
                start = offset + r.start
                s = self.sentence_starts[self.sentence_of(start)] if self.sentence_starts else 0
                if not self.text[s:start].strip(" \t\n\"“‘'(—–-#"):
                    lower_words = lower_words or frozenset(_LOWER_WORD.findall(self.text))
                    if _is_verb_participle(words[0], lower_words):
                        r = _drop_first_word(r, words)
            out.append((offset, r))
        return out

    def _inverted_cue(self, start: int, word: str) -> bool:
        """A sentence opening with a speech verb ("Said", "Added") then a name and, before
        the quotation, no speech verb of its own: the verb is inverted, not a first name
        ("Said Jalili said ..." keeps its name)."""
        if word.lower() not in _single_cue_verbs() or word.endswith("ing"):
            return False
        s = self.sentence_of(start)
        s_start = self.sentence_starts[s] if self.sentence_starts else 0
        if self.text[s_start:start].strip(" \t\n\"“‘'(—–-"):
            return False
        end = self.sentence_starts[s + 1] if s + 1 < len(self.sentence_starts) else len(self.text)
        quote = self.text.find(_MASK, start, end)
        if quote < 0:
            return False
        between = _LOWER_WORD.findall(self.text[start + len(word) : quote])
        return not any(w.lower() in _single_cue_verbs() for w in between)


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None
    role: str | None
    cue: str | None
    kind: str | None  # person | org | anon | None


NOBODY = Attribution(None, None, None, None)


@dataclass(frozen=True)
class CueLexicon:
    regex: re.Pattern[str]
    listener_verbs: frozenset[str]
    relay_verbs: frozenset[str]
    statement_regex: re.Pattern[str]
    statement_verb_regex: re.Pattern[str]
    scare_regex: re.Pattern[str]
    written_verbs: frozenset[str] = frozenset()
    reported_verbs: frozenset[str] = frozenset()


def trie_regex(words: Sequence[str]) -> str:
    """A regex alternation shaped as a trie: a long word list matches without backtracking."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return "(?:" + build(trie) + ")"


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=8)
def cue_lexicon(cue_verbs: tuple[str, ...] | None = None) -> CueLexicon:
    lex = quote_lexicon()
    verbs = cue_verbs if cue_verbs is not None else tuple(str(v) for v in lex.get("cue_verbs", ()))
    nouns = [str(n) for n in lex.get("statement_nouns", ())]
    svs = [str(v) for v in lex.get("statement_verbs", ())]
    scare = [str(s) for s in lex.get("scare_markers", ())]
    multi = [v for v in verbs if " " in v]
    capitalised = [v[0].upper() + v[1:] for v in multi]  # "According to" opens sentences; "Said" is a name
    return CueLexicon(
        regex=re.compile(rf"\b{trie_regex([*verbs, *capitalised] or ['said'])}\b"),
        listener_verbs=frozenset(str(v) for v in lex.get("listener_verbs", ())),
        relay_verbs=frozenset(str(v) for v in lex.get("relay_verbs", ())),
        statement_regex=re.compile(rf"\b(?:{_alternation(nouns) or 'statement'})\b", re.IGNORECASE),
        statement_verb_regex=re.compile(
            rf"\b(?:{_alternation(svs) or 'released'})\s+(?:a|an|the|this|its|his|her|their)\s+(?:[\w-]+\s+)?"
            rf"(?:{_alternation(nouns) or 'statement'})\b"
        ),
        scare_regex=re.compile(rf"(?:{_alternation(scare) or 'so-called'})\s*[\"“'‘«]?\s*$", re.IGNORECASE),
        written_verbs=frozenset(str(v) for v in lex.get("written_verbs", ())),
        reported_verbs=frozenset(str(v) for v in lex.get("reported_verbs", ())),
    )


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    form: str

    @property
    def participle(self) -> bool:
        return self.form.endswith("ing")

    @property
    def subject_after(self) -> bool:
        return self.form.lower().startswith("according")


def mask_quotes(text: str, spans: Sequence[QuoteSpan]) -> str:
    """The article with quoted words blanked, so speech never counts as the reporter's words."""
    chars = list(text)
    for span in spans:
        for a, b in span.pieces:
            for i in range(a, b):
                if chars[i] != "\n":
                    chars[i] = _MASK
    return "".join(chars)


class ArticleAttributor:
    """Attribution for the quotations of one article (see the module docstring)."""

    def __init__(self, article: Article, spans: Sequence[QuoteSpan], lexicon: CueLexicon) -> None:
        self.article = article
        self.spans = list(spans)
        self.lex = lexicon
        self.text = mask_quotes(article.text, spans)
        starts = [s.start for s in article.sentences] or _paragraph_starts(article.paragraphs)
        self.starts = starts or [0]
        self.names = SpeechNameIndex(self.text, self.starts)
        self.cues = self._find_cues()
        self._cue_starts = [c.start for c in self.cues]
        self._span_afters = [s.after for s in self.spans]
        self._span_opens = [s.open for s in self.spans]
        self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        self._subjects: dict[int, Attribution] = {}
        self._owners: list[tuple[int, Attribution, str]] = []  # (position, issuer, noun: "statement")
        self._next_cue = 0  # cues before this index are done (or lie outside every window)
        self._mark_sentence_subjects()
        self._note_statement_verbs()

    def _subject(self, cue: _Cue) -> Attribution:
        """The cue's speaker, working out every cue of the look-back window first.

        Cues are resolved lazily, in text order, and only within `_WINDOW` sentences
        before a quotation: later resolutions look back at earlier subjects, and a long
        article with few quotes does not pay for the cues far from them.
        """
        if cue.start not in self._subjects:
            self._resolve_through(cue.start)
        return self._subjects.get(cue.start, NOBODY)

    def _resolve_through(self, pos: int) -> None:
        here = bisect.bisect_right(self.starts, pos) - 1
        window_start = self.starts[max(0, here - _WINDOW)]
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
    def _find_cues(self) -> list[_Cue]:
        """Cue verbs, plus "issued a statement" phrases, which introduce quotations too."""
        cues = []
        for m in self.lex.regex.finditer(self.text):
            a, b = m.span()
            if self.text[a - 1 : a] == "-" or self.text[b : b + 1] == "-":
                continue  # so-called, said-to-be
            if _NOUN_BEFORE.search(self.text, max(0, a - 12), a):
                continue  # "the government's claim", "his calls for": nouns, not speech verbs
            cues.append(_Cue(a, b, m.group()))
        taken = {c.start for c in cues}
        for m in self.lex.statement_verb_regex.finditer(self.text):
            if m.start() not in taken:
                cues.append(_Cue(m.start(), m.end(), m.group().split()[0]))
        cues.sort(key=lambda c: c.start)
        return cues

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.starts, pos) - 1)
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end

    def _mark_sentence_subjects(self) -> None:
        for i, s in enumerate(self.starts):
            end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
            mentions = self.names.mentions_between(s, end)
            if not mentions:
                continue
            prefix = self.text[s : mentions[0].start]
            if _only_adverbial(prefix) or mentions[0].kind == PERSON and _titled(prefix):
                mentions[0].subject = True  # "Ms. Kallas said", "On Monday, Russian President Putin said"
                # "Army spokesman Brig. Gen. Nabil Abdallah", "Sudan's army chief, Gen. Burhan,":
                # the person the organisation qualifies
                if len(mentions) > 1 and mentions[0].kind == ORG and mentions[1].kind == PERSON:
                    between = self.text[mentions[0].end : mentions[1].start]
                    if all(w[:1].isupper() or has_role_noun(w) for w in between.split()) or _title_words(between):
                        mentions[1].subject = True

    def _note_statement_owner(self, cue: _Cue) -> None:
        s, e = self.sentence_bounds(cue.start)
        att = self._subjects.get(cue.start)
        noun = self.lex.statement_regex.search(self.text[s:e]) if att and att.speaker else None
        if att and noun:
            bisect.insort(self._owners, (cue.start, att, _noun_key(noun.group())), key=lambda item: item[0])

    def _note_statement_verbs(self) -> None:
        for m in self.lex.statement_verb_regex.finditer(self.text):
            s, _ = self.sentence_bounds(m.start())
            att = self._read_phrase(s, m.start(), m.start())
            if att.speaker:
                self._owners.append((m.start(), att, _noun_key(m.group().split()[-1])))
        self._owners.sort(key=lambda item: item[0])

    # --- subjects of cues -----------------------------------------------------------
    def _subject_of(self, cue: _Cue) -> Attribution:
        s, e = self.sentence_bounds(cue.start)
        if cue.subject_after:
            att = self._read_phrase(cue.end, _phrase_end(self.text, cue.end, e), cue.start, inverted=True)
            return _with_cue(att, "according to")
        left_start = s
        prev = self._previous_cue(cue, s)
        if prev is not None and not prev.subject_after:
            left_start = max(left_start, prev.end)
        q = bisect.bisect_right(self._span_afters, cue.start) - 1
        if q >= 0 and self._span_afters[q] > left_start:
            left_start = self._span_afters[q]
        clause = max(self.text.rfind(": ", left_start, cue.start), self.text.rfind("; ", left_start, cue.start))
        if clause >= 0:
            left_start = clause + 2  # "... involve DNA: Paul Cates, a spokesman for X, told me"
        left = self.text[left_start : cue.start]
        core = _strip_trailing_skips(left) if not left.rstrip().endswith(",") else left
        if cue.form in self.lex.written_verbs and not self.lex.statement_regex.search(core[-60:]):
            return NOBODY  # "a sign that read", "the banner reads": no one speaks
        if cue.participle or _is_coordination(core):
            main = self._new_clause_subject(prev.end, cue.start) if prev is not None else None
            if main is not None:  # "Where Trump has called it a hoax, Perry has gone further, asserting"
                return _with_cue(main, cue.form)
            if prev is not None and prev.start in self._subjects and not prev.subject_after:
                return _with_cue(self._subjects[prev.start], cue.form)  # resolved: same sentence, earlier
            return _with_cue(self.sentence_subject(s, cue.start), cue.form)
        end = left_start + len(core.rstrip())
        att = self._read_phrase(left_start, end, cue.start)
        if not (att.speaker or att.kind) and prev is not None and left_start == prev.end:
            return self._subject_of_unbounded(cue, s)  # the earlier cue sat in a clause: "who asked not to be named"
        if not (att.speaker or att.kind) and left_start == s and re.match(r"\s*(?:He|She|It|They)\s+\w+", left):
            att = self.sentence_subject(s, cue.start)  # "He was proud to add, ..."
        if att.kind == ANON:  # so that a later "he" finds this nameless speaker, not an older name
            self.names.add_anonymous(left_start, end, att.role or "")
        return _with_cue(att, cue.form)

    def _new_clause_subject(self, a: int, b: int) -> Attribution | None:
        """A person opening a new clause between an earlier cue and a participle takes it over."""
        for m in reversed(self.names.mentions_between(a, b)):
            before = self.text[a : m.start].rstrip()
            opens_clause = before[-1:] in (",", _MASK, "”", '"', "’")
            if m.kind == PERSON and opens_clause and re.match(r"\s+[a-z]+", self.text[m.end : b]):
                return _from_mention(m)
        return None

    def _subject_of_unbounded(self, cue: _Cue, s: int) -> Attribution:
        left_start = s
        q = bisect.bisect_right(self._span_afters, cue.start) - 1
        if q >= 0 and self._span_afters[q] > left_start:
            left_start = self._span_afters[q]
        left = self.text[left_start : cue.start]
        core = _strip_trailing_skips(left) if not left.rstrip().endswith(",") else left
        att = self._read_phrase(left_start, left_start + len(core.rstrip()), cue.start)
        if att.kind == ANON:
            self.names.add_anonymous(left_start, left_start + len(core.rstrip()), att.role or "")
        return _with_cue(att, cue.form)

    def _mark_cue_subject(self, cue: _Cue, att: Attribution) -> None:
        """The speaker of a cue is a subject: it is what a later "he" or "the envoy" refers to."""
        if not att.speaker:
            return
        s, e = self.sentence_bounds(cue.start)
        lo, hi = (cue.end, e) if cue.subject_after else (s, cue.start)
        for m in reversed(self.names.mentions_between(lo, hi)):
            if m.entity is not None and m.entity.name == att.speaker:
                m.subject = True
                return

    def _previous_cue(self, cue: _Cue, sentence_start: int) -> _Cue | None:
        i = bisect.bisect_left(self._cue_starts, cue.start) - 1
        if i >= 0 and self.cues[i].start >= sentence_start:
            return self.cues[i]
        return None

    def sentence_subject(self, start: int, limit: int) -> Attribution:
        """The subject of the main clause: `De Mistura laid out ..., saying:` -> De Mistura."""
        text = self.text[start:limit]
        chunk_start = start
        first = re.match(r"\s*([^,;]*),", text)
        if first and _starts_adverbial(first.group(1)):
            chunk_start = start + first.end()
        rest = self.text[chunk_start:limit]
        m = re.match(r"\s*(?:(?:But|And|Yet|So|Still)\s+)?(He|She|It|They|he|she|it|they)\b", rest)
        if m:
            return self._resolve_pronoun(m.group(1), chunk_start + m.start(1))
        for mention in self.names.mentions_between(chunk_start, limit):
            if _only_adverbial(self.text[chunk_start : mention.start]):
                return _from_mention(mention)
            break
        head = re.match(r"\s*((?:[Tt]he|[Aa]n?)\s+(?:[\w.'’-]+\s+){0,3}?[\w-]+)\b", rest)
        if head and has_role_noun(head.group(1)):
            return self._read_chunk(chunk_start + head.start(1), chunk_start + head.end(1), chunk_start)
        return NOBODY

    # --- reading a subject phrase -------------------------------------------------------
    def _read_phrase(self, start: int, end: int, pos: int, inverted: bool = False) -> Attribution:
        """A subject phrase, possibly with appositives: pick the chunk that names the speaker.

        `inverted`: the phrase follows its cue (`said Salim al-Muslat, the spokesman`),
        so its first chunk is the subject; before a cue the last chunk is.
        """
        phrase = self.text[start:end]
        if not phrase.strip() or _MASK * 3 in phrase or len(phrase.split()) > 40:
            return NOBODY
        chunks = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^,;()]+", phrase)]
        chunks = [c for c in chunks if self.text[c[0] : c[1]].strip()]
        if len(chunks) > 1 and not inverted and self._bracketed(*chunks[-1]):
            chunks.pop()  # "Nissan Slomiansky (Bayit Yehudi) said": an aside in brackets is not the subject
        if not chunks:
            return NOBODY
        if inverted:
            return self._read_inverted(chunks, pos)
        while len(chunks) > 1 and _PROVENANCE.match(self.text[chunks[-1][0] : chunks[-1][1]]):
            chunks.pop()  # "Halima, 35, from Sudan told AFP": the age and the place describe her
            phrase = self.text[start : chunks[-1][1]]
        last = self._read_chunk(*chunks[-1], pos)
        appositive = len(chunks) > 1 and _starts_with_role(self.text[chunks[-1][0] : chunks[-1][1]])
        if not phrase.rstrip().endswith(",") and len(chunks) > 1 and last.kind in (PERSON, ORG, ANON) and not appositive:
            return last  # "In a statement about the call, the White House"; "According to Bush, ..., he"
        attached = not phrase.rstrip().endswith(",")  # the last chunk is the cue's own subject
        candidates = [
            c
            for i, c in enumerate(chunks)
            if not _PARENTHETICAL.match(self.text[c[0] : c[1]])
            and not (i < len(chunks) - 1 and _starts_adverbial(self.text[c[0] : c[1]]))
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

    def _bracketed(self, a: int, b: int) -> bool:
        return self.text[a - 1 : a] == "(" and self.text[b : b + 1] == ")"

    def _lone_opener(self, chunks: list[tuple[int, int]], i: int) -> bool:
        """"Overall, about three-quarters ... say": one unknown capitalised word before a
        clause opens the sentence; a name is followed by its description ("Smith, a farmer,")."""
        a, b = chunks[i]
        if i == len(chunks) - 1 or len(self.text[a:b].split()) != 1 or self.names.mentions_between(a, b):
            return False
        nxt = self.text[chunks[i + 1][0] : chunks[i + 1][1]]
        if _first_word(nxt) in DETERMINERS or _starts_with_role(nxt) or _PROVENANCE.match(nxt):
            return False  # "Chun, the South's lead delegate,": a description follows the name
        return bool(_AUXILIARY.search(nxt))  # a clause follows: "Overall, three-quarters ... are"

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
        for m in self.names.mentions_between(*chunks[0]):
            if first.speaker and m.entity is not None and m.entity.name == first.speaker:
                m.subject = True
        if first.kind == PERSON and first.speaker and not first.role:
            return self._with_apposition_role(first, chunks, chunks[0])
        if first.speaker or first.kind:
            return first
        words = self.text[chunks[0][0] : chunks[0][1]].split()
        clause = _CLAUSE_START.search(" ".join(words))  # "says the Russian plan is aimed at": no speaker
        if words and words[0].lower() in {"the", "a", "an"} and len(words) <= 6 and not clause:
            return Attribution(None, " ".join(words[1:]), None, ANON)  # "said the former firefighter"
        return NOBODY

    def _name_heads(self, a: int, b: int) -> bool:
        first = next((m for m in self.names.mentions_between(a, b) if m.kind == PERSON), None)
        if first is None:
            return False
        lead = self.text[a : first.start].split()
        return all(w.lower() in DETERMINERS or w[:1].isupper() for w in lead)

    def _named_in(self, a: int, b: int) -> bool:
        return any(m.kind == PERSON for m in self.names.mentions_between(a, b))

    def _with_apposition_role(self, att: Attribution, chunks: list[tuple[int, int]], chosen: tuple[int, int]) -> Attribution:
        if att.role:
            return att
        for c in chunks:
            if c != chosen:
                role = clean_role(self.text[c[0] : c[1]])
                if role and not self._named_in(*c):
                    return Attribution(att.speaker, role, att.cue, att.kind)
        return att

    def _read_chunk(self, a: int, b: int, pos: int) -> Attribution:
        lead = re.match(r"\s*(?:(?:but|and|yet|so|meanwhile|however|then)\b\s*)*", self.text[a:b], re.IGNORECASE)
        a += lead.end() if lead else 0
        chunk = self.text[a:b]
        words = chunk.split()
        if not words:
            return NOBODY
        st = self.lex.statement_regex.search(chunk)
        if st:
            if _starts_adverbial(chunk) and _NAMED_AFTER_NOUN.match(self.text, a + st.end(), b):
                named = self._read_chunk(a + st.end(), b, pos)  # "In a Facebook post Conner (wrote)"
                if named.kind == PERSON and named.speaker:
                    return named
            return self._statement_speaker(a, b, a + st.start(), pos)
        mentions = [m for m in self.names.mentions_between(a, b) if m.kind in (PERSON, ORG)]
        final = self._final_mention(mentions, b)
        if final is not None:
            return self._proxy(a, final) or _from_mention(final)
        low = chunk.strip().lower()
        if low in PRONOUNS:
            return self._resolve_pronoun(low, a)
        tail = _TRAILING_PRONOUN.search(chunk)
        if tail:  # "... had struck a softer tone as he (told)"
            return self._resolve_pronoun(tail.group(1).lower(), a + tail.start(1))
        role_word = has_role_noun(chunk)
        if role_word:  # "Putin's spokesman", "a senior official", "the envoy"
            return self._described(chunk, role_word, a)
        owned = self._possessed(a, b, mentions)
        if owned is not None:
            return owned
        if mentions and _QUALIFIED.fullmatch(chunk):
            return NOBODY  # "the Kremlin strongman": the name qualifies a noun it does not speak for
        persons = [m for m in mentions if m.kind == PERSON]
        if persons and len(words) <= 4:
            return _from_mention(persons[0])
        if mentions and len(words) <= 4:
            return _from_mention(mentions[0])
        unnamed = _indefinite(words)
        if unnamed is not None:
            return unnamed
        return self._bare_name(chunk, a)

    def _proxy(self, a: int, m: Mention) -> Attribution | None:
        """"a source close to Burhan", "a lawyer for Marchuk": someone else speaks for them.

        An organisation's spokesman speaks for it ("a spokesman for the army" -> the
        army); a person's representative or confidant is not that person.
        """
        found = _PROXY.search(_without_trailing_titles(self.text[a : m.start]))
        if not found:
            return None
        noun, link = found.group(1).lower(), found.group(2).split()[0].lower()
        roles = name_lexicon().role_nouns
        if noun not in roles and noun.rstrip("s") not in roles:
            return None
        if m.kind == PERSON or link in {"close", "near", "familiar"}:
            return Attribution(None, clean_role(self.text[a : m.end]), None, ANON)
        return None

    def _possessed(self, a: int, b: int, mentions: list[Mention]) -> Attribution | None:
        """"Latyef's cousin", "Smith's 19-year-old nephew": somebody of the person's, not the person.

        The possessor is not the speaker, so the phrase is an unnamed speaker with the
        phrase as written for its role. An office or government ("Putin's office") speaks
        for its holder and is left to the organisation rules; a text the person wrote or
        signed ("the judge's ruling", "Trump's Twitter account") is the person's words.
        """
        persons = [m for m in mentions if m.kind == PERSON]
        if not persons:
            return None
        owner = persons[-1]
        found = _POSSESSED.fullmatch(self.text, owner.end, b)
        owned = found.group(1).lower().split() if found else []
        if not owned or owned[-1] in name_lexicon().org_words or owned[-1] in _AUTHORED:
            return None
        prefix = self.text[a : owner.start]
        if _FUNCTION_WORDS.intersection(owned) or not (_only_adverbial(prefix) or _titled(prefix)):
            return None  # "Klum joined Dr. Scholl's to": the possessive is not the whole subject
        owner.subject = False  # a later "he" is the cousin, not Latyef
        words = self.text[a:b].split()
        while words and words[0].lower() in DETERMINERS:
            words = words[1:]
        return Attribution(None, " ".join(words), None, ANON)

    def _final_mention(self, mentions: list[Mention], b: int) -> Mention | None:
        """The name that ends the chunk is the subject: "... comes a year after Perry" -> Perry.

        "Sen. Roy Blunt of Missouri", "Adam Marshall of the British Chambers": a place or
        organisation after of/from/at keeps the person before it.
        """
        if not mentions:
            return None
        last = mentions[-1]
        rest = self.text[last.end : b]
        if _strip_trailing_skips(rest).strip(" ,"):
            if last.kind == PERSON and (_OF_PLACE.fullmatch(rest) or _CIRCUMSTANCE.fullmatch(rest)):
                return last  # "Sen. Roy Blunt of Missouri", "said Prigozhin in a video"
            return None
        if last.kind == ORG:
            for m in reversed(mentions[:-1]):
                between = self.text[m.end : last.start]
                if m.kind == PERSON and re.fullmatch(r"[\s,]*(?:of|from|at|for|with|in)\s+(?:the\s+)?[\w\s.'’-]*", between):
                    return m
        return last

    def _described(self, chunk: str, role_word: str, pos: int) -> Attribution:
        """"the envoy" refers back; "a senior official" or "officials" is anonymous."""
        words = chunk.strip().split()
        role = clean_role(chunk)
        definite = words[0].lower() in {"the", "this"}
        plural = words[-1].lower().endswith("s") and not words[-1].lower().endswith(("ss", "us"))
        if definite and len(words) <= 4 and not plural:
            m = self.names.resolve_title(role_word, pos)
            if m is not None and m.entity is not None:
                return Attribution(m.entity.name, m.entity.role or role, None, PERSON)
        org = self._org_noun(chunk, pos)
        if org is not None:
            return org
        return Attribution(None, role, None, ANON)

    def _org_noun(self, chunk: str, pos: int) -> Attribution | None:
        words = chunk.strip().split()
        if len(words) > 3 or words[0].lower() != "the":
            return None
        org_word = words[-1].lower()
        if org_word not in name_lexicon().org_words:
            return None
        m = self.names.resolve_org_noun(org_word, pos)
        return _from_mention(m) if m is not None else None

    def _bare_name(self, chunk: str, pos: int) -> Attribution:
        """A capitalised word the index did not know ("Zelenskiy said"): a person named once."""
        org = self._org_noun(chunk, pos)
        if org is not None:
            return org
        words = chunk.strip().split()
        if len(words) == 1:
            word, _ = strip_possessive(words[0])
            if (
                re.fullmatch(r"[A-Z][\w'’-]+", word)
                and word.lower() not in name_lexicon().not_names
                and not _CONTRACTION.search(word)  # "You’ll recall": a pronoun, not a name
            ):
                start = pos + len(chunk) - len(chunk.lstrip())
                if self._common_word(word, start):
                    return NOBODY  # "Geologists said": a sentence-initial capital, not a name
                self.names.add_person(start, start + len(word), word)  # so that a later "she" can find Collins
                return Attribution(word, None, None, PERSON)
        return NOBODY

    def _common_word(self, word: str, start: int) -> bool:
        """A sentence-initial word the article also writes in lower case is a common word."""
        return self.names.sentence_initial_common(start, word)

    def _statement_speaker(self, a: int, b: int, noun_at: int, pos: int) -> Attribution:
        """"a statement released by X" / "X's statement" / "the statement" (the last one issued)."""
        by = re.search(r"\b(?:by|from|of)\s+(.+)$", self.text[noun_at:b])
        if by:
            start = noun_at + by.start(1)
            for m in self.names.mentions_between(start, b):
                if m.kind in (PERSON, ORG):
                    return _from_mention(m)
            tail = self._read_chunk(start, b, pos)
            if tail.speaker:
                return tail
        for m in reversed(self.names.mentions_between(a, noun_at)):
            if m.kind in (PERSON, ORG):
                return self._proxy(a, m) or _from_mention(m)
        # "the report said" is not the statement issued earlier: the nouns must agree
        noun = _noun_key(self.lex.statement_regex.search(self.text[noun_at:b]).group())
        i = bisect.bisect_left([o[0] for o in self._owners], pos) - 1
        while i >= 0:
            if self._owners[i][2] == noun:
                return self._owners[i][1]
            i -= 1
        return Attribution(None, None, None, ANON)  # a text nobody in the article is said to have issued

    def _resolve_pronoun(self, pronoun: str, pos: int) -> Attribution:
        """A "he" with no antecedent the article supports is still somebody: anonymous, so
        that no neighbouring sentence lends the quotation a speaker."""
        m = self.names.resolve_pronoun(pronoun, pos)
        if m is not None:
            return _from_mention(m)
        return Attribution(None, None, None, ANON) if pronoun.lower() in PRONOUNS_PERSON else NOBODY

    # --- attribution of quotations ------------------------------------------------------
    def attribute(self, index: int) -> tuple[Attribution, bool]:
        """(attribution, found): found is False when no cue relates to the quotation at all."""
        span = self.spans[index]
        s, _ = self.sentence_bounds(span.open)
        _, e = self.sentence_bounds(max(span.open, span.end - 1) if span.close is None else span.close)
        before = self._before(span, s)
        relayed = before is not None and before.kind == PERSON
        att = self._after(span, e)
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
            att = self._read_phrase(cue.end, _phrase_end(self.text, cue.end, stop), cue.start, inverted=True)
            return _with_cue(att, cue.form) if att.speaker or att.kind else None
        if not _plausible_subject_start(between) or len(between.split()) > 30 or cue.participle:
            return None  # a participle has no subject of its own: "“hoax,” Perry has gone further, alleging"
        att = self._subject(cue)
        return att if att and (att.speaker or att.kind) else None

    def _first_cue(self, start: int, stop: int) -> _Cue | None:
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
            att = self._subject(cue) if cue.subject_after else self._read_phrase(
                cue.end, _phrase_end(self.text, cue.end, e), cue.start, inverted=True
            )
            return _with_cue(att, cue.form) if att and (att.speaker or att.kind) else None
        if not _plausible_subject_start(self.text[clause_start : cue.start]):
            return None
        att = self._subject(cue)
        return att if att and (att.speaker or att.kind) else None

    def _before(self, span: QuoteSpan, s: int) -> Attribution | None:
        i = bisect.bisect_left(self._cue_starts, span.open) - 1
        if i < 0 or self.cues[i].start < s:
            return None
        att = self._subject(self.cues[i])
        if att is None:
            return None
        return att if att.speaker or att.kind else Attribution(None, None, self.cues[i].form, None)

    def context(self, index: int, partial: bool, done: dict[int, Attribution]) -> Attribution | None:
        """A full quotation with nothing in its sentence: look at the sentences around it."""
        if partial:
            return None
        span = self.spans[index]
        s, e = self.sentence_bounds(span.open)
        if self.text[s : span.open].strip():
            return None  # words before the quote in its sentence but no cue: not a speech frame
        if span.close is not None and _heading(self.article.text[span.start : span.end], self.text[span.after : span.after + 40]):
            return None  # ‘A prime example of why’ Last summer, ...: a heading run into the text, not speech
        if s > 0:
            ps, _ = self.sentence_bounds(s - 1)
            prev_text = self.text[ps:s].rstrip()
            if prev_text.endswith(":"):
                i = bisect.bisect_left(self._cue_starts, s) - 1
                if i >= 0 and self.cues[i].start >= ps:
                    return self._subject(self.cues[i])
            if index > 0 and self.spans[index - 1].after >= ps:
                prev_att = done.get(index - 1)
                if prev_att is not None and prev_att.speaker and self._same_or_next_paragraph(index - 1, index):
                    return prev_att
        _, ce = self.sentence_bounds(span.end - 1 if span.close is None else span.close)
        if ce < len(self.text):
            ns, ne = self.sentence_bounds(ce)
            m = re.match(r"\s*(He|She|They|It)\s+(?:\w+\s+){0,2}?", self.text[ns:ne])
            cue = self._first_cue(ns, min(ne, ns + 40))
            if m and cue is not None and cue.start <= ns + m.end() + 12:
                return self._subject(cue)
            named = self._named_after(ns, ne)
            if named is not None:
                return named
        return self._reported_before(index, s)

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
        first = next(iter(self.names.mentions_between(ns, cue.start)), None)
        if first is None or first.kind != PERSON:
            return None
        prefix = self.text[ns : first.start].strip()
        if prefix and not _titled(prefix):
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
            att = self._read_phrase(cue.end, _phrase_end(self.text, cue.end, s), cue.start, inverted=True)
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


# --- small helpers --------------------------------------------------------------------


# A role is a noun phrase: a relative pronoun, an auxiliary or a speech verb starts a clause
# that the reader of a role cut short ("chairman of the committee which has pressed ...",
# "the Russian plan is aimed"), and so does a sentence break glued on by the feed.
_CLAUSE_START = re.compile(
    r"\b(?:who|whom|whose|which|that|is|are|was|were|be|been|being|has|have|had|will|would|can|could|"
    r"shall|should|may|might|must|do|does|did|said|says|told|tells|he|she|they|we)\b"
    r"|[.!?](?=[\s\"“”'‘’-]*[A-Z-])"
)


_DANGLING = re.compile(
    r"(?:[\s,;:—–-]|\b(?:and|or|but|the|a|an|of|for|to|at|in|on|as|since|after|before|when|while|because|if)\b)+$"
)


def tidy_role(role: str | None, text: str) -> str | None:
    """A role fit to print after a name: the noun phrase before any clause, with its title's dot.

    A role that is only a clause fragment ("Russian plan is aimed") is no role: None.
    "Gov" cut from "Chiang Rai Gov. Narongsak ..." gets its dot back when the article
    writes it so; "Lt Gen" written without dots stays as written.
    """
    if not role or not role.strip():
        return None
    cut = role
    for m in _CLAUSE_START.finditer(role):
        if m.group() == "." and _abbreviated(role[: m.end()]):
            continue  # "Lt. Gen", "U.N. envoy": the dot belongs to the word
        cut = role[: m.start()]
        break
    if cut != role:
        cut = re.sub(_DANGLING, "", cut).strip()
        if not cut or not has_role_noun(cut):
            return None  # no role noun before the clause: a fragment, not a description
    last = cut.split()[-1]
    if last + "." in _dotted_titles() and cut + "." in text:
        cut += "."
    return cut


@lru_cache(maxsize=1)
def _dotted_titles() -> frozenset[str]:
    return frozenset(dotted_abbreviations())


def _abbreviated(upto: str) -> bool:
    """The dot ending `upto` closes an abbreviation ("Gen.", "U.N.", "Lt."), not a sentence."""
    word = upto.split()[-1] if upto.split() else ""
    return word in _dotted_titles() or bool(re.fullmatch(r"(?:[A-Za-z]\.)+", word)) or word in {"St.", "Jr.", "Sr."}


def _paragraph_starts(paragraphs: Sequence[str]) -> list[int]:
    out, pos = [], 0
    for p in paragraphs:
        out.append(pos)
        pos += len(p) + 1
    return out


def _with_cue(att: Attribution, cue: str) -> Attribution:
    return Attribution(att.speaker, att.role, cue, att.kind)


def _from_mention(m: Mention) -> Attribution:
    if m.entity is None:
        return Attribution(None, None, None, ANON)
    return Attribution(m.entity.name, m.entity.role, None, m.entity.kind)


def _first_word(text: str) -> str:
    words = text.strip().split()
    return words[0].lower().strip(",") if words else ""


def _starts_adverbial(chunk: str) -> bool:
    return _first_word(chunk) in _ADVERBIAL_OPENERS


def _only_adverbial(prefix: str) -> bool:
    """True when the words before a mention are just an opener: "", "But", "Earlier in the day,"."""
    p = prefix.strip()
    if not p:
        return True
    if p.endswith(",") and _starts_adverbial(p) or p.lower() in {"but", "and", "yet", "so", "meanwhile,"}:
        return True
    return p.lower() in {"the", "a", "an"}


def _heading(content: str, after: str) -> bool:
    """No punctuation inside the closing mark nor after it, and a new capitalised sentence
    runs on: a sub-heading or caption in quotation marks, which nobody said."""
    if content.rstrip()[-1:] in ".,!?…:;—–-)" or not after.strip():
        return False
    nxt = after.lstrip()
    return nxt[:1].isupper()


def _noun_key(noun: str) -> str:
    low = noun.lower()
    return low[:-1] if low.endswith("s") else low


_FUNCTION_WORDS = frozenset("and that but or which who when while as if of to in on at for with by from than then".split())


def _role_opening(text: str) -> bool:
    """"spokesman Nabil Abdallah", "militia spokesman Willy Ngoma": a lowercase role opens the subject."""
    words = [w.lower().strip(",") for w in text.split()[:2]]
    if not words or words[0] in _FUNCTION_WORDS:
        return False
    return has_role_noun(words[0]) is not None or len(words) > 1 and has_role_noun(words[1]) is not None


def _titled(prefix: str) -> bool:
    """An opener then only titles before the name: "Ms.", "On Monday, Russian President"."""
    head, _, tail = prefix.rpartition(",")
    if head and not _only_adverbial(head + ","):
        return False
    return _title_words(tail if head else prefix)


def _title_words(text: str) -> bool:
    """"Ms.", "Russian President", "'s army chief, Gen.": words that only describe the name after them."""
    words = [w.strip(",") for w in re.sub(r"['’]s\b", "", text).split()]
    words = [w for w in words if w]
    if not words or len(words) > 8:
        return False
    lex = name_lexicon()

    def describes(w: str) -> bool:
        low = w.lower()
        return w[:1].isupper() or low in lex.titles or low.rstrip(".") in lex.role_nouns or low in ROLE_MODIFIERS

    honorific_only = all(w.lower().rstrip(".") in HONORIFICS for w in words)
    return all(describes(w) for w in words) and (honorific_only or has_role_noun(text) is not None)


def _without_trailing_titles(text: str) -> str:
    """"a top adviser to President ": the title belongs to the name after it, so the
    link word ("to") is what ends the description of the proxy."""
    lex = name_lexicon()
    words = text.rstrip().split(" ")
    while len(words) > 1 and words[-1][:1].isupper():
        low = words[-1].lower().rstrip(".")
        if not (low in lex.titles or low + "." in lex.titles or low in lex.role_nouns or low in ROLE_MODIFIERS):
            break
        words.pop()
    return " ".join(words) + " " if len(words) < len(text.rstrip().split(" ")) else text


_QUANTIFIERS = frozenset("another one two three several some many other few".split())


def _indefinite(words: list[str]) -> Attribution | None:
    """"another relative of one of the boys", "one security source": somebody unnamed.

    Read as such so that a quotation this subject speaks is not handed to a name from
    the sentences around it.
    """
    first = words[0].lower()
    if first not in _QUANTIFIERS or len(words) < 2 or len(words) > 8:
        return None
    if any(w[:1].isupper() for w in words[1:]) or _AUXILIARY.search(" ".join(words).lower()):
        return None
    return Attribution(None, " ".join([first, *words[1:]]).strip(" ,"), None, ANON)


def _is_coordination(core: str) -> bool:
    words = core.strip().rstrip(",").split()
    return not words or words[-1].lower() in {"and", "but", "or", "then", "also"}


def _strip_trailing_skips(left: str) -> str:
    skips = name_lexicon().skip_words
    words = left.rstrip().split(" ")
    while words and words[-1].lower().strip(",") in skips:
        words.pop()
    return " ".join(words)


def _plausible_subject_start(text: str) -> bool:
    """The words between a closing mark and a cue can be a subject: "he", "X, role,", "the envoy"."""
    first = _first_word(text)
    if not first:
        return False
    if first in DETERMINERS or first in _QUANTIFIERS or first in PRONOUNS or _role_opening(text):
        return True  # "he", "the envoy", "turnpike spokesman Carl DeFebo"
    word = text.strip().split()[0]
    lex = name_lexicon()
    particle = word.split("-")[0].lower() in lex.hyphen_particles and "-" in word or first in lex.particles
    return word[:1].isupper() or particle  # "al-Atta said", "de Mistura said"


_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Gen|Col|Sen|Rep|Gov|Maj|Capt|Sgt|Adm|Brig|Lt|Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Rev))$")


def _phrase_end(text: str, start: int, limit: int) -> int:
    """Where the subject after an inverted cue ends: the sentence end or a new quotation."""
    for m in re.finditer(r"[.;!?](?=\s|$)|[\"“”«]|\n", text[start:limit]):
        if m.group() == "." and _ABBREVIATION.search(text[start : start + m.start()]):
            continue
        return min(start + m.start(), start + 300)
    return min(limit, start + 300)


def _starts_with_role(chunk: str) -> bool:
    """"professor of neuroscience at Lancaster University": a description of the name before it."""
    words = [w.lower().strip(".,") for w in chunk.split()[:4]]
    while words and (words[0] in DETERMINERS or words[0] in {"former", "senior", "chief", "deputy", "top"}):
        words = words[1:]
    return bool(words) and has_role_noun(words[0]) is not None
