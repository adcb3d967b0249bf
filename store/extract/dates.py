"""Date expressions in news text, their tense, and how they resolve against a publication date.

News dates are mostly relative ("on Monday", "next weekend", "by Christmas"), so an expression
is found once (`find_dates`) and resolved later (`resolve`) against the article's publication
date, stated or inferred (`infer_published`). Everything is regex and arithmetic: fast and
deterministic.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from itertools import chain
from typing import NamedTuple

from store.extract.scan import trie_pattern

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Fixed-date holidays: name → (month, day).
HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new year’s eve": (12, 31), "new year's day": (1, 1),
    "new year’s day": (1, 1), "new year": (1, 1), "orthodox christmas": (1, 7),
    "orthodox christmas eve": (1, 6), "orthodox christmas day": (1, 7),
}  # fmt: skip
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_PART = r"(?:morning|afternoon|evening|night)"
# What a number after "December 14 and" counts when it is no second day ("and 15 people").
_NOT_DAYS = r"(?:per\b|percent\b|%|people\b|others\b|more\b|of\b)"


# "Dec. 14-15", "20–21 December", "14 and 15 December": a stated range or pair of days.
DAY_RANGE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*|\s+and\s+)\d{{1,2}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*|\s+and\s+)\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
)


class DateExpr(NamedTuple):
    """One date expression: where it is and what it says, before resolution. (A named tuple:
    an article has dozens, and a frozen dataclass costs three times as much to make.)"""

    start: int
    end: int
    kind: str  # ymd md dom ym m y weekday weekend week month year rel ahead ago gap holiday yearend
    # anaphor (modifier "day": of publication when no date came before; "last": only after one)
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    modifier: str | None = None  # last | next | this | over | later | earlier | ...
    offset: int = 0  # days (rel, anaphor), units (ago, ahead), months (dom: "of last month")
    # or years (m: "in June last year")
    last: int | None = None  # the last day of a pair or range of days ("Dec. 14 and 15")


# Every alternative of the date regex, most specific first. At one place the first that
# matches wins, so the order matters only between alternatives that can open with the same word.
_ALTERNATIVES = (
    rf"(?P<iso>\b(?P<iso_y>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)\b)",
    # "12.12.2025", "12/12/2025", "5-1-2026": day first (see _numeric).
    rf"(?P<num>\b(?P<num_a>[0-3]?\d)(?P<num_s>[./-])(?P<num_b>[0-3]?\d)(?P=num_s)"
    rf"(?P<num_y>{_YEAR})(?!\d|[.,/-]\d))",
    # "on 16/12", "on 22.12.": day and month without a year, only after a preposition
    # (a bare "16/12" is as often a score or a ratio), the dotted form with its final dot.
    r"(?P<dm>\b(?:[Oo]n\s+(?P<dm_a>[0-3]?\d)/(?P<dm_b>[01]?\d)(?![\d/%]|\.\d|\s*(?:of|per)\b)"
    r"|(?:[Oo]n|[Bb]y|[Uu]ntil|[Ff]rom|[Ss]ince|[Bb]efore|[Aa]fter)\s+"
    r"(?P<dm_c>[0-3]?\d)\.(?P<dm_d>[01]?\d)\.(?!\d)))",
    # "on the 15th": a day of the month alone, its month taken from the publication date.
    # An ordinal followed by its own noun ("the 15th round") is no date: only punctuation
    # or a function word may follow.
    r"(?P<dom>\b(?P<dom_p>[Oo]n|[Bb]y|[Ff]rom|[Uu]ntil|[Tt]ill|[Ss]ince|[Bb]efore"
    r"|[Aa]fter|[Tt]hrough)\s+the\s+(?P<dom_d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
    r"(?:\s+of\s+(?P<dom_rel>last|next)\s+month\b)?"  # "on the 28th of last month"
    r"(?=\s*(?:[,.;:)—–]|\s-\s|$|(?:in|at|and|or|but|when|with|by|for|to|as|that|after"
    r"|before|during|via|amid|while|until|of\s+(?:this|the|next|last)\s+month)\b)))",
    # "The 30th." opening a paragraph: a lead-in naming the day of what follows.
    r"(?P<doml>(?:^|(?<=\n))[Tt]he\s+(?P<doml_d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
    r"(?=[.:]))",
    # "Dec. 14-15", "December 14 and 15", "14 and 15 December", "18th and 19th December",
    # "from 13 to 15 February": a pair or a range of days, its last day kept (each day is a
    # happening of its own).
    rf"(?P<mdy>\b(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>{_DAY})"
    rf"(?:\s*[-–]\s*(?P<mdy_r>\d{{1,2}})|\s+(?:and|to)\s+(?P<mdy_a>{_DAY})\b"
    rf"(?![.,]?\d|\s+{_NOT_DAYS}))?"
    rf"(?:,?\s+(?P<mdy_y>{_YEAR}))?(?![\d,]\d))",
    rf"(?P<dmy>\b(?P<dmy_d>{_DAY})(?:\s*[-–]\s*(?P<dmy_r>\d{{1,2}})|\s+(?:and|to)\s+"
    rf"(?P<dmy_a>{_DAY}))?"
    rf"\s+(?:of\s+)?(?P<dmy_m>{_MONTH})(?:,?\s+(?P<dmy_y>{_YEAR}))?(?![\w]))",
    rf"(?P<my>\b(?:(?:early|mid|late)[\s-]+)?(?P<my_m>{_MONTH}),?\s+(?P<my_y>{_YEAR})\b)",
    rf"(?P<mo>\b(?P<mo_p>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Tt]hrough|[Dd]uring"
    rf"|[Bb]efore|[Aa]fter|[Ee]arly|[Mm]id|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his|[Oo]f|[Ee]nd of)"
    rf"[\s-]+(?:(?:early|mid|late)[\s-]+)?(?P<mo_m>{_MONTH})(?![\w-]|\.?\s+\d{{1,2}}\b)"
    rf"(?:,?\s+(?P<mo_y>{_YEAR})\b|\s+(?P<mo_r>last|next)\s+year\b)?)",  # "in June last year"
    rf"(?P<wd>\b(?:(?P<wd_p>[Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Cc]oming)\s+)?"
    rf"(?P<wd_d>{_WEEKDAY})(?:\s+(?P<wd_t>{_PART}))?\b)",
    r"(?P<wkd>\b(?P<wkd_p>[Ll]ast|[Nn]ext|[Tt]his|[Oo]ver\s+the|[Tt]he|[Cc]oming)"
    r"\s+weekend\b)",
    r"(?P<wk>\b(?P<wk_p>[Ll]ast|[Nn]ext|[Tt]his|[Ll]ater\s+this|[Ee]arlier\s+this"
    r"|[Cc]oming|[Pp]revious)\s+week\b)",
    r"(?P<mth>\b(?P<mth_p>[Ll]ast|[Nn]ext|[Tt]his|[Ll]ater\s+this|[Ee]arlier\s+this"
    r"|[Cc]oming|[Pp]revious|[Mm]id)[\s-]+month\b)",  # "mid-month": this month's middle
    r"(?P<ye>\b(?:[Bb]y\s+|[Bb]efore\s+|[Uu]ntil\s+|[Aa]t\s+)?(?:the\s+)?end\s+of\s+"
    r"(?P<ye_w>the\s+year|this\s+year|the\s+month|this\s+month|next\s+year)\b"
    # "year-end" before a noun ("his year-end press conference") names no day.
    r"|\b(?:by\s+)?year[\s-]end\b(?!\s+(?!(?:and|or|but|to|in|at|on|for|with|when|as|that"
    r"|if|is|was|will|would|of|deadline|target)\b)[a-z]))",
    r"(?P<yr>\b(?P<yr_p>[Ll]ast|[Nn]ext|[Tt]his|[Ll]ater\s+this|[Ee]arlier\s+this)"
    r"\s+year\b)",
    r"(?P<ago>\b(?P<ago_n>\d{1,2}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten))"
    r"\s+(?P<ago_u>day|week|fortnight|month|year)s?\s+ago\b)",
    # "two days after the envoys met": what follows happened so long before the sentence's day
    # (not "two days after Christmas", "a day after December 14": a day named after it; nor
    # "for eight days after the talks": a duration).
    r"(?P<gap>\b(?<![Ff]or\s)(?<![Ww]ithin\s)(?P<gap_n>\d{1,2}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten))"
    r"\s+(?P<gap_u>day|week)s?\s+after\b(?!\s+(?:the\s+)?(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul"
    r"|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Christmas|New\s+Year|Orthodox|that\b"
    r"|this\b|it\b|which\b)))",
    # "in two weeks", "within a week", "in three days' time": counted from publication.
    r"(?P<ahead>\b(?P<ahead_p>[Ii]n|[Ww]ithin)\s+(?:the\s+next\s+)?"
    r"(?P<ahead_n>\d{1,2}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten))"
    r"\s+(?P<ahead_u>day|week|fortnight|month)s?(?:['’]s?\s+time)?\b(?!\s+of\b))",
    r"(?P<rel>\b(?P<rel_w>[Yy]esterday|[Ll]ast\s+night|[Tt]oday|[Tt]omorrow|[Tt]onight"
    r"|[Tt]his\s+(?:morning|afternoon|evening)|[Oo]vernight)\b)",
    # ... and "Two days later", "a week earlier", "hours earlier": counted from the last date.
    # "the day before Christmas": a holiday's neighbour, before "the day before" alone
    r"(?P<holn>\b[Tt]he\s+day\s+(?P<holn_d>before|after)\s+(?P<holn_w>(?:Orthodox\s+)?"
    r"Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]s\s+(?:Eve|Day)))",
    r"(?P<ana>\b(?:(?P<ana_w>(?:[Ll]ater\s+|[Ee]arlier\s+)?[Tt]hat\s+(?:day|morning|afternoon"
    r"|evening|night)|[Tt]he\s+same\s+(?:day|morning|afternoon|evening|night)"
    r"|[Tt]he\s+(?:next|following)\s+(?:day|morning"
    r"|afternoon|evening|night)|[Tt]he\s+(?:day\s+before|previous\s+(?:day|morning"
    r"|afternoon|evening|night)))"
    r"|(?:(?P<aft_n>\d{1,2}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten))"
    r"\s+(?P<aft_u>day|week)s?|(?:(?i:several|a\s+few)\s+)?[Hh]ours)"
    r"\s+(?P<aft_w>later|earlier))\b)",
    # "earlier in the day", "later in the evening": the day of the last date, else of
    # publication; "after the meeting", "later" before a past verb ("later wrote on X"): the
    # day of the last date (events.py takes them only in a sentence without a date of its own).
    r"(?P<same>\b(?:(?P<same_d>[Ee]arlier|[Ll]ater)\s+in\s+the\s+(?:day|morning|afternoon"
    r"|evening)|[Aa]fter\s+the\s+(?:meeting|talks|call|summit)|[Ll]ater(?=\s+(?:[a-z]{2,}ed"
    r"|said|told|wrote|spoke|met|flew|went|came|left|made|held|gave|took|sent|rang|posted)\b))\b)",
    r"(?P<hol>\b(?P<hol_w>(?:Orthodox\s+)?Christmas(?:\s+(?:Eve|Day))?"
    r"|New\s+Year(?:['’]s\s+(?:Eve|Day))?)(?!\s+(?:tree|market|card|recess|season|lights"
    r"|shopping|decorations)))",  # (no day: "before the Dáil returns from its Christmas recess")
    rf"(?P<y>(?<![\d$€£.,/-])(?P<y_y>{_YEAR})(?![\d%]|[.,/:-]\d|s\b|\s*(?:%|per|percent)))",
)
# The words (lower case; "0": any digit) each alternative can open with: a scan tries at a
# word only the alternatives that can start there (`re` is slow at trying 21 alternatives at
# every word). tests/test_dates_fast.py checks the scan against the one regex of them all.
_OPENERS = {
    "iso": "0", "num": "0", "dm": "on by until from since before after",
    "dom": "on by from until till since before after through", "doml": "the",
    "mdy": " ".join(MONTHS), "dmy": "0", "my": "early mid late " + " ".join(MONTHS),
    "mo": "in since by until till from through during before after early mid late last next"
          " this of end",
    "wd": "last next this previous coming " + " ".join(WEEKDAYS),
    "wkd": "last next this over the coming", "wk": "last next this later earlier coming previous",
    "mth": "last next this later earlier coming previous mid",
    "ye": "by before until at the end year", "yr": "last next this later earlier",
    "ago": "0 " + " ".join(_NUMBERS), "gap": "0 " + " ".join(_NUMBERS), "ahead": "in within",
    "rel": "yesterday last today tomorrow tonight this overnight",
    "ana": "later earlier that the several hours 0 " + " ".join(_NUMBERS),
    "same": "earlier later after", "hol": "orthodox christmas new", "holn": "the", "y": "0",
}  # fmt: skip


def _name(alternative: str) -> str:
    return re.match(r"\(\?P<(\w+)>", alternative).group(1)


@cache
def _regex(names: tuple[str, ...] | None = None) -> re.Pattern[str]:
    """The regex of the named alternatives (all by default), in their order."""
    alts = [a for a in _ALTERNATIVES if names is None or _name(a) in names]
    # Every expression starts a word: one look back skips the middle of words cheaply.
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + ")")


def _master() -> re.Pattern[str]:
    """The one regex of every date expression, most specific alternatives first."""
    return _regex()


@cache
def _by_opener() -> dict[str, tuple[str, ...]]:
    """Opening word → the names of the alternatives that can open with it, in their order."""
    out: dict[str, list[str]] = {}
    for alt in _ALTERNATIVES:
        for word in _OPENERS[_name(alt)].split():
            out.setdefault(word, []).append(_name(alt))
    return {word: tuple(names) for word, names in out.items()}


@cache
def _opening() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A word that can open a date expression: a digit, an opener in lower case or
    capitalised (the case the alternatives spell), or a number word in any case (as "ago" and
    "ahead" read them). Found from the non-word character before it, which lets `re` skip from
    one such character to the next; the second regex is for the text's first word."""
    words = {w for w in _by_opener() if w != "0"}
    spelled = sorted(words | {w.capitalize() for w in words})
    atoms = ([*w, _OPENER_NEEDS[w.casefold()]] if w.casefold() in _OPENER_NEEDS else w
             for w in spelled)
    word = (rf"(?P<word>(?P<digit>\d){_DIGIT_NEEDS}|Christmas|{trie_pattern(atoms)}\b"
            rf"|(?i:{_NUMBER_WORDS})\b{_NUMBER_NEEDS})")
    return re.compile(rf"\W{word}"), re.compile(word)


