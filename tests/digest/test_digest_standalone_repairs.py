"""Lines that stand alone once repaired from what the sentence already says, and the near
misses that must still be passed over (issue 15: every line stands alone)."""

from __future__ import annotations

import pytest

from briefing.digest.standalone import Rewriter, close_quotation, stands_alone
from briefing.models import Article
from briefing.nlp.sentences import segment


def _article(aid: str, paragraphs: list[str]) -> Article:
    text = "\n".join(paragraphs)
    return Article(aid, aid, f"Outlet {aid}", None, text, tuple(paragraphs), segment(paragraphs), len(text.split()))


@pytest.mark.parametrize(
    "text",
    [
        "“It is not the time to ease pressure on the rebels,” the foreign minister said.",
        "It was difficult to reach the port after the bridge was shelled on Monday.",
        "It is important that the convoys reach the harbour district before the winter.",
        "This week, engineers will begin to survey the damaged quays of the port of Varna.",
        "This morning, three polling stations in the harbour district opened two hours late.",
    ],
)
def test_a_clause_put_last_and_a_date_opening_stand_alone(text: str) -> None:
    assert stands_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "It was the heaviest shelling of the port in a month.",  # "it" is the shelling told before
        "“It is a real step forward,” the foreign minister said.",  # what is?
        "This time, the governor waited for the convoys at the harbour gate.",  # which time?
        "This week was the worst of the war for the fishermen of Varna.",
        "This stretch of the coast road is closed to all traffic until the spring.",
    ],
)
def test_near_misses_that_still_point_back(text: str) -> None:
    assert not stands_alone(text)


def test_a_quotation_its_speaker_opens_is_closed_where_the_sentence_ends() -> None:
    assert close_quotation("Governor Ana Ruiz said: “The port will reopen to all ships on Friday.") == (
        "Governor Ana Ruiz said: “The port will reopen to all ships on Friday.”"
    )
    assert close_quotation('Ana Ruiz told a meeting in Varna: "The port will reopen on Friday.') == (
        'Ana Ruiz told a meeting in Varna: "The port will reopen on Friday."'
    )
    # The typewriter's doubled marks are quotation marks.
    assert close_quotation("In “The Harbour,’’ the port lies closed for a decade.") == (
        "In “The Harbour,” the port lies closed for a decade."
    )


@pytest.mark.parametrize(
    "text",
    [
        "“The port will reopen to all ships on Friday.",  # nobody opens it: its speaker comes later
        "The harbour master said the port was “closed until further notice.",  # a phrase, no colon
        "Governor Ana Ruiz said: “The port will reopen on Friday",  # no sentence end
        "Governor Ana Ruiz said: “The port will reopen.” Then she left.",  # already closed
    ],
)
def test_a_quotation_nobody_opens_is_left_unpaired(text: str) -> None:
    assert close_quotation(text) == text


def test_the_rewriter_closes_an_attributed_quotation_and_skips_an_unattributed_one() -> None:
    # The quotation runs on into the next paragraph, reopened there as news copy does: the
    # sentence just before names its speaker (quoted.py).
    art = _article("q", [
        "Governor Ana Ruiz said: “The port will reopen to all ships on Friday.",
        "“The convoys can come every day from the northern road.”",
        "“The port will reopen to all ships on Friday and stay open,",
    ])
    rw = Rewriter((art,))
    assert rw.rewrite(0, 0, art.sentences[0].text) == "Governor Ana Ruiz said: “The port will reopen to all ships on Friday.”"
    assert rw.rewrite(0, 1, art.sentences[1].text) == "Ana Ruiz said: “The convoys can come every day from the northern road.”"
    assert rw.rewrite(0, 2, art.sentences[2].text) is None
    # Nobody opens it: no speaker.
    alone = _article("r", ["The harbour was quiet on Monday.", "“The convoys can come every day from the northern road.”"])
    assert Rewriter((alone,)).rewrite(0, 1, alone.sentences[1].text) is None


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("“The port will reopen to all ships on Friday. The convoys can come,” the governor said.",
         "“The port will reopen to all ships on Friday,” the governor said."),
        ('Governor Ana Ruiz said: "The port will reopen to all ships on Friday. The convoys can come."',
         'Governor Ana Ruiz said: "The port will reopen to all ships on Friday."'),
        ("“Will the port reopen to all ships on Friday? Nobody knows,” said Ana Ruiz.",
         "“Will the port reopen to all ships on Friday?” said Ana Ruiz."),
    ],
)  # fmt: skip
def test_an_attributed_quotation_of_several_sentences_is_cut_to_its_first(text: str, cut: str) -> None:
    from briefing.digest.standalone import first_sentence_quoted

    assert first_sentence_quoted(text) == cut
    assert stands_alone(cut)


