"""A quotation its paragraph attributes becomes a digest line that names its speaker
(digest/quoted.py), and the near misses that stay unused (issue 15: every line stands alone,
quoted speech is attributed)."""

from __future__ import annotations

import pytest

from briefing.digest.quoted import attributed_line, quoted_words
from briefing.digest.standalone import Rewriter
from briefing.models import Article
from tests.support.article_text import article_from_text


def _line(text: str, sentence_text: str) -> str | None:
    """What the rewriter makes of the sentence of `text` that reads `sentence_text`."""
    article = article_from_text(text)
    index = _index(article, sentence_text)
    return Rewriter((article,)).rewrite(0, index, article.sentences[index].text)


def _index(article: Article, sentence_text: str) -> int:
    return next(s.index for s in article.sentences if s.text.strip() == sentence_text)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("“Trucks will enter through the northern gate at dawn.”", "Trucks will enter through the northern gate at dawn."),
        ("“Trucks will enter through the northern gate at dawn.", "Trucks will enter through the northern gate at dawn."),
        ("Trucks will enter through the northern gate at dawn.”", "Trucks will enter through the northern gate at dawn."),
        ("Trucks will enter through the northern gate,” Roe said.", "Trucks will enter through the northern gate"),
        ('"Trucks will enter through the northern gate at dawn."', "Trucks will enter through the northern gate at dawn."),
    ],
)
def test_the_quoted_words_of_a_sentence_that_is_all_quotation(sentence: str, words: str) -> None:
    assert quoted_words(sentence) == words


@pytest.mark.parametrize(
    "sentence",
    [
        "Trucks will enter through the northern gate at dawn.",  # the reporter's own words
        "The governor said the trucks would enter “through the northern gate” at dawn.",
        "“Trucks will enter at dawn,” Roe said, “and leave before noon.”",  # two quotations
    ],
)
def test_no_quoted_words_in_a_sentence_that_mixes_in_the_reporters(sentence: str) -> None:
    assert quoted_words(sentence) is None


def test_an_attributed_line_is_speaker_first_with_its_stop() -> None:
    assert attributed_line("Jane Roe", "said", "The port is open") == "Jane Roe said: “The port is open.”"
    assert attributed_line("Jane Roe", "wrote", "The port is open!") == "Jane Roe wrote: “The port is open!”"


CONTINUED = (
    "Aid convoys reached the port of Varna on Monday after a week of shelling.\n"
    "“The port will reopen to aid convoys on Monday morning,” Governor Jane Roe said. "
    "“Trucks will enter through the northern gate at dawn.”"
)


def test_a_quotation_that_goes_on_from_its_speakers_in_the_paragraph_is_attributed() -> None:
    assert _line(CONTINUED, "“Trucks will enter through the northern gate at dawn.”") == (
        "Jane Roe said: “Trucks will enter through the northern gate at dawn.”"
    )


def test_each_sentence_of_a_quotation_the_segmenter_split_is_attributed() -> None:
    text = (
        "“The port will reopen to aid convoys on Monday morning,” Governor Jane Roe said. "
        "“Trucks will enter through the northern gate at dawn. The port will stay open to aid convoys all week.”"
    )
    assert _line(text, "“Trucks will enter through the northern gate at dawn.") == (
        "Jane Roe said: “Trucks will enter through the northern gate at dawn.”"
    )
    assert _line(text, "The port will stay open to aid convoys all week.”") == (
        "Jane Roe said: “The port will stay open to aid convoys all week.”"
    )


def test_the_speaker_named_in_the_sentence_closing_the_paragraph_before() -> None:
    text = (
        "“The port will reopen to aid convoys on Monday morning,” Governor Jane Roe said.\n"
        "“Trucks will enter through the northern gate at dawn.”"
    )
    assert _line(text, "“Trucks will enter through the northern gate at dawn.”") == (
        "Jane Roe said: “Trucks will enter through the northern gate at dawn.”"
    )


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        # The quotes engine takes "she" for the governor named a paragraph up; the lines around
        # the quotation name nobody.
        (
            "Governor Jane Roe spoke to reporters at the harbour on Monday.\n"
            "She said aid convoys would reach the port on Monday morning.\n"
            "“Trucks will enter through the northern gate at dawn.”",
            "“Trucks will enter through the northern gate at dawn.”",
        ),
        # A third person inside the quotation: whose escort?
        (
            "“The port will reopen to aid convoys on Monday morning,” Governor Jane Roe said. "
            "“The trucks will follow their escort through the northern gate.”",
            "“The trucks will follow their escort through the northern gate.”",
        ),
        # Words pointing back: what is "this", who is "he"?
        (
            "“The port will reopen to aid convoys on Monday morning,” Governor Jane Roe said. "
            "“He will lead the trucks through the northern gate at dawn.”",
            "“He will lead the trucks through the northern gate at dawn.”",
        ),
        (
            "“The port will reopen to aid convoys on Monday morning,” Governor Jane Roe said. "
            "“This is the best news the harbour district has had in a month.”",
            "“This is the best news the harbour district has had in a month.”",
        ),
        # A question is no development.
        (
            "“The port will reopen to aid convoys on Monday morning,” Governor Jane Roe said. "
            "“Who will pay for the trucks that the shelling burned last week?”",
            "“Who will pay for the trucks that the shelling burned last week?”",
        ),
        # Nobody is named for the quotation at all.
        (
            "Aid convoys reached the port of Varna on Monday after a week of shelling.\n"
            "“Trucks will enter through the northern gate at dawn.”",
            "“Trucks will enter through the northern gate at dawn.”",
        ),
    ],
)
def test_near_misses_stay_unused(text: str, sentence: str) -> None:
    assert _line(text, sentence) is None


def test_words_naming_the_speaker_in_the_third_person_are_not_given_to_them() -> None:
    text = (
        "Aid convoys reached the port of Varna on Monday after a week of shelling.\n"
        "“The port will reopen to aid convoys on Monday morning,” Governor Jane Roe said. "
        "“Governor Roe must resign before the convoys are sent to the northern gate.”"
    )
    assert _line(text, "“Governor Roe must resign before the convoys are sent to the northern gate.”") is None


def test_a_surname_two_people_share_is_not_enough() -> None:
    text = (
        "Harbour pilot Tom Roe was hurt when a shell hit the quay, his mother Jane Roe told reporters.\n"
        "“The port will reopen to aid convoys on Monday morning,” Roe said. "
        "“Trucks will enter through the northern gate at dawn.”"
    )
    assert _line(text, "“Trucks will enter through the northern gate at dawn.”") is None
