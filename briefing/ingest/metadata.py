"""Metadata as formats carry it: dates (ISO strings, RFC 822 feed dates, feedparser
tuples) and a web page's own title, outlet and date (JSON-LD, Open Graph, meta tags)."""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import lxml.html

_YEARS = range(1900, 2200)  # anything else is a typo or a hostile value, not a news date


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    text = text.strip()[:64]
    value: dt.date | None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            value = dt.date.fromisoformat(text[:10])
        except ValueError:
            value = _rfc822(text)
    return value if value and value.year in _YEARS else None


def _rfc822(text: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def date_from_struct(value: time.struct_time | None) -> dt.date | None:
    if not value:
        return None
    try:
        date = dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    except (ValueError, OverflowError, AttributeError):
        return None
    return date if date.year in _YEARS else None


@dataclass(frozen=True)
class PageMetadata:
    """What a page says about itself, read before any cleaning (JSON-LD lives in <script>)."""

    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    section: str | None = None  # the page's own genre or section label ("Opinion"), read by ingest/kinds.py


# Publication-date meta tags, most specific first ("date" alone is often the crawl date).
_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "datepublished", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
    "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "sailthru.date",
    "parsely-pub-date", "date",
)  # fmt: skip
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "dcterms.title", "headline")
_OUTLET_KEYS = ("og:site_name", "dc.publisher", "dcterms.publisher")
_MAX_JSON_CHARS = 2_000_000  # a JSON-LD block larger than this is app state, not metadata
_MAX_JSON_OBJECTS = 1_000
# XHTML-era pages wrap script text in CDATA or comment markers, sometimes behind "//".
_JSON_WRAPPER = re.compile(r"\A\s*(?://|/\*)?\s*(?:<!\[CDATA\[|<!--)|(?://|/\*)?\s*(?:\]\]>|-->)\s*(?:\*/)?\s*\Z")
_TITLE_SEPARATOR = re.compile(r"\s+[-|\u2013\u2014:\u00b7\u2022\u00bb/]+\s+")
_WORDS = re.compile(r"\w+")


def page_metadata(root: lxml.html.HtmlElement) -> PageMetadata:
    """Title, outlet and publication date from the page's own metadata.

    Order follows how reliable each source is on news sites: the schema.org
    article object (JSON-LD) names the headline and publisher exactly; Open Graph
    and similar meta tags come next; the <title> element last, as it often
    carries the site's name ("Headline - Outlet"), which is cut when the outlet
    is known.
    """
    meta = _meta_values(root)
    objects = _json_ld_objects(root)
    article = next((o for o in objects if _is_article(o)), None)
    outlet = _first(meta.get(k) for k in _OUTLET_KEYS) or _publisher(article, objects) or _site_name(objects)
    title = _first([_json_text(article, "headline"), _json_text(article, "name")]) if article else None
    title = title or _first(meta.get(k) for k in _TITLE_KEYS) or _title_element(root)
    published = None
    for candidate in (_json_text(article, "datePublished") if article else None, *(meta.get(k) for k in _DATE_KEYS)):
        published = published or parse_date(candidate)
    title = _without_outlet(title, outlet)
    if title and outlet and _fold(title) == _fold(outlet):
        title = None  # "BBC News" names the site, not the story: the page's headline will do
    return PageMetadata(title, outlet, published, _section(article, meta))


def _section(article: dict[str, Any] | None, meta: dict[str, str]) -> str | None:
    """The genre schema.org states ("OpinionNewsArticle"), else the section the page names."""
    for kind in _types(article) if article else []:
        if kind.endswith("NewsArticle") and kind != "NewsArticle":
            return kind.removesuffix("NewsArticle")  # Opinion, Analysis, Review, Reportage, Background
    named = _json_text(article, "articleSection") if article else None
    return named or meta.get("article:section") or meta.get("og:article:section")


def _meta_values(root: lxml.html.HtmlElement) -> dict[str, str]:
    """First non-empty value of every <meta> name/property and of itemprop elements."""
    values: dict[str, str] = {}
    for element in root.iter("meta", "time", "span", "div", "h1", "a", "link"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        if not key:
            continue
        value = element.get("content") or element.get("datetime")
        if value is None and element.tag not in ("meta", "link"):
            value = element.text_content() if element.get("itemprop") == "headline" else None
        value = _clean(value or "")  # some sites escape their meta values twice ("&amp;amp;")
        if value:
            values.setdefault(key.strip().lower(), value)
    return values


def _json_ld_objects(root: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    """Top-level schema.org objects: those in lists and @graph, and a page's main entity."""
    found: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        text = _JSON_WRAPPER.sub("", script.text or "")
        if len(text) > _MAX_JSON_CHARS:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        pending = [data]
        while pending and len(found) < _MAX_JSON_OBJECTS:
            item = pending.pop(0)
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                pending.extend(item[k] for k in ("@graph", "mainEntity") if isinstance(item.get(k), (list, dict)))
    return found


def _types(obj: dict[str, Any]) -> list[str]:
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return [re.split(r"[/:#]", name)[-1] for name in names if isinstance(name, str)]


def _is_article(obj: dict[str, Any]) -> bool:
    return any(t.endswith("Article") or t in ("BlogPosting", "LiveBlogPosting", "Report") for t in _types(obj))


def _publisher(article: dict[str, Any] | None, objects: list[dict[str, Any]]) -> str | None:
    """The article's publisher, followed through an "@id" reference when it is one."""
    publisher = article.get("publisher") if article else None
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, str):
        return _clean(publisher)
    if not isinstance(publisher, dict):
        return None
    if "name" not in publisher and isinstance(publisher.get("@id"), str):
        publisher = next((o for o in objects if o.get("@id") == publisher["@id"]), publisher)
    return _json_text(publisher, "name")


def _site_name(objects: list[dict[str, Any]]) -> str | None:
    site = next((o for o in objects if "WebSite" in _types(o) or "NewsMediaOrganization" in _types(o)), None)
    return _json_text(site, "name") if site else None


def _json_text(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return _clean(value) if isinstance(value, str) else None


def _clean(value: str) -> str | None:
    """JSON-LD strings are often HTML-escaped once more ("&amp;", "&#8217;")."""
    return " ".join(html.unescape(value).split()) or None


def _title_element(root: lxml.html.HtmlElement) -> str | None:
    found = root.find(".//title")
    return " ".join(found.text_content().split()) or None if found is not None else None


def _without_outlet(title: str | None, outlet: str | None) -> str | None:
    """ "Headline - Outlet" or "Outlet | Headline" without the outlet's name."""
    if not title or not outlet:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    name = _fold(outlet)
    if len(parts) > 1 and _fold(parts[-1]) == name:
        return title[: title.rfind(parts[-1])].rstrip(" -|:\u2013\u2014\u00b7\u2022\u00bb/") or title
    if len(parts) > 1 and _fold(parts[0]) == name:
        return title[len(parts[0]) :].lstrip(" -|:\u2013\u2014\u00b7\u2022\u00bb/") or title
    return title


def _fold(text: str) -> str:
    words = _WORDS.findall(text.lower())
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)
