"""The corpus store: derived data in TinyDB files, rebuilt from the articles at any time.

Layout of `<data>/corpus/`:
- `corpus.json`      tables sources, parties, actors, issues, positions, quotes, events, meta
- `provenance.json`  tables sentences and texts (the cleaned articles), read only on demand
- `meta.json`        the meta table again, so a command can read it without the whole corpus
- `analyses/`        cached per-article analyses (store.analysis_cache), carried across swaps
- `state.bin`        what an add needs to know of the corpus (store.incremental)
- `journal/`         the adds since the build (store.journal), dropped by the next build

A build writes a new folder and swaps it in, so a failed build leaves the old corpus intact.
Readers use `FrozenStorage` (store.frozen): the file is parsed once, never written (TinyDB's
JSONStorage re-reads and re-parses the whole file on every query). TinyDB is imported only
when a table is opened: the dashboard reads the view file and never needs it.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

MAIN_FILE = "corpus.json"
META_FILE = "meta.json"  # the meta table again, small: read without parsing the corpus
PROVENANCE_FILE = "provenance.json"
MAIN_TABLES = ("sources", "parties", "actors", "issues", "positions", "quotes", "events", "meta")
PROVENANCE_TABLES = ("sentences", "texts")
FORMAT = 1


class CorpusError(RuntimeError):
    """The corpus is missing or unreadable; it can always be rebuilt from the articles."""


def _tinydb_layout(rows: list[dict]) -> dict[str, dict]:
    """TinyDB's on-disk form of a table: {"1": doc, "2": doc, ...}."""
    return {str(n): row for n, row in enumerate(rows, 1)}


def _write_json(path: Path, data: dict) -> None:
    with path.open("w", encoding="utf-8") as f:
        # dumps, not dump: json.dump always takes the pure-Python encoder (5-10x slower)
        f.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        f.flush()
        os.fsync(f.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_corpus(target: Path, tables: dict[str, list[dict]], texts: dict[str, str], meta: dict,
                 state: dict[str, bytes] | None = None):
    """Write a complete corpus to a new folder beside `target`, then swap it in (with the
    state an add reads, store.incremental, when the build made it)."""
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = parent / f"{target.name}.building-{os.getpid()}"
    previous = parent / f"{target.name}.previous"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        main = {name: _tinydb_layout(tables.get(name, [])) for name in MAIN_TABLES[:-1]}
        main["meta"] = _tinydb_layout([{**meta, "format": FORMAT}])
        _write_json(staging / MAIN_FILE, main)
        prov = {
            "sentences": _tinydb_layout(tables.get("sentences", [])),
            "texts": _tinydb_layout([{"id": k, "text": v} for k, v in texts.items()]),
        }
        _write_json(staging / PROVENANCE_FILE, prov)
        _write_json(staging / META_FILE, {**meta, "format": FORMAT})
        if state:
            from store.journal import STATE_FILE, write_sections

            write_sections(staging / STATE_FILE, state)
        _fsync_dir(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _carry_cache(target, staging)
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        os.replace(target, previous)
    os.replace(staging, target)
    _fsync_dir(parent)
    shutil.rmtree(previous, ignore_errors=True)


def _carry_cache(old: Path, new: Path) -> None:
    """Move the analysis cache into the new corpus folder (a cache: failures only cost time)."""
    from store.analysis_cache import CACHE_DIR

    try:
        if (old / CACHE_DIR).is_dir() and not (new / CACHE_DIR).exists():
            os.replace(old / CACHE_DIR, new / CACHE_DIR)
    except OSError:
        pass


def recover(target: Path) -> None:
    """Finish a swap interrupted between its two renames: the previous corpus comes back."""
    previous = target.parent / f"{target.name}.previous"
    if not target.exists() and previous.exists():
        os.replace(previous, target)


def read_meta(target: Path) -> dict:
    """The corpus meta (negotiation, codebook, articles folder) without reading the corpus."""
    try:
        with (target / META_FILE).open(encoding="utf-8") as f:
            meta = json.load(f)
        if isinstance(meta, dict):
            return meta
    except (OSError, ValueError):
        pass
    if not exists(target):
        return {}
    rows = open_main(target).table("meta").all()
    return rows[0] if rows else {}


def exists(target: Path) -> bool:
    return (target / MAIN_FILE).is_file()


def open_main(target: Path):
    """corpus.json as a read-only TinyDB."""
    from store.frozen import open_frozen

    if not exists(target):
        raise CorpusError(f"{target}: no corpus yet; run `parley build`")
    return open_frozen(target / MAIN_FILE)


def open_provenance(target: Path):
    """provenance.json as a read-only TinyDB."""
    from store.frozen import open_frozen

    return open_frozen(target / PROVENANCE_FILE)
