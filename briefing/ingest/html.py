"""HTML pages and HTML fragments (feed entries, rendered Markdown) to paragraphs.

trafilatura finds the article's main text and drops navigation, footers and
most boilerplate. Before it sees the page, everything a reader never sees is
removed: scripts, styles, templates, and elements hidden by `hidden`,
`aria-hidden` or inline `display:none` — text planted there must never reach a
summary or a brief. Cookie and consent banners go the same way. lxml silently
stops nesting at depth 255 and drops what lies below, so a page nested deeper
than `max_html_depth` is refused rather than half-read.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from briefing.ingest.article import Draft
from briefing.ingest.errors import IngestError
from briefing.ingest.metadata import parse_date
from briefing.ingest.sanitize import sanitize_markup

_INVISIBLE_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "canvas", "button", "select", "input", "textarea", "form",
)  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])", re.I)
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hidden|d-none|sr-only|visually-hidden|screen-reader-text|invisible)(?:\s|$)", re.I)
_BANNER = re.compile(r"cookie|consent|gdpr", re.I)  # narrow on purpose: "paywall" wraps real articles
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"})
# Above these sizes trafilatura is too slow for the 5 s budget (measured: 2 s for
# 15,000 elements; 1.7 s per 1.5 MB of text) and the plain block walk is used.
_MAX_EXTRACTOR_ELEMENTS = 8_000
_MAX_EXTRACTOR_CHARS = 600_000
MAX_ATTRIBUTES = 5_000  # 10,000 in one tag already take lxml 0.1 s (quadratic)
_LONG_TAG = re.compile(r"<[^<>]{10000,}")  # data: URIs and SVG paths are long but have few attributes
MAX_ELEMENTS = 100_000  # no article page needs more; each Python walk costs ~0.3 s per 100,000
_FRAGMENT_MAX_DEPTH = 255  # lxml's own limit; fragments (feed entries) are only cleaned, never refused
_THOROUGH_ELEMENTS = 2_000  # below this trafilatura may also try its fallback extractors
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
     "tr", "dd", "dt", "figcaption", "header", "footer", "aside", "main", "table", "ul", "ol", "hr"}
)  # fmt: skip


def read_html(
    text: str, max_depth: int, path: str | None = None, url: str | None = None
) -> list[Draft]:
    """The main article of a page, with its title, date and site name."""
    root = parse_document(sanitize_markup(text))  # lxml refuses control characters when text is set
    _check_size(root)
    title = _page_title(root)
    size = clean_tree(root, max_depth)
    notices: list[str] = []
    extracted = None
    if size <= _MAX_EXTRACTOR_ELEMENTS and len(root.text_content()) <= _MAX_EXTRACTOR_CHARS:
        extracted = _trafilatura(root, url, fast=size > _THOROUGH_ELEMENTS)
    else:  # trafilatura grows faster than linearly here: 20,000 elements take 20 s
        notices.append("page too large for boilerplate removal; all its visible text was kept")
    paragraphs = _paragraphs_of(extracted.text if extracted else None)
    if not paragraphs:
        paragraphs = _block_paragraphs(_main_part(root))
    if not paragraphs:
        raise IngestError("no article text found in the HTML page")
    return [
        Draft(
            paragraphs,
            title=(extracted.title if extracted else None) or title,
            source=extracted.sitename if extracted else None,
            published=parse_date(extracted.date) if extracted else None,
            path=path,
            url=url,
            notices=notices,
        )
    ]


def parse_document(text: str) -> lxml.html.HtmlElement:
    _check_tags(text)
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise IngestError(f"not readable as HTML ({exc})") from None
    if root is None:
        raise IngestError("not readable as HTML (empty document)")
    return root


def _check_tags(text: str) -> None:
    """libxml2 checks attributes for duplicates pairwise: 300,000 in one tag take
    minutes. Only long tags can hold many; `[^<>]` keeps this scan linear."""
    for match in _LONG_TAG.finditer(text):
        if len(match.group().split()) > MAX_ATTRIBUTES:
            raise IngestError(f"an HTML tag has more than {MAX_ATTRIBUTES:,} attributes")


def _check_size(root: lxml.html.HtmlElement) -> None:
    """Every later step walks the tree in Python: 1.2 million <p> would take 20 s."""
    elements = int(root.xpath("count(//*)"))
    if elements > MAX_ELEMENTS:
        raise IngestError(f"HTML has {elements:,} elements; the limit is {MAX_ELEMENTS:,}")


def clean_tree(root: lxml.html.HtmlElement, max_depth: int, chrome: bool = True) -> int:
    """One walk that checks the depth cap and drops what no reader sees (and, with
    `chrome`, page-level navigation); returns the number of elements kept.

    Iterative, so a deep page cannot exhaust Python's recursion limit, and it does
    not descend into what it drops. One pass matters: on a 5 MB page each walk
    over the tree costs about half a second.
    """
    doomed = []
    kept = 0
    stack = [(root, 1, False)]
    while stack:
        element, depth, in_content = stack.pop()
        if depth > max_depth:
            raise IngestError(f"HTML nested more than {max_depth} levels deep (ingest.max_html_depth)")
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if tag is None or tag in _INVISIBLE_TAGS or _is_hidden(element, tag):
            doomed.append(element)  # comments, processing instructions, hidden parts
            continue
        if chrome and _is_chrome(element, tag, in_content):
            doomed.append(element)
            continue
        kept += 1
        in_content = in_content or tag in ("article", "main")
        stack.extend((child, depth + 1, in_content) for child in element)
    for element in doomed:
        _drop(element)
    return kept


def _is_hidden(element: lxml.html.HtmlElement, tag: str) -> bool:
    names = element.keys()
    if not names:
        return False  # most elements: no attributes to look at
    if "hidden" in names or (element.get("aria-hidden") or "").lower() == "true":
        return True
    css_class = element.get("class") or ""
    if _HIDDEN_STYLE.search(element.get("style") or "") or _HIDDEN_CLASS.search(css_class):
        return True
    marker = f"{element.get('id') or ''} {css_class} {element.get('role') or ''}"
    return tag not in ("body", "html", "main", "article") and bool(_BANNER.search(marker))


def _is_chrome(element: lxml.html.HtmlElement, tag: str, in_content: bool) -> bool:
    """Navigation and page chrome. A <header>/<footer> inside the article holds
    its headline and byline, so only the page-level ones go."""
    if tag in ("nav", "aside") or (element.get("role") or "").lower() in _CHROME_ROLES:
        return True
    return tag in ("header", "footer") and not in_content


def _drop(element: lxml.etree._Element) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _main_part(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    for path in (".//article", ".//main", ".//body"):
        found = root.find(path)
        if found is not None:
            return found
    return root


def _page_title(root: lxml.html.HtmlElement) -> str | None:
    found = root.find(".//title")
    text = found.text_content() if found is not None else ""
    return " ".join(text.split()) or None


def _trafilatura(root: lxml.html.HtmlElement, url: str | None, fast: bool) -> object | None:
    import trafilatura  # heavy import: only pages need it

    try:
        return trafilatura.bare_extraction(
            root,
            url=url,
            fast=fast,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            favor_precision=True,
        )
    except (ValueError, TypeError, AttributeError, lxml.etree.LxmlError):
        return None  # the plain block walk below still finds the text


def _paragraphs_of(text: str | None) -> list[str]:
    if not text:
        return []
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def fragment_paragraphs(html: str) -> list[str]:
    """Paragraphs of an HTML fragment (feed content, rendered Markdown), hidden parts dropped."""
    if not html.strip():
        return []
    try:
        html = sanitize_markup(html)
        _check_tags(html)
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError, IngestError):
        return []
    try:
        _check_size(root)
    except IngestError:
        return []  # the entry is reported as having no text
    clean_tree(root, max_depth=_FRAGMENT_MAX_DEPTH, chrome=False)
    return _block_paragraphs(root)


def _block_paragraphs(root: lxml.html.HtmlElement) -> list[str]:
    """Text split at block elements and double <br>, whitespace collapsed."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
            element.text = "\n\n" + (element.text or "")
        elif tag == "br":
            element.tail = "\n" + (element.tail or "")
    text = root.text_content()
    blocks = re.split(r"\n\s*\n", text)
    return [" ".join(block.split()) for block in blocks if block.strip()]
