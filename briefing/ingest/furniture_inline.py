"""Furniture inside a paragraph: cut out, the story's words around it kept.

Copied page text glues widgets and labels onto the prose: a video widget's run
("JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 02:27"), a
label before the story ("Story highlights", "UPDATE 1:21 PM ET:", "SHARE THIS
ARTICLE Share Tweet Post Email"), a newsletter's kicker in capitals ("SHOT ACROSS THE BOW -
Outlet: ..."), a gallery ("Photos: <gallery> Photos: ..."), a
related link in parentheses ("(RELATED: ...)"), a pull-quote marker, and the
name cards some sites put on a person's name: the full name glued to a list
of headlines about that person, closed by "MORE" ("... President Trump Donald
John TrumpDem lawmaker says ... MORE on Monday ..."). See furniture.py for
whole paragraphs.
"""

from __future__ import annotations

import re

_WIDGET = re.compile(
    r"\bJUST WATCHED\b.{0,200}?\bReplay More Videos\b(?:\s*(?:\.\.\.|\u2026))?"
    r"|\bMUST WATCH\b.{0,200}?\b\d{1,2}:\d{2}\b"
)
_LEADING_LABEL = re.compile(
    r"^\s*(?:story\s+highlights|share\s+this\s+article(?:\s+(?:share|tweet|post|email))*"
    r"|update(?:d)?\s*(?:\d{1,2}:\d{2}\s*[ap]\.?m\.?(?:\s*[A-Z]{2,4})?)?\s*:"
    r"|breaking(?:\s+news)?\s*:|developing\s*:|\[pullquote\]|\*\*)\s*",
    re.I,
)
_PULLQUOTE = re.compile(r"\s*\[pullquote\]\s*", re.I)
# "READ THE FULL STATEMENT HERE.", "WATCH THE VIDEO HERE": a link's prompt in capitals.
_CAPS_PROMPT = re.compile(r"\b(?:READ|WATCH|SEE|CLICK|LISTEN)\b[A-Z '\u2019:,-]{0,80}?\bHERE\b\.?")
_GALLERY = re.compile(r"^\s*(?:photos?|gallery|slideshow|in\s+pictures)\s*:", re.I)
_CLOSE_WIDGET = re.compile(r"^CLOSE\s+[A-Z]")  # a video player's "CLOSE" button and its caption
_RELATED_PAREN = re.compile(r"\s*\(\s*(?:RELATED|SEE ALSO|READ MORE|WATCH|MORE)\s*:[^)]{0,300}\)", re.I)
# "The Moskva ... (Photo: AFP/Getty Images) Story Highlights Iran's president ...": a caption, its
# credit, then the highlights label; all of it goes, the highlights stay.
_CAPTION_THEN_LABEL = re.compile(r"^.{0,600}?\)\s*Story\s+Highlights\s+", re.I | re.S)
# A name card: a capitalised word glued to the next one ("TrumpDem", "HaleyHaley"), closed by MORE.
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_MORE = re.compile(r"\sMORE\b")
# A live blog's time stamp opening an entry: at the paragraph's start, after its "THE LATEST"
# label, or after the dash that closes the entry before ("... the official said. — 9:30 a.m. ET:").
_LIVE_STAMP = re.compile(
    r"(?:^\s*(?:THE LATEST\b\s*)?(?:[—–-]\s*)?|\s[—–]\s*)"
    r"\d{1,2}:\d{2}\s*(?i:[ap]\.?\s?m\.?)(?:\s*[A-Z]{2,4}\b)?\s*:\s+"
)
# A link's prompt in square brackets: "[Watch: the minister on the vote at 10 a.m.]", "[Read more]".
_BRACKET_PROMPT = re.compile(r"\[\s*(?:Watch|Listen|Read|See|Click|Video|Related)\b[^\[\]]{0,300}\]")
# A subhead run into its paragraph with a spaced dash: "Border delay - The minister said ...".
# Its words are in sentence case (a city dateline, "New York - ", capitalises every word; one
# in capitals is left to the datelines); a second dash in the sentence makes it a parenthesis.
_SUBHEAD = re.compile(r"^(?P<label>[A-Z][\w'’]*(?:\s+[\w'’]+){1,4})\s+[-–]\s+(?=[A-Z\"“])")
# A newsletter's kicker in capitals run into its item, and the item's source label after it:
# "SHOT ACROSS THE BOW - The Daily Courier: The minister said ...". Three or more words in
# capitals, one of them a small word of a phrase ("THE", "TO", "ACROSS"), then a spaced dash: a
# city dateline in capitals ("NEW YORK - ", "PORT OF SPAIN - ", "THE HAGUE - ") is left to the
# datelines.
_CAPS_KICKER = re.compile(r"^(?P<label>[A-Z][A-Z'’&-]*(?:\s+[A-Z][A-Z'’&-]*){2,6})\s+(?:[-–—]|--)\s+(?=\S)")
_PHRASE_WORDS = frozenset(
    "THE A AN TO IN ON FOR ACROSS OFF OVER UP OUT WITH AT BY FROM INTO IS ARE WAS NOT NO".split()
)
_SOURCE_LABEL = re.compile(r"^[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}:\s+(?=[A-Z\"“])")
_NAME_PARTICLES = frozenset({"de", "del", "da", "di", "al", "el", "la", "le", "van", "von", "of", "upon", "on"})
_GALLERY_COUNTER = re.compile(r"\bHide Caption \d+ of \d+\b")
# Each pattern cut in turn, with the strings it cannot match without: most paragraphs hold
# none, and a substring test is far cheaper than a regex pass.
_CUTS = (
    (_WIDGET, ("JUST WATCHED", "MUST WATCH")),
    (_RELATED_PAREN, ("(",)),
    (_PULLQUOTE, ("[",)),
    (_CAPS_PROMPT, ("HERE",)),
    (_BRACKET_PROMPT, ("[",)),
    (_LIVE_STAMP, (":",)),
)
_CARD_SPAN = 700
_MAX_CHARS = 20_000
_CARD_NAME_WORDS = 4


