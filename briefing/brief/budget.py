"""The one-page budget: the words the saved brief prints, Sources and citation numbers included.

The meter, the copy message and the page limit all count the same thing, the
number a reader (and the evaluation's `printed_words`) gets from the saved
file: the front matter is not printed, a link prints as its text only (its
target is not counted), Markdown syntax (`#`, `>`, `*`, `_`, backticks, `|`,
`-`, brackets) is not words; everything else split on whitespace is, so a
citation "[1]" counts as the "1" a reader sees, and "250,000" or "U.N." once.
(Before, the meter counted only the body's words without citation numbers and
said 598/600 for a brief whose Markdown had 742 words.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt

from briefing.brief.model import Brief
from briefing.brief.render import Rendered, render
from briefing.models import Analysis

MAX_BOTTOM_LINE = 3
_FRONT_MATTER = re.compile(r"^---\n.*?\n---\n", re.S)
_URL = re.compile(r"<https?://[^>]+>|https?://\S+")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_SYNTAX = re.compile(r"[#>*_`|\-\[\]]+")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def plain_text(markdown: str) -> str:
    """What a reader sees: the text of every inline run, one block per line."""
    lines = []
    for tok in _parser().parse(markdown):
        if tok.type == "inline" and tok.children is not None:
            parts = []
            for child in tok.children:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
            lines.append("".join(parts))
    return "\n".join(lines)


def count_words(markdown: str) -> int:
    """Printed words of a Markdown text (a whole file, or one item's fragment)."""
    text = _FRONT_MATTER.sub("", markdown)
    text = _LINK_TARGET.sub("]", text)  # before bare URLs, so "(https://...)" leaves no "(" behind
    text = _URL.sub(" ", text)
    return len(_SYNTAX.sub(" ", text).split())


@dataclass(frozen=True)
class BudgetReport:
    words: int
    limit: int
    over_items: tuple[str, ...]  # ids of the items that fall past the end of the page, in reading order
    advice: tuple[str, ...] = ()  # shape problems a reader would notice (a bottom line of five sentences)

    @property
    def over(self) -> int:
        """How many words too many (0 when the brief fits)."""
        return max(0, self.words - self.limit)

    @property
    def fits(self) -> bool:
        return self.words <= self.limit

    def describe(self) -> str:
        text = f"{self.words}/{self.limit} words"
        if not self.fits:
            text += f": {self.over} over, {len(self.over_items)} item(s) past one page"
        return "; ".join((text, *self.advice))


def word_count(brief: Brief, analysis: Analysis | None, rendered: Rendered | None = None) -> int:
    """Words the saved file prints (front matter and Markdown syntax excluded)."""
    return count_words((rendered or render(brief, analysis)).text)


def over_budget(brief: Brief, analysis: Analysis | None, max_words: int | None = None) -> BudgetReport:
    """Count the brief and name the items that do not fit on the page.

    Headings, the table header and the sources list are reserved first (they
    are on the page whatever is cut); items then fill the page in reading
    order and the ones that cross the limit are reported.
    """
    limit = brief.max_words if max_words is None else max_words
    rendered = render(brief, analysis)
    total = count_words(rendered.text)
    advice = _advice(brief)
    if total <= limit:
        return BudgetReport(total, limit, (), advice)
    sizes = {item_id: count_words(frag) for item_id, frag in rendered.fragments.items()}
    used = total - sum(sizes.values())
    over = []
    for s in brief.sections:
        for it in brief.items_in(s.id):
            used += sizes.get(it.id, 0)
            if used > limit:
                over.append(it.id)
    return BudgetReport(total, limit, tuple(over), advice)


def _advice(brief: Brief) -> tuple[str, ...]:
    n = len(brief.items_in("bottom_line"))
    if n > MAX_BOTTOM_LINE:
        return (f"the bottom line has {n} items; {MAX_BOTTOM_LINE} sentences at most read best",)
    return ()
