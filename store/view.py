"""The view file: the corpus re-encoded for random access, so the dashboard opens fast.

Parsing corpus.json and provenance.json whole costs seconds per thousand articles, yet a
screen shows a few dozen entries. `view.bin` (in the corpus folder, so a build's swap drops
it) keeps the small tables ready to load and every big table as rows of JSON with offsets,
read through mmap only when a row is asked for; quotes per issue and events per timeline
section are pre-sorted. It is made from the JSON on first load (or by `build`) and checked
against corpus.json's size and mtime. It is derived from derived data: safe to delete.
"""

from __future__ import annotations

import json
import marshal
import mmap
import os
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import compress, count, islice
from operator import ne
from pathlib import Path

from store import corpus as corpus_files

VIEW_FILE = "view.bin"
VIEW_FORMAT = 7
BIG_TABLES = ("quotes", "events", "sentences", "texts")
POSITION_LISTS = ("evidence", "sources")  # kept in each position's own section
LATEST_KEPT = 5  # newest evidence items kept per position, ready for the positions pane


def stamp(corpus: Path) -> list:
    st = (corpus / corpus_files.MAIN_FILE).stat()
    return [VIEW_FORMAT, st.st_size, st.st_mtime_ns]


def _by_date_newest(rows: list[dict], picked: list[int]) -> bytes:
    newest = sorted(picked, key=lambda n: rows[n].get("date") or "", reverse=True)
    return array("I", newest).tobytes()


def row_sections(name: str, rows: list[dict], ids: dict[str, int]) -> dict[str, bytes]:
    """A big table's rows as JSON with their offsets, and its id index (id → row number):
    as sorted arrays searched in place (ids are 16 hex digits, store.ids), which nothing
    needs to load; ids of another form, if any, in a dict."""
    blob, offsets = joined(json.dumps(d, ensure_ascii=False, separators=(",", ":")) for d in rows)
    keyed, other = [], {}
    for entry_id, n in ids.items():
        if _HEX_ID.fullmatch(entry_id):
            keyed.append((int(entry_id, 16), n))
        else:
            other[entry_id] = n
    keyed.sort()
    return {f"{name}.rows": blob, f"{name}.offsets": offsets,
            f"{name}.keys": array("Q", [k for k, _ in keyed]).tobytes(),
            f"{name}.keyrows": array("I", [n for _, n in keyed]).tobytes(),
            f"{name}.ids": marshal.dumps(other)}


_HEX_ID = re.compile(r"[0-9a-f]{16}")


def view_sections(tables: dict[str, list[dict]], stamp: list) -> dict[str, bytes]:
    """The sections of a view file, from the corpus tables."""
    sections: dict[str, bytes] = {}
    for name in BIG_TABLES:
        rows = tables.get(name, [])
        sections.update(row_sections(name, rows, {d["id"]: n for n, d in enumerate(rows)}))
    quotes, events = tables.get("quotes", []), tables.get("events", [])
    for name, texts in (
        ("quotes", _quote_searches(tables)),
        ("events", map(event_search, events)),
    ):
        blob, offsets = joined(texts)
        sections[f"{name}.search"], sections[f"{name}.search_offsets"] = blob, offsets
    by_issue: dict[str, list[int]] = {}
    for n, d in enumerate(quotes):
        for issue in d.get("issues", ()):
            by_issue.setdefault(issue, []).append(n)
    sections["quotes.by_issue"] = marshal.dumps(
        {issue: _by_date_newest(quotes, picked) for issue, picked in by_issue.items()}
    )
    sections["quotes.all"] = _by_date_newest(quotes, list(range(len(quotes))))
    parties = [None, *dict.fromkeys(d.get("party") for d in quotes if d.get("party"))][:256]
    code = {p: n for n, p in enumerate(parties)}
    sections["quotes.party"] = bytes(code.get(d.get("party"), 0) for d in quotes)
    sections["quotes.parties"] = marshal.dumps(parties)
    order = sorted(
        range(len(events)),
        key=lambda n: (events[n].get("date") is None, events[n].get("date") or "", events[n]["id"]),
    )
    sections["events.order"] = array("I", order).tobytes()
    sections["events.scheduled"] = bytes(bool(d.get("scheduled")) for d in events)
    aliases = {a: d["id"] for d in quotes + events for a in d.get("aliases", ())}
    sections["aliases"] = marshal.dumps(aliases)
    small = {n: tables.get(n, []) for n in corpus_files.MAIN_TABLES if n not in BIG_TABLES}
    small["positions"] = []
    for pos in tables.get("positions", []):  # their id lists (500k at 10k articles) apart
        lists = (tuple(pos.get("evidence", ())), tuple(pos.get("sources", ())))
        sections[f"position:{pos['id']}"] = marshal.dumps(lists)
        small["positions"].append({k: v for k, v in pos.items() if k not in POSITION_LISTS})
    latest = {}
    for pos_id, (ids, found) in _position_evidence(tables).items():
        sections[f"evidence:{pos_id}"] = marshal.dumps((ids, found))  # the reader, exports
        latest[pos_id] = (len(ids), len(found), newest_evidence(found, LATEST_KEPT))
    sections["evidence.latest"] = marshal.dumps(latest)  # the positions pane: one read
    small["stamp"] = stamp
    sections["sources"] = marshal.dumps(small.pop("sources", []))  # apart: an add needs less
    sections["small"] = marshal.dumps(small)
    return sections


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


