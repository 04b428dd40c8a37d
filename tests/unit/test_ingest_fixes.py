"""Ingest fixes: datelines out of titles and ledes, captions not taken as titles, folder
walks that name the files they skip. All article text here is invented for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import IngestSettings
from briefing.ingest import load_paths
from briefing.ingest.article import Draft, build_article
from briefing.ingest.credits import split_dateline, strip_datelines
from briefing.ingest.files import MAX_NAMED_SKIPS, expand

ROOT = Path(__file__).resolve().parents[2]
BODY = [
    "The council met for six hours before the vote, which passed by a wide margin.",
    "Opposition members walked out before the end of the session in protest.",
]


def _build(paragraphs: list[str], **meta: object) -> object:
    return build_article(Draft(paragraphs=list(paragraphs), **meta), IngestSettings())


@pytest.mark.parametrize(
    ("lede", "rest", "outlet"),
    [
        ("PORT VELA (Reuters) - Protests spread to three more towns on Sunday.", "Protests spread", "Reuters"),
        ("PORT VELA, Northland (AP) \u2014 Protests spread to three more towns in the east overnight.", "Protests spread", "The Associated Press"),
        ("EASTPORT/WESTPORT, Ukraine \u2014 Protesters seized two town halls and a police station on Sunday.", "Protesters seized", None),
        ("EASTPORT/WESTPORT, Ukraine Protesters seized two town halls and a police station on Sunday.", "Protesters seized", None),
        ("HILLCREST, Calif. -- A teenager was sentenced to ten years in prison.", "A teenager was", None),
        ("MOSCOW \u2014 Under the eye of state television, crowds gathered.", "Under the eye", None),
    ],
)
def test_datelines_are_removed_from_the_lede_and_keep_their_agency(lede: str, rest: str, outlet: str | None) -> None:
    article = _build([lede, *BODY])
    assert article.paragraphs[0].startswith(rest)
    assert article.sentences[0].text.startswith(rest)
    assert article.title.startswith(rest)
    assert article.source == outlet


@pytest.mark.parametrize(
    ("lede", "dated", "rest", "outlet"),
    [
        ("NORTHVILLE, April 7. /EXAMPLE-TASS/. The council asked the neighbouring state for a peacekeeping force.",
         "NORTHVILLE, April 7.", "The council asked", "EXAMPLE-TASS"),
        ("RIVERTON, April 18 A collector paid a record sum for the old map at the auction.",
         "RIVERTON, April 18.", "A collector paid", None),
        ("PORT VELA, Jan. 6, 2015 (Xinhua) -- Talks on the new fishing quotas resumed in the capital.",
         "PORT VELA, Jan. 6, 2015.", "Talks on the new", "Xinhua"),
    ],
)
def test_a_dateline_that_gives_a_date_keeps_it_on_a_line_of_its_own(
    lede: str, dated: str, rest: str, outlet: str | None
) -> None:
    """The date anchors the timeline's weekdays; the lede and the title start with the story."""
    article = _build([lede, *BODY])
    assert article.paragraphs[0] == dated
    assert article.paragraphs[1].startswith(rest)
    assert article.title.startswith(rest)
    assert article.source == outlet


@pytest.mark.parametrize(
    "text",
    [
        "NATO, Russia Trade Barbs Over Missile Tests",  # a headline, not a glued dateline
        "TRUMP: Well, I think the talks went very well.",  # a transcript's speaker
        "U.S., Canada agree on new fishing quotas for the coming season.",
        "The council met in PORT VELA on Monday.",
        "US - China trade talks resumed in the capital on Monday after a long pause.",  # names joined by a hyphen
    ],
)
def test_text_that_only_looks_like_a_dateline_is_kept(text: str) -> None:
    assert split_dateline(text) == (text, None, False)


def test_a_dateline_after_captions_and_share_buttons_is_found() -> None:
    paragraphs = [
        "Share on Facebook Share on Twitter",
        "Gallery 12 photo Gallery Situation in Eastport",
        "EASTPORT, May 2. /EXAMPLE-TASS/. The regional council voted to hold a referendum in June.",
        *BODY,
    ]
    article = _build(paragraphs)
    assert article.title.startswith("The regional council voted")
    assert article.source == "EXAMPLE-TASS"
    assert not any("/EXAMPLE-TASS/" in p for p in article.paragraphs)


def test_only_the_first_dateline_is_removed() -> None:
    kept, outlet = strip_datelines(["PORT VELA (AP) \u2014 Talks resumed.", "EASTPORT \u2014 Later, crowds gathered."])
    assert kept == ["Talks resumed.", "EASTPORT \u2014 Later, crowds gathered."] and outlet == "The Associated Press"


def test_a_paragraph_that_was_only_a_dateline_is_dropped() -> None:
    article = _build(["CHRISTCHURCH, New Zealand |", *BODY])
    assert article.paragraphs == tuple(BODY)


def test_a_metadata_title_loses_its_dateline() -> None:
    article = _build(BODY, title="PORT VELA (Reuters) - Council backs referendum plan")
    assert article.title == "Council backs referendum plan"
    assert article.source == "Reuters"


def test_a_headline_joining_names_with_a_dash_keeps_them() -> None:
    article = _build(BODY, title="EU \u2014 Northland fishing deal collapses after talks")
    assert article.title == "EU \u2014 Northland fishing deal collapses after talks"


def test_a_photo_caption_is_not_taken_as_the_title() -> None:
    caption = (
        "Relatives of the missing fishermen react after they were found alive, in Port Vela, Northland, "
        "Tuesday, March 3, 2020. Rescuers found all nine men late Monday, more than... (Associated Press)"
    )
    article = _build([caption, "PORT VELA (AP) \u2014 Nine fishermen missing for a week were found alive on an islet.", *BODY])
    assert article.title.startswith("Nine fishermen missing for a week")
    assert article.source == "The Associated Press"


def test_seed_sentence_counts_are_unchanged() -> None:
    articles = load_paths(sorted((ROOT / "seeds").glob("*.txt")), IngestSettings()).articles
    assert sorted(len(a.sentences) for a in articles) == [16, 45]


# -- folder walks name what they skip ---------------------------------------------------


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
