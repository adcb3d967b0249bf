"""Publication dates in the ways outlets print them under a headline."""

from __future__ import annotations

import pytest

from store.extract.clean import clean_article
from store.extract.dates import date_readings

BODY = "Talks resumed in Geneva on Monday, officials said, and both sides sent delegations."


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("*Dec 27, 2025 - World*", "2025-12-27"),  # Axios: a date, a dash, the section
        ("BY ALEX MARSH - 01/21/26 6:15 PM ET", "2026-01-21"),  # The Hill: byline, dash, stamp
        ("Kyiv - 21.01.26", "2026-01-21"),
    ],
)
def test_a_date_line_with_a_hyphen_and_a_short_year_dates_the_article(line, published):
    clean = clean_article(f"A headline about the talks\n\n{line}\n\n{BODY}\n", "a.txt", {})
    assert clean.published == published
    assert line not in clean.text


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("December 23 2025 10:41:00", "2025-12-23"),  # Hürriyet: a time with its seconds
        ("12 January 2026   Peace and Security", "2026-01-12"),  # UN News: the section apart
        ("12 January 2026\tWorld", "2026-01-12"),
    ],
)
def test_a_date_line_with_seconds_or_a_section_set_apart_dates_the_article(line, published):
    clean = clean_article(f"A headline about the talks\n\n{line}\n\n{BODY}\n", "a.txt", {})
    assert clean.published == published
    assert line not in clean.text


@pytest.mark.parametrize(
    ("line", "published"),
    [  # a slash date valid both ways: month first in a U.S. time zone ...
        ("BY ALEXANDRA MORENO - 01/07/26 6:12 PM ET", "2026-01-07"),
        ("Published 01/07/26 6:12 p.m. EST", "2026-01-07"),
        # ... else day first after a field name, and in a masthead the reading the
        # article's own dates agree with ("January 6")
        ("Issued on: 08/01/2026 - 19:42", "2026-01-08"),
        ("Kyiv Post | 07/01/2026", "2026-01-07"),
        ("Kyiv Post | 01/07/2026", "2026-01-07"),
    ],
)
def test_a_slash_date_valid_both_ways(line, published):
    body = "The leaders met in Paris on January 6 and signed a declaration."
    assert clean_article(f"A headline\n\n{line}\n\n{body}\n", "a.txt", {}).published == published


def test_a_paragraph_with_a_hyphen_and_no_date_stays_text():
    line = "In Kyiv - where the war goes on - officials said the talks were serious."
    clean = clean_article(f"A headline about the talks\n\n{BODY}\n\n{line}\n", "a.txt", {})
    assert clean.published is None
    assert line in clean.text


@pytest.mark.parametrize(
    ("value", "readings"),
    [
        ("01/21/26", ("2026-01-21",)),
        ("12/05/25", ("2025-05-12", "2025-12-05")),  # both readings, day first
        ("1.2.3.45", ()),  # a version number, not a date
        ("3.5.2025", ("2025-05-03",)),
    ],
)
def test_a_stamp_with_a_two_digit_year_is_read_as_this_century(value, readings):
    assert tuple(d.isoformat() for d in date_readings(value)) == readings


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        ("By Oksana Levchenko, Kyiv Post", "Kyiv Post"),  # a byline with its outlet
        (f"{BODY}\n\nSky News understands that the first units could deploy within weeks.",
         "Sky News"),
        ("By Oksana Levchenko, Olena Marchuk", None),  # two reporters, no outlet
        ("A standfirst of the story.\n\nLe Monde with AFP", "Le Monde"),  # a credit line
        ("MOSCOW, Dec 23 - RIA Novosti. The talks went on.", "RIA Novosti"),  # a dateline
    ],
)
def test_the_outlet_a_byline_or_the_outlets_own_words_name(lines, outlet):
    clean = clean_article(f"A headline about the talks\n\n{lines}\n\n{BODY}\n", "a.txt", {})
    assert clean.outlet == outlet
    assert "By Oksana" not in clean.text


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ('Transcript: Marco Rubio on "Face the Nation," Jan. 4, 2026\n\n', "2026-01-04"),
        ("Rubio on the talks\n\nThe following is the transcript of an interview that aired on "
         "Sunday, Jan. 4, 2026, on the programme.\n\n", "2026-01-04"),
        ("Talks resume, 4 January 2026\n\n", "2026-01-04"),
        ("Talks resume as 2026 begins\n\n", None),  # a year alone dates nothing
    ],
)
def test_a_headline_ending_in_a_date_or_an_air_date_dates_the_article(head, published):
    assert clean_article(f"{head}{BODY}\n", "a.txt", {}).published == published


