"""Quote extraction on small invented wire reports about other conflicts.

Each article exercises attribution patterns, quote marks and speaker resolution
that the two Syria seeds do not (or not only) contain.
"""

from __future__ import annotations

import pytest

from briefing.config import QuoteSettings
from briefing.models import Quote
from briefing.quotes.extract import extract_quotes
from briefing.quotes.ranking import key_quotes
from support.quotes import find, make_article, quotes_of


SUDAN = (
    "Sudan's army chief, Gen. Abdel Fattah al-Burhan, rejected calls for a truce on Tuesday.",
    '"We will not negotiate with those who destroyed our cities," he said in a televised speech.',
    'The Rapid Support Forces said in a statement that its fighters had "secured" the airport.',
    '"The humanitarian situation is catastrophic," said Clementine Nkweta-Salami, the U.N. humanitarian coordinator for Sudan.',
    '"We have documented at least 40 attacks on clinics," Nkweta-Salami added.',
    'Burhan said the army would "fight to the last soldier."',
    'Aid groups have struggled to reach "besieged areas" of Darfur, where the so-called "humanitarian corridors" remain closed.',
    'The Sudanese Doctors Network condemned the shelling, saying: "Hospitals must never be targets."',
    'A senior official, who asked not to be named, said: "There is no plan for a ceasefire."',
    '"We are running out of everything," he said.',
)


@pytest.fixture(scope="module")
def sudan() -> tuple[Quote, ...]:
    return quotes_of(*SUDAN)


def test_pronoun_after_quote_resolves_to_named_general(sudan) -> None:
    q = find(sudan, "We will not negotiate")
    assert q.speaker == "Abdel Fattah al-Burhan"
    assert q.cue == "said" and not q.partial


def test_inverted_said_with_appositive_role(sudan) -> None:
    q = find(sudan, "The humanitarian situation")
    assert q.speaker == "Clementine Nkweta-Salami"
    assert q.role == "U.N. humanitarian coordinator for Sudan"


def test_surname_with_added(sudan) -> None:
    q = find(sudan, "We have documented")
    assert q.speaker == "Clementine Nkweta-Salami" and q.cue == "added"


def test_partial_quote_keeps_speaker_from_surname(sudan) -> None:
    q = find(sudan, "fight to the last soldier")
    assert q.partial and q.speaker == "Abdel Fattah al-Burhan"


def test_organisation_speaks(sudan) -> None:
    assert find(sudan, "secured").speaker == "Rapid Support Forces"
    q = find(sudan, "Hospitals must never")
    assert q.speaker == "Sudanese Doctors Network" and q.cue == "saying" and not q.partial


def test_scare_quotes_are_dropped(sudan) -> None:
    texts = {q.text for q in sudan}
    assert "besieged areas" not in texts
    assert "humanitarian corridors" not in texts


def test_anonymous_speaker_is_none_and_blocks_older_names(sudan) -> None:
    q = find(sudan, "There is no plan")
    assert q.speaker is None and q.role == "senior official"
    later = find(sudan, "We are running out")
    assert later.speaker is None, "'he' refers to the unnamed official, not to al-Burhan"


UKRAINE = (
    "Ukrainian President Volodymyr Zelenskiy told reporters in Kyiv: 'We will not give up our land.'",
    "Foreign Minister Dmytro Kuleba met his European counterparts in Brussels.",
    "Russia's foreign ministry spokeswoman Maria Zakharova called the talks «a theatre of the absurd».",
    "The rebels' positions near Bakhmut didn't change, and rock 'n' roll bands from the '90s played in Kharkiv's shelters.",
    '"This is a turning point," Kuleba told Reuters. "We need more air defence systems."',
    'The Kremlin said the strikes were "a response to terrorist attacks" on Russian territory.',
    "'We are not leaving,' said Olena Kovalenko, a resident of Kharkiv.",
    "Zelenskiy spoke to reporters after the meeting and said:",
    '"We expect decisions from our partners, not words."',
)


@pytest.fixture(scope="module")
def ukraine() -> tuple[Quote, ...]:
    return quotes_of(*UKRAINE)


