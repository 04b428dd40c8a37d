"""HTML pages and HTML fragments (feed entries, rendered Markdown) to paragraphs.

trafilatura finds the article's main text and drops navigation, footers and
most boilerplate. Before it sees the page, everything a reader never sees is
removed: scripts, styles, templates, form controls, and elements hidden by
`hidden` or an inline `display:none` — text planted there must never reach a
summary or a brief. Softer signs (a visually-hidden class, `aria-hidden`,
navigation, page-level header and footer, cookie and consent banners, forms)
go too, unless the element holds most of the page's text: then it is a layout
wrapper (ASP.NET pages put the whole page in one <form>; a page saved with a
dialog open has its content marked `aria-hidden`), and dropping it would leave
nothing. lxml silently stops nesting at depth 255 and drops what lies below, so a
page nested deeper than `max_html_depth` is refused rather than half-read.

The title, outlet and date come from the page's own metadata, read before any
cleaning (JSON-LD lives in <script>); see metadata.page_metadata.
"""

from __future__ import annotations

import datetime as dt
import re

import lxml.etree
import lxml.html

from briefing.ingest.article import Draft
from briefing.ingest.errors import IngestError
from briefing.ingest.html_limits import check_markup, check_size
from briefing.ingest.metadata import page_metadata, parse_date
from briefing.ingest.sanitize import sanitize_markup

_INVISIBLE_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "canvas", "button", "select", "input", "textarea", "option", "datalist",
})  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])", re.I)
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hidden|d-none|sr-only|visually-hidden|screen-reader-text|invisible)(?:\s|$)", re.I)
# Utility classes that show at a screen width what "hidden" / "d-none" hides on phones.
_SHOWN_AT_SIZE = re.compile(
    r"(?:^|\s)(?:(?:sm|md|lg|xl|2xl):(?:block|inline|inline-block|flex|inline-flex|grid|inline-grid|table|contents"
    r"|flow-root|list-item|visible)|d-(?:sm|md|lg|xl|xxl)-(?!none)[\w-]+)(?:\s|$)",
    re.I,
)
_BANNER = re.compile(r"cookie|consent|gdpr", re.I)  # narrow on purpose: "paywall" wraps real articles
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"})
_CONTENT_TAGS = ("body", "html", "main", "article")
# Above these sizes trafilatura is too slow for the 5 s budget (measured: 0.7 s for
# 8,000 elements, linear) and the plain block walk is used.
_MAX_EXTRACTOR_ELEMENTS = 8_000
_MAX_EXTRACTOR_CHARS = 600_000
_FRAGMENT_MAX_DEPTH = 255  # lxml's own limit; fragments (feed entries) are only cleaned, never refused
_SHORT_WORDS = 60  # a main text this short gets trafilatura's second opinion (readability, jusText)
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
     "tr", "dd", "dt", "figcaption", "header", "footer", "aside", "main", "table", "ul", "ol", "hr"}
)  # fmt: skip
# trafilatura's output elements that start a paragraph; "lb" is a <br> inside one.
_EXTRACT_BLOCKS = frozenset({"p", "head", "item", "quote", "list", "table", "row", "cell", "lb", "code", "graphic"})


def read_html(
    text: str, max_depth: int, path: str | None = None, url: str | None = None
) -> list[Draft]:
    """The main article of a page, with its title, date and site name."""
    root = parse_document(sanitize_markup(text))  # lxml refuses control characters when text is set
    check_size(root)
    meta = page_metadata(root)
    published = meta.published or _date_from_page(root, url)
    size = clean_tree(root, max_depth)
    notices: list[str] = []
    paragraphs: list[str] = []
    if size <= _MAX_EXTRACTOR_ELEMENTS and len(root.text_content()) <= _MAX_EXTRACTOR_CHARS:
        paragraphs = _main_text(root, url)
    else:  # each trafilatura pass costs about 80 µs an element
        notices.append("page too large for boilerplate removal; all its visible text was kept")
    if not paragraphs:
        paragraphs = _block_paragraphs(_main_part(root))
    if not paragraphs:
        raise IngestError("no article text found in the HTML page")
    return [
        Draft(
            paragraphs,
            title=meta.title or _first_heading(root),
            source=meta.outlet,
            published=published,
            path=path,
            url=url,
            notices=notices,
            section=meta.section,
        )
    ]


