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


_TOKEN = re.compile(r"[\w-]+")
_NONE: list = []
_PREFIX = 5  # wildcard stems ("territor*") are looked up by their first letters


class IssueMatcher:
    """All issues' terms, found by looking up each word of a text once.

    Same answers as searching every issue's regex (`codebook.issue_patterns`), but one pass
    over the words instead of one regex scan per issue: tagging runs for every sentence,
    quotation and clause, so it dominates extraction time otherwise.
    """

    def __init__(self, codebook: Codebook):
        self.order = {issue.id: n for n, issue in enumerate(codebook.issues)}
        self.exact: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        self.prefix: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        self.other: list[tuple[str, re.Pattern[str]]] = []
        for issue in codebook.issues:
            for term in issue.terms:
                self._add(issue.id, term)

    def _add(self, iid: str, term: str) -> None:
        star = term.endswith("*")
        body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
        pattern = re.compile(body + (r"[\w-]*" if star else "") + r"(?!\w)", re.IGNORECASE)
        first = _TOKEN.match(term)
        if first is None:  # "$220 billion": rare, searched as it is
            self.other.append((iid, re.compile(r"(?<![\w-])" + pattern.pattern, re.I)))
        elif star and first.end() == len(term) - 1 and len(first.group()) >= _PREFIX:
            key = first.group()[:_PREFIX].casefold()
            self.prefix.setdefault(key, []).append((iid, pattern))
        else:
            self.exact.setdefault(first.group().casefold(), []).append((iid, pattern))

    def issues(self, text: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
        """Issue ids whose terms occur in text[start:end], in codebook order."""
        end = len(text) if end is None else end
        found: set[str] = set()
        exact, prefix = self.exact, self.prefix
        for m in _TOKEN.finditer(text, start, end):
            word = m.group().casefold()
            candidates = exact.get(word, _NONE) + prefix.get(word[:_PREFIX], _NONE)
            if "-" in word:  # a term may end at a hyphen: "20-point" in "20-point-plan"
                for n, char in enumerate(word):
                    if char == "-" and n:
                        candidates = candidates + exact.get(word[:n], _NONE)
            for iid, pattern in candidates:
                if iid not in found and pattern.match(text, m.start(), end):
                    found.add(iid)
        for iid, pattern in self.other:
            if iid not in found and pattern.search(text, start, end):
                found.add(iid)
        return tuple(sorted(found, key=self.order.__getitem__))


def matcher(codebook: Codebook) -> IssueMatcher:
    """The codebook's matcher, built on first use and kept with the codebook."""
    return codebook.derived("issues", IssueMatcher)


def tag_issues(text: str, codebook: Codebook) -> tuple[str, ...]:
    """Issue ids whose terms occur in `text`, in codebook order."""
    return matcher(codebook).issues(text)


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
    5. else, if its words name no issue at all, the specific issues of the nearest sentence
       before it in its paragraph that names any (the topic the reporting set);
    6. else the catch-all.
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
        if not found and not own:
            found = _paragraph_topic(text, sentences, q.sentence, codebook)
        out.append(found or general)
    return out


def _paragraph_topic(text: str, sentences, n: int, codebook: Codebook) -> tuple[str, ...]:
    """The specific issues of the nearest sentence before sentence `n` in the same paragraph
    that names any: a quotation that names no topic ("Belgium could be left holding the
    bill") continues the one the reporting set ("Belgium, where the money sits at
    Euroclear, remains the main obstacle. Its prime minister has warned of risks.")."""
    if not 0 < n < len(sentences):
        return ()
    for k in range(n - 1, -1, -1):
        start, end = sentences[k]
        if "\n" in text[end : sentences[k + 1][0]]:
            return ()  # the paragraph starts after sentence k
        found = specific(tag_issues(text[start:end], codebook), codebook)
        if found:
            return found
    return ()
