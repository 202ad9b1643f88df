"""Property-based fuzzing of the loader: whatever bytes a table holds, reading ends in a clean
load or in located problems, never in an uncaught exception."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner, Result
from conftest import TINY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bolshevik_graph.cli import cli
from bolshevik_graph.errors import Problem
from bolshevik_graph.loader import find_problems
from bolshevik_graph.tables import TABLES

FILES = [table.filename for table in TABLES]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def dataset_with(name: str, content: bytes) -> Iterator[Path]:
    """A copy of the tiny dataset whose file ``name`` holds ``content``."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "data"
        shutil.copytree(TINY, target)
        (target / name).write_bytes(content)
        yield target


def assert_located(problems: list[Problem]) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file.endswith(".csv") and problem.message
        assert problem.line is None or problem.line >= 1
        assert problem.column is None or problem.column >= 1


@FUZZ
@given(name=st.sampled_from(FILES), content=st.binary(max_size=2000))
def test_arbitrary_bytes(name: str, content: bytes) -> None:
    with dataset_with(name, content) as data:
        assert_located(find_problems(data))


@FUZZ
@given(name=st.sampled_from(FILES), cut=st.integers(min_value=0, max_value=4000))
def test_truncated_files(name: str, cut: int) -> None:
    original = (TINY / name).read_bytes() if (TINY / name).exists() else b""
    with dataset_with(name, original[:cut]) as data:
        assert_located(find_problems(data))


@FUZZ
@given(name=st.sampled_from(FILES), delimiter=st.sampled_from([b";", b"\t", b"|", b" "]))
def test_wrong_delimiters(name: str, delimiter: bytes) -> None:
    original = (TINY / name).read_bytes() if (TINY / name).exists() else b"a,b\n"
    with dataset_with(name, original.replace(b",", delimiter)) as data:
        problems = find_problems(data)
        assert problems  # a file with the wrong delimiter is never silently accepted
        assert_located(problems)


@FUZZ
@given(text=st.text(max_size=300), column=st.integers(min_value=0, max_value=15))
def test_odd_unicode_in_any_cell(text: str, column: int) -> None:
    lines = (TINY / "people.csv").read_text(encoding="utf-8").splitlines()
    cells = lines[2].split(",")
    cells[min(column, len(cells) - 1)] = '"' + text.replace('"', '""') + '"'
    content = "\n".join([*lines[:2], ",".join(cells), *lines[3:]]) + "\n"
    with dataset_with("people.csv", content.encode("utf-8", errors="surrogatepass")) as data:
        assert_located(find_problems(data))


def test_huge_field() -> None:
    lines = (TINY / "people.csv").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("Died after a stroke", "x" * 5_000_000)
    with dataset_with("people.csv", ("\n".join(lines) + "\n").encode()) as data:
        assert find_problems(data) == []


@FUZZ
@given(repeat=st.sampled_from(["id", "name", "sources", "born"]))
def test_duplicate_headers(repeat: str) -> None:
    lines = (TINY / "people.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0] + "," + repeat
    rows = [line + "," for line in lines[1:]]
    with dataset_with("people.csv", ("\n".join([header, *rows]) + "\n").encode()) as data:
        problems = find_problems(data)
        assert str(problems[0]) == (
            f"people.csv:1:18 ({repeat}): column appears twice in the header"
        )


# --- the command line: whatever a user types as a value, a clean answer or a one-line error ---

CLI_FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: Text a careless or hostile user might type: any Unicode, Cypher-ish pieces, numbers, dates.
USER_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "0000-01-01",
            "9999-12-31",
            "1937-02-30",
            "-1",
            "1e999",
            "NaN",
            "int:",
            "str:",
            "json:{",
            "lenin",
            "LENIN",
            "Ленин",
            "stalin\x00",
            "../../etc/passwd",
            "$id",
            "'",
            '"',
            "\\",
            "*",
            "%",
            "🙂",
            "١٩٣٧",
            "1937",
            "1937-06",
            "int:99999999999999999999",
        ]
    ),
)
CYPHER_PIECES = st.lists(
    st.sampled_from(
        [
            "MATCH",
            "(p:Person)",
            "-[r]->",
            "(q)",
            "RETURN",
            "p.id AS id",
            "count(*) AS n",
            "WHERE",
            "p.died < $y",
            "UNWIND",
            "range(1, 1000)",
            "AS x",
            "x",
            "ORDER BY",
            "LIMIT",
            "5",
            "$x",
            "'",
            "CREATE",
            "DELETE",
            "//",
            "/*",
            "WITH",
            "DISTINCT",
            ",",
            "CALL",
            "{",
            "}",
            "null",
            "[1, 2]",
            "OPTIONAL MATCH",
        ]
    ),
    max_size=12,
).map(" ".join)


def assert_clean_exit(result: Result) -> None:
    """Exit 0, 1 (a one-line error) or 2 (a usage error), never an uncaught exception."""
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output


@CLI_FUZZ
@given(name=USER_TEXT, value=USER_TEXT)
def test_query_parameters(name: str, value: str) -> None:
    args = ["query", "run", "members-alive-in-year", "-p", name, value, "--data", str(TINY)]
    assert_clean_exit(CliRunner().invoke(cli, args))


@CLI_FUZZ
@given(cypher=st.one_of(CYPHER_PIECES, st.text(max_size=60)), value=USER_TEXT)
def test_adhoc_cypher(cypher: str, value: str) -> None:
    args = ["query", "run", "--cypher", cypher, "-p", "x", value, "--data", str(TINY)]
    assert_clean_exit(CliRunner().invoke(cli, [*args, "--max-memory", "200", "--timeout", "20"]))


@CLI_FUZZ
@given(
    command=st.sampled_from(
        [["central"], ["path", "lenin", "stalin"], ["export", "--format", "json", "-o", "OUT"]]
    ),
    as_of=USER_TEXT,
)
def test_as_of(command: list[str], as_of: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        args = [str(Path(tmp) / "out.json") if a == "OUT" else a for a in command]
        result = CliRunner().invoke(cli, [*args, "--as-of", as_of, "--data", str(TINY)])
        assert_clean_exit(result)


@CLI_FUZZ
@given(focus=USER_TEXT, depth=st.sampled_from(["1", "6", "0", "7", "-1", "999999999999", "x"]))
def test_render_focus(focus: str, depth: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        args = ["render", "-o", str(Path(tmp) / "page.html"), "--focus", focus, "--depth", depth]
        assert_clean_exit(CliRunner().invoke(cli, [*args, "--data", str(TINY)]))


@CLI_FUZZ
@given(a=USER_TEXT, b=USER_TEXT)
def test_path_ends(a: str, b: str) -> None:
    assert_clean_exit(CliRunner().invoke(cli, ["path", a, b, "--data", str(TINY)]))


@CLI_FUZZ
@given(
    command=st.sampled_from(
        [["show"], ["timeline"], ["fates", "--body"], ["survival", "--body"], ["people", "--body"]]
    ),
    value=USER_TEXT,
)
def test_ids_given_by_users(command: list[str], value: str) -> None:
    assert_clean_exit(CliRunner().invoke(cli, [*command, value, "--data", str(TINY)]))
