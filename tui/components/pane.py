"""A dashboard pane: a titled list of entries, a filter typed as you go, and a detail line.

Subclasses say which columns they show and turn store objects into `Row`s; the pane owns
filtering, the empty-state message and the detail of the selected entry.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Static

from tui.components.entry_table import EntryTable, Row
from tui.components.text import one_line


class Pane(Vertical, can_focus=False):
    """Base of the four panes."""

    ALLOW_MAXIMIZE = True
    pane_id = "pane"
    number = 0
    title = "Pane"
    columns: tuple[tuple[str, str, int | None], ...] = ()  # (key, label, width or None=flex)
    noun = "entries"
    limit = 500  # rows handed to the table at once; a filter reaches the rest

    def __init__(self) -> None:
        super().__init__(id=self.pane_id, classes="pane")
        self.items: list = []
        self.searches: list[str] = []
        self.total = self.shown = 0
        self.empty_message = "Loading…"
        self.filter_text = ""
        self.table = EntryTable(id=f"{self.pane_id}-table")
        self.empty = Static("", markup=False, classes="empty")
        self.detail = Static("", markup=False, classes="detail")
        self.filter_input = Input(placeholder=f"filter {self.noun}…", classes="filter")

    def compose(self) -> ComposeResult:
        yield self.filter_input
        yield self.table
        yield self.empty
        yield self.detail

    def on_mount(self) -> None:
        self.border_title = f"{self.number} {self.title}"
        self.filter_input.display = False
        for key, label, width in self.columns:
            self.table.add_column(label, key=key, width=width or 10)
        self._fit_columns()
        self.apply()

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Give the flexible columns whatever width the fixed ones leave."""
        fixed = sum(w + 2 for _, _, w in self.columns if w is not None)
        flex = [k for k, _, w in self.columns if w is None]
        if not flex or not self.table.columns or not self.size.width:
            return
        room = self.size.width - 2 - 1  # the border, the scrollbar
        width = max((room - fixed) // len(flex) - 2, 12)
        changed = False
        for key in flex:
            column = self.table.columns.get(key)
            if column is not None and column.width != width:
                column.width = width
                changed = True
        if changed:
            self.table._clear_caches()
            self.table._require_update_dimensions = True
            self.table.refresh()

    # -- rows ------------------------------------------------------------------------------
    def set_rows(self, rows: list[Row], empty_message: str) -> None:
        """Show ready-made rows (small lists)."""
        self.set_items(rows, [r.search for r in rows], empty_message)

    def set_items(self, items: list, searches: list[str], empty_message: str) -> None:
        """Show store objects; rows are built (by `make_row`) only for what is listed."""
        self.items = items
        self.searches = searches
        self.empty_message = empty_message
        self.apply()

    def make_row(self, item) -> Row:
        return item

    def matches(self) -> list:
        needle = self.filter_text.casefold().strip()
        if not needle:
            return self.items
        return [i for i, text in zip(self.items, self.searches, strict=True) if needle in text]

    def apply(self) -> None:
        found = self.matches()
        rows = [self.make_row(item) for item in found[: self.limit]]
        self.total, self.shown = len(self.items), len(found)
        if len(found) > self.limit:
            more = f"… {len(found) - self.limit:,} more: / narrows the list"
            rows.append(self._more_row(more))
        self.table.sync_rows(rows)
        self.set_class(not rows, "-empty")
        if rows:
            self.empty.display = False
        else:
            self.empty.display = True
            if self.items and self.filter_text:
                msg = f"No {self.noun} match “{one_line(self.filter_text)}”. esc clears the filter."
            else:
                msg = self.empty_message
            self.empty.update(msg)
        self.border_subtitle = self.subtitle()
        self.show_detail()

    def _more_row(self, message: str) -> Row:
        """A last row saying how many matches are not listed (the table stays small)."""
        flex = next((n for n, (_, _, w) in enumerate(self.columns) if w is None), 0)
        cells = [Text("")] * len(self.columns)
        cells[flex] = Text(message, style="dim italic")
        return Row(key="more", cells=tuple(cells), detail=Text(message))

    def subtitle(self) -> str:
        shown, total = self.shown, self.total
        text = f"{shown:,} of {total:,}" if shown != total else f"{total:,}"
        if self.filter_text:
            text += f" · /{one_line(self.filter_text, 20)}"
        return text

    def show_detail(self) -> None:
        """The selected entry in full, then its notes (when the app provides them)."""
        row = self.table.selected_row()
        text = row.detail.copy() if row else Text()
        notes_under = getattr(self.app, "notes_under", None)
        notes = notes_under(row.entry) if row and notes_under else None
        if notes:
            text.append("\n")
            text.append(notes)
        self.detail.update(text)

    def selected(self) -> Row | None:
        return self.table.selected_row()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    # -- filter ----------------------------------------------------------------------------
    def open_filter(self) -> None:
        self.filter_input.display = True
        self.filter_input.value = self.filter_text
        self.filter_input.focus()

    def clear_filter(self) -> None:
        self.filter_text = ""
        self.filter_input.value = ""
        self.apply()

    def close_filter(self) -> None:
        self.filter_input.display = bool(self.filter_text)
        self.table.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.filter_text = event.value
        self.apply()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close_filter()
