"""A dashboard pane: a titled list of entries, a filter typed as you go, and a detail line.

Subclasses say which columns they show and turn store objects into `Row`s; the pane owns
filtering, the empty-state message and the detail of the selected entry. Rows are built only
for the entries on screen (the list is virtual), and the text a filter searches is built only
once a filter is typed, so a pane of tens of thousands of entries fills in constant time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from tui.components.detail import Detail
from tui.components.entry_table import EntryTable, Row
from tui.components.text import one_line


def _row_search(row: Row) -> str:
    return row.search


class Pane(Vertical, can_focus=False):
    """Base of the four panes."""

    ALLOW_MAXIMIZE = True
    pane_id = "pane"
    number = 0
    title = "Pane"
    columns: tuple[tuple[str, str, int | None], ...] = ()  # (key, label, width or None=flex)
    noun = "entries"
    row_height = 1  # screen lines per row (every row of a pane has the same)

    def __init__(self) -> None:
        super().__init__(id=self.pane_id, classes="pane")
        self.items: Sequence = ()
        self.total = self.shown = 0
        self.empty_message = "Loading…"
        self.filter_text = ""
        self._search_of: Callable[[object], str] = _row_search
        self._searches: list[str] | None = None  # built on the first filter, per item list
        self._found: tuple[str, list[int]] = ("", [])  # the last filter and what it matched
        self._height = self.row_height
        self.table = EntryTable(self.columns, id=f"{self.pane_id}-table")
        self.detail = Detail(classes="detail")
        self.filter_input: Input | None = None  # made on the first `/`: start-up skips it
        self._title_shown = self._subtitle_shown = ""
        self.prefer_key: str | None = None  # selected when the selected entry is not listed

    def compose(self) -> ComposeResult:
        yield self.table
        yield self.detail

    def on_mount(self) -> None:
        self.set_title()
        self.apply()

    def set_title(self, about: str | None = None) -> None:
        """The border title, "N Title · about"; set (and redrawn) only when it changes, as
        plain text (never markup)."""
        title = f"{self.number} {self.title}" + (f" · {about}" if about else "")
        if title != self._title_shown:
            self._title_shown = title
            self.border_title = Text(title)

    # -- rows ------------------------------------------------------------------------------
    def set_rows(self, rows: list[Row], empty_message: str) -> None:
        """Show ready-made rows (small lists)."""
        height = rows[0].height if rows else self.row_height
        self._show(rows, _row_search, empty_message, height)

    def set_items(
        self, items: Sequence, search_of: Callable[[object], str], empty_message: str
    ) -> None:
        """Show store objects; `make_row` builds rows only for what is drawn, `search_of`
        the lower-case text a filter matches, only once a filter is typed."""
        self._show(items, search_of, empty_message, self.row_height)

    def _show(self, items, search_of, empty_message: str, height: int) -> None:
        self.items = items
        self._search_of = search_of
        self._searches = None
        self._found = ("", [])
        self.empty_message = empty_message
        self._height = height
        self.apply()

    def make_row(self, item) -> Row:
        return item

    def key_of(self, item) -> str:
        return item.key

    def matches(self) -> Sequence:
        """The items the filter matches; typing on narrows the previous matches only."""
        needle = self.filter_text.casefold().strip()
        if not needle:
            return self.items
        if self._searches is None:
            ready = getattr(self.items, "search_texts", None)  # the store's, made by build
            searches = ready() if ready is not None else None
            if searches is None:
                search_of = self._search_of
                searches = [search_of(item) for item in self.items]
            self._searches = searches
        last, found = self._found
        if last and last in needle:
            pool = found
        else:
            pool = range(len(self.items))
        searches = self._searches
        hits = [n for n in pool if needle in searches[n]]
        self._found = (needle, hits)
        return _Picked(self.items, hits)

    def apply(self) -> None:
        found = self.matches()
        self.total, self.shown = len(self.items), len(found)
        if self.items and self.filter_text:
            msg = f"No {self.noun} match “{one_line(self.filter_text)}”. esc clears the filter."
        else:
            msg = self.empty_message
        self.table.set_empty_message(msg)  # drawn in the list itself: no change of layout
        self.table.show(found, self.key_of, self.make_row, self._height, self.prefer_key)
        subtitle = self.subtitle()
        if subtitle != self._subtitle_shown:  # (setting it redraws the whole border)
            self._subtitle_shown = subtitle
            self.border_subtitle = Text(subtitle)
        self.show_detail()

    @property
    def empty_text(self) -> str:
        """What the pane says while its list is empty ("" while it shows rows)."""
        return "" if self.shown else self.table.empty_message

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

    def on_entry_table_highlighted(self, event: EntryTable.Highlighted) -> None:
        self.show_detail()

    # -- filter ----------------------------------------------------------------------------
    def open_filter(self) -> None:
        if self.filter_input is None:
            self.filter_input = Input(placeholder=f"filter {self.noun}…", classes="filter")
            self.mount(self.filter_input, before=self.table)
        self.filter_input.display = True
        self.filter_input.value = self.filter_text
        self.filter_input.focus()

    def clear_filter(self) -> None:
        self.filter_text = ""
        if self.filter_input is not None:
            self.filter_input.value = ""
        self.apply()

    def close_filter(self) -> None:
        if self.filter_input is not None:
            self.filter_input.display = bool(self.filter_text)
        self.table.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.filter_text = event.value
        self.apply()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close_filter()


class _Picked(Sequence):
    """The items at some indexes, without copying them: a filter's matches."""

    def __init__(self, items: Sequence, indexes: list[int]) -> None:
        self._items = items
        self._indexes = indexes

    def __len__(self) -> int:
        return len(self._indexes)

    def __getitem__(self, n):
        if isinstance(n, slice):
            return [self._items[i] for i in self._indexes[n]]
        return self._items[self._indexes[n]]

    def find(self, key: str) -> int | None:
        """The position of an entry by key, if the items can look keys up."""
        find = getattr(self._items, "find", None)
        at = find(key) if find is not None else None
        if at is None:
            return None
        try:
            return self._indexes.index(at)
        except ValueError:
            return None