def _quote_searches(tables: dict[str, list[dict]]):
    """What a filter matches in each quote (lower case): text, speaker, party, outlet."""
    parties = {d["id"]: d["name"] for d in tables.get("parties", [])}
    sources = {d["id"]: d for d in tables.get("sources", [])}
    for q in tables.get("quotes", []):
        yield quote_search(q, parties, sources)


def quote_search(q: dict, parties: dict[str, str], sources: dict[str, dict]) -> str:
    source = sources.get(q["source"], {})
    outlet = _flat(source.get("outlet") or source.get("path"))
    party = parties.get(q.get("party"), "")
    return _flat(f"{q['text']} {q.get('speaker') or ''} {party} {outlet}").casefold()


def event_search(e: dict) -> str:
    """What a filter matches in an event (lower case): date, title, how the date is known."""
    return _flat(
        f"{e.get('date') or 'undated'} {e['title']} {e.get('date_basis', 'stated')}"
    ).casefold()


def joined(texts) -> tuple[bytes, bytes]:
    """Texts as one UTF-8 blob and the byte offsets where each starts (and the last ends)."""
    blobs = [t.encode() for t in texts]
    offsets = array("Q", [0])
    total = 0
    for b in blobs:
        total += len(b)
        offsets.append(total)
    return b"".join(blobs), offsets.tobytes()


def _evidence_key(e: tuple) -> tuple:
    """A resolved evidence item's place in a position's evidence: newest first, as
    store.extract.positions orders evidence items (date, then source, start, id)."""
    date = e[4]
    return (date is None, tuple(-ord(c) for c in date or ""), e[2], e[6], e[1])


def newest_evidence(found: list[tuple], n: int) -> list[tuple]:
    """The `n` newest resolved evidence items (date descending; ties keep evidence order)."""
    return sorted(found, key=lambda e: e[4] or "", reverse=True)[:n]


def _position_evidence(tables: dict[str, list[dict]]) -> dict[str, list[tuple]]:
    """Each position's evidence resolved (quote or sentence, source, text, date, span), so
    the positions pane needs neither the quote nor the sentence index to show it."""
    quotes = {d["id"]: d for d in tables.get("quotes", [])}
    sentences = {d["id"]: d for d in tables.get("sentences", [])}
    published = {d["id"]: d.get("published") for d in tables.get("sources", [])}
    out = {}
    for pos in tables.get("positions", []):
        found = []
        for eid in pos.get("evidence", ()):
            if (q := quotes.get(eid)) is not None:
                found.append(
                    (
                        "quote",
                        q["id"],
                        q["source"],
                        q["text"],
                        q.get("date"),
                        None,
                        q["start"],
                        q["end"],
                    )
                )
            elif (d := sentences.get(eid)) is not None:
                found.append(
                    (
                        "sentence",
                        d["id"],
                        d["source"],
                        d["text"],
                        published.get(d["source"]),
                        None,
                        d["start"],
                        d["end"],
                    )
                )
        out[pos["id"]] = (tuple(pos.get("evidence", ())), found)
    return out


