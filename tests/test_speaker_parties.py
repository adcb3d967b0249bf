"""Which party a speaker speaks for: the codebook's words for a party inside a title or an
apposition, an office and the place the paragraph is in, "its minister", a source's
origin; observers and reporters speak for none."""

from __future__ import annotations

import pytest

from store.codebook import default_codebook_path, load_codebook
from tests.extractlib import attributed


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(default_codebook_path())


def test_a_regional_military_administration_is_ukrainian_not_the_us_administration(codebook):
    text = (
        '"They are hitting the grid on purpose, right in the middle of winter," Ivan Petrenko, '
        "head of the Poltava regional military administration, told reporters."
    )
    assert attributed(text, codebook) == [("Ivan Petrenko", "ukraine")]


def test_a_capitalised_qualifier_of_the_origin_keeps_its_party(codebook):
    text = (
        "An alliance diplomat from a Western European country said the mood was "
        '"anxious but realistic at best."'
    )
    assert attributed(text, codebook) == [("alliance European diplomat", "europe")]


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
        ('"We are promising troops we do not have," said Jürgen Hartwig, a CDU lawmaker.',
         ("Jürgen Hartwig", "europe")),
        ("Katrin Ebeling, a Green member of the Bundestag's foreign affairs committee, said the "
         'mandate "must come from parliament, not from a summit."', ("Katrin Ebeling", "europe")),
    ],
)
def test_german_lawmakers_as_probe_set_12_writes_them(codebook, text, expected):
    assert attributed(text, codebook)[-1] == expected


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


@pytest.mark.parametrize(
    "text",
    ['"We watch the same border," said Lieutenant Colonel Mikko Harju of the Southeast'
     " Finland Border Guard District.",
     "Lt. Col. Mikko Harju of the Finnish Defence Forces' headquarters said the army was"
     ' ready. "Our intelligence picture has not changed," Harju said.'],
)
def test_the_body_a_person_is_of_after_the_name_gives_the_party(codebook, text):
    assert {p for _, p in attributed(text, codebook)} == {"europe"}


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
     "a portfolio manager at Dragon Capital in Kyiv",
     "of the Berlin Centre for Eastern European Studies"],
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


@pytest.mark.parametrize(("text", "expected"), [
    ('A U.S. Treasury official said there would be no easing. "Nothing comes off until the '
     'guns go quiet," the official said.', [("U.S. Treasury official", "us")]),
    ('A Ukrainian Energy Ministry official said "the repairs will take weeks, not days" now.',
     [("Ukrainian Energy Ministry official", "ukraine")]),
])
def test_a_department_between_the_country_and_the_head_keeps_the_source_whole(
    codebook, text, expected
):
    assert attributed(text, codebook) == expected


_RUSSIAN_BUDGET = (
    "Russia's budget is under strain. Russia cut its oil price forecast, and Russia's reserve "
    "fund is shrinking. The United States added two tankers to its list on Friday.\n\n"
)
_UKRAINIAN_FRONT = (
    "Ukraine's front line is thinning. Ukraine lost two villages this week, and Ukraine's "
    "generals are short of men. Russia denied the losses.\n\n"
)


@pytest.mark.parametrize(("setting", "party"), [(_RUSSIAN_BUDGET, "russia"),
                                                 (_UKRAINIAN_FRONT, "ukraine")])
def test_an_office_holder_with_no_country_holds_it_for_the_party_the_article_is_about(
    codebook, setting, party
):
    text = setting + (
        '"We planned for a weaker market," Finance Minister Anton Siluanov said on Wednesday.'
    )
    assert attributed(text, codebook) == [("Anton Siluanov", party)]


def test_a_soldier_or_a_lawmaker_is_of_the_party_the_article_is_about(codebook):
    text = _UKRAINIAN_FRONT + (
        '"We hold the line with half the people we need," a soldier said.\n\n'
        '"Nobody here will vote for that map," said lawmaker Inna Sovsun.\n\n'
        '"You cannot hold a referendum under fire," Opposition MP Iryna Kostenko said.\n\n'
        'Spokesperson Yurii Ihnat said the strikes were "a clear answer to everyone."'
    )
    assert attributed(text, codebook) == [
        ("soldier", "ukraine"), ("Inna Sovsun", "ukraine"), ("Iryna Kostenko", "ukraine"),
        ("Yurii Ihnat", "ukraine"),
    ]


@pytest.mark.parametrize(
    "quote",
    [  # observers, a body or country of their own, those from elsewhere
        '"The front will hold until spring," a military expert said.',
        '"We oppose unilateral sanctions," Chinese Foreign Ministry spokesperson Mao Ning said.',
        '"The plant is on the edge," IAEA Director General Rafael Grossi said.',
        '"We were told nothing about the plan," a Western soldier said.',
        '"It is a question for the summit," the foreign ministers said.',
        '"Nobody can say how long it lasts," said Rebecca Thorne, a professor of history.',
    ],
)
def test_who_is_not_of_the_article_s_own_party_keeps_none(codebook, quote):
    assert attributed(_UKRAINIAN_FRONT + quote, codebook)[0][1] is None


