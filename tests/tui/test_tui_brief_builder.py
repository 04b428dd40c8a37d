"""The brief builder driven through the app: restoring another day's draft, duplicate adds,
new notes, drafts after a save, undoing "new brief", saved state after undo, correcting a
speaker, and saving over files changed by someone else."""

from __future__ import annotations

import datetime as dt
import signal
from pathlib import Path

from textual.notifications import Notify
from textual.widgets import Label

from briefing.brief.drafts import DraftStore
from briefing.brief.model import Brief, ItemOrigin
from briefing.brief.sources import SourceInfo
from briefing.config import Settings
from briefing.tui.screens.brief import BriefScreen
from briefing.tui.screens.dialogs import ConfirmScreen, PromptScreen
from briefing.tui.widgets.brief_list import ItemEditor

OLD = "0123456789ab"
GONE = "ba9876543210"


def _toasts(into: list[str]):
    return lambda m: isinstance(m, Notify) and into.append(m.notification.message)


def _question(app) -> str:
    return str(app.screen.query_one(".dialog-question", Label).render())


def _yesterdays_draft(settings: Settings, drafts: Path) -> Brief:
    draft = Brief.new(settings, dt.date(2026, 11, 21))
    draft.add("Yesterday's claim.", ItemOrigin("sentence", (OLD,), sentence=0))
    draft.add("A claim nobody recorded.", ItemOrigin("digest", (GONE,), sentence=3), "bottom_line")
    draft.add("My own note.", ItemOrigin.free())
    draft.sources[OLD] = SourceInfo(OLD, "Old report title", "Old Outlet", dt.date(2026, 11, 20), "old/a.txt")
    DraftStore(drafts).save(draft)
    return draft


async def _save(pilot, app) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, PromptScreen)
    await pilot.press("enter")
    await pilot.pause()


async def test_restoring_another_days_draft_says_what_is_missing_and_keeps_citations(
    build_app, seed_paths, settle, settings, tmp_path: Path
) -> None:
    _yesterdays_draft(settings, tmp_path / "drafts")
    toasts: list[str] = []
    app = build_app(seed_paths, offer_draft=True)
    async with app.run_test(size=(120, 40), message_hook=_toasts(toasts)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        question = " ".join(_question(app).split())
        assert "2 of 3 items cite articles that are not loaded now" in question
        assert "for 1 of them the draft has no source details" in question
        await pilot.press("y")
        await pilot.pause()
        assert len(app.session.brief.items) == 3
        await _save(pilot, app)
        saved = tmp_path / "out" / "brief-2026-11-21.md"
        markdown = saved.read_text(encoding="utf-8")
    assert "- Yesterday's claim [1]." in markdown
    assert "1. Old report title — Old Outlet, 2026-11-20. `old/a.txt`" in markdown
    assert "A claim nobody recorded \\[source not loaded\\]." in markdown
    assert "sources: 1" in markdown
    assert any("[source not loaded]" in t for t in toasts), "saving says some items have no source details"


async def test_a_draft_whose_articles_are_loaded_says_so(build_app, seed_paths, settle, tmp_path: Path) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    draft = DraftStore(tmp_path / "drafts").load()
    assert draft is not None and set(draft.sources) == draft.cited_ids() != set()

    again = build_app(seed_paths, offer_draft=True)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        assert "Every article it cites is loaded" in _question(again)
        await pilot.press("q")  # quitting with the question open keeps the draft for next time
        await pilot.pause()
    assert DraftStore(tmp_path / "drafts").exists()


async def test_adding_the_same_sentence_twice_is_refused(build_app, seed_paths, settle) -> None:
    toasts: list[str] = []
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40), message_hook=_toasts(toasts)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "j", "a")
        await pilot.press("a")
        await pilot.pause()
        assert app.is_running
        assert len(app.session.brief.items) == 1
        assert any(t.startswith("Already in the brief (Key developments).") for t in toasts)
        await pilot.press("j", "a")
        assert len(app.session.brief.items) == 2


async def test_new_note_starts_empty_and_an_empty_note_is_not_added(build_app, seed_paths, settle) -> None:
    toasts: list[str] = []
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40), message_hook=_toasts(toasts)) as pilot:
        await settle(app, pilot)
        await pilot.press("b", "i")
        await pilot.pause()
        editor = app.screen.query_one(ItemEditor)
        assert app.focused is editor and editor.text == "" and editor.placeholder
        await pilot.press(*"Watch for pipes", "enter")
        await pilot.pause()
        notes = app.session.brief.items_in("notes")
        assert [n.text for n in notes] == ["Watch for pipes"]
        await pilot.press("i", "enter")
        await pilot.pause()
        assert len(app.session.brief.items_in("notes")) == 1
        assert any("empty" in t for t in toasts)
        await pilot.press("i", "x", "escape")
        await pilot.pause()
        assert len(app.session.brief.items_in("notes")) == 1
        await pilot.press("e")  # editing an existing item shows its text, no placeholder
        assert editor.text == "Watch for pipes" and editor.placeholder == ""
        await pilot.press("escape")


