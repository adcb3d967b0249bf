"""DurableJSONStorage: what is on disk after a write, and what happens when things go wrong."""

from __future__ import annotations

import errno
import json
import os
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from store.storage import (
    TEMP_MARK,
    DurableJSONStorage,
    StorageCorruptError,
    StorageWriteError,
)


def mode_of(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_write_then_read_in_a_new_object(tmp_path):
    path = tmp_path / "n.json"
    DurableJSONStorage(path).write({"t": {"1": {"text": "a “quote”", "n": 1}}})
    assert DurableJSONStorage(path).read() == {"t": {"1": {"text": "a “quote”", "n": 1}}}
    assert json.loads(path.read_text()) == {"t": {"1": {"text": "a “quote”", "n": 1}}}


def test_files_are_owner_only_even_with_a_permissive_umask(tmp_path):
    old = os.umask(0)
    try:
        path = tmp_path / "n.json"
        storage = DurableJSONStorage(path)
        storage.write({"t": {"1": {"a": 1}}})
        storage.write({"t": {"1": {"a": 2}}})
    finally:
        os.umask(old)
    for name in ("n.json", "n.json.bak", "n.json.lock"):
        assert mode_of(tmp_path / name) == 0o600, name


def test_each_write_keeps_the_previous_version_as_backup(tmp_path):
    path = tmp_path / "n.json"
    storage = DurableJSONStorage(path)
    storage.write({"t": {"1": {"v": 1}}})
    storage.write({"t": {"1": {"v": 2}}})
    assert json.loads((tmp_path / "n.json.bak").read_text()) == {"t": {"1": {"v": 1}}}
    assert json.loads(path.read_text()) == {"t": {"1": {"v": 2}}}


def test_no_temporary_file_is_left_after_writes(tmp_path):
    storage = DurableJSONStorage(tmp_path / "n.json")
    for i in range(5):
        storage.write({"t": {str(i): {"i": i}}})
    assert not [p for p in tmp_path.iterdir() if TEMP_MARK in p.name]


def test_stray_temp_file_from_a_killed_writer_is_removed_at_start(tmp_path):
    path = tmp_path / "n.json"
    DurableJSONStorage(path).write({"t": {"1": {"v": 1}}})
    stray = tmp_path / f"n.json{TEMP_MARK}12345-deadbeef"
    stray.write_text('{"t": {"1": {"v"')
    other = tmp_path / "unrelated.tmp-1"
    other.write_text("keep me")
    storage = DurableJSONStorage(path)
    assert not stray.exists()
    assert other.exists()
    assert storage.read() == {"t": {"1": {"v": 1}}}


def test_a_write_by_another_object_is_seen(tmp_path):
    path = tmp_path / "n.json"
    first, second = DurableJSONStorage(path), DurableJSONStorage(path)
    first.write({"t": {"1": {"v": 1}}})
    assert second.read() == {"t": {"1": {"v": 1}}}
    second.write({"t": {"1": {"v": 2}}})
    assert first.read() == {"t": {"1": {"v": 2}}}


def test_mutating_what_read_returned_does_not_change_the_next_read(tmp_path):
    storage = DurableJSONStorage(tmp_path / "n.json")
    storage.write({"t": {"1": {"v": 1, "l": [1]}, "2": {"v": 2}}})
    data = storage.read()
    data["t"]["1"]["l"].append(2)
    data["t"]["2"]["v"] = 3
    assert storage.read() == {"t": {"1": {"v": 1, "l": [1]}, "2": {"v": 2}}}


def test_unsaved_changes_to_flat_documents_do_not_leak_into_the_next_read(tmp_path):
    storage = DurableJSONStorage(tmp_path / "n.json")
    storage.write({"t": {"1": {"v": 1}, "2": {"v": 2}}})
    data = storage.read()
    data["t"]["1"]["v"] = 99
    data["t"]["2"].clear()
    assert storage.read() == {"t": {"1": {"v": 1}, "2": {"v": 2}}}


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.__setitem__("v", 2),
        lambda d: d.__delitem__("v"),
        lambda d: d.update(v=2),
        lambda d: d.pop("v"),
        lambda d: d.popitem(),
        lambda d: d.setdefault("w", 1),
        lambda d: d.clear(),
        lambda d: d.__ior__({"v": 3}),
    ],
    ids=["setitem", "delitem", "update", "pop", "popitem", "setdefault", "clear", "ior"],
)
def test_every_way_of_changing_a_document_is_saved(tmp_path, change):
    path = tmp_path / "n.json"
    storage = DurableJSONStorage(path)
    storage.write({"t": {str(i): {"v": 1} for i in range(3)}})
    data = storage.read()
    change(data["t"]["1"])
    storage.write(data)
    assert path.read_text() == json.dumps(data)
    assert DurableJSONStorage(path).read() == data


