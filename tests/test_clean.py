"""Cleaning keeps every sentence of reporting and drops the rest, reading metadata first."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import store.extract.clean as clean_mod
from store.extract.clean import clean_article, outlet_from_source
from store.extract.dates import dateline
from tests.goldlib import DATA, GOLD_DIR, SEEDS_DIR, fold

UNSEEN_DIR = DATA / "unseen_events"

# What must never survive cleaning, whatever the outlet.
BOILERPLATE = re.compile(
    r"newsletter|appeared first on|automatically curated|^Original Title:|^Source:|^Published:"
    r"|^Tags:|PHOTO:|\(Photo by|©|Distributed By|contributed to this report|additional reporting"
    r"|^\(Reporting by|^READ MORE|^Follow us|Story continues|Listen to this article|^---$",
    re.IGNORECASE | re.MULTILINE,
)


def _cases(folder, gold_folder):
    out = []
    for path in sorted(folder.glob("*.txt")):
        gold = json.loads((gold_folder / (path.stem + ".json")).read_text())
        out.append(pytest.param(path, gold, id=path.stem))
    return out


CASES = _cases(SEEDS_DIR, GOLD_DIR) + _cases(UNSEEN_DIR, UNSEEN_DIR)


@pytest.mark.parametrize(("path", "gold"), CASES)
def test_no_boilerplate_left(path, gold):
    text = clean_article(path.read_text(), path.name).text
    assert not BOILERPLATE.search(text), BOILERPLATE.search(text).group()


@pytest.mark.parametrize(("path", "gold"), CASES)
def test_every_gold_quote_survives(path, gold):
    text = fold(clean_article(path.read_text(), path.name).text)
    missing = [q["text"] for q in gold["quotes"] if fold(q["text"]) not in text]
    assert not missing


@pytest.mark.parametrize(("path", "gold"), CASES)
def test_only_whole_lines_removed(path, gold):
    raw_lines = {line.rstrip() for line in path.read_text().splitlines()}
    for line in clean_article(path.read_text(), path.name).text.split("\n"):
        assert line == "" or line in raw_lines


@pytest.mark.parametrize(("path", "gold"), CASES)
def test_metadata_matches_gold(path, gold):
    clean = clean_article(path.read_text(), path.name)
    assert clean.outlet == gold["outlet"]
    assert clean.published == gold["published"]
    assert clean.published_basis == ("stated" if gold["published"] else None)
    if gold.get("title"):
        assert clean.title == gold["title"]
    assert clean.title and "\n" not in clean.title


def test_every_reporting_sentence_kept():
    """Each paragraph line of a seed that ends like a sentence is still there."""
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        text = clean_article(path.read_text(), path.name).text
        for line in path.read_text().splitlines():
            s = line.strip()
            if len(s.split()) > 12 and s[-1] in ".”\"'" and "PHOTO:" not in s:
                if not re.search(r"appeared first|automatically curated|contributed", s):
                    assert s in text, s


def test_headline_printed_twice_becomes_title():
    raw = "Talks resume in Geneva\n\nTalks resume in Geneva\n\nThe delegations met on Monday.\n"
    clean = clean_article(raw, "a.txt")
    assert clean.title == "Talks resume in Geneva"
    assert clean.text == "The delegations met on Monday."


def test_a_long_headline_printed_twice_is_the_title_and_the_date_under_it_is_read():
    headline = ("Paris summit: allies pledge post-war force for Ukraine; Brazil calls for talks "
                "with both sides at the table")
    raw = (f"{headline}\n\n{headline}\n\nPublished on 06/01/2026 - 20:15 By Fernanda Lima - "
           "Reporter - Agência Brasil - Brasília\n\nLeaders meeting in Paris on Tuesday (6) "
           "signed a declaration.\n")
    clean = clean_article(raw, "a.txt")
    assert (clean.title, clean.published) == (headline, "2026-01-06")
    assert clean.text == "Leaders meeting in Paris on Tuesday (6) signed a declaration."


def test_related_headline_between_paragraphs_dropped_list_items_kept():
    raw = (
        "The talks went on for hours.\n\nMarkets rally as oil slides\n\n"
        "The statement listed:\nA ceasefire monitoring mission\nNew funds\n\nHe left."
    )
    text = clean_article(raw, "a").text
    assert "Markets rally" not in text
    assert "A ceasefire monitoring mission" in text and "He left." in text


def test_a_section_heading_quoting_words_said_below_is_kept_as_its_own_paragraph():
    raw = (
        "Talks resume in Geneva\n\nThe talks went on for hours.\n\n"
        "Territory still the hardest question\n\n"
        "Moscow: „We have not seen the documents“\n\n"
        "„We have not seen the documents, and we will judge them,“ Dmitry Peskov said."
    )
    text = clean_article(raw, "a.txt").text
    assert "Territory still" not in text
    assert "\n\nMoscow: „We have not seen the documents“\n\n" in text


def test_sidecar_meta_wins():
    raw = "Source: www.ft.com\nPublished: 2025-12-16 00:09:00\n\nThe talks ended."
    meta = {"outlet": "Example Daily", "published": "2025-12-17", "url": "https://x.example/a"}
    clean = clean_article(raw, "a", meta)
    assert (clean.outlet, clean.published) == ("Example Daily", "2025-12-17")
    assert clean.url == meta["url"]


def test_datelines_give_published_and_outlet():
    yearful = clean_article("KYIV, Dec. 24, 2025 (Reuters) - Talks went on.", "a")
    assert (yearful.published, yearful.outlet) == ("2025-12-24", "Reuters")
    yearless = clean_article("KYIV, Dec 24 (Reuters) - Talks went on.", "a")
    assert yearless.published is None  # the year is inferred later, from context
    day_first = clean_article("Abu Dhabi, 05 Feb 2026 (Lusa) - Talks went on.", "a")
    assert (day_first.published, day_first.published_basis) == ("2026-02-05", "stated")


@pytest.mark.parametrize(
    ("value", "outlet"),
    [
        ("www.ft.com", "Financial Times"),
        ("https://www.washingtonpost.com/world/2025/", "Washington Post"),
        ("edition.cnn.com", "CNN"),
        ("https://www.irishtimes.com/world/europe/2025/12/17/", "The Irish Times"),
        ("www.smh.com.au", "The Sydney Morning Herald"),
        ("news.example.org", "news.example.org"),
        ("Kyiv Post", "Kyiv Post"),
        ("", None),
    ],
)
def test_outlet_from_source(value, outlet):
    assert outlet_from_source(value) == outlet


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dictionaries(st.text(), st.text())))
def test_clean_never_raises(raw, meta):
    clean = clean_article(raw, "x", meta)
    assert isinstance(clean.text, str)
    assert clean.published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", clean.published)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Source: www.ft.com",
                "Published: 2025-12-16",
                "The talks ended.",
                "",
                "---",
                "title: x",
                "Unlock the newsletter for free",
                "KYIV, Dec 24 (Reuters) - ok.",
                "Short Head Line",
                "(Dec. 28, 2025)",
                "© 2015",
                "“Quote here,” he said.",
            ]
        ),
        max_size=12,
    )
)
def test_clean_never_raises_on_boilerplate_mixes(lines):
    clean_article("\n".join(lines), "x")


@pytest.mark.parametrize("sep", [" | ", " · ", " — ", " / ", "|"])
@pytest.mark.parametrize("source_first", [False, True])
def test_metadata_line_with_several_fields(sep, source_first):
    fields = ["Published: 18 December 2025", "Source: www.theguardian.com"]
    if source_first:
        fields.reverse()
    raw = f"Allies pledge a force\n\n{sep.join(fields)}\n\nLeaders met in London on Thursday."
    clean = clean_article(raw, "a.txt")
    assert (clean.outlet, clean.published) == ("The Guardian", "2025-12-18")
    assert clean.text == "Leaders met in London on Thursday."


def test_field_value_keeps_its_own_dashes_and_slashes():
    raw = "Title: Kyiv — a city waits / and hopes\nURL: https://x.example/a/b\n\nText."
    clean = clean_article(raw, "a.txt")
    assert clean.title == "Kyiv — a city waits / and hopes"
    assert clean.url == "https://x.example/a/b"


@pytest.mark.parametrize(
    "headline",
    [
        'Ukraine, US narrow gaps on "prosperity plan"',
        "Ukraine, US narrow gaps on “prosperity plan”",
        "Kyiv wary of ‘final offer’",
        "Is a ceasefire within reach?",
    ],
)
def test_headline_with_quotation_marks_or_question_is_title(headline):
    raw = f"{headline}\n\nKYIV (AP) — The two sides met on Thursday. They talked."
    clean = clean_article(raw, "story.txt")
    assert clean.title == headline
    assert headline not in clean.text


def test_a_headline_quoting_someone_is_the_title_and_stays_in_the_text_once():
    headline = "'We are not there yet': Witkoff says talks will go on"
    body = "KYIV (AP) — The two sides met on Thursday. They talked."
    clean = clean_article(f"{headline}\n\n{headline}\n\n{body}", "story.txt")
    assert clean.title == headline
    assert clean.text == f"{headline}\n\n{body}"


@pytest.mark.parametrize(
    "first",
    [
        '"We are ready to sign."',  # a quotation that ends a sentence is reporting
        'Officials called it a "prosperity plan"\nand said more.',  # no blank line after it
    ],
)
def test_opening_quotation_is_not_a_title(first):
    raw = f"{first}\n\nThe two sides met on Thursday."
    clean = clean_article(raw, "story.txt")
    assert clean.title == "story"
    assert first.split("\n")[0] in clean.text


@pytest.mark.parametrize(
    ("line", "outlet", "published"),
    [
        ("Kyiv Post | 27.12.2025", "Kyiv Post", "2025-12-27"),
        ("Reuters · December 27, 2025", "Reuters", "2025-12-27"),
        ("By Olena Example | Dec. 27, 2025", None, "2025-12-27"),
        ("www.theguardian.com — 18 December 2025", "The Guardian", "2025-12-18"),
        ("December 16, 2025 — 6.58am", None, "2025-12-16"),  # a time, not a domain
        ("Mar 5th 2026|BRUSSELS AND KYIV|5 min read", None, "2026-03-05"),
        ("UPDATED MARCH 14, 2026 7:05 PM", None, "2026-03-14"),
        ("2026-01-24 22:41 KST", None, "2026-01-24"),
        ("Jakarta/Abu Dhabi ● Sun, January 25, 2026", None, "2026-01-25"),
        ("Press release | Date: 06.01.2026 | No: 002/26", None, "2026-01-06"),
        ("12:20 PM on Dec 19, 2025 CST", None, "2025-12-19"),
        ("By Henrik Aalund, Brussels | 19. Dec 2025, 07:12", None, "2025-12-19"),
        # a masthead dated by its update only
        ("World News | Edited by Ritika Sharma | Updated: February 05, 2026 10:21 pm IST", None,
         "2026-02-05"),
        ("Ahram Online , Thursday 19 Feb 2026", None, "2026-02-19"),  # the day named after ","
        # times set apart by dashes, which split the line as its bars do
        ("Keystone-SDA | Published: 18.02.2026 – 20:41 | Updated: 18.02.2026 – 21:15", None,
         "2026-02-18"),
    ],
)
def test_a_masthead_line_gives_the_outlet_and_the_date(line, outlet, published):
    body = "Negotiators met again in Miami, officials said on Saturday."
    c = clean_article(f"Talks resume\n\n{line}\n\n{body}", "a.txt")
    assert (c.outlet, c.published, c.text) == (outlet, published, body)


@pytest.mark.parametrize(
    ("line", "published"),
    [("07:12, Mon, Dec 29, 2025 | UPDATED: 09:45, Mon, Dec 29, 2025", "2025-12-29"),
     ("11:35, 7 Jan 2026Updated 12:02, 7 Jan 2026", "2026-01-07")],  # two lines made one
)
def test_an_update_stamp_after_the_date_under_the_standfirst_and_byline(line, published):
    raw = ("Trump says deal close\n\nTrump hosted Zelensky for three hours of talks, but the "
           "Donbas remains unresolved.\n\nBy Charlie Bradley, Foreign News Reporter\n"
           f"{line}\n\nNegotiators met again in Miami, officials said on Saturday.")
    c = clean_article(raw, "a.txt")
    assert c.published == published and line not in c.text


def test_an_editors_credit_before_the_stamps_is_a_field_line():
    raw = ("Talks end without a deal\n\nThe first trilateral talks focused on the line of "
           "contact, officials said.\n\nEdited By: Ananya Raghavan | Published: Jan 25, 2026, "
           "11:20 IST | Updated: Jan 25, 2026, 13:05 IST\n\nNegotiators met on Saturday.")
    c = clean_article(raw, "a.txt")
    assert c.published == "2026-01-25" and "Edited" not in c.text


def test_a_line_of_parts_without_a_date_stays_text():
    line = "Officials shuttled between Kyiv | Moscow | Washington all week."
    c = clean_article(f"Talks resume\n\n{line}\n\nThey met.", "a.txt")
    assert line in c.text and c.published is None


def test_a_tass_dateline_is_kept_and_names_the_agency():
    body = ("MOSCOW, December 22. /TASS/. Moscow is ready to provide Ukraine with security "
            "guarantees, a deputy foreign minister said.")
    c = clean_article(f"Russia ready to guarantee security\n\n{body}", "tass.txt")
    assert c.text == body and c.outlet == "TASS"


def test_an_outlet_and_a_date_on_their_own_line():
    c = clean_article("Talks resume\n\nUkrinform, 21.12.2025\n\nThe envoys met.", "u.txt")
    assert (c.outlet, c.published, c.text) == ("Ukrinform", "2025-12-21", "The envoys met.")


@pytest.mark.parametrize(
    "line",
    ["Published December 14, 2025 at 9:02 a.m. EST", "Posted on 14 December 2025",
     "First published Sun 14 Dec 2025 18.05 GMT"],
)
def test_a_publication_stamp_without_a_colon(line):
    c = clean_article(f"Talks resume\n\n{line}\n\nThe envoys met on Sunday.", "w.txt")
    assert (c.published, c.text) == ("2025-12-14", "The envoys met on Sunday.")


def test_an_issued_on_stamp_with_a_day_first_slash_date_dates_the_article():
    c = clean_article("Talks resume\n\nIssued on: 07/03/2026 - 10:15\n\nThe envoys met.", "w.txt")
    assert (c.published, c.text) == ("2026-03-07", "The envoys met.")


def test_a_sentence_starting_with_published_is_reporting():
    body = "Published reports say the envoys met on Sunday in Berlin, 14 December 2025."
    assert clean_article(f"Talks\n\n{body}", "w.txt").text == body


@pytest.mark.parametrize("line", ["Updated December 30, 2025 at 6:12 p.m. EST",
                                  "Updated: 2025-12-30 18:12", "Last updated 30 December 2025"])
def test_an_update_stamp_dates_an_article_without_a_publication_stamp(line):
    c = clean_article(f"Talks\n\n{line}\n\nThe envoys met.", "w.txt")
    assert (c.published, c.text) == ("2025-12-30", "The envoys met.")
    c = clean_article(f"Talks\n\nPublished: 2025-12-29\n\n{line}\n\nThe envoys met.", "w.txt")
    assert c.published == "2025-12-29"


@pytest.mark.parametrize(
    "line",
    ["December 14, 2025 at 9:02 a.m. EST", "12/14/2025 9:02 AM", "14.12.2025, 09:02",
     "Sunday, 14 December 2025 - 18:05 GMT", "(Dec. 14, 2025 09:02)",
     "December 14, 2025 at 9:02 AM GMT+1", "14 December 2025, 18:05 UTC-05:00"],
)
def test_a_date_alone_with_its_time_dates_the_article(line):
    c = clean_article(f"Talks resume\n\n{line}\n\nThe envoys met on Sunday.", "w.txt")
    assert (c.published, c.text) == ("2025-12-14", "The envoys met on Sunday.")


def test_a_short_paragraph_of_reporting_with_a_time_is_not_a_date_line():
    body = "The envoys met at 9:02 on December 14, 2025."
    assert clean_article(f"Talks\n\n{body}", "w.txt").text == body


@pytest.mark.parametrize(
    "line",
    ["December 14, 2025, 12:40, The Palace, Vienna", "December 14, 2025 4:15 PM GMT",
     "14 December 2025, 18:05, Geneva"],
)
def test_a_dated_header_with_its_time_and_place_dates_the_article(line):
    c = clean_article(f"Meeting of the council\n\n{line}\n\nThe envoys met on Sunday.", "w.txt")
    assert (c.published, c.text) == ("2025-12-14", "The envoys met on Sunday.")


def test_a_sentence_with_a_date_a_time_and_a_place_is_reporting():
    body = "On December 14, 2025, 12:40, The envoys met in Geneva."
    assert clean_article(f"Talks\n\n{body}", "w.txt").text == body


@pytest.mark.parametrize(
    ("line", "outlet"),
    [("Source: Kyiv Post", "Kyiv Post"), ("Source: www.example.org", "example.org"),
     ("Source: U.S. wants framework finalized before New Year", None),
     ("Source: talks could resume in January", None)],
)
def test_a_source_line_credits_an_outlet_only_when_a_name_follows(line, outlet):
    c = clean_article(f"Talks\n\n{line}\n\nThe envoys met on Sunday.", "w.txt")
    assert c.outlet == outlet


BODY = "The envoys met on Sunday and talked for five hours."


@pytest.mark.parametrize(
    ("head", "title", "outlet"),
    [("The long read\n\nHow allies tried to rewrite the peace plan", "How allies tried to rewrite"
      " the peace plan", None),
     ("HARBOUR HERALD\nAnalysis | Europe & Asia\n\nWhy the guarantees matter more than maps",
      "Why the guarantees matter more than maps", "Harbour Herald"),
     ("The Lakeside Courier\n\nFor the town's refugees, a peace plan brings hope",
      "For the town's refugees, a peace plan brings hope", "The Lakeside Courier"),
     ("Peace plan: what each side wants\n\nAnna Berg\nTVN News",
      "Peace plan: what each side wants", "TVN News"),
     ("Ukraine war latest: envoys meet again\n\nThe Baltic Times news desk",
      "Ukraine war latest: envoys meet again", "The Baltic Times")],
)
def test_a_section_label_or_a_masthead_above_the_headline_is_not_the_title(head, title, outlet):
    c = clean_article(f"{head}\n\n{BODY}", "w.txt")
    assert (c.title, c.outlet, c.text) == (title, outlet, BODY)


@pytest.mark.parametrize("head", ["Talks resume", "Peace Talks Stall", "Envoys Meet Again"])
def test_a_short_headline_alone_stays_the_title(head):
    c = clean_article(f"{head}\n\nAnna Berg\n\n{BODY}", "w.txt")
    assert (c.title, c.outlet) == (head, None)


def test_every_item_of_a_list_after_a_colon_is_kept():
    body = "Key developments:\n- Envoys hold a second day of talks\n- The minister arrives in Rome"
    assert clean_article(f"Live\n\n{body}\n\nThe envoys met.", "w.txt").text.startswith(body)


def test_a_live_page_keeps_the_times_of_its_entries():
    raw = "Live\n\n22:41\nEnvoys leave Rome\n\nThe envoys left.\n\n21:15\nTalks end\n\nTalks ended."
    assert clean_article(raw, "w.txt").text == "22:41\n\nThe envoys left.\n\n21:15\n\nTalks ended."


# --- the quicker line tests answer as the plain ones did -------------------------------------
_LINE_WORDS = st.sampled_from([
    "Photo:", "PHOTO:", "Image:", "photo:", "-", "–", " ", "\u00a0", "By", "Reuters", "AP",
    "Getty", "Images", "word", "Word", "1", ".", "?", "”", "’", "»", "newsletter", "Copyright",
    "Powered by", "sign up", "for free", "/", "Pool via AP", "(Photo by X/AFP)", "x" * 30,
])
_LINES = st.lists(_LINE_WORDS, max_size=40).map(" ".join)


def _plain_is_heading(line):
    words = line.split()
    if not words or len(words) > 16 or line[-1] in clean_mod._END_PUNCT:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return caps >= 1 and len(line) <= 120


def _plain_is_boilerplate(s):
    low = s.casefold()
    if any(w in low for w in clean_mod._ANYWHERE) or any(w in s for w in clean_mod._ANYWHERE_CASED):
        return True
    if clean_mod._AT_START.match(low):
        return True
    return len(s.split()) <= 15 and bool(clean_mod._PROMPT.match(low))


@settings(max_examples=400, deadline=None)
@given(_LINES, st.integers(0, 30))
def test_line_tests_same_as_plain(line, n):
    assert clean_mod._at_most_words(line, n) == (len(line.split()) <= n)
    assert clean_mod._is_heading(line) == _plain_is_heading(line)
    assert clean_mod._is_boilerplate(line) == _plain_is_boilerplate(line)
    assert clean_mod._is_caption(line) == _plain_is_caption(line)


def _plain_is_caption(s):
    if "PHOTO:" in s or "AP Photo" in s or "Getty Images" in s:
        return True
    if s.endswith(")") and clean_mod._PAREN_CREDIT.search(s):
        return True
    if clean_mod._END_CREDIT.search(s):
        return True
    slash = s.find("/")
    if (0 < slash <= 60 and s[0].isupper() and clean_mod._SLASH_CREDIT.match(s, slash)
            and not clean_mod._AGENCY_TAG.match(s, slash)):
        return True
    return bool(clean_mod._DASH_PHOTO.search(s))


@pytest.mark.parametrize(
    "line",
    ["09:12 14.12.2025 (updated: 11:40 14.12.2025)", "9.12 14.12.2025",
     "*December 14, 2025, 4.15 p.m. • Interview conducted by Ana Lima and Tom Brandt*",
     "_14 December 2025 | Interview conducted by Ana Lima_", "4:18 pm, December 14, 2025",
     "10:05 AM December 14, 2025"],
)
def test_a_stamp_with_a_time_first_an_update_or_a_byline_dates_the_article(line):
    c = clean_article(f"Talks resume in Geneva\n\n{line}\n\nThe envoys met on Sunday.", "w.txt")
    assert (c.published, c.published_basis) == ("2025-12-14", "stated")
    assert c.text == "The envoys met on Sunday."


def test_a_long_paragraph_with_a_date_and_by_is_reporting():
    body = ("On the record • December 14, 2025 • set by Geneva's council long ago, the envoys "
            "kept to it")
    c = clean_article(f"Talks resume in Geneva\n\n{body}", "w.txt")
    assert (c.published, c.text) == (None, body)


@pytest.mark.parametrize(
    "line", ["Aired Monday, Dec. 15 | 31 minutes | Transcript", "Broadcast Dec. 15 • Episode 7"]
)
def test_a_date_line_without_a_year_stays_for_the_inference(line):
    c = clean_article(f"The Evening Show: talks resume\n\n{line}\n\nThe envoys met.", "w.txt")
    assert c.published is None
    assert c.text == f"{line}\nThe envoys met." or c.text == f"{line}\n\nThe envoys met."


def test_a_print_note_is_dropped_however_long():
    note = ("A version of this article appears in print on Dec. 16, 2025, Section A, Page 8 of "
            "the Chicago edition with the headline: Envoys Meet Again In Geneva After Long Pause.")
    c = clean_article(f"Envoys meet\n\nThe envoys met on Sunday.\n\n{note}", "w.txt")
    assert c.text == "The envoys met on Sunday."


@pytest.mark.parametrize(("line", "outlet"), [
    ("Copyright The Evening Wire. All rights reserved. Transcripts are made in haste.",
     "The Evening Wire"),
    ("© 2026 Harbour Post. All rights reserved.", "Harbour Post"),
    ("Copyright © 2025 The Daily Ledger Company. All rights reserved.", "The Daily Ledger"),
    ("© Meridian Photo", None),  # a photo credit: no year, no rights reserved
    ("© 2026 The Harbour Newspaper Limited. All rights reserved.", "The Harbour"),
    ("© 1996 - 2026 Harbour Productions LLC. All Rights Reserved.", "Harbour"),
    ("© Notes from Harbour 2026", "Notes from Harbour"),  # the year after the name
    ("Harbour Minute is an independent news website covering Turkey. © Harbour Minute. All "
     "rights reserved.", "Harbour Minute"),  # after a sentence of the page's own
    ("Harbour Radio English Service – All rights reserved", "Harbour Radio English Service"),
    ("The Bridgehead is a reader-supported publication. © 2026 Oksana Lind. Unsubscribe",
     None),  # (a newsletter's author, not its name)
])
def test_a_copyright_line_names_the_outlet_and_goes(line, outlet):
    body = "Envoys met in Berlin on Monday, officials said."
    cleaned = clean_article(f"Talks resume\n\n{body}\n\n{line}\n", "a.txt")
    assert cleaned.outlet == outlet
    if outlet:
        assert cleaned.text.strip().endswith(body)


def test_a_sentence_that_opens_with_copyright_names_no_outlet():
    text = "Talks resume\n\nThree parts.\n\nCopyright Law Reform. It was not discussed.\n"
    assert clean_article(text, "a.txt").outlet is None


def test_a_month_first_numeric_date_under_the_byline_dates_the_article():
    raw = "Leaders agree loan\n\nAnna Berg in Brussels\n12/20/2025\n\nThe leaders met on Thursday."
    c = clean_article(raw, "dw.txt")
    assert (c.published, c.text) == ("2025-12-20", "The leaders met on Thursday.")


@pytest.mark.parametrize(
    ("body", "published"),
    [("The ministers met on Dec. 4 and again on Friday.", "2025-12-05"),  # month first agrees
     ("The ministers met on May 9 and again on Friday.", "2025-05-12"),  # day first agrees
     ("The ministers met on Friday.", None)],  # nothing says which: left to the inference
)
def test_an_ambiguous_slash_date_line_takes_the_reading_the_articles_dates_agree_with(
    body, published
):
    c = clean_article(f"Leaders agree loan\n\n12/05/2025\n\n{body}", "a.txt")
    assert c.published == published and c.text == body


@pytest.mark.parametrize(("body", "outlet"), [
    ('"We are close," the diplomat told DW. Talks resume on Monday.', "DW"),
    ('"It is a start," she told the Financial Times, and he told the Financial Times too.',
     "Financial Times"),
    ("Palm Beach, Florida (CNN) — The motorcade swept past the crowd.", "CNN"),
    ("Al Jazeera's Zein Basravi, reporting from Kyiv, said the queues were long.", "Al Jazeera"),
    ('"We are ready to help," a diplomat told The Hindu.', "The Hindu"),
    ('"We are close," the diplomat told reporters.', None),
    ('"It is a statement of intent," Healey told BBC Radio Devon this morning.', None),
    ("The minister announced new sanctions on Monday, Ukrinform reports.", "Ukrinform"),
    ("As Ukrinform reported earlier, the envoys met in Geneva.", "Ukrinform"),
    ("The minister announced new sanctions on Monday, Reuters reported.", None),
    ("The minister announced new sanctions on Monday, the Meridian Gazette reports.", None),
])
def test_the_outlet_its_sources_talk_to(body, outlet):
    assert clean_article(f"Talks resume\n\n{body}\n", "a.txt").outlet == outlet


@pytest.mark.parametrize(("body", "outlet"), [
    ("ROME, January 7 (ANSA) - Italy will not send soldiers.", "ANSA"),
    ("SEOUL, Jan. 12 (Yonhap) -- South Korea welcomed the talks.", "Yonhap"),
    ("Madrid, 12 Jan (EFE).- Spain backed the plan.", "EFE"),
    ("KYIV (Updated) - The envoys met.", None),
    ("MOSCOW/KYIV, Dec 16 (Wire) - The envoys met.", None),  # no agency: the wires
    ("The envoys met (Geneva) - and left.", None),  # not at a paragraph's start
])
def test_any_agency_tag_after_a_dateline_names_the_outlet(body, outlet):
    assert clean_article(f"Talks resume\n\n{body}\n", "a.txt").outlet == outlet


@pytest.mark.parametrize(("byline", "outlet"), [
    ("By Maggie Kowalczyk | Chicago Tribune", "Chicago Tribune"),
    ("Murray Drummond · CBC News", "CBC News"),
    ("Mark Halloran, Washington\nSpecial to The Globe and Mail", "The Globe and Mail"),
    ("By Anna Berg for The Baltic Times", "The Baltic Times"),
    ("By James Crighton, Europe Editor, in Brussels", None),
    ("World News | Russia-Ukraine war", None),  # a section, not an outlet
    ("FP Street | Commodities", None),
])
def test_a_byline_names_the_outlet_it_credits(byline, outlet):
    c = clean_article(f"Leaders dig in over frozen billions\n\n{byline}\n\n{BODY}", "a.txt")
    assert (c.outlet, c.text) == (outlet, BODY)


@pytest.mark.parametrize("labels", [
    "World / Russia & Central Asia", "NATIONAL / POLITICS & DIPLOMACY\n\nINTERVIEW",
    "Carnegie Politika\n\nCommentary",
])
def test_labels_over_the_headline_are_not_the_title(labels):
    head = "Why the Kremlin is in no hurry to settle the war"
    c = clean_article(f"{labels}\n\n{head}\n\n{BODY}", "a.txt")
    assert (c.title, c.text) == (head, BODY)


@pytest.mark.parametrize("head", [
    "Who will pay to rebuild Ukraine after the war?",
    "Envoys agree to an energy truce. Rubio: ‘Nobody wanted to walk away’",
])
def test_a_label_over_a_headline_that_asks_or_quotes_is_not_the_title(head):
    c = clean_article(f"Europe | Paying for peace\n\n{head}\n\n{BODY}", "a.txt")
    assert c.title == head and c.text.endswith(BODY)


def test_a_line_ending_in_an_email_address_is_a_credit_not_reporting():
    caption = ("Marco Rubio speaks to reporters outside the Shell Bay club in Hallandale Beach"
               " on Friday. Pedro Portal pportal@example.com")
    lead = "The envoys agreed a truce."
    c = clean_article(f"Talks end\n\n{lead}\n\n{caption}\n\n{BODY}", "a.txt")
    assert c.text == f"{lead}\n\n{BODY}"


@pytest.mark.parametrize(("masthead", "outlet"), [
    ("Sky News\nHome | UK | World | Politics | US | Climate | Science & Tech | Business | Ukraine",
     "Sky News"),
    ("THE WALL STREET JOURNAL.\nWorld | Russia", "The Wall Street Journal"),
])
def test_a_known_outlets_masthead_over_a_menu_is_the_outlet(masthead, outlet):
    raw = (f"{masthead}\n\nStarmer: UK 'ready to play its part' in Ukraine force\n\n"
           "The prime minister told MPs British troops would only deploy after a ceasefire.\n\n"
           "Copyright ©2025 Dow Jones & Company, Inc. All Rights Reserved.\n")
    clean = clean_article(raw, "a.txt")
    assert (clean.outlet, clean.title) == (
        outlet, "Starmer: UK 'ready to play its part' in Ukraine force")
    assert "Home |" not in clean.text


@pytest.mark.parametrize(("raw", "outlet"), [
    ("DW\nGermany | World | Business | Science | Culture | Sports\n\nMerz sees 'real chance'\n\n"
     "The chancellor spoke. Image: Michael Kappeler/dpa/picture alliance\n", "DW"),
    ("AP\nWorld News | Russia-Ukraine war\n\nCouncil meets on strike\n\nThe council met.\n",
     "Associated Press"),
    ("Berlin talks leave the land question open\n\nBerlin (AFP) – The talks ended.\n\n"
     "© 2025 AFP\n\nSource: France 24\n", "France 24"),
    ("The headline\n\nThe story.\n\nSOURCE: AL JAZEERA\n", "Al Jazeera"),
])
def test_the_site_a_page_names_is_its_outlet_not_the_wire_it_ran(raw, outlet):
    assert clean_article(raw, "a.txt").outlet == outlet


def test_a_european_companys_suffix_is_no_part_of_the_outlet():
    assert clean_article("The story.\n\n© 2026 POLITICO SRL\n", "a.txt").outlet == "Politico"


def test_a_parliaments_record_is_dated_by_its_debate():
    raw = ("Hansard – UK Parliament\n\nUkraine: Peace Negotiations\n"
           "Volume 777: debated on Thursday 18 December 2025\n\nThe Secretary of State spoke.")
    c = clean_article(raw, "h.txt")
    assert (c.published, c.published_basis) == ("2025-12-18", "stated")


@pytest.mark.parametrize("line", ["Published: 14-01-2026 | 07:30 CET", "14-01-2026"])
def test_a_day_first_date_with_dashes_dates_the_article(line):
    c = clean_article(f"Talks resume\n\n{line}\n\nThe envoys met on Sunday.", "w.txt")
    assert (c.published, c.published_basis) == ("2026-01-14", "stated")


@pytest.mark.parametrize("marks", ["«»", "“”"])
def test_a_last_paragraph_quoted_in_any_marks_is_reporting(marks):
    words = f"{marks[0]}Another massive attack overnight. The answer is drones.{marks[1]}"
    raw = f"Officials posted on Wednesday.\n\nThe governor wrote on Telegram.\n\n{words}\n"
    assert clean_article(raw, "a.txt").text.endswith(words)


def test_a_byline_over_a_place_and_date_set_apart_by_a_dot_dates_the_article():
    raw = ("The Jakarta Post\n\nAbu Dhabi talks end with no breakthrough\n\n"
           "Dian Septiari (The Jakarta Post)\nJakarta/Abu Dhabi ● Sun, January 25, 2026\n\n"
           "The first three-way talks ended in Abu Dhabi on Saturday.\n")
    c = clean_article(raw, "a.txt")
    assert (c.published, c.published_basis) == ("2026-01-25", "stated")


@pytest.mark.parametrize(("line", "outlet"), [
    ("© Copyright Toronto Star Ltd. All rights reserved. Distributed by Toronto Star Newspapers "
     "Limited", "Toronto Star"),
    ("Copyright © 2026 USA TODAY, a division of Gannett Satellite Information Network, LLC.",
     "USA Today"),  # (as the list of known outlets writes it)
    ("© RTÉ 2025. RTÉ.ie is the website of Raidió Teilifís Éireann.", "RTÉ"),
    ("Copyright © 2026, Los Angeles Times | Terms of Service | Privacy Policy",
     "Los Angeles Times"),
])
def test_a_copyright_line_in_more_forms_names_the_outlet(line, outlet):
    c = clean_article(f"Talks resume\n\nThe leaders met on Sunday.\n\n{line}\n", "a.txt")
    assert (c.outlet, c.text) == (outlet, "The leaders met on Sunday.")


@pytest.mark.parametrize("line", [
    "Posted : 2025-12-29 10:05 | Updated : 2025-12-29 16:31",
    "Monday, 29 December 2025 9:14 AM  [ Last Update: Monday, 29 December 2025 11:02 AM ]",
])
def test_a_stamp_spaced_before_its_colon_or_with_a_bracketed_update_dates_the_article(line):
    c = clean_article(f"Talks resume\n\n{line}\n\nThe leaders met on Sunday.\n", "a.txt")
    assert (c.published, c.published_basis) == ("2025-12-29", "stated")


def test_a_known_agencys_dateline_tag_names_it_without_a_dash():
    raw = ("Zelensky says guarantees are ready\n\nBerlin, Dec 15 (IANS) Ukrainian President "
           "Volodymyr Zelensky on Monday said the United States was ready.\n")
    assert clean_article(raw, "a.txt").outlet == "IANS"
    raw = "Talks\n\nKYIV (Photo) The talks resumed on Monday in the capital.\n"
    assert clean_article(raw, "a.txt").outlet is None


@pytest.mark.parametrize(("note", "outlet"), [
    ("Bella Hartigan is Europe correspondent for The Age and The Sydney Morning Herald.",
     "The Age"),
    ("Keith Alvarado covers Palm Beach County and the Trump White House for The Palm Beach "
     "Post. Email him at kalvarado@pbpost.com.", "The Palm Beach Post"),
    ("Zelensky is pushing for a deal for Ukraine.", None),  # reporting, no writer's note
    ("Jacqueline Maher is The Australian’s Europe correspondent, based in London.",
     "The Australian"),
])
def test_a_writers_note_under_the_story_names_the_outlet(note, outlet):
    c = clean_article(f"Talks resume\n\nThe leaders met on Sunday.\n\n{note}\n", "a.txt")
    assert c.outlet == outlet and note in c.text


@pytest.mark.parametrize(("footer", "outlet", "published"), [
    ("Published in Dawn, December 20th, 2025", "Dawn", "2025-12-20"),
    ("This report by The Canadian Press was first published Dec. 15, 2025.",
     "The Canadian Press", "2025-12-15"),
])
def test_a_papers_published_in_footer_names_it_and_dates_the_article(footer, outlet, published):
    raw = f"Talks resume\n\nThe leaders met on Friday.\n\n{footer}\n"
    c = clean_article(raw, "a.txt")
    assert (c.outlet, c.published, c.text) == (outlet, published, "The leaders met on Friday.")


def test_an_indian_wires_dateline_names_the_agency_and_the_day():
    raw = ("Envoy calls Miami talks constructive\n\nMiami [US], December 21 (ANI): Russian envoy "
           "Kirill Dmitriev on Saturday described his talks in Miami as constructive.\n")
    c = clean_article(raw, "a.txt")
    assert c.outlet == "ANI"
    assert dateline(c.text) == (None, 12, 21)


@pytest.mark.parametrize("caption", [
    "Russian envoy Kirill Dmitriev arrives for talks in Miami on Dec. 20, 2025. Credit: "
    "AP/Marta Lavandier",
    "Wladimir Klitschko at a fundraising event in London last year. Picture: PA",
])
def test_a_caption_ending_in_its_credit_is_taken_off_and_kept_as_a_caption(caption):
    text = ("Talks go on in Miami\n\n" + caption + "\n\nThe talks went on for a second day on "
            "Saturday, officials said, and would resume on Sunday.\n")
    clean = clean_article(text, "a.txt")
    assert caption not in clean.text and clean.captions == (caption,)
    assert "The talks went on for a second day" in clean.text
