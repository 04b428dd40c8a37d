"""Page furniture out of an article's paragraphs, whatever format it came in.

A news page carries more than its story: photo captions and credits, video
widgets ("JUST WATCHED ... Replay More Videos"), "Advertisement" and "Continue
Reading" markers, newsletter and sharing prompts, live-blog update notices,
related-story lists and sidebars, copyright lines. The HTML reader drops much of
it with the page's markup, but text copied out of a page (plain text, Markdown,
feed bodies, and pages whose markup hides nothing) keeps it inline. Left in, a
caption dated a month later becomes a casualty figure, a video title becomes a
"key development", and a sidebar headline becomes a quote.

The rules are the conventions of news pages themselves, never one outlet's
article: a whole paragraph goes when it is furniture (`is_furniture`), and
furniture inside a paragraph (a widget run, a label before the story, a
name card of related links) is cut out of it (`strip_inline`, in
furniture_inline.py). Credit lines ("X contributed to this report") are left
for `credits.strip_trailer`, which reads the outlet from them, and removed
anywhere else by `drop_credit_lines`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.ingest.credits import is_caption
from briefing.ingest.furniture_inline import strip_inline

# Paragraphs longer than this are prose that mentions a prompt word, not a prompt.
_SHORT = 40
_HEADLINE_WORDS = 12
_PROSE_WORDS = 15
_MAX_CHARS = 4_000  # the longest furniture (a newsletter form) is under 1,500 characters
_INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.!?][\"'\u201d\u2019]?\s+[A-Z\"\u201c]")
_REPORTED_SPEECH = re.compile(r",\s*[\"\u201c]")  # 'a heckler yelled, "Why ...?"': prose, not a headline
_TEASER_CAPS = 5  # an opening run of this many words in capitals heads a related-story teaser

# A marker on its own: "Advertisement", "Story Continued Below", "Continue reading the main story".
_MARKER = re.compile(
    r"^(?:advertisements?|advertising|ad|sponsored(?:\s+content)?|paid\s+content|story\s+continues?(?:\s+below)?"
    r"|story\s+continued\s+below|continue\s+reading(?:\s+(?:the\s+main\s+story|below|this\s+article|here))?"
    r"|skip\s+advertisement|photo|photos|video|videos|image|graphic|audio|gallery|slideshow|interactive"
    r"|more\s+on\s+this|related(?:\s+(?:stories|articles|coverage|content|links))?|also\s+see|see\s+also"
    r"|read\s+more|top\s+stories|recommended|trending\s+now|share|share\s+this(?:\s+article|\s+story)?"
    r"|\[?audio-clip\]?|\[?pullquote\]?"
    r"|(?:analysis|opinion|commentary|editorial|op-ed)(?:\s*/\s*(?:analysis|opinion|commentary|editorial))*)"
    r"(?:\s*(?:advertisement|continue\s+reading(?:\s+the\s+main\s+story)?))*[\s.:\u2026]*$",
    re.I,
)
# Phrases that only prompts, widgets and notices use (lower-cased substrings).
_PROMPTS = (
    "delivered to your inbox", "by signing up", "manage newsletters", "newsletter sign up",
    "sign up here", "subscribe on apple podcasts", "wherever you listen to podcasts", "reprint permission",
    "not a robot", "invalid email address", "please enable javascript", "replay more videos", "just watched",
    "must watch", "read or share this story", "flipboard magazine", "follow us on twitter", "join us on facebook",
    "join us on twitter", "click for more from", "click here for more", "view all new york times newsletters",
    "you can unsubscribe at any time", "toggle caption", "hide caption", "enlarge this image",
    "rough cut (no reporter narration)", "video provided by", "send us your photos", "share your photos",
    "available without charge to any eligible news publisher",
)  # fmt: skip
# "Morning Defense Sign up for Morning Defense, a daily briefing ...": a sign-up prompt anywhere.
_SIGN_UP = re.compile(
    r"\bsign\s+up\b.{0,80}?\b(?:newsletters?|inbox|briefings?|alerts?|e-?mails?)\b"
    r"|\b(?:newsletters?|inbox)\b.{0,80}?\bsign\s+up\b",
    re.I,
)
# Prompts that open a paragraph: "Sign up ...", "Follow @name", "Listen to ...", "Click here ...".
_PROMPT_OPENING = re.compile(
    r"^[\W_]*(?:sign\s+up|subscribe|check\s+out|follow\s+(?:us|@|the\s+\w+\s+on)|join\s+us|click\s+(?:here|for)|listen\s+to"
    r"|watch\s+(?:live|the\s+video|now)|get\s+(?:our|the)\s+\w+(?:\s+\w+)?\s+(?:newsletter|stories|app)"
    r"|want\s+.{0,40}\s+in\s+your\s+inbox|download\s+(?:our|the)\s+app|read\s+the\s+full\s+(?:statement|transcript)"
    r"|read\s+\w+['\u2019]s\s+new|a\s+daily\s+(?:roundup|summary|briefing)\s+of|(?:daily|weekly)\s+\w+\s+news\s+delivered)",
    re.I,
)
# Live-blog and correction notices: "We're updating this post", "This concludes our live update".
_NOTICE = re.compile(
    r"^[\W_]*(?:update\s*(?:\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*(?:[A-Z]{2,4})?)?\s*:\s*)?"
    r"(?:we['\u2019]re\s+updating|we\s+are\s+updating|we\s+will\s+(?:be\s+)?updat|we['\u2019]ll\s+(?:be\s+)?updat"
    r"|this\s+(?:post|story|article|page)\s+(?:has\s+been|was|will\s+be|is\s+being)\s+updated"
    r"|this\s+concludes\s+our|our\s+original\s+post\s+continues|this\s+(?:version|story|article)\s+"
    r"(?:corrects|has\s+been\s+corrected|was\s+corrected|updates)|(?:correction|clarification)\s*:"
    r"|editor['\u2019]s\s+note\s*:|check\s+back\s+(?:for|later))",
    re.I,
)
# "CNN has multiple crews in Gaza": a newsroom note about its own coverage.
_NEWSROOM = re.compile(
    r"^[A-Z][\w.'\u2019&]*(?:\s+[A-Z][\w.'\u2019&]*){0,3}\s+(?:has|have)\s+(?:multiple\s+|several\s+)?"
    r"(?:crews|reporters|correspondents|journalists|teams)\s+(?:in|on|across|covering)\b",
)
_COPYRIGHT = re.compile(r"^\s*(?:copyright\b|\u00a9|\(c\)\s*\d{4})", re.I)
# A time stamp alone: "7 years ago", "Updated 2:31 PM ET, Mon March 3, 2014".
_STAMP = re.compile(
    r"^(?:\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago"
    r"|(?:updated|posted|published|last\s+updated)\b.{0,60}\d{1,2}:\d{2}.{0,40})$",
    re.I,
)
# A video's title with its running time: "Kurds say US has betrayed them 01:26".
_DURATION_END = re.compile(r"\s\d{1,2}:\d{2}(?::\d{2})?$")
# Picture credits: "Adel Hana/AP", "REUTERS/Kemal Aslan", "Adem Altan | AFP | Getty Images", "Getty Images".
_AGENCY = r"(?:AP(?:\s+Photos?)?|AFP|Getty\s+Images|Reuters|REUTERS|EPA|UPI|Landov|Xinhua|Anadolu|Sipa|Pool|Shutterstock|TASS|DPA|dpa)"
_CREDIT_LINE = re.compile(rf"^(?:[\w.'\u2019\- ]{{0,60}}\s*[/|]\s*)?{_AGENCY}(?:\s*[/|]\s*[\w.'\u2019\- ]{{1,60}})*\.?$")
_CREDIT_INSIDE = re.compile(
    r"\(\s*[A-Z][^()]{1,80}/[^()]{1,60}\)\s*\.?$|"
    rf"(?:\s\|\s*{_AGENCY}\b|\b{_AGENCY}\s*/\s*[A-Z][a-z]+(?:\s+[A-Z][\w.\-]*){{0,3}}\s*$|/\s*{_AGENCY}\s*$)"
)
# A labelled link to another story: "SEE ALSO: ...", "Opinion: Bring Hamas to the table", "MAP: ...".
_LINK_LABEL = re.compile(
    r"^[\W_]*\(?\s*(?P<label>(?i:see\s+also|also\s+see|also\s+read|related|read\s+more|read|more|watch(?:\s+live)?"
    r"|listen|video|photos?|gallery|map|full\s+coverage|more\s+on\s+this|opinion|analysis|story|profile|ireport"
    r"|warnings?)|(?:[A-Z][A-Z'\u2019]+\s+){0,3}[A-Z][A-Z'\u2019]+)\s*(?::\s*)+(?P<rest>.*)$"
)
# A label that heads a list of related links on the lines after it ("Also see:", "Related stories").
_LIST_HEAD = re.compile(r"^[\W_]*(?:also\s+see|see\s+also|related(?:\s+\w+)?|more\s+on\s+this|more\s+from\s+.{1,30}|read\s+more)\s*:?\s*$", re.I)
_SENTENCE_END = (".", "!", "?", "\u201d", '"', ")", "\u2019", "'")
_AUTHOR_BIO = re.compile(
    r"^[A-Z][\w.'\u2019\-]*(?:\s+[A-Z][\w.'\u2019\-]*){1,3}\s+(?:is|was)\s+(?:a|an|the|[A-Z][\w.]*['\u2019]s)\s"
    r".{0,200}?\b(?:contributor|columnist|author|writer|editor|professor|fellow|host|commentator|analyst|director)\b",
)
_BIO_TAIL = 3  # author notes sit in the last paragraphs
_CREDIT = re.compile(
    r"(?:\bcontributed\s+to\s+this\s+(?:report|article|story)|^[\W_]*contributing\s*:|^[\W_]*special\s+(?:for|to)\s+"
    r"[A-Z]|^[\W_]*(?:additional\s+)?reporting\s+by\b)",
    re.I,
)


def remove_furniture(paragraphs: Sequence[str]) -> tuple[list[str], list[str]]:
    """(the story's paragraphs, what was taken out as furniture). Credit lines stay (see
    `drop_credit_lines`); when nothing would be left, the paragraphs are returned as they were."""
    kept: list[str] = []
    removed: list[str] = []
    listing = False  # inside a list of related links that a label opened
    for index, raw in enumerate(paragraphs):
        text, cut = strip_inline(raw)
        removed.extend(cut)
        tail = index >= len(paragraphs) - _BIO_TAIL
        if listing and _is_headline(text):
            removed.append(text)
            continue
        listing = bool(_LIST_HEAD.match(text))
        if not text or listing or is_furniture(text, tail=tail):
            if text:
                removed.append(text)
            continue
        kept.append(text)
    kept = _without_inserted_headlines(kept, removed)
    if not kept:
        return list(paragraphs), []
    return kept, removed


def _without_inserted_headlines(paragraphs: list[str], removed: list[str]) -> list[str]:
    """A link's headline set between two paragraphs of prose ("Why X wants Y to be hush-hush"),
    or in a run after the story's last paragraph, is another story (or a subhead: no sentence
    either). Name lines of two or three words stay: they head a transcript's turns."""
    out: list[str] = []
    last_prose = max((i for i, p in enumerate(paragraphs) if _is_prose(p)), default=-1)
    for i, p in enumerate(paragraphs):
        inserted = i >= 2 and _is_headline(p) and _words(p) >= 4 and not _REPORTED_SPEECH.search(p)
        inserted = inserted and not _is_credit_line(p, _words(p), p.lower()) and (
            i > last_prose or (_is_prose(paragraphs[i - 1]) and i + 1 < len(paragraphs) and _is_prose(paragraphs[i + 1]))
        )
        if inserted:
            removed.append(p)
        else:
            out.append(p)
    return out


