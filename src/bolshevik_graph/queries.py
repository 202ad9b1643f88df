"""The registry of canned queries: one ``.cypher`` file each under the top-level ``cypher/``.

Each file starts with a header of ``// key: value`` comment lines::

    // title: Fates of a body's members
    // description: Each member of a body with role, dates and fate.
    // param: body string cc-1917-aug  The body's id (see bodies.csv)

A parameter line gives the name, the type (``string``, ``int``, ``float``, or ``person``: a
person's id, for which any of their names is accepted, see :func:`resolve_people`), the
default (``-`` for none: the parameter is then required) and a description. Values given by
users are converted to that type and passed to Cypher as parameters, never formatted into the
text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import QueryError, UnknownIdError

_TYPES: dict[str, type] = {"string": str, "int": int, "float": float, "person": str}


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

    @property
    def person_parameters(self) -> list[str]:
        """The names of the parameters that take a person (an id, or a name to resolve)."""
        return [p.name for p in self.parameters if p.type == "person"]

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


def collect_params(pairs: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> dict[str, str]:
    """``-p NAME VALUE`` pairs as a mapping; a name given twice is an error, not a silent
    overwrite."""
    given: dict[str, str] = {}
    for name, value in pairs:
        if name in given:
            raise QueryError(
                f"parameter {name!r} is given twice (-p {name} {given[name]!r} and "
                f"-p {name} {value!r}): give it once"
            )
        given[name] = value
    return given


#: Typed forms of an ad-hoc parameter value: ``-p y int:1900``, ``-p y str:1900``.
TYPED_PREFIXES = ("str", "int", "float", "bool", "json")


def parse_adhoc_params(
    pairs: tuple[tuple[str, str], ...] | list[tuple[str, str]], cypher: str | None = None
) -> dict[str, Any]:
    """Parameters of an ad-hoc query.

    ``str:``, ``int:``, ``float:``, ``bool:`` or ``json:`` before a value says its type
    (``str:1900`` is the text "1900"); without one, a value that is a JSON number, boolean, list
    or null is passed as that and anything else as a string. With ``cypher``, every name must
    be a ``$parameter`` of that text and every parameter of the text must be given."""
    params = {name: _typed(name, value) for name, value in collect_params(pairs).items()}
    if cypher is not None:
        used = parameter_names(cypher)
        unknown = sorted(set(params) - used)
        if unknown:
            takes = ", ".join(f"${n}" for n in sorted(used)) or "none"
            # In double quotes a shell replaces $name before the command sees it.
            hint = "" if used else "; in double quotes the shell removes $names: use single quotes"
            raise QueryError(f"the query has no parameter ${unknown[0]} (it uses: {takes}){hint}")
        missing = sorted(used - set(params))
        if missing:
            raise QueryError(f"the query uses ${missing[0]}: give it with -p {missing[0]} VALUE")
    return params


def _typed(name: str, value: str) -> Any:
    import json
    import math

    prefix, colon, rest = value.partition(":")
    if colon and prefix in TYPED_PREFIXES:
        return _convert(name, prefix, rest)
    try:
        parsed = json.loads(value)
    except ValueError:
        return value
    if isinstance(parsed, str | dict) or (isinstance(parsed, float) and not math.isfinite(parsed)):
        return value
    return parsed


def _convert(name: str, kind: str, text: str) -> Any:
    """``text`` as ``kind``, or a QueryError naming the parameter and what was expected."""
    import json
    import math

    try:
        if kind == "str":
            return text
        if kind == "bool":
            if text not in ("true", "false"):
                raise ValueError(text)
            return text == "true"
        parse: dict[str, Callable[[str], Any]] = {"int": int, "float": float, "json": json.loads}
        value = parse[kind](text)
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(text)
        return value
    except ValueError:
        expected = {"bool": "true or false", "json": "JSON"}.get(kind, f"an {kind}")
        if kind == "float":
            expected = "a finite number"
        raise QueryError(f"parameter {name!r}: {text!r} is not {expected}") from None


_PARAMETER = re.compile(r"\$(?:([A-Za-z_][A-Za-z0-9_]*)|`([^`]+)`|([0-9]+))")


def parameter_names(cypher: str) -> set[str]:
    """The names of the ``$parameters`` a Cypher text uses (not counting strings and comments)."""
    from .backends.base import blank_strings_and_comments

    bare = blank_strings_and_comments(cypher, keep_names=True)
    return {next(g for g in match.groups() if g) for match in _PARAMETER.finditer(bare)}


#: Every person in a loaded graph, with what name look-up needs (same on both engines).
PEOPLE_NAMES_CYPHER = (
    "MATCH (p:Person) RETURN p.id AS id, p.name AS name, p.full_name AS full_name, "
    "p.name_ru AS name_ru, p.aliases AS aliases, p.born AS born, p.died AS died"
)


def resolve_people(
    rows: list[dict[str, Any]], params: dict[str, Any], names: list[str]
) -> dict[str, Any]:
    """``params`` with the values of the person parameters ``names`` turned into ids, looked up
    among ``rows`` (the result of :data:`PEOPLE_NAMES_CYPHER`): any name, alias or Russian name
    is accepted; an unknown or ambiguous one raises (see :mod:`bolshevik_graph.names`)."""
    from .names import PersonNames, resolve_name

    people = [
        PersonNames(
            id=str(row["id"]),
            name=str(row.get("name") or row["id"]),
            born=str(row.get("born") or ""),
            died=str(row.get("died") or ""),
            names=tuple(
                str(n)
                for n in (
                    row.get("name"),
                    row.get("full_name"),
                    row.get("name_ru"),
                    *(row.get("aliases") or ()),
                )
                if n
            ),
        )
        for row in rows
    ]
    resolved = dict(params)
    for name in names:
        if isinstance(resolved.get(name), str):
            resolved[name] = resolve_name(people, resolved[name])
    return resolved
