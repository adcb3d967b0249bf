"""What every `parley` subcommand shares: the store it works on and how it fails."""

from __future__ import annotations

import sys

import click

EXIT_SKIPPED = 3  # done, but some files were skipped (one line each on stderr)


def store_for(ctx: click.Context):
    """The Store of the data directory chosen by `--data` / `PARLEY_DATA` (or the default)."""
    from store.api import Store

    return Store((ctx.obj or {}).get("data"))


class ParleyGroup(click.Group):
    """The command group: a damaged notes file met by any subcommand (export and changes
    read the notes too) is one line that says how to get it back, never a traceback."""

    def invoke(self, ctx: click.Context):
        from store.storage import StorageCorruptError

        try:
            return super().invoke(ctx)
        except StorageCorruptError as e:
            fail(damaged_notes(e))


def damaged_notes(e) -> str:
    """A damaged notes file, said for the command line: what to run to get it back."""
    return (f"{e.path}: {e.problem}; the file was left untouched. Run `parley note recover` to "
            "restore its last good copy (the damaged file is kept aside).")


def fail(message: str, code: int = 1):
    """One line on standard error and a non-zero exit."""
    click.echo(f"parley: {message}", err=True)
    sys.exit(code)
