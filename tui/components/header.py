"""The header line: the negotiation's name and the corpus at a glance (no clock: calm, testable)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.components.text import one_line


class HeaderBar(Static):
    def __init__(self) -> None:
        super().__init__("parley", id="header", markup=False)

    def show_summary(self, summary) -> None:
        text = Text()
        text.append(" parley ", style="bold reverse")
        text.append(" ")
        text.append(one_line(summary.negotiation), style="bold")
        text.append(
            f"   {summary.sources} sources · {summary.quotes} quotes · {summary.events} events"
            f" · latest report {summary.latest or 'undated'}",
            style="dim",
        )
        self.update(text)

    def show_message(self, message: str) -> None:
        text = Text()
        text.append(" parley ", style="bold reverse")
        text.append(" ")
        text.append(one_line(message))
        self.update(text)
