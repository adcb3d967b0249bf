"""The quick scans of events answer as the plain regexes they replace did."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import store.extract.events as E

_PIECES = st.sampled_from(["\n", "\n\n", "1", "12", "22:41", "9.05", "123", ":", ".", " ", "x",
                           "am", " GMT", "١٢:٣٠", "\r", "abcdefghi"])
_TEXT = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_TEXT)
def test_a_live_page_as_the_line_regex_counts_it(text):
    assert E._is_live(text) == (len(E._CLOCK_LINE.findall(text)) >= 2)
