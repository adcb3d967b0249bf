"""Shared fixtures: a small hand-made corpus written with `write_corpus` (independent of the
extraction others are writing), with hostile text in an article and in a quote."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.api import Store
from store.corpus import write_corpus
from store.paths import corpus_dir

HOSTILE = "[bold red]x[/] \x1b[31m"
FILLER = "\n".join(f"Background paragraph {n} about earlier rounds of talks." for n in range(60))


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def tiny_corpus() -> tuple[dict[str, list[dict]], dict[str, str], dict]:
    """Tables, texts and meta of a three-article corpus about a made-up round of talks."""
    q1 = "We need guarantees that are legally binding"
    q2 = f"Nothing is agreed {HOSTILE} until everything is agreed"
    q3 = "Not one inch of land will be given away"
    s1_status = "Officials said the sides were narrowing their differences on guarantees."
    texts = {
        "src1": f"Talks in Berlin\n{FILLER}\nZelensky said: “{q1}.”\n{s1_status}\n",
        "src2": f"Second day\nA Kremlin aide said “{q2}”. He added: “{q3}.”\n",
        "src3": f"Undated wire {HOSTILE}\nA ceasefire was agreed for the holidays.\n",
    }
    q1s, q1e = _span(texts["src1"], q1)
    q2s, q2e = _span(texts["src2"], q2)
    q3s, q3e = _span(texts["src2"], q3)
    st_s, st_e = _span(texts["src1"], s1_status)
    cf_s, cf_e = _span(texts["src3"], "A ceasefire was agreed for the holidays.")
    sources = [
        {"id": "src1", "path": "001_reuters.txt", "title": "Talks in Berlin", "outlet": "Reuters",
         "published": "2025-12-15", "published_basis": "stated", "words": 400},
        {"id": "src2", "path": "002_ap.txt", "title": "Second day", "outlet": "AP",
         "published": "2025-12-16", "published_basis": "inferred", "words": 30},
        {"id": "src3", "path": "003_wire.txt", "title": f"Undated wire {HOSTILE}",
         "outlet": None, "published": None, "published_basis": None, "words": 12},
    ]
    sentences = [
        {"id": "sen1", "source": "src1", "start": st_s, "end": st_e,
         "text": s1_status, "issues": ["security_guarantees"], "party": None},
        {"id": "sen2", "source": "src3", "start": cf_s, "end": cf_e,
         "text": texts["src3"][cf_s:cf_e], "issues": ["ceasefire"], "party": None},
    ]
    quotes = [
        {"id": "q1", "text": q1, "start": q1s, "end": q1e, "speaker": "Volodymyr Zelensky",
         "actor": "zelensky", "party": "ukraine", "source": "src1", "also_in": ["src2"],
         "issues": ["security_guarantees"], "kind": "full", "date": "2025-12-15"},
        {"id": "q2", "text": q2, "start": q2s, "end": q2e, "speaker": f"Aide {HOSTILE}",
         "actor": None, "party": "russia", "source": "src2", "also_in": [],
         "issues": ["security_guarantees", "territory"], "kind": "full", "date": "2025-12-16"},
        {"id": "q3", "text": q3, "start": q3s, "end": q3e, "speaker": None,
         "actor": None, "party": "russia", "source": "src2", "also_in": [],
         "issues": ["territory"], "kind": "full", "date": "2025-12-16"},
    ]
    positions = [
        {"id": "pos_ua_sg", "issue": "security_guarantees", "party": "ukraine",
         "stance": "demands", "summary": "Legally binding guarantees", "evidence": ["q1"],
         "sources": ["src1"], "contested": True, "updated": "2025-12-15"},
        {"id": "pos_ru_sg", "issue": "security_guarantees", "party": "russia",
         "stance": "rejects", "summary": f"Rejects {HOSTILE} foreign troops", "evidence": ["q2"],
         "sources": ["src2"], "contested": False, "updated": "2025-12-16"},
    ]
    issues = [
        {"id": "security_guarantees", "title": "Security guarantees", "status": "narrowing",
         "status_basis": ["sen1"], "sources": 2, "quotes": 2, "last_reported": "2025-12-16"},
        {"id": "territory", "title": "Territory", "status": "disputed", "status_basis": [],
         "sources": 1, "quotes": 2, "last_reported": "2025-12-16"},
        {"id": "ceasefire", "title": "Ceasefire", "status": "agreed", "status_basis": ["sen2"],
         "sources": 1, "quotes": 0, "last_reported": None},
        {"id": "frozen_assets", "title": "Frozen assets", "status": "open", "status_basis": [],
         "sources": 0, "quotes": 0, "last_reported": None},
    ]
    events = [
        {"id": "ev1", "date": "2025-12-14", "date_basis": "stated", "precision": "day",
         "title": "Talks open in Berlin", "issues": ["security_guarantees"], "sources": ["src1"],
         "sentences": [], "scheduled": False, "start": 0, "end": 15},
        {"id": "ev2", "date": "2025-12-15", "date_basis": "relative", "precision": "day",
         "title": "Second round on territory", "issues": ["territory"], "sources": ["src2"],
         "sentences": [], "scheduled": False, "start": q3s, "end": q3e},
        {"id": "ev3", "date": "2026-01", "date_basis": "inferred", "precision": "month",
         "title": "Leaders to meet in January", "issues": ["security_guarantees"],
         "sources": ["src1"], "sentences": [], "scheduled": True, "start": 0, "end": 15},
        {"id": "ev4", "date": None, "date_basis": "inferred", "precision": "unknown",
         "title": f"Holiday ceasefire {HOSTILE}", "issues": ["ceasefire"], "sources": ["src3"],
         "sentences": [], "scheduled": False, "start": cf_s, "end": cf_e},
    ]
    parties = [
        {"id": "us", "name": "United States"},
        {"id": "ukraine", "name": "Ukraine"},
        {"id": "russia", "name": "Russia"},
        {"id": "europe", "name": "Europe"},
    ]
    tables = {
        "sources": sources, "parties": parties, "actors": [], "issues": issues,
        "positions": positions, "quotes": quotes, "events": events, "sentences": sentences,
    }
    return tables, texts, {"negotiation": "Test talks (Berlin)"}


def write_tiny_corpus(data: Path) -> Store:
    tables, texts, meta = tiny_corpus()
    write_corpus(corpus_dir(data), tables, texts, meta)
    return Store(data)


@pytest.fixture
def tiny_store(tmp_path: Path) -> Store:
    """A Store over a hand-made corpus in tmp_path (not loaded yet, like the CLI hands it)."""
    return write_tiny_corpus(tmp_path / "data")


@pytest.fixture
def empty_store(tmp_path: Path) -> Store:
    """A Store over a data directory with no corpus."""
    return Store(tmp_path / "empty")


@pytest.fixture
def corrupt_store(tmp_path: Path) -> Store:
    """A Store whose corpus file is not JSON."""
    store = write_tiny_corpus(tmp_path / "bad")
    (store.corpus_path / "corpus.json").write_text("{not json", encoding="utf-8")
    return store
