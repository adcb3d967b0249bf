"""One quotation, many outlets; one event, many reports.

Reports of the same quotation differ in cosmetics ("90%" / "90 per cent", "Zelenskyy" /
"Zelensky", curly or straight apostrophes): they become one quote with all its sources. A
fragment of a longer quotation reported elsewhere stays its own quote, but each lists the
other's sources in `also_in`. Candidates are found through shared word 4-grams, so the work
stays linear in the number of quotes rather than quadratic.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from rapidfuzz import fuzz

_NUMBER_WORDS = [
    (re.compile(r"\s*(?:%|per\s*cent\b|percent\b)", re.I), " percent"),
    (re.compile(r"\bone hundred\b", re.I), "100"),
]
_NON_WORD = re.compile(r"[^\w]+")
SAME_RATIO = 90  # whole quotations this similar are the same quotation
PART_RATIO = 95  # a fragment this similar to part of a longer quotation reports it in part
MIN_PART_WORDS = 4
MAX_POSTING = 64  # 4-grams shared by more quotes than this are too common to pair on


def quote_key(text: str) -> str:
    """Text reduced to what makes two reports the same quotation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    for pattern, repl in _NUMBER_WORDS:
        text = pattern.sub(repl, text)
    text = text.replace("’", "'").replace("yy", "y")
    return " ".join(_NON_WORD.sub(" ", text).split())


def _grams(words: list[str], n: int = 4) -> set[tuple[str, ...]]:
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _compatible(a: dict, b: dict) -> bool:
    """Two reports can be one quotation only if they do not name different parties."""
    return not (a.get("party") and b.get("party") and a["party"] != b["party"])


def group_quotes(reports: list[dict]) -> tuple[list[list[int]], dict[int, set[int]]]:
    """Groups of report indexes that are one quotation, and partial links between groups.

    `reports` must be in a stable order (earliest report first); each group keeps that order.
    """
    keys = [quote_key(r["text"]) for r in reports]
    words = [k.split() for k in keys]
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, w in enumerate(words):
        for g in _grams(w):
            postings[g].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if 1 < len(members) <= MAX_POSTING:
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    pairs.add((members[x], members[y]))
    union = _Union(len(reports))
    partial: list[tuple[int, int]] = []
    for a, b in sorted(pairs):
        if reports[a]["source"] == reports[b]["source"] or not _compatible(reports[a], reports[b]):
            continue
        if fuzz.ratio(keys[a], keys[b]) >= SAME_RATIO:
            union.join(a, b)
        elif min(len(words[a]), len(words[b])) >= MIN_PART_WORDS and (
            fuzz.partial_ratio(keys[a], keys[b]) >= PART_RATIO
        ):
            partial.append((a, b))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(reports)):
        groups[union.find(i)].append(i)
    ordered = sorted(groups.values(), key=lambda g: g[0])
    group_of = {i: gi for gi, g in enumerate(ordered) for i in g}
    links: dict[int, set[int]] = defaultdict(set)
    for a, b in partial:
        ga, gb = group_of[a], group_of[b]
        if ga != gb:
            links[ga].add(gb)
            links[gb].add(ga)
    return ordered, links


def event_words(title: str) -> set[str]:
    return {w for w in quote_key(title).split() if len(w) > 3}


def group_events(mentions: list[dict]) -> list[list[int]]:
    """Mentions (in stable order) of one happening: same date, similar words or issues."""
    by_date: dict[object, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_date[m.get("date")].append(i)
    union = _Union(len(mentions))
    for date, members in by_date.items():
        if date is None:
            continue
        words = {i: event_words(mentions[i]["sentence_text"]) for i in members}
        for x, a in enumerate(members):
            for b in members[x + 1 :]:
                if mentions[a]["source"] == mentions[b]["source"]:
                    continue
                wa, wb = words[a], words[b]
                overlap = len(wa & wb) / max(1, min(len(wa), len(wb)))
                if overlap >= 0.34:
                    union.join(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[union.find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])
