"""The one scan of an article for every possible speaker reference (`scan_mentions`): codebook
actors, roles and places, anonymous sources, pronouns and statements.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from store.extract.speakers.anonymous import _anon_at, _anon_origin
from store.extract.speakers.matcher import Matcher
from store.extract.speakers.verbs import _VERB_STARTS
from store.extract.speakers.vocabulary import (
    _DET_WORDS,
    _OBJECT_PRONOUNS,
    _PRONOUN_WORDS,
    _STATEMENT_DETS,
    _STATEMENT_WORDS,
    POST_NOMINALS,
)
from store.extract.speakers.words import (
    Words,
    _adjacent,
    where,
    words_of,
)

_SPACES_COMMAS = re.compile(r"[\s,]*")


    # the matter")


class Mention(NamedTuple):
    """A possible speaker reference in the text (a tuple: an article makes dozens)."""

    start: int
    end: int
    kind: str  # actor | role | anon | pronoun | statement | place
    text: str
    actor: str | None = None
    party: str | None = None


def _term_at(text, words: Words, i, entries) -> tuple[int, str] | None:
    """The longest codebook term of `entries` starting at word i: (end index, kind).
    (`Matcher.terms_at` gives the roles or the other terms, never both: no kind to sort.)"""
    wkeys, raws, starts, ends = words.keys, words.raws, words.starts, words.ends
    total = len(wkeys)
    for keys, kind, caps in entries:
        n = len(keys)
        if i + n > total:
            continue
        ok = True
        for j in range(n):
            at = i + j
            if wkeys[at] != keys[j] or (caps[j] and not raws[at][:1].isupper()):
                ok = False
                break
            if j and not _adjacent(text, ends[at - 1], starts[at]):
                ok = False
                break
        if ok:
            return i + n, kind
    return None


# A source named by a number or "another" alone, the noun left out: "said one", "another
# said", "Another, from the ruling party, put it more bluntly:", "added a second".
_ELLIPTIC_STARTS = frozenset(("one", "another", "a", "the"))
_ELLIPTIC_ORDINALS = frozenset(("second", "third", "fourth", "fifth", "other"))
_AFTER_ELLIPTIC = frozenset(",.;:")


def _elliptic_end(text: str, words: Words, i: int) -> int | None:
    """The end of an elliptic source at word i, standing alone as a speech verb's subject:
    a speech verb or a punctuation mark right after it, and a speech verb or the start of a
    sentence (or the close of a quotation) right before it."""
    keys, starts, ends = words.keys, words.starts, words.ends
    n = len(keys)
    end = i + 1
    if keys[i] in ("a", "the"):
        if end == n or keys[end] not in _ELLIPTIC_ORDINALS or (
            keys[i] == "a" and keys[end] == "other"
        ):
            return None
        end += 1
    if end < n and not (
        keys[end] in _VERB_STARTS and _adjacent(text, ends[end - 1], starts[end])
    ) and text[ends[end - 1] : ends[end - 1] + 1] not in _AFTER_ELLIPTIC:
        return None
    if i and keys[i - 1] not in _VERB_STARTS:
        gap = text[ends[i - 1] : starts[i]]
        if not any(c in gap for c in '.!?"”’\n'):
            return None
    return end


def scan_mentions(text: str, matcher: Matcher, skip: list[tuple[int, int]],
                  words: Words | None = None) -> list[Mention]:
    """Every possible speaker reference outside the spans in `skip` (the quotations)."""
    if words is None:
        words = words_of(text)
    words = words.without(skip)
    keys, raws = words.keys, words.raws
    out: list[Mention] = []
    n = len(keys)
    starters, hot = matcher.starters, matcher.hot
    role_heads, other_heads, terms_at = matcher.role_heads, matcher.other_heads, matcher.terms_at
    quiet, follow = matcher.quiet_dets, matcher.det_follow
    lone_mods, anon_words = matcher.lone_mods, matcher.anon_words
    done = 0  # words before this are part of a mention found already
    for i in where(map(hot.__contains__, keys)):  # any other word starts nothing
        if i < done:
            continue
        key = keys[i]
        if key in _ELLIPTIC_STARTS and (elliptic := _elliptic_end(text, words, i)):
            start, end = words.starts[i], words.ends[elliptic - 1]
            out.append(Mention(start, end, "pronoun", text[start:end]))
            done = elliptic
            continue
        if key in quiet and (i + 1 == n or keys[i + 1] not in follow):
            continue  # "the talks": nothing below can start here
        hit = None
        if key in role_heads:
            hit = _term_at(text, words, i, terms_at(keys, i, True))
        if hit and i + 1 < n and keys[i + 1] in role_heads:
            # "the president of Finland": a longer role one word on
            alt = _term_at(text, words, i + 1, terms_at(keys, i + 1, True))
            if alt and alt[0] > hit[0]:
                i, hit = i + 1, alt
        if hit is None and key in starters and not (
            key in lone_mods and (i + 1 == n or keys[i + 1] not in anon_words)
        ):  # (a lone modifier with nothing a source goes on with after it starts none)
            end = _anon_at(matcher, text, words, i)
            if end is not None:
                hit = (_anon_origin(matcher, text, words, end), "anon")
        if hit is None and key in other_heads:
            hit = _term_at(text, words, i, terms_at(keys, i, False))
            if hit and hit[1] == "place" and key in _DET_WORDS and i + 1 < n and (
                keys[i + 1] in role_heads
            ):  # "the US president": the role "US President", not the place "the US"
                alt = _term_at(text, words, i + 1, terms_at(keys, i + 1, True))
                if alt and alt[0] > hit[0]:
                    i, hit = i + 1, alt
        if hit is None and key in _STATEMENT_DETS and i + 1 < n:
            j = i + 1
            if keys[j] in ("joint", "written", "official") and j + 1 < n:
                j += 1
            if keys[j] in _STATEMENT_WORDS:
                hit = (j + 1, "statement")
        if hit is None and key == "one" and i + 2 < n and keys[i + 1] == "of" and keys[
            i + 2
        ] in ("them", "those"):
            hit = (i + 3, "pronoun")  # "one of them said": one of the sources named before
        if hit is None and key in _PRONOUN_WORDS and (
            raws[i].islower() or raws[i][1:].islower()
        ):
            hit = (i + 1, "pronoun")
        if hit is None and key in _OBJECT_PRONOUNS and i >= 2 and (
            keys[i - 2] == "according" and keys[i - 1] == "to"
        ):
            hit = (i + 1, "pronoun")  # "According to him, ...": the person just named
        if hit is None or i and hit[0] == i + 1 and raws[i] in POST_NOMINALS and (
            raws[i - 1][:1].isupper()
        ):  # "Jane Smith MP said": the letters after her name, not another source
            continue
        end_i, kind = hit
        start, end = words.starts[i], words.ends[end_i - 1]
        out.append(Mention(start, end, kind, text[start:end]))
        done = end_i
    return _merge_titles(text, matcher, out)


def _merge_titles(text: str, matcher: Matcher, mentions: list[Mention]) -> list[Mention]:
    """'German Chancellor' + 'Friedrich Merz' → one mention; the name decides who it is."""
    out: list[Mention] = []
    for m in mentions:
        if (
            out
            and out[-1].kind in ("role", "anon")
            and m.kind == "actor"
            and _SPACES_COMMAS.fullmatch(text[out[-1].end : m.start])
        ):
            prev = out.pop()
            m = Mention(prev.start, m.end, "actor", m.text)
        out.append(m)
    return out
