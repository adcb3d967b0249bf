"""A DataTable of store entries, keyed by entry id, updated in place.

DataTable renders only the visible rows, so a pane stays fast with tens of thousands of
entries. `sync_rows` updates changed cells when the rows are the same entries and rebuilds
(in one batch) only when the set of entries changed, keeping the cursor on the same entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from tui.actions import actions_for


@dataclass(frozen=True)
class Row:
    key: str
    cells: tuple
    search: str = ""  # the text a filter matches against (lower case)
    entry: tuple[str, str] | None = None  # (kind, id) for current_entry / the reader
    detail: Text = field(default_factory=Text)
    height: int = 1


def _bindings() -> list[Binding]:
    return [
        Binding(a.keys, a.id, a.description, show=a.show, key_display=a.key_display)
        for a in actions_for("list")
    ]


class EntryTable(DataTable):
    """One pane's list: row cursor, vim keys, rows keyed by entry."""

    BINDINGS = _bindings()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.by_key: dict[str, Row] = {}

    def selected_row(self) -> Row | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key((self.cursor_row, 0)).row_key.value
        return self.by_key.get(key)

    def sync_rows(self, rows: list[Row]) -> None:
        keys = [r.key for r in rows]
        current = [k.value for k in self.rows]
        self.by_key = {r.key: r for r in rows}
        if keys == current:
            columns = list(self.columns)
            for row in rows:
                old = self.get_row(row.key)
                for col, new, was in zip(columns, row.cells, old, strict=False):
                    if new != was:
                        self.update_cell(row.key, col, new)
            return
        selected = current[self.cursor_row] if current and self.cursor_row < len(current) else None
        with self.app.batch_update():
            self.clear()
            for row in rows:
                self.add_row(*row.cells, key=row.key, height=row.height)
            if selected in self.by_key:
                self.move_cursor(row=keys.index(selected), animate=False)
            elif rows:
                self.move_cursor(row=0, animate=False)

    def select_key(self, key: str) -> bool:
        if key not in self.by_key:
            return False
        self.move_cursor(row=self.get_row_index(key), animate=False)
        return True

    def action_cursor_first(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_cursor_last(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)

    def action_open_source(self) -> None:
        self.app.action_open_source()
