"""Round-four shortcuts of quote attribution answer exactly as the plain code did: the walk
without the events that tell the memory nothing, a bare source resolved at once, the origin
of a source looked for only after a word that can lead to one."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from store.extract.speakers import is_single_source
from tests.extractlib import codebook

# Words of attributions and sources, names, pronouns, commas, quotation marks, odd spacing.
_PIECES = st.sampled_from(
    ["Anna", "Novak", "said", "says", "told", "according", "to", "the", "The", "a", "an",
     "official", "officials", "Officials", "analysts", "diplomats", "source", "sources",
     "people", "familiar", "with", "matter", "Ukrainian", "Russian", "senior", "Western",
     "spokesman", "for", "Energoatom", "at", "Goldman", "Sachs", "adviser", "Mr.", "Zelensky",
     "from", "Nordic", "country", "in", "within", "inside", "delegation", "presidential",
     "office", "he", "she", "it", "He", "She", "statement", "Putin's", "Yuri", "Ushakov",
     "President", "minister", "Foreign", "who", "also", "Monday", "Kyiv", "Élise", ",", ".",
     ":", ";", " ", "  ", "\n", "-", "—", "“", "”", '"']
)
_TEXT = st.lists(_PIECES, max_size=40).map(" ".join)
# Who speaks, and sentences that quote them or name them without a quotation: an article
# the attribution walk has something to hear in.
_WHO = st.sampled_from(
    ["Anna Novak", "Novak", "Officials", "officials", "A senior Ukrainian official",
     "Ukrainian officials", "Analysts", "a spokesman for Energoatom", "he", "she", "He", "She",
     "Yuri Ushakov", "Putin's adviser", "the official", "The Kremlin", "it", "one of them",
     "people familiar with the matter", "an adviser to Mr. Zelensky", "the statement",
     "A diplomat from a Nordic country", "Diplomats", "a source in the presidential office",
     "Sergei Lavrov", "Volodymyr Zelensky", "The Russian Defence Ministry", "the ministry"]
)
_SAID = st.sampled_from(["said", "says", "told reporters", "added", "wrote", "insisted"])
_WORDS = st.sampled_from(
    ["We are very close on the security guarantees", "there is still a long way to go",
     "time is running out", "Let me be very clear, this is a red line",
     "the talks were useful", "nothing is agreed until everything is agreed"]
)
_SENTENCE = st.one_of(
    st.builds("{} {} on Monday that “{}.”".format, _WHO, _SAID, _WORDS),
    st.builds("“{},” {} {}.".format, _WORDS, _WHO, _SAID),
    st.builds("“{},” {} {}.".format, _WORDS, _SAID, _WHO),
    st.builds("{} {}: “{}.”".format, _WHO, _SAID, _WORDS),
    st.builds("{} {} the talks had stalled.".format, _WHO, _SAID),
    st.builds("According to {}, the deal is close.".format, _WHO),
    st.builds("In Kyiv, {} met {}.".format, _WHO, _WHO),
    st.builds("“{}”".format, _WORDS),
)
_ARTICLE = st.tuples(st.lists(_SENTENCE, min_size=1, max_size=10),
                     st.sampled_from([" ", "\n\n"])).map(lambda t: t[1].join(t[0]))
_ANY_TEXT = _TEXT | _ARTICLE


def _old_walk(art) -> list:
    """The walk as it was: every mention and verb, None for one that tells nothing."""
    mentions, verbs, starts = art.mentions, art.verbs, art.starts
    out = []
    i = j = 0
    msi = vsi = 0
    last = len(starts) - 1
    while i < len(mentions) or j < len(verbs):
        if i < len(mentions) and (j == len(verbs) or mentions[i].start < verbs[j].end()):
            m = mentions[i]
            i += 1
            while msi < last and starts[msi + 1] <= m.start:
                msi += 1
            quiet = m.kind == "statement" or m.kind == "pronoun" and (
                m.text.casefold() not in ("he", "she") and not is_single_source(m.text)
            )  # (a single source, "another", is resolved where it is written)
            out.append((m.start + 1, m.start, None if quiet else m, msi))
        else:
            v = verbs[j]
            j += 1
            while vsi < last and starts[vsi + 1] <= v.start():
                vsi += 1
            out.append((v.end(), v.end(), v if art._subject_heard(vsi) else None, vsi))
    return out


@settings(max_examples=1500, deadline=None)
@given(_ANY_TEXT)
def test_the_walk_leaves_out_only_what_tells_the_memory_nothing(text):
    """The walk's events are the old walk's, less those it heard nothing from."""
    from store.extract.quotes import _Article, find_quote_spans
    from store.extract.sentences import split_sentences

    spans = find_quote_spans(text)
    sentences = split_sentences(text) or [(0, len(text))]
    art = _Article(text, sentences, spans, codebook(), spans)
    assert art.events == [e for e in _old_walk(art) if e[2] is not None]


def _old_advance(self, pos: int) -> None:
    """advance as it was, over the old walk's events (a quiet one is passed over)."""
    from store.extract.speakers import Verb

    events, k = self.events, self.next_event
    subjects = self.subjects
    while k < len(events) and events[k][0] <= pos:
        _, at, what, si = events[k]
        k += 1
        if self.next_subject < len(subjects) and subjects[self.next_subject][0] < at:
            self._hear_subjects(at)
        if what is None:
            continue
        if type(what) is Verb:
            self._hear_verb(what, si)
        else:
            self._hear_mention(what, si)
    self.next_event = k
    self._hear_subjects(pos)


