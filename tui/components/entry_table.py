"""A virtual list of store entries: only the lines on screen are ever rendered.

Built on Textual's Line API (a `ScrollView` whose `render_line(y)` returns a `Strip`), so a
pane of 100,000 entries costs what its visible rows cost. The pane hands over its entries
with `show(items, key_of, make_row)`; a `Row` (cells as Rich `Text`, never markup) is built
only when its lines are drawn or it is selected, and forgotten when the list changes. Rows are
keyed by entry id: a new list keeps the cursor on the same entry when it is still there.
An empty list draws its message (why it is empty) under the header, in place of rows: the
widget keeps its size, so emptying a list or filling it again never asks for a new layout.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.actions import actions_for

ROW_CACHE = 512  # rows kept built (a few screens' worth); the rest are rebuilt on demand
CELL_PADDING = 1  # blank cells either side of every column


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


def _row_key(row: Row) -> str:
    return row.key


def _same(row: Row) -> Row:
    return row


def _fit(cell: Text, width: int) -> Text:
    """One line of a cell cut or padded to exactly `width` cells (right-justified if asked)."""
    text = cell.copy()
    if text.cell_len > width:
        text.truncate(width, overflow="ellipsis")
    gap = width - text.cell_len
    if gap > 0 and cell.justify == "right":
        text.pad_left(gap)
    elif gap > 0:
        text.pad_right(gap)
    return text


class _Keys(Mapping):
    """`table.by_key`: key → Row, for membership tests and look-ups (built on first use)."""

    def __init__(self, table: EntryTable) -> None:
        self._table = table

    def __getitem__(self, key: str) -> Row:
        return self._table.row_at(self._table.index_of_key(key))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._table.index_of_key(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._table.keys())

    def __len__(self) -> int:
        return self._table.row_count


class EntryTable(ScrollView, can_focus=True):
    """One pane's list: a header line, a row cursor, vim keys, rows keyed by entry."""

    BINDINGS = _bindings()
    COMPONENT_CLASSES = {"entry-table--header", "entry-table--cursor", "entry-table--empty"}
    DEFAULT_CSS = """
    EntryTable {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        &:focus {
            background-tint: $foreground 5%;
            & > .entry-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .entry-table--header {
                background-tint: $foreground 5%;
            }
        }
        & > .entry-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .entry-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .entry-table--empty {
            color: $text-muted;
        }
        & > .entry-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    class Highlighted(Message):
        """The cursor rests on another entry (moved by a key, a click or a new list)."""

        def __init__(self, table: EntryTable, key: str | None) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> EntryTable:
            return self.table

    def __init__(
        self, columns: Sequence[tuple[str, str, int | None]] = (), *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.columns = tuple(columns)  # (key, label, width or None = share the rest)
        self.cursor_row = 0
        self.row_height = 1
        self._items: Sequence = ()
        self._key_of: Callable[[object], str] = _row_key
        self._make_row: Callable[[object], Row] = _same
        self._index: dict[str, int] | None = None  # key → index, built when first asked
        self._rows: dict[int, Row] = {}
        self._lines: dict[tuple, Strip] = {}  # drawn lines by list index (a new list drops them)
        self._laid_out: dict[tuple, tuple[Row, Strip]] = {}  # a row's text per line and width
        self._widths: tuple[int, ...] = ()
        self.empty_message = ""  # drawn under the header while the list is empty
        self._empty_style = Style()
        self.by_key = _Keys(self)

    # -- the list --------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self._items)

    def show(
        self,
        items: Sequence,
        key_of: Callable[[object], str] = _row_key,
        make_row: Callable[[object], Row] = _same,
        row_height: int = 1,
        prefer: str | None = None,
    ) -> None:
        """List these entries (rows are built later, only those drawn or selected).

        The cursor stays on the same entry if the new list has it, else goes to `prefer` if
        listed (the entry the app still shows, after a list that lacked it), else to the top;
        a `Highlighted` message is sent when the selected entry changes.
        """
        before = self.selected_key()
        self._items = items
        self._key_of, self._make_row = key_of, make_row
        self.row_height = max(row_height, 1)
        self._index = None
        self._rows.clear()
        self._lines.clear()
        index = self._find(before) if before is not None else None
        if index is None and prefer is not None and prefer != before:
            index = self._find(prefer)
        self.cursor_row = index if index is not None else 0
        self._update_virtual_size()
        self._scroll_to_cursor(keep=index is not None)
        self.refresh()
        after = self.selected_key()
        if after != before:
            self.post_message(self.Highlighted(self, after))

    def set_empty_message(self, message: str) -> None:
        """What an empty list says instead of rows (redrawn only when it changes)."""
        if message != self.empty_message:
            self.empty_message = message
            if not self._items:
                self.refresh()

    def rows_changed(self) -> None:
        """The pane now makes other rows for the same entries (the timeline's marks): rebuild
        the rows on screen and redraw only the lines of those that differ."""
        old, self._rows = self._rows, {}
        self._lines.clear()
        if not self._items:
            return
        top = int(self.scroll_offset.y) // self.row_height
        bottom = min(top + self.page_rows + 2, len(self._items))
        for index in range(top, bottom):
            if self.row_at(index) is not old.get(index):
                self._refresh_row(index)

    def keys(self) -> list[str]:
        return [self._key_of(item) for item in self._items]

    def index_of_key(self, key: str) -> int | None:
        if self._index is None:
            self._index = {self._key_of(item): n for n, item in enumerate(self._items)}
        return self._index.get(key)

    def _find(self, key: str) -> int | None:
        """The index of a key without building the whole index (stops at the first match)."""
        if self._index is not None:
            return self._index.get(key)
        find = getattr(self._items, "find", None)
        if find is not None:  # the list can look an entry up without making the others
            return find(key)
        key_of = self._key_of
        for n, item in enumerate(self._items):
            if key_of(item) == key:
                return n
        return None

    def row_at(self, index: int | None) -> Row | None:
        if index is None or not 0 <= index < len(self._items):
            return None
        row = self._rows.get(index)
        if row is None:
            if len(self._rows) >= ROW_CACHE:
                self._rows.clear()
            row = self._rows[index] = self._make_row(self._items[index])
        return row

    def get_row(self, key: str) -> list:
        """The cells of the row with this key (KeyError if it is not listed)."""
        row = self.row_at(self.index_of_key(key))
        if row is None:
            raise KeyError(key)
        return list(row.cells)

    def selected_key(self) -> str | None:
        if not 0 <= self.cursor_row < len(self._items):
            return None
        return self._key_of(self._items[self.cursor_row])

    def selected_row(self) -> Row | None:
        return self.row_at(self.cursor_row) if self._items else None

    def select_key(self, key: str) -> bool:
        index = self._find(key)
        if index is None:
            return False
        self.move_cursor(index)
        return True

    # -- the cursor ------------------------------------------------------------------------
    def move_cursor(self, row: int) -> None:
        """Put the cursor on a row (clamped), scroll it into view, say so if it moved."""
        if not self._items:
            return
        row = max(0, min(row, len(self._items) - 1))
        if row == self.cursor_row:
            return
        old, self.cursor_row = self.cursor_row, row
        if not self._scroll_to_cursor(keep=True):
            self._refresh_row(old)
            self._refresh_row(row)
        self.post_message(self.Highlighted(self, self.selected_key()))

    @property
    def page_rows(self) -> int:
        """How many whole rows fit under the header."""
        return max((self.scrollable_content_region.height - 1) // self.row_height, 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor_row - 1)

    def action_cursor_first(self) -> None:
        self.move_cursor(0)

    def action_cursor_last(self) -> None:
        self.move_cursor(len(self._items) - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor_row + self.page_rows)

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor_row - self.page_rows)

    def action_open_source(self) -> None:
        self.app.action_open_source()

    def on_click(self, event: Click) -> None:
        if event.y < 1:
            return
        line = int(self.scroll_offset.y) + event.y - 1
        self.move_cursor(line // self.row_height)

    def _scroll_to_cursor(self, keep: bool) -> bool:
        """Scroll so the cursor row is on screen; True if the view moved."""
        top = self.cursor_row * self.row_height
        visible = max(self.scrollable_content_region.height - 1, self.row_height)
        y = int(self.scroll_offset.y)
        if not keep:
            target = 0 if top < visible else top
        elif top < y:
            target = top
        elif top + self.row_height > y + visible:
            target = top + self.row_height - visible
        else:
            return False
        if target == y:
            return False
        self.scroll_to(y=target, animate=False, immediate=True)
        self.refresh()
        return True

    def _refresh_row(self, index: int) -> None:
        y = 1 + index * self.row_height - int(self.scroll_offset.y)
        self.refresh(Region(0, y, self.size.width, self.row_height))

    # -- drawing ---------------------------------------------------------------------------
    def _update_virtual_size(self) -> None:
        """Set the scrollable height; a new layout (which repaints every pane) only when the
        scrollbar appears or goes, as a longer or shorter list changes nothing else around."""
        size = Size(0, 1 + len(self._items) * self.row_height)
        old = self.virtual_size
        if size == old:
            return
        height = self.size.height
        if height and (old.height > height) == (size.height > height):
            self.set_reactive(EntryTable.virtual_size, size)
            self._scroll_update(size)
            self.refresh()
        else:
            self.virtual_size = size

    def on_resize(self) -> None:
        self._lines.clear()  # (laid-out rows are kept: they are keyed by width)
        self._update_virtual_size()
        self.call_after_refresh(self._scroll_to_cursor, True)  # a smaller view keeps the cursor

    def column_widths(self, width: int) -> tuple[int, ...]:
        """Each column's text width: fixed ones as declared, the rest share what is left."""
        pad = 2 * CELL_PADDING
        fixed = sum(w + pad for _, _, w in self.columns if w is not None)
        flex = sum(1 for _, _, w in self.columns if w is None)
        share = max((width - fixed) // flex - pad, 12) if flex else 0
        return tuple(w if w is not None else share for _, _, w in self.columns)

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.scrollable_content_region.width
        self._widths = self.column_widths(width)
        self._base = self.rich_style
        self._cursor_style = self.get_component_rich_style("entry-table--cursor")
        self._header_style = self.get_component_rich_style("entry-table--header")
        if not self._items:
            self._empty_style = self.get_component_rich_style("entry-table--empty")
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            key = ("header", width, self._base, self._header_style)
            return self._cached(key, self._header_line)
        line = int(self.scroll_offset.y) + y - 1
        if not self._items:
            key = ("empty", line, width, self.empty_message, self._base, self._empty_style)
            return self._cached(key, lambda: self._empty_line(line, width))
        index, part = divmod(line, self.row_height)
        if index >= len(self._items):
            return Strip.blank(width, self._base)
        style = self._cursor_style if index == self.cursor_row else None
        key = (index, part, width, self._base, style)
        return self._cached(key, lambda: self._styled(index, part, width, style))

    def _styled(self, index: int, part: int, width: int, over: Style | None) -> Strip:
        """A row line in the current styles; its text is laid out once per width (and kept
        across lists while the pane hands over the same Row, e.g. back on an issue)."""
        raw = self._row_line(index, part, width)
        if over is not None:
            raw = Strip(Segment.apply_style(raw, post_style=over), width)
        return raw.apply_style(self._base).simplify()

    def _cached(self, key: tuple, make: Callable[[], Strip]) -> Strip:
        strip = self._lines.get(key)
        if strip is None:
            if len(self._lines) > 8 * ROW_CACHE:
                self._lines.clear()
            strip = self._lines[key] = make()
        return strip

    def _empty_line(self, line: int, width: int) -> Strip:
        """Line `line` of the empty-list message, wrapped to the width (one cell of padding
        either side, like the rows' cells)."""
        inner = max(width - 2 * CELL_PADDING, 1)
        lines = Text(self.empty_message).wrap(self.app.console, inner) if self.empty_message else []
        if line >= len(lines):
            return Strip.blank(width, self._base)
        text = Text(" " * CELL_PADDING, end="")
        text.append_text(lines[line])
        strip = Strip(list(text.render(self.app.console))).adjust_cell_length(width)
        strip = Strip(Segment.apply_style(strip, post_style=self._empty_style), width)
        return strip.apply_style(self._base).simplify()

    def _header_line(self) -> Strip:
        cells = [Text(label) for _, label, _ in self.columns]
        strip = self._strip(cells, 0)
        strip = Strip(Segment.apply_style(strip, post_style=self._header_style), strip.cell_length)
        return strip.apply_style(self._base).simplify()

    def _row_line(self, index: int, part: int, width: int) -> Strip:
        row = self.row_at(index)
        if row is None:
            return self._strip((), part)
        key = (id(row), part, width)
        kept = self._laid_out.get(key)
        if kept is not None and kept[0] is row:
            return kept[1]
        if len(self._laid_out) > 8 * ROW_CACHE:
            self._laid_out.clear()
        strip = self._strip(row.cells, part)
        self._laid_out[key] = (row, strip)
        return strip

    def _strip(self, cells: Sequence, part: int) -> Strip:
        """Line `part` of a row's cells padded into the columns, in the cells' own styles."""
        line = Text(no_wrap=True, end="")
        pad = " " * CELL_PADDING
        for cell, width in zip(cells, self._widths, strict=False):
            if isinstance(cell, Text) and "\n" in cell.plain:
                pieces = cell.split("\n")
                piece = pieces[part] if part < len(pieces) else Text("")
                piece.justify = cell.justify
            elif part == 0:
                piece = cell if isinstance(cell, Text) else Text(str(cell))
            else:
                piece = Text("")
            line.append(pad)
            line.append_text(_fit(piece, width))
            line.append(pad)
        width = self.scrollable_content_region.width
        return Strip(list(line.render(self.app.console))).adjust_cell_length(width)
