"""News, opinion or transcript, read at ingestion from the publication's labels and the text's voice."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import IngestSettings
from briefing.ingest import load_paths
from briefing.ingest.article import Draft, build_article
from briefing.ingest.kinds import author_voice, detect_kind, is_transcript

NEWS = [
    "Rebel fighters withdrew from two villages north of the river on Tuesday, local officials said.",
    "The army said it had taken control of the main road and was clearing mines left along it.",
    "“We will not return until the shelling stops,” said one farmer, who asked not to be named.",
    "Aid groups said about 3,000 families had fled the area since the fighting began last week.",
    "The United Nations called for a pause in the fighting to let convoys reach the villages.",
]
COLUMN = [
    "I have covered this region for twenty years, and I have never seen our leaders so lost.",
    "Why do we keep pretending that another round of talks will change anything?",
    "My answer is simple: we should stop funding a war that we cannot explain to our own voters.",
    "What would it take for us to admit that the policy has failed?",
    "I suspect the answer is another year of the same speeches and the same funerals.",
    "We owe the families of the soldiers more than that, and I will keep saying so.",
]


def _kind(paragraphs: list[str], **meta: str | None) -> str:
    return detect_kind(meta.get("title"), meta.get("source"), meta.get("url"), paragraphs, meta.get("section"))


def test_a_plain_report_is_news() -> None:
    assert _kind(NEWS, title="Rebels pull back from river villages", source="Example Wire") == "news"


@pytest.mark.parametrize(
    "meta",
    [
        {"title": "OPINION: The river villages deserve better"},
        {"title": "Analysis | What the withdrawal means"},
        {"source": "Example Times - Opinion"},
        {"source": "Example News - Editorial"},
        {"url": "https://www.example.com/2020/05/01/opinion/river-villages.html"},
        {"url": "http://www.example.org/Commentary/Opinion/2013/0821/After-the-attack"},
        {"section": "Opinion"},
        {"section": "Analysis"},
    ],
)
def test_the_publications_own_label_makes_a_report_opinion(meta: dict[str, str]) -> None:
    """The label decides, whatever the text sounds like."""
    assert _kind(NEWS, **meta) == "opinion"


@pytest.mark.parametrize(
    "meta",
    [
        {"title": "Opinion polls show support for the truce"},  # the word, not a label
        {"url": "https://opinion.example.com/2020/05/01/news/river-villages.html"},  # the host, not the path
        {"url": "https://www.example.com/2020/05/01/world/opinionated-general-resigns.html"},
        {"section": "World"},
        {"section": "Reportage"},
    ],
)
def test_near_misses_of_a_label_stay_news(meta: dict[str, str]) -> None:
    assert _kind(NEWS, **meta) == "news"


def test_a_label_paragraph_or_a_column_disclaimer_makes_opinion() -> None:
    assert _kind(["ANALYSIS/OPINION:", *NEWS]) == "opinion"
    disclaimer = "Jane Roe is a former diplomat. The opinions expressed in this commentary are solely those of the author."
    assert _kind([disclaimer, *NEWS]) == "opinion"
    caption = "The talks have stalled for a year, the author says. | Example Photo"
    assert _kind([caption, *NEWS]) == "opinion"


def test_the_authors_voice_outside_quotes_makes_opinion() -> None:
    assert author_voice(COLUMN * 3) >= 12
    assert _kind(COLUMN * 3) == "opinion"


def test_first_person_inside_quotation_marks_is_the_speakers_not_the_authors() -> None:
    quoted = [
        "“I saw my house burn, and we have nowhere to go,” said a woman who fled on Monday.",
        "“Why would we go back?” asked her neighbour, a teacher who lost his school.",
        "Officials said the evacuation of the district would continue through the week.",
        "“I promise we will rebuild every home,” the governor told reporters after the visit.",
    ] * 6
    assert author_voice(quoted) < 5
    assert _kind(quoted) == "news"


def test_a_question_for_a_headline_or_a_lede_makes_analysis() -> None:
    assert _kind(NEWS, title="Will the river truce hold?") == "opinion"
    assert _kind(NEWS, title="The river truce and its aftermath, explained") == "opinion"
    lede = "Has the government finally run out of patience with the rebels? The week's events suggest so."
    assert _kind([lede, *NEWS]) == "opinion"


def test_a_question_deep_in_a_report_is_not_a_lede() -> None:
    """News asks now and then ("So will this truce be any different?"); only the lede decides."""
    later = [*NEWS[:3], "So will this truce be any different from the last one in the spring?", *NEWS[3:]]
    assert _kind(later, title="Truce declared in the river villages") == "news"


def test_speaker_labels_make_a_transcript() -> None:
    turns = [
        "HOST ONE: Good evening. Tonight we look at the fighting along the river.",
        "GUEST: Thank you. The situation has changed a great deal since Monday.",
        "HOST ONE: What changed, exactly?",
        "GUEST: The army moved two brigades north, and the rebels pulled back.",
    ]
    assert is_transcript(turns)
    assert _kind(turns) == "transcript"
    qa = ["Q: When did the shelling stop?", "A: Around midnight.", "Q: And since then?", "A: Nothing, so far."]
    assert _kind([*NEWS, *qa]) == "transcript"


def test_name_lines_and_a_sign_on_make_a_transcript() -> None:
    dialogue = []
    for _ in range(3):
        dialogue += ["anna kowalczyk", "So what happened on the bridge?", "tomas berglund", "The army blew it up at dawn."]
    assert _kind(dialogue) == "transcript"
    sign_on = "From Example Radio, I'm Anna Kowalczyk. This is the evening report."
    assert _kind([sign_on, *NEWS]) == "transcript"


def test_labels_that_head_news_copy_are_not_speakers() -> None:
    """UPDATE, PHOTOS, RELATED lines and a dateline with a colon are not turns of speech;
    nor are repeated two-word lines of furniture ("Story highlights")."""
    copy = [
        "UPDATE: The army said the road had reopened.",
        "PHOTOS: Scenes from the river villages",
        "UPDATE: Aid convoys crossed the bridge in the afternoon.",
        "RELATED: Earlier fighting in the north",
        *NEWS,
    ]
    assert not is_transcript(copy)
    furniture = ["Story highlights", "Continue reading", "Story highlights", "Continue reading", *NEWS]
    assert not is_transcript(furniture)


def test_kind_is_set_on_built_articles_and_a_readers_call_out_is_no_lede_question() -> None:
    """A call-out ("Are you in the area? Send us your photos") is furniture, removed before
    the lede is read; the article stays news."""
    draft = Draft(["Are you in the area? Send us your photos and experiences but please stay safe.", *NEWS])
    article = build_article(draft, IngestSettings())
    assert article.kind == "news"
    assert "Send us your photos" not in article.text
    column = build_article(Draft(list(NEWS), title="OPINION: Rebels pull back"), IngestSettings())
    assert column.kind == "opinion"


def test_markdown_front_matter_section_and_kind_reach_the_article(tmp_path: Path) -> None:
    page = tmp_path / "column.md"
    body = "\n\n".join(NEWS)
    page.write_text(f"---\ntitle: River villages\nsection: Opinion\n---\n\n{body}\n", encoding="utf-8")
    (article,) = load_paths([page], IngestSettings()).articles
    assert article.kind == "opinion"


def test_html_schema_genre_reaches_the_article(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in NEWS * 2)
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><script type="application/ld+json">{"@type": "OpinionNewsArticle", "headline": "River"}'
        f"</script></head><body><article>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    (article,) = load_paths([page], IngestSettings()).articles
    assert article.kind == "opinion"


def test_single_quotation_marks_are_the_speakers_words_too() -> None:
    """Tabloid and British style quote with single marks, straight or curly; an apostrophe
    inside ("don't", "Father’s") does not end the quotation."""
    single = [
        "'I have lost my home and we have nowhere to go,' said a woman who fled the village.",
        "A farmer told reporters: 'We don't know when we can go back. I just want my fields.'",
        "Officials said the evacuation of the district would continue through the week.",
        "The mayor wrote: ‘My thanks to the crews. I watched them work through Father’s Day and I am proud.’",
    ] * 6
    assert author_voice(single) < 5
    assert _kind(single) == "news"


def test_a_single_quote_near_miss_an_apostrophe_is_not_a_quotation() -> None:
    """The author's own "I" next to possessives and contractions still counts."""
    column = ["I don't think the farmers' union will accept it, and I won't pretend it's fair to them."] * 12
    assert author_voice(column) >= 12