@pytest.mark.parametrize(
    "text",
    [
        "“The port is open. The convoys can come,” the governor said.",  # a first sentence too short to say much
        "“The port will reopen to all ships on Friday. The convoys can come.”",  # nobody named
        "The governor said the port would reopen on Friday. Convoys can come.",  # no quotation
        "“The port will reopen on Friday,” the governor said. “The convoys can come.”",  # two quotations
    ],
)
def test_a_quotation_without_a_named_speaker_or_one_sentence_is_not_cut(text: str) -> None:
    from briefing.digest.standalone import first_sentence_quoted

    assert first_sentence_quoted(text) == text


def test_the_rewriter_names_the_speaker_of_the_first_sentence_it_keeps() -> None:
    art = _article("c", ["“The port will reopen to all ships on Friday. The convoys can come,” said Governor Ana Ruiz."])
    rw = Rewriter((art,))
    assert rw.rewrite(0, 0, art.sentences[0].text) == "Governor Ana Ruiz said: “The port will reopen to all ships on Friday.”"


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors alleged for the first time that the captain “rammed and sank” a second trawler in 2019.",
        "The governor's statement, which accused the rebels of “shelling a hospital ship,” was read on the radio.",
        "Dockers carried a banner that read “Open the port to the convoys now” through the harbour district.",
        "Selling fuel to the rebels is “strictly forbidden until further notice,” the new port rules say.",
        "“Harbour Lights” opens at the Varna maritime museum on Friday with forty paintings.",  # a title opens it
    ],
)
def test_a_quotation_woven_into_an_attributed_sentence_stands_alone(text: str) -> None:
    assert stands_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "The harbour will stay “closed until the shelling stops entirely.”",  # whose words?
        "“Open the gates to the convoys” was painted on the harbour wall overnight.",  # speech opens it
        # Several sentences elided into one quotation, a pronoun's blog for the speaker.
        "“I think the port will open. … While everyone watches the storm, the convoys slip in,” on her blog.",
    ],
)
def test_a_quotation_with_nobody_to_say_it_still_does_not_stand_alone(text: str) -> None:
    assert not stands_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "“Gov. Ana Ruiz does not speak for the dockers of the port,” the union leader said.",
        "“The U.S. Navy will escort the convoys into the port on Friday,” the admiral said.",
        "“Mr. Ruiz has given his word that the port will reopen,” said the union leader Jan Berg.",
    ],
)
def test_a_title_or_an_initial_inside_a_quotation_is_no_sentence_stop(text: str) -> None:
    assert stands_alone(text)


def test_a_real_stop_after_a_title_still_counts() -> None:
    assert not stands_alone("“I met Mr. Ruiz. He will open the port on Friday,” the union leader said.")


_FIRST_REFERENCE = [
    "Ambassador John Stevens arrived in the port of Varna on Monday to meet the governor.",
    "The talks ended without a deal.",
    "The governor confirmed Mr. Stevens\u2019 departure on Wednesday in a statement.",
    "Mr. Haddad\u2019s office called the visit a failure on Tuesday night.",
    "The envoy said “Mr. Stevens will be back” before he left the port on Wednesday.",
]


def _line(k: int) -> str | None:
    article = _article("p", _FIRST_REFERENCE)
    return Rewriter((article,)).rewrite(0, k, article.sentences[k].text)


def test_a_courtesy_title_second_reference_becomes_the_full_name() -> None:
    assert _line(2) == "The governor confirmed John Stevens\u2019 departure on Wednesday in a statement."


def test_a_courtesy_title_the_article_never_names_in_full_stays() -> None:
    assert _line(3) == "Mr. Haddad\u2019s office called the visit a failure on Tuesday night."


def test_a_courtesy_title_inside_a_quotation_stays() -> None:
    assert "“Mr. Stevens will be back”" in (_line(4) or "")
