"""The look ahead an opening word carries in the opener scan (dates._OPENER_NEEDS) holds
wherever an alternative it opens matches: the scan passes over no word that opens a date."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import store.extract.dates as D

_TAILS = st.lists(
    st.sampled_from([" ", "  ", "-", "\n", "\u00a0", "the", "The", "15", "1", "3rd", "15th",
                     "16/12", "22.12.", "end", "of", "early", "mid", "late", "January", "Dec.",
                     "May", "day", "morning", "night", "evening", "Monday", "year", "week", ".",
                     ",", "x", "é", "weekend", "same", "next", "following", "previous", "few",
                     "FEW", "hours", "Hours", "ago", "later", "earlier", "before", "Christmas",
                     "and", "st", "th", "–", "/", "2025", "12", "points", "days", "s", "'s time",
                     "Jan", "Sept", "two", "a", "١٢"]),
    max_size=8,
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(sorted(D._OPENER_NEEDS)), st.sampled_from([str.lower, str.capitalize]),
       _TAILS)
def test_an_opener_needs_what_its_alternatives_need(word, case, tail):
    text = case(word) + tail
    need = re.compile(D._OPENER_NEEDS[word])
    if D._regex(D._by_opener()[word]).match(text):
        assert need.match(text, len(word))


def test_the_needs_are_of_opening_words():
    assert set(D._OPENER_NEEDS) <= set(D._by_opener())
    for phrase in ("on 16/12", "On the 15th", "of early January", "Of May",
                   "at the end of the year", "At end of this month", "that day", "That night"):
        assert D._regex(D._by_opener()[phrase.split()[0].casefold()]).match(phrase), phrase
        assert D._matches(f"x {phrase} x", 0, len(phrase) + 4), phrase


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(["1", "3", "12", "31", "2025", "1999", "05", "123", "١"]), _TAILS)
def test_a_digit_needs_what_its_alternatives_need(digits, tail):
    text = digits + tail
    need = re.compile(D._DIGIT_NEEDS)
    if D._regex(D._by_opener()["0"]).match(text):
        assert need.match(text, 1)


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(sorted(D._NUMBERS)), st.sampled_from([str.lower, str.upper, str.title]),
       _TAILS)
def test_a_number_word_in_any_case_needs_what_its_alternatives_need(word, case, tail):
    text = case(word) + tail
    if D._regex(D._by_opener()[word]).match(text):
        assert re.compile(D._NUMBER_NEEDS).match(text, len(word))
        assert D._opening()[1].match(text)


def test_the_new_needs_let_their_dates_through():
    for phrase in ("the weekend", "The 30th.", "the end of the year", "the same day",
                   "the day before Christmas", "in early January", "in two weeks",
                   "In the next 3 days", "a few hours earlier", "several hours later",
                   "3 days ago", "14th December", "12.12.2025", "2025", "14-15 December",
                   "A week after the talks", "ONE day ago"):
        assert D._matches(f"x {phrase} x", 0, len(phrase) + 4), phrase
