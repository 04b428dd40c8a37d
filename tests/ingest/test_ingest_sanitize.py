"""The one sanitiser: no escape sequence, control or bidi character survives, ever."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from briefing.ingest import load_paths
from briefing.ingest.sanitize import sanitize_line, sanitize_text

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
FORBIDDEN = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}\ud800-\udfff]")

# Pieces that hostile text is made of, mixed with ordinary characters.
ESCAPES = [
    "\x1b[31m", "\x1b[0m", "\x1b[6n", "\x1b[2J", "\x1b[?1049h", "\x1b]0;pwned\x07", "\x1b]52;c;ZXZpbA==\x1b\\",
    "\x1b]8;;file:///etc/passwd\x1b\\", "\x1bPq#0;2;0;0;0\x1b\\", "\x1b_apc\x1b\\", "\x1b^pm\x1b\\", "\x1bXsos\x1b\\",
    "\x9b31m", "\x9d0;title\x9c", "\x90dcs\x9c", "\x1bc", "\x1b(B", "\x1b7", "\x1b", "\x9b", "\x07", "\r", "\x00",
    "\x7f", "\x85", "\u202e", "\u2066", "\ufeff", "\ud800",
]  # fmt: skip
hostile_text = st.lists(
    st.one_of(st.sampled_from(ESCAPES), st.text(max_size=8), st.characters(max_codepoint=0x3000)), max_size=40
).map("".join)


@given(hostile_text)
@settings(max_examples=400, deadline=None)
def test_output_never_contains_controls_escapes_or_bidi(s: str) -> None:
    out = sanitize_text(s)
    assert "\x1b" not in out
    assert not FORBIDDEN.search(out), repr(out)


@given(hostile_text)
@settings(max_examples=400, deadline=None)
def test_idempotent(s: str) -> None:
    once = sanitize_text(s)
    assert sanitize_text(once) == once


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Cf")), max_size=200))
@settings(max_examples=200, deadline=None)
def test_ordinary_text_is_untouched(s: str) -> None:
    assert sanitize_text(s) == s


@given(hostile_text)
@settings(max_examples=200, deadline=None)
def test_line_fields_are_one_line(s: str) -> None:
    out = sanitize_line(s)
    assert "\n" not in out and "\t" not in out and out == out.strip()


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\x1b[31mred\x1b[0m b", "ared b"),
        ("x\x1b]0;evil title\x07y", "xy"),  # OSC: the payload goes with the sequence
        ("x\x1b]52;c;ZXZpbA==\x1b\\y", "xy"),  # clipboard write
        ("x\x1b]8;;file:///etc/passwd\x1b\\link\x1b]8;;\x1b\\y", "xlinky"),  # hyperlink
        ("q\x1b[6nr", "qr"),  # cursor position query
        ("a\x9b6nb", "ab"),  # 8-bit CSI
        ("a\x9d0;t\x9cb", "ab"),  # 8-bit OSC and ST
        ("x\x1bPpayload\x1b\\y", "xy"),
        ("open\x1b]0;never closed\nnext", "open\nnext"),  # unterminated: cut at the line end only
        ("u\u202eevil\u202c!", "uevil!"),
        ("\u2067isolate\u2069", "isolate"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("tab\tkept\nnewline kept", "tab\tkept\nnewline kept"),
        ("nul\x00del\x7fbell\x07", "nuldelbell"),
        ("caf\u00e9 \u201cquote\u201d \u2014 \u0645\u0631\u062d\u0628\u0627 \u4e2d\u6587", "caf\u00e9 \u201cquote\u201d \u2014 \u0645\u0631\u062d\u0628\u0627 \u4e2d\u6587"),
    ],
)
def test_examples(raw: str, clean: str) -> None:
    assert sanitize_text(raw) == clean


def test_every_field_of_a_loaded_article_is_sanitised(tmp_path: Path) -> None:
    """Text, title, outlet and file name all pass through the sanitiser at ingestion."""
    nasty = "\x1b]0;pwned\x07\x1b[2J\u202e"
    folder = tmp_path / f"dir{nasty}"
    folder.mkdir()
    md = folder / f"a{nasty}.md"
    md.write_text(
        f"---\ntitle: \"Title{nasty} here\"\nsource: \"Outlet{nasty}\"\n---\n"
        f"Body text{nasty} about the truce that held on Sunday.\n\nSecond \x9b6n paragraph.\n",
        encoding="utf-8",
    )
    result = load_paths([folder, tmp_path / f"missing{nasty}.txt"])
    (article,) = result.articles
    for value in (article.title, article.source, article.text, article.path or "", *article.paragraphs):
        assert not FORBIDDEN.search(value) and "pwned" not in value, repr(value)
    assert article.title == "Title here" and article.source == "Outlet"
    (warning,) = result.warnings
    assert not FORBIDDEN.search(warning.location) and not FORBIDDEN.search(str(warning))
    assert "no such file" in warning.reason


def test_feed_fields_are_sanitised(tmp_path: Path) -> None:
    feed = tmp_path / "f.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed&#x1b;]0;x&#x7;</title>'
        "<item><title>Entry &#x202e;title</title><link>https://e.example/&#x1b;[31m</link>"
        "<description>Text of the entry &#x9b;6n about the talks on Monday.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    result = load_paths([feed])
    (article,) = result.articles
    for value in (article.title, article.source or "", article.text, article.url or ""):
        assert not FORBIDDEN.search(value), repr(value)
    assert article.title == "Entry title"
