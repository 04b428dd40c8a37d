"""A small invented news site on 127.0.0.1 for the daily-loop tests: one RSS feed and its article pages.

Every sentence here is written for the tests (an invented river valley and its
invented parties), never taken from real reporting. The feed carries only a
one-line teaser per entry; the full text is on each page, so a test can tell a
stored page from a stored teaser. `NewsSite.missing` makes pages answer 404, to
show what happens when a page cannot be had.
"""

from __future__ import annotations

import datetime as dt
import html
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

PLACES = ("Velmora", "Ostrik", "Dunhaven", "Karsel", "Miren", "Tolvar", "Brask", "Aldmoor", "Seyne", "Harrow")


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    teaser: str
    paragraphs: tuple[str, ...]
    published: dt.date

    @property
    def full_text(self) -> str:
        return "\n".join(self.paragraphs)


def make_story(n: int, day: dt.date = dt.date(2024, 5, 2)) -> Story:
    """The n-th invented report: distinct places and numbers, several paragraphs of plain prose."""
    place, other = PLACES[n % len(PLACES)], PLACES[(n + 3) % len(PLACES)]
    killed, displaced = 11 + 7 * n, 1200 + 350 * n
    paragraphs = (
        f"Shelling struck the river town of {place} on Tuesday, killing at least {killed} people, "
        f"according to the valley's health office.",
        f"More than {displaced:,} residents fled toward {other} overnight, aid workers said, many of them on foot "
        f"along the flooded southern road.",
        f"\u201cWe counted the damaged houses street by street and stopped at {40 + n},\u201d said Maren Tolk, "
        f"a coordinator for the Valley Relief Council.",
        f"The northern militia denied firing on {place} and accused the provincial guard of staging the attack "
        f"to derail the talks planned in {other} next week.",
        f"Envoys from both sides are expected to meet again on Friday, but neither has confirmed it will attend "
        f"report number {n} of the day.",
    )
    return Story(
        slug=f"report-{n}",
        title=f"Shelling hits {place} as talks in {other} falter ({n})",
        teaser=f"Shelling in {place}; residents flee toward {other}.",
        paragraphs=paragraphs,
        published=day,
    )


@dataclass
class NewsSite:
    """The served site: `stories` in the feed, pages at /news/<slug>.html."""

    base: str
    stories: list[Story]
    missing: set[str] = field(default_factory=set)  # slugs whose page answers 404
    requests: list[str] = field(default_factory=list)
    count_file: Path | None = None  # when set: the feed holds make_story(0..N-1), N read from it per request

    def refresh(self) -> None:
        if self.count_file is not None:
            count = int(self.count_file.read_text() or "0")
            if count != len(self.stories):
                self.stories[:] = [make_story(n) for n in range(count)]

    @property
    def feed_url(self) -> str:
        return f"{self.base}/feed.xml"

    def page_url(self, story: Story) -> str:
        return f"{self.base}/news/{story.slug}.html"

    def feed(self) -> bytes:
        items = "".join(
            f"<item><title>{html.escape(s.title)}</title><link>{self.page_url(s)}</link>"
            f"<description>{html.escape(s.teaser)}</description>"
            f"<pubDate>{s.published.strftime('%a, %d %b %Y')} 06:00:00 GMT</pubDate></item>"
            for s in self.stories
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Valley Wire</title><link>{self.base}/</link><description>Invented news</description>"
            f"{items}</channel></rss>"
        ).encode()

    def page(self, slug: str) -> bytes | None:
        story = next((s for s in self.stories if s.slug == slug), None)
        if story is None or slug in self.missing:
            return None
        body = "".join(f"<p>{html.escape(p)}</p>" for p in story.paragraphs)
        return (
            "<!doctype html><html><head>"
            f"<title>{html.escape(story.title)} | Valley Wire</title>"
            '<meta property="og:site_name" content="Valley Wire">'
            f'<meta property="article:published_time" content="{story.published.isoformat()}T06:00:00Z">'
            "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{html.escape(story.title)}</h1>{body}</article>"
            "<footer>Copyright Valley Wire. All rights reserved.</footer></body></html>"
        ).encode()


@contextmanager
def serve(stories: list[Story]) -> Iterator[NewsSite]:
    """Serve `stories` until the block ends (the server is then stopped: offline from there on)."""
    site = NewsSite("", stories)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            site.requests.append(self.path)
            site.refresh()
            if self.path == "/feed.xml":
                self._send(200, "application/rss+xml", site.feed())
            elif self.path.startswith("/news/") and self.path.endswith(".html"):
                page = site.page(self.path[len("/news/") : -len(".html")])
                self._send(200, "text/html; charset=utf-8", page) if page else self._send(404, "text/plain", b"gone")
            else:
                self._send(404, "text/plain", b"not here")

        def _send(self, code: int, kind: str, body: bytes) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a client killed mid-download (the SIGKILL test) is no news

    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()


def main() -> None:
    """Serve a growing site from another process: `python news_site.py COUNT_FILE` prints the
    base address, then serves make_story(0..N-1) (N read from COUNT_FILE) until stdin closes."""
    with serve([]) as site:
        site.count_file = Path(sys.argv[1])
        print(site.base, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
