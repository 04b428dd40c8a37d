"""`analyze`: progress reporting, parallel and serial runs agreeing, warnings passed through."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefing.analysis import pipeline, pool
from briefing.config import CacheSettings, IngestSettings, Settings
from briefing.ingest import load_paths
from briefing.models import LoadWarning

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed_articles():
    return load_paths(sorted((ROOT / "seeds").glob("*.txt")), IngestSettings()).articles


def _settings(workers: int = 1, enabled: bool = False, tmp: Path | None = None) -> Settings:
    cache = CacheSettings(enabled=enabled, dir=str(tmp) if tmp else None, workers=workers)
    return replace(Settings(), cache=cache)


def test_progress_counts_every_unit_up_to_the_total(seed_articles):
    seen: list[tuple[int, int]] = []
    pipeline.analyze(seed_articles, _settings(), progress=lambda d, t: seen.append((d, t)))
    total = len(seed_articles) + 3
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert all(t == total for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_progress_with_a_warm_cache_jumps_to_done(tmp_path, seed_articles):
    settings = _settings(enabled=True, tmp=tmp_path)
    pipeline.analyze(seed_articles, settings)
    seen: list[tuple[int, int]] = []
    pipeline.analyze(seed_articles, settings, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (len(seed_articles) + 3,) * 2


def test_parallel_and_serial_give_the_same_analysis(seed_articles, monkeypatch):
    serial = pipeline.analyze(seed_articles, _settings(workers=1))
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_SENTENCES", 1)
    monkeypatch.setattr(pipeline, "CHUNK_ARTICLES", 1)
    seen: list[int] = []
    parallel = pipeline.analyze(seed_articles, _settings(workers=2), progress=lambda d, t: seen.append(d))
    assert pool.POOLS, "the parallel path was taken"
    assert parallel == serial
    assert seen[-1] == len(seed_articles) + 3


def test_small_sets_stay_in_process(seed_articles, monkeypatch):
    monkeypatch.setattr(pipeline._Work, "_parallel", lambda *a: pytest.fail("pool for two articles"))
    analysis = pipeline.analyze(seed_articles, _settings(workers=2))
    assert set(analysis.summaries) == {a.id for a in seed_articles}


def test_result_shape_and_warnings(seed_articles):
    warning = LoadWarning("missing.txt", "file not found")
    analysis = pipeline.analyze(seed_articles, _settings(), warnings=[warning])
    assert analysis.articles == tuple(seed_articles)
    assert analysis.warnings == (warning,)
    assert analysis.digest and all(d.articles for d in analysis.digest)
    assert all(analysis.summaries[a.id].article_id == a.id for a in seed_articles)


def test_no_articles():
    analysis = pipeline.analyze([], _settings())
    assert analysis.articles == () and analysis.summaries == {} and analysis.digest == ()


def test_duplicate_articles_get_one_summary(seed_articles):
    analysis = pipeline.analyze([*seed_articles, seed_articles[0]], _settings())
    assert len(analysis.summaries) == len(seed_articles)


def test_the_pool_starts_inside_a_terminal_app(tmp_path):
    """Textual swaps sys.stderr for a capture whose fileno() is -1; multiprocessing refused it
    and the TUI fell back to one process. In a fresh interpreter (no helper process yet), with
    such a stderr and the analysis in a worker thread (so the pool uses a fork server, as in
    the TUI), the analysis must run in the pool and print nothing to the real fd 2."""
    import subprocess
    import sys

    script = f"""
import io, sys
from pathlib import Path
from dataclasses import replace
from briefing.analysis import pipeline, pool
from briefing.config import CacheSettings, IngestSettings, Settings
from briefing.ingest import load_paths

class Capture(io.StringIO):
    def fileno(self):
        return -1

articles = load_paths(sorted(Path({str(ROOT / "seeds")!r}).glob("*.txt")), IngestSettings()).articles
fallbacks = []
pipeline.log.warning = lambda *a: fallbacks.append(a)
pipeline.PARALLEL_MIN_SENTENCES = 1
import threading
sys.stderr = Capture()
settings = replace(Settings(), cache=CacheSettings(enabled=False, workers=2))
result = []
worker = threading.Thread(target=lambda: result.append(pipeline.analyze(articles, settings)))
worker.start()
worker.join()
analysis = result[0]
sys.stderr = sys.__stderr__
print("pool", bool(pool.POOLS), "fallbacks", len(fallbacks), "digest", len(analysis.digest))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "pool True fallbacks 0" in done.stdout
    assert "digest 0" not in done.stdout
    assert done.stderr == ""


def test_quote_speakers_are_named_as_the_actor_list_names_them(tmp_path):
    """One names engine: a person the actor list names "John Kerry" is not "John F. Kerry" among the quotes."""
    (tmp_path / "a.txt").write_text(
        "Secretary of State John Kerry flew to Geneva on Monday.\n"
        "John Kerry said the talks would resume. Kerry met the envoy, and John Kerry left at noon.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "“We will not stop until the road is open,” Secretary of State John F. Kerry said on Monday.\n",
        encoding="utf-8",
    )
    articles = load_paths([str(tmp_path)], IngestSettings()).articles
    analysis = pipeline.analyze(articles, _settings())
    assert "John Kerry" in {a.name for a in analysis.status.actors}
    assert [q.speaker for q in analysis.quotes] == ["John Kerry"]


def _load(tmp_path: Path, text: str, name: str = "a.txt") -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_paths([path], IngestSettings()).articles


# --- the pipeline -------------------------------------------------------------------------------
def test_a_single_article_is_never_shipped_whole_to_the_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [f"Fighting near Village{i} killed {i % 50 + 2} people, the General Staff said." for i in range(2_000)]
    [article] = _load(tmp_path, "\n".join(lines) + "\n")
    assert len(article.sentences) >= pipeline.OFFLOAD_MIN_SENTENCES
    serial = pipeline.analyze([article], _settings(workers=1))
    monkeypatch.setattr(pipeline._Work, "_parallel", lambda *a: pytest.fail("every task in the pool for one article"))
    seen: list[int] = []
    offloaded = pipeline.analyze([article], _settings(workers=2), progress=lambda d, t: seen.append(d))
    assert pool.POOLS, "the status went to a worker"
    assert offloaded == serial
    assert seen[-1] == 1 + 3


def test_the_parallel_path_caches_every_result_as_it_comes(tmp_path, seed_articles, monkeypatch):
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_SENTENCES", 1)
    monkeypatch.setattr(pipeline, "CHUNK_ARTICLES", 1)
    first = pipeline.analyze(seed_articles, _settings(workers=2, enabled=True, tmp=tmp_path))
    assert pool.POOLS, "the parallel path was taken"
    written = sorted(p.relative_to(tmp_path).parts[1] for p in tmp_path.glob("analysis/*/*/*.json"))
    assert written.count("summary") == len({a.id for a in seed_articles})
    assert written.count("stories") == 1
    assert {kind: written.count(kind) for kind in pipeline.PARTS} == {kind: len(first.stories) for kind in pipeline.PARTS}
    monkeypatch.setattr(pipeline, "summarize", lambda *a: pytest.fail("a summary computed again"))
    monkeypatch.setattr(pipeline._Work, "_group_here", lambda *a: pytest.fail("grouped again"))
    assert pipeline.analyze(seed_articles, _settings(workers=2, enabled=True, tmp=tmp_path)) == first
