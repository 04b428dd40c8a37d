"""The digest's editorial rules: the lead first, news only, lines that stand alone, true citations."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from briefing.config import DigestSettings
from briefing.digest.build import build_digest, news_reports
from briefing.digest.cite import states_same_fact
from briefing.digest.lead import developments_first, event_factor, is_background, recency
from briefing.digest.units import build_units
from briefing.digest.standalone import Rewriter, speaker_first, stands_alone
from briefing.models import Article
from briefing.nlp.sentences import segment

MON, TUE, WED = dt.date(2030, 3, 4), dt.date(2030, 3, 5), dt.date(2030, 3, 6)


def _article(aid: str, paragraphs: list[str], published: dt.date | None = None, kind: str = "news",
             source: str | None = None) -> Article:
    text = "\n".join(paragraphs)
    return Article(aid, aid, source or f"Outlet {aid}", published, text, tuple(paragraphs), segment(paragraphs),
                   len(text.split()), kind=kind)


# Three outlets report Monday's shelling of the port; Wednesday one reports the truce that followed.
SHELLING = [
    _article("m1", ["Government artillery shelled the northern port of Varna on Monday, killing 14 civilians.",
                    "The port authority said two cranes and a fuel depot were destroyed in the shelling."], MON),
    _article("m2", ["Artillery fire hit the northern port of Varna on Monday, killing 14 civilians, officials said.",
                    "Residents fled toward the hills as fires spread through the harbour district."], MON),
    _article("m3", ["Fourteen civilians died when government artillery shelled the port of Varna on Monday.",
                    "Aid groups said hospitals in the port were running short of blood and fuel."], MON),
]
TRUCE = _article("w1", [
    "Government and rebel commanders signed a truce for the port of Varna on Wednesday after two days of talks.",
    "The truce lets aid convoys enter the port and opens a corridor for civilians leaving the harbour district.",
], WED)


def test_the_latest_development_leads_over_an_older_fact_more_outlets_carried() -> None:
    digest = build_digest([*SHELLING, TRUCE], DigestSettings(words=120))
    assert "signed a truce" in digest[0].text
    assert any("shelled" in d.text or "shelling" in d.text for d in digest[1:])


def test_without_dates_the_most_reported_fact_leads() -> None:
    undated = [replace(a, published=None) for a in (*SHELLING, TRUCE)]
    digest = build_digest(undated, DigestSettings(words=120))
    assert "Varna on Monday, killing 14" in digest[0].text or "Fourteen civilians" in digest[0].text


def test_an_off_topic_report_that_happens_to_be_newest_does_not_lead() -> None:
    """Reach counts: the lead shares the story's widely reported content."""
    sport = _article("t1", ["The national football team beat its neighbours 3-1 in a friendly match on Thursday.",
                            "The coach praised the young striker who scored twice in the second half."],
                     dt.date(2030, 3, 7))
    digest = build_digest([*SHELLING, TRUCE, sport], DigestSettings(words=120))
    assert "football" not in digest[0].text


def test_an_event_leads_over_a_reaction_on_the_same_day() -> None:
    reaction = _article("w2", [
        "The foreign minister said the truce in the port of Varna was fragile and urged both sides to keep it.",
        "He called for an inquiry into the shelling of the harbour district on Monday.",
    ], WED)
    digest = build_digest([*SHELLING, reaction, TRUCE], DigestSettings(words=120))
    assert "signed a truce" in digest[0].text
    assert event_factor("The minister said the truce was fragile.") < event_factor("Commanders signed a truce.")
    assert event_factor("Commanders could sign a truce next week.") < 1.0
    assert event_factor("The senator joined other lawmakers in claiming the shelling was deliberate.") < 1.0
    assert event_factor("The senator joined other lawmakers on a visit to the shelled port.") == 1.0


def test_a_year_before_the_newest_report_marks_background() -> None:
    assert is_background("Israel and Egypt have enforced the blockade since the takeover in 2027.", 2030)
    assert not is_background("The port reopened on 4 March 2030 after the shelling.", 2030)
    assert not is_background("The governor said “the worst since 2019” of the shelling.", 2030)  # her words
    assert not is_background("Aid convoys reached 2,025 families in the port.", 2030)  # a count, not a year


