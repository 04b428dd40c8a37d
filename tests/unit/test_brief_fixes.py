"""Fixes from the new-user review: citations that outlive the loaded articles, attributed quotes
outside Key quotes, duplicate items, undoable replacement, saved-state tracking, full source titles,
true save errors and overwrite checks."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "brief"))

from brief_sample import DAILY, DIGEST, FIGURES, QUOTE_ARMY, QUOTE_YUSUF, WIRE, make_article, sample_analysis  # noqa: E402

from briefing.brief import items  # noqa: E402
from briefing.brief.auto import auto_brief  # noqa: E402
from briefing.brief.model import Brief, BriefError, DuplicateItemError, ItemOrigin  # noqa: E402
from briefing.brief.render import NOT_LOADED_MARK, render, render_markdown  # noqa: E402
from briefing.brief.save import (  # noqa: E402
    BriefSaveError,
    _reason,
    changed_since,
    encode_brief,
    save_brief,
    stamp_file,
)
from briefing.brief.sources import SourceInfo  # noqa: E402
from briefing.config import Settings  # noqa: E402
from briefing.models import Analysis, Quote  # noqa: E402
from briefing.tui.session import Session  # noqa: E402

DAY = dt.date(2026, 11, 21)


def other_day_analysis() -> Analysis:
    """Today's folder: one article, none of the sample's."""
    today = make_article("ffff00001111", "Floods close the border crossing", "Other Outlet", dt.date(2026, 11, 22),
                         [["The border crossing was closed by floods on Saturday."]], path="today/floods.txt")
    return Analysis((today,), {}, (), (), sample_analysis().status)


def brief_citing_the_sample() -> Brief:
    b = Brief.new(Settings(), DAY)
    b.add(*items.from_digest(DIGEST[0]), "bottom_line")
    b.add(*items.from_sentence(DAILY, 3))
    b.add(*items.from_quote(QUOTE_YUSUF))
    b.add(*items.from_figure(FIGURES[0]))
    b.add(*items.free("Watch the rains."))
    return b


# -- 1: citations survive a draft restored with other articles loaded ----------------------------


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


# -- 21: titles in the sources list -------------------------------------------------------------


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


# -- 5: a quote outside Key quotes is attributed speech ------------------------------------------


def test_quote_moved_to_developments_and_bottom_line_keeps_marks_and_speaker() -> None:
    b = Brief.new(Settings(), DAY)
    q = b.add(*items.from_quote(QUOTE_YUSUF))
    army = b.add(*items.from_quote(QUOTE_ARMY))
    b.move_to_section(q.id, "developments")
    b.move_to_section(army.id, "bottom_line")
    md = render_markdown(b, sample_analysis())
    assert ("- Amina Yusuf (U.N. humanitarian coordinator for Sudan) said: “We have a narrow window to get food "
            "and medicine in before the rains.” [1], [2]") in md
    assert "## Bottom line\n\nNabil Abdallah (army spokesman) said: “Any violation will be answered.” [1]\n" in md


def test_unattributed_and_role_only_quotes_outside_key_quotes() -> None:
    anon = Quote("They will come back at night", None, None, None, False, (WIRE.id,), ())
    role_only = Quote("Convoys are ready", None, "a U.N. official", "said", False, (WIRE.id,), ())
    b = Brief.new(Settings(), DAY)
    b.add(*items.from_quote(anon), "developments")
    b.add(*items.from_quote(role_only), "notes")
    md = render_markdown(b, sample_analysis())
    assert "- An unattributed source said: “They will come back at night.” [1]" in md
    assert "An unnamed source (a U.N. official) said: “Convoys are ready.” [1]" in md


def test_attributed_quote_is_escaped_and_an_edited_text_is_quoted_once() -> None:
    hostile = Quote("Use | pipes and <b>tags</b>", "# Hash *Bold*", "role_with_underscores_", "said", True,
                    (WIRE.id,), ())
    b = Brief.new(Settings(), DAY)
    item = b.add(*items.from_quote(hostile), "status")
    md = render_markdown(b, sample_analysis())
    row = next(line for line in md.splitlines() if line.startswith("| Note"))
    assert "\\# Hash \\*Bold\\* (role_with_underscores\\_) said: “Use \\| pipes and \\<b>tags\\</b>”" in row
    assert row.count(" | ") == 2, "the pipe in the quote does not split the cell"
    b.edit(item.id, "“Already quoted by the user”")
    md = render_markdown(b, sample_analysis())
    assert "said: “Already quoted by the user”" in md and "““" not in md


def test_quote_in_key_quotes_is_unchanged() -> None:
    b = Brief.new(Settings(), DAY)
    b.add(*items.from_quote(QUOTE_YUSUF))
    md = render_markdown(b, sample_analysis())
    assert "> — Amina Yusuf, U.N. humanitarian coordinator for Sudan [1], [2]" in md
    assert " said: “" not in md


# -- 6: the same origin is refused ----------------------------------------------------------------


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


def test_auto_brief_skips_repeats_instead_of_failing() -> None:
    analysis = sample_analysis()
    twin = replace(FIGURES[0], disagreement=False)  # the same count, once flagged and once not
    status = replace(analysis.status, figures=(*analysis.status.figures, twin))
    brief = auto_brief(replace(analysis, status=status), Settings(), DAY)
    killed = [i for i in brief.items if i.origin.figure is not None and i.origin.figure.value == 14000]
    assert len(killed) == 1
    assert set(brief.sources) == brief.cited_ids()


# -- 15: replacing the brief is one undoable change ----------------------------------------------


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


# -- 19 / 9: unsaved is about content, not the number of changes ----------------------------------


def test_undo_back_to_the_saved_state_is_not_unsaved(tmp_path: Path) -> None:
    session = Session(Settings())
    assert not session.unsaved
    first = session.brief.add("Alpha.", ItemOrigin.free())
    session.brief.add("Beta.", ItemOrigin.free())
    assert session.unsaved
    session.mark_saved(tmp_path / "b.md")
    assert not session.unsaved
    session.brief.remove(first.id)
    session.brief.edit(session.brief.items[0].id, "Gamma.")
    assert session.unsaved
    session.brief.undo()
    assert session.unsaved
    session.brief.undo()
    assert not session.unsaved


def test_session_counts_items_citing_articles_that_are_not_loaded() -> None:
    session = Session(Settings())
    session.add_articles([WIRE])
    draft = brief_citing_the_sample()
    draft.sources[DAILY.id] = SourceInfo.of(DAILY)
    assert session.not_loaded_counts(draft) == (3, 0)  # the bottom line, the Daily sentence, the quote
    draft.sources.clear()
    assert session.not_loaded_counts(draft) == (3, 3)
    session.replace_brief(draft)
    assert WIRE.id in session.brief.sources, "replacing remembers the loaded sources"


# -- 22: save errors name the true cause ----------------------------------------------------------


def test_save_into_a_file_used_as_a_folder_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    with pytest.raises(BriefSaveError, match="notes.txt is not a folder"):
        save_brief("# x\n", blocker / "brief.md")
    with pytest.raises(BriefSaveError, match="notes.txt is not a folder"):
        save_brief("# x\n", blocker / "deeper" / "brief.md")


def test_no_such_file_in_an_existing_folder_is_not_a_missing_folder(tmp_path: Path) -> None:
    why = _reason(OSError(errno.ENOENT, "No such file or directory"), tmp_path / "x.md")
    assert "exists but does not accept new files" in why and "does not exist" not in why
    assert _reason(OSError(errno.ENOENT, "No such file"), tmp_path / "missing" / "x.md") == "the folder does not exist"
    assert _reason(OSError(errno.EROFS, "Read-only"), tmp_path / "x.md") == "the file system is read-only"
    assert _reason(OSError(errno.EACCES, "Permission denied"), tmp_path / "x.md") == "permission denied"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_save_into_proc_does_not_claim_the_folder_is_missing() -> None:
    with pytest.raises(BriefSaveError) as caught:
        save_brief("# x\n", "/proc/briefing-test.md")
    assert "/proc/briefing-test.md" in str(caught.value)
    assert "does not exist" not in str(caught.value)


# -- 28: a file changed by someone else since our save ---------------------------------------------


def test_file_stamp_notices_other_writers_but_not_a_touch(tmp_path: Path) -> None:
    path = tmp_path / "brief.md"
    text = "# Brief\n"
    save_brief(text, path)
    stamp = stamp_file(path, encode_brief(text))
    assert stamp is not None and not changed_since(path, stamp)
    os.utime(path, ns=(stamp.mtime_ns + 5_000_000_000, stamp.mtime_ns + 5_000_000_000))
    assert not changed_since(path, stamp), "same bytes, newer time: nothing to lose"
    path.write_text("# Brief from cron\n")
    assert changed_since(path, stamp)
    path.write_text("# Brief\n".replace("B", "b"))  # same size, other bytes
    assert changed_since(path, stamp)
    path.unlink()
    assert not changed_since(path, stamp)


def test_a_number_and_stop_stays_text_when_a_citation_is_put_before_the_stop() -> None:
    """Found by hypothesis: "0)." rendered "0) [1]." at the start of a line, an ordered list."""
    from markdown_it import MarkdownIt

    b = Brief.new(Settings(), DAY)
    b.add("0).", ItemOrigin("digest", (WIRE.id,)), "bottom_line")
    md = render_markdown(b, Analysis((WIRE,), {}))
    tokens = MarkdownIt("commonmark").parse(md.split("---\n", 2)[2])
    assert sum(t.type == "ordered_list_open" for t in tokens) == 1  # the Sources list only


# -- 13: the user corrects who said a quote -----------------------------------------------------


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
