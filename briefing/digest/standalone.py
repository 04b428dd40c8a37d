"""Every digest line must stand alone: a reader of the brief has no earlier sentence.

A line that leans on its context is rewritten with what the article itself says,
or not used:

* a leading connective ("But", "However,", "Also") is dropped: it links to a
  sentence the reader does not see;
* "the officials said" (the ones named a paragraph earlier) becomes "officials said";
  the anonymity clause (", speaking on condition of anonymity because ...,") goes;
* a pronoun subject or speaker ("..., he said.", "She also ordered ...") is replaced
  by the person's name as the article wrote it, found by the one names engine
  (`briefing.nlp.names.NameIndex`) in the sentences just before; when it finds
  nobody there, the line is not used;
* a quotation must name its speaker in the same sentence, and its marks must pair
  up (a short quoted phrase or a title inside the reporter's sentence, the
  “glass district”, is a name for something, not speech) ("“Or it could be that ..." runs on into a sentence the reader does not get);
* a line that opens with the quotation and names its speaker after it ("“We will
  act,” the minister said.") is turned round, speaker first: `The minister said:
  “We will act.”`; a quotation of several sentences belongs in Key quotes, not in a
  one-line development: an attributed one is cut to its first sentence (`The minister said:
  “We will act.”`), a quotation its speaker opens and the next paragraph continues is closed
  where the sentence ends;
* a sentence that is all quotation, its speaker named in a sentence next to it (`“A,” Jane
  Roe said. “B.”`, or a quotation the segmenter split), is given its speaker from the
  quotes engine when the lines around it name them (quoted.py): `Jane Roe said: “B.”`;
* the author's own "I" or "we" outside quotation marks (a transcript or a column
  that slipped through), a question, and an opening that points back ("It", "This",
  "These", "Those", "The two sides", "The move came ...", "The clashes continued") are not rewritten: such a
  line is not used ("It is unclear whether ..." and "The decision to ..." say what
  they mean and stand).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from briefing.digest.features import needs_context, terms, word_count
from briefing.digest.quoted import MIN_QUOTE_WORDS, attributed_line, quoted_words, speaker_of
from briefing.models import Article
from briefing.quotes.evidence import ADJACENT, CONTINUED, SURE

if TYPE_CHECKING:
    from briefing.quotes.extract import ArticleQuotes
    from briefing.digest.units import Unit
    from briefing.nlp.names import NameIndex

_CONNECTIVE = re.compile(
    r"^(?:But|And|However|Yet|Still|Meanwhile|Also|So|Then|Instead|Now|Moreover|Nonetheless|Nevertheless)\b,?\s+(?=\S)"
    # A time told from the sentence before ("Earlier in the day, the president announced ..."):
    # out of its article it dates nothing, and the line is true without it.
    r"|^(?:Earlier|Later)(?:\s+(?:in\s+the|that)\s+(?:day|morning|afternoon|evening|night))?,\s+(?=\S)"
    r"|^(?:Hours|Minutes|Moments|Shortly)\s+(?:later|afterwards?|after\s+that|before\s+that),\s+(?=\S)"
)
# A verb that carries an event on from the sentence before, with no object.
_CARRIES_ON = (
    r"(?:continued|continues|resumed|resumes|went\s+on|goes\s+on|dragged\s+on|persisted|intensified|escalated|"
    r"subsided|happened|occurred|took\s+place)(?=\s*(?:[,.;]|$)|\s+(?:on|in|into|for|overnight|over|after|until|"
    r"as|despite|throughout|through|late|early|today|yesterday|unabated|amid)\b)"
)
# An opening that points back to an earlier sentence, whatever follows it.
_POINTS_BACK = re.compile(
    r"^[\"'\u201c\u2018]?(?:It|This(?!\s+(?:week|weekend|morning|afternoon|evening|month|year|spring|summer|autumn|fall|"
    r"winter|season|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b(?!\s+(?:was|is|has|had|will|would)\b))"
    r"|These|Those|That|Such|The\s+two\s+sides|Both\s+sides|The\s+latter|The\s+former|"
    r"He|She|They|His|Her|Their|Him|Them|Also|But|And|However)\b"
    # "The move came after ...", "The compromise was ...": the event named a sentence earlier.
    r"|^The\s+(?:move|decision|compromise|announcement|step|development|measure|remarks|comments|news|"
    r"latest|incident|episode|exchange)\b(?!\s+(?:to|by|of)\s)"  # "The decision to ..." says which
    # "The clashes continued, ...", "The attack came as ...": a bare "the" noun whose verb carries
    # the story on from the sentence before; "The clashes in the capital continued" says which.
    # An event carries on ("continued" with no object) or "came" as/after something else.
    rf"|^The\s+[a-z]+\s+(?:{_CARRIES_ON}"
    r"|(?:came|comes)\s+(?:as|after|amid|just|shortly|only|days?|hours?|weeks?|a\s+day|a\s+week|less\s+than|"
    r"in\s+response|despite|at\s+a\s+time)\b)"
)
# A short sentence whose object is only a bare reference to what came before: "The
# administration pushed back on the report." (which report?)
_ENDS_ON_REFERENCE = re.compile(
    r"\b(?:the|that|this|those|these)\s+(?:report|reports|statement|claim|claims|move|decision|remarks|comments|"
    r"allegations?|accusations?|idea|plan|proposal|request|demand|offer|warning|threat|attack|incident)\W*$",
    re.I,
)
MAX_REFERENCE_WORDS = 12
# "Romney used the incident to attack Obama": which incident? An incident or episode is named
# where it is told ("the incident at the port", "the episode in which ..."), not after.
_BARE_INCIDENT = re.compile(r"\bthe\s+(?:incident|episode)\b(?!\s+(?:in|at|on|of|near|outside|inside|that|which|when|where)\b)", re.I)
# A verdict on an event the line does not name: "... saying the talk was “constructive.”" (which
# talk?); "the talks in Geneva were constructive" says which.
_VERDICT_ON_REFERENCE = re.compile(
    r"\b(?:saying|said|says|calling|called|describing|described)\s+(?:that\s+)?the\s+(?:talks?|meeting|call|"
    r"conversation|discussion|visit|session|exchange|agreement|deal|move|decision|attack|incident)\s+"
    r"(?:was|were|had\s+been|has\s+been|is|are)\b",
    re.I,
)
# The anonymity clause ("officials, speaking on condition of anonymity because they were not
# authorized to talk to the media, said ..."): a reader of one line needs who said what, not
# the terms; the clause costs a line of the page.
_ANONYMITY = re.compile(
    r",\s+(?:who\s+)?(?:were\s+|was\s+)?(?:speaking|spoke|talking)\s+on\s+(?:the\s+)?condition\s+"
    r"(?:of|that\s+(?:they|he|she)\s+not\s+be\s+(?:named|identified))\b[^,]*,\s+"
    r"|,\s+who\s+(?:requested|asked\s+for|was\s+granted|were\s+granted)\s+anonymity\b[^,]*,\s+"
)
_ANONYMITY_TERMS = re.compile(r"\bon\s+(?:the\s+)?condition\s+of\s+anonymity\b", re.I)
# "It" that stands for nothing earlier: "It was not immediately clear whether ...", "It is
# unknown how many ...": the sentence says what is unclear itself.
_DUMMY_IT = re.compile(
    r"^[\"'\u201c\u2018]?It\s+(?:is|was|remains|remained)\s+(?:not\s+)?(?:yet\s+|immediately\s+|still\s+)?"
    r"(?:clear|unclear|known|unknown)\s+(?:whether|if|who|what|how|when|why|where)\b"
    # The "it" of a clause put last: "It is not the time to ease pressure", "It is difficult to
    # reach the port", "It is important that ...": what the sentence is about follows.
    r"|^[\"'\u201c\u2018]?It(?:\s+is|\s+was|['\u2019]s)\s+(?:not\s+|no\s+longer\s+|now\s+|still\s+)?"
    r"(?:(?:the\s+|high\s+)?time|(?:very\s+|too\s+|so\s+|extremely\s+)?(?:difficult|hard|easy|important|possible|impossible|"
    r"necessary|essential|illegal|unusual|rare|common|vital|crucial|dangerous|safe))"
    r"(?:\s+for\s+[\w\s]{1,30}?)?\s+(?:to|that)\s+\w"
)
# A short quoted phrase inside the reporter's sentence ("the so-called “red line”", a title
# such as “Celebration of the American Songwriter”) names something; it is not speech that
# needs a speaker. A quotation longer than this, or one that opens the line, is speech.
MAX_TERM_WORDS = 3
# A quotation of several sentences: "“Make no mistake. Justice will be done,” Obama said."
# (An ellipsis between them elides words, not the stop: "“I think so. … While everyone ...”".)
_INNER_STOP = re.compile(r"[.!?][\"\u201d\u2019']?\s+(?:(?:\u2026|\.\.\.)\s*)?[\"\u201c\u2018]?[A-Z]")
# The dot of a title or an initial is no stop: "“Gov. Romney disagrees,” Saul said." is one sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Cpl|Adm|Maj|Prof|Rev|Sr|Jr|St|Mt|No|Vol|Gens?|Reps?|Sens?)"
    r"|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])$"
)


def _stops(quote: str) -> list[re.Match[str]]:
    """The sentence stops inside a quotation (not a title's or an initial's dot)."""
    return [m for m in _INNER_STOP.finditer(quote) if not (quote[m.start()] == "." and _ABBREVIATION.search(quote[: m.start()]))]
# The whole line is a quotation, then who said it: "“...,” Name said on Tuesday." / "“...,” said Name."
_QUOTE_FIRST = re.compile(
    r"^(?P<open>[\u201c\"])(?P<quote>[^\u201d\"]+?)(?P<punct>[,.!?]?)(?P<close>[\u201d\"])\s+(?P<attr>[^\u201c\u201d\"]+?)\.?$"
)
_GENERIC_PLURAL = (
    "officials|sources|diplomats|analysts|witnesses|residents|activists|authorities|police|militants|rebels|"
    "protesters|lawmakers|investigators|experts|observers|monitors|medics|doctors"
)
_GENERIC_SINGULAR = {"official": "an official", "source": "a source", "spokesman": "a spokesman",
                     "spokeswoman": "a spokeswoman", "spokesperson": "a spokesperson", "diplomat": "a diplomat",
                     "witness": "a witness", "resident": "a resident", "analyst": "an analyst"}  # fmt: skip
_THE_GENERIC = re.compile(
    rf"\b[Tt]he\s+(?P<adj>[A-Z][\w.-]+\s+)?(?P<who>{_GENERIC_PLURAL}|{'|'.join(_GENERIC_SINGULAR)})\b"
    rf"(?=(?:,[^,]{{0,140}},)?\s+(?:said|say|says|told|added|confirmed|reported)\b)"
)
_FIRST_PERSON = re.compile(r"\b(?:I|I['\u2019](?:m|ve|d|ll)|[Ww]e|[Ww]e['\u2019](?:re|ve|d|ll)|[Oo]ur|us|[Mm]y|me)\b")
_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")
_SPEECH = (
    r"said|says|told|tells|added|adds|wrote|writes|declared|announced|stated|insisted|warned|argued|noted|explained|"
    r"asked|replied|continued|stressed|acknowledged|admitted|claimed|according\s+to|tweeted|posted|called|calls|"
    r"described|describes|saying|claiming|calling|describing|insisting|warning|arguing|noting|adding|labeled|labelled|"
    r"dubbed|branded|vowed|vowing|promised|promising|shouted|shouting|chanted|chanting|yelled|titled|entitled|headlined"
)
# A named speaker next to the speech verb: "Kerry said", "said Sen. Jane Roe", "the ministry said".
# Reporting words that tell whose words a quotation woven into the reporter's sentence are
# ("prosecutors alleged that he “choked” a second victim", "the rules say", "a sign that read
# “...”", "the network's press release"): verbs of saying beyond the plain ones, and the
# documents words come from.
_ATTRIBUTION = (
    r"say|argue[sd]?|arguing|accuse[sd]?|accusing|allege[sd]?|alleging|urge[sd]?|urging|confirm(?:s|ed)?|confirming|"
    r"suggest(?:s|ed)?|suggesting|express(?:es|ed)|expressing|joked|joking|quipped|read|reads|reading|invite[sd]?|"
    r"inviting|thank(?:s|ed)|thanking|demand(?:s|ed)|demanding|den(?:y|ies|ied)|denying|question(?:s|ed|ing)|"
    r"lamented|pronounced|testified|recalled|recalling|complained|complaining|predicted|predicting|"
    r"statement|memo|press\s+release|ruling|judgment|lawsuit|complaint|indictment|filing|report|letter|journal|"
    r"tweet|post|message|note|sign|banner"
)
_CUE = re.compile(rf"\b(?:{_SPEECH}|{_ATTRIBUTION})\b", re.I)
_PRONOUN_AT = re.compile(r"^(?P<pre>[\"'\u201c\u2018]?)(?P<pronoun>He|She|His|Her)\b")
_PRONOUN_CUE = re.compile(rf"(?:\b(?P<before>he|she)\s+(?:also\s+|later\s+|then\s+)?(?:{_SPEECH})\b|\b(?:{_SPEECH})\s+(?P<after>he|she)\b)", re.I)
_MASK = "#"
MAX_ATTRIBUTION_WORDS = 14
# The evidence for a quotation's speaker a digest line may rest on (quoted.py): what the
# brief's Key quotes print, and the quotation that goes on from its speaker's (`“A,” Roe
# said. “B.”`) or has them named in the sentence next to it, when the paragraph names them.
TRUSTED = SURE | {CONTINUED, ADJACENT}
# A third person in a quotation set apart from its paragraph: "he was opposed to slavery"
# (who?), "his willingness to donate" (whose?). The speaker's "I" and "we" are theirs.
_THIRD_PERSON = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]is|[Hh]er|[Hh]ers|[Tt]hey|[Tt]hem|[Tt]heir|HE|SHE|THEY)\b")


def stands_alone(text: str) -> bool:
    """Whether a sentence can be a digest line as it is."""
    stripped = text.strip()
    if not stripped or needs_context(stripped):
        return False
    if _POINTS_BACK.match(stripped) and not _DUMMY_IT.match(stripped):
        return False
    if len(stripped.split()) <= MAX_REFERENCE_WORDS and _ENDS_ON_REFERENCE.search(stripped):
        return False
    if _VERDICT_ON_REFERENCE.search(stripped) or _BARE_INCIDENT.search(_QUOTED.sub("Q", stripped)):
        return False
    if _ANONYMITY_TERMS.search(stripped):
        return False  # the terms of an interview as the whole news ("The officials spoke on condition ...")
    if any(_stops(q) for q in _QUOTED.findall(stripped)):
        return False
    if not _quotes_pair(stripped) or stripped.rstrip("\"'\u201d\u2019)").endswith("?"):
        return False
    outside = _QUOTED.sub("Q", stripped)
    if _FIRST_PERSON.search(outside):
        return False
    if outside != stripped and not _CUE.search(outside) and not _only_terms(stripped):
        return False  # a quotation and nobody to say it
    return True


def _only_terms(text: str) -> bool:
    """Every quotation in the line is a name for something, not speech: it does not open the
    line, and it is a short phrase or a title (every word capitalised)."""
    for match in _QUOTED.finditer(text):
        words = match.group(0).strip("\"\u201c\u201d").split()
        title = len(words) <= 8 and all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words)
        if match.start() == 0 and not title:
            return False  # a title may open the line ("“Harbour Lights” opens on Friday."), speech may not
        if len(words) > MAX_TERM_WORDS and not title:
            return False
    return True


_TITLE_SMALL = frozenset("a an the of in on at to for and or but with from by".split())


def _quotes_pair(text: str) -> bool:
    return text.count("\u201c") == text.count("\u201d") and text.count('"') % 2 == 0


@dataclass
class Rewriter:
    """Rewrites chosen digest sentences to stand alone; one per digest (it keeps each article's
    names, read on first need)."""

    articles: tuple[Article, ...]
    _names: dict[int, NameIndex] = field(default_factory=dict)
    _quotes: dict[int, ArticleQuotes] = field(default_factory=dict)

    def ready(self, unit: Unit) -> Unit | None:
        """`unit` as a line that stands alone (rewritten when needed, its terms read again), or
        None when it cannot be made to."""
        text = self.rewrite(unit.article, unit.sentence, unit.text)
        if text is None or text == unit.text:
            return None if text is None else unit
        return replace(unit, text=text, words=word_count(text), terms=terms(text))

    def rewrite(self, article: int, sentence: int, text: str) -> str | None:
        """The sentence as a line that stands alone, or None when it cannot be made to."""
        line = _without_connective(text.strip())
        line = _ANONYMITY.sub(" ", line)
        line = _THE_GENERIC.sub(_generic, line)
        line = first_sentence_quoted(close_quotation(line))
        if not stands_alone(line):
            named = self._named(article, sentence, text.strip(), line)
            if named is None or not stands_alone(named):
                return self._quoted(article, sentence, text)
            line = named
        return self._full_name(article, speaker_first(line))

    def _quoted(self, article: int, sentence: int, text: str) -> str | None:
        """The sentence's quoted words with the speaker the quotes engine finds for them
        (quoted.py), or None."""
        words = quoted_words(text)
        if words is None:
            return None
        stops = _stops(words)
        if stops:
            words = words[: stops[0].start() + 1].rstrip()
        if len(words.split()) < MIN_QUOTE_WORDS or not words[:1].isupper() or words.endswith("?"):
            return None
        if (_POINTS_BACK.match(words) and not _DUMMY_IT.match(words)) or _THIRD_PERSON.search(words):
            return None
        found = speaker_of(self.articles[article], sentence, words, self._article_quotes(article), TRUSTED)
        if found is None:
            return None
        line = attributed_line(found[0], found[1], words)
        return line if stands_alone(line) else None

    def _article_quotes(self, article: int) -> ArticleQuotes:
        if article not in self._quotes:
            from briefing.config import QuoteSettings
            from briefing.quotes.extract import article_quotes

            self._quotes[article] = article_quotes(self.articles[article], QuoteSettings())
        return self._quotes[article]

    def _full_name(self, article: int, line: str) -> str:
        """`line` with a courtesy-title second reference ("Mr. Stevens", "Ms. Ashton") written
        as the person's full name from the article: news style names a person in full first, and
        a brief's line is a first reference."""
        outside = _mask_quotes(line)
        match = _COURTESY.search(outside)
        if match is None:
            return line
        entity = self._index(article).lookup(match.group("surname"))
        if entity is None or entity.kind != "person":
            return line
        name = entity.name
        if len(name.split()) < 2 or name.split()[-1] != match.group("surname"):
            return line
        return line[: match.start()] + name + line[match.end() :]

    def _named(self, article: int, sentence: int, original: str, line: str) -> str | None:
        """`line` with its pronoun subject or speaker replaced by the person the article means."""
        outside = _mask_quotes(line)
        opening = _PRONOUN_AT.match(outside)
        cue = _PRONOUN_CUE.search(outside)
        if opening:
            start, pronoun = opening.start("pronoun"), opening.group("pronoun")
        elif cue:
            group = "before" if cue.group("before") else "after"
            start, pronoun = cue.start(group), cue.group(group)
        else:
            return None
        name = self._resolve(article, sentence, original, pronoun, line[start:])
        if name is None:
            return None
        replacement = f"{name}’s" if pronoun.lower() in ("his", "her") else name
        return line[:start] + replacement + line[start + len(pronoun) :]

    def _resolve(self, article: int, sentence: int, original: str, pronoun: str, tail: str) -> str | None:
        a = self.articles[article]
        s = a.sentences[sentence]
        offset = original.find(tail[:40]) if tail else -1
        pos = s.start + (offset if offset >= 0 else 0)
        index = self._index(article)
        mention = index.resolve_pronoun("he" if pronoun.lower() in ("he", "his") else "she", pos)
        if mention is None or mention.entity is None or mention.entity.kind != "person":
            return None
        if index.sentence_of(mention.start) < index.sentence_of(pos) - 2:
            return None  # too far back to be sure who is meant
        name = mention.entity.name
        return name if len(name.split()) >= 2 else None

    def _index(self, article: int) -> NameIndex:
        if article not in self._names:
            from briefing.nlp.names import NameIndex

            a = self.articles[article]
            starts = [s.start for s in a.sentences] or [0]
            self._names[article] = NameIndex(_mask_quotes(a.text), starts)
        return self._names[article]