def test_background_counts_for_less_below_the_lead() -> None:
    history = _article("w3", ["The port of Varna was last shelled in 2012, when the old harbour burned down."], WED)
    units, _ = build_units([TRUCE, history])
    ranked = {u.text: u.prior for u in developments_first(units, [TRUCE, history])}
    old = next(p for t, p in ranked.items() if "2012" in t)
    assert old < next(p for t, p in ranked.items() if "signed a truce" in t)


# Eight reports on the port; one of them, the newest, is about a football match.
_PORT_STORY = [
    _article(f"p{k}", [f"Government artillery shelled the port of Varna again on day {k}, killing civilians "
                       "in the harbour district.",
                       "Aid convoys waited outside the port of Varna as the shelling of the harbour went on."], MON)
    for k in range(7)
]
_MATCH = _article("f1", ["Aid convoys waited outside the port of Varna as the shelling of the harbour went on.",
                         "The national football team beat its neighbours three goals to one in a friendly "
                         "tournament final watched by a record crowd."], TUE)


def test_another_storys_sentence_in_a_pile_is_not_a_development() -> None:
    digest = build_digest([*_PORT_STORY, _MATCH], DigestSettings(words=400))
    assert digest and not any("football" in d.text for d in digest)


def test_another_storys_newest_report_does_not_lead_a_pile() -> None:
    """Its lede shares the pile's place names (a third of its words), not its story."""
    match = _article("f2", ["Fans in the harbour district of the port of Varna celebrated as the national football "
                            "team beat its neighbours in a friendly final."], WED)
    digest = build_digest([*_PORT_STORY, match], DigestSettings(words=400))
    assert digest and "football" not in digest[0].text


def test_a_handful_of_reports_keeps_each_reports_own_details() -> None:
    """With two reports each one's details are most of what it says: no story is told apart."""
    digest = build_digest([_PORT_STORY[0], _MATCH], DigestSettings(words=400))
    assert any("football" in d.text for d in digest)
    assert build_digest([_MATCH], DigestSettings(words=400))  # one report: still a digest


def test_recency_halves_by_day_and_counts_undated_reports_as_the_oldest() -> None:
    arts = [replace(TRUCE, published=WED), replace(TRUCE, published=MON), replace(TRUCE, published=None)]
    assert recency(arts, half_life=1.0) == [1.0, 0.25, 0.25]
    assert recency([replace(TRUCE, published=None)]) is None


def test_opinion_and_transcripts_never_feed_the_digest_unless_nothing_else_is_loaded() -> None:
    column = _article("op", ["The truce for the port of Varna signed on Wednesday is a surrender dressed as peace.",
                             "Government artillery shelled the northern port of Varna on Monday, killing 14 civilians."],
                      WED, kind="opinion")
    digest = build_digest([*SHELLING, TRUCE, column], DigestSettings(words=200))
    assert all("op" not in d.articles for d in digest)
    assert all("surrender" not in d.text for d in digest)
    assert news_reports([column]) == [column]
    only = build_digest([column], DigestSettings(words=60))
    assert only and only[0].articles == ("op",)


# --- citations ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "sentence", "same"),
    [
        ("Israel accepted an Egyptian proposal for a new 72-hour truce with militants in Gaza.",
         "Israel has accepted the Egyptian proposal for a fresh 72-hour truce in Gaza, officials said.", True),
        # The same words about the proposal, another party accepting it.
        ("Israel accepted an Egyptian proposal for a new 72-hour truce with militants in Gaza.",
         "Palestinian negotiators accepted the Egyptian proposal for a 72-hour truce on Sunday.", False),
        # Another count of the dead: another event.
        ("Shelling killed 14 civilians in the port of Varna on Monday.",
         "Shelling killed 5 civilians in the port of Varna on Monday.", False),
        # The same names, something else happened.
        ("Pentagon spokesman John Kirby said the strikes were very successful.",
         "Pentagon spokesman John Kirby said the pilots returned safely to their carrier.", False),
        # About the story, not the fact.
        ("Snipers fired on a team of inspectors in Varna on Monday.",
         "A team of inspectors arrived in Varna to investigate the shelling.", False),
    ],
)  # fmt: skip
def test_an_article_is_cited_only_when_a_sentence_of_its_own_states_the_fact(line: str, sentence: str, same: bool) -> None:
    assert states_same_fact(line, sentence) is same


