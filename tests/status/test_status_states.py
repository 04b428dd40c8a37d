"""Ceasefire, talks and trend from what the text asserts about now. Invented reports only."""

from __future__ import annotations

import datetime as dt

from briefing.config import ConflictSettings
from briefing.models import ConflictStatus
from briefing.status.build import build_status
from briefing.status.evidence import modality
from support.article_text import article_from_text

NO_PROFILE = ConflictSettings(profile=None)


def _status(*dated: tuple[int, str]) -> ConflictStatus:
    """Articles of June 2024, (day, text) each."""
    articles = [article_from_text(t, f"a{i}", dt.date(2024, 6, day)) for i, (day, t) in enumerate(dated)]
    return build_status(articles, NO_PROFILE)


def test_modality_of_a_cue() -> None:
    text = "Officials urged both sides to resume talks."
    assert modality(text, text.index("resume")) == "hypothetical"
    text = "The minister said talks would resume in Varna next week."
    assert modality(text, text.index("resume")) == "future"
    text = "Talks resumed in Varna on Monday."
    assert modality(text, text.index("resumed")) == "fact"
    text = "If the truce holds, aid will flow."
    assert modality(text, text.index("holds")) == "hypothetical"


# --- talks ------------------------------------------------------------------------------------
def test_recommended_talks_are_no_talks() -> None:
    st = _status((3, "The rebels urged Freedonia to broker talks with the government in Varna."))
    assert st.negotiations.state == "none"


def test_other_negotiations_do_not_vote() -> None:
    st = _status((3, "The president said he is cancelling negotiations with Freedonia on a trade deal."))
    assert st.negotiations.state == "none"


def test_talks_that_will_resume_are_planned() -> None:
    st = _status((3, "The mediator said talks between the army and the rebels would resume in Varna next week."))
    assert st.negotiations.state == "planned"


def test_a_signed_deal_concludes_the_talks() -> None:
    st = _status(
        (1, "Talks between the government and the opposition began in Varna on Saturday."),
        (3, "After ten hours of talks, the president and the opposition signed an agreement on Monday."),
    )
    assert st.negotiations.state == "concluded"


def test_the_latest_reports_decide_the_state_of_talks() -> None:
    st = _status(
        (1, "Talks resumed in Varna on Saturday. Negotiators resumed work on a map. Talks resumed after lunch."),
        (4, "The army walked away from the talks on Tuesday after shelling resumed."),
    )
    assert st.negotiations.state == "suspended"


# --- ceasefire --------------------------------------------------------------------------------
def test_a_supposed_truce_is_no_truce() -> None:
    st = _status((3, "If there is a truce, it was not evident in Varna overnight. Officials hope to find a truce."))
    assert st.ceasefire.state == "none"


def test_a_truce_nothing_newer_mentions_is_no_known_state() -> None:
    st = _status(
        (1, "The army and the rebels agreed to a truce on Saturday."),
        (2, "The interior ministry accused the rebels of breaking the truce."),
        (6, "Parliament elected a new speaker in Varna on Thursday."),
    )
    assert st.ceasefire.state == "none"


def test_a_truce_in_the_newest_reports_keeps_its_state() -> None:
    st = _status(
        (5, "The army and the rebels agreed to a truce on Wednesday."),
        (6, "The truce was holding on Thursday, residents said."),
    )
    assert st.ceasefire.state == "holding"


# --- trend ------------------------------------------------------------------------------------
def test_old_days_and_wishes_do_not_make_a_trend() -> None:
    st = _status(
        (20, "The army launched its offensive on June 2, with heavy shelling of Varna. "
             "Diplomats urged both sides to de-escalate. "
             "After a month of heavy fighting, the guns fell silent."),
    )
    assert st.trend.label == "unclear"


def test_the_shelling_stopped_points_down() -> None:
    st = _status((3, "The shelling stopped on Monday and shops reopened in Varna."))
    assert st.trend.label == "de-escalating"


