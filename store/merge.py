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
        ka, kb = keys[a], keys[b]
        # Identical keys are the same quotation without asking rapidfuzz; the cut-offs let
        # rapidfuzz stop as soon as a pair cannot reach the threshold.
        if ka == kb or fuzz.ratio(ka, kb, score_cutoff=SAME_RATIO):
            union.join(a, b)
        elif min(len(words[a]), len(words[b])) >= MIN_PART_WORDS and (
            fuzz.partial_ratio(ka, kb, score_cutoff=PART_RATIO)
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


EVENT_OVERLAP = 0.34  # share of the smaller word set two mentions of one happening have in common


def _overlaps(wa: frozenset, wb: frozenset) -> bool:
    return len(wa & wb) / max(1, min(len(wa), len(wb))) >= EVENT_OVERLAP


def group_events(mentions: list[dict]) -> list[list[int]]:
    """Mentions (in stable order) of one happening: same date, similar words, other outlets.

    Two mentions are linked when they share a date, come from different sources and share at
    least EVENT_OVERLAP of the smaller one's words; groups are the connected mentions. A date
    that every article mentions (the start of the war, Christmas) gathers thousands of
    mentions, so pairs are not compared one by one: identical word sets are handled once, and
    candidates come from an index of each set's rarest words (prefix filtering), which finds
    every pair that can reach the overlap and few others.
    """
    by_date: dict[object, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_date[m.get("date")].append(i)
    union = _Union(len(mentions))
    for date, members in by_date.items():
        if date is not None:
            _link_same_day(mentions, members, union)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[union.find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _link_same_day(mentions: list[dict], members: list[int], union: _Union) -> None:
    classes: dict[frozenset, list[int]] = defaultdict(list)
    for i in members:
        words = frozenset(event_words(mentions[i]["sentence_text"]))
        if words:  # no words, no overlap with anything
            classes[words].append(i)
    sets = list(classes)
    sources = [{mentions[i]["source"] for i in classes[w]} for w in sets]
    whole = [False] * len(sets)  # all members of the class already linked together

    def link_all(c: int) -> None:
        if not whole[c]:
            first, *rest = classes[sets[c]]
            for i in rest:
                union.join(first, i)
            whole[c] = True

    # Same words from two sources: every member is linked to every member of another source.
    for c in range(len(sets)):
        if len(sources[c]) > 1:
            link_all(c)
    # Different word sets: smaller sets first; each indexes its prefix of rarest words.
    frequency: dict[str, int] = defaultdict(int)
    for w in sets:
        for word in w:
            frequency[word] += 1
    order = sorted(range(len(sets)), key=lambda c: (len(sets[c]), c))
    prefixes: dict[str, list[int]] = defaultdict(list)
    for c in order:
        words = sets[c]
        seen: set[int] = set()
        for word in words:
            for d in prefixes.get(word, ()):
                if d in seen:
                    continue
                seen.add(d)
                a, b = classes[sets[c]][0], classes[sets[d]][0]
                if whole[c] and whole[d] and union.find(a) == union.find(b):
                    continue
                if len(sources[c]) == 1 and sources[c] == sources[d]:
                    continue  # one source's own mentions are never linked directly
                if _overlaps(words, sets[d]):
                    link_all(c)
                    link_all(d)
                    union.join(a, b)
        need = max(1, int(EVENT_OVERLAP * len(words)))  # at most the overlap a pair must reach
        rarest = sorted(words, key=lambda word: (frequency[word], word))
        for word in rarest[: len(words) - need + 1]:
            prefixes[word].append(c)
