"""Fetching an article or feed over http(s), with one deadline and a size cap.

Only http and https, also after redirects (urllib would follow a redirect to
ftp:). The response is read in chunks so a server that lies about, or omits,
Content-Length still cannot push more than `max_url_bytes` into memory.

`url_timeout` is one deadline for the whole exchange (connecting, the headers,
every redirect, the body), enforced by the clock: a socket timeout only bounds
each read, so a server sending its headers a byte a second, or header lines
without end, kept a fetch busy for minutes. When the deadline passes, the
connection is shut from a timer thread (through a duplicate of its descriptor,
which reaches the socket even during a TLS handshake or after urllib handed it
to the response), and the message says how long and in which phase. Name
resolution is the one step it cannot interrupt.

A gzip or deflate body (servers send one even unasked) is decoded as it
arrives, with the size cap applied to the decoded bytes, so a small bomb that
inflates to gigabytes is refused; other encodings are refused by name.
"""

from __future__ import annotations

import functools
import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from typing import Any

from briefing.ingest.errors import IngestError

_CHUNK = 64 * 1024
_USER_AGENT = "briefing/0.1 (+https://example.invalid/briefing; news brief builder)"


@dataclass(frozen=True, slots=True)
class Fetched:
    data: bytes
    url: str  # after redirects
    content_type: str  # lower-case media type, no parameters
    charset: str | None


