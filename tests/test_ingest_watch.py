"""The watch folder: the callback alone, then the dashboard picking up a dropped article."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from watchfiles import Change

from store.api import Store
from tui import watch

DATA = Path(__file__).parent / "data" / "ingest"


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "data")
    s.build()
    return s


def test_only_article_files_that_exist_are_taken(tmp_path):
    for name in ("a.txt", "b.HTML", "photo.png", ".partial.txt"):
        (tmp_path / name).write_text("x")
    changes = {
        (Change.added, str(tmp_path / "a.txt")),
        (Change.modified, str(tmp_path / "a.txt")),
        (Change.added, str(tmp_path / "b.HTML")),
        (Change.added, str(tmp_path / "photo.png")),
        (Change.added, str(tmp_path / ".partial.txt")),
        (Change.deleted, str(tmp_path / "gone.txt")),
        (Change.added, str(tmp_path / "vanished.txt")),
    }
    assert watch.article_paths(changes) == [tmp_path / "a.txt", tmp_path / "b.HTML"]


def test_the_callback_adds_a_batch_once_and_says_what_arrived(store, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("geneva_round.txt", "scanned_fax.txt"):
        shutil.copy(DATA / name, inbox / name)
    batch = {(Change.added, str(inbox / "geneva_round.txt")),
             (Change.added, str(inbox / "scanned_fax.txt"))}
    report = watch.handle_changes(store, batch)
    assert report.added == ["geneva_round.txt"]
    assert store.summary().sources == 6  # re-read by the callback
    message, severity = watch.arrival_message(report)
    assert "1 new article(s): geneva_round.txt" in message
    assert "scanned_fax.txt: skipped: binary" in message and severity == "warning"
    again = watch.handle_changes(store, {(Change.modified, str(inbox / "geneva_round.txt"))})
    assert not again.changed_corpus
    assert watch.arrival_message(again)[0] == "already in the corpus: nothing new"
    assert watch.handle_changes(store, {(Change.added, str(inbox / "x.png"))}) is None


async def test_dashboard_picks_up_a_dropped_article(store, tmp_path):
    from tui.app import ParleyApp

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    app = ParleyApp(store, watch=str(inbox))
    messages: list[str] = []
    notify = app.notify

    def spy(message, *args, **kwargs):
        messages.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = spy
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(50):  # the watcher starts once the corpus is loaded
            if getattr(app, "parley_watcher", None):
                break
            await asyncio.sleep(0.1)
        assert app.parley_watcher is not None
        await asyncio.sleep(0.3)  # let watchfiles settle before the drop
        shutil.copy(DATA / "geneva_round.txt", inbox / "geneva_round.txt")
        for _ in range(150):
            if any("geneva_round.txt" in m for m in messages):
                break
            await asyncio.sleep(0.1)
        await pilot.pause()
        app.parley_watcher.close()
        assert any("1 new article(s): geneva_round.txt" in m for m in messages), messages
        assert store.summary().sources == 6
        from tui.components.header import HeaderBar

        header = str(app.query_one(HeaderBar).render())
        assert "6 sources" in header  # refreshed in place, no restart
