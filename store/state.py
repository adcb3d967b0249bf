"""The state a full assembly leaves for adds, and how documents are derived from it again.

A full assembly (store.pipeline) writes `state.bin` with `corpus_state`; an add
(store.incremental) reads it, through the journals' changes, and derives the positions and
issue statuses it touches with `position_doc` and `issue_status`, which the full assembly
uses too, so both give the same documents. See store.incremental for what each section
holds.
"""

from __future__ import annotations

import hashlib
import marshal
from array import array
from bisect import bisect_left, insort
from collections import defaultdict

from store.ids import stable_id

SECTION = "state."
# What an add needs of each source (the state keeps these, not the whole documents).
SOURCE_FIELDS = ("id", "published", "path", "content_hash", "outlet")
BASIS_KEPT = 25  # newest passages kept behind an issue's status
BASIS_WINDOW = 2 * BASIS_KEPT  # ... and kept in the state, so a removal can be made good

class NeedsFullBuild(Exception):
    """This add needs the whole corpus assembled again; the message says why."""


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


def key_hashes(key: str) -> tuple[int, list[int]]:
    """A quotation key's hash and the hashes of its word 4-grams (store.merge._grams)."""
    from store.merge import _grams

    return _hash(key), [_hash(" ".join(g)) for g in _grams(key.split())]


def source_order(doc: dict) -> tuple:
    """Where a source's reports and mentions come among all others (store.pipeline order)."""
    return (doc["published"] or "9999", doc["path"], doc["id"])


def claim_record(claim, index: int) -> tuple:
    """A claim as the state keeps it: (item order, clause index, kind, item id, source,
    date, clause party, clause text, stance, status cue, clause issues)."""
    from store.extract.positions import _newest_first

    item, clause = claim.item, claim.clause
    return (_newest_first(item), index, item.kind, item.id, item.source, item.date,
            clause.party, clause.text, clause.stance, clause.status, tuple(clause.issues))


def item_records(item, codebook) -> list[tuple]:
    """The claim records of one evidence item, its clauses in order."""
    from store.extract.positions import _Claim, item_clauses

    return [claim_record(_Claim(item, c), n)
            for n, c in enumerate(item_clauses(item, codebook))]


# --- the state a full assembly leaves ------------------------------------------------------------
def claim_records(claims) -> list[tuple]:
    """Claims (in claims order) as the state keeps them, each with its clause index."""
    records = [claim_record(c, 0) for c in claims]
    _number_clauses(records)
    return records


def corpus_state(*, codebook, sources, quotes, reports, groups, mentions, event_groups,
                 heads, tallies, touching, quote_count, undated) -> dict[str, bytes]:
    """The state sections of a full assembly (see the module docstring)."""
    from store.merge import event_words, quote_key

    order_of = {d["id"]: source_order(d) for d in sources}
    pairs: list[tuple[int, int]] = []
    key_pairs: list[tuple[int, int]] = []
    for row, members in enumerate(groups):
        seen_keys = set()
        for m in members:
            key = quote_key(reports[m]["text"])
            if key in seen_keys:
                continue
            seen_keys.add(key)
            kh, grams = key_hashes(key)
            key_pairs.append((kh, row))
            pairs.extend((g, row) for g in set(grams))
    out: dict[str, bytes] = {}
    for name, found in (("grams", pairs), ("keys", key_pairs)):
        found.sort()  # a gram once per distinct key holding it, as store.merge counts them
        out[f"{SECTION}{name}.hash"] = array("Q", [h for h, _ in found]).tobytes()
        out[f"{SECTION}{name}.row"] = array("I", [r for _, r in found]).tobytes()

    # Happenings by day: each mention with what grouping and the event document need.
    at_in_source: dict[str, int] = defaultdict(int)
    place = []
    for m in mentions:
        place.append((*order_of[m["source"]], at_in_source[m["source"]]))
        at_in_source[m["source"]] += 1
    by_day: dict[str, dict[str, list]] = defaultdict(dict)
    for members in event_groups:
        first = mentions[members[0]]
        if first["date"] is None:
            continue
        by_day[first["date"]][first["id"]] = [
            mention_record(mentions[i], place[i], event_words(mentions[i]["sentence_text"]))
            for i in members
        ]
    for day, found in by_day.items():
        out[f"{SECTION}eday:{day}"] = marshal.dumps(
            {eid: compact_happening(members) for eid, members in found.items()})
        out[f"{SECTION}emem:{day}"] = marshal.dumps(
            {eid: [encode_mention(m) for m in members] for eid, members in found.items()})

    out[f"{SECTION}heads"] = marshal.dumps(heads)
    for issue, st in tallies.items():
        out[f"{SECTION}status:{issue}"] = marshal.dumps(st)
    for issue in (i.id for i in codebook.issues):
        out[f"{SECTION}touch:{issue}"] = marshal.dumps(sorted(touching.get(issue, ())))
    out[f"{SECTION}qcount"] = marshal.dumps(dict(quote_count))
    out[f"{SECTION}sources"] = marshal.dumps(
        {d["id"]: tuple(d[k] for k in SOURCE_FIELDS) for d in sources})
    out[f"{SECTION}undated"] = marshal.dumps(sorted(undated))
    known = {a.id for a in codebook.actors}
    firsts: dict[str, tuple] = {}
    for q in quotes:
        aid = q.get("actor")
        if aid and aid not in known and aid not in firsts:
            firsts[aid] = (*order_of[q["source"]], q["start"])
    out[f"{SECTION}actors"] = marshal.dumps(firsts)
    from store.analysis_cache import fingerprint

    out[f"{SECTION}fingerprint"] = marshal.dumps(fingerprint(getattr(codebook, "path", None)))
    return out


