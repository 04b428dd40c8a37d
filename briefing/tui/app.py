"""The Textual app: builds the screens, owns app-wide keys, saves, and survives signals.

`run_tui(paths, settings)` is the entry point used by the CLI; `make_app`
builds the app for tests. The screens hold the views; `Session` holds the
state; the analysis and the brief are plain modules this file only calls.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen

from briefing.analysis.pool import start_helpers
from briefing.brief.budget import count_words
from briefing.brief.drafts import Draft, DraftStore
from briefing.brief.model import Brief
from briefing.brief.render import render, render_markdown
from briefing.brief.save import (
    BriefExistsError,
    BriefSaveError,
    default_brief_path,
    encode_brief,
    save_brief,
    stamp_file,
)
from briefing.config import Settings, seeds_dir
from briefing.models import Article
from briefing.tui.commands import palette_commands
from briefing.tui.key_gate import KeyGate, ask
from briefing.tui.keymap import KeyDisplay, KeyScope, binding_ids, checked_keymap
from briefing.tui.messages import BriefChanged, LoadFinished
from briefing.tui.safe import clean, one_line
from briefing.tui.save_path import ask_save_path
from briefing.tui.screens.brief import BriefScreen
from briefing.tui.screens.dialogs import ConfirmScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.warnings import WarningsScreen
from briefing.tui.session import Session
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.brief_list import BriefList, ItemEditor
from briefing.tui.widgets.reader import SentenceList
from briefing.tui.widgets.status_panel import StatusPanel

HANDLED_SIGNALS = (signal.SIGTERM, signal.SIGHUP)

class BriefingApp(App[int]):
    """Read, triage and assemble a one-page brief from the keyboard."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("q", "request_quit", "Quit", tooltip="Quit (asks first if the brief has unsaved changes)", id="quit"),
        Binding("ctrl+q", "request_quit", "Quit", show=False, priority=True,
                tooltip="Quit from anywhere, even while typing (asks first if unsaved)", id="quit-now"),
        Binding("question_mark,f1", "help", "Help", tooltip="This list of keys", id="help"),
        Binding("b", "open_brief", "Brief", tooltip="Open or close the brief builder", id="brief"),
        Binding("ctrl+s", "save_brief", "Save", tooltip="Save the brief as Markdown (asks before overwriting)",
                id="save"),
        Binding("y", "copy_brief", "Copy", show=False,
                tooltip="Copy the brief's Markdown to the clipboard (terminal clipboard, OSC 52)", id="copy-brief"),
        Binding("n", "new_brief", "New brief", show=False,
                tooltip="Start a new brief from the automatic draft (asks before replacing)", id="new-brief"),
        Binding("w", "warnings", "Warnings", show=False, tooltip="Inputs that could not be loaded, and why",
                id="warnings"),
    ]

    def __init__(
        self,
        settings: Settings,
        paths: Sequence[str] = (),
        drafts: DraftStore | None = None,
        offer_draft: bool = True,
        brief: Brief | None = None,
        articles: Sequence[Article] = (),
    ) -> None:
        super().__init__()
        self.settings = settings
        self.paths = [str(p) for p in paths] or ([] if articles else [str(seeds_dir())])
        self.session = Session(settings, brief)
        self.drafts = drafts if drafts is not None else DraftStore()
        self.offer_draft = offer_draft
        self.draft_problem_shown = False
        self.keys = KeyDisplay(self, [area for _, area in help_areas()])
        self.key_gate = KeyGate(self)
        self.main_screen = MainScreen(self.paths, self.session, self.keys, articles)
        self.return_code_on_signal: int | None = None
        self.pending_signals: list[int] = []  # caught by run_tui before the loop's handlers existed
        self.draft_offer: ConfirmScreen | None = None  # the restore question, while it is unanswered
        self._draft_offered: Draft | None = None
        self._drafts_waiting: list[Draft] = []  # unsaved drafts of ended sessions still to ask about
        self._drafts_found = 0
        self._check_restored = False  # a draft was restored before the articles finished loading
        self.loading_done = False

    # -- start-up ---------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Keys typed while the focus or the screen changes wait for it (see key_gate)."""
        if isinstance(event, events.Key) and self.key_gate.take(event):
            return
        await super().on_event(event)

    def on_mount(self) -> None:
        if (problem := apply_theme(self, self.settings.ui.theme)) is not None:
            self.notify(problem, severity="warning", markup=False)
        self._apply_keymap()
        self._install_signal_handlers()
        self.push_screen(self.main_screen)
        if self.offer_draft:
            self._offer_draft()

    def on_unmount(self) -> None:
        """However the app ends: its draft, if kept, and any draft it was offering can be offered next time."""
        self.drafts.close()

    def _apply_keymap(self) -> None:
        """Apply the user's keymap; unknown ids and keys already taken are refused, with a warning."""
        keymap = {str(k): str(v) for k, v in (self.settings.keymap or {}).items()}
        known = binding_ids([area for _, area in help_areas()] + [SentenceList])
        applied, warnings = checked_keymap(keymap, known, keymap_scopes(), self._normalize_keymap)
        for text, seconds in warnings:
            self.notify(clean(text), severity="warning", markup=False, timeout=seconds)
        self.set_keymap(applied)
        self.keys.clear()

    # -- the draft from last time -----------------------------------------------------------

    def _offer_draft(self) -> None:
        """Ask at once about the unsaved drafts of sessions that ended, newest first, one at a time;
        each question says, once the articles are loaded, how many of its items cite articles that
        are not among them. Restoring one ends the questions: the others are kept for the next start."""
        self._drafts_waiting = self.drafts.offers()
        self._drafts_found = len(self._drafts_waiting)
        if self.drafts.problem or self.drafts.set_aside:
            where = f" (kept as {clean(self.drafts.set_aside)})" if self.drafts.set_aside else ""
            self.notify(f"The saved draft could not be read: {one_line(self.drafts.problem, 300)}{where}",
                        severity="warning", markup=False, timeout=10)
        self._offer_next_draft()

    def _offer_next_draft(self) -> None:
        if not self._drafts_waiting:
            return
        draft = self._drafts_waiting.pop(0)

        def answer(restore: bool | None) -> None:
            self.draft_offer = self._draft_offered = None
            if not restore:
                self._drop_draft(draft)
                self._offer_next_draft()
                return
            self._restore_draft(draft)
            for kept in self._drafts_waiting:
                self.drafts.release(kept)
            if self._drafts_waiting:
                self.notify(f"{len(self._drafts_waiting)} other unsaved draft(s) kept; they are offered at the "
                            "next start.", markup=False, timeout=6)
            self._drafts_waiting = []

        self._draft_offered = draft
        self.draft_offer = ConfirmScreen(self._draft_question(draft), "Restore", "Discard")
        ask(self, self.draft_offer, answer)

    def _restore_draft(self, draft: Draft) -> None:
        try:
            self.drafts.adopt(draft)
        except BriefSaveError as e:  # the brief is restored all the same; its old file may be offered again
            self.notify(f"Draft restored, but {one_line(e, 200)}", severity="warning", markup=False)
        self.session.replace_brief(draft.brief)
        self.post_message(BriefChanged(autosave=False))
        self.notify(f"Draft restored: {draft.item_count} item(s).", markup=False, timeout=3)
        # answered before the question could say which articles are missing: say it later
        self._check_restored = not self.loading_done

    def _drop_draft(self, draft: Draft) -> None:
        try:
            self.drafts.drop(draft)
        except BriefSaveError as e:
            self.notify(f"Draft not discarded: {one_line(e, 200)}", severity="warning", markup=False)

    def _draft_question(self, draft: Draft) -> str:
        brief = draft.brief
        which = f" ({self._drafts_found - len(self._drafts_waiting)} of {self._drafts_found})" \
            if self._drafts_found > 1 else ""
        head = (f"An unsaved draft brief was found{which}, last changed {_when(draft.saved_at)}: "
                f"“{one_line(brief.title, 60)}” of {brief.date.isoformat()}, {draft.item_count} item(s).")
        if not self.loading_done:
            return f"{head} (Checking its sources against the articles being loaded…) Restore it?"
        missing, unknown = self.session.not_loaded_counts(brief)
        if not missing:
            return f"{head} Every article it cites is loaded. Restore it?"
        return f"{head} {not_loaded_text(missing, draft.item_count, unknown)} Restore it?"

    def on_load_finished(self, message: LoadFinished) -> None:
        """Bubbled up from the main screen: every input is read, so sources can be checked."""
        self.loading_done = True
        from briefing.tui.since_last_view import show_since_last  # the store's briefs of this story

        show_since_last(self.main_screen, self.session)
        if self.draft_offer is not None and self._draft_offered is not None:
            self.draft_offer.set_question(self._draft_question(self._draft_offered))
        if self._check_restored:
            self._check_restored = False
            self._warn_not_loaded(draft_restored=True)

    def _warn_not_loaded(self, draft_restored: bool = False) -> None:
        missing, unknown = self.session.not_loaded_counts()
        if missing:
            prefix = "The restored draft: " if draft_restored else ""
            text = not_loaded_text(missing, len(self.session.brief.items), unknown)
            self.notify(prefix + text, severity="warning", markup=False, timeout=12)

    # -- signals ----------------------------------------------------------------------------

    def _install_signal_handlers(self) -> None:
        """SIGTERM/SIGHUP: the draft is written, then the app exits the normal way (see `on_signals`)."""
        on_signals(HANDLED_SIGNALS, self._on_signal)
        if self.pending_signals:
            self._on_signal(self.pending_signals[0])

    def _on_signal(self, signum: int) -> None:
        self.save_draft_now()
        self.return_code_on_signal = 128 + signum
        self.exit(128 + signum)

    def save_draft_now(self) -> bool:
        """Write the draft if the brief has unsaved changes; never raises.

        A brief that is saved (or empty) leaves no draft: it would be offered back next
        time as if work had been lost.
        """
        if not self.session.unsaved:
            return False
        self.session.remember_sources()
        try:
            self.drafts.save(self.session.brief)
        except (BriefSaveError, OSError):
            return False
        return True

    def _discard_stale_draft(self) -> None:
        """Remove a draft that holds nothing unsaved, unless it is the one still being offered."""
        if self.draft_offer is not None:
            return
        try:
            self.drafts.discard()
        except (BriefSaveError, OSError):
            pass

    # -- the brief --------------------------------------------------------------------------

    def on_brief_changed(self, message: BriefChanged) -> None:
        """After every change to the brief: autosave the draft, then hand the new state down.

        The draft is written only while something is unsaved; a change that brings the
        brief back to what was saved (undo) removes it.
        """
        self.session.remember_sources()
        if message.autosave and not self.session.unsaved:
            self._discard_stale_draft()
        elif message.autosave:
            try:
                self.drafts.save(self.session.brief)
            except (BriefSaveError, OSError) as e:
                if not self.draft_problem_shown:
                    self.draft_problem_shown = True
                    self.notify(f"Draft autosave failed: {one_line(e, 200)}", severity="error", markup=False)
        self.main_screen.refresh_brief_state()
        for screen in self.screen_stack:
            if isinstance(screen, BriefScreen):
                screen.refresh_brief(message.focus_item)

    def action_open_brief(self) -> None:
        if isinstance(self.screen, BriefScreen):
            self.pop_screen()
        else:
            self.push_screen(BriefScreen(self.session, self.keys))

    def action_undo_brief(self) -> None:
        if self.session.brief.undo():
            self.post_message(BriefChanged())
        else:
            self.notify("Nothing to undo.", markup=False, timeout=2)

    def action_new_brief(self) -> None:
        if self.session.analysis is None:
            self.notify("The analysis is still running; try again when it is done.", severity="warning",
                        markup=False)
            return

        def replace(ok: bool | None) -> None:
            if not ok:
                return
            from briefing.brief.auto import auto_brief
            from briefing.brief.scope import note_other_stories

            view = self.session.story_view()  # the story the panels show; the others are named in one line
            if view is not None:
                since = self.session.brief.since_last  # the page is fitted with "Since the last brief" in it
                brief = auto_brief(view, self.settings, since_last=since)
                note_other_stories(brief, view)
                self.session.replace_brief(brief)
            self.post_message(BriefChanged())
            undo = self.keys("undo")
            self.notify(f"New brief from the automatic draft; {undo} in the brief builder brings back the "
                        "previous one.", markup=False, timeout=5)
            if not isinstance(self.screen, BriefScreen):
                self.push_screen(BriefScreen(self.session, self.keys))

        if self.session.brief.items:
            count = len(self.session.brief.items)
            undo = self.keys("undo")
            ask(
                self,
                ConfirmScreen(f"Replace the current brief ({count} item(s)) with the automatic draft? "
                              f"(Undo, {undo} in the brief builder, brings it back.)"), replace
            )
        else:
            replace(True)

    def action_save_brief(self) -> None:
        default = self.session.saved_path or default_brief_path(self.settings, self.session.brief.date)
        ask_save_path(self, self.session, default, lambda path, force: self._write_brief(path, force=force))

    def action_copy_brief(self) -> None:
        text = render_markdown(self.session.brief, self.session.analysis_view())
        self.copy_to_clipboard(text)
        self.notify(f"Brief copied to the clipboard ({count_words(text)} words as printed, as the meter counts).",
                    markup=False, timeout=3)

    def _write_brief(self, path: Path, force: bool) -> bool:
        self.session.remember_sources()
        rendered = render(self.session.brief, self.session.analysis_view())
        text = rendered.text
        try:
            written = save_brief(text, path, force=force)
        except BriefExistsError:
            self.notify(f"{clean(path)} appeared meanwhile; save again to overwrite it.", severity="warning",
                        markup=False)
            return False
        except (BriefSaveError, OSError) as e:
            self.notify(f"Not saved: {one_line(e, 300)}", title="Save failed", severity="error", timeout=10,
                        markup=False)
            return False
        self.session.mark_saved(written, stamp_file(written, encode_brief(text)))
        self._discard_stale_draft()
        self.notify(f"Brief saved to {clean(written.resolve())}", title="Saved", markup=False)
        self._remember_saved(written)
        warning = unloaded_citations_text(rendered.not_loaded, rendered.unknown)
        if warning is not None:
            self.notify(warning[0], severity=warning[1], markup=False, timeout=10 if warning[1] == "warning" else 6)
        self.post_message(BriefChanged(autosave=False))
        return True

    def _remember_saved(self, written: Path) -> None:
        """The saved brief into the store's history (`briefing history`); a failure is said, the file stands.
        With several stories loaded it is recorded with the articles of the story shown (and any it
        cites), so the store finds that story's label."""
        from briefing.brief.scope import articles_described
        from briefing.store.daily import remember_saved_brief

        view, brief = self.session.analysis_view(), self.session.brief
        articles = articles_described(brief, view) if len(view.stories) > 1 else list(self.session.articles.values())
        problem = remember_saved_brief(brief, written, articles)
        if problem is not None:
            self.notify(one_line(problem, 300), severity="warning", markup=False, timeout=10)

    # -- help, warnings, quit ---------------------------------------------------------------

    def key_for(self, binding_id: str) -> str:
        """How the key bound to `binding_id` is shown, after the user's keymap."""
        return self.keys(binding_id)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_areas()))

    def action_warnings(self) -> None:
        self.push_screen(WarningsScreen(self.session.warnings))

    def action_request_quit(self) -> None:
        if not self.session.unsaved:
            self._quit()
            return
        ask(
            self,
            ConfirmScreen("The brief has unsaved changes (the draft is kept and offered next time). Quit anyway?",
                          "Quit", "Stay"),
            lambda ok: self._quit(keep_draft=True) if ok else None,
        )

    def _quit(self, keep_draft: bool = False) -> None:
        if keep_draft:
            self.save_draft_now()
        elif not self.session.unsaved:
            self._discard_stale_draft()
        self.exit(0)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from palette_commands(self, screen)


