"""Plain-text articles.

Two layouts are common: one paragraph per line (as in seeds/, and most copy
exported from a CMS), and hard-wrapped lines with blank lines between
paragraphs (mail, Project Gutenberg style). Blank lines plus short lines mean
the second; otherwise every line is a paragraph.
"""

from __future__ import annotations

import re

from briefing.ingest.article import Draft

_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_WRAP_WIDTH = 100  # hard-wrapped text rarely has lines longer than this


def paragraphs_from_text(text: str) -> list[str]:
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return []
    wrapped = _BLANK_LINES.search(text) and _mostly_short(lines) and len(lines) > len(_blocks(text))
    if wrapped:
        return [" ".join(block.split()) for block in _blocks(text)]
    return [" ".join(line.split()) for line in lines]


def _blocks(text: str) -> list[str]:
    return [block for block in _BLANK_LINES.split(text) if block.strip()]


def _mostly_short(lines: list[str]) -> bool:
    short = sum(1 for line in lines if len(line) <= _WRAP_WIDTH)
    return short >= 0.9 * len(lines)


def read_text(text: str, path: str | None = None, url: str | None = None) -> list[Draft]:
    return [Draft(paragraphs_from_text(text), path=path, url=url)]
