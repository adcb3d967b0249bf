"""From a folder of articles to the corpus documents, one table per kind.

Per article (store.extract.article.analyse): cleaning, sentences, quotes and speakers, issues.
Across the corpus (here): publication dates inferred from the other articles, events, one
quote or event per happening whatever the number of outlets, positions and issue status.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from store.articles import RawArticle, Skipped, article_files, read_article
from store.codebook import Codebook
from store.extract.article import ArticleAnalysis, analyse
from store.ids import stable_id

TABLES = ("sources", "parties", "actors", "issues", "positions", "quotes", "events", "sentences")


@dataclass
class Build:
    """The documents of a corpus build, and what was skipped on the way."""

    tables: dict[str, list[dict]]
    texts: dict[str, str]
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, same as path)
    state: dict[str, bytes] = field(default_factory=dict)  # what an add reads (store.incremental)


def read_folder(root: Path) -> tuple[list[RawArticle], list[Skipped]]:
    raws, skipped = [], []
    for path in article_files(root):
        got = read_article(path)
        (skipped if isinstance(got, Skipped) else raws).append(got)
    return raws, skipped


def analyse_all(
    raws: list[RawArticle], codebook: Codebook, cache=None
) -> tuple[list[ArticleAnalysis], list[tuple[str, str]]]:
    """Analyses in input order, one per distinct content; duplicates reported by path.

    With an analysis `cache` (store.analysis_cache), an article analysed before under the
    same name is taken from it."""
    from store.ids import content_hash

    seen: dict[str, str] = {}
    out, dups = [], []
    for raw in raws:
        a = cache.get(content_hash(raw.data), raw.name) if cache is not None else None
        if a is None:
            a = analyse(raw, codebook)
        if a.source_id in seen:
            dups.append((raw.name, seen[a.source_id]))
            continue
        seen[a.source_id] = raw.name
        out.append(a)
    return out, dups


Dated = dict[str, tuple[str | None, str | None]]


def date_sources(analyses: list[ArticleAnalysis], pinned: Dated | None = None) -> Dated:
    """source id → (published, basis): stated dates first, then inferred from the others.

    `pinned` dates (inferred when an article was added) are kept as they were, so adding a
    later article never re-dates the earlier ones (event ids depend on dates).
    """
    from store.extract.dates import (
        CorpusDates,
        date_mentions,
        infer_published,
        with_captions,
    )
    from store.extract.sameday import pins

    dated: Dated = {}
    for a in analyses:
        if a.clean.published:
            dated[a.source_id] = (a.clean.published, a.clean.published_basis or "stated")
        elif pinned and a.source_id in pinned:
            dated[a.source_id] = pinned[a.source_id]
    stated = CorpusDates(date.fromisoformat(d) for d, _ in dated.values() if d)
    known = None  # the dated articles' happenings, gathered when an article needs them
    for a in analyses:
        if a.source_id not in dated:
            mentions = getattr(a, "date_mentions", None)
            if mentions is None and a.dates is not None:
                mentions = date_mentions(a.text, a.dates)
            known = known or _known_days(analyses)
            days = pins(a.text, a.sentences, mentions or [], known, stated.anchor)
            dated[a.source_id] = infer_published(
                a.text, stated, with_captions(mentions, a.clean.captions), days)
    return dated


def _known_days(analyses: list[ArticleAnalysis]):
    """The happenings, past and scheduled, the articles that state their date put on a day."""
    from store.extract.sameday import KnownDays

    return KnownDays.of(
        (e.date, a.text[e.start : e.end])
        for a in analyses
        if a.clean.published and (memo := getattr(a, "events_memo", None))
        for e in memo[1]
        if e.precision == "day"
    )


def _sort_key(a: ArticleAnalysis, dated) -> tuple:
    return (dated[a.source_id][0] or "9999", a.path, a.source_id)


def assemble(
    analyses: list[ArticleAnalysis], codebook: Codebook, pinned: Dated | None = None
) -> Build:
    """The corpus tables from per-article analyses (in any order: output is deterministic).

    The pass allocates millions of small dicts and tuples that form no reference cycles; the
    cyclic garbage collector, left on, would walk the whole growing heap again and again
    (about a tenth of the time at 3,000 articles, more beyond), so it is paused meanwhile.
    """
    from store.collector import collector_paused

    with collector_paused():
        return _assemble(analyses, codebook, pinned)


def _assemble(analyses: list[ArticleAnalysis], codebook: Codebook, pinned: Dated | None) -> Build:
    from store.extract.events import extract_events
    from store.extract.positions import _clashes, derive_positions, evidence_claims
    from store.merge import group_events, group_quotes
    from store.state import claim_records, corpus_state, derive_state, issue_status

    dated = date_sources(analyses, pinned)
    analyses = sorted(analyses, key=lambda a: _sort_key(a, dated))
    by_id = {a.source_id: a for a in analyses}

    sources, sentences, texts = [], [], {}
    sentence_clauses = []  # per sentence doc: its Clauses from the analysis (None: not kept)
    for a in analyses:
        published, basis = dated[a.source_id]
        sources.append(source_doc(a, published, basis))
        texts[a.source_id] = a.text
        kept = a.sentence_clauses
        for n, doc in enumerate(sentence_docs(a)):
            sentence_clauses.append(kept[n] if kept is not None else None)
            sentences.append(doc)

    # Quotes: one per quotation, every report kept.
    reports, report_cues = [], []
    for a in analyses:
        cues = a.quote_cues if a.quote_cues is not None else [None] * len(a.quotes)
        report_cues.extend(cues)
        reports.extend(report_docs(a, dated[a.source_id][0]))
    groups, links = group_quotes(reports)
    quotes = []
    quote_cues = [report_cues[members[0]] for members in groups]
    for gi, members in enumerate(groups):
        linked = [reports[i]["source"] for g in sorted(links.get(gi, ())) for i in groups[g]]
        quotes.append(quote_doc([reports[m] for m in members], linked))

    # Events: one per happening.
    mentions = []
    for a in analyses:
        published = dated[a.source_id][0]
        mentions.extend(mention_docs(a, _events_of(a, published, codebook, extract_events)))
    groups_of_events = group_events(mentions)
    events = [event_doc([mentions[m] for m in members]) for members in groups_of_events]
    events.sort(key=lambda e: (e["date"] or "", e["id"]))

    # Evidence → positions and statuses.
    items = [quote_item(q, by_id[q["source"]], cues, codebook)
             for q, cues in zip(quotes, quote_cues, strict=True)]
    for s, clauses in zip(sentences, sentence_clauses, strict=True):
        if s["issues"]:  # statuses use party-less sentences too
            items.append(sentence_item(s, dated[s["source"]][0], clauses))
    claims = evidence_claims(items, codebook)  # once: positions and statuses share them
    derived = derive_positions(items, codebook, claims)
    positions = [_position_doc(p) for p in derived]
    # Statuses from the same tallies an add keeps (store.incremental), so both agree.
    records = claim_records(claims)
    heads, tallies = derive_state(records, codebook)
    clash = _clashes(derived)
    statuses = {i.id: issue_status(i.id, tallies.get(i.id), clash.get(i.id))
                for i in codebook.issues}

    # One pass over sentences and quotes for every issue's counts.
    quote_count: dict[str, int] = defaultdict(int)
    touching: dict[str, set[str]] = defaultdict(set)
    for s in sentences:
        for i in s["issues"]:
            touching[i].add(s["source"])
    for q in quotes:
        for i in q["issues"]:
            quote_count[i] += 1
            touching[i].add(q["source"])
            touching[i].update(q["also_in"])
    issues = []
    for idef in codebook.issues:
        touching_sources = touching.get(idef.id, set())
        dates = [dated[s][0] for s in touching_sources if dated[s][0]]
        status, basis = statuses.get(idef.id, ("open", ()))
        issues.append(
            {
                "id": idef.id,
                "title": idef.title,
                "status": status,
                "status_basis": list(basis),
                "sources": len(touching_sources),
                "quotes": quote_count.get(idef.id, 0),
                "last_reported": max(dates) if dates else None,
            }
        )

    state = corpus_state(
        codebook=codebook, sources=sources, quotes=quotes, reports=reports, groups=groups,
        mentions=mentions, event_groups=groups_of_events, heads=heads, tallies=tallies,
        touching=touching, quote_count=quote_count,
        undated=[a.source_id for a in analyses
                 if dated[a.source_id][0] is None and getattr(a, "date_mentions", None)],
    )
    return Build(
        state=state,
        tables={
            "sources": sources,
            "parties": [{"id": p.id, "name": p.name} for p in codebook.parties],
            "actors": _actors(codebook, quotes),
            "issues": issues,
            "positions": positions,
            "quotes": quotes,
            "events": events,
            "sentences": sentences,
        },
        texts=texts,
    )


def source_doc(a: ArticleAnalysis, published: str | None, basis: str | None) -> dict:
    c = a.clean
    return {
        "id": a.source_id,
        "path": a.path,
        "title": c.title,
        "outlet": c.outlet,
        "published": published,
        "published_basis": basis,
        "url": c.url,
        "content_hash": a.content_hash,
        "words": len(c.text.split()),
    }


def sentence_docs(a: ArticleAnalysis) -> list[dict]:
    text = a.text
    return [
        {
            "id": a.sentence_ids[n],
            "source": a.source_id,
            "start": s,
            "end": e,
            "text": text[s:e],
            "issues": list(a.sentence_issues[n]),
            "party": a.sentence_parties[n],
        }
        for n, (s, e) in enumerate(a.sentences)
    ]


def report_docs(a: ArticleAnalysis, published: str | None) -> list[dict]:
    """Each quotation of an article as one outlet's report of it."""
    return [
        {
            "id": stable_id("quote", a.source_id, q.text, q.start),
            "source": a.source_id,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "speaker": q.speaker,
            "actor": q.actor,
            "actor_kind": q.actor_kind,
            "party": q.party,
            "kind": q.kind,
            "issues": list(issues),
            "sentence": a.sentence_ids[q.sentence] if a.sentence_ids else None,
            "date": published,
        }
        for q, issues in zip(a.quotes, a.quote_issues, strict=True)
    ]


