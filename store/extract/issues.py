"""Issue tagging: which codebook issues a passage concerns, from the codebook's terms.

The codebook's last issue is the catch-all for talk about the talks themselves (progress,
meetings, timing): it applies only when nothing more specific does.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from store.codebook import Codebook, term_pattern
from store.extract.scan import (
    clean_edges,
    first_chars,
    leader,
    lowered,
    trie_pattern,
    word_or_hyphen,
)

# Where a clause ends: the topic of a quoted fragment is named inside its own clause.
_CLAUSE_BREAK = re.compile(
    r"[;:—–]|\s--\s|,\s+and\s+(?:that|said|added)\b|\b(?:but|while|whereas|although|though)\b",
    re.I)
_PARAGRAPH_BREAK = re.compile(r"\n+")


_TOKEN = re.compile(r"[\w-]+")
_NONE: list = []
_PREFIX = 5  # wildcard stems ("territor*") are looked up by their first letters
# A letter whose case folding may not be ASCII: r"(?![\x00-\x7f])\w", opening with a class
# `re` skips ahead to instead of a look ahead tried at every position.
_NON_ASCII = re.compile(r"[^\x00-\x7f](?<=\w)")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")
_MEMO_LIMIT = 4096  # texts remembered (IssueMatcher.memo) before the memory starts afresh
_WORDS_LIMIT = 50_000  # words remembered (IssueMatcher.by_word) before it starts afresh


class IssueMatcher:
    """All issues' terms, found by looking up each word of a text once.

    Same answers as searching every issue's regex (`codebook.issue_patterns`), but one pass
    over the words instead of one regex scan per issue: tagging runs for every sentence,
    quotation and clause, so it dominates extraction time otherwise. A prefilter (`starts`)
    finds the words a term may start with, so only those get a Python step.
    """

    def __init__(self, codebook: Codebook):
        self.order = {issue.id: n for n, issue in enumerate(codebook.issues)}
        self.exact: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        self.prefix: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        self.other: list[tuple[str, re.Pattern[str], str | None]] = []
        self.heads: dict[str, list[str]] = {}  # key → its terms' lower-case heads (_head)
        added = [(issue.id, term, self._add(issue.id, term))
                 for issue in codebook.issues for term in issue.terms]
        self.held_terms = _held_terms(added)
        self.starts = self._starts_regex()
        self.starts_long = self._starts_regex(long=True)
        # The keys of starts_long (regex atoms), to look ahead with from a position no word
        # character nor hyphen comes before: a caller may scan for these word starts and its
        # own at once (store.extract.positions.article_scans).
        self.start_keys = self._long_keys()
        # The characters besides word characters and hyphens that a term's match may hold
        # ("$", "'", spaces): a text split at any other character has no match across it.
        terms = [t.rstrip("*") for issue in codebook.issues for t in issue.terms]
        self.joiners = frozenset(
            c for t in terms for c in t + t.upper() + t.lower() if not _WORD_OR_HYPHEN.match(c)
        )
        # text → issues, for the current article (its sentences are put in as they are tagged)
        self.memo: dict[str, tuple[str, ...]] = {}
        # word as written → its _candidates: the same words recur in every article
        self.by_word: dict[str, list[tuple[str, re.Pattern[str]]]] = {}

    def _add(self, iid: str, term: str) -> re.Pattern[str]:
        star = term.endswith("*")
        body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
        pattern = re.compile(body + (r"[\w-]*" if star else "") + r"(?!\w)", re.IGNORECASE)
        first = _TOKEN.match(term)
        if first is None:  # "$220 billion": rare, searched as it is
            self.other.append(
                (iid, re.compile(r"(?<![\w-])" + pattern.pattern, re.I), _caseless(term[:1]))
            )
        elif star and first.end() == len(term) - 1 and len(first.group()) >= _PREFIX:
            key = first.group()[:_PREFIX].casefold()
            self.prefix.setdefault(key, []).append((iid, pattern))
            self.heads.setdefault(key, []).append(_head(term, _PREFIX))
        else:
            key = first.group().casefold()
            self.exact.setdefault(key, []).append((iid, pattern))
            self.heads.setdefault(key, []).append(_head(term, first.end()))
        return pattern

    def _starts_regex(self, long: bool = False) -> re.Pattern[str]:
        """Where, in a text's lower case (scan.lowered), a word may be one `issues` looks up:
        it is a key of `exact` up to its end or a hyphen, or starts with a key of `prefix`.
        (Words with a non-ASCII letter, whose case folding the lower case may not show, are
        looked up whatever they are: _words.) `long`: the key must also go on as one of its
        terms does (up to the term's wildcard or first non-ASCII character), so "the" is
        looked up only where "the plant" or "the assets" stands, not at every "the"."""
        keys = self._long_keys() if long else self._keys()
        group = "(?=" if long else "(?:"  # (long: matching no further than the word start,
        # so the term's later words are still found as words of their own)
        words = [k for k in keys if re.match(r"\w", k[0])]
        others = [k for k in keys if not re.match(r"\w", k[0])]  # a key such as "-led"
        pattern = r"\b(?<!-)" + group + trie_pattern(words) + ")"  # \b first: quicker scan
        if others:
            pattern += r"|(?<![\w-])" + group + trie_pattern(others) + ")"
        return re.compile(first_chars(key[0] for key in (*self.exact, *self.prefix))
                          + "(?:" + pattern + ")")

    def _keys(self) -> list[list[str]]:
        """The regex atoms of each key: an `exact` key up to its end or a hyphen, a `prefix`
        key as the start of a word."""
        keys = [[*map(re.escape, key), r"(?!\w)"] for key in self.exact]
        return keys + [list(map(re.escape, key)) for key in self.prefix]

    def _long_keys(self) -> list[list[str]]:
        """_keys, each going on as one of its terms does (_head)."""
        return [[*key[: len(k)], *(head or key[len(k):])]
                for key, k in zip(self._keys(), [*self.exact, *self.prefix], strict=True)
                for head in self.heads[k]]

    def _words(self, text: str, start: int, end: int,
               scanned: tuple[str, list[int]] | None = None):
        """The words of text[start:end] that may start a term (all of them, when the
        prefilter cannot be trusted on this text). `scanned`: for the whole text, when it
        holds none of _ODD_LETTERS, its lower case (scan.lowered) and where starts_long finds
        words in it, when the caller has scanned for them already."""
        if scanned is not None:
            low, found = scanned
        else:
            low = lowered(text)
            if low is None or (start > 0 and _WORD_OR_HYPHEN.match(text, start - 1)):
                yield from _TOKEN.finditer(text, start, end)  # (a word cut at `start` counts)
                return
            starts = self.starts_long
            if not low.isascii() and _ODD_LETTERS.search(low, start, end):
                starts = self.starts  # a later word of a term may be case-folded away here
            found = [w.start() for w in starts.finditer(low, start, end)]
        if not low.isascii():
            more = {_word_start(low, w.start(), start)
                    for w in _NON_ASCII.finditer(low, start, end)}
            if more:
                found = sorted(more.union(found))
        token = _TOKEN.match
        for at in found:
            yield token(text, at, end)

    def inert(self, char: str) -> bool:
        """Whether no term's match may hold `char`: no word character nor hyphen, no space,
        none of the joiners, and no case of its own (a case-insensitive match takes no letter
        for it)."""
        return not (word_or_hyphen(char) or char.isspace() or char in self.joiners
                    or char.lower() != char or char.upper() != char)

    def _candidates(self, word: str) -> list[tuple[str, re.Pattern[str]]]:
        word = word.casefold()
        candidates = self.exact.get(word, _NONE) + self.prefix.get(word[:_PREFIX], _NONE)
        if "-" in word:  # a term may end at a hyphen: "20-point" in "20-point-plan"
            for n, char in enumerate(word):
                if char == "-" and n:
                    candidates = candidates + self.exact.get(word[:n], _NONE)
        return candidates

    def candidates_of(self, word: str) -> list[tuple[str, re.Pattern[str]]]:
        """_candidates(word), remembered (up to _WORDS_LIMIT words, then afresh)."""
        found = self.by_word.get(word)
        if found is None:
            if len(self.by_word) >= _WORDS_LIMIT:
                self.by_word.clear()
            found = self.by_word[word] = self._candidates(word)
        return found

    def issues(self, text: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
        """Issue ids whose terms occur in text[start:end], in codebook order."""
        end = len(text) if end is None else end
        held_terms = self.held_terms
        hits: list[tuple[int, int, str]] = []  # every match, for the terms that may be held
        maybe_held: list[int] = []
        for m in self._words(text, start, end):
            for iid, pattern in self._candidates(m.group()):
                hit = pattern.match(text, m.start(), end)
                if hit:
                    if pattern in held_terms:
                        maybe_held.append(len(hits))
                    hits.append((hit.start(), hit.end(), iid))
        held = _covered(hits, [h[0] for h in hits], maybe_held)
        found = {iid for k, (_s, _e, iid) in enumerate(hits) if k not in held}
        for iid, pattern, first in self.other:
            if iid in found or (first is not None and text.find(first, start, end) < 0):
                continue
            if pattern.search(text, start, end):
                found.add(iid)
        return tuple(sorted(found, key=self.order.__getitem__))

    def tag(self, text: str) -> tuple[str, ...]:
        """issues(text), remembered: a sentence is tagged as a sentence, again as a quote's
        paragraph topic and again for its events."""
        found = self.memo.get(text)
        if found is None:
            if len(self.memo) >= _MEMO_LIMIT:
                self.memo.clear()
            found = self.memo[text] = self.issues(text)
        return found

    def new_article(self) -> None:
        """Forget the texts of the article before (a memory spans one article)."""
        self.memo.clear()


_REACH = 160  # characters a term holding another's match may start before it


def _held_terms(added: list[tuple[str, str, re.Pattern[str]]]) -> frozenset[re.Pattern[str]]:
    """The patterns of the terms whose words a longer term of another issue holds ("safety" in
    "nuclear safety"): only their matches need the look for a longer one around (_covered).
    Terms searched as they are ("$220 billion") neither hold nor are held."""
    words = [(iid, term.rstrip("*").casefold(), pattern) for iid, term, pattern in added
             if _TOKEN.match(term)]
    return frozenset(
        pattern for iid, stem, pattern in words
        if any(oid != iid and len(longer) > len(stem)
               and re.search(r"(?<![\w-])" + re.escape(stem), longer)
               for oid, longer, _ in words)
    )


def _covered(hits: list[tuple[int, int, str]], starts: list[int], maybe: list[int]
             ) -> dict[int, list[tuple[int, int]]]:
    """Of the hits (start, end, issue; in order of start, `starts` their starts) numbered in
    `maybe`, those that hits of other issues' longer terms hold, with the holders' spans: a
    term inside a longer one is that one's word, not a term of its own issue ("nuclear
    safety" is the plant's, not a security guarantee's "safety"; the longest match wins, as
    in any tokeniser)."""
    out = {}
    for k in maybe:
        s, e, iid = hits[k]
        lo, hi = bisect_left(starts, s - _REACH), bisect_right(starts, s)
        spans = [(os, oe) for os, oe, other in hits[lo:hi]
                 if other != iid and oe >= e and oe - os > e - s]
        if spans:
            out[k] = spans
    return out


def _head(term: str, skip: int) -> list[str]:
    """The regex atoms of `term` after its first `skip` characters (its key's), in lower case,
    up to its wildcard or its first non-ASCII character (whose case a lower-case text may not
    show); spaces match any run of spaces, as in the term's pattern. Nothing when the key
    is not ASCII (its case folding may change its length)."""
    if not term[:skip].isascii():
        return []
    atoms = []
    for char in term[skip:].removesuffix("*"):
        if not char.isascii():
            break
        atoms.append(r"\s+" if char == " " else re.escape(char.lower()))
    return atoms


# Non-ASCII letters that a case-insensitive match takes for an ASCII one ("ı" for "i", "ſ"
# for "s"; "İ" and the Kelvin sign lower to ASCII or change the length): a text holding one
# is prefiltered by the terms' keys alone.
_ODD_LETTERS = re.compile("[\u0130\u0131\u017f\u212a]")


def _word_start(text: str, at: int, start: int) -> int:
    """Where the word holding position `at` starts (not before `start`)."""
    while at > start and _WORD_OR_HYPHEN.match(text, at - 1):
        at -= 1
    return at


def _caseless(char: str) -> str | None:
    """`char` when it can only match itself under IGNORECASE (a sign such as "$" or "€"): a
    term starting with it is sought only in texts holding it."""
    if char and not char.isspace() and char.lower() == char == char.upper():
        return char
    return None


class ArticleIssues:
    """The issue terms of one whole text, found once, to answer for any slice of it.

    A slice whose edges fall between words (scan.clean_edges) holds exactly the whole text's
    term matches that start and end inside it: a term's match is fixed by its first word, and
    the words inside such a slice are the whole text's words (a match held by a longer term of
    another issue counts where the slice holds that term too: `covered`). Other slices are
    tagged as strings of their own, as before."""

    def __init__(self, text: str, matcher: IssueMatcher,
                 scanned: tuple[str, list[int]] | None = None):
        """`scanned`: the text's lower case and word starts as IssueMatcher._words takes them,
        when the caller has found them."""
        self.text, self.matcher = text, matcher
        hits: list[tuple[int, int, str]] = []
        maybe_held: list[int] = []  # hits of terms a longer one may hold
        by_word, held_terms = matcher.by_word, matcher.held_terms
        for m in matcher._words(text, 0, len(text), scanned):
            word = m.group()
            candidates = by_word.get(word) or matcher.candidates_of(word)
            if candidates:
                at = m.start()
                for iid, pattern in candidates:
                    found = pattern.match(text, at)
                    if found:
                        if pattern in held_terms:
                            maybe_held.append(len(hits))
                        hits.append((at, found.end(), iid))
        self.hits = hits
        self.starts = [h[0] for h in hits]
        # hit index → the spans of the longer terms holding it (_covered): a slice holding
        # one of those has the hit as part of that term
        self.covered = _covered(hits, self.starts, maybe_held)
        # The rare terms searched as they are: only those the text holds at all.
        self.other = [(iid, p) for iid, p, first in matcher.other
                      if (first is None or first in text) and p.search(text)]
        self.known: dict[tuple[int, int], tuple[str, ...]] = {}  # slices answered so far

    def issues(self, start: int, end: int) -> tuple[str, ...]:
        """tag_issues(text[start:end]), remembered: the article's topic and a quotation's
        paragraph ask again for sentences tagged already."""
        found = self.known.get((start, end))
        if found is None:
            found = self.known[start, end] = self._issues(start, end)
        return found

    def of_spans(self, spans: list[tuple[int, int]]) -> list[tuple[str, ...]]:
        """issues(start, end) of each of `spans` (an article's sentences, in order): one walk
        along the hits for all of them instead of a search for each."""
        if self.other:
            return [self.issues(s, e) for s, e in spans]  # rare terms: searched per span
        text, hits, known, covered = self.text, self.hits, self.known, self.covered
        order = self.matcher.order.__getitem__
        count = len(hits)
        out = []
        n, at = 0, 0  # hits[n]: the first hit not before offset `at`
        for start, end in spans:
            found = known.get((start, end))
            if found is None:
                if start >= end:
                    found = ()
                elif not clean_edges(text, start, end) and not self._sealed(start, end):
                    found = self.matcher.tag(text[start:end])
                else:
                    if start < at:
                        n = bisect_left(self.starts, start)  # out of order: look it up
                    while n < count and hits[n][0] < start:
                        n += 1
                    at = start
                    ids = set()
                    k = n
                    while k < count and hits[k][0] < end:
                        if hits[k][1] <= end and not (covered and self._held(k, start, end)):
                            ids.add(hits[k][2])
                        k += 1
                    found = tuple(sorted(ids, key=order)) if len(ids) > 1 else tuple(ids)
                known[start, end] = found
            out.append(found)
        return out

    def _issues(self, start: int, end: int) -> tuple[str, ...]:
        text = self.text
        if start >= end:
            return ()
        if not clean_edges(text, start, end) and not self._sealed(start, end):
            return self.matcher.tag(text[start:end])
        found = set()
        hits, covered = self.hits, self.covered
        for n in range(bisect_left(self.starts, start), len(hits)):
            s, e, iid = hits[n]
            if s >= end:
                break
            if e <= end and not (covered and self._held(n, start, end)):
                found.add(iid)
        for iid, pattern in self.other:
            if iid not in found and pattern.search(text, start, end):
                found.add(iid)
        if len(found) < 2:
            return tuple(found)
        return tuple(sorted(found, key=self.matcher.order.__getitem__))

    def _held(self, n: int, start: int, end: int) -> bool:
        """Whether hit `n` lies in a longer term of another issue inside text[start:end]."""
        spans = self.covered.get(n)
        return spans is not None and any(start <= s and e <= end for s, e in spans)

    def _sealed(self, start: int, end: int) -> bool:
        """Whether each edge of text[start:end] (not empty) that cuts a run of word characters
        falls beside a character no term may hold (the quotation mark opening or closing a
        quotation, "“I" or "t”"): a term of the slice then neither reaches that edge nor runs
        across it in the whole text, so the slice's terms are the whole text's inside it."""
        text, inert = self.text, self.matcher.inert
        if start > 0 and word_or_hyphen(text[start - 1]) and not inert(text[start]):
            return False
        return end >= len(text) or not word_or_hyphen(text[end]) or inert(text[end - 1])

    def joined(self, a: tuple[int, int], b: tuple[int, int]) -> tuple[str, ...]:
        """tag_issues(text[a] + " " + text[b]) (two slices of the text, `a` before `b`): the
        issues of each, when no term can run across the join (the end of `a` is no character
        a term may hold, nor a space)."""
        (s0, e0), (s1, e1) = a, b
        text = self.text
        if s0 < e0 and (text[e0 - 1].isspace() or _WORD_OR_HYPHEN.match(text, e0 - 1)
                        or text[e0 - 1] in self.matcher.joiners):
            return self.matcher.tag(text[s0:e0] + " " + text[s1:e1])
        first = self.issues(s0, e0) if s0 < e0 else ()
        second = self.issues(s1, e1) if s1 < e1 else ()
        if not first or not second:
            return first or second
        return tuple(sorted({*first, *second}, key=self.matcher.order.__getitem__))


def matcher(codebook: Codebook) -> IssueMatcher:
    """The codebook's matcher, built on first use and kept with the codebook."""
    return codebook.derived("issues", IssueMatcher)


def tag_issues(text: str, codebook: Codebook) -> tuple[str, ...]:
    """Issue ids whose terms occur in `text`, in codebook order."""
    return matcher(codebook).tag(text)


def catch_all(codebook: Codebook) -> str:
    """The issue for talk about the talks themselves: the codebook's last issue."""
    return codebook.issues[-1].id


def specific(issues: tuple[str, ...], codebook: Codebook) -> tuple[str, ...]:
    """`issues` without the catch-all (most hold none: those are kept as they are)."""
    general = catch_all(codebook)
    return tuple(i for i in issues if i != general) if general in issues else issues


def _clause_spans(text: str, sentence: tuple[int, int], start: int, end: int
                  ) -> tuple[tuple[int, int], tuple[int, int]]:
    """The quote's own clause outside the quotation marks: the spans of its words before
    and after the quotation (empty ones as (n, n)), read as joined by a space."""
    s, e = sentence
    before = text[s:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    b0 = s + breaks[-1].end() if breaks else s
    stop = _CLAUSE_BREAK.search(text[end:e])
    a1 = end + stop.start() if stop else e
    return (min(b0, start), start), (end, max(a1, end))


def _adjacent_paragraphs(text: str, earlier_end: int, later_start: int) -> bool:
    """Whether two spans lie in the same paragraph or in consecutive ones."""
    return len(_PARAGRAPH_BREAK.findall(text, earlier_end, later_start)) <= 1


def quote_issues(quotes, text: str, sentences, codebook: Codebook,
                 index: ArticleIssues | None = None) -> list[tuple[str, ...]]:
    """The issues of each quotation of an article.

    1. the specific issues its own words name; when each word that names them is also a
       context term of the article's leading issue, that issue instead (_shared_word);
    2. else those named in its clause (the "issue of territories" that "is a painful one");
    3. else the article's leading issue, when its words hold one of that issue's context
       terms (_in_context);
    4. else, if its words are talk about the talks, the catch-all;
    5. else the specific issues of the same speaker's quotation just before (a statement
       goes on), unless the quotation answers a question ("Asked how long ..., he said");
    6. else, if its words name no issue at all, the specific issues of the nearest sentence
       before it in its paragraph that names any (the topic the reporting set);
    7. else, if its words name no issue at all, the article's topic, when the article is
       mostly about one issue (article_topic);
    8. else the catch-all.
    """
    general = (catch_all(codebook),)
    if index is None:
        index = ArticleIssues(text, matcher(codebook))
    out: list[tuple[str, ...]] = []
    ranking = None  # the article's issue_ranking, worked out when a quotation needs it
    for n, q in enumerate(quotes):
        sliced = is_slice(text, q)
        own = index.issues(q.start, q.end) if sliced else tag_issues(q.text, codebook)
        found = specific(own, codebook)
        if found and sliced and _holds_shared_word(index, q.start, q.end, codebook):
            if ranking is None:
                ranking = issue_ranking(sentences, codebook, index)
            found = _shared_word(index, q.start, q.end, found, ranking, codebook) or found
        if not found and 0 <= q.sentence < len(sentences):
            found = specific(index.joined(*_clause_spans(text, sentences[q.sentence],
                                                          q.start, q.end)), codebook)
        if not found:
            if ranking is None:
                ranking = issue_ranking(sentences, codebook, index)
            found = _in_context(q.text, ranking, codebook)
        if not found and not own and n > 0:
            prev = quotes[n - 1]
            if prev.speaker and prev.speaker == q.speaker and _adjacent_paragraphs(
                text, prev.end, q.start
            ) and specific(out[n - 1], codebook) and not (
                0 <= q.sentence < len(sentences)
                and text.startswith("Asked", sentences[q.sentence][0])
            ):
                found = out[n - 1]
        if not found and not own:
            found = _paragraph_topic(text, sentences, q.sentence, codebook, index)
            if not found:
                if ranking is None:
                    ranking = issue_ranking(sentences, codebook, index)
                found = article_topic(ranking)
        out.append(found or general)
    return out


TOPIC_MIN = 4  # sentences naming the issue, at least
TOPIC_SHARE = 0.6  # of all the article's sentence-issue mentions, at least
TOPIC_LEAD = 3  # times the mentions of the next issue, at least


def issue_ranking(sentences, codebook: Codebook,
                  index: ArticleIssues) -> list[tuple[str, int]]:
    """(issue, number of the article's sentences naming it) for each specific issue the
    article names, most named first (of equals, the one the article names first)."""
    counts: dict[str, int] = {}
    for start, end in sentences:
        for issue in specific(index.issues(start, end), codebook):
            counts[issue] = counts.get(issue, 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])


def article_topic(ranking: list[tuple[str, int]]) -> tuple[str, ...]:
    """The one specific issue an article is mostly about, if there is one: a quotation in a
    story about the EU's loan that names no issue ("The priority now is speed") is about the
    loan. Strict, since most reporting covers several issues: the issue's sentences must be
    three fifths of all the article's sentence-issue mentions and three times the next
    issue's."""
    if not ranking:
        return ()
    issue, n = ranking[0]
    runner_up = ranking[1][1] if len(ranking) > 1 else 0
    total = sum(count for _, count in ranking)
    if n >= TOPIC_MIN and n >= TOPIC_SHARE * total and n >= TOPIC_LEAD * runner_up:
        return (issue,)
    return ()


def _context_patterns(codebook: Codebook) -> dict[str, re.Pattern[str]]:
    return {i.id: p for i in codebook.issues if (p := term_pattern(i.context_terms))}


def _in_context(text: str, ranking: list[tuple[str, int]],
                codebook: Codebook) -> tuple[str, ...]:
    """The article's leading issue (named in more of its sentences than any other), when
    `text` holds one of that issue's context terms: words that name an issue only in a story
    about it ("Nobody has told us how long the troops would stay" in a story on the
    reassurance force, "the money sits in European vaults" in one on the frozen assets)."""
    issue = leader(ranking)
    if issue is None:
        return ()  # no one leading issue
    pattern = codebook.derived("context_terms", _context_patterns).get(issue)
    return (issue,) if pattern is not None and pattern.search(text) else ()


def _shared_words(codebook: Codebook) -> tuple[frozenset[str], tuple[str, ...]]:
    """The context terms of all issues in lower case, whole ("guarantees") and as the stems
    of those ending in "*" ("troop"): the words a term of another issue may share."""
    terms = [" ".join(t.casefold().split()) for i in codebook.issues for t in i.context_terms]
    return (frozenset(t for t in terms if not t.endswith("*")),
            tuple(t[:-1] for t in terms if t.endswith("*")))


def _holds_shared_word(index: ArticleIssues, start: int, end: int, codebook: Codebook) -> bool:
    """Whether a term found in text[start:end] may be a context term too (_shared_words):
    most quotations hold none, and their issues stand without ranking the article's."""
    whole, stems = codebook.derived("shared_words", _shared_words)
    text = index.text
    for s, e, _ in index.hits[bisect_left(index.starts, start):]:
        if s >= end:
            return False
        if e <= end and ((word := " ".join(text[s:e].casefold().split())) in whole
                         or word.startswith(stems)):
            return True
    return False


def _shared_word(index: ArticleIssues, start: int, end: int, found: tuple[str, ...],
                 ranking: list[tuple[str, int]], codebook: Codebook) -> tuple[str, ...]:
    """The article's leading issue, when every word that names the issues `found` in
    text[start:end] is one of that issue's context terms: a word two issues share
    ("guarantees" are security guarantees, except in a story about the loan, where they are
    the ones Belgium asks for before it lends the frozen money)."""
    issue = leader(ranking)
    if issue is None or issue in found:
        return ()
    pattern = codebook.derived("context_terms", _context_patterns).get(issue)
    if pattern is None:
        return ()
    text, shared = index.text, False
    for s, e, iid in index.hits[bisect_left(index.starts, start):]:
        if s >= end:
            break
        if e <= end and iid in found:
            if not pattern.fullmatch(text, s, e):
                return ()
            shared = True
    return (issue,) if shared else ()


def is_slice(text: str, q) -> bool:
    """Whether a quotation's text is the article's text between its offsets."""
    return q.end - q.start == len(q.text) and text.startswith(q.text, q.start)


def _paragraph_topic(text: str, sentences, n: int, codebook: Codebook,
                     index: ArticleIssues) -> tuple[str, ...]:
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
        found = specific(index.issues(start, end), codebook)
        if found:
            return found
    return ()
