"""The network page: self-contained, safe with hostile data, one fixed map, and right in a real
browser (Debian chromium driven by Playwright): details on click, the year slider, search, the URL
hash, filters, keyboard, export and print."""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bolshevik_graph.cli import cli
from bolshevik_graph.graph import select_subgraph
from bolshevik_graph.loader import load_dataset
from bolshevik_graph.models import Dataset
from bolshevik_graph.pagedata import edge_rows
from bolshevik_graph.palette import FATE_SHAPES, STALIN_MARK
from bolshevik_graph.render import render_network

HOSTILE = Path(__file__).parent / "data" / "hostile"
REMOTE = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.I
)
COMMITTEE = "cc-1917-aug"


def page_data(path: Path) -> dict[str, Any]:
    """The JSON document a page embeds."""
    text = path.read_text(encoding="utf-8")
    found = re.search(r'<script id="page-data" type="application/json">(.*?)</script>', text, re.S)
    assert found
    data: dict[str, Any] = json.loads(found[1])
    data["edges"] = edge_rows(data["edges"])  # as the page's script turns them into objects
    return data


@pytest.fixture
def page(tmp_path: Path, tiny: Dataset, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tiny dataset rendered, from an empty working directory."""
    monkeypatch.chdir(tmp_path)
    return render_network(tiny, tmp_path / "page.html").path


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shipped data: the whole page, the committee page, and a focus page."""
    data = load_dataset()
    folder = tmp_path_factory.mktemp("pages")
    return {
        "whole": render_network(data, folder / "whole.html").path,
        "committee": render_network(data, folder / "cc.html", body=COMMITTEE).path,
        "focus": render_network(data, folder / "focus.html", focus="bukharin", depth=1).path,
    }


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
    assert page_data(path)["nodes"][0]["name"] == '<img src=x onerror="window.__xss=1;alert(1)">'


def test_the_map_is_shared_by_every_view(pages: dict[str, Path], tmp_path: Path) -> None:
    """Positions come from the whole dataset: a person sits at one place on every page."""
    places: dict[str, tuple[float, float]] = {}
    for path in pages.values():
        for node in page_data(path)["nodes"]:
            assert places.setdefault(node["id"], (node["x"], node["y"])) == (node["x"], node["y"])
    again = render_network(load_dataset(), tmp_path / "again.html", as_of=date(1937, 1, 1)).path
    assert page_data(again)["nodes"] == page_data(pages["whole"])["nodes"]


def test_edges_are_told_in_words_with_titled_sources(pages: dict[str, Path]) -> None:
    data = page_data(pages["committee"])
    (purge,) = [
        e
        for e in data["edges"]
        if (e["from"], e["type"], e["to"]) == ("bukharin", "PURGED_BY", "stalin")
    ]
    assert purge["text"] == "Nikolai Bukharin was purged by Joseph Stalin"
    assert purge["span"] == "1937-02-27 – 1938-03-15"
    for source in purge["sources"]:
        assert data["sources"][source]["title"]
        assert data["sources"][source]["url"].startswith(("https://", "http://", ""))


@pytest.mark.parametrize("year", [1917, 1937])
def test_cli_counts_are_those_of_as_of(
    runner: CliRunner, shipped: Dataset, tmp_path: Path, year: int
) -> None:
    out = tmp_path / "cc.html"
    day = date(year, 12, 31)
    args = ["render", "-o", str(out), "--body", COMMITTEE, "--as-of", day.isoformat()]
    result = runner.invoke(cli, args)
    graph = select_subgraph(shipped, body=COMMITTEE, as_of=day)
    data = page_data(out)
    assert result.stdout == (
        f"wrote {out}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges in "
        f"force on {day} (the page holds {len(data['nodes'])} nodes, {len(data['edges'])} edges "
        "across the years)\n"
    )


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
VIEWPORT = {"width": 1600, "height": 1000}


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    """Headless Debian chromium driven by Playwright (no browser download)."""
    playwright = pytest.importorskip("playwright.sync_api")
    assert CHROMIUM, "chromium must be installed on CI"
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def _open(browser, path: Path, fragment: str = ""):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=VIEWPORT, accept_downloads=True)
    seen: dict[str, list[str]] = {"errors": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url))

    def on_dialog(dialog):  # type: ignore[no-untyped-def]
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.resolve().as_uri() + fragment)
    page.wait_for_selector("body[data-settled=yes]", timeout=15000)
    return page, seen


