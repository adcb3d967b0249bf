"""`n`: every note, newest first, filterable as you type; enter jumps to the note's entry.

Focus starts in the filter (typing filters at once; enter jumps to the highlighted note; up and
down move through the list). down from the filter, or tab, moves into the list, where
e edits, d deletes, u undoes the last delete and / goes back to the filter. esc closes.

Notes whose entry disappeared in a rebuild stay listed, marked "entry gone", with the entry
text stored when the note was written. The screen dismisses with the (kind, id) to jump to.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.components.footer import KeyFooter
from tui.components.notes_editor import edit_note, error_message
from tui.components.notes_jump import jump_to_entry
from tui.components.notes_render import literal, short_time

POLL_SECONDS = 0.5


def matches(note, words: list[str], gone: bool) -> bool:
    """Every filter word appears in the note's text, author, entry text or kind."""
    hay = " ".join(
        (note.text, note.author, note.context, note.target_kind, "entry gone" if gone else "")
    ).casefold()
    return all(w in hay for w in words)


def note_prompt(note, gone: bool) -> Text:
    """Two lines per note: who/when/what entry, then the note text, all literal."""
    head = Text()
    head.append(short_time(note.created), style="dim")
    head.append(f"  {literal(note.author)}", style="bold")
    if note.updated:
        head.append("  (edited)", style="dim italic")
    head.append(f"  {note.target_kind}: ", style="cyan")
    head.append(literal(note.context or note.target_id), style="dim")
    if gone:
        head.append("  entry gone", style="bold red")
    head.append("\n")
    head.append(literal(note.text))
    return head