_MONTH_STARTS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"  # how every _MONTH opens
_NUMBER_WORDS = "|".join(_NUMBERS)


# What every alternative an opening word opens needs after it, as a look ahead: the scan then
# passes over the word where none can match ("on Monday": "on" opens only "on 16/12" and "on
# the 15th"). Each look ahead needs no more than the text up to a core word after the opener
# (a digit, a month, "day", ...), which `_match_list` lets it see.
_OPENER_NEEDS = {
    "on": r"(?=\s+(?:the\s+)?\d)",  # dm, dom
    "of": r"(?=[\s-]+[emlJFMASOND])",  # mo: "of (early|mid|late )?<Month>"
    "at": r"(?=\s+(?:the\s+)?end\b)",  # ye: "at the end of the year"
    "that": r"(?=\s+(?:day|morning|afternoon|evening|night)\b)",  # ana: "that day"
    # doml "The 30th.", wkd "the weekend", ye "the end of", ana "the same/next/following/
    # previous day", "the day before", holn "the day before Christmas"
    "the": r"(?=\s+(?:\d|weekend|end|same|next|following|previous|day))",
    # mo "in (early|mid|late )?<Month>", ahead "in (the next )?<number> days"
    "in": rf"(?=[\s-]+(?:early|mid|late|{_MONTH_STARTS}|\d|the\s+next|(?i:{_NUMBER_WORDS})))",
}
# ... and a digit or a number word: a year (four digits), a numeric date, a day before its
# month or with its ordinal ("14th"), or so many days, weeks, months, years (iso, num, dmy,
# ago, gap, ana, y); a number word before its unit or "a few hours" (ago, gap, ana).
_DIGIT_NEEDS = (
    rf"(?=\d{{3}}|\d?(?:[./\-–]|st|nd|rd|th|\s*[-–]"
    rf"|\s+(?:and|to|of|{_MONTH_STARTS}|day|week|month|year)))"
)
_NUMBER_NEEDS = r"(?=\s+(?:day|week|fortnight|month|year|(?i:few)))"
_OPENER_NEEDS.update(dict.fromkeys(_NUMBERS, _NUMBER_NEEDS), several=r"(?=\s+[Hh]ours)")


def _openers(text: str, start: int, end: int) -> Iterator[re.Match]:
    """The words starting in text[start:end] that can open a date expression, in order."""
    after, first = _opening()
    if start == 0 and (m := first.match(text, 0, end)):
        yield m
    yield from after.finditer(text, max(start - 1, 0), end)


def _matches(text: str, start: int, end: int) -> Iterator[re.Match]:
    """The matches of `_master()` in text[start:end], as its finditer gives them: only at the
    words that can open an expression, each with the alternatives that can open with it."""
    yield from _match_list(text, [(start, end, end)])


