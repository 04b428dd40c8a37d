"""Shapes of speech cues met on real piles: channels after a name, who issued a statement,
an embassy named with its seat, a state after a city. Invented reports; near misses included."""

from __future__ import annotations

from support.quotes import find, quotes_of


def test_opined_is_a_speech_verb() -> None:
    quotes = quotes_of('"The minister is wrong to stay silent," Karl Brenner opined on Sunday.')
    assert find(quotes, "The minister is").speaker == "Karl Brenner"


def test_a_channel_after_the_name_is_circumstance() -> None:
    quotes = quotes_of(
        '"Everything said about the attack is a lie," said Information Minister Samir Haddad on state TV.',
        'Deputy Minister Lina Karam in a Twitter posting said the raid was "an attack on all of us."',
        'Opposition leader Omar Saleh on Facebook called the vote "a farce."',
    )
    assert find(quotes, "Everything said").speaker == "Samir Haddad"
    assert find(quotes, "an attack on all").speaker == "Lina Karam"
    assert find(quotes, "a farce").speaker == "Omar Saleh"


def test_who_obtained_a_statement_did_not_issue_it() -> None:
    quotes = quotes_of(
        "The Embassy of Norland in Vienna said in a statement obtained by Channel Nine that the crowd had left.",
        '"No staff were hurt in the incident," the statement said.',
    )
    assert find(quotes, "No staff were").speaker == "Embassy of Norland in Vienna"


def test_a_statement_released_by_an_organisation_is_its_own() -> None:
    quotes = quotes_of('"We condemn the raid," read a statement released by the Northern Council.')
    assert find(quotes, "We condemn the").speaker == "Northern Council"


def test_an_embassy_is_named_with_its_seat() -> None:
    quotes = quotes_of(
        "The Norland embassy in Vienna had issued a statement during the day.",
        '"We reject violence in every form," the embassy said in the statement.',
    )
    assert find(quotes, "We reject violence").speaker == "Norland embassy in Vienna"


def test_a_state_after_a_city_is_not_the_subject() -> None:
    quotes = quotes_of('The Ministry of Ports in Washington, D.C. said the ships "will sail on time."')
    assert find(quotes, "will sail on").speaker == "Ministry of Ports"


def test_an_organisation_in_a_city_keeps_its_own_name() -> None:
    quotes = quotes_of('The Council for Refugees in Geneva said the camps were "full beyond measure."')
    assert find(quotes, "full beyond").speaker == "Council for Refugees"


def test_remembered_is_a_speech_verb() -> None:
    quotes = quotes_of('"We thought it would never stop," remembered Kate Garlan. "You think you will be hit again."')
    assert find(quotes, "We thought it").speaker == "Kate Garlan"
    assert find(quotes, "You think you").speaker == "Kate Garlan"


def test_a_documents_words_are_nobodys_speech() -> None:
    quotes = quotes_of(
        "Robert Hale was charged in 2009.",
        "Hale told the girl 'to keep what he had done a secret,' but she told her aunt, the lawsuit said.",
    )
    assert find(quotes, "to keep what").speaker is None


def test_calling_oneself_a_name_is_no_speech() -> None:
    quotes = quotes_of(
        "Rapper Dan Morrow, who calls himself Fyre and has paid a vendor to log into his account and "
        '"follow" other people, said it works.'
    )
    assert all(q.speaker is None for q in quotes if q.text.startswith("follow"))


def test_who_was_quoted_as_saying_is_the_speaker() -> None:
    quotes = quotes_of(
        "Trade Minister Anna Berg spoke on Sunday.",
        "Berg had a plan for the board: “I don’t want a weaker board if we can remove it altogether,” she was "
        "quoted by the Daily Post as saying.",
    )
    assert find(quotes, "I don’t want").speaker == "Anna Berg"


def test_who_was_told_is_not_the_speaker() -> None:
    quotes = quotes_of(
        "Trade Minister Anna Berg spoke on Sunday.",
        "Berg came back from the meeting: “You will be replaced within the month,” she was told by the lenders.",
    )
    assert find(quotes, "You will be").speaker != "Anna Berg"


def test_a_description_then_the_name_after_an_inverted_cue() -> None:
    quotes = quotes_of(
        "Tali Weiss was banned from campus.",
        '"I think it made her feel unwelcome," says Weiss\'s mother, Dalia.',
        '"We will return," said Norland\'s foreign minister, Ahmed Omar.',
        '"We will not stop," said the group\'s spokesman, Capt. Karim Nassar.',
    )
    assert find(quotes, "I think it").speaker == "Dalia"
    assert find(quotes, "I think it").role == "Weiss's mother"
    assert find(quotes, "We will return").speaker == "Ahmed Omar"
    assert find(quotes, "We will not").speaker == "Karim Nassar"


