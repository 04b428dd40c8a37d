"""Keys typed ahead, faster than the screens change, go where the user meant them: into the dialog
that was about to open, not into the screen behind it or the text box that was closing."""

from __future__ import annotations

from pathlib import Path

from textual import events


def _type_ahead(app, *keys: str) -> None:
    """Queue keys as a terminal delivers a burst: all of them before the app handles the first."""
    for key in keys:
        character = key if len(key) == 1 else None
        app.post_message(events.Key(key, character))


async def _idle(app, pilot) -> None:
    for _ in range(10):
        await pilot.pause(0.05)


async def test_enter_then_a_adds_the_sentence_of_the_article_just_opened(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        _type_ahead(app, "enter", "a")
        await _idle(app, pilot)
        (item,) = app.session.brief.items
        assert item.origin.kind == "sentence"


async def test_a_path_and_the_overwrite_answer_typed_ahead_save_to_that_path(build_app, seed_paths, settle,
                                                                             tmp_path: Path) -> None:
    target = tmp_path / "y.md"
    target.write_text("an older brief\n", encoding="utf-8")
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a")
        _type_ahead(app, "ctrl+s", "ctrl+u", *str(target), "enter", "y")
        await _idle(app, pilot)
        assert app.session.saved_path == target  # not "y.mdy", and not "y" pressed on the main screen
        assert target.read_text(encoding="utf-8").startswith("---\ntitle:")
        assert not (tmp_path / "y.mdy").exists()
        assert app.screen is app.main_screen


async def test_quit_and_its_answer_typed_ahead_quit(build_app, seed_paths, settle) -> None:
    app = build_app(seed_paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "a")
        _type_ahead(app, "q", "n", "b")  # "n" answers the question (stay); "b" then opens the builder
        await _idle(app, pilot)
        assert app.screen.__class__.__name__ == "BriefScreen"
        assert len(app.session.brief.items) == 1  # "n" did not start a new brief behind the dialog
