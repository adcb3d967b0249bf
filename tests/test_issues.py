"""Issue tagging: the word-lookup matcher gives exactly what the issues' regexes give."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.codebook import default_codebook_path, load_codebook, parse_codebook
from store.extract.issues import catch_all, quote_issues, tag_issues
from store.extract.quotes import extract_quotes
from store.extract.sentences import split_sentences

CODEBOOK = load_codebook(default_codebook_path())
TERMS = sorted({t.rstrip("*") + ("ing" if t.endswith("*") else "")
                for i in CODEBOOK.issues for t in i.terms})


def by_regex(text: str) -> tuple[str, ...]:
    return tuple(i for i, p in CODEBOOK.issue_patterns.items() if p.search(text))


pieces = st.one_of(
    st.sampled_from(TERMS),
    st.sampled_from(TERMS).map(str.upper),
    st.sampled_from([" ", ", ", "-", ".", "’s ", " the ", "\n", "non", "x", "'"]),
    st.text(max_size=6),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(pieces, max_size=12).map("".join))
def test_matcher_agrees_with_the_regexes(text):
    assert tag_issues(text, CODEBOOK) == by_regex(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kyiv rejected any territorial concessions in Donetsk.", ("territory",)),
        ("a NATO-like Article 5 guarantee", ("security_guarantees",)),
        ("Loans against $220 billion in Russian assets", ("frozen_assets",)),
        ("The weather was cold.", ()),
        ("deterrence", ("security_guarantees",)),
        ("determined", ()),
    ],
)
def test_examples(text, expected):
    assert tag_issues(text, CODEBOOK) == expected


def test_another_codebook_needs_no_code():
    cb = parse_codebook(
        {
            "parties": [{"id": "a", "name": "A"}],
            "issues": [
                {"id": "water", "title": "Water rights", "terms": ["aquifer*", "river Jordan"]},
                {"id": "talks", "title": "The talks", "terms": ["talks"]},
            ],
        }
    )
    assert tag_issues("New aquifers along the River  Jordan; talks resume.", cb) == (
        "water",
        "talks",
    )
    assert catch_all(cb) == "talks"


def _quote_issues_of(text: str) -> list[tuple[str, ...]]:
    spans = split_sentences(text)
    return quote_issues(extract_quotes(text, spans, CODEBOOK), text, spans, CODEBOOK)


def test_a_quotation_naming_no_issue_takes_its_paragraphs_topic():
    text = (
        "The Kremlin ruled out a Christmas truce on Monday. "
        '"That would only let Kyiv regroup for the spring," Dmitry Peskov said.'
    )
    assert _quote_issues_of(text) == [("ceasefire",)]


def test_the_topic_does_not_cross_a_paragraph_break():
    text = (
        "The Kremlin ruled out a Christmas truce on Monday.\n\n"
        '"That would only let Kyiv regroup for the spring," Dmitry Peskov said.'
    )
    assert _quote_issues_of(text) == [(catch_all(CODEBOOK),)]


def test_the_topic_is_the_nearest_one_the_paragraph_set():
    text = (
        "Belgium, where the money sits at Euroclear, remains the main obstacle. Its prime "
        "minister, Bart De Wever, has warned of legal risks. "
        '"Belgium could be left holding the bill," he told parliament.'
    )
    assert _quote_issues_of(text) == [("frozen_assets",)]
