"""The splitter's quick abbreviation test answers as the two regexes alone did."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import store.extract.sentences as S


def _plain_is_abbreviation(text: str, end: int) -> bool:
    head = text[max(0, end - 12) : end]
    if S._INITIALS.search(head) and not (end >= 3 and text[end - 3 : end] in ("’s.", "'s.")):
        return True
    word = S._LAST_WORD.search(head)
    return bool(word and word.group(1).casefold() in S._ABBREVIATIONS)


_PIECES = st.sampled_from(["U.S.", "J.", "D.", "Mr.", "mr.", "approx.", "Sept.", "x", "A", "é",
                           "ß", "1", "_", " ", ".", "(", "’", "'", "s.", "said.", "Jan.", "etc.",
                           "\n"])


@settings(max_examples=800, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=14).map("".join))
def test_abbreviation_as_the_regexes_alone_tell(text):
    for end in range(1, len(text) + 1):
        if text[end - 1] == ".":
            assert S._is_abbreviation(text, end) == _plain_is_abbreviation(text, end), (text, end)


def _plain_split(text: str) -> list[tuple[int, int]]:
    """split_sentences as it was: each line on its own, its candidate ends (_END) kept where a
    sentence starts after them (_NEXT_START) on the same line."""
    import re

    out: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start, end = line.span()
        s = start
        for m in S._END.finditer(text, start, end):
            stop = m.end()
            if not S._NEXT_START.match(text, stop, end):
                continue
            closed = text[m.start() : m.end()]
            mark = closed.rstrip("\"'”’»“‘)]")
            attributed = S._NAMED_ATTRIBUTION.match(text, stop, end)
            if mark in ("?", "!") and closed != mark and attributed:
                continue
            if mark == "." and S._is_abbreviation(text, m.start() + 1):
                continue
            S._emit(text, s, stop, out)
            s = stop
        S._emit(text, s, end, out)
    return out


_SPLIT_PIECES = st.sampled_from([
    "U.S.", "Mr.", "Jan.", "said.", ".", "!", "?", "…", "?!", "..", '"', "'", "”", "’", ")", "]",
    "(", "[", "“", "‘", "«", "»", "„", "‚", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2028",
    "\x0b", "\r", "A",
    "Ukraine", "É", "é", "1", "x", "said", "Fedorov said", " Fedorov Smith asked", "the talks",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_SPLIT_PIECES, max_size=30).map("".join))
def test_one_scan_splits_as_each_line_alone_did(text):
    assert S.split_sentences(text) == _plain_split(text)
