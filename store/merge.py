"""One quotation, many outlets; one event, many reports.

Reports of the same quotation differ in cosmetics ("90%" / "90 per cent", "Zelenskyy" /
"Zelensky", curly or straight apostrophes): they become one quote with all its sources; a
phrase of a few words ("when the time comes") only when they credit the same speaker. A
fragment of a longer quotation reported elsewhere stays its own quote, but each lists the
other's sources in `also_in`. Candidates are found through shared word 4-grams, so the work
stays linear in the number of quotes rather than quadratic.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from rapidfuzz import fuzz

_NUMBER_WORDS = [
    (re.compile(r"\s*(?:%|per\s*cent\b|percent\b)", re.I), " percent"),
    (re.compile(r"\bone hundred\b", re.I), "100"),
]
_NON_WORD = re.compile(r"[^\w]+")
SAME_RATIO = 90  # whole quotations this similar are the same quotation
PART_RATIO = 95  # a fragment this similar to part of a longer quotation reports it in part
MIN_PART_WORDS = 4
# Fewer words than this are a common phrase ("when the time comes"): two outlets' reports of
# it are one quotation only when they credit the same speaker.
DISTINCT_WORDS = 6
MAX_POSTING = 64  # 4-grams shared by more quotes than this are too common to pair on


@lru_cache(maxsize=1 << 16)
def quote_key(text: str) -> str:
    """Text reduced to what makes two reports the same quotation. Kept per text: an add
    that joins a quote many outlets reported reads every report's key, twice."""
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


def _join_compatible(members: list[int], reports: list[dict], union: _Union) -> None:
    """Join every two of `members` (reports of one quotation) from different sources that do
    not name different parties, in time linear in the members.

    Those pairs are exactly the pairs of different sources within one pool "the reports of
    party P and the party-less ones", and in such a pool every member is joined to the others
    as soon as it holds two sources (two reports of one source meet through a third)."""
    by_party: dict[str, list[int]] = defaultdict(list)
    partyless = []
    for i in members:
        party = reports[i].get("party")
        (by_party[party] if party else partyless).append(i)
    pools = [own + partyless for own in by_party.values()] or [partyless]
    for pool in pools:
        if len({reports[i]["source"] for i in pool}) > 1:
            for i in pool[1:]:
                union.join(pool[0], i)


def _join_same(members: list[int], words: int, reports: list[dict], union: _Union) -> None:
    """_join_compatible, for a phrase of fewer than DISTINCT_WORDS `words` among the reports
    crediting one speaker at a time (its actor, else its name)."""
    if words >= DISTINCT_WORDS:
        _join_compatible(members, reports, union)
        return
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i in members:
        by_speaker[credited(reports[i])].append(i)
    for same in by_speaker.values():
        _join_compatible(same, reports, union)


def credited(report: dict) -> str:
    """Whom a report credits, as a phrase's reports are pooled: its actor, else the name."""
    return report.get("actor") or (report.get("speaker") or "").casefold()


def similar_keys(a: str, b: str) -> bool:
    """Whether two quotation keys are the same quotation's (or a fragment's, never linked)."""
    return a == b or bool(fuzz.ratio(a, b, score_cutoff=SAME_RATIO))


def joins(a: dict, b: dict, key_a: str, key_b: str) -> bool:
    """Whether group_quotes makes reports `a` and `b` one quotation as a pair: from different
    sources, not naming different parties, of similar keys, and for a phrase of fewer than
    DISTINCT_WORDS words crediting the same speaker. (A report joins a group exactly when it
    makes such a pair with one of its reports: an add, store.incremental, asks this.)"""
    if a["source"] == b["source"] or not _compatible(a, b):
        return False
    short = min(len(key_a.split()), len(key_b.split())) < DISTINCT_WORDS
    return (not short or credited(a) == credited(b)) and similar_keys(key_a, key_b)


def _sources_by_party(members: list[int], reports: list[dict]) -> dict[str | None, set[str]]:
    out: dict[str | None, set[str]] = defaultdict(set)
    for i in members:
        out[reports[i].get("party") or None].add(reports[i]["source"])
    return out


def _any_compatible(a: dict[str | None, set[str]], b: dict[str | None, set[str]]) -> bool:
    """Whether some report of `a` and some of `b` (sources per party) are from different
    sources and do not name different parties."""
    for pa, sa in a.items():
        for pb, sb in b.items():
            if pa and pb and pa != pb:
                continue
            if len(sa) > 1 or len(sb) > 1 or sa != sb:
                return True
    return False


RAREST = 4  # a quotation's candidates come from its few rarest shared 4-grams
MIN_SHARED = 3  # ... and share three of them with it (all when it has fewer)


def _candidates(keys: list[str]) -> list[tuple[int, int]]:
    """Pairs of distinct keys worth comparing: each key is paired with the keys holding one of
    its RAREST rarest 4-grams that other keys share (at most MAX_POSTING keys hold it), so
    each key has at most RAREST * MAX_POSTING candidates. A variant of a quotation shares its
    rare grams with it; a fragment's rarest grams are in the quotation it comes from."""
    grams = [_grams(k.split()) for k in keys]
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for c, gs in enumerate(grams):
        for g in gs:
            postings[g].append(c)
    pairs: set[tuple[int, int]] = set()
    for c, gs in enumerate(grams):
        shared = [g for g in gs if 1 < len(postings[g]) <= MAX_POSTING]
        if len(shared) > RAREST:
            shared = sorted(shared, key=lambda g: (len(postings[g]), g))[:RAREST]
        need = min(MIN_SHARED, len(shared))
        hits: dict[int, int] = defaultdict(int)
        for g in shared:
            for d in postings[g]:
                hits[d] += 1
        for d, n in hits.items():
            if n >= need and d != c:
                pairs.add((c, d) if c < d else (d, c))
    return sorted(pairs)


