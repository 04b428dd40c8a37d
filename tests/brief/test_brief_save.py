"""Never lose the brief (issue 8 class 7, save half): the target is always the old or the new file.

Two kinds of evidence: every step of the write made to fail in turn (and the
errors a user meets: full disk, read-only file system, permission denied),
and a real writer process killed with SIGKILL at random moments.
"""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefing.brief import save as save_mod
from briefing.brief.save import (
    BriefExistsError,
    BriefSaveError,
    _reason,
    atomic_write,
    changed_since,
    encode_brief,
    save_brief,
    stamp_file,
)

OLD = "# Old brief\n\nkept safe.\n"
NEW = "# New brief\n\n" + "many words here. " * 2000 + "\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "brief.md")


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "brief.md"
    path.write_text(OLD, encoding="utf-8")
    return path


def test_save_writes_and_replaces_only_with_force(target: Path) -> None:
    with pytest.raises(BriefExistsError, match=f"{target} already exists"):
        save_brief(NEW, target)
    assert target.read_text(encoding="utf-8") == OLD
    assert save_brief(NEW, target, force=True) == target
    assert target.read_text(encoding="utf-8") == NEW
    assert leftovers(target.parent) == []


def test_new_file_in_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "brief.md"
    save_brief("x\n", path)
    assert path.read_text() == "x\n"


def test_replacing_keeps_the_file_permissions(target: Path) -> None:
    target.chmod(0o640)
    save_brief(NEW, target, force=True)
    assert target.stat().st_mode & 0o777 == 0o640


def test_folder_as_target_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BriefSaveError, match="it is a folder"):
        save_brief("x", tmp_path, force=True)


def test_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(BriefSaveError, match="cannot save .*file/brief.md"):
        save_brief("x", tmp_path / "file" / "brief.md")


# Each step of atomic_write, made to fail on its n-th call.
STEPS = [
    ("tempfile.mkstemp", errno.EROFS, "read-only"),
    ("os.write", errno.ENOSPC, "disk is full"),
    ("os.fchmod", errno.EPERM, "permission denied"),
    ("os.fsync", errno.EIO, "input/output error"),
    ("os.close", errno.EDQUOT, "quota"),
    ("os.replace", errno.EACCES, "permission denied"),
]


def _fail_on(monkeypatch: pytest.MonkeyPatch, dotted: str, err: int, nth: int = 1) -> None:
    module_name, attr = dotted.split(".")
    module = {"os": save_mod.os, "tempfile": save_mod.tempfile}[module_name]
    real = getattr(module, attr)
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == nth:
            if attr == "close":  # the descriptor must still be released, as a real failing close does
                real(*args, **kwargs)
            raise OSError(err, os.strerror(err))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, attr, failing)


@pytest.mark.parametrize(("step", "err", "reason"), STEPS, ids=[s[0] for s in STEPS])
def test_failure_at_each_step_leaves_old_file_and_no_temp(
    target: Path, monkeypatch: pytest.MonkeyPatch, step: str, err: int, reason: str
) -> None:
    _fail_on(monkeypatch, step, err)
    with pytest.raises(BriefSaveError) as info:
        save_brief(NEW, target, force=True)
    message = str(info.value)
    assert str(target) in message and reason in message
    assert info.value.errno == err
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(target.parent) == []


def test_short_writes_are_completed(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = save_mod.os.write
    monkeypatch.setattr(save_mod.os, "write", lambda fd, data: real(fd, bytes(data[:1000])))
    save_brief(NEW, target, force=True)
    assert target.read_text(encoding="utf-8") == NEW


def test_write_that_makes_no_progress_is_a_full_disk(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(save_mod.os, "write", lambda fd, data: 0)
    with pytest.raises(BriefSaveError, match="disk is full"):
        save_brief(NEW, target, force=True)
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(target.parent) == []


def test_failure_creating_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self, *a, **k):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(BriefSaveError, match="cannot create folder .*read-only"):
        save_brief("x", tmp_path / "new" / "brief.md")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_real_unwritable_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "brief.md").write_text(OLD)
    folder.chmod(0o500)
    try:
        with pytest.raises(BriefSaveError, match="permission denied"):
            save_brief(NEW, folder / "brief.md", force=True)
        assert (folder / "brief.md").read_text() == OLD
    finally:
        folder.chmod(0o700)


def test_file_appearing_during_the_write_is_not_clobbered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "brief.md"
    real = save_mod.os.fsync

    def racing_fsync(fd):
        if not path.exists():
            path.write_text(OLD)  # another process saved first
        return real(fd)

    monkeypatch.setattr(save_mod.os, "fsync", racing_fsync)
    with pytest.raises(BriefExistsError):
        save_brief(NEW, path)
    assert path.read_text() == OLD
    assert leftovers(tmp_path) == []


