"""The conflict-status panel (right) as a tree: every entry opens onto its evidence.

Labels are Rich `Text` built from cleaned strings: `Tree` would parse a `str`
label as markup. States are spelled out in words beside the colour and arrow.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from briefing.brief.figure_rows import table_figures
from briefing.brief.items import figure_value
from briefing.models import Actor, Article, ConflictStatus, Event, Figure, SentenceRef
from briefing.store.since_last import SinceLastBrief
from briefing.tui.messages import JumpTo
from briefing.tui.safe import clean, one_line

TREND_LOOK = {
    "escalating": ("↑", "bold red", "ESCALATING"),
    "de-escalating": ("↓", "bold green", "DE-ESCALATING"),
    "mixed": ("↕", "bold yellow", "MIXED"),
    "unclear": ("?", "bold", "UNCLEAR"),
}
DISPUTED = "⚠"
NEW_MARK = "✦"  # new since the last brief (the article list and the brief use the same mark)
MENTION_LIMIT = 20


@dataclass(frozen=True)
class Entry:
    """What a node stands for: a status line, a figure, or one evidence sentence."""

    kind: str  # status | figure | evidence | group
    field: str = ""
    text: str = ""
    evidence: tuple[SentenceRef, ...] = ()
    figure: Figure | None = None
    ref: SentenceRef | None = None
    names: tuple[str, ...] = ()  # actor/place names whose sentences are the evidence
    event: Event | None = None  # a timeline row: `a` adds its sentence with its date


def _flat(value: str) -> str:
    """Cleaned and on one line, keeping the spaces at the ends that separate label parts."""
    return clean(value).replace("\n", " ").replace("\t", " ")


def _label(*parts: tuple[str, str] | str) -> Text:
    text = Text()
    for part in parts:
        if isinstance(part, str):
            text.append(_flat(part))
        else:
            text.append(_flat(part[0]), style=part[1])
    return text


def figure_label(figure: Figure) -> str:
    """'at least 250,000'; the article's own words when there is no count ("half of the population")
    or when the kind says nothing of what is counted ("other": "Around 1,500 people protested")."""
    if (figure.value == 0 or figure.kind == "other") and figure.text.strip():
        return one_line(figure.text, 60)
    return figure_value(figure)


def figure_text(figure: Figure) -> str:
    """'at least 250,000 killed'; with whom it counts when the analysis knows it ('161 Palestinians killed')."""
    subject = getattr(figure, "subject", None)  # a Figure field to come; shown as soon as it is there
    label = f"{figure_label(figure)} {one_line(subject, 60)}" if subject else figure_label(figure)
    return label if figure.kind == "other" else f"{label} {figure.kind}"


def counted_by(figure: Figure, outlet: str) -> str:
    """Who counted it and who reported that: 'Gaza Health Ministry (via AP)', else the outlet alone."""
    if figure.reported_by:
        return f"{one_line(figure.reported_by, 80)} (via {outlet})"
    return outlet


def event_when(event: Event) -> str:
    """The event's date as precisely as known; an inferred one says so."""
    when = event.when or (event.date.isoformat() if event.date else "undated")
    return f"{when} (inferred)" if event.date_inferred else when