def dump_sections(f, sections: dict[str, bytes]) -> None:
    """The file format: the length of an index (name → offset, length), the index, the bytes."""
    index, at = {}, 0
    for name, data in sections.items():
        index[name] = (at, len(data))
        at += len(data)
    head = marshal.dumps(index)
    f.write(len(head).to_bytes(8, "little"))
    f.write(head)
    for data in sections.values():
        f.write(data)


def write_view_file(path: Path, sections: dict[str, bytes]) -> None:
    """Write the sections atomically (derived data: not synced to disk)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as f:
            dump_sections(f, sections)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only corpus: the view stays in memory


def row_count(view: View, name: str) -> int:
    """How many rows a big table has, without reading its offsets."""
    first, piece = view.segments(name)[-1]
    return first + len(piece.section(f"{name}.offsets")) // 8 - 1


class View:
    """An open view file (or the same sections held in memory).

    Readers go through the methods below, not through section names alone, so that a
    corpus with journals (store.journal.LayeredView) answers the same questions."""

    def __init__(self, sections: dict[str, bytes] | None = None, path: Path | None = None):
        if sections is not None:
            self._get = sections.__getitem__
            self.names = frozenset(sections)
            return
        with path.open("rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        size = int.from_bytes(self._map[:8], "little")
        index = marshal.loads(self._map[8 : 8 + size])
        base = 8 + size
        whole = memoryview(self._map)
        self._get = lambda name: whole[base + index[name][0] : base + sum(index[name])]
        self.names = frozenset(index)

    def section(self, name: str) -> bytes | memoryview:
        """A section's bytes (a view into the mapped file, not a copy)."""
        return self._get(name)

    def small(self, sources: bool = True) -> dict:
        """The small tables (sources, parties, actors, issues, positions, meta)."""
        small = marshal.loads(self.section("small"))
        if sources and "sources" in self.names:
            small["sources"] = marshal.loads(self.section("sources"))
        return small

    def segments(self, table: str) -> list[tuple[int, View]]:
        """(first row number, view) of every piece of a big table: one here."""
        return [(0, self)]

    def aliases(self) -> dict[str, str]:
        return marshal.loads(self.section("aliases"))

    def evidence(self, position_id: str) -> tuple | None:
        """(evidence ids, resolved items) of a position, or None."""
        try:
            return marshal.loads(self.section(f"evidence:{position_id}"))
        except KeyError:
            return None

    def position_lists(self, position_id: str) -> tuple | None:
        """(evidence ids, source ids) of a position, or None."""
        try:
            return marshal.loads(self.section(f"position:{position_id}"))
        except KeyError:
            return None


# A top-level scalar field of a JSON row: strings escape their quotes, so '"date":' cannot
# occur inside one; nested report lists come after the fields looked for.
_SCALAR = re.compile(rb'"(id|source|start|date)":("(?:[^"\\]|\\.)*"|null|-?\d+)')
PATCH = "@patch"  # a row that is an earlier row with a few changes (row_patch)
_PATCH_HEAD = b'{"' + PATCH.encode() + b'":'


def row_patch(old: dict, new: dict, base: int) -> dict:
    """Row `base` (holding `old`) changed into `new`, as the changes only: the scalars that
    differ, the items put into a list (index, item), or the list when it changed otherwise. An
    add that gives a happening a thousand articles mention one more mention writes a few
    lines, not the whole row again."""
    put, changed = {}, {}
    for key, value in new.items():
        was = old.get(key)
        if value == was:
            continue
        items = _put_into(was, value) if isinstance(value, list) else None
        if items is None:
            changed[key] = value
        else:
            put[key] = items
    return {PATCH: base, "set": changed, "put": put}