def _is_prose(paragraph: str) -> bool:
    return _words(paragraph) >= _PROSE_WORDS and paragraph.rstrip().endswith(_SENTENCE_END)


def drop_credit_lines(paragraphs: Sequence[str]) -> list[str]:
    """Credit, byline and copyright paragraphs anywhere in the text ("Contributing: ...", "Special
    for USA TODAY"); run after `strip_trailer` has read the outlet from the ones at the end."""
    kept = [p for p in paragraphs if not _is_credit_line(p, _words(p), p.lower())]
    return kept or list(paragraphs)


def _is_credit_line(text: str, n: int, lower: str) -> bool:
    if n > _SHORT or "reprint permission" in lower:
        return False
    return bool(_CREDIT.search(text) or _COPYRIGHT.match(text)) or "all rights reserved" in lower


def is_furniture(paragraph: str, tail: bool = False) -> bool:
    """Whether a whole paragraph is page furniture (`tail`: it is one of the last paragraphs,
    where author notes sit)."""
    text = paragraph.strip()
    if len(text) > _MAX_CHARS:
        return False  # furniture is short; a huge block is text (or junk the caps deal with)
    if not any(ch.isalnum() for ch in text):
        return True  # "--", "***", a bullet alone
    n = _words(text)
    lower = text.lower()
    if _is_credit_line(text, n, lower):
        return False  # left for credits.strip_trailer, which reads the outlet from it
    if _MARKER.match(text) or _STAMP.match(text):
        return True
    prompts = sum(1 for p in _PROMPTS if p in lower)
    if prompts >= 2 or (n <= 2 * _SHORT and (prompts or _SIGN_UP.search(text))):
        return True
    if n <= _SHORT and (_PROMPT_OPENING.match(text) or _NOTICE.match(text) or _NEWSROOM.match(text)):
        return True
    if n <= 2 * _SHORT and _NOTICE.match(text) and "editor" in lower[:20]:
        return True  # "Editor's note: X is a columnist ... The opinions expressed ..."
    if n <= _HEADLINE_WORDS and _DURATION_END.search(text) and not text.endswith(_SENTENCE_END):
        return True
    if _is_credit(text, n) or _is_related_link(text) or _is_teaser(text):
        return True
    return tail and n <= 2 * _SHORT and bool(_AUTHOR_BIO.match(text))


