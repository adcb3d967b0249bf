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

import calendar
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

    def days_sharing(self, anchor: date, weekday: int | None, own: list[frozenset[str]],
                     at_least: int = 2, reach: int = REACH) -> set[date]:
        """The days of that weekday (of any, for None) within `reach` days of `anchor` on
        which a happening has words of `at_least` of the names `own` (a day's happenings are
        read once, and a day stops being searched at its first such happening)."""
        first = anchor - timedelta(days=reach)
        step = 1 if weekday is None else 7
        d = first if weekday is None else first + timedelta(days=(weekday - first.weekday()) % 7)
        found = set()
        while d <= anchor + timedelta(days=reach):
            if any(sum(1 for name in own if not name.isdisjoint(words)) >= at_least
                   for words in self._happenings(d)):
                found.add(d)
            d += timedelta(days=step)
        return found

    def _happenings(self, d: date) -> list[frozenset[str]]:
        found = self._read.get(d)
        if found is None:
            found = self._read[d] = self._words_on(d)
        return found


def pins(text: str, sentences: list[tuple[int, int]], mentions, known: KnownDays | None,
         anchor: date | None) -> list[tuple[date, date]]:
    """The spans of days (first, last) publication lies in, one for each weekday or month of
    the article whose sentence names a happening (two names in common) another article puts
    on one day near `anchor`: the week from that day for a weekday past, the week before it
    for one to come ("The focus shifts to Brussels on Thursday"); the month after its month
    for "last month" ("the talks at Mar-a-Lago last month"), the month before for "next
    month". A weekday or month two such days fit gives none."""
    if known is None or anchor is None or not sentences:
        return []
    starts = [s for s, _ in sentences]
    out = []
    for e, tense in mentions:
        weekday = e.kind == "weekday" and e.modifier is None and tense in ("past", "future")
        month = e.kind == "month" and e.modifier in _MONTH_SHIFT
        if not (weekday or month):
            continue
        lo, hi = sentences[max(0, bisect_right(starts, e.start) - 1)]
        own = name_units(text[lo:hi])
        if len(own) < 2:
            continue
        if weekday:
            days = known.days_sharing(anchor, e.weekday, own)
            if len(days) == 1:
                d = days.pop()
                out.append((d, d + timedelta(days=6)) if tense == "past" else
                           (d - timedelta(days=7), d - timedelta(days=1)))
            continue
        months = {(d.year, d.month) for d in known.days_sharing(anchor, None, own,
                                                                 reach=REACH + 31)}
        if len(months) == 1:
            out.append(_month_span(*months.pop(), _MONTH_SHIFT[e.modifier]))
    return out


# The month publication lies in from the month of a happening named "last month": the next.
_MONTH_SHIFT = {"last": 1, "previous": 1, "next": -1, "coming": -1}


def _month_span(year: int, month: int, shift: int) -> tuple[date, date]:
    """The first and last days of the month `shift` months from year-month."""
    y, m = divmod(year * 12 + month - 1 + shift, 12)
    return date(y, m + 1, 1), date(y, m + 1, calendar.monthrange(y, m + 1)[1])