async def test_no_draft_after_a_save_undo_to_saved_state_and_signals(build_app, seed_paths, settle,
                                                                    tmp_path: Path) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a", "j", "a")
        assert app.drafts.exists()
        await _save(pilot, app)
        assert not app.session.unsaved and not app.drafts.exists()
        assert app.save_draft_now() is False and not app.drafts.exists()

        await pilot.press("b", "d")
        await pilot.pause()
        assert app.session.unsaved and app.drafts.exists()
        await pilot.press("u")
        await pilot.pause()
        assert not app.session.unsaved, "undo back to the saved brief leaves nothing unsaved"
        assert not app.drafts.exists(), "nor a draft to offer next time"
        assert "saved to" in str(app.screen.query_one("#brief-meter").render())

        app._on_signal(signal.SIGTERM)
        await pilot.pause()
    assert not DraftStore(tmp_path / "drafts").exists()


async def test_a_signal_with_unsaved_changes_writes_the_draft(build_app, seed_paths, settle, tmp_path: Path) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a")
        app.drafts.discard()
        app._on_signal(signal.SIGHUP)
        await pilot.pause()
    assert DraftStore(tmp_path / "drafts").exists()


async def test_new_brief_from_the_automatic_draft_can_be_undone(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a", "j", "a")
        mine = app.session.brief.items
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "brings it back" in _question(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert app.session.brief.items != mine and app.session.brief.items
        await pilot.press("u")
        await pilot.pause()
        assert app.session.brief.items == mine


async def test_saving_again_asks_when_another_program_changed_the_file(build_app, seed_paths, settle,
                                                                       tmp_path: Path) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a")
        await _save(pilot, app)
        target = app.session.saved_path
        assert target is not None and target.is_file()
        await pilot.press("j", "a")
        await _save(pilot, app)
        assert not isinstance(app.screen, ConfirmScreen), "our own file, unchanged: no question"
        target.write_text("written by cron\n", encoding="utf-8")
        await pilot.press("j", "a")
        await _save(pilot, app)
        assert isinstance(app.screen, ConfirmScreen) and "changed by another program" in _question(app)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "written by cron\n"
        await _save(pilot, app)
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("---\n")


async def test_a_typed_folder_that_does_not_exist_is_created_only_when_confirmed(
    build_app, seed_paths, settle, tmp_path: Path
) -> None:
    """Review #23: a mistyped folder was made silently. The configured output folder still is."""
    from textual.widgets import Input

    app = build_app(seed_paths)
    target = tmp_path / "typo-folder" / "brief.md"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a")
        for answer in ("n", "y"):
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, PromptScreen)
            app.screen.query_one(Input).value = str(target)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press(answer)
            await pilot.pause()
            assert target.is_file() is (answer == "y")
            assert target.parent.exists() is (answer == "y")
        dated = tmp_path / "out" / f"brief-{app.session.brief.date.isoformat()}.md"
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one(Input).value = str(dated)
        await pilot.press("enter")
        await pilot.pause()
        assert dated.is_file()  # the configured output_dir is made without a question


async def test_the_builder_corrects_a_quotes_speaker(build_app, seed_paths, settle) -> None:
    """Review #13: a wrong speaker could only be seen in the preview and not fixed."""
    from textual.widgets import Input

    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "a", "b")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        (item,) = app.session.brief.items
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = "Sergei Lavrov, Foreign Minister"
        await pilot.press("enter")
        await pilot.pause()
        quote = app.session.brief.item(item.id).origin.quote
        assert (quote.speaker, quote.role) == ("Sergei Lavrov", "Foreign Minister")
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one(Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.brief.item(item.id).origin.quote.speaker is None  # empty: unattributed
        await pilot.press("u")
        await pilot.pause()
        assert app.session.brief.item(item.id).origin.quote.speaker == "Sergei Lavrov"


async def test_a_save_path_without_a_file_name_is_asked_again(build_app, seed_paths, settle, tmp_path: Path) -> None:
    """A path typed as ".md" (or a folder) saved a hidden file named ".md": asked again instead."""
    from textual.widgets import Input

    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a", "ctrl+s")
        await pilot.pause()
        app.screen.query_one(Input).value = str(tmp_path / ".md")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)  # asked again, nothing written
        assert not (tmp_path / ".md").exists()
        app.screen.query_one(Input).value = str(tmp_path / "brief.md")
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "brief.md").is_file()
