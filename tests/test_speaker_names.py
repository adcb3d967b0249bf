"""Who speaks, as the article names them: long official titles and their complements, a
scene or a dateline before the subject, appositions, possessives and names written
family name first."""

from __future__ import annotations

import pytest

from store.codebook import default_codebook_path, load_codebook
from tests.extractlib import attributed


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(default_codebook_path())


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


def test_a_two_word_place_in_a_title_is_not_part_of_the_name(codebook):
    text = (
        "Ukraine's Ambassador to the United States Olha Stefanishyna spoke on Monday. "
        '"Every system delivered now is a guarantee," Stefanishyna said.'
    )
    assert attributed(text, codebook) == [("Olha Stefanishyna", "ukraine")]


def test_a_relative_clause_before_the_verb_does_not_give_the_speaker(codebook):
    text = (
        "Umerov, who leads the Ukrainian delegation in talks with US envoys Steve Witkoff and "
        'Jared Kushner, said the teams were "working on every point of the document".'
    )
    assert attributed(text, codebook) == [("Rustem Umerov", "ukraine")]


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


def test_a_fragment_in_a_relative_clause_after_the_name_and_its_comma(codebook):
    text = (
        "T\n\nMerz, who arrived at the summit saying the reparations loan was the “only serious "
        "option,” was more subdued."
    )
    assert attributed(text, codebook) == [("Friedrich Merz", "europe")]


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


def test_a_sergeant_identified_only_by_his_first_name_is_that_name(codebook):
    text = (
        "In a dugout near Kostiantynivka, a 34-year-old sergeant who asked to be identified "
        "only by his first name, Taras, said soldiers followed the talks.\n\n"
        "“Nobody here believes a paper will stop them,” he told Al Jazeera by phone."
    )
    assert [s for s, _ in attributed(text, codebook)] == ["Taras"]


@pytest.mark.parametrize(
    "subject",
    ["One of those MPs, Inna Sovsun of the opposition party Holos, told her",
     "A senior MP, Inna Sovsun of the Holos party, said"],
)
def test_a_source_then_the_name_and_its_party_in_apposition_is_the_name(codebook, subject):
    text = f'{subject}: "If Geneva proves anything, it is that Moscow is negotiating for time."'
    assert attributed(text, codebook) == [("Inna Sovsun", "ukraine")]


def test_a_given_name_alone_is_not_the_codebook_actor_who_bears_it(codebook):
    """Public figures are called by their aliases: "Andrii", introduced as a drone operator,
    is not the foreign minister the article named before."""
    text = (
        "Foreign Minister Andrii Sybiha said the talks were useful.\n\n"
        '"If they are in Lviv, they are not protecting anybody," said Andrii, a 29-year-old '
        "drone operator with the 65th Brigade."
    )
    assert [speaker for speaker, _ in attributed(text, codebook)] == ["Andrii"]


def test_a_chief_executives_acronym_is_a_title_not_part_of_the_name(codebook):
    text = ('"This is the thirteenth massive attack on energy," Ukrenergo CEO Vitaliy Zaichenko '
            "said on television.")
    assert attributed(text, codebook) == [("Vitaliy Zaichenko", "ukraine")]


@pytest.mark.parametrize(
    ("after", "expected"),
    [  # a lower-case title between the verb and the name, a nationality before it or not
        ("said lawmaker Inna Sovsun.", ("Inna Sovsun", None)),
        ("said opposition lawmaker Inna Sovsun, who sits on the energy committee.",
         ("Inna Sovsun", None)),
        ("said Ukrainian lawmaker Inna Sovsun.", ("Inna Sovsun", "ukraine")),
    ],
)
def test_a_lower_case_title_after_the_verb_then_the_name_is_the_speaker(codebook, after,
                                                                       expected):
    assert attributed(f'"Nobody here will vote for that map," {after}', codebook) == [expected]