def test_an_article_about_two_parties_alike_gives_an_office_holder_none(codebook):
    text = (
        "Ukraine and Russia traded blame. Russia said Ukraine struck first; Ukraine said "
        'Russia did.\n\n"We planned for a weaker market," Finance Minister Anton Siluanov said.'
    )
    assert attributed(text, codebook) == [("Anton Siluanov", None)]



@pytest.mark.parametrize(
    "text",
    [
        'Chinese foreign ministry spokesman Guo Jiakun said China welcomed "all efforts'
        ' conducive to peace".',
        '"China welcomes all efforts conducive to peace," said Chinese foreign ministry'
        " spokesman Guo Jiakun.",
    ],
)
def test_a_codebook_title_of_a_country_of_no_party_is_not_the_codebook_holders(codebook, text):
    assert attributed(text, codebook) == [("Guo Jiakun", None)]


@pytest.mark.parametrize(("dateline", "party"), [("ROME, January 7 (ANSA) -", "europe"),
                                                 ("KYIV (AP) —", "ukraine")])
def test_an_office_holder_with_no_country_holds_the_office_where_the_dateline_is(
    codebook, dateline, party
):
    text = (
        f"{dateline} The United States and Russia traded proposals on Ukraine, and Russia"
        " answered the United States on Tuesday.\n\n"
        'Defence Minister Guido Crosetto said monitoring a ceasefire was "an enormous task for'
        ' our forces."'
    )
    assert attributed(text, codebook) == [("Guido Crosetto", party)]


@pytest.mark.parametrize(("scene", "party"), [
    ("In Seoul, officials said South Korea was watching the talks closely.", None),
    ("In New Delhi, officials said India was watching the talks closely.", None),
    ("In Kyiv, officials said Ukraine was watching the talks closely.", "ukraine"),
])
def test_an_office_holder_named_where_another_country_is_the_scene_holds_its_office(
    codebook, scene, party
):
    text = (
        "Ukraine and Russia traded proposals, and Ukraine answered Russia on Tuesday in "
        "Ukraine's capital.\n\n"
        f"{scene}\n\n"
        'Foreign Minister Cho Hyun said the government would "do everything diplomatically '
        'possible" to help.'
    )
    assert attributed(text, codebook) == [("Cho Hyun", party)]


def test_an_office_holder_in_a_paragraph_opening_in_a_foreign_place_holds_its_office(codebook):
    """The paragraph names Ukraine more often than New Zealand, but opens in Wellington."""
    text = (
        "BERLIN (Reuters) - European leaders met Ukraine's president in Berlin on Monday, and "
        "Europe pledged a force for Ukraine.\n\n"
        "In Wellington, Foreign Minister Winston Peters said New Zealand welcomed the talks. "
        '"We support any process that leads to a just and lasting peace for Ukraine, on terms '
        'Ukraine can accept," Peters said.'
    )
    assert attributed(text, codebook) == [("Winston Peters", None)]


def test_an_office_holder_whose_sentence_speaks_of_another_country_holds_its_office(codebook):
    """No place opens the paragraph, but the sentence naming the minister speaks of Australia
    and of no party: his office is Australia's, not the story's party's."""
    text = (
        "WASHINGTON - Trump hosted Zelensky, and the United States and Ukraine agreed to meet "
        "again; Trump said the United States would decide.\n\n"
        'Defence Minister Richard Marles said Australia remained "open to considering" a role '
        'in any mission. "We will look at any request on its merits," he said.'
    )
    assert {party for _, party in attributed(text, codebook)} == {None}


@pytest.mark.parametrize("said", ["said Lithuania would judge the outcome",
                                  "said Lithuania's military support would not change"])
def test_an_office_holder_saying_what_a_partys_country_will_do_holds_its_office(
        codebook, said):
    text = (
        "ABU DHABI - The talks ended on Saturday without a breakthrough.\n\n"
        f'President Gitanas Nauseda {said}. "Any agreement must not reward the aggressor," '
        "the president said."
    )
    assert attributed(text, codebook, home=None) == [("Gitanas Nauseda", "europe")]


def test_a_later_title_does_not_give_a_person_named_abroad_a_party(codebook):
    """"Senator" is a US title to the codebook; Penny Wong, first named in Canberra, is
    Australia's senator."""
    text = (
        "WASHINGTON - Trump hosted Zelensky, and the United States and Ukraine agreed to meet "
        "again; Trump said the United States would decide.\n\n"
        "In Canberra, Foreign Minister Penny Wong said the government welcomed the talks.\n\n"
        '"Australia welcomes every genuine effort towards a just and lasting peace," Senator '
        "Wong said in a statement."
    )
    assert attributed(text, codebook) == [("Penny Wong", None)]


