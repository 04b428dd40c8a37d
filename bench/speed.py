"""Speed and scale: `analyze` over 10, 100 and 1,000 articles, cold and warm cache.

Each size runs in a fresh subprocess (`python -m bench.speed_child`), so that
"cold" includes what a user waits for on a first run (lexicons loaded, worker
processes started) and peak memory (ru_maxrss) is that size's alone. Warm = the
same articles again, served by the cache the cold run filled (same process: see
speed_child.py for why).

The 1,000 articles are the benchmark's 538 documents plus variants of them
(paragraphs rotated, so each has new text and a new id) built by the app's
ingest step; they are pickled to a temporary directory for the children and
deleted afterwards (nothing derived from the data lands in the repository).
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import readme
from bench.data import ROOT, SAMPLE, article_from_text
from briefing.models import Article

SIZES = (10, 100, 1000)


def make_articles(n: int) -> list[Article]:
    """n distinct articles from the benchmark documents (rotated copies past the 538)."""
    texts = [
        d["text"] for line in SAMPLE.read_text(encoding="utf-8").splitlines() for d in json.loads(line)["documents"]
    ]
    articles: list[Article] = []
    seen: set[str] = set()
    shift = 0
    while len(articles) < n:
        for i, text in enumerate(texts):
            paragraphs = [p for p in text.split("\n\n") if p.strip()]
            if shift and len(paragraphs) < 2:
                continue
            k = shift % len(paragraphs)
            variant = "\n\n".join(paragraphs[k:] + paragraphs[:k])
            article = article_from_text(variant, f"doc{i}-v{shift}")
            if article.id in seen or not article.sentences:
                continue
            seen.add(article.id)
            articles.append(article)
            if len(articles) == n:
                break
        shift += 1
    return articles


def _child(pickled: Path, n: int, cache: Path, workers: int) -> list[dict]:
    cmd = [sys.executable, "-m", "bench.speed_child", str(pickled), str(n), str(cache), str(workers)]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"speed child failed ({' '.join(cmd)}):\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _breakdown(pickled: Path, n: int) -> dict:
    cmd = [sys.executable, "-m", "bench.speed_child", "--breakdown", str(pickled), str(n)]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return {"error": out.stderr[-1000:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(sizes: tuple[int, ...] = SIZES, workers: int = 0) -> dict:
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    articles = make_articles(max(sizes))
    build_seconds = time.perf_counter() - start
    rows = []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        pickled = Path(tmp) / "articles.pickle"
        pickled.write_bytes(pickle.dumps(articles))  # our own objects, in our own temp dir
        for n in sizes:
            for row in _child(pickled, n, Path(tmp) / f"cache-{n}", workers):
                row["articles"] = n
                rows.append(row)
                print(_row(row), flush=True)
        parts = _breakdown(pickled, max(sizes))
        print(f"serial, uncached parts for {max(sizes)} articles (s): {parts}", flush=True)
    return {
        "machine": {
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
            # Other work on the machine slows every number here: recorded so runs compare fairly.
            "load_average_1min": {"start": round(load_before, 2), "end": round(os.getloadavg()[0], 2)},
        },
        "articles_built_in_seconds": round(build_seconds, 1),
        "analyze": rows,
        "serial_parts_seconds": {"articles": max(sizes), **parts},
        "tui_first_screen": tui_first_screen(),
    }


def _row(row: dict) -> str:
    return (
        f"{row['articles']:>6} {row['cache']:<5} {row['seconds']:>8.2f} s {row['articles_per_second']:>9.1f} art/s "
        f"{row['peak_rss_mb']:>8.0f} MB  sentences={row['sentences']}  parallel={row['parallel']}"
    )


def tui_first_screen() -> dict:
    """Seconds from launching the TUI to the screens a user sees (seeds, warm cache, 1,000 articles)."""
    try:
        import briefing.tui.app  # noqa: F401
    except ImportError:
        return {"measured": False, "reason": "briefing.tui.app not available"}
    from bench.tui_probe import measure

    return measure()


def table(result: dict) -> str:
    load = result.get("machine", {}).get("load_average_1min", {})
    lines = [f"2 cores; load average {load.get('start')} at start, {load.get('end')} at end (other work running)"]
    lines.append(f"{'articles':>6} {'cache':<5} {'wall':>10} {'rate':>15} {'peak RSS':>11}")
    lines += [_row(r) for r in result["analyze"]]
    parts = result.get("serial_parts_seconds", {})
    if parts:
        lines.append("serial, uncached, one process: " + ", ".join(f"{k} {v}" for k, v in parts.items()))
    tui = result.get("tui_first_screen", {})
    if tui.get("measured"):
        lines.append("TUI in a real terminal (160x48, median of trials; seconds from launch):")
        lines.append(f"  {'case':<20} {'first screen':>12} {'analysed':>9}   keys while busy")
        for name, case in tui["cases"].items():
            analysed = f"{case['analysed']:.2f}" if case.get("analysed") is not None else "-"
            screen = f"{case['first_screen']:.2f}" if case.get("first_screen") is not None else "-"
            keys = case.get("key_ms")
            keys_text = f"median {keys['median']:.0f} ms, max {keys['max']:.0f} ms ({keys['presses']} presses)" if keys else "-"
            lines.append(f"  {name:<20} {screen:>12} {analysed:>9}   {keys_text}")
    else:
        lines.append(f"TUI first screen: not measured ({tui.get('reason', '')})")
    return "\n".join(lines)


def main(sizes: tuple[int, ...] = SIZES, write: bool = True) -> None:
    result = run(sizes)
    print(table(result))
    if write:
        readme.publish("speed", result, table(result))
