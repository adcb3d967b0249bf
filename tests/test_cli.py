"""The `parley` command as scripts and users meet it: build, export, bad input, safe rebuilds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.goldlib import SEEDS_DIR

ROOT = Path(__file__).parent.parent


def parley(*args: str, data: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PARLEY_DATA": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict]:
    data = tmp_path_factory.mktemp("data")
    run = parley("build", data=data)
    assert run.returncode == 0, run.stderr
    out = parley("export", "--format", "json", data=data)
    assert out.returncode == 0, out.stderr
    return data, json.loads(out.stdout)


def test_help_on_every_command(tmp_path):
    for args in ([], ["build"], ["export"]):
        run = parley(*args, "--help", data=tmp_path)
        assert run.returncode == 0 and "Usage:" in run.stdout


def test_build_writes_into_the_data_dir_not_the_source_tree(built):
    data, _ = built
    assert (data / "corpus" / "corpus.json").is_file()
    assert not (ROOT / "corpus").exists()


def test_export_shape(built):
    _, doc = built
    assert set(doc) >= {"sources", "parties", "actors", "issues", "positions", "quotes",
                        "events", "notes"}
    assert len(doc["sources"]) == len(list(SEEDS_DIR.glob("*.txt")))
    for s in doc["sources"]:
        assert {"id", "path", "title", "outlet", "published", "published_basis"} <= set(s)
        assert s["published_basis"] in ("stated", "inferred", None)
    assert {p["name"] for p in doc["parties"]} == {"United States", "Ukraine", "Russia", "Europe"}
    for i in doc["issues"]:
        assert {"id", "title", "status", "status_basis"} <= set(i)
        assert i["status"] in ("agreed", "narrowing", "disputed", "open")
    source_ids = {s["id"] for s in doc["sources"]}
    for q in doc["quotes"]:
        assert {"id", "text", "start", "end", "speaker", "actor", "party", "source", "also_in",
                "issues"} <= set(q)
        assert q["source"] in source_ids and set(q["also_in"]) <= source_ids
    for p in doc["positions"]:
        assert {"issue", "party", "stance", "summary", "evidence", "sources"} <= set(p)
    for e in doc["events"]:
        assert {"id", "date", "date_basis", "title", "issues", "sources"} <= set(e)
        assert e["date_basis"] in ("stated", "relative", "inferred")


def test_quote_offsets_point_into_the_cleaned_article(built):
    from store.api import Store

    data, doc = built
    store = Store(data)
    for q in doc["quotes"]:
        assert store.source_text(q["source"])[q["start"] : q["end"]] == q["text"]


def test_ids_are_stable_across_builds(built, tmp_path):
    _, first = built
    assert parley("build", data=tmp_path).returncode == 0
    second = json.loads(parley("export", data=tmp_path).stdout)
    for table in ("sources", "issues", "positions", "quotes", "events"):
        assert [d["id"] for d in first[table]] == [d["id"] for d in second[table]], table


def test_bad_files_are_skipped_with_one_line_each(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS_DIR, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    run = parley("build", str(folder), data=tmp_path / "data")
    assert run.returncode == 3
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 3
    for name, problem in (("empty.txt", "empty"), ("binary.txt", "binary"),
                          ("latin1.txt", "UTF-8")):
        assert any(name in line and problem in line for line in lines), lines
    doc = json.loads(parley("export", data=tmp_path / "data").stdout)
    assert len(doc["sources"]) == 5


def test_a_failed_build_leaves_the_old_corpus(built, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(built[0], data)
    before = (data / "corpus" / "corpus.json").read_bytes()
    bad = tmp_path / "codebook.toml"
    bad.write_text("not = = toml")
    run = parley("build", "--codebook", str(bad), data=data)
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and "codebook.toml" in run.stderr
    assert (data / "corpus" / "corpus.json").read_bytes() == before


def test_export_without_corpus_is_a_clear_error(tmp_path):
    run = parley("export", data=tmp_path)
    assert run.returncode == 1 and "no corpus yet" in run.stderr
