"""The fast date scan answers as the plain one did: one regex of every alternative, tried at
every position near a core word, each match read through its groupdict."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import store.extract.dates as D
from tests.goldlib import SEEDS_DIR


def _top_name(m: re.Match) -> str:
    """The alternative a match of the full regex took, read the slow way."""
    names = [D._name(a) for a in D._ALTERNATIVES]
    found = [n for n in names if m.group(n) is not None]
    assert len(found) == 1
    return found[0]


def _plain_find_dates(text: str) -> list[D.DateExpr]:
    """find_dates as it was: the full regex's finditer in every window."""
    out: list[D.DateExpr] = []
    for w0, w1 in D._windows(text, 0, len(text)):
        while w0 > 0 and (text[w0 - 1].isalnum() or text[w0 - 1] in ".'’"):
            w0 -= 1
        for m in D._master().finditer(text, w0, w1):
            assert m.lastgroup == _top_name(m)
            expr = D._expr(m)
            if expr is not None and (not out or expr.start >= out[-1].end):
                out.append(expr)
    return D.one_per_day(text, out)  # (a step after the scan, the same for both)


def _outcome(find, text: str):
    """What `find` gives for `text`, or the error it raises ("Orthodox Christmas Day" has no
    holiday of its own: a KeyError either way)."""
    try:
        return find(text)
    except KeyError as e:
        return e


def _same(text: str) -> bool:
    new, old = _outcome(D.find_dates, text), _outcome(_plain_find_dates, text)
    return new == old or (isinstance(new, KeyError) and repr(new) == repr(old))


def _words() -> list[str]:
    words = set()
    for openers in D._OPENERS.values():
        words.update(w for w in openers.split() if w != "0")
    words.update(["weekend", "week", "month", "year", "day", "days", "ago", "night", "morning",
                  "Eve", "Day", "Year", "tree", "time", "same", "following", "per", "percent"])
    return sorted(words)


# At least one phrase each alternative takes, and its parts.
_PHRASES = [
    "2025-12-14", "12.12.2025", "5-1-2026", "on 16/12", "By 22.12.", "on the 15th", "\nThe 30th.",
    "Dec. 14, 2025", "December 15", "15 December 2024", "3rd of Jan.", "mid-January 2026",
    "late March", "Of May", "end of January", "during Sept", "next Monday night", "Friday",
    "over the weekend", "later this week", "Earlier this month", "by the end of the year",
    "year-end", "before the end of next year", "earlier this year", "two weeks ago",
    "a fortnight ago", "in a fortnight",
    "5 days ago", "an hour ago", "in three days' time", "within the next two weeks",
    "In a month", "last night", "this morning", "Yesterday", "the following evening",
    "that day", "The same day", "the same evening", "Orthodox Christmas", "Christmas Eve",
    "New Year's Eve",
    "the day before Christmas", "The day after New Year's Day",
    "Christmas tree", "earlier in the day", "Later in the evening", "after the talks",
    "later wrote", "Later signed", "two days after the talks", "3 weeks after",
    "1999", "2025s", "15%",
]  # fmt: skip


def test_each_phrase_is_found_as_the_full_regex_finds_it():
    for phrase in _PHRASES:
        for text in (phrase, f"x {phrase}.", f"({phrase.upper()}), {phrase.lower()}"):
            assert _same(text), text
    assert {m.lastgroup for p in _PHRASES for m in D._master().finditer(p)} == set(D._OPENERS)


# What may follow an opening word: every opener meets every way on.
_TAILS = ["March", "Monday night", "week", "month", "year", "weekend", "15", "the 15th", "the end",
          "day ago", "days' time", "that day", "the same day", "following morning", "the year",
          "two weeks", "night", "morning", "Christmas", "Year", "16/12", "22.12.", "-end",
          "in the day", "the meeting", "wrote", "signed", "days after the vote"]