def test_every_citation_of_the_digest_holds_a_sentence_stating_its_line() -> None:
    by_id = {a.id: a for a in (*SHELLING, TRUCE)}
    for d in build_digest([*SHELLING, TRUCE], DigestSettings(words=200)):
        assert d.articles[0] == d.origin.article_id
        for aid in d.articles[1:]:
            assert any(states_same_fact(d.text, s.text) for s in by_id[aid].sentences), (d.text, aid)


# --- lines that stand alone --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It will take weeks to repair the port.",
        "This was the heaviest shelling of the war.",
        "The two sides are now to negotiate a longer truce.",
        "The move came after two days of talks in the capital.",
        "“Or it could be that the commanders are playing for time,",
        "“We will not leave,” he said.",
        "We are now unquestionably at war in the north.",
        "Will the truce in the port hold until the weekend?",
        "“The port is open. The convoys can come,” the governor said.",
        "“The port is open to all convoys.”",
    ],
)
def test_lines_that_lean_on_context_do_not_stand_alone(text: str) -> None:
    assert not stands_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "Government artillery shelled the port of Varna on Monday, killing 14 civilians.",
        "Italy said it would send a field hospital to the port.",
        "The governor said the port was open to “all convoys, without exception.”",
        "“The port is open to all convoys,” said Governor Ana Ruiz.",
    ],
)
def test_self_contained_lines_stand_alone(text: str) -> None:
    assert stands_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "It was not immediately clear whether the convoy reached the port.",
        "It remains unknown how many fishermen were aboard the trawler.",
        "The decision to close the harbour was taken by the port authority on Monday.",
        "The move by the navy left three ferries stranded outside the port.",
        "The port authority denied a report that the harbour district was shelled again overnight.",
        "Rebel commanders rejected a proposal from the governor for a three-day truce in the port.",
        "Residents of the old town call the shelled quarter the “glass district” now.",
        "Dockers marched through the port shouting “Open the gates” on Friday.",
        "The governor opened the exhibition “Ships of the Northern Coast” in the harbour museum.",
    ],
)
def test_a_dummy_it_a_specified_decision_and_quoted_names_stand_alone(text: str) -> None:
    assert stands_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "It was the heaviest shelling of the port in a month.",  # "it" is the shelling named earlier
        "The decision came after two days of talks in the capital.",
        "“Open the gates” was painted on the harbour wall overnight.",  # opens the line
        "The harbour will stay “closed until the shelling stops entirely.”",
        "The port authority pushed back on the report.",
        "Rebel commanders rejected that proposal.",
        "Two port officials spoke on condition of anonymity because the talks were sensitive.",
    ],
)
def test_the_near_misses_still_do_not_stand_alone(text: str) -> None:
    assert not stands_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "The clashes continued, after three guards were killed at the port on Monday.",
        "The shelling resumed overnight in the harbour district.",
        "The attack came as the governor was visiting the port.",
        "A radio station quotes a port official saying the call was “useful.”",  # which call?
        "The envoy said the meeting had been productive.",
        "The opposition leader used the incident to attack the governor's record on the port.",  # which?
    ],
)
def test_a_bare_the_noun_carrying_the_story_on_does_not_stand_alone(text: str) -> None:
    assert not stands_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        "The clashes in the harbour district continued for a third night on Monday.",  # says which
        "The governor came to the port on Monday with two ministers.",  # an actor, not an event
        "Clashes continued in the harbour district on Monday.",  # no article: a fresh fact
        "The Varna clashes continued into a third night.",  # named
        "The governor continued his tour of the port on Monday.",  # an object: an actor's act
        "The army resumed shelling the harbour district at dawn.",
        "The envoy said the meeting with the governor of Varna was productive.",  # says which
        "The envoy said the port was calm on Monday.",  # not an event
        "The governor blamed rebels for the incident at the port on Monday.",  # says which
        "Police said an incident near the harbour gate injured two dockers on Monday.",  # told here
    ],
)
def test_a_the_noun_that_says_which_stands_alone(text: str) -> None:
    assert stands_alone(text)


def test_an_event_carried_on_is_not_rewritten_into_a_line() -> None:
    # "Clashes continued after ..." would place the clashes where the killing was: not guessed.
    art = _article("p", ["Protesters fought police outside the embassy in Varna.",
                         "The clashes continued, after three guards were killed at the port on Monday.",
                         "The attack came as the governor was visiting the port."])
    rw = Rewriter((art,))
    assert rw.rewrite(0, 1, art.sentences[1].text) is None
    assert rw.rewrite(0, 2, art.sentences[2].text) is None


