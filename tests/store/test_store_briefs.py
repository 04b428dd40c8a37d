"""Saved briefs in the store: recorded whole, listed newest first, the last one of a story found."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from briefing.brief.model import Brief, ItemOrigin
from briefing.config import IngestSettings
from briefing.ingest.article import Draft, build_article
from briefing.models import Figure, Quote, SentenceRef
from briefing.store.articles import Provenance, add_article
from briefing.store.briefs import last_brief, last_saved_at, list_briefs, record_brief, story_of
from briefing.store.daily import history_table, remember_saved_brief
from briefing.store.db import Store
from support.news_site import make_story


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "s.sqlite3") as opened:
        yield opened


def _brief(day: int, killed: int = 40) -> Brief:
    brief = Brief("Valley brief", dt.date(2024, 5, day))
    ref = SentenceRef("a1", 0, "Shelling struck the river town.")
    brief.add("Shelling struck the river town on Tuesday.", ItemOrigin("digest", ("a1",), 0), "developments")
    figure = Figure("killed", killed, "at least", f"at least {killed} people", "the health office", "a1", ref)
    brief.add(f"Killed: at least {killed}", ItemOrigin("figure", ("a1",), figure=figure, field="killed"))
    quote = Quote("We counted the damaged houses.", "Maren Tolk", "coordinator", "said", False, ("a1",), (ref,))
    brief.add(quote.text, ItemOrigin("quote", ("a1",), quote=quote))
    return brief


def test_a_brief_is_recorded_whole_and_listed_newest_first(store: Store) -> None:
    first = record_brief(store, _brief(2), "/briefs/brief-2024-05-02.md", ["a1", "a2", "a2"], "valley", saved_at=100.0)
    second = record_brief(store, _brief(3, 52), None, ["a3"], "valley", saved_at=200.0)
    listed = list_briefs(store)
    assert [b.id for b in listed] == [second, first]
    newest, oldest = listed
    assert (oldest.date, oldest.file, oldest.items, oldest.articles, oldest.story) == (
        dt.date(2024, 5, 2), "/briefs/brief-2024-05-02.md", 3, 2, "valley",
    )  # fmt: skip
    assert newest.brief().content_key() == _brief(3, 52).content_key()
    assert [b.id for b in list_briefs(store, limit=1)] == [second]
    loaded = store.db.execute("SELECT article_id FROM brief_articles WHERE brief_id = ?", (first,)).fetchall()
    assert sorted(r[0] for r in loaded) == ["a1", "a2"]


def test_figure_details_added_later_are_kept_by_the_record(store: Store) -> None:
    """The record is the codec's JSON of every field: a Figure that gains `subject` keeps it."""
    base = Figure("killed", 40, "at least", "at least 40", None, "a1")
    wider = dataclasses.make_dataclass("WiderFigure", [("subject", str, "Palestinians")], bases=(Figure,), frozen=True)
    figure = wider(**{f.name: getattr(base, f.name) for f in dataclasses.fields(Figure)})
    brief = Brief("t", dt.date(2024, 5, 2))
    brief.add("Killed: 40", ItemOrigin("figure", ("a1",), figure=figure))
    record_brief(store, brief, None, [])
    (saved,) = list_briefs(store)
    assert saved.data["items"][0]["origin"]["figure"]["subject"] == "Palestinians"
    raw = store.db.execute("SELECT brief FROM briefs").fetchone()[0]
    assert json.loads(raw) == saved.data


def test_the_last_brief_is_found_per_story_and_before_a_moment(store: Store) -> None:
    record_brief(store, _brief(1), None, [], "valley", saved_at=100.0)
    record_brief(store, _brief(2), None, [], None, saved_at=150.0)
    record_brief(store, _brief(3), None, [], "valley", saved_at=200.0)
    assert last_brief(store, "valley").saved_at == 200.0  # type: ignore[union-attr]
    assert last_brief(store, "valley", before=200.0).saved_at == 100.0  # type: ignore[union-attr]
    assert last_brief(store, None).saved_at == 150.0  # type: ignore[union-attr]
    assert last_brief(store, "coast") is None
    assert last_saved_at(store) == 200.0 and last_saved_at(store, before=150.0) == 100.0


def test_a_story_is_the_one_label_all_the_articles_share(store: Store) -> None:
    settings = IngestSettings()
    ids = []
    for n, story in ((1, "valley"), (2, "valley"), (3, "coast"), (4, None)):
        article = build_article(Draft(list(make_story(n).paragraphs)), settings)
        add_article(store, article, Provenance("https://wire.example/feed", story=story))
        ids.append(article.id)
    assert story_of(store, ids[:2]) == "valley"
    assert story_of(store, ids[:3]) is None  # two stories
    assert story_of(store, [ids[0], "not-stored"]) is None  # an article from a file: no label
    assert story_of(store, [ids[3]]) is None and story_of(store, []) is None


def test_remembering_a_saved_brief_keeps_its_sources_and_never_raises(tmp_path: Path) -> None:
    article = build_article(Draft(list(make_story(1).paragraphs), "A title", "Valley Wire"), IngestSettings())
    brief = Brief("t", dt.date(2024, 5, 2))
    brief.add(article.sentences[0].text, ItemOrigin("sentence", (article.id,), 0))
    assert remember_saved_brief(brief, tmp_path / "b.md", [article], store_path=tmp_path / "s.sqlite3") is None
    with Store.open(tmp_path / "s.sqlite3") as store:
        (saved,) = list_briefs(store)
    assert saved.file == str((tmp_path / "b.md").resolve()) and saved.articles == 1
    assert saved.data["sources"][0]["title"] == "A title"
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"no database here " * 100)
    problem = remember_saved_brief(brief, tmp_path / "b.md", [article], store_path=damaged)
    assert problem is not None and "saved but not recorded" in problem and str(damaged) in problem


def test_the_history_table_lines_up_and_shows_names_inert(store: Store) -> None:
    record_brief(store, _brief(2), "/briefs/a\x1b[2Jb.md", ["a1"], "valley", saved_at=100.0)
    text = history_table(list_briefs(store))
    assert "\x1b" not in text
    header, row = text.splitlines()
    assert header.index("items") < header.index("articles") < header.index("story") < header.index("file")
    assert row.startswith("2024-05-02")
