"""Display-side guard for untrusted text.

Ingestion already sanitises every article string, but the TUI also shows text
that did not come through ingestion (file names in warnings, error messages,
config values), and Textual passes ESC/OSC/CSI sequences and C1 controls
straight to the terminal even with markup off. So everything shown goes through
`clean` once more, and is wrapped in `Content` (never parsed as markup).
"""

from __future__ import annotations

import re

from textual.content import Content

# Whole escape sequences first (so their payload disappears with them), then any
# remaining C0 control except tab and newline, DEL and the C1 range.
_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                        # CSI
    | \x1b[\]PX^_].*?(?:\x07|\x1b\\|\x9c|$)        # OSC, DCS, SOS, PM, APC up to BEL/ST
    | [\x90\x98\x9d\x9e\x9f].*?(?:\x07|\x1b\\|\x9c|$)  # their 8-bit forms
    | \x9b[0-?]*[ -/]*[@-~]                        # 8-bit CSI
    | \x1b[ -/]*[0-~]?                             # any other ESC sequence (or a lone ESC)
    """,
    re.VERBOSE | re.DOTALL,
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: object) -> str:
    """Text safe to hand to the terminal: no escape sequences, no control characters."""
    return _CONTROLS.sub("", _SEQUENCE.sub("", str(text)))


def one_line(text: object, limit: int | None = None) -> str:
    """`clean`, with whitespace runs folded so a value fits on one line."""
    flat = " ".join(clean(text).split())
    if limit is not None and len(flat) > limit:
        return flat[: max(limit - 1, 0)] + "…"
    return flat


def plain(text: object, style: str = "") -> Content:
    """Untrusted text as `Content`: shown literally, `[...]` never read as markup."""
    content = Content(clean(text))
    return content.stylize(style) if style else content
