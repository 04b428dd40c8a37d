"""Where the quotation marks are: spans of quoted text in an article.

Works on whole paragraphs, not sentences, because a quotation often holds
several sentences, and on the whole article because of the wire convention
that a quote left open at the end of a paragraph continues in the next
paragraph that opens with a quote mark. The direction of a mark is read from
its neighbours rather than from its glyph alone: feeds mix straight and curly
marks, and sometimes close a curly quotation with a straight one.

Single quotes are quotation marks only where they cannot be apostrophes
(Russia's, didn't, Ja'afari, rock 'n' roll, the '90s, the rebels' positions).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

DOUBLE = "\"“”„‟″"
OPEN_ONLY = "“„‟"
CLOSE_ONLY = "”″"
SINGLE = "'‘’‚‛"
GUILLEMET_OPEN = "«‹"
GUILLEMET_CLOSE = "»›"
_OPEN_BEFORE = " \t\n([{—–-/:;,…"
# Typewriter double marks: two backticks open, two apostrophes stand for a double mark (wire
# copy written for TeX-era systems: ``We will,'' he said). Matched before single characters.
_DOUBLE_RE = re.compile(f"``|''|[{DOUBLE}]")
_GUILLEMET_RE = re.compile(f"[{GUILLEMET_OPEN}{GUILLEMET_CLOSE}]")
_SINGLE_RE = re.compile(f"[{SINGLE}]")
_MAX_SINGLE_SPAN = 400
_MAX_UNCLOSED = 1500


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation: its content ranges in the article text (one per paragraph it spans).

    `open` is the index of the opening mark; `close` the index of the closing mark
    (of its last character for a two-character mark: ''), or None when the quotation
    ran to the end of its paragraph without one.
    """

    open: int
    close: int | None
    pieces: tuple[tuple[int, int], ...]
    mark: str  # double | single | guillemet

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    @property
    def after(self) -> int:
        """First index after the quotation, closing mark included."""
        return self.close + 1 if self.close is not None else self.end

    def text(self, article_text: str) -> str:
        return " ".join(article_text[a:b].strip() for a, b in self.pieces).strip()


def _can_open(p: str, i: int) -> bool:
    prev = p[i - 1] if i > 0 else " "
    nxt = p[i + 1] if i + 1 < len(p) else " "
    return (prev in _OPEN_BEFORE or prev in DOUBLE + GUILLEMET_OPEN) and not nxt.isspace()


def _can_close(p: str, i: int) -> bool:
    prev = p[i - 1] if i > 0 else " "
    nxt = p[i + 1] if i + 1 < len(p) else " "
    return not prev.isspace() and not nxt.isalnum()


@dataclass
class _Open:
    """A double quotation in progress, possibly across paragraphs."""

    open: int
    pieces: list[tuple[int, int]]
    piece_start: int
    para_start: bool