def mention_record(m: dict, place: tuple, words) -> tuple:
    """A mention as the state keeps it: (id, source, sentence, issues, words, place)."""
    return (m["id"], m["source"], m["sentence"], tuple(m["issues"]), " ".join(sorted(words)),
            place)


def encode_mention(m: tuple) -> str:
    """A mention as one string that sorts where the mention does (its place first): a
    happening with thousands of mentions is read as fast as a list of strings is."""
    place = "\x1f".join((m[5][0], m[5][1], m[5][2], f"{m[5][3]:06d}"))
    return "\x1e".join((place, m[0], m[1], m[2] or "", ",".join(m[3]), m[4]))


def decode_mention(text: str) -> tuple:
    place, mid, source, sentence, issues, words = text.split("\x1e")
    published, path, sid, k = place.split("\x1f")
    return (mid, source, sentence or None, tuple(issues.split(",")) if issues else (), words,
            (published, path, sid, int(k)))


def mention_issues(text: str) -> list[str]:
    """The issues of an encoded mention, without decoding the rest of it."""
    return list(filter(None, text.split("\x1e", 5)[4].split(",")))


def compact_happening(members: list[tuple]) -> list:
    """What grouping needs of a happening: [its last mention's place, {words: [a source,
    whether several sources share these words]}]. A happening every article mentions has
    thousands of mentions and far fewer distinct word sets."""
    words: dict[str, list] = {}
    for m in members:
        add_words(words, m[4], m[1])
    return [members[-1][5], words]


def add_words(words: dict[str, list], key: str, source: str) -> None:
    found = words.get(key)
    if found is None:
        words[key] = [source, False]
    elif found[0] != source:
        found[1] = True


def _number_clauses(records: list) -> None:
    """Give each claim its clause index within its item (records are in claims order)."""
    last, n = None, 0
    for k, r in enumerate(records):
        n = n + 1 if r[3] == last else 0
        last = r[3]
        records[k] = (r[0], n, *r[2:])


def position_pairs(record: tuple, issues: tuple, codebook) -> list[tuple[str, str]]:
    party = record[6]
    if party is None or party not in codebook.party_by_id:
        return []
    known = {i.id for i in codebook.issues}
    return [(i, party) for i in issues if i in known]


def derive_state(records: list[tuple], codebook) -> tuple[dict, dict]:
    """Heads and status tallies from claim records in claims order (see the module docstring)."""
    heads: dict[str, dict] = {}
    tallies: dict[str, dict] = {}
    seen: set[tuple] = set()
    for r in records:
        for pair in position_pairs(r, r[10], codebook):
            pid = stable_id("position", *pair)
            head = heads.get(pid)
            if head is None:
                head = heads[pid] = {"issue": pair[0], "party": pair[1], "first": r,
                                     "bearing": [], "updated": None}
            add_to_head(head, r)
        for issue in r[10]:
            add_to_status(tallies.setdefault(issue, empty_status()), r, issue, seen)
    for st in tallies.values():
        for entries in st["basis"].values():
            del entries[BASIS_WINDOW:]
    return heads, tallies


def empty_status() -> dict:
    # dates: claims per date; cues: claims per (date, cue); basis: the newest passages per cue
    # (BASIS_WINDOW of them, as (order, id)); sizes: how many passages each cue has in all.
    return {"dates": {}, "cues": {}, "basis": {}, "sizes": {}}


def add_to_head(head: dict, r: tuple) -> None:
    if r[:2] < head["first"][:2]:
        head["first"] = r
    if r[5] and (head["updated"] is None or r[5] > head["updated"]):
        head["updated"] = r[5]
    if r[8] is None:
        return
    bearing = head["bearing"]
    if not bearing or _newer(r[5], bearing[0][5]):
        head["bearing"] = [r]
    elif r[5] == bearing[0][5]:
        insort(bearing, r, key=lambda x: x[:2])


def _newer(a: str | None, b: str | None) -> bool:
    """Whether date `a` is newer than `b` (any date is newer than none)."""
    return a is not None and (b is None or a > b)


def add_to_status(st: dict, r: tuple, issue: str, seen: set, window: int | None = None
                   ) -> None:
    """Count a claim; a passage with a cue goes into that cue's basis (once)."""
    date, cue = r[5], r[9]
    st["dates"][date] = st["dates"].get(date, 0) + 1
    if cue is None:
        return
    st["cues"][(date, cue)] = st["cues"].get((date, cue), 0) + 1
    if (issue, cue, r[3]) in seen:
        return
    seen.add((issue, cue, r[3]))
    st["sizes"][cue] = st["sizes"].get(cue, 0) + 1
    basis = st["basis"].setdefault(cue, [])
    entry = (r[0], r[3])
    at = bisect_left(basis, entry)
    if window is None or at < window:
        basis.insert(at, entry)
        if window is not None:
            del basis[window:]


