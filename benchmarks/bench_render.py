"""Time `render` on the shipped data and on a synthetic graph of about 2,000 nodes, and how long
each page takes to settle (layout done, physics off) in headless Debian chromium.

Run with `.venv/bin/python benchmarks/bench_render.py [--runs N]`. Targets: shipped data under
1 s to write, 2,000 nodes under 3 s to write, every page settled within 10 s.
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


def settle_seconds(page_path: Path) -> float:
    """Seconds from navigation until the page says its layout has settled."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        return float("nan")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        start = time.perf_counter()
        page.goto(page_path.resolve().as_uri())
        page.wait_for_selector("body[data-settled=yes]", timeout=60000)
        elapsed = time.perf_counter() - start
        browser.close()
    return elapsed


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
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
            print(
                f"{label:24s} {result.nodes:5d} nodes {result.edges:6d} edges  "
                f"write median {statistics.median(times):.2f} s  {size:.1f} MB  "
                f"settles in {settle_seconds(out):.1f} s"
            )


if __name__ == "__main__":
    main()