@pytest.mark.parametrize("mark", ["‘", ""])
def test_an_apposition_ends_with_its_sentence_not_in_the_quotation_after_it(codebook, mark):
    """ "Russian" in the next sentence (quoted or not) says nothing of the chairman."""
    close = "’" if mark else ""
    text = (
        "‘People here are practical,’ said Mykola Sawchuk, chairman of the Bradford club of "
        f"the Association of Ukrainian Families. {mark}But they read that the Russian "
        f"money is still sitting in a bank.{close}"
    )
    assert attributed(text, codebook)[0] == ("Mykola Sawchuk", "ukraine")


def test_an_ambassador_speaks_for_the_country_that_sends_him_not_where_he_is_posted(codebook):
    text = (
        "Meera Krishnan, a former Indian Ambassador to Russia, said: "
        '"For India, the best outcome is a settlement that eases sanctions."'
    )
    assert attributed(text, codebook) == [("Meera Krishnan", None)]


def test_leaders_including_named_ones_are_the_leaders_of_the_one_party_the_list_names(
    codebook
):
    text = (
        "In a joint statement issued after the dinner, leaders including Britain's Keir "
        "Starmer, France's Emmanuel Macron and Poland's Donald Tusk said Europe would lead a "
        '"multinational force Ukraine" to help secure the country.'
    )
    assert attributed(text, codebook) == [("leaders", "europe")]


def _analysed_parties(text: str, codebook) -> list[tuple[str | None, str | None]]:
    from pathlib import Path

    from store.articles import RawArticle
    from store.extract.article import analyse

    raw = RawArticle(Path("a.txt"), "a.txt", text.encode(), text, None)
    return [(q.speaker, q.party) for q in analyse(raw, codebook).quotes]


@pytest.mark.parametrize(("top", "party"), [("ISTANBUL", None), ("ANKARA", None),
                                            ("DAILY SABAH", "ukraine"), ("KYIV", "ukraine"),
                                            ("Hamza Al Tamimi\nAbu Dhabi", None),
                                            ("Europe", "ukraine")])  # (a section's name)
def test_a_dateline_line_of_a_country_of_no_party_gives_the_story_no_home(codebook, top, party):
    text = (
        "DAILY SABAH\n\nFidan says talks will go on\n\n"
        "Ukraine and Russia agreed on Tuesday to exchange prisoners, Ukraine's negotiators "
        "said in Ukraine.\n\n"
        f"{top}\nMar 10, 2026\n\n"
        'Foreign Minister Hakan Fidan said the talks were "a good start for both sides."'
    )
    assert _analysed_parties(text, codebook) == [("Hakan Fidan", party)]


def test_a_countrys_own_name_and_its_provinces_are_foreign_places(codebook):
    from store.extract.countries import world
    from store.extract.speakers.matcher import matcher_for

    here = world(matcher_for(codebook))
    assert [here.is_foreign_place(p) for p in ("Türkiye", "Istanbul", "Riyadh", "India")] == [
        True] * 4
    # the parties' own places, and a word no country has
    assert not any(here.is_foreign_place(p) for p in ("Kyiv", "Paris", "Moscow", "Politics"))


def test_the_top_lines_in_capitals_are_kept_for_the_dateline():
    from store.extract.clean import clean_article

    raw = ("DAILY SABAH\nPolitics › Diplomacy\n\nFidan: talks go on\n\nThe standfirst goes "
           "here, and it is long enough to read as the story's opening sentence.\n\n"
           "ISTANBUL\nMar 10, 2026\n\nThe story.\n")
    assert clean_article(raw, "a.txt").capitals_at_top == ("DAILY SABAH", "ISTANBUL")


@pytest.mark.parametrize(("who", "name"), [("The Greens' Agnieszka Brugger", "Agnieszka Brugger"),
                                           ("The Left Party's Jan van Aken", "Jan van Aken")])
def test_a_german_party_places_its_member_in_europe(codebook, who, name):
    text = f'{who} warned the government. "Nobody has told us how long it would be for," he said.'
    assert attributed(text, codebook) == [(name, "europe")]


def test_a_long_title_of_a_country_is_its_holders(codebook):
    text = ("Deputy Prime Minister for European and Euro-Atlantic Integration of Ukraine Taras "
            "Kachka said on the national telethon that the conference could be convened "
            '"within two weeks" of a political decision.')
    assert attributed(text, codebook) == [("Taras Kachka", "ukraine")]


