"""Clauses read with what the article knows (its cues, needed words and issue terms) are the
clauses read from the sentence alone, also on the fast path for a sentence with no cue."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.positions import ArticleCues, classify_stance
from tests.extractlib import assert_clauses_as_alone

_PHRASES = st.sampled_from([
    "Ukraine", "Kyiv", "Moscow", "the Kremlin", "U.S.", "officials", "said", "rejected",
    "demanded", "territory", "security guarantees", "while", "but", ";", ",", "if", "Zelensky",
    "“", "”", '"', "’s", "would accept", "a ceasefire", "not", "agree", "progress", "talks",
    "of", "between", "and", "the", "-", "said it", "met", "on Monday", "in Berlin", "note",
])
_SENTENCE = st.lists(_PHRASES, min_size=1, max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=5), st.sampled_from([None, "ukraine", "russia"]))
def test_clauses_from_the_article_are_the_sentences_own(sentences, party):
    assert_clauses_as_alone(sentences, party, ("territory", "security_guarantees", "process"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=4).map(". ".join),
       st.lists(st.tuples(st.integers(0, 200), st.integers(0, 120)), max_size=6))
def test_a_slices_stance_from_the_article_is_its_own(text, cuts):
    cues = ArticleCues(text)
    for start, length in [(0, len(text)), *cuts]:
        start = min(start, len(text))
        end = min(start + length, len(text))
        assert cues.stance_of(start, end) == classify_stance(text[start:end]), (start, end)