def remove_from_status(st: dict, r: tuple, issue: str, seen: set) -> None:
    """Uncount a claim of an item that is leaving (all its claims go)."""
    date, cue = r[5], r[9]
    st["dates"][date] -= 1
    if not st["dates"][date]:
        del st["dates"][date]
    if cue is None:
        return
    st["cues"][(date, cue)] -= 1
    if not st["cues"][(date, cue)]:
        del st["cues"][(date, cue)]
    if (issue, cue, r[3]) in seen:
        return
    seen.add((issue, cue, r[3]))
    st["sizes"][cue] -= 1
    basis = st["basis"].get(cue, [])
    entry = (r[0], r[3])
    at = bisect_left(basis, entry)
    if at < len(basis) and basis[at] == entry:
        basis.pop(at)
        if len(basis) < min(BASIS_KEPT, st["sizes"][cue]):
            raise NeedsFullBuild("an issue's status lost passages the state does not keep")


# --- from the state back to documents ------------------------------------------------------------
def position_doc(head: dict, codebook) -> dict:
    """A position document from its head, as store.extract.positions.derive_positions makes it
    (evidence and sources live in the view's evidence sections)."""
    from store.extract.positions import _pick_stance, _summary

    if head["bearing"]:
        stance, chosen, contested = _pick_stance([_claim(r) for r in head["bearing"]])
    else:
        stance, chosen, contested = "unclear", _claim(head["first"]), False
    return {
        "id": stable_id("position", head["issue"], head["party"]),
        "issue": head["issue"],
        "party": head["party"],
        "stance": stance,
        "summary": _summary(stance, chosen),
        "contested": contested,
        "updated": head["updated"],
    }


def _claim(r: tuple):
    from store.extract.positions import Clause, EvidenceItem, _Claim

    item = EvidenceItem(kind=r[2], id=r[3], source=r[4], text="", context="", date=r[5],
                        party=r[6], issues=tuple(r[10]), start=0, end=0)
    return _Claim(item, Clause(r[7], r[6], tuple(r[10]), r[8], r[9]))


def issue_status(issue: str, st: dict | None, clash_ids: tuple[str, ...] | None
                 ) -> tuple[str, list[str]]:
    """(status, basis ids) as store.extract.positions.derive_statuses decides them, the basis
    bounded: the BASIS_KEPT newest passages with the status's cue and, for "disputed", the
    positions that clash. (On a large corpus the full list runs to tens of thousands of
    sentences, which nobody reads and every add would rewrite.)"""
    from store.extract.positions import (
        _STATUS_WEIGHT_NEWEST,
        _STATUS_WEIGHT_OLDER,
        _decide,
    )

    votes: dict[str, float] = defaultdict(float)
    basis: dict[str, dict[str, None]] = defaultdict(dict)
    if st is not None:
        dated = [d for d in st["dates"] if d]
        newest = max(dated) if dated else None
        for (date, cue), n in st["cues"].items():
            fresh = date is not None and date == newest
            weight = _STATUS_WEIGHT_NEWEST if fresh or newest is None else _STATUS_WEIGHT_OLDER
            votes[cue] += weight * n
        for cue, entries in st["basis"].items():
            for _, eid in entries[:BASIS_KEPT]:
                basis[cue].setdefault(eid)
    if clash_ids is not None:
        votes["disputed"] += _STATUS_WEIGHT_OLDER
        for eid in clash_ids:
            basis["disputed"].setdefault(eid)
    status = _decide(votes)
    return status, (list(basis[status]) if status != "open" else [])


def clashes(heads: dict, positions: list[dict], codebook) -> dict[str, tuple[str, ...]]:
    """store.extract.positions._clashes over position documents and their heads (in the
    codebook's order, as derive_positions lists them: the last clashing pair is kept)."""
    from store.extract.positions import _CROSS_PARTY_CLASH

    by_issue: dict[str, list[dict]] = defaultdict(list)
    for p in sorted(positions, key=lambda p: position_order(p, codebook)):
        by_issue[p["issue"]].append(p)
    out = {}
    for issue, found in by_issue.items():
        for a in found:
            for b in found:
                if a["party"] < b["party"] and frozenset(
                    {a["stance"], b["stance"]}
                ) in _CROSS_PARTY_CLASH:
                    first = (heads[a["id"]]["first"][3], heads[b["id"]]["first"][3])
                    out[issue] = tuple(dict.fromkeys(first))
    return out


def position_order(p: dict, codebook) -> tuple[int, int]:
    issues = {i.id: n for n, i in enumerate(codebook.issues)}
    parties = {q.id: n for n, q in enumerate(codebook.parties)}
    return issues[p["issue"]], parties[p["party"]]
