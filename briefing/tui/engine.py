"""The analysis engine, loaded once and by one thread before any worker thread uses it.

Why: the analysis imports NLTK, sumy, numpy and its lexicons lazily (half a
second or more), so the first screen does not wait for them. In the TUI two
worker threads need them: the summary of the highlighted article and the
set-level analysis (digest, quotes, status). When both started importing at
the same moment (a subset of an already analysed pile: the summaries come from
the cache, the set-level results do not), NLTK's circular package imports met
in Python's per-module import locks: "deadlock detected by _ModuleLock
('nltk.stem.porter')" in one thread, "partially initialized module 'nltk'" in
the other, and the analysis failed for good in that process.

So every worker first calls `ensure_loaded`: under one lock, the first caller
runs each product once on a few sentences written here, which performs every
import (also those inside functions) and loads the lexicons; the other worker
waits for it instead of importing alongside. Summaries are loaded first, so
the first article's summary is not delayed by the set-level products.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Literal

from briefing.config import ALGORITHMS, Settings
from briefing.models import Article

Part = Literal["summaries", "everything"]

# Made-up sentences with what each product looks for: a toll and who gave it, a quote and
# its speaker, a truce, talks and a place, so that their code paths (and imports) all run.
_SAMPLE = (
    "Shelling near the river town of Northgate killed at least 12 people on Tuesday, the regional "
    "health office said.",
    "\"The ceasefire must hold,\" said Mara Olsen, the interior minister, speaking in Riverton.",
    "Talks between the government and the rebels are due to resume in Geneva next week.",
    "About 3,000 residents have fled toward Riverton since the weekend, aid groups said.",
)

_lock = threading.Lock()
_loaded: set[Part] = set()


def ensure_loaded(settings: Settings, part: Part = "everything") -> None:
    """Import and warm up the analysis (`part` of it) in this thread, unless already done.

    Safe to call from any number of threads: one loads, the others wait. A failure
    leaves nothing marked as loaded, so a retry loads again.
    """
    if part in _loaded:
        return
    with _lock:
        if "summaries" not in _loaded:
            _load_summaries(settings)
            _loaded.add("summaries")
        if part == "everything" and "everything" not in _loaded:
            _load_set_products(settings)
            _loaded.add("everything")


def _sample_article() -> Article:
    from briefing.nlp.sentences import segment

    text = "\n".join(_SAMPLE)
    return Article(id="engine-sample", title="Engine sample", source=None, published=None, text=text,
                   paragraphs=_SAMPLE, sentences=segment(_SAMPLE), words=len(text.split()))


def _load_summaries(settings: Settings) -> None:
    """Every algorithm once: `c` may switch to any of them while the analysis thread runs."""
    from briefing.analysis.pipeline import summarize

    article = _sample_article()
    for algorithm in ALGORITHMS:
        summarize(article, replace(settings.summary, algorithm=algorithm, sentences=1, ratio=None, words=None))


def _load_set_products(settings: Settings) -> None:
    from briefing.analysis.pipeline import build_digest, build_status, extract_quotes

    articles = [_sample_article()]
    build_digest(articles, settings.digest)
    extract_quotes(articles, settings.quotes)
    build_status(articles, settings.conflict)
