"""sumy's LSA made independent of the string-hash seed, and its weighting vectorised.

sumy numbers the words (the matrix rows) by iterating a frozenset, whose
order follows the per-process string hash. The singular values do not depend
on row order, but their floating-point rounding does, and LSA's sentence
scores are close enough that the ranking of the seeds changed between runs.
Here rows are numbered in first-occurrence order. The maximum-tf weighting
sumy applies cell by cell in Python (half a second on a long article) is the
same formula in one numpy expression. Everything else is sumy's.
"""

from __future__ import annotations

import numpy as np
from sumy.models.dom import ObjectDocumentModel
from sumy.summarizers.lsa import LsaSummarizer


class StableLsaSummarizer(LsaSummarizer):  # type: ignore[misc]  # sumy ships no types
    """LsaSummarizer with a deterministic word numbering."""

    def _create_dictionary(self, document: ObjectDocumentModel) -> dict[str, int]:
        words = (word.lower() for word in document.words)
        stems = dict.fromkeys(self.stem_word(w) for w in words if w not in self._stop_words)
        return {stem: row for row, stem in enumerate(stems)}

    def _compute_term_frequency(self, matrix: np.ndarray, smooth: float = 0.4) -> np.ndarray:
        assert 0.0 <= smooth < 1.0
        peaks = np.max(matrix, axis=0)
        used = peaks != 0  # an all-zero column (no counted word) stays zero, as in sumy
        matrix[:, used] = smooth + (1.0 - smooth) * (matrix[:, used] / peaks[used])
        return matrix
