"""Where an article first names somebody in full ("Michal Novak" for "Novak"), found without a
regex per surname.
"""

from __future__ import annotations

import functools
import re


def _full_name_up_to(text: str, surname: str, limit: int, searches: dict) -> FullName | None:
    """first_full_name, when only a naming that starts before `limit` matters (`limit`: where
    the surname stands as a word of its own after a space): occurrences after it are not looked
    at. A naming that starts before `limit` runs through capitalised words and spaces to the
    first occurrence that has some, so through the surname at `limit`, which has some too.
    `searches` keeps, per surname, the match or how far the article was searched, so the next
    sentence goes on from there."""
    full, at = searches.get(surname) or (None, text.find(surname, 1))
    if full is None and at != -1 and at <= limit:
        full, at = _full_name_from(text, surname, at, limit)
    searches[surname] = full, at
    return full


_NAME_RUN_BREAKS = frozenset('.,;:!?()[]{}"“”«»')  # never inside capitalised words + spaces


def first_full_name(text: str, surname: str) -> FullName | None:
    """The first place `text` names someone in full with this surname ("Michal Novak"):
    the same match as searching the whole text with `_full_name_regex`, found from the
    surname's whole-word occurrences: the capitalised words right before the first one that
    has some give where the match starts, and the regex is run from there only."""
    return _full_name_from(text, surname, text.find(surname, 1), len(text))[0]


def next_full_name(text: str, surname: str, after: int) -> FullName | None:
    """first_full_name among the surname's occurrences from `after` on."""
    return _full_name_from(text, surname, text.find(surname, after), len(text))[0]


def _full_name_from(text: str, surname: str, at: int, limit: int) -> tuple[FullName | None, int]:
    """first_full_name's search from the occurrence at `at` over those up to `limit`: the
    answer, and the next occurrence to look at (-1 once the answer is final)."""
    end = len(surname)
    while at != -1 and at <= limit:
        after = at + end
        if text[at - 1].isspace() and not (after < len(text) and _WORD_CHAR.match(text, after)):
            lo = at - 1
            while lo > 0 and text[lo - 1] not in _NAME_RUN_BREAKS:
                lo -= 1
            m = _FIRST_NAMES.search(text, lo, at)
            if m:
                return _full_name_match(text, surname, m.start()), -1
        at = text.find(surname, at + 1)
    return None, at


# The spaces between a name's words: a line break at most, never a blank line ("PRESS
# RELEASE", a blank line, then "Coalition of the Willing summit" is no one's name).
NAME_SPACE = r"(?:[^\S\n]+\n?|\n)[^\S\n]*"
_NAME_WORD = re.compile(rf"[A-ZÀ-ÞĀ-ɏ][\w’'-]+{NAME_SPACE}")
_NAME_PARTICLE = re.compile(rf"(?:van|von|de|der|da|al|bin|le|la){NAME_SPACE}")


class FullName:
    """Where a text names somebody in full: the span and text a match of `_full_name_regex`
    would give (start, end, span, group)."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, n: int = 0) -> str:
        if n:
            raise IndexError("only the whole naming is kept")
        return self._text[self._start : self._end]


def _full_name_match(text: str, surname: str, at: int) -> FullName | None:
    """`_full_name_regex(surname).match(text, at)` without compiling a regex per surname:
    the capitalised words (each with its spaces) are taken as far as they go, then given
    back one by one, a particle tried before none, as the regex backtracks."""
    ends = []
    word = _NAME_WORD.match(text, at)
    while word:
        ends.append(word.end())
        word = _NAME_WORD.match(text, word.end())
    for end in reversed(ends):
        particle = _NAME_PARTICLE.match(text, end)
        for pos in ((particle.end(), end) if particle else (end,)):
            if text.startswith(surname, pos) and _word_boundary(text, pos + len(surname)):
                return FullName(text, at, pos + len(surname))
    return None


def _word_boundary(text: str, i: int) -> bool:
    """`\\b` at `i`."""
    before = i > 0 and _WORD_CHAR.match(text, i - 1) is not None
    return before != (_WORD_CHAR.match(text, i) is not None)


_WORD_CHAR = re.compile(r"\w")
_FIRST_NAMES = re.compile(
    rf"(?:[A-ZÀ-ÞĀ-ɏ][\w’'-]+{NAME_SPACE})+(?:(?:van|von|de|der|da|al|bin|le|la){NAME_SPACE})?$"
)


@functools.lru_cache(maxsize=1024)
def _full_name_regex(surname: str) -> re.Pattern[str]:
    """The regex `_full_name_match` answers as (the tests compare them)."""
    return re.compile(
        rf"((?:[A-ZÀ-ÞĀ-ɏ][\w’'-]+{NAME_SPACE})+(?:(?:van|von|de|der|da|al|bin|le|la){NAME_SPACE})?)"
        rf"{re.escape(surname)}\b"
    )
