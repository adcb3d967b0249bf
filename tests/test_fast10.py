"""Round 6's fast paths answer as the plain readings do.

The issue prefilter looks a term's key up only where the term's later words follow it (up to
its wildcard or first non-ASCII letter): texts here split terms across odd spaces, cut them
short, end their stems otherwise and put letters that case-fold to ASCII in their later
words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.issues import ArticleIssues, matcher, tag_issues
from tests.extractlib import codebook, plain_issue_tags

_TERMS = sorted({t for i in codebook().issues for t in i.terms})
_SPACES = [" ", "  ", "\t", "\n", "\u00a0", "\u2009", "-", ""]
_ODD = str.maketrans({"i": "\u0131", "s": "\u017f", "k": "\u212a", "I": "\u0130"})


def _variants(term: str) -> st.SearchStrategy[str]:
    """`term` as a text may hold it: its stem ended anyhow, its spaces any run of spaces (or
    none), cut short, in any case, with an odd letter in a later word."""
    words = term.rstrip("*").split(" ")
    ending = st.sampled_from(["", "s", "ing", "able", "-led", "’s"]) if term.endswith("*") \
        else st.just("")
    joined = st.tuples(st.lists(st.sampled_from(_SPACES), min_size=len(words) - 1,
                                max_size=len(words) - 1), ending).map(
        lambda pair: "".join(w + s for w, s in zip(words, [*pair[0], ""], strict=True))
        + pair[1])
    return st.tuples(joined, st.integers(0, 3), st.integers(1, 40)).map(_shaped)


def _shaped(args: tuple[str, int, int]) -> str:
    text, how, cut = args
    if how == 1:
        return text.upper()
    if how == 2:
        head, _, rest = text.partition(" ")
        return head + " " + rest.translate(_ODD) if rest else text.translate(_ODD)
    if how == 3:
        return text[:cut]
    return text


_PIECES = st.one_of(st.sampled_from(_TERMS).flatmap(_variants),
                    st.sampled_from([" ", ", ", "the ", "The ", "“", "”", ".", "x"]))


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_the_long_prefilter_looks_up_every_word_it_must(text):
    expected = plain_issue_tags(text)
    assert tag_issues(text, codebook()) == expected
    assert ArticleIssues(text, matcher(codebook())).issues(0, len(text)) == expected


def test_a_key_is_looked_up_only_where_its_term_goes_on():
    m = matcher(codebook())
    text = "The talks on the plant went on; the negotiable items, the assets"
    found = [w.group() for w in m._words(text, 0, len(text))]
    assert "negotiable" not in found
    assert found.count("the") == 2  # "the plant", "the assets"


# --- one loop for an article's clauses ---------------------------------------------------------
_PHRASES = st.sampled_from([
    "Ukraine", "Kyiv", "Moscow", "the Kremlin", "U.S.", "officials", "said", "rejected",
    "demanded", "territory", "security guarantees", "while", "but", ";", ":", ",", "if",
    "Zelensky", "“", "”", '"', "’s", "would accept", "a ceasefire", "not", "agree", "progress",
    "talks", "of", "between", "and", "the", "-", "said it", "met", "on Monday", "seven",
    "contribute", "another", "as long as", ", as", "Moscow’s demands", "agreed to continue",
])
_SENTENCES = st.lists(st.lists(_PHRASES, min_size=1, max_size=14).map(" ".join),
                      min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(_SENTENCES, st.sampled_from([". ", ".\n", ", ", ";  "]))
def test_the_article_loop_reads_each_sentence_as_sentence_clauses_does(sentences, joint):
    from store.extract.parties import outside_parties, outsides_of
    from store.extract.positions import (
        ArticleCues,
        StanceMemo,
        article_clauses,
        sentence_clauses,
    )

    cb = codebook()
    text = joint.join(sentences)
    spans, at = [], 0
    for body in sentences:
        spans.append((at, at + len(body)))
        at += len(body) + len(joint)
    bodies = [text[s:e] for s, e in spans]
    index = ArticleIssues(text, matcher(cb))
    issues = index.of_spans(spans)
    outsides = outsides_of(text, spans)
    parties = outside_parties(outsides, cb)
    cues = ArticleCues(text)
    fast_memo, slow_memo = StanceMemo(), StanceMemo()
    fast = article_clauses(text, spans, bodies, parties, issues, outsides, cb, fast_memo, cues,
                           index)
    slow = [sentence_clauses(body, party, found, cb, own_party=party, memo=slow_memo,
                             outside=outside, cues=cues, at=start, index=index)
            if found else ()
            for body, party, found, outside, (start, _end) in zip(
                bodies, parties, issues, outsides, spans, strict=True)]
    assert fast == slow
    assert fast_memo == slow_memo
    assert fast == [sentence_clauses(body, party, found, cb) if found else ()
                    for body, party, found in zip(bodies, parties, issues, strict=True)]
