"""Pilot tests of the dashboard: loading, panes, selection, filters and empty states."""

from __future__ import annotations

import html
import re

from textual.widgets import Input

from tui.app import ParleyApp

SIZE = (120, 40)


async def started(app: ParleyApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def keys_of(app: ParleyApp, pane: str) -> list[str]:
    return app.pane(pane).table.keys()


def screen_text(app: ParleyApp) -> str:
    """What the terminal shows, as plain text (from Textual's own screenshot)."""
    svg = app.export_screenshot()
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(texts)).replace("\xa0", " ")


def flat(text: str) -> str:
    return " ".join(text.split())


async def test_loads_in_worker_and_fills_every_pane(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        assert app.loaded
        assert keys_of(app, "issues") == [
            "security_guarantees",
            "territory",
            "ceasefire",
            "frozen_assets",
        ]
        assert app.focused is app.pane("issues").table
        assert app.current_entry() == ("issue", "security_guarantees")
        # One row per codebook party, in codebook order.
        assert keys_of(app, "positions") == ["party:us", "pos_ua_sg", "pos_ru_sg", "party:europe"]
        assert keys_of(app, "quotes") == ["q2", "q1"]  # newest first
        # Happened first, then what was scheduled (set apart), then the undated.
        assert keys_of(app, "timeline") == [
            "ev1",
            "ev2",
            "section:scheduled",
            "ev3",
            "section:undated",
            "ev4",
        ]


async def test_header_and_panes_show_the_corpus(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        text = screen_text(app)
        assert "Test talks (Berlin)" in text
        assert "3 sources · 3 quotes · 4 events · latest report 2025-12-16" in text
        assert "NARROWING" in text and "DISPUTED" in text and "AGREED" in text
        assert "no reported position" in text
        assert "contested" in text
        assert "reported by 2" in text  # q1 is carried by two outlets
        assert "as of 2025-12-16" in text
        assert "relative" in text and "inferred" in text  # each date's basis
        assert "undated" in text


async def test_hostile_text_renders_literally(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        text = screen_text(app)
        assert "[bold red]x[/]" in text  # markup shown, not applied
        assert "\x1b" not in text  # the escape never reaches the terminal…
        assert "␛[31m" in text  # …it is shown as a visible picture


async def test_selecting_an_issue_updates_the_other_panes(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        timeline = app.pane("timeline").table
        assert timeline.get_row("ev1")[0].plain == "▶"
        assert timeline.get_row("ev2")[0].plain == " "
        await pilot.press("j")
        assert app.selected_issue == "territory"
        assert keys_of(app, "quotes") == ["q3", "q2"] or keys_of(app, "quotes") == ["q2", "q3"]
        assert keys_of(app, "positions") == [
            "party:us",
            "party:ukraine",
            "party:russia",
            "party:europe",
        ]
        # The timeline keeps its rows and re-marks them in place.
        assert timeline.get_row("ev1")[0].plain == " "
        assert timeline.get_row("ev2")[0].plain == "▶"
        assert "no reported position" in screen_text(app)


async def test_list_keys_move_the_cursor(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        table = app.pane("issues").table
        await pilot.press("G")
        assert table.cursor_row == 3
        await pilot.press("k")
        assert table.cursor_row == 2
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        await pilot.press("up")
        assert table.cursor_row == 1
        await pilot.press("end")
        assert table.cursor_row == 3
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("pagedown")
        assert table.cursor_row == 3
        await pilot.press("pageup")
        assert table.cursor_row == 0


async def test_tab_and_digits_move_between_panes(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        order = []
        for _ in range(4):
            await pilot.press("tab")
            order.append(app.active_pane().pane_id)
        assert order == ["positions", "quotes", "timeline", "issues"]
        await pilot.press("shift+tab")
        assert app.active_pane().pane_id == "timeline"
        for key, pane in (("1", "issues"), ("2", "positions"), ("3", "quotes"), ("4", "timeline")):
            await pilot.press(key)
            assert app.focused is app.pane(pane).table
        await pilot.press("3")
        assert app.current_entry() == ("quote", "q2")
        await pilot.press("2", "j")
        assert app.current_entry() == ("position", "pos_ua_sg")
        await pilot.press("4")
        assert app.current_entry() == ("event", "ev1")


async def test_filter_as_you_type_then_esc_clears_then_backs_out(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        issues = app.pane("issues")
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press("t", "e", "r")
        assert issues.filter_text == "ter"
        assert keys_of(app, "issues") == ["territory"]
        await pilot.press("q")  # typed, not quit
        assert app.is_running
        assert issues.filter_input.value == "terq"
        assert keys_of(app, "issues") == []
        assert "No issues match “terq”" in issues.empty_text
        await pilot.press("escape")  # clears the filter first…
        assert issues.filter_text == "" and isinstance(app.focused, Input)
        assert len(keys_of(app, "issues")) == 4
        await pilot.press("escape")  # …then backs out to the list
        assert app.focused is issues.table
        assert not issues.filter_input.display


async def test_filter_kept_after_enter_and_cleared_by_esc_from_the_list(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("3", "slash", "n", "o", "t", "h", "enter")
        quotes = app.pane("quotes")
        assert app.focused is quotes.table
        assert quotes.filter_text == "noth"
        assert keys_of(app, "quotes") == ["q2"]
        await pilot.press("escape")
        assert quotes.filter_text == ""
        assert keys_of(app, "quotes") == ["q2", "q1"]


async def test_status_filter_cycles(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        seen = []
        for _ in range(5):
            await pilot.press("f")
            seen.append((app.pane("issues").status_filter, keys_of(app, "issues")))
        assert seen == [
            ("agreed", ["ceasefire"]),
            ("narrowing", ["security_guarantees"]),
            ("disputed", ["territory"]),
            ("open", ["frozen_assets"]),
            (None, ["security_guarantees", "territory", "ceasefire", "frozen_assets"]),
        ]


async def test_status_filter_matching_nothing_says_so(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        app.pane("issues").status_filter = "open"
        await pilot.press("f")  # open → all; press through to a status with no issue
        await pilot.press("f", "f", "f")  # agreed, narrowing, disputed
        assert app.pane("issues").status_filter == "disputed"
        await pilot.press("slash", "x", "y", "z")
        assert "No issues match “xyz”" in app.pane("issues").empty_text


async def test_status_filter_to_nothing_keeps_the_issue_shown_then_selects_it_again(
    tiny_store, monkeypatch
):
    real = tiny_store.issues
    fake = {"agreed": lambda: [], "narrowing": lambda: real(None)}  # nothing, then all four
    monkeypatch.setattr(
        tiny_store, "issues", lambda status=None: fake.get(status, lambda: real(status))()
    )
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("j")
        shown = (app.selected_issue, keys_of(app, "positions"), keys_of(app, "quotes"))
        assert shown[0] == "territory"
        await pilot.press("f")  # agreed: no issue listed
        await pilot.pause()
        issues = app.pane("issues")
        assert keys_of(app, "issues") == [] and issues.empty_text.startswith("No issue is agreed")
        assert (app.selected_issue, keys_of(app, "positions"), keys_of(app, "quotes")) == shown
        await pilot.press("f")  # all four again: the list selects the issue still shown
        await pilot.pause()
        assert issues.selected().key == "territory"
        assert (app.selected_issue, keys_of(app, "positions"), keys_of(app, "quotes")) == shown


async def test_party_filter_cycles_quotes(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        quotes = app.pane("quotes")
        await pilot.press("p")  # United States: none on this issue
        assert quotes.party_filter == "us"
        assert keys_of(app, "quotes") == []
        assert "No quotes from United States" in quotes.empty_text
        await pilot.press("p")
        assert quotes.party_filter == "ukraine" and keys_of(app, "quotes") == ["q1"]
        await pilot.press("p")
        assert quotes.party_filter == "russia" and keys_of(app, "quotes") == ["q2"]
        await pilot.press("p", "p")
        assert quotes.party_filter is None and keys_of(app, "quotes") == ["q2", "q1"]


async def test_q_quits_from_a_list(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_maximise_toggles(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("3", "z")
        assert app.screen.maximized is app.pane("quotes")
        await pilot.press("2")  # moving pane keeps a pane maximised: the new one
        assert app.screen.maximized is app.pane("positions")
        await pilot.press("z")
        assert app.screen.maximized is None
        await pilot.press("z", "escape")
        assert app.screen.maximized is None


async def test_refresh_data_keeps_selections(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("j", "3", "j")
        before = (app.selected_issue, app.current_entry())
        app.refresh_data()
        await pilot.pause()
        assert (app.selected_issue, app.current_entry()) == before
        assert app.pane("issues").table.cursor_row == 1


async def test_no_corpus_says_how_to_build(empty_store):
    app = ParleyApp(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        text = flat(screen_text(app))
        assert "No corpus yet" in text and "parley build" in text
        assert not app.loaded
        assert app.current_entry() is None
        await pilot.press("enter", "j", "f", "p", "slash", "x")  # nothing crashes
        assert app.is_running


async def test_corrupt_corpus_shows_the_error(corrupt_store):
    app = ParleyApp(corrupt_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        text = flat(screen_text(app))
        assert "Corpus error" in text and "unreadable corpus file" in text
        assert app.is_running


async def test_annotation_keys_are_wired(tiny_store, monkeypatch):
    """a/s/n/c call the annotations engineer's entry functions, or say they are missing."""
    import tui.app as app_module

    calls = []

    async def fake_feature(self, module, function):
        calls.append((module, function))

    monkeypatch.setattr(app_module.ParleyApp, "_feature", fake_feature)
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        await pilot.press("a", "s", "n", "c")
        assert [f for _, f in calls] == ["annotate", "set_status", "show_notes", "toggle_call"]


async def test_notes_and_analyst_status_show_on_refresh(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        issues = app.pane("issues").table
        assert issues.get_row("territory")[5].plain == ""
        tiny_store.notes.add("issue", "territory", "Hostile [bold red]x[/] note")
        tiny_store.notes.set_status("territory", "narrowing", evidence_status="disputed")
        app.refresh_data()
        await pilot.pause()
        row = issues.get_row("territory")
        assert row[5].plain == "1"
        assert "NARROWING*" in row[0].plain and "evidence: disputed" in row[0].plain
        await pilot.press("j")
        detail = str(app.pane("issues").detail.render())
        assert "Hostile [bold red]x[/] note" in detail


async def test_a_filter_in_the_quotes_pane_keeps_the_issue(tiny_store):
    app = ParleyApp(tiny_store)
    async with app.run_test(size=SIZE) as pilot:
        await started(app, pilot)
        quotes = app.pane("quotes")
        await pilot.press("3", "slash", *"legally")
        assert keys_of(app, "quotes") == ["q1"]
        assert quotes.subtitle() == "1 of 2 · /legally"
        assert app.selected_issue == "security_guarantees"
