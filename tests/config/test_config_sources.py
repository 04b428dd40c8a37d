"""`sources:`: addresses and folders for `briefing fetch`, each refused at its line when it could not work."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import ConfigError, SourceSettings, load_settings


def _load(tmp_path: Path, text: str) -> tuple[SourceSettings, ...]:
    path = tmp_path / "briefing.yaml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path).sources


def _refused(tmp_path: Path, text: str) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, text)
    return caught.value


def test_no_sources_by_default() -> None:
    assert load_settings().sources == ()


def test_plain_entries_are_addresses_or_folders(tmp_path: Path) -> None:
    sources = _load(tmp_path, "sources:\n  - https://example.org/world/rss.xml\n  - inbox\n  - ~/news\n")
    assert sources[0] == SourceSettings(url="https://example.org/world/rss.xml")
    assert sources[1].path == str((tmp_path / "inbox").resolve())  # relative to the config file's folder
    assert sources[2].path == str(Path("~/news").expanduser().resolve())
    assert [s.label for s in sources][:1] == ["https://example.org/world/rss.xml"]


def test_mapping_entries_carry_a_name_and_a_story(tmp_path: Path) -> None:
    (source,) = _load(tmp_path, "sources:\n  - url: http://example.org/feed\n    name: Example Wire\n    story: sudan\n")
    assert source == SourceSettings(url="http://example.org/feed", name="Example Wire", story="sudan")
    assert source.label == "Example Wire" and source.location == "http://example.org/feed"


def test_null_sources_is_none(tmp_path: Path) -> None:
    assert _load(tmp_path, "sources:\n") == ()


def test_a_user_list_replaces_the_default(tmp_path: Path) -> None:
    assert len(_load(tmp_path, "sources: [https://a.example/feed, https://b.example/feed]\n")) == 2


@pytest.mark.parametrize(
    ("text", "line", "column", "fragments"),
    [
        ("sources:\n  - ftp://example.org/feed\n", 2, 5, ("sources[0] must be an http or https address", "ftp://")),
        ("sources:\n  - file:///etc/passwd\n", 2, 5, ("must be an http or https address",)),
        ("sources:\n  - url: https://\n", 2, 10, ("sources[0].url is not a usable address",)),
        ("sources:\n  - url: /srv/news\n", 2, 10, ("sources[0].url must be an http or https address",)),
        ("sources:\n  - path: https://example.org/feed\n", 2, 11, ("is an address, not a folder", "url:")),
        ("sources:\n  - name: Wire\n", 2, 5, ("sources[0] has neither url nor path",)),
        ("sources:\n  - url: https://a.example/f\n    path: news\n", 2, 5, ("has both url and path",)),
        ("sources:\n  - urll: https://a.example/f\n", 2, 5, ("unknown setting sources[0].urll", "did you mean 'url'")),
        ("sources:\n  - https://a.example/f\n  - https://a.example/f\n", 3, 5, ("listed twice", "first on line 2")),
        ("sources: https://a.example/f\n", 1, 10, ("sources must be a list", "'https://a.example/f'")),
        ("sources:\n  url: https://a.example/f\n", 2, 3, ("sources must be a list", "a mapping")),
        ("sources:\n  - [https://a.example/f]\n", 2, 5, ("sources[0] must be an address, a folder or a mapping",)),
        ("sources:\n  - url: https://a.example/f\n    story: no\n", 3, 12, ("sources[0].story must be text", "boolean")),
        ("sources:\n  - url: https://a.example/f\n    name: ''\n", 3, 11, ("sources[0].name must not be empty",)),
        ("sources:\n  - url: https://a.example/f\n    name: \"a\\x1bb\"\n", 3, 11, ("control",)),
        ("sources:\n  - \"\"\n", 2, 5, ("sources[0] must not be empty",)),
        (f"sources:\n  - url: https://a.example/f\n    story: {'s' * 101}\n", 3, 12, ("longer than 100",)),
    ],
)
def test_unusable_entries_are_refused_at_their_line(
    tmp_path: Path, text: str, line: int, column: int, fragments: tuple[str, ...]
) -> None:
    error = _refused(tmp_path, text)
    assert (error.line, error.column) == (line, column), str(error)
    for fragment in fragments:
        assert fragment in str(error)


def test_windows_drive_letters_are_folders_not_schemes(tmp_path: Path) -> None:
    (source,) = _load(tmp_path, 'sources:\n  - "C:/news"\n')
    assert source.url is None and source.path is not None