def test_a_reporters_job_title_under_the_byline_is_not_a_masthead():
    text = ("A headline about the talks\n\nBy Daniel Whitcombe\nWorld News Reporter\n\n"
            f"{BODY} The minister told Newsweek the deal was close.\n")
    assert clean_article(text, "a.txt", {}).outlet == "Newsweek"


@pytest.mark.parametrize(
    ("opening", "outlet"),
    [
        ("Kyiv. January 17. INTERFAX-UKRAINE - Ukraine will not hold a vote.", "Interfax-Ukraine"),
        ("TOKYO, Jan. 11 (Kyodo) -- Japan will not ease its sanctions.", "Kyodo News"),
        ("Point 12. NATO - the alliance stays out of it.", None),
    ],
)
def test_an_agency_named_in_the_dateline_is_the_outlet(opening, outlet):
    assert clean_article(f"A headline about the talks\n\n{opening} {BODY}\n", "a.txt",
                         {}).outlet == outlet


def test_xinhua_named_in_its_dateline_is_the_outlet():
    text = f"A headline\n\nBEIJING, Jan. 8 (Xinhua) -- China called for talks. {BODY}\n"
    assert clean_article(text, "a.txt", {}).outlet == "Xinhua"


def test_an_opinion_section_named_over_the_headline_is_the_outlet():
    text = f"Bloomberg Opinion\n\nEurope's Frozen-Asset Leverage Is Melting\n\n{BODY}\n"
    assert clean_article(text, "a.txt", {}).outlet == "Bloomberg Opinion"


def test_a_last_modified_stamp_and_a_dateline_with_two_places():
    stamp = clean_article(f"A headline\n\nLast modified on Fri 2 Jan 2026 18.47 GMT\n\n{BODY}\n",
                          "a.txt", {})
    assert stamp.published == "2026-01-02"
    from store.extract.dates import dateline

    assert dateline("KYIV/VIENNA, Jan 9 (Reuters) - Engineers reconnected the plant.") == (
        None, 1, 9)


def test_a_news_agency_a_source_talked_to_is_not_the_outlet():
    text = (f"A headline\n\n{BODY} The minister told the Interfax news agency that talks "
            "would go on.\n")
    assert clean_article(text, "a.txt", {}).outlet is None


@pytest.mark.parametrize(
    ("masthead", "outlet"),
    [("THE TIMES | WORLD", "The Times"),
     ("The Kyiv Independent | Analysis", "The Kyiv Independent")],
)
def test_a_masthead_with_its_section_names_the_outlet(masthead, outlet):
    text = f"{masthead}\n\nEurope offers troops and words after Berlin\n\n{BODY}\n"
    assert clean_article(text, "a.txt", {}).outlet == outlet


def test_a_stamp_line_with_how_long_ago_it_was_updated_dates_the_article():
    from store.extract.clean import clean_article

    raw = ("Reuters\n\nUS offers guarantees in Berlin\n\n"
           "December 15, 2025 9:41 PM GMT+1 Updated 4 hours ago\n\n"
           "BERLIN, Dec 15 (Reuters) - The talks went on.\n")
    clean = clean_article(raw, "a.txt")
    assert (clean.published, clean.published_basis) == ("2025-12-15", "stated")


@pytest.mark.parametrize("footer", ["Radio Prague International – Czech Radio's international "
                                    "service.", "Author: Jan Novak, Radio Prague International"])
def test_a_pages_own_name_over_it_and_again_below_is_its_outlet(footer):
    text = (f"Radio Prague International\n\nNews | Politics\n\nPavel and Babiš at odds over "
            f"a force for Ukraine\n\n{BODY}\n\n{footer}\n")
    assert clean_article(text, "a.txt", {}).outlet == "Radio Prague International"


def test_a_name_over_the_page_not_given_again_names_no_outlet():
    text = (f"Radio Prague International\n\nNews | Politics\n\nPavel at odds over a "
            f"force\n\n{BODY}\n")
    assert clean_article(text, "a.txt", {}).outlet is None


def test_a_headline_opening_with_the_pages_name_stays_the_headline():
    head = "The Morning Dispatch - Episode 412: Money, guarantees and a Christmas deadline"
    text = f"{head}\n\n{BODY}\n\nThis is The Morning Dispatch.\n"
    assert clean_article(text, "a.txt", {}).title == head


