"""The embedded engine kept in a file: loaded from the CSVs once, then opened as it is.

The file records a fingerprint of the CSVs it was loaded from (in a node labelled
``BolshevikGraphMeta``, outside the project's label), so it is never used with data it does not
hold: changed CSVs give a clear error instead of stale answers.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .backends.embedded import EmbeddedBackend
from .backends.statements import CURRENT_LABEL
from .errors import InvalidValueError
from .loader import load_dataset, resolve_data_dir
from .progress import Progress
from .tables import TABLES

META_LABEL = "BolshevikGraphMeta"


def data_fingerprint(directory: Path) -> str:
    """A SHA-256 over the names and bytes of the dataset's table files."""
    digest = hashlib.sha256()
    for table in TABLES:
        file = directory / table.filename
        if file.is_file():
            with file.open("rb") as handle:
                digest.update(table.filename.encode() + b"\0")
                digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()


def open_database_file(
    path: str | Path,
    data: str | Path | None = None,
    progress: Progress | None = None,
    read_progress: Progress | None = None,
    *,
    write: bool = False,
) -> EmbeddedBackend:
    """The embedded engine in ``path``, loaded from ``data`` (or the shipped CSVs) if it is new.

    An existing, loaded file is opened read-only unless ``write``: reading never changes its
    bytes. The file's directory must exist (it is not created). A load that is interrupted
    leaves no fingerprint, so the next call loads again (a new generation: what the interrupted
    load wrote is removed, see :mod:`.backends.generations`)."""
    target = Path(path)
    if not target.parent.is_dir():
        raise InvalidValueError(
            f"cannot keep the engine in {str(target)!r}: the directory "
            f"{str(target.parent)!r} does not exist (create it first)"
        )
    directory = resolve_data_dir(data)
    expected = data_fingerprint(directory)
    if target.exists() and not write:
        backend = EmbeddedBackend(target, read_only=True)
        if _checked(backend, target, directory, expected):
            return backend
    backend = EmbeddedBackend(target)
    try:
        if _checked(backend, target, directory, expected, close=False):
            return backend
        backend.load(load_dataset(directory, read_progress), progress)
        backend.run(f"CREATE (:{META_LABEL} {{fingerprint: $f}})", {"f": expected}, write=True)
    except BaseException:
        backend.close()
        raise
    return backend


def _checked(
    backend: EmbeddedBackend, path: Path, directory: Path, expected: str, *, close: bool = True
) -> bool:
    """True when ``backend`` holds the data fingerprinted ``expected``; False (closed, unless
    ``close`` is false) when it holds nothing yet; an error when it holds other data."""
    try:
        stored = backend.run(f"MATCH (m:{META_LABEL}) RETURN m.fingerprint AS f").rows
        if stored and stored[0]["f"] != expected:
            raise InvalidValueError(
                f"{str(path)!r} was loaded from other data (the CSVs in {str(directory)!r} have "
                "changed since): delete it to load them again"
            )
        if stored and not backend.run(f"MATCH (c:{CURRENT_LABEL}) RETURN c.generation AS g").rows:
            raise InvalidValueError(
                f"{str(path)!r} was made by an older bolshevik-graph (before generations; the "
                "queries would find nothing in it): delete it to load the data again"
            )
    except BaseException:
        backend.close()
        raise
    if not stored and close:
        backend.close()
    return bool(stored)
