"""HTML pages: the article body taken out with trafilatura, a well-kept extractor."""

from __future__ import annotations

import re
from html import unescape

_COPYRIGHT = re.compile(r"(?:©|&copy;|&#169;)\s*([^<>\n]{3,60})")


def html_to_text(html: str) -> str | None:
    """The article's title and body as plain text (paragraphs on their own lines), or None."""
    import trafilatura  # heavy: only imported when an HTML page is read

    doc = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if doc is None:
        return None
    body = (getattr(doc, "text", None) or "").strip()
    if not body:
        return None
    lines = []
    title = getattr(doc, "title", None)
    if title:
        lines += [title.strip(), ""]
    lines.append(body)
    meta = []
    site = getattr(doc, "sitename", None) or getattr(doc, "hostname", None)
    if site:
        meta.append(f"Source: {site}")
    elif copyright := _COPYRIGHT.search(html):  # the page's footer, which the extractor
        meta.append("© " + unescape(copyright[1]).strip())  # drops: "© Le Monde 2025"
    date = getattr(doc, "date", None)
    if date:
        meta.append(f"Published: {date}")
    if meta:
        lines += [""] + meta
    return "\n".join(lines) + "\n"
