"""The whole quotes pass over 500+ real news articles stays within a few seconds.

Reads the Multi-News sample from ../shared/bench at test time (never copied into
the repository); skipped when it is absent. CPU time is measured, not wall time,
so a busy machine does not make the test flaky.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from pathlib import Path

import pytest

from briefing.config import IngestSettings, QuoteSettings, Settings
from briefing.ingest import load_paths
from briefing.models import Article
from briefing.nlp.sentences import segment
from briefing.quotes.extract import extract_quotes

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


def _load(tmp_path: Path, text: str, name: str = "a.txt") -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_paths([path], IngestSettings()).articles


def test_many_attributions_to_the_ministry_stay_fast(tmp_path: Path) -> None:
    from briefing.quotes.extract import extract_quotes

    rng = random.Random(3)
    paras = ["The Ministry of Defence said the army had advanced."]
    for i in range(400):
        paras.append(" ".join(
            f'"Village {i}-{j} was taken overnight," the ministry said.' if rng.random() < 0.3 else f"Shelling hit village {i}-{j}."
            for j in range(10)
        ))
    [article] = _load(tmp_path, "\n".join(paras) + "\n")
    started = time.process_time()
    quotes = extract_quotes([article], Settings().quotes)
    assert time.process_time() - started < 3.0
    assert quotes and {q.speaker for q in quotes} == {"Ministry of Defence"}
