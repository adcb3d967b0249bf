"""Speech verbs and forms of attribution: which words introduce a speaker's words ("mocked",
"writing that", "put it"), which do not ("continued to"), and quotations in headlines
and subheadings."""

from __future__ import annotations

import pytest

from store.codebook import default_codebook_path, load_codebook
from tests.extractlib import attributed, quotes_of


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(default_codebook_path())


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


def test_a_place_after_a_verb_is_its_object_not_the_speaker(codebook):
    text = (
        "European leaders left Berlin last night insisting that the talks had produced "
        '"real, substantive progress" on guarantees.'
    )
    assert attributed(text, codebook) == [("European leaders", "europe")]


def test_a_subheading_quotation_is_the_words_of_whoever_says_them_below(codebook):
    text = (
        'Headline\n\n"We will go on," Jean-Noël Barrot told reporters in Paris.\n\n'
        "- 'Very serious objections' -\n\n"
        'Yuri Ushakov, the Kremlin aide, was blunt. "If European troops appear, we will have '
        'very serious objections," Ushakov said.'
    )
    assert [(q.text, q.speaker) for q in quotes_of(text, codebook)] == [
        ("We will go on,", "Jean-Noël Barrot"),
        ("Very serious objections", "Yuri Ushakov"),
        ("If European troops appear, we will have very serious objections,", "Yuri Ushakov"),
    ]


def test_a_section_heading_the_cleaner_keeps_is_the_words_of_whoever_says_them(codebook):
    from store.extract.clean import clean_article

    raw = ("Talks resume in Geneva\n\nThe Kremlin said on Tuesday it had no texts yet.\n\n"
           "Moscow: „We have not seen the documents“\n\n"
           "„We have not seen the documents, and we will judge them,“ Kremlin spokesman "
           "Dmitry Peskov told reporters.")
    text = clean_article(raw, "a.txt").text
    assert [(q.text, q.speaker) for q in quotes_of(text, codebook)] == [
        ("We have not seen the documents", "Dmitry Peskov"),
        ("We have not seen the documents, and we will judge them,", "Dmitry Peskov")]


@pytest.mark.parametrize(("text", "words"), [
    # the headline names its speaker in a way not read ("Taoiseach warns"), after another's
    # verb: the words are theirs who say nearly the same below
    ("Zelensky says Miami talks ‘constructive’ as Taoiseach warns Russia ‘has to show it"
     " wants peace’\n\n"
     "The Taoiseach, Micheál Martin, said Ireland would support any settlement.\n\n"
     "“Russia has to show that it wants peace,” Mr Martin said.",
     "has to show it wants peace"),
    # no rule attributes the headline's words: theirs who say them below
    ("Taoiseach says deal shows Europe 'has not blinked', as leaders fall back on"
     " borrowing\n\n"
     "Micheál Martin welcomed the deal on Friday.\n\n"
     "“Europe has not blinked. Moscow should take note,” Mr Martin said.",
     "has not blinked"),
])
def test_a_headlines_quotation_is_theirs_who_say_it_below(codebook, text, words):
    said = {q.text: q.speaker for q in quotes_of(text, codebook)}
    assert said[words] == "Micheál Martin"


@pytest.mark.parametrize("headline", [
    # the speaker the headline names right before its words keeps them
    "Starmer urges allies to ‘make Russia pay’ as leaders meet",
    # words quoted inside the text's quotation are somebody else's there
    "Zelensky says talks constructive as Taoiseach warns of ‘making Russia pay’",
])
def test_a_headlines_quotation_keeps_its_speaker_when_the_text_gives_no_better(codebook,
                                                                               headline):
    text = (
        f"{headline}\n\n"
        "Keir Starmer and Donald Trump spoke on Monday.\n\n"
        "“They talk about ‘making Russia pay’, but nobody says how,” said Robert Fico,"
        " the Slovak prime minister. “We should make Russia pay with its own money.”"
    )
    first = quotes_of(text, codebook)[0]
    assert first.speaker in ("Keir Starmer", "Donald Trump", "Volodymyr Zelensky")


def test_a_subheading_shortening_the_words_below_is_theirs(codebook):
    text = (
        'Headline\n\n"Winter is being used as a weapon," Miroslav Jenca told the Council.\n\n'
        "‘Closer than at any point’\n\n"
        "United States Ambassador Mike Waltz told the Council that diplomacy had worked.\n\n"
        '"President Trump has brought this war closer to an end than at any point in the last '
        'four years," he said.'
    )
    assert [q.speaker for q in quotes_of(text, codebook)] == [
        "Miroslav Jenca", "Mike Waltz", "Mike Waltz"]


