"""The Textual app: builds the screens, owns app-wide keys, saves, and survives signals.

`run_tui(paths, settings)` is the entry point used by the CLI; `make_app`
builds the app for tests. The screens hold the views; `Session` holds the
state; the analysis and the brief are plain modules this file only calls.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from briefing.analysis.pool import start_helpers
from briefing.brief.budget import BudgetReport, over_budget
from briefing.brief.drafts import DraftStore
from briefing.brief.model import Brief
from briefing.brief.render import render, render_markdown
from briefing.brief.save import (
    BriefExistsError,
    BriefSaveError,
    changed_since,
    default_brief_path,
    encode_brief,
    save_brief,
    stamp_file,
)
from briefing.config import Settings, seeds_dir
from briefing.tui.commands import palette_commands
from briefing.tui.keymap import KeyScope, keymap_clashes
from briefing.tui.messages import LoadFinished
from briefing.tui.safe import clean, one_line
from briefing.tui.screens.brief import BriefScreen
from briefing.tui.screens.dialogs import ConfirmScreen, PromptScreen
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
    ) -> None:
        super().__init__()
        self.settings = settings
        self.paths = [str(p) for p in paths] or [str(seeds_dir())]
        self.session = Session(settings, brief)
        self.drafts = drafts if drafts is not None else DraftStore()
        self.offer_draft = offer_draft
        self.draft_problem_shown = False
        self.main_screen = MainScreen(self.paths)
        self.return_code_on_signal: int | None = None
        self.pending_signals: list[int] = []  # caught by run_tui before the loop's handlers existed
        self._key_display: dict[str, str] = {}
        self._budget: tuple[tuple, BudgetReport] | None = None
        self.draft_offer: ConfirmScreen | None = None  # the restore question, while it is unanswered
        self._draft_offered: Brief | None = None
        self._check_restored = False  # a draft was restored before the articles finished loading
        self.loading_done = False

    # -- start-up ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._apply_theme()
        self._apply_keymap()
        self._install_signal_handlers()
        self.push_screen(self.main_screen)
        if self.offer_draft:
            self._offer_draft()

    def _apply_theme(self) -> None:
        theme = self.settings.ui.theme
        if theme in self.available_themes:
            self.theme = theme
        else:
            self.notify(f"Unknown theme {one_line(theme, 40)!r} (ui.theme); using {self.theme}.", severity="warning",
                        markup=False)

    def _apply_keymap(self) -> None:
        """Apply the user's keymap; unknown ids and keys already taken are refused, with a warning.

        A key the user gives to a second action in the same place would hide the first
        one (`add: q` would hide Quit), so such a key is not applied: the action keeps
        its old key. Freeing the key first (mapping its owner elsewhere) makes it usable.
        """
        keymap = {str(k): str(v) for k, v in (self.settings.keymap or {}).items()}
        known = self.binding_ids()
        unknown = sorted(set(keymap) - known)
        if unknown:
            self.notify(f"keymap: unknown binding id(s) {', '.join(map(clean, unknown))}", severity="warning",
                        markup=False, timeout=8)
        wanted = self._normalize_keymap({k: v for k, v in keymap.items() if k in known})
        applied, clashes = keymap_clashes(wanted, self.keymap_scopes())
        for clash in clashes:
            self.notify(f"keymap: {clean(clash)}", severity="warning", markup=False, timeout=12)
        self.set_keymap(applied)
        self._key_display.clear()

    def keymap_scopes(self) -> list[KeyScope]:
        """Where keys compete: the app's, a screen's and one focused widget's (siblings never meet)."""
        main = [("the main screen", (BriefingApp, MainScreen, widget)) for widget in (ArticleList, SentenceList,
                                                                                      StatusPanel)]
        return [*main, ("the brief builder", (BriefingApp, BriefScreen, BriefList))]

    # -- the draft from last time -----------------------------------------------------------

    def _offer_draft(self) -> None:
        """Ask at once whether to restore the draft; the question says, once the articles are
        loaded, how many of its items cite articles that are not among them."""
        draft = self.drafts.load()
        if self.drafts.problem or self.drafts.set_aside:
            where = f" (kept as {clean(self.drafts.set_aside)})" if self.drafts.set_aside else ""
            self.notify(f"The saved draft could not be read: {one_line(self.drafts.problem, 300)}{where}",
                        severity="warning", markup=False, timeout=10)
        if draft is None or not draft.items:
            return

        def answer(restore: bool | None) -> None:
            self.draft_offer = self._draft_offered = None
            if restore:
                self.session.replace_brief(draft)
                self.brief_changed(autosave=False)
                self.notify(f"Draft restored: {len(draft.items)} item(s).", markup=False, timeout=3)
                # answered before the question could say which articles are missing: say it later
                self._check_restored = not self.loading_done
            else:
                self.drafts.discard()

        self._draft_offered = draft
        self.draft_offer = ConfirmScreen(self._draft_question(draft), "Restore", "Discard")
        self.push_screen(self.draft_offer, answer)

    def _draft_question(self, draft: Brief) -> str:
        head = (f"A draft brief was found: “{one_line(draft.title, 60)}” of {draft.date.isoformat()}, "
                f"{len(draft.items)} item(s).")
        if not self.loading_done:
            return f"{head} (Checking its sources against the articles being loaded…) Restore it?"
        missing, unknown = self.session.not_loaded_counts(draft)
        if not missing:
            return f"{head} Every article it cites is loaded. Restore it?"
        return f"{head} {self._not_loaded_text(missing, len(draft.items), unknown)} Restore it?"

    @staticmethod
    def _not_loaded_text(missing: int, total: int, unknown: int) -> str:
        text = f"{missing} of {total} items cite articles that are not loaded now"
        if unknown:
            return (f"{text}; for {unknown} of them the draft has no source details, so they will be "
                    "marked “[source not loaded]”.")
        return f"{text}; they keep their citations from the source details saved with the draft."

    def on_load_finished(self, message: LoadFinished) -> None:
        """Bubbled up from the main screen: every input is read, so sources can be checked."""
        self.loading_done = True
        if self.draft_offer is not None and self._draft_offered is not None:
            self.draft_offer.set_question(self._draft_question(self._draft_offered))
        if self._check_restored:
            self._check_restored = False
            self._warn_not_loaded(draft_restored=True)

    def _warn_not_loaded(self, draft_restored: bool = False) -> None:
        missing, unknown = self.session.not_loaded_counts()
        if missing:
            prefix = "The restored draft: " if draft_restored else ""
            text = self._not_loaded_text(missing, len(self.session.brief.items), unknown)
            self.notify(prefix + text, severity="warning", markup=False, timeout=12)

    # -- signals ----------------------------------------------------------------------------

    def _install_signal_handlers(self) -> None:
        """SIGTERM/SIGHUP would end the app at once, leaving the terminal in the alternate screen.

        Handled on the event loop instead: the draft is written synchronously, then the
        app exits the normal way, which restores the terminal.
        """
        loop = asyncio.get_running_loop()
        for signum in HANDLED_SIGNALS:
            try:
                loop.add_signal_handler(signum, self._on_signal, signum)
            except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals here
                pass
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

    def budget(self) -> BudgetReport:
        """The page meter. Remembered until the brief or what it cites changes: the top bar asks
        on every loading and analysis step, and rendering plus counting takes several ms."""
        s = self.session
        key = (id(s.brief), s.brief.revision, id(s.analysis), len(s.articles))
        if self._budget is None or self._budget[0] != key:
            self._budget = (key, over_budget(s.brief, s.analysis_view()))
        return self._budget[1]

    def brief_changed(self, autosave: bool = True, focus_item: str | None = None) -> None:
        """Called after every change to the brief: autosave the draft, refresh the views.

        The draft is written only while something is unsaved; a change that brings the
        brief back to what was saved (undo) removes it.
        """
        self.session.remember_sources()
        if autosave and not self.session.unsaved:
            self._discard_stale_draft()
        elif autosave:
            try:
                self.drafts.save(self.session.brief)
            except (BriefSaveError, OSError) as e:
                if not self.draft_problem_shown:
                    self.draft_problem_shown = True
                    self.notify(f"Draft autosave failed: {one_line(e, 200)}", severity="error", markup=False)
        self.main_screen.refresh_brief_state()
        if isinstance(self.screen, BriefScreen):
            self.screen.refresh_brief(focus_item)

    def action_open_brief(self) -> None:
        if isinstance(self.screen, BriefScreen):
            self.pop_screen()
        else:
            self.push_screen(BriefScreen())

    def action_undo_brief(self) -> None:
        if self.session.brief.undo():
            self.brief_changed()
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

            self.session.replace_brief(auto_brief(self.session.analysis, self.settings))
            self.brief_changed()
            undo = self.key_for("undo")
            self.notify(f"New brief from the automatic draft; {undo} in the brief builder brings back the "
                        "previous one.", markup=False, timeout=5)
            if not isinstance(self.screen, BriefScreen):
                self.push_screen(BriefScreen())

        if self.session.brief.items:
            count = len(self.session.brief.items)
            undo = self.key_for("undo")
            self.push_screen(
                ConfirmScreen(f"Replace the current brief ({count} item(s)) with the automatic draft? "
                              f"(Undo, {undo} in the brief builder, brings it back.)"), replace
            )
        else:
            replace(True)

    def action_save_brief(self) -> None:
        default = self.session.saved_path or default_brief_path(self.settings, self.session.brief.date)

        def chosen(value: str | None) -> None:
            if not value:
                return
            path = Path(value).expanduser()
            if path.name.startswith(".") or value.endswith(("/", os.sep)):  # ".md", "out/": no file name
                self.notify(f"Not saved: {clean(value)} has no file name; type one, e.g. brief.md.",
                            severity="warning", markup=False)
                self.push_screen(PromptScreen("Save the brief as Markdown to:", value), chosen)
                return
            if self._needs_new_folder(path):  # a mistyped folder should not be made without a word
                self.push_screen(
                    ConfirmScreen(f"The folder {clean(path.parent)} does not exist. Create it and save there?",
                                  "Create", "Cancel"),
                    lambda ok: ok and write_or_ask(path),
                )
                return
            write_or_ask(path)

        def write_or_ask(path: Path) -> None:
            saved, stamp = self.session.saved_path, self.session.saved_stamp
            ours = saved is not None and path.resolve() == saved.resolve()  # saved earlier in this session
            if ours and stamp is not None and changed_since(path, stamp):
                question = (f"{clean(path)} was changed by another program since this session saved it. "
                            "Overwrite it?")
            elif path.exists() and not ours:
                question = f"{clean(path)} exists. Overwrite it?"
            else:
                self._write_brief(path, force=ours)
                return
            self.push_screen(ConfirmScreen(question, "Overwrite", "Cancel"),
                             lambda ok: ok and self._write_brief(path, force=True))

        self.push_screen(PromptScreen("Save the brief as Markdown to:", str(default)), chosen)

    def _needs_new_folder(self, path: Path) -> bool:
        """A typed path whose folder is missing; the configured `brief.output_dir` is made silently."""
        configured = Path(self.settings.brief.output_dir).expanduser()
        return not path.parent.exists() and path.parent.resolve() != configured.resolve()

    def action_copy_brief(self) -> None:
        text = render_markdown(self.session.brief, self.session.analysis_view())
        self.copy_to_clipboard(text)
        self.notify(f"Brief copied to the clipboard ({len(text.split())} words of Markdown).", markup=False,
                    timeout=3)

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
        self._warn_unloaded_citations(rendered.not_loaded, rendered.unknown)
        self.brief_changed(autosave=False)
        return True

    def _warn_unloaded_citations(self, not_loaded: Sequence[str], unknown: Sequence[str]) -> None:
        """Say so when the saved file cites articles that are not loaded in this session."""
        if unknown:
            self.notify(f"{len(unknown)} cited article(s) are not loaded and the brief has no details of them: "
                        "their items are marked “[source not loaded]” in the file.", severity="warning",
                        markup=False, timeout=10)
        elif not_loaded:
            self.notify(f"{len(not_loaded)} cited article(s) are not loaded now; they are listed from the "
                        "details saved with the brief.", severity="information", markup=False, timeout=6)

    # -- help, warnings, quit ---------------------------------------------------------------

    def help_areas(self) -> list[tuple[str, type]]:
        return [
            ("Everywhere", BriefingApp),
            ("Main screen", MainScreen),
            ("Lists (articles, sentences, quotes, brief items)", ArticleList),
            ("Conflict-status panel", StatusPanel),
            ("Brief builder", BriefScreen),
            ("Editing an item", ItemEditor),
        ]

    def binding_ids(self) -> set[str]:
        ids: set[str] = set()
        for _, node_type in self.help_areas() + [("", SentenceList)]:
            for group in node_type._merge_bindings().key_to_bindings.values():
                ids.update(b.id for b in group if b.id)
        return ids

    def key_for(self, binding_id: str) -> str:
        """How the key bound to `binding_id` is shown, after the user's keymap.

        Remembered: the top bar asks on every progress step, and the keymap is set once at start.
        """
        if binding_id not in self._key_display:
            self._key_display[binding_id] = self._find_key_display(binding_id)
        return self._key_display[binding_id]

    def _find_key_display(self, binding_id: str) -> str:
        for _, node_type in self.help_areas():
            bindings = node_type._merge_bindings()
            bindings.apply_keymap(self._keymap)
            for key, group in bindings.key_to_bindings.items():
                for binding in group:
                    if binding.id == binding_id:
                        return self.get_key_display(Binding(key, binding.action, key_display=binding.key_display))
        return "?"

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_areas()))

    def action_warnings(self) -> None:
        self.push_screen(WarningsScreen(self.session.warnings))

    def action_request_quit(self) -> None:
        if not self.session.unsaved:
            self._quit()
            return
        self.push_screen(
            ConfirmScreen("The brief has unsaved changes (the draft is kept and offered next time). Quit anyway?",
                          "Quit", "Stay"),
            lambda ok: ok and self._quit(keep_draft=True),
        )

    def _quit(self, keep_draft: bool = False) -> None:
        if keep_draft:
            self.save_draft_now()
        elif not self.session.unsaved:
            self._discard_stale_draft()
        self.exit(0)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from palette_commands(self, screen)


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


def make_app(settings: Settings, paths: Sequence[str] = (), **kwargs) -> BriefingApp:
    """The factory tests and `run_tui` use."""
    return BriefingApp(settings, paths, **kwargs)


def run_tui(paths: list[str], settings: Settings) -> int:
    """Run the app until the user quits; the exit status for the CLI."""
    start_helpers()  # while stderr is still the real one (see briefing.analysis.pool)
    app = make_app(settings, paths)
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