def parse_document(text: str) -> lxml.html.HtmlElement:
    check_markup(text)
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise IngestError(f"not readable as HTML ({exc})") from None
    if root is None:
        raise IngestError("not readable as HTML (empty document)")
    return root


def clean_tree(root: lxml.html.HtmlElement, max_depth: int, chrome: bool = True) -> int:
    """Drop what no reader sees and (with `chrome`) page furniture; check the depth
    cap on the way; return the number of elements kept.

    An element only hinted to be furniture is kept when it holds most of the
    page's text: it is then the page's layout wrapper, and its contents are
    examined in turn.
    """
    hidden, furniture, kept = _walk([(root, 1, False)], max_depth, chrome)
    for element in hidden:
        _drop(element)
    while furniture:
        total = len(root.text_content())
        wrapper = next((e for e in furniture if 2 * len(e.text_content()) > total), None)
        if wrapper is None:
            break
        furniture.remove(wrapper)
        ancestors = [a.tag for a in wrapper.iterancestors()]
        in_content = any(tag in ("article", "main") for tag in ancestors)
        more_hidden, more_furniture, more = _walk(
            [(wrapper, len(ancestors) + 1, in_content)], max_depth, chrome, inside=True
        )
        for element in more_hidden:
            _drop(element)
        furniture.extend(more_furniture)
        kept += more
    for element in furniture:
        _drop(element)
    return kept


_Pending = list[tuple[lxml.html.HtmlElement, int, bool]]


def _walk(
    stack: _Pending, max_depth: int, chrome: bool, inside: bool = False
) -> tuple[list[lxml.html.HtmlElement], list[lxml.html.HtmlElement], int]:
    """One iterative walk (a deep page cannot exhaust Python's recursion limit) that
    does not descend into what it drops. One pass matters: on a 5 MB page each walk
    over the tree costs about half a second. `inside`: the first element was already
    judged (a wrapper kept for its text), only its children are."""
    hidden: list[lxml.html.HtmlElement] = []
    furniture: list[lxml.html.HtmlElement] = []
    kept = 0
    while stack:
        element, depth, in_content = stack.pop()
        if depth > max_depth:
            raise IngestError(f"HTML nested more than {max_depth} levels deep (ingest.max_html_depth)")
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if not inside:
            if tag is None or tag in _INVISIBLE_TAGS or _is_hidden(element, tag):
                hidden.append(element)  # comments, processing instructions, hidden parts
                continue
            if _is_furniture(element, tag, in_content, chrome):
                furniture.append(element)
                continue
        inside = False
        kept += 1
        in_content = in_content or tag in ("article", "main")
        stack.extend((child, depth + 1, in_content) for child in element)
    return hidden, furniture, kept


def _is_hidden(element: lxml.html.HtmlElement, tag: str) -> bool:
    """Never shown on screen, whatever the page's size: the `hidden` attribute or an
    inline style that hides."""
    names = element.keys()
    if not names:
        return False  # most elements: no attributes to look at
    return "hidden" in names or bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _is_furniture(element: lxml.html.HtmlElement, tag: str, in_content: bool, chrome: bool) -> bool:
    """Probably not the article: a visually-hidden class (the stylesheet, which we do not
    read, decides; "hidden md:block" is shown on wide screens), `aria-hidden`, a consent
    banner, or (with `chrome`) navigation and page chrome. A <header>/<footer> inside the
    article holds its headline and byline, so only the page-level ones go."""
    if element.keys():
        css_class = element.get("class") or ""
        if _HIDDEN_CLASS.search(css_class) and not _SHOWN_AT_SIZE.search(css_class):
            return True
        if (element.get("aria-hidden") or "").lower() == "true":
            return True
        marker = f"{element.get('id') or ''} {css_class} {element.get('role') or ''}"
        if tag not in _CONTENT_TAGS and _BANNER.search(marker):
            return True
        if chrome and (element.get("role") or "").lower() in _CHROME_ROLES:
            return True
    if not chrome:
        return False
    return tag in ("nav", "aside", "form") or (tag in ("header", "footer") and not in_content)


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


