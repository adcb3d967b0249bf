"""The dated timeline of an article, scored against the gold events.

Gold events whose date is null ("last week", "later this week") are not required: they count
as present whether we give them a None date or skip them. Every dated gold event must be found
with the same date and a title or sentence sharing its content words (tests.goldlib).
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.codebook import default_codebook_path, load_codebook
from store.extract.clean import clean_article
from store.extract.dates import infer_corpus_published
from store.extract.events import TITLE_MAX, extract_events
from store.extract.sentences import split_sentences
from tests.goldlib import DATA, GOLD_DIR, SEEDS_DIR, event_matches

UNSEEN_DIR = DATA / "unseen_events"
BAR = 0.8


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(default_codebook_path())


def _corpus(folder, gold_folder, codebook):
    """name → (text, published, events, gold) with publication dates as the pipeline gets them."""
    cleaned, golds = {}, {}
    for path in sorted(folder.glob("*.txt")):
        golds[path.stem] = json.loads((gold_folder / (path.stem + ".json")).read_text())
        c = clean_article(path.read_text(), path.name)
        cleaned[path.stem] = (c.text, c.published)
    dated = infer_corpus_published(cleaned)
    out = {}
    for name, (text, _) in cleaned.items():
        published = dated[name][0]
        events = extract_events(text, split_sentences(text), published, codebook)
        out[name] = (text, published, events, golds[name])
    return out


def _found(text, events, gold_event) -> bool:
    return any(
        event_matches({"date": e.date, "title": e.title, "text": text[e.start : e.end]}, gold_event)
        for e in events
    )


def _recall(corpus) -> tuple[int, int, list]:
    hit = total = 0
    misses = []
    for name, (text, _, events, gold) in corpus.items():
        for g in gold["events"]:
            if g["date"] is None:
                continue  # not required (see module docstring)
            total += 1
            if _found(text, events, g):
                hit += 1
            else:
                misses.append((name, g["date"], g["what"]))
    return hit, total, misses


@pytest.mark.parametrize("folder", ["seeds", "unseen"])
def test_gold_events_found_with_right_date(folder, codebook):
    corpus = (
        _corpus(SEEDS_DIR, GOLD_DIR, codebook)
        if folder == "seeds"
        else _corpus(UNSEEN_DIR, UNSEEN_DIR, codebook)
    )
    hit, total, misses = _recall(corpus)
    print(f"\n{folder}: {hit}/{total} dated gold events found ({hit / total:.2f})")
    assert total > 0
    assert hit / total >= BAR, misses


@pytest.mark.parametrize("folder", ["seeds", "unseen"])
def test_mentions_are_well_formed(folder, codebook):
    corpus = (
        _corpus(SEEDS_DIR, GOLD_DIR, codebook)
        if folder == "seeds"
        else _corpus(UNSEEN_DIR, UNSEEN_DIR, codebook)
    )
    issue_ids = {i.id for i in codebook.issues}
    for text, published, events, _ in corpus.values():
        spans = split_sentences(text)
        pairs = set()
        for e in events:
            assert spans[e.sentence] == (e.start, e.end)
            assert 0 < len(e.title) <= TITLE_MAX
            assert e.precision in ("day", "month", "year", "unknown")
            assert e.basis in ("stated", "relative", "inferred")
            assert (e.date is None) == (e.precision == "unknown")
            assert set(e.issues) <= issue_ids
            assert (e.sentence, e.date) not in pairs  # one mention per date and sentence
            pairs.add((e.sentence, e.date))
            if e.date and e.date[:10] > published[: len(e.date)]:
                assert e.scheduled


def _events(text, published, codebook):
    return extract_events(text, split_sentences(text), published, codebook)


def test_sunday_and_monday_are_two_events(codebook):
    text = "Officials met in Berlin on Sunday and Monday to advance a peace deal."
    events = _events(text, "2025-12-16", codebook)
    assert [e.date for e in events] == ["2025-12-14", "2025-12-15"]
    assert all("process" in e.issues for e in events)


def test_scheduled_and_past(codebook):
    text = "Leaders will meet on Thursday. The envoys met on Monday."
    events = _events(text, "2025-12-16", codebook)
    assert [(e.date, e.scheduled) for e in events] == [("2025-12-18", True), ("2025-12-15", False)]


def test_a_guillemet_quotation_after_the_stop_lends_its_tense_to_no_event_before(codebook):
    text = ("Viktor Orbán had made his position clear on arrival on Thursday. «We will not"
            " pay for this war,» he said.")
    assert [e.date for e in _events(text, "2025-12-19", codebook)] == ["2025-12-18"]


def test_a_happening_pencilled_in_is_ahead_unless_it_had_been(codebook):
    text = ("Further talks were pencilled in for Miami on Saturday. A vote is slated for"
            " Thursday. The round had been pencilled in for Sunday but was pushed back.")
    assert [e.date for e in _events(text, "2025-12-15", codebook)] == [
        "2025-12-20", "2025-12-18", "2025-12-14"]


def test_the_same_evening_is_the_day_named_before(codebook):
    text = ("Trump met Zelensky in Davos on Thursday. Witkoff and Kushner flew to Moscow the"
            " same evening and met Putin.")
    assert [e.date for e in _events(text, "2026-01-24", codebook)] == [
        "2026-01-22", "2026-01-22"]


def test_no_publication_date_keeps_stated_dates_only(codebook):
    text = "The war began in February 2022. Officials met on Monday."
    events = _events(text, None, codebook)
    assert [(e.date, e.precision) for e in events] == [("2022-02", "month"), (None, "unknown")]


def test_multi_day_talks_give_each_day(codebook):
    text = "The dinner was on Monday. Envoys ended two days of talks in Berlin."
    events = _events(text, "2025-12-16", codebook)
    assert [e.date for e in events if e.sentence == 1] == ["2025-12-14", "2025-12-15"]
    assert {e.basis for e in events if e.sentence == 1} == {"inferred"}


def test_long_sentence_title_is_the_clause_around_the_date(codebook):
    text = (
        "Negotiators in Berlin discussed draft guarantees modelled after Article 5, the alliance's "
        "collective defence clause, and a team from an asset manager met Ukrainian officials over "
        "the weekend to discuss a prosperity package, according to people briefed on the talks."
    )
    (event,) = _events(text, "2025-12-16", codebook)
    assert "weekend" in event.title and len(event.title) <= TITLE_MAX


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list('abc Monday December 15, 2025 next weekend.\n"“”')))
    | st.text(),
    st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1)).map(date.isoformat), st.text()),
)
def test_extract_events_never_raises(text, published):
    codebook = load_codebook(default_codebook_path())
    for e in extract_events(text, split_sentences(text), published, codebook):
        assert e.start < e.end


# Words the date patterns are made of, in small sets so that random text forms their phrases
# ("Orthodox Christmas Day", "the following Tuesday night", "on the 22nd") and not only
# their characters.
_DATE_WORDS = [words.split() for words in (
    "Orthodox Christmas Eve Day New Year's Year’s .",
    "the next last this following previous week weekend month",
    "Monday Tuesday night morning evening on by .",
    "December Dec. Jan mid-January early late end of",
    "until after before ago later earlier days two hours",
    "that day the 15th 22nd on in , ¶",
    "15 2025 16/12 22.12. 12.12.2025 14:30 year-end December",
    "said will met summit “ ” \" — .",
)]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_DATE_WORDS), min_size=1, max_size=2).flatmap(  # one or two sets
        lambda sets: st.lists(st.sampled_from(sum(sets, [])), max_size=40)).map(" ".join),
    st.sampled_from([None, "2025-12-16", "2026-01-07"]),
)
def test_events_never_raise_on_phrases_of_date_words(text, published):
    text = text.replace("¶", "\n")  # a paragraph break
    codebook = load_codebook(default_codebook_path())
    for e in extract_events(text, split_sentences(text), published, codebook):
        assert 0 <= e.start < e.end <= len(text)




def test_day_of_month_and_numeric_dates_are_events(codebook):
    text = (
        "The envoys met on the 15th in Berlin and again on Dec 16th by video link. "
        "The deadline set on 12.12.2025 has now passed."
    )
    events = _events(text, "2025-12-17", codebook)
    assert [(e.date, e.basis, e.scheduled) for e in events] == [
        ("2025-12-15", "relative", False),
        ("2025-12-16", "stated", False),
        ("2025-12-12", "stated", False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A future verb anywhere in the clause: a date counted from publication, to come.
        ("Officials said a technical meeting would be held in two weeks in Geneva.",
         [("2025-12-31", True)]),
        ("The exchange can happen within a week.", [("2025-12-24", True)]),
        ("Talks are expected to resume in three days.", [("2025-12-20", True)]),
        # In the past tense it is a duration, not a date.
        ("Russia launched 500 drones in three days.", []),
        ("The army lost two towns within a week.", []),
    ],
)
def test_in_so_many_days_is_scheduled_or_a_duration(text, expected, codebook):
    events = _events(text, "2025-12-17", codebook)
    assert [(e.date, e.scheduled) for e in events] == expected


def test_a_year_naming_a_period_is_no_happening():
    text = "Ukraine's needs for 2026 and 2027 are covered. The war began in 2022."
    sentences = split_sentences(text)
    dates = [e.date for e in extract_events(text, sentences, "2025-12-19", None)]
    assert dates == ["2022"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The minister hopes the new bridge opens in the first half of this year.", ["2026"]),
     ("The ministry expects the road to be rebuilt by the summer of this year.", ["2026"]),
     ("The minister said this year had been hard.", [])],
)
def test_this_year_names_a_happening_only_with_a_part_of_the_year(text, expected):
    events = extract_events(text, split_sentences(text), "2026-01-19", None)
    assert [e.date for e in events] == expected


def test_the_dateline_is_when_it_was_written_not_a_happening():
    text = "KYIV, Dec 24, 2025 (Reuters) - Ukraine said on Tuesday it was ready to meet on Friday."
    events = extract_events(text, split_sentences(text), "2025-12-24", None)
    assert [(e.date, e.scheduled) for e in events] == [
        ("2025-12-23", False), ("2025-12-26", True)]


@pytest.mark.parametrize(
    ("item", "date_"),
    [("6 March. Ministers meet in Rome to agree the budget.", "2026-03-06"),
     ("The 30th. The finance committee meets to discuss the law.", "2026-01-30"),
     ("Mid-March. The first payment of the loan is due.", "2026-03")],
)
def test_a_date_lead_in_dates_the_rest_of_its_paragraph(item, date_):
    text = f"Three dates to watch:\n\n{item}\n\nNothing else is planned."
    events = extract_events(text, split_sentences(text), "2026-01-27", None)
    rest = item.split(". ", 1)[1].rstrip(".")
    assert [(e.date, e.title, e.scheduled) for e in events] == [(date_, rest, True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The minister said talks went well, while EU leaders gather in Rome on Thursday to vote.",
      ("2025-12-18", True)),
     ("Officials said the envoys meet in Geneva on Friday.", ("2025-12-19", True)),
     ("Officials said they meet in Geneva on Friday.", ("2025-12-19", True)),
     ("EU leaders gathered in Rome on Thursday to vote.", ("2025-12-11", False)),
     ("The envoys met in Geneva on Friday.", ("2025-12-12", False))],
)
def test_a_plural_subject_with_a_present_scheduling_verb_looks_ahead(text, expected):
    (event,) = extract_events(text, split_sentences(text), "2025-12-17", None)
    assert (event.date, event.scheduled) == expected


def test_the_following_evening_is_the_day_after_the_last_date(codebook):
    text = (
        "The minister flew to Rome on Friday for two days of meetings; the envoy arrived in "
        "Italy the following evening for separate talks."
    )
    events = _events(text, "2025-12-23", codebook)
    assert [(e.date, e.basis) for e in events] == [
        ("2025-12-19", "relative"), ("2025-12-20", "relative")]


def test_a_stated_range_of_days_is_not_extended_by_its_span(codebook):
    text = "Envoys came out of two days of talks in Geneva on Dec. 14-15 with a draft."
    events = _events(text, "2025-12-21", codebook)
    assert [(e.date, e.basis) for e in events] == [
        ("2025-12-14", "stated"), ("2025-12-15", "stated")]  # each stated day, none inferred


@pytest.mark.parametrize(
    ("text", "expected"),
    [("As the minister said last night in parliament, the talks are close.", ["2025-12-15"]),
     ("The deal was confirmed late last night.", ["2025-12-15"]),
     ("Over the weekend and into yesterday, envoys held talks in Geneva.", ["2025-12-15"]),
     ("Talks ran from Saturday and into Monday in Geneva.", ["2025-12-15"])],
)
def test_last_night_and_a_period_running_into_a_day(text, expected):
    events = extract_events(text, split_sentences(text), "2025-12-16", None)
    assert [e.date for e in events] == expected


def test_a_dated_list_intro_dates_its_items():
    text = (
        "Key developments on Dec. 20:\n- Envoys hold a second day of talks in Rome\n"
        "- The minister arrives in Italy\n\nThe talks went well, officials said."
    )
    events = extract_events(text, split_sentences(text), "2025-12-21", None)
    assert [(e.date, e.title) for e in events] == [
        ("2025-12-20", "Key developments on Dec. 20:"),
        ("2025-12-20", "- Envoys hold a second day of talks in Rome"),
        ("2025-12-20", "- The minister arrives in Italy"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A live page of timed entries: the time of day is the page's day.
        ("22:41\n\nThe president said in his nightly address that talks went well.\n\n21:15\n\n"
         "Heating was restored after the overnight strike.", ["2025-12-20", "2025-12-20"]),
        ("The president said in his nightly address that talks went well.", []),
        # A clock time to come, with no day, is on the day of publication.
        ("The summit begins at 10 a.m. in Rome.", ["2025-12-20"]),
        ("Farmers plan to block the square from 7 a.m.", ["2025-12-20"]),
        ("The attack began at 3 a.m. and lasted hours.", []),
        ("The summit begins at 10 a.m. on Monday.", ["2025-12-22"]),
    ],
)
def test_times_of_day_on_the_day_of_publication(text, expected):
    events = extract_events(text, split_sentences(text), "2025-12-20", None)
    assert [e.date for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Negated or spoken of as a hope, a holiday is no happening...
        ("Twelve days later there is no deal, no ceasefire and no Christmas truce.", []),
        ('"We were promised Christmas, then New Year. Now nobody has a date," he said.', []),
        ("“Today we all have one dream: peace,” the president said in his address.", []),
        # ... but a deadline or a proposal named after it is.
        ("He wants the framework signed by Christmas.", ["2025-12-25"]),
        ('Peskov was asked about a "Christmas truce."', ["2025-12-25"]),
        ('"We will meet again on Friday," he said.', ["2025-12-19"]),
    ],
)
def test_negated_or_rhetorical_dates_are_no_happenings(text, expected):
    events = extract_events(text, split_sentences(text), "2025-12-17", None)
    assert [e.date for e in events] == expected


# --- prefilters: a sentence skipped could not have matched ------------------------------------


def test_the_digit_prefilter_is_backslash_d():
    from store.extract.events import _DIGIT

    digit = re.compile(r"\d")
    for c in map(chr, range(0x110000)):
        assert bool(_DIGIT.fullmatch(c)) == bool(digit.fullmatch(c)), hex(ord(c))


def test_only_d_a_y_lower_to_what_a_case_blind_day_matches():
    """A span of "two days of talks" holds "day" in the text's lower case (same offsets)."""
    for letter in "day":
        blind = re.compile(letter, re.IGNORECASE)
        for c in map(chr, range(0x110000)):
            if blind.fullmatch(c):
                assert c.lower() == letter


