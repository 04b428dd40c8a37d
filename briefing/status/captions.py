"""Photo captions, galleries and video widgets inside an article's body: not the report.

A caption describes a picture, often taken days or weeks away from the story
("Palestinians inspect the damage ... on August 26" in a report of 5 August),
so its numbers are no current figures, its verbs no events and its words no
evidence for a truce or a trend. Ingest will remove page furniture, but the
status must not trust a caption that slips through, so the shapes are checked
here: a paragraph with gallery markers ("Hide Caption 3 of 73", "Photos:"),
a paragraph that ends in a photo credit ("(AP Photo/Hussein Malla)",
"( Name/Agency via AP )"), and the wire caption's dateline (", in Akcakale,
Turkey, Thursday, Oct. 10, 2019.": a weekday then a full date with its year,
which reporting prose writes as "on Thursday").
"""

from __future__ import annotations

import re

from briefing.models import Article

_GALLERY_RE = re.compile(
    r"\bHide Caption\b|\bShow Caption\b|(?:^|\s)Photos?:\s|\bJUST WATCHED\b|\bMUST WATCH\b|\bReplay More Videos\b"
    r"|\bClick to (?:enlarge|expand)\b|\bEnlarge this image\b|\b\d+ of \d+ (?:photos|images)\b|^(?:PHOTO|IMAGE|VIDEO):"
    r"|^FILE\s*[-–—]|^In this (?:[\w,.'’ -]{0,60} )?(?:file )?(?:photo|image)\b",
)
_CREDIT_END_RE = re.compile(
    r"\(\s*(?:(?:AP|AFP|Reuters|EPA|Getty|Photo|Image)\b[^()]{0,80}|[^()]{2,80}(?:/|\bvia\s+)[^()]{1,60})\)\s*$"
    r"|\b(?:AP|AFP|Reuters|EPA|Getty Images)\s+(?:Photo|photo)\b[^.]{0,60}$"
    r"|\bPhoto(?:graph)?:\s+[^.]{2,60}$",
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
# ", Thursday, Oct. 10, 2019." (not "on Thursday, Oct. 10, 2019, troops ...")
_CAPTION_DATE_RE = re.compile(rf"(?<!\b[Oo]n)(?<!\b[Oo]n\s),\s+{_WEEKDAY},\s+{_MONTH}\s+\d{{1,2}},\s+(?:19|20)\d\d\b")


# Words each pattern cannot match without: a paragraph with none of them is no caption, and
# plain substring tests are many times cheaper than running the patterns over every paragraph.
_GALLERY_WORDS = ("Caption", "Photo", "JUST WATCHED", "MUST WATCH", "Replay More Videos", "Click to ",
                  "Enlarge this image", " photos", " images")  # fmt: skip
_GALLERY_STARTS = ("PHOTO", "IMAGE", "VIDEO", "FILE", "In this")
_CREDIT_WORDS = ("(", "hoto")


def caption_paragraph(paragraph: str) -> bool:
    """Is this paragraph a caption, a gallery or a video widget rather than reporting?"""
    text = paragraph.strip()
    if (any(w in text for w in _GALLERY_WORDS) or text.startswith(_GALLERY_STARTS)) and _GALLERY_RE.search(text):
        return True
    if any(w in text for w in _CREDIT_WORDS) and _CREDIT_END_RE.search(text):
        return True
    return "day," in text and bool(_CAPTION_DATE_RE.search(text))


def caption_sentences(article: Article) -> frozenset[int]:
    """The indexes of the article's sentences that belong to caption paragraphs."""
    captions = {i for i, paragraph in enumerate(article.paragraphs) if caption_paragraph(paragraph)}
    if not captions:
        return frozenset()
    return frozenset(s.index for s in article.sentences if s.paragraph in captions)
