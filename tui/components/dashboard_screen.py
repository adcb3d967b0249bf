"""The dashboard's screen: Textual's default screen, minus a full repaint per focus change.

Textual's `Screen.focused` is a reactive that repaints the whole screen when it changes, so
switching panes redrew all four of them. The focus styles (`:focus`, `:focus-within`)
already refresh the widgets whose look changes, which is all a pane switch needs.
"""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class DashboardScreen(Screen):
    """The first screen of the app (`App.get_default_screen`)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
