"""`briefing build`: the automatic brief written to a file, for cron."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from briefing.brief.auto import auto_brief
from briefing.brief.render import render_markdown
from briefing.brief.save import check_target, default_brief_path, save_brief
from briefing.brief.scope import articles_described, note_other_stories
from briefing.config import Settings
from briefing.models import Analysis


def build_brief_file(
    analysis: Analysis,
    settings: Settings,
    output: str | os.PathLike[str] | None,
    force: bool,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Write the automatic brief to `output` (default: the dated name in `brief.output_dir`).

    Raises `BriefExistsError` when the file exists and `force` is false, and
    `BriefSaveError` when it is not a regular file (a pipe, a device, a dangling
    link): both checked before any work, so a cron job that ran twice costs
    nothing, and again by the save itself, which claims a new name atomically.
    Either message names the file. The written brief is recorded in the store's
    history with the articles of the story it describes (so the store finds that
    story's label); when that fails the file stands and `warn` is told why.
    """
    date = dt.date.today()
    path = Path(output).expanduser() if output is not None else default_brief_path(settings, date)
    check_target(path, force)
    from briefing.store.daily import last_brief_baseline, remember_saved_brief  # sqlite3 only when writing

    # Against the last brief of the story, read before this one is recorded (and not this file's own last save).
    brief = auto_brief(analysis, settings, date, last_brief_baseline(analysis.articles, path))
    note_other_stories(brief, analysis)  # one line when other stories were loaded (brief/scope.py)
    written = save_brief(render_markdown(brief, analysis), path, force=force)

    problem = remember_saved_brief(brief, written, articles_described(brief, analysis))
    if problem is not None and warn is not None:
        warn(problem)
    return written
