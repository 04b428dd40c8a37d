"""http(s) URLs of articles and feeds, against a local http.server on 127.0.0.1 only."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.config import IngestSettings
from briefing.ingest import load_paths

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(50):
                    self.wfile.write(b"<p>drip</p>" * 10)
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        status, headers, body = self.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers and "X-No-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    html = (DATA / "page.html").read_bytes()
    rss = (DATA / "rss2.xml").read_bytes()
    _Handler.routes = {
        "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, html),
        "/feed": (200, {"Content-Type": "application/rss+xml"}, rss),
        "/feed-as-text": (200, {"Content-Type": "text/plain"}, rss),
        "/plain": (200, {"Content-Type": "text/plain; charset=utf-8"}, "Fighting eased on Sunday, residents said \u2014 for now.\n".encode()),
        "/cp1252": (200, {"Content-Type": "text/html"}, "<html><body><p>Caf\u00e9 \u201cowners\u201d reopened on Monday after the truce took hold.</p></body></html>".encode("cp1252")),
        "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(200)),
        "/huge-declared": (200, {"Content-Type": "text/html", "Content-Length": "999999999"}, b""),
        "/huge-undeclared": (200, {"Content-Type": "text/html", "X-No-Length": "1", "Connection": "close"}, b"<p>" + b"a" * 300_000),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/to-ftp": (302, {"Location": "ftp://127.0.0.1/secret"}, b""),
        "/to-article": (301, {"Location": "/article"}, b""),
        "/error": (500, {"Content-Type": "text/plain"}, b"boom"),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)


def test_article_url(server: str) -> None:
    result = load_paths([f"{server}/article"])
    assert result.warnings == []
    (article,) = result.articles
    assert article.title == "Ceasefire holds in northern province"
    assert article.url == f"{server}/article"
    assert article.path is None
    assert "HIDDEN TEXT" not in article.text and "cookies" not in article.text


def test_feed_url_by_content_type_and_by_sniffing(server: str) -> None:
    for route in ("/feed", "/feed-as-text"):
        result = load_paths([server + route])
        assert result.warnings == []
        assert [a.title for a in result.articles] == ["Talks resume in the capital", "Refugees return to northern villages"]
        assert result.articles[0].url == "https://herald.example.com/talks-resume"


def test_plain_text_and_undeclared_cp1252(server: str) -> None:
    result = load_paths([f"{server}/plain", f"{server}/cp1252"])
    assert result.warnings == []
    plain, page = result.articles
    assert plain.text == "Fighting eased on Sunday, residents said \u2014 for now."
    assert "Caf\u00e9 \u201cowners\u201d" in page.text


def test_redirect_is_followed(server: str) -> None:
    (article,) = load_paths([f"{server}/to-article"]).articles
    assert article.url == f"{server}/article"


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ("/missing", "HTTP error 404"),
        ("/error", "HTTP error 500"),
        ("/image", "unsupported content type 'image/png'"),
        ("/huge-declared", "response larger than 1,000 bytes (ingest.max_url_bytes)"),
        ("/huge-undeclared", "response larger than 1,000 bytes (ingest.max_url_bytes)"),
        ("/to-file", "is not allowed"),
        ("/to-ftp", "refused a redirect to a non-web address"),
    ],
)
def test_bad_urls_are_named_with_a_reason_and_the_rest_loads(server: str, route: str, reason: str) -> None:
    settings = IngestSettings(max_url_bytes=1_000 if "huge" in route else IngestSettings().max_url_bytes)
    result = load_paths([server + route, DATA / "plain.txt"], settings)
    assert len(result.articles) == 1
    (warning,) = result.warnings
    assert warning.location == server + route
    assert reason in warning.reason


def test_slow_server_hits_the_overall_timeout(server: str) -> None:
    started = time.monotonic()
    result = load_paths([f"{server}/slow"], IngestSettings(url_timeout=0.5))
    assert time.monotonic() - started < 3
    assert result.articles == []
    assert "timed out after 0.5 s" in result.warnings[0].reason


def test_unreachable_port_is_a_warning() -> None:
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = load_paths([f"http://127.0.0.1:{port}/x"], IngestSettings(url_timeout=2))
    assert result.articles == []
    assert result.warnings[0].reason.startswith("cannot fetch")