class StatusPanel(Tree[Entry]):
    """Trend, ceasefire, talks, figures, actors by side and places."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="status-down"),
        Binding("k", "cursor_up", "Up", show=False, id="status-up"),
        Binding("g", "scroll_home", "First", show=False, id="status-first"),  # Tree moves the cursor too
        Binding("G", "scroll_end", "Last", show=False, id="status-last"),
        Binding("enter", "select_cursor", "Show the sentence in the article",
                tooltip="Enter on a figure, an evidence sentence or a timeline event shows its sentence in the "
                        "article, in the middle of the reader; on a heading it opens or closes it",
                show=False, id="status-show"),
    ]

    def __init__(self, id: str | None = None) -> None:
        super().__init__(Text("Conflict status"), id=id)
        self.show_root = False
        self.titles: dict[str, str] = {}
        self.articles: list[Article] = []
        self.figures: tuple[Figure, ...] = ()
        self.since = SinceLastBrief()  # the story's earlier briefs: "up from 137 on 20 Nov", new marks

    def on_mount(self) -> None:
        self.show_status(None, {})

    @property
    def current(self) -> Entry | None:
        node = self.cursor_node
        return node.data if node is not None else None

    def show_status(
        self, status: ConflictStatus | None, titles: dict[str, str], articles: Sequence[Article] = ()
    ) -> None:
        self.titles = titles
        self.articles = list(articles)
        if status is None:
            self.show_message("Analysing…")
            return
        self.clear()
        self.figures = status.figures
        self._trend(status)
        self._ceasefire(status)
        self._talks(status)
        self._figures(status.figures)
        self._actors(status)
        self._places(status)
        self._timeline(status)
        self.root.expand()
        self.cursor_line = 0  # a cleared tree has no cursor: Enter would do nothing until j

    def show_message(self, message: str) -> None:
        self.clear()
        self.root.add_leaf(Text(message, style="italic"), Entry("group"))

    def _evidence(self, node: TreeNode[Entry], refs: tuple[SentenceRef, ...]) -> None:
        for ref in refs:
            source = one_line(self.titles.get(ref.article_id, ref.article_id), 30)
            node.add_leaf(_label(("❝ ", "dim"), ref.text, (f"  [{source}]", "dim")), Entry("evidence", ref=ref))

    def _trend(self, status: ConflictStatus) -> None:
        trend = status.trend
        arrow, style, word = TREND_LOOK.get(trend.label, ("?", "bold", trend.label.upper()))
        text = f"Trend: {trend.label}"
        node = self.root.add(
            _label(("Trend ", "bold"), (f"{arrow} {word}", style)),
            Entry("status", "trend", text, trend.escalating + trend.de_escalating),
        )
        for name, refs in (("escalating", trend.escalating), ("de-escalating", trend.de_escalating)):
            if refs:
                group = node.add(_label(f"{name} signs ({len(refs)})"), Entry("group"))
                self._evidence(group, refs)

    def _details(self, node: TreeNode[Entry], details: list[str]) -> None:
        for detail in details:
            node.add_leaf(_label(("· ", "dim"), detail), Entry("group"))

    def _ceasefire(self, status: ConflictStatus) -> None:
        cf = status.ceasefire
        details = []
        if cf.since:
            details.append(f"since {cf.since.isoformat()}")
        if cf.brokers:
            details.append("brokered by " + ", ".join(cf.brokers))
        if cf.excluded:
            details.append("excludes " + ", ".join(cf.excluded))
        text = f"Ceasefire: {cf.state}" + (f" ({'; '.join(details)})" if details else "")
        style = {"holding": "green", "fragile": "yellow", "violated": "red", "collapsed": "bold red"}.get(cf.state, "")
        node = self.root.add(
            _label(("Ceasefire ", "bold"), (cf.state.upper(), style)),
            Entry("status", "ceasefire", text, cf.evidence),
            allow_expand=bool(cf.evidence or details),
        )
        self._details(node, details)
        self._evidence(node, cf.evidence)

    def _talks(self, status: ConflictStatus) -> None:
        ng = status.negotiations
        details = [d for d in (ng.venue and f"in {ng.venue}", ng.mediator and f"mediator: {ng.mediator}") if d]
        if ng.parties:
            details.append("parties: " + ", ".join(ng.parties))
        details.extend(f"sticking point: {p}" for p in ng.sticking_points)
        text = f"Talks: {ng.state}" + (f" ({'; '.join(details)})" if details else "")
        node = self.root.add(
            _label(("Talks ", "bold"), (ng.state.upper(), "cyan")),
            Entry("status", "negotiations", text, ng.evidence),
            allow_expand=bool(ng.evidence or details),
        )
        self._details(node, details)
        self._evidence(node, ng.evidence)

    def _figures(self, figures: tuple[Figure, ...]) -> None:
        disputed = sum(f.disagreement for f in figures)
        head = _label(("Figures ", "bold"), f"({len(figures)})")
        if disputed:
            head.append(f"  {DISPUTED} {disputed} disputed", style="bold yellow")
        node = self.root.add(head, Entry("group"), expand=True, allow_expand=bool(figures))
        by_kind: dict[str, list[Figure]] = defaultdict(list)
        for figure in _brief_rows_first(figures, self.articles):
            by_kind[figure.kind].append(figure)
        for kind, group in by_kind.items():
            label = _label((kind, "italic"))
            if any(f.disagreement for f in group):
                label.append(f" {DISPUTED} DISPUTED: sources disagree", style="bold yellow")
            kind_node = node.add(label, Entry("group"), expand=True)
            for figure in group:
                self._figure(kind_node, figure)

    def _figure(self, parent: TreeNode[Entry], figure: Figure) -> None:
        """'⚠ at least 250,000 · Syrian Observatory (via AP)': the count, whom it counts, who counted it.

        The kind is the group above; the row is cut at the panel's edge, and the detail
        line under the panel shows it whole with its sentence. Enter shows the sentence."""
        outlet = one_line(self.titles.get(figure.article, figure.article), 40)
        subject = getattr(figure, "subject", None)
        value = f"{figure_label(figure)} {one_line(subject, 60)}" if subject else figure_label(figure)
        new = self.since.figure_is_new(figure, self.figures)
        label = _label((f"{NEW_MARK} ", "bold cyan") if new else "",
                       (f"{DISPUTED} ", "bold yellow") if figure.disagreement else "", value)
        change = self.since.change(figure, self.figures)
        if change:
            label.append(f" ({change})", style="cyan")
        label.append(f" · {counted_by(figure, outlet)}", style="dim")
        evidence = (figure.evidence,) if figure.evidence else ()
        fnode = parent.add(label, Entry("figure", "figures", figure_text(figure), evidence, figure=figure,
                                        ref=figure.evidence), allow_expand=bool(evidence))
        self._evidence(fnode, evidence)

    def _actors(self, status: ConflictStatus) -> None:
        node = self.root.add(_label(("Actors ", "bold"), f"({len(status.actors)})"), Entry("group"),
                             allow_expand=bool(status.actors))
        sides: dict[str, list[Actor]] = defaultdict(list)
        for actor in status.actors:
            sides[actor.side].append(actor)
        for side, actors in sides.items():
            names = ", ".join(a.name for a in actors[:4])
            side_label = _label((side.replace("_", " "), "bold italic"), (f" ({len(actors)})", "dim"))
            side_node = node.add(side_label, Entry("status", "actors", f"{side}: {names}"))
            for actor in actors:
                side_node.add(
                    _label(actor.name, (f" ({actor.kind}, {actor.mentions}×)", "dim")),
                    Entry("mention", "actors", actor.name, names=(actor.name, *actor.aliases)),
                )

    def _places(self, status: ConflictStatus) -> None:
        node = self.root.add(_label(("Places ", "bold"), f"({len(status.locations)})"), Entry("group"),
                             allow_expand=bool(status.locations))
        for place in status.locations:
            node.add(_label(place.name, (f" ({place.mentions}×)", "dim")),
                     Entry("mention", "locations", place.name, names=(place.name,)))

    def _timeline(self, status: ConflictStatus) -> None:
        """Dated events, oldest first; an inferred date says so. Enter jumps to the sentence, a adds it."""
        events = status.timeline
        node = self.root.add(_label(("Timeline ", "bold"), f"({len(events)})"), Entry("group"),
                             allow_expand=bool(events))
        for event in events:
            label = _label((event_when(event), "bold"), " · ", event.text)
            node.add_leaf(label, Entry("event", "timeline", event.text, ref=event.evidence, event=event))

    def _on_tree_node_selected(self, event: Tree.NodeSelected[Entry]) -> None:
        """Enter on an evidence sentence, a figure or a timeline event: show it in the reader."""
        entry = event.node.data
        if entry is not None and entry.ref is not None:
            self.post_message(JumpTo(entry.ref.article_id, entry.ref.sentence))

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Entry]) -> None:
        """Actors and places have no evidence of their own: find the sentences naming them, once."""
        entry = event.node.data
        if entry is None or entry.kind != "mention" or event.node.children:
            return
        refs = mentions(self.articles, entry.names)
        if refs:
            self._evidence(event.node, refs)
        else:
            event.node.add_leaf(_label(("no sentence names it directly", "dim italic")), Entry("group"))


def _brief_rows_first(figures: Sequence[Figure], articles: Sequence[Article]) -> list[Figure]:
    """The figures with those the brief's table prints first (the count most reports give, a
    disputed rival; brief/figure_rows.py), in its order: a war's running total or one report's
    passing count does not head the list of a day's toll."""
    lead: dict[tuple[str, str, int], int] = {}
    for k, row in enumerate(table_figures(figures, articles)):
        for aid in row.article_ids:  # every report the row cites for its value
            lead.setdefault((row.figure.kind, aid, row.figure.value), k)
    order = {id(f): k for k, f in enumerate(figures)}
    return sorted(figures, key=lambda f: (lead.get((f.kind, f.article, f.value), len(lead)), order[id(f)]))


