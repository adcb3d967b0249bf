"""A tiny corpus and a minimal dashboard stand-in for the notes UI tests.

The stand-in has what the real dashboard promises the notes UI: `store`, `current_entry()`,
`refresh_data()`, `jump_to(kind, id)` and the four keys a, s, n, c.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

from store.api import Store
from store.corpus import write_corpus
from tui.components.call_dialog import toggle_call
from tui.components.notes_editor import annotate
from tui.components.notes_render import watch_notes
from tui.components.notes_screen import show_notes
from tui.components.status_dialog import set_status

SOURCE = "src1"
TEXT = "Negotiators met in Berlin. Territory remains disputed, one official said."


def tiny_tables(issue_status: str = "narrowing", with_quote: bool = True) -> dict:
    sentences = [
        {"id": "s1", "source": SOURCE, "start": 0, "end": 26, "text": TEXT[:26], "issues": []},
        {
            "id": "s2",
            "source": SOURCE,
            "start": 27,
            "end": len(TEXT),
            "text": TEXT[27:],
            "issues": ["territory"],
        },
    ]
    quotes = []
    if with_quote:
        quotes.append(
            {
                "id": "q1",
                "text": "remains disputed",
                "start": 37,
                "end": 53,
                "speaker": "An official",
                "actor": None,
                "party": "ua",
                "source": SOURCE,
                "issues": ["territory"],
                "kind": "fragment",
                "sentence": "s2",
                "date": "2025-12-15",
            }
        )
    return {
        "sources": [
            {
                "id": SOURCE,
                "path": "a.txt",
                "title": "Talks in Berlin",
                "outlet": "Example Wire",
                "published": "2025-12-15",
                "published_basis": "stated",
            }
        ],
        "parties": [{"id": "ua", "name": "Ukraine"}, {"id": "ru", "name": "Russia"}],
        "actors": [],
        "issues": [
            {
                "id": "territory",
                "title": "Territory",
                "status": issue_status,
                "status_basis": ["s2"],
                "sources": 1,
                "quotes": len(quotes),
            },
            {"id": "nato", "title": "NATO", "status": "open", "status_basis": []},
        ],
        "positions": [],
        "quotes": quotes,
        "events": [
            {
                "id": "e1",
                "date": "2025-12-15",
                "date_basis": "stated",
                "precision": "day",
                "title": "Negotiators met in Berlin",
                "sources": [SOURCE],
                "sentences": ["s1"],
            }
        ],
        "sentences": sentences,
    }


def make_store(data: Path, **kwargs) -> Store:
    store = Store(data)
    write_corpus(store.corpus_path, tiny_tables(**kwargs), {SOURCE: TEXT}, {"negotiation": "T"})
    store.load()
    store.notes._author = "tester"  # no dependence on the machine's user name
    return store


class NotesTestApp(App):
    """What the dashboard gives the notes UI, and nothing more."""

    BINDINGS = [
        ("a", "annotate", "Note"),
        ("s", "set_status", "Status"),
        ("n", "show_notes", "Notes"),
        ("c", "toggle_call", "Call"),
    ]

    def __init__(self, store: Store, entry: tuple[str, str] | None = ("issue", "territory")):
        super().__init__()
        self.store = store
        self.entry = entry
        self.refreshes = 0
        self.jumped: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Static("dashboard")

    def on_mount(self) -> None:
        self.watcher = watch_notes(self)

    def current_entry(self):
        return self.entry

    def refresh_data(self) -> None:
        self.refreshes += 1

    def jump_to(self, kind: str, entry_id: str) -> None:
        self.jumped = (kind, entry_id)

    def action_annotate(self) -> None:
        annotate(self)

    def action_set_status(self) -> None:
        set_status(self)

    def action_show_notes(self) -> None:
        show_notes(self)

    def action_toggle_call(self) -> None:
        toggle_call(self)
