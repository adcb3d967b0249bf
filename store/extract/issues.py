"""Issue tagging: which codebook issues a passage concerns, from the codebook's terms."""

from __future__ import annotations

from store.codebook import Codebook


def tag_issues(text: str, codebook: Codebook) -> tuple[str, ...]:
    """Issue ids whose terms occur in `text`, in codebook order."""
    return tuple(iid for iid, pat in codebook.issue_patterns.items() if pat.search(text))
