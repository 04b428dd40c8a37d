"""Article building: outlets from news conventions, titles from the lede, trailers, caps."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import IngestSettings
from briefing.ingest import load_paths
from briefing.ingest.article import Draft, article_id, build_article, infer_title
from briefing.ingest.credits import outlet_from_text, split_dateline, strip_datelines, strip_trailer

BODY = [
    "Officials said on Friday that the border crossing would reopen next week after months of closure.",
    "Traders welcomed the decision but said the damage to local businesses would take years to repair.",
]


def _build(paragraphs: list[str], **kw: object):
    return build_article(Draft(list(paragraphs), **kw), IngestSettings())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("credit", "outlet"),
    [
        ("The Associated Press contributed to this report.", "The Associated Press"),
        ("Agence France-Presse contributed to this report.", "Agence France-Presse"),
        ("Reuters contributed reporting.", "Reuters"),
        ("AFP contributed to this story.", "Agence France-Presse"),
        ("Copyright 2019 The Example Times. All rights reserved.", "The Example Times"),
        ("\u00a9 2020 Example Broadcasting Network", "Example Broadcasting Network"),
    ],
)
def test_credit_lines_name_the_outlet_and_are_removed(credit: str, outlet: str) -> None:
    article = _build([*BODY, credit])
    assert article.source == outlet
    assert credit not in article.text
    assert article.paragraphs == tuple(BODY)


def test_possessive_credit_names_the_outlet() -> None:
    assert _build([*BODY, "ABC News' Jane Roe contributed to this report."]).source == "ABC News"


def test_place_only_dateline_is_not_in_the_title() -> None:
    lede = "MOSCOW \u2014 Russia said on Monday it would withdraw most of its forces from the region."
    article = _build([lede, *BODY])
    assert article.title.startswith("Russia said on Monday") and article.source is None


def test_a_person_credit_is_removed_but_names_no_outlet() -> None:
    article = _build([*BODY, "Maria Lopez contributed reporting from Caracas."])
    assert article.source is None
    assert "Maria Lopez" not in article.text


@pytest.mark.parametrize(
    ("last", "outlet"),
    [
        ("The talks are due to resume next month, Al Jazeera reported.", "Al Jazeera"),
        ("Dozens of families fled overnight, the BBC reported on Tuesday.", "BBC"),
        ("Shelling continued into the night, Example News Agency reports.", "Example News Agency"),
    ],
)
def test_closing_attribution_names_the_outlet_and_stays_in_text(last: str, outlet: str) -> None:
    article = _build([*BODY, last])
    assert article.source == outlet
    assert article.paragraphs[-1] == last


def test_lower_case_attribution_is_not_an_outlet() -> None:
    assert outlet_from_text([*BODY, "Casualties rose sharply, the ministry reported."]) is None


@pytest.mark.parametrize(
    ("lede", "outlet"),
    [
        ("MOSCOW (Reuters) - Russia said on Monday it would withdraw troops.", "Reuters"),
        ("BEIRUT, Lebanon (AP) \u2014 Clashes erupted overnight in the north.", "The Associated Press"),
        ("GENEVA, March 14 (Xinhua) -- Talks resumed on Monday.", "Xinhua"),
        ("KYIV (AFP) - Air raid sirens sounded across the country.", "Agence France-Presse"),
        ("(CNN) -- The search continued on Thursday for the missing hikers.", "CNN"),
        ("London (CNN) Did a drone hit an airliner trying to land at the airport?", "CNN"),
        ("KIEV, April 7. /ITAR-TASS/. The council turned to the Russian president for help.", "ITAR-TASS"),
    ],
)
def test_dateline_names_the_outlet_and_is_not_in_the_title(lede: str, outlet: str) -> None:
    article = _build([lede, *BODY])
    assert article.source == outlet
    assert "(" not in article.title and article.title[0].isupper()


@pytest.mark.parametrize("code", ["S/SH 11", "AB/MHB", "jm/sst", "bur-fz/ach", "-30-", "###", "ENDS", "SH 12"])
def test_trailing_wire_codes_are_removed(code: str) -> None:
    article = _build([*BODY, code])
    assert article.paragraphs == tuple(BODY)


@pytest.mark.parametrize("last", ["Follow-up", "Ceasefire", "Talks resume today."])
def test_short_last_lines_without_a_code_shape_are_kept(last: str) -> None:
    """("Read more." was one of these; it is page furniture now, see test_ingest_furniture.py.)"""
    assert _build([*BODY, last]).paragraphs[-1] == last


def test_wire_code_lookalike_inside_text_is_kept() -> None:
    paragraphs = ["S/SH 11", *BODY]  # only trailing codes are desk codes
    assert _build(paragraphs).paragraphs[0] == "S/SH 11"


def test_metadata_wins_over_inference() -> None:
    article = _build([*BODY, "The Associated Press contributed to this report."], title="Crossing to reopen", source="Example Daily")
    assert article.title == "Crossing to reopen"
    assert article.source == "Example Daily"


def test_title_is_cut_at_a_clause_outside_quotes() -> None:
    lede = (
        "Government forces recaptured the northern town of Example on Sunday after weeks of heavy fighting, "
        "the army said, in a major setback for the rebels."
    )
    article = _build([lede, *BODY])
    assert article.title == "Government forces recaptured the northern town of Example on Sunday after weeks of heavy fighting"


def test_title_never_leaves_a_quotation_open() -> None:
    lede = (
        'The minister said the offensive was "a necessary step to restore order in the region and protect the '
        'civilians who live there from further attacks by armed groups," officials reported.'
    )
    title = _build([lede, *BODY]).title
    assert title.count('"') % 2 == 0
    assert title.startswith("The minister said the offensive was")


def test_short_lede_is_the_title_without_final_period() -> None:
    lede = "Fighting resumed in the north on Sunday, residents said."
    assert _build([lede, *BODY]).title == "Fighting resumed in the north on Sunday, residents said"


def test_captions_and_share_buttons_are_not_the_lede() -> None:
    junk = ["SHARE THIS ARTICLE Share Tweet Post Email", "Image caption Rescuers at the scene on Sunday"]
    assert _build([*junk, *BODY]).title == "Officials said on Friday that the border crossing would reopen next week after months of closure"


def test_headline_repeated_as_first_paragraph_is_dropped() -> None:
    article = _build(["Crossing to reopen", *BODY], title="Crossing to reopen")
    assert article.paragraphs == tuple(BODY)


def test_article_words_are_truncated_with_a_notice() -> None:
    paragraphs = [" ".join(f"word{i}" for i in range(100)) + "." for _ in range(10)]
    article = build_article(Draft(paragraphs), IngestSettings(max_article_words=250))
    assert article.words <= 251  # the ellipsis marks the cut
    assert len(article.paragraphs) == 3
    assert article.notices == ("truncated to 250 words of about 1,000 (ingest.max_article_words)",)
    assert article.text == "\n".join(article.paragraphs)


def test_exact_total_when_only_slightly_over() -> None:
    paragraphs = [" ".join(f"w{i}" for i in range(100)) + "." for _ in range(3)]
    article = build_article(Draft(paragraphs), IngestSettings(max_article_words=250))
    assert article.notices == ("truncated to 250 words of 300 (ingest.max_article_words)",)


def test_no_sentence_exceeds_the_cap_and_spans_still_index_text() -> None:
    run_on = ", ".join(f"clause number {i} of a very long list" for i in range(400)) + "."
    one_token = "x" * 5000
    article = build_article(Draft([run_on, one_token, *BODY]), IngestSettings(max_sentence_chars=300))
    assert all(len(s.text) <= 300 for s in article.sentences)
    assert len(article.sentences) > 40
    for i, s in enumerate(article.sentences):
        assert s.index == i
        assert article.text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    covered = "".join(s.text for s in article.sentences if s.paragraph == 1)
    assert covered == one_token


def test_id_ignores_whitespace_case_and_quote_style() -> None:
    assert article_id("He said \u201cyes\u201d \u2014 twice.") == article_id('he  said "yes" - twice.')
    assert article_id("one text") != article_id("another text")


def test_empty_after_cleaning_is_refused() -> None:
    from briefing.ingest.errors import IngestError

    with pytest.raises(IngestError, match="no text"):
        _build(["   ", "\x1b[31m\x1b[0m"])
    with pytest.raises(IngestError, match="only credit lines or wire codes"):
        _build(["The Associated Press contributed to this report.", "S/SH 11"])


def test_strip_trailer_handles_several_lines() -> None:
    kept, outlet = strip_trailer([*BODY, "Reuters contributed to this report.", "(Editing by Jane Roe)", "S/SH 11"])
    assert kept == BODY and outlet == "Reuters"


def test_infer_title_falls_back_to_first_paragraph_without_sentences() -> None:
    assert infer_title((), ["Short lede here."]) == "Short lede here"


# --- datelines and titles ---------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parents[2]


COUNCIL_BODY = [
    "The council met for six hours before the vote, which passed by a wide margin.",
    "Opposition members walked out before the end of the session in protest.",
]


def _build_with(paragraphs: list[str], **meta: object) -> object:
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
    article = _build_with([lede, *COUNCIL_BODY])
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
    article = _build_with([lede, *COUNCIL_BODY])
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
        *COUNCIL_BODY,
    ]
    article = _build_with(paragraphs)
    assert article.title.startswith("The regional council voted")
    assert article.source == "EXAMPLE-TASS"
    assert not any("/EXAMPLE-TASS/" in p for p in article.paragraphs)


def test_only_the_first_dateline_is_removed() -> None:
    kept, outlet = strip_datelines(["PORT VELA (AP) \u2014 Talks resumed.", "EASTPORT \u2014 Later, crowds gathered."])
    assert kept == ["Talks resumed.", "EASTPORT \u2014 Later, crowds gathered."] and outlet == "The Associated Press"


def test_a_paragraph_that_was_only_a_dateline_is_dropped() -> None:
    article = _build_with(["CHRISTCHURCH, New Zealand |", *COUNCIL_BODY])
    assert article.paragraphs == tuple(COUNCIL_BODY)


def test_a_metadata_title_loses_its_dateline() -> None:
    article = _build_with(COUNCIL_BODY, title="PORT VELA (Reuters) - Council backs referendum plan")
    assert article.title == "Council backs referendum plan"
    assert article.source == "Reuters"


def test_a_headline_joining_names_with_a_dash_keeps_them() -> None:
    article = _build_with(COUNCIL_BODY, title="EU \u2014 Northland fishing deal collapses after talks")
    assert article.title == "EU \u2014 Northland fishing deal collapses after talks"


def test_a_photo_caption_is_not_taken_as_the_title() -> None:
    caption = (
        "Relatives of the missing fishermen react after they were found alive, in Port Vela, Northland, "
        "Tuesday, March 3, 2020. Rescuers found all nine men late Monday, more than... (Associated Press)"
    )
    article = _build_with([caption, "PORT VELA (AP) \u2014 Nine fishermen missing for a week were found alive on an islet.", *COUNCIL_BODY])
    assert article.title.startswith("Nine fishermen missing for a week")
    assert article.source == "The Associated Press"


def test_seed_sentence_counts_are_unchanged() -> None:
    articles = load_paths(sorted((ROOT / "seeds").glob("*.txt")), IngestSettings()).articles
    assert sorted(len(a.sentences) for a in articles) == [16, 45]


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ("-- The remains of all four crew members have been recovered.", "The remains of all four crew members"),
        ("\u2022 Talks resume in the capital on Monday.", "Talks resume in the capital on Monday."),
        ("\u2014 The ministry said the bridge would stay closed.", "The ministry said the bridge would stay closed."),
    ],
)
def test_a_list_marker_typed_as_text_is_not_part_of_the_sentence(paragraph: str, text: str) -> None:
    article = _build([BODY[0], paragraph, BODY[1]])
    assert article.paragraphs[1].startswith(text)
    assert article.sentences[1].text.startswith(text)


@pytest.mark.parametrize(
    "paragraph",
    ["-40 degrees were recorded at the station overnight.", "--help is the flag the tool documents for this."],
)
def test_a_dash_that_is_part_of_the_text_stays(paragraph: str) -> None:
    assert _build([*BODY, paragraph]).paragraphs[-1] == paragraph


def test_items_without_a_verb_in_a_list_a_lead_in_introduces_keep_their_marker() -> None:
    article = _build([
        BODY[0],
        "Who was hit in the raids?",
        "-- The rebel command in its northern stronghold.",
        "-- A smaller group in the hills near the border.",
        "-- The army said it destroyed two depots near the border.",
        BODY[1],
        "-- The ministry said the bridge would stay closed until Friday.",
    ])
    assert article.paragraphs[2].startswith("-- The rebel command")
    assert article.paragraphs[3].startswith("-- A smaller group")
    assert article.paragraphs[4].startswith("The army said")
    assert article.paragraphs[6].startswith("The ministry said")
