"""Page furniture is removed where articles are built, so nothing downstream can quote it."""

from __future__ import annotations

import pytest

from briefing.config import IngestSettings
from briefing.ingest.article import Draft, build_article
from briefing.ingest.furniture import drop_credit_lines, is_furniture, remove_furniture
from briefing.ingest.furniture_inline import strip_inline

STORY = [
    "The two armies agreed on Sunday to pull their heavy guns back from the northern front line.",
    "Monitors from the regional bloc will check the withdrawal over the next ten days, officials said.",
    "Fighting had killed at least 40 people along the front since the start of the month.",
    "Villagers who fled the shelling said they would wait for the monitors before going home.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Advertisement:",
        "Advertisement Continue reading the main story",
        "Story Continued Below",
        "Continue Reading",
        "Photo",
        "More On This...",
        "[pullquote]",
        "--",
        "7 years ago",
        "Updated 2:31 PM ET, Mon March 3, 2014",
        "Sign up for Daily Newsletters Manage Newsletters",
        "Get the Example Stories you care about delivered to your inbox. By signing up, you agree to our Privacy Policy",
        "Follow us on Twitter @ExampleOpinion.",
        "Click for more from the Example Gazette.",
        "Read or Share this story: http://exa.mp/1abc",
        "Listen to Example Radio Today",
        "Subscribe on Apple Podcasts, Spotify, or wherever you listen to podcasts.",
        "We're updating this post as the day continues.",
        "We will update this post as more information becomes available.",
        "This concludes our live update. For more on the region, click here",
        "This version corrects the name of the aid agency.",
        "Editor's note: Jane Roe is a former envoy. The opinions expressed in this commentary are solely hers.",
        "Example News has multiple crews in the region covering the fighting.",
        "Enlarge this image toggle caption Jane Doe/AFP/Getty Images Jane Doe/AFP/Getty Images",
        "Hide Caption 1 of 6",
        "Jane Doe/AP",
        "Adam Smith | AFP | Getty Images",
        "SEE ALSO: Ministers meet again on the border question",
        "(RELATED: Why the northern front matters)",
        "Opinion: The front line needs more than monitors",
        "Map: The northern front",
        "Peace talks stall again 01:26",
        "Are you in the region? Send us your photos and experiences but please stay safe.",
        "Check out the Example Election Map and game out your own strategy for November.",
        "ARMIES AT THE CROSSROADS AS THE NORTHERN WAR ENTERS ITS THIRD YEAR The front has moved little since spring.",
        "Soldiers rest near the front line in the north, Tuesday, March 3, 2015. (AP Photo/Jane Doe)",
        "A soldier on patrol near the river. (Sergeant Jane Doe/Example Army)",
    ],
)
def test_furniture_paragraphs_go(line: str) -> None:
    kept, removed = remove_furniture([*STORY[:2], line, *STORY[2:]])
    assert kept == STORY
    assert removed


@pytest.mark.parametrize(
    "line",
    [
        # Near misses: prose that uses the same words.
        "The ministry said it would sign up 2,000 new recruits for the border guard by the end of the year.",
        "Officials said the advertisement campaign for the peace deal would begin on Monday.",
        "The group told its followers to subscribe to a new channel after its old one was closed.",
        "The general said the caption on the ministry's photo had named the wrong village.",
        "UPDATE: The army said on Monday evening that the road had reopened to civilian traffic.",
        "“Continue reading the statement,” the judge told the lawyer, according to the court record.",
        "Jane Doe is a nurse who has worked at the field hospital since the war began in the spring.",
        "Romney said:",
        "During the speech, a heckler yelled, “Why are you still fighting?”",
    ],
)
def test_prose_near_misses_stay(line: str) -> None:
    paragraphs = [*STORY[:2], line, *STORY[2:]]
    kept, _ = remove_furniture(paragraphs)
    expected = line.removeprefix("UPDATE: ")
    assert expected in kept