def test_single_quotes_as_quotation_marks(ukraine) -> None:
    q = find(ukraine, "We will not give up")
    assert q.speaker == "Volodymyr Zelenskiy" and q.role == "Ukrainian President" and not q.partial
    q = find(ukraine, "We are not leaving")
    assert q.speaker == "Olena Kovalenko" and q.role == "resident of Kharkiv"


def test_apostrophes_are_not_quotes(ukraine) -> None:
    assert not [q for q in ukraine if "Bakhmut" in q.text or q.text in {"n", "90s", "positions near Bakhmut didn"}]


def test_guillemets(ukraine) -> None:
    q = find(ukraine, "a theatre of the absurd")
    assert q.speaker == "Maria Zakharova" and q.partial


def test_told_reuters_and_continuation_sentence(ukraine) -> None:
    assert find(ukraine, "This is a turning point").speaker == "Dmytro Kuleba"
    assert find(ukraine, "We need more air defence").speaker == "Dmytro Kuleba"


def test_organisation_partial(ukraine) -> None:
    assert find(ukraine, "a response to terrorist attacks").speaker == "Kremlin"


def test_colon_lead_in_paragraph(ukraine) -> None:
    assert find(ukraine, "We expect decisions").speaker == "Volodymyr Zelenskiy"


GAZA = (
    "The World Health Organization's chief, Tedros Adhanom Ghebreyesus, described the situation at the hospital as dire.",
    '"The hospital is no longer functioning. Patients are dying because there is no fuel.',
    '"We call on all parties to allow safe passage for medical supplies," he said.',
    "Israel's military said in a statement that the compound had been used by militants, a claim Hamas denies.",
    'According to the Gaza health ministry, "more than 200 patients remain inside."',
    '"Nobody is safe here," a doctor told The Associated Press.',
    "Fighting continued overnight in the north of the strip.",
    '"The night was the worst we have seen."',
)


@pytest.fixture(scope="module")
def gaza() -> tuple[Quote, ...]:
    return quotes_of(*GAZA)


def test_multi_paragraph_quote_is_one_quote(gaza) -> None:
    q = find(gaza, "The hospital is no longer functioning")
    assert "Patients are dying" in q.text and "safe passage for medical supplies" in q.text
    assert q.speaker == "Tedros Adhanom Ghebreyesus" and not q.partial
    assert not [x for x in gaza if x.text.startswith("We call on all parties")]


def test_according_to(gaza) -> None:
    q = find(gaza, "more than 200 patients")
    assert q.speaker == "Gaza health ministry" and q.cue == "according to"


def test_unnamed_doctor_and_unattributed_quote_have_no_speaker(gaza) -> None:
    q = find(gaza, "Nobody is safe here")
    assert q.speaker is None and q.role == "doctor"
    q = find(gaza, "The night was the worst")
    assert q.speaker is None and q.cue is None


MYANMAR = (
    "Myanmar's military extended the state of emergency on Monday, state media reported.",
    '"The military has failed the people of Myanmar," the National Unity Government\'s statement read.',
    'The U.N. special envoy on Myanmar, Julie Bishop, said she was "deeply concerned" by the extension.',
    '"Dialogue is the only way forward," the envoy said.',
    '"We reject this sham extension," read a statement released by the Arakan Army.',
    "Ethiopian Prime Minister Abiy Ahmed, speaking separately in Addis Ababa, said \"The region needs calm.\"",
)


@pytest.fixture(scope="module")
def myanmar() -> tuple[Quote, ...]:
    return quotes_of(*MYANMAR)


def test_possessive_statement_read(myanmar) -> None:
    q = find(myanmar, "The military has failed")
    assert q.speaker == "National Unity Government" and q.cue == "read"


def test_title_refers_back_to_named_envoy(myanmar) -> None:
    q = find(myanmar, "deeply concerned")
    assert q.speaker == "Julie Bishop" and q.partial and q.role == "U.N. special envoy on Myanmar"
    assert find(myanmar, "Dialogue is the only way").speaker == "Julie Bishop"


def test_statement_released_by(myanmar) -> None:
    assert find(myanmar, "We reject this sham").speaker == "Arakan Army"


def test_said_without_colon(myanmar) -> None:
    q = find(myanmar, "The region needs calm")
    assert q.speaker == "Abiy Ahmed" and q.role == "Ethiopian Prime Minister" and not q.partial