# What a quote keeps of each report: where it is, and whom that outlet credits it to.
REPORT_FIELDS = ("id", "source", "start", "end", "text", "sentence", "speaker", "actor",
                 "actor_kind", "party", "issues")


def quote_doc(members: list[dict], linked_sources: list[str]) -> dict:
    """One quote from its reports (earliest first) and the sources of quotes that report
    part of it (`also_in` lists both)."""
    first = members[0]
    own = [r["source"] for r in members]
    also = [s for s in dict.fromkeys(own[1:] + linked_sources) if s != first["source"]]
    issues = list(dict.fromkeys(i for r in members for i in r["issues"]))
    speaker = next((r for r in members if r["speaker"]), first)
    return {
        **first,
        "speaker": speaker["speaker"],
        "actor": speaker["actor"],
        "actor_kind": speaker["actor_kind"],
        "party": speaker["party"],
        "also_in": also,
        "issues": issues,
        "aliases": [r["id"] for r in members[1:]],
        "reports": [{k: r[k] for k in REPORT_FIELDS} for r in members],
    }


def mention_docs(a: ArticleAnalysis, events) -> list[dict]:
    """An article's dated happenings, a sentence the article repeats counted once."""
    out, seen = [], set()
    for ev in events:
        key = stable_id("event", a.source_id, ev.date, a.text[ev.start : ev.end])
        if key in seen:  # a sentence the article repeats: the same happening
            continue
        seen.add(key)
        out.append(
            {
                "id": key,
                "source": a.source_id,
                "date": ev.date,
                "precision": ev.precision,
                "date_basis": ev.basis,
                "title": ev.title,
                "issues": list(ev.issues),
                "scheduled": ev.scheduled,
                "sentence": a.sentence_ids[ev.sentence] if a.sentence_ids else None,
                "sentence_text": a.text[ev.start : ev.end],
                "start": ev.start,
                "end": ev.end,
            }
        )
    return out


