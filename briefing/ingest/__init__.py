"""Files, folders, feeds and URLs in; sanitised `Article`s and readable warnings out.

PLACEHOLDER by the lead (reads .txt only) so other modules can integrate; the
ingest helper replaces it. Contract: `load_paths` and `LoadResult` below.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing.config import IngestSettings
from briefing.models import Article, LoadWarning
from briefing.nlp.sentences import segment

Progress = Callable[[int, int], None]


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)


def load_paths(
    paths: Sequence[str | Path],
    settings: IngestSettings | None = None,
    progress: Progress | None = None,
    language: str = "english",
) -> LoadResult:
    result = LoadResult()
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.rglob("*.txt")) if p.is_dir() else [p])
    for f in files:
        paragraphs = tuple(line.strip() for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
        text = "\n".join(paragraphs)
        sentences = segment(paragraphs, language)
        result.articles.append(
            Article(
                id=hashlib.sha1(text.encode()).hexdigest()[:12],
                title=sentences[0].text if sentences else f.stem,
                source=None,
                published=None,
                text=text,
                paragraphs=paragraphs,
                sentences=sentences,
                words=len(text.split()),
                path=str(f),
            )
        )
    return result
