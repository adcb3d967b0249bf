"""The parley dashboard: issues, positions, quotes and timeline side by side, keyboard first.

For the annotations engineer (and anyone adding a screen), the app exposes:
- `app.store`                  the `store.api.Store` (the only way to read data)
- `app.current_entry()`        the focused pane's selected entry as (kind, id), kind one of
                               "issue", "position", "quote", "event"; None when nothing is
                               selected (an empty pane, a party without a position)
- `app.refresh_data()`         re-read everything from the store in place, keeping selections
- `app.notify(...)`            Textual's toast
- `app.annotate()`, `app.set_status()`, `app.show_notes()`, `app.toggle_call()` (keys a, s, n,
  c in `tui.actions`): thin methods calling `annotate(app)`, `set_status(app)`,
  `show_notes(app)`, `toggle_call(app)` from `tui.components.notes_editor`, `.status_dialog`,
  `.notes_screen`, `.call_dialog`, imported on first use (sync or async functions).
- `app.analyst_status(issue_id) -> str | None` and `app.note_count(kind, id) -> int`: hooks
  the issue list calls for the analyst's status override ("analyst: X (evidence: Y)") and
  the notes column (from the notes snapshot read once per refresh; at start-up it is read in
  a worker once the first frame is up, and the panes show the notes when it is in).
- `app.loaded` is True once the corpus is loaded and the panes are filled.

Every key is declared once, in `tui.actions` (bindings, `?` help and the command palette).
The corpus is loaded in a thread worker, so the first frame does not wait for it.
"""

from __future__ import annotations

import gc
import importlib
import inspect

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.widgets import Input, Static

from tui.actions import PANES, Action, actions_for
from tui.components.dashboard_screen import DashboardScreen
from tui.components.entry_table import EntryTable
from tui.components.footer import KeyFooter
from tui.components.header import HeaderBar
from tui.components.issues import IssuesPane
from tui.components.palette import ActionsProvider
from tui.components.pane import Pane
from tui.components.positions import PositionsPane
from tui.components.quotes import QuotesPane
from tui.components.timeline import TimelinePane

DASHBOARD_ONLY = {
    a.id for a in actions_for("app") if a.id not in ("quit", "command_palette", "help")
} - {"focus_next", "focus_previous"}


def _app_bindings() -> list[Binding]:
    return [
        Binding(a.keys, a.id, a.description, show=a.show, key_display=a.key_display, id=a.id)
        for a in actions_for("app")
    ]


