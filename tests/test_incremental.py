"""Adds written as journals (store.incremental, store.journal) give the corpus a full
assembly of the same articles gives, stay readable through every reader, and fail safe."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store import changes, ingest
from store import incremental as inc
from store.api import Store
from store.export import export_dict
from tests.goldlib import DATA, SEEDS_DIR

CORPORA = {
    "seeds": SEEDS_DIR,
    "unseen": DATA / "unseen",
    "unseen_events": DATA / "unseen_events",
    "unseen_probe": DATA / "unseen_probe",
    "unseen_probe2": DATA / "unseen_probe2",
    "unseen_probe3": DATA / "unseen_probe3",
    "unseen_probe4": DATA / "unseen_probe4",
    "unseen_probe5": DATA / "unseen_probe5",
    "unseen_probe6": DATA / "unseen_probe6",
    "unseen_probe7": DATA / "unseen_probe7",
    "unseen_probe8": DATA / "unseen_probe8",
    "unseen_probe9": DATA / "unseen_probe9",
    "unseen_probe10": DATA / "unseen_probe10",
    "unseen_probe11": DATA / "unseen_probe11",
    "unseen_probe12": DATA / "unseen_probe12",
    "unseen_probe13": DATA / "unseen_probe13",
    "unseen_probe14": DATA / "unseen_probe14",
}


@pytest.fixture
def journals(monkeypatch):
    """Journals whatever their size (on a small corpus a full assembly is cheaper), and a
    record of which adds went through them."""
    monkeypatch.setattr(ingest, "JOURNAL_SHARE", 1000.0)
    planned = []
    plan = inc.plan_add

    def recording(*a, **k):
        delta = plan(*a, **k)
        planned.append(delta.source["path"])
        return delta

    monkeypatch.setattr(inc, "plan_add", recording)
    return planned


def _articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html"))


def _comparable(doc: dict) -> dict:
    """An export with list orders that only reflect grouping order made canonical."""
    doc = {k: v for k, v in doc.items() if k != "notes"}
    for q in doc["quotes"]:
        q["also_in"] = sorted(q["also_in"])
        q["issues"] = sorted(q["issues"])
    return {name: sorted(rows, key=lambda r: r["id"]) for name, rows in doc.items()}


def _full_build_of_library(data: Path, tmp: Path) -> Store:
    other = Store(tmp / "full")
    shutil.copytree(data / "articles", tmp / "full" / "articles")
    ingest.reextract(other)
    return other


# patch_from 0: every happening that gains a mention is written as a patch of its row (in
# real use only those with PATCH_FROM mentions or more, which small corpora do not have).
@pytest.mark.parametrize(("corpus", "base", "reverse", "patch_from"), [
    ("seeds", 0, False, inc.PATCH_FROM), ("unseen", 1, True, inc.PATCH_FROM),
    ("unseen_events", 0, False, inc.PATCH_FROM), ("unseen_probe", 0, True, inc.PATCH_FROM),
    ("unseen_probe2", 4, False, inc.PATCH_FROM),
    ("seeds", 0, True, 0), ("unseen_events", 0, False, 0), ("unseen_probe", 0, True, 0),
    ("unseen_probe2", 0, False, 0), ("unseen_probe3", 0, True, 0),
    ("unseen_probe4", 2, False, inc.PATCH_FROM), ("unseen_probe5", 0, True, 0),
    ("unseen_probe6", 1, False, inc.PATCH_FROM), ("unseen_probe7", 0, True, 0),
    ("unseen_probe8", 2, False, inc.PATCH_FROM), ("unseen_probe9", 0, True, 0),
    ("unseen_probe10", 1, False, inc.PATCH_FROM), ("unseen_probe11", 0, True, 0),
    ("unseen_probe12", 2, False, inc.PATCH_FROM), ("unseen_probe13", 0, True, 0),
    ("unseen_probe14", 1, False, inc.PATCH_FROM),
])
def test_articles_added_one_by_one_give_what_a_full_build_gives(
    tmp_path, journals, monkeypatch, corpus, base, reverse, patch_from
):
    monkeypatch.setattr(inc, "PATCH_FROM", patch_from)
    files = _articles(CORPORA[corpus])
    files = files[::-1] if reverse else files
    folder = tmp_path / "base"
    folder.mkdir()
    for f in files[:base]:
        shutil.copy(f, folder / f.name)
    store = Store(tmp_path / "inc")
    ingest.reextract(store, folder=folder)
    for f in files[base:]:
        ingest.add(store, [f])
    assert len(journals) >= len(files[base:]) - 2  # a few need the whole corpus assembled
    full = _full_build_of_library(store.data_dir, tmp_path)
    assert _comparable(export_dict(store)) == _comparable(export_dict(full))
    assert _lists(store) == _lists(full)


def _lists(store: Store) -> dict:
    """What the dashboard lists, in its order: quotes (all and per issue), events, positions'
    evidence and issues' counts."""
    store.load()
    out = {"quotes": [q.id for q in store.quotes()], "events": [e.id for e in store.events()],
           "summary": store.summary()}
    for issue in store.issues():
        out[issue.id] = (issue, [q.id for q in store.quotes(issue.id)],
                         [(p, store.evidence_count(p), store.latest_evidence(p, 3))
                          for p in store.positions(issue.id)])
    return out


