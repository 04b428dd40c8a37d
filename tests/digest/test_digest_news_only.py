"""News only: the digest reads the news reports, and falls back on the rest only when the
news reports give it nothing to say."""

from __future__ import annotations

from briefing.config import DigestSettings
from briefing.digest.build import build_digest
from briefing.models import Article
from briefing.nlp.sentences import segment


def _article(aid: str, paragraphs: list[str], kind: str = "news") -> Article:
    text = "\n".join(paragraphs)
    return Article(aid, aid, f"Outlet {aid}", None, text, tuple(paragraphs), segment(paragraphs), len(text.split()),
                   kind=kind)


COLUMN = _article("op", ["Government artillery shelled the northern port of Varna on Monday, killing 14 civilians.",
                         "The truce for the port of Varna signed on Wednesday is a surrender dressed as peace."],
                  kind="opinion")
REPORT = _article("r", ["Government artillery shelled the port of Varna on Monday, killing 14 civilians, officials said.",
                        "Rescue teams searched the harbour district for survivors through the night."])


def test_news_reports_with_no_usable_sentence_leave_the_digest_to_the_rest() -> None:
    stub = _article("stub", ["Watch the video.", "Varna port"])
    digest = build_digest([stub, COLUMN], DigestSettings(words=60))
    assert digest and digest[0].articles == ("op",)


def test_with_a_usable_news_report_the_column_never_feeds_the_digest() -> None:
    stub = _article("stub", ["Watch the video.", "Varna port"])
    digest = build_digest([stub, REPORT, COLUMN], DigestSettings(words=200))
    assert digest
    assert all("op" not in d.articles for d in digest)
    assert all("surrender" not in d.text for d in digest)
