"""No profile, other wars: small invented reports in tests/data/status/ (not Syria, not the seeds).

The same rules that read the Syria seeds must give figures, ceasefire, talks,
actors and places here, with side "unknown" for everyone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.config import ConflictSettings
from briefing.models import Article, ConflictStatus
from briefing.nlp.sentences import segment
from briefing.status.build import build_status

DATA = Path(__file__).resolve().parents[1] / "data" / "status"
NO_PROFILE = ConflictSettings(profile=None)


def _load(name: str, published: dt.date | None = None) -> list[Article]:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    paragraphs = tuple(line.strip() for line in text.splitlines() if line.strip())
    return [Article(
        id=name, title=name, source=None, published=published, text="\n".join(paragraphs),
        paragraphs=paragraphs, sentences=segment(paragraphs), words=len(text.split()), path=str(DATA / name),
    )]


def _status(name: str, published: dt.date | None = None) -> ConflictStatus:
    return build_status(_load(name, published), NO_PROFILE)


def _figure(status: ConflictStatus, kind: str, value: int):
    return next(f for f in status.figures if f.kind == kind and f.value == value)


def _names(status: ConflictStatus) -> set[str]:
    return {a.name for a in status.actors}


def test_sudan() -> None:
    st = _status("sudan")
    killed = _figure(st, "killed", 12_000)
    assert killed.qualifier == "over" and "Armed Conflict Location" in (killed.reported_by or "")
    assert _figure(st, "displaced", 8_600_000).qualifier == "about"
    assert _figure(st, "refugees", 1_800_000).reported_by == "The United Nations"
    assert _figure(st, "killed", 40).reported_by == "a local doctors' group"
    assert st.ceasefire.state == "collapsed"
    assert set(st.ceasefire.brokers) == {"Saudi Arabia", "United States"}
    assert (st.negotiations.state, st.negotiations.venue) == ("suspended", "Jeddah")
    assert st.negotiations.mediator == "Tom Perriello"
    rsf = next(a for a in st.actors if a.name == "Rapid Support Forces")
    assert rsf.kind == "armed group" and "RSF" in rsf.aliases and rsf.mentions == 4
    assert {"Abdel Fattah al-Burhan", "Mohamed Hamdan Dagalo", "Sudanese army"} <= _names(st)
    assert {"El Fasher", "Omdurman", "Chad"} <= {p.name for p in st.locations}
    assert "El Fasher" not in _names(st)
    assert st.trend.label == "escalating"
    assert {a.side for a in st.actors} == {"unknown"}


def test_ukraine() -> None:
    st = _status("ukraine", dt.date(2024, 6, 3))
    assert (_figure(st, "killed", 7).qualifier, _figure(st, "injured", 23).qualifier) == ("at least", "exact")
    assert _figure(st, "killed", 7).reported_by == "Ukrainian officials"
    assert _figure(st, "refugees", 6_500_000).reported_by == "the U.N. refugee agency"
    assert _figure(st, "troops", 50_000).reported_by == "the Institute for the Study of War"
    assert st.ceasefire.state == "none"  # "no ceasefire was possible"
    assert (st.negotiations.state, st.negotiations.venue, st.negotiations.mediator) == ("resumed", "Istanbul", "Turkey")
    assert any("occupied territories" in p for p in st.negotiations.sticking_points)
    assert {"Volodymyr Zelenskyy", "Kremlin"} <= _names(st)
    assert {"Kharkiv", "Istanbul", "Pokrovsk"} & {p.name for p in st.locations}
    dated = {e.date for e in st.timeline}
    assert dt.date(2024, 6, 2) in dated and dt.date(2024, 6, 3) in dated  # "on Sunday", "on Monday"


def test_yemen_two_counters_disagree() -> None:
    st = _status("yemen")
    low, high = _figure(st, "killed", 150_000), _figure(st, "killed", 377_000)
    assert low.disagreement and high.disagreement
    assert high.reported_by == "the government" and "Armed Conflict" in (low.reported_by or "")
    assert st.ceasefire.since == dt.date(2022, 4, 2)
    assert st.ceasefire.state == "fragile"  # largely held + violations
    assert (st.negotiations.venue, st.negotiations.mediator) == ("Muscat", "Hans Grundberg")
    assert "Houthis" in st.negotiations.parties
    assert any("salaries" in p for p in st.negotiations.sticking_points)
    assert st.trend.escalating and st.trend.de_escalating


def test_dr_congo() -> None:
    st = _status("drc")
    assert _figure(st, "displaced", 1_700_000).reported_by == "the International Organization for Migration"
    assert _figure(st, "killed", 12).reported_by == "a local official"
    assert st.ceasefire.state == "violated"
    # "talks ... would resume in Luanda next week": a resumption planned, not talks resumed
    assert (st.negotiations.state, st.negotiations.venue) == ("planned", "Luanda")
    assert st.negotiations.mediator == "João Lourenço"
    assert {"M23", "African Union", "Congolese government"} <= _names(st)
    assert {"Goma", "Rubaya", "North Kivu", "DR Congo"} <= {p.name for p in st.locations}
    assert "North Kivu" not in _names(st)
    # No date anywhere in the text: events keep the words as written, undated.
    saturday = [e for e in st.timeline if e.when == "Saturday"]
    assert saturday and saturday[0].date is None and not saturday[0].text.startswith("Saturday")


@pytest.mark.parametrize("name", ["sudan", "ukraine", "yemen", "drc"])
def test_every_answer_cites_its_sentence(name: str) -> None:
    st = _status(name)
    for ref in (*st.ceasefire.evidence, *st.negotiations.evidence, *st.trend.escalating, *st.trend.de_escalating):
        assert ref.article_id == name and ref.text
    for fig in st.figures:
        assert fig.evidence is not None and fig.text.split()[-1].strip(",.") in fig.evidence.text


def test_cue_words_can_be_overridden_from_settings() -> None:
    articles = _load("drc")
    # the user's lists alone decide (a cue of this day: last month's truce is no evidence of the trend now)
    calm = build_status(articles, ConflictSettings(profile=None, escalation_cues=(), deescalation_cues=("fresh offensive",)))
    assert calm.trend.label == "de-escalating"
    assert not calm.trend.escalating


def test_empty_set() -> None:
    assert build_status([], NO_PROFILE) == ConflictStatus()
