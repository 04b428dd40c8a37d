"""One sanitiser for every untrusted string, applied where text enters the program.

Textual and Rich pass ESC/OSC/CSI sequences and C1 controls straight to the
terminal even with markup off, so an article could retitle the window, write to
the clipboard (OSC 52) or query the terminal. Cleaning once, at ingestion, means
no later layer (TUI, CLI report, Markdown brief, JSON) has to remember to. The same
goes for invisible format characters (zero-width space, word joiner, BOM): they
would pass unseen into every output and break word matches.
Whole sequences are removed first so that their printable payload ("0;evil")
does not survive as stray text once the ESC byte itself is gone.
"""

from __future__ import annotations

import re

_ST = r"(?:\x1b\\|\x9c|\x07)"  # string terminator: ESC \, 8-bit ST, or BEL (xterm accepts it)
# OSC, DCS, SOS, PM, APC (7-bit ESC form and 8-bit C1 form) carry a string up to ST.
# An unterminated one is cut to the end of its line: a terminal would swallow the rest,
# but dropping a whole article over one stray byte would lose the user's text.
_STRING_SEQ = rf"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])(?:[^\x07\x1b\x9c\n]*{_ST}|[^\n]*)"
_CSI_SEQ = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
_OTHER_ESC = r"\x1b[\x20-\x2f]*[\x30-\x7e]"  # nF / Fp / Fe / Fs escapes: ESC c, ESC 7, ESC ( B
_ESCAPE_SEQUENCES = re.compile(f"{_STRING_SEQ}|{_CSI_SEQ}|{_OTHER_ESC}")

_INTRODUCER = re.compile(r"[\x1b\x90\x98\x9b\x9d\x9e\x9f]")

# Line separators become plain newlines so paragraph structure survives.
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Invisible format characters (Unicode category Cf): zero-width space, word joiner, soft
# hyphen, invisible operators, deprecated format controls, interlinear annotation, tags, and
# the format controls of hieroglyphs, shorthand and musical notation. They hide inside words
# ("cease\u200bfire" is not "ceasefire" to a search, a name match or a reader's copy), so they
# go at ingestion. Kept: the visible prepended concatenation marks (U+0600-0605, U+06DD,
# U+070F, U+0890-0891, U+08E2, U+110BD, U+110CD), and ZWNJ/ZWJ where a script needs them
# (see `_JOINER_SCRIPTS`).
_INVISIBLE = "\u00ad\u180e\u200b\u2060-\u2064\u206a-\u206f\ufff9-\ufffb"
# Outside the BMP (hieroglyph, shorthand and music format controls, tags): a second pattern,
# run only on text that has such characters; in one class with the rest they made every
# call three times slower.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_INVISIBLE_ASTRAL = re.compile(
    "[\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
# C0 except \t and \n, DEL, C1, bidi embeddings/overrides/isolates/marks, stray BOMs,
# invisible format characters and lone surrogates (they cannot be encoded for the terminal or a file).
_FORBIDDEN = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}{_INVISIBLE}\ufeff\ud800-\udfff]")

# ZWNJ (U+200C) and ZWJ (U+200D) change how letters join in Arabic-script languages (Persian
# "می‌خواهم" needs its ZWNJ) and form or prevent conjuncts in Indic scripts (Devanagari "क्‍ष"),
# Sinhala, Myanmar, Khmer and Mongolian: kept between two characters of those scripts. ZWJ
# also builds emoji sequences (a family, a flag with a rainbow): kept between pictographs.
# Anywhere else they are invisible noise and go.
_JOINERS = re.compile("[\u200c\u200d]")
_JOINER_SCRIPTS = re.compile("[\u0600-\u08ff\u0900-\u0dff\u1000-\u109f\u1780-\u18af\ufb50-\ufdff\ufe70-\ufefe]")
_PICTOGRAPHS = re.compile("[\u2600-\u27bf\U0001f000-\U0001faff]")


def _joiner(match: re.Match[str]) -> str:
    text, at = match.string, match.start()
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if _JOINER_SCRIPTS.match(before) and _JOINER_SCRIPTS.match(after):
        return match.group()
    if match.group() == "\u200d" and (_PICTOGRAPHS.match(before) or before == "\ufe0f") and _PICTOGRAPHS.match(after):
        return match.group()
    return ""


def sanitize_text(s: str) -> str:
    """Return `s` with escape sequences, control characters, bidi controls and invisible
    format characters removed (ZWNJ/ZWJ kept where a script needs them).

    Idempotent: no ESC or C1 byte survives the first pass, so nothing can be
    re-assembled into a sequence by a second one.
    """
    if not s:
        return ""
    if _INTRODUCER.search(s):  # the full pattern is slow; most text has no ESC at all
        s = _ESCAPE_SEQUENCES.sub("", s)
    s = _LINE_BREAKS.sub("\n", s)
    s = _FORBIDDEN.sub("", s)
    if not s.isascii() and _ASTRAL.search(s):
        s = _INVISIBLE_ASTRAL.sub("", s)
    if "\u200c" in s or "\u200d" in s:
        s = _JOINERS.sub(_joiner, s)
    return s


# A numeric character reference to a control ("&#x1b;", "&#155;", "&#7"): parsers turn it
# into the control itself, after the text was sanitised. lxml then refuses to set such
# text on an element (ValueError) and feedparser maps C1 to cp1252 look-alikes ("›"),
# leaving the sequence's payload behind as text.
_CONTROL_REF = re.compile(r"&#(?:[xX]0*(?P<hex>[0-9a-fA-F]{1,6})|0*(?P<dec>\d{1,7}));?")


def _literal_control(match: re.Match[str]) -> str:
    code = int(match["hex"], 16) if match["hex"] else int(match["dec"])
    if code == 0 or (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or 0x7F <= code <= 0x9F:
        return chr(code)
    return match.group()


def sanitize_markup(s: str) -> str:
    """`sanitize_text` for HTML or XML source: control characters written as character
    references are made literal first, so that whole sequences spelled that way go too."""
    if "&#" in s:
        s = _CONTROL_REF.sub(_literal_control, s)
    return sanitize_text(s)


def sanitize_line(s: str) -> str:
    """A single-line field (title, outlet, file name): sanitised, whitespace collapsed."""
    return " ".join(sanitize_text(s).split())