_BETWEEN = ["", "this ", "that ", "the ", "the next ", "of ", "early ", "two "]
_OPENER_PHRASE = st.tuples(
    st.sampled_from(_words()).map(lambda w: w.replace("0", "3")),
    st.sampled_from([str.lower, str.capitalize, str.upper]),
    st.sampled_from(_BETWEEN),
    st.sampled_from(_TAILS),
).map(lambda t: f"{t[1](t[0])} {t[2]}{t[3]}")


def test_every_opener_with_every_way_on():
    for word in _words():
        for case in (str.lower, str.capitalize):
            for between in _BETWEEN:
                for tail in _TAILS:
                    assert _same(f"x {case(word)} {between}{tail}.")
_TOKEN = st.one_of(
    _OPENER_PHRASE,
    st.sampled_from(_PHRASES),
    st.sampled_from(_PHRASES).map(str.lower),
    st.sampled_from(_PHRASES).map(str.split).map(lambda ws: "  ".join(ws)),
    st.sampled_from(_words()),
    st.sampled_from(_words()).map(str.capitalize),
    st.sampled_from(_words()).map(str.upper),
    st.sampled_from(_words()).map(lambda w: w.replace("s", "\u017f", 1)),
    st.sampled_from(_words()).map(lambda w: w.replace("i", "\u0131", 1)),
    st.sampled_from(_words()).map(lambda w: w.replace("i", "\u0130", 1).capitalize()),
    st.sampled_from(["15", "2025", "1999", "12.12.2025", "5-1-2026", "16/12", "22.12.", "15th",
                     "3rd", "2025-12-14", "31", "14-15", "$", "%", "’s", "'s", "Christmases"]),
    st.sampled_from([" ", "  ", "-", "–", ",", ".", ":", "\n", "“", "”", "(", ")", "x", "é",
                     "\u212a", "\u00a0"]),
)
_TEXT = st.lists(_TOKEN, max_size=24).map(lambda ts: "".join(ts))
_SPACED = st.lists(_TOKEN, max_size=24).map(" ".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_TEXT, _SPACED))
def test_the_opener_scan_finds_what_the_full_regex_finds(text):
    assert _same(text)
    full = [(m.span(), m.lastgroup) for m in D._master().finditer(text)]
    assert [(m.span(), m.lastgroup) for m in D._matches(text, 0, len(text))] == full


def test_the_opener_scan_on_the_seed_articles():
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert D.find_dates(text) == _plain_find_dates(text)


def test_every_alternative_has_its_openers():
    assert {D._name(a) for a in D._ALTERNATIVES} == set(D._OPENERS)
    assert D._master().pattern == r"(?<![\w])(?:" + "|".join(D._ALTERNATIVES) + ")"


# --- tense and clauses: the fast scans find what the plain regexes found ----------------------

_CLAUSE_BREAK = re.compile(r"[,;:()“”\"—–]|\s-\s|\bbut\b|\bwhile\b|\bwhich\b|\bwho\b|\bwhere\b")
_WORD = re.compile(r"[A-Za-z’'-]+")


def _plain_clause_bounds(text, start, end, lo, hi):
    left = lo
    for m in _CLAUSE_BREAK.finditer(text, max(lo, start - 160), start):
        left = m.end()
    m = _CLAUSE_BREAK.search(text, end, min(hi, end + 160))
    return left, m.start() if m else hi


# _FUTURE as it was written before its words became a trie (with the words added since).
_PLAIN_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|expected|expects|scheduled|upcoming|intends?|aims?|hopes?"
    r"|meets|opens|begins|convenes|travels|arrives|resumes|gathers"
    r"|(?:(?<=s\s)|(?<=they\s)|(?<=we\s))(?:gather|meet|convene|reconvene|open|begin|travel"
    r"|arrive|resume)"
    r"|hoping|would|next|later|could|may|might|possibly|due(?!\s+to\b)"
    r"|(?:plans?|planning|planned|set|due|going|is|are"
    r"|was|were|about|ready|prepare|prepares|preparing|prepared|willing|agreed|promised|pledged"
    r"|vowed|offered|threatened)"
    r"\s+to\b(?!\s+(?:the|a|an|his|her|its|their)\b))\b|['’]ll\b",
    re.IGNORECASE,
)


