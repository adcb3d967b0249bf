"""Who speaks, as the article describes them: long official titles, a scene before the
subject, the codebook's words for a party inside a title."""

from __future__ import annotations

import pytest

from store.codebook import default_codebook_path, load_codebook
from store.extract.gender import name_gender
from store.extract.quotes import extract_quotes
from store.extract.sentences import split_sentences


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(default_codebook_path())


def attributed(text: str, codebook) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.party) for q in extract_quotes(text, split_sentences(text), codebook)]


def test_a_title_with_a_for_complement_is_not_part_of_the_name_and_gives_the_party(codebook):
    text = (
        "Ukraine's Parliamentary Commissioner for Human Rights Dmytro Lubinets reported that "
        'prisoners had lost weight. "Every case will be documented and passed on," '
        "Lubinets stated."
    )
    assert attributed(text, codebook) == [("Dmytro Lubinets", "ukraine")]


def test_a_scene_before_the_phrase_the_preposition_belongs_to_stays_no_title(codebook):
    text = (
        "Reporters met at a press conference in Kyiv with Finnish Foreign Minister Elina "
        'Lahti. "We stand with Ukraine on every point," Lahti said.'
    )
    assert attributed(text, codebook) == [("Elina Lahti", "europe")]


def test_a_regional_military_administration_is_ukrainian_not_the_us_administration(codebook):
    text = (
        '"They are hitting the grid on purpose, right in the middle of winter," Ivan Petrenko, '
        "head of the Poltava regional military administration, told reporters."
    )
    assert attributed(text, codebook) == [("Ivan Petrenko", "ukraine")]


def test_he_is_the_unnamed_person_a_scene_setting_sentence_is_about(codebook):
    text = (
        "Foreign Minister Andrii Sybiha said the talks would go on.\n\n"
        "On a snowy road outside the city, a soldier with a drone unit, who asked to be "
        "identified only by his call sign, stamped his feet to stay warm.\n\n"
        '"Every time they talk about a cease-fire, they push harder here," he said.'
    )
    assert [speaker for speaker, _ in attributed(text, codebook)] == ["soldier"]


def test_she_is_the_woman_named_before_when_the_last_person_named_is_a_man(codebook):
    text = (
        '"We hear on the radio that they are talking about peace," Olena Kravets, a retired '
        "teacher, told reporters.\n\n"
        '"People are tired, but they are not ready to give away land," said Serhiy Bondar, '
        "who runs one of the cafés.\n\n"
        'For now, the candle burns down. "We will live," she says.'
    )
    assert [speaker for speaker, _ in attributed(text, codebook)] == [
        "Olena Kravets", "Serhiy Bondar", "Olena Kravets"]


def test_he_stays_the_last_person_when_no_first_name_says_otherwise(codebook):
    text = (
        '"We are ready," Olena Kravets told reporters.\n\n'
        '"The text is not final," said Jean Dupont, an adviser.\n\n'
        '"We will see," he added.'
    )
    assert [speaker for speaker, _ in attributed(text, codebook)][-1] == "Jean Dupont"


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Olena Kravets", "f"),
        ("Kaja Kallas", "f"),
        ("Mette Frederiksen", "f"),
        ("Mykola Bielieskov", "m"),
        ("Andrii Sybiha", "m"),
        ("Giorgio Rossi", "m"),
        ("Keir Starmer", "m"),
        ("Ms. Dupont", "f"),
        ("Kallas", None),  # a surname alone says nothing
        ("U.S. official", None),
        ("Jean Dupont", None),
        ("Mao Ning", None),  # a family name written first, not a man's "-o" name
        ("Wang Yi", None),
    ],
)
def test_a_first_name_says_the_gender_only_where_it_is_clear(name, gender):
    assert name_gender(name) == gender


def test_a_dateline_before_a_first_naming_is_not_the_persons_title(codebook):
    text = (
        "ZAPORIZHZHIA, Ukraine — The generator outside Olena Kravets's apartment block coughs "
        'to life.\n\n"We hear on the radio that they are talking about peace," Kravets, a '
        "retired schoolteacher, told reporters."
    )
    assert attributed(text, codebook) == [("Olena Kravets", None)]


def test_a_name_after_a_lower_case_title_opening_the_sentence_is_its_subject(codebook):
    text = (
        "Foreign Minister Andrii Sybiha spoke in Kyiv on Monday.\n\n"
        "Ukrainian lawmaker Oleksiy Goncharenko spoke later.\n\n"
        '"We will not give up any land at all," the lawmaker said.'
    )
    assert attributed(text, codebook) == [("Oleksiy Goncharenko", "ukraine")]


