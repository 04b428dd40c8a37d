"""Fetching an article or feed over http(s), with a time limit and a size cap.

Only http and https, also after redirects (urllib would follow a redirect to
ftp:). The response is read in chunks so a server that lies about, or omits,
Content-Length still cannot push more than `max_url_bytes` into memory, and a
slow-drip server is cut off at the overall deadline, not only per read.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from briefing.ingest.errors import IngestError

_CHUNK = 64 * 1024
_USER_AGENT = "briefing/0.1 (+https://example.invalid/briefing; news brief builder)"


@dataclass(frozen=True, slots=True)
class Fetched:
    data: bytes
    url: str  # after redirects
    content_type: str  # lower-case media type, no parameters
    charset: str | None


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise IngestError(f"refused a redirect to a non-web address ({newurl[:100]})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    """No file:, ftp: or data: handlers at all: a URL argument can only reach the web."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
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
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            _check_length(response.headers.get("Content-Length"), max_bytes)
            data = _read_capped(response, max_bytes, deadline, timeout)
            media = response.headers.get_content_type().lower()
            charset = response.headers.get_content_charset()
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        raise IngestError(f"HTTP error {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise IngestError(f"cannot fetch: {_reason(exc.reason)}") from None
    except (TimeoutError, socket.timeout):
        raise IngestError(f"timed out after {timeout:g} s (ingest.url_timeout)") from None
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise IngestError(f"cannot fetch: {_reason(exc)}") from None
    return Fetched(data, final, media, charset)


def _check_length(header: str | None, max_bytes: int) -> None:
    if header and header.strip().isdigit() and int(header) > max_bytes:
        raise IngestError(_too_large(max_bytes))


def _read_capped(response: http.client.HTTPResponse, max_bytes: int, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise IngestError(f"timed out after {timeout:g} s (ingest.url_timeout)")
        chunk = response.read1(_CHUNK)  # whatever has arrived: read() would wait for a full chunk
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise IngestError(_too_large(max_bytes))
        chunks.append(chunk)


def _too_large(max_bytes: int) -> str:
    return f"response larger than {max_bytes:,} bytes (ingest.max_url_bytes)"


def _reason(reason: object) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "timed out"
    text = getattr(reason, "strerror", None) or str(reason)
    return " ".join(str(text).split())[:200] or "unknown network error"
