"""The days other articles give to the happenings an undated article reports.

An article that states no date is dated from its own wording ("met on Sunday") near the
corpus's dates (store.extract.dates.infer_published). When a dated article reports the same
happening on a day of that weekday ("Trump hosted Zelensky at his Mar-a-Lago estate on
Sunday", 28 December), the weekday is that day: a pin the inference must honour.

The same happening is told apart by names: the capitalised words (people, places) two
sentences share, two at least, beyond titles and calendar words.
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


class KnownDays:
    """The past happenings dated to a day by the dated articles: (day, names of its sentence),
    sought by weekday; names are read only for the days an inference asks about."""

    def __init__(self, happenings) -> None:
        # happenings: (YYYY-MM-DD, sentence text) of dated, past, day-precise events
        self._raw: dict[date, list[str]] = {}
        for day, sentence in happenings:
            try:
                d = date.fromisoformat(day)
            except (TypeError, ValueError):
                continue
            self._raw.setdefault(d, []).append(sentence)
        self._names: dict[date, list[frozenset[str]]] = {}

    def near(self, anchor: date, weekday: int):
        """(day, names) of the happenings on that weekday within REACH days of `anchor`."""
        first = anchor - timedelta(days=REACH)
        first += timedelta(days=(weekday - first.weekday()) % 7)
        d = first
        while d <= anchor + timedelta(days=REACH):
            if d in self._raw:
                if d not in self._names:
                    self._names[d] = [names(s) for s in self._raw[d]]
                for found in self._names[d]:
                    yield d, found
            d += timedelta(days=7)


def pins(text: str, sentences: list[tuple[int, int]], mentions, known: KnownDays | None,
         anchor: date | None) -> list[date]:
    """For each past weekday of the article whose sentence names a happening a dated article
    put on one day of that weekday near `anchor`, that day (ambiguous weekdays give none)."""
    if known is None or anchor is None or not sentences:
        return []
    starts = [s for s, _ in sentences]
    out = []
    for e, tense in mentions:
        if e.kind != "weekday" or e.modifier is not None or tense != "past":
            continue
        lo, hi = sentences[max(0, bisect_right(starts, e.start) - 1)]
        own = names(text[lo:hi])
        if len(own) < 2:
            continue
        days = {d for d, other in known.near(anchor, e.weekday) if len(own & other) >= 2}
        if len(days) == 1:
            out.append(days.pop())
    return out
