"""A quote and a happening as one add changes them (store.incremental).

A quote gains the article's reports (and absorbs the quotes they show to be one); a
happening gains the article's mentions, put where their places fall among its others, which
are read from the state only when needed. Each gives the document a full assembly would make
(store.pipeline.quote_doc, event_doc) from what the add knows.
"""

from __future__ import annotations

from bisect import bisect_left

from store.state import (
    add_words,
    compact_happening,
    decode_mention,
    encode_mention,
    mention_issues,
)


class Quote:
    """A quote as one add changes it: its reports in order and the documents it came from
    (several when a new report is the same quotation as two quotes until now)."""

    def __init__(self, add):
        self.add = add
        self.docs: list[dict] = []  # the documents it replaces
        self.rows: list[int] = []  # their rows
        self.members: list[tuple[tuple, dict]] = []  # (place, report entry), earliest first
        self.news: list[tuple[tuple, dict, object]] = []  # (place, report, cue) of the article
        self.linked: list[str] = []  # sources of quotes that report part of it, added now
        self.changed = False
        self._keys: list[tuple[str, str]] | None = None

    def add_doc(self, doc: dict, row: int) -> None:
        self.docs.append(doc)
        self.rows.append(row)
        for e in doc["reports"]:
            self.members.append((self.add.place(e["source"], e["start"]), e))
        self.members.sort(key=lambda m: m[0])
        self._keys = None

    def add_report(self, r: dict, place: tuple, cue, key: str) -> None:
        from store.pipeline import REPORT_FIELDS

        self.news.append((place, r, cue))
        self.members.append((place, {k: r[k] for k in REPORT_FIELDS}))
        self.members.sort(key=lambda m: m[0])
        self.changed = True
        self._keys = None

    def absorb(self, other: Quote) -> None:
        self.docs += other.docs
        self.rows += other.rows
        self.members = sorted(self.members + other.members, key=lambda m: m[0])
        self.news += other.news
        self.linked += other.linked
        self.changed = True
        self._keys = None

    def link(self, other: Quote) -> None:
        """`other` reports part of this quote, or this part of `other`."""
        self.linked += other.own_sources()
        other.linked += self.own_sources()
        self.changed = other.changed = True

    def links_with(self, other: Quote) -> bool:
        """store.merge._any_compatible: some report of each, from different sources, not
        naming different parties."""
        return any(
            a["source"] != b["source"]
            and not (a.get("party") and b.get("party") and a["party"] != b["party"])
            for _, a in self.members for _, b in other.members
        )

    def own_sources(self) -> list[str]:
        return [e["source"] for _, e in self.members]

    def keys(self) -> list[tuple[str, str]]:
        from store.merge import quote_key

        if self._keys is None:
            self._keys = [(e["source"], quote_key(e["text"])) for _, e in self.members]
        return self._keys

    def _speaker(self) -> dict:
        """The earliest report that names a speaker, else the first."""
        return next((e for _, e in self.members if e.get("speaker")), self.members[0][1])

    def _first_fields(self) -> dict:
        first = self.members[0][1]
        for _, r, _ in self.news:
            if r["id"] == first["id"]:
                return r
        return next(d for d in self.docs if d["id"] == first["id"])

    def first_cue(self):
        first = self.members[0][1]
        for _, r, cue in self.news:
            if r["id"] == first["id"]:
                return cue
        return self.add.cue_of(first)

    def doc(self) -> dict:
        """The quote document, as store.pipeline.quote_doc makes it from all its reports."""
        base = self._first_fields()
        speaker = self._speaker()
        linked = []
        for d in self.docs:
            own = {e["source"] for e in d["reports"]}
            linked += [s for s in d["also_in"] if s not in own]
        own = self.own_sources()
        return {
            **{k: base[k] for k in ("id", "source", "start", "end", "text", "kind", "sentence",
                                     "date")},
            "speaker": speaker["speaker"],
            "actor": speaker["actor"],
            "actor_kind": speaker["actor_kind"],
            "party": speaker["party"],
            "issues": list(dict.fromkeys(i for _, e in self.members for i in e["issues"])),
            "also_in": [s for s in dict.fromkeys(own[1:] + linked + self.linked)
                        if s != base["source"]],
            "aliases": [e["id"] for _, e in self.members[1:]],
            "reports": [e for _, e in self.members],
        }