@pytest.mark.parametrize(("text", "who"), [
    ("Sofia Lindqvist, the World Bank's country director for Eastern Europe, said guarantees "
     'could "multiply every public dollar several times over."', ("Sofia Lindqvist", None)),
    ('China\'s U.N. Ambassador Fu Cong urged both sides to "keep the door of dialogue open."',
     ("Fu Cong", None)),
    ('"The ruble has been trading peace headlines," said Yevgeny Sukhanov, chief strategist at '
     "Moscow brokerage Arbat Invest.", ("Yevgeny Sukhanov", None)),
    ('"A ceasefire is bearish for crude at the margin," said Helen Maris, head of commodities '
     "strategy at Northbridge Markets in London.", ("Helen Maris", None)),
    ('"Attacks on civilians must stop," said Miroslav Jenča, Assistant Secretary-General for '
     "Europe.", ("Miroslav Jenča", None)),
])
def test_an_international_or_foreign_title_gives_no_party(codebook, text, who):
    assert attributed(text, codebook) == [who]


def test_a_un_spokesman_takes_no_home_party(codebook):
    text = ("Earlier Tuesday, U.N. spokesman Stephane Dujarric told reporters that the "
            'secretary-general was "deeply alarmed by the strike" in Ukraine.')
    assert attributed(text, codebook, "ukraine") == [("Stephane Dujarric", None)]


@pytest.mark.parametrize(("text", "who"), [
    ('"We will not be a blank check for a war that has not ended," one Democratic senator said.',
     ("Democratic senator", "us")),
    ('"Not before a ceasefire," said Ralf Stegner, a Social Democratic lawmaker.',
     ("Ralf Stegner", "europe")),
])
def test_the_democrats_are_american_and_the_social_democrats_european(codebook, text, who):
    assert attributed(text, codebook) == [who]


def test_the_person_a_story_describes_before_naming_is_the_next_one_named(codebook):
    text = (
        "Ukraine's ambassador says Kyiv 'will not sign a ceasefire that is only a pause'\n\n"
        "WASHINGTON — Ukraine's ambassador to the United States said Sunday that her country "
        "was ready to make hard choices.\n\n"
        '"We are going into these talks with open eyes," Olha Stefanishyna said in an '
        "interview.\n\n"
        "President Volodymyr Zelensky met the envoys in Berlin on Sunday.\n\n"
        '"The system worked. Investigators did their job," the ambassador said.'
    )
    got = attributed(text, codebook)
    assert got[-2:] == [("Olha Stefanishyna", "ukraine")] * 2


def test_the_next_quotation_is_no_part_of_a_persons_description(codebook):
    text = ('"I don\'t believe in guarantees any more, I believe in air defence," said Iryna '
            "Savchuk, a 47-year-old accountant waiting in line in the Obolon district. "
            '"Whatever they sign in Berlin, the drones come at night."')
    assert attributed(text, codebook) == [("Iryna Savchuk", None)] * 2


def test_an_outlets_editor_speaks_for_no_party(codebook):
    text = ("As the BBC's Russia editor Daniel Oakes put it on Tuesday, Moscow's message has "
            'not shifted: "The Kremlin keeps saying it wants the root causes of the war '
            'removed."')
    assert attributed(text, codebook) == [("Daniel Oakes", None)]


def test_the_body_a_person_has_headed_gives_their_party(codebook):
    text = ('Jan Novak, who has headed Poland\'s National Security Bureau since 2024, said the '
            'force needed "a clear mandate and a clear end."')
    assert attributed(text, codebook) == [("Jan Novak", "europe")]


def test_switzerland_is_european_as_the_swiss_are(codebook):
    text = ('Switzerland\'s foreign minister, Ignazio Cassis, said on Wednesday that "Geneva is'
            ' ready, tomorrow if necessary."')
    assert attributed(text, codebook) == [("Ignazio Cassis", "europe")]


@pytest.mark.parametrize("dateline", ["TOKYO -- ", "TOKYO – "])
def test_an_inline_dateline_of_a_country_of_no_party_gives_the_story_no_home(
        codebook, dateline):
    text = (
        "Japan to fund Ukraine's rebuilding\n\n"
        f"{dateline}Japan will set aside 500 billion yen to help rebuild Ukraine, Prime Minister"
        " Sanae Takaichi said on Thursday, after talks with Ukraine's Prime Minister.\n\n"
        '"Japan will not be a bystander to the peace," Takaichi told reporters.'
    )
    assert _analysed_parties(text, codebook) == [("Sanae Takaichi", None)]


def test_another_countrys_minister_takes_no_party_from_the_story(codebook):
    text = (
        "The U.S. and Ukraine met in Berlin. Washington said the U.S. plan was ready, and U.S."
        " envoys said the U.S. would back it.\n\n"
        "Singapore's Foreign Minister Vivian Balakrishnan said on Tuesday that the Republic"
        " welcomed any effort to end the killing.\n\n"
        '"For a small state, this principle is not abstract," Dr Balakrishnan told reporters.'
    )
    assert _analysed_parties(text, codebook) == [("Vivian Balakrishnan", None)]


