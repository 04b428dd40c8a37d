"""A folder never reaches outside itself through a symbolic link (issue 18, point 2).

Links that stay inside the folder are followed; links out of it (to `..`, to
`/etc`, to a single file elsewhere) are not, and are named in one warning that
says nothing of what lies beyond them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.config import IngestSettings
from briefing.ingest import list_sources, load_paths
from briefing.ingest.files import expand

ARTICLE = "The council met on Tuesday to discuss the harbour repairs. Work is expected to start in May.\n"
SECRET = "The private notes of someone else were kept here and must never be loaded as an article.\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """root/ holds two articles and five links: two inside, three out (.., /etc, a file outside)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret-notes.txt").write_text(SECRET)
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE)
    (root / "sub" / "b.txt").write_text(ARTICLE.replace("harbour", "bridge"))
    (root / "same-sub").symlink_to("sub")  # inside: followed
    (root / "also-a.txt").symlink_to(root / "a.txt")  # inside, absolute: followed
    (root / "up").symlink_to("..")
    (root / "system").symlink_to("/etc")
    (root / "notes.txt").symlink_to(outside / "secret-notes.txt")
    return root


def _inside(path: Path, root: Path) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def test_only_files_inside_the_folder_are_listed(tree: Path) -> None:
    warnings: list = []
    sources = list_sources([tree], 1000, warnings)
    assert sources and all(_inside(Path(s), tree) for s in sources), sources
    names = sorted(Path(s).relative_to(tree).as_posix() for s in sources)
    assert names == ["a.txt", "also-a.txt", "same-sub/b.txt", "sub/b.txt"]


def test_links_out_are_named_in_one_warning_without_what_lies_beyond(tree: Path) -> None:
    warnings: list = []
    list_sources([tree], 1000, warnings)
    outward = [w for w in warnings if "outside" in w.reason]
    assert len(outward) == 1, [w.reason for w in warnings]
    reason = outward[0].reason
    assert reason.startswith("3 symbolic links lead outside the folder and were not followed: ")
    assert all(name in reason for name in ("notes.txt", "system", "up"))
    assert outward[0].location == str(tree)
    everything = " ".join(f"{w.location} {w.reason}" for w in warnings)
    for beyond in ("secret-notes", "outside/", "/etc", "passwd", "hosts", "root/a.txt"):
        assert beyond not in everything
    assert not [w for w in warnings if "loop" in w.reason]  # `up` is not walked, so no loop either


def test_a_link_to_the_root_of_the_file_system_loads_nothing_from_it(tmp_path: Path) -> None:
    root = tmp_path / "news"
    root.mkdir()
    (root / "a.txt").write_text(ARTICLE)
    (root / "everything").symlink_to("/")
    found = [e for e in expand(root, report_skipped=True)]
    assert [e.path.name for e in found if not e.error] == ["a.txt"]
    assert [e.error for e in found if e.error] == [
        "1 symbolic link leads outside the folder and was not followed: everything"
    ]


def test_the_given_folder_may_itself_be_a_link(tmp_path: Path, tree: Path) -> None:
    alias = tmp_path / "alias"
    alias.symlink_to(tree)
    paths = [e.path for e in expand(alias) if not e.error]
    assert sorted(p.relative_to(alias).as_posix() for p in paths) == ["a.txt", "also-a.txt", "same-sub/b.txt", "sub/b.txt"]


def test_a_file_named_explicitly_through_a_link_is_still_read(tree: Path) -> None:
    """The rule is about walking a folder; a file the user names is read wherever it lives."""
    assert [e.error for e in expand(tree / "notes.txt")] == [None]


def test_loading_the_folder_never_reads_the_outside_file(tree: Path) -> None:
    result = load_paths([str(tree)], IngestSettings())
    assert result.articles
    assert all("private notes" not in a.text for a in result.articles)
    assert all(_inside(Path(a.path), tree) for a in result.articles if a.path)


def test_many_links_out_are_summarised(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "a.txt").write_text(ARTICLE)
    for k in range(14):
        (root / f"out-{k:02d}").symlink_to(tmp_path)
    errors = [e.error for e in expand(root) if e.error]
    assert len(errors) == 1
    assert errors[0].startswith("14 symbolic links lead outside the folder and were not followed: out-00, out-01")
    assert errors[0].endswith("and 4 more")
