"""Stable ids: a short hash of an entry's kind, its content and its source.

Two builds of the same articles give the same ids, so notes stay attached across rebuilds.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Fold case, Unicode forms and whitespace so cosmetic differences do not change an id."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", text).strip()


def stable_id(kind: str, *parts: object) -> str:
    """A 16-hex-digit id for `kind` from `parts` (normalised text, numbers, other ids)."""
    h = hashlib.sha256(kind.encode())
    for part in parts:
        h.update(b"\x1f")
        h.update(normalise(str(part)).encode())
    return h.hexdigest()[:16]


def content_hash(data: bytes | str) -> str:
    """The full hash of an article's bytes: what makes a file new or changed."""
    if isinstance(data, str):
        data = data.encode()
    return hashlib.sha256(data).hexdigest()
