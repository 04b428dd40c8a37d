"""Saving from the app: a file changed by another program, a folder that does not exist, a path with no file name."""

from __future__ import annotations

from briefing.tui.screens.dialogs import ConfirmScreen, PromptScreen

from pathlib import Path

from tui_driving import _question, _save  # tests/tui is on the path


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
