"""Adds kept as journals beside the base corpus, so that an add writes what it adds.

A build writes the base: corpus.json and provenance.json (the TinyDB documents), the view
file and the state file (what an add needs to know of the corpus, store.incremental). An add
writes one journal, `journal/NNNNNN.bin`, in the view file's format:
- rows it adds or replaces, numbered on after the base and the journals before it
  (`<table>.first`), with their id index (a replaced quote's id points at its new row); a
  happening many articles mention, which only gains the article's mentions, is written as a
  patch of its earlier row (store.view.row_patch);
- `small+`: the sources it adds, the actors it adds or changes, every issue and position;
- sections it rewrites whole: the orders of the dashboard's lists, the newest evidence;
- what it adds to the aliases (`aliases+`) and to positions' evidence (`evidence+:<id>`:
  items added, ids removed);
- `dead`: ids of the rows it replaced or merged away (for exports);
- `state.*`: the state a later add reads.
Readers see the base and its journals as one corpus (LayeredView). A build swaps in a new
corpus folder, which drops the journals with the old base.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path

from store.view import View, _evidence_key, dump_sections

JOURNAL_DIR = "journal"
STATE_FILE = "state.bin"
ROW_BYTES = ("quotes.party", "events.scheduled")  # one byte per row: the pieces are joined


def journal_files(corpus: Path) -> list[Path]:
    """The journals of a corpus in order: 000001.bin, 000002.bin, ... up to the first gap."""
    folder = Path(corpus) / JOURNAL_DIR
    if not folder.is_dir():
        return []
    found = {p.name for p in folder.glob("*.bin")}
    out = []
    while f"{len(out) + 1:06d}.bin" in found:
        out.append(folder / f"{len(out) + 1:06d}.bin")
    return out


def journal_bytes(corpus: Path) -> int:
    return sum(p.stat().st_size for p in journal_files(corpus))


def write_journal(corpus: Path, sections: dict[str, bytes]) -> Path:
    """Write the next journal durably."""
    folder = Path(corpus) / JOURNAL_DIR
    folder.mkdir(exist_ok=True)
    path = folder / f"{len(journal_files(corpus)) + 1:06d}.bin"
    write_sections(path, sections)
    return path


def write_sections(path: Path, sections: dict[str, bytes]) -> None:
    """A file in the view file's format, written durably (temp file, fsync, rename, fsync
    of the folder): a reader sees the whole file or none."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as f:
            dump_sections(f, sections)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_journals(corpus: Path) -> list[View]:
    return [View(path=p) for p in journal_files(corpus)]


class LayeredView:
    """A base view (or state) file and its journals, read as one."""

    def __init__(self, base: View, journals: list[View]):
        self.base, self.journals = base, journals
        self.names = base.names.union(*(j.names for j in journals))
        self._joined: dict[str, bytes] = {}

    def section(self, name: str):
        if name in ROW_BYTES:
            if name not in self._joined:
                self._joined[name] = b"".join(
                    bytes(v.section(name)) for v in (self.base, *self.journals) if name in v.names
                )
            return self._joined[name]
        for j in reversed(self.journals):
            if name in j.names:
                return j.section(name)
        return self.base.section(name)

    def small(self, sources: bool = True) -> dict:
        """The small tables: the base's, then each journal's changes (`small+`): sources it
        added, actors it added or changed, every issue and position as it left them (the
        sources only when asked: a journal's add keeps its own index of them)."""
        small = self.base.small(sources)
        sources = {d["id"]: d for d in small.get("sources", ())}
        actors = {d["id"]: d for d in small["actors"]}
        known = len(small["actors"])  # the codebook's actors come first, then the others
        for j in self.journals:
            if "small+" not in j.names:
                continue
            changes = marshal.loads(j.section("small+"))
            sources.update((d["id"], d) for d in changes["sources"])
            actors.update(changes["actors"])
            small["issues"], small["positions"] = changes["issues"], changes["positions"]
            known = changes["known_actors"]
        actor_list = list(actors.values())
        if "sources" in small:
            small["sources"] = list(sources.values())
        small["actors"] = actor_list[:known] + sorted(actor_list[known:], key=lambda d: d["id"])
        return small

    def segments(self, table: str) -> list[tuple[int, View]]:
        out = [(0, self.base)]
        for j in self.journals:
            if f"{table}.rows" in j.names:
                out.append((marshal.loads(j.section(f"{table}.first")), j))
        return out

    def aliases(self) -> dict[str, str]:
        merged = self.base.aliases()
        for j in self.journals:
            if "aliases+" in j.names:
                merged.update(marshal.loads(j.section("aliases+")))
        return merged

    def _changes(self, position_id: str) -> list[tuple]:
        name = f"evidence+:{position_id}"
        return [marshal.loads(j.section(name)) for j in self.journals if name in j.names]

    def evidence(self, position_id: str) -> tuple | None:
        changes = self._changes(position_id)
        found = self.base.evidence(position_id)
        if not changes:
            return found
        items = list(found[1]) if found else []
        for added, removed in changes:
            if removed:
                gone = set(removed)
                items = [e for e in items if e[1] not in gone]
            items.extend(added)
        items.sort(key=_evidence_key)
        return tuple(e[1] for e in items), items

    def position_lists(self, position_id: str) -> tuple | None:
        if not self._changes(position_id):
            return self.base.position_lists(position_id)
        found = self.evidence(position_id)
        if found is None:
            return None
        return found[0], tuple(dict.fromkeys(e[2] for e in found[1]))


def current_tables(corpus: Path, names) -> dict[str, list[dict]]:
    """Tables of the corpus as its journals leave them: the base documents (TinyDB), with
    each journal's rows replacing or joining them and the rows it merged away dropped."""
    from store import corpus as corpus_files
    from store.view import VIEW_FILE, Rows

    db = corpus_files.open_main(corpus)
    out = {n: db.table(n).all() for n in names}
    journals = open_journals(corpus)
    if not journals:
        return out
    view = LayeredView(View(path=Path(corpus) / VIEW_FILE), journals)
    small = view.small()
    for name in ("sources", "actors", "issues"):
        if name in out:
            out[name] = small[name]
    if "positions" in out:
        out["positions"] = []
        for p in small["positions"]:
            evidence, sources = view.position_lists(p["id"]) or ((), ())
            out["positions"].append({**p, "evidence": list(evidence), "sources": list(sources)})
    for name in ("quotes", "events"):
        if name not in out:
            continue
        by_id = {d["id"]: d for d in out[name]}
        rows = Rows(view, name)  # layered: a journal's row may patch an earlier one
        for j in journals:
            for n in rows.numbers_in(j):
                d = rows.row(n)
                by_id[d["id"]] = d
            for gone in marshal.loads(j.section("dead")).get(name, ()):
                by_id.pop(gone, None)
        out[name] = list(by_id.values())
    return out
