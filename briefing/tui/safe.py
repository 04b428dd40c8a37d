"""Display-side guard for untrusted text.

Ingestion already sanitises every article string, but the TUI also shows text
that did not come through ingestion (file names in warnings, error messages,
config values), and Textual passes ESC/OSC/CSI sequences and C1 controls
straight to the terminal even with markup off. So everything shown goes through
`clean` once more, and is wrapped in `Content` (never parsed as markup).
"""

from __future__ import annotations

from textual.content import Content

from briefing.ingest.sanitize import sanitize_text


def clean(text: object) -> str:
    """Text safe to hand to the terminal: the ingestion sanitiser, applied once more."""
    return sanitize_text(str(text))


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
