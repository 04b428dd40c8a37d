"""The reader (centre): tabs Article, Summary, Quotes (this article) and Digest (the story shown).

Sentences are options of an `OptionList`, so the cursor, scrolling, mouse and
virtualised rendering come for free, and the focused sentence is what `a` adds.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.geometry import Region
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option, OptionDoesNotExist

from briefing.models import Article, DigestSentence, Quote, Summary
from briefing.summary.length import describe_length
from briefing.tui.messages import JumpTo
from briefing.tui.relayout import update_text
from briefing.tui.safe import one_line, plain
from briefing.tui.widgets.cursor_list import CursorList
from briefing.tui.widgets.vim_keys import LIST_BINDINGS

SUMMARY_MARK = "▌"
SUMMARY_STYLE = "bold $text-warning"


def sentence_prompt(text: str, in_summary: bool) -> Content:
    """A sentence; the summary's sentences carry a bar and a highlight (not colour alone)."""
    if in_summary:
        return Content.assemble((SUMMARY_MARK, "$warning"), plain(text, SUMMARY_STYLE))
    return Content.assemble(" ", plain(text))


def outlets_once(article_ids: Sequence[str], titles: dict[str, str], limit: int = 48) -> str:
    """Each outlet named once, in order, with how many of its reports when more than one:
    'CNN (Web News) (2 reports); Fox News', not 'CNN (Web News); CNN (Web News); Fox News'."""
    counts: dict[str, int] = {}
    for article_id in article_ids:
        name = one_line(titles.get(article_id, article_id), limit)
        counts[name] = counts.get(name, 0) + 1
    return "; ".join(name if n == 1 else f"{name} ({n} reports)" for name, n in counts.items())


def quote_prompt(quote: Quote, titles: dict[str, str]) -> Content:
    """The quotation, who said it (with role), and every article it occurs in."""
    who = one_line(quote.speaker or "unattributed")
    if quote.role:
        who += f", {one_line(quote.role)}"
    sources = outlets_once(quote.articles, titles)
    kind = " (partial)" if quote.partial else ""
    if quote.speaker and quote.attribution:
        kind += f" [{quote.attribution}]"  # what names the speaker: "named", "pronoun", ... (s corrects it)
    return Content.assemble(
        (f"“{one_line(quote.text)}”", "italic"),
        "\n  — ",
        (who, "bold"),
        (kind, "$text-muted"),
        "\n  in: ",
        (sources, "$text-muted"),
    )


