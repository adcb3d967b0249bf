"""Adding one article to a built corpus without assembling the corpus again.

A full assembly (store.pipeline) groups every report of a quotation, every mention of a
happening, and derives each position and issue status from every claim. An add does the same
for what one article brings, against a *state* the assembly leaves behind (`state.bin`), which
each journal then changes (store.journal); nothing an add reads or writes grows with the
corpus but the orders of the dashboard's lists:
- `grams.*` / `keys.*`: the word 4-grams and keys of every quotation's reports, by quote row
  (sorted arrays, searched in place), so a new report finds the quotes it may report
  (store.merge's rules, from its side and theirs);
- `eday:<date>`: each day's happenings as their distinct word sets, so a new mention joins
  the happenings it shares words with, exactly as a full grouping would; `emem:<date>`: their
  mentions, read only when the article's fall among them or happenings merge;
- `heads`: per position, its newest claim and the stance-bearing claims of its newest date,
  all a stance, summary and "contested" are read from;
- `status:<issue>`: per issue, its claims per date and status cue, and the newest passages
  behind each cue, from which the status is decided again;
- `touch:<issue>`, `qcount`, `sources`, `undated`, `actors`, `fingerprint`: what the issue,
  source and actor tables are made from, and the code and codebook it was all made with.

What an add cannot decide from its side raises `NeedsFullBuild` (a changed quote that was a
position's newest evidence, an undated article the new one could date, another codebook);
the caller then assembles the whole corpus. On every gold corpus, articles added one at a
time give a full assembly's corpus, in either order (tests/test_incremental.py). On template
text that repeats its phrases a thousand times, which quotations are compared can differ, as
a full assembly counts how common a phrase is over the whole corpus; a quote's `also_in` and
what follows from it can then differ.
"""

from __future__ import annotations

import hashlib
import marshal
from array import array
from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from dataclasses import dataclass, field

from store.ids import stable_id

SECTION = "state."
# What an add needs of each source (the state keeps these, not the whole documents).
_SOURCE_FIELDS = ("id", "published", "path", "content_hash", "outlet")
BASIS_KEPT = 25  # newest passages kept behind an issue's status
BASIS_WINDOW = 2 * BASIS_KEPT  # ... and kept in the state, so a removal can be made good
RARE_REACH = 8  # quotes reached through a gram this rare are checked from their side too
OTHER_SIDE_MAX = 64  # ... at most this many


class NeedsFullBuild(Exception):
    """This add needs the whole corpus assembled again; the message says why."""


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


def key_hashes(key: str) -> tuple[int, list[int]]:
    """A quotation key's hash and the hashes of its word 4-grams (store.merge._grams)."""
    from store.merge import _grams

    return _hash(key), [_hash(" ".join(g)) for g in _grams(key.split())]


def source_order(doc: dict) -> tuple:
    """Where a source's reports and mentions come among all others (store.pipeline order)."""
    return (doc["published"] or "9999", doc["path"], doc["id"])


def claim_record(claim, index: int) -> tuple:
    """A claim as the state keeps it: (item order, clause index, kind, item id, source,
    date, clause party, clause text, stance, status cue, clause issues)."""
    from store.extract.positions import _newest_first

    item, clause = claim.item, claim.clause
    return (_newest_first(item), index, item.kind, item.id, item.source, item.date,
            clause.party, clause.text, clause.stance, clause.status, tuple(clause.issues))


def item_records(item, codebook) -> list[tuple]:
    """The claim records of one evidence item, its clauses in order."""
    from store.extract.positions import _Claim, item_clauses

    return [claim_record(_Claim(item, c), n)
            for n, c in enumerate(item_clauses(item, codebook))]


# --- the state a full assembly leaves ------------------------------------------------------------
def claim_records(claims) -> list[tuple]:
    """Claims (in claims order) as the state keeps them, each with its clause index."""
    records = [claim_record(c, 0) for c in claims]
    _number_clauses(records)
    return records


def corpus_state(*, codebook, sources, quotes, reports, groups, mentions, event_groups,
                 heads, tallies, touching, quote_count, undated) -> dict[str, bytes]:
    """The state sections of a full assembly (see the module docstring)."""
    from store.merge import event_words, quote_key

    order_of = {d["id"]: source_order(d) for d in sources}
    pairs: list[tuple[int, int]] = []
    key_pairs: list[tuple[int, int]] = []
    for row, members in enumerate(groups):
        seen_keys = set()
        for m in members:
            key = quote_key(reports[m]["text"])
            if key in seen_keys:
                continue
            seen_keys.add(key)
            kh, grams = key_hashes(key)
            key_pairs.append((kh, row))
            pairs.extend((g, row) for g in set(grams))
    out: dict[str, bytes] = {}
    for name, found in (("grams", pairs), ("keys", key_pairs)):
        found.sort()  # a gram once per distinct key holding it, as store.merge counts them
        out[f"{SECTION}{name}.hash"] = array("Q", [h for h, _ in found]).tobytes()
        out[f"{SECTION}{name}.row"] = array("I", [r for _, r in found]).tobytes()

    # Happenings by day: each mention with what grouping and the event document need.
    at_in_source: dict[str, int] = defaultdict(int)
    place = []
    for m in mentions:
        place.append((*order_of[m["source"]], at_in_source[m["source"]]))
        at_in_source[m["source"]] += 1
    by_day: dict[str, dict[str, list]] = defaultdict(dict)
    for members in event_groups:
        first = mentions[members[0]]
        if first["date"] is None:
            continue
        by_day[first["date"]][first["id"]] = [
            _member(mentions[i], place[i], event_words(mentions[i]["sentence_text"]))
            for i in members
        ]
    for day, found in by_day.items():
        out[f"{SECTION}eday:{day}"] = marshal.dumps(
            {eid: _compact(members) for eid, members in found.items()})
        out[f"{SECTION}emem:{day}"] = marshal.dumps(
            {eid: [_encode(m) for m in members] for eid, members in found.items()})

    out[f"{SECTION}heads"] = marshal.dumps(heads)
    for issue, st in tallies.items():
        out[f"{SECTION}status:{issue}"] = marshal.dumps(st)
    for issue in (i.id for i in codebook.issues):
        out[f"{SECTION}touch:{issue}"] = marshal.dumps(sorted(touching.get(issue, ())))
    out[f"{SECTION}qcount"] = marshal.dumps(dict(quote_count))
    out[f"{SECTION}sources"] = marshal.dumps(
        {d["id"]: tuple(d[k] for k in _SOURCE_FIELDS) for d in sources})
    out[f"{SECTION}undated"] = marshal.dumps(sorted(undated))
    known = {a.id for a in codebook.actors}
    firsts: dict[str, tuple] = {}
    for q in quotes:
        aid = q.get("actor")
        if aid and aid not in known and aid not in firsts:
            firsts[aid] = (*order_of[q["source"]], q["start"])
    out[f"{SECTION}actors"] = marshal.dumps(firsts)
    from store.analysis_cache import fingerprint

    out[f"{SECTION}fingerprint"] = marshal.dumps(fingerprint(getattr(codebook, "path", None)))
    return out


def _member(m: dict, place: tuple, words) -> tuple:
    """A mention as the state keeps it: (id, source, sentence, issues, words, place)."""
    return (m["id"], m["source"], m["sentence"], tuple(m["issues"]), " ".join(sorted(words)),
            place)


