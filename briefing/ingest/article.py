"""From what a reader found (a `Draft`) to a finished, sanitised `Article`.

Every reader (text, Markdown, HTML, feed, URL) only finds paragraphs and
whatever metadata the format carries. Everything else happens here, once, for
all formats: sanitising, dropping wire trailers, inferring the outlet and
title, the length caps, sentence splitting and the stable id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.config import IngestSettings
from briefing.ingest.credits import is_caption, outlet_from_text, split_dateline, strip_datelines, strip_trailer
from briefing.ingest.errors import IngestError
from briefing.ingest.furniture import drop_credit_lines, remove_furniture
from briefing.ingest.kinds import detect_kind
from briefing.ingest.sanitize import sanitize_line
from briefing.models import Article, Sentence
from briefing.nlp.sentences import segment

MAX_TITLE_CHARS = 200
_CHARS_PER_WORD_CAP = 20  # news averages 6 characters a word; 20 leaves room for long URLs
_TITLE_WORDS = 16  # an inferred title longer than this is cut at a clause or word boundary
_MIN_CLAUSE_WORDS = 6
_MIN_LEDE_WORDS = 8
_SENTENCE_ENDS = (".", "!", "?", '"', "\u201d", "'", "\u2019", ")")
_WORD = re.compile(r"\S*\w\S*")
_PUNCTUATION_TOKEN = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")


@dataclass
class Draft:
    """An article as a reader found it: raw paragraphs plus the format's own metadata."""

    paragraphs: list[str]
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    path: str | None = None
    url: str | None = None
    notices: list[str] = field(default_factory=list)
    section: str | None = None  # the publication's own section or genre label ("Opinion"), when it gives one


def build_article(draft: Draft, settings: IngestSettings, language: str = "english") -> Article:
    """Sanitise, clean and split one draft; IngestError when no text is left."""
    title, titled = _title_without_dateline(_clean_field(draft.title))
    paragraphs, credited, raw = _clean_paragraphs(draft, title, settings.max_article_words)
    paragraphs, notices = _apply_length_caps(paragraphs, draft, settings.max_article_words)
    text = "\n".join(paragraphs)
    words = count_words(text)
    if words == 0:
        raise IngestError("no words (only punctuation or symbols)")
    sentences = cap_sentences(segment(paragraphs, language), text, settings.max_sentence_chars)
    source = _clean_field(draft.source) or credited or titled or outlet_from_text(paragraphs)
    url = sanitize_line(draft.url) if draft.url else None
    return Article(
        id=article_id(text),
        title=title or infer_title(sentences, paragraphs),
        source=source,
        published=draft.published,
        text=text,
        paragraphs=tuple(paragraphs),
        sentences=sentences,
        words=words,
        path=sanitize_line(draft.path) if draft.path else None,
        url=url,
        notices=tuple(notices),
        kind=detect_kind(title, source, url, paragraphs, _clean_field(draft.section), raw),
    )


def _clean_paragraphs(
    draft: Draft, title: str | None, max_words: int
) -> tuple[list[str], str | None, list[str]]:
    """Sanitised, non-empty paragraphs without page furniture and the wire trailer; the outlet
    a trailer or dateline named; the sanitised paragraphs as they came (furniture included:
    a genre label there tells an opinion piece)."""
    raw = [p for p in (sanitize_line(p) for p in _precut(draft.paragraphs, max_words)) if p]
    if not raw:
        raise IngestError("no text (empty or only whitespace)")
    paragraphs, _ = remove_furniture(raw)
    paragraphs, credited = strip_trailer(paragraphs)
    if not paragraphs:
        raise IngestError("no article text (only credit lines or wire codes)")
    paragraphs = drop_credit_lines(paragraphs)
    if title and len(paragraphs) > 1 and _same_words(paragraphs[0], title):
        paragraphs = paragraphs[1:]  # the page's headline repeated as its first block
    paragraphs, dated = strip_datelines(paragraphs)
    paragraphs = strip_bullets(paragraphs)
    return paragraphs, credited or dated, raw


# A list typed as plain text: "-- The remains of all four were recovered.", "• Talks resume
# today." The marker is layout, not words: left in, it opens a summary line or a brief's bullet.
# An item of a list that a lead-in introduces ("Who was targeted?", "Targets included:") may
# be a part of that sentence, not one of its own ("-- The group's headquarters in Raqqa."):
# such an item keeps its marker unless it has a verb, and the digest takes no line that opens
# with a marker.
_BULLET = re.compile(r"\A(?:-{1,3}|[\u2013\u2014\u2022\u00b7\u25aa\u25cf*])[ \t\u00a0]+(?=\S)")
_LEAD_IN_END = (":", "?")
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|"
    r"said|says|told|tells|took|began|fled|hit|struck|met|led|sent|left|fell|came|gave|made|held|"
    r"spoke|saw|shot|broke|rose|fought|brought|sought|got|ran|lost|paid|built|chose|wrote)\b"
    r"|(?<![\w-])[a-z]{3,}ed\b"
)