class Event:
    """A happening as one add changes it: the mentions it had (read from the state only when
    the article's fall among them, or happenings merge), and the article's (`tail`)."""

    def __init__(self, add, doc: dict | None = None, row: int | None = None):
        self.add = add
        self.docs: list[dict] = [doc] if doc else []  # documents it replaces
        self.rows: list[int] = [row] if row is not None else []
        self.merged: list[tuple] = []  # mentions of happenings merged into a new one
        self.tail: list[tuple] = []  # the article's mentions
        self.news: dict[str, dict] = {}  # member id → the article's mention
        # what grouping knew of it before the add (compact_happening), for a happening of the corpus
        self.before = add._day(doc["date"])[doc["id"]] if doc else None

    @property
    def date(self) -> str | None:
        return self.docs[0]["date"] if self.docs else next(iter(self.news.values()))["date"]

    @property
    def single(self) -> bool:
        """A happening of the corpus that gains the article's mentions (no merge)."""
        return len(self.docs) == 1 and not self.merged

    def _old(self) -> list[str]:
        return self.add._members(self.docs[0]["date"], self.docs[0]["id"])

    @property
    def appended(self) -> bool:
        """Whether the article's mentions all come after the happening's others."""
        return self.single and all(t[5] > tuple(self.before[0]) for t in self.tail)

    @property
    def members(self) -> list[tuple]:
        """Every mention in order (a merge or a new happening: all are written)."""
        if self.single:
            found = [decode_mention(x) for x in self._old()]
        else:
            found = list(self.merged)
        return sorted(found + self.tail, key=lambda m: m[5])

    @property
    def id(self) -> str:
        if not self.single:
            return self.members[0][0]
        first = min(self.tail, key=lambda m: m[5], default=None)
        old = self.docs[0]["id"]
        if first is None or self.appended or encode_mention(first) > self._old()[0]:
            return old
        return first[0]

    def gain(self, member: tuple, mention: dict) -> None:
        self.tail.append(member)
        self.news[member[0]] = mention

    def absorb(self, other: Event) -> None:
        self.merged += other.members
        self.docs += other.docs
        self.rows += other.rows
        self.news.update(other.news)

    def member_ids(self) -> list[str]:
        return [self.id, *(d["id"] for d in self.docs)]

    def compact(self) -> list:
        if self.single:
            words = dict(self.before[1])
            for m in self.tail:
                add_words(words, m[4], m[1])
            return [max(tuple(self.before[0]), *(t[5] for t in self.tail)), words]
        return compact_happening(self.members)

    def doc(self) -> dict:
        if self.single:
            return self._extended()
        members = self.members
        first = members[0]
        base = self.news.get(first[0]) or next(d for d in self.docs if d["id"] == first[0])
        return {
            "id": first[0],
            **{k: base[k] for k in ("date", "date_basis", "precision", "title")},
            "issues": list(dict.fromkeys(i for m in members for i in m[3])),
            "sources": list(dict.fromkeys(m[1] for m in members)),
            "sentences": [m[2] for m in members],
            "scheduled": base["scheduled"],
            "start": base["start"],
            "end": base["end"],
            "aliases": [m[0] for m in members[1:]],
        }

    def _extended(self) -> dict:
        """The document with the article's mentions put in their places: its lists follow
        the mentions' order, so each goes in where its place falls among the others'.

        Mentions sort by their source's order first, so the sources, in order of first
        mention, are in source order too: the article's goes in by a search. The issues
        need a walk over the mentions before the article's, which ends once every issue
        the happening had has been met."""
        doc = dict(self.docs[0])
        sentences, aliases = list(doc["sentences"]), list(doc["aliases"])
        old_sources, old_issues = doc["sources"], doc["issues"]
        tail = sorted(self.tail, key=lambda m: m[5])
        if self.appended:
            for t in tail:
                sentences.append(t[2])
                aliases.append(t[0])
            return {**doc, "sentences": sentences, "aliases": aliases,
                    "sources": list(dict.fromkeys([*old_sources, *(t[1] for t in tail)])),
                    "issues": list(dict.fromkeys([*old_issues, *(i for t in tail for i in t[3])]))}
        enc = self._old()
        points = [bisect_left(enc, encode_mention(t)) for t in tail]
        issues: dict[str, None] = {}  # in order of first appearance, as far as walked
        unmet = set(old_issues)
        walked = 0
        for n, (t, p) in enumerate(zip(tail, points, strict=True)):
            for x in enc[walked:p] if unmet else ():
                if any(u in x for u in unmet):  # (a mention with none of them adds nothing:
                    for i in mention_issues(x):  # its issues were all met before)
                        issues.setdefault(i)
                        unmet.discard(i)
            walked = p
            k = p + n  # its index among all mentions, the article's earlier ones counted
            if k == 0:  # the first mention now: the happening takes its id and words
                mention = self.news[t[0]]
                aliases.insert(0, doc["id"])
                doc.update({f: mention[f] for f in ("id", "date_basis", "precision", "title",
                                                    "scheduled", "start", "end")})
            else:
                aliases.insert(k - 1, t[0])
            sentences.insert(k, t[2])
            for i in t[3]:
                issues.setdefault(i)
                unmet.discard(i)
        sources, order = list(old_sources), self.add.source_order
        for source in dict.fromkeys(t[1] for t in tail):
            if source not in sources:
                sources.insert(bisect_left(sources, order(source), key=order), source)
        return {**doc, "sentences": sentences, "aliases": aliases, "sources": sources,
                "issues": list(dict.fromkeys([*issues, *old_issues]))}
