"""The source reader, help and command palette, driven with the pilot."""

from __future__ import annotations

from textual.command import CommandPalette

from tests.conftest import tiny_corpus
from tests.test_tui_app import SIZE, flat, screen_text, started
from tui.actions import ACTIONS, actions_for_pane
from tui.app import ParleyApp
from tui.components.help import HelpScreen
from tui.components.reader import ReaderScreen, offset_to_location


def test_offset_to_location_counts_rows_and_columns():
    text = "ab\ncde\nf"
    assert offset_to_location(text, 0) == (0, 0)
    assert offset_to_location(text, 4) == (1, 1)
    assert offset_to_location(text, len(text)) == (2, 1)


async def test_enter_on_a_quote_opens_its_passage_and_esc_returns(tiny_store):
    _, texts, _ = tiny_corpus()
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("3", "j")  # the second quote: q1, far down its article
        assert app.current_entry() == ("quote", "q1")
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        quote = tiny_store.quote("q1")
        assert reader.area.selected_text == texts["src1"][quote.start : quote.end]
        assert reader.area.scroll_y > 0  # scrolled down to the passage
        text = flat(screen_text(app))
        assert "Reuters" in text and "2025-12-15" in text and "001_reuters.txt" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, ReaderScreen)
        assert app.current_entry() == ("quote", "q1")  # same selection
        assert app.focused is app.pane("quotes").table


async def test_reader_opens_for_events_positions_and_issue_status(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("enter")  # the issue: the sentence behind its status
        assert isinstance(app.screen, ReaderScreen)
        assert "narrowing their differences" in app.screen.area.selected_text
        await pilot.press("escape", "2", "j", "enter")  # Ukraine's position → its evidence
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.area.selected_text.startswith("We need guarantees")
        await pilot.press("escape", "4", "G", "enter")  # the undated event, from an undated article
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.area.selected_text == "A ceasefire was agreed for the holidays."
        text = flat(screen_text(app))
        assert "undated" in text and "unknown outlet" in text
        assert "[bold red]x[/]" in text  # the hostile title, literally


async def test_reader_keys_scroll_and_return_to_the_passage(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("3", "j", "enter")
        await pilot.pause()
        area = app.screen.area
        at_passage = area.scroll_y
        await pilot.press("g")
        assert area.scroll_y == 0
        await pilot.press("j", "j")
        assert area.scroll_y == 2
        await pilot.press("k")
        assert area.scroll_y == 1
        await pilot.press("G")
        assert area.scroll_y == area.max_scroll_y
        await pilot.press("enter")
        await pilot.pause()
        assert area.scroll_y == at_passage
        await pilot.press("q")  # q closes the reader, it does not quit
        assert app.is_running and not isinstance(app.screen, ReaderScreen)


async def test_enter_without_a_passage_says_so(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("j", "enter")  # territory: no status basis recorded
        assert not isinstance(app.screen, ReaderScreen)
        assert any("No source passage" in n.message for n in app._notifications)
        await pilot.press("2", "enter")  # a party with no position
        assert not isinstance(app.screen, ReaderScreen)


async def test_help_lists_the_focused_panes_keys(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen) and app.screen.pane == "issues"
        text = help_text(app)
        assert "Status filter" in text and "Open source" in text and "Keys — Issues" in text
        assert "Party filter" not in text  # a quotes-pane key
        await pilot.press("escape", "3", "question_mark")
        assert app.screen.pane == "quotes"
        assert "Party filter" in help_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def help_text(app) -> str:
    import io

    from rich.console import Console

    box = app.screen.query_one("#help-box")
    out = io.StringIO()
    Console(width=80, file=out).print(app.screen.keys)
    return str(box.border_title) + "\n" + out.getvalue()


def test_every_action_has_keys_and_a_description():
    ids = set()
    for action in ACTIONS:
        assert action.keys and action.description
        ids.add((action.scope, action.id))
    assert len(ids) == len(ACTIONS)  # no action declared twice at the same scope
    listed = {a.id for a in actions_for_pane("timeline")}
    assert {"open_source", "filter", "quit", "annotate"} <= listed
    assert "cycle_party" not in listed


async def test_palette_lists_and_runs_registry_actions(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"next row")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        assert app.pane("issues").table.cursor_row == 1  # a list action runs on the list
        assert app.selected_issue == "territory"
        await pilot.press("ctrl+p", *"status filter")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.pane("issues").status_filter == "agreed"  # an app action
        assert app.focused is app.pane("issues").table