def test_a_story_about_another_countrys_part_gives_its_office_holders_no_party(codebook):
    story = (
        "Australia will impose sanctions on 40 more ships, the Australian government said."
        " Australia has sanctioned 200 ships since 2022, and Canberra says Australia will go"
        " further.\n\nThe U.S. welcomed it. Washington said the U.S. would follow.\n\n"
        "Foreign Minister Penny Wong said the ships carried oil, and that the U.S. agreed."
        ' "Every one of these ships is carrying oil that pays for the missiles," Wong said.'
    )
    assert _analysed_parties(story, codebook) == [("Penny Wong", None)]
    # where the party's own sentences outnumber the other country's words: the story's own
    us_story = story.replace("would follow.", "would follow." + " The U.S. agreed." * 6)
    assert _analysed_parties(us_story, codebook) == [("Penny Wong", "us")]


def test_a_title_described_before_the_name_gives_its_country_over_the_dateline(codebook):
    text = (
        "WASHINGTON — Estonia's foreign minister urged the U.S. Congress on Tuesday to pass"
        " the sanctions bill. The U.S. Senate has not voted.\n\n"
        '"The new sanctions," Foreign Minister Margus Tsahkna told VOA in an interview in'
        ' Washington, "are the price of the future."'
    )
    assert {p for _, p in _analysed_parties(text, codebook)} == {"europe"}


def test_a_source_of_a_body_named_before_its_head_is_the_bodys(codebook):
    text = (
        "Ukraine says the plant is Ukrainian. Ukraine will not trade it, Kyiv said. A"
        ' spokesperson said "nothing was signed at all."\n\n'
        '"Our only concern is nuclear safety and security," an IAEA spokesperson said.'
    )
    assert _analysed_parties(text, codebook) == [("spokesperson", "ukraine"),
                                                 ("IAEA spokesperson", None)]


def test_a_long_title_keeps_its_country_before_the_portfolio(codebook):
    text = ("Ukraine's Deputy Prime Minister for European Integration, Taras Kachka, said the"
            ' laws were passed. "If a country under missile attack can pass these laws, nobody'
            ' can say it is not ready," Kachka said.')
    assert attributed(text, codebook) == [("Taras Kachka", "ukraine")]


@pytest.mark.parametrize("title", ["President", "Chancellor", "Premier"])
def test_a_head_of_state_or_government_named_with_no_country_holds_the_storys(codebook, title):
    text = (f"{title} Edgars Rinkēvičs wrote on X on Wednesday that the country \"welcomes the "
            'Paris Declaration and will do its part."')
    assert attributed(text, codebook, "europe") == [("Edgars Rinkēvičs", "europe")]


@pytest.mark.parametrize("place", ["Riga", "Tallinn", "the Saeima", "the Sejm"])
def test_an_office_holder_in_a_european_capital_or_parliament_is_european(codebook, place):
    text = (f'In {place}, Deputy Minister Jānis Kalniņš said the deal was "a step, but only a '
            'first one."')
    assert attributed(text, codebook) == [("Jānis Kalniņš", "europe")]


def test_a_title_after_a_comma_is_the_persons_without_the_clause_before_it(codebook):
    text = ("China supports all efforts, including the contacts between Russia and the U.S., "
            "Chinese Foreign Ministry spokesperson Lin Jian said on Monday.\n\n"
            '"China welcomes all efforts conducive to peace," Lin said.')
    assert attributed(text, codebook) == [("Lin Jian", None)]


def test_a_resident_named_by_first_name_alone_is_of_the_storys_party(codebook):
    text = ("Valentina, 67, a retired teacher, sells pickles at the market in Tver.\n\n"
            '"Just let it end. That is all anybody in our village wants," she said.')
    assert attributed(text, codebook, "russia") == [("Valentina", "russia")]


def test_a_compound_adjective_is_no_name(codebook):
    text = ("A Piraeus-based owner of a fleet of tankers was more blunt. \"Every time Brussels "
            'tightens the screw, more ships appear under a flag of convenience," he said.')
    assert "Piraeus-based" not in [who for who, _ in attributed(text, codebook)]


def test_a_resident_holds_the_party_of_the_place_the_paragraph_opens_in(codebook):
    text = ("In Sloviansk, the idea of a vote drew scepticism. \"A referendum? Under this, with "
            'the bombs?" said Oleh, 38, a municipal worker clearing glass.')
    assert attributed(text, codebook, "russia") == [("Oleh", "ukraine")]


def test_an_opposition_mp_is_an_anonymous_source_of_the_party_named(codebook):
    text = ("Umerov flew to Miami on Friday. ‘We still do not know what exactly he has agreed "
            "to in Miami,’ says an opposition MP from European Solidarity, who complains that "
            "parliament learns of each round from posts.")
    [(speaker, party)] = attributed(text, codebook)
    assert "opposition" in speaker and "MP" in speaker and party == "ukraine"


