"""Time from starting the TUI to its first screen, and key latency while 1,000 articles load.

Each case runs in a fresh interpreter (`python -m bench.tui_probe CASE START`)
so import time counts, as it does for a user: START is the parent's clock when
it launched the child. The app runs headless through Textual's `run_test`.

Measured per case:
* first_screen: the main screen is mounted and has been drawn once;
* first_article: the first article is listed (something to read);
* analysed: the analysis (digest, quotes, status) has arrived in the app,
  or null if that takes longer than the time limit;
* key_ms: how long the app took to answer key presses (j/k in the article
  list) sent while loading and analysis were still running (median, max).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.data import ROOT

LIMIT_SECONDS = 120.0


def measure() -> dict:
    """Both cases, each in its own process; 1,000 articles are written to a temp folder."""
    from bench.speed import make_articles

    out: dict = {"measured": True, "seconds": {}, "cases": {}}
    with tempfile.TemporaryDirectory(prefix="briefing-tui-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, article in enumerate(make_articles(1000)):
            (folder / f"{i:04d}.txt").write_text(article.text + "\n", encoding="utf-8")
        for name, path in (("seeds", None), ("1000 articles", folder)):
            case = _run_case(path, Path(tmp) / f"cache-{len(out['cases'])}")
            out["cases"][name] = case
            if case.get("first_screen") is not None:
                out["seconds"][name] = case["first_screen"]
    return out


def _run_case(path: Path | None, cache: Path) -> dict:
    cmd = [sys.executable, "-m", "bench.tui_probe", str(path or ""), str(cache), repr(time.time())]
    try:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=LIMIT_SECONDS + 60)
    except subprocess.TimeoutExpired:
        return {"error": "timed out"}
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        return {"error": (done.stderr or done.stdout)[-1500:]}
    return json.loads(lines[-1])


async def _probe(path: str, cache: str, start: float) -> dict:
    from dataclasses import replace

    from briefing.config import CacheSettings, Settings
    from briefing.tui.app import make_app
    from briefing.tui.screens.main import MainScreen
    from briefing.tui.widgets.article_list import ArticleList

    base = Settings()
    # The probe measures 1,000 files on purpose: lift the default folder cap (ingest.max_files).
    settings = replace(base, cache=CacheSettings(dir=cache), ingest=replace(base.ingest, max_files=2000))
    app = make_app(settings, [path] if path else [], offer_draft=False)
    result: dict = {"first_screen": None, "first_article": None, "analysed": None, "key_ms": None}
    async with app.run_test(size=(160, 48)) as pilot:
        while not isinstance(app.screen, MainScreen):
            await asyncio.sleep(0.002)
        await pilot.pause()
        result["first_screen"] = round(time.time() - start, 3)
        articles = app.screen.query_one(ArticleList)
        latencies: list[float] = []
        deadline = time.time() + LIMIT_SECONDS
        while time.time() < deadline:
            if result["first_article"] is None and articles.option_count:
                result["first_article"] = round(time.time() - start, 3)
            if app.session.analysis is not None:
                result["analysed"] = round(time.time() - start, 3)
                break
            t = time.perf_counter()
            await pilot.press("j" if len(latencies) % 2 == 0 else "k")
            latencies.append(1000 * (time.perf_counter() - t))
            await asyncio.sleep(0.05)
        result["articles"] = articles.option_count
        if latencies:
            result["key_ms"] = {"median": round(statistics.median(latencies), 1), "max": round(max(latencies), 1),
                                "presses": len(latencies)}
    return result


if __name__ == "__main__":
    print(json.dumps(asyncio.run(_probe(sys.argv[1], sys.argv[2], float(sys.argv[3])))))
