"""`?`: the keys of the focused pane, read from the action registry."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.actions import actions_for_pane

PANE_NAMES = {
    "issues": "Issues",
    "positions": "Positions",
    "quotes": "Quotes",
    "timeline": "Timeline",
    "reader": "Source reader",
}


def keys_table(pane: str) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_column("key", style="bold cyan", no_wrap=True)
    table.add_column("what")
    seen = set()
    for action in actions_for_pane(pane):
        if (action.key_label, action.description) in seen:
            continue
        seen.add((action.key_label, action.description))
        table.add_row(action.key_label, action.description)
    return table


class HelpScreen(ModalScreen):
    """A modal list of keys; any of esc, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, pane: str) -> None:
        super().__init__()
        self.pane = pane
        self.keys = keys_table(pane)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(self.keys, id="help-keys")

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = f"Keys — {PANE_NAMES.get(self.pane, self.pane)}"
        box.border_subtitle = "esc closes"

    async def action_dismiss(self, result=None) -> None:
        self.dismiss(result)
