"""The detail under a pane's list keeps the tallest height it needed at its width."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from tui.components.detail import Detail

LONG = Text("word " * 60)  # several lines at 40 columns


class _OneDetail(App):
    def __init__(self, first: Text | None) -> None:
        super().__init__()
        self.first = first

    def compose(self) -> ComposeResult:
        detail = Detail()
        if self.first is not None:
            detail.update(self.first)  # before any layout: at no width yet
        yield detail


async def _height_after(first: Text | None, then: list[Text]) -> int:
    app = _OneDetail(first)
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        detail = app.query_one(Detail)
        for text in then:
            detail.update(text)
            await pilot.pause()
        return detail.size.height


async def test_the_height_held_does_not_depend_on_whether_text_came_before_the_layout():
    """A loaded machine once laid the detail out before its first text, once after: the
    filter snapshot then drew it one line shorter."""
    before = await _height_after(LONG, [Text("")])
    after = await _height_after(None, [LONG, Text("")])
    assert before == after > 1
