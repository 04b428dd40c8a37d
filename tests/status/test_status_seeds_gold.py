"""The status panel on the two seeds, checked against the hand-made gold in ../shared/gold/seeds.yaml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from briefing.config import ConflictSettings
from briefing.ingest import load_paths
from briefing.models import ConflictStatus
from briefing.status.build import build_status

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "gold" / "seeds.yaml"
SIDE_OF_GOLD_GROUP = {  # gold groups -> sides in config/profiles/syria.yaml
    "government": "government",
    "government_allies": "government_ally",
    "opposition": "opposition",
    "excluded_jihadist_groups": "jihadist",
}


@pytest.fixture(scope="module")
def gold() -> dict:
    if not GOLD.is_file():
        pytest.skip(f"gold annotations not found at {GOLD} (they live outside the repository)")
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds() -> tuple[dict[str, str], list]:
    articles = load_paths(sorted((ROOT / "seeds").glob("*.txt"))).articles
    ids = {Path(a.path or "").name[:3]: a.id for a in articles}
    return ids, articles


@pytest.fixture(scope="module", params=["syria", None], ids=["profile", "no-profile"])
def status(request: pytest.FixtureRequest, seeds) -> ConflictStatus:
    return build_status(seeds[1], ConflictSettings(profile=request.param))


def _norm(text: str) -> str:
    return text.replace("’", "'").replace("“", '"').replace("”", '"')


def test_both_death_tolls_disagree(gold: dict, seeds, status: ConflictStatus) -> None:
    ids, _ = seeds
    killed = {f.article: f for f in status.figures if f.kind == "killed"}
    for entry in (g for g in gold["figures"] if g["counts"] == "killed"):
        fig = killed[ids[entry["article"][:3]]]
        assert fig.value == entry["value"]
        assert fig.qualifier == entry["qualifier"].replace("_", " ")
        assert fig.disagreement, "incompatible tolls must be flagged, never averaged"
    scpr = killed[ids["004"]]
    assert "Syrian Center for Policy Research" in (scpr.reported_by or "")
    assert "Press TV" in (scpr.reported_by or "")


def test_displacement_and_injury_figures(gold: dict, seeds, status: ConflictStatus) -> None:
    ids, _ = seeds
    figs = [f for f in status.figures if f.kind == "displaced"]
    absolute = {(f.article, f.value) for f in figs if f.fraction is None}
    for entry in gold["figures"]:
        if str(entry["counts"]).startswith("displaced") and entry.get("unit") is None:
            assert (ids[entry["article"][:3]], entry["value"]) in absolute
    shares = [f for f in figs if f.fraction == 0.5]
    assert {f.article for f in shares} == {ids["000"], ids["004"]}
    with_base = next(f for f in shares if f.base)
    assert with_base.base == 23_000_000 and with_base.qualifier == "nearly"
    assert not any(f.disagreement for f in figs), "the displacement figures agree (about 11-11.5 million)"
    injured = [f for f in status.figures if f.kind == "injured"]
    assert [(f.value, f.article) for f in injured] == [(1_900_000, ids["004"])]


def test_no_invented_troop_numbers(status: ConflictStatus) -> None:
    assert not [f for f in status.figures if f.kind == "troops"]


def test_ceasefire(gold: dict, status: ConflictStatus) -> None:
    cf = status.ceasefire
    assert cf.since == dt.date.fromisoformat(gold["ceasefire"]["start_date"]["normalized"])
    assert set(cf.brokers) == set(gold["ceasefire"]["brokers"])
    assert any("Islamic State" in e for e in cf.excluded)
    assert any("Nusra" in e for e in cf.excluded)
    assert len(cf.excluded) == len(gold["ceasefire"]["excluded"])
    assert cf.state in ("holding", "fragile")  # gold: holding_with_violations
    evidence = {_norm(e.text) for e in cf.evidence}
    for item in gold["ceasefire"]["state_evidence"]:
        assert any(_norm(item["text"]) in text for text in evidence), item["text"]


def test_negotiations(gold: dict, status: ConflictStatus) -> None:
    talks = status.negotiations
    assert talks.venue == gold["negotiations"]["venue"]
    assert talks.mediator == gold["negotiations"]["mediator"]["name"]
    assert talks.state == gold["negotiations"]["state"]
    assert any("government" in p.lower() for p in talks.parties)
    assert any("opposition" in p.lower() for p in talks.parties)
    assert any("Assad's future" in p for p in talks.sticking_points)
    assert talks.evidence


def test_actors_grouped_by_side(gold: dict, seeds) -> None:
    status = build_status(seeds[1], ConflictSettings(profile="syria"))
    by_name = {a.name: a for a in status.actors}
    forms = {f.casefold(): a for a in status.actors for f in (a.name, *a.aliases)}
    for group, side in SIDE_OF_GOLD_GROUP.items():
        entries = [e for e in gold["actors"][group] if "unnamed" not in e["name"]]
        matched = {}
        for entry in entries:
            for form in (entry["name"], *entry.get("aliases", ())):
                if form.casefold() in forms:
                    matched[entry["name"]] = forms[form.casefold()]
                    break
        assert len(matched) >= 0.8 * len(entries), (group, [e["name"] for e in entries], list(matched))
        for name, actor in matched.items():
            assert actor.side in (side, "unknown"), (name, actor)  # unknown: the profile does not list it
        right = [n for n, a in matched.items() if a.side == side]
        assert len(right) >= 0.8 * len(matched), (group, right)
    assert by_name["Staffan de Mistura"].side == "mediator"
    assert "Daesh (ISIS)" in by_name["Islamic State"].aliases


def test_actors_without_profile_have_unknown_sides(seeds) -> None:
    status = build_status(seeds[1], ConflictSettings(profile=None))
    names = {a.name for a in status.actors}
    assert {"Vladimir Putin", "Staffan de Mistura", "Islamic State", "Nusra Front", "Russia"} <= names
    assert {a.side for a in status.actors} <= {"unknown", "media"}


def test_places(gold: dict, status: ConflictStatus) -> None:
    ours = {p.name for p in status.locations}
    wanted = [loc["name"] for loc in gold["locations"] if loc["type"] in ("country", "city", "port_city", "town", "province", "airbase")]
    found = [n for n in wanted if n in ours]
    assert len(found) >= 0.85 * len(wanted), set(wanted) - ours
    counts = {p.name: p.mentions for p in status.locations}
    assert counts["Geneva"] >= 5 and counts["Syria"] > counts["Geneva"]
    assert not ours & {"Putin", "Assad", "Staffan de Mistura"}


def test_trend_has_evidence_both_ways(gold: dict, status: ConflictStatus) -> None:
    trend = status.trend
    assert trend.escalating and trend.de_escalating
    assert trend.label in ("de-escalating", "mixed")  # gold: de_escalating_fragile
    up = [_norm(e.text) for e in trend.escalating]
    down = [_norm(e.text) for e in trend.de_escalating]
    up_gold = [_norm(e["text"]) for e in gold["trend"]["escalation_or_risk_evidence"]]
    down_gold = [_norm(e["text"]) for e in gold["trend"]["de_escalation_evidence"]]
    assert sum(any(g in t for t in up) for g in up_gold) >= len(up_gold) // 2
    assert sum(any(g in t for t in down) for g in down_gold) >= len(down_gold) // 2


def test_timeline(status: ConflictStatus) -> None:
    dated = {e.date for e in status.timeline if e.date}
    assert dt.date(2016, 2, 27) in dated
    whens = {(e.when, e.date_inferred) for e in status.timeline}
    assert ("April 2016", True) in whens  # "next month": the parliamentary elections
    assert ("Monday (March 2016)", True) in whens  # the withdrawal order, day not in the text
    assert all(not e.text.startswith(("Monday", "April")) for e in status.timeline)  # dates in fields, not text