def test_a_headline_quotation_said_in_the_text_is_found_and_given_its_speaker(codebook):
    text = (
        "‘We want peace, not surrender’: Ukrainians weigh Berlin talks\n\n"
        "Olena Marchenko, a pharmacist, did not turn on the television. “We want peace, not "
        "surrender,” she said."
    )
    assert [(q.text, q.speaker) for q in quotes_of(text, codebook)] == [
        ("We want peace, not surrender", "Olena Marchenko"),
        ("We want peace, not surrender,", "Olena Marchenko"),
    ]


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


def test_what_follows_told_is_whom_it_was_told_not_the_speaker(codebook):
    text = ('"We have bought time, not certainty," a state secretary at the German Finance '
            "Ministry, Katrin Albers, told a banking conference in the city on Tuesday.")
    assert attributed(text, codebook) == [("Katrin Albers", "europe")]


@pytest.mark.parametrize("verb", ["has spoken of", "speaks of", "spoke of"])
def test_speaking_of_something_in_marks_is_a_quotation(codebook, verb):
    text = (f"Kirill Dmitriev, Mr Putin's investment envoy, {verb} ‘huge opportunities for joint "
            "projects’ once sanctions are eased.")
    assert attributed(text, codebook) == [("Kirill Dmitriev", "russia")]


def test_she_went_on_continues_her_words_after_a_statement_of_somebody_else(codebook):
    text = ("In a statement posted on X, Witkoff wrote:\n\n"
            "“Significant work remains, but the parties are engaging in good faith.”\n\n"
            "“Every time there is a glimmer of progress, the Europeans rush to announce new "
            "sanctions,” Zakharova said.\n\n"
            "“They are not interested in peace,” she went on.")
    assert [s for s, _ in attributed(text, codebook)] == [
        "Steve Witkoff", "Maria Zakharova", "Maria Zakharova"]


@pytest.mark.parametrize(("text", "expected"), [
    ('Kyiv rejected the claim, with Zelensky calling it "a typical Russian lie" aimed at '
     "derailing the talks.", "Volodymyr Zelensky"),
    ('Kyiv rejected the claim, calling it "a typical Russian lie" aimed at derailing the talks.',
     "Kyiv"),
])
def test_a_participle_after_with_and_a_name_is_that_names(codebook, text, expected):
    assert [s for s, _ in attributed(text, codebook)] == [expected]


def test_the_words_after_a_participle_are_not_the_speaker(codebook):
    text = ("Foreign Minister Paulo Rangel said Portugal would consider it.\n\n"
            "He said the contribution under discussion was ‘more likely to be naval and "
            "logistical than infantry’, noting the Portuguese Navy's experience at sea.")
    assert attributed(text, codebook) == [("Paulo Rangel", "europe")]


def test_a_name_in_brackets_between_the_speaker_and_the_verb_is_passed_over(codebook):
    text = ("In Brasília, the Ministry of Foreign Affairs (Itamaraty) said in a note released "
            'on Tuesday that Brazil "takes note of the efforts" under way in Europe.')
    assert [speaker for speaker, _ in attributed(text, codebook)] == [
        "Ministry of Foreign Affairs"]


def test_a_second_predicate_has_the_person_its_sentence_opens_with_by_surname(codebook):
    text = ("Rafael Grossi, the head of the agency, spoke on Monday.\n\nGrossi is expected to "
            "brief the IAEA Board of Governors at its meeting in early March, and told reporters "
            "he was ready to travel to both Kyiv and Moscow “as soon as next week” if needed.")
    assert [speaker for speaker, _ in attributed(text, codebook)] == ["Rafael Grossi"]


def test_sources_who_described_something_are_its_speakers(codebook):
    text = ("Rep. Mike Quigley said he had spoken Monday with Ukrainian officials who described "
            "the Berlin sessions as “serious, long and exhausting.”")
    assert attributed(text, codebook) == [("Ukrainian officials", "ukraine")]


def test_a_heading_over_quotations_is_no_speaker(codebook):
    text = ('The package was adopted.\n\nQuotes:\n"Russia will only come to the negotiating '
            'table in earnest if it has to."')
    assert attributed(text, codebook) == [(None, None)]
