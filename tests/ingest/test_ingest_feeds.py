"""Hostile and broken feeds: no entity expansion, no silent empty success, caps hold."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing.config import IngestSettings
from briefing.ingest import load_paths

GOOD = "Aid deliveries resumed on Monday after a week-long pause, the United Nations said.\n"

def _laughs() -> str:
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE rss [", '<!ENTITY lol0 "lol">']
    for i in range(1, 10):
        lines.append(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">')
    lines.append("]>")
    lines.append('<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
                 "<description>&lol9;</description></item></channel></rss>")  # fmt: skip
    return "\n".join(lines)


def _rss(items: str, title: str = "Example feed") -> str:
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'


def _item(n: int) -> str:
    return f"<item><title>Entry {n}</title><link>https://e.example/{n}</link><description>Report number {n} about the truce in the valley.</description></item>"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _load(tmp_path: Path, good: Path, name: str, content: str | bytes, settings: IngestSettings | None = None):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    started = time.process_time()
    result = load_paths([path, good], settings)
    assert time.process_time() - started < 5
    assert GOOD.strip() in [a.text for a in result.articles], "the good file must still load"
    return path, result


def test_billion_laughs_is_refused_quickly(tmp_path: Path, good: Path) -> None:
    path, result = _load(tmp_path, good, "laughs.xml", _laughs())
    assert len(result.articles) == 1
    (warning,) = result.warnings
    assert warning.location == str(path)
    assert warning.reason == "refused: the feed declares XML entities (entity expansion is unsafe)"


def test_external_entity_is_refused(tmp_path: Path, good: Path) -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        + _rss("<item><title>&xxe;</title><description>&xxe;</description></item>")[len('<?xml version="1.0" encoding="utf-8"?>'):]
    )
    _, result = _load(tmp_path, good, "xxe.rss", xxe)
    assert len(result.articles) == 1
    assert "declares XML entities" in result.warnings[0].reason
    assert not any("root:" in a.text for a in result.articles)


def test_ill_formed_feed_with_entities_is_still_refused(tmp_path: Path, good: Path) -> None:
    broken = _laughs().replace("</channel></rss>", "<unclosed>")
    _, result = _load(tmp_path, good, "broken-laughs.xml", broken)
    assert "declares XML entities" in result.warnings[0].reason


def test_html_page_saved_as_xml_is_read_as_a_page(tmp_path: Path, good: Path) -> None:
    page = "<!DOCTYPE html><html><head><title>A page</title></head><body><article><p>Clashes broke out near the port on Friday, witnesses said, and the road to the airport was closed for hours.</p></article></body></html>"
    path, result = _load(tmp_path, good, "page.xml", page)
    assert result.warnings == []
    assert any(a.text.startswith("Clashes broke out near the port") for a in result.articles)


def test_non_feed_xml_is_refused_with_a_reason(tmp_path: Path, good: Path) -> None:
    path, result = _load(tmp_path, good, "data.xml", '<?xml version="1.0"?><config><value>3</value></config>')
    (warning,) = result.warnings
    assert warning.location == str(path)
    assert warning.reason == "not an RSS or Atom feed, nor an HTML page"


def test_truncated_feed_is_a_broken_feed(tmp_path: Path, good: Path) -> None:
    truncated = '<?xml version="1.0"?><rss version="2.0"><channel><title>Cut off</title><item><ti'
    path, result = _load(tmp_path, good, "cut.rss", truncated)
    (warning,) = result.warnings
    assert warning.location == str(path)
    assert warning.reason.startswith(("broken feed", "the feed has no entries"))


def test_feed_with_no_entries(tmp_path: Path, good: Path) -> None:
    _, result = _load(tmp_path, good, "empty.rss", _rss(""))
    assert result.warnings[0].reason == "the feed has no entries"


def test_sloppy_feed_still_loads_with_a_warning(tmp_path: Path, good: Path) -> None:
    sloppy = _rss(_item(1) + _item(2)).replace("</channel>", "<br></channel>")
    path, result = _load(tmp_path, good, "sloppy.xml", sloppy)
    assert [a.title for a in result.articles if a.url] == ["Entry 1", "Entry 2"]
    assert [w.location for w in result.warnings] == [str(path)]
    assert "read leniently" in result.warnings[0].reason


def test_entries_over_the_cap_are_dropped_with_a_notice(tmp_path: Path, good: Path) -> None:
    feed = _rss("".join(_item(n) for n in range(1, 51)))
    path, result = _load(tmp_path, good, "many.xml", feed, IngestSettings(max_feed_entries=10))
    assert [a.title for a in result.articles if a.url] == [f"Entry {n}" for n in range(1, 11)]
    (warning,) = result.warnings
    assert warning.reason == "feed has 50 entries; only the first 10 loaded (ingest.max_feed_entries)"


def test_entry_without_text_is_named(tmp_path: Path, good: Path) -> None:
    feed = _rss(_item(1) + "<item><title>Empty one</title><link>https://e.example/x</link></item>")
    path, result = _load(tmp_path, good, "gaps.xml", feed)
    assert [a.title for a in result.articles if a.url] == ["Entry 1"]
    (warning,) = result.warnings
    assert warning.reason == "entry 2 (Empty one) has no text; skipped"


def test_script_and_hidden_text_in_entries_never_reach_output(tmp_path: Path, good: Path) -> None:
    content = (
        "<![CDATA[<p>Visible report on the evacuation of the old city.</p>"
        "<script>alert('SCRIPT')</script><style>p{}</style>"
        "<p style='display:none'>HIDDEN</p><span hidden>ALSO HIDDEN</span>"
        "<p aria-hidden='true'>ARIA HIDDEN</p><img src=x onerror=alert(1)>]]>"
    )
    feed = _rss(f"<item><title>Evacuation</title><description>{content}</description></item>")
    _, result = _load(tmp_path, good, "xss.xml", feed)
    (article,) = [a for a in result.articles if a.title == "Evacuation"]
    assert article.text == "Visible report on the evacuation of the old city."


def test_feed_is_never_fetched_as_a_url_or_path(tmp_path: Path, good: Path) -> None:
    """feedparser given a string may open it as a URL or file; we always pass bytes."""
    (tmp_path / "secret.txt").write_text("SECRET CONTENT", encoding="utf-8")
    path, result = _load(tmp_path, good, "path.rss", str(tmp_path / "secret.txt"))
    assert not any("SECRET" in a.text for a in result.articles)


def test_deeply_nested_feed_is_handled(tmp_path: Path, good: Path) -> None:
    deep = "<div>" * 5000 + "deep" + "</div>" * 5000
    feed = _rss(f"<item><title>Deep</title><description><![CDATA[{deep}]]></description></item>" + _item(1))
    _, result = _load(tmp_path, good, "deep.xml", feed)
    assert "Entry 1" in [a.title for a in result.articles]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"  \n ", "no text (only whitespace or control characters)"),
     (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a text file (binary data)")],
    ids=["empty", "blank", "binary"],
)
def test_empty_blank_and_binary_xml(tmp_path: Path, good: Path, content: bytes, reason: str) -> None:
    path, result = _load(tmp_path, good, "x.xml", content)
    assert [(w.location, w.reason) for w in result.warnings] == [(str(path), reason)]


def test_utf16_feed_with_bom(tmp_path: Path, good: Path) -> None:
    feed = _rss(_item(1)).replace('encoding="utf-8"', 'encoding="utf-16"')
    _, result = _load(tmp_path, good, "u16.xml", feed.encode("utf-16"))
    assert "Entry 1" in [a.title for a in result.articles]