def test_a_description_after_the_verb_then_the_name_in_apposition_is_that_name(codebook):
    text = ("France's ministers met business leaders in Paris.\n\n"
            "“Ukraine will be the largest construction site in Europe,” said the minister for "
            "the economy, Roland Lescure, opening the meeting.")
    assert attributed(text, codebook) == [("Roland Lescure", "europe")]


@pytest.mark.parametrize(
    "text",
    [  # an institution the codebook does not know, named with its country's word ...
        'The Russian Defence Ministry said "all designated targets were hit."',
        '"All designated targets were hit," the Russian Defence Ministry said.',
        # ... and "the ministry" after it: that ministry, not the city named since
        "The Russian Defence Ministry reported strikes on Kharkiv overnight.\n\n"
        '"All designated targets were hit," the ministry said in its daily summary.',
    ],
)
def test_an_institution_named_with_its_country_and_the_ministry_after_it(codebook, text):
    assert attributed(text, codebook) == [("Russian Defence Ministry", "russia")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # capitalised words ending in what a body is: the body, not a person called "Staff"
        ("Ukraine's General Staff disputes the claim.\n\n"
         '"The enemy keeps attacking near Huliaipole," the General Staff said.',
         ("General Staff", "ukraine")),  # its country from where the article first named it
        ('"The drones were shot down over the region," the Ukrainian Air Force said.',
         ("Ukrainian Air Force", "ukraine")),
        ('"The enemy keeps attacking in three directions," the Southern Defence Forces said.',
         ("Southern Defence Forces", None)),
        # ... and a country named nearby for somebody else is not the body's
        ('After talks with Russian officials, the General Staff said: "The enemy keeps '
         'attacking near Huliaipole every day."', ("General Staff", None)),
        # ... but "a Met Office spokesperson" is one of its people
        ('Heavy snow is expected, with the Met Office warning of disruption. "Conditions on '
         'higher routes will be treacherous," said a Met Office spokesperson.',
         ("Met Office spokesperson", None)),
    ],
)
def test_a_body_named_in_capitals_without_its_country_speaks_as_that_body(codebook, text,
                                                                          expected):
    assert attributed(text, codebook) == [expected]


@pytest.mark.parametrize("lead", ["Nor, it should be said, did Dmitriev,",
                                  "Neither, as it happens, has Dmitriev,"])
def test_the_subject_after_nor_and_its_auxiliary_is_who_he_means_next(codebook, lead):
    text = (
        "Steve Witkoff met Kirill Dmitriev on Saturday.\n\n"
        "Scott Bessent, the Treasury Secretary, did not deny it. 'This is money that has "
        "been idle,' he said on Sunday.\n\n"
        f"{lead} who has spent the past year promising Americans oil. 'Russian funds can "
        "work for peace and for prosperity,' he wrote."
    )
    assert [s for s, _ in attributed(text, codebook)] == ["Scott Bessent", "Kirill Dmitriev"]


@pytest.mark.parametrize(("named", "title", "who"), [
    ("President Karol Nawrocki", "the president", "Karol Nawrocki"),
    ("Mayor Ihor Terekhov", "the mayor", "Ihor Terekhov"),
    ("Governor Oleh Syniehubov", "the governor", "Oleh Syniehubov"),
])
def test_the_holder_of_an_office_is_the_person_named_with_its_title(codebook, named, title,
                                                                      who):
    text = (f"{named} spoke to reporters on Monday.\n\n"
            f"“We must have a seat at the table, not a place on the menu,” {title} said.")
    assert [s for s, _ in attributed(text, codebook)] == [who]


def test_the_president_of_the_republic_is_whom_the_article_gave_that_title(codebook):
    filler = "The leaders discussed the plan at length and agreed to meet again. " * 8
    text = (
        "The President of the Republic, Emmanuel Macron, hosted a summit on Tuesday with "
        "Prime Minister Keir Starmer and President Volodymyr Zelensky.\n\n"
        f"{filler}\n\n"
        "«British and French troops will be ready to deploy,» Starmer said.\n\n"
        "The President of the Republic recalled that «it is for Ukraine alone to decide on "
        "its territory».\n\n"
        "«We have done our part. Now it is for Russia to show it,» the President concluded."
    )
    assert [s for s, _ in attributed(text, codebook)] == [
        "Keir Starmer", "Emmanuel Macron", "Emmanuel Macron"]