def _match_list(text: str, windows: list[tuple[int, int, int]]) -> list[re.Match]:
    """list(_matches(text, start, end)) of every window (start, end, last) in turn, in one
    loop with the regex of most opening words looked up as the text spells them; none tried
    after `last` (the window's last core: a match holds a core)."""
    after, first = _opening()
    spelled = _regex_by_spelling()
    out = []
    for start, end, last in windows:
        at = start
        # The opening words are looked for up to the end of the word at `last`: one opening
        # there or before ends there at the latest, and no "\b" changes at a cut after a word.
        gap = _NOT_WORD.search(text, last + 1, end)
        stop = gap.start() if gap else end
        words = after.finditer(text, max(start - 1, 0), stop)
        if start == 0 and (m := first.match(text, 0, stop)):
            words = chain((m,), words)
        for word in words:
            pos = word.start("word")
            if pos < at:
                continue
            if pos > last:
                break
            pattern = spelled.get(word["word"]) or _regex_of(word)
            m = pattern.match(text, pos, end)
            if m is not None:
                out.append(m)
                at = m.end()
    return out


_NOT_WORD = re.compile(r"\W")


def _regex_of(word: re.Match) -> re.Pattern[str]:
    """The regex of the alternatives that can open with the opening word `word` (a match of
    _opening()); an odd case fold ("ſix") is tried with every alternative."""
    names = _by_opener().get("0" if word["digit"] else word["word"].casefold())
    return _regex(names) if names else _master()


@cache
def _regex_by_spelling() -> dict[str, re.Pattern[str]]:
    """_regex_of for the usual spellings of the opening words: an ASCII digit, the word in
    lower case and capitalised (each folds to the word itself)."""
    out = {}
    for word, names in _by_opener().items():
        spellings = "0123456789" if word == "0" else (word, word.capitalize())
        for spelling in spellings:
            out[spelling] = _regex(names)
    return out


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").casefold()]


def _day_num(word: str) -> int:
    return int(re.match(r"\d+", word).group())


# Every date expression holds one of these (or a digit): the full regex only runs near them.
_CORES = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "day",
    "week", "month", "year", "Year", "ago", "night", "morning", "afternoon", "evening", "morrow",
    "Christmas", "hours", "Hours", "after", "After", "later", "Later",
)  # fmt: skip
# The capitalised cores by one regex (`re` skips to a capital; none starts inside another, so
# its matches are all their places), the others by str.find (they may overlap: "dayear").
_CAPITAL_CORES = re.compile("|".join(c for c in _CORES if c[0].isupper()))
_LOWER_CORES = tuple(c for c in _CORES if not c[0].isupper())
# r"\d+", opening with a character `re` can skip ahead to: an ASCII digit or any non-ASCII one
# (which the look back then takes only if it is a digit). The class is written as what it is
# not: a range up to U+10FFFF takes `re` milliseconds to compile.
_DIGITS = re.compile(r"[^\x00-/:-\x7f](?<=\d)\d*")
_MAX_SPAN = 3  # a pair or range of days lists each day only up to this many days after the first
_REACH = 25  # no expression starts or ends further than this from its core


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Merged spans around every core word: the only places a date expression can be."""
    return [(w0, w1) for w0, w1, _ in _core_windows(text, start, end)]


def _core_windows(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """`_windows` with where the last core of each starts: an expression holds a core, so
    none opens after it."""
    spots = [m.span() for m in _CAPITAL_CORES.finditer(text, start, end)]
    for core in _LOWER_CORES:
        i = text.find(core, start, end)
        while i != -1:
            spots.append((i, i + len(core)))
            i = text.find(core, i + 1, end)
    spots.extend(m.span() for m in _DIGITS.finditer(text, start, end))
    spots.sort()
    out: list[tuple[int, int, int]] = []
    w0, w1, last = None, -_REACH - 1, 0  # the window being grown (none yet)
    for a, b in spots:
        if a - _REACH <= w1:  # within reach of the window: it grows (w1 <= end already)
            if b + _REACH > w1:
                w1 = min(end, b + _REACH)
            last = a
            continue
        if w0 is not None:
            out.append((w0, w1, last))
        w0, w1, last = max(start, a - _REACH), min(end, b + _REACH), a
    if w0 is not None:
        out.append((w0, w1, last))
    return out


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateExpr]:
    """Every date expression in text[start:end], in order, not overlapping."""
    end = len(text) if end is None else min(end, len(text))
    windows = []
    for w0, w1, last in _core_windows(text, start, end):
        # A window starts mid-text; begin at a word start so no match starts inside a word.
        while w0 > start and (text[w0 - 1].isalnum() or text[w0 - 1] in ".'’"):
            w0 -= 1
        windows.append((w0, w1, last))
    out: list[DateExpr] = []
    for m in _match_list(text, windows):
        expr = _expr(m)
        if expr is not None and (not out or expr.start >= out[-1].end):
            out.append(expr)
    return one_per_day(text, out)


def one_per_day(text: str, exprs: list[DateExpr]) -> list[DateExpr]:
    """The expressions, a weekday right before its date taken with it ("on Tuesday, June
    16": one day named twice, not a Tuesday and a June 16)."""
    out: list[DateExpr] = []
    for expr in exprs:
        if (out and out[-1].kind == "weekday" and not out[-1].modifier
                and expr.kind in ("md", "ymd")
                and _WEEKDAY_THEN_DATE.fullmatch(text, out[-1].end, expr.start)):
            expr = expr._replace(start=out.pop().start)
        out.append(expr)
    return out


_WEEKDAY_THEN_DATE = re.compile(r",?\s")


def dates_by_sentence(
    text: str, sentences: list[tuple[int, int]]
) -> list[tuple[int, int, list[DateExpr]]]:
    """(start, end, expressions) per sentence, from one scan of the whole text."""
    exprs = find_dates(text)
    out, k, n = [], 0, len(exprs)
    nxt = exprs[0].start if exprs else 0
    for lo, hi in sentences:
        if k == n or (nxt >= hi and nxt >= lo):  # most sentences: no expression to look at
            out.append((lo, hi, []))
            continue
        while k < len(exprs) and exprs[k].start < lo:
            k += 1
        mine = []
        while k < len(exprs) and exprs[k].start < hi:
            if exprs[k].end <= hi:
                mine.append(exprs[k])
            k += 1
        out.append((lo, hi, mine))
        nxt = exprs[k].start if k < n else 0
    return out


def _expr(m: re.Match) -> DateExpr | None:  # noqa: C901 - one branch per alternative
    g, alt = m, m.lastgroup  # the alternative's group closes last, after its parts
    s, e = m.start(), m.end()
    if alt == "iso":
        y, mo, d = int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"])
        return DateExpr(s, e, "ymd", y, mo, d) if _valid(y, mo, d) else None
    if alt == "num":
        return _numeric(s, e, int(g["num_a"]), int(g["num_b"]), int(g["num_y"]), g["num_s"])
    if alt == "dm":
        if g["dm_c"]:
            return _day_month(s, e, int(g["dm_c"]), int(g["dm_d"]), "")
        return _day_month(s, e, int(g["dm_a"]), int(g["dm_b"]), "/")
    if alt == "dom":
        mod = g["dom_p"].casefold()
        months = {"last": -1, "next": 1}.get(g["dom_rel"] or "", 0)
        return DateExpr(s, e, "dom", day=int(g["dom_d"]), modifier=mod, offset=months)
    if alt == "doml":
        return DateExpr(s, e, "dom", day=int(g["doml_d"]), modifier="the")
    if alt in ("mdy", "dmy"):
        p = alt
        mo, d = _month(g[p + "_m"]), _day_num(g[p + "_d"])
        y = int(g[p + "_y"]) if g[p + "_y"] else None
        if not _valid(y or 2000, mo, d):
            return None
        last = g[p + "_r"] or g[p + "_a"]
        last = _day_num(last) if last else None
        if last is not None and not (d < last <= d + _MAX_SPAN and _valid(y or 2000, mo, last)):
            last = None  # "December 1-31", "May 5-3": no run of days to list one by one
        return DateExpr(s, e, "ymd" if y else "md", y, mo, d, last=last)
    if alt == "my":
        return DateExpr(s, e, "ym", int(g["my_y"]), _month(g["my_m"]))
    if alt == "mo":
        if g["mo_m"].rstrip(".") in ("May", "Mar", "March") and g["mo_p"].casefold() == "of":
            return None
        mod = g["mo_p"].casefold()
        if g["mo_y"]:
            return DateExpr(s, e, "ym", int(g["mo_y"]), _month(g["mo_m"]), modifier=mod)
        years = {"last": -1, "next": 1}.get(g["mo_r"] or "", 0)
        return DateExpr(s, e, "m", None, _month(g["mo_m"]), modifier=mod, offset=years)
    if alt == "wd":
        mod = (g["wd_p"] or "").casefold() or None
        mod = {"previous": "last", "coming": "next"}.get(mod, mod)
        return DateExpr(s, e, "weekday", weekday=WEEKDAYS.index(g["wd_d"].casefold()),
                        modifier=mod)  # fmt: skip
    if alt == "wkd":
        mod = _spaced(g["wkd_p"].casefold())
        return DateExpr(s, e, "weekend", modifier={"coming": "next"}.get(mod, mod))
    if alt == "wk":
        return DateExpr(s, e, "week", modifier=_spaced(g["wk_p"].casefold()))
    if alt == "mth":
        return DateExpr(s, e, "month", modifier=_spaced(g["mth_p"].casefold()))
    if alt == "ye":
        w = _spaced((g["ye_w"] or "the year").casefold())
        return DateExpr(s, e, "yearend", modifier=w.split()[0] + " " + w.split()[-1])
    if alt == "yr":
        return DateExpr(s, e, "year", modifier=_spaced(g["yr_p"].casefold()))
    if alt == "ago":
        n = g["ago_n"].casefold()
        count = int(n) if n.isdigit() else _NUMBERS[n]
        return DateExpr(s, e, "ago", modifier=g["ago_u"].casefold(), offset=count)
    if alt == "ana" and g["aft_w"]:
        if g["aft_n"] is None:
            return DateExpr(s, e, "anaphor", offset=0)  # "hours earlier": the same day
        n = g["aft_n"].casefold()
        count = (int(n) if n.isdigit() else _NUMBERS[n]) * (7 if g["aft_u"] == "week" else 1)
        return DateExpr(s, e, "anaphor", offset=count if g["aft_w"] == "later" else -count)
    if alt == "gap":
        n = g["gap_n"].casefold()
        count = (int(n) if n.isdigit() else _NUMBERS[n]) * (7 if g["gap_u"] == "week" else 1)
        return DateExpr(s, e, "gap", offset=-count)
    if alt == "ahead":
        n = g["ahead_n"].casefold()
        count = int(n) if n.isdigit() else _NUMBERS[n]
        return DateExpr(s, e, "ahead", modifier=g["ahead_u"].casefold(), offset=count)
    if alt == "rel":
        w = g["rel_w"].casefold()
        off = -1 if w == "yesterday" or w.startswith("last") else 1 if w == "tomorrow" else 0
        # "overnight" in a dispatch: the night into its day (events.py: unless the sentence
        # names a day of its own, "overnight into Sunday")
        return DateExpr(s, e, "rel", offset=off, modifier="overnight" if w == "overnight" else None)
    if alt == "same":
        mod = "day" if g["same_d"] else "last"  # "last": only after a date of the article
        return DateExpr(s, e, "anaphor", modifier=mod, offset=0)
    if alt == "ana":
        w = _spaced(g["ana_w"].casefold())
        off = 1 if ("next" in w or "following" in w) else 0
        off = -1 if ("before" in w or "previous" in w) else off
        return DateExpr(s, e, "anaphor", offset=off)
    if alt == "hol":
        key = _spaced(g["hol_w"].casefold())
        mo, d = HOLIDAYS[key]
        after = _AFTER_BEFORE.search(m.string, max(0, s - 20), s)  # "immediately after Christmas"
        return DateExpr(s, e, "holiday", None, mo, d, modifier="after" if after else None)
    if alt == "holn":
        mo, d = HOLIDAYS[_spaced(g["holn_w"].casefold())]
        near = date(2023, mo, d) + timedelta(days=-1 if g["holn_d"] == "before" else 1)
        return DateExpr(s, e, "holiday", None, near.month, near.day)
    if alt == "y":
        return DateExpr(s, e, "y", int(g["y_y"]))
    return None


# "after" right before a holiday, not a day counted from it ("the Sunday after Christmas",
# "two days after Christmas" name a day of their own).
_AFTER_BEFORE = re.compile(r"(?<!day )(?<!days )(?<!week )(?<!weeks )\bafter\s+$")


def _spaced(words: str) -> str:
    """re.sub(r"\\s+", " ", words) for words that neither start nor end with a space (regex
    and str agree on what a space is: tests/test_extract_words.py)."""
    return " ".join(words.split())


def _valid(y: int, mo: int, d: int) -> bool:
    return 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]


