"""The splitter's quick abbreviation test answers as the two regexes alone did."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import store.extract.sentences as S


def _plain_is_abbreviation(text: str, end: int) -> bool:
    head = text[max(0, end - 12) : end]
    if S._INITIALS.search(head):
        return True
    word = S._LAST_WORD.search(head)
    return bool(word and word.group(1).casefold() in S._ABBREVIATIONS)


_PIECES = st.sampled_from(["U.S.", "J.", "D.", "Mr.", "mr.", "approx.", "Sept.", "x", "A", "é",
                           "ß", "1", "_", " ", ".", "(", "’", "said.", "Jan.", "etc.", "\n"])


@settings(max_examples=800, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=14).map("".join))
def test_abbreviation_as_the_regexes_alone_tell(text):
    for end in range(1, len(text) + 1):
        if text[end - 1] == ".":
            assert S._is_abbreviation(text, end) == _plain_is_abbreviation(text, end), (text, end)
