"""The automatic brief (`briefing build`, and the TUI's starting point).

What a careful analyst would put on one page: the one or two strongest digest
sentences as the bottom line, the rest of the digest as developments, the best
attributed quotes, the status table, the sources. Each item gets a rank; when
the page is too long the lowest-ranked items go, whole, until it fits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.quotes.ranking import key_quotes
from briefing.brief import items as mk
from briefing.brief.budget import word_count
from briefing.brief.model import Brief, DuplicateItemError, ItemOrigin
from briefing.config import Settings
from briefing.models import Analysis, DigestSentence, Figure, Quote, SentenceRef

if TYPE_CHECKING:
    from briefing.store.changes import Baseline

# Ranks: what survives the budget first. Bottom line, then the status table, then
# developments and quotes interleaved by their own order, then secondary figures.
RANK_BOTTOM = 1000.0
RANK_STATUS = 500.0
RANK_DISAGREEMENT = 450.0
RANK_BODY = 100.0
RANK_FIGURE = 40.0
MAX_FIGURES = 6
FIGURE_ORDER = {"killed": 0, "injured": 1, "displaced": 2, "refugees": 3, "troops": 4}
_QUOTE_MARKS = "\"“”„«»‘’'‹›「『"


def _fallback_digest(analysis: Analysis) -> tuple[DigestSentence, ...]:
    """Each article's summary sentences, taken in turn, when there is no cross-article digest."""
    per_article = []
    for a in analysis.articles:
        summary = analysis.summaries.get(a.id)
        idx = [i for i in (summary.indexes if summary else ()) if 0 <= i < len(a.sentences)]
        per_article.append([DigestSentence(a.sentences[i].text, (a.id,), SentenceRef(a.id, i, a.sentences[i].text))
                            for i in idx])
    out: list[DigestSentence] = []
    for k in range(max((len(p) for p in per_article), default=0)):
        out.extend(p[k] for p in per_article if k < len(p))
    return tuple(out)


def _split_digest(
    digest: Sequence[DigestSentence], n_bottom: int, quotes: Sequence[Quote]
) -> tuple[list[int], list[int]]:
    """Indexes for the bottom line and the rest, each in digest order.

    The bottom line takes the highest-scored sentences that state something in
    the reporter's voice: a sentence that opens with a quotation, or repeats a
    key quote, is speech, and the quotes section shows it with its speaker.
    """
    by_score = sorted(range(len(digest)), key=lambda i: (-digest[i].score, i))
    plain = [i for i in by_score if not _is_speech(digest[i].text, quotes)]
    bottom = sorted((plain or by_score)[:n_bottom])
    return bottom, [i for i in range(len(digest)) if i not in bottom]


def _is_speech(text: str, quotes: Sequence[Quote]) -> bool:
    return text.lstrip()[:1] in _QUOTE_MARKS or _repeats_quote(text, quotes)


def _pick_quotes(analysis: Analysis, settings: Settings) -> list[Quote]:
    """Key quotes, attributed ones first (an unattributed quote carries little weight)."""
    ranked = list(key_quotes(analysis.quotes, settings.quotes))
    ranked.sort(key=lambda q: q.speaker is None)  # stable: keeps the quote ranking within each group
    return ranked[: settings.brief.quotes]


def _merge_figures(figures: Sequence[Figure]) -> list[tuple[Figure, tuple[str, ...]]]:
    """The same number reported by several articles is one row citing all of them."""
    merged: dict[tuple[str, int, str, bool], tuple[Figure, list[str]]] = {}
    for f in figures:
        key = (f.kind, f.value, f.qualifier, f.disagreement)
        if key in merged:
            merged[key][1].append(f.article)
        else:
            merged[key] = (f, [f.article])
    return [(f, tuple(dict.fromkeys(ids))) for f, ids in merged.values()]


def _add(brief: Brief, text: str, origin: ItemOrigin, section: str, rank: float) -> None:
    """Add unless the brief already says it (a figure both flagged and not, a repeated digest line)."""
    try:
        brief.add(text, origin, section, rank=rank)
    except DuplicateItemError:
        pass


def _add_status(brief: Brief, analysis: Analysis) -> None:
    if "status" not in brief.section_ids:
        return
    for k, (text, origin) in enumerate(mk.status_rows(analysis.status)):
        _add(brief, text, origin, "status", RANK_STATUS - k)
    figures = _merge_figures(analysis.status.figures)
    # Disagreements first (they are the news), then the human toll before other counts.
    figures.sort(key=lambda fa: (not fa[0].disagreement, FIGURE_ORDER.get(fa[0].kind, len(FIGURE_ORDER))))
    for k, (fig, ids) in enumerate(figures[:MAX_FIGURES]):
        text, origin = mk.from_figure(fig)
        origin = replace(origin, article_ids=ids)
        _add(brief, text, origin, "status", (RANK_DISAGREEMENT if fig.disagreement else RANK_FIGURE) - k)


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _repeats_quote(text: str, quotes: Sequence[Quote]) -> bool:
    """A digest sentence that is mostly a key quote: the quote, with its speaker, already says it."""
    body = _letters(text)
    return any(key in body and len(body) - len(key) <= max(60, len(key)) for q in quotes if (key := _letters(q.text)))


def _populate(brief: Brief, analysis: Analysis, settings: Settings) -> None:
    digest = analysis.digest or _fallback_digest(analysis)
    has = set(brief.section_ids)
    n_bottom = max(1, min(3, settings.brief.bottom_line_sentences)) if "bottom_line" in has else 0
    quotes = _pick_quotes(analysis, settings) if "quotes" in has else []
    bottom, rest = _split_digest(digest, n_bottom, quotes)
    for k, i in enumerate(bottom):
        _add(brief, *mk.from_digest(digest[i]), "bottom_line", RANK_BOTTOM - k)
    if "developments" in has:
        rest = [i for i in rest if not _repeats_quote(digest[i].text, quotes)]
        for k, i in enumerate(rest[: settings.brief.developments]):
            _add(brief, *mk.from_digest(digest[i]), "developments", RANK_BODY - k)
    for k, q in enumerate(quotes):
        _add(brief, *mk.from_quote(q), "quotes", RANK_BODY - k - 0.5)
    _add_status(brief, analysis)


def fit_to_budget(brief: Brief, analysis: Analysis) -> list[str]:
    """Drop the lowest-ranked whole items until the brief fits; returns the dropped texts.

    The last bottom-line item is never dropped: a brief with no bottom line is
    not a brief, and one over-long sentence is better than an empty page.
    """
    dropped = []
    while word_count(brief, analysis) > brief.max_words:
        last_bottom = len(brief.items_in("bottom_line")) == 1
        candidates = [i for i in brief.items if not (last_bottom and i.section == "bottom_line")]
        if not candidates:
            break
        victim = min(reversed(candidates), key=lambda i: i.rank)  # on ties, the later item goes first
        brief.remove(victim.id)
        dropped.append(victim.text)
    return dropped


def auto_brief(
    analysis: Analysis, settings: Settings, date: dt.date | None = None, since_last: Baseline | None = None
) -> Brief:
    """An automatic one-page brief of `analysis`, within `brief.max_words`; `since_last` (the last
    saved brief of its story) gives it a "Since the last brief" section, counted in the page."""
    brief = Brief.new(settings, date)
    brief.since_last = since_last
    _populate(brief, analysis, settings)
    fit_to_budget(brief, analysis)
    brief.remember_sources(analysis.articles)
    brief.forget_history()  # the user's first undo should not take apart the automatic brief
    return brief