def event_doc(members: list[dict]) -> dict:
    """One happening from its mentions (earliest first)."""
    first = members[0]
    return {
        "id": first["id"],
        "date": first["date"],
        "date_basis": first["date_basis"],
        "precision": first["precision"],
        "title": first["title"],
        "issues": list(dict.fromkeys(i for m in members for i in m["issues"])),
        "sources": list(dict.fromkeys(m["source"] for m in members)),
        "sentences": [m["sentence"] for m in members],
        "scheduled": first["scheduled"],
        "start": first["start"],
        "end": first["end"],
        "aliases": [m["id"] for m in members[1:]],
    }


def quote_item(q: dict, a: ArticleAnalysis, cues, codebook: Codebook):
    """A quote as evidence: its first report's words, in the sentence around them."""
    from store.extract.positions import EvidenceItem, quote_clauses

    s_idx = a.sentence_index(q["start"])
    context = a.text[a.sentences[s_idx][0] : a.sentences[s_idx][1]] if a.sentences else ""
    issues = tuple(q["issues"])
    clauses = None if cues is None else quote_clauses(q["text"], q["party"], issues, cues, codebook)
    return EvidenceItem(
        kind="quote",
        id=q["id"],
        source=q["source"],
        text=q["text"],
        context=context,
        date=q["date"],
        party=q["party"],
        issues=issues,
        start=q["start"],
        end=q["end"],
        clauses=clauses,
    )


