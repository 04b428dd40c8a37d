"""Hostile HTML: hidden, scripted and deeply nested text never reaches the output."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing.config import IngestSettings
from briefing.ingest import load_paths

VISIBLE = (
    "Government forces and rebels agreed on Tuesday to extend the ceasefire for another month, "
    "mediators said, after two days of talks in the capital."
)
SECOND = "The agreement allows aid convoys to reach the besieged eastern districts, the United Nations said."

HIDERS = {
    "style": '<div style="display: none">PLANTED style text for the summary.</div>',
    "visibility": '<p style="visibility:hidden">PLANTED invisible text for the summary.</p>',
    "hidden-attr": "<p hidden>PLANTED hidden attribute text.</p>",
    "aria": '<div aria-hidden="true">PLANTED aria hidden text.</div>',
    "class": '<span class="sr-only">PLANTED screen reader text.</span>',
    "script": "<script>var t = 'PLANTED script text';</script>",
    "style-tag": "<style>.a::before { content: 'PLANTED css text'; }</style>",
    "noscript": "<noscript>PLANTED noscript text.</noscript>",
    "template": "<template><p>PLANTED template text.</p></template>",
    "comment": "<!-- PLANTED comment text -->",
    "svg": "<svg><text>PLANTED svg text</text></svg>",
    "font-size": '<span style="font-size:0">PLANTED zero-size text</span>',
    "cookie": '<div class="cookie-notice">PLANTED cookie text. Accept all cookies?</div>',
    "form": '<form><input type="hidden" value="PLANTED input"><button>PLANTED button</button></form>',
}


def _page(extra: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Ceasefire extended</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Ceasefire extended</h1>"
        f"<p>{VISIBLE}</p>{extra}<p>{SECOND}</p></article>"
        "<footer>Copyright Example Daily</footer></body></html>"
    )


@pytest.mark.parametrize("kind", sorted(HIDERS))
def test_hidden_text_never_reaches_the_article(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(_page(HIDERS[kind]), encoding="utf-8")
    result = load_paths([path])
    assert result.warnings == []
    (article,) = result.articles
    assert "PLANTED" not in article.text
    assert "PLANTED" not in article.title
    assert article.paragraphs == (VISIBLE, SECOND)


def test_all_hiders_at_once_also_in_the_fallback_walk(tmp_path: Path) -> None:
    """A huge page skips the extractor: hidden text must still be dropped there."""
    filler = "".join(f"<div><span>item {i}</span></div>" for i in range(9_000))
    path = tmp_path / "huge.html"
    path.write_text(_page("".join(HIDERS.values()) + filler), encoding="utf-8")
    started = time.process_time()
    (article,) = load_paths([path]).articles
    assert time.process_time() - started < 5
    assert "PLANTED" not in article.text
    assert VISIBLE in article.paragraphs
    assert any("boilerplate" in n for n in article.notices)


def test_deep_nesting_is_refused_by_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 50_000 + "deep" + "</div>" * 50_000 + "</body></html>", encoding="utf-8")
    good = tmp_path / "good.html"
    good.write_text(_page(""), encoding="utf-8")
    started = time.process_time()
    result = load_paths([path, good])
    assert time.process_time() - started < 5
    assert len(result.articles) == 1
    (warning,) = result.warnings
    assert warning.location == str(path)
    assert warning.reason == "HTML nested more than 200 levels deep (ingest.max_html_depth)"


def test_nesting_under_the_cap_loads(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    path.write_text("<html><body>" + "<div>" * 100 + f"<p>{VISIBLE}</p>" + "</div>" * 100 + "</body></html>", encoding="utf-8")
    (article,) = load_paths([path], IngestSettings(max_html_depth=150)).articles
    assert article.text == VISIBLE


def test_escape_sequences_and_markup_in_title_and_text(tmp_path: Path) -> None:
    path = tmp_path / "esc.html"
    path.write_text(
        "<html><head><title>Title \x1b]0;pwned\x07[bold]x[/bold]</title></head><body><article>"
        f"<p>{VISIBLE} \x1b[31mred\x1b[0m \u202eevil</p><p>{SECOND}</p></article></body></html>",
        encoding="utf-8",
    )
    (article,) = load_paths([path]).articles
    assert "\x1b" not in article.title + article.text and "\u202e" not in article.text
    assert "pwned" not in article.title
    assert "[bold]x[/bold]" in article.title  # literal text; the display escapes it


def test_page_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title><script>x()</script></head><body><div></div></body></html>", encoding="utf-8")
    result = load_paths([path])
    assert result.articles == []
    assert result.warnings[0].reason in ("no article text found in the HTML page", "no text (empty or only whitespace)")


def test_entity_bomb_in_html_is_harmless(tmp_path: Path) -> None:
    """HTML parsers do not expand DTD entities; the page loads quickly without them."""
    bomb = '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    path = tmp_path / "bomb.html"
    path.write_text(bomb + _page("<p>&b;&b;&b;</p>"), encoding="utf-8")
    started = time.process_time()
    result = load_paths([path])
    assert time.process_time() - started < 5
    assert all("aaaaaaaaaaaaaaaaaaaa" not in a.text for a in result.articles)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("<p>x" * 200_000, "HTML has 200,002 elements; the limit is 100,000"),  # + <html> and <body>
        ("<p " + " ".join(f"a{i}='v'" for i in range(20_000)) + ">text</p>", "an HTML tag has more than 5,000 attributes"),
        ("<p " + "a " * 200_000 + ">text</p>", "an HTML tag has more than 5,000 attributes"),
    ],
    ids=["elements", "attributes", "bare-attributes"],
)
def test_parser_bombs_are_refused_quickly(tmp_path: Path, body: str, reason: str) -> None:
    path = tmp_path / "bomb.html"
    path.write_text("<html><body>" + body + "</body></html>", encoding="utf-8")
    started = time.process_time()
    result = load_paths([path])
    assert time.process_time() - started < 5
    assert result.articles == []
    assert result.warnings[0].reason == reason


def test_long_data_uri_is_not_an_attribute_bomb(tmp_path: Path) -> None:
    path = tmp_path / "img.html"
    path.write_text(
        f"<html><body><article><img src='data:image/png;base64,{'A' * 500_000}'><p>{VISIBLE}</p></article></body></html>",
        encoding="utf-8",
    )
    (article,) = load_paths([path]).articles
    assert article.text == VISIBLE


def test_symbols_only_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "amp.html"
    path.write_text("<html><body><p>" + "&amp; " * 1000 + "</p></body></html>", encoding="utf-8")
    result = load_paths([path])
    assert result.articles == []
    assert result.warnings[0].reason == "no words (only punctuation or symbols)"
