"""Running the products: what is cached, what is computed, and where (this process or a pool).

    pipeline   analyze(articles, settings) -> Analysis: summaries, digest, quotes and status,
               looked up in the cache first, the misses computed in parallel when worth it
    pool       the one process pool, and the helper processes started so that a pool
               also works inside the TUI (whose stderr has no file descriptor)
    cache      AnalysisCache: results on disk as JSON, keyed by content, settings and code

The products themselves live in their own packages: summary, digest, quotes, status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.lazy import lazy_exports

if TYPE_CHECKING:
    from briefing.analysis.cache import AnalysisCache
    from briefing.analysis.pipeline import analyze

__all__ = ["AnalysisCache", "analyze"]
__getattr__, __dir__ = lazy_exports(__name__, {"AnalysisCache": "cache", "analyze": "pipeline"})
