"""Figures over time across saved briefs: one point per brief, and the brief's "up from 137 on 20 Nov"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing.brief.model import Brief, ItemOrigin
from briefing.models import Figure
from briefing.store.briefs import list_briefs, record_brief
from briefing.store.db import Store
from briefing.store.series import Point, change_phrase, figure_series, previous_point


def _brief(day: int, *figures: Figure) -> Brief:
    brief = Brief("Valley brief", dt.date(2024, 11, day))
    for f in figures:
        brief.add(f"{f.kind}: {f.value}", ItemOrigin("figure", (f.article,), figure=f), allow_duplicate=True)
    return brief


def _killed(value: int, by: str = "the valley health office") -> Figure:
    return Figure("killed", value, "at least", f"at least {value}", by, "a1")


def test_each_series_has_one_point_per_brief_oldest_first(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite3") as store:
        record_brief(store, _brief(20, _killed(137), Figure("displaced", 1200, "more than", "1,200", None, "a1")), None, [],
                     saved_at=100.0)  # fmt: skip
        record_brief(store, _brief(21, _killed(150), _killed(163, "a rival count")), None, [], saved_at=200.0)
        record_brief(store, _brief(22), None, [], saved_at=300.0)  # no figures that day
        series = figure_series(list_briefs(store))
    killed = series[("killed", None)]
    assert [(p.date.day, p.value, p.reported_by) for p in killed] == [(20, 137, "the valley health office"), (21, 163, "a rival count")]
    assert [p.value for p in series[("displaced", None)]] == [1200]
    assert previous_point(killed, before=250.0) == killed[1] and previous_point(killed, before=100.0) is None


def test_the_brief_says_how_a_figure_moved_since_it_was_last_reported() -> None:
    assert figure_series([]) == {}
    last = Point(dt.date(2024, 11, 20), 100.0, 137, None, 1)
    assert change_phrase(163, last) == "up from 137 on 20 Nov"
    assert change_phrase(120, last) == "down from 137 on 20 Nov"
    assert change_phrase(137, last) == "unchanged since 20 Nov"
    assert change_phrase(1_500, Point(dt.date(2024, 5, 2), 1.0, 1_200, None, 2)) == "up from 1,200 on 2 May"
    assert change_phrase(163, None) is None
