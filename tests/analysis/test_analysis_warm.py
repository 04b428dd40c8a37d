"""The pool's workers share what the parent loaded: the tables are read before the fork, and a
worker's garbage collector leaves what it inherited alone (no copy of the parent's pages)."""

from __future__ import annotations

import gc
import multiprocessing
import subprocess
import sys

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
    """In a fresh process (here, earlier tests have filled the caches in front of the tables)."""
    article = sample_article()
    assert len(article.sentences) == 4 and article.kind == "news"
    script = (
        "from briefing.analysis.warm import warm_up\n"
        "from briefing.config import Settings\n"
        "from briefing.stories.features import _frequencies\n"
        "warm_up(Settings())\n"
        "print(_frequencies.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["1"]  # wordfreq's English list, the largest table, is loaded


def test_the_early_warm_up_says_nothing_of_what_the_analysis_will_report(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run while files load, it only saves time: a failure there (a profile that does not
    exist) is left for the analysis to report, where it always was."""
    from briefing.analysis import warm
    from briefing.config import ConflictSettings

    def broken(settings: Settings) -> None:
        raise RuntimeError("no such profile")

    monkeypatch.setattr(warm, "warm_up", broken)
    warm.warm_up_meanwhile(Settings(conflict=ConflictSettings(profile="no-such-profile")))  # no exception
    calls: list[Settings] = []
    monkeypatch.setattr(warm, "warm_up", calls.append)
    warm.warm_up_meanwhile(Settings())
    assert calls == [Settings()]
