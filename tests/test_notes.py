"""NotesStore: notes, soft delete, status overrides and calls, as the dashboard and CLI use them."""

from __future__ import annotations

import json
import os
import re
import stat

import pytest

from store.model import Note
from store.notes import (
    NoteNotFoundError,
    NotesCorruptError,
    NotesStore,
    NotesWriteError,
    default_author,
)

ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


@pytest.fixture
def store(tmp_path):
    return NotesStore(tmp_path / "data" / "notes.json", author="ana")


def on_disk(store) -> dict:
    return json.loads(store.path.read_text())


def test_a_new_store_touches_nothing_until_the_first_note(tmp_path):
    store = NotesStore(tmp_path / "data" / "notes.json", author="ana")
    assert store.notes() == [] and store.counts() == {} and store.version() is None
    assert not (tmp_path / "data").exists()
    store.add("issue", "territory", "first")
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(store.path.parent).st_mode) == 0o700


def test_add_is_on_disk_when_it_returns(store):
    note = store.add("quote", "q1", "Check the wording", context="“We need guarantees”")
    assert isinstance(note, Note)
    assert note.author == "ana" and ISO_UTC.match(note.created) and not note.deleted
    saved = [d for d in on_disk(store)["notes"].values() if d["id"] == note.id]
    assert saved and saved[0]["text"] == "Check the wording"
    assert saved[0]["context"] == "“We need guarantees”"
    assert NotesStore(store.path).notes() == [note]


def test_text_is_kept_as_data_not_markup(store):
    text = "[bold red]not markup[/] \x1b[31m <b>& “quotes”"
    note = store.add("issue", "nato", text)
    assert NotesStore(store.path).notes()[0].text == text == note.text


@pytest.mark.parametrize(("kind", "target", "text"), [("", "x", "t"), ("issue", "", "t"),
                                                      ("issue", "x", "   ")])
def test_add_refuses_incomplete_notes(store, kind, target, text):
    with pytest.raises(ValueError):
        store.add(kind, target, text)
    assert store.notes() == []


def test_notes_are_newest_first_and_filter_by_target_and_call(store):
    a = store.add("issue", "territory", "a")
    b = store.add("issue", "nato", "b")
    c = store.add("issue", "territory", "c", call="call-1")
    assert [n.id for n in store.notes()] == [c.id, b.id, a.id]
    assert [n.id for n in store.notes(target=("issue", "territory"))] == [c.id, a.id]
    assert [n.id for n in store.notes(call="call-1")] == [c.id]


def test_ids_are_unique(store):
    ids = {store.add("event", "e1", f"note {i}").id for i in range(50)}
    assert len(ids) == 50


def test_edit_changes_the_text_and_keeps_the_old_one(store):
    note = store.add("position", "p1", "first thought")
    edited = store.edit(note.id, "second thought")
    assert edited.id == note.id and edited.text == "second thought"
    assert edited.created == note.created and ISO_UTC.match(edited.updated)
    assert NotesStore(store.path).notes() == [edited]
    assert [r["text"] for r in store.revisions(note.id)] == ["first thought"]


def test_edit_of_unknown_or_deleted_note_fails(store):
    with pytest.raises(NoteNotFoundError):
        store.edit("nope", "x")
    note = store.add("issue", "nato", "x")
    store.delete(note.id)
    with pytest.raises(ValueError, match="restore"):
        store.edit(note.id, "y")


def test_delete_is_soft_and_restore_undoes_it(store):
    keep = store.add("issue", "nato", "keep")
    gone = store.add("issue", "nato", "gone")
    deleted = store.delete(gone.id)
    assert deleted.deleted
    assert [n.id for n in store.notes()] == [keep.id]
    assert store.counts() == {("issue", "nato"): 1}
    assert {n.id for n in store.notes(include_deleted=True)} == {keep.id, gone.id}
    assert any(d["id"] == gone.id for d in on_disk(store)["notes"].values())
    restored = store.restore(gone.id)
    assert not restored.deleted and restored.text == "gone"
    assert store.counts() == {("issue", "nato"): 2}


def test_counts_are_per_entry(store):
    store.add("issue", "nato", "1")
    store.add("issue", "nato", "2")
    store.add("quote", "q9", "3")
    assert store.counts() == {("issue", "nato"): 2, ("quote", "q9"): 1}


def test_status_overrides_and_their_history(store):
    first = store.set_status("territory", "disputed", "Kremlin rejected the map",
                             evidence_status="narrowing")
    assert first.previous == "narrowing" and first.author == "ana" and ISO_UTC.match(first.at)
    second = store.set_status("territory", "agreed", "deal announced")
    assert second.previous == "disputed"
    store.set_status("nato", "open")
    cleared = store.set_status("territory", None, "announcement withdrawn")
    assert cleared.status is None and cleared.previous == "agreed"
    history = store.status_history("territory")
    assert [c.status for c in history] == ["disputed", "agreed", None]
    assert [c.reason for c in history][:2] == ["Kremlin rejected the map", "deal announced"]
    assert len(store.status_history()) == 4
    overrides = NotesStore(store.path).status_overrides()
    assert overrides["territory"].status is None and overrides["nato"].status == "open"


def test_status_must_be_a_known_one(store):
    with pytest.raises(ValueError, match="agreed"):
        store.set_status("territory", "finished")
    assert store.status_history() == []


