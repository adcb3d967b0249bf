"""Exports of the whole store: JSON (a contract for scripts) and Markdown (for people)."""

from __future__ import annotations

import json

from store.api import Store
from store.journal import current_tables


def export_dict(store: Store) -> dict:
    """Every table of the corpus plus the notes, in the documented JSON shape."""
    out = current_tables(
        store.corpus_path, ("sources", "parties", "actors", "issues", "positions", "quotes",
                            "events"))
    for q in out["quotes"]:
        q.pop("aliases", None)
    for e in out["events"]:
        e.pop("aliases", None)
    out["notes"] = [_note_dict(n) for n in store.notes.notes(include_deleted=False)]
    return out


def _note_dict(note) -> dict:
    return {
        "id": note.id,
        "target": note.target,
        "text": note.text,
        "author": note.author,
        "created": note.created,
        "updated": note.updated,
        "call": note.call,
        "context": note.context,
    }


def export_json(store: Store) -> str:
    return json.dumps(export_dict(store), ensure_ascii=False, indent=2)


def _md_escape(text: str) -> str:
    return text.replace("\n", " ").strip()


def export_markdown(store: Store, call: str | None = None) -> str:
    """A briefing: the whole store, or one call's notes with what they refer to."""
    if call is not None:
        return call_briefing(store, call)
    store.load()
    s = store.summary()
    lines = [f"# {s.negotiation}", ""]
    lines.append(
        f"{s.sources} sources, {s.quotes} quotes, {s.events} events; "
        f"latest report {s.latest or 'undated'}."
    )
    overrides = store.notes.status_overrides()
    for issue in store.issues():
        lines += ["", f"## {issue.title} — {_status_line(issue, overrides)}", ""]
        for p in store.positions(issue.id):
            flag = " (contested)" if p.contested else ""
            lines.append(f"- **{store.party_name(p.party)}**: {p.stance}{flag} — {p.summary}")
        for q in store.quotes(issue.id)[:10]:
            lines.append(
                f"- > “{_md_escape(q.text)}” — {q.speaker or 'unknown'} ({_outlets(store, q)})"
            )
        for n in _notes_for(store, "issue", issue.id):
            lines.append(f"- Note ({n.author}, {n.created}): {_md_escape(n.text)}")
    lines += ["", "## Timeline", ""]
    for e in store.events():
        mark = " (scheduled)" if e.scheduled else ""
        lines.append(f"- {e.date or 'undated'} [{e.date_basis}]{mark}: {_md_escape(e.title)}")
    notes = store.notes.notes()
    if notes:
        lines += ["", "## Notes", ""]
        for n in notes:
            lines.append(
                f"- {n.created} {n.author} on {n.target_kind} {n.target_id}: {_md_escape(n.text)}"
            )
    lines += ["", "## Sources", ""]
    for src in store.sources():
        lines.append(_source_line(src))
    return "\n".join(lines) + "\n"


def _source_line(src) -> str:
    outlet = src.outlet or "unknown outlet"
    return f"- {src.published or 'undated'} — {outlet}: {src.title} ({src.path})"


def _status_line(issue, overrides) -> str:
    o = overrides.get(issue.id)
    if o is not None and o.status and o.status != issue.status:
        return f"{o.status} (analyst; evidence says {issue.status})"
    return issue.status


def _outlets(store: Store, q) -> str:
    names = []
    for sid in (q.source, *q.also_in):
        src = store.source(sid)
        names.append((src.outlet or src.path) if src else sid)
    return ", ".join(dict.fromkeys(names))


def _notes_for(store: Store, kind: str, entry_id: str):
    return store.notes.notes(target=(kind, entry_id))


def call_briefing(store: Store, call_id: str) -> str:
    """One call: its notes in order with their entries, the statuses changed, quotes and sources."""
    store.load()
    notes_store = store.notes
    call = next((c for c in notes_store.calls() if c.id == call_id), None)
    if call is None:
        raise KeyError(f"no call with id {call_id}")
    lines = [
        f"# Call: {call.title}",
        "",
        f"Started {call.started}; ended {call.ended or 'still running'}.",
    ]
    notes = sorted(notes_store.notes(call=call_id), key=lambda n: n.created)
    lines += ["", "## Notes", ""]
    cited_sources: dict[str, None] = {}
    for n in notes:
        entry = store.entry_text(n.target_kind, n.target_id) or f"(entry gone) {n.context}"
        lines.append(f"- {n.created} {n.author} — on {n.target_kind}: {_md_escape(entry)}")
        lines.append(f"  - {_md_escape(n.text)}")
        passage = store.locate(n.target_kind, n.target_id)
        if passage:
            cited_sources[passage.source] = None
    changes = [c for c in notes_store.status_history() if c.call == call_id]
    if changes:
        lines += ["", "## Status changes", ""]
        for c in changes:
            why = f" — {c.reason}" if c.reason else ""
            lines.append(
                f"- {c.issue}: {c.previous or 'evidence'} → {c.status} ({c.author}, {c.at}){why}"
            )
    quotes = [store.quote(n.target_id) for n in notes if n.target_kind == "quote"]
    quotes = [q for q in quotes if q]
    if quotes:
        lines += ["", "## Quotes", ""]
        for q in quotes:
            lines.append(
                f"- “{_md_escape(q.text)}” — {q.speaker or 'unknown'} ({_outlets(store, q)})"
            )
            for sid in (q.source, *q.also_in):
                cited_sources[sid] = None
    if cited_sources:
        lines += ["", "## Sources", ""]
        for sid in cited_sources:
            src = store.source(sid)
            if src:
                lines.append(_source_line(src))
    return "\n".join(lines) + "\n"
