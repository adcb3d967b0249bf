"""An undated article's mentions judge the tense only where dating it reads one: what the
inference and the pins make of them is what they made of every tense judged."""

from __future__ import annotations

from datetime import date

import store.extract.dates as D
from store.extract.clean import clean_article
from store.extract.sentences import split_sentences
from tests.goldlib import SEEDS_DIR


def _full_mentions(text: str):
    """date_mentions as it was: every expression's tense judged."""
    out = []
    for lo, hi, exprs in D.dates_by_sentence(text, split_sentences(text)):
        out.extend((ex, D.tense_at(text, ex.start, ex.end, lo, hi)) for ex in exprs)
    return out


def _texts():
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        yield clean_article(path.read_text(encoding="utf-8"), path.name).text


def test_tense_judged_where_read_and_only_there():
    for text in _texts():
        full, mentions = _full_mentions(text), D.date_mentions(text)
        assert [e for e, _ in full] == [e for e, _ in mentions]
        for (e, tense), (_, kept) in zip(full, mentions, strict=True):
            assert kept == (tense if D.tense_read(e) else None)


def test_inference_reads_no_other_tense():
    corpus = [date(2025, 12, 14), date(2025, 12, 20), date(2026, 1, 3)]
    for text in _texts():
        full, mentions = _full_mentions(text), D.date_mentions(text)
        for pinned in ((), ((date(2025, 12, 16), date(2025, 12, 22)),),
                       ((date(2026, 1, 1), date(2026, 1, 31)),)):
            assert D.infer_published(text, corpus, mentions, list(pinned)) == D.infer_published(
                text, corpus, full, list(pinned))
