"""The store API: the only door the dashboard and the command line use.

It returns plain objects (store.model) and hides TinyDB. Loading is explicit (`load()`), so
constructing a Store costs nothing and the dashboard can load in a worker.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from store import corpus as corpus_files
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
        from store.codebook import bundled_seeds_dir, default_codebook_path, load_codebook
        from store.pipeline import build_from_folder

        root = Path(folder) if folder else bundled_seeds_dir()
        if not root.exists():
            raise FileNotFoundError(f"{root}: no such file or folder")
        codebook = load_codebook(codebook_path or default_codebook_path(root))
        result = build_from_folder(root, codebook)
        meta = {
            "negotiation": codebook.name,
            "codebook": str(codebook.path),
            "articles": str(root),
        }
        corpus_files.write_corpus(self.corpus_path, result.tables, result.texts, meta)
        self._loaded = False
        self._provenance = None
        t = result.tables
        return BuildReport(
            sources=len(t["sources"]),
            quotes=len(t["quotes"]),
            events=len(t["events"]),
            skipped=tuple(str(s) for s in result.skipped),
            duplicates=tuple(f"{a}: same article as {b}" for a, b in result.duplicates),
        )

    def load(self) -> None:
        """Parse the corpus (once) and index it; safe to call from a worker thread."""
        with self._lock:
            if self._loaded:
                return
            db = corpus_files.open_main(self.corpus_path)
            tables = {name: db.table(name).all() for name in corpus_files.MAIN_TABLES}
            meta = tables["meta"][0] if tables["meta"] else {}
            self._negotiation = meta.get("negotiation", "Negotiation")
            self._sources = {d["id"]: Source(**d) for d in tables["sources"]}
            self._parties = [Party(id=d["id"], name=d["name"]) for d in tables["parties"]]
            self._actors = {
                d["id"]: Actor(
                    id=d["id"],
                    name=d["name"],
                    party=d.get("party"),
                    kind=d.get("kind", "person"),
                    aliases=tuple(d.get("aliases", ())),
                    roles=tuple(d.get("roles", ())),
                )
                for d in tables["actors"]
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
                for d in tables["issues"]
            ]
            self._positions = [
                Position(
                    id=d["id"],
                    issue=d["issue"],
                    party=d["party"],
                    stance=d["stance"],
                    summary=d["summary"],
                    evidence=tuple(d.get("evidence", ())),
                    sources=tuple(d.get("sources", ())),
                    contested=bool(d.get("contested")),
                    updated=d.get("updated"),
                )
                for d in tables["positions"]
            ]
            self._quotes = [_quote(d) for d in tables["quotes"]]
            self._events = [_event(d) for d in tables["events"]]
            self._quote_by_id = {q.id: q for q in self._quotes}
            self._event_by_id = {e.id: e for e in self._events}
            self._aliases: dict[str, str] = {}
            for d in tables["quotes"] + tables["events"]:
                for alias in d.get("aliases", ()):
                    self._aliases[alias] = d["id"]
            self._event_spans = {
                d["id"]: (d.get("start", 0), d.get("end", 0)) for d in tables["events"]
            }
            self._loaded = True

    def _ensure(self) -> None:
        if not self._loaded:
            self.load()

    def _prov(self):
        if self._provenance is None:
            db = corpus_files.open_provenance(self.corpus_path)
            self._provenance = (
                {d["id"]: d for d in db.table("sentences").all()},
                {d["id"]: d["text"] for d in db.table("texts").all()},
            )
        return self._provenance

    def negotiation(self) -> str:
        self._ensure()
        return self._negotiation

    def summary(self) -> Summary:
        self._ensure()
        dates = [s.published for s in self._sources.values() if s.published]
        return Summary(
            negotiation=self._negotiation,
            sources=len(self._sources),
            quotes=len(self._quotes),
            events=len(self._events),
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
        found = [p for p in self._positions if p.issue == issue_id]
        return sorted(found, key=lambda p: order.get(p.party, len(order)))

    def evidence(self, position: Position) -> list[Evidence]:
        """A position's evidence, newest first, as quotes and sentences with their dates."""
        self._ensure()
        out = []
        for eid in position.evidence:
            q = self._quote_by_id.get(eid)
            if q is not None:
                out.append(Evidence("quote", q.id, q.source, q.text, q.date, None, q.start, q.end))
                continue
            s = self.sentence(eid)
            if s is not None:
                date = self._sources[s.source].published if s.source in self._sources else None
                out.append(Evidence("sentence", s.id, s.source, s.text, date, None, s.start, s.end))
        return out

    def quotes(self, issue: str | None = None, party: str | None = None) -> list[Quote]:
        """Quotes on an issue (optionally one party's), newest report first."""
        self._ensure()
        found = [
            q
            for q in self._quotes
            if (issue is None or issue in q.issues) and (party is None or q.party == party)
        ]
        return sorted(found, key=lambda q: (q.date or ""), reverse=True)

    def quote(self, quote_id: str) -> Quote | None:
        self._ensure()
        return self._quote_by_id.get(self._aliases.get(quote_id, quote_id))

    def events(self, issue: str | None = None) -> list[Event]:
        """Dated events in date order (undated last)."""
        self._ensure()
        found = [e for e in self._events if issue is None or issue in e.issues]
        return sorted(found, key=lambda e: (e.date is None, e.date or "", e.id))

    def event(self, event_id: str) -> Event | None:
        self._ensure()
        return self._event_by_id.get(self._aliases.get(event_id, event_id))

    def sources(self) -> list[Source]:
        self._ensure()
        return sorted(self._sources.values(), key=lambda s: (s.published or "", s.path))

    def source(self, source_id: str) -> Source | None:
        self._ensure()
        return self._sources.get(source_id)

    def source_text(self, source_id: str) -> str:
        return self._prov()[1].get(source_id, "")

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
            start, end = self._event_spans.get(e.id, (0, 0))
            return Passage(e.sources[0], start, end) if e.sources else None
        if kind in ("sentence", "status") and (s := self.sentence(entry_id)):
            return Passage(s.source, s.start, s.end)
        if kind == "position":
            pos = next((p for p in self._positions if p.id == entry_id), None)
            ev = self.evidence(pos) if pos else []
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
        entry_id = self._aliases.get(entry_id, entry_id)
        table = {
            "quote": self._quote_by_id,
            "event": self._event_by_id,
            "source": self._sources,
            "issue": {i.id: i for i in self._issues},
            "position": {p.id: p for p in self._positions},
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
            pos = next((p for p in self._positions if p.id == entry_id), None)
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