def strip_bullets(paragraphs: Sequence[str]) -> list[str]:
    """The paragraphs without a leading list marker typed as text; an introduced item without
    a verb keeps it (see above)."""
    out: list[str] = []
    introduced = False
    for paragraph in paragraphs:
        marker = _BULLET.match(paragraph)
        if marker is None:
            out.append(paragraph)
            introduced = paragraph.rstrip().endswith(_LEAD_IN_END)
            continue
        item = paragraph[marker.end() :]
        out.append(paragraph if introduced and not _FINITE.search(item) else item)
    return out


def _title_without_dateline(title: str | None) -> tuple[str | None, str | None]:
    """A metadata title without a dateline ("KIEV, April 7. /ITAR-TASS/. Council asks ..."),
    and the outlet that dateline named; a title that is nothing but a dateline is kept."""
    if not title:
        return title, None
    rest, outlet, found = split_dateline(title)
    rest = rest.strip(" .,;:-\u2013\u2014|")
    # Headlines join names with dashes ("EU \u2014 Turkey deal"), so only a dateline that
    # names an agency ("KIEV (Reuters) -", "/ITAR-TASS/") is taken off a title.
    return (rest, outlet) if found and rest and outlet else (title, None)


def _apply_length_caps(paragraphs: list[str], draft: Draft, max_words: int) -> tuple[list[str], list[str]]:
    notices = [sanitize_line(n) for n in draft.notices]
    raw_words = sum(map(len, map(str.split, draft.paragraphs))) if len(paragraphs) < len(draft.paragraphs) else None
    paragraphs, notice = _truncate(paragraphs, max_words, raw_words)
    notices.extend([notice] if notice else [])
    paragraphs, notice = _cap_chars(paragraphs, max_words * _CHARS_PER_WORD_CAP)
    notices.extend([notice] if notice else [])
    return paragraphs, notices