def test_a_long_old_report_does_not_outvote_a_new_one() -> None:
    old = " ".join(["Heavy fighting raged in Varna, with shelling and airstrikes."] * 8)
    st = _status((3, old), (7, "Central Varna was calm on Friday as troops withdrew from the square."))
    assert st.trend.label in ("de-escalating", "mixed")
    st = _status((7, old), (3, "Central Varna was calm as troops withdrew from the square."))
    assert st.trend.label == "escalating"


def test_talks_keep_their_state_for_weeks_but_not_a_deal_of_last_year() -> None:
    st = _status((20, "Talks in Varna were suspended last month after the army delegation walked out."))
    assert st.negotiations.state == "suspended"
    st = _status((20, "The president signed a deal with Freedonia last year to build a pipeline."))
    assert st.negotiations.state == "none"


# --- a new truce after a collapse ---------------------------------------------------------------
_COLLAPSE = (8, "The three-day truce in Varna collapsed on Friday as shelling resumed across the port.")


def test_a_new_truce_accepted_after_the_collapse_is_the_truce_of_now() -> None:
    st = _status(_COLLAPSE, (10, "The rebels accepted a proposal on Sunday for a new three-day truce in Varna."))
    assert st.ceasefire.state == "fragile"


def test_a_new_truce_only_proposed_leaves_the_old_one_collapsed() -> None:
    st = _status(_COLLAPSE, (10, "The mediator proposed a new three-day truce in Varna on Sunday."))
    assert st.ceasefire.state == "collapsed"


def test_a_new_truce_refused_leaves_the_old_one_collapsed() -> None:
    st = _status(_COLLAPSE, (10, "The rebels did not accept a new three-day truce in Varna on Sunday."))
    assert st.ceasefire.state == "collapsed"


def test_a_new_truce_that_collapsed_too_is_collapsed() -> None:
    st = _status(
        (6, "The rebels accepted a new three-day truce in Varna on Thursday."),
        _COLLAPSE,
    )
    assert st.ceasefire.state == "collapsed"


def test_what_is_said_of_the_new_truce_decides_its_state() -> None:
    st = _status(
        _COLLAPSE,
        (9, "The rebels accepted a new three-day truce in Varna on Saturday."),
        (10, "The new truce in Varna was holding on Sunday, officials said."),
    )
    assert st.ceasefire.state == "holding"


def test_a_new_truce_cites_its_agreement_and_not_the_old_start_date() -> None:
    st = _status(
        (4, "A three-day truce in Varna took effect on June 4 after weeks of shelling."),
        _COLLAPSE,
        (10, "The rebels accepted a proposal on Sunday for a new three-day truce in Varna."),
    )
    assert st.ceasefire.state == "fragile"
    assert st.ceasefire.since is None
    assert "accepted a proposal" in st.ceasefire.evidence[0].text


def test_the_old_truces_brokers_are_not_the_new_ones() -> None:
    st = _status(
        (4, "A three-day truce brokered by Freedonia took effect in Varna on June 4."),
        _COLLAPSE,
        (10, "The rebels accepted a proposal on Sunday for a new three-day truce in Varna."),
    )
    assert st.ceasefire.state == "fragile"
    assert st.ceasefire.brokers == ()


def test_a_sticking_point_put_as_a_question_cut_short_is_dropped() -> None:
    from briefing.status.negotiations import _trim_np

    assert _trim_np("whether Arvenia") is None  # "a dispute over whether Arvenia, which ..., should ..."
    assert _trim_np("whether Arvenia should join the customs union") == "whether Arvenia should join the customs union"
    assert _trim_np("the future of the port") == "future of the port"


def test_the_talks_row_cites_first_a_sentence_that_says_the_state_it_shows() -> None:
    status = _status(
        (1, "Peace talks between the government and the rebels resumed in Varna on Saturday."),
        (3, "The peace talks in Varna were suspended on Monday after the shelling of the port."),
        (3, "Negotiators for both sides said the peace talks in Varna were suspended indefinitely."),
    )
    talks = status.negotiations
    assert talks.state == "suspended"
    assert "suspended" in talks.evidence[0].text
