"""The reader (centre): tabs Article, Summary, Quotes (this article) and Digest (all articles).

Sentences are options of an `OptionList`, so the cursor, scrolling, mouse and
virtualised rendering come for free, and the focused sentence is what `a` adds.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option, OptionDoesNotExist

from briefing.models import Article, DigestSentence, Quote, Summary
from briefing.summary.length import describe_length
from briefing.tui.safe import one_line, plain
from briefing.tui.widgets.vim_keys import LIST_BINDINGS

SUMMARY_MARK = "▌"
SUMMARY_STYLE = "bold $text-warning"


def sentence_prompt(text: str, in_summary: bool) -> Content:
    """A sentence; the summary's sentences carry a bar and a highlight (not colour alone)."""
    if in_summary:
        return Content.assemble((SUMMARY_MARK, "$warning"), plain(text, SUMMARY_STYLE))
    return Content.assemble(" ", plain(text))


def quote_prompt(quote: Quote, titles: dict[str, str]) -> Content:
    """The quotation, who said it (with role), and every article it occurs in."""
    who = one_line(quote.speaker or "unattributed")
    if quote.role:
        who += f", {one_line(quote.role)}"
    sources = "; ".join(one_line(titles.get(a, a), 48) for a in quote.articles)
    kind = " (partial)" if quote.partial else ""
    return Content.assemble(
        (f"“{one_line(quote.text)}”", "italic"),
        "\n  — ",
        (who, "bold"),
        (kind, "$text-muted"),
        "\n  in: ",
        (sources, "$text-muted"),
    )


class SentenceList(OptionList):
    """A list of sentences with a cursor; option ids are sentence indexes."""

    BINDINGS = LIST_BINDINGS

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.article: Article | None = None

    @property
    def sentence_index(self) -> int | None:
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id is not None else None


class ArticleText(SentenceList):
    """The whole article, one sentence per option, a rule between paragraphs."""

    _marked: frozenset[int] = frozenset()

    def show(self, article: Article | None, summary: Sequence[int] = (), keep_cursor: bool = False) -> None:
        chosen = frozenset(summary)
        if keep_cursor and article is not None and article is self.article:
            self._remark(article, chosen)
            return
        self.article = article
        self._marked = chosen
        options: list[Option | None] = []
        sentences = article.sentences if article else ()
        for i, s in enumerate(sentences):
            options.append(Option(sentence_prompt(s.text, s.index in chosen), id=str(s.index)))
            nxt = sentences[i + 1] if i + 1 < len(sentences) else None
            if nxt is not None and nxt.paragraph != s.paragraph:
                options.append(None)
        self.set_options(options)
        if self.option_count:
            self.highlighted = 0
            self.scroll_home(animate=False)

    def _remark(self, article: Article, chosen: frozenset[int]) -> None:
        """Same article, new summary: re-draw only the sentences whose mark changed (long articles)."""
        for index in chosen ^ self._marked:
            if 0 <= index < len(article.sentences):
                self.replace_option_prompt(str(index), sentence_prompt(article.sentences[index].text, index in chosen))
        self._marked = chosen

    def goto_sentence(self, index: int) -> None:
        try:
            self.highlighted = self.get_option_index(str(index))
        except OptionDoesNotExist:
            return
        self.scroll_to_highlight(top=True)


class SummaryText(SentenceList):
    """Only the summary's sentences, in document order."""

    def show(self, article: Article | None, summary: Sequence[int]) -> None:
        self.article = article
        sentences = article.sentences if article else ()
        options: list[Option | None] = []
        for i in summary:
            if i < len(sentences):
                options += [Option(sentence_prompt(sentences[i].text, False), id=str(i)), None]
        self.set_options(options)
        if self.option_count:
            self.highlighted = 0


class QuoteList(OptionList):
    """Quotes that occur in the current article; option ids index `quotes`."""

    BINDINGS = LIST_BINDINGS

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.quotes: list[Quote] = []

    def show(self, quotes: Sequence[Quote], titles: dict[str, str]) -> None:
        self.quotes = list(quotes)
        options: list[Option | None] = []
        for i, q in enumerate(self.quotes):
            options.append(Option(quote_prompt(q, titles), id=str(i)))
            options.append(None)
        self.set_options(options)
        if self.option_count:
            self.highlighted = 0

    @property
    def current(self) -> Quote | None:
        option = self.highlighted_option
        return self.quotes[int(option.id)] if option is not None and option.id is not None else None


def digest_prompt(sentence: DigestSentence, titles: dict[str, str]) -> Content:
    """A key development across the articles, with every outlet that reports it."""
    sources = "; ".join(one_line(titles.get(a, a), 40) for a in sentence.articles)
    return Content.assemble(plain(sentence.text), "\n  ", (f"in: {sources}", "$text-muted"))


class DigestList(OptionList):
    """The cross-article digest (the automatic brief's key developments)."""

    BINDINGS = LIST_BINDINGS

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.sentences: list[DigestSentence] = []

    def show(self, sentences: Sequence[DigestSentence], titles: dict[str, str]) -> None:
        self.sentences = list(sentences)
        options: list[Option | None] = []
        for i, sentence in enumerate(self.sentences):
            options += [Option(digest_prompt(sentence, titles), id=str(i)), None]
        self.set_options(options)
        if self.option_count:
            self.highlighted = 0

    @property
    def current(self) -> DigestSentence | None:
        option = self.highlighted_option
        return self.sentences[int(option.id)] if option is not None and option.id is not None else None


class Reader(Vertical):
    """Header plus the three tabs."""

    def compose(self) -> ComposeResult:
        yield Static(id="reader-title", markup=False)
        yield Static(id="reader-meta", markup=False)
        with TabbedContent(id="reader-tabs"):
            with TabPane("Article", id="tab-article"):
                yield ArticleText(id="article-text")
            with TabPane("Summary", id="tab-summary"):
                yield Static(id="summary-info", markup=False)
                yield SummaryText(id="summary-text")
            with TabPane("Quotes", id="tab-quotes"):
                yield Static(id="quotes-info", markup=False)
                yield QuoteList(id="quote-list")
            with TabPane("Digest", id="tab-digest"):
                yield Static(id="digest-info", markup=False)
                yield DigestList(id="digest-list")

    def show_header(self, article: Article | None) -> None:
        title = self.query_one("#reader-title", Static)
        meta = self.query_one("#reader-meta", Static)
        if article is None:
            title.update(Content("No article yet."))
            meta.update(Content(""))
            return
        parts = (
            one_line(article.source or "unknown outlet", 60),
            article.published.isoformat() if article.published else "",
            f"{article.words:,} words",
            one_line(article.location, 120),
        )
        title.update(Content.styled(one_line(article.title, 300), "bold"))
        notices = "".join(f" ⚠ {one_line(n)}" for n in article.notices)
        meta.update(Content.assemble((" · ".join(p for p in parts if p), "$text-muted"), (notices, "$warning")))

    def show_summary_info(self, summary: Summary | None, pending: bool = False, keys: str = "") -> None:
        info = self.query_one("#summary-info", Static)
        if summary is None:
            info.update(Content("Summarising…" if pending else "No summary yet."))
            return
        words = f"{summary.algorithm} · {describe_length(summary.settings)}"
        note = f" · {one_line(summary.note)}" if summary.note else ""
        busy = " · updating…" if pending else ""
        info.update(
            Content.assemble(
                ("Algorithm: ", "$text-muted"),
                (words, "bold"),
                (note + busy, "$text-muted"),
                (f"   ({keys})" if keys else "", "$text-muted"),
            )
        )
