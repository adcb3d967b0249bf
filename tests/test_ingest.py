"""Adding articles: each format, only new or changed files analysed, duplicates, bad input,
failed adds, notes across adds and codebook changes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from store import ingest
from store.api import Store
from store.codebook import bundled_seeds_dir
from tui.cli import main

DATA = Path(__file__).parent / "data" / "ingest"
GOOD = ("geneva_round.txt", "warsaw_briefing.md", "ankara_page.html")


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "data")
    s.build()
    return s


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """Names of the articles really run through extraction."""
    import store.extract.article as article

    seen: list[str] = []
    real = article.analyse

    def spy(raw, codebook):
        seen.append(raw.name)
        return real(raw, codebook)

    monkeypatch.setattr(article, "analyse", spy)
    return seen


def _copy(names, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in names:
        shutil.copy(DATA / n, folder / n)
    return folder


def test_each_format_is_added_with_its_body(store, tmp_path):
    report = ingest.add(store, [DATA / n for n in GOOD])
    assert sorted(report.added) == sorted(GOOD)
    assert not report.skipped
    store.load()
    by_path = {s.path: s for s in store.sources()}
    assert set(GOOD) <= set(by_path)
    assert len(by_path) == 5 + 3
    html = store.source_text(by_path["ankara_page.html"].id)
    assert "host the next round" in html
    assert "<p>" not in html and "Sign in" not in html  # markup and navigation are gone
    assert by_path["ankara_page.html"].published == "2026-01-23"
    assert by_path["geneva_round.txt"].published == "2026-01-18"
    speakers = {q.speaker for q in store.quotes() if q.source == by_path["geneva_round.txt"].id}
    assert any(s and "Umerov" in s for s in speakers)


def test_second_add_of_the_same_file_processes_nothing(store, counted):
    ingest.add(store, [DATA / "geneva_round.txt"])
    assert counted.count("geneva_round.txt") == 1
    counted.clear()
    corpus_file = store.corpus_path / "corpus.json"
    before = corpus_file.stat().st_mtime_ns
    report = ingest.add(store, [DATA / "geneva_round.txt"])
    assert counted == []
    assert report.analysed == 0 and not report.added
    assert report.duplicates == [
        f"{DATA / 'geneva_round.txt'}: already in the corpus (as geneva_round.txt); nothing to do"
    ]
    assert corpus_file.stat().st_mtime_ns == before  # the corpus was not rewritten


def test_the_first_add_after_a_plain_build_analyses_only_the_new_article(store, counted):
    report = ingest.add(store, [DATA / "geneva_round.txt"])
    assert counted == ["geneva_round.txt"]
    assert report.analysed == 1 and report.cached == 5


def test_a_rebuild_of_the_same_folder_takes_its_analyses_from_the_cache(tmp_path, monkeypatch):
    import store.pipeline as pipeline

    s = Store(tmp_path / "data")
    s.build()
    first = s.build()
    calls = []
    monkeypatch.setattr(pipeline, "analyse", lambda raw, cb: calls.append(raw.name))
    second = s.build()
    assert calls == []
    assert (second.sources, second.quotes, second.events) == (
        first.sources, first.quotes, first.events)


def test_adding_one_more_article_analyses_only_it(store, counted):
    ingest.add(store, [DATA / "geneva_round.txt"])
    counted.clear()
    report = ingest.add(store, [DATA / "ankara_page.html"])
    assert counted == ["ankara_page.html"]
    assert report.analysed == 1  # the others come from the cache, or are not read at all


def test_changing_one_file_reprocesses_only_it(store, tmp_path, counted):
    folder = _copy(GOOD[:2], tmp_path / "inbox")
    ingest.add(store, [folder])
    store.load()
    old_ids = {s.id for s in store.sources() if s.path == "geneva_round.txt"}
    counted.clear()
    changed = folder / "geneva_round.txt"
    changed.write_text(changed.read_text() + "\nTalks are to resume on Monday.\n")
    report = ingest.add(store, [folder])
    assert counted == ["geneva_round.txt"]
    assert report.changed == ["geneva_round.txt"] and not report.added
    store.load()
    now = [s for s in store.sources() if s.path == "geneva_round.txt"]
    assert len(now) == 1 and now[0].id not in old_ids  # the new version replaced the old
    assert "resume on Monday" in store.source_text(now[0].id)


def test_same_article_under_two_names_is_added_once(store, tmp_path):
    folder = _copy(["geneva_round.txt"], tmp_path / "inbox")
    shutil.copy(folder / "geneva_round.txt", folder / "geneva_copy.txt")
    report = ingest.add(store, [folder, folder / "geneva_round.txt"])
    assert report.added == ["geneva_copy.txt"] or report.added == ["geneva_round.txt"]
    assert len(report.duplicates) == 2  # the second name, and the file given twice
    assert all("added once" in d for d in report.duplicates)
    store.load()
    assert len(store.sources()) == 6


def test_bad_input_is_one_line_per_file_and_the_rest_is_added(store, tmp_path):
    big = tmp_path / "huge.txt"
    big.write_bytes(b"word " * (1024 * 1024 + 10))  # just over 5 MB
    paths = [DATA / "scanned_fax.txt", DATA / "empty_page.html", big, DATA / "geneva_round.txt"]
    report = ingest.add(store, paths)
    assert report.added == ["geneva_round.txt"]
    lines = {Path(line.split(": skipped: ")[0]).name: line for line in report.skipped}
    assert set(lines) == {"scanned_fax.txt", "empty_page.html", "huge.txt"}
    assert "binary" in lines["scanned_fax.txt"]
    assert "no article body" in lines["empty_page.html"]
    assert "larger than 5 MB" in lines["huge.txt"]


def test_cli_add_exits_non_zero_when_something_was_skipped(tmp_path):
    data = tmp_path / "data"
    Store(data).build()
    r = CliRunner().invoke(
        main, ["--data", str(data), "add", str(DATA / "scanned_fax.txt"),
               str(DATA / "warsaw_briefing.md")]
    )
    assert r.exit_code == 3, r.output
    assert "scanned_fax.txt: skipped: binary file" in r.stderr
    assert "1 new" in r.stdout
    r = CliRunner().invoke(main, ["--data", str(data), "add", str(DATA / "warsaw_briefing.md")])
    assert r.exit_code == 0 and "Nothing new" in r.stdout


def test_an_article_with_no_date_is_added_as_undated(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    s = Store(tmp_path / "data")
    s.build(empty)
    report = ingest.add(s, [DATA / "no_date.txt"])
    assert report.added == ["no_date.txt"]
    assert len(report.undated) == 1 and "no_date.txt: added with an unknown date" in (
        report.undated[0])
    s.load()
    (src,) = s.sources()
    assert src.published is None


def test_an_article_without_date_words_stays_undated_among_dated_ones(store):
    report = ingest.add(store, [DATA / "no_date.txt"])
    assert report.added == ["no_date.txt"]
    assert any("no_date.txt: added with an unknown date" in u for u in report.undated)
    assert not any("inferred" in n for n in report.notices)


def test_an_undated_article_with_date_words_is_dated_by_inference_and_says_so(store, tmp_path):
    article = tmp_path / "weekday_only.txt"
    article.write_text(
        "Envoys return to the table\n\nNegotiators met again on Monday to discuss a ceasefire "
        "along the front line, officials said, and agreed to meet once more later this week "
        "to settle the remaining questions on security guarantees.\n",
        encoding="utf-8",
    )
    report = ingest.add(store, [article])
    assert any("weekday_only.txt" in n and "inferred as 2025-12" in n for n in report.notices)
    assert not report.undated


def test_adding_a_later_article_never_redates_earlier_ones(store):
    store.load()
    before = {s.id: s.published for s in store.sources()}
    events_before = {e.id for e in store.events()}
    ingest.add(store, [DATA / "geneva_round.txt", DATA / "ankara_page.html"])
    store.load()
    after = {s.id: s.published for s in store.sources()}
    assert all(after[i] == d for i, d in before.items())
    assert events_before <= {e.id for e in store.events()}


def _store_files(store) -> dict[str, bytes]:
    """Every file of the data directory but the analysis cache (which only saves time)."""
    return {str(p.relative_to(store.data_dir)): p.read_bytes()
            for p in sorted(store.data_dir.rglob("*"))
            if p.is_file() and "analyses" not in p.parts and not p.name.endswith(".lock")}


@pytest.mark.parametrize("path", ["journal", "full"])
def test_a_failed_add_leaves_the_store_exactly_as_it_was(store, monkeypatch, path):
    """A disk that fills while an add writes, whether the add writes a journal or the whole
    corpus: nothing that was there changes, and nothing half-written stays."""
    import store.corpus as corpus_files
    import store.journal as journal

    store.notes.add("issue", "territory", "keep me")
    ingest.add(store, [DATA / "geneva_round.txt"])
    before = _store_files(store)

    def broken(*a, **k):
        raise OSError(28, "No space left on device")

    if path == "journal":
        monkeypatch.setattr(ingest, "JOURNAL_SHARE", 1000.0)
        monkeypatch.setattr(journal, "write_sections", broken)
    else:
        monkeypatch.setattr(ingest, "JOURNAL_ADDS", 0)
        monkeypatch.setattr(corpus_files, "write_corpus", broken)
    with pytest.raises(OSError):
        ingest.add(store, [DATA / "ankara_page.html"])
    assert _store_files(store) == before


def test_rebuild_keeps_added_articles_after_the_originals_are_gone(store, tmp_path):
    folder = _copy(["geneva_round.txt"], tmp_path / "downloads")
    ingest.add(store, [folder])
    store.load()
    ids = {s.id for s in store.sources()}
    quotes = {q.id for q in store.quotes()}
    shutil.rmtree(folder)
    shutil.rmtree(store.corpus_path)  # the corpus is derived: delete it and rebuild
    ingest.reextract(store)
    store.load()
    assert {s.id for s in store.sources()} == ids
    assert {q.id for q in store.quotes()} == quotes


def test_notes_stay_attached_across_an_add_and_a_codebook_change(store, tmp_path):
    ingest.add(store, [DATA / "geneva_round.txt"])
    store.load()
    quote = store.quotes()[0]
    event = store.events()[0]
    source = store.sources()[0]
    targets = [("quote", quote.id), ("event", event.id), ("source", source.id),
               ("issue", "territory")]
    for kind, target in targets:
        store.notes.add(kind, target, f"note on {kind}")
    ingest.add(store, [DATA / "ankara_page.html"])
    store.load()
    assert all(store.resolve(k, t) == t for k, t in targets)

    # A codebook change: a new alias and a new issue term, then one command re-extracts.
    text = (bundled_seeds_dir() / "codebook.toml").read_text()
    assert 'id = "ceasefire"' in text
    text = text.replace('id = "ceasefire"', 'id = "ceasefire"\n# edited\n', 1)
    changed = tmp_path / "codebook.toml"
    changed.write_text(text + "\n")
    r = CliRunner().invoke(
        main, ["--data", str(store.data_dir), "reextract", "--codebook", str(changed)]
    )
    assert r.exit_code == 0, r.output
    assert "analysed" in r.stdout
    fresh = Store(store.data_dir)
    fresh.load()
    assert all(fresh.resolve(k, t) == t for k, t in targets)
    assert {n.target_id for n in fresh.notes.notes()} == {t for _, t in targets}
    meta = json.loads((store.data_dir / "articles" / "manifest.json").read_text())
    assert meta["codebook"] == str(changed)  # later adds use the new codebook


def test_reextract_after_a_codebook_change_analyses_everything_again(store, tmp_path, counted):
    ingest.add(store, [DATA / "geneva_round.txt"])
    counted.clear()
    report = ingest.reextract(store)
    assert counted == [] and report.cached == 6  # same codebook: all from the cache
    changed = tmp_path / "codebook.toml"
    changed.write_text((bundled_seeds_dir() / "codebook.toml").read_text() + "\n# edited\n")
    report = ingest.reextract(store, codebook_path=changed)
    assert len(counted) == 6 and report.analysed == 6


def test_an_article_with_only_an_update_stamp_is_dated_by_it(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "wp.txt").write_text(
        "Timeline slips again\n\nUpdated December 30, 2025 at 6:12 p.m. EST\n\n"
        "Kremlin aide Yuri Ushakov said Tuesday that Russia would answer after the holidays.\n",
        encoding="utf-8",
    )
    s = Store(tmp_path / "data")
    s.build(folder)
    s.load()
    (src,) = s.sources()
    assert (src.published, src.published_basis) == ("2025-12-30", "stated")
    assert [e.date for e in s.events()] == ["2025-12-30"]