def _encode(m: tuple) -> str:
    """A mention as one string that sorts where the mention does (its place first): a
    happening with thousands of mentions is read as fast as a list of strings is."""
    place = "\x1f".join((m[5][0], m[5][1], m[5][2], f"{m[5][3]:06d}"))
    return "\x1e".join((place, m[0], m[1], m[2] or "", ",".join(m[3]), m[4]))


def _decode(text: str) -> tuple:
    place, mid, source, sentence, issues, words = text.split("\x1e")
    published, path, sid, k = place.split("\x1f")
    return (mid, source, sentence or None, tuple(issues.split(",")) if issues else (), words,
            (published, path, sid, int(k)))


def _compact(members: list[tuple]) -> list:
    """What grouping needs of a happening: [its last mention's place, {words: [a source,
    whether several sources share these words]}]. A happening every article mentions has
    thousands of mentions and far fewer distinct word sets."""
    words: dict[str, list] = {}
    for m in members:
        _add_words(words, m[4], m[1])
    return [members[-1][5], words]


def _add_words(words: dict[str, list], key: str, source: str) -> None:
    found = words.get(key)
    if found is None:
        words[key] = [source, False]
    elif found[0] != source:
        found[1] = True


def _number_clauses(records: list) -> None:
    """Give each claim its clause index within its item (records are in claims order)."""
    last, n = None, 0
    for k, r in enumerate(records):
        n = n + 1 if r[3] == last else 0
        last = r[3]
        records[k] = (r[0], n, *r[2:])


def _position_pairs(record: tuple, issues: tuple, codebook) -> list[tuple[str, str]]:
    party = record[6]
    if party is None or party not in codebook.party_by_id:
        return []
    known = {i.id for i in codebook.issues}
    return [(i, party) for i in issues if i in known]


def derive_state(records: list[tuple], codebook) -> tuple[dict, dict]:
    """Heads and status tallies from claim records in claims order (see the module docstring)."""
    heads: dict[str, dict] = {}
    tallies: dict[str, dict] = {}
    seen: set[tuple] = set()
    for r in records:
        for pair in _position_pairs(r, r[10], codebook):
            pid = stable_id("position", *pair)
            head = heads.get(pid)
            if head is None:
                head = heads[pid] = {"issue": pair[0], "party": pair[1], "first": r,
                                     "bearing": [], "updated": None}
            _add_to_head(head, r)
        for issue in r[10]:
            _add_to_status(tallies.setdefault(issue, _empty_status()), r, issue, seen)
    for st in tallies.values():
        for entries in st["basis"].values():
            del entries[BASIS_WINDOW:]
    return heads, tallies


def _numbers(data) -> array:
    numbers = array("I")
    numbers.frombytes(data)
    return numbers


# What a quote's evidence item is made of (store.pipeline.quote_item).
_ITEM_FIELDS = ("id", "source", "text", "date", "party", "issues", "start", "end")


def _same_item(a, b) -> bool:
    """Whether two evidence items say the same (a quote a later report joined, say)."""
    keys = ("kind", "id", "source", "text", "date", "party", "issues", "start", "end")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


def _resolved(item) -> tuple:
    """An evidence item as the view resolves it for the positions pane (store.view)."""
    return (item.kind, item.id, item.source, item.text, item.date, None, item.start, item.end)


def _empty_status() -> dict:
    # dates: claims per date; cues: claims per (date, cue); basis: the newest passages per cue
    # (BASIS_WINDOW of them, as (order, id)); sizes: how many passages each cue has in all.
    return {"dates": {}, "cues": {}, "basis": {}, "sizes": {}}


def _add_to_head(head: dict, r: tuple) -> None:
    if r[:2] < head["first"][:2]:
        head["first"] = r
    if r[5] and (head["updated"] is None or r[5] > head["updated"]):
        head["updated"] = r[5]
    if r[8] is None:
        return
    bearing = head["bearing"]
    if not bearing or _newer(r[5], bearing[0][5]):
        head["bearing"] = [r]
    elif r[5] == bearing[0][5]:
        insort(bearing, r, key=lambda x: x[:2])


def _newer(a: str | None, b: str | None) -> bool:
    """Whether date `a` is newer than `b` (any date is newer than none)."""
    return a is not None and (b is None or a > b)


def _add_to_status(st: dict, r: tuple, issue: str, seen: set, window: int | None = None
                   ) -> None:
    """Count a claim; a passage with a cue goes into that cue's basis (once)."""
    date, cue = r[5], r[9]
    st["dates"][date] = st["dates"].get(date, 0) + 1
    if cue is None:
        return
    st["cues"][(date, cue)] = st["cues"].get((date, cue), 0) + 1
    if (issue, cue, r[3]) in seen:
        return
    seen.add((issue, cue, r[3]))
    st["sizes"][cue] = st["sizes"].get(cue, 0) + 1
    basis = st["basis"].setdefault(cue, [])
    entry = (r[0], r[3])
    at = bisect_left(basis, entry)
    if window is None or at < window:
        basis.insert(at, entry)
        if window is not None:
            del basis[window:]


def _remove_from_status(st: dict, r: tuple, issue: str, seen: set) -> None:
    """Uncount a claim of an item that is leaving (all its claims go)."""
    date, cue = r[5], r[9]
    st["dates"][date] -= 1
    if not st["dates"][date]:
        del st["dates"][date]
    if cue is None:
        return
    st["cues"][(date, cue)] -= 1
    if not st["cues"][(date, cue)]:
        del st["cues"][(date, cue)]
    if (issue, cue, r[3]) in seen:
        return
    seen.add((issue, cue, r[3]))
    st["sizes"][cue] -= 1
    basis = st["basis"].get(cue, [])
    entry = (r[0], r[3])
    at = bisect_left(basis, entry)
    if at < len(basis) and basis[at] == entry:
        basis.pop(at)
        if len(basis) < min(BASIS_KEPT, st["sizes"][cue]):
            raise NeedsFullBuild("an issue's status lost passages the state does not keep")


# --- from the state back to documents ------------------------------------------------------------
def position_doc(head: dict, codebook) -> dict:
    """A position document from its head, as store.extract.positions.derive_positions makes it
    (evidence and sources live in the view's evidence sections)."""
    from store.extract.positions import _pick_stance, _summary

    if head["bearing"]:
        stance, chosen, contested = _pick_stance([_claim(r) for r in head["bearing"]])
    else:
        stance, chosen, contested = "unclear", _claim(head["first"]), False
    return {
        "id": stable_id("position", head["issue"], head["party"]),
        "issue": head["issue"],
        "party": head["party"],
        "stance": stance,
        "summary": _summary(stance, chosen),
        "contested": contested,
        "updated": head["updated"],
    }


def _claim(r: tuple):
    from store.extract.positions import Clause, EvidenceItem, _Claim

    item = EvidenceItem(kind=r[2], id=r[3], source=r[4], text="", context="", date=r[5],
                        party=r[6], issues=tuple(r[10]), start=0, end=0)
    return _Claim(item, Clause(r[7], r[6], tuple(r[10]), r[8], r[9]))


