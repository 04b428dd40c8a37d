"""Attributions, and the shapes of the words around a cue that tell who speaks.

Plain functions on strings (no article state), shared by the readers of subject
phrases, of cue subjects and of cue shapes: is this an opener ("Earlier in the
day,"), a title before a name ("Russian President"), an unnamed speaker ("one
security source"), a role fit to print (`tidy_role`)?
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from briefing.nlp.names.lexicon import name_lexicon, reporting_verb_pattern
from briefing.nlp.names.mention import ANON, DETERMINERS, PRONOUNS, Mention
from briefing.nlp.names.roles import HONORIFICS, ROLE_MODIFIERS, has_role_noun
from briefing.nlp.titles import dotted_abbreviations
from briefing.quotes.evidence import DESCRIPTION, NAMED, SPOKESPERSON

_ADVERBIAL_OPENERS = frozenset(
    """after before in on at as when while during following speaking asked despite with since
    although though because if earlier later meanwhile however but and yet still separately
    addressing writing responding announcing commenting talking from under by for according where whereas""".split()
)


AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|do|does|did)\b")


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None
    role: str | None
    cue: str | None
    kind: str | None  # person | org | anon | None
    how: str | None = None  # the kind of evidence that names the speaker (quotes/evidence.py)


NOBODY = Attribution(None, None, None, None)


def with_cue(att: Attribution, cue: str) -> Attribution:
    return replace(att, cue=cue)


def with_how(att: Attribution, how: str) -> Attribution:
    """The same attribution, known by other evidence ("he" -> pronoun); nobody stays nobody."""
    return replace(att, how=how) if att.speaker else att


def from_mention(m: Mention) -> Attribution:
    if m.entity is None:
        return Attribution(None, None, None, ANON)
    how = DESCRIPTION if m.reference else SPOKESPERSON if m.kind == ANON else NAMED
    return Attribution(m.entity.name, m.entity.role, None, m.entity.kind, how)


# A role is a noun phrase: a relative pronoun, an auxiliary or a speech verb starts a clause
# that the reader of a role cut short ("chairman of the committee which has pressed ...",
# "the Russian plan is aimed"), and so does a sentence break glued on by the feed.
@lru_cache(maxsize=1)
def clause_start() -> re.Pattern[str]:
    """Where a clause starts: a relative pronoun, an auxiliary, a plain speech verb (the
    names engine's one list), a subject pronoun, or a sentence break."""
    return re.compile(
        r"\b(?:who|whom|whose|which|that|is|are|was|were|be|been|being|has|have|had|will|would|can|could|"
        r"shall|should|may|might|must|do|does|did|he|she|they|we)\b"
        rf"|{reporting_verb_pattern()}"
        r"|[.!?](?=[\s\"“”'‘’-]*[A-Z-])"
    )


_DANGLING = re.compile(
    r"(?:[\s,;:—–-]|\b(?:and|or|but|the|a|an|of|for|to|at|in|on|as|since|after|before|when|while|because|if)\b)+$"
)


def tidy_role(role: str | None, text: str) -> str | None:
    """A role fit to print after a name: the noun phrase before any clause, with its title's dot.

    A role that is only a clause fragment ("Russian plan is aimed") is no role: None.
    "Gov" cut from "Chiang Rai Gov. Narongsak ..." gets its dot back when the article
    writes it so; "Lt Gen" written without dots stays as written.
    """
    if not role or not role.strip():
        return None
    cut = role
    for m in clause_start().finditer(role):
        if m.group() == "." and abbreviated(role[: m.end()]):
            continue  # "Lt. Gen", "U.N. envoy": the dot belongs to the word
        cut = role[: m.start()]
        break
    if cut != role:
        cut = re.sub(_DANGLING, "", cut).strip()
        if not cut or not has_role_noun(cut):
            return None  # no role noun before the clause: a fragment, not a description
    last = cut.split()[-1]
    if last + "." in dotted_titles() and cut + "." in text:
        cut += "."
    return cut


@lru_cache(maxsize=1)
def dotted_titles() -> frozenset[str]:
    return frozenset(dotted_abbreviations())


def abbreviated(upto: str) -> bool:
    """The dot ending `upto` closes an abbreviation ("Gen.", "U.N.", "Lt."), not a sentence."""
    word = upto.split()[-1] if upto.split() else ""
    return word in dotted_titles() or bool(re.fullmatch(r"(?:[A-Za-z]\.)+", word)) or word in {"St.", "Jr.", "Sr."}


def paragraph_starts(paragraphs: Sequence[str]) -> list[int]:
    out, pos = [], 0
    for p in paragraphs:
        out.append(pos)
        pos += len(p) + 1
    return out


def first_word(text: str) -> str:
    words = text.strip().split()
    return words[0].lower().strip(",") if words else ""


_CONJUNCTIONS = frozenset({"but", "and", "yet", "so"})


def starts_adverbial(chunk: str) -> bool:
    """"Earlier in the day", "But after the attack": an opener; "But Maj. Hammoud" is a subject."""
    words = chunk.strip().split()
    if len(words) > 1 and words[0].lower() in _CONJUNCTIONS:
        words = words[1:]
    return bool(words) and words[0].lower().strip(",") in _ADVERBIAL_OPENERS


def only_adverbial(prefix: str) -> bool:
    """True when the words before a mention are just an opener: "", "But", "Earlier in the day,"."""
    p = prefix.strip()
    if not p:
        return True
    if p.endswith(",") and starts_adverbial(p) or p.lower() in {"but", "and", "yet", "so", "meanwhile,"}:
        return True
    return p.lower() in {"the", "a", "an"}


def heading(content: str, after: str) -> bool:
    """No punctuation inside the closing mark nor after it, and a new capitalised sentence
    runs on: a sub-heading or caption in quotation marks, which nobody said."""
    if content.rstrip()[-1:] in ".,!?…:;—–-)" or not after.strip():
        return False
    nxt = after.lstrip()
    return nxt[:1].isupper()


def noun_key(noun: str) -> str:
    low = noun.lower()
    return low[:-1] if low.endswith("s") else low


FUNCTION_WORDS = frozenset("and that but or which who when while as if of to in on at for with by from than then".split())


def role_opening(text: str) -> bool:
    """"spokesman Nabil Abdallah", "militia spokesman Willy Ngoma": a lowercase role opens the subject."""
    words = [w.lower().strip(",") for w in text.split()[:2]]
    if not words or words[0] in FUNCTION_WORDS:
        return False
    return has_role_noun(words[0]) is not None or len(words) > 1 and has_role_noun(words[1]) is not None


def titled(prefix: str) -> bool:
    """An opener then only titles before the name: "Ms.", "On Monday, Russian President"."""
    head, _, tail = prefix.rpartition(",")
    if head and not only_adverbial(head + ","):
        return False
    return title_words(tail if head else prefix)


def title_words(text: str) -> bool:
    """"Ms.", "Russian President", "'s army chief, Gen.": words that only describe the name after them."""
    words = [w.strip(",") for w in re.sub(r"['’]s\b", "", text).split()]
    words = [w for w in words if w]
    if not words or len(words) > 8:
        return False
    lex = name_lexicon()

    def describes(w: str) -> bool:
        low = w.lower()
        noun = low.rstrip(".")
        plural_noun = noun.endswith("s") and noun[:-1] in lex.role_nouns  # "advisers"
        return w[:1].isupper() or low in lex.titles or noun in lex.role_nouns or plural_noun or low in ROLE_MODIFIERS

    honorific_only = all(w.lower().rstrip(".") in HONORIFICS for w in words)
    return all(describes(w) for w in words) and (honorific_only or has_role_noun(text) is not None)


def without_trailing_titles(text: str) -> str:
    """"a top adviser to President ": the title belongs to the name after it, so the
    link word ("to") is what ends the description of the proxy."""
    lex = name_lexicon()
    words = text.rstrip().split(" ")
    while len(words) > 1 and words[-1][:1].isupper():
        low = words[-1].lower().rstrip(".")
        if not (low in lex.titles or low + "." in lex.titles or low in lex.role_nouns or low in ROLE_MODIFIERS):
            break
        words.pop()
    return " ".join(words) + " " if len(words) < len(text.rstrip().split(" ")) else text


QUANTIFIERS = frozenset("another one two three several some many other few".split())


def indefinite(words: list[str]) -> Attribution | None:
    """"another relative of one of the boys", "one security source": somebody unnamed.

    Read as such so that a quotation this subject speaks is not handed to a name from
    the sentences around it.
    """
    first = words[0].lower()
    if first not in QUANTIFIERS or len(words) < 2 or len(words) > 8:
        return None
    if any(w[:1].isupper() for w in words[1:]) or AUXILIARY.search(" ".join(words).lower()):
        return None
    return Attribution(None, " ".join([first, *words[1:]]).strip(" ,"), None, ANON)


def is_coordination(core: str) -> bool:
    words = core.strip().rstrip(",").split()
    return not words or words[-1].lower() in {"and", "but", "or", "then", "also"}


def strip_trailing_skips(left: str) -> str:
    skips = name_lexicon().skip_words
    words = left.rstrip().split(" ")
    while words and words[-1].lower().strip(",") in skips:
        words.pop()
    return " ".join(words)


def plausible_subject_start(text: str) -> bool:
    """The words between a closing mark and a cue can be a subject: "he", "X, role,", "the envoy"."""
    first = first_word(text)
    if not first:
        return False
    if first in DETERMINERS or first in QUANTIFIERS or first in PRONOUNS or role_opening(text):
        return True  # "he", "the envoy", "turnpike spokesman Carl DeFebo"
    word = text.strip().split()[0]
    lex = name_lexicon()
    particle = word.split("-")[0].lower() in lex.hyphen_particles and "-" in word or first in lex.particles
    return word[:1].isupper() or particle  # "al-Atta said", "de Mistura said"


_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Gen|Col|Sen|Rep|Gov|Maj|Capt|Sgt|Adm|Brig|Lt|Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Rev))$")


def phrase_end(text: str, start: int, limit: int) -> int:
    """Where the subject after an inverted cue ends: the sentence end or a new quotation."""
    for m in re.finditer(r"[.;!?](?=\s|$)|[\"“”«]|\n", text[start:limit]):
        if m.group() == "." and (
            _ABBREVIATION.search(text[start : start + m.start()]) or abbreviated(text[start : start + m.start() + 1])
        ):
            continue  # "Gen.", "Sens.": the dot belongs to a title
        return min(start + m.start(), start + 300)
    return min(limit, start + 300)


def starts_with_role(chunk: str) -> bool:
    """"professor of neuroscience at Lancaster University": a description of the name before it."""
    words = [w.lower().strip(".,") for w in chunk.split()[:4]]
    while words and (words[0] in DETERMINERS or words[0] in {"former", "senior", "chief", "deputy", "top"}):
        words = words[1:]
    return bool(words) and has_role_noun(words[0]) is not None
