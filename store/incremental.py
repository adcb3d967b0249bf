"""Adding one article to a built corpus without assembling the corpus again.

(The state and the derivations both paths share are in store.state; a quote and a happening
as an add changes them, in store.regroup.)

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

import marshal
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from store.ids import stable_id
from store.regroup import Event, Quote
from store.state import (
    BASIS_WINDOW,
    SECTION,
    SOURCE_FIELDS,
    NeedsFullBuild,
    add_to_head,
    add_to_status,
    add_words,
    clashes,
    empty_status,
    encode_mention,
    issue_status,
    item_records,
    key_hashes,
    mention_record,
    position_doc,
    position_order,
    position_pairs,
    remove_from_status,
    source_order,
)
from store.view import row_patch

__all__ = ["NeedsFullBuild", "plan_add"]

RARE_REACH = 8  # quotes reached through a gram this rare are checked from their side too
OTHER_SIDE_MAX = 64  # ... at most this many


def _apply_day_changes(found: dict, removed, replaced: dict, renamed: dict) -> None:
    """A journal's changes to a day's happenings (or their mentions), but what they gained."""
    for eid in removed:
        found.pop(eid, None)
    found.update(replaced)
    for old, new in renamed.items():
        found[new] = found.pop(old)


def _numbers(data) -> array:
    numbers = array("I")
    numbers.frombytes(data)
    return numbers


PATCH_FROM = 64  # mentions: a happening mentioned this often is written as its changes


def _event_row(event: Event, doc: dict) -> dict:
    """What an add writes of a happening: the document, or for one that thousands of
    articles mention and that only gains the article's mentions, a patch of its row."""
    if event.single and len(event.docs[0]["sentences"]) >= PATCH_FROM:
        return row_patch(event.docs[0], doc, event.rows[0])
    return doc


def _swap_and_drop(numbers: array, swap: dict[int, int], gone: set[int]) -> None:
    """Replace the swapped rows where they stand and take the gone ones out. An add changes
    a few rows of orders a hundred thousand long: each is found by a byte search, not by a
    pass in Python over every row."""
    if not swap and not gone:
        return
    data, width = numbers.tobytes(), numbers.itemsize
    found = {}
    for row in (*swap, *gone):
        needle = array(numbers.typecode, [row]).tobytes()
        at = data.find(needle)
        while at != -1 and at % width:  # a match across two numbers' bytes
            at = data.find(needle, at + 1)
        if at != -1:
            found[row] = at // width
    for row, new in swap.items():
        if row in found:
            numbers[found[row]] = new
    for at in sorted((found[row] for row in gone if row in found), reverse=True):
        del numbers[at]


# What a quote's evidence item is made of (store.pipeline.quote_item).
_ITEM_FIELDS = ("id", "source", "text", "date", "party", "issues", "start", "end")


def _same_item(a, b) -> bool:
    """Whether two evidence items say the same (a quote a later report joined, say)."""
    keys = ("kind", "id", "source", "text", "date", "party", "issues", "start", "end")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


def _resolved(item) -> tuple:
    """An evidence item as the view resolves it for the positions pane (store.view)."""
    return (item.kind, item.id, item.source, item.text, item.date, None, item.start, item.end)


class _SourceIndex(dict):
    """Source id → what an add needs of the source: kept as the state's tuples, each made a
    dict only when asked for (an add looks at a few of the corpus's thousands)."""

    def __getitem__(self, key: str) -> dict:
        found = dict.__getitem__(self, key)
        if isinstance(found, tuple):
            found = dict(zip(SOURCE_FIELDS, found, strict=True))
            dict.__setitem__(self, key, found)
        return found

    def get(self, key: str, default=None):
        return self[key] if key in self else default

    def published(self) -> list[str]:
        """Every source's publication date (those that have one)."""
        at = SOURCE_FIELDS.index("published")
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
    from store.collector import collector_paused

    with collector_paused():
        add = _Add(corpus, codebook, cache)
        try:
            return add.run(analysis, pinned)
        finally:  # its quotes and happenings point back at it: freed now, not by the collector
            add.__dict__.clear()


