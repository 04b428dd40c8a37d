"""Who published a text that carries no metadata, read from the conventions of news copy.

Wire and broadcast copy names its outlet in a few stock places: a dateline
("BEIRUT (Reuters) -"), a credit line ("The Associated Press contributed to
this report."), a closing attribution ("..., Al Jazeera reported."), a copyright
line. Desks also leave routing codes at the end ("S/SH 11", "jm/sst", "-30-").
These patterns are the conventions themselves, not any one article; the
trailer lines are metadata, so they are removed from the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Common agency abbreviations as they appear in datelines and credits.
_AGENCIES = {
    "ap": "The Associated Press",
    "associated press": "The Associated Press",
    "afp": "Agence France-Presse",
    "dpa": "Deutsche Presse-Agentur",
    "upi": "United Press International",
    "ansa": "ANSA",
    "efe": "EFE",
    "pa": "PA Media",
    "cp": "The Canadian Press",
    "aap": "Australian Associated Press",
    "ians": "IANS",
    "pti": "Press Trust of India",
}
_NAME = r"[A-Z][\w&'.\-]*(?:\s+(?:of|the|for|and|de|al|el)?\s*[A-Z][\w&'.\-]*){0,5}"

# A desk or routing code on its own line: "S/SH 11", "AB/CD", "jm/sst", "bur-fz/ach", "-30-", "###", "ENDS".
_WIRE_CODE = re.compile(
    r"^(?:[A-Za-z]{1,6}(?:-[A-Za-z]{1,6})*(?:/[A-Za-z]{1,6}(?:-[A-Za-z]{1,6})*)+(?:\s+\d{1,4})?"
    r"|[A-Z]{1,6}\s+\d{1,4}|-\s*30\s*-|#{3}|\(?ENDS?\)?)$"
)
_CONTRIBUTED = re.compile(
    rf"^(?P<who>(?:The\s+)?{_NAME}(?:,\s*{_NAME})*(?:,?\s+and\s+{_NAME})?)\s+contributed\s+"
    r"(?:to\s+)?(?:this\s+)?(?:report|reporting|story|article)\b[^.]{0,80}\.?$"
)
_REPORTING_BY = re.compile(r"^\(?\s*(?:Additional\s+)?(?:Reporting|Writing|Editing)\s+by\b[^\n]{0,300}\)?$", re.I)
_COPYRIGHT = re.compile(
    r"^(?:\u00a9|\(c\)|Copyright)\s*(?:\u00a9\s*)?(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*,?\s*)?"
    r"(?P<who>[^.\n]{2,60}?)\.?(?:\s*All rights reserved\.?)?$",
    re.I,
)
_PLACE = r"[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][\w .]{1,30})?(?:,\s*\w{3,9}\.?\s+\d{1,2})?"
_PLACE_WORDS = r"[A-Z][\w.'\-]*(?:[ ,]+[A-Z\d][\w.'\-]*){0,5}"  # "London", "GENEVA, March 14"
_AGENCY = r"\((?P<who>[A-Z][\w .&\-]{0,30}|[a-z]{2,4})\)"
_DASH = r"\s*[-\u2013\u2014:]{1,2}\s*"
# "BEIRUT (Reuters) -", "GENEVA, March 14 (Xinhua) --", "(CNN) --" name the outlet;
# "MOSCOW —" and "COLUMBUS, Ohio --" only a place, which a title does not need either.
# "KIEV, April 7. /ITAR-TASS/." is the TASS form of the same thing.
_DATELINE = re.compile(
    rf"^(?:(?:{_PLACE_WORDS})?\s*{_AGENCY}(?:{_DASH}|\s+(?=[A-Z\"\u201c]))"
    rf"|{_PLACE}\.?\s*/(?P<slashed>[A-Z][\w .&\-]{{1,30}})/\.?\s*)"
)
_PLACE_ONLY = re.compile(rf"^{_PLACE}\s*(?:\u2014|--|\u2013)\s*(?=[A-Z\"\u201c])")
_REPORTED = re.compile(
    rf"[,;]\s+(?:the\s+|The\s+)?(?P<who>{_NAME})\s+(?:reported|reports)"
    r"(?:\s+on\s+\w+|\s+\w+day)?\.?[\"\u201d]?$"
)
_POSSESSIVE = re.compile(r"['\u2019]s?\s+")  # "ABC News' Jane Roe contributed": the outlet is ABC News
_CREDIT_WORDS = re.compile(
    r"\b(?:Press|News|Agency|Agence|Wire|TV|Television|Radio|Broadcasting|Network|Times|Post|Journal|"
    r"Herald|Tribune|Guardian|Gazette|Telegraph|Media|Service|Reuters|Bloomberg|Xinhua|Interfax|Tass|Sputnik)\b"
)


def strip_trailer(paragraphs: Sequence[str]) -> tuple[list[str], str | None]:
    """Remove trailing wire codes and credit lines; return the outlet a credit named."""
    kept = list(paragraphs)
    outlet: str | None = None
    while kept:
        last = kept[-1].strip()
        if _WIRE_CODE.match(last) or _REPORTING_BY.match(last):
            kept.pop()
            continue
        credit = _credit_outlet(last)
        if credit is None:
            break
        kept.pop()
        outlet = outlet or credit or None
    return kept, outlet


def _credit_outlet(line: str) -> str | None:
    """'' for a credit line naming no outlet (a person), None when it is no credit line."""
    if len(line) > 200:
        return None
    for pattern in (_CONTRIBUTED, _COPYRIGHT):
        match = pattern.match(line)
        if match:
            who = _POSSESSIVE.split(match.group("who"), maxsplit=1)[0].strip(" ,")
            return _canonical(who) if _looks_like_outlet(who) else ""
    return None


def outlet_from_text(paragraphs: Sequence[str]) -> str | None:
    """The outlet named by a dateline in the lede or a closing 'X reported.'"""
    if paragraphs:
        match = _DATELINE.match(paragraphs[0])
        if match:
            return _canonical(match.group("who") or match.group("slashed"))
    for paragraph in reversed(paragraphs[-3:]):
        match = _REPORTED.search(paragraph)
        if match:
            return _canonical(match.group("who"))
    return None


def strip_dateline(text: str) -> str:
    return _PLACE_ONLY.sub("", _DATELINE.sub("", text, count=1), count=1)


def _looks_like_outlet(name: str) -> bool:
    bare = name.removeprefix("The ").strip()
    return bool(_CREDIT_WORDS.search(name)) or bare.lower() in _AGENCIES or bool(re.fullmatch(r"[A-Z]{2,6}", bare))


def _canonical(name: str) -> str:
    name = " ".join(name.split())
    return _AGENCIES.get(name.lower(), name)
