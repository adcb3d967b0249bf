"""The issue list: every issue, its status as a badge, how much reporting touches it.

Room is left for the analyst: a notes column and "analyst: X (evidence: Y)" when the analyst
has overridden the status (the app passes `analyst_status` and `note_count` callbacks).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from tui.components.entry_table import Row
from tui.components.pane import Pane
from tui.components.text import date_text, one_line, status_badge

STATUS_FILTERS = (None, "agreed", "narrowing", "disputed", "open")


def status_cell(status: str, analyst: str | None = None) -> Text:
    """The evidence status, or the analyst's status with the evidence's beside it."""
    if not analyst or analyst == status:
        return status_badge(status)
    text = status_badge(analyst)
    text.append("*", style="bold")
    text.append(f" (evidence: {status})", style="dim")
    return text


class IssuesPane(Pane):
    pane_id = "issues"
    number = 1
    title = "Issues"
    noun = "issues"
    columns = (
        ("status", "Status", 11),
        ("title", "Issue", None),
        ("sources", "Src", 3),
        ("quotes", "Qts", 3),
        ("last", "Last", 10),
        ("notes", "✎", 2),
    )

    def __init__(self) -> None:
        super().__init__()
        self.status_filter: str | None = None

    def cycle_status(self) -> str | None:
        n = STATUS_FILTERS.index(self.status_filter)
        self.status_filter = STATUS_FILTERS[(n + 1) % len(STATUS_FILTERS)]
        return self.status_filter

    def load(
        self,
        store,
        analyst_status: Callable[[str], str | None] = lambda _id: None,
        note_count: Callable[[str, str], int] = lambda _kind, _id: 0,
    ) -> None:
        issues = store.issues(self.status_filter)
        rows = []
        for issue in issues:
            analyst = analyst_status(issue.id)
            notes = note_count("issue", issue.id)
            detail = Text()
            detail.append(one_line(issue.title), style="bold")
            detail.append(" — ")
            detail.append(status_cell(issue.status, analyst))
            detail.append(
                f" · {issue.sources} sources · {issue.quotes} quotes · last reported "
                f"{issue.last_reported or 'never'} · enter: the passage behind the status"
            )
            rows.append(
                Row(
                    key=issue.id,
                    cells=(
                        status_cell(issue.status, analyst),
                        Text(one_line(issue.title)),
                        Text(str(issue.sources), justify="right"),
                        Text(str(issue.quotes), justify="right"),
                        date_text(issue.last_reported),
                        Text(str(notes) if notes else "", justify="right"),
                    ),
                    search=f"{issue.title} {issue.id} {analyst or issue.status}".casefold(),
                    entry=("issue", issue.id),
                    detail=detail,
                )
            )
        if self.status_filter:
            empty = f"No issue is {self.status_filter}. f cycles the status filter."
        else:
            empty = "No issues in the corpus (the codebook defines none)."
        self.set_rows(rows, empty)

    def subtitle(self) -> str:
        text = super().subtitle()
        return f"{text} · {self.status_filter}" if self.status_filter else text
