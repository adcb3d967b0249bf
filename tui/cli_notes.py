"""`parley note ...`: notes from scripts and from people outside the dashboard."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from tui.cli_support import fail, store_for

KINDS = ("issue", "position", "quote", "event", "source", "sentence")


@click.group("note")
def note_command() -> None:
    """Add, list and recover notes (the notes file is separate from the corpus)."""


@note_command.command("add")
@click.argument("target", metavar="KIND:ID")
@click.argument("text")
@click.option("--call", metavar="ID", help="Attach to this call (default: the running one).")
@click.pass_context
def add_note(ctx: click.Context, target: str, text: str, call: str | None) -> None:
    """Add a note on an entry (KIND is issue, position, quote, event, source or sentence).

    Prints the new note's id. The note is on disk when the command returns.
    """
    from store.notes import NotesCorruptError, NotesWriteError

    kind, _, entry_id = target.partition(":")
    if kind not in KINDS or not entry_id:
        fail(f"{target}: expected KIND:ID with KIND one of {', '.join(KINDS)}")
    store = store_for(ctx)
    context = ""
    if store.has_corpus():
        if store.resolve(kind, entry_id) is None:
            fail(f"{target}: no such {kind} in the corpus at {store.corpus_path}")
        context = store.entry_text(kind, entry_id)
    try:
        note = store.notes.add(kind, entry_id, text, context=context, call=call)
    except NotesCorruptError:
        raise  # (a ValueError too) said by the command group, with how to recover
    except (NotesWriteError, ValueError) as e:
        fail(str(e))
    click.echo(note.id)


@note_command.command("list")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@click.option("--call", "call", metavar="ID", help="Only this call's notes.")
@click.pass_context
def list_notes(ctx: click.Context, as_json: bool, call: str | None) -> None:
    """List notes, newest first."""
    store = store_for(ctx)
    notes = store.notes.notes(call=call)  # a damaged file: said by the command group
    if as_json:
        click.echo(json.dumps([{**asdict(n), "target": n.target} for n in notes], indent=2,
                              ensure_ascii=False))
        return
    for n in notes:
        click.echo(f"{n.created}  {n.author}  {n.target_kind}:{n.target_id}  {n.id}")
        click.echo(f"    {n.text}")


@note_command.command("recover")
@click.pass_context
def recover_notes(ctx: click.Context) -> None:
    """Restore a damaged notes file from its last good copy (the damaged file is kept)."""
    from store.notes import NotesCorruptError, NotesWriteError

    store = store_for(ctx)
    try:
        result = store.notes.recover()
    except (NotesCorruptError, NotesWriteError) as e:
        fail(str(e))
    if result.restored_from is None:
        click.echo(f"{store.notes_path}: the notes file is fine; nothing to recover")
    else:
        click.echo(
            f"{store.notes_path}: restored from {result.restored_from}; "
            f"the damaged file is kept as {result.moved_aside}"
        )