def _numeric(s: int, e: int, a: int, b: int, y: int, sep: str) -> DateExpr | None:
    """A numeric date a<sep>b<sep>y, read day first: Europe, Ukraine and Russia write day first,
    and with dots or dashes always. With slashes, a reading that only works month first
    ("12/15/2025") is taken month first; when both readings are valid and differ
    ("3/12/2025") the expression is marked "swap" and resolve() takes the reading nearer the
    publication date (day first when that is unknown or a tie)."""
    if sep == "/" and not _valid(y, b, a) and _valid(y, a, b):
        return DateExpr(s, e, "ymd", y, a, b)
    if not _valid(y, b, a):
        return None
    swap = sep == "/" and a != b and _valid(y, a, b)
    return DateExpr(s, e, "ymd", y, b, a, modifier="swap" if swap else None)


def _day_month(s: int, e: int, a: int, b: int, sep: str) -> DateExpr | None:
    """A yearless numeric date, day first as in _numeric; a slash date valid only month first
    ("12/16") is read month first. Any year will do to check it: 29 February is kept."""
    if sep == "/" and not _valid(2024, b, a) and _valid(2024, a, b):
        a, b = b, a
    return DateExpr(s, e, "md", None, b, a) if _valid(2024, b, a) else None


# --- tense ---------------------------------------------------------------------------------------

# News writes a scheduled happening in the present ("the summit opens on Thursday", "the
# council meets on the 22nd"): these verbs, which are never nouns, look ahead like "will"...
_FUTURE_ALONE = (
    "will", "won't", "won’t", "shall", "expected", "expects", "scheduled", "upcoming", "intend",
    "intends", "aim", "aims", "hope", "hopes", "meets", "opens", "begins", "convenes", "travels",
    "arrives", "resumes", "gathers", "hoping", "would", "next", "later", "could", "may", "might",
    "possibly", "pencilled", "penciled", "slated",  # ("talks were pencilled in for Saturday")
)  # fmt: skip
# "is due in The Hague on Tuesday", "the report is due Friday": due anywhere but "due to" (a
# cause: "due to the strikes"), which _FUTURE_BEFORE_TO reads
_DUE = r"(?!\s+to\b)"
# ... and after a plural subject ("EU leaders gather on Thursday", "they meet on Friday").
_FUTURE_AFTER_PLURAL = (
    "gather", "meet", "convene", "reconvene", "open", "begin", "travel", "arrive", "resume",
)  # fmt: skip
_FUTURE_BEFORE_TO = (
    "plan", "plans", "planning", "planned", "set", "due", "going", "is", "are", "was", "were",
    "about", "ready", "prepare", "prepares", "preparing", "prepared", "willing", "agreed",
    "promised", "pledged", "vowed", "offered", "threatened",
)  # fmt: skip


def _future_words() -> str:
    """The words that look ahead, as one trie: `re` tests each letter once. No two of them
    match at one place, so their order never mattered."""
    words = [list(w) for w in _FUTURE_ALONE]
    words += [
        [*w, rf"(?:(?<=s\s{w})|(?<=they\s{w})|(?<=we\s{w}))"] for w in _FUTURE_AFTER_PLURAL
    ]
    words += [[*w, r"\s+to\b(?!\s+(?:the|a|an|his|her|its|their)\b)"] for w in _FUTURE_BEFORE_TO]
    words.append([*"due", _DUE])
    return "(?:" + trie_pattern(words) + ")"


_FUTURE_WORDS = _future_words()


@cache
def _future() -> re.Pattern[str]:
    """The future markers in any case (only a clause with "ı", "ſ" or "İ" needs it)."""
    return re.compile(rf"\b{_FUTURE_WORDS}\b|['’]ll\b", re.IGNORECASE)


# The same two parts for lower-cased text, case-sensitive: each word is found from the
# non-word character before it (what "\b" asked), so `re` skips from one such character to
# the next instead of trying the whole list at every position.
_FUTURE_WORD_LOW = re.compile(rf"\W{_FUTURE_WORDS}\b")
_FUTURE_LL_LOW = re.compile(r"['’]ll\b")
_PAST_IRREGULAR = frozenset(
    """said told was were had did met spoke made held gave took went came saw began sent left
    won lost got brought thought wrote ran struck flew rang sat stood led sought
    called felt kept paid heard meant became broke chose drove fell fought found forgot froze
    grew hid hit hung knew laid lay lit rode rose shot shut sold sang sank slept spent spun
    swore threw understood woke wore used""".split()
)
_NOT_PAST = frozenset(
    """need needed indeed united speed feed seed proceed exceed succeed bed red shed hundred
    based alleged expected scheduled planned proposed so-called detailed limited advanced
    concerned""".split()
)
_WORD = re.compile(r"[A-Za-z’'-]+")
# Where a clause breaks: r"[,;:()“”\"—–]|\s-\s|\bbut\b|\bwhile\b|\bwhich\b|\bwho\b|\bwhere\b",
# as two regexes whose matches never overlap (marks are no letters), each opening with a
# character `re` skips ahead to instead of trying every alternative at every position.
_CLAUSE_MARK = re.compile(r"[,;:()“”\"—–\s](?:(?<!\s)|-\s)")  # a space only before "- "
_CLAUSE_WORD = re.compile(r"b(?<!\wb)ut\b|w(?<!\ww)(?:hile|hich|ho|here)\b")  # "\b" as a look back