class _Add:
    """One add: the corpus as its layers show it, and what the article changes."""

    def __init__(self, corpus, codebook, cache):
        from pathlib import Path

        from store.changes import _states
        from store.journal import STATE_FILE, LayeredView, open_journals
        from store.view import VIEW_FILE, Rows, View, row_count, stamp

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
        self.counts = {t: row_count(self.view, t) for t in ("sentences", "texts")}
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

    def source_order(self, source_id: str) -> tuple:
        return source_order(self.sources[source_id])

    def place(self, source_id: str, start: int) -> tuple:
        return (*self.source_order(source_id), start)

    def run(self, a, pinned):
        from store.extract.dates import (
            CorpusDates,
            date_mentions,
            infer_published,
            with_captions,
        )
        from store.extract.sameday import KnownDays, pins
        from store.pipeline import report_docs, sentence_docs, source_doc

        if a.source_id in self.sources:
            raise NeedsFullBuild("the article is already in the corpus")
        self.days: dict[str, dict[str, list]] = {}  # a day's happenings, read when needed
        self.day_before: dict[str, set[str]] = {}  # event ids of a day before this add
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
            days = pins(a.text, a.sentences, mentions or [], KnownDays(self._day_words),
                        known.anchor)  # happenings the corpus has put on a day
            published, basis = infer_published(
                a.text, known, with_captions(mentions, a.clean.captions), days)
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

        from store.merge import MIN_PART_WORDS, PART_RATIO, joins, quote_key, similar_keys

        grams_ix, keys_ix = self._index("grams"), self._index("keys")
        self.owner: dict[int, Quote] = {}  # current row → the quote it is part of now
        self.quote_objs: list[Quote] = []
        sid = self.a.source_id
        current: dict[int, int | None] = {}  # an indexed row → the row its quote is in now
        for r, cue in zip(reports, cues, strict=True):
            key = quote_key(r["text"])
            words = len(key.split())
            joined, linked = [], []
            found = self._candidates(key, grams_ix, keys_ix)
            for n in found - current.keys():
                current[n] = self.quotes.number(self.quotes.fields(n, ("id",))["id"])
            rows = {current[n] for n in found}
            for row in sorted(n for n in rows if n is not None):
                q = self._quote_at(row)
                if q in joined or q in linked:
                    continue
                others = [(k, e) for (s, k), (_, e) in zip(q.keys(), q.members, strict=True)
                          if s != sid]
                if any(joins(r, e, key, k) for k, e in others):
                    joined.append(q)
                elif words >= MIN_PART_WORDS and any(  # a fragment, as store.merge links it
                    len(k.split()) >= MIN_PART_WORDS and not similar_keys(key, k)
                    and fuzz.partial_ratio(key, k, score_cutoff=PART_RATIO) for k, _ in others
                ):
                    linked.append(q)
            mine = Quote(self)
            mine.add_report(r, self.place(sid, r["start"]), cue, key)
            for q in joined:
                mine.absorb(q)
            self.quote_objs = [x for x in self.quote_objs if all(x is not q for q in joined)]
            for row in mine.rows:
                self.owner[row] = mine
            self.quote_objs.append(mine)
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

    def _quote_at(self, row: int) -> Quote:
        q = self.owner.get(row)
        if q is None:
            q = Quote(self)
            q.add_doc(self.quotes.row(row), row)
            self.owner[row] = q
            self.quote_objs.append(q)
        return q


    # -- events -----------------------------------------------------------------------------------
    def _day(self, day: str) -> dict[str, list]:
        """A day's happenings as grouping needs them (event id → compact_happening): the
        base's, then each journal's changes."""
        if day not in self.days:
            found = self.load_base(f"eday:{day}", {})
            for removed, replaced, renamed, appended in self.load_all(f"eday+:{day}"):
                _apply_day_changes(found, removed, replaced, renamed)
                for eid, (last, words) in appended.items():
                    found[eid][0] = max(tuple(found[eid][0]), tuple(last))
                    for key, source in words:
                        add_words(found[eid][1], key, source)
            self.days[day] = found
            self.day_before[day] = set(found)
        return self.days[day]

    def _day_words(self, day) -> list[frozenset[str]]:
        """The word sets of the happenings the corpus has on a day (sameday.KnownDays, which
        asks once per day and indexes them)."""
        return [frozenset(key.split()) for _, words in self._day(day.isoformat()).values()
                for key in words]

    def _members(self, day: str, event_id: str) -> list[str]:
        """Every mention of a happening before this add, encoded (encode_mention), in order: read
        only when the article's mentions fall among them or happenings merge. Put in order
        once per add, and the same list each time after (its readers do not change it)."""
        if day not in self.day_members:
            found = self.load_base(f"emem:{day}", {})
            for removed, replaced, renamed, appended in self.load_all(f"emem+:{day}"):
                _apply_day_changes(found, removed, replaced, renamed)
                for eid, members in appended.items():
                    found[eid] = found[eid] + members  # put in order when read
            self.day_members[day] = found
        members = self.day_members[day]
        if (day, event_id) not in self.in_order:
            members[event_id] = sorted(members[event_id])
            self.in_order.add((day, event_id))
        return members[event_id]

    def _event_for(self, event_id: str) -> Event:
        ev = self.event_owner.get(event_id)
        if ev is None:
            row = self.events.number(event_id)
            ev = Event(self, self.events.row(row), row)
            self.event_owner[event_id] = ev
        return ev

    def _group_events(self) -> None:
        from store.extract.events import extract_events
        from store.merge import _overlaps, event_words
        from store.pipeline import _events_of, mention_docs

        a, sid = self.a, self.a.source_id
        self.day_members: dict[str, dict[str, list]] = {}
        self.in_order: set[tuple[str, str]] = set()  # (day, happening): members sorted
        self.event_owner: dict[str, Event] = {}
        self.event_objs: list[Event] = []
        sets: dict[str, frozenset] = {}
        order = source_order(self.sources[sid])
        found = mention_docs(a, _events_of(a, self.published, self.codebook, extract_events))
        for k, m in enumerate(found):
            member = mention_record(m, (*order, k), event_words(m["sentence_text"]))
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
                mine = Event(self)
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
                for pair in position_pairs(r, r[10], cb):
                    pid = stable_id("position", *pair)
                    head = self.heads.get(pid)
                    if head is None or head["first"][3] == r[3] or any(
                        b[3] == r[3] for b in head["bearing"]
                    ):
                        raise NeedsFullBuild("a changed quote was a position's newest evidence")
                    if r[3] not in self.evidence_changes[pid][1]:
                        self.evidence_changes[pid][1].append(r[3])
                for issue in r[10]:
                    remove_from_status(self._status(issue), r, issue, gone)
        for item in added:
            resolved = _resolved(item)
            for r in item_records(item, cb):
                for pair in position_pairs(r, r[10], cb):
                    pid = stable_id("position", *pair)
                    head = self.heads.get(pid)
                    if head is None:
                        self.heads[pid] = {"issue": pair[0], "party": pair[1], "first": r,
                                           "bearing": [], "updated": None}
                    add_to_head(self.heads[pid], r)
                    adds = self.evidence_changes[pid][0]
                    if not adds or adds[-1][1] != item.id:
                        adds.append(resolved)
                for issue in r[10]:
                    add_to_status(self._status(issue), r, issue, seen, BASIS_WINDOW)
        self.positions = self._positions(set(self.evidence_changes))
        clash_after = clashes(self.heads, self.positions, cb)
        self.issue_status = {}
        for idef in cb.issues:
            i = idef.id
            if i in self.status or clash_before.get(i) != clash_after.get(i):
                self.issue_status[i] = issue_status(i, self._status(i), clash_after.get(i))

    def _status(self, issue: str) -> dict:
        if issue not in self.status:
            self.status[issue] = self.load(f"status:{issue}", None) or empty_status()
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
            out.update(row_sections("events", list(map(_event_row, self.event_objs, edocs)), ids))
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
                    members_appended[ev.id] = [encode_mention(t) for t in ev.tail]
                else:  # new, or several merged
                    replaced[ev.id] = events[ev.id]
                    members_replaced[ev.id] = [encode_mention(m) for m in ev.members]
            removed = sorted(self.day_before[day] - set(events) - set(renamed))
            if not (removed or replaced or renamed or appended):
                continue  # a day only read (the publication date's inference): unchanged
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
            _swap_and_drop(numbers, swap[name], drop[name])
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
        _swap_and_drop(order, swap, gone)
        for n in put:
            order.insert(bisect_left(order, key(n), key=key), n)
        out["events.order"] = order.tobytes()
        self.delta.events_total = len(order)
