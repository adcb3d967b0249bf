"""What changed: since the previous time the dashboard was opened, the last call, or a date.

The lines come from the same `describe` as `parley changes`. Keys: o since the previous
opening, c since the last call, d a date or timestamp typed in, esc closes.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static


def note_open(app) -> str | None:
    """Record that the dashboard opened (call once on mount); keeps the previous opening."""
    from store.changes import record_open

    previous = record_open(app.store.data_dir)
    app.parley_previous_open = previous
    return previous


def changes_lines(store, when: str, previous_open: str | None = None) -> list[str]:
    """The changes since `when` (last-open means the opening before this one) as lines."""
    from store.changes import ChangesError, changes_since, parse_when
    from tui.cli_ingest import describe

    try:
        if when == "last-open" and previous_open:
            moment = previous_open
        else:
            moment = parse_when(when, store.data_dir, store.notes)
        return describe(changes_since(store.data_dir, moment, store))
    except ChangesError as e:
        return [str(e)]


class ChangesScreen(ModalScreen):
    """A scrollable list of what changed; the text of articles is shown literally."""

    DEFAULT_CSS = """
    ChangesScreen { align: center middle; }
    ChangesScreen > #changes-box {
        width: 90%; height: 80%; border: round $accent; padding: 0 1; background: $surface;
    }
    ChangesScreen #changes-date { display: none; }
    ChangesScreen #changes-date.shown { display: block; }
    ChangesScreen .muted { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "close", "Close", priority=True),
        Binding("o", "since('last-open')", "Since last opened"),
        Binding("c", "since('last-call')", "Since last call"),
        Binding("d", "ask_date", "Since a date"),
    ]

    def __init__(self, store, previous_open: str | None = None, when: str = "last-open"):
        super().__init__()
        self.store = store
        self.previous_open = previous_open
        self.when = when

    def compose(self) -> ComposeResult:
        with Vertical(id="changes-box"):
            with VerticalScroll():
                yield Static("", id="changes-body", markup=False)
            yield Input(placeholder="YYYY-MM-DD or ISO timestamp", id="changes-date")
            yield Static("o since last opened · c since last call · d a date · esc closes",
                         classes="muted")

    def on_mount(self) -> None:
        self.show(self.when)

    def show(self, when: str) -> None:
        self.when = when
        lines = changes_lines(self.store, when, self.previous_open)
        self.query_one("#changes-body", Static).update("\n".join(lines))

    def action_since(self, when: str) -> None:
        self.show(when)

    def action_ask_date(self) -> None:
        box = self.query_one("#changes-date", Input)
        box.add_class("shown")
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        event.input.remove_class("shown")
        if event.value.strip():
            self.show(event.value.strip())

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("since", "ask_date") and isinstance(self.focused, Input):
            return False  # typing a date: letters go to the input
        return True

    def action_close(self) -> None:
        if isinstance(self.focused, Input):
            self.focused.remove_class("shown")
            self.set_focus(None)
            return
        self.dismiss(None)


async def show_changes(app) -> None:
    """The changes key's action: what changed since the previous opening of the dashboard."""
    previous = getattr(app, "parley_previous_open", None)
    app.push_screen(ChangesScreen(app.store, previous))
