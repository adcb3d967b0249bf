"""The faster corpus build gives the same answers: one-walk cues, per-article clauses, quote
grouping by key classes and bounded candidates."""

from __future__ import annotations

import copy
import random
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import merge
from store.codebook import default_codebook_path, load_codebook
from store.extract import positions
from store.extract.positions import (
    STANCE_CUES,
    STATUS_CUES,
    EvidenceItem,
    classify_stance,
    clause_cues,
    derive_positions,
    derive_statuses,
    status_cue,
)
from store.pipeline import analyse_all, assemble, read_folder
from tests.goldlib import SEEDS_DIR


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(default_codebook_path())


# --- one walk for stance and status ------------------------------------------------------------
_CUE_WORDS = sorted(
    {c.replace("*", "ing") for _, cues in STANCE_CUES + STATUS_CUES for c in cues}
    | {"not", "if", "the", "Russia's", "talks", "territory", "said", "no", "whether", "-", ","}
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=14), st.sampled_from([" ", "  ", ", "]))
def test_clause_cues_same_as_separate_readings(words, sep):
    text = sep.join(words)
    assert clause_cues(text) == (classify_stance(text), status_cue(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_clause_cues_same_on_arbitrary_text(text):
    assert clause_cues(text) == (classify_stance(text), status_cue(text))


# --- claims once --------------------------------------------------------------------------------
def _items(codebook):
    texts = [
        ("Ukraine rejected any withdrawal from Donetsk, while Russia demanded the territory.",
         "ukraine"),
        ("The talks made progress on security guarantees.", None),
        ("Russia would accept a ceasefire if Ukraine withdraws from Donbas.", "russia"),
    ]
    out = []
    for n, (text, party) in enumerate(texts):
        issues = positions.tag_issues(text, codebook) or ("process",)
        out.append(EvidenceItem("sentence", f"s{n}", "a", text, "", "2025-12-15", party, issues,
                                n * 100, n * 100 + len(text)))
    return out


def test_clauses_worked_out_once_per_item(codebook, monkeypatch):
    calls = []
    real = positions.sentence_clauses

    def counting(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(positions, "sentence_clauses", counting)
    items = _items(codebook)
    derive_positions(items, codebook)
    derive_statuses(items, codebook)  # positions again inside (clashes): no new reading
    assert sorted(calls) == sorted(i.text for i in items)


def test_given_claims_give_the_same_answers(codebook):
    items = _items(codebook)
    fresh = copy.deepcopy(items)
    claims = positions.evidence_claims(items, codebook)
    derived = derive_positions(items, codebook, claims)
    assert derived == derive_positions(fresh, codebook)
    assert derive_statuses(items, codebook, claims, derived) == derive_statuses(fresh, codebook)


def test_build_without_kept_per_article_work_is_the_same(codebook):
    """An analysis cached before clauses, cues and dates were kept builds the same corpus."""
    raws, _ = read_folder(SEEDS_DIR)
    analyses, _ = analyse_all(raws, codebook)
    bare = copy.deepcopy(analyses)
    for a in bare:
        a.sentence_clauses = a.quote_cues = a.dates = a.date_mentions = None
        if hasattr(a, "events_memo"):
            del a.events_memo
    assert assemble(bare, codebook).tables == assemble(analyses, codebook).tables


# --- quote grouping -----------------------------------------------------------------------------
def _brute_force_groups(reports):
    """Reference: every pair compared (no candidates): same key (or similar), different
    sources, no two different parties."""
    keys = [merge.quote_key(r["text"]) for r in reports]
    union = merge._Union(len(reports))
    for a in range(len(reports)):
        for b in range(a + 1, len(reports)):
            if reports[a]["source"] == reports[b]["source"]:
                continue
            if not merge._compatible(reports[a], reports[b]):
                continue
            if keys[a] == keys[b] or merge.fuzz.ratio(keys[a], keys[b]) >= merge.SAME_RATIO:
                union.join(a, b)
    groups = defaultdict(list)
    for i in range(len(reports)):
        groups[union.find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


_TEXTS = (
    "we will never accept any withdrawal from the Donbas region",
    "security guarantees must come before any ceasefire is signed",
    "the frozen assets should pay for the reconstruction of Ukraine",
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TEXTS), st.sampled_from("abcd"),
                          st.sampled_from([None, "", "us", "russia", "ukraine"])),
                max_size=14))
def test_identical_quotations_group_as_every_pair_would(rows):
    reports = [{"text": t, "source": s, "party": p} for t, s, p in rows]
    groups, links = merge.group_quotes(reports)
    assert groups == _brute_force_groups(reports)
    assert not links  # no fragments here


def test_a_quotation_reported_by_hundreds_is_one_group():
    text = "nobody should doubt that we are very close to an agreement on guarantees"
    reports = [{"text": text, "source": f"s{n}", "party": "us"} for n in range(300)]
    groups, _ = merge.group_quotes(reports)
    assert groups == [list(range(300))]


def test_candidates_are_bounded_per_key():
    rng = random.Random(3)
    common = "as part of the talks"  # a phrase every quotation holds
    keys = [
        merge.quote_key(f"{common} {' '.join(rng.choice('abcdefghij') * 3 for _ in range(8))}")
        for _ in range(400)
    ]
    keys = list(dict.fromkeys(keys))
    per_key = defaultdict(int)
    for c, d in merge._candidates(keys):
        per_key[c] += 1
        per_key[d] += 1
    assert max(per_key.values(), default=0) <= merge.RAREST * merge.MAX_POSTING


def test_variants_and_fragments_still_meet():
    long = "We are ready to offer Ukraine security guarantees similar to Article 5 of NATO"
    reports = [
        {"text": long, "source": "a", "party": "us"},
        {"text": long.replace("Article 5", "Article five"), "source": "b", "party": "us"},
        {"text": "security guarantees similar to Article 5", "source": "c", "party": "us"},
    ]
    for n in range(100):  # noise sharing common words
        reports.append({"text": f"the talks on security went on for day {n} of the week",
                        "source": f"n{n}", "party": None})
    groups, links = merge.group_quotes(reports)
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    assert group_of[0] == group_of[1]
    assert group_of[2] != group_of[0] and group_of[0] in links[group_of[2]]


def test_a_common_short_phrase_is_one_quotation_only_for_one_speaker():
    reports = [
        {"text": "when the time comes", "source": "a", "party": "europe",
         "speaker": "Emmanuel Macron", "actor": "emmanuel-macron"},
        {"text": "when the time comes", "source": "b", "party": None,
         "speaker": "Randhir Jaiswal", "actor": None},
        {"text": "When the time comes", "source": "c", "party": "europe",
         "speaker": "Emmanuel Macron", "actor": "emmanuel-macron"},
    ]
    groups, _ = merge.group_quotes(reports)
    assert groups == [[0, 2], [1]]
    # a longer quotation is one whoever each outlet credits it to
    long = "when the time comes we will be ready to send our soldiers"
    for r in reports:
        r["text"] = long
    assert merge.group_quotes(reports)[0] == [[0, 1, 2]]
