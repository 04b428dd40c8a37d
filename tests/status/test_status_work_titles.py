"""Film, video and book titles the actor list leaves out: read only where a work is named.

Every text here is invented for the test.
"""

from __future__ import annotations

from briefing.status.actors import work_titles


def test_work_titles_are_read_only_where_a_work_is_named() -> None:
    assert work_titles("Protesters gathered after a film called Silent Harbour, was posted online.") == {"silent harbour"}
    assert work_titles("The “Last Convoy” video spread quickly, officials said.") == {"last convoy"}
    assert work_titles("The book, “Winter Roads,” was banned.") == {"winter roads"}
    # near misses: the word inside another word, or no work at all
    assert work_titles("Crews filmed the “Northern Gate” crossing as refugees waited.") == set()
    assert work_titles("The “Northern Gate” crossing reopened on Monday.") == set()