def test_the_mp_is_the_member_of_parliament_just_named(codebook):
    text = (
        "Foreign Minister Andrii Sybiha spoke in Kyiv on Monday.\n\n"
        "Member of the Verkhovna Rada Committee on National Security Oleksandr Merezhko "
        "emphasized that the parliament would not ratify it. \"No Rada will vote for the "
        'legalization of the occupation," the MP said.'
    )
    assert attributed(text, codebook) == [("Oleksandr Merezhko", "ukraine")]


def test_a_two_word_place_in_a_title_is_not_part_of_the_name(codebook):
    text = (
        "Ukraine's Ambassador to the United States Olha Stefanishyna spoke on Monday. "
        '"Every system delivered now is a guarantee," Stefanishyna said.'
    )
    assert attributed(text, codebook) == [("Olha Stefanishyna", "ukraine")]


def test_the_hungarian_minister_is_the_hungarian_minister_just_named(codebook):
    text = (
        'Foreign Minister Andrii Sybiha said: "We need the money now."\n\n'
        '"We will not support these measures at all," Hungarian Foreign Minister Péter '
        "Szijjártó said. The Hungarian minister also questioned the loan, calling it "
        '"money thrown into a bottomless pit".'
    )
    assert attributed(text, codebook)[-1] == ("Péter Szijjártó", "europe")


def test_a_definite_description_the_last_person_does_not_fit_is_somebody_else(codebook):
    text = (
        '"We will not support these measures at all," Hungarian Foreign Minister Péter '
        "Szijjártó said. The Slovak minister also questioned the loan, calling it "
        '"money thrown into a bottomless pit".'
    )
    assert attributed(text, codebook)[-1][0] != "Péter Szijjártó"


def test_a_capitalised_qualifier_of_the_origin_keeps_its_party(codebook):
    text = (
        "An alliance diplomat from a Western European country said the mood was "
        '"anxious but realistic at best."'
    )
    assert attributed(text, codebook) == [("alliance European diplomat", "europe")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a question in marks, then its speaker named: one sentence
            '"If the line is frozen, will it just move a few kilometers?" Ivan Fedorov said.',
            "Ivan Fedorov",
        ),
        ('"Minsk can host these talks again," Lukashenka was quoted as saying.', "Lukashenka"),
        (
            '"Minsk can host these talks again," Lukashenka was quoted by BelTA as saying.',
            "Lukashenka",
        ),
        (
            'One senior government figure put it bluntly: "The document is better, the war '
            'is not."',
            "senior government figure",
        ),
        ('- Brian Fitzpatrick: "If Putin says no, we act."', "Brian Fitzpatrick"),
        (
            "- Rep. Brian Fitzpatrick (R-Pa.), who has pushed for more pressure on Moscow: "
            '"If Putin says no, we act."',
            "Brian Fitzpatrick",
        ),
        (  # the role's apposition names the speaker; "its say" is no speech verb
            "The Liberal Democrats' defence spokesperson, Helen Maguire, said Parliament must "
            "have its say 'before a single soldier sets foot in Ukraine'.",
            "Helen Maguire",
        ),
    ],
)
def test_the_speaker_of_forms_mainstream_outlets_use(codebook, text, expected):
    assert [speaker for speaker, _ in attributed(text, codebook)] == [expected]


def test_words_of_another_clause_before_a_name_give_it_no_party(codebook):
    text = (
        "Senate advances Russia sanctions bill as Graham warns Putin 'the clock is running'\n\n"
        "Sen. Lindsey Graham (R-S.C.), the bill's lead sponsor, spoke on Wednesday.\n\n"
        '"For months, Putin has played games with President Trump," Graham said.'
    )
    assert {party for _, party in attributed(text, codebook)} == {"us"}


@pytest.mark.parametrize(
    ("text", "party"),
    [  # the longest party phrase wins: a Ukrainian party's name holds "European"
        ('"We will not vote for it," European Solidarity MP Oleksiy Honcharenko said.',
         "ukraine"),
        ('"We want a seat at the table," Moldovan Foreign Minister Mihai Popsoi said.',
         "europe"),
    ],
)
def test_the_codebook_party_of_a_political_party_or_a_neighbour(codebook, text, party):
    assert attributed(text, codebook)[0][1] == party


def test_a_relative_clause_before_the_verb_does_not_give_the_speaker(codebook):
    text = (
        "Umerov, who leads the Ukrainian delegation in talks with US envoys Steve Witkoff and "
        'Jared Kushner, said the teams were "working on every point of the document".'
    )
    assert attributed(text, codebook) == [("Rustem Umerov", "ukraine")]


