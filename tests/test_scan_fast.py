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


@given(st.text(alphabet="ab_-– .,’é١²\u00a0", max_size=12), st.integers(0, 12), st.integers(0, 12))
def test_clean_edges_as_the_regex_tells(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    plain = not (start > 0 and _PLAIN.match(text, start - 1)) and (
        end >= len(text) or not _PLAIN.match(text, end))
    assert scan.clean_edges(text, start, end) == plain
