"""`s` on an issue: the analyst sets its status (agreed/narrowing/disputed/open) and a reason.

The evidence's status stays visible beside the analyst's choice; each change is stored with who,
when, from, to and why by `NotesStore.set_status`, and the history is shown in the dialog.
Keys: up/down choose, enter moves to the reason, enter there saves; esc cancels. "clear"
withdraws the analyst's status (stored as a change to None, so the history keeps it).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.model import STATUSES
from tui.components.notes_editor import error_message
from tui.components.notes_render import STATUS_STYLES, literal, override_status, short_time

HISTORY_SHOWN = 5
CLEAR = "clear"  # the analyst withdraws their status: the evidence's applies again


def history_lines(changes) -> Text:
    """The latest status changes, newest first: when, who, from → to, why."""
    recent = sorted(changes, key=lambda c: _when(c) or "", reverse=True)[:HISTORY_SHOWN]
    lines = []
    for change in recent:
        line = Text()
        line.append(short_time(_when(change)), style="dim")
        line.append(f" {literal(str(getattr(change, 'author', '') or ''))}: ", style="bold")
        before = getattr(change, "previous", None) or getattr(change, "from_status", None)
        line.append(f"{before or 'evidence'} → {change.status or 'evidence'}")
        reason = getattr(change, "reason", "")
        if reason:
            line.append(f" — {literal(reason)}")
        lines.append(line)
    return Text("\n").join(lines) if lines else Text("No status changes yet.", style="dim")


def _when(change) -> str | None:
    for name in ("at", "when", "created", "changed"):
        value = getattr(change, name, None)
        if value:
            return value
    return None


class StatusDialog(ModalScreen):
    """Choose a status and a reason for one issue; dismisses with the StatusChange or None."""

    DEFAULT_CSS = """
    StatusDialog { align: center middle; }
    StatusDialog > #status-box {
        width: 72; height: auto; border: round $accent; padding: 0 1; background: $surface;
    }
    StatusDialog #status-choices { height: auto; max-height: 7; }
    StatusDialog #status-error { color: $error; height: auto; display: none; }
    StatusDialog #status-error.shown { display: block; }
    StatusDialog .muted { color: $text-muted; height: auto; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", priority=True)]

    def __init__(self, notes, issue, override=None, history=()):
        super().__init__()
        self.notes = notes
        self.issue = issue
        self.override = override
        self.history = list(history)

    def compose(self) -> ComposeResult:
        current = override_status(self.override) or self.issue.status
        options = []
        for status in STATUSES:
            label = Text(status, style=STATUS_STYLES.get(status, ""))
            if status == self.issue.status:
                label.append("  (evidence)", style="dim")
            options.append(Option(label, id=status))
        options.append(Option(Text("clear: follow the evidence again", style="dim"), id=CLEAR))
        with Vertical(id="status-box"):
            yield Static(literal(f"Status of: {self.issue.title}"), markup=False)
            yield OptionList(*options, id="status-choices")
            yield Input(
                value=getattr(self.override, "reason", "") or "",
                placeholder="Why (optional) — enter saves",
                id="status-reason",
            )
            yield Static("", id="status-error", markup=False)
            yield Static(history_lines(self.history), classes="muted")
        self._initial = STATUSES.index(current) if current in STATUSES else 0

    def on_mount(self) -> None:
        choices = self.query_one("#status-choices", OptionList)
        choices.highlighted = self._initial
        choices.focus()

    @property
    def chosen(self) -> str | None:
        """The highlighted status; None for "clear"."""
        choices = self.query_one("#status-choices", OptionList)
        option = choices.get_option_at_index(choices.highlighted or 0)
        return None if option.id == CLEAR else option.id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#status-reason", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            change = self.notes.set_status(
                self.issue.id,
                self.chosen,
                event.value.strip(),
                evidence_status=self.issue.status,
            )
        except Exception as error:  # noqa: BLE001 - show it; the choice stays on screen
            error_widget = self.query_one("#status-error", Static)
            error_widget.update(literal(error_message(error)))
            error_widget.add_class("shown")
            return
        self.dismiss(change)

    def action_cancel(self) -> None:
        self.dismiss(None)


def set_status(app) -> None:
    """`s`: on an issue, open the status dialog; refresh the panes once the change is stored."""
    entry = app.current_entry()
    issue = None
    if entry is not None and entry[0] == "issue":
        issue = app.store.issue(entry[1])
    if issue is None:
        app.notify("Move to an issue first, then press s to set its status.", severity="warning")
        return
    notes = app.store.notes
    try:
        override = notes.status_overrides().get(issue.id)
        history = notes.status_history(issue.id)
    except Exception as error:  # noqa: BLE001 - corrupt notes: say so, do not open
        app.notify(literal(f"Cannot read the notes: {error}"), severity="error", markup=False)
        return

    def stored(change) -> None:
        if change is None:
            return
        app.refresh_data()
        shown = change.status or f"the evidence's ({issue.status})"
        app.notify(literal(f"{issue.title}: status set to {shown}."), markup=False)

    app.push_screen(StatusDialog(notes, issue, override, history), stored)