@settings(max_examples=1500, deadline=None)
@given(_ANY_TEXT)
def test_quotations_are_attributed_as_with_the_old_walk(text):
    """The old walk and advance, quiet events and all, attribute every quotation alike."""
    from store.extract.quotes import _Article, extract_quotes
    from store.extract.sentences import split_sentences

    sentences = split_sentences(text)
    fast = extract_quotes(text, sentences, codebook())
    walk, advance = _Article._walk, _Article.advance
    try:
        _Article._walk, _Article.advance = _old_walk, _old_advance
        plain = extract_quotes(text, sentences, codebook())
    finally:
        _Article._walk, _Article.advance = walk, advance
    assert fast == plain


def _bare_sources() -> list[str]:
    """Bare source words the parser reads with no determiner, modifier or party."""
    from store.extract.speakers import matcher_for
    from store.extract.speakers.anonymous import parse_anonymous
    from store.extract.speakers.vocabulary import _ANON_HEADS

    mt = matcher_for(codebook())
    words = [*_ANON_HEADS, *_ANON_HEADS.values(), "people", "person", "sources", "source",
             *(w.capitalize() for w in _ANON_HEADS.values())]
    out = []
    for w in words:
        det, mods, _head, _plural, party, known, _tail = parse_anonymous(mt, w)
        if not det and not mods and party is None and known is None:
            out.append(w)
    return out


@settings(max_examples=1500, deadline=None)
@given(st.data())
def test_a_bare_source_is_the_source_its_context_makes_it(data):
    """`_anonymous` answers a bare source ("officials") at once when one of its kind was
    heard before: what `_anonymous_in_context` answers, whatever else the memory holds."""
    from store.extract.speakers import SpeakerMemory, matcher_for
    from store.extract.speakers.anonymous import _anon_name, parse_anonymous
    from store.extract.speakers.matcher import Speaker

    mt = matcher_for(codebook())
    raw = data.draw(st.sampled_from(_bare_sources()))
    det, mods, head, plural, party, _known, tail = parse_anonymous(mt, raw)
    mem = SpeakerMemory(mt, "Anna Novak said officials met. " * 3)
    people = [
        Speaker("Anna Novak", None, "person", None),
        Speaker("Yuri Ushakov", "ushakov", "person", "russia"),
        Speaker("Kyiv", None, "institution", "ukraine"),
    ]
    for _ in range(data.draw(st.integers(0, 4))):
        prior_mods = tuple(data.draw(st.lists(
            st.sampled_from(["senior", "Ukrainian", "Western", "U.S."]), max_size=2)))
        prior_plural = data.draw(st.booleans())
        prior_tail = data.draw(st.sampled_from(["", "familiar with the talks"]))
        prior_head = data.draw(st.sampled_from([head, "diplomat", "official"]))
        mem.heard(Speaker(
            _anon_name(prior_mods, prior_head, prior_plural, prior_tail), None, "anonymous",
            data.draw(st.sampled_from([None, "ukraine", "us"])), prior_head, prior_mods,
            prior_tail))
        mem.heard(data.draw(st.sampled_from([None, *people])))
    at = data.draw(st.sampled_from([None, 40]))
    assert mem._anonymous(raw, at) == mem._anonymous_in_context(
        det, mods, head, plural, party, tail, at)


