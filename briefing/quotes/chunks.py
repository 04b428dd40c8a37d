"""Reading one chunk of a subject phrase ("the U.N. envoy", "Putin's spokesman", "he") as a speaker.

The base of the attributor (see speakers.py): it holds one article with its
quotations masked and its names index, and turns a chunk of words into an
Attribution: a named person or organisation, somebody described but unnamed,
a pronoun resolved to its antecedent, or the issuer of "the statement".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from briefing.models import Article
from briefing.nlp.names.keys import strip_possessive
from briefing.nlp.names.lexicon import is_place, name_lexicon
from briefing.nlp.names.mention import ANON, DETERMINERS, ORG, PERSON, PRONOUNS, PRONOUNS_PERSON, Mention
from briefing.nlp.names.roles import clean_role, has_role_noun
from briefing.nlp.vocab import is_common_word
from briefing.quotes.cues import CueLexicon, mask_quotes
from briefing.quotes.marks import QuoteSpan
from briefing.quotes.speech_names import SpeechNameIndex
from briefing.quotes.wording import (
    FUNCTION_WORDS,
    NOBODY,
    Attribution,
    from_mention,
    indefinite,
    noun_key,
    only_adverbial,
    paragraph_starts,
    starts_adverbial,
    strip_trailing_skips,
    titled,
    with_how,
    without_trailing_titles,
)
from briefing.quotes.evidence import DESCRIPTION, NAMED, PRONOUN, STATEMENT
from briefing.quotes.spokes import SPEAKS_FOR, earlier_spokesperson, organisation_in, speaks_for

_QUALIFIED = re.compile(r"\s*(?:[Tt]he|[Aa]n?)\s+.*\s(?![a-z]+ly\b)[a-z]+\s*")  # "the Kremlin strongman"


_CIRCUMSTANCE = re.compile(
    r"\s+(?:(?:in|on|at|during|via|over)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:video|statement|interview|post|posting|speech|address|message|letter|briefing|conference|call|tweet|broadcast)s?"
    r"|(?:on|via|in)\s+(?:state\s+|national\s+|local\s+)?(?:TV|television|radio|Twitter|Facebook|Instagram|Telegram|Skype))"
    r"(?:\s+(?:on|in|at|late|early)\s+(?:[A-Za-z]+\s*){1,2})?\s*"
)


_PROXY = re.compile(
    r"(?:^|(?<=[\s—–.-]))(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|\w+['’]s)\s+"
    r"(?:[\w.-]+\s+){0,4}?([a-z]+)\s+"
    r"(for|to|of|with|close\s+to|near|familiar\s+with)\s+(?:the\s+)?(?:[\w.]+-[a-z]+\s+)*$"
)


# "Adam Marshall of the British Chambers", "Seamus Edney from the law firm": the person, then the
# organisation he is of; not "Obama in what the White House (described)", where a clause intervenes.
_OF_ORG = re.compile(
    r"[\s,]*(?:of|from|at|for|with|in)\s+(?:the\s+)?(?:(?!(?:what|which|who|whom|whose|where|when|that|how)\b)[\w.'’-]+\s+){0,3}"
)


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|from|inside|outside|across)\s+(?:the\s+)?$")


_SEAT_LINK = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")


_OF_PLACE = re.compile(r"\s+(?:of|from|at|with|for|in)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*\s*,?\s*")


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


# "a statement released by X", "a letter from X"; not "a statement obtained by Fox News": who got it
_ISSUED_BY = re.compile(r"\b(?<!obtained\s)(?<!seen\s)(?<!received\s)(?<!reviewed\s)(?<!cited\s)(?:by|from|of)\s+(.+)$")


_CONTRACTION = re.compile(r"['’](?:ll|re|ve|d|m|t)$")


_TRAILING_PRONOUN = re.compile(r"\b(?:as|when|after|before|while|because|since|that|and|but|where)\s+(he|she|they)\s*$", re.I)


# `“... there?” he asked.`: a question or exclamation closing a quotation, then its cue in lower case
_CUE_AFTER_QUESTION = re.compile(r"[?!]['’\"”]+\s*$")


def _speech_sentence_starts(article: Article) -> list[int]:
    """The article's sentence starts, except where a sentence splitter cut a quotation ending in
    "?" or "!" from the lower-case cue that follows it: one sentence for attribution."""
    starts: list[int] = []
    previous = ""
    for sentence in article.sentences:
        if starts and sentence.text[:1].islower() and _CUE_AFTER_QUESTION.search(previous):
            previous = sentence.text
            continue
        starts.append(sentence.start)
        previous = sentence.text
    return starts


# "the statement said" is the statement the reader still has in mind: one mentioned within
# this many sentences. Further back, a newer speaker ("The White House said Wednesday ...")
# is more likely meant, so an older issuer is not guessed.
STATEMENT_REACH = 8


class ChunkReader:
    """One article's text, names and statement issuers, and the reading of one subject chunk."""

    def __init__(self, article: Article, spans: Sequence[QuoteSpan], lexicon: CueLexicon) -> None:
        self.article = article
        self.spans = list(spans)
        self.lex = lexicon
        self.text = mask_quotes(article.text, spans)
        starts = _speech_sentence_starts(article) or paragraph_starts(article.paragraphs)
        self.starts = starts or [0]
        self.names = SpeechNameIndex(self.text, self.starts)
        self._owners: list[tuple[int, Attribution, str]] = []  # (position, issuer, noun: "statement")

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.starts, pos) - 1)
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end

    def _read_chunk(self, a: int, b: int, pos: int) -> Attribution:
        lead = re.match(r"\s*(?:(?:but|and|yet|so|meanwhile|however|then)\b\s*)*", self.text[a:b], re.IGNORECASE)
        a += lead.end() if lead else 0
        chunk = self.text[a:b]
        words = chunk.split()
        if not words:
            return NOBODY
        st = self.lex.statement_regex.search(chunk)
        if st:
            if starts_adverbial(chunk) and _NAMED_AFTER_NOUN.match(self.text, a + st.end(), b):
                named = self._read_chunk(a + st.end(), b, pos)  # "In a Facebook post Conner (wrote)"
                if named.kind == PERSON and named.speaker:
                    return named
            return self._statement_speaker(a, b, a + st.start(), pos)
        mentions = [m for m in self.names.mentions_between(a, b) if m.kind in (PERSON, ORG)]
        final = self._final_mention(mentions, b)
        if final is not None:
            return self._proxy(a, final) or from_mention(final)
        low = chunk.strip().lower()
        if low in PRONOUNS:
            return self._resolve_pronoun(low, a, self._topic_before(a))
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
            return from_mention(persons[0])
        if mentions and len(words) <= 4:
            return from_mention(mentions[0])
        unnamed = indefinite(words)
        if unnamed is not None:
            return unnamed
        return self._bare_name(chunk, a)

    def _proxy(self, a: int, m: Mention) -> Attribution | None:
        """"a source close to Burhan", "a lawyer for Marchuk": someone else speaks for them.

        An organisation's spokesman speaks for it ("a spokesman for the army" -> the
        army); a person's representative or confidant is not that person, nor is the
        commander or a member of an organisation the organisation (a title may still
        name him: "the commander of the army" after "army commander Gen. X").
        """
        found = _PROXY.search(without_trailing_titles(self.text[a : m.start]))
        if not found:
            return None
        noun, link = found.group(1).lower(), found.group(2).split()[0].lower()
        roles = name_lexicon().role_nouns
        if noun not in roles and noun.rstrip("s") not in roles:
            return None
        if m.kind == PERSON or link in {"close", "near", "familiar"}:
            return Attribution(None, clean_role(self.text[a : m.end]), None, ANON)
        if noun in SPEAKS_FOR and organisation_in(self.names, m.start, m.end) is m:  # "a spokesman for the army"
            return speaks_for(self.names, a + len(self.text[a : m.start]) - len(self.text[a : m.start].lstrip()), m.end, m)
        if noun in SPEAKS_FOR:
            return None
        return self._described(self.text[a : m.end], noun, a)  # "the commander of the SDF": one of it, not it

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
        if FUNCTION_WORDS.intersection(owned) or not (only_adverbial(prefix) or titled(prefix)):
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
        if strip_trailing_skips(rest).strip(" ,"):
            if last.kind == PERSON and (_OF_PLACE.fullmatch(rest) or _CIRCUMSTANCE.fullmatch(rest)):
                return last  # "Sen. Roy Blunt of Missouri", "said Prigozhin in a video"
            if last.kind == ORG and (_OF_PLACE.fullmatch(rest) or _CIRCUMSTANCE.fullmatch(rest)):
                return last  # "the Ministry of Ports in Lagos", "the army in a statement"
            return None
        if last.kind == ORG and last.entity is not None and is_place(last.entity.name):
            seat = mentions[-2] if len(mentions) > 1 else None  # "the Ministry of Ports in Washington": the body
            if seat is not None and seat.kind in (ORG, PERSON) and _SEAT_LINK.fullmatch(self.text, seat.end, last.start):
                return seat
            if _LOCATIVE_BEFORE.search(self.text, max(0, last.start - 12), last.start):
                return None  # "an IS fighter in Syria (told)": where the speaker is, not who
        if last.kind == ORG:
            for m in reversed(mentions[:-1]):
                between = self.text[m.end : last.start]
                if m.kind == PERSON and _OF_ORG.fullmatch(between):
                    return m
        return last

    def _described(self, chunk: str, role_word: str, pos: int) -> Attribution:
        """"the envoy" refers back; "a senior official" or "officials" is anonymous."""
        words = chunk.strip().split()
        role = clean_role(chunk)
        definite = words[0].lower() in {"the", "this"}
        plural = words[-1].lower().endswith("s") and not words[-1].lower().endswith(("ss", "us"))
        if role_word in SPEAKS_FOR:  # "a State Department spokesman", "the official"
            start = pos + len(self.text[pos:]) - len(self.text[pos:].lstrip())
            body = organisation_in(self.names, start, start + len(chunk.strip()))
            said = speaks_for(self.names, start, start + len(chunk.strip()), body) if body else None
            if said is None and definite and not plural:
                said = earlier_spokesperson(self.names, role_word, pos)
            if said is not None:
                return said
        if definite and len(words) <= 4 and not plural:
            m = self._titled_or_untitled(role_word, pos)
            if m is not None and m.entity is not None:
                start = pos + len(self.text[pos:]) - len(self.text[pos:].lstrip())
                self.names.add_reference(start, start + len(chunk.strip()), m.entity)  # for a later "he"
                return Attribution(m.entity.name, m.entity.role or role, None, PERSON, DESCRIPTION)
        by_noun = self._org_noun(chunk, pos)
        if by_noun is not None:
            return by_noun
        return Attribution(None, role, None, ANON)

    def _titled_or_untitled(self, role_word: str, pos: int) -> Mention | None:
        """"the former firefighter said": the person the article gave that role, unless that was
        several sentences back and the sentence just before has a speaker with no role of their
        own (`_untitled_speaker`): the reporter describes the person just quoted."""
        titled = self.names.resolve_title(role_word, pos)
        untitled = self._untitled_speaker(pos)
        if titled is None or untitled is None:
            return titled or untitled
        far = self.names.sentence_of(pos) - self.names.sentence_of(titled.start) > 2
        return untitled if far else titled

    def _untitled_speaker(self, pos: int) -> Mention | None:
        """"McConnell referenced the amendment, noting “...”. “...,” the GOP leader said": a
        description no stated role matches is the speaker of the sentence before, when the
        article gives that person no role of their own (else the role would have matched)."""
        here = self.names.sentence_of(pos)
        if here == 0:
            return None
        lo, hi = self.starts[here - 1], self.starts[here]
        speakers = [m for m in self.names.mentions_between(lo, hi) if m.speaker and m.kind == PERSON and m.entity]
        if len(speakers) != 1 or speakers[0].entity is None or speakers[0].entity.role:
            return None
        return speakers[0]

    def _org_noun(self, chunk: str, pos: int) -> Attribution | None:
        words = chunk.strip().split()
        if len(words) > 3 or words[0].lower() != "the":
            return None
        org_word = words[-1].lower()
        if org_word not in name_lexicon().org_words:
            return None
        m = self.names.resolve_org_noun(org_word, pos)
        return with_how(from_mention(m), DESCRIPTION) if m is not None else None

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
                if word.isupper() and len(word) > 1:  # "SDF said": initials; "CLOSE": page furniture
                    return Attribution(word, None, None, ORG, NAMED) if len(word) <= 6 and not is_common_word(word) else NOBODY
                if self._common_word(word, start):
                    return NOBODY  # "Geologists said": a sentence-initial capital, not a name
                self.names.add_person(start, start + len(word), word)  # so that a later "she" can find Collins
                return Attribution(word, None, None, PERSON, NAMED)
        return NOBODY

    def _common_word(self, word: str, start: int) -> bool:
        """A sentence-initial word the article also writes in lower case is a common word."""
        return self.names.sentence_initial_common(start, word)

    def _statement_speaker(self, a: int, b: int, noun_at: int, pos: int) -> Attribution:
        """"a statement released by X" / "X's statement" / "the statement" (the last one issued)."""
        by = _ISSUED_BY.search(self.text[noun_at:b])
        if by:
            start = noun_at + by.start(1)
            for m in self.names.mentions_between(start, b):
                if m.kind in (PERSON, ORG):
                    return from_mention(m)
            tail = self._read_chunk(start, b, pos)
            if tail.speaker:
                return tail
        for m in reversed(self.names.mentions_between(a, noun_at)):
            if m.kind in (PERSON, ORG):
                return self._proxy(a, m) or from_mention(m)
        # "the report said" is not the statement issued earlier: the nouns must agree
        said = self.lex.statement_regex.search(self.text[noun_at:b])  # found there by the caller
        noun = noun_key(said.group()) if said else ""
        i = bisect.bisect_left([o[0] for o in self._owners], pos) - 1
        while i >= 0 and self._sentences_between(self._owners[i][0], pos) <= STATEMENT_REACH:
            if self._owners[i][2] == noun:
                return with_how(self._owners[i][1], STATEMENT)
            i -= 1
        return Attribution(None, None, None, ANON)  # a text nobody in the article is said to have issued

    def _sentences_between(self, start: int, end: int) -> int:
        return bisect.bisect_right(self.starts, end) - bisect.bisect_right(self.starts, start)

    def _topic_before(self, pos: int) -> frozenset[str]:
        """"Trump, he said, 'is now ...'": the name set off before a parenthetical "he said" is
        what the quotation is about, never the "he" (who would otherwise be written "Trump said")."""
        s = self.starts[max(0, bisect.bisect_right(self.starts, pos) - 1)] if self.starts else 0
        before = self.names.mentions_between(s, pos)
        if before and re.fullmatch(r"\s*,\s*", self.text[before[-1].end : pos]) and before[-1].entity is not None:
            return frozenset({before[-1].entity.name})
        return frozenset()

    def _resolve_pronoun(self, pronoun: str, pos: int, exclude: frozenset[str] = frozenset()) -> Attribution:
        """A "he" with no antecedent the article supports is still somebody: anonymous, so
        that no neighbouring sentence lends the quotation a speaker."""
        m = self.names.resolve_pronoun(pronoun, pos, exclude)
        if m is not None:
            return with_how(from_mention(m), PRONOUN)
        return Attribution(None, None, None, ANON) if pronoun.lower() in PRONOUNS_PERSON else NOBODY
