"""bolshevik-graph: a sourced graph of the Bolshevik revolution and Stalin's purges.

The public API is flat: ``load_dataset``, ``build_graph``, ``fates`` and friends are importable
from here. Names are resolved on first use so that ``import bolshevik_graph`` stays cheap (no
networkx until a graph is built).

Two functions share their name with their module (``fates`` in ``fates.py``, ``export`` in
``export.py``). Importing a submodule makes Python set it as an attribute of the package, which
would replace ``bolshevik_graph.fates`` the function by the module after its first use; the
package's module class keeps the function there instead (reach the modules with
``from bolshevik_graph.fates import ...``).
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_dataset": "loader",
    "read_dataset": "loader",
    "find_problems": "loader",
    "build_graph": "graph",
    "shortest_path": "analysis",
    "centrality": "analysis",
    "timeline": "analysis",
    "survival": "analysis",
    "to_pandas": "analysis",
    "export": "export",
    "write_graphml": "export",
    "write_gexf": "export",
    "write_json": "export",
    "write_cypher_script": "export",
    "render_network": "render",
    "write_fates_chart": "charts",
    "dataset_stats": "stats",
    "run_cypher": "querying",
    "fates": "fates",
    "killed_on_orders_of": "derived",
    "list_people": "people",
    "person_profile": "people",
    "Dataset": "models",
    "PartialDate": "dates",
    "BolshevikGraphError": "errors",
    "ValidationError": "errors",
    "DataNotFoundError": "errors",
    "UnknownIdError": "errors",
    "Problem": "errors",
}

__all__ = [
    "BolshevikGraphError",
    "DataNotFoundError",
    "Dataset",
    "PartialDate",
    "Problem",
    "UnknownIdError",
    "ValidationError",
    "__version__",
    "build_graph",
    "centrality",
    "dataset_stats",
    "export",
    "fates",
    "find_problems",
    "killed_on_orders_of",
    "list_people",
    "load_dataset",
    "person_profile",
    "read_dataset",
    "render_network",
    "run_cypher",
    "shortest_path",
    "survival",
    "timeline",
    "to_pandas",
    "write_cypher_script",
    "write_fates_chart",
    "write_gexf",
    "write_graphml",
    "write_json",
]

if TYPE_CHECKING:
    from .analysis import centrality, shortest_path, survival, timeline, to_pandas
    from .charts import write_fates_chart
    from .dates import PartialDate
    from .derived import killed_on_orders_of
    from .errors import (
        BolshevikGraphError,
        DataNotFoundError,
        Problem,
        UnknownIdError,
        ValidationError,
    )
    from .export import export, write_cypher_script, write_gexf, write_graphml, write_json
    from .fates import fates
    from .graph import build_graph
    from .loader import find_problems, load_dataset, read_dataset
    from .models import Dataset
    from .people import list_people, person_profile
    from .querying import run_cypher
    from .render import render_network
    from .stats import dataset_stats


#: Exported functions named like the module that defines them.
_SHADOWED = frozenset(name for name, module in _EXPORTS.items() if name == module)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'bolshevik_graph' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # found directly from now on
    return value


class _Package(ModuleType):
    """The package's module type: when the import system sets a submodule such as ``fates`` on
    the package, the function of the same name is kept there instead."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SHADOWED and isinstance(value, ModuleType):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