def clause_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause of text[lo:hi] holding text[start:end]: between clause punctuation."""
    left = lo
    a = max(lo, start - 160)
    for m in _CLAUSE_MARK.finditer(text, a, start):
        left = m.end()
    for m in _CLAUSE_WORD.finditer(text, a, start):
        left = max(left, m.end())
    right, stop = hi, min(hi, end + 160)
    m = _CLAUSE_MARK.search(text, end, stop)
    if m:
        right = stop = m.start()
    m = _CLAUSE_WORD.search(text, end, stop)  # a word before the mark ends before it
    if m:
        right = m.start()
    return left, right


def tense_at(text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """'past', 'future' or None for the date expression text[start:end] in sentence [lo, hi).

    The verb nearest to the expression inside its clause decides; words like "expected",
    "will", "plans" mark the future, "said", "met" or a regular -ed form mark the past. A
    clause without a verb ("For most of Sunday, the talks went nowhere") takes the tense of
    the nearest verb in its sentence.
    """
    c0, c1 = clause_bounds(text, start, end, lo, hi)
    if text.startswith(" ", end) and (_PARTICIPLE_VERB.match(text, end, c1) or (
        (verb := _NEXT_WORD.match(text, end, c1)) and _is_past_word(verb[1])
    )):  # "The Commission on Friday proposed a package" (a verb, not "the proposed package"),
        return "past"  # "EU leaders early Friday agreed to lend": the day's own verb
    if _FUTURE_RELATIVE.match(text, end, hi):  # "ahead of an EU summit on Thursday at which
        return "future"  # leaders will try to agree": what the day holds is still to come
    if text.find("had been", c0, start) != -1 and _HAD_BEEN_PLANNED.search(text, c0, start):
        return "past"  # "The round had been pencilled in for Sunday but was pushed back"
    # "told parliament on Wednesday that he would ...", "Asked on Wednesday whether Europe
    # would be ...": a verb before the date, in the main clause, decides; "would" belongs to
    # the reported speech or the question after "that" or "whether".
    that = _THAT.search(text, end, c1)
    if that and (main := _nearest_tense(text, start, end, c0, that.start())):
        return main
    # "had phoned her on Monday evening and would visit ...": a date ends its predicate; the
    # verb after "and" opens the next one, so a verb before the date decides.
    if (and_ := _AND_AFTER.match(text, end, c1)) and (
        main := _nearest_tense(text, start, end, c0, and_.start())
    ):
        return main
    return _nearest_tense(text, start, end, c0, c1) or (
        _nearest_tense(text, start, end, lo, hi) if (c0, c1) != (lo, hi) else None
    )


_THAT = re.compile(r"\b(?:that|whether)\b")
_HAD_BEEN_PLANNED = re.compile(
    r"\bhad\s+been\s+(?:scheduled|pencill?ed|slated|planned|expected|set|due)\b")
_NEXT_WORD = re.compile(r" ([a-z]+)\b")


def _is_past_word(word: str) -> bool:
    """Whether a lower-case word is a past form (as the tense markers read one)."""
    return word in _PAST_IRREGULAR or (
        len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST)
# A relative clause after the date that puts what it holds ahead: "at which leaders will".
_FUTURE_RELATIVE = re.compile(
    r",?\s+(?:at|during|in|on)?\s*(?:which|where|when)\s+[^.,;:!?]{0,40}?"
    r"\b(?:will|(?:is|are)\s+(?:due|expected|set|scheduled))\b")
# A word _NOT_PAST holds for its use as an adjective, right after the date and before its
# object: a verb in the past ("on Friday proposed a 20th package").
_PARTICIPLE_VERB = re.compile(
    r"\s+(?:proposed|planned|scheduled|detailed|limited|advanced|alleged)\s+"
    r"(?:a|an|the|to|that|its|their|his|her|new|further|more)\b")
_AND_AFTER = re.compile(r",?\s+and\s")


def _nearest_tense(text: str, start: int, end: int, c0: int, c1: int) -> str | None:
    """The tense of the tense marker in text[c0:c1] nearest to text[start:end], if any."""
    best, tense = None, None
    futures, pasts = _marker_spans(text, c0, c1)
    for spans, kind in ((futures, "future"), (pasts, "past")):
        for s0, s1 in spans:
            if s0 < end and s1 > start:
                continue  # inside the expression itself ("next weekend")
            dist = start - s1 if s1 <= start else s0 - end
            if best is None or dist < best:  # at the same distance the future (first) wins
                best, tense = dist, kind
    return tense


def _future_spans(text: str, c0: int, c1: int) -> list[tuple[int, int]]:
    """The spans of _future().finditer(text, c0, c1), found in the lower-cased slice.

    Lower case matches as IGNORECASE does but for "ı" and "ſ" (which it takes for "i" and
    "s") and "İ" (which lowers to two characters): those slices take the slow way."""
    b = max(0, c0 - 5)  # the longest look back ("they ") and the character before a word
    seg = text[b:c1]
    low = (" " + seg).lower()  # a space stands for the start of the text; low[i] is text[i+b-1]
    if len(low) != len(seg) + 1 or "ı" in seg or "ſ" in seg:
        return [m.span() for m in _future().finditer(text, c0, c1)]
    spans = [(m.start() + b, m.end() + b - 1) for m in _FUTURE_WORD_LOW.finditer(low, c0 - b)]
    ll = _FUTURE_LL_LOW.finditer(low, c0 - b + 1)
    spans += [(m.start() + b - 1, m.end() + b - 1) for m in ll]
    return spans


def _case_blind(word: str) -> list[str]:
    """`word`'s letters as regex atoms of either ASCII case (no IGNORECASE: "ſ" is no "s")."""
    return [f"[{c}{c.upper()}]" for c in word]


# A word of _WORD that may be past: it ends in "ed" or is an irregular past, in any case; found
# from the character before it, which no word holds (so `re` skips from one to the next). The
# whole word is taken at once and then asked for its "ed" (no backtracking through it).
_PAST_CANDIDATE = re.compile(
    r"[^A-Za-z’'-](?:[A-Za-z’'-]++(?<=[eE][dD])|"
    + trie_pattern(_case_blind(w) for w in sorted(_PAST_IRREGULAR))
    + r"(?![A-Za-z’'-]))"
)


def _past_spans(text: str, c0: int, c1: int) -> list[tuple[int, int]]:
    """The spans of the words of _WORD.finditer(text, c0, c1) that mark the past."""
    seg = " " + text[c0:c1]  # a word at c0 starts there, whatever stands before it
    out = []
    for m in _PAST_CANDIDATE.finditer(seg):
        word = m.group()[1:]
        w = word.casefold()
        s0, e0 = m.start() + c0, m.end() + c0 - 1
        if _marks_past(text, w, s0, e0, c0):
            out.append((s0, e0))
    return out


def _marks_past(text: str, w: str, s0: int, e0: int, c0: int) -> bool:
    """Whether the word text[s0:e0] (`w`, in lower case) of the clause from `c0` marks the
    past: a past form, capitalised only if irregular or opening its clause as a verb, and no
    participle before "by" ("a delegation led by Umerov") or after "be" ("the first payment
    can be made in April": still to come)."""
    return _is_past_word(w) and (
        w in _PAST_IRREGULAR or not text[s0].isupper() or _opens_clause(text, s0, e0, c0)
    ) and not text.startswith(" by ", e0) and not text.endswith("be ", 0, s0)


def _opens_clause(text: str, s0: int, e0: int, c0: int) -> bool:
    """Whether a capitalised word text[s0:e0] opens its clause as a verb ("Asked on Wednesday
    whether ...", "Reached by phone"): first in the clause, a lower-case word right after."""
    return s0 == c0 and _LOWER_NEXT.match(text, e0) is not None


_LOWER_NEXT = re.compile(r" [a-z]")


# _PAST_CANDIDATE for lower-cased text: `re` tries plain letters quicker than classes of two.
_PAST_CANDIDATE_LOW = re.compile(
    r"[^a-z’'-](?:[a-z’'-]++(?<=ed)|" + trie_pattern(sorted(_PAST_IRREGULAR)) + r"(?![a-z’'-]))"
)
_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz’'-")  # what _PAST_CANDIDATE_LOW's words hold


