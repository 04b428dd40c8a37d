"""A summary's length in words a reader understands: "3 sentences", "25% of the article".

The length itself is part of SummarySettings (briefing.config), validated there
once, when the settings are read: exactly one of sentences, ratio or words.
"""

from __future__ import annotations

from briefing.config import SummarySettings


def describe_length(settings: SummarySettings) -> str:
    """The one length `settings` ask for, as the reader and the text report show it."""
    if settings.sentences is not None:
        return f"{settings.sentences} sentence{'' if settings.sentences == 1 else 's'}"
    if settings.ratio is not None:
        return f"{settings.ratio:.0%} of the article"
    return f"{settings.words} word{'' if settings.words == 1 else 's'}"