_SPAN_TEXT = st.lists(
    st.sampled_from(["two", "Three", "4", "-", " ", "DAYS", "day", "dAy", "of", "talks", "summit",
                     "at 10 a.m.", "at 9:30", "\u0130", "said", "on Monday", ".", "\n", "\u212a",
                     "\u017f", "will", "two days of talks", "three-day summit", "2 DAYS of talks",
                     "Two dAys of  negotiations", "held", "met"]),
    max_size=25,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_SPAN_TEXT)
def test_prefilters_change_no_event(text):
    import store.extract.events as E

    cb = load_codebook(default_codebook_path())
    spans = split_sentences(text)
    fast = extract_events(text, spans, "2025-12-16", cb)
    digit, word = E._DIGIT, E._SPAN_WORD
    try:
        E._DIGIT, E._SPAN_WORD = re.compile(""), ""  # every sentence is scanned
        assert extract_events(text, spans, "2025-12-16", cb) == fast
    finally:
        E._DIGIT, E._SPAN_WORD = digit, word


@pytest.mark.parametrize(
    "text",
    ["Ministers held talks in Rome on Nov. 3 and 4 about a ceasefire.",
     "On November 3-4, ministers held talks in Rome.",
     "Ministers held talks in Rome on 3 and 4 November.",
     "Ministers held talks in Rome on 3rd and 4th November."],
)
def test_a_pair_of_days_is_a_happening_on_each_day(text):
    events = extract_events(text, split_sentences(text), "2025-11-10", None)
    assert [(e.date, e.basis) for e in events] == [
        ("2025-11-03", "stated"), ("2025-11-04", "stated")]


