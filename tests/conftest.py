"""Shared fixtures: the tiny hand-made dataset, the shipped dataset, broken datasets, a runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bolshevik_graph.loader import load_dataset
from bolshevik_graph.models import Dataset

DATA = Path(__file__).parent / "data"
TINY = DATA / "tiny"
INVALID = DATA / "invalid"


@pytest.fixture
def tiny_dir() -> Path:
    """The tiny dataset's directory: eight people whose answers are known by heart."""
    return TINY


@pytest.fixture
def tiny() -> Dataset:
    """The tiny dataset, loaded."""
    return load_dataset(TINY)


@pytest.fixture(scope="session")
def shipped() -> Dataset:
    """The curated dataset shipped in graph_data/, loaded once per test session."""
    return load_dataset()


@pytest.fixture
def runner() -> CliRunner:
    """A click test runner."""
    return CliRunner()


@pytest.fixture
def tiny_copy(tmp_path: Path) -> Path:
    """A writable copy of the tiny dataset, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(TINY, target)
    return target


def make_broken(case: Path, tmp_path: Path) -> Path:
    """The tiny dataset with a broken case's files laid over it.

    A case folder holds the tables it changes, verbatim; a file named ``REMOVE`` lists tables to
    delete; ``expected.txt`` holds the exact problems, one per line.
    """
    target = tmp_path / case.name
    shutil.copytree(TINY, target)
    for file in case.iterdir():
        if file.name == "REMOVE":
            for name in file.read_text().split():
                (target / name).unlink()
        elif file.name != "expected.txt":
            shutil.copyfile(file, target / file.name)
    return target