class _Deadline:
    """One clock for a fetch: when it runs out, every connection the fetch opened is shut."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self.phase = "connecting"
        self._phase_at_expiry: str | None = None  # a shut socket can look like a short, complete reply
        self._held: list[socket.socket] = []  # duplicates of the fetch's sockets, owned by us
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._held:
                sock.close()
            self._held.clear()

    def remaining(self) -> float:
        return max(0.01, self.end - time.monotonic())

    def passed(self) -> bool:
        return self.expired or time.monotonic() >= self.end

    def hold(self, sock: socket.socket) -> None:
        """Keep a duplicate of `sock` so the timer can shut the connection whoever holds it by then."""
        with self._lock:
            self._held.append(sock.dup())
            if self.expired:
                _shut(self._held[-1])

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            self._phase_at_expiry = self.phase
            for sock in self._held:
                _shut(sock)

    def error(self) -> IngestError:
        return IngestError(f"timed out after {self.seconds:g} s (ingest.url_timeout) while {self._phase_at_expiry or self.phase}")


def _shut(sock: socket.socket) -> None:
    """Shut both directions: a read blocked in another thread returns at once."""
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _DeadlineHTTPConnection(http.client.HTTPConnection):
    _CONNECTED = "waiting for the response headers"  # the phase once the TCP connection is made

    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline
        self._create_connection = self._connect_within

    def _connect_within(
        self, address: tuple[str, int], timeout: float | None = None, source_address: tuple[str, int] | None = None
    ) -> socket.socket:
        """Connect with what is left of the deadline as the timeout, and put the socket under the timer."""
        self._deadline.phase = "connecting"
        sock = socket.create_connection(address, self._deadline.remaining(), source_address)
        self._deadline.hold(sock)
        self._deadline.phase = self._CONNECTED
        return sock


class _DeadlineHTTPSConnection(_DeadlineHTTPConnection, http.client.HTTPSConnection):
    _CONNECTED = "in the TLS handshake"

    def connect(self) -> None:
        super().connect()
        self._deadline.phase = "waiting for the response headers"


class _DeadlineHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_DeadlineHTTPConnection, deadline=self._deadline), req)


class _DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_DeadlineHTTPSConnection, deadline=self._deadline)
        return self.do_open(connection, req, context=getattr(self, "_context", None))


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise IngestError(f"refused a redirect to a non-web address ({newurl[:100]})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    """No file:, ftp: or data: handlers at all: a URL argument can only reach the web."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        _DeadlineHTTPHandler(deadline),
        _DeadlineHTTPSHandler(deadline),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        _HttpOnlyRedirects(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(url: str, timeout: float, max_bytes: int) -> Fetched:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise IngestError("not an http(s) URL")
    headers = {"User-Agent": _USER_AGENT, "Accept": "*/*", "Accept-Encoding": "gzip, deflate"}
    request = urllib.request.Request(url, headers=headers)
    with _Deadline(timeout) as deadline:
        try:
            fetched = _exchange(request, deadline, max_bytes)
        except IngestError:
            raise
        except urllib.error.HTTPError as exc:
            raise deadline.error() if deadline.passed() else IngestError(f"HTTP error {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            raise deadline.error() if deadline.passed() else IngestError(f"cannot fetch: {_reason(exc.reason)}") from None
        except (http.client.HTTPException, OSError, ValueError) as exc:  # TimeoutError is an OSError
            raise deadline.error() if deadline.passed() else IngestError(f"cannot fetch: {_reason(exc)}") from None
        if deadline.expired:  # the timer shut the socket: what was read is not the whole page
            raise deadline.error()
    return fetched


def _exchange(request: urllib.request.Request, deadline: _Deadline, max_bytes: int) -> Fetched:
    with _opener(deadline).open(request, timeout=deadline.remaining()) as response:
        deadline.phase = "reading the body"
        _check_length(response.headers.get("Content-Length"), max_bytes)
        decoder = _decoder(response.headers.get_all("Content-Encoding") or [], max_bytes)
        data = _read_capped(response, max_bytes, deadline, decoder)
        media = response.headers.get_content_type().lower()
        charset = response.headers.get_content_charset()
        final = response.geturl()
    return Fetched(data, final, media, charset)


def _check_length(header: str | None, max_bytes: int) -> None:
    if header and header.strip().isdigit() and int(header) > max_bytes:
        raise IngestError(_too_large(max_bytes))


def _read_capped(response: http.client.HTTPResponse, max_bytes: int, deadline: _Deadline, decoder: _Decoder) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        if deadline.passed():
            raise deadline.error()
        chunk = response.read1(_CHUNK)  # whatever has arrived: read() would wait for a full chunk
        if not chunk:
            if deadline.passed():  # the timer shut the connection: an end, but not the page's end
                raise deadline.error()
            chunks.append(decoder.finish())
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise IngestError(_too_large(max_bytes))
        chunks.append(decoder.feed(chunk))


class _Decoder:
    """Content-Encoding identity: the bytes as they came."""

    def feed(self, data: bytes) -> bytes:
        return data

    def finish(self) -> bytes:
        return b""


class _Inflater(_Decoder):
    """gzip or deflate, decoded as it arrives; more than `limit` decoded bytes is refused.

    zlib is asked for at most one byte past what is left of the cap, so a bomb
    never gets further into memory than the cap itself.
    """

    def __init__(self, coding: str, limit: int) -> None:
        self._coding = coding
        self._limit = limit
        self._size = 0
        self._zlib: Any = None  # zlib's decompressor type is not public; made at the first bytes

    def _start(self, head: bytes) -> None:
        if self._coding == "gzip":
            wbits = 16 + zlib.MAX_WBITS
        else:  # "deflate" is the zlib format, but some servers send raw deflate: the header tells them apart
            zlib_header = len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
            wbits = zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS
        self._zlib = zlib.decompressobj(wbits)

    def feed(self, data: bytes) -> bytes:
        out: list[bytes] = []
        while data:
            if self._zlib is None:
                self._start(data)
            elif self._zlib.eof:  # a second gzip member; anything else after the end is padding
                if self._coding != "gzip" or not data.startswith(b"\x1f\x8b"):
                    break
                self._start(data)
            out.append(self._inflate(data))
            data = self._zlib.unused_data
        return b"".join(out)

    def _inflate(self, data: bytes) -> bytes:
        try:
            piece: bytes = self._zlib.decompress(data, self._limit - self._size + 1)
        except zlib.error:
            raise IngestError(f"the {self._coding}-compressed content is corrupt") from None
        self._size += len(piece)
        if self._size > self._limit:
            raise IngestError(f"response larger than {self._limit:,} bytes once decompressed (ingest.max_url_bytes)")
        return piece

    def finish(self) -> bytes:
        if self._zlib is None:
            return b""  # an empty body
        if not self._zlib.eof:
            raise IngestError(f"the {self._coding}-compressed content is cut off")
        return b""


def _decoder(headers: list[str], max_bytes: int) -> _Decoder:
    codings = [c.strip().lower() for header in headers for c in header.split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    if not codings:
        return _Decoder()
    if len(codings) > 1:
        raise IngestError(f"the server sent content compressed more than once ({', '.join(codings)[:80]})")
    coding = {"x-gzip": "gzip"}.get(codings[0], codings[0])
    if coding not in ("gzip", "deflate"):
        name = "".join(ch for ch in coding[:40] if ch.isalnum() or ch in "-_.")
        raise IngestError(f"the server sent {name}-compressed content, which briefing cannot decode")
    return _Inflater(coding, max_bytes)


def _too_large(max_bytes: int) -> str:
    return f"response larger than {max_bytes:,} bytes (ingest.max_url_bytes)"


def _reason(reason: object) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "timed out"
    text = getattr(reason, "strerror", None) or str(reason)
    return " ".join(str(text).split())[:200] or "unknown network error"
