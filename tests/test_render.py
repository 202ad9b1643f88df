"""The network page: self-contained, safe with hostile data, and drawn in a real browser."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bolshevik_graph.cli import cli
from bolshevik_graph.loader import load_dataset
from bolshevik_graph.models import Dataset
from bolshevik_graph.render import render_network

HOSTILE = Path(__file__).parent / "data" / "hostile"
REMOTE = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.I
)


@pytest.fixture
def page(tmp_path: Path, tiny: Dataset, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tiny dataset rendered, from an empty working directory."""
    monkeypatch.chdir(tmp_path)
    return render_network(tiny, tmp_path / "page.html").path


def test_one_self_contained_file(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert not REMOTE.search(text)
    assert "cdnjs" not in text and "jsdelivr" not in text
    assert "vis.Network" in text
    assert sorted(p.name for p in page.parent.iterdir()) == ["page.html"]  # no lib/ folder


def test_hostile_data_is_escaped_in_the_html(tmp_path: Path) -> None:
    data = load_dataset(HOSTILE)
    path = render_network(data, tmp_path / "hostile.html", title="<b>x</b> & </title>").path
    text = path.read_text(encoding="utf-8")
    assert "<title>&lt;b&gt;x&lt;/b&gt; &amp; &lt;/title&gt;</title>" in text
    assert "<img src=x" not in text
    assert "window.__xss=2</script>" not in text
    assert "<script>window.__xss" not in text
    assert "</title><script>" not in text


def test_cli_render(runner: CliRunner, tiny_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "net.html"
    result = runner.invoke(cli, ["render", "-o", str(out), "--data", str(tiny_dir)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out}: 11 nodes, 15 edges\n"


def test_cli_render_bad_date(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["render", "-o", str(tmp_path / "x.html"), "--as-of", "1937-13-01"])
    assert result.exit_code == 2
    assert "Invalid value for --as-of: '1937-13-01' has no month 13" in result.stderr


def test_cli_render_unwritable(runner: CliRunner, tiny_dir: Path) -> None:
    result = runner.invoke(cli, ["render", "-o", "/no/such/dir/x.html", "--data", str(tiny_dir)])
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: cannot write '/no/such/dir/x.html': No such file or directory\n",
    )


def test_pages_too_big_for_a_browser_are_refused_unless_asked(
    runner: CliRunner, tiny_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "page.html"
    result = runner.invoke(
        cli, ["render", "-o", str(out), "--max-nodes", "5", "--data", str(tiny_dir)]
    )
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: the page would show 11 nodes, more than a browser lays out well (5): narrow it by "
        "body, focus and depth, date, relationship type or confidence, or raise the limit "
        "(--max-nodes)\n",
    )
    assert not out.exists()
    result = runner.invoke(
        cli, ["render", "-o", str(out), "--max-nodes", "0", "--data", str(tiny_dir)]
    )
    assert result.exit_code == 0 and out.exists()


# --- in a real browser ------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium")
needs_browser = pytest.mark.skipif(
    not CHROMIUM and not os.environ.get("CI"),
    reason="Debian's chromium is not installed (`.ci/run` installs it; `apt-get install chromium`)",
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    """Headless Debian chromium driven by Playwright (no browser download)."""
    playwright = pytest.importorskip("playwright.sync_api")
    assert CHROMIUM, "chromium must be installed on CI"
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def _open(browser, path: Path):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    seen: dict[str, list[str]] = {"errors": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url))

    def on_dialog(dialog):  # type: ignore[no-untyped-def]
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("body[data-settled=yes]", timeout=15000)
    return page, seen


@needs_browser
def test_page_draws_offline_without_errors(browser, page: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view, seen = _open(browser, page)
    shot = tmp_path / "shot.png"
    view.screenshot(path=str(shot))
    assert seen["errors"] == []
    assert seen["requests"] == [page.resolve().as_uri()]
    import matplotlib.image

    pixels = matplotlib.image.imread(str(shot))
    assert pixels.std() > 0.05  # not a blank page
    assert view.inner_text("#status") == "11 nodes, 15 edges. Hover for details."
    view.fill("#search", "zinov")
    view.press("#search", "Enter")
    assert view.inner_text("#status") == "1 found: Grigory Zinoviev"
    view.close()


@needs_browser
def test_hostile_page_runs_nothing(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = render_network(load_dataset(HOSTILE), tmp_path / "hostile.html").path
    view, seen = _open(browser, path)
    # Hover every node so every tooltip is drawn.
    for node in view.evaluate("nodes.getIds()"):
        point = view.evaluate(f"network.canvasToDOM(network.getPositions([{node!r}])[{node!r}])")
        view.mouse.move(point["x"] + 300, point["y"])  # the network sits right of a 270px sidebar
        view.wait_for_timeout(250)
    assert seen["dialogs"] == []
    assert view.evaluate("window.__xss") is None
    assert view.evaluate("document.querySelectorAll('#network img, .vis-tooltip img').length") == 0
    assert '<img src=x onerror="window.__xss=1;alert(1)">' in view.evaluate(
        "nodes.get().map(n => n.label).join('\\n')"
    )
    assert seen["errors"] == []
    view.close()


def test_every_edge_type_has_a_style() -> None:
    from bolshevik_graph.graph import EDGE_TYPES
    from bolshevik_graph.render import EDGE_STYLES

    assert sorted(EDGE_STYLES) == sorted(EDGE_TYPES)


def test_the_shipped_data_renders(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "all.html"
    result = runner.invoke(cli, ["render", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"wrote {out}: ")
