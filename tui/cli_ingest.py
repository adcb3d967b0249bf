"""`parley add`, `parley changes` and `parley reextract`: the corpus as the talks go on.

Each problem is one line on standard error naming the file and what was done; the exit status
is 3 when something was skipped (as for `parley build`), 1 on an error.
"""

from __future__ import annotations

import json
import sys

import click

from tui.cli_support import EXIT_SKIPPED, fail, store_for


def _finish(report, verb: str, store) -> None:
    for line in report.lines():
        click.echo(line, err=True)
    if report.changed_corpus or verb != "Added":
        click.echo(
            f"{verb}: {len(report.added)} new, {len(report.changed)} changed "
            f"({report.analysed} analysed, {report.cached} from cache); "
            f"{store.corpus_path}: {report.sources} sources, {report.quotes} quotes, "
            f"{report.events} events."
        )
    else:
        click.echo("Nothing new to add.")
    if report.skipped:
        sys.exit(EXIT_SKIPPED)


def _guard(action):
    """Run an ingest action; any failure is one line and the store is left as it was."""
    from store.codebook import CodebookError
    from store.corpus import CorpusError

    try:
        return action()
    except (CodebookError, CorpusError, RuntimeError) as e:
        fail(str(e))
    except OSError as e:
        fail(f"{getattr(e, 'filename', None) or ''}: {e.strerror or e}".lstrip(": "))
    except Exception as e:  # noqa: BLE001 - one clear line, never a traceback
        fail(f"failed ({type(e).__name__}: {e}); the corpus is unchanged")


@click.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--codebook", type=click.Path(exists=True, dir_okay=False),
              help="Codebook TOML (default: the one the corpus was built with).")
@click.pass_context
def add_command(ctx: click.Context, paths: tuple[str, ...], codebook: str | None) -> None:
    """Add article files or folders (text, Markdown, HTML) to the corpus.

    Only new or changed files are read and analysed; the same article twice, or under two
    names, is added once. Added articles are kept in the data directory, so `parley
    reextract` includes them. Notes are never touched.
    """
    from store.ingest import add

    store = store_for(ctx)
    report = _guard(lambda: add(store, paths, codebook_path=codebook))
    _finish(report, "Added", store)


@click.command("reextract")
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--codebook", type=click.Path(exists=True, dir_okay=False),
              help="Codebook TOML (default: the one the corpus was built with).")
@click.pass_context
def reextract_command(ctx: click.Context, folder: str | None, codebook: str | None) -> None:
    """Run extraction again over every article of the corpus (after a codebook change).

    Covers the folder the corpus was built from and every article added since; with FOLDER,
    that folder replaces the original one (added articles stay). Ids that still describe the
    same thing are kept, so notes stay attached.
    """
    from store.ingest import reextract

    store = store_for(ctx)
    report = _guard(lambda: reextract(store, codebook_path=codebook, folder=folder))
    _finish(report, "Re-extracted", store)


@click.command("changes")
@click.option("--since", "since", default="last-open", show_default=True, metavar="WHEN",
              help="last-call, last-open, YYYY-MM-DD or an ISO timestamp.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def changes_command(ctx: click.Context, since: str, as_json: bool) -> None:
    """What changed since WHEN: issue statuses, positions, new quotes, events and sources."""
    from store.changes import ChangesError, changes_since, parse_when

    store = store_for(ctx)
    if not store.has_corpus():
        fail(f"{store.corpus_path}: no corpus yet; run `parley build` or `parley add` first")
    try:
        moment = parse_when(since, store.data_dir, store.notes)
        result = changes_since(store.data_dir, moment, store)
    except ChangesError as e:
        fail(str(e))
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    for line in describe(result):
        click.echo(line)


def describe(result) -> list[str]:
    """The changes as plain lines of text (the CLI and the dashboard view share them)."""
    lines = [f"Changes since {result.since}" + (f" (until {result.until})" if result.until else "")]
    if result.history_starts is None:
        return lines + ["No history yet: changes are recorded from the next `parley add`."]
    if result.history_starts > result.since:
        lines.append(f"(history starts {result.history_starts})")
    if result.empty:
        return lines + ["Nothing changed."]
    for d in result.issues:
        lines.append(f"Issue {d.get('title', d['id'])}: {d['from']} → {d['to']}")
    for d in result.overrides:
        lines.append(f"Status set by {d['author']} on {d['issue']}: {d['from']} → {d['to']}")
    for d in result.positions:
        who = d.get("party_name", d["party"])
        on = d.get("issue_title", d["issue"])
        if d["change"] == "new":
            lines.append(f"New position: {who} on {on}: {d['to']}")
        else:
            lines.append(f"Position moved: {who} on {on}: {d['from']} → {d['to']}")
    for d in result.sources:
        when = d.get("published") or "undated"
        lines.append(f"New article: {d.get('title') or d['id']} ({when})")
    for d in result.quotes:
        text = " ".join(d.get("text", "").split())
        lines.append(f"New quote: “{text}” — {d.get('speaker') or 'unknown'}")
    for d in result.events:
        lines.append(f"New event: {d.get('date') or 'undated'}: {d.get('title', d['id'])}")
    return lines
