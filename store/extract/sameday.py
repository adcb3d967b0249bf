"""The days other articles give to the happenings an undated article reports.

An article that states no date is dated from its own wording ("met on Sunday") near the
corpus's dates (store.extract.dates.infer_published). When a dated article reports the same
happening on a day of that weekday ("Trump hosted Zelensky at his Mar-a-Lago estate on
Sunday", 28 December), the weekday is that day: a pin the inference must honour. So is a
happening still to come ("EU leaders meet in Brussels on Thursday") that a later article
reports, or an earlier one schedules, on its day.

The same happening is told apart by names: two at least of the names (people, places; not
titles or calendar words) of the article's sentence have words in the other's. A name of
several words is one name: "United States" alone is no match, "Witkoff" and "Miami" are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]*\w(?:[ \t]+[A-Z][\w'’-]*\w)*")  # "Steve Witkoff"
_NOT_NAMES = frozenset(
    """The A An He She It They We I You This That These Those There Here In On At By For From
    To With After Before As But And Or If When While Since Until During Over Under About Mr Mrs
    Ms Dr Sir President Prime Minister Foreign Secretary Chancellor Senator Sen Rep Gov Gen
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
    Oct Nov Dec Today Tomorrow Yesterday""".split()
)
REACH = 17  # days around the inference's anchor a pinned happening may lie


def name_units(text: str) -> list[frozenset[str]]:
    """The names of a sentence, each as the words a happening is grouped by
    (store.merge.event_words): "Ukrainian President Volodymyr Zelensky" is one."""
    from store.merge import event_words

    units: list[frozenset[str]] = []
    for run in _NAME_RUN.findall(text):
        words = frozenset(event_words(" ".join(w for w in run.split() if w not in _NOT_NAMES)))
        if words and all(words.isdisjoint(u) for u in units):  # "Zelensky" named again
            units.append(words)
    return units


class KnownDays:
    """The happenings other articles put on a day, as the words of their sentences
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

    def days_sharing(self, anchor: date, weekday: int, own: list[frozenset[str]],
                     at_least: int = 2) -> set[date]:
        """The days of that weekday within REACH days of `anchor` on which a happening has
        words of `at_least` of the names `own` (a day's happenings are read once, and a day
        stops being searched at its first such happening)."""
        first = anchor - timedelta(days=REACH)
        d = first + timedelta(days=(weekday - first.weekday()) % 7)
        found = set()
        while d <= anchor + timedelta(days=REACH):
            if any(sum(1 for name in own if not name.isdisjoint(words)) >= at_least
                   for words in self._happenings(d)):
                found.add(d)
            d += timedelta(days=7)
        return found

    def _happenings(self, d: date) -> list[frozenset[str]]:
        found = self._read.get(d)
        if found is None:
            found = self._read[d] = self._words_on(d)
        return found


def pins(text: str, sentences: list[tuple[int, int]], mentions, known: KnownDays | None,
         anchor: date | None) -> list[tuple[date, int]]:
    """For each weekday of the article whose sentence names a happening another article put
    on one day of that weekday near `anchor` (two names in common): (that day, +1) for a
    happening past, which publication follows, (that day, -1) for one to come ("The focus
    shifts to Brussels on Thursday"), which it precedes. A weekday two such days fit gives
    none."""
    if known is None or anchor is None or not sentences:
        return []
    starts = [s for s, _ in sentences]
    out = []
    for e, tense in mentions:
        if e.kind != "weekday" or e.modifier is not None or tense not in _SIDE:
            continue
        lo, hi = sentences[max(0, bisect_right(starts, e.start) - 1)]
        own = name_units(text[lo:hi])
        if len(own) < 2:
            continue
        days = known.days_sharing(anchor, e.weekday, own)
        if len(days) == 1:
            out.append((days.pop(), _SIDE[tense]))
    return out


_SIDE = {"past": 1, "future": -1}  # the side of its happening's day publication lies on
