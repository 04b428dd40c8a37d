"""Which sentences may vote on the state of the conflict now, and how much each vote weighs.

The ceasefire, the talks and the trend are what the text asserts about now:
- a cue in a condition, a question, a wish or a recommendation does not vote
  ("if the truce holds", "whether the UN would step in", "urged Moscow to
  broker talks", "should negotiate", "any violation could derail"), nor a look
  back ("after a month of heavy fighting");
- a sentence about an earlier day (dated more than `STALE_DAYS` before its
  article: "launched its ground offensive on July 17" in a report of 5 August),
  last week, or an earlier war does not vote either;
- the latest articles weigh more: a vote counts 0.5 for each day its article
  is older than the newest article of the set (undated articles count fully),
  so the last days' reports decide the state "now" and older ones break ties.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from briefing.models import Article
from briefing.status.dates import Reference, find_dates, past_periods

HALF_LIFE_DAYS = 1.0
STALE_DAYS = 3

_CLAUSE_BREAK_RE = re.compile(r"[,;:—–]|[.!?]\s|\b(?:but|while|although|though)\b")
_NOT_ASSERTED_RE = re.compile(
    r"\b(?:if|unless|whether|could|might|should|must|may|can|cannot|can't|hope[sd]?|hoping|wish|wants?|"
    r"wanted|urge[sd]?|urging|call(?:s|ed|ing)?\s+(?:for|on)|push(?:es|ed|ing)?\s+for|appeal(?:s|ed)?\s+for|"
    r"encourag\w*|demand(?:s|ed)?|propos\w*|offer(?:s|ed)?\s+to|seek(?:s|ing)?|sought|tr(?:y|ies|ied|ying)\s+to|"
    r"efforts?\s+to|aim(?:s|ed)?\s+at|need(?:s|ed)?\s+to|prepared\s+to|ready\s+to|willing|make\s+sure|ensure|"
    r"to\s+(?:find|broker|restart|revive|resume|reach|secure|arrange)|prevent\w*|avert\w*|avoid\w*|advocat\w*|"
    r"nobody|no\s+one|nothing|neither|risk(?:s|ed)?|fear(?:s|ed)?|warn(?:s|ed)?\s+(?:of|against|that))\b",
    re.I,
)
_FUTURE_RE = re.compile(
    r"\b(?:will|would|shall|going\s+to|due\s+to|set\s+to|expected\s+to|scheduled\s+to|planned\s+to|plans?\s+to|"
    r"to\s+be\s+held|next\s+(?:week|month)|tomorrow)\b|'ll\b|’ll\b",
    re.I,
)
_MODAL_AFTER_RE = re.compile(r"^(?:\s+[\w'’-]+){0,2}?\s+(?:would|could|might|may|can|will|threatens?|risks?)\b", re.I)
# "after a month of heavy fighting", "weeks of shelling": a look back, not the news of the day
_LOOK_BACK_RE = re.compile(
    r"\b(?:after|following|despite|ended|end\s+to|since)\s+(?:a|an|the|nearly|almost|more\s+than|over|some|\w+)?\s*"
    r"(?:\w+\s+)?(?:days?|weeks?|months?|years?|nights?)\s+of\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_EARLIER_YEARS_RE = re.compile(r"(?<!since )\b(?:last\s+year|years\s+ago)\b", re.I)
_EARLIER_WORDS_RE = re.compile(
    r"(?<!since )\b(?:last\s+(?:week|month|year)|(?:days|weeks|months|years)\s+ago|the\s+previous\s+(?:week|month))\b",
    re.I,
)


def modality(text: str, cue_start: int) -> str:
    """"fact", "future" ("talks will resume next week", "said talks would resume") or
    "hypothetical" (a condition, a wish, a recommendation, a question, a look back) for the cue at
    `cue_start`. The clause before the cue decides (at most ten words back), with the two words
    after it ("any violation could derail")."""
    window = text[max(0, cue_start - 90):cue_start]
    breaks = list(_CLAUSE_BREAK_RE.finditer(window))
    clause = " ".join((window[breaks[-1].end():] if breaks else window).split()[-10:])
    if _NOT_ASSERTED_RE.search(clause) or _LOOK_BACK_RE.search(window) or text.rstrip().endswith("?"):
        return "hypothetical"
    cue_end = re.match(r"[\w'’-]*", text[cue_start:])
    rest = text[cue_start + (cue_end.end() if cue_end else 0):cue_start + 60]
    after = _MODAL_AFTER_RE.match(rest)
    if after and not _FUTURE_RE.search(after.group(0)):
        return "hypothetical"  # "any violation could derail the talks"
    if _FUTURE_RE.search(clause) or after:
        return "future"
    return "fact"


def asserted(text: str, cue_start: int) -> bool:
    """Is the cue at `cue_start` stated as a fact of now (see `modality`)?"""
    return modality(text, cue_start) == "fact"


def about_earlier_days(text: str, ref: Reference, within_days: int = STALE_DAYS) -> bool:
    """Does the sentence speak of an earlier time, not of now? Only dates it names count: all of
    them more than `within_days` before the article's own date ("last week" and "days ago" when that
    is under a month, "last year" always), or an earlier war. The trend of now looks back three days;
    the state of talks holds longer ("talks were suspended last month" still says where they stand)."""
    earlier = _EARLIER_WORDS_RE if within_days < 28 else _EARLIER_YEARS_RE
    if earlier.search(text):
        return True
    today = ref.date if ref.anchored else None
    if today is not None:
        days = [w.date for w in find_dates(text, ref) if w.date is not None]
        if days and all((today - d).days > within_days for d in days):
            return True
    return any(not p.comparison for p in past_periods(text, ref.firm_year()))


def recency_weights(articles: Sequence[Article], reference: Callable[[Article], Reference]) -> dict[str, float]:
    """Each article's vote weight: 0.5 per day older than the newest dated article (1.0 undated)."""
    dates: dict[str, dt.date] = {}
    for article in articles:
        ref = reference(article)
        if ref.date is not None and ref.anchored:
            dates[article.id] = ref.date
    latest = max(dates.values(), default=None)
    weights: dict[str, float] = {}
    for article in articles:
        day = dates.get(article.id)
        age = (latest - day).days if latest is not None and day is not None else 0
        weights[article.id] = 0.5 ** (max(age, 0) / HALF_LIFE_DAYS)
    return weights


def newest_day(articles: Sequence[Article], reference: Callable[[Article], Reference]) -> dt.date | None:
    """The newest article date of the set, if any article is dated."""
    days = [r.date for a in articles if (r := reference(a)).date is not None and r.anchored]
    return max(days, default=None)
