"""HTML in feed titles becomes its visible text; a title that is text stays literal."""

from __future__ import annotations

from pathlib import Path

from briefing.ingest import load_paths
from briefing.models import Article

BODY = "Negotiators from both delegations met on Monday to discuss the terms of the truce in the north."


def _entries(tmp_path: Path, feed: str, name: str) -> list[Article]:
    path = tmp_path / name
    path.write_text(feed, encoding="utf-8")
    result = load_paths([path])
    assert result.warnings == []
    return result.articles


def test_atom_html_title_with_a_script_becomes_text(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<title type="html">Lakeside &lt;b&gt;Courier&lt;/b&gt;</title>'
        '<entry><title type="html">&lt;script&gt;document.write("PLANTED")&lt;/script&gt;'
        "Talks resume in &lt;em&gt;Geneva&lt;/em&gt; &amp;amp; Vienna</title>"
        f'<content type="text">{BODY}</content></entry></feed>'
    )
    (article,) = _entries(tmp_path, feed, "a.atom")
    assert article.title == "Talks resume in Geneva & Vienna"
    assert article.source == "Lakeside Courier"


def test_atom_xhtml_title_becomes_text(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>'
        '<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Truce <b>holds</b>'
        '<span style="display:none">PLANTED</span></div></title>'
        f'<content type="text">{BODY}</content></entry></feed>'
    )
    (article,) = _entries(tmp_path, feed, "x.atom")
    assert article.title == "Truce holds"


def test_atom_text_title_keeps_its_angle_brackets(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>'
        '<entry><title type="text">Why the &lt;b&gt; tag &amp; others still matter</title>'
        f'<content type="text">{BODY}</content></entry></feed>'
    )
    (article,) = _entries(tmp_path, feed, "t.atom")
    assert article.title == "Why the <b> tag & others still matter"


def test_rss_title_with_escaped_or_cdata_markup_becomes_text(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title>'
        f"<item><title>Talks &lt;b&gt;resume&lt;/b&gt; &amp; go on</title><description>{BODY}</description></item>"
        "<item><title><![CDATA[<script>alert('PLANTED')</script>Convoys <i>reach</i> villages]]></title>"
        f"<description>{BODY} Aid agencies confirmed it.</description></item>"
        "<item><title>Prices rise 5% &lt; forecast</title>"
        f"<description>{BODY} Markets reacted calmly.</description></item>"
        "</channel></rss>"
    )
    titles = [a.title for a in _entries(tmp_path, feed, "r.rss")]
    assert titles == ["Talks resume & go on", "Convoys reach villages", "Prices rise 5% < forecast"]