def test_an_office_holder_with_no_country_of_their_own_holds_it_where_the_paragraph_is(
    codebook,
):
    text = (
        "In Moscow, officials welcomed the offer without committing to it. Deputy Foreign "
        "Minister Mikhail Galuzin told the Izvestia newspaper that Belarus was \"a natural "
        'platform" for negotiations.\n\n'
        "Analyst Petra Novak said the venue was \"the least of the problems\"."
    )
    assert attributed(text, codebook) == [("Mikhail Galuzin", "russia"), ("Petra Novak", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The enemy attacked 140 times," Ukraine\'s General Staff said on Friday.',
         ("Ukraine's General Staff", "ukraine")),
        ('"We will see about that later," Russia\'s Putin said.', ("Vladimir Putin", "russia")),
        ('"We stay here for good," exiled Belarusian opposition leader Sviatlana '
         "Tsikhanouskaya said.", ("Sviatlana Tsikhanouskaya", None)),
    ],
)
def test_capitalised_words_after_a_possessive_or_a_title(codebook, text, expected):
    assert attributed(text, codebook) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a relative clause with no commas between the subject and "says"
            "One European official who sat in on the talks says the American text is "
            "“strong on adjectives and weak on verbs”.",
            ("European official", "europe"),
        ),
        (  # "the company": the institution named just before
            'Energoatom said in a statement that repairs had begun. "Our engineers worked '
            'under fire to return the line," the company said.',
            ("Energoatom", "ukraine"),
        ),
        (  # a surname named in full before, then a colon
            "Rafael Grossi visited the plant. Grossi, in a post on X: \"Nuclear safety must "
            'never be a bargaining chip."',
            ("Rafael Grossi", None),
        ),
        (  # one of the role's holders, not the one the codebook names
            'A State Department spokesperson said: "We continue to support a just peace."',
            ("State Department spokesperson", "us"),
        ),
        (  # the codebook's role, through its owner's possessive
            "The Kremlin's spokesman said this week that a ceasefire is, quote, \"not on the "
            'agenda" at all.',
            ("Dmitry Peskov", "russia"),
        ),
        (  # "continued to" is no speech verb
            "Zeki Akturk said naval forces were monitoring the straits and that the Montreux "
            'Convention continued to be applied "meticulously and impartially."',
            ("Zeki Akturk", None),
        ),
        (  # a place inside a lower-case title is not the person
            "Former Donetsk militia commander Alexander Khodakovsky was more cautious. "
            '"I am not against negotiations at all," he wrote.',
            ("Alexander Khodakovsky", None),
        ),
        (
            "A Russian-installed official at the plant, Yevgenia Yashina, told state media the "
            'plant was "safe and fully under control".',
            ("Yevgenia Yashina", "russia"),
        ),
    ],
)
def test_speakers_as_probe_set_8_writes_them(codebook, text, expected):
    assert attributed(text, codebook) == [expected]


def test_a_scene_setting_phrase_before_the_name_is_not_its_title(codebook):
    text = (
        "Turkish President Recep Tayyip Erdogan held calls on Sunday.\n\n"
        "In separate phone calls with Russian President Vladimir Putin and Ukrainian "
        'President Volodymyr Zelensky, Erdogan said Türkiye would "continue to do its part" '
        "for peace."
    )
    assert attributed(text, codebook) == [("Recep Tayyip Erdogan", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The logic is simple, time is ours," a source close to the presidential '
         "administration told Meduza.",
         ("source close to the presidential administration", "russia")),
        ('"The plan is dead as it stands," three sources close to the Kremlin said.',
         ("sources close to the Kremlin", "russia")),
        ('"The plan is dead as it stands," people familiar with the talks said.',
         ("people familiar with the talks", None)),
    ],
)
def test_a_source_keeps_what_it_is_close_to(codebook, text, expected):
    assert attributed(text, codebook) == [expected]


