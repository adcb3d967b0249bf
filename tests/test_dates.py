"""Date expressions, their resolution, and publication dates inferred from the corpus."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.clean import clean_article
from store.extract.dates import (
    find_dates,
    infer_corpus_published,
    infer_published,
    parse_date,
    resolve,
    tense_at,
    weekday_date,
)
from tests.goldlib import DATA, GOLD_DIR, SEEDS_DIR

UNSEEN_DIR = DATA / "unseen_events"
MON = date(2025, 12, 15)  # the second day of the Berlin talks


def _resolve_in(sentence: str, pub: date, previous: date | None = None) -> list[str | None]:
    return [
        resolve(e, pub, tense_at(sentence, e.start, e.end, 0, len(sentence)), previous).date
        for e in find_dates(sentence)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Officials met in Berlin on Sunday and Monday.", ["2025-12-14", "2025-12-15"]),
        ("They are expected to dine Monday night with leaders.", ["2025-12-15"]),
        ("Leaders will gather in Brussels on Thursday.", ["2025-12-18"]),
        ("The Kremlin said on Tuesday it had not seen the text.", ["2025-12-09"]),
        ("He spoke last Tuesday.", ["2025-12-09"]),
        ("More meetings next weekend are possible.", ["2025-12-20"]),
        ("They met over the weekend.", ["2025-12-13"]),
        ("Talks will continue later this week.", ["2025-12"]),  # no day, but the month
        ("Trump last week spoke by phone to Zelensky.", ["2025-12"]),
        ("They want a deal by Christmas.", ["2025-12-25"]),
        ("He asked whether it could happen before Christmas.", ["2025-12-25"]),
        ("They hope to get a deal by the end of the year.", ["2025-12-31"]),
        ("He hopes to meet Trump in January.", ["2026-01"]),
        ("Moscow demanded in November that Kyiv disarm.", ["2025-11"]),
        ("Officials said on December 15 that the talks went well.", ["2025-12-15"]),
        ("The caption was dated Dec. 15, 2025.", ["2025-12-15"]),
        ("A vote could come on Jan. 7 or on 7 January.", ["2026-01-07"] * 2),
        ("The war began in February 2022.", ["2022-02"]),
        ("Assets were frozen after the 2022 invasion.", ["2022"]),
        ("Ukraine received the loan earlier this month.", ["2025-12"]),
        ("He said yesterday that the talks were over.", ["2025-12-14"]),
        ("It was signed 15 December 2024.", ["2024-12-15"]),
    ],
)
def test_expressions_resolve_against_publication(sentence, expected):
    assert _resolve_in(sentence, MON) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("The envoys met last week.", "2025-12"),  # 22-28 December
     ("The envoys meet again next week.", "2026-01"),  # 5-11 January
     # 29 December to 4 January: four of its seven days, Thursday's among them, are January's
     ("The envoys meet again later this week.", "2026-01")],
)
def test_a_week_names_the_month_that_holds_most_of_it(sentence, expected):
    assert _resolve_in(sentence, date(2025, 12, 30)) == [expected]


def test_a_week_mostly_in_the_month_before_names_that_month():
    # Wednesday 21 January 2026: next week is 26 January to 1 February
    assert _resolve_in("Final passage could come as soon as next week.", date(2026, 1, 21)) == [
        "2026-01"
    ]
    # Tuesday 24 February 2026: next week is 2 to 8 March
    assert _resolve_in("They meet again next week.", date(2026, 2, 24)) == ["2026-03"]


def test_that_evening_is_the_previous_date():
    assert _resolve_in("Trump joined the dinner that evening.", MON, date(2025, 12, 15)) == [
        "2025-12-15"
    ]
    assert _resolve_in("Trump joined the dinner that evening.", MON) == [None]


@pytest.mark.parametrize(("pub", "expected"), [
    (date(2026, 1, 24), "2026-02-01"),  # a Saturday: tomorrow is "tomorrow", not "next Sunday"
    (date(2026, 1, 22), "2026-01-25"),  # a Thursday: the coming Sunday
    (date(2026, 1, 25), "2026-02-01"),  # a Sunday: a week on
])
def test_next_weekday_is_never_tomorrow(pub, expected):
    assert _resolve_in("The delegations may meet again as early as next Sunday.", pub) == [
        expected]


def test_numbers_that_are_not_dates():
    text = "About 800,000 troops, $220 billion, 2/3 majority, 20-point plan, 24 hours, 90%."
    assert find_dates(text) == []


@pytest.mark.parametrize("weekday", range(7))
def test_weekday_past_and_future_bracket_publication(weekday):
    for pub in (date(2025, 12, 15), date(2026, 1, 1), date(2024, 2, 29)):
        past = weekday_date(pub, weekday, "past", None)
        future = weekday_date(pub, weekday, "future", None)
        assert past.weekday() == future.weekday() == weekday
        assert 0 <= (pub - past).days <= 6 and 0 <= (future - pub).days <= 6


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-16 00:09:00", date(2025, 12, 16)),
        ("January 9, 2026 at 7:45 am", date(2026, 1, 9)),
        ("(Dec. 28, 2025)", date(2025, 12, 28)),
        ("28 December 2025", date(2025, 12, 28)),
        ("24 January ,2026: 09:41 PM GST", date(2026, 1, 24)),  # (a site's stray space)
        ("January 24 ,2026", date(2026, 1, 24)),
        ("2025/02/30", None),
        ("soon", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def _articles(folder, gold_folder) -> dict[str, tuple[str, str | None, dict]]:
    out = {}
    for path in sorted(folder.glob("*.txt")):
        gold = json.loads((gold_folder / (path.stem + ".json")).read_text())
        clean = clean_article(path.read_text(), path.name)
        out[path.stem] = (clean.text, clean.published, gold)
    return out


def test_seed_publication_dates_make_weekdays_resolve():
    """Only 002 states its date; the others, inferred from it, put the talks on 14/15 Dec."""
    arts = _articles(SEEDS_DIR, GOLD_DIR)
    stated = {n: date.fromisoformat(p) for n, (_, p, _) in arts.items() if p}
    assert list(stated.values()) == [date(2025, 12, 16)]
    for name, (text, published, _) in arts.items():
        if published:
            continue
        others = [d for n, d in stated.items() if n != name]
        inferred, basis = infer_published(text, others)
        assert basis == "inferred"
        pub = date.fromisoformat(inferred)
        # Every past "Sunday"/"Monday" in the article must land on the talks.
        for e in find_dates(text):
            if e.kind == "weekday" and e.modifier is None and e.weekday in (0, 6):
                lo = text.rfind("\n", 0, e.start) + 1
                hi = text.find("\n", e.end)
                hi = len(text) if hi == -1 else hi
                tense = tense_at(text, e.start, e.end, lo, hi)
                got = resolve(e, pub, tense).date
                assert got == ("2025-12-15" if e.weekday == 0 else "2025-12-14"), (name, got)


def test_unseen_publication_dates():
    arts = _articles(UNSEEN_DIR, UNSEEN_DIR)
    dated = infer_corpus_published({n: (t, p) for n, (t, p, _) in arts.items()})
    for name, (_, _, gold) in arts.items():
        want = gold["published"] or gold.get("published_inferred")
        assert dated[name][0] == want, name
        assert dated[name][1] == ("stated" if gold["published"] else "inferred")


def test_yearless_dateline_takes_year_from_context():
    text = "KYIV, Dec 24 (Reuters) - Ukraine sent the draft on Wednesday."
    assert infer_published(text, [date(2025, 12, 20)]) == ("2025-12-24", "inferred")
    assert infer_published(text, [date(2027, 1, 3)]) == ("2026-12-24", "inferred")


def test_nothing_to_go_on():
    assert infer_published("The talks went on.", []) == (None, None)
    assert infer_published("Officials met on Monday.", []) == (None, None)


def test_no_date_words_stay_undated_whatever_the_corpus():
    assert infer_published("The talks went on.", [date(2025, 12, 16)]) == (None, None)


def test_a_weekday_alone_is_placed_near_the_corpus_dates():
    published, basis = infer_published("Officials met on Monday.", [date(2025, 12, 16)])
    assert basis == "inferred"
    assert abs((date.fromisoformat(published) - date(2025, 12, 16)).days) <= 7


@settings(max_examples=300, deadline=None)
@given(st.text(), st.lists(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1))))
def test_infer_never_raises(text, corpus):
    published, basis = infer_published(text, corpus)
    assert (published is None) == (basis is None)


WED = date(2025, 12, 17)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A day of the month alone: the month of publication or the one next to it, by tense.
        ("The envoys met on the 15th in Berlin.", ["2025-12-15"]),
        ("The envoys met on the 20th, officials said.", ["2025-11-20"]),
        ("Leaders will meet on the 20th.", ["2025-12-20"]),
        ("Leaders will meet on the 5th.", ["2026-01-05"]),
        ("Kyiv must answer by the 31st.", ["2025-12-31"]),
        ("The 15th round of talks opened.", []),  # an ordinal with its noun is no date
        ("The vote waits until the Dáil returns from its Christmas recess.", []),  # a season
        ("They met on the 15th of December.", ["2025-12-15"]),
        ("Since they met on the 28th of last month, talks have stalled.", ["2025-11-28"]),
        ("The council meets on the 9th of next month.", ["2026-01-09"]),
        ("Putin set out his principles in June last year.", ["2024-06"]),
        ("The talks will resume in March next year.", ["2026-03"]),
        # Counted from publication.
        ("A meeting would be held in two weeks in Geneva.", ["2025-12-31"]),
        ("Prisoners can be exchanged within a week.", ["2025-12-24"]),
        ("The team returns in three days' time.", ["2025-12-20"]),
        ("A decision is due in two months.", ["2026-02"]),
        ("Two weeks ago, the envoys met in Miami.", ["2025-12-03"]),
        ("A fortnight ago, the envoys met in Miami.", ["2025-12-03"]),
        ("The envoys meet again in a fortnight.", ["2025-12-31"]),
        # Numeric dates, day first; ISO as before.
        ("The deadline set on 12.12.2025 has now passed.", ["2025-12-12"]),
        ("The deadline set on 12/12/2025 has now passed.", ["2025-12-12"]),
        ("It was signed on 3.12.2025.", ["2025-12-03"]),
        ("It was signed on 12/15/2025.", ["2025-12-15"]),  # only month first is a date
        ("It was signed on 12/24/2025.", ["2025-12-24"]),  # a day past the 19th too
        ("It was signed on 2025-12-12.", ["2025-12-12"]),
        ("The plan dated 31.02.2025 is a fake.", []),
    ],
)
def test_new_expressions_resolve_against_publication(sentence, expected):
    assert _resolve_in(sentence, WED) == expected


def test_ambiguous_slash_date_takes_the_reading_nearer_publication():
    # 3/12/2025: 3 December (day first) or 12 March (month first).
    assert _resolve_in("It was signed on 3/12/2025.", WED) == ["2025-12-03"]
    assert _resolve_in("It was signed on 3/12/2025.", date(2025, 3, 20)) == ["2025-03-12"]
    assert _resolve_in("It was signed on 3/12/2025.", None) == ["2025-12-03"]
    assert _resolve_in("It was signed on 3.12.2025.", date(2025, 3, 20)) == ["2025-12-03"]


@pytest.mark.parametrize("day", range(1, 32))
@pytest.mark.parametrize("pub", [date(2025, 12, 17), date(2026, 3, 1), date(2024, 2, 29)])
def test_day_of_month_brackets_publication(day, pub):
    past = _resolve_in(f"They met on the {day}th.", pub)[0]
    future = _resolve_in(f"They will meet on the {day}th.", pub)[0]
    past, future = date.fromisoformat(past), date.fromisoformat(future)
    assert past.day == future.day == day
    assert 0 <= (pub - past).days <= 62 and 0 <= (future - pub).days <= 62


@pytest.mark.parametrize(
    ("value", "expected"),
    [("18.12.2025", date(2025, 12, 18)), ("18/12/2025", date(2025, 12, 18)),
     ("12/18/2025", date(2025, 12, 18)), ("12/27/2025", date(2025, 12, 27)),
     ("1/31/2026", date(2026, 1, 31)), ("31.02.2025", None), ("12.27.2025", None)],
)
def test_parse_numeric_metadata_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("For most of Sunday, the talks went nowhere.", ["2025-12-14"]),
        ("By Monday afternoon, the mood had shifted.", ["2025-12-15"]),
        ("By Monday afternoon, the mood will have shifted.", ["2025-12-22"]),
    ],
)
def test_a_clause_without_a_verb_takes_its_sentences_tense(sentence, expected):
    assert _resolve_in(sentence, date(2025, 12, 19)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # News writes a scheduled happening in the present ("the summit opens on Thursday"):
        # such a verb looks ahead, and the sentence's other clauses do not lend it theirs.
        ("The council meets on the 22nd, and the loan must be agreed by then.", ["2025-12-22"]),
        ("Trump travels to Florida on Monday, after talks that lasted for days.",
         ["2025-12-22"]),
        ("The summit opens on the 20th, officials said.", ["2025-12-20"]),
        # The past still wins where it is the nearest verb.
        ("The envoys met on the 15th, and the council meets again soon.", ["2025-12-15"]),
        # "prepare to" looks ahead as "plan to" does, whatever the clause before it did.
        ("The summit came days after the envoys met in Berlin, and as negotiators prepare "
         "to meet in Miami this weekend.", ["2025-12-20"]),
        ("Officials were preparing to travel to Geneva on Monday.", ["2025-12-22"]),
        # a participle after "be" is a passive still to come, no past
        ("Officials hope the first payment can be made on the 22nd.", ["2025-12-22"]),
    ],
)
def test_a_present_tense_scheduling_verb_looks_ahead(sentence, expected):
    assert _resolve_in(sentence, date(2025, 12, 18)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Zelensky spoke with Macron by phone on 16/12.", ["2025-12-16"]),
        ("The envoys will meet again on 22.12.", ["2025-12-22"]),
        ("The text was sent on 12/16, a U.S. official said.", ["2025-12-16"]),  # month first
        ("Ratios of 3/4 and 16/12 are not dates.", []),  # no preposition: no date
        ("The vote passed 16/12 in committee.", []),
    ],
)
def test_day_and_month_in_digits_after_a_preposition(sentence, expected):
    assert _resolve_in(sentence, date(2025, 12, 18)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The main clause's verb decides; "would" belongs to the reported speech after "that".
        ("The prime minister told the national parliament on Wednesday that he would not sign.",
         ["2025-12-17"]),
        ("She informed the foreign ministers on Monday that Kyiv will attend.", ["2025-12-15"]),
        # Without a verb before "that", the reported clause still gives the tense.
        ("A summit on Friday that will decide the loan is the next step.", ["2025-12-19"]),
    ],
)
def test_a_reporting_verb_decides_over_the_reported_speech(sentence, expected):
    assert _resolve_in(sentence, date(2025, 12, 18)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "the end of <month>" is a time in that month (readers date it so two times in
        # three); "the end of the month" stays its last day (readers split: no gain either way)
        ("The committee will act by the end of January at the earliest.", ["2026-01"]),
        ("We expect to finish before the end of February.", ["2026-02"]),
        ("The loan was agreed at the end of November.", ["2025-11"]),
        ("They want a deal before the end of the month.", ["2025-12-31"]),
    ],
)
def test_the_end_of_a_named_month_is_that_month(sentence, expected):
    assert _resolve_in(sentence, date(2025, 12, 21)) == expected


def test_a_day_of_the_month_before_reported_speech():
    sentence = "The minister told the committee on the 22nd that Finland would help."
    assert _resolve_in(sentence, date(2025, 12, 29)) == ["2025-12-22"]


@pytest.mark.parametrize("orthodox", ["", "Orthodox "])
@pytest.mark.parametrize("part", ["", " Eve", " Day"])
def test_every_holiday_the_scan_finds_has_a_date(orthodox, part):
    """The holiday pattern admits 'Orthodox Christmas Day': it once raised a KeyError."""
    text = f"The leaders spoke on {orthodox}Christmas{part} about the plan."
    found = find_dates(text)
    assert [d.kind for d in found] == ["holiday"]
    assert (found[0].month, found[0].day) == ((1, 6 if part == " Eve" else 7) if orthodox
                                              else (12, 24 if part == " Eve" else 25))


@pytest.mark.parametrize(
    ("phrase", "day", "last"),
    [("The envoys met in Geneva on Nov. 3 and 4.", 3, 4),
     ("Talks were held on March 9-10 in Riyadh.", 9, 10),
     ("Ministers met on 5 and 6 June in Rome.", 5, 6),
     ("Leaders gather on 26th and 27th June.", 26, 27),
     ("By June 3 and 40 others had signed.", 3, None),
     ("On June 3 and 4 people were hurt.", 3, None),
     ("A festival runs May 1-31 every year.", 1, None)],
)
def test_a_pair_or_short_range_of_days_keeps_its_last_day(phrase, day, last):
    found = [e for e in find_dates(phrase) if e.kind in ("md", "ymd")]
    assert [(e.day, e.last) for e in found] == [(day, last)]


def test_a_dateline_without_a_year_takes_the_year_its_weekday_fits():
    text = "Aired Monday, Dec. 15 | 31 minutes | Transcript\nThe envoys met in Geneva."
    # Dec. 15 is nearest to the corpus in 2026, but it is a Monday only in 2025.
    assert infer_published(text, [date(2026, 6, 20)]) == ("2025-12-15", "inferred")
    assert infer_published(text, [date(2025, 12, 10)]) == ("2025-12-15", "inferred")
    plain = "GENEVA, Dec. 15 | The envoys met in Geneva."
    assert infer_published(plain, [date(2026, 6, 20)]) == ("2026-12-15", "inferred")


def test_the_weekday_of_a_dateline_is_no_happening():
    from store.extract.events import extract_events
    from store.extract.sentences import split_sentences

    text = "Aired Monday, Dec. 15 | 31 minutes | Transcript\n\nThe envoys met on Sunday."
    events = extract_events(text, split_sentences(text), "2025-12-15", None)
    assert [e.date for e in events] == ["2025-12-14"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("Talks opened on Dec. 3. Two days later, at a year-end briefing, the envoy left.",
      ["2025-12-03", "2025-12-05"]),
     ("Talks opened late Saturday. Hours earlier, the envoys had met the mediator.",
      ["2025-12-13", "2025-12-13"]),
     ("The vote was on Dec. 10. A week earlier the draft leaked.", ["2025-12-10", "2025-12-03"]),
     ("The mission arrived. Two days later it left.", [None])],
)
def test_so_long_later_or_earlier_counts_from_the_last_date(sentence, expected):
    out, previous = [], None
    for e in find_dates(sentence):
        r = resolve(e, MON, tense_at(sentence, e.start, e.end, 0, len(sentence)), previous)
        previous = r.day or previous
        out.append(r.date)
    assert out == expected


@pytest.mark.parametrize(
    ("phrase", "found"),
    [("at his year-end press conference", []), ("the talks must end by year-end.", ["yearend"]),
     ("before a year-end deadline", ["yearend"])],
)
def test_year_end_before_a_noun_is_no_date(phrase, found):
    assert [e.kind for e in find_dates(phrase)] == found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("The envoys met on Nov. 18 and 19. At the call on the 22nd, I was told, they agreed.",
      ["2025-11-18", "2025-11-22"]),
     ("The envoys met on Sept. 30. At the call on the 22nd, I was told, they agreed.",
      ["2025-09-30", "2025-10-22"])],  # a date far from publication: publication decides
)
def test_a_bare_day_takes_the_month_of_the_dates_around_it(sentence, expected):
    # Publication inferred a little early (Nov. 20): the 22nd is still that month's.
    out, previous = [], None
    for e in find_dates(sentence):
        r = resolve(e, date(2025, 11, 20), "past", previous)
        previous = r.day or previous
        out.append(r.date)
    assert out == expected


def test_the_regex_of_an_opening_word_as_spelled_is_that_of_its_fold():
    """dates._regex_by_spelling answers as the fold of the word does (_regex_of)."""
    from store.extract.dates import _by_opener, _regex, _regex_by_spelling

    for spelling, pattern in _regex_by_spelling().items():
        key = "0" if spelling.isdigit() else spelling.casefold()
        assert pattern is _regex(_by_opener()[key]), spelling


def test_mid_month_is_the_month_of_publication():
    assert _resolve_in("The Ukrainians will be back in Florida mid-month.", MON) == ["2025-12"]
    assert _resolve_in("The envoys meet again in mid month.", MON) == ["2025-12"]


def test_the_day_before_or_after_a_holiday_is_its_neighbour():
    assert _resolve_in("He set out the plan in public the day before Christmas.", MON) == [
        "2025-12-24"]
    assert _resolve_in("They met the day after New Year's Day in Kyiv.", date(2026, 1, 5)) == [
        "2026-01-02"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Zelensky is due in The Hague on Tuesday to sign a convention.", ["2025-12-16"]),
        ("Zelenskyy said he would address Ukrainians once the responses were clear, possibly "
         "as early as Friday.", ["2025-12-19"]),
        ("Prices rose due to the strikes on Friday.", ["2025-12-12"]),  # a cause, not a plan
    ],
)
def test_due_and_possibly_look_ahead(sentence, expected):
    assert _resolve_in(sentence, date(2025, 12, 14)) == expected


def test_the_day_an_article_calls_today_with_its_date_is_its_publication():
    from pathlib import Path

    from store.extract.dates import infer_published

    # A BBC write-up of a radio interview "this morning, Wednesday 11 February", which also
    # reports what a minister said "on Tuesday" and dates weeks ahead.
    path = Path(__file__).parent / "data" / "unseen_probe19" / "s5_bbc_today_kachka.txt"
    text = path.read_text(encoding="utf-8")
    assert infer_published(text, [date(2026, 2, 9)]) == ("2026-02-11", "inferred")


def test_a_deadline_by_an_abbreviated_month_and_day_is_that_day():
    from store.extract.dates import date_mentions

    found = [(e.kind, e.month, e.day) for e, _ in date_mentions(
        "The bloc wants the package adopted by Feb. 24, the anniversary of the invasion.")]
    assert found == [("md", 2, 24)]


@pytest.mark.parametrize(("sentence", "tense"), [
    ("The European Commission on Friday proposed a 20th package that would replace the cap.",
     "past"),
    ("The ministry on Friday planned to publish the list.", "past"),
    ("The meetings come after EU leaders early Friday agreed to lend Ukraine the money.",
     "past"),
    ("Ministers will vote on Friday on the proposed package.", "future"),
])
def test_a_verb_right_after_the_date_gives_its_tense(sentence, tense):
    from store.extract.dates import date_mentions, tense_at

    expr = date_mentions(sentence)[0][0]  # "Friday"
    assert tense_at(sentence, expr.start, expr.end, 0, len(sentence)) == tense


def test_a_weekday_then_its_date_is_one_date():
    from store.extract.dates import date_mentions

    found = [(e.kind, e.month, e.day) for e, _ in date_mentions(
        "General Affairs Council in Luxembourg on Tuesday, June 16, where ministers meet.")]
    assert found == [("md", 6, 16)]


def test_a_clause_opening_with_a_past_participle_is_in_the_past():
    from store.extract.dates import tense_at

    text = "Asked on Wednesday whether Europe would be in the room, Kallas said it was."
    at = text.index("on Wednesday") + 3
    assert tense_at(text, at, at + 9, 0, len(text)) == "past"


def test_a_day_whose_relative_clause_looks_ahead_is_still_to_come():
    from store.extract.dates import tense_at

    text = ("The Berlin talks came ahead of an EU summit in Brussels on Thursday at which "
            "leaders will try to agree on the loan.")
    at = text.index("on Thursday") + 3
    assert tense_at(text, at, at + 8, 0, len(text)) == "future"


@pytest.mark.parametrize(("sentence", "tense"), [
    ("Kyiv will send a delegation led by Rustem Umerov to the US for talks by the weekend.",
     "future"),
    ("Sikorski used a meeting of EU foreign ministers in Brussels on Monday to call again for "
     "the use of the assets, most of which are held by Euroclear.", "past"),
])
def test_a_participle_before_by_is_no_verb_and_used_is_a_past(sentence, tense):
    from store.extract.dates import date_mentions, tense_at

    expr = date_mentions(sentence)[0][0]
    assert tense_at(sentence, expr.start, expr.end, 0, len(sentence)) == tense


@pytest.mark.parametrize(("sentence", "day"), [
    ("A Russian team is expected to meet Witkoff and Kushner in Miami over the weekend.",
     "2025-12-20"),
    ("A potential peace deal brokered over the weekend was discussed on Monday.", "2025-12-13"),
])
def test_over_the_weekend_is_the_past_one_unless_the_clause_looks_ahead(sentence, day):
    from store.codebook import default_codebook_path, load_codebook
    from store.extract.events import extract_events
    from store.extract.sentences import split_sentences

    events = extract_events(sentence, split_sentences(sentence), "2025-12-16",
                            load_codebook(default_codebook_path()))
    assert day in [e.date for e in events]


def test_after_a_holiday_is_its_month_not_its_day():
    from store.extract.dates import find_dates, resolve

    pub = date(2025, 12, 20)
    text = ('He asked for the next round "immediately after Christmas." They met the day'
            " after Christmas.")
    got = [resolve(e, pub, "future") for e in find_dates(text)]
    assert [(r.date, r.precision) for r in got] == [("2025-12", "month"), ("2025-12-26", "day")]


def test_mar_a_lago_is_no_month():
    from store.extract.dates import find_dates

    text = "Macron wrote from Mar-a-Lago. Talks resume after Mar-a-Lago talks in March."
    assert [(e.kind, e.month) for e in find_dates(text)] == [("m", 3)]


@pytest.mark.parametrize(("published", "expected"), [
    ("2025-12-28", "2025-12-20"),  # a Sunday: the weekend before the one it ends
    ("2025-12-29", "2025-12-27"),  # a Monday: the weekend just gone
])
def test_last_weekend_on_a_sunday_is_the_weekend_before(published, expected):
    from store.extract.dates import find_dates, resolve

    (expr,) = find_dates("Talks were held in Miami last weekend.")
    assert resolve(expr, date.fromisoformat(published), "past").date == expected


def test_a_day_the_article_writes_out_dates_it_far_from_the_other_articles():
    from datetime import date

    text = ("Our running roundup of posts on Wednesday, 18 February, the second day of the "
            "talks in Geneva. Yesterday's session lasted more than six hours. The technical "
            "groups will meet again next week.")
    corpus = [date(2026, 1, 7), date(2026, 1, 21), date(2026, 1, 25), date(2025, 12, 28)]
    assert infer_published(text, corpus) == ("2026-02-18", "inferred")


def test_a_past_happenings_date_does_not_pull_the_article_back_to_it():
    from datetime import date

    text = ("Zelensky's chief of staff resigned on Nov. 28, officials recalled on Sunday. The "
            "talks continue on Monday.")
    corpus = [date(2025, 12, 14), date(2025, 12, 15), date(2025, 12, 16)]
    published, _ = infer_published(text, corpus)
    assert published >= "2025-12-04"


def test_a_past_date_written_with_its_weekday_is_this_weeks_news_wherever_it_lies():
    from datetime import date

    text = ("Abu Dhabi, UAE: Russia and Ukraine exchanged 157 prisoners of war each on "
            "Thursday, hours after the second round of talks wrapped up. The negotiations "
            "opened on Wednesday, 4 February, at a government guest house.")
    corpus = [date(2026, 1, 25), date(2026, 2, 18), date(2026, 3, 2), date(2026, 3, 18),
              date(2026, 3, 26)]
    assert infer_published(text, corpus) == ("2026-02-05", "inferred")


def test_a_past_date_beyond_the_other_articles_says_the_article_is_later():
    from datetime import date

    text = ("The talks ended in the UAE capital on Saturday without a breakthrough. The talks, "
            "which opened on January 23 at a venue the hosts did not disclose, will resume, "
            "and the next meeting could take place as early as February 1, he wrote.")
    corpus = [date(2025, 12, 15), date(2025, 12, 19), date(2025, 12, 29), date(2026, 1, 7)]
    assert infer_published(text, corpus) == ("2026-01-24", "inferred")


def test_a_date_months_away_from_the_other_articles_leaves_them_to_decide():
    from datetime import date

    text = ("He has been in every serious round: in Florida on 30 November, in Berlin on 14 "
            "December, in Miami on 20 December and in Abu Dhabi, where talks began on 23 "
            "January. He was in the delegation at the Istanbul talks on 29 March that year.")
    corpus = [date(2026, 1, 6), date(2026, 1, 9), date(2026, 1, 13)]
    published, _ = infer_published(text, corpus)
    assert "2026-01-23" <= published <= "2026-02-10"


def test_an_undated_storys_photo_caption_dates_it():
    """The caption's day is taken off with the caption, but it tells when the story ran."""
    from store.extract.dates import date_mentions, with_captions

    text = ("Talks end with a prisoner swap\n\nThe second round of talks, which opened on "
            "Wednesday in Abu Dhabi, closed on Thursday with a deal to swap 314 prisoners.")
    corpus = [date(2026, 1, 25), date(2026, 2, 18), date(2026, 3, 10), date(2026, 3, 13)]
    caption = ("Delegations at the start of talks in Abu Dhabi on Feb. 4. (Photo: UAE Ministry "
               "of Foreign Affairs)",)
    mentions = date_mentions(text)
    assert infer_published(text, corpus, with_captions(mentions, caption)) == (
        "2026-02-05", "inferred")
    assert infer_published(text, corpus, with_captions(mentions, ()))[0] != "2026-02-05"


@pytest.mark.parametrize(("text", "day"), [
    ("the Munich Security Conference, which runs from 13 to 15 February.", 13),
    ("the conference runs from February 13 to 15.", 13),
    ("Levada polled from 18 to 24 December.", 18),
])
def test_a_range_of_days_written_with_to_is_dated_by_its_first(text, day):
    found = [(e.kind, e.month, e.day) for e in find_dates(text)]
    assert found == [("md", 2 if "February" in text else 12, day)]


def test_a_range_of_numbers_before_a_month_is_no_range_of_days():
    assert [(e.month, e.day) for e in find_dates("rose from 13 to 15 percent in February")] == [
        (2, None)]