def test_an_office_named_in_passing_does_not_change_who_was_heard(codebook):
    text = (
        "President Volodymyr Zelensky met the Finnish president in Kyiv on Monday.\n\n"
        "The same day, Spokesperson for the Ministry of Foreign Affairs of Ukraine Heorhii "
        "Tykhyi commented on statements by Russian officials.\n\n"
        '"Moscow speaks about root causes whenever it wants to talk about nothing," the '
        "Spokesperson said.\n\n"
        "He noted that Russia had rejected the energy ceasefire voiced by the President of "
        "Ukraine last week.\n\n"
        "According to the Spokesperson, Ukraine expects partners to answer each attack with "
        '"concrete steps, not only statements of concern."'
    )
    assert [s for s, _ in attributed(text, codebook)] == ["Heorhii Tykhyi"] * 2


def test_a_particle_joined_to_a_name_is_part_of_it(codebook):
    text = (
        "“Riyadh does not need a truce. It needs to be the place,” said Khalid al-Mutairi, a "
        "senior fellow at the Gulf Research Center.\n\n"
        "Al-Mutairi called the talks “in this business, a kind of success”."
    )
    assert [s for s, _ in attributed(text, codebook)] == ["Khalid al-Mutairi"] * 2


def test_a_royal_title_with_a_given_name_is_the_person_named_in_full(codebook):
    text = (
        "“We did not come here to sign anything,” Foreign Minister Prince Faisal bin Farhan "
        "told reporters on Tuesday.\n\n"
        "Prince Faisal, who met Sergei Lavrov in Moscow, said Riyadh would “stay available for "
        "as long as both sides want us”.\n\n"
        "Zelensky said Ukraine had shown in Riyadh that it was serious.\n\n"
        "Asked whether a truce was still realistic, Prince Faisal smiled. “Ask me in April,” "
        "he said."
    )
    assert [s for s, _ in attributed(text, codebook)] == ["Prince Faisal bin Farhan"] * 3


@pytest.mark.parametrize(("named", "who"), [
    ("Rustem Umerov, the secretary of Ukraine’s National Security and Defence Council",
     "Rustem Umerov"),
    ("Jan Novak, the head of Poland’s National Security Bureau", "Jan Novak"),
])
def test_a_title_in_apposition_before_who_is_the_persons(codebook, named, who):
    text = (f"{named}, who joined the delegation for the second day, wrote on Telegram that "
            "the monitoring would rely on “drones, satellites and people with radios”.")
    assert [s for s, _ in attributed(text, codebook)] == [who]


def test_the_names_of_a_question_put_to_someone_are_not_who_answers(codebook):
    text = (
        "“We are not asking for a gift,” Taras Kachka said on Wednesday.\n\n"
        "Robinson put it to Mr Kachka that Hungary was still blocking the talks.\n\n"
        "“I understand the scepticism,” Mr Kachka replied.\n\n"
        "Asked whether he believed Hungary's Prime Minister Viktor Orbán would lift his veto, "
        "he laughed. “You should ask him. I am not his spokesman,” he said."
    )
    assert [s for s, _ in attributed(text, codebook)] == ["Taras Kachka"] * 3


def test_an_unnamed_lawmaker_who_opens_a_sentence_is_who_he_means_next(codebook):
    text = (
        "“We will not send soldiers anywhere without a mandate,” Defence Minister Boris "
        "Pistorius said.\n\n"
        "In the lobby after the debate, one SPD lawmaker summed up the mood. “Everyone is in "
        "favor of security guarantees,” he said."
    )
    assert [s for s, _ in attributed(text, codebook)] == ["Boris Pistorius", "SPD lawmaker"]


def test_what_a_person_was_is_no_new_source(codebook):
    text = (
        "That is the part that worries William Harrow most. Harrow was US ambassador in Kyiv "
        "under two presidents. I asked him what he would do with the money.\n\n"
        "“Put it in the settlement, in writing,” he says."
    )
    assert [s for s, _ in attributed(text, codebook)] == ["William Harrow"]