def issue_status(issue: str, st: dict | None, clash_ids: tuple[str, ...] | None
                 ) -> tuple[str, list[str]]:
    """(status, basis ids) as store.extract.positions.derive_statuses decides them, the basis
    bounded: the BASIS_KEPT newest passages with the status's cue and, for "disputed", the
    positions that clash. (On a large corpus the full list runs to tens of thousands of
    sentences, which nobody reads and every add would rewrite.)"""
    from store.extract.positions import (
        _STATUS_WEIGHT_NEWEST,
        _STATUS_WEIGHT_OLDER,
        _decide,
    )

    votes: dict[str, float] = defaultdict(float)
    basis: dict[str, dict[str, None]] = defaultdict(dict)
    if st is not None:
        dated = [d for d in st["dates"] if d]
        newest = max(dated) if dated else None
        for (date, cue), n in st["cues"].items():
            fresh = date is not None and date == newest
            weight = _STATUS_WEIGHT_NEWEST if fresh or newest is None else _STATUS_WEIGHT_OLDER
            votes[cue] += weight * n
        for cue, entries in st["basis"].items():
            for _, eid in entries[:BASIS_KEPT]:
                basis[cue].setdefault(eid)
    if clash_ids is not None:
        votes["disputed"] += _STATUS_WEIGHT_OLDER
        for eid in clash_ids:
            basis["disputed"].setdefault(eid)
    status = _decide(votes)
    return status, (list(basis[status]) if status != "open" else [])


def clashes(heads: dict, positions: list[dict], codebook) -> dict[str, tuple[str, ...]]:
    """store.extract.positions._clashes over position documents and their heads (in the
    codebook's order, as derive_positions lists them: the last clashing pair is kept)."""
    from store.extract.positions import _CROSS_PARTY_CLASH

    by_issue: dict[str, list[dict]] = defaultdict(list)
    for p in sorted(positions, key=lambda p: position_order(p, codebook)):
        by_issue[p["issue"]].append(p)
    out = {}
    for issue, found in by_issue.items():
        for a in found:
            for b in found:
                if a["party"] < b["party"] and frozenset(
                    {a["stance"], b["stance"]}
                ) in _CROSS_PARTY_CLASH:
                    first = (heads[a["id"]]["first"][3], heads[b["id"]]["first"][3])
                    out[issue] = tuple(dict.fromkeys(first))
    return out


def position_order(p: dict, codebook) -> tuple[int, int]:
    issues = {i.id: n for n, i in enumerate(codebook.issues)}
    parties = {q.id: n for n, q in enumerate(codebook.parties)}
    return issues[p["issue"]], parties[p["party"]]


class _SourceIndex(dict):
    """Source id → what an add needs of the source: kept as the state's tuples, each made a
    dict only when asked for (an add looks at a few of the corpus's thousands)."""

    def __getitem__(self, key: str) -> dict:
        found = dict.__getitem__(self, key)
        if isinstance(found, tuple):
            found = dict(zip(_SOURCE_FIELDS, found, strict=True))
            dict.__setitem__(self, key, found)
        return found

    def get(self, key: str, default=None):
        return self[key] if key in self else default

    def published(self) -> list[str]:
        """Every source's publication date (those that have one)."""
        at = _SOURCE_FIELDS.index("published")
        found = (v[at] if isinstance(v, tuple) else v["published"] for v in self.values())
        return [d for d in found if d]


@dataclass
class Delta:
    """What one add changes, for the journal and the history."""

    sections: dict[str, bytes] = field(default_factory=dict)
    quotes_added: list[str] = field(default_factory=list)
    quotes_removed: list[str] = field(default_factory=list)
    events_added: list[str] = field(default_factory=list)
    events_removed: list[str] = field(default_factory=list)
    source: dict | None = None
    small: dict | None = None
    new_quotes: int = 0
    new_events: int = 0
    quotes_total: int = 0
    events_total: int = 0
    before: dict = field(default_factory=dict)  # statuses and stances before the add
    sources_total: int = 0


# --- one add ----------------------------------------------------------------------------------
def plan_add(corpus, analysis, codebook, cache, pinned: tuple | None = None) -> Delta:
    """The journal for adding one analysed article to the corpus at `corpus` (raises
    NeedsFullBuild when only a full assembly can say).

    The state it reads is tens of thousands of small tuples and dicts with no reference
    cycles; the cyclic garbage collector, left on, walks them all again each time it runs
    (a tenth of an add), so it is paused meanwhile, as store.pipeline.assemble does."""
    import gc

    paused = gc.isenabled()
    gc.disable()
    try:
        return _Add(corpus, codebook, cache).run(analysis, pinned)
    finally:
        if paused:
            gc.enable()