def mentions(articles: Sequence[Article], names: Sequence[str], limit: int = MENTION_LIMIT) -> tuple[SentenceRef, ...]:
    """Sentences that name any of `names` as a whole word, in article order."""
    wanted = [re.escape(n) for n in names if n and n.strip()]
    if not wanted:
        return ()
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(sorted(wanted, key=len, reverse=True)) + r")(?!\w)")
    found: list[SentenceRef] = []
    for article in articles:
        for sentence in article.sentences:
            if pattern.search(sentence.text):
                found.append(SentenceRef(article.id, sentence.index, sentence.text))
                if len(found) >= limit:
                    return tuple(found)
    return tuple(found)


def figure_history(since: SinceLastBrief, figure: Figure, figures: Sequence[Figure]) -> str:
    """'Earlier briefs: 120 on 18 Nov, 137 on 20 Nov; now 163 (up from 137 on 20 Nov)', or ''."""
    points = since.history(figure)
    change = since.change(figure, figures)
    if not points or change is None:
        return ""
    earlier = ", ".join(f"{p.value:,} on {p.date.day} {_MONTHS[p.date.month - 1]}" for p in points[-6:])
    return f"Earlier briefs: {earlier}; now {figure.value:,} ({change})"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def entry_detail(entry: Entry | None, titles: dict[str, str]) -> str:
    """The focused row whole, for the line under the panel: rows are cut at the panel's edge."""
    if entry is None:
        return ""
    source = one_line(titles.get(entry.ref.article_id, entry.ref.article_id), 60) if entry.ref else ""
    sentence = f"“{one_line(entry.ref.text)}” — {source}" if entry.ref else ""
    if entry.kind == "figure" and entry.figure is not None:
        fig = entry.figure
        outlet = one_line(titles.get(fig.article, fig.article), 60)
        who = (f"counted by {one_line(fig.reported_by)}, reported by {outlet}" if fig.reported_by
               else f"reported by {outlet}; who counted it is not stated")
        head = f"{one_line(figure_text(fig))} · {who}" + (" · ⚠ sources disagree" if fig.disagreement else "")
        return "\n".join(x for x in (head, sentence, "Enter: show it in the article" if entry.ref else "") if x)
    if entry.kind == "event" and entry.event is not None:
        return "\n".join(x for x in (f"{event_when(entry.event)}: {one_line(entry.event.text)}",
                                      f"— {source}" if source else "", "Enter: show it in the article") if x)
    if entry.kind == "evidence":
        return f"{sentence}\nEnter: show it in the article"
    return one_line(entry.text) if entry.text else ""