# -- corruption --------------------------------------------------------------------------------


def _damaged(tmp_path, damage):
    """A store with two good versions written, then its file damaged by `damage(bytes)`."""
    path = tmp_path / "n.json"
    storage = DurableJSONStorage(path)
    storage.write({"t": {"1": {"v": 1}}})
    storage.write({"t": {"1": {"v": 1}, "2": {"v": 2}}})
    good = path.read_bytes()
    path.write_bytes(damage(good))
    return path, good


@pytest.mark.parametrize(
    "damage",
    [
        lambda good: good[: len(good) // 2],  # truncated
        lambda good: b"\x00\xff garbage \xfe",  # not text
        lambda good: b"[1, 2, 3]",  # JSON, but not a database
    ],
    ids=["truncated", "garbage", "not-an-object"],
)
def test_a_damaged_file_raises_a_clear_error_and_is_not_overwritten(tmp_path, damage):
    path, _ = _damaged(tmp_path, damage)
    damaged = path.read_bytes()
    storage = DurableJSONStorage(path)
    with pytest.raises(StorageCorruptError) as caught:
        storage.read()
    message = str(caught.value)
    assert str(path) in message and "recover" in message and "n.json.bak" in message
    with pytest.raises(StorageCorruptError):
        storage.write({"t": {}})
    with pytest.raises(StorageCorruptError):
        TinyDB(path, storage=DurableJSONStorage).insert({"v": 9})
    assert path.read_bytes() == damaged


def test_recover_moves_the_damaged_file_aside_and_restores_the_backup(tmp_path):
    path, _ = _damaged(tmp_path, lambda good: good[:-7])
    damaged = path.read_bytes()
    storage = DurableJSONStorage(path)
    result = storage.recover()
    assert result.restored_from == str(tmp_path / "n.json.bak")
    aside = tmp_path / os.path.basename(result.moved_aside)
    assert aside.name.startswith("n.json.corrupt-")
    assert aside.read_bytes() == damaged
    assert storage.read() == {"t": {"1": {"v": 1}}}  # the last good version before the damage
    storage.write({"t": {"1": {"v": 5}}})
    assert DurableJSONStorage(path).read() == {"t": {"1": {"v": 5}}}


def test_recover_on_a_good_file_does_nothing(tmp_path):
    path = tmp_path / "n.json"
    storage = DurableJSONStorage(path)
    storage.write({"t": {"1": {"v": 1}}})
    before = sorted(p.name for p in tmp_path.iterdir())
    assert storage.recover().restored_from is None
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_recover_without_a_good_backup_leaves_the_file_in_place(tmp_path):
    path = tmp_path / "n.json"
    DurableJSONStorage(path).write({"t": {"1": {"v": 1}}})  # one write: no backup yet
    path.write_bytes(b'{"t": {"1": ')
    with pytest.raises(StorageCorruptError, match="no good backup"):
        DurableJSONStorage(path).recover()
    assert path.read_bytes() == b'{"t": {"1": '


@pytest.mark.parametrize("state", ["empty", "missing"])
def test_an_emptied_or_deleted_file_next_to_a_backup_is_damage(tmp_path, state):
    path, _ = _damaged(tmp_path, lambda good: b"")
    if state == "missing":
        path.unlink()
    storage = DurableJSONStorage(path, create=False)
    with pytest.raises(StorageCorruptError, match=state):
        storage.read()
    storage.recover()
    assert storage.read() == {"t": {"1": {"v": 1}}}


# -- write failures ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("failing", "code", "words"),
    [("fsync", errno.ENOSPC, "disk is full"), ("write", errno.EDQUOT, "quota")],
)
def test_a_failed_write_changes_nothing(tmp_path, monkeypatch, failing, code, words):
    path = tmp_path / "n.json"
    storage = DurableJSONStorage(path)
    storage.write({"t": {"1": {"v": 1}}})
    storage.write({"t": {"1": {"v": 2}}})
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def fail(*args):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(StorageWriteError, match=words) as caught:
        storage.write({"t": {"1": {"v": 3}}})
    monkeypatch.undo()
    assert str(path) in str(caught.value) and caught.value.errno == code
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert storage.read() == {"t": {"1": {"v": 2}}}


