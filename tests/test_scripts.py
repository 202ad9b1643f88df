"""scripts/find-python: a Python asked for with PYTHON= is used or refused, never replaced."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FIND_PYTHON = Path(__file__).resolve().parents[1] / "scripts" / "find-python"


def _find(python: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHON": python}
    return subprocess.run([str(FIND_PYTHON)], env=env, capture_output=True, text=True, check=False)


def test_a_good_python_asked_for_is_used() -> None:
    done = _find(sys.executable)
    assert (done.returncode, done.stdout.strip()) == (0, sys.executable)


def test_a_missing_python_is_refused_with_the_reason() -> None:
    done = _find("no-such-python3.12")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "PYTHON=no-such-python3.12: no such command; "
        "give a Python 3.12 or newer, or unset PYTHON.\n"
    )


def test_a_python_too_old_is_refused_with_its_version(tmp_path: Path) -> None:
    old = tmp_path / "python3.11"
    old.write_text('#!/bin/sh\ncase "$*" in *platform*) echo 3.11.7 ;; *) exit 1 ;; esac\n')
    old.chmod(0o755)
    done = _find(str(old))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"PYTHON={old} is Python 3.11.7; bolshevik-graph needs 3.12 or newer.\n"
