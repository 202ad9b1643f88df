"""The ``neo4j`` group: load the dataset into your Neo4j server, or remove it."""

from __future__ import annotations

from pathlib import Path

import click

from .options import LOAD_BAR_ROWS, data_option, neo4j_options, progress_bar, read_data


@click.group("neo4j")
def neo4j_group() -> None:
    """Load the dataset into your Neo4j server, or remove it."""


@neo4j_group.command("load")
@data_option
@neo4j_options
def neo4j_load(data: Path | None, neo4j_uri: str | None, database: str | None) -> None:
    """Make the project's graph in Neo4j exactly the dataset: written beside the current one in
    batches, made current in one small last transaction, the old one removed after. A load cut
    off anywhere leaves the previous graph; running it again finishes the job."""
    from ..querying import Neo4jSettings, open_neo4j

    dataset = read_data(data)
    with open_neo4j(Neo4jSettings.from_environment(neo4j_uri, database)) as backend:
        report = backend.load(dataset, progress_bar("loading", LOAD_BAR_ROWS))
    click.echo(report.summary())


@neo4j_group.command("wipe")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@neo4j_options
def neo4j_wipe(yes: bool, neo4j_uri: str | None, database: str | None) -> None:
    """Remove what bolshevik-graph loaded (nodes labelled BolshevikGraph), nothing else."""
    from ..querying import Neo4jSettings, open_neo4j

    with open_neo4j(Neo4jSettings.from_environment(neo4j_uri, database)) as backend:
        if not yes:
            click.confirm(
                "Delete every node bolshevik-graph loaded into this database?", abort=True
            )
        click.echo(f"removed {backend.wipe()} nodes")