def _put_into(old, new: list) -> list | None:
    """[(index in new, item)] that make `new` out of `old` by insertions only, else None:
    each item of `old` matched with the first equal one of `new` left. The runs both share
    are stepped over whole (a happening's thousands of mentions gain a few)."""
    if not isinstance(old, list) or len(old) > len(new):
        return None
    put, i, j = [], 0, 0
    while j < len(old):
        run = _same_run(new, i, old, j)
        i, j = i + run, j + run
        if j == len(old):
            break
        if i == len(new):
            return None
        put.append((i, new[i]))
        i += 1
    put.extend((k, new[k]) for k in range(i, len(new)))
    return put


def _same_run(a: list, i: int, b: list, j: int) -> int:
    """How many items a[i:] and b[j:] share from their starts (compared without a Python
    step per item)."""
    differ = map(ne, islice(a, i, None), islice(b, j, None))
    return next(compress(count(), differ), min(len(a) - i, len(b) - j))


def apply_patch(doc: dict, patch: dict) -> dict:
    doc.update(patch["set"])
    for key, items in patch["put"].items():
        values = doc[key]
        for i, item in items:  # in order of index: each goes where it stays
            values.insert(i, item)
    return doc


class Rows:
    """One big table: rows decoded from JSON when asked for, ids indexed on first look-up.

    A corpus with journals has the table in pieces (the base, then each journal's rows,
    numbered on); a journal's id index also re-points ids whose row it replaced."""

    def __init__(self, view: View, name: str):
        self._view, self._name = view, name
        self._pieces = []  # (first row, offsets, rows, view)
        for first, piece in view.segments(name):
            offsets = array("Q")
            offsets.frombytes(piece.section(f"{name}.offsets"))
            self._pieces.append((first, offsets, piece.section(f"{name}.rows"), piece))
        self._firsts = [p[0] for p in self._pieces]
        self._ids: list[dict[str, int]] | None = None

    def __len__(self) -> int:
        first, offsets, _, _ = self._pieces[-1]
        return first + len(offsets) - 1

    def numbers_in(self, piece: View) -> range:
        """The numbers of the rows a piece (the base, a journal) holds."""
        for first, offsets, _, view in self._pieces:
            if view is piece:
                return range(first, first + len(offsets) - 1)
        return range(0)

    def row(self, n: int) -> dict:
        doc = json.loads(self._bytes(n))
        return apply_patch(self.row(doc[PATCH]), doc) if PATCH in doc else doc

    def _bytes(self, n: int, limit: int | None = None) -> bytes:
        first, offsets, rows, _ = self._pieces[bisect_right(self._firsts, n) - 1]
        k = n - first
        end = offsets[k + 1] if limit is None else min(offsets[k + 1], offsets[k] + limit)
        return bytes(rows[offsets[k] : end])

    def fields(self, n: int, names: tuple[str, ...]) -> dict:
        """A few leading scalar fields of a row (id, source, start, date...) without decoding
        it whole: a quote that a thousand outlets reported is a long row."""
        head = self._bytes(n, 2048)
        if head.startswith(_PATCH_HEAD):  # the earlier row's, with what the patch sets
            patch = json.loads(self._bytes(n))
            if any(name in patch["put"] for name in names):
                row = self.row(n)
                return {name: row.get(name) for name in names}
            found = self.fields(patch[PATCH], names)
            found.update((k, v) for k, v in patch["set"].items() if k in names)
            return found
        found = {}
        for m in _SCALAR.finditer(head):
            name = m.group(1).decode()
            if name in names and name not in found:
                value = m.group(2)
                if value[:1] == b'"' and b"\\" not in value:
                    found[name] = value[1:-1].decode()
                else:
                    found[name] = json.loads(value)
                if len(found) == len(names):
                    break
        if len(found) < len(names):
            row = self.row(n)
            return {name: row.get(name) for name in names}
        return found

    def number(self, entry_id: str) -> int | None:
        """The row of an entry: its own id, or an id it had or merged (a journal points
        those at the row that replaced theirs, which a later journal may replace again: the
        chain is followed to the row whose document is current)."""
        n = self._lookup(entry_id)
        if n is None or len(self._pieces) == 1:
            return n
        for _ in range(len(self._pieces)):
            own = self.fields(n, ("id",))["id"]
            if own == entry_id:
                return n
            later = self._lookup(own)
            if later is None or later == n:
                return n
            n, entry_id = later, own
        return n

    def _lookup(self, entry_id: str) -> int | None:
        if self._ids is None:  # newest piece first: it knows where a replaced row went
            self._ids = [_IdIndex(p[3], self._name) for p in reversed(self._pieces)]
        for ids in self._ids:
            n = ids.get(entry_id)
            if n is not None:
                return n
        return None

    def get(self, entry_id: str) -> dict | None:
        n = self.number(entry_id)
        return None if n is None else self.row(n)


