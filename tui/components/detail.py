"""The selected entry in full, under a pane's list.

A `Static` asks for a new layout of the whole screen on every update (its height may have
changed), and a layout repaints every pane: on a key press that moved a cursor that was most
of the cost. This widget keeps the tallest height it has needed at the current width (within
the CSS min/max), so moving through entries asks for a layout only when a taller one comes;
the list above it stops jumping too.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.visual import visualize
from textual.widget import Widget


class Detail(Widget):
    """Rich text (never markup), redrawn in place while it fits the height it has."""

    DEFAULT_CSS = """
    Detail {
        height: auto;
    }
    """

    def __init__(self, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self._text = Text()
        self._held = (0, 0)  # (width, lines): the height kept at that width

    def update(self, text: Text) -> None:
        if text == self._text and self._held[0]:
            return
        self._text = text
        width = self.content_region.width if self.is_mounted else 0
        lines = self._lines_at(width) if width > 0 else 0
        held_width, held = self._held
        taller = width <= 0 or width != held_width or lines > held
        if taller:
            self._held = (width, max(lines, held if width == held_width else 0))
        self.refresh(layout=taller)

    def _lines_at(self, width: int) -> int:
        return visualize(self, self._text).get_height(self.styles, width)  # as layout does

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        lines = super().get_content_height(container, viewport, width)
        held_width, held = self._held
        if width != held_width:  # the first layout at this width: hold from here, whether
            self._held = (width, lines)  # an update came before it (at no width) or not
            return lines
        return max(lines, held)

    def render(self) -> Text:
        return self._text