def sentence_item(s: dict, published: str | None, clauses):
    from store.extract.positions import EvidenceItem

    return EvidenceItem(
        kind="sentence",
        id=s["id"],
        source=s["source"],
        text=s["text"],
        context="",
        date=published,
        party=s["party"],
        issues=tuple(s["issues"]),
        start=s["start"],
        end=s["end"],
        clauses=clauses,
    )


def _events_of(a: ArticleAnalysis, published: str | None, codebook: Codebook, extract) -> list:
    """An article's events for its publication date, remembered on the analysis (which the
    analysis cache keeps), so a later add does not extract them again."""
    memo = getattr(a, "events_memo", None)
    if memo is not None and memo[0] == published:
        return memo[1]
    events = list(extract(a.text, a.sentences, published, codebook, a.dates))
    a.events_memo = (published, events)
    a.memo_changed = True
    return events


def _position_doc(p) -> dict:
    return {
        "id": p.id,
        "issue": p.issue,
        "party": p.party,
        "stance": p.stance,
        "summary": p.summary,
        "evidence": list(p.evidence),
        "sources": list(p.sources),
        "contested": p.contested,
        "updated": p.updated,
    }


def _actors(codebook: Codebook, quotes: list[dict]) -> list[dict]:
    """Codebook actors, then speakers the articles name that the codebook does not know."""
    actors = {
        a.id: {
            "id": a.id,
            "name": a.name,
            "party": a.party,
            "kind": a.kind,
            "aliases": list(a.aliases),
            "roles": list(a.roles),
        }
        for a in codebook.actors
    }
    extra: dict[str, dict] = {}
    for q in quotes:
        aid = q.get("actor")
        if aid and aid not in actors and aid not in extra:
            extra[aid] = {
                "id": aid,
                "name": q["speaker"],
                "party": q["party"],
                "kind": q.get("actor_kind") or "unknown",
                "aliases": [],
                "roles": [],
            }
    return list(actors.values()) + sorted(extra.values(), key=lambda a: a["id"])


def build_from_folder(root: Path, codebook: Codebook, cache=None) -> Build:
    """The corpus of a folder of articles. With an analysis `cache`, analyses come from it
    where they can and go into it, so a later `parley add` re-reads none of these articles."""
    raws, skipped = read_folder(root)
    analyses, dups = analyse_all(raws, codebook, cache)
    result = assemble(analyses, codebook)
    if cache is not None:
        cache.keep(analyses)
    result.skipped = skipped
    result.duplicates = dups
    return result

