"""The Brief model: sections from settings, item operations, undo, revision, JSON round trip."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from briefing.brief import items
from briefing.brief.auto import auto_brief
from briefing.brief.model import UNDO_DEPTH, Brief, BriefError, DuplicateItemError, ItemOrigin
from briefing.brief.render import render_markdown
from briefing.config import BriefSettings, SectionSettings, Settings
from support.brief_sample import DAILY, DAY, DIGEST, FIGURES, QUOTE_ARMY, QUOTE_YUSUF, WIRE, brief_citing_the_sample, sample_analysis



def new_brief(**brief_settings) -> Brief:
    return Brief.new(Settings(brief=BriefSettings(**brief_settings)), DAY)


def texts(brief: Brief, section: str) -> list[str]:
    return [i.text for i in brief.items_in(section)]


def test_new_brief_follows_settings() -> None:
    sections = (SectionSettings("quotes", "What they said"), SectionSettings("bottom_line", "BLUF"),
                SectionSettings("sources", "Reading"))
    b = new_brief(title="Sudan morning brief", max_words=400, sections=sections)
    assert b.title == "Sudan morning brief"
    assert b.date == DAY
    assert b.max_words == 400
    assert [(s.id, s.heading) for s in b.sections] == [("quotes", "What they said"), ("bottom_line", "BLUF"),
                                                       ("sources", "Reading")]
    assert b.items == () and b.revision == 0


def test_default_section_by_origin_kind() -> None:
    b = new_brief()
    analysis = sample_analysis()
    added = [
        b.add(*items.from_digest(analysis.digest[0])),
        b.add(*items.from_sentence(WIRE, 1)),
        b.add(*items.from_quote(QUOTE_YUSUF)),
        b.add(*items.from_figure(FIGURES[0])),
        b.add(*items.from_status("ceasefire", "Fragile", analysis.status.ceasefire.evidence)),
        b.add(*items.free("Watch the rains.")),
    ]
    assert [i.section for i in added] == ["developments", "developments", "quotes", "status", "status", "notes"]
    assert b.revision == 6
    assert len({i.id for i in added}) == 6


def test_omitted_section_falls_back_to_notes_then_developments() -> None:
    b = new_brief(sections=(SectionSettings("developments", "Developments"), SectionSettings("notes", "Notes")))
    assert b.add(*items.from_quote(QUOTE_YUSUF)).section == "notes"
    b2 = new_brief(sections=(SectionSettings("developments", "Developments"),))
    assert b2.add(*items.from_figure(FIGURES[0])).section == "developments"
    b3 = new_brief(sections=(SectionSettings("sources", "Sources"),))
    with pytest.raises(BriefError):
        b3.add(*items.free("x"))


def test_unknown_or_generated_section_refused() -> None:
    b = new_brief()
    with pytest.raises(BriefError, match="no section 'appendix'"):
        b.add("x", ItemOrigin.free(), "appendix")
    with pytest.raises(BriefError, match="generated"):
        b.add("x", ItemOrigin.free(), "sources")
    item = b.add("x", ItemOrigin.free())
    with pytest.raises(BriefError):
        b.move_to_section(item.id, "sources")
    with pytest.raises(BriefError, match="no item"):
        b.remove("nope")


def test_move_within_section_and_edges() -> None:
    b = new_brief()
    a, c, d = (b.add(t, ItemOrigin("digest", (WIRE.id,))) for t in "acd")
    b.add("note", ItemOrigin.free())
    assert b.move(d.id, -1) is True
    assert texts(b, "developments") == ["a", "d", "c"]
    assert b.move(a.id, -1) is False  # already first: nothing changes, no revision
    rev = b.revision
    assert b.move(c.id, +5) is False and b.revision == rev
    assert b.move(a.id, +2) is True
    assert texts(b, "developments") == ["d", "c", "a"]
    assert texts(b, "notes") == ["note"]


def test_move_to_section_keeps_origin_and_goes_last() -> None:
    b = new_brief()
    first = b.add("first", ItemOrigin.free(), "bottom_line")
    dev = b.add(*items.from_digest(sample_analysis().digest[1]))
    moved = b.move_to_section(dev.id, "bottom_line")
    assert moved.origin == dev.origin and moved.id == dev.id
    assert [i.id for i in b.items_in("bottom_line")] == [first.id, dev.id]
    assert b.items_in("developments") == ()


def test_add_at_position() -> None:
    b = new_brief()
    b.add("a", ItemOrigin.free())
    b.add("c", ItemOrigin.free())
    b.add("b", ItemOrigin.free(), position=1)
    b.add("start", ItemOrigin.free(), position=0)
    assert texts(b, "notes") == ["start", "a", "b", "c"]


def test_edit_and_undo_everything_in_reverse() -> None:
    b = new_brief()
    a = b.add("alpha", ItemOrigin.free())
    b.add("beta", ItemOrigin.free())
    b.edit(a.id, "ALPHA")
    b.move(a.id, 1)
    b.move_to_section(a.id, "developments")
    b.retitle("New title")
    b.remove(a.id)
    states = []
    while True:
        states.append((b.title, [(i.section, i.text) for i in b.items]))
        if not b.undo():
            break
    assert states == [
        ("New title", [("notes", "beta")]),
        ("New title", [("notes", "beta"), ("developments", "ALPHA")]),
        ("Situation brief", [("notes", "beta"), ("developments", "ALPHA")]),
        ("Situation brief", [("notes", "beta"), ("notes", "ALPHA")]),
        ("Situation brief", [("notes", "ALPHA"), ("notes", "beta")]),
        ("Situation brief", [("notes", "alpha"), ("notes", "beta")]),
        ("Situation brief", [("notes", "alpha")]),
        ("Situation brief", []),
    ]
    assert b.undo() is False


def test_revision_counts_every_change_including_undo_and_not_noops() -> None:
    b = new_brief()
    a = b.add("x", ItemOrigin.free())
    assert b.revision == 1
    b.edit(a.id, "x")  # unchanged text: no change
    assert b.revision == 1
    b.edit(a.id, "y")
    assert b.revision == 2
    b.undo()
    assert b.revision == 3 and b.item(a.id).text == "x"


def test_undo_history_is_bounded() -> None:
    b = new_brief()
    for k in range(UNDO_DEPTH + 20):
        b.add(str(k), ItemOrigin.free())
    undone = 0
    while b.undo():
        undone += 1
    assert undone == UNDO_DEPTH
    assert len(b.items) == 20


def test_new_ids_never_reuse_removed_ones() -> None:
    b = new_brief()
    a = b.add("a", ItemOrigin.free())
    b.remove(a.id)
    assert b.add("b", ItemOrigin.free()).id != a.id


def full_brief() -> Brief:
    analysis = sample_analysis()
    b = new_brief(title="Round trip")
    b.add(*items.from_digest(analysis.digest[0]), "bottom_line", rank=9.5)
    b.add(*items.from_sentence(DAILY, 3))
    b.add(*items.from_quote(QUOTE_YUSUF))
    for f in FIGURES:
        b.add(*items.from_figure(f))
    for row in items.status_rows(analysis.status):
        b.add(*row)
    b.add(*items.free("Free text with “quotes” and\nnewlines."))
    return b


def test_json_round_trip_is_exact() -> None:
    b = full_brief()
    again = Brief.from_dict(json.loads(json.dumps(b.to_dict())))
    assert again.items == b.items
    assert (again.title, again.date, again.sections, again.max_words, again.revision) == (
        b.title, b.date, b.sections, b.max_words, b.revision)
    assert again.add("new", ItemOrigin.free()).id not in {i.id for i in b.items}


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format=99), "format"),
        (lambda d: d.update(date="yesterday"), "date"),
        (lambda d: d.update(sections=[]), "sections"),
        (lambda d: d["sections"].append({"id": "appendix", "heading": "A"}), "appendix"),
        (lambda d: d["items"][0].update(section="nowhere"), "items\\[0\\].section"),
        (lambda d: d["items"][0]["origin"].update(kind="rumour"), "rumour"),
        (lambda d: d["items"][2]["origin"]["quote"].update(partial="yes"), "partial"),
        (lambda d: d["items"][3]["origin"]["figure"].update(value="many"), "value"),
        (lambda d: d["items"][1].update(rank=float("nan")), "rank"),
        (lambda d: d["items"].append(dict(d["items"][0])), "repeated"),
        (lambda d: d.update(max_words=True), "max_words"),
        (lambda d: d.pop("title"), "title"),
    ],
)
def test_from_dict_rejects_malformed(mutate, message: str) -> None:
    d = json.loads(json.dumps(full_brief().to_dict()))
    mutate(d)
    with pytest.raises(BriefError, match=message):
        Brief.from_dict(d)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_from_dict_on_garbage_raises_only_brief_error(data) -> None:
    """Replace any one value anywhere in a valid draft by garbage: BriefError or a valid brief, nothing else."""
    d = json.loads(json.dumps(full_brief().to_dict()))
    paths = []

    def walk(node, path):
        paths.append(path)
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, (*path, k))
        elif isinstance(node, list):
            for k, v in enumerate(node):
                walk(v, (*path, k))

    walk(d, ())
    path = data.draw(st.sampled_from(paths))
    garbage = data.draw(json_values)
    if not path:
        d = garbage
    else:
        node = d
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = garbage
    try:
        b = Brief.from_dict(d)
    except BriefError:
        return
    assert isinstance(b, Brief)


# --- one item per origin, and undo ------------------------------------------------------------------
def test_same_sentence_twice_is_refused_naming_the_section() -> None:
    b = Brief.new(Settings(), DAY)
    first = b.add(*items.from_sentence(WIRE, 1))
    b.edit(first.id, "Edited wording.")
    with pytest.raises(DuplicateItemError, match=r"Already in the brief \(Key developments\)") as caught:
        b.add(*items.from_sentence(WIRE, 1), "bottom_line")
    assert caught.value.existing.id == first.id
    assert len(b.items) == 1 and b.revision == 2, "a refused add is no change"
    b.add(*items.from_sentence(DAILY, 1))  # same index, other article: fine
    assert len(b.items) == 2


def test_digest_line_and_its_sentence_are_the_same_origin() -> None:
    b = Brief.new(Settings(), DAY)
    b.add(*items.from_digest(DIGEST[0]), "bottom_line")
    with pytest.raises(DuplicateItemError, match="Bottom line"):
        b.add(*items.from_sentence(WIRE, 0))
    with pytest.raises(DuplicateItemError):
        b.add(*items.from_digest(DIGEST[0]))
    b.add(*items.from_sentence(DAILY, 0))  # index 0 of the other cited article is another sentence
    assert len(b.items) == 2


def test_same_quote_figure_and_status_row_are_refused() -> None:
    analysis = sample_analysis()
    b = Brief.new(Settings(), DAY)
    b.add(*items.from_quote(QUOTE_YUSUF))
    b.add(*items.from_figure(FIGURES[0]))
    b.add(*items.from_status("ceasefire", "Fragile", analysis.status.ceasefire.evidence))
    b.add(*items.free("A note."))
    with pytest.raises(DuplicateItemError, match="Key quotes"):
        b.add(*items.from_quote(replace(QUOTE_YUSUF, score=0.1, articles=(WIRE.id,))))
    with pytest.raises(DuplicateItemError, match="Conflict status"):
        b.add(*items.from_figure(replace(FIGURES[0], disagreement=False)))
    with pytest.raises(DuplicateItemError, match="Conflict status"):
        b.add(*items.ceasefire_row(analysis.status))
    b.add(*items.free("A note."))  # notes are the user's own words: never refused
    b.add(*items.from_figure(FIGURES[1]))  # the rival figure is another origin
    b.add(*items.from_quote(QUOTE_ARMY))
    assert len(b.items) == 7
    b.add(*items.from_quote(QUOTE_YUSUF), allow_duplicate=True)
    assert len(b.items) == 8


def test_items_without_a_sentence_index_are_not_taken_for_repeats() -> None:
    b = Brief.new(Settings(), DAY)
    b.add("One.", ItemOrigin("digest", (WIRE.id,)), "developments")
    b.add("Two.", ItemOrigin("digest", (WIRE.id,)), "developments")
    assert len(b.items) == 2


def test_replace_with_is_undone_in_one_step() -> None:
    mine = brief_citing_the_sample()
    mine.retitle("Hand-made")
    before = mine.content_key()
    auto = auto_brief(sample_analysis(), Settings(), DAY + dt.timedelta(days=1))
    mine.replace_with(auto)
    assert mine.content_key() == auto.content_key()
    added = mine.add("After.", ItemOrigin.free())
    assert added.id not in {i.id for i in brief_citing_the_sample().items}
    mine.undo()
    assert mine.undo() is True
    assert mine.content_key() == before and mine.title == "Hand-made" and mine.date == DAY


def test_a_quote_speaker_can_be_corrected_and_undone() -> None:
    b = Brief.new(Settings(), DAY)
    item = b.add(*items.from_quote(QUOTE_ARMY))
    fixed = b.attribute(item.id, "Arseny Yatseniuk", "Prime Minister")
    assert (fixed.origin.quote.speaker, fixed.origin.quote.role) == ("Arseny Yatseniuk", "Prime Minister")
    assert fixed.origin.quote.articles == QUOTE_ARMY.articles  # citations unchanged
    md = render_markdown(b, sample_analysis())
    assert "— Arseny Yatseniuk, Prime Minister" in md
    assert Brief.from_dict(json.loads(json.dumps(b.to_dict()))).item(item.id).origin.quote.speaker == "Arseny Yatseniuk"
    b.attribute(item.id, "", None)
    assert b.item(item.id).origin.quote.speaker is None
    assert "Unattributed" in render_markdown(b, sample_analysis())
    assert b.undo() and b.item(item.id).origin.quote.speaker == "Arseny Yatseniuk"
    with pytest.raises(BriefError):
        b.attribute(b.add("A note.", ItemOrigin.free(), "notes").id, "X", None)
