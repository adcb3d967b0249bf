"""Sentence spans of a cleaned article.

A rule-based splitter: it must run in well under a millisecond per article (spaCy or pysbd
cost 50–200× more) and never lose a character, because quotes and provenance are offsets
into the same text. Paragraphs (line breaks) always end a sentence.
"""

from __future__ import annotations

import re

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sen rep gov gen lt col maj capt sgt adm cmdr jr sr mt ft
    no nos vs etc approx est dept univ inc corp ltd co jan feb mar apr jun jul aug sep sept
    oct nov dec pres amb sec rev hon""".split()
)
# A candidate end: terminal punctuation, closing quotes/brackets, then space; a sentence
# starts after it (the quotation marks of English and of guillemet and low-high styles:
# "Thursday. «We will", "„Ja.“ Next") (tests/test_sentences_fast.py: _BREAK finds the two at once).
_END = re.compile(r"[.!?…]+[\"'”’»“‘)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+[\"'“‘«„‚(\[]?[A-Z0-9À-ÖØ-Þ]")
_INITIALS = re.compile(r"(?:\b[A-Za-z]\.){1,3}$")
_LAST_WORD = re.compile(r"([A-Za-z]+)\.$")
_WORD_CHAR = re.compile(r"\w")
# '"... a few kilometers?" Fedorov said': a question or exclamation in quotation marks and
# then its speaker, named, and a speech verb go on one sentence.
_NAMED_ATTRIBUTION = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:said|says|told|tells|added|adds|asked|asks|wrote|writes"
    r"|posted|stated|noted|insisted|replied|continued|explained)\b"
)


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the full stop at `end - 1` closes an abbreviation rather than a sentence."""
    letter = text[end - 2 : end - 1]
    if not ("a" <= letter <= "z" or "A" <= letter <= "Z"):
        return False  # both forms end in an ASCII letter and the stop
    head = text[max(0, end - 12) : end]
    # U.S., U.K., J.D.: the letter before the stop is a word of its own (not the possessive
    # "s" of "... synchronised with Ukraine’s. Moldovan ...")
    if (end < 3 or not _WORD_CHAR.match(text, end - 3) and not _possessive(text, end)
            ) and _INITIALS.search(head):
        return True
    word = _LAST_WORD.search(head)
    return bool(word and word.group(1).casefold() in _ABBREVIATIONS)


def _possessive(text: str, end: int) -> bool:
    """Whether the stop at `end - 1` follows a possessive "’s" or "'s"."""
    return text[end - 2] == "s" and text[end - 3] in "’'"


# A line break, or a candidate end (_END) before the next sentence's start (_NEXT_START) on
# the same line (a line break is no space within a line): both in one scan, which opens with
# a character `re` can skip ahead to (a line break or a stop), then tells which it found.
_BREAK = re.compile(
    r"[\n.!?…](?:(?<=\n)|(?<!\n)[.!?…]*[\"'”’»“‘)\]]*(?=[^\S\n]+[\"'“‘«„‚(\[]?[A-Z0-9À-ÖØ-Þ]))"
)


def _ends_sentence(text: str, m: re.Match) -> bool:
    """Whether the candidate end `m` (of _BREAK) ends its sentence."""
    closed = m.group()
    mark = closed.rstrip("\"'”’»“‘)]")
    if mark == ".":
        # "U.S. officials": only a sentence end if the abbreviation closes the sentence,
        # which we cannot tell; keep the sentence whole (safer for quotes and speakers).
        return not _is_abbreviation(text, m.start() + 1)
    if mark in ("?", "!") and closed != mark:
        line_end = text.find("\n", m.end())
        end = len(text) if line_end == -1 else line_end
        return not _NAMED_ATTRIBUTION.match(text, m.end(), end)
    return True


def _emit(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence, in order, whitespace trimmed, never overlapping.

    One scan finds the line breaks and the candidate ends: a regex per line costs more."""
    out: list[tuple[int, int]] = []
    s = 0
    for m in _BREAK.finditer(text):
        if m.group() == "\n":
            _emit(text, s, m.start(), out)
            s = m.end()
        elif _ends_sentence(text, m):
            _emit(text, s, m.end(), out)
            s = m.end()
    _emit(text, s, len(text), out)
    return out
