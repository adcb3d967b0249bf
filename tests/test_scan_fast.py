"""scan.clean_edges reads its edge characters without a regex and answers as r"[\\w-]" did."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from store.extract import scan

_PLAIN = re.compile(r"[\w-]")


def test_every_character_as_the_regex_class_takes_it():
    wrong = [c for c in map(chr, range(0x110000))
             if scan.word_or_hyphen(c) != bool(_PLAIN.match(c))]
    assert wrong == []


def test_every_character_as_the_word_class_takes_it():
    word = re.compile(r"\w")
    assert [c for c in map(chr, range(0x110000)) if scan.word_char(c) != bool(word.match(c))] == []


@given(st.text(alphabet="ab_-– .,’é١²\u00a0", max_size=12), st.integers(0, 12), st.integers(0, 12))
def test_clean_edges_as_the_regex_tells(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    plain = not (start > 0 and _PLAIN.match(text, start - 1)) and (
        end >= len(text) or not _PLAIN.match(text, end))
    assert scan.clean_edges(text, start, end) == plain


_TAILS = [re.compile(r"\s+(?:is|was)\s+(\w+)"), re.compile(r",\s+(\w+)(?=,)"),
          re.compile(r"(?!\w)")]


@given(st.text(alphabet="ab’'-, .isw", max_size=30), st.sampled_from(["a", "ab", "b a"]),
       st.sampled_from(_TAILS), st.sampled_from(["", "’'-"]), st.integers(0, 30),
       st.integers(0, 30))
def test_after_name_finds_what_one_regex_per_name_finds(text, name, tail, guard, lo, hi):
    lo, hi = sorted((min(lo, len(text)), min(hi, len(text))))
    whole = re.compile(rf"(?<![\w{re.escape(guard)}]){re.escape(name)}(?:{tail.pattern})")
    expected = [(m.start(), m.groups()) for m in whole.finditer(text, lo, hi)]
    got = [(at, m.groups()) for at, m in scan.after_name(text, name, tail, lo, hi, guard)]
    assert got == expected


@given(st.lists(st.text(alphabet="ab-", min_size=1, max_size=3), min_size=1, max_size=4),
       st.text(alphabet="ab- _.é", max_size=20))
def test_words_opened_with_word_start_match_as_after_a_break(words, text):
    words = [w for w in words if w[0] != "-"] or ["a"]
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")
    opened = re.compile("(?:" + "|".join(scan.word_start(w[0]) + re.escape(w[1:])
                                         for w in words) + r")(?![\w-])")
    assert [m.span() for m in opened.finditer(text)] == [m.span() for m in plain.finditer(text)]
