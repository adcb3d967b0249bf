"""Reading article files: which files are articles, their text, and the problems to report.

Bad input never stops a build: each bad file becomes one `Skipped` line naming the file and
the problem, and the rest is built.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SIDECAR_SUFFIX = ".meta.json"
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class RawArticle:
    path: Path
    name: str
    data: bytes
    text: str
    meta: dict | None


@dataclass(frozen=True)
class Skipped:
    path: Path
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: skipped: {self.problem}"


def article_files(root: Path) -> list[Path]:
    """Article files under `root` (a file or a folder, recursively), sorted, codebooks excluded."""
    if root.is_file():
        return [root]
    files = [
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in ARTICLE_SUFFIXES
        and not p.name.startswith(".")
        and not p.name.lower().startswith("readme")
    ]
    return sorted(files)


def _sidecar(path: Path) -> dict | None:
    side = path.with_name(path.name + SIDECAR_SUFFIX)
    if not side.is_file():
        side = path.with_suffix(SIDECAR_SUFFIX)
    if not side.is_file():
        return None
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def read_article(path: Path) -> RawArticle | Skipped:
    """The article's text, or why it cannot be used."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Skipped(path, f"larger than {MAX_BYTES // (1024 * 1024)} MB ({size:,} bytes)")
        data = path.read_bytes()
    except OSError as e:
        return Skipped(path, f"unreadable ({e.strerror or e})")
    if not data.strip():
        return Skipped(path, "empty file")
    if b"\x00" in data[:8192]:
        return Skipped(path, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return Skipped(path, f"not UTF-8 text (bad byte at offset {e.start})")
    if path.suffix.lower() in (".html", ".htm"):
        from store.html import html_to_text

        body = html_to_text(text)
        if body is None:
            return Skipped(path, "no article body found in the HTML page")
        text = body
    elif path.suffix.lower() in (".md", ".markdown"):
        from store.markdown import markdown_to_text

        text = markdown_to_text(text)
    return RawArticle(path=path, name=path.name, data=data, text=text, meta=_sidecar(path))
