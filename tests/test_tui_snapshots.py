"""Snapshot tests guarding the layout at 120×40 and 80×24 (fixed data, no clock on screen).

Regenerate after a deliberate change with `pytest tests/test_tui_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from textual.widgets import Input

from tui.app import ParleyApp


async def settle(pilot) -> None:
    """Until the app is idle with no worker running: the workers that start after the first
    frame (warming positions, reading the notes) may still be starting at the first pause."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def press(*keys):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
        await settle(pilot)
        await still_cursors(pilot)

    return run_before


async def still_cursors(pilot) -> None:
    """A focused Input blinks its cursor on a wall-clock timer, so which phase a screenshot
    catches is a race (a loaded machine lost it): the cursor is held drawn for the picture.
    The app itself still blinks."""
    for screen in pilot.app.screen_stack:
        for field in screen.query(Input):
            field.cursor_blink = False
    await pilot.pause()


def test_dashboard_120x40(snap_compare, tiny_store):
    assert snap_compare(ParleyApp(tiny_store), terminal_size=(120, 40), run_before=press())


def test_dashboard_80x24_stacked(snap_compare, tiny_store):
    assert snap_compare(ParleyApp(tiny_store), terminal_size=(80, 24), run_before=press("3"))


def test_dashboard_80x24_maximised(snap_compare, tiny_store):
    app = ParleyApp(tiny_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=press("2", "z"))


def test_reader_120x40(snap_compare, tiny_store):
    app = ParleyApp(tiny_store)
    assert snap_compare(app, terminal_size=(120, 40), run_before=press("3", "j", "enter"))


def test_help_120x40(snap_compare, tiny_store):
    app = ParleyApp(tiny_store)
    assert snap_compare(app, terminal_size=(120, 40), run_before=press("3", "question_mark"))


def test_filter_matching_nothing_120x40(snap_compare, tiny_store):
    app = ParleyApp(tiny_store)
    keys = ("slash", "x", "y", "z")
    assert snap_compare(app, terminal_size=(120, 40), run_before=press(*keys))
