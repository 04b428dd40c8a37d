"""What the views need from the last briefs of a story: what is new, and each count's history.

The app and the text report ask the same three questions of one set of loaded
articles: which articles are new since the last brief (the last brief had not
loaded them), which status figures moved, and what each count was in earlier
briefs ("up from 137 on 20 Nov", the points of a small chart). One read of the
store answers them all, as a plain value the views keep; nothing here is Textual.

Only a series' headline count (the largest, as `changes.headline_figures`) is
compared with earlier briefs: a second outlet's smaller count of the same series
is not "down from 163", it is another report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing.models import Article, Figure
from briefing.store.briefs import SavedBrief, brief_article_ids, last_brief, list_briefs, story_of
from briefing.store.changes import Baseline, content_of_saved, headline_figures, series_key
from briefing.store.daily import same_story
from briefing.store.db import Store, StoreError, default_store_path
from briefing.store.series import Point, SeriesKey, change_phrase, figure_series

BRIEFS_READ = 90  # about three months of mornings: enough for a chart, little to read


@dataclass(frozen=True)
class SinceLastBrief:
    """The last brief of the loaded articles' story (`baseline`, None when there is none) and the
    figure series over that story's saved briefs."""

    baseline: Baseline | None = None
    series: dict[SeriesKey, tuple[Point, ...]] = field(default_factory=dict)

    def new_articles(self, article_ids: Iterable[str]) -> frozenset[str]:
        """The articles the last brief had not loaded (none without a last brief: nothing to be new against)."""
        if self.baseline is None:
            return frozenset()
        return frozenset(a for a in article_ids if a not in self.baseline.previous.loaded)

    def history(self, figure: Figure) -> tuple[Point, ...]:
        """The earlier briefs' headline values of this figure's series, oldest first."""
        return self.series.get(series_key(figure), ())

    def change(self, figure: Figure, figures: Sequence[Figure]) -> str | None:
        """'up from 137 on 20 Nov' for the headline figure of its series among `figures`, else None."""
        points = self.history(figure)
        if not points or headline_figures(figures).get(series_key(figure)) is not figure:
            return None
        return change_phrase(figure.value, points[-1])

    def figure_is_new(self, figure: Figure, figures: Sequence[Figure]) -> bool:
        """A headline count that moved (or a series the last brief lacked), from an article it had not loaded."""
        b = self.baseline
        if b is None or b.already_loaded((figure.article,)):
            return False
        if headline_figures(figures).get(series_key(figure)) is not figure:
            return False
        before = b.figure_before(figure)
        return before is None or before.value != figure.value


def since_last_brief(
    articles: Sequence[Article], file: str | Path | None = None, store_path: Path | None = None
) -> SinceLastBrief:
    """Read the store once for `articles` (see the module doc); empty when there is nothing to read.

    `file` is where the brief being written will be saved: its own earlier saves are not "the
    last brief" (saving again revises it) and are no point of its history. A store that does
    not exist yet is not created: there is no earlier brief in it."""
    if not (store_path if store_path is not None else default_store_path()).exists():
        return SinceLastBrief()
    try:
        with Store.open(store_path) as store:
            story = story_of(store, [a.id for a in articles])
            last = last_brief(store, story, other_than=file)
            if last is None:
                return SinceLastBrief()
            previous = content_of_saved(last.data, brief_article_ids(store, last.id))
            if not same_story(story, previous, articles):
                return SinceLastBrief()
            baseline = Baseline(previous)
            briefs = [b for b in list_briefs(store, BRIEFS_READ) if b.story == story and not _same_file(b, file)]
    except StoreError:
        return SinceLastBrief()
    return SinceLastBrief(baseline, figure_series(briefs))


def _same_file(saved: SavedBrief, file: str | Path | None) -> bool:
    return file is not None and saved.file is not None and saved.file == str(Path(file).resolve())


__all__ = ["SinceLastBrief", "since_last_brief"]
