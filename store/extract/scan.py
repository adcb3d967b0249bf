"""Pieces shared by the fast scans of extraction: cheap prefilters and range checks.

Extraction asks the same questions (which issue terms, which cue words) of every sentence,
quotation and clause. Python's `re` is quick at scanning text but slow at trying a long
alternation at every position, and a Python step per word is slower still; so each scan first
finds, with one compiled trie, the few places where a term may start, and only those places
get the exact (unchanged) test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence


def trie_pattern(sequences: Iterable[Sequence[str]]) -> str:
    """A regex matching any of `sequences` (each a sequence of regex atoms), built from their
    trie: `re` then tests each letter once instead of every alternative in turn."""
    trie: dict = {}
    for seq in sequences:
        node = trie
        for atom in seq:
            node = node.setdefault(atom, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [atom + build(child) for atom, child in sorted(node.items()) if atom]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


# The ASCII characters that are neither word characters nor a hyphen, as a class of plain
# characters: a regex opening with it lets `re` skip from one to the next by a bitmap, which
# neither "\b(?<!-)" nor "[^\w-]" (a class of categories) allows. What stands before a word.
ASCII_BREAKS = "".join(re.escape(chr(c)) for c in range(128) if not re.match(r"[\w-]", chr(c)))


def word_start(first: str) -> str:
    r"""A word's first character as a regex atom that also checks what stands before it (no
    word character nor hyphen, as r"(?<![\w-])" before it would): a pattern whose every
    alternative opens so lets `re` skip to the characters its words start with instead of
    testing the break at every position of the text (four times quicker over an article)."""
    c = re.escape(first)
    return rf"{c}(?<![\w-]{c})"


def first_chars(firsts: Iterable[str]) -> str:
    """A lookahead for the characters a match must start with (each of `firsts` one such
    character), to put before a trie: `re` then passes over the other positions quickly (a
    fifth less time for the issue and party scans). "" when one is not a single non-space
    character."""
    chars = set(firsts)
    if not chars or any(len(c) != 1 or c.isspace() for c in chars):
        return ""
    return "(?=[" + "".join(sorted(map(re.escape, chars))) + "])"


def lowered(text: str) -> str | None:
    """`text` in lower case when that keeps every character in its place (all but "İ", which
    lowers to two), else None. Lowering keeps word characters word characters, and a
    character that lowers to ASCII is ASCII already or the Kelvin sign (which folds to "k"
    anyway), so a case-sensitive search of ASCII keys in it finds what a case-folded
    comparison of the ASCII words finds."""
    low = text.lower()
    return low if len(low) == len(text) else None


def clean_edges(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] neither starts nor ends inside a run of word characters and
    hyphens: a matcher anchored on such runs then sees the same words in the slice as in the
    whole text, and a lookaround at the slice's edges sees what it would see at the text's."""
    if start > 0 and word_or_hyphen(text[start - 1]):
        return False
    return end >= len(text) or not word_or_hyphen(text[end])


def word_char(char: str) -> bool:
    r"""Whether `char` matches r"\w" (str.isalnum, or "_")."""
    return char.isalnum() or char == "_"


def word_or_hyphen(char: str) -> bool:
    r"""Whether `char` matches r"[\w-]" (`re`'s \w is str.isalnum or "_": a test checks every
    character), at half the cost of a regex call."""
    return char.isalnum() or char in "_-"


def after_name(text: str, name: str, tail: re.Pattern[str], lo: int = 0, hi: int | None = None,
               guard: str = "") -> Iterator[tuple[int, re.Match[str]]]:
    r"""Where text[lo:hi] holds `name` with no word character (nor one of `guard`) just
    before it and `tail` matching right after it: (where the name starts, the tail's match),
    in order, not overlapping. What `re.finditer(rf"(?<![\w{guard}]){re.escape(name)}{tail}")`
    finds, with one pattern compiled for every name: a pattern per name is compiled afresh
    for nearly every article (`re` keeps 512), about a tenth of extraction's time."""
    hi = len(text) if hi is None else hi
    at = text.find(name, lo, hi)
    while at != -1:
        before = text[at - 1] if at else " "
        found = None
        if not (word_char(before) or before in guard):
            found = tail.match(text, at + len(name), hi)
            if found:
                yield at, found
        at = text.find(name, max(found.end(), at + 1) if found else at + 1, hi)


def leader(ranking: Sequence[tuple[str, int]]) -> str | None:
    """The first of a ranking (most first) when nothing ties it: the issue or the party an
    article names in more of its sentences than any other, or None."""
    if not ranking or len(ranking) > 1 and ranking[1][1] >= ranking[0][1]:
        return None
    return ranking[0][0]