def _double_spans(paragraphs: Sequence[str], offsets: Sequence[int]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    current: _Open | None = None
    for k, p in enumerate(paragraphs):
        base = offsets[k]
        skip_first = False
        if current is not None:
            stripped = len(p) - len(p.lstrip())
            if p.startswith("``", stripped):
                current.piece_start = base + stripped + 2  # continuation paragraph, typewriter marks
                skip_first = True
            elif stripped < len(p) and p[stripped] in DOUBLE and p[stripped] not in CLOSE_ONLY:
                current.piece_start = base + stripped + 1  # continuation paragraph
                skip_first = True
            else:  # never continued: treat as closed at the end of the previous paragraph
                spans.extend(_unclosed(current))
                current = None
        first_char = len(p) - len(p.lstrip())
        for match in _DOUBLE_RE.finditer(p):
            i, ch = match.start(), match.group()
            width = len(ch)
            if skip_first and i == first_char:
                continue
            if ch == "``":
                ch = "“"
            elif ch == "''":
                if current is None or not _can_close(p, i + 1):
                    continue  # '' opens nothing: an apostrophe pair outside a quotation is left to the single marks
                ch = "”"
            if current is None:
                if ch in CLOSE_ONLY and not _can_open(p, i):
                    continue
                if ch in OPEN_ONLY or _can_open(p, i):
                    if i > 0 and p[i - 1].isdigit() and ch in "\"″":
                        continue  # 12" inch mark
                    current = _Open(base + i, [], base + i + width, not p[:i].strip())
            elif ch in OPEN_ONLY and not _can_close(p, i) and _can_open(p, i):
                current = _Open(base + i, [], base + i + width, not p[:i].strip())  # stray opener: restart
            else:
                pieces = (*current.pieces, (current.piece_start, base + i))
                spans.append(QuoteSpan(current.open, base + i + width - 1, pieces, "double"))
                current = None
        if current is not None:
            current.pieces.append((current.piece_start, base + len(p)))
    if current is not None:
        spans.extend(_unclosed(current))
    return spans


def _unclosed(current: _Open) -> list[QuoteSpan]:
    """A quotation whose closing mark is missing: keep it only if it opened a paragraph."""
    if not current.pieces or not current.para_start:
        return []
    if current.pieces[-1][1] - current.pieces[0][0] > _MAX_UNCLOSED:
        return []
    return [QuoteSpan(current.open, None, tuple(current.pieces), "double")]


def _guillemet_spans(paragraphs: Sequence[str], offsets: Sequence[int]) -> list[QuoteSpan]:
    spans = []
    for k, p in enumerate(paragraphs):
        opener = None
        for match in _GUILLEMET_RE.finditer(p):
            i, ch = match.start(), match.group()
            if ch in GUILLEMET_OPEN and opener is None:
                opener = i
            elif ch in GUILLEMET_CLOSE and opener is not None:
                a = offsets[k] + opener
                spans.append(QuoteSpan(a, offsets[k] + i, ((a + 1, offsets[k] + i),), "guillemet"))
                opener = None
    return spans


@lru_cache(maxsize=1)
def _apostrophe_words() -> tuple[str, ...]:
    from briefing.nlp.names.lexicon import quote_lexicon

    return tuple(str(w).lower().replace("’", "'") for w in quote_lexicon().get("apostrophe_words", ()))


def _single_opener(p: str, i: int) -> bool:
    if p[i] not in "'‘‛" or not _can_open(p, i):
        return False
    if p[i - 1 : i] == "-" or i + 1 >= len(p) or not (p[i + 1].isalnum() or p[i + 1] in "…"):
        return False
    ahead = p[i : i + 8].lower().replace("’", "'")
    if re.match(r"'\d\d?0?s\b|'\d\d\b", ahead):
        return False  # the '90s, class of '04
    return not any(ahead.startswith(w) and not ahead[len(w) : len(w) + 1].isalpha() for w in _apostrophe_words())


def _single_closer(p: str, i: int) -> int:
    """0 = not a closer; 2 = a sure closer; 1 = could be a plural possessive (rebels')."""
    if p[i] not in "'’" or not _can_close(p, i):
        return 0
    prev = p[i - 1]
    nxt = p[i + 1] if i + 1 < len(p) else ""
    if prev in ",.!?;:…" or nxt in ("", ",", ".", ";", ":", "!", "?", ")", "—", "–"):
        return 2
    if prev in "sS":
        return 1
    return 2


def _single_spans(paragraphs: Sequence[str], offsets: Sequence[int], taken: list[tuple[int, int]]) -> list[QuoteSpan]:
    spans = []
    taken = sorted(taken)
    taken_starts = [a for a, _ in taken]

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(taken_starts, pos) - 1
        return i >= 0 and taken[i][0] <= pos < taken[i][1]

    for k, p in enumerate(paragraphs):
        base = offsets[k]
        marks = [m.start() for m in _SINGLE_RE.finditer(p) if not inside(base + m.start())]
        n = 0
        while n < len(marks):
            i = marks[n]
            if not _single_opener(p, i):
                n += 1
                continue
            close = _match_single(p, i, marks[n + 1 :])
            if close is None:
                n += 1
                continue
            content = p[i + 1 : close]
            if len(content.strip()) >= 2 and any(c.isalpha() for c in content):
                spans.append(QuoteSpan(base + i, base + close, ((base + i + 1, base + close),), "single"))
            n = bisect.bisect_right(marks, close)
    return spans


def _match_single(p: str, i: int, later: Sequence[int]) -> int | None:
    weak = None
    for j in later:
        if j - i > _MAX_SINGLE_SPAN:
            break
        if j < i + 2:
            continue
        if _single_opener(p, j) and weak is None and p[j] == "‘":
            return None  # a new quotation opens before this one closed
        strength = _single_closer(p, j)
        if strength == 2:
            return j
        if strength == 1 and weak is None:
            weak = j
    return weak


def find_quote_spans(paragraphs: Sequence[str]) -> list[QuoteSpan]:
    """Every quotation in an article whose text is "\\n".join(paragraphs), in text order.

    Quotations nested in another (a single-quoted phrase inside a double-quoted
    one, or the reverse in British style) are left to their enclosing quotation.
    """
    offsets, pos = [], 0
    for p in paragraphs:
        offsets.append(pos)
        pos += len(p) + 1
    doubles = _double_spans(paragraphs, offsets) + _guillemet_spans(paragraphs, offsets)
    singles = _single_spans(paragraphs, offsets, [(s.open, s.after) for s in doubles])
    outer = [s for s in singles if any(s.open < d.open and d.after <= s.after for d in doubles)]
    doubles = [d for d in doubles if not any(s.open < d.open and d.after <= s.after for s in outer)]
    spans = sorted(doubles + singles, key=lambda s: s.open)
    kept: list[QuoteSpan] = []
    for s in spans:  # drop anything nested inside a kept quotation
        if kept and s.open < kept[-1].after:
            continue
        kept.append(s)
    return kept