def _when(moment: dt.datetime) -> str:
    """"today at 09:14", or "on 2026-11-20 at 17:02"."""
    day = "today" if moment.date() == dt.date.today() else f"on {moment.date().isoformat()}"
    return f"{day} at {moment.strftime('%H:%M')}"


def apply_theme(app: App[Any], theme: str) -> str | None:
    """Use the configured theme; what to tell the user when it is unknown."""
    if theme in app.available_themes:
        app.theme = theme
        return None
    return f"Unknown theme {one_line(theme, 40)!r} (ui.theme); using {app.theme}."


def on_signals(signals: Iterable[int], handler: Callable[[int], None]) -> None:
    """Handle SIGTERM/SIGHUP on the event loop: by default they end the app at once, leaving
    the terminal in the alternate screen."""
    loop = asyncio.get_running_loop()
    for signum in signals:
        try:
            loop.add_signal_handler(signum, handler, signum)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals here
            pass


def keymap_scopes() -> list[KeyScope]:
    """Where keys compete: the app's, a screen's and one focused widget's (siblings never meet)."""
    main = [("the main screen", (BriefingApp, MainScreen, widget)) for widget in (ArticleList, SentenceList,
                                                                                  StatusPanel)]
    return [*main, ("the brief builder", (BriefingApp, BriefScreen, BriefList))]


