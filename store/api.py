"""The store API: the only door the dashboard and the command line use.

It returns plain objects (store.model) and hides TinyDB. Loading is explicit (`load()`), so
constructing a Store costs nothing and the dashboard can load in a worker.
"""

from __future__ import annotations

import marshal
import threading
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from store import corpus as corpus_files
from store.journal import LayeredView, open_journals, write_journal
from store.model import (
    Actor,
    Event,
    Evidence,
    Issue,
    Party,
    Position,
    Quote,
    Report,
    Sentence,
    Source,
)
from store.paths import corpus_dir, data_dir, notes_path
from store.view import (
    LATEST_KEPT,
    VIEW_FILE,
    LazyList,
    Objects,
    Rows,
    SearchTexts,
    View,
    stamp,
    view_sections,
    write_view_file,
)

ENTRY_KINDS = ("issue", "position", "quote", "event", "source", "sentence")


@dataclass(frozen=True)
class Summary:
    negotiation: str
    sources: int
    quotes: int
    events: int
    latest: str | None  # the latest publication date


@dataclass(frozen=True)
class Passage:
    """Where an entry came from: a span of a cleaned article."""

    source: str
    start: int
    end: int


@dataclass(frozen=True)
class BuildReport:
    sources: int
    quotes: int
    events: int
    skipped: tuple[str, ...]
    duplicates: tuple[str, ...]


def _quote(d: dict) -> Quote:
    return Quote(
        id=d["id"],
        text=d["text"],
        start=d["start"],
        end=d["end"],
        speaker=d.get("speaker"),
        actor=d.get("actor"),
        party=d.get("party"),
        source=d["source"],
        also_in=tuple(d.get("also_in", ())),
        issues=tuple(d.get("issues", ())),
        kind=d.get("kind", "full"),
        sentence=d.get("sentence"),
        date=d.get("date"),
        reports=tuple(
            Report(id=r["id"], source=r["source"], start=r["start"], end=r["end"], text=r["text"])
            for r in d.get("reports", ())
        ),
    )


def _event(d: dict) -> Event:
    return Event(
        id=d["id"],
        date=d.get("date"),
        date_basis=d.get("date_basis", "stated"),
        precision=d.get("precision", "day"),
        title=d["title"],
        issues=tuple(d.get("issues", ())),
        sources=tuple(d.get("sources", ())),
        sentences=tuple(d.get("sentences", ())),
        scheduled=bool(d.get("scheduled")),
    )


def _current_view(path: Path, current: list) -> tuple[View, dict] | None:
    """The view file at `path` and its small tables, if it was made from this corpus."""
    try:
        view = View(path=path)
        small = view.small()
    except (OSError, ValueError, EOFError, KeyError, TypeError):
        return None
    return (view, small) if small.get("stamp") == current else None


