"""Which counts the brief's status table prints (briefing/brief/figure_rows.py)."""

from __future__ import annotations

import datetime as dt

from briefing.brief.figure_rows import TableFigure, table_figures
from briefing.models import Article, Figure, SentenceRef

DAY = dt.date(2026, 11, 20)


def article(aid: str, days_old: int = 0, kind: str = "news") -> Article:
    return Article(aid, f"Report {aid}", "Outlet", DAY - dt.timedelta(days=days_old), "", (), (), 0, kind=kind)


def fig(value: int, aid: str, text: str, *, kind: str = "killed", qualifier: str = "exact", subject: str | None = None,
        scope: str = "incident", by: str | None = None, disputed: bool = False, sentence: str | None = None,
        as_of: dt.date = DAY) -> Figure:
    ref = SentenceRef(aid, 0, sentence or f"Officials said {text} were killed on Tuesday.")
    return Figure(kind, value, qualifier, text, by, aid, ref, disagreement=disputed, subject=subject, scope=scope,
                  as_of=as_of)


ARTICLES = [article(a) for a in "abcdefg"]


def shown(rows: list[TableFigure]) -> list[tuple[str, int, tuple[str, ...], bool]]:
    return [(r.figure.kind, r.figure.value, r.article_ids, r.figure.disagreement) for r in rows]


def test_the_count_most_reports_give_leads_and_cites_those_that_state_it() -> None:
    figures = [
        fig(1900, "a", "nearly 1,900 villagers", qualifier="nearly", subject="villagers"),
        fig(1900, "b", "1,900 villagers", subject="villagers"),
        fig(1850, "c", "1,850 villagers", subject="villagers"),
        fig(12, "d", "12 villagers", subject="villagers"),
    ]
    rows = table_figures(figures, ARTICLES)
    assert shown(rows) == [("killed", 1900, ("b", "a"), False)]  # the exact wording first
    assert rows[0].headline


def test_a_part_of_a_count_is_never_a_rival_toll() -> None:
    """'The other three engineers' and '40 of them hospitalized' count part of the toll, and one
    report's passing count of two guards is not a second toll."""
    figures = [
        fig(4, "a", "four engineers", subject="engineers"),
        fig(4, "b", "four engineers", subject="engineers"),
        fig(3, "c", "three engineers", subject="other engineers"),
        fig(2, "d", "Two security guards", subject="security guards"),
        fig(90, "a", "90 people", kind="injured", subject="people", scope="cumulative", by="the ministry",
            sentence="The ministry said 90 people were wounded and 40 hospitalized."),
        fig(40, "a", "40", kind="injured", scope="cumulative", by="the ministry",
            sentence="The ministry said 90 people were wounded and 40 hospitalized."),
        fig(40, "b", "40", kind="injured", scope="cumulative",
            sentence="Some 90 people were hurt; 40 of them were taken to hospital."),
    ]
    assert shown(table_figures(figures, ARTICLES)) == [("killed", 4, ("a", "b"), False),
                                                      ("injured", 90, ("a",), False)]


def test_near_miss_a_whole_count_that_happens_to_be_followed_by_of() -> None:
    """'40 of the villagers' is the count itself (the subject reader takes the noun), not 'of those'."""
    figures = [fig(40, "a", "40", subject="villagers", sentence="Gunmen killed 40 of the villagers at dawn."),
               fig(40, "b", "40 villagers", subject="villagers")]
    assert [r.figure.value for r in table_figures(figures, ARTICLES)] == [40]


def test_a_dispute_the_analysis_flagged_shows_both_sides() -> None:
    figures = [
        fig(1300, "a", "more than 1,300 people", qualifier="over", by="opposition officials", disputed=True),
        fig(1300, "b", "1,300 people"),
        fig(1300, "c", "1,300 people"),
        fig(355, "d", "355 people", by="a medical charity", disputed=True),
        fig(355, "e", "355 deaths"),
    ]
    rows = table_figures(figures, ARTICLES)
    assert shown(rows) == [("killed", 1300, ("a", "b", "c"), True), ("killed", 355, ("d", "e"), True)]
    assert rows[0].figure.reported_by == "opposition officials"


def test_the_wars_running_total_is_not_a_rival_of_one_attacks_toll() -> None:
    figures = [
        fig(1300, "a", "1,300 people"), fig(1300, "b", "1,300 people"), fig(1300, "c", "1,300 people"),
        fig(100_000, "d", "about 100,000 people", qualifier="about", scope="cumulative", by="the U.N.", disputed=True),
        fig(100_000, "e", "more than 100,000 people", qualifier="over", scope="cumulative"),
    ]
    assert shown(table_figures(figures, ARTICLES)) == [("killed", 1300, ("a", "b", "c"), False)]


