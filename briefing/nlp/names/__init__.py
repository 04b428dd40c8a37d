"""The names engine: who a name is, in one article and across a set.

Quote attribution and the status panel's actor list both ask "who is this?", so
the answer lives here, independent of either. It is rule-based on purpose: no
tagger model ships offline, and capitalisation, titles and appositive commas
carry most of the signal in wire copy.

    lexicon   the word lists (config/lexicons/quotes.yaml `names:`, titles, countries)
    mention   Mention (one place a name is written) and Entity (who it names)
    keys      name_key: when two written names are the same name; surname_keys
    runs      read_run: a capitalised run split into role, organisation and person
    roles     roles from the words around a name; gender words
    reading   MentionIndex: one article's names read into mentions
    index     NameIndex: what a pronoun, surname or title refers to in one article
    canon     canonical_names: one name per person across a set; canonical_org

Names resolve on first use: importing this package reads no lexicon.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.lazy import lazy_exports

if TYPE_CHECKING:
    from briefing.nlp.names.canon import canonical_names, canonical_org, distinct_pairs
    from briefing.nlp.names.index import NameIndex
    from briefing.nlp.names.keys import name_key, surname_keys
    from briefing.nlp.names.lexicon import name_lexicon, quote_lexicon
    from briefing.nlp.names.mention import ANON, ORG, PERSON, Entity, Mention
    from briefing.nlp.names.roles import clean_role, has_role_noun
    from briefing.nlp.names.runs import read_run

__all__ = [
    "ANON", "ORG", "PERSON", "Entity", "Mention", "NameIndex", "canonical_names", "canonical_org", "clean_role",
    "distinct_pairs", "has_role_noun", "name_key", "name_lexicon", "quote_lexicon", "read_run", "surname_keys",
]  # fmt: skip
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "ANON": "mention",
        "ORG": "mention",
        "PERSON": "mention",
        "Entity": "mention",
        "Mention": "mention",
        "NameIndex": "index",
        "canonical_names": "canon",
        "canonical_org": "canon",
        "clean_role": "roles",
        "distinct_pairs": "canon",
        "has_role_noun": "roles",
        "name_key": "keys",
        "name_lexicon": "lexicon",
        "quote_lexicon": "lexicon",
        "read_run": "runs",
        "surname_keys": "keys",
    },
)
