"""The source reader: the cleaned article, scrolled to the passage an entry came from.

The passage is selected (highlighted) in a read-only TextArea; esc returns to the dashboard,
whose panes are untouched, so the selection is where it was.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static, TextArea

from tui.actions import actions_for
from tui.components.footer import KeyFooter
from tui.components.text import one_line, visible


def offset_to_location(text: str, offset: int) -> tuple[int, int]:
    """A character offset as TextArea's (row, column)."""
    offset = max(0, min(offset, len(text)))
    row = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1)
    return row, column


def _bindings() -> list[Binding]:
    return [
        Binding(a.keys, a.id, a.description, show=a.show, key_display=a.key_display)
        for a in actions_for("reader")
    ]


class ReaderScreen(Screen):
    """One article, with the passage behind an entry highlighted."""

    BINDINGS = _bindings()

    def __init__(self, source, text: str, start: int, end: int, entry: tuple[str, str]) -> None:
        super().__init__()
        self.source = source
        self.text = visible(text)
        self.start = start
        self.end = end
        self.entry = entry

    def compose(self) -> ComposeResult:
        yield Static(self._heading(), id="reader-heading", markup=False)
        yield TextArea(
            self.text,
            read_only=True,
            soft_wrap=True,
            show_line_numbers=False,
            id="reader-text",
        )
        yield KeyFooter()

    def _heading(self) -> Text:
        s = self.source
        heading = Text()
        heading.append(one_line(s.title) or "(untitled)", style="bold")
        heading.append("\n")
        heading.append(one_line(s.outlet) or "unknown outlet")
        heading.append(" · ")
        heading.append(s.published or "undated", style="" if s.published else "italic")
        if s.published and s.published_basis and s.published_basis != "stated":
            heading.append(f" ({s.published_basis})", style="dim")
        heading.append(" · ")
        heading.append(one_line(s.path), style="dim")
        kind, _ = self.entry
        heading.append(f"  [{kind} passage highlighted; esc returns]", style="dim")
        return heading

    @property
    def area(self) -> TextArea:
        return self.query_one("#reader-text", TextArea)

    def on_mount(self) -> None:
        self.area.focus()
        self.call_after_refresh(self.action_to_passage)

    @property
    def passage(self) -> tuple[tuple[int, int], tuple[int, int]]:
        return offset_to_location(self.text, self.start), offset_to_location(self.text, self.end)

    def action_to_passage(self) -> None:
        start, end = self.passage
        self.area.selection = self.area.selection.__class__(start, end)
        self.area.scroll_cursor_visible(center=True, animate=False)
        line = self.area.wrapped_document.location_to_offset(start)[1]
        self.area.scroll_to(y=max(line - self.area.size.height // 3, 0), animate=False)

    def action_close(self) -> None:
        self.dismiss()

    def action_scroll_down(self) -> None:
        self.area.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        self.area.scroll_relative(y=-1, animate=False)

    def action_scroll_home(self) -> None:
        self.area.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.area.scroll_end(animate=False)

    def action_page_down(self) -> None:
        self.area.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.area.scroll_page_up(animate=False)
