"""The key bar: the focused widget's keys on one line, drawn by one widget.

Textual's Footer is a container of one widget per key, each styled on mount and all of them
rebuilt on every focus change: at start-up that was a third of the widgets on screen. This bar
shows the same "key description" pairs from the same binding data (`screen.active_bindings`),
the command palette key on the right, and redraws only when what it shows changes. A click
on a key presses it, as in Textual's footer.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.events import Click
from textual.widget import Widget

PALETTE_SEPARATOR = "▏"  # Textual's footer draws a `vkey` border before the palette key


def shown_keys(screen) -> tuple:
    """What the bar shows for the screen's current bindings: (key, label, description,
    enabled) per action, first binding of each action, in binding order."""
    seen: dict[str, tuple] = {}
    for _node, binding, enabled, _tooltip in screen.active_bindings.values():
        if binding.show and binding.action not in seen:
            label = screen.app.get_key_display(binding)
            seen[binding.action] = (binding.key, label, binding.description, enabled)
    return tuple(seen.values())


class KeyFooter(Widget, can_focus=False):
    """One line of keys at the bottom of a screen."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple = ()
        self._palette: tuple | None = None  # the command palette key, on the right
        self._spans: list[tuple[int, int, str]] = []  # (start, end, key) of each drawn key

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen) -> None:
        """Redraw when the keys on show change (a focus change often changes nothing)."""
        if not self.is_attached or screen is not self.screen:
            return
        keys = shown_keys(screen)
        palette = self._palette_key(screen)
        if (keys, palette) != (self._shown, self._palette):
            self._shown, self._palette = keys, palette
            self.refresh()

    def _palette_key(self, screen) -> tuple | None:
        app = screen.app
        if not app.ENABLE_COMMAND_PALETTE:
            return None
        found = screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
        if found is None:
            return None
        _node, binding, enabled, _tooltip = found
        return (binding.key, app.get_key_display(binding), binding.description, enabled)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-footer--key", partial=True)
        description_style = self.get_component_rich_style(
            "key-footer--description", partial=True
        )
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, str]] = []
        for key, label, description, enabled in self._shown:
            start = line.cell_len
            self._append_key(line, label, description, enabled, key_style, description_style)
            spans.append((start, line.cell_len, key))
        if self._palette is not None:
            key, label, description, enabled = self._palette
            right = Text(PALETTE_SEPARATOR, style=Style(dim=True), end="")
            self._append_key(right, label, description, enabled, key_style, description_style)
            start = max(self.size.width - right.cell_len, 0)  # keys beyond it are hidden
            line.truncate(start, pad=True)
            line.append_text(right)
            spans.insert(0, (start, line.cell_len, key))
        self._spans = spans
        return line

    @staticmethod
    def _append_key(line: Text, label, description, enabled, key_style, description_style):
        dim = Style() if enabled else Style(dim=True)
        pad = "" if line.plain.endswith(PALETTE_SEPARATOR) else " "
        line.append(f"{pad}{label} ", style=key_style + dim)
        if description:
            line.append(f"{description} ", style=description_style + dim)

    def on_click(self, event: Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