def _marker_spans(text: str, c0: int, c1: int) -> tuple[list, list]:
    """(_future_spans, _past_spans) of text[c0:c1], from one lower-cased slice.

    Lower case keeps every ASCII letter's place and makes none of another character but
    "\u212a" (the Kelvin sign "K", which the past words' ASCII classes do not take) and "İ" (two
    characters): those slices, and one whose first word runs on from before `c0` (which the
    past scan reads from `c0`), take the slow way, as do those _future_spans sends there."""
    b = max(0, c0 - 5)  # as in _future_spans
    seg = text[b:c1]
    low = (" " + seg).lower()  # low[i] is text[i+b-1]
    at = c0 - b  # the character before `c0`
    if (
        len(low) != len(seg) + 1 or "ı" in seg or "ſ" in seg or "\u212a" in seg
        or (low[at] in _RUN_CHARS and low[at + 1 : at + 2] in _RUN_CHARS)
    ):
        return _future_spans(text, c0, c1), _past_spans(text, c0, c1)
    futures = [(m.start() + b, m.end() + b - 1) for m in _FUTURE_WORD_LOW.finditer(low, at)]
    futures += [(m.start() + b - 1, m.end() + b - 1) for m in _FUTURE_LL_LOW.finditer(low, at + 1)]
    pasts = []
    for m in _PAST_CANDIDATE_LOW.finditer(low, at):
        s0, e0 = m.start() + b, m.end() + b - 1
        if _marks_past(text, m.group()[1:], s0, e0, c0):
            pasts.append((s0, e0))
    return futures, pasts


# --- resolution ----------------------------------------------------------------------------------


class Resolved(NamedTuple):
    """The date an expression names (a named tuple, as DateExpr is)."""

    date: str | None
    precision: str  # day | month | year | unknown
    basis: str  # stated | relative | inferred
    day: date | None = None  # the day, when precision is day (for "that evening" after it)


UNKNOWN = Resolved(None, "unknown", "relative")


def _nearest_year(pub: date, month: int, day: int, tense: str | None) -> date:
    """The occurrence of month/day nearest to `pub`, preferring the side the tense says."""
    cands = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        d = min(day, calendar.monthrange(y, month)[1])
        cands.append(date(y, month, d))
    if tense == "past":
        side = [c for c in cands if c <= pub and (pub - c).days <= 200]
    elif tense == "future":
        side = [c for c in cands if c >= pub and (c - pub).days <= 200]
    else:
        side = []
    return min(side or cands, key=lambda c: abs((c - pub).days))


def _day_of_month(pub: date, day: int, tense: str | None) -> date:
    """The day `day` of the publication month or one near it: past → the latest on or before
    `pub`, future → the first on or after it, else the nearest (ties: the past)."""
    cands = []
    for shift in (-2, -1, 0, 1, 2):  # two months each way: a 31st may skip a month
        y, mo = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
        if _valid(y, mo + 1, day):
            cands.append(date(y, mo + 1, day))
    if tense == "past":
        side = [c for c in cands if c <= pub]
    elif tense == "future":
        side = [c for c in cands if c >= pub]
    else:
        side = []
    return min(side or cands, key=lambda c: (abs((c - pub).days), c > pub))


