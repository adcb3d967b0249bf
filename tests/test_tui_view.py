"""The view file's ready answers for the dashboard match what the full reads give."""

from __future__ import annotations

import dataclasses
import random

from store.api import Store
from store.corpus import write_corpus
from store.paths import corpus_dir
from store.view import LATEST_KEPT
from tests.conftest import tiny_corpus


def _busy_corpus(data, seed: int = 3) -> Store:
    """The tiny corpus plus a position citing many quotes and sentences on few dates
    (so ties are common), some cited ids missing from the corpus."""
    tables, texts, meta = tiny_corpus()
    rng = random.Random(seed)
    text = texts["src1"]
    dates = ["2025-12-10", "2025-12-12", "2025-12-15", None]
    cited = []
    for n in range(40):
        qid = f"bq{n}"
        tables["quotes"].append(
            {"id": qid, "text": f"busy quote {n}", "start": 0, "end": 5, "speaker": None,
             "actor": None, "party": "us", "source": "src1", "also_in": [],
             "issues": ["territory"], "kind": "full", "date": rng.choice(dates)}
        )
        cited.append(qid)
    cited += ["sen1", "sen2", "gone1", "gone2"]
    rng.shuffle(cited)
    tables["positions"].append(
        {"id": "pos_us_tr", "issue": "territory", "party": "us", "stance": "supports",
         "summary": "busy", "evidence": cited, "sources": ["src1"], "contested": False,
         "updated": "2025-12-15"}
    )
    write_corpus(corpus_dir(data), tables, {**texts, "src1": text}, meta)
    return Store(data)


def _newest_first(evidence):
    return sorted(evidence, key=lambda e: e.date or "", reverse=True)


def test_latest_evidence_is_the_head_of_the_evidence_newest_first(tmp_path):
    store = _busy_corpus(tmp_path / "data")
    store.load()
    for pos in store.positions("territory") + store.positions("security_guarantees"):
        everything = store.evidence(pos)
        assert store.evidence_count(pos) == len(everything)
        for n in range(1, LATEST_KEPT + 3):  # past what the view keeps: read in full
            assert store.latest_evidence(pos, n) == _newest_first(everything)[:n]
    busy = next(p for p in store.positions("territory") if p.id == "pos_us_tr")
    assert store.evidence_count(busy) == 42  # 40 quotes and 2 sentences; 2 ids are gone


def test_latest_evidence_of_a_changed_position_is_worked_out_again(tmp_path):
    store = _busy_corpus(tmp_path / "data")
    store.load()
    busy = next(p for p in store.positions("territory") if p.id == "pos_us_tr")
    fewer = dataclasses.replace(busy, evidence=("q1", "q2", "bq0"))
    assert store.evidence_count(fewer) == 3
    assert store.latest_evidence(fewer, 2) == _newest_first(store.evidence(fewer))[:2]


def test_a_position_opens_at_its_newest_evidence(tmp_path):
    store = _busy_corpus(tmp_path / "data")
    store.load()
    busy = next(p for p in store.positions("territory") if p.id == "pos_us_tr")
    newest = store.latest_evidence(busy, 1)[0]
    passage = store.locate("position", busy.id)
    assert (passage.source, passage.start, passage.end) == (
        newest.source,
        newest.start,
        newest.end,
    )
