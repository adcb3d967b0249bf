"""Round-five shortcuts of quote attribution answer exactly as the plain forms did."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

# Word characters, the connectors a word may hold, and what ends one.
_PIECES = st.sampled_from(
    ["U", "S", "a", "Zelensky", "Élise", "ß", "_", "9", "1,340", "’", "'", ".", "-", "--",
     " ", "\n", ",", "“", "”", '"', "—", "×", "’s", "..."]
)
_TEXT = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_the_possessive_word_pattern_finds_the_words_the_plain_one_did(text):
    """speakers.words._TOKEN takes its word characters possessively: a connector is never a word
    character, so a match never had anything to give back."""
    from store.extract.speakers.words import _AROUND_WORDS, _TOKEN

    plain = re.compile(r"\w+(?:[’'.\-]\w+)*")
    assert [m.span() for m in _TOKEN.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert _AROUND_WORDS.split(text) == re.compile(f"({plain.pattern})").split(text)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_a_kept_key_is_the_key_worked_out_again(text):
    """norm_key is kept per text: the kept answer is what working it out again gives."""
    from store.extract.speakers import norm_key

    assert norm_key(text) == norm_key.__wrapped__(text)



# An introduction's parts, each also in forms that miss it: what leads, the name, what follows.
_LEADS = ["", "named", "called", "Her husband", "his sons", "A woman from Kyiv", "One friend",
          "a woman", "said", "Their neighbour"]
_INTRO_NAMES = ["Taras", "Olena Petrenko", "Élise", "taras", "Olena Petrenko Ivanivna"]
_TAILS = ["", ",", ", who", " who", ", 74", ",74", ", aged", ", whom", ", said", ".", ",\n"]
_INTRO = st.tuples(st.sampled_from(["", ". ", "\n", "x. ", "Kyiv, "]), st.sampled_from(_LEADS),
                   st.sampled_from(["", " ", ", ", ",", "  ", "\n"]), st.sampled_from(_INTRO_NAMES),
                   st.sampled_from(_TAILS)).map("".join)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_INTRO, min_size=1, max_size=3).map("".join), st.integers(0, 200))
def test_an_introduction_pattern_left_out_has_nothing_to_match(text, last):
    from store.extract import quotes

    last = min(last, len(text))
    kept = quotes._introductions(text, last)
    for pattern in (quotes._GIVEN_NAME_INTRODUCED, quotes._FULL_NAME_INTRODUCED,
                    quotes._NAMED_GIVEN):
        if pattern not in kept:
            assert pattern.search(text, 0, last) is None


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["call", "sign", "callsign", "-", " ", ",", "“", "his", "x",
                                 "_", "Bison", "Hrim", "’s", "\n"]), max_size=12).map("".join))
def test_the_call_sign_pattern_finds_what_its_word_break_form_finds(text):
    from store.extract.speakers.subjects import CALL_SIGN

    plain = re.compile(r"\bcall[- ]?sign\s*,?\s*[\"“'‘]?([A-ZÀ-ÞĀ-ɏ][\w’'-]+)")
    assert ([(m.span(), m[1]) for m in CALL_SIGN.finditer(text)]
            == [(m.span(), m[1]) for m in plain.finditer(text)])