def test_a_codebook_role_alone_lends_no_party_in_another_country(codebook):
    text = ("The Kremlin's response came from Moscow on Monday.\n\n"
            "China. Foreign Ministry spokesman Lin Jian said Beijing “supports all efforts "
            "conducive to peace” and hoped the parties would “meet each other halfway.”")
    assert attributed(text, codebook) == [("Lin Jian", None), ("Lin Jian", None)]


@pytest.mark.parametrize("home", ["us", "ukraine", ""])
def test_another_peoples_office_before_the_name_is_no_partys(codebook, home):
    text = ("Witkoff and Kushner met the delegations in Miami on Saturday.\n\n"
            "Argentine President Javier Milei, a vocal supporter of Kyiv, wrote on social media "
            'that "peace cannot mean rewarding the aggressor" - a line that drew a rebuke.')
    assert attributed(text, codebook, home or None) == [("Javier Milei", None)]


@pytest.mark.parametrize(("opening", "who"), [  # (a cardinal's title is no name)
    ("Vatican Secretary of State Cardinal Pietro Parolin", "Pietro Parolin"),
    ("Nova Scotia Premier Tim Houston", "Tim Houston"),
])
def test_an_office_of_a_place_no_party_holds_lends_no_party(codebook, opening, who):
    text = ("Witkoff and Kushner met the delegations in Miami on Saturday.\n\n"
            f'{opening} said they were "ready to offer any help that may be useful".')
    assert attributed(text, codebook, "us") == [(who, None)]


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_a_countrys_possessive_title_before_the_name_gives_its_party(codebook, apostrophe):
    text = (f"The talks resumed on Monday.\n\nUkraine{apostrophe}s ambassador to Poland, Vasyl "
            'Bodnar, welcomed the offer. "For four years Rzeszow has been the gateway to '
            'Ukraine," he said.')
    assert attributed(text, codebook) == [("Vasyl Bodnar", "ukraine")]


@pytest.mark.parametrize(("clause", "party"), [
    ("whom Moscow appointed to run the part of the region its troops occupy", "russia"),
    ("who was appointed by Kyiv as governor", "ukraine"),
])
def test_whoever_put_a_person_in_office_gives_the_party(codebook, clause, party):
    text = (f"The talks resumed on Monday.\n\nYevgeny Balitsky, {clause}, dismissed the idea. "
            '"The station will stay where it is," he said.')
    assert attributed(text, codebook) == [("Yevgeny Balitsky", party)]


def test_an_office_holder_in_another_country_inherits_no_earlier_sources_party(codebook):
    text = ("European ministers met in Paris on Tuesday. A senior European minister said the "
            "force was ready.\n\nIn Canada, Defence Minister David McGuinty, speaking in Ottawa, "
            'said planning had been underway. "The Canadian Armed Forces are ready to do their '
            'part," McGuinty said.')
    assert attributed(text, codebook)[-1] == ("David McGuinty", None)


@pytest.mark.parametrize(("described", "party"), [
    # a body served before is not the office holder's now: the story's own president
    ("President Petr Pavel, a former chairman of NATO's Military Committee,", "europe"),
    ("Former militia commander Petr Pavel", "europe"),
    # a retired officer holds no rank in office
    ("Retired Major General Petr Pavel, a former NATO planner,", None),
])
def test_a_former_post_or_a_retired_rank_and_the_storys_own_party(codebook, described, party):
    from store.extract.quotes import extract_quotes
    from store.extract.sentences import split_sentences

    text = (f"{described} was more sceptical. “Guarantees that exist only on paper have never"
            " stopped Russia,” Pavel said on Monday evening.")
    quotes = extract_quotes(text, split_sentences(text), codebook, "europe")
    assert [(q.speaker, q.party) for q in quotes] == [("Petr Pavel", party)]


def test_a_man_introduced_by_a_given_name_in_a_dispatch_whose_dateline_names_the_country(
        codebook):
    from tests.extractlib import quotes_of

    text = ("NIKOPOL, Ukraine — The shelling began before dawn. Russian forces hold the plant;"
            " Russia says it will keep it, and Moscow's envoys say Russia will run it.\n\n"
            "Her neighbour, a retired engineer named Petro, worked for 31 years in the plant's"
            " turbine hall.\n\n"
            '"People in Washington talk about the station like it is a car," he said.')
    assert [(q.speaker, q.party) for q in quotes_of(text, codebook)] == [("Petro", "ukraine")]


def test_an_irish_partys_deputy_is_europes(codebook):
    text = ("People Before Profit TD Paul Murphy said the government had gone too far.\n\n"
            '"Irish neutrality is not something you trade away at a summit," Murphy said.')
    assert attributed(text, codebook) == [("Paul Murphy", "europe")]


