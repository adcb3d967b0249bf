"""Import key: type the path of an article file or a folder; it is added like `parley add`.

The add runs in a thread worker (reading and analysing must not freeze the dashboard); the
panes refresh in place and a notification says what arrived and what was skipped.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class ImportDialog(ModalScreen):
    """Ask for a file or folder path; dismisses with the Path, or None on escape."""

    DEFAULT_CSS = """
    ImportDialog { align: center middle; }
    ImportDialog > #import-box {
        width: 72; height: auto; border: round $accent; padding: 0 1; background: $surface;
    }
    ImportDialog #import-error { color: $error; height: auto; }
    ImportDialog .muted { color: $text-muted; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", priority=True)]

    def compose(self) -> ComposeResult:
        with Vertical(id="import-box"):
            yield Static("Add articles (a file or a folder: .txt, .md, .html)")
            yield Input(placeholder="~/Downloads/article.html", id="import-path")
            yield Static("", id="import-error", markup=False)
            yield Static("enter adds · esc cancels", classes="muted")

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = Path(event.value.strip()).expanduser() if event.value.strip() else None
        if path is None or not path.exists():
            shown = event.value.strip() or "(empty)"
            self.query_one("#import-error", Static).update(f"{shown}: no such file or folder")
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


def add_in_background(app, path: Path) -> None:
    """Add `path` in a thread worker, then refresh the panes and notify (tui.watch's way)."""
    from tui.watch import _deliver

    def work() -> None:
        from store.ingest import add

        try:
            report = add(app.store, [path])
            if report.changed_corpus:
                app.store.load()
        except Exception as e:  # noqa: BLE001 - one line in the UI, the store is unchanged
            app.call_from_thread(
                app.notify, f"{path}: could not add ({e})", severity="error", markup=False
            )
            return
        app.call_from_thread(_deliver, app, report)

    app.run_worker(work, thread=True, group="import", exclusive=False)


async def import_path(app) -> None:
    """The import key's action: ask for a path, then add it without blocking the UI."""

    def chosen(path: Path | None) -> None:
        if path is not None:
            app.notify(f"Adding {path}…", timeout=3, markup=False)
            add_in_background(app, path)

    app.push_screen(ImportDialog(), chosen)
