"""The tense markers of a clause from one lower-cased slice (dates._marker_spans) are the
ones the two scans of the original text find (_future_spans, _past_spans)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import store.extract.dates as D

_WORDS = st.sampled_from([
    *D._FUTURE_ALONE, *D._FUTURE_AFTER_PLURAL, *D._FUTURE_BEFORE_TO, *sorted(D._PAST_IRREGULAR),
    *sorted(D._NOT_PAST), "due", "to", "the", "they", "we", "leaders", "'ll", "’ll", "met",
    "talked", "Ahmed", "TALKED", "Said", "haled", "ed", "Ed", "but", "while", "which", "who",
    "\u212a", "K", "İ", "ı", "ſ", "Σ", "é", "ß", "1", "_", "word",
])
_GLUE = st.sampled_from([" ", "  ", ", ", "-", "'", "’", "—", "“", "\n", ". ", "", "(", "s "])
_TEXT = st.lists(st.tuples(_WORDS, _GLUE), max_size=25).map(
    lambda parts: "".join(w + g for w, g in parts))


@settings(max_examples=1500, deadline=None)
@given(_TEXT, st.integers(0, 200), st.integers(0, 200))
def test_one_slice_finds_the_markers_both_scans_find(text, a, b):
    c0, c1 = sorted((min(a, len(text)), min(b, len(text))))
    assert D._marker_spans(text, c0, c1) == (
        D._future_spans(text, c0, c1), D._past_spans(text, c0, c1))


def test_a_word_running_on_from_before_the_clause_and_the_kelvin_sign():
    for text, c0 in (("but-ended here", 3), ("he wor\u212aed on", 0), ("they met", 0)):
        assert D._marker_spans(text, c0, len(text)) == (
            D._future_spans(text, c0, len(text)), D._past_spans(text, c0, len(text)))
