"""Which counts the brief's status table prints: the toll most reports give, and a dispute only where there is one.

The analysis keeps every number it read (the JSON, the status panel). A signed
one-page brief prints, for each kind of count (killed, injured, ...), what an
editor would put in a table cell, and nothing a reader could take for a rival
toll when no source disputes it:

* **the headline**: of the counts that roughly agree (values whose ranges meet,
  `status.disagreements.conflicting`), the set most reports give; a count a named
  source gives (the health ministry, the U.N.) weighs a little more, a newer report
  breaks a tie. It is shown as the value most of those reports state, citing them.
* **the disputed rival**: another set of the same people at the same scope, on a day
  the headline's reports count too, that the analysis flagged as disagreeing on that
  day (`Figure.disagreement`), given by two reports or a named source. The war's running total (100,000 dead) never becomes a
  rival of one attack's toll (1,300), nor an earlier, lower count of a running total
  a rival of today's.
* **one other group** named in capitals ("67 Israelis" beside "1,900 Palestinians")
  when two reports give it.

Left out of the table (still in the analysis): a part of a count ("the other three
Americans", "369 of those were hospitalized"), one report's passing number ("two U.S.
security guards", "at least 40 injured" in one strike), shares, vague
plurals ("dozens"), an earlier war's numbers, and a count only opinion pieces give
when news reports count the same kind.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from briefing.models import Article, Figure
from briefing.status.disagreements import conflicting, is_vague
from briefing.status.figure_subject import PART_WORDS, subject_key

TABLE_KINDS = ("killed", "injured", "displaced", "refugees", "troops")
MAX_RIVALS = 2
RIVAL_SHARE = 0.3  # a rival set needs at least this share of the headline set's weight
NAMED_SOURCE_BONUS = 0.5
# "577 wounded and 369 hospitalized", "369 of those were hospitalized": a part of the count before it.
_PART_AFTER = re.compile(
    r"\s*(?:of\s+(?:those|them|whom|these)\b|(?:(?:were|had\s+been|have\s+been|are)\s+)?"
    r"(?:hospitali[sz]ed|in\s+hospital|in\s+(?:a\s+)?(?:critical|serious)\s+condition))",
    re.I,
)


@dataclass(frozen=True, slots=True)
class TableFigure:
    """One value the table prints, the articles that state that value (display member's first)."""

    figure: Figure
    article_ids: tuple[str, ...]
    headline: bool = False  # the kind's headline count (else a disputed rival or another group)


@dataclass(frozen=True, slots=True)
class _Cluster:
    members: tuple[Figure, ...]

    def articles(self) -> set[str]:
        return {f.article for f in self.members}

    def weight(self) -> float:
        named = any(named_source(f) for f in self.members)
        return len(self.articles()) + (NAMED_SOURCE_BONUS if named else 0.0)

    def scope(self) -> str | None:
        counts: dict[str | None, int] = defaultdict(int)
        for f in self.members:
            counts[f.scope] += 1
        return max(counts, key=lambda s: (counts[s], s == "incident"))


def table_figures(figures: Sequence[Figure], articles: Sequence[Article]) -> list[TableFigure]:
    """The figures the brief's status table prints, kind by kind (TABLE_KINDS order)."""
    dates = {a.id: a.published.toordinal() if a.published else 0 for a in articles}
    news = {a.id for a in articles if a.kind == "news"}
    out: list[TableFigure] = []
    for kind in TABLE_KINDS:
        out.extend(_kind_rows(_candidates(figures, kind, news), dates))
    return out


def _candidates(figures: Iterable[Figure], kind: str, news: set[str]) -> list[Figure]:
    """Whole counts of people of one kind; opinion pieces' counts only when no news report counts that kind."""
    whole = [f for f in figures if f.kind == kind and _is_whole_count(f)]
    reported = [f for f in whole if f.article in news]
    return reported or whole


def _is_whole_count(fig: Figure) -> bool:
    subject = (fig.subject or "").lower()
    return (
        fig.value > 0
        and fig.base is None
        and fig.fraction is None
        and fig.scope != "background"
        and not is_vague(fig)
        and not subject.startswith(PART_WORDS)
        and not _part_of_a_count(fig)
    )


def _part_of_a_count(fig: Figure) -> bool:
    """The words after the number say it is part of another count ("369 of those", "369 hospitalized")."""
    sentence = fig.evidence.text if fig.evidence else ""
    at = sentence.find(fig.text) if fig.text else -1
    return at >= 0 and bool(_PART_AFTER.match(sentence, at + len(fig.text)))


def _kind_rows(figures: list[Figure], dates: Mapping[str, int]) -> list[TableFigure]:
    groups: dict[str, list[Figure]] = defaultdict(list)
    for fig in figures:
        groups[_group_key(fig)].append(fig)
    clustered = {key: _clusters(members) for key, members in groups.items()}
    ranked = sorted(
        ((c, key) for key, cs in clustered.items() for c in cs if _can_lead(c)),
        key=lambda ck: (ck[0].weight(), _newest(ck[0], dates), ck[0].members[0].value),
        reverse=True,
    )
    if not ranked:
        return []
    head, head_key = ranked[0]
    rivals = _rivals(head, clustered[head_key], dates)
    rows = [replace(_shown(head, dates, disputed=bool(rivals)), headline=True)]
    rows.extend(_shown(c, dates, disputed=True) for c in rivals)
    other = next((c for c, key in ranked[1:] if key != head_key and _other_group(c)), None)
    if other is not None:
        rows.append(_shown(other, dates, disputed=False))
    return rows


def _group_key(fig: Figure) -> str:
    """Whom the count counts: "67 dead" and "67 people" alike; "88 people dead" as "people"."""
    words = [w for w in subject_key(fig.subject).split() if w not in ("dead", "killed", "wounded", "injured")]
    return " ".join(words) or "people"


def _clusters(members: list[Figure]) -> list[_Cluster]:
    """Values that agree, by single linkage along the sorted values: 1,900 and nearly 1,900
    together, 1,300 apart from 355."""
    ordered = sorted(members, key=lambda f: f.value)
    out: list[list[Figure]] = []
    for fig in ordered:
        if out and not conflicting(out[-1][-1], fig):
            out[-1].append(fig)
        else:
            out.append([fig])
    return [_Cluster(tuple(c)) for c in out]


def _can_lead(cluster: _Cluster) -> bool:
    """Two reports give it, or a named source gives a running total ("about 260,000 displaced,
    according to the United Nations") or a count another source disputes: one report's count of
    one incident ("at least 40 injured" in one strike) is not the day's toll."""
    if len(cluster.articles()) >= 2:
        return True
    return any(named_source(f) and (f.disagreement or f.scope != "incident") for f in cluster.members)


def _newest(cluster: _Cluster, dates: Mapping[str, int]) -> int:
    return max(dates.get(f.article, 0) for f in cluster.members)


def _rivals(head: _Cluster, group: list[_Cluster], dates: Mapping[str, int]) -> list[_Cluster]:
    """Sets of the same people and scope the analysis found in dispute with another source's count."""
    scope, days = head.scope(), {f.as_of for f in head.members}
    found = [
        c for c in group
        if c is not head and c.scope() == scope and _can_lead(c)
        and any(f.disagreement and f.as_of in days for f in c.members)
        and c.weight() >= RIVAL_SHARE * head.weight()
    ]
    found.sort(key=lambda c: (c.weight(), _newest(c, dates)), reverse=True)
    return found[:MAX_RIVALS]


def _other_group(cluster: _Cluster) -> bool:
    """Another people named in capitals ("Israelis", "Syrian Kurds") that two reports count."""
    subject = cluster.members[0].subject or ""
    return len(cluster.articles()) >= 2 and subject[:1].isupper()


def _shown(cluster: _Cluster, dates: Mapping[str, int], disputed: bool) -> TableFigure:
    """The value the newest reports of the set state (a count is updated as the days go: 82 and
    88 dead on the last day, not the 70 of three days before), the one most of them give, on a
    tie the larger; in the words of a report that names its source if one does."""
    newest = max(dates.get(f.article, 0) for f in cluster.members)
    reports: dict[int, set[str]] = defaultdict(set)
    for f in cluster.members:
        if dates.get(f.article, 0) == newest:
            reports[f.value].add(f.article)
    value = max(reports, key=lambda v: (len(reports[v]), v))
    stating = [f for f in cluster.members if f.value == value]
    stating.sort(key=lambda f: (not named_source(f), -dates.get(f.article, 0), f.qualifier != "exact"))
    shown = stating[0]
    if not named_source(shown):
        shown = replace(shown, reported_by=None)  # "some news reports" is no source to print
    ids = tuple(dict.fromkeys(f.article for f in stating))
    return TableFigure(replace(shown, disagreement=disputed), ids)


# "Some news reports", "media reports", "reports": hearsay, not who counted.
_HEARSAY_SOURCE = re.compile(
    r"^(?:(?:some|several|other|unconfirmed|unverified|local|early|initial)\s+)?(?:(?:news|media|press)\s+)?reports?$",
    re.I,
)


def named_source(fig: Figure) -> bool:
    """The count names who counted it (a ministry, a monitor, an agency), not hearsay."""
    who = (fig.reported_by or "").strip()
    return bool(who) and not _HEARSAY_SOURCE.match(who)
