"""Decoding in a fixed order, beating charset-normalizer's known misreadings."""

from __future__ import annotations

import codecs
import os

import pytest
from hypothesis import given, settings, strategies as st

from briefing.ingest.decode import decode_bytes, decode_with_charset
from briefing.ingest.errors import IngestError

NEWS = (
    "Syria\u2019s envoy said the \u201ccessation of hostilities\u201d had largely held \u2014 "
    "though Daraya remained cut off. Caf\u00e9s reopened in the old town, na\u00efve as it seemed.\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + NEWS.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + NEWS.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + NEWS.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + NEWS.encode("utf-32-le"), "utf-32-le"),  # FF FE 00 00, not UTF-16
        (codecs.BOM_UTF32_BE + NEWS.encode("utf-32-be"), "utf-32-be"),
        (NEWS.encode("utf-8"), "utf-8"),
        (NEWS.encode("utf-16-le"), "utf-16-le"),  # no BOM: recognised by its NUL pattern
        (NEWS.encode("cp1252"), "cp1252"),  # charset-normalizer alone says cp1250
    ],
)
def test_order_gives_the_right_characters(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == NEWS
    assert decoded.encoding == encoding
    assert decoded.warning is None


def test_charset_normalizer_alone_gets_cp1252_wrong_and_we_do_not() -> None:
    """The reason for the order: detection misreads Western news text."""
    from charset_normalizer import from_bytes

    data = (NEWS * 5).encode("cp1252")
    assert from_bytes(data).best().encoding != "cp1252"
    assert decode_bytes(data).text == NEWS * 5


def test_slightly_broken_utf8_is_repaired_with_a_warning() -> None:
    good = (NEWS * 4).encode("utf-8")
    data = good[:100] + b"\xff" + good[100:200] + b"\xc3" + good[200:]
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.count("\ufffd") == 2
    assert decoded.warning == "2 invalid UTF-8 byte sequences replaced with \N{REPLACEMENT CHARACTER}"
    assert "Caf\u00e9s" in decoded.text  # not read as iso8859-2 mojibake


def test_truncated_utf8_at_the_end_is_repaired() -> None:
    data = NEWS.encode("utf-8") + "\u2014".encode()[:2]
    decoded = decode_bytes(data)
    assert decoded.text.startswith(NEWS) and decoded.warning


def test_nul_laced_ascii_is_not_read_as_utf16() -> None:
    text = "Fighting resumed near the border on Sunday, residents said. " * 5
    data = text.encode("ascii").replace(b" near", b"\x00 near")
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert "Fighting resumed" in decoded.text


def test_other_code_pages_go_to_detection() -> None:
    text = "\u041f\u0435\u0440\u0435\u043c\u0438\u0440\u0438\u0435 \u0441\u043e\u0431\u043b\u044e\u0434\u0430\u0435\u0442\u0441\u044f, \u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0438 \u0432 \u041c\u043e\u0441\u043a\u0432\u0435. " * 20
    decoded = decode_bytes(text.encode("koi8_r"))
    assert decoded.text == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        b"\x7fELF\x02\x01\x01" + bytes(600),
        bytes(1000),
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 3,
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(IngestError, match=r"^not a text file"):
        decode_bytes(data)


def test_random_bytes_are_refused() -> None:
    with pytest.raises(IngestError, match=r"^not a text file"):
        decode_bytes(os.urandom(4096))


def test_empty_is_refused() -> None:
    with pytest.raises(IngestError, match="empty file"):
        decode_bytes(b"")


def test_escape_sequences_do_not_make_a_file_binary() -> None:
    data = ("\x1b[31mred\x1b[0m text about the ceasefire. " * 20).encode()
    assert decode_bytes(data).encoding == "utf-8"


def test_server_charset_is_used_and_latin1_label_is_not_trusted() -> None:
    assert decode_with_charset(NEWS.encode("cp1251", errors="ignore"), "cp1251").encoding == "cp1251"
    assert decode_with_charset(NEWS.encode("utf-8"), "iso-8859-1").text == NEWS
    assert decode_with_charset(NEWS.encode("utf-8"), "no-such-codec").text == NEWS


@given(st.binary(max_size=2048))
@settings(max_examples=300, deadline=None)
def test_any_bytes_decode_or_raise_ingest_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except IngestError as exc:
        assert exc.reason
    else:
        assert isinstance(decoded.text, str)


@given(st.text(max_size=500).filter(lambda s: "\x00" not in s and s.strip()))
@settings(max_examples=300, deadline=None)
def test_utf8_text_round_trips(text: str) -> None:
    try:
        decoded = decode_bytes(text.encode("utf-8"))
    except IngestError:
        # only texts that are mostly control characters may be refused as binary
        controls = sum(1 for c in text if (ord(c) < 32 or c == "\x7f") and c not in "\t\n\r\x0c\x1b")
        assert controls > 0.1 * len(text.encode("utf-8"))
    else:
        assert decoded.text == text


WESTERN = st.lists(
    st.one_of(
        st.from_regex(r"[A-Za-z]{2,9}[.,]?", fullmatch=True),
        st.sampled_from(["caf\u00e9", "\u201cquoted\u201d", "na\u00efve", "\u2014", "\u20ac5", "Z\u00fcrich",
                         "Syria\u2019s", "fa\u00e7ade", "se\u00f1or", "\u2026", "\u00bd"]),
    ),
    min_size=5,
    max_size=80,
).map(" ".join)


@given(WESTERN)
@settings(max_examples=300, deadline=None)
def test_western_cp1252_text_is_never_mojibake(text: str) -> None:
    """The check charset-normalizer fails: cp1252 news text comes back exactly."""
    data = text.encode("cp1252")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert decode_bytes(data).text == text
    else:
        assert decode_bytes(data).text == data.decode("utf-8")  # pure ASCII
