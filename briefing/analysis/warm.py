"""Load the analysis's tables in this process before a process pool forks its workers.

The analysis reads large tables on first use: wordfreq's English frequencies (story
features, names), the gazetteer and name lexicons (the conflict status), the quote
lexicons. A worker that loads them itself holds a private copy: about 130 MB a
worker, so two workers and the parent held three. Loaded here first, the forked
workers share the parent's pages (a page counts once however many processes map
it, as long as none writes to it; `pool._start_worker` keeps the garbage
collector from writing to them).

The tables are reached by running every part of the analysis once on a short
report written here, so that whatever a part loads lazily, now or after a change,
is loaded; its results are thrown away.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import lru_cache

from briefing.config import Settings
from briefing.models import Article

log = logging.getLogger(__name__)

# Written for this purpose: names, places, a quotation, figures and an event, so that
# every lexicon the parts consult is read.
_REPORT = (
    "Government forces shelled the northern town of Aleppo on Monday, killing 12 civilians, "
    "the Syrian Observatory for Human Rights said.",
    "\u201cWe will not stop until the siege ends,\u201d said Ahmed Karimi, a commander of the rebel brigade.",
    "The United Nations envoy, Staffan de Mistura, called for a 48-hour ceasefire to let aid convoys reach "
    "the wounded.",
    "Russia and Turkey agreed in Geneva to resume talks next week, the foreign ministry in Moscow said in a statement.",
)


@lru_cache(maxsize=1)
def sample_article() -> Article:
    """The short report above, built as any loaded file is."""
    from briefing.config import IngestSettings
    from briefing.ingest.article import Draft, build_article

    draft = Draft(list(_REPORT), title="Shelling kills 12 in Aleppo", source="Warm-up", published=dt.date(2020, 1, 6))
    return build_article(draft, IngestSettings())


def warm_up(settings: Settings) -> None:
    """Run every part of the analysis once on the sample report (results discarded)."""
    from briefing.analysis import pipeline

    article = sample_article()
    pipeline.story_terms([article])
    pipeline.summarize(article, settings.summary)
    pipeline.build_digest([article], settings.digest)
    pipeline.extract_quotes([article], settings.quotes)
    pipeline.build_status([article], settings.conflict, settings.quotes.cue_verbs)


def warm_up_meanwhile(settings: Settings) -> None:
    """`warm_up` while something else is busy (the CLI's files being built on every core): the
    tables are then loaded when the pool that shares them forks, and `warm_up` there takes
    milliseconds (1.3 s once, serially, when the load had finished). Whatever goes wrong here
    goes wrong again, and is reported, where the analysis runs (a missing profile, say):
    this early run only saves time, so it says nothing."""
    try:
        warm_up(settings)
    except Exception as exc:  # noqa: BLE001 - reported by the analysis itself, see above
        log.debug("early warm-up skipped: %s", exc)
