"""Stories: a mixed pile told apart into groups of articles about the same events.

    features   article_terms: the names and rare words an article repeats, weighted by rarity
    grouping   group_stories(articles, settings) -> Story tuples, largest first (average
               linkage over the articles' features, dates within a window)
    choice     pick_story: a story by its id or its number as listed (`--story`)

The digest, quotes and status are computed per story by `briefing.analysis`; this
package only decides which articles belong together. Importing it loads nothing heavy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.lazy import lazy_exports

if TYPE_CHECKING:
    from briefing.stories.choice import StoryNotFound, pick_story, story_label
    from briefing.stories.features import ArticleTerms, article_terms
    from briefing.stories.grouping import group_stories

__all__ = ["ArticleTerms", "StoryNotFound", "article_terms", "group_stories", "pick_story", "story_label"]
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "ArticleTerms": "features",
        "StoryNotFound": "choice",
        "article_terms": "features",
        "group_stories": "grouping",
        "pick_story": "choice",
        "story_label": "choice",
    },
)
