"""The verbatim quotes on the selected issue, optionally one party's (`p` cycles)."""

from __future__ import annotations

from rich.text import Text

from tui.components.entry_table import Row
from tui.components.pane import Pane
from tui.components.positions import outlet_name
from tui.components.text import date_text, one_line


def reported_by(store, quote) -> str:
    """The outlet, or "reported by N: A, B" when several outlets carry the quote."""
    outlets = [outlet_name(store, quote.source)]
    outlets += [outlet_name(store, s) for s in quote.also_in]
    if len(outlets) == 1:
        return outlets[0]
    return f"reported by {len(outlets)}: " + ", ".join(dict.fromkeys(outlets))


class QuotesPane(Pane):
    pane_id = "quotes"
    number = 3
    title = "Quotes"
    noun = "quotes"
    columns = (
        ("quote", "Quote · speaker (party)", None),
        ("date", "Date · outlet", 14),
    )
    row_height = 2

    def __init__(self) -> None:
        super().__init__()
        self.party_filter: str | None = None
        self._rows: dict[int, tuple] = {}  # id(quote) → (quote, Row): back on an issue, no rebuild

    def cycle_party(self, parties: list) -> str | None:
        """Next party filter: none, then each codebook party in turn."""
        ids = [None, *(p.id for p in parties)]
        n = ids.index(self.party_filter) if self.party_filter in ids else 0
        self.party_filter = ids[(n + 1) % len(ids)]
        return self.party_filter

    def load(self, store, issue_id: str | None) -> None:
        if issue_id is None:
            self.set_rows([], "Select an issue to see its quotes.")
            return
        party = store.party_name(self.party_filter) if self.party_filter else None
        self.set_title(party)
        self.store = store
        quotes = store.quotes_view(issue_id, self.party_filter)  # made as they are drawn
        names = {p.id: p.name for p in store.parties()}

        def search_of(q) -> str:
            return (
                f"{q.text} {q.speaker or ''} {names.get(q.party, '')} "
                f"{outlet_name(store, q.source)}".casefold()
            )

        if party:
            empty = f"No quotes from {party} on this issue. p cycles the party filter."
        else:
            empty = "No quotes on this issue."
        self.set_items(quotes, search_of, empty)

    def key_of(self, q) -> str:
        return q.id

    def make_row(self, q) -> Row:
        kept = self._rows.get(id(q))
        if kept is not None and kept[0] is q:  # the store keeps the quotes it made
            return kept[1]
        if len(self._rows) > 4_000:
            self._rows.clear()
        row = self._row(q)
        self._rows[id(q)] = (q, row)
        return row

    def _row(self, q) -> Row:
        store = self.store
        speaker = one_line(q.speaker) if q.speaker else "unknown speaker"
        party_name = one_line(store.party_name(q.party))
        cell = Text("“" + one_line(q.text) + "”", no_wrap=True, overflow="ellipsis")
        cell.append("\n")
        cell.append(f"— {speaker}", style="bold" if q.speaker else "dim italic")
        cell.append(f" ({party_name})", style="dim")
        count = 1 + len(q.also_in)
        side = date_text(q.date)
        side.append("\n")
        side.append(
            f"reported by {count}" if count > 1 else outlet_name(store, q.source),
            style="bold" if count > 1 else "dim",
        )
        detail = Text("“" + one_line(q.text) + "”")
        detail.append(f" — {speaker} ({party_name}), {reported_by(store, q)}, ")
        detail.append(q.date or "undated")
        return Row(
            key=q.id, cells=(cell, side), entry=("quote", q.id), detail=detail, height=2
        )

    def subtitle(self) -> str:
        text = super().subtitle()
        return f"{text} · party: {self.party_filter}" if self.party_filter else text
