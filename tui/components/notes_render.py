"""How notes, note counts and analyst statuses look in the dashboard panes.

Panes call these helpers instead of formatting notes themselves, so a note reads the same
everywhere. Note text is the analyst's data: it is always put into `rich.text.Text` as plain
characters (never parsed as markup), so `[bold]x[/]` or an escape sequence shows as typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rich.text import Text

NOTE_MARK = "✎"
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F)}


def literal(text: str) -> str:
    """Text with control characters spelled out, so an escape sequence cannot reach the terminal."""
    return text.translate(_CONTROL)


def short_time(stamp: str | None, now: datetime | None = None) -> str:
    """An ISO UTC timestamp as local time: `14:03` today, `2025-12-14 14:03` on another day."""
    if not stamp:
        return ""
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    local = when.astimezone()
    today = (now or datetime.now().astimezone()).date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")


def note_line(note, *, indent: str = "  ") -> Text:
    """One note as a line: mark, time, author, then the text exactly as typed."""
    line = Text(no_wrap=False)
    line.append(f"{indent}{NOTE_MARK} ", style="yellow")
    line.append(short_time(note.created), style="dim")
    if note.updated:
        line.append(" (edited)", style="dim italic")
    line.append(f" {literal(note.author)}: ", style="bold")
    line.append(literal(note.text))
    return line


def notes_lines(notes: Iterable, *, indent: str = "  ") -> Text:
    """The notes under an entry, one per line, oldest first so they read like a transcript.

    `notes` come as the store lists them (newest first); notes saved within the same second
    keep that order, reversed.
    """
    ordered = sorted(notes, key=lambda n: n.created, reverse=True)[::-1]
    return Text("\n").join(note_line(n, indent=indent) for n in ordered)


def note_counts(store) -> dict[tuple[str, str], int]:
    """(kind, id) -> number of live notes; empty when the notes file cannot be read.

    A pane must keep working when the notes file is corrupt: the error is shown where the
    analyst works with notes (the editor and the notes screen), not by breaking every list.
    """
    try:
        return dict(store.notes.counts())
    except Exception:  # noqa: BLE001 - a count is decoration; never break a pane over it
        return {}


def count_badge(count: int) -> Text:
    """The marker a pane appends to an entry with notes, e.g. `✎2`; empty for none."""
    return Text(f" {NOTE_MARK}{count}", style="yellow") if count else Text("")


STATUS_STYLES = {
    "agreed": "green",
    "narrowing": "cyan",
    "disputed": "red",
    "open": "white",
}


def override_status(override) -> str | None:
    """The analyst's status from a status change (None when there is none or it was cleared)."""
    return getattr(override, "status", None) if override is not None else None


def status_display(issue, override) -> Text:
    """An issue's status: the analyst's when set, marked `*` with the evidence's when they differ.

    e.g. `disputed* (evidence: narrowing)`; `agreed ✓` when the analyst confirmed the evidence.
    """
    evidence = issue.status
    chosen = override_status(override)
    if chosen is None:
        return Text(evidence, style=STATUS_STYLES.get(evidence, ""))
    if chosen == evidence:
        out = Text(chosen, style=STATUS_STYLES.get(chosen, ""))
        out.append(" ✓", style="dim")
        return out
    out = Text(f"{chosen}*", style=f"bold {STATUS_STYLES.get(chosen, '')}".strip())
    out.append(f" (evidence: {evidence})", style="dim")
    return out


@dataclass(frozen=True)
class NotesSnapshot:
    """Everything the panes show about notes, read from the notes file once per refresh.

    The issue list asks for a count and a status per row; asking the store per row would read
    and parse the notes file once per row. `error` holds the store's message when it could not
    be read (the panes then show no counts rather than failing).
    """

    notes: dict[tuple[str, str], tuple] = field(default_factory=dict)
    overrides: dict = field(default_factory=dict)
    error: str | None = None

    def count(self, kind: str, entry_id: str) -> int:
        return len(self.notes.get((kind, entry_id), ()))

    def counts(self) -> dict[tuple[str, str], int]:
        return {key: len(found) for key, found in self.notes.items()}

    def analyst_status(self, issue_id: str) -> str | None:
        return override_status(self.overrides.get(issue_id))

    def lines(self, kind: str, entry_id: str) -> Text:
        """The notes under one entry (empty Text when it has none)."""
        return notes_lines(self.notes.get((kind, entry_id), ()))


def notes_snapshot(store) -> NotesSnapshot:
    """Read notes and status overrides once; never raises (see `NotesSnapshot.error`)."""
    try:
        grouped: dict[tuple[str, str], list] = {}
        for note in store.notes.notes():
            grouped.setdefault((note.target_kind, note.target_id), []).append(note)
        overrides = dict(store.notes.status_overrides())
    except Exception as error:  # noqa: BLE001 - panes keep working; the editor shows the error
        problem = getattr(error, "problem", None)  # a damaged file: its path and what is wrong
        said = f"{error.path}: {problem}." if problem else str(error)
        return NotesSnapshot(error=said)
    return NotesSnapshot({k: tuple(v) for k, v in grouped.items()}, overrides)


WATCH_INTERVAL = 0.5


def watch_notes(app, interval: float = WATCH_INTERVAL):
    """Poll the notes file's version; refresh the app when another process (or we) wrote it.

    Returns the Timer so a caller can stop it. A version that cannot be read (file being
    replaced, disk gone) is simply tried again at the next tick.
    """
    state = {"version": _version(app)}

    def check() -> None:
        current = _version(app)
        if current is not None and current != state["version"]:
            state["version"] = current
            app.refresh_data()

    return app.set_interval(interval, check, name="watch-notes")


def _version(app):
    try:
        return app.store.notes.version()
    except Exception:  # noqa: BLE001 - polled again in half a second
        return None
