"""The pool's workers share what the parent loaded: the tables are read before the fork, and a
worker's garbage collector leaves what it inherited alone (no copy of the parent's pages)."""

from __future__ import annotations

import gc
import multiprocessing

import pytest

from briefing.analysis import pool
from briefing.analysis.warm import sample_article, warm_up
from briefing.config import Settings


def _frozen_in_worker() -> int:
    return gc.get_freeze_count()


def test_a_new_forked_pool_runs_before_fork_once_and_its_workers_freeze_what_they_inherit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pool, "_context", lambda preload: multiprocessing.get_context("fork"))
    calls: list[int] = []
    pool.drop_pool(1)
    try:
        made = pool.get_pool(1, before_fork=lambda: calls.append(1))
        again = pool.get_pool(1, before_fork=lambda: calls.append(2))
        assert made is again and calls == [1]
        assert made.submit(_frozen_in_worker).result(timeout=60) > 0
    finally:
        pool.drop_pool(1)


def test_no_before_fork_for_a_fork_server(monkeypatch: pytest.MonkeyPatch) -> None:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork server on this platform")
    monkeypatch.setattr(pool, "_context", lambda preload: multiprocessing.get_context("forkserver"))
    calls: list[int] = []
    pool.drop_pool(1)
    try:
        pool.get_pool(1, before_fork=lambda: calls.append(1))
        assert calls == []  # nothing the workers could share: they are not forked from here
    finally:
        pool.drop_pool(1)


def test_warm_up_reads_the_tables_the_parts_use() -> None:
    from briefing.stories.features import _frequencies

    article = sample_article()
    assert len(article.sentences) == 4 and article.kind == "news"
    _frequencies.cache_clear()
    warm_up(Settings())
    assert _frequencies.cache_info().currsize == 1  # wordfreq's English list, the largest table