class ParleyApp(App):
    """The dashboard over one data directory."""

    CSS_PATH = "app.tcss"
    TITLE = "parley"
    COMMANDS = {ActionsProvider}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    ALLOW_IN_MAXIMIZED_VIEW = "KeyFooter"  # the key bar stays on show, as Footer would
    BINDINGS = _app_bindings()

    def __init__(self, store, watch: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.watch = watch
        self.loaded = False
        self.selected_issue: str | None = None
        self._last_pane = "issues"
        self._pane_asked: str | None = None  # a pane key whose focus has not landed yet
        self._notes = None  # a NotesSnapshot, read once per refresh

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield HeaderBar()
        yield Static("", id="banner", markup=False)
        with Container(id="panes"):
            yield IssuesPane()
            yield PositionsPane()
            yield QuotesPane()
            yield TimelinePane()
        yield KeyFooter()

    def get_default_screen(self) -> DashboardScreen:
        return DashboardScreen(id="_default")

    @property
    def dashboard(self) -> DashboardScreen:
        """The dashboard screen, even while a dialog or the reader is on top of it (a timer
        that refreshes the panes must not look for them in a modal)."""
        return self.screen_stack[0]

    def pane(self, pane_id: str) -> Pane:
        return self.dashboard.query_one(f"#{pane_id}", Pane)

    def on_mount(self) -> None:
        self.dashboard.query_one(HeaderBar).show_message("loading the corpus…")
        self.pane("issues").table.focus()
        if not self._open_ready_corpus():
            self.load_corpus()

    def _open_ready_corpus(self) -> bool:
        """Open a corpus whose view file is ready here, so the first frame is already full
        (a fraction of a second even at 10,000 articles: a frame of empty panes would cost
        as much to draw). Anything slower or wrong goes to the worker, which reports it."""
        try:
            if not self.store.has_corpus() or not self.store.load(rebuild=False):
                return False
        except Exception:  # noqa: BLE001 - the worker reads it again and says what is wrong
            return False
        self.data_loaded()
        return True

    # -- loading ---------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="load")
    def load_corpus(self) -> None:
        """Read the corpus off the UI thread; report what went wrong instead of crashing."""
        from store.corpus import CorpusError

        try:
            if not self.store.has_corpus():
                self.call_from_thread(self.show_no_corpus)
                return
            self.store.load()  # opens the corpus; entries are read as they are shown
        except CorpusError as e:
            self.call_from_thread(self.show_error, str(e))
            return
        except Exception as e:  # noqa: BLE001 - an unreadable corpus must not kill the UI
            self.call_from_thread(self.show_error, f"could not read the corpus: {e}")
            return
        self.call_from_thread(self.data_loaded)

    @work(thread=True, exclusive=True, group="warm")
    def warm_positions(self) -> None:
        """The positions' evidence lists, made off the UI thread after the first frame."""
        try:
            self.store.warm_positions()
        except Exception:  # noqa: BLE001 - only a head start; an issue switch reads them anyway
            return
        gc.freeze()  # (here: handing a builtin to Textual makes it parse its signature, 40 ms)

    def data_loaded(self) -> None:
        from store.corpus import CorpusError

        try:
            self.dashboard.query_one(HeaderBar).show_summary(self.store.summary())
            self._fill()
        except (CorpusError, KeyError, TypeError, ValueError) as e:
            self.show_error(f"the corpus is damaged: {e}")
            return
        self.loaded = True
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        """What the first full frame does not need: run once it is on screen. (The id
        indexes are not read ahead: panes find what they show without them, and reading
        them in a thread would slow the first key presses.)"""
        self.warm_positions()
        gc.freeze()  # what is loaded now lives on: full collections stop re-scanning it
        self._note_open()
        self._start_watch()
        self.read_notes()

    def show_no_corpus(self) -> None:
        where = self.store.corpus_path
        message = (
            f"No corpus yet in {where}. Build it with `parley build [FOLDER]` "
            "(plain `parley` builds from the bundled seed articles first)."
        )
        self._show_banner(message, "no corpus yet")

    def show_error(self, message: str) -> None:
        self._show_banner(f"Corpus error: {message}. Rebuild it with `parley build`.", "error")

    def _show_banner(self, message: str, header: str) -> None:
        banner = self.dashboard.query_one("#banner", Static)
        banner.update(message)
        banner.display = True
        self.dashboard.query_one(HeaderBar).show_message(header)
        for pane_id in PANES:
            self.pane(pane_id).set_rows([], "Nothing to show: " + header + ".")

    def _note_open(self) -> None:
        """Remember this opening (state.json) for "what changed since last time"."""
        from tui.components.changes_screen import note_open

        note_open(self)

    def _start_watch(self) -> None:
        if self.watch:
            from tui.watch import start_watch

            start_watch(self, self.watch)

    @work(thread=True, exclusive=True, group="notes")
    def read_notes(self) -> None:
        """The notes and status overrides, read off the UI thread once the first frame is up
        (the first frame shows the corpus; a large notes file would hold it back)."""
        from tui.components.notes_render import notes_snapshot

        self.call_from_thread(self._notes_ready, notes_snapshot(self.store))

    def _notes_ready(self, snapshot) -> None:
        """Show the notes just read (counts, analyst statuses, notes under the details), then
        watch the notes file for changes."""
        if self._notes is None:  # (a refresh since the worker started has read newer ones)
            self._notes = snapshot
            if snapshot.error:  # the notes are the user's: never let them look merely empty
                self.notify(
                    f"{snapshot.error} The file was left untouched.\nPress n, then ctrl+r to "
                    "restore its last good copy (the damaged file is kept aside).",
                    title="Your notes cannot be read",
                    severity="error",
                    timeout=30,
                    markup=False,
                )
            if snapshot.notes or snapshot.overrides:
                self.pane("issues").load(self.store, self.analyst_status, self.note_count)
                for pane_id in PANES:
                    self.pane(pane_id).show_detail()
        from tui.components.notes_render import watch_notes

        watch_notes(self)

    # -- data ------------------------------------------------------------------------------
    def _fill(self) -> None:
        """Fill the panes from the store (and the notes snapshot, once read)."""
        issues = self.pane("issues")
        issues.load(self.store, self.analyst_status, self.note_count)
        row = issues.selected()
        self.selected_issue = issues.prefer_key = row.key if row else None
        self._fill_issue_panes()
        latest = self.store.summary().latest
        self.pane("timeline").load(self.store, self.selected_issue, latest)

    def _fill_issue_panes(self) -> None:
        """What depends on the selected issue; the timeline only re-marks its rows."""
        self.pane("positions").load(self.store, self.selected_issue)
        self.pane("quotes").load(self.store, self.selected_issue)
        self.pane("timeline").mark(self.selected_issue)

    def refresh_data(self) -> None:
        """Re-read everything from the store in place, keeping each pane's selection."""
        if self.loaded:
            self._read_notes()
            self.dashboard.query_one(HeaderBar).show_summary(self.store.summary())
            self._fill()

    def _read_notes(self) -> None:
        """Read notes and status overrides once per refresh (never raises)."""
        from tui.components.notes_render import notes_snapshot

        self._notes = notes_snapshot(self.store)

    def analyst_status(self, issue_id: str) -> str | None:
        """The analyst's status for an issue, if one is set."""
        return self._notes.analyst_status(issue_id) if self._notes else None

    def note_count(self, kind: str, entry_id: str) -> int:
        """How many live notes an entry has."""
        return self._notes.count(kind, entry_id) if self._notes else 0

    def notes_under(self, entry: tuple[str, str] | None):
        """The notes to show under the selected entry's detail (None when there are none)."""
        if entry is None or self._notes is None or not self._notes.count(*entry):
            return None
        return self._notes.lines(*entry)

    def on_entry_table_highlighted(self, event: EntryTable.Highlighted) -> None:
        if event.table.id == "issues-table" and event.key is not None:
            self._select_issue(event.key)

    def _select_issue(self, issue_id: str | None) -> None:
        """Show another issue's positions and quotes (nothing to do for the same one)."""
        if issue_id != self.selected_issue:
            self.selected_issue = issue_id
            self.pane("issues").prefer_key = issue_id
            self._fill_issue_panes()

    # -- focus -----------------------------------------------------------------------------
    def active_pane(self) -> Pane:
        """The pane holding the focus (or just asked for it: a key typed right after a pane
        key acts there), else the last one that had it."""
        if self._pane_asked is not None:
            return self.pane(self._pane_asked)
        node = self.focused
        while node is not None:
            if isinstance(node, Pane):
                return node
            node = node.parent
        return self.pane(self._last_pane)

    def on_descendant_focus(self, event) -> None:
        node = event.widget
        while node is not None and not isinstance(node, Pane):
            node = node.parent
        self._pane_asked = None
        if node is not None:
            self._last_pane = node.pane_id

    def current_entry(self) -> tuple[str, str] | None:
        row = self.active_pane().selected()
        return row.entry if row else None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """q never quits from a text field; dashboard keys rest while another screen is open."""
        if action == "quit" and isinstance(self.focused, Input):
            return False
        if action in DASHBOARD_ONLY and not self._on_dashboard():
            return False
        return True

    def _on_dashboard(self) -> bool:
        return self.screen is self.screen_stack[0]

    def action_focus_next(self) -> None:
        self._step_pane(1) if self._on_dashboard() else super().action_focus_next()

    def action_focus_previous(self) -> None:
        self._step_pane(-1) if self._on_dashboard() else super().action_focus_previous()

    def _step_pane(self, step: int) -> None:
        n = PANES.index(self.active_pane().pane_id)
        self.action_pane(PANES[(n + step) % len(PANES)])

    def action_pane(self, pane_id: str) -> None:
        if self.screen.maximized is not None:
            self.screen.maximize(self.pane(pane_id))
        if self.focused is not self.pane(pane_id).table:
            self._pane_asked = pane_id  # focus lands after the keys already queued
        self.pane(pane_id).table.focus()

    # -- actions ---------------------------------------------------------------------------
    def action_open_source(self) -> None:
        from tui.components.reader import ReaderScreen

        entry = self.current_entry()
        if entry is None:
            self.notify("Nothing selected to open.", severity="warning")
            return
        kind, entry_id = entry
        passage = self.store.locate(kind, entry_id)
        source = self.store.source(passage.source) if passage else None
        if source is None:
            self.notify(f"No source passage is recorded for this {kind}.", severity="warning")
            return
        text = self.store.source_text(source.id)
        self.push_screen(ReaderScreen(source, text, passage.start, passage.end, entry))

    def action_filter(self) -> None:
        self.active_pane().open_filter()

    def action_back(self) -> None:
        """esc: clear the filter first, then leave the filter field, then un-maximise."""
        pane = self.active_pane()
        if isinstance(self.focused, Input) and self.focused.value:
            pane.clear_filter()
        elif isinstance(self.focused, Input):
            pane.close_filter()
        elif pane.filter_text:
            pane.clear_filter()
            pane.close_filter()
        elif self.screen.maximized is not None:
            self.screen.minimize()

    def action_cycle_status(self) -> None:
        """Filter the issue list by status. Only the list changes unless the issue shown is
        filtered out and another is listed: an empty list (as with a typed filter) leaves
        the other panes on the issue they show, and the list selects it again once listed."""
        issues = self.pane("issues")
        status = issues.cycle_status()
        if self.loaded:
            issues.load(self.store, self.analyst_status, self.note_count)
            row = issues.selected()
            if row is not None:
                self._select_issue(row.key)
        self.notify(f"Issues: {status or 'all statuses'}", timeout=1.5)

    def action_cycle_party(self) -> None:
        if not self.loaded:
            return
        quotes = self.pane("quotes")
        party = quotes.cycle_party(self.store.parties())
        quotes.load(self.store, self.selected_issue)
        name = self.store.party_name(party) if party else "all parties"
        self.notify(f"Quotes: {name}", timeout=1.5, markup=False)

    def action_maximise(self) -> None:
        if self.screen.maximized is not None:
            self.screen.minimize()
        else:
            self.screen.maximize(self.active_pane(), container=False)

    def action_help(self) -> None:
        from tui.components.help import HelpScreen
        from tui.components.reader import ReaderScreen

        reading = isinstance(self.screen, ReaderScreen)
        self.push_screen(HelpScreen("reader" if reading else self.active_pane().pane_id))

    def run_registry_action(self, action: Action) -> None:
        """Run an action chosen in the palette where its key would have run it."""
        namespace = {"list": self.active_pane().table, "reader": self.screen}.get(action.scope)
        self.call_later(self.run_action, action.id, namespace)

    # -- annotation: screens imported on first use (start-up stays light) --------------------
    async def _feature(self, module: str, function: str) -> None:
        """Call `function(app)` from `module`, imported when first needed."""
        result = getattr(importlib.import_module(module), function)(self)
        if inspect.isawaitable(result):
            await result

    async def annotate(self) -> None:
        await self._feature("tui.components.notes_editor", "annotate")

    async def set_status(self) -> None:
        await self._feature("tui.components.status_dialog", "set_status")

    async def show_notes(self) -> None:
        await self._feature("tui.components.notes_screen", "show_notes")

    async def toggle_call(self) -> None:
        await self._feature("tui.components.call_dialog", "toggle_call")

    async def action_annotate(self) -> None:
        await self.annotate()

    async def action_set_status(self) -> None:
        await self.set_status()

    async def action_show_notes(self) -> None:
        await self.show_notes()

    async def action_toggle_call(self) -> None:
        await self.toggle_call()

    async def action_import_articles(self) -> None:
        await self._feature("tui.components.import_dialog", "import_path")

    async def action_show_changes(self) -> None:
        await self._feature("tui.components.changes_screen", "show_changes")
