"""The benchmark command at a tiny scale, so it cannot rot: it runs and writes a whole table.

Timings are not asserted (they depend on the machine); the shape of the results is.
"""

from __future__ import annotations

import re

from bench.generate import generate
from bench.run import main

MEASURES = (
    "extraction: CPU per article",
    "build: wall time",
    "build: CPU per article",
    "build: peak RSS",
    "build: corpus on disk",
    "start-up",
    "interaction",
    "memory: peak RSS, dashboard open",
    "notes: durable save",
    "ingest: one article",
)
VERDICTS = {"pass", "**miss**", "n/a", ""}


def test_generator_is_seeded_and_varied(tmp_path):
    first = generate(tmp_path / "a", 6, seed=3)
    again = generate(tmp_path / "b", 6, seed=3)
    other = generate(tmp_path / "c", 6, seed=4)
    texts = [p.read_text(encoding="utf-8") for p in first]
    assert texts == [p.read_text(encoding="utf-8") for p in again]
    assert texts != [p.read_text(encoding="utf-8") for p in other]
    assert len(set(texts)) == len(texts)
    words = [len(t.split()) for t in texts]
    assert all(400 <= w <= 2000 for w in words), words
    joined = "\n".join(texts)
    assert "“" in joined or '"' in joined


def test_tiny_run_writes_a_well_formed_table(tmp_path):
    out = tmp_path / "RESULTS.md"
    argv = ["--scale", "20", "--runs", "1", "--notes", "50", "--saves", "10"]
    argv += ["--presses", "3", "--out", str(out)]
    assert main(argv) == 0
    text = out.read_text(encoding="utf-8")
    for heading in ("# parley benchmark results", "## Bundled seeds", "## 20 articles"):
        assert heading in text
    for key in ("CPU", "Cores", "RAM", "OS", "Python", "Textual", "TinyDB", "parley"):
        assert re.search(rf"^\| {key} \| .+ \|$", text, re.M), key
    section = text.split("## 20 articles", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
    assert rows, section
    for line in rows:
        if line.startswith("|---"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        assert len(cells) == 4, line
        measure, figure, target, verdict = cells
        assert figure, line
        assert verdict in VERDICTS, line
        if target and not figure.startswith("not available"):
            assert verdict in ("pass", "**miss**"), line
    for measure in MEASURES:
        assert measure in section, measure
    built = next(r for r in rows if "build: extracted" in r)
    assert re.search(r"\b20 sources\b", built), built


def test_the_corpus_does_not_change_with_the_bundled_codebook(tmp_path, monkeypatch):
    """Benchmark figures stay comparable across codebook edits: the generator has its own
    frozen vocabulary."""
    import store.codebook

    before = [p.read_text(encoding="utf-8") for p in generate(tmp_path / "a", 4, seed=5)]
    edited = tmp_path / "seeds"
    edited.mkdir()
    (edited / "codebook.toml").write_text(
        "[[parties]]\nid = 'a'\nname = 'A'\n[[issues]]\nid = 'i'\ntitle = 'I'\n"
        "terms = ['nothing like the talks']\n", encoding="utf-8")
    monkeypatch.setattr(store.codebook, "bundled_seeds_dir", lambda: edited)
    monkeypatch.setattr("bench.generate.bundled_seeds_dir", lambda: edited, raising=False)
    assert store.codebook.default_codebook_path() == edited / "codebook.toml"
    after = [p.read_text(encoding="utf-8") for p in generate(tmp_path / "b", 4, seed=5)]
    assert after == before
