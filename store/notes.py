"""The analyst's notes, status overrides and calls: `<data_dir>/notes.json`, never lost.

Notes are the one thing parley cannot rebuild, so they live apart from the derived corpus, in a
DurableJSONStorage file (TinyDB's format). Every operation takes the inter-process lock
(exclusive to write, shared to read), reads the file afresh (so no next id or query result from
before the lock can leak in: there is no query cache, and the next id is one more than the
largest in the table as read now), and, if it changes anything, writes the file once, durably,
before the lock is released and before the method returns. A note whose `add` returned is on
disk. Operations work on the tables as plain dicts: TinyDB's Table re-keys every document on
each insert or update, which at thousands of notes cost more than the save itself;
`transaction()` still offers a TinyDB for ad-hoc queries.

Decisions:
- Ids are uuid4 hex[:16]: unique across processes without coordination.
- A note added while a call is active belongs to that call unless the caller names a call;
  `call=""` means "no call".
- Starting a call while another is active ends the active one first: one call at a time.
- Deleting is soft (`deleted=True`), so `restore` can undo it; an edit keeps the previous text
  in the `revisions` table (`revisions(note_id)`).
- Timestamps are ISO 8601 UTC with seconds, e.g. `2025-12-15T10:11:12Z`.
"""

from __future__ import annotations

import getpass
import os
import tomllib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from store.model import STATUSES, Note
from store.storage import (
    DurableJSONStorage,
    Recovery,
    StorageCorruptError,
    StorageWriteError,
)

NOTES, STATUS, CALLS, REVISIONS = "notes", "status_changes", "calls", "revisions"
_NOTE_FIELDS = tuple(f.name for f in fields(Note))


class NotesCorruptError(StorageCorruptError):
    """The notes file cannot be read; its message names the file and how to recover."""


class NotesWriteError(StorageWriteError):
    """A note could not be saved (read-only directory, full disk): nothing on disk changed."""


class NoteNotFoundError(KeyError):
    """No note, call or status with that id."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "not found"


@dataclass(frozen=True)
class Call:
    """A negotiation call the analyst takes notes during."""

    id: str
    title: str
    started: str
    ended: str | None = None
    author: str = ""

    @property
    def active(self) -> bool:
        return self.ended is None


@dataclass(frozen=True)
class StatusChange:
    """The analyst overriding an issue's status: who, when, from what, to what, and why."""

    id: str
    issue: str
    status: str | None  # None: the override was cleared, the evidence status applies again
    previous: str | None  # the status in force before: the last override or the evidence's
    reason: str
    author: str
    at: str
    evidence_status: str | None = None  # what the corpus said at the time
    call: str | None = None


