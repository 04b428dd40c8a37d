"""What is new against the last brief of the same story: developments, moved figures, new quotes.

Briefs are built as they are today (figures without a subject); a Figure with a
`subject` is made here the way issue 14 will add it, to show the series key use it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from briefing.brief.model import Brief, ItemOrigin
from briefing.models import Figure, Quote, SentenceRef
from briefing.store.briefs import last_brief, record_brief
from briefing.store.changes import (
    Baseline,
    BriefContent,
    Development,
    compare_briefs,
    content_of_brief,
    content_of_saved,
    headline_figures,
    series_key,
)
from briefing.store.daily import changes_since_last_brief
from briefing.store.db import Store

SubjectFigure = dataclasses.make_dataclass(
    "SubjectFigure", [("subject", "str | None", None), ("scope", "str | None", None)], bases=(Figure,), frozen=True
)


def figure(kind: str, value: int, by: str | None = None, article: str = "a1", **extra: str) -> Figure:
    made: Figure = SubjectFigure(kind, value, "at least", f"at least {value}", by, article, **extra) if extra else Figure(
        kind, value, "at least", f"at least {value}", by, article
    )
    return made


def quote(text: str, speaker: str = "Maren Tolk") -> Quote:
    return Quote(text, speaker, "coordinator", "said", False, ("a1",), (SentenceRef("a1", 2, text),))


def brief(day: int, developments: list[tuple[str, str, int]], figures: list[Figure], quotes: list[Quote]) -> Brief:
    made = Brief("Valley brief", dt.date(2024, 5, day))
    for text, article, sentence in developments:
        made.add(text, ItemOrigin("digest", (article,), sentence), "developments")
    for f in figures:
        made.add(f"{f.kind}: {f.value}", ItemOrigin("figure", (f.article,), figure=f, field=f.kind), allow_duplicate=True)
    for q in quotes:
        made.add(q.text, ItemOrigin("quote", q.articles, quote=q))
    return made


YESTERDAY = brief(
    2,
    [
        ("Shelling struck the river town of Velmora on Tuesday, killing at least 11 people.", "a1", 0),
        ("More than 1,200 residents fled toward Karsel overnight along the flooded southern road.", "a1", 1),
    ],
    [figure("killed", 137, "the valley health office"), figure("displaced", 1200)],
    [quote("We counted the damaged houses street by street.")],
)


def test_the_first_brief_of_a_story_has_nothing_since() -> None:
    changes = compare_briefs(content_of_brief(YESTERDAY), None)
    assert changes.empty and changes.previous_date is None


def test_a_brief_compared_with_itself_has_nothing_new() -> None:
    changes = compare_briefs(content_of_brief(YESTERDAY), content_of_brief(YESTERDAY))
    assert changes.empty and changes.previous_date == dt.date(2024, 5, 2)


def test_new_developments_moved_figures_and_new_quotes() -> None:
    today = brief(
        3,
        [
            # the same sentence of the same article, its text edited by the analyst: not new
            ("Shelling hit Velmora on Tuesday, killing at least 11.", "a1", 0),
            # another outlet's near-duplicate of yesterday's second line: not new
            ("More than 1,200 residents fled toward Karsel overnight on the flooded southern road, aid workers said.", "b7", 4),
            # a new report
            ("Envoys from both sides met in Karsel on Friday and agreed to reopen the southern road.", "c2", 0),
        ],
        [figure("killed", 163, "the valley health office"), figure("displaced", 1200), figure("injured", 40)],
        [quote("We counted the damaged houses street by street."), quote("The road opens at dawn.", "Ilse Varn")],
    )
    changes = compare_briefs(content_of_brief(today), content_of_brief(YESTERDAY))
    assert [d.text for d in changes.new_developments] == [
        "Envoys from both sides met in Karsel on Friday and agreed to reopen the southern road."
    ]
    (move,) = changes.moved_figures
    assert (move.kind, move.subject, move.before.value, move.after.value, move.change) == ("killed", None, 137, 163, 26)
    assert move.describe() == "Killed: 137 -> 163, the valley health office"
    assert [f.kind for f in changes.new_figures] == ["injured"]
    assert [q.text for q in changes.new_quotes] == ["The road opens at dawn."]


def test_a_changed_number_is_a_new_report_not_a_repeat() -> None:
    old = BriefContent((Development("Shelling killed 11 people in Velmora on Tuesday, the health office said."),))
    new = BriefContent((Development("Shelling killed 19 people in Velmora on Tuesday, the health office said."),))
    same = BriefContent((Development("On Tuesday shelling killed 11 people in Velmora, the health office said."),))
    assert len(compare_briefs(new, old).new_developments) == 1
    assert compare_briefs(same, old).new_developments == ()


def test_unrelated_lines_sharing_a_place_name_are_both_kept() -> None:
    old = BriefContent((Development("Shelling struck Velmora on Tuesday, killing at least 11 people."),))
    new = BriefContent((Development("Aid convoys reached Velmora for the first time in a month."),))
    assert len(compare_briefs(new, old).new_developments) == 1


def test_series_are_kept_apart_by_subject_once_figures_carry_one() -> None:
    old = BriefContent(figures=(figure("killed", 137, subject="Palestinians"), figure("killed", 40, subject="Israelis")))
    new = BriefContent(figures=(figure("killed", 163, "Gaza Health Ministry", subject="Palestinians"), figure("killed", 40, subject="Israelis")))
    (move,) = compare_briefs(new, old).moved_figures
    assert move.describe() == "Killed (Palestinians): 137 -> 163, Gaza Health Ministry"
    assert series_key(figure("killed", 1)) == ("killed", None)  # today's figures: kind alone
    assert series_key(figure("killed", 1, subject="  ")) == ("killed", None)


def test_incident_counts_and_other_things_counted_form_no_series() -> None:
    figures = [figure("killed", 3, scope="incident"), figure("killed", 900, scope="cumulative"), figure("other", 12)]
    assert list(headline_figures(figures).values()) == [figures[1]]
    assert headline_figures([figure("killed", 250_000, "a"), figure("killed", 470_000, "b")])[("killed", None)].reported_by == "b"


def test_a_quote_contained_in_a_longer_one_is_not_new_but_a_word_fragment_is_no_match() -> None:
    baseline = Baseline(BriefContent(quotes=(quote("We will win the road back, and we will hold it."),)))
    assert not baseline.quote_is_new(quote("we will win the road back"))
    assert baseline.quote_is_new(quote("ill win the road"))
    assert baseline.quote_is_new(quote("We will hold the bridge."))


def test_a_recorded_brief_reads_back_as_the_same_content(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite3") as store:
        record_brief(store, YESTERDAY, None, ["a1"])
        saved = last_brief(store)
    assert saved is not None
    assert content_of_saved(saved.data) == content_of_brief(YESTERDAY)


def test_a_recorded_figure_subject_is_read_when_the_figure_knows_it() -> None:
    """The JSON keeps unknown fields; `content_of_saved` takes what today's Figure declares."""
    data = json.loads(json.dumps(YESTERDAY.to_dict()))
    data["items"][2]["origin"]["figure"]["subject"] = "civilians"
    data["items"][2]["origin"]["figure"]["a_field_from_the_future"] = [1, 2]
    (read, _) = content_of_saved(data).figures
    recorded = YESTERDAY.items[2].origin.figure
    assert recorded is not None and (read.kind, read.value, read.reported_by) == (recorded.kind, 137, recorded.reported_by)
    assert getattr(read, "subject", "civilians") == "civilians"  # kept as soon as Figure declares it