def test_an_embedded_post_is_the_posters_voice_not_the_authors() -> None:
    posts = [
        "Viewers mocked the broadcaster after it admitted splicing in old footage of the parade.",
        "I wanted to see this year's parade, not last year's. We deserve better. #parade — Jane Roe (@janeroe) July 5, 2016",
        "Why am I watching reruns? — Tom Poe (@tompoe) July 5, 2016",
        "The broadcaster said the weather had made filming impossible and apologised to viewers.",
    ] * 5
    assert author_voice(posts) < 5
    assert _kind(posts) == "news"
    # Near miss: a dash and a handle inside the author's own sentence is not an embedded post.
    mine = ["I asked the mayor — who posts as (@mayor) on most days — why we were never told. I still wait."] * 10
    assert author_voice(mine) >= 12


def test_a_reported_question_in_the_lede_is_not_the_authors() -> None:
    lede = "The night the levee broke, she thought, Where will we sleep tonight? She slept in a school gym."
    assert _kind([lede, *NEWS]) == "news"
    asked = "He asked: Why were the sirens silent? Officials have not answered."
    assert _kind([asked, *NEWS]) == "news"
    # The author's own question still marks analysis.
    assert _kind(["Where will the families sleep tonight? Nobody in the capital seems to know.", *NEWS]) == "opinion"


def test_the_newsrooms_first_person_reports_and_does_not_argue() -> None:
    newsroom = [
        "The port authority closed the northern quay on Monday after a crane collapsed, killing two dockers.",
        "A spokeswoman confirmed to us that the quay would stay closed until inspectors had finished.",
        "When we asked whether other cranes were at risk, she said all of them would be checked this week.",
        "I'm told the crane had failed an inspection in the spring; we reported on that inspection in May.",
        "Dockers' union leaders said they had warned the authority about the crane twice this year.",
    ] * 4
    assert author_voice(newsroom) < 12
    assert _kind(newsroom) == "news"
    # Near miss: the author's "we" that argues still counts.
    assert author_voice(COLUMN * 3) >= 12