class NotesScreen(Screen):
    """All notes; dismisses with (kind, id) of the entry to jump to, or None."""

    DEFAULT_CSS = """
    NotesScreen #notes-title { height: 1; padding: 0 1; text-style: bold; }
    NotesScreen #notes-filter { margin: 0 1; }
    NotesScreen #notes-list { height: 1fr; }
    NotesScreen #notes-error { color: $error; height: auto; padding: 0 1; display: none; }
    NotesScreen #notes-error.shown { display: block; }
    """

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
        Binding("u", "undo", "Undo delete"),
        Binding("slash", "focus_filter", "Filter"),
        Binding("ctrl+r", "recover", "Recover notes file"),
    ]

    def __init__(self, store):
        super().__init__()
        self.store = store
        self.all_notes: list = []
        self.gone: dict[str, bool] = {}
        self.shown: list = []
        self.deleted: list[str] = []  # ids deleted here, most recent last, for undo
        self.seen_version = None
        self.unreadable = False  # the notes file could not be read: offer ctrl+r

    def compose(self) -> ComposeResult:
        yield Static("Notes (newest first)", id="notes-title")
        yield Input(placeholder="Filter notes…", id="notes-filter")
        yield Static("", id="notes-error", markup=False)
        yield OptionList(id="notes-list", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#notes-filter", Input).focus()
        self.set_interval(POLL_SECONDS, self.poll, name="notes-screen-poll")

    # -- data --------------------------------------------------------------------------------
    def _version(self):
        try:
            return self.store.notes.version()
        except Exception:  # noqa: BLE001 - tried again at the next poll
            return None

    def poll(self) -> None:
        """Pick up other processes' notes while the list is open."""
        version = self._version()
        if version is not None and version != self.seen_version:
            self.reload()

    def reload(self) -> None:
        self.seen_version = self._version()
        try:
            self.all_notes = list(self.store.notes.notes())
        except Exception as error:  # noqa: BLE001 - e.g. corrupt file: say so and how to recover
            self.unreadable = True
            self.show_error(f"Cannot read the notes: {error}\nctrl+r recovers it now.")
            self.all_notes = []
        else:
            self.unreadable = False
            self.show_error("")
        self.refresh_bindings()
        self.gone = {n.id: self._entry_gone(n) for n in self.all_notes}
        self.apply_filter()

    def _entry_gone(self, note) -> bool:
        try:
            return self.store.resolve(note.target_kind, note.target_id) is None
        except Exception:  # noqa: BLE001 - no corpus: every entry is gone
            return True

    def show_error(self, message: str) -> None:
        error = self.query_one("#notes-error", Static)
        error.update(literal(message))
        error.set_class(bool(message), "shown")

    def apply_filter(self) -> None:
        words = self.query_one("#notes-filter", Input).value.casefold().split()
        listing = self.query_one("#notes-list", OptionList)
        keep = listing.highlighted_option.id if listing.highlighted_option else None
        self.shown = [n for n in self.all_notes if matches(n, words, self.gone.get(n.id, False))]
        listing.set_options(Option(note_prompt(n, self.gone[n.id]), id=n.id) for n in self.shown)
        ids = [n.id for n in self.shown]
        if ids:
            listing.highlighted = ids.index(keep) if keep in ids else 0
        self.query_one("#notes-title", Static).update(
            f"Notes (newest first): {len(self.shown)} of {len(self.all_notes)}"
        )

    def current(self):
        listing = self.query_one("#notes-list", OptionList)
        if listing.highlighted is None or not self.shown:
            return None
        return self.shown[listing.highlighted]

    # -- events ------------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        self.apply_filter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.jump()

    def on_key(self, event) -> None:
        """up/down in the filter move the highlight; down past it enters the list."""
        if not isinstance(self.focused, Input):
            return
        listing = self.query_one("#notes-list", OptionList)
        if event.key == "down":
            event.stop()
            listing.focus()
        elif event.key == "up":
            event.stop()
            listing.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.jump()

    def jump(self) -> None:
        note = self.current()
        if note is None:
            return
        if self.gone.get(note.id):
            self.app.notify(
                f"That entry is gone (the corpus was rebuilt). It was: {literal(note.context)}",
                severity="warning",
                markup=False,
            )
            return
        resolved = self.store.resolve(note.target_kind, note.target_id) or note.target_id
        self.dismiss((note.target_kind, resolved))

    # -- actions -----------------------------------------------------------------------------
    def _in_filter(self) -> bool:
        return isinstance(self.focused, Input)

    def check_action(self, action: str, parameters) -> bool | None:
        """e, d and u are letters: while the filter has focus they are typed, not actions."""
        if action in ("edit", "delete", "undo") and self._in_filter():
            return False
        if action == "recover":
            return self.unreadable
        return True

    def action_close(self) -> None:
        self.dismiss(None)

    def action_recover(self) -> None:
        """Move the damaged file aside and bring back its last good copy."""
        try:
            self.store.notes.recover()
        except Exception as error:  # noqa: BLE001 - say why; the damaged file stays put
            self.show_error(f"Recovery failed: {error}")
            return
        self.reload()
        self.app.refresh_data()
        self.app.notify("Notes recovered from the last good copy.")

    def action_focus_filter(self) -> None:
        self.query_one("#notes-filter", Input).focus()

    def action_edit(self) -> None:
        note = self.current()
        if note is not None:
            edit_note(self.app, note, on_saved=lambda _: self.reload())

    def action_delete(self) -> None:
        note = self.current()
        if note is None:
            return
        try:
            self.store.notes.delete(note.id)
        except Exception as error:  # noqa: BLE001 - keep the note listed, say why
            self.show_error(error_message(error).replace("Not saved", "Not deleted"))
            return
        self.deleted.append(note.id)
        self.reload()
        self.app.refresh_data()
        self.app.notify("Note deleted: u brings it back.")

    def action_undo(self) -> None:
        if not self.deleted:
            self.app.notify("Nothing to undo.")
            return
        note_id = self.deleted[-1]
        try:
            self.store.notes.restore(note_id)
        except Exception as error:  # noqa: BLE001
            self.show_error(error_message(error).replace("Not saved", "Not restored"))
            return
        self.deleted.pop()
        self.reload()
        listing = self.query_one("#notes-list", OptionList)
        ids = [n.id for n in self.shown]
        if note_id in ids:
            listing.highlighted = ids.index(note_id)
        self.app.refresh_data()
        self.app.notify("Note restored.")


def jump_target(app):
    """The app's way to move to an entry: its `jump_to(kind, id)`, else select it in the panes."""
    own = getattr(app, "jump_to", None)
    if own is not None:
        return own
    if hasattr(app, "pane"):
        return lambda kind, entry_id: jump_to_entry(app, kind, entry_id)
    return None


def show_notes(app, on_jump=None) -> None:
    """`n`: open the notes list; on enter, move the dashboard to the note's entry."""
    jump = on_jump or jump_target(app)

    def chosen(target) -> None:
        if target is None:
            return
        if jump is None:
            app.notify(literal(f"Entry: {target[0]} {target[1]}"), markup=False)
        else:
            jump(*target)

    app.push_screen(NotesScreen(app.store), chosen)
