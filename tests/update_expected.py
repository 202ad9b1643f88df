"""Regenerate tests/expected/*.json: every canned query's rows on the tiny and shipped datasets.

Run after a deliberate change to a query or to the data, then READ THE DIFF: the checked-in rows
are what the conformance suite holds both engines to (`python tests/update_expected.py`).
"""

from __future__ import annotations

import json
from pathlib import Path

from bolshevik_graph.loader import load_dataset
from bolshevik_graph.queries import list_queries
from bolshevik_graph.querying import open_backend

HERE = Path(__file__).parent
DATASETS = {"tiny": HERE / "data" / "tiny", "shipped": None}
#: Parameters for queries that have a required one, per dataset.
PARAMS: dict[str, dict[str, str]] = {
    "search-people": {"text": "ev"},
    "allies-and-enemies": {"year": "1924"},
}


def expected_path(query: str, dataset: str) -> Path:
    """Where the expected rows of ``query`` on ``dataset`` are kept."""
    return HERE / "expected" / f"{query}.{dataset}.json"


def main() -> None:
    """Run every query on every dataset with the embedded engine and write the rows."""
    for dataset, path in DATASETS.items():
        load_dataset(path)  # fail early on invalid data
        with open_backend("embedded", path) as backend:
            for query in list_queries():
                result = backend.run(query.cypher, query.bind(PARAMS.get(query.name, {})))
                data = {"columns": result.columns, "rows": result.rows}
                text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
                expected_path(query.name, dataset).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
