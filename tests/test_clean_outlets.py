"""The outlet a page shows its reader: its masthead, byline and own lines, over its owner's."""

from __future__ import annotations

import pytest

from store.extract.clean import clean_article

BODY = "The envoys met on Sunday and talked for five hours, officials said."
HEADLINE = "Envoys narrow the gaps on security guarantees after Sunday talks"


@pytest.mark.parametrize(("top", "outlet"), [
    # a newspaper's word after a hyphen
    ("By Anna Berg\nHarbourtown Post-Gazette", "Harbourtown Post-Gazette"),
    # a broadcaster's masthead, before a section ("Polskie Radio - English Section")
    ("Radio Lakeland - English Section", "Radio Lakeland"),
    ("Baltic Radio - English Section", "Baltic Radio"),
    ("NRT World\nWORLD | POLITICS", "NRT World"),
])
def test_a_masthead_of_a_paper_or_a_broadcaster(top, outlet):
    c = clean_article(f"{top}\n\n{HEADLINE}\n\n{BODY}", "a.txt")
    assert (c.outlet, c.title, c.text) == (outlet, HEADLINE, BODY)


@pytest.mark.parametrize("top", ["Europe World", "The World", "Radio"])
def test_a_section_or_a_short_title_is_no_broadcaster(top):
    c = clean_article(f"{top}\n\n{HEADLINE}\n\n{BODY}", "a.txt")
    assert c.outlet is None


@pytest.mark.parametrize(("byline", "outlet"), [
    ("Anna Berg\nCTV News Ottawa Bureau", "CTV News"),  # a known outlet, a bureau
    ("Anna Berg\nCTVNews.ca Writer", "CTV News"),  # a known domain
    ("Lakeside Herald Europe Team", "Lakeside Herald"),
    ("By Anna Berg, Lakeside News Europe Reporter", "Lakeside News"),
    # the outlet's name alone over the date or the dateline, after the standfirst
    ("Lakeside Times\nMonday, 29 December 2025 - 09:40", "Lakeside Times"),
    ("Radio Lakeland\nPublished Wednesday 18 February 2026 at 16:05", "Radio Lakeland"),
    ("NRT World\n\n06 FEB 2026", "NRT World"),
])
def test_the_outlet_a_byline_names(byline, outlet):
    standfirst = "Officials said the talks had gone well, but no deal was signed."
    c = clean_article(f"{HEADLINE}\n\n{standfirst}\n\n{byline}\n\n{BODY}", "a.txt")
    assert c.outlet == outlet


def test_the_byline_outlet_over_the_agency_of_the_dateline_and_the_owner():
    c = clean_article(f"{HEADLINE}\n\nOfficials said the talks had gone well.\n\n"
                      f"The Lakeside Times\n\nRIGA, Feb 5 (LETA) – {BODY}\n\n"
                      "© 2026 Lakeside Media Group. All rights reserved.", "a.txt")
    assert c.outlet == "The Lakeside Times"


def test_the_byline_outlet_has_the_the_the_page_writes():
    c = clean_article(f"{HEADLINE}\n\nAnna Berg\nLakeside Post\n\nPublished Dec. 28, 2025\n\n"
                      f"{BODY}\n\nAnna Berg covers the region for The Lakeside Post.", "a.txt")
    assert c.outlet == "The Lakeside Post"


@pytest.mark.parametrize("byline", [
    "Anna Berg\nDefence Correspondent", "Anna Berg, Senior Foreign Affairs Writer",
    "By Anna Berg, Foreign Policy Reporter", "Anna Berg\nWashington Bureau",
    "Anna Berg\nPublished 5 January 2026", "Berlin Staff",
    "By Anna Berg, Foreign News Reporter"])  # a desk, not an outlet
def test_a_role_or_a_name_names_no_outlet(byline):
    c = clean_article(f"{HEADLINE}\n\n{byline}\n\n{BODY}", "a.txt")
    assert c.outlet is None


@pytest.mark.parametrize(("head", "owner", "outlet"), [
    # the outlet's own credit in its dateline, as it writes it, over its owner's copyright
    (f"{HEADLINE}\n\nWEST PALM BEACH, Fla. (LakeNation) — {BODY}",
     "Copyright 2025 Nexstar Media Inc. All rights reserved.", "LakeNation"),
    # the owner, when the page names no outlet of its own
    (f"{HEADLINE}\n\n{BODY}", "©2026 Harbour Globe Media Partners, LLC",
     "Harbour Globe Media Partners"),
    (f"{HEADLINE}\n\n{BODY}", "© 2026 BellMedia. All rights reserved.", "BellMedia"),
    # the paper named after its owner's company
    (f"{HEADLINE}\n\n{BODY}", "Copyright 2026 Hearst Newspapers, LLC. Harbour Chronicle.",
     "Harbour Chronicle"),
    # a company's line, without a year
    (f"{HEADLINE}\n\n{BODY}", "© Harbour Examiner Ltd", "Harbour Examiner"),
])
def test_a_copyright_owner_after_the_outlet_the_page_names(head, owner, outlet):
    c = clean_article(f"{head}\n\n{owner}\n", "a.txt")
    assert (c.outlet, c.text.endswith(BODY)) == (outlet, True)