def help_areas() -> list[tuple[str, type[DOMNode]]]:
    """Where keys work, in the order the help screen lists them."""
    return [
        ("Everywhere", BriefingApp),
        ("Main screen", MainScreen),
        ("Lists (articles, sentences, quotes, brief items)", ArticleList),
        ("Conflict-status panel", StatusPanel),
        ("Brief builder", BriefScreen),
        ("Editing an item", ItemEditor),
    ]


def not_loaded_text(missing: int, total: int, unknown: int) -> str:
    """What the restore question and the warning say of items citing articles not loaded."""
    text = f"{missing} of {total} items cite articles that are not loaded now"
    if unknown:
        return (f"{text}; for {unknown} of them the draft has no source details, so they will be "
                "marked “[source not loaded]”.")
    return f"{text}; they keep their citations from the source details saved with the draft."


def unloaded_citations_text(not_loaded: Sequence[str], unknown: Sequence[str]) -> tuple[str, SeverityLevel] | None:
    """Said after a save when the file cites articles that are not loaded in this session."""
    if unknown:
        return (f"{len(unknown)} cited article(s) are not loaded and the brief has no details of them: "
                "their items are marked “[source not loaded]” in the file.", "warning")
    if not_loaded:
        return (f"{len(not_loaded)} cited article(s) are not loaded now; they are listed from the "
                "details saved with the brief.", "information")
    return None


