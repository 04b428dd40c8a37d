"""The one exception ingestion raises for input a user supplied.

Every reader raises `IngestError(reason)`; `load_paths` turns it into a
`LoadWarning` naming the file, so a bad file never becomes a traceback.
"""

from __future__ import annotations


class IngestError(Exception):
    """A file, feed or URL that cannot be used; `str(err)` is the reason in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
