"""Notes under real processes: a writer killed with SIGKILL, four writers at once, a read-only
directory and a file-size limit. Children are forked (no re-import) and report over a pipe."""

from __future__ import annotations

import errno
import json
import os
import random
import resource
import shutil
import signal
import tempfile
import time
from pathlib import Path

import pytest

from store.notes import NotesStore, NotesWriteError
from store.storage import TEMP_MARK

pytestmark = pytest.mark.slow

CONTEXT = "“We are closer than ever to an agreement on the guarantees,” the official said. " * 2


def fork(child) -> tuple[int, int]:
    """Run `child(write_fd)` in a forked process; return (pid, read_fd)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 1
        try:
            os.close(read_fd)
            child(write_fd)
            code = 0
        except BaseException as exc:  # report, then exit without running pytest's teardown
            os.write(write_fd, f"error {type(exc).__name__}: {exc}\n".encode())
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def drain(read_fd: int) -> list[str]:
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    return b"".join(chunks).decode().split("\n")[:-1]  # a line is complete once "\n" is in


def add_forever(path: Path, out: int, prefix: str) -> None:
    store = NotesStore(path, author=prefix)
    i = 0
    while True:
        note = store.add("quote", f"{prefix}-{i % 7}", f"{prefix} note {i}", context=CONTEXT)
        os.write(out, f"{note.id}\n".encode())  # only after add returned: acknowledged
        i += 1


def test_a_writer_killed_mid_stream_never_loses_an_acknowledged_note(tmp_path):
    path = tmp_path / "notes.json"
    seed = NotesStore(path, author="seed")
    for i in range(200):  # a file of some size, so writes take a while
        seed.add("issue", f"i{i % 12}", f"seed note {i}", context=CONTEXT)
    rng = random.Random(20251215)
    acknowledged: set[str] = set()
    stray_seen = 0
    for trial in range(30):
        pid, read_fd = fork(lambda out, trial=trial: add_forever(path, out, f"t{trial}"))
        time.sleep(rng.uniform(0.01, 0.12))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        lines = drain(read_fd)
        assert not [line for line in lines if line.startswith("error")], lines
        acknowledged.update(lines)
        stray_seen += any(TEMP_MARK in p.name for p in tmp_path.iterdir())
        reopened = NotesStore(path)  # must read; cleans what the killed writer left
        on_disk = {n.id for n in reopened.notes()}
        assert acknowledged <= on_disk, f"trial {trial}: lost {acknowledged - on_disk}"
        assert not [p for p in tmp_path.iterdir() if TEMP_MARK in p.name]
        backup = json.loads((tmp_path / "notes.json.bak").read_text())  # a good last copy
        assert len(backup["notes"]) >= 200
    assert len(acknowledged) > 30  # the writers did get notes in before being killed


def test_four_processes_adding_at_once_lose_nothing(tmp_path):
    path = tmp_path / "notes.json"
    per_process, processes = 250, 4

    def add_some(out: int, name: str) -> None:
        store = NotesStore(path, author=name)
        for i in range(per_process):
            note = store.add("event", f"{name}-{i % 5}", f"{name} note {i}")
            os.write(out, f"{note.id}\n".encode())

    children = [fork(lambda out, n=n: add_some(out, f"p{n}")) for n in range(processes)]
    reported: list[str] = []
    for pid, read_fd in children:
        reported += drain(read_fd)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0, reported[-3:]
    notes = NotesStore(path).notes()
    ids = [n.id for n in notes]
    assert len(reported) == per_process * processes
    assert len(ids) == len(set(ids)) == per_process * processes
    assert set(ids) == set(reported)
    for n in range(processes):
        mine = [x.text for x in notes if x.author == f"p{n}"]
        assert sorted(mine) == sorted(f"p{n} note {i}" for i in range(per_process))


@pytest.fixture
def shared_dir():
    """A directory outside pytest's private tmp tree, so an unprivileged child can reach it."""
    base = Path(tempfile.mkdtemp(prefix="parley-notes-"))
    base.chmod(0o755)
    try:
        yield base
    finally:
        for p in [base, *base.rglob("*")]:
            if p.is_dir():
                p.chmod(0o700)
        shutil.rmtree(base, ignore_errors=True)


def test_a_read_only_directory_raises_a_write_error_and_keeps_the_notes(shared_dir):
    data = shared_dir / "data"
    path = data / "notes.json"
    first = NotesStore(path, author="ana").add("issue", "nato", "kept")
    nobody = 65534
    if os.geteuid() == 0:  # root ignores permissions: the child drops to an ordinary user
        for p in [data, *data.iterdir()]:
            os.chown(p, nobody, nobody)
    data.chmod(0o500)
    before = {p.name: p.read_bytes() for p in data.iterdir()}

    def try_to_add(out: int) -> None:
        if os.geteuid() == 0:
            os.setgid(nobody)
            os.setuid(nobody)
        store = NotesStore(path, author="ana")
        readable = [n.id for n in store.notes()]
        try:
            store.add("issue", "nato", "cannot be saved")
        except NotesWriteError as exc:
            os.write(out, f"refused {' '.join(readable)}\n{exc}\n".encode())
        else:
            os.write(out, b"saved\n")

    pid, read_fd = fork(try_to_add)
    lines = drain(read_fd)
    os.waitpid(pid, 0)
    assert lines and lines[0] == f"refused {first.id}", lines
    assert str(path) in lines[1] and "not writable" in lines[1]
    assert "Nothing was changed" in lines[1]
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


def test_a_write_past_the_file_size_limit_changes_nothing(tmp_path):
    path = tmp_path / "notes.json"
    store = NotesStore(path, author="ana")
    for i in range(20):
        store.add("issue", "nato", f"note {i}", context=CONTEXT)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def add_with_a_limit(out: int) -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
        _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (path.stat().st_size + 50, hard))
        try:
            NotesStore(path, author="ana").add("issue", "nato", "too much", context=CONTEXT)
        except NotesWriteError as exc:
            os.write(out, f"refused errno={exc.errno}\n".encode())
        else:
            os.write(out, b"saved\n")

    pid, read_fd = fork(add_with_a_limit)
    lines = drain(read_fd)
    os.waitpid(pid, 0)
    assert lines == [f"refused errno={errno.EFBIG}"]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert len(NotesStore(path).notes()) == 20
