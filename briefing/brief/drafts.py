"""The brief in progress, kept on disk after every change so a crash loses at most one edit.

The draft lives in the user data dir (`briefing/drafts/current.json`) and is
written with the same atomic save as the brief itself, so a kill in the middle
of a write leaves the previous draft. A draft that cannot be read (truncated by
a failing disk, hand-edited, from another version) is renamed aside rather than
deleted or allowed to crash the app: the user can still inspect it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import platformdirs

from briefing.brief.model import Brief, BriefError
from briefing.brief.save import BriefSaveError, atomic_write

DRAFT_NAME = "current.json"
MAX_DRAFT_BYTES = 20_000_000


def default_drafts_dir() -> Path:
    return Path(platformdirs.user_data_dir("briefing", appauthor=False)) / "drafts"


class DraftStore:
    """Save, offer back and discard the one current draft."""

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self.directory = Path(directory).expanduser() if directory is not None else default_drafts_dir()
        self.set_aside: Path | None = None  # where the last corrupt draft was moved
        self.problem: str | None = None  # why it was set aside, for a notification

    @property
    def path(self) -> Path:
        return self.directory / DRAFT_NAME

    def save(self, brief: Brief) -> Path:
        """Write the draft atomically (private to the user); raises `BriefSaveError` naming the file."""
        # ASCII JSON: any string, even one with a lone surrogate, survives the round trip exactly.
        data = json.dumps(brief.to_dict(), ensure_ascii=True, indent=1).encode("ascii")
        return atomic_write(self.path, data, force=True, mode=0o600)

    def exists(self) -> bool:
        return self.path.is_file()

    def load(self) -> Brief | None:
        """The saved draft, or None when there is none or it was corrupt (then it is set aside)."""
        self.set_aside = self.problem = None
        try:
            if self.path.stat().st_size > MAX_DRAFT_BYTES:
                return self._quarantine(f"larger than {MAX_DRAFT_BYTES:,} bytes")
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as e:
            self.problem = f"cannot read draft {self.path}: {e.strerror or e}"
            return None
        try:
            return Brief.from_dict(json.loads(raw.decode("utf-8")))
        except UnicodeDecodeError:
            return self._quarantine("not UTF-8 text")
        except json.JSONDecodeError as e:
            return self._quarantine(f"not valid JSON ({e.msg} at line {e.lineno})")
        except BriefError as e:
            return self._quarantine(str(e))
        except RecursionError:
            return self._quarantine("nested too deeply")
        except (ValueError, TypeError, AttributeError, KeyError) as e:  # a shape from_dict did not foresee
            return self._quarantine(f"unexpected content ({type(e).__name__})")

    def discard(self) -> None:
        """Forget the draft (after the brief was saved or the user declined the offer)."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as e:
            raise BriefSaveError(e.errno, f"cannot remove draft {self.path}: {e.strerror or e}") from e

    def _quarantine(self, why: str) -> None:
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
        target = self.directory / f"current.corrupt-{stamp}.json"
        n = 1
        while target.exists():
            n += 1
            target = self.directory / f"current.corrupt-{stamp}-{n}.json"
        try:
            os.replace(self.path, target)
            self.set_aside = target
            self.problem = f"draft {self.path} could not be read ({why}); moved to {target.name}"
        except OSError as e:
            self.problem = f"draft {self.path} could not be read ({why}) nor moved aside: {e.strerror or e}"
        return None
