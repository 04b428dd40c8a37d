"""The ingest cache: a warm load reads no text and splits no sentence, yet gives exactly
what a cold one gave; any change to the file, the settings or the entry is a miss."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.config import CacheSettings, IngestSettings
from briefing.ingest import LoadResult, load_paths
from briefing.ingest import article as article_module
from briefing.ingest import cache as cache_module

FIRST = (
    "Government forces and rebels agreed on Tuesday to extend the truce by a month, mediators said. "
    "The talks in the capital lasted two days."
)
SECOND = "Aid convoys reached the eastern districts on Wednesday, the United Nations said."


@pytest.fixture
def settings(tmp_path: Path) -> CacheSettings:
    return CacheSettings(enabled=True, dir=str(tmp_path / "cache"))


def _pile(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(f"{FIRST}\n\n{SECOND}\n", encoding="utf-8")
    (folder / "b.html").write_text(
        "<html><head><title>Convoys arrive</title><meta property='og:site_name' content='Valley Post'></head>"
        f"<body><article><p>{SECOND} Trucks carried food and medicine.</p><p>{FIRST}</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "c.txt").write_bytes(b"\x00\x01\x02\x03" * 100)  # refused: binary
    (folder / "d.txt").write_text(f"{FIRST}\n\n{SECOND}\n", encoding="utf-8")  # a duplicate of a.txt
    return folder


def _no_splitting(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a warm load split sentences")

    monkeypatch.setattr(article_module, "segment", refuse)


def _load(path: Path, settings: CacheSettings | None, ingest: IngestSettings | None = None) -> LoadResult:
    return load_paths([path], ingest, cache=settings)


def test_a_warm_load_splits_no_sentence_and_gives_the_same(
    tmp_path: Path, settings: CacheSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _pile(tmp_path / "pile")
    cold = _load(folder, settings)
    assert len(cold.articles) == 2 and len(cold.warnings) == 2  # the binary file, the duplicate
    _no_splitting(monkeypatch)
    warm = _load(folder, settings)
    assert warm == cold


def test_a_touched_file_with_the_same_text_is_still_a_hit(
    tmp_path: Path, settings: CacheSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _pile(tmp_path / "pile")
    cold = _load(folder, settings)
    later = os.stat(folder / "a.txt").st_mtime_ns + 5_000_000_000
    os.utime(folder / "a.txt", ns=(later, later))
    _no_splitting(monkeypatch)
    assert _load(folder, settings) == cold
    assert _load(folder, settings) == cold  # the new stamp was remembered: no hashing needed


def test_an_edited_file_is_read_again(tmp_path: Path, settings: CacheSettings) -> None:
    folder = _pile(tmp_path / "pile")
    _load(folder, settings)
    (folder / "a.txt").write_text(f"{SECOND}\n\nThe truce held overnight, residents said.\n", encoding="utf-8")
    warm = _load(folder, settings)
    assert any("The truce held overnight" in a.text for a in warm.articles)
    assert warm == _load(folder, None)


def test_other_settings_or_language_are_other_entries(tmp_path: Path, settings: CacheSettings) -> None:
    folder = _pile(tmp_path / "pile")
    _load(folder, settings)
    short = _load(folder, settings, IngestSettings(max_article_words=100, max_sentence_chars=100))
    assert short == _load(folder, None, IngestSettings(max_article_words=100, max_sentence_chars=100))
    assert any(len(s.text) <= 100 for a in short.articles for s in a.sentences)


def test_the_same_file_under_another_name_keeps_its_own_name(
    tmp_path: Path, settings: CacheSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _pile(tmp_path / "pile")
    _load(folder / "a.txt", settings)
    monkeypatch.chdir(folder)
    (article,) = _load(Path("a.txt"), settings).articles
    assert article.path == "a.txt"


def test_a_broken_or_foreign_entry_is_a_miss_not_an_error(tmp_path: Path, settings: CacheSettings) -> None:
    folder = _pile(tmp_path / "pile")
    cold = _load(folder, settings)
    entries = sorted((tmp_path / "cache" / "ingest").glob("*/*.json"))
    assert len(entries) == 4
    entries[0].write_text("{not json", encoding="utf-8")
    entry = json.loads(entries[1].read_text(encoding="utf-8"))
    entry["articles"] = [{"text": 5}] if entry["articles"] else entry["articles"]
    entry["stamp"] = [1, 2]  # and a stale stamp with a foreign hash
    entry["sha256"] = "0" * 64
    entries[1].write_text(json.dumps(entry), encoding="utf-8")
    entry = json.loads(entries[2].read_text(encoding="utf-8"))
    entry["key"] = "someone else's"
    entries[2].write_text(json.dumps(entry), encoding="utf-8")
    assert _load(folder, settings) == cold


def test_sentence_spans_outside_the_text_are_refused(tmp_path: Path, settings: CacheSettings) -> None:
    folder = _pile(tmp_path / "pile")
    cold = _load(folder / "a.txt", settings)
    (entry_path,) = (tmp_path / "cache" / "ingest").glob("*/*.json")
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    entry["articles"][0]["sentences"][1] = 10**6
    entry_path.write_text(json.dumps(entry), encoding="utf-8")
    assert _load(folder / "a.txt", settings) == cold


def test_caching_off_writes_nothing(tmp_path: Path) -> None:
    folder = _pile(tmp_path / "pile")
    off = CacheSettings(enabled=False, dir=str(tmp_path / "cache"))
    assert _load(folder, off) == _load(folder, None)
    assert not (tmp_path / "cache").exists()


def test_a_crash_in_a_reader_is_not_remembered(
    tmp_path: Path, settings: CacheSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _pile(tmp_path / "pile")

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("library bug")

    with monkeypatch.context() as patched:
        patched.setattr(article_module, "segment", crash)
        broken = _load(folder / "a.txt", settings)
    assert broken.articles == [] and "RuntimeError" in broken.warnings[0].reason
    assert len(_load(folder / "a.txt", settings).articles) == 1


def test_code_fingerprint_covers_the_reader_code_and_libraries() -> None:
    cache_module.code_fingerprint.cache_clear()
    first = cache_module.code_fingerprint()
    assert first == cache_module.code_fingerprint() and len(first) == 16


def test_old_entries_are_pruned(tmp_path: Path, settings: CacheSettings) -> None:
    folder = _pile(tmp_path / "pile")
    _load(folder, settings)
    store = cache_module.IngestCache(tmp_path / "cache" / "ingest", "token")
    (tmp_path / "cache" / "ingest" / ".pruned").unlink()
    assert store.prune(max_age_days=30, now=os.path.getmtime(folder / "a.txt") + 31 * 86_400) == 4


def test_warm_cli_output_is_byte_identical(tmp_path: Path, seeds_dir: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f"cache:\n  dir: {json.dumps(str(tmp_path / 'cache'))}\n", encoding="utf-8")
    outputs = []
    for _ in range(2):
        out, err = io.StringIO(), io.StringIO()
        assert main(["--config", str(config), "analyze", "--json", str(seeds_dir)], stdout=out, stderr=err) == 0
        outputs.append((out.getvalue(), err.getvalue()))
    assert outputs[0] == outputs[1]
    assert list((tmp_path / "cache" / "ingest").glob("*/*.json"))


def test_a_feed_keeps_its_entries_and_notes_warm(
    tmp_path: Path, settings: CacheSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title>'
        f"<item><title>Truce</title><description>{FIRST}</description><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
        f"<item><title>Convoys</title><description>{SECOND}</description></item>"
        "<item><title>Empty</title><description></description></item></channel></rss>",
        encoding="utf-8",
    )
    cold = _load(feed, settings)
    assert len(cold.articles) == 2 and any("has no text" in w.reason for w in cold.warnings)
    _no_splitting(monkeypatch)
    assert _load(feed, settings) == cold
