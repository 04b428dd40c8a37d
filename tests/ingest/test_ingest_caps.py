"""Every input is refused by a cap or loads well under 5 s (IngestSettings defaults)."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
import yaml

from briefing.config import IngestSettings, config_dir
from briefing.ingest import load_paths

LIMIT_S = 5.0
WORDS = "the army said rebels fired on the town near the river and talks resumed in the capital on monday".split()


def _sentence(rng: random.Random, n: int = 20) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _timed(paths: list[Path], settings: IngestSettings | None = None):
    # CPU seconds, not wall time (as main's other bounded-time guards): one file is built in
    # this process, and a loaded 2-core machine stretched the wall clock past the limit.
    started = time.process_time()
    result = load_paths(paths, settings)
    elapsed = time.process_time() - started
    assert elapsed < LIMIT_S, f"took {elapsed:.1f} s"
    return result


def _cap_bytes() -> int:
    return IngestSettings().max_file_bytes - 1_000


@pytest.fixture(scope="module")
def rng() -> random.Random:
    return random.Random(42)


def test_largest_allowed_text_is_truncated_in_time(tmp_path: Path, rng: random.Random) -> None:
    path = tmp_path / "huge.txt"
    lines, size = [], 0
    while size < _cap_bytes():
        line = " ".join(_sentence(rng) for _ in range(4))
        lines.append(line)
        size += len(line) + 1
    path.write_text("\n".join(lines)[: _cap_bytes()], encoding="utf-8")
    (article,) = _timed([path]).articles
    assert article.words <= IngestSettings().max_article_words + 1
    assert any(n.startswith("truncated to 50,000 words of about") for n in article.notices)


def test_one_giant_line_without_spaces(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"A" * _cap_bytes())
    (article,) = _timed([path]).articles
    assert len(article.text) <= IngestSettings().max_article_words * 20
    assert all(len(s.text) <= IngestSettings().max_sentence_chars for s in article.sentences)
    assert any("characters" in n for n in article.notices)


def test_one_giant_sentence_is_split_under_the_cap(tmp_path: Path, rng: random.Random) -> None:
    path = tmp_path / "runon.txt"
    path.write_text(", ".join(" ".join(rng.choice(WORDS) for _ in range(8)) for _ in range(20_000)), encoding="utf-8")
    (article,) = _timed([path]).articles
    cap = IngestSettings().max_sentence_chars
    assert max(len(s.text) for s in article.sentences) <= cap
    assert all(article.text[s.start : s.end] == s.text for s in article.sentences)


def test_largest_allowed_html_page(tmp_path: Path, rng: random.Random) -> None:
    path = tmp_path / "huge.html"
    body, size = [], 0
    while size < _cap_bytes() - 200:
        block = f"<div class='x'><p>{_sentence(rng)} {_sentence(rng)}</p><a href='/l'>link</a></div>"
        body.append(block)
        size += len(block)
    path.write_text("<html><body><article>" + "".join(body) + "</article></body></html>", encoding="utf-8")
    (article,) = _timed([path]).articles
    assert article.words <= IngestSettings().max_article_words + 1


def test_largest_allowed_feed_is_capped_in_entries_and_time(tmp_path: Path, rng: random.Random) -> None:
    items, size, n = [], 0, 0
    while size < _cap_bytes() - 500:
        n += 1
        item = f"<item><title>E{n}</title><link>https://e.example/{n}</link><description>{_sentence(rng, 30)}</description></item>"
        items.append(item)
        size += len(item)
    path = tmp_path / "huge.xml"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{"".join(items)}</channel></rss>', encoding="utf-8")
    result = _timed([path])
    assert len(result.articles) == IngestSettings().max_feed_entries
    assert f"feed has {n:,} entries; only the first 500 loaded" in result.warnings[0].reason


def test_broken_huge_feed_is_capped_too(tmp_path: Path, rng: random.Random) -> None:
    items = "".join(
        f"<item><title>E{n}</title><description>{_sentence(rng, 30)} &nbsp; <b>bold</description></item>" for n in range(12_000)
    )
    path = tmp_path / "broken.xml"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}', encoding="utf-8")
    result = _timed([path], IngestSettings(max_file_bytes=10_000_000))
    assert 0 < len(result.articles) <= 500


def test_many_small_files_stop_at_max_files(tmp_path: Path) -> None:
    for i in range(60):
        (tmp_path / f"{i:03}.txt").write_text(f"Report {i} on the crossing that reopened on day {i}.", encoding="utf-8")
    result = _timed([tmp_path], IngestSettings(max_files=25))
    assert len(result.articles) == 25
    assert result.warnings[-1].reason.startswith("more than 25 files")


def test_file_over_the_cap_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "sparse.txt"
    with open(path, "wb") as handle:  # a sparse 2 GB file: reading it would exhaust memory
        handle.truncate(2_000_000_000)
    result = _timed([path])
    assert result.articles == []
    assert result.warnings[0].reason.startswith("file too large (2000.0 MB; the limit is 5.0 MB")


def test_caps_have_the_documented_defaults() -> None:
    s = IngestSettings()
    assert (s.max_file_bytes, s.max_article_words, s.max_sentence_chars, s.max_feed_entries, s.max_html_depth) == (
        5_000_000, 50_000, 2_000, 500, 200
    )


# --- the file cap -------------------------------------------------------------------------------
def test_max_files_default_is_the_documented_one() -> None:
    shipped = yaml.safe_load((config_dir() / "default.yaml").read_text(encoding="utf-8"))
    assert shipped["ingest"]["max_files"] == IngestSettings().max_files == 10_000
