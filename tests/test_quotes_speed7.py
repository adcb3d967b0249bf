"""Round-three shortcuts of quote attribution answer exactly as the plain searches did."""

from __future__ import annotations

import functools

from hypothesis import given, settings
from hypothesis import strategies as st

# Words of attributions, names with particles, commas and quotation marks, odd spacing.
_PIECES = st.sampled_from(
    ["Anna", "Novak", "said", "says", "told", "according", "to", "the", "The", "a", "an",
     "official", "officials", "source", "Putin's", "adviser", "Yuri", "Ushakov", "de", "van",
     "Gaulle", "der", "Leyen", "al", "in", "of", "from", "Mr.", "President", "minister",
     "Foreign", "who", "also", "has", "on", "Monday", "Kyiv", "Élise", "Ørsted", "×", "’s",
     "'s", ",", ".", ":", ";", " ", "  ", "\n", "-", "—", "“", "”", '"', "(", ")", "R-Pa."]
)
_TEXT = st.lists(_PIECES, max_size=30).map(" ".join) | st.lists(_PIECES, max_size=30).map(
    "".join
)


@settings(max_examples=3000, deadline=None)
@given(_TEXT, st.integers(0, 200), st.integers(0, 200), st.integers(0, 200),
       st.integers(0, 200), st.booleans())
def test_a_name_the_shortcut_skips_would_never_be_taken(text, a, b, c, d, anonymous):
    """subject_before skips name_before where `_name_may_count` says no: the name it would
    find is then never taken over the mention (the acceptance test of subject_before)."""
    from store.extract.quotes import _name_may_count
    from store.extract.speakers import name_before

    lo, start, end, vs = sorted(min(x, len(text)) for x in (a, b, c, d))
    found = name_before(text, lo, vs)
    taken = found is not None and (
        found[1] >= end
        or anonymous and text[found[1] + len(found[0]) : start].lstrip().startswith(",")
    )
    assert not taken or _name_may_count(text, lo, vs, start, end, anonymous)


@functools.cache
def _codebook():
    from store.codebook import default_codebook_path, load_codebook

    return load_codebook(default_codebook_path(None))


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
def test_the_walk_knows_each_event_s_sentence(text):
    """The sentence the walk finds along the lists is the one sentence_of searches for."""
    from store.extract.quotes import _Article, find_quote_spans
    from store.extract.sentences import split_sentences
    from store.extract.speakers import Verb

    spans = find_quote_spans(text)
    sentences = split_sentences(text) or [(0, len(text))]
    art = _Article(text, sentences, spans, _codebook(), spans)
    for _gate, _at, what, si in art.events:
        if what is not None:
            assert si == art.sentence_of(what.start() if type(what) is Verb else what.start)


def _source_pieces() -> list[str]:
    """Modifiers and heads of anonymous sources from the codebook, as written and lowered."""
    from store.extract.speakers import matcher_for
    from store.extract.speakers.vocabulary import _ANON_HEADS

    mt = matcher_for(_codebook())
    words = sorted(mt.lone_mods)[:60] + ["White", "House", "Kremlin", "senior", "official",
                                         "officials", "diplomat", "source", "close", "to"]
    return [*words, *(w.capitalize() for w in words[:30]), *list(_ANON_HEADS)[:10]]


@settings(max_examples=1500, deadline=None)
@given(st.data())
def test_lone_modifier_shortcut_finds_the_same_mentions(data):
    """scan_mentions passes over a lone modifier with no source word after it: the mentions
    are those found with every modifier tried."""
    from store.extract.speakers import matcher_for, scan_mentions

    pieces = st.sampled_from(_source_pieces()) | _PIECES
    text = data.draw(st.lists(pieces, max_size=25).map(" ".join))
    assert scan_mentions(text, matcher_for(_codebook()), []) == scan_mentions(
        text, _matcher_trying_every_modifier(), [])


@functools.cache
def _matcher_trying_every_modifier():
    from store.extract.speakers.matcher import Matcher

    plain = Matcher(_codebook())
    plain.lone_mods = frozenset()
    return plain


@settings(max_examples=2000, deadline=None)
@given(_TEXT, st.integers(0, 120), st.integers(0, 120))
def test_scene_and_title_shortcuts_answer_as_the_regexes(text, a, b):
    """after_scene and titled_name_at rule out what their regexes cannot match first."""
    from store.extract.speakers import after_scene, titled_name_at
    from store.extract.speakers.subjects import _OF_TITLED, _SCENE_SETTER

    lo, at = sorted((min(a, len(text)), min(b, len(text))))
    scene = _SCENE_SETTER.match(text, lo, at)
    assert after_scene(text, lo, at) == (scene is not None and scene.end() == at)
    titled = _OF_TITLED.match(text, lo, at + 80)
    assert titled_name_at(text, lo, at) == (titled is not None and titled.start(1) == at)
    scene_text = "On a grey afternoon in " + text + ", " + text
    assert after_scene(scene_text, 0, len(scene_text)) == (
        (m := _SCENE_SETTER.match(scene_text, 0, len(scene_text))) is not None
        and m.end() == len(scene_text))


def test_scene_and_title_shortcuts_keep_what_the_regexes_find():
    from store.extract.speakers import after_scene, titled_name_at

    text = "Minister of Foreign Affairs of Ukraine Andrii Sybiha held a call."
    assert titled_name_at(text, 0, text.index("Andrii"))
    text = "On a snowy road outside the city, a soldier stamped his feet."
    assert after_scene(text, 0, text.index("a soldier"))
    assert not after_scene(text, 0, text.index("soldier"))