class _Add:
    """One add: the corpus as its layers show it, and what the article changes."""

    def __init__(self, corpus, codebook, cache):
        from pathlib import Path

        from store.changes import _states
        from store.journal import STATE_FILE, LayeredView, open_journals
        from store.view import VIEW_FILE, Rows, View, stamp

        corpus = Path(corpus)
        try:
            base, base_state = View(path=corpus / VIEW_FILE), View(path=corpus / STATE_FILE)
        except OSError as e:
            raise NeedsFullBuild(f"no view or state file ({e})") from e
        journals = open_journals(corpus)
        self.view = LayeredView(base, journals)
        self.state = LayeredView(base_state, journals)
        self.small = self.view.small(sources=False)
        if self.small.get("stamp") != stamp(corpus) or f"{SECTION}heads" not in self.state.names:
            raise NeedsFullBuild("the view or state file is not this corpus's")
        made_with = marshal.loads(base_state.section(f"{SECTION}fingerprint"))
        if cache is None or made_with != cache.folder.name:
            raise NeedsFullBuild("the codebook or the extraction code changed since the build")
        self.corpus, self.codebook, self.cache = corpus, codebook, cache
        self.quotes, self.events = Rows(self.view, "quotes"), Rows(self.view, "events")
        self.counts = {t: len(Rows(self.view, t)) for t in ("sentences", "texts")}
        self.sources = _SourceIndex(self.load_base("sources", {}))
        for j in journals:
            if "small+" in j.names:
                added = marshal.loads(j.section("small+"))["sources"]
                self.sources.update((d["id"], d) for d in added)
        self.delta = Delta()
        self._row_fields: dict[str, dict[int, dict]] = {}
        self.delta.before = _states(self.small)

    # -- helpers ----------------------------------------------------------------------------------
    def load(self, name: str, default=None):
        """A state section as the newest layer holding it has it."""
        full = SECTION + name
        return marshal.loads(self.state.section(full)) if full in self.state.names else default

    def load_base(self, name: str, default=None):
        full = SECTION + name
        base = self.state.base
        return marshal.loads(base.section(full)) if full in base.names else default

    def load_all(self, name: str) -> list:
        """A section each journal holds (changes, in order)."""
        full = SECTION + name
        return [marshal.loads(j.section(full)) for j in self.state.journals if full in j.names]

    def place(self, source_id: str, start: int) -> tuple:
        return (*source_order(self.sources[source_id]), start)

    def run(self, a, pinned):
        from store.extract.dates import CorpusDates, date_mentions, infer_published
        from store.pipeline import report_docs, sentence_docs, source_doc

        if a.source_id in self.sources:
            raise NeedsFullBuild("the article is already in the corpus")
        if a.clean.published:
            published, basis = a.clean.published, a.clean.published_basis or "stated"
        elif pinned and pinned[0]:
            published, basis = pinned
        else:
            from datetime import date

            mentions = getattr(a, "date_mentions", None)
            if mentions is None and a.dates is not None:
                mentions = date_mentions(a.text, a.dates)
            known = CorpusDates(map(date.fromisoformat, self.sources.published()))
            published, basis = infer_published(a.text, known, mentions)
        undated = self.load("undated", [])
        if undated and published:
            raise NeedsFullBuild("an undated article could now be dated from this one")
        if not published and getattr(a, "date_mentions", None):
            undated = sorted({*undated, a.source_id})
        self.a, self.published = a, published
        src = source_doc(a, published, basis)
        self.sources[a.source_id] = src
        self.delta.source = src
        self.sentences = sentence_docs(a)
        reports = report_docs(a, published)
        cues = a.quote_cues if a.quote_cues is not None else [None] * len(reports)
        self._group_quotes(reports, cues)
        self._group_events()
        self._evidence()
        self._issues_and_actors()
        self._sections(undated)
        return self.delta

    # -- quotes -----------------------------------------------------------------------------------
    def _index(self, name: str):
        """(hashes, rows) of the base index and the journals' additions by hash."""
        base = self.state.base
        hashes = memoryview(base.section(f"{SECTION}{name}.hash")).cast("Q")
        rows = memoryview(base.section(f"{SECTION}{name}.row")).cast("I")
        extra: dict[int, list[int]] = defaultdict(list)
        for j in self.state.journals:
            if f"{SECTION}{name}+" in j.names:
                for h, r in marshal.loads(j.section(f"{SECTION}{name}+")):
                    extra[h].append(r)
        return hashes, rows, extra

    @staticmethod
    def _span(index, h: int) -> tuple[int, int]:
        hashes = index[0]
        lo = bisect_left(hashes, h)
        return lo, bisect_right(hashes, h, lo)

    def _postings(self, index, h: int) -> list[int]:
        lo, hi = self._span(index, h)
        return [*index[1][lo:hi], *index[2].get(h, ())]

    def _candidates(self, key: str, grams_ix, keys_ix) -> set[int]:
        """Quote rows worth comparing with a new report's key: those with the same key, and
        those holding enough of its rarest shared 4-grams (store.merge._candidates)."""
        from store.merge import MAX_POSTING, MIN_SHARED, RAREST

        kh, grams = key_hashes(key)
        found = set(self._postings(keys_ix, kh))
        counts = {}
        for g in set(grams):
            lo, hi = self._span(grams_ix, g)
            n = hi - lo + len(grams_ix[2].get(g, ()))
            if 1 <= n and n + 1 <= MAX_POSTING:
                counts[g] = n
        rarest = set(sorted(counts, key=lambda g: (counts[g], g))[:RAREST])
        need = min(MIN_SHARED, len(rarest))
        hits: dict[int, int] = defaultdict(int)  # among the key's rarest grams
        rare: set[int] = set()  # quotes sharing one of its rare grams
        for g in counts:
            for row in set(self._postings(grams_ix, g)):
                if g in rarest:
                    hits[row] += 1
                if counts[g] <= RARE_REACH:
                    rare.add(row)
        found.update(row for row, n in hits.items() if n >= need)
        # From the other side, as a full assembly also pairs them: a quote for which the
        # new key holds enough of *its* rarest shared grams (a fragment of the new quote).
        # Such a quote shares one of the new key's rare grams: only those are read.
        mine = set(grams)
        for row in sorted(rare - found)[:OTHER_SIDE_MAX]:
            if any(self._pairs_from(k, mine, grams_ix) for k in self._row_keys(row)):
                found.add(row)
        return found

    def _pairs_from(self, key: str, new_grams: set[int], grams_ix) -> bool:
        """store.merge._candidates from `key`'s side: does the new key hold enough of its
        rarest grams shared with other quotes (the new one counted)?"""
        from store.merge import MAX_POSTING, MIN_SHARED, RAREST

        counts = {}
        for g in set(key_hashes(key)[1]):
            lo, hi = self._span(grams_ix, g)
            n = hi - lo + len(grams_ix[2].get(g, ())) + (g in new_grams)
            if 1 < n <= MAX_POSTING:
                counts[g] = n
        rarest = sorted(counts, key=lambda g: (counts[g], g))[:RAREST]
        return bool(rarest) and sum(g in new_grams for g in rarest) >= min(MIN_SHARED,
                                                                            len(rarest))

    def _row_keys(self, row: int) -> list[str]:
        from store.merge import quote_key

        return [quote_key(e["text"]) for e in self.quotes.row(row)["reports"]]

    def _group_quotes(self, reports: list[dict], cues: list) -> None:
        from rapidfuzz import fuzz

        from store.merge import MIN_PART_WORDS, PART_RATIO, SAME_RATIO, quote_key

        grams_ix, keys_ix = self._index("grams"), self._index("keys")
        self.owner: dict[int, _Quote] = {}  # current row → the quote it is part of now
        self.quote_objs: list[_Quote] = []
        self.new_keys: list[tuple[_Quote, str]] = []
        sid = self.a.source_id
        for r, cue in zip(reports, cues, strict=True):
            key = quote_key(r["text"])
            words = len(key.split())
            joined, linked = [], []
            rows = {self.quotes.number(self.quotes.fields(n, ("id",))["id"]) for n in
                    self._candidates(key, grams_ix, keys_ix)}
            for row in sorted(n for n in rows if n is not None):
                q = self._quote_at(row)
                if q in joined or q in linked:
                    continue
                others = [k for s, k in q.keys() if s != sid]
                same = any(k == key or fuzz.ratio(key, k, score_cutoff=SAME_RATIO)
                           for k in others)
                if same and q.compatible(r):
                    joined.append(q)
                elif words >= MIN_PART_WORDS and any(
                    len(k.split()) >= MIN_PART_WORDS
                    and fuzz.partial_ratio(key, k, score_cutoff=PART_RATIO) for k in others
                ):
                    linked.append(q)
            mine = _Quote(self)
            mine.add_report(r, self.place(sid, r["start"]), cue, key)
            for q in joined:
                mine.absorb(q)
            for q in {id(x): x for x in mine.merged_from}.values():
                self.quote_objs = [x for x in self.quote_objs if x is not q]
            for row in mine.rows:
                self.owner[row] = mine
            self.quote_objs.append(mine)
            self.new_keys.append((mine, key))
            for q in linked:
                q = self.owner.get(q.rows[0], q) if q.rows else q
                if q is not mine and q.links_with(mine):
                    q.link(mine)

    def analysis_of(self, source_id: str):
        """The analysis of a source already in the corpus (from the analysis cache)."""
        if source_id == self.a.source_id:
            return self.a
        found = self._analyses.get(source_id) if hasattr(self, "_analyses") else None
        if found is None:
            self._analyses = getattr(self, "_analyses", {})
            found = self.cache.get(self.sources[source_id]["content_hash"]) if self.cache else None
            if found is None:
                raise NeedsFullBuild(f"no cached analysis of {self.sources[source_id]['path']}")
            self._analyses[source_id] = found
        return found

    def cue_of(self, entry: dict):
        """The stance and status cues of a report already in the corpus."""
        a = self.analysis_of(entry["source"])
        if a.quote_cues is None:
            return None
        for q, cue in zip(a.quotes, a.quote_cues, strict=True):
            if q.start == entry["start"]:
                return cue
        raise NeedsFullBuild("a report is no longer in its article's analysis")

    def _quote_at(self, row: int) -> _Quote:
        q = self.owner.get(row)
        if q is None:
            q = _Quote(self)
            q.add_doc(self.quotes.row(row), row)
            self.owner[row] = q
            self.quote_objs.append(q)
        return q


    # -- events -----------------------------------------------------------------------------------
    def _day(self, day: str) -> dict[str, list]:
        """A day's happenings as grouping needs them (event id → _compact): the base's, then
        each journal's changes."""
        if day not in self.days:
            found = self.load_base(f"eday:{day}", {})
            for removed, replaced, renamed, appended in self.load_all(f"eday+:{day}"):
                for eid in removed:
                    found.pop(eid, None)
                found.update(replaced)
                for old, new in renamed.items():
                    found[new] = found.pop(old)
                for eid, (last, words) in appended.items():
                    found[eid][0] = max(tuple(found[eid][0]), tuple(last))
                    for key, source in words:
                        _add_words(found[eid][1], key, source)
            self.days[day] = found
            self.day_before[day] = set(found)
        return self.days[day]

    def _members(self, day: str, event_id: str) -> list[str]:
        """Every mention of a happening before this add, encoded (_encode), in order: read
        only when the article's mentions fall among them or happenings merge."""
        if day not in self.day_members:
            found = self.load_base(f"emem:{day}", {})
            for removed, replaced, renamed, appended in self.load_all(f"emem+:{day}"):
                for eid in removed:
                    found.pop(eid, None)
                found.update(replaced)
                for old, new in renamed.items():
                    found[new] = found.pop(old)
                for eid, members in appended.items():
                    found[eid] = found[eid] + members  # put in order when read
            self.day_members[day] = found
        return sorted(self.day_members[day][event_id])

    def _event_for(self, event_id: str) -> _Event:
        ev = self.event_owner.get(event_id)
        if ev is None:
            row = self.events.number(event_id)
            ev = _Event(self, self.events.row(row), row)
            self.event_owner[event_id] = ev
        return ev

    def _group_events(self) -> None:
        from store.extract.events import extract_events
        from store.merge import _overlaps, event_words
        from store.pipeline import _events_of, mention_docs

        a, sid = self.a, self.a.source_id
        self.days: dict[str, dict[str, list]] = {}
        self.day_members: dict[str, dict[str, list]] = {}
        self.day_before: dict[str, set[str]] = {}  # event ids of a day before this add
        self.event_owner: dict[str, _Event] = {}
        self.event_objs: list[_Event] = []
        sets: dict[str, frozenset] = {}
        order = source_order(self.sources[sid])
        found = mention_docs(a, _events_of(a, self.published, self.codebook, extract_events))
        for k, m in enumerate(found):
            member = _member(m, (*order, k), event_words(m["sentence_text"]))
            hits = []
            if m["date"] is not None and member[4]:
                words = frozenset(member[4].split())
                for eid, (_, known) in self._day(m["date"]).items():
                    for key, (source, shared) in known.items():
                        if shared or source != sid:
                            other = sets.get(key) or sets.setdefault(key, frozenset(key.split()))
                            if _overlaps(words, other):
                                hits.append(eid)
                                break
            found_events = list({id(e): e for e in map(self._event_for, hits)}.values())
            if len(found_events) == 1:  # the usual case: one happening gains a mention
                mine = found_events[0]
                before = mine.id
                mine.gain(member, m)
            else:
                mine = _Event(self)
                mine.gain(member, m)
                for other in found_events:
                    mine.absorb(other)
                    if other in self.event_objs:
                        self.event_objs.remove(other)
                before = None
            if m["date"] is not None:
                day = self._day(m["date"])
                for other in found_events:
                    day.pop(other.id if other is not mine else before, None)
                day[mine.id] = mine.compact()
                for member_ in mine.member_ids():
                    self.event_owner[member_] = mine
            if mine not in self.event_objs:
                self.event_objs.append(mine)
        self.delta.new_events = sum(1 for e in self.event_objs if not e.docs)

    # -- evidence, positions and statuses -----------------------------------------------------
    def _evidence(self) -> None:
        from store.pipeline import quote_item, sentence_item

        cb, a = self.codebook, self.a
        added, removed = [], []
        kept = a.sentence_clauses
        for n, s in enumerate(self.sentences):
            if s["issues"]:
                added.append(sentence_item(s, self.published, kept[n] if kept else None))
        self.quote_docs = []  # (quote, new document)
        for q in self.quote_objs:
            if not q.changed:
                continue
            doc = q.doc()
            self.quote_docs.append((q, doc))
            if len(q.docs) == 1 and all(q.docs[0][k] == doc[k] for k in _ITEM_FIELDS):
                continue  # the same evidence (a later report joined, a fragment linked)
            new = quote_item(doc, self.analysis_of(doc["source"]), q.first_cue(), cb)
            olds = [quote_item(d, self.analysis_of(d["source"]), self.cue_of(d["reports"][0]), cb)
                    for d in q.docs]
            if len(olds) == 1 and _same_item(olds[0], new):
                continue
            removed += olds
            added.append(new)
        self.delta.new_quotes = sum(1 for q, d in self.quote_docs if d["source"] == a.source_id)
        self.heads = self.load("heads", {})
        positions_before = self._positions()
        clash_before = clashes(self.heads, positions_before, cb)
        self.status = {}
        self.evidence_changes: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
        gone, seen = set(), set()
        for item in removed:
            for r in item_records(item, cb):
                for pair in _position_pairs(r, r[10], cb):
                    pid = stable_id("position", *pair)
                    head = self.heads.get(pid)
                    if head is None or head["first"][3] == r[3] or any(
                        b[3] == r[3] for b in head["bearing"]
                    ):
                        raise NeedsFullBuild("a changed quote was a position's newest evidence")
                    if r[3] not in self.evidence_changes[pid][1]:
                        self.evidence_changes[pid][1].append(r[3])
                for issue in r[10]:
                    _remove_from_status(self._status(issue), r, issue, gone)
        for item in added:
            resolved = _resolved(item)
            for r in item_records(item, cb):
                for pair in _position_pairs(r, r[10], cb):
                    pid = stable_id("position", *pair)
                    head = self.heads.get(pid)
                    if head is None:
                        self.heads[pid] = {"issue": pair[0], "party": pair[1], "first": r,
                                           "bearing": [], "updated": None}
                    _add_to_head(self.heads[pid], r)
                    adds = self.evidence_changes[pid][0]
                    if not adds or adds[-1][1] != item.id:
                        adds.append(resolved)
                for issue in r[10]:
                    _add_to_status(self._status(issue), r, issue, seen, BASIS_WINDOW)
        self.positions = self._positions(set(self.evidence_changes))
        clash_after = clashes(self.heads, self.positions, cb)
        self.issue_status = {}
        for idef in cb.issues:
            i = idef.id
            if i in self.status or clash_before.get(i) != clash_after.get(i):
                self.issue_status[i] = issue_status(i, self._status(i), clash_after.get(i))

    def _status(self, issue: str) -> dict:
        if issue not in self.status:
            self.status[issue] = self.load(f"status:{issue}", None) or _empty_status()
        return self.status[issue]

    def _positions(self, touched: set[str] = frozenset()) -> list[dict]:
        """The position documents (without their lists), those in `touched` derived anew."""
        rows = {p["id"]: p for p in self.small["positions"]}
        for pid in touched:
            rows[pid] = position_doc(self.heads[pid], self.codebook)
        return sorted(rows.values(), key=lambda p: position_order(p, self.codebook))

    # -- issues and actors ------------------------------------------------------------------------
    def _issues_and_actors(self) -> None:
        sid = self.a.source_id
        touching: dict[str, set[str]] = defaultdict(set)
        for s in self.sentences:
            for i in s["issues"]:
                touching[i].add(sid)
        qdelta: dict[str, int] = defaultdict(int)
        for q, doc in self.quote_docs:
            for i in doc["issues"]:
                touching[i].update([doc["source"], *doc["also_in"]])
                qdelta[i] += 1
            for old in q.docs:
                for i in old["issues"]:
                    qdelta[i] -= 1
        self.touch = {}
        qcount = self.load("qcount", {})
        for i, n in qdelta.items():
            qcount[i] = qcount.get(i, 0) + n
        self.qcount = qcount
        issues = []
        for d in self.small["issues"]:
            d = dict(d)
            i = d["id"]
            if touching.get(i):
                known = set(self.load_base(f"touch:{i}", []))
                known.update(*self.load_all(f"touch+:{i}"))
                fresh = touching[i] - known
                if fresh:
                    known |= fresh
                    self.touch[i] = sorted(fresh)
                    d["sources"] = len(known)
                    dates = [self.sources[x]["published"] for x in fresh
                             if self.sources[x]["published"]]
                    if d["last_reported"]:
                        dates.append(d["last_reported"])
                    d["last_reported"] = max(dates) if dates else None
            if i in qdelta:
                d["quotes"] = qcount.get(i, 0)
            if i in self.issue_status:
                d["status"], d["status_basis"] = self.issue_status[i]
            issues.append(d)
        self.issue_docs = issues
        known = {a.id for a in self.codebook.actors}
        firsts = self.load("actors", {})
        actors = {d["id"]: d for d in self.small["actors"]}
        self.actors_changed = {}
        for _, doc in self.quote_docs:
            aid = doc.get("actor")
            if not aid or aid in known:
                continue
            place = self.place(doc["source"], doc["start"])
            if aid not in firsts or place < tuple(firsts[aid]):
                firsts[aid] = place
                actors[aid] = self.actors_changed[aid] = {
                    "id": aid, "name": doc["speaker"], "party": doc["party"],
                    "kind": doc.get("actor_kind") or "unknown", "aliases": [], "roles": []}
        self.actor_firsts = firsts


    # -- the journal ------------------------------------------------------------------------------
    def _sections(self, undated: list[str]) -> None:
        from store.merge import quote_key
        from store.view import LATEST_KEPT, event_search, joined, quote_search, row_sections

        out, delta, sid = self.delta.sections, self.delta, self.a.source_id
        dead_quotes, dead_events = [], []
        # Quotes: the changed ones as new rows; their old ids and rows point at them.
        first = len(self.quotes)
        qdocs = [doc for _, doc in self.quote_docs]
        ids, aliases, grams, keys = {}, {}, [], []
        for k, (q, doc) in enumerate(self.quote_docs):
            row = first + k
            ids[doc["id"]] = row
            olds = {d["id"] for d in q.docs}
            for old in olds:
                ids.setdefault(old, row)
            if doc["id"] not in olds:
                delta.quotes_added.append(doc["id"])
            for old in olds - {doc["id"]}:
                dead_quotes.append(old)
            # Older reports' ids already lead to this quote: through their aliases to an
            # old id, which the id index above now points here.
            aliases.update((e["id"], doc["id"]) for e in doc["reports"][1:]
                           if e["source"] == sid)
            indexed = {quote_key(e["text"]) for e in doc["reports"] if e["source"] != sid}
            for e in doc["reports"]:
                key = quote_key(e["text"])
                if e["source"] == sid and key not in indexed:  # a key once, as merge counts
                    indexed.add(key)
                    kh, gs = key_hashes(key)
                    keys.append((kh, row))
                    grams.extend((g, row) for g in set(gs))
        delta.quotes_removed = dead_quotes
        parties = {d["id"]: d["name"] for d in self.small["parties"]}
        if qdocs:
            out.update(row_sections("quotes", qdocs, ids))
            out["quotes.first"] = marshal.dumps(first)
            out["quotes.search"], out["quotes.search_offsets"] = joined(
                quote_search(d, parties, self.sources) for d in qdocs)
            names = marshal.loads(self.view.section("quotes.parties"))
            for d in qdocs:
                if d.get("party") and d["party"] not in names and len(names) < 256:
                    names.append(d["party"])
            out["quotes.parties"] = marshal.dumps(names)
            out["quotes.party"] = bytes(
                names.index(d["party"]) if d.get("party") in names else 0 for d in qdocs)
        self._quote_orders(out, qdocs, first)
        # Events.
        first = len(self.events)
        edocs = [ev.doc() for ev in self.event_objs]
        ids = {}
        for k, (ev, doc) in enumerate(zip(self.event_objs, edocs, strict=True)):
            ids[doc["id"]] = first + k
            olds = {d["id"] for d in ev.docs}
            for old in olds:
                ids.setdefault(old, first + k)
            if doc["id"] not in olds:
                delta.events_added.append(doc["id"])
            dead_events += sorted(olds - {doc["id"]})
            aliases.update((m, doc["id"]) for m in doc["aliases"] if m in ev.news)
        delta.events_removed = dead_events
        if aliases:
            out["aliases+"] = marshal.dumps(aliases)
        if edocs:
            out.update(row_sections("events", edocs, ids))
            out["events.first"] = marshal.dumps(first)
            out["events.search"], out["events.search_offsets"] = joined(map(event_search, edocs))
            out["events.scheduled"] = bytes(bool(d.get("scheduled")) for d in edocs)
        self._event_orders(out, edocs, first)
        # The article's sentences and text.
        first = self.counts["sentences"]
        out.update(row_sections("sentences", self.sentences,
                                {d["id"]: first + n for n, d in enumerate(self.sentences)}))
        out["sentences.first"] = marshal.dumps(first)
        out.update(row_sections("texts", [{"id": sid, "text": self.a.text}],
                                {sid: self.counts["texts"]}))
        out["texts.first"] = marshal.dumps(self.counts["texts"])
        out["dead"] = marshal.dumps({"quotes": dead_quotes, "events": dead_events})
        # Positions' evidence, and the small tables.
        latest = marshal.loads(self.view.section("evidence.latest"))
        for pid, (adds, removes) in self.evidence_changes.items():
            out[f"evidence+:{pid}"] = marshal.dumps((adds, removes))
            latest[pid] = self._latest(pid, latest.get(pid), adds, removes, LATEST_KEPT)
        out["evidence.latest"] = marshal.dumps(latest)
        out["small+"] = marshal.dumps({
            "sources": [self.delta.source], "actors": self.actors_changed,
            "known_actors": len(self.codebook.actors), "issues": self.issue_docs,
            "positions": self.positions,
        })
        delta.small = {**self.small, "issues": self.issue_docs, "positions": self.positions}
        delta.sources_total = len(self.sources)
        # What the next add reads.
        out[f"{SECTION}grams+"] = marshal.dumps(grams)
        out[f"{SECTION}keys+"] = marshal.dumps(keys)
        for day, events in self.days.items():
            replaced, renamed, appended, members_replaced, members_appended = {}, {}, {}, {}, {}
            for ev in self.event_objs:
                if ev.date != day:
                    continue
                if ev.single:  # one happening gained mentions: only those are written
                    if ev.id != ev.docs[0]["id"]:
                        renamed[ev.docs[0]["id"]] = ev.id
                    appended[ev.id] = (max(t[5] for t in ev.tail),
                                       [(t[4], t[1]) for t in ev.tail])
                    members_appended[ev.id] = [_encode(t) for t in ev.tail]
                else:  # new, or several merged
                    replaced[ev.id] = events[ev.id]
                    members_replaced[ev.id] = [_encode(m) for m in ev.members]
            removed = sorted(self.day_before[day] - set(events) - set(renamed))
            out[f"{SECTION}eday+:{day}"] = marshal.dumps((removed, replaced, renamed, appended))
            out[f"{SECTION}emem+:{day}"] = marshal.dumps(
                (removed, members_replaced, renamed, members_appended))
        out[f"{SECTION}heads"] = marshal.dumps(self.heads)
        for issue, st in self.status.items():
            out[f"{SECTION}status:{issue}"] = marshal.dumps(st)
        for issue, fresh in self.touch.items():
            out[f"{SECTION}touch+:{issue}"] = marshal.dumps(fresh)
        out[f"{SECTION}qcount"] = marshal.dumps(self.qcount)
        out[f"{SECTION}undated"] = marshal.dumps(undated)
        out[f"{SECTION}actors"] = marshal.dumps(self.actor_firsts)

    def _latest(self, pid: str, old, adds: list, removes: list, n: int) -> tuple:
        """(cited, resolved, newest items) of a position after this add (store.view)."""
        from store.view import _evidence_key, newest_evidence

        gone = set(removes)
        if old is None or gone & {e[1] for e in old[2]}:
            found = self.view.evidence(pid)
            items = [e for e in (found[1] if found else []) if e[1] not in gone] + list(adds)
            items.sort(key=_evidence_key)
            return len(items), len(items), newest_evidence(items, n)
        items = sorted([*old[2], *adds], key=_evidence_key)
        return (old[0] - len(removes) + len(adds), old[1] - len(removes) + len(adds),
                newest_evidence(items, n))

    def _row_doc(self, table: str, n: int, fresh: list[dict], first: int) -> dict:
        """The fields a row is ordered by (read once per add)."""
        if n >= first:
            return fresh[n - first]
        cache = self._row_fields.setdefault(table, {})
        if n not in cache:
            rows = self.quotes if table == "quotes" else self.events
            cache[n] = rows.fields(n, ("id", "source", "start", "date"))
        return cache[n]

    def _quote_orders(self, out: dict, qdocs: list[dict], first: int) -> None:
        """quotes.all and quotes.by_issue with the replaced rows out and the new ones in
        (newest first; a date's quotes in the order of their first reports). A changed quote
        that keeps its place takes its old row's place in the lists it stays in; the other
        old rows go out in one pass per list, and the new ones are put in by their keys."""
        def key(n: int) -> tuple:
            d = self._row_doc("quotes", n, qdocs, first)
            date = d.get("date") or ""
            return (not date, tuple(-ord(c) for c in date), self.place(d["source"], d["start"]))

        lists = {None: _numbers(self.view.section("quotes.all"))}
        lists.update((i, _numbers(b)) for i, b in
                     marshal.loads(self.view.section("quotes.by_issue")).items())
        swap: dict[str | None, dict[int, int]] = defaultdict(dict)  # list → old row → new
        drop: dict[str | None, set[int]] = defaultdict(set)
        put: dict[str | None, list[int]] = defaultdict(list)
        for k, (q, d) in enumerate(self.quote_docs):
            n = first + k
            now = {None, *d["issues"]}
            if len(q.docs) == 1 and key(q.rows[0]) == key(n):  # the same place
                was = {None, *q.docs[0]["issues"]}
                for name in now & was:
                    swap[name][q.rows[0]] = n
                for name in was - now:
                    drop[name].add(q.rows[0])
                for name in now - was:
                    put[name].append(n)
                continue
            for row, old in zip(q.rows, q.docs, strict=True):
                for name in {None, *old["issues"]}:
                    drop[name].add(row)
            for name in now:
                put[name].append(n)
        for name in set(swap) | set(drop) | set(put):
            numbers = lists.setdefault(name, array("I"))
            if swap[name] or drop[name]:
                sub, gone = swap[name], drop[name]
                numbers = lists[name] = array(
                    "I", [sub.get(x, x) for x in numbers if x not in gone])
            for n in put[name]:
                numbers.insert(bisect_left(numbers, key(n), key=key), n)
        everything = lists.pop(None)
        out["quotes.all"] = everything.tobytes()
        self.delta.quotes_total = len(everything)
        out["quotes.by_issue"] = marshal.dumps({i: a.tobytes() for i, a in lists.items()})

    def _event_orders(self, out: dict, edocs: list[dict], first: int) -> None:
        def key(n: int) -> tuple:
            d = self._row_doc("events", n, edocs, first)
            return (d.get("date") is None, d.get("date") or "", d["id"])

        order = _numbers(self.view.section("events.order"))
        swap, gone, put = {}, set(), []
        for k, ev in enumerate(self.event_objs):
            n = first + k
            if len(ev.docs) == 1 and key(ev.rows[0]) == key(n):  # the same place: swap rows
                swap[ev.rows[0]] = n
            else:
                gone.update(ev.rows)
                put.append(n)
        if swap or gone:  # one pass over the order, not a search per row
            order = array("I", [swap.get(x, x) for x in order if x not in gone])
        for n in put:
            order.insert(bisect_left(order, key(n), key=key), n)
        out["events.order"] = order.tobytes()
        self.delta.events_total = len(order)


