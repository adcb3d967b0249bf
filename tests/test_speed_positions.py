"""The fast paths of positions, issues and the article driver answer as the plain ones do."""

from __future__ import annotations

import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from store.extract.issues import ArticleIssues, matcher
from store.extract.positions import _ODD, ArticleCues, article_scans
from tests.extractlib import codebook
from tests.test_extract_words import _CUE_TEXT
from tests.test_fast10 import _PIECES

# Texts holding issue terms and cue words, cut anyhow, with the characters at the edges of
# the one-scan shortcut: a word at the very start, hyphens, quotation marks, non-ASCII
# letters and word characters, and the letters a case-insensitive match takes for ASCII.
_EDGES = st.sampled_from(["", " ", "-", "“", "’", "é", "\u00a0", "\u0130", "\u212a", "_", "9",
                          "$", "€", "\n"])
_ARTICLE = st.lists(st.one_of(_PIECES, _CUE_TEXT, _EDGES), max_size=8).map("".join)


def _cues_state(cues: ArticleCues) -> tuple:
    return (cues.stance, cues.status, cues.starts, cues.reach, cues.needed.starts,
            cues.needed.spots)


@settings(max_examples=600, deadline=None)
@given(_ARTICLE)
@example("agreed to a ceasefire")
@example("éceasefire érejected")
@example("_ceasefire 9rejected -agreed")
@example("Ceasefire talks")
@example("-led rejection of the ceasefire")
@example("€210 billion in frozen assets, Kyiv rejected")
def test_one_scan_finds_what_each_scan_finds(text):
    cb = codebook()
    issues, cues = article_scans(text, cb)
    plain_issues, plain_cues = ArticleIssues(text, matcher(cb)), ArticleCues(text)
    assert issues.hits == plain_issues.hits
    assert issues.other == plain_issues.other
    assert _cues_state(cues) == _cues_state(plain_cues)


def test_no_character_lowers_to_a_letter_a_case_insensitive_match_takes_for_ascii():
    # article_scans checks the text for _ODD and the issue matcher its lower case.
    odd = set(_ODD.pattern.strip("[]"))
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char not in odd:
            assert not odd.intersection(char.lower()), hex(code)