# A second reference by courtesy title: "Mr. Stevens", "Ms Ashton", "Dr. Haddad".
_COURTESY = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?P<surname>[A-Z][\w\u2019'-]*[a-z])\b")


# The attribution that opens a quotation: "X said: “", "X told a meeting: “", "The letter reads, in part, “".
_OPENS_QUOTE = re.compile(rf"\b(?:{_SPEECH}|reads|read)\b[^\u201c\u201d\"]{{0,60}}?[:,]\s*$", re.I)


def close_quotation(line: str) -> str:
    """A quotation its speaker opens in this sentence and continues in the next (`Jane Roe said:
    “The port is open.` ...) closed where the sentence ends, as an editor cuts a quote; the
    typewriter's doubled marks (“The Road,’’ / ''The Road") read as the quotation marks they are.
    Any other line as it is: a quotation with no attribution before it stays unpaired (and unused)."""
    line = line.replace("\u2019\u2019", "\u201d").replace("\u2018\u2018", "\u201c").replace("''", '"')
    if not line.endswith((".", "!", "?")):
        return line
    if line.count("\u201c") == line.count("\u201d") + 1:
        mark, close = "\u201c", "\u201d"
    elif line.count('"') % 2 == 1 and "\u201c" not in line:
        mark, close = '"', '"'
    else:
        return line
    start = line.rfind(mark)
    if close in line[start + 1 :] or not _OPENS_QUOTE.search(line[:start]):
        return line
    return line + close


# A line of one attributed quotation: "“A. B,” X said." or "X said: “A. B.”".
_ATTRIBUTED_AFTER = re.compile(
    r"^(?P<open>[\u201c\"])(?P<quote>[^\u201c\u201d\"]+)(?P<close>[\u201d\"])(?P<attr>\s+[^\u201c\u201d\"]+)$"
)
_ATTRIBUTED_BEFORE = re.compile(
    rf"^(?P<attr>[^\u201c\u201d\"]+\b(?:{_SPEECH})\b[^\u201c\u201d\"]{{0,60}}?[:,]\s*)(?P<open>[\u201c\"])"
    r"(?P<quote>[^\u201c\u201d\"]+)(?P<close>[\u201d\"])$",
    re.I,
)


def first_sentence_quoted(line: str) -> str:
    """A line of one attributed quotation several sentences long, cut to the quotation's first
    sentence (`“The port is open. Convoys can come,” the governor said.` -> `“The port is open,”
    the governor said.`): one line, one statement, its speaker named; the rest is for Key quotes.
    Any other line as it is."""
    before = _ATTRIBUTED_BEFORE.match(line)
    if before:
        first = _first_of(before.group("quote"))
        return line if first is None else f"{before.group('attr')}{before.group('open')}{first}{before.group('close')}"
    after = _ATTRIBUTED_AFTER.match(line)
    if after and _CUE.search(after.group("attr")):
        first = _first_of(after.group("quote"))
        if first is None:
            return line
        end = first[-1]
        return f"{after.group('open')}{first[:-1]}{',' if end == '.' else end}{after.group('close')}{after.group('attr')}"
    return line


def _first_of(quote: str) -> str | None:
    """The first sentence of a quotation of several (ending on its stop), or None for one sentence."""
    stops = _stops(quote)
    if not stops:
        return None
    stop = stops[0]
    first = quote[: stop.start() + 1].strip()
    return first if len(first.split()) >= 6 else None


def speaker_first(line: str) -> str:
    """`“We will act,” the minister said on Tuesday.` -> `The minister said on Tuesday: “We will act.”`;
    any other line as it is."""
    match = _QUOTE_FIRST.match(line)
    if not match:
        return line
    attr = match.group("attr").strip()
    if len(attr.split()) > MAX_ATTRIBUTION_WORDS or attr.count(",") > 2:
        return line  # a long tail ("..., though he said ...") does not turn round cleanly
    inverted = re.match(rf"^(?P<verb>{_SPEECH})\s+(?P<who>[^,]+?)(?P<rest>,.*)?$", attr)
    if inverted:
        rest = f"{inverted.group('rest')}," if inverted.group("rest") else ""  # "said X, a Democrat" -> "X, a Democrat, said"
        attr = f"{inverted.group('who')}{rest} {inverted.group('verb')}"
    elif not re.search(rf"\b(?:{_SPEECH})\b", attr):
        return line
    punct = match.group("punct")
    end = punct if punct in ("!", "?") else "."
    who = attr[:1].upper() + attr[1:]
    return f"{who}: \u201c{match.group('quote').strip()}{end}\u201d"


def _without_connective(text: str) -> str:
    match = _CONNECTIVE.match(text)
    if match:
        rest = text[match.end() :]
        text = rest[:1].upper() + rest[1:] if rest[:1].islower() else rest
    return text


def _generic(match: re.Match[str]) -> str:
    """"the Israeli officials" -> "Israeli officials"; "the official" -> "an official"."""
    who, adj = match.group("who"), match.group("adj") or ""
    if who in _GENERIC_SINGULAR:
        article, noun = _GENERIC_SINGULAR[who].split(" ", 1)
        article = ("an" if adj[:1].lower() in "aeiou" else "a") if adj else article
        phrase = f"{article} {adj}{noun}"
    else:
        phrase = f"{adj}{who}"
    return phrase[:1].upper() + phrase[1:] if match.group(0)[:1].isupper() else phrase


def _mask_quotes(text: str) -> str:
    """Quoted words replaced by a mask of the same length, so positions still line up."""
    return _QUOTED.sub(lambda m: _MASK * len(m.group(0)), text)
