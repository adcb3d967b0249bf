"""Speech verbs ("said", "according to", "told"), found among an article's words."""

from __future__ import annotations

from bisect import bisect_left

from store.extract.speakers.words import (
    _ACRONYM,
    _TOKEN,
    Words,
    fast_key,
    where,
    words_of,
)

_VERB_WORDS = frozenset(
    """said says say saying told tells tell telling added adds adding stated states stating
    remarked remarks noted notes noting commented comments conveyed explained explains insisted
    insists insist argued argues warned warns warning declared declares announced announces wrote
    writes posted tweeted asserted asserts assert claimed claims claiming mentioned mentions
    stressed stresses stressing emphasized emphasised emphasizes emphasises concluded continued
    replied responded answered acknowledged admitted suggested suggests recalled observed
    predicted promised vowed pledged urged described characterized characterised called
    signaled signalled indicated indicates confirmed reiterated complained cautioned conceded
    joked quipped countered demanded asked asks comprised include includes included
    listed calling describing insisting arguing acknowledging dismissed dismissing branded
    labelled labeled termed hailed accused rejected affirmed affirms denounced denounces
    summarized summarised summed calls describe describes mocked derided ridiculed praised
    slammed lambasted decried writing thanked thanks urges urging vows
    recalls observes predicts concedes cautions complains confirms reiterates replies
    responds answers acknowledges admits counters quips interjected retorted snapped
    exclaimed lamented laments mused boasted protested objected pleaded shouted reaffirmed
    reaffirms""".split()
)
_VERB_PAIRS = {"according": "to", "put": "it", "puts": "it", "spoke": "of", "spoken": "of",
               "speaks": "of", "agreed": "that", "believe": "that", "believes": "that",
               "repeated": "that", "judged": "that", "reports": "that", "reported": "that",
               "went": "on", "goes": "on"}


class Verb:
    """A speech verb found in the article (the same interface as a regex match)."""

    __slots__ = ("_start", "_end")

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_VERB_STARTS = _VERB_WORDS | frozenset(_VERB_PAIRS)
# Pair words that are speech verbs alone where their clause ends after them.
_CLAUSE_END_VERBS = frozenset(("reported", "reports"))


# Speech verbs that are also plural nouns: after a determiner ("the Gulf states", "his
# remarks") they name things, nobody speaking.
_NOUN_VERBS = frozenset(  # "its say", "phone calls"
    "states remarks notes comments claims mentions say calls answers replies counters".split())
_GOES_ON = frozenset(("continued", "continues", "continue"))
_NOUN_DETS = frozenset(
    "the a an its their his her our these those of some many several two three four".split()
)


def scan_verbs(words: Words, text: str = "", limit: int = 0,
               skip: list[tuple[int, int]] | None = None) -> list[Verb]:
    """The speech verbs among the words. With `skip`: the words are `words_outside(text,
    limit, skip)`, and the verbs are those of all the words of text[:limit] that start
    outside the spans: a word next to a verb that a span hides is read from the text."""
    keys, raws, starts, ends = words.keys, words.raws, words.starts, words.ends
    out = []
    n = len(keys)
    skip_starts = [a for a, _ in skip] if skip else []
    for i in where(map(_VERB_STARTS.__contains__, keys)):
        k = keys[i]
        if not (raws[i][:1].islower() or k in ("said", "according")):
            continue  # "the United States" is not a speech verb
        if k in _NOUN_VERBS:
            if _hidden(skip_starts, starts[i - 2] if i > 1 else 0, starts[i]):
                before_keys, before_raws = _words_before(text, starts[i])
            else:
                before_keys, before_raws = keys[max(0, i - 2) : i], raws[max(0, i - 2) : i]
            if before_keys and (
                before_keys[-1] in _NOUN_DETS
                or len(before_keys) > 1 and before_raws[-1][:1].isupper()
                and before_keys[-2] in _NOUN_DETS
            ):
                continue
        if k in _VERB_WORDS:
            if k in _GOES_ON and i + 1 < n and keys[i + 1] == "to":
                continue  # "the convention continued to be applied": no speech
            out.append(Verb(starts[i], ends[i]))
        elif k in _CLAUSE_END_VERBS and text[ends[i] : ends[i] + 1] in (".", ",", ";"):
            out.append(Verb(starts[i], ends[i]))  # '"...," the correspondent reported.'
        elif _hidden(skip_starts, ends[i], starts[i + 1] if i + 1 < n else limit):
            after = _word_after(text, ends[i], limit)
            if after is not None and after[0] == _VERB_PAIRS[k]:
                out.append(Verb(starts[i], after[1]))
        elif i + 1 < n and keys[i + 1] == _VERB_PAIRS[k]:
            out.append(Verb(starts[i], ends[i + 1]))
    return out


def _hidden(span_starts: list[int], lo: int, hi: int) -> bool:
    """Whether a skipped span starts in [lo, hi): words there may be missing."""
    j = bisect_left(span_starts, lo)
    return j < len(span_starts) and span_starts[j] < hi


def _words_before(text: str, pos: int, most: int = 2) -> tuple[list[str], list[str]]:
    """The keys and raw text of the last `most` words of text[:pos] (`pos` starts a word).
    Splitting a window gives the same words but maybe the first: it may start inside one."""
    lo = max(0, pos - 60)
    while True:
        words = words_of(text[lo:pos])
        if len(words) > most or lo == 0:
            return words.keys[-most:], words.raws[-most:]
        lo = max(0, lo - 120)


def _word_after(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """The key and end of the first word of text[pos:limit] (`pos` ends a word), as
    words_of(text[:limit]) has it."""
    m = _TOKEN.search(text, pos, limit)
    if m is None:
        return None
    raw, end = m.group(), m.end()
    key = raw.lower().replace(".", "") if raw.isascii() else fast_key(raw)
    if end < limit and text[end] == "." and "." in raw and _ACRONYM.fullmatch(raw):
        end += 1
    return key, end
