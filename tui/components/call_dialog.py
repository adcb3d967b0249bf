"""`c`: start a call with a title, or end the running one.

Notes written while a call runs are tagged with it by the notes store, so a call's notes can
be read back together. Ending asks first (enter ends, esc keeps it running): a stray `c` in the
middle of a call must not end it.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.components.notes_editor import error_message
from tui.components.notes_render import literal, short_time


def default_title(now: datetime | None = None) -> str:
    return f"Call {(now or datetime.now()).strftime('%Y-%m-%d %H:%M')}"


class CallDialog(ModalScreen):
    """Start a call (with a title) or confirm ending the running one; dismisses with the Call."""

    DEFAULT_CSS = """
    CallDialog { align: center middle; }
    CallDialog > #call-box {
        width: 64; height: auto; border: round $accent; padding: 0 1; background: $surface;
    }
    CallDialog #call-error { color: $error; height: auto; display: none; }
    CallDialog #call-error.shown { display: block; }
    CallDialog .muted { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True),
        Binding("enter", "end_call", "End call", show=False),
    ]

    def __init__(self, notes, running=None):
        super().__init__()
        self.notes = notes
        self.running = running

    def compose(self) -> ComposeResult:
        with Vertical(id="call-box"):
            if self.running is None:
                yield Static("Start a call")
                yield Input(placeholder=default_title(), id="call-title")
                yield Static("enter starts · esc cancels", classes="muted")
            else:
                title = getattr(self.running, "title", "") or "untitled"
                started = short_time(getattr(self.running, "started", None))
                yield Static(literal(f"End the call “{title}” (started {started})?"), markup=False)
                yield Static("enter ends it · esc keeps it running", classes="muted")
            yield Static("", id="call-error", markup=False)

    def on_mount(self) -> None:
        if self.running is None:
            self.query_one("#call-title", Input).focus()

    def show_error(self, error: BaseException) -> None:
        widget = self.query_one("#call-error", Static)
        widget.update(literal(error_message(error)))
        widget.add_class("shown")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            call = self.notes.start_call(event.value.strip() or default_title())
        except Exception as error:  # noqa: BLE001 - keep the dialog and the title
            self.show_error(error)
            return
        self.dismiss(call)

    def check_action(self, action: str, parameters) -> bool | None:
        return self.running is not None if action == "end_call" else True

    def action_end_call(self) -> None:
        try:
            call = self.notes.end_call(getattr(self.running, "id", None))
        except Exception as error:  # noqa: BLE001
            self.show_error(error)
            return
        self.dismiss(call)

    def action_cancel(self) -> None:
        self.dismiss(None)


def toggle_call(app) -> None:
    """`c`: start a call when none runs, else offer to end the running one."""
    notes = app.store.notes
    try:
        running = notes.active_call()
    except Exception as error:  # noqa: BLE001 - corrupt notes file: say so
        app.notify(literal(f"Cannot read the notes: {error}"), severity="error", markup=False)
        return

    def done(call) -> None:
        if call is None:
            return
        app.refresh_data()
        title = getattr(call, "title", "")
        verb = "started" if running is None else "ended"
        app.notify(literal(f"Call {verb}: {title}"), markup=False)

    app.push_screen(CallDialog(notes, running), done)