def test_read_only_access_mode_refuses_writes(tmp_path):
    path = tmp_path / "n.json"
    DurableJSONStorage(path).write({"t": {}})
    with pytest.raises(StorageWriteError, match="read-only"):
        DurableJSONStorage(path, access_mode="r").write({"t": {"1": {}}})


# -- the encoding cache ------------------------------------------------------------------------

def _equal_but_other_type(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return float(value)
    if isinstance(value, float) and value == 0:
        return -value
    if isinstance(value, list):
        return [_equal_but_other_type(v) for v in value]
    return value


def test_equal_values_of_another_type_are_written_as_they_are(tmp_path):
    path = tmp_path / "n.json"
    storage = DurableJSONStorage(path)
    storage.write({"t": {"1": {"flag": True, "n": 1, "z": 0.0, "l": [False]}}})
    data = storage.read()
    data["t"]["1"].update(flag=1, n=1.0, z=-0.0, l=[0])
    storage.write(data)
    assert path.read_text() == '{"t": {"1": {"flag": 1, "n": 1.0, "z": -0.0, "l": [0]}}}'
    data = storage.read()
    data["t"]["1"] = {"l": [0], "z": -0.0, "n": 1.0, "flag": 1}  # same content, other order
    storage.write(data)
    assert path.read_text() == '{"t": {"1": {"l": [0], "z": -0.0, "n": 1.0, "flag": 1}}}'


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([0.0, -0.0, 1.0, 2.5]),
    st.text(max_size=5),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3), max_leaves=4)
