"""Dashboard side: the changes view and the import dialog, driven by the pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from store import ingest
from store.api import Store
from tui.app import ParleyApp
from tui.components.changes_screen import ChangesScreen, note_open
from tui.components.import_dialog import ImportDialog

DATA = Path(__file__).parent / "data" / "ingest"
SIZE = (120, 40)


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "data")
    s.build()
    return s


async def _ready(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def _body(app) -> str:
    return str(app.screen.query_one("#changes-body", Static).render())


async def test_changes_since_the_previous_opening(store):
    ingest.add(store, [DATA / "warsaw_briefing.md"], when="2026-02-01T00:00:00Z")
    from store.changes import record_open

    record_open(store.data_dir, at="2026-02-01T12:00:00Z")  # the dashboard was open then
    ingest.add(store, [DATA / "geneva_round.txt"], when="2026-02-02T00:00:00Z")
    app = ParleyApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        # The app recorded this opening on load and kept the previous one.
        assert app.parley_previous_open == "2026-02-01T12:00:00Z"
        assert note_open(app) != "2026-02-01T12:00:00Z"  # this opening is now the last one
        app.parley_previous_open = "2026-02-01T12:00:00Z"
        await app.run_action("show_changes")  # the app's action, as a key will run it
        await pilot.pause()
        assert isinstance(app.screen, ChangesScreen)
        body = _body(app)
        assert "Changes since 2026-02-01T12:00:00Z" in body
        assert "New article: Envoys report progress" in body
        assert "warsaw" not in body.lower()  # arrived before the previous opening

        await pilot.press("d")
        assert isinstance(app.focused, Input)
        for ch in "2026-01-01":
            await pilot.press(ch)
        await pilot.press("enter")
        await pilot.pause()
        assert "European ministers meet in Warsaw" in _body(app)

        await pilot.press("c")
        await pilot.pause()
        assert "no call has been recorded yet" in _body(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ChangesScreen)


async def test_import_dialog_adds_a_file_without_blocking(store):
    app = ParleyApp(store)
    messages: list[str] = []
    notify = app.notify

    def spy(message, *args, **kwargs):
        messages.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = spy
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await app.run_action("import_articles")
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)
        app.screen.query_one(Input).value = "/no/such/article.txt"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)  # stays open with the error
        assert "no such file or folder" in str(app.screen.query_one("#import-error").render())
        app.screen.query_one(Input).value = str(DATA / "ankara_page.html")
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause()
            if any("new article" in m for m in messages):
                break
            await asyncio.sleep(0.05)
        await app.workers.wait_for_complete()
        assert any("1 new article(s): ankara_page.html" in m for m in messages), messages
        assert store.summary().sources == 6