class _Quote:
    """A quote as one add changes it: its reports in order and the documents it came from
    (several when a new report is the same quotation as two quotes until now)."""

    def __init__(self, add: _Add):
        self.add = add
        self.docs: list[dict] = []  # the documents it replaces
        self.rows: list[int] = []  # their rows
        self.members: list[tuple[tuple, dict]] = []  # (place, report entry), earliest first
        self.news: list[tuple[tuple, dict, object]] = []  # (place, report, cue) of the article
        self.linked: list[str] = []  # sources of quotes that report part of it, added now
        self.merged_from: list[_Quote] = []
        self.changed = False
        self._keys: list[tuple[str, str]] | None = None

    def add_doc(self, doc: dict, row: int) -> None:
        self.docs.append(doc)
        self.rows.append(row)
        for e in doc["reports"]:
            self.members.append((self.add.place(e["source"], e["start"]), e))
        self.members.sort(key=lambda m: m[0])
        self._keys = None

    def add_report(self, r: dict, place: tuple, cue, key: str) -> None:
        from store.pipeline import REPORT_FIELDS

        self.news.append((place, r, cue))
        self.members.append((place, {k: r[k] for k in REPORT_FIELDS}))
        self.members.sort(key=lambda m: m[0])
        self.changed = True
        self._keys = None

    def absorb(self, other: _Quote) -> None:
        self.docs += other.docs
        self.rows += other.rows
        self.members = sorted(self.members + other.members, key=lambda m: m[0])
        self.news += other.news
        self.linked += other.linked
        self.merged_from.append(other)
        self.changed = True
        self._keys = None

    def link(self, other: _Quote) -> None:
        """`other` reports part of this quote, or this part of `other`."""
        self.linked += other.own_sources()
        other.linked += self.own_sources()
        self.changed = other.changed = True

    def links_with(self, other: _Quote) -> bool:
        """store.merge._any_compatible: some report of each, from different sources, not
        naming different parties."""
        return any(
            a["source"] != b["source"]
            and not (a.get("party") and b.get("party") and a["party"] != b["party"])
            for _, a in self.members for _, b in other.members
        )

    def own_sources(self) -> list[str]:
        return [e["source"] for _, e in self.members]

    def keys(self) -> list[tuple[str, str]]:
        from store.merge import quote_key

        if self._keys is None:
            self._keys = [(e["source"], quote_key(e["text"])) for _, e in self.members]
        return self._keys

    def _speaker(self) -> dict:
        """The earliest report that names a speaker, else the first."""
        return next((e for _, e in self.members if e.get("speaker")), self.members[0][1])

    def compatible(self, report: dict) -> bool:
        """Whether some report of the quote and `report` do not name different parties
        (store.merge joins reports of one quotation pooled by party)."""
        return any(not (report["party"] and e.get("party") and report["party"] != e["party"])
                   for _, e in self.members if e["source"] != report["source"])

    def _first_fields(self) -> dict:
        first = self.members[0][1]
        for _, r, _ in self.news:
            if r["id"] == first["id"]:
                return r
        return next(d for d in self.docs if d["id"] == first["id"])

    def first_cue(self):
        first = self.members[0][1]
        for _, r, cue in self.news:
            if r["id"] == first["id"]:
                return cue
        return self.add.cue_of(first)

    def doc(self) -> dict:
        """The quote document, as store.pipeline.quote_doc makes it from all its reports."""
        base = self._first_fields()
        speaker = self._speaker()
        linked = []
        for d in self.docs:
            own = {e["source"] for e in d["reports"]}
            linked += [s for s in d["also_in"] if s not in own]
        own = self.own_sources()
        return {
            **{k: base[k] for k in ("id", "source", "start", "end", "text", "kind", "sentence",
                                     "date")},
            "speaker": speaker["speaker"],
            "actor": speaker["actor"],
            "actor_kind": speaker["actor_kind"],
            "party": speaker["party"],
            "issues": list(dict.fromkeys(i for _, e in self.members for i in e["issues"])),
            "also_in": [s for s in dict.fromkeys(own[1:] + linked + self.linked)
                        if s != base["source"]],
            "aliases": [e["id"] for _, e in self.members[1:]],
            "reports": [e for _, e in self.members],
        }


