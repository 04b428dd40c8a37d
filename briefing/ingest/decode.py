"""Bytes to text in a fixed, tested order.

Detection alone gets news files wrong: charset-normalizer reads cp1252 as
cp1250, slightly broken UTF-8 as iso8859-2 and NUL-laced ASCII as UTF-16. So the
cheap, certain answers come first and detection only gets what is left:

1. a byte-order mark (UTF-32 before UTF-16: FF FE 00 00 starts like FF FE);
2. binary data refused ("not a text file"), except BOM-less UTF-16, which is
   recognised by its regular NUL bytes;
3. strict UTF-8;
4. UTF-8 with replacement characters when only a few bytes are bad and the
   rest is evidently UTF-8 (with a warning);
5. cp1252 when it decodes cleanly and reads like Western text;
6. charset-normalizer detection; then a clean cp1252 reading after all;
   failing that, "could not determine its text encoding".
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from briefing.ingest.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF_BYTES = 64 * 1024
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")  # ESC: hostile-but-textual files are sanitised, not refused
_MAX_CONTROL_SHARE = 0.10  # more control bytes than this (outside UTF-16) means binary
# The control bytes that count against text; bytes.translate deletes them in C (a Python
# loop over each byte took 0.6 s per 1,000 news files).
_BINARY_CONTROLS = bytes(b for b in [*range(0x20), 0x7F] if b not in _TEXT_CONTROLS)
_FEW_BAD_BYTES = 8  # at most this many invalid UTF-8 sequences ...
_FEW_BAD_SHARE = 0.01  # ... or this share of the file, to repair rather than re-guess
_MAX_NON_ASCII_LETTERS = 0.25  # cp1252 "text" with more accented letters is some other code page
_MIN_LETTERS_TO_JUDGE = 20  # a share of a handful of letters says nothing
_NOT_TEXT_CATEGORIES = frozenset({"Cc", "Cs", "Cn", "Co"})


_CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
# latin-1 -> cp1252 for the bytes 0x80-0x9F that cp1252 defines (the rest stay C1 controls).
_CP1252_HIGH = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in _CP1252_UNDEFINED}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None  # e.g. replaced bytes; the text is still usable


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes, or raise IngestError with a reason a user understands."""
    if not data:
        raise IngestError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data[len(bom) :], encoding)
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise IngestError("not a text file (binary data)")
    for attempt in (_strict_utf8, _repaired_utf8, _cp1252, _detected, _cp1252_fallback):
        decoded = attempt(data)
        if decoded is not None:
            return decoded
    raise IngestError("not a text file (could not determine its text encoding)")


def is_binary(data: bytes) -> bool:
    """The same test `decode_bytes` applies, for readers (feeds) that decode for themselves."""
    if any(data.startswith(bom) for bom, _ in _BOMS) or _bomless_utf16(data) is not None:
        return False
    return _looks_binary(data)


def _decode_with_bom(body: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(body.decode(encoding), encoding)
    except UnicodeDecodeError:
        text = body.decode(encoding, errors="replace")
        return Decoded(text, encoding, f"invalid {encoding.upper()} data replaced with \N{REPLACEMENT CHARACTER}")


def _control_share(sample: bytes) -> float:
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    return controls / max(len(sample), 1)


def _looks_binary(data: bytes) -> bool:
    return _control_share(data[:_SNIFF_BYTES]) > _MAX_CONTROL_SHARE


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM: NULs at nearly every other byte, text in between."""
    sample = data[: _SNIFF_BYTES - (_SNIFF_BYTES % 2)]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        other = even if zeros is odd else odd
        if zeros.count(0) >= 0.6 * len(zeros) and other.count(0) <= 0.05 * len(other):
            try:
                text = data[: len(data) - len(data) % 2].decode(encoding)
            except UnicodeDecodeError:
                continue
            if _reads_like_text(text):
                return Decoded(text, encoding)
    return None


def _strict_utf8(data: bytes) -> Decoded | None:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return None


def _repaired_utf8(data: bytes) -> Decoded | None:
    """Few bad bytes in text that is otherwise clearly UTF-8: keep it, say so."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good_multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    few = bad <= max(_FEW_BAD_BYTES, int(len(data) * _FEW_BAD_SHARE))
    evidently_utf8 = good_multibyte >= bad or _fails_cp1252(data)
    if not (few and evidently_utf8):
        return None
    noun = "byte sequence" if bad == 1 else "byte sequences"
    return Decoded(text, "utf-8", f"{bad} invalid UTF-8 {noun} replaced with \N{REPLACEMENT CHARACTER}")


def _fails_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return True
    return False


def _cp1252(data: bytes) -> Decoded | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    non_ascii = sum(1 for ch in letters if ord(ch) > 0x7F)
    if len(letters) >= _MIN_LETTERS_TO_JUDGE and non_ascii / len(letters) > _MAX_NON_ASCII_LETTERS:
        return None  # KOI8-R, cp1251... decode "cleanly" as accented gibberish
    return Decoded(text, "cp1252") if _reads_like_text(text) else None


def _cp1252_fallback(data: bytes) -> Decoded | None:
    """Detection had no answer: Western text read as browsers read "windows-1252".

    Five bytes are undefined in cp1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D); a stray one
    (a raw 8-bit OSC, a broken export) should not cost the user a whole article.
    As in the WHATWG encoding standard they become the C1 controls of the same
    number, which the sanitiser then removes with any sequence they start.
    """
    text = data.decode("latin-1").translate(_CP1252_HIGH)
    if not _mostly_western(text) or not _reads_like_text(text):
        return None
    undefined = sum(data.count(bytes([b])) for b in _CP1252_UNDEFINED)
    if not undefined:
        return Decoded(text, "cp1252")
    noun = "byte" if undefined == 1 else "bytes"
    return Decoded(text, "cp1252", f"read as Windows-1252; {undefined} {noun} undefined there were dropped")


def _mostly_western(text: str) -> bool:
    letters = [ch for ch in text[:_SNIFF_BYTES] if ch.isalpha()]
    non_ascii = sum(1 for ch in letters if ord(ch) > 0x7F)
    return len(letters) < _MIN_LETTERS_TO_JUDGE or non_ascii / len(letters) <= _MAX_NON_ASCII_LETTERS


def _detected(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes  # imported late: only the rare leftover needs it

    best = from_bytes(data[: 4 * _SNIFF_BYTES]).best()
    if best is None:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return Decoded(text, best.encoding) if _reads_like_text(text) else None


def _reads_like_text(text: str) -> bool:
    sample = text[:_SNIFF_BYTES]
    if not sample.strip():
        return True  # whitespace-only is refused later, with its own message
    odd = sum(1 for ch in sample if unicodedata.category(ch) in _NOT_TEXT_CATEGORIES and ch not in "\t\n\r\x0c\x1b")
    return odd / len(sample) <= 0.05


def decode_with_charset(data: bytes, charset: str) -> Decoded:
    """A server-declared charset is trusted when it decodes cleanly; else the usual order.

    A BOM still wins (it is what the bytes say about themselves, and servers
    commonly mislabel UTF-8 as ISO-8859-1).
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return decode_bytes(data)
    try:
        codecs.lookup(charset)
        text = data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return decode_bytes(data)
    if charset.lower().replace("_", "-") in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
        return decode_bytes(data)  # "latin-1" is the web's default label, rarely the truth
    return Decoded(text, charset) if not _looks_binary(data) else decode_bytes(data)