def _first_heading(root: lxml.html.HtmlElement) -> str | None:
    """The page's visible headline, for a page without title metadata."""
    for path in (".//h1", ".//title"):
        found = root.find(path)
        text = " ".join(found.text_content().split()) if found is not None else ""
        if text:
            return text
    return None


def _date_from_page(root: lxml.html.HtmlElement, url: str | None) -> dt.date | None:
    """htmldate's reading of a page without a date in its metadata (its URL, visible
    dates near the headline); its free-text search is off: a date quoted in the story
    is not the story's date."""
    from htmldate import find_date  # installed with trafilatura

    try:
        found = find_date(root, extensive_search=False, original_date=True, url=url)
    except (ValueError, TypeError, AttributeError, lxml.etree.LxmlError):
        return None
    return parse_date(found)


def _main_text(root: lxml.html.HtmlElement, url: str | None) -> list[str]:
    """trafilatura's main text, in its balanced setting without its fallbacks (on
    real news pages that keeps its precision and recall and halves its time); a short
    result gets the fallbacks too, and the longer answer wins."""
    paragraphs = _trafilatura(root, url, fast=True)
    if sum(len(p.split()) for p in paragraphs) < _SHORT_WORDS:
        second = _trafilatura(root, url, fast=False)
        if sum(len(p.split()) for p in second) > sum(len(p.split()) for p in paragraphs):
            paragraphs = second
    return paragraphs


def _trafilatura(root: lxml.html.HtmlElement, url: str | None, fast: bool) -> list[str]:
    import trafilatura  # heavy import: only pages need it

    try:
        extracted = trafilatura.bare_extraction(
            root,
            url=url,
            fast=fast,
            with_metadata=False,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except (ValueError, TypeError, AttributeError, lxml.etree.LxmlError):
        return []  # the plain block walk still finds the text
    body = getattr(extracted, "body", None)
    return _extracted_paragraphs(body) if body is not None else []


def _extracted_paragraphs(body: lxml.etree._Element) -> list[str]:
    """One paragraph per block of trafilatura's output (and per <br> inside one), with
    the page source's line breaks and indentation inside a paragraph folded away."""
    paragraphs: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        text = " ".join("".join(parts).split())
        parts.clear()
        if text:
            paragraphs.append(text)

    for event, element in lxml.etree.iterwalk(body, events=("start", "end")):
        block = element.tag in _EXTRACT_BLOCKS
        if event == "start":
            if block:
                flush()
            parts.append(element.text or "")
        else:
            if block:
                flush()
            if element is not body:
                parts.append(element.tail or "")
    flush()
    return paragraphs


def fragment_paragraphs(html: str) -> list[str]:
    """Paragraphs of an HTML fragment (feed content, rendered Markdown), hidden parts dropped."""
    root = parse_fragment(html)
    return _block_paragraphs(root) if root is not None else []


def fragment_text(html: str) -> str:
    """One line of text from an HTML fragment (a feed's HTML title): tags, scripts and
    hidden parts gone, entities decoded."""
    root = parse_fragment(html)
    return " ".join(root.text_content().split()) if root is not None else ""


def parse_fragment(html: str) -> lxml.html.HtmlElement | None:
    """An HTML fragment parsed and cleaned of what no reader sees; None when it is
    empty, unreadable or over a cap (the entry is then reported as having no text)."""
    if not html.strip():
        return None
    try:
        html = sanitize_markup(html)
        check_markup(html)
        root = lxml.html.fragment_fromstring(html, create_parent="div")
        check_size(root)
    except (lxml.etree.ParserError, ValueError, IngestError):
        return None
    clean_tree(root, max_depth=_FRAGMENT_MAX_DEPTH, chrome=False)
    return root


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
