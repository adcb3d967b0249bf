"""The days other articles give to the happenings an undated article reports.

An article that states no date is dated from its own wording ("met on Sunday") near the
corpus's dates (store.extract.dates.infer_published). When a dated article reports the same
happening on a day of that weekday ("Trump hosted Zelensky at his Mar-a-Lago estate on
Sunday", 28 December), the weekday is that day: a pin the inference must honour.

The same happening is told apart by names: two at least of the capitalised words (people,
places; not titles or calendar words) of the article's sentence are words of the other's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

_NAME = re.compile(r"\b[A-Z][\w'’-]*[\w]")
_NOT_NAMES = frozenset(
    """The A An He She It They We I You This That These Those There Here In On At By For From
    To With After Before As But And Or If When While Since Until During Over Under About Mr Mrs
    Ms Dr Sir President Prime Minister Foreign Secretary Chancellor Senator Sen Rep Gov Gen
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
    Oct Nov Dec Today Tomorrow Yesterday""".split()
)
REACH = 17  # days around the inference's anchor a pinned happening may lie


def names(text: str) -> frozenset[str]:
    """The capitalised words of a sentence that can name a person or a place."""
    return frozenset(w for w in _NAME.findall(text) if w not in _NOT_NAMES)


def name_words(text: str) -> frozenset[str]:
    """names(text) as the words a happening is grouped by (store.merge.event_words)."""
    from store.merge import event_words

    return frozenset(event_words(" ".join(names(text))))


class KnownDays:
    """The past happenings other articles put on a day, as the words of their sentences
    (store.merge.event_words), sought by day: `words_on(day)` lists them (asked once a day)."""

    def __init__(self, words_on) -> None:
        self._words_on = words_on
        self._read: dict[date, list[frozenset[str]]] = {}  # each day's, read once

    @classmethod
    def of(cls, happenings) -> KnownDays:
        """From (YYYY-MM-DD, sentence text) pairs; a day's words are read when asked for."""
        from store.merge import event_words

        raw: dict[date, list[str]] = {}
        for day, sentence in happenings:
            try:
                raw.setdefault(date.fromisoformat(day), []).append(sentence)
            except (TypeError, ValueError):
                continue
        return cls(lambda d: [frozenset(event_words(s)) for s in raw.get(d, ())])

    def days_sharing(self, anchor: date, weekday: int, own: frozenset[str],
                     at_least: int = 2) -> set[date]:
        """The days of that weekday within REACH days of `anchor` on which a happening shares
        `at_least` of the words `own` (a day's happenings are read once, and a day stops
        being searched at its first such happening)."""
        first = anchor - timedelta(days=REACH)
        d = first + timedelta(days=(weekday - first.weekday()) % 7)
        found = set()
        while d <= anchor + timedelta(days=REACH):
            if any(len(own & words) >= at_least for words in self._happenings(d)):
                found.add(d)
            d += timedelta(days=7)
        return found

    def _happenings(self, d: date) -> list[frozenset[str]]:
        found = self._read.get(d)
        if found is None:
            found = self._read[d] = self._words_on(d)
        return found


def pins(text: str, sentences: list[tuple[int, int]], mentions, known: KnownDays | None,
         anchor: date | None) -> list[date]:
    """For each past weekday of the article whose sentence names a happening another article
    put on one day of that weekday near `anchor` (two names in common), that day (a weekday
    two such days fit gives none)."""
    if known is None or anchor is None or not sentences:
        return []
    starts = [s for s, _ in sentences]
    out = []
    for e, tense in mentions:
        if e.kind != "weekday" or e.modifier is not None or tense != "past":
            continue
        lo, hi = sentences[max(0, bisect_right(starts, e.start) - 1)]
        own = name_words(text[lo:hi])
        if len(own) < 2:
            continue
        days = known.days_sharing(anchor, e.weekday, own)
        if len(days) == 1:
            out.append(days.pop())
    return out
