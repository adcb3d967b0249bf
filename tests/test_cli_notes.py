"""Notes from the command line: `parley note add/list/recover` and the call briefing."""

from __future__ import annotations

import json
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest

from store.api import Store
from tests.test_cli import parley


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    data = tmp_path_factory.mktemp("seeded")
    assert parley("build", data=data).returncode == 0
    return data


@pytest.fixture
def data(seeded, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(seeded, copy)
    return copy


def first_quote(data) -> str:
    store = Store(data)
    return store.quotes()[0].id


def test_add_prints_the_id_and_list_shows_it(data):
    qid = first_quote(data)
    run = parley("note", "add", f"quote:{qid}", "Ask Kyiv about this [bold]now[/]", data=data)
    assert run.returncode == 0, run.stderr
    note_id = run.stdout.strip()
    listed = json.loads(parley("note", "list", "--json", data=data).stdout)
    assert [n["id"] for n in listed] == [note_id]
    assert listed[0]["target"] == {"kind": "quote", "id": qid}
    assert listed[0]["text"] == "Ask Kyiv about this [bold]now[/]"
    assert listed[0]["context"]  # the quote's text is kept with the note


@pytest.mark.parametrize("target", ["quote:does-not-exist", "banana:1", "quote"])
def test_bad_targets_are_one_line_errors(data, target):
    run = parley("note", "add", target, "text", data=data)
    assert run.returncode == 1 and run.stderr.count("\n") == 1 and target in run.stderr
    assert not (data / "notes.json").exists() or json.loads(
        parley("note", "list", "--json", data=data).stdout
    ) == []


def test_processes_adding_at_once_lose_nothing(data):
    qid = first_quote(data)

    def add(n: int) -> str:
        run = parley("note", "add", f"quote:{qid}", f"note {n}", data=data)
        assert run.returncode == 0, run.stderr
        return run.stdout.strip()

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = list(pool.map(add, range(24)))
    listed = json.loads(parley("note", "list", "--json", data=data).stdout)
    assert sorted(n["id"] for n in listed) == sorted(ids)
    assert sorted(n["text"] for n in listed) == sorted(f"note {n}" for n in range(24))


def test_a_rebuild_never_touches_the_notes(data):
    qid = first_quote(data)
    parley("note", "add", f"quote:{qid}", "keep me", data=data)
    before = (data / "notes.json").read_bytes()
    assert parley("build", data=data).returncode == 0
    assert (data / "notes.json").read_bytes() == before
    assert Store(data).resolve("quote", qid) == qid


def test_call_briefing_in_markdown(data):
    store = Store(data)
    store.load()
    quote = store.quotes()[0]
    issue = store.issues()[0]
    call = store.notes.start_call("Morning call with Kyiv")
    store.notes.add("quote", quote.id, "Speaker sounded firmer than reported")
    store.notes.set_status(issue.id, "disputed", "both sides restated red lines",
                           evidence_status=issue.status)
    store.notes.end_call(call.id)
    store.notes.add("issue", issue.id, "after the call: not in the briefing")
    run = parley("export", "--format", "md", "--call", call.id, data=data)
    assert run.returncode == 0, run.stderr
    md = run.stdout
    assert md.startswith("# Call: Morning call with Kyiv")
    assert "Speaker sounded firmer than reported" in md
    assert "not in the briefing" not in md
    assert "disputed" in md and "both sides restated red lines" in md
    assert quote.text[:40] in md
    unknown = parley("export", "--format", "md", "--call", "nope", data=data)
    assert unknown.returncode == 1 and "nope" in unknown.stderr


def test_a_damaged_notes_file_says_how_to_get_it_back(data):
    assert parley("note", "add", "issue:territory", "first", data=data).returncode == 0
    assert parley("note", "add", "issue:territory", "second", data=data).returncode == 0
    notes = data / "notes.json"
    notes.write_bytes(notes.read_bytes()[:40])
    commands = (("note", "list"), ("note", "add", "issue:territory", "third"), ("export",),
                ("export", "--format", "md"), ("changes", "--since", "last-call"))
    for args in commands:
        run = parley(*args, data=data)
        assert run.returncode == 1
        (line,) = run.stderr.strip().splitlines()
        assert str(notes) in line and "parley note recover" in line
    assert parley("note", "recover", data=data).returncode == 0
    listed = json.loads(parley("note", "list", "--json", data=data).stdout)
    assert [n["text"] for n in listed] == ["first"]  # the last good copy
