"""News report, opinion or transcript: what kind of writing an article is, read at ingestion.

An analyst leads a brief with what reporters established, not with what a
columnist argues or what a guest said on air. Columns, analysis, interviews and
broadcast transcripts still carry quotes worth keeping, but they must not feed
the Bottom line or the Key developments. The signals are the ones an editor
reads, strongest first:

1. what the publication says: an "Opinion" / "Editorial" / "Commentary" /
   "Analysis" label in the section metadata, the outlet's name ("New York Times -
   Opinion"), the headline ("OPINION: ..."), the web address (".../opinion/...")
   or a label paragraph ("ANALYSIS/OPINION:"), and the column disclaimer ("The
   opinions expressed in this commentary are solely those of the author");
2. the shape of a transcript: speaker labels ("AMY GOODMAN:", a name alone on its
   line before each turn, "Q:" / "A:") and the host's "I'm ..." sign-on;
3. the voice of the text, quotations set aside: a question for a headline or a
   lede ("Has X twisted the narrative?"), an explainer's headline ("..., explained"),
   or a text thick with the author's "I" and "we" and rhetorical questions.

A news report quotes people who say "I" and ask questions; only words outside
quotation marks count as the author's, and the voice test needs a clear excess
(news copy scores near zero, columns far above the threshold).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

NEWS = "news"
OPINION = "opinion"
TRANSCRIPT = "transcript"
KINDS = (NEWS, OPINION, TRANSCRIPT)

_OPINION_WORDS = r"opinions?|op-?eds?|editorials?|commentary|commentaries|columns?|columnists?|analysis|perspectives?|viewpoints?|letters?"
# "OPINION: In Gaza, ...", "Analysis | The ...", "Commentary — ...": a genre label before the headline.
_TITLE_LABEL = re.compile(rf"^\s*(?:{_OPINION_WORDS})\s*[:|\u2014\u2013-]", re.I)
# "New York Times - Opinion", "CNN - Editorial", "The Opinion Pages".
_SOURCE_LABEL = re.compile(r"\b(?:opinion|op-?ed|editorial|commentary)\b", re.I)
# A path segment naming the section: /opinion/, /opinions/, /Commentary/Opinion/, /op-ed/.
_URL_SECTION = re.compile(
    r"/(?:opinions?|op-?eds?|editorials?|commentary|columns?|columnists?|perspectives?|analysis)(?:/|$)", re.I
)
_URL_TRANSCRIPT = re.compile(r"/transcripts?(?:/|$)", re.I)
# A label paragraph: "ANALYSIS/OPINION:", "OPINION", "COMMENTARY:".
_LABEL_PARAGRAPH = re.compile(rf"^\s*(?:(?:{_OPINION_WORDS})\s*/?\s*)+:?\s*$", re.I)
# The disclaimer a column carries, and captions that speak of "the author".
_DISCLAIMER = re.compile(
    r"\b(?:opinions|views)\s+expressed\s+(?:in\s+this\s+\w+\s+|here\s+)?(?:are|is)\s+(?:solely\s+|only\s+)?"
    r"(?:those\s+of\s+the\s+(?:author|writer)|the\s+(?:author|writer)['\u2019]s)"
    r"|,\s+the\s+(?:author|writer)\s+(?:says|argues|writes)\b",
    re.I,
)
# "Does Donald Trump know what his Syria policy is?", "War with ISIS: What does victory look like?"
_QUESTION_TITLE = re.compile(r"\?\s*['\"\u2019\u201d]?\s*$")
_EXPLAINER_TITLE = re.compile(r",\s+explained\s*$", re.I)

# Speaker labels of a transcript: "AMY GOODMAN:", "SANGER:", "Q:", "A.", "MR. SMITH:".
_CAPS_LABEL = re.compile(
    r"^\s*(?:(?P<who>(?:[A-Z][A-Z.'\u2019\-]*\s+){0,3}[A-Z][A-Z'\u2019\-]+)\s*:|(?P<qa>Q|A)\s*[:.])\s+\S"
)
# Labels that head news copy, not a turn of speech.
_NOT_SPEAKERS = frozenset(
    "UPDATE UPDATED PHOTOS PHOTO VIDEO RELATED ALSO MORE WATCH READ SEE NOTE CORRECTION CLARIFICATION EDITOR "
    "ANALYSIS OPINION BREAKING EXCLUSIVE WARNING CLOSE TRENDING LIVE PROFILE STORY MAP".split()
)
# A name alone on its line before the turn it heads ("michael barbaro", "David Sanger").
_NAME_LINE = re.compile(r"^\s*[A-Za-z][a-z'\u2019\-]+(?:\s+[A-Za-z][a-z'\u2019\-]+){1,2}\s*$")
# The host's sign-on: "From The New York Times, I'm Michael Barbaro. This is ..."
_SIGN_ON = re.compile(r"\bI['\u2019]m\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b.{0,80}?\b(?:This\s+is|[Ww]elcome\s+to)\b")
MIN_TURNS = 4  # labelled turns before a text counts as a transcript
MIN_SPEAKERS = 2

# The author's voice, per 1,000 words outside quotations: "I" counts 1, "we" 0.5, a question 2.
_FIRST_SINGULAR = re.compile(r"\b(?:I|I['\u2019](?:m|ve|d|ll)|me|my|mine|myself)\b")
_FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|ours|ourselves|[Ww]e['\u2019](?:re|ve|d|ll))\b")
# Quotations: double marks, curly or straight; single marks, curly or straight (the British
# and tabloid style: 'We are leaving,' she said.), where an apostrophe inside ("don't",
# "Father's") does not close the quotation: a closing mark is one no letter follows. A
# quotation left open runs to the end of the paragraph (it goes on in the next one).
_QUOTED = re.compile(
    r"\u201c[^\u201d]*(?:\u201d|$)|\"[^\"]*(?:\"|$)"
    r"|\u2018(?:[^\u2019]|\u2019(?=\w))*(?:\u2019(?!\w)|$)"
    r"|(?<![\w'])'(?=[A-Za-z(\[])(?:[^']|'(?=\w))*(?:'(?!\w)|$)"
)
# A post embedded in the page, as text: "... #hashtag — Jane Roe (@janeroe) July 5, 2016". The
# words are the poster's, quoted by the report, not the author's voice.
_EMBEDDED_POST = re.compile(
    r"\u2014\s*[^\u2014()]{1,80}\(@\w{1,30}\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*$"
)
# The newsroom's first person: a reporter telling how the news was got ("we reported", "a
# spokeswoman confirmed to us", "I'm told", "insiders tell me"). It reports; it does not argue.
_NEWSROOM = re.compile(
    r"\b(?:[Ww]e|I)\s+(?:have\s+|had\s+|also\s+)?(?:reported|asked|contacted|reached\s+out|learned|obtained|"
    r"spoke|talked|interviewed|requested|emailed|called|sent|showed|confirmed|reviewed)\b"
    r"|\b(?:[Ww]e|I)['\u2019](?:ve|d)\s+(?:also\s+)?(?:reported|asked|contacted|reached\s+out|learned|obtained|"
    r"spoke|talked|interviewed|requested|emailed|called|sent|confirmed|reviewed)\b"
    r"|\b(?:told|tells|tell|telling|confirmed\s+to|said\s+to|wrote\s+to|emailed|asked|showed)\s+(?:us|me)\b"
    r"|\bI(?:['\u2019]m|\s+am|\s+was|\s+have\s+been|['\u2019]ve\s+been)\s+told\b"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
VOICE_THRESHOLD = 12.0
MIN_VOICE_WORDS = 150  # a short text's few pronouns say little
LEDE_PARAGRAPHS = 2
_READ_CHARS = 5_000  # of each paragraph: labels and voice show long before that (a 10 MB line costs no more)
_VOICE_WORDS = 20_000  # the author's voice is clear in the first 20,000 words
_LEDE_CHARS = 3_000


def detect_kind(
    title: str | None,
    source: str | None,
    url: str | None,
    paragraphs: Sequence[str],
    section: str | None = None,
    raw: Sequence[str] | None = None,
) -> str:
    """"news", "opinion" or "transcript" for one article (see the module docstring).

    `paragraphs` is the story without its page furniture (a reader's call-out "Are you in
    Kiev?" is no question of the author's); `raw` is the text as it came, furniture included:
    the page's genre label, the column's disclaimer and a transcript's speaker lines are there."""
    paragraphs = [p[:_READ_CHARS] for p in paragraphs]
    raw = paragraphs if raw is None else [p[:_READ_CHARS] for p in raw]
    labelled = _labelled_kind(title, source, url, section, raw)
    if labelled is not None:
        return labelled
    if is_transcript(raw):
        return TRANSCRIPT
    if title and (_QUESTION_TITLE.search(title) or _EXPLAINER_TITLE.search(title)):
        return OPINION
    if _asks_in_lede(paragraphs) or author_voice(paragraphs) >= VOICE_THRESHOLD:
        return OPINION
    return NEWS


def _labelled_kind(
    title: str | None,
    source: str | None,
    url: str | None,
    section: str | None,
    paragraphs: Sequence[str],
) -> str | None:
    """What the publication itself says the piece is, or None when it says nothing."""
    if section and re.search(r"\btranscripts?\b", section, re.I):
        return TRANSCRIPT
    if url and _URL_TRANSCRIPT.search(_path(url)):
        return TRANSCRIPT
    if section and re.search(rf"\b(?:{_OPINION_WORDS}|reviews?)\b", section, re.I):
        return OPINION
    if title and _TITLE_LABEL.match(title):
        return OPINION
    if source and _SOURCE_LABEL.search(source):
        return OPINION
    if url and _URL_SECTION.search(_path(url)):
        return OPINION
    head, tail = paragraphs[:5], paragraphs[-5:]
    if any(_LABEL_PARAGRAPH.match(p) for p in head):
        return OPINION
    if any(_DISCLAIMER.search(p) for p in (*head, *tail)):
        return OPINION
    return None


def _path(url: str) -> str:
    """The path of a web address (the host "opinion.example.com" is not the path)."""
    rest = url.split("://", 1)[-1]
    slash = rest.find("/")
    return rest[slash:].split("?", 1)[0].split("#", 1)[0] if slash != -1 else ""


def is_transcript(paragraphs: Sequence[str]) -> bool:
    """Turns of speech headed by speaker labels, or a broadcast's sign-on."""
    if any(_SIGN_ON.search(p) for p in paragraphs[:3]):
        return True
    labels: Counter[str] = Counter()
    for p in paragraphs:
        match = _CAPS_LABEL.match(p)
        if match:
            who = " ".join((match.group("who") or match.group("qa")).split())
            if who.split()[0].rstrip(".'\u2019") not in _NOT_SPEAKERS:
                labels[who] += 1
    if _is_dialogue(labels):
        return True
    names: Counter[str] = Counter(p.strip().lower() for p in paragraphs if _NAME_LINE.match(p))
    return _is_dialogue(names) and all(_looks_like_name(n) for n in names)


def _looks_like_name(line: str) -> bool:
    """"david sanger", not "story highlights" or "continue reading": some word of it is no
    everyday English word (a surname), and none is a word every text uses ("the", "more")."""
    from briefing.nlp.vocab import is_common_word, zipf  # wordfreq's data: read only for such lines

    words = line.split()
    return any(not is_common_word(w) for w in words) and all(zipf(w) < 6.0 for w in words)


def _is_dialogue(labels: Counter[str]) -> bool:
    """Several turns by at least two speakers, one of them speaking more than once."""
    turns = sum(labels.values())
    repeated = any(n > 1 for n in labels.values())
    return turns >= MIN_TURNS and len(labels) >= MIN_SPEAKERS and repeated


def unquoted(paragraph: str) -> str:
    """The paragraph with quoted words replaced by a placeholder (an unclosed quotation,
    as when a quote runs on into the next paragraph, is quoted to the end)."""
    if _EMBEDDED_POST.search(paragraph):
        return " \u00b7 "
    return _QUOTED.sub(" \u00b7 ", paragraph)


# A question someone else asked or thought, told without quotation marks: "Afterwards, she
# thought, How could anyone love me?" / "He asked: Why now?" is the report of a question.
_REPORTED_QUESTION = re.compile(
    r"\b(?:he|she|they|I|we|[A-Z][a-z]+)\s+(?:asked|asks|thought|thinks|wondered|wonders|said|says|wrote|writes|"
    r"tweeted|recalled|recalls)\s*[,:]\s*[A-Z]"
)


def _asks_in_lede(paragraphs: Sequence[str]) -> bool:
    """A question in the author's own words in the first prose paragraphs: news ledes
    state what happened; columns and analysis open by asking."""
    prose = [p[:_LEDE_CHARS] for p in paragraphs[:10] if len(p.split()) >= 8][:LEDE_PARAGRAPHS]
    for p in prose:
        for sentence in _SENTENCE_END.split(unquoted(p)):
            if sentence.rstrip(" )\u00b7").endswith("?") and not _REPORTED_QUESTION.search(sentence):
                return True
    return False


def author_voice(paragraphs: Sequence[str]) -> float:
    """First-person words and questions outside quotations, per 1,000 words (0 when short)."""
    sample: list[str] = []
    words = 0
    for p in paragraphs:
        if words >= _VOICE_WORDS:
            break
        sample.append(p)
        words += len(p.split())
    if words < MIN_VOICE_WORDS:
        return 0.0
    singular = plural = questions = 0
    for p in sample:
        own = _NEWSROOM.sub(" \u00b7 ", unquoted(p))
        singular += len(_FIRST_SINGULAR.findall(own))
        plural += len(_FIRST_PLURAL.findall(own))
        questions += sum(1 for s in _SENTENCE_END.split(own) if s.rstrip(" )\u00b7").endswith("?"))
    return (singular + 0.5 * plural + 2.0 * questions) * 1000.0 / words
