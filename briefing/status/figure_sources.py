"""Who counted a figure: "according to X", "..., X reported", "X puts the toll at".

A counter is printed after the figure in the brief, so a misread ("Each year an
[estimated]") is worse than none: a phrase that names nobody gives None, and
"officials said" gives "unnamed officials".
"""

from __future__ import annotations

import re

from briefing.models import Article

_NAME = r"(?:the\s+|The\s+)?[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|for|on|and|the|de|al-\w+))*"
_SAY = r"(?:reported|said|says|reports|estimated|estimates|added|noted|announced|told\s+\w+)"
ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+(?P<who>[^,;]+?)(?=[,;]|\.\s+[A-Z\"“]|\.?[\"”’]?\s*$)")
TRAILING_RE = re.compile(
    rf",\s*(?P<who>(?:(?:the|a|an)\s+)?(?:[\w.'’&-]+\s+){{0,6}}?[\w.'’&-]+)\s+{_SAY}"
    r"(?:\s+(?:on\s+)?\w+){0,2}\s*[.!]?[\"”’]?\s*$"
)
LEADING_RE = re.compile(
    rf"^(?:(?:while|but|whereas|and)\s+)?(?P<who>(?:[Tt]he|[Aa]n?)\s+(?:[\w.'’-]+\s+){{0,3}}?[a-z][\w'’-]*|{_NAME}|[A-Z][\w.'’-]*(?:\s+[a-z][\w'’-]*){{1,2}})\s+"
    r"(?:said|says|reported|reports|estimated|estimates|puts|put|counted|counts|recorded|documented|registered)\b"
    r"(?!\s+(?:it|that\s+it)\b)"
)
_ADVERB_TAIL_RE = re.compile(
    r"(?:\s+(?:later|earlier|also|separately|previously|then|had|has|have|repeatedly|again|now|still|initially|"
    r"first|publicly|officially|jointly|would|will|could|may|might))+$"
)
_CLAUSE_SPLIT = re.compile(r";\s+|,\s+(?=(?:while|but|whereas)\b)|\s+(?=while\b)")
_PRONOUNS = frozenset("he she they it we i you one who which a an the some".split())


def reported_by(sentence: str, position: int | None = None) -> str | None:
    """Who the sentence says counted a figure: "according to X", "..., X reported", "X puts the toll at".

    With two counters in one sentence ("..., according to A, while B puts the toll at N"),
    the clause holding the figure decides.
    """
    if position is not None:
        clause = _clause_at(sentence, position)
        if clause != sentence:
            own = _credit(clause, trailing_ok=False)
            if own:
                return own
    return _credit(sentence, trailing_ok=True)


# A counter is someone: a phrase that ends in a function word ("Each year an [estimated]",
# "As is well [known]") or opens a clause ("including several") is a misread, not a source.
_NOT_CREDIT_END = frozenset(
    "a an the is are was were be been well as of to in on at by for with and or but that which who its their his her "
    "this these those some many several each every".split()
)
_NOT_CREDIT_START = frozenset("including which who that as while whereas and but each every this it there".split())
# Nobody named: "the sources", "officials", "a source" say only that someone counted.
_UNNAMED_RE = re.compile(
    r"^(?:(?:the|a|an|some|several|two|three|unnamed|anonymous|other)\s+)*(?P<head>sources?|officials?)$", re.I
)


# A verb among the lower-case words of a would-be counter makes it a clause.
_FINITE_VERB = re.compile(r"(?:gave|put|made|took|had|has|have|gives|puts|makes|takes|[a-z]{3,}ed)")


def _clean_credit(who: str) -> str | None:
    """A counter as the brief can print it after "according to", or None when it names nobody."""
    who = who.strip().strip("\"“”‘’'()[] ").strip()
    who = re.sub(r"\s+\(via\s+(?:including|which|who|that|as)\b[^)]*\)$", "", who)  # "X (via including several)"
    words = who.split()
    if not words or words[0].lower() in _NOT_CREDIT_START or words[-1].lower() in _NOT_CREDIT_END:
        return None
    if any(w.lower() in ("is", "are", "was", "were") for w in words):
        return None  # "As is well known": a clause, not a name
    if any(_FINITE_VERB.fullmatch(w) for w in words[1:]):
        return None  # "Rebels gave various [estimates]": a clause, not a name
    unnamed = _UNNAMED_RE.match(who)
    if unnamed:
        return "unnamed officials" if unnamed.group("head").lower().startswith("official") else "unnamed sources"
    return who


def _clause_at(sentence: str, position: int) -> str:
    start = 0
    for m in _CLAUSE_SPLIT.finditer(sentence):
        if m.start() >= position:
            return sentence[start:m.start()]
        start = m.end()
    return sentence[start:]


def _credit(text: str, trailing_ok: bool) -> str | None:
    according = ACCORDING_RE.search(text)
    trailing = TRAILING_RE.search(text) if trailing_ok else None
    leading = LEADING_RE.search(text.strip())
    primary = _clean_credit(according.group("who")) if according else None
    credit = None
    for m in (trailing, leading):
        if m and m.group("who").strip().lower() not in _PRONOUNS:
            credit = _clean_credit(_ADVERB_TAIL_RE.sub("", m.group("who").strip()))  # "a police source later said"
            if credit:
                break
    if primary and credit and credit.lower() not in primary.lower():
        return f"{primary} (via {credit})"
    return primary or credit


_NAMED_SOURCES_RE = re.compile(r"\b(?:[Tt]he\s+)?((?:[A-Z][\w'’-]*\s+){1,3})sources\b")


def named_sources(article: Article, by: str | None) -> str | None:
    """"The sources said" after "the Hamas sources said": the same sources, named once before."""
    if by != "unnamed sources":
        return by
    named = {m.group(1).strip() for m in _NAMED_SOURCES_RE.finditer(article.text) if m.group(1).strip() != "The"}
    return f"{named.pop()} sources" if len(named) == 1 else by
