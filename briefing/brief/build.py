"""`briefing build`: the automatic brief written to a file, for cron."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from briefing.brief.auto import auto_brief
from briefing.brief.render import render_markdown
from briefing.brief.save import check_target, default_brief_path, save_brief
from briefing.brief.scope import note_other_stories
from briefing.config import Settings
from briefing.models import Analysis


def build_brief_file(
    analysis: Analysis, settings: Settings, output: str | os.PathLike[str] | None, force: bool
) -> Path:
    """Write the automatic brief to `output` (default: the dated name in `brief.output_dir`).

    Raises `BriefExistsError` when the file exists and `force` is false, and
    `BriefSaveError` when it is not a regular file (a pipe, a device, a dangling
    link): both checked before any work, so a cron job that ran twice costs
    nothing, and again by the save itself, which claims a new name atomically.
    Either message names the file.
    """
    date = dt.date.today()
    path = Path(output).expanduser() if output is not None else default_brief_path(settings, date)
    check_target(path, force)
    brief = auto_brief(analysis, settings, date)
    note_other_stories(brief, analysis)  # one line when other stories were loaded (brief/scope.py)
    return save_brief(render_markdown(brief, analysis), path, force=force)
