"""The brief stays inert under linkifying renderers, not only strict CommonMark (issue 18, point 5).

markdown-it's `gfm-like` preset (what chat and wiki tools use) turns bare URLs
into links while it parses, and takes a backslash right after a URL into the
link: the `\\<` that kept `<img ...>` inert became `\\` in the link and a live
`<img ...>` after it. The briefs here hold hostile text where an article can
put it (a front-matter url, a sentence) and are rendered by several renderers;
no HTML tag may come out but the ones the brief's own Markdown makes.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from briefing.brief import markdown_escape as esc
from briefing.brief.model import Brief, ItemOrigin
from briefing.brief.render import render_markdown
from briefing.config import IngestSettings, Settings
from briefing.ingest import load_paths
from briefing.models import Analysis

SCRIPT_URL = "https://ok.example/<script>alert(2)</script>"
IMG_SENTENCE = "The ministry posted the order at https://evil.example/<img src=x onerror=alert(1)> on Monday."
ARTICLE = f"""---
title: Crossing reopens
source: Example Wire
date: 2026-11-21
url: {SCRIPT_URL}
---
The northern crossing reopened on Saturday after two days of talks, officials said.

{IMG_SENTENCE}
"""
# The brief's own Markdown makes these; an <img>, <script> or any other tag would come from the text.
OWN_TAGS = {"p", "h1", "h2", "ul", "ol", "li", "a", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr",
            "code"}


def renderers() -> dict[str, MarkdownIt]:
    return {
        "commonmark": MarkdownIt("commonmark").enable("table"),
        "commonmark+front-matter": MarkdownIt("commonmark").enable("table").use(front_matter_plugin),
        "gfm-like": MarkdownIt("gfm-like"),  # linkify on: bare URLs become links while parsing
        "gfm-like+front-matter": MarkdownIt("gfm-like").use(front_matter_plugin),
    }


class _Tags(HTMLParser):
    """Start tags, plus comments, declarations and processing instructions as pseudo-tags (an
    unclosed `<!--` hides the rest of the page in a browser)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_comment(self, data: str) -> None:
        self.tags.append(("<!--", []))

    def handle_decl(self, decl: str) -> None:
        self.tags.append(("<!", []))

    def handle_pi(self, data: str) -> None:
        self.tags.append(("<?", []))


def html_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def assert_inert(html: str) -> None:
    tags = html_tags(html)
    assert {tag for tag, _ in tags} <= OWN_TAGS, html
    for tag, attrs in tags:
        for name, value in attrs:
            assert name in ("href", "start", "style"), (tag, name, html)
            if name == "href":
                assert value is not None and value.lower().startswith(("https://", "http://", "ftp://", "mailto:")), html


@pytest.fixture
def hostile_brief(tmp_path: Path) -> tuple[Brief, Analysis]:
    """The article read as a user's file would be, then cited from every section that holds text."""
    (tmp_path / "crossing.md").write_text(ARTICLE, encoding="utf-8")
    (article,) = load_paths([str(tmp_path / "crossing.md")], IngestSettings()).articles
    assert article.url == SCRIPT_URL
    (sentence,) = [s for s in article.sentences if "evil.example" in s.text]
    ids = (article.id,)
    brief = Brief.new(Settings(), dt.date(2026, 11, 21))
    brief.add(sentence.text, ItemOrigin("sentence", ids, sentence=sentence.index), "bottom_line")
    brief.add(sentence.text, ItemOrigin("sentence", ids, sentence=sentence.index), "developments",
              allow_duplicate=True)
    brief.add(f"See {SCRIPT_URL} and {IMG_SENTENCE}", ItemOrigin.free(), "notes")
    return brief, Analysis((article,), {})


@pytest.mark.parametrize("name", list(renderers()))
def test_the_brief_renders_without_raw_html_everywhere(hostile_brief: tuple[Brief, Analysis], name: str) -> None:
    markdown = render_markdown(*hostile_brief)
    assert_inert(renderers()[name].render(markdown))


def test_under_linkify_no_escaping_backslash_ends_up_in_a_link(hostile_brief: tuple[Brief, Analysis]) -> None:
    html = MarkdownIt("gfm-like").use(front_matter_plugin).render(render_markdown(*hostile_brief))
    hrefs = [dict(attrs)["href"] for tag, attrs in html_tags(html) if tag == "a"]
    assert any(h.startswith("https://evil.example/") for h in hrefs), html  # the bare URL was linkified
    assert not [h for h in hrefs if "%5C" in h], hrefs  # a swallowed `\` is what let the tag out


def test_a_title_with_a_tag_is_inert_where_front_matter_is_read_as_markdown() -> None:
    brief = Brief.new(Settings(), dt.date(2026, 11, 21))
    brief.title = "Brief <img src=x onerror=alert(3)> & more"
    brief.add("A plain note.", ItemOrigin.free())
    markdown = render_markdown(brief, None)
    for md in renderers().values():
        assert_inert(md.render(markdown))
    import yaml

    front = markdown.split("---\n")[1]
    assert yaml.safe_load(front)["title"] == brief.title  # still the exact title for a YAML reader


HOSTILE_URLS = [
    "https://evil.example/<img src=x onerror=alert(1)>",
    "see https://evil.example/<img src=x onerror=alert(1)> now",
    "https://evil.example/\\<img src=x onerror=alert(1)>",
    "https://evil.example/\\\\<img src=x onerror=alert(1)>",
    "HTTPS://EVIL.example/<img src=x onerror=alert(1)>",
    "ftp://evil.example/<img src=x onerror=alert(1)>",
    "(https://evil.example/<script>alert(1)</script>)",
    "https://evil.example/a*b*<img src=x onerror=alert(1)>",
    "mailto:a@evil.example<img src=x onerror=alert(1)>",
    "www.evil.example/<img src=x onerror=alert(1)>",
    "evil.com/<img src=x onerror=alert(1)>",
    "x https://<img src=x onerror=alert(1)>",
    "https://a.example/<https://b.example/<img src=x onerror=alert(1)>>",
    "https://evil.example/<!-- comment --> and <b>bold</b>",
    "https://evil.example/<!-- the rest of the page vanishes",
    "https://evil.example/<?php echo 1 ?>",
]


@pytest.mark.parametrize("text", HOSTILE_URLS)
def test_escaped_text_after_a_url_stays_text(text: str) -> None:
    line = esc.inline(text)
    for md in renderers().values():
        for block in (f"{line}\n", f"- {line}\n", f"> {line}\n", f"| a |\n|---|\n| {line} |\n"):
            assert_inert(md.render(block))
    # and strict CommonMark still reads the very text back
    (inline,) = [t for t in MarkdownIt("commonmark").parse(f"{line}\n") if t.type == "inline"]
    assert "".join(c.content for c in inline.children or [] if c.type == "text") == esc.one_line(text)


def test_ordinary_urls_are_left_readable() -> None:
    for text in ("Read https://example.org/report-2026.pdf today.", "at https://example.org/a_b?c=1&d=2"):
        assert esc.inline(text) == text