ECHO_A = (
    "Envoys meet again\n\n"
    'BERLIN, Dec 16, 2025 - "We are closer than ever to a framework for peace," Zelensky said '
    "on Tuesday after the talks, adding that territory remained the hardest question of all.\n"
)
ECHO_B = (
    "Talks go on\n\n"
    'KYIV, Dec 15, 2025 - Volodymyr Zelensky said on Monday: "We are closer than ever to a '
    'framework for peace." Officials said security guarantees were nearly agreed.\n'
)


def test_a_note_stays_on_a_quote_a_later_add_renames(tmp_path, journals):
    """B reports A's quotation a day earlier, so the quote takes B's report's id: a note made
    on it before finds it after, as after a full build."""
    store = Store(tmp_path / "data")
    ingest.reextract(store, folder=SEEDS_DIR)
    (tmp_path / "a.txt").write_text(ECHO_A)
    (tmp_path / "b.txt").write_text(ECHO_B)
    ingest.add(store, [tmp_path / "a.txt"])
    store.load()
    quote = next(q for q in store.quotes() if q.text.startswith("We are closer than ever"))
    note = store.notes.add("quote", quote.id, "check the date")
    ingest.add(store, [tmp_path / "b.txt"])
    assert journals[-2:] == ["a.txt", "b.txt"]
    store.load()
    now = store.quote(quote.id)
    assert now is not None and now.id != quote.id and len(now.also_in) == 1
    assert store.resolve("quote", note.target_id) == now.id or store.resolve(
        "quote", note.target_id) == quote.id
    assert store.entry_text("quote", note.target_id).startswith("“We are closer than ever")


def test_readers_see_the_journal(tmp_path, journals):
    store = Store(tmp_path / "data")
    ingest.reextract(store, folder=SEEDS_DIR)
    store.load()
    before = store.summary()
    (tmp_path / "a.txt").write_text(ECHO_A)
    report = ingest.add(store, [tmp_path / "a.txt"])
    assert journals == ["a.txt"] and report.new_quotes == 1
    store.load()
    after = store.summary()
    assert (after.sources, after.quotes) == (before.sources + 1, before.quotes + 1)
    assert report.quotes == after.quotes and report.events == after.events
    texts = [q.text for q in store.quotes_view("territory")]
    assert any(t.startswith("We are closer than ever") for t in texts)
    fresh = {s.id for s in store.sources() if s.path == "a.txt"}
    for p in store.positions("territory"):
        for e in store.evidence(p):
            assert store.source(e.source) is not None
    assert fresh and any(e.source in fresh for p in store.positions("process")
                         for e in store.evidence(p))
    found = changes.changes_since(store.data_dir, "2000-01-01T00:00:00Z", store)
    assert any(q["text"].startswith("We are closer than ever") for q in found.quotes)


def test_a_crash_between_journal_and_manifest_heals_on_the_next_add(
    tmp_path, journals, monkeypatch
):
    """The journal holds an article the library does not name: the next add assembles the
    corpus from the library again, and the article, added anew, is in it once."""
    store = Store(tmp_path / "data")
    ingest.reextract(store, folder=SEEDS_DIR)
    (tmp_path / "a.txt").write_text(ECHO_A)
    commit = ingest.Library.commit

    def crash(self, staged):
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest.Library, "commit", crash)
    with pytest.raises(KeyboardInterrupt):
        ingest.add(store, [tmp_path / "a.txt"])
    monkeypatch.setattr(ingest.Library, "commit", commit)
    ingest.add(store, [tmp_path / "a.txt"])
    store.load()
    assert [s.path for s in store.sources()].count("a.txt") == 1
    full = _full_build_of_library(store.data_dir, tmp_path)
    assert _comparable(export_dict(store)) == _comparable(export_dict(full))