def test_a_person_keeps_the_party_a_later_mention_gives_them(codebook):
    text = ("In Tallinn, Margus Tsahkna said Moscow had given no sign. \"The Russians are not "
            "negotiating, they are waiting,\" he said in a statement.\n\n"
            "Other ministers spoke later.\n\n"
            "Estonian Foreign Minister Margus Tsahkna said Tallinn would press on. \"Europe cannot "
            "ask Washington to guarantee anything now,\" he said.")
    assert attributed(text, codebook) == [("Margus Tsahkna", "europe")] * 2


@pytest.mark.parametrize(("later", "party"), [
    ("Tsahkna, Estonia's foreign minister since 2023, said", "europe"),
    ("Tsahkna, who met Russia's foreign minister in 2019, said", None),
])
def test_an_apposition_to_the_surname_alone_gives_the_office(codebook, later, party):
    text = ("In Tallinn, Margus Tsahkna said Moscow had given no sign.\n\n"
            f"{later} Tallinn would press on. \"Europe cannot ask Washington to guarantee "
            "anything now,\" he said.")
    assert attributed(text, codebook) == [("Margus Tsahkna", party)]


def test_the_country_a_minister_says_stands_is_theirs_before_ministers_heard_of_before(
        codebook):
    text = ("Russian ministers and negotiators will meet in Istanbul this week, the Kremlin "
            "said.\n\n"
            "Minister for Foreign Affairs Helen McEntee said Ireland welcomed “any genuine "
            "engagement” that could bring the war to “a just and lasting end”.")
    assert set(attributed(text, codebook)) == {("Helen McEntee", "europe")}


@pytest.mark.parametrize("text", [
    "SDLP leader Claire Hanna, the MP for Belfast South, said: “Putin has learned that he can "
    "keep the White House on the phone.”",
    "Scotland's First Minister John Swinney said: “The people of Ukraine deserve a just "
    "peace.”",
    "Sanne Hoekstra, foreign affairs spokesperson for the CDA, called the speech \"sober and "
    "honest\".",
])
def test_european_nations_and_their_parties_are_europes(codebook, text):
    assert {party for _, party in attributed(text, codebook)} == {"europe"}


def test_an_office_holder_who_speaks_for_a_country_of_no_party_has_none(codebook):
    text = ("PARIS — Britain and France will set up bases in Ukraine, the two countries "
            "announced on Tuesday, as Prime Minister Mark Carney said Canada was ready to help."
            "\n\n“Canada will be there,” Carney told reporters outside the Élysée.")
    assert attributed(text, codebook) == [("Mark Carney", None)]


def test_an_apposition_to_the_surname_naming_the_body_a_person_heads(codebook):
    text = ('"The plant is Russian and will be operated by Russian specialists," Alexei '
            "Likhachev said on Tuesday. Likhachev, the head of the state nuclear corporation "
            "Rosatom, said talks with the IAEA would go on.")
    assert attributed(text, codebook) == [("Alexei Likhachev", "russia")]


def test_a_photo_caption_describes_a_person_the_text_names_with_no_title(codebook):
    from store.articles import RawArticle
    from store.extract.article import analyse

    text = ("EU hopes\n\n[Image caption: Taras Kachka, Ukraine's deputy prime minister for "
            "European integration, has led the talks since 2025. Image source: Getty Images]\n\n"
            "Speaking on Radio 4 this morning, Taras Kachka said EU membership was \"the one "
            "guarantee nobody can take away from us\".\n")
    raw = RawArticle(path=None, name="a.txt", data=text.encode(), text=text, meta={})
    assert [(q.speaker, q.party) for q in analyse(raw, codebook).quotes] == [
        ("Taras Kachka", "ukraine")]


@pytest.mark.parametrize("text", [
    "Defence Minister Guido Crosetto, who accompanied Meloni to Paris, explained that Italy is "
    "weighing its assets. «It is a role that suits our forces,» Crosetto told ANSA.",
    "Foreign Minister Ignazio Cassis, who holds the chairmanship of the OSCE this year, said on "
    "Tuesday that Switzerland was ready to host talks. ‘Humanitarian questions are often where "
    "trust starts,’ Cassis told reporters.",
])
def test_the_country_a_minister_speaks_for_after_a_clause_about_them(codebook, text):
    assert {party for _, party in attributed(text, codebook)} == {"europe"}


def test_where_a_minister_spoke_is_no_body_of_his(codebook):
    text = ("EU leaders agree loan for Ukraine\n\nEuropean Union leaders agreed on Friday to "
            "lend Kyiv money. Luxembourg had backed the plan, and the Belgian government came "
            "round.\n\nForeign Minister Marc Lenert, speaking to RTL Radio, was more candid. "
            "“It is not the perfect solution, but it is a solution,” Lenert said.")
    assert attributed(text, codebook) == [("Marc Lenert", "europe")]


