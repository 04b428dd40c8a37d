"""Bad files: each is named with a clear reason and skipped; the others still load."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from briefing.config import IngestSettings
from briefing.ingest import load_paths
from briefing.ingest.files import MAX_NAMED_SKIPS, expand

GOOD = "The ceasefire held for a second day on Sunday, officials said, and aid trucks moved north.\n"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _only_warning(paths: list[Path | str], settings: IngestSettings | None = None):
    result = load_paths(paths, settings)
    assert [a.text for a in result.articles] == [GOOD.strip()], "the good file must still load"
    assert len(result.warnings) == 1, result.warnings
    return result.warnings[0]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "not a text file (binary data)"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n   \r\n", "no text (only whitespace or control characters)"),
        ("escapes.txt", b"\x1b[2J\x1b]0;x\x07\n\x1b[31m\n", "no text (only whitespace or control characters)"),
        ("blank.md", b"---\ntitle: Nothing here\n---\n\n   \n", "no text"),
        ("undecodable.txt", bytes(random.Random(7).choices(range(0x80, 0x100), k=2000)), "not a text file"),
        ("random.html", os.urandom(3000), "not a text file"),
        ("nul.txt", bytes(500), "not a text file (binary data)"),
    ],
    ids=lambda value: value if isinstance(value, str) and "." in value and len(value) < 20 else "",
)
def test_bad_content(tmp_path: Path, good: Path, name: str, content: bytes, reason: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    warning = _only_warning([bad, good])
    assert warning.location == str(bad)
    assert warning.reason.startswith(reason)


def test_over_the_size_cap(tmp_path: Path, good: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 5_000, encoding="utf-8")
    warning = _only_warning([big, good], IngestSettings(max_file_bytes=10_000))
    assert warning.location == str(big)
    assert warning.reason == "file too large (25,000 bytes; the limit is 10,000 bytes, ingest.max_file_bytes)"


def test_missing_file(tmp_path: Path, good: Path) -> None:
    warning = _only_warning([tmp_path / "nope.txt", good])
    assert warning.reason == "no such file or folder"


def test_directory_loop_is_detected(tmp_path: Path, good: Path) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(good, folder / "sub" / "a.txt")
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    result = load_paths([folder])
    assert len(result.articles) == 1
    (warning,) = result.warnings
    assert warning.location == str(folder / "sub" / "loop")
    assert "directory loop" in warning.reason


def test_symlink_to_itself(tmp_path: Path, good: Path) -> None:
    link = tmp_path / "self.txt"
    link.symlink_to(link)
    warning = _only_warning([link, good])
    assert warning.reason == "symbolic link loop"


def test_self_loop_inside_folder(tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").symlink_to(folder / "b.txt")
    result = load_paths([folder])
    assert len(result.articles) == 1
    assert [(Path(w.location).name, w.reason) for w in result.warnings] == [("b.txt", "symbolic link loop")]


def test_fifo_is_not_opened(tmp_path: Path, good: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    warning = _only_warning([fifo, good])  # would block forever if it were opened for reading
    assert warning.reason == "not a regular file (a named pipe), skipped"


def test_device_is_refused(tmp_path: Path, good: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")  # endless bytes: must never be read
    warning = _only_warning([link, good])
    assert warning.reason == "not a regular file (a device), skipped"


def test_unreadable_file_is_named(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD.upper(), encoding="utf-8")
    secret.chmod(0)
    if os.geteuid() == 0:  # root reads anything: simulate the kernel's answer instead
        real_open = os.open

        def deny(path, *args, **kwargs):  # type: ignore[no-untyped-def]
            if Path(path) == secret:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr("briefing.ingest.files.os.open", deny)
    warning = _only_warning([secret, good])
    assert warning.location == str(secret)
    assert warning.reason == "permission denied (cannot read it)"


def test_unreadable_folder_is_named(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def deny(path):  # type: ignore[no-untyped-def]
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("briefing.ingest.files.os.scandir", deny)
    warning = _only_warning([locked, good])
    assert warning.location == str(locked)
    assert warning.reason == "permission denied (cannot read it)"


def test_max_files_cap(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Story {i} about the harbour and the ships {i}.", encoding="utf-8")
    result = load_paths([tmp_path], IngestSettings(max_files=3))
    assert len(result.articles) == 3
    (warning,) = result.warnings
    assert "more than 3 files; the rest were not loaded (ingest.max_files)" == warning.reason


def test_explicit_file_with_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "download"
    page.write_text("<!DOCTYPE html><html><body><p>" + GOOD + "</p></body></html>", encoding="utf-8")
    text = tmp_path / "notes.log"
    text.write_text(GOOD.replace("second", "third"), encoding="utf-8")
    result = load_paths([page, text])
    assert result.warnings == []
    assert [a.text for a in result.articles] == [GOOD.strip(), GOOD.strip().replace("second", "third")]


def test_directory_named_as_file_is_walked_and_unknown_files_skipped(tmp_path: Path, good: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    result = load_paths([tmp_path])
    assert [a.text for a in result.articles] == [GOOD.strip()]
    assert [(w.location.endswith("image.png"), "unsupported file type .png" in w.reason) for w in result.warnings] == [
        (True, True)
    ]  # not read, but named: a user looking for an article learns why it is missing


def test_broken_utf8_loads_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(GOOD.encode().replace(b"ceasefire", b"cease\xfffire") + "Caf\u00e9 \u201cquote\u201d.\n".encode())
    result = load_paths([path])
    (article,) = result.articles
    assert "cease\ufffdfire" in article.text
    assert [w.reason for w in result.warnings] == ["1 invalid UTF-8 byte sequence replaced with \ufffd"]


def test_weird_file_names_load(tmp_path: Path) -> None:
    name = "r\u00e9sum\u00e9 [@click=app.quit]x[b] $(rm -rf) \u202e.txt"
    path = tmp_path / name
    path.write_text(GOOD, encoding="utf-8")
    (article,) = load_paths([path]).articles
    assert "\u202e" not in (article.path or "")
    assert "[@click=app.quit]x[b]" in (article.path or "")  # kept as text: escaping is the display's job


def test_undecodable_file_name_bytes(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/bad\xff\xfename.txt"
    with open(raw, "wb") as handle:
        handle.write(GOOD.encode())
    result = load_paths([tmp_path])
    (article,) = result.articles
    assert article.path and "name.txt" in article.path
    article.path.encode("utf-8")  # no lone surrogates left to crash a terminal or a file write


# --- skipped files are named, once each -------------------------------------------------------------
def _folder(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"Council votes to hold a referendum in June after a long debate.\n")
    return folder


def test_unsupported_files_are_named_with_the_reason(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ["a.txt", "notes.pdf", "sub/readme.docx", "LICENSE", ".hidden.pdf", ".git/x.pdf"])
    found = list(expand(folder, report_skipped=True))
    read = [f.path.name for f in found if not f.skipped]
    skipped = {f.path.name: f.error for f in found if f.skipped}
    assert read == ["a.txt"]
    assert set(skipped) == {"notes.pdf", "readme.docx", "LICENSE"}  # hidden files stay silent
    assert "unsupported file type .pdf" in skipped["notes.pdf"]
    assert "unsupported file type .docx" in skipped["readme.docx"]
    assert "no extension" in skipped["LICENSE"]


def test_without_the_option_the_walk_lists_only_files_to_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ["a.txt", "notes.pdf"])
    assert [(f.path.name, f.error, f.skipped) for f in expand(folder)] == [("a.txt", None, False)]


def test_many_skipped_files_give_one_summary(tmp_path: Path) -> None:
    names = [f"img{i:04d}.jpg" for i in range(MAX_NAMED_SKIPS + 20)] + ["scan.pdf", "story.txt"]
    folder = _folder(tmp_path, names)
    skipped = [f for f in expand(folder, report_skipped=True) if f.skipped]
    assert len(skipped) == 1 and skipped[0].path == folder
    reason = skipped[0].error or ""
    assert f"{MAX_NAMED_SKIPS + 21:,} files skipped" in reason
    assert ".jpg \u00d7" in reason and ".pdf \u00d71" in reason and "img0000.jpg" in reason


def test_skipped_file_names_cannot_smuggle_escape_sequences(tmp_path: Path) -> None:
    folder = _folder(tmp_path, [f"evil\x1b]0;x\x07{i}.bin" for i in range(MAX_NAMED_SKIPS + 1)])
    (reason,) = [f.error or "" for f in expand(folder, report_skipped=True) if f.skipped]
    assert "\x1b" not in reason and "\x07" not in reason
