"""Loading local files never opens a socket: no DNS, no fetch, nothing (issue 8, part 8)."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.ingest import load_paths

ROOT = Path(__file__).resolve().parent.parent.parent
ARTICLES = ROOT / "tests" / "data" / "articles"


class SocketOpened(AssertionError):
    pass


def _refuse(*args: object, **kwargs: object) -> None:
    raise SocketOpened(f"a socket was opened: {args!r}")


class _GuardSocket(socket.socket):
    """A class, not a function: libraries use `socket.socket` in type annotations."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        _refuse(*args)


# urllib3, imported by trafilatura, creates (never connects) an AF_INET6 socket at
# import time to probe for IPv6 support. That is import, not loading: import first.
PRELOAD = "import trafilatura, feedparser, charset_normalizer\n"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    exec(PRELOAD)  # noqa: S102 - a constant string
    monkeypatch.setattr(socket, "socket", _GuardSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, _refuse)


def test_every_local_kind_loads_without_a_socket(no_network: None, seed_paths: list[Path], tmp_path: Path) -> None:
    (tmp_path / "cp1252.txt").write_bytes("Caf\u00e9 \u201cquotes\u201d reopened on Monday.".encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes("\ufeffTalks resumed on Tuesday in the capital.".encode("utf-16-le"))
    (tmp_path / "links.html").write_text(
        '<html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css"><script src="http://127.0.0.1:9/x.js"></script>'
        '</head><body><article><p>The envoy arrived on Monday. <img src="http://127.0.0.1:9/a.png"></p>'
        '<iframe src="http://127.0.0.1:9/"></iframe></article></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "xxe.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "http://127.0.0.1:9/">]><rss version="2.0">'
        "<channel><item><title>&x;</title></item></channel></rss>",
        encoding="utf-8",
    )
    result = load_paths([*seed_paths, ARTICLES, tmp_path])
    assert len(result.articles) >= 12, result.warnings
    assert {w.location for w in result.warnings} == {str(tmp_path / "xxe.xml")}


def test_the_guard_works(no_network: None) -> None:
    """Without this, the test above could pass with a guard that catches nothing."""
    with pytest.raises(SocketOpened):
        socket.socket()
    result = load_paths(["http://127.0.0.1:9/article"])
    assert result.articles == []
    assert "a socket was opened" in result.warnings[0].reason


def test_import_and_load_in_a_fresh_process_without_sockets() -> None:
    """A fresh process: nothing loaded earlier by other tests can hide a socket."""
    code = (
        PRELOAD
        + "import socket\n"
        "def refuse(*a, **k):\n"
        "    raise SystemExit('socket opened: %r' % (a,))\n"
        "class Guard(socket.socket):\n"
        "    def __init__(self, *a, **k):\n"
        "        refuse(*a)\n"
        "socket.socket = Guard\n"
        "for name in ('create_connection', 'getaddrinfo', 'gethostbyname'):\n"
        "    setattr(socket, name, refuse)\n"
        "from briefing.ingest import load_paths\n"
        f"r = load_paths([{str(ROOT / 'seeds')!r}, {str(ARTICLES)!r}])\n"
        "assert len(r.articles) >= 10 and not r.warnings, r.warnings\n"
        "print('ok', len(r.articles))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("ok")