def test_calls_group_the_notes_taken_during_them(store):
    before = store.add("issue", "nato", "before the call")
    call = store.start_call("Monday with the envoys")
    assert store.active_call() == call and call.active
    during = store.add("issue", "nato", "during")
    explicit = store.add("issue", "nato", "not part of it", call="")
    change = store.set_status("nato", "disputed", "heard on the call")
    ended = store.end_call()
    after = store.add("issue", "nato", "after")
    assert before.call is None and during.call == call.id and explicit.call is None
    assert change.call == call.id and after.call is None
    assert ended.id == call.id and ISO_UTC.match(ended.ended) and store.active_call() is None
    assert [n.id for n in store.notes(call=call.id)] == [during.id]
    assert store.calls() == [ended]


def test_starting_a_call_ends_the_active_one(store):
    first = store.start_call("first")
    second = store.start_call("second")
    calls = {c.id: c for c in store.calls()}
    assert calls[first.id].ended is not None and calls[second.id].ended is None
    assert store.active_call().id == second.id


def test_ending_calls_that_cannot_be_ended(store):
    with pytest.raises(ValueError, match="no call"):
        store.end_call()
    call = store.start_call("x")
    store.end_call(call.id)
    with pytest.raises(ValueError, match="already ended"):
        store.end_call(call.id)
    with pytest.raises(NoteNotFoundError):
        store.end_call("unknown")


def test_version_changes_when_another_store_writes(store):
    store.add("issue", "nato", "x")
    seen = store.version()
    assert store.version() == seen
    NotesStore(store.path, author="ben").add("issue", "nato", "y")
    assert store.version() != seen


def test_a_failed_operation_writes_nothing(store):
    store.add("issue", "nato", "x")
    before = store.path.read_bytes()
    with pytest.raises(NoteNotFoundError):
        store.delete("missing")
    assert store.path.read_bytes() == before


def test_corrupt_notes_file_raises_and_recovers(store):
    note = store.add("issue", "nato", "first")
    store.add("issue", "nato", "second")
    good_backup = store.path.with_name("notes.json.bak").read_bytes()
    store.path.write_bytes(store.path.read_bytes()[:-40])
    with pytest.raises(NotesCorruptError) as caught:
        store.notes()
    assert str(store.path) in str(caught.value) and "recover" in str(caught.value)
    with pytest.raises(NotesCorruptError):
        store.add("issue", "nato", "third")
    result = store.recover()
    assert result.moved_aside and os.path.exists(result.moved_aside)
    assert store.path.read_bytes() == good_backup
    assert [n.id for n in store.notes()] == [note.id]


def test_disk_full_raises_a_write_error_and_keeps_the_notes(store, monkeypatch):
    kept = store.add("issue", "nato", "kept")
    before = store.path.read_bytes()

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(NotesWriteError, match="disk is full"):
        store.add("issue", "nato", "lost, and the user is told")
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert store.notes() == [kept]


def test_default_author_prefers_env_then_config_then_user(tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_AUTHOR", "env-author")
    assert default_author(tmp_path) == "env-author"
    monkeypatch.delenv("PARLEY_AUTHOR")
    (tmp_path / "config.toml").write_text('author = "config author"\n')
    assert default_author(tmp_path) == "config author"
    (tmp_path / "config.toml").write_text("not toml = = =")
    assert default_author(tmp_path)  # falls back to the system user
    assert default_author(tmp_path) != "config author"


def test_store_author_defaults_from_the_data_dir_config(tmp_path, monkeypatch):
    monkeypatch.delenv("PARLEY_AUTHOR", raising=False)
    (tmp_path / "config.toml").write_text('author = "from config"\n')
    assert NotesStore(tmp_path / "notes.json").add("issue", "x", "y").author == "from config"


def test_two_stores_on_one_file_build_on_each_others_saves(tmp_path):
    """Each operation reads the file afresh under the lock: no next id or note from before."""
    path = tmp_path / "notes.json"
    ana, ben = NotesStore(path, author="ana"), NotesStore(path, author="ben")
    first = ana.add("issue", "nato", "one")
    second = ben.add("issue", "nato", "two")
    ana.edit(second.id, "two, edited by ana")
    call = ben.start_call("Berlin, day 2")
    third = ana.add("quote", "q1", "three")
    ben.delete(first.id)
    assert third.call == call.id
    assert ana.notes(include_deleted=True) == ben.notes(include_deleted=True)
    assert [n.text for n in ben.notes()] == ["three", "two, edited by ana"]
    assert [r["text"] for r in ben.revisions(second.id)] == ["two"]
    saved = on_disk(ana)
    assert list(saved["notes"]) == ["1", "2", "3"]  # TinyDB's ids: the next after the largest
    assert [d["id"] for d in saved["notes"].values()] == [first.id, second.id, third.id]


def test_the_file_stays_a_tinydb_database(store):
    from tinydb import TinyDB

    kept = store.add("issue", "nato", "kept")
    store.edit(kept.id, "kept, edited")
    store.start_call("c")
    db = TinyDB(store.path)
    try:
        [doc] = db.table("notes").all()
        assert doc.doc_id == 1 and doc["text"] == "kept, edited"
        assert db.table("revisions").all()[0]["text"] == "kept"
        assert db.table("calls").all()[0]["title"] == "c"
        db.table("notes").insert({**doc, "id": "0123456789abcdef", "text": "by TinyDB"})
    finally:
        db.close()
    store.add("issue", "nato", "after")  # its id comes after the one TinyDB gave
    assert [n.text for n in store.notes()] == ["after", "by TinyDB", "kept, edited"]
    assert list(on_disk(store)["notes"]) == ["1", "2", "3"]