def test_a_soldier_known_by_a_call_sign_is_named_by_it(codebook):
    text = (
        "“They bomb us on Monday and talk about peace on Tuesday,” Mayor Oleksandr "
        "Honcharenko said.\n\n"
        "In a dugout west of the city, a 31-year-old senior sergeant with the call sign "
        "\"Hrim\" (Thunder) has heard that idea, too.\n\n"
        "“A zone with no army in it is a zone for whoever comes first,” he said.\n\n"
        "President Volodymyr Zelensky has said that any agreement on territory would be put "
        "to a referendum.\n\n"
        "For Hrim, the talks are something that happens on his phone between shifts.\n\n"
        "“If they sign, I will believe it when the drones stop,” he said."
    )
    assert [s for s, _ in attributed(text, codebook)] == [
        "Oleksandr Honcharenko", "Hrim", "Hrim"]


@pytest.mark.parametrize(("source", "who"), [
    ("A deputy from United Russia who asked not to be named was more cynical.",
     ("United Russia deputy", "russia")),
    ("A source close to the Kremlin described the mood as calm.",
     ("source close to the Kremlin", "russia")),
])
def test_an_unnamed_source_who_opens_a_sentence_is_who_he_means_next(codebook, source, who):
    text = (
        "“We told them honestly what is acceptable for us,” Kremlin aide Yuri Ushakov said.\n\n"
        f"{source} “Everyone in the Duma will say not one step back,” he told Meduza."
    )
    assert attributed(text, codebook) == [("Yuri Ushakov", "russia"), who]


def test_the_first_of_several_sources_is_a_source(codebook):
    text = ("According to three sources close to the Kremlin, the ideas amount to a trade.\n\n"
            "“Time works for us,” said the first source close to the presidential "
            "administration.")
    assert attributed(text, codebook) == [
        ("first source close to the presidential administration", "russia")]


def test_a_document_an_institution_issued_speaks_for_it(codebook):
    text = ("At a meeting of the Security Council last Friday, according to the Kremlin’s own "
            "readout, Putin discussed “the course of the negotiation process” with its members.")
    assert attributed(text, codebook) == [("Kremlin", "russia")]


def test_a_companys_title_then_the_name_after_said(codebook):
    text = ('"Without the guarantee, no board in Copenhagen would have signed off on this," '
            "said Nordvarme's chief executive, Lars Henriksen. \"With it, the risk is something "
            'we can price."')
    assert attributed(text, codebook) == [("Lars Henriksen", None)] * 2


def test_a_subject_with_a_party_tag_introduces_a_quotation_after_a_colon(codebook):
    text = ('"We will get there," Sen. Jeanne Shaheen said.\n\n'
            "Committee chair Sen. Jim Risch (R-Idaho) was more upbeat: \"If the text is what I "
            'have been told it is, it will pass."')
    assert [s for s, _ in attributed(text, codebook)] == ["Jeanne Shaheen", "Jim Risch"]


def test_a_relation_then_a_name_opens_a_sentence_about_that_person(codebook):
    text = ('"The city is coming back," Deputy Prime Minister Oleksii Kuleba said on Monday.\n\n'
            "Her neighbor, Serhii Bondar, 44, who repairs elevators, was more optimistic. "
            '"At least now someone is building something," he said.')
    assert [s for s, _ in attributed(text, codebook)] == ["Oleksii Kuleba", "Serhii Bondar"]


def test_sir_and_a_given_name_is_the_codebook_person_of_that_name(codebook):
    text = ("Kemi Badenoch asked how many troops would go.\n\n"
            "Sir Keir replied: 'The Leader of the Opposition knows I will not set out "
            "operational details on the floor of this House.'")
    assert attributed(text, codebook) == [("Keir Starmer", "europe")]