def test_he_in_a_transcript_turn_is_the_title_named_before_it_in_the_sentence(codebook):
    text = (
        "Transcript\n\nMARGARET BRENNAN: Is the pressure on hold?\n\n"
        "SECRETARY RUBIO: Nothing is on hold. If there is no progress, the president has "
        "other options, and he's told me more than once, \"I do not mind using them.\" But "
        "our preference is a deal.\n"
    )
    assert attributed(text, codebook) == [("Donald Trump", "us")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The French president Emmanuel Macron affirmed that Europe must "remain at the table" '
         "in any talks.", ("Emmanuel Macron", "europe")),
        ("Donald Trump, questioned in the Oval Office on Monday, repeated that a deal was "
         '"closer than ever" to being done.', ("Donald Trump", "us")),
        ("As the historian Mary Elise Kowalczyk puts it, the leaders wanted \"to provoke Moscow "
         'as little as possible".', ("Mary Elise Kowalczyk", None)),
        ('Clémence Guetté, an MP, denounced "a promise made in Berlin and broken in Kyiv".',
         ("Clémence Guetté", None)),
        ('"We keep the pressure on Moscow," the head of the OP stressed.',
         ("Kyrylo Budanov", "ukraine")),
        ('"There will be no vote on this," a No 10 spokesman said.', ("No 10 spokesman", "europe")),
    ],
)
def test_speech_verbs_and_codebook_words_of_probe_set_9(codebook, text, expected):
    assert attributed(text, codebook) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Defence Secretary John Healey spoke on Monday. \"We support British troops in a "
         'reassurance force," James Cartlidge, the shadow defence secretary, said.',
         ("James Cartlidge", "europe")),
        ('Defence Secretary John Healey spoke on Monday. "The army is too small for this '
         'task," Ben Wallace, the former Conservative defence secretary, said.',
         ("Ben Wallace", "europe")),
        ("Russian Ambassador to Japan Nikolai Nozdrev told Kyodo News that relations were "
         '"at their lowest point in decades."', ("Nikolai Nozdrev", "russia")),
        ('"The economy can hold for two more years," said Oksana Hrytsenko, an economist at '
         "the Kyiv School of Economics.", ("Oksana Hrytsenko", None)),
    ],
)
def test_titles_that_are_somebody_elses_and_observers(codebook, text, expected):
    assert attributed(text, codebook)[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Japan will not ease its sanctions until a "just and lasting peace" is achieved in '
         "Ukraine, Prime Minister Sanae Takaichi said Sunday.", ("Sanae Takaichi", None)),
        ("He passed a message through Washington's special envoy for Belarus, John Coale.\n\n"
         'Coale said his talks were narrow. "Our talks with Minsk are about prisoners and '
         'nothing else," he said.', ("John Coale", "us")),
    ],
)
def test_the_clause_before_a_comma_is_a_title_only_if_the_name_closes_an_apposition(
    codebook, text, expected
):
    assert attributed(text, codebook)[-1] == expected


def test_for_x_opening_a_sentence_names_whose_view_it_is(codebook):
    text = (
        "President Donald Trump said the plan was good.\n\nFor Pierre Haroche, a researcher "
        "in European security, the meeting marks a change of method. \"The Europeans have "
        'stopped commenting on the plan and started writing it," he notes.'
    )
    assert attributed(text, codebook) == [("Pierre Haroche", None)]


def test_the_head_of_state_is_the_person_just_named(codebook):
    text = (
        "Chancellor Friedrich Merz hosted the dinner.\n\nEmmanuel Macron, who took part by "
        "video, was more measured. «We have advanced on guarantees, not on territory,» the "
        "head of state declared to the press."
    )
    assert attributed(text, codebook) == [("Emmanuel Macron", "europe")]


def test_an_apposition_with_commas_of_its_own_between_the_name_and_the_verb(codebook):
    text = (
        "Talks\n\nPeople's Deputy Fedir Venislavsky (Servant of the People faction), a member "
        "of the Committee on National Security, Defense and Intelligence, said that the "
        'parliament would not consider any such bill "before a stable ceasefire." "There is '
        'no such draft law in the Rada, and there will be none," he said.'
    )
    assert attributed(text, codebook) == [("Fedir Venislavsky", "ukraine")] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chinese Foreign Ministry spokesperson Mao Ning spoke on Thursday. \"China supports "
         'dialogue and negotiation," Mao said.', ("Mao Ning", None)),
        ('Yuri Ushakov calls the meeting "useful, constructive, very substantive."',
         ("Yuri Ushakov", "russia")),
        ("Kirill Dmitriev likes to describe the assets as \"stolen property that will come "
         'home".', ("Kirill Dmitriev", "russia")),
        ('"We need the Senate to act now," said Jeanne Shaheen, the top Democrat on the '
         "committee.", ("Jeanne Shaheen", "us")),
        ('"We need a vote in the Bundestag first," said Anna Weber, a Social Democrat lawmaker.',
         ("Anna Weber", "europe")),
    ],
)
def test_speakers_as_probe_set_10_writes_them(codebook, text, expected):
    assert attributed(text, codebook)[-1] == expected


def test_a_title_with_its_complements_then_the_name_and_the_bare_title_after(codebook):
    text = (
        "Release\n\nMinister of Foreign Affairs of Ukraine Andrii Sybiha held a phone "
        "conversation with Minister for Foreign Affairs of Finland Elina Valtonen.\n\n"
        '"While the American side is working on documents for peace, Russia keeps '
        'attacking," the Minister emphasized.\n\nSpokesperson for the Ministry of Foreign '
        "Affairs of Ukraine Heorhii Tykhyi commented on the statements of Moscow.\n\n"
        '"Moscow speaks about root causes while it shells our cities," the Spokesperson said.'
    )
    assert attributed(text, codebook) == [("Andrii Sybiha", "ukraine"),
                                          ("Heorhii Tykhyi", "ukraine")]


def test_a_family_name_written_first_after_a_title_only_naming(codebook):
    text = (
        "Chinese Foreign Minister Wang Yi held a phone call with his Russian counterpart.\n\n"
        'Wang said the door to talks "should never be closed."'
    )
    assert attributed(text, codebook) == [("Wang Yi", None)]