def test_an_owners_copyright_before_an_outlet_a_source_talks_to():
    c = clean_article(f"{HEADLINE}\n\n“We are close,” he told CNN.\n\n"
                      "© 2026 Lakeside Media Group. All rights reserved.\n", "a.txt")
    assert c.outlet == "Lakeside Media Group"


@pytest.mark.parametrize(("foot", "outlet"), [
    ("Sign up to the Lakeside Examiner's Europe Briefing newsletter.", "Lakeside Examiner"),
    ("Follow Harbour Times on WhatsApp Channels for the latest updates.", "Harbour Times"),
    ("Harbour24 is a member of the Press Council. Subscribe to Harbour24 for full access.",
     "Harbour24"),
    ("The Lakeside Free Press is committed to open discussion. Comments are moderated.",
     "The Lakeside Free Press"),
    ("Notes from Harbour is run by a small editorial team.", "Notes from Harbour"),
    ("The Harbour Times, founded in 1996, is the only English-language newspaper here.",
     "The Harbour Times"),
    ("Source: Harbour News, AAP", "Harbour News"),  # the site, then its wires
    ("Source: Harbour World and agencies", "Harbour World"),
])
def test_the_outlet_a_pages_foot_names_as_its_own(foot, outlet):
    c = clean_article(f"{HEADLINE}\n\n{BODY}\n\n{foot}\n", "a.txt")
    assert c.outlet == outlet


@pytest.mark.parametrize(("foot", "outlet"), [
    # a field of a footer's line, or the name before the sign, its owner after the year
    ("harbourtimes.com | Terms & Conditions | Privacy Notice | © Harbour Times 2026",
     "Harbour Times"),
    ("Support the Institute | Subscribe | Privacy Policy | © Lakeside Institute 2026",
     "Lakeside Institute"),
    ("The Harbour Gazette © 2026. All rights reserved. | Subscribe | Contact",
     "The Harbour Gazette"),
    ("Lakeside Telegraph © 2025 Harbour News & Media", "Lakeside Telegraph"),
    ("Harbour-Ukraine © 2026. Use of materials is permitted only with a hyperlink.",
     "Harbour-Ukraine"),
    ("(c) The Harbour Peninsula Newspaper. All rights reserved.", "The Harbour Peninsula"),
    # as before: the sign first, with the year and the rights after the name
    ("Copyright © 2026, Lakeside Times | Terms of Service | Privacy Policy", "Lakeside Times"),
])
def test_a_copyright_among_a_footers_fields_or_after_the_name(foot, outlet):
    c = clean_article(f"{HEADLINE}\n\n{BODY}\n\n{foot}\n", "a.txt")
    assert (c.outlet, c.text) == (outlet, BODY)


def test_a_writers_note_ending_the_sentence_with_the_outlet_gives_it_without_the_stop():
    c = clean_article(f"{HEADLINE}\n\n{BODY}\n\nAnna Berg is a senior correspondent covering"
                      " Europe for Lakeside.\n", "a.txt")
    assert c.outlet == "Lakeside"


def test_its_own_prompt_among_the_paragraphs_over_the_agency_it_ran():
    c = clean_article(f"{HEADLINE}\n\nKYIV, Jan 5 (Reuters) - {BODY}\n\n"
                      "Sign up to the Harbour Mirror's free politics newsletter\n\n"
                      "The talks resume on Monday.\n", "a.txt")
    assert c.outlet == "Harbour Mirror"


@pytest.mark.parametrize("foot", [
    "Poland is a member of NATO and the European Union.",  # no newspaper's words
    "Postmedia is committed to a civil forum. Please keep comments respectful.",  # an owner
    "Follow us on Facebook and X.",
    "Source: Agencies/lk",  # wires alone
    "HARBOUR MAG © 2015 | Distributed By My Blogger Themes",  # a blog theme's name and year
])
def test_a_foot_that_names_no_outlet_of_its_own(foot):
    c = clean_article(f"{HEADLINE}\n\n{BODY}\n\n{foot}\n", "a.txt")
    assert c.outlet is None
