"""Issue tagging: the word-lookup matcher gives exactly what the issues' regexes give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.codebook import default_codebook_path, load_codebook, parse_codebook, term_pattern
from store.extract.issues import catch_all, quote_issues, tag_issues
from store.extract.quotes import extract_quotes
from store.extract.sentences import split_sentences
from tests.extractlib import plain_issue_tags

CODEBOOK = load_codebook(default_codebook_path())
TERMS = sorted({t.rstrip("*") + ("ing" if t.endswith("*") else "")
                for i in CODEBOOK.issues for t in i.terms})


def by_regex(text: str, codebook=CODEBOOK) -> tuple[str, ...]:
    """The issues one of whose terms' regexes matches `text` somewhere that no longer term of
    another issue holds (the longest match wins: "nuclear safety" is the plant's, not a
    security guarantee's "safety"); terms searched as they are ("$220 billion") hold none."""
    found = set()
    spans = []  # (start, end, issue) of every match of a term starting with a word
    for issue in codebook.issues:
        for term in issue.terms:
            pattern = term_pattern([term])
            if not re.match(r"[\w-]", term):
                if pattern.search(text):
                    found.add(issue.id)
                continue
            for m in re.finditer("(?=(" + pattern.pattern + "))", text, re.IGNORECASE):
                spans.append((m.start(1), m.end(1), issue.id))
    for s, e, issue in spans:
        if not any(o != issue and os <= s and e <= oe and oe - os > e - s
                   for os, oe, o in spans):
            found.add(issue)
    return tuple(i.id for i in codebook.issues if i.id in found)


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


def test_a_term_inside_a_longer_term_of_another_issue_is_that_terms_word():
    """"safety" names a security guarantee, but "nuclear safety" is the plant's alone."""
    from store.extract.issues import ArticleIssues, matcher

    assert tag_issues("This is about physical safety.", CODEBOOK) == ("security_guarantees",)
    assert tag_issues("Nuclear  safety must come first.", CODEBOOK) == ("zaporizhzhia_npp",)
    text = "Talks on nuclear safety; safety of the troops."
    assert tag_issues(text, CODEBOOK) == ("security_guarantees", "zaporizhzhia_npp", "process")
    index = ArticleIssues(text, matcher(CODEBOOK))
    held = text.index("safety")
    assert index.issues(0, text.index(";")) == ("zaporizhzhia_npp", "process")
    assert index.issues(held, text.index(";")) == ("security_guarantees",)  # its holder cut off
    assert index.issues(0, len(text)) == tag_issues(text, CODEBOOK)


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


def test_a_statement_goes_on_with_the_issue_it_named_not_with_the_catch_all():
    text = (
        '"Nobody will cede the Donbas," Trump says.\n\n'
        '"We will see," he added.\n\n'  # goes on: the Donbas
        'Asked how long the talks could drag on, Trump says: "A few weeks, maybe."\n\n'
        "Trump says he also discussed the nuclear power plant. "
        '"Putin is working on getting it opened," he claimed.'
    )
    assert _quote_issues_of(text) == [
        ("territory",), ("territory",), ("process",), ("zaporizhzhia_npp",)]


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


_LOAN_STORY = (
    "EU leaders agreed a loan to Ukraine backed by the frozen Russian assets.\n\n"
    "Euroclear holds most of the immobilised funds.\n\n"
    "Belgium wants guarantees before the reparations loan goes ahead.\n\n"
    "The Commission will present the loan's legal terms this week.\n\n"
)


def test_a_quotation_naming_no_issue_in_a_story_about_one_issue_is_about_it():
    text = _LOAN_STORY + '"The priority now is speed," a Commission spokesperson said.'
    assert _quote_issues_of(text) == [("frozen_assets",)]


def test_a_story_about_several_issues_gives_its_quotations_no_topic():
    text = (
        _LOAN_STORY + "Kyiv refused to withdraw from Donetsk.\n\n"
        "Moscow rejected any ceasefire before a territorial deal.\n\n"
        '"The priority now is speed," a Commission spokesperson said.'
    )
    assert _quote_issues_of(text) == [(catch_all(CODEBOOK),)]



_CONTEXT_CODEBOOK = parse_codebook(
    {
        "parties": [{"id": "a", "name": "A"}],
        "issues": [
            {"id": "loan", "title": "The loan", "terms": ["loan"], "context_terms": ["money"]},
            {"id": "front", "title": "The front", "terms": ["front line"],
             "context_terms": ["villages"]},
            {"id": "talks", "title": "The talks", "terms": ["talks"]},
        ],
    }
)


def _context_issues(text: str) -> list[tuple[str, ...]]:
    spans = split_sentences(text)
    quotes = extract_quotes(text, spans, _CONTEXT_CODEBOOK)
    return quote_issues(quotes, text, spans, _CONTEXT_CODEBOOK)


_QUOTES = (
    '"We will not hand anyone the money without a vote," Ana Lima said.\n\n'
    '"Nobody here will give up the villages we hold," Rui Costa said.\n\n'
)


def test_a_context_term_names_the_articles_leading_issue():
    text = ("The loan was agreed on Monday.\n\nThe loan runs for two years.\n\n"
            "The front line did not move.\n\n" + _QUOTES)
    assert _context_issues(text) == [("loan",), ("talks",)]


def test_context_terms_name_nothing_when_no_issue_leads():
    text = "The loan was agreed on Monday.\n\nThe front line did not move.\n\n" + _QUOTES
    assert _context_issues(text) == [("talks",), ("talks",)]


def test_context_terms_of_the_bundled_codebook():
    story = ("European troops would stay west of the Dnipro, under the security guarantees "
             "discussed in Berlin.\n\nThe reassurance force would need air cover.\n\n")
    quote = '"Nobody has told the soldiers how long it would be for," a British officer said.'
    assert _quote_issues_of(story + quote) == [("security_guarantees",)]

def test_a_word_two_issues_share_is_the_leading_issues():
    story = ("The loan was agreed on Monday.\n\nThe loan runs for two years.\n\n"
             "The front line did not move.\n\n")
    quote = '"Show me the guarantees, and we will talk," Ana Lima said.'
    shared = parse_codebook({
        "parties": [{"id": "a", "name": "A"}],
        "issues": [
            {"id": "guards", "title": "Guarantees", "terms": ["guarantees"]},
            {"id": "loan", "title": "The loan", "terms": ["loan"],
             "context_terms": ["guarantees"]},
            {"id": "front", "title": "The front", "terms": ["front line"]},
            {"id": "talks", "title": "The talks", "terms": ["talks"]},
        ],
    })
    spans = split_sentences(story + quote)
    quotes = extract_quotes(story + quote, spans, shared)
    assert quote_issues(quotes, story + quote, spans, shared) == [("loan",)]
    # the same words where nothing leads, or beside a word only the other issue has
    assert _context_issues(quote) == [("talks",)]
    both = story + '"Show me the guarantees and the front line," Ana Lima said.'
    spans = split_sentences(both)
    assert quote_issues(extract_quotes(both, spans, shared), both, spans, shared) == [
        ("guards", "front")
    ]


def test_guarantees_in_a_story_about_the_loan_are_the_lenders():
    quote = '"Show me the guarantees, and we will talk," the Belgian prime minister said.'
    assert _quote_issues_of(_LOAN_STORY + quote) == [("frozen_assets",)]
    assert _quote_issues_of(quote) == [("security_guarantees",)]


# --- one scan of the article answers for each of its slices ----------------------------------
# Letters whose case folding the lower case does not show: long s, Kelvin sign, dotted I.
_ODD_PIECES = st.one_of(
    st.sampled_from(["\u0130", "\u017f", "\u212a", "ß", "é", "Σ", "’", "\u00a0", "$"]),
    st.sampled_from(TERMS).map(lambda t: t.replace("s", "\u017f", 1).replace("k", "\u212a", 1)),
    st.sampled_from(TERMS).map(lambda t: t.replace("i", "\u0130", 1)),
)
_ARTICLE = st.lists(st.one_of(pieces, _ODD_PIECES), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_ARTICLE, st.lists(st.tuples(st.integers(0, 200), st.integers(0, 60)), max_size=6))
def test_the_article_index_tags_a_slice_as_tagging_it_alone(text, cuts):
    from store.extract.issues import ArticleIssues, matcher

    index = ArticleIssues(text, matcher(CODEBOOK))
    for start, length in [(0, len(text)), *cuts]:
        start = min(start, len(text))
        end = min(start + length, len(text))
        assert index.issues(start, end) == plain_issue_tags(text[start:end]), (start, end)


@settings(max_examples=300, deadline=None)
@given(_ARTICLE)
def test_the_prefiltered_matcher_looks_up_every_word_it_must(text):
    assert tag_issues(text, CODEBOOK) == plain_issue_tags(text)


def test_a_term_running_past_the_slice_is_not_in_it():
    from store.extract.issues import ArticleIssues, matcher

    text = "Talks on troops in Ukraine"
    index = ArticleIssues(text, matcher(CODEBOOK))
    assert index.issues(0, len(text)) == ("security_guarantees", "process")
    assert index.issues(0, text.index(" Ukraine")) == ("process",)
    assert index.issues(text.index("troops"), len(text)) == ("security_guarantees",)
    assert index.issues(1, len(text)) == ("security_guarantees",)  # "alks" is no word of it


def test_non_ascii_letters_are_found_as_the_look_ahead_found_them():
    """issues._NON_ASCII opens with a class instead of a look ahead: the same characters."""
    import re

    from store.extract.issues import _NON_ASCII

    every = "".join(map(chr, range(0x110000)))
    plain = re.compile(r"(?![\x00-\x7f])\w")
    assert [m.span() for m in _NON_ASCII.finditer(every)] == [
        m.span() for m in plain.finditer(every)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TERMS + ["NATO", "Nato", "x", "é", "-", "’s"]), max_size=12)
       .map(" ".join))
