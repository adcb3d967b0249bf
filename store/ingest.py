"""Adding articles as the talks go on: only new or changed files are read and analysed.

What makes up the corpus is the *library*, `<data>/articles/manifest.json`: every article's
content hash, file name, where it came from and where it is kept. Articles given to `add` are
copied into `<data>/articles/<hash>/<name>` (so a later rebuild still has them when the
download folder is emptied); the folder the corpus was first built from (the bundled seeds or
`parley build FOLDER`) is referenced in place as the library's `base`. The corpus itself stays
derived: `reextract` rebuilds it from the library, with the same ids.

Per-article analyses are cached by content hash (store.analysis_cache), so an add analyses
only the articles it brings. A few new articles are each written as a journal beside the
corpus (store.incremental, store.journal), which costs what the article brings, not what the
corpus holds; more at once, a changed file, another codebook, or what only a full assembly
can decide assemble the corpus again. A failed add leaves corpus, library and notes as they
were: a journal or a new corpus is swapped in whole, and the manifest replaced only after it.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from store.articles import RawArticle, Skipped, article_files, read_article
from store.collector import collector_paused

LIBRARY_DIR = "articles"
MANIFEST = "manifest.json"
LOCK_FILE = "ingest.lock"
MIN_BODY_WORDS = 20  # fewer words than this is a page without an article (an error page, a menu)


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Entry:
    """One article of the library."""

    hash: str
    name: str
    origin: str  # the path it was added from (absolute)
    file: str  # where it is kept: relative to the library folder, or absolute for base files
    added: str
    kind: str = "added"  # added | base
    published: str | None = None  # an inferred publication date, pinned once found
    basis: str | None = None


@dataclass
class AddReport:
    """What an add (or a rebuild) did, one line per problem, for the CLI and the dashboard."""

    added: list[str] = field(default_factory=list)  # names of new articles
    changed: list[str] = field(default_factory=list)  # names re-read because their bytes changed
    skipped: list[str] = field(default_factory=list)  # "path: skipped: why"
    duplicates: list[str] = field(default_factory=list)  # "path: same article as name"
    undated: list[str] = field(default_factory=list)  # "path: added with an unknown date"
    notices: list[str] = field(default_factory=list)
    analysed: int = 0  # articles run through extraction (cache misses)
    cached: int = 0  # articles whose analysis came from the cache
    sources: int = 0
    quotes: int = 0
    events: int = 0
    new_quotes: int = 0
    new_events: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase

    @property
    def changed_corpus(self) -> bool:
        return bool(self.added or self.changed)

    def lines(self) -> list[str]:
        """Every problem and notice, one line each."""
        return [*self.skipped, *self.duplicates, *self.undated, *self.notices]


class Library:
    """The manifest of the articles that make up the corpus."""

    def __init__(self, data_dir: Path):
        self.root = Path(data_dir) / LIBRARY_DIR
        self.path = self.root / MANIFEST
        self.base: str | None = None
        self.codebook: str | None = None
        self.entries: list[Entry] = []
        self.known = False  # a manifest was read from disk
        self._text: str | None = None  # the manifest as read (an add appends to it)

    @classmethod
    def load(cls, data_dir: Path) -> Library:
        """The manifest as read (its entries, tens of thousands of objects with no cycles, are
        made with the collector paused: at 10,000 articles it took a tenth of an add)."""
        lib = cls(data_dir)
        with collector_paused():
            try:
                text = lib.path.read_text(encoding="utf-8")
                doc = json.loads(text)
            except FileNotFoundError:
                return lib
            except (OSError, ValueError) as e:
                raise RuntimeError(f"{lib.path}: unreadable library manifest ({e})") from e
            lib.entries = [_entry(e) for e in doc.get("articles", [])]
        lib.base = doc.get("base")
        lib.codebook = doc.get("codebook")
        lib.known = True
        lib._text = text if text.endswith("]}") else None
        return lib

    def by_hash(self) -> dict[str, Entry]:
        return {e.hash: e for e in self.entries}

    def by_origin(self) -> dict[str, Entry]:
        return {e.origin: e for e in self.entries}

    def file_of(self, entry: Entry) -> Path:
        p = Path(entry.file)
        return p if p.is_absolute() else self.root / p

    def document(self, leave_out: set[str] = frozenset()) -> dict:
        return {
            "format": 1,
            "base": self.base,
            "codebook": self.codebook,
            "articles": [e.__dict__ for e in self.entries if e.hash not in leave_out],
        }

    def stage(self, leave_out: set[str] = frozenset()) -> Path:
        """Write the manifest beside the live one (without the articles `leave_out`, not
        in the corpus yet); `commit` swaps it in."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".{MANIFEST}.{os.getpid()}.tmp"
        text = json.dumps(self.document(leave_out), ensure_ascii=False)  # C encoder
        with tmp.open("w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        self._text = text
        return tmp

    def stage_added(self, entries: list[Entry], leave_out: set[str] = frozenset()) -> Path:
        """`stage` for a manifest that only gains `entries` since it was read or written:
        they are appended to its text (re-encoding ten thousand entries for one costs more
        than the rest of an add). Without that text, the whole manifest is written."""
        if self._text is None:
            return self.stage(leave_out)
        head = self._text[:-2]
        added = ", ".join(json.dumps(e.__dict__, ensure_ascii=False) for e in entries)
        self._text = f"{head}{', ' if not head.endswith('[') else ''}{added}]}}"
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".{MANIFEST}.{os.getpid()}.tmp"
        with tmp.open("w", encoding="utf-8") as f:
            f.write(self._text)
            f.flush()
            os.fsync(f.fileno())
        return tmp

    def commit(self, staged: Path) -> None:
        os.replace(staged, self.path)
        self.known = True

    def rebase(self, folder: Path, when: str) -> None:
        """Make `folder`'s articles the base of the library; added articles stay."""
        self.base = str(folder.resolve())
        added = [e for e in self.entries if e.kind == "added"]
        base = []
        seen = {e.hash for e in added}
        from store.ids import content_hash

        for path in article_files(folder):
            try:
                data = path.read_bytes()
            except OSError:
                continue  # reported when the corpus is built from the library
            h = content_hash(data)
            if h in seen:
                continue
            seen.add(h)
            origin = str(path.resolve())
            base.append(Entry(h, path.name, origin, origin, when, kind="base"))
        self.entries = base + added


def _entry(fields: dict) -> Entry:
    """An entry from the manifest, without the dataclass's checks (ten thousand a load)."""
    entry = object.__new__(Entry)
    entry.__dict__.update(kind="added", published=None, basis=None)
    entry.__dict__.update(fields)
    return entry


def _lock(data_dir: Path):
    from filelock import FileLock

    data_dir.mkdir(parents=True, exist_ok=True)
    return FileLock(str(data_dir / LOCK_FILE))


def _corpus_meta(store) -> dict:
    from store import corpus as corpus_files

    if not store.has_corpus():
        return {}
    try:
        return corpus_files.read_meta(store.corpus_path)
    except corpus_files.CorpusError:
        return {}


def _corpus_sources(store) -> list[dict]:
    from store import corpus as corpus_files

    if not store.has_corpus():
        return []
    try:
        return corpus_files.open_main(store.corpus_path).table("sources").all()
    except corpus_files.CorpusError:
        return []


def _sync_base(lib: Library, store, when: str) -> tuple[list[str], bool]:
    """Follow the folder the corpus was built from: the seeds the dashboard builds from at
    first, or a `parley build FOLDER` since. (notices, whether the base changed)."""
    from store.codebook import bundled_seeds_dir

    meta = _corpus_meta(store)
    if meta.get("library"):
        return [], False  # built from the library: in step
    if meta.get("articles"):
        folder = Path(meta["articles"])
        if meta.get("codebook"):
            lib.codebook = meta["codebook"]
    elif lib.known:
        return [], False  # no corpus: the library rebuilds it
    else:
        folder = bundled_seeds_dir()
    if not folder.exists():
        gone = f"{folder}: the folder the corpus was built from is gone; keeping the library"
        return [gone], False
    had = lib.known and lib.base != str(folder.resolve())
    lib.rebase(folder, when)
    _pin_dates(lib.entries, _corpus_sources(store))
    return ([f"library: now based on {folder} (added articles kept)"] if had else []), True


def _copy_in(lib: Library, raw: RawArticle, h: str) -> str:
    """Keep a copy of an added article (and its metadata sidecar) in the library folder."""
    from store.articles import SIDECAR_SUFFIX

    folder = lib.root / h[:16]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / raw.name).write_bytes(raw.data)
    for side in (raw.path.with_name(raw.path.name + SIDECAR_SUFFIX),
                 raw.path.with_suffix(SIDECAR_SUFFIX)):
        if side.is_file() and side != raw.path:
            shutil.copyfile(side, folder / (raw.name + SIDECAR_SUFFIX))
            break
    return f"{h[:16]}/{raw.name}"


def read_inputs(paths) -> tuple[list[RawArticle], list[Skipped]]:
    raws, skipped = [], []
    for p in paths:
        p = Path(p)
        if not p.exists():
            skipped.append(Skipped(p, "no such file or folder"))
            continue
        for f in article_files(p):
            got = read_article(f)
            if isinstance(got, RawArticle) and len(got.text.split()) < MIN_BODY_WORDS:
                got = Skipped(f, f"no article body found ({len(got.text.split())} words)")
            (skipped if isinstance(got, Skipped) else raws).append(got)
    return raws, skipped


def add(store, paths, *, codebook_path=None, when: str | None = None) -> AddReport:
    """Add the articles at `paths` (files or folders) to the store's corpus."""
    from store.ids import content_hash

    when = when or now_utc()
    report = AddReport()
    with _lock(store.data_dir):
        lib = Library.load(store.data_dir)
        notices, rebased = _sync_base(lib, store, when)
        report.notices += notices
        raws, skipped = read_inputs(paths)
        report.skipped += [str(s) for s in skipped]
        known = lib.by_hash()
        by_origin = lib.by_origin()
        batch: dict[str, str] = {}
        fresh: list[tuple[RawArticle, str]] = []
        for raw in raws:
            h = content_hash(raw.data)
            if h in known:
                report.duplicates.append(
                    f"{raw.path}: already in the corpus (as {known[h].name}); nothing to do"
                )
                continue
            if h in batch:
                report.duplicates.append(f"{raw.path}: same article as {batch[h]}; added once")
                continue
            batch[h] = str(raw.path)
            fresh.append((raw, h))
        if not fresh:
            if not store.has_corpus() or (rebased and any(e.kind == "added" for e in lib.entries)):
                _rebuild(store, lib, report, codebook_path, when, reason="add")
            elif rebased:
                lib.commit(lib.stage())
            return report
        copied: list[tuple[str, Path]] = []
        committed: set[str] = set()  # articles a journal already holds: kept whatever happens
        try:
            for raw, h in fresh:
                origin = str(raw.path.resolve())
                old = by_origin.get(origin)
                rel = _copy_in(lib, raw, h)
                copied.append((h, lib.root / rel))
                entry = Entry(h, raw.name, origin, rel, when)
                if old is not None:
                    lib.entries = [e for e in lib.entries if e is not old]
                    report.changed.append(raw.name)
                else:
                    report.added.append(raw.name)
                lib.entries.append(entry)
            with collector_paused():  # (store.collector: an add makes no cycles worth it)
                journalled = not (report.changed or rebased) and _add_journals(
                    store, lib, report, fresh, codebook_path, when, committed)
            if journalled:
                return report
            _rebuild(store, lib, report, codebook_path, when, reason="add",
                     new_hashes={h for _, h in fresh})
        except BaseException:
            for h, c in copied:
                if h not in committed:
                    shutil.rmtree(c.parent, ignore_errors=True)
            raise
    return report


