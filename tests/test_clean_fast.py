"""The quick scans of cleaning answer as the plain regexes they replace did."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import store.extract.clean as C

_PLAIN_ANCHOR = re.compile(
    r"told |reporting from| reports\.| reported (?:earlier|previously)| understands "
    r"|Subscribe to ")
_OUTLETS = sorted({*C.OUTLETS.values(), *C.AGENCIES, *C.OUTLET_SHORT_NAMES},
                  key=len, reverse=True)
_NAMES = "|".join(map(re.escape, _OUTLETS))
_PLAIN_TOLD = re.compile(
    rf"\btold (?:the )?({_NAMES})\b(?! news agency)(?![^\S\n]+[A-Z0-9])"
    rf"|\b({_NAMES})['’]s(?: \w+){{1,3}}, reporting from"
    rf"|\b({_NAMES}) reports\.|\b({_NAMES}) (?:has |had )?reported (?:earlier|previously)\b"
    rf"|\b(?:The )?({_NAMES}) understands\b"
    rf"|\bSubscribe to (?:the )?({_NAMES})\b")

_TOKEN = st.one_of(
    st.sampled_from(_OUTLETS),
    st.sampled_from(_OUTLETS).map(lambda n: n[:-1]),
    st.sampled_from(C._TOLD_ANCHORS),
    st.sampled_from(["told", "told the ", "The ", "’s", "'s", "reported", "reports", "has ",
                     "had ", "earlier", "previously", "news agency", "understands", "reporting",
                     "from", ", ", " ", "  ", ".", "x", "é", "\n", "Times", "News", "Post",
                     " Radio", "Subscribe to ", "Subscribe"]),
)
_TEXT = st.lists(_TOKEN, max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_anchors_as_one_regex_finds_them(text):
    assert C._told_anchors(text) == [m.span() for m in _PLAIN_ANCHOR.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.integers(0, 40), st.integers(0, 40))
def test_outlet_mentions_as_the_list_of_names_finds_them(text, cut0, cut1):
    pos, endpos = min(cut0, len(text)), max(len(text) - cut1, 0)
    new = [(m.span(), m.groups()) for m in C._told_pattern().finditer(text, pos, endpos)]
    old = [(m.span(), m.groups()) for m in _PLAIN_TOLD.finditer(text, pos, endpos)]
    assert new == old


def test_every_outlet_told_and_reporting():
    for name in _OUTLETS:
        for form in (f"he told {name}.", f"she told the {name} that",
                     f"{name}'s man, reporting from", f"{name} reports.",
                     f"{name} has reported earlier", f"The {name} understands",
                     f"Subscribe to {name} today"):
            text = f"x {form} y"
            assert [(m.span(), m.groups()) for m in C._told_pattern().finditer(text)] == [
                (m.span(), m.groups()) for m in _PLAIN_TOLD.finditer(text)], text


_LINE_TOKEN = st.one_of(
    st.sampled_from(["Published", "Updated", "Last modified on", "Posted", "Issued on:", "Fri",
                     "Thursday,", "Dec.", "December", "Jan", "Kyiv Post", "Reuters", "ft.com",
                     "GMT", "a.m.", "(", ")", "|", "•", "·", "-", "–", ",", ".", ":", "/", " ",
                     "  ", "*", "_", "By Anna Li", "x", "é"]),
    st.sampled_from(["14", "2025", "12.12.2025", "21/01/26", "18:05", "9", "٣", "²"]),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_LINE_TOKEN, max_size=12).map(" ".join))
def test_a_date_line_has_a_digit(line):
    if not re.search(r"\d", line):
        assert C._date_fields(line) is None
    assert C._date_line(line) == (C._date_fields(line) if re.search(r"\d", line) else None)


_LINE_TOKEN = st.one_of(
    st.sampled_from(C._ANYWHERE),
    st.sampled_from(C._ANYWHERE_CASED),
    st.sampled_from(["Photo:", "Image:", "PHOTO", "Copyright", "COOKIE", "ß", "ẞ", "İ", "ﬁ",
                     "Sign up for our newsletter", "Read more", "Advertisement", "(Photo by X/AFP)",
                     "Name/Pool via AP - Photo: x", " ", "  ", "\n", "\n\n", "\t", "x", "A", ".",
                     ":", "/", "-", "é", "terms of", "contributed"]),
)
_BODY = st.lists(_LINE_TOKEN, max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(_BODY)
def test_needle_lines_are_the_lines_holding_a_needle(body):
    lines = body.split("\n")
    marked = C._needle_lines(body)
    holding = {n for n, line in enumerate(lines)
               if any(w in line.casefold() for w in C._ANYWHERE)
               or any(w in line for w in (*C._ANYWHERE_CASED, "Photo:", "Image:"))}
    if marked is None:
        assert len(body.casefold()) != len(body)
    else:  # every line holding a word is marked; one holding only a word's stem ("terms of")
        assert holding <= marked  # is marked too, and tested in full
    for n, line in enumerate(lines):
        s = line.strip()
        if s and n not in (holding if marked is None else marked):  # a line left unmarked
            # is dropped as the full test says
            assert C._drop_line(s, {}, needles=False) == C._drop_line(s, {})
