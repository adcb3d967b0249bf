"""A read-only TinyDB storage for the corpus files, apart so that TinyDB loads only when a
corpus table is opened (the dashboard reads the view file instead)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import Storage

from store.corpus import CorpusError


class FrozenStorage(Storage):
    """A read-only TinyDB storage that parses its JSON file once."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._data: dict | None = None

    def read(self) -> dict | None:
        if self._data is None:
            try:
                with self.path.open(encoding="utf-8") as f:
                    self._data = json.load(f)
            except FileNotFoundError:
                return None
            except (OSError, ValueError) as e:
                raise CorpusError(f"{self.path}: unreadable corpus file ({e})") from e
        return self._data

    def write(self, data: dict) -> None:
        raise CorpusError(f"{self.path}: the corpus is read-only; rebuild it with `parley build`")


def open_frozen(path: Path) -> TinyDB:
    return TinyDB(path, storage=FrozenStorage)
