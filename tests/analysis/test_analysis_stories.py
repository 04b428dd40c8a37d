"""`analyze` per story: each story's digest, quotes and status from its own articles, the top
level describing the largest, cached per story, the same in the pool and here."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefing.analysis import pipeline
from briefing.config import CacheSettings, Settings
from support.story_piles import CASSEL, DRAVIK, STRAY, article, articles

DRAVIK_IDS = {r[0] for r in DRAVIK}
CASSEL_IDS = {r[0] for r in CASSEL}


def _settings(tmp: Path | None = None, workers: int = 1) -> Settings:
    cache = CacheSettings(enabled=tmp is not None, dir=str(tmp) if tmp else None, workers=workers)
    return replace(Settings(), cache=cache)


@pytest.fixture(scope="module")
def mixed():
    return pipeline.analyze(articles(*CASSEL, *DRAVIK, STRAY), _settings())


def test_each_story_is_analysed_from_its_own_articles(mixed) -> None:
    dravik, cassel, stray = mixed.stories
    assert (set(dravik.articles), set(cassel.articles), set(stray.articles)) == (DRAVIK_IDS, CASSEL_IDS, {"harvest"})
    for story in mixed.stories:
        own = set(story.articles)
        assert story.digest and all(set(d.articles) <= own for d in story.digest)
        assert all(set(q.articles) <= own for q in story.quotes)
        assert all(f.article in own for f in story.status.figures)
    assert "Corvin Haldane" in {a.name for a in cassel.status.actors}
    assert "Corvin Haldane" not in {a.name for a in dravik.status.actors}
    assert {q.speaker for q in dravik.quotes} & {q.speaker for q in cassel.quotes} == set()


def test_the_top_level_describes_the_largest_story(mixed) -> None:
    main = mixed.stories[0]
    assert mixed.story == main.id and mixed.main_story is main
    assert (mixed.digest, mixed.quotes, mixed.status) == (main.digest, main.quotes, main.status)
    assert set(mixed.summaries) == DRAVIK_IDS | CASSEL_IDS | {"harvest"}


def test_for_story_swaps_the_top_level(mixed) -> None:
    cassel = mixed.stories[1]
    other = mixed.for_story(cassel.id)
    assert (other.story, other.digest, other.quotes, other.status) == (cassel.id, cassel.digest, cassel.quotes,
                                                                       cassel.status)
    assert other.articles == mixed.articles and other.stories == mixed.stories
    with pytest.raises(KeyError):
        mixed.for_story("nope")


def test_one_story_is_the_whole_set(tmp_path: Path) -> None:
    analysis = pipeline.analyze(articles(*DRAVIK), _settings())
    [story] = analysis.stories
    assert story.articles == tuple(r[0] for r in DRAVIK) and analysis.digest == story.digest


def test_progress_ends_at_the_articles_and_three_parts_per_story() -> None:
    seen: list[tuple[int, int]] = []
    pipeline.analyze(articles(*CASSEL, *DRAVIK), _settings(), progress=lambda d, t: seen.append((d, t)))
    total = len(CASSEL) + len(DRAVIK) + 3 * 2
    assert seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_the_pool_and_this_process_give_the_same_stories(monkeypatch: pytest.MonkeyPatch) -> None:
    pile = articles(*CASSEL, *DRAVIK, STRAY)
    serial = pipeline.analyze(pile, _settings())
    for name, value in (("PARALLEL_MIN_SENTENCES", 1), ("CHUNK_ARTICLES", 2), ("TERMS_CHUNK", 3),
                        ("PACK_SENTENCES", 20)):
        monkeypatch.setattr(pipeline, name, value)
    assert pipeline.analyze(pile, _settings(workers=2)) == serial


def test_a_warm_run_computes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pile = articles(*CASSEL, *DRAVIK)
    first = pipeline.analyze(pile, _settings(tmp_path))
    for name in ("summarize", "build_digest", "extract_quotes", "build_status", "group", "story_terms"):
        monkeypatch.setattr(pipeline, name, lambda *a, _n=name: pytest.fail(f"{_n} not cached"))
    assert pipeline.analyze(pile, _settings(tmp_path)) == first


def test_a_new_article_recomputes_only_its_story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline.analyze(articles(*CASSEL, *DRAVIK[:4]), _settings(tmp_path))
    digested: list[set[str]] = []
    real = pipeline.build_digest
    monkeypatch.setattr(pipeline, "build_digest", lambda arts, s: digested.append({a.id for a in arts}) or real(arts, s))
    analysis = pipeline.analyze(articles(*CASSEL, *DRAVIK), _settings(tmp_path))
    assert digested == [DRAVIK_IDS]
    assert [set(s.articles) for s in analysis.stories] == [DRAVIK_IDS, CASSEL_IDS]


def test_grouping_off_is_one_story_of_everything() -> None:
    settings = replace(_settings(), stories=replace(Settings().stories, group=False))
    pile = articles(*CASSEL, *DRAVIK)
    analysis = pipeline.analyze(pile, settings)
    [story] = analysis.stories
    assert set(story.articles) == CASSEL_IDS | DRAVIK_IDS


def test_the_same_text_twice_is_one_article_in_one_story() -> None:
    twin = article(DRAVIK[0])
    analysis = pipeline.analyze([*articles(*DRAVIK), twin], _settings())
    assert [len(s.articles) for s in analysis.stories] == [len(DRAVIK)]