def _plain_past(text, c0, c1):
    out = []
    for m in _WORD.finditer(text, c0, c1):
        w = m.group().casefold()
        opens = m.start() == c0 and re.match(r" [a-z]", text[m.end() :])  # "Asked on ..."
        participle = text[m.end() :].startswith(" by ")  # "a delegation led by Umerov"
        passive = text[: m.start()].endswith("be ")  # "the payment can be made in April"
        if (w in D._PAST_IRREGULAR or (
            len(w) > 4 and w.endswith("ed") and w not in D._NOT_PAST
            and (not m.group()[0].isupper() or opens)
        )) and not participle and not passive:
            out.append(m.span())
    return out


def _tense_words() -> list[str]:
    words = re.findall(r"[a-z]+", _PLAIN_FUTURE.pattern) + sorted(D._PAST_IRREGULAR)
    return words + sorted(D._NOT_PAST) + ["wanted", "Agreed", "talked", "but", "while", "which",
                                          "who", "where", "that", "they", "we", "leaders", "to",
                                          "the", "their", "ll", "won’t", "won't"]


_TENSE_TOKEN = st.one_of(
    st.sampled_from(_tense_words()),
    st.sampled_from(_tense_words()).map(str.upper),
    st.sampled_from(_tense_words()).map(str.capitalize),
    st.sampled_from(_tense_words()).map(lambda w: w.replace("s", "\u017f", 1)),
    st.sampled_from(_tense_words()).map(lambda w: w.replace("i", "\u0131", 1)),
    st.sampled_from(_tense_words()).map(lambda w: w.replace("i", "\u0130", 1)),
    st.sampled_from([" ", "  ", " - ", "-", "—", ",", ";", "(", "“", "”", '"', "'", "’", "\n",
                     "é", "\u212a", "2", "_", "Monday"]),
)
_TENSE_TEXT = st.lists(_TENSE_TOKEN, max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TENSE_TEXT, st.data())
def test_tense_markers_and_clauses_as_the_plain_regexes_find_them(text, data):
    n = len(text)
    c0 = data.draw(st.integers(0, n))
    c1 = data.draw(st.integers(c0, n))
    future = sorted(D._future_spans(text, c0, c1))
    assert future == [m.span() for m in D._future().finditer(text, c0, c1)]
    assert future == [m.span() for m in _PLAIN_FUTURE.finditer(text, c0, c1)]
    assert D._past_spans(text, c0, c1) == _plain_past(text, c0, c1)
    start = data.draw(st.integers(c0, c1))
    end = data.draw(st.integers(start, c1))
    assert D.clause_bounds(text, start, end, c0, c1) == _plain_clause_bounds(
        text, start, end, c0, c1
    )


def test_tense_markers_in_the_seed_articles():
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for c0 in range(0, len(text), 37):
            c1 = min(len(text), c0 + 150)
            assert sorted(D._future_spans(text, c0, c1)) == [
                m.span() for m in _PLAIN_FUTURE.finditer(text, c0, c1)
            ]
            assert D._past_spans(text, c0, c1) == _plain_past(text, c0, c1)
            assert D.clause_bounds(text, c0 + 60, c0 + 70, c0, c1) == _plain_clause_bounds(
                text, c0 + 60, c0 + 70, c0, c1
            )


_EDGY = [
    "EU leaders meet; they meet, we gather. Ms open",
    "it ſhall be, they wıll go, we wİll see, She'll come and we’ll meet",
    "b-but x-which so-that who's whose buttered, wanted-which talked'but",
    "was set to the talks, planned to - the end, willing to  their end, is to a",
    "Agreed they WERE TO meet but (who) said “while” they’d TOLD, flew—left; led",
    "ſaid loſt ſwore wore ſwanted un-ited two-sided ex-ceed ’ed-'ed",
]


