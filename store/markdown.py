"""Markdown articles as plain text: markup gone, every word of the text kept.

markdown-it-py (already installed with Rich) parses the document; we keep the text of
each block on its own line, so headings, list items and paragraphs stay separate lines for
the cleaner, and emphasis, links and code marks disappear. Front matter is left in place
for the cleaner, which reads title, outlet and date from it.
"""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
# Footnotes (not CommonMark, so parsed as text): "[^1]: ..." starts a note, "[^1]" refers to
# one. Each note becomes its own paragraph, and both markers go: they are markup, not words.
_FOOTNOTE_DEF = re.compile(r"(?:^|\s+)\[\^[^\]\s]+\]:\s*")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")


def _inline_text(token) -> str:
    out = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" " if child.type == "softbreak" else "\n")
        elif child.type == "image":
            continue
    return "".join(out)


def markdown_to_text(source: str) -> str:
    """The text of a Markdown document, one block per line, blank lines between blocks."""
    from markdown_it import MarkdownIt

    front = _FRONT_MATTER.match(source)
    head = front.group(0) if front else ""
    body = source[len(head) :]
    blocks = []
    for token in MarkdownIt("commonmark").parse(body):
        if token.type == "inline":
            text = _inline_text(token).strip()
            if "[^" in text:
                blocks += _footnotes(text)
            elif text:
                blocks.append(text)
        elif token.type in ("code_block", "fence"):
            blocks.append(token.content.strip())
    return head + "\n\n".join(blocks) + "\n"


def _footnotes(text: str) -> list[str]:
    """A block holding footnote markers as paragraphs: one per note, the markers removed."""
    parts = (_FOOTNOTE_REF.sub("", part).strip() for part in _FOOTNOTE_DEF.split(text))
    return [part for part in parts if part]