def test_a_pronoun_opening_the_sentence_is_the_subject_of_its_coordinated_speech_verb(codebook):
    text = ('"We will not sign a ceasefire that is only a pause," Olha Stefanishyna said.\n\n'
            "She did not rule out a referendum, but said one could not take place "
            '"under the bombs."')
    assert [s for s, _ in attributed(text, codebook)] == ["Olha Stefanishyna"] * 2


def test_who_said_is_the_person_named_before_it(codebook):
    text = ("The comments drew a sharp response from Kirill Dmitriev, who said in a post on X "
            "that European leaders had \"lost the battle for other people's money.\"")
    assert attributed(text, codebook) == [("Kirill Dmitriev", "russia")]


def test_a_correspondent_who_reported_the_quotation_said_it(codebook):
    text = ('A senior German government official said the talks were "serious and '
            'substantive".\n\nIn Kyiv, the reaction has been muted. "People here have heard the '
            "word progress too often this year to get excited,\" DW's correspondent in Kyiv, "
            'Yuliia Marchenko, reported.')
    assert attributed(text, codebook)[-1] == ("Yuliia Marchenko", None)


def test_whom_the_writer_put_it_to_is_the_he_of_the_next_sentence(codebook):
    text = ('"We will see," a senior Ukrainian official told me.\n\n'
            "I put that to a senior administration official the following week. He did not "
            'dispute the account. "Nothing in life is forever," he said.')
    assert attributed(text, codebook)[-1] == ("senior administration official", "us")


def test_a_when_clause_sets_the_scene_before_the_subject(codebook):
    text = ('"We will see," a senior U.S. official told me.\n\n'
            "When I left Berlin, a Ukrainian diplomat walked me to the S-Bahn. \"Everyone is "
            'asking us what we are ready to give up," he said.')
    assert attributed(text, codebook)[-1] == ("Ukrainian diplomat", "ukraine")


def test_a_verb_of_the_reported_clause_is_not_the_attribution(codebook):
    text = ("Meanwhile, the Kremlin said it was aware of the results of the Florida meeting. "
            "Aide to the Russian President Yuri Ushakov told journalists that Moscow still "
            "insisted on the withdrawal and that a temporary ceasefire would only \"prolong the "
            'conflict."')
    assert attributed(text, codebook) == [("Yuri Ushakov", "russia")]


@pytest.mark.parametrize("said", ["said Putin had told", "says Mr Putin told"])
def test_a_reported_clause_without_that_is_the_reporters_words(codebook, said):
    text = (f"In Moscow, Kremlin adviser Yuri Ushakov {said} Trump that a temporary "
            'ceasefire "would only prolong the conflict."')
    assert attributed(text, codebook) == [("Yuri Ushakov", "russia")]


@pytest.mark.parametrize(("home", "who"), [("ukraine", "Volodymyr Zelensky"),
                                           ("us", "Donald Trump")])
def test_a_house_style_president_is_the_storys_own(codebook, home, who):
    from store.extract.quotes import extract_quotes
    from store.extract.sentences import split_sentences

    text = ("The talks in Florida with the U.S. President Donald Trump and President Volodymyr "
            "Zelensky ended on Sunday.\n\n"
            '"Of the twenty points, we have agreed on about ninety percent," the President '
            "noted.")
    quotes = extract_quotes(text, split_sentences(text), codebook, home)
    assert [q.speaker for q in quotes] == [who]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"This is neutrality by stealth, and nothing less," said Sinn Féin\'s spokeswoman '
         "on foreign affairs, Aoife Kearney TD.", ("Aoife Kearney", "europe")),
        ('"This is neutrality by stealth, and nothing less," said Jane Smith MP.',
         ("Jane Smith", None)),
        ('"This is neutrality by stealth, and nothing less," Jane Smith MP said.',
         ("Jane Smith", None)),
        ('"We will not be bounced into this," Jean Dupont MEP said.', ("Jean Dupont", "europe")),
    ],
)
def test_letters_after_a_name_are_not_part_of_it(codebook, text, expected):
    assert attributed(text, codebook) == [expected]


