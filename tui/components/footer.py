"""The key bar: Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer recomposes (dozens of new widgets, each styled) on every focus change. In
the dashboard every pane's list has the same keys, so moving between panes changed nothing
it shows yet cost most of the key press; this footer compares what it would show first.
"""

from __future__ import annotations

from textual.widgets import Footer


def shown_keys(screen) -> tuple:
    """What the footer would show for the screen's current bindings."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled, tooltip)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class KeyFooter(Footer):
    """A Footer that skips rebuilding when the keys on show are the same."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple | None = None

    def bindings_changed(self, screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            keys = shown_keys(screen)
            if self._bindings_ready and keys == self._shown:
                return
            self._shown = keys
        super().bindings_changed(screen)
