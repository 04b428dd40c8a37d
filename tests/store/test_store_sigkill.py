"""A fetch killed at any moment loses nothing already stored and never damages the store.

`briefing fetch` runs from cron and is killed by whatever ends cron jobs (a
timeout, a shutdown, a closed lid). The fetch runs in a forked child against a
site served by another process; the child is killed with SIGKILL at a random
moment, 50 times, and after each kill the store must open, pass SQLite's
integrity check, and still hold every article an earlier round stored, each one
whole (its hash matches its text). Each round the feed grows by four reports, so
every round has pages to download and articles to write when the kill lands.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.config import Settings, SourceSettings
from briefing.ingest.article import article_id
from briefing.store.articles import content_hash
from briefing.store.db import Store
from briefing.store.fetch import fetch_sources

NEWS_SITE = Path(__file__).resolve().parents[1] / "support" / "news_site.py"
ROUNDS = 50
PER_ROUND = 4


def _fetch_in_child(path: Path, settings: Settings) -> int:
    pid = os.fork()
    if pid == 0:  # the child: fetch, then leave without running the parent's exit handlers
        code = 0
        try:
            with Store.open(path) as store:
                fetch_sources(store, settings)
        except BaseException:  # noqa: BLE001 - reported by the exit status
            code = 1
        finally:
            os._exit(code)
    return pid


def _stored(path: Path) -> dict[str, str]:
    with Store.open(path) as store:
        assert store.check() == []
        rows = store.db.execute("SELECT id, content_hash, text FROM articles").fetchall()
        urls = store.db.execute("SELECT count(*) FROM urls").fetchone()[0]
    for ident, digest, text in rows:
        assert content_hash(text) == digest and article_id(text) == ident  # whole, never half-written
    assert urls >= len(rows)
    return {ident: text for ident, _, text in rows}


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_the_store_survives_sigkill_at_random_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    count_file = tmp_path / "count"
    count_file.write_text("0")
    env = {**os.environ, "PYTHONPATH": str(NEWS_SITE.parents[1])}
    server = subprocess.Popen(
        [sys.executable, str(NEWS_SITE), str(count_file)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert server.stdout is not None
        base = server.stdout.readline().strip()
        settings = Settings(sources=(SourceSettings(url=f"{base}/feed.xml"),))
        settings = replace(settings, cache=replace(settings.cache, enabled=False))
        path = tmp_path / "store.sqlite3"
        rng = random.Random(19)
        count_file.write_text(str(PER_ROUND))
        with Store.open(path) as store:  # round 0, whole: the readers are imported before the forks
            fetch_sources(store, settings)
        kept = _stored(path)
        killed_with_work_left = 0
        for round_number in range(2, ROUNDS + 1):
            count_file.write_text(str(PER_ROUND * round_number))
            pid = _fetch_in_child(path, settings)
            time.sleep(rng.uniform(0.0, 0.06))  # a round of four pages takes 25-40 ms here
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            killed_with_work_left += os.WIFSIGNALED(status)
            now = _stored(path)
            assert kept.items() <= now.items(), f"round {round_number}: an article stored earlier was lost"
            kept = now
        assert killed_with_work_left >= ROUNDS // 3  # many kills landed while the fetch was still working
        with Store.open(path) as store:  # a fetch left to finish completes what the kills interrupted
            total = fetch_sources(store, settings)
        assert total.answered and not any(r.failed for r in total.reports)
        assert len(_stored(path)) == PER_ROUND * ROUNDS
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=10)
