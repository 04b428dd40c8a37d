"""Sentence splitting: seed counts pinned, every abbreviation boundary in the seeds checked,
news abbreviations and quotations handled, spans consistent with Article.text."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.nlp.sentences import quotation_spans, segment


def _paragraphs(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _texts(text: str) -> list[str]:
    return [s.text for s in segment([text])]


AP = "000_3e8989fe0d6e2f76.txt"
PRESS_TV = "004_e496258e7dba1350.txt"


@pytest.mark.parametrize(
    ("name", "count"),
    [
        # 48 Punkt sentences, minus two boundaries inside quotations that close in the same
        # paragraph ("... the war. God protect us," ...; "... all issues? Political transition," ...)
        (AP, 46),
        # 16 sentences plus the wire code line "S/SH 11" (ingest drops it, segment does not)
        (PRESS_TV, 17),
    ],
)
def test_seed_sentence_counts(seeds_dir: Path, name: str, count: int) -> None:
    assert len(segment(_paragraphs(seeds_dir / name))) == count


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        (AP, "The move was announced on the day U.N.-backed peace talks on Syria resumed in Geneva."),
        (AP, "U.S. officials told Reuters they had no advanced warning of Putin's decision to withdraw the main "
         "part of Russian forces from Syria, nor had they seen any indications of preparations for such a withdrawal."),
        (AP, "The Russian and U.S.-brokered cease-fire that began on Feb. 27 has largely held, but both the Syrian "
         "government and its foes have accused one another of violations."),
        (AP, "The U.N. special envoy for Syria, Staffan de Mistura, who restarted peace talks between the Syrian "
         "government and the opposition in Geneva on Monday, said he had no comment on Putin's announcement when "
         "contacted by The Associated Press."),
        (AP, "Putin added that the Russian troops will continue to oversee the observance of the Russian- and "
         "U.S.-brokered cease-fire."),
        (AP, "But de Mistura, keeping to language laid out in the U.N. Security Council resolution in December that "
         "paved the way for the talks, insisted that political change, including a timetable for new elections "
         "within 18 months, is the ultimate goal."),
        (AP, "The talks began Monday with de Mistura hosting a government delegation led by Syria's U.N. "
         "ambassador, Bashar Ja'afari."),
        (AP, "His foreign minister, Walid al-Moallem, said Saturday that any talk of removing Assad during a "
         "transitional period sought by the U.N. is \"a red line,\" and rejected the international call for a "
         "presidential election to be held within 18 months — a key demand of the opposition."),
        (AP, "\"It's a surprise, like the way they entered the war. God protect us,\" Fadi Ahmad, spokesman for the "
         "First Coastal Division, a Free Syria Army group fighting in the country's northwest, told Reuters."),
        (AP, "\"What is the real issue — the mother of all issues? Political transition,\" he said."),
        (PRESS_TV, "A ceasefire agreement, brokered by Russia and the US, entered into force in Syria late last month."),
    ],
)
def test_seed_abbreviation_and_quote_boundaries(seeds_dir: Path, name: str, sentence: str) -> None:
    """Each sentence with an abbreviation (or a multi-sentence quotation) is exactly one sentence."""
    texts = [s.text for s in segment(_paragraphs(seeds_dir / name))]
    assert sentence in texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He met Gen. Martin Dempsey on Monday. Then he left.", ["He met Gen. Martin Dempsey on Monday.", "Then he left."]),
        ("Sen. John McCain said so. Gov. Andrew Cuomo agreed.", ["Sen. John McCain said so.", "Gov. Andrew Cuomo agreed."]),
        ("Lt. Col. Mark Smith did not. Dr. Ali Hassan did.", ["Lt. Col. Mark Smith did not.", "Dr. Ali Hassan did."]),
        ("Mr. Smith and Mrs. Jones met Ms. Lee.", ["Mr. Smith and Mrs. Jones met Ms. Lee."]),
        ("He flew to St. Petersburg. It was cold.", ["He flew to St. Petersburg.", "It was cold."]),
        ("He lives on Main St. The house is old.", ["He lives on Main St.", "The house is old."]),
        ("The memo was signed by Robert Jones Jr. and sent on.", ["The memo was signed by Robert Jones Jr. and sent on."]),
        ("Resolution No. 2254 was adopted.", ["Resolution No. 2254 was adopted."]),
        ("The Jan. 5 attack and the Sept. 11 attacks differ.", ["The Jan. 5 attack and the Sept. 11 attacks differ."]),
        ("The Oct. 7 attack killed 1,200 people. Nov. 24 brought a truce.",
         ["The Oct. 7 attack killed 1,200 people.", "Nov. 24 brought a truce."]),
        ("He spoke to U.S. President Joe Biden. It went well.", ["He spoke to U.S. President Joe Biden.", "It went well."]),
        ("Officials at the U.N. Security Council met.", ["Officials at the U.N. Security Council met."]),
        ("They met at 10 a.m. Monday in Washington, D.C. to talk.", ["They met at 10 a.m. Monday in Washington, D.C. to talk."]),
        # a country abbreviation CAN end a sentence; Punkt's sentence-starter logic keeps that break
        ("Sanctions were imposed by the U.S. The move angered Moscow.",
         ["Sanctions were imposed by the U.S.", "The move angered Moscow."]),
        # "no" that is not "No. 5" still ends a sentence
        ("There was no. Then more came.", ["There was no.", "Then more came."]),
    ],
)
def test_news_abbreviations(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        ("“We will fight. We will win,” he said. The end.", ["“We will fight. We will win,” he said.", "The end."]),
        ("« Nous resterons. Toujours », a-t-il dit. Fin.", ["« Nous resterons. Toujours », a-t-il dit.", "Fin."]),
        # a quotation left open (it continues in the next paragraph) merges nothing
        ('"This is the start of a quote. It runs on.', ['"This is the start of a quote.', "It runs on."]),
        # two separate quotations are two sentences
        ('"Stop." "Go."', ['"Stop."', '"Go."']),
    ],
)
def test_quotations(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_overlong_quotation_is_not_merged() -> None:
    inner = " ".join(f"Sentence number {i} is here." for i in range(30))
    texts = _texts(f'"{inner}" he said.')
    assert len(texts) > 1


def test_quotation_spans_pair_marks() -> None:
    text = 'He said "no," and “yes” then "open'
    assert quotation_spans(text) == [(8, 12), (18, 22)]


def test_spans_index_joined_text_and_paragraphs() -> None:
    paragraphs = ["First one. Second one.", "", "Third, by Gen. Smith. Fourth."]
    text = "\n".join(paragraphs)
    sentences = segment(paragraphs)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert [s.paragraph for s in sentences] == [0, 0, 2, 2]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_seed_spans_are_consistent(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        paragraphs = _paragraphs(path)
        text = "\n".join(paragraphs)
        sentences = segment(paragraphs)
        assert all(text[s.start : s.end] == s.text for s in sentences)
        assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))


def test_other_language_uses_its_model() -> None:
    assert [s.text for s in segment(["Das ist ein Satz. Und noch einer."], "german")] == [
        "Das ist ein Satz.",
        "Und noch einer.",
    ]


def test_empty_input() -> None:
    assert segment([]) == ()
    assert segment([""]) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attribution before the opening mark
        ('He said, "We found them safe. But the operation isn\'t over." Then he left.',
         ['He said, "We found them safe. But the operation isn\'t over."', "Then he left."]),
        # a stand-alone quoted passage with no speaker in the sentence stays split
        ("“We had never seen anything like this. It was obviously new.” The team left.",
         ["“We had never seen anything like this.", "It was obviously new.”", "The team left."]),
    ],
)
def test_quotations_merge_only_with_their_speaker(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crowds chanting “Down with the tyrant!” marched on the palace. Police watched.",
         ["Crowds chanting “Down with the tyrant!” marched on the palace.", "Police watched."]),
        ('The quiz show "Who Knows?" returns in May. Fans cheered.',
         ['The quiz show "Who Knows?" returns in May.', "Fans cheered."]),
        # near misses: an exclamation or question that ends the sentence still ends it
        ("“Get out!” The crowd scattered.", ["“Get out!”", "The crowd scattered."]),
        ("Will the truce hold? Nobody knows.", ["Will the truce hold?", "Nobody knows."]),
        ("Stop! iPhones were banned at the gate.", ["Stop!", "iPhones were banned at the gate."]),
    ],
)
def test_an_inner_exclamation_or_question_does_not_end_the_sentence(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected
