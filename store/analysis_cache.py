"""Per-article analyses kept between runs, so adding one article does not re-read the rest.

An analysis depends on the article's bytes, the codebook and the extraction code, and on
nothing else: the cache key is the article's content hash, and every entry lives under a
folder named by a fingerprint of the codebook and the extraction code. A changed codebook or
a new version of the extractors simply misses the cache. Entries are pickles in the corpus
folder (derived data, safe to lose: a miss re-analyses the article).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

CACHE_DIR = "analyses"


def fingerprint(codebook_path: str | os.PathLike | None) -> str:
    """A short hash of the codebook file and of the extraction code."""
    h = hashlib.sha256()
    if codebook_path:
        try:
            h.update(Path(codebook_path).read_bytes())
        except OSError:
            h.update(str(codebook_path).encode())
    extract = Path(__file__).parent / "extract"
    for module in sorted(extract.rglob("*.py")):  # (the speakers package's modules too)
        h.update(module.relative_to(extract).as_posix().encode())
        h.update(module.read_bytes())
    h.update((Path(__file__).parent / "articles.py").read_bytes())
    return h.hexdigest()[:16]


class AnalysisCache:
    """Analyses by content hash, for one codebook and code fingerprint."""

    def __init__(self, corpus: Path, fingerprint: str):
        self.root = corpus / CACHE_DIR
        self.folder = self.root / fingerprint
        self.hits = 0
        self.misses = 0

    def _path(self, content_hash: str) -> Path:
        return self.folder / f"{content_hash}.pickle"

    def get(self, content_hash: str, name: str | None = None):
        """The cached analysis (of the article under file name `name`, when given: the name
        is part of an analysis), or None (never raises: a bad entry is a miss)."""
        try:
            with self._path(content_hash).open("rb") as f:
                analysis = pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
                IndexError, TypeError, ValueError):
            self.misses += 1
            return None
        if name is not None and analysis.path != name:
            self.misses += 1
            return None
        self.hits += 1
        return analysis

    def put(self, analysis) -> None:
        """Store an analysis (write then rename: a reader never sees half an entry)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            target = self._path(analysis.content_hash)
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            with tmp.open("wb") as f:
                pickle.dump(analysis, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        except OSError:
            pass  # a cache that cannot be written is only slower

    def keep(self, analyses) -> None:
        """Store the analyses that are new or learnt something since they were read (their
        events, remembered by the pipeline): the others are in the cache as they are."""
        for a in analyses:
            if getattr(a, "memo_changed", True):
                a.memo_changed = False
                self.put(a)

    def prune(self) -> None:
        """Drop the entries of other fingerprints (an older codebook or code)."""
        import shutil

        if not self.root.is_dir():
            return
        for child in self.root.iterdir():
            if child != self.folder:
                shutil.rmtree(child, ignore_errors=True)
