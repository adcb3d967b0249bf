"""The dated timeline of one article: every dated happening, past or scheduled.

Each date expression of a sentence ("on Sunday and Monday" is two) becomes one mention,
resolved against the publication date; the lead merges mentions of the same happening across
articles. A sentence gives at most one mention per date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from store.extract.dates import (
    DAY_RANGE,
    Resolved,
    clause_bounds,
    dateline_match,
    dates_by_sentence,
    future_in_clause,
    resolve,
    tense_after,
    tense_at,
)
from store.extract.issues import tag_issues

TITLE_MAX = 90


class EventMention(NamedTuple):
    """One dated mention (a named tuple: a dated article has dozens, and a frozen dataclass
    costs about three times as much to make)."""

    date: str | None  # YYYY-MM-DD, YYYY-MM, YYYY or None (unresolvable, e.g. "last week")
    precision: str  # day | month | year | unknown
    basis: str  # stated | relative | inferred
    title: str
    start: int  # span of the sentence in the cleaned text
    end: int
    sentence: int  # index into the sentence list
    scheduled: bool
    issues: tuple[str, ...]


# Expressions that look ahead whatever the verb says.
_AHEAD = re.compile(r"^(?:next|later\s+this|coming|tomorrow|tonight|by|before|until)\b", re.I)
_BEHIND = re.compile(r"^(?:last|earlier|yesterday|since|previous)\b", re.I)


# "needs for 2026 and 2027", "a budget through 2027": a bare year naming a period, no happening.
_PERIOD_YEAR = re.compile(
    r"\b(?:for|through|throughout)\s+(?:(?:19|20)\d\d\s*(?:and|or|to|,|-|–)\s*)?$", re.I
)


# Expressions that date a sentence only when it names no day of its own ("after the meeting",
# "later wrote", "overnight"), and that give no happening when they resolve to no date.
_GIVE_WAY = ("last", "overnight")

_INTO = re.compile(r"\s+and\s+into\s+", re.IGNORECASE)
# A deadline ("by Tuesday") in a clause that looks ahead is still to come.
_BY = re.compile(r"\b(?:by|until|till)\s+$", re.IGNORECASE)
_DEADLINE_KINDS = ("weekday", "md", "dom")


# "two days of talks", "a two-day summit": a span of consecutive days, one mention per day.
_SPAN = re.compile(
    r"\b(?P<n>two|three|four|2|3|4)[\s-]days?\s+(?:of\s+)?(?:[a-z]+\s+)?(?:talks|discussions"
    r"|negotiations|meetings|conversations|consultations|summit|summits|visit)\b",
    re.IGNORECASE,
)
_SPAN_WORD = "day"  # in every span, in lower case (tests/test_events.py)
_SPAN_N = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


class _SentenceIssues:
    """Issue tags per sentence, computed once however many dates the sentence holds."""

    def __init__(self, text: str, codebook) -> None:
        self.text, self.codebook, self.cache = text, codebook, {}

    def tags(self, lo: int, hi: int) -> tuple[str, ...]:
        if (lo, hi) not in self.cache:
            self.cache[lo, hi] = tag_issues(self.text[lo:hi], self.codebook)
        return self.cache[lo, hi]


def _published(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def extract_events(
    text: str, sentences: list[tuple[int, int]], published: str | None, codebook,
    by_sentence: list | None = None,
) -> list[EventMention]:
    """Dated mentions in reading order; dates resolved against `published` (may be None).

    `by_sentence` (dates_by_sentence of these sentences) saves scanning the text again."""
    pub = _published(published)
    if codebook is not None:
        codebook = _SentenceIssues(text, codebook)
    out: list[EventMention] = []
    previous: date | None = None
    if by_sentence is None:
        by_sentence = dates_by_sentence(text, sentences)
    head = dateline_match(text)  # "KYIV, Dec 24 (Reuters) -": when it was written, no happening
    live = pub is not None and _is_live(text)
    intro: Resolved | None = None  # the day of a list's intro line, for its items
    for n, (lo, hi, exprs) in enumerate(by_sentence):
        if not _is_bullet(text, lo):
            intro = None
        entry = live and _opens_entry(text, lo)
        if entry:
            previous = pub  # a live page's new entry: of its own day, not the entry before's
        if not exprs and entry and _HAPPENED.search(text, lo, hi):
            # "14.32 GMT / Trump: 'very productive' call / Trump has posted on Truth Social
            # that ...": what an entry opens with happened on the page's day
            r = Resolved(pub.isoformat(), "day", "relative", pub)
            out.append(_mention(r, make_title(text, lo, hi, lo, lo), text, n, lo, hi, pub,
                                "past", codebook))
            continue
        if not exprs:
            r, tense = (intro, None) if intro else _day_of_clock(text, lo, hi, pub, live)
            if r is not None:
                tense = tense or tense_at(text, lo, lo, lo, hi)
                title = make_title(text, lo, hi, lo, lo)
                out.append(_mention(r, title, text, n, lo, hi, pub, tense, codebook))
            continue
        seen: set[str | None] = set()
        # "6 January. Leaders meet in Paris.": the lead-in dates the sentence after it.
        lead = _lead_in_target(text, by_sentence, n)
        for k, ex in enumerate(exprs):
            if head is not None and ex.start < head[2] and ex.end > head[1]:
                continue
            if k + 1 < len(exprs) and _INTO.fullmatch(text, ex.end, exprs[k + 1].start):
                continue  # "over the weekend and into Monday": dated by the day it ran into
            if ex.kind == "y" and _PERIOD_YEAR.search(text, max(lo, ex.start - 40), ex.start):
                continue
            if _no_happening(text, ex, lo):
                continue
            if ex.modifier in _GIVE_WAY and ex.kind in ("anaphor", "rel") and len(exprs) > 1:
                continue  # "after the meeting on Friday": the sentence's own date says when
            phrase = text[ex.start : ex.end]
            # Where the tense is judged; judged only when read (_LATER until then): most
            # expressions resolve to the same day whatever it is.
            at = (ex.start, ex.end, lo, hi) if lead is None else (lead[0],) * 3 + (lead[1],)
            tense = _tense(phrase, text, *at) if _resolve_reads_tense(ex) else _LATER
            if (
                ex.kind in _DEADLINE_KINDS
                and _BY.search(text, max(lo, ex.start - 7), ex.start)
                and future_in_clause(text, ex.start, ex.end, lo, hi)
            ):
                tense = "future"  # "expected to be briefed by Tuesday": the coming Tuesday
            if ex.kind == "ahead":
                if (not future_in_clause(text, ex.start, ex.end, lo, hi)
                        and _tense(phrase, text, *at) == "past"):
                    continue  # "launched 500 drones in three days": a duration, not a date
                tense = "future"
            if ex.kind == "gap":
                then = tense_after(text, ex.end, lo, hi)
                ahead = future_in_clause(text, ex.start, ex.end, lo, hi)
                if then == "future" or (then is None and ahead):
                    continue  # "three days after the summit ends": no day yet
                tense = "past"  # "arrives a day after shelling damaged ...": what followed
                first = resolve(ex, _sentence_day(text, exprs, ex, lo, hi, pub) or pub, tense)
                if first.date is None:
                    continue
            else:
                first = resolve(ex, pub, None if tense is _LATER else tense, previous)
            if first.date is None and ex.modifier in _GIVE_WAY and ex.kind in ("anaphor", "rel"):
                continue  # "after the meeting" with no date before it: no dated happening
            for r in _each_day(first, ex):
                if r.day is not None:
                    previous = r.day
                if r.date in seen:
                    continue
                seen.add(r.date)
                if r.day is not None and len(exprs) == 1 and text[lo:hi].rstrip().endswith(":"):
                    intro = r  # "Key developments on Dec. 20:": its items are of that day
                if tense is _LATER and _scheduled_reads_tense(r, pub):
                    tense = _tense(phrase, text, *at)
                if lead is not None:
                    title = make_title(text, lead[0], lead[1], lead[0], lead[0])
                    m = _mention(r, title, text, lead[2], lead[0], lead[1], pub, tense, codebook)
                else:
                    title = make_title(text, lo, hi, ex.start, ex.end)
                    m = _mention(r, title, text, n, lo, hi, pub, tense, codebook)
                out.append(m)
    if pub is not None:
        out = _with_spans(out, text, sentences, pub, codebook)
    return out


def _sentence_day(text: str, exprs, gap, lo: int, hi: int, pub: date | None) -> date | None:
    """The day a sentence names besides its "two days after ..." ("On Tuesday, two days after
    the envoys met, ..."): what the gap counts back from, or None (then publication)."""
    for ex in exprs:
        if ex is not gap and ex.kind not in ("gap", "anaphor"):
            tense = _tense(text[ex.start : ex.end], text, ex.start, ex.end, lo, hi)
            return resolve(ex, pub, tense).day
    return None


def _each_day(first: Resolved, ex) -> list[Resolved]:
    """The days an expression names: "on Dec. 14 and 15", "December 18-19" are two
    happenings (one per day), resolved as the first day was."""
    if ex.last is None or first.day is None:
        return [first]
    days = [first.day + timedelta(days=k) for k in range(ex.last - ex.day + 1)]
    return [Resolved(d.isoformat(), "day", first.basis, d) for d in days]


# A live page's entry time alone on its line ("22:41"); a clock time to come ("at 10 a.m.");
# a time of day without a day ("in his nightly address", "earlier in the evening").
_CLOCK_LINE = re.compile(r"^\d{1,2}[:.]\d{2}\b[^\n]{0,8}$", re.MULTILINE)
# The same after a line break: `re` skips ahead to the break instead of trying "^" everywhere.
_CLOCK_LINE_AFTER_BREAK = re.compile(r"\n\d{1,2}[:.]\d{2}\b[^\n]{0,8}$", re.MULTILINE)


# What an entry of a live page opens with, when it tells a happening: a past or perfect verb.
_HAPPENED = re.compile(
    r"\b(?:has|have|had)\s+(?:just\s+)?[a-z]+(?:ed|en|ke|ld|ne|nt|ot|wn)\b"
    r"|\b(?:posted|said|spoke|met|called|issued|announced|wrote|told|arrived|landed|held"
    r"|signed|agreed|welcomed|warned|confirmed)\b")
_ENTRY_REACH = 200  # how far an entry's first sentence stands from its time line


def _opens_entry(text: str, lo: int) -> bool:
    """Whether the sentence at `lo` is the first of a live page's entry: a time line stands
    before it, with at most the entry's headline between."""
    clock = max(_CLOCK_LINE.finditer(text, max(0, lo - _ENTRY_REACH), lo),
                key=re.Match.start, default=None)
    if clock is None:
        return False
    between = [line for line in text[clock.end() : lo].split("\n") if line.strip()]
    return len(between) <= 1 and not any(line.rstrip().endswith(".") for line in between)


def _is_live(text: str) -> bool:
    """Whether `text` is a live page: two or more lines that are an entry time alone
    (len(_CLOCK_LINE.findall(text)) >= 2; no match ends in a line break, so each leaves the
    break before the next line to it)."""
    count = 1 if _CLOCK_LINE.match(text) else 0
    for _ in _CLOCK_LINE_AFTER_BREAK.finditer(text):
        count += 1
        if count >= 2:
            return True
    return False


_CLOCK = re.compile(
    r"\b(?:at|from|by|until|before|after)\s+\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\b"
    r"|\b(?:at|from)\s+\d{1,2}:\d{2}\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"[^\x00-/:-\x7f](?<=\d)")  # r"\d", skipping to an ASCII digit or non-ASCII
_TIME_OF_DAY = re.compile(
    r"\b(?:nightly|overnight|(?:earlier|later)?\s*in\s+the\s+(?:morning|afternoon|evening))\b",
    re.IGNORECASE,
)


def _is_bullet(text: str, lo: int) -> bool:
    """Whether the sentence at `lo` opens a line with a bullet ("- ", "• ")."""
    return text[lo : lo + 2] in ("- ", "• ", "* ", "– ") and (lo == 0 or text[lo - 1] == "\n")


def _day_of_clock(text: str, lo: int, hi: int, pub: date | None, live: bool):
    """(publication day, tense) for a sentence without a date that says a time of day: a
    clock time to come ("the summit begins at 10 a.m.": scheduled), or on a live page of
    timed entries any time of day ("in his nightly address"). (None, None) when it says
    none, or for a clock time in the past."""
    if pub is None:
        return None, None
    if live and _TIME_OF_DAY.search(text, lo, hi):
        return Resolved(pub.isoformat(), "day", "relative", pub), None
    m = _CLOCK.search(text, lo, hi) if _DIGIT.search(text, lo, hi) else None  # it has one
    if m and tense_at(text, m.start(), m.end(), lo, hi) != "past":
        return Resolved(pub.isoformat(), "day", "relative", pub), "future"
    return None, None


_BEFORE_HOLIDAY = re.compile(
    r"\b(?:by|before|until|till|on|at|over|for|after|since|of|this|next|last|from|around)\s+$",
    re.IGNORECASE,
)


# A plan a quotation dates ("We will meet again tomorrow", "The deadline is tomorrow").
_PLAN = re.compile(
    r"\b(?:meet|meets|meeting|talks|visit|visits|summit|deadline|vote|trip|travel|sign|signing"
    r"|call|conference|session|negotiations|negotiate)\b",
    re.IGNORECASE,
)
# A year before a noun ("the 2026 budget", "Ukraine's 2026 spending plan") names no date, but
# one before a happening does ("the 2022 invasion", "the 2014 annexation", "the 2019 talks").
_DETERMINER = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this|that)|\w['’]s)\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")
_HAPPENING_AFTER = re.compile(
    r"\s+(?:[a-z]+(?:ion|ment)s?|wars?|attacks?|offensive|summits?|talks|deal|vote|visit"
    r"|accords?|ceasefire|truce|crisis|meetings?|referendum)\b"
)


# A part of the year before "this year" ("in the first half of this year", "by the summer of
# this year"): a time within it the happening is set for, not the article's year.
_PART_OF_YEAR = re.compile(
    r"\b(?:half|quarter|spring|summer|autumn|fall|winter|beginning|start|middle)\s+of\s+$",
    re.IGNORECASE,
)


def _no_happening(text: str, ex, lo: int) -> bool:
    """A date that names no happening: negated ("no Christmas truce"); "this year" alone (the
    year the article is in, not "the first half of this year"); a year before a noun ("the
    2026 budget"); in quoted speech a holiday as a bare noun ("We were promised Christmas,
    then New Year.") or a day to come
    ("Tonight I am hopeful", "Tomorrow, we will see": the speaker's day, not a happening)
    unless the quotation dates a plan ("We meet again tomorrow")."""
    if text[max(lo, ex.start - 3) : ex.start].casefold() == "no ":
        return True
    if ex.kind == "year":
        part = _PART_OF_YEAR.search(text, max(lo, ex.start - 24), ex.start)
        return ex.modifier == "this" and part is None
    if ex.kind == "y":
        return (
            _NOUN_AFTER.match(text, ex.end) is not None
            and _DETERMINER.search(text, max(lo, ex.start - 12), ex.start) is not None
            and _HAPPENING_AFTER.match(text, ex.end) is None
        )
    if ex.kind == "holiday":
        if text[ex.end : ex.end + 1] not in (",", ".", ";", "!", "?", "”", '"'):
            return False  # "a Christmas truce": a proposal named after the day
        if _BEFORE_HOLIDAY.search(text, max(lo, ex.start - 12), ex.start):
            return False
        return _quotation(text, ex.start) is not None
    if ex.kind != "rel" or ex.offset < 0 or ex.modifier == "overnight":
        return False
    quoted = _quotation(text, ex.start)
    return quoted is not None and not _dates_a_plan(text, ex, *quoted)


def _dates_a_plan(text: str, ex, q0: int, q1: int) -> bool:
    """Whether a time word in a quotation dates a plan named in its own clause ("We meet
    again tomorrow"; "Tomorrow, the envoys meet": a lead-in dates the clause after it), not
    one in another ("a guarantee that works today, not after the signing")."""
    c0, c1 = clause_bounds(text, ex.start, ex.end, q0, q1)
    if not text[c0 : ex.start].strip(" ,;:—–-") and not text[ex.end : c1].strip(" ,;:—–-"):
        c1 = max(clause_bounds(text, c1 + 1, c1 + 1, q0, q1)[1], c1 + 1)
    return _PLAN.search(text, c0, min(c1, q1)) is not None


def _quotation(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the double quotation marks around `pos` (opened in its own paragraph, closed
    there or at its end), or None when `pos` is not inside any."""
    para = text.rfind("\n", 0, pos) + 1
    seg = text[para:pos]
    if "“" in seg and seg.rfind("“") > seg.rfind("”"):
        opened, close = para + seg.rfind("“"), "”"
    elif seg.count('"') % 2 == 1:
        opened, close = para + seg.rfind('"'), '"'
    else:
        return None
    end = text.find("\n", pos)
    end = len(text) if end == -1 else end
    closed = text.find(close, pos, end)
    return opened, closed if closed != -1 else end


_LEAD_REST = re.compile(r"[\s.:—–-]*")


def _lead_in_target(text: str, by_sentence, n: int) -> tuple[int, int, int] | None:
    """(start, end, index) of the sentence a date-only sentence leads into ("6 January.",
    "Mid-January.", "The 30th." opening a list item), when the next sentence follows on the
    same line; else None."""
    lo, hi, exprs = by_sentence[n]
    if not exprs or n + 1 >= len(by_sentence) or hi - lo > 40:
        return None
    at = lo
    for ex in exprs:
        if not _LEAD_REST.fullmatch(text, at, ex.start):
            return None
        at = ex.end
    if not _LEAD_REST.fullmatch(text, at, hi):
        return None
    lo2, hi2, _ = by_sentence[n + 1]
    if "\n" in text[hi:lo2]:
        return None
    return lo2, hi2, n + 1


def _mention(r, title, text, n, lo, hi, pub, tense, codebook) -> EventMention:
    return EventMention(
        date=r.date,
        precision=r.precision,
        basis=r.basis,
        title=title,
        start=lo,
        end=hi,
        sentence=n,
        scheduled=_scheduled(r, pub, tense),
        issues=codebook.tags(lo, hi) if codebook is not None else (),
    )


def _with_spans(out, text, sentences, pub: date, codebook) -> list[EventMention]:
    """Add one mention per day for "two days of talks" reported in the past.

    The span ends on a past day named in the same sentence, else on the latest day the
    article reports before publication, else the day before publication (basis "inferred").
    """
    pub_day = pub.isoformat()
    past_days = sorted(
        date.fromisoformat(m.date) for m in out if m.precision == "day" and m.date < pub_day
    )
    added = []
    low = text.lower()  # a span says "day": only sentences that do are scanned
    if len(low) != len(text):
        low = None
    for n, (lo, hi) in enumerate(sentences):
        if low is not None and low.find(_SPAN_WORD, lo, hi) == -1:
            continue
        for m in _SPAN.finditer(text, lo, hi):
            if DAY_RANGE.search(text, lo, hi):
                break  # "two days of talks on Dec. 14-15": the days are stated
            if tense_at(text, m.start(), m.end(), lo, hi) == "future":
                continue
            own = [
                date.fromisoformat(e.date)
                for e in out
                if e.sentence == n and e.precision == "day" and e.date <= pub_day
            ]
            last = max(own) if own else past_days[-1] if past_days else pub - timedelta(days=1)
            have = {e.date for e in out + added if e.sentence == n}
            title = make_title(text, lo, hi, m.start(), m.end())
            count = _SPAN_N[m["n"].casefold()]
            for k in range(count - 1, -1, -1):
                day = last - timedelta(days=k)
                if day.isoformat() in have:
                    continue
                r = Resolved(day.isoformat(), "day", "inferred", day)
                added.append(_mention(r, title, text, n, lo, hi, pub, "past", codebook))
    if not added:
        return out
    return sorted(out + added, key=lambda e: (e.sentence, e.date or ""))


_LATER = object()  # a tense not judged yet (extract_events)


def _resolve_reads_tense(ex) -> bool:
    """Whether `resolve` (or extract_events' reading of "in three days") reads the tense of
    `ex`: the other kinds name their day whatever the tense (tests/test_events_lazy.py)."""
    kind = ex.kind
    if kind == "weekday":
        return ex.modifier not in ("last", "next")
    if kind == "weekend":
        return ex.modifier in ("this", "the", "over the")
    return kind in ("md", "dom", "holiday", "m")


def _scheduled_reads_tense(r: Resolved, pub: date | None) -> bool:
    """Whether `_scheduled(r, pub, tense)` reads the tense: for a date that is not plainly
    before or after publication."""
    return r.date is None or pub is None or r.date == pub.isoformat()[: len(r.date)]


def _tense(phrase: str, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    if _AHEAD.match(phrase):
        return "future"
    if _BEHIND.match(phrase) or phrase.casefold().endswith(" ago"):
        return "past"
    return tense_at(text, start, end, lo, hi)


def _scheduled(r: Resolved, pub: date | None, tense: str | None) -> bool:
    """After the publication date, or announced as still to come."""
    if r.date is None or pub is None:
        return tense == "future"
    key = pub.isoformat()[: len(r.date)]
    return r.date > key or (r.date == key and tense == "future")


_SPACE = re.compile(r"\s+")


def make_title(text: str, lo: int, hi: int, start: int, end: int) -> str:
    """A short readable title: the sentence, or the clause around the date when it is long."""
    sentence = " ".join(text[lo:hi].split())  # _SPACE.sub(" ", ...).strip(): \s is isspace
    if len(sentence) <= TITLE_MAX:
        return sentence.rstrip(".")
    c0, c1 = clause_bounds(text, start, end, lo, hi)
    # A bare speech tag ("Zelensky said on Monday") reads on into the next clause.
    while c1 - c0 < 30 and c1 < hi:
        c1 = max(clause_bounds(text, c1 + 1, c1 + 1, lo, hi)[1], c1 + 1)
    while c1 - c0 < 30 and c0 > lo:
        c0 = min(clause_bounds(text, c0 - 1, c0 - 1, lo, hi)[0], c0 - 1)
    if c1 - c0 > TITLE_MAX and end - c0 > TITLE_MAX - 15:
        # The date sits far into a long clause: start a little before it, at a word.
        w0 = text.find(" ", max(c0, start - 45), start)
        c0 = w0 + 1 if w0 != -1 else start
        lead = "…"
    else:
        lead = ""
    clause = lead + _SPACE.sub(" ", text[c0:c1]).strip(" ,;:—–-\"“”'").strip()
    if len(clause) > TITLE_MAX:
        cut = clause[: TITLE_MAX - 1].rsplit(" ", 1)[0]
        clause = cut.rstrip(" ,;:") + "…"
    return clause.rstrip(".")