def group_quotes(reports: list[dict]) -> tuple[list[list[int]], dict[int, set[int]]]:
    """Groups of report indexes that are one quotation, and partial links between groups.

    `reports` must be in a stable order (earliest report first); each group keeps that order.
    Reports with the same key are one quotation at once (a popular quotation reported by
    hundreds of outlets costs one pass over its reports, not a pair per two of them);
    distinct keys are compared only with their candidates (`_candidates`). Two reports join
    when they come from different sources, do not name different parties and their keys are
    the same or similar (SAME_RATIO); a fragment similar to part of a longer quotation
    (PART_RATIO) links the two groups instead.
    """
    classes: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(reports):
        classes[quote_key(r["text"])].append(i)
    keys = list(classes)
    members = list(classes.values())
    union = _Union(len(reports))
    lengths = [len(k.split()) for k in keys]
    for m, n in zip(members, lengths, strict=True):
        if len(m) > 1:
            _join_same(m, n, reports, union)
    partial: list[tuple[int, int]] = []
    for c, d in _candidates(keys):
        # The cut-offs let rapidfuzz stop as soon as a pair cannot reach the threshold.
        if similar_keys(keys[c], keys[d]):
            _join_same(members[c] + members[d], min(lengths[c], lengths[d]), reports, union)
        elif min(lengths[c], lengths[d]) >= MIN_PART_WORDS and (
            fuzz.partial_ratio(keys[c], keys[d], score_cutoff=PART_RATIO)
        ):
            partial.append((c, d))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(reports)):
        groups[union.find(i)].append(i)
    ordered = sorted(groups.values(), key=lambda g: g[0])
    group_of = [0] * len(reports)
    for gi, g in enumerate(ordered):
        for i in g:
            group_of[i] = gi
    links: dict[int, set[int]] = defaultdict(set)
    for c, d in partial:
        for ga, in_a in _by_group(members[c], group_of).items():
            for gb, in_b in _by_group(members[d], group_of).items():
                if ga != gb and _any_compatible(
                    _sources_by_party(in_a, reports), _sources_by_party(in_b, reports)
                ):
                    links[ga].add(gb)
                    links[gb].add(ga)
    return ordered, links


def _by_group(members: list[int], group_of: list[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = defaultdict(list)
    for i in members:
        out[group_of[i]].append(i)
    return out


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
    first = [classes[w][0] for w in sets]
    prefixes: dict[str, _Posting] = {}
    for c in order:
        words = sets[c]
        seen: set[int] = set()

        def visit(d: int, c: int = c, words: frozenset = words, seen: set[int] = seen) -> None:
            if d in seen:
                return
            seen.add(d)
            a, b = first[c], first[d]
            if whole[c] and whole[d] and union.find(a) == union.find(b):
                return
            if len(sources[c]) == 1 and sources[c] == sources[d]:
                return  # one source's own mentions are never linked directly
            if _overlaps(words, sets[d]):
                link_all(c)
                link_all(d)
                union.join(a, b)

        for word in words:
            posting = prefixes.get(word)
            if posting is not None:
                posting.visit(c, visit, whole, first, union)
        need = max(1, int(EVENT_OVERLAP * len(words)))  # at most the overlap a pair must reach
        rarest = sorted(words, key=lambda word: (frequency[word], word))
        for word in rarest[: len(words) - need + 1]:
            prefixes.setdefault(word, _Posting()).loose.append(c)


class _Posting:
    """The classes indexed under one word. Classes already linked into a component sit in a
    bucket per component, so a class that has joined that component skips the whole bucket at
    once: a word shared by thousands of mentions of one day (the year in "before the end of
    the year") costs a step per component, not per class. Skipped pairs are only pairs
    already connected, so the groups are the same as visiting every class."""

    __slots__ = ("loose", "buckets")

    def __init__(self) -> None:
        self.loose: list[int] = []  # classes not known to be linked yet
        self.buckets: dict[int, list[int]] = {}  # component root (at filing) -> classes

    def visit(self, c: int, visit, whole: list[bool], first: list[int], union: _Union) -> None:
        loose = []
        for d in self.loose:
            if whole[d]:
                self.buckets.setdefault(union.find(first[d]), []).append(d)
            else:
                loose.append(d)
                visit(d)
        self.loose = loose
        if not self.buckets:
            return
        merged: dict[int, list[int]] = {}
        for root, ds in self.buckets.items():
            now = union.find(root)
            if now in merged:
                merged[now].extend(ds)
            else:
                merged[now] = ds
        self.buckets = merged
        for root, ds in merged.items():
            if whole[c] and union.find(first[c]) == root:
                continue  # every class here is already linked with c
            for d in ds:
                visit(d)
