"""Where parley keeps its data: `--data DIR`, else `PARLEY_DATA`, else the user's data directory.

Never the source tree: the corpus is derived and the notes are the user's.
"""

from __future__ import annotations

import os
from pathlib import Path

CORPUS_DIR = "corpus"
NOTES_FILE = "notes.json"


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The data directory to use (not created here)."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("PARLEY_DATA")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("parley", appauthor=False))


def corpus_dir(base: Path) -> Path:
    return base / CORPUS_DIR


def notes_path(base: Path) -> Path:
    return base / NOTES_FILE