def test_she_is_a_woman_named_shortly_before_in_a_clause_without_speech(codebook):
    text = (
        "Kyiv's mayor, Vitali Klitschko, said the city was coping. \"We have a difficult "
        'situation with heating," Mr. Klitschko said. He asked residents to be patient.\n\n'
        "Outside a shelter, Olena Marchuk, 67, a retired teacher, was carrying a pot of soup. "
        '"We sleep in our coats," she said.'
    )
    assert [speaker for speaker, _ in attributed(text, codebook)] == [
        "Vitali Klitschko", "Olena Marchuk"]


def test_a_quotation_over_paragraphs_after_her_statement_is_hers(codebook):
    text = (
        "T\n\nVon der Leyen put a brave face on it when she faced reporters at dawn. Her "
        "statement ran to several minutes:\n\n"
        "“We said we would secure Ukraine’s financing needs for the next two years.\n\n"
        "“Let me be very clear on the immobilised assets. They remain frozen.\n\n"
        "“And we reserve the right to use them to repay this loan.”\n"
    )
    assert attributed(text, codebook) == [("Ursula von der Leyen", "europe")] * 3


def test_a_place_after_a_verb_is_its_object_not_the_speaker(codebook):
    text = (
        "European leaders left Berlin last night insisting that the talks had produced "
        '"real, substantive progress" on guarantees.'
    )
    assert attributed(text, codebook) == [("European leaders", "europe")]


def test_the_person_is_the_person_with_direct_knowledge_just_quoted(codebook):
    text = (
        "T\n\nAndrii Sybiha said talks would go on.\n\nA person with direct knowledge of the "
        "planning said the money was ready. \"Nobody wants to be caught without a plan this "
        'time," the person said.'
    )
    assert attributed(text, codebook) == [("person with direct knowledge", None)]


def test_a_fragment_in_a_relative_clause_after_the_name_and_its_comma(codebook):
    text = (
        "T\n\nMerz, who arrived at the summit saying the reparations loan was the “only serious "
        "option,” was more subdued."
    )
    assert attributed(text, codebook) == [("Friedrich Merz", "europe")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We are promising troops we do not have," said Jürgen Hartwig, a CDU lawmaker.',
         ("Jürgen Hartwig", "europe")),
        ("Katrin Ebeling, a Green member of the Bundestag's foreign affairs committee, said the "
         'mandate "must come from parliament, not from a summit."', ("Katrin Ebeling", "europe")),
    ],
)
def test_german_lawmakers_as_probe_set_12_writes_them(codebook, text, expected):
    assert attributed(text, codebook)[-1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Lindsey Graham, R-S.C., a close ally of Trump who has championed a bill to punish "
        'countries that buy Russian oil, said sanctions "need to stay on until Putin signs."',
        'Sen. Lindsey Graham, R-S.C., a close ally of Trump, said sanctions "need to stay on '
        'until Putin signs."',
    ],
)
def test_a_lawmakers_party_and_state_tag_before_an_apposition_is_not_the_name(codebook, text):
    assert attributed(text, codebook) == [("Lindsey Graham", "us")]


def test_the_official_is_the_anonymous_official_just_heard_not_a_person_described_so(codebook):
    text = (
        '"Most of the framework is done," said Rebecca Thorne, a former State Department '
        "official who now works at the Atlantic Council.\n\nA senior administration official "
        'acknowledged as much on the call. "The Russians have not seen the final version '
        'yet," the official said.'
    )
    assert [s for s, _ in attributed(text, codebook)] == [
        "Rebecca Thorne", "senior administration official"]


def test_the_aged_description_after_the_quotation_is_the_person_just_named(codebook):
    text = (
        "When Olena Marchenko heard on Sunday that negotiators were meeting in Berlin, she "
        "did not bother to turn on the television.\n\n“I have heard so many promises that I "
        "stopped counting,” said the 43-year-old pharmacist. “We want peace, not surrender.”"
    )
    assert [s for s, _ in attributed(text, codebook)] == ["Olena Marchenko"] * 2


def test_a_subheading_quotation_is_the_words_of_whoever_says_them_below(codebook):
    text = (
        'Headline\n\n"We will go on," Jean-Noël Barrot told reporters in Paris.\n\n'
        "- 'Very serious objections' -\n\n"
        'Yuri Ushakov, the Kremlin aide, was blunt. "If European troops appear, we will have '
        'very serious objections," Ushakov said.'
    )
    assert [(q.text, q.speaker) for q in _quotes_of(text, codebook)] == [
        ("We will go on,", "Jean-Noël Barrot"),
        ("Very serious objections", "Yuri Ushakov"),
        ("If European troops appear, we will have very serious objections,", "Yuri Ushakov"),
    ]


