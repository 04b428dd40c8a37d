"""One deadline for a whole fetch, and compressed responses decoded under the size cap (issue 18, point 3).

Each server is a plain TCP socket in a thread on 127.0.0.1 that writes the HTTP
response by hand, so it can misbehave the way real servers do: headers one byte
at a time, header lines without end, gzip sent whether asked for or not, a gzip
bomb. The timeout is short (0.6 s) so that the tests stay fast.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator

import pytest

from briefing.config import IngestSettings
from briefing.ingest import load_paths
from briefing.ingest.errors import IngestError
from briefing.ingest.url import fetch

TIMEOUT = 0.6
PAGE = (
    "<html><head><title>Harbour talks resume</title></head><body><article>"
    "<p>Negotiators met again on Thursday in the port city, officials said, and agreed to keep talking.</p>"
    "<p>The talks are expected to continue next week with a new agenda on prisoner exchanges.</p>"
    "</article></body></html>"
).encode()

Reply = Callable[[socket.socket], None]


def _ignore_disconnects(reply: Reply) -> Reply:
    def run(conn: socket.socket) -> None:
        try:
            conn.recv(65536)  # the request
            reply(conn)
        except OSError:  # the client gave up: that is what the tests want
            pass
        finally:
            conn.close()

    return run


@pytest.fixture
def serve() -> Iterator[Callable[[Reply], str]]:
    """serve(reply) -> a URL whose every request is answered by `reply(conn)` in its own thread."""
    listeners: list[socket.socket] = []

    def start(reply: Reply) -> str:
        listener = socket.create_server(("127.0.0.1", 0))
        listeners.append(listener)

        def accept() -> None:
            while True:
                try:
                    conn, _ = listener.accept()
                except OSError:
                    return
                threading.Thread(target=_ignore_disconnects(reply), args=(conn,), daemon=True).start()

        threading.Thread(target=accept, daemon=True).start()
        return f"http://127.0.0.1:{listener.getsockname()[1]}/page"

    yield start
    for listener in listeners:
        listener.close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)


def _head(*lines: str) -> bytes:
    return ("\r\n".join(["HTTP/1.1 200 OK", *lines, "Connection: close"]) + "\r\n\r\n").encode()


def _timed_fetch(url: str, max_bytes: int = 5_000_000) -> tuple[float, str]:
    started = time.monotonic()
    with pytest.raises(IngestError) as info:
        fetch(url, TIMEOUT, max_bytes)
    return time.monotonic() - started, str(info.value)


def test_headers_dripped_one_byte_at_a_time_hit_the_deadline(serve: Callable[[Reply], str]) -> None:
    def drip(conn: socket.socket) -> None:
        for byte in _head("Content-Type: text/html", "X-Padding: " + "p" * 400):
            conn.sendall(bytes([byte]))
            time.sleep(0.02)  # each byte well inside any per-read timeout; 440 bytes take ~9 s

    elapsed, message = _timed_fetch(serve(drip))
    assert elapsed < TIMEOUT + 0.5, elapsed
    assert message == f"timed out after {TIMEOUT:g} s (ingest.url_timeout) while waiting for the response headers"


def test_endless_header_lines_hit_the_deadline(serve: Callable[[Reply], str]) -> None:
    def endless(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            conn.sendall(b"X-More: yes\r\n")
            time.sleep(0.2)

    elapsed, message = _timed_fetch(serve(endless))
    assert elapsed < TIMEOUT + 0.5, elapsed
    assert "timed out after 0.6 s" in message and "headers" in message


def test_a_body_dripped_slowly_hits_the_same_deadline(serve: Callable[[Reply], str]) -> None:
    def slow_body(conn: socket.socket) -> None:
        conn.sendall(_head("Content-Type: text/html", "Content-Length: 5000"))
        for _ in range(5000):
            conn.sendall(b"a")
            time.sleep(0.01)

    elapsed, message = _timed_fetch(serve(slow_body))
    assert elapsed < TIMEOUT + 0.5, elapsed
    assert message.endswith("while reading the body")


def test_a_silent_server_is_reported_as_a_timeout_not_a_network_error(serve: Callable[[Reply], str]) -> None:
    def silent(conn: socket.socket) -> None:
        time.sleep(5)

    elapsed, message = _timed_fetch(serve(silent))
    assert elapsed < TIMEOUT + 0.5
    assert message.startswith("timed out after 0.6 s")


def test_a_tls_handshake_dripped_slowly_hits_the_deadline(serve: Callable[[Reply], str]) -> None:
    """The timer reaches the socket during the handshake too (before urllib has a response to read)."""
    def drip(conn: socket.socket) -> None:
        conn.sendall(b"\x16\x03\x03\x40\x00")  # a TLS handshake record of 16 KB, then its bytes slowly
        for _ in range(400):
            conn.sendall(b"\x02")
            time.sleep(0.05)

    elapsed, message = _timed_fetch(serve(drip).replace("http://", "https://"))
    assert elapsed < TIMEOUT + 0.5, elapsed
    assert message == f"timed out after {TIMEOUT:g} s (ingest.url_timeout) while in the TLS handshake"


def test_the_deadline_holds_across_the_whole_load(serve: Callable[[Reply], str]) -> None:
    """What the user sees: one warning that tells the truth about the time, and a prompt return."""
    def drip(conn: socket.socket) -> None:
        for byte in _head("Content-Type: text/html", "X-Padding: " + "p" * 400):
            conn.sendall(bytes([byte]))
            time.sleep(0.02)

    url = serve(drip)
    started = time.monotonic()
    result = load_paths([url], IngestSettings(url_timeout=TIMEOUT))
    assert time.monotonic() - started < TIMEOUT + 1.0
    assert result.articles == []
    assert [w.reason for w in result.warnings] == [
        "timed out after 0.6 s (ingest.url_timeout) while waiting for the response headers"
    ]


def _compressed(body: bytes, encoding: str, extra: str = "") -> Reply:
    def reply(conn: socket.socket) -> None:
        lines = ["Content-Type: text/html; charset=utf-8", f"Content-Encoding: {encoding}", f"Content-Length: {len(body)}"]
        conn.sendall(_head(*lines, *([extra] if extra else [])) + body)

    return reply


RAW_DEFLATE = zlib.compressobj(wbits=-zlib.MAX_WBITS)


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gzip", gzip.compress(PAGE)),
        ("x-gzip", gzip.compress(PAGE)),
        ("deflate", zlib.compress(PAGE)),  # the zlib format, as the standard says
        ("deflate", RAW_DEFLATE.compress(PAGE) + RAW_DEFLATE.flush()),  # raw deflate, as some servers send
        ("gzip", gzip.compress(PAGE[:100]) + gzip.compress(PAGE[100:])),  # two gzip members
    ],
    ids=["gzip", "x-gzip", "deflate-zlib", "deflate-raw", "gzip-two-members"],
)
def test_compressed_pages_are_decoded(serve: Callable[[Reply], str], encoding: str, body: bytes) -> None:
    fetched = fetch(serve(_compressed(body, encoding)), TIMEOUT, 5_000_000)
    assert fetched.data == PAGE
    result = load_paths([serve(_compressed(body, encoding))], IngestSettings(url_timeout=TIMEOUT))
    assert [a.title for a in result.articles] == ["Harbour talks resume"]
    assert "\ufffd" not in result.articles[0].text and "prisoner exchanges" in result.articles[0].text


def test_a_gzip_bomb_is_refused_by_its_decoded_size(serve: Callable[[Reply], str]) -> None:
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)  # ~50 KB on the wire
    assert len(bomb) < 100_000
    started = time.monotonic()
    with pytest.raises(IngestError) as info:
        fetch(serve(_compressed(bomb, "gzip")), TIMEOUT * 10, 1_000_000)
    assert time.monotonic() - started < 2
    assert str(info.value) == "response larger than 1,000,000 bytes once decompressed (ingest.max_url_bytes)"


@pytest.mark.parametrize(
    ("encoding", "body", "reason"),
    [
        ("br", b"\x1b\x03\x00", "the server sent br-compressed content, which briefing cannot decode"),
        ("gzip, gzip", gzip.compress(gzip.compress(PAGE)), "the server sent content compressed more than once (gzip, gzip)"),
        ("gzip", b"\x1f\x8b\x08\x00not really gzip at all", "the gzip-compressed content is corrupt"),
        ("gzip", gzip.compress(PAGE)[:-30], "the gzip-compressed content is cut off"),
    ],
    ids=["brotli", "twice", "corrupt", "cut-off"],
)
def test_undecodable_content_is_refused_clearly(
    serve: Callable[[Reply], str], encoding: str, body: bytes, reason: str
) -> None:
    result = load_paths([serve(_compressed(body, encoding))], IngestSettings(url_timeout=TIMEOUT))
    assert result.articles == []
    assert [w.reason for w in result.warnings] == [reason]