def test_the_taoiseach_is_a_title_and_an_irish_one(codebook):
    text = ('"Ireland is not a bystander to what happens on this continent," Taoiseach '
            "Micheál Martin said.")
    assert attributed(text, codebook) == [("Micheál Martin", "europe")]


def test_a_title_ending_in_a_list_is_one_apposition(codebook):
    text = ("Briefing ambassadors, Miroslav Jenča, Assistant Secretary-General for Europe, "
            "Central Asia and the Americas, said the strikes had hit energy facilities.\n\n"
            '"Winter is being used as a weapon," he said.')
    assert [who for who, _ in attributed(text, codebook)] == ["Miroslav Jenča"]


def test_a_possessive_title_then_a_who_clause_is_one_apposition(codebook):
    text = ("Dmytro Lubinets, Ukraine’s parliamentary commissioner for human rights, who led "
            "part of the Ukrainian delegation, said the talks had been ‘difficult but "
            "concrete’.")
    assert attributed(text, codebook) == [("Dmytro Lubinets", "ukraine")]


def test_a_surname_with_its_particle_in_lower_case_names_the_speaker(codebook):
    text = ("Saeed al-Kaabi, a senior Emirati official, said releases had become a proof.\n\n"
            "“Prisoners are the one file where trust can be built in weeks,” al-Kaabi told Al "
            "Jazeera by phone.")
    assert [who for who, _ in attributed(text, codebook)] == ["Saeed al-Kaabi"]


def test_a_capitalised_word_before_a_title_and_a_name_is_not_the_name(codebook):
    text = ('"The chancellor announces, the defense minister qualifies, and nobody knows," said '
            "Green lawmaker Lea Sommerfeld.")
    assert [who for who, _ in attributed(text, codebook)] == ["Lea Sommerfeld"]


def test_a_name_with_its_particles_opens_a_bullet(codebook):
    text = ("* European Commission President Ursula von der Leyen, on the assets: \"Russia's "
            'assets will remain immobilised until Russia ends its war."')
    assert attributed(text, codebook) == [("Ursula von der Leyen", "europe")]


@pytest.mark.parametrize(("text", "who"), [
    ("Putin's aide Yuri Ushakov told Russian reporters on Sunday that Putin had told Trump a "
     'ceasefire would "only prolong the conflict at best."', "Yuri Ushakov"),
    ("When asked about Western media reports that Washington had offered guarantees, Ushakov "
     'said that Russia "cannot comment on what it has not seen."', "Yuri Ushakov"),
])
def test_the_reporter_of_reported_words_speaks_them_not_the_one_reported(codebook, text, who):
    assert [w for w, _ in attributed(text, codebook)] == [who]


def test_a_participle_aside_between_the_name_and_the_verb_holds_no_name(codebook):
    text = ("Prime Minister Sanae Takaichi, speaking at her New Year news conference in Ise, Mie "
            'Prefecture, on Monday, said Japan would "never accept a unilateral change of the '
            'status quo by force."')
    assert [w for w, _ in attributed(text, codebook)] == ["Sanae Takaichi"]


@pytest.mark.parametrize("adverb", ["already", "publicly", "officially"])
def test_an_adverb_after_the_auxiliary_keeps_the_subject(codebook, adverb):
    text = (f'The Foreign Ministry has {adverb} stated that "any use of Russian assets will entail '
            'a painful response."')
    assert [w for w, _ in attributed(text, codebook)] == ["Foreign Ministry"]


def test_a_plural_title_is_no_persons_name(codebook):
    text = ("Volodymyr Zelensky arrived on Tuesday. Addressing Dutch MPs in The Hague, he said "
            'Russian money should "pay for what Russia destroyed" in full.')
    assert attributed(text, codebook) == [("Volodymyr Zelensky", "ukraine")]


def test_an_age_then_a_long_apposition_with_commas_stands_before_the_verb(codebook):
    text = ("Mariia Ostapchuk, 41, a second-term lawmaker from the opposition European Solidarity "
            "faction and a member of the Rada's Committee on National Security, Defense and "
            "Intelligence, says she spent the holidays “reading drafts that nobody was supposed "
            "to leak.”")
    assert attributed(text, codebook) == [("Mariia Ostapchuk", "ukraine")]


