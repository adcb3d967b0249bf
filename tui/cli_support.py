"""What every `parley` subcommand shares: the store it works on and how it fails."""

from __future__ import annotations

import sys

import click

EXIT_SKIPPED = 3  # done, but some files were skipped (one line each on stderr)


def store_for(ctx: click.Context):
    """The Store of the data directory chosen by `--data` / `PARLEY_DATA` (or the default)."""
    from store.api import Store

    return Store((ctx.obj or {}).get("data"))


def fail(message: str, code: int = 1):
    """One line on standard error and a non-zero exit."""
    click.echo(f"parley: {message}", err=True)
    sys.exit(code)