class _IdIndex:
    """One piece's id → row index: a binary search in its sorted arrays."""

    def __init__(self, view: View, name: str):
        if f"{name}.keys" in view.names:
            self.keys = memoryview(view.section(f"{name}.keys")).cast("Q")
            self.rows = memoryview(view.section(f"{name}.keyrows")).cast("I")
        else:  # a journal written before the arrays: its dict holds every id
            self.keys = self.rows = memoryview(b"").cast("Q")
        self.other = marshal.loads(view.section(f"{name}.ids"))

    def get(self, entry_id: str) -> int | None:
        if not self.keys or not _HEX_ID.fullmatch(entry_id):
            return self.other.get(entry_id)
        k = int(entry_id, 16)
        at = bisect_left(self.keys, k)
        return self.rows[at] if at < len(self.keys) and self.keys[at] == k else None



class SearchTexts:
    """Each row's filter text (lower case), decoded only for the rows a list asks for."""

    def __init__(self, view: View, name: str):
        self._view, self._name = view, name
        self._offsets: array | None = None

    def of(self, numbers: Sequence[int]) -> list[str]:
        if self._offsets is None:
            self._offsets = []
            for first, piece in self._view.segments(self._name):
                offsets = array("Q")
                offsets.frombytes(piece.section(f"{self._name}.search_offsets"))
                self._offsets.append((first, offsets, piece.section(f"{self._name}.search")))
            self._firsts = [p[0] for p in self._offsets]
        if len(self._offsets) == 1:
            _, at, blob = self._offsets[0]
            return [str(blob[at[n] : at[n + 1]], "utf-8") for n in numbers]
        out = []
        for n in numbers:
            first, at, blob = self._offsets[bisect_right(self._firsts, n) - 1]
            out.append(str(blob[at[n - first] : at[n - first + 1]], "utf-8"))
        return out


class Objects:
    """Model objects made from table rows on first use and kept (what a screen touched)."""

    def __init__(self, rows: Rows, make, search: SearchTexts | None = None):
        self.rows, self._make, self.search = rows, make, search
        self._made: dict[int, object] = {}
        self._made_numbers: dict[str, int] = {}  # id → row of what was made

    def at(self, n: int):
        obj = self._made.get(n)
        if obj is None:
            obj = self._made[n] = self._make(self.rows.row(n))
            self._made_numbers[obj.id] = n
        return obj

    def number(self, entry_id: str) -> int | None:
        """An entry's row; one already made (on screen, selected) is found without reading
        the table's whole id index."""
        n = self._made_numbers.get(entry_id)
        return n if n is not None else self.rows.number(entry_id)

    def by_id(self, entry_id: str):
        n = self.number(entry_id)
        return None if n is None else self.at(n)


class LazyList(Sequence):
    """A read-only list of model objects, each made only when it is read."""

    def __init__(self, objects: Objects, numbers: Sequence[int]):
        self._objects, self._numbers = objects, numbers

    def __len__(self) -> int:
        return len(self._numbers)

    def __getitem__(self, n):
        if isinstance(n, slice):
            return [self._objects.at(i) for i in self._numbers[n]]
        return self._objects.at(self._numbers[n])

    def search_texts(self) -> list[str] | None:
        """Each entry's filter text, in list order (None if the view has none)."""
        search = self._objects.search
        return None if search is None else search.of(self._numbers)

    def find(self, entry_id: str) -> int | None:
        """The position of an entry by id, without making the objects before it."""
        number = self._objects.number(entry_id)
        if number is None:
            return None
        try:
            return self._numbers.index(number)
        except ValueError:
            return None
