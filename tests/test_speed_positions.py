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


# --- stance reading: the cheap checks say what the full ones say -------------------------------
_FRAMES = ["hopes", "Hoping", "expected", "whether", "failed", "asked if", "get", "Got",
           "persuaded", "convinced", "pushed", "presses", "pressured", "urged", "forced",
           "having", "preſſed", "A\u017fKED IF", "\u0130f", "said", "Kyiv", "to", "the", "not",
           "won't", "never", "no longer", "if", "would", "demanded", "insisted", "accept",
           "agree", "reject", "rejects", "support", "offered", "calls for", "the demand",
           "their proposal", "backed by", "approval", ",", ";", ".", "’s", "-"]
_FRAME_TEXT = st.lists(st.sampled_from(_FRAMES), max_size=12).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_FRAME_TEXT, _CUE_TEXT))
@example("whether Moscow would accept")
@example("pressed Kyiv hard to ")
def test_the_others_frame_prefilter_never_skips_a_frame(text):
    from store.extract.positions import _OTHERS_FRAME, _others_frame

    for end in range(len(text) + 1):
        head = text[max(0, end - 60) : end]
        assert _others_frame(head) == (_OTHERS_FRAME.search(head) is not None)


def _stance_reading_every_cue(text: str) -> str | None:
    """_stance_from as it was: every cue read before the stance is chosen."""
    from store.extract.positions import (
        _BREAK,
        _OTHERS_FRAME,
        STANCE_CUES,
        _fixed,
        _is_noun_use,
        _lexicon_hits,
        _not_its_own,
        _process_yes,
        _stance_regex,
    )

    if not text:
        return None
    fixed = _fixed()
    hits = list(_lexicon_hits(_stance_regex(), text))
    own = [(n, s, e) for n, s, e in hits if not _is_noun_use(text, s)
           and not _process_yes(text, n, e) and not _not_its_own(text, n, s, e)]
    negated = fixed["negated_yes"].search(text)
    found = None
    if negated is not None and not _OTHERS_FRAME.search(text[max(0, negated.start() - 60):
                                                              negated.start()]):
        found = "demands" if any(
            STANCE_CUES[n][0] == "demands" and e <= negated.start()
            and not _BREAK.search(text, e, negated.start()) for n, _s, e in own) else "rejects"
    elif own:
        found = STANCE_CUES[min(n for n, _s, _e in own)][0]
    if found in ("accepts", "offers", "rejects", "supports") and fixed["condition"].search(text):
        return "conditional"
    return found


@settings(max_examples=500, deadline=None)
@given(st.one_of(_FRAME_TEXT, _CUE_TEXT))
@example("Russia insisted that Ukraine would not join NATO")
@example("the demand was rejected, but Kyiv offered talks and Moscow agreed")
def test_stances_read_only_the_cues_that_matter_as_reading_every_cue(text):
    from store.extract.positions import _stance_of

    assert _stance_of(text) == _stance_reading_every_cue(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_sentences_are_normalised_as_ids_normalise_them(text):
    from store.extract.article import _normalised
    from store.ids import normalise

    assert _normalised(text) == normalise(text)