def test_a_country_of_no_party_that_speaks_is_no_person_and_borrows_no_party(codebook):
    text = ("Negotiators from Ukraine, Russia and the United States ended two days of talks in "
            "the United Arab Emirates.\n\nThe United Arab Emirates, which has brokered prisoner "
            'swaps, said it was "honoured to host this important meeting" and would go on.')
    assert attributed(text, codebook) == [("United Arab Emirates", None)]


def test_a_paragraph_ending_in_a_short_word_does_not_describe_the_next_one(codebook):
    text = ("Gulf states have mediated prisoner exchanges between Moscow and Kyiv.\n\n"
            "Foreign Minister Prince Faisal bin Farhan said the Kingdom welcomed the talks. "
            '"We stand ready to host any future round if the parties wish," he said.')
    assert attributed(text, codebook) == [("Prince Faisal bin Farhan", None)]


def test_the_vaticans_secretary_of_state_is_not_the_us_one(codebook):
    text = ("Cardinal Pietro Parolin, the Vatican's Secretary of State, told reporters on "
            'Tuesday that the Holy See was praying. "Peace requires courage from everyone," '
            "he said.")
    assert attributed(text, codebook) == [("Pietro Parolin", None)]


def test_the_country_a_coordinator_works_for_is_not_his_party(codebook):
    text = ("The UN humanitarian coordinator for Ukraine, Matthias Schmale, urged both sides "
            "to build on the pause. ‘Every day without strikes on the grid means hospitals with "
            "power,’ he said.")
    assert attributed(text, codebook) == [("Matthias Schmale", None)]


def test_officials_from_both_sides_lend_no_side_to_a_source_after_them(codebook):
    text = ("The talks brought together military and security officials from Moscow and Kyiv "
            'with US envoys.\n\nA senior official said the Russian team had spent much of Friday '
            '"reading out old demands from a piece of paper."')
    assert attributed(text, codebook) == [("senior official", None)]


def test_a_source_placed_by_the_article_is_none_of_a_group_named_before(codebook):
    text = ("Witkoff met Zelensky and European officials in Berlin on Monday.\n\n"
            "A Ukrainian delegation is also expected in Florida, a senior official in Kyiv "
            "said.\n\n"
            "‘We are going to Miami to listen, and to defend our red lines,’ the official said.")
    assert [party for _, party in attributed(text, codebook)] == [None]


def test_an_office_another_country_owns_gives_its_holder_no_party(codebook):
    text = ("Retired Maj.-Gen. Denis Thibault, a former commander of Canada's training mission "
            "in Ukraine, said the presence of intelligence officers was significant. “When the "
            "GRU sends its chief, the Kremlin is talking,” Thibault said.")
    assert attributed(text, codebook) == [("Denis Thibault", None)]


def test_the_country_a_prime_minister_said_on_a_weekday_was_ready_is_his(codebook):
    text = ("PARIS — Prime Minister Mark Carney said Tuesday that Canada is prepared to help "
            "monitor a future ceasefire, as European leaders meeting in Paris endorsed the "
            'plans.\n\n"Canada will not be a spectator to this peace," Carney told reporters.')
    assert attributed(text, codebook) == [("Mark Carney", None)]


def test_a_summits_conclusions_are_the_european_councils_words(codebook):
    text = ("Leaders agreed to keep the assets immobilised, and the summit conclusions say the "
            'Union "reserves the right" to use them to repay the new loan.')
    assert attributed(text, codebook) == [("European Council", "europe")]


def test_the_paris_declarations_words_are_the_coalitions(codebook):
    text = ("The so-called Paris Declaration, adopted at a summit hosted by French President "
            'Emmanuel Macron on Tuesday, says the signatories will "participate in a US-led '
            'ceasefire monitoring and verification mechanism".')
    assert attributed(text, codebook) == [("coalition of the willing", "europe")]


def test_a_group_of_the_countries_of_one_party_is_that_partys(codebook):
    text = ("After the dinner, leaders of Germany, France, Britain, Italy, Poland, the Nordic "
            "countries, the Netherlands and the European Union issued a joint statement saying "
            'they would work with the United States on "robust security guarantees" for Ukraine.')
    assert attributed(text, codebook) == [("leaders", "europe")]


@pytest.mark.parametrize(("body", "speaker"), [
    ("the UAE foreign ministry", "UAE foreign ministry"),
    ("the Emirati foreign ministry", "Emirati foreign ministry"),
    ("its foreign ministry", "United Arab Emirates foreign ministry"),
])
def test_a_ministry_of_a_country_of_no_party_speaks_for_none(codebook, body, speaker):
    text = ("The United Arab Emirates, which has mediated earlier exchanges, said it was ready "
            f'to host the talks. "We will continue to spare no effort to support dialogue," {body} '
            "said in a statement.")
    assert attributed(text, codebook) == [(speaker, None)]
