"""The fates chart: the data it draws (tested through the function that prepares it) and files."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from bolshevik_graph.charts import chart_data, write_fates_chart
from bolshevik_graph.cli import cli
from bolshevik_graph.errors import InvalidValueError
from bolshevik_graph.fates import fates
from bolshevik_graph.models import Dataset
from bolshevik_graph.palette import FATE_COLOURS


def test_bars_oldest_first_with_fate_colours(tiny: Dataset) -> None:
    bars, missing = chart_data(fates(tiny))
    assert [(b.id, b.age, b.fate, b.killed_on_stalins_orders) for b in bars] == [
        ("lenin", 47, "natural", False),
        ("kollontai", 45, "natural", False),
        ("uritsky", 44, "assassinated", False),
        ("stalin", 38, "natural", False),
        ("trotsky", 38, "assassinated", True),
        ("zinoviev", 34, "executed", True),
    ]
    assert bars[-1].colour == FATE_COLOURS["executed"] == "#c54500"
    assert bars[1].label == "Alexandra Kollontai (candidate)"
    assert missing == []


def test_png(tiny: Dataset, tmp_path: Path) -> None:
    path = write_fates_chart(fates(tiny), tmp_path / "chart.png")
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert 10_000 < len(data) < 2_000_000


def test_svg(tiny: Dataset, tmp_path: Path) -> None:
    path = write_fates_chart(fates(tiny), tmp_path / "chart.svg")
    root = ElementTree.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = path.read_text(encoding="utf-8")
    assert "median 41" in text and "killed on Stalin" in text  # 34, 38, 38, 44, 45, 47


def test_other_formats_are_refused(tiny: Dataset, tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match=r"must end in \.png or \.svg, not 'chart\.pdf'"):
        write_fates_chart(fates(tiny), tmp_path / "chart.pdf")


def test_cli_chart(runner: CliRunner, tiny_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "c.png"
    result = runner.invoke(cli, ["fates", "--chart", str(out), "--data", str(tiny_dir)])
    assert result.exit_code == 0
    assert out.read_bytes().startswith(b"\x89PNG")
