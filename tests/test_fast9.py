"""Round 5's shortcuts answer as the steps they skip: an article's sentences tagged in one walk
along its issue hits, and sentences whose needed words only look like a clause break,
negation or condition read as one plain clause."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.issues import ArticleIssues, matcher
from tests.extractlib import assert_clauses_as_alone, codebook, issue_term_pieces

CODEBOOK = codebook()
_PIECES = st.one_of(
    issue_term_pieces("ing", [" ", ", ", "-", ".", "’s ", " the ", "\n", "“", "”", "'",
                              "\u017f", "é", "$", "x"]),
    st.text(max_size=4),
)
_ARTICLE = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_ARTICLE, st.lists(st.integers(0, 40), max_size=10),
       st.lists(st.tuples(st.integers(0, 80), st.integers(0, 60)), max_size=4))
def test_spans_tagged_in_one_walk_are_tagged_as_each_alone(text, lengths, more):
    spans, at = [], 0
    for length in lengths:  # an article's sentences: in order, gaps between them
        end = min(at + length, len(text))
        spans.append((at, end))
        at = min(end + 1, len(text))
    spans += [(min(s + 1, e), e) for s, e in reversed(spans)]  # out of order
    spans += [(min(s, len(text)), min(s + n, len(text))) for s, n in more]
    walked = ArticleIssues(text, matcher(CODEBOOK)).of_spans(spans)
    alone = ArticleIssues(text, matcher(CODEBOOK))
    assert walked == [alone.issues(s, e) for s, e in spans]


_PHRASES = st.sampled_from([
    "Ukraine", "Moscow", "officials", "said", "territory", "another", "along", "longer",
    "no longer", "not", "never", "won't", "cannot", "nothing", "notably", "if", "specific",
    "unless", "until", "provided", "as long as", "for as long as", "exchange", "in exchange for",
    "though", "although", ", as", ", as Russia", "even", "even as", "eventually", "but",
    "rebuttal", ";", ":", "while", "meanwhile", "accept", "agree", "support", "join", "the",
    "Kyiv", "“", "”", ",", "would", "progress", "will not join", "did not send troops",
    "never cede", "no longer consider", "another round", "if Kyiv withdraws", "go back",
])
_SENTENCE = st.lists(_PHRASES, min_size=1, max_size=12).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=4), st.sampled_from([None, "ukraine"]))
def test_sentences_with_lookalike_needed_words_read_as_without_the_article(sentences, party):
    assert_clauses_as_alone(sentences, party, ("territory", "security_guarantees"))
