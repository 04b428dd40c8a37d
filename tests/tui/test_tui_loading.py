"""Loading in worker processes gives exactly what a serial load gives, in the same order."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from briefing.config import CacheSettings, Settings
from briefing.ingest import load_paths
from briefing.models import Article
from briefing.tui.loading import POOL_MIN_FILES, Batch, load_batches
from briefing.tui.session import plan_batches


def _pile(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        text = (f"Report {i}. The river crossing at Alder Ford number {i} reopened on Monday after repairs. "
                f"Officials said {i + 3} lorries passed before noon. Traders welcomed the news.")
        (folder / f"{i:03d}.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "same.txt").write_text((folder / "000.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.html").write_bytes(b"\x00\x01\x02 not a page")


def test_pooled_load_matches_a_serial_load(tmp_path: Path) -> None:
    folder = tmp_path / "pile"
    _pile(folder, POOL_MIN_FILES + 40)
    settings = replace(Settings(), cache=replace(CacheSettings(), enabled=False, workers=2))
    batches, _ = plan_batches([str(folder)], max_files=settings.ingest.max_files)
    got: list[Batch] = []
    # from a thread, as the app loads: the pool is then started by a fork server
    thread = threading.Thread(target=lambda: got.extend(load_batches(batches, settings)))
    thread.start()
    thread.join()
    serial = load_paths([str(folder)], settings.ingest, cache=settings.cache)
    ids = [a.id for b in got for a in b.articles]
    assert [a.id for a in serial.articles] == list(dict.fromkeys(ids))  # across batches the session merges
    assert sum(b.files for b in got) == sum(len(b) for b in batches)
    loaded: dict[str, Article] = {}
    for article in (a for b in got for a in b.articles):
        loaded.setdefault(article.id, article)  # the first is kept, as the session does
    assert all(loaded[a.id] == a for a in serial.articles)
    warned = [w.location for b in got for w in b.warnings]
    assert any("broken.html" in w for w in warned)