def test_stale_temp_files_from_killed_writers_are_swept(target: Path) -> None:
    stale = target.parent / f".{target.name}.abc123.tmp"
    fresh = target.parent / f".{target.name}.def456.tmp"
    stale.write_text("partial")
    fresh.write_text("partial")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    save_brief(NEW, target, force=True)
    assert not stale.exists() and fresh.exists()


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from briefing.brief.save import atomic_write
    target = Path(sys.argv[1])
    versions = [Path(p).read_bytes() for p in sys.argv[2:]]
    print("ready", flush=True)
    k = 0
    while True:
        atomic_write(target, versions[k % len(versions)], force=True)
        k += 1
    """
)


def test_sigkill_at_random_moments_leaves_a_whole_version(tmp_path: Path) -> None:
    """A writer saving 3 versions in a loop is killed 15 times at random: the file is always one of them."""
    versions = [tmp_path / f"v{k}.bin" for k in range(3)]
    rng = random.Random(20261122)
    for k, v in enumerate(versions):
        v.write_bytes(bytes([65 + k]) * rng.randint(200_000, 900_000) + b"\nend\n")
    contents = {v.read_bytes() for v in versions}
    target = tmp_path / "out" / "brief.md"
    target.parent.mkdir()
    target.write_bytes(versions[0].read_bytes())
    for _ in range(15):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target), *map(str, versions)],
                                stdout=subprocess.PIPE)
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.08))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert target.read_bytes() in contents
    temps = [p for p in target.parent.iterdir() if p != target]
    assert temps, "no kill landed in the middle of a write; the test proved nothing"
    assert all(p.name.startswith(".brief.md.") and p.name.endswith(".tmp") for p in temps)
    # The next normal save succeeds and is whole.
    atomic_write(target, b"final\n", force=True)
    assert target.read_bytes() == b"final\n"


def test_unreadable_parent_while_checking_is_a_save_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(self, *a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(save_mod.os, "lstat", denied)  # lstat is how the target is looked at
    with pytest.raises(BriefSaveError, match="cannot save .*brief.md: permission denied"):
        save_brief("x", tmp_path / "brief.md")


def test_very_long_file_name(tmp_path: Path) -> None:
    path = tmp_path / ("b" * 250 + ".md")
    save_brief("x\n", path)
    assert path.read_text() == "x\n"
    with pytest.raises(BriefSaveError, match="name is too long"):
        save_brief("x\n", tmp_path / ("b" * 300 + ".md"))


# --- messages that name the real problem ------------------------------------------------------------
def test_save_into_a_file_used_as_a_folder_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    with pytest.raises(BriefSaveError, match="notes.txt is not a folder"):
        save_brief("# x\n", blocker / "brief.md")
    with pytest.raises(BriefSaveError, match="notes.txt is not a folder"):
        save_brief("# x\n", blocker / "deeper" / "brief.md")


def test_no_such_file_in_an_existing_folder_is_not_a_missing_folder(tmp_path: Path) -> None:
    why = _reason(OSError(errno.ENOENT, "No such file or directory"), tmp_path / "x.md")
    assert "exists but does not accept new files" in why and "does not exist" not in why
    assert _reason(OSError(errno.ENOENT, "No such file"), tmp_path / "missing" / "x.md") == "the folder does not exist"
    assert _reason(OSError(errno.EROFS, "Read-only"), tmp_path / "x.md") == "the file system is read-only"
    assert _reason(OSError(errno.EACCES, "Permission denied"), tmp_path / "x.md") == "permission denied"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_save_into_proc_does_not_claim_the_folder_is_missing() -> None:
    with pytest.raises(BriefSaveError) as caught:
        save_brief("# x\n", "/proc/briefing-test.md")
    assert "/proc/briefing-test.md" in str(caught.value)
    assert "does not exist" not in str(caught.value)


def test_file_stamp_notices_other_writers_but_not_a_touch(tmp_path: Path) -> None:
    path = tmp_path / "brief.md"
    text = "# Brief\n"
    save_brief(text, path)
    stamp = stamp_file(path, encode_brief(text))
    assert stamp is not None and not changed_since(path, stamp)
    os.utime(path, ns=(stamp.mtime_ns + 5_000_000_000, stamp.mtime_ns + 5_000_000_000))
    assert not changed_since(path, stamp), "same bytes, newer time: nothing to lose"
    path.write_text("# Brief from cron\n")
    assert changed_since(path, stamp)
    path.write_text("# Brief\n".replace("B", "b"))  # same size, other bytes
    assert changed_since(path, stamp)
    path.unlink()
    assert not changed_since(path, stamp)
