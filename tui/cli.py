"""The `parley` command: open the dashboard, build, export, take notes from scripts.

Textual is imported only when the dashboard opens, so the other commands start fast.
"""

from __future__ import annotations

import sys

import click

from tui.cli_support import EXIT_SKIPPED, ParleyGroup, fail, store_for


@click.group(
    cls=ParleyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--data",
    "data",
    metavar="DIR",
    envvar="PARLEY_DATA",
    help="Data directory (default: $PARLEY_DATA or the user's data directory).",
)
@click.option(
    "--watch",
    "watch",
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Pick up articles dropped into DIR while the dashboard is open.",
)
@click.pass_context
def main(ctx: click.Context, data: str | None, watch: str | None) -> None:
    """parley: follow a negotiation from the news reporting about it.

    Without a command, open the dashboard (building the corpus from the bundled seed articles
    first if there is none yet).
    """
    ctx.ensure_object(dict)
    ctx.obj["data"] = data
    if ctx.invoked_subcommand is not None:
        return
    store = store_for(ctx)
    if not store.has_corpus():
        click.echo("parley: no corpus yet; building it from the bundled seed articles…", err=True)
        try:
            report = store.build()
        except Exception as e:  # noqa: BLE001 - one clear line, never a traceback
            fail(f"could not build the corpus: {e}")
        for line in report.skipped:
            click.echo(line, err=True)
    from tui.app import ParleyApp

    ParleyApp(store, watch=watch).run()


@main.command()
@click.argument("folder", required=False, type=click.Path(exists=True))
@click.option(
    "--codebook",
    type=click.Path(exists=True, dir_okay=False),
    help="Codebook TOML (default: codebook.toml beside the articles, else the bundled one).",
)
@click.pass_context
def build(ctx: click.Context, folder: str | None, codebook: str | None) -> None:
    """Rebuild the corpus from FOLDER of articles (default: the bundled seeds).

    The new corpus is written beside the old one and swapped in, so a failed build leaves the
    old corpus intact. Notes are never touched. Exit status 3 means some files were skipped.
    """
    from store.codebook import CodebookError

    store = store_for(ctx)
    try:
        report = store.build(folder, codebook)
    except CodebookError as e:
        fail(str(e))
    except OSError as e:
        fail(f"{getattr(e, 'filename', None) or store.corpus_path}: {e.strerror or e}")
    except Exception as e:  # noqa: BLE001 - one clear line; the old corpus is untouched
        fail(f"build failed ({type(e).__name__}: {e}); the previous corpus is unchanged")
    for line in (*report.skipped, *report.duplicates):
        click.echo(line, err=True)
    click.echo(
        f"Built {store.corpus_path}: {report.sources} sources, {report.quotes} quotes, "
        f"{report.events} events."
    )
    if report.skipped:
        sys.exit(EXIT_SKIPPED)


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(["json", "md"]), default="json", show_default=True
)
@click.option(
    "--call", "call", metavar="ID", help="Markdown briefing of one call (with --format md)."
)
@click.pass_context
def export(ctx: click.Context, fmt: str, call: str | None) -> None:
    """Write the whole store (corpus and notes) to standard output."""
    from store.corpus import CorpusError
    from store.export import export_json, export_markdown

    store = store_for(ctx)
    if not store.has_corpus():
        fail(f"{store.corpus_path}: no corpus yet; run `parley build` first")
    try:
        if fmt == "json":
            if call:
                fail("--call works with --format md")
            click.echo(export_json(store))
        else:
            click.echo(export_markdown(store, call), nl=False)
    except CorpusError as e:
        fail(str(e))
    except KeyError as e:
        fail(str(e.args[0]))


from tui import cli_ingest, cli_notes  # noqa: E402 - add, changes, reextract, note

main.add_command(cli_ingest.add_command)
main.add_command(cli_ingest.changes_command)
main.add_command(cli_ingest.reextract_command)
main.add_command(cli_notes.note_command)


def run() -> None:  # pragma: no cover - console entry alias
    main()


if __name__ == "__main__":  # pragma: no cover
    main()
