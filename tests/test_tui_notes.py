"""Annotating during a call: the editor, the notes list, the status and call dialogs (Pilot)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from store.notes import NotesStore
from tests.test_tui_notes_fixtures import NotesTestApp, make_store
from tui.components.notes_editor import NoteEditor
from tui.components.notes_render import (
    count_badge,
    note_counts,
    notes_lines,
    notes_snapshot,
    short_time,
    status_display,
)
from tui.components.notes_screen import NotesScreen
from tui.components.status_dialog import StatusDialog

ROOT = Path(__file__).parent.parent


@pytest.fixture
def store(tmp_path):
    return make_store(tmp_path / "data")


def on_disk(store) -> list:
    """The notes as a fresh store (another process) reads them from the file."""
    return NotesStore(store.notes_path).notes()


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press(char if char != " " else "space")


def editor_value(app) -> str:
    return app.screen.query_one("#note-input", Input).value


# -- a: the note editor --------------------------------------------------------------------


async def test_a_saves_a_note_on_the_current_entry_with_its_context(store):
    app = NotesTestApp(store, entry=("quote", "q1"))
    async with app.run_test() as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        await type_text(pilot, "they will not move")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
        assert app.refreshes >= 1
    [note] = on_disk(store)
    assert (note.target_kind, note.target_id, note.text) == ("quote", "q1", "they will not move")
    assert note.author == "tester"
    assert "remains disputed" in note.context and "An official" in note.context


async def test_a_without_an_entry_opens_nothing(store):
    app = NotesTestApp(store, entry=None)
    async with app.run_test() as pilot:
        await pilot.press("a")
        assert not isinstance(app.screen, NoteEditor)
    assert on_disk(store) == []


async def test_esc_keeps_a_draft_per_entry_and_reopening_restores_it(store):
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("a")
        await type_text(pilot, "half a thought")
        await pilot.press("escape")
        assert not isinstance(app.screen, NoteEditor)
        assert on_disk(store) == []
        # another entry has no draft
        app.entry = ("issue", "nato")
        await pilot.press("a")
        assert editor_value(app) == ""
        await pilot.press("escape")
        # back on the first entry: the draft returns and can be finished
        app.entry = ("issue", "territory")
        await pilot.press("a")
        assert editor_value(app) == "half a thought"
        await type_text(pilot, " done")
        await pilot.press("enter")
        await pilot.pause()
        # saved: the draft is gone
        await pilot.press("a")
        assert editor_value(app) == ""
        await pilot.press("escape")
    assert [n.text for n in on_disk(store)] == ["half a thought done"]


async def test_clearing_the_text_and_esc_discards_the_draft(store):
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("a")
        await type_text(pilot, "scrap")
        await pilot.press("escape")
        await pilot.press("a")
        assert editor_value(app) == "scrap"
        await pilot.press("ctrl+u")  # Input: delete to the start of the line
        assert editor_value(app) == ""
        await pilot.press("escape")
        await pilot.press("a")
        assert editor_value(app) == ""


async def test_a_read_only_disk_shows_the_error_and_keeps_the_text(store, monkeypatch):
    store.notes.add("issue", "territory", "an earlier note")
    real_replace = os.replace

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("a")
        await type_text(pilot, "do not lose me")
        monkeypatch.setattr(os, "replace", read_only)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor), "the editor stays open"
        assert editor_value(app) == "do not lose me"
        error = str(app.screen.query_one("#note-error", Static).render())
        assert "read-only" in error and "Not saved" in error
        assert [n.text for n in on_disk(store)] == ["an earlier note"]
        # the disk is writable again: the same text saves
        monkeypatch.setattr(os, "replace", real_replace)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
    assert [n.text for n in on_disk(store)] == ["do not lose me", "an earlier note"]


async def test_a_corrupt_notes_file_shows_the_recovery_path_and_nothing_crashes(store):
    store.notes.add("issue", "territory", "kept in the backup")
    store.notes.add("issue", "territory", "second")
    store.notes_path.write_text('{"notes": {"1": {"id": ')  # truncated
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("a")
        await type_text(pilot, "typed anyway")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert editor_value(app) == "typed anyway"
        error = str(app.screen.query_one("#note-error", Static).render())
        assert str(store.notes_path) in error and ".bak" in error and "recover" in error
        await pilot.press("escape")
        await pilot.press("n")
        assert isinstance(app.screen, NotesScreen)
        shown = str(app.screen.query_one("#notes-error", Static).render())
        assert "recover" in shown
        await pilot.press("escape")
        await pilot.press("s")
        await pilot.press("c")
        await pilot.pause()
        assert app.is_running


async def test_ctrl_r_in_the_notes_list_recovers_a_corrupt_file(store):
    store.notes.add("issue", "territory", "first")
    store.notes.add("issue", "territory", "second")
    store.notes_path.write_text("garbage")
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("n")
        await pilot.press("ctrl+r")
        await pilot.pause()
        listing = app.screen.query_one("#notes-list", OptionList)
        assert listing.option_count >= 1
    assert [n.text for n in on_disk(store)][-1] == "first"
    assert any(p.name.startswith("notes.json.corrupt-") for p in store.notes_path.parent.iterdir())


# -- literal rendering ---------------------------------------------------------------------

MARKUP = "[bold red]x[/]"
ESCAPE = "\x1b[31mred"


async def test_note_text_is_shown_literally_everywhere(store):
    store.notes.add("issue", "territory", MARKUP)
    store.notes.add("issue", "territory", ESCAPE)
    lines = notes_lines(store.notes.notes())
    assert MARKUP in lines.plain
    assert "\\x1b[31mred" in lines.plain and "\x1b" not in lines.plain
    assert not lines.spans or all("red" not in str(s.style) for s in lines.spans)
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("n")
        listing = app.screen.query_one("#notes-list", OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(2)]
        assert any(MARKUP in p for p in prompts)
        assert any("\\x1b[31mred" in p for p in prompts)
        # editing it: the escape character is spelled out in the box, never drawn raw
        await pilot.press("down")
        assert app.screen.current().text == ESCAPE
        await pilot.press("e")
        assert editor_value(app) == "\\x1b[31mred"
        await type_text(pilot, " [b]")
        await pilot.press("enter")
        await pilot.pause()
    assert on_disk(store)[0].text == "\\x1b[31mred [b]"


async def test_a_pasted_control_character_is_spelled_out_in_the_editor(store):
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("a")
        app.screen.query_one("#note-input", Input).insert_text_at_cursor("a\x07b\x1b[0m")
        await pilot.pause()
        assert editor_value(app) == "a\\x07b\\x1b[0m"
        await pilot.press("enter")
        await pilot.pause()
    assert on_disk(store)[0].text == "a\\x07b\\x1b[0m"


# -- n: the notes list ---------------------------------------------------------------------


async def test_notes_list_newest_first_filter_as_you_type_and_enter_jumps(store):
    store.notes.add("issue", "territory", "corridor idea")
    store.notes.add("quote", "q1", "tone was harsh")
    store.notes.add("event", "e1", "corridor again")
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("n")
        screen = app.screen
        listing = screen.query_one("#notes-list", OptionList)
        newest_first = ["corridor again", "tone was harsh", "corridor idea"]
        assert [n.text for n in screen.shown] == newest_first
        await type_text(pilot, "corr")
        assert [n.text for n in screen.shown] == ["corridor again", "corridor idea"]
        await type_text(pilot, " idea")
        assert [n.text for n in screen.shown] == ["corridor idea"]
        assert listing.option_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, NotesScreen)
    assert app.jumped == ("issue", "territory")


async def test_filter_matches_the_entry_text_and_the_author(store):
    store.notes.add("quote", "q1", "first", context=store.entry_text("quote", "q1"))
    other = NotesStore(store.notes_path, author="maria")
    other.add("event", "e1", "second")
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("n")
        await type_text(pilot, "official")
        assert [n.text for n in app.screen.shown] == ["first"]
        for _ in "official":
            await pilot.press("backspace")
        await type_text(pilot, "maria")
        assert [n.text for n in app.screen.shown] == ["second"]


async def test_edit_delete_and_undo_in_the_notes_list(store):
    store.notes.add("issue", "territory", "older")
    store.notes.add("issue", "territory", "newer")
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("n")
        await pilot.press("down")  # into the list: letters are commands now
        screen = app.screen
        await pilot.press("d")
        await pilot.pause()
        assert [n.text for n in screen.shown] == ["older"]
        assert [n.text for n in on_disk(store)] == ["older"]
        await pilot.press("u")
        await pilot.pause()
        assert [n.text for n in screen.shown] == ["newer", "older"]
        assert [n.text for n in on_disk(store)] == ["newer", "older"]
        assert screen.current().text == "newer"
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor)
        assert editor_value(app) == "newer"
        await pilot.press("ctrl+u")
        await type_text(pilot, "rewritten")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert [n.text for n in screen.shown] == ["rewritten", "older"]
        assert on_disk(store)[0].updated is not None
        await pilot.press("u")  # nothing left to undo: nothing changes
        assert len(on_disk(store)) == 2


async def test_letters_typed_in_the_filter_are_not_commands(store):
    store.notes.add("issue", "territory", "needs review")
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("n")
        await type_text(pilot, "due")
        assert app.screen.query_one("#notes-filter", Input).value == "due"
    assert len(on_disk(store)) == 1


async def test_a_note_whose_entry_is_gone_is_listed_with_its_context(tmp_path):
    store = make_store(tmp_path / "data")
    context = store.entry_text("quote", "q1")
    store.notes.add("quote", "q1", "about a vanished quote", context=context)
    rebuilt = make_store(tmp_path / "data", with_quote=False)  # the rebuild dropped the quote
    app = NotesTestApp(rebuilt)
    async with app.run_test() as pilot:
        await pilot.press("n")
        listing = app.screen.query_one("#notes-list", OptionList)
        prompt = str(listing.get_option_at_index(0).prompt)
        assert "entry gone" in prompt and "remains disputed" in prompt
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen), "nowhere to jump: the list stays"
    assert app.jumped is None


# -- s: the analyst's status ---------------------------------------------------------------


async def test_s_sets_a_status_with_a_reason_and_the_issue_shows_both(store):
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("s")
        # the evidence's status (narrowing) is preselected; disputed is the next one
        await pilot.press("down", "enter")
        await type_text(pilot, "walked out")
        await pilot.press("enter")
        await pilot.pause()
        assert app.refreshes >= 1
    fresh = NotesStore(store.notes_path)
    change = fresh.status_overrides()["territory"]
    assert (change.status, change.reason) == ("disputed", "walked out")
    assert change.previous == "narrowing"
    shown = status_display(store.issue("territory"), change).plain
    assert shown == "disputed* (evidence: narrowing)"


async def test_s_history_and_escape_cancels(store):
    store.notes.set_status("territory", "agreed", "signed", evidence_status="narrowing")
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("s")
        box = app.screen.query_one("#status-box")
        text = " ".join(str(w.render()) for w in box.query(Static))
        assert "narrowing → agreed" in text and "signed" in text
        await pilot.press("up", "enter", "escape")
        await pilot.pause()
    assert len(store.notes.status_history("territory")) == 1


async def test_s_clear_returns_the_issue_to_the_evidence_status(store):
    store.notes.set_status("territory", "agreed", "signed", evidence_status="narrowing")
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("s")
        await pilot.press("end", "enter")
        await type_text(pilot, "premature")
        await pilot.press("enter")
        await pilot.pause()
    change = NotesStore(store.notes_path).status_overrides()["territory"]
    assert (change.status, change.previous, change.reason) == (None, "agreed", "premature")
    assert status_display(store.issue("territory"), change).plain == "narrowing"


async def test_s_is_for_issues_only(store):
    app = NotesTestApp(store, entry=("quote", "q1"))
    async with app.run_test() as pilot:
        await pilot.press("s")
        assert not isinstance(app.screen, StatusDialog)


def test_status_display_without_or_with_an_agreeing_override(store):
    issue = store.issue("territory")
    assert status_display(issue, None).plain == "narrowing"
    same = store.notes.set_status("territory", "narrowing", evidence_status="narrowing")
    assert status_display(issue, same).plain == "narrowing ✓"
    cleared = store.notes.set_status("territory", None, evidence_status="narrowing")
    assert status_display(issue, cleared).plain == "narrowing"


# -- c: calls ------------------------------------------------------------------------------


async def test_c_starts_a_call_notes_belong_to_it_and_c_ends_it(store):
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.press("c")
        await type_text(pilot, "Berlin round")
        await pilot.press("enter")
        await pilot.pause()
        call = store.notes.active_call()
        assert call is not None and call.title == "Berlin round"
        await pilot.press("a")
        await type_text(pilot, "during the call")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("c")
        await pilot.press("escape")  # esc keeps it running
        assert store.notes.active_call() is not None
        await pilot.press("c")
        await pilot.press("enter")
        await pilot.pause()
    assert store.notes.active_call() is None
    assert [n.text for n in store.notes.notes(call=call.id)] == ["during the call"]
    assert store.notes.calls()[0].ended is not None


# -- shared live ---------------------------------------------------------------------------


async def test_another_process_note_refreshes_the_dashboard_within_a_second(store):
    app = NotesTestApp(store)
    async with app.run_test() as pilot:
        await pilot.pause(0.2)
        before = app.refreshes
        # a second parley process writes a note
        code = (
            "import sys; from pathlib import Path; from store.notes import NotesStore; "
            "NotesStore(Path(sys.argv[1]), author='other').add('issue', 'nato', 'from elsewhere')"
        )
        subprocess.run([sys.executable, "-c", code, str(store.notes_path)], check=True, cwd=ROOT)
        assert await within(pilot, LIVE_SECONDS, lambda: app.refreshes > before)
        await pilot.press("n")
        assert [n.text for n in app.screen.shown] == ["from elsewhere"]
        NotesStore(store.notes_path, author="other").add("issue", "nato", "and more")
        listed = lambda: [n.text for n in app.screen.shown] == ["and more", "from elsewhere"]  # noqa: E731
        assert await within(pilot, LIVE_SECONDS, listed)


LIVE_SECONDS = 1.5  # the poll runs every 0.5 s; slack for a loaded test machine


async def within(pilot, seconds: float, condition) -> bool:
    """Whether `condition()` becomes true within `seconds` of app time."""
    for _ in range(int(seconds / 0.1)):
        if condition():
            return True
        await pilot.pause(0.1)
    return condition()


# -- what the panes call -------------------------------------------------------------------


def test_snapshot_counts_live_notes_and_renders_them_under_their_entry(store):
    store.notes.add("issue", "territory", "one")
    second = store.notes.add("issue", "territory", "two [i]x[/i]")
    store.notes.add("quote", "q1", "three")
    gone = store.notes.add("quote", "q1", "deleted one")
    store.notes.delete(gone.id)
    store.notes.set_status("territory", "disputed", "walk-out", evidence_status="narrowing")
    snap = notes_snapshot(store)
    assert snap.error is None
    assert snap.counts() == note_counts(store) == {("issue", "territory"): 2, ("quote", "q1"): 1}
    assert snap.count("issue", "nato") == 0
    assert snap.analyst_status("territory") == "disputed"
    assert snap.analyst_status("nato") is None
    lines = snap.lines("issue", "territory").plain.splitlines()
    assert len(lines) == 2 and lines[0].endswith("tester: one")
    assert lines[1].endswith("tester: two [i]x[/i]") and short_time(second.created) in lines[1]
    assert count_badge(2).plain == " ✎2" and count_badge(0).plain == ""


def test_snapshot_of_a_corrupt_file_is_empty_with_the_error(store):
    store.notes.add("issue", "territory", "one")
    store.notes_path.write_text("{")
    snap = notes_snapshot(store)
    assert snap.counts() == {} and note_counts(store) == {}
    assert str(store.notes_path) in snap.error


def test_short_time_is_local_time_and_adds_the_date_on_another_day():
    stamp = "2025-12-15T10:11:12Z"
    local = datetime(2025, 12, 15, 10, 11, 12, tzinfo=UTC).astimezone()
    assert short_time(stamp, now=local) == local.strftime("%H:%M")
    assert short_time(stamp, now=local + timedelta(days=2)) == local.strftime("%Y-%m-%d %H:%M")
    assert short_time(None) == "" and short_time("soon") == "soon"
