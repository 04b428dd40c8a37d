"""Building many files on worker processes gives exactly the serial result, in order."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from briefing.config import CacheSettings
from briefing.ingest import load_paths, workers

SENTENCES = (
    "Negotiators met on day {n} of the talks in the lakeside town, officials said.",
    "The truce along the northern front held for a {n}th night, residents reported.",
    "Convoy {n} reached the eastern villages with food and medicine on Friday.",
)


def _pile(folder: Path, count: int = 90) -> Path:
    folder.mkdir()
    for n in range(count):
        text = "\n\n".join(s.format(n=n) for s in SENTENCES)
        (folder / f"{n:03d}.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "000b.txt").write_text((folder / "000.txt").read_text(encoding="utf-8"), encoding="utf-8")  # duplicate
    (folder / "060b.txt").write_bytes(b"\x00\x01\x02" * 50)  # refused
    (folder / "070b.html").write_text("<html><body><article><p>" + SENTENCES[0].format(n=70) + "</p></article></body></html>")
    return folder


def _settings(tmp_path: Path, count: int) -> CacheSettings:
    return CacheSettings(enabled=False, dir=str(tmp_path / "cache"), workers=count)


def test_a_parallel_load_is_the_serial_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _pile(tmp_path / "pile")
    serial = load_paths([folder], cache=_settings(tmp_path, 1))
    pools: list[int] = []
    real = workers.ProcessPoolExecutor

    def spy(*args: object, **kwargs: object) -> object:
        pools.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "ProcessPoolExecutor", spy)
    # threads an earlier test left idle in this process would make the loader decline to fork
    monkeypatch.setattr(workers, "can_fork", lambda: True)
    seen: list[tuple[int, int]] = []
    parallel = load_paths([folder], cache=_settings(tmp_path, 2), progress=lambda d, t: seen.append((d, t)))
    assert pools == [1]
    assert parallel == serial
    assert len(serial.articles) == 91 and [w.reason[:9] for w in serial.warnings[:1]] == ["not a tex"]
    assert seen[-1] == (93, 93) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_the_parallel_path_is_taken_and_a_broken_pool_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _pile(tmp_path / "pile")
    serial = load_paths([folder], cache=_settings(tmp_path, 1))

    tried: list[int] = []

    class Refused:
        def __init__(self, *args: object, **kwargs: object) -> None:
            tried.append(1)
            raise OSError("no processes here")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", Refused)
    monkeypatch.setattr(workers, "can_fork", lambda: True)  # as in the test above
    assert load_paths([folder], cache=_settings(tmp_path, 2)) == serial
    assert tried == [1]


def test_no_fork_from_a_threaded_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The TUI loads in a worker thread: forking there could copy a held lock."""
    folder = _pile(tmp_path / "pile")
    serial = load_paths([folder], cache=_settings(tmp_path, 1))

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started from a threaded process")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", forbidden)
    results: list[object] = []
    thread = threading.Thread(target=lambda: results.append(load_paths([folder], cache=_settings(tmp_path, 2))))
    thread.start()
    thread.join()
    assert results == [serial]


def test_a_small_load_stays_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _pile(tmp_path / "pile", count=10)

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool for ten files")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", forbidden)
    assert len(load_paths([folder], cache=_settings(tmp_path, 2)).articles) == 11


def test_meanwhile_runs_once_while_the_pool_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The caller's own preparation runs here while the workers build, once, and the result is
    the serial one; a load built here (no pool) does not run it."""
    folder = _pile(tmp_path / "pile")
    serial = load_paths([folder], cache=_settings(tmp_path, 1))
    monkeypatch.setattr(workers, "can_fork", lambda: True)
    calls: list[int] = []
    parallel = load_paths([folder], cache=_settings(tmp_path, 2), meanwhile=lambda: calls.append(1))
    assert calls == [1]
    assert parallel == serial
    assert load_paths([folder], cache=_settings(tmp_path, 1), meanwhile=lambda: calls.append(2)) == serial
    assert calls == [1]