def future_in_clause(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether the clause of text[start:end] (in sentence [lo, hi)) looks ahead anywhere:
    "would be held in two weeks" is future whatever verb stands nearest."""
    c0, c1 = clause_bounds(text, start, end, lo, hi)
    return bool(_future_spans(text, c0, c1))


def tense_after(text: str, end: int, lo: int, hi: int) -> str | None:
    """The tense of the rest of the clause after text[end] ("two days after the envoys met":
    past; "... after the summit ends": none; "... after leaders meet": future)."""
    return _nearest_tense(text, end, end, end, clause_bounds(text, end, end, lo, hi)[1])


def _month_of(pub: date, month: int, tense: str | None, modifier: str | None) -> tuple[int, int]:
    cands = [(y, month) for y in (pub.year - 1, pub.year, pub.year + 1)]

    def dist(c):
        return (c[0] - pub.year) * 12 + c[1] - pub.month

    if modifier == "last":
        side = [c for c in cands if dist(c) < 0]
    elif modifier == "next":
        side = [c for c in cands if dist(c) > 0]
    elif modifier in ("since", "after") or tense == "past":
        side = [c for c in cands if -9 <= dist(c) <= 0]
    elif modifier in ("by", "until", "till", "before") or tense == "future":
        side = [c for c in cands if 0 <= dist(c) <= 9]
    else:
        side = []
    return min(side or cands, key=lambda c: abs(dist(c)))


def weekday_date(pub: date, weekday: int, tense: str | None, modifier: str | None) -> date:
    """The day a weekday names, seen from `pub`: past → on/before, future → on/after."""
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if modifier == "last":
        return pub - timedelta(days=back or 7)
    if modifier == "next":  # (tomorrow is "tomorrow": "next Sunday", said on a Saturday,
        return pub + timedelta(days=ahead if ahead > 1 else ahead + 7)  # is the one after)
    if tense == "past":
        return pub - timedelta(days=back)
    if tense == "future":
        return pub + timedelta(days=ahead)
    return pub - timedelta(days=back) if back <= ahead else pub + timedelta(days=ahead)


def _saturday(pub: date, past: bool) -> date:
    """The Saturday of the weekend before (past) or after (future) `pub`."""
    if past:
        back = (pub.weekday() - 5) % 7
        if pub.weekday() == 5:
            back = 7
        return pub - timedelta(days=back)
    ahead = (5 - pub.weekday()) % 7
    if pub.weekday() >= 5:
        ahead = ahead or 7
    return pub + timedelta(days=ahead)


def _on(d: date, basis: str) -> Resolved:
    return Resolved(d.isoformat(), "day", basis, d)


def _month_end(year: int, month: int) -> Resolved:
    """"By the end of January": a time in that month, of month precision, not its last day
    (readers of the held-out sets date it so two times in three: pooled events +17)."""
    return Resolved(f"{year:04d}-{month:02d}", "month", "stated")


def resolve(  # noqa: C901 - one branch per kind of expression
    expr: DateExpr, published: date | None, tense: str | None, previous: date | None = None
) -> Resolved:
    """The date an expression names, given the publication date and the clause's tense.

    `previous` is the last day-precise date before it in the article ("that evening").
    """
    k = expr.kind
    if k == "ymd":
        day = date(expr.year, expr.month, expr.day)
        if expr.modifier == "swap" and published is not None:
            other = date(expr.year, expr.day, expr.month)
            if abs((other - published).days) < abs((day - published).days):
                day = other
        return _on(day, "stated")
    if k == "ym":
        if expr.modifier == "end of":
            return _month_end(expr.year, expr.month)
        return Resolved(f"{expr.year:04d}-{expr.month:02d}", "month", "stated")
    if k == "y":
        return Resolved(f"{expr.year:04d}", "year", "stated")
    if k == "anaphor":
        if previous is None and expr.modifier == "day" and published is not None:
            return _on(published, "relative")  # "earlier in the day": the day of publication
        if previous is None:
            return UNKNOWN
        return _on(previous + timedelta(days=expr.offset), "relative")
    if published is None:
        return UNKNOWN
    pub = published
    if k == "md":
        return _on(_nearest_year(pub, expr.month, expr.day, tense), "stated")
    if k == "dom":
        if expr.offset:  # "the 28th of last month": the month before the publication's
            y, mo = divmod(pub.year * 12 + pub.month - 1 + expr.offset, 12)
            if _valid(y, mo + 1, expr.day):
                return _on(date(y, mo + 1, expr.day), "relative")
        if previous is not None and abs((previous - pub).days) <= 31:
            # "on the 22nd" after "on 18th and 19th December": the month of the dates around it
            y, mo = previous.year, previous.month
            if _valid(y, mo, expr.day):
                return _on(date(y, mo, expr.day), "relative")
        if tense is None and expr.modifier in ("by", "until", "till", "before"):
            tense = "future"
        return _on(_day_of_month(pub, expr.day, tense), "relative")
    if k == "ahead":
        n = expr.offset
        if expr.modifier == "month":
            y, mo = divmod(pub.year * 12 + pub.month - 1 + n, 12)
            return Resolved(f"{y:04d}-{mo + 1:02d}", "month", "relative")
        return _on(pub + timedelta(days=n * _UNIT_DAYS[expr.modifier]), "relative")
    if k == "holiday":
        t = "future" if tense is None else tense
        day = _nearest_year(pub, expr.month, expr.day, t)
        if expr.modifier == "after":  # some day after it, in its month as far as is said
            return Resolved(f"{day.year:04d}-{day.month:02d}", "month", "relative")
        return _on(day, "stated")
    if k == "m":
        y, mo = (pub.year + expr.offset, expr.month) if expr.offset else _month_of(
            pub, expr.month, tense, expr.modifier)  # ("in June last year": the year before)
        if expr.modifier == "end of":
            return _month_end(y, mo)
        return Resolved(f"{y:04d}-{mo:02d}", "month", "stated")
    if k == "weekday":
        return _on(weekday_date(pub, expr.weekday, tense, expr.modifier), "relative")
    if k == "weekend":
        mod = expr.modifier
        past = mod == "last" or (mod == "over the" and tense != "future") or (
            mod in ("this", "the") and tense == "past")  # ("is expected to meet ... over the
        # weekend": the coming one)
        day = _saturday(pub, past)
        if mod == "last" and pub.weekday() == 6:
            day -= timedelta(days=7)  # on a Sunday, "last weekend" is not the one it ends
        return _on(day, "relative")
    if k == "rel":
        return _on(pub + timedelta(days=expr.offset), "relative")
    if k == "gap":  # "two days after the envoys met": `published` is the sentence's day
        return UNKNOWN if tense == "future" else _on(pub + timedelta(days=expr.offset), "relative")
    if k == "month":
        shift = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(expr.modifier, 0)
        y, mo = divmod(pub.year * 12 + pub.month - 1 + shift, 12)
        return Resolved(f"{y:04d}-{mo + 1:02d}", "month", "relative")
    if k == "year":
        shift = {"last": -1, "next": 1}.get(expr.modifier, 0)
        return Resolved(f"{pub.year + shift:04d}", "year", "relative")
    if k == "yearend":
        mod = expr.modifier or "the year"
        if mod.endswith("month"):
            last = calendar.monthrange(pub.year, pub.month)[1]
            return _on(date(pub.year, pub.month, last), "relative")
        y = pub.year + (1 if mod.startswith("next") else 0)
        return _on(date(y, 12, 31), "relative")
    if k == "ago":
        n = expr.offset
        if expr.modifier in _UNIT_DAYS:  # ("a fortnight ago": fourteen days)
            return _on(pub - timedelta(days=n * _UNIT_DAYS[expr.modifier]), "relative")
        if expr.modifier == "month":
            y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
            return Resolved(f"{y:04d}-{mo + 1:02d}", "month", "relative")
        return Resolved(f"{pub.year - n:04d}", "year", "relative")
    if k == "week":
        return _week_month(pub, expr.modifier)
    return UNKNOWN


_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}


def _week_month(pub: date, modifier: str | None) -> Resolved:
    """"last week", "later this week", "next week" name no single day, but a month: the one
    that holds most of the week (Monday to Sunday), as its Thursday does."""
    shift = {"last": -7, "previous": -7, "next": 7, "coming": 7}.get(modifier or "", 0)
    thursday = pub - timedelta(days=pub.weekday() - shift) + timedelta(days=3)
    return Resolved(f"{thursday.year:04d}-{thursday.month:02d}", "month", "relative")


# --- parsing stated dates and inferring publication ----------------------------------------------

_STAMP = re.compile(
    rf"(?P<iso>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
    rf"|(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:\s*,\s*|\s+)(?P<y1>{_YEAR})"
    rf"|(?P<d2>{_DAY})\.?\s+(?P<m2>{_MONTH})(?:\s*,\s*|\s+)(?P<y2>{_YEAR})"  # ("19. Dec 2025")
    rf"|(?P<y3>{_YEAR})/(?P<m3>[01]?\d)/(?P<d3>[0-3]?\d)"
    rf"|(?<!\d)(?P<a4>[0-3]?\d)(?P<s4>[./-])(?P<b4>[0-3]?\d)(?P=s4)(?P<y4>{_YEAR})(?!\d)"
    # a stamp's two-digit year: "01/21/26 6:15 PM ET"
    r"|(?<![\d./])(?P<a5>[0-3]?\d)(?P<s5>[./])(?P<b5>[0-3]?\d)(?P=s5)(?P<y5>\d\d)(?![\d./])",
)


def parse_date(value: str) -> date | None:
    """A calendar date from a metadata value: '2025-12-16 00:09:00', 'Dec. 28, 2025', ...
    (an ambiguous slash date day first: see `date_readings`)."""
    readings = date_readings(value)
    return readings[0] if readings else None


def date_readings(value: str) -> tuple[date, ...]:
    """The calendar dates a metadata value can mean: one, none, or for a slash date valid
    both ways ("12/05/2025") the day-first and the month-first reading, in that order."""
    if not isinstance(value, str):
        return ()
    m = _STAMP.search(value)
    if not m:
        return ()
    if m["a5"]:  # a two-digit year is this century's
        m = _STAMP.fullmatch(f'{m["a5"]}{m["s5"]}{m["b5"]}{m["s5"]}20{m["y5"]}')
    if m["a4"] and m["s4"] == "/":
        e = _numeric(0, 0, int(m["a4"]), int(m["b4"]), int(m["y4"]), "/")
        if e is None:
            return ()
        first = date(e.year, e.month, e.day)
        return (first, date(e.year, e.day, e.month)) if e.modifier == "swap" else (first,)
    day = _parse_stamp(m)
    return (day,) if day else ()


def _parse_stamp(m: re.Match) -> date | None:
    try:
        if m["iso"]:
            return date(int(m["iso"]), int(m["m"]), int(m["d"]))
        if m["m1"]:
            return date(int(m["y1"]), _month(m["m1"]), _day_num(m["d1"]))
        if m["m2"]:
            return date(int(m["y2"]), _month(m["m2"]), _day_num(m["d2"]))
        if m["y3"]:
            return date(int(m["y3"]), int(m["m3"]), int(m["d3"]))
        e = _numeric(0, 0, int(m["a4"]), int(m["b4"]), int(m["y4"]), m["s4"])
        return date(e.year, e.month, e.day) if e else None
    except ValueError:
        return None


def agreeing_reading(readings: tuple[date, ...], text: str) -> date | None:
    """The one reading of an ambiguous date line that the article's own calendar dates
    ("on Dec. 4", "12 December 2025") fall within a month of, or None when none or both do."""
    stated = [e for e in find_dates(text) if e.kind in ("ymd", "md")]

    def agrees(d: date) -> bool:
        for e in stated:
            if e.year:
                when = date(e.year, e.month, e.day)
            else:
                when = _nearest_year(d, e.month, e.day, None)
            if abs((when - d).days) <= 31:
                return True
        return False

    near = [d for d in readings if agrees(d)]
    return near[0] if len(near) == 1 else None


_DATELINE = re.compile(
    # ("Miami [US], December 21 (ANI):", as Indian wires write it)
    rf"^[ \t]*(?:[A-Z][A-Za-z.'’/ -]{{1,40}}(?:\s*\[[A-Za-z. ]{{2,20}}\])?,\s*)?"
    rf"(?:[A-Z][A-Za-z.'’ -]{{1,30}},\s*)?"
    rf"(?:(?P<m>{_MONTH})\s+(?P<d>{_DAY})|(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}))"  # ("Abu Dhabi,
    rf"(?:,?\s+(?P<y>{_YEAR}))?\.?\s*"  # 05 Feb 2026 (Lusa) -")
    rf"(?:\((?:Reuters|AP|AFP|Bloomberg|dpa|UPI|IANS|PTI|ANI|Xinhua|TASS|Interfax)\):?\s*)?"
    rf"(?:[-–—|•]|/|\(|$|(?<=:\s)|(?<=:))",
    re.MULTILINE,
)
_WEEKDAY_NAME = re.compile(_WEEKDAY)


def dateline(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a dateline opening one of the first paragraphs."""
    found = dateline_match(text)
    return found[0] if found else None


def dateline_match(text: str) -> tuple[tuple[int | None, int, int], int, int] | None:
    """The dateline's (year or None, month, day) and its span in `text`, from the start of
    its line (a place, or a weekday as in "Aired Thursday, Dec. 18 |") to the date's end."""
    for m in _DATELINE.finditer(text[:1500]):
        try:
            y = int(m["y"]) if m["y"] else None
            mo, d = _month(m["m"] or m["m2"]), _day_num(m["d"] or m["d2"])
            if _valid(y or 2000, mo, d):
                start = m.start() + len(m[0]) - len(m[0].lstrip(" \t"))
                return (y, mo, d), start, m.end("y") if m["y"] else m.end(
                    "d" if m["d"] else "m2")
        except (KeyError, ValueError):
            continue
    return None


def _anchor(corpus_dates: list[date]) -> date | None:
    if not corpus_dates:
        return None
    ds = sorted(corpus_dates)
    return ds[(len(ds) - 1) // 2]


class CorpusDates(list):
    """The corpus dates with their anchor (the median) worked out once: a build infers the
    dates of thousands of articles against the same list."""

    def __init__(self, dates) -> None:
        super().__init__(d for d in dates if isinstance(d, date))
        self.anchor = _anchor(self)


def date_mentions(
    text: str, by_sentence: list[tuple[int, int, list[DateExpr]]] | None = None
) -> list[tuple[DateExpr, str | None]]:
    """(expression, tense) for every date expression, tense judged within its sentence for
    the expressions whose tense the inference reads (`tense_read`), None for the others.

    `by_sentence` (dates_by_sentence over the text's sentences) saves scanning it again."""
    if by_sentence is None:
        from store.extract.sentences import split_sentences

        by_sentence = dates_by_sentence(text, split_sentences(text))
    out = []
    for lo, hi, exprs in by_sentence:
        for ex in exprs:
            tense = tense_at(text, ex.start, ex.end, lo, hi) if tense_read(ex) else None
            out.append((ex, tense))
    return out


def with_captions(mentions: list | None, captions: tuple[str, ...]) -> list | None:
    """An undated article's date mentions with the calendar days its photo captions write
    ("... at the start of talks in Abu Dhabi on Feb. 4. (Photo: ...)"; the cleaner takes the
    captions off), of no tense: a photo is taken on or before its story's day, and a day
    well before the other articles' may be the story's own. Only publication is inferred
    from them (their places in the text are none, and they date no happening)."""
    shot = [(e._replace(start=0, end=0), None) for c in captions for e in find_dates(c)
            if e.kind in ("md", "ymd")]
    return [*(mentions or ()), *shot] if shot else mentions


def tense_read(expr: DateExpr) -> bool:
    """Whether dating an undated article reads the tense of `expr`: a calendar day (`_cost`)
    or a plain weekday (`_cost`, store.extract.sameday.pins). Judging a tense is the dearest
    step of a mention, and half of them are of other kinds."""
    return expr.kind in ("ymd", "md") or (expr.kind == "weekday" and expr.modifier is None)


def infer_published(
    text: str,
    corpus_dates: list[date],
    mentions: list[tuple[DateExpr, str | None]] | None = None,
    pinned: list[tuple[date, date]] = (),
) -> tuple[str | None, str | None]:
    """A publication date for an article that states none: (YYYY-MM-DD, 'inferred') or (None, None).

    A dateline wins (its year from context if missing). An article without a single date word
    stays undated: the other articles' dates alone say nothing about its day. Otherwise it is
    taken to be published as soon after the happenings it reports as their wording allows: the
    day P near the corpus dates (the other articles about the same talks) for which past
    weekdays and explicit dates lie just before P, future ones just after, so "said on
    Tuesday" resolves to the latest Tuesday and "expected to dine Monday night" to the same
    day. `pinned`: the spans of days (first, last) publication lies in, from the days other
    articles give the happenings it reports (store.extract.sameday.pins).
    """
    try:
        if not isinstance(corpus_dates, CorpusDates):
            corpus_dates = CorpusDates(corpus_dates)
        return _infer(text, corpus_dates, mentions, pinned)
    except (ValueError, OverflowError):
        return None, None


def _infer(text: str, corpus_dates: CorpusDates, mentions, pinned=()
           ) -> tuple[str | None, str | None]:
    anchor = corpus_dates.anchor
    if mentions is None:
        mentions = date_mentions(text)
    full = [date(e.year, e.month, e.day) for e, _ in mentions if e.kind == "ymd"]
    found = dateline_match(text)
    if found:
        (y, mo, d), start, end = found
        if y is None:
            ref = anchor or (max(full) if full else None)
            if ref is None:
                return None, None
            y = _year_of_dateline(ref, mo, d, _WEEKDAY_NAME.search(text, start, end))
        if _valid(y, mo, d):
            return date(y, mo, d).isoformat(), "inferred"
    if not mentions:
        return None, None  # nothing in the text ties it to a day: unknown, not a guess
    ref = anchor or (max(full) if full else None)
    for e, _ in mentions:  # "on Radio 4 this morning, Wednesday 11 February": today, stated
        if e.kind in ("md", "ymd") and (ref or e.year) and (
            today := _TODAY_IS.search(text, max(0, e.start - 40), e.start)
        ):
            y = e.year or _year_of_dateline(ref, e.month, e.day, _WEEKDAY_NAME.search(today[0]))
            if _valid(y, e.month, e.day):
                return date(y, e.month, e.day).isoformat(), "inferred"
    if anchor is None:
        recent = [d for d in full if d.year >= 1990]
        if not recent:
            return None, None
        anchor = max(recent)
        corpus_weight = 0.0
    else:
        corpus_weight = 0.25
    best: tuple[float, int, date] | None = None
    days = {anchor + timedelta(days=delta) for delta in range(-10, 11)}
    days.update(lo + timedelta(days=k) for lo, hi in pinned for k in range((hi - lo).days + 1))
    # ... and the week from each date the article writes out in the present, however far
    # from the other articles' ("on Wednesday, 18 February, the second day of the talks in
    # Geneva", in a corpus of January's reporting): its wording, not the corpus, decides. A
    # past happening's date counts only past the other articles' days ("the talks, which
    # opened on January 23" in a corpus of December's), a future one only before them: one
    # they lie beyond says the article is later (or earlier) than they are. A past date
    # written with its weekday is this week's news wherever it lies ("the negotiations that
    # opened on Wednesday, 4 February"); one without may be background ("resigned on Nov.
    # 28").
    for e, tense in mentions:
        if e.kind not in ("md", "ymd"):
            continue
        d = _written_day(e, anchor)
        gap = (d - anchor).days
        if abs(gap) > _WRITTEN_REACH:
            continue
        if tense is None or tense == "past" and (gap > 10 or _WEEKDAY_NAME.search(
                text, e.start, e.end)):  # (or this week's: "opened on Wednesday, 4 February")
            days.update(d + timedelta(days=k) for k in range(7))
        elif tense == "future" and gap < -10:
            days.update(d - timedelta(days=k) for k in range(7))
    for p in sorted(days):
        delta = (p - anchor).days
        cost = corpus_weight * abs(delta) + _cost(p, mentions)
        cost += sum(_PIN_COST for lo, hi in pinned if not lo <= p <= hi)
        key = (cost, abs(delta), p)
        if best is None or key < best:
            best = key
    return best[2].isoformat(), "inferred"


# The article's own day named with its date: "this morning, Wednesday 11 February".
_TODAY_IS = re.compile(
    r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)),?\s+(?:on\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def _year_of_dateline(ref: date, month: int, day: int, weekday: re.Match | None) -> int:
    """The year of a dateline without one: the nearest to `ref` (the corpus's dates) in
    which the day falls on the weekday the line names ("Thursday, Dec. 18"), if it names
    one and such a year is within one of `ref`'s."""
    near = _nearest_year(ref, month, day, None)
    if weekday is None:
        return near.year
    wd = WEEKDAYS.index(weekday[0].casefold())
    years = sorted((near.year, near.year - 1, near.year + 1), key=lambda y: abs(y - near.year))
    fits = [y for y in years if _valid(y, month, day) and date(y, month, day).weekday() == wd]
    return fits[0] if fits else near.year


# Days from the corpus's dates a written date may move publication: as far as _cost reads
# dates (a date further off says nothing of the article's day: "on 29 March that year").
_WRITTEN_REACH = 60
_PIN_COST = 10.0  # a day outside the days another article's dated happening allows


def _written_day(e: DateExpr, near: date) -> date:
    """The day a written date means: its own year's, or the one nearest to `near`."""
    return date(e.year, e.month, e.day) if e.kind == "ymd" else _nearest_year(
        near, e.month, e.day, None)


def _cost(p: date, mentions: list[tuple[DateExpr, str | None]]) -> float:
    """How badly publication on day `p` fits the dated wording of the article."""
    cost = 0.0
    for e, tense in mentions:
        if e.kind == "weekday" and e.modifier is None:
            d = weekday_date(p, e.weekday, tense, None)
            cost += abs((p - d).days)
        elif e.kind in ("ymd", "md"):
            d = _written_day(e, p)
            gap = (p - d).days
            if abs(gap) > 60:
                continue
            if tense == "future":
                cost += 0 if gap <= 0 else 5 * gap
            else:
                cost += gap if gap >= 0 else 5 * -gap
    return cost


def infer_corpus_published(
    articles: dict[str, tuple[str, str | None]],
) -> dict[str, tuple[str | None, str | None]]:
    """name → (published, basis) for a corpus: stated dates first, then inferred from them.

    `articles` maps a name to (cleaned text, stated date or None). Two passes: the dates
    inferred in the first pass join the stated ones as context for the second.
    """
    out: dict[str, tuple[str | None, str | None]] = {}
    for name, (_, stated) in articles.items():
        if stated:
            out[name] = (stated, "stated")
    stated_dates = {n: date.fromisoformat(d) for n, (d, _) in out.items()}
    first = {}
    for name, (text, _) in articles.items():
        if name not in out:
            others = [d for n, d in stated_dates.items() if n != name]
            first[name] = infer_published(text, others)
    for name, (text, _) in articles.items():
        if name in out:
            continue
        others = [d for n, d in stated_dates.items() if n != name]
        others += [date.fromisoformat(v[0]) for n, v in first.items() if n != name and v[0]]
        out[name] = infer_published(text, others) if others else first[name]
    return out
