"""The shortcuts of quote attribution give exactly the answers of the plain searches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.quotes import _MAY_START_NAME
from store.extract.speakers import (
    _full_name_up_to,
    first_full_name,
    name_before,
    subject_name,
)

# Codebook-like names, particles, words that look like them and odd punctuation.
_PIECES = st.sampled_from(
    ["Anna", "Novak", "van", "de", "made", "Petra", "said", "told", "the", "official", ",",
     ".", " ", "  ", "\n", "-", "’s", "'s", "“", "”", "(", ")", "Mr.", "Sen.", "U.S.",
     "Novakova", "xNovak", "NOVAK", "also", "has", "on", "Tuesday", "58", "of", "Kyiv",
     "Élise", "Ørsted", "al", "bin"]
)
_TEXT = st.lists(_PIECES, max_size=24).map(" ".join)


@settings(max_examples=600, deadline=None)
@given(_TEXT, st.sampled_from(["Novak", "Petra", "Anna", "Mr.", "Élise", "NOVAK"]),
       st.randoms(use_true_random=False))
def test_full_name_up_to_decides_as_the_whole_search(text, surname, rnd):
    """Asked at the surname's standalone words after a space, in any order, with one shared
    memo: a naming that starts before one is found exactly when the whole search finds it."""
    whole = first_full_name(text, surname)
    limits = [
        at for at in range(1, len(text))
        if text.startswith(surname, at) and text[at - 1].isspace()
        and not re.match(r"[\w’'.-]", text[at + len(surname) :])
    ]
    rnd.shuffle(limits)
    searches: dict = {}
    for limit in limits:
        part = _full_name_up_to(text, surname, limit, searches)
        before = whole is not None and whole.start() < limit
        if before or (part is not None and part.start() < limit):
            # a naming before a place where the surname stands alone: one only
            assert part is not None and whole is not None
            assert (part.span(), part.group()) == (whole.span(), whole.group())


@settings(max_examples=400, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=6))
def test_subject_name_with_a_shared_memo_same_as_without(sentences):
    text = ". ".join(sentences)
    starts, at = [], 0
    for s in sentences:
        starts.append((at, at + len(s)))
        at += len(s) + 2
    memo: dict = {}
    for lo, hi in starts:
        assert subject_name(text, lo, hi, memo) == subject_name(text, lo, hi)


@settings(max_examples=600, deadline=None)
@given(_TEXT, st.integers(0, 120), st.integers(0, 120))
def test_no_name_starts_where_the_prefilter_sees_none(text, a, b):
    """subject_before skips name_before when nothing between a mention and the verb can start
    a name: then name_before finds nothing that starts there."""
    end = len(text)
    lo, mention_end = sorted((min(a, end), min(b, end)))
    if _MAY_START_NAME.search(text, mention_end, end):
        return
    found = name_before(text, lo, end)
    assert found is None or found[1] < mention_end
