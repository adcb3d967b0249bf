"""The per-article fast paths of round 7 answer as the plain per-passage code does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.parties import mask_quotes, outside_quotes, outsides_of
from store.extract.sentences import split_sentences

_MARK = re.compile(r"[“”\"]")


def _mask_by_chars(text: str) -> str:
    """mask_quotes as first written: a list of characters blanked in place."""
    from store.extract.parties import _opens

    if not _MARK.search(text):
        return text
    chars = list(text)
    opened = None
    for hit in _MARK.finditer(text):
        i, ch = hit.start(), hit.group(0)
        if ch == "“" or (ch == '"' and opened is None and _opens(text, i)):
            if opened is None:
                opened = i
        elif ch in "”\"":
            start = 0 if opened is None else opened
            chars[start : i + 1] = " " * (i + 1 - start)
            opened = None
    if opened is not None:
        chars[opened:] = " " * (len(text) - opened)
    return "".join(chars)


_PIECES = st.sampled_from(
    ["Kyiv", "said", " ", "  ", "\n", ". ", "“", "”", '"', "’", "'", "—", "(", "the U.S.",
     "Putin", "x", "A", "?", "! ", ",", "-"]
)
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_mask_quotes_as_by_characters(text):
    assert mask_quotes(text) == _mask_by_chars(text)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_outsides_of_as_per_sentence(text):
    spans = split_sentences(text)
    assert outsides_of(text, spans) == [outside_quotes(text[s:e]) for s, e in spans]


# --- Issues of a quotation's clause from the article's index -------------------------------
from store.extract.issues import ArticleIssues, matcher, tag_issues  # noqa: E402
from tests.extractlib import codebook, issue_term_pieces  # noqa: E402

CODEBOOK = codebook()
_ISSUE_PIECES = issue_term_pieces(
    "s", [" ", ", ", "-", ".", "’s ", "“", "”", '"', "\n", "$", "x", "'", "İ"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ISSUE_PIECES, max_size=14).map("".join), st.lists(st.integers(0, 200),
                                                                    min_size=4, max_size=4))
def test_joined_slices_as_tagging_the_joined_text(text, cuts):
    a0, a1, b0, b1 = sorted(min(c, len(text)) for c in cuts)
    index = ArticleIssues(text, matcher(CODEBOOK))
    joined = text[a0:a1] + " " + text[b0:b1]
    assert index.joined((a0, a1), (b0, b1)) == tag_issues(joined, CODEBOOK)
