"""Every input kind loads from a real small fixture with the right text and metadata."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from briefing.ingest import load_paths

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"


def _one(path: Path):
    result = load_paths([path])
    assert result.warnings == []
    assert len(result.articles) == 1
    return result.articles[0]


def test_seeds_load_as_two_articles_with_titles_and_outlets(seed_paths: list[Path]) -> None:
    result = load_paths(seed_paths)
    assert result.warnings == []
    ap, presstv = result.articles
    assert ap.source == "The Associated Press"
    assert presstv.source == "Press TV"
    assert ap.title.startswith("Russian President Vladimir Putin ordered a partial pullout")
    assert presstv.title.startswith("Syria confirms that Russia")
    for article in (ap, presstv):
        assert 3 <= len(article.title.split()) <= 20
        assert article.text == "\n".join(article.paragraphs)
        assert article.path and article.path.endswith(".txt")
    assert "S/SH 11" not in presstv.text
    assert presstv.paragraphs[-1].endswith("Press TV reported.")
    # The credit line is metadata, not a sentence to summarise.
    assert "contributed to this report" not in ap.text
    assert ap.paragraphs[-1].endswith("as well as to Europe.")


def test_seed_sentences_index_the_text(seed_paths: list[Path]) -> None:
    for article in load_paths(seed_paths).articles:
        assert article.sentences
        for i, sentence in enumerate(article.sentences):
            assert sentence.index == i
            assert article.text[sentence.start : sentence.end] == sentence.text
            assert article.paragraphs[sentence.paragraph].find(sentence.text) >= 0


def test_seeds_keep_gold_character_offsets(seed_paths: list[Path]) -> None:
    """Gold spans index the file as decoded UTF-8; ingestion must not shift them."""
    for path in seed_paths:
        article = load_paths([path]).articles[0]
        raw = path.read_text(encoding="utf-8")
        assert raw.startswith(article.text)


def test_plain_text_with_dateline_and_reuters_trailer() -> None:
    article = _one(DATA / "plain.txt")
    assert article.source == "Reuters"
    assert article.title == "Fighting flared in the hills east of the city on Wednesday"
    assert "Reporting by" not in article.text
    assert len(article.paragraphs) == 3


def test_hard_wrapped_text_joins_lines_into_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text(
        "Heavy rain flooded the lower town overnight, and\nrescue teams worked until dawn.\n\n"
        "The mayor said schools\nwould stay closed on Friday.\n",
        encoding="utf-8",
    )
    article = _one(path)
    assert article.paragraphs == (
        "Heavy rain flooded the lower town overnight, and rescue teams worked until dawn.",
        "The mayor said schools would stay closed on Friday.",
    )


def test_markdown_front_matter_gives_metadata() -> None:
    article = _one(DATA / "frontmatter.md")
    assert article.title == "Aid convoy reaches besieged town"
    assert article.source == "Example Wire"
    assert article.published == dt.date(2024, 3, 5)
    assert article.url == "https://news.example.org/aid-convoy"
    assert article.paragraphs[0].startswith("The first aid convoy in three months reached the besieged town of Al-Qasr")
    assert "**" not in article.text and "](" not in article.text
    assert "Trucks carried flour and rice." in article.paragraphs
    assert "MARKDOWN SCRIPT" not in article.text
    assert "HIDDEN MARKDOWN TEXT" not in article.text


def test_markdown_heading_becomes_title() -> None:
    article = _one(DATA / "heading.md")
    assert article.title == "Shelling resumes near the border"
    assert article.paragraphs[0].startswith("Artillery fire resumed")


def test_html_page_main_text_without_boilerplate() -> None:
    article = _one(DATA / "page.html")
    assert article.title == "Ceasefire holds in northern province"
    assert article.source == "The Daily Example"
    assert article.published == dt.date(2024, 5, 2)
    assert article.paragraphs[0].startswith("A ceasefire between government forces")
    assert any("Amira Haddad" in p for p in article.paragraphs)
    for junk in ("cookies", "Home", "Related stories", "Privacy policy", "All rights reserved",
                 "SCRIPT TEXT", "STYLE TEXT", "HIDDEN TEXT", "ALSO HIDDEN", "pwned"):  # fmt: skip
        assert junk not in article.text, junk


def test_rss2_entries_are_articles_with_content_or_summary() -> None:
    result = load_paths([DATA / "rss2.xml"])
    assert result.warnings == []
    full, summary_only = result.articles
    assert full.title == "Talks resume in the capital"
    assert full.url == "https://herald.example.com/talks-resume"
    assert full.published == dt.date(2016, 3, 14)
    assert full.source == "Example Herald World News"
    assert full.paragraphs[0].startswith("Peace talks between the government and the opposition")
    assert "teaser" not in full.text
    assert "FEED SCRIPT TEXT" not in full.text and "FEED HIDDEN TEXT" not in full.text
    assert summary_only.paragraphs == (
        "Hundreds of families returned to villages in the north on Tuesday as the ceasefire held for a second week, aid workers said.",
    )
    assert summary_only.published == dt.date(2016, 3, 15)


def test_atom_entries_are_articles() -> None:
    result = load_paths([DATA / "atom.xml"])
    assert result.warnings == []
    content, summary = result.articles
    assert content.title == "Ceasefire violations reported in the east"
    assert content.url == "https://monitor.example.net/violations"
    assert content.published == dt.date(2024, 6, 1)
    assert content.paragraphs[1] == "Most of the incidents involved small-arms fire near the front line."
    assert "Summary only" not in content.text
    assert summary.text.startswith("The special envoy met the two delegations")
    assert summary.published == dt.date(2024, 6, 2)


def test_folder_loads_recursively_in_stable_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    texts = {
        "z.txt": "Zeta story about the harbour reopening after repairs.",
        "a/deep/m.txt": "Mid story about the bridge that was rebuilt last year.",
        "a/k.txt": "Kappa story about the market that reopened on Sunday.",
        "b/c.txt": "Gamma story about the dam that was inspected on Monday.",
        "b/ignored.png": "not an article",
        ".hidden/x.txt": "Hidden folder story that is skipped.",
    }
    for name, text in texts.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    first = load_paths([tmp_path])
    second = load_paths([tmp_path])
    assert [Path(w.location).name for w in first.warnings] == ["ignored.png"]  # named, never read
    names = [Path(a.path).relative_to(tmp_path).as_posix() for a in first.articles]
    assert names == ["a/deep/m.txt", "a/k.txt", "b/c.txt", "z.txt"]
    assert [a.id for a in first.articles] == [a.id for a in second.articles]


def test_progress_reports_every_file(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Story number {i} about the river crossing.", encoding="utf-8")
    calls: list[tuple[int, int]] = []
    load_paths([tmp_path], progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_identical_articles_load_once(tmp_path: Path, seed_paths: list[Path]) -> None:
    copy = tmp_path / "copy.txt"
    shutil.copy(seed_paths[0], copy)
    result = load_paths([seed_paths[0], copy])
    assert len(result.articles) == 1
    assert [w.location for w in result.warnings] == [str(copy)]
    assert "same text as" in result.warnings[0].reason


def test_ids_are_stable_and_short(seed_paths: list[Path]) -> None:
    first = [a.id for a in load_paths(seed_paths).articles]
    assert first == [a.id for a in load_paths(seed_paths).articles]
    assert all(len(i) == 12 for i in first) and len(set(first)) == 2


SAMPLE = "Caf\u00e9 owners said the \u201cceasefire\u201d held \u2014 na\u00efvely, some thought. Prices rose 5\u20ac."


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("cp1252", b"")],
)
def test_encodings_come_out_as_the_right_characters(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "enc.txt"
    path.write_bytes(prefix + (SAMPLE + "\n") .encode(encoding) * 3)
    result = load_paths([path])
    assert result.warnings == []
    assert result.articles[0].paragraphs[0] == SAMPLE


def test_cp1252_html_without_charset(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    body = f"<html><body><article><p>{SAMPLE}</p><p>{SAMPLE} Again.</p></article></body></html>"
    path.write_bytes(body.encode("cp1252"))
    result = load_paths([path])
    assert result.warnings == []
    assert SAMPLE in result.articles[0].text
