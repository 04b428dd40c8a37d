"""One timed `analyze` run in a fresh process (see speed.py): prints one JSON line."""

from __future__ import annotations

import json
import pickle
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path


def main(pickled: str, n: str, cache: str, workers: str) -> None:
    """Cold (empty cache directory), then warm (the same articles again, served by the
    cache the cold run filled). Both in this process: the cache key includes a hash
    of the analysis code, computed once per process, so a colleague editing code
    between two processes can't turn a warm run into a cold one."""
    from briefing.analysis import pipeline, pool
    from briefing.config import CacheSettings, Settings

    articles = pickle.loads(Path(pickled).read_bytes())[: int(n)]  # written by speed.py itself
    settings = replace(Settings(), cache=CacheSettings(enabled=True, dir=cache, workers=int(workers)))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rows = []
    for mode in ("cold", "warm"):
        start = time.perf_counter()
        analysis = pipeline.analyze(articles, settings)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        rows.append(
            {
                "cache": mode,
                "seconds": round(seconds, 3),
                "articles_per_second": round(len(articles) / seconds, 1),
                "peak_rss_mb": round(peak / 1024, 1),
                "rss_before_analyze_mb": round(before / 1024, 1),
                "sentences": sum(len(a.sentences) for a in articles),
                "digest_sentences": len(analysis.digest),
                "quotes": len(analysis.quotes),
                "parallel": mode == "cold" and bool(pool.POOLS),
            }
        )
    print(json.dumps(rows))


def breakdown(pickled: str, n: str) -> None:
    """Each part of `analyze` alone, serially, uncached: where the cold time goes."""
    from briefing.digest.build import build_digest
    from briefing.quotes.extract import extract_quotes
    from briefing.status.build import build_status
    from briefing.summary.extractive import summarize
    from briefing.config import Settings

    articles = pickle.loads(Path(pickled).read_bytes())[: int(n)]
    s = Settings()
    parts = {
        "summaries": lambda: [summarize(a, s.summary) for a in articles],
        "quotes": lambda: extract_quotes(articles, s.quotes),
        "status": lambda: build_status(articles, s.conflict),
        "digest": lambda: build_digest(articles, s.digest),
    }
    out = {}
    for name, part in parts.items():
        start = time.perf_counter()
        part()
        out[name] = round(time.perf_counter() - start, 2)
    print(json.dumps(out))


if __name__ == "__main__":
    if sys.argv[1] == "--breakdown":
        breakdown(*sys.argv[2:4])
    else:
        main(*sys.argv[1:5])
