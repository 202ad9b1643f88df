"""The ``query`` group: list, show and run the canned Cypher queries, or your own Cypher."""

from __future__ import annotations

from pathlib import Path

import click

from ..output import format_rows
from .options import (
    LOAD_BAR_ROWS,
    READ_BAR_BYTES,
    data_option,
    format_option,
    neo4j_options,
    progress_bar,
    table_width,
)


@click.group()
def query() -> None:
    """Canned Cypher queries (cypher/*.cypher): list, show and run them."""


@query.command("list")
@format_option
def query_list(fmt: str) -> None:
    """List the canned queries with their parameters."""
    from ..queries import list_queries

    rows = [
        {
            "name": q.name,
            "title": q.title,
            "parameters": ", ".join(f"{p.name}={p.default or '?'}" for p in q.parameters),
        }
        for q in list_queries()
    ]
    click.echo(format_rows(rows, ["name", "title", "parameters"], fmt, table_width()))


@query.command("show")
@click.argument("name")
def query_show(name: str) -> None:
    """Print a canned query: its title, description, parameters and Cypher text."""
    from ..output import query_text
    from ..queries import get_query

    click.echo(query_text(get_query(name)))


@query.command("run")
@click.argument("name", required=False)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    type=(str, str),
    metavar="NAME VALUE",
    help="A query parameter; repeat for several. Values are always passed as parameters, typed "
    "as the query declares; with --cypher, str:, int:, float:, bool: or json: before a value "
    "gives its type (str:1900 is text), else numbers are numbers.",
)
@click.option("--cypher", default=None, help="Run this Cypher text instead of a canned query.")
@click.option(
    "--backend",
    type=click.Choice(["embedded", "neo4j"]),
    default="embedded",
    show_default=True,
    help="embedded: grafeo in this process, loaded from the data; neo4j: your server.",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Keep the embedded engine in FILE: loaded from the data the first time, then opened "
    "as it is (at 100k relationships 0.5 s instead of 8 s; at 1M, 12 s instead of 2 minutes).",
)
@click.option("--write", is_flag=True, help="Allow a query that writes (refused otherwise).")
@click.option(
    "--max-memory",
    type=click.IntRange(min=0),
    default=2048,
    show_default=True,
    metavar="MB",
    help="Embedded reads: stop a query that needs more memory than this beyond the loaded "
    "graph; 0: no limit.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=0,
    metavar="SECONDS",
    help="Embedded reads: stop a query that runs longer than this; 0 (default): no limit.",
)
@format_option
@data_option
@neo4j_options
def query_run(
    name: str | None,
    params: tuple[tuple[str, str], ...],
    cypher: str | None,
    backend: str,
    db: Path | None,
    write: bool,
    max_memory: int,
    timeout: float,
    fmt: str,
    data: Path | None,
    neo4j_uri: str | None,
    database: str | None,
) -> None:
    """Run a canned query NAME, or --cypher TEXT, and print its rows.

    A parameter that takes a person accepts an id or any of their names (`-p person Koba`).
    Read-only on both backends unless --write is given.
    """
    from ..queries import collect_params, get_query, parse_adhoc_params
    from ..querying import Neo4jSettings, run_cypher

    if (name is None) == (cypher is None):
        raise click.UsageError("give a query NAME or --cypher TEXT (one of them)")
    if db is not None and backend != "embedded":
        raise click.UsageError("--db keeps the embedded engine in a file; Neo4j keeps its own")
    people: list[str] = []
    if name is not None:
        canned = get_query(name)
        text, bound = canned.cypher, canned.bind(collect_params(params))
        people = canned.person_parameters
    else:
        assert cypher is not None
        text, bound = cypher, parse_adhoc_params(params, cypher)
    settings = Neo4jSettings.from_environment(neo4j_uri, database)
    result = run_cypher(
        text,
        bound,
        backend=backend,
        data=data,
        neo4j=settings,
        write=write,
        read_progress=progress_bar("reading", READ_BAR_BYTES),
        progress=progress_bar("loading", LOAD_BAR_ROWS),
        db=db,
        people=people,
        memory_limit=max_memory * 2**20 or None,
        time_limit=timeout or None,
    )
    click.echo(format_rows(result.rows, result.columns, fmt, table_width()))
