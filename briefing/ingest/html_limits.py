"""Caps that keep a hostile HTML page from stalling the parser or the tree walks.

Each cap measures a real cost, not a shape ordinary pages have:

- attributes in one tag: libxml2 checks them for duplicates pairwise, so one tag
  with 80,000 distinct attributes takes lxml 40 s. They are counted the way the
  HTML tokenizer reads tags: the text of scripts, styles and comments holds no
  tags, and a news page's inline JSON or CSS (300 KB of it on some sites) must
  not be mistaken for one enormous tag;
- elements in the whole tree: every later step walks it in Python.

Nesting depth is checked during the one cleaning walk (html.clean_tree).
"""

from __future__ import annotations

import re

import lxml.html

from briefing.ingest.errors import IngestError

MAX_ATTRIBUTES = 5_000  # 10,000 distinct ones in one tag already take lxml 0.1 s (quadratic)
MAX_ELEMENTS = 100_000  # no article page needs more; each Python walk costs ~0.3 s per 100,000

# What can follow "<" in the HTML tokenizer's data state. Start and end tags are matched
# whole, as the tokenizer reads them: a name, then attributes (a name, optionally "=" and
# a quoted or bare value) separated by whitespace or "/", so a ">" or "<!--" inside a
# quoted value is not taken for the tag's end or a comment. Possessive quantifiers keep
# every match linear.
_ATTRS = r"(?:[\s/]++|[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\s>]*+))?+)*+"
_MARKUP = re.compile(
    rf"<(?:(?P<comment>!--)|(?P<bogus>[!?]|/(?![A-Za-z]))|(?P<slash>/?)(?P<name>[A-Za-z][^\s/>]*+)(?P<attrs>{_ATTRS}))"
)
_ATTRIBUTE = re.compile(r"[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\s>]*+))?+")
_COMMENT_END = re.compile(r">|->|.*?--!?>", re.S)  # "<!-->" and "<!--->" already end a comment
_BOGUS_END = re.compile(r"[^>]*+>")  # "<!x ...>", "<?x ...>", "</ x>": comments up to the first ">"
# Elements whose content the tokenizer reads as text up to their end tag. Unterminated,
# they are scanned as markup: refusing a strange page is safer than missing a bomb.
_RAW_TEXT_END = {
    name: re.compile(rf".*?</{name}[\s/>]", re.I | re.S)
    for name in ("script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title")
}
_MIN_BOMB_CHARS = 2 * MAX_ATTRIBUTES  # each attribute takes a character and a separator
_MAX_START_TAGS = 4 * MAX_ELEMENTS  # far past the cap: refused before lxml builds the tree


def check_markup(text: str) -> None:
    """Refuse a page with a tag holding more than MAX_ATTRIBUTES attributes, or with
    far more start tags than MAX_ELEMENTS (before lxml spends seconds building them).

    Where this scan and libxml2 might disagree (unterminated comments or scripts),
    it keeps reading markup, so it can only count more attributes, never fewer.
    """
    unterminated: set[str] = set()  # once an end is missing, every later search for it fails too
    position = tags = 0
    search = _MARKUP.search
    while (match := search(text, position)) is not None:
        position = match.end()
        if match["name"] is None:
            end, kind = (_COMMENT_END, "--") if match["comment"] else (_BOGUS_END, ">")
            position = _skip(end, text, position, kind, unterminated)
            continue
        attrs = match["attrs"]
        if len(attrs) > _MIN_BOMB_CHARS and len(_ATTRIBUTE.findall(attrs)) > MAX_ATTRIBUTES:
            raise IngestError(f"an HTML tag has more than {MAX_ATTRIBUTES:,} attributes")
        if match["slash"]:
            continue
        tags += 1
        if tags > _MAX_START_TAGS:
            raise IngestError(f"HTML has more than {_MAX_START_TAGS:,} tags; the limit is {MAX_ELEMENTS:,} elements")
        raw_end = _RAW_TEXT_END.get(match["name"].lower())
        if raw_end is not None:
            position = _skip(raw_end, text, position, match["name"].lower(), unterminated)


def _skip(pattern: re.Pattern[str], text: str, start: int, kind: str, unterminated: set[str]) -> int:
    """Past the end of a comment or raw-text element; where it has none, right after its start."""
    if kind not in unterminated:
        closing = pattern.match(text, start)
        if closing:
            return closing.end()
        unterminated.add(kind)
    return start


def check_size(root: lxml.html.HtmlElement) -> None:
    """Every later step walks the tree in Python: 1.2 million <p> would take 20 s."""
    elements = int(root.xpath("count(//*)"))
    if elements > MAX_ELEMENTS:
        raise IngestError(f"HTML has {elements:,} elements; the limit is {MAX_ELEMENTS:,}")
