"""Time `render` on the shipped data and on a synthetic graph of about 2,000 nodes, how long each
page takes to be drawn and fitted in headless Debian chromium, and how long moving its year slider
takes (every node and edge restyled and filtered, then drawn).

Run with `.venv/bin/python benchmarks/bench_render.py [--runs N]`. Targets: shipped data under
3 s to write, 2,000 nodes under 10 s to write (both include the layout, computed once per
dataset and process: the first run is timed), every page drawn within 10 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

from bolshevik_graph.loader import load_dataset
from bolshevik_graph.render import render_network

ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
YEAR_CHANGE = """() => new Promise((done) => {
    const start = performance.now();
    graphPage.network.once("afterDrawing", () => done((performance.now() - start) / 1000));
    graphPage.setDay("1937-12-31");
})"""


def browser_seconds(page_path: Path) -> tuple[float, float]:
    """Seconds from navigation until the page is drawn and fitted, and to show another year."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        return float("nan"), float("nan")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        start = time.perf_counter()
        page.goto(page_path.resolve().as_uri())
        page.wait_for_selector("body[data-settled=yes]", timeout=60000)
        drawn = time.perf_counter() - start
        year = float(page.evaluate(YEAR_CHANGE))
        browser.close()
    return drawn, year


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        synthetic = Path(tmp) / "synthetic"
        generate(synthetic, people=1950, relationships=4000, bodies=50)
        cases = {"shipped data": load_dataset(), "synthetic 2,000 nodes": load_dataset(synthetic)}
        for label, dataset in cases.items():
            out = Path(tmp) / "page.html"
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                result = render_network(dataset, out)
                times.append(time.perf_counter() - start)
            size = out.stat().st_size / 1e6
            drawn, year = browser_seconds(out)
            later = statistics.median(times[1:] or times)
            print(
                f"{label:24s} {result.nodes:5d} nodes {result.edges:6d} edges  "
                f"write first {times[0]:.2f} s, then median {later:.2f} s  "
                f"{size:.1f} MB  drawn in {drawn:.1f} s  a year in {year:.2f} s"
            )


if __name__ == "__main__":
    main()
