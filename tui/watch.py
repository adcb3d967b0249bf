"""`parley --watch DIR`: articles dropped into a folder while the dashboard is open are added.

watchfiles runs in a daemon thread; each batch of new or changed article files goes through
the same `store.ingest.add` as `parley add` (so a file seen twice is added once), the store
is re-read in that thread, then the panes refresh in place and a notification says what
arrived. No Textual import here beyond what the app passes in: the callback is testable alone.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from store.articles import ARTICLE_SUFFIXES

DEBOUNCE_MS = 800  # a file copied in pieces arrives as one batch
POLL_MS = 500  # how often the thread looks whether the dashboard is still open


def article_paths(changes) -> list[Path]:
    """The article files among watchfiles changes (added or modified, still there)."""
    from watchfiles import Change

    out: dict[Path, None] = {}
    for change, raw in changes:
        path = Path(raw)
        if change == Change.deleted or path.name.startswith((".", "~")):
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file():
            out[path] = None
    return sorted(out)


def arrival_message(report) -> tuple[str, str]:
    """(message, severity) for the notification: what arrived and what was not taken."""
    parts = []
    if report.added:
        names = ", ".join(report.added[:3]) + (" …" if len(report.added) > 3 else "")
        parts.append(f"{len(report.added)} new article(s): {names}")
    if report.changed:
        parts.append(f"{len(report.changed)} updated: {', '.join(report.changed[:3])}")
    if report.changed_corpus:
        parts.append(f"{report.new_quotes} new quote(s), {report.new_events} new event(s)")
    problems = [*report.skipped, *report.undated]
    parts += problems[:3]
    if not parts:
        parts.append("already in the corpus: nothing new")
    severity = "warning" if report.skipped else "information"
    return "\n".join(parts), severity


def handle_changes(store, changes):
    """Add the article files of one batch of changes; the AddReport, or None if none."""
    from store.ingest import add

    paths = article_paths(changes)
    if not paths:
        return None
    report = add(store, paths)
    if report.changed_corpus:
        store.load()  # re-read here, off the UI thread
    return report


@dataclass
class Watcher:
    folder: Path
    stop: threading.Event
    thread: threading.Thread

    def close(self) -> None:
        self.stop.set()


def _deliver(app, report) -> None:
    """On the UI thread: refresh the panes in place and say what arrived."""
    if report.changed_corpus:
        app.refresh_data()
    message, severity = arrival_message(report)
    app.notify(message, title="Watch folder", severity=severity, timeout=8, markup=False)


def _fail(app, folder: Path, error: BaseException) -> None:
    app.notify(
        f"{folder}: could not add ({error})", title="Watch folder", severity="error", markup=False
    )


def _run(app, folder: Path, stop: threading.Event) -> None:
    from watchfiles import watch

    for changes in watch(folder, stop_event=stop, debounce=DEBOUNCE_MS, rust_timeout=POLL_MS,
                         yield_on_timeout=True, raise_interrupt=False):
        if stop.is_set() or not getattr(app, "is_running", True):
            break
        if not changes:
            continue
        try:
            report = handle_changes(app.store, changes)
        except Exception as e:  # noqa: BLE001 - a bad drop must not end the watch
            app.call_from_thread(_fail, app, folder, e)
            continue
        if report is not None:
            app.call_from_thread(_deliver, app, report)


def start_watch(app, folder) -> Watcher | None:
    """Watch `folder` for the app (called once the corpus is loaded); None if it is no folder."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        app.notify(f"{folder}: not a folder; not watching", severity="error", markup=False)
        return None
    stop = threading.Event()
    thread = threading.Thread(target=_run, args=(app, folder, stop), name="parley-watch",
                              daemon=True)
    watcher = Watcher(folder, stop, thread)
    app.parley_watcher = watcher
    thread.start()
    app.notify(f"Watching {folder} for new articles", timeout=4, markup=False)
    return watcher
