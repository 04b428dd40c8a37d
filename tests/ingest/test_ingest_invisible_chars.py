"""Invisible format characters are removed where text enters (issue 18, point 5).

Zero-width spaces, word joiners, BOMs and the other Unicode format characters
(category Cf) passed into the TUI, the JSON and the brief, and split words
invisibly ("cease\u200bfire"). They go at ingestion, except ZWNJ/ZWJ between
letters of scripts that need them (Persian, Arabic, Devanagari, Malayalam, ...)
and ZWJ inside emoji sequences, and the visible prepended concatenation marks.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.config import IngestSettings
from briefing.ingest import load_paths
from briefing.ingest.sanitize import sanitize_line, sanitize_text

ZWSP, ZWNJ, ZWJ, WJ, BOM, SHY = "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"
# Visible in print (they span the digits that follow): not invisible, so kept.
VISIBLE_CF = {0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD,
              0x110CD}


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        (f"cease{ZWSP}fire", "ceasefire"),
        (f"Khar{ZWJ}toum", "Khartoum"),
        (f"Khar{ZWNJ}toum", "Khartoum"),
        (f"Gaza{WJ} City", "Gaza City"),
        (f"{BOM}Title", "Title"),
        (f"mid{BOM}word", "midword"),
        (f"co{SHY}operation", "cooperation"),
        (f"x\u2061y\u2062z\u2063w\u2064", "xyzw"),  # invisible operators
        ("flag\U000e0067\U000e0062\U000e007f", "flag"),  # tag characters
        (f"{ZWJ}{ZWNJ}{ZWSP}", ""),
        (f"ab {ZWJ} cd", "ab  cd"),
    ],
)
def test_invisible_characters_are_removed(dirty: str, clean: str) -> None:
    assert sanitize_text(dirty) == clean


@pytest.mark.parametrize(
    "word",
    [
        f"می{ZWNJ}خواهم",  # Persian "I want": the ZWNJ keeps the prefix unjoined
        f"کتاب{ZWNJ}ها",  # Persian plural "books"
        f"क्{ZWJ}ष",  # Devanagari: ZWJ after virama asks for the half form
        f"क्{ZWNJ}ष",  # Devanagari: ZWNJ asks for an explicit virama
        f"ന്{ZWJ}",  # Malayalam chillu, old encoding: ZWJ at the end of the word is not between letters
        f"ل{ZWJ}ا",  # Arabic: joining forced
        f"\U0001F468{ZWJ}\U0001F469{ZWJ}\U0001F467",  # family emoji
        f"\U0001F3F3\ufe0f{ZWJ}\U0001F308",  # rainbow flag
    ],
)
def test_joiners_a_script_needs_are_kept(word: str) -> None:
    kept = sanitize_text(word)
    if word.endswith(ZWJ):  # no letter after it: nothing to join, so it goes
        assert kept == word[:-1]
    else:
        assert kept == word


def test_joiners_next_to_latin_or_between_scripts_go() -> None:
    assert sanitize_text(f"a{ZWJ}ب") == "aب"
    assert sanitize_text(f"ب{ZWNJ} x") == "ب x"
    assert sanitize_text(f"\U0001F468{ZWJ}a") == "\U0001F468a"


def test_every_invisible_format_character_is_covered() -> None:
    """Every Cf character this Python knows is removed from Latin text, but the visible marks."""
    left = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Cf" and code not in VISIBLE_CF
        and sanitize_text(f"a{chr(code)}b") != "ab"
    ]
    assert left == []
    for code in VISIBLE_CF:
        assert sanitize_text(f"{chr(code)}1") == f"{chr(code)}1"


def test_sanitizing_stays_idempotent_with_joiners() -> None:
    text = f"می{ZWNJ}{ZWNJ}خواهم a{ZWJ}{ZWJ}b"
    once = sanitize_text(text)
    assert sanitize_text(once) == once and ZWNJ * 2 not in once


ARTICLE = (
    f"---\ntitle: Cease{ZWSP}fire talks re{SHY}sume in Dar{WJ}fur\nsource: Example{ZWJ} Wire\n---\n"
    f"{BOM}The cease{ZWSP}fire talks resumed on Sunday in the regional capital, mediators said. "
    f"Both dele{ZWJ}gations arrived in the morning{ZWNJ} and met for six hours. "
    f"A Persian-language statement called it a step, می{ZWNJ}خواهم, the envoy wrote.\n"
)


def _invisible(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if unicodedata.category(c) == "Cf" and c != ZWNJ]


def test_loaded_articles_carry_no_invisible_characters(tmp_path: Path) -> None:
    (tmp_path / "talks.md").write_text(ARTICLE, encoding="utf-8")
    (article,) = load_paths([str(tmp_path / "talks.md")], IngestSettings()).articles
    assert article.title == "Ceasefire talks resume in Darfur" and article.source == "Example Wire"
    assert _invisible(article.text) == [] and "ceasefire talks resumed" in article.text
    assert f"می{ZWNJ}خواهم" in article.text and "morning and" in article.text
    assert sanitize_line(f"{ZWSP} spaced {WJ}") == "spaced"


def test_the_json_report_carries_no_invisible_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "talks.md").write_text(ARTICLE, encoding="utf-8")
    assert main(["analyze", str(tmp_path / "talks.md"), "--json"]) == 0
    out = capsys.readouterr().out
    assert _invisible(json.loads(out).__repr__()) == [] and _invisible(out) == []
    assert "\\u200b" not in out and "\\ufeff" not in out and "\\u2060" not in out
