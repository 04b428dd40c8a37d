"""Language building blocks every product shares: sentences, words, titles and names.

    sentences  segment(text): offline Punkt sentences with character spans;
               quotation_spans (a sentence break never splits a quotation)
    words      word_tokens, and the tokenizer and document model sumy is given
    titles     title_lexicon: person titles and honorifics ("Defence Minister", "Gen.", "Mr"),
               one list for quote speakers and the actor list
    names      the names engine: who a name, surname, title or pronoun refers to in one
               article (NameIndex), and one canonical name per person across a set

Names resolve on first use: the TUI imports this package before its first screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.lazy import lazy_exports

if TYPE_CHECKING:
    from briefing.nlp.names.canon import canonical_names
    from briefing.nlp.names.index import NameIndex
    from briefing.nlp.sentences import quotation_spans, segment
    from briefing.nlp.titles import title_lexicon
    from briefing.nlp.words import word_tokens

__all__ = ["NameIndex", "canonical_names", "quotation_spans", "segment", "title_lexicon", "word_tokens"]
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "NameIndex": "names.index",
        "canonical_names": "names.canon",
        "quotation_spans": "sentences",
        "segment": "sentences",
        "title_lexicon": "titles",
        "word_tokens": "words",
    },
)