JOURNAL_ADDS = 5  # more new articles at once than this: one full assembly is cheaper
JOURNAL_MAX = 200  # journals before the next add assembles the corpus again (compacts)
# ... or when they weigh as much as the view file. Readers and adds do not slow down as
# journals pile up (1,000 articles and 48 journals, about as heavy as the view: an add's CPU
# and start-up stayed flat), while each compaction is a whole assembly (9 s at 1,000).
JOURNAL_SHARE = 1.0


def _add_journals(store, lib: Library, report: AddReport, fresh, codebook_path, when,
                  committed: set[str]) -> bool:
    """Add a few articles as journals (store.incremental), one each; False when the corpus
    must be assembled whole instead (too many articles, too many journals, or a change only
    a full assembly can work out). Each journal is written before the manifest names its
    article, so a crash between the two leaves an article the corpus has and the library
    does not: the next add or rebuild assembles from the library again."""
    from store import changes
    from store.analysis_cache import AnalysisCache, fingerprint
    from store.codebook import default_codebook_path, load_codebook
    from store.extract.article import analyse
    from store.incremental import NeedsFullBuild, plan_add
    from store.journal import journal_bytes, journal_files
    from store.view import VIEW_FILE

    view = store.corpus_path / VIEW_FILE
    if (len(fresh) > JOURNAL_ADDS or not store.has_corpus() or not view.exists()
            or len(journal_files(store.corpus_path)) + len(fresh) > JOURNAL_MAX
            or journal_bytes(store.corpus_path) > JOURNAL_SHARE * view.stat().st_size):
        return False
    clock = _Clock(report.timings)
    cb_path = codebook_path or lib.codebook or default_codebook_path(lib.base)
    if lib.codebook and str(cb_path) != lib.codebook:
        return False  # another codebook: everything is read again
    codebook = load_codebook(cb_path)
    cache = AnalysisCache(store.corpus_path, fingerprint(cb_path))
    by_hash = lib.by_hash()
    for n, (raw, h) in enumerate(fresh):
        a = cache.get(h, raw.name)
        if a is None:
            a = analyse(raw, codebook)
            report.analysed += 1
        else:
            report.cached += 1
        clock.lap("read and analyse")
        try:
            delta = plan_add(store.corpus_path, a, codebook, cache)
        except NeedsFullBuild:
            if n == 0:
                return False
            # The articles not journalled yet go in with a full assembly of the library.
            _rebuild(store, lib, report, codebook_path, when, reason="add",
                     new_hashes={x for _, x in fresh[n:]})
            return True
        clock.lap("assemble")
        src = delta.source
        if src["published"] and src["published_basis"] != "stated":
            by_hash[h].published, by_hash[h].basis = src["published"], src["published_basis"]
        staged = lib.stage_added([by_hash[h]], leave_out={x for _, x in fresh[n + 1 :]})
        try:
            store.append_journal(delta.sections)
        except BaseException:
            staged.unlink(missing_ok=True)
            raise
        lib.commit(staged)
        committed.add(h)
        cache.keep([a])
        clock.lap("write")
        _journal_report(report, delta)
        changes.record_delta(store.data_dir, delta, reason="add", at=when)
        clock.lap("history")
    return True


