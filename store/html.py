"""HTML pages: the article body taken out with trafilatura, a well-kept extractor."""

from __future__ import annotations

import re
from html import unescape

_COPYRIGHT = re.compile(r"(?:©|&copy;|&#169;)\s*([^<>\n]{3,60})")
_TIME_TAG = re.compile(r"<time\b[^>]*>([^<]{1,40})</time>", re.IGNORECASE)
_STAMP_P = re.compile(r"<p\b[^>]*\bclass=([\"'])[^\"']*timestamp[^\"']*\1[^>]*>", re.IGNORECASE)
_TITLE_TAG = re.compile(r"<title[^>]*>([^<]{3,400})</title>", re.IGNORECASE)
# A page title's site name after its headline: "Pope renews appeal ... - Vatican News".
_SITE_AFTER = re.compile(r"\S\s+[-|–—·]\s+([^-|–—·]{2,60})$")


def html_to_text(html: str) -> str | None:
    """The article's title and body as plain text (paragraphs on their own lines), or None."""
    import trafilatura  # heavy: only imported when an HTML page is read

    # A live page's entry times, which the extractor drops as page furniture: kept as text,
    # each on its line, so the entries keep the page's day ("19.20 GMT", "7:05 PM ET").
    page = _STAMP_P.sub("<p>", _TIME_TAG.sub(r"\1", html))
    doc = trafilatura.bare_extraction(page, include_comments=False, with_metadata=True)
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
    site = getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or _title_site(html)
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


def _title_site(html: str) -> str | None:
    """The site a page's <title> names after its headline ("... - Vatican News"), if the
    page's metadata named none: a name of a few words."""
    title = _TITLE_TAG.search(html)
    site = title and _SITE_AFTER.search(" ".join(unescape(title[1]).split()))
    return site[1] if site and len(site[1].split()) <= 8 else None