def test_a_description_then_no_name_after_an_inverted_cue_names_nobody() -> None:
    quotes = quotes_of(
        "Omar Saleh was held for a week.",
        '"He will appeal," said Saleh\'s lawyer, in a statement.',
        '"The court erred," said the family\'s lawyer, Cairo-based and outspoken.',
    )
    assert find(quotes, "He will appeal").speaker is None
    assert find(quotes, "The court erred").speaker is None


def test_said_name_colon_closing_a_paragraph_introduces_the_next_one() -> None:
    quotes = quotes_of(
        'Tellingly, Sen. Karl Brenner, the top Republican, avoided criticizing the mayor, obeying the rule that '
        '"politics stops at the city line." Said Brenner:',
        '"Among the things we can all agree on is that attacks will be met with resolve."',
    )
    assert find(quotes, "Among the things").speaker == "Karl Brenner"


def test_said_as_a_first_name_before_a_colon_is_no_lead_in() -> None:
    quotes = quotes_of(
        "The talks resumed on Monday. The envoys met Said Jalili and Karl Brenner:",
        '"Among the things we can all agree on is that attacks will be met with resolve."',
    )
    assert find(quotes, "Among the things").speaker is None


def test_the_speaker_after_the_rest_of_the_quoted_sentence() -> None:
    quotes = quotes_of(
        "Former officials say the militia could strike back.",
        "“It is likely that state-backed hackers could seek to retaliate” against Western interests, Karl Brenner, "
        "a former secretary of Homeland Security, told the Daily Post on Wednesday.",
    )
    assert find(quotes, "It is likely").speaker == "Karl Brenner"


def test_a_name_in_the_rest_of_the_quoted_sentence_is_not_the_speaker() -> None:
    quotes = quotes_of(
        "Former officials say the militia could strike back.",
        "“It is likely that hackers could seek to retaliate” against Karl Brenner, officials said.",
    )
    assert find(quotes, "It is likely").speaker is None


def test_an_organisation_relaying_the_person_who_introduced_the_quote() -> None:
    quotes = quotes_of(
        "Norland joined the strikes.",
        'Defense Secretary Karl Brenner said, "Norland supports the strikes launched last night," the Defense '
        "Ministry said on Twitter.",
    )
    assert find(quotes, "Norland supports").speaker == "Karl Brenner"


def test_an_organisation_after_a_quote_not_introduced_by_a_person_speaks() -> None:
    quotes = quotes_of(
        "Norland joined the strikes.",
        'Karl Brenner spoke on Monday. "Norland supports the strikes launched last night," the Defense Ministry '
        "said on Twitter.",
    )
    assert find(quotes, "Norland supports").speaker == "Defense Ministry"


def test_sums_up_introduces_a_quotation() -> None:
    quotes = quotes_of(
        "Some details have yet to be spelled out. But the BBC sums up the news this way:",
        '"The mayor has agreed to an early election as part of a deal."',
    )
    assert find(quotes, "The mayor has").speaker == "BBC"


def test_the_name_a_speaker_gave_is_the_speaker() -> None:
    quotes = quotes_of(
        "A resident of Tal Saba said one of the bombs hit a post. The resident, who gave his name as Samir, said "
        'the road was packed with families fleeing "to get away from the bombing."',
        '"People fled and left everything behind," he said in a text message.',
    )
    assert find(quotes, "to get away").speaker == "Samir"
    assert find(quotes, "People fled").speaker == "Samir"


def test_a_name_given_to_someone_else_is_no_speaker() -> None:
    quotes = quotes_of('A woman who gave her name to police said she "had nothing left."')
    assert find(quotes, "had nothing").speaker is None


def test_a_cue_after_a_finished_quotation_that_reports_its_own_clause_is_not_its_speaker() -> None:
    """`"... headquarters. "Adm. Lee, the spokesman, said that he can confirm new strikes today.`
    (a mark misplaced by the page): the quotation ended with its full stop, and the next sentence
    reports what Lee said in its own words ('said that ...'): the quotation is not Lee's."""
    quotes = quotes_of(
        "Officials confirmed new strikes, correspondent Dana Field told listeners.",
        '"We know some of the targets are fuel depots near the river. "Rear Adm. Jon Lee, the navy spokesman, '
        'said that he can confirm partner forces are carrying out more strikes today. No detail yet, more later."',
    )
    assert find(quotes, "We know some").speaker != "Jon Lee"


def test_a_cue_after_a_quotation_closed_with_a_comma_is_its_speaker() -> None:
    quotes = quotes_of('"We know some of the targets are fuel depots near the river," Rear Adm. Jon Lee, the navy spokesman, said.')
    assert find(quotes, "We know some").speaker == "Jon Lee"


def test_a_short_attribution_after_a_finished_quotation_still_names_its_speaker() -> None:
    quotes = quotes_of('"The convoy will move at dawn." Jon Lee, the navy spokesman, said in a statement.')
    assert find(quotes, "The convoy will").speaker == "Jon Lee"