def _journal_report(report: AddReport, delta) -> None:
    src = delta.source
    report.sources = delta.sources_total
    report.quotes, report.events = delta.quotes_total, delta.events_total
    report.new_quotes += delta.new_quotes
    report.new_events += delta.new_events
    _date_notice(report, src)


def _date_notice(report: AddReport, source: dict) -> None:
    """Say how an added article is dated, when its text does not state it."""
    if not source["published"]:
        report.undated.append(
            f"{source['path']}: added with an unknown date (no date stated, none could be "
            "inferred); shown as undated"
        )
    elif source["published_basis"] != "stated":
        report.notices.append(
            f"{source['path']}: added; no date stated, publication date inferred as "
            f"{source['published']}"
        )


def reextract(store, *, codebook_path=None, folder=None, when: str | None = None) -> AddReport:
    """Rebuild the corpus from every article of the library (after a codebook change, say).

    With `folder`, that folder becomes the library's base first (like `parley build FOLDER`,
    but the added articles stay).
    """
    when = when or now_utc()
    report = AddReport()
    with _lock(store.data_dir):
        lib = Library.load(store.data_dir)
        if folder is not None:
            lib.rebase(Path(folder), when)
        else:
            report.notices += _sync_base(lib, store, when)[0]
        _rebuild(store, lib, report, codebook_path, when, reason="reextract")
    return report


