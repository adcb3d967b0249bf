"""Which party a reporting sentence speaks for."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.codebook import default_codebook_path, load_codebook, parse_codebook
from store.extract.parties import mask_quotes, mentioned_parties, sentence_party


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(default_codebook_path())


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # from the seed articles
        ("Russia has said it will not agree to any ceasefire until Ukraine withdraws its forces "
         "from the Donetsk region in the Donbas.", "russia"),
        ("Ukraine has resisted any territorial concessions in the region.", "ukraine"),
        ("In a joint statement in Berlin, European leaders said they and the US have pledged to "
         "coordinate in providing solid security guarantees.", "europe"),
        ("Washington is offering “really, really strong guarantees, Article Five-like,” said one "
         "U.S. official.", "us"),
        ("The Kremlin has stated its opposition to any scenario involving NATO military personnel "
         "stationed in Ukraine.", "russia"),
        ("Volodymyr Zelenskyy, Ukraine’s president, said the envoys had “clearly understood” "
         "Kyiv’s position.", "ukraine"),
        ("But the US also wants to reintegrate Russia into the global economy.", "us"),
        ("Another significant obstacle is the status of the Ukrainian region of Donbas, which "
         "Russia demands Kyiv relinquish authority over as part of a deal.", "russia"),
        # written as other reporters would
        ("Moscow rejected the proposal on Tuesday.", "russia"),
        ("Kyiv would accept a ceasefire if Russian troops pull back.", "ukraine"),
        ("Russia demands that Ukraine withdraw from the remaining parts of Donetsk.", "russia"),
        ("Peskov told reporters that the Kremlin saw no reason to hurry.", "russia"),
        ("A senior Ukrainian official said Kyiv would not cede land.", "ukraine"),
        ("The plan, according to French President Emmanuel Macron, needs European input.",
         "europe"),
        ("Talks between Kyiv and Moscow stalled, Zelensky said.", "ukraine"),
        ("Britain’s prime minister said London would send troops.", "europe"),
        ("Hundreds of thousands without power in Ukraine after Russian strikes, Zelenskyy says",
         "ukraine"),
        ("The U.S. is close to having Russia and Ukraine agree to a split of the plant.", "us"),
    ],
)
def test_sentence_party(codebook, text, party):
    assert sentence_party(text, codebook) == party


@pytest.mark.parametrize(
    "text",
    [
        "The details were agreed during discussions between NATO, Ukraine and the U.S. in Berlin.",
        "“We clearly understand what they want,” he said.",
        "The statement also noted: “Russian sovereign assets have been immobilized.”",
        "That domestic vulnerability, along with painful Russian attacks, may matter.",
        "Talks resumed on Monday.",
        "",
    ],
)
def test_no_clear_party(codebook, text):
    assert sentence_party(text, codebook) is None


def test_party_named_inside_a_quote_is_not_the_speaker(codebook):
    text = "“The issue is painful, because Russia wants what it wants,” Zelensky said."
    assert sentence_party(text, codebook) == "ukraine"


def test_mask_quotes_keeps_length_and_hides_split_quotations():
    text = "“We seek peace; Moscow wants more"
    masked = mask_quotes(text)
    assert len(masked) == len(text) and "Moscow" not in masked
    closing = 'the rest of it," a U.S. official said.'
    assert mask_quotes(closing).strip().startswith("a U.S. official")
    assert mask_quotes("no quotes here") == "no quotes here"


def test_ambiguous_term_names_no_party():
    cb = parse_codebook(
        {
            "parties": [
                {"id": "a", "name": "Alpha", "places": ["Capital"]},
                {"id": "b", "name": "Beta", "places": ["Capital"]},
            ],
            "issues": [{"id": "x", "title": "X", "terms": ["x"]}],
        }
    )
    assert sentence_party("Capital said no.", cb) is None
    assert sentence_party("Beta said no.", cb) == "b"


def test_another_codebook_needs_no_code():
    cb = parse_codebook(
        {
            "parties": [
                {"id": "north", "name": "Northland", "adjectives": ["Northern"]},
                {"id": "south", "name": "Southland", "places": ["Port Sol"]},
            ],
            "issues": [{"id": "water", "title": "Water", "terms": ["river"]}],
            "actors": [{"id": "ana", "name": "Ana Ruiz", "aliases": ["Ruiz"], "party": "south",
                        "roles": ["foreign minister of Southland"]}],
        }
    )
    assert sentence_party("Ruiz insisted the river stays shared.", cb) == "south"
    assert sentence_party("Northern negotiators rejected the plan.", cb) == "north"
    assert sentence_party("Port Sol wants talks, said officials.", cb) == "south"
    assert mentioned_parties("Ruiz met Northern envoys in Northland.", cb) == ("south", "north")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises(text):
    cb = load_codebook(default_codebook_path())
    result = sentence_party(text, cb)
    assert result is None or result in cb.party_by_id


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("'We are not going to sell our land,' a Ukrainian soldier told the AP.", "ukraine"),
        ("A Russian commander said the town would hold until spring.", "russia"),
        ("European analysts doubt that the plan can work.", "europe"),
    ],
)
def test_an_adjective_before_a_source_noun_names_the_party(codebook, text, party):
    assert sentence_party(text, codebook) == party


# --- the lower-case scan of an ASCII sentence finds what the case-insensitive one finds -------
_BUNDLED = load_codebook(default_codebook_path())


def _mention_words():
    cb = _BUNDLED
    words = {p.name for p in cb.parties} | {t for p in cb.parties for t in (*p.places,
                                                                              *p.adjectives)}
    words |= {t for a in cb.actors for t in (a.name, *a.aliases, *a.roles)}
    return sorted(words)


def _texts(separators):
    return st.lists(
        st.one_of(
            st.sampled_from(_mention_words()),
            st.sampled_from(_mention_words()).map(str.upper),
            st.sampled_from(_mention_words()).map(str.lower),
            st.sampled_from(separators),
        ),
        max_size=16,
    ).map("".join)


_ASCII_SEPARATORS = [" ", " ", " ", "  ", "-", ",", " said ", "the", "x", "'s", ".", "\n", '"']
_MENTION_TEXT = st.one_of(
    _texts(_ASCII_SEPARATORS),  # the lower-case scan's texts
    _texts([*_ASCII_SEPARATORS, "’s", "“", "”", "\u0130", "\u0131", "\u212a", "\u017f", "é"]),
)


@settings(max_examples=400, deadline=None)
@given(_MENTION_TEXT)
def test_mentions_of_an_ascii_text_same_by_either_scan(text):
    from dataclasses import replace

    from store.extract.parties import _matcher, _mentions

    fast = _matcher(_BUNDLED)
    assert fast.lowered is not None  # the bundled codebook has the lower-case scan
    plain = replace(fast, lowered=None)
    assert _mentions(text, fast) == _mentions(text, plain)
    outside = mask_quotes(text.replace("’", "'"))
    assert _mentions(outside, fast) == _mentions(outside, plain)


def test_no_lower_case_scan_when_a_term_has_a_letter_case_folding_takes_for_ascii():
    from store.extract.parties import _matcher

    cb = parse_codebook(
        {
            "parties": [{"id": "a", "name": "Anadolu", "places": ["Kırklareli"]}],
            "issues": [{"id": "talks", "title": "The talks", "terms": ["talks"]}],
        }
    )
    m = _matcher(cb)
    assert m.lowered is None
    assert m.pattern.search("kirklareli")  # "ı" matches "i" case-insensitively, not lowered
    assert re.compile(m.pattern.pattern).search("kirklareli") is None


@pytest.mark.parametrize("text", [
    "\u0130stanbul talks: the Kremlin said no.",  # "İ" lowers to two characters
    "The Kremlin \u017fpokesman said no.",  # long s: "s" to a case-insensitive match
    "The KREMLIN SPOKESMAN said no.",
])
def test_mentions_of_odd_letters_same_by_either_scan(text):
    from dataclasses import replace

    from store.extract.parties import _matcher, _mentions

    fast = _matcher(_BUNDLED)
    assert _mentions(text, fast) == _mentions(text, replace(fast, lowered=None))


# --- the sentences of an article read in one scan ----------------------------------------------
_PARTY_WORDS = st.sampled_from([
    "Ukraine", "Kyiv", "Moscow", "the Kremlin", "U.S.", "US", "us", "American", "Russian",
    "officials", "said", "White", "House", "White  House", "Zelensky", "Putin", "between", "and",
    ",", "-", "’s", "“", "”", '"', "\x00", "\n", "é", "İ", "Σ", "K", "the", "of", "rejected",
])
_PARTY_SENTENCE = st.lists(_PARTY_WORDS, max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARTY_SENTENCE, max_size=8))
def test_outside_parties_same_as_one_sentence_at_a_time(sentences):
    from store.extract.parties import outside_parties, outside_party, outside_quotes

    cb = load_codebook(default_codebook_path())
    outsides = [outside_quotes(s) for s in sentences]
    assert outside_parties(outsides, cb) == [outside_party(o, cb) for o in outsides]