def test_unreadable_items_are_left_out_not_fatal() -> None:
    data = json.loads(json.dumps(YESTERDAY.to_dict()))
    data["items"][2]["origin"]["figure"]["value"] = "many"
    data["items"].append({"nonsense": True})
    data["date"] = "someday"
    content = content_of_saved(data)
    assert len(content.figures) == 1 and content.date is None and len(content.developments) == 2


def test_saving_again_compares_with_the_brief_before_not_with_itself(tmp_path: Path) -> None:
    store_path = tmp_path / "s.sqlite3"
    target = tmp_path / "brief-2024-05-03.md"
    with Store.open(store_path) as store:
        record_brief(store, YESTERDAY, tmp_path / "brief-2024-05-02.md", ["a1"], "valley", saved_at=100.0)
    today = brief(3, [("Envoys met in Karsel on Friday and agreed to reopen the southern road.", "c2", 0)], [], [])
    first = changes_since_last_brief(today, "valley", target, store_path)
    with Store.open(store_path) as store:
        record_brief(store, today, target, ["c2"], "valley", saved_at=200.0)
    again = changes_since_last_brief(today, "valley", target, store_path)
    assert first == again and len(first.new_developments) == 1 and first.previous_date == dt.date(2024, 5, 2)
    assert changes_since_last_brief(today, "coast", target, store_path).empty


def test_what_the_last_brief_had_loaded_is_not_new_though_it_left_it_out() -> None:
    """A pile read again with one more day's files: the first day's reports were there to be used."""
    previous = dataclasses.replace(content_of_brief(YESTERDAY), loaded=frozenset({"a1", "b7"}))
    baseline = Baseline(previous)
    assert not baseline.development_is_new(Development("Envoys met in Karsel on Friday to reopen the road.", ("b7",), 3))
    assert baseline.development_is_new(Development("Envoys met in Karsel on Friday to reopen the road.", ("b7", "c2"), 3))
    assert not baseline.quote_is_new(quote("The road opens at dawn."))  # from a1, loaded then
    assert not baseline.already_loaded(())


def test_the_baseline_is_the_last_brief_of_the_articles_story_with_what_it_had_loaded(tmp_path: Path) -> None:
    from briefing.store.daily import last_brief_baseline
    from support.brief_sample import make_article

    store_path = tmp_path / "s.sqlite3"
    article = make_article("c2", "Envoys meet", "Valley Wire", None, [["Envoys met in Karsel on Friday."]])
    assert last_brief_baseline([article], None, store_path) is None  # no brief yet
    with Store.open(store_path) as store:
        record_brief(store, YESTERDAY, tmp_path / "b1.md", ["a1", "b7"], None, saved_at=100.0)
    kept = make_article("a1", "Shelling in Velmora", "Valley Wire", None, [["Shelling struck Velmora."]])
    baseline = last_brief_baseline([kept, article], tmp_path / "b2.md", store_path)
    assert baseline is not None and baseline.previous.loaded == {"a1", "b7"}
    assert baseline.previous.date == dt.date(2024, 5, 2)
    assert last_brief_baseline([kept, article], tmp_path / "b1.md", store_path) is None  # its own earlier save
    # no story label and nothing in common with the last brief: another pile, not the next day of this one
    assert last_brief_baseline([article], tmp_path / "b2.md", store_path) is None
    (tmp_path / "broken.sqlite3").write_bytes(b"not a database " * 200)
    assert last_brief_baseline([article], None, tmp_path / "broken.sqlite3") is None
