"""Article text cannot change the brief's structure (issue 6 Markdown safety, issue 8 class 7 output side).

Every test renders a brief in which untrusted strings sit in every place
text can go (items of every section, quote speaker and role, status labels,
source title, outlet, path and URL, the brief title and headings) and reads
the result back with markdown-it: the structure must be exactly the intended
one and the text must come back unchanged apart from collapsed whitespace.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from briefing.brief import markdown_escape as esc
from briefing.brief.model import Brief, ItemOrigin
from briefing.brief.render import render_markdown
from briefing.models import Analysis, Figure, Quote
from support.brief_sample import count, inline_texts, make_article, parser, tokens

HOSTILE = [
    "# Breaking: heading injection",
    "## Sources\n1. fake source",
    "> fake quote",
    "- fake bullet",
    "+ plus bullet",
    "* star bullet",
    "1. numbered",
    "2) numbered paren",
    "---",
    "***",
    "===",
    "| a | b |\n|---|---|\n| c | d |",
    "cell | with | pipes",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<!-- comment -->",
    "<div>\nblock html\n</div>",
    "<https://evil.example/autolink>",
    "[click me](javascript:alert(1))",
    "![image](http://evil.example/x.png)",
    "[ref]: http://evil.example/ref",
    "[1]: http://evil.example/hijack-citation",
    "`code` and ``double``",
    "```python\nfenced\n```",
    "~~~\nfenced\n~~~",
    "    indented code block",
    "*emphasis* and **strong** and _under_ and __dunder__",
    "back\\slash and \\* escaped star and trailing \\",
    "&amp; &copy; &#169; &#x26; entities",
    "line one\nline two\r\nline three\u2028line four",
    "trailing hard break  \nnext",
    "$math$ and ~~strike~~ and [^footnote]",
    "Title\n=====",
    "\x1b[31mred\x1b[0m and \x07 bell and \x00 nul",
    "\u202eevil bidi",
    "",
    "   ",
]

SECTIONS_WITH_ITEMS = ("bottom_line", "developments", "quotes", "status", "notes")


def hostile_brief(s: str, *, url: bool = False) -> tuple[Brief, Analysis]:
    """A brief with `s` in every place untrusted text can reach."""
    article = make_article(
        "deadbeef0001",
        f"{s} title",
        f"{s} outlet",
        dt.date(2026, 1, 2),
        [["A plain sentence."]],
        path=None if url else f"dir/{s}.txt",
        url="https://example.org/a?b=1&c=2" if url else None,
    )
    ids = (article.id,)
    quote = Quote(s, f"{s} speaker", f"{s} role", "said", False, ids, ())
    figure = Figure("killed", 10, "at least", s, s, article.id, disagreement=True)
    brief = Brief(f"{s} brief", dt.date(2026, 1, 2))
    brief.add(s, ItemOrigin("digest", ids), "bottom_line")
    brief.add(s, ItemOrigin("digest", ids), "developments")
    brief.add(s, ItemOrigin("quote", ids, quote=quote), "quotes")
    brief.add(s, ItemOrigin("status", ids, field=s), "status")
    brief.add(s, ItemOrigin("figure", ids, figure=figure), "status")
    brief.add(s, ItemOrigin("figure", ids, figure=figure), "status", allow_duplicate=True)  # the same figure twice, on purpose
    brief.add(s, ItemOrigin.free(), "notes")
    return brief, Analysis((article,), {})


def assert_structure(md: str, *, links: int = 0) -> None:
    headings = [t for t in tokens(md) if t.type == "heading_open"]
    assert [h.tag for h in headings] == ["h1", "h2", "h2", "h2", "h2", "h2", "h2"], md
    assert count(md, "table_open") == 1
    assert count(md, "tr_open") == 3  # header, one plain status row, one disagreement row
    assert count(md, "bullet_list_open") == 1
    assert count(md, "ordered_list_open") == 1
    assert count(md, "list_item_open") == 2  # one development, one source
    assert count(md, "blockquote_open") == 1
    assert count(md, "front_matter") == 1
    for bad in ("html_inline", "html_block", "code_block", "fence", "hr", "image", "em_open", "strong_open",
                "lheading", "hardbreak", "softbreak"):
        assert count(md, bad) == 0, (bad, md)
    assert count(md, "link_open") == links, md
    assert count(md, "code_inline") == (0 if links else 1)  # the source's path and nothing else


def expected_text(s: str) -> str:
    return esc.one_line(s)


def cited(texts: list[str], want: str) -> bool:
    """The item's text with its citation, placed after it or just inside its final full stop."""
    forms = {f"{want} [1]".strip()}
    if want.endswith("."):
        forms.add(f"{want[:-1]} [1].".strip())
    return any(t in forms for t in texts)


@pytest.mark.parametrize("s", HOSTILE)
def test_hostile_text_keeps_structure(s: str) -> None:
    brief, analysis = hostile_brief(s)
    assert_structure(render_markdown(brief, analysis))