class Store:
    """A data directory: the derived corpus and the user's notes."""

    def __init__(self, data: str | Path | None = None):
        self.data_dir = data_dir(data)
        self.corpus_path = corpus_dir(self.data_dir)
        self.notes_path = notes_path(self.data_dir)
        self._lock = threading.Lock()
        self._loaded = False
        self._notes = None
        self._provenance = None

    # -- corpus ------------------------------------------------------------------------------
    def has_corpus(self) -> bool:
        corpus_files.recover(self.corpus_path)
        return corpus_files.exists(self.corpus_path)

    def build(self, folder: str | Path | None = None, codebook_path: str | Path | None = None):
        """Rebuild the corpus from a folder of articles (default: the bundled seeds)."""
        from store.analysis_cache import AnalysisCache, fingerprint
        from store.codebook import bundled_seeds_dir, default_codebook_path, load_codebook
        from store.pipeline import build_from_folder

        root = Path(folder) if folder else bundled_seeds_dir()
        if not root.exists():
            raise FileNotFoundError(f"{root}: no such file or folder")
        codebook = load_codebook(codebook_path or default_codebook_path(root))
        cache = AnalysisCache(self.corpus_path, fingerprint(codebook.path))
        result = build_from_folder(root, codebook, cache)
        meta = {
            "negotiation": codebook.name,
            "codebook": str(codebook.path),
            "articles": str(root),
        }
        self.replace_corpus(result.tables, result.texts, meta, result.state)
        cache.prune()
        t = result.tables
        return BuildReport(
            sources=len(t["sources"]),
            quotes=len(t["quotes"]),
            events=len(t["events"]),
            skipped=tuple(str(s) for s in result.skipped),
            duplicates=tuple(f"{a}: same article as {b}" for a, b in result.duplicates),
        )

    def load(self, rebuild: bool = True) -> bool:
        """Open the corpus (once) for reading; safe to call from a worker thread.

        Only the small tables are read whole; quotes, events, sentences and article texts
        are read row by row from the view file when something asks for them. With
        `rebuild=False` a missing or stale view file is not made (that parses the JSON, slow
        on a big corpus) and False is returned: the caller can do it off the UI thread.
        """
        with self._lock:
            if self._loaded:
                return True
            opened = self._open_view(rebuild)
            if opened is None:
                return False
            view, small = opened
            journals = open_journals(self.corpus_path)
            if journals:  # the adds since the build (store.journal)
                view = LayeredView(view, journals)
                small = view.small()
            meta = small["meta"][0] if small["meta"] else {}
            self._negotiation = meta.get("negotiation", "Negotiation")
            self._sources = {d["id"]: Source(**d) for d in small["sources"]}
            self._parties = [Party(id=d["id"], name=d["name"]) for d in small["parties"]]
            self._actors = {
                d["id"]: Actor(
                    id=d["id"],
                    name=d["name"],
                    party=d.get("party"),
                    kind=d.get("kind", "person"),
                    aliases=tuple(d.get("aliases", ())),
                    roles=tuple(d.get("roles", ())),
                )
                for d in small["actors"]
            }
            self._issues = [
                Issue(
                    id=d["id"],
                    title=d["title"],
                    status=d["status"],
                    status_basis=tuple(d.get("status_basis", ())),
                    sources=d.get("sources", 0),
                    quotes=d.get("quotes", 0),
                    last_reported=d.get("last_reported"),
                )
                for d in small["issues"]
            ]
            self._position_rows = {d["id"]: d for d in small["positions"]}
            self._positions_made: dict[str, Position] = {}  # filled by warm_positions
            self._latest: dict[str, tuple] | None = None
            self._view = view
            self._quotes = Objects(Rows(view, "quotes"), _quote, SearchTexts(view, "quotes"))
            self._events = Objects(Rows(view, "events"), _event, SearchTexts(view, "events"))
            self._sentences = Rows(view, "sentences")
            self._texts = Rows(view, "texts")
            self._orders: dict[tuple, Sequence[int]] = {}
            self._alias_map: dict[str, str] | None = None
            self._provenance = None
            self._loaded = True
            return True

    def warm(self) -> None:
        """Read the id indexes and orders ahead of need (from a worker, after the first frame),
        so the first key press that looks an entry up does not pay for it."""
        self._ensure()
        for rows in (self._quotes.rows, self._events.rows, self._texts):
            rows.number("")
        self._aliases()

    def warm_positions(self) -> None:
        """Make every position with its lists ahead of need (from a worker, once the first
        frame is up): an issue switch then reads none. Not in `load`: at 10,000 articles the
        lists hold 700,000 ids, which the first frame does not show."""
        self._ensure()
        made = {pos_id: self._position(pos_id) for pos_id in self._position_rows}
        self._positions_made = made  # one assignment: readers see none or all

    def _open_view(self, rebuild: bool = True) -> tuple[View, dict] | None:
        """The view file if it matches corpus.json, else one made from the JSON now (or
        None if `rebuild` is False)."""
        if not corpus_files.exists(self.corpus_path):
            raise corpus_files.CorpusError(f"{self.corpus_path}: no corpus yet; run `parley build`")
        current = stamp(self.corpus_path)
        path = self.corpus_path / VIEW_FILE
        found = _current_view(path, current)  # missing, stale or damaged: None
        if found is not None or not rebuild:
            return found
        sections = view_sections(self._read_json(), current)
        write_view_file(path, sections)
        # Read back from disk (mapped, not held in memory); a read-only folder keeps it here.
        return _current_view(path, current) or (View(sections), View(sections).small())

    def append_journal(self, sections: dict[str, bytes]) -> None:
        """Add one journal to the corpus (store.journal); the next read sees it."""
        write_journal(self.corpus_path, sections)
        with self._lock:
            self._loaded = False
            self._provenance = None

    def replace_corpus(self, tables: dict[str, list[dict]], texts: dict[str, str], meta: dict,
                       state: dict[str, bytes] | None = None):
        """Swap in a new corpus and its view file; the next read sees the new corpus."""
        corpus_files.write_corpus(self.corpus_path, tables, texts, meta, state)
        self.write_view(tables, texts)
        with self._lock:
            self._loaded = False
            self._provenance = None

    def write_view(self, tables: dict[str, list[dict]], texts: dict[str, str]) -> None:
        """Make the view file from tables a build has in memory (no JSON to parse again)."""
        tables = {**tables, "texts": [{"id": k, "text": v} for k, v in texts.items()]}
        small = corpus_files.read_meta(self.corpus_path)
        tables["meta"] = [{**small, "format": corpus_files.FORMAT}] if small else []
        sections = view_sections(tables, stamp(self.corpus_path))
        write_view_file(self.corpus_path / VIEW_FILE, sections)

    def _read_json(self) -> dict[str, list[dict]]:
        """Every table of corpus.json and provenance.json, parsed (the slow path)."""
        main = corpus_files.open_main(self.corpus_path).storage.read() or {}
        prov = corpus_files.open_provenance(self.corpus_path).storage.read() or {}
        tables = {n: list(main.get(n, {}).values()) for n in corpus_files.MAIN_TABLES}
        tables.update({n: list(prov.get(n, {}).values()) for n in corpus_files.PROVENANCE_TABLES})
        return tables

    def _ensure(self) -> None:
        if not self._loaded:
            self.load()

    def _prov(self):
        """The provenance tables (sentences, texts), read row by row from the view file."""
        self._ensure()
        return self._sentences, self._texts

    def _ready_evidence(self, position_id: str) -> tuple | None:
        """A position's evidence as the view file resolved it (None if it has none).

        Not kept: a position can cite tens of thousands of items, and only the reader and
        exports want them all (the positions pane reads `latest_evidence`)."""
        return self._view.evidence(position_id)

    def _ready_latest(self, position_id: str) -> tuple | None:
        """(cited, resolved, newest items) for a position, from the view file (read once)."""
        if self._latest is None:
            try:
                self._latest = marshal.loads(self._view.section("evidence.latest"))
            except KeyError:
                self._latest = {}
        return self._latest.get(position_id)

    def _aliases(self) -> dict[str, str]:
        if self._alias_map is None:
            self._alias_map = self._view.aliases()
        return self._alias_map

    def _order(self, name: str) -> Sequence[int]:
        """A pre-sorted list of row numbers from the view file (read once)."""
        key = ("section", name)
        if key not in self._orders:
            numbers = array("I")
            numbers.frombytes(self._view.section(name))
            self._orders[key] = numbers
        return self._orders[key]

    def _quote_numbers(self, issue: str | None, party: str | None) -> Sequence[int]:
        key = ("quotes", issue, party)
        found = self._orders.get(key)
        if found is None:
            if issue is None:
                found = self._order("quotes.all")
            else:
                by_issue = self._orders.get(("by_issue",))
                if by_issue is None:
                    by_issue = self._orders[("by_issue",)] = marshal.loads(
                        self._view.section("quotes.by_issue")
                    )
                found = array("I")
                found.frombytes(by_issue.get(issue, b""))
            if party is not None:
                names = marshal.loads(self._view.section("quotes.parties"))
                code = names.index(party) if party in names else -1
                parties = self._view.section("quotes.party")
                found = array("I", [n for n in found if parties[n] == code])
            self._orders[key] = found
        return found

    def _event_numbers(self, section: str | None) -> Sequence[int]:
        key = ("events", section)
        found = self._orders.get(key)
        if found is None:
            order = self._order("events.order")
            if section is None:
                found = order
            else:
                flags = self._view.section("events.scheduled")
                dated = len(order) - self._undated_count(order)
                if section == "undated":
                    found = order[dated:]
                else:
                    want = section == "scheduled"
                    found = array("I", [n for n in order[:dated] if bool(flags[n]) == want])
            self._orders[key] = found
        return found

    def _undated_count(self, order: Sequence[int]) -> int:
        """Undated events sort last: count them from the end (a binary search)."""
        lo, hi = 0, len(order)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._events.at(order[mid]).date is None:
                hi = mid
            else:
                lo = mid + 1
        return len(order) - lo

    def negotiation(self) -> str:
        self._ensure()
        return self._negotiation

    def summary(self) -> Summary:
        self._ensure()
        dates = [s.published for s in self._sources.values() if s.published]
        return Summary(
            negotiation=self._negotiation,
            sources=len(self._sources),
            quotes=len(self._order("quotes.all")),  # rows a journal replaced are not counted
            events=len(self._order("events.order")),
            latest=max(dates) if dates else None,
        )

    def parties(self) -> list[Party]:
        self._ensure()
        return list(self._parties)

    def party_name(self, party_id: str | None) -> str:
        self._ensure()
        return next((p.name for p in self._parties if p.id == party_id), party_id or "—")

    def actors(self) -> list[Actor]:
        self._ensure()
        return list(self._actors.values())

    def issues(self, status: str | None = None) -> list[Issue]:
        self._ensure()
        return [i for i in self._issues if status is None or i.status == status]

    def issue(self, issue_id: str) -> Issue | None:
        self._ensure()
        return next((i for i in self._issues if i.id == issue_id), None)

    def positions(self, issue_id: str) -> list[Position]:
        """The parties' positions on an issue, in codebook party order."""
        self._ensure()
        order = {p.id: n for n, p in enumerate(self._parties)}
        found = [
            self._position(pos_id)
            for pos_id, d in self._position_rows.items()
            if d["issue"] == issue_id
        ]
        return sorted(found, key=lambda p: order.get(p.party, len(order)))

    def position(self, position_id: str) -> Position | None:
        """One position by id."""
        self._ensure()
        return self._position(position_id)

    def _position(self, position_id: str) -> Position | None:
        """A position with its evidence and source lists, read from its own view section
        (~3 ms for 20,000 cited items) unless `warm_positions` made them all."""
        made = self._positions_made.get(position_id)
        if made is not None:
            return made
        d = self._position_rows.get(position_id)
        if d is None:
            return None
        lists = self._view.position_lists(position_id)
        evidence, sources = lists if lists is not None else (
            d.get("evidence", ()), d.get("sources", ()))
        return Position(
            id=d["id"],
            issue=d["issue"],
            party=d["party"],
            stance=d["stance"],
            summary=d["summary"],
            evidence=tuple(evidence),
            sources=tuple(sources),
            contested=bool(d.get("contested")),
            updated=d.get("updated"),
        )

    def evidence(self, position: Position) -> list[Evidence]:
        """A position's evidence, newest first, as quotes and sentences with their dates."""
        self._ensure()
        ready = self._ready_evidence(position.id)
        if ready is not None and ready[0] == position.evidence:
            return [Evidence(*e) for e in ready[1]]
        out = []
        for eid in position.evidence:
            q = self._quotes.by_id(eid)
            if q is not None:
                out.append(Evidence("quote", q.id, q.source, q.text, q.date, None, q.start, q.end))
                continue
            s = self.sentence(eid)
            if s is not None:
                date = self._sources[s.source].published if s.source in self._sources else None
                out.append(Evidence("sentence", s.id, s.source, s.text, date, None, s.start, s.end))
        return out

    def latest_evidence(self, position: Position, n: int = 1) -> list[Evidence]:
        """A position's `n` newest evidence items (date descending, ties in evidence order),
        without reading the rest of its evidence."""
        self._ensure()
        ready = self._ready_latest(position.id)
        if ready is not None and n <= LATEST_KEPT and ready[0] == len(position.evidence):
            return [Evidence(*e) for e in ready[2][:n]]
        everything = self.evidence(position)
        return sorted(everything, key=lambda e: e.date or "", reverse=True)[:n]

    def evidence_count(self, position: Position) -> int:
        """How many of a position's evidence items are still in the corpus."""
        self._ensure()
        ready = self._ready_latest(position.id)
        if ready is not None and ready[0] == len(position.evidence):
            return ready[1]
        return len(self.evidence(position))

    def quotes(self, issue: str | None = None, party: str | None = None) -> list[Quote]:
        """Quotes on an issue (optionally one party's), newest report first."""
        return list(self.quotes_view(issue, party))

    def quotes_view(self, issue: str | None = None, party: str | None = None) -> LazyList:
        """`quotes()` as a read-only sequence whose quotes are made only when read."""
        self._ensure()
        return LazyList(self._quotes, self._quote_numbers(issue, party))

    def quote(self, quote_id: str) -> Quote | None:
        self._ensure()
        return self._quotes.by_id(self._aliases().get(quote_id, quote_id))

    def events(self, issue: str | None = None) -> list[Event]:
        """Dated events in date order (undated last)."""
        self._ensure()
        found = self.events_view()
        return [e for e in found if issue is None or issue in e.issues]

    def events_view(self, section: str | None = None) -> LazyList:
        """`events()` as a read-only sequence made as read; `section` keeps only the
        "past" (dated, not scheduled), "scheduled" or "undated" ones."""
        self._ensure()
        return LazyList(self._events, self._event_numbers(section))

    def event(self, event_id: str) -> Event | None:
        self._ensure()
        return self._events.by_id(self._aliases().get(event_id, event_id))

    def sources(self) -> list[Source]:
        self._ensure()
        return sorted(self._sources.values(), key=lambda s: (s.published or "", s.path))

    def source(self, source_id: str) -> Source | None:
        self._ensure()
        return self._sources.get(source_id)

    def source_text(self, source_id: str) -> str:
        row = self._prov()[1].get(source_id)
        return row["text"] if row else ""

    def sentence(self, sentence_id: str) -> Sentence | None:
        d = self._prov()[0].get(sentence_id)
        if d is None:
            return None
        return Sentence(
            id=d["id"],
            source=d["source"],
            start=d["start"],
            end=d["end"],
            text=d["text"],
            issues=tuple(d.get("issues", ())),
        )

    def locate(self, kind: str, entry_id: str) -> Passage | None:
        """The passage an entry came from, for the source reader."""
        self._ensure()
        if kind == "quote" and (q := self.quote(entry_id)):
            return Passage(q.source, q.start, q.end)
        if kind == "event" and (e := self.event(entry_id)):
            row = self._events.rows.get(e.id) or {}
            start, end = row.get("start", 0), row.get("end", 0)
            return Passage(e.sources[0], start, end) if e.sources else None
        if kind in ("sentence", "status") and (s := self.sentence(entry_id)):
            return Passage(s.source, s.start, s.end)
        if kind == "position":
            pos = self._position(entry_id)
            ev = self.latest_evidence(pos, 1) if pos else []
            return Passage(ev[0].source, ev[0].start, ev[0].end) if ev else None
        if kind == "issue" and (i := self.issue(entry_id)) and i.status_basis:
            return self.locate("sentence", i.status_basis[0]) or self.locate(
                "quote", i.status_basis[0]
            )
        if kind == "source" and entry_id in self._sources:
            return Passage(entry_id, 0, 0)
        return None

    def resolve(self, kind: str, entry_id: str) -> str | None:
        """The current id of an entry (a merged report's id maps to its quote), or None if gone."""
        self._ensure()
        entry_id = self._aliases().get(entry_id, entry_id)
        if kind in ("quote", "event"):
            rows = (self._quotes if kind == "quote" else self._events).rows
            return entry_id if rows.number(entry_id) is not None else None
        table = {
            "source": self._sources,
            "issue": {i.id: i for i in self._issues},
            "position": self._position_rows,
        }.get(kind)
        if table is None:
            return entry_id if kind == "sentence" and self.sentence(entry_id) else None
        return entry_id if entry_id in table else None

    def entry_text(self, kind: str, entry_id: str) -> str:
        """A one-line description of an entry, kept with a note in case the entry disappears."""
        self._ensure()
        if kind == "quote" and (q := self.quote(entry_id)):
            return f"“{q.text}” — {q.speaker or 'unknown speaker'}"
        if kind == "event" and (e := self.event(entry_id)):
            return f"{e.date or 'undated'}: {e.title}"
        if kind == "issue" and (i := self.issue(entry_id)):
            return i.title
        if kind == "position":
            pos = self._position(entry_id)
            if pos:
                return f"{self.party_name(pos.party)} on {pos.issue}: {pos.summary}"
        if kind == "source" and (s := self.source(entry_id)):
            return f"{s.outlet or s.path}: {s.title}"
        if kind == "sentence" and (s := self.sentence(entry_id)):
            return s.text
        return ""

    # -- notes -------------------------------------------------------------------------------
    @property
    def notes(self):
        """The user's notes store (a separate file, never written by a build)."""
        if self._notes is None:
            from store.notes import NotesStore

            self._notes = NotesStore(self.notes_path)
        return self._notes
