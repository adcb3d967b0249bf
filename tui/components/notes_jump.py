"""Move the dashboard to a note's entry: select its issue, then its row in the right pane.

Used when the app has no `jump_to(kind, id)` of its own. It only uses what the dashboard's
panes offer publicly (`app.pane(id)`, `pane.table.select_key`, `pane.clear_filter`), and
returns False when the entry is not on any pane (e.g. an issue hidden by the status filter).
"""

from __future__ import annotations

PANE_OF = {"issue": "issues", "position": "positions", "quote": "quotes", "event": "timeline"}


def issue_of(store, kind: str, entry_id: str, preferred: str | None = None) -> str | None:
    """The issue whose panes show this entry (the preferred one when the entry is on it)."""
    if kind == "issue":
        return entry_id
    if kind == "position":
        position = store.position(entry_id)
        return position.issue if position else None
    found = store.quote(entry_id) if kind == "quote" else store.event(entry_id)
    issues = tuple(getattr(found, "issues", ()) or ())
    if preferred in issues:
        return preferred
    return issues[0] if issues else preferred


def _select(app, pane_id: str, key: str) -> bool:
    pane = app.pane(pane_id)
    if key not in pane.table.by_key and getattr(pane, "filter_text", ""):
        pane.clear_filter()
    if not pane.table.select_key(key):
        return False
    app.action_pane(pane_id)
    return True


def jump_to_entry(app, kind: str, entry_id: str) -> bool:
    """Select the entry on the dashboard; False (with a message) when it cannot be shown."""
    pane_id = PANE_OF.get(kind)
    if pane_id is None:
        app.notify(f"A {kind} is not shown on the dashboard.", severity="warning")
        return False
    issue = issue_of(app.store, kind, entry_id, getattr(app, "selected_issue", None))
    if issue is not None and not _select(app, "issues", issue):
        app.notify("That issue is hidden by the status filter (f cycles it).", severity="warning")
        return False
    if kind == "issue":
        return True

    def select_in_pane() -> None:
        if not _select(app, pane_id, entry_id):
            app.notify(f"That {kind} is not in the {pane_id} pane.", severity="warning")

    # selecting the issue refills the other panes on the next message round
    app.call_after_refresh(select_in_pane)
    return True
