"""The action registry: one list that the key bindings, the help screen and the palette share.

Each action names the Textual action it runs (`action_<id>` on its scope), its keys, a
description a person understands, the pane it concerns (for `?`), and where it is bound:
`app` (works everywhere), `list` (on every list pane), `reader` (in the source reader).
Plain data: no Textual import here, so the registry is cheap to read and test.
"""

from __future__ import annotations

from dataclasses import dataclass

PANES = ("issues", "positions", "quotes", "timeline")


@dataclass(frozen=True)
class Action:
    id: str  # the Textual action name
    keys: str  # Textual key spec, comma separated
    description: str
    pane: str = "all"  # all | list | issues | positions | quotes | timeline | reader
    scope: str = "app"  # app | list | reader
    show: bool = True  # shown in the footer
    key_display: str | None = None

    @property
    def key_label(self) -> str:
        return self.key_display or " / ".join(self.keys.split(","))


ACTIONS: tuple[Action, ...] = (
    # Moving between panes.
    Action("focus_next", "tab", "Next pane", show=False),
    Action("focus_previous", "shift+tab", "Previous pane", show=False),
    Action("pane('issues')", "1", "Go to issues", show=False),
    Action("pane('positions')", "2", "Go to positions", show=False),
    Action("pane('quotes')", "3", "Go to quotes", show=False),
    Action("pane('timeline')", "4", "Go to timeline", show=False),
    # Moving in a list.
    Action("cursor_down", "j,down", "Next row", "list", "list", show=False, key_display="j/↓"),
    Action("cursor_up", "k,up", "Previous row", "list", "list", show=False, key_display="k/↑"),
    Action("cursor_first", "g,home", "First row", "list", "list", show=False),
    Action("cursor_last", "G,end", "Last row", "list", "list", show=False),
    Action("page_down", "pagedown", "Page down", "list", "list", show=False),
    Action("page_up", "pageup", "Page up", "list", "list", show=False),
    Action("open_source", "enter", "Open source", "list", "list", key_display="⏎"),
    # Filters and views.
    Action("filter", "slash", "Filter pane", key_display="/"),
    Action("back", "escape", "Clear filter / back", show=False, key_display="esc"),
    Action("cycle_status", "f", "Status filter", "issues"),
    Action("cycle_party", "p", "Party filter", "quotes"),
    Action("maximise", "z", "Maximise pane"),
    Action("help", "question_mark", "Keys", key_display="?"),
    Action("command_palette", "ctrl+p", "Command palette", show=False),
    # Annotation (the annotations engineer's screens).
    Action("annotate", "a", "Annotate"),
    Action("set_status", "s", "Set status", "issues"),
    Action("show_notes", "n", "Notes"),
    Action("toggle_call", "c", "Start/end call"),
    # New reporting (the ingest screens).
    Action("import_articles", "i", "Add articles"),
    Action("show_changes", "w", "What changed"),
    Action("quit", "q", "Quit"),
    # The source reader.
    Action("close", "escape,q", "Back", "reader", "reader", key_display="esc"),
    Action("scroll_down", "j,down", "Scroll down", "reader", "reader", show=False),
    Action("scroll_up", "k,up", "Scroll up", "reader", "reader", show=False),
    Action("scroll_home", "g,home", "Top", "reader", "reader", show=False),
    Action("scroll_end", "G,end", "Bottom", "reader", "reader", show=False),
    Action("page_down", "pagedown,space", "Page down", "reader", "reader", show=False),
    Action("page_up", "pageup", "Page up", "reader", "reader", show=False),
    Action("to_passage", "enter", "Back to passage", "reader", "reader"),
)


def actions_for(scope: str) -> list[Action]:
    """The actions bound at one scope (app, list or reader)."""
    return [a for a in ACTIONS if a.scope == scope]


def actions_for_pane(pane: str) -> list[Action]:
    """What `?` lists for a pane: that pane's keys, the list keys, then the global ones."""
    if pane == "reader":
        return [a for a in ACTIONS if a.pane == "reader"]
    own = [a for a in ACTIONS if a.pane == pane]
    listing = [a for a in ACTIONS if a.pane == "list"]
    rest = [a for a in ACTIONS if a.pane == "all"]
    return own + listing + rest
