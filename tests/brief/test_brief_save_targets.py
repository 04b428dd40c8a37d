"""Saving replaces only regular files, and never clobbers a file another writer created (issue 18, point 1).

The targets are made in a temporary folder with ordinary calls (a FIFO, a UNIX
socket, a folder, symbolic links): no device node is ever touched, so running
the tests as root cannot damage the system. The race is two real processes
saving the same new name at the same instant, 50 times.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.brief.save import BriefExistsError, BriefSaveError, save_brief
from briefing.cli import main

OLD = "# Old brief\n"
NEW = "# New brief\n\nwith words.\n"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.md"
    os.mkfifo(path)
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "sock.md"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    yield path
    server.close()


@pytest.mark.parametrize("force", [False, True], ids=["no-force", "force"])
def test_a_fifo_is_refused_and_left_a_fifo(fifo: Path, force: bool) -> None:
    with pytest.raises(BriefSaveError, match=r"pipe\.md: it is a named pipe \(FIFO\), not a regular file") as info:
        save_brief(NEW, fifo, force=force)
    assert not isinstance(info.value, BriefExistsError) or not force  # --force would not help: not "use --force"
    assert "--force" not in str(info.value)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in fifo.parent.iterdir()) == ["pipe.md"]  # no temporary file left


@pytest.mark.parametrize("force", [False, True], ids=["no-force", "force"])
def test_a_socket_is_refused(unix_socket: Path, force: bool) -> None:
    with pytest.raises(BriefSaveError, match="it is a socket, not a regular file"):
        save_brief(NEW, unix_socket, force=force)
    assert stat.S_ISSOCK(os.lstat(unix_socket).st_mode)


def test_a_folder_is_refused_even_with_force(tmp_path: Path) -> None:
    folder = tmp_path / "brief.md"
    folder.mkdir()
    with pytest.raises(BriefSaveError, match="it is a folder"):
        save_brief(NEW, folder, force=True)
    assert folder.is_dir()


def test_a_link_to_a_regular_file_is_written_through(tmp_path: Path) -> None:
    """The link stays a link (a `latest.md` pointing at the day's file keeps pointing there)."""
    real = tmp_path / "briefs" / "2026-11-21.md"
    real.parent.mkdir()
    real.write_text(OLD)
    real.chmod(0o600)
    link = tmp_path / "latest.md"
    link.symlink_to(real)
    with pytest.raises(BriefExistsError, match="latest.md already exists"):
        save_brief(NEW, link)
    assert real.read_text() == OLD
    assert save_brief(NEW, link, force=True) == link
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == NEW
    assert stat.S_IMODE(real.stat().st_mode) == 0o600  # the target's own mode is kept
    assert sorted(p.name for p in real.parent.iterdir()) == ["2026-11-21.md"]


def test_a_relative_link_chain_is_followed_to_the_end(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(OLD)
    (tmp_path / "b.md").symlink_to("a.md")
    (tmp_path / "c.md").symlink_to("b.md")
    save_brief(NEW, tmp_path / "c.md", force=True)
    assert (tmp_path / "a.md").read_text() == NEW
    assert (tmp_path / "b.md").is_symlink() and (tmp_path / "c.md").is_symlink()


@pytest.mark.parametrize("force", [False, True], ids=["no-force", "force"])
def test_a_dangling_link_is_refused(tmp_path: Path, force: bool) -> None:
    """As GNU cp does: writing through a dangling link would create a file wherever it points."""
    link = tmp_path / "brief.md"
    link.symlink_to(tmp_path / "elsewhere" / "missing.md")
    with pytest.raises(BriefSaveError, match="brief.md: it is a symbolic link to .*missing.md, which does not exist"):
        save_brief(NEW, link, force=force)
    assert link.is_symlink() and not (tmp_path / "elsewhere").exists()


def test_a_link_to_a_fifo_is_refused(fifo: Path, tmp_path: Path) -> None:
    link = tmp_path / "brief.md"
    link.symlink_to(fifo)
    with pytest.raises(BriefSaveError, match="brief.md: it is a named pipe"):
        save_brief(NEW, link, force=True)
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_link_loop_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    with pytest.raises(BriefSaveError, match="a.md: it is a symbolic link that loops"):
        save_brief(NEW, tmp_path / "a.md", force=True)


def test_a_new_file_gets_0644_less_the_umask(tmp_path: Path) -> None:
    path = save_brief(NEW, tmp_path / "new.md")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644 & ~_umask()


def test_build_refuses_a_fifo_with_a_clear_message(fifo: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", str(next(seeds_dir.glob("*.txt"))), "-o", str(fifo), "--force"])
    err = capsys.readouterr().err
    assert code == 1
    assert "error: cannot save" in err and "named pipe (FIFO), not a regular file" in err
    assert "Traceback" not in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


RACER = textwrap.dedent(
    """
    import sys, time
    from briefing.brief.save import BriefExistsError, save_brief
    me = sys.argv[1]
    text = ("# Brief from " + me + "\\n") + "words and more words. " * 20000
    print("ready", flush=True)
    for line in sys.stdin:  # "<path> <start time>": both racers start at the same instant
        path, start = line.split()
        while time.time() < float(start):
            pass
        try:
            save_brief(text, path)
            print("wrote", flush=True)
        except BriefExistsError as e:
            print("exists " + str(e).replace("\\n", " "), flush=True)
    """
)


def test_two_writers_racing_for_one_new_name_never_both_write(tmp_path: Path) -> None:
    """Without --force exactly one of two simultaneous saves wins; the other is told the file exists."""
    racers = [
        subprocess.Popen([sys.executable, "-c", RACER, name], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for name in ("A", "B")
    ]
    try:
        for racer in racers:
            assert racer.stdout is not None and racer.stdout.readline() == "ready\n"
        doubles = []
        for round_ in range(50):
            path = tmp_path / f"brief-{round_}.md"
            start = time.time() + 0.03
            for racer in racers:
                assert racer.stdin is not None
                racer.stdin.write(f"{path} {start}\n")
                racer.stdin.flush()
            answers = [racer.stdout.readline().strip() for racer in racers if racer.stdout is not None]
            wrote = [a for a in answers if a == "wrote"]
            refused = [a for a in answers if a.startswith("exists ")]
            if len(wrote) != 1:
                doubles.append((round_, answers))
                continue
            assert len(refused) == 1 and f"{path} already exists; use --force" in refused[0]
            winner = "A" if answers[0] == "wrote" else "B"
            assert path.read_text().startswith(f"# Brief from {winner}\n")
        assert doubles == []
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    finally:
        for racer in racers:
            if racer.stdin is not None:
                racer.stdin.close()
            racer.wait(timeout=30)