def test_an_editions_name_over_the_page_is_no_outlet():
    text = (f"First Edition\n\nThursday 19 February 2026\n\nGeneva ends with a swap and a map\n\n"
            f"{BODY}\n\nSign up to First Edition, our free daily newsletter.\n")
    assert clean_article(text, "a.txt", {}).outlet is None


@pytest.mark.parametrize(("source", "outlet"), [("EL PAÍS English", "El País"),
                                                ("LRT English", "LRT")])
def test_an_outlets_english_edition_is_the_outlet(source, outlet):
    text = f"A headline about the talks\n\n{BODY}\n\nSource: {source}\n"
    assert clean_article(text, "a.txt", {}).outlet == outlet


@pytest.mark.parametrize(("footer", "outlet"), [
    ("© The Japan Times", "The Japan Times"),  # a newspaper's own line, with no year
    ("Subscribe to The Economist today.", "The Economist"),  # its own prompt
])
def test_a_newspapers_own_footer_names_it(footer, outlet):
    text = f"A headline about the talks\n\n{BODY}\n\n{footer}\n"
    assert clean_article(text, "a.txt", {}).outlet == outlet


def test_a_photo_credit_of_an_agency_alone_names_no_outlet():
    text = f"A headline about the talks\n\n{BODY}\n\n© AFP\n"
    assert clean_article(text, "a.txt", {}).outlet is None


@pytest.mark.parametrize("stamp", ["7:05 PM ET", "19.20 GMT", "14:32"])
def test_a_live_pages_entry_time_stays_in_the_text(stamp):
    text = f"Live updates: talks in Berlin\n\n{stamp}\n\n{BODY}\n\n{stamp}\n\n{BODY}\n"
    assert stamp in clean_article(text, "a.txt", {}).text.splitlines()


def test_a_section_over_the_page_named_again_in_a_longer_name_or_in_lower_case_is_no_outlet():
    text = (f"National Security\n\nPentagon drafts a plan for ceasefire monitoring\n\n{BODY} The "
            "national security adviser and the National Security Council were briefed.\n")
    assert clean_article(text, "a.txt", {}).outlet is None


@pytest.mark.parametrize(("masthead", "outlet"), [
    ("Ukrainska Pravda › News › War", "Ukrainska Pravda"),  # a breadcrumb, named again below
    ("Le Monde with AFP — International — War in Ukraine", "Le Monde"),  # a known outlet
])
def test_a_pages_name_before_its_breadcrumb_is_the_outlet(masthead, outlet):
    text = (f"{masthead}\n\nWhat officials said on Sunday\n\n{BODY}\n\n{outlet} collects "
            "the statements of the day.\n")
    assert clean_article(text, "a.txt", {}).outlet == outlet


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("February 14 – 20, 2026 | No. 592", "2026-02-14"),  # a weekly's edition
        ("14–20 February 2026", "2026-02-14"),
    ],
)
def test_a_weeklys_edition_is_dated_by_its_first_day(line, published):
    clean = clean_article(f"A headline about the talks\n\n{line}\n\n{BODY}\n", "a.txt", {})
    assert clean.published == published


def test_a_stamp_with_its_update_after_a_space_dates_the_article():
    line = "17:45, 06 Jan 2026 Updated 21:10, 06 Jan 2026"
    clean = clean_article(f"A headline about the talks\n\n{line}\n\n{BODY}\n", "a.txt", {})
    assert clean.published == "2026-01-06"
    assert line not in clean.text


def test_a_publish_stamp_in_the_imperative_dates_the_article():
    raw = ("Zaporizhzhia plant loses power again\n\nPublish : 25 Jan 2026, 12:40 PM\n"
           "Update : 25 Jan 2026, 3:10 PM\n\nThe plant lost its last external line on Saturday.\n")
    clean = clean_article(raw, "a.txt")
    assert (clean.published, clean.published_basis) == ("2026-01-25", "stated")
    assert clean.text == "The plant lost its last external line on Saturday."


def test_a_published_date_stamp_dates_the_article():
    raw = ("US, Ukraine and Russia end talks in Abu Dhabi\n\nBy Rania Haddad\n"
           "Published date: 24 January 2026 17:40 GMT\n\nNegotiators wrapped up two days of talks "
           "on Saturday.\n")
    clean = clean_article(raw, "a.txt")
    assert (clean.published, clean.published_basis) == ("2026-01-24", "stated")