def test_a_headline_quotation_said_in_the_text_is_found_and_given_its_speaker(codebook):
    text = (
        "‘We want peace, not surrender’: Ukrainians weigh Berlin talks\n\n"
        "Olena Marchenko, a pharmacist, did not turn on the television. “We want peace, not "
        "surrender,” she said."
    )
    assert [(q.text, q.speaker) for q in _quotes_of(text, codebook)] == [
        ("We want peace, not surrender", "Olena Marchenko"),
        ("We want peace, not surrender,", "Olena Marchenko"),
    ]


def test_a_sergeant_identified_only_by_his_first_name_is_that_name(codebook):
    text = (
        "In a dugout near Kostiantynivka, a 34-year-old sergeant who asked to be identified "
        "only by his first name, Taras, said soldiers followed the talks.\n\n"
        "“Nobody here believes a paper will stop them,” he told Al Jazeera by phone."
    )
    assert [s for s, _ in attributed(text, codebook)] == ["Taras"]


def _quotes_of(text, codebook):
    return extract_quotes(text, split_sentences(text), codebook)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"They want a yes before Christmas," a European diplomatic source told AFP.',
         ("European diplomatic source", "europe")),
        ('A Russian political source said the plan was "dead on arrival".',
         ("Russian political source", "russia")),
    ],
)
def test_a_diplomatic_or_political_source_keeps_its_nationality(codebook, text, expected):
    assert attributed(text, codebook) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kirill Dmitriev, the Kremlin’s envoy, mocked the summit as “a victory for common "
         "sense over the warmongers”.", ("Kirill Dmitriev", "russia")),
        ("The opposition leader slammed the deal as “a betrayal of everything we fought for”.",
         ("opposition leader", None)),
        ("DW’s correspondent in Kyiv, Mikhail Arndt, reports that many Ukrainians see the offer "
         'as "a painful but realistic trade".', ("Mikhail Arndt", None)),
    ],
)
def test_mocked_slammed_and_reports_that_introduce_words(codebook, text, expected):
    assert attributed(text, codebook) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "In Tokyo, Yurii Lutovinov, Ukraine’s ambassador to Japan, welcomed the remarks. "
        '"Japan has been with us from the first day," Lutovinov said.',
        "On a grey afternoon last Thursday, Yurii Lutovinov, an MP from the opposition Holos "
        'party, sat in the canteen. "Every version of this plan asks too much," he said.',
    ],
)
def test_a_scene_before_the_first_naming_leaves_the_apposition_to_describe(codebook, text):
    assert attributed(text, codebook) == [("Yurii Lutovinov", "ukraine")]


def test_a_long_apposition_gives_the_party_near_its_end(codebook):
    text = ('"He said what needed to be said," said Oleksandr Merezhko, the chair of the '
            "parliament’s foreign affairs committee and a member of Zelensky’s Servant of the "
            "People party.")
    assert attributed(text, codebook) == [("Oleksandr Merezhko", "ukraine")]


def test_the_head_of_an_oblast_military_administration_is_ukrainian(codebook):
    text = ("The plant was disconnected again, according to Ivan Fedorov, head of the "
            'Zaporizhzhia Oblast Military Administration.\n\n"The station is running on diesel '
            'generators," Fedorov wrote on Telegram.')
    assert attributed(text, codebook) == [("Ivan Fedorov", "ukraine")]


@pytest.mark.parametrize(
    "text",
    ['Zaporizhzhia regional governor Ivan Fedorov said: "People here are asking one question."',
     '"If we leave, tell me where the front line will be," said Kramatorsk mayor Ivan Fedorov.'],
)
def test_a_ukrainian_regions_or_citys_office_holder_is_ukrainian(codebook, text):
    assert attributed(text, codebook) == [("Ivan Fedorov", "ukraine")]


@pytest.mark.parametrize(
    "description",
    ["a former State Department official who now works at the Atlantic Council",
     "a former NATO official now at the Institut Montaigne",
     "head of the Penta political research center in Kyiv",
     "a portfolio manager at Dragon Capital in Kyiv"],
)
def test_a_former_official_now_at_a_think_tank_or_a_researcher_speaks_for_no_party(
    codebook, description
):
    text = f'"The administration is right about the framework," said Rebecca Thorne, {description}.'
    assert attributed(text, codebook) == [("Rebecca Thorne", None)]


@pytest.mark.parametrize(
    "text",
    ['Alexei Likhachev, head of the state nuclear corporation Rosatom, told state media that '
     'any arrangement "cannot ignore the reality on the ground".',
     '"People here want the war to end," said Belgorod governor Alexei Likhachev.'],
)
def test_russian_regions_and_state_companies_are_russian(codebook, text):
    assert attributed(text, codebook) == [("Alexei Likhachev", "russia")]


