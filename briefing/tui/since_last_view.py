"""What the app shows of the story's last brief: new articles and figures marked, counts' history.

Read once, when every input is loaded (the store holds the story's briefs; the
loaded articles say which story): the brief gets its "Since the last brief"
section (`Brief.since_last`), the article list marks the articles the last brief
had not loaded (N shows only those), the status panel says how each headline
count moved ("up from 137 on 20 Nov") and draws its history under the detail line.
"""

from __future__ import annotations

from briefing.brief.save import default_brief_path
from briefing.store.since_last import SinceLastBrief, since_last_brief
from briefing.tui.screens.main import MainScreen
from briefing.tui.session import Session
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.status_panel import StatusPanel


def show_since_last(screen: MainScreen, session: Session) -> SinceLastBrief:
    """Compare with the last brief of the loaded articles' story; the brief will be saved where the
    session last saved it, else at the default dated path (its own earlier saves are not "last")."""
    articles = list(session.articles.values())
    target = session.saved_path or default_brief_path(session.settings, session.brief.date)
    since = since_last_brief(articles, target)
    session.brief.since_last = since.baseline
    screen.query_one(StatusPanel).since = since
    screen.query_one(ArticleList).mark_new(since.new_articles(a.id for a in articles))
    return since
