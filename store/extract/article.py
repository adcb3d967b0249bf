"""One article through the extraction steps that need nothing from the rest of the corpus.

clean → sentences → quotes and speakers → issues and parties per sentence. Dates and events
come later (store.pipeline), because an article without a stated date is dated from the others.
"""

from __future__ import annotations

import hashlib
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from store.articles import RawArticle
from store.codebook import Codebook
from store.ids import content_hash, normalise, stable_id


@dataclass
class ArticleAnalysis:
    source_id: str
    path: str
    content_hash: str
    clean: object  # store.extract.clean.CleanArticle
    sentences: list[tuple[int, int]]
    sentence_ids: list[str]
    sentence_issues: list[tuple[str, ...]]
    sentence_parties: list[str | None]
    quotes: list  # store.extract.quotes.QuoteMention
    quote_issues: list[tuple[str, ...]]
    # What positions and statuses need of each sentence and quote, worked out here once
    # (store.extract.positions): None in analyses cached before they were kept.
    sentence_clauses: list[tuple] | None = None  # per sentence: its Clauses (none: no issues)
    quote_cues: list[tuple[str | None, str | None]] | None = None  # per quote: stance, status
    # The date expressions per sentence (store.extract.dates.dates_by_sentence), scanned once
    # for both the publication date and the events.
    dates: list | None = None
    # For an article that states no date: its date expressions with their tense, from which
    # the corpus pass infers the publication date (store.extract.dates.infer_published).
    date_mentions: list | None = None

    @property
    def text(self) -> str:
        return self.clean.text

    def sentence_index(self, offset: int) -> int:
        """The index of the sentence holding `offset` (the nearest one before it otherwise)."""
        from bisect import bisect_right

        i = bisect_right(self.sentences, (offset, float("inf"))) - 1
        return max(i, 0)


def source_id_for(data: bytes) -> str:
    """Sources are identified by their content: the same article under two names is one source."""
    return stable_id("source", content_hash(data))


def sentence_ids(source_id: str, text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Ids from source and sentence text; a repeated sentence gets its occurrence number.

    Each is stable_id("sentence", source_id, body, n), hashed here from a copy of the hash of
    the parts all sentences share, with the body normalised as store.ids.normalise does."""
    seen: dict[str, int] = {}
    ids = []
    shared = hashlib.sha256(b"sentence")
    shared.update(b"\x1f" + normalise(source_id).encode())
    for s, e in spans:
        body = text[s:e]
        n = seen.get(body, 0)
        seen[body] = n + 1
        h = shared.copy()
        # str(n) is digits only: normalised already
        h.update(b"\x1f" + _normalised(body).encode() + b"\x1f" + str(n).encode())
        ids.append(h.hexdigest()[:16])
    return ids


def _normalised(text: str) -> str:
    """store.ids.normalise(text), splitting on whitespace instead of substituting it: `\\s`
    and str.isspace are the same characters (tests/test_extract_words.py checks). ASCII is
    in NFKC already, and its case folding is its lower case."""
    if text.isascii():
        return " ".join(text.lower().split())
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def analyse(raw: RawArticle, codebook: Codebook) -> ArticleAnalysis:
    """Everything about one article that does not depend on the other articles."""
    from store.extract.clean import clean_article
    from store.extract.dates import date_mentions, dates_by_sentence
    from store.extract.events import extract_events
    from store.extract.issues import matcher, quote_issues
    from store.extract.parties import home_party, outside_parties, outsides_of
    from store.extract.positions import StanceMemo, article_clauses, article_scans
    from store.extract.quotes import extract_quotes
    from store.extract.sentences import split_sentences

    clean = clean_article(raw.text, raw.name, raw.meta)
    text = clean.text
    spans = split_sentences(text)
    digest = content_hash(raw.data)
    sid = stable_id("source", digest)  # source_id_for(raw.data), from the hash made once
    issue_matcher = matcher(codebook)
    issue_matcher.new_article()
    # The issue terms and the cue words of the text, found once (in one scan).
    issues_of, cues = article_scans(text, codebook)
    s_issues = issues_of.of_spans(spans)
    bodies = [text[s:e] for s, e in spans]
    issue_matcher.memo.update(zip(bodies, s_issues, strict=True))  # events tag them again
    outsides = outsides_of(text, spans)  # the words outside quotes, per sentence
    s_parties = outside_parties(outsides, codebook)
    quotes = extract_quotes(text, spans, codebook, home_party(text, s_parties, codebook,
                                                               clean.capitals_at_top),
                            clean.captions)
    q_issues = quote_issues(quotes, text, spans, codebook, issues_of)
    stances = StanceMemo()  # a clause that is also a quote's sentence is read once
    s_clauses = article_clauses(text, spans, bodies, s_parties, s_issues, outsides, codebook,
                                stances, cues, issues_of)
    q_cues = _quotes_cues(quotes, text, spans, stances, cues)
    by_sentence = dates_by_sentence(text, spans)
    analysis = ArticleAnalysis(
        source_id=sid,
        path=raw.name,
        content_hash=digest,
        clean=clean,
        sentences=spans,
        sentence_ids=sentence_ids(sid, text, spans),
        sentence_issues=s_issues,
        sentence_parties=s_parties,
        quotes=quotes,
        quote_issues=q_issues,
        sentence_clauses=s_clauses,
        quote_cues=q_cues,
        dates=by_sentence,
    )
    if clean.published:  # dated by its own text: its events need nothing from the corpus
        events = extract_events(text, spans, clean.published, codebook, by_sentence)
        analysis.events_memo = (clean.published, events)  # as store.pipeline remembers them
    else:
        analysis.date_mentions = date_mentions(text, by_sentence)
    return analysis


def _quotes_cues(quotes, text: str, spans: list[tuple[int, int]], stances, cues) -> list:
    """positions.quote_cues of each quotation in its sentence, with what the article's cues
    tell of both (the functions imported once for all the quotations, not once each)."""
    from store.extract.issues import is_slice
    from store.extract.positions import quote_cues

    needed = cues.needed.flags
    out = []
    for q in quotes:
        context, (s, e) = _context_span(text, spans, q.start)
        read = cues.reader(stances, s, e)
        if is_slice(text, q):
            out.append(quote_cues(q.text, context, read, cues.hits(q.start, q.end),
                                  needed(q.start, q.end), needed(s, e)))
        else:
            out.append(quote_cues(q.text, context, read, context_words=needed(s, e)))
    return out


def _context_span(text: str, spans: list[tuple[int, int]], offset: int
                  ) -> tuple[str, tuple[int, int]]:
    """_context(text, spans, offset) and its span."""
    if not spans:
        return "", (0, 0)
    s, e = spans[max(bisect_right(spans, (offset, _AFTER_ALL)) - 1, 0)]
    return text[s:e], (s, e)


_AFTER_ALL = float("inf")  # sorts after every sentence end


def _context(text: str, spans: list[tuple[int, int]], offset: int) -> str:
    """The sentence holding `offset` (as ArticleAnalysis.sentence_index finds it)."""
    from bisect import bisect_right

    if not spans:
        return ""
    s, e = spans[max(bisect_right(spans, (offset, float("inf"))) - 1, 0)]
    return text[s:e]
