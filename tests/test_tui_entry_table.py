"""Pilot tests of the virtual entry list: only what is on screen is built, keys move the cursor,
a new list keeps the cursor on the same entry, a filter narrows a pane of 50,000 entries."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from rich.text import Text
from textual.app import App, ComposeResult

from tui.components.entry_table import ROW_CACHE, EntryTable, Row
from tui.components.pane import Pane

MANY = 50_000
COLUMNS = (("n", "N", 6), ("what", "What", None))


@dataclass(frozen=True)
class Item:
    id: str
    n: int
    words: str


def items(count: int, start: int = 0, tag: str = "") -> list[Item]:
    return [
        Item(f"e{n}", n, f"entry {n} {tag} {'even' if n % 2 == 0 else 'odd'}")
        for n in range(start, start + count)
    ]


class CountingPane(Pane):
    """A pane over `Item`s that counts the rows it is asked to build."""

    pane_id = "things"
    title = "Things"
    noun = "things"
    columns = COLUMNS

    def __init__(self, height: int = 1) -> None:
        self.row_height = height
        super().__init__()
        self.built = 0

    def key_of(self, item: Item) -> str:
        return item.id

    def make_row(self, item: Item) -> Row:
        self.built += 1
        what = Text(f"[b]{item.words}[/b]")
        if self.row_height == 2:
            what.append(f"\nsecond line of {item.n}", style="dim")
        return Row(
            key=item.id,
            cells=(Text(str(item.n), justify="right"), what),
            entry=("thing", item.id),
            detail=Text(f"detail of {item.n}"),
            height=self.row_height,
        )

    def fill(self, entries: list[Item]) -> None:
        self.set_items(entries, lambda i: i.words.casefold(), "Nothing here.")


class ListApp(App):
    def __init__(self, height: int = 1) -> None:
        super().__init__()
        self.height_ = height
        self.highlighted: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield CountingPane(self.height_)

    def on_mount(self) -> None:
        self.query_one(CountingPane).table.focus()

    def on_entry_table_highlighted(self, event: EntryTable.Highlighted) -> None:
        self.highlighted.append(event.key)

    def action_open_source(self) -> None:
        pass

    @property
    def pane(self) -> CountingPane:
        return self.query_one(CountingPane)


def screen_text(app: App) -> str:
    svg = app.export_screenshot()
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(texts)).replace("\xa0", " ")


async def test_a_list_of_50000_builds_only_the_rows_on_screen():
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.pane
        pane.fill(items(MANY))
        await pilot.pause()
        table = pane.table
        assert table.row_count == MANY
        assert pane.built < 40  # the visible rows (and the selected one), not 50,000
        assert "[b]entry 0  even[/b]" in screen_text(app)  # literal, never markup
        assert pane.subtitle() == "50,000"


async def test_keys_move_page_and_jump():
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.pane
        pane.fill(items(MANY))
        await pilot.pause()
        table = pane.table
        await pilot.press("j", "j", "down")
        assert table.cursor_row == 3
        await pilot.press("k")
        assert table.cursor_row == 2
        page = table.page_rows
        assert 5 < page < 20
        await pilot.press("pagedown")
        assert table.cursor_row == 2 + page
        await pilot.press("pageup", "pageup")
        assert table.cursor_row == 0
        await pilot.press("G")
        assert table.cursor_row == MANY - 1
        assert table.selected_key() == f"e{MANY - 1}"
        assert f"entry {MANY - 1}" in screen_text(app)  # scrolled to the end
        assert "detail of 49999" in str(pane.detail.render())
        await pilot.press("j")  # at the end: stays
        assert table.cursor_row == MANY - 1
        await pilot.press("g")
        assert table.cursor_row == 0
        assert "entry 0 " in screen_text(app)
        assert pane.built < 200
        assert app.highlighted[-1] == "e0"


async def test_select_key_scrolls_to_the_entry():
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.pane
        pane.fill(items(MANY))
        await pilot.pause()
        assert pane.table.select_key("e31337")
        await pilot.pause()
        assert pane.selected().key == "e31337"
        assert "entry 31337" in screen_text(app)
        assert not pane.table.select_key("nope")
        assert "e31337" in pane.table.by_key and "nope" not in pane.table.by_key
        assert pane.table.get_row("e7")[0].plain == "7"


async def test_a_new_list_keeps_the_cursor_on_the_same_entry_in_place():
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.pane
        pane.fill(items(MANY))
        await pilot.pause()
        pane.table.select_key("e40000")
        await pilot.pause()
        app.highlighted.clear()
        # Another 50,000 entries that share e40000 onwards: the switch is in place.
        built = pane.built
        pane.fill(items(MANY, start=25_000, tag="new"))
        await pilot.pause()
        assert pane.selected().key == "e40000"
        assert pane.table.cursor_row == 15_000
        assert pane.built - built < 40
        assert app.highlighted == []  # the same entry stays selected: nothing to announce
        assert "entry 40000 new" in screen_text(app)
        # A list without the entry: back to the top, and the new selection is announced.
        pane.fill(items(10, start=90_000))
        await pilot.pause()
        assert pane.table.cursor_row == 0 and app.highlighted == ["e90000"]


async def test_filter_narrows_50000_and_esc_style_clear_restores():
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.pane
        pane.fill(items(MANY))
        await pilot.pause()
        pane.open_filter()
        await pilot.press(*"entry 4999")
        assert pane.filter_text == "entry 4999"
        keys = pane.table.keys()
        assert keys[0] == "e4999" and "e49990" in keys
        assert all(k.startswith("e4999") for k in keys)
        assert pane.subtitle().startswith(f"{len(keys):,} of 50,000")
        await pilot.press("2")  # typing on narrows what already matched
        assert pane.table.keys() == ["e49992"]
        await pilot.press("backspace", "backspace", "8")  # a shorter needle searches again
        assert pane.filter_text == "entry 4998"
        assert pane.table.keys()[0] == "e4998"
        await pilot.press(*"zzz")
        assert pane.table.row_count == 0
        assert "No things match" in pane.empty_text
        pane.clear_filter()
        await pilot.pause()
        assert pane.table.row_count == MANY


async def test_two_line_rows_draw_both_lines_and_a_click_selects():
    app = ListApp(height=2)
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.pane
        pane.fill(items(1000))
        await pilot.pause()
        text = screen_text(app)
        assert "second line of 0" in text and "second line of 1" in text
        await pilot.press("j")
        assert pane.table.cursor_row == 1
        await pilot.click(EntryTable, offset=(5, 1 + 2 * 3))  # under the header: row 3
        assert pane.table.cursor_row == 3
        await pilot.press("G")
        assert "second line of 999" in screen_text(app)


def test_row_cache_is_bounded():
    table = EntryTable(COLUMNS)
    rows = [Row(key=f"k{n}", cells=(Text(str(n)), Text("x"))) for n in range(3 * ROW_CACHE)]
    table._items = rows
    for n in range(len(rows)):
        assert table.row_at(n).key == f"k{n}"
    assert len(table._rows) <= ROW_CACHE
    assert table.row_at(len(rows)) is None


async def test_an_empty_list_says_why_in_place_without_a_new_layout():
    app = ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.pane
        pane.fill(items(3))
        await pilot.pause()
        size = pane.table.size
        layouts = []
        refresh_layout = app.screen._refresh_layout

        def note_layout(*args, **kwargs):
            layouts.append(args)
            return refresh_layout(*args, **kwargs)

        app.screen._refresh_layout = note_layout
        pane.fill([])
        await pilot.pause()
        assert pane.empty_text == "Nothing here."
        assert "Nothing here." in screen_text(app)
        assert pane.table.size == size  # the list keeps its room: nothing moves
        pane.fill(items(2))
        await pilot.pause()
        assert pane.empty_text == "" and "Nothing here." not in screen_text(app)
        assert layouts == []
