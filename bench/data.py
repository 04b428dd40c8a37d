"""The Multi-News evaluation sample, read in place from ../shared (never copied).

Each cluster's documents become `Article`s the same way the app builds them, so
the benchmark measures the digest on the sentences users would see.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.models import Article
from briefing.nlp.sentences import segment

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "bench" / "multi-news" / "multinews_test_sample200.jsonl"
# The sample README: reference summaries average 210.8 words.
BUDGET = 211


@dataclass(frozen=True)
class Cluster:
    id: str
    articles: tuple[Article, ...]
    reference: str


def article_from_text(text: str, name: str) -> Article:
    """An Article from plain text whose paragraphs are separated by blank lines,
    built by the app's own ingest step (sanitising, wire trailers, splitting)."""
    paragraphs = tuple(" ".join(p.split()) for p in text.split("\n\n") if p.strip())
    try:
        from briefing.config import IngestSettings
        from briefing.ingest.article import Draft, build_article
    except ImportError:  # the ingest module is not there: split the same way it would
        return _plain_article(paragraphs, name)
    try:
        return build_article(Draft(paragraphs=list(paragraphs), path=name), IngestSettings())
    except Exception:  # noqa: BLE001 - a document ingest refuses (e.g. only credit lines)
        return _plain_article(paragraphs, name)


def _plain_article(paragraphs: tuple[str, ...], name: str) -> Article:
    joined = "\n".join(paragraphs)
    return Article(
        id=hashlib.sha1(joined.encode("utf-8")).hexdigest()[:12],
        title=name,
        source=None,
        published=None,
        text=joined,
        paragraphs=paragraphs,
        sentences=segment(paragraphs),
        words=len(joined.split()),
        path=name,
    )


def rows(path: Path = SAMPLE, limit: int | None = None) -> list[str]:
    """The raw JSON lines (cheap); `cluster` builds the Articles of one of them."""
    if not path.exists():
        raise SystemExit(f"benchmark data not found: {path} (expected the shared Multi-News sample)")
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines if limit is None else lines[:limit]


def cluster(line: str) -> Cluster:
    row = json.loads(line)
    docs = tuple(article_from_text(d["text"], f"{row['id']}/{i}") for i, d in enumerate(row["documents"]))
    return Cluster(row["id"], docs, row["references"][0])


def clusters(path: Path = SAMPLE, limit: int | None = None) -> Iterator[Cluster]:
    for line in rows(path, limit):
        yield cluster(line)
