"""The parties' positions on the selected issue: one row per codebook party.

Each row has two lines: the party's stance and summary, then the latest evidence with its
outlet and date; contradicting reports are flagged (⚠ contested).
"""

from __future__ import annotations

from rich.text import Text

from tui.components.entry_table import Row
from tui.components.pane import Pane
from tui.components.text import one_line, stance_text


def outlet_name(store, source_id: str | None) -> str:
    source = store.source(source_id) if source_id else None
    if source is None:
        return "—"
    return one_line(source.outlet or source.path)


class PositionsPane(Pane):
    pane_id = "positions"
    number = 2
    title = "Positions"
    noun = "positions"
    columns = (
        ("party", "Party", 13),
        ("stance", "Stance", 11),
        ("position", "Position · latest evidence (outlet, date)", None),
    )
    row_height = 2

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[object, tuple] = {}  # kept rows: back on an issue, nothing is redrawn

    def load(self, store, issue_id: str | None) -> None:
        if issue_id is None:
            self.set_title()
            self.set_rows([], "Select an issue to see the parties' positions.")
            return
        issue = store.issue(issue_id)
        self.set_title(one_line(issue.title if issue else issue_id, 40))
        found = {p.party: p for p in store.positions(issue_id)}
        rows = [self._kept_row(store, party, found.get(party.id)) for party in store.parties()]
        self.set_rows(rows, "The codebook names no parties.")

    def _kept_row(self, store, party, pos) -> Row:
        """The row made last time for the same position object (the store keeps them once
        warm; a reload makes new ones) or party without a position."""
        key = id(pos) if pos is not None else ("no position", party.id, party.name)
        kept = self._rows.get(key)
        if kept is not None and kept[0] is pos:
            return kept[1]
        if len(self._rows) > 400:
            self._rows.clear()
        row = self._row(store, party, pos)
        self._rows[key] = (pos, row)
        return row

    def _row(self, store, party, pos) -> Row:
        name = Text(one_line(party.name), style="bold")
        if pos is None:
            return Row(
                key=f"party:{party.id}",
                cells=(name, Text("—", style="dim"), Text("no reported position", style="dim")),
                search=f"{party.name} no reported position".casefold(),
                detail=Text(f"{one_line(party.name)}: no reported position on this issue."),
                height=2,
            )
        newest = store.latest_evidence(pos, 1)
        latest = newest[0] if newest else None
        outlet = outlet_name(store, latest.source if latest else None)
        date = (latest.date if latest else pos.updated) or "undated"
        stance = stance_text(pos.stance)
        if pos.contested:
            stance.append("\n⚠ contested", style="bold magenta")
        cell = Text(one_line(pos.summary), no_wrap=True, overflow="ellipsis")
        cell.append("\n")
        cell.append(f"{outlet}, {date}: ", style="dim")
        cell.append(one_line(latest.text) if latest else "no evidence kept", style="italic")
        detail = Text()
        detail.append(f"{one_line(party.name)} {pos.stance}", style="bold")
        if pos.contested:
            detail.append(" ⚠ contradicting reports", style="bold magenta")
        detail.append(f": {one_line(pos.summary)}")
        if latest:
            detail.append(f"\nLatest ({outlet}, {date}): ", style="dim")
            detail.append(one_line(latest.text))
        return Row(
            key=pos.id,
            cells=(name, stance, cell),
            search=" ".join(
                [party.name, pos.stance, pos.summary, latest.text if latest else "", outlet]
            ).casefold(),
            entry=("position", pos.id),
            detail=detail,
            height=2,
        )
