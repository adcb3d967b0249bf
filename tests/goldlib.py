"""The hand-checked gold annotations (tests/data/gold) and how extraction is scored against them.

One definition of "right" for every test: quotes match on their exact text (whitespace folded),
speakers on a normalised name, events on date and shared content words.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
GOLD_DIR = DATA / "gold"
SEEDS_DIR = Path(__file__).parent.parent / "seeds"

_STOP = frozenset(
    """a an the of and or to in on at by for with from as is are was were be been that this
    it its his her their they he she we you i u s us e g i e first second day days into about
    after before over under than then also not no says said say""".split()
)


def load_gold(folder: Path = GOLD_DIR) -> list[dict]:
    """The gold annotations in `folder` (one JSON per article), sorted by file name; an
    article's sidecar (NAME.meta.json) is the article's, not gold."""
    return [json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))
            if not p.name.endswith(".meta.json")]


def fold(text: str) -> str:
    """Case, Unicode compatibility forms and whitespace folded."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", text).strip()


def speaker_key(name: str | None) -> str:
    """A speaker name reduced for comparison: 'U.S. officials' ~ 'US official', 'Viktor
    Orbán' ~ 'Viktor Orban', and a codebook actor's aliases ~ its name ('Volodymyr
    Zelenskyy' ~ 'Volodymyr Zelensky')."""
    if not name:
        return ""
    s = fold(name)
    s = _plain(s)
    s = _actor_names().get(s, s)
    # an anonymous source's qualifying clause: "US official familiar with the talks" is the
    # "U.S. official" the article describes
    s = re.sub(r"\s+(?:familiar|involved|briefed|close to|with knowledge|who|speaking|"
               r"on condition)\b.*$", "", s)
    s = re.sub(r"\(.*?\)", "", s)
    s = s.replace(".", "").replace("’", "'")
    s = re.sub(r"\b(a|an|the|one|another)\b", "", s)
    s = re.sub(r"[^\w' ]+", " ", s)
    words = [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in s.split()]
    return " ".join(words)


@functools.cache
def _actor_names() -> dict[str, str]:
    """Each codebook actor's aliases and full name, folded, to its folded name."""
    from store.codebook import default_codebook_path, load_codebook

    out = {}
    for actor in load_codebook(default_codebook_path()).actors:
        canonical = _plain(fold(actor.name))
        for alias in (actor.name, *actor.aliases):
            out[_plain(fold(alias))] = canonical
    return out


def _plain(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def same_speaker(ours: str | None, gold: str | None) -> bool:
    a, b = speaker_key(ours), speaker_key(gold)
    if not a or not b:
        return a == b
    if a == b:
        return True
    # A known person by surname only, or a role with/without a qualifier ("second U.S. official").
    ta, tb = a.split(), b.split()
    return (ta[-1] == tb[-1]) and (set(ta) <= set(tb) or set(tb) <= set(ta))


def content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", fold(text))
    return {w for w in words if w not in _STOP and len(w) > 2}


@dataclass
class Score:
    matched: int
    ours: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched / self.ours if self.ours else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0


def match_quotes(ours: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs (ours, gold) with the same folded text; each quote used at most once."""
    pool: dict[str, list[dict]] = {}
    for q in ours:
        pool.setdefault(fold(q["text"]), []).append(q)
    pairs = []
    for g in gold:
        cands = pool.get(fold(g["text"]))
        if cands:
            pairs.append((cands.pop(0), g))
    return pairs


def event_matches(ours: dict, gold: dict) -> bool:
    """Same date and at least two shared content words (or one when the gold is short)."""
    if ours.get("date") != gold.get("date"):
        return False
    text = " ".join(str(ours.get(k) or "") for k in ("title", "text", "sentence"))
    shared = content_words(text) & content_words(gold["what"])
    return len(shared) >= min(2, len(content_words(gold["what"])))