def test_a_dispute_of_another_day_is_not_a_rival() -> None:
    """The analysis flagged two counts of Monday's clashes; today's cumulative count is not disputed by them."""
    monday = DAY - dt.timedelta(days=2)
    figures = [
        fig(577, "a", "577 people", kind="injured", by="the ministry"),
        fig(577, "b", "577 people", kind="injured"),
        fig(241, "c", "241", kind="injured", disputed=True, as_of=monday),
        fig(250, "d", "nearly 250", kind="injured", qualifier="nearly", as_of=monday),
    ]
    assert shown(table_figures(figures, ARTICLES)) == [("injured", 577, ("a", "b"), False)]


def test_one_other_people_named_in_capitals_gets_its_own_count() -> None:
    figures = [
        fig(1900, "a", "1,900 Palestinians", subject="Palestinians"),
        fig(1900, "b", "1,900 Palestinians", subject="Palestinians"),
        fig(67, "c", "67 Israelis", subject="Israelis"),
        fig(67, "d", "67 Israelis", subject="Israelis"),
        fig(900, "e", "900 militants", subject="militants"),
        fig(900, "f", "900 militants", subject="militants"),
    ]
    assert [(r.figure.value, r.headline) for r in table_figures(figures, ARTICLES)] == [(1900, True), (67, False)]


def test_one_reports_count_of_one_incident_is_not_the_toll_but_a_named_running_total_is() -> None:
    figures = [
        fig(40, "a", "at least 40", kind="injured", qualifier="at least", by="a local newspaper"),
        fig(260_000, "b", "about 260,000 people", kind="displaced", qualifier="about", scope="cumulative",
            by="the United Nations"),
    ]
    assert shown(table_figures(figures, ARTICLES)) == [("displaced", 260_000, ("b",), False)]


def test_vague_plurals_shares_and_earlier_wars_are_left_out() -> None:
    figures = [
        fig(100, "a", "hundreds of people"), fig(100, "b", "hundreds of people"),
        fig(50, "c", "half of the residents", kind="displaced", subject="residents"),
        fig(500_000, "d", "500,000 people", scope="background"), fig(500_000, "e", "500,000 people", scope="background"),
    ]
    figures[2] = Figure("displaced", 50, "exact", "half of the residents", None, "c", None, fraction=0.5, base=100)
    assert table_figures(figures, ARTICLES) == []


def test_opinion_pieces_counts_only_when_no_news_report_counts_that_kind() -> None:
    arts = [article("a"), article("b", kind="opinion"), article("c", kind="opinion")]
    figures = [
        fig(30, "a", "30 people", by="the police", scope="cumulative"),
        fig(1000, "b", "more than 1,000 civilians", qualifier="over", subject="civilians"),
        fig(1000, "c", "more than 1,000 civilians", qualifier="over", subject="civilians"),
        fig(5000, "b", "5,000 people", kind="displaced"), fig(5000, "c", "5,000 people", kind="displaced"),
    ]
    assert [(r.figure.kind, r.figure.value) for r in table_figures(figures, arts)] == [("killed", 30),
                                                                                     ("displaced", 5000)]


def test_on_a_tie_the_newer_reports_count_leads() -> None:
    arts = [article("a", 3), article("b", 3), article("c"), article("d")]
    figures = [fig(20, "a", "20 soldiers", subject="soldiers"), fig(20, "b", "20 soldiers", subject="soldiers"),
               fig(9, "c", "nine fishermen", subject="fishermen"), fig(9, "d", "nine fishermen", subject="fishermen")]
    assert [r.figure.value for r in table_figures(figures, arts)] == [9]


def test_a_count_that_rose_over_the_days_shows_the_newest_reports_value() -> None:
    """70 dead three days ago, 77 the day after, 82 and 88 today: one rising toll, shown as today's."""
    arts = [article("a", 3), article("b", 3), article("c", 3), article("f", 2), article("d"), article("e")]
    figures = [fig(70, "a", "about 70 people", qualifier="about"), fig(70, "b", "70 people"),
               fig(70, "c", "70 people"), fig(77, "f", "77 people"), fig(88, "d", "88 people"),
               fig(82, "e", "at least 82 people", qualifier="at least")]
    (row,) = table_figures(figures, arts)
    assert (row.figure.value, row.article_ids) == (88, ("d",))


def test_hearsay_is_no_source_to_print_or_to_lead_with() -> None:
    figures = [fig(100, "a", "100 people", by="Some news reports", scope="cumulative"),
               fig(40, "b", "40 people", by="the health ministry", scope="cumulative")]
    rows = table_figures(figures, ARTICLES)
    assert [(r.figure.value, r.figure.reported_by) for r in rows] == [(40, "the health ministry")]
    both = table_figures([*figures, fig(100, "c", "100 people")], ARTICLES)
    assert [(r.figure.value, r.figure.reported_by) for r in both] == [(100, None)]