def test_a_title_before_the_name_in_apposition_is_read_as_words(codebook):
    """"The Minister for Europe, Benjamin Haddad, ...": "Europe" is a word of the title (it
    was glued to the name, "EuropeBenjamin", and found no party)."""
    text = ("Intro.\n\nThe Minister for Europe, Benjamin Haddad, defended the plan. "
            '"Security guarantees for Ukraine are security guarantees for Europe," he affirmed.')
    assert attributed(text, codebook) == [("Benjamin Haddad", "europe")]


def test_a_french_partys_initials_give_europe(codebook):
    text = ("«France does not have the means,» declared Jean-Philippe Tanguy, RN deputy for the "
            "Somme, who demanded a vote.")
    assert attributed(text, codebook) == [("Jean-Philippe Tanguy", "europe")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('EU ambassadors will sign off on sanctions against Russia next week. "Hungary will not '
         'support sanctions that hurt Europe more than they hurt Russia," its foreign minister, '
         "Péter Szijjártó, said.", ("Péter Szijjártó", "europe")),
        ("“Poland will be the logistics hub, not the garrison,” its defence minister, Władysław "
         "Kosiniak-Kamysz, told Polish radio.", ("Władysław Kosiniak-Kamysz", "europe")),
        ("Moscow has not answered. “We will study the text,” its foreign minister, Ivan Petrov, "
         "said.", ("Ivan Petrov", "russia")),
    ],
)
def test_its_minister_belongs_to_the_country_just_named_as_a_subject(codebook, text, expected):
    assert attributed(text, codebook) == [expected]


@pytest.mark.parametrize(
    ("nationality", "expected"),
    [("Finnish", "Elina Valtonen"), ("Slovak", "Slovak minister")],
)
def test_a_nationality_fits_a_person_of_that_country(codebook, nationality, expected):
    text = (
        "Release\n\nMinister of Foreign Affairs of Ukraine Andrii Sybiha held a phone "
        "conversation with Minister for Foreign Affairs of Finland Elina Valtonen.\n\n"
        f'"Finland knows from its own history what a bad peace costs," the {nationality} '
        "minister said."
    )
    assert attributed(text, codebook)[-1][0] == expected


def test_she_after_a_chinese_spokeswoman_named_family_name_first_is_her(codebook):
    text = ('Russian Foreign Ministry spokeswoman Maria Zakharova said on Wednesday that foreign '
            'troops would be "legitimate combat targets."\n\nMao Ning said at the end of the '
            'briefing that China will keep talking to all parties. "We are ready to work with '
            'the international community to promote peace," she said.')
    assert [s for s, _ in attributed(text, codebook)] == ["Maria Zakharova", "Mao Ning"]


def test_he_is_the_known_person_the_paragraph_names_not_one_heard_paragraphs_before(codebook):
    text = (
        '"Conditions on higher routes will be treacherous," said a Met Office spokesperson.\n\n'
        "The most honest summary came from Rustem Umerov, Ukraine's chief negotiator, at a "
        'late press conference. "We came to Geneva to talk about a line," he said.'
    )
    assert [s for s, _ in attributed(text, codebook)] == ["Met Office spokesperson",
                                                          "Rustem Umerov"]


@pytest.mark.parametrize(
    "paragraph",
    ['"Every Patriot missile that arrives is a life saved in Kharkiv," he said.',
     'Asked about Donald Trump\'s remarks on Sunday, he was brief: "Every system saves '
     'lives," he said.',
     '"Vladimir Putin does not want peace," he said.'],
)
def test_he_stays_the_last_speaker_past_capitals_that_name_nobody_new(codebook, paragraph):
    text = '"We need air defence," Zelensky said.\n\n' + paragraph
    assert {s for s, _ in attributed(text, codebook)} == {"Volodymyr Zelensky"}


@pytest.mark.parametrize(
    "subject",
    ["One of those MPs, Inna Sovsun of the opposition party Holos, told her",
     "A senior MP, Inna Sovsun of the Holos party, said"],
)
def test_a_source_then_the_name_and_its_party_in_apposition_is_the_name(codebook, subject):
    text = f'{subject}: "If Geneva proves anything, it is that Moscow is negotiating for time."'
    assert attributed(text, codebook) == [("Inna Sovsun", "ukraine")]


def test_a_soldier_named_at_a_front_line_town_is_ukrainian(codebook):
    text = ('"My guys follow the weather, not Miami," said Mykola Bondar, a drone operator with '
            "the 93rd Brigade near Kostiantynivka.")
    assert attributed(text, codebook) == [("Mykola Bondar", "ukraine")]


