"""The sentence splitter: offsets that never lose a character, and sensible breaks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.extract.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_breaks_after_full_stops_and_quotes():
    text = '"This is far-reaching," the chancellor said. "In my opinion it is a step."'
    assert texts(text) == [
        '"This is far-reaching," the chancellor said.',
        '"In my opinion it is a step."',
    ]


def test_guillemets_and_low_high_marks_open_and_close_sentences_too():
    text = ("Orbán made his position clear on Thursday. «We will not pay,» he said. «Never.» "
            "Then „We go,“ she said. ‚Fine.‘ Next.")
    assert texts(text) == [
        "Orbán made his position clear on Thursday.", "«We will not pay,» he said.", "«Never.»",
        "Then „We go,“ she said.", "‚Fine.‘", "Next.",
    ]


def test_abbreviations_and_initials_do_not_break():
    text = "U.S. officials met Mr. Umerov on Dec. 14 in Berlin. They talked."
    assert texts(text) == ["U.S. officials met Mr. Umerov on Dec. 14 in Berlin.", "They talked."]


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_a_possessive_s_before_the_stop_is_no_initial(apostrophe):
    text = f"Moldova's grid is synchronised with Ukraine{apostrophe}s. Moldovan officials said so."
    assert texts(text) == [f"Moldova's grid is synchronised with Ukraine{apostrophe}s.",
                           "Moldovan officials said so."]


def test_paragraphs_always_end_a_sentence():
    assert texts("First line without stop\nSecond line.") == [
        "First line without stop",
        "Second line.",
    ]


@given(st.text(max_size=400))
def test_spans_are_ordered_trimmed_and_inside_the_text(text):
    spans = split_sentences(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        last = e


def test_an_honourable_member_is_no_sentence_end():
    text = "On Monday, my right hon. Friend the Prime Minister joined leaders. It went well."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "On Monday, my right hon. Friend the Prime Minister joined leaders.", "It went well."]