class _Event:
    """A happening as one add changes it: the mentions it had (read from the state only when
    the article's fall among them, or happenings merge), and the article's (`tail`)."""

    def __init__(self, add: _Add, doc: dict | None = None, row: int | None = None):
        self.add = add
        self.docs: list[dict] = [doc] if doc else []  # documents it replaces
        self.rows: list[int] = [row] if row is not None else []
        self.merged: list[tuple] = []  # mentions of happenings merged into a new one
        self.tail: list[tuple] = []  # the article's mentions
        self.news: dict[str, dict] = {}  # member id → the article's mention
        # what grouping knew of it before the add (_compact), for a happening of the corpus
        self.before = add._day(doc["date"])[doc["id"]] if doc else None

    @property
    def date(self) -> str | None:
        return self.docs[0]["date"] if self.docs else next(iter(self.news.values()))["date"]

    @property
    def single(self) -> bool:
        """A happening of the corpus that gains the article's mentions (no merge)."""
        return len(self.docs) == 1 and not self.merged

    def _old(self) -> list[str]:
        return self.add._members(self.docs[0]["date"], self.docs[0]["id"])

    @property
    def appended(self) -> bool:
        """Whether the article's mentions all come after the happening's others."""
        return self.single and all(t[5] > tuple(self.before[0]) for t in self.tail)

    @property
    def members(self) -> list[tuple]:
        """Every mention in order (a merge or a new happening: all are written)."""
        if self.single:
            found = [_decode(x) for x in self._old()]
        else:
            found = list(self.merged)
        return sorted(found + self.tail, key=lambda m: m[5])

    @property
    def id(self) -> str:
        if not self.single:
            return self.members[0][0]
        first = min(self.tail, key=lambda m: m[5], default=None)
        old = self.docs[0]["id"]
        if first is None or self.appended or _encode(first) > self._old()[0]:
            return old
        return first[0]

    def gain(self, member: tuple, mention: dict) -> None:
        self.tail.append(member)
        self.news[member[0]] = mention

    def absorb(self, other: _Event) -> None:
        self.merged += other.members
        self.docs += other.docs
        self.rows += other.rows
        self.news.update(other.news)

    def member_ids(self) -> list[str]:
        return [self.id, *(d["id"] for d in self.docs)]

    def compact(self) -> list:
        if self.single:
            words = dict(self.before[1])
            for m in self.tail:
                _add_words(words, m[4], m[1])
            return [max(tuple(self.before[0]), *(t[5] for t in self.tail)), words]
        return _compact(self.members)

    def doc(self) -> dict:
        if self.single:
            return self._extended()
        members = self.members
        first = members[0]
        base = self.news.get(first[0]) or next(d for d in self.docs if d["id"] == first[0])
        return {
            "id": first[0],
            **{k: base[k] for k in ("date", "date_basis", "precision", "title")},
            "issues": list(dict.fromkeys(i for m in members for i in m[3])),
            "sources": list(dict.fromkeys(m[1] for m in members)),
            "sentences": [m[2] for m in members],
            "scheduled": base["scheduled"],
            "start": base["start"],
            "end": base["end"],
            "aliases": [m[0] for m in members[1:]],
        }

    def _extended(self) -> dict:
        """The document with the article's mentions put in their places: its lists follow
        the mentions' order, so each goes in where its place falls among the others' (found
        by one pass over the mentions before the last of them, reading two fields of each)."""
        doc = dict(self.docs[0])
        sentences, aliases = list(doc["sentences"]), list(doc["aliases"])
        old_sources, old_issues = doc["sources"], doc["issues"]
        tail = sorted(self.tail, key=lambda m: m[5])
        if self.appended:
            for t in tail:
                sentences.append(t[2])
                aliases.append(t[0])
            return {**doc, "sentences": sentences, "aliases": aliases,
                    "sources": list(dict.fromkeys([*old_sources, *(t[1] for t in tail)])),
                    "issues": list(dict.fromkeys([*old_issues, *(i for t in tail for i in t[3])]))}
        enc = self._old()
        points = [bisect_left(enc, _encode(t)) for t in tail]
        sources: dict[str, None] = {}  # in order of first appearance, as far as walked
        issues: dict[str, None] = {}
        walked = 0
        for n, (t, p) in enumerate(zip(tail, points, strict=True)):
            for x in enc[walked:p]:
                fields = x.split("\x1e")
                sources.setdefault(fields[2])
                for i in filter(None, fields[4].split(",")):
                    issues.setdefault(i)
            walked = p
            k = p + n  # its index among all mentions, the article's earlier ones counted
            if k == 0:  # the first mention now: the happening takes its id and words
                mention = self.news[t[0]]
                aliases.insert(0, doc["id"])
                doc.update({f: mention[f] for f in ("id", "date_basis", "precision", "title",
                                                    "scheduled", "start", "end")})
            else:
                aliases.insert(k - 1, t[0])
            sentences.insert(k, t[2])
            sources.setdefault(t[1])
            for i in t[3]:
                issues.setdefault(i)
        return {**doc, "sentences": sentences, "aliases": aliases,
                "sources": list(dict.fromkeys([*sources, *old_sources])),
                "issues": list(dict.fromkeys([*issues, *old_issues]))}
