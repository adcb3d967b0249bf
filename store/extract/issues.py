"""Issue tagging: which codebook issues a passage concerns, from the codebook's terms.

The codebook's last issue is the catch-all for talk about the talks themselves (progress,
meetings, timing): it applies to a quotation only when nothing more specific does.
"""

from __future__ import annotations

from store.codebook import Codebook


def tag_issues(text: str, codebook: Codebook) -> tuple[str, ...]:
    """Issue ids whose terms occur in `text`, in codebook order."""
    return tuple(iid for iid, pat in codebook.issue_patterns.items() if pat.search(text))


def catch_all(codebook: Codebook) -> str:
    """The issue for talk about the talks themselves: the codebook's last issue."""
    return codebook.issues[-1].id


def specific(issues: tuple[str, ...], codebook: Codebook) -> tuple[str, ...]:
    general = catch_all(codebook)
    return tuple(i for i in issues if i != general)


def quote_issues(quote, text: str, sentences, sentence_issues, codebook: Codebook):
    """The issues of a quotation: its own words first, then its sentence, then its paragraph.

    Specific issues win over the catch-all; a quote that names none is about the talks.
    """
    own = tag_issues(quote.text, codebook)
    if specific(own, codebook):
        return own
    i = quote.sentence
    if 0 <= i < len(sentence_issues):
        around = specific(sentence_issues[i], codebook)
        if around:
            return around
        # Earlier sentences of the same paragraph (no line break between them).
        j = i - 1
        while j >= 0 and "\n" not in text[sentences[j][1] : sentences[j + 1][0]]:
            earlier = specific(sentence_issues[j], codebook)
            if earlier:
                return earlier
            j -= 1
    return (catch_all(codebook),)
