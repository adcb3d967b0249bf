"""Issue tagging: which codebook issues a passage concerns, from the codebook's terms.

The codebook's last issue is the catch-all for talk about the talks themselves (progress,
meetings, timing): it applies only when nothing more specific does.
"""

from __future__ import annotations

import re

from store.codebook import Codebook

# Where a clause ends: the topic of a quoted fragment is named inside its own clause.
_CLAUSE_BREAK = re.compile(r"[;:—–]|\s--\s|\b(?:but|while|whereas|although|though)\b", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n+")


def tag_issues(text: str, codebook: Codebook) -> tuple[str, ...]:
    """Issue ids whose terms occur in `text`, in codebook order."""
    return tuple(iid for iid, pat in codebook.issue_patterns.items() if pat.search(text))


def catch_all(codebook: Codebook) -> str:
    """The issue for talk about the talks themselves: the codebook's last issue."""
    return codebook.issues[-1].id


def specific(issues: tuple[str, ...], codebook: Codebook) -> tuple[str, ...]:
    general = catch_all(codebook)
    return tuple(i for i in issues if i != general)


def _clause_around(text: str, sentence: tuple[int, int], start: int, end: int) -> str:
    """The words of the quote's own clause outside the quotation marks."""
    s, e = sentence
    before = text[s:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    after = text[end:e]
    stop = _CLAUSE_BREAK.search(after)
    if stop:
        after = after[: stop.start()]
    return before + " " + after


def _adjacent_paragraphs(text: str, earlier_end: int, later_start: int) -> bool:
    """Whether two spans lie in the same paragraph or in consecutive ones."""
    return len(_PARAGRAPH_BREAK.findall(text, earlier_end, later_start)) <= 1


def quote_issues(quotes, text: str, sentences, codebook: Codebook) -> list[tuple[str, ...]]:
    """The issues of each quotation of an article.

    1. the specific issues its own words name;
    2. else those named in its clause (the "issue of territories" that "is a painful one");
    3. else, if its words are talk about the talks, the catch-all;
    4. else the issues of the same speaker's quotation just before (a statement goes on);
    5. else the catch-all.
    """
    general = (catch_all(codebook),)
    out: list[tuple[str, ...]] = []
    for n, q in enumerate(quotes):
        own = tag_issues(q.text, codebook)
        found = specific(own, codebook)
        if not found and 0 <= q.sentence < len(sentences):
            clause = _clause_around(text, sentences[q.sentence], q.start, q.end)
            found = specific(tag_issues(clause, codebook), codebook)
        if not found and not own and n > 0:
            prev = quotes[n - 1]
            if prev.speaker and prev.speaker == q.speaker and _adjacent_paragraphs(
                text, prev.end, q.start
            ):
                found = out[n - 1]
        out.append(found or general)
    return out