def test_a_headline_set_between_prose_paragraphs_goes_but_a_transcripts_name_line_stays() -> None:
    kept, removed = remove_furniture([*STORY[:2], "Why the northern front matters to the capital", *STORY[2:]])
    assert kept == STORY and removed == ["Why the northern front matters to the capital"]
    turns = [STORY[0], "jane doe", STORY[1], "john roe", STORY[2]]
    assert remove_furniture(turns)[0] == turns


def test_related_links_listed_after_a_label_go() -> None:
    kept, _ = remove_furniture([*STORY, "Also see:", "Ministers meet again", "Border question returns"])
    assert kept == STORY


def test_an_author_note_at_the_end_goes_but_not_in_the_story() -> None:
    bio = "Jane Roe is a radio host, author and Example News contributor."
    assert remove_furniture([*STORY, bio])[0] == STORY
    assert bio in remove_furniture([bio, *STORY, *STORY])[0]


def test_video_widgets_inside_a_paragraph_are_cut_and_the_prose_kept() -> None:
    text = (
        "Monitors arrived on Monday. JUST WATCHED Talks resume in the capital Replay More Videos ... "
        "MUST WATCH Talks resume in the capital 02:27 The guns were moved back overnight."
    )
    cleaned, cut = strip_inline(text)
    assert cleaned == "Monitors arrived on Monday. The guns were moved back overnight."
    assert cut and "JUST WATCHED" in cut[0]
    only_widgets, _ = strip_inline("JUST WATCHED Talks resume Replay More Videos ... MUST WATCH Talks resume 01:55")
    assert only_widgets == ""


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Story highlights The guns were moved back overnight.", "The guns were moved back overnight."),
        ("SHARE THIS ARTICLE Share Tweet Post Email The guns were moved back.", "The guns were moved back."),
        ("UPDATE 1:21 PM ET: The guns were moved back.", "The guns were moved back."),
        ("The guns were moved back [pullquote] overnight.", "The guns were moved back overnight."),
        ("The envoy spoke at noon. READ THE FULL STATEMENT HERE. Talks resume Monday.",
         "The envoy spoke at noon. Talks resume Monday."),
        ("The envoy spoke at noon (RELATED: Talks resume) and left.", "The envoy spoke at noon and left."),
        ("Guns at dawn (Photo: Jane Doe, AP) Story Highlights The guns were moved back.", "The guns were moved back."),
    ],
)  # fmt: skip
def test_labels_glued_to_the_story_are_cut(raw: str, clean: str) -> None:
    assert strip_inline(raw)[0] == clean


def test_a_name_card_of_related_headlines_is_cut_from_the_sentence() -> None:
    text = (
        "The move came after Senator Roe Janet Maria RoeRoe says talks must go on Ministers meet again "
        "Border question returns MORE on Monday criticised the plan."
    )
    cleaned, cut = strip_inline(text)
    assert cleaned == "The move came after Senator Roe on Monday criticised the plan."
    assert cut


def test_camel_case_names_are_no_name_cards() -> None:
    text = "Senator McCain and the DeGeneres show were mentioned. MORE troops are expected, McCain said."
    assert strip_inline(text)[0] == text


def test_a_gallery_paragraph_goes_whole() -> None:
    gallery = "Photos: The northern war Photos: The northern war A soldier rests on March 26. After weeks of fighting, ..."
    assert remove_furniture([*STORY, gallery])[0] == STORY


def test_credit_lines_are_read_for_the_outlet_then_dropped_anywhere() -> None:
    article = build_article(
        Draft([*STORY[:2], "Contributing: Jane Doe in the capital", *STORY[2:], "Example Wire contributed to this report."]),
        IngestSettings(),
    )
    assert article.source == "Example Wire"
    assert list(article.paragraphs) == STORY
    assert drop_credit_lines(["Special for Example Daily", *STORY]) == STORY


def test_nothing_is_lost_when_everything_looks_like_furniture() -> None:
    lines = ["Advertisement", "Story highlights"]
    assert remove_furniture(lines)[0] == lines


def test_is_furniture_answers_for_one_paragraph() -> None:
    assert is_furniture("Advertisement")
    assert not is_furniture(STORY[0])