def test_a_rewrite_drops_a_connective_and_the_definite_officials() -> None:
    art = _article("r", ["Aid convoys reached the port on Tuesday.",
                         "But all the trucks left the harbour district safely, the officials said."])
    rw = Rewriter((art,))
    assert rw.rewrite(0, 1, art.sentences[1].text) == "All the trucks left the harbour district safely, officials said."


def test_a_rewrite_drops_a_time_told_from_the_sentence_before() -> None:
    art = _article("t", ["The governor ordered the port closed on Monday.",
                         "Earlier in the day, the army said the convoy had crossed the river.",
                         "Hours later, aid trucks reached the harbour district.",
                         "Later this month, the harbour will reopen to ferries."])
    rw = Rewriter((art,))
    assert rw.rewrite(0, 1, art.sentences[1].text) == "The army said the convoy had crossed the river."
    assert rw.rewrite(0, 2, art.sentences[2].text) == "Aid trucks reached the harbour district."
    # "Later this month" is told from the day of writing, not from the sentence before: it stays.
    assert rw.rewrite(0, 3, art.sentences[3].text) == art.sentences[3].text


def test_a_rewrite_drops_the_anonymity_clause_and_only_that() -> None:
    art = _article("a", [
        "Port officials, speaking on condition of anonymity because they were not authorized to brief reporters, "
        "said the harbour would reopen on Friday.",
        "A harbour pilot, who asked for anonymity, said two ferries had left overnight.",
        "Officials speaking on the radio said the harbour would reopen on Friday.",
    ])
    rw = Rewriter((art,))
    assert rw.rewrite(0, 0, art.sentences[0].text) == "Port officials said the harbour would reopen on Friday."
    assert rw.rewrite(0, 1, art.sentences[1].text) == "A harbour pilot said two ferries had left overnight."
    assert rw.rewrite(0, 2, art.sentences[2].text) == art.sentences[2].text


def test_a_pronoun_speaker_is_named_from_the_sentence_before_or_the_line_is_not_used() -> None:
    art = _article("p", [
        "Governor Ana Ruiz visited the harbour district on Tuesday morning.",
        "“The port will reopen to all ships on Friday,” she said.",
        "Traders said prices of bread had doubled since the shelling began last week.",
        "“We need the convoys every day,” he said.",
    ])
    rw = Rewriter((art,))
    assert rw.rewrite(0, 1, art.sentences[1].text) == "Ana Ruiz said: “The port will reopen to all ships on Friday.”"
    assert rw.rewrite(0, 3, art.sentences[3].text) is None  # nobody named before it: not used


def test_speaker_first_turns_a_quote_led_line_round() -> None:
    assert speaker_first("“We will act,” the minister said on Tuesday.") == "The minister said on Tuesday: “We will act.”"
    assert speaker_first("“Will it hold?” asked Jane Roe.") == "Jane Roe asked: “Will it hold?”"
    assert speaker_first("The minister said the port would reopen.") == "The minister said the port would reopen."


@pytest.mark.parametrize(
    "doubt",
    [
        "He did not elaborate, and reports from the port did not indicate anything close to that number.",
        "The claim could not be independently verified.",
        "The general offered no evidence for the figure.",
        "There was no independent confirmation of the toll.",
    ],
)
def test_a_claim_the_reporter_doubts_in_the_next_sentence_is_no_development(doubt: str) -> None:
    art = _article("d", ["The general said his forces had killed 300 rebel fighters around the port of Varna.", doubt,
                         "Aid convoys reached the port of Varna on Tuesday after a week of shelling."])
    content, _ = build_units([art])
    assert [u.text for u in content if "300 rebel fighters" in u.text] == []
    assert any("Aid convoys reached" in u.text for u in content)


def test_near_miss_a_next_sentence_that_only_adds_is_no_doubt() -> None:
    art = _article("n", ["The general said his forces had killed 300 rebel fighters around the port of Varna.",
                         "He did not say when the offensive on the northern districts would resume.",
                         "The port authority confirmed that two cranes were destroyed in the shelling."])
    content, _ = build_units([art])
    assert any("300 rebel fighters" in u.text for u in content)
