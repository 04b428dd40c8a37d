"""The draft store: where drafts live, round trip, discard, privacy."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.brief import items
from briefing.brief.drafts import DraftStore
from briefing.brief.model import Brief, BriefError, ItemOrigin
from briefing.brief.render import NOT_LOADED_MARK, render, render_markdown
from briefing.brief.sources import SourceInfo
from briefing.config import Settings
from briefing.models import Analysis
from support.brief_sample import DAILY, DAY, DIGEST, FIGURES, QUOTE_YUSUF, WIRE, brief_citing_the_sample, make_article, sample_analysis


def a_brief() -> Brief:
    b = Brief.new(Settings(), dt.date(2026, 11, 21))
    b.add("The truce held overnight.", ItemOrigin("digest", ("a1",)), "bottom_line")
    b.add("Watch the convoys.", ItemOrigin.free())
    return b


def test_default_location_is_the_user_data_dir() -> None:
    store = DraftStore()
    assert store.path.parent == Path(os.environ["XDG_DATA_HOME"]) / "briefing" / "drafts"
    assert store.path.name.startswith("session-") and store.path.suffix == ".json"  # one file per session


def test_save_load_discard(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    assert store.load() is None and store.problem is None and not store.exists()
    brief = a_brief()
    store.save(brief)
    assert store.exists()
    again = store.load()
    assert again is not None
    assert again.items == brief.items and again.revision == brief.revision and again.title == brief.title
    assert again.undo() is False  # undo history is per session
    store.discard()
    assert not store.exists() and store.load() is None
    store.discard()  # discarding nothing is fine


def test_draft_is_private_and_updated_in_place(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    brief = a_brief()
    store.save(brief)
    assert store.path.stat().st_mode & 0o777 == 0o600
    brief.edit(brief.items[1].id, "Watch the convoys closely.")
    store.save(brief)
    assert store.load().items[1].text == "Watch the convoys closely."
    assert sorted(p.name for p in tmp_path.iterdir()) == [store.path.name, store.path.with_suffix(".lock").name]


def test_directory_with_tilde_is_expanded(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    store = DraftStore("~/my-drafts")
    store.save(a_brief())
    assert store.path.parent == tmp_path / "my-drafts" and store.path.is_file()


# --- drafts keep what they cite ---------------------------------------------------------------------


def other_day_analysis() -> Analysis:
    """Today's folder: one article, none of the sample's."""
    today = make_article("ffff00001111", "Floods close the border crossing", "Other Outlet", dt.date(2026, 11, 22),
                         [["The border crossing was closed by floods on Saturday."]], path="today/floods.txt")
    return Analysis((today,), {}, (), (), sample_analysis().status)


def test_draft_keeps_source_details_and_renders_citations_without_the_articles() -> None:
    b = brief_citing_the_sample()
    b.remember_sources(sample_analysis().articles)
    again = Brief.from_dict(json.loads(json.dumps(b.to_dict())))
    assert set(again.sources) == {WIRE.id, DAILY.id}
    assert again.sources[WIRE.id] == SourceInfo(WIRE.id, WIRE.title, "Example Wire", dt.date(2026, 11, 20),
                                                "reports/wire-truce.txt", None)
    md = render_markdown(again, other_day_analysis())
    assert "sources: 2" in md
    assert "## Sources" in md
    assert "1. Rival forces agree to 30-day truce as talks open in Jeddah — Example Wire, 2026-11-20. " \
           "`reports/wire-truce.txt`" in md
    assert "2. Aid agencies wary as Sudan truce begins — Example Daily, 2026-11-21. " \
           "<https://news.example.org/sudan/truce-begins?id=42&ref=feed>" in md
    assert "in Jeddah [1], [2]." in md  # the bottom line still cites both
    assert "Floods close" not in md, "an uncited loaded article is not listed"
    assert NOT_LOADED_MARK[1:-1] not in md


def test_saved_sources_are_only_the_cited_ones_and_loaded_articles_win() -> None:
    b = Brief.new(Settings(), DAY)
    b.add(*items.from_sentence(WIRE, 1))
    b.remember_sources(sample_analysis().articles)
    assert set(b.sources) == {WIRE.id}
    assert [s["id"] for s in b.to_dict()["sources"]] == [WIRE.id]
    b.sources[WIRE.id] = replace(b.sources[WIRE.id], title="Stale title")
    assert "Stale title" not in render_markdown(b, sample_analysis())
    assert "Stale title" in render_markdown(b, other_day_analysis())


def test_old_draft_without_source_details_marks_items_instead_of_dropping_citations() -> None:
    b = brief_citing_the_sample()
    old = b.to_dict()
    old.pop("sources")  # a draft written before the details were kept
    again = Brief.from_dict(json.loads(json.dumps(old)))
    assert again.sources == {}
    rendered = render(again, other_day_analysis())
    md = rendered.text
    assert "\\[source not loaded\\]" in md
    assert "in Jeddah \\[source not loaded\\]." in md
    assert "## Sources" not in md and "sources: 0" in md, "no source line is invented"
    assert set(rendered.unknown) == {WIRE.id, DAILY.id}
    assert "Watch the rains." in md and "Watch the rains. \\[" not in md, "free notes cite nothing"


def test_mixed_known_and_unknown_sources_on_one_item() -> None:
    b = Brief.new(Settings(), DAY)
    b.add("Both outlets report it.", ItemOrigin("digest", (WIRE.id, "gone00000000"), sentence=0), "developments")
    md = render_markdown(b, sample_analysis())
    assert "- Both outlets report it [1], \\[source not loaded\\]." in md
    assert "1. Rival forces agree" in md


@pytest.mark.parametrize("bad", [[{"id": "x"}], {"id": "x"}, [{"id": "x", "title": "t", "published": "soon"}],
                                 [{"id": "x", "title": 3}]])
def test_malformed_source_details_are_refused(bad) -> None:
    d = json.loads(json.dumps(brief_citing_the_sample().to_dict()))
    d["sources"] = bad
    with pytest.raises(BriefError, match="sources"):
        Brief.from_dict(d)


def test_sources_carry_the_article_title_as_loaded() -> None:
    """A metadata title is written whole; a title inferred from the lede keeps its "…": it is a
    label cut from the first sentence, and the whole sentence would spend the page's budget."""
    long_title = "Ceasefire talks resume in Geneva as both delegations arrive with new demands on the table"
    titled = make_article("abcdef123456", long_title, "Wire", None, [["Talks resumed."]], path="a.txt")
    inferred = make_article("abcdef654321", "Syria confirms that Russia's decision was made…", "Press TV", None,
                            [["Syria confirms that Russia's decision was made in coordination, it said."]],
                            path="b.txt")
    assert SourceInfo.of(titled).title == long_title
    assert SourceInfo.of(inferred).title == inferred.title
    b = Brief.new(Settings(), DAY)
    b.add(*items.from_sentence(titled, 0))
    b.add(*items.from_sentence(inferred, 0))
    md = render_markdown(b, Analysis((titled, inferred), {}))
    assert f"1. {long_title} — Wire." in md
    assert "2. Syria confirms that Russia's decision was made… — Press TV." in md
