"""The dated events in order: what happened, then what is scheduled, then the undated.

The selected issue's events are marked (▶, in place with update_cell); each date shows its
basis (stated in the text, relative to another date, inferred).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from rich.text import Text

from tui.components.entry_table import Row
from tui.components.pane import Pane
from tui.components.text import date_text, one_line

SECTIONS = (
    ("past", ""),
    ("scheduled", "── scheduled (ahead at the time of reporting) ──"),
    ("undated", "── undated ──"),
)


def section_of(event) -> str:
    if event.date is None:
        return "undated"
    return "scheduled" if event.scheduled else "past"


class Chain(Sequence):
    """Several sequences read as one, without copying them (sections and their events)."""

    def __init__(self, parts: list[Sequence]) -> None:
        self._parts = parts
        self._starts = list(accumulate((len(p) for p in parts), initial=0))

    def __len__(self) -> int:
        return self._starts[-1]

    def __getitem__(self, n):
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self)))]
        if n < 0:
            n += len(self)
        if not 0 <= n < len(self):
            raise IndexError(n)
        part = bisect_right(self._starts, n) - 1
        return self._parts[part][n - self._starts[part]]

    def search_texts(self) -> list[str] | None:
        """Each item's filter text from the parts' own (a section label matches nothing);
        None if a part has none ready."""
        out: list[str] = []
        for part in self._parts:
            if isinstance(part, tuple):
                out.append("")
                continue
            texts = part.search_texts() if hasattr(part, "search_texts") else None
            if texts is None:
                return None
            out += texts
        return out

    def find(self, key: str) -> int | None:
        """The position of an event (or `section:NAME`) by key."""
        for start, part in zip(self._starts, self._parts, strict=False):
            if isinstance(part, tuple):
                if key == f"section:{part[0]}":
                    return start
                continue
            at = part.find(key) if hasattr(part, "find") else None
            if at is not None:
                return start + at
        return None


def search_text(item) -> str:
    """What a filter matches in an event (a section label matches nothing)."""
    if isinstance(item, str):
        return ""
    return f"{item.date or 'undated'} {item.title} {item.date_basis}".casefold()


class TimelinePane(Pane):
    pane_id = "timeline"
    number = 4
    title = "Timeline"
    noun = "events"
    columns = (
        ("mark", " ", 1),
        ("date", "Date", 10),
        ("basis", "Basis", 8),
        ("what", "What", None),
    )

    def __init__(self) -> None:
        super().__init__()
        self.as_of: str | None = None
        self.issue_id: str | None = None
        self._cache: dict = {}  # (event, marked) → Row: switching issues rebuilds nothing

    def load(self, store, issue_id: str | None, as_of: str | None) -> None:
        self.as_of = as_of
        self.issue_id = issue_id
        parts: list[Sequence] = []
        for name, _label in SECTIONS:
            events = store.events_view(name)  # made only when drawn
            if not events:
                continue
            if name != "past":
                parts.append((name,))
            parts.append(events)
        self.set_items(Chain(parts), search_text, "No dated events in the corpus yet.")

    def mark(self, issue_id: str | None) -> None:
        """Mark another issue's events: the same rows, redrawn (only those on screen)."""
        if issue_id != self.issue_id:
            self.issue_id = issue_id
            self.table.rows_changed()
            self.show_detail()

    def key_of(self, item) -> str:
        return f"section:{item}" if isinstance(item, str) else item.id

    def make_row(self, item) -> Row:
        if isinstance(item, str):
            label = dict(SECTIONS)[item]
            return Row(
                key=f"section:{item}",
                cells=(Text(""), Text(""), Text(""), Text(label, style="dim bold")),
                detail=Text(label.strip("─ "), style="dim"),
            )
        marked = self.issue_id is not None and self.issue_id in item.issues
        key = (item, marked)
        row = self._cache.get(key)
        if row is None:
            if len(self._cache) > 20_000:
                self._cache.clear()
            row = self._cache[key] = self._row(item, marked, section_of(item) == "scheduled")
        return row

    def _row(self, e, marked: bool, scheduled: bool) -> Row:
        style = "italic" if scheduled else ""
        what = Text(one_line(e.title), style=style + (" bold" if marked else ""))
        detail = Text()
        detail.append(e.date or "undated", style="bold")
        detail.append(f" ({e.date_basis}{', scheduled' if scheduled else ''}): ", style="dim")
        detail.append(one_line(e.title))
        if e.issues:
            detail.append(f" · issues: {', '.join(e.issues)}", style="dim")
        return Row(
            key=e.id,
            cells=(
                Text("▶" if marked else " ", style="bold cyan"),
                date_text(e.date),
                Text(e.date_basis, style="dim"),
                what,
            ),
            entry=("event", e.id),
            detail=detail,
        )

    def subtitle(self) -> str:
        text = super().subtitle()
        return f"as of {self.as_of} · {text}" if self.as_of else text