def strip_inline(paragraph: str) -> tuple[str, list[str]]:
    """(the paragraph without its inline furniture, the pieces cut out)."""
    cut: list[str] = []
    text = paragraph.strip()
    if _GALLERY.match(text) and (len(text) <= _MAX_CHARS or _GALLERY_COUNTER.search(text)):
        return "", [text]  # a gallery of hundreds of captions is long but still a gallery
    if len(text) > _MAX_CHARS:
        return text, cut  # widgets and labels are short; a huge block is left to the length caps
    if _GALLERY.match(text) or (_CLOSE_WIDGET.match(text) and len(text.split()) <= 60):
        return "", [text]
    for pattern, needs in _CUTS:
        if any(n in text for n in needs):  # a pattern cannot match without one of these
            text = _cut_all(pattern, text, cut)
    text = _cut_kicker(text.strip(), cut)
    text = _cut_subhead(text, cut)
    text = _cut_cards(text, cut)
    match = _CAPTION_THEN_LABEL.match(text)
    if match:
        cut.append(match.group(0).strip())
        text = text[match.end() :]
    while True:
        match = _LEADING_LABEL.match(text)
        if not match or not match.group(0).strip():
            break
        cut.append(match.group(0).strip())
        text = text[match.end() :]
    return " ".join(text.split()), cut


def _cut_kicker(text: str, cut: list[str]) -> str:
    """Cut a kicker in capitals and the source label that follows it (see _CAPS_KICKER)."""
    match = _CAPS_KICKER.match(text)
    if not match or not _PHRASE_WORDS.intersection(match.group("label").split()):
        return text
    rest = text[match.end() :]
    label = _SOURCE_LABEL.match(rest)
    end = match.end() + (label.end() if label else 0)
    cut.append(text[:end].strip())
    return text[end:]


def _cut_subhead(text: str, cut: list[str]) -> str:
    """Cut a run-in subhead ("Border delay - "): two to five words, one of them in lower case
    (not a name's particle), no comma; not when the sentence has a second spaced dash."""
    match = _SUBHEAD.match(text)
    if not match:
        return text
    words = match.group("label").split()[1:]
    if not any(w[0].islower() and w.lower() not in _NAME_PARTICLES for w in words):
        return text
    rest = text[match.end() :]
    sentence = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
    if re.search(r"\s[-–—]\s", sentence):
        return text
    cut.append(text[: match.end()].strip())
    return rest


def _cut_all(pattern: re.Pattern[str], text: str, cut: list[str]) -> str:
    pieces = [m.group(0).strip() for m in pattern.finditer(text)]
    if not pieces:
        return text
    cut.extend(p for p in pieces if p)
    return pattern.sub(" ", text)


def _cut_cards(text: str, cut: list[str]) -> str:
    """Remove every name card: from the full name before the glued join to the closing MORE."""
    if " MORE" not in text:
        return text
    out = text
    while True:
        span = _card_span(out)
        if span is None:
            return out
        start, end = span
        cut.append(out[start:end].strip())
        out = out[:start].rstrip() + " " + out[end:].lstrip()


def _card_span(text: str) -> tuple[int, int] | None:
    for more in _MORE.finditer(text):
        window_start = max(0, more.start() - _CARD_SPAN)
        for join in (m.start() for m in _GLUED.finditer(text, window_start, more.start())):
            if _repeats_a_name(text, join):
                return _name_start(text, join), more.end()
    return None


def _repeats_a_name(text: str, join: int) -> bool:
    """The word before the glued join is a surname the text has just used ("Trump" in
    "President Trump Donald John TrumpDem..."), not the first part of "McCain" or "DeGeneres"."""
    word_start = text.rfind(" ", 0, join) + 1
    surname = text[word_start:join]
    if len(surname) < 3 or not surname[0].isupper():
        return False
    return re.search(rf"\b{re.escape(surname)}\b", text[max(0, word_start - 200) : word_start]) is not None


def _name_start(text: str, join: int) -> int:
    """Where the card's name begins: back over the capitalised words before the glued join,
    stopping at the surname the text itself just used ("President Trump | Donald John Trump...")."""
    word_start = text.rfind(" ", 0, join) + 1
    surname = text[word_start:join]
    start = word_start
    taken = 0
    while taken < _CARD_NAME_WORDS - 1 and start > 0:
        previous_end = start - 1
        previous_start = text.rfind(" ", 0, previous_end) + 1
        word = text[previous_start:previous_end]
        bare = word.strip("()")
        if not bare[:1].isupper() or bare == surname:
            break
        start = previous_start
        taken += 1
    return start
