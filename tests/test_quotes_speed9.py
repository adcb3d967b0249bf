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
