"""Article text on screen: always literal, never markup, never terminal control codes.

Control characters become their visible Unicode pictures (ESC → ␛), one character for one,
so offsets into an article stay valid after cleaning.
"""

from __future__ import annotations

from rich.text import Text

_PICTURES = {c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\n\t"}
_PICTURES[0x7F] = "\u2421"
_ONE_LINE = {**_PICTURES, ord("\n"): " ", ord("\t"): " "}

STATUS_BADGES = {
    "agreed": ("✔", "AGREED", "bold green"),
    "narrowing": ("◐", "NARROWING", "bold yellow"),
    "disputed": ("✖", "DISPUTED", "bold red"),
    "open": ("○", "OPEN", "bold blue"),
}
STANCE_STYLES = {
    "demands": "red",
    "rejects": "red",
    "offers": "yellow",
    "conditional": "yellow",
    "accepts": "green",
    "supports": "green",
    "unclear": "dim",
}


def visible(value: str | None) -> str:
    """The string with control characters shown as pictures (same length)."""
    return (value or "").translate(_PICTURES)


def one_line(value: str | None, limit: int | None = None) -> str:
    """A single display line: controls shown, line breaks folded, optionally shortened."""
    line = " ".join((value or "").translate(_ONE_LINE).split())
    if limit is not None and len(line) > limit:
        return line[: max(limit - 1, 0)] + "…"
    return line


def literal(value: str | None, style: str = "", limit: int | None = None) -> Text:
    """A Rich Text holding exactly the given text (no markup parsing)."""
    return Text(one_line(value, limit), style=style, no_wrap=True, overflow="ellipsis")


def status_badge(status: str) -> Text:
    """A coloured status badge that still reads without colour (symbol + word)."""
    symbol, word, style = STATUS_BADGES.get(status, ("?", status.upper(), ""))
    return Text(f"{symbol} {word}", style=style)


def stance_text(stance: str, contested: bool = False) -> Text:
    text = Text(stance, style=STANCE_STYLES.get(stance, ""))
    if contested:
        text.append(" ⚠ contested", style="bold magenta")
    return text


def date_text(value: str | None) -> Text:
    return Text(value or "undated", style="" if value else "dim italic")
