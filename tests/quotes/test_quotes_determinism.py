"""Quote scores and their order must not depend on the process's string-hash seed.

Analyses are cached and compared across processes (the pipeline's workers, the
cache, `analyze --json` runs a user diffs), so set iteration order must never
leak into a result. It did: the 200 most central words were cut from a list
whose ties came in hash order.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_SCRIPT = """
import sys
from pathlib import Path
from briefing.quotes.extract import extract_quotes
from briefing.config import Settings
from briefing.ingest import load_paths
articles = load_paths([Path(p) for p in sys.argv[1:]]).articles
for q in extract_quotes(articles, Settings().quotes):
    print(repr((q.score, q.speaker, q.text, q.articles)))
"""


def _quotes_under_hash_seed(seed: str, paths: list[Path]) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, *map(str, paths)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.splitlines()


def test_quote_scores_and_order_ignore_hash_seed(seed_paths: list[Path]) -> None:
    first = _quotes_under_hash_seed("1", seed_paths)
    assert len(first) >= 5, "the seeds hold many quotations"
    assert _quotes_under_hash_seed("2", seed_paths) == first
