"""The note editor: a one-line box at the bottom of the screen for typing during a call.

enter saves; esc closes. Decision on esc: nothing typed is ever thrown away silently. Closing
with text that was not saved keeps it as a *draft* for that entry (or that note, when editing);
reopening the editor on the same entry brings the draft back. To discard a draft, clear the
line (ctrl+u) and press esc. Drafts live in the running app (not on disk): they outlast the
editor, not the process. Control characters (a pasted escape sequence) are spelled out as
`\x1b` in the box, so they are stored as visible text and never reach the terminal raw.

A note counts as saved only after `NotesStore.add`/`edit` returned (the store has synced it to
disk). When the store raises (read-only folder, full disk, corrupt file) the message is shown in
the editor and the text stays in the box, so the analyst can retry or copy it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.components.notes_render import literal

DraftKey = tuple[str, ...]


def drafts_of(app) -> dict[DraftKey, str]:
    """The app's unsaved note texts, by entry (new notes) or by note id (edits)."""
    drafts = getattr(app, "note_drafts", None)
    if drafts is None:
        drafts = {}
        app.note_drafts = drafts
    return drafts


def error_message(error: BaseException) -> str:
    """One line for the analyst: the store's own message (it names the file and the fix)."""
    text = str(error)
    if isinstance(error, OSError) and len(error.args) == 1 and isinstance(error.args[0], str):
        text = error.args[0]  # an OSError whose errno was set afterwards hides its message
    text = text.strip() or type(error).__name__
    return f"Not saved: {text}"


class NoteEditor(ModalScreen):
    """Type a note on an entry (or change an existing note); dismisses with the saved Note."""

    DEFAULT_CSS = """
    NoteEditor {
        align: center bottom;
        background: $background 30%;
    }
    NoteEditor > #note-box {
        width: 100%;
        height: auto;
        border: round $accent;
        padding: 0 1;
        background: $surface;
    }
    NoteEditor #note-about { color: $text-muted; height: auto; max-height: 3; }
    NoteEditor #note-error { color: $error; height: auto; display: none; }
    NoteEditor #note-error.shown { display: block; }
    NoteEditor #note-hint { color: $text-muted; height: 1; }
    """

    BINDINGS = [Binding("escape", "close", "Close (keeps a draft)", priority=True)]

    def __init__(
        self,
        notes,
        kind: str,
        target_id: str,
        *,
        context: str = "",
        note=None,
        drafts: dict[DraftKey, str] | None = None,
    ):
        super().__init__()
        self.notes = notes
        self.kind = kind
        self.target_id = target_id
        self.context = context
        self.note = note
        self.drafts = drafts if drafts is not None else {}
        self.saved = None

    @property
    def draft_key(self) -> DraftKey:
        if self.note is not None:
            return ("edit", self.note.id)
        return ("new", self.kind, self.target_id)

    @property
    def original(self) -> str:
        """The text the box starts from: control characters spelled out, never sent raw."""
        return literal(self.note.text) if self.note is not None else ""

    def compose(self) -> ComposeResult:
        verb = "Edit note" if self.note is not None else "Note"
        about = f"{verb} on {self.kind}: {self.context or self.target_id}"
        start = literal(self.drafts.get(self.draft_key, self.original))
        with Vertical(id="note-box"):
            yield Static(literal(about), id="note-about", markup=False)
            yield Input(value=start, placeholder="What was said…", id="note-input")
            yield Static("", id="note-error", markup=False)
            restored = " · draft restored" if self.draft_key in self.drafts else ""
            yield Static(f"enter save · esc close, text kept as draft{restored}", id="note-hint")

    def on_input_changed(self, event: Input.Changed) -> None:
        """A paste may carry control characters: spell them out before they are drawn."""
        clean = literal(event.value)
        if clean != event.value:
            event.input.value = clean
            event.input.cursor_position = len(clean)

    def on_mount(self) -> None:
        box = self.query_one("#note-input", Input)
        box.focus()
        box.cursor_position = len(box.value)

    def show_error(self, message: str) -> None:
        error = self.query_one("#note-error", Static)
        error.update(literal(message))
        error.add_class("shown")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.show_error("Nothing to save (esc closes; use d in the notes list to delete).")
            return
        if self.note is not None and event.value == self.original:
            self.drafts.pop(self.draft_key, None)
            self.dismiss(None)  # unchanged: nothing to save
            return
        try:
            if self.note is not None:
                saved = self.notes.edit(self.note.id, text)
            else:
                saved = self.notes.add(self.kind, self.target_id, text, context=self.context)
        except Exception as error:  # noqa: BLE001 - any store failure: show it, keep the text
            self.show_error(error_message(error))
            return
        self.drafts.pop(self.draft_key, None)
        self.saved = saved
        self.dismiss(saved)

    def action_close(self) -> None:
        text = self.query_one("#note-input", Input).value
        if text.strip() and text != self.original:
            self.drafts[self.draft_key] = text
            self.app.notify("Draft kept: reopen the editor on this entry to finish it.")
        else:
            self.drafts.pop(self.draft_key, None)
        self.dismiss(None)


def annotate(app) -> None:
    """`a`: open the editor on the entry under the cursor; refresh the panes once it is saved."""
    entry = app.current_entry()
    if entry is None:
        app.notify("Move to an entry first, then press a to note on it.", severity="warning")
        return
    kind, target_id = entry
    try:
        context = app.store.entry_text(kind, target_id)
    except Exception:  # noqa: BLE001 - the context is a courtesy; the note matters more
        context = ""

    def saved(note) -> None:
        if note is None:
            return
        app.refresh_data()
        app.notify("Note saved.")

    app.push_screen(
        NoteEditor(app.store.notes, kind, target_id, context=context, drafts=drafts_of(app)),
        saved,
    )


def edit_note(app, note, on_saved=None) -> None:
    """Open the editor on an existing note (from the notes list)."""

    def saved(result) -> None:
        if result is None:
            return
        app.refresh_data()
        app.notify("Note saved.")
        if on_saved is not None:
            on_saved(result)

    app.push_screen(
        NoteEditor(
            app.store.notes,
            note.target_kind,
            note.target_id,
            context=note.context,
            note=note,
            drafts=drafts_of(app),
        ),
        saved,
    )
