"""Red team, in process: regressions for the ingestion bugs the end-to-end run found.

Each test is the smallest input that broke `load_paths` before the fix:
controls spelled as character references (`&#x1b;`, `&#155;`) in pages and
feeds, C1 controls that feedparser turned into cp1252 punctuation, stray bytes
that cp1252 leaves undefined, and truncation that only the text report showed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import IngestSettings
from briefing.ingest import load_paths
from briefing.ingest.sanitize import sanitize_markup

PROSE = "Shelling resumed overnight near the northern city, killing 12 civilians, officials said on Monday."
PAYLOAD = "evil-title"


def _only_article(path: Path, settings: IngestSettings | None = None):
    result = load_paths([path], settings)
    assert len(result.articles) == 1, result.warnings
    return result.articles[0], result.warnings


def _fields(article) -> str:
    return "\n".join([article.text, article.title, article.source or "", article.url or ""])


@pytest.mark.parametrize(
    ("ref", "kept"),
    [
        ("&#x1b;]0;evil-title&#7;", ""),  # OSC 0 spelled with references
        ("&#27;[31m", ""),
        ("&#X9B;31m", ""),  # 8-bit CSI, upper-case X
        ("&#155;6n", ""),
        ("&#0;", ""),
        ("&#x00001b;c", ""),  # leading zeros
        ("&#x2014;", "&#x2014;"),  # an ordinary reference stays for the parser
        ("&#10;", "&#10;"),  # newline and tab are not controls to remove
    ],
)
def test_control_references_go_with_their_sequence(ref: str, kept: str) -> None:
    assert sanitize_markup(f"a{ref}b") == f"a{kept}b"


def test_control_references_in_a_page_do_not_lose_the_page(tmp_path: Path) -> None:
    """lxml raised ValueError setting text with a control: the whole page was refused."""
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>&#x1b;]0;{PAYLOAD}&#x7;Title</title></head><body><article>"
        f"<p>{PROSE} &#x1b;[2J&#155;31;1m</p><p>{PROSE.replace('12', '14')}</p></article></body></html>"
    )
    article, _ = _only_article(page)
    assert "Shelling resumed" in article.text
    assert PAYLOAD not in _fields(article) and "31;1m" not in article.text and "[2J" not in article.text


@pytest.mark.parametrize("spelling", ["\u009b31;1m", "&#155;31;1m", "&#x1b;[31;1m"])
def test_c1_and_references_in_a_feed_leave_no_payload(tmp_path: Path, spelling: str) -> None:
    """feedparser maps U+009B to "\u203a": the 8-bit CSI's payload used to stay as text."""
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire' + spelling + "</title>"
        f"<item><title>T{spelling}</title><description>{PROSE}{spelling}</description></item></channel></rss>",
        encoding="utf-8",
    )
    article, _ = _only_article(feed)
    assert "31;1m" not in _fields(article) and "\u203a" not in _fields(article)
    assert article.text == PROSE


def test_feed_in_a_declared_single_byte_encoding_is_cleaned_in_it(tmp_path: Path) -> None:
    feed = tmp_path / "latin.rss"
    body = f"<item><title>Caf\u00e9 \x9b31;1m</title><description>{PROSE} Caf\u00e9.</description></item>"
    feed.write_bytes(
        (
            '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>W</title>'
            + body
            + "</channel></rss>"
        ).encode("iso-8859-1")
    )
    article, _ = _only_article(feed)
    assert article.title == "Caf\u00e9" and "Caf\u00e9." in article.text


@pytest.mark.parametrize("copies", [1, 3, 10])
def test_stray_bytes_cp1252_leaves_undefined_do_not_cost_the_file(tmp_path: Path, copies: int) -> None:
    """0x9D (8-bit OSC) is undefined in cp1252: with more than a few, every decoder
    refused the whole file. Now: UTF-8 with replacement (a few bad bytes), detection
    (it says cp1250 here), or, failing both, cp1252 with the undefined bytes dropped;
    in every case the text loads and no control survives."""
    path = tmp_path / "raw.txt"
    lines = [PROSE.encode() + b"\x9d0;" + PAYLOAD.encode() + b"\x9c\x9b6n", PROSE.encode() + b" \x93ok\x94"]
    path.write_bytes(b"\n".join(lines * copies))
    article, _ = _only_article(path)
    assert article.text.count("Shelling resumed") == 2 * copies
    assert not any(0x7F <= ord(ch) <= 0x9F or ord(ch) < 0x0A for ch in article.text)


def test_cp1252_fallback_drops_undefined_bytes_with_their_sequence() -> None:
    from briefing.ingest.decode import _cp1252_fallback
    from briefing.ingest.sanitize import sanitize_text

    decoded = _cp1252_fallback(PROSE.encode() + b" \x93ok\x94 \x9d0;" + PAYLOAD.encode() + b"\x07 after")
    assert decoded is not None and decoded.encoding == "cp1252" and "1 byte" in (decoded.warning or "")
    assert sanitize_text(decoded.text) == PROSE + " \u201cok\u201d  after"


def test_random_high_bytes_are_still_not_text(tmp_path: Path) -> None:
    import random

    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(random.Random(3).choices(range(0x80, 0x100), k=3000)))
    result = load_paths([path])
    assert not result.articles and result.warnings[0].reason.startswith("not a text file")


def test_truncation_is_a_warning_too(tmp_path: Path) -> None:
    """`analyze --json` and `build` show no notices: the cap must reach stderr."""
    path = tmp_path / "long.txt"
    path.write_text((PROSE + "\n") * 100)
    article, warnings = _only_article(path, IngestSettings(max_article_words=100))
    assert article.words <= 101
    assert [w.reason for w in warnings] == list(article.notices)
    assert warnings[0].location == str(path) and "ingest.max_article_words" in warnings[0].reason