def test_a_western_official_after_a_ukrainian_one_keeps_his_own_origin(codebook):
    text = ('A senior Ukrainian official said the plan was "not a capitulation at all".\n\n'
            "A senior western official who requested anonymity was sceptical. \"The Russians "
            'use these gestures to look reasonable," the official said.')
    assert attributed(text, codebook) == [("senior Ukrainian official", "ukraine"),
                                          ("senior western official", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Zelensky said he had spoken by phone to the US special envoy Steve Witkoff and "
         "Mr Trump's son-in-law Jared Kushner on Monday evening. He said they had agreed that "
         '"the remaining questions are for presidents, not for delegations".',
         "Volodymyr Zelensky"),
        ('The two leaders agreed that "the remaining questions are for presidents".', "leaders"),
    ],
)
def test_what_they_agreed_as_somebody_reports_it_is_the_reporters_words(codebook, text,
                                                                        expected):
    assert attributed(text, codebook)[-1][0] == expected


def test_writing_that_introduces_words_of_the_main_subject(codebook):
    text = ("Kirill Dmitriev, Putin's envoy for investment, struck an upbeat note on his "
            'Telegram channel, writing that "dialogue is replacing confrontation".')
    assert attributed(text, codebook) == [("Kirill Dmitriev", "russia")]


def test_thanked_for_introduces_the_thankers_words(codebook):
    text = 'Sybiha thanked Japan for its "consistent and principled" position, the ministry said.'
    assert attributed(text, codebook) == [("Andrii Sybiha", "ukraine")]


def test_a_quoted_name_with_an_article_of_its_own_is_no_quotation(codebook):
    text = ("Leaders of the “coalition of the willing” want commitments in writing, but Moscow "
            "says foreign troops remain unacceptable.")
    assert attributed(text, codebook) == []


def test_a_described_source_near_a_town_takes_its_side(codebook):
    text = ("‘They are drawing lines in Miami that we are holding with our bodies,’ said a "
            "34-year-old drone operator near Kostiantynivka who asked to be identified only by "
            "his call sign, Bison. ‘If it holds, yes,’ he said.")
    assert attributed(text, codebook) == [("drone operator", "ukraine")] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian drones struck energy facilities in the Odesa region overnight, leaving "
         "households without power, regional governor Oleh Kiper said. \"The enemy targeted "
         'critical infrastructure," Kiper wrote on Telegram.', ("Oleh Kiper", "ukraine")),
        ("In the border region of Belgorod, which is hit by Ukrainian drones, Governor "
         'Vyacheslav Gladkov has asked Moscow for funds. "People here want the war to end," '
         "Gladkov said.", ("Vyacheslav Gladkov", "russia")),
    ],
)
def test_a_governor_with_no_country_holds_the_region_the_paragraph_names(codebook, text,
                                                                         expected):
    assert attributed(text, codebook) == [expected]


@pytest.mark.parametrize(
    ("predicate", "party"),
    [("Harrow was US ambassador in Kyiv under two presidents", "us"),
     ("Harrow was sceptical of Russian claims", None)],
)
def test_a_sentence_saying_what_office_the_person_held_gives_the_party(codebook, predicate,
                                                                      party):
    text = (f"That is the part that worries William Harrow most. {predicate}. \"The money is "
            'large but it is not a reconstruction plan," he said.')
    assert attributed(text, codebook) == [("William Harrow", party)]


@pytest.mark.parametrize(
    "first",
    ["Mr Zelensky met Jared Kushner.",
     "Mr Zelensky said he had spoken by phone to Steve Witkoff and Jared Kushner."],
)
def test_he_is_the_sentences_subject_not_the_person_it_met(codebook, first):
    text = first + ' He said "we are close to a deal".'
    assert attributed(text, codebook) == [("Volodymyr Zelensky", "ukraine")]


def test_his_words_after_a_speaking_subject_are_that_subjects(codebook):
    text = ("SECRETARY RUBIO: We would support it in other ways.\n\nMARGARET BRENNAN: Senator "
            'Lindsey Graham told this program that any deal without, in his words, "real teeth" '
            'would be, quote, "an invitation to Putin to come back in three years." Is he wrong?')
    assert attributed(text, codebook) == [("Lindsey Graham", "us")]


def test_an_alliance_diplomat_keeps_the_alliance(codebook):
    text = ("An alliance diplomat from a Western European country said the mood was \"anxious "
            'but realistic." "Everyone knows membership is not on the table," the diplomat said.')
    assert attributed(text, codebook) == [("alliance European diplomat", "europe")] * 2


def test_an_adviser_to_the_french_president_is_the_adviser_of_his_party(codebook):
    text = ('"We will not leave Belgium alone with the risk," an adviser to the French '
            "president said.")
    assert attributed(text, codebook) == [("adviser to the French president", "europe")]


def test_a_finnish_ministers_party_tag_in_brackets_gives_europe(codebook):
    text = ('Defence Minister Antti Häkkänen (NCP) struck a similar note. "Everything else comes '
            'after," Häkkänen told Yle by phone.')
    assert attributed(text, codebook) == [("Antti Häkkänen", "europe")]
