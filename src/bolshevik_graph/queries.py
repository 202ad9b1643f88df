"""The registry of canned queries: one ``.cypher`` file each under the top-level ``cypher/``.

Each file starts with a header of ``// key: value`` comment lines::

    // title: Fates of a body's members
    // description: Each member of a body with role, dates and fate.
    // param: body string cc-1917-aug  The body's id (see bodies.csv)

A parameter line gives the name, the type (``string``, ``int`` or ``float``), the default (``-``
for none: the parameter is then required) and a description. Values given by users are converted
to that type and passed to Cypher as parameters, never formatted into the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import QueryError, UnknownIdError

_TYPES: dict[str, type] = {"string": str, "int": int, "float": float}


@dataclass(frozen=True, slots=True)
class Parameter:
    """A declared query parameter."""

    name: str
    type: str
    default: str | None
    description: str

    def convert(self, value: str) -> Any:
        """``value`` as this parameter's type, or a QueryError saying what was expected."""
        try:
            return _TYPES[self.type](value)
        except ValueError:
            raise QueryError(
                f"parameter {self.name!r} must be {self.type}, not {value!r}"
            ) from None


@dataclass(frozen=True, slots=True)
class Query:
    """A canned query: its name (the file's stem), header metadata and Cypher text."""

    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    cypher: str

    def bind(self, given: dict[str, str]) -> dict[str, Any]:
        """Typed parameters from user strings, defaults filled in; unknown or missing ones fail."""
        declared = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            names = ", ".join(declared) or "none"
            raise QueryError(
                f"query {self.name!r} has no parameter {unknown[0]!r} (it takes: {names})"
            )
        bound: dict[str, Any] = {}
        for param in self.parameters:
            if param.name in given:
                bound[param.name] = param.convert(given[param.name])
            elif param.default is not None:
                bound[param.name] = param.convert(param.default)
            else:
                raise QueryError(
                    f"query {self.name!r} needs parameter {param.name!r}: -p {param.name} VALUE"
                )
        return bound


def queries_dir() -> Path:
    """The packaged ``cypher/`` directory (inside a wheel, or in a source checkout)."""
    packaged = resources.files("bolshevik_graph") / "_data" / "cypher"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "cypher"


def parse_query(name: str, text: str) -> Query:
    """A :class:`Query` from a file's text; a malformed header raises QueryError."""
    meta: dict[str, str] = {}
    params: list[Parameter] = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        key, _, value = line[2:].strip().partition(":")
        if key == "param":
            parts = value.split(maxsplit=3)
            if len(parts) < 3 or parts[1] not in _TYPES:
                raise QueryError(f"{name}.cypher: bad param line {line!r}")
            default = None if parts[2] == "-" else parts[2]
            params.append(
                Parameter(parts[0], parts[1], default, parts[3] if len(parts) > 3 else "")
            )
        else:
            meta[key.strip()] = value.strip()
    if "title" not in meta:
        raise QueryError(f"{name}.cypher has no '// title:' header line")
    return Query(name, meta["title"], meta.get("description", ""), tuple(params), text)


def list_queries(directory: Path | None = None) -> list[Query]:
    """Every canned query, sorted by name."""
    folder = directory or queries_dir()
    files = sorted(folder.glob("*.cypher"))
    return [parse_query(f.stem, f.read_text(encoding="utf-8")) for f in files]


def get_query(name: str, directory: Path | None = None) -> Query:
    """The canned query called ``name``; an unknown name suggests close ones."""
    folder = directory or queries_dir()
    known = {f.stem: f for f in folder.glob("*.cypher")}
    if name not in known:  # also keeps a name like '../x' from reaching the file system
        raise UnknownIdError("query", name, known)
    return parse_query(name, known[name].read_text(encoding="utf-8"))


def parse_adhoc_params(
    pairs: tuple[tuple[str, str], ...] | list[tuple[str, str]],
) -> dict[str, Any]:
    """Parameters of an ad-hoc query: a value that is a JSON number, boolean, list or null is
    passed as that; anything else as a string."""
    import json

    params: dict[str, Any] = {}
    for name, value in pairs:
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = value
        params[name] = parsed if not isinstance(parsed, str | dict) else value
    return params
