"""The words of an article as the speaker resolver reads them: offsets, folded keys, raw text.

Built in a few passes in C (`words_of`, `words_outside`) rather than one object per word: an
article has a thousand words and most are looked at once.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate, compress, count
from operator import not_

# (possessive: a connector is never a word character, so no match gives back what it took;
# the regex engine then skips remembering where it could backtrack, ~15% of a split)
_TOKEN = re.compile(r"\w++(?:[’'.\-]\w++)*+")


class Token:
    """A word of the article: offsets, folded key (case, apostrophes, dots) and raw text."""

    __slots__ = ("start", "end", "key", "raw")

    def __init__(self, start: int, end: int, key: str, raw: str) -> None:
        self.start, self.end, self.key, self.raw = start, end, key, raw


def fast_key(raw: str) -> str:
    if not raw.isascii():
        raw = unicodedata.normalize("NFKC", raw)
    return raw.casefold().replace("’", "'").replace(".", "")


_ACRONYM = re.compile(r"(?:\w\.)+\w")


def tokenize(text: str) -> list[Token]:
    out = []
    append = out.append
    n = len(text)
    low = text.lower()
    if len(low) != n:  # a few characters change length when lowered: fold word by word
        low = None
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        raw = m.group(0)
        if end < n and text[end] == "." and "." in raw and _ACRONYM.fullmatch(raw):
            end += 1  # "U.S." keeps its last dot
            raw += "."
        if low is None or not raw.isascii():
            key = fast_key(raw)
        else:
            key = low[start:end]
            if "." in key or "'" in key:
                key = key.replace(".", "")
        append(Token(start, end, key, raw))
    return out


def tokenize_keys(term: str) -> list[tuple[str, str]]:
    return [(t.key, t.raw) for t in tokenize(term)]


# Splitting on the words keeps them: text between, word, text between, ..., text after.
_AROUND_WORDS = re.compile("(" + _TOKEN.pattern + ")")


class Words:
    """The words of a text as `tokenize` finds them, as parallel lists (offsets, folded keys,
    raw text). Built with a few passes in C instead of one object per word: an article has
    a thousand words and most of them are only looked up once."""

    __slots__ = ("starts", "ends", "keys", "raws")

    def __init__(self, starts: list[int], ends: list[int], keys: list[str], raws: list[str]):
        self.starts, self.ends, self.keys, self.raws = starts, ends, keys, raws

    def __len__(self) -> int:
        return len(self.keys)

    def without(self, skip: list[tuple[int, int]]) -> Words:
        """The words that do not start inside any of `skip` ((start, end), sorted by start)."""
        if not skip:
            return self
        starts = self.starts
        segments, prev = [], 0
        for a, b in skip:
            i0, i1 = bisect_left(starts, a), bisect_left(starts, b)
            if i1 <= prev:
                continue
            if i0 > prev:
                segments.append((prev, i0))
            prev = max(prev, i1)
        segments.append((prev, len(starts)))
        out = Words([], [], [], [])
        for i0, i1 in segments:
            out.starts += starts[i0:i1]
            out.ends += self.ends[i0:i1]
            out.keys += self.keys[i0:i1]
            out.raws += self.raws[i0:i1]
        return out


def where(flags: Iterable) -> list[int]:
    """The indexes of the true flags, counted in C rather than by a Python loop over every
    word of an article."""
    return list(compress(count(), flags))


def words_of(text: str) -> Words:
    """The same words, offsets and keys as `tokenize(text)`."""
    pieces = _AROUND_WORDS.split(text)
    bounds = list(accumulate(map(len, pieces)))
    return _keyed(text, len(text), bounds[0:-1:2], bounds[1::2], pieces[1::2])


def words_outside(text: str, limit: int, skip: list[tuple[int, int]]) -> Words:
    """`words_of(text[:limit]).without(skip)` (`skip`: disjoint spans, sorted), without
    reading the words inside the spans: each stretch between them is split alone. The same
    words, since no word runs across a span's edge: the spans are quotations with their
    marks, and a mark never stands inside a word (an apostrophe inside one is no mark)."""
    starts: list[int] = []
    ends: list[int] = []
    raws: list[str] = []
    pos = 0
    for a, b in (*skip, (limit, limit)):
        a = min(a, limit)
        if a > pos:
            pieces = _AROUND_WORDS.split(text[pos:a])
            bounds = list(accumulate(map(len, pieces), initial=pos))
            starts += bounds[1:-1:2]
            ends += bounds[2::2]
            raws += pieces[1::2]
        pos = max(pos, b)
        if pos >= limit:
            break
    return _keyed(text, limit, starts, ends, raws)


def _keyed(text: str, n: int, starts: list[int], ends: list[int], raws: list[str]) -> Words:
    """The words with their keys; "U.S." keeps its last dot (a dot before `n`)."""
    joined = "\x00".join(raws)  # no word holds a NUL
    if not raws:
        keys = []
    elif joined.isascii():
        keys = joined.lower().replace(".", "").split("\x00")
    else:  # ASCII words fold alone; the others (a few) word by word
        keys = joined.lower().replace(".", "").split("\x00")
        for i in where(map(not_, map(str.isascii, raws))):
            keys[i] = fast_key(raws[i])
    if "." in joined:  # "U.S." keeps its last dot
        for i in _dotted_words(joined):
            end = ends[i]
            if end < n and text[end] == "." and _ACRONYM.fullmatch(raws[i]):
                ends[i] = end + 1
                raws[i] += "."
    return Words(starts, ends, keys, raws)


def _dotted_words(joined: str) -> list[int]:
    """The indexes of the words holding a dot, from the words joined by NULs: found by the
    dots (an article has a few) rather than by looking into each of its thousand words."""
    out: list[int] = []
    i, counted = 0, 0  # words before `counted`
    at = joined.find(".")
    while at != -1:
        i += joined.count("\x00", counted, at)
        counted = at
        out.append(i)
        nul = joined.find("\x00", at)  # on after this word
        at = joined.find(".", nul) if nul != -1 else -1
    return out


def _adjacent(text: str, end: int, start: int) -> bool:
    """Consecutive words of one phrase: only spaces (or a hyphen) between, no line break."""
    gap = text[end:start]
    return gap in (" ", "-") or (len(gap) <= 3 and not gap.strip(" \t\u00a0-"))
