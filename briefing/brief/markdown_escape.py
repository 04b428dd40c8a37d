"""Escaping untrusted text for the brief's Markdown.

Article text must not change the document's structure: no headings, lists,
quotes, tables, code, HTML or links of its own. Each piece of text is placed on
one line inside a construct the renderer chose (a bullet, a blockquote line, a
table cell, a paragraph), so escaping has two parts: characters that act
anywhere in a line (`\\`, backticks, `*`, `_`, `[`, `]`, `<`, `|`, `~`, `&`
entities) and markers that act only at the start of a block (`#`, `>`, `-`,
`+`, `=`, ordered-list numbers). Ordinary punctuation (periods, commas,
apostrophes, hyphens inside words) is left alone so the file still reads well
as plain text.

The output must stay inert under linkifying renderers too (markdown-it's
`gfm-like`, GFM's autolinks), not only strict CommonMark: in a word that may
be linkified, `<` is written `&lt;` rather than `\\<` (see `_LINK_LIKE`).
"""

from __future__ import annotations

import re

# Characters that can start inline syntax wherever they appear.
_ALWAYS = re.compile(r"([\\`*\[\]<|~])")
# `_` only makes emphasis when it is not between two letters/digits (snake_case is safe).
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# An entity or numeric character reference would be decoded by the renderer.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Block markers at the start of the line: ATX heading, list bullets, thematic breaks, setext.
_BLOCK_START = re.compile(r"^([#>+=-])")
# Also before a full stop: "0)." becomes "0) [1]." once a citation is put before the stop.
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=[\s.]|$)")
# Every control but tab and newline (the sanitiser removed them already; this is a backstop).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# A lone surrogate (from a bad \\ud800 escape in JSON) cannot be written as UTF-8.
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def one_line(text: str) -> str:
    """Collapse every run of whitespace (newlines included) to one space."""
    return " ".join(_SURROGATES.sub("\ufffd", _CONTROLS.sub(" ", text)).split())


# A word a linkifier may turn into a link while it parses (markdown-it's `linkify`, as in its
# `gfm-like` preset): it takes a backslash after a URL into the link, so the `\\<` that kept
# `<img ...>` text became `\\` in the link and a live `<img ...>` after it.
_LINK_LIKE = re.compile(r"\S*(?://|www\.|mailto:|xmpp:)\S*", re.IGNORECASE)


def _entity_lt(word: re.Match[str]) -> str:
    """`<` in a link-like word as `&lt;`: text in every renderer, linkifier or not."""
    return word.group().replace("\\<", "&lt;")


def inline(text: str) -> str:
    """Escape `text` for use as the content of one Markdown line (bullet, quote, cell, paragraph)."""
    s = one_line(text)
    s = _ALWAYS.sub(r"\\\1", s)
    s = _UNDERSCORE.sub(r"\\_", s)
    s = _ENTITY.sub(r"\\&", s)
    s = _LINK_LIKE.sub(_entity_lt, s)
    s = _BLOCK_START.sub(r"\\\1", s)
    return _ORDERED.sub(r"\1\\\2", s)


def heading(text: str) -> str:
    """Escape heading text; a trailing `#` would otherwise be read as the closing sequence."""
    s = inline(text)
    return re.sub(r"(?<!\\)#(?=\s*$)", r"\\#", s)


def code_span(text: str) -> str:
    """Literal text (a file path) as an inline code span, fenced longer than any backtick run inside."""
    s = one_line(text)
    longest = max((len(m) for m in re.findall(r"`+", s)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if s.startswith(("`", " ")) or s.endswith(("`", " ")) or not s.strip(" ") else ""
    return f"{fence}{pad}{s}{pad}{fence}" if s else ""


_SAFE_URL = re.compile(r"^https?://[^\s<>`\\\x00-\x20\x7f]+$", re.IGNORECASE)


def autolink(url: str) -> str:
    """An http(s) URL as a CommonMark autolink; anything else as text."""
    u = one_line(url)
    return f"<{u}>" if _SAFE_URL.match(u) else inline(u)


def safe_url(url: str) -> bool:
    """Whether `url` is an http(s) address the brief may put behind a link."""
    return bool(_SAFE_URL.match(one_line(url)))


def link(text: str, url: str) -> str:
    """`text` as a link to an http(s) `url` (in angle brackets, parentheses percent-encoded, so
    no reader's regex stops early); the escaped text alone when the URL is not safe."""
    u = one_line(url)
    if not _SAFE_URL.match(u):
        return inline(text)
    return f"[{inline(text)}](<{u.replace('(', '%28').replace(')', '%29')}>)"