def test_journals_are_folded_into_a_new_base_past_the_limit(tmp_path, journals, monkeypatch):
    monkeypatch.setattr(ingest, "JOURNAL_MAX", 1)
    store = Store(tmp_path / "data")
    ingest.reextract(store, folder=SEEDS_DIR)
    (tmp_path / "a.txt").write_text(ECHO_A)
    (tmp_path / "b.txt").write_text(ECHO_B)
    ingest.add(store, [tmp_path / "a.txt"])
    assert len(list((store.corpus_path / "journal").glob("*.bin"))) == 1
    ingest.add(store, [tmp_path / "b.txt"])
    assert not (store.corpus_path / "journal").exists()  # a full assembly: a new base
    store.load()
    assert {"a.txt", "b.txt"} <= {s.path for s in store.sources()}


def test_a_changed_codebook_assembles_everything(tmp_path, journals):
    store = Store(tmp_path / "data")
    ingest.reextract(store, folder=SEEDS_DIR)
    codebook = tmp_path / "codebook.toml"
    codebook.write_text((SEEDS_DIR / "codebook.toml").read_text() + "\n# another version\n")
    (tmp_path / "a.txt").write_text(ECHO_A)
    ingest.add(store, [tmp_path / "a.txt"], codebook_path=codebook)
    assert journals == []


