"""The shortcuts of quote attribution give exactly the answers of the plain searches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.quotes import _MAY_START_NAME
from store.extract.speakers import name_before
from store.extract.speakers.full_names import _full_name_up_to, first_full_name
from store.extract.speakers.subjects import subject_name

# Codebook-like names, particles, words that look like them and odd punctuation.
_PIECES = st.sampled_from(
    ["Anna", "Novak", "van", "de", "made", "Petra", "said", "told", "the", "official", ",",
     ".", " ", "  ", "\n", "-", "’s", "'s", "“", "”", "(", ")", "Mr.", "Sen.", "U.S.",
     "Novakova", "xNovak", "NOVAK", "also", "has", "on", "Tuesday", "58", "of", "Kyiv",
     "Élise", "Ørsted", "al", "bin"]
)
_TEXT = st.lists(_PIECES, max_size=24).map(" ".join)


@settings(max_examples=600, deadline=None)
@given(_TEXT, st.sampled_from(["Novak", "Petra", "Anna", "Mr.", "Élise", "NOVAK"]),
       st.randoms(use_true_random=False))
def test_full_name_up_to_decides_as_the_whole_search(text, surname, rnd):
    """Asked at the surname's standalone words after a space, in any order, with one shared
    memo: a naming that starts before one is found exactly when the whole search finds it."""
    whole = first_full_name(text, surname)
    limits = [
        at for at in range(1, len(text))
        if text.startswith(surname, at) and text[at - 1].isspace()
        and not re.match(r"[\w’'.-]", text[at + len(surname) :])
    ]
    rnd.shuffle(limits)
    searches: dict = {}
    for limit in limits:
        part = _full_name_up_to(text, surname, limit, searches)
        before = whole is not None and whole.start() < limit
        if before or (part is not None and part.start() < limit):
            # a naming before a place where the surname stands alone: one only
            assert part is not None and whole is not None
            assert (part.span(), part.group()) == (whole.span(), whole.group())


@settings(max_examples=400, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=6))
def test_subject_name_with_a_shared_memo_same_as_without(sentences):
    text = ". ".join(sentences)
    starts, at = [], 0
    for s in sentences:
        starts.append((at, at + len(s)))
        at += len(s) + 2
    memo: dict = {}
    for lo, hi in starts:
        assert subject_name(text, lo, hi, memo) == subject_name(text, lo, hi)


@settings(max_examples=600, deadline=None)
@given(_TEXT, st.integers(0, 120), st.integers(0, 120))
def test_no_name_starts_where_the_prefilter_sees_none(text, a, b):
    """subject_before skips name_before when nothing between a mention and the verb can start
    a name: then name_before finds nothing that starts there."""
    end = len(text)
    lo, mention_end = sorted((min(a, end), min(b, end)))
    if _MAY_START_NAME.search(text, mention_end, end):
        return
    found = name_before(text, lo, end)
    assert found is None or found[1] < mention_end


# Words that end or lead the phrases the shortcuts look for, with odd spacing around them.
_TAIL_PIECES = st.sampled_from(
    ["also", "has", "had", "later", "himself", "on", "last", "early", "Monday", "Tuesday,",
     "58", "(NCP)", "(D-Mich.)", ")", "(", "Anna", "Novak", "made", "de", "van", "xNovak",
     "Élise", "said", "U.S.", ",", ".", " ", "  ", "\n", "\t", "-", "’s", "'s", "alsoo",
     "hashtag", "on-", "12", "٣", "²"]
)
_TAIL_TEXT = st.lists(_TAIL_PIECES, max_size=12).map(" ".join)
_SPACED_TAIL = st.tuples(_TAIL_TEXT, st.sampled_from(["", " ", "\n", " \n", ", ", " ,"])).map(
    "".join
)


@settings(max_examples=1500, deadline=None)
@given(_SPACED_TAIL)
def test_trailing_shortcuts_answer_as_the_regexes(window):
    from store.extract.speakers.names import (
        _AGE_OR_TAG,
        _NAME_AT_END,
        _TRAILING_ADVERBS,
        _may_end_with_name,
        _without_age_or_tag,
        _without_trailing_adverbs,
    )

    assert _without_trailing_adverbs(window) == _TRAILING_ADVERBS.sub("", window)
    assert _without_age_or_tag(window) == _AGE_OR_TAG.sub("", window)
    if _NAME_AT_END.search(window):
        assert _may_end_with_name(window)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_TEXT, _TAIL_TEXT), min_size=1, max_size=6))
def test_subject_name_of_a_sentence_opening_with_no_letter_is_none(sentences):
    """The first-character test of subject_name: every way it finds a name opens with a
    letter after spaces, so a sentence opening with a mark or a digit names nobody."""
    from store.extract.speakers import name_after
    from store.extract.speakers.subjects import _SCENE_SETTER, _TITLE_APPOSED

    text = ". ".join(sentences)
    at = 0
    for s in sentences:
        lo, hi = at, at + len(s)
        at += len(s) + 2
        first = text[lo : lo + 1]
        if first.isalpha() or first.isspace():
            continue
        assert name_after(text, lo, hi) is None
        assert _SCENE_SETTER.match(text, lo, hi) is None
        assert _TITLE_APPOSED.match(text, lo, hi) is None


@settings(max_examples=500, deadline=None)
@given(st.one_of(_TEXT, _TAIL_TEXT), st.integers(0, 40), st.integers(0, 40))
def test_words_up_to_counts_as_word_count_capped(text, a, b):
    from store.extract.quotes import _words_up_to, word_count

    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    assert _words_up_to(text, lo, hi) == min(word_count(text[lo:hi]), 3)


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(["Anna", "Novak", "van", "de", "der", "Petra", "said", ",", " ",
                              "  ", "\n", "-", "’s", "Mr", "Novakova", "xNovak", "NOVAK",
                              "Novak_", "Novak2", "Élise", "Ørsted", "O'Neil", "la"]),
             max_size=14).map(" ".join),
    st.sampled_from(["Novak", "Petra", "Mr", "O'Neil", "Novak.", "de", "Élise"]),
)
def test_full_name_match_answers_as_the_regex(text, surname):
    from store.extract.speakers.full_names import _full_name_match, _full_name_regex

    pattern = _full_name_regex(surname)
    for at in range(len(text) + 1):
        plain = pattern.match(text, at)
        fast = _full_name_match(text, surname, at)
        assert (fast and (fast.span(), fast.group())) == (plain and (plain.span(), plain.group()))


def _codebook_words() -> list[str]:
    from store.codebook import default_codebook_path, load_codebook
    from store.extract.speakers import matcher_for

    mt = matcher_for(load_codebook(default_codebook_path()))
    firsts = sorted({k[0] for k in mt.first2} | {k[1] for k in mt.first2})[:60]
    return [*firsts, *sorted(mt.first)[:40], *sorted(mt.anon_words)[:40]]


_SCAN_PIECES = st.sampled_from(
    [*_codebook_words(), "the", "The", "a", "an", "its", "their", "this", "one", "of", "them",
     "joint", "statement", "written", "official", "officials", "said", "it", "he", "her",
     "according", "to", ",", ".", "  ", "\n", "’s", "U.S.", "senior", "Kremlin"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_SCAN_PIECES, max_size=30).map(" ".join))
def test_scan_mentions_skips_only_determiners_that_start_nothing(text):
    """scan_mentions passes over a determiner whose next word can neither go on an
    anonymous source, a statement nor a codebook term: it finds what it finds without."""
    from copy import copy

    from store.codebook import default_codebook_path, load_codebook
    from store.extract.speakers import matcher_for, scan_mentions

    mt = matcher_for(load_codebook(default_codebook_path()))
    plain = copy(mt)
    plain.quiet_dets = frozenset()
    assert scan_mentions(text, mt, []) == scan_mentions(text, plain, [])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["U.S.", "e.g.", "1.5", "Mr.", ".", "..", "a.b.c", "word", "x",
                                 "’", "-", ""]), max_size=20))
def test_dotted_words_are_the_words_holding_a_dot(raws):
    from store.extract.speakers.words import _dotted_words

    raws = [r for r in raws if r]
    joined = "\x00".join(raws)
    assert _dotted_words(joined) == [i for i, r in enumerate(raws) if "." in r]