def _rebuild(store, lib: Library, report: AddReport, codebook_path, when, *, reason,
             new_hashes: set[str] | None = None) -> None:
    """Assemble the corpus from the library's analyses, swap it in, then the manifest."""
    from store import changes
    from store.analysis_cache import AnalysisCache, fingerprint
    from store.codebook import default_codebook_path, load_codebook
    from store.extract.article import analyse
    from store.pipeline import assemble

    clock = _Clock(report.timings)
    cb_path = codebook_path or lib.codebook or default_codebook_path(lib.base)
    codebook = load_codebook(cb_path)
    lib.codebook = str(cb_path)
    cache = AnalysisCache(store.corpus_path, fingerprint(cb_path))
    analyses, kept, seen = [], [], set()
    for entry in lib.entries:
        if entry.hash in seen:
            continue
        a = cache.get(entry.hash, entry.name)
        if a is None:
            got = read_article(lib.file_of(entry))
            if isinstance(got, Skipped):
                report.skipped.append(str(got))
                continue
            a = analyse(got, codebook)
            report.analysed += 1
        else:
            report.cached += 1
        seen.add(entry.hash)
        kept.append(entry)
        analyses.append(a)
    lib.entries = kept
    clock.lap("read and analyse")
    pinned = {source_id_for_hash(e.hash): (e.published, e.basis) for e in kept if e.published}
    build = assemble(analyses, codebook, pinned)
    _pin_dates(kept, build.tables["sources"])
    clock.lap("assemble")
    cache.keep(analyses)
    clock.lap("cache")
    before = changes.previous_snapshot(store.data_dir, store.corpus_path)
    meta = {
        "negotiation": codebook.name,
        "codebook": str(cb_path),
        "articles": lib.base,
        "library": str(lib.path),
    }
    staged = lib.stage()
    try:
        store.replace_corpus(build.tables, build.texts, meta, build.state)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    lib.commit(staged)
    cache.prune()
    clock.lap("write")
    _fill_report(report, build.tables, new_hashes)
    changes.record(store.data_dir, before, build.tables, reason=reason, at=when)
    clock.lap("history")


class _Clock:
    """Seconds per phase, for the benchmark and the profile figures."""

    def __init__(self, into: dict[str, float]):
        import time

        self._now = time.perf_counter
        self.into = into
        self.last = self._now()

    def lap(self, name: str) -> None:
        now = self._now()
        self.into[name] = self.into.get(name, 0.0) + now - self.last
        self.last = now


def source_id_for_hash(h: str) -> str:
    from store.ids import stable_id

    return stable_id("source", h)  # as store.extract.article.source_id_for


def _pin_dates(entries: list[Entry], sources: list[dict]) -> None:
    """Remember inferred publication dates, so later adds and rebuilds keep them."""
    by_hash = {s["content_hash"]: s for s in sources}
    for e in entries:
        s = by_hash.get(e.hash)
        if s and s["published"] and s["published_basis"] != "stated":
            e.published, e.basis = s["published"], s["published_basis"]


def _fill_report(report: AddReport, tables: dict, new_hashes: set[str] | None) -> None:
    t = tables
    report.sources, report.quotes, report.events = (
        len(t["sources"]), len(t["quotes"]), len(t["events"]))
    if new_hashes is None:
        return
    new_sources = {s["id"] for s in t["sources"] if s["content_hash"] in new_hashes}
    for s in t["sources"]:
        if s["id"] in new_sources:
            _date_notice(report, s)
    report.new_quotes = sum(1 for q in t["quotes"] if q["source"] in new_sources)
    report.new_events = sum(
        1 for e in t["events"] if e["sources"] and e["sources"][0] in new_sources
    )
