"""Every broken dataset under tests/data/invalid/ gives exactly the problems in its expected.txt."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import INVALID, make_broken

from bolshevik_graph.loader import find_problems

CASES = sorted(path for path in INVALID.iterdir() if path.is_dir())


def test_there_are_enough_broken_cases() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_broken_dataset(case: Path, tmp_path: Path) -> None:
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    problems = [str(problem) for problem in find_problems(make_broken(case, tmp_path))]
    assert problems == expected
