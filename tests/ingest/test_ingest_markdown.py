"""Hostile Markdown and front matter: nothing slow, nothing walked, nothing lost silently."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing.ingest import load_paths

BODY = "Body text about the truce that held through the weekend, officials said.\n"


def _load(tmp_path: Path, text: str):
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    started = time.process_time()
    result = load_paths([path])
    assert time.process_time() - started < 5
    return path, result


def test_alias_bomb_in_front_matter_is_never_walked(tmp_path: Path) -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        levels.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    _, result = _load(tmp_path, "---\n" + "\n".join(levels) + "\ntitle: *i\nsource: *i\n---\n" + BODY)
    (article,) = result.articles
    assert article.title.startswith("Body text about the truce")
    assert article.source is None


@pytest.mark.parametrize(
    ("front", "reason"),
    [
        ("title: " + "9" * 5000, "front matter ignored: a value cannot be read"),
        ("title: [unclosed\nsource: x", "front matter ignored: YAML error at line 3, column 7"),
        ("- a\n- b", "front matter ignored: it is not a mapping of keys to values"),
        ("x: " + "[" * 5000 + "]" * 5000, "front matter ignored"),
    ],
    ids=["huge-integer", "syntax-error", "list", "deep-nesting"],
)
def test_bad_front_matter_is_named_and_the_body_still_loads(tmp_path: Path, front: str, reason: str) -> None:
    path, result = _load(tmp_path, f"---\n{front}\n---\n{BODY}")
    (article,) = result.articles
    assert article.text == BODY.strip()
    (warning,) = result.warnings
    assert warning.location == str(path)
    assert warning.reason.startswith(reason)


def test_odd_front_matter_values_are_not_used(tmp_path: Path) -> None:
    _, result = _load(tmp_path, f"---\ntitle: no\nsource: [a, b]\ndate: 99999-01-01\nurl: {{x: 1}}\n---\n{BODY}")
    (article,) = result.articles
    assert article.source is None and article.published is None and article.url is None
    assert article.title.startswith("Body text")


@pytest.mark.parametrize(
    "body",
    ["[" * 200_000 + "x", "*a **a " * 100_000, "[a](" * 100_000, "`" * 100_000 + " text", "<div>" * 100_000 + "text"],
    ids=["brackets", "emphasis", "links", "backticks", "html"],
)
def test_markup_heavy_bodies_load_quickly_as_plain_text(tmp_path: Path, body: str) -> None:
    _, result = _load(tmp_path, body)
    (article,) = result.articles
    assert article.notices[0] == "too much Markdown markup to render; read as plain text"


def test_nesting_beyond_the_renderer_keeps_the_text(tmp_path: Path) -> None:
    _, result = _load(tmp_path, "> " * 5_000 + "the words at the bottom")
    (article,) = result.articles
    assert "the words at the bottom" in article.text
    assert article.notices == ("the Markdown could not be rendered; read as plain text",)


def test_links_do_not_leak_urls_and_html_is_dropped(tmp_path: Path) -> None:
    _, result = _load(
        tmp_path,
        "The envoy [met](https://example.org/secret-path) both sides ![img](http://127.0.0.1/x.png) on Monday.\n\n"
        "<iframe src='file:///etc/passwd'></iframe><script>steal()</script>\n\nSecond paragraph here.\n",
    )
    (article,) = result.articles
    assert article.paragraphs == ("The envoy met both sides on Monday.", "Second paragraph here.")
