"""The ``bolshevik-graph`` command line: a thin client of the library.

One module per command group: :mod:`.data` (fates, people, show, validate, stats), :mod:`.graph`
(render, path, central, timeline, survival, export), :mod:`.query` and :mod:`.neo4j`; shared
options live in :mod:`.options`. Each command validates its options, calls one library function
and formats the result. Library errors become ``click.ClickException`` in one place
(:class:`_Group`), so a user sees one line of ``Error: ...`` and exit code 1, never a traceback.
"""

from __future__ import annotations

from typing import Any

import click

from .. import __version__
from ..errors import BolshevikGraphError
from . import data, graph
from .neo4j import neo4j_group
from .query import query


class _Group(click.Group):
    """Turns every library error into a ClickException, the one place this happens."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BolshevikGraphError as err:
            raise click.ClickException(str(err)) from err


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bolshevik-graph")
def cli() -> None:
    """A sourced graph of the people and relationships of the Bolshevik revolution and Stalin's
    purges. Start with `bolshevik-graph fates`."""


for _command in [*data.COMMANDS, *graph.COMMANDS, query, neo4j_group]:
    cli.add_command(_command)


def main() -> None:
    """Entry point of the console script."""
    cli()