documents = st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), values, max_size=4)
flat_documents = st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), scalars, max_size=4)
edits = st.lists(
    st.tuples(
        st.sampled_from(["set", "retype", "reorder", "drop", "add"]), st.integers(0, 5), values
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    start=st.dictionaries(st.sampled_from("012345"), documents, max_size=6),
    rounds=st.lists(edits, min_size=1, max_size=4),
)
def test_file_is_always_exactly_json_dumps_of_the_data(tmp_path_factory, start, rounds):
    """Reusing encoded documents must never change the bytes: True vs 1, 1 vs 1.0, order."""
    path = tmp_path_factory.mktemp("enc") / "n.json"
    storage = DurableJSONStorage(path)
    storage.write({"t": start, "u": {}})
    for round_ in rounds:
        data = storage.read()
        table = data["t"]
        for action, index, value in round_:
            key = str(index)
            doc = table.get(key)
            if action == "add" or doc is None:
                table[key] = {"a": value}
            elif action == "set":
                doc[sorted(doc)[0] if doc else "a"] = value
            elif action == "retype":  # an equal value of another type: True -> 1 -> 1.0
                for name, old in list(doc.items()):
                    doc[name] = _equal_but_other_type(old)
            elif action == "reorder":
                table[key] = dict(reversed(list(doc.items())))
            else:
                table.pop(key)
        expected = json.dumps(data)
        storage.write(data)
        assert path.read_text() == expected
        assert storage.read() == json.loads(expected)


# -- the spare: the version before the backup, rewritten in place by the next save --------------


def _three_versions(path):
    storage = DurableJSONStorage(path)
    for v in (1, 2, 3):
        storage.write({"t": {"1": {"v": v}}})
    return storage


def test_a_save_rewrites_the_spare_in_place_instead_of_a_new_file(tmp_path):
    path = tmp_path / "n.json"
    storage = _three_versions(path)
    spare = tmp_path / "n.json.spare"
    assert json.loads(spare.read_text()) == {"t": {"1": {"v": 1}}}
    assert mode_of(spare) == 0o600
    recycled = os.stat(spare).st_ino
    storage.write({"t": {"1": {"v": 4}, "2": {"long": "x" * 5000}}})  # grows: blocks reserved
    assert os.stat(path).st_ino == recycled
    assert json.loads(path.read_text()) == {"t": {"1": {"v": 4}, "2": {"long": "x" * 5000}}}
    assert json.loads((tmp_path / "n.json.bak").read_text()) == {"t": {"1": {"v": 3}}}
    storage.write({"t": {}})  # shrinks: the rewritten spare is cut to the new length
    assert path.read_text() == '{"t": {}}'


@pytest.mark.parametrize("shared_with", ["backup", "outside"])
def test_a_spare_another_name_shares_is_never_overwritten(tmp_path, shared_with):
    path = tmp_path / "n.json"
    storage = _three_versions(path)
    spare = tmp_path / "n.json.spare"
    spare.unlink()
    if shared_with == "backup":  # as a crash between linking it and replacing .bak leaves it
        os.link(tmp_path / "n.json.bak", spare)
        other = tmp_path / "n.json.bak"
    else:
        other = tmp_path / "keep.json"
        other.write_text("precious")
        os.link(other, spare)
    kept = other.read_bytes()
    storage.write({"t": {"1": {"v": 4}}})
    if shared_with == "backup":
        assert json.loads(other.read_text()) == {"t": {"1": {"v": 3}}}  # now the backup again
    else:
        assert other.read_bytes() == kept
    assert json.loads(path.read_text()) == {"t": {"1": {"v": 4}}}


def test_a_spare_that_is_a_symlink_is_not_followed(tmp_path):
    path = tmp_path / "n.json"
    storage = _three_versions(path)
    target = tmp_path / "elsewhere.txt"
    target.write_text("not ours")
    spare = tmp_path / "n.json.spare"
    spare.unlink()
    spare.symlink_to(target)
    storage.write({"t": {"1": {"v": 4}}})
    assert target.read_text() == "not ours"
    assert json.loads(path.read_text()) == {"t": {"1": {"v": 4}}}


@pytest.mark.parametrize("failing", ["posix_fallocate", "write", "fsync"])
def test_a_failed_write_over_the_spare_keeps_the_file_and_its_backup(
    tmp_path, monkeypatch, failing
):
    path = tmp_path / "n.json"
    storage = _three_versions(path)
    good, backup = path.read_bytes(), (tmp_path / "n.json.bak").read_bytes()

    def fail(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(StorageWriteError, match="disk is full"):
        storage.write({"t": {"1": {"v": 4}, "2": {"grows": "x" * 5000}}})
    monkeypatch.undo()
    assert path.read_bytes() == good and (tmp_path / "n.json.bak").read_bytes() == backup
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "n.json", "n.json.bak", "n.json.lock", "n.json.spare"
    ]
    if failing == "posix_fallocate":  # refused before a byte was written: the spare is intact
        assert json.loads((tmp_path / "n.json.spare").read_text()) == {"t": {"1": {"v": 1}}}
    assert storage.read() == {"t": {"1": {"v": 3}}}
    storage.write({"t": {"1": {"v": 5}}})
    assert DurableJSONStorage(path).read() == {"t": {"1": {"v": 5}}}


# -- what is never cached ----------------------------------------------------------------------


def test_a_same_size_rewrite_by_another_writer_between_two_reads_is_seen(tmp_path):
    """Not only other storages (which replace the file): also an in-place rewrite of the same
    size, with the modification time put back, is seen on the next read."""
    path = tmp_path / "n.json"
    storage = DurableJSONStorage(path)
    storage.write({"t": {"1": {"v": "a"}}})
    assert storage.read() == {"t": {"1": {"v": "a"}}}
    before = os.stat(path)
    with open(path, "r+b") as handle:  # same inode, same size
        handle.write(path.read_bytes().replace(b'"a"', b'"b"'))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert storage.read() == {"t": {"1": {"v": "b"}}}
    data = storage.read()
    data["t"]["2"] = {"v": "c"}
    storage.write(data)
    assert json.loads(path.read_text()) == {"t": {"1": {"v": "b"}, "2": {"v": "c"}}}


def test_a_write_by_another_storage_in_between_is_never_overwritten_by_a_stale_cache(tmp_path):
    path = tmp_path / "n.json"
    first, second = DurableJSONStorage(path), DurableJSONStorage(path)
    first.write({"t": {str(i): {"v": i} for i in range(50)}})
    with first.locked():
        data = first.read()
    second.write({"t": {**second.read()["t"], "50": {"v": 50}}})  # between first's two holds
    with first.locked():
        data = first.read()  # a fresh read under the lock sees the other write...
        data["t"]["51"] = {"v": 51}
        first.write(data)  # ...so the write keeps it
    assert set(json.loads(path.read_text())["t"]) == {str(i) for i in range(52)}


def test_an_encoding_that_is_not_ascii_compatible_is_written_whole(tmp_path):
    path = tmp_path / "n.json"
    storage = DurableJSONStorage(path, encoding="utf-16")
    storage.write({"t": {"1": {"text": "“quoted”"}, "2": {"n": 2}}})
    data = storage.read()
    data["t"]["1"]["text"] = "changed"
    storage.write(data)
    expected = {"t": {"1": {"text": "changed"}, "2": {"n": 2}}}
    assert json.loads(path.read_bytes().decode("utf-16")) == expected
    assert DurableJSONStorage(path, encoding="utf-16").read() == expected


# -- parsing: each document's bytes kept, so the first save encodes only what changed ----------


@pytest.mark.parametrize(
    "text",
    [
        '{"t": {"1": {"a": 1}, "2": {"b": [1, {"c": "}, \\"{"}]}}, "u": {}}',  # json.dumps' layout
        '{"t": {"1": {"a":1.50,"a":2}, "2": {}}, "t": {"3": {"x": NaN}}}',  # oddities inside
        '{\n  "t": {\n    "1": {"a": 1}\n  }\n}',  # indented: parsed whole
        '{"t": {"1": {"a": "caf\u00e9"}}}',  # not ASCII: parsed whole
        '{"t": {"1": [1, 2]}}',  # not a table of documents: parsed whole
        "{}",
    ],
)
def test_a_file_reads_as_json_loads_reads_it_and_saves_as_json_dumps(tmp_path, text):
    path = tmp_path / "n.json"
    path.write_text(text, encoding="utf-8")
    storage = DurableJSONStorage(path)
    expected = json.loads(text)
    data = storage.read()
    assert json.dumps(data) == json.dumps(expected)  # NaN != NaN: compare the encodings
    data.setdefault("t", {})["9"] = {"new": True}
    storage.write(data)
    saved = path.read_text()
    assert json.dumps(json.loads(saved)) == json.dumps(data)
    if text.startswith('{"t": {"1": {"a": 1}, "2"'):  # json.dumps' own layout: bytes unchanged
        assert saved == json.dumps(data)


@pytest.mark.parametrize(
    "text",
    [
        '{"t": {}, }',
        '{"t": {"1": {}, }}',
        '{"t": {"1": {}}',
        '{"t": {"1": {}} "u": {}}',
        '{"t": {"1": {} "2": {}}}',
        '{"t": {"1": {}}}}',
        '{"t": {"1": {"a": 1}}}{}',
    ],
)
def test_almost_a_database_is_damage(tmp_path, text):
    path = tmp_path / "n.json"
    path.write_text(text)
    with pytest.raises(StorageCorruptError, match="not valid JSON"):
        DurableJSONStorage(path).read()


@pytest.mark.parametrize("cut", [1, 5, 12, 20, -1, -2, -5])
def test_a_truncated_file_is_damage_whatever_the_cut(tmp_path, cut):
    path = tmp_path / "n.json"
    DurableJSONStorage(path).write({"t": {"1": {"v": 1}, "2": {"v": "x"}}, "u": {}})
    path.write_bytes(path.read_bytes()[:cut])
    with pytest.raises(StorageCorruptError, match="not valid JSON"):
        DurableJSONStorage(path).read()


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    tables=st.dictionaries(
        st.text(max_size=3),
        st.dictionaries(st.text(max_size=3), flat_documents | documents, max_size=5),
        max_size=3,
    ),
    change=st.tuples(st.integers(0, 5), scalars | values),
)
def test_first_save_after_a_fresh_parse_is_exactly_json_dumps(tmp_path_factory, tables, change):
    """A file json.dumps wrote (any keys, quotes and escapes), read by a new storage: the data
    json.loads gives, and a save re-encoding one document is still exactly json.dumps."""
    path = tmp_path_factory.mktemp("parse") / "n.json"
    path.write_text(json.dumps(tables))
    storage = DurableJSONStorage(path)
    data = storage.read() or {}
    assert data == json.loads(json.dumps(tables))
    index, value = change
    docs = [doc for table in data.values() for doc in table.values()]
    if docs:
        docs[index % len(docs)]["a"] = value
    storage.write(data)
    assert path.read_text() == json.dumps(data)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    tables=st.dictionaries(
        st.sampled_from(["t", "u"]),
        st.dictionaries(st.sampled_from("123"), flat_documents, max_size=3),
        max_size=2,
    ),
    edits=st.lists(
        st.tuples(
            st.integers(0, 10_000),
            st.integers(0, 12),
            st.sampled_from(["", ",", ", ", "}", "{", '"', " "]),
        ),
        min_size=1,
        max_size=2,
    ),
)
def test_a_damaged_file_is_refused_exactly_when_json_refuses_it(tmp_path_factory, tables, edits):
    """Trailing commas, a missing or extra brace, a stray quote: never read as a database."""
    text = json.dumps(tables)
    for at, cut, insert in edits:  # replace a few characters somewhere
        at %= len(text) + 1
        text = text[:at] + insert + text[at + cut :]
    path = tmp_path_factory.mktemp("damaged") / "n.json"
    path.write_text(text)
    try:
        expected = json.loads(text)
    except ValueError:
        expected = None
    if not text:
        assert DurableJSONStorage(path).read() is None  # an empty file: a new database
    elif isinstance(expected, dict):
        assert json.dumps(DurableJSONStorage(path).read()) == json.dumps(expected)
    else:
        with pytest.raises(StorageCorruptError):
            DurableJSONStorage(path).read()


@pytest.mark.parametrize("text", [
    '{"t": {"1": {"a": 1}}"u": {}}',  # no comma between two tables
    '{"t": {"1": {"a": 1}"2": {"a": 2}}}',  # ... between two documents
])
def test_a_missing_comma_between_members_is_refused(tmp_path, text):
    """The fast reader of json.dumps's layout once took these as two members (hypothesis found
    it in `test_a_damaged_file_is_refused_exactly_when_json_refuses_it`)."""
    path = tmp_path / "n.json"
    path.write_text(text)
    with pytest.raises(ValueError):
        json.loads(text)
    with pytest.raises(StorageCorruptError):
        DurableJSONStorage(path).read()