def _old_anon_origin(matcher, text, words, end):
    """_anon_origin as it was (every word after the source tried)."""
    from store.extract.speakers.anonymous import (
        _BODY_NOUNS,
        _FIRM_HEADS,
        _MEMBER_PREPOSITIONS,
        _ORIGIN_NOUNS,
        _QUALIFIER_WORDS,
        _SPOKES,
        _TO_HEADS,
        _body_party,
        _modifier_at,
        _organisation_end,
        _owned_body_end,
        _person_end,
        _title_end,
    )
    from store.extract.speakers.words import _adjacent

    keys, raws, starts, ends = words.keys, words.raws, words.starts, words.ends
    n = len(keys)
    j = end
    if j + 1 >= n or not _adjacent(text, ends[j - 1], starts[j]):
        return end
    if keys[j] == "for" and keys[end - 1] in _SPOKES:
        return _organisation_end(matcher, text, words, j + 1) or end
    if keys[j] == "at" and keys[end - 1] in _FIRM_HEADS:
        return _organisation_end(matcher, text, words, j + 1) or end
    if keys[j] == "to" and keys[end - 1] in _TO_HEADS:
        return _person_end(text, words, j + 1) or _title_end(words, j + 1) or end
    member = keys[j] in _MEMBER_PREPOSITIONS
    if keys[j] != "from" and not member:
        return end
    j += 1
    if member and (owned := _owned_body_end(matcher, text, words, j)):
        return owned
    if keys[j] in ("a", "an", "the") and j + 1 < n:
        j += 1
    elif member:
        return end
    party = False
    qualified = False
    for _ in range(4):
        if j >= n or not _adjacent(text, ends[j - 1], starts[j]):
            break
        step = _modifier_at(matcher, keys, raws, j)
        if step is None:
            break
        if " ".join(keys[j : j + step]) in matcher.word_party:
            party = True
        elif raws[j][:1].isupper() and keys[j] not in _QUALIFIER_WORDS:
            break
        else:
            qualified = True
        j += step
    nouns = _BODY_NOUNS if member else _ORIGIN_NOUNS
    body = j < n and keys[j] in nouns and _adjacent(text, ends[j - 1], starts[j])
    if not party and not (member and qualified and body and _body_party(matcher, keys, end, j)):
        return end
    if body:
        j += 1
    elif member:
        return end
    return j


@settings(max_examples=2000, deadline=None)
@given(_ANY_TEXT)
@example("A senior official in Zelenskyy's office said it.")  # (a body named by its owner)
def test_a_source_s_origin_is_looked_for_after_a_word_that_leads_to_one(text):
    """_anon_origin rules out the words that lead to no origin first: the same ends."""
    from store.extract.speakers import matcher_for
    from store.extract.speakers.anonymous import _anon_origin
    from store.extract.speakers.words import words_of

    mt = matcher_for(codebook())
    words = words_of(text)
    for end in range(1, len(words)):
        assert _anon_origin(mt, text, words, end) == _old_anon_origin(mt, text, words, end)


def test_the_shortcuts_keep_what_the_plain_code_found():
    from store.extract.quotes import extract_quotes

    text = (
        "Officials said on Monday the talks had stalled.\n\n"
        "“We are very close on the security guarantees,” officials said.\n\n"
        "A spokesman for Energoatom, Ukraine's state nuclear company, said: “The plant is "
        "safe for now.”"
    )
    quotes = extract_quotes(text, [], codebook())
    assert [q.speaker for q in quotes] == ["officials", "Energoatom spokesman"]
