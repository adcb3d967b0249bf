"""The notes UI inside the real dashboard: keys a, s, n, c, counts and the jump from the list."""

from __future__ import annotations

import pytest

from store.notes import NotesStore
from tests.conftest import write_tiny_corpus
from tui.app import ParleyApp
from tui.components.notes_editor import NoteEditor
from tui.components.notes_screen import NotesScreen


@pytest.fixture
def store(tmp_path):
    store = write_tiny_corpus(tmp_path / "data")
    store.notes._author = "tester"
    return store


async def loaded(pilot) -> None:
    for _ in range(50):
        await pilot.pause(0.05)
        if pilot.app.loaded:
            return
    raise AssertionError("the dashboard did not load")


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press(char if char != " " else "space")


async def test_a_in_the_dashboard_notes_the_selected_issue(store):
    app = ParleyApp(store)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        entry = app.current_entry()
        assert entry is not None
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        await type_text(pilot, "from the dashboard")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
    [note] = NotesStore(store.notes_path).notes()
    assert (note.target_kind, note.target_id) == entry
    assert note.text == "from the dashboard"


@pytest.mark.parametrize(
    ("kind", "entry_id", "pane"),
    [
        ("quote", "q3", "quotes"),
        ("event", "ev2", "timeline"),
        ("position", "pos_ru_sg", "positions"),
        ("issue", "ceasefire", "issues"),
    ],
)
async def test_enter_in_the_notes_list_moves_to_the_entry(store, kind, entry_id, pane):
    store.notes.add(kind, entry_id, "jump here")
    app = ParleyApp(store)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("enter")
        for _ in range(5):
            await pilot.pause()
        assert app.screen is app.screen_stack[0]
        assert app.current_entry() == (kind, entry_id)
        assert app.active_pane().pane_id == pane


async def test_letters_typed_in_the_editor_and_filter_are_text_not_dashboard_keys(store):
    letters = "abcdefghijklmnopqrstuvwxyz?/12345"
    app = ParleyApp(store)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("a")
        await type_text(pilot, letters)
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("#note-input").value == letters
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await type_text(pilot, letters)
        assert isinstance(app.screen, NotesScreen)
        assert app.screen.query_one("#notes-filter").value == letters
        assert app.is_running
    assert [n.text for n in NotesStore(store.notes_path).notes()] == [letters]


async def test_another_process_note_while_a_dialog_is_open_refreshes_the_dashboard(store):
    """The live-notes timer refreshes the panes under a dialog instead of crashing on it."""
    app = ParleyApp(store)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        kind, entry_id = app.current_entry()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        # no read started before the colleague's note may land after the refresh below
        await app.workers.wait_for_complete()
        NotesStore(store.notes_path, author="colleague").add(kind, entry_id, "from elsewhere")
        app.refresh_data()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.note_count(kind, entry_id) == 1


async def test_a_damaged_notes_file_is_said_at_once_on_the_dashboard(store):
    store.notes.add("issue", "territory", "kept in the backup")
    store.notes_path.write_text('{"notes": {"1": {"id": ')  # truncated
    app = ParleyApp(store)
    async with app.run_test() as pilot:
        await loaded(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [n for n in app._notifications if n.severity == "error"]
        assert len(said) == 1 and str(store.notes_path) in said[0].message
        assert "ctrl+r" in said[0].message and not said[0].markup
