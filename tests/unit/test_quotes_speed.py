"""The whole quotes pass over 500+ real news articles stays within a few seconds.

Reads the Multi-News sample from ../shared/bench at test time (never copied into
the repository); skipped when it is absent. CPU time is measured, not wall time,
so a busy machine does not make the test flaky.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import pytest

from briefing.quotes.extract import extract_quotes
from briefing.config import QuoteSettings
from briefing.models import Article
from briefing.nlp.sentences import segment

SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "multi-news" / "multinews_test_sample200.jsonl"


def _articles() -> list[Article]:
    out = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        for doc in json.loads(line)["documents"]:
            paragraphs = tuple(p.strip() for p in doc["text"].split("\n") if p.strip())
            if paragraphs:
                text = "\n".join(paragraphs)
                out.append(
                    Article(
                        id=hashlib.sha1(text.encode()).hexdigest()[:12],
                        title=paragraphs[0][:60],
                        source=None,
                        published=None,
                        text=text,
                        paragraphs=paragraphs,
                        sentences=segment(paragraphs),
                        words=len(text.split()),
                    )
                )
    return out


@pytest.mark.slow
@pytest.mark.skipif(not SAMPLE.is_file(), reason=f"benchmark sample not available at {SAMPLE}")
def test_quotes_pass_over_500_articles_is_fast() -> None:
    articles = _articles()
    assert len(articles) >= 500
    started = time.process_time()
    quotes = extract_quotes(articles, QuoteSettings())
    spent = time.process_time() - started
    print(f"\n{len(articles)} articles -> {len(quotes)} quotes in {spent:.2f} s CPU")
    assert quotes
    assert spent < 10.0