def article_id(text: str) -> str:
    """Short hash of the normalised text: the same report from two files gets one id."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    normal = normal.translate(_QUOTES)
    normal = " ".join(normal.split())
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:12]


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def _same_words(a: str, b: str) -> bool:
    return [w.casefold() for w in _WORD.findall(a)] == [w.casefold() for w in _WORD.findall(b)]


def count_words(text: str) -> int:
    """Whitespace-separated tokens that contain a letter or digit (a lone dash is no word)."""
    return len(text.split()) - len(_PUNCTUATION_TOKEN.findall(text))


def _clean_field(value: object) -> str | None:
    if value is None:
        return None
    cleaned = sanitize_line(str(value))
    if len(cleaned) > MAX_TITLE_CHARS:
        cleaned = cleaned[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "\N{HORIZONTAL ELLIPSIS}"
    return cleaned or None


def _precut(paragraphs: Sequence[str], max_words: int) -> Sequence[str]:
    """Drop paragraphs far beyond the word cap before the costly cleaning.

    The margin is generous (twice the cap, raw whitespace tokens) so the exact
    cut and its notice still happen in `_truncate`, on clean text.
    """
    budget = 2 * max_words
    for index, paragraph in enumerate(paragraphs):
        budget -= len(paragraph.split())
        if budget < 0:
            return paragraphs[: index + 1]
    return paragraphs


def _truncate(paragraphs: list[str], max_words: int, raw_words: int | None) -> tuple[list[str], str | None]:
    """Keep whole paragraphs up to the cap, then the cap's share of the next one.

    `raw_words` is the uncleaned count of the whole text when paragraphs were
    dropped before cleaning (`_precut`), so the notice can still say how long it was.
    """
    counts = [count_words(p) for p in paragraphs]
    total = sum(counts)
    if total <= max_words:
        return paragraphs, None
    kept: list[str] = []
    budget = max_words
    for paragraph, words in zip(paragraphs, counts):
        if words <= budget:
            kept.append(paragraph)
            budget -= words
            continue
        if budget > 0:
            last = next(itertools.islice(_WORD.finditer(paragraph), budget - 1, None))
            kept.append(paragraph[: last.end()] + " \N{HORIZONTAL ELLIPSIS}")
        break
    of = f"about {raw_words:,}" if raw_words else f"{total:,}"
    notice = f"truncated to {max_words:,} words of {of} (ingest.max_article_words)"
    return kept, notice


def _cap_chars(paragraphs: list[str], max_chars: int) -> tuple[list[str], str | None]:
    """Text without spaces (a base64 blob, a 5 MB "word") escapes the word cap; this catches it."""
    total = sum(len(p) + 1 for p in paragraphs)
    if total <= max_chars:
        return paragraphs, None
    kept: list[str] = []
    budget = max_chars
    for paragraph in paragraphs:
        if len(paragraph) + 1 > budget:
            if budget > 1:
                kept.append(paragraph[: budget - 1])
            break
        kept.append(paragraph)
        budget -= len(paragraph) + 1
    return kept, f"truncated to {max_chars:,} characters (ingest.max_article_words \N{MULTIPLICATION SIGN} {_CHARS_PER_WORD_CAP})"


def cap_sentences(sentences: Sequence[Sentence], text: str, max_chars: int) -> tuple[Sentence, ...]:
    """Split any "sentence" longer than `max_chars` (tables, lists, run-on text).

    Cuts fall at the last "; ", ", " or space inside the limit, else at the limit,
    so every span still indexes `text` and no sentence exceeds the cap.
    """
    out: list[Sentence] = []
    for sentence in sentences:
        for start, end in _pieces(text, sentence.start, sentence.end, max_chars):
            out.append(Sentence(len(out), text[start:end], start, end, sentence.paragraph))
    return tuple(out)


def _pieces(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    while end - start > max_chars:
        window = text[start : start + max_chars]
        cut = max(window.rfind("; "), window.rfind(", "))
        cut = cut + 1 if cut > max_chars // 3 else window.rfind(" ")
        if cut <= 0:
            cut = max_chars
        pieces.append((start, start + cut))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def infer_title(sentences: Sequence[Sentence], paragraphs: Sequence[str]) -> str:
    """A headline-like title from the lede: its first sentence, shortened at a clause.

    The lede is the first paragraph that reads like prose (enough words, ends
    like a sentence): scraped copy often starts with captions, share buttons
    or "Story highlights", which make poor titles.
    """
    lede_index = next((i for i, p in enumerate(paragraphs) if _reads_like_prose(p)), 0)
    first = next((s for s in sentences if s.paragraph == lede_index), None)
    lede = first.text if first else paragraphs[lede_index] if paragraphs else ""
    lede = split_dateline(lede)[0].strip()
    words = lede.split()
    if len(words) <= _TITLE_WORDS:
        return _clean_field(lede.rstrip(".")) or lede
    return _clean_field(_shorten(lede)) or lede


def _reads_like_prose(paragraph: str) -> bool:
    """Enough words, ends like a sentence, and is no photo caption (a caption reads like
    prose but describes a picture: "Families react ..., Tuesday, July 3, 2018.")."""
    if len(paragraph.split()) < _MIN_LEDE_WORDS or not paragraph.rstrip().endswith(_SENTENCE_ENDS):
        return False
    return not is_caption(paragraph) and not _opens_with_caption(paragraph)


_CAPTION_OPENING = re.compile(r"^(?:FILE\s*[-\u2013\u2014:]|In this\b.{0,60}?\bphoto\b)")


def _opens_with_caption(paragraph: str) -> bool:
    """A caption block often holds a second sentence ("... 2018. Rescuers found ... (AP)"),
    so the caption test also looks at the block's first sentence and its opening."""
    head = re.split(r"(?<=\d{4}\.)\s", paragraph, maxsplit=1)[0]
    return bool(_CAPTION_OPENING.match(paragraph)) or (head != paragraph and is_caption(head))


def _shorten(lede: str) -> str:
    """Cut at the first clause boundary outside quotation marks, else before the
    quotation that would be left open, else at a word boundary."""
    inside = False
    words = 0
    last_open = -1
    for i, ch in enumerate(lede):
        if ch in "\"\u201c\u201d":
            inside = ch == "\u201c" or (ch == '"' and not inside)
            last_open = i if inside else last_open
        elif ch.isspace() and (i == 0 or not lede[i - 1].isspace()):
            words += 1
        if words >= _TITLE_WORDS:
            break
        if not inside and ch in ",;:\u2014" and words >= _MIN_CLAUSE_WORDS:
            return lede[:i].rstrip()
    head = lede[:last_open] if inside and last_open > 0 else " ".join(lede.split()[:_TITLE_WORDS])
    return head.rstrip(" ,;:\u2014-") + "\N{HORIZONTAL ELLIPSIS}"


def dedupe(articles: Sequence[Article]) -> tuple[list[Article], list[tuple[Article, Article]]]:
    """Drop repeats of an id; returns the kept articles and (duplicate, original) pairs."""
    seen: dict[str, Article] = {}
    kept: list[Article] = []
    dropped: list[tuple[Article, Article]] = []
    for article in articles:
        if article.id in seen:
            dropped.append((article, seen[article.id]))
        else:
            seen[article.id] = article
            kept.append(article)
    return kept, dropped


