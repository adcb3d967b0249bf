"""What changed since a moment the user picks: the last call, the last opening, a date.

Knowing what changed needs history, which the corpus (rebuilt whole) does not keep. Every
add or rebuild appends one line to `<data>/history.jsonl`: when, the status of every issue,
every position's stance, and which quotes, events and sources came or went. Appending costs
what the entry weighs, however long the history (a file rewritten whole grew with every id
of the corpus). It is derived data, safe to lose (changes are then counted from the next
add). When the dashboard was last opened lives in `<data>/state.json` — neither in the notes
nor in the corpus.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

HISTORY_FILE = "history.jsonl"
OLD_HISTORY_FILE = "history.json"  # one JSON document, rewritten whole (read, then replaced)
STATE_FILE = "state.json"
MAX_ENTRIES = 1000
SETS = ("quotes", "events", "sources")


class ChangesError(ValueError):
    """A --since value that cannot be understood, or a moment parley knows nothing of."""


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _write_atomic(path: Path, doc: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))  # C encoder
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _read(path: Path) -> dict:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return doc if isinstance(doc, dict) else {}


# --- snapshots ---------------------------------------------------------------------------------
def snapshot(tables: dict[str, list[dict]]) -> dict:
    """The part of a corpus that history follows."""
    return {
        "issues": {i["id"]: i["status"] for i in tables.get("issues", [])},
        "positions": {
            p["id"]: [p["issue"], p["party"], p["stance"], p.get("summary", "")]
            for p in tables.get("positions", [])
        },
        **{name: {d["id"] for d in tables.get(name, [])} for name in SETS},
    }


def snapshot_of_corpus(corpus: Path) -> dict | None:
    """The snapshot of the corpus on disk, stamped with when it was written; None if none."""
    from store import corpus as corpus_files

    if not corpus_files.exists(corpus):
        return None
    from store.journal import current_tables

    try:
        tables = current_tables(corpus, ("issues", "positions", *SETS))
    except corpus_files.CorpusError:
        return None
    snap = snapshot(tables)
    mtime = (corpus / corpus_files.MAIN_FILE).stat().st_mtime
    snap["at"] = datetime.fromtimestamp(mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return snap


def _entry(at: str, reason: str, before: dict | None, after: dict, baseline: bool) -> dict:
    entry = {"at": at, "reason": reason, "baseline": baseline,
             "issues": after["issues"], "positions": after["positions"]}
    for name in SETS:
        old = before[name] if before else set()
        entry[f"{name}_added"] = sorted(after[name] - old)
        entry[f"{name}_removed"] = sorted(old - after[name])
    return entry


def previous_snapshot(data_dir: Path, corpus: Path) -> dict | None:
    """The corpus on disk, as history follows it; None if none."""
    return snapshot_of_corpus(corpus)


def corpus_exists(corpus: Path) -> bool:
    from store import corpus as corpus_files

    return corpus_files.exists(corpus)


def load_history(data_dir: Path) -> list[dict]:
    """Every entry, oldest first (lines that cannot be read are skipped)."""
    path = Path(data_dir) / HISTORY_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return list(_read(Path(data_dir) / OLD_HISTORY_FILE).get("entries", []))
    except OSError:
        return []
    entries = []
    for line in text.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # a line cut short by a crash
        if isinstance(entry, dict) and "at" in entry:
            entries.append(entry)
    return entries


def _append(data_dir: Path, new: list[dict]) -> None:
    """Append entries durably; the first append also brings over an old history.json, and
    an append that finds the log over twice MAX_ENTRIES long rewrites it shorter."""
    path = Path(data_dir) / HISTORY_FILE
    old = Path(data_dir) / OLD_HISTORY_FILE
    try:
        if not path.exists() and old.exists():
            _rewrite(path, load_history(data_dir) + new)
            old.unlink()
            return
        with path.open("a", encoding="utf-8") as f:
            for entry in new:
                f.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n")
            f.flush()
            os.fsync(f.fileno())
    except OSError:
        pass  # history is derived: losing one entry only blurs "what changed"


def _rewrite(path: Path, entries: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for entry in entries[-MAX_ENTRIES:]:
            f.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def record(data_dir: Path, before: dict | None, after_tables: dict, *, reason: str,
           at: str | None = None) -> None:
    """Append one history entry for a new corpus (`before`: the corpus it replaced)."""
    record_snapshot(data_dir, before, snapshot(after_tables), reason=reason, at=at)


def record_snapshot(data_dir: Path, before: dict | None, after: dict, *, reason: str,
                    at: str | None = None) -> None:
    at = at or _now()
    entries = load_history(data_dir)
    new = []
    if not entries and before is not None:  # the corpus as it was before history began
        new.append(_entry(min(before["at"], at), "baseline", None, before, True))
    new.append(_entry(at, reason, before, after, before is None))
    if len(entries) + len(new) > 2 * MAX_ENTRIES:
        try:
            _rewrite(Path(data_dir) / HISTORY_FILE, entries + new)
        except OSError:
            pass
        return
    _append(data_dir, new)


def record_delta(data_dir: Path, delta, *, reason: str, at: str | None = None) -> None:
    """Append one history entry for an add written as a journal (store.incremental.Delta):
    what it added and removed is known, so neither the corpus nor the history is read."""
    at = at or _now()
    path = Path(data_dir) / HISTORY_FILE
    new = []
    empty = not (path.exists() and path.stat().st_size) and not (
        Path(data_dir) / OLD_HISTORY_FILE).exists()
    if empty:  # history begins here: the corpus before this add, without its ids
        new.append({"at": at, "reason": "baseline", "baseline": True, **delta.before,
                    **{f"{n}_{k}": [] for n in SETS for k in ("added", "removed")}})
    new.append({
        "at": at, "reason": reason, "baseline": False, **_states(delta.small),
        "quotes_added": sorted(delta.quotes_added), "quotes_removed": sorted(delta.quotes_removed),
        "events_added": sorted(delta.events_added), "events_removed": sorted(delta.events_removed),
        "sources_added": [delta.source["id"]], "sources_removed": [],
    })
    _append(data_dir, new)


def _states(small: dict) -> dict:
    """Every issue's status and every position's stance, from the small tables."""
    return {
        "issues": {i["id"]: i["status"] for i in small["issues"]},
        "positions": {p["id"]: [p["issue"], p["party"], p["stance"], p.get("summary", "")]
                      for p in small["positions"]},
    }


# --- the moment ---------------------------------------------------------------------------------
def record_open(data_dir: Path, at: str | None = None) -> str | None:
    """Note that the dashboard opened now; the previous opening (what "last-open" means to it)."""
    path = Path(data_dir) / STATE_FILE
    state = _read(path)
    previous = state.get("last_open")
    state["previous_open"] = previous
    state["last_open"] = at or _now()
    try:
        _write_atomic(path, state)
    except OSError:
        pass
    return previous


def last_open(data_dir: Path) -> str | None:
    return _read(Path(data_dir) / STATE_FILE).get("last_open")


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_when(when: str, data_dir: Path, notes=None) -> str:
    """`last-call`, `last-open`, `YYYY-MM-DD` or an ISO timestamp → an ISO UTC timestamp."""
    w = when.strip().lower()
    if w == "last-open":
        at = last_open(data_dir)
        if not at:
            raise ChangesError("the dashboard has not been opened yet (no last-open)")
        return at
    if w == "last-call":
        calls = notes.calls() if notes is not None else []
        if not calls:
            raise ChangesError("no call has been recorded yet (no last-call)")
        latest = max(calls, key=lambda c: c.started)
        return latest.ended or latest.started
    try:
        if _DAY.match(w):
            return date.fromisoformat(w).strftime("%Y-%m-%dT00:00:00Z")
        moment = datetime.fromisoformat(when.strip().replace("Z", "+00:00"))
    except ValueError as e:
        raise ChangesError(
            f"--since {when!r}: use last-call, last-open, YYYY-MM-DD or an ISO timestamp"
        ) from e
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- the changes ---------------------------------------------------------------------------------
@dataclass
class Changes:
    since: str
    until: str | None
    history_starts: str | None
    issues: list[dict] = field(default_factory=list)  # id, title, from, to
    positions: list[dict] = field(default_factory=list)  # id, issue, party, change, from, to, ...
    quotes: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    overrides: list[dict] = field(default_factory=list)  # the analysts' own status changes

    @property
    def empty(self) -> bool:
        return not (self.issues or self.positions or self.quotes or self.events or self.sources
                    or self.overrides)

    def to_dict(self) -> dict:
        return asdict(self)


def changes_since(data_dir: Path, since: str, store=None) -> Changes:
    """The changes between the corpus at `since` and now (details from `store` if given)."""
    entries = load_history(data_dir)
    if not entries:
        return Changes(since=since, until=None, history_starts=None)
    earlier = [e for e in entries if e["at"] <= since]
    later = [e for e in entries if e["at"] > since]
    then = earlier[-1] if earlier else None
    now = entries[-1]
    out = Changes(since=since, until=now["at"], history_starts=entries[0]["at"])
    if not later:
        _overrides(out, store, since)
        return out
    old_issues = then["issues"] if then else {}  # before history began: all of it is new
    for issue, status in now["issues"].items():
        before = old_issues.get(issue, "open")
        if status != before:
            out.issues.append({"id": issue, "from": before, "to": status})
    old_pos = then["positions"] if then else {}
    for pid, (issue, party, stance, summary) in now["positions"].items():
        was = old_pos.get(pid)
        if was is None or was[2] != stance:
            out.positions.append({"id": pid, "issue": issue, "party": party,
                                  "change": "new" if was is None else "moved",
                                  "from": was[2] if was else None, "to": stance,
                                  "summary": summary})
    for name in SETS:
        arrived: dict[str, None] = {}
        for e in later:
            for i in e.get(f"{name}_removed", ()):
                arrived.pop(i, None)
            for i in e.get(f"{name}_added", ()):
                arrived[i] = None
        getattr(out, name).extend({"id": i} for i in arrived)
    if store is not None:
        _details(out, store)
    _overrides(out, store, since)
    return out


def _details(out: Changes, store) -> None:
    """Fill in titles and texts from the current corpus (entries gone since are dropped)."""
    store.load()
    titles = {i.id: i.title for i in store.issues()}
    for d in out.issues:
        d["title"] = titles.get(d["id"], d["id"])
    for d in out.positions:
        d["party_name"] = store.party_name(d["party"])
        d["issue_title"] = titles.get(d["issue"], d["issue"])
    quotes = []
    for d in out.quotes:
        q = store.quote(d["id"])
        if q is not None:
            quotes.append({"id": q.id, "text": q.text, "speaker": q.speaker, "party": q.party,
                           "source": q.source, "date": q.date, "issues": list(q.issues)})
    out.quotes = sorted(quotes, key=lambda q: q["date"] or "", reverse=True)
    events = []
    for d in out.events:
        e = store.event(d["id"])
        if e is not None:
            events.append({"id": e.id, "date": e.date, "title": e.title,
                           "issues": list(e.issues), "scheduled": e.scheduled})
    out.events = sorted(events, key=lambda e: (e["date"] is None, e["date"] or ""))
    sources = []
    for d in out.sources:
        s = store.source(d["id"])
        if s is not None:
            sources.append({"id": s.id, "title": s.title, "outlet": s.outlet,
                            "published": s.published, "path": s.path})
    out.sources = sources


def _overrides(out: Changes, store, since: str) -> None:
    if store is None:
        return
    try:
        history = store.notes.status_history()
    except Exception:  # noqa: BLE001 - the notes are shown elsewhere with their own errors
        return
    for c in history:
        if c.at > since:
            out.overrides.append({"issue": c.issue, "from": c.previous, "to": c.status,
                                  "reason": c.reason, "author": c.author, "at": c.at})