def _point(view, js_canvas_point: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """A point of the map (a JS expression in canvas coordinates) on the screen."""
    found = view.evaluate(
        f"""() => {{
        const p = graphPage.network.canvasToDOM({js_canvas_point});
        const r = document.getElementById('network').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top];
    }}"""
    )
    return found[0], found[1]


def _click_edges(view, keys: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    """Click the middle of each edge; what went wrong, if anything."""
    wrong = []
    data = {e["key"]: e for e in view.evaluate("graphPage.data.edges")}
    names = {n["id"]: n["name"] for n in view.evaluate("graphPage.data.nodes")}
    for key in keys:
        x, y = _point(view, f"graphPage.network.body.edges[{key!r}].edgeType.getPoint(0.5)")
        view.mouse.click(x, y)
        panel = view.evaluate("Object.assign({}, document.getElementById('details').dataset)")
        heading = view.inner_text("#details h2")
        edge = data[key]
        expected = {"kind": "edge", "id": key, "from": edge["from"], "to": edge["to"]}
        if {k: panel.get(k) for k in expected} != expected or panel.get("type") != edge["type"]:
            wrong.append(f"{key} {edge['text']}: panel showed {panel} {heading!r}")
        elif not (names[edge["from"]] in heading and names[edge["to"]] in heading):
            wrong.append(f"{key}: heading {heading!r}")
    return wrong


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
    assert view.inner_text("#status") == "11 nodes, 15 edges, across all years."
    view.close()


@needs_browser
def test_hostile_page_runs_nothing(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = render_network(load_dataset(HOSTILE), tmp_path / "hostile.html").path
    view, seen = _open(browser, path)
    for node in view.evaluate("graphPage.nodeView.getIds()"):
        x, y = _point(view, f"graphPage.network.getPositions([{node!r}])[{node!r}]")
        view.mouse.move(x, y)
        view.mouse.click(x, y)  # hint and details panel drawn
    keys = view.evaluate("graphPage.edgeView.getIds()")
    _click_edges(view, keys)
    view.fill("#search", "<img")
    view.press("#search", "Enter")
    assert seen["dialogs"] == []
    assert view.evaluate("window.__xss") is None
    assert view.evaluate("document.querySelectorAll('img, iframe, object').length") == 0
    view.evaluate("graphPage.select({node: 'lenin'})")
    assert '<img src=x onerror="window.__xss=1;alert(1)">' in view.inner_text("#details h2")
    hrefs = view.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert all(h.startswith(("http://", "https://")) for h in hrefs)
    assert seen["errors"] == []
    view.close()


@needs_browser
def test_a_click_on_any_committee_edge_names_its_two_people(browser, pages) -> None:  # type: ignore[no-untyped-def]
    view, _ = _open(browser, pages["committee"])
    keys = view.evaluate("graphPage.edgeView.getIds()")
    assert len(keys) == len(page_data(pages["committee"])["edges"])
    assert _click_edges(view, keys) == []
    view.close()


@needs_browser
def test_a_click_on_edges_of_the_whole_page_names_their_two_people(browser, pages) -> None:  # type: ignore[no-untyped-def]
    view, _ = _open(browser, pages["whole"])
    keys = view.evaluate("graphPage.edgeView.getIds()")
    sample = keys[:: max(1, len(keys) // 50)][:50]
    assert len(sample) == 50
    assert _click_edges(view, sample) == []
    heading = view.evaluate(
        "graphPage.select({edge: graphPage.data.edges.find(e => e.from === 'bukharin' && "
        "e.type === 'PURGED_BY').key}) || document.querySelector('#details h2').textContent"
    )
    assert heading.startswith(
        "Nikolai Bukharin was purged by Joseph Stalin, 1937-02-27 – 1938-03-15"
    )
    assert view.evaluate("document.querySelectorAll('#details .sources a[href^=http]').length") > 0
    view.close()


@needs_browser
def test_two_loads_draw_the_same_picture(browser, pages) -> None:  # type: ignore[no-untyped-def]
    shots = []
    for _ in range(2):
        view, _seen = _open(browser, pages["whole"])
        shots.append(view.screenshot())
        view.close()
    assert shots[0] == shots[1]


@needs_browser
def test_labels_of_the_whole_page_do_not_overlap(browser, pages) -> None:  # type: ignore[no-untyped-def]
    """Under 5% of labels touch another label or another node, at the opening zoom."""
    view, _ = _open(browser, pages["whole"])
    found = view.evaluate(
        """() => {
        const net = graphPage.network;
        const items = graphPage.nodeView.getIds().map((id) => {
            const node = net.body.nodes[id];
            const l = node.labelModule.size;
            const box = node.options.shape === 'box';
            const w = box ? node.shape.width / 2 : node.options.size;
            const h = box ? node.shape.height / 2 : node.options.size;
            return {id, label: [l.left, l.top, l.left + l.width, l.top + l.height],
                    body: [node.x - w, node.y - h, node.x + w, node.y + h], font: l.height};
        });
        const hit = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
        const bad = items.filter((a) => items.some((b) => a !== b &&
            (hit(a.label, b.label) || hit(a.label, b.body))));
        return {labels: items.length, overlapping: bad.map((a) => a.id), scale: net.getScale()};
    }"""
    )
    assert found["labels"] == len(page_data(pages["whole"])["nodes"])
    assert len(found["overlapping"]) < 0.05 * found["labels"], found


@needs_browser
def test_the_year_slider_shows_each_year_in_place(browser, pages, shipped: Dataset) -> None:  # type: ignore[no-untyped-def]
    view, _ = _open(browser, pages["committee"])
    view.evaluate("window.__same_page = true")
    before = view.evaluate("graphPage.network.getPositions()")
    view.focus("#year")
    view.keyboard.press("Home")  # 1917
    for year in range(1917, 1938):
        if year > 1917:
            view.keyboard.press("ArrowRight")
        if year not in (1917, 1937):
            continue
        graph = select_subgraph(shipped, body=COMMITTEE, as_of=date(year, 12, 31))
        shown = view.evaluate("Object.assign({}, document.body.dataset)")
        assert (shown["day"], int(shown["nodes"]), int(shown["edges"])) == (
            f"{year}-12-31",
            graph.number_of_nodes(),
            graph.number_of_edges(),
        )
        assert view.evaluate("graphPage.edgeView.length") == graph.number_of_edges()
    assert view.evaluate("window.__same_page") is True
    after = view.evaluate("graphPage.network.getPositions()")
    assert {k: after[k] for k in before if k in after} == {k: before[k] for k in after}
    zinoviev = view.evaluate("graphPage.nodes.get('zinoviev')")
    assert "zinoviev" in view.evaluate("graphPage.nodeView.getIds()")
    assert view.evaluate("graphPage.nodeState('zinoviev')") == "dead"
    assert (zinoviev["shape"], zinoviev["color"]["border"]) == (
        FATE_SHAPES["executed"],
        STALIN_MARK,
    )
    assert view.evaluate("graphPage.nodeState('bukharin')") == "alive"
    assert "#year=1937" in view.evaluate("location.hash")
    view.close()


SEARCHES = [
    ("Koba", "stalin"),
    ("Dzhugashvili", "stalin"),
    ("Сталин", "stalin"),
    ("Bronstein", "trotsky"),
    ("Iron Felix", "dzerzhinsky"),
    ("ramon", "mercader"),
    ("zinov", "zinoviev"),
]


@needs_browser
def test_search_finds_names_aliases_and_russian_names(browser, pages) -> None:  # type: ignore[no-untyped-def]
    view, _ = _open(browser, pages["whole"])
    for query, expected in SEARCHES:
        view.fill("#search", query)
        first = view.get_attribute("#suggestions li:first-child", "data-id")
        assert first == expected, query
        view.press("#search", "Enter")
        assert view.get_attribute("body", "data-focus") == expected, query
        assert view.get_attribute("#details", "data-id") == expected
    lit = view.evaluate("graphPage.nodes.get().filter(n => n.opacity === 1).map(n => n.id)")
    assert (
        "zinoviev" in lit
        and "kamenev" in lit
        and len(lit) < 0.5 * len(page_data(pages["whole"])["nodes"])
    )
    view.close()


@needs_browser
def test_the_view_is_in_the_url(browser, pages) -> None:  # type: ignore[no-untyped-def]
    view, _ = _open(browser, pages["whole"], "#focus=bukharin&year=1937")
    for _ in range(2):
        assert view.get_attribute("body", "data-focus") == "bukharin"
        assert view.get_attribute("body", "data-day") == "1937-12-31"
        assert view.inner_text("#details h2") == "Nikolai Bukharin"
        assert view.input_value("#year") == "1937"
        view.reload()
        view.wait_for_selector("body[data-settled=yes]")
    view.close()


@needs_browser
def test_legend_entries_toggle_types_and_confidence(browser, pages) -> None:  # type: ignore[no-untyped-def]
    data = page_data(pages["whole"])
    view, _ = _open(browser, pages["whole"])
    total = len(data["edges"])
    purges = sum(e["type"] == "PURGED_BY" for e in data["edges"])
    view.click("button[data-type=PURGED_BY]")
    assert view.evaluate("graphPage.edgeView.length") == total - purges
    assert view.get_attribute("button[data-type=PURGED_BY]", "aria-pressed") == "false"
    view.click("button[data-type=PURGED_BY]")
    disputed = sum(e.get("confidence") == "disputed" for e in data["edges"])
    view.click("button[data-confidence=disputed]")
    assert view.evaluate("graphPage.edgeView.length") == total - disputed
    view.close()


@needs_browser
def test_keyboard_export_and_print(browser, pages, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view, _ = _open(browser, pages["committee"])
    view.focus("#network")
    view.keyboard.press("ArrowRight")
    first = view.get_attribute("body", "data-focus")
    assert first
    view.keyboard.press("ArrowDown")
    assert view.get_attribute("body", "data-focus") not in ("", first)
    view.keyboard.press("Escape")
    assert view.get_attribute("body", "data-focus") == ""
    with view.expect_download() as download:
        view.click("#export")
    png = tmp_path / "map.png"
    download.value.save_as(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    view.emulate_media(media="print")
    view.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    shape = view.evaluate(
        "(() => { const c = document.querySelector('#network canvas'); "
        "return [c.width / c.height, c.clientWidth / c.clientHeight]; })()"
    )
    assert shape[0] == pytest.approx(shape[1], rel=0.02)
    view.close()


def test_every_edge_type_has_a_style() -> None:
    from bolshevik_graph.graph import EDGE_TYPES
    from bolshevik_graph.palette import EDGE_STYLES

    assert sorted(EDGE_STYLES) == sorted(EDGE_TYPES)


def test_the_shipped_data_renders(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "all.html"
    result = runner.invoke(cli, ["render", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"wrote {out}: ")
