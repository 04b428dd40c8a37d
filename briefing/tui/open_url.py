"""`o`: open the article's web address in the browser, and copy it (OSC 52) to paste elsewhere.

A console browser (lynx, w3m, www-browser when there is no display) would take over
the terminal the app is drawn on, so only a browser that runs beside it is started;
the address is copied either way, and an article read from a file says it has none.
"""

from __future__ import annotations

import webbrowser
from typing import Any

from textual.app import App

from briefing.models import Article
from briefing.tui.safe import clean, one_line


def open_article_url(app: App[Any], article: Article | None) -> None:
    if article is None:
        app.notify("No article is open.", severity="warning", markup=False, timeout=3)
        return
    if not article.url:
        where = f" (it was read from {one_line(article.path, 80)})" if article.path else ""
        app.notify(f"This article has no web address{where}.", severity="warning", markup=False, timeout=4)
        return
    url = clean(article.url)
    app.copy_to_clipboard(url)
    opened = _open_beside(url)
    said = "Opened in the browser and copied" if opened else "No browser to open it here; copied"
    app.notify(f"{said}: {one_line(url, 120)}", markup=False, timeout=5)


def _open_beside(url: str) -> bool:
    """Open in a browser that does not need this terminal; False when there is none."""
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    if type(browser) is webbrowser.GenericBrowser:  # a console browser: it would draw over the app
        return False
    try:
        return bool(browser.open(url, new=2))
    except OSError:
        return False