def test_same_quote_in_two_reports_is_merged() -> None:
    a = make_article(
        "Sudan's army chief, Gen. Abdel Fattah al-Burhan, spoke on Tuesday.",
        '"We will never accept a cease-fire that rewards the militia for its crimes against civilians," he said.',
    )
    b = make_article(
        "Gen. Abdel Fattah al-Burhan addressed troops in Port Sudan.",
        "“We will never accept a ceasefire that rewards the militia for its crimes,” Burhan said.",
    )
    quotes = extract_quotes([a, b], QuoteSettings())
    merged = [q for q in quotes if q.text.startswith("We will never accept")]
    assert len(merged) == 1
    assert set(merged[0].articles) == {a.id, b.id}
    assert merged[0].speaker == "Abdel Fattah al-Burhan"
    assert len(merged[0].locations) == 2


def test_different_speakers_are_not_merged() -> None:
    a = make_article('Foreign Minister Dmytro Kuleba said: "We are ready for talks."')
    b = make_article('Foreign Minister Sergei Lavrov said: "We are ready for talks."')
    quotes = extract_quotes([a, b], QuoteSettings())
    assert sorted(q.speaker for q in quotes) == ["Dmytro Kuleba", "Sergei Lavrov"]


def test_ranking_and_key_quote_limits() -> None:
    articles = [make_article(*SUDAN), make_article(*UKRAINE), make_article(*GAZA)]
    quotes = extract_quotes(articles, QuoteSettings())
    scores = [q.score for q in quotes]
    assert scores == sorted(scores, reverse=True)
    keys = key_quotes(quotes, QuoteSettings(max=4, min_words=4))
    assert len(keys) == 4
    assert all(len(q.text.split()) >= 4 for q in keys)
    assert all(q.speaker is not None or not q.partial for q in keys)


def test_cue_verbs_setting_overrides_lexicon() -> None:
    paragraphs = ('"We will hold the line," the commander Ivan Petrenko declared.',)
    assert find(quotes_of(*paragraphs), "We will hold").speaker == "Ivan Petrenko"
    custom = extract_quotes([make_article(*paragraphs)], QuoteSettings(cue_verbs=("said",)))
    assert find(custom, "We will hold").speaker is None


def test_no_quotes_and_empty_input() -> None:
    assert extract_quotes([], QuoteSettings()) == ()
    assert quotes_of("Shelling continued in Kharkiv overnight.") == ()


def test_cue_in_the_following_sentence() -> None:
    quotes = quotes_of(
        "Army spokesman Brig. Gen. Nabil Abdallah spoke at a news conference in Port Sudan.",
        '"We will retake every village in Gezira." He said the offensive would begin within days.',
    )
    assert find(quotes, "We will retake").speaker == "Nabil Abdallah"


def test_outlet_relaying_keeps_the_named_speaker() -> None:
    quotes = quotes_of(
        "Interior Minister Anupong Paojinda said rain was forecast \"in the next few days\", the Bangkok Post reported.",
    )
    assert find(quotes, "in the next few days").speaker == "Anupong Paojinda"


def test_hyphenated_given_names_are_names() -> None:
    quotes = quotes_of('U.N. Secretary-General Ban Ki-moon called the shelling "unacceptable and unjustified."')
    q = find(quotes, "unacceptable")
    assert q.speaker == "Ban Ki-moon" and q.role == "U.N. Secretary-General"


def test_issued_a_statement_introduces_a_quote() -> None:
    quotes = quotes_of(
        "Later on Tuesday, Yasmin Haddad, a spokeswoman for the Lebanese Red Cross, issued a statement: "
        '"Our teams cannot reach the southern villages."'
    )
    q = find(quotes, "Our teams cannot reach")
    assert q.speaker == "Yasmin Haddad" and q.role == "spokeswoman for the Lebanese Red Cross"


def test_titles_and_nicknames_are_not_quotes() -> None:
    quotes = quotes_of(
        'Mohammed "Abu Ali" Hassan told the BBC\'s "Newsnight" programme that the siege would end.',
        'The film "Return to Homs" was shown in Geneva.',
    )
    assert quotes == ()
