"""What changed since a moment: history entries, --since values, the JSON shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from store import changes, ingest
from store.api import Store
from tui.cli import main

DATA = Path(__file__).parent / "data" / "ingest"


def _tables(statuses: dict, positions: list, quotes=(), events=(), sources=()) -> dict:
    return {
        "issues": [{"id": i, "status": s} for i, s in statuses.items()],
        "positions": [
            {"id": f"{i}-{p}", "issue": i, "party": p, "stance": st, "summary": st}
            for i, p, st in positions
        ],
        "quotes": [{"id": q} for q in quotes],
        "events": [{"id": e} for e in events],
        "sources": [{"id": s} for s in sources],
    }


def test_status_changes_positions_and_arrivals_since_a_moment(tmp_path):
    t0 = _tables({"territory": "open", "nato": "disputed"}, [("territory", "ru", "demands")],
                 quotes=["q1"], events=["e1"], sources=["s1"])
    t1 = _tables({"territory": "disputed", "nato": "disputed"},
                 [("territory", "ru", "demands"), ("territory", "ua", "rejects")],
                 quotes=["q1", "q2"], events=["e1"], sources=["s1", "s2"])
    t2 = _tables({"territory": "narrowing", "nato": "disputed"},
                 [("territory", "ru", "offers"), ("territory", "ua", "rejects")],
                 quotes=["q2", "q3"], events=["e1", "e2"], sources=["s1", "s2", "s3"])
    changes.record(tmp_path, None, t0, reason="build", at="2026-01-01T10:00:00Z")
    changes.record(tmp_path, changes.snapshot(t0), t1, reason="add", at="2026-01-02T10:00:00Z")
    changes.record(tmp_path, changes.snapshot(t1), t2, reason="add", at="2026-01-03T10:00:00Z")

    c = changes.changes_since(tmp_path, "2026-01-01T12:00:00Z")
    assert c.issues == [{"id": "territory", "from": "open", "to": "narrowing"}]
    moved = {(p["id"], p["change"], p["from"], p["to"]) for p in c.positions}
    assert moved == {("territory-ru", "moved", "demands", "offers"),
                     ("territory-ua", "new", None, "rejects")}
    assert [q["id"] for q in c.quotes] == ["q2", "q3"]  # q1 was there before
    assert [e["id"] for e in c.events] == ["e2"]
    assert [s["id"] for s in c.sources] == ["s2", "s3"]

    later = changes.changes_since(tmp_path, "2026-01-02T12:00:00Z")
    assert later.issues == [{"id": "territory", "from": "disputed", "to": "narrowing"}]
    assert [p["id"] for p in later.positions] == ["territory-ru"]
    assert [q["id"] for q in later.quotes] == ["q3"]

    assert changes.changes_since(tmp_path, "2026-01-04T00:00:00Z").empty


def test_a_quote_that_came_and_went_is_not_reported(tmp_path):
    t0 = _tables({}, [], quotes=["q1"])
    t1 = _tables({}, [], quotes=["q1", "q2"])
    t2 = _tables({}, [], quotes=["q1"])
    changes.record(tmp_path, None, t0, reason="build", at="2026-01-01T00:00:00Z")
    changes.record(tmp_path, changes.snapshot(t0), t1, reason="add", at="2026-01-02T00:00:00Z")
    changes.record(tmp_path, changes.snapshot(t1), t2, reason="add", at="2026-01-03T00:00:00Z")
    assert changes.changes_since(tmp_path, "2026-01-01T00:00:00Z").quotes == []


def test_since_values(tmp_path):
    store = Store(tmp_path)
    assert changes.parse_when("2025-12-15", tmp_path) == "2025-12-15T00:00:00Z"
    assert changes.parse_when("2025-12-15T10:30:00+02:00", tmp_path) == "2025-12-15T08:30:00Z"
    assert changes.parse_when("2025-12-15T10:30:00", tmp_path) == "2025-12-15T10:30:00Z"
    for bad in ("yesterday", "2025-13-01"):
        with pytest.raises(changes.ChangesError):
            changes.parse_when(bad, tmp_path)
    with pytest.raises(changes.ChangesError, match="last-open"):
        changes.parse_when("last-open", tmp_path)
    with pytest.raises(changes.ChangesError, match="last-call"):
        changes.parse_when("last-call", tmp_path, store.notes)
    assert changes.record_open(tmp_path, at="2026-01-01T09:00:00Z") is None
    assert changes.record_open(tmp_path, at="2026-01-02T09:00:00Z") == "2026-01-01T09:00:00Z"
    assert changes.parse_when("last-open", tmp_path) == "2026-01-02T09:00:00Z"
    state = json.loads((tmp_path / "state.json").read_text())
    assert state["previous_open"] == "2026-01-01T09:00:00Z"
    assert not store.notes_path.exists() or "last_open" not in store.notes_path.read_text()
    call = store.notes.start_call("Morning call")
    assert changes.parse_when("last-call", tmp_path, store.notes) == call.started
    ended = store.notes.end_call()
    assert changes.parse_when("last-call", tmp_path, store.notes) == ended.ended


def test_changes_command_json_after_an_add(tmp_path):
    data = tmp_path / "data"
    store = Store(data)
    store.build()
    ingest.add(store, [DATA / "warsaw_briefing.md"], when="2026-02-01T00:00:00Z")
    ingest.add(store, [DATA / "geneva_round.txt"], when="2026-02-02T00:00:00Z")
    r = CliRunner().invoke(
        main, ["--data", str(data), "changes", "--since", "2026-02-01T12:00:00Z", "--json"]
    )
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert set(doc) == {"since", "until", "history_starts", "issues", "positions", "quotes",
                        "events", "sources", "overrides"}
    assert doc["since"] == "2026-02-01T12:00:00Z" and doc["until"] == "2026-02-02T00:00:00Z"
    assert [s["path"] for s in doc["sources"]] == ["geneva_round.txt"]
    store.load()
    geneva = next(s.id for s in store.sources() if s.path == "geneva_round.txt")
    assert doc["quotes"] and {q["source"] for q in doc["quotes"]} == {geneva}
    assert set(doc["quotes"][0]) >= {"id", "text", "speaker", "party", "date", "issues"}
    assert all(set(e) >= {"id", "date", "title", "issues"} for e in doc["events"])
    for p in doc["positions"]:
        assert p["change"] in ("new", "moved") and p["to"]
    for i in doc["issues"]:
        assert set(i) >= {"id", "title", "from", "to"} and i["from"] != i["to"]

    text = CliRunner().invoke(
        main, ["--data", str(data), "changes", "--since", "2026-02-01T12:00:00Z"]
    )
    assert text.exit_code == 0 and "New article:" in text.stdout
    bad = CliRunner().invoke(main, ["--data", str(data), "changes", "--since", "soon"])
    assert bad.exit_code == 1 and "--since 'soon'" in bad.stderr


def test_status_overrides_by_the_analyst_are_changes_too(tmp_path):
    store = Store(tmp_path)
    store.build()
    ingest.add(store, [DATA / "geneva_round.txt"], when="2026-02-01T00:00:00Z")
    store.notes.set_status("territory", "agreed", "confirmed on the call")
    c = changes.changes_since(tmp_path, "2026-02-01T00:00:00Z", store)
    assert [(o["issue"], o["to"]) for o in c.overrides] == [("territory", "agreed")]