def test_every_slice_of_tricky_texts():
    for text in _EDGY:
        n = len(text)
        for c0 in range(n + 1):
            for c1 in range(c0, n + 1):
                assert sorted(D._future_spans(text, c0, c1)) == [
                    m.span() for m in _PLAIN_FUTURE.finditer(text, c0, c1)
                ], (text, c0, c1)
                assert D._past_spans(text, c0, c1) == _plain_past(text, c0, c1), (text, c0, c1)
        for lo, hi in ((0, n), (3, n - 2)):
            for start in range(lo, hi + 1):
                for end in range(start, min(hi, start + 12) + 1):
                    assert D.clause_bounds(text, start, end, lo, hi) == _plain_clause_bounds(
                        text, start, end, lo, hi
                    ), (text, start, end)


_CORE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(D._CORES),
        st.sampled_from(["dayear", "Christmasday", "MayJun", "٣", "²", "𝟙", "12", "7", "x", " ",
                         "-", "\n", "é", "Decade", "agone", "yesterday"]),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_CORE_TEXT)
def test_windows_as_every_core_found_one_by_one(text):
    spots = []
    for core in D._CORES:
        i = text.find(core)
        while i != -1:
            spots.append((i, i + len(core)))
            i = text.find(core, i + 1)
    spots.extend(m.span() for m in re.finditer(r"\d+", text))
    spots.sort()
    merged: list[list[int]] = []
    for a, b in spots:
        w0, w1 = max(0, a - D._REACH), min(len(text), b + D._REACH)
        if merged and w0 <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], w1)
            merged[-1][2] = a
        else:
            merged.append([w0, w1, a])
    assert D._windows(text, 0, len(text)) == [(a, b) for a, b, _ in merged]
    assert D._core_windows(text, 0, len(text)) == [tuple(w) for w in merged]
    assert [m.span() for m in D._DIGITS.finditer(text)] == [
        m.span() for m in re.finditer(r"\d+", text)
    ]


def _plain_by_sentence(exprs, sentences):
    out, k = [], 0
    for lo, hi in sentences:
        while k < len(exprs) and exprs[k].start < lo:
            k += 1
        mine = []
        while k < len(exprs) and exprs[k].start < hi:
            if exprs[k].end <= hi:
                mine.append(exprs[k])
            k += 1
        out.append((lo, hi, mine))
    return out


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_PHRASES + ["It was quiet.", "Talks went on"]).map(lambda p: p + ". "),
       st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=12))
def test_expressions_go_to_their_sentences_even_odd_ones(phrase, sentences):
    text = phrase * 8
    expected = _plain_by_sentence(D.find_dates(text), sentences)
    assert D.dates_by_sentence(text, sentences) == expected


def test_every_tense_word_in_a_few_settings():
    for w in _tense_words():
        for text in (f"{w}", f"they {w} to the talks, {w} to go; {w.upper()}.",
                     f"Leaders {w} on Monday. We {w.capitalize()} to a deal; it {w}s’ll"):
            n = len(text)
            for c0, c1 in ((0, n), (1, n), (0, n - 1), (n // 2, n)):
                assert sorted(D._future_spans(text, c0, c1)) == [
                    m.span() for m in _PLAIN_FUTURE.finditer(text, c0, c1)
                ], (text, c0, c1)
                assert D._past_spans(text, c0, c1) == _plain_past(text, c0, c1), (text, c0, c1)


def test_the_digit_runs_open_at_every_digit_and_nothing_else():
    digit = re.compile(r"\d")
    for c in map(chr, range(0x110000)):
        assert bool(D._DIGITS.fullmatch(c)) == bool(digit.fullmatch(c)), hex(ord(c))