def test_an_outlet_that_reports_is_no_person_the_head_of_state_goes_back_to(codebook):
    text = ("President Volodymyr Zelensky addressed the nation on Sunday. The Head of State said "
            "this in his evening address, Ukrinform reports.\n\n"
            '"Today I received a detailed report from Rustem Umerov on the meetings," the Head '
            "of State said.")
    assert attributed(text, codebook, "ukraine") == [("Volodymyr Zelensky", "ukraine")]


def test_a_name_with_a_joined_particle_before_its_title_is_the_speaker(codebook):
    text = ('"Qatar will continue to support every effort that brings these children home," '
            "Majed al-Ansari, the Qatari foreign ministry spokesman, said in a statement.")
    assert attributed(text, codebook) == [("Majed al-Ansari", None)]


@pytest.mark.parametrize("title", ["Retired Maj.-Gen.", "Brig.-Gen.", "Lieutenant-General"])
def test_a_rank_written_with_hyphens_is_no_part_of_the_name(codebook, title):
    text = (f"{title} Denis Thibault, a former commander of the training mission, said the "
            "presence of intelligence officers was significant. “When the GRU sends its chief, "
            "the Kremlin is talking about lines on a map,” Thibault said.")
    assert attributed(text, codebook) == [("Denis Thibault", None)]


def test_the_country_a_minister_spoke_for_fits_his_nationality_later(codebook):
    text = ("Foreign Minister Ignazio Cassis said Switzerland was “glad to provide the space” "
            "and would do so again.\n\n“Our role is to offer a room, a table and discretion. The "
            "substance belongs to the parties,” the Swiss foreign minister said.")
    assert [speaker for speaker, _ in attributed(text, codebook)] == ["Ignazio Cassis"] * 2


def test_a_legislators_title_is_no_part_of_the_name(codebook):
    text = ("Opposition Legislator Chang Chia-hsien offered a different reading.\n\n"
            '"Kyiv is being asked to give up land that it has fought for," Chang said.')
    assert [speaker for speaker, _ in attributed(text, codebook)] == ["Chang Chia-hsien"]


def test_a_family_name_alone_is_the_person_of_that_name_named_last(codebook):
    text = ("Research fellow Lin Yu-hsuan said the debate held lessons.\n\n"
            '"The Ukrainians are asking for guarantees," Lin said.\n\n'
            "In Beijing, foreign ministry spokesman Lin Jian told a news conference that China "
            '"welcomes all efforts conducive to peace."\n\n'
            '"China has always believed that dialogue is the only way," Lin said.')
    assert [speaker for speaker, _ in attributed(text, codebook)] == [
        "Lin Yu-hsuan", "Lin Jian", "Lin Jian"]


@pytest.mark.parametrize("title", ["Cllr", "Councillor", "Councilmember"])
def test_a_councillors_title_is_no_part_of_the_name(codebook, title):
    text = (f"The leader of the city council, {title} Mark Tremayne, said the city was proud. "
            '"Plymouth has always stepped up when the country asked it to," he said.')
    assert [speaker for speaker, _ in attributed(text, codebook)] == ["Mark Tremayne"]


def test_a_codebook_role_in_british_spelling_is_its_holder(codebook):
    text = ('"We worked through every point of the framework, line by line," the secretary of '
            "Ukraine's National Security and Defence Council wrote on Telegram.")
    assert attributed(text, codebook) == [("Rustem Umerov", "ukraine")]


@pytest.mark.parametrize("tag", ["R-Rocky River", "D-Warrensville Heights", "R-Ohio"])
def test_a_us_lawmakers_party_and_home_town_tag_is_no_name(codebook, tag):
    text = (f'Rep. Max Miller, {tag}, said on social media that the declaration showed "Europe '
            'finally stepping up," as expected.')
    assert attributed(text, codebook) == [("Max Miller", "us")]
