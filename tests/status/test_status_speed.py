"""1,000 articles through build_status within seconds: nothing may be quadratic across articles."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from briefing.config import ConflictSettings
from briefing.ingest import load_paths
from briefing.status.build import build_status

ROOT = Path(__file__).resolve().parents[2]
# Measured ~3.4 s of CPU for 1,000 articles on a 2-core box under load 6 (538 real Multi-News
# articles, 330k words: 2.4 s);
# the bound leaves room for slow CI but still catches anything quadratic (that would be minutes).
BOUND_SECONDS = 25.0


def _corpus(n: int) -> list:
    base = load_paths([ROOT / "seeds", ROOT / "tests" / "data" / "status"]).articles
    return [dataclasses.replace(base[i % len(base)], id=f"{base[i % len(base)].id}-{i}") for i in range(n)]


def test_thousand_articles() -> None:
    articles = _corpus(1000)
    build_status(articles[:5], ConflictSettings())  # compile lexicon and profile once
    start = time.process_time()
    status = build_status(articles, ConflictSettings())
    elapsed = time.process_time() - start
    assert elapsed < BOUND_SECONDS, f"build_status took {elapsed:.1f}s of CPU for 1,000 articles"
    assert status.figures and status.actors and len(status.timeline) <= 40
    assert len(status.actors) <= 60 and len(status.locations) <= 40