def test_history_is_a_log_that_brings_an_old_file_over(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    old = {"format": 1, "entries": [{"at": "2025-12-15T00:00:00Z", "reason": "build",
                                     "baseline": True, "issues": {}, "positions": {}}],
           "current": {}}
    (data / changes.OLD_HISTORY_FILE).write_text(json.dumps(old))
    assert [e["reason"] for e in changes.load_history(data)] == ["build"]
    changes.record_snapshot(data, None, {"issues": {}, "positions": {}, "quotes": set(),
                                         "events": set(), "sources": set()},
                            reason="add", at="2025-12-16T00:00:00Z")
    assert not (data / changes.OLD_HISTORY_FILE).exists()
    with (data / changes.HISTORY_FILE).open("a") as f:
        f.write('{"at": "2025-12-17T00:00:00Z", "reas')  # a line cut short by a crash
    assert [e["reason"] for e in changes.load_history(data)] == ["build", "add"]


def _echo(day: int, outlet: str) -> str:
    return (
        f"Envoys meet again\n\n{outlet.upper()}, Dec {day}, 2025 - Volodymyr Zelensky said: "
        '"We are closer than ever to a framework for peace." Officials in the capital said '
        f"security guarantees were discussed at length on day {day} of the talks.\n"
    )


def test_a_quote_renamed_again_and_again_stays_one(tmp_path, journals):
    """Each article reports the quotation a day earlier than the last, so each add gives the
    quote a new id: the ids it had lead to the one it has, and the next add finds it."""
    store = Store(tmp_path / "data")
    ingest.reextract(store, folder=SEEDS_DIR)
    ids = []
    for day, outlet in ((17, "Kyiv"), (16, "Berlin"), (15, "Paris"), (18, "Warsaw")):
        path = tmp_path / f"{outlet.lower()}.txt"
        path.write_text(_echo(day, outlet))
        ingest.add(store, [path])
        store.load()
        quote = next(q for q in store.quotes() if q.text.startswith("We are closer than ever"))
        ids.append(quote.id)
    assert len(journals) == 4 and len(set(ids)) == 3  # renamed twice, then joined
    assert all(store.quote(i).id == ids[-1] for i in ids)
    assert len(store.quote(ids[-1]).also_in) == 3
    full = _full_build_of_library(store.data_dir, tmp_path)
    assert _comparable(export_dict(store)) == _comparable(export_dict(full))


PHRASE = (  # (file, text): one short phrase, three speakers of one party
    ("zelensky.txt", "Talks resume\n\nBERLIN, Dec 15, 2025 - Volodymyr Zelensky said the line "
     'would be settled "when the time comes", and left the talks early on Monday.\n'),
    ("umerov.txt", "Envoys meet\n\nMIAMI, Dec 16, 2025 - Rustem Umerov said elections would "
     'be held "when the time comes", after a second day of talks with U.S. envoys.\n'),
    ("yermak.txt", "Summit ends\n\nKYIV, Dec 17, 2025 - Andriy Yermak said Ukraine would sign "
     '"when the time comes", speaking to reporters after the meeting on Wednesday.\n'),
    ("zelensky2.txt", "Leaders speak\n\nKYIV, Dec 18, 2025 - Zelensky told reporters that "
     'a deal would come "when the time comes" and not before, on Thursday evening.\n'),
)


def test_an_add_joins_a_short_phrase_only_to_its_own_speakers_reports(tmp_path, journals):
    """A phrase of a few words is one quotation across outlets only when they credit the same
    speaker (store.merge): an add must not join it to other speakers' quotes of it."""
    folder = tmp_path / "base"
    folder.mkdir()
    for name, text in PHRASE:
        (folder if name in ("zelensky.txt", "umerov.txt") else tmp_path).joinpath(
            name).write_text(text)
    store = Store(tmp_path / "inc")
    ingest.reextract(store, folder=folder)
    for name in ("yermak.txt", "zelensky2.txt"):
        ingest.add(store, [tmp_path / name])
    assert len(journals) == 2
    store.load()
    phrase = [q for q in store.quotes() if q.text == "when the time comes"]
    assert sorted(len(q.also_in) for q in phrase) == [0, 0, 1]
    full = _full_build_of_library(store.data_dir, tmp_path)
    assert _comparable(export_dict(store)) == _comparable(export_dict(full))


def test_articles_after_one_that_needs_a_full_build_go_in_with_it(tmp_path, journals,
                                                                    monkeypatch):
    """Two articles in one add: the first is journalled, the second can only be assembled
    with the whole corpus; both end up in it, once."""
    store = Store(tmp_path / "data")
    ingest.reextract(store, folder=SEEDS_DIR)
    for day, outlet in ((17, "Kyiv"), (18, "Warsaw")):
        (tmp_path / f"{outlet.lower()}.txt").write_text(_echo(day, outlet))
    plan = inc.plan_add

    def second_needs_more(corpus, a, *rest, **k):
        if a.path == "warsaw.txt":
            raise inc.NeedsFullBuild("as if it could not be decided from its side")
        return plan(corpus, a, *rest, **k)

    monkeypatch.setattr(inc, "plan_add", second_needs_more)
    report = ingest.add(store, [tmp_path / "kyiv.txt", tmp_path / "warsaw.txt"])
    assert sorted(report.added) == ["kyiv.txt", "warsaw.txt"]
    store.load()
    assert {"kyiv.txt", "warsaw.txt"} <= {s.path for s in store.sources()}
    full = _full_build_of_library(store.data_dir, tmp_path)
    assert _comparable(export_dict(store)) == _comparable(export_dict(full))


def test_an_order_swaps_and_drops_only_whole_numbers():
    """Rows are found by a byte search: a match across two numbers' bytes is not a row."""
    from array import array

    numbers = array("I", [256, 0, 1, 5, 2])  # 256's bytes hold 1's at offset 1
    inc._swap_and_drop(numbers, {1: 7}, {5})
    assert list(numbers) == [256, 0, 7, 2]
    inc._swap_and_drop(numbers, {}, {256, 9})  # a row not in the order changes nothing
    assert list(numbers) == [0, 7, 2]


@given(st.lists(st.sampled_from("abc"), max_size=12), st.data())
def test_a_patch_of_a_row_gives_the_row_back(old, data):
    """Items put anywhere into a list (repeats included), a list reordered, a scalar changed:
    the patch applied to the old row is the new row."""
    from store.view import apply_patch, row_patch

    new = list(old)
    for _ in range(data.draw(st.integers(0, 4))):
        new.insert(data.draw(st.integers(0, len(new))), data.draw(st.sampled_from("abcd")))
    reordered = data.draw(st.permutations(old))
    before = {"id": "x", "sentences": old, "issues": old, "title": "t"}
    after = {"id": "y", "sentences": new, "issues": reordered, "title": "t"}
    patch = json.loads(json.dumps(row_patch(before, after, 3)))  # as a journal holds it
    assert patch["@patch"] == 3 and "title" not in patch["set"]
    assert apply_patch(json.loads(json.dumps(before)), patch) == after


def test_an_add_leaves_nothing_for_the_cycle_collector(tmp_path, journals):
    """What an add reads (the state, the quotes and happenings it changes) is freed when it
    returns, by reference counting: left in cycles, it was tens of thousands of objects at
    10,000 articles for the next collection to walk and free, a tenth of the add."""
    import gc

    store = Store(tmp_path / "data")
    ingest.reextract(store, folder=SEEDS_DIR)
    (tmp_path / "kyiv.txt").write_text(_echo(17, "Kyiv"))
    gc.collect()
    gc.disable()
    try:
        ingest.add(store, [tmp_path / "kyiv.txt"])
        left = gc.collect()
    finally:
        gc.enable()
    assert journals == ["kyiv.txt"]
    assert left < 50, left
