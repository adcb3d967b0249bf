"""The dashboard's fast paths behave like the slow ones they replace."""

from __future__ import annotations

from textual.widgets import Input

from store.paths import corpus_dir
from store.view import VIEW_FILE
from tests.test_tui_app import SIZE, keys_of, started
from tui.app import ParleyApp
from tui.components.footer import KeyFooter


async def _filter(app, pilot, pane: str, text: str) -> list[str]:
    await pilot.press(pane, "slash", *text)
    found = keys_of(app, {"3": "quotes", "4": "timeline"}[pane])
    await pilot.press("escape", "escape")
    return found


async def test_quote_filter_matches_text_speaker_party_and_outlet(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("1", "j")  # territory: q2 and q3, both Russia's, both from AP
        assert keys_of(app, "quotes") == ["q2", "q3"]
        assert await _filter(app, pilot, "3", "inch") == ["q3"]  # the quote's words
        assert await _filter(app, pilot, "3", "aide") == ["q2"]  # the speaker
        assert await _filter(app, pilot, "3", "russia") == ["q2", "q3"]  # the party's name
        assert await _filter(app, pilot, "3", " ap") == ["q2", "q3"]  # the outlet
        assert await _filter(app, pilot, "3", "reuters") == []  # another outlet
        assert keys_of(app, "quotes") == ["q2", "q3"]


async def test_timeline_filter_matches_date_title_and_basis_not_section_labels(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        assert await _filter(app, pilot, "4", "relative") == ["ev2"]
        assert await _filter(app, pilot, "4", "2026-01") == ["ev3"]
        assert await _filter(app, pilot, "4", "undated") == ["ev4"]  # not the section line
        assert await _filter(app, pilot, "4", "scheduled") == []


async def test_filter_field_is_made_on_the_first_slash_and_reused(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        issues = app.pane("issues")
        assert issues.filter_input is None and not list(app.query(Input))
        await pilot.press("slash", "t", "e", "r")
        field = issues.filter_input
        assert app.focused is field and keys_of(app, "issues") == ["territory"]
        await pilot.press("escape", "escape", "slash", "c")
        assert issues.filter_input is field and len(issues.query(Input)) == 1
        assert keys_of(app, "issues") == ["security_guarantees", "ceasefire"]
        assert list(app.query(Input)) == [field]  # the other panes still have none


async def test_footer_shows_the_focused_keys_and_redraws_only_when_they_change(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        footer = app.query_one(KeyFooter)
        assert not footer.children  # one widget, not one per key
        text = footer.render().plain
        assert text.startswith(" ⏎ Open source  / Filter pane  f Status filter ")
        assert text.rstrip().endswith("▏^p Command palette")
        assert len(text) == SIZE[0]
        shown = footer._shown
        refreshes = []
        footer.refresh = lambda *a, **k: refreshes.append(a)
        await pilot.press("2", "3", "4", "1")
        await pilot.pause()
        assert footer._shown is shown and refreshes == []  # every list has the same keys
        await pilot.press("slash")  # a text field has other keys: the footer follows
        await pilot.pause()
        assert refreshes and "Open source" not in footer.render().plain


async def test_a_click_on_a_footer_key_presses_it(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        text = app.query_one(KeyFooter).render().plain
        await pilot.click(KeyFooter, offset=(text.index("Status filter"), 0))
        await pilot.pause()
        assert app.pane("issues").status_filter == "agreed"


async def test_a_ready_view_opens_without_the_worker_a_stale_one_in_it(tiny_store):
    tiny_store.load()  # makes the view file
    ready = ParleyApp(type(tiny_store)(tiny_store.data_dir))
    async with ready.run_test(size=SIZE) as pilot:
        assert ready.loaded  # filled before the first frame
        assert not [w for w in ready.workers if w.group == "load"]
        await pilot.pause()
        assert keys_of(ready, "quotes") == ["q2", "q1"]
    (corpus_dir(tiny_store.data_dir) / VIEW_FILE).unlink()
    stale = ParleyApp(type(tiny_store)(tiny_store.data_dir))
    async with stale.run_test(size=SIZE) as pilot:
        await started(stale, pilot)
        assert stale.loaded and keys_of(stale, "quotes") == ["q2", "q1"]
    assert (corpus_dir(tiny_store.data_dir) / VIEW_FILE).exists()  # made again, in the worker