class SentenceList(CursorList):
    """A list of sentences with a cursor; option ids are sentence indexes."""

    BINDINGS = LIST_BINDINGS
    announce_highlight = False  # the sentence under the cursor is read when a key needs it

    def __init__(self, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
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
        """Put the cursor on a sentence and show it in the middle of the pane, with what leads to it."""
        try:
            self.highlighted = self.get_option_index(str(index))
        except OptionDoesNotExist:
            return
        self.call_after_refresh(self.centre_highlight)  # lines are laid out at the next refresh

    def centre_highlight(self) -> None:
        highlighted = self.highlighted
        if highlighted is None or not self.is_mounted:
            return
        self._update_lines()  # Textual 8.2's OptionList keeps each option's first line here
        y = self._index_to_line.get(highlighted)
        if y is None:
            self.scroll_to_highlight()
            return
        region = Region(0, y, self.scrollable_content_region.width, self._heights.get(highlighted, 1))
        self.scroll_to_region(region, animate=False, center=True, force=True, immediate=True)


class SummaryText(SentenceList):
    """Only the summary's sentences, in document order; Enter shows the sentence in the article."""

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.article is not None and event.option_id is not None:
            self.post_message(JumpTo(self.article.id, int(event.option_id)))

    def show(self, article: Article | None, summary: Sequence[int]) -> None:
        self.article = article
        if not summary and not self.option_count:  # no summary yet, none shown: nothing to redraw
            return
        sentences = article.sentences if article else ()
        options: list[Option | None] = []
        for i in summary:
            if i < len(sentences):
                options += [Option(sentence_prompt(sentences[i].text, False), id=str(i)), None]
        self.set_options(options)
        if self.option_count:
            self.highlighted = 0


class QuoteList(CursorList):
    """Quotes that occur in the current article; option ids index `quotes`. Enter shows where it is said."""

    BINDINGS = LIST_BINDINGS
    announce_highlight = False

    def __init__(self, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.quotes: list[Quote] = []
        self.article_id: str | None = None  # the article shown: a quote is found there first

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        quote = self.current
        if quote is not None and quote.locations:
            here = next((r for r in quote.locations if r.article_id == self.article_id), quote.locations[0])
            self.post_message(JumpTo(here.article_id, here.sentence))

    def show(self, quotes: Sequence[Quote], titles: dict[str, str], article_id: str | None = None) -> None:
        self.article_id = article_id
        if not quotes and not self.quotes and not self.option_count:  # none before, none now
            return
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
    sources = outlets_once(sentence.articles, titles, 40)
    return Content.assemble(plain(sentence.text), "\n  ", (f"in: {sources}", "$text-muted"))


class DigestList(CursorList):
    """The cross-article digest (the automatic brief's key developments); Enter shows the sentence."""

    BINDINGS = LIST_BINDINGS
    announce_highlight = False

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if (sentence := self.current) is not None:
            self.post_message(JumpTo(sentence.origin.article_id, sentence.origin.sentence))

    def __init__(self, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
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

    quotes_scope = "all articles"  # what the quote count beside this article's counts: "its story" with several

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

    def on_mount(self) -> None:
        self.border_title = "Reader"
        self.show_header(None)
        self.query_one("#digest-info", Static).update(Content("The digest appears when the analysis is done."))

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
        update_text(title, Content.styled(one_line(article.title, 300), "bold"))
        notices = "".join(f" ⚠ {one_line(n)}" for n in article.notices)
        update_text(meta, Content.assemble((" · ".join(p for p in parts if p), "$text-muted"), (notices, "$warning")))

    def show_article(self, article: Article, summary: Summary | None, quotes: Sequence[Quote] | None,
                     titles: dict[str, str], keys: str, keep_cursor: bool = False) -> None:
        """Fill the three tabs for this article. `summary` None: still being computed (the old
        marks stay while a new length is computed); `quotes` None: the analysis is not done."""
        self.show_header(article)
        self.show_summary_info(summary, pending=summary is None, keys=keys)
        if summary is not None or not keep_cursor:
            indexes = summary.indexes if summary else ()
            self.query_one(ArticleText).show(article, indexes, keep_cursor=keep_cursor)
            self.query_one(SummaryText).show(article, indexes)
        info = self.query_one("#quotes-info", Static)
        if quotes is None:
            update_text(info, Content("Quotes appear when the analysis is done."))
            self.query_one(QuoteList).show((), {})
            return
        total = len(quotes)
        mine = [q for q in quotes if article.id in q.articles]
        update_text(info, Content(f"{len(mine)} quotation(s) in this article, best first; {self.quotes_scope}: {total}"))
        self.query_one(QuoteList).show(mine, titles, article.id)

    def show_digest(self, digest: Sequence[DigestSentence], titles: dict[str, str], articles: int,
                    story: str = "") -> None:
        """`story`: which story the digest is of ("story 2/3 (S: next)"), when several are loaded."""
        scope = f"the {articles} article(s) of {story}" if story else f"all {articles} article(s)"
        self.query_one("#digest-info", Static).update(
            Content(f"{len(digest)} key development(s) across {scope}, each once with every outlet that reports it.")
        )
        self.query_one(DigestList).show(digest, titles)

    def show_summary_info(self, summary: Summary | None, pending: bool = False, keys: str = "") -> None:
        info = self.query_one("#summary-info", Static)
        if summary is None:
            update_text(info, Content("Summarising…" if pending else "No summary yet."))
            return
        words = f"{summary.algorithm} · {describe_length(summary.settings)}"
        note = f" · {one_line(summary.note)}" if summary.note else ""
        busy = " · updating…" if pending else ""
        update_text(info, Content.assemble(
            ("Algorithm: ", "$text-muted"),
            (words, "bold"),
            (note + busy, "$text-muted"),
            (f"   ({keys})" if keys else "", "$text-muted"),
        ))
