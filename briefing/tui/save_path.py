"""Asking where to save the brief: a path with a file name, a folder that may be made, an overwrite.

Kept apart from the app: the questions and their order are a flow of their own
(path -> create the folder? -> overwrite?); the app only writes (`write`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App

from briefing.brief.save import changed_since
from briefing.tui.key_gate import ask
from briefing.tui.safe import clean
from briefing.tui.screens.dialogs import ConfirmScreen, PromptScreen
from briefing.tui.session import Session

PROMPT = "Save the brief as Markdown to:"


def ask_save_path(app: App[Any], session: Session, default: Path, write: Callable[[Path, bool], object]) -> None:
    """Ask for the path, then whatever it needs; `write(path, force)` when the answers allow it."""

    def chosen(value: str | None) -> None:
        if not value:
            return
        path = Path(value).expanduser()
        if path.name.startswith(".") or value.endswith(("/", os.sep)):  # ".md", "out/": no file name
            app.notify(f"Not saved: {clean(value)} has no file name; type one, e.g. brief.md.",
                       severity="warning", markup=False)
            ask(app, PromptScreen(PROMPT, value), chosen)
            return
        if needs_new_folder(path, session.settings.brief.output_dir):  # a mistyped folder is not made silently
            question = f"The folder {clean(path.parent)} does not exist. Create it and save there?"
            ask(app, ConfirmScreen(question, "Create", "Cancel"), lambda ok: write_or_ask(path) if ok else None)
            return
        write_or_ask(path)

    def write_or_ask(path: Path) -> None:
        saved, stamp = session.saved_path, session.saved_stamp
        ours = saved is not None and path.resolve() == saved.resolve()  # saved earlier in this session
        if ours and stamp is not None and changed_since(path, stamp):
            question = f"{clean(path)} was changed by another program since this session saved it. Overwrite it?"
        elif path.exists() and not ours:
            question = f"{clean(path)} exists. Overwrite it?"
        else:
            write(path, ours)
            return
        ask(app, ConfirmScreen(question, "Overwrite", "Cancel"), lambda ok: write(path, True) if ok else None)

    ask(app, PromptScreen(PROMPT, str(default)), chosen)


def needs_new_folder(path: Path, output_dir: str) -> bool:
    """A typed path whose folder is missing; the configured `brief.output_dir` is made silently."""
    configured = Path(output_dir).expanduser()
    return not path.parent.exists() and path.parent.resolve() != configured.resolve()
