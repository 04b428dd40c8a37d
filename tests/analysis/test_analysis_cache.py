"""The on-disk analysis cache: round trips, misses, corrupt and old entries, atomic writes."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.analysis import cache as cache_mod, pipeline
from briefing.analysis.cache import AnalysisCache, from_json, make_key, to_json
from briefing.config import CacheSettings, IngestSettings, Settings, SummarySettings
from briefing.ingest import load_paths
from briefing.models import Ceasefire, ConflictStatus, DigestSentence, Figure, SentenceRef, Summary, Trend

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed_articles():
    return load_paths(sorted((ROOT / "seeds").glob("*.txt")), IngestSettings()).articles


def _settings(tmp_path: Path, **cache) -> Settings:
    return replace(Settings(), cache=CacheSettings(dir=str(tmp_path / "c"), workers=1, **cache))


def test_dataclasses_round_trip_through_json():
    ref = SentenceRef("a1", 3, "Text “quoted” — ok")
    status = ConflictStatus(
        figures=(Figure(kind="killed", value=250000, qualifier="at least", text="at least 250,000",
                        reported_by=None, article="a1", evidence=ref, fraction=0.5),),
        ceasefire=Ceasefire(state="fragile", since=dt.date(2016, 2, 27), brokers=("Russia", "United States"),
                            evidence=(ref,)),
        trend=Trend(label="de-escalating", de_escalating=(ref,)),
    )
    values = [
        (Summary("a1", SummarySettings("lexrank", sentences=3), (0, 4, 7), None), Summary),
        ((DigestSentence("t", ("a1", "b2"), ref, 1.5),), tuple[DigestSentence, ...]),
        (status, ConflictStatus),
    ]
    for value, hint in values:
        assert from_json(hint, json.loads(json.dumps(to_json(value)))) == value


def test_put_get_hit_and_miss(tmp_path):
    store = AnalysisCache(tmp_path)
    summary = Summary("a1", SummarySettings("lead", sentences=2), (0, 1))
    assert store.get("summary", "k" * 64, Summary) is None
    store.put("summary", "k" * 64, summary)
    assert store.get("summary", "k" * 64, Summary) == summary
    assert store.get("summary", "j" * 64, Summary) is None
    assert not list(tmp_path.rglob(".tmp-*")), "no temporary files left behind"


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff garbage",
        b'{"version": 1, "key": "kkkk", "data": {"article_id": 5}}',
        b'{"version": 1, "key": "other", "data": {}}',
        b"[1, 2, 3]",
        b"",
    ],
)
def test_corrupt_entries_are_misses_not_errors(tmp_path, content):
    store = AnalysisCache(tmp_path)
    key = "kkkk" + "0" * 60
    path = tmp_path / "summary" / key[:2] / f"{key}.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(content.replace(b"kkkk", key.encode()) if b'"key"' in content and b"kkkk" in content else content)
    assert store.get("summary", key, Summary) is None


def test_old_format_version_is_ignored(tmp_path, monkeypatch):
    store = AnalysisCache(tmp_path)
    store.put("summary", "a" * 64, Summary("a1", SummarySettings("lead", sentences=1), (0,)))
    monkeypatch.setattr(cache_mod, "FORMAT_VERSION", cache_mod.FORMAT_VERSION + 1)
    assert store.get("summary", "a" * 64, Summary) is None


def test_keys_change_with_content_and_settings():
    base = make_key("summary", ["h1"], "s1")
    assert base == make_key("summary", ["h1"], "s1")
    assert len({base, make_key("summary", ["h2"], "s1"), make_key("summary", ["h1"], "s2"),
                make_key("digest", ["h1"], "s1")}) == 4


def test_second_analysis_is_served_from_the_cache(tmp_path, seed_articles, monkeypatch):
    settings = _settings(tmp_path)
    first = pipeline.analyze(seed_articles, settings)
    calls = []
    monkeypatch.setattr(pipeline, "summarize", lambda *a: calls.append(a) or pytest.fail("not cached"))
    monkeypatch.setattr(pipeline, "build_digest", lambda *a: pytest.fail("digest not cached"))
    assert pipeline.analyze(seed_articles, settings) == first
    assert calls == []


def test_corrupt_cache_files_are_rebuilt(tmp_path, seed_articles):
    settings = _settings(tmp_path)
    first = pipeline.analyze(seed_articles, settings)
    entries = list((tmp_path / "c").rglob("*.json"))
    assert len(entries) == len(seed_articles) + 3
    for path in entries:
        path.write_text('{"version": 1, "key": "x", "data": ', encoding="utf-8")
    assert pipeline.analyze(seed_articles, settings) == first
    assert all(json.loads(p.read_text(encoding="utf-8"))["data"] is not None for p in entries)


def test_changed_settings_miss_the_cache(tmp_path, seed_articles):
    settings = _settings(tmp_path)
    pipeline.analyze(seed_articles, settings)
    shorter = replace(settings, digest=replace(settings.digest, words=40))
    digest = pipeline.analyze(seed_articles, shorter).digest
    assert sum(len(d.text.split()) for d in digest) <= 40


def test_disabled_cache_writes_nothing(tmp_path, seed_articles):
    settings = _settings(tmp_path, enabled=False)
    assert AnalysisCache.open(settings.cache) is None
    pipeline.analyze(seed_articles, settings)
    assert not (tmp_path / "c").exists()


def test_default_location_is_the_user_cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    store = AnalysisCache.open(CacheSettings())
    assert store is not None and store.directory == tmp_path / "xdg" / "briefing" / "analysis"


def test_unwritable_cache_only_costs_speed(tmp_path, seed_articles):
    blocker = tmp_path / "c"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    settings = _settings(tmp_path)
    assert pipeline.analyze(seed_articles, settings).digest


def test_prune_drops_old_entries_once_a_day(tmp_path):
    import os
    import time

    store = AnalysisCache(tmp_path)
    store.put("summary", "a" * 64, Summary("a1", SummarySettings("lead", sentences=1), (0,)))
    store.put("summary", "b" * 64, Summary("b1", SummarySettings("lead", sentences=1), (0,)))
    old = time.time() - 40 * 86_400
    os.utime(tmp_path / "summary" / "aa" / ("a" * 64 + ".json"), (old, old))
    assert store.prune() == 1
    assert store.get("summary", "a" * 64, Summary) is None
    assert store.get("summary", "b" * 64, Summary) is not None
    os.utime(tmp_path / "summary" / "bb" / ("b" * 64 + ".json"), (old, old))
    assert store.prune() == 0, "pruned again within a day"


def test_the_status_key_follows_the_quotes_cue_verbs():
    """The actor list reads people with the quotes' speech verbs: another cue list is another status."""
    from briefing.config import QuoteSettings

    other = replace(Settings(), quotes=QuoteSettings(cue_verbs=("said",)))
    assert pipeline._set_token("status", other) != pipeline._set_token("status", Settings())
    assert pipeline._set_token("digest", other) == pipeline._set_token("digest", Settings())


def test_the_code_fingerprint_covers_every_package_a_result_depends_on():
    """Every package but the views (tui, brief) and the store (it holds inputs and briefs, computes
    no analysis): editing one must invalidate cached results."""
    import briefing

    package = Path(briefing.__file__).resolve().parent
    packages = {p.parent.name for p in package.glob("*/__init__.py")}
    assert packages - {"tui", "brief", "store"} <= set(cache_mod.PRODUCT_PACKAGES)