def _exit_now(code: int) -> None:
    """After SIGTERM/SIGHUP: the draft is saved and the terminal restored; leave at once.

    A normal interpreter exit would join the analysis thread and its process pool,
    which can take a minute, or never end when the hang-up also killed the pool's
    workers; and flushing stdout on a closed terminal turns the status into 120.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def make_app(settings: Settings, paths: Sequence[str] = (), drafts: DraftStore | None = None,
             offer_draft: bool = True, brief: Brief | None = None, articles: Sequence[Article] = ()) -> BriefingApp:
    """The factory tests and `run_tui` use; `articles` are loaded already (the store's, for today)."""
    return BriefingApp(settings, paths, drafts=drafts, offer_draft=offer_draft, brief=brief, articles=articles)


def run_tui(paths: list[str], settings: Settings, articles: Sequence[Article] = ()) -> int:
    """Run the app until the user quits; the exit status for the CLI."""
    start_helpers()  # while stderr is still the real one (see briefing.analysis.pool)
    app = make_app(settings, paths, articles=articles)
    pending = app.pending_signals

    def early(signum: int, _frame: object) -> None:  # before the loop's own handlers are in place
        pending.append(signum)

    previous = {s: signal.signal(s, early) for s in HANDLED_SIGNALS}
    try:
        result = app.run()
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    if app.return_code_on_signal is not None:
        _exit_now(app.return_code_on_signal)
    return result if isinstance(result, int) else (app.return_code or 0)