def test_remembered_candidates_are_the_candidates(text):
    from store.extract.issues import _TOKEN, ArticleIssues, matcher

    m = matcher(CODEBOOK)
    for w in _TOKEN.finditer(text):
        assert m.candidates_of(w.group()) == m._candidates(w.group())
    assert ArticleIssues(text, m).issues(0, len(text)) == by_regex(text)


_QUOTED = st.lists(st.one_of(pieces, _ODD_PIECES, st.sampled_from(["“", "”", '"', "«", "»"])),
                   max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_QUOTED, st.lists(st.tuples(st.integers(0, 200), st.integers(0, 60)), max_size=8))
def test_a_slice_cut_beside_a_quotation_mark_is_read_from_the_index(text, cuts):
    """A slice ending on an opening mark ("said “") or starting on a closing one ("” he")
    cuts a word but no term: the index answers for it as tagging it alone does."""
    from store.extract.issues import ArticleIssues, matcher

    index = ArticleIssues(text, matcher(CODEBOOK))
    marks = [n for n, c in enumerate(text) if c in "“”\"«»"]
    spans = [(min(s, len(text)), min(s + n, len(text))) for s, n in cuts]
    spans += [(0, m + 1) for m in marks] + [(m, len(text)) for m in marks]
    spans += [(a, b + 1) for a in marks for b in marks if a <= b]
    for start, end in spans:
        assert index.issues(start, end) == plain_issue_tags(text[start:end]), (start, end)
        assert index.issues(start, end) == plain_issue_tags(text[start:end]), "remembered"


def test_a_fragment_takes_no_issue_from_a_clause_joined_by_and_that():
    text = ('Albanese said the 20-point plan was now "90 per cent agreed", and that the security'
            ' guarantee was "100 per cent" settled.')
    assert _quote_issues_of(text) == [("process",), ("security_guarantees",)]


def test_the_station_in_a_story_about_the_nuclear_plant_is_the_plant():
    story = ("The IAEA said the Zaporizhzhia nuclear plant lost power again.\n\n"
             "Energoatom said the nuclear plant's reactors were in cold shutdown.\n\n"
             "Repairs at the plant could take weeks, the IAEA said.\n\n")
    quote = '"The station is a Russian facility, licensed by Russian regulators," Likhachev said.'
    assert _quote_issues_of(story + quote) == [("zaporizhzhia_npp",)]
    assert tag_issues("Rosatom wants to keep running it.", CODEBOOK) == ("zaporizhzhia_npp",)


def test_legitimate_targets_in_the_plural_and_combat_targets_are_the_force_question():
    for phrase in ("Western troops would be legitimate targets",
                   'would be regarded as "legitimate combat targets"'):
        assert tag_issues(phrase, CODEBOOK) == ("security_guarantees",)