def _is_credit(text: str, n: int) -> bool:
    """A picture credit on its own, or a caption that ends with one."""
    if n <= 10 and _CREDIT_LINE.match(text):
        return True
    if n <= 2 * _SHORT and _CREDIT_INSIDE.search(text):
        return True
    return n <= 2 * _SHORT and is_caption(text)


def _is_related_link(text: str) -> bool:
    """"SEE ALSO: Fears grow ...", "Opinion: Bring Hamas to the table", "(RELATED: ...)": a label,
    then a headline (short, no full stop), not a sentence of the story."""
    match = _LINK_LABEL.match(text)
    if not match:
        return False
    rest = match.group("rest").strip().rstrip(")")
    label = match.group("label")
    if label.isupper() and len(label.split()) > 1 and label.split()[0] in ("THE", "A"):
        return False
    return not rest or _is_headline(rest) or (label.lower() in ("see also", "related", "more") and _words(rest) <= 25)


def _is_headline(text: str) -> bool:
    """Short and not a sentence: a link's headline, not the story's prose. A line ending
    with a colon leads into a quotation ("Romney said:") and stays."""
    stripped = text.strip()
    end = stripped.rstrip("\"'\u201d\u2019)")
    if _INNER_SENTENCE_END.search(stripped):
        return False  # two sentences: prose
    return 0 < _words(stripped) <= _HEADLINE_WORDS and not end.endswith((".", "!", ":", ";", ","))


def _is_teaser(text: str) -> bool:
    """A related story's teaser opens with its headline in capitals ("KURDS IN THE CROSSHAIRS AS ...")."""
    if text[:1] in "\"'\u201c\u2018":
        return False  # a quotation in capitals (a tweet), not a headline
    words = text.split()[:_TEASER_CAPS]
    return len(words) == _TEASER_CAPS and all(w.isupper() and any(c.isalpha() for c in w) for w in words) and (
        _words(text) > _TEASER_CAPS
    )


def _words(text: str) -> int:
    return len(text.split())
