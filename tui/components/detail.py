"""The selected entry in full, under a pane's list.

A `Static` asks for a new layout of the whole screen on every update (its height may have
changed), and a layout repaints every pane: on a key press that moved a cursor that was most
of the cost. This widget asks for a layout only when the text wraps to another number of
lines, and does nothing when the text is the same.
"""

from __future__ import annotations

from rich.text import Text
from textual.visual import visualize
from textual.widget import Widget


class Detail(Widget):
    """Rich text (never markup), redrawn in place while its height holds."""

    DEFAULT_CSS = """
    Detail {
        height: auto;
    }
    """

    def __init__(self, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self._text = Text()
        self._lines: int | None = None

    def update(self, text: Text) -> None:
        if text == self._text and self._lines is not None:
            return
        self._text = text
        lines = self._wrapped_lines()
        self.refresh(layout=lines is None or lines != self._lines)
        self._lines = lines

    def _wrapped_lines(self) -> int | None:
        width = self.content_region.width if self.is_mounted else 0
        if width <= 0:
            return None
        return visualize(self, self._text).get_height(self.styles, width)  # as layout does

    def on_resize(self) -> None:
        self._lines = self._wrapped_lines()

    def render(self) -> Text:
        return self._text
