"""What the fast-path tests of extraction share: the bundled codebook, texts built from its
issue terms and odd punctuation, and the check that clauses read with the article's
knowledge are the clauses read from the sentence alone; and for the speaker rule tests, the
quotations of a text and who they are attributed to."""

from __future__ import annotations

from functools import cache

from hypothesis import strategies as st

from store.codebook import default_codebook_path, load_codebook
from store.extract.issues import ArticleIssues, matcher
from store.extract.parties import home_party, outside_parties, outsides_of, sentence_party
from store.extract.positions import ArticleCues, StanceMemo, classify_stance, sentence_clauses
from store.extract.quotes import extract_quotes
from store.extract.sentences import split_sentences


@cache
def codebook():
    return load_codebook(default_codebook_path())


def plain_issue_tags(text: str) -> tuple[str, ...]:
    """The issue matcher's answer looking up every word of `text` (no prefilter, no index),
    a term inside a longer one of another issue left out (the longest match wins)."""
    from store.extract.issues import _TOKEN

    m = matcher(codebook())
    hits = [(hit.start(), hit.end(), iid) for w in _TOKEN.finditer(text)
            for iid, p in m._candidates(w.group()) if (hit := p.match(text, w.start()))]
    found = {iid for s, e, iid in hits
             if not any(o != iid and os <= s and e <= oe and oe - os > e - s
                        for os, oe, o in hits)}
    found |= {iid for iid, p, _ in m.other if p.search(text)}
    return tuple(sorted(found, key=m.order.__getitem__))


def issue_term_pieces(stem_ending: str, odd: list[str]) -> st.SearchStrategy[str]:
    """Pieces of a text: the codebook's issue terms (a `*` stem with `stem_ending`), in any
    case, and the odd characters `odd`."""
    terms = sorted({t.rstrip("*") + (stem_ending if t.endswith("*") else "")
                    for i in codebook().issues for t in i.terms})
    return st.one_of(st.sampled_from(terms), st.sampled_from(terms).map(str.upper),
                     st.sampled_from(odd))


def assert_clauses_as_alone(sentences: list[str], party: str | None,
                            issues: tuple[str, ...]) -> None:
    """Each sentence's clauses read with the article's cues and issue index (and its stance
    memo) equal the clauses of the sentence read alone."""
    cb = codebook()
    text = ". ".join(sentences)
    cues, index = ArticleCues(text), ArticleIssues(text, matcher(cb))
    at = 0
    for body in sentences:
        memo = StanceMemo()
        own = sentence_party(body, cb)
        fast = sentence_clauses(body, party, issues, cb, own_party=own, memo=memo, cues=cues,
                                at=at, index=index)
        assert fast == sentence_clauses(body, party, issues, cb, own_party=own)
        assert fast == sentence_clauses(body, party, issues, cb)
        for clause, stance in memo.items():
            assert stance == classify_stance(clause)
        at += len(body) + 2


def quotes_of(text: str, codebook, home: str | None = ""):
    """The quotations of a text, as the article pipeline finds them (with the party the
    text is about, or `home` when a test names it)."""
    spans = split_sentences(text)
    if home == "":
        home = home_party(text, outside_parties(outsides_of(text, spans), codebook), codebook)
    return extract_quotes(text, spans, codebook, home)


def attributed(text: str, codebook, home: str | None = "") -> list[tuple[str | None, str | None]]:
    """Each quotation's speaker and party (`home`: the party the story is about, if given)."""
    return [(q.speaker, q.party) for q in quotes_of(text, codebook, home)]