def now_utc() -> str:
    """ISO 8601 UTC to the second: what every note, call and status change is stamped with."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id() -> str:
    return uuid.uuid4().hex[:16]


def default_author(data_dir: Path | None = None) -> str:
    """PARLEY_AUTHOR, else `author` in `<data_dir>/config.toml`, else the system user."""
    env = os.environ.get("PARLEY_AUTHOR", "").strip()
    if env:
        return env
    if data_dir is None:
        from store.paths import data_dir as default_data_dir

        data_dir = default_data_dir()
    try:
        with open(Path(data_dir) / "config.toml", "rb") as handle:
            author = tomllib.load(handle).get("author")
        if isinstance(author, str) and author.strip():
            return author.strip()
    except (OSError, tomllib.TOMLDecodeError):
        pass
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment (e.g. a bare container)
        return "unknown"


class _Borrowed(Storage):
    """An in-memory copy of the file for one transaction: TinyDB writes here, we commit once."""

    def __init__(self, data: dict | None) -> None:
        self.data = data
        self.changed = False

    def read(self) -> dict | None:
        return self.data

    def write(self, data: dict) -> None:
        self.data = data
        self.changed = True


class _UncachedTable(Table):
    """No query cache: a result cached before another process wrote would be stale."""

    default_query_cache_capacity = 0


class _FreshTinyDB(TinyDB):
    """Built anew inside each transaction, so its next ids come from the file as it is now."""

    table_class = _UncachedTable


def _note(doc: dict) -> Note:
    return Note(**{name: doc[name] for name in _NOTE_FIELDS if name in doc})


def _call(doc: dict) -> Call:
    return Call(**{f.name: doc[f.name] for f in fields(Call) if f.name in doc})


def _change(doc: dict) -> StatusChange:
    return StatusChange(**{f.name: doc[f.name] for f in fields(StatusChange) if f.name in doc})


class NotesStore:
    """Notes, status overrides and calls in one durable file shared by every parley process."""

    def __init__(self, path: Path, author: str | None = None) -> None:
        self.path = Path(path)
        self._author = author
        # create=False: nothing is written until the first change (only stray temps cleaned).
        self._storage = DurableJSONStorage(self.path, create_dirs=True, create=False)

    @property
    def author(self) -> str:
        if self._author is None:
            self._author = default_author(self.path.parent)
        return self._author

    # -- the transaction -------------------------------------------------------------------

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[TinyDB]:
        """Hold the lock, read the file afresh, yield a TinyDB on it; on success save once.

        For ad-hoc queries in TinyDB's terms; the methods below work on the tables directly
        (`_tables`), skipping TinyDB's re-keying of every document on each insert or update."""
        with self._errors_as_notes_errors(), self._storage.locked(exclusive=write):
            borrowed = _Borrowed(self._storage.read())
            db = _FreshTinyDB(storage=lambda: borrowed)
            yield db
            if borrowed.changed:
                if not write:
                    raise RuntimeError("a read transaction tried to write")
                self._storage.write(borrowed.data)

    @contextmanager
    def _tables(self, *, write: bool) -> Iterator[dict[str, dict[str, dict]]]:
        """Hold the lock, read the file afresh: `{table: {doc id: document}}`; if `write`, save
        it once, durably, when the block ends without an exception (before the lock goes).

        Next ids are computed from this fresh copy, and nothing is cached between calls."""
        with self._errors_as_notes_errors(), self._storage.locked(exclusive=write):
            tables = self._storage.read() or {}
            yield tables
            if write:
                self._storage.write(tables)

    @contextmanager
    def _errors_as_notes_errors(self) -> Iterator[None]:
        try:
            yield
        except NotesCorruptError:
            raise
        except StorageCorruptError as exc:
            raise NotesCorruptError(exc.path, exc.problem, exc.hint) from exc
        except NotesWriteError:
            raise
        except StorageWriteError as exc:
            raise NotesWriteError(exc.path, exc.problem, exc.errno) from exc

    def recover(self) -> Recovery:
        """Move a damaged notes file aside and restore its last good copy (`notes.json.bak`)."""
        with self._errors_as_notes_errors():
            return self._storage.recover()

    def version(self) -> object:
        """A cheap token that changes whenever any process saves: poll it to refresh."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    # -- notes -----------------------------------------------------------------------------

    def add(
        self,
        kind: str,
        target_id: str,
        text: str,
        *,
        context: str = "",
        call: str | None = None,
    ) -> Note:
        """Save a new note on an entry; on disk when this returns."""
        if not kind or not target_id:
            raise ValueError("a note needs the kind and id of the entry it is about")
        if not text.strip():
            raise ValueError("a note cannot be empty")
        author = self.author
        with self._tables(write=True) as tables:
            if call is None:
                active = _active_call_doc(tables)
                call = active["id"] if active else None
            note = Note(
                id=new_id(),
                target_kind=kind,
                target_id=target_id,
                text=text,
                author=author,
                created=now_utc(),
                call=call or None,
                context=context,
            )
            _insert(tables, NOTES, asdict(note))
        return note

    def edit(self, note_id: str, text: str) -> Note:
        """Replace a note's text; the previous text is kept in its revisions."""
        if not text.strip():
            raise ValueError("a note cannot be empty; delete it instead")
        with self._tables(write=True) as tables:
            doc = _find_note(tables, note_id)
            if doc.get("deleted"):
                raise ValueError(f"note {note_id} is deleted; restore it before editing")
            stamp = now_utc()
            # A table of its own: documents stay flat (scalars only), which keeps saves fast.
            _insert(tables, REVISIONS, {"note": note_id, "text": doc["text"], "until": stamp})
            doc.update(text=text, updated=stamp)
            return _note(doc)

    def delete(self, note_id: str) -> Note:
        """Soft delete: hidden from lists and counts, kept on disk, undone by `restore`."""
        return self._set_deleted(note_id, True)

    def restore(self, note_id: str) -> Note:
        """Undo a delete."""
        return self._set_deleted(note_id, False)

    def _set_deleted(self, note_id: str, deleted: bool) -> Note:
        with self._tables(write=True) as tables:
            doc = _find_note(tables, note_id)
            doc.update(deleted=deleted, updated=now_utc())
            return _note(doc)

    def revisions(self, note_id: str) -> list[dict[str, str]]:
        """Earlier texts of a note, oldest first: `{"text", "until"}`."""
        with self._tables(write=False) as tables:
            _find_note(tables, note_id)
            docs = _in_id_order(tables.get(REVISIONS, {}))
        return [{"text": d["text"], "until": d["until"]} for d in docs if d["note"] == note_id]

    def notes(
        self,
        *,
        include_deleted: bool = False,
        target: tuple[str, str] | None = None,
        call: str | None = None,
    ) -> list[Note]:
        """Notes, newest first (same second: the later save first)."""
        with self._tables(write=False) as tables:
            rows = [(doc["created"], int(key), doc) for key, doc in tables.get(NOTES, {}).items()]
        if not include_deleted:
            rows = [row for row in rows if not row[2].get("deleted")]
        if target is not None:
            wanted = tuple(target)
            rows = [row for row in rows if (row[2]["target_kind"], row[2]["target_id"]) == wanted]
        if call is not None:
            rows = [row for row in rows if row[2].get("call") == call]
        rows.sort(key=lambda row: row[:2], reverse=True)
        return [_note(doc) for _, _, doc in rows]

    def counts(self) -> dict[tuple[str, str], int]:
        """(kind, id) -> number of live notes on that entry."""
        counts: dict[tuple[str, str], int] = {}
        with self._tables(write=False) as tables:
            for doc in tables.get(NOTES, {}).values():
                if not doc.get("deleted"):
                    key = (doc["target_kind"], doc["target_id"])
                    counts[key] = counts.get(key, 0) + 1
        return counts

    # -- status overrides ------------------------------------------------------------------

    def set_status(
        self,
        issue_id: str,
        status: str | None,
        reason: str = "",
        *,
        evidence_status: str | None = None,
    ) -> StatusChange:
        """Override an issue's status (None clears the override); history keeps every change."""
        if status is not None and status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)} (or None to clear)")
        author = self.author
        with self._tables(write=True) as tables:
            history = [d for d in _in_id_order(tables.get(STATUS, {})) if d["issue"] == issue_id]
            latest = history[-1] if history else None
            previous = latest["status"] if latest and latest["status"] else evidence_status
            active = _active_call_doc(tables)
            change = StatusChange(
                id=new_id(),
                issue=issue_id,
                status=status,
                previous=previous,
                reason=reason,
                author=author,
                at=now_utc(),
                evidence_status=evidence_status,
                call=active["id"] if active else None,
            )
            _insert(tables, STATUS, asdict(change))
        return change

    def status_overrides(self) -> dict[str, StatusChange]:
        """The latest change per issue (status None: cleared, the evidence status applies)."""
        latest: dict[str, StatusChange] = {}
        for change in self.status_history():
            latest[change.issue] = change
        return latest

    def status_history(self, issue_id: str | None = None) -> list[StatusChange]:
        """Every status change, oldest first."""
        with self._tables(write=False) as tables:
            docs = _in_id_order(tables.get(STATUS, {}))
        return [_change(d) for d in docs if issue_id is None or d["issue"] == issue_id]

    # -- calls -----------------------------------------------------------------------------

    def start_call(self, title: str) -> Call:
        """Start a call (ending the active one, if any): new notes then belong to it."""
        if not title.strip():
            raise ValueError("a call needs a title")
        author = self.author
        with self._tables(write=True) as tables:
            stamp = now_utc()
            active = _active_call_doc(tables)
            if active:
                active["ended"] = stamp
            call = Call(id=new_id(), title=title.strip(), started=stamp, author=author)
            _insert(tables, CALLS, asdict(call))
        return call

    def end_call(self, call_id: str | None = None) -> Call:
        """End the given call, or the active one."""
        with self._tables(write=True) as tables:
            if call_id is None:
                doc = _active_call_doc(tables)
                if doc is None:
                    raise ValueError("no call is active")
            else:
                found = (d for d in tables.get(CALLS, {}).values() if d.get("id") == call_id)
                doc = next(found, None)
                if doc is None:
                    raise NoteNotFoundError(f"no call with id {call_id}")
                if doc["ended"] is not None:
                    raise ValueError(f"call {call_id} already ended at {doc['ended']}")
            doc["ended"] = now_utc()
            return _call(doc)

    def active_call(self) -> Call | None:
        with self._tables(write=False) as tables:
            doc = _active_call_doc(tables)
        return _call(doc) if doc else None

    def calls(self) -> list[Call]:
        """Every call, oldest first."""
        with self._tables(write=False) as tables:
            docs = _in_id_order(tables.get(CALLS, {}))
        return [_call(d) for d in docs]


def _insert(tables: dict[str, dict[str, dict]], name: str, doc: dict) -> None:
    """Add a document under TinyDB's next id: one more than the largest in the table as read
    under the lock now (never a count kept from earlier)."""
    table = tables.setdefault(name, {})
    table[str(max(map(int, table), default=0) + 1)] = doc


def _in_id_order(table: dict[str, dict]) -> list[dict]:
    """A table's documents oldest first (TinyDB ids grow with each insert)."""
    return [table[key] for key in sorted(table, key=int)]


def _find_note(tables: dict[str, dict[str, dict]], note_id: str) -> dict:
    for doc in tables.get(NOTES, {}).values():
        if doc.get("id") == note_id:
            return doc
    raise NoteNotFoundError(f"no note with id {note_id}")


def _active_call_doc(tables: dict[str, dict[str, dict]]) -> dict | None:
    active = [d for d in _in_id_order(tables.get(CALLS, {})) if d["ended"] is None]
    return active[-1] if active else None


__all__ = [
    "Call",
    "NoteNotFoundError",
    "NotesCorruptError",
    "NotesStore",
    "NotesWriteError",
    "Recovery",
    "StatusChange",
    "default_author",
    "new_id",
    "now_utc",
]