def test_a_weekday_deadline_in_a_clause_that_looks_ahead_is_to_come():
    text = "A diplomat said the capitals expected to be briefed on the draft by Thursday."
    events = extract_events(text, split_sentences(text), "2025-12-14", None)  # a Sunday
    assert [(e.date, e.scheduled) for e in events] == [("2025-12-18", True)]
    text = "The capitals had been briefed on the draft by Thursday, a diplomat said."
    events = extract_events(text, split_sentences(text), "2025-12-14", None)
    assert [e.date for e in events] == ["2025-12-11"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Earlier or later in the day: the day of the last date, else of publication.
        ("The minister said he had phoned his French counterpart earlier in the day.",
         [("2025-12-20", False)]),
        ("Envoys met in Rome on Tuesday. Later in the day the minister flew home.",
         [("2025-12-16", False), ("2025-12-16", False)]),
        # After the meeting, "later" before a past verb: the day of the last date stated.
        ("Envoys met in Rome on Tuesday. After the meeting, the minister flew to Paris.",
         [("2025-12-16", False), ("2025-12-16", False)]),
        ("Envoys met in Rome on Tuesday. The minister later wrote on X that it went well.",
         [("2025-12-16", False), ("2025-12-16", False)]),
        ("The leaders talked earlier in the day. He said he would call her after the meeting.",
         [("2025-12-20", False), ("2025-12-20", True)]),
        # ... not without a date before them, nor beside a date of their own sentence.
        ("After the meeting, the minister flew to Paris. He later wrote that it went well.", []),
        ("Envoys met in Rome on Tuesday. After the meeting on Friday, the minister flew home.",
         [("2025-12-16", False), ("2025-12-19", False)]),
        ("Envoys met in Rome on Tuesday. A later meeting is planned.", [("2025-12-16", False)]),
    ],
)
def test_the_same_day_told_by_its_time_or_by_what_came_before(text, expected):
    events = extract_events(text, split_sentences(text), "2025-12-20", None)
    assert [(e.date, e.scheduled) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "Overnight" in a dated dispatch: the night into the day of publication...
        ("Russian drones struck power plants in the south overnight, officials said.",
         "2025-12-20", ["2025-12-20"]),
        ("Power came back after the overnight attack on the grid.", "2025-12-20", ["2025-12-20"]),
        # ... unless its sentence names the day; undated, it names none.
        ("Drones struck the capital overnight into Sunday, officials said.", "2025-12-22",
         ["2025-12-21"]),
        ("Russian drones struck power plants in the south overnight.", None, []),
    ],
)
def test_overnight_is_the_night_into_the_day_of_publication(text, published, expected):
    events = extract_events(text, split_sentences(text), published, None)
    assert [e.date for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A time word in a quotation as rhetoric is no happening...
        ('"Tonight I am hopeful," she said.', []),
        ('"Tomorrow, we will see what the other side says," she said.', []),
        ('"But what matters tonight is that they talked," he said.', []),
        ('"A shield that protects us today, not after the signing, is what counts," he said.',
         []),  # the plan word ("signing") in another clause dates nothing
        # ... a plan the quotation dates is one, and so is reporting outside quotation marks.
        ('"We will meet the envoys again tomorrow," he said.', ["2025-12-18"]),
        ('"The deadline is tomorrow," he said.', ["2025-12-18"]),
        ('"Tomorrow, the envoys meet in Geneva," he said.', ["2025-12-18"]),
        ("The envoys will meet again tomorrow, he said.", ["2025-12-18"]),
        # "This year" alone names no day of anything; a year before a noun is no date...
        ("He had no intention of raising the matter again this year.", []),
        ("Parliament will amend the 2026 budget in mid-February.", ["2026-02"]),
        ("Ukraine's 2026 spending plan is short of money.", []),
        # ... but a happening named with its year is dated by it, as is "later this year".
        ("The assets were frozen after the 2022 invasion of Ukraine.", ["2022"]),
        ("Elections could be held later this year.", ["2025"]),
    ],
)
def test_rhetorical_time_words_and_years_as_adjectives_are_no_happenings(text, expected):
    events = extract_events(text, split_sentences(text), "2025-12-17", None)
    assert [e.date for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "N days after X": X happened N days before the sentence's day (publication when the
        # sentence names none, else its own day) ...
        ("The statement followed two days after the envoys signed a memorandum in Oslo.",
         ["2025-12-18"]),
        ("The proposal arrives a day after shelling damaged a substation near Odesa.",
         ["2025-12-19"]),
        ("On Tuesday, three days after the delegations met in Riyadh, the minister spoke.",
         ["2025-12-16", "2025-12-13"]),
        # ... not a day named after "after" (the day itself is the date), nor a gap after
        # something still to come.
        ("Talks resume two days after Christmas.", ["2025-12-25"]),
        ("The vote will be held three days after the summit ends.", []),
        ("For two days after the vote, the streets of the capital stayed quiet.", []),
    ],
)
def test_so_many_days_after_something_counts_back_from_the_sentence_day(text, expected):
    events = extract_events(text, split_sentences(text), "2025-12-20", None)
    assert [e.date for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A weekday with its part of the day closes the predicate before it: the verb after
        # "and" starts another ("... on Monday evening and would host talks later").
        ("The minister had phoned her counterpart on Monday evening and would visit Warsaw.",
         [("2025-12-15", False)]),
        ("The minister will phone her counterpart on Monday evening and visited Warsaw.",
         [("2025-12-22", True)]),
    ],
)
def test_the_verb_before_a_date_governs_it_over_a_verb_after_and(text, expected):
    events = extract_events(text, split_sentences(text), "2025-12-17", None)
    assert [(e.date, e.scheduled) for e in events] == expected


def test_a_live_pages_entry_opens_with_a_happening_of_the_pages_day(codebook):
    text = (
        "Live: Trump hosts Zelensky\n\n21.32 GMT\nStarmer: 'We will keep our promises'\n\n"
        "Keir Starmer has issued a statement after the call with Trump and Zelensky.\n\n"
        "19.05 GMT\nParis summit set\n\nLeaders will meet in Paris on 6 January.\n\n"
        "14.32 GMT\nTrump: 'very productive' call with Putin\n\n"
        "Trump has posted on Truth Social that he had a productive call with Putin.\n\n"
        "The mood in Kyiv is tense."
    )
    events = _events(text, "2025-12-28", codebook)
    assert [(e.date, e.title[:12]) for e in events] == [
        ("2025-12-28", "Keir Starmer"), ("2026-01-06", "Leaders will"),
        ("2025-12-28", "Trump has po")]