@pytest.mark.parametrize("s", HOSTILE)
def test_hostile_text_with_url_source_makes_only_the_intended_link(s: str) -> None:
    brief, analysis = hostile_brief(s, url=True)
    md = render_markdown(brief, analysis)
    assert_structure(md, links=1)
    (link,) = [t for t in tokens(md) if t.type == "link_open"]
    assert link.attrs["href"] == "https://example.org/a?b=1&c=2"


@pytest.mark.parametrize("s", HOSTILE)
def test_hostile_text_reads_back_unchanged(s: str) -> None:
    brief, analysis = hostile_brief(s)
    texts = inline_texts(render_markdown(brief, analysis))
    want = expected_text(s)
    assert f"{want} brief — 2026-01-02".strip() in texts  # the title
    assert cited(texts, want)  # bottom line, development
    assert f"“{want}”" in texts  # the quote
    assert any(t.startswith("— ") and want in t for t in texts)  # its attribution


def test_front_matter_is_yaml_that_cannot_escape() -> None:
    import yaml

    s = "x\n---\nsources: 999\n...\n- list"
    brief, analysis = hostile_brief(s)
    md = render_markdown(brief, analysis)
    (fm,) = [t for t in tokens(md) if t.type == "front_matter"]
    data = yaml.safe_load(fm.content)
    assert data == {"title": esc.one_line(s) + " brief", "date": dt.date(2026, 1, 2), "prepared": dt.date(2026, 1, 2),
                    "sources": 1}


def test_ordinary_news_text_is_not_over_escaped() -> None:
    s = ("The U.N. envoy said on Monday it's a \"step forward\" — 250,000 killed (so far); "
         "talks resume at 10 a.m. in Geneva, e-mail: press@un.org, 50% of aid_groups agree? Yes! 5 > 3.")
    assert esc.inline(s) == s


def test_escapes_what_could_be_syntax() -> None:
    assert esc.inline("# x") == "\\# x"
    assert esc.inline("1. x") == "1\\. x"
    assert esc.inline("2016. A year") == "2016\\. A year"
    assert esc.inline("a | b") == "a \\| b"
    assert esc.inline("<b>") == "\\<b>"
    assert esc.inline("[a](b)") == "\\[a\\](b)"
    assert esc.inline("_a_ snake_case") == "\\_a\\_ snake_case"
    assert esc.inline("&amp; & co") == "\\&amp; & co"
    assert esc.inline("line\nbreak") == "line break"


def test_code_span_survives_backticks() -> None:
    for path in ("a`b.txt", "``x``", "`", "plain.txt"):
        md = f"see {esc.code_span(path)}\n"
        (code,) = [t for t in tokens(md) if t.type == "code_inline"]
        assert code.content == path


def test_autolink_only_for_http() -> None:
    assert esc.autolink("https://example.org/x_y") == "<https://example.org/x_y>"
    assert esc.autolink("javascript:alert(1)") == "javascript:alert(1)"
    assert count(esc.autolink("file:///etc/passwd") + "\n", "link_open") == 0
    assert count(esc.autolink("http://a b") + "\n", "link_open") == 0


# -- property tests -----------------------------------------------------------------------------

MARKDOWN_CHARS = list("#>-+*_`[]()<>|\\!&;=~:.!0123456789 \n\t\r\"'aZ/") + ["&amp;", "&#1;", "http://", "    "]
nasty = st.lists(st.sampled_from(MARKDOWN_CHARS), max_size=40).map("".join)
anything = st.text(max_size=60) | st.text(st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010), max_size=5)
PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(nasty, anything))
def test_any_string_in_any_section_keeps_structure(s: str) -> None:
    brief, analysis = hostile_brief(s)
    md = render_markdown(brief, analysis)
    assert_structure(md)
    texts = inline_texts(md)
    want = expected_text(s)
    assert cited(texts, want)
    assert f"“{want}”" in texts


@PROFILE
@given(st.one_of(nasty, anything))
def test_inline_escape_round_trips(s: str) -> None:
    md = "- " + esc.inline(s) + "\n"
    toks = parser().parse(md)
    want = expected_text(s)
    if want:
        assert [t.type for t in toks if t.type.endswith("_open")] == ["bullet_list_open", "list_item_open",
                                                                     "paragraph_open"]
        assert inline_texts(md) == [want]


@PROFILE
@given(st.one_of(nasty, anything))
def test_table_cell_escape_round_trips(s: str) -> None:
    md = "| a | b |\n| --- | --- |\n| " + esc.inline(s) + " | x |\n"
    toks = tokens(md)
    assert sum(t.type == "td_open" for t in toks) == 2
    assert inline_texts(md)[2:] == [expected_text(s), "x"]


@PROFILE
@given(st.one_of(nasty, anything))
def test_heading_escape_round_trips(s: str) -> None:
    md = "## " + esc.heading(s) + "\n"
    assert count(md, "heading_open") == 1
    assert inline_texts(md) == [expected_text(s)]
